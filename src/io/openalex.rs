//! OpenAlex works: the JSON of the works API (one work, an array of works, an API page
//! `{"meta":…, "results":[…]}`, or JSON Lines with one work per line, as in snapshots)
//! and OpenAlex's CSV export (columns named by the JSON paths, multiple values joined
//! by `|`, read by the `openalex_csv` module).
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
//! Damage: a field of another JSON type than OpenAlex writes (a title that is an
//! array, a year that is a string) is reported and ignored, null being read as no
//! value; a `publication_year` outside [`fields::PLAUSIBLE_YEARS`] is reported and
//! left empty. A document cut short keeps the complete works of its array before the
//! cut, read one by one with serde_json's `StreamDeserializer`, and reports the cut.
//!
//! **Cited references** are OpenAlex ids, keyed `openalex:W…`: they match citations
//! of the same work by other OpenAlex records only, never a WoS or Scopus reference
//! (an OpenAlex id says nothing of the cited work's author, year or DOI).

use super::fields::{self, id_ref, nonempty, short_author};
pub use super::openalex_csv::{detect_csv, parse_csv};
use super::parsed::BlockResult;
use crate::model::cited_ref::normalize_doi;
use crate::model::{ParsedAddress, ParsedRecord, ProblemKind};
use serde_json::Value;

/// `https://openalex.org/W123` → `W123`.
pub(super) fn short_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Country names for ISO 3166 codes, as WoS writes them, for the most frequent
/// countries; other codes are kept as they are.
pub(super) fn country_of_code(code: &str) -> String {
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

fn names(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|x| x.get("display_name").and_then(Value::as_str))
        .map(String::from)
        .collect()
}

/// The JSON type a work's field is read as.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Str,
    Num,
    Arr,
    Obj,
}

/// The name of a JSON value's type.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The fields of a work that are read, with their types.
const FIELDS: &[(&str, Kind)] = &[
    ("id", Kind::Str),
    ("doi", Kind::Str),
    ("title", Kind::Str),
    ("display_name", Kind::Str),
    ("publication_year", Kind::Num),
    ("type", Kind::Str),
    ("language", Kind::Str),
    ("cited_by_count", Kind::Num),
    ("authorships", Kind::Arr),
    ("referenced_works", Kind::Arr),
    ("keywords", Kind::Arr),
    ("concepts", Kind::Arr),
    ("topics", Kind::Arr),
    ("primary_topic", Kind::Obj),
    ("primary_location", Kind::Obj),
    ("host_venue", Kind::Obj),
    ("biblio", Kind::Obj),
    ("abstract_inverted_index", Kind::Obj),
];

/// The fields of a work (of [`FIELDS`]) that have another type than expected, each
/// reported (null is no value, as OpenAlex writes it for missing titles, years and
/// abstracts, and is not reported).
fn mistyped(w: &Value, line: u64, problems: &mut Vec<(u64, ProblemKind)>) -> Vec<&'static str> {
    let mut out = Vec::new();
    for &(key, kind) in FIELDS {
        let Some(v) = w.get(key).filter(|v| !v.is_null()) else {
            continue;
        };
        let found = match v {
            Value::String(_) => Some(Kind::Str),
            Value::Number(_) => Some(Kind::Num),
            Value::Array(_) => Some(Kind::Arr),
            Value::Object(_) => Some(Kind::Obj),
            _ => None,
        };
        if found != Some(kind) {
            report_type(key, kind, v, line, problems);
            out.push(key);
        }
    }
    out
}

fn report_type(
    key: &'static str,
    kind: Kind,
    v: &Value,
    line: u64,
    problems: &mut Vec<(u64, ProblemKind)>,
) {
    let expected = match kind {
        Kind::Str => "string",
        Kind::Num => "number",
        Kind::Arr => "array",
        Kind::Obj => "object",
    };
    problems.push((
        line,
        ProblemKind::WrongType {
            field: key,
            expected,
            found: type_name(v),
        },
    ));
}

/// The publication year; a number outside the plausible years is reported.
fn year_of(v: Option<&Value>, line: u64, problems: &mut Vec<(u64, ProblemKind)>) -> Option<i32> {
    let v = v?;
    let year = v.as_i64().and_then(fields::plausible_year);
    if year.is_none() {
        problems.push((
            line,
            ProblemKind::ImplausibleYear {
                field: "publication_year".into(),
                value: v.to_string(),
            },
        ));
    }
    year
}

