//! # cocite — science mapping in Rust
//!
//! cocite reads bibliographic exports (Web of Science and more), builds co-citation,
//! co-authorship, keyword co-occurrence and bibliographic coupling networks sliced by
//! year, and analyses them the way CiteSpace and VOSviewer do.
//!
//! The crate is layered; each module uses only the ones above it in this list
//! (checked by `tests/architecture.rs`):
//! - [`progress`]: the progress callback every long stage takes;
//! - [`model`]: records, cited references and their normalised keys, the corpus;
//! - [`io`]: inputs only: one reader per format, detected from content, a parallel
//!   loader, atomic file writes;
//! - [`import`]: networks made elsewhere (GraphML, GEXF, Pajek, VOSviewer, node-link
//!   JSON), which [`pipeline::run_imported`] clusters, lays out and labels;
//! - [`network`]: time-sliced networks (selection, normalisation, pruning,
//!   thesaurus), returning [`network::Built`];
//! - [`analysis`] (clusters, silhouettes, labels, centrality, bursts →
//!   [`analysis::Measures`]) and [`layout`] (ForceAtlas2, time views →
//!   [`layout::Positions`]), which do not use each other;
//! - [`pipeline`]: [`pipeline::AnalysisParams`] → [`pipeline::Analysis`], assembling
//!   the stages' results;
//! - [`scene`]: a figure as flat shapes, the view geometry and the one label engine
//!   (the app's canvas uses them too);
//! - [`session`]: `.cocite` files and the saved view types;
//! - [`report`]: the tables and figures a study publishes (main information, burst
//!   table, cluster summary and explorer, methods paragraph), beside `session`;
//! - [`export`]: one writer per output format (figures, network data, sessions);
//! - [`app`] (feature `gui`) and [`cli`]: the desktop app and the command line.
//!
//! The core (everything but `app`) has no GUI dependency.
//!
//! ```no_run
//! use cocite::{export, io, pipeline, scene::SceneOptions};
//! let corpus = io::load(&["assets/demo".into()]).expect("loads");
//! for p in &corpus.problems {
//!     eprintln!("{p}");
//! }
//! let mut params = pipeline::AnalysisParams::default();
//! params.network.select = "g:25".parse().expect("a selection rule");
//! let a = pipeline::run(&corpus, &params).expect("runs");
//! println!("{} nodes, Q = {:?}", a.network.nodes.len(), a.modularity);
//! export::write("map.svg".as_ref(), &a, Some(&corpus), &SceneOptions::default())
//!     .expect("writes");
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
pub mod report;
pub mod scene;
pub mod session;
pub mod themes;
