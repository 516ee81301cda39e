//! Leiden and cluster labels on the generated 10k-record set (gen_wos.py, 12 planted
//! research fronts grouped into 4 fields) recover the planted structure. Skips with a
//! note when ../shared (the generator) is absent.

use cocite::model::CitedRef;
use cocite::pipeline::{self, Analysis, AnalysisParams};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Planted {
    corpus: cocite::model::Corpus,
    truth: Value,
}

fn generate() -> Option<Planted> {
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/gen_wos.py");
    if !generator.exists() {
        eprintln!(
            "note: {} absent, skipping the planted-structure test",
            generator.display()
        );
        return None;
    }
    let dir = std::env::temp_dir().join(format!("cocite-planted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (out, truth) = (dir.join("planted.txt"), dir.join("planted.truth.json"));
    let status = Command::new("python3")
        .arg(&generator)
        .args(["--records", "10000", "--seed", "1", "--quiet", "--out"])
        .arg(&out)
        .arg("--truth")
        .arg(&truth)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let corpus = cocite::io::load(&[PathBuf::from(&out)]).expect("generated file loads");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(&truth).expect("truth written"))
            .expect("JSON");
    let _ = std::fs::remove_dir_all(&dir);
    Some(Planted { corpus, truth })
}

/// Normalised mutual information, I(X;Y) / ((H(X) + H(Y)) / 2) (arithmetic mean, the
/// scikit-learn default).
fn nmi(x: &[u32], y: &[u32]) -> f64 {
    let n = x.len() as f64;
    let mut joint: HashMap<(u32, u32), f64> = HashMap::new();
    let (mut px, mut py): (HashMap<u32, f64>, HashMap<u32, f64>) = (HashMap::new(), HashMap::new());
    for (&a, &b) in x.iter().zip(y) {
        *joint.entry((a, b)).or_default() += 1.0;
        *px.entry(a).or_default() += 1.0;
        *py.entry(b).or_default() += 1.0;
    }
    let h = |p: &HashMap<u32, f64>| -p.values().map(|c| c / n * (c / n).ln()).sum::<f64>();
    let i: f64 = joint
        .iter()
        .map(|(&(a, b), &c)| c / n * (c * n / (px[&a] * py[&b])).ln())
        .sum();
    let denom = (h(&px) + h(&py)) / 2.0;
    if denom > 0.0 { i / denom } else { 1.0 }
}

/// (cluster, front, field) of every planted core reference present in the network.
fn core_assignments(analysis: &Analysis, truth: &Value) -> Vec<(u32, u32, u32)> {
    let node_of: HashMap<&str, usize> = analysis
        .network
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for front in truth["fronts"].as_array().expect("fronts") {
        let (id, field) = (
            front["id"].as_u64().expect("id") as u32,
            front["field"].as_u64().expect("field") as u32,
        );
        for core in front["core_refs"].as_array().expect("core_refs") {
            // Node ids are cocite's normalised reference keys.
            let key = CitedRef::parse(core["cr"].as_str().expect("cr")).key;
            if let Some(&i) = node_of.get(&*key)
                && let Some(c) = analysis.network.nodes[i].cluster
            {
                out.push((c, id, field));
            }
        }
    }
    out
}

/// Leiden on the whole co-citation network of the top 50 references per slice, with no
/// link reduction: the planted structure is in the links, which CiteSpace's default LRF
/// and L/N would thin out (they are tested in network_fixtures and tests/readability).
fn run(planted: &Planted, resolution: f64) -> Analysis {
    let params = AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            select: "top:50".parse().expect("rule"),
            lrf: None,
            links_per_node: None,
            ..Default::default()
        },
        analysis: cocite::pipeline::AnalysisOptions {
            resolution,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    pipeline::run(&planted.corpus, &params).expect("default parameters are valid")
}

#[test]
fn leiden_recovers_fields_and_fronts_and_labels_name_them() {
    let Some(planted) = generate() else { return };
    let fronts = planted.truth["fronts"].as_array().expect("fronts").len();

    let analysis = run(&planted, 1.0);
    let core = core_assignments(&analysis, &planted.truth);
    assert!(
        core.len() >= 10 * fronts,
        "only {} planted core references in the network",
        core.len()
    );
    let clusters: Vec<u32> = core.iter().map(|c| c.0).collect();
    let fields: Vec<u32> = core.iter().map(|c| c.2).collect();
    let nmi_fields = nmi(&clusters, &fields);
    eprintln!(
        "resolution 1: {} nodes, {} clusters, Q = {:?}, S = {:?}, NMI(fields) = {nmi_fields:.3}",
        analysis.network.nodes.len(),
        analysis.clusters.len(),
        analysis.modularity,
        analysis.mean_silhouette
    );
    assert!(nmi_fields >= 0.9, "NMI against the fields {nmi_fields}");

    let analysis = run(&planted, 3.0);
    let core = core_assignments(&analysis, &planted.truth);
    let clusters: Vec<u32> = core.iter().map(|c| c.0).collect();
    let front_ids: Vec<u32> = core.iter().map(|c| c.1).collect();
    let nmi_fronts = nmi(&clusters, &front_ids);
    eprintln!(
        "resolution 3: {} clusters, NMI(fronts) = {nmi_fronts:.3}",
        analysis.clusters.len()
    );
    assert!(nmi_fronts >= 0.8, "NMI against the fronts {nmi_fronts}");

    // Labels: each front's cluster (where most of its core references went) is labelled
    // with one of the front's planted keywords.
    let mut named = 0;
    for front in planted.truth["fronts"].as_array().expect("fronts") {
        let id = front["id"].as_u64().expect("id") as u32;
        let mut votes: HashMap<u32, usize> = HashMap::new();
        core.iter()
            .filter(|c| c.1 == id)
            .for_each(|c| *votes.entry(c.0).or_default() += 1);
        let Some((&cluster, _)) = votes
            .iter()
            .max_by_key(|&(c, v)| (*v, std::cmp::Reverse(*c)))
        else {
            continue;
        };
        let label = &analysis.clusters[cluster as usize].label;
        let keywords: Vec<&str> = front["keywords"]
            .as_array()
            .expect("keywords")
            .iter()
            .filter_map(|k| k.as_str())
            .collect();
        let hit = keywords.iter().any(|k| label.contains(&k.to_lowercase()));
        eprintln!(
            "front {id} ({}) -> cluster #{cluster} labelled {label:?}: {hit}",
            front["label"]
        );
        named += usize::from(hit);
    }
    let fraction = named as f64 / fronts as f64;
    assert!(
        fraction >= 0.75,
        "only {named} of {fronts} fronts labelled with a planted keyword"
    );
}
