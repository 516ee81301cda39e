//! Building a [`Scene`] from an analysis: frame and projection, then one function per
//! layer.

use super::colors::{self, INK, Rgba};
use super::legend;
use super::text::{self, Anchor, Bounds, LabelRequest};
use super::{Layer, Scene, SceneOptions, Shape, Stroke, node_fill, year_scale};
use crate::layout::{TimeParams, timed_nodes};
use crate::network::{Node, NodeKind};
use crate::pipeline::{Analysis, LayoutMethod};

/// Where the map goes in the figure and how layout coordinates map there.
pub(super) struct Frame {
    /// Plot area (labels stay inside it).
    pub plot: Bounds,
    scale: [f64; 2],
    offset: [f64; 2],
    /// Layout x of the start of the first year, and year width (time views).
    years: Option<(i32, i32, f64)>,
    /// A small length (18 % of `r_max`): link widths and legend symbols scale with it.
    pub r_min: f64,
    /// Radius of the largest node.
    pub r_max: f64,
    /// Base text size.
    pub font: f64,
}

impl Frame {
    pub fn map(&self, x: f64, y: f64) -> [f64; 2] {
        [
            self.offset[0] + x * self.scale[0],
            self.offset[1] + y * self.scale[1],
        ]
    }
}

/// What is visible: nodes and links (all, or the slider window's).
pub(super) struct Visible {
    pub nodes: Vec<bool>,
    pub links: Vec<bool>,
    /// Last year shown (rings and bursts after it are hidden).
    pub until: i32,
}

fn visible(a: &Analysis, opts: &SceneOptions) -> Visible {
    match opts.window {
        Some((from, to)) => {
            let w = a.network.window(from, to);
            Visible {
                nodes: w.nodes,
                links: w.links,
                until: to,
            }
        }
        None => Visible {
            nodes: vec![true; a.network.nodes.len()],
            links: vec![true; a.network.links.len()],
            until: i32::MAX,
        },
    }
}

fn frame(a: &Analysis, opts: &SceneOptions, w: f64, h: f64) -> Frame {
    let font = (w.min(h) / 75.0).clamp(9.0, 18.0);
    let legend_w = if opts.legend {
        (w * 0.22).clamp(170.0, 340.0)
    } else {
        0.0
    };
    let time_view = super::is_time_view(a.params.layout.method);
    let axis_h = if time_view { font * 3.0 } else { 0.0 };
    let pad = font * 1.5;
    let plot = [pad, font * 4.5, w - legend_w - pad, h - axis_h - pad];
    let r_max = ((plot[2] - plot[0]).min(plot[3] - plot[1]) * 0.035).clamp(5.0, 40.0);
    let r_min = (r_max * 0.18).max(1.5);
    let years = time_view.then(|| {
        let timed = timed_nodes(&a.network, a.params.layout.method == LayoutMethod::Timezone);
        let lo = timed.iter().map(|t| t.year).min().unwrap_or(0);
        let hi = timed.iter().map(|t| t.year).max().unwrap_or(lo);
        (lo, hi, TimeParams::default().year_width)
    });
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for n in &a.network.nodes {
        if let (Some(x), Some(y)) = (n.x, n.y)
            && x.is_finite()
            && y.is_finite()
        {
            lo = [lo[0].min(x), lo[1].min(y)];
            hi = [hi[0].max(x), hi[1].max(y)];
        }
    }
    if let Some((y0, y1, yw)) = years {
        lo[0] = lo[0].min(-0.5 * yw);
        hi[0] = hi[0].max((y1 - y0) as f64 * yw + 0.5 * yw);
    }
    if !lo[0].is_finite() {
        lo = [0.0; 2];
        hi = [0.0; 2];
    }
    // Circles and their rings stay inside the plot.
    let inner = [
        plot[0] + r_max * 1.4,
        plot[1] + r_max * 1.4,
        plot[2] - r_max * 1.4 - row_label_room(a, opts, font, plot[2] - plot[0]),
        plot[3] - r_max * 1.4,
    ];
    let span = [hi[0] - lo[0], hi[1] - lo[1]];
    let avail = [inner[2] - inner[0], inner[3] - inner[1]];
    let fit = |k: usize| {
        if span[k] > 0.0 {
            avail[k] / span[k]
        } else {
            1.0
        }
    };
    let mut scale = [fit(0), fit(1)];
    if !time_view {
        // Force layouts keep their aspect ratio.
        let s = scale[0].min(scale[1]);
        scale = [s, s];
    }
    let centre = [(inner[0] + inner[2]) / 2.0, (inner[1] + inner[3]) / 2.0];
    let offset = [
        centre[0] - (lo[0] + hi[0]) / 2.0 * scale[0],
        centre[1] - (lo[1] + hi[1]) / 2.0 * scale[1],
    ];
    Frame {
        plot,
        scale,
        offset,
        years,
        r_min,
        r_max,
        font,
    }
}

