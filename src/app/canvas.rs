//! The network canvas: pan (drag), zoom around the cursor (wheel/pinch), hover and
//! click. Everything is drawn as a few batched `egui::Mesh`es per frame (links, then
//! nodes with their rings), culled to the visible rectangle; labels are placed
//! greedily, largest nodes first, skipping any that would overlap, and more fit as
//! the zoom grows.

use super::scene::{self, node_radius};
use super::state::{Camera, Colouring, Command, Selection};
use crate::network::Network;
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Sense, Shape, vec2};
use std::sync::Arc;

/// CiteSpace marks nodes with betweenness centrality at or above this with a purple ring.
pub const HIGH_BETWEENNESS: f64 = crate::scene::colors::CENTRALITY_RING_MIN;
/// Most node labels drawn at once.
pub(super) const MAX_LABELS: usize = 200;

/// What the canvas draws, borrowed from the app for one frame.
pub struct CanvasInput<'a> {
    pub net: &'a Network,
    pub pos: &'a [Pos2],
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
    /// Cluster labels: (cluster id, label).
    pub cluster_labels: &'a [(u32, String)],
    /// Year at world x = 0 and last year, for the timeline views' axis.
    pub year_axis: Option<(i32, i32)>,
    /// Cluster labels at the right end of their rows (timeline view).
    pub label_rows: bool,
    /// Changes whenever positions, visibility or the selection change (mesh cache key).
    pub generation: u64,
}

/// World → screen transform of a camera in a canvas rectangle.
#[derive(Debug, Clone, Copy)]
pub struct Transform {
    pub rect: Rect,
    pub camera: Camera,
}

impl Transform {
    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        self.rect.center() + (p.to_vec2() - self.camera.center) * self.camera.zoom
    }
    pub fn to_world(&self, p: Pos2) -> Pos2 {
        Pos2::ZERO + self.camera.center + (p - self.rect.center()) / self.camera.zoom
    }
}

/// Camera that shows all `visible` points in `rect` with a margin.
pub fn fit_camera(pos: &[Pos2], visible: &[bool], rect: Rect) -> Camera {
    let pts: Vec<Pos2> = pos
        .iter()
        .zip(visible)
        .filter(|(_, v)| **v)
        .map(|(p, _)| *p)
        .collect();
    if pts.is_empty() {
        return Camera::default();
    }
    let b = Rect::from_points(&pts).expand(30.0);
    let zoom = (rect.width() / b.width())
        .min(rect.height() / b.height())
        .clamp(1e-3, 1e3);
    Camera {
        center: b.center().to_vec2(),
        zoom: zoom * 0.95,
    }
}

/// Draws the canvas and handles its input; returns the commands it wants applied.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    input: &CanvasInput,
    camera: &mut Camera,
    hover: &mut Option<u32>,
    cache: &mut MeshCache,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    if response.dragged() {
        camera.center -= response.drag_delta() / camera.zoom;
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
            camera.zoom = (camera.zoom * factor).clamp(1e-3, 1e3);
            let after = Transform {
                rect,
                camera: *camera,
            }
            .to_world(cursor);
            camera.center += before - after;
        }
    }
    let t = Transform {
        rect,
        camera: *camera,
    };
    let screen: Vec<Pos2> = input.pos.iter().map(|p| t.to_screen(*p)).collect();
    let radius: Vec<f32> = input
        .net
        .nodes
        .iter()
        .map(|n| (node_radius(n.count) * camera.zoom).max(1.5))
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
        super::labels::draw_year_axis(&painter, &t, axis, input.dark);
    }
    for shape in frame_shapes(input, &t, &screen, &radius, cache) {
        painter.add(shape);
    }
    super::labels::draw_labels(&painter, input, &screen, &radius, rect);
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
    commands
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

pub(super) fn year_t(input: &CanvasInput, year: i32) -> f32 {
    let (a, b) = input.span;
    if b > a {
        (year - a) as f32 / (b - a) as f32
    } else {
        1.0
    }
}

