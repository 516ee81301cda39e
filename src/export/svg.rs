//! SVG: a direct serialisation of a [`Scene`], one element per shape, one `<g>` per
//! layer. Text names the bundled font's family ([`FONT_FAMILY`]) with `sans-serif` as
//! the fallback for viewers that do not have it; the PNG and PDF writers load the font
//! themselves.

use crate::scene::colors::Rgba;
use crate::scene::{Anchor, FONT_FAMILY, Scene, Shape, Stroke};
use std::fmt::Write;

/// Coordinates with two decimals: sub-pixel precision, compact files.
fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// Text content or attribute value, XML-escaped, without characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

fn paint(out: &mut String, attr: &str, c: Rgba) {
    let _ = write!(out, r#" {attr}="{}""#, c.hex());
    if c.0[3] < 255 {
        let _ = write!(out, r#" {attr}-opacity="{}""#, num(c.alpha()));
    }
}

fn stroke(out: &mut String, s: &Stroke) {
    paint(out, "stroke", s.color);
    let _ = write!(out, r#" stroke-width="{}""#, num(s.width));
}

fn shape(out: &mut String, s: &Shape) {
    match s {
        Shape::Line {
            from,
            to,
            stroke: st,
        } => {
            let _ = write!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}""#,
                num(from[0]),
                num(from[1]),
                num(to[0]),
                num(to[1])
            );
            stroke(out, st);
            out.push_str("/>\n");
        }
        Shape::Circle {
            center,
            radius,
            fill,
            stroke: st,
        } => {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}""#,
                num(center[0]),
                num(center[1]),
                num(*radius)
            );
            match fill {
                Some(c) => paint(out, "fill", *c),
                None => out.push_str(r#" fill="none""#),
            }
            if let Some(st) = st {
                stroke(out, st);
            }
            out.push_str("/>\n");
        }
        Shape::Rect { min, size, fill } => {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}""#,
                num(min[0]),
                num(min[1]),
                num(size[0]),
                num(size[1])
            );
            paint(out, "fill", *fill);
            out.push_str("/>\n");
        }
        Shape::Polygon { points, fill } => {
            out.push_str(r#"<polygon points=""#);
            for (i, p) in points.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{},{}", num(p[0]), num(p[1]));
            }
            out.push('"');
            paint(out, "fill", *fill);
            out.push_str("/>\n");
        }
        Shape::Text {
            pos,
            text,
            size,
            color,
            anchor,
            halo,
        } => text_element(out, *pos, text, *size, *color, *anchor, *halo),
    }
}

fn text_element(
    out: &mut String,
    pos: [f64; 2],
    text: &str,
    size: f64,
    color: Rgba,
    anchor: Anchor,
    halo: Option<Rgba>,
) {
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}""#,
        num(pos[0]),
        num(pos[1]),
        num(size)
    );
    paint(out, "fill", color);
    if let Some(h) = halo {
        paint(out, "stroke", h);
        let _ = write!(
            out,
            r#" stroke-width="{}" stroke-linejoin="round" paint-order="stroke""#,
            num(size * 0.25)
        );
    }
    let _ = writeln!(out, ">{}</text>", escape(text));
}

/// The scene as an SVG document.
pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::with_capacity(
        256 + scene
            .layers
            .iter()
            .map(|l| l.shapes.len() * 90)
            .sum::<usize>(),
    );
    let (w, h) = (num(scene.width), num(scene.height));
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}, sans-serif">"#
    );
    out.push_str(r#"<rect width="100%" height="100%""#);
    paint(&mut out, "fill", scene.background);
    out.push_str("/>\n");
    for layer in &scene.layers {
        let _ = writeln!(out, r#"<g id="{}">"#, layer.name);
        for s in &layer.shapes {
            shape(&mut out, s);
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_escaping() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.346), "2.35");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
