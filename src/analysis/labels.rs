//! Cluster labels from the citing records of each cluster, as CiteSpace offers them:
//! log-likelihood ratio (Dunning 1993), TF-IDF and mutual information.
//!
//! Candidate terms of a record: its author keywords and Keywords Plus as whole phrases
//! (lower-cased), the 1–3-word n-grams of its title and the 2–3-word n-grams of its
//! abstract (single abstract words are mostly verbs and adverbs without a part-of-speech
//! tagger). Text is cut into phrases at punctuation, words not starting with a letter
//! and stop words ([`STOP_WORDS`]: common English words
//! plus the boilerplate of abstracts); n-grams never cross a cut. Each record counts a
//! term once (a term repeated in one abstract is one occurrence), so labels describe
//! what many citing records share.
//!
//! With count(t, C) the number of C's citing records that contain t, summed over
//! clusters into the table of N term occurrences:
//! - **LLR**: Dunning's G² = 2 Σ k_ij ln(k_ij / E_ij) on the 2×2 table k11 = count(t, C),
//!   k12 = other terms in C, k21 = t outside C, k22 = other terms outside C; only terms
//!   over-represented in C (k11 > E11) are ranked. CiteSpace's default.
//! - **TF-IDF**: count(t, C) · ln(K / df_t), df_t = clusters whose records contain t.
//! - **MI**: expected mutual information (in bits) between "a record contains t" and "a
//!   record cites C", over the records citing any cluster (Manning, Raghavan & Schütze
//!   2008, §13.5.1); over-represented terms only. It works on records rather than term
//!   occurrences, which is what makes it differ from LLR (G² = 2N · MI on one table).
//!
//! Ties are broken by count, then by where the term comes from (author keywords, then
//! Keywords Plus, then titles, then abstracts: a cluster cited by one record would
//! otherwise be labelled by whichever of its abstract's phrases sorts first), then by
//! length (the longer phrase), then alphabetically, so labels are deterministic. A
//! term's source is the best one it was seen in among the records citing some cluster.
//!
//! Only the records citing some cluster are read (candidate terms in
//! [`super::terms`]); [`Tally::build_parallel`] counts their terms in parallel chunks
//! without keeping each record's term list, so labelling a 200-node network of a
//! million records costs time in the citing records and memory in the terms.

use super::params::LabelMethod;
use rustc_hash::FxHashMap;

use super::terms::Interning;
pub use super::terms::{
    RecordText, STOP_WORDS, Source, TermTable, ngrams, ngrams_from, record_terms,
    record_terms_with_source,
};

/// What ranking needs of the records citing the clusters: per cluster, the number of
/// its records containing each term; per term, the number of records (citing any
/// cluster) containing it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub terms: Vec<String>,
    /// The best source each term was seen in.
    pub sources: Vec<Source>,
    /// `count[c]`: term id → records of cluster c containing the term.
    pub count: Vec<FxHashMap<u32, u64>>,
    /// Per term id, the distinct records citing any cluster that contain it.
    pub records_with: Vec<u64>,
    /// Distinct records citing any cluster.
    pub universe: u64,
    /// Records citing each cluster.
    pub sizes: Vec<u64>,
}

impl Tally {
    /// The tally of `clusters` (record indices into `table.records`).
    pub fn of_table(table: &TermTable, clusters: &[Vec<u32>]) -> Self {
        let empty: &[u32] = &[];
        let count = clusters
            .iter()
            .map(|recs| {
                let mut m: FxHashMap<u32, u64> = FxHashMap::default();
                for &r in recs {
                    for &t in table.records.get(r as usize).map_or(empty, |v| v) {
                        *m.entry(t).or_default() += 1;
                    }
                }
                m
            })
            .collect();
        let (records_with, universe) = record_universe(table, clusters);
        Tally {
            terms: table.terms.clone(),
            sources: table.sources.clone(),
            count,
            records_with,
            universe,
            sizes: clusters.iter().map(|c| c.len() as u64).collect(),
        }
    }

