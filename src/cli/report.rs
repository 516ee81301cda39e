//! `cocite report INPUT... --out DIR`: the tables and figures a study publishes
//! ([`crate::report`]) written into one folder ([`crate::export::report`]): the same
//! network options as `cocite network`, or a saved `.cocite` session (its own
//! parameters and positions).

use super::network::NetOptions;
use super::output::FigureArgs;
use super::stages::StageArgs;
use super::{CliError, Inputs};
use crate::io::{LoadOptions, load_with};
use crate::report::{DEFAULT_CITING_PER_CLUSTER, DEFAULT_TOP_BURSTS, Report, ReportOptions};
use serde::Serialize;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Export files or folders of them, or one .cocite session.
    #[command(flatten)]
    inputs: Inputs,
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    net: NetOptions,
    #[command(flatten)]
    stages: StageArgs,
    /// Rows of the burst table (the strongest bursts).
    #[arg(long, default_value_t = DEFAULT_TOP_BURSTS)]
    top_bursts: usize,
    /// Citing records per cluster in index.html and report.json (citing.csv has all).
    #[arg(long, default_value_t = DEFAULT_CITING_PER_CLUSTER)]
    citing_per_cluster: usize,
    #[command(flatten)]
    figure: FigureArgs,
    /// Print a JSON summary (the files and the report) instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Summary {
    dir: String,
    files: Vec<String>,
    report: Report,
}

/// The corpus and analysis: a session reopened, or the inputs loaded and analysed.
fn analyse(
    args: &ReportArgs,
) -> Result<(crate::model::Corpus, crate::pipeline::Analysis), CliError> {
    let paths = &args.inputs.paths;
    let is_session = |p: &PathBuf| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("cocite"))
    };
    if paths.iter().any(is_session) {
        let [p] = paths.as_slice() else {
            return Err(CliError::Usage(
                "a .cocite session is reported alone, without other inputs".into(),
            ));
        };
        let o = crate::session::open(p).map_err(|e| CliError::Failed(e.to_string()))?;
        for w in &o.warnings {
            eprintln!("warning: {w}");
        }
        return Ok((o.corpus, o.analysis));
    }
    let params = args.net.params(&args.stages)?;
    let (corpus, _) = load_with(paths, &LoadOptions::default(), &super::stderr_progress)
        .map_err(|e| CliError::Failed(e.to_string()))?;
    let progress = super::stage_progress(corpus.records.len() > 20_000);
    let a = crate::pipeline::run_with(&corpus, &params, &progress)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    Ok((corpus, a))
}

pub fn run(args: &ReportArgs) -> Result<(), CliError> {
    let (corpus, a) = analyse(args)?;
    let opts = ReportOptions {
        top_bursts: args.top_bursts,
        citing_per_cluster: args.citing_per_cluster,
    };
    let scene = args.figure.scene(None);
    let w = crate::export::report::write_dir(&args.out, &corpus, &a, &opts, &scene)
        .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", args.out.display())))?;
    let s = Summary {
        dir: args.out.display().to_string(),
        files: w.files.iter().map(|f| f.display().to_string()).collect(),
        report: w.report,
    };
    super::emit(args.json, &s, print_text)
}

fn print_text(s: &Summary) {
    let r = &s.report;
    let m = &r.main_information;
    println!("{}", r.title);
    println!(
        "  {} documents, {} sources, {} authors, annual growth {:.2}%, {:.2} citations per document",
        m.documents,
        m.sources,
        m.authors,
        m.annual_growth_rate_pct,
        m.average_citations_per_document.unwrap_or(0.0)
    );
    println!(
        "  {} nodes, {} links, {} clusters; {} of {} bursts in the table",
        r.network.nodes,
        r.network.links,
        r.clusters.len(),
        r.bursts.rows.len(),
        r.bursts.with_burst
    );
    println!("wrote {} files into {}:", s.files.len(), s.dir);
    for f in &s.files {
        println!("  {f}");
    }
}
