//! `cocite map`: networks made elsewhere through the pipeline, by the real binary.
//! Zachary's karate club (tests/data/networks/karate.graphml, 34 members and 78
//! friendships, the edge list of networkx's `karate_club_graph`) and a VOSviewer
//! map/network pair (12 items, 25 links) are counted against their files here, not
//! against cocite's own reading of them.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/networks")
        .join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-map-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Runs cocite; returns (exit code, stdout, stderr).
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

fn json(args: &[&str]) -> Value {
    let (code, out, err) = cocite(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("JSON summary")
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

#[test]
fn karate_club_is_mapped_with_its_communities() {
    let text = std::fs::read_to_string(data("karate.graphml")).expect("fixture");
    // Counted in the file: one <node> per member, one <edge> per friendship.
    assert_eq!(text.matches("<node ").count(), 34);
    assert_eq!(text.matches("<edge ").count(), 78);
    let dir = temp_dir("karate");
    let svg = dir.join("karate.svg");
    let j = json(&[
        "map",
        data("karate.graphml").to_str().expect("utf-8"),
        "--json",
        "--out",
        svg.to_str().expect("utf-8"),
    ]);
    assert_eq!(j["nodes"], 34);
    assert_eq!(j["edges"], 78);
    // The optimum is Q = 0.4198 (4 communities, igraph's exact optimum); Leiden and
    // Louvain find at least 0.38 (networkx louvain over 200 seeds: 0.3854–0.4198).
    let q = j["modularity"].as_f64().expect("Q");
    assert!(q >= 0.38, "Q = {q}");
    let clusters = j["clusters"].as_array().expect("clusters");
    assert!(
        (3..=5).contains(&clusters.len()),
        "{} clusters",
        clusters.len()
    );
    let sizes: u64 = clusters
        .iter()
        .map(|c| c["size"].as_u64().expect("size"))
        .sum();
    assert_eq!(sizes, 34);
    assert_eq!(j["params"]["kind"], "imported");
    assert_eq!(j["records"], 0);
    // Counts are degrees (no weights in the file): member 34 has 17 friends, member 1 16.
    assert_eq!(j["top_nodes"][0]["label"], "34");
    assert_eq!(j["top_nodes"][0]["count"], 17);
    assert_eq!(j["top_nodes"][1]["count"], 16);
    let figure = std::fs::read_to_string(&svg).expect("figure written");
    assert!(figure.starts_with("<svg") || figure.starts_with("<?xml"));
    assert!(
        figure.contains("karate.graphml (GraphML)"),
        "titled by the file"
    );
    assert!(figure.contains("34 nodes, 78 links"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn map_summary_has_the_shape_of_network_summary() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let net = json(&[
        "network",
        demo.to_str().expect("utf-8"),
        "--kind",
        "keyword",
        "--iterations",
        "20",
        "--json",
    ]);
    let map = json(&[
        "map",
        data("karate.graphml").to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(keys(&map), keys(&net));
    assert!(keys(&map).contains("modularity"));
    assert_eq!(keys(&map["params"]), keys(&net["params"]));
}

#[test]
fn vosviewer_pair_gives_the_counts_of_its_files() {
    let (map, net) = (
        data("vos_keywords_map.txt"),
        data("vos_keywords_network.txt"),
    );
    let items = std::fs::read_to_string(&map).expect("map").lines().count() - 1;
    let pairs: BTreeSet<(String, String)> = std::fs::read_to_string(&net)
        .expect("network")
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let (a, b) = (f[0].to_string(), f[1].to_string());
            if a < b { (a, b) } else { (b, a) }
        })
        .collect();
    assert_eq!((items, pairs.len()), (12, 25));
    // Either order of the two files.
    for args in [[&map, &net], [&net, &map]] {
        let j = json(&[
            "map",
            args[0].to_str().expect("utf-8"),
            args[1].to_str().expect("utf-8"),
            "--json",
        ]);
        assert_eq!(j["nodes"], items);
        assert_eq!(j["edges"], pairs.len());
        // The file's three clusters are kept, and its occurrences are the counts.
        assert_eq!(j["clusters"].as_array().expect("clusters").len(), 3);
        assert_eq!(j["top_nodes"][0]["label"], "bibliometrics");
        assert_eq!(j["top_nodes"][0]["count"], 14);
        assert!(
            j["layout_energy"].is_null(),
            "the file's positions are kept"
        );
    }
    // A map file finds NAME.network.txt beside it; --cluster and --layout recompute.
    let dir = temp_dir("vos");
    std::fs::copy(&map, dir.join("kw.txt")).expect("copy");
    std::fs::copy(&net, dir.join("kw.network.txt")).expect("copy");
    let j = json(&[
        "map",
        dir.join("kw.txt").to_str().expect("utf-8"),
        "--cluster",
        "louvain",
        "--layout",
        "fa2",
        "--json",
    ]);
    assert_eq!(j["edges"], 25);
    assert!(j["layout_energy"].is_number(), "laid out again");
    assert_eq!(j["params"]["cluster"], "louvain");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_network_written_by_cocite_network_maps_back() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let dir = temp_dir("back");
    let outs: Vec<PathBuf> = [
        "n.graphml",
        "n.gexf",
        "n.json",
        "n.vos.json",
        "n.net",
        "n.txt",
    ]
    .iter()
    .map(|n| dir.join(n))
    .collect();
    let mut args = vec![
        "network".to_string(),
        demo.to_string_lossy().into_owned(),
        "--kind".into(),
        "keyword".into(),
        "--iterations".into(),
        "20".into(),
        "--json".into(),
    ];
    for o in &outs {
        args.push("--out".into());
        args.push(o.to_string_lossy().into_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let net = json(&args);
    for o in &outs {
        let map = json(&["map", o.to_str().expect("utf-8"), "--json"]);
        assert_eq!(map["nodes"], net["nodes"], "{}", o.display());
        assert_eq!(map["edges"], net["edges"], "{}", o.display());
        // These keep cocite's link weights and clusters: the same partition of the same
        // graph has the same Q. (VOSviewer files hold raw counts; Pajek no clusters.)
        let name = o.file_name().expect("name").to_string_lossy();
        if ["n.graphml", "n.gexf", "n.json"].contains(&name.as_ref()) {
            let (a, b) = (
                map["modularity"].as_f64().expect("Q"),
                net["modularity"].as_f64().expect("Q"),
            );
            assert!((a - b).abs() < 1e-12, "{name}: {a} vs {b}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_inputs_and_outputs_fail_clearly() {
    let (code, _, err) = cocite(&[
        "map",
        data("bad/dangling_edge.graphml").to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("dangling_edge.graphml:8: link to an unknown node \"c\""),
        "{err}"
    );
    let (code, _, err) = cocite(&[
        "map",
        data("karate.graphml").to_str().expect("utf-8"),
        "--out",
        "x.cocite",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("x.cocite") && err.contains(".analysis.json"),
        "{err}"
    );
    let (code, _, err) = cocite(&["map", data("bad/wos_record.txt").to_str().expect("utf-8")]);
    assert_eq!(code, 1);
    assert!(
        err.contains("not a network file") && err.contains("cocite network"),
        "{err}"
    );
}
