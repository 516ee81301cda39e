//! Layouts of the merged network, independent of any GUI:
//! - [`ForceAtlas2`] (Jacomy et al. 2014) with a Barnes–Hut quadtree, parallel: the
//!   default, for any size;
//! - [`fdg::FdgLayout`], a bridge to fdg-sim's Fruchterman–Reingold for small graphs
//!   (cargo feature `fdg`, see that module for why it is optional);
//! - [`timeline::timeline`] and [`timeline::timezone`], CiteSpace's time views;
//! - [`historiograph::historiograph`], Garfield's historiograph of a citation network.
//!
//! The force layouts step one iteration at a time so the app can animate them:
//!
//! ```
//! use cocite::layout::{ForceAtlas2, Fa2Params, LayoutGraph, warm_start};
//! let g = LayoutGraph::from_edges(4, vec![(0, 1, 1.0), (1, 2, 1.0), (2, 3, 2.0)]);
//! let mut fa2 = ForceAtlas2::new(Fa2Params::default());
//! let mut pos = fa2.init(&g, 42);
//! fa2.pin(0);
//! while !fa2.converged() {
//!     let stats = fa2.step(&mut pos, &g);
//!     assert!(stats.energy.is_finite());
//! #   break;
//! }
//! // The slider added node 4, linked to node 3: old nodes keep their place.
//! let g2 = LayoutGraph::from_edges(5, vec![(0, 1, 1.0), (1, 2, 1.0), (2, 3, 2.0), (3, 4, 1.0)]);
//! let prev: Vec<Option<[f32; 2]>> = pos.iter().copied().map(Some).collect();
//! let mut pos2 = warm_start(&prev, &g2, 42);
//! assert_eq!(pos2[..4], pos[..]);
//! cocite::layout::settle(&mut fa2, &mut pos2, &g2, 20);
//! ```
//!
//! With the timeline slider, build the visible graph with [`LayoutGraph::from_window`]
//! (which also returns each visible node's network index), map the previous positions
//! with [`carry_positions`], then [`warm_start`] and [`settle`] (or keep stepping);
//! [`window_layout`] does all of that from the full layout, as the app's slider does.
//!
//! [`run`] is the pipeline's layout stage: from a network (with its clusters) and the
//! [`LayoutParams`] it returns [`Positions`]: a position per node and the final energy
//! (`Σ |F_i|²` for ForceAtlas2, kinetic energy for fdg-sim, none for the time views).
//! A force layout ends with [`remove_overlap`] unless `prevent_overlap` is off,
//! then the map is turned so that it is wider than tall ([`align_principal_axis`]) and
//! components other than the largest are packed under the largest ([`pack_components`]).

pub mod barnes_hut;
pub mod components;
#[cfg(feature = "fdg")]
pub mod fdg;
pub mod forceatlas2;
pub mod graph;
pub mod historiograph;
pub mod sizes;
pub mod timeline;
pub mod warm;

pub use components::{align_principal_axis, pack_components};
pub use forceatlas2::{Fa2Params, ForceAtlas2, StepStats};
pub use graph::{LayoutGraph, diameter, planted_partition};
pub use sizes::{NodeSizes, node_radii, separate};
pub use timeline::{TimeParams, TimedNode};
pub use warm::{carry_positions, settle, warm_start, window_layout, window_steps};

use crate::network::Network;
use crate::progress::Progress;
use serde::{Deserialize, Serialize};

/// Layout method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LayoutMethod {
    /// fdg-sim Fruchterman–Reingold (small graphs).
    Fdg,
    /// ForceAtlas2 with Barnes–Hut.
    #[default]
    Fa2,
    /// Clusters as rows, publication year on x (CiteSpace timeline view).
    Timeline,
    /// Vertical zones per year of first appearance (CiteSpace time-zone view).
    Timezone,
    /// Publication year on x, one column per year, clusters as bands, crossings
    /// reduced (Garfield's historiograph, for citation networks).
    Historiograph,
    None,
}

