//! What every reader produces, [`RawNetwork`] (nodes with the attributes recognised by
//! name, links between node ids), and the one place that turns it into a checked
//! [`Network`]: unique ids, counts, dense cluster ids, undirected links without
//! duplicates or self-loops (see the module docs of [`super`] for the rules).

use super::{Imported, ParseError};
use crate::network::{Link, Network, Node, NodeKind};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// A node as a reader found it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawNode {
    /// The node's id in the file.
    pub id: String,
    /// Line of the node in the file (0 where the format has no lines).
    pub line: usize,
    pub label: Option<String>,
    /// cocite's item key (`key` attribute of cocite's own files).
    pub key: Option<String>,
    /// Weight (count) and the rank of the attribute it came from (lower wins).
    pub count: Option<(usize, f64)>,
    pub year: Option<(usize, f64)>,
    /// Cluster as written in the file (renumbered when assembled).
    pub cluster: Option<(usize, String)>,
    pub x: Option<f64>,
    pub y: Option<f64>,
    pub per_year: BTreeMap<i32, u32>,
    pub first_slice: Option<i32>,
    pub doi: Option<String>,
    pub times_cited: Option<u32>,
}

/// A link as a reader found it, between node ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawLink {
    pub source: String,
    pub target: String,
    /// Line of the link in the file (0 where the format has no lines).
    pub line: usize,
    pub weight: Option<f64>,
    pub count: Option<f64>,
    pub first_year: Option<i32>,
}

/// What a reader produces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawNetwork {
    pub nodes: Vec<RawNode>,
    pub links: Vec<RawLink>,
    /// Cluster labels by the cluster value as written in the file.
    pub cluster_labels: BTreeMap<String, String>,
    /// Attributes the reader found but cocite does not use.
    pub ignored: BTreeSet<String>,
    pub notes: Vec<String>,
}

/// An attribute name without case, spaces or punctuation (`Modularity Class` →
/// `modularityclass`).
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Names of a node's weight, best first (`count` is cocite's own).
const COUNT: [&str; 9] = [
    "count",
    "weight",
    "citations",
    "occurrences",
    "documents",
    "publications",
    "references",
    "frequency",
    "timescitedlocal",
];
const LABEL: [&str; 3] = ["label", "name", "title"];
const YEAR: [&str; 6] = [
    "year",
    "pubyear",
    "publicationyear",
    "firstyear",
    "avgpubyear",
    "meanyear",
];
const CLUSTER: [&str; 5] = [
    "cluster",
    "community",
    "modularityclass",
    "group",
    "partition",
];
/// Attributes cocite writes and recomputes, so reading them back is no loss.
const RECOMPUTED: [&str; 13] = [
    "id",
    "betweenness",
    "burst",
    "burstbegin",
    "burstend",
    "sigma",
    "silhouette",
    "links",
    "totallinkstrength",
    "size",
    "z",
    "degree",
    "peryear",
];

fn number(name: &str, value: &str) -> Result<f64, String> {
    let v: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{name} {value:?} is not a number"))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("{name} {value:?} is not a finite number"))
    }
}

fn set_ranked<T>(slot: &mut Option<(usize, T)>, rank: usize, value: T) {
    if slot.as_ref().is_none_or(|(r, _)| rank < *r) {
        *slot = Some((rank, value));
    }
}

impl RawNode {
    /// A node with an id at a line.
    pub fn new(id: impl Into<String>, line: usize) -> Self {
        RawNode {
            id: id.into(),
            line,
            ..Default::default()
        }
    }

