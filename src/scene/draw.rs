//! Building a [`Scene`] from an analysis: the view's world positions
//! ([`super::view`]), a camera that fits them into the plot, then one function per
//! layer. Labels come from the shared engine ([`super::labels`]), as on the canvas.

use super::colors::{self, INK, Rgba};
use super::labels::{self, LabelTarget, LabelView};
use super::legend;
use super::text::{self, Anchor, Bounds};
use super::view::{self, Camera, ViewKind, YEAR_WIDTH};
use super::{Layer, Scene, SceneOptions, Shape, Stroke, node_fill, year_scale};
use crate::network::NodeKind;
use crate::pipeline::Analysis;

/// Where the map goes in the figure: the view, its camera over the world positions,
/// and each node's position and radius in figure units.
pub(super) struct Frame {
    /// Plot area (labels stay inside it).
    pub plot: Bounds,
    pub view: ViewKind,
    pub camera: Camera,
    /// Output point the camera centres on.
    centre: [f64; 2],
    /// Figure position of each node.
    pub pos: Vec<[f64; 2]>,
    /// Drawn radius of each node.
    pub radius: Vec<f64>,
    /// The time views' x axis.
    years: Option<view::YearAxis>,
    /// A small length (18 % of `r_max`): link widths and legend symbols scale with it.
    pub r_min: f64,
    /// Radius of the largest node.
    pub r_max: f64,
    /// The map's node sizes (world units), and the largest radius the view allows.
    sizes: crate::layout::NodeSizes,
    cap: f64,
    /// Base text size.
    pub font: f64,
}

impl Frame {
    /// Figure point of world point `p`.
    pub fn map(&self, p: [f64; 2]) -> [f64; 2] {
        self.camera.to_output(p, self.centre)
    }

