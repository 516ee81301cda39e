//! Silhouettes at a cost proportional to what they tell: every node's when that is
//! cheap, else a stratified random sample of nodes sized by the confidence asked of
//! the cluster means.
//!
//! **Exact** when n · 2m ≤ [`EXACT_WORK`] (an upper bound on the links visited by n
//! breadth-first searches), which covers the networks CiteSpace's defaults give.
//!
//! **Sampled** otherwise (Cochran 1977, *Sampling Techniques*, ch. 5, stratified
//! random sampling; the strata are the clusters): each cluster's members are taken in
//! a seeded random order, first [`PILOT`] of them, then as many more as the normal
//! approximation says the cluster's mean needs to lie within ±[`HALF_WIDTH`] of the
//! mean over all its members with 95 % confidence: k = k₀ / (1 + (k₀ − 1)/N) with
//! k₀ = (1.96 s / h)², s the sample standard deviation, N the cluster's size (the
//! finite-population correction). Rounds repeat until every cluster's half-width
//! 1.96 · s/√k · √((N − k)/(N − 1)) is within ±h, or the searches have visited
//! [`SAMPLE_WORK`] links. The network's mean silhouette is the size-weighted mean of
//! the cluster means (Cochran's stratified mean); its half-width is
//! 1.96 · √(Σ (N_c/n)² s_c²/k_c · (N_c − k_c)/(N_c − 1)). Nodes outside the sample
//! have no silhouette of their own.

use super::csr::Csr;
use super::rng::SplitMix64;
use super::silhouette::cluster_means;
use petgraph::graph::UnGraph;

/// Networks with n · 2m up to this get every node's silhouette.
pub const EXACT_WORK: f64 = 1e9;
/// Links the searches of a sampled estimate may visit. Only links are counted, not
/// the bottom-up steps' passes over the unvisited nodes, so the time is not one
/// link's times this: on the default map of 1M generated records (45k nodes) the
/// 7,452 searches it allowed took 4–6 s on two cores (BENCHMARKS.md, issue 19).
pub const SAMPLE_WORK: u64 = 1_000_000_000;
/// Members of each cluster in the first round.
pub const PILOT: usize = 10;
/// The 95 % half-width asked of each cluster's mean silhouette.
pub const HALF_WIDTH: f64 = 0.02;
const Z95: f64 = 1.96;

/// Silhouettes of all nodes or of a sample, with the means they give.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The nodes whose silhouette was computed, ascending.
    pub nodes: Vec<u32>,
    /// Their silhouettes.
    pub values: Vec<f64>,
    /// Mean silhouette of each cluster (of its sampled members).
    pub cluster_means: Vec<f64>,
    /// Mean silhouette of the network.
    pub mean: f64,
    /// Whether every node was computed.
    pub exact: bool,
    /// 95 % half-width of the network mean (0 when exact).
    pub half_width: f64,
    /// Largest 95 % half-width of a cluster mean (0 when exact).
    pub cluster_half_width: f64,
}

/// Silhouettes for `membership` (module docs): exact on small networks, else a
/// stratified sample drawn with `seed`.
pub fn estimate(g: &UnGraph<(), f64>, membership: &[u32], seed: u64) -> Estimate {
    let csr = Csr::from_graph(g);
    let n = csr.node_count();
    if n as f64 * csr.targets.len() as f64 <= EXACT_WORK {
        let nodes: Vec<u32> = (0..n as u32).collect();
        let values = super::silhouette::silhouette_csr(&csr, membership, &nodes).0;
        return Estimate {
            mean: values.iter().sum::<f64>() / values.len().max(1) as f64,
            cluster_means: cluster_means(&values, membership),
            nodes,
            values,
            exact: true,
            half_width: 0.0,
            cluster_half_width: 0.0,
        };
    }
    sample(&csr, membership, seed)
}

/// One cluster's members in random order and the silhouettes of those taken.
struct Stratum {
    order: Vec<u32>,
    values: Vec<f64>,
}

