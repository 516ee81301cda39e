//! The thematic map figure (see [`super`]).

use super::LabelRequest;
use super::{FigureOptions, dashed, label_shapes, place, text_box, text_shape, title};
use crate::scene::colors::{self, INK, Rgba};
use crate::scene::text::{Anchor, Bounds};
use crate::scene::{Layer, Scene, Shape, Stroke};
use crate::themes::{Quadrant, ThematicMap, Theme};

/// Bubble radius range as a share of the plot's smaller side (bibliometrix's
/// `scale_radius(range = c(5, 30) · (1 + size))` spans a factor of 6).
const R_MIN: f64 = 0.012;
const R_MAX: f64 = 0.072;

/// Axis range of ranks around `mean`: bibliometrix's `mean ± 1.2 · max distance`.
fn axis_range(ranks: impl Iterator<Item = f64>, mean: f64) -> (f64, f64) {
    let d = ranks.map(|r| (r - mean).abs()).fold(0.0, f64::max);
    let d = if d > 0.0 { d * 1.2 } else { 1.0 };
    (mean - d, mean + d)
}

/// The labels of the themes, largest first, centred on their bubbles; a theme whose
/// label finds no room is labelled by its top word alone.
#[allow(clippy::too_many_arguments)]
fn theme_labels(
    m: &ThematicMap,
    order: &[usize],
    centers: &[[f64; 2]],
    radii: &[f64],
    font: f64,
    opts: &FigureOptions,
    plot: Bounds,
    taken: &mut Vec<Bounds>,
) -> (Vec<LabelRequest>, Vec<super::Placed>) {
    let mut requests: Vec<LabelRequest> = order
        .iter()
        .map(|&i| LabelRequest {
            text: theme_label(&m.themes[i], opts.label_words),
            size: font * 1.05,
            center: centers[i],
            radius: radii[i] * 0.35,
        })
        .collect();
    let centred = vec![true; requests.len()];
    let mut placed = place(&requests, &centred, plot, taken);
    let unplaced: Vec<usize> = (0..requests.len())
        .filter(|&r| placed.iter().all(|p| p.request != r))
        .collect();
    let short: Vec<LabelRequest> = unplaced
        .iter()
        .map(|&r| LabelRequest {
            text: theme_label(&m.themes[order[r]], 1),
            ..requests[r].clone()
        })
        .collect();
    let base = requests.len();
    let again = place(&short, &vec![true; short.len()], plot, taken);
    requests.extend(short);
    placed.extend(again.into_iter().map(|mut p| {
        p.request += base;
        p
    }));
    (requests, placed)
}

/// The figure of a thematic map; `what` names the words (`Author keywords`).
pub fn thematic_map(m: &ThematicMap, what: &str, opts: &FigureOptions) -> Scene {
    let (w, h) = opts.size();
    let font = opts.font();
    let plot: Bounds = [font * 4.0, font * 7.0, w - font * 2.0, h - font * 4.5];
    let mean = m.split();
    let xr = axis_range(m.themes.iter().map(|t| t.rank_centrality), mean);
    let yr = axis_range(m.themes.iter().map(|t| t.rank_density), mean);
    let px = |x: f64| plot[0] + (x - xr.0) / (xr.1 - xr.0) * (plot[2] - plot[0]);
    let py = |y: f64| plot[3] - (y - yr.0) / (yr.1 - yr.0) * (plot[3] - plot[1]);
    let radii = radii(m, (plot[2] - plot[0]).min(plot[3] - plot[1]));
    let mut frame = axes(plot, [px(mean), py(mean)], font);
    let mut taken = Vec::new();
    frame.shapes.extend(quadrant_names(plot, font, &mut taken));
    let centers: Vec<[f64; 2]> = m
        .themes
        .iter()
        .map(|t| [px(t.rank_centrality), py(t.rank_density)])
        .collect();
    // Larger bubbles first, so smaller ones stay visible on top.
    let mut order: Vec<usize> = (0..m.themes.len()).collect();
    order.sort_by(|&a, &b| m.themes[b].size.cmp(&m.themes[a].size).then(a.cmp(&b)));
    let bubbles = order
        .iter()
        .map(|&i| {
            let c = colors::cluster_color(Some(i as u32));
            Shape::Circle {
                center: centers[i],
                radius: radii[i],
                fill: Some(c.with_alpha(0.5)),
                stroke: Some(Stroke {
                    color: c,
                    width: 1.0,
                }),
            }
        })
        .collect();
    let (requests, placed) =
        theme_labels(m, &order, &centers, &radii, font, opts, plot, &mut taken);
    let main = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("Thematic map: {what}"));
    let sub = format!(
        "{} themes from {} records; {} words linked, ≥ {} occurrences; modularity Q = {:.4}",
        m.themes.len(),
        m.records,
        m.network_words,
        m.min_occurrences,
        m.modularity
    );
    let mut layers = vec![
        frame,
        Layer {
            name: "themes",
            shapes: bubbles,
        },
        Layer {
            name: "labels",
            shapes: label_shapes(&requests, &placed, INK),
        },
        title(main, sub, plot[0], font),
    ];
    if m.themes.is_empty() {
        layers.push(Layer {
            name: "empty",
            shapes: vec![text_shape(
                [(plot[0] + plot[2]) / 2.0, (plot[1] + plot[3]) / 2.0],
                "No themes: no word reaches the occurrence threshold".into(),
                font * 1.2,
                INK,
                Anchor::Middle,
            )],
        });
    }
    Scene {
        width: w,
        height: h,
        background: colors::BACKGROUND,
        layers,
    }
}

