//! A report folder ([`crate::report`]): everything a CiteSpace or biblioshiny study
//! publishes, written by one call, [`write_dir`] (the CLI's `cocite report` and the
//! app's File → Export report). Every file is written atomically.
//!
//! | file | content |
//! |---|---|
//! | `index.html` | the report: methods, tables and figures with captions; plain HTML with inline CSS, figures as the SVG files beside it, opens offline |
//! | `report.json` | the [`Report`]: everything in the HTML as data |
//! | `network.svg/.png` | the map in the layout's own view |
//! | `timeline.svg/.png` | the timeline view |
//! | `bursts.svg/.png` | the burst table figure ([`crate::report::figures::bursts`]) |
//! | `annual_production.svg/.png` | documents and mean citations per year |
//! | `main_information.csv` | `description, value` as biblioshiny's Main Information |
//! | `annual_production.csv` | `year, documents, mean_citations` |
//! | `clusters.csv` | `cluster, size, silhouette, mean_year, citing_records, label_llr, label_tfidf, label_mi, terms_llr, terms_tfidf, terms_mi` |
//! | `citing.csv` | every citing record of every cluster: `cluster, rank, coverage, members_cited, record, title, year, doi, gcs, lcs` |
//! | `bursts.csv` | the burst table: `label, year, strength, begin, end` |
//!
//! Terms columns list a method's label candidates with their scores, `; `-separated.

mod html;

use super::{ExportError, save};
use crate::model::Corpus;
use crate::pipeline::Analysis;
use crate::report::{self, CitingRow, Report, ReportOptions};
use crate::scene::{Scene, SceneOptions, ViewKind};
use std::path::{Path, PathBuf};

pub use html::to_html;

use super::csv::{err, finish, table_with as table};

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn terms(t: &[(String, f64)]) -> String {
    let v: Vec<String> = t.iter().map(|(s, x)| format!("{s} ({x:.2})")).collect();
    v.join("; ")
}

fn first(t: &[(String, f64)]) -> String {
    t.first().map(|x| x.0.clone()).unwrap_or_default()
}

/// `main_information.csv`.
pub fn main_information_csv(r: &Report) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&["description", "value"])?;
    for (d, v) in r.main_information.rows() {
        w.write_record([d, v]).map_err(err)?;
    }
    finish(w)
}

/// `annual_production.csv`.
pub fn annual_production_csv(r: &Report) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&["year", "documents", "mean_citations"])?;
    for a in &r.main_information.annual_production {
        w.write_record([
            a.year.to_string(),
            a.documents.to_string(),
            opt(a.mean_citations),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `clusters.csv`.
pub fn clusters_csv(r: &Report) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&[
        "cluster",
        "size",
        "silhouette",
        "mean_year",
        "citing_records",
        "label_llr",
        "label_tfidf",
        "label_mi",
        "terms_llr",
        "terms_tfidf",
        "terms_mi",
    ])?;
    for c in &r.clusters {
        w.write_record([
            c.id.to_string(),
            c.size.to_string(),
            c.silhouette.to_string(),
            opt(c.mean_year),
            c.citing_records.to_string(),
            first(&c.llr),
            first(&c.tfidf),
            first(&c.mi),
            terms(&c.llr),
            terms(&c.tfidf),
            terms(&c.mi),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `citing.csv` of the citing records `rows`.
pub fn citing_csv(rows: &[CitingRow]) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&[
        "cluster",
        "rank",
        "coverage",
        "members_cited",
        "record",
        "title",
        "year",
        "doi",
        "gcs",
        "lcs",
    ])?;
    for c in rows {
        w.write_record([
            c.cluster.to_string(),
            c.rank.to_string(),
            c.coverage.to_string(),
            c.members_cited.to_string(),
            c.record.clone(),
            c.title.clone(),
            opt(c.year),
            c.doi.clone().unwrap_or_default(),
            opt(c.gcs),
            c.lcs.to_string(),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `bursts.csv`: the burst table in its order.
pub fn bursts_csv(r: &Report) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&["label", "year", "strength", "begin", "end"])?;
    for b in &r.bursts.rows {
        w.write_record([
            b.label.clone(),
            opt(b.year),
            b.strength.to_string(),
            b.begin.to_string(),
            b.end.to_string(),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// What [`write_dir`] wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub report: Report,
    pub files: Vec<PathBuf>,
}

/// The figures of a report, by file name: the map in its layout's view, the timeline
/// view, the burst table and annual production.
pub fn figures(a: &Analysis, r: &Report, scene: &SceneOptions) -> Vec<(&'static str, Scene)> {
    let timeline = SceneOptions {
        view: Some(ViewKind::Timeline),
        camera: None,
        title: None,
        ..scene.clone()
    };
    vec![
        (
            "annual_production",
            report::figures::annual_production(&r.main_information),
        ),
        ("network", crate::scene::build(a, scene)),
        ("timeline", crate::scene::build(a, &timeline)),
        ("bursts", report::figures::bursts(&r.bursts)),
    ]
}

/// Writes the report of `a` on `corpus` into `dir` (created if missing): every file of
/// the module docs. `scene` sets the size and resolution of the map figures (and the
/// PNGs' resolution). Returns the report and the files written.
///
/// ```no_run
/// use cocite::{export, io, pipeline, report::ReportOptions, scene::SceneOptions};
/// let corpus = io::load(&["assets/demo".into()]).expect("loads");
/// let a = pipeline::run(&corpus, &pipeline::AnalysisParams::default()).expect("runs");
/// let w = export::report::write_dir(
///     "report".as_ref(),
///     &corpus,
///     &a,
///     &ReportOptions::default(),
///     &SceneOptions::default(),
/// )
/// .expect("writes");
/// println!("{} files, {} bursts", w.files.len(), w.report.bursts.rows.len());
/// ```
pub fn write_dir(
    dir: &Path,
    corpus: &Corpus,
    a: &Analysis,
    opts: &ReportOptions,
    scene: &SceneOptions,
) -> Result<Written, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::io(dir, e))?;
    let (r, citing) = report::build_with_citing(corpus, a, opts);
    let mut files = Vec::new();
    let mut file = |name: &str, bytes: &[u8]| -> Result<(), ExportError> {
        let p = dir.join(name);
        save(&p, bytes)?;
        files.push(p);
        Ok(())
    };
    for (name, s) in figures(a, &r, scene) {
        file(&format!("{name}.svg"), super::svg::to_svg(&s).as_bytes())?;
        file(&format!("{name}.png"), &super::png::to_png(&s, scene.dpi)?)?;
    }
    file("main_information.csv", &main_information_csv(&r)?)?;
    file("annual_production.csv", &annual_production_csv(&r)?)?;
    file("clusters.csv", &clusters_csv(&r)?)?;
    file("citing.csv", &citing_csv(&citing)?)?;
    file("bursts.csv", &bursts_csv(&r)?)?;
    let json = serde_json::to_vec_pretty(&r).map_err(err)?;
    file("report.json", &json)?;
    file("index.html", to_html(&r).as_bytes())?;
    Ok(Written { report: r, files })
}
