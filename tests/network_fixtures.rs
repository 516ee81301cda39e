//! Hand-computed network fixtures: a few records written in the test, and every
//! expected number worked out by hand in the comments.

use cocite::io::wos::parse_block;
use cocite::model::Corpus;
use cocite::network::{Counting, Measure, Network, NodeKind, Prune, Selection};
use cocite::pipeline::{AnalysisParams, ClusterMethod, LayoutMethod, run};

fn corpus(text: &str) -> Corpus {
    let r = parse_block(text.as_bytes(), 1);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let mut c = Corpus::new();
    for rec in r.records {
        c.push(rec, 0);
    }
    c
}

const W: &str = "Wa A, 1993, J W, V4, P4";
const X: &str = "Xa A, 1990, J X, V1, P1";
const Y: &str = "Ya A, 1991, J Y, V2, P2";
const Z: &str = "Za A, 1992, J Z, V3, P3";

fn rec(uid: &str, year: i32, refs: &[&str]) -> String {
    let mut s = format!("PT J\nAU Doe, J\nTI Record {uid}\nPY {year}\nUT {uid}\n");
    for (i, r) in refs.iter().enumerate() {
        s.push_str(if i == 0 { "CR " } else { "   " });
        s.push_str(r);
        s.push('\n');
    }
    s.push_str("ER\n\n");
    s
}

/// R1 2001 {X,Y,Z}, R2 2001 {X,Y}, R3 2002 {X,Z,W}, R4 2002 {Y,Z}, R5 2003 {X,Y,Z,W}.
/// Counts: X 4, Y 4, Z 4, W 2 (N = 5 records).
/// Co-citations: X-Y 3 (R1,R2,R5), X-Z 3 (R1,R3,R5), Y-Z 3 (R1,R4,R5), X-W 2 (R3,R5),
/// Z-W 2 (R3,R5), Y-W 1 (R5).
fn refs_corpus() -> Corpus {
    let text = [
        rec("R1", 2001, &[X, Y, Z]),
        rec("R2", 2001, &[X, Y]),
        rec("R3", 2002, &[X, Z, W]),
        rec("R4", 2002, &[Y, Z]),
        rec("R5", 2003, &[X, Y, Z, W]),
    ]
    .concat();
    corpus(&text)
}

fn params(kind: NodeKind, slice: u32, select: Selection) -> AnalysisParams {
    AnalysisParams {
        network: cocite::pipeline::NetworkParams {
            kind,
            slice,
            select,
            measure: Measure::Raw,
            ..Default::default()
        },
        analysis: cocite::pipeline::AnalysisOptions {
            cluster: ClusterMethod::None,
            ..Default::default()
        },
        layout: cocite::pipeline::LayoutParams {
            method: LayoutMethod::None,
            ..Default::default()
        },
    }
}

/// (label prefix of source, label prefix of target) → link, order-free.
fn link(net: &Network, a: &str, b: &str) -> Option<cocite::network::Link> {
    let idx = |p: &str| net.nodes.iter().position(|n| n.label.starts_with(p));
    let (i, j) = (idx(a)? as u32, idx(b)? as u32);
    net.links
        .iter()
        .find(|l| (l.source, l.target) == (i.min(j), i.max(j)))
        .cloned()
}

fn node<'a>(net: &'a Network, p: &str) -> &'a cocite::network::Node {
    net.nodes
        .iter()
        .find(|n| n.label.starts_with(p))
        .unwrap_or_else(|| panic!("no node {p}"))
}

