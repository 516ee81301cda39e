//! The network canvas: pan (drag), zoom around the cursor (wheel/pinch), hover and
//! click. Everything is drawn as a few batched `egui::Mesh`es per frame (links, then
//! nodes with their rings), culled to the visible rectangle; labels are placed
//! greedily, largest nodes first, skipping any that would overlap, and more fit as
//! the zoom grows.

pub mod density;
pub mod labels;
mod mesh;

pub use mesh::{MeshCache, add_disc, add_segment, frame_shapes};

use super::state::{Camera, Colouring, Command, Selection};
use crate::network::Network;
use crate::scene::view::drawn_radius;
use egui::{Color32, Pos2, Rect, Sense, pos2};

/// CiteSpace marks nodes with betweenness centrality at or above this with a purple ring.
pub const HIGH_BETWEENNESS: f64 = crate::scene::colors::CENTRALITY_RING_MIN;
/// Most node labels drawn at once.
pub const MAX_LABELS: usize = 200;

/// What the canvas draws, borrowed from the app for one frame.
pub struct CanvasInput<'a> {
    pub net: &'a Network,
    pub pos: &'a [Pos2],
    /// World radius of each node.
    pub radius: &'a [f64],
    /// Shaded cluster areas (world units).
    pub hulls: &'a [(u32, Vec<[f64; 2]>)],
    /// Links of a citation network's main path, drawn thick when given.
    pub main_path: Option<&'a [u32]>,
    pub nodes_visible: &'a [bool],
    pub links_visible: &'a [bool],
    pub selection: &'a Selection,
    /// Nodes adjacent to a selected node.
    pub neighbours: &'a [bool],
    pub hover: Option<u32>,
    pub rings: bool,
    pub colouring: Colouring,
    /// Years of the whole span, for year colours.
    pub span: (i32, i32),
    /// Last year the slider shows (rings and bursts are drawn up to it).
    pub year_to: i32,
    pub dark: bool,
    /// The clusters, and which of them get a label.
    pub clusters: &'a [crate::analysis::ClusterInfo],
    pub cluster_rule: crate::scene::ClusterLabels,
    /// Year at world x = 0 and last year, for the timeline views' axis.
    pub year_axis: Option<crate::scene::view::YearAxis>,
    /// Cluster labels at the right end of their rows (timeline view).
    pub rows: bool,
    /// Changes whenever positions, visibility or the selection change (mesh cache key).
    pub generation: u64,
}

/// World → screen transform of a camera (the core's [`Camera`]) in a canvas rectangle,
/// in egui's `f32` units.
#[derive(Debug, Clone, Copy)]
pub struct Transform {
    pub rect: Rect,
    pub camera: Camera,
}

impl Transform {
    /// Screen point of world point `p`.
    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        let [x, y] = self
            .camera
            .to_output([p.x as f64, p.y as f64], centre(self.rect));
        pos2(x as f32, y as f32)
    }
    /// World point under screen point `p`.
    pub fn to_world(&self, p: Pos2) -> Pos2 {
        let [x, y] = self
            .camera
            .to_world([p.x as f64, p.y as f64], centre(self.rect));
        pos2(x as f32, y as f32)
    }
    /// Screen points per world unit.
    pub fn zoom(&self) -> f32 {
        self.camera.zoom as f32
    }
}

fn centre(rect: Rect) -> [f64; 2] {
    [rect.center().x as f64, rect.center().y as f64]
}

/// Camera that shows all `visible` points (and their discs) in `rect` with a margin;
/// the time views (`stretch`) widen x to fill the canvas, as the figures do.
pub fn fit_camera(pos: &[Pos2], visible: &[bool], rect: Rect, stretch: bool) -> Camera {
    let world: Vec<[f64; 2]> = pos.iter().map(|p| [p.x as f64, p.y as f64]).collect();
    let size = [rect.width() as f64, rect.height() as f64];
    let mut camera = Camera::fit_stretched(&world, &[], visible, size, 30.0, stretch);
    camera.zoom *= 0.95;
    camera
}

