//! `cocite network`: build (and analyse, lay out) a network and print or write it.

use super::{CliError, Inputs};
use crate::export::Format;
use crate::io::{LoadOptions, load_with};
use crate::network::items::read_thesaurus;
use crate::network::{Counting, Measure, NodeKind, Prune, Selection};
use crate::pipeline::mainpath::{PathSearch, Traversal};
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
    /// Node kind: reference, author, journal, coauthor, institution, country, keyword,
    /// coupling, citation (the records linked by direct citation, citing → cited).
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
    /// Node selection per slice: top:N, toppct:N, g:k, threshold:c,cc,ccv, all
    /// [default: top:50; top:20 for citation, by local citations with ties, as
    /// bibliometrix's historiograph].
    #[arg(long)]
    select: Option<Selection>,
    /// Citation networks: keep the core publications, records with at least K citation
    /// links to other core records (CitNetExplorer), before --select.
    #[arg(long, value_name = "K")]
    core: Option<u32>,
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
    /// Citation networks: main path analysis with this traversal weight: spc, splc, spnp.
    #[arg(long, value_name = "WEIGHT")]
    main_path: Option<Traversal>,
    /// How the main path is searched: global, local, key-route or key-route:K (the K
    /// heaviest links extended both ways).
    #[arg(long, default_value = "global", value_name = "SEARCH")]
    main_path_search: PathSearch,
    /// Layout: fdg, fa2, timeline, timezone, historiograph (year columns, for citation), none.
    #[arg(long, default_value = "fa2", value_parser = parse_enum::<LayoutMethod>)]
    layout: LayoutMethod,
    /// Skip the prevent-overlap phase at the end of the force layout.
    #[arg(long)]
    allow_overlap: bool,
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
    /// Local citations (LCS) of a document node.
    #[serde(skip_serializing_if = "Option::is_none")]
    lcs: Option<u32>,
    /// Global citations (GCS) of a document node.
    #[serde(skip_serializing_if = "Option::is_none")]
    gcs: Option<u32>,
}

#[derive(Serialize)]
struct Summary<'a> {
    records: usize,
    span: Option<(i32, i32)>,
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
    timings_ms: std::collections::BTreeMap<String, f64>,
}

impl NetworkArgs {
    fn params(&self) -> Result<AnalysisParams, CliError> {
        let thesaurus = match &self.thesaurus {
            Some(p) => {
                let bad = |e: String| CliError::Usage(format!("{}: {e}", p.display()));
                let text = std::fs::read_to_string(p).map_err(|e| bad(e.to_string()))?;
                read_thesaurus(&text).map_err(bad)?
            }
            None => Vec::new(),
        };
        let params = AnalysisParams {
            network: NetworkParams {
                kind: self.kind,
                from: self.from,
                to: self.to,
                slice: self.slice,
                select: self.select.unwrap_or(if self.kind == NodeKind::Citation {
                    Selection::Top { n: 20 }
                } else {
                    Selection::default()
                }),
                measure: self.measure,
                counting: self.counting,
                prune: self.prune,
                prune_slices: self.prune_slices,
                prune_merged: !self.no_prune_merged,
                thesaurus,
                core: self.core,
            },
            analysis: AnalysisOptions {
                cluster: self.cluster,
                centrality: !self.no_centrality,
                resolution: self.resolution,
                seed: self.seed,
                labels: self.labels,
                main_path: self.main_path,
                main_path_search: self.main_path_search,
            },
            layout: LayoutParams {
                method: self.layout,
                iterations: self.iterations,
                prevent_overlap: !self.allow_overlap,
            },
        };
        params
            .validate()
            .map_err(|e| CliError::Usage(e.to_string()))?;
        Ok(params)
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
                lcs: n.lcs,
                gcs: n.gcs,
            })
            .collect(),
        modularity: analysis.modularity,
        mean_silhouette: analysis.mean_silhouette,
        clusters: &analysis.clusters,
        layout_energy: analysis.layout_energy,
        main_path: analysis.main_path.as_ref().map(|m| {
            m.nodes
                .iter()
                .map(|&i| analysis.network.nodes[i as usize].id.as_str())
                .collect()
        }),
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
            "  slices of {} year(s), selection {}, {} links, {} counting, pruning {}",
            p.slice, p.select, p.measure, p.counting, p.prune
        );
    }
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
    if p.kind == NodeKind::Citation {
        println!(
            "  {:>6}  {:>6}  (local citations (LCS), global citations (GCS))",
            "LCS", "GCS"
        );
    }
    for n in &s.top_nodes {
        match (n.lcs.filter(|_| p.kind == NodeKind::Citation), n.gcs) {
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
