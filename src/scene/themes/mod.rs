//! Figures of the conceptual structure ([`crate::themes`]), in the look of the map
//! figures (bundled font, [`super::colors`] palette, title and subtitle in the same
//! place):
//! - [`thematic_map`]: the strategic diagram, as bibliometrix's `thematicMap()` plots
//!   it — themes at (rank of centrality, rank of density), dashed split lines at the
//!   mean ranks, quadrant names in the corners, bubble radius linear in log(size)
//!   (`scale_radius`), labels = each theme's top words;
//! - [`evolution`] and [`three_field`]: Sankey diagrams ([`sankey`]) with one column
//!   per period or field, as biblioshiny's plotly Sankeys: a node's height is the larger
//!   of its incoming and outgoing flow, a ribbon's width its weight.
//!
//! Every label goes through one function (`place`), the one call into the shared
//! label engine's placer ([`super::labels::Placer`]), so a label never
//! overlaps another label or a quadrant name; a label with no free position is left
//! out (a map label first retries with the theme's top word alone).

mod map;
mod sankey;

pub use map::thematic_map;
pub use sankey::{SankeyLink, SankeyNode, evolution, sankey, three_field};

use super::colors::{INK, Rgba};
use super::text::{self, Anchor, Bounds};
use super::{Layer, Shape, Stroke};
use serde::{Deserialize, Serialize};

/// Size and text of a themes figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FigureOptions {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Resolution of PNG output (a PNG is `width · dpi / 96` pixels wide).
    pub dpi: f64,
    /// Title; `None` gives a default naming the figure.
    pub title: Option<String>,
    /// Words in a theme's label on the thematic map.
    pub label_words: usize,
}

impl Default for FigureOptions {
    fn default() -> Self {
        FigureOptions {
            width: 1400.0,
            height: 1000.0,
            dpi: 144.0,
            title: None,
            label_words: 3,
        }
    }
}

impl FigureOptions {
    /// Width and height, at least 300 × 200.
    fn size(&self) -> (f64, f64) {
        let ok = |v: f64, min: f64| if v.is_finite() { v.max(min) } else { min };
        (ok(self.width, 300.0), ok(self.height, 200.0))
    }

    /// The base text size of the map figures for this size.
    fn font(&self) -> f64 {
        let (w, h) = self.size();
        (w.min(h) / 75.0).clamp(9.0, 18.0)
    }
}

/// The title and subtitle, placed as in the map figures.
fn title(main: String, sub: String, left: f64, font: f64) -> Layer {
    Layer {
        name: "title",
        shapes: vec![
            text_shape([left, font * 2.0], main, font * 1.6, INK, Anchor::Start),
            text_shape(
                [left, font * 3.5],
                sub,
                font,
                Rgba::rgb(0x55, 0x55, 0x55),
                Anchor::Start,
            ),
        ],
    }
}

fn text_shape(pos: [f64; 2], text: String, size: f64, color: Rgba, anchor: Anchor) -> Shape {
    Shape::Text {
        pos,
        text,
        size,
        color,
        anchor,
        halo: None,
    }
}

/// A dashed line from `a` to `b` (dashes of `dash`, gaps of `dash / 2`).
fn dashed(a: [f64; 2], b: [f64; 2], dash: f64, stroke: Stroke) -> Vec<Shape> {
    let len = ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
    let mut out = Vec::new();
    if len <= 0.0 || dash <= 0.0 {
        return out;
    }
    let at = |t: f64| {
        [
            a[0] + (b[0] - a[0]) * t / len,
            a[1] + (b[1] - a[1]) * t / len,
        ]
    };
    let mut t = 0.0;
    while t < len {
        out.push(Shape::Line {
            from: at(t),
            to: at((t + dash).min(len)),
            stroke,
        });
        t += dash * 1.5;
    }
    out
}

/// The box a text takes with its baseline at `pos` (the label engine's box).
fn text_box(pos: [f64; 2], text: &str, size: f64, anchor: Anchor) -> Bounds {
    super::labels::text_box(text, size, pos, anchor)
}

