//! The same records in Web of Science and Scopus form, loaded together: cross-database
//! duplicates are merged and the cited references of the two versions get the same
//! keys.
//!
//! The Scopus form is written by this test from real WoS records
//! (assets/demo/valuecreation2_96_records.txt, the same file as
//! ../shared/data/bibliometrix-repo/valuecreation2_96_records.txt): no Scopus export
//! of the same papers exists in ../shared. Each WoS record becomes a Scopus CSV row the
//! way Scopus writes it: authors `Vargo S.L.`, no DOI on every other record (so those
//! merge by title + year + first author), and each `CR` line becomes a Scopus reference
//! **without its DOI** (Scopus reference strings carry none), alternately in the
//! pre-2023 syntax `Vargo, S.L., Title (2004) J MARKETING, 68, p. 1` and the current one
//! `Vargo S.L., Title, J MARKETING, 68, p. 1, (2004)`. The source names stay WoS's
//! (matching full titles to WoS abbreviations is tested in `cited_ref`'s unit tests).
//! References with a DOI in WoS thus get the same key in Scopus form only through
//! [`cocite::model::Corpus::reconcile_refs`], as in a real merge.

use cocite::io::{load, wos};
use cocite::model::{CitedRef, ParsedRecord};
use std::path::{Path, PathBuf};

/// The demo WoS file (96 real records, in the repository).
fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/valuecreation2_96_records.txt")
}

/// `Vargo SL` / `Ahrne G.` → (`Vargo`, `S.L.`).
fn surname_initials(a: &str) -> (String, String) {
    match a.trim().rsplit_once(' ') {
        Some((sur, ini)) => {
            // "SL" → "S.L."; a full given name ("Bourdieu Pierre") → "P.".
            let letters: Vec<char> = if ini.chars().any(char::is_lowercase) {
                ini.split([' ', '.', '-'])
                    .filter_map(|w| w.chars().next())
                    .collect()
            } else {
                ini.chars().filter(|c| c.is_alphabetic()).collect()
            };
            let dotted: String = letters.iter().map(|c| format!("{c}.")).collect();
            (sur.trim_end_matches(',').to_string(), dotted)
        }
        None => (a.to_string(), String::new()),
    }
}

/// A WoS cited reference in one of the two Scopus syntaxes.
fn scopus_reference(r: &CitedRef, new_syntax: bool) -> String {
    let (sur, ini) = surname_initials(r.author());
    let mut tail = String::new();
    if let Some(v) = r.volume() {
        tail.push_str(&format!(", {v}"));
    }
    if let Some(p) = r.page() {
        tail.push_str(&format!(", p. {p}"));
    }
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    if new_syntax {
        format!("{sur} {ini}, A cited work, {}{tail}, ({year})", r.source())
    } else {
        format!("{sur}, {ini}, A cited work ({year}) {}{tail}", r.source())
    }
}

/// One Scopus CSV row for a WoS record.
fn scopus_row(i: usize, r: &ParsedRecord) -> Vec<String> {
    let authors: Vec<String> = r
        .authors
        .iter()
        .map(|a| {
            let (sur, ini) = surname_initials(&a.replace(',', ""));
            format!("{sur} {ini}")
        })
        .collect();
    let (ps, pe) = match r.pages.as_deref().and_then(|p| p.split_once('-')) {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (r.pages.clone().unwrap_or_default(), String::new()),
    };
    let refs: Vec<String> = r
        .cited_refs
        .iter()
        .enumerate()
        .map(|(k, c)| scopus_reference(c, (i + k).is_multiple_of(2)))
        .collect();
    vec![
        authors.join("; "),
        r.title.clone(),
        r.year.map(|y| y.to_string()).unwrap_or_default(),
        r.source.clone().unwrap_or_default(),
        r.volume.clone().unwrap_or_default(),
        ps,
        pe,
        if i.is_multiple_of(2) {
            r.doi.clone().unwrap_or_default()
        } else {
            String::new()
        },
        refs.join("; "),
        "Article".into(),
        format!("2-s2.0-{}", 1000 + i),
    ]
}

