//! Readable maps at a real study's size (issue: readable, CiteSpace-grade maps): with
//! the default parameters, the cluster view and the timeline view of a study have no
//! overlapping discs and no colliding labels, and every cluster of at least 10
//! members is labelled; the network is sparse and well clustered.
//!
//! The figure is measured as `../shared/tools/map_readability.py` measures an SVG:
//! discs by centre (the largest circle drawn there), overlapping when their centres are
//! closer than 0.9 × (r1 + r2); label boxes 0.55 × font size per character wide and one
//! font size high (0.8 above the baseline, 0.2 below), anchor respected.

use cocite::pipeline::{self, Analysis, AnalysisParams, LayoutMethod};
use cocite::scene::{self, Anchor, SceneOptions, Shape};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct Readability {
    overlap_frac: f64,
    label_collisions: usize,
    cluster_labels: Vec<String>,
}

fn measure(s: &scene::Scene) -> Readability {
    let mut discs: HashMap<(i64, i64), ([f64; 2], f64)> = HashMap::new();
    for sh in &s.layer("nodes").expect("nodes").shapes {
        if let Shape::Circle { center, radius, .. } = sh {
            let key = (
                (center[0] * 100.0).round() as i64,
                (center[1] * 100.0).round() as i64,
            );
            let e = discs.entry(key).or_insert((*center, 0.0));
            e.1 = e.1.max(*radius);
        }
    }
    let d: Vec<([f64; 2], f64)> = discs.into_values().collect();
    let mut overlapped = vec![false; d.len()];
    for i in 0..d.len() {
        for j in i + 1..d.len() {
            let dist = (d[i].0[0] - d[j].0[0]).hypot(d[i].0[1] - d[j].0[1]);
            if dist < 0.9 * (d[i].1 + d[j].1) {
                overlapped[i] = true;
                overlapped[j] = true;
            }
        }
    }
    let mut boxes = Vec::new();
    let mut cluster_labels = Vec::new();
    for sh in &s.layer("labels").expect("labels").shapes {
        if let Shape::Text {
            pos,
            text,
            size,
            anchor,
            ..
        } = sh
        {
            let w = 0.55 * size * text.chars().count() as f64;
            let x0 = match anchor {
                Anchor::Start => pos[0],
                Anchor::Middle => pos[0] - w / 2.0,
                Anchor::End => pos[0] - w,
            };
            boxes.push([x0, pos[1] - 0.8 * size, x0 + w, pos[1] + 0.2 * size]);
            if text.starts_with('#') {
                cluster_labels.push(text.clone());
            }
        }
    }
    let mut collisions = 0;
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            let (a, b) = (boxes[i], boxes[j]);
            if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
                collisions += 1;
            }
        }
    }
    Readability {
        overlap_frac: overlapped.iter().filter(|&&o| o).count() as f64 / d.len().max(1) as f64,
        label_collisions: collisions,
        cluster_labels,
    }
}

fn run(inputs: &[PathBuf], layout: LayoutMethod) -> Analysis {
    let corpus = cocite::io::load(inputs).expect("loads");
    let mut params = AnalysisParams::default();
    params.layout.method = layout;
    pipeline::run(&corpus, &params).expect("runs")
}

/// Every check of the issue on one study.
fn check_study(name: &str, inputs: &[PathBuf]) {
    let a = run(inputs, LayoutMethod::Fa2);
    let n = a.network.nodes.len() as f64;
    let degree = 2.0 * a.network.links.len() as f64 / n;
    let q = a.modularity.expect("clustered");
    let largest = a.clusters.iter().map(|c| c.size).max().unwrap_or(0) as f64 / n;
    let big: Vec<&cocite::pipeline::ClusterInfo> =
        a.clusters.iter().filter(|c| c.size >= 10).collect();
    eprintln!(
        "{name}: {n} nodes, mean degree {degree:.1}, Q {q:.3}, largest cluster {:.1} %, {} clusters of ≥ 10",
        largest * 100.0,
        big.len()
    );
    assert!(degree <= 30.0, "{name}: mean degree {degree}");
    assert!(q >= 0.7, "{name}: Q {q}");
    assert!(largest <= 0.3, "{name}: largest cluster {largest}");
    assert!(
        big.len() >= 8,
        "{name}: {} clusters of ≥ 10 members",
        big.len()
    );
    let map = measure(&scene::build(&a, &SceneOptions::default()));
    let timeline = run(inputs, LayoutMethod::Timeline);
    let tl = measure(&scene::build(&timeline, &SceneOptions::default()));
    eprintln!(
        "{name}: overlap {:.3} / {:.3}, collisions {} / {}",
        map.overlap_frac, tl.overlap_frac, map.label_collisions, tl.label_collisions
    );
    assert!(
        map.overlap_frac <= 0.10,
        "{name}: cluster view overlap {}",
        map.overlap_frac
    );
    assert!(
        tl.overlap_frac <= 0.15,
        "{name}: timeline overlap {}",
        tl.overlap_frac
    );
    assert_eq!(
        (map.label_collisions, tl.label_collisions),
        (0, 0),
        "{name}"
    );
    for c in &big {
        let label = cocite::scene::labels::cluster_text(c);
        assert!(
            map.cluster_labels.contains(&label),
            "{name}: {label} not on the map"
        );
        assert!(
            tl.cluster_labels.contains(&label),
            "{name}: {label} not on the timeline"
        );
    }
}

#[test]
fn the_demo_is_readable() {
    check_study(
        "demo",
        &[Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")],
    );
}

#[test]
fn a_2500_record_study_is_readable() {
    let bci = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/citespace-homework-bci");
    if !bci.exists() {
        eprintln!("skipped: {} is absent", bci.display());
        return;
    }
    check_study("BCI (2,500 records)", &[bci]);
}

#[test]
fn bibliometric_in_management_is_readable() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/bibliometrix-repo/bibliometric in management.txt");
    if !f.exists() {
        eprintln!("skipped: {} is absent", f.display());
        return;
    }
    check_study("bibliometric in management", &[f]);
}
