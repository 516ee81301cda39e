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
