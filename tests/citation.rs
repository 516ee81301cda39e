//! Direct citation networks on a hand-made citation DAG written as a Web of Science
//! file (every expected number worked out in the comments), and the same papers in
//! WoS and Scopus counted once.

#[path = "common/citation_dag.rs"]
mod citation_dag;
use citation_dag::*;

use cocite::io::load;
use cocite::layout::TimeParams;
use cocite::network::citation::{Direction, neighbourhood};
use cocite::network::{NodeKind, Selection};
use cocite::pipeline::mainpath::Traversal;
use cocite::pipeline::{self, AnalysisParams};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn hand_made_dag() {
    let c = load(&[dag_file()]).unwrap();
    assert_eq!(c.records.len(), 8);
    let mut p = params(Selection::All);
    p.analysis.main_path = Some(Traversal::Spc);
    let a = pipeline::run(&c, &p).unwrap();
    let net = &a.network;
    assert!(net.directed);
    assert_eq!(net.nodes.len(), 8);
    // LCS: A by C, D; B by D, E; C by D; D by F; E by F, G; F by H; G, H by none.
    let lcs: BTreeMap<&str, (u32, Option<u32>, Option<u32>)> = net
        .nodes
        .iter()
        .map(|n| (&n.id[4..], (n.count, n.lcs, n.gcs)))
        .collect();
    let want = [2, 2, 1, 1, 2, 1, 0, 0];
    for (i, w) in want.iter().enumerate() {
        let l = ((b'A' + i as u8) as char).to_string();
        let gcs = 100 - 10 * i as u32;
        assert_eq!(lcs[l.as_str()], (*w, Some(*w), Some(gcs)), "{l}");
    }
    // 9 links, each citing → cited; the self-citation of H and the outside paper none.
    let pairs: BTreeSet<(String, String)> = net
        .links
        .iter()
        .map(|l| {
            let id = |i: u32| net.nodes[i as usize].id[4..].to_string();
            (id(l.source), id(l.target))
        })
        .collect();
    let want: BTreeSet<(String, String)> = ["CA", "DA", "DB", "DC", "EB", "FD", "FE", "GE", "HF"]
        .iter()
        .map(|s| (s[..1].to_string(), s[1..].to_string()))
        .collect();
    assert_eq!(pairs, want);
    // D has no DOI: F→D alone resolved by descriptor.
    assert!(
        a.notes
            .iter()
            .any(|n| n.starts_with("9 citation links") && n.contains("8 by DOI, 1 by first author")),
        "{:?}",
        a.notes
    );
    // Main path (SPC, global): A-C-D-F-H, in time order.
    let path: Vec<&str> = a
        .main_path
        .as_ref()
        .unwrap()
        .nodes
        .iter()
        .map(|&i| &net.nodes[i as usize].id[4..])
        .collect();
    assert_eq!(path, ["A", "C", "D", "F", "H"]);
    // Historiograph: x is the year's column.
    let w = TimeParams::default().year_width;
    for n in &net.nodes {
        assert_eq!(n.x, Some((n.year.unwrap() - 2000) as f64 * w), "{}", n.id);
    }
    // The records behind A's count are C and D; A's neighbourhood: C and D cite it.
    let recs = a.node_records(&c);
    let ia = net.nodes.iter().position(|n| n.id == "WOS:A").unwrap();
    let citing: Vec<&str> = recs[ia]
        .iter()
        .map(|&r| c.records[r as usize].uid.as_deref().unwrap())
        .collect();
    assert_eq!(citing, ["WOS:C", "WOS:D"]);
    let around = neighbourhood(net, &[ia as u32], 1, Direction::Citing);
    let around: BTreeSet<String> = around
        .iter()
        .map(|&i| net.nodes[i as usize].id.clone())
        .collect();
    assert_eq!(around, set("ACD"));
}

#[test]
fn selection_rules_on_the_dag() {
    let c = load(&[dag_file()]).unwrap();
    let run = |p: &AnalysisParams| pipeline::run(&c, p).unwrap();
    // LCS: A2 B2 E2 C1 D1 F1 G0 H0. top:2 keeps LCS ≥ 2 (the tie at 2 included):
    // A, B, E; A is then isolated (its citers C, D are out) and dropped.
    assert_eq!(node_ids(&run(&params(Selection::Top { n: 2 }))), set("BE"));
    // top:4: LCS ≥ 1, A–F, all linked.
    assert_eq!(
        node_ids(&run(&params(Selection::Top { n: 4 }))),
        set("ABCDEF")
    );
    // top:20 (more than there are): LCS ≥ 0, every record, none isolated.
    assert_eq!(
        run(&params(Selection::Top { n: 20 })).network.nodes.len(),
        8
    );
    // threshold c = 2: A, B, E; A isolated.
    let t = Selection::Threshold {
        first: [2.0, 0.0, 0.0],
        middle: [2.0, 0.0, 0.0],
        last: [2.0, 0.0, 0.0],
    };
    assert_eq!(node_ids(&run(&params(t))), set("BE"));
    // Core publications, k = 2: links per record A2 B2 C2 D4 E3 F3 G1 H1; G and H go,
    // then E and F have 2 each: A–F. k = 3: A, B, C, G, H go, then D (1), E (1), F.
    let mut p = params(Selection::All);
    p.network.core = Some(2);
    assert_eq!(node_ids(&run(&p)), set("ABCDEF"));
    p.network.core = Some(3);
    assert!(run(&p).network.nodes.is_empty());
    // From 2001 on: A and B are outside the span, C, D, E lose them.
    let mut p = params(Selection::All);
    p.network.from = Some(2001);
    let a = run(&p);
    assert_eq!(node_ids(&a), set("CDEFGH"));
    let e = a.network.nodes.iter().find(|n| n.id == "WOS:E").unwrap();
    assert_eq!(
        (e.lcs, e.per_year.clone()),
        (Some(2), [(2002, 1), (2003, 1)].into_iter().collect())
    );
    // Core publications and main paths are for citation networks only.
    let mut bad = AnalysisParams::default();
    bad.network.core = Some(2);
    assert!(
        pipeline::run(&c, &bad)
            .unwrap_err()
            .to_string()
            .contains("--kind citation")
    );
    let mut bad = AnalysisParams::default();
    bad.analysis.main_path = Some(Traversal::Spc);
    assert!(
        pipeline::run(&c, &bad)
            .unwrap_err()
            .to_string()
            .contains("citation")
    );
}

