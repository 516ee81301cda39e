//! ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLoS ONE 9(6): e98679),
//! stepped one iteration at a time so the app can animate it.
//!
//! Forces on node `i` (mass `m_i = deg_i + 1`):
//! - repulsion `k_r m_i m_j / d` from every node, by a Barnes–Hut quadtree
//!   ([`super::barnes_hut`], θ = 1.2 as in Gephi) or exactly;
//! - attraction `w^δ · d` along each link (`w^δ · log(1 + d)` in LinLog mode), `δ` the
//!   edge-weight influence, divided by `m_i` when hubs are dissuaded;
//! - gravity `k_g m_i` towards the origin (`k_g m_i d` with strong gravity);
//! - prevent-overlap (adjust sizes): distances shrink by the two radii; overlapping
//!   nodes repel with `100 k_r m_i m_j` and do not attract.
//!
//! The speed is the paper's adaptive global and local speed, as in Gephi's
//! `ForceAtlas2.java`: swinging `swg_i = m_i |F_i(t) − F_i(t−1)|`, traction
//! `tra_i = m_i |F_i(t) + F_i(t−1)| / 2`, global speed `τ · Σtra / Σswg` with the
//! jitter tolerance τ adapted to the graph size and a rise of at most 50 % per step,
//! and a node moving by `F_i · s / (1 + √(s · swg_i))`.
//!
//! [`StepStats::energy`] is `Σ |F_i|²` over free nodes, the quantity Hu (2005,
//! Mathematica Journal 10(1)) uses for adaptive cooling: it falls to 0 at equilibrium.
//! Positions are `f32` (enough for screen coordinates, half the memory traffic).

use super::barnes_hut::{QuadTree, Repulsion, exact_forces};
use super::graph::{LayoutGraph, random_positions};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Gephi's θ.
pub const DEFAULT_THETA: f32 = 1.2;
/// Gephi's scaling ratio for graphs of 100 nodes or more.
pub const DEFAULT_SCALING: f32 = 2.0;
/// Largest graph whose prevent-overlap repulsion is computed exactly (O(n²) per step).
pub const EXACT_OVERLAP_MAX: usize = 1000;
/// A layout has converged when its mean displacement is below this share of its diameter.
pub const DEFAULT_CONVERGENCE: f32 = 2e-4;
const MIN_SPEED_EFFICIENCY: f64 = 0.05;
const MAX_RISE: f64 = 0.5;

/// ForceAtlas2 parameters (defaults as in Gephi for a graph of ≥ 100 nodes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fa2Params {
    /// Repulsion `k_r`.
    pub scaling: f32,
    /// Gravity `k_g`.
    pub gravity: f32,
    /// Gravity grows with the distance to the centre.
    pub strong_gravity: bool,
    /// LinLog mode: attraction `log(1 + d)`; clusters come out tighter.
    pub lin_log: bool,
    /// Divide attraction by the mass of the node (pushes hubs to the periphery).
    pub dissuade_hubs: bool,
    /// Prevent overlap using the node radii given by [`ForceAtlas2::set_radii`].
    pub prevent_overlap: bool,
    /// Exponent δ of the link weight in the attraction.
    pub edge_weight_influence: f32,
    /// Jitter tolerance τ.
    pub jitter_tolerance: f32,
    /// Barnes–Hut θ; 0 or a negative value computes repulsion exactly (O(n²)).
    pub theta: f32,
    /// See [`DEFAULT_CONVERGENCE`].
    pub convergence: f32,
}

impl Default for Fa2Params {
    fn default() -> Self {
        Fa2Params {
            scaling: DEFAULT_SCALING,
            gravity: 1.0,
            strong_gravity: false,
            lin_log: false,
            dissuade_hubs: false,
            prevent_overlap: false,
            edge_weight_influence: 1.0,
            jitter_tolerance: 1.0,
            theta: DEFAULT_THETA,
            convergence: DEFAULT_CONVERGENCE,
        }
    }
}

/// What one step did.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct StepStats {
    /// `Σ |F_i|²` over free nodes (see the module docs).
    pub energy: f64,
    /// Largest move of a node in this step.
    pub max_displacement: f32,
    /// Mean move of a node in this step.
    pub mean_displacement: f32,
    /// Diagonal of the bounding box after the step.
    pub diameter: f32,
}

