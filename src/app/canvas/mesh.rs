//! The canvas's meshes: links, then nodes with their rings (or the density map), batched
//! into a few `egui::Mesh`es per frame, culled to the visible rectangle and cached while
//! nothing that shapes them changes.

use super::super::colours;
use super::super::state::Colouring;
use super::{CanvasInput, HIGH_BETWEENNESS, Transform};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Shape, vec2};
use std::sync::Arc;

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
            t.zoom(),
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
        t.camera.center[0] as f32,
        t.camera.center[1] as f32,
        t.zoom(),
        t.camera.stretch as f32,
    ] {
        f.to_bits().hash(&mut h);
    }
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
        let c = colours::year_colour(year_t(input, l.first_year));
        add_segment(
            links,
            a,
            b,
            width,
            Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha),
        );
    }
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
            let (a, b) = (screen[l.source as usize], screen[l.target as usize]);
            add_segment(links, a, b, 4.0, path_colour);
        }
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
