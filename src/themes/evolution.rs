//! Thematic evolution (Cobo et al. 2011) as bibliometrix's `thematicEvolution()`
//! computes it (R/thematicEvolution.R, R/timeslice.R):
//!
//! - **Periods.** The cut years Y1 < Y2 < … split the records' years into right-closed
//!   intervals `(min − 1, Y1], (Y1, Y2], …, (Yk, max]` (R's `cut()`), so a cut year
//!   belongs to the earlier period. A period is labelled by the first and last year
//!   of its records (`2005-2010`). Records without a year take no part.
//! - **Themes per period.** A thematic map ([`super::map`]) of the period's records,
//!   with bibliometrix's evolution default of 2 per thousand for the occurrence
//!   threshold (still at least 2 occurrences).
//! - **Links** join themes of *consecutive* periods that share at least one word
//!   (`inner_join(by = "Words")`). With A, B the two themes' words (those that passed
//!   the threshold) and occ_t(w) a word's occurrences in period t:
//!   - inclusion index = |A ∩ B| / min(|A|, |B|);
//!   - weighted inclusion = Σ_{w ∈ A∩B} min(occ_t(w), occ_t+1(w)) /
//!     min(Σ_{w∈A} occ_t(w), Σ_{w∈B} occ_t+1(w));
//!   - stability (Jaccard) = |A ∩ B| / |A ∪ B|.
//!
//!   A link's `weight` is the chosen index ([`Inclusion`]); bibliometrix keeps every
//!   sharing pair (no threshold).

use super::fields::FieldItems;
use super::map::{MapParams, ThematicMap, thematic_map};
use crate::model::Corpus;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Which index weighs evolution links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Inclusion {
    /// |A ∩ B| / min(|A|, |B|).
    #[default]
    Plain,
    /// Shared occurrences over the smaller theme's occurrences.
    Weighted,
}

/// bibliometrix's default occurrence threshold for evolution (per thousand records).
pub const DEFAULT_PERIOD_MIN_FREQ: f64 = 2.0;

/// One period and its themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    /// `first-last` year of its records.
    pub label: String,
    /// The interval `(after, until]` it covers.
    pub after: i32,
    pub until: i32,
    pub map: ThematicMap,
}

/// A link between a theme of period `period` and one of period `period + 1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvolutionLink {
    /// Index of the earlier period.
    pub period: usize,
    /// Theme index in the earlier period's map.
    pub from: usize,
    /// Theme index in the next period's map.
    pub to: usize,
    pub inclusion: f64,
    pub weighted_inclusion: f64,
    pub stability: f64,
    /// The chosen index.
    pub weight: f64,
    /// Keys of the shared words, sorted.
    pub shared: Vec<String>,
}

/// Themes per period and the links between consecutive periods.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evolution {
    pub periods: Vec<Period>,
    /// Sorted by period, then earlier theme, then later theme.
    pub links: Vec<EvolutionLink>,
}

/// A period's interval `(after, until]` and the indices of its records.
pub type PeriodRecords = ((i32, i32), Vec<usize>);

/// The records of each period cut at `cuts` (see the module docs): the intervals
/// `(after, until]` and the record indices. An error names a cut that leaves a period
/// without records.
pub fn periods(corpus: &Corpus, cuts: &[i32]) -> Result<Vec<PeriodRecords>, String> {
    let (lo, hi) = corpus
        .year_range()
        .ok_or("no record has a publication year")?;
    let mut cuts = cuts.to_vec();
    cuts.sort_unstable();
    cuts.dedup();
    if let Some(c) = cuts.iter().find(|&&c| c < lo || c >= hi) {
        return Err(format!(
            "cut year {c} leaves a period without records: the records span {lo}–{hi}, \
             so cuts must lie in {lo}..={}",
            hi - 1
        ));
    }
    let mut breaks = vec![lo - 1];
    breaks.extend(&cuts);
    breaks.push(hi);
    let mut out = Vec::new();
    for w in breaks.windows(2) {
        let (after, until) = (w[0], w[1]);
        let recs: Vec<usize> = corpus
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.year.is_some_and(|y| y > after && y <= until))
            .map(|(i, _)| i)
            .collect();
        if recs.is_empty() {
            return Err(format!("the period {}–{until} has no records", after + 1));
        }
        out.push(((after, until), recs));
    }
    Ok(out)
}

/// Links between two consecutive maps (module docs).
fn link(period: usize, a: &ThematicMap, b: &ThematicMap, which: Inclusion) -> Vec<EvolutionLink> {
    // Word key → (theme, occurrences) in the later map.
    let mut later: FxHashMap<&str, (usize, u32)> = FxHashMap::default();
    for (t, theme) in b.themes.iter().enumerate() {
        for w in &theme.words {
            later.insert(&w.key, (t, w.occurrences));
        }
    }
    let mut out = Vec::new();
    for (i, ta) in a.themes.iter().enumerate() {
        // Later theme → (shared keys, Σ min occurrences).
        let mut shared: Vec<(usize, Vec<String>, u32)> = Vec::new();
        for w in &ta.words {
            if let Some(&(j, occ)) = later.get(w.key.as_str()) {
                let m = w.occurrences.min(occ);
                match shared.iter_mut().find(|s| s.0 == j) {
                    Some(s) => {
                        s.1.push(w.key.clone());
                        s.2 += m;
                    }
                    None => shared.push((j, vec![w.key.clone()], m)),
                }
            }
        }
        shared.sort_by_key(|s| s.0);
        for (j, mut keys, min_sum) in shared {
            let tb = &b.themes[j];
            keys.sort();
            let n = keys.len() as f64;
            let (la, lb) = (ta.words.len() as f64, tb.words.len() as f64);
            let inclusion = n / la.min(lb);
            let weighted_inclusion = min_sum as f64 / ta.size.min(tb.size).max(1) as f64;
            let stability = n / (la + lb - n);
            out.push(EvolutionLink {
                period,
                from: i,
                to: j,
                inclusion,
                weighted_inclusion,
                stability,
                weight: match which {
                    Inclusion::Plain => inclusion,
                    Inclusion::Weighted => weighted_inclusion,
                },
                shared: keys,
            });
        }
    }
    out
}

/// The thematic evolution of `items` over the periods cut at `cuts`; `p` is the
/// map of each period (its `min_freq` is the evolution's threshold).
pub fn evolution(
    corpus: &Corpus,
    items: &FieldItems,
    cuts: &[i32],
    p: &MapParams,
    which: Inclusion,
) -> Result<Evolution, String> {
    let mut out = Evolution::default();
    for ((after, until), recs) in periods(corpus, cuts)? {
        let years = recs.iter().filter_map(|&r| corpus.records[r].year);
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
        out.periods.push(Period {
            label: if first == last {
                first.to_string()
            } else {
                format!("{first}-{last}")
            },
            after,
            until,
            map: thematic_map(items, &recs, p),
        });
    }
    for k in 1..out.periods.len() {
        let l = link(k - 1, &out.periods[k - 1].map, &out.periods[k].map, which);
        out.links.extend(l);
    }
    Ok(out)
}