impl StepStats {
    /// The stats of a step that moved the nodes to `pos`: `energy`, the largest move
    /// and the sum of the moves (averaged over all nodes, pinned ones included).
    pub fn after(energy: f64, max_move: f32, sum_moves: f64, pos: &[[f32; 2]]) -> Self {
        StepStats {
            energy,
            max_displacement: max_move,
            mean_displacement: (sum_moves / pos.len().max(1) as f64) as f32,
            diameter: super::graph::diameter(pos),
        }
    }
}

/// A ForceAtlas2 simulation: the state carried from one step to the next.
#[derive(Debug, Clone, Default)]
pub struct ForceAtlas2 {
    pub params: Fa2Params,
    speed: f64,
    speed_efficiency: f64,
    prev_force: Vec<[f32; 2]>,
    pinned: crate::layout::graph::Pins,
    radii: Vec<f32>,
    last: Option<StepStats>,
}

impl ForceAtlas2 {
    pub fn new(params: Fa2Params) -> Self {
        ForceAtlas2 {
            params,
            speed: 1.0,
            speed_efficiency: 1.0,
            ..Default::default()
        }
    }

    /// Random start positions for `g` (square of side `10 √n`), seeded.
    pub fn init(&mut self, g: &LayoutGraph, seed: u64) -> Vec<[f32; 2]> {
        self.reset();
        let n = g.node_count();
        random_positions(n, 10.0 * (n.max(1) as f32).sqrt(), seed)
    }

    /// Forgets speeds and previous forces (keeps pins and radii): use after the graph changed.
    pub fn reset(&mut self) {
        self.speed = 1.0;
        self.speed_efficiency = 1.0;
        self.prev_force.clear();
        self.last = None;
    }

    /// Keeps node `i` where it is (it still pushes and pulls the others).
    pub fn pin(&mut self, i: usize) {
        self.pinned.pin(i);
    }

    /// Lets node `i` move again.
    pub fn unpin(&mut self, i: usize) {
        self.pinned.unpin(i);
    }

    /// Unpins every node.
    pub fn unpin_all(&mut self) {
        self.pinned.clear();
    }

    fn is_pinned(&self, i: usize) -> bool {
        self.pinned.contains(i)
    }

    /// Node radii for prevent-overlap (missing ones count as 0).
    pub fn set_radii(&mut self, radii: Vec<f32>) {
        self.radii = radii;
    }

    /// Statistics of the last step.
    pub fn last_stats(&self) -> Option<StepStats> {
        self.last
    }

    /// True when the last step moved nodes by less than `convergence × diameter` on average.
    pub fn converged(&self) -> bool {
        self.last
            .is_some_and(|s| s.mean_displacement <= self.params.convergence * s.diameter)
    }

    /// One iteration: computes the forces and moves the free nodes. `pos` must have one
    /// entry per node of `g`; otherwise nothing moves and the stats are zero.
    pub fn step(&mut self, pos: &mut [[f32; 2]], g: &LayoutGraph) -> StepStats {
        let n = pos.len();
        if n != g.node_count() {
            return StepStats::default();
        }
        if self.prev_force.len() != n {
            self.prev_force = vec![[0.0; 2]; n];
        }
        let mass: Vec<f32> = (0..n).map(|i| g.degree(i) as f32 + 1.0).collect();
        let force = self.forces(pos, &mass, g);
        self.adapt_speed(&force, &mass);
        self.apply(pos, &force, &mass)
    }

    /// Repulsion + gravity + attraction on every node;
    /// `mass[i]` is `deg_i + 1`; with sizes that do not match `g`, all forces are zero.
    pub fn forces(&self, pos: &[[f32; 2]], mass: &[f32], g: &LayoutGraph) -> Vec<[f32; 2]> {
        if pos.len() != g.node_count() || mass.len() != pos.len() {
            return vec![[0.0; 2]; pos.len()];
        }
        let p = self.params;
        let mut force = if p.prevent_overlap {
            self.overlap_repulsion(pos, mass)
        } else if p.theta > 0.0 {
            QuadTree::build(pos, mass).forces(Repulsion {
                scaling: p.scaling,
                theta: p.theta,
            })
        } else {
            exact_forces(pos, mass, p.scaling)
        };
        let mean_mass = mass.iter().map(|&m| m as f64).sum::<f64>() / mass.len().max(1) as f64;
        let attract = |i: usize, f: &mut [f32; 2]| {
            let [x, y] = pos[i];
            let d0 = (x * x + y * y).sqrt();
            if p.strong_gravity {
                f[0] -= p.gravity * mass[i] * x;
                f[1] -= p.gravity * mass[i] * y;
            } else if d0 > 0.0 {
                f[0] -= p.gravity * mass[i] * x / d0;
                f[1] -= p.gravity * mass[i] * y / d0;
            }
            let hub = if p.dissuade_hubs {
                mean_mass as f32 / mass[i]
            } else {
                1.0
            };
            // Linear attraction needs no distance: F = −w (p_i − p_j).
            let linear = !p.lin_log && !p.prevent_overlap;
            let (mut ax, mut ay) = (0.0f32, 0.0f32);
            for (j, w) in g.neighbors(i) {
                let w = match p.edge_weight_influence {
                    1.0 => w,
                    0.0 => 1.0,
                    e => w.powf(e),
                };
                let (dx, dy) = (x - pos[j][0], y - pos[j][1]);
                let k = if linear {
                    w
                } else {
                    w * self.attraction_factor(i, j, (dx * dx + dy * dy).sqrt())
                };
                ax += dx * k;
                ay += dy * k;
            }
            f[0] -= hub * ax;
            f[1] -= hub * ay;
        };
        if pos.len() < 512 {
            force
                .iter_mut()
                .enumerate()
                .for_each(|(i, f)| attract(i, f));
        } else {
            force
                .par_iter_mut()
                .enumerate()
                .with_min_len(64)
                .for_each(|(i, f)| attract(i, f));
        }
        force
    }

