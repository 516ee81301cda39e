//! Which loaded records cite which: every cited work of the corpus is resolved to the
//! loaded record it stands for, if any ([`CitationIndex`]).
//!
//! # Rules
//! A cited work resolves to a record
//! 0. **by accession number** when the work is known only by a database's id and it
//!    is the record's (OpenAlex `referenced_works` and Lens `References` are ids:
//!    `openalex:W…`, `lens:…`, the form of those records' accession numbers);
//! 1. **by DOI** when the work's DOI (normalised, lower case; the first of a
//!    `DOI [..]` list, as [`crate::model::cited_ref`] keys it) is the record's DOI. Two
//!    records of one database sharing a DOI: the first loaded one;
//! 2. else **by descriptor** when the work's first-author key, year, volume and first
//!    page (volume and page compared in upper case) are those of exactly one record —
//!    the descriptor [`crate::model::Corpus::reconcile_refs`] keys DOI-less citations
//!    by. The record's descriptor is built from its first author (`AU`), publication
//!    year, volume and the first page of its pages (`BP`, else the article number).
//!    A work and a record that both have a DOI, and different ones, never match: the
//!    descriptor only stands in for a DOI one side lacks.
//!
//! Works lacking any of the four descriptor parts (books, most conference papers,
//! citations without volume or page) resolve by DOI only: their source would have to
//! be compared, and a cited source (`P ANN INT IEEE EMBS`) is written differently from
//! the record's (`2004 26TH ANNUAL INTERNATIONAL CONFERENCE ...`).
//!
//! Cross-database duplicates are already one record in the corpus
//! ([`crate::model::merge`]), so a paper loaded from Web of Science and Scopus is one
//! node, cited by the citing records of both. A record citing itself (a data error)
//! is left out; a record citing the same record through two works counts once.

use crate::model::cited_ref::normalize_doi;
use crate::model::ref_key::push_author_key;
use crate::model::{Corpus, Record};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// How a citation was resolved to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// The cited work is the record's accession number (OpenAlex, Lens ids).
    Id,
    /// The cited work's DOI is the record's.
    Doi,
    /// First author, year, volume and first page (module docs, rule 2).
    Descriptor,
}

/// The citations among the loaded records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CitationIndex {
    /// For each record (indexed like `corpus.records`), the records it cites and how
    /// each was resolved: sorted by record, each once, never the record itself.
    pub cites: Vec<Vec<(u32, Match)>>,
}

/// No record.
const NONE: u32 = u32::MAX;
/// Several records share a descriptor.
const AMBIGUOUS: u32 = u32::MAX - 1;

/// A descriptor key `author|year|VOLUME|PAGE`; `None` when a part is missing.
fn descriptor(
    author: &str,
    year: Option<i32>,
    volume: Option<&str>,
    page: Option<&str>,
) -> Option<String> {
    let mut key = String::new();
    write_descriptor(&mut key, author, year, volume, page).then_some(key)
}

/// Writes the descriptor key into `out` (cleared first), so that the million works
/// of a large load reuse one buffer; false when a part is missing.
fn write_descriptor(
    out: &mut String,
    author: &str,
    year: Option<i32>,
    volume: Option<&str>,
    page: Option<&str>,
) -> bool {
    out.clear();
    let (Some(year), Some(volume), Some(page)) = (year, volume.map(str::trim), page.map(str::trim))
    else {
        return false;
    };
    if volume.is_empty() || page.is_empty() {
        return false;
    }
    push_author_key(out, author);
    if out.is_empty() {
        return false;
    }
    // Writing to a String cannot fail.
    let _ = write!(out, "|{year}|");
    out.extend(volume.chars().flat_map(char::to_uppercase));
    out.push('|');
    out.extend(page.chars().flat_map(char::to_uppercase));
    true
}

