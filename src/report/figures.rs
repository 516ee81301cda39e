//! The report's own figures as scenes ([`crate::scene`]), so that SVG and PNG come from
//! the same writers as the maps:
//! - [`bursts`]: CiteSpace's "Top N references with the strongest citation bursts" —
//!   one row per item with its label, year, strength, begin and end, and a bar over the
//!   analysed span: light grey before the item's year, blue from it (for a reference:
//!   from its publication), red over the burst years (CiteSpace's glossary: "the
//!   beginning of a blue line depicts when an article is published … the red segment
//!   marks the … burst period"). Rows in the table's order (burst begin).
//! - [`annual_production`]: documents per year as bars, mean citations per document as
//!   a line on a second axis (biblioshiny's annual production and average citations).
//!
//! Every text goes through the shared label engine's placer
//! ([`crate::scene::labels::Placer`]); the columns are measured with the bundled font
//! so that nothing collides, and a text with no room is left out.

use super::bursts::BurstTable;
use super::main_info::MainInformation;
use crate::scene::colors::{BACKGROUND, INK, Rgba};
use crate::scene::labels::{Placer, box_width, text_box};
use crate::scene::text::{Anchor, Bounds};
use crate::scene::{Layer, Scene, Shape, Stroke};

/// Burst years.
pub const BURST_RED: Rgba = Rgba::rgb(0xd6, 0x27, 0x28);
/// Years from the item's publication (or first occurrence).
pub const SPAN_BLUE: Rgba = Rgba::rgb(0x3a, 0x6e, 0xc8);
/// Years before it.
pub const BEFORE_GREY: Rgba = Rgba::rgb(0xdd, 0xdd, 0xdd);
const GREY_TEXT: Rgba = Rgba::rgb(0x55, 0x55, 0x55);

/// Texts placed through the label engine, collected into a layer.
struct Texts<'a> {
    placer: Placer<'a>,
    shapes: Vec<Shape>,
}

impl<'a> Texts<'a> {
    fn new(area: Bounds) -> Self {
        Texts {
            placer: Placer::new(area, &[]),
            shapes: Vec::new(),
        }
    }

    /// Places `text` with its baseline at `pos` if its box is free; returns whether it was.
    fn put(&mut self, pos: [f64; 2], text: &str, size: f64, color: Rgba, anchor: Anchor) -> bool {
        let ok = self.placer.take(text_box(text, size, pos, anchor));
        if ok {
            self.shapes.push(Shape::Text {
                pos,
                text: text.to_string(),
                size,
                color,
                anchor,
                halo: None,
            });
        }
        ok
    }

    fn layer(&mut self, name: &'static str) -> Layer {
        Layer {
            name,
            shapes: std::mem::take(&mut self.shapes),
        }
    }
}

