//! Cited references: parsing a Web of Science `CR` line into its parts and the
//! **normalised key** that identifies the same cited work across citing records.
//!
//! A WoS cited reference reads `Author, Year, Source, V<volume>, P<page>, DOI <doi>`;
//! any part may be missing (`Berger P., 1966, SOCIAL CONSTRUCTION`), the author may be
//! `[Anonymous]`, the DOI may be a list (`DOI [10.1/a, 10.1/b]`) or carry a doubled
//! prefix (`DOI DOI 10.1002/BSE.380`), and page prefixes come in either case (`p143S`).
//!
//! # Key rules
//! The key is what the networks count on: two citations with the same key are the same
//! cited work. In order:
//! 1. **DOI present** → `doi:<doi>`, where the DOI is the first of a `DOI [..]` list,
//!    with `DOI `/`doi:`/`https://doi.org/` prefixes removed, trailing `.,;` trimmed, and
//!    lower-cased (DOIs are case-insensitive by the DOI Handbook, §2.4).
//! 2. **No DOI, volume and page present** → `<author>|<year>|v<volume>|p<page>`. The
//!    source is left out because WoS abbreviates the same journal differently across
//!    citations (`ACAD MANAGE REV` / `ACAD MANAG REV`), while author + year + volume +
//!    first page is practically unique.
//! 3. **Otherwise** (books, reports, missing volume or page) →
//!    `<author>|<year>|<source>|v<volume>|p<page>` with absent parts empty. The source
//!    is brought to the form WoS writes in CR lines, so that a full title from another
//!    database (`The Structure of Scientific Revolutions`) and WoS's form
//!    (`STRUCTURE SCI REVOLU`) agree: lower case, words of letters and digits, the
//!    words WoS leaves out (`the`, `of`, `and`, ...) dropped, the word abbreviations
//!    WoS applies consistently (`Journal` → `J`, `Scientific` → `SCI`, `Analysis` →
//!    `ANAL`, ...) applied, joined by spaces and cut to 20 characters (as WoS cuts
//!    them), then the spaces removed. Words WoS abbreviates inconsistently
//!    (`MANAGEMENT` in book titles, `MANAGE` in journal abbreviations) are not mapped:
//!    such sources agree across databases only when written alike.
//!
//! `<author>` is the surname and first initial in lower case with punctuation removed:
//! `Vargo SL`, `VARGO S.L.` and `Vargo S` all give `vargo s`; `[Anonymous]` gives
//! `anonymous`. `<year>` is the four-digit year or empty. Volume and page are upper-cased
//! with their `V`/`P` prefix removed.
//!
//! Citations of one work with and without DOI get different keys from these rules
//! alone (about 6% of citations omit a DOI WoS knows); [`crate::model::Corpus::reconcile_refs`]
//! merges a DOI-less key into the DOI key when its author key, year, volume and page
//! match exactly one cited work that has a DOI.

use super::ref_key::trim;
pub use super::ref_key::{author_key, make_key, normalize_doi, source_key};
use serde::{Deserialize, Serialize};

/// One cited reference, parsed. The parts are slices of `label` (the reference as
/// WoS writes it, without the DOI part), so parsing a reference allocates two or three
/// strings, not one per part: readers parse millions of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedRef {
    /// The reference as WoS writes it, without the DOI part.
    pub label: String,
    /// Publication year of the cited work.
    pub year: Option<i32>,
    /// Normalised DOI (first of a list).
    pub doi: Option<String>,
    /// The normalised key.
    pub key: String,
    author: (u32, u32),
    source: (u32, u32),
    volume: Option<(u32, u32)>,
    page: Option<(u32, u32)>,
}

fn parse_year(part: &str) -> Option<i32> {
    let p = trim(part);
    if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) {
        p.parse().ok()
    } else {
        None
    }
}

/// `V68` → `68`; `p143S` → `143S` (prefix letter, then at least one character that is
/// not a letter or a space: `P NATL ACAD SCI USA` is a source, not a page).
fn strip_prefix_ci(part: &str, letter: u8) -> Option<&str> {
    let b = part.as_bytes();
    if b.len() >= 2
        && b[0].eq_ignore_ascii_case(&letter)
        && !b[1].is_ascii_alphabetic()
        && !b[1].is_ascii_whitespace()
    {
        Some(&part[1..])
    } else {
        None
    }
}

