//! `cocite network`: build (and analyse, lay out) a network and print or write it.

use super::output::{OutputArgs, Summary};
use super::stages::StageArgs;
use super::{CliError, Inputs};
use crate::io::{LoadOptions, load_with};
use crate::network::params::{DEFAULT_LINKS_PER_NODE, DEFAULT_LRF};
use crate::network::thesaurus;
use crate::network::{Counting, Measure, NodeKind, Prune, Selection};
use crate::pipeline::{self, AnalysisParams, NetworkParams};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct NetworkArgs {
    #[command(flatten)]
    inputs: Inputs,
    #[command(flatten)]
    net: NetOptions,
    #[command(flatten)]
    stages: StageArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// The network stage's options, shared by `cocite network` and `cocite report`.
#[derive(clap::Args, Debug)]
pub struct NetOptions {
    /// Node kind: reference, author, journal, coauthor, institution, country, keyword,
    /// term (noun phrases of 2-4 words), category (WoS categories), coupling, citation
    /// (the records linked by direct citation, citing → cited).
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
    /// toppct:N, threshold:c,cc,ccv, all [default: g:25; top:20 for citation, by
    /// local citations with ties, as bibliometrix's historiograph].
    #[arg(long)]
    select: Option<Selection>,
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
}

impl NetOptions {
    /// The pipeline's parameters: these network options with `stages`' analysis and
    /// layout options, checked.
    pub fn params(&self, stages: &StageArgs) -> Result<AnalysisParams, CliError> {
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
                lrf: (self.lrf != -1.0).then_some(self.lrf),
                links_per_node: off_if_negative(self.links_per_node)?,
                look_back: off_if_negative(self.look_back)?
                    .map(|y| u32::try_from(y).unwrap_or(u32::MAX)),
                core: self.core,
            },
            analysis: stages.analysis(),
            layout: stages.layout(),
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

pub fn run(args: &NetworkArgs) -> Result<(), CliError> {
    let params = args.net.params(&args.stages)?;
    args.output.check()?;
    let t0 = Instant::now();
    let (corpus, lt) = load_with(
        &args.inputs.paths,
        &LoadOptions::default(),
        &super::stderr_progress,
    )
    .map_err(|e| CliError::Failed(e.to_string()))?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let progress = super::stage_progress(corpus.records.len() > 20_000);
    let analysis = pipeline::run_with(&corpus, &params, &progress)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    args.output
        .write(&analysis, Some(&corpus), &args.output.scene(None))?;
    let timings = [
        ("load".to_string(), load_ms),
        ("parse".to_string(), lt.parse_ms),
        ("total".to_string(), t0.elapsed().as_secs_f64() * 1000.0),
    ];
    let s = Summary::new(
        &analysis,
        corpus.records.len(),
        corpus.problems.len(),
        timings.into_iter().collect(),
    );
    // The process ends here: freeing millions of strings one by one would only cost time.
    std::mem::forget(corpus);
    s.emit(args.output.json)
}
