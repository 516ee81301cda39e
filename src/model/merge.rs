//! Merging the same record exported by different databases (a study that combines Web
//! of Science, Scopus, EBSCO, ... exports holds many papers twice).
//!
//! # Rules
//! A record is a **cross-database duplicate** of a record already in the corpus when
//! it comes from another database (told by the accession number's form — `WOS:`,
//! `2-s2.0-`, `PMID:`, `openalex:`, `lens:`, or the `DB` of a RIS record — else by the
//! file format, `wos` and `wos-tab` being one database; a RIS or BibTeX file whose
//! records name no database counts as a database of its own) and
//! 1. both have the same DOI (normalised, lower case), or else
//! 2. at least one of them has no DOI and they have the same **title key**: the title
//!    in lower case with everything but letters and digits turned into single spaces,
//!    plus the year, plus the first author's surname (lower case, letters and digits).
//!
//! Two records with different DOIs are never merged. Records of one database are never
//! merged with each other here: the database's accession number already identifies
//! them ([`Corpus::push`] drops repeated accession numbers).
//!
//! The kept record is the one loaded first; it is **completed** from the duplicate:
//! every empty field (DOI, source, volume, pages, keywords, addresses, ...) is filled,
//! the longer abstract and the larger times-cited count are kept, and the duplicate's
//! reference list replaces the kept one when it is longer. Both reference lists are
//! remembered, so that after [`Corpus::reconcile_refs`] [`Corpus::ref_agreement`] can
//! tell how many references of the two versions got the same key.

use super::corpus::Corpus;
use super::record::{Address, ParsedRecord, RefId};
use rustc_hash::{FxHashMap, FxHashSet};

/// Lookup tables for cross-database duplicates.
#[derive(Debug, Clone, Default)]
pub(crate) struct MergeIndex {
    by_doi: FxHashMap<Box<str>, u32>,
    by_title: FxHashMap<Box<str>, u32>,
    /// Reference lists of the two versions of each merged record (kept, duplicate).
    pairs: Vec<(Vec<RefId>, Vec<RefId>)>,
    /// The database of every record so far, while there is only one: then no record
    /// can be a cross-database duplicate, so the tables above stay empty (a million
    /// records of one database would fill them with a million title keys for nothing).
    only_db: Option<(String, u32)>,
    /// True once a second database appeared and the tables hold every kept record.
    indexed: bool,
}

impl MergeIndex {
    /// Applies a remapping of cited works (from [`Corpus::reconcile_refs`]) to the
    /// remembered reference lists.
    pub(crate) fn remap_pairs(&mut self, remap: &FxHashMap<RefId, RefId>) {
        for (a, b) in &mut self.pairs {
            for list in [a, b] {
                let mut seen = FxHashSet::default();
                *list = list
                    .iter()
                    .map(|id| *remap.get(id).unwrap_or(id))
                    .filter(|id| seen.insert(*id))
                    .collect();
            }
        }
    }
}

/// The title key of rule 2 (module docs), if the record has a title and a year.
pub fn title_key(title: &str, year: Option<i32>, first_author: Option<&str>) -> Option<String> {
    let year = year?;
    let mut k = String::with_capacity(title.len() + 24);
    let mut space = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !k.is_empty() {
                k.push(' ');
            }
            space = false;
            k.push(c);
        } else {
            space = true;
        }
    }
    if k.len() < 8 {
        return None;
    }
    let surname: String = first_author
        .unwrap_or("")
        .split([',', ' '])
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    Some(format!("{k}|{year}|{surname}"))
}

