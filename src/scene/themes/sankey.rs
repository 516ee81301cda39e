//! Sankey diagrams: the thematic evolution and the three-field plot (see [`super`]).
//!
//! Layout: one column per period or field, evenly spaced; a node's height is
//! max(Σ incoming, Σ outgoing) weight (plotly's rule) on one scale for the whole
//! figure; nodes are stacked with a gap and centred in their column; the order within
//! a column reduces crossings by barycentre sweeps (each node sorted by the mean
//! position of its neighbours in the previous column, then backwards by the next);
//! ribbons leave and enter nodes in the order of the nodes at their other end, so
//! ribbons of one node do not cross each other.

use super::LabelRequest;
use super::{FigureOptions, fit, label_shapes, place, text_box, text_shape, title};
use crate::scene::colors::{self, INK, Rgba};
use crate::scene::text::{Anchor, Bounds, text_width};
use crate::scene::{Layer, Scene, Shape};
use crate::themes::{Evolution, ThreeField};

/// A node: its label, column and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct SankeyNode {
    pub label: String,
    pub column: usize,
    pub color: Rgba,
}

/// A flow from node `from` (column c) to node `to` (column c + 1).
#[derive(Debug, Clone, PartialEq)]
pub struct SankeyLink {
    pub from: usize,
    pub to: usize,
    pub weight: f64,
}

/// Points along a ribbon edge from `a` to `b` (a cubic Bézier with horizontal
/// tangents).
fn curve(a: [f64; 2], b: [f64; 2], out: &mut Vec<[f64; 2]>) {
    const STEPS: usize = 24;
    let mx = (a[0] + b[0]) / 2.0;
    for s in 0..=STEPS {
        let t = s as f64 / STEPS as f64;
        let u = 1.0 - t;
        let x = u * u * u * a[0] + 3.0 * u * u * t * mx + 3.0 * u * t * t * mx + t * t * t * b[0];
        let y = (u * u * u + 3.0 * u * u * t) * a[1] + (3.0 * u * t * t + t * t * t) * b[1];
        out.push([x, y]);
    }
}

/// Orders each column's nodes by barycentre sweeps (module docs).
fn order_columns(cols: &mut [Vec<usize>], links: &[SankeyLink], value: &[f64]) {
    let n = value.len();
    let positions = |cols: &[Vec<usize>]| {
        let mut p = vec![0.0; n];
        for col in cols {
            let total: f64 = col.iter().map(|&i| value[i]).sum::<f64>().max(1e-12);
            let mut acc = 0.0;
            for &i in col {
                p[i] = (acc + value[i] / 2.0) / total;
                acc += value[i];
            }
        }
        p
    };
    let sweep = |cols: &mut [Vec<usize>], c: usize, forward: bool| {
        let p = positions(cols);
        let mut key = p.clone();
        let mut sum = vec![0.0; n];
        let mut wsum = vec![0.0; n];
        for l in links {
            let (me, other) = if forward {
                (l.to, l.from)
            } else {
                (l.from, l.to)
            };
            sum[me] += l.weight * p[other];
            wsum[me] += l.weight;
        }
        for i in 0..n {
            if wsum[i] > 0.0 {
                key[i] = sum[i] / wsum[i];
            }
        }
        cols[c].sort_by(|&a, &b| key[a].total_cmp(&key[b]));
    };
    let k = cols.len();
    for _ in 0..3 {
        for c in 1..k {
            sweep(cols, c, true);
        }
        for c in (0..k.saturating_sub(1)).rev() {
            sweep(cols, c, false);
        }
    }
}

/// Node rectangles: `[x, top, height]` per node (`None` for a node without flow).
struct Geometry {
    rect: Vec<Option<[f64; 3]>>,
    node_w: f64,
    scale: f64,
    col_x: Vec<f64>,
}

