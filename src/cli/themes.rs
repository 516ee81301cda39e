//! `cocite themes`: biblioshiny's conceptual structure — thematic map, thematic
//! evolution (with `--cuts`) and three-field plot — written as figures and CSV tables
//! into one folder ([`crate::export::themes`]).

use super::{CliError, Inputs};
use crate::io::{LoadOptions, load_with};
use crate::network::thesaurus;
use crate::scene::themes::FigureOptions;
use crate::themes::{self, Counting, Field, Inclusion, MapParams, ThemeClustering, ThemesParams};
use serde::Serialize;
use std::path::PathBuf;

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_lowercase())).map_err(|e| e.to_string())
}

#[derive(clap::Args, Debug)]
pub struct ThemesArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Evolution cut years, comma-separated; a cut year ends its period: 2010,2015
    /// gives ..2010, 2011..2015, 2016.. .
    #[arg(long, value_delimiter = ',', value_name = "Y1[,Y2...]")]
    cuts: Vec<i32>,
    /// Words of themes: DE (author keywords), ID (Keywords Plus), KW (both), TI (title
    /// terms), AB (abstract terms).
    #[arg(long, default_value = "DE")]
    field: Field,
    /// Words per title/abstract term (1-3).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
    ngrams: u8,
    /// Number of words (the most frequent) in the co-occurrence network.
    #[arg(long, default_value_t = themes::map::DEFAULT_WORDS)]
    words: usize,
    /// Minimum word occurrences per thousand records, thematic map (at least 2).
    #[arg(long, default_value_t = themes::map::DEFAULT_MIN_FREQ)]
    min_freq: f64,
    /// Minimum word occurrences per thousand records of each evolution period.
    #[arg(long, default_value_t = themes::evolution::DEFAULT_PERIOD_MIN_FREQ)]
    period_min_freq: f64,
    /// Clustering: louvain, leiden.
    #[arg(long, default_value = "louvain", value_parser = parse_enum::<ThemeClustering>)]
    cluster: ThemeClustering,
    /// Modularity resolution.
    #[arg(long, default_value_t = 1.0)]
    resolution: f64,
    /// First random seed.
    #[arg(long, default_value_t = themes::map::DEFAULT_SEED)]
    seed: u64,
    /// Clustering runs (seeds seed..seed+runs); the best modularity is kept.
    #[arg(long, default_value_t = themes::map::DEFAULT_RUNS)]
    runs: u32,
    /// Centrality/density sums: triangle (bibliometrix 4) or symmetric (bibliometrix
    /// 3, Cobo et al.).
    #[arg(long, default_value = "triangle", value_parser = parse_enum::<Counting>)]
    counting: Counting,
    /// Evolution link weight: plain (inclusion index) or weighted.
    #[arg(long, default_value = "plain", value_parser = parse_enum::<Inclusion>)]
    inclusion: Inclusion,
    /// The three fields, left to right: any of AU, DE, ID, KW, TI, AB, SO, CR,
    /// country, institution.
    #[arg(long, value_delimiter = ',', default_value = "AU,DE,SO")]
    fields: Vec<Field>,
    /// Items per field of the three-field plot (one number, or three).
    #[arg(long, value_delimiter = ',', default_value = "20")]
    items: Vec<usize>,
    /// Thesaurus file for the words (VOSviewer format: label<TAB>replace by).
    #[arg(long, value_name = "FILE")]
    thesaurus: Option<PathBuf>,
    /// Figure width in CSS pixels.
    #[arg(long, default_value_t = 1400.0)]
    width: f64,
    /// Figure height in CSS pixels.
    #[arg(long, default_value_t = 1000.0)]
    height: f64,
    /// Resolution of the PNG figures.
    #[arg(long, default_value_t = 144.0)]
    dpi: f64,
    /// Words in a theme's label on the thematic map.
    #[arg(long, default_value_t = 3)]
    label_words: usize,
    /// Print a JSON summary instead of text.
    #[arg(long)]
    json: bool,
}

