//! Silhouette (Rousseeuw 1987) of each node in its cluster, on the network's
//! geodesic distances: s(i) = (b(i) − a(i)) / max(a(i), b(i)), with a(i) the mean
//! distance from i to the other members of its cluster and b(i) the smallest mean
//! distance from i to the members of another cluster. Singletons get 0 (Rousseeuw).
//!
//! Distance choice: the number of links on a shortest path (hop count), the distance
//! the betweenness in [`super::centrality`] also uses. CiteSpace derives silhouettes
//! from the network it clusters, and its published values (cluster silhouettes of
//! 0.7–1.0, network S ≈ 0.5–0.9) are what geodesic distances give on sparse pruned
//! networks; 1 − link strength would put almost every pair at distance 1 (unlinked
//! pairs have no stored similarity), driving every silhouette toward 0.
//! Nodes in different connected components are at distance n (the number of nodes),
//! longer than any shortest path: a cluster that is a whole component then scores
//! close to 1 (well separated), and the formula stays finite for clusters that
//! straddle components. With a single cluster s is undefined and reported as 0.
//!
//! Cost: one breadth-first search per node, O(n·m), in parallel with rayon.

use super::csr::Csr;
use petgraph::graph::UnGraph;
use rayon::prelude::*;

/// Silhouette of every node for `membership` (cluster ids, dense 0..k preferred).
pub fn silhouette(g: &UnGraph<(), f64>, membership: &[u32]) -> Vec<f64> {
    let all: Vec<u32> = (0..g.node_count() as u32).collect();
    silhouette_of(g, membership, &all)
}

/// Silhouette of the given `nodes` only (for sampling on large networks: each node
/// costs one breadth-first search).
pub fn silhouette_of(g: &UnGraph<(), f64>, membership: &[u32], nodes: &[u32]) -> Vec<f64> {
    let csr = Csr::from_graph(g);
    let n = csr.node_count();
    let k = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut size = vec![0usize; k];
    for &c in membership {
        size[c as usize] += 1;
    }
    nodes
        .par_iter()
        .map_init(
            || {
                (
                    vec![u32::MAX; n],
                    vec![0u64; k],
                    vec![0usize; k],
                    Vec::<u32>::new(),
                )
            },
            |(dist, sum, reached, queue), i| {
                node_silhouette(
                    &csr,
                    membership,
                    &size,
                    *i as usize,
                    dist,
                    sum,
                    reached,
                    queue,
                )
            },
        )
        .collect()
}

/// Mean silhouette per cluster (0 for an empty cluster id).
pub fn cluster_means(values: &[f64], membership: &[u32]) -> Vec<f64> {
    let k = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut sum = vec![0.0; k];
    let mut count = vec![0usize; k];
    for (&v, &c) in values.iter().zip(membership) {
        sum[c as usize] += v;
        count[c as usize] += 1;
    }
    sum.iter()
        .zip(&count)
        .map(|(&s, &c)| if c > 0 { s / c as f64 } else { 0.0 })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn node_silhouette(
    csr: &Csr,
    membership: &[u32],
    size: &[usize],
    i: usize,
    dist: &mut [u32],
    sum: &mut [u64],
    reached: &mut [usize],
    queue: &mut Vec<u32>,
) -> f64 {
    let own = membership[i] as usize;
    if size[own] <= 1 {
        return 0.0;
    }
    // Breadth-first search from i, summing hop distances per cluster.
    for &v in queue.iter() {
        dist[v as usize] = u32::MAX;
    }
    sum.iter_mut().for_each(|x| *x = 0);
    reached.iter_mut().for_each(|x| *x = 0);
    queue.clear();
    queue.push(i as u32);
    dist[i] = 0;
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head] as usize;
        head += 1;
        let c = membership[v] as usize;
        sum[c] += dist[v] as u64;
        reached[c] += 1;
        for &w in &csr.targets[csr.offsets[v]..csr.offsets[v + 1]] {
            if dist[w as usize] == u32::MAX {
                dist[w as usize] = dist[v] + 1;
                queue.push(w);
            }
        }
    }
    // Unreachable members sit at distance n, beyond any shortest path.
    let far = membership.len() as f64;
    let total = |c: usize| sum[c] as f64 + far * (size[c] - reached[c]) as f64;
    let a = total(own) / (size[own] - 1) as f64;
    let b = (0..size.len())
        .filter(|&c| c != own && size[c] > 0)
        .map(|c| total(c) / size[c] as f64)
        .fold(f64::INFINITY, f64::min);
    if b.is_infinite() {
        // Only one cluster: Rousseeuw leaves s undefined; report 0.
        return 0.0;
    }
    let m = a.max(b);
    if m > 0.0 { (b - a) / m } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::NodeIndex;

    fn graph(n: usize, edges: &[(usize, usize)]) -> UnGraph<(), f64> {
        let mut g = UnGraph::new_undirected();
        for _ in 0..n {
            g.add_node(());
        }
        for &(u, v) in edges {
            g.add_edge(NodeIndex::new(u), NodeIndex::new(v), 1.0);
        }
        g
    }

    #[test]
    fn two_triangles_joined_by_a_bridge() {
        // Triangles {0,1,2} and {3,4,5}, bridge 2–3. Hand computation:
        // node 0: a = (1+1)/2 = 1, b = (2+3+3)/3 = 8/3, s = 1 − 3/8 = 0.625;
        // node 2: a = 1, b = (1+2+2)/3 = 5/3, s = 1 − 3/5 = 0.4.
        let g = graph(6, &[(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)]);
        let s = silhouette(&g, &[0, 0, 0, 1, 1, 1]);
        let expected = [0.625, 0.625, 0.4, 0.4, 0.625, 0.625];
        for (x, e) in s.iter().zip(expected) {
            assert!((x - e).abs() < 1e-12, "{s:?}");
        }
        // A bad split: node 2 put with the other triangle has a = 5/3, b = 1.
        let s = silhouette(&g, &[0, 0, 1, 1, 1, 1]);
        assert!((s[2] - (1.0 - 5.0 / 3.0) / (5.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn singletons_and_separate_components() {
        // Components {0,1} and {2,3} are clusters 0 and 1, isolated node 4 is cluster 2.
        // Unreachable nodes are at distance n = 5: node 0 has a = 1, b = 5, s = 0.8.
        let g = graph(5, &[(0, 1), (2, 3)]);
        let s = silhouette(&g, &[0, 0, 1, 1, 2]);
        assert_eq!(s, vec![0.8, 0.8, 0.8, 0.8, 0.0]);
        assert_eq!(cluster_means(&s, &[0, 0, 1, 1, 2]), vec![0.8, 0.8, 0.0]);
        // One cluster: undefined, 0.
        assert_eq!(silhouette(&g, &[0, 0, 0, 0, 0]), vec![0.0; 5]);
    }
}