    /// The tally of `n` records, each citing the clusters `clusters_of(i)` (each
    /// once) and with the texts `text(i)`, without keeping every record's terms: chunks
    /// of records are tallied in parallel, then added up in order (terms are numbered
    /// as [`TermTable::build`] numbers them).
    pub fn build_parallel<'a, T, C>(n: usize, k: usize, clusters_of: C, text: T) -> Self
    where
        T: Fn(usize) -> RecordText<'a> + Sync,
        C: Fn(usize) -> &'a [u32] + Sync,
    {
        use rayon::prelude::*;
        const CHUNK: usize = 2048;
        let per_round = rayon::current_num_threads().max(1) * 4;
        let mut global = Interning::default();
        let mut tally = Tally {
            count: vec![FxHashMap::default(); k],
            sizes: vec![0; k],
            ..Default::default()
        };
        let starts: Vec<usize> = (0..n).step_by(CHUNK).collect();
        for round in starts.chunks(per_round) {
            let chunks: Vec<(Vec<String>, Vec<Source>, Tally)> = round
                .par_iter()
                .map(|&s| {
                    let mut local = Interning::default();
                    let mut t = Tally {
                        count: vec![FxHashMap::default(); k],
                        sizes: vec![0; k],
                        ..Default::default()
                    };
                    let mut buf = String::new();
                    for i in s..(s + CHUNK).min(n) {
                        let rec = local.record(&text(i), &mut buf);
                        t.records_with.resize(local.terms.len(), 0);
                        for &term in &rec {
                            t.records_with[term as usize] += 1;
                        }
                        for &c in clusters_of(i) {
                            t.sizes[c as usize] += 1;
                            for &term in &rec {
                                *t.count[c as usize].entry(term).or_default() += 1;
                            }
                        }
                        t.universe += 1;
                    }
                    (local.terms, local.sources, t)
                })
                .collect();
            for (terms, sources, t) in chunks {
                let to_global: Vec<u32> = terms
                    .iter()
                    .zip(sources)
                    .map(|(x, source)| global.id(x, source))
                    .collect();
                tally.records_with.resize(global.terms.len(), 0);
                for (l, &w) in t.records_with.iter().enumerate() {
                    tally.records_with[to_global[l] as usize] += w;
                }
                for (c, m) in t.count.into_iter().enumerate() {
                    for (l, v) in m {
                        *tally.count[c].entry(to_global[l as usize]).or_default() += v;
                    }
                    tally.sizes[c] += t.sizes[c];
                }
                tally.universe += t.universe;
            }
        }
        tally.terms = global.terms;
        tally.sources = global.sources;
        tally
    }
}

/// Ranks the terms of each cluster, best first, keeping `top` per cluster.
/// `clusters[c]` lists the records citing cluster c (indices into `table.records`).
pub fn rank(
    table: &TermTable,
    clusters: &[Vec<u32>],
    method: LabelMethod,
    top: usize,
) -> Vec<Vec<(String, f64)>> {
    rank_tally(&Tally::of_table(table, clusters), method, top)
}

/// [`rank`] from a [`Tally`].
pub fn rank_tally(tally: &Tally, method: LabelMethod, top: usize) -> Vec<Vec<(String, f64)>> {
    let nt = tally.terms.len();
    let count = &tally.count;
    let mut col = vec![0u64; nt];
    let mut df = vec![0u64; nt];
    for m in count {
        for (&t, &k) in m {
            col[t as usize] += k;
            df[t as usize] += 1;
        }
    }
    let row: Vec<u64> = count.iter().map(|m| m.values().sum()).collect();
    let n: u64 = row.iter().sum();
    let terms = &tally.terms;
    count
        .iter()
        .enumerate()
        .map(|(c, m)| {
            let mut scored: Vec<(u32, u64, f64)> = m
                .iter()
                .filter_map(|(&t, &k)| {
                    let ti = t as usize;
                    let score = match method {
                        LabelMethod::Llr => llr(k, row[c], col[ti], n),
                        LabelMethod::Tfidf => {
                            Some(k as f64 * (count.len() as f64 / df[ti] as f64).ln())
                        }
                        LabelMethod::Mi => mutual_information(
                            k,
                            tally.sizes[c],
                            tally.records_with[ti],
                            tally.universe,
                        ),
                    }?;
                    Some((t, k, score))
                })
                .collect();
            let source = |t: u32| tally.sources.get(t as usize).copied();
            let words = |t: u32| terms[t as usize].split(' ').count();
            let order = |a: &(u32, u64, f64), b: &(u32, u64, f64)| {
                b.2.total_cmp(&a.2)
                    .then(b.1.cmp(&a.1))
                    .then_with(|| source(a.0).cmp(&source(b.0)))
                    .then_with(|| words(b.0).cmp(&words(a.0)))
                    .then_with(|| terms[a.0 as usize].cmp(&terms[b.0 as usize]))
            };
            // The order is total (terms are distinct): the best `top` are found by
            // selection, then only they are sorted.
            if scored.len() > top && top > 0 {
                scored.select_nth_unstable_by(top - 1, order);
            }
            scored.truncate(top);
            scored.sort_by(order);
            scored
                .into_iter()
                .map(|(t, _, s)| (terms[t as usize].clone(), s))
                .collect()
        })
        .collect()
}

