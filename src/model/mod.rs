//! The data model: records, cited references with their normalised keys, and the
//! corpus that holds them.

pub mod cited_ref;
pub mod corpus;
pub mod intern;
pub mod merge;
mod reconcile;
pub mod record;

pub use cited_ref::CitedRef;
pub use corpus::{CitedWork, Corpus, Problem, RefTable, SourceFile};
pub use intern::{Interner, Sym};
pub use record::{Address, Origin, ParsedAddress, ParsedRecord, Record, RefId};
