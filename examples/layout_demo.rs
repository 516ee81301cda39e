//! Lays out the demo co-citation network and writes an SVG.
//!
//! ```text
//! cargo run --release --example layout_demo -- [INPUT] [OUT.svg] [fa2|fdg|timeline|timezone]
//! ```
//! INPUT defaults to `assets/demo`, OUT to `layout_demo.svg`. Nodes are coloured by
//! cluster when the analysis found clusters, else by first year (blue = early, red =
//! late, as CiteSpace does), sized by √citations; the ten most cited are labelled.

use cocite::network::Network;
use cocite::pipeline::{self, AnalysisParams, LayoutMethod};
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input = args
        .first()
        .map_or_else(|| PathBuf::from("assets/demo"), PathBuf::from);
    let out = args
        .get(1)
        .map_or_else(|| PathBuf::from("layout_demo.svg"), PathBuf::from);
    let layout = match args.get(2).map(String::as_str) {
        Some("fdg") => LayoutMethod::Fdg,
        Some("timeline") => LayoutMethod::Timeline,
        Some("timezone") => LayoutMethod::Timezone,
        _ => LayoutMethod::Fa2,
    };
    let corpus = cocite::io::load(&[input])?;
    let params = AnalysisParams {
        layout: cocite::pipeline::LayoutParams {
            method: layout,
            ..Default::default()
        },
        ..AnalysisParams::default()
    };
    let analysis = pipeline::run(&corpus, &params)?;
    let net = &analysis.network;
    let time_view = matches!(layout, LayoutMethod::Timeline | LayoutMethod::Timezone);
    std::fs::write(&out, svg(net, 1000.0, time_view))?;
    println!(
        "{} nodes, {} links, layout {:.0} ms, energy {:?} → {}",
        net.nodes.len(),
        net.links.len(),
        analysis.timings_ms.get("layout").copied().unwrap_or(0.0),
        analysis.layout_energy,
        out.display()
    );
    for note in &analysis.notes {
        println!("note: {note}");
    }
    Ok(())
}

/// A hand-written SVG of the laid-out network, fitted into `size × size`.
/// In the time views nodes sit one layout unit apart, so their radius is capped at
/// 0.45 units there.
fn svg(net: &Network, size: f64, time_view: bool) -> String {
    let pos: Vec<[f64; 2]> = net
        .nodes
        .iter()
        .map(|n| [n.x.unwrap_or(0.0), n.y.unwrap_or(0.0)])
        .collect();
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in &pos {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let margin = 40.0;
    let scale = (size - 2.0 * margin) / (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-9);
    let at = |p: [f64; 2]| {
        [
            margin + (p[0] - lo[0]) * scale,
            margin + (p[1] - lo[1]) * scale,
        ]
    };
    let max_w = net
        .links
        .iter()
        .map(|l| l.weight)
        .fold(0.0, f64::max)
        .max(1e-12);
    let max_count = net.nodes.iter().map(|n| n.count).max().unwrap_or(1).max(1) as f64;
    let years: Vec<i32> = net.nodes.iter().map(|n| n.first_slice).collect();
    let (y0, y1) = (
        years.iter().copied().min().unwrap_or(0),
        years.iter().copied().max().unwrap_or(0),
    );
    let clustered = net.nodes.iter().any(|n| n.cluster.is_some());

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    for l in &net.links {
        let (a, b) = (at(pos[l.source as usize]), at(pos[l.target as usize]));
        let o = 0.08 + 0.5 * l.weight / max_w;
        let _ = writeln!(
            s,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#888" stroke-opacity="{o:.2}" stroke-width="0.7"/>"##,
            a[0], a[1], b[0], b[1]
        );
    }
    for (i, n) in net.nodes.iter().enumerate() {
        let p = at(pos[i]);
        let r = 2.0 + 10.0 * (n.count as f64 / max_count).sqrt();
        let r = if time_view { r.min(0.45 * scale) } else { r };
        let hue = match n.cluster {
            Some(c) if clustered => (c as f64 * 137.508) % 360.0,
            _ => 240.0 * (1.0 - (n.first_slice - y0) as f64 / (y1 - y0).max(1) as f64),
        };
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" fill="hsl({hue:.0},70%,50%)" fill-opacity="0.85" stroke="#333" stroke-width="0.5"/>"##,
            p[0], p[1]
        );
    }
    let mut top: Vec<usize> = (0..net.nodes.len()).collect();
    top.sort_by_key(|&i| std::cmp::Reverse(net.nodes[i].count));
    for &i in top.iter().take(10) {
        let p = at(pos[i]);
        let label: String = net.nodes[i].label.chars().take(28).collect();
        let label = label.replace('&', "&amp;").replace('<', "&lt;");
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-family="sans-serif" font-size="11">{label}</text>"#,
            p[0] + 6.0,
            p[1] - 6.0
        );
    }
    s.push_str("</svg>\n");
    s
}
