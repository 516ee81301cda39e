//! Parameters and results of the analysis stage: clustering method and resolution,
//! label method, centrality on or off, burst detection, main path
//! ([`AnalysisOptions`]), and what each cluster is ([`ClusterInfo`]).

use super::mainpath::{PathSearch, Traversal};
use serde::{Deserialize, Serialize};

/// Default modularity resolution.
pub const DEFAULT_RESOLUTION: f64 = 1.0;
/// Default random seed (clustering and layout).
pub const DEFAULT_SEED: u64 = 42;

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

/// What the analysis stage computes and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisOptions {
    pub cluster: ClusterMethod,
    /// Compute betweenness centrality (and so sigma): exact on small networks, else
    /// estimated within a stated bound ([`crate::analysis::betweenness_sample`]).
    pub centrality: bool,
    pub resolution: f64,
    /// Seed of the clustering (and, in a pipeline, of the layout).
    pub seed: u64,
    pub labels: LabelMethod,
    /// Main path analysis of a citation network with this traversal weight (none by
    /// default; [`crate::analysis::mainpath`]).
    pub main_path: Option<Traversal>,
    /// How the main path is searched.
    pub main_path_search: PathSearch,
    /// Burst detection's transition cost factor γ (Kleinberg 2002; CiteSpace's
    /// "γ"): smaller finds more bursts ([`super::burst`]).
    pub burst_gamma: f64,
    /// Shortest burst kept, in years (CiteSpace's "minimum duration").
    pub burst_min_years: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            cluster: ClusterMethod::default(),
            centrality: true,
            resolution: DEFAULT_RESOLUTION,
            seed: DEFAULT_SEED,
            labels: LabelMethod::default(),
            main_path: None,
            main_path_search: PathSearch::default(),
            burst_gamma: super::burst::DEFAULT_GAMMA,
            burst_min_years: super::burst::DEFAULT_MIN_DURATION,
        }
    }
}

impl AnalysisOptions {
    /// True when the burst settings are the defaults (saved files then omit them).
    pub fn default_bursts(&self) -> bool {
        self.burst_gamma == super::burst::DEFAULT_GAMMA
            && self.burst_min_years == super::burst::DEFAULT_MIN_DURATION
    }
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
