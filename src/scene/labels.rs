//! The one label engine: which clusters and nodes get a label, what it says and where
//! it goes, for the app's canvas and every figure alike (both hand it their nodes in
//! their own output units: screen points or figure pixels).
//!
//! The rule is the greedy one of most map viewers (VOSviewer draws labels in order of
//! item weight and skips one that would overlap a label already drawn), with cluster
//! labels first because a map is read by its clusters:
//! 1. **Clusters** ([`ClusterLabels`]): every cluster with at least `min_size` members
//!    (or the `largest` K clusters, CiteSpace's "show the largest K clusters"), largest
//!    first, labelled `#id label` once, at the centroid of its visible members — or, in
//!    the timeline view, at the right end of its row as CiteSpace draws it. A cluster
//!    label that collides searches outwards (a spiral of positions; along the row's end
//!    in the timeline) for the nearest free place.
//! 2. **Nodes**: the nodes asked for first (the app's selection and hover), then the
//!    most cited, then the most central (betweenness), up to `max_node_labels`; each
//!    tries the positions right, left, above and below its disc and takes the first
//!    free one, or is left out.
//!
//! "Free" means: inside `area`, clear of every label already placed and of the
//! `taken` boxes (a legend, a title). Boxes are measured with the bundled font's
//! advance widths ([`super::text`]) but never narrower than 0.55 em per character, and
//! span 0.85 em above to 0.25 em below the baseline, so that a figure checked with
//! `map_readability.py` (which estimates boxes that way) finds no collision either.

use super::text::{Anchor, Bounds, ascent, text_width};
use crate::analysis::ClusterInfo;
use crate::network::{Network, Node, NodeKind};
use serde::{Deserialize, Serialize};

/// Which clusters are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterLabels {
    /// Label clusters; false labels none.
    pub show: bool,
    /// Clusters with at least this many members are labelled.
    pub min_size: usize,
    /// Label the largest K clusters instead (CiteSpace's "show the largest K clusters").
    pub largest: Option<usize>,
}

/// Default minimum cluster size for a label (CiteSpace's figures label clusters of
/// about ten members and up).
pub const DEFAULT_MIN_CLUSTER_SIZE: usize = 10;
/// When no cluster reaches the minimum size, the largest this many are labelled.
pub const FALLBACK_CLUSTERS: usize = 10;
/// Size of cluster labels relative to node labels (canvas and figures).
pub const CLUSTER_FONT_SCALE: f64 = 1.35;
/// Output area (square units) per node label: a map shows about one node label per
/// 9,000 square points, at least 8, so labels thin out on a small map and more
/// appear as the map grows or is zoomed.
pub const AREA_PER_LABEL: f64 = 9000.0;

/// How many node labels fit in `area`: one per [`AREA_PER_LABEL`], at least 8, at most
/// `max`.
pub fn budget(area: Bounds, max: usize) -> usize {
    let a = (area[2] - area[0]).max(0.0) * (area[3] - area[1]).max(0.0);
    ((a / AREA_PER_LABEL) as usize).max(8).min(max)
}

impl Default for ClusterLabels {
    fn default() -> Self {
        ClusterLabels {
            show: true,
            min_size: DEFAULT_MIN_CLUSTER_SIZE,
            largest: None,
        }
    }
}

impl ClusterLabels {
    /// The ids of the clusters to label, largest first (ties by id). Clusters with an
    /// empty label or a single member are never labelled.
    pub fn choose(&self, clusters: &[ClusterInfo]) -> Vec<u32> {
        if !self.show {
            return Vec::new();
        }
        let mut order: Vec<&ClusterInfo> = clusters
            .iter()
            .filter(|c| c.size >= 2 && !c.label.is_empty())
            .collect();
        order.sort_by_key(|c| (std::cmp::Reverse(c.size), c.id));
        let k = match self.largest {
            Some(k) => k,
            None => match order.iter().filter(|c| c.size >= self.min_size).count() {
                0 => FALLBACK_CLUSTERS,
                n => n,
            },
        };
        order.into_iter().take(k).map(|c| c.id).collect()
    }
}

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelTarget {
    Cluster(u32),
    Node(u32),
}

/// A placed label: the text's baseline point `pos`, aligned there by `anchor`.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub target: LabelTarget,
    pub text: String,
    pub pos: [f64; 2],
    pub anchor: Anchor,
    /// Font size, in the output's units.
    pub size: f64,
    /// The box the label occupies (min x, min y, max x, max y).
    pub bounds: Bounds,
}

