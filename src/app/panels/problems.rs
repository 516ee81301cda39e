//! The problems found in the input files, with file and line.

use crate::model::Problem;

/// Problems found while reading, with file and line.
pub fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) {
    egui::ScrollArea::vertical()
        .id_salt("problems")
        .max_height(160.0)
        .show(ui, |ui| {
            for p in problems.iter().take(500) {
                ui.label(
                    egui::RichText::new(format!("{}:{}: {}", p.file, p.line, p.message()))
                        .small()
                        .monospace(),
                );
            }
            if problems.len() > 500 {
                ui.weak(format!("… and {} more", problems.len() - 500));
            }
        });
}
