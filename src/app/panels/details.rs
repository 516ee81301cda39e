//! The details panel: what is selected and the documents behind every number. A node
//! shows its full label (DOI as a link), citations per year as a small bar chart,
//! burst, betweenness, sigma, cluster and the records that cite or contain it; a link
//! shows the records that co-cite both ends; a cluster its members and citing records.

use super::super::colours;
use super::super::state::{Command, Selection};
use crate::model::Corpus;
use crate::network::{Node, shared_records};
use crate::pipeline::Analysis;
use egui::{Rect, Sense, pos2, vec2};

/// Most records listed in one panel (the rest are counted).
const MAX_LISTED: usize = 200;

/// What the details panel reads.
pub struct DetailsInput<'a> {
    pub analysis: &'a Analysis,
    pub corpus: Option<&'a Corpus>,
    pub node_records: &'a [Vec<u32>],
    pub selection: &'a Selection,
}

/// Draws the details of the current selection.
pub fn details_ui(ui: &mut egui::Ui, input: &DetailsInput, commands: &mut Vec<Command>) {
    let net = &input.analysis.network;
    let sel = input.selection;
    if sel.nodes.len() > 1 {
        ui.heading(format!("{} nodes selected", sel.nodes.len()));
        for &i in &sel.nodes {
            if let Some(n) = net.nodes.get(i as usize) {
                ui.label(format!("• {} ({})", n.label, n.count));
            }
        }
        ui.label("Merge records them as variants of one item (the largest) in the thesaurus and recomputes.");
        if ui
            .button("Merge")
            .on_hover_text("Treat the selected nodes as one item")
            .clicked()
        {
            commands.push(Command::Merge);
        }
        ui.separator();
    }
    if let Some(&i) = sel.nodes.last()
        && let Some(n) = net.nodes.get(i as usize)
    {
        node_ui(ui, input, i as usize, n, commands);
    } else if let Some(k) = sel.link
        && let Some(l) = net.links.get(k)
    {
        let (a, b) = (&net.nodes[l.source as usize], &net.nodes[l.target as usize]);
        ui.heading("Link");
        for (idx, n) in [(l.source, a), (l.target, b)] {
            if ui.link(&n.label).clicked() {
                commands.push(Command::SelectNode {
                    node: idx,
                    add: false,
                });
            }
        }
        ui.label(format!(
            "strength {:.3}, co-occurrences {}, first year {}",
            l.weight, l.count, l.first_year
        ));
        if !input.node_records.is_empty() {
            let shared = shared_records(input.node_records, l.source as usize, l.target as usize);
            ui.strong(format!("{} records contain both", shared.len()));
            records_ui(ui, input.corpus, &shared);
        }
    } else if let Some(c) = sel.cluster {
        cluster_ui(ui, input, c, commands);
    } else {
        ui.weak("Click a node, a link or a cluster to see the documents behind it.");
    }
}

fn node_ui(
    ui: &mut egui::Ui,
    input: &DetailsInput,
    i: usize,
    n: &Node,
    commands: &mut Vec<Command>,
) {
    ui.heading(crate::scene::labels::node_text(
        n,
        input.analysis.network.kind,
    ));
    ui.label(&n.label);
    if let Some(doi) = &n.doi {
        ui.hyperlink_to(format!("doi:{doi}"), format!("https://doi.org/{doi}"));
    }
    egui::Grid::new("node_facts").num_columns(2).show(ui, |ui| {
        let count_name = if input.analysis.network.kind.is_cocitation() {
            "Citations (local)"
        } else {
            "Count"
        };
        ui.label(count_name);
        ui.label(n.count.to_string());
        ui.end_row();
        if let Some(l) = n.lcs {
            ui.label("Local citations (LCS)")
                .on_hover_text("Records of the loaded set that cite this record.");
            ui.label(l.to_string());
            ui.end_row();
        }
        if let Some(g) = n.gcs.or(n.times_cited) {
            ui.label("Global citations (GCS)")
                .on_hover_text("Times cited in the whole database (WoS TC, Scopus Cited by).");
            ui.label(g.to_string());
            ui.end_row();
        }
        if let Some(m) = &input.analysis.main_path
            && m.nodes.contains(&(i as u32))
        {
            ui.label("Main path");
            ui.label(format!(
                "on the {} main path",
                m.traversal.name().to_uppercase()
            ));
            ui.end_row();
        }
        ui.label("Year");
        ui.label(n.year.map_or("–".into(), |y| y.to_string()));
        ui.end_row();
        ui.label("Betweenness");
        ui.label(format!("{:.3}", n.betweenness));
        ui.end_row();
        ui.label("Burst");
        ui.label(n.burst.map_or("none".into(), |b| {
            format!("{:.2} in {}–{}", b.strength, b.begin, b.end)
        }));
        ui.end_row();
        ui.label("Sigma");
        ui.label(format!("{:.3}", n.sigma));
        ui.end_row();
        ui.label("Cluster");
        match n.cluster {
            Some(c) => {
                if ui.link(format!("#{c}")).clicked() {
                    commands.push(Command::SelectCluster(Some(c)));
                }
            }
            None => {
                ui.label("–");
            }
        }
        ui.end_row();
    });
    ui.label("Per year:");
    per_year_chart(ui, n, input.analysis.span);
    if let Some(recs) = input.node_records.get(i) {
        ui.strong(format!("{} records", recs.len()));
        records_ui(ui, input.corpus, recs);
    }
}

