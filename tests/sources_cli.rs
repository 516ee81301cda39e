//! `cocite stats` on a mix of databases: records per source, cross-database merging
//! and references lined up across sources, in the text and JSON output.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn stats(args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_cocite"))
        .arg("stats")
        .args([
            root.join("assets/demo/valuecreation2_96_records.txt"),
            root.join("tests/data/sources/ris_databases.ris"),
        ])
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn stats_reports_sources_and_merging() {
    let j: Value = serde_json::from_str(&stats(&["--json"])).unwrap();
    // 96 WoS records + 6 RIS records, 4 of them the same papers (tests/sources_merge.rs).
    assert_eq!(j["records"], 98);
    assert_eq!(j["records_per_format"]["wos"], 96);
    assert_eq!(j["records_per_format"]["ris"], 6);
    assert_eq!(j["cross_duplicates"], 4);
    assert_eq!(j["duplicates"], 0);
    // Vargo 2004 and Prahalad 2004, cited in Scopus syntax by the last RIS record.
    assert_eq!(j["works_cited_across_sources"], 2);
    // The merged RIS records have no references: nothing to compare.
    assert_eq!(j["refs_compared_across_duplicates"], 0);
    let text = stats(&[]);
    assert!(text.contains("records per source: ris:6 wos:96"), "{text}");
    assert!(
        text.contains("merged across databases: 4 record(s)"),
        "{text}"
    );
}
