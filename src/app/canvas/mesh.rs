//! The canvas's meshes: links, then nodes with their rings (or the density map), batched
//! into a few `egui::Mesh`es.
//!
//! Links and nodes are built once in *build space* — world positions scaled by the
//! camera's zoom when they were built, discs and line widths in pixels — and every
//! frame only moves them into place: screen = centre + (v − camera centre · zoom₀) ·
//! zoom / zoom₀, one multiply-add per vertex into recycled buffers, instead of
//! computing every quad, disc and colour again. Panning never rebuilds them; zooming
//! scales them and rebuilds once the zoom has changed by more than [`REBUILD_ZOOM`]
//! or stopped changing, so discs and lines get their exact pixel sizes back. They are
//! rebuilt whenever what they show changes (positions, visibility, selection, colours,
//! the slider's year). The density map depends on the screen grid and is built per
//! frame.

use super::super::colours;
use super::super::state::Colouring;
use super::{CanvasInput, HIGH_BETWEENNESS, Transform};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Shape, pos2, vec2};
use std::sync::Arc;

/// Zoom ratio (either way) beyond which the meshes are rebuilt while zooming.
pub const REBUILD_ZOOM: f64 = 1.25;

pub(super) fn year_t(input: &CanvasInput, year: i32) -> f32 {
    let (a, b) = input.span;
    if b > a {
        (year - a) as f32 / (b - a) as f32
    } else {
        1.0
    }
}

/// The batched shapes of one frame: density (if on), links, nodes. Public so the
/// frame-time benchmark measures exactly what the canvas draws. `screen` holds the
/// nodes' screen positions (the density map uses them).
pub fn frame_shapes(
    input: &CanvasInput,
    t: &Transform,
    screen: &[Pos2],
    cache: &mut MeshCache,
) -> Vec<Shape> {
    if input.colouring == Colouring::Density {
        return density_shapes(input, t, screen, cache);
    }
    let key = content_key(input, t);
    let zoom = t.camera.zoom;
    let ratio = cache.built.map_or(f64::INFINITY, |b| zoom / b.zoom);
    let settled = zoom == cache.last_zoom;
    let rebuild = cache.key != Some(key)
        || !(1.0 / REBUILD_ZOOM..=REBUILD_ZOOM).contains(&ratio)
        || (settled && ratio != 1.0);
    cache.last_zoom = zoom;
    if rebuild {
        cache.build(input, t, key);
    }
    cache.place(t)
}

/// How a build-space mesh was made: the camera's zoom and stretch then.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Built {
    zoom: f64,
    zoom_x: f64,
}

/// The canvas's meshes in build space (module docs) and the last frame's screen
/// meshes, whose buffers are reused (egui drops its references after tessellating),
/// so a frame does not allocate and fault in tens of megabytes anew.
#[derive(Debug, Default)]
pub struct MeshCache {
    /// What the build-space meshes show (not where the camera is).
    key: Option<u64>,
    built: Option<Built>,
    world: Vec<Mesh>,
    /// The screen meshes of the last frame and the transform they were placed with.
    screen: Vec<Arc<Mesh>>,
    placed: Option<[u32; 3]>,
    /// Whether `screen` holds the current build's vertices and indices.
    screen_current: bool,
    last_zoom: f64,
    /// The density map's key (it is built per camera).
    density_key: Option<u64>,
}

impl MeshCache {
    /// Builds the link and node meshes in build space at the current zoom.
    fn build(&mut self, input: &CanvasInput, t: &Transform, key: u64) {
        let built = Built {
            zoom: t.camera.zoom,
            zoom_x: t.camera.zoom_x(),
        };
        let at = |p: Pos2| pos2(p.x * built.zoom_x as f32, p.y * built.zoom as f32);
        let pos: Vec<Pos2> = input.pos.iter().map(|&p| at(p)).collect();
        let radius: Vec<f32> = input
            .radius
            .iter()
            .map(|&r| crate::scene::view::drawn_radius(r, built.zoom) as f32)
            .collect();
        // One mesh, links first: egui copies each mesh into its output, and a second
        // large mesh appended there would copy the first again as the output grows.
        let mut mesh = std::mem::take(&mut self.world).pop().unwrap_or_default();
        mesh.clear();
        link_mesh(&mut mesh, input, &pos);
        node_mesh(&mut mesh, input, &pos, &radius);
        self.world = vec![mesh];
        self.key = Some(key);
        self.built = Some(built);
        self.screen_current = false;
        self.placed = None;
    }