#[test]
fn reference_cocitation_one_slice_full_counts() {
    let c = refs_corpus();
    let a = run(&c, &params(NodeKind::Reference, 3, Selection::All)).unwrap();
    let net = &a.network;
    assert_eq!(a.slices.len(), 1);
    assert_eq!(
        (a.slices[0].records, a.slices[0].selected, a.slices[0].links),
        (5, 4, 6)
    );
    assert_eq!(net.nodes.len(), 4);
    // Node order: count desc, then key: xa < ya < za, then W (count 2).
    let labels: Vec<&str> = net.nodes.iter().map(|n| &n.label[..2]).collect();
    assert_eq!(labels, ["Xa", "Ya", "Za", "Wa"]);
    assert_eq!(node(net, "Xa").count, 4);
    assert_eq!(node(net, "Wa").count, 2);
    assert_eq!(node(net, "Xa").per_year.get(&2001), Some(&2));
    assert_eq!(node(net, "Xa").year, Some(1990));
    for (a_, b_, c_) in [
        ("Xa", "Ya", 3.0),
        ("Xa", "Za", 3.0),
        ("Ya", "Za", 3.0),
        ("Xa", "Wa", 2.0),
        ("Za", "Wa", 2.0),
        ("Ya", "Wa", 1.0),
    ] {
        let l = link(net, a_, b_).unwrap();
        assert_eq!(l.count, c_, "{a_}-{b_}");
        assert_eq!(l.weight, c_, "{a_}-{b_}");
        assert_eq!(l.first_year, 2001);
    }
}

