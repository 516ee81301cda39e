//! View geometry, shared by the app's canvas and every figure: where each node of a
//! network goes in *world units* for each of CiteSpace's views, the camera that looks
//! at them, and the saved view types (a session stores these; the app uses them).
//!
//! - **Cluster view**: the pipeline's force layout (`Node::x`, `Node::y`) scaled into
//!   ±[`WORLD_HALF`] (aspect kept); a slider window may override some positions with
//!   its own settled layout ([`cluster_positions`]).
//! - **Timeline view**: one row per cluster, x = publication year (CiteSpace; Chen,
//!   Ibekwe-SanJuan & Hou 2010), from [`crate::layout::timeline`] in world units (the
//!   positions `--layout timeline` gives), rows spread so they have room for labels.
//! - **Time-zone view**: one column per year of first appearance.
//!
//! A [`Camera`] maps world units to output units (screen points or figure pixels):
//! `out = centre_of_output + (world − camera.center) · camera.zoom`.

use crate::layout::{TimeParams, placed_year, time_axis_start, time_year, timed_nodes, timeline};
use crate::network::{Network, Node};
use serde::{Deserialize, Serialize};

/// Half the width of the square the cluster view is scaled into (world units).
pub const WORLD_HALF: f64 = crate::layout::MAP_SPAN as f64 / 2.0;
/// World units per year in the timeline and time-zone views.
pub const YEAR_WIDTH: f64 = 80.0;

/// Which of CiteSpace's views the map is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ViewKind {
    /// Force-directed layout, clusters as islands (saved as `"network"`).
    #[default]
    #[serde(rename = "network")]
    Cluster,
    /// Clusters as horizontal rows, publication year on x.
    #[serde(rename = "timeline")]
    Timeline,
    /// Columns per year of first appearance.
    #[serde(rename = "timezone")]
    TimeZone,
    /// A citation network's records at their publication year, clusters as bands
    /// (bibliometrix's historiograph; `layout::historiograph`).
    #[serde(rename = "historiograph")]
    Historiograph,
}

impl ViewKind {
    pub const ALL: [ViewKind; 3] = [ViewKind::Cluster, ViewKind::Timeline, ViewKind::TimeZone];

    /// The view's name in CiteSpace's words.
    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Cluster => "Cluster view",
            ViewKind::Timeline => "Timeline view",
            ViewKind::TimeZone => "Time-zone view",
            ViewKind::Historiograph => "Historiograph",
        }
    }

    /// True for the views whose clusters are rows, labelled at their right end.
    pub fn has_rows(self) -> bool {
        matches!(self, ViewKind::Timeline | ViewKind::Historiograph)
    }

    /// The view a pipeline's layout method draws (`--layout timeline` → timeline).
    pub fn of_layout(method: crate::layout::LayoutMethod) -> ViewKind {
        use crate::layout::LayoutMethod;
        match method {
            LayoutMethod::Timeline => ViewKind::Timeline,
            LayoutMethod::Timezone => ViewKind::TimeZone,
            LayoutMethod::Historiograph => ViewKind::Historiograph,
            _ => ViewKind::Cluster,
        }
    }
}

/// The camera over the map: the world point at the centre of the output and output
/// units (screen points, figure pixels) per world unit. `stretch` widens x only: the
/// time views use it to fill a wide output with a tall map (discs are drawn at
/// `zoom`, so they stay round and, as x only grows, never come closer).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Camera {
    pub center: [f64; 2],
    pub zoom: f64,
    pub stretch: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            center: [0.0, 0.0],
            zoom: 1.0,
            stretch: 1.0,
        }
    }
}

impl Camera {
    /// The camera that shows every `visible` point (with its radius) inside an output
    /// of `size`, with `margin` output units to spare on each side.
    pub fn fit(
        pos: &[[f64; 2]],
        radius: &[f64],
        visible: &[bool],
        size: [f64; 2],
        margin: f64,
    ) -> Camera {
        Self::fit_stretched(pos, radius, visible, size, margin, false)
    }

