//! Main path analysis of a citation network: traversal weights of the citation links
//! and the main path through them (Hummon & Doreian 1989, Social Networks 11(1);
//! Batagelj 2003, arXiv cs/0309023; Liu & Lu 2012, JASIST 63(3), key-route search).
//!
//! # Direction
//! Knowledge flows from the cited to the citing paper, so the weights are computed on
//! arcs `cited → citing` (the network's links reversed). **Sources** cite nothing in
//! the network (in-degree 0), **sinks** are cited by nothing (out-degree 0).
//!
//! # Traversal weights ([`Traversal`])
//! With N⁻(u) the paths from any source to u (1 at a source), N⁺(v) the paths from v to
//! any sink (1 at a sink), Â(u) = 1 + Σ_{w→u} Â(w) and D̂(v) = 1 + Σ_{v→w} D̂(w):
//! - SPC (search path count, Batagelj): paths from all sources to all sinks through
//!   u→v, N⁻(u)·N⁺(v);
//! - SPLC (search path link count, Hummon & Doreian): paths from every node to all
//!   sinks, Â(u)·N⁺(v);
//! - SPNP (search path node pair): paths from every node to every node, Â(u)·D̂(v).
//!
//! One forward and one backward pass in topological order, O(V + E). Counts are f64:
//! exact below 2⁵³, beyond that rounded (they grow exponentially with path length).
//!
//! # Searches ([`PathSearch`]); ties are always followed, never broken
//! - **local** (Hummon & Doreian's priority-first search, forward): start at the
//!   heaviest arc(s) leaving a source, then from each node reached take its heaviest
//!   outgoing arc(s) until sinks;
//! - **global**: the source-to-sink path(s) with the largest sum of weights (critical
//!   path method), all optimal paths when several tie;
//! - **key-route:k** (Liu & Lu 2012, local extension): the k heaviest arcs (and every
//!   arc tied with the k-th), each extended forward from its head by the heaviest
//!   outgoing arc(s) until sinks and backward from its tail by the heaviest incoming
//!   arc(s) until sources.
//!
//! A main path is the union of the arcs chosen: one chain, or several where ties
//! branch. Its nodes are listed in time order (year, then topological order).
//!
//! # Cycles
//! Real citation data has cycles (papers of one issue citing each other, early-access
//! versions). They are broken deterministically before anything is weighed: nodes are
//! ranked by (publication year, network index: higher LCS first), and inside each
//! strongly connected component only the arcs from a lower to a higher rank are kept —
//! within a cycle the older paper counts as the cited one. The links left out are
//! reported ([`MainPath::cycle_links`]); arcs outside cycles are never touched.

use crate::network::Network;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::str::FromStr;

/// The traversal weight of a citation link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Traversal {
    /// Search path count (Batagelj 2003).
    #[default]
    Spc,
    /// Search path link count (Hummon & Doreian 1989).
    Splc,
    /// Search path node pair (Hummon & Doreian 1989).
    Spnp,
}

impl Traversal {
    /// Every traversal weight.
    pub const ALL: [Traversal; 3] = [Traversal::Spc, Traversal::Splc, Traversal::Spnp];

    /// The name used on the command line and in files.
    pub fn name(self) -> &'static str {
        match self {
            Traversal::Spc => "spc",
            Traversal::Splc => "splc",
            Traversal::Spnp => "spnp",
        }
    }
}

impl FromStr for Traversal {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let l = s.trim().to_lowercase();
        Traversal::ALL
            .into_iter()
            .find(|t| t.name() == l)
            .ok_or_else(|| format!("unknown traversal weight {s:?}; expected spc, splc or spnp"))
    }
}

impl fmt::Display for Traversal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Key routes taken by `key-route` without a number.
pub const DEFAULT_KEY_ROUTES: u32 = 1;

/// How the main path is searched (module docs); written `local`, `global`,
/// `key-route` or `key-route:k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum PathSearch {
    /// Forward priority-first search from the heaviest source arc(s).
    Local,
    /// The source-to-sink path(s) of the largest weight sum.
    #[default]
    Global,
    /// The `k` heaviest arcs (ties included), extended both ways.
    KeyRoute {
        /// Number of key routes.
        k: u32,
    },
}

impl PathSearch {
    /// True for the default (global) search.
    pub fn is_default(&self) -> bool {
        *self == PathSearch::default()
    }
}