impl Stratum {
    /// Sample standard deviation (0 below two values).
    fn sd(&self) -> f64 {
        let k = self.values.len();
        if k < 2 {
            return 0.0;
        }
        let mean = self.values.iter().sum::<f64>() / k as f64;
        let ss: f64 = self.values.iter().map(|v| (v - mean).powi(2)).sum();
        (ss / (k - 1) as f64).sqrt()
    }

    /// Variance of the sample mean, with the finite-population correction.
    fn mean_variance(&self) -> f64 {
        let (k, size) = (self.values.len() as f64, self.order.len() as f64);
        if k >= size {
            return 0.0;
        }
        self.sd().powi(2) / k * (size - k) / (size - 1.0)
    }

    /// Members the cluster's mean needs for ±[`HALF_WIDTH`] (module docs).
    fn needed(&self) -> usize {
        let size = self.order.len();
        let k0 = (Z95 * self.sd() / HALF_WIDTH).powi(2);
        let k = k0 / (1.0 + (k0 - 1.0).max(0.0) / size as f64);
        (k.ceil() as usize).clamp(self.values.len().min(size), size)
    }
}

fn sample(csr: &Csr, membership: &[u32], seed: u64) -> Estimate {
    let n = csr.node_count();
    let k = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut strata: Vec<Stratum> = (0..k)
        .map(|_| Stratum {
            order: Vec::new(),
            values: Vec::new(),
        })
        .collect();
    for v in SplitMix64::new(seed).permutation(n) {
        strata[membership[v as usize] as usize].order.push(v);
    }
    let mut want: Vec<usize> = strata.iter().map(|s| s.order.len().min(PILOT)).collect();
    let mut work = 0u64;
    loop {
        let batch: Vec<u32> = strata
            .iter()
            .zip(&want)
            .flat_map(|(s, &w)| s.order[s.values.len()..w].iter().copied())
            .collect();
        if batch.is_empty() {
            break;
        }
        let (values, visited) = super::silhouette::silhouette_csr(csr, membership, &batch);
        work += visited;
        for (&v, x) in batch.iter().zip(values) {
            strata[membership[v as usize] as usize].values.push(x);
        }
        if work >= SAMPLE_WORK {
            break;
        }
        // The next round, within what is left of the budget at this round's cost.
        let per_search = work / batch.len().max(1) as u64 + 1;
        let mut room = ((SAMPLE_WORK - work) / per_search) as usize;
        for (s, w) in strata.iter().zip(want.iter_mut()) {
            let more = s.needed() - s.values.len();
            let take = more.min(room);
            room -= take;
            *w = s.values.len() + take;
        }
    }
    finish(&strata, membership, n)
}

/// The sampled nodes, their values and the stratified means (module docs).
fn finish(strata: &[Stratum], membership: &[u32], n: usize) -> Estimate {
    let mut pairs: Vec<(u32, f64)> = strata
        .iter()
        .flat_map(|s| s.order.iter().copied().zip(s.values.iter().copied()))
        .collect();
    pairs.sort_unstable_by_key(|p| p.0);
    let (nodes, values): (Vec<u32>, Vec<f64>) = pairs.into_iter().unzip();
    let sampled_membership: Vec<u32> = nodes.iter().map(|&v| membership[v as usize]).collect();
    let means = cluster_means(&values, &sampled_membership);
    let weight = |s: &Stratum| s.order.len() as f64 / n as f64;
    let mean = strata.iter().zip(&means).map(|(s, m)| weight(s) * m).sum();
    let variance: f64 = strata
        .iter()
        .map(|s| weight(s).powi(2) * s.mean_variance())
        .sum();
    let cluster_half_width = strata
        .iter()
        .map(|s| Z95 * s.mean_variance().sqrt())
        .fold(0.0, f64::max);
    Estimate {
        nodes,
        values,
        cluster_means: means,
        mean,
        exact: false,
        half_width: Z95 * variance.sqrt(),
        cluster_half_width,
    }
}
