//! `index.html` of a report folder: plain HTML5 with inline CSS and no script, the
//! figures as the SVG files beside it (`<img src="bursts.svg">`), so it opens offline
//! in any browser and prints as a document. Sections: methods, main information (and
//! annual production), the map, the cluster summary, the timeline, the bursts (figure
//! and table), the cluster explorer, notes and the files of the folder. Tables and
//! figures are numbered and captioned.

use crate::export::svg::escape;
use crate::report::{ClusterRow, Report};
use std::fmt::Write;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Ubuntu,sans-serif;\
max-width:1100px;margin:2em auto;padding:0 1.5em;color:#222;line-height:1.45}\
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;\
border-bottom:1px solid #ccc;padding-bottom:.2em}.sub{color:#666;margin-top:0}\
nav a{margin-right:1em}p.methods{background:#f6f7f9;border-left:4px solid #3a6ec8;\
padding:.8em 1em}table{border-collapse:collapse;margin:1em 0;font-size:.92em}\
caption{caption-side:top;text-align:left;font-weight:600;padding-bottom:.4em}\
th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}\
th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}\
.more{color:#777;font-size:.9em}figure{margin:1.5em 0}figure img{max-width:100%;\
height:auto;border:1px solid #e5e5e5}figcaption{font-size:.92em;color:#444;margin-top:.4em}";

fn e(s: &str) -> String {
    escape(s)
}

fn f2(v: f64) -> String {
    format!("{v:.2}")
}

/// Numbers tables and figures as they are written.
#[derive(Default)]
struct Counter {
    tables: usize,
    figures: usize,
}

impl Counter {
    fn table(&mut self, out: &mut String, caption: &str) {
        self.tables += 1;
        let _ = write!(
            out,
            "<table><caption>Table {}. {}</caption>",
            self.tables,
            e(caption)
        );
    }

    fn figure(&mut self, out: &mut String, r: &Report, name: &str) {
        let Some(f) = r.figures.iter().find(|f| f.name == name) else {
            return;
        };
        self.figures += 1;
        let _ = writeln!(
            out,
            "<figure><a href=\"{name}.svg\"><img src=\"{name}.svg\" alt=\"{}\"></a>\
             <figcaption><b>Figure {}.</b> {}</figcaption></figure>",
            e(&f.caption),
            self.figures,
            e(&f.caption)
        );
    }
}

/// A header row.
fn head(out: &mut String, cols: &[&str]) {
    out.push_str("<thead><tr>");
    for c in cols {
        let _ = write!(out, "<th>{}</th>", e(c));
    }
    out.push_str("</tr></thead><tbody>\n");
}

/// A cell: `n` aligns numbers right.
fn cell(out: &mut String, v: &str, n: bool) {
    let class = if n { " class=\"n\"" } else { "" };
    let _ = write!(out, "<td{class}>{}</td>", e(v));
}

/// A label cell: the best term, the runners-up smaller.
fn label_cell(out: &mut String, t: &[(String, f64)]) {
    let best = t.first().map(|x| x.0.as_str()).unwrap_or("");
    let more: Vec<&str> = t.iter().skip(1).take(2).map(|x| x.0.as_str()).collect();
    let _ = write!(out, "<td>{}", e(best));
    if !more.is_empty() {
        let _ = write!(
            out,
            "<br><span class=\"more\">{}</span>",
            e(&more.join("; "))
        );
    }
    out.push_str("</td>");
}

fn methods(out: &mut String, r: &Report) {
    out.push_str("<section id=\"methods\"><h2>Methods</h2>\n");
    let _ = writeln!(out, "<p class=\"methods\">{}</p>", e(&r.methods));
    let inputs: Vec<String> = r
        .inputs
        .iter()
        .map(|i| format!("{} ({}, {} records)", i.name, i.format, i.records))
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"more\">Input files: {}.</p></section>",
        e(&inputs.join("; "))
    );
}

