//! CitNetExplorer's moves on a citation network (van Eck & Waltman 2014, J.
//! Informetrics 8(4), "CitNetExplorer: A new software tool for analyzing and
//! visualizing citation networks"): the neighbourhood of publications (drill down to
//! what cites them or what they cite), expanding a selection, restricting the network
//! to a selection, and core publications.
//!
//! Definitions:
//! - **neighbourhood** of a set S at depth d in a direction: S plus every node reached
//!   from S by at most d steps along citation links — towards the citing publications
//!   ([`Direction::Citing`]), the cited ones ([`Direction::Cited`]) or both;
//! - **expand** S with a minimum of m links: S plus every node with at least m
//!   citation links (in the direction asked) to nodes of S (CitNetExplorer's
//!   "minimum number of citation relations");
//! - **drill down** to S: the network of S alone, with the links among its nodes
//!   ([`subnetwork`]); node values (LCS, GCS, clusters, positions) are kept as they
//!   were in the whole network;
//! - **core publications** with minimum k: the largest set in which every publication
//!   has at least k citation links (either direction) to other publications of the
//!   set — the k-core of the network taken as undirected, found by repeatedly removing
//!   publications with fewer than k links ([`k_core`]).

use crate::network::Network;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Which citation links a move follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// To the publications that cite (incoming links).
    Citing,
    /// To the publications cited (outgoing links).
    Cited,
    /// Both ways.
    #[default]
    Both,
}

/// Neighbour lists of a directed network in a direction.
fn neighbours(net: &Network, dir: Direction) -> Vec<Vec<u32>> {
    let mut adj = vec![Vec::new(); net.nodes.len()];
    for l in &net.links {
        let (s, t) = (l.source as usize, l.target as usize);
        if s >= adj.len() || t >= adj.len() {
            continue;
        }
        if matches!(dir, Direction::Cited | Direction::Both) {
            adj[s].push(l.target);
        }
        if matches!(dir, Direction::Citing | Direction::Both) {
            adj[t].push(l.source);
        }
    }
    adj
}

/// The nodes within `depth` citation steps of `start` in direction `dir`, `start`
/// included; sorted node indices. Depth 0 gives `start` itself.
pub fn neighbourhood(net: &Network, start: &[u32], depth: u32, dir: Direction) -> Vec<u32> {
    let adj = neighbours(net, dir);
    let mut dist = vec![u32::MAX; net.nodes.len()];
    let mut queue = VecDeque::new();
    for &s in start {
        if let Some(d) = dist.get_mut(s as usize)
            && *d != 0
        {
            *d = 0;
            queue.push_back(s);
        }
    }
    while let Some(v) = queue.pop_front() {
        let d = dist[v as usize];
        if d >= depth {
            continue;
        }
        for &w in &adj[v as usize] {
            if dist[w as usize] == u32::MAX {
                dist[w as usize] = d + 1;
                queue.push_back(w);
            }
        }
    }
    (0..net.nodes.len() as u32)
        .filter(|&i| dist[i as usize] != u32::MAX)
        .collect()
}

/// `selection` plus every node with at least `min_links` citation links in
/// direction `dir` to nodes of `selection`; sorted node indices.
pub fn expand(net: &Network, selection: &[u32], min_links: u32, dir: Direction) -> Vec<u32> {
    let n = net.nodes.len();
    let mut chosen = vec![false; n];
    for &s in selection.iter().filter(|&&s| (s as usize) < n) {
        chosen[s as usize] = true;
    }
    let mut links = vec![0u32; n];
    for l in &net.links {
        let (s, t) = (l.source as usize, l.target as usize);
        if s >= n || t >= n {
            continue;
        }
        // A node citing the selection is one of its citing publications.
        if chosen[t] && matches!(dir, Direction::Citing | Direction::Both) {
            links[s] += 1;
        }
        if chosen[s] && matches!(dir, Direction::Cited | Direction::Both) {
            links[t] += 1;
        }
    }
    (0..n as u32)
        .filter(|&i| chosen[i as usize] || links[i as usize] >= min_links.max(1))
        .collect()
}

/// The network of `keep` alone (drill down): those nodes, in the order given (repeats
/// and indices out of range ignored), and the links among them, re-indexed and sorted.
pub fn subnetwork(net: &Network, keep: &[u32]) -> Network {
    let mut index = vec![u32::MAX; net.nodes.len()];
    let mut nodes = Vec::with_capacity(keep.len());
    for &k in keep {
        if let Some(slot) = index.get_mut(k as usize)
            && *slot == u32::MAX
        {
            *slot = nodes.len() as u32;
            nodes.push(net.nodes[k as usize].clone());
        }
    }
    let mut links: Vec<_> = net
        .links
        .iter()
        .filter_map(|l| {
            let (s, t) = (
                *index.get(l.source as usize)?,
                *index.get(l.target as usize)?,
            );
            (s != u32::MAX && t != u32::MAX).then(|| {
                let mut l = l.clone();
                (l.source, l.target) = if net.directed || s < t {
                    (s, t)
                } else {
                    (t, s)
                };
                l
            })
        })
        .collect();
    links.sort_by_key(|l| (l.source, l.target));
    Network {
        kind: net.kind,
        directed: net.directed,
        nodes,
        links,
    }
}

