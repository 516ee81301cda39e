//! Options of the analysis and layout stages, shared by `cocite network` and `cocite
//! map`. The clustering and layout methods are optional so that `cocite map` can tell
//! "not given" (keep the file's clusters and positions) from a method asked for.

use crate::pipeline::mainpath::{PathSearch, Traversal};
use crate::pipeline::{
    self, AnalysisOptions, ClusterMethod, LabelMethod, LayoutMethod, LayoutParams,
};
use serde::de::DeserializeOwned;

/// Parses a lower-case serde enum name (`leiden`, `llr`, `fa2`, ...).
pub(crate) fn parse_enum<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_lowercase())).map_err(|e| e.to_string())
}

/// Clustering, labels, centrality and layout options.
#[derive(clap::Args, Debug, Clone)]
pub struct StageArgs {
    /// Clustering: leiden, louvain, none [default: leiden].
    #[arg(long, value_parser = parse_enum::<ClusterMethod>)]
    pub cluster: Option<ClusterMethod>,
    /// Skip betweenness centrality (and sigma). Large networks get an estimate within
    /// ±0.02 (stated in the notes), so it costs at most a second or two.
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
    /// Burst detection's γ (Kleinberg's transition cost; smaller finds more bursts).
    #[arg(long, default_value_t = crate::analysis::burst::DEFAULT_GAMMA)]
    burst_gamma: f64,
    /// Shortest burst kept, in years (CiteSpace's minimum duration).
    #[arg(long, default_value_t = crate::analysis::burst::DEFAULT_MIN_DURATION)]
    burst_min_years: usize,
    /// Layout: fdg, fa2, timeline, timezone, historiograph (year columns, for
    /// citation), none [default: fa2].
    #[arg(long, value_parser = parse_enum::<LayoutMethod>)]
    pub layout: Option<LayoutMethod>,
    /// Skip the prevent-overlap phase at the end of the force layout.
    #[arg(long)]
    allow_overlap: bool,
    /// Layout iterations.
    #[arg(long, default_value_t = pipeline::DEFAULT_ITERATIONS)]
    iterations: u32,
    /// Node size relative to the default (the largest node about half the distance
    /// between neighbours): 0.5 halves every disc, 2 doubles it.
    #[arg(long, default_value_t = 1.0)]
    node_scale: f64,
}

impl StageArgs {
    /// The analysis stage's options (Leiden unless another method is given).
    pub fn analysis(&self) -> AnalysisOptions {
        AnalysisOptions {
            cluster: self.cluster.unwrap_or_default(),
            centrality: !self.no_centrality,
            resolution: self.resolution,
            seed: self.seed,
            labels: self.labels,
            main_path: self.main_path,
            main_path_search: self.main_path_search,
            burst_gamma: self.burst_gamma,
            burst_min_years: self.burst_min_years,
        }
    }

    /// The layout stage's parameters (ForceAtlas2 unless another method is given).
    pub fn layout(&self) -> LayoutParams {
        LayoutParams {
            method: self.layout.unwrap_or_default(),
            iterations: self.iterations,
            prevent_overlap: !self.allow_overlap,
            node_scale: self.node_scale,
        }
    }
}
