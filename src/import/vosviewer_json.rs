//! VOSviewer JSON reader (VOSviewer Online and VOSviewer 1.6.16+;
//! app.vosviewer.com/docs/file-types/json-file-type): `network.items` (`id` string or
//! integer, `label`, `x`, `y`, `cluster` 1–1000, `weights` and `scores` objects),
//! `network.links` (`source_id`, `target_id`, `strength`) and `network.clusters`
//! (`cluster`, `label`), whose labels are kept.
//!
//! Weights and scores are chosen as in map files ([`super::vosviewer`]): the count is
//! the first weight other than Links and Total link strength, the year the `Pub. year`
//! score, else `First year`, else `Avg. pub. year`. y is negated (VOSviewer's y axis
//! points up). An item's `key` field (written by cocite) is its cocite id. JSON has no
//! useful lines once parsed: errors name the element (`network.items[3]`).

use super::assemble::normalise;
use super::{ParseError, RawLink, RawNetwork, RawNode};
use serde_json::{Map, Value};

/// A JSON scalar as text (numbers as written, e.g. `12` or `0.5`); `None` for
/// arrays, objects and null.
pub(crate) fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses JSON text, with the line of a syntax error.
pub(crate) fn parse_json(text: &str) -> Result<Value, ParseError> {
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ParseError::at(e.line(), format!("not valid JSON: {e}")))
}

/// The key of `map` (weights or scores) picked by the rules of the module docs.
fn pick<'a>(map: &'a Map<String, Value>, rules: &[&dyn Fn(&str) -> bool]) -> Option<&'a Value> {
    rules
        .iter()
        .find_map(|rule| map.iter().find(|(k, _)| rule(&normalise(k))))
        .map(|(_, v)| v)
}

fn item(i: usize, it: &Value, raw: &mut RawNetwork) -> Result<RawNode, ParseError> {
    let at = |m: String| ParseError::new(format!("network.items[{i}]: {m}"));
    let obj = it.as_object().ok_or_else(|| at("not an object".into()))?;
    let id = obj
        .get("id")
        .and_then(scalar)
        .ok_or_else(|| at("no id".into()))?;
    let mut n = RawNode::new(id, 0);
    for (k, v) in obj {
        match (k.as_str(), v) {
            ("id", _) | ("description" | "url", _) | (_, Value::Null) => {}
            ("weights", Value::Object(w)) => {
                let count = pick(
                    w,
                    &[
                        &|k| k != "links" && k != "totallinkstrength",
                        &|k| k == "totallinkstrength",
                        &|k| k == "links",
                    ],
                );
                if let Some(c) = count.and_then(scalar) {
                    n.set("count", &c).map_err(at)?;
                }
            }
            ("scores", Value::Object(s)) => {
                let year = pick(
                    s,
                    &[
                        &|k| k == "pubyear",
                        &|k| k == "firstyear",
                        &|k| k == "avgpubyear",
                        &|k| k.contains("year"),
                    ],
                );
                if let Some(y) = year.and_then(scalar) {
                    n.set("year", &y).map_err(at)?;
                }
            }
            ("y", _) => {
                let y = scalar(v).ok_or_else(|| at("y is not a number".into()))?;
                n.set("y", &y).map_err(at)?;
                n.y = n.y.map(|y| -y);
            }
            _ => {
                let used = match scalar(v) {
                    Some(s) => n.set(k, &s).map_err(at)?,
                    None => false,
                };
                if !used {
                    raw.ignored.insert(k.clone());
                }
            }
        }
    }
    Ok(n)
}

