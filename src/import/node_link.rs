//! Node-link JSON reader: networkx's `node_link_data` (`{"directed", "multigraph",
//! "graph", "nodes": [{"id", ...}], "links" | "edges": [{"source", "target", ...}]}`,
//! links keyed `"links"` up to networkx 3.3 and `"edges"` from 3.4) and the d3-force
//! form, where a link's `source` and `target` are node ids.
//!
//! Links whose ends are not node ids but are all integers below the number of nodes
//! are read as node positions (networkx 1.x, d3's default accessor, cocite before
//! 0.2), with a note. Node and link attributes sit in the objects themselves and are
//! found by name ([`super::RawNode::set`]; d3's `group` is a cluster, `value` a link
//! weight); cocite's `per_year` is read too, and `graph.clusters` (cocite) gives
//! cluster labels.

use super::vosviewer_json::{parse_json, scalar};
use super::{ParseError, RawLink, RawNetwork, RawNode};
use serde_json::Value;

fn node(i: usize, v: &Value, raw: &mut RawNetwork) -> Result<RawNode, ParseError> {
    let at = |m: String| ParseError::new(format!("nodes[{i}]: {m}"));
    let obj = v.as_object().ok_or_else(|| at("not an object".into()))?;
    let id = match obj.get("id") {
        Some(id) => scalar(id).ok_or_else(|| at("the id is not a string or number".into()))?,
        None => i.to_string(),
    };
    let mut n = RawNode::new(id, 0);
    for (k, v) in obj {
        match (k.as_str(), v) {
            ("id", _) | (_, Value::Null) => {}
            ("per_year", Value::Object(years)) => {
                for (y, c) in years {
                    let year = y
                        .parse::<i32>()
                        .map_err(|_| at(format!("per_year: {y:?} is not a year")))?;
                    let count = c
                        .as_u64()
                        .and_then(|c| u32::try_from(c).ok())
                        .ok_or_else(|| at(format!("per_year: {c} is not a count")))?;
                    n.per_year.insert(year, count);
                }
            }
            _ => {
                let used = match scalar(v) {
                    Some(s) => n.set(k, &s).map_err(at)?,
                    // cocite's burst is an object; recomputed, so no loss.
                    None => k == "burst",
                };
                if !used {
                    raw.ignored.insert(k.clone());
                }
            }
        }
    }
    Ok(n)
}

/// The links array: `"links"` (d3, networkx ≤ 3.3, cocite) or `"edges"` (networkx ≥ 3.4).
fn links_of(doc: &Value) -> Result<&[Value], ParseError> {
    match doc.get("links").or_else(|| doc.get("edges")) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(ParseError::new("\"links\" is not an array")),
    }
}

/// Reads a node-link JSON file.
pub fn read(text: &str) -> Result<RawNetwork, ParseError> {
    let doc = parse_json(text)?;
    let nodes = doc
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| ParseError::new("no \"nodes\" array"))?;
    let mut raw = RawNetwork::default();
    for (i, v) in nodes.iter().enumerate() {
        let n = node(i, v, &mut raw)?;
        raw.nodes.push(n);
    }
    let ids: rustc_hash::FxHashSet<&str> = raw.nodes.iter().map(|n| n.id.as_str()).collect();
    let links = links_of(&doc)?;
    let mut ends = Vec::with_capacity(links.len());
    for (i, l) in links.iter().enumerate() {
        let at = |m: &str| ParseError::new(format!("links[{i}]: {m}"));
        let end = |k: &str| {
            l.get(k)
                .and_then(scalar)
                .ok_or_else(|| at(&format!("no {k} (a node id)")))
        };
        ends.push((end("source")?, end("target")?));
    }
    let by_index = !ends
        .iter()
        .all(|(s, t)| ids.contains(s.as_str()) && ids.contains(t.as_str()))
        && ends.iter().all(|(s, t)| {
            [s, t]
                .iter()
                .all(|e| e.parse::<usize>().is_ok_and(|i| i < raw.nodes.len()))
        });
    if by_index {
        raw.notes.push(
            "the links point at node positions, not node ids (networkx 1.x, older cocite): read as positions"
                .into(),
        );
    }
    for (i, (l, (s, t))) in links.iter().zip(ends).enumerate() {
        let (s, t) = if by_index {
            let id = |e: &str| raw.nodes[e.parse::<usize>().unwrap_or(0)].id.clone();
            (id(&s), id(&t))
        } else {
            (s, t)
        };
        let mut link = RawLink::new(s, t, 0);
        if let Some(obj) = l.as_object() {
            for (k, v) in obj {
                if k == "source" || k == "target" {
                    continue;
                }
                let used = match scalar(v) {
                    Some(val) => link
                        .set(k, &val)
                        .map_err(|m| ParseError::new(format!("links[{i}]: {m}")))?,
                    None => v.is_null(),
                };
                if !used {
                    raw.ignored.insert(k.clone());
                }
            }
        }
        raw.links.push(link);
    }
    let clusters = doc.pointer("/graph/clusters").and_then(Value::as_array);
    for c in clusters.into_iter().flatten() {
        if let (Some(id), Some(label)) = (
            c.get("id").and_then(scalar),
            c.get("label").and_then(Value::as_str),
        ) {
            raw.cluster_labels.insert(id, label.to_string());
        }
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networkx_and_d3_forms() {
        // networkx ≥ 3.4: "edges", integer ids.
        let nx = r#"{"directed": false, "multigraph": false, "graph": {},
            "nodes": [{"id": 0, "club": "Mr. Hi"}, {"id": 1}, {"id": 2}],
            "edges": [{"source": 0, "target": 2, "weight": 4}]}"#;
        let raw = read(nx).expect("reads");
        assert_eq!(raw.links[0].source, "0");
        assert_eq!(raw.links[0].target, "2");
        assert_eq!(raw.links[0].weight, Some(4.0));
        assert!(raw.ignored.contains("club"));
        // d3: "links", string ids, group and value.
        let d3 = r#"{"nodes": [{"id": "Myriel", "group": 1}, {"id": "Napoleon", "group": 1}],
            "links": [{"source": "Napoleon", "target": "Myriel", "value": 1}]}"#;
        let raw = read(d3).expect("reads");
        assert_eq!(
            raw.nodes[0].cluster.as_ref().map(|c| c.1.as_str()),
            Some("1")
        );
        assert_eq!(raw.links[0].weight, Some(1.0));
    }

    #[test]
    fn links_by_position_are_recognised() {
        let old = r#"{"nodes": [{"id": "doi:10.1/a"}, {"id": "doi:10.1/b"}],
            "links": [{"source": 0, "target": 1, "weight": 0.5}]}"#;
        let raw = read(old).expect("reads");
        assert_eq!(raw.links[0].source, "doi:10.1/a");
        assert_eq!(raw.notes.len(), 1);
    }

    #[test]
    fn bad_files_name_the_element() {
        let e = read(r#"{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]}"#)
            .expect("reads")
            .assemble()
            .expect_err("b is no node");
        assert_eq!(e.message, "links[0]: link to an unknown node \"b\"");
        let e = read(r#"{"nodes": [{"id": "a", "count": "many"}]}"#).expect_err("count");
        assert_eq!(e.message, "nodes[0]: count \"many\" is not a number");
        let e = read("{\"nodes\": [\n\n{]}").expect_err("syntax");
        assert_eq!(e.line, Some(3));
    }
}
