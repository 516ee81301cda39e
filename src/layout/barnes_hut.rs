//! Barnes–Hut quadtree (Barnes & Hut 1986, Nature 324) for the ForceAtlas2 repulsion
//! `F = k_r · m_i · m_j / d` (Jacomy et al. 2014, eq. 2, masses `deg + 1`).
//!
//! A cell of side `s` whose centre of mass lies at distance `d` from a node acts as
//! one body of the cell's total mass when `s / d < θ`. Choices:
//! - Leaves hold up to [`LEAF_SIZE`] bodies, computed exactly (fewer, shallower cells).
//! - A cell that contains the node itself is always opened, so a node never repels
//!   itself through an approximation (Gephi's implementation does not check this,
//!   which matters for θ > 0.7).
//! - Bodies at exactly the same point exert no force on each other (the direction is
//!   undefined); layouts start from jittered positions, so this does not persist.
//! - The build is sequential and the force queries run in parallel with rayon, each
//!   node summing its own force in a fixed order: results do not depend on threads.
//!
//! Cost: build O(n log n), a query O(log n) for fixed θ, so O(n log n) per step
//! instead of O(n²).

use rayon::prelude::*;

/// Bodies per leaf, computed exactly.
pub const LEAF_SIZE: usize = 8;
const MAX_DEPTH: u32 = 40;
/// Under this many nodes, a force query is cheaper sequentially.
const PAR_MIN: usize = 512;

#[derive(Debug, Clone, Copy)]
struct Cell {
    /// Centre of mass and total mass.
    com: [f32; 2],
    mass: f32,
    /// Lower corner and side of the square.
    lo: [f32; 2],
    side: f32,
    /// Index of the first of 4 children, or 0 for a leaf.
    child: u32,
    /// Bodies of the cell: `order[start..end]`.
    start: u32,
    end: u32,
}

/// A quadtree over positions with masses.
#[derive(Debug, Clone, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Body indices in tree order; a cell's bodies are `order[start..end]`.
    order: Vec<u32>,
    /// Position of each body in `order`.
    rank: Vec<u32>,
    pos: Vec<[f32; 2]>,
    mass: Vec<f32>,
    /// Positions and masses in tree order (contiguous per leaf).
    sorted_pos: Vec<[f32; 2]>,
    sorted_mass: Vec<f32>,
}

/// How the repulsion treats two bodies that are close.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Repulsion {
    /// `k_r` (ForceAtlas2 scaling ratio).
    pub scaling: f32,
    /// Opening criterion θ.
    pub theta: f32,
}

impl QuadTree {
    /// Builds the tree over `pos` with masses `mass`.
    pub fn build(pos: &[[f32; 2]], mass: &[f32]) -> Self {
        let n = pos.len();
        let mut tree = QuadTree {
            cells: Vec::with_capacity(n / 2 + 1),
            order: (0..n as u32).collect(),
            pos: pos.to_vec(),
            mass: mass.to_vec(),
            ..Default::default()
        };
        if n == 0 {
            return tree;
        }
        let (mut lo, mut hi) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
        for p in pos.iter().filter(|p| p[0].is_finite() && p[1].is_finite()) {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        if lo[0] > hi[0] {
            lo = [0.0; 2];
            hi = [0.0; 2];
        }
        let side = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(f32::MIN_POSITIVE) * 1.0001;
        tree.cells.push(Cell {
            com: [0.0; 2],
            mass: 0.0,
            lo,
            side,
            child: 0,
            start: 0,
            end: n as u32,
        });
        tree.split(0, 0);
        tree.rank = vec![0; n];
        for (k, &b) in tree.order.iter().enumerate() {
            tree.rank[b as usize] = k as u32;
        }
        tree.sorted_pos = tree.order.iter().map(|&b| tree.pos[b as usize]).collect();
        tree.sorted_mass = tree.order.iter().map(|&b| tree.mass[b as usize]).collect();
        tree
    }

    /// Computes the centre of mass of cell `c` and splits it while it holds more than
    /// `LEAF_SIZE` bodies.
    fn split(&mut self, c: usize, depth: u32) {
        let Cell {
            lo,
            side,
            start,
            end,
            ..
        } = self.cells[c];
        let (s, e) = (start as usize, end as usize);
        let (mut m, mut cx, mut cy) = (0.0f32, 0.0f32, 0.0f32);
        for &b in &self.order[s..e] {
            let (p, w) = (self.pos[b as usize], self.mass[b as usize]);
            m += w;
            cx += w * p[0];
            cy += w * p[1];
        }
        let com = if m > 0.0 {
            [cx / m, cy / m]
        } else {
            [lo[0] + side / 2.0, lo[1] + side / 2.0]
        };
        self.cells[c].com = com;
        self.cells[c].mass = m;
        if e - s <= LEAF_SIZE || depth >= MAX_DEPTH {
            return;
        }
        let half = side / 2.0;
        let mid = [lo[0] + half, lo[1] + half];
        let pos = &self.pos;
        let slice = &mut self.order[s..e];
        let y_split = partition(slice, |b| pos[b as usize][1] < mid[1]);
        let x_low = partition(&mut slice[..y_split], |b| pos[b as usize][0] < mid[0]);
        let x_high = y_split + partition(&mut slice[y_split..], |b| pos[b as usize][0] < mid[0]);
        let bounds = [s, s + x_low, s + y_split, s + x_high, e];
        let first = self.cells.len();
        self.cells[c].child = first as u32;
        for q in 0..4 {
            let qlo = [lo[0] + half * (q % 2) as f32, lo[1] + half * (q / 2) as f32];
            let (start, end) = (bounds[q] as u32, bounds[q + 1] as u32);
            self.cells.push(Cell {
                com: qlo,
                mass: 0.0,
                lo: qlo,
                side: half,
                child: 0,
                start,
                end,
            });
        }
        for q in 0..4 {
            self.split(first + q, depth + 1);
        }
    }

    /// Repulsive force on body `i` from all other bodies.
    pub fn force(&self, i: usize, rep: Repulsion) -> [f32; 2] {
        match self.rank.get(i) {
            Some(&k) => self.force_at(k as usize, rep, &mut Vec::with_capacity(64)),
            None => [0.0; 2],
        }
    }

    /// Force on the body at position `k` of the tree order; `stack` is scratch space.
    fn force_at(&self, k: usize, rep: Repulsion, stack: &mut Vec<u32>) -> [f32; 2] {
        let mut f = [0.0f32; 2];
        let (p, m) = (self.sorted_pos[k], self.sorted_mass[k]);
        let theta2 = rep.theta * rep.theta;
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.mass == 0.0 {
                continue;
            }
            if cell.child == 0 {
                let (s, e) = (cell.start as usize, cell.end as usize);
                for b in s..e {
                    if b != k {
                        add_repulsion(
                            &mut f,
                            p,
                            self.sorted_pos[b],
                            rep.scaling * m * self.sorted_mass[b],
                        );
                    }
                }
                continue;
            }
            let dx = p[0] - cell.com[0];
            let dy = p[1] - cell.com[1];
            let d2 = dx * dx + dy * dy;
            if cell.side * cell.side < theta2 * d2
                && !((cell.start as usize..cell.end as usize).contains(&k))
            {
                add_repulsion(&mut f, p, cell.com, rep.scaling * m * cell.mass);
            } else {
                stack.extend(cell.child..cell.child + 4);
            }
        }
        f
    }

