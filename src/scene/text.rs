//! Text in figures: the bundled font (Ubuntu Light, the font egui draws with, so a
//! figure's labels look like the app's), text widths measured from the font's own
//! advance widths, and greedy label placement without overlap.
//!
//! Placement is the greedy rule used by most map viewers (e.g. VOSviewer draws labels
//! in order of item weight and skips one that would overlap a label already drawn):
//! candidates come in order of importance; each tries the positions right, left, above
//! and below its node and takes the first whose box overlaps no placed box and stays in
//! the plot; a candidate with no free position is left out.

use std::sync::OnceLock;

/// The bundled font file (Ubuntu Font Licence 1.0, see `assets/fonts/UFL.txt`).
pub static FONT_DATA: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");
/// The family the figures name; the font's typographic family.
pub const FONT_FAMILY: &str = "Ubuntu";

/// Advance widths of ASCII and Latin-1 characters in em, and the fallback for others.
struct Metrics {
    advance: [f32; 256],
    fallback: f32,
    ascent: f32,
}

fn metrics() -> &'static Metrics {
    static M: OnceLock<Metrics> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = Metrics {
            advance: [0.55; 256],
            fallback: 0.55,
            ascent: 0.93,
        };
        if let Ok(face) = ttf_parser::Face::parse(FONT_DATA, 0) {
            let upem = face.units_per_em() as f32;
            m.ascent = face.ascender() as f32 / upem;
            for (i, a) in m.advance.iter_mut().enumerate() {
                let w = char::from_u32(i as u32)
                    .and_then(|c| face.glyph_index(c))
                    .and_then(|g| face.glyph_hor_advance(g));
                if let Some(w) = w {
                    *a = w as f32 / upem;
                }
            }
            m.fallback = m.advance[b'n' as usize];
        }
        m
    })
}

/// Width of `text` at font size `size` (same units as `size`), without kerning.
pub fn text_width(text: &str, size: f64) -> f64 {
    let m = metrics();
    let em: f32 = text
        .chars()
        .map(|c| m.advance.get(c as usize).copied().unwrap_or(m.fallback))
        .sum();
    em as f64 * size
}

/// Height above the baseline of capitals and ascenders, as a share of the size.
pub fn ascent(size: f64) -> f64 {
    metrics().ascent as f64 * size
}

/// Horizontal alignment of a text at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// An axis-aligned box: min x, min y, max x, max y.
pub type Bounds = [f64; 4];

fn overlaps(a: &Bounds, b: &Bounds) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
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

/// Places labels in the given order (most important first) inside `area`, avoiding
/// each other and the boxes in `taken`.
pub fn place_labels(requests: &[LabelRequest], area: Bounds, taken: &[Bounds]) -> Vec<Placed> {
    place_labels_with(requests, &[], area, taken)
}

/// As [`place_labels`]; a request `i` with `centred[i]` first tries a position centred
/// on its point (cluster labels).
pub fn place_labels_with(
    requests: &[LabelRequest],
    centred: &[bool],
    area: Bounds,
    taken: &[Bounds],
) -> Vec<Placed> {
    let mut boxes: Vec<Bounds> = taken.to_vec();
    let mut out = Vec::new();
    for (i, r) in requests.iter().enumerate() {
        let w = text_width(&r.text, r.size);
        let asc = ascent(r.size);
        let h = r.size * 1.15;
        let gap = r.radius + r.size * 0.25;
        let [cx, cy] = r.center;
        // A box's baseline puts the glyphs' middle at the box's middle.
        let at = |left: f64, top: f64, anchor: Anchor| {
            let x = match anchor {
                Anchor::Start => left,
                Anchor::Middle => left + w / 2.0,
                Anchor::End => left + w,
            };
            ([x, top + h / 2.0 + asc / 2.0], anchor, [left, top])
        };
        // Above and below clear the circle and the band of labels beside it.
        let v = gap.max(h / 2.0);
        let centre = at(cx - w / 2.0, cy - h / 2.0, Anchor::Middle);
        let around = [
            at(cx + gap, cy - h / 2.0, Anchor::Start),
            at(cx - gap - w, cy - h / 2.0, Anchor::End),
            at(cx - w / 2.0, cy - v - h, Anchor::Middle),
            at(cx - w / 2.0, cy + v, Anchor::Middle),
        ];
        let first = centred.get(i).copied().unwrap_or(false).then_some(centre);
        for (pos, anchor, min) in first.into_iter().chain(around) {
            let b = [min[0], min[1], min[0] + w, min[1] + h];
            let inside = b[0] >= area[0] && b[1] >= area[1] && b[2] <= area[2] && b[3] <= area[3];
            if inside && !boxes.iter().any(|o| overlaps(o, &b)) {
                boxes.push(b);
                out.push(Placed {
                    request: i,
                    pos,
                    anchor,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Ubuntu Light: 'W' is wider than 'i'; a string is the sum of its characters.
        assert!(text_width("W", 10.0) > 2.0 * text_width("i", 10.0));
        let ab = text_width("ab", 12.0);
        assert!((ab - text_width("a", 12.0) - text_width("b", 12.0)).abs() < 1e-9);
        assert!(ascent(10.0) > 5.0 && ascent(10.0) < 12.0);
    }

    #[test]
    fn second_label_moves_then_drops() {
        let req = |x: f64| LabelRequest {
            text: "Label".into(),
            size: 10.0,
            center: [x, 50.0],
            radius: 2.0,
        };
        let area = [0.0, 0.0, 200.0, 100.0];
        // Same node three times: right, then left, then above.
        let placed = place_labels(&[req(100.0), req(100.0), req(100.0)], area, &[]);
        let anchors: Vec<Anchor> = placed.iter().map(|p| p.anchor).collect();
        assert_eq!(anchors, vec![Anchor::Start, Anchor::End, Anchor::Middle]);
        // A label that cannot fit inside the area is dropped.
        let tight = place_labels(&[req(100.0)], [95.0, 45.0, 105.0, 55.0], &[]);
        assert!(tight.is_empty());
    }
}
