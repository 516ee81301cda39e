//! The one path from a corpus to a map, shared by the app and the CLI:
//! [`AnalysisParams`] → [`run`] → [`Analysis`]. Both are plain values that serialise
//! with serde_json, so a saved pipeline can be replayed: the same corpus and
//! parameters give the same output.
//!
//! The stages own their parameters and results and know nothing of each other:
//! [`network::build`] (→ [`Built`]), [`analysis::run`] (→ [`Measures`]) and
//! [`layout::run`] (→ [`Positions`]). Only this module assembles their results into an
//! [`Analysis`], putting clusters, centrality, bursts and positions on the nodes.
//!
//! A network made elsewhere ([`crate::import`]) has no records behind it:
//! [`run_imported`] (or [`run_network`]) runs it through the same analysis and layout
//! stages without slicing, bursts or citing records ([`analysis::run_network`]).
//!
//! ```no_run
//! use cocite::pipeline::{self, AnalysisParams};
//! let corpus = cocite::io::load(&["assets/demo".into()]).expect("loads");
//! let mut params = AnalysisParams::default();
//! params.network.select = "g:25".parse().expect("a selection rule");
//! let a = pipeline::run(&corpus, &params).expect("runs");
//! println!("{} nodes, Q = {:?}", a.network.nodes.len(), a.modularity);
//! ```