/// Room on the right of a timeline for the rows' cluster labels (at most 40 % of the
/// plot's width).
fn row_label_room(a: &Analysis, opts: &SceneOptions, font: f64, plot_w: f64) -> f64 {
    if !rows_labelled_at_end(a.params.layout.method) || !opts.cluster_labels {
        return 0.0;
    }
    let widest = a
        .clusters
        .iter()
        .take(CLUSTER_LABELS)
        .map(|c| text::text_width(&cluster_label(c.id, &c.label), font * CLUSTER_FONT))
        .fold(0.0, f64::max);
    (widest + font).min(plot_w * 0.4)
}

/// True for layouts whose clusters are rows, labelled at their right end.
fn rows_labelled_at_end(layout: LayoutMethod) -> bool {
    matches!(layout, LayoutMethod::Timeline | LayoutMethod::Historiograph)
}

/// Clusters labelled on the map (largest first).
const CLUSTER_LABELS: usize = 15;
/// Size of cluster labels relative to node labels.
const CLUSTER_FONT: f64 = 1.35;

fn cluster_label(id: u32, label: &str) -> String {
    format!("#{id} {}", truncate(label, 30))
}

/// Radius of a node: the app's `3 + 2.2·√count`, scaled so the largest node has
/// radius `r_max` (at least 1 px).
pub(super) fn radius(count: u32, max: u32, f: &Frame) -> f64 {
    let app = crate::layout::node_radius;
    (f.r_max * app(count) / app(max.max(count))).max(1.0)
}

/// The label a figure shows: for cited references and the records of a citation
/// network `Author, Year` (bibliometrix's historiograph labels), else the label; at
/// most 40 characters.
pub fn short_label(n: &Node, kind: NodeKind) -> String {
    let s: String = if matches!(kind, NodeKind::Reference | NodeKind::Citation) {
        n.label
            .splitn(3, ", ")
            .take(2)
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        n.label.clone()
    };
    truncate(&s, 40)
}

/// `s` cut to `max` characters with an ellipsis.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub(super) fn build(a: &Analysis, opts: &SceneOptions) -> Scene {
    let (w, h) = (opts.width.max(200.0), opts.height.max(150.0));
    let f = frame(a, opts, w, h);
    let vis = visible(a, opts);
    let max_count = a.network.nodes.iter().map(|n| n.count).max().unwrap_or(0);
    let mut layers = Vec::new();
    if let Some(zones) = axis(a, &f, w, h) {
        layers.extend(zones);
    }
    layers.push(links(a, &f, &vis));
    layers.extend(super::main_path::layer(a, &f, &vis));
    layers.push(nodes(a, opts, &f, &vis, max_count));
    layers.push(labels(a, opts, &f, &vis, max_count));
    if opts.legend {
        layers.push(legend::legend(a, opts, &f, w, max_count));
    }
    layers.push(title(a, opts, &f, &vis));
    Scene {
        width: w,
        height: h,
        background: colors::BACKGROUND,
        layers,
    }
}

pub(super) fn position(n: &Node, f: &Frame) -> Option<[f64; 2]> {
    match (n.x, n.y) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => Some(f.map(x, y)),
        _ => None,
    }
}

fn links(a: &Analysis, f: &Frame, vis: &Visible) -> Layer {
    let net = &a.network;
    let scale = year_scale(a);
    let max_w = net.links.iter().map(|l| l.weight).fold(0.0, f64::max);
    let mut order: Vec<usize> = (0..net.links.len()).filter(|&i| vis.links[i]).collect();
    // Newer links on top, as CiteSpace draws them.
    order.sort_by_key(|&i| (net.links[i].first_year, i));
    let mut shapes = Vec::with_capacity(order.len());
    for i in order {
        let l = &net.links[i];
        let (Some(s), Some(t)) = (
            net.nodes
                .get(l.source as usize)
                .and_then(|n| position(n, f)),
            net.nodes
                .get(l.target as usize)
                .and_then(|n| position(n, f)),
        ) else {
            continue;
        };
        let rel = if max_w > 0.0 {
            (l.weight / max_w).max(0.0).sqrt()
        } else {
            0.0
        };
        let color = colors::year_color(l.first_year, scale.0, scale.1).with_alpha(0.55);
        shapes.push(Shape::Line {
            from: s,
            to: t,
            stroke: Stroke {
                color,
                width: f.r_min * 0.3 + rel * f.r_min * 1.2,
            },
        });
    }
    Layer {
        name: "links",
        shapes,
    }
}

