//! Community detection by modularity: Newman's (2006) weighted modularity with a
//! resolution parameter, the Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre
//! 2008) and the Leiden algorithm (Traag, Waltman & van Eck 2019, Sci. Rep. 9:5233,
//! in [`super::leiden`]).
//!
//! Modularity with resolution γ on a graph with total link weight m and node
//! strengths k_i: Q = Σ_c [ e_c / m − γ (K_c / 2m)² ], with e_c the weight of links
//! inside c and K_c the total strength of c (a self-loop counts once in e_c and twice
//! in k_i, as in networkx and igraph).
//!
//! Both algorithms follow the CWTS `networkanalysis` implementation (the reference for
//! Leiden): modularity is optimised as the constant Potts model with node weights k_i
//! and resolution γ / 2m, so the gain of moving node i into cluster C is
//! w(i, C) − k_i K_C γ / 2m. Node orders are random permutations from a seeded
//! [`SplitMix64`]; the same graph, resolution and seed always give the same clusters.
//! Iterations are repeated until no node moves (at most [`MAX_ITERATIONS`]).
//! Cluster ids are renumbered 0.. by size, largest first (ties: the cluster holding the
//! smaller node index first), so cluster 0 is CiteSpace's #0.

use super::csr::Csr;
use super::rng::SplitMix64;
use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;

pub use super::leiden::leiden;

/// Upper bound on outer iterations (each strictly improves the quality, so this only
/// guards against floating-point cycling).
pub const MAX_ITERATIONS: usize = 50;

/// Weighted modularity of `membership` (cluster id per node) with resolution `resolution`.
/// Returns 0 for a graph without link weight.
pub fn modularity(g: &UnGraph<(), f64>, membership: &[u32], resolution: f64) -> f64 {
    let mut m = 0.0;
    let mut internal: FxHashMap<u32, f64> = FxHashMap::default();
    let mut strength: FxHashMap<u32, f64> = FxHashMap::default();
    for e in g.edge_references() {
        let (u, v, w) = (e.source().index(), e.target().index(), *e.weight());
        let (cu, cv) = (membership[u], membership[v]);
        m += w;
        *strength.entry(cu).or_default() += w;
        *strength.entry(cv).or_default() += w;
        if cu == cv {
            *internal.entry(cu).or_default() += w;
        }
    }
    if m <= 0.0 {
        return 0.0;
    }
    // Sum in cluster-id order so the result does not depend on hash order.
    let mut ids: Vec<u32> = strength.keys().copied().collect();
    ids.sort_unstable();
    ids.iter()
        .map(|c| {
            let e = internal.get(c).copied().unwrap_or(0.0);
            let k = strength[c];
            e / m - resolution * (k / (2.0 * m)).powi(2)
        })
        .sum()
}

/// Renumbers cluster ids 0.. by size descending; ties by smallest member index.
pub fn renumber_by_size(membership: &[u32]) -> Vec<u32> {
    let mut first: FxHashMap<u32, (usize, usize)> = FxHashMap::default(); // id -> (size, first node)
    for (i, &c) in membership.iter().enumerate() {
        first.entry(c).or_insert((0, i)).0 += 1;
    }
    let mut order: Vec<(u32, usize, usize)> =
        first.into_iter().map(|(c, (s, f))| (c, s, f)).collect();
    order.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let new_id: FxHashMap<u32, u32> = order
        .iter()
        .enumerate()
        .map(|(i, o)| (o.0, i as u32))
        .collect();
    membership.iter().map(|c| new_id[c]).collect()
}

/// One iteration of a multi-level method; returns whether the clustering changed.
pub(crate) type Iteration = fn(&Level, &mut [u32], f64, &mut SplitMix64) -> bool;

/// The driver Louvain and Leiden share: singletons to start, iterations until nothing
/// changes (or [`MAX_ITERATIONS`]), ids renumbered by size.
pub(crate) fn iterate(
    g: &UnGraph<(), f64>,
    resolution: f64,
    seed: u64,
    iteration: Iteration,
) -> Vec<u32> {
    let Some((net, res)) = Level::from_graph(g, resolution) else {
        return (0..g.node_count() as u32).collect();
    };
    let mut rng = SplitMix64::new(seed);
    let mut clustering: Vec<u32> = (0..net.n() as u32).collect();
    for _ in 0..MAX_ITERATIONS {
        if !iteration(&net, &mut clustering, res, &mut rng) {
            break;
        }
    }
    renumber_by_size(&clustering)
}

