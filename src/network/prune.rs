//! Link pruning on the distance graph (distance = 1 / strength, so the strongest links
//! are the shortest).
//!
//! - **Pathfinder PFNET(r = ∞, q = n − 1)** (Schvaneveldt 1990): a link survives iff no
//!   other path between its ends has a largest link distance smaller than its own. This
//!   is the union of all minimum spanning trees; computed in O(m log m) by a Kruskal
//!   variant that processes links in groups of equal distance and keeps every link of a
//!   group whose ends were in different components before the group was merged (Quirin
//!   et al. 2008, JASIST 59(12)).
//! - **MST**: one minimum spanning tree by Kruskal; ties broken by (source, target) in
//!   ascending order.
//!
//! Both take links as (source, target, strength) and return the indices of the links
//! kept, in ascending order. Links with strength ≤ 0 are never kept.

struct Dsu {
    parent: Vec<u32>,
    rank: Vec<u8>,
}

impl Dsu {
    fn new(n: usize) -> Self {
        Dsu {
            parent: (0..n as u32).collect(),
            rank: vec![0; n],
        }
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (ra, rb) = if self.rank[ra as usize] < self.rank[rb as usize] {
            (rb, ra)
        } else {
            (ra, rb)
        };
        self.parent[rb as usize] = ra;
        if self.rank[ra as usize] == self.rank[rb as usize] {
            self.rank[ra as usize] += 1;
        }
        true
    }
}

/// Link order: strongest (shortest) first, then (source, target).
fn order(links: &[(u32, u32, f64)]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..links.len()).filter(|&i| links[i].2 > 0.0).collect();
    idx.sort_by(|&a, &b| {
        let (la, lb) = (&links[a], &links[b]);
        lb.2.total_cmp(&la.2).then((la.0, la.1).cmp(&(lb.0, lb.1)))
    });
    idx
}

/// PFNET(∞, n − 1): indices of the links kept.
pub fn pathfinder(n: usize, links: &[(u32, u32, f64)]) -> Vec<usize> {
    let idx = order(links);
    let mut dsu = Dsu::new(n);
    let mut keep = Vec::new();
    let mut i = 0;
    while i < idx.len() {
        let w = links[idx[i]].2;
        let mut j = i;
        while j < idx.len() && links[idx[j]].2 == w {
            j += 1;
        }
        for &e in &idx[i..j] {
            let (a, b, _) = links[e];
            if dsu.find(a) != dsu.find(b) {
                keep.push(e);
            }
        }
        for &e in &idx[i..j] {
            dsu.union(links[e].0, links[e].1);
        }
        i = j;
    }
    keep.sort_unstable();
    keep
}

/// One minimum spanning tree (forest): indices of the links kept.
pub fn mst(n: usize, links: &[(u32, u32, f64)]) -> Vec<usize> {
    let mut dsu = Dsu::new(n);
    let mut keep: Vec<usize> = order(links)
        .into_iter()
        .filter(|&e| dsu.union(links[e].0, links[e].1))
        .collect();
    keep.sort_unstable();
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brute force PFNET(∞, n−1): link (a,b,w) survives iff there is no path from a to
    /// b using only links strictly stronger than w (minimax path distance < its own).
    fn pathfinder_naive(n: usize, links: &[(u32, u32, f64)]) -> Vec<usize> {
        let mut keep = Vec::new();
        for (e, &(a, b, w)) in links.iter().enumerate() {
            if w <= 0.0 {
                continue;
            }
            let mut seen = vec![false; n];
            let mut stack = vec![a];
            seen[a as usize] = true;
            while let Some(x) = stack.pop() {
                for &(s, t, w2) in links {
                    if w2 > w {
                        for (u, v) in [(s, t), (t, s)] {
                            if u == x && !seen[v as usize] {
                                seen[v as usize] = true;
                                stack.push(v);
                            }
                        }
                    }
                }
            }
            if !seen[b as usize] {
                keep.push(e);
            }
        }
        keep
    }

    fn random_graph(seed: u64, n: u32, m: usize, levels: u64) -> Vec<(u32, u32, f64)> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while out.len() < m {
            let a = (next() % n as u64) as u32;
            let b = (next() % n as u64) as u32;
            if a == b || !seen.insert((a.min(b), a.max(b))) {
                continue;
            }
            // Few distinct weights, so ties are common.
            out.push((
                a.min(b),
                a.max(b),
                (1 + next() % levels) as f64 / levels as f64,
            ));
        }
        out
    }

    #[test]
    fn pathfinder_matches_brute_force() {
        for seed in 0..200 {
            let n = 3 + (seed % 9) as u32;
            let max_m = (n * (n - 1) / 2) as usize;
            let links = random_graph(seed, n, (seed as usize % max_m) + 1, 1 + seed % 4);
            assert_eq!(
                pathfinder(n as usize, &links),
                pathfinder_naive(n as usize, &links),
                "seed {seed}"
            );
        }
    }

    #[test]
    fn mst_is_spanning_and_minimal() {
        for seed in 0..200 {
            let n = 3 + (seed % 9) as u32;
            let max_m = (n * (n - 1) / 2) as usize;
            let links = random_graph(seed, n, (seed as usize % max_m) + 1, 1 + seed % 4);
            let t = mst(n as usize, &links);
            // Same number of components as the graph, n − components links.
            let mut dsu = Dsu::new(n as usize);
            let comps = n as usize - links.iter().filter(|l| dsu.union(l.0, l.1)).count();
            assert_eq!(t.len(), n as usize - comps, "seed {seed}");
            // Every MST link is in the union of all MSTs.
            let pf = pathfinder(n as usize, &links);
            assert!(t.iter().all(|e| pf.contains(e)), "seed {seed}");
            // Minimal: total distance (Σ 1/w) equals the minimum over all spanning
            // forests, enumerated by brute force on small graphs.
            if links.len() <= 12 {
                let k = n as usize - comps;
                let mut best = f64::INFINITY;
                for mask in 0u32..(1 << links.len()) {
                    if mask.count_ones() as usize != k {
                        continue;
                    }
                    let mut d = Dsu::new(n as usize);
                    let forest = (0..links.len())
                        .filter(|i| mask & (1 << i) != 0)
                        .all(|i| d.union(links[i].0, links[i].1));
                    if forest {
                        let total: f64 = (0..links.len())
                            .filter(|i| mask & (1 << i) != 0)
                            .map(|i| 1.0 / links[i].2)
                            .sum();
                        best = best.min(total);
                    }
                }
                let ours: f64 = t.iter().map(|&e| 1.0 / links[e].2).sum();
                assert!((ours - best).abs() < 1e-9, "seed {seed}: {ours} vs {best}");
            }
        }
    }

    #[test]
    fn triangle_by_hand() {
        // a-b 0.9, b-c 0.8, a-c 0.5: the weak a-c link is pruned by both.
        let links = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.5)];
        assert_eq!(pathfinder(3, &links), vec![0, 1]);
        assert_eq!(mst(3, &links), vec![0, 1]);
        // Equal weights: PFNET keeps all three, MST two, ties by (source, target):
        // (0,1) and (0,2), which are links 0 and 2.
        let eq = [(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.5)];
        assert_eq!(pathfinder(3, &eq), vec![0, 1, 2]);
        assert_eq!(mst(3, &eq), vec![0, 2]);
    }
}