    /// Repulsive forces on every body, in parallel. Bodies are visited in tree order, so
    /// neighbouring queries walk the same cells.
    pub fn forces(&self, rep: Repulsion) -> Vec<[f32; 2]> {
        let n = self.sorted_pos.len();
        let in_order: Vec<[f32; 2]> = if n < PAR_MIN {
            let mut stack = Vec::with_capacity(64);
            (0..n).map(|k| self.force_at(k, rep, &mut stack)).collect()
        } else {
            (0..n)
                .into_par_iter()
                .with_min_len(64)
                .map_init(
                    || Vec::with_capacity(64),
                    |stack, k| self.force_at(k, rep, stack),
                )
                .collect()
        };
        let mut out = vec![[0.0; 2]; n];
        for (f, &b) in in_order.into_iter().zip(&self.order) {
            out[b as usize] = f;
        }
        out
    }
}

/// `F = k m_i m_j / d` along `p - q`: adds `(p - q) · k m_i m_j / d²`.
#[inline]
fn add_repulsion(f: &mut [f32; 2], p: [f32; 2], q: [f32; 2], kmm: f32) {
    let dx = p[0] - q[0];
    let dy = p[1] - q[1];
    let d2 = dx * dx + dy * dy;
    if d2 > 0.0 {
        let factor = kmm / d2;
        f[0] += dx * factor;
        f[1] += dy * factor;
    }
}

/// The exact O(n²) repulsion, for small graphs and for checking the tree.
pub fn exact_forces(pos: &[[f32; 2]], mass: &[f32], scaling: f32) -> Vec<[f32; 2]> {
    let one = |i: usize| {
        let mut f = [0.0f32; 2];
        for j in 0..pos.len() {
            if j != i {
                add_repulsion(&mut f, pos[i], pos[j], scaling * mass[i] * mass[j]);
            }
        }
        f
    };
    if pos.len() < PAR_MIN {
        (0..pos.len()).map(one).collect()
    } else {
        (0..pos.len()).into_par_iter().map(one).collect()
    }
}

/// Moves the items for which `low` holds to the front; returns how many there are.
fn partition(slice: &mut [u32], low: impl Fn(u32) -> bool) -> usize {
    let mut k = 0;
    for j in 0..slice.len() {
        if low(slice[j]) {
            slice.swap(k, j);
            k += 1;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::graph::random_positions;

    #[test]
    fn two_bodies_repel_by_k_m_m_over_d() {
        // k = 2, masses 1 and 3, distance 4: |F| = 2·1·3/4 = 1.5 along x.
        let pos = [[0.0, 0.0], [4.0, 0.0]];
        let tree = QuadTree::build(&pos, &[1.0, 3.0]);
        let f = tree.force(
            0,
            Repulsion {
                scaling: 2.0,
                theta: 0.5,
            },
        );
        assert!((f[0] + 1.5).abs() < 1e-6 && f[1].abs() < 1e-6, "{f:?}");
    }

    #[test]
    fn theta_zero_is_exact() {
        let pos = random_positions(300, 100.0, 7);
        let mass: Vec<f32> = (0..300).map(|i| 1.0 + (i % 5) as f32).collect();
        let tree = QuadTree::build(&pos, &mass);
        let bh = tree.forces(Repulsion {
            scaling: 1.0,
            theta: 0.0,
        });
        let ex = exact_forces(&pos, &mass, 1.0);
        for (a, b) in bh.iter().zip(&ex) {
            let err = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
            let norm = (b[0] * b[0] + b[1] * b[1]).sqrt();
            assert!(err <= 1e-4 * norm.max(1.0), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn coincident_points_do_not_recurse_forever() {
        let pos = vec![[1.0, 1.0]; 50];
        let tree = QuadTree::build(&pos, &[1.0; 50]);
        let f = tree.force(
            3,
            Repulsion {
                scaling: 1.0,
                theta: 1.0,
            },
        );
        assert_eq!(f, [0.0, 0.0]);
    }
}