/// The batched shapes of one frame: density (if on), links, nodes. Public so the
/// frame-time benchmark measures exactly what the canvas draws.
pub fn frame_shapes(
    input: &CanvasInput,
    t: &Transform,
    screen: &[Pos2],
    radius: &[f32],
    cache: &mut MeshCache,
) -> Vec<Shape> {
    let key = cache_key(input, t);
    if cache.key == Some(key) {
        return cache
            .meshes
            .iter()
            .map(|m| Shape::Mesh(m.clone()))
            .collect();
    }
    let mut recycled =
        std::mem::take(&mut cache.meshes)
            .into_iter()
            .map(|mut m| match Arc::get_mut(&mut m) {
                Some(mesh) => {
                    mesh.clear();
                    std::mem::take(mesh)
                }
                None => Mesh::default(),
            });
    let mut next = || recycled.next().unwrap_or_default();
    let meshes = if input.colouring == Colouring::Density {
        vec![super::density::density_mesh(
            input,
            screen,
            t.rect,
            t.camera.zoom,
        )]
    } else {
        let (mut links, mut nodes) = (next(), next());
        link_mesh(&mut links, input, t, screen);
        node_mesh(&mut nodes, input, t, screen, radius);
        vec![links, nodes]
    };
    cache.meshes = meshes.into_iter().map(Arc::new).collect();
    cache.key = Some(key);
    cache
        .meshes
        .iter()
        .map(|m| Shape::Mesh(m.clone()))
        .collect()
}

/// Meshes of the last frame: reused as they are when nothing that shapes them changed,
/// else their buffers are recycled (egui drops its references after tessellating), so
/// a frame does not allocate and fault in tens of megabytes anew.
#[derive(Debug, Default)]
pub struct MeshCache {
    key: Option<u64>,
    meshes: Vec<Arc<Mesh>>,
}

fn cache_key(input: &CanvasInput, t: &Transform) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in [
        t.rect.min.x,
        t.rect.min.y,
        t.rect.max.x,
        t.rect.max.y,
        t.camera.center.x,
        t.camera.center.y,
        t.camera.zoom,
    ] {
        f.to_bits().hash(&mut h);
    }
    (
        input.generation,
        input.colouring as u8,
        input.rings,
        input.year_to,
        input.dark,
    )
        .hash(&mut h);
    h.finish()
}

fn link_mesh(links: &mut Mesh, input: &CanvasInput, t: &Transform, screen: &[Pos2]) {
    let cull = t.rect.expand(20.0);
    let dim = !input.selection.is_empty();
    let in_cluster = |i: u32| {
        input.selection.cluster.is_some()
            && input.net.nodes[i as usize].cluster == input.selection.cluster
    };
    // Many links fade so that a dense map stays readable: full strength up to ~1500.
    let shown = input.links_visible.iter().filter(|&&v| v).count().max(1) as f32;
    let base_alpha = (150.0 * (1500.0 / shown).sqrt()).clamp(30.0, 150.0) as u8;
    links.reserve_triangles(2 * shown as usize);
    links.reserve_vertices(4 * shown as usize);
    for (k, l) in input.net.links.iter().enumerate() {
        if !input.links_visible[k] {
            continue;
        }
        let (a, b) = (screen[l.source as usize], screen[l.target as usize]);
        if !cull.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        let touches = input.selection.nodes.contains(&l.source)
            || input.selection.nodes.contains(&l.target)
            || input.selection.link == Some(k)
            || (in_cluster(l.source) && in_cluster(l.target));
        let (width, alpha) = match (dim, touches) {
            (true, true) => (2.0, 230),
            (true, false) => (0.6, (base_alpha / 3).max(12)),
            _ => (0.8, base_alpha),
        };
        let c = scene::year_colour(year_t(input, l.first_year));
        add_segment(
            links,
            a,
            b,
            width,
            Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha),
        );
    }
}

fn node_mesh(
    nodes: &mut Mesh,
    input: &CanvasInput,
    t: &Transform,
    screen: &[Pos2],
    radius: &[f32],
) {
    let cull = t.rect.expand(20.0);
    let dim = !input.selection.is_empty();
    nodes.reserve_vertices(16 * input.nodes_visible.len());
    nodes.reserve_triangles(16 * input.nodes_visible.len());
    let mut order: Vec<usize> = (0..screen.len())
        .filter(|&i| input.nodes_visible[i])
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(input.net.nodes[i].count));
    for &i in order.iter().rev() {
        let (p, r) = (screen[i], radius[i]);
        if !cull.expand(r).contains(p) {
            continue;
        }
        draw_node(nodes, input, i, p, r, dim);
    }
}

