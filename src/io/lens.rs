//! Lens.org scholarly works CSV export: `Lens ID`, `Title`, `Publication Year`,
//! `Publication Type`, `Source Title`, `Author/s` (`; `-separated display names),
//! `Abstract`, `Volume`, `Issue Number`, `Start Page`, `End Page`, `Fields of Study`
//! (read as Keywords Plus), `Keywords` (author keywords), `DOI`, `Citing Works Count`
//! (times cited) and `References`.
//!
//! **Cited references** in this export are Lens ids (`000-928-794-577-264`), keyed
//! `lens:<id>`: they match citations of the same id by other Lens records only.

use super::fields::{self, CsvTable, Row, id_ref, nonempty, short_author, split_list};
use super::parsed::BlockResult;
use crate::model::cited_ref::normalize_doi;
use crate::model::{ParsedRecord, ProblemKind};

/// True when a CSV header line is Lens.org's.
pub fn detect(first_line: &str) -> bool {
    first_line.contains("Lens ID") && first_line.contains("Title")
}

/// Parses a Lens.org CSV export.
pub fn parse(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let records = &mut out.records;
    let read = CsvTable::read(text, &mut out.problems, |r, line, problems| {
        records.push(record(r, line, problems));
        false
    });
    match read {
        Ok(()) => out,
        Err(e) => BlockResult::file_problem(e),
    }
}

/// A record from one row.
fn record(r: Row, line: u64, problems: &mut Vec<(u64, ProblemKind)>) -> ParsedRecord {
    let names = split_list(r.get(&["Author/s"]), ';');
    let year = match r.get(&["Publication Year"]) {
        "" => None,
        y => fields::year_in(y).or_else(|| {
            problems.push((
                line,
                ProblemKind::InvalidValue {
                    field: "Publication Year",
                    expected: "year",
                    value: y.to_string(),
                },
            ));
            None
        }),
    };
    let pages = match (r.get(&["Start Page"]), r.get(&["End Page"])) {
        ("", _) => None,
        (a, "") => Some(a.to_string()),
        (a, b) => Some(format!("{a}-{b}")),
    };
    let doc_type = nonempty(r.get(&["Publication Type"]));
    let conference = doc_type.as_deref() == Some("conference proceedings article");
    ParsedRecord {
        uid: nonempty(r.get(&["Lens ID"])).map(|i| format!("lens:{i}")),
        pub_type: Some(if conference { "C" } else { "J" }.into()),
        doc_type,
        authors: names.iter().map(|n| short_author(n)).collect(),
        authors_full: names.iter().map(|n| fields::full_author(n)).collect(),
        title: r.get(&["Title"]).to_string(),
        source: nonempty(r.get(&["Source Title"])),
        source_abbrev: None,
        year,
        volume: nonempty(r.get(&["Volume"])),
        issue: nonempty(r.get(&["Issue Number"])),
        pages,
        doi: normalize_doi(r.get(&["DOI"])),
        author_keywords: split_list(r.get(&["Keywords"]), ';'),
        keywords_plus: split_list(r.get(&["Fields of Study"]), ';'),
        categories: Vec::new(),
        abstract_text: nonempty(r.get(&["Abstract"])),
        addresses: Vec::new(),
        times_cited: r.get(&["Citing Works Count"]).parse().ok(),
        language: None,
        cited_refs: split_list(r.get(&["References"]), ';')
            .into_iter()
            .map(|x| id_ref(format!("lens:{x}")))
            .collect(),
        line: line.min(u32::MAX as u64) as u32,
    }
}
