//! The bad-input corpus (tests/bad_inputs/, described file by file in its README.md):
//! every file loads without a panic and gives either records plus problems that name
//! the file and the line, or an error that names the file; the good records of a file
//! are kept. Each file has its expected outcome in [`CASES`] (tests/bad_corpus/cases.rs),
//! worked out by hand from the file's content. Large inputs (giant lines, 10 MB fields, 150,000 references, 5,000
//! garbage lines) are generated into a temporary folder by the tests below instead of
//! being committed.

use cocite::io::{LoadError, LoadOptions, load, load_with};
use cocite::model::Corpus;
use std::path::{Path, PathBuf};

#[path = "bad_corpus/cases.rs"]
mod cases;
use cases::{CASES, Expect, Expect::*};

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
                    .any(|p| p.line == *line && p.message().contains(text))
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
                .any(|p| names_file(&p.file) && p.line == *line && p.message().contains(text));
            if hit {
                Ok(())
            } else {
                Err(format!(
                    "no problem at line {line} with {text:?}: {problems:?}"
                ))
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
fn other_formats_keep_the_right_values() {
    let one = |name: &str| load(&[dir().join(name)]).unwrap();
    let c = one("ris_bad_tag_lines.ris");
    assert_eq!(
        c.records[1].title.as_ref(),
        "Has junk",
        "stray lines not appended"
    );
    assert_eq!(c.records[1].year, Some(2019));
    // The RIS specification writes PY as YYYY/MM/DD/other: `2018///` is a year alone.
    let c = one("ris_bad_years.ris");
    let years: Vec<Option<i32>> = c.records.iter().map(|r| r.year).collect();
    assert_eq!(years, [None, None, Some(2018)]);
    assert!(c.problems.iter().all(|p| p.line != 24), "{:?}", c.problems);
    let c = one("ris_duplicate_tags.ris");
    assert_eq!(c.records[0].title.as_ref(), "First title");
    assert_eq!(c.records[0].year, Some(2018));
    let c = one("bibtex_duplicate_fields.bib");
    assert_eq!(c.records[0].title.as_ref(), "One");
    assert_eq!(c.records[0].year, Some(2018));
    // Read with `;` as the delimiter, the row has all its cells.
    let c = one("scopus_semicolon_delimiter.csv");
    let r = &c.records[0];
    assert_eq!(r.title.as_ref(), "A good Scopus record");
    assert_eq!(r.year, Some(2019));
    let authors: Vec<&str> = r.authors.iter().map(|&a| c.strings.get(a)).collect();
    assert_eq!(authors, ["Smith, J", "Lee, K"]);
    assert_eq!(r.doi.as_deref(), Some("10.1000/good"));
    assert_eq!(r.refs.len(), 1);
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    let c = one("scopus_wrong_column_count.csv");
    assert_eq!(c.records[1].title.as_ref(), "Too many cells");
    let c = one("openalex_truncated.json");
    assert_eq!(c.records[0].title.as_ref(), "A good OpenAlex work");
    assert_eq!(c.records[0].year, Some(2020));
    let c = one("openalex_wrong_types.json");
    assert_eq!(c.records[1].title.as_ref(), "");
    assert_eq!(c.records[1].year, None);
    assert_eq!(c.records[1].refs.len(), 0);
}

#[test]
fn the_whole_folder_loads_in_one_go() {
    let c = load(&[dir()]).unwrap();
    for (name, expect) in CASES {
        let file = c.files.iter().find(|f| f.path.ends_with(name));
        match expect {
            Kept(n, _) if *n > 0 => {
                assert!(file.is_some_and(|f| f.records > 0), "{name}")
            }
            Rejected(line, text) => assert!(
                c.problems.iter().any(|p| p.file.ends_with(name)
                    && p.line == *line
                    && p.message().contains(text)),
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
            .message()
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
            .message()
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
    assert_eq!(c.refs.get(r.refs[0]).key, "lee k|2002|v2|p2");
    let msgs: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.line == 3)
        .map(|p| p.message())
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
            .message()
            .contains("4001 more problem(s) not listed")
    );
    assert!(c.problems.iter().any(|p| {
        p.line == 3
            && p.message()
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
