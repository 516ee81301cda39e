//! The pipeline's layout stage (`layout::run`) on a hand-made network: every method
//! writes `x`, `y` for every node (or clears them), and reports its energy.

use cocite::network::{Link, Network, Node};
use cocite::pipeline::{Analysis, AnalysisParams, LayoutMethod};
use std::collections::BTreeMap;

/// Two triangles {0,1,2} (cluster 0, 2001–2003) and {3,4,5} (cluster 1, 2005) joined by 2-3.
fn analysis(layout: LayoutMethod) -> Analysis {
    let node = |i: usize, cluster: u32, year: i32| Node {
        id: format!("n{i}"),
        label: format!("N{i}"),
        count: 10 - i as u32,
        per_year: BTreeMap::from([(year + 1, 1)]),
        first_slice: year + 1,
        year: Some(year),
        cluster: Some(cluster),
        ..Node::default()
    };
    let nodes = vec![
        node(0, 0, 2001),
        node(1, 0, 2002),
        node(2, 0, 2003),
        node(3, 1, 2005),
        node(4, 1, 2005),
        node(5, 1, 2005),
    ];
    let link = |source: u32, target: u32| Link {
        source,
        target,
        weight: 1.0,
        count: 1.0,
        first_year: 2006,
    };
    let links = vec![
        link(0, 1),
        link(0, 2),
        link(1, 2),
        link(2, 3),
        link(3, 4),
        link(3, 5),
        link(4, 5),
    ];
    Analysis {
        params: AnalysisParams {
            analysis: cocite::pipeline::AnalysisOptions {
                seed: 3,
                ..Default::default()
            },
            layout: cocite::pipeline::LayoutParams {
                method: layout,
                iterations: 200,
                ..Default::default()
            },
            ..AnalysisParams::default()
        },
        network: Network {
            nodes,
            links,
            ..Network::default()
        },
        ..Analysis::default()
    }
}

fn xy(a: &Analysis) -> Vec<[f64; 2]> {
    a.network
        .nodes
        .iter()
        .map(|n| [n.x.expect("x written"), n.y.expect("y written")])
        .collect()
}

/// The layout stage on `a`'s network, its positions put back on the nodes as the
/// pipeline does.
fn lay_out(a: &mut Analysis, progress: cocite::progress::Progress) {
    let p = cocite::layout::run(
        &a.network,
        &a.params.layout,
        a.params.analysis.seed,
        progress,
    );
    a.apply_positions(p);
}

fn run(layout: LayoutMethod) -> Analysis {
    let mut a = analysis(layout);
    lay_out(&mut a, &|_, _| true);
    a
}

#[test]
fn fa2_writes_positions_and_energy_deterministically() {
    let a = run(LayoutMethod::Fa2);
    let pos = xy(&a);
    assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    assert!(a.layout_energy.is_some_and(|e| e.is_finite() && e >= 0.0));
    assert_eq!(pos, xy(&run(LayoutMethod::Fa2)));
}

#[test]
fn timeline_rows_and_years() {
    // World units (TimeParams::default()): a year is 80 wide. Clusters of equal size:
    // cluster 0 (lower id) is row 0, x = (year − 2001) · 80, each node of row 0 alone in
    // its year, on the row's line. Row 1 stacks the three nodes of 2005 at x = 320: the
    // most cited (node 3) on its line, node 4 below, node 5 above, discs (with their
    // rings, MARK_REACH · r) 3 apart; row 1 starts 40 below row 0's discs.
    let a = run(LayoutMethod::Timeline);
    let pos = xy(&a);
    let reach: Vec<f64> = cocite::layout::time_radii(&a.network, 1.0)
        .iter()
        .map(|r| r * cocite::layout::sizes::MARK_REACH)
        .collect();
    let line0 = pos[0][1];
    assert_eq!(&pos[..3], &[[0.0, line0], [80.0, line0], [160.0, line0]]);
    assert!(pos[3..].iter().all(|p| p[0] == 320.0));
    let (mid, below, above) = (pos[3][1], pos[4][1], pos[5][1]);
    assert!(
        (below - (mid + reach[3] + 3.0 + reach[4])).abs() < 1e-9,
        "{pos:?}"
    );
    assert!(
        (above - (mid - reach[3] - 3.0 - reach[5])).abs() < 1e-9,
        "{pos:?}"
    );
    let row0_bottom = (0..3)
        .map(|i| pos[i][1] + reach[i])
        .fold(f64::MIN, f64::max);
    let row1_top = (3..6)
        .map(|i| pos[i][1] - reach[i])
        .fold(f64::MAX, f64::min);
    assert!(
        (row1_top - row0_bottom - 40.0).abs() < 1e-9,
        "rows 40 apart: {pos:?}"
    );
    assert_eq!(a.layout_energy, None);
}