impl FromStr for PathSearch {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let l = s.trim().to_lowercase();
        let (name, arg) = l.split_once(':').unwrap_or((&l, ""));
        match (name, arg) {
            ("local", "") => Ok(PathSearch::Local),
            ("global", "") => Ok(PathSearch::Global),
            ("key-route", "") => Ok(PathSearch::KeyRoute {
                k: DEFAULT_KEY_ROUTES,
            }),
            ("key-route", k) => match k.parse::<u32>() {
                Ok(k) if k >= 1 => Ok(PathSearch::KeyRoute { k }),
                _ => Err(format!("key-route:k needs a whole number k ≥ 1, got {k:?}")),
            },
            _ => Err(format!(
                "unknown main path search {s:?}; expected local, global, key-route or key-route:k"
            )),
        }
    }
}

impl fmt::Display for PathSearch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSearch::Local => f.write_str("local"),
            PathSearch::Global => f.write_str("global"),
            PathSearch::KeyRoute { k } => write!(f, "key-route:{k}"),
        }
    }
}

impl From<PathSearch> for String {
    fn from(s: PathSearch) -> String {
        s.to_string()
    }
}

impl TryFrom<String> for PathSearch {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// The main path of a citation network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct MainPath {
    pub traversal: Traversal,
    pub search: PathSearch,
    /// Network node indices on the main path, in time order (year, then topological).
    pub nodes: Vec<u32>,
    /// Network link indices on the main path (citing → cited links), ascending.
    pub links: Vec<u32>,
    /// Traversal weight of every network link (0 for links left out).
    pub link_weights: Vec<f64>,
    /// Links left out to break cycles (module docs), ascending.
    pub cycle_links: Vec<u32>,
    /// Number of source-to-sink paths (the SPC of all arcs leaving the sources).
    pub total_paths: f64,
}

/// Adjacency of a flow graph: arc indices out of and into each node.
struct Adjacency {
    out: Vec<Vec<usize>>,
    inc: Vec<Vec<usize>>,
}

impl Adjacency {
    fn new(n: usize, arcs: &[(u32, u32)]) -> Self {
        let mut out = vec![Vec::new(); n];
        let mut inc = vec![Vec::new(); n];
        for (e, &(u, v)) in arcs.iter().enumerate() {
            out[u as usize].push(e);
            inc[v as usize].push(e);
        }
        Adjacency { out, inc }
    }
}

/// A topological order of the `n` nodes of `arcs`, ready nodes taken lowest `rank`
/// first; `None` if the arcs have a cycle.
pub fn topological_order(n: usize, arcs: &[(u32, u32)], rank: &[u64]) -> Option<Vec<u32>> {
    let adj = Adjacency::new(n, arcs);
    let mut indeg: Vec<usize> = adj.inc.iter().map(Vec::len).collect();
    let mut ready: BinaryHeap<Reverse<(u64, u32)>> = (0..n as u32)
        .filter(|&v| indeg[v as usize] == 0)
        .map(|v| Reverse((rank.get(v as usize).copied().unwrap_or(0), v)))
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse((_, v))) = ready.pop() {
        order.push(v);
        for &e in &adj.out[v as usize] {
            let w = arcs[e].1 as usize;
            indeg[w] -= 1;
            if indeg[w] == 0 {
                ready.push(Reverse((rank.get(w).copied().unwrap_or(0), w as u32)));
            }
        }
    }
    (order.len() == n).then_some(order)
}

/// Which arcs to keep so that the graph has no cycle (module docs, "Cycles"): inside a
/// strongly connected component only arcs from a lower to a higher `rank`; self-loops
/// never.
pub fn acyclic(n: usize, arcs: &[(u32, u32)], rank: &[u64]) -> Vec<bool> {
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, arcs.len());
    for _ in 0..n {
        g.add_node(());
    }
    for &(u, v) in arcs {
        g.add_edge(NodeIndex::new(u as usize), NodeIndex::new(v as usize), ());
    }
    let mut component = vec![u32::MAX; n];
    for (c, scc) in petgraph::algo::tarjan_scc(&g).iter().enumerate() {
        if scc.len() > 1 {
            for v in scc {
                component[v.index()] = c as u32;
            }
        }
    }
    arcs.iter()
        .map(|&(u, v)| {
            let (cu, cv) = (component[u as usize], component[v as usize]);
            u != v && (cu == u32::MAX || cu != cv || rank[u as usize] < rank[v as usize])
        })
        .collect()
}

