//! A citation network written in every export format, and the `cocite` binary's
//! `network --kind citation` and `stats` on the hand-made citation DAG.

#[path = "common/citation_dag.rs"]
mod citation_dag;
use citation_dag::*;

use cocite::io::load;
use cocite::network::Selection;
use cocite::pipeline::mainpath::Traversal;
use cocite::pipeline::{self, Analysis};

#[test]
fn citation_exports_are_directed_and_carry_lcs_gcs() {
    let c = load(&[dag_file()]).unwrap();
    let mut p = params(Selection::All);
    p.analysis.main_path = Some(Traversal::Spc);
    let a = pipeline::run(&c, &p).unwrap();
    let dir = temp_dir("exports");
    let fig = cocite::scene::SceneOptions::default();
    let write = |name: &str| {
        let path = dir.join(name);
        cocite::export::write(&path, &a, Some(&c), &fig).unwrap();
        std::fs::read_to_string(&path).unwrap()
    };
    let graphml = write("n.graphml");
    assert!(graphml.contains(r#"edgedefault="directed""#));
    assert!(graphml.contains(r#"attr.name="lcs" attr.type="int""#));
    // Links run citing → cited: H (node of the 2004 paper) → F.
    let idx = |id: &str| a.network.nodes.iter().position(|n| n.id == id).unwrap();
    let (h, f) = (idx("WOS:H"), idx("WOS:F"));
    assert!(graphml.contains(&format!(r#"source="n{h}" target="n{f}""#)));
    let gexf = write("n.gexf");
    assert!(gexf.contains(r#"defaultedgetype="directed""#));
    assert!(gexf.contains(r#"title="local citations (LCS)""#));
    let pajek = write("n.net");
    assert!(pajek.contains("*Arcs\n"));
    assert!(pajek.contains(&format!("\n{} {} 1\n", h + 1, f + 1)));
    let vos = write("n.txt");
    let header = vos.lines().next().unwrap();
    assert!(header.contains("weight<Local citations (LCS)>\tweight<Global citations (GCS)>"));
    let svg = write("n.svg");
    assert!(svg.contains(r#"id="main_path""#));
    let j: serde_json::Value = serde_json::from_str(&write("n.json")).unwrap();
    assert_eq!(j["directed"], true);
    let node_a = &j["nodes"][idx("WOS:A")];
    assert_eq!(
        (node_a["lcs"].as_u64(), node_a["gcs"].as_u64()),
        (Some(2), Some(100))
    );
    assert_eq!(j["graph"]["main_path"].as_array().unwrap().len(), 5);
    cocite::export::write(&dir.join("n.csv"), &a, None, &fig).unwrap();
    let mut r = csv::Reader::from_path(dir.join("n.nodes.csv")).unwrap();
    let head = r.headers().unwrap().clone();
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let row_a = rows.iter().find(|x| &x[col("key")] == "WOS:A").unwrap();
    assert_eq!((&row_a[col("lcs")], &row_a[col("gcs")]), ("2", "100"));
    // The whole analysis reads back equal, direction and main path included.
    let back: Analysis = serde_json::from_str(&write("n.analysis.json")).unwrap();
    assert_eq!(back, a);
    std::fs::remove_dir_all(&dir).ok();
}

fn cocite_cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cocite"))
        .args(args)
        .output()
        .expect("runs");
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        s(&out.stdout),
        s(&out.stderr),
    )
}

#[test]
fn cli_citation_network_and_stats() {
    let file = dag_file();
    let f = file.to_str().unwrap();
    let (code, out, err) = cocite_cli(&[
        "network",
        f,
        "--kind",
        "citation",
        "--select",
        "all",
        "--main-path",
        "spc",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        j["main_path"],
        serde_json::json!(["WOS:A", "WOS:C", "WOS:D", "WOS:F", "WOS:H"])
    );
    assert_eq!(j["edges"], 9);
    // Top node: A (LCS 2, tied with B and E, first by id; GCS 100).
    assert_eq!(
        (
            j["top_nodes"][0]["lcs"].as_u64(),
            j["top_nodes"][0]["gcs"].as_u64()
        ),
        (Some(2), Some(100))
    );
    // The default selection of a citation network is top:20 (here: all 8 records).
    let (code, out, _) = cocite_cli(&[
        "network",
        f,
        "--kind",
        "citation",
        "--layout",
        "historiograph",
        "--main-path",
        "splc",
        "--main-path-search",
        "key-route:2",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("selection top:20 by local citations (LCS)"),
        "{out}"
    );
    assert!(out.contains("main path (SPLC, key-route:2): WOS:"), "{out}");
    let (code, out, _) = cocite_cli(&["stats", f, "--json"]);
    assert_eq!(code, 0);
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            s["citation_links"].as_u64(),
            s["citation_links_by_doi"].as_u64(),
            s["citation_links_by_descriptor"].as_u64()
        ),
        (Some(9), Some(8), Some(1))
    );
    // LCS 2: A (GCS 100), B (90), E (60), by GCS.
    let top: Vec<&str> = s["top_local"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(top, ["WOS:A", "WOS:B", "WOS:E"]);
    let (_, text, _) = cocite_cli(&["stats", f]);
    assert!(text.contains("top records by local citations (LCS), with global citations (GCS):"));
    // Wrong combinations are usage errors.
    let (code, _, err) = cocite_cli(&["network", f, "--core", "2"]);
    assert_eq!(code, 2);
    assert!(err.contains("--kind citation"), "{err}");
    let (code, _, err) = cocite_cli(&["network", f, "--main-path", "spc"]);
    assert_eq!(code, 2);
    assert!(err.contains("citation network"), "{err}");
    let (code, _, err) = cocite_cli(&[
        "network",
        f,
        "--kind",
        "citation",
        "--main-path-search",
        "key-route:0",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("k ≥ 1"), "{err}");
}
