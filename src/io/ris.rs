//! RIS (Research Information Systems) tagged format, as exported by EBSCO, Emerald,
//! ProQuest, ScienceDirect, Scopus, IEEE Xplore and Zotero: `XX  - value` lines, a
//! record from `TY  - ` to `ER  - `. Lines may end in CRLF, LF or a bare CR, mixed in
//! one file (IEEE Xplore's export does this); all three are line ends.
//!
//! Tags read (databases differ in which they use):
//! `TY` type; `AU`/`A1` authors; `TI`/`T1` title; `T2`/`JF`/`JO` source (first present,
//! in that order), `JA`/`J2` abbreviation; `PY`/`Y1`/`DA` year; `VL`/`VO` volume; `IS`
//! issue; `SP`/`EP` pages; `DO` DOI; `KW` keywords (one per line, or `;`-separated);
//! `AB`/`N2` abstract; `AD` addresses; `LA` language; `M3` document type; `AN`
//! accession number (with `DB`, the record's id); `CR` cited references, one per line
//! in WoS syntax (`Author, Year, Source, V1, P2`) or in Scopus syntax; an `N1` note
//! starting `References:` (Scopus' RIS export) holds the `; `-separated references in
//! Scopus syntax.
//!
//! A line that is not a tag line continues the previous field when it is indented or
//! the field is free text (`AB`, `N1`, `N2`, which exports wrap at paragraph breaks);
//! any other such line is reported and ignored.
//!
//! Years: `PY` is `YYYY/MM/DD/other` in the RIS specification, the parts after the
//! year optional but their slashes kept (`2018///` is a valid year-only date); the
//! year is read with [`fields::year_field`], and a value without a plausible year
//! (`0`, `99999`) is reported and left empty.
//!
//! Problems: tag lines outside a record are reported once per run of them; a record
//! not closed by `ER` is kept and reported; a single-valued tag (`TI`, `PY`, ... see
//! `SINGLE_VALUED`) repeated in a record with another value is reported, the first
//! value kept.

use super::fields::{self, lines_any, nonempty, short_author, skip_line, split_pages};
use super::parsed::BlockResult;
use super::scopus;
use crate::model::cited_ref::normalize_doi;
use crate::model::{CitedRef, ParsedRecord, ProblemKind};

/// The tag of a RIS tag line (`TY  - JOUR` → `TY`), if it is one.
pub fn tag_of(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let ok = b.len() >= 5
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && &b[2..5] == b"  -";
    ok.then(|| &line[..2])
}

/// A cited reference written in WoS syntax (`Author, 2004, Source, ...`) or Scopus syntax.
pub fn parse_cited(line: &str) -> CitedRef {
    let mut parts = line.split(',').map(str::trim);
    let wos = parts.next().is_some_and(|a| a.len() < 40)
        && parts
            .next()
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    if wos {
        CitedRef::parse(line)
    } else {
        scopus::parse_reference(line)
    }
}

/// One `XX  - value` field of a record, with its line.
struct Field {
    tag: String,
    value: String,
    line: u64,
}

/// Tags that hold one value per record: a repeat with another value is reported and
/// the first (non-empty) value kept, as the readers of the fields take the first.
const SINGLE_VALUED: &[&str] = &[
    "TI", "T1", "T2", "JF", "JO", "BT", "JA", "J2", "PY", "Y1", "DA", "VL", "VO", "IS", "SP", "EP",
    "DO", "DI", "AB", "N2", "LA", "M3", "AN", "DB",
];

/// Free-text tags whose values exports wrap onto following lines without indenting
/// them (abstracts and notes with paragraph breaks).
const FREE_TEXT: &[&str] = &["AB", "N1", "N2"];

#[derive(Default)]
struct Rec {
    line: u64,
    fields: Vec<Field>,
}

impl Rec {
    fn first_field(&self, tags: &[&str]) -> Option<&Field> {
        tags.iter().find_map(|t| {
            self.fields
                .iter()
                .find(|f| f.tag == *t && !f.value.is_empty())
        })
    }

    fn first(&self, tags: &[&str]) -> Option<&str> {
        self.first_field(tags).map(|f| f.value.as_str())
    }

