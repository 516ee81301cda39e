//! "What am I looking at?": the map explained in plain words with its own numbers.

use super::super::canvas::HIGH_BETWEENNESS;
use crate::pipeline::Analysis;

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
