//! Main path analysis on hand-made citation DAGs: traversal weights (SPC, SPLC, SPNP)
//! and the local, global and key-route main paths, every number computed by hand (the
//! 8-node example of /work/notes/mainpath_interop.md §1.4, checked there by brute-force
//! path enumeration in spc_check.py) or published (Liu & Lu 2012 Fig. 1; Kuan 2020
//! Fig. 2, Table 3, values as anespinosa/netmem's tests hold them).
//!
//! Arcs here run the way knowledge flows, cited → citing (`A→C`: C cites A); the
//! network's links run citing → cited.

use cocite::analysis::mainpath::{
    PathSearch, Traversal, acyclic, main_path, search, topological_order, weights,
};
use cocite::network::{Link, Network, Node, NodeKind};

/// Arcs between letters, as (index, index) with A = 0.
fn arcs(spec: &[&str]) -> Vec<(u32, u32)> {
    let idx = |c: char| c as u32 - 'A' as u32;
    spec.iter()
        .map(|s| {
            let mut c = s.chars().filter(|c| c.is_ascii_uppercase());
            (idx(c.next().unwrap()), idx(c.next().unwrap()))
        })
        .collect()
}

/// The worked example: A→C A→D B→D B→E C→D D→F E→F E→G F→H; sources A, B; sinks G, H.
const EXAMPLE: [&str; 9] = [
    "A>C", "A>D", "B>D", "B>E", "C>D", "D>F", "E>F", "E>G", "F>H",
];

fn chosen(spec: &[&str], flags: &[bool]) -> Vec<String> {
    spec.iter()
        .zip(flags)
        .filter(|(_, f)| **f)
        .map(|(s, _)| s.to_string())
        .collect()
}

#[test]
fn traversal_weights_of_the_worked_example() {
    let a = arcs(&EXAMPLE);
    // N−: A1 B1 C1 D3 E1 F4 G1 H4; N+: A2 B3 C1 D1 E2 F1 G1 H1. SPC = N−(u)·N+(v).
    let spc = weights(8, &a, Traversal::Spc).expect("a DAG");
    assert_eq!(spc, [1.0, 1.0, 1.0, 2.0, 1.0, 3.0, 1.0, 1.0, 4.0]);
    // Â: A1 B1 C2 D5 E2 F8 G3 H9. SPLC = Â(u)·N+(v).
    let splc = weights(8, &a, Traversal::Splc).expect("a DAG");
    assert_eq!(splc, [1.0, 1.0, 1.0, 2.0, 2.0, 5.0, 2.0, 2.0, 8.0]);
    // D̂: A8 B8 C4 D3 E4 F2 G1 H1. SPNP = Â(u)·D̂(v).
    let spnp = weights(8, &a, Traversal::Spnp).expect("a DAG");
    assert_eq!(spnp, [4.0, 3.0, 3.0, 4.0, 6.0, 10.0, 4.0, 2.0, 8.0]);
    // Kirchhoff at D: 1 + 1 + 1 in, 3 out; at F: 3 + 1 in, 4 out.
    assert_eq!(spc[1] + spc[2] + spc[4], spc[5]);
    assert_eq!(spc[5] + spc[6], spc[8]);
}

#[test]
fn searches_of_the_worked_example() {
    let a = arcs(&EXAMPLE);
    let w = weights(8, &a, Traversal::Spc).expect("a DAG");
    // Local: B→E (2) is the heaviest arc leaving a source; at E, E→F and E→G tie at 1
    // (both followed); from F, F→H.
    let local = search(8, &a, &w, PathSearch::Local);
    assert_eq!(chosen(&EXAMPLE, &local), ["B>E", "E>F", "E>G", "F>H"]);
    // Global: A-C-D-F-H sums 1+1+3+4 = 9, more than A-D-F-H and B-D-F-H (8),
    // B-E-F-H (7), B-E-G (3).
    let global = search(8, &a, &w, PathSearch::Global);
    assert_eq!(chosen(&EXAMPLE, &global), ["A>C", "C>D", "D>F", "F>H"]);
    // Key-route k=1: seed F→H (4); backward D→F (3 > 1), then A→D, B→D, C→D tied at 1,
    // then A→C.
    let k1 = search(8, &a, &w, PathSearch::KeyRoute { k: 1 });
    assert_eq!(
        chosen(&EXAMPLE, &k1),
        ["A>C", "A>D", "B>D", "C>D", "D>F", "F>H"]
    );
    // k=2 adds the seed D→F, already in; k=3 adds B→E, extended forward by E→F, E→G.
    assert_eq!(search(8, &a, &w, PathSearch::KeyRoute { k: 2 }), k1);
    assert!(
        search(8, &a, &w, PathSearch::KeyRoute { k: 3 })
            .iter()
            .all(|&x| x)
    );
}