#[test]
fn fractional_counting() {
    // Each record with n refs gives each pair 1/(n-1): R1 1/2, R2 1, R3 1/2, R4 1, R5 1/3.
    // X-Y = 1/2 + 1 + 1/3 = 11/6; X-W = 1/2 + 1/3 = 5/6; Y-W = 1/3.
    let c = refs_corpus();
    let mut p = params(NodeKind::Reference, 3, Selection::All);
    p.network.counting = Counting::Fractional;
    let net = run(&c, &p).unwrap().network;
    assert!((link(&net, "Xa", "Ya").unwrap().count - 11.0 / 6.0).abs() < 1e-12);
    assert!((link(&net, "Xa", "Wa").unwrap().count - 5.0 / 6.0).abs() < 1e-12);
    assert!((link(&net, "Ya", "Wa").unwrap().count - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn measures_on_x_w() {
    // c_X = 4, c_W = 2, c_XW = 2, N = 5.
    let c = refs_corpus();
    let expect = [
        (Measure::Raw, 2.0),
        (Measure::Cosine, 2.0 / 8f64.sqrt()),
        (Measure::Jaccard, 0.5),
        (Measure::Dice, 4.0 / 6.0),
        (Measure::Association, 5.0 * 2.0 / 8.0),
    ];
    for (m, w) in expect {
        let mut p = params(NodeKind::Reference, 3, Selection::All);
        p.network.measure = m;
        let net = run(&c, &p).unwrap().network;
        let l = link(&net, "Xa", "Wa").unwrap();
        assert!((l.weight - w).abs() < 1e-12, "{m}: {} vs {w}", l.weight);
    }
}

#[test]
fn yearly_slices_top2_and_first_years() {
    // 2001 {R1,R2}: X2 Y2 Z1 → top 2 = X, Y; link X-Y 2.
    // 2002 {R3,R4}: Z2, then X1 W1 Y1 tied → key order wa < xa: W; link Z-W 1 (R3).
    // 2003 {R5}: all 1 → W, X; link W-X 1.
    let c = refs_corpus();
    let a = run(&c, &params(NodeKind::Reference, 1, Selection::Top { n: 2 })).unwrap();
    let net = &a.network;
    assert_eq!(
        a.slices.iter().map(|s| s.selected).collect::<Vec<_>>(),
        [2, 2, 2]
    );
    assert_eq!(net.nodes.len(), 4);
    assert_eq!(net.links.len(), 3);
    let xy = link(net, "Xa", "Ya").unwrap();
    assert_eq!((xy.count, xy.first_year), (2.0, 2001));
    let zw = link(net, "Za", "Wa").unwrap();
    assert_eq!((zw.count, zw.first_year), (1.0, 2002));
    let wx = link(net, "Wa", "Xa").unwrap();
    assert_eq!((wx.count, wx.first_year), (1.0, 2003));
    assert!(link(net, "Ya", "Za").is_none());
    // Node counts are span totals, first_slice the first slice that kept them.
    assert_eq!(node(net, "Za").count, 4);
    assert_eq!(node(net, "Za").first_slice, 2002);
    assert_eq!(node(net, "Wa").first_slice, 2002);
    // The window view: in 2001 only X, Y (and Z, cited in 2001 by R1) are visible.
    let v = net.window(2001, 2001);
    assert_eq!(v.visible_nodes, 3);
    assert_eq!(v.visible_links, 1);
}

#[test]
fn selection_rules_in_one_slice() {
    let c = refs_corpus();
    let sel = |s: &str| {
        let a = run(&c, &params(NodeKind::Reference, 3, s.parse().unwrap())).unwrap();
        let mut l: Vec<String> = a
            .network
            .nodes
            .iter()
            .map(|n| n.label[..2].to_string())
            .collect();
        l.sort();
        (l, a.network.links.len())
    };
    // top:1 → X (tie 4-4-4 broken by key).
    assert_eq!(sel("top:1").0, ["Xa"]);
    // toppct:50 → ceil(0.5 · 4) = 2 → X, Y.
    assert_eq!(sel("toppct:50").0, ["Xa", "Ya"]);
    // g:1 on 4,4,4,2: cumulative 4,8,12,14; 1≤4, 4≤8, 9≤12, 16>14 → g = 3.
    assert_eq!(sel("g:1").0, ["Xa", "Ya", "Za"]);
    // threshold c=3 keeps X, Y, Z; cc=3 keeps X-Y, X-Z, Y-Z (3 each).
    assert_eq!(
        sel("threshold:3,3,0"),
        (vec!["Xa".into(), "Ya".into(), "Za".into()], 3)
    );
    // cc=3 with ccv=0.76: the three links have cosine 3/4 = 0.75 → none.
    assert_eq!(sel("threshold:3,3,0.76").1, 0);
    assert_eq!(sel("threshold:0,2,0").1, 5);
}

#[test]
fn pruning_merged_network() {
    // Cosine: X-Y, X-Z, Y-Z 0.75; X-W, Z-W 0.7071; Y-W 0.3536.
    // MST (strongest first, ties by (source, target)): node order X0 Y1 Z2 W3 →
    // X-Y, X-Z kept, Y-Z closes a cycle; X-W joins W. 3 links.
    // Pathfinder keeps every link in some MST: X-Y, X-Z, Y-Z (tied), X-W, Z-W (tied)
    // — Y-W is dropped. 5 links.
    let c = refs_corpus();
    let mut p = params(NodeKind::Reference, 3, Selection::All);
    p.network.measure = Measure::Cosine;
    p.network.prune = Prune::Mst;
    let net = run(&c, &p).unwrap().network;
    assert_eq!(net.links.len(), 3);
    assert!(link(&net, "Xa", "Wa").is_some() && link(&net, "Ya", "Za").is_none());
    p.network.prune = Prune::Pathfinder;
    let net = run(&c, &p).unwrap().network;
    assert_eq!(net.links.len(), 5);
    assert!(link(&net, "Ya", "Wa").is_none());
}

#[test]
fn cited_authors_and_journals() {
    // Two works by Xa A (1990 and 1995) in the same journal J X: author XA A is counted
    // once per citing record. R1 cites both Xa works and Y; R2 cites Xa 1995 and Y.
    let x2 = "Xa A, 1995, J X, V9, P9";
    let anon = "[Anonymous], 1999, J X, V7, P7";
    let text = [
        rec("R1", 2001, &[X, x2, Y, anon]),
        rec("R2", 2001, &[x2, Y]),
    ]
    .concat();
    let c = corpus(&text);
    let net = run(&c, &params(NodeKind::Author, 1, Selection::All))
        .unwrap()
        .network;
    assert_eq!(net.nodes.len(), 2);
    assert_eq!(node(&net, "XA A").count, 2);
    assert_eq!(link(&net, "XA A", "YA A").unwrap().count, 2.0);
    let net = run(&c, &params(NodeKind::Journal, 1, Selection::All))
        .unwrap()
        .network;
    assert_eq!(node(&net, "J X").count, 2);
    assert_eq!(node(&net, "J Y").count, 2);
    assert_eq!(link(&net, "J X", "J Y").unwrap().count, 2.0);
}

const COLLAB: &str = "PT J
AU Chen, C
   Song, M
AF Chen, Chaomei
   Song, Min
DE Science Mapping; co-citation
ID CITATION ANALYSIS; Co-Citations
C1 [Chen, Chaomei] Drexel Univ, Coll Comp & Informat, Philadelphia, PA 19104 USA.
   [Song, Min] Yonsei Univ, Dept Lib & Informat Sci, Seoul, South Korea.
PY 2010
UT A
ER

PT J
AU Chen, C
   Leydesdorff, L
AF Chen, Chaomei
   Leydesdorff, Loet
DE science mapping; citation analysis
C1 [Chen, Chaomei] Drexel Univ, Coll Comp, Philadelphia, PA 19104 USA.
   [Leydesdorff, Loet] Univ Amsterdam, ASCoR, Amsterdam, Netherlands.
PY 2011
UT B
ER

PT J
AU Chen, C
AF Chen, Chen
DE co-citation
C1 [Chen, Chen] Peking Univ, Beijing, Peoples R China.
PY 2011
UT C
ER
";

#[test]
fn coauthors_use_full_names() {
    // "Chen, C" is two people: Chen, Chaomei (records A, B) and Chen, Chen (record C).
    let c = corpus(COLLAB);
    let net = run(&c, &params(NodeKind::Coauthor, 2, Selection::All))
        .unwrap()
        .network;
    assert_eq!(net.nodes.len(), 4);
    assert_eq!(node(&net, "Chen, Chaomei").count, 2);
    assert_eq!(node(&net, "Chen, Chen").count, 1);
    assert_eq!(net.links.len(), 2);
    assert_eq!(link(&net, "Chen, Chaomei", "Song, Min").unwrap().count, 1.0);
    assert_eq!(
        link(&net, "Chen, Chaomei", "Leydesdorff")
            .unwrap()
            .first_year,
        2010
    );
}

#[test]
fn institutions_and_countries() {
    let c = corpus(COLLAB);
    let net = run(&c, &params(NodeKind::Institution, 2, Selection::All))
        .unwrap()
        .network;
    // Drexel Univ (A, B), Yonsei Univ (A), Univ Amsterdam (B), Peking Univ (C).
    assert_eq!(net.nodes.len(), 4);
    assert_eq!(node(&net, "Drexel Univ").count, 2);
    assert_eq!(net.links.len(), 2);
    let net = run(&c, &params(NodeKind::Country, 2, Selection::All))
        .unwrap()
        .network;
    // USA (A, B), South Korea (A), Netherlands (B), China (C).
    assert_eq!(node(&net, "USA").count, 2);
    assert_eq!(node(&net, "China").count, 1);
    assert_eq!(link(&net, "USA", "South Korea").unwrap().count, 1.0);
    assert_eq!(link(&net, "USA", "Netherlands").unwrap().count, 1.0);
    assert_eq!(net.links.len(), 2);
}

#[test]
fn keywords_fold_case_hyphens_and_plurals() {
    // A: science mapping, co citation, citation analysis, co citation (ID plural) → 3 distinct.
    // B: science mapping, citation analysis. C: co citation.
    let c = corpus(COLLAB);
    let net = run(&c, &params(NodeKind::Keyword, 2, Selection::All))
        .unwrap()
        .network;
    assert_eq!(net.nodes.len(), 3);
    assert_eq!(node(&net, "science mapping").count, 2);
    assert_eq!(node(&net, "co citation").count, 2);
    assert_eq!(node(&net, "citation analysis").count, 2);
    assert_eq!(
        link(&net, "science mapping", "citation analysis")
            .unwrap()
            .count,
        2.0
    );
    assert_eq!(
        link(&net, "science mapping", "co citation").unwrap().count,
        1.0
    );
}

#[test]
fn bibliographic_coupling() {
    // Records are nodes, counts are their references: R1 3, R2 2, R3 3, R4 2, R5 4.
    // Shared references: R1-R2 {X,Y} 2, R1-R3 {X,Z} 2, R1-R4 {Y,Z} 2, R1-R5 3,
    // R2-R3 {X} 1, R2-R4 {Y} 1, R2-R5 2, R3-R4 {Z} 1, R3-R5 3, R4-R5 2.
    let c = refs_corpus();
    let net = run(&c, &params(NodeKind::Coupling, 3, Selection::All))
        .unwrap()
        .network;
    assert_eq!(net.nodes.len(), 5);
    assert_eq!(net.links.len(), 10);
    assert_eq!(net.nodes[0].id, "R5");
    assert_eq!(net.nodes[0].count, 4);
    let by_id = |id: &str| net.nodes.iter().position(|n| n.id == id).unwrap() as u32;
    let count = |a: &str, b: &str| {
        let (i, j) = (by_id(a), by_id(b));
        net.links
            .iter()
            .find(|l| (l.source, l.target) == (i.min(j), i.max(j)))
            .unwrap()
            .count
    };
    assert_eq!(count("R1", "R5"), 3.0);
    assert_eq!(count("R3", "R5"), 3.0);
    assert_eq!(count("R2", "R3"), 1.0);
}

#[test]
fn thesaurus_merges_variants() {
    // Map W onto X: X's count becomes |{R1,R2,R3,R5}| = 4 still (R3, R5 cite both),
    // and the node W disappears.
    let c = refs_corpus();
    let mut p = params(NodeKind::Reference, 3, Selection::All);
    p.network.thesaurus = vec![(W.to_string(), X.to_string())];
    let net = run(&c, &p).unwrap().network;
    assert_eq!(net.nodes.len(), 3);
    assert_eq!(node(&net, "Xa").count, 4);
    assert_eq!(link(&net, "Xa", "Ya").unwrap().count, 3.0);
}

#[test]
fn no_references_is_explained() {
    let c = corpus(COLLAB);
    let a = run(&c, &params(NodeKind::Reference, 1, Selection::All)).unwrap();
    assert!(a.network.links.is_empty());
    assert!(
        a.notes[0].contains("Full Record and Cited References"),
        "{:?}",
        a.notes
    );
}

#[test]
fn node_records_trace_counts() {
    let c = refs_corpus();
    let a = run(&c, &params(NodeKind::Reference, 3, Selection::All)).unwrap();
    let nr = a.node_records(&c);
    for (i, n) in a.network.nodes.iter().enumerate() {
        assert_eq!(nr[i].len() as u32, n.count);
    }
    let x = a
        .network
        .nodes
        .iter()
        .position(|n| n.label.starts_with("Xa"))
        .unwrap();
    let w = a
        .network
        .nodes
        .iter()
        .position(|n| n.label.starts_with("Wa"))
        .unwrap();
    // X and W are co-cited by R3 and R5 (record indices 2 and 4).
    assert_eq!(cocite::network::shared_records(&nr, x, w), vec![2, 4]);
}

#[test]
fn bad_parameters() {
    let c = refs_corpus();
    let mut p = params(NodeKind::Reference, 1, Selection::All);
    p.network.from = Some(2003);
    p.network.to = Some(2001);
    assert!(run(&c, &p).unwrap_err().to_string().contains("after"));
    p.network.from = None;
    p.network.to = None;
    p.network.slice = 0;
    assert!(run(&c, &p).is_err());
}
