//! Where nodes go in each view and what colour they get. Positions come from the
//! pipeline's layout (`Node::x`, `Node::y`); the timeline and time-zone views place
//! nodes by year the way CiteSpace does (timeline: one row per cluster, x = year;
//! time zone: one column per year of first appearance, y kept from the force layout
//! so the two views correspond). Nodes without a layout position are placed on a
//! circle per cluster so a map is always drawable.

use super::state::ViewKind;
use crate::layout::{TimeParams, timed_nodes, timeline};
use crate::network::Network;
use egui::{Color32, Pos2, pos2};

/// Half the width of the square the cluster view is scaled into (world units).
pub const WORLD_HALF: f32 = crate::layout::MAP_SPAN / 2.0;
/// World units per year in the timeline and time-zone views.
pub const YEAR_WIDTH: f32 = 80.0;
/// World units between cluster rows in the timeline view.
pub const ROW_HEIGHT: f32 = 70.0;

/// The year a node is placed at in the timeline views: its publication year, else
/// the first year it occurs.
pub fn node_year(n: &crate::network::Node) -> Option<i32> {
    n.year.or_else(|| n.per_year.keys().next().copied())
}

/// Positions of the cluster (force-layout) view, scaled into ±[`WORLD_HALF`].
pub fn cluster_positions(net: &Network) -> Vec<Pos2> {
    window_cluster_positions(net, &[])
}

/// The cluster view for a slider window: `window[i]` is node `i`'s settled position in
/// that window (`layout::window_layout`, pipeline units) or `None` where the node keeps
/// its full-layout place. Everything is mapped with the full layout's transform, so the
/// map stays put while the slider moves and only the window's own settling shows.
pub fn window_cluster_positions(net: &Network, window: &[Option<[f32; 2]>]) -> Vec<Pos2> {
    if !net.nodes.iter().all(|n| n.x.is_some() && n.y.is_some()) {
        return fit_into(placeholder_positions(net), WORLD_HALF);
    }
    let raw: Vec<Pos2> = net
        .nodes
        .iter()
        .map(|n| pos2(n.x.unwrap_or(0.0) as f32, n.y.unwrap_or(0.0) as f32))
        .collect();
    let Some((centre, scale)) = fit(&raw, WORLD_HALF) else {
        return raw;
    };
    raw.iter()
        .enumerate()
        .map(|(i, &p)| {
            let p = match window.get(i).copied().flatten() {
                Some([x, y]) => pos2(x, y),
                None => p,
            };
            Pos2::ZERO + (p - centre) * scale
        })
        .collect()
}

/// Nodes on one circle per cluster, clusters on a big circle: used until the layout
/// has given positions.
fn placeholder_positions(net: &Network) -> Vec<Pos2> {
    let clusters = net
        .nodes
        .iter()
        .filter_map(|n| n.cluster)
        .max()
        .map_or(1, |m| m as usize + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusters + 1];
    for (i, n) in net.nodes.iter().enumerate() {
        members[n.cluster.map_or(clusters, |c| c as usize)].push(i);
    }
    let mut pos = vec![Pos2::ZERO; net.nodes.len()];
    let groups = members.iter().filter(|m| !m.is_empty()).count().max(1);
    for (g, m) in members.iter().filter(|m| !m.is_empty()).enumerate() {
        let angle = std::f32::consts::TAU * g as f32 / groups as f32;
        let centre = if groups > 1 {
            pos2(angle.cos(), angle.sin()) * 3.0
        } else {
            Pos2::ZERO
        };
        let radius = (m.len() as f32).sqrt() * 0.3;
        for (k, &i) in m.iter().enumerate() {
            let a = std::f32::consts::TAU * k as f32 / m.len() as f32;
            pos[i] = centre + egui::vec2(a.cos(), a.sin()) * radius;
        }
    }
    pos
}

/// Centre and scale that map `pts` into ±`half` (aspect kept).
fn fit(pts: &[Pos2], half: f32) -> Option<(Pos2, f32)> {
    if pts.is_empty() {
        return None;
    }
    let rect = egui::Rect::from_points(pts);
    let extent = rect.width().max(rect.height()).max(1e-6);
    Some((rect.center(), 2.0 * half / extent))
}

/// Scales and centres points into ±`half` (aspect kept).
fn fit_into(mut pts: Vec<Pos2>, half: f32) -> Vec<Pos2> {
    if let Some((c, scale)) = fit(&pts, half) {
        for p in &mut pts {
            *p = Pos2::ZERO + (*p - c) * scale;
        }
    }
    pts
}

/// Positions for `view`: the force layout as it is; the time views from the shared
/// layout module (`layout::timeline`), as `cocite network --layout timeline` gives.
pub fn positions(net: &Network, view: ViewKind, cluster_pos: &[Pos2]) -> Vec<Pos2> {
    let params = time_params();
    let pos = match view {
        ViewKind::Cluster => return cluster_pos.to_vec(),
        ViewKind::Timeline => timeline::timeline(&timed_nodes(net, false), &params),
        ViewKind::TimeZone => timeline::timezone(&timed_nodes(net, true), &params),
    };
    let mut pts: Vec<Pos2> = pos
        .into_iter()
        .map(|[x, y]| pos2(x as f32, y as f32))
        .collect();
    // Time zones are already `zone_aspect` × as tall as wide; only timeline rows of a
    // long span need spreading.
    if view == ViewKind::Timeline {
        stretch_rows(&mut pts);
    }
    pts
}

/// Width / height the time views are stretched to at most (taller than wide, so that
/// the timeline's rows have room for their labels).
const TIME_VIEW_ASPECT: f32 = 0.7;

