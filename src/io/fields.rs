//! Helpers shared by the readers of other databases' exports (Scopus, RIS, BibTeX,
//! MEDLINE, OpenAlex, Lens): reading a whole file as text, CSV headers, and bringing
//! names, addresses and years to the forms the WoS readers produce, so that records
//! from every source look alike in the [`Corpus`](crate::model::Corpus).
//!
//! Name form: WoS writes short author names `Vargo, SL` (surname, comma, initials
//! without dots). Other sources write `Vargo S.L.` (Scopus), `Vargo, Stephen L.` (RIS,
//! BibTeX), `Stephen L. Vargo` (OpenAlex, Lens, IEEE RIS) — [`short_author`] maps all of
//! them to `Vargo, SL`.

use super::text::{Encoding, decode_line, decode_utf16, sniff_bom};
use crate::model::record::normalize_country;
use crate::model::{ParsedAddress, ProblemKind};

/// Reads a whole file as text: BOM removed, UTF-16 decoded, lines that are not UTF-8
/// read as Windows-1252 (counted in `non_utf8` of the result it returns).
pub fn read_text(path: &std::path::Path) -> Result<(String, Option<(u64, u64)>), ProblemKind> {
    let bytes = std::fs::read(path).map_err(|e| ProblemKind::Unreadable {
        error: e.to_string(),
    })?;
    Ok(decode_text(bytes))
}

/// Decodes bytes as [`read_text`] does (valid UTF-8 is not copied).
pub fn decode_text(bytes: Vec<u8>) -> (String, Option<(u64, u64)>) {
    let (enc, bom) = sniff_bom(&bytes);
    match enc {
        Encoding::Utf8 => match String::from_utf8(bytes) {
            Ok(mut s) => {
                s.replace_range(..bom, "");
                (s, None)
            }
            Err(e) => {
                let bytes = e.into_bytes();
                let body = &bytes[bom..];
                let mut out = String::with_capacity(body.len() + body.len() / 8);
                let mut non_utf8: Option<(u64, u64)> = None;
                for (i, line) in body.split(|&b| b == b'\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    let (text, fallback) = decode_line(line);
                    if fallback {
                        let n = i as u64 + 1;
                        non_utf8 = Some(non_utf8.map_or((n, 1), |(f, c)| (f, c + 1)));
                    }
                    out.push_str(&text);
                }
                (out, non_utf8)
            }
        },
        _ => {
            let body = &bytes[bom..];
            let even = body.len() & !1;
            let (s, lossy) = decode_utf16(&body[..even], enc);
            (s, lossy.then_some((1, 1)))
        }
    }
}

/// True when a name part looks like initials: `S.L.`, `SL`, `K.-C.`, `J`.
fn is_initials(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    !s.is_empty()
        && letters <= 6
        && s.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\u{2010}'))
        && (letters <= 2 || s.contains('.') || s.chars().all(char::is_uppercase))
}

/// True when a trimmed name part is initials (`S.L.`, `H.-H.`), as Scopus writes
/// them after a surname.
pub fn short_author_initials(s: &str) -> bool {
    let s = s.trim();
    s.ends_with('.') && is_initials(s)
}

