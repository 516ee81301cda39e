//! Lens.org scholarly works CSV export: `Lens ID`, `Title`, `Publication Year`,
//! `Publication Type`, `Source Title`, `Author/s` (`; `-separated display names),
//! `Abstract`, `Volume`, `Issue Number`, `Start Page`, `End Page`, `Fields of Study`
//! (read as Keywords Plus), `Keywords` (author keywords), `DOI`, `Citing Works Count`
//! (times cited) and `References`.
//!
//! **Cited references** in this export are Lens ids (`000-928-794-577-264`), keyed
//! `lens:<id>`: they match citations of the same id by other Lens records only.

use super::fields::{self, CsvTable, cell, id_ref, nonempty, short_author, split_list};
use super::wos::BlockResult;
use crate::model::ParsedRecord;
use crate::model::cited_ref::normalize_doi;

/// True when a CSV header line is Lens.org's.
pub fn detect(first_line: &str) -> bool {
    first_line.contains("Lens ID") && first_line.contains("Title")
}

/// Parses a Lens.org CSV export.
pub fn parse(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let t = match CsvTable::parse(text, &mut out.problems) {
        Ok(t) => t,
        Err(e) => return fields::file_problem(e),
    };
    let c = |n: &[&str]| t.col(n);
    let (id, title, year, ty, source) = (
        c(&["Lens ID"]),
        c(&["Title"]),
        c(&["Publication Year"]),
        c(&["Publication Type"]),
        c(&["Source Title"]),
    );
    let (authors, abs, vol, iss, sp, ep) = (
        c(&["Author/s"]),
        c(&["Abstract"]),
        c(&["Volume"]),
        c(&["Issue Number"]),
        c(&["Start Page"]),
        c(&["End Page"]),
    );
    let (fos, kw, doi, cited, refs) = (
        c(&["Fields of Study"]),
        c(&["Keywords"]),
        c(&["DOI"]),
        c(&["Citing Works Count"]),
        c(&["References"]),
    );
    for (line, row) in &t.rows {
        let names = split_list(cell(row, authors), ';');
        let year = match cell(row, year) {
            "" => None,
            y => fields::year_in(y).or_else(|| {
                out.problems
                    .push((*line, format!("Publication Year is not a year: {y:?}")));
                None
            }),
        };
        let pages = match (cell(row, sp), cell(row, ep)) {
            ("", _) => None,
            (a, "") => Some(a.to_string()),
            (a, b) => Some(format!("{a}-{b}")),
        };
        let doc_type = nonempty(cell(row, ty));
        out.records.push(ParsedRecord {
            uid: nonempty(cell(row, id)).map(|i| format!("lens:{i}")),
            pub_type: Some(
                if doc_type.as_deref() == Some("conference proceedings article") {
                    "C"
                } else {
                    "J"
                }
                .into(),
            ),
            doc_type,
            authors: names.iter().map(|n| short_author(n)).collect(),
            authors_full: names.iter().map(|n| fields::full_author(n)).collect(),
            title: cell(row, title).to_string(),
            source: nonempty(cell(row, source)),
            source_abbrev: None,
            year,
            volume: nonempty(cell(row, vol)),
            issue: nonempty(cell(row, iss)),
            pages,
            doi: normalize_doi(cell(row, doi)),
            author_keywords: split_list(cell(row, kw), ';'),
            keywords_plus: split_list(cell(row, fos), ';'),
            abstract_text: nonempty(cell(row, abs)),
            addresses: Vec::new(),
            times_cited: cell(row, cited).parse().ok(),
            language: None,
            cited_refs: split_list(cell(row, refs), ';')
                .into_iter()
                .map(|r| id_ref(format!("lens:{r}")))
                .collect(),
            line: (*line).min(u32::MAX as u64) as u32,
        });
    }
    out
}
