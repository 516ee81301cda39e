//! CiteSpace's table "Top N references with the strongest citation bursts": the nodes
//! with a burst ([`crate::analysis::burst`], Kleinberg 2002, each node's strongest
//! burst), the N strongest (ties: the earlier begin, then the label), listed in order of
//! burst begin (then strength, strongest first), as CiteSpace lists them. Each row has
//! the node's year (publication year of a reference or record, else the first year the
//! item occurs), the burst strength, its first and last year, and the analysed span that
//! the figure's bar covers ([`super::figures::bursts`]).

use crate::network::NodeKind;
use crate::pipeline::Analysis;
use serde::{Deserialize, Serialize};

/// Default number of bursts in the table (CiteSpace's "Top 25").
pub const DEFAULT_TOP_BURSTS: usize = 25;

/// One row of the burst table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BurstRow {
    /// Node id.
    pub id: String,
    /// The node as CiteSpace lists it (a reference as WoS writes it).
    pub label: String,
    /// Publication year (references, records) or first year of occurrence.
    pub year: Option<i32>,
    pub strength: f64,
    pub begin: i32,
    pub end: i32,
}

/// The burst table and the settings it was detected with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BurstTable {
    /// What the rows are, plural ("References", "Keywords", ...).
    pub items: String,
    /// Rate ratio s of the burst state.
    pub s: f64,
    pub gamma: f64,
    /// Minimum burst duration in years.
    pub min_years: usize,
    /// The years the bars cover (the analysed span).
    pub span: Option<(i32, i32)>,
    /// Nodes with a burst (the table shows at most `top` of them).
    pub with_burst: usize,
    /// How many rows were asked for.
    pub top: usize,
    pub rows: Vec<BurstRow>,
}

/// What the nodes of a kind are called in the burst table's title.
pub fn items_noun(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Reference => "References",
        NodeKind::Author => "Cited Authors",
        NodeKind::Journal => "Cited Journals",
        NodeKind::Coauthor => "Authors",
        NodeKind::Institution => "Institutions",
        NodeKind::Country => "Countries",
        NodeKind::Keyword => "Keywords",
        NodeKind::Term => "Terms",
        NodeKind::Category => "Categories",
        NodeKind::Coupling | NodeKind::Citation => "Documents",
        NodeKind::Imported => "Items",
    }
}

/// The burst table of `a`: the `top` strongest bursts, ordered by begin.
pub fn burst_table(a: &Analysis, top: usize) -> BurstTable {
    let mut rows: Vec<BurstRow> = a
        .network
        .nodes
        .iter()
        .filter_map(|n| {
            let b = n.burst?;
            Some(BurstRow {
                id: n.id.clone(),
                label: n.label.clone(),
                year: n.year,
                strength: b.strength,
                begin: b.begin,
                end: b.end,
            })
        })
        .collect();
    let with_burst = rows.len();
    rows.sort_by(|x, y| {
        y.strength
            .total_cmp(&x.strength)
            .then(x.begin.cmp(&y.begin))
            .then_with(|| x.label.cmp(&y.label))
    });
    rows.truncate(top);
    rows.sort_by(|x, y| {
        x.begin
            .cmp(&y.begin)
            .then(y.strength.total_cmp(&x.strength))
            .then_with(|| x.label.cmp(&y.label))
    });
    let opts = &a.params.analysis;
    BurstTable {
        items: items_noun(a.params.network.kind).to_string(),
        s: crate::analysis::burst::DEFAULT_S,
        gamma: opts.burst_gamma,
        min_years: opts.burst_min_years,
        span: a.span,
        with_burst,
        top,
        rows,
    }
}

impl BurstTable {
    /// The table's title, CiteSpace's: "Top 25 References with the Strongest Citation
    /// Bursts" ("Strongest Bursts" for kinds whose counts are not citations).
    pub fn title(&self) -> String {
        let cited = matches!(
            self.items.as_str(),
            "References" | "Cited Authors" | "Cited Journals" | "Documents"
        );
        let kind = if cited { "Citation " } else { "" };
        if self.rows.is_empty() {
            return format!("{} with {kind}Bursts: none detected", self.items);
        }
        format!(
            "Top {} {} with the Strongest {kind}Bursts",
            self.rows.len(),
            self.items
        )
    }

    /// The settings in words, for captions.
    pub fn settings(&self) -> String {
        format!(
            "Kleinberg's two-state burst detection on yearly counts, s = {}, γ = {}, minimum \
             duration {} year{}",
            self.s,
            self.gamma,
            self.min_years,
            if self.min_years == 1 { "" } else { "s" }
        )
    }
}