    /// The build-space meshes moved to the screen for transform `t`.
    fn place(&mut self, t: &Transform) -> Vec<Shape> {
        let Some(b) = self.built else {
            return Vec::new();
        };
        let s = (t.camera.zoom / b.zoom) as f32;
        let c = t.rect.center();
        let (ox, oy) = (
            c.x - (t.camera.center[0] * b.zoom_x) as f32 * s,
            c.y - (t.camera.center[1] * b.zoom) as f32 * s,
        );
        let placed = [s.to_bits(), ox.to_bits(), oy.to_bits()];
        if self.screen_current && self.placed == Some(placed) {
            return self.screen.iter().map(|m| Shape::Mesh(m.clone())).collect();
        }
        let mut old = std::mem::take(&mut self.screen).into_iter();
        let mut screen = Vec::with_capacity(self.world.len());
        for world in &self.world {
            let mut arc = old.next().unwrap_or_default();
            let mesh = match Arc::get_mut(&mut arc) {
                Some(m) => m,
                None => {
                    arc = Arc::default();
                    self.screen_current = false;
                    Arc::get_mut(&mut arc).expect("a new Arc is unique")
                }
            };
            if !self.screen_current || mesh.vertices.len() != world.vertices.len() {
                mesh.clear();
                mesh.indices.extend_from_slice(&world.indices);
                mesh.vertices.extend_from_slice(&world.vertices);
            }
            for (v, w) in mesh.vertices.iter_mut().zip(&world.vertices) {
                v.pos = pos2(ox + w.pos.x * s, oy + w.pos.y * s);
            }
            screen.push(arc);
        }
        self.screen = screen;
        self.screen_current = true;
        self.placed = Some(placed);
        self.screen.iter().map(|m| Shape::Mesh(m.clone())).collect()
    }
}

/// The density map, rebuilt when the camera or what it shows changes.
fn density_shapes(
    input: &CanvasInput,
    t: &Transform,
    screen: &[Pos2],
    cache: &mut MeshCache,
) -> Vec<Shape> {
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        content_key(input, t).hash(&mut h);
        for f in [
            t.rect.min.x,
            t.rect.min.y,
            t.rect.max.x,
            t.rect.max.y,
            t.camera.center[0] as f32,
            t.camera.center[1] as f32,
            t.zoom(),
        ] {
            f.to_bits().hash(&mut h);
        }
        h.finish()
    };
    if cache.density_key != Some(key) {
        let mesh = super::density::density_mesh(input, screen, t.rect, t.zoom());
        cache.screen = vec![Arc::new(mesh)];
        cache.density_key = Some(key);
        // The link and node meshes must be placed anew when the colouring returns.
        cache.screen_current = false;
        cache.key = None;
    }
    cache
        .screen
        .iter()
        .map(|m| Shape::Mesh(m.clone()))
        .collect()
}

/// What the meshes show, apart from where the camera is: changes rebuild them.
fn content_key(input: &CanvasInput, t: &Transform) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (t.camera.stretch as f32).to_bits().hash(&mut h);
    (
        input.generation,
        input.colouring as u8,
        input.rings,
        input.main_path.is_some(),
        input.hulls.len(),
        input.year_to,
        input.dark,
    )
        .hash(&mut h);
    h.finish()
}

/// A link ready to become a quad: its ends, half-width normal and colour.
type Quad = (Pos2, Pos2, egui::Vec2, Color32);

