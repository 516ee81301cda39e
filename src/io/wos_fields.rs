//! The fields of one Web of Science record, shared by the plain-text ([`super::wos`])
//! and tab-delimited ([`super::wos_tab`]) readers, which use the same two-letter tags:
//! which tags are read ([`Field`]), and the [`Builder`] that collects a record's
//! values as text and converts them into a [`ParsedRecord`] (years, pages, DOI, times
//! cited, keyword lists, addresses), reporting values it cannot use.

use crate::model::cited_ref::normalize_doi;
use crate::model::record::parse_address;
use crate::model::{CitedRef, ParsedRecord, ProblemKind};

/// The field being read (the last tag seen).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Authors,
    AuthorsFull,
    Title,
    Source,
    SourceAbbrev,
    Year,
    EarlyAccessYear,
    Volume,
    Issue,
    BeginPage,
    EndPage,
    ArticleNumber,
    Doi,
    AuthorKeywords,
    KeywordsPlus,
    Categories,
    Abstract,
    Addresses,
    TimesCited,
    Uid,
    DocType,
    PubType,
    Language,
    CitedRefs,
    Ignored,
}

/// A two-byte tag as a number, so matching a tag is one integer comparison (matching
/// byte-string patterns compiles to memcmp calls, measurably slower on every line).
const fn tag(t: &[u8; 2]) -> u16 {
    u16::from_be_bytes(*t)
}

const T_AU: u16 = tag(b"AU");
const T_AF: u16 = tag(b"AF");
const T_TI: u16 = tag(b"TI");
const T_SO: u16 = tag(b"SO");
const T_J9: u16 = tag(b"J9");
const T_PY: u16 = tag(b"PY");
const T_EY: u16 = tag(b"EY");
const T_VL: u16 = tag(b"VL");
const T_IS: u16 = tag(b"IS");
const T_BP: u16 = tag(b"BP");
const T_EP: u16 = tag(b"EP");
const T_AR: u16 = tag(b"AR");
const T_DI: u16 = tag(b"DI");
const T_DE: u16 = tag(b"DE");
const T_ID: u16 = tag(b"ID");
const T_WC: u16 = tag(b"WC");
const T_AB: u16 = tag(b"AB");
const T_C1: u16 = tag(b"C1");
const T_TC: u16 = tag(b"TC");
const T_UT: u16 = tag(b"UT");
const T_DT: u16 = tag(b"DT");
pub(super) const T_PT: u16 = tag(b"PT");
const T_LA: u16 = tag(b"LA");
const T_CR: u16 = tag(b"CR");
pub(super) const T_FN: u16 = tag(b"FN");
pub(super) const T_VR: u16 = tag(b"VR");
pub(super) const T_EF: u16 = tag(b"EF");
pub(super) const T_ER: u16 = tag(b"ER");

/// The field of a tag (the first two bytes of `tag`).
pub(super) fn field_of(tag: &[u8]) -> Field {
    if tag.len() < 2 {
        return Field::Ignored;
    }
    match u16::from_be_bytes([tag[0], tag[1]]) {
        T_AU => Field::Authors,
        T_AF => Field::AuthorsFull,
        T_TI => Field::Title,
        T_SO => Field::Source,
        T_J9 => Field::SourceAbbrev,
        T_PY => Field::Year,
        T_EY => Field::EarlyAccessYear,
        T_VL => Field::Volume,
        T_IS => Field::Issue,
        T_BP => Field::BeginPage,
        T_EP => Field::EndPage,
        T_AR => Field::ArticleNumber,
        T_DI => Field::Doi,
        T_DE => Field::AuthorKeywords,
        T_ID => Field::KeywordsPlus,
        T_WC => Field::Categories,
        T_AB => Field::Abstract,
        T_C1 => Field::Addresses,
        T_TC => Field::TimesCited,
        T_UT => Field::Uid,
        T_DT => Field::DocType,
        T_PT => Field::PubType,
        T_LA => Field::Language,
        T_CR => Field::CitedRefs,
        _ => Field::Ignored,
    }
}

/// Fields of one record as text, before conversion (shared with the tab-delimited
/// reader, which has the same tags).
#[derive(Default)]
pub(crate) struct Builder {
    line: u64,
    malformed: Option<String>,
    authors: Vec<String>,
    authors_full: Vec<String>,
    title: String,
    source: String,
    source_abbrev: String,
    year: String,
    ea_year: String,
    volume: String,
    issue: String,
    bp: String,
    ep: String,
    ar: String,
    doi: String,
    de: String,
    id: String,
    wc: String,
    abstract_text: String,
    addresses: Vec<String>,
    tc: String,
    uid: String,
    doc_type: String,
    pub_type: String,
    language: String,
    cited: Vec<CitedRef>,
}

fn push_text(dst: &mut String, v: &str) {
    if !dst.is_empty() {
        dst.push(' ');
    }
    dst.push_str(v);
}

impl Builder {
    pub(crate) fn new(line: u64) -> Self {
        Builder {
            line,
            ..Default::default()
        }
    }

    /// Marks the record as malformed: it will be reported and skipped.
    pub(crate) fn mark_malformed(&mut self, why: &str) {
        self.malformed.get_or_insert_with(|| why.to_string());
    }

    /// Marks the record as malformed unless it already is, with the reason `why` gives.
    pub(super) fn mark_malformed_with(&mut self, why: impl FnOnce() -> String) {
        self.malformed.get_or_insert_with(why);
    }

    /// The line the record starts on.
    pub(super) fn line(&self) -> u64 {
        self.line
    }

