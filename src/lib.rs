//! # cocite — science mapping in Rust
//!
//! cocite reads bibliographic exports (Web of Science and more), builds co-citation,
//! co-authorship, keyword co-occurrence and bibliographic coupling networks sliced by
//! year, and analyses them the way CiteSpace and VOSviewer do.
//!
//! The core has no GUI dependency:
//! - [`model`]: records, cited references and their normalised keys, the corpus;
//! - [`io`]: one reader per format, detected from content, and a parallel loader;
//! - [`import`]: networks made elsewhere (GraphML, GEXF, Pajek, VOSviewer, node-link
//!   JSON), which [`pipeline::run_imported`] clusters, lays out and labels.
//!
//! ```no_run
//! use std::path::PathBuf;
//! let corpus = cocite::io::load(&[PathBuf::from("assets/demo")]).expect("loads");
//! println!("{} records, {} unique cited works", corpus.records.len(), corpus.refs.len());
//! for p in &corpus.problems {
//!     eprintln!("{}:{}: {}", p.file, p.line, p.message);
//! }
//! ```

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod export;
pub mod import;
pub mod io;
pub mod layout;
pub mod model;
pub mod network;
pub mod pipeline;
pub mod progress;
pub mod scene;
pub mod session;