/// Traversal weights of the arcs of a DAG of `n` nodes (module docs), in arc order;
/// `None` if the arcs have a cycle.
pub fn weights(n: usize, arcs: &[(u32, u32)], traversal: Traversal) -> Option<Vec<f64>> {
    let order = topological_order(n, arcs, &[])?;
    let adj = Adjacency::new(n, arcs);
    let (mut from_sources, mut from_all) = (vec![0.0f64; n], vec![0.0f64; n]);
    for &v in &order {
        let v = v as usize;
        let preds = adj.inc[v].iter().map(|&e| arcs[e].0 as usize);
        from_sources[v] = if adj.inc[v].is_empty() {
            1.0
        } else {
            preds.clone().map(|u| from_sources[u]).sum()
        };
        from_all[v] = 1.0 + preds.map(|u| from_all[u]).sum::<f64>();
    }
    let (mut to_sinks, mut to_all) = (vec![0.0f64; n], vec![0.0f64; n]);
    for &v in order.iter().rev() {
        let v = v as usize;
        let succs = adj.out[v].iter().map(|&e| arcs[e].1 as usize);
        to_sinks[v] = if adj.out[v].is_empty() {
            1.0
        } else {
            succs.clone().map(|w| to_sinks[w]).sum()
        };
        to_all[v] = 1.0 + succs.map(|w| to_all[w]).sum::<f64>();
    }
    Some(
        arcs.iter()
            .map(|&(u, v)| {
                let (u, v) = (u as usize, v as usize);
                match traversal {
                    Traversal::Spc => from_sources[u] * to_sinks[v],
                    Traversal::Splc => from_all[u] * to_sinks[v],
                    Traversal::Spnp => from_all[u] * to_all[v],
                }
            })
            .collect(),
    )
}

/// The heaviest arcs among `arcs` (indices), all of them when tied.
fn heaviest(candidates: &[usize], w: &[f64]) -> Vec<usize> {
    let max = candidates
        .iter()
        .map(|&e| w[e])
        .fold(f64::NEG_INFINITY, f64::max);
    candidates
        .iter()
        .copied()
        .filter(|&e| w[e] == max)
        .collect()
}

/// Greedy extension from `start` (forward along outgoing arcs, or backward along
/// incoming ones), every tied heaviest arc followed; adds the arcs to `chosen`.
fn extend(
    start: u32,
    forward: bool,
    arcs: &[(u32, u32)],
    adj: &Adjacency,
    w: &[f64],
    done: &mut [bool],
    chosen: &mut [bool],
) {
    let mut stack = vec![start];
    while let Some(v) = stack.pop() {
        if std::mem::replace(&mut done[v as usize], true) {
            continue;
        }
        let next = if forward {
            &adj.out[v as usize]
        } else {
            &adj.inc[v as usize]
        };
        for e in heaviest(next, w) {
            chosen[e] = true;
            stack.push(if forward { arcs[e].1 } else { arcs[e].0 });
        }
    }
}

/// The arcs of the main path of a DAG (module docs), as flags in arc order.
pub fn search(n: usize, arcs: &[(u32, u32)], w: &[f64], how: PathSearch) -> Vec<bool> {
    let adj = Adjacency::new(n, arcs);
    let mut chosen = vec![false; arcs.len()];
    if arcs.is_empty() {
        return chosen;
    }
    let (mut fwd, mut bwd) = (vec![false; n], vec![false; n]);
    match how {
        PathSearch::Local => {
            let leaving: Vec<usize> = (0..arcs.len())
                .filter(|&e| adj.inc[arcs[e].0 as usize].is_empty())
                .collect();
            for e in heaviest(&leaving, w) {
                chosen[e] = true;
                extend(arcs[e].1, true, arcs, &adj, w, &mut fwd, &mut chosen);
            }
        }
        PathSearch::KeyRoute { k } => {
            let mut sorted: Vec<f64> = w.to_vec();
            sorted.sort_by(|a, b| b.total_cmp(a));
            let kth = sorted[(k.max(1) as usize).min(sorted.len()) - 1];
            for e in (0..arcs.len()).filter(|&e| w[e] >= kth) {
                chosen[e] = true;
                extend(arcs[e].1, true, arcs, &adj, w, &mut fwd, &mut chosen);
                extend(arcs[e].0, false, arcs, &adj, w, &mut bwd, &mut chosen);
            }
        }
        PathSearch::Global => global(n, arcs, &adj, w, &mut chosen),
    }
    chosen
}

