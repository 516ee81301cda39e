//! Reading Web of Science plain text: 10k and 100k generated records
//! (../shared/tools/gen_wos.py, seed 1, one file each, generated once into
//! target/bench-data). Run: `cargo bench --bench read_wos`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::generated;

fn main() {
    divan::main();
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn read_wos(bencher: divan::Bencher, n: usize) {
    let Some(path) = generated(n) else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| cocite::io::load(std::slice::from_ref(&path)).expect("loads"));
}
