//! VOSviewer JSON (`.vos.json`), the format of VOSviewer Online and VOSviewer 1.6.16+
//! (app.vosviewer.com/docs/file-types/json-file-type; field names checked against the
//! example files of the VOSviewer-Online repository, e.g.
//! `data/QSS_SM_2020-2021_co-authorship_network.json`):
//!
//! ```json
//! {"config": {"terminology": {...}},
//!  "info": {"title": "...", "description": "..."},
//!  "network": {
//!    "items": [{"id": 1, "key": "...", "label": "...", "url": "https://doi.org/...",
//!               "x": 0.1, "y": -0.2, "cluster": 1,
//!               "weights": {"Citations": 12, "Links": 3, "Total link strength": 7},
//!               "scores": {"Avg. pub. year": 2001.5, "Betweenness centrality": 0.1}}],
//!    "links": [{"source_id": 1, "target_id": 2, "strength": 3}],
//!    "clusters": [{"cluster": 1, "label": "..."}]}}
//! ```
//!
//! Choices, as in the map file writer ([`super::vosviewer`]): ids are 1-based network
//! order (integers, as VOSviewer writes them), with cocite's item key in an extra `key`
//! field (items may carry extra fields); clusters are cocite's id + 1 (none past 1000);
//! y is negated; link strength is the raw co-occurrence count. The count weight comes
//! first, so it is VOSviewer's default size. A score is written only when every item
//! has it (an overlay needs a value for every item): the average publication year, the
//! item's own year (`Pub. year`), betweenness centrality, burst strength (0 without a
//! burst) when there are bursts, and the silhouette.

use super::ExportError;
use super::vosviewer::{average_year, capitalised, degree_and_strength};
use crate::network::{Node, NodeKind};
use crate::pipeline::Analysis;
use crate::scene::count_noun;
use serde::{Serialize, Serializer};

/// Name/value pairs written as a JSON object in their order.
struct Ordered(Vec<(String, f64)>);

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct Item<'a> {
    id: usize,
    key: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<u32>,
    weights: Ordered,
    scores: Ordered,
}

#[derive(Serialize)]
struct VosLink {
    source_id: u32,
    target_id: u32,
    strength: f64,
}

#[derive(Serialize)]
struct VosCluster<'a> {
    cluster: u32,
    label: &'a str,
}

/// The whole file (typed, so that weights and scores keep their order).
#[derive(Serialize)]
struct Doc<'a> {
    config: Config,
    info: Info,
    network: VosNetwork<'a>,
}

#[derive(Serialize)]
struct Config {
    terminology: serde_json::Value,
}

#[derive(Serialize)]
struct Info {
    title: String,
    description: String,
}

#[derive(Serialize)]
struct VosNetwork<'a> {
    items: Vec<Item<'a>>,
    links: Vec<VosLink>,
    clusters: Vec<VosCluster<'a>>,
}

/// VOSviewer's words for the items and links of each kind.
fn terminology(kind: NodeKind) -> serde_json::Value {
    let (item, items, link, links, strength) = match kind {
        NodeKind::Reference => (
            "Cited reference",
            "Cited references",
            "Co-citation link",
            "Co-citation links",
            "Co-citations",
        ),
        NodeKind::Author => (
            "Cited author",
            "Cited authors",
            "Co-citation link",
            "Co-citation links",
            "Co-citations",
        ),
        NodeKind::Journal => (
            "Cited source",
            "Cited sources",
            "Co-citation link",
            "Co-citation links",
            "Co-citations",
        ),
        NodeKind::Coauthor => (
            "Author",
            "Authors",
            "Co-authorship link",
            "Co-authorship links",
            "Co-authored documents",
        ),
        NodeKind::Institution => (
            "Organization",
            "Organizations",
            "Co-authorship link",
            "Co-authorship links",
            "Co-authored documents",
        ),
        NodeKind::Country => (
            "Country",
            "Countries",
            "Co-authorship link",
            "Co-authorship links",
            "Co-authored documents",
        ),
        NodeKind::Keyword => (
            "Keyword",
            "Keywords",
            "Co-occurrence link",
            "Co-occurrence links",
            "Co-occurrences",
        ),
        NodeKind::Term => (
            "Term",
            "Terms",
            "Co-occurrence link",
            "Co-occurrence links",
            "Co-occurrences",
        ),
        NodeKind::Category => (
            "Category",
            "Categories",
            "Co-occurrence link",
            "Co-occurrence links",
            "Co-occurrences",
        ),
        NodeKind::Coupling => (
            "Document",
            "Documents",
            "Bibliographic coupling link",
            "Bibliographic coupling links",
            "Shared references",
        ),
        NodeKind::Citation => (
            "Document",
            "Documents",
            "Citation link",
            "Citation links",
            "Citations",
        ),
        NodeKind::Imported => ("Item", "Items", "Link", "Links", "Link strength"),
    };
    serde_json::json!({
        "item": item, "items": items, "link": link, "links": links,
        "cluster": "Cluster", "clusters": "Clusters",
        "link_strength": strength,
        "total_link_strength": format!("Total {}", strength.to_lowercase()),
    })
}