/// The descriptor of a record (module docs, rule 2).
pub fn record_descriptor(corpus: &Corpus, r: &Record) -> Option<String> {
    let author = corpus.strings.get(*r.authors.first()?);
    let page = r.pages.as_deref().and_then(|p| p.split('-').next());
    descriptor(author, r.year, r.volume.as_deref(), page)
}

/// The node id of a record in a citation network: its accession number (WoS UT,
/// Scopus EID, PMID, OpenAlex id), else its DOI, else `record:<index>`.
pub fn record_id(r: &Record, index: usize) -> String {
    match (&r.uid, &r.doi) {
        (Some(u), _) => u.to_string(),
        (None, Some(d)) => d.to_string(),
        (None, None) => format!("record:{index}"),
    }
}

impl CitationIndex {
    /// Resolves every cited work of `corpus` to a record (module docs) and lists the
    /// records each record cites.
    pub fn build(corpus: &Corpus) -> Self {
        let work_record = work_records(corpus);
        let cites = corpus
            .records
            .par_iter()
            .enumerate()
            .map(|(i, r)| {
                let mut out: Vec<(u32, Match)> = r
                    .refs
                    .iter()
                    .map(|&id| work_record[id as usize])
                    .filter(|&(rec, _)| rec != NONE && rec != i as u32)
                    .collect();
                // An id or DOI match sorts before a descriptor match of the same record.
                out.sort_unstable();
                out.dedup_by_key(|x| x.0);
                out
            })
            .collect();
        CitationIndex { cites }
    }

    /// For each record, the records citing it (sorted).
    pub fn cited_by(&self) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); self.cites.len()];
        for (citing, cited) in self.cites.iter().enumerate() {
            for &(c, _) in cited {
                out[c as usize].push(citing as u32);
            }
        }
        out
    }

    /// Local citation score of every record: the number of records with `within` true
    /// that cite it.
    pub fn local_scores(&self, within: &[bool]) -> Vec<u32> {
        let mut lcs = vec![0u32; self.cites.len()];
        for (citing, cited) in self.cites.iter().enumerate() {
            if within.get(citing).copied().unwrap_or(false) {
                for &(c, _) in cited {
                    lcs[c as usize] += 1;
                }
            }
        }
        lcs
    }

    /// Number of citation links resolved each way.
    pub fn count(&self, how: Match) -> usize {
        self.cites.iter().flatten().filter(|x| x.1 == how).count()
    }
}

