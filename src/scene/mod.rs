//! The scene: a description of a map figure as flat shapes in drawing order (links,
//! nodes with their rings, labels, axis, legend, title), built from an [`Analysis`] and
//! [`SceneOptions`] with no GUI dependency. The SVG writer serialises a scene shape by
//! shape, and PNG and PDF are rendered from that SVG, so every figure format has one
//! drawing code path. What the app's canvas shares with the figures lives here too:
//! the view geometry and saved view types ([`view`]), the label engine ([`labels`])
//! and the palette ([`colors`]), so the screen and a figure of the same view agree.
//!
//! What is drawn follows CiteSpace (Chen 2006, JASIST 57(3)):
//! - node radius grows with the count as in the app, `3 + 2.2·√count` world units,
//!   drawn through the figure's camera;
//! - citation tree rings (optional): one ring per year with citations, innermost the
//!   earliest, ring thickness proportional to that year's count, coloured by year;
//!   otherwise the node is filled with its cluster colour (or its year's colour);
//! - a purple ring for betweenness ≥ 0.1, a red ring for a burst;
//! - links coloured by the year they first appeared, width growing with √weight;
//! - the main path of a citation network, when analysed, as thick orange lines over
//!   the links;
//! - labels of clusters and of the most cited nodes, placed without overlap by the
//!   shared engine ([`labels`]);
//! - a legend (node sizes, clusters, year colours), a title, and a year axis for the
//!   timeline and time-zone views.
//!
//! The figures of the conceptual structure (thematic map, evolution and three-field
//! Sankeys) are built from [`crate::themes`] results in [`themes`].
//!
//! Coordinates are figure units (CSS pixels at 96 dpi), y downwards.

pub mod colors;
mod draw;
pub mod labels;
mod legend;
mod main_path;
pub mod text;
pub mod themes;
pub mod view;

use crate::network::{Node, NodeKind};
use crate::pipeline::{Analysis, LayoutMethod};
use colors::Rgba;
pub use labels::{ClusterLabels, node_text, truncate};
use serde::{Deserialize, Serialize};
pub use text::{Anchor, FONT_DATA, FONT_FAMILY};
pub use view::{Camera, ViewKind};

/// How nodes without tree rings are filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NodeColoring {
    /// Cluster palette.
    #[default]
    Cluster,
    /// Year colour of the node's publication (or first) year.
    Year,
}

/// What a figure shows and how large it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SceneOptions {
    /// Figure width in CSS pixels (1/96 inch).
    pub width: f64,
    /// Figure height in CSS pixels.
    pub height: f64,
    /// Resolution of raster output: a PNG is `width · dpi / 96` pixels wide.
    pub dpi: f64,
    /// Title; `None` gives a default naming the network, span and size.
    pub title: Option<String>,
    pub coloring: NodeColoring,
    /// Draw CiteSpace's citation tree rings instead of a plain fill.
    pub tree_rings: bool,
    /// How many node labels at most (fewer where the plot has no room for them).
    pub node_labels: usize,
    pub cluster_labels: bool,
    /// Clusters with at least this many members are labelled.
    pub cluster_min_size: usize,
    /// Label the largest K clusters instead (CiteSpace's "show the largest K clusters").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub largest_clusters: Option<usize>,
    pub legend: bool,
    /// Draw the title and subtitle above the map.
    pub show_title: bool,
    /// Shade each labelled cluster's area (the hull of its members) in the cluster
    /// view, as CiteSpace does.
    pub cluster_areas: bool,
    /// The timeline slider's window `from..=to`: only what is visible then is drawn.
    pub window: Option<(i32, i32)>,
    /// The view drawn; `None` draws the one the layout made (`--layout timeline` → the
    /// timeline view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<ViewKind>,
    /// The camera over the view's world positions; `None` fits the whole map. The app
    /// passes its own to export exactly what is on screen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camera: Option<Camera>,
    /// Base text size; `None` scales it with the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_size: Option<f64>,
}

