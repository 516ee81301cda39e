//! The bad-input corpus (tests/bad_inputs/, described file by file in its README.md):
//! every file loads without a panic and gives either records plus problems that name
//! the file and the line, or an error that names the file; the good records of a file
//! are kept. Each file has its expected outcome in [`CASES`], worked out by hand from
//! the file's content (line numbers count the file's lines from 1; line 0 is the file
//! as a whole). Large inputs (giant lines, 10 MB fields, 150,000 references, 5,000
//! garbage lines) are generated into a temporary folder by the tests below instead of
//! being committed.

use cocite::io::{LoadError, LoadOptions, load, load_with};
use cocite::model::Corpus;
use std::path::{Path, PathBuf};

/// What loading one file alone must give.
enum Expect {
    /// Loads with this many records kept (after de-duplication by accession number);
    /// each `(line, text)` must be among the file's problems.
    Kept(usize, &'static [(u64, &'static str)]),
    /// Nothing loads; a problem at this line contains this text.
    Rejected(u64, &'static str),
    /// A known gap in a reader: the records are kept and nothing panics, but the damage
    /// described is not reported yet. Listed so that it is tightened when fixed.
    Gap(usize, &'static str),
}
use Expect::*;

const CASES: &[(&str, Expect)] = &[
    // Not a format at all, or empty.
    ("other_binary.txt", Rejected(0, "binary data")),
    (
        "other_blank_lines.txt",
        Rejected(0, "not a supported format"),
    ),
    ("other_empty.txt", Rejected(0, "empty file")),
    (
        "other_not_a_format.csv",
        Rejected(0, "not a supported format"),
    ),
    (
        "wos_html_error_page.txt",
        Rejected(0, "starts with \"<!DOCTYPE html>\""),
    ),
    ("wos_pdf_with_txt_ext.txt", Rejected(0, "binary data")),
    ("wos_zip_with_txt_ext.txt", Rejected(0, "binary data")),
    ("wos_header_only.txt", Rejected(0, "no records found")),
    ("wos_cr_line_endings.txt", Rejected(0, "no records found")),
    (
        "wos_utf16le.txt",
        Rejected(0, "UTF-16 plain-text exports are not supported"),
    ),
    ("tab_header_only.txt", Rejected(0, "no records found")),
    // WoS plain text.
    (
        "wos_bad_years.txt",
        Kept(
            3,
            &[(3, "PY is not a plausible year: \"0\""), (12, "\"99999\"")],
        ),
    ),
    ("wos_bom_in_middle.txt", Kept(2, &[])),
    (
        "wos_continuation_first.txt",
        Kept(1, &[(3, "continuation line outside a record")]),
    ),
    ("wos_control_chars.txt", Kept(1, &[])),
    ("wos_crlf_bom.txt", Kept(2, &[])),
    (
        "wos_cut_mid_tag.txt",
        Kept(
            2,
            &[
                (11, "not closed by ER"),
                (13, "incomplete last line ignored"),
            ],
        ),
    ),
    (
        "wos_duplicate_tags.txt",
        Kept(1, &[(3, "PY is not a plausible year: \"2010 2011\"")]),
    ),
    ("wos_duplicate_uid.txt", Kept(1, &[])),
    ("wos_empty_record.txt", Kept(2, &[])),
    ("wos_er_at_eof_no_newline.txt", Kept(2, &[])),
    (
        "wos_er_without_record.txt",
        Kept(1, &[(3, "ER without a record")]),
    ),
    (
        "wos_fields_before_pt.txt",
        Kept(1, &[(3, "outside a record")]),
    ),
    (
        "wos_garbage_line.txt",
        Kept(2, &[(12, "record skipped: line 15 is not a field tag")]),
    ),
    ("wos_latin1.txt", Kept(1, &[(4, "not valid UTF-8")])),
    (
        "wos_lowercase_tags.txt",
        Kept(1, &[(3, "unexpected text outside a record: \"pt J\"")]),
    ),
    ("wos_missing_ef.txt", Kept(2, &[])),
    (
        "wos_mixed_encodings.txt",
        Kept(2, &[(5, "2 line(s) are not valid UTF-8")]),
    ),
    ("wos_mixed_line_endings.txt", Kept(2, &[])),
    ("wos_nested_quotes.txt", Kept(1, &[])),
    (
        "wos_no_er_before_pt.txt",
        Kept(2, &[(3, "not closed by ER before the next PT at line 7")]),
    ),
    (
        "wos_nul_in_header.txt",
        Kept(1, &[(2, "binary data (NUL byte) outside a record")]),
    ),
    (
        "wos_nul_in_record.txt",
        Kept(2, &[(12, "binary data (NUL byte) at line 14")]),
    ),
    ("wos_refs_odd.txt", Kept(1, &[])),
    ("wos_refs_without_year.txt", Kept(1, &[])),
    (
        "wos_tag_without_space.txt",
        Kept(1, &[(4, "no space after tag AU")]),
    ),
    (
        "wos_tc_not_number.txt",
        Kept(1, &[(3, "TC is not a number")]),
    ),
    (
        "wos_tc_overflow.txt",
        Kept(1, &[(3, "TC is not a number: \"99999999999\"")]),
    ),
    ("wos_truncated.txt", Kept(2, &[(12, "not closed by ER")])),
    (
        "wos_truncated_utf8.txt",
        Kept(2, &[(11, "not closed by ER"), (12, "not valid UTF-8")]),
    ),
    (
        "wos_weird_dois.txt",
        Kept(2, &[(13, "DI is not a DOI: \"see publisher site\"")]),
    ),
    (
        "wos_year_forms.txt",
        Kept(
            4,
            &[
                (3, "\"2010a\""),
                (9, "\"-44\""),
                (21, "PY is not a plausible year: \"1\""),
            ],
        ),
    ),
    // WoS tab-delimited.
    (
        "tab_bad_years.txt",
        Kept(
            3,
            &[(2, "PY is not a plausible year: \"0\""), (3, "\"99999\"")],
        ),
    ),
    (
        "tab_extra_cells.txt",
        Kept(3, &[(3, "row has 8 cells, the header 6")]),
    ),
    ("tab_latin1.txt", Kept(1, &[(2, "not valid UTF-8")])),
    (
        "tab_nul_row.txt",
        Kept(1, &[(2, "binary data (NUL byte) in row")]),
    ),
    (
        "tab_quoted_cells.txt",
        Kept(2, &[(2, "row has 7 cells, the header 6")]),
    ),
    (
        "tab_short_rows.txt",
        Kept(2, &[(3, "row has 3 cells, the header 6")]),
    ),
    ("tab_utf16_odd.txt", Kept(1, &[(0, "invalid UTF-16")])),
    ("tab_utf16be.txt", Kept(1, &[])),
    // Other databases' formats, in their real syntax.
    ("ris_with_txt_ext.txt", Kept(1, &[])),
    (
        "ris_binary.ris",
        Kept(1, &[(2, "binary data (NUL byte); line ignored")]),
    ),
    (
        "ris_er_without_ty.ris",
        Rejected(0, "not a supported format: starts with \"ER  - \""),
    ),
    ("ris_no_er.ris", Kept(2, &[(11, "record not closed by ER")])),
    (
        "ris_bad_tag_lines.ris",
        Gap(2, "lines that are no RIS tag are not reported"),
    ),
    (
        "ris_bad_years.ris",
        Gap(3, "PY 99999, 0 and 2018/// are not reported"),
    ),
    (
        "ris_duplicate_tags.ris",
        Gap(1, "a repeated TI or PY is not reported"),
    ),
    (
        "scopus_bad_years.csv",
        Kept(
            3,
            &[(2, "Year is not a plausible year: \"0\""), (3, "\"99999\"")],
        ),
    ),
    (
        "scopus_missing_title_column.csv",
        Rejected(0, "not a supported format"),
    ),
    ("scopus_nested_quotes.csv", Kept(2, &[])),
    ("scopus_refs_without_year.csv", Kept(1, &[])),
    (
        "scopus_truncated.csv",
        Kept(2, &[(3, "row has 3 cells, the header 17")]),
    ),
    (
        "scopus_unterminated_quote.csv",
        Kept(3, &[(3, "row has 16 cells, the header 17")]),
    ),
    (
        "scopus_semicolon_delimiter.csv",
        Gap(1, "a ;-separated file is read as one column without a word"),
    ),
    (
        "scopus_wrong_column_count.csv",
        Gap(2, "cells beyond the header are not reported"),
    ),
    ("bibtex_nested_braces.bib", Kept(2, &[])),
    ("bibtex_no_entries.bib", Rejected(0, "no records found")),
    (
        "bibtex_unterminated_braces.bib",
        Kept(2, &[(13, "unbalanced value of field title; entry skipped")]),
    ),
    (
        "bibtex_unterminated_quote.bib",
        Kept(1, &[(12, "unbalanced value of field title; entry skipped")]),
    ),
    (
        "bibtex_bad_years.bib",
        Gap(3, "years 0, 99999 and MMXIX are not reported"),
    ),
    (
        "bibtex_duplicate_fields.bib",
        Gap(1, "a repeated title or year is not reported"),
    ),
    (
        "medline_bad_continuation.txt",
        Rejected(0, "not a supported format"),
    ),
    (
        "medline_bad_dates.txt",
        Kept(
            3,
            &[
                (1, "DP is not a date: \"99999\""),
                (11, "\"0000 Jan\""),
                (21, "\"Spring\""),
            ],
        ),
    ),
    ("medline_no_pmid.txt", Rejected(0, "not a supported format")),
    // MEDLINE has no end-of-record mark: a record cut short cannot be told from a short one.
    ("medline_truncated.txt", Kept(2, &[])),
    (
        "openalex_jsonl_mixed.jsonl",
        Kept(2, &[(2, "invalid JSON")]),
    ),
    (
        "openalex_not_an_object.json",
        Rejected(0, "not a supported format"),
    ),
    // A cut JSON document is rejected whole (the good work before the cut is lost, said clearly).
    (
        "openalex_truncated.json",
        Rejected(1, "invalid JSON: EOF while parsing"),
    ),
    (
        "openalex_bad_years.json",
        Gap(2, "publication_year 0 and 99999 are not reported"),
    ),
    (
        "openalex_wrong_types.json",
        Gap(
            2,
            "a title, year or authorships of the wrong JSON type is dropped without a word",
        ),
    ),
    (
        "lens_bad_rows.csv",
        Kept(2, &[(3, "row has 2 cells, the header 7")]),
    ),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

/// Checks one file against its expectation; returns what went wrong, if anything.
fn check(name: &str, expect: &Expect) -> Result<(), String> {
    let path = dir().join(name);
    let loaded = std::panic::catch_unwind(|| load(std::slice::from_ref(&path)))
        .map_err(|_| "panicked".to_string())?;
    let names_file = |file: &str| file.ends_with(name);
    match (expect, loaded) {
        (Kept(n, wanted), Ok(c)) => {
            if c.records.len() != *n {
                return Err(format!("kept {} records, expected {n}", c.records.len()));
            }
            if let Some(p) = c.problems.iter().find(|p| !names_file(&p.file)) {
                return Err(format!("problem names another file: {p:?}"));
            }
            for (line, text) in *wanted {
                if !c
                    .problems
                    .iter()
                    .any(|p| p.line == *line && p.message.contains(text))
                {
                    return Err(format!(
                        "no problem at line {line} with {text:?}: {:?}",
                        c.problems
                    ));
                }
            }
            Ok(())
        }
        (Rejected(line, text), Err(LoadError::NothingLoaded { problems, .. })) => {
            let hit = problems
                .iter()
                .any(|p| names_file(&p.file) && p.line == *line && p.message.contains(text));
            if hit {
                Ok(())
            } else {
                Err(format!(
                    "no problem at line {line} with {text:?}: {problems:?}"
                ))
            }
        }
        (Gap(n, what), Ok(c)) if c.records.len() == *n => {
            eprintln!("known gap, {name}: {what}");
            match c.problems.iter().find(|p| !names_file(&p.file)) {
                Some(p) => Err(format!("problem names another file: {p:?}")),
                None => Ok(()),
            }
        }
        (_, Ok(c)) => Err(format!(
            "loaded {} records: {:?}",
            c.records.len(),
            c.problems
        )),
        (_, Err(e)) => Err(format!("error: {e}")),
    }
}

#[test]
fn every_file_has_an_expectation() {
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    files.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
    assert!(files.len() >= 50, "only {} bad files", files.len());
}

#[test]
fn each_file_alone_gives_clear_problems_and_keeps_good_records() {
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(name, expect)| check(name, expect).err().map(|e| format!("{name}: {e}")))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn record_contents_survive_the_damage() {
    let one = |name: &str| load(&[dir().join(name)]).unwrap();
    let c = one("wos_mixed_encodings.txt");
    let authors: Vec<&str> = c.records[0]
        .authors
        .iter()
        .map(|&a| c.strings.get(a))
        .collect();
    assert_eq!(authors, ["Müller, K", "Müller, L"]);
    assert_eq!(c.records[0].title.as_ref(), "Café “society”");
    assert_eq!(c.records[1].title.as_ref(), "Ünicode title");
    let c = one("wos_duplicate_uid.txt");
    assert_eq!(c.duplicates, 1);
    assert_eq!(c.records[0].title.as_ref(), "Good record");
    let c = one("wos_bom_in_middle.txt");
    assert_eq!(c.records[1].title.as_ref(), "After a second BOM");
    let c = one("wos_weird_dois.txt");
    assert_eq!(c.records[0].doi.as_deref(), Some("10.1002/bse.380"));
    assert_eq!(c.records[1].doi, None);
    let c = one("wos_cut_mid_tag.txt");
    assert_eq!(c.strings.get(c.records[1].authors[0]), "Cut, X");
    let c = one("tab_short_rows.txt");
    assert_eq!(c.records[1].title.as_ref(), "Short row");
    assert_eq!(c.records[1].year, None);
}

#[test]
fn the_whole_folder_loads_in_one_go() {
    let c = load(&[dir()]).unwrap();
    for (name, expect) in CASES {
        let file = c.files.iter().find(|f| f.path.ends_with(name));
        match expect {
            Kept(n, _) | Gap(n, _) if *n > 0 => {
                assert!(file.is_some_and(|f| f.records > 0), "{name}")
            }
            Rejected(line, text) => assert!(
                c.problems
                    .iter()
                    .any(|p| p.file.ends_with(name) && p.line == *line && p.message.contains(text)),
                "{name}"
            ),
            _ => {}
        }
    }
}

/// A temporary folder removed when dropped.
struct Temp(PathBuf);
impl Temp {
    fn new(tag: &str) -> Temp {
        let d = std::env::temp_dir().join(format!("cocite-badcorpus-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        Temp(d)
    }
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}
impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const HEAD: &str = "FN Clarivate Analytics Web of Science\nVR 1.0\n";
const GOOD: &str = "PT J\nAU Doe, J\nTI Good record\nPY 2010\nUT WOS:GOOD\nER\n\n";

fn load_one(path: &Path, opts: &LoadOptions) -> Corpus {
    load_with(&[path.to_path_buf()], opts, &|_| {}).unwrap().0
}

#[test]
fn giant_single_line_is_reported_and_the_good_record_kept() {
    let t = Temp::new("line");
    // 40 MB without a line break after a good record; blocks of 1 MiB force the reader
    // to cut inside the line (at 16 blocks), which must not shift the line numbers.
    let mut bytes = format!("{HEAD}{GOOD}").into_bytes();
    bytes.extend(std::iter::repeat_n(b'x', 40 << 20));
    let f = t.file("giant_line.txt", &bytes);
    let opts = LoadOptions {
        block_bytes: 1 << 20,
        ..Default::default()
    };
    let c = load_one(&f, &opts);
    assert_eq!(c.records.len(), 1);
    assert!(!c.problems.is_empty());
    assert!(c.problems.iter().all(|p| p.line == 10), "{:?}", c.problems);
    assert!(
        c.problems[0]
            .message
            .contains("unexpected text outside a record")
    );
    // The same as a tab-delimited row: over the 64 MiB row cap it is skipped.
    let mut tab = b"PT\tAU\tTI\tPY\tUT\nJ\tDoe, J\tGood row\t2010\tWOS:T1\n".to_vec();
    tab.extend(std::iter::repeat_n(b'y', 70 << 20));
    tab.extend(b"\nJ\tLee, K\tAfter the giant row\t2011\tWOS:T2\n");
    let f = t.file("giant_row.txt", &tab);
    let c = load_one(&f, &LoadOptions::default());
    assert_eq!(c.records.len(), 2);
    assert_eq!(c.records[1].title.as_ref(), "After the giant row");
    assert_eq!(c.problems.len(), 1);
    assert_eq!(c.problems[0].line, 3);
    assert!(
        c.problems[0]
            .message
            .contains("row is 73400321 bytes, over the limit")
    );
}

#[test]
fn ten_mb_fields_are_cut_and_reported() {
    let t = Temp::new("field");
    let big = "a".repeat(10 << 20);
    let text = format!(
        "{HEAD}PT J\nTI Big abstract\nAB {big}\nCR Doe J, 2001, {big}, V1, P1\n   Lee K, 2002, J X, V2, P2\nUT WOS:BIG\nER\n\n{GOOD}EF\n"
    );
    let f = t.file("big_fields.txt", text.as_bytes());
    let c = load_one(&f, &LoadOptions::default());
    assert_eq!(c.records.len(), 2);
    let r = &c.records[0];
    assert_eq!(r.abstract_text.as_deref().map(str::len), Some(1 << 20));
    assert_eq!(
        r.refs.len(),
        1,
        "the 10 MB reference is dropped, the other kept"
    );
    assert_eq!(c.refs.get(r.refs[0]).key.as_ref(), "lee k|2002|v2|p2");
    let msgs: Vec<&str> = c
        .problems
        .iter()
        .filter(|p| p.line == 3)
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].contains("abstract is 10485760 bytes, over the limit of 1048576"));
    assert!(msgs[1].contains("1 cited reference(s) longer than 1048576 bytes"));
}

#[test]
fn reference_and_problem_caps() {
    let t = Temp::new("caps");
    // One record with 150,000 distinct references: the first 100,000 are kept (the
    // default cap), the rest reported. Then 5,000 garbage lines outside records: 1,000
    // problems listed, the other 4,000 counted.
    let mut text = format!("{HEAD}PT J\nTI Many references\n");
    for i in 0..150_000 {
        let tag = if i == 0 { "CR" } else { "  " };
        text.push_str(&format!("{tag} Author{i} A, 2001, J X, V1, P{i}\n"));
    }
    text.push_str("UT WOS:MANY\nER\n\n");
    for i in 0..5_000 {
        text.push_str(&format!("garbage {i}\n"));
    }
    text.push_str(GOOD);
    let f = t.file("caps.txt", text.as_bytes());
    let c = load_one(&f, &LoadOptions::default());
    assert_eq!(c.records.len(), 2);
    assert_eq!(c.records[0].refs.len(), 100_000);
    assert_eq!(c.problems.len(), 1_001);
    assert_eq!(c.problems[0].line, 0);
    assert!(
        c.problems[0]
            .message
            .contains("4001 more problem(s) not listed")
    );
    assert!(c.problems.iter().any(|p| {
        p.line == 3
            && p.message
                .contains("150000 cited references, over the limit of 100000")
    }));
}

/// Inputs on which a fuzz target failed (fuzz/README.md), kept as regression tests.
#[test]
fn fuzz_findings() {
    use cocite::model::cited_ref::normalize_doi;
    // item_keys, crash-e03110bd: a carriage return before the trailing comma stayed in
    // the DOI, so normalising was not idempotent and the key differed from the clean DOI.
    let raw = format!("DOI 10.{}0-4\r,", "G".repeat(62));
    let d = normalize_doi(&raw).unwrap();
    assert_eq!(d, format!("10.{}0-4", "g".repeat(62)));
    assert_eq!(normalize_doi(&d).as_deref(), Some(d.as_str()));
    // Found reading the code after that finding: lower-casing can shorten a DOI below
    // the minimum length ("10.\u{212A}" is 6 bytes, "10.k" 4).
    assert_eq!(normalize_doi("10.\u{212A}"), None);
    // item_keys, crash-e009de17: "ΐ" upper-cases to "Ι" + two combining marks, which
    // stayed in the journal key; the upper-case spelling then had another key.
    use cocite::network::items::journal_key;
    let k = journal_key("n%oc,,,,,\u{390}%oc,,,,,,n");
    assert_eq!(k, "N OC Ι OC N");
    assert_eq!(journal_key(&k), k);
    assert_eq!(journal_key("\u{390}"), journal_key("\u{399}\u{308}\u{301}"));
}