/// Peels `keep` down to its k-core: nodes are removed while some kept node has fewer
/// than `k` links (`(a, b)` pairs, either direction, each counted) to kept nodes.
pub fn k_core(keep: &mut [bool], links: &[(u32, u32)], k: u32) {
    let n = keep.len();
    let mut adj = vec![Vec::new(); n];
    for &(a, b) in links {
        if (a as usize) < n && (b as usize) < n && a != b {
            adj[a as usize].push(b);
            adj[b as usize].push(a);
        }
    }
    let mut degree: Vec<u32> = (0..n)
        .map(|v| {
            if keep[v] {
                adj[v].iter().filter(|&&w| keep[w as usize]).count() as u32
            } else {
                0
            }
        })
        .collect();
    let mut stack: Vec<u32> = (0..n as u32)
        .filter(|&v| keep[v as usize] && degree[v as usize] < k)
        .collect();
    while let Some(v) = stack.pop() {
        if !keep[v as usize] {
            continue;
        }
        keep[v as usize] = false;
        for &w in &adj[v as usize] {
            let w = w as usize;
            if keep[w] {
                degree[w] -= 1;
                if degree[w] < k {
                    stack.push(w as u32);
                }
            }
        }
    }
}

/// The core publications of `net` with minimum `k` (module docs); sorted indices.
pub fn core_publications(net: &Network, k: u32) -> Vec<u32> {
    let mut keep = vec![true; net.nodes.len()];
    let links: Vec<(u32, u32)> = net.links.iter().map(|l| (l.source, l.target)).collect();
    k_core(&mut keep, &links, k);
    (0..keep.len() as u32)
        .filter(|&i| keep[i as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Link, Node, NodeKind};

    /// 0 ← 1 ← 2 ← 3 (each cites the one before), 4 cites 0 and 1, 5 alone.
    fn chain() -> Network {
        let link = |s, t| Link {
            source: s,
            target: t,
            weight: 1.0,
            count: 1.0,
            first_year: 2000,
        };
        Network {
            kind: NodeKind::Citation,
            directed: true,
            nodes: (0..6)
                .map(|i| Node {
                    id: format!("r{i}"),
                    ..Default::default()
                })
                .collect(),
            links: vec![link(1, 0), link(2, 1), link(3, 2), link(4, 0), link(4, 1)],
        }
    }

    #[test]
    fn neighbourhoods_follow_directions() {
        let net = chain();
        assert_eq!(neighbourhood(&net, &[1], 1, Direction::Citing), [1, 2, 4]);
        assert_eq!(
            neighbourhood(&net, &[1], 2, Direction::Citing),
            [1, 2, 3, 4]
        );
        assert_eq!(neighbourhood(&net, &[2], 5, Direction::Cited), [0, 1, 2]);
        assert_eq!(neighbourhood(&net, &[0], 1, Direction::Both), [0, 1, 4]);
        assert_eq!(neighbourhood(&net, &[5], 3, Direction::Both), [5]);
        assert_eq!(neighbourhood(&net, &[2], 0, Direction::Both), [2]);
    }

    #[test]
    fn expand_drill_down_and_core() {
        let net = chain();
        // Citing {0, 1}: 1 cites 0 (1 link), 2 cites 1 (1), 4 cites both (2).
        assert_eq!(expand(&net, &[0, 1], 1, Direction::Citing), [0, 1, 2, 4]);
        assert_eq!(expand(&net, &[0, 1], 2, Direction::Citing), [0, 1, 4]);
        assert_eq!(expand(&net, &[3], 1, Direction::Cited), [2, 3]);
        let sub = subnetwork(&net, &[4, 1, 0]);
        assert_eq!(sub.nodes[0].id, "r4");
        let pairs: Vec<(u32, u32)> = sub.links.iter().map(|l| (l.source, l.target)).collect();
        // r1→r0 is (1, 2); r4→r0 (0, 2); r4→r1 (0, 1).
        assert_eq!(pairs, [(0, 1), (0, 2), (1, 2)]);
        assert!(sub.directed);
        // Degrees: 0:2, 1:3, 2:2, 3:1, 4:2, 5:0. The 2-core drops 5 and 3, then 2
        // (its only other link was to 3): {0, 1, 4}, a triangle.
        assert_eq!(core_publications(&net, 2), [0, 1, 4]);
        assert_eq!(core_publications(&net, 3), Vec::<u32>::new());
        assert_eq!(core_publications(&net, 0).len(), 6);
    }
}