/// Counts per year as bars, the burst years in red.
fn per_year_chart(ui: &mut egui::Ui, n: &Node, span: Option<(i32, i32)>) {
    let Some((first, last)) =
        span.or_else(|| Some((*n.per_year.keys().next()?, *n.per_year.keys().last()?)))
    else {
        return;
    };
    let years = (last - first + 1).max(1) as f32;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width().min(260.0), 50.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let max = n.per_year.values().copied().max().unwrap_or(1).max(1) as f32;
    let w = rect.width() / years;
    for (&y, &c) in n.per_year.range(first..=last) {
        let x = rect.min.x + (y - first) as f32 * w;
        let h = (rect.height() - 2.0) * c as f32 / max;
        let bursting = n.burst.is_some_and(|b| (b.begin..=b.end).contains(&y));
        let colour = if bursting {
            colours::egui_colour(crate::scene::colors::BURST_RING)
        } else {
            colours::year_colour((y - first) as f32 / (years - 1.0).max(1.0))
        };
        painter.rect_filled(
            Rect::from_min_max(pos2(x + 0.5, rect.max.y - h), pos2(x + w - 0.5, rect.max.y)),
            0.0,
            colour,
        );
    }
    let text: Vec<String> = n
        .per_year
        .iter()
        .map(|(y, c)| format!("{y}: {c}"))
        .collect();
    response.on_hover_text(text.join("\n"));
}

fn cluster_ui(ui: &mut egui::Ui, input: &DetailsInput, c: u32, commands: &mut Vec<Command>) {
    let net = &input.analysis.network;
    let info = input.analysis.clusters.iter().find(|k| k.id == c);
    ui.heading(format!(
        "Cluster #{c} {}",
        info.map_or("", |k| k.label.as_str())
    ));
    if let Some(k) = info {
        ui.label(format!(
            "{} members, silhouette {:.2}, mean year {}",
            k.size,
            k.silhouette,
            k.mean_year.map_or("–".into(), |y| format!("{y:.1}"))
        ));
        if !k.terms.is_empty() {
            let terms: Vec<String> = k
                .terms
                .iter()
                .take(8)
                .map(|(t, s)| format!("{t} ({s:.1})"))
                .collect();
            ui.label(format!("Label candidates: {}", terms.join("; ")));
        }
    }
    let mut members: Vec<usize> = (0..net.nodes.len())
        .filter(|&i| net.nodes[i].cluster == Some(c))
        .collect();
    members.sort_by_key(|&i| std::cmp::Reverse(net.nodes[i].count));
    ui.strong(format!("{} members", members.len()));
    egui::ScrollArea::vertical()
        .id_salt("cluster_members")
        .max_height(200.0)
        .show(ui, |ui| {
            for &i in members.iter().take(MAX_LISTED) {
                let n = &net.nodes[i];
                if ui.link(format!("{} ({})", n.label, n.count)).clicked() {
                    commands.push(Command::SelectNode {
                        node: i as u32,
                        add: false,
                    });
                    commands.push(Command::Focus(i as u32));
                }
            }
        });
    if !input.node_records.is_empty() {
        let mut citing: Vec<u32> = members
            .iter()
            .flat_map(|&i| input.node_records[i].iter().copied())
            .collect();
        citing.sort_unstable();
        citing.dedup();
        ui.strong(format!("{} citing records", citing.len()));
        records_ui(ui, input.corpus, &citing);
    }
}

/// A scrollable list of records: first author, year, title, source, DOI link.
fn records_ui(ui: &mut egui::Ui, corpus: Option<&Corpus>, records: &[u32]) {
    let Some(corpus) = corpus else { return };
    egui::ScrollArea::vertical()
        .id_salt(("records", records.len()))
        .max_height(260.0)
        .show(ui, |ui| {
            for &ri in records.iter().take(MAX_LISTED) {
                let Some(r) = corpus.records.get(ri as usize) else {
                    continue;
                };
                let label = crate::network::items::record_label(corpus, r);
                ui.label(egui::RichText::new(label).small().strong());
                ui.label(egui::RichText::new(r.title.as_ref()).small());
                if let Some(doi) = &r.doi {
                    ui.hyperlink_to(
                        egui::RichText::new(format!("doi:{doi}")).small(),
                        format!("https://doi.org/{doi}"),
                    );
                }
                ui.add_space(3.0);
            }
            if records.len() > MAX_LISTED {
                ui.weak(format!("… and {} more", records.len() - MAX_LISTED));
            }
        });
}
