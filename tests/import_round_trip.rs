//! Round trips: what cocite writes (node-link JSON, GraphML, GEXF, Pajek, VOSviewer
//! map/network files and VOSviewer JSON) cocite's importer reads back with the same
//! nodes, links, weights and clusters, on the hand-built four-node analysis of the
//! export tests and on a real network of the demo dataset. Node-link JSON is checked on
//! the parsed file to follow the networkx/d3 convention (links between node ids).

mod common;

use cocite::export;
use cocite::import::{self, Imported};
use cocite::network::{Network, NodeKind};
use cocite::pipeline::{self, Analysis, AnalysisParams};
use cocite::scene::SceneOptions;
use common::fixture;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Writes `a` as `name` in `dir` and reads it back.
fn round_trip(a: &Analysis, dir: &Path, name: &str) -> Imported {
    let path = dir.join(name);
    export::write(&path, a, None, &SceneOptions::default()).expect(name);
    import::read_network(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The links as (source label, target label, weight), sorted.
fn links(
    net: &Network,
    weight: impl Fn(&cocite::network::Link) -> f64,
) -> Vec<(String, String, f64)> {
    let mut v: Vec<(String, String, f64)> = net
        .links
        .iter()
        .map(|l| {
            let (s, t) = (
                &net.nodes[l.source as usize].label,
                &net.nodes[l.target as usize].label,
            );
            let (s, t) = if s <= t { (s, t) } else { (t, s) };
            (s.clone(), t.clone(), weight(l))
        })
        .collect();
    v.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    v
}

fn clusters(net: &Network) -> Vec<Option<u32>> {
    net.nodes.iter().map(|n| n.cluster).collect()
}

/// Formats that carry cocite's ids, counts, years and positions exactly.
#[test]
fn node_link_graphml_gexf_and_vos_json_keep_everything() {
    let a = fixture();
    let dir = temp_dir("exact");
    for name in ["n.json", "n.graphml", "n.gexf", "n.vos.json"] {
        let back = round_trip(&a, &dir, name);
        let (net, orig) = (&back.network, &a.network);
        assert_eq!(net.kind, NodeKind::Imported);
        assert_eq!(net.nodes.len(), orig.nodes.len(), "{name}");
        for (n, o) in net.nodes.iter().zip(&orig.nodes) {
            assert_eq!(n.id, o.id, "{name}: ids (cocite's keys)");
            assert_eq!(n.label, o.label, "{name}");
            assert_eq!(n.count, o.count, "{name}: {}", n.label);
            assert_eq!(n.year, o.year, "{name}: {}", n.label);
            assert_eq!(n.cluster, o.cluster, "{name}: {}", n.label);
            assert_eq!((n.x, n.y), (o.x, o.y), "{name}: {}", n.label);
        }
        // VOSviewer's link strength is the co-occurrence count, the others' weight is
        // the normalised strength.
        let weight = if name.ends_with("vos.json") {
            links(orig, |l| l.count)
        } else {
            links(orig, |l| l.weight)
        };
        assert_eq!(links(net, |l| l.weight), weight, "{name}");
        if !name.ends_with("vos.json") {
            assert_eq!(links(net, |l| l.count), links(orig, |l| l.count), "{name}");
            let years: Vec<i32> = net.links.iter().map(|l| l.first_year).collect();
            assert_eq!(years, [2001, 2002, 2003], "{name}");
        }
        assert!(!back.has_clusters(), "{name}: node 3 has no cluster");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Pajek and the VOSviewer text files carry labels, links and weights (and VOSviewer
/// clusters and counts); Pajek rescales positions into 0–1 and has no clusters.
#[test]
fn pajek_and_vosviewer_files_keep_links_weights_and_clusters() {
    let a = fixture();
    let dir = temp_dir("text");
    // Pajek and VOSviewer turn a `"` in a label into `'`.
    let quoted = |net: &Network| -> Network {
        let mut n = net.clone();
        for node in &mut n.nodes {
            node.label = node.label.replace('"', "'");
        }
        n
    };
    let orig = quoted(&a.network);
    let pajek = round_trip(&a, &dir, "n.net");
    assert_eq!(
        links(&pajek.network, |l| l.weight),
        links(&orig, |l| l.weight)
    );
    let ids: Vec<&str> = pajek.network.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4"], "Pajek ids are vertex numbers");
    // x: node 0 at 0 and node 2 at 10 span the layout (10 units): 0.05 and 0.95.
    let p0 = &pajek.network.nodes[0];
    // y: (0 − (−1.25)) / 10 · 0.9 + 0.05 = 0.1625 (node 1 has the lowest y, −1.25).
    assert_eq!((p0.x, p0.y), (Some(0.05), Some(0.1625)));
    assert_eq!(pajek.network.nodes[2].x, Some(0.95));

    let vos = round_trip(&a, &dir, "n.txt");
    assert_eq!(vos.files.len(), 2, "the map found its NAME.network.txt");
    let net = &vos.network;
    assert_eq!(links(net, |l| l.weight), links(&orig, |l| l.count));
    let labels: Vec<&str> = net.nodes.iter().map(|n| n.label.as_str()).collect();
    let want: Vec<&str> = orig.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, want, "quoted labels with commas and semicolons");
    assert_eq!(clusters(net), clusters(&orig));
    let counts: Vec<u32> = net.nodes.iter().map(|n| n.count).collect();
    assert_eq!(counts, [10, 4, 2, 1]);
    assert_eq!((net.nodes[1].x, net.nodes[1].y), (Some(3.5), Some(-1.25)));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The node-link file itself: networkx's keys, links between node ids (every source and
/// target is a node's id, never a position), cluster members named by id.
#[test]
fn node_link_json_follows_the_id_convention() {
    let a = fixture();
    let bytes = export::json::node_link(&a).expect("json");
    let j: Value = serde_json::from_slice(&bytes).expect("parses");
    assert_eq!(j["directed"], false);
    assert_eq!(j["multigraph"], false);
    assert_eq!(j["graph"]["kind"], "reference");
    let ids: Vec<&str> = j["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().expect("string id"))
        .collect();
    assert_eq!(ids, ["smith j 2001", "obrien k", "lee k", "lone"]);
    let ends: Vec<(&str, &str)> = j["links"]
        .as_array()
        .expect("links under \"links\"")
        .iter()
        .map(|l| {
            (
                l["source"].as_str().expect("id"),
                l["target"].as_str().expect("id"),
            )
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("smith j 2001", "obrien k"),
            ("smith j 2001", "lee k"),
            ("obrien k", "lee k")
        ]
    );
    assert_eq!(j["links"][2]["weight"], 1.0);
    assert_eq!(j["graph"]["clusters"][0]["top_members"][0], "smith j 2001");
    assert!(j.get("edges").is_none(), "links written once");
}

/// A real network (demo keywords, g-index selection, Pathfinder) through every data
/// format and back: the same nodes, links, weights and clusters.
#[test]
fn demo_network_survives_every_format() {
    let corpus = cocite::io::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo")])
        .expect("demo loads");
    let mut params = AnalysisParams::default();
    params.network.kind = NodeKind::Keyword;
    params.network.select = "g:10".parse().expect("rule");
    params.layout.iterations = 50;
    let a = pipeline::run(&corpus, &params).expect("runs");
    let orig = &a.network;
    assert!(
        orig.nodes.len() > 20 && orig.links.len() > 20,
        "a real network"
    );
    let unique: std::collections::BTreeSet<&str> =
        orig.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(unique.len(), orig.nodes.len(), "node ids are unique");
    let dir = temp_dir("demo");
    for name in [
        "d.json",
        "d.graphml",
        "d.gexf",
        "d.vos.json",
        "d.net",
        "d.txt",
    ] {
        let back = round_trip(&a, &dir, name);
        let net = &back.network;
        assert_eq!(net.nodes.len(), orig.nodes.len(), "{name}");
        assert_eq!(net.links.len(), orig.links.len(), "{name}");
        let raw_strength = name.ends_with("vos.json") || name.ends_with(".txt");
        let pairs = |n: &Network| -> Vec<(u32, u32)> {
            n.links.iter().map(|l| (l.source, l.target)).collect()
        };
        assert_eq!(pairs(net), pairs(orig), "{name}: nodes keep their order");
        for (l, o) in net.links.iter().zip(&orig.links) {
            let want = if raw_strength { o.count } else { o.weight };
            // Pajek writes the shortest round-trip float too.
            assert_eq!(l.weight, want, "{name}");
        }
        if !name.ends_with(".net") {
            assert_eq!(clusters(net), clusters(orig), "{name}");
            assert!(back.has_clusters() && back.has_positions(), "{name}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The VOSviewer JSON file against VOSviewer Online's file-type documentation
/// (app.vosviewer.com/docs/file-types/json-file-type): integer ids, clusters 1–1000,
/// non-negative weights, numeric scores, links between item ids with non-negative
/// strengths; the count weight first (the default size) and cocite's key kept.
#[test]
fn vosviewer_json_follows_the_documentation() {
    let a = fixture();
    let bytes = export::vosviewer_json::to_vos_json(&a).expect("writes");
    let text = String::from_utf8(bytes).expect("utf-8");
    let j: Value = serde_json::from_str(&text).expect("parses");
    let items = j["network"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 4);
    let ids: Vec<u64> = items
        .iter()
        .map(|i| i["id"].as_u64().expect("integer id"))
        .collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    for it in items {
        if let Some(c) = it.get("cluster") {
            assert!((1..=1000).contains(&c.as_u64().expect("integer cluster")));
        }
        for (_, w) in it["weights"].as_object().expect("weights") {
            assert!(w.as_f64().expect("number") >= 0.0);
        }
        for (_, s) in it["scores"].as_object().expect("scores") {
            assert!(s.is_number());
        }
    }
    // Item 1: Smith, cluster 0 → 1, 10 citations, 2 links of counts 3 and 1, its DOI.
    let smith = &items[0];
    assert_eq!(smith["key"], "smith j 2001");
    assert_eq!(smith["cluster"], 1);
    assert_eq!(smith["url"], "https://doi.org/10.1/a&b");
    assert_eq!(smith["weights"]["Citations"], 10.0);
    assert_eq!(smith["weights"]["Links"], 2.0);
    assert_eq!(smith["weights"]["Total link strength"], 4.0);
    // Average year: (2001·3 + 2002·7) / 10 = 2001.7.
    assert!((smith["scores"]["Avg. pub. year"].as_f64().expect("score") - 2001.7).abs() < 1e-9);
    assert_eq!(smith["scores"]["Burst strength"], 2.5);
    assert!(items[3].get("cluster").is_none(), "no cluster, no field");
    // Weights in order, the count first: "Citations" precedes "Links" in the text.
    let first = &text[text.find("\"weights\"").expect("weights")..];
    assert!(first.find("Citations") < first.find("Links"));
    for l in j["network"]["links"].as_array().expect("links") {
        for end in ["source_id", "target_id"] {
            assert!(ids.contains(&l[end].as_u64().expect("id")));
        }
        assert!(l["strength"].as_f64().expect("strength") >= 0.0);
    }
    assert_eq!(
        j["network"]["clusters"][1],
        serde_json::json!({"cluster": 2, "label": "beta"})
    );
    assert_eq!(j["config"]["terminology"]["items"], "Cited references");
}
