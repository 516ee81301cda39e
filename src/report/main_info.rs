//! The "Main Information" table of biblioshiny (bibliometrix's first page), computed as
//! biblioshiny's `ValueBoxes(M)` computes it (Aria & Cuccurullo 2017, bibliometrix
//! `inst/biblioshiny/utils.R`), on the loaded records (duplicates across files already
//! merged):
//!
//! | row | definition |
//! |---|---|
//! | documents | the records |
//! | timespan | first and last publication year |
//! | sources | distinct sources (journals, books, proceedings: `SO`), compared upper-cased with commas removed and spaces folded; records without a source are not counted |
//! | annual growth rate % | ((n_last / n_first)^(1 / (last − first)) − 1) · 100, n = documents in the first and last year that have documents; 0 for a single year |
//! | average citations per document | mean of the records' global citation counts (WoS `TC`) over the records that have one |
//! | references | distinct cited works, by cocite's reference key ([`crate::model::cited_ref`]; bibliometrix compares the reference strings) |
//! | author keywords (DE), Keywords Plus (ID) | distinct keywords, upper-cased, `.` and `,` read as spaces, spaces folded |
//! | authors | distinct author names (`AU`), upper-cased, `.` and `,` read as spaces, spaces folded |
//! | authors of single-authored documents | distinct authors of the documents with one author |
//! | single-authored documents | documents with one author |
//! | co-authors per document | mean number of authors per document |
//! | international co-authorship % | documents whose addresses name more than one country, over all documents, · 100 |
//! | document types | documents per lower-cased document type (`DT`) |
//!
//! As in bibliometrix, a record without authors counts as one author (R's
//! `lengths(strsplit(NA, ";"))` is 1), so it counts as single-authored; Web of Science
//! records always have authors. The document average age of biblioshiny is left out:
//! it depends on the day the table is made, and a report must be reproducible.
//!
//! Annual production is biblioshiny's "Annual Scientific Production" (documents per
//! year, every year of the timespan, zeros included) with the mean global citations
//! per document of each year (its "Average Citations per Year" table's `MeanTCperArt`).

use crate::model::{Corpus, Sym};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One year of annual production.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnualRow {
    pub year: i32,
    pub documents: usize,
    /// Mean global citations (TC) of the year's documents that have a count.
    pub mean_citations: Option<f64>,
}

/// biblioshiny's Main Information table (module docs for each definition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MainInformation {
    pub documents: usize,
    /// First and last publication year.
    pub timespan: Option<(i32, i32)>,
    pub sources: usize,
    pub annual_growth_rate_pct: f64,
    pub average_citations_per_document: Option<f64>,
    pub references: usize,
    pub author_keywords: usize,
    pub keywords_plus: usize,
    pub authors: usize,
    pub authors_of_single_authored_documents: usize,
    pub single_authored_documents: usize,
    pub co_authors_per_document: f64,
    pub international_co_authorship_pct: f64,
    /// Documents per lower-cased document type (`unknown` where the record has none).
    pub document_types: BTreeMap<String, usize>,
    /// Documents and mean citations per year, every year of the timespan.
    pub annual_production: Vec<AnnualRow>,
}

