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

mod annual;
mod bursts;

pub use annual::annual_production;
pub use bursts::bursts;

use crate::scene::colors::Rgba;
use crate::scene::labels::{Placer, box_width, text_box};
use crate::scene::text::{Anchor, Bounds};
use crate::scene::{Layer, Shape};

/// Burst years.
pub const BURST_RED: Rgba = Rgba::rgb(0xd6, 0x27, 0x28);
/// Years from the item's publication (or first occurrence).
pub const SPAN_BLUE: Rgba = Rgba::rgb(0x3a, 0x6e, 0xc8);
/// Years before it.
pub const BEFORE_GREY: Rgba = Rgba::rgb(0xdd, 0xdd, 0xdd);
/// Captions.
pub const GREY_TEXT: Rgba = Rgba::rgb(0x55, 0x55, 0x55);

/// Texts placed through the label engine, collected into a layer.
pub(crate) struct Texts<'a> {
    placer: Placer<'a>,
    shapes: Vec<Shape>,
}

impl<'a> Texts<'a> {
    pub(crate) fn new(area: Bounds) -> Self {
        Texts {
            placer: Placer::new(area, &[]),
            shapes: Vec::new(),
        }
    }

    /// Places `text` with its baseline at `pos` if its box is free; returns whether it was.
    pub(crate) fn put(
        &mut self,
        pos: [f64; 2],
        text: &str,
        size: f64,
        color: Rgba,
        anchor: Anchor,
    ) -> bool {
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

    pub(crate) fn layer(&mut self, name: &'static str) -> Layer {
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

/// A "nice" axis maximum and step for values up to `max` (1, 2 or 5 × 10^k steps).
pub(crate) fn nice_axis(max: f64, ticks: usize) -> (f64, f64) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::bursts::{BurstRow, BurstTable};

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
        assert!(
            cut.ends_with('…') && box_width(&cut, 12.0) <= 100.0,
            "{cut}"
        );
        assert_eq!(fit("short", 100.0, 12.0), "short");
        assert_eq!(nice_axis(37.0, 5), (40.0, 10.0));
    }
}
