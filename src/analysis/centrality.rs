//! Betweenness centrality (Freeman 1977) by Brandes' (2001) algorithm, normalised to
//! 0–1 as CiteSpace reports it: for an undirected graph of n nodes, the sum over
//! unordered pairs s ≠ t ≠ v of σ_st(v)/σ_st divided by (n − 1)(n − 2)/2 (the same
//! numbers as `networkx.betweenness_centrality(normalized=True)`).
//!
//! Shortest paths are **unweighted** (hop counts). CiteSpace's betweenness treats the
//! network as a plain graph (its glossary: "how likely an arbitrary shortest path in the
//! network will go through the node"; the Brandes/JUNG routine it uses is unweighted).
//! Link strengths are similarities, so using them as lengths would need an arbitrary
//! similarity-to-distance map; hop counts avoid that choice.
//!
//! The single-source searches run in parallel with rayon over fixed chunks of sources
//! whose partial sums are added in chunk order, so results do not depend on the number
//! of threads. Cost O(n·m) time, O(n + m) memory per chunk.
//!
//! [`betweenness_sampled`] estimates it from k sources drawn without replacement
//! (Brandes & Pich 2007), scaling by n/k. Each source contributes a term in [0, 1] to
//! the normalised score, so by Hoeffding's inequality (which holds for sampling without
//! replacement) every node's estimate is within [`sampled_error_bound`] =
//! sqrt(ln(2n/δ) / 2k) · n/(n − 1) of the exact value with probability ≥ 1 − δ,
//! simultaneously for all n nodes.

use super::csr::Csr;
use super::rng::SplitMix64;
use petgraph::graph::UnGraph;
use rayon::prelude::*;

/// Exact normalised betweenness of every node.
pub fn betweenness(g: &UnGraph<(), f64>) -> Vec<f64> {
    let csr = Csr::from_graph(g);
    let sources: Vec<u32> = (0..csr.node_count() as u32).collect();
    accumulate(&csr, &sources, 1.0)
}

/// Normalised betweenness estimated from `samples` random sources (all sources, and
/// so the exact value, when `samples >= n`).
pub fn betweenness_sampled(g: &UnGraph<(), f64>, samples: usize, seed: u64) -> Vec<f64> {
    let csr = Csr::from_graph(g);
    let n = csr.node_count();
    if samples >= n {
        return betweenness(g);
    }
    let mut sources = SplitMix64::new(seed).permutation(n);
    sources.truncate(samples.max(1));
    sources.sort_unstable();
    let k = sources.len();
    accumulate(&csr, &sources, n as f64 / k as f64)
}

/// Bound ε such that all `n` sampled estimates from `samples` sources are within ε of
/// the exact normalised betweenness with probability at least 1 − `delta` (Hoeffding,
/// union bound over the nodes).
pub fn sampled_error_bound(n: usize, samples: usize, delta: f64) -> f64 {
    if samples >= n || n < 3 {
        return 0.0;
    }
    let n_f = n as f64;
    ((2.0 * n_f / delta).ln() / (2.0 * samples as f64)).sqrt() * n_f / (n_f - 1.0)
}

/// Sums Brandes' dependencies over `sources`, scaled by `scale`, normalised.
fn accumulate(csr: &Csr, sources: &[u32], scale: f64) -> Vec<f64> {
    let n = csr.node_count();
    if n < 3 {
        return vec![0.0; n];
    }
    let chunk = sources.len().div_ceil(64).max(16);
    let partials: Vec<Vec<f64>> = sources
        .par_chunks(chunk)
        .map(|chunk| {
            let mut state = Brandes::new(n);
            let mut sum = vec![0.0; n];
            for &s in chunk {
                state.single_source(csr, s as usize, &mut sum);
            }
            sum
        })
        .collect();
    let mut total = vec![0.0; n];
    for p in partials {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    }
    // Each unordered pair was counted from both ends: divide by 2 · (n−1)(n−2)/2.
    let norm = scale / ((n - 1) as f64 * (n - 2) as f64);
    total.iter_mut().for_each(|x| *x *= norm);
    total
}

/// Scratch space of one breadth-first Brandes pass.
struct Brandes {
    sigma: Vec<f64>,
    dist: Vec<i64>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

impl Brandes {
    fn new(n: usize) -> Self {
        Brandes {
            sigma: vec![0.0; n],
            dist: vec![-1; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    /// Adds the dependencies δ_s(v) of source `s` to `sum`.
    fn single_source(&mut self, csr: &Csr, s: usize, sum: &mut [f64]) {
        for &v in &self.order {
            let v = v as usize;
            self.sigma[v] = 0.0;
            self.dist[v] = -1;
            self.delta[v] = 0.0;
        }
        self.order.clear();
        self.sigma[s] = 1.0;
        self.dist[s] = 0;
        self.order.push(s as u32);
        // The BFS queue is `order` itself: nodes are appended in non-decreasing distance.
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let dv = self.dist[v];
            for &w in &csr.targets[csr.offsets[v]..csr.offsets[v + 1]] {
                let w = w as usize;
                if self.dist[w] < 0 {
                    self.dist[w] = dv + 1;
                    self.order.push(w as u32);
                }
                if self.dist[w] == dv + 1 {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        // Dependencies in reverse BFS order; predecessors are neighbours one step closer.
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let dw = self.dist[w];
            let coeff = (1.0 + self.delta[w]) / self.sigma[w];
            for &v in &csr.targets[csr.offsets[w]..csr.offsets[w + 1]] {
                let v = v as usize;
                if self.dist[v] == dw - 1 {
                    self.delta[v] += self.sigma[v] * coeff;
                }
            }
            if w != s {
                sum[w] += self.delta[w];
            }
        }
    }
}
