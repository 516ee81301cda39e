//! GraphML (Brandes et al., "GraphML progress report", GD 2001; schema at
//! graphml.graphdrawing.org): an undirected graph (directed for a citation network,
//! edges from the citing to the cited record) with one `<key>` per attribute of
//! [`super::attrs`] and the values on each node and edge. Node ids are `n0, n1, …` in
//! network order, edge ids `e0, …`; the item's own key is the `key` attribute.

use super::attrs::{LINK_ATTRS, NODE_ATTRS, link_values, node_values};
use super::svg::escape;
use crate::pipeline::Analysis;
use std::fmt::Write;

/// The network as a GraphML document.
pub fn to_graphml(a: &Analysis) -> String {
    let net = &a.network;
    let mut out = String::with_capacity(512 + net.nodes.len() * 600 + net.links.len() * 200);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"#);
    for (name, ty) in NODE_ATTRS {
        let _ = writeln!(
            out,
            r#"  <key id="{name}" for="node" attr.name="{name}" attr.type="{}"/>"#,
            ty.graphml()
        );
    }
    for (name, ty) in LINK_ATTRS {
        let _ = writeln!(
            out,
            r#"  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{}"/>"#,
            ty.graphml()
        );
    }
    let _ = writeln!(
        out,
        r#"  <graph id="{}" edgedefault="{}">"#,
        net.kind.name(),
        if net.directed {
            "directed"
        } else {
            "undirected"
        }
    );
    for (i, n) in net.nodes.iter().enumerate() {
        let _ = writeln!(out, r#"    <node id="n{i}">"#);
        for ((name, _), v) in NODE_ATTRS.iter().zip(node_values(n)) {
            if let Some(v) = v {
                let _ = writeln!(out, r#"      <data key="{name}">{}</data>"#, escape(&v));
            }
        }
        out.push_str("    </node>\n");
    }
    for (i, l) in net.links.iter().enumerate() {
        let _ = writeln!(
            out,
            r#"    <edge id="e{i}" source="n{}" target="n{}">"#,
            l.source, l.target
        );
        for ((name, _), v) in LINK_ATTRS.iter().zip(link_values(l)) {
            if let Some(v) = v {
                let _ = writeln!(out, r#"      <data key="e_{name}">{v}</data>"#);
            }
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