use crate::analysis::mainpath::{MainPath, PathSearch, Traversal};
use crate::analysis::{self, Measures};
use crate::import::Imported;
use crate::layout::{self, Positions};
use crate::model::Corpus;
use crate::network::{self, Built, Counting, Measure, Network, NodeKind, Prune, Selection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::analysis::mainpath;
pub use crate::analysis::{
    AnalysisOptions, ClusterInfo, ClusterMethod, DEFAULT_RESOLUTION, DEFAULT_SEED, LabelMethod,
};
pub use crate::layout::{DEFAULT_ITERATIONS, LayoutMethod, LayoutParams};
pub use crate::network::params::DEFAULT_SLICE;
pub use crate::network::{NetworkError, NetworkParams, SliceInfo};
pub use crate::progress::Progress;

/// Every parameter of a pipeline run, grouped by the stage that uses it. Defaults
/// follow CiteSpace where it has one.
///
/// Saved (in sessions, `.analysis.json` and the app's settings) as one flat object,
/// `{"kind": .., "slice": .., "cluster": .., "layout": .., ...}`, as every earlier
/// version wrote it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "FlatParams", into = "FlatParams")]
pub struct AnalysisParams {
    pub network: NetworkParams,
    pub analysis: AnalysisOptions,
    pub layout: LayoutParams,
}

/// The saved form of [`AnalysisParams`]: the stages' fields side by side, in the order
/// of earlier versions (a missing field takes its default, so older files open).
#[derive(Serialize, Deserialize)]
#[serde(default)]
struct FlatParams {
    kind: NodeKind,
    from: Option<i32>,
    to: Option<i32>,
    slice: u32,
    select: Selection,
    measure: Measure,
    counting: Counting,
    prune: Prune,
    prune_slices: bool,
    prune_merged: bool,
    thesaurus: Vec<(String, String)>,
    lrf: Option<f64>,
    links_per_node: Option<usize>,
    look_back: Option<u32>,
    // Fields added later are written only when set, so files of runs without them
    // read exactly as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    core: Option<u32>,
    cluster: ClusterMethod,
    centrality: bool,
    resolution: f64,
    seed: u64,
    labels: LabelMethod,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_path: Option<Traversal>,
    #[serde(skip_serializing_if = "PathSearch::is_default")]
    main_path_search: PathSearch,
    #[serde(skip_serializing_if = "is_default_gamma")]
    burst_gamma: f64,
    #[serde(skip_serializing_if = "is_default_min_years")]
    burst_min_years: usize,
    layout: LayoutMethod,
    iterations: u32,
    prevent_overlap: bool,
    node_scale: f64,
}

fn is_default_gamma(g: &f64) -> bool {
    *g == analysis::burst::DEFAULT_GAMMA
}

fn is_default_min_years(y: &usize) -> bool {
    *y == analysis::burst::DEFAULT_MIN_DURATION
}

impl Default for FlatParams {
    fn default() -> Self {
        AnalysisParams::default().into()
    }
}

impl From<AnalysisParams> for FlatParams {
    fn from(p: AnalysisParams) -> Self {
        let (n, a, l) = (p.network, p.analysis, p.layout);
        FlatParams {
            kind: n.kind,
            from: n.from,
            to: n.to,
            slice: n.slice,
            select: n.select,
            measure: n.measure,
            counting: n.counting,
            prune: n.prune,
            prune_slices: n.prune_slices,
            prune_merged: n.prune_merged,
            thesaurus: n.thesaurus,
            lrf: n.lrf,
            links_per_node: n.links_per_node,
            look_back: n.look_back,
            core: n.core,
            cluster: a.cluster,
            centrality: a.centrality,
            resolution: a.resolution,
            seed: a.seed,
            labels: a.labels,
            main_path: a.main_path,
            main_path_search: a.main_path_search,
            burst_gamma: a.burst_gamma,
            burst_min_years: a.burst_min_years,
            layout: l.method,
            iterations: l.iterations,
            prevent_overlap: l.prevent_overlap,
            node_scale: l.node_scale,
        }
    }
}

impl From<FlatParams> for AnalysisParams {
    fn from(f: FlatParams) -> Self {
        AnalysisParams {
            network: NetworkParams {
                kind: f.kind,
                from: f.from,
                to: f.to,
                slice: f.slice,
                select: f.select,
                measure: f.measure,
                counting: f.counting,
                prune: f.prune,
                prune_slices: f.prune_slices,
                prune_merged: f.prune_merged,
                thesaurus: f.thesaurus,
                lrf: f.lrf,
                links_per_node: f.links_per_node,
                look_back: f.look_back,
                core: f.core,
            },
            analysis: AnalysisOptions {
                cluster: f.cluster,
                centrality: f.centrality,
                resolution: f.resolution,
                seed: f.seed,
                labels: f.labels,
                main_path: f.main_path,
                main_path_search: f.main_path_search,
                burst_gamma: f.burst_gamma,
                burst_min_years: f.burst_min_years,
            },
            layout: LayoutParams {
                method: f.layout,
                iterations: f.iterations,
                prevent_overlap: f.prevent_overlap,
                node_scale: f.node_scale,
            },
        }
    }
}

/// Everything a pipeline run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub params: AnalysisParams,
    /// The years analysed, `from..=to` after defaults were resolved.
    pub span: Option<(i32, i32)>,
    pub network: Network,
    pub slices: Vec<SliceInfo>,
    /// Records per publication year within the span.
    pub records_per_year: BTreeMap<i32, usize>,
    pub modularity: Option<f64>,
    pub mean_silhouette: Option<f64>,
    pub clusters: Vec<ClusterInfo>,
    pub layout_energy: Option<f64>,
    /// Main path of a citation network, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_path: Option<MainPath>,
    /// Messages for the user (e.g. "the records have no cited references").
    pub notes: Vec<String>,
    pub timings_ms: BTreeMap<String, f64>,
}

impl Analysis {
    /// For each node, the records of `corpus` behind its count
    /// ([`network::node_records`]).
    pub fn node_records(&self, corpus: &Corpus) -> Vec<Vec<u32>> {
        network::node_records(
            corpus,
            &self.network,
            self.span,
            &self.params.network.thesaurus,
        )
    }