#[test]
fn published_weights_are_reproduced() {
    // Liu & Lu (2012), Fig. 1.
    let liu = [
        "A>H", "B>H", "H>J", "H>D", "J>C", "J>D", "B>I", "I>F", "I>G", "I>E", "G>D", "G>E",
    ];
    let spc = weights(10, &arcs(&liu), Traversal::Spc).expect("a DAG");
    assert_eq!(
        spc,
        [3.0, 3.0, 4.0, 2.0, 2.0, 2.0, 4.0, 1.0, 2.0, 1.0, 1.0, 1.0]
    );
    // Kuan (2020), Fig. 2, nodes 1..13 as 0..12.
    let kuan: Vec<(u32, u32)> = [
        (1, 4),
        (2, 4),
        (3, 4),
        (4, 5),
        (4, 6),
        (5, 7),
        (6, 8),
        (7, 8),
        (7, 9),
        (7, 10),
        (7, 11),
        (8, 12),
        (8, 13),
    ]
    .iter()
    .map(|&(u, v)| (u - 1, v - 1))
    .collect();
    let w = |t| weights(13, &kuan, t).expect("a DAG");
    let (spc, splc, spnp) = (w(Traversal::Spc), w(Traversal::Splc), w(Traversal::Spnp));
    // Arc 8→12: 6 / 12 / 12; arc 1→4: 7 / 7 / 13.
    assert_eq!((spc[11], splc[11], spnp[11]), (6.0, 12.0, 12.0));
    assert_eq!((spc[0], splc[0], spnp[0]), (7.0, 7.0, 13.0));
    let weighted_in = |w: &[f64]| -> Vec<f64> {
        (0..13)
            .map(|n| {
                (0..kuan.len())
                    .filter(|&e| kuan[e].1 == n)
                    .map(|e| w[e])
                    .sum()
            })
            .collect()
    };
    let weighted_out = |w: &[f64]| -> Vec<f64> {
        (0..13)
            .map(|n| {
                (0..kuan.len())
                    .filter(|&e| kuan[e].0 == n)
                    .map(|e| w[e])
                    .sum()
            })
            .collect()
    };
    let v = |x: &[u32]| x.iter().map(|&x| x as f64).collect::<Vec<f64>>();
    assert_eq!(
        weighted_in(&spc),
        v(&[0, 0, 0, 21, 15, 6, 15, 12, 3, 3, 3, 6, 6])
    );
    assert_eq!(
        weighted_out(&splc),
        v(&[7, 7, 7, 28, 25, 10, 30, 24, 0, 0, 0, 0, 0])
    );
    assert_eq!(
        weighted_in(&spnp),
        v(&[0, 0, 0, 39, 32, 16, 35, 33, 6, 6, 6, 12, 12])
    );
    assert_eq!(
        weighted_out(&spnp),
        v(&[13, 13, 13, 48, 35, 15, 36, 24, 0, 0, 0, 0, 0])
    );
}

/// The worked example as a citation network: node i is letter i, published in
/// `YEARS[i]`; a link runs from the citing to the cited node.
const YEARS: [i32; 8] = [2000, 2000, 2001, 2002, 2001, 2003, 2002, 2004];

fn network(flow: &[(u32, u32)]) -> Network {
    let nodes = (0..8)
        .map(|i| Node {
            id: ((b'A' + i as u8) as char).to_string(),
            year: Some(YEARS[i]),
            ..Default::default()
        })
        .collect();
    let mut links: Vec<Link> = flow
        .iter()
        .map(|&(cited, citing)| Link {
            source: citing,
            target: cited,
            weight: 1.0,
            count: 1.0,
            first_year: YEARS[citing as usize],
        })
        .collect();
    links.sort_by_key(|l| (l.source, l.target));
    Network {
        kind: NodeKind::Citation,
        directed: true,
        nodes,
        links,
    }
}

