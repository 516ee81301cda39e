//! Live layout: ForceAtlas2 (the shared `layout` module, Jacomy et al. 2014) stepping a
//! few iterations per frame from the current positions, so the user sees the map
//! settle. Positions stay in the pipeline's coordinates; the world transform is fixed
//! when the animation starts so the picture does not breathe while it moves.

use super::CociteApp;
use crate::layout::{Fa2Params, ForceAtlas2, LayoutGraph};
use egui::{Pos2, pos2};
use std::time::{Duration, Instant};

/// CPU time the layout may take per frame.
const BUDGET: Duration = Duration::from_millis(8);

/// A running ForceAtlas2 animation.
pub struct LiveLayout {
    fa2: ForceAtlas2,
    graph: LayoutGraph,
    pos: Vec<[f32; 2]>,
    /// World = (raw − centre) · scale.
    centre: Pos2,
    scale: f32,
    pub steps: u32,
}

impl LiveLayout {
    /// Starts from the nodes' positions (or from scratch where there are none).
    pub fn start(net: &crate::network::Network, seed: u64) -> Self {
        let graph = LayoutGraph::from_network(net);
        let mut fa2 = ForceAtlas2::new(Fa2Params::default());
        let mut pos = fa2.init(&graph, seed);
        for (p, n) in pos.iter_mut().zip(&net.nodes) {
            if let (Some(x), Some(y)) = (n.x, n.y) {
                *p = [x as f32, y as f32];
            }
        }
        let pts: Vec<Pos2> = pos.iter().map(|p| pos2(p[0], p[1])).collect();
        let (centre, scale) = if pts.is_empty() {
            (Pos2::ZERO, 1.0)
        } else {
            let r = egui::Rect::from_points(&pts);
            (
                r.center(),
                2.0 * crate::scene::view::WORLD_HALF as f32 / r.width().max(r.height()).max(1e-6),
            )
        };
        LiveLayout {
            fa2,
            graph,
            pos,
            centre,
            scale,
            steps: 0,
        }
    }

    /// Steps within the frame budget; returns the new world positions.
    pub fn advance(&mut self) -> Vec<[f64; 2]> {
        let start = Instant::now();
        while start.elapsed() < BUDGET && !self.converged() {
            self.fa2.step(&mut self.pos, &self.graph);
            self.steps += 1;
        }
        self.world()
    }

    /// World positions under the fixed transform.
    pub fn world(&self) -> Vec<[f64; 2]> {
        self.pos
            .iter()
            .map(|p| {
                let q = (pos2(p[0], p[1]) - self.centre) * self.scale;
                [q.x as f64, q.y as f64]
            })
            .collect()
    }

    pub fn converged(&self) -> bool {
        self.fa2.converged()
    }
}

impl CociteApp {
    /// Starts or stops the live layout.
    pub(super) fn toggle_live_layout(&mut self) {
        match self.live.take() {
            Some(live) => self.adopt_live_layout(live),
            None => {
                self.live = Some(LiveLayout::start(
                    &self.analysis.network,
                    self.analysis.params.analysis.seed,
                ))
            }
        }
    }

    /// Keeps where the live layout got to as the map's layout (`Node::x`, `Node::y`),
    /// so slider windows and exports start from it.
    fn adopt_live_layout(&mut self, live: LiveLayout) {
        let analysis = std::sync::Arc::make_mut(&mut self.analysis);
        for (n, p) in analysis.network.nodes.iter_mut().zip(&live.pos) {
            n.x = Some(p[0] as f64);
            n.y = Some(p[1] as f64);
        }
        self.derived.cluster_pos = live.world();
        // These positions are the whole map's; a narrower slider window settles again.
        self.derived.layout_years = Some(self.span());
        self.refresh_visibility();
    }

    /// One frame of the live layout (called from `logic`); true while it runs.
    pub(super) fn step_live_layout(&mut self) -> bool {
        let Some(live) = &mut self.live else {
            return false;
        };
        if live.pos.len() != self.analysis.network.nodes.len() {
            self.live = None;
            return false;
        }
        self.derived.cluster_pos = live.advance();
        if live.converged() {
            self.view.status = format!("Layout settled after {} steps", live.steps);
            if let Some(live) = self.live.take() {
                self.adopt_live_layout(live);
            }
        }
        self.refresh_positions();
        true
    }
}