/// Default layout iterations.
pub const DEFAULT_ITERATIONS: u32 = 300;

/// How the layout stage places the nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayoutParams {
    #[serde(rename = "layout")]
    pub method: LayoutMethod,
    pub iterations: u32,
    /// End the force layout with ForceAtlas2's prevent-overlap phase (Gephi's "adjust
    /// sizes") and a separation of the discs, so nodes drawn at their size do not
    /// cover each other.
    pub prevent_overlap: bool,
    /// Node size relative to the default ([`sizes::NodeSizes`]): 1 = default.
    pub node_scale: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            method: LayoutMethod::default(),
            iterations: DEFAULT_ITERATIONS,
            prevent_overlap: true,
            node_scale: 1.0,
        }
    }
}

/// What the layout stage produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Positions {
    /// Position of each node; `None` when the method is [`LayoutMethod::None`].
    pub xy: Option<Vec<[f64; 2]>>,
    /// Final energy of a force layout.
    pub energy: Option<f64>,
    /// Messages for the user (a method replaced, a phase skipped).
    pub notes: Vec<String>,
}

/// Largest graph laid out with fdg-sim; above it `--layout fdg` uses ForceAtlas2
/// (an O(n²) step at 5k nodes takes 78 ms, 300 steps half a minute).
pub const FDG_MAX_NODES: usize = 2000;

/// Width and height of the square the app and the figures fit a map into, in the
/// units of [`node_radius`].
pub const MAP_SPAN: f32 = 1000.0;
/// Steps of the prevent-overlap phase that ends a force layout.
pub const OVERLAP_STEPS: u32 = 100;
/// Largest network given the prevent-overlap phase: above it, nodes drawn at their
/// sizes cannot share a map without overlapping anyway (10,000 nodes of 5–20 units
/// radius cover most of a 1000 × 1000 map), and the phase would cost seconds.
pub const OVERLAP_MAX_NODES: usize = 5000;

/// Radii in layout units of the discs of nodes with `counts` at node scale `scale`
/// ([`sizes::node_radii`]) once `pos` is fitted into [`MAP_SPAN`]: what
/// prevent-overlap must keep apart.
pub fn overlap_radii(counts: &[u32], scale: f64, pos: &[[f32; 2]]) -> Vec<f32> {
    sizes::in_layout_units(&sizes::node_radii(counts, scale), pos)
}

/// Gephi's final "prevent overlap" phase: [`OVERLAP_STEPS`] more ForceAtlas2 steps
/// with the nodes' drawn radii ([`overlap_radii`]), from the current positions.
pub fn remove_overlap(
    fa2: &mut ForceAtlas2,
    pos: &mut [[f32; 2]],
    g: &LayoutGraph,
    (counts, scale): (&[u32], f64),
    steps: u32,
) -> StepStats {
    fa2.set_radii(overlap_radii(counts, scale, pos));
    let before = fa2.params.prevent_overlap;
    fa2.params.prevent_overlap = true;
    fa2.reset();
    let stats = fa2.run(pos, g, steps, |_| true);
    fa2.params.prevent_overlap = before;
    stats
}

/// How often (in steps) the force layouts report progress.
const PROGRESS_EVERY: u32 = 10;

