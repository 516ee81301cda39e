//! The command-line interface: `cocite stats`, `cocite network`, `cocite themes`,
//! `cocite map`, `cocite report` and `cocite open`.
//! Every subcommand calls the same core as the app and returns `Result<(), CliError>`;
//! [`main`] is the one place that prints an error and chooses the exit code (2 for
//! wrong arguments, 1 for a failure while running).

mod map;
mod network;
mod output;
mod report;
mod stages;
mod stats;
mod themes;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "cocite",
    version,
    about = "Science mapping: co-citation and co-occurrence networks from bibliographic exports"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Load files or folders and print what was loaded.
    Stats(stats::StatsArgs),
    /// Build a time-sliced network (co-citation, co-authorship, co-occurrence, coupling).
    Network(network::NetworkArgs),
    /// Thematic map, thematic evolution and three-field plot (biblioshiny's conceptual structure) into a folder.
    Themes(themes::ThemesArgs),
    /// Main information, burst table, cluster summary and explorer, methods and maps of a network, as a folder (index.html, report.json, figures, CSV).
    Report(report::ReportArgs),
    /// Cluster, lay out, label and draw a network made elsewhere (GraphML, GEXF, Pajek, VOSviewer, JSON).
    Map(map::MapArgs),
    /// Open files, folders or a .cocite session in the app window (with no subcommand: the demo dataset).
    #[cfg(feature = "gui")]
    Open(Inputs),
}

/// What the process does after the arguments were read.
pub enum Entry {
    /// A command ran (or the arguments were wrong): exit with this code.
    Done(ExitCode),
    /// Open the app on these files, folders or session (none: the demo dataset).
    #[cfg(feature = "gui")]
    App(Vec<PathBuf>),
}

/// Reads the process arguments and runs the command they name; `cocite open` and no
/// command at all are left to the caller, which opens the app.
pub fn main() -> Entry {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return Entry::Done(if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    let result = match cli.command {
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::Network(args)) => network::run(&args),
        Some(Command::Themes(args)) => themes::run(&args),
        Some(Command::Map(args)) => map::run(&args),
        Some(Command::Report(args)) => report::run(&args),
        #[cfg(feature = "gui")]
        Some(Command::Open(inputs)) => return Entry::App(inputs.paths),
        #[cfg(feature = "gui")]
        None => return Entry::App(Vec::new()),
        #[cfg(not(feature = "gui"))]
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            Ok(())
        }
    };
    Entry::Done(match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cocite: {e}");
            ExitCode::from(e.exit_code())
        }
    })
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// The arguments cannot work (bad parameters, unknown output format): exit 2.
    #[error("{0}")]
    Usage(String),
    /// Something failed while running (nothing loaded, a write failed): exit 1.
    #[error("{0}")]
    Failed(String),
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Failed(_) => 1,
        }
    }
}

/// Prints a command's result: one JSON object with `--json`, else the text form.
pub(crate) fn emit<T: serde::Serialize>(
    json: bool,
    value: &T,
    text: fn(&T),
) -> Result<(), CliError> {
    if json {
        let j = serde_json::to_string_pretty(value).map_err(|e| CliError::Failed(e.to_string()))?;
        println!("{j}");
    } else {
        text(value);
    }
    Ok(())
}

/// Prints load progress to stderr when it is a terminal-like long load.
pub(crate) fn stderr_progress(p: crate::io::LoadProgress) {
    if p.bytes_total > 64 << 20 {
        eprint!(
            "\rloading: {}/{} files, {:.0}/{:.0} MB, {} records   ",
            p.files_done,
            p.files_total,
            p.bytes_done as f64 / 1e6,
            p.bytes_total as f64 / 1e6,
            p.records
        );
        if p.bytes_done >= p.bytes_total {
            eprintln!();
        }
    }
}

/// A pipeline progress callback that prints the stage and its percentage to stderr
/// when `show` (long runs) and never cancels.
pub(crate) fn stage_progress(show: bool) -> impl Fn(&str, f32) -> bool + Sync {
    move |stage: &str, f: f32| {
        if show {
            eprint!("\r{stage}: {:3.0}%   ", f * 100.0);
            if f >= 1.0 {
                eprintln!();
            }
        }
        true
    }
}

/// Input paths shared by the subcommands.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct Inputs {
    /// Export files or folders of them.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
}