/// The key bibliometrix compares names and keywords by: upper case, `.` and `,` as
/// spaces, runs of spaces folded.
pub fn name_key(s: &str) -> String {
    s.to_uppercase()
        .replace(['.', ','], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Distinct keys of the strings `syms` of every record gives.
fn distinct<'a>(
    corpus: &Corpus,
    syms: impl Iterator<Item = &'a Sym>,
    key: fn(&str) -> String,
) -> usize {
    let mut seen: FxHashSet<Sym> = FxHashSet::default();
    let mut keys: FxHashSet<String> = FxHashSet::default();
    for &s in syms {
        if seen.insert(s) {
            let k = key(corpus.strings.get(s));
            if !k.is_empty() {
                keys.insert(k);
            }
        }
    }
    keys.len()
}

/// biblioshiny's annual growth rate from documents per year (years with documents).
pub fn annual_growth_rate(per_year: &BTreeMap<i32, usize>) -> f64 {
    let (Some((&y0, &n0)), Some((&y1, &n1))) = (per_year.iter().next(), per_year.iter().last())
    else {
        return 0.0;
    };
    if y1 == y0 || n0 == 0 {
        return 0.0;
    }
    ((n1 as f64 / n0 as f64).powf(1.0 / f64::from(y1 - y0)) - 1.0) * 100.0
}

fn mean(v: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = v.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The Main Information table of `corpus` (module docs).
pub fn main_information(corpus: &Corpus) -> MainInformation {
    let recs = &corpus.records;
    let documents = recs.len();
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for y in recs.iter().filter_map(|r| r.year) {
        *per_year.entry(y).or_default() += 1;
    }
    let timespan = per_year
        .keys()
        .next()
        .zip(per_year.keys().last())
        .map(|(&a, &b)| (a, b));
    let n_authors = |r: &crate::model::Record| r.authors.len().max(1);
    let single: Vec<&crate::model::Record> = recs.iter().filter(|r| n_authors(r) == 1).collect();
    let international = recs
        .iter()
        .filter(|r| {
            let countries: FxHashSet<&str> = r
                .addresses
                .iter()
                .filter_map(|a| a.country)
                .map(|c| corpus.strings.get(c))
                .collect();
            countries.len() > 1
        })
        .count();
    let mut document_types: BTreeMap<String, usize> = BTreeMap::new();
    for r in recs {
        let t = r.doc_type.map_or("unknown".to_string(), |d| {
            corpus.strings.get(d).trim().to_lowercase()
        });
        *document_types.entry(t).or_default() += 1;
    }
    let pct = |n: usize| {
        if documents == 0 {
            0.0
        } else {
            n as f64 / documents as f64 * 100.0
        }
    };
    let source_key = |s: &str| {
        s.to_uppercase()
            .replace(',', "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    MainInformation {
        documents,
        timespan,
        sources: distinct(
            corpus,
            recs.iter().filter_map(|r| r.source.as_ref()),
            source_key,
        ),
        annual_growth_rate_pct: annual_growth_rate(&per_year),
        average_citations_per_document: mean(
            recs.iter().filter_map(|r| r.times_cited).map(f64::from),
        ),
        references: corpus.refs.len(),
        author_keywords: distinct(
            corpus,
            recs.iter().flat_map(|r| &r.author_keywords),
            name_key,
        ),
        keywords_plus: distinct(corpus, recs.iter().flat_map(|r| &r.keywords_plus), name_key),
        authors: distinct(corpus, recs.iter().flat_map(|r| &r.authors), name_key),
        authors_of_single_authored_documents: distinct(
            corpus,
            single.iter().flat_map(|r| &r.authors),
            name_key,
        ),
        single_authored_documents: single.len(),
        co_authors_per_document: mean(recs.iter().map(|r| n_authors(r) as f64)).unwrap_or(0.0),
        international_co_authorship_pct: pct(international),
        document_types,
        annual_production: annual_production(corpus, timespan),
    }
}

/// Documents and mean citations per year over `timespan`, empty years included.
fn annual_production(corpus: &Corpus, timespan: Option<(i32, i32)>) -> Vec<AnnualRow> {
    let Some((first, last)) = timespan else {
        return Vec::new();
    };
    let mut docs: BTreeMap<i32, (usize, f64, usize)> = BTreeMap::new();
    for r in &corpus.records {
        if let Some(y) = r.year {
            let e = docs.entry(y).or_default();
            e.0 += 1;
            if let Some(tc) = r.times_cited {
                e.1 += f64::from(tc);
                e.2 += 1;
            }
        }
    }
    (first..=last)
        .map(|year| {
            let (documents, sum, with) = docs.get(&year).copied().unwrap_or_default();
            AnnualRow {
                year,
                documents,
                mean_citations: (with > 0).then(|| sum / with as f64),
            }
        })
        .collect()
}

impl MainInformation {
    /// The table as biblioshiny shows it: (description, value) rows.
    pub fn rows(&self) -> Vec<(String, String)> {
        let f2 = |v: f64| format!("{v:.2}");
        let mut rows = vec![
            (
                "Timespan".to_string(),
                self.timespan
                    .map(|(a, b)| format!("{a}:{b}"))
                    .unwrap_or_default(),
            ),
            (
                "Sources (journals, books, etc.)".into(),
                self.sources.to_string(),
            ),
            ("Documents".into(), self.documents.to_string()),
            (
                "Annual growth rate %".into(),
                f2(self.annual_growth_rate_pct),
            ),
            (
                "Average citations per document".into(),
                self.average_citations_per_document
                    .map(f2)
                    .unwrap_or_else(|| "–".into()),
            ),
            ("References".into(), self.references.to_string()),
            ("Keywords Plus (ID)".into(), self.keywords_plus.to_string()),
            (
                "Author's keywords (DE)".into(),
                self.author_keywords.to_string(),
            ),
            ("Authors".into(), self.authors.to_string()),
            (
                "Authors of single-authored documents".into(),
                self.authors_of_single_authored_documents.to_string(),
            ),
            (
                "Single-authored documents".into(),
                self.single_authored_documents.to_string(),
            ),
            (
                "Co-authors per document".into(),
                f2(self.co_authors_per_document),
            ),
            (
                "International co-authorships %".into(),
                f2(self.international_co_authorship_pct),
            ),
        ];
        for (t, n) in &self.document_types {
            rows.push((format!("Document type: {t}"), n.to_string()));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_rate_as_biblioshiny() {
        // 2 documents in 2000, 8 in 2002: (8/2)^(1/2) − 1 = 1, i.e. 100 %.
        let per_year: BTreeMap<i32, usize> = [(2000, 2), (2001, 5), (2002, 8)].into();
        assert!((annual_growth_rate(&per_year) - 100.0).abs() < 1e-9);
        assert_eq!(annual_growth_rate(&[(2000, 3)].into()), 0.0);
        assert_eq!(annual_growth_rate(&BTreeMap::new()), 0.0);
        assert_eq!(name_key(" Vargo,  S.L. "), "VARGO S L");
    }
}
