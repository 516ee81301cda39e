//! OpenAlex's CSV export: the columns are named by the JSON paths of the works API
//! (`authorships.author.display_name`, `primary_location.source.display_name`, ...),
//! multiple values joined by `|`; read with [`CsvTable`] into the same record fields
//! as the JSON (see [`super::openalex`]).

use super::fields::{self, CsvTable, Row, id_ref, nonempty, short_author};
use super::openalex::{country_of_code, short_id};
use super::parsed::BlockResult;
use crate::model::cited_ref::normalize_doi;
use crate::model::{ParsedAddress, ParsedRecord};

/// True when a CSV header line is OpenAlex's.
pub fn detect_csv(first_line: &str) -> bool {
    let first_cell = first_line.split(',').next().unwrap_or("").trim_matches('"');
    first_cell == "id" && first_line.contains("publication_year")
}

/// Parses OpenAlex's CSV export.
pub fn parse_csv(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let records = &mut out.records;
    let read = CsvTable::read(text, &mut out.problems, |r, line, _| {
        records.push(csv_record(r, line));
        false
    });
    match read {
        Ok(()) => out,
        Err(e) => BlockResult::file_problem(e),
    }
}

/// A record from one row of the CSV export.
fn csv_record(r: Row, line: u64) -> ParsedRecord {
    let split = |s: &str| fields::split_list(s, '|');
    let names = split(r.get(&["authorships.author.display_name"]));
    let short: Vec<String> = names.iter().map(|n| short_author(n)).collect();
    // One institution and country per authorship, in author order, when the counts
    // agree (the export does not say which institution is whose otherwise).
    let inst = split(r.get(&["authorships.institutions.display_name"]));
    let ctry = split(r.get(&["authorships.countries"]));
    let addresses = inst
        .iter()
        .enumerate()
        .map(|(i, name)| ParsedAddress {
            authors: if inst.len() == short.len() {
                vec![short[i].clone()]
            } else {
                Vec::new()
            },
            institution: Some(name.clone()),
            country: ctry
                .get(i)
                .filter(|_| ctry.len() == inst.len())
                .map(|c| country_of_code(c)),
        })
        .collect();
    let mut kp = split(r.get(&["concepts.display_name", "topics.display_name"]));
    kp.extend(nonempty(r.get(&["primary_topic.display_name"])).filter(|_| kp.is_empty()));
    let pages = match (r.get(&["biblio.first_page"]), r.get(&["biblio.last_page"])) {
        ("", _) => None,
        (a, "") => Some(a.to_string()),
        (a, b) => Some(format!("{a}-{b}")),
    };
    ParsedRecord {
        uid: nonempty(r.get(&["id"])).map(|i| format!("openalex:{}", short_id(&i))),
        pub_type: Some("J".into()),
        doc_type: nonempty(r.get(&["type"])),
        authors_full: names.iter().map(|n| fields::full_author(n)).collect(),
        authors: short,
        title: r.get(&["title", "display_name"]).to_string(),
        source: nonempty(r.get(&["primary_location.source.display_name"])),
        source_abbrev: None,
        year: fields::year_in(r.get(&["publication_year"])),
        volume: nonempty(r.get(&["biblio.volume"])),
        issue: nonempty(r.get(&["biblio.issue"])),
        pages,
        doi: normalize_doi(r.get(&["doi"])),
        author_keywords: split(r.get(&["keywords.display_name"])),
        keywords_plus: kp,
        categories: Vec::new(),
        abstract_text: nonempty(r.get(&["abstract"])),
        addresses,
        times_cited: r.get(&["cited_by_count"]).parse().ok(),
        language: nonempty(r.get(&["language"])),
        cited_refs: r
            .get(&["referenced_works"])
            .split(['|', ' ', ';'])
            .filter(|x| !x.is_empty())
            .map(|x| id_ref(format!("openalex:{}", short_id(x))))
            .collect(),
        line: line.min(u32::MAX as u64) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert!(detect_csv("id,abstract,publication_year"));
        assert!(!detect_csv("Authors,Title"));
    }
}
