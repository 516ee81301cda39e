//! OpenAlex works: the JSON of the works API (one work, an array of works, an API page
//! `{"meta":…, "results":[…]}`, or JSON Lines with one work per line, as in snapshots)
//! and OpenAlex's CSV export (columns named by the JSON paths, multiple values joined
//! by `|`).
//!
//! Fields read: `id` (`https://openalex.org/W…` → `openalex:W…`, the record's id),
//! `doi`, `title`/`display_name`, `publication_year`, `authorships` (author
//! `display_name`s, written `Surname, Initials`; each authorship's institutions and
//! `country_code`s become addresses), `primary_location.source.display_name` (or the
//! older `host_venue.display_name`), `biblio` (volume, issue, first and last page),
//! `cited_by_count`, `language`, `type`, `keywords` (author keywords), `concepts`,
//! `topics` and `primary_topic` (Keywords Plus: indexing terms), the abstract rebuilt
//! from `abstract_inverted_index`, and `referenced_works`.
//!
//! **Cited references** are OpenAlex ids, keyed `openalex:W…`: they match citations
//! of the same work by other OpenAlex records only, never a WoS or Scopus reference
//! (an OpenAlex id says nothing of the cited work's author, year or DOI).

use super::fields::{self, CsvTable, Row, id_ref, nonempty, short_author};
use super::wos::BlockResult;
use crate::model::cited_ref::normalize_doi;
use crate::model::{ParsedAddress, ParsedRecord};
use serde_json::Value;

/// True when a CSV header line is OpenAlex's.
pub fn detect_csv(first_line: &str) -> bool {
    let first_cell = first_line.split(',').next().unwrap_or("").trim_matches('"');
    first_cell == "id" && first_line.contains("publication_year")
}

/// `https://openalex.org/W123` → `W123`.
fn short_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Country names for ISO 3166 codes, as WoS writes them, for the most frequent
/// countries; other codes are kept as they are.
fn country_of_code(code: &str) -> String {
    let name = match code {
        "US" => "USA",
        "GB" => "UK",
        "CN" => "China",
        "DE" => "Germany",
        "FR" => "France",
        "IT" => "Italy",
        "ES" => "Spain",
        "JP" => "Japan",
        "KR" => "South Korea",
        "IN" => "India",
        "BR" => "Brazil",
        "CA" => "Canada",
        "AU" => "Australia",
        "NL" => "Netherlands",
        "SE" => "Sweden",
        "CH" => "Switzerland",
        "TW" => "Taiwan",
        "RU" => "Russia",
        "FI" => "Finland",
        "DK" => "Denmark",
        "NO" => "Norway",
        "BE" => "Belgium",
        "AT" => "Austria",
        "PT" => "Portugal",
        "PL" => "Poland",
        "IR" => "Iran",
        "TR" => "Turkey",
        other => other,
    };
    name.to_string()
}

/// The abstract from an inverted index `{"word": [positions]}`.
fn abstract_from_index(idx: &serde_json::Map<String, Value>) -> Option<String> {
    let mut words: Vec<(u64, &str)> = Vec::new();
    for (w, pos) in idx {
        for p in pos
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
        {
            words.push((p, w));
        }
    }
    words.sort_unstable();
    let text = words.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    nonempty(&text)
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|x| x.get("display_name").and_then(Value::as_str))
        .map(String::from)
        .collect()
}

