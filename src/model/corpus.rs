//! The corpus: all loaded records, the table of unique cited works, interned strings,
//! the files they came from and the problems found while reading them.

use super::index::{KeyIndex, hash_key};
use super::intern::{Interner, Sym};
pub use super::problem::Problem;
use super::problem::ProblemKind;
use super::record::{Address, Origin, ParsedRecord, Record, RefId};
pub use super::refs::{CitedWork, RefTable};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
impl SourceFile {
    /// An empty file `FORMAT.txt` of `format` (unit tests of the corpus).
    pub(crate) fn for_test(format: &str) -> Self {
        SourceFile {
            path: format!("{format}.txt"),
            format: format.into(),
            records: 0,
            bytes: 0,
        }
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
    /// Accession numbers seen, each the id of its first record
    /// ([`Corpus::uid_owner`]).
    pub(super) uids: KeyIndex,
    /// For each accession number: the index of the record that had it first, or
    /// [`MERGED`] + an index into `merged_uids` for a record merged into another.
    pub(super) uid_owner: Vec<u32>,
    merged_uids: Vec<Box<str>>,
    /// Records merged into a record of another database (see [`crate::model::merge`]).
    pub cross_duplicates: usize,
    pub(crate) merge: super::merge::MergeIndex,
}

/// Marks a `uid_owner` entry that indexes `merged_uids`.
const MERGED: u32 = 1 << 31;

/// The strings of a record to intern, in the order [`build_record`] takes their
/// symbols: each address (its authors, institution, country), then publication and
/// document type, authors, full author names, source, source abbreviation, author
/// keywords, Keywords Plus, subject categories and language.
pub(super) fn record_strings<'a>(p: &'a ParsedRecord, out: &mut Vec<&'a str>) {
    for a in &p.addresses {
        out.extend(a.authors.iter().map(String::as_str));
        out.extend(a.institution.as_deref());
        out.extend(a.country.as_deref());
    }
    out.extend(p.pub_type.as_deref());
    out.extend(p.doc_type.as_deref());
    out.extend(p.authors.iter().map(String::as_str));
    out.extend(p.authors_full.iter().map(String::as_str));
    out.extend(p.source.as_deref());
    out.extend(p.source_abbrev.as_deref());
    out.extend(p.author_keywords.iter().map(String::as_str));
    out.extend(p.keywords_plus.iter().map(String::as_str));
    out.extend(p.categories.iter().map(String::as_str));
    out.extend(p.language.as_deref());
}

/// A record's cited works in the order cited, each once. Reference lists are short
/// (tens), so a linear scan beats hashing; a long list (a damaged record with 100,000
/// lines) would make the scan quadratic, so it gets a set.
pub(super) fn unique_refs(ids: &[RefId]) -> Vec<RefId> {
    let mut refs: Vec<RefId> = Vec::with_capacity(ids.len());
    if ids.len() > 64 {
        let mut seen: FxHashSet<RefId> = FxHashSet::default();
        refs.extend(ids.iter().filter(|&&id| seen.insert(id)));
    } else {
        for &id in ids {
            if !refs.contains(&id) {
                refs.push(id);
            }
        }
    }
    refs
}

/// Symbols handed out in the order of [`record_strings`].
struct SymQueue<'a>(std::slice::Iter<'a, Sym>);

impl SymQueue<'_> {
    fn list(&mut self, n: usize) -> Vec<Sym> {
        self.0.by_ref().take(n).copied().collect()
    }

    fn opt(&mut self, v: &Option<String>) -> Option<Sym> {
        v.as_ref().and_then(|_| self.0.next().copied())
    }
}

/// The corpus' record of `p` from file `file`, with its cited works `refs` and the
/// symbols of its strings in the order of [`record_strings`].
pub(super) fn build_record(p: ParsedRecord, file: u32, refs: Vec<RefId>, syms: &[Sym]) -> Record {
    let mut q = SymQueue(syms.iter());
    let addresses = p
        .addresses
        .iter()
        .map(|a| Address {
            authors: q.list(a.authors.len()),
            institution: q.opt(&a.institution),
            country: q.opt(&a.country),
        })
        .collect();
    let pub_type = q.opt(&p.pub_type);
    let doc_type = q.opt(&p.doc_type);
    let authors = q.list(p.authors.len());
    let authors_full = q.list(p.authors_full.len());
    let source = q.opt(&p.source);
    let source_abbrev = q.opt(&p.source_abbrev);
    let author_keywords = q.list(p.author_keywords.len());
    let keywords_plus = q.list(p.keywords_plus.len());
    let categories = q.list(p.categories.len());
    let language = q.opt(&p.language);
    let boxed = |v: Option<String>| v.map(String::into_boxed_str);
    Record {
        pub_type,
        doc_type,
        authors,
        authors_full,
        source,
        source_abbrev,
        author_keywords,
        keywords_plus,
        categories,
        language,
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
    }
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
        self.uids.reserve(records);
        self.uid_owner.reserve(records);
        self.strings.reserve(records * 4);
    }

    /// The accession number with uid id `id`.
    pub(super) fn uid_text(&self, id: u32) -> &str {
        let owner = self.uid_owner[id as usize];
        if owner & MERGED != 0 {
            &self.merged_uids[(owner & !MERGED) as usize]
        } else {
            self.records[owner as usize].uid.as_deref().unwrap_or("")
        }
    }

    /// Adds a parsed record from file `file`. Returns false (and counts a duplicate)
    /// when a record with the same accession number is already in the corpus.
    pub fn push(&mut self, p: ParsedRecord, file: u32) -> bool {
        let uid_hash = p.uid.as_deref().map(hash_key);
        if let (Some(uid), Some(h)) = (&p.uid, uid_hash)
            && self.uids.find(h, |id| self.uid_text(id) == uid).is_some()
        {
            self.duplicates += 1;
            return false;
        }
        self.note_database(&p, file);
        if let Some(kept) = self.find_cross_duplicate(&p, file) {
            if let (Some(uid), Some(h)) = (&p.uid, uid_hash) {
                self.uids.insert(h, self.uid_owner.len() as u32);
                self.uid_owner.push(MERGED | self.merged_uids.len() as u32);
                self.merged_uids.push(uid.as_str().into());
            }
            self.merge_into(kept, p);
            return false;
        }
        if let Some(h) = uid_hash {
            self.uids.insert(h, self.uid_owner.len() as u32);
            self.uid_owner.push(self.records.len() as u32);
        }
        self.register_for_merge(&p, self.records.len() as u32);
        self.cited_lines += p.cited_refs.len();
        let ids: Vec<RefId> = p.cited_refs.iter().map(|r| self.refs.intern(r)).collect();
        let refs = unique_refs(&ids);
        let mut strs = Vec::new();
        record_strings(&p, &mut strs);
        let syms: Vec<Sym> = strs.iter().map(|s| self.strings.intern(s)).collect();
        drop(strs);
        self.records.push(build_record(p, file, refs, &syms));
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
    use crate::model::CitedRef;

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