/// `s` cut with an ellipsis so that its box is at most `width` wide at `size`.
pub fn fit(s: &str, width: f64, size: f64) -> String {
    if box_width(s, size) <= width {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut n = chars.len();
    while n > 0 {
        n -= 1;
        let t: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if box_width(&t, size) <= width {
            return t;
        }
    }
    String::new()
}

/// The burst figure's font size.
pub const BURST_FONT: f64 = 12.0;
/// Widest label column of the burst figure (longer labels are cut).
const MAX_LABEL_WIDTH: f64 = 470.0;

/// Column x positions of the burst figure.
struct Columns {
    label: f64,
    label_width: f64,
    year: f64,
    strength: f64,
    begin: f64,
    end: f64,
    bar: f64,
    cell: f64,
    right: f64,
}

fn columns(t: &BurstTable, years: usize, font: f64, margin: f64) -> Columns {
    let widest = t
        .rows
        .iter()
        .map(|r| box_width(&r.label, font))
        .fold(box_width(&t.items, font), f64::max);
    let label_width = widest.min(MAX_LABEL_WIDTH);
    let gap = font * 1.2;
    let num = box_width("Strength", font);
    let year = margin + label_width + gap + num / 2.0;
    let strength = year + num + gap;
    let begin = strength + num + gap;
    let end = begin + num + gap;
    let bar = end + num / 2.0 + gap;
    let cell = (520.0 / years.max(1) as f64).clamp(6.0, 18.0);
    Columns {
        label: margin,
        label_width,
        year,
        strength,
        begin,
        end,
        bar,
        cell,
        right: bar + cell * years as f64 + margin,
    }
}

/// CiteSpace's burst table figure of `t` (module docs).
pub fn bursts(t: &BurstTable) -> Scene {
    let font = BURST_FONT;
    let margin = 20.0;
    let (first, last) = t.span.unwrap_or((0, -1));
    let years = (last - first + 1).max(0) as usize;
    let c = columns(t, years, font, margin);
    let row_h = font * 1.8;
    let title_y = margin + font * 1.3;
    let header_y = title_y + font * 2.4;
    let rows_top = header_y + font * 0.8;
    let caption_y = rows_top + row_h * t.rows.len() as f64 + font * 1.8;
    let (width, height) = (c.right.max(420.0), caption_y + font + margin);
    let mut texts = Texts::new([0.0, 0.0, width, height]);
    let mut layers = Vec::new();
    texts.put([margin, title_y], &t.title(), font * 1.3, INK, Anchor::Start);
    layers.push(texts.layer("title"));
    let heads = [
        (c.label, t.items.as_str(), Anchor::Start),
        (c.year, "Year", Anchor::Middle),
        (c.strength, "Strength", Anchor::Middle),
        (c.begin, "Begin", Anchor::Middle),
        (c.end, "End", Anchor::Middle),
    ];
    for (x, s, anchor) in heads {
        texts.put([x, header_y], s, font, INK, anchor);
    }
    if years > 0 {
        let span = format!("{first} – {last}");
        texts.put([c.bar + c.cell * years as f64 / 2.0, header_y], &span, font, INK, Anchor::Middle);
    }
    layers.push(texts.layer("header"));
    let rule = |y: f64| Shape::Line {
        from: [margin, y],
        to: [width - margin, y],
        stroke: Stroke {
            color: INK,
            width: 0.8,
        },
    };
    let (mut bars, mut red) = (vec![rule(rows_top)], Vec::new());
    for (i, r) in t.rows.iter().enumerate() {
        let mid = rows_top + row_h * (i as f64 + 0.5);
        let base = mid + font * 0.35;
        let label = fit(&r.label, c.label_width, font);
        texts.put([c.label, base], &label, font, INK, Anchor::Start);
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        texts.put([c.year, base], &year, font, INK, Anchor::Middle);
        texts.put([c.strength, base], &format!("{:.2}", r.strength), font, INK, Anchor::Middle);
        texts.put([c.begin, base], &r.begin.to_string(), font, INK, Anchor::Middle);
        texts.put([c.end, base], &r.end.to_string(), font, INK, Anchor::Middle);
        for (k, y) in (first..=last).enumerate() {
            let x = c.bar + c.cell * k as f64;
            let burst = (r.begin..=r.end).contains(&y);
            let (fill, h) = if burst {
                (BURST_RED, font * 0.75)
            } else if r.year.is_some_and(|p| y < p) {
                (BEFORE_GREY, font * 0.3)
            } else {
                (SPAN_BLUE, font * 0.3)
            };
            let rect = Shape::Rect {
                min: [x + 0.5, mid - h / 2.0],
                size: [c.cell - 1.0, h],
                fill,
            };
            if burst { red.push(rect) } else { bars.push(rect) }
        }
    }
    bars.push(rule(rows_top + row_h * t.rows.len() as f64 + font * 0.3));
    layers.push(texts.layer("rows"));
    layers.push(Layer { name: "bars", shapes: bars });
    layers.push(Layer { name: "burst", shapes: red });
    let caption = format!(
        "{} of {} with a burst. {}.",
        t.rows.len(),
        t.with_burst,
        t.settings()
    );
    let caption = fit(&caption, width - 2.0 * margin, font * 0.9);
    texts.put([margin, caption_y], &caption, font * 0.9, GREY_TEXT, Anchor::Start);
    layers.push(texts.layer("caption"));
    Scene {
        width,
        height,
        background: BACKGROUND,
        layers,
    }
}

/// A "nice" axis maximum and step for values up to `max` (1, 2 or 5 × 10^k steps).
fn nice_axis(max: f64, ticks: usize) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 1.0);
    }
    let raw = max / ticks.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// Documents per year (bars) and mean citations per document (line, right axis).
