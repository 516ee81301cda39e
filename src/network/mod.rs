//! Building networks from a corpus, CiteSpace style: the span is cut into time slices,
//! each slice counts co-occurrences among the records published in it and keeps its
//! most important nodes, links are normalised and pruned, and the slices are merged
//! into one network whose nodes and links remember when they appeared.
//!
//! - [`items`]: what each record contributes (node kinds and their keys, thesaurus);
//! - [`select`]: top N, top N%, g-index, thresholds;
//! - [`normalize`]: raw, cosine, Jaccard, Dice, association strength;
//! - [`prune`]: Pathfinder and minimum spanning tree;
//! - [`build`]: slicing, counting, merging;
//! - [`citation`]: the direct citation network (historiograph, CitNetExplorer).

pub mod build;
pub mod citation;
pub mod items;
pub mod normalize;
pub mod params;
pub mod prune;
pub mod select;
pub mod types;

pub use build::{Built, build, cooccurrence, node_records, shared_records, slices};
pub use params::{Counting, Measure, NetworkError, NetworkParams, Prune, Selection};
pub use types::{Burst, Link, Network, Node, NodeKind, SliceInfo, WindowView};