impl ThemesArgs {
    fn params(&self) -> Result<ThemesParams, CliError> {
        let usage = |s: String| CliError::Usage(s);
        let three_fields: [Field; 3] = self
            .fields
            .clone()
            .try_into()
            .map_err(|_| usage("--fields takes three fields, e.g. AU,DE,SO".into()))?;
        let three_items = match self.items.as_slice() {
            [n] => [*n; 3],
            [a, b, c] => [*a, *b, *c],
            _ => return Err(usage("--items takes one number or three".into())),
        };
        let thesaurus = match &self.thesaurus {
            Some(p) => {
                let bad = |e: String| CliError::Usage(format!("{}: {e}", p.display()));
                let text = std::fs::read_to_string(p).map_err(|e| bad(e.to_string()))?;
                thesaurus::read(&text).map_err(bad)?
            }
            None => Vec::new(),
        };
        let params = ThemesParams {
            field: self.field,
            ngrams: self.ngrams as usize,
            map: MapParams {
                n: self.words,
                min_freq: self.min_freq,
                clustering: self.cluster,
                resolution: self.resolution,
                seed: self.seed,
                runs: self.runs,
                counting: self.counting,
            },
            cuts: self.cuts.clone(),
            period_min_freq: self.period_min_freq,
            inclusion: self.inclusion,
            three_fields,
            three_items,
            thesaurus,
        };
        params.validate().map_err(|e| usage(e.to_string()))?;
        Ok(params)
    }
}

#[derive(Serialize)]
struct Summary<'a> {
    records: usize,
    themes: &'a themes::Themes,
    files: Vec<String>,
}

pub fn run(args: &ThemesArgs) -> Result<(), CliError> {
    let params = args.params()?;
    let (corpus, _) = load_with(
        &args.inputs.paths,
        &LoadOptions::default(),
        &super::stderr_progress,
    )
    .map_err(|e| CliError::Failed(e.to_string()))?;
    let t = themes::run(&corpus, &params).map_err(|e| match e {
        themes::ThemesError::Periods(m) => CliError::Usage(format!("--cuts: {m}")),
        other => CliError::Failed(other.to_string()),
    })?;
    let opts = FigureOptions {
        width: args.width,
        height: args.height,
        dpi: args.dpi,
        title: None,
        label_words: args.label_words,
    };
    let files = crate::export::themes::write_dir(&args.out, &t, params.field.name(), &opts)
        .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", args.out.display())))?;
    let s = Summary {
        records: corpus.records.len(),
        themes: &t,
        files: files.iter().map(|f| f.display().to_string()).collect(),
    };
    super::emit(args.json, &s, print_text)
}

fn print_text(s: &Summary) {
    let m = &s.themes.map;
    println!(
        "thematic map of {} records: {} themes ({} words linked, ≥ {} occurrences, modularity {:.4})",
        s.records,
        m.themes.len(),
        m.network_words,
        m.min_occurrences,
        m.modularity
    );
    for t in &m.themes {
        println!(
            "  {:<22} size {:>5}  centrality {:>8.4}  density {:>8.2}  {}",
            t.label,
            t.size,
            t.centrality,
            t.density,
            t.quadrant.name()
        );
    }
    if let Some(e) = &s.themes.evolution {
        let periods: Vec<String> = e
            .periods
            .iter()
            .map(|p| format!("{} ({} themes)", p.label, p.map.themes.len()))
            .collect();
        println!("evolution: {}; {} links", periods.join(", "), e.links.len());
    }
    let tf = &s.themes.three_field;
    let shown: Vec<String> = tf
        .fields
        .iter()
        .zip(&tf.items)
        .map(|(f, i)| format!("{} {}", i.len(), f.tag()))
        .collect();
    println!(
        "three-field plot: {}; {} flows",
        shown.join(" → "),
        tf.flows.len()
    );
    for f in &s.files {
        println!("wrote {f}");
    }
}