/// A record from one work object.
fn work(work: &Value, line: u64, problems: &mut Vec<(u64, ProblemKind)>) -> ParsedRecord {
    let bad = mistyped(work, line, problems);
    // The work's top-level fields of the expected types.
    let w = |key: &str| work.get(key).filter(|_| !bad.contains(&key));
    let s = |v: Option<&Value>| v.and_then(Value::as_str).and_then(nonempty);
    let path = |p: &[&str]| p[1..].iter().try_fold(w(p[0])?, |v, k| v.get(*k));
    let mut authors = Vec::new();
    let mut authors_full = Vec::new();
    let mut addresses = Vec::new();
    for a in w("authorships")
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
    let mut keywords_plus = names(w("concepts"));
    keywords_plus.extend(names(w("topics")));
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
    let refs = w("referenced_works").and_then(Value::as_array);
    ParsedRecord {
        uid: s(w("id")).map(|id| format!("openalex:{}", short_id(&id))),
        pub_type: Some("J".into()),
        doc_type: s(w("type")),
        authors,
        authors_full,
        title: s(w("title"))
            .or_else(|| s(w("display_name")))
            .unwrap_or_default(),
        source: s(path(&["primary_location", "source", "display_name"]))
            .or_else(|| s(path(&["host_venue", "display_name"]))),
        source_abbrev: None,
        year: year_of(w("publication_year"), line, problems),
        volume: s(path(&["biblio", "volume"])),
        issue: s(path(&["biblio", "issue"])),
        pages,
        doi: s(w("doi")).and_then(|d| normalize_doi(&d)),
        author_keywords: names(w("keywords")),
        keywords_plus,
        categories: Vec::new(),
        abstract_text: w("abstract_inverted_index")
            .and_then(Value::as_object)
            .and_then(abstract_from_index),
        addresses,
        times_cited: w("cited_by_count")
            .and_then(Value::as_u64)
            .map(|n| n.min(u32::MAX as u64) as u32),
        language: s(w("language")),
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
                .push((line.unwrap_or(1), ProblemKind::NotAWork));
            return;
        }
    };
    for w in list {
        push_work(out, w, line.unwrap_or_else(|| line_of(text, w)));
    }
}

/// Adds one work of the file, found at `line`.
fn push_work(out: &mut BlockResult, w: &Value, line: u64) {
    if !w.is_object() || w.get("id").is_none() && w.get("title").is_none() {
        out.problems.push((line, ProblemKind::NotAnOpenAlexWork));
        return;
    }
    out.records.push(work(w, line, &mut out.problems));
}

/// Byte offset just inside the array of works of a JSON document: the top-level
/// array, or the `results` array of an API page.
fn works_array_start(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    match text.as_bytes().get(lead)? {
        b'[' => Some(lead + 1),
        b'{' => {
            let key = text.find("\"results\"")? + "\"results\"".len();
            let rest = text[key..].trim_start().strip_prefix(':')?.trim_start();
            let rest = rest.strip_prefix('[')?;
            Some(text.len() - rest.len())
        }
        _ => None,
    }
}

/// A JSON document cut short (a download that stopped): the complete works of its
/// array before the cut are read, element by element, and the cut is reported at the
/// line where the incomplete work starts. Returns false (nothing read) when the
/// document has no array of works or no complete work.
fn recover_truncated(out: &mut BlockResult, text: &str, err: &serde_json::Error) -> bool {
    let Some(mut at) = works_array_start(text) else {
        return false;
    };
    let mut read = BlockResult::default();
    let mut complete = 0usize;
    let (line, what) = loop {
        let rest = &text[at..];
        at += rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
                .len();
        let line = 1 + fields::line_breaks(&text[..at]);
        if at >= text.len() || text[at..].starts_with(']') {
            break (line, "after the last complete work");
        }
        let mut one = serde_json::Deserializer::from_str(&text[at..]).into_iter::<Value>();
        match one.next() {
            Some(Ok(w)) => {
                push_work(&mut read, &w, line);
                complete += 1;
                at += one.byte_offset();
            }
            _ => {
                break (
                    line,
                    "inside the work starting on this line, which is skipped",
                );
            }
        }
    };
    if complete == 0 {
        return false;
    }
    out.records.append(&mut read.records);
    out.problems.append(&mut read.problems);
    out.problems.push((
        line,
        ProblemKind::TruncatedJson {
            error: err.to_string(),
            at: what,
            kept: complete,
        },
    ));
    true
}