/// Louvain clustering maximising modularity at `resolution`, seeded.
pub fn louvain(g: &UnGraph<(), f64>, resolution: f64, seed: u64) -> Vec<u32> {
    iterate(g, resolution, seed, louvain_iteration)
}

fn louvain_iteration(net: &Level, clustering: &mut [u32], res: f64, rng: &mut SplitMix64) -> bool {
    let mut update = local_moving(net, clustering, res, rng);
    let k = compact(clustering);
    if k < net.n() {
        let reduced = net.aggregate(clustering, k);
        let mut reduced_clustering: Vec<u32> = (0..k as u32).collect();
        update |= louvain_iteration(&reduced, &mut reduced_clustering, res, rng);
        for c in clustering.iter_mut() {
            *c = reduced_clustering[*c as usize];
        }
    }
    update
}

/// A level of the clustering hierarchy: a network without self-loops whose nodes carry
/// weights (the strengths of the original nodes they stand for).
#[derive(Debug, Clone)]
pub(crate) struct Level {
    pub csr: Csr,
    pub node_weight: Vec<f64>,
}

impl Level {
    /// The first level and the Potts resolution γ / 2m; `None` without link weight.
    pub(crate) fn from_graph(g: &UnGraph<(), f64>, resolution: f64) -> Option<(Level, f64)> {
        let full = Csr::from_graph(g);
        let node_weight = full.strengths();
        let total: f64 = node_weight.iter().sum();
        if total <= 0.0 {
            return None;
        }
        // The level's network is the graph without self-loops: the full one when it
        // has none (co-occurrence networks never do).
        let csr = if full.has_self_loops() {
            let edges: Vec<(u32, u32, f64)> = g
                .edge_references()
                .filter(|e| e.source() != e.target())
                .map(|e| {
                    (
                        e.source().index() as u32,
                        e.target().index() as u32,
                        *e.weight(),
                    )
                })
                .collect();
            Csr::from_edges(g.node_count(), &edges)
        } else {
            full
        };
        Some((Level { csr, node_weight }, resolution / total))
    }

    pub(crate) fn n(&self) -> usize {
        self.node_weight.len()
    }

    /// The network of `k` clusters: node weights and links summed, internal links dropped.
    pub(crate) fn aggregate(&self, clustering: &[u32], k: usize) -> Level {
        let mut node_weight = vec![0.0; k];
        for (i, &c) in clustering.iter().enumerate() {
            node_weight[c as usize] += self.node_weight[i];
        }
        // The links between clusters, in node order (the order their weights are
        // summed in), read twice instead of collected.
        let edges = || {
            (0..self.n()).flat_map(move |i| {
                let ci = clustering[i];
                self.csr.neighbors(i).filter_map(move |(j, w)| {
                    let cj = clustering[j];
                    (i < j && ci != cj).then(|| (ci.min(cj), ci.max(cj), w))
                })
            })
        };
        Level {
            csr: Csr::build(k, edges),
            node_weight,
        }
    }
}

/// Renumbers ids to 0..k in order of first appearance; returns k.
pub(crate) fn compact(clustering: &mut [u32]) -> usize {
    let mut map: FxHashMap<u32, u32> = FxHashMap::default();
    for c in clustering.iter_mut() {
        let next = map.len() as u32;
        *c = *map.entry(*c).or_insert(next);
    }
    map.len()
}

/// Scratch space for summing a node's link weight per neighbouring cluster.
pub(crate) struct NeighborWeights {
    pub weight: Vec<f64>,
    pub touched: Vec<u32>,
    seen: Vec<bool>,
}

impl NeighborWeights {
    pub(crate) fn new(n: usize) -> Self {
        NeighborWeights {
            weight: vec![0.0; n],
            touched: Vec::new(),
            seen: vec![false; n],
        }
    }

