//! The thematic map (strategic diagram) of Cobo, López-Herrera, Herrera-Viedma &
//! Herrera (2011, J. Informetrics 5(1):146–166) as bibliometrix's `thematicMap()`
//! computes it (R/thematicMap.R, bibliometrix 4.x):
//!
//! 1. **Words.** The `n` (default 250) words held by most records; a word's occurrence
//!    count c_i is its number of records. Ties at the cut are broken by key (R's
//!    `sort()` leaves them in column order).
//! 2. **Network.** c_ij = number of records holding both words. Words linked to no
//!    other word are dropped (`remove.isolates = TRUE`).
//! 3. **Themes.** Louvain clustering of the raw co-occurrence counts (not of the
//!    normalised strengths), the best modularity of `runs` (default 10) seeded runs, as
//!    bibliometrix's `clusteringNetwork()` does; cocite's own Louvain/Leiden
//!    ([`crate::analysis::cluster`]) replaces igraph's, so clusters can differ where
//!    modularity has near ties.
//! 4. **Occurrence filter.** Only words with c_i ≥ `minfreq` take part in the measures,
//!    where `minfreq = max(2, ⌊min_freq · records / 1000⌋)` (`min_freq` per thousand
//!    records, default 5). A theme left without words is dropped.
//! 5. **Measures**, on association strengths e_ij = c_ij / (c_i c_j) (with e_ii = 1/c_i):
//!    - Callon centrality = Σ e_ij over links from the theme's words to other themes'
//!      words (bibliometrix drops Cobo's ×10 and his equivalence index c_ij²/(c_i c_j));
//!    - Callon density = 100 · Σ e_ij over the theme's own words (i ≤ j, the e_ii
//!      included) / number of the theme's words.
//!
//!    bibliometrix 4.x sums the upper triangle of e (words in order of occurrence,
//!    most frequent first), so a link between two themes counts for the theme of its
//!    more frequent word only, and an internal pair once. [`Counting::Symmetric`]
//!    gives the earlier bibliometrix (≤ 3.0) and Cobo's counting instead: every
//!    external link counts for both themes and internal pairs twice.
//! 6. **Quadrants.** Themes are placed by the ranks of centrality and density (R's
//!    `rank()`, ties averaged); the split lines are the mean ranks (k + 1)/2, i.e. the
//!    median rank. High centrality means a rank above the split (a theme on the line
//!    counts as low): motor (high, high), niche (low centrality, high density), basic
//!    (high, low), emerging or declining (low, low).
//! 7. **Size and label.** A theme's size is Σ c_i over its words (bibliometrix's
//!    `freq`); its label is its most frequent word, the map shows its top words
//!    (bibliometrix ≤ 4.0; later versions rank label words by a mix of frequency and
//!    PageRank).

use super::fields::FieldItems;
use crate::analysis::cluster::{leiden, louvain, modularity};
use crate::network::{Counting as LinkCounting, cooccurrence};
use petgraph::graph::{NodeIndex, UnGraph};
use serde::{Deserialize, Serialize};

/// How links are summed into centrality and density (see the module docs, step 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Counting {
    /// bibliometrix 4.x: the upper triangle of the strength matrix.
    #[default]
    Triangle,
    /// bibliometrix ≤ 3.0 and Cobo et al.: the full symmetric matrix.
    Symmetric,
}

/// The clustering algorithm for themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeClustering {
    /// Louvain, bibliometrix's default for the thematic map.
    #[default]
    Louvain,
    /// Leiden (modularity at the same resolution).
    Leiden,
}

/// Parameters of one thematic map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapParams {
    /// Words taken, by occurrence (bibliometrix `n`).
    pub n: usize,
    /// Minimum occurrences per thousand records (bibliometrix `minfreq`).
    pub min_freq: f64,
    pub clustering: ThemeClustering,
    /// Modularity resolution.
    pub resolution: f64,
    /// First seed; runs use `seed..seed + runs`.
    pub seed: u64,
    /// Clustering runs; the best modularity is kept.
    pub runs: u32,
    pub counting: Counting,
}