/// Draws the canvas and handles its input; returns the commands it wants applied and
/// the labels it drew.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    input: &CanvasInput,
    camera: &mut Camera,
    hover: &mut Option<u32>,
    cache: &mut MeshCache,
) -> (Vec<Command>, Vec<crate::scene::labels::Label>) {
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    if response.dragged() {
        let d = response.drag_delta();
        camera.center[0] -= d.x as f64 / camera.zoom_x();
        camera.center[1] -= d.y as f64 / camera.zoom;
    }
    if let Some(cursor) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll * 0.0015).exp();
        if factor != 1.0 {
            let t = Transform {
                rect,
                camera: *camera,
            };
            let before = t.to_world(cursor);
            camera.zoom = (camera.zoom * factor as f64).clamp(1e-3, 1e3);
            let after = Transform {
                rect,
                camera: *camera,
            }
            .to_world(cursor);
            camera.center[0] += (before.x - after.x) as f64;
            camera.center[1] += (before.y - after.y) as f64;
        }
    }
    let t = Transform {
        rect,
        camera: *camera,
    };
    let screen: Vec<Pos2> = input.pos.iter().map(|p| t.to_screen(*p)).collect();
    let radius: Vec<f32> = input
        .radius
        .iter()
        .map(|&r| drawn_radius(r, camera.zoom) as f32)
        .collect();
    *hover = response
        .hover_pos()
        .and_then(|c| node_at(input, &screen, &radius, c));
    if response.clicked() {
        let add = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        let click = response.interact_pointer_pos().unwrap_or_default();
        if let Some(node) = node_at(input, &screen, &radius, click) {
            commands.push(Command::SelectNode { node, add });
        } else if let Some(link) = link_at(input, &screen, click) {
            commands.push(Command::SelectLink(link));
        } else {
            commands.push(Command::ClearSelection);
        }
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect,
        0.0,
        if input.dark {
            Color32::from_gray(24)
        } else {
            Color32::WHITE
        },
    );
    if let Some(axis) = input.year_axis {
        labels::draw_year_axis(&painter, &t, axis, input.dark);
    }
    for (id, hull) in input.hulls {
        let points: Vec<Pos2> = hull
            .iter()
            .map(|p| t.to_screen(pos2(p[0] as f32, p[1] as f32)))
            .collect();
        let fill = super::colours::cluster_colour(Some(*id)).gamma_multiply(0.12);
        painter.add(egui::Shape::convex_polygon(
            points,
            fill,
            egui::Stroke::NONE,
        ));
    }
    for shape in frame_shapes(input, &t, &screen, cache) {
        painter.add(shape);
    }
    let placed = labels::place(input, &screen, &radius, rect);
    labels::draw_labels(&painter, input, &placed);
    if let Some(h) = *hover
        && let Some(n) = input.net.nodes.get(h as usize)
    {
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(&n.label);
            ui.label(format!(
                "{} (local count), cluster {}",
                n.count,
                n.cluster.map_or("–".into(), |c| c.to_string())
            ));
            if let Some(y) = n.year {
                ui.label(format!("year {y}"));
            }
        });
    }
    (commands, placed)
}

fn node_at(input: &CanvasInput, screen: &[Pos2], radius: &[f32], p: Pos2) -> Option<u32> {
    let mut best: Option<(u32, f32)> = None;
    for (i, s) in screen.iter().enumerate() {
        if !input.nodes_visible[i] {
            continue;
        }
        let d = s.distance(p);
        if d <= radius[i] + 3.0 && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i as u32, d));
        }
    }
    best.map(|(i, _)| i)
}

fn link_at(input: &CanvasInput, screen: &[Pos2], p: Pos2) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (k, l) in input.net.links.iter().enumerate() {
        if !input.links_visible[k] {
            continue;
        }
        let (a, b) = (screen[l.source as usize], screen[l.target as usize]);
        let d = segment_distance(p, a, b);
        if d <= 4.0 && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((k, d));
        }
    }
    best.map(|(k, _)| k)
}

fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    let s = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(a + ab * s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn segment_distance_is_euclidean() {
        let (a, b) = (pos2(0.0, 0.0), pos2(10.0, 0.0));
        assert_eq!(segment_distance(pos2(5.0, 3.0), a, b), 3.0);
        assert_eq!(segment_distance(pos2(13.0, 4.0), a, b), 5.0);
    }

    #[test]
    fn transform_round_trips() {
        let t = Transform {
            rect: Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(200.0, 100.0)),
            camera: Camera {
                center: [5.0, -5.0],
                zoom: 2.0,
                stretch: 1.0,
            },
        };
        let w = pos2(7.0, 3.0);
        assert_eq!(t.to_screen(w), pos2(114.0, 86.0));
        assert!((t.to_world(t.to_screen(w)) - w).length() < 1e-4);
    }
}
