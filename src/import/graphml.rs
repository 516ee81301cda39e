//! GraphML reader (Brandes et al., "GraphML progress report", GD 2001; the schema at
//! graphml.graphdrawing.org): `<key id for attr.name attr.type>` declarations with
//! optional `<default>`, the first `<graph>`, its `<node id>` and `<edge source
//! target>` elements with `<data key>` values. Attributes are found by their
//! `attr.name` ([`super::RawNode::set`]); a `<data>` whose key is not declared is read
//! under the key's id. Nested graphs and hyperedges are not part of a cocite network:
//! they are skipped with a note.

use super::xml::{self, Element};
use super::{ParseError, RawLink, RawNetwork, RawNode};
use rustc_hash::FxHashMap;

/// A declared attribute: its name and default value.
struct Key {
    name: String,
    default: Option<String>,
}

/// The keys declared for nodes and for edges, by id.
fn keys(root: &Element) -> (FxHashMap<String, Key>, FxHashMap<String, Key>) {
    let (mut node, mut edge) = (FxHashMap::default(), FxHashMap::default());
    for k in root.all("key") {
        let Some(id) = k.attr("id") else { continue };
        let key = || Key {
            name: k.attr("attr.name").unwrap_or(id).to_string(),
            default: k.first("default").map(|d| d.text.trim().to_string()),
        };
        match k.attr("for").unwrap_or("all") {
            "node" => {
                node.insert(id.to_string(), key());
            }
            "edge" => {
                edge.insert(id.to_string(), key());
            }
            "all" => {
                node.insert(id.to_string(), key());
                edge.insert(id.to_string(), key());
            }
            _ => {}
        }
    }
    (node, edge)
}

/// The attribute name and value of each `<data>` of `el`, then the defaults of the
/// keys it has no `<data>` for.
fn values<'a>(el: &'a Element, keys: &'a FxHashMap<String, Key>) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    let mut given = Vec::new();
    for d in el.all("data") {
        let id = d.attr("key").unwrap_or("");
        given.push(id);
        let name = keys.get(id).map_or(id, |k| k.name.as_str());
        out.push((name, d.text.trim()));
    }
    let mut defaults: Vec<(&str, &str)> = keys
        .iter()
        .filter(|(id, _)| !given.contains(&id.as_str()))
        .filter_map(|(_, k)| Some((k.name.as_str(), k.default.as_deref()?)))
        .collect();
    defaults.sort_unstable();
    out.extend(defaults);
    out
}

/// Reads a GraphML document.
pub fn read(text: &str) -> Result<RawNetwork, ParseError> {
    let root = xml::parse(text)?;
    if root.name != "graphml" {
        return Err(ParseError::at(root.line, "the document is not <graphml>"));
    }
    let (node_keys, edge_keys) = keys(&root);
    let mut graphs = root.all("graph");
    let graph = graphs
        .next()
        .ok_or_else(|| ParseError::at(root.line, "<graphml> has no <graph>"))?;
    let mut raw = RawNetwork::default();
    if graphs.next().is_some() {
        raw.notes
            .push("the file holds several graphs: only the first was read".into());
    }
    let (mut nested, mut hyper) = (false, false);
    for el in &graph.children {
        match el.name.as_str() {
            "node" => {
                let mut n = RawNode::new(el.required("id")?, el.line);
                for (name, value) in values(el, &node_keys) {
                    if !n.set(name, value).map_err(|m| ParseError::at(el.line, m))? {
                        raw.ignored.insert(name.to_string());
                    }
                }
                nested |= el.first("graph").is_some();
                raw.nodes.push(n);
            }
            "edge" => {
                let mut l = RawLink::new(el.required("source")?, el.required("target")?, el.line);
                for (name, value) in values(el, &edge_keys) {
                    if !l.set(name, value).map_err(|m| ParseError::at(el.line, m))? {
                        raw.ignored.insert(name.to_string());
                    }
                }
                raw.links.push(l);
            }
            "hyperedge" => hyper = true,
            _ => {}
        }
    }
    if nested {
        raw.notes
            .push("graphs nested in nodes were skipped (cocite reads flat networks)".into());
    }
    if hyper {
        raw.notes.push("hyperedges were skipped".into());
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="Modularity Class" attr.type="int"><default>7</default></key>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Alpha &amp; co</data><data key="d1">1</data></node>
    <node id="b"><data key="shape">box</data></node>
    <edge source="a" target="b"><data key="w">2.5</data></edge>
    <edge source="b" target="a"><data key="w">1</data></edge>
  </graph>
</graphml>
"#;

    #[test]
    fn reads_keys_defaults_and_data() {
        let raw = read(DOC).expect("reads");
        assert_eq!(raw.nodes.len(), 2);
        assert_eq!(raw.nodes[0].label.as_deref(), Some("Alpha & co"));
        assert_eq!(
            raw.nodes[0].cluster.as_ref().map(|c| c.1.as_str()),
            Some("1")
        );
        assert_eq!(
            raw.nodes[1].cluster.as_ref().map(|c| c.1.as_str()),
            Some("7"),
            "the key's default"
        );
        assert!(
            raw.ignored.contains("shape"),
            "undeclared key read by its id"
        );
        let imp = raw.assemble().expect("assembles");
        assert_eq!(imp.network.links.len(), 1);
        assert_eq!(imp.network.links[0].weight, 3.5, "both directions summed");
    }

    #[test]
    fn errors_name_the_line() {
        let bad = DOC.replace(r#"<data key="w">2.5</data>"#, r#"<data key="w">x</data>"#);
        let e = read(&bad).expect_err("bad weight");
        assert_eq!(e.line, Some(9));
        assert!(e.message.contains("weight \"x\""), "{e:?}");
        let e = read(&DOC.replace(r#"<node id="b">"#, "<node>")).expect_err("no id");
        assert_eq!(e.line, Some(8));
    }
}
