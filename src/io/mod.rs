//! Reading bibliographic exports into a [`Corpus`](crate::model::Corpus): inputs only.
//!
//! - [`load`] / [`load_with`] (`load.rs`): the loader, many files and folders at once.
//!   It reads each file in blocks of whole records (a few MB), parses blocks in
//!   parallel with rayon, and adds the records to the corpus in file order, so the
//!   result does not depend on the number of threads. A file that is not a supported
//!   format, is empty, or cannot be read becomes a [`Problem`](crate::model::Problem)
//!   and the other files still load.
//! - [`Format`] (`detect.rs`): the format of a file, from its content, never its name.
//! - One module per format: [`wos`], [`wos_tab`], [`scopus`], [`ris`], [`bibtex`],
//!   [`medline`], [`openalex`] (JSON and CSV), [`lens`]; [`sources`] dispatches the
//!   formats read whole; [`fields`] and [`text`] hold what the readers share.
//! - [`BlockResult`] (`parsed.rs`): what every reader returns; `limits.rs` caps it.
//! - [`write_atomic`] (`fs.rs`): replacing a file in one step, for the writers.

pub mod bibtex;
mod detect;
pub mod fields;
mod fs;
pub mod lens;
mod limits;
mod load;
pub mod medline;
pub mod openalex;
mod openalex_csv;
mod parsed;
pub mod ris;
pub mod scopus;
pub mod sources;
pub mod text;
pub mod wos;
mod wos_fields;
pub mod wos_tab;

pub use detect::Format;
pub use fs::write_atomic;
pub use load::{
    DEFAULT_BLOCK_BYTES, DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_FILE_BYTES,
    DEFAULT_MAX_PROBLEMS_PER_FILE, DEFAULT_MAX_REFS_PER_RECORD, LoadError, LoadOptions,
    LoadProgress, LoadTimings, expand_paths, load, load_with,
};
pub use parsed::BlockResult;