/// The record each cited work resolves to, with how; `(NONE, _)` for none.
fn work_records(corpus: &Corpus) -> Vec<(u32, Match)> {
    let mut by_doi: FxHashMap<String, u32> = FxHashMap::default();
    let mut by_desc: FxHashMap<String, u32> = FxHashMap::default();
    let mut without_doi = 0;
    for (i, r) in corpus.records.iter().enumerate() {
        match r.doi.as_deref().and_then(normalize_doi) {
            Some(d) => _ = by_doi.entry(d).or_insert(i as u32),
            None => without_doi += 1,
        }
        if let Some(k) = record_descriptor(corpus, r) {
            by_desc
                .entry(k)
                .and_modify(|v| *v = AMBIGUOUS)
                .or_insert(i as u32);
        }
    }
    let mut out: Vec<(u32, Match)> = corpus
        .refs
        .par_iter()
        .map_init(String::new, |key, w| {
            if let Some(&r) = w.doi.and_then(|d| by_doi.get(d)) {
                return (r, Match::Doi);
            }
            // A work with a DOI matches by descriptor only a record without one.
            if w.doi.is_some() && without_doi == 0 {
                return (NONE, Match::Descriptor);
            }
            let found = write_descriptor(key, w.author(), w.year, w.volume(), w.page())
                .then(|| by_desc.get(key.as_str()).copied())
                .flatten()
                .filter(|&r| r != AMBIGUOUS)
                .filter(|&r| w.doi.is_none() || corpus.records[r as usize].doi.is_none());
            (found.unwrap_or(NONE), Match::Descriptor)
        })
        .collect();
    // Id-keyed works: an accession number is never a DOI or descriptor key, so the
    // lookup finds only works cited by id.
    for (i, r) in corpus.records.iter().enumerate() {
        if let Some(w) = r.uid.as_deref().and_then(|u| corpus.refs.lookup(u)) {
            out[w as usize] = (i as u32, Match::Id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CitedRef, ParsedRecord};

    fn rec(uid: &str, doi: Option<&str>, year: i32, refs: &[&str]) -> ParsedRecord {
        ParsedRecord {
            uid: Some(uid.into()),
            title: format!("title {uid}"),
            authors: vec![format!("Author{uid}, A")],
            year: Some(year),
            volume: Some("7".into()),
            pages: Some("11-20".into()),
            doi: doi.map(String::from),
            cited_refs: refs.iter().map(|r| CitedRef::parse(r)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn doi_and_descriptor_matches() {
        let mut c = Corpus::new();
        // 1: has a DOI; 2: none; 3 cites 1 by DOI, 2 by descriptor (lower-case
        // volume/page written differently), itself, and 1 again without DOI; 4 cites a
        // work whose descriptor is 1's but whose DOI is another: no match.
        c.push(rec("1", Some("10.1/one"), 2000, &[]), 0);
        c.push(rec("2", None, 2001, &[]), 0);
        c.push(
            rec(
                "3",
                None,
                2002,
                &[
                    "Author1 A, 2000, J X, V7, P11, DOI 10.1/ONE",
                    "AUTHOR2 A., 2001, J Y, V7, P11",
                    "Author3 A, 2002, J Z, V7, P11",
                    "Author1 A, 2000, J X, V7, P11",
                ],
            ),
            0,
        );
        c.push(
            rec(
                "4",
                Some("10.1/four"),
                2003,
                &["Author1 A, 2000, J X, V7, P11, DOI 10.1/other"],
            ),
            0,
        );
        let idx = CitationIndex::build(&c);
        assert_eq!(idx.cites[2], vec![(0, Match::Doi), (1, Match::Descriptor)]);
        assert!(idx.cites[3].is_empty());
        assert_eq!(
            (idx.count(Match::Doi), idx.count(Match::Descriptor)),
            (1, 1)
        );
        assert_eq!(idx.cited_by()[0], vec![2]);
        assert_eq!(
            idx.local_scores(&[true, true, true, true]),
            vec![1, 1, 0, 0]
        );
        assert_eq!(
            idx.local_scores(&[true, true, false, true]),
            vec![0, 0, 0, 0]
        );
        assert_eq!(record_id(&c.records[0], 0), "1");
    }

    #[test]
    fn openalex_ids_resolve_by_accession_number() {
        let id_ref = |key: &str| {
            let mut r = CitedRef::from_parts("", None, "", None, None, None);
            (r.key, r.label) = (key.to_string(), key.to_string());
            r
        };
        let mut c = Corpus::new();
        let mut a = rec("openalex:W1", None, 2000, &[]);
        a.cited_refs = vec![id_ref("openalex:W9")];
        let mut b = rec("openalex:W2", None, 2001, &[]);
        b.cited_refs = vec![id_ref("openalex:W1"), id_ref("openalex:W3")];
        c.push(a, 0);
        c.push(b, 0);
        let idx = CitationIndex::build(&c);
        assert_eq!(idx.cites, vec![vec![], vec![(0, Match::Id)]]);
        assert_eq!(idx.count(Match::Id), 1);
    }

    #[test]
    fn ambiguous_descriptor_resolves_to_nothing() {
        let mut c = Corpus::new();
        let mut a = rec("1", None, 2000, &[]);
        a.authors = vec!["Same, A".into()];
        let mut b = a.clone();
        b.uid = Some("2".into());
        b.title = "another paper".into();
        c.push(a, 0);
        c.push(b, 0);
        c.push(rec("3", None, 2001, &["Same A, 2000, J X, V7, P11"]), 0);
        assert!(CitationIndex::build(&c).cites[2].is_empty());
    }
}
