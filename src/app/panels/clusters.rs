//! The cluster list: id, label, size, silhouette, mean year; click selects, the eye hides.

use super::super::colours;
use super::super::state::{Command, ViewState};
use crate::pipeline::Analysis;

/// Cluster table: id, label, size, silhouette, mean year; click selects, the eye hides.
pub fn cluster_list_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    ui.heading("Clusters");
    if analysis.clusters.is_empty() {
        ui.weak("No clusters (yet).");
        return;
    }
    if let Some(q) = analysis.modularity {
        ui.label(format!(
            "Modularity Q = {q:.3}, mean silhouette = {}",
            analysis
                .mean_silhouette
                .map_or("–".into(), |s| format!("{s:.3}"))
        ));
    }
    egui::ScrollArea::vertical()
        .id_salt("cluster_list")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("clusters")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for h in ["", "#", "Label", "Size", "Silh.", "Year"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for c in &analysis.clusters {
                        let hidden = view.hidden_clusters.contains(&c.id);
                        let eye = if hidden { "show" } else { "hide" };
                        let eye = egui::RichText::new(eye)
                            .strong()
                            .color(colours::cluster_colour(Some(c.id)));
                        if ui
                            .button(eye)
                            .on_hover_text(if hidden {
                                "Show cluster"
                            } else {
                                "Hide cluster"
                            })
                            .clicked()
                        {
                            commands.push(Command::ToggleClusterHidden(c.id));
                        }
                        ui.label(c.id.to_string());
                        let selected = view.selection.cluster == Some(c.id);
                        if ui.selectable_label(selected, c.label.as_str()).clicked() {
                            commands.push(Command::SelectCluster(if selected {
                                None
                            } else {
                                Some(c.id)
                            }));
                        }
                        ui.label(c.size.to_string());
                        ui.label(format!("{:.2}", c.silhouette));
                        ui.label(c.mean_year.map_or("–".into(), |y| format!("{y:.0}")));
                        ui.end_row();
                    }
                });
        });
}
