//! Bad network files (tests/data/networks/bad/, one per way to go wrong): a clear error
//! naming the file and, where the format has lines, the line, never a panic. The lines
//! expected are where each file's fault is, counted by hand.

use cocite::import::{self, ImportError};
use std::path::{Path, PathBuf};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/networks/bad")
        .join(name)
}

fn error(name: &str) -> String {
    match import::read_network(&bad(name)) {
        Ok(i) => panic!(
            "{name} read as a network of {} nodes",
            i.network.nodes.len()
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_bad_file_names_file_and_line() {
    let cases = [
        // <node id="b"> is never closed: the parser sees </graph> on line 7.
        (
            "truncated.graphml",
            "truncated.graphml:7: not well-formed XML",
        ),
        (
            "dangling_edge.graphml",
            "dangling_edge.graphml:8: link to an unknown node \"c\"",
        ),
        (
            "bad_weight.gexf",
            "bad_weight.gexf:9: weight \"heavy\" is not a number",
        ),
        (
            "vertex_out_of_range.net",
            "vertex_out_of_range.net:7: \"4\" is not a vertex number from 1 to 3",
        ),
        (
            "bad_coordinate_map.txt",
            "bad_coordinate_map.txt:3: x \"left\" is not a number",
        ),
        ("syntax_error.json", "syntax_error.json:3: not valid JSON"),
        (
            "unknown_node.json",
            "unknown_node.json: links[0]: link to an unknown node \"z\"",
        ),
        (
            "duplicate_id.vos.json",
            "duplicate_id.vos.json: nodes[1]: node id \"1\" occurs twice",
        ),
    ];
    for (name, want) in cases {
        let e = error(name);
        assert!(e.contains(want), "{name}: {e}");
    }
}

#[test]
fn files_that_are_no_network_say_so() {
    for name in ["wos_record.txt", "empty.net"] {
        let e = import::read_network(&bad(name)).expect_err(name);
        assert!(
            matches!(e, ImportError::UnknownFormat { .. }),
            "{name}: {e}"
        );
        assert!(e.to_string().contains(name));
    }
    let e = import::read_network(&bad("missing.graphml")).expect_err("missing");
    assert!(matches!(e, ImportError::Io { .. }), "{e}");
}

#[test]
fn two_files_must_be_a_vosviewer_pair() {
    let e = import::read_files(&[bad("dangling_edge.graphml"), bad("bad_weight.gexf")])
        .expect_err("not a pair");
    assert!(
        e.to_string()
            .contains("VOSviewer map file and its network file"),
        "{e}"
    );
}

#[test]
fn detect_file_tells_networks_from_exports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let net = |n: &str| root.join("tests/data/networks").join(n);
    let d = |p: PathBuf| import::detect_file(&p).expect("readable");
    assert_eq!(d(net("karate.graphml")), Some(import::InputFormat::GraphMl));
    assert_eq!(
        d(net("vos_keywords_map.txt")),
        Some(import::InputFormat::VosViewerMap)
    );
    assert_eq!(
        d(net("vos_keywords_network.txt")),
        Some(import::InputFormat::VosViewerNetwork)
    );
    // Bibliographic exports are not networks.
    for export in [
        "assets/demo/valuecreation2_96_records.txt",
        "tests/data/example_wos.ris",
        "tests/data/sources/openalex_works.json",
        "tests/data/sources/openalex_works.jsonl",
        "tests/data/sources/ris_databases.ris",
    ] {
        assert_eq!(d(root.join(export)), None, "{export}");
    }
}
