//! VOSviewer map and network files (van Eck & Waltman, VOSviewer manual, "Map and
//! network files"): tab-separated text. The map file has a header line and one item a
//! line with the columns `id`, `label`, `x`, `y`, `cluster`, `weight<Links>`,
//! `weight<Total link strength>`, `weight<Citations>` (or `<Occurrences>`,
//! `<Documents>`, `<References>`, by what the count counts) and
//! `score<Avg. pub. year>`; the network file has no header and one link a line:
//! `id1 id2 strength`.
//!
//! Choices: ids are 1-based network order; clusters are cocite's id + 1 (VOSviewer
//! wants 1–1000; an unclustered item, or one past 1000, has an empty cell); y is
//! negated (VOSviewer's y points up); a label with a comma or semicolon is quoted, as
//! the manual asks, with inner `"` turned into `'`. Link strength is the raw
//! co-occurrence count, as VOSviewer's own networks hold it (it normalises on its
//! own), so "Links" is the degree and "Total link strength" the sum of the counts.
//! The average publication year is the count-weighted mean of the years the item
//! occurs in (VOSviewer's overlay score for co-occurrence maps); for the records of a
//! citation network, their publication year; an imported network, which has no counts
//! per year, gives its nodes' own years. Document nodes with a global count add
//! `weight<Global citations (GCS)>` after the count. VOSviewer's networks are
//! undirected: a citation link is written citing first, cited second.

use super::{ExportError, save, sibling};
use crate::network::{Network, Node, NodeKind};
use crate::pipeline::Analysis;
use crate::scene::count_noun;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn label(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if clean.contains([',', ';']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// `s` with its first letter upper-case (`citations` → `Citations`).
pub(super) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Each node's number of links and total link strength (sum of the links' counts).
pub(super) fn degree_and_strength(net: &Network) -> (Vec<u32>, Vec<f64>) {
    let mut degree = vec![0u32; net.nodes.len()];
    let mut strength = vec![0.0f64; net.nodes.len()];
    for l in &net.links {
        for end in [l.source, l.target] {
            if let Some(d) = degree.get_mut(end as usize) {
                *d += 1;
                strength[end as usize] += l.count;
            }
        }
    }
    (degree, strength)
}

/// The count-weighted mean of the years a node occurs in; its own year for a node
/// without counts per year (an imported network).
pub(super) fn average_year(n: &Node) -> Option<f64> {
    let total: u32 = n.per_year.values().sum();
    if total == 0 {
        return n.year.map(f64::from);
    }
    Some(
        n.per_year
            .iter()
            .map(|(&y, &c)| y as f64 * c as f64)
            .sum::<f64>()
            / total as f64,
    )
}

/// The map file.
pub fn map_file(a: &Analysis) -> String {
    let net = &a.network;
    let (degree, strength) = degree_and_strength(net);
    // Document nodes with a database count get it beside the local one.
    let gcs = net.nodes.iter().any(|n| n.gcs.is_some());
    let mut out = format!(
        "id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>\tweight<{}>{}\tscore<Avg. pub. year>\n",
        capitalised(count_noun(net.kind)),
        if gcs {
            "\tweight<Global citations (GCS)>"
        } else {
            ""
        }
    );
    for (i, n) in net.nodes.iter().enumerate() {
        let coord = |v: Option<f64>| {
            v.filter(|v| v.is_finite())
                .map(|v| format!("{:.6}", v + 0.0))
        };
        let cluster = n.cluster.filter(|&c| c < 1000).map(|c| (c + 1).to_string());
        let published = (net.kind == NodeKind::Citation).then(|| n.year.map(f64::from));
        let avg = published.unwrap_or_else(|| average_year(n));
        let global = match (gcs, n.gcs) {
            (true, Some(g)) => format!("\t{g}"),
            (true, None) => "\t".to_string(),
            (false, _) => String::new(),
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}{}\t{}",
            i + 1,
            label(&n.label),
            coord(n.x).unwrap_or_default(),
            coord(n.y.map(|y| -y)).unwrap_or_default(),
            cluster.unwrap_or_default(),
            degree[i],
            strength[i],
            n.count,
            global,
            avg.map(|v| format!("{v:.4}")).unwrap_or_default()
        );
    }
    out
}

/// The network file.
pub fn network_file(a: &Analysis) -> String {
    let mut out = String::with_capacity(a.network.links.len() * 16);
    for l in &a.network.links {
        let _ = writeln!(out, "{}\t{}\t{}", l.source + 1, l.target + 1, l.count);
    }
    out
}

/// Writes the map file at `path` and the network file at `NAME.network.txt`.
pub fn write(path: &Path, a: &Analysis) -> Result<Vec<PathBuf>, ExportError> {
    let network = sibling(path, "network.txt");
    save(path, map_file(a).as_bytes())?;
    save(&network, network_file(a).as_bytes())?;
    Ok(vec![path.to_path_buf(), network])
}