/// Positions for every node of `net` (whose nodes carry their clusters, for the
/// timeline), laid out with `params` from `seed`.
pub fn run(net: &Network, params: &LayoutParams, seed: u64, progress: Progress) -> Positions {
    let method = params.method;
    let iterations = params.iterations;
    let n = net.nodes.len();
    let mut out = Positions::default();
    let positions: Vec<[f64; 2]> = match method {
        LayoutMethod::None => return out,
        LayoutMethod::Timeline => timeline::timeline(
            &timed_nodes(net, false, params.node_scale),
            &TimeParams::default(),
        ),
        LayoutMethod::Timezone => timeline::timezone(
            &timed_nodes(net, true, params.node_scale),
            &TimeParams::default(),
        ),
        LayoutMethod::Historiograph => historiograph_positions(net),
        #[cfg(feature = "fdg")]
        LayoutMethod::Fdg if n <= FDG_MAX_NODES => {
            let (pos, energy) = run_fdg(net, iterations, seed, progress);
            out.energy = energy;
            pos
        }
        LayoutMethod::Fdg | LayoutMethod::Fa2 => {
            if method == LayoutMethod::Fdg {
                out.notes.push(if cfg!(feature = "fdg") {
                    format!("{n} nodes is more than fdg-sim handles well ({FDG_MAX_NODES}); used ForceAtlas2")
                } else {
                    "built without the `fdg` feature; used ForceAtlas2".to_string()
                });
            }
            let g = LayoutGraph::from_network(net);
            let mut fa2 = ForceAtlas2::new(Fa2Params::default());
            let mut pos = fa2.init(&g, seed);
            let stats = fa2.run(&mut pos, &g, iterations, |it| {
                report(progress, it, iterations)
            });
            // The energy reported is the force layout's: overlapping nodes repel
            // 100-fold in the prevent-overlap phase, so its Σ|F|² says nothing of
            // convergence.
            let counts: Vec<u32> = net.nodes.iter().map(|n| n.count).collect();
            if params.prevent_overlap && n <= OVERLAP_MAX_NODES {
                let sized = (counts.as_slice(), params.node_scale);
                remove_overlap(&mut fa2, &mut pos, &g, sized, OVERLAP_STEPS);
            } else if params.prevent_overlap {
                out.notes.push(format!(
                    "overlaps not removed: {n} nodes is more than {OVERLAP_MAX_NODES}"
                ));
            }
            align_principal_axis(&mut pos, &g);
            pack_components(&mut pos, &g);
            if params.prevent_overlap && n <= OVERLAP_MAX_NODES {
                separate_discs(&mut pos, &counts, params.node_scale);
            }
            out.energy = Some(stats.energy);
            to_f64(&pos)
        }
    };
    out.xy = Some(positions);
    out
}

/// Separates the discs at the sizes they are drawn ([`sizes::separate`]): the radii
/// follow the map's extent, which separation itself widens, so a few rounds recompute
/// them (each round's discs are at least as large as the next's, so the last round
/// leaves no overlap at the final size).
fn separate_discs(pos: &mut [[f32; 2]], counts: &[u32], scale: f64) {
    for _ in 0..3 {
        let radii = overlap_radii(counts, scale, pos);
        if sizes::separate(pos, &radii, SEPARATION_GAP, SEPARATION_PASSES) == 0 {
            break;
        }
    }
}

/// Gap left between separated discs, as a share of the sum of their radii: room for
/// their rings ([`sizes::MARK_REACH`]) and a little air.
pub const SEPARATION_GAP: f32 = sizes::MARK_REACH as f32 - 1.0 + 0.06;
/// Most passes of one separation round.
pub const SEPARATION_PASSES: u32 = 200;

fn report(progress: Progress, it: u32, iterations: u32) -> bool {
    !it.is_multiple_of(PROGRESS_EVERY) || progress("layout", it as f32 / iterations.max(1) as f32)
}

fn to_f64(pos: &[[f32; 2]]) -> Vec<[f64; 2]> {
    pos.iter().map(|p| [p[0] as f64, p[1] as f64]).collect()
}

#[cfg(feature = "fdg")]
fn run_fdg(
    net: &Network,
    iterations: u32,
    seed: u64,
    progress: Progress,
) -> (Vec<[f64; 2]>, Option<f64>) {
    let g = LayoutGraph::from_network(net);
    let mut fdg = fdg::FdgLayout::new(fdg::FdgParams::default());
    let mut pos = fdg.init(&g, seed);
    let mut energy = None;
    for it in 1..=iterations {
        energy = Some(fdg.step(&mut pos, &g).energy);
        if fdg.converged() || !report(progress, it, iterations) {
            break;
        }
    }
    align_principal_axis(&mut pos, &g);
    pack_components(&mut pos, &g);
    (to_f64(&pos), energy)
}

