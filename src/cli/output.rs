//! What `cocite network` and `cocite map` write and print, shared so both give the same
//! files and the same summary: `--out` files by extension, figure options, and the
//! summary (`--json`: one object of the same shape for both commands).

use super::CliError;
use crate::export::Format;
use crate::model::Corpus;
use crate::network::NodeKind;
use crate::pipeline::{self, Analysis, AnalysisParams};
use crate::scene::SceneOptions;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Output options: `--json`, `--out` and the figure's size.
#[derive(clap::Args, Debug)]
pub struct OutputArgs {
    /// Print a JSON summary instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write the network, a figure or a session; the extension chooses the format:
    /// .json (node-link), .analysis.json, .graphml, .gexf, .net (Pajek), .txt
    /// (VOSviewer map + NAME.network.txt), .vos.json (VOSviewer JSON), .csv
    /// (NAME.nodes/links/clusters/bursts.csv), .svg, .png, .pdf, .cocite. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub out: Vec<PathBuf>,
    /// Size, resolution and title of figure outputs.
    #[command(flatten)]
    figure: FigureArgs,
}

/// Options of figure outputs (`--out` .svg, .png, .pdf).
#[derive(clap::Args, Debug, Clone)]
pub struct FigureArgs {
    /// Figure width in CSS pixels (1/96 inch).
    #[arg(long, default_value_t = 1600.0)]
    width: f64,
    /// Figure height in CSS pixels.
    #[arg(long, default_value_t = 1100.0)]
    height: f64,
    /// Resolution of .png figures (a PNG is width·dpi/96 pixels wide).
    #[arg(long, default_value_t = 96.0)]
    dpi: f64,
    /// Figure title (default: the network kind and span).
    #[arg(long)]
    title: Option<String>,
}

impl FigureArgs {
    /// The figure options given; `title` is the default title when none is given.
    pub fn scene(&self, title: Option<String>) -> SceneOptions {
        SceneOptions {
            width: self.width,
            height: self.height,
            dpi: self.dpi,
            title: self.title.clone().or(title),
            ..SceneOptions::default()
        }
    }
}

impl OutputArgs {
    /// Fails (before any work) when an `--out` extension names no format.
    pub fn check(&self) -> Result<(), CliError> {
        match self.out.iter().find(|o| Format::from_path(o).is_none()) {
            Some(out) => Err(CliError::Usage(format!(
                "{}: unsupported output format (supported: {})",
                out.display(),
                Format::supported()
            ))),
            None => Ok(()),
        }
    }

    /// The figure options given; `title` is the default title when none is given.
    pub fn scene(&self, title: Option<String>) -> SceneOptions {
        self.figure.scene(title)
    }

    /// Writes every `--out` file.
    pub fn write(
        &self,
        analysis: &Analysis,
        corpus: Option<&Corpus>,
        scene: &SceneOptions,
    ) -> Result<(), CliError> {
        for out in &self.out {
            crate::export::write(out, analysis, corpus, scene)
                .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", out.display())))?;
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct TopNode<'a> {
    label: &'a str,
    count: u32,
    /// Local citations (LCS) of a document node.
    #[serde(skip_serializing_if = "Option::is_none")]
    lcs: Option<u32>,
    /// Global citations (GCS) of a document node.
    #[serde(skip_serializing_if = "Option::is_none")]
    gcs: Option<u32>,
}

/// The summary of a run, printed as text or (`--json`) as one JSON object.
#[derive(Serialize)]
pub struct Summary<'a> {
    records: usize,
    span: Option<(i32, i32)>,
    /// Node selection and link reduction in CiteSpace's notation (null for an
    /// imported network, which had none).
    criteria: Option<String>,
    nodes: usize,
    edges: usize,
    slices: &'a [pipeline::SliceInfo],
    top_nodes: Vec<TopNode<'a>>,
    modularity: Option<f64>,
    mean_silhouette: Option<f64>,
    clusters: &'a [pipeline::ClusterInfo],
    layout_energy: Option<f64>,
    /// Node ids on the main path, in time order (citation networks with --main-path).
    #[serde(skip_serializing_if = "Option::is_none")]
    main_path: Option<Vec<&'a str>>,
    notes: &'a [String],
    params: &'a AnalysisParams,
    problems: usize,
    timings_ms: BTreeMap<String, f64>,
}

impl<'a> Summary<'a> {
    /// The summary of `a`, from `records` records with `problems` reading problems;
    /// `timings` are added to the analysis's own.
    pub fn new(
        a: &'a Analysis,
        records: usize,
        problems: usize,
        timings: BTreeMap<String, f64>,
    ) -> Self {
        let mut top: Vec<&crate::network::Node> = a.network.nodes.iter().collect();
        // Stable: a built network is already in this order.
        top.sort_by_key(|n| std::cmp::Reverse(n.count));
        let mut timings_ms = a.timings_ms.clone();
        timings_ms.extend(timings);
        Summary {
            records,
            span: a.span,
            criteria: (a.params.network.kind != NodeKind::Imported)
                .then(|| a.params.network.criteria()),
            nodes: a.network.nodes.len(),
            edges: a.network.links.len(),
            slices: &a.slices,
            top_nodes: top
                .into_iter()
                .take(10)
                .map(|n| TopNode {
                    label: &n.label,
                    count: n.count,
                    lcs: n.lcs,
                    gcs: n.gcs,
                })
                .collect(),
            modularity: a.modularity,
            mean_silhouette: a.mean_silhouette,
            clusters: &a.clusters,
            layout_energy: a.layout_energy,
            main_path: a.main_path.as_ref().map(|m| {
                m.nodes
                    .iter()
                    .map(|&i| a.network.nodes[i as usize].id.as_str())
                    .collect()
            }),
            notes: &a.notes,
            params: &a.params,
            problems,
            timings_ms,
        }
    }

