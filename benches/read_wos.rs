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

/// The cited references (`CR` lines) of the 10k generated records.
fn cited_ref_lines() -> Option<Vec<String>> {
    let text = std::fs::read_to_string(generated(10_000)?).ok()?;
    let mut lines = Vec::new();
    let mut in_cr = false;
    for l in text.lines() {
        if let Some(v) = l.strip_prefix("CR ") {
            in_cr = true;
            lines.push(v.to_string());
        } else if in_cr && l.starts_with("   ") {
            lines.push(l.trim().to_string());
        } else {
            in_cr = false;
        }
    }
    Some(lines)
}

/// Parsing the cited references of 10k generated records into parts and keys (the
/// reader's largest single cost).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_cited_refs(bencher: divan::Bencher) {
    let Some(lines) = cited_ref_lines() else {
        return;
    };
    bencher
        .counter(divan::counter::ItemsCount::new(lines.len()))
        .bench(|| {
            lines
                .iter()
                .map(|l| cocite::model::CitedRef::parse(l))
                .collect::<Vec<_>>()
        });
}