    /// Puts the analysis stage's results on the nodes and clusters.
    pub fn apply_measures(&mut self, m: Measures) {
        let nodes = &mut self.network.nodes;
        if let Some(c) = m.clusters {
            self.modularity = Some(c.modularity);
            self.mean_silhouette = c.mean_silhouette;
            for ((node, &k), s) in nodes.iter_mut().zip(&c.membership).zip(c.silhouette) {
                node.cluster = Some(k);
                node.silhouette = s;
            }
            self.clusters = c.info;
        }
        for (node, b) in nodes.iter_mut().zip(m.betweenness.unwrap_or_default()) {
            node.betweenness = b;
        }
        for (node, b) in nodes.iter_mut().zip(m.bursts.unwrap_or_default()) {
            node.burst = b;
        }
        for (node, s) in nodes.iter_mut().zip(m.sigma.unwrap_or_default()) {
            node.sigma = s;
        }
        self.main_path = m.main_path;
        self.notes.extend(m.notes);
    }

    /// Puts the layout stage's positions on the nodes (none for [`LayoutMethod::None`]).
    pub fn apply_positions(&mut self, p: Positions) {
        self.layout_energy = p.energy;
        match p.xy {
            Some(xy) => {
                for (node, [x, y]) in self.network.nodes.iter_mut().zip(xy) {
                    node.x = Some(x);
                    node.y = Some(y);
                }
            }
            None => {
                for node in &mut self.network.nodes {
                    node.x = None;
                    node.y = None;
                }
            }
        }
        self.notes.extend(p.notes);
    }

    /// The analysis of a built network, before the analysis and layout stages.
    fn from_built(params: &AnalysisParams, b: Built) -> Analysis {
        Analysis {
            params: params.clone(),
            span: b.span,
            network: b.network,
            slices: b.slices,
            records_per_year: b.records_per_year,
            notes: b.notes,
            timings_ms: b.timings_ms,
            ..Default::default()
        }
    }
}

/// Errors in parameters.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error("resolution must be a positive number, got {0}")]
    Resolution(f64),
    #[error("main path analysis needs a citation network (--kind citation)")]
    MainPathNeedsCitation,
    #[error("burst gamma must be a number of 0 or more, got {0}")]
    BurstGamma(f64),
    #[error("the minimum burst duration must be at least 1 year")]
    BurstMinYears,
}

impl AnalysisParams {
    /// Checks the parameters against each other.
    pub fn validate(&self) -> Result<(), ParamError> {
        self.network.validate()?;
        self.validate_analysis()
    }

    /// Checks the analysis stage's parameters (all an imported network uses).
    fn validate_analysis(&self) -> Result<(), ParamError> {
        let r = self.analysis.resolution;
        if !(r > 0.0 && r.is_finite()) {
            return Err(ParamError::Resolution(r));
        }
        if self.analysis.main_path.is_some() && self.network.kind != NodeKind::Citation {
            return Err(ParamError::MainPathNeedsCitation);
        }
        let g = self.analysis.burst_gamma;
        if !(g >= 0.0 && g.is_finite()) {
            return Err(ParamError::BurstGamma(g));
        }
        if self.analysis.burst_min_years == 0 {
            return Err(ParamError::BurstMinYears);
        }
        Ok(())
    }
}

/// Runs the pipeline with no progress reporting.
pub fn run(corpus: &Corpus, params: &AnalysisParams) -> Result<Analysis, ParamError> {
    run_with(corpus, params, &crate::progress::silent)
}

/// Runs the pipeline. Returns `Ok` with partial results noted if cancelled.
pub fn run_with(
    corpus: &Corpus,
    params: &AnalysisParams,
    progress: Progress,
) -> Result<Analysis, ParamError> {
    params.validate()?;
    let built = network::build(corpus, &params.network, progress)?;
    let t = std::time::Instant::now();
    let measures = analysis::run(
        corpus,
        &built,
        &params.network.thesaurus,
        &params.analysis,
        progress,
    );
    let mut a = Analysis::from_built(params, built);
    a.apply_measures(measures);
    a.timings_ms
        .insert("analysis".into(), t.elapsed().as_secs_f64() * 1000.0);
    let t = std::time::Instant::now();
    let positions = layout::run(&a.network, &params.layout, params.analysis.seed, progress);
    a.apply_positions(positions);
    a.timings_ms
        .insert("layout".into(), t.elapsed().as_secs_f64() * 1000.0);
    Ok(a)
}