    /// Fills the weight from node `j` to each neighbouring cluster (`cluster_of`).
    pub(crate) fn gather(
        &mut self,
        csr: &Csr,
        j: usize,
        cluster_of: impl Fn(usize) -> Option<u32>,
    ) {
        for &c in &self.touched {
            self.weight[c as usize] = 0.0;
            self.seen[c as usize] = false;
        }
        self.touched.clear();
        for (k, w) in csr.neighbors(j) {
            if let Some(c) = cluster_of(k) {
                if !self.seen[c as usize] {
                    self.seen[c as usize] = true;
                    self.touched.push(c);
                }
                self.weight[c as usize] += w;
            }
        }
    }
}

/// Louvain's local moving: sweeps over the nodes in one random order, moving each to
/// the neighbouring cluster of largest gain, until a sweep moves no node.
fn local_moving(net: &Level, clustering: &mut [u32], res: f64, rng: &mut SplitMix64) -> bool {
    let n = net.n();
    let mut clusters = ClusterTotals::new(net, clustering);
    let order = rng.permutation(n);
    let mut scratch = NeighborWeights::new(n);
    let mut update = false;
    let mut stable = 0usize;
    let mut idx = 0usize;
    while stable < n {
        let j = order[idx] as usize;
        idx = (idx + 1) % n;
        if move_node(net, &mut clusters, &mut scratch, clustering, j, res).is_some() {
            update = true;
            stable = 0;
        }
        stable += 1;
    }
    update
}

/// Moves node `j` to the neighbouring cluster of largest modularity gain (the step
/// Louvain's and Leiden's local moving share). Returns the new cluster if it moved.
pub(crate) fn move_node(
    net: &Level,
    clusters: &mut ClusterTotals,
    scratch: &mut NeighborWeights,
    clustering: &mut [u32],
    j: usize,
    res: f64,
) -> Option<u32> {
    let current = clustering[j];
    let wj = net.node_weight[j];
    clusters.remove(current, wj);
    scratch.gather(&net.csr, j, |k| Some(clustering[k]));
    let best = clusters.best_move(current, wj, res, scratch);
    clusters.add(best, wj);
    (best != current).then(|| {
        clustering[j] = best;
        best
    })
}

/// Total node weight and size of each cluster, with a stack of empty cluster ids so a
/// node can always move to a cluster of its own.
pub(crate) struct ClusterTotals {
    pub weight: Vec<f64>,
    size: Vec<u32>,
    unused: Vec<u32>,
}

impl ClusterTotals {
    pub(crate) fn new(net: &Level, clustering: &[u32]) -> Self {
        let n = net.n();
        let mut weight = vec![0.0; n];
        let mut size = vec![0u32; n];
        for (i, &c) in clustering.iter().enumerate() {
            weight[c as usize] += net.node_weight[i];
            size[c as usize] += 1;
        }
        let unused = (0..n as u32)
            .rev()
            .filter(|&c| size[c as usize] == 0)
            .collect();
        ClusterTotals {
            weight,
            size,
            unused,
        }
    }

    pub(crate) fn remove(&mut self, c: u32, w: f64) {
        self.weight[c as usize] -= w;
        self.size[c as usize] -= 1;
        if self.size[c as usize] == 0 {
            self.weight[c as usize] = 0.0;
            self.unused.push(c);
        }
    }

    pub(crate) fn add(&mut self, c: u32, w: f64) {
        if self.size[c as usize] == 0
            && let Some(pos) = self.unused.iter().rposition(|&u| u == c)
        {
            self.unused.swap_remove(pos);
        }
        self.weight[c as usize] += w;
        self.size[c as usize] += 1;
    }

    /// The cluster of largest gain w(j, C) − w_j W_C res for a node of weight `wj`
    /// (already removed from `current`); ties keep `current`, then the first found.
    pub(crate) fn best_move(&self, current: u32, wj: f64, res: f64, s: &NeighborWeights) -> u32 {
        let gain = |c: u32| s.weight[c as usize] - wj * self.weight[c as usize] * res;
        let mut best = current;
        let mut best_gain = gain(current);
        for &c in &s.touched {
            let g = gain(c);
            if g > best_gain {
                best = c;
                best_gain = g;
            }
        }
        // An empty cluster gains 0.
        if best_gain < 0.0
            && let Some(&empty) = self.unused.last()
        {
            best = empty;
        }
        best
    }
}
