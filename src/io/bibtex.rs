//! BibTeX, as exported by Web of Science (`@article{ ISI:000...,` with double-braced
//! values and a `Cited-References` field, one reference per line), Scopus (a `Scopus` /
//! `EXPORT DATE` preamble, `references={...; ...}` in Scopus syntax, authors as
//! `D'Ambrosio, A.a , Aria, M.a` in older exports) and Zotero.
//!
//! A small parser of its own rather than a crate: the BibTeX crates checked (`biblatex`,
//! `nom-bibtex`) stop at the first syntax error of a file and report byte offsets at
//! best, while an export with one broken entry must still load its other entries and
//! report the broken one with its line. Here the file is cut into entries at lines
//! starting with `@type{` (so an unbalanced brace spoils one entry, not the rest), and
//! each entry is read as `name = value` pairs, values in braces (nested), quotes, or
//! bare (numbers, macros), joined by `#`. Braces inside values are removed and the
//! common LaTeX accents (`{\"u}`, `\'e`, ...) and escapes (`\&`) are decoded.
//! `@comment`, `@preamble` and `@string` entries are skipped.
//!
//! Fields read: `author` (` and `-separated, or ` , `-separated in old Scopus exports),
//! `title`, `journal`/`booktitle`, `year`, `volume`, `number`, `pages`, `doi`,
//! `abstract`, `keywords` (WoS/Zotero author keywords; Scopus index keywords),
//! `author_keywords`, `keywords-plus`, `affiliation`, `language`, `type`/`document_type`,
//! `times-cited` or Scopus' `note={cited By n}`, `unique-id` (WoS `ISI:` → `WOS:`),
//! the Scopus EID from `url`, and the cited references (`cited-references`, `references`).
//!
//! A field repeated in an entry with another value is reported and the first value
//! kept, as BibTeX itself does; a `year` without a plausible year (`0`, `99999`,
//! `MMXIX`) is reported and left empty ([`fields::year_field`]).

use super::fields::{self, lines_any, nonempty, short_author};
use super::parsed::BlockResult;
use super::scopus;
use crate::model::cited_ref::normalize_doi;
use crate::model::record::parse_address;
use crate::model::{CitedRef, ParsedRecord, ProblemKind};

/// `@article{key,` → `article`, when the line starts an entry.
pub fn entry_start(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('@')?;
    let end = rest.find(|c: char| !c.is_ascii_alphabetic())?;
    let after = rest[end..].trim_start();
    (end > 0 && (after.starts_with('{') || after.starts_with('('))).then(|| &rest[..end])
}

/// Parses a BibTeX file.
pub fn parse(text: &str) -> BlockResult {
    let mut out = BlockResult::default();
    // Byte offset and line of each entry start.
    let mut starts: Vec<(usize, u64)> = Vec::new();
    let base = text.as_ptr() as usize;
    for (n, line) in lines_any(text) {
        if entry_start(line).is_some() {
            starts.push((line.as_ptr() as usize - base, n));
        }
    }
    for (i, &(at, line)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let chunk = &text[at..end];
        let kind = entry_start(chunk).unwrap_or("").to_ascii_lowercase();
        if matches!(kind.as_str(), "comment" | "preamble" | "string") {
            continue;
        }
        match parse_entry(chunk) {
            Ok(fields) => out
                .records
                .push(record(&fields, &kind, line, &mut out.problems)),
            Err((offset, error, fields)) => {
                let at_line = line + chunk[..offset.min(chunk.len())].matches('\n').count() as u64;
                let kept = fields.iter().any(|f| f.name == "title");
                out.problems
                    .push((at_line, ProblemKind::BadEntry { error, kept }));
                if kept {
                    out.records
                        .push(record(&fields, &kind, line, &mut out.problems));
                }
            }
        }
    }
    if starts.is_empty() {
        out.problems.push((0, ProblemKind::NoBibtexEntries));
    }
    out
}

/// One `name = value` pair of an entry; `line` counts the entry's lines from 0.
struct Field {
    name: String,
    value: String,
    line: u64,
}

type Fields = Vec<Field>;