fn nodes(a: &Analysis, opts: &SceneOptions, f: &Frame, vis: &Visible, max: u32) -> Layer {
    let net = &a.network;
    let scale = year_scale(a);
    let mut order: Vec<usize> = (0..net.nodes.len()).filter(|&i| vis.nodes[i]).collect();
    // Large nodes first so small ones stay visible on top.
    order.sort_by_key(|&i| (std::cmp::Reverse(net.nodes[i].count), i));
    let mut shapes = Vec::new();
    for i in order {
        let n = &net.nodes[i];
        let Some(c) = position(n, f) else { continue };
        let r = radius(n.count, max, f);
        let years: Vec<(i32, u32)> = n
            .per_year
            .range(..=vis.until)
            .map(|(&y, &k)| (y, k))
            .filter(|&(_, k)| k > 0)
            .collect();
        let total: u32 = years.iter().map(|&(_, k)| k).sum();
        if opts.tree_rings && total > 0 {
            // Filled disks from the outermost (latest year) in: each leaves a ring.
            let mut cum = total;
            for &(y, k) in years.iter().rev() {
                shapes.push(Shape::Circle {
                    center: c,
                    radius: r * cum as f64 / total as f64,
                    fill: Some(colors::year_color(y, scale.0, scale.1)),
                    stroke: None,
                });
                cum -= k;
            }
        } else {
            shapes.push(Shape::Circle {
                center: c,
                radius: r,
                fill: Some(node_fill(n, opts.coloring, scale)),
                stroke: None,
            });
        }
        let ring = (r * 0.22).max(1.5);
        let mut outer = r;
        if n.betweenness >= colors::CENTRALITY_RING_MIN {
            shapes.push(ring_shape(
                c,
                outer + ring / 2.0,
                ring,
                colors::CENTRALITY_RING,
            ));
            outer += ring;
        }
        if n.burst.is_some_and(|b| b.begin <= vis.until) {
            shapes.push(ring_shape(c, outer + ring / 2.0, ring, colors::BURST_RING));
        }
    }
    Layer {
        name: "nodes",
        shapes,
    }
}

pub(super) fn ring_shape(center: [f64; 2], radius: f64, width: f64, color: Rgba) -> Shape {
    Shape::Circle {
        center,
        radius,
        fill: None,
        stroke: Some(Stroke { color, width }),
    }
}

/// A darker shade for text in a cluster's colour.
fn darker(c: Rgba) -> Rgba {
    let [r, g, b, a] = c.0;
    let d = |v: u8| (v as f64 * 0.6).round() as u8;
    Rgba([d(r), d(g), d(b), a])
}

fn labels(a: &Analysis, opts: &SceneOptions, f: &Frame, vis: &Visible, max: u32) -> Layer {
    let net = &a.network;
    let mut requests: Vec<(LabelRequest, Rgba, bool)> = Vec::new();
    if opts.cluster_labels {
        for c in a.clusters.iter().take(CLUSTER_LABELS) {
            if c.label.is_empty() {
                continue;
            }
            let pts: Vec<[f64; 2]> = net
                .nodes
                .iter()
                .enumerate()
                .filter(|(i, n)| vis.nodes[*i] && n.cluster == Some(c.id))
                .filter_map(|(_, n)| position(n, f))
                .collect();
            if pts.is_empty() {
                continue;
            }
            let k = pts.len() as f64;
            let mean = [
                pts.iter().map(|p| p[0]).sum::<f64>() / k,
                pts.iter().map(|p| p[1]).sum::<f64>() / k,
            ];
            let at_end = rows_labelled_at_end(a.params.layout.method);
            let centre = if at_end {
                // Timeline rows (and historiograph bands) carry their label at the
                // right end, as in CiteSpace.
                [
                    pts.iter().map(|p| p[0]).fold(f64::MIN, f64::max) + f.r_max,
                    mean[1],
                ]
            } else {
                mean
            };
            let req = LabelRequest {
                text: cluster_label(c.id, &c.label),
                size: f.font * CLUSTER_FONT,
                center: centre,
                radius: 0.0,
            };
            let centred = !at_end;
            requests.push((req, darker(colors::cluster_color(Some(c.id))), centred));
        }
    }
    let mut order: Vec<usize> = (0..net.nodes.len()).filter(|&i| vis.nodes[i]).collect();
    order.sort_by(|&x, &y| {
        let (p, q) = (&net.nodes[x], &net.nodes[y]);
        q.sigma
            .total_cmp(&p.sigma)
            .then(q.count.cmp(&p.count))
            .then(x.cmp(&y))
    });
    for i in order.into_iter().take(opts.node_labels) {
        let n = &net.nodes[i];
        let Some(c) = position(n, f) else { continue };
        let req = LabelRequest {
            text: short_label(n, net.kind),
            size: f.font,
            center: c,
            radius: radius(n.count, max, f),
        };
        requests.push((req, INK, false));
    }
    let (reqs, rest): (Vec<LabelRequest>, Vec<(Rgba, bool)>) =
        requests.into_iter().map(|(r, c, m)| (r, (c, m))).unzip();
    let centred: Vec<bool> = rest.iter().map(|x| x.1).collect();
    let placed = text::place_labels_with(&reqs, &centred, f.plot, &[]);
    let shapes = placed
        .into_iter()
        .map(|p| Shape::Text {
            pos: p.pos,
            text: reqs[p.request].text.clone(),
            size: reqs[p.request].size,
            color: rest[p.request].0,
            anchor: p.anchor,
            halo: Some(colors::BACKGROUND.with_alpha(0.85)),
        })
        .collect();
    Layer {
        name: "labels",
        shapes,
    }
}