/// The historiograph of `net` ([`historiograph::historiograph`]) at each node's
/// publication year, unclamped: x grows with the year, always.
pub fn historiograph_positions(net: &Network) -> Vec<[f64; 2]> {
    let years: Vec<i32> = net
        .nodes
        .iter()
        .map(|n| {
            n.year
                .or_else(|| n.per_year.keys().next().copied())
                .unwrap_or(0)
        })
        .collect();
    historiograph::historiograph(net, &years, &TimeParams::default())
}

/// Share of the nodes older than the first year of the time views' axis.
pub const TIME_AXIS_QUANTILE: f64 = 0.05;

/// Drawn radii (world units) of the nodes in the time views: the map's node sizes at
/// `scale` × [`TIME_SIZE_FACTOR`], capped at [`timeline::TIME_RADIUS_MAX`].
pub fn time_radii(net: &Network, scale: f64) -> Vec<f64> {
    let counts: Vec<u32> = net.nodes.iter().map(|n| n.count).collect();
    node_radii(&counts, scale * TIME_SIZE_FACTOR)
        .into_iter()
        .map(|r| r.min(timeline::TIME_RADIUS_MAX))
        .collect()
}

/// The time views spread a map over decades of years on x, so their discs are drawn
/// larger than the cluster view's (which packs the map into a square).
pub const TIME_SIZE_FACTOR: f64 = 2.0;

/// A node's own year in the time views, before the axis start clamps it: its
/// publication year (timeline) or first slice (time zone), falling back to the first
/// year it occurs.
pub fn time_year(node: &crate::network::Node, by_first_slice: bool) -> Option<i32> {
    let first_seen = node.per_year.keys().next().copied();
    if by_first_slice {
        Some(node.first_slice)
            .filter(|&y| y != 0)
            .or(first_seen)
            .or(node.year)
    } else {
        node.year.or(first_seen).or(Some(node.first_slice))
    }
}

/// The first year of the time views' axis: the [`TIME_AXIS_QUANTILE`] quantile of the
/// nodes' own years ([`time_year`]); `None` when no node has one.
pub fn time_axis_start(net: &Network, by_first_slice: bool) -> Option<i32> {
    let mut years: Vec<i32> = net
        .nodes
        .iter()
        .filter_map(|n| time_year(n, by_first_slice))
        .collect();
    let at = ((years.len() as f64 * TIME_AXIS_QUANTILE) as usize).min(years.len().checked_sub(1)?);
    Some(*years.select_nth_unstable(at).1)
}

/// Where the time views draw a node of own year `own` on an axis starting at `first`
/// ([`time_axis_start`]): older years at the first year, a node without year at 0.
pub fn placed_year(own: Option<i32>, first: Option<i32>) -> i32 {
    match (own, first) {
        (Some(y), Some(f)) => y.max(f),
        (y, _) => y.unwrap_or(0),
    }
}

/// The time views' inputs: the node's publication year (timeline) or first slice
/// (time zone), falling back to the first year it occurs, and its radius at node
/// scale `scale` ([`time_radii`]). The axis starts at the 5th percentile of the
/// nodes' years ([`TIME_AXIS_QUANTILE`]); the few older nodes (a reference from 1867
/// in a study of 1998–2026) sit at that first year, so the axis does not stretch over
/// a century with almost nothing in it.
pub fn timed_nodes(net: &Network, by_first_slice: bool, scale: f64) -> Vec<TimedNode> {
    let radii = time_radii(net, scale);
    let first = time_axis_start(net, by_first_slice);
    net.nodes
        .iter()
        .zip(radii)
        .map(|(node, radius)| {
            let year = placed_year(time_year(node, by_first_slice), first);
            TimedNode {
                cluster: node.cluster,
                year,
                weight: node.count as f64,
                radius,
            }
        })
        .collect()
}