    /// Attraction along `(p_i − p_j)` per unit of weight, divided by `d`.
    fn attraction_factor(&self, i: usize, j: usize, d: f32) -> f32 {
        let d = if self.params.prevent_overlap {
            d - self.radius(i) - self.radius(j)
        } else {
            d
        };
        if d <= 0.0 {
            return 0.0;
        }
        if self.params.lin_log {
            (1.0 + d).ln() / d
        } else {
            1.0
        }
    }

    fn radius(&self, i: usize) -> f32 {
        self.radii.get(i).copied().unwrap_or(0.0)
    }

    /// Repulsion with the anti-collision law of Gephi's `linRepulsion_antiCollision`:
    /// between all pairs up to [`EXACT_OVERLAP_MAX`] nodes; above, as Gephi does with
    /// Barnes–Hut (regions repel with the plain law), the plain law by Barnes–Hut and
    /// the anti-collision law for the pairs nearer than twice their radii (found on a
    /// grid), where overlaps are decided.
    fn overlap_repulsion(&self, pos: &[[f32; 2]], mass: &[f32]) -> Vec<[f32; 2]> {
        if pos.len() > EXACT_OVERLAP_MAX && self.params.theta > 0.0 {
            return self.overlap_repulsion_near_far(pos, mass);
        }
        let one = |i: usize| {
            let mut f = [0.0f32; 2];
            for j in (0..pos.len()).filter(|&j| j != i) {
                let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                let k = self.anti_collision(i, j, (dx * dx + dy * dy).sqrt(), mass);
                f[0] += dx * k;
                f[1] += dy * k;
            }
            f
        };
        (0..pos.len())
            .into_par_iter()
            .with_min_len(64)
            .map(one)
            .collect()
    }

    /// The anti-collision law for one pair: the factor of `(p_i − p_j)`.
    fn anti_collision(&self, i: usize, j: usize, dist: f32, mass: &[f32]) -> f32 {
        let kr = self.params.scaling;
        let d = dist - self.radius(i) - self.radius(j);
        if d > 0.0 {
            kr * mass[i] * mass[j] / (d * d)
        } else {
            100.0 * kr * mass[i] * mass[j]
        }
    }

