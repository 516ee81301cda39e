//! The Leiden algorithm (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
//! guaranteeing well-connected communities", Sci. Rep. 9:5233) maximising modularity
//! with a resolution parameter, following the CWTS `networkanalysis` reference
//! implementation:
//!
//! 1. fast local moving: a queue of nodes, each moved to its best neighbouring
//!    cluster; when a node moves, its neighbours outside its new cluster are queued;
//! 2. refinement: inside each cluster, nodes start as singletons and a node that is
//!    well connected to its cluster (w(v, S − v) ≥ γ' k_v (K_S − k_v)) joins a well
//!    connected sub-cluster chosen at random with probability ∝ exp(gain / θ) among
//!    non-negative gains, θ = [`RANDOMNESS`] = 0.01 (CWTS default);
//! 3. aggregation by the refined partition, the unrefined clusters giving the initial
//!    partition of the aggregate network; repeated until no node moves.
//!
//! Every cluster found is connected (the guarantee Louvain lacks).

use super::cluster::{ClusterTotals, Level, NeighborWeights, compact, move_node};
use super::rng::SplitMix64;
use petgraph::graph::UnGraph;
use std::collections::VecDeque;

/// θ of the refinement phase (CWTS default).
pub const RANDOMNESS: f64 = 0.01;

/// Leiden clustering maximising modularity at `resolution`, seeded.
pub fn leiden(g: &UnGraph<(), f64>, resolution: f64, seed: u64) -> Vec<u32> {
    super::cluster::iterate(g, resolution, seed, leiden_iteration)
}

fn leiden_iteration(net: &Level, clustering: &mut [u32], res: f64, rng: &mut SplitMix64) -> bool {
    let mut update = fast_local_moving(net, clustering, res, rng);
    let k = compact(clustering);
    if k < net.n() {
        let mut refined = refine(net, clustering, k, res, rng);
        let r = compact(&mut refined);
        // If refinement merged nothing, aggregate by the clusters themselves (as Louvain
        // does) so the next level is smaller.
        let (by, r) = if r < net.n() {
            (refined, r)
        } else {
            (clustering.to_vec(), k)
        };
        let reduced = net.aggregate(&by, r);
        let mut reduced_clustering = vec![0u32; r];
        for (i, &b) in by.iter().enumerate() {
            reduced_clustering[b as usize] = clustering[i];
        }
        update |= leiden_iteration(&reduced, &mut reduced_clustering, res, rng);
        for (i, c) in clustering.iter_mut().enumerate() {
            *c = reduced_clustering[by[i] as usize];
        }
    }
    update
}

fn fast_local_moving(net: &Level, clustering: &mut [u32], res: f64, rng: &mut SplitMix64) -> bool {
    let n = net.n();
    let mut clusters = ClusterTotals::new(net, clustering);
    let mut queue: VecDeque<u32> = rng.permutation(n).into();
    let mut queued = vec![true; n];
    let mut scratch = NeighborWeights::new(n);
    let mut update = false;
    while let Some(j) = queue.pop_front() {
        let j = j as usize;
        queued[j] = false;
        if let Some(best) = move_node(net, &mut clusters, &mut scratch, clustering, j, res) {
            update = true;
            for (k, _) in net.csr.neighbors(j) {
                if !queued[k] && clustering[k] != best {
                    queued[k] = true;
                    queue.push_back(k as u32);
                }
            }
        }
    }
    update
}

/// Refinement: returns a partition (ids are node indices) nested in `clustering`.
fn refine(net: &Level, clustering: &[u32], k: usize, res: f64, rng: &mut SplitMix64) -> Vec<u32> {
    let n = net.n();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
    for i in rng.permutation(n) {
        members[clustering[i as usize] as usize].push(i);
    }
    let mut refined: Vec<u32> = (0..n as u32).collect();
    let mut weight = net.node_weight.clone();
    // Link weight from each refined cluster to the rest of its cluster.
    let mut external: Vec<f64> = (0..n)
        .map(|i| {
            net.csr
                .neighbors(i)
                .filter(|&(j, _)| clustering[j] == clustering[i])
                .map(|(_, w)| w)
                .sum()
        })
        .collect();
    let mut non_singleton = vec![false; n];
    let mut scratch = NeighborWeights::new(n);
    let mut cumulative: Vec<(f64, u32)> = Vec::new();
    for group in &members {
        if group.len() < 2 {
            continue;
        }
        let total: f64 = group.iter().map(|&i| net.node_weight[i as usize]).sum();
        let well_connected = |c: usize, weight: &[f64], external: &[f64]| {
            external[c] >= weight[c] * (total - weight[c]) * res
        };
        for &j in group {
            let j = j as usize;
            if non_singleton[j] || !well_connected(j, &weight, &external) {
                continue;
            }
            weight[j] = 0.0;
            external[j] = 0.0;
            let cj = clustering[j];
            scratch.gather(&net.csr, j, |x| (clustering[x] == cj).then_some(refined[x]));
            let wj = net.node_weight[j];
            let mut best = j as u32;
            let mut best_gain = 0.0;
            let mut sum = 1.0; // staying alone: gain 0, exp(0) = 1
            cumulative.clear();
            cumulative.push((sum, j as u32));
            for &c in &scratch.touched {
                if c as usize == j || !well_connected(c as usize, &weight, &external) {
                    continue;
                }
                let gain = scratch.weight[c as usize] - wj * weight[c as usize] * res;
                if gain > best_gain {
                    best = c;
                    best_gain = gain;
                }
                if gain >= 0.0 {
                    sum += (gain / RANDOMNESS).exp();
                    cumulative.push((sum, c));
                }
            }
            let chosen = if sum.is_finite() {
                let r = sum * rng.next_f64();
                let pos = cumulative
                    .partition_point(|&(s, _)| s <= r)
                    .min(cumulative.len() - 1);
                cumulative[pos].1
            } else {
                best
            };
            let ch = chosen as usize;
            weight[ch] += wj;
            for (x, w) in net.csr.neighbors(j) {
                if clustering[x] == cj {
                    if refined[x] == chosen {
                        external[ch] -= w;
                    } else {
                        external[ch] += w;
                    }
                }
            }
            if ch != j {
                refined[j] = chosen;
                non_singleton[ch] = true;
            }
        }
    }
    refined
}
