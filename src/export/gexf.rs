//! GEXF 1.3 (gexf.net, the format of Gephi): an undirected static graph (directed for
//! a citation network, edges from the citing to the cited record) with attribute
//! declarations (`<attributes class="node|edge">`), attribute values on every node and
//! edge, and the viz module's `position`, `color` and `size`, so Gephi opens the map as
//! cocite drew it.
//!
//! Choices: node colours are the cluster palette and edge colours the year ramp
//! ([`crate::scene::colors`]); y is negated because Gephi's y axis points up while
//! cocite's points down; a node's size is 0.5–2.5 % of the layout's extent growing with
//! √count, like the figure's radii. The node's label is GEXF's `label`, its position
//! `viz:position`; every other attribute of [`super::attrs`] is an `attvalue`.

use super::attrs::{LINK_ATTRS, NODE_ATTRS, link_values, node_attr_title, node_values};
use super::svg::escape;
use crate::pipeline::Analysis;
use crate::scene::{colors, year_scale};
use std::fmt::Write;

/// Node attributes written as `attvalue` (label and position have their own places).
fn node_attr(name: &str) -> bool {
    !matches!(name, "label" | "x" | "y")
}

fn declarations(out: &mut String) {
    out.push_str("    <attributes class=\"node\" mode=\"static\">\n");
    for (name, ty) in NODE_ATTRS.iter().filter(|(n, _)| node_attr(n)) {
        let _ = writeln!(
            out,
            r#"      <attribute id="{name}" title="{}" type="{}"/>"#,
            node_attr_title(name),
            ty.gexf()
        );
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
    for (name, ty) in LINK_ATTRS.iter().filter(|(n, _)| *n != "weight") {
        let _ = writeln!(
            out,
            r#"      <attribute id="e_{name}" title="{name}" type="{}"/>"#,
            ty.gexf()
        );
    }
    out.push_str("    </attributes>\n");
}

fn color(out: &mut String, c: colors::Rgba) {
    let [r, g, b, _] = c.0;
    let _ = writeln!(
        out,
        r#"        <viz:color r="{r}" g="{g}" b="{b}" a="{}"/>"#,
        c.alpha()
    );
}

/// The network as a GEXF 1.3 document.
pub fn to_gexf(a: &Analysis) -> String {
    let net = &a.network;
    let mut out = String::with_capacity(1024 + net.nodes.len() * 700 + net.links.len() * 250);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>cocite</creator>
"#);
    let _ = writeln!(
        out,
        "    <description>{}</description>\n  </meta>",
        escape(net.kind.describe())
    );
    let edges = if net.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph defaultedgetype=\"{edges}\" mode=\"static\">");
    declarations(&mut out);
    let (lo, hi) = extent(a);
    let max = net.nodes.iter().map(|n| n.count).max().unwrap_or(0).max(1);
    out.push_str("    <nodes>\n");
    for (i, n) in net.nodes.iter().enumerate() {
        let _ = writeln!(out, r#"      <node id="{i}" label="{}">"#, escape(&n.label));
        out.push_str("        <attvalues>\n");
        for ((name, _), v) in NODE_ATTRS.iter().zip(node_values(n)) {
            if let (true, Some(v)) = (node_attr(name), v) {
                let _ = writeln!(
                    out,
                    r#"          <attvalue for="{name}" value="{}"/>"#,
                    escape(&v)
                );
            }
        }
        out.push_str("        </attvalues>\n");
        color(&mut out, colors::cluster_color(n.cluster));
        if let (Some(x), Some(y)) = (n.x, n.y) {
            let _ = writeln!(
                out,
                r#"        <viz:position x="{}" y="{}" z="0.0"/>"#,
                fin(x),
                fin(-y)
            );
        }
        let size = (hi - lo) * (0.005 + 0.02 * (n.count as f64 / max as f64).sqrt());
        let _ = writeln!(
            out,
            r#"        <viz:size value="{}"/>"#,
            fin(size.max(1e-3))
        );
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let years = year_scale(a);
    for (i, l) in net.links.iter().enumerate() {
        let _ = writeln!(
            out,
            r#"      <edge id="{i}" source="{}" target="{}" weight="{}">"#,
            l.source,
            l.target,
            fin(l.weight)
        );
        out.push_str("        <attvalues>\n");
        for ((name, _), v) in LINK_ATTRS.iter().zip(link_values(l)) {
            if let (true, Some(v)) = (*name != "weight", v) {
                let _ = writeln!(out, r#"          <attvalue for="e_{name}" value="{v}"/>"#);
            }
        }
        out.push_str("        </attvalues>\n");
        color(&mut out, colors::year_color(l.first_year, years.0, years.1));
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn fin(v: f64) -> f64 {
    if v.is_finite() { v } else { 0.0 }
}

/// The smallest and largest layout coordinate (either axis); (0, 1) without a layout.
fn extent(a: &Analysis) -> (f64, f64) {
    let (lo, hi) = a
        .network
        .nodes
        .iter()
        .flat_map(|n| [n.x, n.y])
        .flatten()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
    if lo < hi { (lo, hi) } else { (0.0, 1.0) }
}
