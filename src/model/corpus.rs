//! The corpus: all loaded records, the table of unique cited works, interned strings,
//! the files they came from and the problems found while reading them.

use super::cited_ref::CitedRef;
use super::intern::{Interner, Sym};
pub use super::problem::Problem;
use super::problem::ProblemKind;
use super::record::{Address, Origin, ParsedRecord, Record, RefId};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One loaded input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    pub path: String,
    /// Format name (`wos`, `wos-tab`, ...).
    pub format: String,
    /// Records read from this file (before removing duplicates).
    pub records: usize,
    pub bytes: u64,
}

/// A unique cited work (all citations with the same key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedWork {
    /// Normalised key (see [`crate::model::cited_ref`]).
    pub key: Arc<str>,
    /// The reference as WoS writes it, from its first citation (`Vargo SL, 2004, J MARKETING, V68, P1`).
    pub label: Arc<str>,
    pub year: Option<i32>,
    /// First author, source, volume (without `V`) and first page (without `P`) as
    /// byte ranges of `label`, an empty range for a missing part (a volume or page is
    /// never empty). Ten million works would otherwise hold twenty million small
    /// strings and put twenty million lookups into the interned strings.
    parts: [(u32, u32); 4],
    pub doi: Option<Arc<str>>,
}

impl CitedWork {
    fn part(&self, i: usize) -> Option<&str> {
        let (a, b) = self.parts[i];
        self.label
            .get(a as usize..b as usize)
            .filter(|p| !p.is_empty())
    }

    /// First author as written in the first citation (`Vargo SL`); empty if none.
    pub fn author(&self) -> &str {
        self.part(0).unwrap_or("")
    }

    /// Source as written in the first citation (`J MARKETING`); empty if none.
    pub fn source(&self) -> &str {
        self.part(1).unwrap_or("")
    }

    /// Volume without the `V` prefix, as written in the first citation.
    pub fn volume(&self) -> Option<&str> {
        self.part(2)
    }

    /// First page without the `P` prefix, as written in the first citation.
    pub fn page(&self) -> Option<&str> {
        self.part(3)
    }
}

/// The table of unique cited works, indexed by [`RefId`].
#[derive(Debug, Clone, Default)]
pub struct RefTable {
    by_key: FxHashMap<Arc<str>, RefId>,
    pub works: Vec<CitedWork>,
}

impl RefTable {
    /// The id of the work with this key.
    pub fn lookup(&self, key: &str) -> Option<RefId> {
        self.by_key.get(key).copied()
    }

    pub fn get(&self, id: RefId) -> &CitedWork {
        &self.works[id as usize]
    }

    pub fn len(&self) -> usize {
        self.works.len()
    }

    pub fn is_empty(&self) -> bool {
        self.works.is_empty()
    }

    /// Reserves room for `additional` more works, so that a large load neither copies
    /// the table on every doubling nor holds the old and the new table at once.
    /// Untouched reserved memory is only address space, not resident.
    pub fn reserve(&mut self, additional: usize) {
        self.works.reserve(additional);
        self.by_key.reserve(additional);
    }

    pub(crate) fn intern(&mut self, r: &CitedRef) -> RefId {
        if let Some(&id) = self.by_key.get(r.key.as_str()) {
            let w = &mut self.works[id as usize];
            // Fill in what the first citation lacked (a DOI seen later, say).
            if w.doi.is_none() && r.doi.is_some() {
                w.doi = r.doi.as_deref().map(Into::into);
            }
            return id;
        }
        let id = self.works.len() as RefId;
        let key: Arc<str> = Arc::from(r.key.as_str());
        self.works.push(CitedWork {
            key: key.clone(),
            label: r.label.as_str().into(),
            parts: r.spans(),
            year: r.year,
            doi: r.doi.as_deref().map(Into::into),
        });
        self.by_key.insert(key, id);
        id
    }
}

