//! Web of Science plain-text ("tagged") export: `FN Clarivate Analytics Web of Science`
//! (or `FN Thomson Reuters Web of Science™`), `VR 1.0`, then records of two-character
//! tags in columns 1–2 and the value from column 4; continuation lines start with three
//! spaces; `ER` ends a record, `EF` the file.
//!
//! Multi-valued fields (`AU`, `AF`, `CR`, `C1`) have one value per line; text fields
//! (`TI`, `AB`, `SO`, `DE`, `ID`, ...) join their lines with a space. `DE` and `ID`
//! are `;`-separated lists.
//!
//! The parser works on blocks of whole records ([`parse_block`]) so that a large file
//! is read in pieces and parsed in parallel: memory grows with the records kept, not
//! with the file. Problems are reported with their line and the rest keeps loading:
//! - a line in column 1 that is not a tag → the record is skipped (malformed);
//! - a record not closed by `ER` (truncated file) → kept with the fields read, reported;
//! - fields outside a record (no `PT` line) → reported and ignored;
//! - bytes that are not UTF-8 → decoded as Windows-1252, reported once per block;
//! - implausible years (outside 1000–2100) → year left empty, reported.

pub use super::parsed::BlockResult;
use super::text::decode_line;
use crate::model::cited_ref::normalize_doi;
use crate::model::record::parse_address;
use crate::model::{CitedRef, ParsedRecord};

/// True when `bytes` (after any BOM) look like a WoS plain-text export: the first
/// non-blank line is `FN ...Web of Science...`, or a `PT ` tag line.
pub fn detect(bytes: &[u8]) -> bool {
    let first = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .find(|l| !l.iter().all(u8::is_ascii_whitespace));
    match first {
        Some(l) => {
            (l.starts_with(b"FN ") && contains(l, b"Web of Science"))
                || (l.starts_with(b"PT ") && l.len() <= 5)
        }
        None => false,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// Where to cut a buffer so that the first part ends after a complete `ER` line.
/// Returns the length of that part, or `None` if there is no `ER` line.
pub fn split_point(buf: &[u8]) -> Option<usize> {
    let mut end = buf.len();
    while let Some(pos) = memchr::memmem::rfind(&buf[..end], b"\nER") {
        let after = pos + 3;
        let rest = &buf[after..];
        if rest.starts_with(b"\n") {
            return Some(after + 1);
        }
        if rest.starts_with(b"\r\n") {
            return Some(after + 2);
        }
        end = pos;
    }
    None
}

/// The field being read (the last tag seen).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
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
const T_AB: u16 = tag(b"AB");
const T_C1: u16 = tag(b"C1");
const T_TC: u16 = tag(b"TC");
const T_UT: u16 = tag(b"UT");
const T_DT: u16 = tag(b"DT");
const T_PT: u16 = tag(b"PT");
const T_LA: u16 = tag(b"LA");
const T_CR: u16 = tag(b"CR");
const T_FN: u16 = tag(b"FN");
const T_VR: u16 = tag(b"VR");
const T_EF: u16 = tag(b"EF");
const T_ER: u16 = tag(b"ER");

fn field_of(tag: &[u8]) -> Field {
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

    /// Adds one value of the field with this WoS tag.
    pub(crate) fn add_tagged(&mut self, tag: &[u8], v: &str) {
        self.add(field_of(tag), v);
    }

    fn add(&mut self, field: Field, v: &str) {
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
            Field::Abstract => push_text(&mut self.abstract_text, v),
            Field::TimesCited => push_text(&mut self.tc, v),
            Field::Uid => push_text(&mut self.uid, v),
            Field::DocType => push_text(&mut self.doc_type, v),
            Field::PubType => push_text(&mut self.pub_type, v),
            Field::Language => push_text(&mut self.language, v),
            Field::Ignored => {}
        }
    }

    pub(crate) fn finish(self, problems: &mut Vec<(u64, String)>) -> Option<ParsedRecord> {
        if let Some(why) = self.malformed {
            problems.push((self.line, format!("record skipped: {why}")));
            return None;
        }
        let nonempty = |s: String| if s.is_empty() { None } else { Some(s) };
        let year = parse_year(&self.year, self.line, "PY", problems)
            .or_else(|| parse_year(&self.ea_year, self.line, "EY", problems));
        let pages = match (self.bp.is_empty(), self.ep.is_empty()) {
            (false, false) => Some(format!("{}-{}", self.bp, self.ep)),
            (false, true) => Some(self.bp),
            _ => nonempty(self.ar),
        };
        let doi = normalize_doi(&self.doi);
        if doi.is_none() && !self.doi.is_empty() {
            problems.push((
                self.line,
                format!("DI is not a DOI: {:?}; ignored", truncate(&self.doi)),
            ));
        }
        let times_cited = if self.tc.is_empty() {
            None
        } else {
            match self.tc.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push((
                        self.line,
                        format!("TC is not a number: {:?}", truncate(&self.tc)),
                    ));
                    None
                }
            }
        };
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
            pages,
            doi,
            author_keywords: split_keywords(&self.de),
            keywords_plus: split_keywords(&self.id),
            abstract_text: nonempty(self.abstract_text),
            addresses: self.addresses.iter().map(|a| parse_address(a)).collect(),
            times_cited,
            language: nonempty(self.language),
            cited_refs: self.cited,
            line: self.line.min(u32::MAX as u64) as u32,
        })
    }
}