/// Initials of given names: `Stephen L.` → `SL`, `K.-C.` → `KC`.
fn initials(given: &str) -> String {
    given
        .split([' ', '.', '-', '\u{2010}'])
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Short author form `Surname, INITIALS` from the forms other databases write
/// (module docs). Returns the trimmed input when it has no recognisable parts.
pub fn short_author(name: &str) -> String {
    let name = name.trim().trim_end_matches(',').trim();
    if let Some((surname, given)) = name.split_once(',') {
        let (surname, given) = (surname.trim(), given.trim());
        return if given.is_empty() {
            surname.to_string()
        } else {
            format!("{surname}, {}", initials(given))
        };
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        // "Vargo S.L.", "van Eck N.J.", "Acar A. K.": initials last (Scopus).
        [.., last] if is_initials(last) => {
            let split = words
                .iter()
                .rposition(|w| !is_initials(w))
                .map_or(1, |i| i + 1);
            let (sur, giv) = words.split_at(split);
            format!("{}, {}", sur.join(" "), initials(&giv.join(" ")))
        }
        // "Stephen L. Vargo", "G. Kalbe", "Nees Jan van Eck": surname last, with the
        // lower-case particles before it.
        _ => {
            let (given, surname) = words.split_at(surname_start(&words));
            format!("{}, {}", surname.join(" "), initials(&given.join(" ")))
        }
    }
}

/// Full name `Surname, Given` from a display name `Given Surname`; names already
/// holding a comma are kept.
pub fn full_author(name: &str) -> String {
    let name = name.trim();
    if name.contains(',') {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return name.to_string();
    }
    let (given, surname) = words.split_at(surname_start(&words));
    format!("{}, {}", surname.join(" "), given.join(" "))
}

/// Where the surname starts in a display name `Given Names Surname`: the last word,
/// with lower-case particles before it (`van`, `de`, `von der`, ...).
fn surname_start(words: &[&str]) -> usize {
    let mut start = words.len().saturating_sub(1).max(1);
    while start > 1 && words[start - 1].starts_with(char::is_lowercase) {
        start -= 1;
    }
    start
}

/// Maps country names other databases write to the names WoS writes.
pub fn country(raw: &str) -> Option<String> {
    let c = raw.trim().trim_end_matches('.').trim();
    let mapped = match c.to_lowercase().as_str() {
        "united states" | "united states of america" | "us" | "usa" => "USA",
        "united kingdom" | "uk" | "england" | "scotland" | "wales" | "northern ireland" => "UK",
        "china" | "peoples r china" | "people's republic of china" => "China",
        "korea" | "republic of korea" | "korea, republic of" => "South Korea",
        _ => return normalize_country(c),
    };
    Some(mapped.into())
}

/// Words that mark the institution among the comma-separated parts of an address
/// written department-first (Scopus, MEDLINE).
const INSTITUTION_WORDS: [&str; 10] = [
    "univ",
    "institut",
    "college",
    "hospital",
    "school",
    "academy",
    "center",
    "centre",
    "laborator",
    "council",
];

/// An address written as comma-separated parts ending with the country
/// (`Department of X, University of Y, City, Country`).
pub fn address(authors: Vec<String>, text: &str) -> ParsedAddress {
    let parts: Vec<&str> = text
        .split(',')
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
        .collect();
    let body = if parts.len() >= 2 {
        &parts[..parts.len() - 1]
    } else {
        &parts[..]
    };
    let institution = body
        .iter()
        .find(|p| {
            let l = p.to_lowercase();
            INSTITUTION_WORDS.iter().any(|w| l.contains(w)) && !l.starts_with("department")
        })
        .or(body.first())
        .map(|s| s.to_string());
    let country = if parts.len() >= 2 {
        parts.last().and_then(|c| country(c))
    } else {
        None
    };
    ParsedAddress {
        authors,
        institution,
        country,
    }
}

/// Publication years taken as plausible by every reader (the WoS readers' range): a
/// year outside it is left empty and reported, never kept.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1000..=2100;

/// `y` when it is a plausible publication year ([`PLAUSIBLE_YEARS`]).
pub fn plausible_year(y: i64) -> Option<i32> {
    i32::try_from(y)
        .ok()
        .filter(|y| PLAUSIBLE_YEARS.contains(y))
}

/// A four-digit year at the start of a date (`2016 Jan 15`, `2017-09-12`, `2019///`),
/// or anywhere in it (`1 Jan.-Feb. 2019`) when it does not start with one.
pub fn year_in(s: &str) -> Option<i32> {
    let s = s.trim();
    let four = |w: &str| -> Option<i32> { plausible_year(w.parse().ok()?) };
    if let Some(y) = s.get(..4).and_then(four)
        && !s[4..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(y);
    }
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .find_map(four)
}

/// The year of a year or date field read with [`year_in`]; a non-empty value without a
/// plausible year is reported as `{name} is not a plausible year: "{value}"` at `line`
/// (the message the WoS readers give) and read as no year.
pub fn year_field(
    value: &str,
    line: u64,
    name: &str,
    problems: &mut Vec<(u64, ProblemKind)>,
) -> Option<i32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let year = year_in(value);
    if year.is_none() {
        problems.push((
            line,
            ProblemKind::ImplausibleYear {
                field: name.to_string(),
                value: format!("{:?}", clip(value)),
            },
        ));
    }
    year
}

/// The first 40 characters of a value quoted in a problem.
pub fn clip(s: &str) -> &str {
    s.char_indices().nth(40).map_or(s, |(i, _)| &s[..i])
}

/// Line breaks in `s`, counted as [`lines_any`] counts them (CRLF, LF or a bare CR):
/// the line of byte `at` of a text is `1 + line_breaks(&text[..at])`.
pub fn line_breaks(s: &str) -> u64 {
    let b = s.as_bytes();
    let lf = b.iter().filter(|&&c| c == b'\n').count();
    let bare_cr = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + bare_cr) as u64
}