/// Reads a VOSviewer JSON file.
pub fn read(text: &str) -> Result<RawNetwork, ParseError> {
    let doc = parse_json(text)?;
    let net = doc
        .get("network")
        .and_then(Value::as_object)
        .ok_or_else(|| ParseError::new("no \"network\" object"))?;
    let items = net
        .get("items")
        .and_then(Value::as_array)
        .ok_or_else(|| ParseError::new("network: no \"items\" array"))?;
    let mut raw = RawNetwork::default();
    for (i, it) in items.iter().enumerate() {
        let n = item(i, it, &mut raw)?;
        raw.nodes.push(n);
    }
    let links = match net.get("links") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(ParseError::new("network.links is not an array")),
    };
    for (i, l) in links.iter().enumerate() {
        let at = |m: &str| ParseError::new(format!("network.links[{i}]: {m}"));
        let end = |k: &str| {
            l.get(k)
                .and_then(scalar)
                .ok_or_else(|| at(&format!("no {k}")))
        };
        let mut link = RawLink::new(end("source_id")?, end("target_id")?, 0);
        link.weight = match l.get("strength") {
            None | Some(Value::Null) => None,
            Some(v) => Some(v.as_f64().ok_or_else(|| at("strength is not a number"))?),
        };
        raw.links.push(link);
    }
    if let Some(Value::Array(cs)) = net.get("clusters") {
        for c in cs {
            if let (Some(id), Some(label)) = (
                c.get("cluster").and_then(scalar),
                c.get("label").and_then(Value::as_str),
            ) {
                raw.cluster_labels.insert(id, label.to_string());
            }
        }
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trimmed from VOSviewer-Online's `data/QSS_SM_2020-2021_co-authorship_network.json`.
    const QSS: &str = r#"{"network": {
  "items": [
    {"id": 14, "label": "abramo, giovanni", "x": -0.7539, "y": -0.8101, "cluster": 17,
     "weights": {"Links": 1.0000, "Total link strength": 4.0000, "Documents": 4.0000,
                 "Citations": 4.0000, "Norm. citations": 1.3716},
     "scores": {"Avg. pub. year": 2020.2500, "Avg. citations": 1.0000}},
    {"id": 443, "label": "x", "x": 0, "y": 0, "cluster": 3, "weights": {"Links": 1}},
    {"id": 1909, "label": "y", "x": 1, "y": 1, "cluster": 17, "organization": "CWTS"}],
  "links": [{"source_id": 443, "target_id": 1909, "strength": 1.0000},
            {"source_id": 14, "target_id": 443}],
  "clusters": [{"cluster": 17, "label": "scientometrics"}] }}"#;

    #[test]
    fn reads_items_links_and_clusters() {
        let raw = read(QSS).expect("reads");
        let a = &raw.nodes[0];
        assert_eq!(a.id, "14");
        assert_eq!(
            a.count,
            Some((0, 4.0)),
            "Documents: the first weight after Links"
        );
        assert_eq!(a.year.map(|y| y.1), Some(2020.25));
        assert_eq!(a.y, Some(0.8101));
        assert_eq!(
            raw.nodes[1].count,
            Some((0, 1.0)),
            "Links when there is nothing else"
        );
        assert!(raw.ignored.contains("organization"));
        let imp = raw.assemble().expect("assembles");
        assert_eq!(imp.network.links.len(), 2);
        // Clusters 3 and 17 become 0 and 1; 17 keeps its label.
        assert_eq!(imp.cluster_labels, ["", "scientometrics"]);
        assert_eq!(imp.network.nodes[0].cluster, Some(1));
    }

    #[test]
    fn bad_files_name_the_element() {
        let e = read("{\"network\": {\"items\": [\n{\"label\": \"a\"}]}}").expect_err("no id");
        assert_eq!(e.message, "network.items[0]: no id");
        let e = read("{\"network\": \n{\"items\": [}").expect_err("syntax");
        assert_eq!(e.line, Some(2));
        let e = read(r#"{"network": {"items": [{"id": 1}], "links": [{"source_id": 1, "target_id": 1, "strength": "x"}]}}"#)
            .expect_err("strength");
        assert_eq!(e.message, "network.links[0]: strength is not a number");
    }
}