/// Splits off the DOI part: returns (text before `, DOI`, the raw DOI text after it,
/// its doubled `DOI` prefixes removed).
fn split_doi(line: &str) -> (&str, Option<&str>) {
    // Find ", DOI " case-insensitively (ASCII only, so byte offsets are char boundaries).
    let bytes = line.as_bytes();
    let needle = b", doi ";
    let pos = memchr::memchr_iter(b',', bytes).find(|&i| {
        bytes
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    });
    let Some(pos) = pos else {
        return (line, None);
    };
    let mut tail = trim(&line[pos + needle.len()..]);
    // Doubled prefix: "DOI DOI 10.1002/..."
    while tail
        .get(..4)
        .is_some_and(|h| h.eq_ignore_ascii_case("doi "))
    {
        tail = tail[4..].trim_start();
    }
    (&line[..pos], Some(tail))
}

/// The first DOI of a DOI part: the part itself, or the first valid entry of a
/// `[10.1/a, 10.1/b]` list.
fn first_doi(tail: &str) -> Option<String> {
    match tail.strip_prefix('[') {
        Some(inner) => inner
            .split(']')
            .next()
            .unwrap_or(inner)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .find_map(normalize_doi),
        None => normalize_doi(tail),
    }
}

/// Byte range of `sub` within `whole` (`sub` must be a subslice of it).
fn span(whole: &str, sub: &str) -> (u32, u32) {
    let start = sub.as_ptr() as usize - whole.as_ptr() as usize;
    (start as u32, (start + sub.len()) as u32)
}

impl CitedRef {
    /// Parses one WoS `CR` line. Never fails: unrecognised parts are kept in the
    /// label and the key falls back to what was recognised.
    ///
    /// ```
    /// use cocite::model::CitedRef;
    /// let r = CitedRef::parse("Vargo SL, 2004, J MARKETING, V68, P1, DOI 10.1509/JMKG.68.1.1.24036");
    /// assert_eq!(r.year, Some(2004));
    /// assert_eq!(r.author(), "Vargo SL");
    /// assert_eq!(r.key, "doi:10.1509/jmkg.68.1.1.24036");
    /// assert_eq!(r.label, "Vargo SL, 2004, J MARKETING, V68, P1");
    /// ```
    pub fn parse(line: &str) -> CitedRef {
        let line = trim(line);
        let (head, tail) = split_doi(line);
        let doi = tail.and_then(first_doi);
        let head = trim(head);
        let mut author = (0, 0);
        let mut year = None;
        let mut source = (0, 0);
        let mut volume = None;
        let mut page = None;
        let mut parts = head
            .as_bytes()
            .split(|&b| b == b',')
            .scan(0usize, |at, p| {
                // Byte split at ASCII commas: every piece is on char boundaries.
                let piece = &head[*at..*at + p.len()];
                *at += p.len() + 1;
                Some(trim(piece))
            })
            .enumerate()
            .peekable();
        if let Some((_, first)) = parts.peek().copied() {
            match parse_year(first) {
                Some(y) => year = Some(y),
                None => author = span(head, first),
            }
            parts.next();
        }
        if year.is_none()
            && let Some(y) = parts.peek().and_then(|(_, p)| parse_year(p))
        {
            year = Some(y);
            parts.next();
        }
        for (_, part) in parts {
            if part.is_empty() {
                continue;
            }
            if volume.is_none()
                && page.is_none()
                && let Some(v) = strip_prefix_ci(part, b'V')
            {
                volume = Some(span(head, trim(v)));
            } else if page.is_none()
                && let Some(p) = strip_prefix_ci(part, b'P')
            {
                page = Some(span(head, trim(p)));
            } else if source == (0, 0) && volume.is_none() && page.is_none() {
                source = span(head, part);
            }
        }
        let get = |r: (u32, u32)| &head[r.0 as usize..r.1 as usize];
        let key = make_key(
            get(author),
            year,
            get(source),
            volume.map(get),
            page.map(get),
            doi.as_deref(),
        );
        CitedRef {
            label: head.to_string(),
            year,
            doi,
            key,
            author,
            source,
            volume,
            page,
        }
    }

