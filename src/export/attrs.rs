//! The node and link attributes the graph formats carry (GraphML, GEXF, CSV), in one
//! table so every writer names and types them alike.

use crate::network::{Link, Node};

/// Attribute value types (GraphML `attr.type`, GEXF `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Int,
    Double,
    Str,
}

impl Ty {
    pub fn graphml(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Double => "double",
            Ty::Str => "string",
        }
    }

    pub fn gexf(self) -> &'static str {
        match self {
            Ty::Int => "integer",
            Ty::Double => "double",
            Ty::Str => "string",
        }
    }
}

/// Node attributes: name and type. `lcs` and `gcs` are set on document nodes
/// (citation, coupling): local citations (LCS), the loaded records citing it, and
/// global citations (GCS), its times cited in the database ([`node_attr_title`]).
pub const NODE_ATTRS: [(&str, Ty); 18] = [
    ("key", Ty::Str),
    ("label", Ty::Str),
    ("count", Ty::Int),
    ("cluster", Ty::Int),
    ("year", Ty::Int),
    ("first_slice", Ty::Int),
    ("betweenness", Ty::Double),
    ("burst", Ty::Double),
    ("burst_begin", Ty::Int),
    ("burst_end", Ty::Int),
    ("sigma", Ty::Double),
    ("silhouette", Ty::Double),
    ("x", Ty::Double),
    ("y", Ty::Double),
    ("doi", Ty::Str),
    ("times_cited", Ty::Int),
    ("lcs", Ty::Int),
    ("gcs", Ty::Int),
];

/// A node attribute's name in words, for formats with a place for it (GEXF `title`).
pub fn node_attr_title(name: &str) -> &str {
    match name {
        "lcs" => "local citations (LCS)",
        "gcs" => "global citations (GCS)",
        other => other,
    }
}

/// Link attributes: name and type.
pub const LINK_ATTRS: [(&str, Ty); 3] = [
    ("weight", Ty::Double),
    ("count", Ty::Double),
    ("first_year", Ty::Int),
];

/// A float written so it reads back exactly (Rust's shortest round-trip form);
/// non-finite values are left out.
pub fn float(v: f64) -> Option<String> {
    v.is_finite().then(|| format!("{v}"))
}

/// The node's values in [`NODE_ATTRS`] order; `None` where it has no value.
pub fn node_values(n: &Node) -> [Option<String>; 18] {
    let burst = n.burst;
    [
        Some(n.id.clone()),
        Some(n.label.clone()),
        Some(n.count.to_string()),
        n.cluster.map(|c| c.to_string()),
        n.year.map(|y| y.to_string()),
        Some(n.first_slice.to_string()),
        float(n.betweenness),
        burst.and_then(|b| float(b.strength)),
        burst.map(|b| b.begin.to_string()),
        burst.map(|b| b.end.to_string()),
        float(n.sigma),
        n.silhouette.and_then(float),
        n.x.and_then(float),
        n.y.and_then(float),
        n.doi.clone(),
        n.times_cited.map(|t| t.to_string()),
        n.lcs.map(|t| t.to_string()),
        n.gcs.map(|t| t.to_string()),
    ]
}

/// The link's values in [`LINK_ATTRS`] order.
pub fn link_values(l: &Link) -> [Option<String>; 3] {
    [
        float(l.weight),
        float(l.count),
        Some(l.first_year.to_string()),
    ]
}
