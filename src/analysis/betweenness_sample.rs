//! Betweenness estimated from random shortest paths, with a stated error bound
//! (Riondato & Kornaropoulos 2016, "Fast approximation of betweenness centrality
//! through sampling", Data Min. Knowl. Disc. 30:438–475).
//!
//! r = ⌈(c / ε²) (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ ordered pairs (s, t), s ≠ t, are
//! drawn uniformly; for each connected pair one shortest s–t path is drawn uniformly
//! among all of them, and every node inside it is credited 1/r. With probability at
//! least 1 − δ every node's estimate is then within ε of its betweenness normalised by
//! the n(n − 1) ordered pairs (c = 0.5; VD is the vertex diameter, the most nodes on a
//! shortest path, bounded here by 2·eccentricity + 1 of one node per component).
//! CiteSpace's normalisation divides by the (n − 1)(n − 2) ordered pairs not involving
//! the node, so the estimates and ε are scaled by n / (n − 2).
//!
//! A path is drawn by a balanced bidirectional breadth-first search (as in KADABRA,
//! Borassi & Natale 2016): the side whose frontier has fewer links grows by one level,
//! counting shortest paths σ from its end, until the two searches meet; the meeting
//! node w is drawn with probability σ_s(w) σ_t(w) / σ_st and the path walked back to
//! both ends, each step choosing a predecessor u with probability σ(u) / σ(current).
//! On small-world networks a search then touches a few hundred links where a full
//! one (Brandes' single source) touches all of them.
//!
//! Samples run in parallel in fixed chunks, each drawn from its own seeded stream, and
//! credits are integers: the result does not depend on the number of threads.

use super::csr::Csr;
use super::rng::SplitMix64;
use petgraph::graph::UnGraph;
use rayon::prelude::*;

const C: f64 = 0.5;
const UNSEEN: u32 = u32::MAX;
/// Samples per parallel chunk.
const CHUNK: usize = 256;

/// Estimated normalised betweenness and what bounds its error.
#[derive(Debug, Clone, PartialEq)]
pub struct Sampled {
    /// Estimated normalised betweenness of each node.
    pub values: Vec<f64>,
    /// Pairs drawn.
    pub samples: usize,
    /// Every estimate is within this of the exact value with probability 1 − `delta`.
    pub epsilon: f64,
    pub delta: f64,
    /// The bound on the vertex diameter used.
    pub vertex_diameter: usize,
}

/// Betweenness of every node within ±`epsilon` (CiteSpace's normalisation) of the
/// exact value, all nodes at once with probability 1 − `delta` (module docs).
pub fn estimate(g: &UnGraph<(), f64>, epsilon: f64, delta: f64, seed: u64) -> Sampled {
    estimate_csr(&Csr::from_graph(g), epsilon, delta, seed)
}

/// [`estimate`] on a CSR adjacency.
fn estimate_csr(csr: &Csr, epsilon: f64, delta: f64, seed: u64) -> Sampled {
    let n = csr.node_count();
    let vd = vertex_diameter_bound(csr);
    let mut out = Sampled {
        values: vec![0.0; n],
        samples: 0,
        epsilon,
        delta,
        vertex_diameter: vd,
    };
    if n < 3 || vd < 3 {
        return out; // no shortest path has a node inside it
    }
    let scale = n as f64 / (n - 2) as f64;
    let eps_pairs = epsilon / scale;
    let log_term = ((vd - 2) as f64).log2().floor() + 1.0;
    let r = (C / eps_pairs.powi(2) * (log_term + (1.0 / delta).ln())).ceil() as usize;
    let chunks: Vec<Vec<u32>> = (0..r.div_ceil(CHUNK))
        .into_par_iter()
        .map_init(
            || Paths::new(n),
            |paths, c| {
                let mut inner = Vec::new();
                for i in c * CHUNK..((c + 1) * CHUNK).min(r) {
                    let mut rng =
                        SplitMix64::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                    let s = rng.below(n);
                    let mut t = rng.below(n - 1);
                    if t >= s {
                        t += 1;
                    }
                    paths.sample(csr, s, t, &mut rng, &mut inner);
                }
                inner
            },
        )
        .collect();
    let mut count = vec![0u32; n];
    for v in chunks.iter().flatten() {
        count[*v as usize] += 1;
    }
    for (x, c) in out.values.iter_mut().zip(count) {
        *x = f64::from(c) / r as f64 * scale;
    }
    out.samples = r;
    out
}

/// Bound on the vertex diameter: for one node per connected component, twice its
/// eccentricity plus one (every shortest path in the component is at most twice as
/// long as the longest from that node).
fn vertex_diameter_bound(csr: &Csr) -> usize {
    let n = csr.node_count();
    let mut dist = vec![UNSEEN; n];
    let mut queue = Vec::new();
    let mut bound = 1;
    for root in 0..n {
        if dist[root] != UNSEEN {
            continue;
        }
        dist[root] = 0;
        queue.clear();
        queue.push(root as u32);
        let mut head = 0;
        let mut ecc = 0;
        while head < queue.len() {
            let v = queue[head] as usize;
            head += 1;
            ecc = ecc.max(dist[v]);
            for &w in &csr.targets[csr.offsets[v]..csr.offsets[v + 1]] {
                if dist[w as usize] == UNSEEN {
                    dist[w as usize] = dist[v] + 1;
                    queue.push(w);
                }
            }
        }
        bound = bound.max(2 * ecc as usize + 1);
    }
    bound
}

/// One side of a bidirectional search.
struct Side {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    visited: Vec<u32>,
    frontier: Vec<u32>,
    next: Vec<u32>,
    level: u32,
}

