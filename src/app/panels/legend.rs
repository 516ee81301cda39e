//! The legend: node sizes, ring and link colours by year, the special rings.

use super::super::colours;
use crate::scene::colors;
use egui::{Color32, Sense, vec2};

/// Legend for node sizes, ring/link colours by year and the special rings.
pub fn legend_ui(ui: &mut egui::Ui, span: (i32, i32)) {
    ui.horizontal(|ui| {
        ui.label(span.0.to_string());
        let (rect, _) = ui.allocate_exact_size(vec2(120.0, 12.0), Sense::hover());
        let steps = 24;
        for k in 0..steps {
            let t = k as f32 / (steps - 1) as f32;
            let x0 = rect.min.x + rect.width() * k as f32 / steps as f32;
            let r = egui::Rect::from_min_max(
                egui::pos2(x0, rect.min.y),
                egui::pos2(x0 + rect.width() / steps as f32 + 0.5, rect.max.y),
            );
            ui.painter().rect_filled(r, 0.0, colours::year_colour(t));
        }
        ui.label(span.1.to_string());
        ui.separator();
        swatch(
            ui,
            colours::egui_colour(colors::CENTRALITY_RING),
            "betweenness ≥ 0.1",
        );
        swatch(ui, colours::egui_colour(colors::BURST_RING), "burst");
        ui.separator();
        ui.weak("node area ~ count, ring colour = year, link colour = year first linked");
    });
}

fn swatch(ui: &mut egui::Ui, colour: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter()
        .circle_stroke(rect.center(), 5.0, egui::Stroke::new(2.5, colour));
    ui.label(text);
}
