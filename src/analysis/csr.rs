//! Compressed sparse row (CSR) adjacency of an undirected weighted graph: the form
//! clustering, betweenness and silhouette iterate over. Each undirected edge is stored
//! in both directions; self-loops are kept once, parallel edges are summed.

use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;

/// Undirected weighted graph in CSR form.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    /// `offsets[i]..offsets[i + 1]` indexes node i's neighbours.
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
}

impl Csr {
    /// CSR adjacency of a petgraph graph (node i = `NodeIndex::new(i)`).
    pub fn from_graph(g: &UnGraph<(), f64>) -> Self {
        let edges: Vec<(u32, u32, f64)> = g
            .edge_references()
            .map(|e| {
                (
                    e.source().index() as u32,
                    e.target().index() as u32,
                    *e.weight(),
                )
            })
            .collect();
        Csr::from_edges(g.node_count(), &edges)
    }

    /// CSR adjacency of `n` nodes and an undirected edge list.
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Self {
        let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len() * 2);
        for &(u, v, w) in edges {
            arcs.push((u, v, w));
            if u != v {
                arcs.push((v, u, w));
            }
        }
        arcs.sort_unstable_by_key(|a| (a.0, a.1));
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(arcs.len());
        let mut weights: Vec<f64> = Vec::with_capacity(arcs.len());
        let mut last: Option<(u32, u32)> = None;
        for (u, v, w) in arcs {
            if last == Some((u, v)) {
                if let Some(x) = weights.last_mut() {
                    *x += w;
                }
                continue;
            }
            last = Some((u, v));
            offsets[u as usize + 1] += 1;
            targets.push(v);
            weights.push(w);
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Csr {
            offsets,
            targets,
            weights,
        }
    }

    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Neighbours of `i` with link weights.
    pub fn neighbors(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.offsets[i]..self.offsets[i + 1];
        self.targets[r.clone()]
            .iter()
            .map(|&t| t as usize)
            .zip(self.weights[r].iter().copied())
    }

    /// Weighted degree of every node, a self-loop counted twice (as in modularity).
    pub fn strengths(&self) -> Vec<f64> {
        (0..self.node_count())
            .map(|i| {
                self.neighbors(i)
                    .map(|(j, w)| if j == i { 2.0 * w } else { w })
                    .sum()
            })
            .collect()
    }
}
