//! JSON: node-link JSON in the networkx / d3 convention (`.json`) and the whole
//! [`Analysis`] (`.analysis.json`), which deserialises back into an equal `Analysis`.
//!
//! Node-link JSON is networkx's `node_link_data` form: `{"directed": false,
//! "multigraph": false, "graph": {...}, "nodes": [{"id", ...}], "links": [{"source",
//! "target", ...}]}`, where a link's `source` and `target` are node **ids** (networkx
//! ≥ 2 and d3-force with `.id(d => d.id)` match links to nodes by id). A citation
//! network is `"directed": true`, its links running from the citing `source` to the
//! cited `target`; its main path, when analysed, is `graph.main_path` (node ids). Node attributes
//! are the node's fields, link attributes `weight`, `count` and `first_year`; `graph`
//! holds the kind, span, parameters, modularity, slices, clusters (members as node ids)
//! and notes.
//!
//! The links are under `"links"` only, once: d3 and networkx ≤ 3.3 read that by
//! default, and networkx ≥ 3.4, whose default key is `"edges"`, reads it with
//! `nx.node_link_graph(data, edges="links")` (the argument networkx's own deprecation
//! message recommends). Writing both keys would double the file for no reader that
//! lacks the argument.

use super::ExportError;
use crate::network::{Node, NodeKind};
use crate::pipeline::{Analysis, AnalysisParams, SliceInfo};
use serde::Serialize;

/// The node-link form.
#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: Graph<'a>,
    nodes: &'a [Node],
    links: Vec<LinkOut<'a>>,
}

/// Graph attributes (networkx `G.graph`).
#[derive(Serialize)]
struct Graph<'a> {
    generator: &'static str,
    kind: NodeKind,
    span: Option<(i32, i32)>,
    params: &'a AnalysisParams,
    modularity: Option<f64>,
    mean_silhouette: Option<f64>,
    layout_energy: Option<f64>,
    slices: &'a [SliceInfo],
    clusters: Vec<ClusterOut<'a>>,
    /// A citation network's main path, node ids in time order.
    #[serde(skip_serializing_if = "Option::is_none")]
    main_path: Option<Vec<&'a str>>,
    notes: &'a [String],
}

/// A cluster with its members named by node id.
#[derive(Serialize)]
struct ClusterOut<'a> {
    id: u32,
    size: usize,
    label: &'a str,
    terms: &'a [(String, f64)],
    silhouette: f64,
    mean_year: Option<f64>,
    top_members: Vec<&'a str>,
}

/// A link between node ids.
#[derive(Serialize)]
struct LinkOut<'a> {
    source: &'a str,
    target: &'a str,
    weight: f64,
    count: f64,
    first_year: i32,
}

fn to_vec(v: &impl Serialize) -> Result<Vec<u8>, ExportError> {
    serde_json::to_vec_pretty(v).map_err(|e| ExportError::Other(e.to_string()))
}

/// Node-link JSON bytes.
pub fn node_link(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    let nodes = &a.network.nodes;
    let id = |i: u32| nodes.get(i as usize).map_or("", |n| n.id.as_str());
    to_vec(&NodeLink {
        directed: a.network.directed,
        multigraph: false,
        graph: Graph {
            generator: "cocite",
            kind: a.network.kind,
            span: a.span,
            params: &a.params,
            modularity: a.modularity,
            mean_silhouette: a.mean_silhouette,
            layout_energy: a.layout_energy,
            slices: &a.slices,
            clusters: a
                .clusters
                .iter()
                .map(|c| ClusterOut {
                    id: c.id,
                    size: c.size,
                    label: &c.label,
                    terms: &c.terms,
                    silhouette: c.silhouette,
                    mean_year: c.mean_year,
                    top_members: c.top_members.iter().map(|&m| id(m)).collect(),
                })
                .collect(),
            main_path: a
                .main_path
                .as_ref()
                .map(|m| m.nodes.iter().map(|&i| id(i)).collect()),
            notes: &a.notes,
        },
        nodes,
        links: a
            .network
            .links
            .iter()
            .map(|l| LinkOut {
                source: id(l.source),
                target: id(l.target),
                weight: l.weight,
                count: l.count,
                first_year: l.first_year,
            })
            .collect(),
    })
}

/// The whole analysis as JSON bytes.
pub fn analysis(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    to_vec(a)
}
