//! The merged network: nodes with their counts per year, links with their strength and
//! the year they first appeared. Analysis results (clusters, centrality, bursts,
//! positions) are stored on the nodes so one value carries the whole map.

use petgraph::graph::{NodeIndex, UnGraph};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the nodes of a network are.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// Cited references (document co-citation).
    #[default]
    Reference,
    /// First authors of cited references (author co-citation).
    Author,
    /// Sources of cited references (journal co-citation).
    Journal,
    /// Authors of the records (co-authorship).
    Coauthor,
    /// Institutions of the records (collaboration).
    Institution,
    /// Countries of the records (collaboration).
    Country,
    /// Author keywords and Keywords Plus (co-occurrence).
    Keyword,
    /// Noun phrases of 2–4 words from titles, abstracts and keywords (term
    /// co-occurrence; [`crate::network::phrases`]).
    Term,
    /// Subject categories of the records, WoS `WC` (co-occurrence).
    Category,
    /// The records themselves (bibliographic coupling).
    Coupling,
    /// The records themselves, linked by direct citation (citing → cited): the
    /// historiograph and main-path network ([`crate::network::citation`]).
    Citation,
    /// A network made elsewhere and imported ([`crate::import`]): no records behind
    /// it. Not in [`NodeKind::ALL`], which lists the kinds built from records.
    Imported,
}

impl NodeKind {
    /// The kinds a network can be built as from records.
    pub const ALL: [NodeKind; 11] = [
        NodeKind::Reference,
        NodeKind::Author,
        NodeKind::Journal,
        NodeKind::Coauthor,
        NodeKind::Institution,
        NodeKind::Country,
        NodeKind::Keyword,
        NodeKind::Term,
        NodeKind::Category,
        NodeKind::Coupling,
        NodeKind::Citation,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Reference => "reference",
            NodeKind::Author => "author",
            NodeKind::Journal => "journal",
            NodeKind::Coauthor => "coauthor",
            NodeKind::Institution => "institution",
            NodeKind::Country => "country",
            NodeKind::Keyword => "keyword",
            NodeKind::Term => "term",
            NodeKind::Category => "category",
            NodeKind::Coupling => "coupling",
            NodeKind::Imported => "imported",
            NodeKind::Citation => "citation",
        }
    }

    /// Plain-words description for the GUI.
    pub fn describe(self) -> &'static str {
        match self {
            NodeKind::Reference => "Cited references (co-citation)",
            NodeKind::Author => "Cited authors (co-citation)",
            NodeKind::Journal => "Cited journals (co-citation)",
            NodeKind::Coauthor => "Authors (co-authorship)",
            NodeKind::Institution => "Institutions (collaboration)",
            NodeKind::Country => "Countries (collaboration)",
            NodeKind::Keyword => "Keywords (co-occurrence)",
            NodeKind::Term => "Noun-phrase terms (co-occurrence)",
            NodeKind::Category => "Subject categories (co-occurrence)",
            NodeKind::Coupling => "Documents (bibliographic coupling)",
            NodeKind::Imported => "Imported network",
            NodeKind::Citation => "Documents (direct citation)",
        }
    }

    /// True for kinds whose counts are citations (co-citation kinds).
    pub fn is_cocitation(self) -> bool {
        matches!(
            self,
            NodeKind::Reference | NodeKind::Author | NodeKind::Journal
        )
    }
}

impl std::str::FromStr for NodeKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        NodeKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = NodeKind::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown node kind {s:?}; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// A burst of activity (Kleinberg 2002).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Burst {
    pub strength: f64,
    pub begin: i32,
    pub end: i32,
}

/// A node of the merged network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Node {
    /// Stable identifier: the normalised key of the item (reference key, author key, ...).
    pub id: String,
    /// Display label (for references, the reference as WoS writes it).
    pub label: String,
    /// Local count over the whole span: citations (co-citation kinds), records
    /// (co-authorship, keywords) or references (coupling).
    pub count: u32,
    /// Local count per publication year of the citing/containing records.
    pub per_year: BTreeMap<i32, u32>,
    /// The first slice start year in which the node was selected.
    pub first_slice: i32,
    /// Publication year of the item where it has one (cited reference, document),
    /// else the first year it occurs.
    pub year: Option<i32>,
    /// DOI of a cited reference or document.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub doi: Option<String>,
    /// Global "times cited" of a document node, from the database (not local).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub times_cited: Option<u32>,
    /// Local citation score of a document node (citation, coupling): the loaded records
    /// of the span that cite it ([`crate::network::citation`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lcs: Option<u32>,
    /// Global citation score of a document node: its times cited in the database
    /// (WoS `TC`, Scopus "Cited by", OpenAlex `cited_by_count`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub gcs: Option<u32>,
    /// Cluster id (after clustering).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cluster: Option<u32>,
    /// Normalised betweenness centrality, 0–1 (after analysis).
    #[serde(default)]
    pub betweenness: f64,
    /// Citation burst, if any (after analysis).
    #[serde(default)]
    pub burst: Option<Burst>,
    /// Sigma = (betweenness + 1)^burst strength (after analysis); 1 without a burst.
    #[serde(default = "one")]
    pub sigma: f64,
    /// Silhouette of the node in its cluster (after analysis).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub silhouette: Option<f64>,
    /// Layout position (after layout).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub x: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub y: Option<f64>,
}