/// Bubble radii: linear in log(size) from `R_MIN` to `R_MAX` of `side`
/// (bibliometrix's `scale_radius` of `log(freq)`); all alike: the middle radius.
fn radii(m: &ThematicMap, side: f64) -> Vec<f64> {
    let logs: Vec<f64> = m
        .themes
        .iter()
        .map(|t| (t.size.max(1) as f64).ln())
        .collect();
    let (lo, hi) = logs
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    logs.iter()
        .map(|&l| {
            let t = if hi > lo { (l - lo) / (hi - lo) } else { 0.5 };
            side * (R_MIN + t * (R_MAX - R_MIN))
        })
        .collect()
}

/// A theme's label on the map: its `words` most frequent words.
fn theme_label(t: &Theme, words: usize) -> String {
    let top: Vec<&str> = t
        .words
        .iter()
        .take(words.max(1))
        .map(|w| w.label.as_str())
        .collect();
    top.join(", ")
}

/// Axis lines (left, bottom), their titles and the dashed split lines through `split`.
fn axes(plot: Bounds, split: [f64; 2], font: f64) -> Layer {
    let axis = Stroke {
        color: INK,
        width: 1.0,
    };
    let mut shapes = vec![
        Shape::Line {
            from: [plot[0], plot[3]],
            to: [plot[2], plot[3]],
            stroke: axis,
        },
        Shape::Line {
            from: [plot[0], plot[1]],
            to: [plot[0], plot[3]],
            stroke: axis,
        },
    ];
    let split_stroke = Stroke {
        color: INK.with_alpha(0.6),
        width: 1.0,
    };
    shapes.extend(dashed(
        [split[0], plot[1]],
        [split[0], plot[3]],
        font * 0.6,
        split_stroke,
    ));
    shapes.extend(dashed(
        [plot[0], split[1]],
        [plot[2], split[1]],
        font * 0.6,
        split_stroke,
    ));
    shapes.push(text_shape(
        [(plot[0] + plot[2]) / 2.0, plot[3] + font * 2.2],
        "Relevance degree (rank of centrality)".into(),
        font,
        INK,
        Anchor::Middle,
    ));
    shapes.push(text_shape(
        [plot[0], plot[1] - font * 0.9],
        "Development degree (rank of density)".into(),
        font,
        INK,
        Anchor::Start,
    ));
    Layer {
        name: "axes",
        shapes,
    }
}

/// The quadrant names in the plot's corners (their boxes go to `taken`).
fn quadrant_names(plot: Bounds, font: f64, taken: &mut Vec<Bounds>) -> Vec<Shape> {
    let size = font * 1.3;
    let pad = font * 0.6;
    let grey: Rgba = Rgba::rgb(0x66, 0x66, 0x66);
    let corners = [
        (
            Quadrant::Niche,
            plot[0] + pad,
            plot[1] + pad + size,
            Anchor::Start,
        ),
        (
            Quadrant::Motor,
            plot[2] - pad,
            plot[1] + pad + size,
            Anchor::End,
        ),
        (
            Quadrant::EmergingOrDeclining,
            plot[0] + pad,
            plot[3] - pad,
            Anchor::Start,
        ),
        (Quadrant::Basic, plot[2] - pad, plot[3] - pad, Anchor::End),
    ];
    corners
        .into_iter()
        .map(|(q, x, y, anchor)| {
            let mut name = q.name().to_string();
            name[..1].make_ascii_uppercase();
            let text = format!("{name} themes");
            taken.push(text_box([x, y], &text, size, anchor));
            text_shape([x, y], text, size, grey, anchor)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_follow_bibliometrix() {
        // Ranks 1..4, mean 2.5: max distance 1.5, ×1.2 = 1.8.
        let (a, b) = axis_range([1.0, 2.0, 3.0, 4.0].into_iter(), 2.5);
        assert!((a - 0.7).abs() < 1e-12 && (b - 4.3).abs() < 1e-12);
        assert_eq!(axis_range([1.0].into_iter(), 1.0), (0.0, 2.0));
    }
}
