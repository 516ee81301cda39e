//! Scopus CSV export ("CSV" from a Scopus result list, all information), read with the
//! `csv` crate. Columns are found by their header names, so the older 41- and 45-column
//! layouts and the current one (with `Author full names`) all load:
//! `Authors`, `Author full names`, `Title`, `Year`, `Source title`, `Volume`, `Issue`,
//! `Art. No.`, `Page start`, `Page end`, `Cited by`, `DOI`, `Affiliations`,
//! `Authors with affiliations`, `Abstract`, `Author Keywords`, `Index Keywords`,
//! `References`, `Language of Original Document`, `Abbreviated Source Title`,
//! `Document Type`, `EID` (the record's accession number). `Index Keywords` are read as
//! Keywords Plus (both are the database's own indexing terms).
//!
//! Scopus writes `,` between cells; a file re-saved by a spreadsheet in a European
//! locale has `;` instead. The delimiter is taken from the header line
//! ([`fields::csv_delimiter`]) and a `;` is reported as a note. Non-empty cells beyond
//! the header are reported as ignored, except extra `Funding Text n` cells, which are
//! realigned (see [`parse`]).
//!
//! # References
//! The `References` cell lists references separated by `; `, in one of two syntaxes:
//! - **Before 2023** (`Surname, I., Surname, I., Title (Year) Source, Volume (Issue), pp. first-last`):
//!   `Vargo, S.L., Lusch, R.F., Evolving to a new dominant logic for marketing (2004) Journal of Marketing, 68 (1), pp. 1-17.`
//!   The year in parentheses splits authors + title from source + volume + pages.
//! - **Since 2023** (`Surname I.; Surname I., Title, Source, Volume, Issue, pp. first-last, (Year)`):
//!   authors are separated by `; ` as the references are, so a piece that is a bare name
//!   is joined to the next piece; the parts are read from the end (year, pages,
//!   volume and issue, source), since titles contain commas.
//!
//! Each is turned into a [`CitedRef`] with [`CitedRef::from_parts`], so its key follows
//! the same rules as a WoS `CR` line (first author surname + initial, year, volume,
//! first page; the DOI when the reference has one).

use super::fields::{self, CsvTable, Row, nonempty, short_author, split_list};
use super::parsed::BlockResult;
use crate::model::cited_ref::normalize_doi;
use crate::model::{CitedRef, ParsedRecord, ProblemKind};

/// True when the first line is a Scopus CSV header.
pub fn detect(text: &str) -> bool {
    let h = CsvTable::first_line(text);
    h.contains("Authors") && h.contains("Title") && h.contains("Source title")
}

/// `(2004)` at `i` in `s`: the year.
fn paren_year(s: &str, i: usize) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() >= i + 6 && b[i] == b'(' && b[i + 5] == b')' {
        return fields::plausible_year(s.get(i + 1..i + 5)?.parse().ok()?);
    }
    None
}

/// True when a piece is a person's name in Scopus' short form (`Vargo S.L.`,
/// `van Eck N.J.`, `Aria M`): two to five words, the last initials.
fn is_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.last().is_some_and(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            (1..=4).contains(&letters)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
        })
}

/// Splits a `References` cell into references (module docs). A reference made of
/// several `; `-pieces is contiguous in the cell, so each is a slice of it.
pub fn split_references(cell: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0usize;
    for raw in cell.split("; ") {
        let from = at;
        at += raw.len() + 2;
        let piece = raw.trim();
        if piece.is_empty() {
            continue;
        }
        let begin = *start.get_or_insert(from + (raw.len() - raw.trim_start().len()));
        // A bare name (no comma) is an author of the reference that follows.
        if !piece.contains(',') && is_name(piece) {
            continue;
        }
        let end = from + raw.trim_end().len();
        out.push(&cell[begin..end]);
        start = None;
    }
    if let Some(begin) = start {
        out.push(cell[begin..].trim());
    }
    out
}

/// `pp. 1-17.` / `p. 283` → first page.
fn first_page(piece: &str) -> Option<&str> {
    let rest = piece
        .strip_prefix("pp.")
        .or_else(|| piece.strip_prefix("p."))?
        .trim();
    let first = rest.split(['-', '\u{2013}']).next()?.trim();
    let first = first.trim_end_matches('.');
    (!first.is_empty()).then_some(first)
}