/// bibliometrix's default number of words.
pub const DEFAULT_WORDS: usize = 250;
/// bibliometrix's default minimum frequency of the thematic map (per thousand records).
pub const DEFAULT_MIN_FREQ: f64 = 5.0;
/// bibliometrix's number of Louvain runs.
pub const DEFAULT_RUNS: u32 = 10;
/// bibliometrix's seed.
pub const DEFAULT_SEED: u64 = 1234;

impl Default for MapParams {
    fn default() -> Self {
        MapParams {
            n: DEFAULT_WORDS,
            min_freq: DEFAULT_MIN_FREQ,
            clustering: ThemeClustering::Louvain,
            resolution: 1.0,
            seed: DEFAULT_SEED,
            runs: DEFAULT_RUNS,
            counting: Counting::Triangle,
        }
    }
}

/// The quadrant of a theme on the strategic diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High centrality, high density (upper right).
    Motor,
    /// Low centrality, high density (upper left).
    Niche,
    /// High centrality, low density (lower right).
    Basic,
    /// Low centrality, low density (lower left).
    EmergingOrDeclining,
}

impl Quadrant {
    /// The quadrant's name as written in `themes.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Quadrant::Motor => "motor",
            Quadrant::Niche => "niche",
            Quadrant::Basic => "basic",
            Quadrant::EmergingOrDeclining => "emerging or declining",
        }
    }

    /// The quadrant of ranks `(rc, rd)` with split `mean` (see the module docs).
    pub fn of(rank_centrality: f64, rank_density: f64, mean: f64) -> Quadrant {
        match (rank_centrality > mean, rank_density > mean) {
            (true, true) => Quadrant::Motor,
            (false, true) => Quadrant::Niche,
            (true, false) => Quadrant::Basic,
            (false, false) => Quadrant::EmergingOrDeclining,
        }
    }
}

/// A word of a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeWord {
    pub key: String,
    pub label: String,
    /// Records holding it (c_i).
    pub occurrences: u32,
}

/// One theme (a cluster of words).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// The most frequent word.
    pub label: String,
    /// Its words, most frequent first (ties by key).
    pub words: Vec<ThemeWord>,
    /// Σ occurrences of its words.
    pub size: u32,
    pub centrality: f64,
    pub density: f64,
    /// Rank of the centrality among the map's themes (1 = lowest; ties averaged).
    pub rank_centrality: f64,
    pub rank_density: f64,
    pub quadrant: Quadrant,
}

/// A thematic map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThematicMap {
    /// Themes, largest first (ties by label).
    pub themes: Vec<Theme>,
    /// Records the map was built from.
    pub records: usize,
    /// The occurrence threshold applied (`max(2, ⌊min_freq · records / 1000⌋)`).
    pub min_occurrences: u32,
    /// Words in the co-occurrence network (after the top `n` and isolates).
    pub network_words: usize,
    /// Modularity of the chosen clustering.
    pub modularity: f64,
}

impl ThematicMap {
    /// The split of both rank axes: the mean rank (k + 1) / 2.
    pub fn split(&self) -> f64 {
        (self.themes.len() as f64 + 1.0) / 2.0
    }
}

/// The occurrence threshold bibliometrix derives from `min_freq` per thousand records.
pub fn min_occurrences(min_freq: f64, records: usize) -> u32 {
    let v = (min_freq * records as f64 / 1000.0).floor();
    if v.is_finite() && v > 2.0 {
        v as u32
    } else {
        2
    }
}

/// R's `rank()` with ties averaged: 1-based ranks, equal values share the mean rank.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let r = (i + j) as f64 / 2.0 + 1.0;
        for &o in &order[i..=j] {
            ranks[o] = r;
        }
        i = j + 1;
    }
    ranks
}

