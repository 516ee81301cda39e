//! JSON: the node-link form (what `cocite network --out FILE.json` has always
//! written: parameters, nodes, links, slices, clusters; `directed` says whether links
//! run from `source` to `target`, as networkx's node-link form says it; a citation
//! network adds `main_path`) and the whole [`Analysis`]
//! (`.analysis.json`), which deserialises back into an equal `Analysis`.

use super::ExportError;
use crate::network::{Link, Node, NodeKind};
use crate::pipeline::mainpath::MainPath;
use crate::pipeline::{Analysis, AnalysisParams, ClusterInfo, SliceInfo};
use serde::Serialize;

/// The node-link form.
#[derive(Serialize)]
struct NodeLink<'a> {
    params: &'a AnalysisParams,
    span: Option<(i32, i32)>,
    kind: NodeKind,
    directed: bool,
    nodes: &'a [Node],
    links: &'a [Link],
    slices: &'a [SliceInfo],
    modularity: Option<f64>,
    mean_silhouette: Option<f64>,
    clusters: &'a [ClusterInfo],
    layout_energy: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_path: Option<&'a MainPath>,
    notes: &'a [String],
}

fn to_vec(v: &impl Serialize) -> Result<Vec<u8>, ExportError> {
    serde_json::to_vec_pretty(v).map_err(|e| ExportError::Other(e.to_string()))
}

/// Node-link JSON bytes.
pub fn node_link(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    to_vec(&NodeLink {
        params: &a.params,
        span: a.span,
        kind: a.network.kind,
        directed: a.network.directed,
        nodes: &a.network.nodes,
        links: &a.network.links,
        slices: &a.slices,
        modularity: a.modularity,
        mean_silhouette: a.mean_silhouette,
        clusters: &a.clusters,
        layout_energy: a.layout_energy,
        main_path: a.main_path.as_ref(),
        notes: &a.notes,
    })
}

/// The whole analysis as JSON bytes.
pub fn analysis(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    to_vec(a)
}
