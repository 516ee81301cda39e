//! GEXF reader (gexf.net, Gephi's format; versions 1.1 to 1.3): the `<graph>`'s
//! attribute declarations (`<attributes class="node|edge">` with `<attribute id
//! title>` and optional `<default>`), `<node id label>` with `<attvalues>` (`for`, or
//! `id` in GEXF 1.0) and `viz:position`, `<edge source target weight>` with
//! `<attvalues>`. Attributes are found by their title ([`super::RawNode::set`]).
//!
//! Gephi's y axis points up and cocite's down, so y is negated, as cocite's GEXF
//! writer negates it. Colours and sizes are cocite's own choice (cluster palette, count)
//! and are not read. Nodes nested in nodes (hierarchical graphs) are skipped with a note.

use super::xml::{self, Element};
use super::{ParseError, RawLink, RawNetwork, RawNode};
use rustc_hash::FxHashMap;

/// Declared attributes of one class: id → (title, default).
type Attrs = FxHashMap<String, (String, Option<String>)>;

fn declarations(graph: &Element) -> (Attrs, Attrs) {
    let (mut node, mut edge) = (Attrs::default(), Attrs::default());
    for block in graph.all("attributes") {
        let target = match block.attr("class") {
            Some("edge") => &mut edge,
            _ => &mut node,
        };
        for a in block.all("attribute") {
            let Some(id) = a.attr("id") else { continue };
            let title = a.attr("title").unwrap_or(id).to_string();
            let default = a.first("default").map(|d| d.text.trim().to_string());
            target.insert(id.to_string(), (title, default));
        }
    }
    (node, edge)
}

/// The title and value of each `attvalue` of `el`, then the defaults of the
/// attributes it has no value for.
fn values<'a>(el: &'a Element, attrs: &'a Attrs) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    let mut given = Vec::new();
    for v in el.all("attvalues").flat_map(|a| a.all("attvalue")) {
        let id = v.attr("for").or_else(|| v.attr("id")).unwrap_or("");
        given.push(id);
        let title = attrs.get(id).map_or(id, |(t, _)| t.as_str());
        out.push((title, v.attr("value").unwrap_or("")));
    }
    let mut defaults: Vec<(&str, &str)> = attrs
        .iter()
        .filter(|(id, _)| !given.contains(&id.as_str()))
        .filter_map(|(_, (t, d))| Some((t.as_str(), d.as_deref()?)))
        .collect();
    defaults.sort_unstable();
    out.extend(defaults);
    out
}

fn node(el: &Element, attrs: &Attrs, raw: &mut RawNetwork) -> Result<RawNode, ParseError> {
    let bad = |m: String| ParseError::at(el.line, m);
    let mut n = RawNode::new(el.required("id")?, el.line);
    if let Some(label) = el.attr("label") {
        n.set("label", label).map_err(bad)?;
    }
    for (name, value) in values(el, attrs) {
        if !n.set(name, value).map_err(bad)? {
            raw.ignored.insert(name.to_string());
        }
    }
    if let Some(p) = el.first("position") {
        let coord = |k: &str| -> Result<Option<f64>, ParseError> {
            p.attr(k)
                .map(|v| {
                    v.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| {
                            ParseError::at(
                                p.line,
                                format!("viz:position {k}={v:?} is not a number"),
                            )
                        })
                })
                .transpose()
        };
        if let (Some(x), Some(y)) = (coord("x")?, coord("y")?) {
            (n.x, n.y) = (Some(x), Some(-y));
        }
    }
    Ok(n)
}

/// Reads a GEXF document.
pub fn read(text: &str) -> Result<RawNetwork, ParseError> {
    let root = xml::parse(text)?;
    if root.name != "gexf" {
        return Err(ParseError::at(root.line, "the document is not <gexf>"));
    }
    let graph = root
        .first("graph")
        .ok_or_else(|| ParseError::at(root.line, "<gexf> has no <graph>"))?;
    let (node_attrs, edge_attrs) = declarations(graph);
    let mut raw = RawNetwork::default();
    let mut nested = false;
    for el in graph.all("nodes").flat_map(|n| n.all("node")) {
        nested |= el.first("nodes").is_some();
        let n = node(el, &node_attrs, &mut raw)?;
        raw.nodes.push(n);
    }
    for el in graph.all("edges").flat_map(|e| e.all("edge")) {
        let bad = |m: String| ParseError::at(el.line, m);
        let mut l = RawLink::new(el.required("source")?, el.required("target")?, el.line);
        if let Some(w) = el.attr("weight") {
            l.set("weight", w).map_err(bad)?;
        }
        for (name, value) in values(el, &edge_attrs) {
            if !l.set(name, value).map_err(bad)? {
                raw.ignored.insert(name.to_string());
            }
        }
        raw.links.push(l);
    }
    if nested {
        raw.notes
            .push("nodes nested in nodes (a hierarchical graph) were skipped".into());
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attributes_positions_and_weights() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="year" type="integer"><default>1999</default></attribute>
      <attribute id="1" title="modularity_class" type="integer"/></attributes>
    <nodes>
      <node id="a" label="Alpha"><attvalues><attvalue for="0" value="2001"/><attvalue for="1" value="4"/></attvalues>
        <viz:position x="1.5" y="2" z="0"/><viz:size value="3"/></node>
      <node id="b" label="Beta"/>
    </nodes>
    <edges><edge id="0" source="a" target="b" weight="0.5"/></edges>
  </graph>
</gexf>"#;
        let raw = read(doc).expect("reads");
        let a = &raw.nodes[0];
        assert_eq!(a.year, Some((0, 2001.0)));
        assert_eq!(a.cluster.as_ref().map(|c| c.1.as_str()), Some("4"));
        assert_eq!((a.x, a.y), (Some(1.5), Some(-2.0)), "y negated");
        assert_eq!(raw.nodes[1].year, Some((0, 1999.0)), "the default");
        assert_eq!(raw.links[0].weight, Some(0.5));
        let e = read(&doc.replace(r#"y="2""#, r#"y="up""#)).expect_err("bad y");
        assert_eq!(e.line, Some(8));
    }
}
