//! Fixed runs whose full output must not change when the code is restructured or made
//! faster: the `.analysis.json` of each run (timings removed, as they differ from run
//! to run) is compared with the file saved in `tests/data/golden/`.
//!
//! The saved files were written by the code before the change under test. When a change
//! is meant to alter the output (a new parameter, a better algorithm), re-bless them:
//! `COCITE_BLESS=1 cargo test --test golden`, and say why in the commit.

use cocite::pipeline::{self, Analysis, AnalysisParams, ClusterMethod, LayoutMethod};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/data/golden")
}

/// The analysis as JSON without timings.
fn json(mut a: Analysis) -> String {
    a.timings_ms.clear();
    let mut s = serde_json::to_string_pretty(&a).expect("serialises");
    s.push('\n');
    s
}

fn check(name: &str, a: Analysis) {
    let got = json(a);
    let path = golden_dir().join(format!("{name}.analysis.json"));
    if std::env::var_os("COCITE_BLESS").is_some() {
        std::fs::create_dir_all(golden_dir()).expect("golden dir");
        std::fs::write(&path, &got).expect("writes golden file");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with COCITE_BLESS=1)", path.display()));
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        let show = |s: &str| {
            s.lines()
                .skip(line.saturating_sub(3))
                .take(7)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{name}: output differs from {} at line {}:\n--- got\n{}\n--- want\n{}",
            path.display(),
            line + 1,
            show(&got),
            show(&want)
        );
    }
}

fn demo() -> cocite::model::Corpus {
    cocite::io::load(&[root().join("assets/demo")]).expect("demo loads")
}

#[test]
fn demo_reference_map_is_unchanged() {
    // Default clustering, labels, centrality, bursts and ForceAtlas2 on a small
    // selection, so the saved file stays small (the default run is checked below).
    let params = AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            select: "top:8".parse().expect("rule"),
            slice: 3,
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            iterations: 60,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    check(
        "demo_reference_top8",
        pipeline::run(&demo(), &params).expect("runs"),
    );
}

#[test]
fn demo_keyword_timeline_is_unchanged() {
    let params = AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            kind: "keyword".parse().expect("kind"),
            select: "top:10".parse().expect("rule"),
            slice: 2,
            measure: "association".parse().expect("measure"),
            prune: "pathfinder".parse().expect("prune"),
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            method: LayoutMethod::Timeline,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    check(
        "demo_keyword_timeline",
        pipeline::run(&demo(), &params).expect("runs"),
    );
}

#[test]
fn demo_country_louvain_is_unchanged() {
    let params = AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            kind: "country".parse().expect("kind"),
            select: "all".parse().expect("rule"),
            counting: "fractional".parse().expect("counting"),
            ..Default::default()
        },
        analysis: cocite::pipeline::AnalysisOptions {
            cluster: ClusterMethod::Louvain,
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            method: LayoutMethod::Timezone,
            ..Default::default()
        },
    };
    check(
        "demo_country_louvain",
        pipeline::run(&demo(), &params).expect("runs"),
    );
}

#[test]
fn demo_default_map_is_unchanged() {
    // The map `cocite network assets/demo` draws, by its SHA-256 (the JSON is 2 MB):
    // on a mismatch, bless into a scratch copy and diff the two files.
    use sha2::{Digest, Sha256};
    let got = json(pipeline::run(&demo(), &AnalysisParams::default()).expect("runs"));
    let hash: String = Sha256::digest(got.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let path = golden_dir().join("demo_default.sha256");
    if std::env::var_os("COCITE_BLESS").is_some() {
        std::fs::create_dir_all(golden_dir()).expect("golden dir");
        std::fs::write(&path, format!("{hash}\n")).expect("writes hash");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("saved hash");
    assert_eq!(hash, want.trim(), "the default demo map changed");
}