    /// Sets the attribute `name` (matched by [`normalise`]d name) to `value`; returns
    /// false when cocite has no use for it. A number that does not parse is an error.
    pub fn set(&mut self, name: &str, value: &str) -> Result<bool, String> {
        let n = normalise(name);
        let rank = |list: &[&str]| list.iter().position(|x| *x == n);
        if let Some(r) = rank(&LABEL) {
            if self.label.is_none() || r == 0 {
                self.label = Some(value.to_string());
            }
        } else if n == "key" {
            self.key = Some(value.to_string());
        } else if let Some(r) = rank(&COUNT) {
            set_ranked(&mut self.count, r, number(name, value)?);
        } else if let Some(r) = rank(&YEAR) {
            set_ranked(&mut self.year, r, number(name, value)?);
        } else if let Some(r) = rank(&CLUSTER) {
            let v = value.trim();
            if !v.is_empty() {
                set_ranked(&mut self.cluster, r, v.to_string());
            }
        } else if n == "x" {
            self.x = Some(number(name, value)?);
        } else if n == "y" {
            self.y = Some(number(name, value)?);
        } else if n == "firstslice" {
            self.first_slice = Some(number(name, value)?.round() as i32);
        } else if n == "doi" {
            self.doi = Some(value.to_string());
        } else if n == "timescited" {
            self.times_cited = Some(number(name, value)?.round().max(0.0) as u32);
        } else {
            return Ok(RECOMPUTED.contains(&n.as_str()));
        }
        Ok(true)
    }
}

impl RawLink {
    /// A link between two node ids at a line.
    pub fn new(source: impl Into<String>, target: impl Into<String>, line: usize) -> Self {
        RawLink {
            source: source.into(),
            target: target.into(),
            line,
            ..Default::default()
        }
    }

