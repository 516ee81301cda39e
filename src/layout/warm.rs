//! Warm start: positions for a graph whose node set changed (the timeline slider moved),
//! keeping the nodes that were already placed where they were.
//!
//! New nodes are placed in rounds (breadth-first from the placed nodes): in each round
//! every new node with a placed neighbour goes to the weighted mean of those
//! neighbours, plus a seeded jitter of half the median link length so that siblings do
//! not coincide. Nodes with no path to a placed node go uniformly into the bounding box
//! of the placed ones. Each round reads only positions from earlier rounds, so the
//! result does not depend on node order. A few layout steps then settle the map
//! ([`settle`]).
//!
//! [`window_layout`] is what the timeline slider shows: the network of one window of
//! years, settled from the full network's layout. It always starts from the full
//! layout (never from the previous window), so a window looks the same however the
//! slider got there, and a saved session redraws the same figure.

use super::LayoutParams;
use super::forceatlas2::{Fa2Params, ForceAtlas2, StepStats};
use super::graph::{LayoutGraph, SplitMix64, bounding_box, random_positions};
use crate::network::{Network, WindowView};

/// Work (visible nodes + links, per step) one slider move may spend settling the
/// window: at about 40 ns per unit (ForceAtlas2 with Barnes–Hut, 10k nodes / 100k
/// links: 4.2 ms per step) this is ~60 ms at the largest sizes, and 30 steps for
/// networks up to 50k nodes + links.
pub const WINDOW_WORK: usize = 1_500_000;

/// Largest window settled with prevent-overlap (exact anti-collision, O(n²) per step:
/// 30 steps at 500 nodes take ~25 ms). Larger windows start from the full layout,
/// where overlaps were already removed, and settle with the plain law.
pub const WINDOW_OVERLAP_MAX: usize = 500;

/// Settling steps for a window of `nodes` + `links`: as many as [`WINDOW_WORK`] allows,
/// between 3 and 30 (a warm map needs few; more would drift from the full layout).
pub fn window_steps(nodes: usize, links: usize) -> u32 {
    (WINDOW_WORK / (nodes + links).max(1)).clamp(3, 30) as u32
}

/// Positions of the nodes `view` shows, `None` for the others: the network of that
/// window (its nodes and the links that exist by then), starting from the full
/// layout (`Node::x`, `Node::y`; nodes without one are warm-started next to their
/// neighbours) and settled for [`window_steps`] ForceAtlas2 steps with the layout's
/// parameters and seed (with prevent-overlap when they ask for it, at the radii the
/// full map is drawn with, up to [`WINDOW_OVERLAP_MAX`] nodes). A window showing the
/// whole network returns the full layout unchanged.
pub fn window_layout(
    net: &Network,
    view: &WindowView,
    params: &LayoutParams,
    seed: u64,
) -> Vec<Option<[f32; 2]>> {
    let full: Vec<Option<[f32; 2]>> = net
        .nodes
        .iter()
        .map(|n| Some([n.x? as f32, n.y? as f32]))
        .collect();
    let everything = view.visible_nodes == net.nodes.len() && view.visible_links == net.links.len();
    if everything && full.iter().all(Option::is_some) {
        return full;
    }
    let (g, original) = LayoutGraph::from_window(net, view);
    let prev: Vec<Option<[f32; 2]>> = original.iter().map(|&i| full[i]).collect();
    let mut pos = warm_start(&prev, &g, seed);
    let mut fa2 = ForceAtlas2::new(Fa2Params::default());
    if params.prevent_overlap && g.node_count() <= WINDOW_OVERLAP_MAX {
        let placed: Vec<[f32; 2]> = full.iter().flatten().copied().collect();
        let counts: Vec<u32> = net.nodes.iter().map(|n| n.count).collect();
        let radii = super::overlap_radii(&counts, params.node_scale, &placed);
        fa2.set_radii(original.iter().map(|&i| radii[i]).collect());
        fa2.params.prevent_overlap = true;
    }
    settle(
        &mut fa2,
        &mut pos,
        &g,
        window_steps(g.node_count(), g.link_count()),
    );
    let mut out = vec![None; net.nodes.len()];
    for (&i, p) in original.iter().zip(pos) {
        out[i] = Some(p);
    }
    out
}