/// The `n` items held by most of `records`, most frequent first (ties by key), with
/// their counts; items held by no record are never taken.
fn top_words(items: &FieldItems, records: &[usize], n: usize) -> Vec<(u32, u32)> {
    let counts = items.counts(records);
    let mut words: Vec<(u32, u32)> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, &c)| (i as u32, c))
        .collect();
    words.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| items.keys[a.0 as usize].cmp(&items.keys[b.0 as usize]))
    });
    words.truncate(n);
    words
}

/// Clusters the graph: the best modularity of `runs` seeded runs (first wins ties).
fn cluster(g: &UnGraph<(), f64>, p: &MapParams) -> (Vec<u32>, f64) {
    let mut best: Option<(Vec<u32>, f64)> = None;
    for k in 0..p.runs.max(1) {
        let seed = p.seed.wrapping_add(k as u64);
        let m = match p.clustering {
            ThemeClustering::Louvain => louvain(g, p.resolution, seed),
            ThemeClustering::Leiden => leiden(g, p.resolution, seed),
        };
        let q = modularity(g, &m, p.resolution);
        if best.as_ref().is_none_or(|b| q > b.1) {
            best = Some((m, q));
        }
    }
    best.unwrap_or_default()
}

/// The thematic map of `records` (indices into `items.per_record`).
pub fn thematic_map(items: &FieldItems, records: &[usize], p: &MapParams) -> ThematicMap {
    let words = top_words(items, records, p.n);
    // Local id = position in `words` (occurrence order, the order of bibliometrix's rows).
    let mut local = vec![u32::MAX; items.keys.len()];
    for (l, &(g, _)) in words.iter().enumerate() {
        local[g as usize] = l as u32;
    }
    let trans: Vec<Vec<u32>> = records
        .iter()
        .map(|&r| {
            let mut t: Vec<u32> = items.per_record[r]
                .iter()
                .map(|&g| local[g as usize])
                .filter(|&l| l != u32::MAX)
                .collect();
            t.sort_unstable();
            t
        })
        .collect();
    let pairs = cooccurrence(&trans, words.len(), LinkCounting::Full);
    // Network nodes: words with at least one link, numbered in occurrence order.
    let mut linked = vec![false; words.len()];
    for &(i, j, _) in &pairs {
        linked[i as usize] = true;
        linked[j as usize] = true;
    }
    let mut nodes = 0u32;
    let node: Vec<u32> = linked
        .iter()
        .map(|&l| {
            if !l {
                return u32::MAX;
            }
            nodes += 1;
            nodes - 1
        })
        .collect();
    let mut g: UnGraph<(), f64> = UnGraph::with_capacity(nodes as usize, pairs.len());
    for _ in 0..nodes {
        g.add_node(());
    }
    for &(i, j, c) in &pairs {
        g.add_edge(
            NodeIndex::new(node[i as usize] as usize),
            NodeIndex::new(node[j as usize] as usize),
            c,
        );
    }
    let (membership, modularity) = cluster(&g, p);
    let group: Vec<Option<u32>> = node
        .iter()
        .map(|&v| (v != u32::MAX).then(|| membership[v as usize]))
        .collect();
    let min_occ = min_occurrences(p.min_freq, records.len());
    let occ: Vec<u32> = words.iter().map(|w| w.1).collect();
    let kept: Vec<Option<u32>> = group
        .iter()
        .zip(&occ)
        .map(|(g, &c)| g.filter(|_| c >= min_occ))
        .collect();
    let mut themes = measure(&kept, &occ, &pairs, p.counting, |l| {
        let g = words[l].0 as usize;
        (items.keys[g].clone(), items.labels[g].clone())
    });
    rank(&mut themes);
    ThematicMap {
        themes,
        records: records.len(),
        min_occurrences: min_occ,
        network_words: nodes as usize,
        modularity,
    }
}

