//! The data model: records, cited references with their normalised keys, the
//! corpus that holds them, and the problems found while reading the files.

mod batch;
pub mod cited_ref;
pub mod corpus;
mod index;
pub mod intern;
pub mod merge;
pub mod problem;
mod reconcile;
pub mod record;
pub mod ref_key;
mod refs;

pub use cited_ref::CitedRef;
pub use corpus::{CitedWork, Corpus, RefTable, SourceFile};
pub use intern::{Interner, Sym};
pub use problem::{Problem, ProblemKind};
pub use record::{Address, Origin, ParsedAddress, ParsedRecord, Record, RefId};