#[test]
fn wos_and_scopus_versions_count_once() {
    let dir = temp_dir("merge");
    // WoS: P (2010) and Q (2012), Q citing P by DOI.
    let wos = format!(
        "FN Clarivate Analytics Web of Science\nVR 1.0\n{}{}EF\n",
        wos_record('P', 2010, Some("10.2000/p"), 40, &[]),
        wos_record(
            'Q',
            2012,
            Some("10.2000/q"),
            3,
            &[cite('P', 2010, true).replace("1000", "2000")]
        ),
    );
    std::fs::write(dir.join("wos.txt"), wos).unwrap();
    // Scopus: P and Q again (same DOIs; P with more citations), and R (2013). Q and R
    // cite P the Scopus way, without DOI: author, title, year, source, volume, page.
    let mut w = csv::Writer::from_path(dir.join("scopus.csv")).unwrap();
    w.write_record([
        "Authors",
        "Title",
        "Year",
        "Source title",
        "Volume",
        "Page start",
        "Page end",
        "DOI",
        "Cited by",
        "References",
        "Document Type",
        "EID",
    ])
    .unwrap();
    let p_ref_old = "Pauthor, P., Paper P (2010) J TESTS, 1, p. 160";
    let p_ref_new = "Pauthor P., Paper P, J TESTS, 1, p. 160, (2010)";
    for row in [
        [
            "Pauthor P.",
            "Paper P",
            "2010",
            "Journal of Tests",
            "1",
            "160",
            "165",
            "10.2000/p",
            "45",
            "",
            "Article",
            "2-s2.0-1",
        ],
        [
            "Qauthor Q.",
            "Paper Q",
            "2012",
            "Journal of Tests",
            "1",
            "170",
            "175",
            "10.2000/q",
            "4",
            p_ref_old,
            "Article",
            "2-s2.0-2",
        ],
        [
            "Rauthor R.",
            "Paper R",
            "2013",
            "Journal of Tests",
            "1",
            "180",
            "185",
            "10.2000/r",
            "1",
            p_ref_new,
            "Article",
            "2-s2.0-3",
        ],
    ] {
        w.write_record(row).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    let c = load(&[dir.join("wos.txt"), dir.join("scopus.csv")]).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((c.records.len(), c.cross_duplicates), (3, 2));
    let a = pipeline::run(&c, &params(Selection::All)).unwrap();
    let net = &a.network;
    // One node per paper: P keeps its WoS accession number; R is Scopus's.
    assert_eq!(
        node_ids(&a),
        ["2-s2.0-3", "WOS:P", "WOS:Q"].map(String::from).into()
    );
    // P is cited by Q (in both versions: once) and R: LCS 2. GCS is the larger count.
    let p = net.nodes.iter().find(|n| n.id == "WOS:P").unwrap();
    assert_eq!((p.lcs, p.gcs), (Some(2), Some(45)));
    assert_eq!(net.links.len(), 2);
}

#[test]
fn directed_networks_are_clustered_as_undirected_and_shown_by_publication_year() {
    use cocite::network::{Link, Network, Node};
    let link = |s, t, y| Link {
        source: s,
        target: t,
        weight: 1.0,
        count: 1.0,
        first_year: y,
    };
    let node = |y: i32, cited: &[(i32, u32)]| Node {
        year: Some(y),
        per_year: cited.iter().copied().collect(),
        ..Default::default()
    };
    // 0 (2000) and 1 (2001) cite each other (an early-access pair); 2 (2003) cites 1;
    // 3 (2002) is not cited and cites nothing.
    let net = Network {
        kind: NodeKind::Citation,
        directed: true,
        nodes: vec![
            node(2000, &[(2001, 1)]),
            node(2001, &[(2000, 1), (2003, 1)]),
            node(2003, &[]),
            node(2002, &[]),
        ],
        links: vec![link(0, 1, 2000), link(1, 0, 2001), link(2, 1, 2003)],
    };
    // One undirected edge per linked pair: {0,1} once, {1,2}.
    assert_eq!(net.undirected_links(), [(0, 1, 1.0), (1, 2, 1.0)]);
    assert_eq!(net.graph().edge_count(), 2);
    assert_eq!(net.adjacency()[1].len(), 2);
    // The window shows records published in it (3 is never cited, still shown from
    // 2002), and the links among them.
    let w = net.window(2000, 2002);
    assert_eq!(w.nodes, [true, true, false, true]);
    assert_eq!(w.links, [true, true, false]);
    assert_eq!(net.window(2000, 2000).visible_nodes, 1);
    // An undirected network keeps the node-count rule.
    let mut undirected = net.clone();
    undirected.kind = NodeKind::Reference;
    assert_eq!(
        undirected.window(2002, 2002).nodes,
        [false, false, false, false]
    );
}
