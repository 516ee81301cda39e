//! Time per layout iteration on planted-partition graphs (4–10 links drawn per node,
//! 90 % inside 20 clusters). Run: `cargo bench --bench layout --features fdg`.

use cocite::layout::{Fa2Params, ForceAtlas2, LayoutGraph, planted_partition};
use divan::Bencher;

fn main() {
    divan::main();
}

/// (nodes, links drawn per node): 1k/5k, 10k/100k, 50k/500k.
const SIZES: [(usize, usize); 3] = [(1_000, 5), (10_000, 10), (50_000, 10)];

fn graph(nodes: usize, per_node: usize) -> LayoutGraph {
    planted_partition(20, nodes / 20, per_node, 0.9, 1).0
}

/// A warmed-up layout (60 steps), so the step is timed on a realistic spread.
fn warmed(g: &LayoutGraph, params: Fa2Params) -> (ForceAtlas2, Vec<[f32; 2]>) {
    let mut fa2 = ForceAtlas2::new(params);
    let mut pos = fa2.init(g, 1);
    for _ in 0..60 {
        fa2.step(&mut pos, g);
    }
    (fa2, pos)
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn fa2_barnes_hut_step(bencher: Bencher, (nodes, per_node): (usize, usize)) {
    let g = graph(nodes, per_node);
    let (mut fa2, mut pos) = warmed(&g, Fa2Params::default());
    bencher.bench_local(|| fa2.step(&mut pos, &g));
}

#[divan::bench(args = [(1_000, 5), (10_000, 10)], sample_count = 20)]
fn fa2_barnes_hut_theta_half_step(bencher: Bencher, (nodes, per_node): (usize, usize)) {
    let g = graph(nodes, per_node);
    let (mut fa2, mut pos) = warmed(
        &g,
        Fa2Params {
            theta: 0.5,
            ..Fa2Params::default()
        },
    );
    bencher.bench_local(|| fa2.step(&mut pos, &g));
}

/// One step of the prevent-overlap phase that ends the pipeline's layout
/// (`layout::remove_overlap`: radii of nodes drawn at sizes of counts 1–50 in a map
/// 1000 units across), after a 300-step layout: exact up to 1,000 nodes, Barnes–Hut
/// plus near pairs on a grid above. The pipeline runs 100 such steps up to 5,000 nodes.
#[divan::bench(args = [(1_000, 5), (2_000, 5), (5_000, 10)], sample_count = 10)]
fn fa2_prevent_overlap_step(bencher: Bencher, (nodes, per_node): (usize, usize)) {
    let g = graph(nodes, per_node);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut pos = fa2.init(&g, 1);
    fa2.run(&mut pos, &g, 300, |_| true);
    let counts: Vec<u32> = (0..nodes).map(|i| 1 + (i * 7919 % 50) as u32).collect();
    fa2.set_radii(cocite::layout::overlap_radii(&counts, 1.0, &pos));
    fa2.params.prevent_overlap = true;
    fa2.reset();
    bencher.bench_local(|| fa2.step(&mut pos, &g));
}

#[divan::bench(args = [(1_000, 5)], sample_count = 10)]
fn fa2_exact_step(bencher: Bencher, (nodes, per_node): (usize, usize)) {
    let g = graph(nodes, per_node);
    let (mut fa2, mut pos) = warmed(
        &g,
        Fa2Params {
            theta: 0.0,
            ..Fa2Params::default()
        },
    );
    bencher.bench_local(|| fa2.step(&mut pos, &g));
}

/// The co-citation network of 1k generated records (gen_wos.py seed 1), references
/// cited at least twice, one slice, raw counts: 4093 nodes, 322,382 links. Skipped when
/// ../shared is absent.
#[divan::bench(sample_count = 20)]
fn fa2_cocitation_1k_records(bencher: Bencher) {
    let Some(g) = cocitation_1k() else { return };
    let (mut fa2, mut pos) = warmed(&g, Fa2Params::default());
    bencher.bench_local(|| fa2.step(&mut pos, &g));
}

fn cocitation_1k() -> Option<LayoutGraph> {
    use cocite::pipeline::{AnalysisParams, ClusterMethod, LayoutMethod};
    let tool = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/gen_wos.py");
    if !tool.exists() {
        eprintln!("skipped: {} is absent", tool.display());
        return None;
    }
    let out = std::env::temp_dir().join(format!("cocite-bench-g1k-{}.txt", std::process::id()));
    let ok = std::process::Command::new("python3")
        .arg(&tool)
        .args(["--records", "1000", "--seed", "1", "--quiet", "--out"])
        .arg(&out)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: gen_wos.py did not run");
        return None;
    }
    let corpus = cocite::io::load(std::slice::from_ref(&out)).ok()?;
    let _ = std::fs::remove_file(&out);
    let params = AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            slice: 40,
            select: "threshold:2,0,0".parse().ok()?,
            measure: "raw".parse().ok()?,
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
    };
    let analysis = cocite::pipeline::run(&corpus, &params).ok()?;
    let g = LayoutGraph::from_network(&analysis.network);
    eprintln!(
        "co-citation of 1k records: {} nodes, {} links",
        g.node_count(),
        g.link_count()
    );
    Some(g)
}

#[cfg(feature = "fdg")]
#[divan::bench(args = [(1_000, 5), (2_000, 5)], sample_count = 10)]
fn fdg_sim_step(bencher: Bencher, (nodes, per_node): (usize, usize)) {
    use cocite::layout::fdg::{FdgLayout, FdgParams};
    let g = graph(nodes, per_node);
    let mut fdg = FdgLayout::new(FdgParams::default());
    let mut pos = fdg.init(&g, 1);
    fdg.step(&mut pos, &g);
    bencher.bench_local(|| fdg.step(&mut pos, &g));
}