fn main_information(out: &mut String, r: &Report, n: &mut Counter) {
    out.push_str("<section id=\"main-information\"><h2>Main information</h2>\n");
    n.table(
        out,
        "Main information about the data (definitions of bibliometrix's biblioshiny).",
    );
    head(out, &["Description", "Results"]);
    for (d, v) in r.main_information.rows() {
        out.push_str("<tr>");
        cell(out, &d, false);
        cell(out, &v, true);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    n.figure(out, r, "annual_production");
    out.push_str("</section>\n");
}

fn cluster_row(out: &mut String, c: &ClusterRow) {
    out.push_str("<tr>");
    cell(out, &format!("#{}", c.id), true);
    cell(out, &c.size.to_string(), true);
    cell(out, &format!("{:.3}", c.silhouette), true);
    cell(
        out,
        &c.mean_year.map(|y| format!("{y:.0}")).unwrap_or_default(),
        true,
    );
    label_cell(out, &c.llr);
    label_cell(out, &c.tfidf);
    label_cell(out, &c.mi);
    out.push_str("</tr>\n");
}

fn clusters(out: &mut String, r: &Report, n: &mut Counter) {
    out.push_str("<section id=\"clusters\"><h2>Clusters</h2>\n");
    if r.clusters.is_empty() {
        out.push_str("<p>The network was not clustered.</p></section>\n");
        return;
    }
    let caption = format!(
        "Summary of the {} clusters (#0 the largest): size, silhouette, mean year of the \
         members, and labels by log-likelihood ratio (LLR), TF-IDF (in CiteSpace's LSI column) \
         and mutual information (MI) from the records citing each cluster. {}",
        r.clusters.len(),
        r.silhouette_definition
    );
    n.table(out, &caption);
    head(
        out,
        &[
            "Cluster",
            "Size",
            "Silhouette",
            "Mean year",
            "Label (LLR)",
            "Label (TF-IDF)",
            "Label (MI)",
        ],
    );
    for c in &r.clusters {
        cluster_row(out, c);
    }
    out.push_str("</tbody></table>\n");
    n.figure(out, r, "timeline");
    out.push_str("</section>\n");
}

fn bursts(out: &mut String, r: &Report, n: &mut Counter) {
    out.push_str("<section id=\"bursts\"><h2>Bursts</h2>\n");
    let b = &r.bursts;
    if b.rows.is_empty() {
        let _ = writeln!(
            out,
            "<p>No burst was detected ({}).</p></section>",
            e(&b.settings())
        );
        return;
    }
    n.figure(out, r, "bursts");
    n.table(
        out,
        &format!(
            "{} ({} of {} with a burst). {}.",
            b.title(),
            b.rows.len(),
            b.with_burst,
            b.settings()
        ),
    );
    head(out, &[b.items.as_str(), "Year", "Strength", "Begin", "End"]);
    for row in &b.rows {
        out.push_str("<tr>");
        cell(out, &row.label, false);
        cell(
            out,
            &row.year.map(|y| y.to_string()).unwrap_or_default(),
            true,
        );
        cell(out, &f2(row.strength), true);
        cell(out, &row.begin.to_string(), true);
        cell(out, &row.end.to_string(), true);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}

fn explorer(out: &mut String, r: &Report, n: &mut Counter) {
    if r.citing.is_empty() {
        return;
    }
    out.push_str("<section id=\"explorer\"><h2>Cluster explorer</h2>\n");
    n.table(
        out,
        "The records citing each cluster, ranked by coverage (the share of the cluster's \
         members a record cites), with their global (GCS, times cited in the database) and \
         local citations (LCS, by the loaded records); citing.csv lists all of them.",
    );
    head(
        out,
        &["Cluster", "Coverage", "GCS", "LCS", "Record", "Title"],
    );
    for c in &r.citing {
        out.push_str("<tr>");
        cell(out, &format!("#{}", c.cluster), true);
        cell(
            out,
            &format!("{:.0}% ({})", c.coverage * 100.0, c.members_cited),
            true,
        );
        cell(out, &c.gcs.map(|g| g.to_string()).unwrap_or_default(), true);
        cell(out, &c.lcs.to_string(), true);
        cell(out, &c.record, false);
        cell(out, &c.title, false);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}

fn files(out: &mut String, r: &Report) {
    out.push_str("<section id=\"files\"><h2>Files</h2><ul>\n");
    let mut names: Vec<String> = Vec::new();
    for f in &r.figures {
        names.push(format!("{}.svg", f.name));
        names.push(format!("{}.png", f.name));
    }
    for t in [
        "main_information.csv",
        "annual_production.csv",
        "clusters.csv",
        "citing.csv",
        "bursts.csv",
        "report.json",
    ] {
        names.push(t.to_string());
    }
    for f in names {
        let _ = writeln!(out, "<li><a href=\"{0}\">{0}</a></li>", e(&f));
    }
    out.push_str("</ul></section>\n");
}

/// The report as one HTML page (module docs).
pub fn to_html(r: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let mut n = Counter::default();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{0}</title><style>{STYLE}</style></head><body>\n<h1>{0}</h1>\n\
         <p class=\"sub\">Report by cocite {1}</p>\n<nav><a href=\"#methods\">Methods</a>\
         <a href=\"#main-information\">Main information</a><a href=\"#network\">Map</a>\
         <a href=\"#clusters\">Clusters</a><a href=\"#bursts\">Bursts</a>\
         <a href=\"#explorer\">Cluster explorer</a><a href=\"#files\">Files</a></nav>\n",
        e(&r.title),
        e(&r.cocite_version)
    );
    methods(&mut out, r);
    main_information(&mut out, r, &mut n);
    out.push_str("<section id=\"network\"><h2>Map</h2>\n");
    n.figure(&mut out, r, "network");
    out.push_str("</section>\n");
    clusters(&mut out, r, &mut n);
    bursts(&mut out, r, &mut n);
    explorer(&mut out, r, &mut n);
    if !r.notes.is_empty() {
        out.push_str("<section id=\"notes\"><h2>Notes</h2><ul>\n");
        for note in &r.notes {
            let _ = writeln!(out, "<li>{}</li>", e(note));
        }
        out.push_str("</ul></section>\n");
    }
    files(&mut out, r);
    out.push_str("</body></html>\n");
    out
}
