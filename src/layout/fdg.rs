//! Bridge to fdg-sim 0.9 (weighted Fruchterman–Reingold 1991: repulsion `k²/d`,
//! attraction `w · d²/k`, velocities damped by a cool-off factor each step), for small
//! graphs (up to [`super::FDG_MAX_NODES`] nodes).
//!
//! Behind the cargo feature `fdg` (off by default) because it costs more than it gives
//! on large maps:
//! - fdg-sim pulls its own petgraph 0.6 and glam 0.21: its `StableGraph` does not
//!   interoperate with our petgraph 0.8, so the network is copied in and node indices
//!   are mapped back (`index[i]` is node `i`'s index in fdg-sim's graph);
//! - its step is O(n²) and single-threaded (3.2 ms per step at 1k nodes / 5k links,
//!   78 ms at 5k / 25k; see BENCHMARKS.md), where ForceAtlas2 with Barnes–Hut is
//!   O(n log n) and parallel;
//! - its initial placement draws from a global, unseeded generator (quad-rand). We
//!   overwrite every node's location with seeded positions right after building the
//!   simulation; its step itself is deterministic, so runs repeat for a seed.
//!
//! fdg-sim's FR integrates velocities without FR's temperature: on a dense co-citation
//! map (the 96-record demo: 605 nodes, average degree 31) the velocities blew up and
//! positions ran off to 10¹⁸ (or overflowed) within 300 steps. The bridge therefore caps each
//! node's move per step at a temperature, as Fruchterman & Reingold do: `t₀ = k √n / 10`
//! (a tenth of the start square), cooled by 0.98 per step down to `k / 50`.
//!
//! Link weights are normalised to mean 1 ([`LayoutGraph`]). The energy reported is the
//! kinetic energy `Σ |v_i|² / 2` of fdg-sim's node velocities.

use super::forceatlas2::StepStats;
use super::graph::{LayoutGraph, random_positions};
use fdg_sim::glam::Vec3;
use fdg_sim::petgraph::graph::NodeIndex;
use fdg_sim::{Dimensions, ForceGraph, ForceGraphHelper, Simulation, SimulationParameters, force};

/// Temperature cooling per step and its floor (× the scale `k`).
const COOLING: f32 = 0.98;
const MIN_TEMPERATURE: f32 = 0.02;

/// fdg-sim parameters (its defaults: scale 45, cool-off 0.975; time step 0.035).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FdgParams {
    /// Ideal link length `k`.
    pub scale: f32,
    /// Velocity damping per step.
    pub cooloff: f32,
    /// Time step passed to `Simulation::update`.
    pub dt: f32,
    /// Converged when the mean displacement is below this share of the diameter.
    pub convergence: f32,
}

impl Default for FdgParams {
    fn default() -> Self {
        FdgParams {
            scale: 45.0,
            cooloff: 0.975,
            dt: 0.035,
            convergence: 2e-4,
        }
    }
}

/// An fdg-sim simulation of a [`LayoutGraph`].
pub struct FdgLayout {
    pub params: FdgParams,
    sim: Option<Simulation<(), f32>>,
    index: Vec<NodeIndex>,
    links: usize,
    /// Largest move allowed in the next step.
    temperature: f32,
    pinned: crate::layout::graph::Pins,
    last: Option<StepStats>,
}

impl FdgLayout {
    pub fn new(params: FdgParams) -> Self {
        FdgLayout {
            params,
            sim: None,
            index: Vec::new(),
            links: 0,
            temperature: 0.0,
            pinned: Default::default(),
            last: None,
        }
    }

    /// Copies `g` into fdg-sim and returns seeded start positions (square of side `k √n`).
    pub fn init(&mut self, g: &LayoutGraph, seed: u64) -> Vec<[f32; 2]> {
        let n = g.node_count();
        let pos = random_positions(n, self.params.scale * (n.max(1) as f32).sqrt(), seed);
        self.rebuild(g, &pos);
        pos
    }

