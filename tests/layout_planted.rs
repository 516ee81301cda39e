//! On the generated 10k-record corpus (gen_wos.py, seed 1, 12 planted research fronts),
//! the co-citation map laid out by ForceAtlas2 puts each front's core references
//! together: the mean distance within a front is well below the mean distance between
//! fronts. Ground truth: the generator's `--truth` JSON (each front's `core_refs`, keyed
//! by the cited reference without its DOI, upper case). Needs ../shared and python3;
//! skips with a note otherwise.

use cocite::pipeline::{self, AnalysisParams, LayoutMethod};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn generate(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/gen_wos.py");
    if !tool.exists() {
        println!("skipped: {} is absent", tool.display());
        return None;
    }
    let (out, truth) = (dir.join("g10k.txt"), dir.join("g10k.truth.json"));
    let status = Command::new("python3")
        .arg(&tool)
        .args(["--records", "10000", "--seed", "1", "--quiet", "--out"])
        .arg(&out)
        .arg("--truth")
        .arg(&truth)
        .status();
    match status {
        Ok(s) if s.success() => Some((out, truth)),
        other => {
            println!("skipped: gen_wos.py did not run ({other:?})");
            None
        }
    }
}

/// Core reference key (upper-case CR without DOI) → front id.
fn core_refs(truth: &Path) -> HashMap<String, u64> {
    let text = std::fs::read_to_string(truth).expect("truth JSON written by gen_wos.py");
    let json: serde_json::Value = serde_json::from_str(&text).expect("truth is JSON");
    let mut map = HashMap::new();
    for front in json["fronts"].as_array().expect("fronts") {
        let id = front["id"].as_u64().expect("front id");
        for r in front["core_refs"].as_array().expect("core_refs") {
            map.insert(r["key"].as_str().expect("key").to_string(), id);
        }
    }
    map
}

fn reference_key(label: &str) -> String {
    let upper = label.to_uppercase();
    match upper.find(", DOI ") {
        Some(i) => upper[..i].to_string(),
        None => upper,
    }
}

#[test]
fn planted_fronts_end_apart() {
    let dir = std::env::temp_dir().join(format!("cocite-layout-planted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let Some((records, truth)) = generate(&dir) else {
        return;
    };
    let corpus = cocite::io::load(&[records]).expect("generated corpus loads");
    let params = AnalysisParams {
        analysis: cocite::pipeline::AnalysisOptions {
            seed: 1,
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            method: LayoutMethod::Fa2,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    let analysis = pipeline::run(&corpus, &params).expect("pipeline runs");
    let core = core_refs(&truth);
    let _ = std::fs::remove_dir_all(&dir);

    let points: Vec<(f64, f64, u64)> = analysis
        .network
        .nodes
        .iter()
        .filter_map(|n| Some((n.x?, n.y?, *core.get(&reference_key(&n.label))?)))
        .collect();
    let fronts: std::collections::BTreeSet<u64> = points.iter().map(|p| p.2).collect();
    assert!(
        points.len() >= 50 && fronts.len() >= 8,
        "{} core refs of {} fronts in the map",
        points.len(),
        fronts.len()
    );
    let (mut intra, mut ni, mut inter, mut no) = (0.0, 0usize, 0.0, 0usize);
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            if a.2 == b.2 {
                intra += d;
                ni += 1;
            } else {
                inter += d;
                no += 1;
            }
        }
    }
    let (intra, inter) = (intra / ni as f64, inter / no as f64);
    println!(
        "{} nodes, {} core refs of {} fronts: mean distance within a front {intra:.1}, between fronts {inter:.1} (ratio {:.3}), energy {:?}",
        analysis.network.nodes.len(),
        points.len(),
        fronts.len(),
        intra / inter,
        analysis.layout_energy
    );
    assert!(intra < 0.5 * inter, "within {intra} between {inter}");
    assert!(analysis.layout_energy.is_some_and(f64::is_finite));
}