/// What a node's own year is: the publication year of a work, else the first year
/// the item occurs in.
fn year_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Reference | NodeKind::Coupling | NodeKind::Imported => "Pub. year",
        _ => "First year",
    }
}

/// The scores every node has, by name, in order.
fn scores(a: &Analysis) -> Vec<(&'static str, Vec<f64>)> {
    let nodes = &a.network.nodes;
    let all =
        |f: &dyn Fn(&Node) -> Option<f64>| -> Option<Vec<f64>> { nodes.iter().map(f).collect() };
    let mut out = Vec::new();
    let candidates: [(&str, Option<Vec<f64>>); 5] = [
        ("Avg. pub. year", all(&average_year)),
        (year_name(a.network.kind), all(&|n| n.year.map(f64::from))),
        (
            "Betweenness centrality",
            all(&|n| Some(n.betweenness).filter(|b| b.is_finite())),
        ),
        (
            "Burst strength",
            nodes.iter().any(|n| n.burst.is_some()).then(|| {
                nodes
                    .iter()
                    .map(|n| n.burst.map_or(0.0, |b| b.strength))
                    .collect()
            }),
        ),
        ("Silhouette", all(&|n| n.silhouette)),
    ];
    for (name, values) in candidates {
        if let Some(v) = values {
            out.push((name, v));
        }
    }
    out
}

/// The title of the map: the kind and span.
fn title(a: &Analysis) -> String {
    match a.span {
        Some((f, t)) => format!("{}, {f}–{t}", a.network.kind.describe()),
        None => a.network.kind.describe().to_string(),
    }
}

/// VOSviewer JSON bytes.
pub fn to_vos_json(a: &Analysis) -> Result<Vec<u8>, ExportError> {
    let net = &a.network;
    let (degree, strength) = degree_and_strength(net);
    let count_name = capitalised(count_noun(net.kind));
    let scores = scores(a);
    let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
    let items: Vec<Item> = net
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| Item {
            id: i + 1,
            key: &n.id,
            label: &n.label,
            url: n.doi.as_ref().map(|d| format!("https://doi.org/{d}")),
            x: finite(n.x),
            y: finite(n.y).map(|y| -y + 0.0),
            cluster: n.cluster.filter(|&c| c < 1000).map(|c| c + 1),
            weights: Ordered(vec![
                (count_name.clone(), n.count as f64),
                ("Links".into(), degree[i] as f64),
                ("Total link strength".into(), strength[i]),
            ]),
            scores: Ordered(scores.iter().map(|(k, v)| (k.to_string(), v[i])).collect()),
        })
        .collect();
    let links: Vec<VosLink> = net
        .links
        .iter()
        .map(|l| VosLink {
            source_id: l.source + 1,
            target_id: l.target + 1,
            strength: l.count,
        })
        .collect();
    let clusters: Vec<VosCluster> = a
        .clusters
        .iter()
        .filter(|c| c.id < 1000)
        .map(|c| VosCluster {
            cluster: c.id + 1,
            label: &c.label,
        })
        .collect();
    let mut description = format!("{} items, {} links", net.nodes.len(), net.links.len());
    if let Some(q) = a.modularity {
        description.push_str(&format!(", modularity Q = {q:.4}"));
    }
    description.push_str(". Made with cocite.");
    let doc = Doc {
        config: Config {
            terminology: terminology(net.kind),
        },
        info: Info {
            title: title(a),
            description,
        },
        network: VosNetwork {
            items,
            links,
            clusters,
        },
    };
    serde_json::to_vec_pretty(&doc).map_err(|e| ExportError::Other(e.to_string()))
}
