//! A `.cocite` session saved by an earlier cocite opens unchanged.
//!
//! `tests/data/sessions/v1_demo_keyword.cocite` was written by cocite 0.1.0 at commit
//! 595e7a9 (before the stages got their own parameter structs) with
//! `cocite network assets/demo --kind keyword --select top:20 --slice 2 --measure jaccard
//! --prune pathfinder --iterations 50 --seed 9 --no-centrality --labels tfidf
//! --out v1.cocite --json`; only its input path was made relative to the file so that it
//! opens from any checkout. The `--json` summary of that run, without timings, is
//! `v1_demo_keyword.summary.json`.

use cocite::pipeline::{ClusterMethod, LabelMethod, LayoutMethod};
use cocite::session;
use std::path::Path;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sessions")
}

#[test]
fn a_version_1_session_keeps_its_parameters() {
    let s = session::read(&dir().join("v1_demo_keyword.cocite")).expect("reads");
    assert_eq!(s.version, 1);
    let p = &s.params;
    assert_eq!(p.network.kind.name(), "keyword");
    assert_eq!(
        (p.network.from, p.network.to, p.network.slice),
        (None, None, 2)
    );
    assert_eq!(p.network.select, "top:20".parse().expect("rule"));
    assert_eq!(p.network.measure, "jaccard".parse().expect("measure"));
    assert_eq!(p.network.counting, "full".parse().expect("counting"));
    assert_eq!(p.network.prune, "pathfinder".parse().expect("prune"));
    assert!(!p.network.prune_slices && p.network.prune_merged && p.network.thesaurus.is_empty());
    assert_eq!(p.analysis.cluster, ClusterMethod::Leiden);
    assert!(!p.analysis.centrality);
    assert_eq!((p.analysis.resolution, p.analysis.seed), (1.0, 9));
    assert_eq!(p.analysis.labels, LabelMethod::Tfidf);
    assert_eq!(p.layout.method, LayoutMethod::Fa2);
    assert_eq!(p.layout.iterations, 50);
    assert!(p.layout.prevent_overlap);
    // Version 1 had no link reduction: the session opens with it off.
    let n = &p.network;
    assert_eq!((n.lrf, n.links_per_node, n.look_back), (None, None, None));
}

#[test]
fn a_version_1_session_reopens_the_same_map() {
    let path = dir().join("v1_demo_keyword.cocite");
    let opened = session::open(&path).expect("opens");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    let a = &opened.analysis;
    let want: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("v1_demo_keyword.summary.json")).expect("summary"),
    )
    .expect("json");
    assert_eq!(
        a.network.nodes.len() as u64,
        want["nodes"].as_u64().expect("nodes")
    );
    assert_eq!(
        a.network.links.len() as u64,
        want["edges"].as_u64().expect("edges")
    );
    assert_eq!(a.modularity, want["modularity"].as_f64());
    assert_eq!(a.mean_silhouette, want["mean_silhouette"].as_f64());
    let labels: Vec<&str> = want["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .map(|c| c["label"].as_str().expect("label"))
        .collect();
    let got: Vec<&str> = a.clusters.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(got, labels);
    // Every node is back where the session saved it.
    assert_eq!(opened.session.positions.len(), a.network.nodes.len());
    for n in &a.network.nodes {
        let [x, y] = opened.session.positions[&n.id];
        assert_eq!((n.x, n.y), (Some(x), Some(y)), "{}", n.id);
    }
}