#[test]
fn wos_and_scopus_forms_merge_and_references_line_up() {
    let wos_path = demo();
    let bytes = std::fs::read(&wos_path).unwrap();
    let parsed = wos::parse_block(&bytes, 1);
    assert_eq!(parsed.records.len(), 96);
    // The first 48 records again, in Scopus form.
    let dir = std::env::temp_dir().join(format!("cocite-sources-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv_path = dir.join("scopus.csv");
    let mut w = csv::Writer::from_path(&csv_path).unwrap();
    w.write_record([
        "Authors",
        "Title",
        "Year",
        "Source title",
        "Volume",
        "Page start",
        "Page end",
        "DOI",
        "References",
        "Document Type",
        "EID",
    ])
    .unwrap();
    for (i, r) in parsed.records.iter().take(48).enumerate() {
        w.write_record(scopus_row(i, r)).unwrap();
    }
    w.flush().unwrap();
    drop(w);

    let c = load(&[wos_path, csv_path]).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(c.files[1].format, "scopus");
    assert_eq!(c.files[1].records, 48);
    // After merging: the 96 unique records; the 48 Scopus rows merged, 24 of them
    // without DOI (by title + year + first author).
    assert_eq!(c.records.len(), 96);
    assert_eq!(c.cross_duplicates, 48);
    assert_eq!(c.duplicates, 0);
    let (matched, compared) = c.ref_agreement();
    let cr_lines: usize = parsed
        .records
        .iter()
        .take(48)
        .map(|r| r.cited_refs.len())
        .sum();
    assert!(compared > 0 && compared <= cr_lines);
    let share = matched as f64 / compared as f64;
    eprintln!(
        "references with the same key in both forms: {matched} of {compared} ({:.1}%)",
        share * 100.0
    );
    assert!(share >= 0.9, "{matched} of {compared}");
    // Merged records keep one reference list (the longer), never both: the citations
    // are the WoS file's alone, plus at most the references that got different keys
    // in a Scopus list that replaced a WoS one (a union would add ~all unmatched ones).
    let alone = load(&[demo()]).unwrap();
    let extra = c.citations() - alone.citations();
    assert!(extra <= (compared - matched) / 10, "{extra}");
}

/// Hand-made RIS records in the shapes EBSCO, ProQuest, ScienceDirect, Zotero, Emerald
/// and Scopus write (tests/data/sources/ris_databases.ris), four of them papers of the
/// WoS file, loaded with it.
#[test]
fn ris_of_several_databases_merge_with_wos() {
    let wos_path = demo();
    let ris = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/ris_databases.ris");
    let c = load(&[wos_path, ris]).unwrap();
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.files[1].format, "ris");
    assert_eq!(c.files[1].records, 6);
    // EBSCO, ScienceDirect and Zotero records merge by DOI, ProQuest's (no DOI) by
    // title + year + first author; the Emerald and Scopus records are new.
    assert_eq!(c.cross_duplicates, 4);
    assert_eq!(c.records.len(), 98);
    // The EBSCO version completed nothing the WoS record had, but its UID stays WoS's.
    assert_eq!(c.records[0].uid.as_deref(), Some("WOS:000367476700005"));
    // The Scopus-syntax references of the last record line up with WoS's DOI keys
    // (after reconcile_refs): Vargo 2004 is cited 4 times in the WoS file, Prahalad
    // 2004 once (grep), each once more here.
    let counts = c.citation_counts();
    let vargo = c.refs.lookup("doi:10.1509/jmkg.68.1.1.24036").unwrap();
    let prahalad = c.refs.lookup("doi:10.1002/dir.20015").unwrap();
    assert_eq!(counts[vargo as usize], 5);
    assert_eq!(counts[prahalad as usize], 2);
    assert_eq!(c.works_cited_across_sources(), 2);
}
