//! The parameters panel: CiteSpace's project settings in plain words with tooltips.
//! Editing changes the saved parameters; "Run" recomputes in the background.

use super::super::state::Command;
use super::super::worker::JobStatus;
use crate::network::params::{DEFAULT_LINKS_PER_NODE, DEFAULT_LRF};
use crate::network::{Counting, Measure, NodeKind, Prune, Selection};
use crate::pipeline::{AnalysisParams, ClusterMethod, LabelMethod, NetworkParams};

/// Draws the parameter editor, the Run/Cancel buttons and the progress bar.
pub fn params_ui(
    ui: &mut egui::Ui,
    params: &mut AnalysisParams,
    corpus_years: Option<(i32, i32)>,
    status: Option<&JobStatus>,
    commands: &mut Vec<Command>,
) {
    ui.heading("Parameters");
    egui::ComboBox::from_label("Nodes")
        .selected_text(params.network.kind.describe())
        .show_ui(ui, |ui| {
            for k in NodeKind::ALL {
                ui.selectable_value(&mut params.network.kind, k, k.describe());
            }
        })
        .response
        .on_hover_text(
            "What the dots are. Co-citation: two references are linked when a record cites both.",
        );
    years_ui(ui, params, corpus_years);
    selection_ui(ui, &mut params.network.select);
    link_reduction_ui(ui, &mut params.network);
    enum_combo(
        ui,
        "Link strength",
        &mut params.network.measure,
        Measure::ALL,
        |m| m.name(),
    )
    .on_hover_text(
        "How co-occurrence counts become link strengths; cosine is CiteSpace's default.",
    );
    enum_combo(ui, "Counting", &mut params.network.counting, Counting::ALL, |c| c.name())
        .on_hover_text("Full: each pair in a record counts 1. Fractional: a record with n items gives each pair 1/(n−1).");
    enum_combo(ui, "Pruning", &mut params.network.prune, Prune::ALL, |p| p.name())
        .on_hover_text("Pathfinder keeps only the strongest paths; MST keeps one spanning tree. Fewer links, clearer map.");
    if params.network.prune != Prune::None {
        ui.checkbox(&mut params.network.prune_slices, "Prune each slice");
        ui.checkbox(&mut params.network.prune_merged, "Prune the merged network");
    }
    let clusters = [
        ClusterMethod::Leiden,
        ClusterMethod::Louvain,
        ClusterMethod::None,
    ];
    enum_combo(
        ui,
        "Clustering",
        &mut params.analysis.cluster,
        &clusters,
        |c| match c {
            ClusterMethod::Leiden => "Leiden",
            ClusterMethod::Louvain => "Louvain",
            ClusterMethod::None => "none",
        },
    )
    .on_hover_text("Groups of nodes more linked to each other than to the rest (modularity).");
    ui.add(egui::Slider::new(&mut params.analysis.resolution, 0.1..=3.0).text("Resolution"))
        .on_hover_text("Higher gives more, smaller clusters.");
    let labels = [LabelMethod::Llr, LabelMethod::Tfidf, LabelMethod::Mi];
    enum_combo(
        ui,
        "Cluster labels",
        &mut params.analysis.labels,
        &labels,
        |l| match l {
            LabelMethod::Llr => "log-likelihood (LLR)",
            LabelMethod::Tfidf => "tf-idf",
            LabelMethod::Mi => "mutual information",
        },
    )
    .on_hover_text("How a cluster is named from the titles and keywords of the records citing it.");
    ui.checkbox(&mut params.layout.prevent_overlap, "Prevent overlap")
        .on_hover_text("End the layout by pushing apart nodes that would cover each other at their drawn size.");
    ui.add(egui::Slider::new(&mut params.layout.node_scale, 0.25..=4.0).logarithmic(true).text("Node size"))
        .on_hover_text("Disc size relative to the default, where the largest node is about half the distance between neighbours (applies on Run: the layout makes room for the discs).");
    if !params.network.thesaurus.is_empty() {
        ui.horizontal(|ui| {
            ui.label(format!(
                "Thesaurus: {} merges",
                params.network.thesaurus.len()
            ));
            if ui.small_button("Clear").clicked() {
                params.network.thesaurus.clear();
            }
        });
    }
    run_ui(ui, status, commands);
}

/// The Run and Cancel buttons and the progress of the running job.
fn run_ui(ui: &mut egui::Ui, status: Option<&JobStatus>, commands: &mut Vec<Command>) {
    ui.separator();
    ui.horizontal(|ui| {
        let busy = status.is_some();
        if ui
            .add_enabled(!busy, egui::Button::new("Run"))
            .on_hover_text("Recompute the map")
            .clicked()
        {
            commands.push(Command::Run);
        }
        if ui.add_enabled(busy, egui::Button::new("Cancel")).clicked() {
            commands.push(Command::Cancel);
        }
    });
    if let Some(s) = status {
        ui.add(
            egui::ProgressBar::new(s.fraction)
                .show_percentage()
                .text(format!("{}: {}", s.what, s.detail)),
        );
    }
}