fn ids(net: &Network, nodes: &[u32]) -> String {
    nodes
        .iter()
        .map(|&i| net.nodes[i as usize].id.as_str())
        .collect()
}

#[test]
fn main_path_of_a_citation_network() {
    let net = network(&arcs(&EXAMPLE));
    let m = main_path(&net, None, Traversal::Spc, PathSearch::Global);
    assert_eq!(ids(&net, &m.nodes), "ACDFH");
    assert_eq!(m.links.len(), 4);
    assert!(m.cycle_links.is_empty());
    // 5 source-to-sink paths: A-C-D-F-H, A-D-F-H, B-D-F-H, B-E-F-H, B-E-G.
    assert_eq!(m.total_paths, 5.0);
    // Every main-path link is a citation link, and its weight is the arc's SPC:
    // C→A 1, D→C 1, F→D 3, H→F 4.
    let mut w: Vec<f64> = m
        .links
        .iter()
        .map(|&l| m.link_weights[l as usize])
        .collect();
    w.sort_by(f64::total_cmp);
    assert_eq!(w, [1.0, 1.0, 3.0, 4.0]);
    // Local search (SPC): B, E (2001), G (2002), F (2003), H (2004): in time order.
    let m = main_path(&net, None, Traversal::Spc, PathSearch::Local);
    assert_eq!(ids(&net, &m.nodes), "BEGFH");
    // Without the 2004 paper H (the slider at 2003) F is a sink: SPC D→F = 3·1, and
    // A-C-D-F sums 1+1+3 = 5, more than A-D-F and B-D-F (4), B-E-F and B-E-G (3).
    let visible: Vec<bool> = YEARS.iter().map(|&y| y <= 2003).collect();
    let m = main_path(&net, Some(&visible), Traversal::Spc, PathSearch::Global);
    assert_eq!(ids(&net, &m.nodes), "ACDF");
}

#[test]
fn cycles_are_broken_by_year_then_index() {
    // D (2002) and F (2003) cite each other: the arc F→D (D citing the newer F) is
    // dropped, D→F kept, and the weights are the DAG's.
    let mut flow = arcs(&EXAMPLE);
    flow.push((5, 3));
    let net = network(&flow);
    let m = main_path(&net, None, Traversal::Spc, PathSearch::Global);
    assert_eq!(m.cycle_links.len(), 1);
    let dropped = &net.links[m.cycle_links[0] as usize];
    assert_eq!((dropped.source, dropped.target), (3, 5));
    assert_eq!(ids(&net, &m.nodes), "ACDFH");
    // The rank rule alone: a 3-cycle 0→1→2→0 with ranks 0,1,2 keeps 0→1 and 1→2.
    assert_eq!(
        acyclic(3, &[(0, 1), (1, 2), (2, 0)], &[0, 1, 2]),
        [true, true, false]
    );
    // Arcs outside a cycle stay even when they run against the rank.
    assert_eq!(acyclic(2, &[(1, 0)], &[0, 1]), [true]);
    assert!(topological_order(3, &[(0, 1), (1, 2), (2, 0)], &[]).is_none());
    // An empty network has an empty main path.
    let empty = Network {
        directed: true,
        ..Default::default()
    };
    let m = main_path(&empty, None, Traversal::Spnp, PathSearch::Local);
    assert!(m.nodes.is_empty() && m.links.is_empty() && m.total_paths == 0.0);
}

#[test]
fn search_names_round_trip() {
    for s in ["local", "global", "key-route:3"] {
        assert_eq!(s.parse::<PathSearch>().unwrap().to_string(), s);
    }
    assert_eq!(
        "key-route".parse::<PathSearch>(),
        Ok(PathSearch::KeyRoute { k: 1 })
    );
    assert!("key-route:0".parse::<PathSearch>().is_err());
    assert!("widest".parse::<PathSearch>().is_err());
    assert_eq!("SPNP".parse::<Traversal>(), Ok(Traversal::Spnp));
    assert!("spx".parse::<Traversal>().is_err());
}