    /// Builds a cited reference from parts parsed out of another database's syntax
    /// (Scopus, RIS, ...). The label is written the way WoS writes references
    /// (`Vargo S.L., 2004, Journal of Marketing, V68, P1`) and the key follows the same
    /// rules, so the same work gets the same key whichever database cited it.
    ///
    /// ```
    /// use cocite::model::CitedRef;
    /// let s = CitedRef::from_parts("Vargo, S.L.", Some(2004), "Journal of Marketing", Some("68"), Some("1"), None);
    /// let w = CitedRef::parse("Vargo SL, 2004, J MARKETING, V68, P1");
    /// assert_eq!(s.key, w.key);
    /// assert_eq!(s.label, "Vargo S.L., 2004, Journal of Marketing, V68, P1");
    /// ```
    pub fn from_parts(
        author: &str,
        year: Option<i32>,
        source: &str,
        volume: Option<&str>,
        page: Option<&str>,
        doi: Option<&str>,
    ) -> CitedRef {
        // "Vargo, S.L." → "Vargo S.L." (WoS has no comma between surname and initials).
        let author: String = author
            .replacen(',', "", 1)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let source = source.replace(',', " ");
        let source = source.trim();
        let mut label = String::with_capacity(author.len() + source.len() + 24);
        let push_part = |label: &mut String, text: &str| -> (u32, u32) {
            if !label.is_empty() {
                label.push_str(", ");
            }
            let start = label.len() as u32;
            label.push_str(text);
            (start, label.len() as u32)
        };
        let a = if author.is_empty() {
            (0, 0)
        } else {
            push_part(&mut label, &author)
        };
        if let Some(y) = year {
            push_part(&mut label, &y.to_string());
        }
        let src = if source.is_empty() {
            (0, 0)
        } else {
            push_part(&mut label, source)
        };
        fn clean(v: Option<&str>) -> Option<&str> {
            v.map(str::trim)
                .filter(|v| !v.is_empty() && !v.contains(','))
        }
        let vol = clean(volume).map(|v| {
            let r = push_part(&mut label, &format!("V{v}"));
            (r.0 + 1, r.1)
        });
        let pg = clean(page).map(|p| {
            let r = push_part(&mut label, &format!("P{p}"));
            (r.0 + 1, r.1)
        });
        let doi = doi.and_then(normalize_doi);
        let get = |r: (u32, u32)| &label[r.0 as usize..r.1 as usize];
        let key = make_key(
            get(a),
            year,
            get(src),
            vol.map(get),
            pg.map(get),
            doi.as_deref(),
        );
        CitedRef {
            year,
            doi,
            key,
            author: a,
            source: src,
            volume: vol,
            page: pg,
            label,
        }
    }

    fn part(&self, r: (u32, u32)) -> &str {
        &self.label[r.0 as usize..r.1 as usize]
    }

    /// First author as written (`Vargo SL`, `[Anonymous]`); empty if none.
    pub fn author(&self) -> &str {
        self.part(self.author)
    }

    /// Source (journal or book title) as written; empty if none.
    pub fn source(&self) -> &str {
        self.part(self.source)
    }

    /// Volume without the `V` prefix, as written.
    pub fn volume(&self) -> Option<&str> {
        self.volume.map(|r| self.part(r))
    }

    /// First page without the `P` prefix, as written.
    pub fn page(&self) -> Option<&str> {
        self.page.map(|r| self.part(r))
    }