/// A label to place next to a circle.
#[derive(Debug, Clone)]
pub struct LabelRequest {
    pub text: String,
    pub size: f64,
    /// Centre and radius of what the label names.
    pub center: [f64; 2],
    pub radius: f64,
}

/// A placed label: its baseline anchor point and alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index into the requests.
    pub request: usize,
    pub pos: [f64; 2],
    pub anchor: Anchor,
}

/// Places labels without collisions with the shared label engine's placer
/// ([`super::labels::Placer`]). Requests come most important first; `centred[i]`
/// first tries a position centred on the point, then beside it. The boxes of the
/// placed labels are added to `taken`, so successive calls avoid each other.
fn place(
    requests: &[LabelRequest],
    centred: &[bool],
    area: Bounds,
    taken: &mut Vec<Bounds>,
) -> Vec<Placed> {
    let before = taken.clone();
    let mut placer = super::labels::Placer::new(area, &before);
    let mut out = Vec::new();
    for (i, r) in requests.iter().enumerate() {
        let centre = centred.get(i).copied().unwrap_or(false).then(|| {
            let pos = [r.center[0], r.center[1] + text::ascent(r.size) / 2.0];
            (
                pos,
                Anchor::Middle,
                text_box(pos, &r.text, r.size, Anchor::Middle),
            )
        });
        let spot = match centre {
            Some((pos, anchor, b)) if placer.take(b) => Some((pos, anchor, b)),
            _ => placer.beside(&r.text, r.size, r.center, r.radius),
        };
        if let Some((pos, anchor, b)) = spot {
            taken.push(b);
            out.push(Placed {
                request: i,
                pos,
                anchor,
            });
        }
    }
    out
}

/// Placed labels as text shapes with a white halo.
fn label_shapes(requests: &[LabelRequest], placed: &[Placed], color: Rgba) -> Vec<Shape> {
    placed
        .iter()
        .map(|p| Shape::Text {
            pos: p.pos,
            text: requests[p.request].text.clone(),
            size: requests[p.request].size,
            color,
            anchor: p.anchor,
            halo: Some(super::colors::BACKGROUND.with_alpha(0.85)),
        })
        .collect()
}

/// `s` cut (with an ellipsis) to fit `width` at `size`.
fn fit(s: &str, size: f64, width: f64) -> String {
    if text::text_width(s, size) <= width {
        return s.to_string();
    }
    let mut n = s.chars().count();
    while n > 1 {
        n -= 1;
        let t = super::truncate(s, n);
        if text::text_width(&t, size) <= width {
            return t;
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_box_matches_placement() {
        // A label placed to the right of a point has the box the engine checked.
        let req = LabelRequest {
            text: "motor".into(),
            size: 12.0,
            center: [100.0, 100.0],
            radius: 5.0,
        };
        let mut taken = Vec::new();
        let p = place(
            std::slice::from_ref(&req),
            &[],
            [0.0, 0.0, 400.0, 400.0],
            &mut taken,
        );
        assert_eq!(p.len(), 1);
        let b = taken[0];
        assert!((b[0] - (100.0 + 5.0 + 3.0)).abs() < 1e-9);
        assert!(
            b[1] < 100.0 && b[3] > 100.0,
            "beside the point, at its height"
        );
        // The same request again cannot take the same box.
        let q = place(&[req], &[], [0.0, 0.0, 400.0, 400.0], &mut taken);
        assert_ne!(q[0].anchor, Anchor::Start);
    }

    #[test]
    fn dashes_and_fit() {
        let s = Stroke {
            color: INK,
            width: 1.0,
        };
        // 0..10, 15..25, 30..40, 45..50.
        assert_eq!(dashed([0.0, 0.0], [50.0, 0.0], 10.0, s).len(), 4);
        let f = fit("a very long keyword label", 12.0, 60.0);
        assert!(f.ends_with('…') && text::text_width(&f, 12.0) <= 60.0);
        assert_eq!(fit("ok", 12.0, 60.0), "ok");
    }
}