/// Per term, the distinct records citing any cluster that contain it; and their number.
fn record_universe(table: &TermTable, clusters: &[Vec<u32>]) -> (Vec<u64>, u64) {
    let mut seen = vec![false; table.records.len()];
    let mut with = vec![0u64; table.terms.len()];
    let mut universe = 0;
    for &r in clusters.iter().flatten() {
        let r = r as usize;
        if r < seen.len() && !seen[r] {
            seen[r] = true;
            universe += 1;
            for &t in &table.records[r] {
                with[t as usize] += 1;
            }
        }
    }
    (with, universe)
}

/// Dunning's G² for k11 occurrences of a term in a cluster with `row` occurrences of all
/// terms, the term occurring `col` times in all, `n` occurrences in all; `None` unless
/// the term is over-represented.
pub fn llr(k11: u64, row: u64, col: u64, n: u64) -> Option<f64> {
    let cells = [k11, row - k11, col - k11, n + k11 - row - col];
    let (rows, cols) = ([row, n - row], [col, n - col]);
    let expected = |i: usize, j: usize| rows[i] as f64 * cols[j] as f64 / n as f64;
    if (k11 as f64) <= expected(0, 0) {
        return None;
    }
    let g2: f64 = (0..4)
        .map(|x| {
            let k = cells[x] as f64;
            if k > 0.0 {
                k * (k / expected(x / 2, x % 2)).ln()
            } else {
                0.0
            }
        })
        .sum();
    Some(2.0 * g2)
}

