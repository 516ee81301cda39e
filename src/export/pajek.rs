//! Pajek `.net` (Batagelj & Mrvar, Pajek manual, "Network" file): `*Vertices n` with
//! one line `id "label" x y` per vertex (ids 1-based, coordinates scaled into 0–1 as
//! Pajek expects, keeping the layout's aspect ratio) and `*Edges` with `i j weight`.
//! Pajek labels have no escapes: a `"` in a label becomes `'`, line breaks become spaces.
//! A citation network is written as `*Arcs` from the citing to the cited record;
//! main-path tools that take arcs in the direction knowledge flows (cited → citing,
//! as Batagelj 2003 does) need it transposed first.

use crate::pipeline::Analysis;
use std::fmt::Write;

/// A label Pajek can read between double quotes.
pub fn pajek_label(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// The network as a Pajek file.
pub fn to_pajek(a: &Analysis) -> String {
    let net = &a.network;
    let pts: Vec<(f64, f64)> = net
        .nodes
        .iter()
        .filter_map(|n| Some((n.x?, n.y?)))
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    let (mut lo, mut hi) = (
        (f64::INFINITY, f64::INFINITY),
        (f64::NEG_INFINITY, f64::NEG_INFINITY),
    );
    for &(x, y) in &pts {
        lo = (lo.0.min(x), lo.1.min(y));
        hi = (hi.0.max(x), hi.1.max(y));
    }
    let span = (hi.0 - lo.0).max(hi.1 - lo.1);
    let unit = |v: f64, lo: f64| {
        if span > 0.0 {
            0.05 + 0.9 * (v - lo) / span
        } else {
            0.5
        }
    };
    let mut out = String::with_capacity(64 + net.nodes.len() * 60 + net.links.len() * 24);
    let _ = writeln!(out, "*Vertices {}", net.nodes.len());
    for (i, n) in net.nodes.iter().enumerate() {
        let _ = write!(out, "{} \"{}\"", i + 1, pajek_label(&n.label));
        if let (Some(x), Some(y)) = (n.x, n.y)
            && x.is_finite()
            && y.is_finite()
        {
            let _ = write!(out, " {:.6} {:.6} 0.5", unit(x, lo.0), unit(y, lo.1));
        }
        out.push('\n');
    }
    out.push_str(if net.directed { "*Arcs\n" } else { "*Edges\n" });
    for l in &net.links {
        let _ = writeln!(out, "{} {} {}", l.source + 1, l.target + 1, l.weight);
    }
    out
}
