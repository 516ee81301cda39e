//! Annual scientific production: documents per year as bars (left axis) and the mean
//! global citations per document of each year as a line (right axis); the line joins
//! consecutive years only, so a year without documents is a gap.

use super::{BURST_RED, SPAN_BLUE, Texts, nice_axis};
use crate::report::main_info::MainInformation;
use crate::scene::colors::{BACKGROUND, INK, Rgba};
use crate::scene::labels::box_width;
use crate::scene::text::{Anchor, Bounds};
use crate::scene::{Layer, Scene, Shape, Stroke};

const WIDTH: f64 = 900.0;
const HEIGHT: f64 = 420.0;
const FONT: f64 = 12.0;

/// The title and the key of the two series.
fn key(texts: &mut Texts, left: f64) -> Vec<Shape> {
    texts.put(
        [left, 28.0],
        "Annual scientific production",
        FONT * 1.3,
        INK,
        Anchor::Start,
    );
    let docs = "documents (left axis)";
    let cites = "mean citations per document (right axis)";
    let y = 46.0;
    texts.put([left + FONT * 1.2, y], docs, FONT, INK, Anchor::Start);
    let x2 = left + FONT * 1.2 + box_width(docs, FONT) + FONT * 2.0;
    texts.put([x2 + FONT * 1.2, y], cites, FONT, INK, Anchor::Start);
    vec![
        Shape::Rect {
            min: [left, y - FONT * 0.75],
            size: [FONT * 0.8, FONT * 0.8],
            fill: SPAN_BLUE,
        },
        Shape::Circle {
            center: [x2 + FONT * 0.4, y - FONT * 0.35],
            radius: FONT * 0.35,
            fill: Some(BURST_RED),
            stroke: None,
        },
    ]
}

/// Ticks of one axis from 0 to `max` by `step`, labelled in `color`: the left axis
/// (with a grid line across the plot at each tick) or the right one.
fn ticks(
    plot: Bounds,
    (max, step): (f64, f64),
    left: bool,
    color: Rgba,
    texts: &mut Texts,
) -> Vec<Shape> {
    let grid = Stroke {
        color: Rgba::rgb(0xe5, 0xe5, 0xe5),
        width: 0.6,
    };
    let mut out = Vec::new();
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let y = plot[3] - (plot[3] - plot[1]) * v / max;
        let base = y + FONT * 0.35;
        if left {
            out.push(Shape::Line {
                from: [plot[0], y],
                to: [plot[2], y],
                stroke: grid,
            });
            texts.put(
                [plot[0] - 6.0, base],
                &format!("{v}"),
                FONT,
                color,
                Anchor::End,
            );
        } else {
            texts.put(
                [plot[2] + 6.0, base],
                &format!("{v}"),
                FONT,
                color,
                Anchor::Start,
            );
        }
        v += step;
    }
    out
}

/// Documents per year (bars) and mean citations per document (line, right axis).
pub fn annual_production(m: &MainInformation) -> Scene {
    let plot: Bounds = [60.0, 60.0, WIDTH - 60.0, HEIGHT - 50.0];
    let mut texts = Texts::new([0.0, 0.0, WIDTH, HEIGHT]);
    let keys = key(&mut texts, plot[0]);
    let mut layers = vec![
        texts.layer("title"),
        Layer {
            name: "key",
            shapes: keys,
        },
    ];
    let rows = &m.annual_production;
    let cell = (plot[2] - plot[0]) / rows.len().max(1) as f64;
    let docs = nice_axis(
        rows.iter().map(|r| r.documents).max().unwrap_or(0) as f64,
        5,
    );
    let cites = nice_axis(
        rows.iter()
            .filter_map(|r| r.mean_citations)
            .fold(0.0, f64::max),
        5,
    );
    let y_of = |v: f64, max: f64| plot[3] - (plot[3] - plot[1]) * v / max;
    let mut shapes = ticks(plot, docs, true, INK, &mut texts);
    ticks(plot, cites, false, BURST_RED, &mut texts);
    for (i, r) in rows.iter().enumerate() {
        let x = plot[0] + cell * i as f64;
        let y = y_of(r.documents as f64, docs.0);
        shapes.push(Shape::Rect {
            min: [x + cell * 0.1, y],
            size: [cell * 0.8, plot[3] - y],
            fill: SPAN_BLUE,
        });
        let year = r.year.to_string();
        texts.put(
            [x + cell / 2.0, plot[3] + FONT * 1.4],
            &year,
            FONT,
            INK,
            Anchor::Middle,
        );
    }
    let points: Vec<Option<[f64; 2]>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Some([
                plot[0] + cell * (i as f64 + 0.5),
                y_of(r.mean_citations?, cites.0),
            ])
        })
        .collect();
    let line = Stroke {
        color: BURST_RED,
        width: 1.5,
    };
    for w in points.windows(2) {
        if let [Some(a), Some(b)] = w {
            shapes.push(Shape::Line {
                from: *a,
                to: *b,
                stroke: line,
            });
        }
    }
    for &p in points.iter().flatten() {
        shapes.push(Shape::Circle {
            center: p,
            radius: 2.5,
            fill: Some(BURST_RED),
            stroke: None,
        });
    }
    let axis = Stroke {
        color: INK,
        width: 0.8,
    };
    for (a, b) in [([0, 3], [2, 3]), ([0, 1], [0, 3]), ([2, 1], [2, 3])] {
        shapes.push(Shape::Line {
            from: [plot[a[0]], plot[a[1]]],
            to: [plot[b[0]], plot[b[1]]],
            stroke: axis,
        });
    }
    layers.push(Layer {
        name: "plot",
        shapes,
    });
    layers.push(texts.layer("axes"));
    Scene {
        width: WIDTH,
        height: HEIGHT,
        background: BACKGROUND,
        layers,
    }
}