/// Year axis (and zone separators for the time-zone view); `None` for force layouts.
fn axis(a: &Analysis, f: &Frame, w: f64, h: f64) -> Option<Vec<Layer>> {
    let (y0, y1, yw) = f.years?;
    let base = f.plot[3] + f.font * 0.6;
    let label_w = text::text_width("0000", f.font) * 1.8;
    let px_per_year = yw * f.scale[0];
    let step = ((label_w / px_per_year.max(1e-9)).ceil() as i32).max(1);
    let mut axis = vec![Shape::Line {
        from: [f.plot[0], base],
        to: [f.plot[2].min(w), base],
        stroke: Stroke {
            color: INK,
            width: 1.0,
        },
    }];
    let mut zones = Vec::new();
    let grid = Rgba::rgb(0xd8, 0xd8, 0xd8);
    for year in y0..=y1 {
        let x = f.map((year - y0) as f64 * yw, 0.0)[0];
        if a.params.layout.method == LayoutMethod::Timezone {
            let edge = x - px_per_year / 2.0;
            zones.push(Shape::Line {
                from: [edge, f.plot[1]],
                to: [edge, f.plot[3]],
                stroke: Stroke {
                    color: grid,
                    width: 1.0,
                },
            });
        }
        if (year - y0) % step != 0 {
            continue;
        }
        axis.push(Shape::Line {
            from: [x, base],
            to: [x, base + f.font * 0.4],
            stroke: Stroke {
                color: INK,
                width: 1.0,
            },
        });
        axis.push(Shape::Text {
            pos: [x, (base + f.font * 1.6).min(h - 2.0)],
            text: year.to_string(),
            size: f.font,
            color: INK,
            anchor: Anchor::Middle,
            halo: None,
        });
    }
    Some(vec![
        Layer {
            name: "zones",
            shapes: zones,
        },
        Layer {
            name: "axis",
            shapes: axis,
        },
    ])
}

fn title(a: &Analysis, opts: &SceneOptions, f: &Frame, vis: &Visible) -> Layer {
    let span = match opts.window.or(a.span) {
        Some((x, y)) if x == y => format!("{x}"),
        Some((x, y)) => format!("{x}–{y}"),
        None => String::new(),
    };
    let main = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("{}, {span}", a.network.kind.describe()));
    let n = vis.nodes.iter().filter(|&&v| v).count();
    let l = vis.links.iter().filter(|&&v| v).count();
    let mut sub = format!("{n} nodes, {l} links");
    if let Some(m) = &a.main_path {
        let t = m.traversal.name().to_uppercase();
        sub.push_str(&format!(
            "; main path ({t}, {}): {} nodes",
            m.search,
            m.nodes.len()
        ));
    }
    if let Some(q) = a.modularity {
        sub.push_str(&format!("; modularity Q = {q:.4}"));
    }
    if let Some(s) = a.mean_silhouette {
        sub.push_str(&format!("; mean silhouette S = {s:.4}"));
    }
    let x = f.plot[0];
    Layer {
        name: "title",
        shapes: vec![
            Shape::Text {
                pos: [x, f.font * 2.0],
                text: main,
                size: f.font * 1.6,
                color: INK,
                anchor: Anchor::Start,
                halo: None,
            },
            Shape::Text {
                pos: [x, f.font * 3.5],
                text: sub,
                size: f.font,
                color: Rgba::rgb(0x55, 0x55, 0x55),
                anchor: Anchor::Start,
                halo: None,
            },
        ],
    }
}