/// CiteSpace's link reduction per slice, with its names: LRF, L/N and LBY (each can be
/// turned off, CiteSpace's −1).
fn link_reduction_ui(ui: &mut egui::Ui, n: &mut NetworkParams) {
    ui.label("Link reduction (CiteSpace)");
    optional_value(
        ui,
        "LRF",
        &mut n.lrf,
        DEFAULT_LRF,
        0.5..=20.0,
        "Link Retaining Factor: each slice keeps its LRF × (N − 1) strongest links (1 = as many as a spanning tree). Off keeps all (−1).",
    );
    let mut ln = n.links_per_node.map(|k| k as f64);
    optional_value(
        ui,
        "L/N",
        &mut ln,
        DEFAULT_LINKS_PER_NODE as f64,
        1.0..=200.0,
        "Maximum links per node: a slice's link stays if it is among the L/N strongest of either end. Off: no limit (−1).",
    );
    n.links_per_node = ln.map(|k| k.round().max(1.0) as usize);
    let mut lby = n.look_back.map(f64::from);
    optional_value(
        ui,
        "LBY",
        &mut lby,
        5.0,
        1.0..=100.0,
        "Look Back Years: a citation of a work more than LBY years older than the citing record (both years counted) is left out. Off: no limit (−1).",
    );
    n.look_back = lby.map(|y| y.round().max(1.0) as u32);
}

/// A checkbox and a value: `None` when unchecked.
fn optional_value(
    ui: &mut egui::Ui,
    name: &str,
    value: &mut Option<f64>,
    default: f64,
    range: std::ops::RangeInclusive<f64>,
    tip: &str,
) {
    ui.horizontal(|ui| {
        let mut on = value.is_some();
        ui.checkbox(&mut on, name).on_hover_text(tip);
        if on {
            let mut v = value.unwrap_or(default);
            ui.add(egui::DragValue::new(&mut v).range(range).speed(0.1))
                .on_hover_text(tip);
            *value = Some(v);
        } else {
            *value = None;
            ui.weak("−1 (off)");
        }
    });
}

fn years_ui(ui: &mut egui::Ui, params: &mut AnalysisParams, corpus_years: Option<(i32, i32)>) {
    let (lo, hi) = corpus_years.unwrap_or((1900, 2030));
    ui.horizontal(|ui| {
        let mut whole = params.network.from.is_none() && params.network.to.is_none();
        if ui
            .checkbox(&mut whole, "All years")
            .on_hover_text("Analyse every year of the data")
            .changed()
        {
            (params.network.from, params.network.to) = if whole {
                (None, None)
            } else {
                (Some(lo), Some(hi))
            };
        }
        if !whole {
            let mut from = params.network.from.unwrap_or(lo);
            let mut to = params.network.to.unwrap_or(hi);
            ui.add(egui::DragValue::new(&mut from).range(lo..=hi));
            ui.label("–");
            ui.add(egui::DragValue::new(&mut to).range(lo..=hi));
            (params.network.from, params.network.to) = (Some(from.min(to)), Some(to.max(from)));
        }
    });
    ui.add(egui::Slider::new(&mut params.network.slice, 1..=10).text("Slice length (years)"))
        .on_hover_text(
            "The span is cut into slices; each slice keeps its own most important nodes.",
        );
}

fn selection_ui(ui: &mut egui::Ui, select: &mut Selection) {
    let names = ["Top N", "Top N%", "g-index", "Thresholds", "All"];
    let current = match select {
        Selection::Top { .. } => 0,
        Selection::TopPct { .. } => 1,
        Selection::GIndex { .. } => 2,
        Selection::Threshold { .. } => 3,
        Selection::All => 4,
    };
    let mut chosen = current;
    egui::ComboBox::from_label("Keep per slice")
        .selected_text(names[current])
        .show_index(ui, &mut chosen, names.len(), |i| names[i])
        .on_hover_text("Which items of each time slice become nodes.");
    if chosen != current {
        *select = match chosen {
            0 => Selection::Top { n: 50 },
            1 => Selection::TopPct { pct: 10.0 },
            2 => Selection::GIndex { k: 25.0 },
            3 => Selection::Threshold {
                first: [2.0, 2.0, 0.2],
                middle: [3.0, 2.0, 0.2],
                last: [3.0, 3.0, 0.2],
            },
            _ => Selection::All,
        };
    }
    match select {
        Selection::Top { n } => {
            ui.add(egui::DragValue::new(n).range(1..=100_000).prefix("N = "))
                .on_hover_text("The N most cited (or most frequent) items of each slice.");
        }
        Selection::TopPct { pct } => {
            ui.add(egui::DragValue::new(pct).range(0.1..=100.0).suffix(" %"));
        }
        Selection::GIndex { k } => {
            ui.add(egui::DragValue::new(k).range(1.0..=1000.0).prefix("k = "))
                .on_hover_text(
                    "g-index scaled by k (CiteSpace's default k = 25): larger k keeps more.",
                );
        }
        Selection::Threshold {
            first,
            middle,
            last,
        } => {
            for (name, t) in [("first", first), ("middle", middle), ("last", last)] {
                ui.horizontal(|ui| {
                    ui.label(name).on_hover_text(
                        "count c, co-occurrence cc, cosine ccv, interpolated across slices",
                    );
                    for v in t.iter_mut() {
                        ui.add(egui::DragValue::new(v).range(0.0..=1000.0).speed(0.1));
                    }
                });
            }
        }
        Selection::All => {}
    }
}

fn enum_combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> egui::Response {
    egui::ComboBox::from_label(label)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(value, v, name(v));
            }
        })
        .response
}