impl Corpus {
    /// The database a record comes from, as (name, file): told by its accession
    /// number where that has a database's form (`WOS:`, Scopus `2-s2.0-`, `PMID:`,
    /// `openalex:`, `lens:`), else by its file's format (both WoS formats are one
    /// database). RIS and BibTeX files may come from any database: their records are
    /// of the database named in their accession number (`bth:123` from RIS `DB`/`AN`),
    /// else each file is a database of its own (`file` is set only then).
    fn database_of<'a>(&'a self, file: u32, uid: Option<&'a str>) -> (&'a str, u32) {
        if let Some(u) = uid {
            for (prefix, db) in [
                ("WOS:", "wos"),
                ("2-s2.0-", "scopus"),
                ("PMID:", "medline"),
                ("openalex:", "openalex"),
                ("lens:", "lens"),
            ] {
                if u.starts_with(prefix) {
                    return (db, u32::MAX);
                }
            }
        }
        match self.files.get(file as usize).map(|f| f.format.as_str()) {
            Some("openalex-csv") => ("openalex", u32::MAX),
            Some("wos" | "wos-tab") => ("wos", u32::MAX),
            Some("ris" | "bibtex") => match uid.and_then(|u| u.split_once(':')) {
                Some((db, _)) => (db, u32::MAX),
                None => ("", file),
            },
            Some(f) => (f, u32::MAX),
            None => ("", u32::MAX),
        }
    }

    /// How many records at the start of `batch` can be added without looking for
    /// cross-database duplicates: all while no file is known (records added by hand)
    /// or, before a second database appeared, those of the one database so far (or of
    /// the batch's first record's). With the database they share, to note once one of
    /// them is kept.
    pub(crate) fn single_database_prefix<'a>(
        &'a self,
        batch: &'a [(u32, ParsedRecord)],
    ) -> (usize, Option<(String, u32)>) {
        if self.files.is_empty() {
            return (batch.len(), None);
        }
        if self.merge.indexed {
            return (0, None);
        }
        let db = |(file, p): &'a (u32, ParsedRecord)| self.database_of(*file, p.uid.as_deref());
        let Some(first) = batch.first().map(db) else {
            return (0, None);
        };
        let only = match &self.merge.only_db {
            Some((d, f)) => (d.as_str(), *f),
            None => first,
        };
        let n = batch.iter().take_while(|r| db(r) == only).count();
        (n, Some((only.0.to_string(), only.1)))
    }

    /// Notes the one database of records added by [`Corpus::single_database_prefix`].
    pub(crate) fn note_single_database(&mut self, db: Option<(String, u32)>) {
        if self.merge.only_db.is_none() {
            self.merge.only_db = db;
        }
    }

    /// Notes the database of a record about to be added. When it is the second
    /// database seen, the lookup tables are filled from the records kept so far, in
    /// order, as [`Corpus::register_for_merge`] would have filled them one by one.
    pub(crate) fn note_database(&mut self, p: &ParsedRecord, file: u32) {
        if self.files.is_empty() || self.merge.indexed {
            return;
        }
        let (db, f) = self.database_of(file, p.uid.as_deref());
        match &self.merge.only_db {
            None => self.merge.only_db = Some((db.to_string(), f)),
            Some((d, g)) if d == db && *g == f => {}
            Some(_) => {
                self.merge.indexed = true;
                for (i, r) in self.records.iter().enumerate() {
                    if let Some(d) = &r.doi {
                        self.merge.by_doi.entry(d.clone()).or_insert(i as u32);
                    }
                    let author = r.authors.first().map(|&a| self.strings.get(a));
                    if let Some(k) = title_key(&r.title, r.year, author) {
                        self.merge.by_title.entry(k.into()).or_insert(i as u32);
                    }
                }
            }
        }
    }

    /// The kept record this parsed record duplicates, by the rules in the module docs.
    pub(crate) fn find_cross_duplicate(&self, p: &ParsedRecord, file: u32) -> Option<usize> {
        if self.files.is_empty() || !self.merge.indexed {
            return None;
        }
        let by_doi = p
            .doi
            .as_deref()
            .and_then(|d| self.merge.by_doi.get(d).copied());
        let found = by_doi.or_else(|| {
            let key = title_key(&p.title, p.year, p.authors.first().map(String::as_str))?;
            let i = *self.merge.by_title.get(key.as_str())?;
            let kept = &self.records[i as usize];
            (kept.doi.is_none() || p.doi.is_none()).then_some(i)
        })? as usize;
        let kept = &self.records[found];
        let kept_db = self.database_of(kept.origin.file, kept.uid.as_deref());
        (kept_db != self.database_of(file, p.uid.as_deref())).then_some(found)
    }

    /// Remembers a kept record's DOI and title key.
    pub(crate) fn register_for_merge(&mut self, p: &ParsedRecord, index: u32) {
        if self.files.is_empty() || !self.merge.indexed {
            return;
        }
        if let Some(d) = &p.doi {
            self.merge.by_doi.entry(d.as_str().into()).or_insert(index);
        }
        if let Some(k) = title_key(&p.title, p.year, p.authors.first().map(String::as_str)) {
            self.merge.by_title.entry(k.into()).or_insert(index);
        }
    }

    /// Completes kept record `kept` with the fields of its duplicate `p` (module docs).
    pub(crate) fn merge_into(&mut self, kept: usize, p: ParsedRecord) {
        self.cross_duplicates += 1;
        let mut theirs: Vec<RefId> = Vec::with_capacity(p.cited_refs.len());
        for r in &p.cited_refs {
            let id = self.refs.intern(r);
            if !theirs.contains(&id) {
                theirs.push(id);
            }
        }
        if let Some(d) = &p.doi {
            self.merge
                .by_doi
                .entry(d.as_str().into())
                .or_insert(kept as u32);
        }
        let s = &mut self.strings;
        let r = &mut self.records[kept];
        if !r.refs.is_empty() && !theirs.is_empty() {
            self.merge.pairs.push((r.refs.clone(), theirs.clone()));
        }
        if theirs.len() > r.refs.len() {
            self.cited_lines = (self.cited_lines + p.cited_refs.len()).saturating_sub(r.refs.len());
            r.refs = theirs;
        }
        let boxed = |v: Option<String>| v.map(String::into_boxed_str);
        let fill_sym =
            |s: &mut super::Interner, dst: &mut Option<super::Sym>, v: &Option<String>| {
                if dst.is_none()
                    && let Some(v) = v
                {
                    *dst = Some(s.intern(v));
                }
            };
        fill_sym(s, &mut r.pub_type, &p.pub_type);
        fill_sym(s, &mut r.doc_type, &p.doc_type);
        fill_sym(s, &mut r.source, &p.source);
        fill_sym(s, &mut r.source_abbrev, &p.source_abbrev);
        fill_sym(s, &mut r.language, &p.language);
        let fill_list = |s: &mut super::Interner, dst: &mut Vec<super::Sym>, v: &[String]| {
            if dst.is_empty() {
                *dst = v.iter().map(|x| s.intern(x)).collect();
            }
        };
        fill_list(s, &mut r.authors, &p.authors);
        fill_list(s, &mut r.authors_full, &p.authors_full);
        fill_list(s, &mut r.author_keywords, &p.author_keywords);
        fill_list(s, &mut r.keywords_plus, &p.keywords_plus);
        fill_list(s, &mut r.categories, &p.categories);
        if r.addresses.is_empty() {
            r.addresses = p
                .addresses
                .iter()
                .map(|a| Address {
                    authors: a.authors.iter().map(|x| s.intern(x)).collect(),
                    institution: a.institution.as_deref().map(|x| s.intern(x)),
                    country: a.country.as_deref().map(|x| s.intern(x)),
                })
                .collect();
        }
        if r.title.is_empty() {
            r.title = p.title.into_boxed_str();
        }
        r.year = r.year.or(p.year);
        if r.doi.is_none() {
            r.doi = boxed(p.doi);
        }
        if r.volume.is_none() {
            r.volume = boxed(p.volume);
        }
        if r.issue.is_none() {
            r.issue = boxed(p.issue);
        }
        if r.pages.is_none() {
            r.pages = boxed(p.pages);
        }
        if p.abstract_text.as_ref().map_or(0, String::len)
            > r.abstract_text.as_ref().map_or(0, |a| a.len())
        {
            r.abstract_text = boxed(p.abstract_text);
        }
        r.times_cited = r.times_cited.max(p.times_cited);
    }

    /// For records merged across databases, after [`Corpus::reconcile_refs`]: the
    /// number of references of the two versions that got the same cited-work key, and
    /// the number compared (the longer list of each pair).
    pub fn ref_agreement(&self) -> (usize, usize) {
        let mut matched = 0;
        let mut compared = 0;
        for (a, b) in &self.merge.pairs {
            let set: FxHashSet<RefId> = a.iter().copied().collect();
            matched += b.iter().filter(|id| set.contains(id)).count();
            compared += a.len().max(b.len());
        }
        (matched, compared)
    }

    /// Number of cited works cited by records of at least two databases: references
    /// that line up across sources.
    pub fn works_cited_across_sources(&self) -> usize {
        let dbs: Vec<(&str, u32)> = self
            .records
            .iter()
            .map(|r| self.database_of(r.origin.file, r.uid.as_deref()))
            .collect();
        // Records of one database: no work is cited across sources.
        if dbs.iter().all(|d| *d == dbs[0]) {
            return 0;
        }
        let mut first: Vec<Option<(&str, u32)>> = vec![None; self.refs.len()];
        let mut across = vec![false; self.refs.len()];
        for (r, &db) in self.records.iter().zip(&dbs) {
            for &id in &r.refs {
                let i = id as usize;
                match first[i] {
                    None => first[i] = Some(db),
                    Some(d) if d != db => across[i] = true,
                    _ => {}
                }
            }
        }
        across.iter().filter(|&&x| x).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CitedRef, SourceFile};

    fn rec(title: &str, doi: Option<&str>, refs: &[&str]) -> ParsedRecord {
        ParsedRecord {
            title: title.into(),
            year: Some(2004),
            authors: vec!["Vargo, SL".into()],
            doi: doi.map(String::from),
            cited_refs: refs.iter().map(|r| CitedRef::parse(r)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn merges_across_databases_only() {
        let mut c = Corpus::new();
        c.files = vec![
            SourceFile::for_test("wos"),
            SourceFile::for_test("scopus"),
            SourceFile::for_test("wos-tab"),
        ];
        assert!(c.push(
            rec(
                "Evolving to a new dominant logic",
                Some("10.1/x"),
                &["A B, 2000, J, V1, P1"]
            ),
            0
        ));
        // Same DOI from Scopus: merged, its longer reference list kept.
        let mut s = rec(
            "Evolving to a New Dominant Logic!",
            Some("10.1/x"),
            &["A B, 2000, J, V1, P1", "C D, 2001, K, V2, P2"],
        );
        s.volume = Some("68".into());
        assert!(!c.push(s, 1));
        // Same title, no DOI, from Scopus: merged.
        assert!(!c.push(rec("Evolving to a new dominant logic", None, &[]), 1));
        // Same DOI from the other WoS format: one database, kept apart.
        assert!(c.push(rec("Other", Some("10.1/x"), &[]), 2));
        // Different DOI, same title: kept apart.
        assert!(c.push(
            rec("Evolving to a new dominant logic", Some("10.1/y"), &[]),
            1
        ));
        assert_eq!(c.records.len(), 3);
        assert_eq!(c.cross_duplicates, 2);
        assert_eq!(c.records[0].volume.as_deref(), Some("68"));
        assert_eq!(c.records[0].refs.len(), 2);
        assert_eq!(c.ref_agreement(), (1, 2));
        // RIS files: EBSCO (DB bth) and ScienceDirect (no AN) are two databases; two
        // records of one RIS file without accession numbers are kept apart.
        let mut r = Corpus::new();
        r.files = vec![SourceFile::for_test("ris"), SourceFile::for_test("ris")];
        let mut ebsco = rec("A paper", Some("10.1/z"), &[]);
        ebsco.uid = Some("bth:1".into());
        assert!(r.push(ebsco, 0));
        assert!(r.push(rec("A paper in the same file", Some("10.1/w"), &[]), 0));
        assert!(r.push(rec("Same DOI, same file", Some("10.1/w"), &[]), 0));
        assert!(!r.push(rec("A paper", Some("10.1/z"), &[]), 1));
        assert!(!r.push(rec("A paper in the same file", Some("10.1/w"), &[]), 1));
        assert_eq!((r.records.len(), r.cross_duplicates), (3, 2));
        assert_eq!(
            title_key("Evolving: to a new", Some(2004), Some("Vargo, SL")).as_deref(),
            Some("evolving to a new|2004|vargo")
        );
    }
}