pub fn annual_production(m: &MainInformation) -> Scene {
    let (width, height, font) = (900.0, 420.0, 12.0);
    let (left, right, top, bottom) = (60.0, 60.0, 60.0, 50.0);
    let plot = [left, top, width - right, height - bottom];
    let mut texts = Texts::new([0.0, 0.0, width, height]);
    let mut layers = Vec::new();
    texts.put([left, 28.0], "Annual scientific production", font * 1.3, INK, Anchor::Start);
    let docs = "documents (left axis)";
    let cites = "mean citations per document (right axis)";
    let key_y = 46.0;
    let mut keys = vec![
        Shape::Rect {
            min: [left, key_y - font * 0.75],
            size: [font * 0.8, font * 0.8],
            fill: SPAN_BLUE,
        },
    ];
    texts.put([left + font * 1.2, key_y], docs, font, INK, Anchor::Start);
    let x2 = left + font * 1.2 + box_width(docs, font) + font * 2.0;
    keys.push(Shape::Circle {
        center: [x2 + font * 0.4, key_y - font * 0.35],
        radius: font * 0.35,
        fill: Some(BURST_RED),
        stroke: None,
    });
    texts.put([x2 + font * 1.2, key_y], cites, font, INK, Anchor::Start);
    layers.push(Layer {
        name: "key",
        shapes: keys,
    });
    layers.push(texts.layer("title"));
    let rows = &m.annual_production;
    let n = rows.len().max(1) as f64;
    let cell = (plot[2] - plot[0]) / n;
    let (dmax, dstep) = nice_axis(rows.iter().map(|r| r.documents).max().unwrap_or(0) as f64, 5);
    let cmax_raw = rows.iter().filter_map(|r| r.mean_citations).fold(0.0, f64::max);
    let (cmax, cstep) = nice_axis(cmax_raw, 5);
    let y_of = |v: f64, max: f64| plot[3] - (plot[3] - plot[1]) * v / max;
    let axis = Stroke { color: INK, width: 0.8 };
    let grid = Stroke { color: Rgba::rgb(0xe5, 0xe5, 0xe5), width: 0.6 };
    let mut shapes = vec![];
    let mut v = 0.0;
    while v <= dmax + 1e-9 {
        let y = y_of(v, dmax);
        shapes.push(Shape::Line { from: [plot[0], y], to: [plot[2], y], stroke: grid });
        texts.put([plot[0] - 6.0, y + font * 0.35], &format!("{v}"), font, INK, Anchor::End);
        v += dstep;
    }
    let mut v = 0.0;
    while v <= cmax + 1e-9 {
        let y = y_of(v, cmax);
        texts.put([plot[2] + 6.0, y + font * 0.35], &format!("{v}"), font, BURST_RED, Anchor::Start);
        v += cstep;
    }
    for (i, r) in rows.iter().enumerate() {
        let x = plot[0] + cell * i as f64;
        let y = y_of(r.documents as f64, dmax);
        shapes.push(Shape::Rect {
            min: [x + cell * 0.1, y],
            size: [cell * 0.8, plot[3] - y],
            fill: SPAN_BLUE,
        });
        texts.put([x + cell / 2.0, plot[3] + font * 1.4], &r.year.to_string(), font, INK, Anchor::Middle);
    }
    // The line joins consecutive years only: a year without documents is a gap.
    let points: Vec<Option<[f64; 2]>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Some([plot[0] + cell * (i as f64 + 0.5), y_of(r.mean_citations?, cmax)]))
        .collect();
    let line = Stroke { color: BURST_RED, width: 1.5 };
    for w in points.windows(2) {
        if let [Some(a), Some(b)] = w {
            shapes.push(Shape::Line { from: *a, to: *b, stroke: line });
        }
    }
    for &p in points.iter().flatten() {
        shapes.push(Shape::Circle { center: p, radius: 2.5, fill: Some(BURST_RED), stroke: None });
    }
    shapes.push(Shape::Line { from: [plot[0], plot[3]], to: [plot[2], plot[3]], stroke: axis });
    shapes.push(Shape::Line { from: [plot[0], plot[1]], to: [plot[0], plot[3]], stroke: axis });
    shapes.push(Shape::Line { from: [plot[2], plot[1]], to: [plot[2], plot[3]], stroke: axis });
    layers.push(Layer { name: "plot", shapes });
    layers.push(texts.layer("axes"));
    Scene {
        width,
        height,
        background: BACKGROUND,
        layers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::bursts::BurstRow;

    fn table() -> BurstTable {
        let row = |label: &str, year, strength, begin, end| BurstRow {
            id: label.to_lowercase(),
            label: label.into(),
            year: Some(year),
            strength,
            begin,
            end,
        };
        BurstTable {
            items: "References".into(),
            s: 2.0,
            gamma: 1.0,
            min_years: 2,
            span: Some((2000, 2009)),
            with_burst: 3,
            top: 25,
            rows: vec![
                row("Smith J, 2001, J X, V1, P1", 2001, 3.25, 2002, 2004),
                row("Lee K, 2003, NATURE, V400, P10", 2003, 2.5, 2005, 2009),
            ],
        }
    }

    #[test]
    fn one_red_cell_per_burst_year_and_every_text_placed() {
        let s = bursts(&table());
        // 3 + 5 burst years.
        assert_eq!(s.layer("burst").map(|l| l.shapes.len()), Some(8));
        // 2 rows × 10 years − 8 red cells, plus two rules.
        assert_eq!(s.layer("bars").map(|l| l.shapes.len()), Some(14));
        // 5 texts per row, all placed.
        assert_eq!(s.layer("rows").map(|l| l.shapes.len()), Some(10));
        assert_eq!(s.layer("header").map(|l| l.shapes.len()), Some(6));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let long = "A very long reference label, 2001, SOME JOURNAL, V12, P345";
        let cut = fit(long, 100.0, 12.0);
        assert!(cut.ends_with('…') && box_width(&cut, 12.0) <= 100.0, "{cut}");
        assert_eq!(fit("short", 100.0, 12.0), "short");
        assert_eq!(nice_axis(37.0, 5), (40.0, 10.0));
    }
}