fn geometry(cols: &[Vec<usize>], value: &[f64], area: Bounds, node_w: f64, gap: f64) -> Geometry {
    let k = cols.len();
    let plot_h = area[3] - area[1];
    let most = cols.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let gap = gap.min(plot_h * 0.4 / most as f64);
    let scale = cols
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let total: f64 = c.iter().map(|&i| value[i]).sum();
            (plot_h - gap * (c.len() as f64 - 1.0)) / total.max(1e-12)
        })
        .fold(f64::INFINITY, f64::min);
    let scale = if scale.is_finite() {
        scale.max(0.0)
    } else {
        0.0
    };
    let col_x: Vec<f64> = (0..k)
        .map(|c| {
            if k == 1 {
                area[0]
            } else {
                area[0] + (area[2] - area[0] - node_w) * c as f64 / (k - 1) as f64
            }
        })
        .collect();
    let mut rect = vec![None; value.len()];
    for (c, col) in cols.iter().enumerate() {
        let used: f64 = col.iter().map(|&i| value[i] * scale).sum::<f64>()
            + gap * (col.len().max(1) - 1) as f64;
        let mut y = area[1] + (plot_h - used) / 2.0;
        for &i in col {
            let hgt = value[i] * scale;
            rect[i] = Some([col_x[c], y, hgt]);
            y += hgt + gap;
        }
    }
    Geometry {
        rect,
        node_w,
        scale,
        col_x,
    }
}

/// Ribbons: each node's links leave (and enter) in the order of their other ends.
fn ribbons(links: &[SankeyLink], g: &Geometry, nodes: &[SankeyNode]) -> Vec<Shape> {
    let n = g.rect.len();
    let y_of = |i: usize| g.rect[i].map_or(0.0, |r| r[1]);
    let mut out_order: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut in_order: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, l) in links.iter().enumerate() {
        out_order[l.from].push(k);
        in_order[l.to].push(k);
    }
    let mut start = vec![0.0; links.len()];
    let mut end = vec![0.0; links.len()];
    for i in 0..n {
        out_order[i].sort_by(|&a, &b| y_of(links[a].to).total_cmp(&y_of(links[b].to)));
        in_order[i].sort_by(|&a, &b| y_of(links[a].from).total_cmp(&y_of(links[b].from)));
        let mut y = y_of(i);
        for &k in &out_order[i] {
            start[k] = y;
            y += links[k].weight * g.scale;
        }
        let mut y = y_of(i);
        for &k in &in_order[i] {
            end[k] = y;
            y += links[k].weight * g.scale;
        }
    }
    // Wide ribbons first, so narrow ones stay visible on top.
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by(|&a, &b| links[b].weight.total_cmp(&links[a].weight).then(a.cmp(&b)));
    order
        .into_iter()
        .filter_map(|k| {
            let l = &links[k];
            let (a, b) = (g.rect[l.from]?, g.rect[l.to]?);
            let t = l.weight * g.scale;
            let x0 = a[0] + g.node_w;
            let x1 = b[0];
            let mut points = Vec::with_capacity(50);
            curve([x0, start[k]], [x1, end[k]], &mut points);
            let mut bottom = Vec::with_capacity(25);
            curve([x1, end[k] + t], [x0, start[k] + t], &mut bottom);
            points.extend(bottom);
            Some(Shape::Polygon {
                points,
                fill: nodes[l.from].color.with_alpha(0.35),
            })
        })
        .collect()
}