fn truncate(s: &str) -> &str {
    match s.char_indices().nth(40) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Parses a year field; years outside 1000–2100 are reported and dropped.
pub fn parse_year(s: &str, line: u64, tag: &str, problems: &mut Vec<(u64, String)>) -> Option<i32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<i32>() {
        Ok(y) if (1000..=2100).contains(&y) => Some(y),
        _ => {
            problems.push((
                line,
                format!("{tag} is not a plausible year: {:?}", truncate(s)),
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

fn is_tag_line(l: &[u8]) -> bool {
    l.len() >= 2
        && (l[0].is_ascii_uppercase() || l[0].is_ascii_digit())
        && (l[1].is_ascii_uppercase() || l[1].is_ascii_digit())
        && (l.len() == 2 || l[2] == b' ')
}

/// Parses a block of whole lines. `first_line` is the 1-based number of its first line.
pub fn parse_block(block: &[u8], first_line: u64) -> BlockResult {
    let mut out = BlockResult::default();
    let mut cur: Option<Builder> = None;
    let mut field = Field::Ignored;
    let mut outside_reported = false;
    let mut last_line: Option<u64> = None;
    let first_line = first_line.max(1);
    let mut line_no = first_line - 1;
    for raw in block.split(|&b| b == b'\n') {
        line_no += 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        // A BOM inside the text: exports joined with `cat`.
        let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let (text, fallback) = decode_line(raw);
        if fallback {
            out.note_non_utf8(line_no);
        }
        let line: &str = &text;
        if line.contains('\0') {
            if let Some(b) = cur.as_mut() {
                b.malformed
                    .get_or_insert_with(|| format!("binary data (NUL byte) at line {line_no}"));
            } else {
                out.problems
                    .push((line_no, "binary data (NUL byte) outside a record".into()));
            }
            continue;
        }
        if raw[0] == b' ' || raw[0] == b'\t' {
            match cur.as_mut() {
                Some(b) => b.add(field, line),
                None if !outside_reported => {
                    out.problems
                        .push((line_no, "continuation line outside a record".into()));
                    outside_reported = true;
                }
                None => {}
            }
            continue;
        }
        // "AUGilles, H": a known tag with the space missing (seen in real exports).
        if !is_tag_line(raw)
            && cur.is_some()
            && raw.len() > 2
            && field_of(&raw[..2]) != Field::Ignored
            && line.is_char_boundary(2)
        {
            out.problems.push((
                line_no,
                format!(
                    "no space after tag {}; read as that field",
                    String::from_utf8_lossy(&raw[..2])
                ),
            ));
            field = field_of(&raw[..2]);
            if let Some(b) = cur.as_mut() {
                b.add(field, &line[2..]);
            }
            continue;
        }
        if !is_tag_line(raw) {
            // The unfinished last line of a truncated file does not spoil its record.
            let last = *last_line.get_or_insert_with(|| {
                first_line + memchr::memchr_iter(b'\n', block).count() as u64
            });
            if cur.is_some() && line_no == last && !block.ends_with(b"\n") {
                out.problems.push((
                    line_no,
                    format!(
                        "incomplete last line ignored (truncated file?): {:?}",
                        truncate(line)
                    ),
                ));
                continue;
            }
            match cur.as_mut() {
                Some(b) => {
                    b.malformed.get_or_insert_with(|| {
                        format!("line {line_no} is not a field tag: {:?}", truncate(line))
                    });
                }
                None => out.problems.push((
                    line_no,
                    format!("unexpected text outside a record: {:?}", truncate(line)),
                )),
            }
            continue;
        }
        let tag = &raw[..2];
        let value = if line.len() > 3 { &line[3..] } else { "" };
        match u16::from_be_bytes([raw[0], raw[1]]) {
            T_PT => {
                if let Some(b) = cur.take() {
                    out.problems.push((
                        b.line,
                        format!(
                            "record not closed by ER before the next PT at line {line_no}; kept"
                        ),
                    ));
                    if let Some(r) = b.finish(&mut out.problems) {
                        out.records.push(r);
                    }
                }
                let mut b = Builder {
                    line: line_no,
                    ..Default::default()
                };
                b.add(Field::PubType, value);
                cur = Some(b);
                field = Field::PubType;
                outside_reported = false;
            }
            T_ER => match cur.take() {
                Some(b) => {
                    if let Some(r) = b.finish(&mut out.problems) {
                        out.records.push(r);
                    }
                }
                None => out.problems.push((line_no, "ER without a record".into())),
            },
            T_FN | T_VR | T_EF if cur.is_none() => {}
            _ => match cur.as_mut() {
                Some(b) => {
                    field = field_of(tag);
                    b.add(field, value);
                }
                None if !outside_reported => {
                    out.problems.push((
                        line_no,
                        format!(
                            "field {} outside a record (no PT line); ignored",
                            String::from_utf8_lossy(tag)
                        ),
                    ));
                    outside_reported = true;
                }
                None => {}
            },
        }
    }
    if let Some(b) = cur.take() {
        out.problems.push((
            b.line,
            "record not closed by ER (truncated file?); kept with the fields read".into(),
        ));
        if let Some(r) = b.finish(&mut out.problems) {
            out.records.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Vargo, SL\n   Lusch, RF\nAF Vargo, Stephen L.\n   Lusch, Robert F.\nTI Evolving to a new dominant\n   logic for marketing\nSO JOURNAL OF MARKETING\nDE service; value co-creation;\n   dominant logic\nC1 [Vargo, Stephen L.] Univ Hawaii, Honolulu, HI 96822 USA.\nCR Levitt T, 1960, HARVARD BUS REV, V38, P45\n   Prahalad CK, 2004, J INTERACT MARK, V18, P5, DOI 10.1002/dir.20015\nTC 5000\nPY 2004\nVL 68\nIS 1\nBP 1\nEP 17\nDI 10.1509/jmkg.68.1.1.24036\nUT WOS:000188143800001\nER\n\nPT J\nAU Doe, J\nTI Second\nPY 2005\nUT WOS:2\nER\n\nEF\n";

    #[test]
    fn parses_fields() {
        let r = parse_block(TWO.as_bytes(), 1);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.records.len(), 2);
        let a = &r.records[0];
        assert_eq!(a.authors, vec!["Vargo, SL", "Lusch, RF"]);
        assert_eq!(a.authors_full[1], "Lusch, Robert F.");
        assert_eq!(a.title, "Evolving to a new dominant logic for marketing");
        assert_eq!(
            a.author_keywords,
            vec!["service", "value co-creation", "dominant logic"]
        );
        assert_eq!(a.addresses[0].country.as_deref(), Some("USA"));
        assert_eq!(a.cited_refs.len(), 2);
        assert_eq!(a.cited_refs[1].doi.as_deref(), Some("10.1002/dir.20015"));
        assert_eq!(a.year, Some(2004));
        assert_eq!(a.pages.as_deref(), Some("1-17"));
        assert_eq!(a.times_cited, Some(5000));
        assert_eq!(a.uid.as_deref(), Some("WOS:000188143800001"));
        assert_eq!(a.line, 3);
        assert_eq!(r.records[1].line, 26);
    }

    #[test]
    fn crlf_is_the_same() {
        let crlf = TWO.replace('\n', "\r\n");
        let a = parse_block(TWO.as_bytes(), 1);
        let b = parse_block(crlf.as_bytes(), 1);
        assert_eq!(a.records, b.records);
    }

    #[test]
    fn truncated_and_malformed() {
        let text = "FN Clarivate Analytics Web of Science\nPT J\nTI ok\nER\nPT J\nTI bad\nthis is not a tag\nER\nPT J\nTI cut off\nCR A B, 2000, J, V1";
        let r = parse_block(text.as_bytes(), 1);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].title, "ok");
        assert_eq!(r.records[1].title, "cut off");
        assert_eq!(r.problems.len(), 2);
        assert_eq!(r.problems[0].0, 5);
        assert!(r.problems[0].1.contains("line 7 is not a field tag"));
        assert_eq!(r.problems[1].0, 9);
        assert!(r.problems[1].1.contains("not closed by ER"));
    }

    #[test]
    fn continuation_pt_is_not_a_record() {
        // As in ../shared/data/citespace-homework-bci: "   PT XXI" inside a field.
        let text = "PT J\nTI A title\n   PT XXI\nER\n";
        let r = parse_block(text.as_bytes(), 1);
        assert_eq!(r.records.len(), 1);
        assert_eq!(r.records[0].title, "A title PT XXI");
    }

    #[test]
    fn bad_years_and_latin1() {
        let text = b"PT J\nAU M\xfcller, K\nPY 99999\nTC x\nER\n";
        let r = parse_block(text, 10);
        assert_eq!(r.records[0].authors[0], "Müller, K");
        assert_eq!(r.records[0].year, None);
        assert_eq!(r.non_utf8, Some((11, 1)));
        assert_eq!(r.problems.len(), 2);
        assert_eq!(r.problems[0].0, 10);
    }

    #[test]
    fn detection_and_split() {
        assert!(detect(
            b"\nFN Thomson Reuters Web of Science\xe2\x84\xa2\nVR 1.0"
        ));
        assert!(detect(b"PT J\nAU x"));
        assert!(!detect(b"PT\tAU\tBA"));
        assert!(!detect(b"TY  - JOUR"));
        let buf = b"PT J\nER\n\nPT J\nER\nPT J\nTI x";
        assert_eq!(split_point(buf), Some(17));
        assert_eq!(split_point(b"PT J\nTI ERx\n"), None);
    }
}