    /// Adds one value of the field with this WoS tag.
    pub(crate) fn add_tagged(&mut self, tag: &[u8], v: &str) {
        self.add(field_of(tag), v);
    }

    /// Adds one value of `field`.
    pub(super) fn add(&mut self, field: Field, v: &str) {
        let v = v.trim();
        if v.is_empty() {
            return;
        }
        match field {
            Field::Authors => self.authors.push(v.to_string()),
            Field::AuthorsFull => self.authors_full.push(v.to_string()),
            Field::Addresses => self.addresses.push(v.to_string()),
            Field::CitedRefs => self.cited.push(CitedRef::parse(v)),
            Field::Title => push_text(&mut self.title, v),
            Field::Source => push_text(&mut self.source, v),
            Field::SourceAbbrev => push_text(&mut self.source_abbrev, v),
            Field::Year => push_text(&mut self.year, v),
            Field::EarlyAccessYear => push_text(&mut self.ea_year, v),
            Field::Volume => push_text(&mut self.volume, v),
            Field::Issue => push_text(&mut self.issue, v),
            Field::BeginPage => push_text(&mut self.bp, v),
            Field::EndPage => push_text(&mut self.ep, v),
            Field::ArticleNumber => push_text(&mut self.ar, v),
            Field::Doi => push_text(&mut self.doi, v),
            Field::AuthorKeywords => push_text(&mut self.de, v),
            Field::KeywordsPlus => push_text(&mut self.id, v),
            Field::Categories => push_text(&mut self.wc, v),
            Field::Abstract => push_text(&mut self.abstract_text, v),
            Field::TimesCited => push_text(&mut self.tc, v),
            Field::Uid => push_text(&mut self.uid, v),
            Field::DocType => push_text(&mut self.doc_type, v),
            Field::PubType => push_text(&mut self.pub_type, v),
            Field::Language => push_text(&mut self.language, v),
            Field::Ignored => {}
        }
    }

    /// Converts the record's text into a [`ParsedRecord`], reporting the values it
    /// cannot use; a malformed record is reported and gives none.
    pub(crate) fn finish(self, problems: &mut Vec<(u64, ProblemKind)>) -> Option<ParsedRecord> {
        if let Some(why) = self.malformed {
            problems.push((self.line, ProblemKind::RecordSkipped { reason: why }));
            return None;
        }
        let year = parse_year(&self.year, self.line, "PY", problems)
            .or_else(|| parse_year(&self.ea_year, self.line, "EY", problems));
        let doi = self.doi(problems);
        let times_cited = self.times_cited(problems);
        Some(ParsedRecord {
            uid: nonempty(self.uid),
            pub_type: nonempty(self.pub_type),
            doc_type: nonempty(self.doc_type),
            authors: self.authors,
            authors_full: self.authors_full,
            title: self.title,
            source: nonempty(self.source),
            source_abbrev: nonempty(self.source_abbrev),
            year,
            volume: nonempty(self.volume),
            issue: nonempty(self.issue),
            pages: pages(self.bp, &self.ep, self.ar),
            doi,
            author_keywords: split_keywords(&self.de),
            keywords_plus: split_keywords(&self.id),
            categories: split_keywords(&self.wc),
            abstract_text: nonempty(self.abstract_text),
            addresses: self.addresses.iter().map(|a| parse_address(a)).collect(),
            times_cited,
            language: nonempty(self.language),
            cited_refs: self.cited,
            line: self.line.min(u32::MAX as u64) as u32,
        })
    }

    /// `DI`, normalised; a value that is not a DOI is reported and dropped.
    fn doi(&self, problems: &mut Vec<(u64, ProblemKind)>) -> Option<String> {
        let doi = normalize_doi(&self.doi);
        if doi.is_none() && !self.doi.is_empty() {
            problems.push((
                self.line,
                ProblemKind::NotADoi {
                    value: truncate(&self.doi).to_string(),
                },
            ));
        }
        doi
    }

    /// `TC`; a value that is not a count is reported and dropped.
    fn times_cited(&self, problems: &mut Vec<(u64, ProblemKind)>) -> Option<u32> {
        if self.tc.is_empty() {
            return None;
        }
        let n = self.tc.parse::<u32>().ok();
        if n.is_none() {
            problems.push((
                self.line,
                ProblemKind::InvalidValue {
                    field: "TC",
                    expected: "number",
                    value: truncate(&self.tc).to_string(),
                },
            ));
        }
        n
    }
}

fn nonempty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

/// `BP-EP`, `BP` alone, or else the article number (`AR`).
fn pages(bp: String, ep: &str, ar: String) -> Option<String> {
    match (bp.is_empty(), ep.is_empty()) {
        (false, false) => Some(format!("{bp}-{ep}")),
        (false, true) => Some(bp),
        _ => nonempty(ar),
    }
}

/// The first 40 characters of a value quoted in a problem.
pub(super) fn truncate(s: &str) -> &str {
    match s.char_indices().nth(40) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Parses a year field; years outside 1000–2100 are reported and dropped.
pub fn parse_year(
    s: &str,
    line: u64,
    tag: &str,
    problems: &mut Vec<(u64, ProblemKind)>,
) -> Option<i32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<i32>() {
        Ok(y) if (1000..=2100).contains(&y) => Some(y),
        _ => {
            problems.push((
                line,
                ProblemKind::ImplausibleYear {
                    field: tag.to_string(),
                    value: format!("{:?}", truncate(s)),
                },
            ));
            None
        }
    }
}

/// Splits a `;`-separated keyword list.
pub fn split_keywords(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(String::from)
        .collect()
}
