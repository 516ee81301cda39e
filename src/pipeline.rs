//! The one path from a corpus to a map, shared by the app and the CLI:
//! [`AnalysisParams`] → [`run`] → [`Analysis`]. Both are plain values that serialise
//! with serde_json, so a saved pipeline can be replayed: the same corpus and
//! parameters give the same output.

use crate::model::Corpus;
use crate::network::{Counting, Measure, Network, NodeKind, Prune, Selection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Clustering method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ClusterMethod {
    /// Traag, Waltman & van Eck (2019).
    #[default]
    Leiden,
    /// Blondel et al. (2008).
    Louvain,
    None,
}

/// How clusters are labelled from their citing records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LabelMethod {
    /// Log-likelihood ratio (Dunning 1993): CiteSpace's default.
    #[default]
    Llr,
    Tfidf,
    Mi,
}

/// Layout method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LayoutMethod {
    /// fdg-sim Fruchterman–Reingold (small graphs).
    Fdg,
    /// ForceAtlas2 with Barnes–Hut.
    #[default]
    Fa2,
    /// Clusters as rows, publication year on x (CiteSpace timeline view).
    Timeline,
    /// Vertical zones per year of first appearance (CiteSpace time-zone view).
    Timezone,
    None,
}

/// Every parameter of a pipeline run. Defaults follow CiteSpace where it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisParams {
    pub kind: NodeKind,
    /// First year (default: the corpus' first year).
    pub from: Option<i32>,
    /// Last year (default: the corpus' last year).
    pub to: Option<i32>,
    /// Slice length in years.
    pub slice: u32,
    pub select: Selection,
    pub measure: Measure,
    pub counting: Counting,
    pub prune: Prune,
    /// Prune each slice's network before merging.
    pub prune_slices: bool,
    /// Prune the merged network.
    pub prune_merged: bool,
    /// VOSviewer-style thesaurus (`label<TAB>replace by`) applied before counting.
    pub thesaurus: Vec<(String, String)>,
    pub cluster: ClusterMethod,
    /// Compute betweenness centrality (and so sigma). On dense networks of 10k+ nodes
    /// it dominates the run time.
    pub centrality: bool,
    pub resolution: f64,
    pub seed: u64,
    pub labels: LabelMethod,
    pub layout: LayoutMethod,
    pub iterations: u32,
    /// End the force layout with ForceAtlas2's prevent-overlap phase (Gephi's "adjust
    /// sizes"), so nodes drawn at their size do not cover each other.
    pub prevent_overlap: bool,
}

/// Default slice length (years).
pub const DEFAULT_SLICE: u32 = 1;
/// Default modularity resolution.
pub const DEFAULT_RESOLUTION: f64 = 1.0;
/// Default random seed.
pub const DEFAULT_SEED: u64 = 42;
/// Default layout iterations.
pub const DEFAULT_ITERATIONS: u32 = 300;

impl Default for AnalysisParams {
    fn default() -> Self {
        AnalysisParams {
            kind: NodeKind::Reference,
            from: None,
            to: None,
            slice: DEFAULT_SLICE,
            select: Selection::default(),
            measure: Measure::default(),
            counting: Counting::default(),
            prune: Prune::default(),
            prune_slices: false,
            prune_merged: true,
            thesaurus: Vec::new(),
            cluster: ClusterMethod::default(),
            centrality: true,
            resolution: DEFAULT_RESOLUTION,
            seed: DEFAULT_SEED,
            labels: LabelMethod::default(),
            layout: LayoutMethod::default(),
            iterations: DEFAULT_ITERATIONS,
            prevent_overlap: true,
        }
    }
}

/// One time slice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SliceInfo {
    pub from: i32,
    pub to: i32,
    /// Records published in the slice.
    pub records: usize,
    /// Distinct items occurring in the slice.
    pub candidates: usize,
    /// Items the selection rule kept.
    pub selected: usize,
    /// Links among the selected items in this slice.
    pub links: usize,
}

/// A cluster of the merged network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterInfo {
    pub id: u32,
    pub size: usize,
    /// Best label by the chosen method.
    pub label: String,
    /// Runner-up labels with their scores.
    pub terms: Vec<(String, f64)>,
    pub silhouette: f64,
    /// Mean publication year of the members.
    pub mean_year: Option<f64>,
    /// Most cited members (node indices), best first.
    pub top_members: Vec<u32>,
    /// Records citing the cluster's members most (record indices), best first.
    pub top_citing: Vec<u32>,
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
    /// Messages for the user (e.g. "the records have no cited references").
    pub notes: Vec<String>,
    pub timings_ms: BTreeMap<String, f64>,
}

/// Errors in parameters.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error("--from {from} is after --to {to}")]
    FromAfterTo { from: i32, to: i32 },
    #[error("slice length must be at least 1 year")]
    ZeroSlice,
    #[error("resolution must be a positive number, got {0}")]
    Resolution(f64),
    #[error("the corpus has no records with a publication year")]
    NoYears,
}

impl AnalysisParams {
    /// Checks the parameters against each other.
    pub fn validate(&self) -> Result<(), ParamError> {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(ParamError::FromAfterTo { from, to });
        }
        if self.slice == 0 {
            return Err(ParamError::ZeroSlice);
        }
        if !(self.resolution > 0.0 && self.resolution.is_finite()) {
            return Err(ParamError::Resolution(self.resolution));
        }
        Ok(())
    }
}

/// Progress callback: stage name and fraction done (0–1). Return false to cancel.
pub type Progress<'a> = &'a (dyn Fn(&str, f32) -> bool + Sync);

/// Runs the pipeline with no progress reporting.
pub fn run(corpus: &Corpus, params: &AnalysisParams) -> Result<Analysis, ParamError> {
    run_with(corpus, params, &|_, _| true)
}

/// Runs the pipeline. Returns `Ok` with partial results noted if cancelled.
pub fn run_with(
    corpus: &Corpus,
    params: &AnalysisParams,
    progress: Progress,
) -> Result<Analysis, ParamError> {
    params.validate()?;
    let mut analysis = crate::network::build_analysis(corpus, params, progress)?;
    let t = std::time::Instant::now();
    crate::analysis::run(corpus, &mut analysis, progress);
    analysis
        .timings_ms
        .insert("analysis".into(), t.elapsed().as_secs_f64() * 1000.0);
    let t = std::time::Instant::now();
    crate::layout::run(&mut analysis, progress);
    analysis
        .timings_ms
        .insert("layout".into(), t.elapsed().as_secs_f64() * 1000.0);
    Ok(analysis)
}
