//! `cocite map`: a network made elsewhere (GraphML, GEXF, Pajek, VOSviewer map and
//! network files or JSON, node-link JSON) clustered, laid out, labelled and drawn by
//! the same stages as `cocite network` ([`crate::pipeline::run_imported`]), written in
//! every format and summarised in the same form.

use super::CliError;
use super::output::{OutputArgs, Summary};
use super::stages::StageArgs;
use crate::export::Format;
use crate::import;
use crate::network::{NetworkParams, NodeKind};
use crate::pipeline::{self, AnalysisParams};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct MapArgs {
    /// A network file (GraphML, GEXF, Pajek .net, VOSviewer JSON, node-link JSON, a
    /// VOSviewer map file with NAME.network.txt beside it), or a VOSviewer map file and
    /// its network file. Clusters and positions found in the file are kept unless
    /// --cluster or --layout is given.
    #[arg(required = true, num_args = 1..=2, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    stages: StageArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: &MapArgs) -> Result<(), CliError> {
    args.output.check()?;
    if let Some(s) = args
        .output
        .out
        .iter()
        .find(|o| Format::from_path(o) == Some(Format::Session))
    {
        return Err(CliError::Usage(format!(
            "{}: a session (.cocite) records the bibliographic exports behind a map, and an imported network has none; write .analysis.json or a network format instead",
            s.display()
        )));
    }
    let params = AnalysisParams {
        network: NetworkParams {
            kind: NodeKind::Imported,
            ..Default::default()
        },
        analysis: args.stages.analysis(),
        layout: args.stages.layout(),
    };
    let t0 = Instant::now();
    let mut imported =
        import::read_files(&args.files).map_err(|e| CliError::Failed(e.to_string()))?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    if args.stages.cluster.is_some() {
        imported.forget_clusters();
    }
    if args.stages.layout.is_some() {
        imported.forget_positions();
    }
    let title = default_title(&imported);
    let progress = super::stage_progress(imported.network.nodes.len() > 20_000);
    let analysis = pipeline::run_imported(imported, &params, &progress)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    args.output
        .write(&analysis, None, &args.output.scene(title))?;
    let timings = [
        ("load".to_string(), load_ms),
        ("total".to_string(), t0.elapsed().as_secs_f64() * 1000.0),
    ];
    Summary::new(&analysis, 0, 0, timings.into_iter().collect()).emit(args.output.json)
}

/// The figure title: the file's name and format (`karate.graphml (GraphML)`).
fn default_title(imported: &import::Imported) -> Option<String> {
    let name = imported
        .files
        .first()?
        .file_name()?
        .to_string_lossy()
        .into_owned();
    Some(match imported.format {
        Some(f) => format!("{name} ({})", f.describe()),
        None => name,
    })
}
