//! The `cocite` binary: `stats` and `network` on real files, JSON keys, exit codes and
//! error messages. Counts are compared with counts made here from the raw text.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn cocite(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cocite"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/valuecreation2_96_records.txt")
}

/// `ER` lines and `CR` field lines, counted from the text like `grep -c`.
fn grep_counts(path: &Path) -> (u64, u64) {
    let text = std::fs::read_to_string(path).unwrap();
    let er = text.lines().filter(|l| *l == "ER").count() as u64;
    let mut cr = 0;
    let mut in_cr = false;
    for l in text.lines() {
        if l.starts_with("CR ") {
            in_cr = true;
            cr += 1;
        } else if in_cr && l.starts_with("   ") {
            cr += 1;
        } else {
            in_cr = false;
        }
    }
    (er, cr)
}

fn check_stats(path: &Path) {
    let p = path.to_str().unwrap();
    let (code, out, err) = cocite(&["stats", p, "--json"]);
    assert_eq!(code, 0, "{err}");
    let j: Value = serde_json::from_str(&out).unwrap();
    let (er, cr) = grep_counts(path);
    assert_eq!(j["records"], er);
    assert_eq!(j["cited_refs_total"], cr);
    for key in [
        "files",
        "years",
        "per_year",
        "cited_refs_unique",
        "authors_unique",
        "sources_unique",
        "top_cited",
        "problems",
        "timings_ms",
    ] {
        assert!(j.get(key).is_some(), "missing {key}");
    }
    let per_year_sum: u64 = j["per_year"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(per_year_sum, er);
}

#[test]
fn stats_on_demo_matches_grep() {
    check_stats(&demo());
    let (_, out, _) = cocite(&["stats", demo().to_str().unwrap(), "--json"]);
    let j: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["years"]["min"], 1992);
    assert_eq!(j["years"]["max"], 2015);
    // Barney 1991 is cited by 29 of the 96 records (grep -c "BARNEY J, 1991, J MANAGE, V17, P99").
    assert_eq!(
        j["top_cited"][0]["label"],
        "BARNEY J, 1991, J MANAGE, V17, P99"
    );
    assert_eq!(j["top_cited"][0]["count"], 29);
    let text = std::fs::read_to_string(demo()).unwrap();
    assert_eq!(
        text.matches("BARNEY J, 1991, J MANAGE, V17, P99").count(),
        29
    );
}

#[test]
fn stats_on_shared_wos_sets_match_grep() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !data.exists() {
        eprintln!("note: ../shared/data not found; test skipped");
        return;
    }
    for f in [
        "citespace-homework-bci/savedrecs (1).txt",
        "metaknowledge-tests/ManyAuthors.isi",
        "phenomenology-wos/citations1.txt",
    ] {
        check_stats(&data.join(f));
    }
}

#[test]
fn stats_text_and_failures() {
    let (code, out, _) = cocite(&["stats", demo().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("records:            96 from 1 file(s)"),
        "{out}"
    );
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad/not_wos.csv");
    let (code, _, err) = cocite(&["stats", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("not_wos.csv:0: not a supported format"),
        "{err}"
    );
    let (code, _, err) = cocite(&["stats", "/nonexistent/file.txt"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("/nonexistent/file.txt:0: cannot read"),
        "{err}"
    );
    // No arguments: usage (until the app exists) and success.
    let (code, out, _) = cocite(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("stats") && out.contains("network"));
}

#[test]
fn network_json_keys() {
    let (code, out, err) = cocite(&[
        "network",
        demo().to_str().unwrap(),
        "--kind",
        "reference",
        "--select",
        "top:50",
        "--lrf",
        "-1",
        "--links-per-node",
        "-1",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let j: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["criteria"], "Top N=50, LRF=-1, L/N=-1, LBY=-1");
    assert_eq!(j["nodes"], 605);
    assert_eq!(j["edges"], 9392);
    assert_eq!(j["slices"].as_array().unwrap().len(), 24);
    let s0 = &j["slices"][0];
    assert_eq!(
        (
            s0["from"].as_i64(),
            s0["to"].as_i64(),
            s0["records"].as_i64(),
            s0["selected"].as_i64()
        ),
        (Some(1992), Some(1992), Some(1), Some(19))
    );
    assert_eq!(
        j["top_nodes"][0]["label"],
        "BARNEY J, 1991, J MANAGE, V17, P99"
    );
    assert_eq!(j["top_nodes"][0]["count"], 29);
    for key in [
        "timings_ms",
        "params",
        "modularity",
        "mean_silhouette",
        "clusters",
    ] {
        assert!(j.get(key).is_some(), "missing {key}");
    }
    assert_eq!(j["params"]["select"]["rule"], "top");
}

#[test]
fn network_out_file_is_node_link_json() {
    let dir = std::env::temp_dir().join(format!("cocite-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("net.json");
    let (code, _, err) = cocite(&[
        "network",
        demo().to_str().unwrap(),
        "--kind",
        "keyword",
        "--slice",
        "5",
        "--select",
        "g:25",
        "--prune",
        "pathfinder",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let nodes = j["nodes"].as_array().unwrap();
    let links = j["links"].as_array().unwrap();
    assert!(!nodes.is_empty() && !links.is_empty());
    for n in nodes {
        for k in [
            "id",
            "label",
            "count",
            "per_year",
            "cluster",
            "betweenness",
            "burst",
            "sigma",
            "x",
            "y",
        ] {
            assert!(n.get(k).is_some(), "node lacks {k}: {n}");
        }
        let per_year_sum: u64 = n["per_year"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(per_year_sum, n["count"].as_u64().unwrap());
    }
    // networkx/d3 convention: links name node ids.
    let ids: std::collections::BTreeSet<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), nodes.len(), "unique ids");
    for l in links {
        for k in ["source", "target", "weight", "first_year"] {
            assert!(l.get(k).is_some(), "link lacks {k}");
        }
        for end in ["source", "target"] {
            assert!(
                ids.contains(l[end].as_str().unwrap()),
                "{end} is a node id: {l}"
            );
        }
    }
    assert_eq!(j["directed"], false);
    assert_eq!(j["graph"]["params"]["prune"], "pathfinder");
}

#[test]
fn bad_parameters_get_clear_errors() {
    let d = demo();
    let d = d.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--from", "2010", "--to", "2000"],
            "--from 2010 is after --to 2000",
        ),
        (&["--measure", "euclid"], "unknown measure \"euclid\""),
        (&["--select", "g:-1"], "g:k needs a scale factor k > 0"),
        (&["--kind", "papers"], "unknown node kind \"papers\""),
        (&["--out", "x.docx"], "unsupported output format"),
    ];
    for (extra, msg) in cases {
        let mut args = vec!["network", d];
        args.extend_from_slice(extra);
        let (code, _, err) = cocite(&args);
        assert_eq!(code, 2, "{extra:?}");
        assert!(err.contains(msg), "{extra:?}: {err}");
    }
}