    fn all(&self, tags: &[&str]) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(move |f| tags.contains(&f.tag.as_str()) && !f.value.is_empty())
            .map(|f| f.value.as_str())
    }

    /// Reports each single-valued tag repeated with another value.
    fn report_repeats(&self, problems: &mut Vec<(u64, ProblemKind)>) {
        for (i, f) in self.fields.iter().enumerate() {
            if f.value.is_empty() || !SINGLE_VALUED.contains(&f.tag.as_str()) {
                continue;
            }
            let kept = self.fields[..i]
                .iter()
                .find(|k| k.tag == f.tag && !k.value.is_empty());
            if let Some(k) = kept.filter(|k| k.value != f.value) {
                problems.push((
                    f.line,
                    ProblemKind::RepeatedTag {
                        tag: f.tag.clone(),
                        first_line: k.line,
                        kept: fields::clip(&k.value).to_string(),
                        ignored: fields::clip(&f.value).to_string(),
                    },
                ));
            }
        }
    }

    fn finish(self, problems: &mut Vec<(u64, ProblemKind)>) -> ParsedRecord {
        self.report_repeats(problems);
        let mut authors: Vec<String> = Vec::new();
        let mut authors_full: Vec<String> = Vec::new();
        for a in self.all(&["AU", "A1"]) {
            let s = short_author(a);
            // Some exports repeat each AU line (IEEE Xplore).
            if !authors.contains(&s) {
                authors.push(s);
                authors_full.push(fields::full_author(a));
            }
        }
        let ty = self.first(&["TY"]).unwrap_or("");
        let (sp, ep) = split_pages(self.first(&["SP"]).unwrap_or(""));
        let ep = self.first(&["EP"]).or(ep);
        let pages = match (sp, ep) {
            (Some(a), Some(b)) => Some(format!("{a}-{b}")),
            (Some(a), None) => Some(a.to_string()),
            _ => None,
        };
        let mut cited_refs: Vec<CitedRef> = self.all(&["CR"]).map(parse_cited).collect();
        for n in self.all(&["N1"]) {
            if let Some(list) = n.strip_prefix("References:") {
                cited_refs.extend(
                    scopus::split_references(list)
                        .into_iter()
                        .map(scopus::parse_reference),
                );
            }
        }
        let uid = self.first(&["AN"]).map(|an| match self.first(&["DB"]) {
            Some(db) => format!("{db}:{an}"),
            None => an.to_string(),
        });
        let keywords = self
            .all(&["KW"])
            .flat_map(|k| fields::split_list(k, ';'))
            .collect();
        ParsedRecord {
            uid,
            pub_type: Some(pub_type(ty).into()),
            doc_type: nonempty(self.first(&["M3"]).unwrap_or(ty)),
            authors,
            authors_full,
            title: self.first(&["TI", "T1"]).unwrap_or("").to_string(),
            source: self.first(&["T2", "JF", "JO", "BT"]).and_then(nonempty),
            source_abbrev: self.first(&["JA", "J2"]).and_then(nonempty),
            year: self
                .first_field(&["PY", "Y1", "DA"])
                .and_then(|f| fields::year_field(&f.value, f.line, &f.tag, problems)),
            volume: self.first(&["VL", "VO"]).and_then(nonempty),
            issue: self.first(&["IS"]).and_then(nonempty),
            pages,
            doi: self.first(&["DO", "DI"]).and_then(normalize_doi),
            author_keywords: keywords,
            keywords_plus: Vec::new(),
            categories: Vec::new(),
            abstract_text: self.first(&["AB", "N2"]).and_then(nonempty),
            addresses: self
                .all(&["AD"])
                .map(|a| fields::address(Vec::new(), a))
                .collect(),
            times_cited: None,
            language: self.first(&["LA"]).and_then(nonempty),
            cited_refs,
            line: self.line.min(u32::MAX as u64) as u32,
        }
    }
}

/// WoS publication type from a RIS type.
fn pub_type(ty: &str) -> &'static str {
    match ty {
        "CONF" | "CPAPER" => "C",
        "BOOK" | "CHAP" | "EBOOK" | "ECHAP" | "EDBOOK" => "B",
        _ => "J",
    }
}