/// A record from one work object.
fn work(w: &Value, line: u64) -> ParsedRecord {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).and_then(nonempty);
    let path = |p: &[&str]| p.iter().try_fold(w, |v, k| v.get(*k));
    let mut authors = Vec::new();
    let mut authors_full = Vec::new();
    let mut addresses = Vec::new();
    for a in w
        .get("authorships")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = a.pointer("/author/display_name").and_then(Value::as_str) else {
            continue;
        };
        let short = short_author(name);
        for inst in a
            .get("institutions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            addresses.push(ParsedAddress {
                authors: vec![short.clone()],
                institution: s(inst.get("display_name")),
                country: s(inst.get("country_code")).map(|c| country_of_code(&c)),
            });
        }
        authors.push(short);
        authors_full.push(fields::full_author(name));
    }
    let mut keywords_plus = names(w, "concepts");
    keywords_plus.extend(names(w, "topics"));
    if keywords_plus.is_empty()
        && let Some(t) = s(path(&["primary_topic", "display_name"]))
    {
        keywords_plus.push(t);
    }
    let first = s(path(&["biblio", "first_page"]));
    let last = s(path(&["biblio", "last_page"]));
    let pages = match (first, last) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}-{b}")),
        (a, _) => a,
    };
    let refs = w.get("referenced_works").and_then(Value::as_array);
    ParsedRecord {
        uid: s(w.get("id")).map(|id| format!("openalex:{}", short_id(&id))),
        pub_type: Some("J".into()),
        doc_type: s(w.get("type")),
        authors,
        authors_full,
        title: s(w.get("title"))
            .or_else(|| s(w.get("display_name")))
            .unwrap_or_default(),
        source: s(path(&["primary_location", "source", "display_name"]))
            .or_else(|| s(path(&["host_venue", "display_name"]))),
        source_abbrev: None,
        year: w
            .get("publication_year")
            .and_then(Value::as_i64)
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (1000..=2100).contains(y)),
        volume: s(path(&["biblio", "volume"])),
        issue: s(path(&["biblio", "issue"])),
        pages,
        doi: s(w.get("doi")).and_then(|d| normalize_doi(&d)),
        author_keywords: names(w, "keywords"),
        keywords_plus,
        abstract_text: w
            .get("abstract_inverted_index")
            .and_then(Value::as_object)
            .and_then(abstract_from_index),
        addresses,
        times_cited: w
            .get("cited_by_count")
            .and_then(Value::as_u64)
            .map(|n| n.min(u32::MAX as u64) as u32),
        language: s(w.get("language")),
        cited_refs: refs
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|r| id_ref(format!("openalex:{}", short_id(r))))
            .collect(),
        line: line.min(u32::MAX as u64) as u32,
    }
}

/// Line of the first occurrence of a work's id in the text (1 when absent).
fn line_of(text: &str, w: &Value) -> u64 {
    w.get("id")
        .and_then(Value::as_str)
        .and_then(|id| text.find(&format!("\"{id}\"")))
        .map_or(1, |at| text[..at].matches('\n').count() as u64 + 1)
}

fn push_works(out: &mut BlockResult, text: &str, v: &Value, line: Option<u64>) {
    let list = match v {
        Value::Array(a) => a.as_slice(),
        Value::Object(o) => match o.get("results").and_then(Value::as_array) {
            Some(r) => r.as_slice(),
            None => std::slice::from_ref(v),
        },
        _ => {
            out.problems
                .push((line.unwrap_or(1), "JSON value is not a work".into()));
            return;
        }
    };
    for w in list {
        if !w.is_object() || w.get("id").is_none() && w.get("title").is_none() {
            out.problems.push((
                line.unwrap_or_else(|| line_of(text, w)),
                "JSON value is not an OpenAlex work (no id or title); skipped".into(),
            ));
            continue;
        }
        let l = line.unwrap_or_else(|| line_of(text, w));
        out.records.push(work(w, l));
    }
}

/// Parses OpenAlex JSON or JSON Lines.
pub fn parse_json(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    match serde_json::from_str::<Value>(text) {
        Ok(v) => push_works(&mut out, text, &v, None),
        Err(whole) => {
            // JSON Lines: one work per line; a bad line is reported and skipped.
            let mut lines_ok = 0;
            for (n, l) in fields::lines_any(text) {
                if l.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(l) {
                    Ok(v) => {
                        lines_ok += 1;
                        push_works(&mut out, text, &v, Some(n));
                    }
                    Err(e) => out
                        .problems
                        .push((n, format!("invalid JSON: {e}; line skipped"))),
                }
            }
            if lines_ok == 0 {
                out.problems = vec![(whole.line() as u64, format!("invalid JSON: {whole}"))];
            }
        }
    }
    out
}

/// Parses OpenAlex's CSV export.
pub fn parse_csv(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let records = &mut out.records;
    let read = CsvTable::read(text, &mut out.problems, |r, line, _| {
        records.push(csv_record(r, line));
    });
    match read {
        Ok(()) => out,
        Err(e) => fields::file_problem(e),
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
    fn inverted_abstract() {
        let v: Value = serde_json::from_str(r#"{"b":[1],"a":[0,2]}"#).unwrap();
        assert_eq!(
            abstract_from_index(v.as_object().unwrap()).as_deref(),
            Some("a b a")
        );
        assert!(detect_csv("id,abstract,publication_year"));
        assert!(!detect_csv("Authors,Title"));
    }
}
