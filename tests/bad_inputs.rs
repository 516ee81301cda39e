//! Hand-made bad files (tests/data/bad): none panics; each gives a clear problem with
//! file and line, or a clear error, and the good records of the same file are kept.
//! A load of all of them together still loads the good ones.

use cocite::io::{LoadError, LoadOptions, load, load_with};
use cocite::model::Corpus;
use std::path::{Path, PathBuf};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bad")
        .join(name)
}

/// Loads one file that has good records.
fn ok(name: &str) -> Corpus {
    load(&[bad(name)]).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Loads one file that has nothing usable; returns its problems' (line, message).
fn nothing(name: &str) -> Vec<(u64, String)> {
    match load(&[bad(name)]) {
        Err(LoadError::NothingLoaded { problems, .. }) => {
            assert!(
                problems.iter().all(|p| p.file.ends_with(name)),
                "{name}: {problems:?}"
            );
            problems
                .into_iter()
                .map(|p| (p.line, p.message()))
                .collect()
        }
        other => panic!("{name}: expected NothingLoaded, got {other:?}"),
    }
}

fn problem(c: &Corpus, line: u64, text: &str) {
    assert!(
        c.problems
            .iter()
            .any(|p| p.line == line && p.message().contains(text)),
        "expected problem at line {line} containing {text:?}, got {:?}",
        c.problems
    );
}

#[test]
fn not_a_supported_format() {
    assert_eq!(nothing("empty.txt"), vec![(0, "empty file".to_string())]);
    for f in ["blank_lines.txt", "not_wos.csv"] {
        let p = nothing(f);
        assert!(p[0].1.starts_with("not a supported format"), "{f}: {p:?}");
    }
    assert!(nothing("binary.txt")[0].1.contains("binary data"));
    assert!(nothing("not_wos.csv")[0].1.contains("Authors,Title,Year"));
    // RIS is read since the readers of other databases (detected by content).
    let ris = ok("ris_with_txt_ext.txt");
    assert_eq!(ris.files[0].format, "ris");
    assert_eq!(ris.records[0].title.as_ref(), "A RIS record");
}

#[test]
fn truncated_last_record_is_kept_and_reported() {
    let c = ok("truncated.txt");
    assert_eq!(c.records.len(), 2);
    // The cut record starts at line 12 (2 header lines, 8 lines of the first record, a blank).
    problem(&c, 12, "not closed by ER");
    assert_eq!(c.records[1].title.as_ref(), "Cut off");
    assert_eq!(c.records[1].refs.len(), 1);
}

#[test]
fn missing_ef_crlf_and_bom_are_fine() {
    let c = ok("missing_ef.txt");
    assert_eq!(c.records.len(), 2);
    assert!(c.problems.is_empty());
    let c = ok("crlf_bom.txt");
    assert_eq!(c.records.len(), 2);
    assert!(c.problems.is_empty());
    assert_eq!(c.records[0].refs.len(), 2);
    assert_eq!(c.records[0].title.as_ref(), "A title");
}

#[test]
fn latin1_is_decoded_and_reported() {
    let c = ok("latin1.txt");
    assert_eq!(c.strings.get(c.records[0].authors[0]), "Müller, K");
    assert_eq!(c.records[0].title.as_ref(), "Café society");
    problem(&c, 4, "not valid UTF-8");
}

#[test]
fn malformed_record_is_skipped_others_kept() {
    let c = ok("garbage_line.txt");
    let uids: Vec<&str> = c.records.iter().filter_map(|r| r.uid.as_deref()).collect();
    assert_eq!(uids, ["WOS:1", "WOS:3"]);
    problem(&c, 12, "record skipped: line 15 is not a field tag");
}

#[test]
fn fields_outside_records() {
    let c = ok("fields_before_pt.txt");
    assert_eq!(c.records.len(), 1);
    problem(&c, 3, "outside a record");
    let c = ok("er_without_record.txt");
    assert_eq!(c.records.len(), 1);
    problem(&c, 3, "ER without a record");
}

#[test]
fn implausible_years_and_counts() {
    let c = ok("bad_years.txt");
    assert_eq!(c.records.len(), 3);
    assert_eq!(c.records[0].year, None);
    assert_eq!(c.records[1].year, None);
    assert_eq!(c.records[2].year, Some(2010));
    problem(&c, 3, "PY is not a plausible year: \"0\"");
    problem(&c, 12, "PY is not a plausible year: \"99999\"");
    let c = ok("tc_not_number.txt");
    assert_eq!(c.records[0].times_cited, None);
    problem(&c, 3, "TC is not a number");
}

#[test]
fn references_without_year() {
    let c = ok("refs_without_year.txt");
    let r = &c.records[0];
    assert_eq!(r.refs.len(), 3);
    let w = c.refs.get(r.refs[0]);
    assert_eq!(w.year, None);
    assert_eq!(w.key, "vargo s||v68|p1");
    assert!(c.problems.is_empty());
}

#[test]
fn nul_bytes_skip_only_their_record() {
    let c = ok("nul_in_record.txt");
    let uids: Vec<&str> = c.records.iter().filter_map(|r| r.uid.as_deref()).collect();
    assert_eq!(uids, ["WOS:1", "WOS:3"]);
    problem(&c, 12, "binary data (NUL byte) at line 14");
}

#[test]
fn duplicate_tags_are_joined() {
    // A repeated TI continues the title; a repeated PY makes the year unreadable.
    let c = ok("duplicate_tags.txt");
    assert_eq!(c.records[0].title.as_ref(), "First part second part");
    assert_eq!(c.records[0].year, None);
    problem(&c, 3, "PY is not a plausible year: \"2010 2011\"");
}

#[test]
fn tab_delimited_problems() {
    let c = ok("tab_extra_cells.txt");
    assert_eq!(c.records.len(), 3);
    problem(&c, 3, "row has 8 cells, the header 6");
    assert_eq!(c.records[0].refs.len(), 1);
    let c = ok("tab_utf16_odd.txt");
    assert_eq!(c.records.len(), 1);
    assert_eq!(c.records[0].title.as_ref(), "UTF-16 row");
    problem(&c, 0, "invalid UTF-16");
}

#[test]
fn giant_line_and_many_files() {
    // A 10 MB title on one line, generated here, is cut to LoadOptions::max_field_bytes
    // (1 MiB) and reported; the good record after it is kept.
    let dir = std::env::temp_dir().join(format!("cocite-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = "x".repeat(10 << 20);
    let text = format!(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI {big}\nUT WOS:1\nER\n\nPT J\nTI small\nUT WOS:2\nER\n\nEF\n"
    );
    let f = dir.join("giant.txt");
    std::fs::write(&f, text).unwrap();
    // Small blocks force the reader to grow a block around the giant record.
    let opts = LoadOptions {
        block_bytes: 1 << 20,
        ..Default::default()
    };
    let (c, _) = load_with(std::slice::from_ref(&f), &opts, &|_| {}).unwrap();
    assert_eq!(c.records.len(), 2);
    assert_eq!(c.records[0].title.len(), 1 << 20);
    assert!(c.problems[0].message().contains("title is 10485760 bytes"));
    assert_eq!(c.problems[0].line, 3);
    // A file over the size limit is skipped with a clear message; the others load.
    let opts = LoadOptions {
        max_file_bytes: 1 << 20,
        ..Default::default()
    };
    let small = bad("missing_ef.txt");
    let (c, _) = load_with(&[f, small], &opts, &|_| {}).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(c.records.len(), 2);
    assert!(c.problems[0].message().contains("over the limit"));
}

#[test]
fn loading_the_whole_folder_keeps_the_good_records() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let c = load(&[dir]).unwrap();
    // Every file with records contributes (2+2+2+1+2+1+3+1+2+1+1+3+1+1 = 23 records,
    // most sharing the UTs WOS:1..3, and the RIS record); files of no supported
    // format are problems.
    assert_eq!(c.records.len() + c.duplicates, 24);
    assert_eq!(c.records.len(), 5);
    for f in ["empty.txt", "binary.txt", "not_wos.csv", "blank_lines.txt"] {
        assert!(
            c.problems
                .iter()
                .any(|p| p.file.ends_with(f) && p.line == 0),
            "{f}"
        );
    }
    // Duplicate UTs across files (WOS:1 appears in many) are counted, not loaded twice.
    assert!(c.duplicates > 0);
}
