//! Analysis of the merged network: clusters, silhouette, labels, betweenness, bursts
//! and sigma.

pub mod burst;
pub mod centrality;
pub mod cluster;
mod csr;
pub mod leiden;
pub mod rng;
pub mod silhouette;

use crate::model::Corpus;
use crate::pipeline::{Analysis, Progress};

/// Adds clusters, centrality, bursts and labels to `analysis` (stub).
pub fn run(_corpus: &Corpus, _analysis: &mut Analysis, _progress: Progress) {}