impl SceneOptions {
    /// Which clusters get a label ([`labels::ClusterLabels`]).
    pub fn cluster_rule(&self) -> ClusterLabels {
        ClusterLabels {
            show: self.cluster_labels,
            min_size: self.cluster_min_size,
            largest: self.largest_clusters,
        }
    }
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            width: 1600.0,
            height: 1100.0,
            dpi: 96.0,
            title: None,
            coloring: NodeColoring::Cluster,
            tree_rings: true,
            node_labels: 30,
            cluster_labels: true,
            cluster_min_size: labels::DEFAULT_MIN_CLUSTER_SIZE,
            largest_clusters: None,
            legend: true,
            show_title: true,
            cluster_areas: true,
            window: None,
            view: None,
            camera: None,
            font_size: None,
        }
    }
}

/// A stroke: colour and width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub color: Rgba,
    pub width: f64,
}

/// One drawing primitive.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        from: [f64; 2],
        to: [f64; 2],
        stroke: Stroke,
    },
    Circle {
        center: [f64; 2],
        radius: f64,
        fill: Option<Rgba>,
        stroke: Option<Stroke>,
    },
    Rect {
        min: [f64; 2],
        size: [f64; 2],
        fill: Rgba,
    },
    /// A filled polygon (Sankey ribbons), its outline closed from the last point to
    /// the first.
    Polygon { points: Vec<[f64; 2]>, fill: Rgba },
    /// Text whose baseline passes through `pos`, aligned there by `anchor`.
    Text {
        pos: [f64; 2],
        text: String,
        size: f64,
        color: Rgba,
        anchor: Anchor,
        /// An outline behind the glyphs (width a quarter of the size) that keeps a
        /// label readable over links and nodes.
        halo: Option<Rgba>,
    },
}

/// A named group of shapes (an SVG `<g id=..>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub name: &'static str,
    pub shapes: Vec<Shape>,
}

/// A whole figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: Rgba,
    /// Layers in drawing order.
    pub layers: Vec<Layer>,
}

impl Scene {
    /// The layer called `name`, if any.
    pub fn layer(&self, name: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.name == name)
    }
}

/// The years shown by the colour scale: the analysis span, else the years nodes occur.
pub fn year_scale(a: &Analysis) -> (i32, i32) {
    if let Some(span) = a.span {
        return span;
    }
    let years = a
        .network
        .nodes
        .iter()
        .flat_map(|n| n.per_year.keys().copied());
    let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if lo > hi { (0, 0) } else { (lo, hi) }
}

pub use view::node_year;

/// Node fill for the chosen colouring.
pub fn node_fill(n: &Node, coloring: NodeColoring, scale: (i32, i32)) -> Rgba {
    match coloring {
        NodeColoring::Cluster => colors::cluster_color(n.cluster),
        NodeColoring::Year => match node_year(n) {
            Some(y) => colors::year_color(y, scale.0, scale.1),
            None => colors::UNCLUSTERED,
        },
    }
}

/// What a node's count counts, in words (legend, VOSviewer weight column).
pub fn count_noun(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Reference | NodeKind::Author | NodeKind::Journal => "citations",
        NodeKind::Keyword | NodeKind::Term => "occurrences",
        NodeKind::Coupling => "references",
        NodeKind::Citation => "local citations (LCS)",
        NodeKind::Coauthor | NodeKind::Institution | NodeKind::Country | NodeKind::Category => {
            "documents"
        }
        NodeKind::Imported => "weight",
    }
}

/// True when the layout is one of the time views (which get a year axis).
pub fn is_time_view(layout: LayoutMethod) -> bool {
    matches!(
        layout,
        LayoutMethod::Timeline | LayoutMethod::Timezone | LayoutMethod::Historiograph
    )
}

/// Builds the figure of `a` (see the module docs for what is drawn).
pub fn build(a: &Analysis, opts: &SceneOptions) -> Scene {
    draw::build(a, opts, None)
}

/// As [`build`], with every node's world position given (the app's current view:
/// a settled slider window, a live layout) instead of the view's own.
pub fn build_at(a: &Analysis, opts: &SceneOptions, world: &[[f64; 2]]) -> Scene {
    draw::build(a, opts, Some(world))
}