/// What [`run_network`] notes on every network without records.
pub const NO_RECORDS_NOTE: &str = "a network made elsewhere: no records behind it, so no time slices, bursts or citing records; cluster labels come from the members' labels";

/// Runs the analysis and layout stages on a network made elsewhere (no records behind
/// it) and returns its [`Analysis`] (no span, slices or bursts; `params.network.kind`
/// is [`NodeKind::Imported`]).
///
/// What is on the nodes is used: when every node has a cluster, the clusters are kept
/// (their modularity, silhouettes and labels computed) instead of clustering with
/// `params.analysis.cluster`; when every node has a position, the positions are kept
/// and the layout stage is skipped. Clear them first to recompute
/// ([`Imported::forget_clusters`], [`Imported::forget_positions`]). Cluster labels come
/// from the members' labels ([`analysis::network_only`]). Returns `Ok` with partial
/// results noted if cancelled.
pub fn run_network(
    network: Network,
    params: &AnalysisParams,
    progress: Progress,
) -> Result<Analysis, ParamError> {
    params.validate_analysis()?;
    let mut params = params.clone();
    params.network.kind = network.kind;
    let n = network.nodes.len();
    let given: Option<Vec<u32>> = network.nodes.iter().map(|n| n.cluster).collect();
    let keep_positions = n > 0 && network.nodes.iter().all(|n| n.x.is_some() && n.y.is_some());
    let mut a = Analysis {
        params,
        network,
        notes: vec![NO_RECORDS_NOTE.to_string()],
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let kept = given.is_some() && n > 0;
    let measures = analysis::run_network(&a.network, given, &a.params.analysis, progress);
    a.apply_measures(measures);
    if kept {
        a.notes.push(format!(
            "the file's {} clusters were kept (cluster again to replace them)",
            a.clusters.len()
        ));
    }
    a.timings_ms
        .insert("analysis".into(), t.elapsed().as_secs_f64() * 1000.0);
    if keep_positions {
        a.notes
            .push("the file's positions were kept (lay out again to replace them)".into());
        return Ok(a);
    }
    let t = std::time::Instant::now();
    let positions = layout::run(
        &a.network,
        &a.params.layout,
        a.params.analysis.seed,
        progress,
    );
    a.apply_positions(positions);
    a.timings_ms
        .insert("layout".into(), t.elapsed().as_secs_f64() * 1000.0);
    Ok(a)
}

/// [`run_network`] on an imported network: the reader's notes come first, and the
/// file's cluster labels replace the member-label ones where the clusters were kept.
///
/// ```no_run
/// use cocite::{import, pipeline};
/// let mut imported = import::read_network("map.gexf".as_ref()).expect("reads");
/// imported.forget_positions(); // lay it out with cocite's ForceAtlas2
/// let a = pipeline::run_imported(imported, &Default::default(), &cocite::progress::silent)
///     .expect("runs");
/// println!("{} clusters, Q = {:?}", a.clusters.len(), a.modularity);
/// ```
pub fn run_imported(
    imported: Imported,
    params: &AnalysisParams,
    progress: Progress,
) -> Result<Analysis, ParamError> {
    let kept = imported.has_clusters();
    let mut a = run_network(imported.network, params, progress)?;
    let mut notes = imported.notes;
    notes.append(&mut a.notes);
    a.notes = notes;
    if kept {
        for (c, label) in a.clusters.iter_mut().zip(&imported.cluster_labels) {
            if !label.is_empty() {
                c.label = label.clone();
            }
        }
    }
    Ok(a)
}
