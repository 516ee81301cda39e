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
//! length (the longer phrase), then alphabetically, so labels are deterministic.

use crate::pipeline::LabelMethod;
use rustc_hash::FxHashMap;

/// Words that never start, end or sit inside a candidate phrase.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "based",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "et",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    // Boilerplate of titles and abstracts.
    "abstract",
    "article",
    "copyright",
    "elsevier",
    "findings",
    "inc",
    "ltd",
    "paper",
    "present",
    "propose",
    "proposed",
    "reserved",
    "result",
    "results",
    "rights",
    "show",
    "shows",
    "study",
    "studies",
    "using",
    "wiley",
    "sons",
    "examines",
    "discussed",
    "discusses",
    "find",
    "argue",
    "develop",
    "identify",
    "test",
    "three",
    "two",
    "one",
    "new",
];

/// The candidate terms of all records, interned: `records[r]` lists record r's term
/// ids, each once, sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermTable {
    pub terms: Vec<String>,
    /// The best source each term was seen in ([`Source`]).
    pub sources: Vec<Source>,
    pub records: Vec<Vec<u32>>,
}

/// Where a candidate term was found; earlier variants win ties in [`rank`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    AuthorKeyword,
    KeywordPlus,
    Title,
    Abstract,
}

/// The text fields of one record used for labels.
#[derive(Debug, Clone, Default)]
pub struct RecordText<'a> {
    pub title: &'a str,
    pub abstract_text: &'a str,
    pub author_keywords: Vec<&'a str>,
    pub keywords_plus: Vec<&'a str>,
}

fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(w)
}

/// Appends the 1–3-word n-grams of `text` that cross no punctuation or stop word.
pub fn ngrams(text: &str, out: &mut Vec<String>) {
    ngrams_from(text, 1, out);
}

/// Appends the `shortest`–3-word n-grams of `text` (see [`ngrams`]).
pub fn ngrams_from(text: &str, shortest: usize, out: &mut Vec<String>) {
    let lower = text.to_lowercase();
    for phrase in
        lower.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c.is_whitespace()))
    {
        let mut run: Vec<&str> = Vec::new();
        let words = phrase
            .split_whitespace()
            .map(|w| w.trim_matches(|c| c == '-' || c == '\''));
        for w in words.chain(std::iter::once("")) {
            let keep = w.chars().count() > 1
                && w.chars().next().is_some_and(char::is_alphabetic)
                && !is_stop(w);
            if keep {
                run.push(w);
                continue;
            }
            for len in shortest..=3 {
                for win in run.windows(len) {
                    out.push(win.join(" "));
                }
            }
            run.clear();
        }
    }
}

/// Candidate terms of one record (duplicates included; [`TermTable::build`] dedups).
pub fn record_terms(text: &RecordText) -> Vec<String> {
    record_terms_with_source(text)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// [`record_terms`] with where each term was found.
pub fn record_terms_with_source(text: &RecordText) -> Vec<(String, Source)> {
    let mut out = Vec::new();
    for (kws, source) in [
        (&text.author_keywords, Source::AuthorKeyword),
        (&text.keywords_plus, Source::KeywordPlus),
    ] {
        for kw in kws {
            let k = kw.trim().to_lowercase();
            if !k.is_empty() && !is_stop(&k) {
                out.push((k, source));
            }
        }
    }
    let mut grams = Vec::new();
    ngrams(text.title, &mut grams);
    out.extend(grams.drain(..).map(|g| (g, Source::Title)));
    ngrams_from(text.abstract_text, 2, &mut grams);
    out.extend(grams.into_iter().map(|g| (g, Source::Abstract)));
    out
}

impl TermTable {
    /// Interns the candidate terms of each record.
    pub fn build<'a>(texts: impl IntoIterator<Item = RecordText<'a>>) -> Self {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut table = TermTable::default();
        for text in texts {
            let mut rec: Vec<u32> = record_terms_with_source(&text)
                .into_iter()
                .map(|(t, source)| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(t).or_insert_with_key(|t| {
                        table.terms.push(t.clone());
                        table.sources.push(source);
                        next
                    });
                    let best = &mut table.sources[id as usize];
                    *best = (*best).min(source);
                    id
                })
                .collect();
            rec.sort_unstable();
            rec.dedup();
            table.records.push(rec);
        }
        table
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
    let nt = table.terms.len();
    // count[c]: term -> records of cluster c containing it.
    let count: Vec<FxHashMap<u32, u64>> = clusters
        .iter()
        .map(|recs| {
            let mut m: FxHashMap<u32, u64> = FxHashMap::default();
            for &r in recs {
                for &t in table
                    .records
                    .get(r as usize)
                    .map_or(&[][..], |v| v.as_slice())
                {
                    *m.entry(t).or_default() += 1;
                }
            }
            m
        })
        .collect();
    let mut col = vec![0u64; nt];
    let mut df = vec![0u64; nt];
    for m in &count {
        for (&t, &k) in m {
            col[t as usize] += k;
            df[t as usize] += 1;
        }
    }
    let row: Vec<u64> = count.iter().map(|m| m.values().sum()).collect();
    let n: u64 = row.iter().sum();
    let (records_with, universe) = record_universe(table, clusters);
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
                            Some(k as f64 * (clusters.len() as f64 / df[ti] as f64).ln())
                        }
                        LabelMethod::Mi => mutual_information(
                            k,
                            clusters[c].len() as u64,
                            records_with[ti],
                            universe,
                        ),
                    }?;
                    Some((t, k, score))
                })
                .collect();
            let source = |t: u32| table.sources.get(t as usize).copied();
            let words = |t: u32| table.terms[t as usize].split(' ').count();
            scored.sort_by(|a, b| {
                b.2.total_cmp(&a.2)
                    .then(b.1.cmp(&a.1))
                    .then_with(|| source(a.0).cmp(&source(b.0)))
                    .then_with(|| words(b.0).cmp(&words(a.0)))
                    .then_with(|| table.terms[a.0 as usize].cmp(&table.terms[b.0 as usize]))
            });
            scored.truncate(top);
            scored
                .into_iter()
                .map(|(t, _, s)| (table.terms[t as usize].clone(), s))
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
