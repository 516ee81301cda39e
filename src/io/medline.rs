//! PubMed MEDLINE format (PubMed's "Save → PubMed" / `.nbib`): records start with a
//! `PMID- ` line; tags are up to four characters padded to four, then `- `, the value
//! from column 7; continuation lines start with six spaces; blank lines separate
//! records.
//!
//! Fields read: `PMID` (the record's id, `PMID:<n>`), `TI`, `AU` (short names,
//! `Gadzalski M` → `Gadzalski, M`), `FAU` (full names), `AD` (the affiliation of the
//! author before it), `JT` journal, `TA` journal abbreviation, `DP` year, `VI`, `IP`,
//! `PG`, the DOI from `LID`/`AID` values ending `[doi]`, `AB`, `OT` (author keywords),
//! `MH` (MeSH headings, read as Keywords Plus: both are the database's indexing terms),
//! `LA`, `PT`. MEDLINE has no cited references.

use super::fields::{self, lines_any, nonempty, short_author, skip_line};
use super::parsed::BlockResult;
use crate::model::cited_ref::normalize_doi;
use crate::model::{ParsedRecord, ProblemKind};

/// The tag of a MEDLINE tag line (`PMID- 1` → `PMID`, `AU  - X` → `AU`).
fn tag_of(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let ok = b.len() >= 5
        && b[0].is_ascii_uppercase()
        && b[1..4].iter().all(|c| c.is_ascii_uppercase() || *c == b' ')
        && b[4] == b'-';
    ok.then(|| line[..4].trim_end())
}

fn finish(
    fields: Vec<(&str, String)>,
    line: u64,
    problems: &mut Vec<(u64, ProblemKind)>,
) -> ParsedRecord {
    let first = |t: &str| {
        fields
            .iter()
            .find(|(k, _)| *k == t)
            .map(|(_, v)| v.as_str())
    };
    let all = |t: &'static str| {
        fields
            .iter()
            .filter(move |(k, _)| *k == t)
            .map(|(_, v)| v.as_str())
    };
    let mut addresses = Vec::new();
    let mut last_author: Option<String> = None;
    for (k, v) in &fields {
        match *k {
            "AU" => last_author = Some(short_author(v)),
            "AD" => addresses.push(fields::address(last_author.iter().cloned().collect(), v)),
            _ => {}
        }
    }
    let doi = fields
        .iter()
        .filter(|(k, _)| *k == "LID" || *k == "AID")
        .find_map(|(_, v)| v.strip_suffix("[doi]").and_then(normalize_doi));
    let year = match first("DP") {
        Some(d) => fields::year_in(d).or_else(|| {
            problems.push((
                line,
                ProblemKind::InvalidValue {
                    field: "DP",
                    expected: "date",
                    value: d.to_string(),
                },
            ));
            None
        }),
        None => None,
    };
    ParsedRecord {
        uid: first("PMID").map(|p| format!("PMID:{p}")),
        pub_type: Some("J".into()),
        doc_type: first("PT").and_then(nonempty),
        authors: all("AU").map(short_author).collect(),
        authors_full: all("FAU").map(String::from).collect(),
        title: first("TI").unwrap_or("").to_string(),
        source: first("JT").and_then(nonempty),
        source_abbrev: first("TA").and_then(nonempty),
        year,
        volume: first("VI").and_then(nonempty),
        issue: first("IP").and_then(nonempty),
        pages: first("PG").and_then(nonempty),
        doi,
        author_keywords: all("OT").map(String::from).collect(),
        keywords_plus: all("MH").map(String::from).collect(),
        categories: Vec::new(),
        abstract_text: first("AB").and_then(nonempty),
        addresses,
        times_cited: None,
        language: first("LA").and_then(nonempty),
        cited_refs: Vec::new(),
        line: line.min(u32::MAX as u64) as u32,
    }
}

/// Parses a MEDLINE file.
pub fn parse(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    let mut cur: Option<(u64, Vec<(&str, String)>)> = None;
    let mut outside_reported = false;
    for (n, line) in lines_any(text) {
        if skip_line(n, line, &mut out.problems) {
            continue;
        }
        if line.starts_with("      ") || line.starts_with('\t') {
            match cur.as_mut().and_then(|(_, f)| f.last_mut()) {
                Some((_, v)) => {
                    v.push(' ');
                    v.push_str(line.trim());
                }
                None if !outside_reported => {
                    out.problems
                        .push((n, ProblemKind::ContinuationOutsideRecord));
                    outside_reported = true;
                }
                None => {}
            }
            continue;
        }
        let Some(tag) = tag_of(line) else {
            let text = fields::clip(line).to_string();
            let kind = match cur {
                Some(_) => ProblemKind::NotMedlineField { text },
                None => ProblemKind::TextOutsideRecord { text },
            };
            out.problems.push((n, kind));
            continue;
        };
        let value = line.get(5..).unwrap_or("").trim().to_string();
        if tag == "PMID" {
            if let Some((l, f)) = cur.take() {
                out.records.push(finish(f, l, &mut out.problems));
            }
            cur = Some((n, vec![(tag, value)]));
            outside_reported = false;
            continue;
        }
        match cur.as_mut() {
            Some((_, f)) => f.push((tag, value)),
            None if !outside_reported => {
                out.problems.push((
                    n,
                    ProblemKind::FieldOutsideRecord {
                        tag: tag.to_string(),
                        start: "PMID",
                    },
                ));
                outside_reported = true;
            }
            None => {}
        }
    }
    if let Some((l, f)) = cur.take() {
        out.records.push(finish(f, l, &mut out.problems));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields() {
        let text = "PMID- 26524502\nDP  - 2016 Jan 15\nTI  - Bioinformatic survey of ABC\n      transporters.\nLID - 10.1016/j.gene.2015.10.064 [doi]\nFAU - Gadzalski, Marek\nAU  - Gadzalski M\nAD  - Department of Microbial Genetics, University of Lodz, Poland.\nOT  - ABC\nMH  - Fungi\n\nPMID- 2\nTI  - Two\n";
        let r = parse(text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.records.len(), 2);
        let a = &r.records[0];
        assert_eq!(a.title, "Bioinformatic survey of ABC transporters.");
        assert_eq!(a.authors, vec!["Gadzalski, M"]);
        assert_eq!(a.year, Some(2016));
        assert_eq!(a.doi.as_deref(), Some("10.1016/j.gene.2015.10.064"));
        assert_eq!(
            a.addresses[0].institution.as_deref(),
            Some("University of Lodz")
        );
        assert_eq!(a.addresses[0].country.as_deref(), Some("Poland"));
        assert_eq!(r.records[1].line, 12);
    }
}