    /// As [`Camera::fit`]; with `stretch`, a map narrower than the output (for its
    /// height) is widened in x to fill it.
    pub fn fit_stretched(
        pos: &[[f64; 2]],
        radius: &[f64],
        visible: &[bool],
        size: [f64; 2],
        margin: f64,
        stretch: bool,
    ) -> Camera {
        let mut lo = [f64::INFINITY; 2];
        let mut hi = [f64::NEG_INFINITY; 2];
        for (i, p) in pos.iter().enumerate() {
            if !(visible.get(i).copied().unwrap_or(true) && p[0].is_finite() && p[1].is_finite()) {
                continue;
            }
            let r = radius.get(i).copied().unwrap_or(0.0);
            lo = [lo[0].min(p[0] - r), lo[1].min(p[1] - r)];
            hi = [hi[0].max(p[0] + r), hi[1].max(p[1] + r)];
        }
        if !lo[0].is_finite() {
            return Camera::default();
        }
        let span = [(hi[0] - lo[0]).max(1e-6), (hi[1] - lo[1]).max(1e-6)];
        let avail = [
            (size[0] - 2.0 * margin).max(1.0),
            (size[1] - 2.0 * margin).max(1.0),
        ];
        let (zx, zy) = (avail[0] / span[0], avail[1] / span[1]);
        let zoom = zx.min(zy).clamp(1e-4, 1e4);
        Camera {
            center: [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
            zoom,
            stretch: if stretch { (zx / zoom).max(1.0) } else { 1.0 },
        }
    }

    /// Output units per world unit along x.
    pub fn zoom_x(&self) -> f64 {
        self.zoom * self.stretch.max(1e-9)
    }

    /// Output position of world point `p` in an output whose centre is `centre`.
    pub fn to_output(&self, p: [f64; 2], centre: [f64; 2]) -> [f64; 2] {
        [
            centre[0] + (p[0] - self.center[0]) * self.zoom_x(),
            centre[1] + (p[1] - self.center[1]) * self.zoom,
        ]
    }

    /// World point under output position `q`.
    pub fn to_world(&self, q: [f64; 2], centre: [f64; 2]) -> [f64; 2] {
        [
            self.center[0] + (q[0] - centre[0]) / self.zoom_x(),
            self.center[1] + (q[1] - centre[1]) / self.zoom,
        ]
    }
}

/// The year a node is placed at in the time views and coloured by in the year overlay:
/// its publication year, else the first year it occurs.
pub fn node_year(n: &Node) -> Option<i32> {
    n.year.or_else(|| n.per_year.keys().next().copied())
}

/// Mean publication year of the records citing/containing a node (weighted by count).
pub fn mean_year(n: &Node) -> Option<f64> {
    let total: u64 = n.per_year.values().map(|&c| c as u64).sum();
    (total > 0).then(|| {
        n.per_year
            .iter()
            .map(|(&y, &c)| y as f64 * c as f64)
            .sum::<f64>()
            / total as f64
    })
}

/// World radius of every node in `view` at node scale `scale`: the map's node sizes
/// ([`crate::layout::sizes`]), capped in the time views so a disc stays in its year.
pub fn radii(net: &Network, view: ViewKind, scale: f64) -> Vec<f64> {
    match view {
        ViewKind::Cluster => {
            let counts: Vec<u32> = net.nodes.iter().map(|n| n.count).collect();
            crate::layout::node_radii(&counts, scale)
        }
        _ => crate::layout::time_radii(net, scale),
    }
}

/// Smallest radius a node is drawn with (output units), however far out the zoom.
pub const MIN_DRAWN_RADIUS: f64 = 1.0;

/// Radius of a disc of world radius `r` drawn at `zoom` (output units per world unit).
pub fn drawn_radius(r: f64, zoom: f64) -> f64 {
    (r * zoom).max(MIN_DRAWN_RADIUS)
}

/// Positions of the cluster view: the force layout scaled into ±[`WORLD_HALF`]. Where
/// `window[i]` holds a settled slider-window position (`layout::window_layout`, layout
/// units) it replaces node `i`'s; everything is mapped with the full layout's
/// transform, so the map stays put while the slider moves. Without a layout, nodes sit
/// on one circle per cluster so a map is always drawable; a node without a position
/// among placed ones gets NaN (not drawn).
pub fn cluster_positions(net: &Network, window: &[Option<[f32; 2]>]) -> Vec<[f64; 2]> {
    if !net.nodes.iter().any(|n| n.x.is_some() && n.y.is_some()) {
        return fit_into(placeholder_positions(net), WORLD_HALF);
    }
    // A node without a position (a session whose data changed) is not drawn.
    let raw: Vec<[f64; 2]> = net
        .nodes
        .iter()
        .map(|n| match (n.x, n.y) {
            (Some(x), Some(y)) => [x, y],
            _ => [f64::NAN; 2],
        })
        .collect();
    let Some((centre, scale)) = fit(&raw, WORLD_HALF) else {
        return raw;
    };
    raw.iter()
        .enumerate()
        .map(|(i, &p)| {
            let p = match window.get(i).copied().flatten() {
                Some([x, y]) => [x as f64, y as f64],
                None => p,
            };
            [(p[0] - centre[0]) * scale, (p[1] - centre[1]) * scale]
        })
        .collect()
}

/// Nodes on one circle per cluster, clusters on a big circle.
fn placeholder_positions(net: &Network) -> Vec<[f64; 2]> {
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
    let mut pos = vec![[0.0; 2]; net.nodes.len()];
    let groups = members.iter().filter(|m| !m.is_empty()).count().max(1);
    for (g, m) in members.iter().filter(|m| !m.is_empty()).enumerate() {
        let angle = std::f64::consts::TAU * g as f64 / groups as f64;
        let centre = if groups > 1 {
            [angle.cos() * 3.0, angle.sin() * 3.0]
        } else {
            [0.0, 0.0]
        };
        let radius = (m.len() as f64).sqrt() * 0.3;
        for (k, &i) in m.iter().enumerate() {
            let a = std::f64::consts::TAU * k as f64 / m.len() as f64;
            pos[i] = [centre[0] + a.cos() * radius, centre[1] + a.sin() * radius];
        }
    }
    pos
}

/// Centre and scale that map `pts` into ±`half` (aspect kept).
fn fit(pts: &[[f64; 2]], half: f64) -> Option<([f64; 2], f64)> {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in pts.iter().filter(|p| p[0].is_finite() && p[1].is_finite()) {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    if !lo[0].is_finite() {
        return None;
    }
    let extent = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-6);
    Some((
        [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
        2.0 * half / extent,
    ))
}

/// Scales and centres points into ±`half` (aspect kept).
fn fit_into(mut pts: Vec<[f64; 2]>, half: f64) -> Vec<[f64; 2]> {
    if let Some((c, scale)) = fit(&pts, half) {
        for p in &mut pts {
            *p = [(p[0] - c[0]) * scale, (p[1] - c[1]) * scale];
        }
    }
    pts
}

/// Positions of every node for `view` in world units: the cluster view's
/// `cluster_pos` as they are; the time views from the shared layout module
/// (`layout::timeline`, the positions `--layout timeline` gives).
pub fn positions(
    net: &Network,
    view: ViewKind,
    cluster_pos: &[[f64; 2]],
    scale: f64,
) -> Vec<[f64; 2]> {
    let params = TimeParams::default();
    match view {
        ViewKind::Cluster => cluster_pos.to_vec(),
        ViewKind::Timeline => timeline::timeline(&timed_nodes(net, false, scale), &params),
        ViewKind::TimeZone => timeline::timezone(&timed_nodes(net, true, scale), &params),
        ViewKind::Historiograph => crate::layout::historiograph_positions(net),
    }
}

/// The nodes the timeline view shows: members of the clusters that get a row, the
/// ones `rule` labels (CiteSpace's timeline shows the largest clusters' rows).
pub fn timeline_rows(
    net: &Network,
    clusters: &[crate::analysis::ClusterInfo],
    rule: &super::labels::ClusterLabels,
) -> Vec<bool> {
    let rows = super::labels::ClusterLabels {
        show: true,
        ..*rule
    }
    .choose(clusters);
    net.nodes
        .iter()
        .map(|n| n.cluster.is_some_and(|c| rows.contains(&c)))
        .collect()
}

/// The area of each cluster in `ids` as CiteSpace shades it in the cluster view: the
/// convex hull of the discs of its visible members nearest its centroid ([`HULL_CORE`]) (each disc taken with its rings and a
/// margin of `pad`), in the units of `pos` and `radius`. Clusters with fewer than
/// three visible members get none.
pub fn cluster_hulls(
    net: &Network,
    ids: &[u32],
    pos: &[[f64; 2]],
    radius: &[f64],
    visible: &[bool],
    pad: f64,
) -> Vec<(u32, Vec<[f64; 2]>)> {
    let reach = crate::layout::sizes::MARK_REACH;
    ids.iter()
        .filter_map(|&id| {
            let members: Vec<usize> = (0..pos.len())
                .filter(|&i| visible.get(i).copied().unwrap_or(false))
                .filter(|&i| net.nodes[i].cluster == Some(id))
                .filter(|&i| pos[i][0].is_finite() && pos[i][1].is_finite())
                .collect();
            if members.len() < 3 {
                return None;
            }
            let members = core_members(&members, pos, HULL_CORE);
            let mut pts = Vec::with_capacity(members.len() * 12);
            for &i in &members {
                let r = radius[i] * reach + pad;
                for k in 0..12 {
                    let a = std::f64::consts::TAU * k as f64 / 12.0;
                    pts.push([pos[i][0] + r * a.cos(), pos[i][1] + r * a.sin()]);
                }
            }
            Some((id, convex_hull(pts)))
        })
        .collect()
}

/// Share of a cluster's members its area covers: the ones nearest its centroid, so
/// that a few members pulled far away by their links do not stretch the area over
/// the whole map.
pub const HULL_CORE: f64 = 0.8;

/// The `share` of `members` nearest their centroid (at least 3).
fn core_members(members: &[usize], pos: &[[f64; 2]], share: f64) -> Vec<usize> {
    let k = members.len() as f64;
    let c = [
        members.iter().map(|&i| pos[i][0]).sum::<f64>() / k,
        members.iter().map(|&i| pos[i][1]).sum::<f64>() / k,
    ];
    let mut by_distance: Vec<(f64, usize)> = members
        .iter()
        .map(|&i| ((pos[i][0] - c[0]).hypot(pos[i][1] - c[1]), i))
        .collect();
    by_distance.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let keep = ((k * share).ceil() as usize).max(3).min(members.len());
    by_distance.into_iter().take(keep).map(|(_, i)| i).collect()
}

/// The convex hull of `pts` (Andrew's monotone chain), counter-clockwise in a y-down
/// frame's terms: clockwise on screen.
pub fn convex_hull(mut pts: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    pts.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut lower: Vec<[f64; 2]> = Vec::new();
    for &p in &pts {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], p) <= 0.0 {
            lower.pop();
        }
        lower.push(p);
    }
    let mut upper: Vec<[f64; 2]> = Vec::new();
    for &p in pts.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], p) <= 0.0 {
            upper.pop();
        }
        upper.push(p);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// Hides the nodes not in `keep`, and the links that touch a hidden node.