/// Everything the engine needs of one view, in the output's units.
#[derive(Debug, Clone, Copy)]
pub struct LabelView<'a> {
    pub net: &'a Network,
    pub clusters: &'a [ClusterInfo],
    /// Position of each node.
    pub pos: &'a [[f64; 2]],
    /// Drawn radius of each node.
    pub radius: &'a [f64],
    /// Nodes drawn (the slider's window, minus hidden clusters).
    pub visible: &'a [bool],
    /// Labels stay inside this box.
    pub area: Bounds,
    pub node_font: f64,
    pub cluster_font: f64,
    pub max_node_labels: usize,
    pub cluster_labels: ClusterLabels,
    /// Cluster labels at the right end of their rows (timeline view).
    pub rows: bool,
    /// Nodes labelled before all others (selection, hover).
    pub first: &'a [u32],
    /// Boxes no label may cover.
    pub taken: &'a [Bounds],
}

/// The label of a node: for cited references CiteSpace's `AUTHOR, YEAR` (and for the
/// records of a citation network, bibliometrix's historiograph label `Author, Year`),
/// else the node's label; at most 40 characters.
pub fn node_text(n: &Node, kind: NodeKind) -> String {
    let s: String = if matches!(kind, NodeKind::Reference | NodeKind::Citation) {
        n.label
            .splitn(3, ", ")
            .take(2)
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        n.label.clone()
    };
    truncate(&s, 40)
}

/// The label of a cluster: `#id label`.
pub fn cluster_text(c: &ClusterInfo) -> String {
    format!("#{} {}", c.id, truncate(&c.label, 30))
}

/// `s` cut to `max` characters with an ellipsis.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Width of the box of `text` at `size`: the font's advance widths, at least 0.55 em
/// per character.
pub fn box_width(text: &str, size: f64) -> f64 {
    text_width(text, size).max(0.55 * size * text.chars().count() as f64)
}

/// The box of a text whose baseline passes through `pos`, aligned by `anchor`.
pub fn text_box(text: &str, size: f64, pos: [f64; 2], anchor: Anchor) -> Bounds {
    let w = box_width(text, size);
    let left = match anchor {
        Anchor::Start => pos[0],
        Anchor::Middle => pos[0] - w / 2.0,
        Anchor::End => pos[0] - w,
    };
    [left, pos[1] - 0.85 * size, left + w, pos[1] + 0.25 * size]
}

fn overlaps(a: &Bounds, b: &Bounds) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn inside(b: &Bounds, area: &Bounds) -> bool {
    b[0] >= area[0] && b[1] >= area[1] && b[2] <= area[2] && b[3] <= area[3]
}

/// The greedy placer: the boxes placed so far, and where a new label may go. Every
/// labelled figure uses it (maps through [`place`], the theme figures directly).
#[derive(Debug, Clone)]
pub struct Placer<'a> {
    area: Bounds,
    taken: &'a [Bounds],
    boxes: Vec<Bounds>,
}

impl<'a> Placer<'a> {
    /// A placer for labels inside `area`, clear of `taken`.
    pub fn new(area: Bounds, taken: &'a [Bounds]) -> Self {
        Placer {
            area,
            taken,
            boxes: Vec::new(),
        }
    }

    /// True if `b` is inside the area and clear of every box so far.
    pub fn free(&self, b: &Bounds) -> bool {
        inside(b, &self.area)
            && !self.taken.iter().any(|t| overlaps(t, b))
            && !self.boxes.iter().any(|t| overlaps(t, b))
    }

    /// Takes `b` if it is free.
    pub fn take(&mut self, b: Bounds) -> bool {
        let ok = self.free(&b);
        if ok {
            self.boxes.push(b);
        }
        ok
    }

    /// The first free place for `text` beside a circle (`center`, `radius`): right,
    /// left, above, below. Returns the baseline point and alignment.
    pub fn beside(
        &mut self,
        text: &str,
        size: f64,
        center: [f64; 2],
        radius: f64,
    ) -> Option<([f64; 2], Anchor, Bounds)> {
        let [cx, cy] = center;
        let gap = radius + size * 0.25;
        let mid = cy + ascent(size) / 2.0;
        let candidates = [
            ([cx + gap, mid], Anchor::Start),
            ([cx - gap, mid], Anchor::End),
            ([cx, cy - gap - 0.3 * size], Anchor::Middle),
            ([cx, cy + gap + 0.9 * size], Anchor::Middle),
        ];
        candidates.into_iter().find_map(|(pos, anchor)| {
            let b = text_box(text, size, pos, anchor);
            self.take(b).then_some((pos, anchor, b))
        })
    }