/// Links as quads in build space (`pos`: node positions there), all of them: the
/// screen clips what is outside. Built in parallel straight into the mesh's buffers.
fn link_mesh(links: &mut Mesh, input: &CanvasInput, pos: &[Pos2]) {
    use rayon::prelude::*;
    let dim = !input.selection.is_empty();
    let in_cluster = |i: u32| {
        input.selection.cluster.is_some()
            && input.net.nodes[i as usize].cluster == input.selection.cluster
    };
    // Many links fade so that a dense map stays readable: full strength up to ~1500.
    let shown = input.links_visible.iter().filter(|&&v| v).count().max(1) as f32;
    let base_alpha = (150.0 * (1500.0 / shown).sqrt()).clamp(30.0, 150.0) as u8;
    let colours = YearColours::new(input);
    let quads: Vec<Quad> = input
        .net
        .links
        .par_iter()
        .enumerate()
        .filter_map(|(k, l)| {
            let (a, b) = (pos[l.source as usize], pos[l.target as usize]);
            let finite = a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite();
            let len = (b - a).length();
            if !input.links_visible[k] || !finite || len < 0.1 {
                return None;
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
            let d = b - a;
            let n = vec2(-d.y, d.x) / len * (width * 0.5);
            Some((a, b, n, colours.get(input, l.first_year, alpha)))
        })
        .collect();
    let base = links.vertices.len() as u32;
    links
        .vertices
        .par_extend((0..quads.len() * 4).into_par_iter().map(|k| {
            let (a, b, n, colour) = quads[k / 4];
            let pos = match k % 4 {
                0 => a + n,
                1 => a - n,
                2 => b - n,
                _ => b + n,
            };
            Vertex {
                pos,
                uv: WHITE_UV,
                color: colour,
            }
        }));
    // The two triangles of `add_segment`: (0, 1, 2) and (0, 2, 3).
    const CORNERS: [u32; 6] = [0, 1, 2, 0, 2, 3];
    links.indices.par_extend(
        (0..quads.len() * 6)
            .into_par_iter()
            .map(|k| base + 4 * (k / 6) as u32 + CORNERS[k % 6]),
    );
    // A citation network's main path: thick, in the figures' colour, over the links.
    let path_colour = colours::egui_colour(crate::scene::colors::MAIN_PATH);
    for &k in input.main_path.unwrap_or_default() {
        let Some(l) = input.net.links.get(k as usize) else {
            continue;
        };
        if input
            .links_visible
            .get(k as usize)
            .copied()
            .unwrap_or(false)
        {
            let (a, b) = (pos[l.source as usize], pos[l.target as usize]);
            add_segment(links, a, b, 4.0, path_colour);
        }
    }
}

/// Link colours by year and alpha, computed once per year (a colour ramp and an
/// unmultiplied-to-premultiplied conversion per link took a third of a rebuild).
struct YearColours {
    first: i32,
    by_year: Vec<Color32>,
}

impl YearColours {
    fn new(input: &CanvasInput) -> Self {
        let (a, b) = input.span;
        let by_year = (a..=b.max(a))
            .map(|y| colours::year_colour(year_t(input, y)))
            .collect();
        YearColours { first: a, by_year }
    }

    fn get(&self, input: &CanvasInput, year: i32, alpha: u8) -> Color32 {
        let c = usize::try_from(year - self.first)
            .ok()
            .and_then(|i| self.by_year.get(i).copied())
            .unwrap_or_else(|| colours::year_colour(year_t(input, year)));
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
    }
}

/// Nodes (largest last, so on top) with their rings, in build space; chunks of the
/// drawing order are built in parallel and appended in order.
fn node_mesh(nodes: &mut Mesh, input: &CanvasInput, pos: &[Pos2], radius: &[f32]) {
    use rayon::prelude::*;
    let dim = !input.selection.is_empty();
    let mut order: Vec<usize> = (0..pos.len())
        .filter(|&i| input.nodes_visible[i] && pos[i].x.is_finite() && pos[i].y.is_finite())
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(input.net.nodes[i].count));
    order.reverse();
    let parts: Vec<Mesh> = order
        .par_chunks(1024)
        .map(|chunk| {
            let mut m = Mesh::default();
            m.reserve_vertices(16 * chunk.len());
            m.reserve_triangles(16 * chunk.len());
            for &i in chunk {
                draw_node(&mut m, input, i, pos[i], radius[i], dim);
            }
            m
        })
        .collect();
    for m in &parts {
        nodes.append_ref(m);
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
            r + 2.0 * (r * crate::layout::sizes::RING_SHARE as f32).max(0.5),
            fade(colours::egui_colour(crate::scene::colors::CENTRALITY_RING)),
        );
    }
    if n.burst.is_some_and(|b| b.begin <= input.year_to) {
        add_disc(
            mesh,
            p,
            r + (r * crate::layout::sizes::RING_SHARE as f32).max(0.5),
            fade(colours::egui_colour(crate::scene::colors::BURST_RING)),
        );
    }
    if selected {
        add_disc(mesh, p, r + 3.0, Color32::from_rgb(255, 200, 0));
    }
    match input.colouring {
        Colouring::Cluster if input.rings && n.per_year.len() > 1 && r >= 4.0 => {
            tree_rings(mesh, input, n, p, r, &fade);
        }
        Colouring::Cluster => add_disc(mesh, p, r, fade(colours::cluster_colour(n.cluster))),
        Colouring::MeanYear => {
            let c = crate::scene::view::mean_year(n).map_or(Color32::GRAY, |y| {
                colours::year_colour(year_t(input, y.round() as i32))
            });
            add_disc(mesh, p, r, fade(c));
        }
        Colouring::Burst | Colouring::Density => {
            let s = n.burst.map_or(0.0, |b| (b.strength as f32 / 10.0).min(1.0));
            let c = if n.burst.is_some() {
                colours::year_colour(0.75 + 0.25 * s)
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
            fade(colours::year_colour(year_t(input, last_year))),
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