/// Expected mutual information (bits) of term presence and cluster membership over
/// `n` records: `n11` records cite the cluster and contain the term, `n_c` cite the
/// cluster, `n_t` contain the term. `None` unless the term is over-represented.
pub fn mutual_information(n11: u64, n_c: u64, n_t: u64, n: u64) -> Option<f64> {
    if n == 0 || (n11 as f64) * (n as f64) <= (n_c as f64) * (n_t as f64) {
        return None;
    }
    let cells = [
        (n11, n_t, n_c),
        (n_t - n11, n_t, n - n_c),
        (n_c - n11, n - n_t, n_c),
        (n + n11 - n_c - n_t, n - n_t, n - n_c),
    ];
    let nf = n as f64;
    Some(
        cells
            .iter()
            .filter(|c| c.0 > 0)
            .map(|&(k, a, b)| (k as f64 / nf) * (nf * k as f64 / (a as f64 * b as f64)).log2())
            .sum(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn ngrams_stop_at_punctuation_and_stop_words() {
        let mut out = Vec::new();
        ngrams(
            "Deep learning of citation networks: a 2019 review",
            &mut out,
        );
        assert_eq!(
            out,
            vec![
                "deep",
                "learning",
                "deep learning",
                "citation",
                "networks",
                "citation networks",
                "review"
            ]
        );
    }

    #[test]
    fn llr_and_mi_match_hand_computation() {
        // Table [[10, 90], [10, 890]], N = 1000. E11 = 100·20/1000 = 2, E12 = 98,
        // E21 = 18, E22 = 882. G² = 2[10 ln 5 + 90 ln(90/98) + 10 ln(10/18) + 890 ln(890/882)]
        // = 21.17696 (python: 21.176963409905998).
        let g2 = llr(10, 100, 20, 1000).expect("over-represented");
        let hand = 2.0
            * (10.0 * 5f64.ln()
                + 90.0 * (90f64 / 98.0).ln()
                + 10.0 * (10f64 / 18.0).ln()
                + 890.0 * (890f64 / 882.0).ln());
        assert!(
            (g2 - hand).abs() < 1e-9 && (g2 - 21.176963409905998).abs() < 1e-9,
            "{g2}"
        );
        assert_eq!(llr(2, 100, 20, 1000), None);
        // MI on the same table read as records: equals G² / (2N ln 2) bits.
        let mi = mutual_information(10, 100, 20, 1000).expect("over-represented");
        assert!((mi - g2 / (2000.0 * 2f64.ln())).abs() < 1e-12);
    }

    #[test]
    fn parallel_tally_equals_tally_of_table() {
        // 5,000 records (three chunks of 2,048) drawing titles and keywords from small
        // vocabularies, so that terms recur across chunks in varying order.
        let words = [
            "graph", "citation", "network", "topic", "model", "review", "map",
        ];
        let titles: Vec<String> = (0..5_000usize)
            .map(|i| {
                (0..4)
                    .map(|k| words[(i * 7 + k * k * 3 + i / 13) % words.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        // Keywords new in every chunk, first seen in a different order than their ids
        // within a chunk would suggest.
        let kws: Vec<String> = (0..5_000usize)
            .map(|i| format!("Keyword {}", (i / 300) * 7 % 17 + (i % 5) * 17))
            .collect();
        let text = |i: usize| RecordText {
            title: &titles[i],
            abstract_text: if i.is_multiple_of(3) {
                "The citation network of topic models."
            } else {
                ""
            },
            author_keywords: vec![&kws[i]],
            keywords_plus: Vec::new(),
        };
        let table = TermTable::build((0..titles.len()).map(text));
        assert!(table.terms.len() > 20, "{}", table.terms.len());
        // Records cite none, one or two of three clusters.
        let clusters_of: Vec<Vec<u32>> = (0..titles.len() as u32)
            .map(|i| match i % 5 {
                0 => vec![],
                1 | 2 => vec![i % 3],
                _ => vec![i % 3, (i + 1) % 3],
            })
            .collect();
        let mut clusters = vec![Vec::new(); 3];
        for (i, cs) in clusters_of.iter().enumerate() {
            for &c in cs {
                clusters[c as usize].push(i as u32);
            }
        }
        let sequential = Tally::of_table(&table, &clusters);
        // The parallel tally sees only the records citing some cluster.
        let rows: Vec<usize> = (0..titles.len())
            .filter(|&i| !clusters_of[i].is_empty())
            .collect();
        let parallel = Tally::build_parallel(
            rows.len(),
            3,
            |i| clusters_of[rows[i]].as_slice(),
            |i| text(rows[i]),
        );
        // Term ids differ (the table also numbers the terms of records citing no
        // cluster): compare by term.
        type ByTerm<'a> = (
            Vec<BTreeMap<&'a str, u64>>,
            BTreeMap<&'a str, u64>,
            u64,
            Vec<u64>,
        );
        fn by_term(t: &Tally) -> ByTerm<'_> {
            let count: Vec<BTreeMap<&str, u64>> = t
                .count
                .iter()
                .map(|m| {
                    m.iter()
                        .map(|(&i, &v)| (t.terms[i as usize].as_str(), v))
                        .collect()
                })
                .collect();
            let with: BTreeMap<&str, u64> = t
                .records_with
                .iter()
                .enumerate()
                .filter(|&(_, &v)| v > 0)
                .map(|(i, &v)| (t.terms[i].as_str(), v))
                .collect();
            (count, with, t.universe, t.sizes.clone())
        }
        assert_eq!(parallel.universe, 4_000);
        assert_eq!(by_term(&parallel), by_term(&sequential));
        for method in [LabelMethod::Llr, LabelMethod::Tfidf, LabelMethod::Mi] {
            assert_eq!(
                rank_tally(&parallel, method, 5),
                rank_tally(&sequential, method, 5)
            );
        }
    }

    #[test]
    fn rank_prefers_terms_specific_to_a_cluster() {
        let kw = |k: &[&'static str]| RecordText {
            author_keywords: k.to_vec(),
            ..Default::default()
        };
        let table = TermTable::build([
            kw(&["citation analysis", "bibliometrics"]),
            kw(&["citation analysis", "h-index"]),
            kw(&["topic models", "bibliometrics"]),
            kw(&["topic models", "text mining"]),
        ]);
        let clusters = vec![vec![0, 1], vec![2, 3]];
        for method in [LabelMethod::Llr, LabelMethod::Tfidf, LabelMethod::Mi] {
            let ranked = rank(&table, &clusters, method, 3);
            assert_eq!(ranked[0][0].0, "citation analysis", "{method:?}");
            assert_eq!(ranked[1][0].0, "topic models", "{method:?}");
            // "bibliometrics" is in both clusters: never over-represented.
            assert!(
                ranked[0]
                    .iter()
                    .all(|(t, s)| t != "bibliometrics" || *s <= 0.0),
                "{method:?}"
            );
        }
    }

    #[test]
    fn ties_go_to_keywords_then_titles_then_longer_phrases() {
        // Cluster 0 is cited by one record only: each of its terms occurs once there and
        // nowhere else, so all tie on score and count. The author keyword wins over the
        // title's phrases, which win over the abstract's ("actively involved" would
        // win alphabetically); among title phrases the longest comes first.
        let one = RecordText {
            title: "Open innovation platforms",
            abstract_text: "Firms are actively involved in open innovation platforms.",
            author_keywords: vec!["crowdsourcing"],
            ..Default::default()
        };
        let other = RecordText {
            title: "Supply chains",
            ..Default::default()
        };
        let table = TermTable::build([one, other]);
        let ranked = rank(&table, &[vec![0], vec![1]], LabelMethod::Llr, 20);
        let terms: Vec<&str> = ranked[0].iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(terms[0], "crowdsourcing", "{terms:?}");
        assert_eq!(terms[1], "open innovation platforms", "{terms:?}");
        let title_last = terms
            .iter()
            .rposition(|t| !t.contains("involved") && !t.starts_with("firms"))
            .unwrap();
        let abstract_first = terms
            .iter()
            .position(|t| *t == "actively involved")
            .unwrap();
        assert!(title_last < abstract_first, "{terms:?}");
    }
}