pub fn restrict(net: &Network, nodes: &mut [bool], links: &mut [bool], keep: &[bool]) {
    for (v, k) in nodes.iter_mut().zip(keep) {
        *v &= *k;
    }
    for (v, l) in links.iter_mut().zip(&net.links) {
        *v &= nodes[l.source as usize] && nodes[l.target as usize];
    }
}

/// The x axis of a time view: the year at world x = 0, the last year, and whether
/// some nodes are older than the first year and drawn at it (the axis starts at a
/// quantile of the years, [`crate::layout::TIME_AXIS_QUANTILE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearAxis {
    pub first: i32,
    pub last: i32,
    /// Nodes older than `first` sit at `first`.
    pub earlier: bool,
}

impl YearAxis {
    /// The tick label of `year`: `≤1991` at the first year when older nodes sit there,
    /// so a figure never reads a 1988 work as one of 1991.
    pub fn label(&self, year: i32) -> String {
        if self.earlier && year == self.first {
            format!("≤{year}")
        } else {
            year.to_string()
        }
    }
}

/// For the time views, the year axis (`None` for the cluster view).
pub fn year_axis(net: &Network, view: ViewKind) -> Option<YearAxis> {
    let by_first_slice = match view {
        ViewKind::Cluster => return None,
        ViewKind::Timeline => false,
        ViewKind::TimeZone => true,
        ViewKind::Historiograph => {
            let years = net.nodes.iter().filter_map(|n| n.year);
            return Some(YearAxis {
                first: years.clone().min()?,
                last: years.max()?,
                earlier: false,
            });
        }
    };
    // The years `timed_nodes` places the nodes at, without computing their radii.
    let start = time_axis_start(net, by_first_slice);
    let own = |n: &Node| time_year(n, by_first_slice);
    let placed = net.nodes.iter().map(|n| placed_year(own(n), start));
    let first = placed.clone().min()?;
    let last = placed.max()?;
    let earlier = net.nodes.iter().filter_map(own).any(|y| y < first);
    Some(YearAxis {
        first,
        last,
        earlier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_axis_marks_its_first_year_only_when_older_nodes_sit_there() {
        // 40 nodes of 2000–2019 and one of 1950: the axis starts at the 5th percentile
        // of the sorted years (index ⌊41 · 0.05⌋ = 2: 1950, 2000, *2000*), so the 1950
        // work is drawn at 2000.
        let mut net = Network::default();
        for y in (2000..2020).chain(2000..2020).chain([1950]) {
            net.nodes.push(Node {
                year: Some(y),
                ..Default::default()
            });
        }
        let axis = year_axis(&net, ViewKind::Timeline).expect("a time view has an axis");
        assert_eq!(
            axis,
            YearAxis {
                first: 2000,
                last: 2019,
                earlier: true
            }
        );
        assert_eq!(axis.label(2000), "≤2000");
        assert_eq!(axis.label(2001), "2001");
        // Ten nodes of 2000–2009: index ⌊10 · 0.05⌋ = 0, the oldest year, nothing
        // drawn earlier than its own year.
        net.nodes.truncate(10);
        let axis = year_axis(&net, ViewKind::Timeline).expect("axis");
        assert_eq!((axis.first, axis.last, axis.earlier), (2000, 2009, false));
        assert_eq!(axis.label(2000), "2000");
        assert_eq!(year_axis(&net, ViewKind::Cluster), None);
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
    fn placeholder_and_layout_positions_fit_the_world() {
        let mut net = Network::default();
        for i in 0..10 {
            net.nodes.push(Node {
                cluster: Some(i % 3),
                ..Default::default()
            });
        }
        let p = cluster_positions(&net, &[]);
        let xs = p.iter().map(|q| q[0]);
        let ys = p.iter().map(|q| q[1]);
        let w = xs.clone().fold(f64::MIN, f64::max) - xs.fold(f64::MAX, f64::min);
        let h = ys.clone().fold(f64::MIN, f64::max) - ys.fold(f64::MAX, f64::min);
        assert!((w.max(h) - 2.0 * WORLD_HALF).abs() < 1e-9);
        for (i, n) in net.nodes.iter_mut().enumerate() {
            n.x = Some(i as f64);
            n.y = Some(0.0);
        }
        let p = cluster_positions(&net, &[]);
        assert_eq!(p[0], [-WORLD_HALF, 0.0]);
        assert_eq!(p[9], [WORLD_HALF, 0.0]);
    }

    #[test]
    fn hull_of_a_square_and_its_inside_points() {
        let pts = vec![
            [0.0, 0.0],
            [2.0, 0.0],
            [1.0, 1.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [1.0, 0.5],
        ];
        let h = convex_hull(pts);
        assert_eq!(h, vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]);
    }

    #[test]
    fn camera_fits_and_round_trips() {
        // Points spanning 200 × 100 world units (with radius 0) into a 440 × 440 output
        // with a margin of 20: zoom = min(400 / 200, 400 / 100) = 2.
        let pos = [[0.0, 0.0], [200.0, 100.0]];
        let cam = Camera::fit(&pos, &[0.0, 0.0], &[true, true], [440.0, 440.0], 20.0);
        assert_eq!(cam.center, [100.0, 50.0]);
        assert_eq!(cam.zoom, 2.0);
        let c = [220.0, 220.0];
        assert_eq!(cam.to_output([0.0, 0.0], c), [20.0, 120.0]);
        assert_eq!(cam.to_world(cam.to_output([7.0, 3.0], c), c), [7.0, 3.0]);
        let json = serde_json::to_string(&ViewKind::Cluster).expect("json");
        assert_eq!(
            json, "\"network\"",
            "sessions save the cluster view as before"
        );
    }
}