    /// The nearest free place for `text` around a point `at` (its glyphs centred there
    /// vertically; aligned by `anchor`): the point itself, then rings of positions
    /// outwards (only up and down with `vertical_only`, for a timeline row's end).
    pub fn around(
        &mut self,
        text: &str,
        size: f64,
        at: [f64; 2],
        anchor: Anchor,
        vertical_only: bool,
    ) -> Option<([f64; 2], Anchor, Bounds)> {
        let base = [at[0], at[1] + ascent(size) / 2.0];
        let step = size * 1.2;
        (0..=48)
            .flat_map(|ring| spiral(ring, step, vertical_only))
            .find_map(|[dx, dy]| {
                let pos = [base[0] + dx, base[1] + dy];
                let b = text_box(text, size, pos, anchor);
                self.take(b).then_some((pos, anchor, b))
            })
    }
}

/// Places the labels of `view` (see the module docs for the rule).
pub fn place(view: &LabelView) -> Vec<Label> {
    let mut placer = Placer::new(view.area, view.taken);
    let mut out = cluster_labels(view, &mut placer);
    out.extend(node_labels(view, &mut placer));
    out
}

/// Where a cluster's label starts: its visible members' centroid (or its row's end).
fn cluster_anchor(view: &LabelView, id: u32) -> Option<([f64; 2], Anchor)> {
    let members: Vec<usize> = (0..view.pos.len())
        .filter(|&i| view.visible.get(i).copied().unwrap_or(false))
        .filter(|&i| view.net.nodes[i].cluster == Some(id))
        .collect();
    if members.is_empty() {
        return None;
    }
    let k = members.len() as f64;
    let cx = members.iter().map(|&i| view.pos[i][0]).sum::<f64>() / k;
    let cy = members.iter().map(|&i| view.pos[i][1]).sum::<f64>() / k;
    if view.rows {
        let end = members
            .iter()
            .map(|&i| view.pos[i][0] + view.radius[i])
            .fold(f64::MIN, f64::max);
        Some(([end + 0.5 * view.cluster_font, cy], Anchor::Start))
    } else {
        Some(([cx, cy], Anchor::Middle))
    }
}

fn cluster_labels(view: &LabelView, placer: &mut Placer) -> Vec<Label> {
    let size = view.cluster_font;
    let mut out = Vec::new();
    for id in view.cluster_labels.choose(view.clusters) {
        let Some(info) = view.clusters.iter().find(|c| c.id == id) else {
            continue;
        };
        let Some((at, anchor)) = cluster_anchor(view, id) else {
            continue;
        };
        let text = cluster_text(info);
        if let Some((pos, anchor, bounds)) = placer.around(&text, size, at, anchor, view.rows) {
            out.push(Label {
                target: LabelTarget::Cluster(id),
                text,
                pos,
                anchor,
                size,
                bounds,
            });
        }
    }
    out
}

/// Offsets of ring `ring` around a point: the point itself, then 8 directions (or, for
/// row ends, up and down only) `ring · step` away.
fn spiral(ring: usize, step: f64, rows: bool) -> Vec<[f64; 2]> {
    if ring == 0 {
        return vec![[0.0, 0.0]];
    }
    let d = ring as f64 * step;
    if rows {
        return vec![[0.0, d * 0.5], [0.0, -d * 0.5]];
    }
    let h = d * 2.5;
    vec![
        [0.0, -d],
        [0.0, d],
        [h, 0.0],
        [-h, 0.0],
        [h, -d],
        [-h, -d],
        [h, d],
        [-h, d],
    ]
}

/// Nodes in labelling order: `first`, then by count, betweenness and index.
fn node_order(view: &LabelView) -> Vec<usize> {
    let nodes = &view.net.nodes;
    let shown = |i: usize| view.visible.get(i).copied().unwrap_or(false);
    let mut rest: Vec<usize> = (0..view.pos.len())
        .filter(|&i| shown(i) && !view.first.contains(&(i as u32)))
        .collect();
    rest.sort_by(|&a, &b| {
        nodes[b]
            .count
            .cmp(&nodes[a].count)
            .then(nodes[b].betweenness.total_cmp(&nodes[a].betweenness))
            .then(a.cmp(&b))
    });
    view.first
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i < view.pos.len() && shown(i))
        .chain(rest)
        .collect()
}