fn one() -> f64 {
    1.0
}

/// One time slice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SliceInfo {
    pub from: i32,
    pub to: i32,
    /// Records published in the slice.
    pub records: usize,
    /// Distinct items occurring in the slice.
    pub candidates: usize,
    /// Items the selection rule kept.
    pub selected: usize,
    /// Links among the selected items in this slice.
    pub links: usize,
}

/// A link of the merged network: `source < target` in an undirected network; in a
/// directed one (citation) from the citing `source` to the cited `target`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub source: u32,
    pub target: u32,
    /// Strength after normalisation (the chosen measure).
    pub weight: f64,
    /// Co-occurrence count over the span (full or fractional counting).
    pub count: f64,
    /// Start year of the first slice in which the link occurred.
    pub first_year: i32,
}

/// A network: nodes, links, and what the nodes are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Network {
    pub kind: NodeKind,
    /// True when links are directed (a citation network: citing → cited). Networks
    /// saved before directed networks existed read back as undirected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub directed: bool,
    pub nodes: Vec<Node>,
    /// Links sorted by (source, target).
    pub links: Vec<Link>,
}

impl Network {
    /// The petgraph view used by analysis and layout: node `i` is `NodeIndex::new(i)`,
    /// edge weights are link weights. A directed network is symmetrised, as
    /// CitNetExplorer clusters citation networks: one edge per pair of nodes linked in
    /// either direction, its weight the larger of the two links' weights.
    pub fn graph(&self) -> UnGraph<(), f64> {
        let mut g: UnGraph<(), f64> = UnGraph::with_capacity(self.nodes.len(), self.links.len());
        for _ in &self.nodes {
            g.add_node(());
        }
        for (a, b, w) in self.undirected_links() {
            g.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), w);
        }
        g
    }

    /// The links as undirected pairs `(a, b, weight)` with `a < b`, sorted: the links
    /// themselves for an undirected network; for a directed one each linked pair once,
    /// with the larger weight of its two directions (self-links dropped).
    pub fn undirected_links(&self) -> Vec<(u32, u32, f64)> {
        if !self.directed {
            return self
                .links
                .iter()
                .map(|l| (l.source, l.target, l.weight))
                .collect();
        }
        let mut pairs: Vec<(u32, u32, f64)> = self
            .links
            .iter()
            .filter(|l| l.source != l.target)
            .map(|l| (l.source.min(l.target), l.source.max(l.target), l.weight))
            .collect();
        pairs.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
        pairs.dedup_by_key(|p| (p.0, p.1));
        pairs
    }

    /// Neighbour lists with weights (compressed, for fast algorithms); a directed
    /// network is symmetrised as in [`Network::graph`].
    pub fn adjacency(&self) -> Vec<Vec<(u32, f64)>> {
        let mut adj = vec![Vec::new(); self.nodes.len()];
        for (a, b, w) in self.undirected_links() {
            adj[a as usize].push((b, w));
            adj[b as usize].push((a, w));
        }
        adj
    }
}

/// What is visible of a network in a year window: nodes with a count in the window
/// (`from..=to`), links whose first year is at most `to` between visible nodes. The
/// timeline slider shows exactly this; cumulative mode passes the span's first year
/// as `from`. In a citation network a node is a record, visible when it was published
/// in the window (its count, the citations it received, would hide uncited records),
/// and a link appears with its citing record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WindowView {
    pub nodes: Vec<bool>,
    pub links: Vec<bool>,
    pub visible_nodes: usize,
    pub visible_links: usize,
}

impl Network {
    /// The nodes and links visible in `from..=to` (see [`WindowView`]).
    pub fn window(&self, from: i32, to: i32) -> WindowView {
        let published = self.kind == NodeKind::Citation;
        let nodes: Vec<bool> = self
            .nodes
            .iter()
            .map(|n| {
                if published {
                    n.year.is_some_and(|y| (from..=to).contains(&y))
                } else {
                    n.per_year.range(from..=to).any(|(_, &c)| c > 0)
                }
            })
            .collect();
        let links: Vec<bool> = self
            .links
            .iter()
            .map(|l| l.first_year <= to && nodes[l.source as usize] && nodes[l.target as usize])
            .collect();
        WindowView {
            visible_nodes: nodes.iter().filter(|&&v| v).count(),
            visible_links: links.iter().filter(|&&v| v).count(),
            nodes,
            links,
        }
    }
}