/// A Sankey figure: `headers` name the columns, `nodes` carry their column.
pub fn sankey(
    headers: &[String],
    nodes: &[SankeyNode],
    links: &[SankeyLink],
    main: String,
    sub: String,
    opts: &FigureOptions,
) -> Scene {
    let (w, h) = opts.size();
    let font = opts.font();
    let k = headers.len().max(1);
    let mut value = vec![0.0f64; nodes.len()];
    let (mut inflow, mut outflow) = (vec![0.0; nodes.len()], vec![0.0; nodes.len()]);
    for l in links {
        outflow[l.from] += l.weight;
        inflow[l.to] += l.weight;
    }
    for i in 0..nodes.len() {
        value[i] = inflow[i].max(outflow[i]);
    }
    let mut cols: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, nd) in nodes.iter().enumerate() {
        if value[i] > 0.0 && nd.column < k {
            cols[nd.column].push(i);
        }
    }
    order_columns(&mut cols, links, &value);
    let size = font * 0.95;
    let margin = |c: usize| {
        let widest = cols[c]
            .iter()
            .map(|&i| text_width(&nodes[i].label, size))
            .fold(0.0, f64::max);
        (widest + font).min(w * 0.2)
    };
    let pad = font * 1.5;
    let area = [
        pad + margin(0),
        font * 7.0,
        w - pad - if k > 1 { margin(k - 1) } else { 0.0 },
        h - font * 1.5,
    ];
    let g = geometry(&cols, &value, area, font * 0.9, font * 0.6);
    let node_shapes: Vec<Shape> = (0..nodes.len())
        .filter_map(|i| {
            let r = g.rect[i]?;
            Some(Shape::Rect {
                min: [r[0], r[1]],
                size: [g.node_w, r[2].max(1.0)],
                fill: nodes[i].color,
            })
        })
        .collect();
    let mut taken = Vec::new();
    let mut head = Vec::new();
    for (c, text) in headers.iter().enumerate() {
        let x = (g.col_x[c] + g.node_w / 2.0).clamp(pad, w - pad);
        let anchor = match c {
            0 if k > 1 => Anchor::Start,
            c if c + 1 == k && k > 1 => Anchor::End,
            _ => Anchor::Middle,
        };
        let x = match anchor {
            Anchor::Start => g.col_x[c],
            Anchor::End => g.col_x[c] + g.node_w,
            Anchor::Middle => x,
        };
        let pos = [x, area[1] - font * 1.6];
        taken.push(text_box(pos, text, font * 1.15, anchor));
        head.push(text_shape(pos, text.clone(), font * 1.15, INK, anchor));
    }
    let labels = column_labels(
        &cols,
        nodes,
        &value,
        &g,
        [pad, area[1], w - pad, h],
        size,
        &mut taken,
    );
    Scene {
        width: w,
        height: h,
        background: colors::BACKGROUND,
        layers: vec![
            Layer {
                name: "ribbons",
                shapes: ribbons(links, &g, nodes),
            },
            Layer {
                name: "nodes",
                shapes: node_shapes,
            },
            Layer {
                name: "labels",
                shapes: labels,
            },
            Layer {
                name: "headers",
                shapes: head,
            },
            title(main, sub, pad, font),
        ],
    }
}

/// Node labels: left of the first column, right of the others (over the ribbons,
/// with a halo), each column's labels confined to its side and fitted to its width.
fn column_labels(
    cols: &[Vec<usize>],
    nodes: &[SankeyNode],
    value: &[f64],
    g: &Geometry,
    outer: Bounds,
    size: f64,
    taken: &mut Vec<Bounds>,
) -> Vec<Shape> {
    let k = cols.len();
    let mut shapes = Vec::new();
    for (c, col) in cols.iter().enumerate() {
        let x = g.col_x[c];
        let side = if c == 0 && k > 1 {
            [outer[0], x]
        } else if c + 1 < k {
            [x + g.node_w, g.col_x[c + 1] - size * 0.3]
        } else {
            [x + g.node_w, outer[2]]
        };
        let area = [side[0], outer[1] - size, side[1], outer[3]];
        let room = side[1] - side[0] - g.node_w / 2.0 - size * 0.5;
        let mut by_value = col.clone();
        by_value.sort_by(|&a, &b| value[b].total_cmp(&value[a]).then(a.cmp(&b)));
        let requests: Vec<LabelRequest> = by_value
            .iter()
            .filter_map(|&i| {
                let r = g.rect[i]?;
                Some(LabelRequest {
                    text: fit(&nodes[i].label, size, room),
                    size,
                    center: [r[0] + g.node_w / 2.0, r[1] + r[2] / 2.0],
                    radius: g.node_w / 2.0,
                })
            })
            .collect();
        let placed = place(&requests, &[], area, taken);
        shapes.extend(label_shapes(&requests, &placed, INK));
    }
    shapes
}