    /// Byte ranges in `label` of the author, source, volume and page; an empty range
    /// for a part that is missing (or does not fit a label changed since parsing).
    pub(crate) fn spans(&self) -> [(u32, u32); 4] {
        let none = (0, 0);
        [Some(self.author), Some(self.source), self.volume, self.page].map(|r| {
            r.filter(|r| self.label.get(r.0 as usize..r.1 as usize).is_some())
                .unwrap_or(none)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real CR lines from ../shared/data/bibliometrix-repo/valuecreation2_96_records.txt
    #[test]
    fn full_reference_with_doi() {
        let r = CitedRef::parse(
            "Ahrne G., 2005, SCAND J MANAG, V21, P429, DOI 10.1016/j.scaman.2005.09.005",
        );
        assert_eq!(r.author(), "Ahrne G.");
        assert_eq!(r.year, Some(2005));
        assert_eq!(r.source(), "SCAND J MANAG");
        assert_eq!(r.volume(), Some("21"));
        assert_eq!(r.page(), Some("429"));
        assert_eq!(r.doi.as_deref(), Some("10.1016/j.scaman.2005.09.005"));
        assert_eq!(r.key, "doi:10.1016/j.scaman.2005.09.005");
        assert_eq!(r.label, "Ahrne G., 2005, SCAND J MANAG, V21, P429");
    }

    #[test]
    fn book_without_volume() {
        let a = CitedRef::parse("AHRNE G., 2008, METAORGANIZATIONS");
        assert_eq!(a.author(), "AHRNE G.");
        assert_eq!(a.source(), "METAORGANIZATIONS");
        assert_eq!(a.volume(), None);
        assert_eq!(a.key, "ahrne g|2008|metaorganizations|v|p");
        let b = CitedRef::parse("Berger P., 1966, SOCIAL CONSTRUCTION");
        assert_eq!(b.key, "berger p|1966|socialconstruction|v|p");
    }

    #[test]
    fn doubled_doi_prefix_and_lowercase_page() {
        let r = CitedRef::parse(
            "Lenox M.J., 2003, BUSINESS STRATEGY EN, V12, P343, DOI DOI 10.1002/BSE.380",
        );
        assert_eq!(r.doi.as_deref(), Some("10.1002/bse.380"));
        let p = CitedRef::parse(
            "Esparza N, 2014, NONPROF VOLUNT SEC Q, V43, p143S, DOI 10.1177/0899764013512723",
        );
        assert_eq!(p.page(), Some("143S"));
        assert_eq!(p.volume(), Some("43"));
    }

    #[test]
    fn proceedings_source_is_not_a_page() {
        // Real CR line (valuecreation2_96_records.txt) without its DOI.
        let r = CitedRef::parse("Kirby MX, 2004, P NATL ACAD SCI USA, V101, P13096");
        assert_eq!(r.source(), "P NATL ACAD SCI USA");
        assert_eq!(r.page(), Some("13096"));
        assert_eq!(r.key, "kirby m|2004|v101|p13096");
    }

    #[test]
    fn doi_list_takes_first() {
        let r = CitedRef::parse(
            "Vargo SL, 2008, J ACAD MARKET SCI, V36, P1, DOI [10.1007/s11747-007-0069-6, 10.1007/S11747-007-0069-6]",
        );
        assert_eq!(r.doi.as_deref(), Some("10.1007/s11747-007-0069-6"));
        assert_eq!(r.label, "Vargo SL, 2008, J ACAD MARKET SCI, V36, P1");
    }

    #[test]
    fn same_work_different_spelling_same_key() {
        let a = CitedRef::parse("Vargo SL, 2004, J MARKETING, V68, P1");
        let b = CitedRef::parse("VARGO S.L., 2004, J MARKET, V68, P1");
        let c = CitedRef::parse("Vargo S, 2004, J MARKETING, v68, p1");
        assert_eq!(a.key, "vargo s|2004|v68|p1");
        assert_eq!(a.key, b.key);
        assert_eq!(a.key, c.key);
        let d1 = CitedRef::parse("X Y, 2004, J, V1, P1, DOI 10.1509/JMKG.68.1.1.24036");
        let d2 =
            CitedRef::parse("X Y, 2004, J, V1, P1, DOI https://doi.org/10.1509/jmkg.68.1.1.24036.");
        assert_eq!(d1.key, d2.key);
    }

    #[test]
    fn anonymous_and_missing_year() {
        let r = CitedRef::parse("[Anonymous], 2010, ORGAN SCI, V22, P1");
        assert_eq!(r.author(), "[Anonymous]");
        assert_eq!(r.key, "anonymous|2010|v22|p1");
        let n = CitedRef::parse("Smith J, J NOWHERE, V3, P5");
        assert_eq!(n.year, None);
        assert_eq!(n.source(), "J NOWHERE");
        assert_eq!(n.key, "smith j||v3|p5");
        let y = CitedRef::parse("2004, J MARKETING, V68, P1");
        assert_eq!(y.author(), "");
        assert_eq!(y.year, Some(2004));
    }

    #[test]
    fn degenerate_lines_do_not_panic() {
        for s in [
            "",
            ",",
            ", DOI ",
            "DOI",
            "x, DOI [",
            "é, 2004, ü, Vé, Pß, DOI é",
            "V1",
            ", , , ,",
        ] {
            let r = CitedRef::parse(s);
            assert!(r.key.len() < 100, "{s:?}");
        }
        assert_eq!(normalize_doi("not a doi"), None);
    }
}
