//! `cocite network`: build (and analyse, lay out) a network and print or write it.

use super::{CliError, Inputs};
use crate::export::Format;
use crate::io::{LoadOptions, load_with};
use crate::network::params::{DEFAULT_LINKS_PER_NODE, DEFAULT_LRF};
use crate::network::thesaurus;
use crate::network::{Counting, Measure, NodeKind, Prune, Selection};
use crate::pipeline::{
    self, AnalysisOptions, AnalysisParams, ClusterMethod, LabelMethod, LayoutMethod, LayoutParams,
    NetworkParams,
};
use crate::scene::SceneOptions;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::PathBuf;
use std::time::Instant;

/// Parses a lower-case serde enum name (`leiden`, `llr`, `fa2`, ...).
fn parse_enum<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_lowercase())).map_err(|e| e.to_string())
}

#[derive(clap::Args, Debug)]
pub struct NetworkArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Node kind: reference, author, journal, coauthor, institution, country, keyword, coupling.
    #[arg(long, default_value = "reference")]
    kind: NodeKind,
    /// First year (default: the first year of the records).
    #[arg(long)]
    from: Option<i32>,
    /// Last year (default: the last year of the records).
    #[arg(long)]
    to: Option<i32>,
    /// Slice length in years.
    #[arg(long, default_value_t = pipeline::DEFAULT_SLICE)]
    slice: u32,
    /// Node selection per slice: g:k (CiteSpace's g-index with scale factor k), top:N,
    /// toppct:N, threshold:c,cc,ccv, all.
    #[arg(long, default_value = "g:25")]
    select: Selection,
    /// Link retaining factor (CiteSpace's LRF): each slice keeps its LRF·(N−1)
    /// strongest links (1 = as many as a spanning tree); -1 keeps all.
    #[arg(long, default_value_t = DEFAULT_LRF, allow_negative_numbers = true)]
    lrf: f64,
    /// Maximum links per node (CiteSpace's L/N): a slice's link is kept if it is among
    /// the N strongest of either end; -1 for no limit.
    #[arg(long, default_value_t = DEFAULT_LINKS_PER_NODE as i64, allow_negative_numbers = true)]
    links_per_node: i64,
    /// Look-back years (CiteSpace's LBY): citations of works more than Y years older
    /// than the citing record (both years counted) are left out; -1 for no limit.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    look_back: i64,
    /// Link strength: raw, cosine, jaccard, dice, association.
    #[arg(long, default_value = "cosine")]
    measure: Measure,
    /// full or fractional counting.
    #[arg(long, default_value = "full")]
    counting: Counting,
    /// Pruning: none, pathfinder, mst.
    #[arg(long, default_value = "none")]
    prune: Prune,
    /// Prune each slice's network (as well as the merged one).
    #[arg(long)]
    prune_slices: bool,
    /// With --prune-slices: do not prune the merged network.
    #[arg(long)]
    no_prune_merged: bool,
    /// Thesaurus file (VOSviewer format: label<TAB>replace by).
    #[arg(long, value_name = "FILE")]
    thesaurus: Option<PathBuf>,
    /// Clustering: leiden, louvain, none.
    #[arg(long, default_value = "leiden", value_parser = parse_enum::<ClusterMethod>)]
    cluster: ClusterMethod,
    /// Skip betweenness centrality (and sigma): much faster on dense networks of 10k+ nodes.
    #[arg(long)]
    no_centrality: bool,
    /// Modularity resolution.
    #[arg(long, default_value_t = pipeline::DEFAULT_RESOLUTION)]
    resolution: f64,
    /// Random seed (clustering, layout).
    #[arg(long, default_value_t = pipeline::DEFAULT_SEED)]
    seed: u64,
    /// Cluster labels: llr, tfidf, mi.
    #[arg(long, default_value = "llr", value_parser = parse_enum::<LabelMethod>)]
    labels: LabelMethod,
    /// Layout: fdg, fa2, timeline, timezone, none.
    #[arg(long, default_value = "fa2", value_parser = parse_enum::<LayoutMethod>)]
    layout: LayoutMethod,
    /// Skip the prevent-overlap phase at the end of the force layout.
    #[arg(long)]
    allow_overlap: bool,
    /// Node size relative to the default (the largest node about half the distance
    /// between neighbours): 0.5 halves every disc, 2 doubles it.
    #[arg(long, default_value_t = 1.0)]
    node_scale: f64,
    /// Layout iterations.
    #[arg(long, default_value_t = pipeline::DEFAULT_ITERATIONS)]
    iterations: u32,
    /// Print a JSON summary instead of text.
    #[arg(long)]
    json: bool,
    /// Write the network, a figure or a session; the extension chooses the format:
    /// .json (node-link), .analysis.json, .graphml, .gexf, .net (Pajek), .txt
    /// (VOSviewer map + NAME.network.txt), .csv (NAME.nodes/links/clusters/bursts.csv),
    /// .svg, .png, .pdf, .cocite. Repeatable.
    #[arg(long, value_name = "FILE")]
    out: Vec<PathBuf>,
    /// Size, resolution and title of figure outputs.
    #[command(flatten)]
    figure: Box<FigureArgs>,
}

#[derive(Serialize)]
struct TopNode<'a> {
    label: &'a str,
    count: u32,
}

#[derive(Serialize)]
struct Summary<'a> {
    records: usize,
    span: Option<(i32, i32)>,
    /// Node selection and link reduction in CiteSpace's notation.
    criteria: String,
    nodes: usize,
    edges: usize,
    slices: &'a [pipeline::SliceInfo],
    top_nodes: Vec<TopNode<'a>>,
    modularity: Option<f64>,
    mean_silhouette: Option<f64>,
    clusters: &'a [pipeline::ClusterInfo],
    layout_energy: Option<f64>,
    notes: &'a [String],
    params: &'a AnalysisParams,
    problems: usize,
    timings_ms: std::collections::BTreeMap<String, f64>,
}

