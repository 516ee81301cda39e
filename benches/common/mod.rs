//! Generated benchmark data shared by the benches.

use std::path::{Path, PathBuf};

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
