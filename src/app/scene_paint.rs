//! Paints a core figure ([`crate::scene::Scene`]) into an egui rectangle, scaled to fit
//! with its aspect kept: the app shows the themes figures (and any other scene) with
//! the same shapes the SVG, PNG and PDF writers draw.

use super::colours::egui_colour;
use crate::scene::{Anchor, Scene, Shape};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Pos2, Rect, Stroke, pos2};

/// Draws `scene` into `rect`.
pub fn paint(painter: &egui::Painter, rect: Rect, scene: &Scene) {
    let k = (rect.width() as f64 / scene.width).min(rect.height() as f64 / scene.height);
    let off = [
        rect.center().x as f64 - scene.width * k / 2.0,
        rect.center().y as f64 - scene.height * k / 2.0,
    ];
    let at = |p: [f64; 2]| pos2((off[0] + p[0] * k) as f32, (off[1] + p[1] * k) as f32);
    let size = |s: f64| (s * k) as f32;
    painter.rect_filled(
        Rect::from_min_max(at([0.0, 0.0]), at([scene.width, scene.height])),
        0.0,
        egui_colour(scene.background),
    );
    for layer in &scene.layers {
        for shape in &layer.shapes {
            paint_shape(painter, shape, &at, &size);
        }
    }
}

fn paint_shape(
    painter: &egui::Painter,
    shape: &Shape,
    at: &dyn Fn([f64; 2]) -> Pos2,
    size: &dyn Fn(f64) -> f32,
) {
    match shape {
        Shape::Line { from, to, stroke } => {
            painter.line_segment(
                [at(*from), at(*to)],
                Stroke::new(size(stroke.width).max(0.5), egui_colour(stroke.color)),
            );
        }
        Shape::Circle {
            center,
            radius,
            fill,
            stroke,
        } => {
            let (c, r) = (at(*center), size(*radius));
            if let Some(f) = fill {
                painter.circle_filled(c, r, egui_colour(*f));
            }
            if let Some(s) = stroke {
                painter.circle_stroke(c, r, Stroke::new(size(s.width), egui_colour(s.color)));
            }
        }
        Shape::Rect { min, size: s, fill } => {
            let r = Rect::from_min_max(at(*min), at([min[0] + s[0], min[1] + s[1]]));
            painter.rect_filled(r, 0.0, egui_colour(*fill));
        }
        Shape::Polygon { points, fill } => {
            let pts: Vec<Pos2> = points.iter().map(|&p| at(p)).collect();
            painter.add(egui::Shape::mesh(polygon_mesh(&pts, egui_colour(*fill))));
        }
        Shape::Text {
            pos,
            text,
            size: s,
            color,
            anchor,
            ..
        } => {
            let align = match anchor {
                Anchor::Start => egui::Align2::LEFT_BOTTOM,
                Anchor::Middle => egui::Align2::CENTER_BOTTOM,
                Anchor::End => egui::Align2::RIGHT_BOTTOM,
            };
            // The baseline is near the bottom of the text's box: a quarter size lower.
            let p = at(*pos) + egui::vec2(0.0, size(*s) * 0.25);
            painter.text(
                p,
                align,
                text,
                FontId::proportional(size(*s)),
                egui_colour(*color),
            );
        }
    }
}

/// A filled polygon as triangles: a Sankey ribbon (its top edge forward, then its
/// bottom edge back, as the themes figures build them) as a strip pairing point `i`
/// with point `n − 1 − i`; any other as a fan (right for convex shapes).
fn polygon_mesh(pts: &[Pos2], colour: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for &p in pts {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: WHITE_UV,
            color: colour,
        });
    }
    let n = pts.len() as u32;
    if n < 3 {
        return mesh;
    }
    if n.is_multiple_of(2) && n >= 6 {
        let half = n / 2;
        for i in 0..half - 1 {
            let (a, b) = (i, i + 1);
            let (c, d) = (n - 1 - i, n - 2 - i);
            mesh.add_triangle(a, b, c);
            mesh.add_triangle(b, d, c);
        }
    } else {
        for i in 1..n - 1 {
            mesh.add_triangle(0, i, i + 1);
        }
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ribbons_are_strips_and_small_polygons_fans() {
        let pts: Vec<Pos2> = (0..6).map(|i| pos2(i as f32, 0.0)).collect();
        let m = polygon_mesh(&pts, Color32::RED);
        // 6 points: pairs (0,5), (1,4), (2,3) make 2 quads = 4 triangles.
        assert_eq!(m.indices.len(), 12);
        assert_eq!(&m.indices[..3], &[0, 1, 5]);
        let tri = polygon_mesh(&pts[..3], Color32::RED);
        assert_eq!(tri.indices, vec![0, 1, 2]);
    }
}