fn draw_node(mesh: &mut Mesh, input: &CanvasInput, i: usize, p: Pos2, r: f32, dim: bool) {
    let n = &input.net.nodes[i];
    let selected = input.selection.nodes.contains(&(i as u32))
        || (input.selection.cluster.is_some() && n.cluster == input.selection.cluster);
    let faded = dim && !selected && !input.neighbours[i];
    let fade = |c: Color32| if faded { c.gamma_multiply(0.25) } else { c };
    if n.betweenness >= HIGH_BETWEENNESS {
        add_disc(
            mesh,
            p,
            r + 3.5_f32.max(r * 0.25),
            fade(scene::egui_colour(crate::scene::colors::CENTRALITY_RING)),
        );
    }
    if n.burst.is_some_and(|b| b.begin <= input.year_to) {
        add_disc(
            mesh,
            p,
            r + 1.5_f32.max(r * 0.12),
            fade(scene::egui_colour(crate::scene::colors::BURST_RING)),
        );
    }
    if selected {
        add_disc(mesh, p, r + 3.0, Color32::from_rgb(255, 200, 0));
    }
    match input.colouring {
        Colouring::Cluster if input.rings && n.per_year.len() > 1 && r >= 4.0 => {
            tree_rings(mesh, input, n, p, r, &fade);
        }
        Colouring::Cluster => add_disc(mesh, p, r, fade(scene::cluster_colour(n.cluster))),
        Colouring::MeanYear => {
            let c = scene::mean_year(n).map_or(Color32::GRAY, |y| {
                scene::year_colour(year_t(input, y.round() as i32))
            });
            add_disc(mesh, p, r, fade(c));
        }
        Colouring::Burst | Colouring::Density => {
            let s = n.burst.map_or(0.0, |b| (b.strength as f32 / 10.0).min(1.0));
            let c = if n.burst.is_some() {
                scene::year_colour(0.75 + 0.25 * s)
            } else {
                Color32::from_gray(170)
            };
            add_disc(mesh, p, r, fade(c));
        }
    }
}

/// CiteSpace's citation tree rings: one ring per year, oldest at the centre, the area
/// inside a ring proportional to the count up to that year, coloured by year. Rings
/// thinner than about two pixels cannot be seen, so consecutive years are merged into
/// at most `r / 2` bands (coloured by the band's last year).
fn tree_rings(
    mesh: &mut Mesh,
    input: &CanvasInput,
    n: &crate::network::Node,
    p: Pos2,
    r: f32,
    fade: &dyn Fn(Color32) -> Color32,
) {
    let years: Vec<(i32, u32)> = n
        .per_year
        .range(..=input.year_to)
        .map(|(&y, &c)| (y, c))
        .collect();
    if years.is_empty() {
        return;
    }
    let bands = ((r / 2.0) as usize).clamp(1, years.len());
    let per_band = years.len().div_ceil(bands);
    let total: u32 = years.iter().map(|(_, c)| c).sum::<u32>().max(1);
    let mut cum = total;
    for band in years.chunks(per_band).rev() {
        let last_year = band[band.len() - 1].0;
        let radius = r * (cum as f32 / total as f32).sqrt();
        add_disc(
            mesh,
            p,
            radius,
            fade(scene::year_colour(year_t(input, last_year))),
        );
        cum -= band.iter().map(|(_, c)| c).sum::<u32>();
    }
}

/// A filled circle as a triangle fan; fewer segments when small.
pub fn add_disc(mesh: &mut Mesh, c: Pos2, r: f32, colour: Color32) {
    let segments = (r * 0.9).clamp(6.0, 40.0) as u32;
    let base = mesh.vertices.len() as u32;
    mesh.vertices.push(Vertex {
        pos: c,
        uv: WHITE_UV,
        color: colour,
    });
    // Rotate a unit vector instead of calling sin/cos per vertex.
    let (sin, cos) = (std::f32::consts::TAU / segments as f32).sin_cos();
    let mut d = vec2(r, 0.0);
    for _ in 0..segments {
        mesh.vertices.push(Vertex {
            pos: c + d,
            uv: WHITE_UV,
            color: colour,
        });
        d = vec2(d.x * cos - d.y * sin, d.x * sin + d.y * cos);
    }
    for k in 0..segments {
        mesh.add_triangle(base, base + 1 + k, base + 1 + (k + 1) % segments);
    }
}

/// A line segment as a quad.
pub fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.1 {
        return;
    }
    let n = vec2(-d.y, d.x) / len * (width * 0.5);
    let base = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b - n, b + n] {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: WHITE_UV,
            color: colour,
        });
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
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
            rect: Rect::from_min_size(pos2(10.0, 20.0), vec2(200.0, 100.0)),
            camera: Camera {
                center: vec2(5.0, -5.0),
                zoom: 2.0,
            },
        };
        let w = pos2(7.0, 3.0);
        assert_eq!(t.to_screen(w), pos2(114.0, 86.0));
        assert!((t.to_world(t.to_screen(w)) - w).length() < 1e-4);
    }
}