    /// Sets a link attribute; returns false when cocite has no use for it.
    pub fn set(&mut self, name: &str, value: &str) -> Result<bool, String> {
        match normalise(name).as_str() {
            "weight" | "strength" | "value" => self.weight = Some(number(name, value)?),
            "count" => self.count = Some(number(name, value)?),
            "firstyear" => self.first_year = Some(number(name, value)?.round() as i32),
            "id" | "label" | "type" | "key" | "directed" => {}
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Where an error is: the line, else the element.
fn at(line: usize, what: impl FnOnce() -> String, message: String) -> ParseError {
    if line > 0 {
        ParseError::at(line, message)
    } else {
        ParseError::new(format!("{}: {message}", what()))
    }
}

impl RawNetwork {
    /// Checks the network and builds the [`Imported`] network (format and files are
    /// left for the caller).
    pub fn assemble(self) -> Result<Imported, ParseError> {
        let RawNetwork {
            nodes: raw,
            links: raw_links,
            cluster_labels,
            ignored,
            mut notes,
        } = self;
        if raw.is_empty() {
            return Err(ParseError::new("the file has no nodes"));
        }
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        for (i, n) in raw.iter().enumerate() {
            if index.insert(n.id.as_str(), i as u32).is_some() {
                return Err(at(
                    n.line,
                    || format!("nodes[{i}]"),
                    format!("node id {:?} occurs twice", n.id),
                ));
            }
        }
        let links = links(&raw_links, &index, &mut notes)?;
        let mut nodes = nodes(&raw, &links, &mut notes);
        let labels = renumber_clusters(&raw, &mut nodes, &cluster_labels);
        if !ignored.is_empty() {
            let names: Vec<&str> = ignored.iter().map(String::as_str).collect();
            notes.push(format!("attributes not used: {}", names.join(", ")));
        }
        Ok(Imported {
            network: Network {
                directed: false,
                kind: NodeKind::Imported,
                nodes,
                links,
            },
            cluster_labels: labels,
            notes,
            ..Default::default()
        })
    }
}

/// Undirected links between node indices, `source < target`, sorted: duplicates merged
/// (weights and counts summed, earliest first year), self-loops dropped.
fn links(
    raw: &[RawLink],
    index: &FxHashMap<&str, u32>,
    notes: &mut Vec<String>,
) -> Result<Vec<Link>, ParseError> {
    let mut merged: BTreeMap<(u32, u32), Link> = BTreeMap::new();
    let (mut loops, mut duplicates, mut unweighted) = (0usize, 0usize, 0usize);
    for (i, l) in raw.iter().enumerate() {
        let end = |id: &str| {
            index.get(id).copied().ok_or_else(|| {
                at(
                    l.line,
                    || format!("links[{i}]"),
                    format!("link to an unknown node {id:?}"),
                )
            })
        };
        let (s, t) = (end(&l.source)?, end(&l.target)?);
        if let Some(w) = l.weight.filter(|w| *w < 0.0) {
            return Err(at(
                l.line,
                || format!("links[{i}]"),
                format!("negative link weight {w}"),
            ));
        }
        if s == t {
            loops += 1;
            continue;
        }
        unweighted += usize::from(l.weight.is_none());
        let weight = l.weight.unwrap_or(1.0);
        let count = l.count.unwrap_or(weight);
        let first_year = l.first_year.unwrap_or(0);
        let (source, target) = (s.min(t), s.max(t));
        match merged.entry((source, target)) {
            std::collections::btree_map::Entry::Occupied(mut e) => {
                duplicates += 1;
                let m = e.get_mut();
                m.weight += weight;
                m.count += count;
                m.first_year = m.first_year.min(first_year);
            }
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(Link {
                    source,
                    target,
                    weight,
                    count,
                    first_year,
                });
            }
        }
    }
    if duplicates > 0 {
        notes.push(format!(
            "{duplicates} links repeated a pair of nodes (both directions of a directed link, or a multigraph): merged into one undirected link each, weights summed"
        ));
    }
    if loops > 0 {
        notes.push(format!("{loops} self-loops dropped"));
    }
    if unweighted > 0 && unweighted == raw.len() - loops {
        notes.push("the links have no weights: every link has weight 1".into());
    }
    Ok(merged.into_values().collect())
}

/// The nodes with their attributes; counts from degrees where the file has none.
fn nodes(raw: &[RawNode], links: &[Link], notes: &mut Vec<String>) -> Vec<Node> {
    let mut degree = vec![0u32; raw.len()];
    for l in links {
        degree[l.source as usize] += 1;
        degree[l.target as usize] += 1;
    }
    let keyed = raw.iter().all(|n| n.key.is_some()) && {
        let keys: BTreeSet<&str> = raw.iter().filter_map(|n| n.key.as_deref()).collect();
        keys.len() == raw.len()
    };
    let (mut from_degree, mut rounded) = (0usize, false);
    let nodes = raw
        .iter()
        .zip(&degree)
        .map(|(r, &d)| {
            let count = match r.count {
                Some((_, c)) => {
                    rounded |= c.fract() != 0.0;
                    c.round().clamp(0.0, u32::MAX as f64) as u32
                }
                None => {
                    from_degree += 1;
                    d
                }
            };
            let year = r.year.map(|(_, y)| y.round() as i32);
            let id = match (&r.key, keyed) {
                (Some(k), true) => k.clone(),
                _ => r.id.clone(),
            };
            let (x, y) = match (r.x, r.y) {
                (Some(x), Some(y)) => (Some(x), Some(y)),
                _ => (None, None),
            };
            Node {
                label: r.label.clone().unwrap_or_else(|| id.clone()),
                id,
                count,
                per_year: r.per_year.clone(),
                first_slice: r.first_slice.or(year).unwrap_or(0),
                year,
                doi: r.doi.clone(),
                times_cited: r.times_cited,
                x,
                y,
                sigma: 1.0,
                ..Default::default()
            }
        })
        .collect();
    if from_degree == raw.len() {
        notes.push(
            "the nodes have no weights: a node's count (its size) is its number of links".into(),
        );
    } else if from_degree > 0 {
        notes.push(format!(
            "{from_degree} nodes have no weight: their count is their number of links"
        ));
    }
    if rounded {
        notes.push("node weights rounded to whole numbers".into());
    }
    nodes
}

/// Numbers the clusters found 0.. in their numeric (else text) order and returns the
/// file's cluster labels by new id.
fn renumber_clusters(
    raw: &[RawNode],
    nodes: &mut [Node],
    labels: &BTreeMap<String, String>,
) -> Vec<String> {
    let values: BTreeSet<&str> = raw
        .iter()
        .filter_map(|n| n.cluster.as_ref().map(|(_, c)| c.as_str()))
        .collect();
    let mut order: Vec<&str> = values.into_iter().collect();
    let numeric: Option<Vec<f64>> = order.iter().map(|v| v.parse::<f64>().ok()).collect();
    if let Some(nums) = numeric {
        let mut pairs: Vec<(f64, &str)> = nums.into_iter().zip(order).collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        order = pairs.into_iter().map(|(_, v)| v).collect();
    }
    let id: FxHashMap<&str, u32> = order
        .iter()
        .enumerate()
        .map(|(i, v)| (*v, i as u32))
        .collect();
    for (node, r) in nodes.iter_mut().zip(raw) {
        node.cluster = r.cluster.as_ref().map(|(_, c)| id[c.as_str()]);
    }
    order
        .iter()
        .map(|v| labels.get(*v).cloned().unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, attrs: &[(&str, &str)]) -> RawNode {
        let mut n = RawNode::new(id, 0);
        for (k, v) in attrs {
            n.set(k, v).expect("valid");
        }
        n
    }

    #[test]
    fn attributes_by_name() {
        let n = node(
            "a",
            &[
                ("Weight", "2.6"),
                ("count", "7"),
                ("Modularity Class", "3"),
                ("Avg. pub. year", "2001.6"),
                ("name", "Alpha"),
            ],
        );
        assert_eq!(n.count, Some((0, 7.0)), "count beats weight");
        assert_eq!(n.cluster, Some((2, "3".to_string())), "Gephi's name");
        assert_eq!(n.label.as_deref(), Some("Alpha"));
        let mut n = RawNode::new("b", 3);
        assert_eq!(
            n.set("weight", "heavy"),
            Err("weight \"heavy\" is not a number".to_string())
        );
        assert_eq!(n.set("colour", "red"), Ok(false));
        assert_eq!(n.set("betweenness", "0.5"), Ok(true));
    }

    #[test]
    fn assembles_links_clusters_and_counts() {
        let raw = RawNetwork {
            nodes: vec![
                node("a", &[("cluster", "10")]),
                node("b", &[("cluster", "2"), ("weight", "4")]),
                node("c", &[("cluster", "10")]),
            ],
            links: vec![
                RawLink::new("a", "b", 5),
                RawLink::new("b", "a", 6),
                RawLink::new("c", "c", 7),
                RawLink::new("c", "a", 8),
            ],
            cluster_labels: [("2".to_string(), "two".to_string())].into(),
            ..Default::default()
        };
        let imp = raw.assemble().expect("assembles");
        let net = &imp.network;
        // Clusters 2 and 10 in numeric order (not text order, where "10" < "2").
        let clusters: Vec<Option<u32>> = net.nodes.iter().map(|n| n.cluster).collect();
        assert_eq!(clusters, [Some(1), Some(0), Some(1)]);
        assert_eq!(imp.cluster_labels, ["two", ""]);
        let pairs: Vec<(u32, u32, f64)> = net
            .links
            .iter()
            .map(|l| (l.source, l.target, l.weight))
            .collect();
        assert_eq!(
            pairs,
            [(0, 1, 2.0), (0, 2, 1.0)],
            "a–b twice merged, c–c dropped"
        );
        // a has no weight: its count is its degree, 2; b's is 4; c's degree 1.
        let counts: Vec<u32> = net.nodes.iter().map(|n| n.count).collect();
        assert_eq!(counts, [2, 4, 1]);
        assert_eq!(imp.notes.len(), 4, "{:?}", imp.notes);
    }

    #[test]
    fn bad_networks_are_errors() {
        let two = RawNetwork {
            nodes: vec![RawNode::new("a", 3), RawNode::new("a", 4)],
            ..Default::default()
        };
        let e = two.assemble().expect_err("duplicate id");
        assert_eq!(e.line, Some(4));
        let dangling = RawNetwork {
            nodes: vec![RawNode::new("a", 3)],
            links: vec![RawLink::new("a", "zz", 9)],
            ..Default::default()
        };
        let e = dangling.assemble().expect_err("unknown node");
        assert_eq!(e, ParseError::at(9, "link to an unknown node \"zz\""));
        assert!(RawNetwork::default().assemble().is_err(), "no nodes");
    }
}
