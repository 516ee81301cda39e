//! CSV tables (RFC 4180 via the `csv` crate), for R, Python or a spreadsheet. A path
//! `NAME.csv` gives four files beside it:
//! - `NAME.nodes.csv`: `index` (0-based, what links refer to) and every node attribute
//!   of [`super::attrs`] (documents of citation and coupling networks fill `lcs`,
//!   local citations (LCS), and `gcs`, global citations (GCS));
//! - `NAME.links.csv`: `source`, `target` (node indices; citing → cited in a citation
//!   network), `weight`, `count`, `first_year`;
//! - `NAME.clusters.csv`: `cluster`, `size`, `label`, `silhouette`, `mean_year`,
//!   `terms` (label candidates with scores, `; `-separated), `top_members` (labels);
//! - `NAME.bursts.csv`: `index`, `label`, `strength`, `begin`, `end`, ordered by begin
//!   year then strength, as CiteSpace lists bursts.
//!
//! Sibling files rather than a folder: one `--out` names them all, and they sort
//! together in a file browser.

use super::attrs::{LINK_ATTRS, NODE_ATTRS, float, link_values, node_values};
use super::{ExportError, save, sibling};
use crate::pipeline::Analysis;
use std::path::{Path, PathBuf};

/// A CSV table written in memory (also the report's and the themes' tables).
pub(super) type Table = ::csv::Writer<Vec<u8>>;

pub(super) fn table() -> Table {
    ::csv::Writer::from_writer(Vec::new())
}

/// A table with its header row written.
pub(super) fn table_with(header: &[&str]) -> Result<Table, ExportError> {
    let mut w = table();
    w.write_record(header).map_err(err)?;
    Ok(w)
}

pub(super) fn finish(w: Table) -> Result<Vec<u8>, ExportError> {
    w.into_inner().map_err(err)
}

pub(super) fn err(e: impl std::fmt::Display) -> ExportError {
    ExportError::Other(e.to_string())
}

/// `NAME.nodes.csv`.
pub fn nodes(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    let mut w = table();
    let header = std::iter::once("index").chain(NODE_ATTRS.iter().map(|(n, _)| *n));
    w.write_record(header).map_err(err)?;
    for (i, n) in a.network.nodes.iter().enumerate() {
        let vals = node_values(n).map(Option::unwrap_or_default);
        w.write_record(std::iter::once(i.to_string()).chain(vals))
            .map_err(err)?;
    }
    finish(w)
}

/// `NAME.links.csv`.
pub fn links(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    let mut w = table();
    let header = ["source", "target"]
        .into_iter()
        .chain(LINK_ATTRS.iter().map(|(n, _)| *n));
    w.write_record(header).map_err(err)?;
    for l in &a.network.links {
        let vals = link_values(l).map(Option::unwrap_or_default);
        let ends = [l.source.to_string(), l.target.to_string()];
        w.write_record(ends.into_iter().chain(vals)).map_err(err)?;
    }
    finish(w)
}

/// `NAME.clusters.csv`.
pub fn clusters(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    let mut w = table();
    w.write_record([
        "cluster",
        "size",
        "label",
        "silhouette",
        "mean_year",
        "terms",
        "top_members",
    ])
    .map_err(err)?;
    for c in &a.clusters {
        let terms: Vec<String> = c
            .terms
            .iter()
            .map(|(t, s)| format!("{t} ({s:.2})"))
            .collect();
        let members: Vec<&str> = c
            .top_members
            .iter()
            .filter_map(|&m| a.network.nodes.get(m as usize))
            .map(|n| n.label.as_str())
            .collect();
        w.write_record([
            c.id.to_string(),
            c.size.to_string(),
            c.label.clone(),
            float(c.silhouette).unwrap_or_default(),
            c.mean_year.and_then(float).unwrap_or_default(),
            terms.join("; "),
            members.join("; "),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `NAME.bursts.csv`.
pub fn bursts(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    let mut rows: Vec<(usize, &crate::network::Node, crate::network::Burst)> = a
        .network
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.burst.map(|b| (i, n, b)))
        .collect();
    rows.sort_by(|x, y| {
        x.2.begin
            .cmp(&y.2.begin)
            .then(y.2.strength.total_cmp(&x.2.strength))
            .then(x.0.cmp(&y.0))
    });
    let mut w = table();
    w.write_record(["index", "label", "strength", "begin", "end"])
        .map_err(err)?;
    for (i, n, b) in rows {
        w.write_record([
            i.to_string(),
            n.label.clone(),
            float(b.strength).unwrap_or_default(),
            b.begin.to_string(),
            b.end.to_string(),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// Writes the four tables beside `path` (see the module docs).
pub fn write(path: &Path, a: &Analysis) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for (suffix, bytes) in [
        ("nodes.csv", nodes(a)?),
        ("links.csv", links(a)?),
        ("clusters.csv", clusters(a)?),
        ("bursts.csv", bursts(a)?),
    ] {
        let p = sibling(path, suffix);
        save(&p, &bytes)?;
        written.push(p);
    }
    Ok(written)
}