/// A long span makes the timeline a thin strip; spread the rows apart (y only, so the
/// year axis stays) until the map is about as tall as it is wide.
fn stretch_rows(pts: &mut [Pos2]) {
    if pts.is_empty() {
        return;
    }
    let b = egui::Rect::from_points(pts);
    let stretch = b.width() / (TIME_VIEW_ASPECT * b.height().max(1.0));
    if stretch > 1.0 {
        for p in pts {
            p.y = b.min.y + (p.y - b.min.y) * stretch;
        }
    }
}

/// Geometry of the time views in world units (nodes are 3–20 units across).
fn time_params() -> TimeParams {
    TimeParams {
        year_width: YEAR_WIDTH as f64,
        spacing: 14.0,
        row_gap: ROW_HEIGHT as f64 * 0.5,
        ..TimeParams::default()
    }
}

/// For the time views, the year at world x = 0 and the last year, so the canvas can
/// draw a year axis.
pub fn year_axis(net: &Network, view: ViewKind) -> Option<(i32, i32)> {
    let timed = match view {
        ViewKind::Cluster => return None,
        ViewKind::Timeline => timed_nodes(net, false),
        ViewKind::TimeZone => timed_nodes(net, true),
    };
    let first = timed.iter().map(|t| t.year).min()?;
    let last = timed.iter().map(|t| t.year).max()?;
    Some((first, last))
}

/// A core colour ([`crate::scene::colors`], shared with the exported figures) for egui.
pub fn egui_colour(c: crate::scene::colors::Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Colour of cluster `c` (grey when unclustered): the figures' palette.
pub fn cluster_colour(c: Option<u32>) -> Color32 {
    egui_colour(crate::scene::colors::cluster_color(c))
}

/// CiteSpace's year colours, cool (old) to warm (recent), `t` in 0..=1: the figures' ramp.
pub fn year_colour(t: f32) -> Color32 {
    egui_colour(crate::scene::colors::year_ramp(t as f64))
}

/// VOSviewer's density colours: blue (low) through green to yellow (high).
pub fn density_colour(t: f32) -> Color32 {
    const STOPS: [(f64, [u8; 3]); 4] = [
        (0.0, [40, 40, 130]),
        (0.35, [30, 140, 160]),
        (0.7, [110, 200, 80]),
        (1.0, [250, 235, 40]),
    ];
    egui_colour(crate::scene::colors::ramp(&STOPS, t as f64))
}

/// Mean publication year of the records citing/containing a node (weighted by count).
pub fn mean_year(n: &crate::network::Node) -> Option<f64> {
    let total: u64 = n.per_year.values().map(|&c| c as u64).sum();
    (total > 0).then(|| {
        n.per_year
            .iter()
            .map(|(&y, &c)| y as f64 * c as f64)
            .sum::<f64>()
            / total as f64
    })
}

/// World radius of a node: area proportional to its count.
pub fn node_radius(count: u32) -> f32 {
    crate::layout::node_radius(count) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Node;

    #[test]
    fn gradients_hit_their_stops() {
        // The app draws with the figures' colours (scene::colors).
        assert_eq!(year_colour(0.0), Color32::from_rgb(44, 62, 180));
        assert_eq!(year_colour(1.0), Color32::from_rgb(230, 60, 30));
        assert_eq!(cluster_colour(Some(13)), Color32::from_rgb(255, 127, 14));
        assert_eq!(cluster_colour(None), Color32::from_gray(150));
        assert_eq!(density_colour(2.0), Color32::from_rgb(250, 235, 40));
        // halfway between (0.0, [40,40,130]) and (0.35, [30,140,160]) at t = 0.175
        assert_eq!(density_colour(0.175), Color32::from_rgb(35, 90, 145));
    }

    #[test]
    fn mean_year_is_count_weighted() {
        let n = Node {
            per_year: [(2000, 1), (2010, 3)].into_iter().collect(),
            ..Default::default()
        };
        assert_eq!(mean_year(&n), Some(2007.5));
        assert_eq!(mean_year(&Node::default()), None);
    }

    #[test]
    fn stretched_rows_make_the_timeline_taller_than_wide() {
        // A 100 × 10 strip becomes 100 × 100 / 0.7 = 142.857 tall (rows far enough apart
        // for their labels); x (the year axis) is untouched.
        let mut pts = vec![pos2(0.0, 5.0), pos2(100.0, 15.0), pos2(50.0, 10.0)];
        stretch_rows(&mut pts);
        let want = [
            (0.0, 5.0),
            (100.0, 5.0 + 1000.0 / 7.0),
            (50.0, 5.0 + 500.0 / 7.0),
        ];
        for (p, (x, y)) in pts.iter().zip(want) {
            assert!((p.x - x).abs() < 1e-3 && (p.y - y).abs() < 1e-3, "{pts:?}");
        }
    }

    #[test]
    fn placeholder_and_layout_positions_fit_the_world() {
        let mut net = Network::default();
        for i in 0..10 {
            net.nodes.push(Node {
                cluster: Some(i % 3),
                ..Default::default()
            });
        }
        let p = cluster_positions(&net);
        let r = egui::Rect::from_points(&p);
        assert!((r.width().max(r.height()) - 2.0 * WORLD_HALF).abs() < 1e-3);
        for (i, n) in net.nodes.iter_mut().enumerate() {
            n.x = Some(i as f64);
            n.y = Some(0.0);
        }
        let p = cluster_positions(&net);
        assert_eq!(p[0], pos2(-WORLD_HALF, 0.0));
        assert_eq!(p[9], pos2(WORLD_HALF, 0.0));
    }
}
