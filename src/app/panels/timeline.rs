//! The timeline slider along the bottom: a histogram of records per year with the
//! selected years highlighted (drag on it to move the nearest end), year sliders,
//! play/pause with a speed, and the cumulative / window mode switch. It only pushes
//! commands; the app applies them after drawing so the map never half-updates.

use super::super::colours;
use super::super::state::{Command, SliderMode, ViewState};
use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};
use std::collections::BTreeMap;

/// Draws the timeline bar. `span` is the first and last year of the analysis.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    view: &ViewState,
    span: (i32, i32),
    records_per_year: &BTreeMap<i32, usize>,
    speed: &mut f32,
    commands: &mut Vec<Command>,
) {
    let (first, last) = span;
    ui.horizontal(|ui| {
        let play = if view.playing { "Pause" } else { "Play" };
        if ui
            .button(play)
            .on_hover_text("Animate year by year (Space)")
            .clicked()
        {
            commands.push(Command::TogglePlay);
        }
        ui.add(
            egui::DragValue::new(speed)
                .range(0.25..=20.0)
                .speed(0.1)
                .suffix(" years/s"),
        )
        .on_hover_text("Playback speed");
        ui.separator();
        for (mode, text, tip) in [
            (
                SliderMode::Cumulative,
                "Cumulative",
                "Show everything up to the selected year: the map grows",
            ),
            (SliderMode::Window, "Window", "Show only the years from–to"),
        ] {
            if ui
                .selectable_label(view.mode == mode, text)
                .on_hover_text(tip)
                .clicked()
                && view.mode != mode
            {
                commands.push(Command::SetMode(mode));
            }
        }
        ui.separator();
        if view.mode == SliderMode::Window {
            let mut from = view.year_from;
            let r = ui.add(egui::Slider::new(&mut from, first..=last).text("From year"));
            if r.changed() {
                commands.push(Command::SetYears(from, view.year_to.max(from)));
            }
        }
        let mut to = view.year_to;
        let r = ui.add(egui::Slider::new(&mut to, first..=last).text("To year"));
        if r.changed() {
            let from = if view.mode == SliderMode::Cumulative {
                first
            } else {
                view.year_from.min(to)
            };
            commands.push(Command::SetYears(from, to));
        }
    });
    histogram_ui(ui, view, span, records_per_year, commands);
}

fn histogram_ui(
    ui: &mut egui::Ui,
    view: &ViewState,
    (first, last): (i32, i32),
    records_per_year: &BTreeMap<i32, usize>,
    commands: &mut Vec<Command>,
) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), 46.0), Sense::click_and_drag());
    let years = (last - first + 1).max(1) as f32;
    let bar_w = rect.width() / years;
    let year_at = |x: f32| (first + ((x - rect.min.x) / bar_w).floor() as i32).clamp(first, last);
    if let Some(p) = response.interact_pointer_pos()
        && (response.dragged() || response.clicked())
    {
        let y = year_at(p.x);
        let (from, to) = match view.mode {
            SliderMode::Cumulative => (first, y),
            SliderMode::Window if (y - view.year_from).abs() < (y - view.year_to).abs() => {
                (y, view.year_to)
            }
            SliderMode::Window => (view.year_from, y),
        };
        if (from, to) != (view.year_from, view.year_to) {
            commands.push(Command::SetYears(from.min(to), to.max(from)));
        }
    }
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let max = records_per_year.values().copied().max().unwrap_or(1).max(1) as f32;
    let label_h = 12.0;
    for (&year, &n) in records_per_year.range(first..=last) {
        let x0 = rect.min.x + (year - first) as f32 * bar_w;
        let h = (rect.height() - label_h) * n as f32 / max;
        let bar = Rect::from_min_max(
            pos2(x0 + 1.0, rect.max.y - label_h - h),
            pos2(x0 + bar_w - 1.0, rect.max.y - label_h),
        );
        let inside = year >= view.year_from && year <= view.year_to;
        let t = if last > first {
            (year - first) as f32 / (last - first) as f32
        } else {
            1.0
        };
        let colour = if inside {
            colours::year_colour(t)
        } else {
            visuals.weak_text_color().gamma_multiply(0.4)
        };
        painter.rect_filled(bar, 0.0, colour);
    }
    let sel = Rect::from_min_max(
        pos2(
            rect.min.x + (view.year_from - first) as f32 * bar_w,
            rect.min.y,
        ),
        pos2(
            rect.min.x + (view.year_to - first + 1) as f32 * bar_w,
            rect.max.y - label_h,
        ),
    );
    painter.rect_stroke(
        sel,
        2.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        egui::StrokeKind::Inside,
    );
    let step = ((40.0 / bar_w).ceil() as i32).max(1);
    let mut year = first;
    while year <= last {
        let x = rect.min.x + (year - first) as f32 * bar_w + bar_w * 0.5;
        painter.text(
            pos2(x, rect.max.y),
            egui::Align2::CENTER_BOTTOM,
            year.to_string(),
            egui::FontId::monospace(9.0),
            visuals.text_color(),
        );
        year += step;
    }
    response.on_hover_text(format!(
        "Records per year. Showing {}–{}; drag to change.",
        view.year_from, view.year_to
    ));
    let _ = Color32::TRANSPARENT;
}