impl Side {
    fn new(n: usize) -> Self {
        Side {
            dist: vec![UNSEEN; n],
            sigma: vec![0.0; n],
            visited: Vec::new(),
            frontier: Vec::new(),
            next: Vec::new(),
            level: 0,
        }
    }

    fn start(&mut self, root: usize) {
        for &v in &self.visited {
            self.dist[v as usize] = UNSEEN;
        }
        self.visited.clear();
        self.frontier.clear();
        self.dist[root] = 0;
        self.sigma[root] = 1.0;
        self.visited.push(root as u32);
        self.frontier.push(root as u32);
        self.level = 0;
    }

    fn frontier_links(&self, csr: &Csr) -> usize {
        self.frontier
            .iter()
            .map(|&v| csr.offsets[v as usize + 1] - csr.offsets[v as usize])
            .sum()
    }

    /// Grows the search by one level, counting shortest paths.
    fn grow(&mut self, csr: &Csr) {
        self.next.clear();
        let d = self.level + 1;
        for &v in &self.frontier {
            let v = v as usize;
            let sv = self.sigma[v];
            for &w in &csr.targets[csr.offsets[v]..csr.offsets[v + 1]] {
                let w = w as usize;
                if self.dist[w] == UNSEEN {
                    self.dist[w] = d;
                    self.sigma[w] = 0.0;
                    self.visited.push(w as u32);
                    self.next.push(w as u32);
                }
                if self.dist[w] == d {
                    self.sigma[w] += sv;
                }
            }
        }
        self.level = d;
        std::mem::swap(&mut self.frontier, &mut self.next);
    }

    /// Walks from `from` back to this side's root, drawing each predecessor with
    /// probability σ(u)/σ(current); pushes the nodes passed (not `from`, not the root).
    fn walk_back(&self, csr: &Csr, from: usize, rng: &mut SplitMix64, out: &mut Vec<u32>) {
        let mut cur = from;
        while self.dist[cur] > 1 {
            let want = self.dist[cur] - 1;
            let mut x = rng.next_f64() * self.sigma[cur];
            let mut pick = cur;
            for &u in &csr.targets[csr.offsets[cur]..csr.offsets[cur + 1]] {
                let u = u as usize;
                if self.dist[u] == want {
                    pick = u;
                    x -= self.sigma[u];
                    if x < 0.0 {
                        break;
                    }
                }
            }
            cur = pick;
            out.push(cur as u32);
        }
    }
}

/// The two sides of a bidirectional search, reused from pair to pair.
struct Paths {
    a: Side,
    b: Side,
    meet: Vec<(u32, f64)>,
}

impl Paths {
    fn new(n: usize) -> Self {
        Paths {
            a: Side::new(n),
            b: Side::new(n),
            meet: Vec::new(),
        }
    }

    /// Draws one shortest s–t path uniformly and pushes its inner nodes to `out`
    /// (nothing when t cannot be reached).
    fn sample(&mut self, csr: &Csr, s: usize, t: usize, rng: &mut SplitMix64, out: &mut Vec<u32>) {
        self.a.start(s);
        self.b.start(t);
        loop {
            if self.a.frontier.is_empty() || self.b.frontier.is_empty() {
                return;
            }
            let grow_a = self.a.frontier_links(csr) <= self.b.frontier_links(csr);
            let (x, y) = if grow_a {
                (&mut self.a, &self.b)
            } else {
                (&mut self.b, &self.a)
            };
            x.grow(csr);
            // The first nodes both searches reach lie on the new level of x; the
            // shortest paths cross it where y is closest.
            let Some(closest) = x
                .frontier
                .iter()
                .map(|&w| y.dist[w as usize])
                .filter(|&d| d != UNSEEN)
                .min()
            else {
                continue;
            };
            self.meet.clear();
            self.meet.extend(x.frontier.iter().filter_map(|&w| {
                let w = w as usize;
                (y.dist[w] == closest).then(|| (w as u32, x.sigma[w] * y.sigma[w]))
            }));
            let total: f64 = self.meet.iter().map(|m| m.1).sum();
            let mut r = rng.next_f64() * total;
            let mut w = self.meet[self.meet.len() - 1].0 as usize;
            for &(v, paths) in &self.meet {
                r -= paths;
                if r < 0.0 {
                    w = v as usize;
                    break;
                }
            }
            if w != s && w != t {
                out.push(w as u32);
            }
            x.walk_back(csr, w, rng, out);
            y.walk_back(csr, w, rng, out);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_graph_middle_node() {
        // Path 0-1-2: node 1 lies on the one shortest path of the pair {0, 2}, so its
        // normalised betweenness is 1 / 1 = 1; the ends 0. VD = 3 (bound 2·ecc(0)+1 = 5).
        let c = Csr::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert_eq!(vertex_diameter_bound(&c), 5);
        let s = estimate_csr(&c, 0.2, 0.1, 7);
        // Pairs (0,2) and (2,0) credit node 1, the 4 others nothing: b ≈ 1/3 of the
        // ordered pairs, times n/(n−2) = 3 → 1.
        assert!((s.values[1] - 1.0).abs() <= 0.2, "{:?}", s.values);
        assert_eq!((s.values[0], s.values[2]), (0.0, 0.0));
        // No path with a node inside it: all zeros; two nodes: nothing sampled.
        let e = Csr::from_edges(3, &[(0, 1, 1.0)]);
        assert_eq!(estimate_csr(&e, 0.1, 0.1, 1).values, [0.0; 3]);
        let two = Csr::from_edges(2, &[(0, 1, 1.0)]);
        assert_eq!(estimate_csr(&two, 0.1, 0.1, 1).samples, 0);
    }
}
