//! Reading Web of Science plain text: 10k and 100k generated records
//! (../shared/tools/gen_wos.py, seed 1, one file each, generated once into
//! target/bench-data). Run: `cargo bench --bench read_wos`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

/// The generated file for `n` records, made on first use.
pub fn generated(n: usize) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gen_py = root.join("../shared/tools/gen_wos.py");
    let dir = root.join("target/bench-data");
    let out = dir.join(format!("wos-{n}.txt"));
    if out.exists() {
        return Some(out);
    }
    if !gen_py.exists() {
        eprintln!("note: ../shared/tools/gen_wos.py not found; benchmark skipped");
        return None;
    }
    std::fs::create_dir_all(&dir).ok()?;
    let status = std::process::Command::new("python3")
        .arg(&gen_py)
        .args([
            "--records",
            &n.to_string(),
            "--seed",
            "1",
            "--quiet",
            "--out",
        ])
        .arg(&out)
        .status()
        .ok()?;
    status.success().then_some(out)
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn read_wos(bencher: divan::Bencher, n: usize) {
    let Some(path) = generated(n) else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| cocite::io::load(std::slice::from_ref(&path)).expect("loads"));
}
