//! The scene: a description of a map figure as flat shapes in drawing order (links,
//! nodes with their rings, labels, axis, legend, title), built from an [`Analysis`] and
//! [`SceneOptions`] with no GUI dependency. The SVG writer serialises a scene shape by
//! shape, and PNG and PDF are rendered from that SVG, so every figure format has one
//! drawing code path; the app can paint the same shapes and colours ([`colors`]).
//!
//! What is drawn follows CiteSpace (Chen 2006, JASIST 57(3)):
//! - node radius grows with the count as in the app, `3 + 2.2·√count`, scaled so the
//!   largest node fits the figure;
//! - citation tree rings (optional): one ring per year with citations, innermost the
//!   earliest, ring thickness proportional to that year's count, coloured by year;
//!   otherwise the node is filled with its cluster colour (or its year's colour);
//! - a purple ring for betweenness ≥ 0.1, a red ring for a burst;
//! - links coloured by the year they first appeared, width growing with √weight;
//! - the main path of a citation network, when analysed, as thick orange lines over
//!   the links;
//! - labels of the most important nodes (sigma, then count) and of clusters, placed
//!   greedily without overlap ([`text::place_labels`]);
//! - a legend (node sizes, clusters, year colours), a title, and a year axis for the
//!   timeline and time-zone views.
//!
//! Coordinates are figure units (CSS pixels at 96 dpi), y downwards.

pub mod colors;
mod draw;
mod legend;
mod main_path;
pub mod text;

use crate::network::{Node, NodeKind};
use crate::pipeline::{Analysis, LayoutMethod};
use colors::Rgba;
pub use draw::{short_label, truncate};
use serde::{Deserialize, Serialize};
pub use text::{Anchor, FONT_DATA, FONT_FAMILY};

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
    /// How many node labels at most.
    pub node_labels: usize,
    pub cluster_labels: bool,
    pub legend: bool,
    /// The timeline slider's window `from..=to`: only what is visible then is drawn.
    pub window: Option<(i32, i32)>,
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
            legend: true,
            window: None,
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

/// The year a node is coloured by in the year overlay.
pub fn node_year(n: &Node) -> Option<i32> {
    n.year.or_else(|| n.per_year.keys().next().copied())
}

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
        NodeKind::Keyword => "occurrences",
        NodeKind::Coupling => "references",
        NodeKind::Citation => "local citations (LCS)",
        NodeKind::Coauthor | NodeKind::Institution | NodeKind::Country => "documents",
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
    draw::build(a, opts)
}