/// Parses OpenAlex JSON or JSON Lines.
pub fn parse_json(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    match serde_json::from_str::<Value>(text) {
        Ok(v) => push_works(&mut out, text, &v, None),
        Err(e)
            if e.classify() == serde_json::error::Category::Eof
                && recover_truncated(&mut out, text, &e) => {}
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
                    Err(e) => out.problems.push((
                        n,
                        ProblemKind::InvalidJsonLine {
                            error: e.to_string(),
                        },
                    )),
                }
            }
            if lines_ok == 0 {
                out.problems = vec![(
                    whole.line() as u64,
                    ProblemKind::InvalidJson {
                        error: whole.to_string(),
                    },
                )];
            }
        }
    }
    out
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
    }

    fn problems(want: &[(u64, &str)]) -> Vec<(u64, String)> {
        want.iter().map(|(l, m)| (*l, m.to_string())).collect()
    }

    #[test]
    fn wrong_types_and_years_are_reported() {
        let text = "[{\"id\":\"W1\",\"title\":null,\"display_name\":\"Shown\",\
                    \"publication_year\":99999,\"authorships\":\"John Smith\"},\n\
                    {\"id\":\"W2\",\"title\":[\"a\"],\"publication_year\":\"2020\",\
                    \"referenced_works\":{\"a\":1},\"cited_by_count\":true}]";
        let r = parse_json(text);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].title, "Shown", "a null title is no title");
        assert_eq!(r.records[0].year, None);
        assert!(r.records[0].authors.is_empty());
        assert_eq!(r.records[1].title, "");
        let want = problems(&[
            (
                1,
                "field authorships has the wrong type (expected array, found string); ignored",
            ),
            (1, "publication_year is not a plausible year: 99999"),
            (
                2,
                "field title has the wrong type (expected string, found array); ignored",
            ),
            (
                2,
                "field publication_year has the wrong type (expected number, found string); ignored",
            ),
            (
                2,
                "field cited_by_count has the wrong type (expected number, found boolean); ignored",
            ),
            (
                2,
                "field referenced_works has the wrong type (expected array, found object); ignored",
            ),
        ]);
        assert_eq!(r.messages(), want);
    }

    #[test]
    fn truncated_document_keeps_the_complete_works() {
        // Cut inside the third work (line 4): the two before it are kept.
        let text = "{\"meta\":{\"count\":3},\"results\": [\n{\"id\":\"W1\",\"title\":\"One\"},\n\
                    {\"id\":\"W2\",\"title\":\"Two\"}\n,\n{\"id\":\"W3\",\"title\":\"Thr";
        let r = parse_json(text);
        let titles: Vec<&str> = r.records.iter().map(|w| w.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two"]);
        assert_eq!(r.records[1].line, 3);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].0, 5);
        assert!(
            r.messages()[0]
                .1
                .starts_with("invalid JSON: EOF while parsing a string")
        );
        assert!(r.messages()[0].1.ends_with(
            "the file is cut off (truncated?) inside the work starting on this line, which \
             is skipped; the 2 complete work(s) before the cut kept"
        ));
        // Cut after the last complete work: all kept.
        let r = parse_json("[{\"id\":\"W1\",\"title\":\"One\"},");
        assert_eq!(r.records.len(), 1);
        assert!(
            r.messages()[0]
                .1
                .contains("after the last complete work; the 1")
        );
        // Cut inside the first work, or a single work cut: nothing to keep.
        for cut in [
            "[{\"id\":\"W1\",\"ti",
            "{\"id\":\"W1\",\"referenced_works\":[\"W2\"",
        ] {
            let r = parse_json(cut);
            assert!(r.records.is_empty());
            assert_eq!(r.problems.len(), 1);
            assert!(
                r.messages()[0]
                    .1
                    .starts_with("invalid JSON: EOF while parsing")
            );
        }
    }
}
