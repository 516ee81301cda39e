//! The tables and figures a CiteSpace or biblioshiny study publishes, computed from a
//! corpus and its [`Analysis`] as one serialisable [`Report`]; the export layer writes
//! it as a folder ([`crate::export::report`]: `index.html`, `report.json`, figures and
//! CSV tables).
//!
//! - [`main_info`]: biblioshiny's Main Information table and annual production;
//! - [`bursts`]: CiteSpace's "Top N references with the strongest citation bursts";
//! - [`clusters`]: CiteSpace's cluster summary (labels by LLR, TF-IDF and MI side by
//!   side) and cluster explorer (citing records ranked by coverage, with GCS and LCS);
//! - [`methods`]: a methods paragraph generated from the parameters;
//! - [`figures`]: the burst figure and the annual production figure as scenes.
//!
//! A report holds no date or timing, so the same corpus and parameters give the same
//! report (a reopened session reports exactly what was saved).

pub mod bursts;
pub mod clusters;
pub mod figures;
pub mod main_info;
pub mod methods;

pub use bursts::{BurstRow, BurstTable, DEFAULT_TOP_BURSTS, burst_table};
pub use clusters::{CitingRow, ClusterRow};
pub use main_info::{AnnualRow, MainInformation, main_information};

use crate::model::Corpus;
use crate::pipeline::Analysis;
use serde::{Deserialize, Serialize};

/// How cocite's silhouette is defined, stated in every report and methods paragraph:
/// CiteSpace's own computation is not established from public sources.
pub const SILHOUETTE_DEFINITION: &str = "Silhouettes follow Rousseeuw (1987), \
    s(i) = (b(i) − a(i)) / max(a(i), b(i)), on geodesic distances (number of links on a \
    shortest path) in the merged network, nodes in different components at distance n, \
    singletons 0; a cluster's silhouette is its members' mean and S is the mean over all \
    nodes. This is cocite's definition; CiteSpace's exact computation is not published, so \
    values may differ from CiteSpace's.";

/// Default number of citing records per cluster in the report (`citing.csv` has all).
pub const DEFAULT_CITING_PER_CLUSTER: usize = 10;

/// What a report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportOptions {
    /// Rows of the burst table.
    pub top_bursts: usize,
    /// Citing records per cluster in the report (all go to `citing.csv`).
    pub citing_per_cluster: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            top_bursts: DEFAULT_TOP_BURSTS,
            citing_per_cluster: DEFAULT_CITING_PER_CLUSTER,
        }
    }
}

/// An input file, by name (a reopened session finds its files elsewhere).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputFile {
    pub name: String,
    pub format: String,
    /// Records read from it (before duplicates were merged).
    pub records: usize,
}

/// The network in numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkSummary {
    /// Node kind (`reference`, `keyword`, ...).
    pub kind: String,
    pub description: String,
    pub span: Option<(i32, i32)>,
    pub slices: usize,
    /// Slice length in years.
    pub slice_years: u32,
    /// Selection and link reduction in CiteSpace's notation.
    pub criteria: String,
    pub nodes: usize,
    pub links: usize,
    pub modularity: Option<f64>,
    pub mean_silhouette: Option<f64>,
}

/// A figure of the report folder and its caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// File name without extension (`network` → `network.svg`, `network.png`).
    pub name: String,
    pub caption: String,
}

/// Everything a report shows (`report.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    pub cocite_version: String,
    pub inputs: Vec<InputFile>,
    pub main_information: MainInformation,
    pub network: NetworkSummary,
    pub bursts: BurstTable,
    pub clusters: Vec<ClusterRow>,
    /// The first citing records of each cluster (`citing.csv` has all).
    pub citing: Vec<CitingRow>,
    pub silhouette_definition: String,
    pub methods: String,
    pub figures: Vec<Figure>,
    pub notes: Vec<String>,
}

/// The report of `a` on `corpus`, and every citing record of every cluster ranked
/// (for `citing.csv`; the report keeps the first `opts.citing_per_cluster`).
pub fn build_with_citing(
    corpus: &Corpus,
    a: &Analysis,
    opts: &ReportOptions,
) -> (Report, Vec<CitingRow>) {
    let p = &a.params.network;
    let bursts = burst_table(a, opts.top_bursts);
    let (clusters, citing_all) = clusters::clusters(corpus, a);
    let network = NetworkSummary {
        kind: p.kind.name().to_string(),
        description: p.kind.describe().to_string(),
        span: a.span,
        slices: a.slices.len(),
        slice_years: p.slice,
        criteria: p.criteria(),
        nodes: a.network.nodes.len(),
        links: a.network.links.len(),
        modularity: a.modularity,
        mean_silhouette: a.mean_silhouette,
    };
    let figures = figure_captions(a, &network, &bursts);
    let report = Report {
        title: format!(
            "{} of {} records{}",
            p.kind.describe(),
            corpus.records.len(),
            a.span
                .map(|(x, y)| format!(", {x}–{y}"))
                .unwrap_or_default()
        ),
        cocite_version: env!("CARGO_PKG_VERSION").to_string(),
        inputs: corpus
            .files
            .iter()
            .map(|f| InputFile {
                name: std::path::Path::new(&f.path)
                    .file_name()
                    .map_or_else(|| f.path.clone(), |n| n.to_string_lossy().into_owned()),
                format: f.format.clone(),
                records: f.records,
            })
            .collect(),
        main_information: main_information(corpus),
        network,
        bursts,
        clusters,
        citing: clusters::top_per_cluster(&citing_all, opts.citing_per_cluster),
        silhouette_definition: SILHOUETTE_DEFINITION.to_string(),
        methods: methods::methods(corpus, a),
        figures,
        notes: a.notes.clone(),
    };
    (report, citing_all)
}

/// The report of `a` on `corpus` ([`build_with_citing`] without the full explorer).
pub fn build(corpus: &Corpus, a: &Analysis, opts: &ReportOptions) -> Report {
    build_with_citing(corpus, a, opts).0
}

/// The figures of a report with their captions.
fn figure_captions(a: &Analysis, n: &NetworkSummary, b: &BurstTable) -> Vec<Figure> {
    let q = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.4}"));
    let fig = |name: &str, caption: String| Figure {
        name: name.to_string(),
        caption,
    };
    let span = n.span.map(|(x, y)| format!("{x}–{y}")).unwrap_or_default();
    vec![
        fig(
            "annual_production",
            "Annual scientific production: documents per year (bars) and mean global \
             citations per document of each year (line)."
                .into(),
        ),
        fig(
            "network",
            format!(
                "{} network, {span}: {} nodes, {} links; {}; modularity Q = {}, mean silhouette \
                 S = {}. Node size: {}; colours: clusters; clusters labelled by {}.",
                n.description,
                n.nodes,
                n.links,
                n.criteria,
                q(n.modularity),
                q(n.mean_silhouette),
                crate::scene::count_noun(a.params.network.kind),
                methods_label(a)
            ),
        ),
        fig(
            "timeline",
            format!(
                "Timeline view: one row per cluster (#0 the largest), each node at its year; \
                 {span}."
            ),
        ),
        fig("bursts", format!("{}. {}.", b.title(), b.settings())),
    ]
}

fn methods_label(a: &Analysis) -> &'static str {
    match a.params.analysis.labels {
        crate::pipeline::LabelMethod::Llr => "log-likelihood ratio",
        crate::pipeline::LabelMethod::Tfidf => "TF-IDF",
        crate::pipeline::LabelMethod::Mi => "mutual information",
    }
}
