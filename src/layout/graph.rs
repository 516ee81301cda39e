//! The graph as the force layouts read it: compressed sparse rows (CSR) of neighbours
//! with link weights, built once from petgraph's `UnGraph<(), f64>`, from a
//! [`Network`] or from an edge list.
//!
//! Choices:
//! - Weights are divided by their mean, so the mean link weight is 1. The layout
//!   parameters (scaling, gravity) then mean the same whether the links carry raw
//!   co-citation counts, cosine strengths (≈ 0.05) or association strengths.
//! - Self-loops, non-finite and non-positive weights are dropped: they exert no
//!   attraction. Parallel links are kept (their attractions add up).
//! - The FA2 "degree" is the number of incident links (Jacomy et al. 2014 use the
//!   unweighted degree in the mass `deg + 1`).

use crate::network::Network;
use crate::network::types::WindowView;
use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;

/// Undirected weighted graph in CSR form (each link stored from both ends).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutGraph {
    offsets: Vec<u32>,
    targets: Vec<u32>,
    weights: Vec<f32>,
    links: usize,
}

impl LayoutGraph {
    /// Builds the graph of `n` nodes from `(source, target, weight)` links. Links to a
    /// node `>= n`, self-loops and weights that are not finite and positive are dropped.
    pub fn from_edges(
        n: usize,
        edges: impl IntoIterator<Item = (usize, usize, f64)> + Clone,
    ) -> Self {
        let valid =
            |&(s, t, w): &(usize, usize, f64)| s < n && t < n && s != t && w.is_finite() && w > 0.0;
        let mut degree = vec![0u32; n];
        let (mut links, mut total) = (0usize, 0.0f64);
        for e in edges.clone().into_iter().filter(valid) {
            degree[e.0] += 1;
            degree[e.1] += 1;
            links += 1;
            total += e.2;
        }
        let mean = if links > 0 { total / links as f64 } else { 1.0 };
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        for d in &degree {
            let last = *offsets.last().unwrap_or(&0);
            offsets.push(last + d);
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut targets = vec![0u32; 2 * links];
        let mut weights = vec![0f32; 2 * links];
        for (s, t, w) in edges.into_iter().filter(valid) {
            let w = (w / mean) as f32;
            for (a, b) in [(s, t), (t, s)] {
                let k = fill[a] as usize;
                targets[k] = b as u32;
                weights[k] = w;
                fill[a] += 1;
            }
        }
        LayoutGraph {
            offsets,
            targets,
            weights,
            links,
        }
    }

    /// Builds the graph from petgraph's view of a network (node `i` is `NodeIndex::new(i)`).
    pub fn from_graph(g: &UnGraph<(), f64>) -> Self {
        let edges = g
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), *e.weight()));
        Self::from_edges(g.node_count(), edges)
    }

    /// Builds the graph of all nodes and links of a network.
    pub fn from_network(net: &Network) -> Self {
        let edges = net
            .links
            .iter()
            .map(|l| (l.source as usize, l.target as usize, l.weight));
        Self::from_edges(net.nodes.len(), edges)
    }

    /// Builds the graph of what a window shows (the timeline slider). Returns the graph
    /// and, for each of its nodes, the index of the network node it stands for.
    pub fn from_window(net: &Network, view: &WindowView) -> (Self, Vec<usize>) {
        let mut local = vec![u32::MAX; net.nodes.len()];
        let mut original = Vec::with_capacity(view.visible_nodes);
        for (i, _) in view.nodes.iter().enumerate().filter(|(_, v)| **v) {
            local[i] = original.len() as u32;
            original.push(i);
        }
        let edges = net
            .links
            .iter()
            .zip(&view.links)
            .filter(|(_, v)| **v)
            .map(|(l, _)| {
                (
                    local[l.source as usize] as usize,
                    local[l.target as usize] as usize,
                    l.weight,
                )
            });
        (Self::from_edges(original.len(), edges), original)
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of (undirected) links kept.
    pub fn link_count(&self) -> usize {
        self.links
    }

    /// Number of links incident to `i`.
    pub fn degree(&self, i: usize) -> usize {
        (self.offsets[i + 1] - self.offsets[i]) as usize
    }

    /// Neighbours of `i` with their normalised weights.
    pub fn neighbors(&self, i: usize) -> impl Iterator<Item = (usize, f32)> + '_ {
        let range = self.offsets[i] as usize..self.offsets[i + 1] as usize;
        self.targets[range.clone()]
            .iter()
            .zip(&self.weights[range])
            .map(|(&t, &w)| (t as usize, w))
    }

    /// Each link once, as `(source, target, normalised weight)` with `source < target`.
    pub fn links(&self) -> impl Iterator<Item = (usize, usize, f32)> + '_ {
        (0..self.node_count()).flat_map(move |i| {
            self.neighbors(i)
                .filter(move |&(j, _)| i < j)
                .map(move |(j, w)| (i, j, w))
        })
    }
}