/// Reads `@type{key, name = value, ...}`. On error returns the byte offset, the
/// message and the fields read so far.
fn parse_entry(chunk: &str) -> Result<Fields, (usize, String, Fields)> {
    let b = chunk.as_bytes();
    let open = chunk.find(['{', '(']).unwrap_or(0);
    let close = if b[open] == b'{' { b'}' } else { b')' };
    let mut i = open + 1;
    // The key: up to the first comma.
    match chunk[i..].find([',', '\n']) {
        Some(k) if b[i + k] == b',' => i += k + 1,
        _ => return Err((i, "entry without a key and comma".into(), Vec::new())),
    }
    let mut fields: Fields = Vec::new();
    // Line breaks before byte `counted` of the entry (counted on as fields are read).
    let (mut counted, mut breaks) = (0usize, 0u64);
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() {
            return Err((i, "entry not closed (missing })".into(), fields));
        }
        if b[i] == close {
            let rest = chunk[i + 1..].trim();
            if !rest.is_empty() && !rest.starts_with('%') {
                let off = i + 1 + (chunk[i + 1..].len() - chunk[i + 1..].trim_start().len());
                return Err((off, "text after the end of the entry".into(), fields));
            }
            return Ok(fields);
        }
        let name_end = chunk[i..]
            .find(['=', '\n', '}', ','])
            .map_or(b.len(), |e| i + e);
        if name_end >= b.len() || b[name_end] != b'=' {
            return Err((i, "expected `name = value`".into(), fields));
        }
        let name = chunk[i..name_end].trim().to_ascii_lowercase();
        breaks += fields::line_breaks(&chunk[counted..i]);
        counted = i;
        let line = breaks;
        i = name_end + 1;
        let mut value = String::new();
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let part_end = match b.get(i) {
                Some(b'{') => balanced(b, i, b'{', b'}'),
                Some(b'"') => balanced(b, i, b'"', b'"'),
                Some(_) => chunk[i..].find([',', '}', ')', '#', '\n']).map(|e| i + e),
                None => None,
            };
            let Some(e) = part_end else {
                return Err((i, format!("unbalanced value of field {name}"), fields));
            };
            let quoted = matches!(b[i], b'{' | b'"');
            let raw = &chunk[i..e];
            value.push_str(if quoted { &raw[1..] } else { raw.trim() });
            i = if quoted { e + 1 } else { e };
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) == Some(&b'#') {
                i += 1;
                continue;
            }
            break;
        }
        fields.push(Field { name, value, line });
    }
}

/// Index of the closing delimiter matching the opening one at `start`.
fn balanced(b: &[u8], start: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0i32;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if open == b'"' {
            if c == b'{' {
                depth += 1;
            } else if c == b'}' {
                depth -= 1;
            } else if c == b'"' && i > start && depth == 0 {
                return Some(i);
            }
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Removes braces, decodes common LaTeX accents and escapes, collapses whitespace
/// (newlines kept when `keep_lines`).
fn clean(v: &str, keep_lines: bool) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => {
                let Some(&cmd) = chars.peek() else { break };
                chars.next();
                if "\"'`^~".contains(cmd) {
                    while chars.peek() == Some(&'{') {
                        chars.next();
                    }
                    if let Some(base) = chars.next() {
                        out.push(accent(cmd, base));
                    }
                } else if !cmd.is_alphabetic() {
                    out.push(cmd);
                }
            }
            _ => out.push(c),
        }
    }
    let lines: Vec<String> = out
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(if keep_lines { "\n" } else { " " })
}

