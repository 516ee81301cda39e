//! Reference co-citation on real and generated data, checked against a naive counter
//! written here independently of the library (string keys, BTreeMaps, per-slice
//! selection by sorting): node selection, node counts and every link count must agree.

use cocite::io::load;
use cocite::model::Corpus;
use cocite::network::{Measure, NodeKind, Selection};
use cocite::pipeline::{AnalysisParams, ClusterMethod, LayoutMethod, run};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
#[path = "common/shared.rs"]
mod shared_dir;
use shared_dir::shared;

fn params(slice: u32, top: usize) -> AnalysisParams {
    AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            kind: NodeKind::Reference,
            slice,
            select: Selection::Top { n: top },
            measure: Measure::Raw,
            // The naive counter counts every co-occurrence: no link reduction.
            lrf: None,
            links_per_node: None,
            ..Default::default()
        },
        analysis: cocite::pipeline::AnalysisOptions {
            cluster: ClusterMethod::None,
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            method: LayoutMethod::None,
            ..Default::default()
        },
    }
}

/// Naive CiteSpace slicing: per slice, citation counts of keys among the slice's
/// records, the top N by (count desc, key asc), co-citations among them in the slice;
/// merged: union of nodes, link counts summed over slices.
fn naive(
    c: &Corpus,
    slice: i32,
    top: usize,
) -> (BTreeSet<String>, BTreeMap<(String, String), f64>) {
    let (from, to) = c.year_range().unwrap();
    let mut nodes = BTreeSet::new();
    let mut links: BTreeMap<(String, String), f64> = BTreeMap::new();
    let mut start = from;
    while start <= to {
        let end = (start + slice - 1).min(to);
        let recs: Vec<BTreeSet<String>> = c
            .records
            .iter()
            .filter(|r| r.year.is_some_and(|y| y >= start && y <= end))
            .map(|r| {
                r.refs
                    .iter()
                    .map(|&id| c.refs.get(id).key.to_string())
                    .collect()
            })
            .collect();
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for r in &recs {
            for k in r {
                *counts.entry(k).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, u32)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let kept: BTreeSet<&str> = ranked.iter().take(top).map(|x| x.0).collect();
        for r in &recs {
            let ks: Vec<&String> = r.iter().filter(|k| kept.contains(k.as_str())).collect();
            for i in 0..ks.len() {
                for j in i + 1..ks.len() {
                    *links.entry((ks[i].clone(), ks[j].clone())).or_default() += 1.0;
                }
            }
        }
        nodes.extend(kept.iter().map(|s| s.to_string()));
        start = end + 1;
    }
    (nodes, links)
}

fn check(c: &Corpus, slice: u32, top: usize) -> (usize, usize) {
    let a = run(c, &params(slice, top)).unwrap();
    let net = &a.network;
    let (nodes, links) = naive(c, slice as i32, top);
    let ours: BTreeSet<String> = net.nodes.iter().map(|n| n.id.clone()).collect();
    assert_eq!(ours, nodes, "selected nodes");
    let mut our_links: BTreeMap<(String, String), f64> = BTreeMap::new();
    for l in &net.links {
        let (a_, b_) = (
            &net.nodes[l.source as usize].id,
            &net.nodes[l.target as usize].id,
        );
        let key = if a_ < b_ {
            (a_.clone(), b_.clone())
        } else {
            (b_.clone(), a_.clone())
        };
        our_links.insert(key, l.count);
    }
    assert_eq!(our_links.len(), links.len(), "number of links");
    assert_eq!(our_links, links, "link counts");
    // Node counts are citations over the whole span.
    let counts = c.citation_counts();
    for n in &net.nodes {
        let id = c.refs.lookup(&n.id).unwrap();
        assert_eq!(n.count, counts[id as usize], "{}", n.id);
    }
    eprintln!(
        "slice {slice}, top {top}: {} nodes, {} links",
        net.nodes.len(),
        net.links.len()
    );
    (net.nodes.len(), net.links.len())
}

#[test]
fn demo_matches_naive_counter() {
    let c = load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")]).unwrap();
    // One slice over 1992–2015, top 100: numbers reported and pinned.
    let whole = check(&c, 30, 100);
    assert_eq!(whole.0, 100);
    let yearly = check(&c, 1, 50);
    let two = check(&c, 2, 30);
    // Regression pins (the naive counter above agrees with these).
    assert_eq!(whole.1, 3157);
    assert_eq!(yearly, (605, 9392));
    assert_eq!(two, (224, 2367));
}

#[test]
fn shared_wos_files_match_naive_counter() {
    for f in [
        "data/bibliometrix-repo/bibliometric in management.txt",
        "data/citespace-homework-bci/savedrecs (1).txt",
        "data/phenomenology-wos/citations1.txt",
        "data/metaknowledge-tests/ManyAuthors.isi",
    ] {
        let Some(p) = shared(f) else { return };
        let c = load(&[p]).unwrap();
        eprintln!("{f}:");
        check(&c, 100, 80);
        check(&c, 3, 25);
    }
}

#[test]
fn generated_records_match_naive_counter() {
    let Some(gen_py) = shared("tools/gen_wos.py") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("cocite-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("gen.txt");
    let ok = std::process::Command::new("python3")
        .arg(gen_py)
        .args(["--records", "2000", "--seed", "7", "--quiet", "--out"])
        .arg(&out)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("note: python3 gen_wos.py did not run; test skipped");
        return;
    }
    let c = load(&[out]).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(c.records.len(), 2000);
    check(&c, 1, 40);
    check(&c, 5, 100);
}
