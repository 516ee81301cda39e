//! The legend column on the right of a figure: node sizes, rings, cluster colours and
//! the year colour scale.

use super::colors::{self, INK, Rgba};
use super::draw::{Frame, ring_shape};
use super::labels::truncate;
use super::text::{self, Anchor};
use super::{Layer, NodeColoring, SceneOptions, Shape, count_noun, year_scale};
use crate::network::NodeKind;
use crate::pipeline::Analysis;

struct Column {
    x: f64,
    y: f64,
    width: f64,
    font: f64,
    shapes: Vec<Shape>,
}

impl Column {
    fn text(&mut self, x: f64, text: String, size: f64, color: Rgba) {
        self.shapes.push(Shape::Text {
            pos: [x, self.y],
            text,
            size,
            color,
            anchor: Anchor::Start,
            halo: None,
        });
    }

    fn heading(&mut self, s: &str) {
        self.y += self.font * 1.6;
        self.text(self.x, s.to_string(), self.font * 1.1, INK);
        self.y += self.font * 0.6;
    }

    /// A row with a symbol of height `h` at the left and `label` beside it.
    fn row(&mut self, h: f64, label: String, symbol: impl FnOnce([f64; 2]) -> Vec<Shape>) {
        let c = [self.x + self.font, self.y + h / 2.0];
        self.shapes.extend(symbol(c));
        let max_chars = ((self.width - self.font * 3.0) / (self.font * 0.5)) as usize;
        let base = c[1] + text::ascent(self.font) / 2.0;
        self.shapes.push(Shape::Text {
            pos: [self.x + self.font * 2.6, base],
            text: truncate(&label, max_chars.max(8)),
            size: self.font,
            color: INK,
            anchor: Anchor::Start,
            halo: None,
        });
        self.y += h.max(self.font * 1.2) + self.font * 0.4;
    }
}

pub(super) fn legend(a: &Analysis, opts: &SceneOptions, f: &Frame, w: f64, max: u32) -> Layer {
    let x = f.plot[2] + f.font * 1.5;
    let mut col = Column {
        x,
        y: f.plot[1],
        width: w - x - f.font,
        font: f.font * 0.9,
        shapes: Vec::new(),
    };
    sizes(&mut col, a, f, max);
    // An imported network has no records, so no bursts.
    rings(&mut col, f, a.network.kind != NodeKind::Imported);
    if a.main_path.is_some() {
        main_path(&mut col, f);
    }
    clusters(&mut col, a);
    if opts.tree_rings || opts.coloring == NodeColoring::Year || !a.network.links.is_empty() {
        years(&mut col, a);
    }
    Layer {
        name: "legend",
        shapes: col.shapes,
    }
}

fn sizes(col: &mut Column, a: &Analysis, f: &Frame, max: u32) {
    if max == 0 {
        return;
    }
    col.heading(&format!("Node size ({})", count_noun(a.network.kind)));
    let min = a.network.nodes.iter().map(|n| n.count).min().unwrap_or(0);
    let mut counts = vec![max, (max + min) / 2, min];
    counts.dedup();
    for c in counts {
        let r = f.radius_of(c);
        col.row(2.0 * r, c.to_string(), |centre| {
            vec![Shape::Circle {
                center: [centre[0] + f.r_max - r, centre[1]],
                radius: r,
                fill: Some(Rgba::rgb(0xbb, 0xbb, 0xbb)),
                stroke: None,
            }]
        });
    }
}

fn rings(col: &mut Column, f: &Frame, bursts: bool) {
    let r = f.r_min.max(col.font * 0.45);
    let ring = (r * 0.5).max(1.5);
    col.heading("Rings");
    let rows = [
        (colors::CENTRALITY_RING, "betweenness ≥ 0.1".to_string()),
        (colors::BURST_RING, "citation burst".to_string()),
    ];
    for (color, label) in rows.into_iter().take(if bursts { 2 } else { 1 }) {
        col.row(2.0 * (r + ring), label, |c| {
            vec![
                Shape::Circle {
                    center: c,
                    radius: r,
                    fill: Some(Rgba::rgb(0xbb, 0xbb, 0xbb)),
                    stroke: None,
                },
                ring_shape(c, r + ring / 2.0, ring, color),
            ]
        });
    }
}

fn main_path(col: &mut Column, f: &Frame) {
    let (h, half) = (col.font, col.font * 0.8);
    col.row(h, "main path".to_string(), |c| {
        vec![Shape::Line {
            from: [c[0] - half, c[1]],
            to: [c[0] + half, c[1]],
            stroke: super::Stroke {
                color: colors::MAIN_PATH,
                width: f.r_min * 2.4,
            },
        }]
    });
}

fn clusters(col: &mut Column, a: &Analysis) {
    if a.clusters.is_empty() {
        return;
    }
    col.heading("Clusters");
    let r = col.font * 0.45;
    for c in a.clusters.iter().take(12) {
        let label = format!("#{} {} ({})", c.id, c.label, c.size);
        col.row(2.0 * r, label, |centre| {
            vec![Shape::Circle {
                center: centre,
                radius: r,
                fill: Some(colors::cluster_color(Some(c.id))),
                stroke: None,
            }]
        });
    }
    if a.clusters.len() > 12 {
        let more = format!("… {} more", a.clusters.len() - 12);
        col.y += col.font;
        col.text(col.x, more, col.font, INK);
    }
}

fn years(col: &mut Column, a: &Analysis) {
    let (y0, y1) = year_scale(a);
    if y1 < y0 || (y0, y1) == (0, 0) {
        return;
    }
    col.heading("Year (rings, links)");
    let n = (y1 - y0 + 1) as f64;
    let bar_w = (col.width - col.font).max(col.font * 4.0);
    let cell = bar_w / n;
    let bar_h = col.font * 1.0;
    for (i, y) in (y0..=y1).enumerate() {
        col.shapes.push(Shape::Rect {
            min: [col.x + i as f64 * cell, col.y],
            size: [cell + 0.4, bar_h],
            fill: colors::year_color(y, y0, y1),
        });
    }
    col.y += bar_h + col.font * 1.1;
    let mut tick = |x: f64, year: i32, anchor: Anchor| {
        col.shapes.push(Shape::Text {
            pos: [x, col.y],
            text: year.to_string(),
            size: col.font,
            color: INK,
            anchor,
            halo: None,
        });
    };
    tick(col.x, y0, Anchor::Start);
    if y1 > y0 {
        tick(col.x + bar_w, y1, Anchor::End);
    }
}