    /// Prints the summary: JSON with `json`, else text.
    pub fn emit(&self, json: bool) -> Result<(), CliError> {
        super::emit(json, self, print_text)
    }
}

/// What the network is and how it was built.
fn print_heading(s: &Summary) {
    let p = &s.params.network;
    if p.kind == NodeKind::Imported {
        println!("Imported network (no records behind it)");
        return;
    }
    println!(
        "{} network of {} records, {}",
        p.kind.describe(),
        s.records,
        s.span.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default()
    );
    if p.kind == NodeKind::Citation {
        let core = p
            .core
            .map(|k| format!("core publications (k = {k}), then "))
            .unwrap_or_default();
        println!(
            "  links are citations (citing → cited); {core}selection {} by local citations (LCS)",
            p.select
        );
    } else {
        println!(
            "  slices of {} year(s), {} links, {} counting, pruning {}",
            p.slice, p.measure, p.counting, p.prune
        );
        println!("  selection criteria: {}", p.criteria());
    }
}

/// The most counted nodes (with LCS and GCS for a citation network) and the main path.
fn print_top_nodes(s: &Summary) {
    let citation = s.params.network.kind == NodeKind::Citation;
    println!("top nodes:");
    if citation {
        println!(
            "  {:>6}  {:>6}  (local citations (LCS), global citations (GCS))",
            "LCS", "GCS"
        );
    }
    for n in &s.top_nodes {
        match (n.lcs.filter(|_| citation), n.gcs) {
            (Some(l), g) => println!(
                "  {l:>6}  {:>6}  {}",
                g.map(|g| g.to_string()).unwrap_or_default(),
                n.label
            ),
            _ => println!("  {:>6}  {}", n.count, n.label),
        }
    }
    if let Some(path) = &s.main_path {
        let a = &s.params.analysis;
        println!(
            "main path ({}, {}): {}",
            a.main_path
                .map(|t| t.name().to_uppercase())
                .unwrap_or_default(),
            a.main_path_search,
            path.join(" → ")
        );
    }
}

fn print_text(s: &Summary) {
    print_heading(s);
    println!("nodes: {}   links: {}", s.nodes, s.edges);
    if let Some(q) = s.modularity {
        println!(
            "modularity Q: {q:.4}   mean silhouette S: {:.4}",
            s.mean_silhouette.unwrap_or(f64::NAN)
        );
    }
    if !s.slices.is_empty() {
        println!("slices:");
    }
    for sl in s.slices {
        println!(
            "  {}–{}: {:>6} records, {:>7} candidates, {:>5} selected, {:>7} links",
            sl.from, sl.to, sl.records, sl.candidates, sl.selected, sl.links
        );
    }
    print_top_nodes(s);
    for c in s.clusters.iter().take(15) {
        println!(
            "  cluster #{:<3} size {:>4}  silhouette {:.3}  mean year {}  {}",
            c.id,
            c.size,
            c.silhouette,
            c.mean_year.map(|y| format!("{y:.1}")).unwrap_or_default(),
            c.label
        );
    }
    for n in s.notes {
        println!("note: {n}");
    }
    let t: Vec<String> = s
        .timings_ms
        .iter()
        .map(|(k, v)| format!("{k} {v:.1} ms"))
        .collect();
    println!("time: {}", t.join(", "));
}