/// The thematic evolution as a Sankey: one column per period, a node per theme with
/// a link, ribbons weighted by the chosen inclusion index. A theme takes the colour
/// of its strongest predecessor, so a lineage keeps its colour; a theme without one
/// takes a new palette colour.
pub fn evolution(e: &Evolution, what: &str, opts: &FigureOptions) -> Scene {
    let mut nodes = Vec::new();
    let mut first = Vec::new();
    for (p, period) in e.periods.iter().enumerate() {
        first.push(nodes.len());
        for t in &period.map.themes {
            nodes.push(SankeyNode {
                label: t.label.clone(),
                column: p,
                color: colors::UNCLUSTERED,
            });
        }
    }
    let links: Vec<SankeyLink> = e
        .links
        .iter()
        .map(|l| SankeyLink {
            from: first[l.period] + l.from,
            to: first[l.period + 1] + l.to,
            weight: l.weight,
        })
        .collect();
    // Colours: links are sorted by period, so predecessors are coloured first.
    let mut strongest: Vec<Option<(f64, usize)>> = vec![None; nodes.len()];
    for l in &links {
        if strongest[l.to].is_none_or(|s| l.weight > s.0) {
            strongest[l.to] = Some((l.weight, l.from));
        }
    }
    let mut next = 0u32;
    for i in 0..nodes.len() {
        nodes[i].color = match strongest[i] {
            Some((_, from)) => nodes[from].color,
            None => {
                next += 1;
                colors::cluster_color(Some(next - 1))
            }
        };
    }
    let headers: Vec<String> = e.periods.iter().map(|p| p.label.clone()).collect();
    let main = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("Thematic evolution: {what}"));
    let themes: usize = e.periods.iter().map(|p| p.map.themes.len()).sum();
    let sub = format!(
        "{} periods, {themes} themes, {} links between themes of consecutive periods that share words",
        e.periods.len(),
        e.links.len()
    );
    sankey(&headers, &nodes, &links, main, sub, opts)
}

/// The three-field plot as a Sankey: one column per field, ribbons weighted by the
/// records holding both items.
pub fn three_field(t: &ThreeField, opts: &FigureOptions) -> Scene {
    let mut nodes = Vec::new();
    let mut first = Vec::new();
    for (c, items) in t.items.iter().enumerate() {
        first.push(nodes.len());
        for (k, it) in items.iter().enumerate() {
            nodes.push(SankeyNode {
                label: it.label.clone(),
                column: c,
                color: colors::cluster_color(Some(k as u32)),
            });
        }
    }
    let links: Vec<SankeyLink> = t
        .flows
        .iter()
        .map(|f| SankeyLink {
            from: first[f.column] + f.from,
            to: first[f.column + 1] + f.to,
            weight: f.weight as f64,
        })
        .collect();
    let headers: Vec<String> = t.fields.iter().map(|f| f.name().to_string()).collect();
    let main = opts.title.clone().unwrap_or_else(|| {
        let names: Vec<&str> = t.fields.iter().map(|f| f.tag()).collect();
        format!("Three-field plot: {}", names.join(" – "))
    });
    let shown: Vec<String> = t.items.iter().map(|i| i.len().to_string()).collect();
    let sub = format!(
        "{} items shown; a ribbon's width is the number of records holding both items",
        shown.join(" + ")
    );
    sankey(&headers, &nodes, &links, main, sub, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_follow_flows() {
        // a(0) → c(2) weight 3, b(1) → c(2) weight 1: c's height is a's + b's.
        let node = |label: &str, column| SankeyNode {
            label: label.into(),
            column,
            color: INK,
        };
        let nodes = [node("a", 0), node("b", 0), node("c", 1)];
        let links = [
            SankeyLink {
                from: 0,
                to: 2,
                weight: 3.0,
            },
            SankeyLink {
                from: 1,
                to: 2,
                weight: 1.0,
            },
        ];
        let s = sankey(
            &["x".into(), "y".into()],
            &nodes,
            &links,
            "t".into(),
            "s".into(),
            &FigureOptions::default(),
        );
        let rects: Vec<[f64; 2]> = s
            .layer("nodes")
            .unwrap()
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Rect { size, .. } => Some(*size),
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 3);
        assert!((rects[0][1] - 3.0 * rects[1][1]).abs() < 1e-6);
        assert!((rects[2][1] - (rects[0][1] + rects[1][1])).abs() < 1e-6);
        assert_eq!(s.layer("ribbons").unwrap().shapes.len(), 2);
    }
}
