//! Building networks from a corpus, CiteSpace style: the span is cut into time slices,
//! each slice counts co-occurrences among the records published in it and keeps its
//! most important nodes, links are normalised and pruned, and the slices are merged
//! into one network whose nodes and links remember when they appeared.
//!
//! - [`items`]: what each record contributes (node kinds and their keys, thesaurus);
//! - [`phrases`]: the noun-phrase terms of a record (the term node kind);
//! - [`select`]: top N, top N%, g-index, thresholds;
//! - [`normalize`]: raw, cosine, Jaccard, Dice, association strength;
//! - [`reduce`]: CiteSpace's link reduction per slice (LRF, L/N) and look-back years;
//! - [`prune`]: Pathfinder and minimum spanning tree;
//! - [`thesaurus`]: VOSviewer thesaurus files (merging name variants);
//! - [`slice`]: one time slice's network;
//! - [`build`]: slicing, counting, merging;
//! - [`records`]: the records behind each node.
//! - [`citation`]: the direct citation network (historiograph, CitNetExplorer).

pub mod build;
pub mod citation;
pub mod items;
pub mod normalize;
pub mod params;
pub mod phrases;
pub mod prune;
pub mod records;
pub mod reduce;
pub mod select;
pub mod slice;
pub mod thesaurus;
pub mod types;

pub use build::{Built, build, cooccurrence};
pub use params::{Counting, Measure, NetworkError, NetworkParams, Prune, Selection};
pub use records::{node_records, shared_records};
pub use slice::slices;
pub use types::{Burst, Link, Network, Node, NodeKind, SliceInfo, WindowView};
