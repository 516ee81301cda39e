//! Building reference co-citation networks from generated records (gen_wos.py, seed 1):
//! 10k records top:50 in 1-year slices; 100k records top:100 in 1-year slices
//! (31 slices); 100k records, one 31-year slice, references cited ≥ 10 times
//! (threshold:10,1,0). Loading is not timed, nor analysis and layout (their own benches). Run: `cargo bench --bench network`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use cocite::model::Corpus;
use cocite::pipeline::{AnalysisParams, ClusterMethod, LayoutMethod};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn corpus(n: usize) -> Option<&'static Corpus> {
    static C10K: OnceLock<Option<Corpus>> = OnceLock::new();
    static C100K: OnceLock<Option<Corpus>> = OnceLock::new();
    let cell = if n == 10_000 { &C10K } else { &C100K };
    cell.get_or_init(|| common::generated(n).and_then(|p| cocite::io::load(&[p]).ok()))
        .as_ref()
}

fn params(slice: u32, select: &str) -> AnalysisParams {
    AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            slice,
            select: select.parse().expect("valid selection"),
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

fn bench_network(bencher: divan::Bencher, n: usize, slice: u32, select: &str) {
    let Some(c) = corpus(n) else { return };
    let p = params(slice, select);
    // Network building only: clustering, centrality and layout have their own benches.
    bencher
        .bench(|| cocite::network::build(c, &p.network, &cocite::progress::silent).expect("runs"));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn top50_slice1_10k(bencher: divan::Bencher) {
    bench_network(bencher, 10_000, 1, "top:50");
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn top100_slice1_100k(bencher: divan::Bencher) {
    bench_network(bencher, 100_000, 1, "top:100");
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn threshold10_slice31_100k(bencher: divan::Bencher) {
    bench_network(bencher, 100_000, 31, "threshold:10,1,0");
}