/// Global search: every arc on a source-to-sink path of the largest weight sum.
fn global(n: usize, arcs: &[(u32, u32)], adj: &Adjacency, w: &[f64], chosen: &mut [bool]) {
    let Some(order) = topological_order(n, arcs, &[]) else {
        return;
    };
    let mut best_in = vec![0.0f64; n];
    for &v in &order {
        for &e in &adj.inc[v as usize] {
            best_in[v as usize] = best_in[v as usize].max(best_in[arcs[e].0 as usize] + w[e]);
        }
    }
    let mut best_out = vec![0.0f64; n];
    for &v in order.iter().rev() {
        for &e in &adj.out[v as usize] {
            best_out[v as usize] = best_out[v as usize].max(w[e] + best_out[arcs[e].1 as usize]);
        }
    }
    let opt = best_out.iter().copied().fold(0.0, f64::max);
    // Sums of integers are exact below 2^53; above, allow for rounding.
    let tol = if opt < 9.0e15 { 0.0 } else { opt * 1e-12 };
    for (e, &(u, v)) in arcs.iter().enumerate() {
        chosen[e] = best_in[u as usize] + w[e] + best_out[v as usize] >= opt - tol;
    }
}

/// Each node's rank in time (publication year, then network index) and the nodes in
/// that order.
fn time_rank(net: &Network) -> (Vec<u64>, Vec<u32>) {
    let n = net.nodes.len();
    let mut by_time: Vec<u32> = (0..n as u32).collect();
    by_time.sort_by_key(|&i| (net.nodes[i as usize].year.unwrap_or(i32::MAX), i));
    let mut rank = vec![0u64; n];
    for (r, &i) in by_time.iter().enumerate() {
        rank[i as usize] = r as u64;
    }
    (rank, by_time)
}

/// The number of source-to-sink paths: the SPC summed over the arcs leaving sources.
fn total_paths(n: usize, dag: &[(u32, u32)]) -> f64 {
    let mut indeg = vec![0u32; n];
    for &(_, v) in dag {
        indeg[v as usize] += 1;
    }
    let spc = weights(n, dag, Traversal::Spc).unwrap_or_default();
    dag.iter()
        .zip(&spc)
        .filter(|((u, _), _)| indeg[*u as usize] == 0)
        .map(|(_, w)| w)
        .sum()
}

/// The main path of a citation network (`net.links` citing → cited), over the nodes
/// with `visible` true (all when `None`): cycles broken, weights computed and the
/// path searched as the module docs say.
pub fn main_path(
    net: &Network,
    visible: Option<&[bool]>,
    traversal: Traversal,
    how: PathSearch,
) -> MainPath {
    let n = net.nodes.len();
    let shown = |i: u32| visible.is_none_or(|v| v.get(i as usize).copied().unwrap_or(false));
    let (rank, by_time) = time_rank(net);
    // Flow arcs cited → citing, with the link each comes from.
    let (arcs, link_of): (Vec<(u32, u32)>, Vec<u32>) = net
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| (l.source as usize) < n && (l.target as usize) < n)
        .filter(|(_, l)| shown(l.source) && shown(l.target))
        .map(|(i, l)| ((l.target, l.source), i as u32))
        .unzip();
    let keep = acyclic(n, &arcs, &rank);
    let cycle_links: Vec<u32> = (0..arcs.len())
        .filter(|&e| !keep[e])
        .map(|e| link_of[e])
        .collect();
    let (dag, dag_links): (Vec<(u32, u32)>, Vec<u32>) = (0..arcs.len())
        .filter(|&e| keep[e])
        .map(|e| (arcs[e], link_of[e]))
        .unzip();
    let w = weights(n, &dag, traversal).unwrap_or_else(|| vec![0.0; dag.len()]);
    let chosen = search(n, &dag, &w, how);
    let mut link_weights = vec![0.0; net.links.len()];
    let mut on_path = vec![false; n];
    let mut links = Vec::new();
    for (e, &l) in dag_links.iter().enumerate() {
        link_weights[l as usize] = w[e];
        if chosen[e] {
            links.push(l);
            on_path[dag[e].0 as usize] = true;
            on_path[dag[e].1 as usize] = true;
        }
    }
    links.sort_unstable();
    let topo = topological_order(n, &dag, &rank).unwrap_or(by_time);
    let mut nodes: Vec<u32> = topo.into_iter().filter(|&v| on_path[v as usize]).collect();
    // Topological order already respects the years except where a paper cites a newer
    // one; a stable sort by year puts such a pair in the order of their years.
    nodes.sort_by_key(|&v| net.nodes[v as usize].year.unwrap_or(i32::MAX));
    MainPath {
        traversal,
        search: how,
        nodes,
        links,
        link_weights,
        cycle_links,
        total_paths: total_paths(n, &dag),
    }
}