    fn rebuild(&mut self, g: &LayoutGraph, pos: &[[f32; 2]]) {
        let mut graph: ForceGraph<(), f32> = ForceGraph::default();
        self.index = (0..g.node_count())
            .map(|i| graph.add_force_node(i.to_string(), ()))
            .collect();
        for (i, j, w) in g.links() {
            graph.add_edge(self.index[i], self.index[j], w);
        }
        let force = force::fruchterman_reingold_weighted(self.params.scale, self.params.cooloff);
        let params = SimulationParameters::new(1.0, Dimensions::Two, force);
        let mut sim = Simulation::from_graph(graph, params);
        for (&ix, p) in self.index.iter().zip(pos) {
            let node = &mut sim.get_graph_mut()[ix];
            node.location = Vec3::new(p[0], p[1], 0.0);
            node.old_location = node.location;
            node.velocity = Vec3::ZERO;
        }
        self.links = g.link_count();
        self.temperature = self.params.scale * (g.node_count().max(1) as f32).sqrt() / 10.0;
        self.sim = Some(sim);
        self.last = None;
    }

    /// Keeps node `i` where it is.
    pub fn pin(&mut self, i: usize) {
        self.pinned.pin(i);
    }

    /// Lets node `i` move again.
    pub fn unpin(&mut self, i: usize) {
        self.pinned.unpin(i);
    }

    /// True when the last step moved nodes by less than `convergence × diameter` on average.
    pub fn converged(&self) -> bool {
        self.last
            .is_some_and(|s| s.mean_displacement <= self.params.convergence * s.diameter)
    }

    /// One fdg-sim update from `pos` (so moves made by the caller, e.g. a dragged node,
    /// are taken in); pinned nodes are put back afterwards.
    pub fn step(&mut self, pos: &mut [[f32; 2]], g: &LayoutGraph) -> StepStats {
        if pos.len() != g.node_count() {
            return StepStats::default();
        }
        let stale = self.sim.is_none()
            || self.index.len() != g.node_count()
            || self.links != g.link_count();
        if stale {
            self.rebuild(g, pos);
        }
        let Some(sim) = self.sim.as_mut() else {
            return StepStats::default();
        };
        for (&ix, p) in self.index.iter().zip(pos.iter()) {
            let node = &mut sim.get_graph_mut()[ix];
            node.location = Vec3::new(p[0], p[1], 0.0);
        }
        sim.update(self.params.dt);
        let t = self.temperature;
        self.temperature = (t * COOLING).max(self.params.scale * MIN_TEMPERATURE);
        let (mut energy, mut max_d, mut sum_d) = (0.0f64, 0.0f32, 0.0f64);
        for (i, (&ix, p)) in self.index.iter().zip(pos.iter_mut()).enumerate() {
            let node = &mut sim.get_graph_mut()[ix];
            if self.pinned.contains(i) {
                node.location = Vec3::new(p[0], p[1], 0.0);
                node.velocity = Vec3::ZERO;
                continue;
            }
            let (dx, dy) = (node.location.x - p[0], node.location.y - p[1]);
            let mut d = (dx * dx + dy * dy).sqrt();
            if !d.is_finite() {
                node.location = Vec3::new(p[0], p[1], 0.0);
                node.velocity = Vec3::ZERO;
                continue;
            }
            if d > t {
                // FR's temperature: the move is capped, and so is the momentum.
                node.location = Vec3::new(p[0] + dx * t / d, p[1] + dy * t / d, 0.0);
                node.velocity *= t / d;
                d = t;
            }
            let (x, y) = (node.location.x, node.location.y);
            *p = [x, y];
            energy += 0.5 * node.velocity.length_squared() as f64;
            max_d = max_d.max(d);
            sum_d += d as f64;
        }
        let stats = StepStats::after(energy, max_d, sum_d, pos);
        self.last = Some(stats);
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_linked_nodes_settle_near_the_scale() {
        // FR equilibrium of one link: k²/d = d²/k → d = k (here k = 45, weight 1).
        let g = LayoutGraph::from_edges(2, vec![(0, 1, 1.0)]);
        let mut fdg = FdgLayout::new(FdgParams::default());
        let mut pos = fdg.init(&g, 5);
        for _ in 0..3000 {
            fdg.step(&mut pos, &g);
        }
        let d = ((pos[0][0] - pos[1][0]).powi(2) + (pos[0][1] - pos[1][1]).powi(2)).sqrt();
        assert!((d - 45.0).abs() < 1.0, "distance {d}");
    }
}