/// A letter with a LaTeX accent (`\"u` → `ü`); the base letter when not in the table.
fn accent(cmd: char, base: char) -> char {
    const TABLE: [(char, &str, &str); 5] = [
        ('"', "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ('\'', "aeiouycnAEIOUCN", "áéíóúýćńÁÉÍÓÚĆŃ"),
        ('`', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('^', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('~', "anoANO", "ãñõÃÑÕ"),
    ];
    TABLE
        .iter()
        .find(|(c, _, _)| *c == cmd)
        .and_then(|(_, from, to)| {
            from.chars()
                .position(|x| x == base)
                .and_then(|p| to.chars().nth(p))
        })
        .unwrap_or(base)
}

/// Splits the author field into names.
fn authors(raw: &str) -> Vec<String> {
    let v = clean(raw, false);
    let names: Vec<&str> = if v.contains(" and ") {
        v.split(" and ").collect()
    } else {
        v.split(" , ").collect()
    };
    names
        .iter()
        .map(|n| {
            let n = n.trim();
            // Old Scopus: "D'Ambrosio, A.a" — affiliation letters after the initials.
            match n.rfind('.') {
                Some(p) if n[p + 1..].chars().all(|c| c.is_ascii_lowercase()) => {
                    n[..=p].to_string()
                }
                _ => n.to_string(),
            }
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// Reports each field repeated in an entry with another value: BibTeX itself keeps
/// the first and ignores the repeats ("I'm ignoring ...'s extra field"), and so does
/// [`record`].
fn report_repeats(fields: &Fields, line: u64, problems: &mut Vec<(u64, ProblemKind)>) {
    for (i, f) in fields.iter().enumerate() {
        let Some(k) = fields[..i].iter().find(|k| k.name == f.name) else {
            continue;
        };
        let (kept, ignored) = (clean(&k.value, false), clean(&f.value, false));
        if kept != ignored {
            problems.push((
                line + f.line,
                ProblemKind::RepeatedField {
                    name: f.name.clone(),
                    first_line: line + k.line,
                    kept: fields::clip(&kept).to_string(),
                    ignored: fields::clip(&ignored).to_string(),
                },
            ));
        }
    }
}

/// Builds a record from an entry's fields (the first of a repeated field), reporting
/// repeated fields and implausible years.
fn record(
    fields: &Fields,
    kind: &str,
    line: u64,
    problems: &mut Vec<(u64, ProblemKind)>,
) -> ParsedRecord {
    report_repeats(fields, line, problems);
    let get = |k: &str| {
        fields
            .iter()
            .find(|f| f.name == k)
            .map(|f| clean(&f.value, false))
            .filter(|v| !v.is_empty())
    };
    let raw = |k: &str| {
        fields
            .iter()
            .find(|f| f.name == k)
            .map(|f| f.value.as_str())
    };
    let wos = raw("unique-id").is_some() || raw("web-of-science-categories").is_some();
    let names = raw("author").map(authors).unwrap_or_default();
    let list = |k: &str| -> Vec<String> {
        get(k)
            .map(|v| fields::split_list(&v, if v.contains(';') { ';' } else { ',' }))
            .unwrap_or_default()
    };
    let (author_keywords, keywords_plus) = if raw("author_keywords").is_some() {
        (list("author_keywords"), list("keywords"))
    } else {
        (list("keywords"), list("keywords-plus"))
    };
    let mut cited_refs: Vec<CitedRef> = Vec::new();
    if let Some(cr) = raw("cited-references") {
        cited_refs.extend(
            clean(cr, true)
                .lines()
                .map(|l| CitedRef::parse(l.trim_end_matches('.'))),
        );
    }
    if let Some(r) = get("references") {
        cited_refs.extend(
            scopus::split_references(&r)
                .iter()
                .map(|r| scopus::parse_reference(r)),
        );
    }
    let addresses = match raw("affiliation") {
        Some(a) if wos => clean(a, true)
            .lines()
            .filter(|l| !l.contains("(Reprint Author)") && !l.contains("(Corresponding Author)"))
            .map(parse_address)
            .collect(),
        Some(a) => fields::split_list(&clean(a, false), ';')
            .iter()
            .map(|x| fields::address(Vec::new(), x))
            .collect(),
        None => Vec::new(),
    };
    let times_cited = get("times-cited")
        .or_else(|| get("note").and_then(|n| n.strip_prefix("cited By ").map(String::from)))
        .and_then(|n| n.trim().parse().ok());
    let uid = get("unique-id")
        .map(|u| u.replacen("ISI:", "WOS:", 1))
        .or_else(|| {
            let url = get("url")?;
            let eid = url.split("eid=").nth(1)?.split('&').next()?;
            nonempty(eid)
        });
    let doc_type = get("document_type").or_else(|| get("type"));
    let pub_type = match kind {
        "inproceedings" | "conference" | "proceedings" => "C",
        "book" | "incollection" | "inbook" => "B",
        _ => "J",
    };
    ParsedRecord {
        uid,
        pub_type: Some(pub_type.into()),
        doc_type,
        authors: names.iter().map(|n| short_author(n)).collect(),
        authors_full: names.iter().map(|n| fields::full_author(n)).collect(),
        title: get("title").unwrap_or_default(),
        source: get("journal").or_else(|| get("booktitle")),
        source_abbrev: get("journal-iso").or_else(|| get("abbrev_source_title")),
        year: fields.iter().find(|f| f.name == "year").and_then(|f| {
            fields::year_field(&clean(&f.value, false), line + f.line, "year", problems)
        }),
        volume: get("volume"),
        issue: get("number"),
        pages: get("pages").map(|p| p.replace("--", "-")),
        doi: get("doi").and_then(|d| normalize_doi(&d)),
        author_keywords,
        keywords_plus,
        categories: get("web-of-science-categories")
            .map(|v| fields::split_list(&v, ';'))
            .unwrap_or_default(),
        abstract_text: get("abstract"),
        addresses,
        times_cited,
        language: get("language"),
        cited_refs,
        line: line.min(u32::MAX as u64) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wos_and_scopus_entries() {
        let text = "Scopus\nEXPORT DATE: 13 January 2017\n\n@ARTICLE{D'Ambrosio2017,\nauthor={D'Ambrosio, A.a , Aria, M.a },\ntitle={Regression {T}rees},\njournal={Expert Systems with Applications},\nyear={2017},\nvolume={69},\npages={1339-1351},\nnote={cited By 4},\nreferences={Vargo, S.L., Lusch, R.F., Evolving (2004) Journal of Marketing, 68 (1), pp. 1-17.; Breiman, L., Bagging predictors (1996) Machine Learning, 24 (2), pp. 123-140},\nurl={https://www.scopus.com/inward/record.uri?eid=2-s2.0-84993929598&doi=x},\n}\n\n@article{ ISI:000186671900002,\nAuthor = {M{\\\"u}ller, B and Critchlow, T},\nTitle = {{The framework}},\nYear = {{2003}},\nCited-References = {{Acharya S., 1999, P ACM SIGMOD INT C M, P574, DOI 10.1145/304182.304581.\n   {*}AQUA, AQUA PROJ HOM PAGE L.}},\nUnique-ID = {{ISI:000186671900002}},\n}\n";
        let r = parse(text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.records.len(), 2);
        let s = &r.records[0];
        assert_eq!(s.authors, vec!["D'Ambrosio, A", "Aria, M"]);
        assert_eq!(s.title, "Regression Trees");
        assert_eq!(s.times_cited, Some(4));
        assert_eq!(s.uid.as_deref(), Some("2-s2.0-84993929598"));
        assert_eq!(s.cited_refs[0].key, "vargo s|2004|v68|p1");
        assert_eq!(s.line, 4);
        let w = &r.records[1];
        assert_eq!(w.authors[0], "Müller, B");
        assert_eq!(w.uid.as_deref(), Some("WOS:000186671900002"));
        assert_eq!(w.cited_refs.len(), 2);
        assert_eq!(w.cited_refs[0].key, "doi:10.1145/304182.304581");
        assert_eq!(w.cited_refs[1].author(), "*AQUA");
    }

    #[test]
    fn broken_entry_does_not_spoil_the_next() {
        let text = "@article{a,\ntitle={Open\nyear=2001,\n\n@article{b, title = \"Fine\" # { too}, year = 2002}\n";
        let r = parse(text);
        assert_eq!(r.records.len(), 1);
        assert_eq!(r.records[0].title, "Fine too");
        assert_eq!(r.records[0].year, Some(2002));
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].0, 2);
    }

    #[test]
    fn repeats_and_years_are_reported() {
        let text = "@article{a,\r\n  title = {One},\r\n  title = {{One}},\r\n  title = {Two},\r\n  \
                    year = {MMXIX}\r\n}\r\n\r\n@book{b, year = 99999, title = {T}}\n";
        let r = parse(text);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].title, "One");
        assert_eq!(r.records[0].year, None);
        let want = [
            (
                4,
                "field title repeated in the entry: the first value (line 2) \"One\" kept, \
                 this one \"Two\" ignored",
            ),
            (5, "year is not a plausible year: \"MMXIX\""),
            (8, "year is not a plausible year: \"99999\""),
        ];
        let want: Vec<(u64, String)> = want.iter().map(|(l, m)| (*l, m.to_string())).collect();
        assert_eq!(r.messages(), want);
    }
}