/// `1339-1351` → (`1339`, `1351`); `e1234` → (`e1234`, none).
pub fn split_pages(p: &str) -> (Option<&str>, Option<&str>) {
    let p = p.trim();
    if p.is_empty() {
        return (None, None);
    }
    match p.split_once(['-', '\u{2013}']) {
        Some((a, b)) => (
            Some(a.trim()).filter(|s| !s.is_empty()),
            Some(b.trim()).filter(|s| !s.is_empty()),
        ),
        None => (Some(p), None),
    }
}

/// Splits a list on `;` (keywords, names), trimmed, empty parts dropped.
pub fn split_list(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|k| !k.is_empty() && *k != "NA")
        .map(String::from)
        .collect()
}

/// `Some(trimmed)` unless empty or `NA` (bibliometrix writes `NA` for missing cells).
pub fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "NA").then(|| s.to_string())
}

/// The header of a CSV export, read with the `csv` crate, whose rows are handed one
/// by one to a closure (one reused row buffer: a 20,000-row Scopus export is a few
/// hundred MB). The delimiter is found from the header line ([`csv_delimiter`]); a
/// `;` is reported as a note on line 1. Rows with fewer cells than the header are kept
/// (missing cells read as empty) and reported; rows of one cell (an unclosed quote ate
/// the rest) are skipped; non-empty cells beyond the header are reported as ignored
/// unless the reader used them.
pub struct CsvTable {
    header: Vec<String>,
}

/// The delimiter of a CSV text from its header line: `;` when the line holds more `;`
/// than `,` outside quotes (a CSV re-saved by a spreadsheet in a locale whose decimal
/// mark is the comma, as in most of Europe), else `,`.
pub fn csv_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for c in CsvTable::first_line(text).bytes() {
        match c {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

impl CsvTable {
    /// Reads the header, then calls `each(row, line, problems)` for every row; `each`
    /// returns true when it used the row's cells beyond the header (else non-empty
    /// ones are reported as ignored).
    pub fn read(
        text: &str,
        problems: &mut Vec<(u64, ProblemKind)>,
        mut each: impl FnMut(Row<'_>, u64, &mut Vec<(u64, ProblemKind)>) -> bool,
    ) -> Result<(), ProblemKind> {
        let delimiter = csv_delimiter(text);
        if delimiter == b';' {
            problems.push((1, ProblemKind::SemicolonDelimiter));
        }
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rdr
            .headers()
            .map_err(|e| ProblemKind::CsvHeader {
                error: e.to_string(),
            })?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        let table = CsvTable { header };
        let n = table.header.len();
        let mut r = csv::StringRecord::new();
        loop {
            match rdr.read_record(&mut r) {
                Ok(false) => break,
                Ok(true) => {
                    let line = r.position().map_or(0, |p| p.line());
                    if r.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    if r.len() < 2 && n >= 2 {
                        problems.push((line, ProblemKind::SingleCellRow));
                        continue;
                    }
                    if r.len() < n {
                        problems.push((
                            line,
                            ProblemKind::CellCount {
                                cells: r.len(),
                                header: n,
                                effect: "missing cells read as empty (unbalanced quotes?)",
                            },
                        ));
                    }
                    let row = Row {
                        table: &table,
                        row: &r,
                    };
                    let extra = r.iter().skip(n).any(|c| !c.trim().is_empty());
                    if !each(row, line, problems) && extra {
                        problems.push((
                            line,
                            ProblemKind::CellCount {
                                cells: r.len(),
                                header: n,
                                effect: "the cells beyond the header ignored",
                            },
                        ));
                    }
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push((
                        line,
                        ProblemKind::CsvRowSkipped {
                            error: e.to_string(),
                        },
                    ));
                }
            }
        }
        Ok(())
    }

    /// Number of header columns.
    pub fn header_len(&self) -> usize {
        self.header.len()
    }

    /// Column index of the first of `names` present (case-insensitive).
    pub fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h.eq_ignore_ascii_case(n)))
    }

    /// The first line of a CSV text, for format detection.
    pub fn first_line(text: &str) -> &str {
        text.lines().next().unwrap_or("")
    }
}

/// One row of a [`CsvTable`], its cells found by column name.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    pub table: &'a CsvTable,
    pub row: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    /// The trimmed cell of the first of `names` present; empty when absent.
    pub fn get(&self, names: &[&str]) -> &'a str {
        cell(self.row, self.table.col(names))
    }
}

/// The cell at `col` of a row, empty when the column or cell is absent.
pub fn cell(row: &csv::StringRecord, col: Option<usize>) -> &str {
    col.and_then(|c| row.get(c)).unwrap_or("").trim()
}