/// Positions for `g` where `prev[i]` is the previous position of node `i`, if it had one.
/// `prev` shorter than the graph counts as `None` for the rest.
pub fn warm_start(prev: &[Option<[f32; 2]>], g: &LayoutGraph, seed: u64) -> Vec<[f32; 2]> {
    let n = g.node_count();
    let mut placed: Vec<Option<[f32; 2]>> =
        (0..n).map(|i| prev.get(i).copied().flatten()).collect();
    if placed.iter().all(Option::is_none) {
        return random_positions(n, 10.0 * (n.max(1) as f32).sqrt(), seed);
    }
    let mut rng = SplitMix64::new(seed);
    let jitter = 0.5 * median_link_length(&placed, g).unwrap_or(1.0);
    loop {
        let round: Vec<(usize, [f32; 2])> = (0..n)
            .filter(|&i| placed[i].is_none())
            .filter_map(|i| {
                let (mut sx, mut sy, mut sw) = (0.0f32, 0.0f32, 0.0f32);
                for (j, w) in g.neighbors(i) {
                    if let Some(p) = placed[j] {
                        sx += w * p[0];
                        sy += w * p[1];
                        sw += w;
                    }
                }
                (sw > 0.0).then(|| (i, [sx / sw, sy / sw]))
            })
            .collect();
        if round.is_empty() {
            break;
        }
        for (i, [x, y]) in round {
            let angle = rng.unit() * std::f32::consts::TAU;
            let r = jitter * (0.5 + 0.5 * rng.unit());
            placed[i] = Some([x + r * angle.cos(), y + r * angle.sin()]);
        }
    }
    let (lo, hi) = bounding_box(placed.iter().flatten());
    placed
        .into_iter()
        .map(|p| {
            p.unwrap_or_else(|| {
                [
                    lo[0] + rng.unit() * (hi[0] - lo[0]),
                    lo[1] + rng.unit() * (hi[1] - lo[1]),
                ]
            })
        })
        .collect()
}

/// Carries positions from one window of a network to another (the timeline slider):
/// `old_nodes[k]` is the network node of old position `k` (as returned by
/// [`LayoutGraph::from_window`]), `new_nodes` the same for the new window. Returns the
/// `prev` argument of [`warm_start`] for the new window.
pub fn carry_positions(
    old_nodes: &[usize],
    old_pos: &[[f32; 2]],
    new_nodes: &[usize],
) -> Vec<Option<[f32; 2]>> {
    let by_node: std::collections::HashMap<usize, [f32; 2]> = old_nodes
        .iter()
        .copied()
        .zip(old_pos.iter().copied())
        .collect();
    new_nodes.iter().map(|i| by_node.get(i).copied()).collect()
}

/// Runs `steps` ForceAtlas2 steps from warm positions, starting slowly: the speed is
/// reset, so the adaptive speed ramps up from 1 instead of continuing a fast phase.
pub fn settle(
    fa2: &mut ForceAtlas2,
    pos: &mut [[f32; 2]],
    g: &LayoutGraph,
    steps: u32,
) -> StepStats {
    fa2.reset();
    fa2.run(pos, g, steps, |_| true)
}

fn median_link_length(placed: &[Option<[f32; 2]>], g: &LayoutGraph) -> Option<f32> {
    let mut lengths: Vec<f32> = g
        .links()
        .filter_map(|(i, j, _)| {
            let (a, b) = (placed[i]?, placed[j]?);
            Some(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt())
        })
        .collect();
    if lengths.is_empty() {
        return None;
    }
    let mid = lengths.len() / 2;
    let (_, m, _) = lengths.select_nth_unstable_by(mid, f32::total_cmp);
    Some(*m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_nodes_go_next_to_their_neighbours() {
        // Path 0-1-2-3: 0 and 1 placed; 2 goes near 1 (median link length 10, jitter
        // 2.5–5), then 3 near 2 in the next round.
        let g = LayoutGraph::from_edges(4, vec![(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
        let prev = [Some([0.0, 0.0]), Some([10.0, 0.0]), None, None];
        let pos = warm_start(&prev, &g, 3);
        assert_eq!(&pos[..2], &[[0.0, 0.0], [10.0, 0.0]]);
        let d = |a: [f32; 2], b: [f32; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        assert!((2.5..=5.0).contains(&d(pos[2], pos[1])), "{pos:?}");
        assert!((2.5..=5.0).contains(&d(pos[3], pos[2])), "{pos:?}");
        assert_eq!(pos, warm_start(&prev, &g, 3));
    }

    #[test]
    fn positions_follow_network_nodes_across_windows() {
        let prev = carry_positions(
            &[2, 5, 9],
            &[[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]],
            &[0, 5, 9, 11],
        );
        assert_eq!(prev, vec![None, Some([2.0, 2.0]), Some([3.0, 3.0]), None]);
    }

    #[test]
    fn isolated_new_nodes_land_inside_the_old_bounding_box() {
        let g = LayoutGraph::from_edges(3, vec![(0, 1, 1.0)]);
        let pos = warm_start(&[Some([0.0, 0.0]), Some([4.0, 2.0])], &g, 1);
        assert!(
            (0.0..=4.0).contains(&pos[2][0]) && (0.0..=2.0).contains(&pos[2][1]),
            "{pos:?}"
        );
    }
}