    /// Drawn radius of a node with `count` (the legend's sizes).
    pub fn radius_of(&self, count: u32) -> f64 {
        let r = self.sizes.radius(count).min(self.cap);
        view::drawn_radius(r, self.camera.zoom)
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
    let mut vis = window_visible(a, opts);
    if figure_view(a, opts) == ViewKind::Timeline {
        let rows = view::timeline_rows(&a.network, &a.clusters, &opts.cluster_rule());
        view::restrict(&a.network, &mut vis.nodes, &mut vis.links, &rows);
    }
    vis
}

fn window_visible(a: &Analysis, opts: &SceneOptions) -> Visible {
    // A network made elsewhere has no years to window.
    match opts.window.filter(|_| a.network.kind != NodeKind::Imported) {
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

/// The view a figure of `a` draws: the one asked for, else the layout's.
pub(super) fn figure_view(a: &Analysis, opts: &SceneOptions) -> ViewKind {
    opts.view
        .unwrap_or_else(|| ViewKind::of_layout(a.params.layout.method))
}

/// Base text size of a figure `w` × `h`.
fn base_font(opts: &SceneOptions, w: f64, h: f64) -> f64 {
    opts.font_size
        .unwrap_or_else(|| (w.min(h) / 75.0).clamp(9.0, 18.0))
}

fn frame(
    a: &Analysis,
    opts: &SceneOptions,
    vis: &Visible,
    given: Option<&[[f64; 2]]>,
    [w, h]: [f64; 2],
) -> Frame {
    let font = base_font(opts, w, h);
    let kind = figure_view(a, opts);
    let net = &a.network;
    let scale = a.params.layout.node_scale;
    let world_r = view::radii(net, kind, scale);
    let world = match given {
        Some(p) if p.len() == net.nodes.len() => p.to_vec(),
        _ => view::positions(net, kind, &view::cluster_positions(net, &[]), scale),
    };
    let years = view::year_axis(net, kind);
    let plot = plot_area(opts, font, w, h, years.is_some());
    let (camera, centre) = match opts.camera {
        Some(c) => (c, [(plot[0] + plot[2]) / 2.0, (plot[1] + plot[3]) / 2.0]),
        None => {
            // Room on the right of a timeline for the rows' cluster labels.
            let room = row_label_room(a, opts, kind, font, plot[2] - plot[0]);
            let inner = [plot[0], plot[1], plot[2] - room, plot[3]];
            let size = [inner[2] - inner[0], inner[3] - inner[1]];
            let stretch = kind != ViewKind::Cluster;
            let c = Camera::fit_stretched(&world, &world_r, &vis.nodes, size, font * 0.5, stretch);
            (
                c,
                [(inner[0] + inner[2]) / 2.0, (inner[1] + inner[3]) / 2.0],
            )
        }
    };
    let pos: Vec<[f64; 2]> = world.iter().map(|&p| camera.to_output(p, centre)).collect();
    let radius: Vec<f64> = world_r
        .iter()
        .map(|&r| view::drawn_radius(r, camera.zoom))
        .collect();
    let r_max = radius.iter().copied().fold(1.0, f64::max);
    Frame {
        plot,
        view: kind,
        camera,
        centre,
        pos,
        radius,
        years,
        r_min: (r_max * 0.18).max(1.5),
        r_max,
        sizes: crate::layout::NodeSizes::new(net.nodes.iter().map(|n| n.count), scale),
        cap: if kind == ViewKind::Cluster {
            f64::INFINITY
        } else {
            crate::layout::timeline::TIME_RADIUS_MAX
        },
        font,
    }
}

/// The plot area: the figure minus its title band, legend column and year axis. With
/// a camera given (a view exported as shown), the axis lies over the map as on the
/// canvas and the plot has no padding.
fn plot_area(opts: &SceneOptions, font: f64, w: f64, h: f64, axis: bool) -> Bounds {
    let legend_w = if opts.legend {
        (w * 0.22).clamp(170.0, 340.0)
    } else {
        0.0
    };
    let shown = opts.camera.is_some();
    let axis_h = if axis && !shown { font * 3.0 } else { 0.0 };
    let pad = if shown { 0.0 } else { font * 1.5 };
    let top = if opts.show_title { font * 5.8 } else { pad };
    [pad, top, w - legend_w - pad, h - axis_h - pad]
}

/// Room on the right of a timeline for the rows' cluster labels (at most 40 % of the
/// plot's width).
fn row_label_room(
    a: &Analysis,
    opts: &SceneOptions,
    kind: ViewKind,
    font: f64,
    plot_w: f64,
) -> f64 {
    if !kind.has_rows() {
        return 0.0;
    }
    let rule = opts.cluster_rule();
    let widest = rule
        .choose(&a.clusters)
        .iter()
        .filter_map(|&id| a.clusters.iter().find(|c| c.id == id))
        .map(|c| labels::box_width(&labels::cluster_text(c), font * CLUSTER_FONT))
        .fold(0.0, f64::max);
    (widest + font).min(plot_w * 0.4)
}

use labels::CLUSTER_FONT_SCALE as CLUSTER_FONT;

pub(super) fn build(a: &Analysis, opts: &SceneOptions, world: Option<&[[f64; 2]]>) -> Scene {
    let (w, h) = (opts.width.max(200.0), opts.height.max(150.0));
    let vis = visible(a, opts);
    let f = frame(a, opts, &vis, world, [w, h]);
    let max_count = a.network.nodes.iter().map(|n| n.count).max().unwrap_or(0);
    let mut layers = Vec::new();
    if let Some(zones) = axis(&f, w, h) {
        layers.extend(zones);
    }
    if opts.cluster_areas && f.view == ViewKind::Cluster {
        layers.push(areas(a, opts, &f, &vis));
    }
    layers.push(links(a, &f, &vis));
    layers.extend(super::main_path::layer(a, &f, &vis));
    layers.push(nodes(a, opts, &f, &vis));
    layers.push(label_layer(a, opts, &f, &vis));
    if opts.legend {
        layers.push(legend::legend(a, opts, &f, w, max_count));
    }
    if opts.show_title {
        layers.push(title(a, opts, &f, &vis));
    }
    Scene {
        width: w,
        height: h,
        background: colors::BACKGROUND,
        layers,
    }
}

pub(super) fn position(i: usize, f: &Frame) -> Option<[f64; 2]> {
    f.pos
        .get(i)
        .copied()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
}

/// The shaded areas of the labelled clusters (cluster view).
fn areas(a: &Analysis, opts: &SceneOptions, f: &Frame, vis: &Visible) -> Layer {
    let ids = opts.cluster_rule().choose(&a.clusters);
    let hulls = view::cluster_hulls(&a.network, &ids, &f.pos, &f.radius, &vis.nodes, f.r_min);
    Layer {
        name: "areas",
        shapes: hulls
            .into_iter()
            .map(|(id, points)| Shape::Polygon {
                points,
                fill: colors::cluster_color(Some(id)).with_alpha(0.10),
            })
            .collect(),
    }
}

fn links(a: &Analysis, f: &Frame, vis: &Visible) -> Layer {
    let net = &a.network;
    let scale = year_scale(a);
    let max_w = net.links.iter().map(|l| l.weight).fold(0.0, f64::max);
    let mut order: Vec<usize> = (0..net.links.len()).filter(|&i| vis.links[i]).collect();
    // Newer links on top, as CiteSpace draws them.
    order.sort_by_key(|&i| (net.links[i].first_year, i));
    // Many links fade so that a dense map stays readable (as on the canvas): full
    // strength up to ~1,500 links.
    let alpha = (0.55 * (1500.0 / order.len().max(1) as f64).sqrt()).clamp(0.12, 0.55);
    let mut shapes = Vec::with_capacity(order.len());
    for i in order {
        let l = &net.links[i];
        let (Some(s), Some(t)) = (
            position(l.source as usize, f),
            position(l.target as usize, f),
        ) else {
            continue;
        };
        let rel = if max_w > 0.0 {
            (l.weight / max_w).max(0.0).sqrt()
        } else {
            0.0
        };
        // A network without years (imported) has no year colours: neutral grey.
        let color = match scale {
            (0, 0) => colors::UNCLUSTERED,
            _ => colors::year_color(l.first_year, scale.0, scale.1),
        }
        .with_alpha(alpha);
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

fn nodes(a: &Analysis, opts: &SceneOptions, f: &Frame, vis: &Visible) -> Layer {
    let net = &a.network;
    let scale = year_scale(a);
    let mut order: Vec<usize> = (0..net.nodes.len()).filter(|&i| vis.nodes[i]).collect();
    // Large nodes first so small ones stay visible on top.
    order.sort_by_key(|&i| (std::cmp::Reverse(net.nodes[i].count), i));
    let mut shapes = Vec::new();
    for i in order {
        let n = &net.nodes[i];
        let Some(c) = position(i, f) else { continue };
        let r = f.radius[i];
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
        let ring = (r * crate::layout::sizes::RING_SHARE).max(0.5);
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

/// The label layer: the shared engine on the figure's positions, with a halo.
fn label_layer(a: &Analysis, opts: &SceneOptions, f: &Frame, vis: &Visible) -> Layer {
    let area = f.plot;
    let placed = labels::place(&LabelView {
        net: &a.network,
        clusters: &a.clusters,
        pos: &f.pos,
        radius: &f.radius,
        visible: &vis.nodes,
        area,
        node_font: f.font,
        cluster_font: f.font * CLUSTER_FONT,
        max_node_labels: labels::budget(area, opts.node_labels),
        cluster_labels: opts.cluster_rule(),
        rows: f.view.has_rows(),
        first: &[],
        taken: &[],
    });
    let shapes = placed
        .into_iter()
        .map(|l| Shape::Text {
            color: match l.target {
                LabelTarget::Cluster(c) => colors::cluster_text_color(Some(c), false),
                LabelTarget::Node(_) => INK,
            },
            pos: l.pos,
            text: l.text,
            size: l.size,
            anchor: l.anchor,
            halo: Some(colors::BACKGROUND.with_alpha(0.85)),
        })
        .collect();
    Layer {
        name: "labels",
        shapes,
    }
}

/// Year axis (and zone separators for the time-zone view); `None` for force layouts.
fn axis(f: &Frame, w: f64, h: f64) -> Option<Vec<Layer>> {
    let years = f.years?;
    let (y0, y1) = (years.first, years.last);
    let yw = YEAR_WIDTH;
    // Below the plot; over the map's foot when the plot fills the figure.
    let base = if f.plot[3] + f.font * 2.0 > h {
        f.plot[3] - f.font * 2.2
    } else {
        f.plot[3] + f.font * 0.6
    };
    let label_w = text::text_width("0000", f.font) * 1.8;
    let px_per_year = yw * f.camera.zoom_x();
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
        let x = f.map([(year - y0) as f64 * yw, 0.0])[0];
        if f.view == ViewKind::TimeZone {
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
            text: years.label(year),
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
    let main = opts.title.clone().unwrap_or_else(|| match span.as_str() {
        "" => a.network.kind.describe().to_string(),
        _ => format!("{}, {span}", a.network.kind.describe()),
    });
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
    let grey = Rgba::rgb(0x55, 0x55, 0x55);
    let mut shapes = vec![
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
            color: grey,
            anchor: Anchor::Start,
            halo: None,
        },
    ];
    if let Some(line) = settings_line(a) {
        shapes.push(Shape::Text {
            pos: [x, f.font * 4.8],
            text: line,
            size: f.font * 0.9,
            color: grey,
            anchor: Anchor::Start,
            halo: None,
        });
    }
    Layer {
        name: "title",
        shapes,
    }
}

/// The run's settings as CiteSpace prints them on its maps: `Timespan: 1998–2026
/// (Slice Length=1); Selection Criteria: g-index (k=25), LRF=3.0, L/N=10, LBY=-1;
/// Pruning: None`. `None` for an imported network, which was built elsewhere.
fn settings_line(a: &Analysis) -> Option<String> {
    let p = &a.params.network;
    let span = a
        .span
        .map(|(x, y)| format!("Timespan: {x}–{y}"))
        .unwrap_or_default();
    match p.kind {
        NodeKind::Imported => None,
        NodeKind::Citation => Some(format!(
            "{span}; Selection: {} by local citations (LCS)",
            p.select
        )),
        _ => {
            let prune = match p.prune {
                crate::network::Prune::None => "None".to_string(),
                other => format!(
                    "{other} ({})",
                    if p.prune_slices {
                        "sliced networks"
                    } else {
                        "merged network"
                    }
                ),
            };
            Some(format!(
                "{span} (Slice Length={}); Selection Criteria: {}; Pruning: {prune}",
                p.slice,
                p.criteria()
            ))
        }
    }
}