/// True for a line the tagged readers (RIS, MEDLINE) pass over: blank, or holding a NUL
/// byte, which is reported at line `n` in `problems`.
pub fn skip_line(n: u64, line: &str, problems: &mut Vec<(u64, ProblemKind)>) -> bool {
    if line.trim().is_empty() {
        return true;
    }
    if line.contains('\0') {
        problems.push((n, ProblemKind::BinaryLine));
        return true;
    }
    false
}

/// Lines of a text with any line ending (CRLF, bare LF or bare CR, mixed in one file
/// as some RIS exports have them), numbered from 1.
pub fn lines_any(text: &str) -> impl Iterator<Item = (u64, &str)> {
    let mut rest = text;
    let mut n = 0u64;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        let (line, next) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], &rest[i + skip..])
            }
            None => (rest, ""),
        };
        rest = next;
        Some((n, line))
    })
}

/// A cited reference known only by a database's own id (`openalex:W2015930340`,
/// `lens:000-928-794-577-264`): the id is its key and label, so it matches only
/// citations of the same id from the same database.
pub fn id_ref(key: String) -> crate::model::CitedRef {
    let mut r = crate::model::CitedRef::from_parts("", None, "", None, None, None);
    r.label = key.clone();
    r.key = key;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_forms() {
        assert_eq!(short_author("Vargo, Stephen L."), "Vargo, SL");
        assert_eq!(short_author("Vargo S.L."), "Vargo, SL");
        assert_eq!(short_author("Vargo, S.L."), "Vargo, SL");
        assert_eq!(short_author("van Eck N.J."), "van Eck, NJ");
        assert_eq!(short_author("Yuan K.-C."), "Yuan, KC");
        assert_eq!(short_author("Acar A. K."), "Acar, AK");
        assert_eq!(short_author("G. Kalbe"), "Kalbe, G");
        assert_eq!(short_author("Massimo Aria"), "Aria, M");
        assert_eq!(short_author("Jason R. C. Nurse"), "Nurse, JRC");
        assert_eq!(short_author("Liu F."), "Liu, F");
        assert_eq!(short_author("Gadzalski M"), "Gadzalski, M");
        assert_eq!(short_author("Plato"), "Plato");
        assert_eq!(full_author("Massimo Aria"), "Aria, Massimo");
        assert_eq!(short_author("Nees Jan van Eck"), "van Eck, NJ");
        assert_eq!(full_author("Ludwig von der Tann"), "von der Tann, Ludwig");
    }

    #[test]
    fn years_pages_addresses() {
        assert_eq!(year_in("2016 Jan 15"), Some(2016));
        assert_eq!(year_in("1 Jan.-Feb. 2019"), Some(2019));
        assert_eq!(year_in("2017-09-12"), Some(2017));
        assert_eq!(year_in("20170"), None);
        // RIS writes YYYY/MM/DD/other with empty parts: the year alone is valid.
        assert_eq!(year_in("2018///"), Some(2018));
        let mut problems = Vec::new();
        assert_eq!(year_field(" 2018/// ", 4, "PY", &mut problems), Some(2018));
        assert_eq!(year_field("", 4, "PY", &mut problems), None);
        assert!(problems.is_empty());
        for bad in ["0", "99999", "MMXIX"] {
            assert_eq!(year_field(bad, 9, "year", &mut problems), None);
        }
        let want: Vec<(u64, String)> = ["\"0\"", "\"99999\"", "\"MMXIX\""]
            .iter()
            .map(|v| (9, format!("year is not a plausible year: {v}")))
            .collect();
        let got: Vec<(u64, String)> = problems.iter().map(|(l, k)| (*l, k.to_string())).collect();
        assert_eq!(got, want);
        assert_eq!(plausible_year(2100), Some(2100));
        assert_eq!(plausible_year(999), None);
        assert_eq!(plausible_year(i64::MAX), None);
        assert_eq!(line_breaks("a\r\nb\rc\nd"), 3);
        assert_eq!(split_pages("1339-1351"), (Some("1339"), Some("1351")));
        let a = address(
            vec![],
            "Department of Surgery, Hunan Normal University, Changsha, China",
        );
        assert_eq!(a.institution.as_deref(), Some("Hunan Normal University"));
        assert_eq!(a.country.as_deref(), Some("China"));
        assert_eq!(
            address(vec![], "Beckman Institute, Urbana, IL 61801, United States")
                .country
                .as_deref(),
            Some("USA")
        );
    }
}