/// Centrality, density, size and words of each theme (module docs, steps 5 and 7).
/// `group[l]` is word l's theme where it takes part, `occ[l]` its occurrences, `pairs`
/// the co-occurrences (l < m, c_lm) among words in occurrence order.
fn measure(
    group: &[Option<u32>],
    occ: &[u32],
    pairs: &[(u32, u32, f64)],
    counting: Counting,
    name: impl Fn(usize) -> (String, String),
) -> Vec<Theme> {
    let k = group
        .iter()
        .flatten()
        .map(|&g| g as usize + 1)
        .max()
        .unwrap_or(0);
    let mut centrality = vec![0.0; k];
    let mut internal = vec![0.0; k];
    let mut words: Vec<Vec<ThemeWord>> = vec![Vec::new(); k];
    for (l, g) in group.iter().enumerate() {
        if let Some(g) = *g {
            internal[g as usize] += 1.0 / occ[l] as f64;
            let (key, label) = name(l);
            words[g as usize].push(ThemeWord {
                key,
                label,
                occurrences: occ[l],
            });
        }
    }
    let twice = if counting == Counting::Symmetric {
        2.0
    } else {
        1.0
    };
    for &(l, m, c) in pairs {
        let (Some(gl), Some(gm)) = (group[l as usize], group[m as usize]) else {
            continue;
        };
        let e = c / (occ[l as usize] as f64 * occ[m as usize] as f64);
        if gl == gm {
            internal[gl as usize] += twice * e;
        } else {
            // Row l (the more frequent word) owns the link in the upper triangle.
            centrality[gl as usize] += e;
            if counting == Counting::Symmetric {
                centrality[gm as usize] += e;
            }
        }
    }
    let mut themes: Vec<Theme> = words
        .into_iter()
        .enumerate()
        .filter(|(_, w)| !w.is_empty())
        .map(|(g, mut w)| {
            w.sort_by(|a, b| b.occurrences.cmp(&a.occurrences).then(a.key.cmp(&b.key)));
            Theme {
                label: w[0].label.clone(),
                size: w.iter().map(|x| x.occurrences).sum(),
                centrality: centrality[g],
                density: 100.0 * internal[g] / w.len() as f64,
                words: w,
                rank_centrality: 0.0,
                rank_density: 0.0,
                quadrant: Quadrant::EmergingOrDeclining,
            }
        })
        .collect();
    themes.sort_by(|a, b| b.size.cmp(&a.size).then(a.label.cmp(&b.label)));
    themes
}

/// Ranks and quadrants (module docs, step 6).
fn rank(themes: &mut [Theme]) {
    let c: Vec<f64> = themes.iter().map(|t| t.centrality).collect();
    let d: Vec<f64> = themes.iter().map(|t| t.density).collect();
    let (rc, rd) = (average_ranks(&c), average_ranks(&d));
    let mean = (themes.len() as f64 + 1.0) / 2.0;
    for (i, t) in themes.iter_mut().enumerate() {
        t.rank_centrality = rc[i];
        t.rank_density = rd[i];
        t.quadrant = Quadrant::of(rc[i], rd[i], mean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_average_ties() {
        assert_eq!(
            average_ranks(&[3.0, 1.0, 3.0, 2.0]),
            vec![3.5, 1.0, 3.5, 2.0]
        );
        assert!(average_ranks(&[]).is_empty());
    }

    #[test]
    fn threshold_per_thousand() {
        assert_eq!(min_occurrences(5.0, 1000), 5);
        assert_eq!(min_occurrences(5.0, 96), 2);
        assert_eq!(min_occurrences(5.0, 2500), 12);
        assert_eq!(min_occurrences(f64::NAN, 10), 2);
    }

    #[test]
    fn quadrant_rule() {
        // Four themes: mean rank 2.5.
        assert_eq!(Quadrant::of(4.0, 3.0, 2.5), Quadrant::Motor);
        assert_eq!(Quadrant::of(1.0, 3.0, 2.5), Quadrant::Niche);
        assert_eq!(Quadrant::of(3.0, 2.0, 2.5), Quadrant::Basic);
        assert_eq!(Quadrant::of(2.0, 1.0, 2.5), Quadrant::EmergingOrDeclining);
        // On the split counts as low.
        assert_eq!(Quadrant::of(2.5, 2.5, 2.5), Quadrant::EmergingOrDeclining);
    }
}