/// Parses a RIS file.
pub fn parse(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let mut cur: Option<Rec> = None;
    let mut outside_reported = false;
    for (n, line) in lines_any(text) {
        if skip_line(n, line, &mut out.problems) {
            continue;
        }
        let Some(tag) = tag_of(line) else {
            match cur.as_mut().and_then(|r| r.fields.last_mut()) {
                Some(f) if line.starts_with([' ', '\t']) || FREE_TEXT.contains(&f.tag.as_str()) => {
                    if !f.value.is_empty() {
                        f.value.push(' ');
                    }
                    f.value.push_str(line.trim());
                }
                Some(_) => out.problems.push((
                    n,
                    ProblemKind::NotRisTagLine {
                        text: fields::clip(line).to_string(),
                    },
                )),
                None if !outside_reported => {
                    out.problems.push((
                        n,
                        ProblemKind::TextOutsideRecord {
                            text: fields::clip(line).to_string(),
                        },
                    ));
                    outside_reported = true;
                }
                None => {}
            }
            continue;
        };
        let value = line[5..].trim();
        match tag {
            "TY" => {
                if let Some(r) = cur.take() {
                    out.problems.push((
                        r.line,
                        ProblemKind::NotClosedBeforeNext {
                            start: "TY",
                            next_line: n,
                        },
                    ));
                    out.records.push(r.finish(&mut out.problems));
                }
                cur = Some(Rec {
                    line: n,
                    fields: vec![Field {
                        tag: "TY".into(),
                        value: value.into(),
                        line: n,
                    }],
                });
                outside_reported = false;
            }
            "ER" => match cur.take() {
                Some(r) => out.records.push(r.finish(&mut out.problems)),
                None => out.problems.push((n, ProblemKind::EndWithoutRecord)),
            },
            _ => match cur.as_mut() {
                Some(r) => r.fields.push(Field {
                    tag: tag.into(),
                    value: value.into(),
                    line: n,
                }),
                None if !outside_reported => {
                    out.problems.push((
                        n,
                        ProblemKind::FieldOutsideRecord {
                            tag: tag.to_string(),
                            start: "TY",
                        },
                    ));
                    outside_reported = true;
                }
                None => {}
            },
        }
    }
    if let Some(r) = cur.take() {
        out.problems.push((r.line, ProblemKind::NotClosed));
        out.records.push(r.finish(&mut out.problems));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_line_ends_and_references() {
        let text = "TY  - JOUR\r\nAU  - Vargo, Stephen L.\rAU  - Lusch, Robert F.\nTI  - Evolving to a new\n  dominant logic\r\nJO  - Journal of Marketing\r\nPY  - 2004///\r\nVL  - 68\r\nSP  - 1\r\nEP  - 17\r\nDO  - https://doi.org/10.1509/jmkg.68.1.1.24036\r\nCR  - Levitt T, 1960, HARVARD BUS REV, V38, P45\r\nN1  - References: Prahalad, C.K., Ramaswamy, V., Co-creation experiences (2004) Journal of Interactive Marketing, 18 (3), pp. 5-14\r\nER  - \r\n";
        let r = parse(text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let a = &r.records[0];
        assert_eq!(a.authors, vec!["Vargo, SL", "Lusch, RF"]);
        assert_eq!(a.title, "Evolving to a new dominant logic");
        assert_eq!(a.year, Some(2004));
        assert_eq!(a.pages.as_deref(), Some("1-17"));
        assert_eq!(a.doi.as_deref(), Some("10.1509/jmkg.68.1.1.24036"));
        assert_eq!(a.cited_refs[0].key, "levitt t|1960|v38|p45");
        assert_eq!(a.cited_refs[1].key, "prahalad c|2004|v18|p5");
    }

    #[test]
    fn damage_is_reported() {
        let text = "TY  - JOUR\nTI  - First\nTI  - Second\nTI  - First\nPY  - 99999\n\
                    AB  - An abstract\nwrapped at a paragraph\nAU  - Doe, J\nstray text\n\
                    ER  - \nTY  - JOUR\nPY  - 2018///\nER  - \n";
        let r = parse(text);
        assert_eq!(r.records.len(), 2);
        let a = &r.records[0];
        assert_eq!(a.title, "First");
        assert_eq!(a.year, None);
        assert_eq!(
            a.abstract_text.as_deref(),
            Some("An abstract wrapped at a paragraph")
        );
        assert_eq!(r.records[1].year, Some(2018));
        let want = [
            (
                9,
                "not an RIS tag line (`XX  - value`) nor a continuation (indented, or after \
                 AB, N1 or N2): \"stray text\"; ignored",
            ),
            (
                3,
                "TI repeated in the record: the first value (line 2) \"First\" kept, this \
                 one \"Second\" ignored",
            ),
            (5, "PY is not a plausible year: \"99999\""),
        ];
        let want: Vec<(u64, String)> = want.iter().map(|(l, m)| (*l, m.to_string())).collect();
        assert_eq!(r.messages(), want);
    }
}