impl NetworkArgs {
    fn params(&self) -> Result<AnalysisParams, CliError> {
        let thesaurus = match &self.thesaurus {
            Some(p) => {
                let bad = |e: String| CliError::Usage(format!("{}: {e}", p.display()));
                let text = std::fs::read_to_string(p).map_err(|e| bad(e.to_string()))?;
                thesaurus::read(&text).map_err(bad)?
            }
            None => Vec::new(),
        };
        let params = AnalysisParams {
            network: NetworkParams {
                kind: self.kind,
                from: self.from,
                to: self.to,
                slice: self.slice,
                select: self.select,
                measure: self.measure,
                counting: self.counting,
                prune: self.prune,
                prune_slices: self.prune_slices,
                prune_merged: !self.no_prune_merged,
                thesaurus,
                lrf: (self.lrf != -1.0).then_some(self.lrf),
                links_per_node: off_if_negative(self.links_per_node)?,
                look_back: off_if_negative(self.look_back)?
                    .map(|y| u32::try_from(y).unwrap_or(u32::MAX)),
            },
            analysis: AnalysisOptions {
                cluster: self.cluster,
                centrality: !self.no_centrality,
                resolution: self.resolution,
                seed: self.seed,
                labels: self.labels,
            },
            layout: LayoutParams {
                method: self.layout,
                iterations: self.iterations,
                prevent_overlap: !self.allow_overlap,
                node_scale: self.node_scale,
            },
        };
        params
            .validate()
            .map_err(|e| CliError::Usage(e.to_string()))?;
        Ok(params)
    }
}

/// CiteSpace's "-1 = off" for a count option; other negative values are errors.
fn off_if_negative(v: i64) -> Result<Option<usize>, CliError> {
    match v {
        -1 => Ok(None),
        v if v < 0 => Err(CliError::Usage(format!(
            "{v}: use a positive number, or -1 for no limit"
        ))),
        v => Ok(Some(v as usize)),
    }
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

/// The figure options given on the command line.
fn scene_options(args: &NetworkArgs) -> SceneOptions {
    let f = &args.figure;
    SceneOptions {
        width: f.width,
        height: f.height,
        dpi: f.dpi,
        title: f.title.clone(),
        ..SceneOptions::default()
    }
}

pub fn run(args: &NetworkArgs) -> Result<(), CliError> {
    let params = args.params()?;
    if let Some(out) = args.out.iter().find(|o| Format::from_path(o).is_none()) {
        return Err(CliError::Usage(format!(
            "{}: unsupported output format (supported: {})",
            out.display(),
            Format::supported()
        )));
    }
    let t0 = Instant::now();
    let (corpus, lt) = load_with(
        &args.inputs.paths,
        &LoadOptions::default(),
        &super::stderr_progress,
    )
    .map_err(|e| CliError::Failed(e.to_string()))?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let show_progress = corpus.records.len() > 20_000;
    let progress = |stage: &str, f: f32| {
        if show_progress {
            eprint!("\r{stage}: {:3.0}%   ", f * 100.0);
            if f >= 1.0 {
                eprintln!();
            }
        }
        true
    };
    let analysis = pipeline::run_with(&corpus, &params, &progress)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let scene = scene_options(args);
    for out in &args.out {
        crate::export::write(out, &analysis, Some(&corpus), &scene)
            .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", out.display())))?;
    }
    let mut timings = analysis.timings_ms.clone();
    timings.insert("load".into(), load_ms);
    timings.insert("parse".into(), lt.parse_ms);
    timings.insert("total".into(), t0.elapsed().as_secs_f64() * 1000.0);
    let s = Summary {
        records: corpus.records.len(),
        span: analysis.span,
        criteria: analysis.params.network.criteria(),
        nodes: analysis.network.nodes.len(),
        edges: analysis.network.links.len(),
        slices: &analysis.slices,
        top_nodes: analysis
            .network
            .nodes
            .iter()
            .take(10)
            .map(|n| TopNode {
                label: &n.label,
                count: n.count,
            })
            .collect(),
        modularity: analysis.modularity,
        mean_silhouette: analysis.mean_silhouette,
        clusters: &analysis.clusters,
        layout_energy: analysis.layout_energy,
        notes: &analysis.notes,
        params: &analysis.params,
        problems: corpus.problems.len(),
        timings_ms: timings,
    };
    // The process ends here: freeing millions of strings one by one would only cost time.
    std::mem::forget(corpus);
    super::emit(args.json, &s, print_text)
}

fn print_text(s: &Summary) {
    let p = &s.params.network;
    println!(
        "{} network of {} records, {}",
        p.kind.describe(),
        s.records,
        s.span.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default()
    );
    println!(
        "  slices of {} year(s), {} links, {} counting, pruning {}",
        p.slice, p.measure, p.counting, p.prune
    );
    println!("  selection criteria: {}", s.criteria);
    println!("nodes: {}   links: {}", s.nodes, s.edges);
    if let Some(q) = s.modularity {
        println!(
            "modularity Q: {q:.4}   mean silhouette S: {:.4}",
            s.mean_silhouette.unwrap_or(f64::NAN)
        );
    }
    println!("slices:");
    for sl in s.slices {
        println!(
            "  {}–{}: {:>6} records, {:>7} candidates, {:>5} selected, {:>7} links",
            sl.from, sl.to, sl.records, sl.candidates, sl.selected, sl.links
        );
    }
    println!("top nodes:");
    for n in &s.top_nodes {
        println!("  {:>6}  {}", n.count, n.label);
    }
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