/// `68 (1)` / `68` / `12A` → volume.
fn volume_of(piece: &str) -> Option<&str> {
    let v = piece.split(" (").next()?.trim().trim_end_matches('.');
    (!v.is_empty()
        && v.len() <= 8
        && v.starts_with(|c: char| c.is_ascii_digit())
        && v.chars().all(|c| c.is_alphanumeric()))
    .then_some(v)
}

/// A DOI written in a reference (`DOI 10.1/x`, `doi:10.1/x`, `https://doi.org/10.1/x`).
fn doi_in(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let at = b.windows(3).position(|w| w.eq_ignore_ascii_case(b"doi"))?;
    let from = s[at..].find("10.")? + at;
    let end = s[from..]
        .find(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map_or(s.len(), |e| from + e);
    normalize_doi(&s[from..end])
}

/// Parses one reference in either Scopus syntax.
pub fn parse_reference(r: &str) -> CitedRef {
    let r = r.trim();
    let doi = doi_in(r);
    let trimmed = r.trim_end_matches('.');
    if let Some(i) = trimmed.rfind('(')
        && i + 6 == trimmed.len()
        && let Some(year) = paren_year(trimmed, i)
    {
        return parse_new(&trimmed[..i], year, doi.as_deref());
    }
    // Older syntax: the first "(yyyy)" splits authors+title from the rest.
    let year_at = r
        .match_indices('(')
        .find_map(|(i, _)| paren_year(r, i).map(|y| (i, y)));
    let (head, year, tail) = match year_at {
        Some((i, y)) => (&r[..i], Some(y), &r[i + 6..]),
        None => (r, None, ""),
    };
    let pieces: Vec<&str> = head.split(',').map(str::trim).collect();
    // Authors are "Surname, I." pairs; the first pair is the first author.
    let (author, title_from) = match pieces.as_slice() {
        [sur, ini, ..] if fields::short_author_initials(ini) => (format!("{sur}, {ini}"), 2),
        [sur, ..] if year.is_some() && !sur.contains(' ') => (sur.to_string(), 1),
        _ => (String::new(), 0),
    };
    let mut k = title_from;
    while k + 1 < pieces.len() && fields::short_author_initials(pieces[k + 1]) {
        k += 2;
    }
    let title = pieces.get(k..).map(|t| t.join(",")).unwrap_or_default();
    let tail_pieces: Vec<&str> = tail
        .trim_start_matches([',', ' '])
        .split(", ")
        .map(str::trim)
        .collect();
    let mut source = if tail.trim_start().starts_with(',') {
        ""
    } else {
        tail_pieces.first().copied().unwrap_or("")
    };
    if source.is_empty() {
        source = title.trim();
    }
    let rest = tail_pieces.get(1..).unwrap_or(&[]);
    let volume = rest.first().and_then(|p| volume_of(p));
    let page = rest.iter().find_map(|p| first_page(p));
    CitedRef::from_parts(&author, year, source, volume, page, doi.as_deref())
}

/// Since-2023 syntax, with the `(year)` already cut off the end.
fn parse_new(body: &str, year: i32, doi: Option<&str>) -> CitedRef {
    let mut pieces: Vec<&str> = body
        .trim_end()
        .trim_end_matches(',')
        .split(", ")
        .map(str::trim)
        .collect();
    let mut page = None;
    if let Some(p) = pieces.last().and_then(|p| first_page(p)) {
        page = Some(p);
        pieces.pop();
    }
    // Trailing numbers: volume[, issue].
    let mut numbers = Vec::new();
    while numbers.len() < 2
        && pieces.len() > 1
        && let Some(v) = pieces.last().and_then(|p| volume_of(p))
    {
        numbers.push(v);
        pieces.pop();
    }
    let volume = numbers.last().copied();
    let first = pieces.first().copied().unwrap_or("");
    let has_author =
        first.contains("; ") || is_name(first) || (pieces.len() >= 3 && !first.contains(' '));
    let author = if has_author {
        first.split("; ").next().unwrap_or("")
    } else {
        ""
    };
    let source = if pieces.len() >= 2 + usize::from(has_author) || !has_author {
        pieces.last().copied().unwrap_or("")
    } else {
        ""
    };
    CitedRef::from_parts(author, Some(year), source, volume, page, doi)
}

/// Parses a Scopus CSV export.
pub fn parse(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let mut shifted = 0usize;
    let records = &mut out.records;
    let read = CsvTable::read(text, &mut out.problems, |r, line, problems| {
        // Some exports write more `Funding Text n` cells than the header names: the
        // columns after the funding texts are then found that many cells further on.
        let n = r.table.header_len();
        let funding = r
            .table
            .col(&["Funding Texts", "Funding Text 1", "Funding Details"])
            .unwrap_or(usize::MAX);
        let shift = r.row.len().saturating_sub(n);
        if shift > 0 && funding < n {
            shifted += 1;
            let realigned: csv::StringRecord = r
                .row
                .iter()
                .enumerate()
                .filter(|(i, _)| *i <= funding || *i > funding + shift)
                .map(|(_, c)| c)
                .collect();
            let row = Row {
                table: r.table,
                row: &realigned,
            };
            records.push(record(row, line, problems));
            true
        } else {
            records.push(record(r, line, problems));
            false
        }
    });
    if let Err(e) = read {
        return BlockResult::file_problem(e);
    }
    if shifted > 0 {
        out.problems
            .push((1, ProblemKind::FundingColumnsRealigned { rows: shifted }));
    }
    out
}

/// A record from one row.
fn record(r: Row, line: u64, problems: &mut Vec<(u64, ProblemKind)>) -> ParsedRecord {
    let au_cell = r.get(&["Authors"]);
    let sep = if au_cell.contains(';') { ';' } else { ',' };
    let authors: Vec<String> = split_list(au_cell, sep)
        .iter()
        .filter(|a| !a.starts_with("[No author"))
        .map(|a| short_author(a))
        .collect();
    let authors_full: Vec<String> = split_list(r.get(&["Author full names"]), ';')
        .iter()
        .map(|a| a.split(" (").next().unwrap_or(a).trim().to_string())
        .collect();
    let year = fields::year_field(r.get(&["Year"]), line, "Year", problems);
    let pages = match (r.get(&["Page start"]), r.get(&["Page end"])) {
        ("", _) => nonempty(r.get(&["Art. No."])),
        (a, "") => Some(a.to_string()),
        (a, b) => Some(format!("{a}-{b}")),
    };
    let times_cited = match r.get(&["Cited by"]) {
        "" => None,
        n => n.parse().ok().or_else(|| {
            problems.push((
                line,
                ProblemKind::InvalidValue {
                    field: "Cited by",
                    expected: "number",
                    value: n.to_string(),
                },
            ));
            None
        }),
    };
    let addresses = addresses(
        r.get(&["Authors with affiliations"]),
        r.get(&["Affiliations"]),
    );
    let doc_type = nonempty(r.get(&["Document Type"]));
    ParsedRecord {
        uid: nonempty(r.get(&["EID"])),
        pub_type: doc_type.as_deref().map(pub_type),
        doc_type,
        authors,
        authors_full,
        title: r.get(&["Title"]).to_string(),
        source: nonempty(r.get(&["Source title"])),
        source_abbrev: nonempty(r.get(&["Abbreviated Source Title"])),
        year,
        volume: nonempty(r.get(&["Volume"])),
        issue: nonempty(r.get(&["Issue"])),
        pages,
        doi: normalize_doi(r.get(&["DOI"])),
        author_keywords: split_list(r.get(&["Author Keywords"]), ';'),
        keywords_plus: split_list(r.get(&["Index Keywords"]), ';'),
        categories: Vec::new(),
        abstract_text: nonempty(r.get(&["Abstract"])).filter(|a| a != "[No abstract available]"),
        addresses,
        times_cited,
        language: nonempty(r.get(&["Language of Original Document"])),
        cited_refs: split_references(r.get(&["References"]))
            .into_iter()
            .map(parse_reference)
            .collect(),
        line: line.min(u32::MAX as u64) as u32,
    }
}

/// WoS publication type from a Scopus document type.
pub fn pub_type(doc_type: &str) -> String {
    match doc_type {
        "Conference Paper" | "Conference Review" => "C",
        "Book" | "Book Chapter" => "B",
        _ => "J",
    }
    .into()
}

/// Addresses from `Authors with affiliations` (`Liu F., Dept..., Univ..., City, China; ...`),
/// else from `Affiliations`.
fn addresses(with_affil: &str, affil: &str) -> Vec<crate::model::ParsedAddress> {
    if !with_affil.is_empty() {
        return with_affil
            .split("; ")
            .filter_map(|a| {
                let (name, rest) = a.split_once(", ")?;
                // Older exports write "Surname, I., Affiliation".
                let (name, rest) = match rest.split_once(", ") {
                    Some((ini, r)) if fields::short_author_initials(ini) => {
                        (format!("{name}, {ini}"), r)
                    }
                    _ => (name.to_string(), rest),
                };
                Some(fields::address(vec![short_author(&name)], rest))
            })
            .collect();
    }
    split_list(affil, ';')
        .iter()
        .map(|a| fields::address(Vec::new(), a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_syntax() {
        let r = parse_reference(
            "Vargo, S.L., Lusch, R.F., Evolving to a new dominant logic for marketing (2004) Journal of Marketing, 68 (1), pp. 1-17.",
        );
        assert_eq!(r.key, "vargo s|2004|v68|p1");
        assert_eq!(r.label, "Vargo S.L., 2004, Journal of Marketing, V68, P1");
        let k = parse_reference("Kalé, L., Skeel, R., (1999) J Comp Phys, 151, p. 283");
        assert_eq!(k.key, "kalé l|1999|v151|p283");
        let b = parse_reference(
            "Gear, C.W., (1971) Numerical Initial Value Problems in Ordinary Differential Equations, , Prentice-Hall: Englewood Cliffs, NJ",
        );
        assert_eq!(b.author(), "Gear C.W.");
        assert_eq!(
            b.source(),
            "Numerical Initial Value Problems in Ordinary Differential Equations"
        );
        assert_eq!(b.volume(), None);
    }

    #[test]
    fn new_syntax() {
        let cell = "The global epidemic of low back pain, Lancet Rheumatol, 5, (2023); Cheng M.; Xue Y.; Cui M., Global, regional, and national burden: 2021, Spine (Phila Pa 1976), 50, pp. E128-E139, (2025); Aria M.; Cuccurullo C., Bibliometrix: An R tool, Journal of Informetrics, 11, 4, pp. 959-975, (2017)";
        let refs = split_references(cell);
        assert_eq!(refs.len(), 3);
        let a = parse_reference(refs[0]);
        assert_eq!(
            (a.author(), a.source(), a.volume()),
            ("", "Lancet Rheumatol", Some("5"))
        );
        let b = parse_reference(refs[1]);
        assert_eq!(b.key, "cheng m|2025|v50|pE128");
        let c = parse_reference(refs[2]);
        assert_eq!(c.key, "aria m|2017|v11|p959");
        assert_eq!(c.source(), "Journal of Informetrics");
    }

    #[test]
    fn semicolon_delimiter_and_extra_cells() {
        // A Scopus CSV re-saved by a European spreadsheet: `;` between cells, `;`
        // also inside the quoted Authors cell.
        let text = "\"Authors\";\"Title\";\"Year\";\"Source title\";\"EID\"\n\
                    \"Smith J.; Lee K.\";\"A title, with a comma\";\"2019\";\"J X\";\"2-s2.0-1\"\n\
                    \"Doe J.\";\"Second\";\"0\";\"J Y\";\"2-s2.0-2\";\"EXTRA\"\n";
        let r = parse(text);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].authors, vec!["Smith, J", "Lee, K"]);
        assert_eq!(r.records[0].title, "A title, with a comma");
        assert_eq!(r.records[0].year, Some(2019));
        assert_eq!(r.records[1].uid.as_deref(), Some("2-s2.0-2"));
        let want = [
            (
                1,
                "note: the header's cells are separated by `;`, not `,` (a CSV re-saved by a \
                 spreadsheet?); read with `;` as the delimiter",
            ),
            (3, "Year is not a plausible year: \"0\""),
            (
                3,
                "row has 6 cells, the header 5; the cells beyond the header ignored",
            ),
        ];
        let want: Vec<(u64, String)> = want.iter().map(|(l, m)| (*l, m.to_string())).collect();
        assert_eq!(r.messages(), want);
        // A comma-separated export with an empty trailing cell: nothing to report.
        let r = parse("Authors,Title,Year,Source title\nDoe J.,T,2001,J,\n");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }
}
