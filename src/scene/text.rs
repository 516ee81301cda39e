//! Text in figures: the bundled font (Ubuntu Light, the font egui draws with, so a
//! figure's labels look like the app's) and text widths measured from the font's own
//! advance widths. Where labels go is the label engine's ([`super::labels`]).

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
}