fn node_labels(view: &LabelView, placer: &mut Placer) -> Vec<Label> {
    let size = view.node_font;
    let mut out = Vec::new();
    for i in node_order(view) {
        let forced = view.first.contains(&(i as u32));
        if out.len() >= view.max_node_labels && !forced {
            break;
        }
        let text = node_text(&view.net.nodes[i], view.net.kind);
        if let Some((pos, anchor, bounds)) = placer.beside(&text, size, view.pos[i], view.radius[i])
        {
            out.push(Label {
                target: LabelTarget::Node(i as u32),
                text,
                pos,
                anchor,
                size,
                bounds,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_of<'a>(
        net: &'a Network,
        clusters: &'a [ClusterInfo],
        pos: &'a [[f64; 2]],
        radius: &'a [f64],
        visible: &'a [bool],
    ) -> LabelView<'a> {
        LabelView {
            net,
            clusters,
            pos,
            radius,
            visible,
            area: [0.0, 0.0, 400.0, 300.0],
            node_font: 10.0,
            cluster_font: 14.0,
            max_node_labels: 10,
            cluster_labels: ClusterLabels::default(),
            rows: false,
            first: &[],
            taken: &[],
        }
    }

    fn cluster(id: u32, size: usize, label: &str) -> ClusterInfo {
        ClusterInfo {
            id,
            size,
            label: label.into(),
            terms: Vec::new(),
            silhouette: 0.0,
            mean_year: None,
            top_members: Vec::new(),
            top_citing: Vec::new(),
        }
    }

    #[test]
    fn clusters_of_ten_or_the_largest_k() {
        let cs = [
            cluster(0, 30, "a"),
            cluster(1, 12, "b"),
            cluster(2, 9, "c"),
            cluster(3, 1, "d"),
        ];
        assert_eq!(ClusterLabels::default().choose(&cs), vec![0, 1]);
        let k2 = ClusterLabels {
            largest: Some(3),
            ..Default::default()
        };
        assert_eq!(
            k2.choose(&cs),
            vec![0, 1, 2],
            "singletons are never labelled"
        );
        // No cluster of 10: the largest ones still get a label.
        assert_eq!(ClusterLabels::default().choose(&cs[2..]), vec![2]);
    }

    #[test]
    fn labels_never_collide_and_the_heaviest_node_wins() {
        // Three nodes on top of each other: the most cited is labelled to the right,
        // the next to the left, the third above; no two boxes overlap.
        let mut net = Network::default();
        for (i, c) in [5u32, 9, 7].iter().enumerate() {
            net.nodes.push(Node {
                label: format!("N{i}, 2001, J"),
                count: *c,
                ..Default::default()
            });
        }
        let pos = [[200.0, 150.0]; 3];
        let radius = [4.0; 3];
        let visible = [true; 3];
        let placed = place(&view_of(&net, &[], &pos, &radius, &visible));
        let got: Vec<(LabelTarget, Anchor)> = placed.iter().map(|l| (l.target, l.anchor)).collect();
        assert_eq!(
            got,
            vec![
                (LabelTarget::Node(1), Anchor::Start),
                (LabelTarget::Node(2), Anchor::End),
                (LabelTarget::Node(0), Anchor::Middle),
            ]
        );
        assert_eq!(placed[0].text, "N1, 2001");
        for a in 0..placed.len() {
            for b in a + 1..placed.len() {
                assert!(!overlaps(&placed[a].bounds, &placed[b].bounds));
            }
        }
    }

    #[test]
    fn a_cluster_label_moves_out_of_the_way() {
        // Two clusters with the same centroid: both are labelled, the second one beside
        // the first.
        let mut net = Network::default();
        for c in [0, 0, 1, 1] {
            net.nodes.push(Node {
                cluster: Some(c),
                count: 1,
                ..Default::default()
            });
        }
        let pos = [
            [180.0, 150.0],
            [220.0, 150.0],
            [180.0, 150.0],
            [220.0, 150.0],
        ];
        let cs = [cluster(0, 12, "alpha"), cluster(1, 11, "beta")];
        let radius = [1.0; 4];
        let visible = [true; 4];
        let placed = place(&view_of(&net, &cs, &pos, &radius, &visible));
        let clusters: Vec<&Label> = placed
            .iter()
            .filter(|l| matches!(l.target, LabelTarget::Cluster(_)))
            .collect();
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].text, "#0 alpha");
        assert_eq!(clusters[0].pos[0], 200.0, "the first sits on its centroid");
        assert!(!overlaps(&clusters[0].bounds, &clusters[1].bounds));
    }
}
