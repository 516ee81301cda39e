//! Text on the canvas: cluster labels at their members' centroid (in the timeline view
//! at the right end of their row), node labels placed
//! greedily (largest nodes first, skipping any that would overlap one already placed,
//! so more fit as the zoom spreads the nodes), and the year axis of the time views.

use super::canvas::{CanvasInput, MAX_LABELS, Transform};
use super::scene;
use egui::{Color32, FontId, Pos2, Rect, Stroke, Vec2, pos2, vec2};

/// Cluster labels at their members' centroid, then node labels largest first; a label
/// is skipped if it would overlap one already placed.
pub(super) fn draw_labels(
    painter: &egui::Painter,
    input: &CanvasInput,
    screen: &[Pos2],
    radius: &[f32],
    rect: Rect,
) {
    let text_colour = if input.dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(20)
    };
    let mut placed: Vec<Rect> = Vec::new();
    // `at` is the label's centre, or with `left` the middle of its left edge.
    let place_at = |text: &str,
                    at: Pos2,
                    left: bool,
                    font: FontId,
                    colour: Color32,
                    placed: &mut Vec<Rect>| {
        let galley = painter.layout_no_wrap(text.to_string(), font, colour);
        let size = galley.size();
        let r = if left {
            Rect::from_min_size(at - vec2(0.0, size.y / 2.0), size)
        } else {
            Rect::from_center_size(at, size)
        }
        .expand(1.0);
        if !rect.contains_rect(r) || placed.iter().any(|p| p.intersects(r)) {
            return;
        }
        painter.rect_filled(
            r,
            2.0,
            if input.dark {
                Color32::from_black_alpha(120)
            } else {
                Color32::from_white_alpha(150)
            },
        );
        painter.galley(r.min + vec2(1.0, 1.0), galley, colour);
        placed.push(r);
    };
    let place = |text: &str, at: Pos2, font: FontId, colour: Color32, placed: &mut Vec<Rect>| {
        place_at(text, at, false, font, colour, placed)
    };
    // Timeline view: each cluster's label at the right end of its row, as CiteSpace
    // draws it, clear of the nodes.
    let row_end = input.label_rows.then(|| {
        (0..screen.len())
            .filter(|&i| input.nodes_visible[i])
            .map(|i| screen[i].x + radius[i])
            .fold(f32::NEG_INFINITY, f32::max)
            + 12.0
    });
    for (cid, label) in input.cluster_labels {
        let members: Vec<Pos2> = (0..screen.len())
            .filter(|&i| input.nodes_visible[i] && input.net.nodes[i].cluster == Some(*cid))
            .map(|i| screen[i])
            .collect();
        if members.len() < 2 {
            continue;
        }
        let centroid =
            members.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2()) / members.len() as f32;
        let colour =
            scene::cluster_colour(Some(*cid)).linear_multiply(if input.dark { 1.3 } else { 0.8 });
        let (at, left) = match row_end {
            Some(x) if x.is_finite() => (pos2(x, centroid.y), true),
            _ => (pos2(centroid.x, centroid.y), false),
        };
        place_at(
            &format!("#{cid} {label}"),
            at,
            left,
            FontId::proportional(17.0),
            colour,
            &mut placed,
        );
    }
    let mut order: Vec<usize> = (0..screen.len())
        .filter(|&i| input.nodes_visible[i] && rect.contains(screen[i]))
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(input.net.nodes[i].count));
    let budget = ((rect.area() / 9000.0) as usize).clamp(8, MAX_LABELS);
    let mut shown = 0;
    for i in order {
        let important =
            input.selection.nodes.contains(&(i as u32)) || input.hover == Some(i as u32);
        if shown >= budget && !important {
            break;
        }
        let n = &input.net.nodes[i];
        let text = short_label(&n.label);
        let at = screen[i] + vec2(0.0, radius[i] + 8.0);
        let before = placed.len();
        place(
            &text,
            at,
            FontId::proportional(12.0),
            text_colour,
            &mut placed,
        );
        shown += placed.len() - before;
    }
    if input.net.nodes.is_empty() {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "No network yet",
            FontId::proportional(18.0),
            text_colour,
        );
    }
}

/// Vertical year lines with the years along the top (timeline and time-zone views).
pub(super) fn draw_year_axis(
    painter: &egui::Painter,
    t: &Transform,
    (first, last): (i32, i32),
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
    let step = ((45.0 / (scene::YEAR_WIDTH * t.camera.zoom)).ceil() as i32).max(1);
    let mut year = first;
    while year <= last {
        let x = t
            .to_screen(pos2((year - first) as f32 * scene::YEAR_WIDTH, 0.0))
            .x;
        if t.rect.x_range().contains(x) {
            painter.line_segment(
                [pos2(x, t.rect.min.y), pos2(x, t.rect.max.y)],
                Stroke::new(1.0, colour),
            );
            painter.text(
                pos2(x, t.rect.min.y + 4.0),
                egui::Align2::CENTER_TOP,
                year.to_string(),
                FontId::proportional(12.0),
                text,
            );
        }
        year += step;
    }
}

/// A reference label shortened the CiteSpace way: "Author, Year" (first two fields).
pub fn short_label(label: &str) -> String {
    let mut parts = label.split(", ");
    match (parts.next(), parts.next()) {
        (Some(a), Some(y)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
            format!("{a}, {y}")
        }
        _ => label.chars().take(40).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_shorten_references() {
        assert_eq!(
            short_label("PORTER ME, 1985, COMPETITIVE ADV"),
            "PORTER ME, 1985"
        );
        assert_eq!(short_label("value creation"), "value creation");
    }
}
