//! Building networks from a corpus, CiteSpace style: the span is cut into time slices,
//! each slice counts co-occurrences among the records published in it and keeps its
//! most important nodes, links are normalised and pruned, and the slices are merged
//! into one network whose nodes and links remember when they appeared.

pub mod params;
pub mod types;

pub use params::{Counting, Measure, Prune, Selection};
pub use types::{Burst, Link, Network, Node, NodeKind};

use crate::model::Corpus;
use crate::pipeline::{Analysis, AnalysisParams, ParamError, Progress};

/// Builds the merged network for `params` (stub until the networks issue lands).
pub fn build_analysis(
    _corpus: &Corpus,
    params: &AnalysisParams,
    _progress: Progress,
) -> Result<Analysis, ParamError> {
    Ok(Analysis {
        params: params.clone(),
        network: Network {
            kind: params.kind,
            ..Default::default()
        },
        ..Default::default()
    })
}