#[test]
// Zones are a year (80 world units) wide: first slices 2002, 2003, 2004 and 2006.
fn timezone_uses_first_slices() {
    let pos = xy(&run(LayoutMethod::Timezone));
    let xs: Vec<f64> = pos.iter().map(|p| p[0]).collect();
    assert_eq!(xs, vec![0.0, 80.0, 160.0, 320.0, 320.0, 320.0]);
}

#[test]
fn none_clears_positions() {
    let mut a = analysis(LayoutMethod::None);
    a.network.nodes[0].x = Some(1.0);
    a.network.nodes[0].y = Some(1.0);
    lay_out(&mut a, &|_, _| true);
    assert!(
        a.network
            .nodes
            .iter()
            .all(|n| n.x.is_none() && n.y.is_none())
    );
}

#[test]
fn fdg_lays_out_small_graphs_or_falls_back_with_a_note() {
    let a = run(LayoutMethod::Fdg);
    assert_eq!(xy(&a).len(), 6);
    assert!(a.layout_energy.is_some());
    if cfg!(feature = "fdg") {
        assert!(a.notes.is_empty(), "{:?}", a.notes);
    } else {
        assert!(a.notes.iter().any(|n| n.contains("fdg")), "{:?}", a.notes);
    }
}

#[test]
fn cancelling_stops_the_force_layout_but_still_writes_positions() {
    let mut a = analysis(LayoutMethod::Fa2);
    lay_out(&mut a, &|_, _| false);
    assert_eq!(xy(&a).len(), 6);
}

#[test]
fn empty_network_is_fine() {
    for m in [
        LayoutMethod::Fa2,
        LayoutMethod::Fdg,
        LayoutMethod::Timeline,
        LayoutMethod::Timezone,
    ] {
        let mut a = Analysis {
            params: AnalysisParams {
                layout: cocite::pipeline::LayoutParams {
                    method: m,
                    ..Default::default()
                },
                ..AnalysisParams::default()
            },
            ..Analysis::default()
        };
        lay_out(&mut a, &|_, _| true);
        assert!(a.network.nodes.is_empty());
    }
}

#[test]
fn step_with_positions_of_the_wrong_length_moves_nothing() {
    use cocite::layout::{Fa2Params, ForceAtlas2, LayoutGraph};
    let g = LayoutGraph::from_edges(3, vec![(0, 1, 1.0), (1, 2, 1.0)]);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut pos = vec![[0.0, 0.0], [1.0, 0.0]];
    assert_eq!(fa2.step(&mut pos, &g).max_displacement, 0.0);
    assert_eq!(pos, vec![[0.0, 0.0], [1.0, 0.0]]);
}

#[test]
fn slider_flow_keeps_the_nodes_already_shown() {
    use cocite::layout::{
        Fa2Params, ForceAtlas2, LayoutGraph, carry_positions, settle, warm_start,
    };
    let net = analysis(LayoutMethod::Fa2).network;
    // 2002–2004 shows nodes 0, 1, 2 (their only counts are in 2002, 2003, 2004) and no
    // link (all links first appear in 2006); 2002–2006 shows everything.
    let (g1, nodes1) = LayoutGraph::from_window(&net, &net.window(2002, 2004));
    assert_eq!((nodes1.clone(), g1.link_count()), (vec![0, 1, 2], 0));
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    let mut pos1 = fa2.init(&g1, 1);
    fa2.run(&mut pos1, &g1, 50, |_| true);

    let (g2, nodes2) = LayoutGraph::from_window(&net, &net.window(2002, 2006));
    assert_eq!((nodes2.len(), g2.link_count()), (6, 7));
    let prev = carry_positions(&nodes1, &pos1, &nodes2);
    let mut pos2 = warm_start(&prev, &g2, 1);
    assert_eq!(&pos2[..3], &pos1[..]);
    settle(&mut fa2, &mut pos2, &g2, 5);
    assert!(pos2.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
}
