//! Leiden, Louvain and betweenness on synthetic co-citation-like networks of 10k and
//! 50k nodes: planted groups of 200 nodes, each node linked to ~4 nodes of its group
//! and ~1 elsewhere (mean degree ≈ 10), weights uniform in (0, 1].
//! Run: `cargo bench --bench analysis`.

use cocite::analysis::{centrality, cluster, rng::SplitMix64};
use petgraph::graph::{NodeIndex, UnGraph};

fn main() {
    divan::main();
}

fn planted(n: usize, seed: u64) -> UnGraph<(), f64> {
    let mut rng = SplitMix64::new(seed);
    let mut g = UnGraph::with_capacity(n, n * 5);
    for _ in 0..n {
        g.add_node(());
    }
    let group = 200;
    for u in 0..n {
        let base = u / group * group;
        let size = group.min(n - base);
        for k in 0..5 {
            let v = if k < 4 {
                base + rng.below(size)
            } else {
                rng.below(n)
            };
            if v != u {
                g.add_edge(NodeIndex::new(u), NodeIndex::new(v), 1.0 - rng.next_f64());
            }
        }
    }
    g
}

#[divan::bench(args = [10_000, 50_000], sample_count = 3, sample_size = 1)]
fn leiden(bencher: divan::Bencher, n: usize) {
    let g = planted(n, 1);
    bencher.bench(|| cluster::leiden(&g, 1.0, 42));
}

#[divan::bench(args = [10_000, 50_000], sample_count = 3, sample_size = 1)]
fn louvain(bencher: divan::Bencher, n: usize) {
    let g = planted(n, 1);
    bencher.bench(|| cluster::louvain(&g, 1.0, 42));
}

#[divan::bench(args = [10_000, 50_000], sample_count = 1, sample_size = 1)]
fn betweenness(bencher: divan::Bencher, n: usize) {
    let g = planted(n, 1);
    bencher.bench(|| centrality::betweenness(&g));
}

#[divan::bench(args = [10_000, 50_000], sample_count = 3, sample_size = 1)]
fn betweenness_sampled_2000(bencher: divan::Bencher, n: usize) {
    let g = planted(n, 1);
    bencher.bench(|| centrality::betweenness_sampled(&g, 2_000, 7));
}
