//! Compressed sparse row (CSR) adjacency of an undirected weighted graph: the form
//! clustering, betweenness and silhouette iterate over. Each undirected edge is stored
//! in both directions; self-loops are kept once, parallel edges are summed (in the
//! order given).

use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

/// Undirected weighted graph in CSR form.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    /// `offsets[i]..offsets[i + 1]` indexes node i's neighbours.
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
}

/// Scratch space of [`sort_row`]: a weight and a mark per target.
struct RowScratch {
    weight: Vec<f64>,
    seen: Vec<bool>,
    touched: Vec<u32>,
    pairs: Vec<(u32, f64)>,
}

/// Sorts one node's arcs by target; arcs to one target (parallel edges) become one,
/// their weights summed in the order given. Returns the number of distinct targets,
/// which now lead the row.
fn sort_row(s: &mut RowScratch, t: &mut [u32], w: &mut [f64]) -> usize {
    if t.windows(2).all(|p| p[0] < p[1]) {
        return t.len();
    }
    if t.windows(2).all(|p| p[0] != p[1]) && t.len() < 64 {
        // A short row without parallel edges: one small sort.
        s.pairs.clear();
        s.pairs.extend(t.iter().copied().zip(w.iter().copied()));
        s.pairs.sort_unstable_by_key(|a| a.0);
        if s.pairs.windows(2).all(|p| p[0].0 != p[1].0) {
            for (k, &(x, y)) in s.pairs.iter().enumerate() {
                (t[k], w[k]) = (x, y);
            }
            return t.len();
        }
    }
    s.touched.clear();
    for (&x, &y) in t.iter().zip(w.iter()) {
        let i = x as usize;
        if s.seen[i] {
            s.weight[i] += y;
        } else {
            s.seen[i] = true;
            s.weight[i] = y;
            s.touched.push(x);
        }
    }
    s.touched.sort_unstable();
    for (k, &x) in s.touched.iter().enumerate() {
        t[k] = x;
        w[k] = s.weight[x as usize];
        s.seen[x as usize] = false;
    }
    s.touched.len()
}

/// Sorts each node's arcs by target in parallel, summing parallel edges
/// ([`sort_row`]); returns each node's number of distinct targets when some node had
/// parallel edges, else `None`.
fn sort_lists(offsets: &[usize], targets: &mut [u32], weights: &mut [f64]) -> Option<Vec<usize>> {
    let n = offsets.len() - 1;
    let (mut t, mut w): (&mut [u32], &mut [f64]) = (targets, weights);
    let mut lists = Vec::with_capacity(n);
    for i in 0..n {
        let len = offsets[i + 1] - offsets[i];
        let (lt, rt) = std::mem::take(&mut t).split_at_mut(len);
        let (lw, rw) = std::mem::take(&mut w).split_at_mut(len);
        lists.push((lt, lw));
        (t, w) = (rt, rw);
    }
    let scratch = || RowScratch {
        weight: vec![0.0; n],
        seen: vec![false; n],
        touched: Vec::new(),
        pairs: Vec::new(),
    };
    let distinct: Vec<usize> = lists
        .into_par_iter()
        .with_min_len(64)
        .map_init(scratch, |s, (t, w)| sort_row(s, t, w))
        .collect();
    (distinct.iter().sum::<usize>() < offsets[n]).then_some(distinct)
}

/// Moves each node's distinct arcs (the first `distinct[i]` of its row, by
/// [`sort_lists`]) together.
fn compact_rows(
    offsets: &mut [usize],
    targets: &mut Vec<u32>,
    weights: &mut Vec<f64>,
    distinct: &[usize],
) {
    let n = offsets.len() - 1;
    let mut out = 0;
    for i in 0..n {
        let a = offsets[i];
        offsets[i] = out;
        targets.copy_within(a..a + distinct[i], out);
        weights.copy_within(a..a + distinct[i], out);
        out += distinct[i];
    }
    offsets[n] = out;
    targets.truncate(out);
    weights.truncate(out);
}

impl Csr {
    /// CSR adjacency of a petgraph graph (node i = `NodeIndex::new(i)`).
    pub fn from_graph(g: &UnGraph<(), f64>) -> Self {
        let edges = || {
            g.edge_references().map(|e| {
                (
                    e.source().index() as u32,
                    e.target().index() as u32,
                    *e.weight(),
                )
            })
        };
        Csr::build(g.node_count(), edges)
    }

    /// CSR adjacency of `n` nodes and an undirected edge list.
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Self {
        Csr::build(n, || edges.iter().copied())
    }

    /// The CSR of the edges `edges()` yields (called twice: once to count, once to
    /// place).
    ///
    /// The arcs are bucketed by source (a counting sort straight into the final
    /// arrays) and each node's arcs sorted by target in parallel: O(m) plus small
    /// sorts, where one sort of all 2m arcs, and its copies, took most of a Leiden run
    /// on millions of links. Parallel edges (the links between two clusters when a
    /// clustering level is aggregated) are summed in the order given.
    pub(crate) fn build<I: Iterator<Item = (u32, u32, f64)>>(
        n: usize,
        edges: impl Fn() -> I,
    ) -> Self {
        let mut offsets = vec![0usize; n + 1];
        for (u, v, _) in edges() {
            offsets[u as usize + 1] += 1;
            if u != v {
                offsets[v as usize + 1] += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        let mut weights = vec![0.0f64; offsets[n]];
        for (u, v, w) in edges() {
            let (a, b) = (u as usize, v as usize);
            targets[next[a]] = v;
            weights[next[a]] = w;
            next[a] += 1;
            if a != b {
                targets[next[b]] = u;
                weights[next[b]] = w;
                next[b] += 1;
            }
        }
        drop(next);
        if let Some(distinct) = sort_lists(&offsets, &mut targets, &mut weights) {
            compact_rows(&mut offsets, &mut targets, &mut weights, &distinct);
        }
        Csr {
            offsets,
            targets,
            weights,
        }
    }

    /// True when some node links to itself.
    pub fn has_self_loops(&self) -> bool {
        (0..self.node_count()).any(|i| {
            self.targets[self.offsets[i]..self.offsets[i + 1]]
                .binary_search(&(i as u32))
                .is_ok()
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arcs_sorted_by_target_and_parallel_edges_summed() {
        // Triangle 0-1-2 given in scrambled order, a self-loop on 3, and node 4 alone.
        let c = Csr::from_edges(5, &[(2, 1, 0.5), (0, 2, 2.0), (1, 0, 1.0), (3, 3, 4.0)]);
        assert_eq!(c.offsets, [0, 2, 4, 6, 7, 7]);
        assert_eq!(c.targets, [1, 2, 0, 2, 0, 1, 3]);
        assert_eq!(c.weights, [1.0, 2.0, 1.0, 0.5, 2.0, 0.5, 4.0]);
        assert!(c.has_self_loops());
        // Node strengths, the self-loop twice: 3, 1.5, 2.5, 8, 0.
        assert_eq!(c.strengths(), [3.0, 1.5, 2.5, 8.0, 0.0]);
        // Parallel edges 0-1 (1 + 0.25) are summed once per direction.
        let p = Csr::from_edges(2, &[(0, 1, 1.0), (1, 0, 0.25)]);
        assert_eq!((p.targets, p.weights), (vec![1, 0], vec![1.25, 1.25]));
        assert!(!Csr::from_edges(2, &[(0, 1, 1.0)]).has_self_loops());
    }
}
