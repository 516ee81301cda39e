//! Smaller panels: the cluster list, the legend, the "What am I looking at?"
//! explanations (with the current map's own numbers) and the problems found in files.

use super::canvas::HIGH_BETWEENNESS;
use super::scene;
use super::state::{Command, ViewState};
use crate::model::Problem;
use crate::pipeline::Analysis;
use crate::scene::colors;
use egui::{Color32, Sense, vec2};

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
                            .color(scene::cluster_colour(Some(c.id)));
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
            ui.painter().rect_filled(r, 0.0, scene::year_colour(t));
        }
        ui.label(span.1.to_string());
        ui.separator();
        swatch(
            ui,
            scene::egui_colour(colors::CENTRALITY_RING),
            "betweenness ≥ 0.1",
        );
        swatch(ui, scene::egui_colour(colors::BURST_RING), "burst");
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

/// Plain explanations with the current map's own numbers.
pub fn explain_ui(ui: &mut egui::Ui, analysis: &Analysis) {
    let net = &analysis.network;
    let biggest = net.nodes.iter().max_by_key(|n| n.count);
    let central = net
        .nodes
        .iter()
        .max_by(|a, b| a.betweenness.total_cmp(&b.betweenness));
    let bursting = net
        .nodes
        .iter()
        .filter_map(|n| n.burst.map(|b| (n, b)))
        .max_by(|a, b| a.1.strength.total_cmp(&b.1.strength));
    let sigma = net.nodes.iter().max_by(|a, b| a.sigma.total_cmp(&b.sigma));
    let what = if net.kind.is_cocitation() {
        "times it is cited by the records"
    } else {
        "number of records it occurs in"
    };
    let para = |ui: &mut egui::Ui, title: &str, text: String| {
        ui.strong(title);
        ui.label(text);
        ui.add_space(4.0);
    };
    ui.heading("What am I looking at?");
    para(
        ui,
        "Nodes",
        format!(
            "Each dot is one {}. Its area grows with the {what}{}.",
            net.kind.describe().to_lowercase(),
            biggest.map_or(String::new(), |n| format!(
                "; the largest here, {}, has {}",
                n.label, n.count
            ))
        ),
    );
    para(ui, "Rings", "With tree rings on, a node is drawn as rings from its centre (oldest year) outwards (newest); a ring's thickness is that year's count, its colour the year (legend: blue is early, red recent).".into());
    para(
        ui,
        "Links and colours",
        format!(
            "Two nodes are linked when records mention both together; the map has {} links. A link's colour is the year it first appeared. In the cluster colouring, a node's colour is its cluster.",
            net.links.len()
        ),
    );
    para(ui, "Modularity Q", match analysis.modularity {
        Some(q) => format!("Q = {q:.3}: how much more the links stay inside clusters than chance would give (0 none, near 1 strong; above 0.3 is a clear structure)."),
        None => "How much more the links stay inside clusters than chance would give; not computed for this map.".into(),
    });
    para(
        ui,
        "Silhouette",
        match analysis.mean_silhouette {
            Some(s) => format!(
                "Mean silhouette {s:.3}: how well nodes fit their own cluster rather than the nearest other (−1 to 1; above 0.5 is reasonable, above 0.7 convincing)."
            ),
            None => "How well nodes fit their own cluster rather than the nearest other (−1 to 1)."
                .into(),
        },
    );
    para(ui, "Bursts (red ring)", match bursting {
        Some((n, b)) => format!("A burst is a sudden surge of attention (Kleinberg's model). The strongest here: {} ({:.2}, {}–{}).", n.label, b.strength, b.begin, b.end),
        None => "A burst is a sudden surge of attention (Kleinberg's model); none were found in this map.".into(),
    });
    para(
        ui,
        "Betweenness (purple ring)",
        format!(
            "The share of shortest paths between other nodes that pass through a node: bridges between areas. Nodes at or above {HIGH_BETWEENNESS} get a purple ring{}.",
            central
                .filter(|n| n.betweenness > 0.0)
                .map_or(String::new(), |n| format!(
                    "; the highest here is {} ({:.3})",
                    n.label, n.betweenness
                ))
        ),
    );
    para(
        ui,
        "Sigma",
        format!(
            "Sigma = (betweenness + 1)^burst strength combines being a bridge with a burst: above 1 marks potentially transformative work{}.",
            sigma
                .filter(|n| n.sigma > 1.0)
                .map_or(String::new(), |n| format!(
                    "; the highest here is {} ({:.2})",
                    n.label, n.sigma
                ))
        ),
    );
}

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