/// All loaded records.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub records: Vec<Record>,
    /// Interned strings: authors, sources, keywords, institutions, countries, types.
    pub strings: Interner,
    pub refs: RefTable,
    pub files: Vec<SourceFile>,
    pub problems: Vec<Problem>,
    /// Records dropped because a record with the same accession number was loaded.
    pub duplicates: usize,
    /// Cited-reference lines of the kept records, as in the files (a work cited twice
    /// by one record counts twice here, once in [`Record::refs`]).
    pub cited_lines: usize,
    seen_uids: FxHashSet<Box<str>>,
    /// Records merged into a record of another database (see [`crate::model::merge`]).
    pub cross_duplicates: usize,
    pub(crate) merge: super::merge::MergeIndex,
}

fn intern_all(strings: &mut Interner, v: &[String]) -> Vec<Sym> {
    v.iter().map(|s| strings.intern(s)).collect()
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes room for about `records` more records (and the accession numbers and
    /// strings they bring) so loading does not rehash large tables as they double.
    pub fn reserve_records(&mut self, records: usize) {
        self.records.reserve(records);
        self.seen_uids.reserve(records);
        self.strings.reserve(records * 4);
    }

    /// Adds a parsed record from file `file`. Returns false (and counts a duplicate)
    /// when a record with the same accession number is already in the corpus.
    pub fn push(&mut self, p: ParsedRecord, file: u32) -> bool {
        if let Some(uid) = &p.uid {
            if self.seen_uids.contains(uid.as_str()) {
                self.duplicates += 1;
                return false;
            }
            self.seen_uids.insert(uid.as_str().into());
        }
        self.note_database(&p, file);
        if let Some(kept) = self.find_cross_duplicate(&p, file) {
            self.merge_into(kept, p);
            return false;
        }
        self.register_for_merge(&p, self.records.len() as u32);
        self.cited_lines += p.cited_refs.len();
        let s = &mut self.strings;
        let mut refs: Vec<RefId> = Vec::with_capacity(p.cited_refs.len());
        // A record citing the same work twice cites it once. Reference lists are
        // short (tens), so a linear scan beats hashing; a long list (a damaged record
        // with 100,000 lines) would make the scan quadratic, so it gets a set.
        let mut seen: FxHashSet<RefId> = FxHashSet::default();
        let long = p.cited_refs.len() > 64;
        for r in &p.cited_refs {
            let id = self.refs.intern(r);
            let new = if long {
                seen.insert(id)
            } else {
                !refs.contains(&id)
            };
            if new {
                refs.push(id);
            }
        }
        let addresses = p
            .addresses
            .iter()
            .map(|a| Address {
                authors: intern_all(s, &a.authors),
                institution: a.institution.as_deref().map(|x| s.intern(x)),
                country: a.country.as_deref().map(|x| s.intern(x)),
            })
            .collect();
        let opt = |s: &mut Interner, v: &Option<String>| v.as_deref().map(|x| s.intern(x));
        let boxed = |v: Option<String>| v.map(String::into_boxed_str);
        let record = Record {
            pub_type: opt(s, &p.pub_type),
            doc_type: opt(s, &p.doc_type),
            authors: intern_all(s, &p.authors),
            authors_full: intern_all(s, &p.authors_full),
            source: opt(s, &p.source),
            source_abbrev: opt(s, &p.source_abbrev),
            author_keywords: intern_all(s, &p.author_keywords),
            keywords_plus: intern_all(s, &p.keywords_plus),
            categories: intern_all(s, &p.categories),
            language: opt(s, &p.language),
            addresses,
            refs,
            uid: boxed(p.uid),
            title: p.title.into_boxed_str(),
            year: p.year,
            volume: boxed(p.volume),
            issue: boxed(p.issue),
            pages: boxed(p.pages),
            doi: boxed(p.doi),
            abstract_text: boxed(p.abstract_text),
            times_cited: p.times_cited,
            origin: Origin { file, line: p.line },
        };
        self.records.push(record);
        true
    }

    /// Adds a problem.
    pub fn problem(&mut self, file: &str, line: u64, kind: ProblemKind) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            kind,
        });
    }

    /// Number of citations (cited-reference lines kept, after removing repeats within
    /// a record).
    pub fn citations(&self) -> usize {
        self.records.iter().map(|r| r.refs.len()).sum()
    }

    /// Number of citations per cited work, indexed by [`RefId`].
    pub fn citation_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.refs.len()];
        for r in &self.records {
            for &id in &r.refs {
                counts[id as usize] += 1;
            }
        }
        counts
    }

    /// Smallest and largest publication year.
    pub fn year_range(&self) -> Option<(i32, i32)> {
        let mut it = self.records.iter().filter_map(|r| r.year);
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), y| (lo.min(y), hi.max(y))))
    }

    /// The file path of a record.
    pub fn file_of(&self, r: &Record) -> &str {
        &self.files[r.origin.file as usize].path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(uid: &str, refs: &[&str]) -> ParsedRecord {
        ParsedRecord {
            uid: Some(uid.into()),
            title: format!("title {uid}"),
            year: Some(2010),
            cited_refs: refs.iter().map(|r| CitedRef::parse(r)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn duplicates_are_counted_once() {
        let mut c = Corpus::new();
        assert!(c.push(rec("WOS:1", &["A B, 2000, J X, V1, P1"]), 0));
        assert!(!c.push(rec("WOS:1", &["A B, 2000, J X, V1, P1"]), 0));
        assert!(c.push(
            rec(
                "WOS:2",
                &["A B, 2000, J X, V1, P1", "A B, 2000, J X, V1, P1"]
            ),
            0
        ));
        assert_eq!(c.records.len(), 2);
        assert_eq!(c.duplicates, 1);
        assert_eq!(c.refs.len(), 1);
        assert_eq!(c.citations(), 2);
        assert_eq!(c.citation_counts(), vec![2]);
    }

    #[test]
    fn volume_and_page_are_spans_compared_in_upper_case() {
        let mut c = Corpus::new();
        c.push(rec("1", &["Kim J, 2010, J X, V12b, P3a, DOI 10.1/k"]), 0);
        c.push(rec("2", &["Kim J, 2010, J X, V12B, P3A"]), 0);
        let w = c.refs.get(0);
        assert_eq!((w.volume(), w.page()), (Some("12b"), Some("3a")));
        assert_eq!(c.refs.get(1).page(), Some("3A"));
        assert_eq!(c.reconcile_refs(), 1);
        assert_eq!(c.citation_counts(), vec![2, 0]);
    }

    #[test]
    fn reconcile_merges_doi_less_citation() {
        let mut c = Corpus::new();
        c.push(
            rec(
                "1",
                &["Vargo SL, 2004, J MARKETING, V68, P1, DOI 10.1509/jmkg.68.1.1.24036"],
            ),
            0,
        );
        c.push(
            rec(
                "2",
                &[
                    "Vargo SL, 2004, J MARKETING, V68, P1",
                    "Other A, 1999, J Y, V2, P3",
                ],
            ),
            0,
        );
        // Two DOI works with one descriptor: ambiguous, not merged.
        c.push(
            rec(
                "3",
                &[
                    "Amb A, 2001, J Z, V5, P7, DOI 10.1/a",
                    "Amb A, 2001, J Z, V5, P7, DOI 10.1/b",
                ],
            ),
            0,
        );
        c.push(rec("4", &["Amb A, 2001, J Z, V5, P7"]), 0);
        assert_eq!(c.refs.len(), 6);
        assert_eq!(c.reconcile_refs(), 1);
        let counts = c.citation_counts();
        let vargo = c.refs.lookup("doi:10.1509/jmkg.68.1.1.24036").unwrap();
        assert_eq!(counts[vargo as usize], 2);
        assert_eq!(
            counts[c.refs.lookup("vargo s|2004|v68|p1").unwrap() as usize],
            0
        );
        assert_eq!(
            counts[c.refs.lookup("amb a|2001|v5|p7").unwrap() as usize],
            1
        );
    }
}