/// A planted-partition random graph (Condon & Karp 2001) for tests, benchmarks and
/// demos: `clusters × size` nodes; each node draws `links_per_node` partners, inside its
/// own cluster with probability `p_in`, else uniformly among all nodes; duplicates are
/// kept as parallel links. Weights are 1. Returns the graph and each node's cluster.
pub fn planted_partition(
    clusters: usize,
    size: usize,
    links_per_node: usize,
    p_in: f32,
    seed: u64,
) -> (LayoutGraph, Vec<u32>) {
    let n = clusters * size;
    let mut rng = SplitMix64::new(seed);
    let mut edges = Vec::with_capacity(n * links_per_node);
    for i in 0..n {
        for _ in 0..links_per_node {
            let j = if rng.unit() < p_in {
                (i / size) * size + (rng.next_u64() % size as u64) as usize
            } else {
                (rng.next_u64() % n as u64) as usize
            };
            edges.push((i, j, 1.0));
        }
    }
    let membership = (0..n).map(|i| (i / size.max(1)) as u32).collect();
    (LayoutGraph::from_edges(n, edges), membership)
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, enough for initial
/// placements and jitter; layouts take a seed so runs repeat exactly.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in `[-h, h)`.
    pub(crate) fn symmetric(&mut self, h: f32) -> f32 {
        (2.0 * self.unit() - 1.0) * h
    }
}

/// Uniform random positions in a square of side `side` centred on the origin.
pub(crate) fn random_positions(n: usize, side: f32, seed: u64) -> Vec<[f32; 2]> {
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|_| [rng.symmetric(side / 2.0), rng.symmetric(side / 2.0)])
        .collect()
}

/// Lowest and highest x and y of `pos` (infinite bounds, lo > hi, for no points).
pub fn bounding_box<'a>(pos: impl IntoIterator<Item = &'a [f32; 2]>) -> ([f32; 2], [f32; 2]) {
    let (mut lo, mut hi) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for p in pos {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    (lo, hi)
}

/// Diagonal of the bounding box of `pos` (0 for fewer than two points).
pub fn diameter(pos: &[[f32; 2]]) -> f32 {
    if pos.len() < 2 {
        return 0.0;
    }
    let (lo, hi) = bounding_box(pos);
    ((hi[0] - lo[0]).powi(2) + (hi[1] - lo[1]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csr_normalises_weights_and_drops_bad_links() {
        // Weights 1 and 3 (mean 2) → 0.5 and 1.5; the self-loop, the NaN, the zero
        // and the out-of-range link are dropped.
        let g = LayoutGraph::from_edges(
            3,
            vec![
                (0, 1, 1.0),
                (1, 2, 3.0),
                (2, 2, 5.0),
                (0, 2, f64::NAN),
                (0, 2, 0.0),
                (0, 7, 1.0),
            ],
        );
        assert_eq!(g.node_count(), 3);
        assert_eq!(g.link_count(), 2);
        assert_eq!(g.degree(1), 2);
        let n1: Vec<_> = g.neighbors(1).collect();
        assert_eq!(n1, vec![(0, 0.5), (2, 1.5)]);
        let links: Vec<_> = g.links().collect();
        assert_eq!(links, vec![(0, 1, 0.5), (1, 2, 1.5)]);
    }

    #[test]
    fn diameter_is_the_bounding_box_diagonal() {
        assert_eq!(diameter(&[[0.0, 0.0], [3.0, 1.0], [1.0, 4.0]]), 5.0);
        assert_eq!(diameter(&[[1.0, 1.0]]), 0.0);
    }
}

/// Nodes held in place by the user (shared by the layouts' `pin`/`unpin`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pins(Vec<bool>);

impl Pins {
    /// Keeps node `i` where it is.
    pub fn pin(&mut self, i: usize) {
        if self.0.len() <= i {
            self.0.resize(i + 1, false);
        }
        self.0[i] = true;
    }

    /// Lets node `i` move again.
    pub fn unpin(&mut self, i: usize) {
        if let Some(p) = self.0.get_mut(i) {
            *p = false;
        }
    }

    /// Lets every node move.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// True when node `i` is pinned.
    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }
}
