//! Input limits: caps on what one record may hold, so that a damaged or hostile file
//! gives a clear problem instead of exhausting memory. Data beyond a cap is dropped
//! *and reported* with the record's file and line, never silently.
//!
//! The caps are fields of [`LoadOptions`](super::LoadOptions) (defaults far above
//! real data: the longest reference lists in Web of Science have a few thousand
//! entries, the longest abstracts a few tens of kB):
//! - `max_field_bytes`: one field value (title, abstract, one author, one keyword, one
//!   cited reference ...). A longer text value is cut at the cap (on a character
//!   boundary); a longer list entry (author, keyword, cited reference) is dropped.
//! - `max_refs_per_record`: cited references of one record; the first ones are kept.
//! - `max_problems_per_file`: problems listed per file; the rest are counted in one
//!   closing problem, so a file of garbage lines cannot fill memory with messages.
//!
//! Memory while parsing is bounded separately: the loader parses blocks of a few MB and
//! cuts a block that holds no record end after 16 blocks, so no single record or line
//! is ever held whole beyond that.

use super::parsed::BlockResult;
use crate::model::{ParsedRecord, ProblemKind};

/// The caps applied to each parsed record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caps {
    pub max_field_bytes: usize,
    pub max_refs_per_record: usize,
}

/// Cuts `s` to at most `max` bytes on a character boundary; returns the original length
/// when it was cut.
fn cut(s: &mut String, max: usize) -> Option<usize> {
    if s.len() <= max {
        return None;
    }
    let len = s.len();
    let mut at = max;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    s.truncate(at);
    Some(len)
}

/// Drops list entries longer than `max`; returns how many were dropped.
fn drop_long(v: &mut Vec<String>, max: usize) -> usize {
    let before = v.len();
    v.retain(|s| s.len() <= max);
    before - v.len()
}

/// Applies the caps to every record of a parsed block, adding a problem per cap hit.
/// These problems go first, so that the per-file listing cap never hides them behind
/// the parser's own messages.
pub(crate) fn apply(block: &mut BlockResult, caps: Caps) {
    let mut hits = Vec::new();
    for r in &mut block.records {
        let line = u64::from(r.line);
        hits.extend(cap_record(r, caps).into_iter().map(|msg| (line, msg)));
    }
    if !hits.is_empty() {
        block.problems.splice(0..0, hits);
    }
}

/// Caps one record; returns a problem per cap that triggered.
pub(crate) fn cap_record(r: &mut ParsedRecord, caps: Caps) -> Vec<ProblemKind> {
    let max = caps.max_field_bytes;
    let mut out = Vec::new();
    let over = |field: &'static str, len: usize| ProblemKind::FieldCut { field, len, max };
    let dropped =
        |what: &'static str, count: usize| ProblemKind::EntriesDropped { what, count, max };
    if let Some(len) = cut(&mut r.title, max) {
        out.push(over("title", len));
    }
    let texts: [(&'static str, &mut Option<String>); 11] = [
        ("abstract", &mut r.abstract_text),
        ("source", &mut r.source),
        ("source abbreviation", &mut r.source_abbrev),
        ("accession number", &mut r.uid),
        ("volume", &mut r.volume),
        ("issue", &mut r.issue),
        ("pages", &mut r.pages),
        ("DOI", &mut r.doi),
        ("language", &mut r.language),
        ("document type", &mut r.doc_type),
        ("publication type", &mut r.pub_type),
    ];
    for (what, field) in texts {
        if let Some(len) = field.as_mut().and_then(|s| cut(s, max)) {
            out.push(over(what, len));
        }
    }
    let lists: [(&'static str, &mut Vec<String>); 5] = [
        ("author", &mut r.authors),
        ("full author name", &mut r.authors_full),
        ("author keyword", &mut r.author_keywords),
        ("Keywords Plus entry", &mut r.keywords_plus),
        ("subject category", &mut r.categories),
    ];
    for (what, list) in lists {
        let n = drop_long(list, max);
        if n > 0 {
            out.push(dropped(what, n));
        }
    }
    let mut long_addresses = 0;
    for a in &mut r.addresses {
        long_addresses += drop_long(&mut a.authors, max);
        for part in [&mut a.institution, &mut a.country] {
            if part.as_ref().is_some_and(|s| s.len() > max) {
                *part = None;
                long_addresses += 1;
            }
        }
    }
    if long_addresses > 0 {
        out.push(dropped("address part", long_addresses));
    }
    let before = r.cited_refs.len();
    r.cited_refs.retain(|c| c.label.len() <= max);
    if r.cited_refs.len() < before {
        out.push(dropped("cited reference", before - r.cited_refs.len()));
    }
    let n = r.cited_refs.len();
    if n > caps.max_refs_per_record {
        r.cited_refs.truncate(caps.max_refs_per_record);
        out.push(ProblemKind::TooManyRefs {
            count: n,
            max: caps.max_refs_per_record,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CitedRef;

    #[test]
    fn caps_cut_and_report() {
        let mut r = ParsedRecord {
            title: "é".repeat(6), // 12 bytes
            authors: vec!["Doe, J".into(), "x".repeat(20)],
            cited_refs: (0..5)
                .map(|i| CitedRef::parse(&format!("Doe J, 200{i}, J X, V1, P{i}")))
                .collect(),
            line: 7,
            ..Default::default()
        };
        let caps = Caps {
            max_field_bytes: 11,
            max_refs_per_record: 3,
        };
        let mut block = BlockResult {
            records: vec![r.clone()],
            ..Default::default()
        };
        apply(&mut block, caps);
        // 11 bytes is inside the sixth "é": cut back to 10 bytes, five characters.
        assert_eq!(block.records[0].title, "ééééé");
        assert_eq!(block.records[0].authors, vec!["Doe, J"]);
        // The 5 references are 28 bytes each: all over 11 bytes, all dropped.
        assert!(block.records[0].cited_refs.is_empty());
        let lines: Vec<u64> = block.problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, vec![7, 7, 7]);
        let messages = block.messages();
        assert!(messages[0].1.contains("title is 12 bytes"));
        assert!(messages[2].1.contains("5 cited reference(s)"));

        let caps = Caps {
            max_field_bytes: 100,
            max_refs_per_record: 3,
        };
        let msgs = cap_record(&mut r, caps);
        assert_eq!(r.cited_refs.len(), 3);
        assert_eq!(r.cited_refs[2].year, Some(2002));
        assert_eq!(msgs.len(), 1);
        assert!(
            msgs[0]
                .to_string()
                .contains("has 5 cited references, over the limit of 3")
        );
    }
}
