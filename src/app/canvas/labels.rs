//! Text on the canvas: the labels the shared engine ([`crate::scene::labels`], the
//! same code every figure uses) places for this frame, drawn on a soft backing, and the
//! year axis of the time views.

use super::{CanvasInput, MAX_LABELS, Transform};
use crate::scene::labels::{self, CLUSTER_FONT_SCALE, Label, LabelTarget, LabelView};
use crate::scene::text::ascent;
use crate::scene::view::YEAR_WIDTH;
use egui::{Color32, FontId, Pos2, Rect, Stroke, pos2};

/// Size of node labels on the canvas (points); cluster labels are
/// [`CLUSTER_FONT_SCALE`] times larger, as in the figures.
pub const NODE_FONT: f64 = 12.0;

/// The labels of this frame: the engine on the canvas's screen positions. Selected
/// and hovered nodes are labelled first.
pub fn place(input: &CanvasInput, screen: &[Pos2], radius: &[f32], rect: Rect) -> Vec<Label> {
    let pos: Vec<[f64; 2]> = screen.iter().map(|p| [p.x as f64, p.y as f64]).collect();
    let radius: Vec<f64> = radius.iter().map(|&r| r as f64).collect();
    let area = [
        rect.min.x as f64,
        rect.min.y as f64,
        rect.max.x as f64,
        rect.max.y as f64,
    ];
    let mut first: Vec<u32> = input.selection.nodes.clone();
    first.extend(input.hover);
    labels::place(&LabelView {
        net: input.net,
        clusters: input.clusters,
        pos: &pos,
        radius: &radius,
        visible: input.nodes_visible,
        area,
        node_font: NODE_FONT,
        cluster_font: NODE_FONT * CLUSTER_FONT_SCALE,
        max_node_labels: labels::budget(area, MAX_LABELS),
        cluster_labels: input.cluster_rule,
        rows: input.rows,
        first: &first,
        taken: &[],
    })
}

/// Draws placed labels: cluster labels in their cluster's colour, each on a backing
/// that keeps it readable over links and nodes.
pub fn draw_labels(painter: &egui::Painter, input: &CanvasInput, placed: &[Label]) {
    let text_colour = if input.dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(20)
    };
    // As opaque as the figures' halo (0.85), so labels read over a dense map.
    let backing = if input.dark {
        Color32::from_black_alpha(200)
    } else {
        Color32::from_white_alpha(215)
    };
    for l in placed {
        let colour = match l.target {
            LabelTarget::Cluster(c) => super::super::colours::egui_colour(
                crate::scene::colors::cluster_text_color(Some(c), input.dark),
            ),
            LabelTarget::Node(_) => text_colour,
        };
        let [x0, y0, x1, y1] = l.bounds;
        let r = Rect::from_min_max(pos2(x0 as f32, y0 as f32), pos2(x1 as f32, y1 as f32));
        painter.rect_filled(r, 2.0, backing);
        let galley =
            painter.layout_no_wrap(l.text.clone(), FontId::proportional(l.size as f32), colour);
        let w = galley.size().x;
        let left = match l.anchor {
            crate::scene::Anchor::Start => l.pos[0] as f32,
            crate::scene::Anchor::Middle => l.pos[0] as f32 - w / 2.0,
            crate::scene::Anchor::End => l.pos[0] as f32 - w,
        };
        let top = (l.pos[1] - ascent(l.size)) as f32;
        painter.galley(pos2(left, top), galley, colour);
    }
    if input.net.nodes.is_empty() {
        painter.text(
            painter.clip_rect().center(),
            egui::Align2::CENTER_CENTER,
            "No network yet",
            FontId::proportional(18.0),
            text_colour,
        );
    }
}

/// Vertical year lines with the years along the top (timeline and time-zone views).
pub fn draw_year_axis(
    painter: &egui::Painter,
    t: &Transform,
    axis: crate::scene::view::YearAxis,
    dark: bool,
) {
    let colour = if dark {
        Color32::from_gray(60)
    } else {
        Color32::from_gray(225)
    };
    let text = if dark {
        Color32::from_gray(170)
    } else {
        Color32::from_gray(90)
    };
    let step = ((45.0 / (YEAR_WIDTH * t.camera.zoom_x())).ceil() as i32).max(1);
    let (first, last) = (axis.first, axis.last);
    let mut year = first;
    while year <= last {
        let x = t
            .to_screen(pos2(((year - first) as f64 * YEAR_WIDTH) as f32, 0.0))
            .x;
        if t.rect.x_range().contains(x) {
            painter.line_segment(
                [pos2(x, t.rect.min.y), pos2(x, t.rect.max.y)],
                Stroke::new(1.0, colour),
            );
            painter.text(
                pos2(x, t.rect.min.y + 4.0),
                egui::Align2::CENTER_TOP,
                axis.label(year),
                FontId::proportional(12.0),
                text,
            );
        }
        year += step;
    }
}