    fn overlap_repulsion_near_far(&self, pos: &[[f32; 2]], mass: &[f32]) -> Vec<[f32; 2]> {
        let kr = self.params.scaling;
        let mut force = QuadTree::build(pos, mass).forces(Repulsion {
            scaling: kr,
            theta: self.params.theta,
        });
        let max_r = (0..pos.len())
            .map(|i| self.radius(i))
            .fold(0.0f32, f32::max);
        if !(max_r > 0.0 && max_r.is_finite()) {
            return force;
        }
        // Pairs nearer than 2 (r_i + r_j) ≤ 4 max_r: the 3 × 3 cells around a node.
        let cell = 4.0 * max_r;
        let key = |p: [f32; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
        let mut grid: rustc_hash::FxHashMap<(i64, i64), Vec<u32>> = Default::default();
        for (i, &p) in pos.iter().enumerate() {
            grid.entry(key(p)).or_default().push(i as u32);
        }
        force
            .par_iter_mut()
            .enumerate()
            .with_min_len(64)
            .for_each(|(i, f)| {
                let (cx, cy) = key(pos[i]);
                for (gx, gy) in (-1..=1).flat_map(|a| (-1..=1).map(move |b| (cx + a, cy + b))) {
                    for &j in grid.get(&(gx, gy)).map_or(&[][..], Vec::as_slice) {
                        let j = j as usize;
                        let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                        let dist = (dx * dx + dy * dy).sqrt();
                        if j == i || dist >= 2.0 * (self.radius(i) + self.radius(j)) {
                            continue;
                        }
                        let plain = if dist > 0.0 {
                            kr * mass[i] * mass[j] / (dist * dist)
                        } else {
                            0.0
                        };
                        let k = self.anti_collision(i, j, dist, mass) - plain;
                        f[0] += dx * k;
                        f[1] += dy * k;
                    }
                }
            });
        force
    }

    /// Global speed from swinging and traction (Jacomy et al. 2014, Gephi's constants).
    fn adapt_speed(&mut self, force: &[[f32; 2]], mass: &[f32]) {
        let (mut swinging, mut traction) = (0.0f64, 0.0f64);
        for (i, (f, o)) in force.iter().zip(&self.prev_force).enumerate() {
            if self.is_pinned(i) {
                continue;
            }
            let m = mass[i] as f64;
            let (sx, sy) = ((o[0] - f[0]) as f64, (o[1] - f[1]) as f64);
            let (tx, ty) = ((o[0] + f[0]) as f64, (o[1] + f[1]) as f64);
            swinging += m * (sx * sx + sy * sy).sqrt();
            traction += 0.5 * m * (tx * tx + ty * ty).sqrt();
        }
        if swinging <= 0.0 || traction <= 0.0 {
            return;
        }
        let n = force.len() as f64;
        let estimated = 0.05 * n.sqrt();
        let (min_jt, max_jt) = (estimated.sqrt(), 10.0f64);
        let tau = self.params.jitter_tolerance as f64;
        let mut jt = tau * min_jt.max(max_jt.min(estimated * traction / (n * n)));
        if swinging / traction > 2.0 {
            if self.speed_efficiency > MIN_SPEED_EFFICIENCY {
                self.speed_efficiency *= 0.5;
            }
            jt = jt.max(tau);
        }
        let target = jt * self.speed_efficiency * traction / swinging;
        if swinging > jt * traction {
            if self.speed_efficiency > MIN_SPEED_EFFICIENCY {
                self.speed_efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.speed_efficiency *= 1.3;
        }
        self.speed += (target - self.speed).min(MAX_RISE * self.speed);
    }

    /// Moves the free nodes by their local speed; records the forces for the next step.
    fn apply(&mut self, pos: &mut [[f32; 2]], force: &[[f32; 2]], mass: &[f32]) -> StepStats {
        let speed = self.speed as f32;
        let (mut energy, mut max_d, mut sum_d) = (0.0f64, 0.0f32, 0.0f64);
        for i in 0..pos.len() {
            let (f, o) = (force[i], self.prev_force[i]);
            self.prev_force[i] = f;
            if self.is_pinned(i) {
                continue;
            }
            let fl = (f[0] * f[0] + f[1] * f[1]).sqrt();
            energy += (fl as f64).powi(2);
            let swing = ((o[0] - f[0]).powi(2) + (o[1] - f[1]).powi(2)).sqrt();
            let mut factor = speed / (1.0 + (speed * mass[i] * swing).sqrt());
            if self.params.prevent_overlap {
                let s = 0.1 * speed / (1.0 + (speed * swing).sqrt());
                factor = if fl > 0.0 {
                    (s * fl).min(10.0) / fl
                } else {
                    0.0
                };
            }
            if !(factor.is_finite() && fl.is_finite()) {
                continue;
            }
            pos[i][0] += f[0] * factor;
            pos[i][1] += f[1] * factor;
            let d = factor * fl;
            max_d = max_d.max(d);
            sum_d += d as f64;
        }
        let stats = StepStats::after(energy, max_d, sum_d, pos);
        self.last = Some(stats);
        stats
    }

    /// Runs up to `iterations` steps, stopping early once converged or when
    /// `keep_going(step)` returns false. Returns the stats of the last step.
    pub fn run(
        &mut self,
        pos: &mut [[f32; 2]],
        g: &LayoutGraph,
        iterations: u32,
        mut keep_going: impl FnMut(u32) -> bool,
    ) -> StepStats {
        let mut stats = StepStats::default();
        for it in 0..iterations {
            stats = self.step(pos, g);
            if self.converged() || !keep_going(it + 1) {
                break;
            }
        }
        stats
    }
}
