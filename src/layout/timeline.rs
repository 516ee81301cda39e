//! CiteSpace's two time-based views (Chen 2006, JASIST 57(3); Chen, Ibekwe-SanJuan &
//! Hou 2010, JASIST 61(7)):
//! - **Timeline**: each cluster is a horizontal row, rows ordered by cluster size
//!   (largest on top), each node at its publication year on the x axis.
//! - **Time zone**: one vertical zone per year (or slice), each node in the zone of
//!   its first appearance; links are drawn across zones by the viewer.
//!
//! Choices: `y` grows downwards (screen and SVG convention). Nodes sharing a row and a
//! year (or a zone) are stacked around the row's centre line `spacing` apart, the most
//! cited in the middle; beyond `max_stack` they open further columns spread over at most
//! 90 % of a year's width, so nodes of neighbouring years never mix. Nodes without a
//! cluster form one row after the clusters (all of them, when nothing is clustered).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the time views need of a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimedNode {
    pub cluster: Option<u32>,
    /// Publication year (timeline) or first slice (time zone).
    pub year: i32,
    /// Citations or occurrences: the heaviest nodes sit in the middle of a stack.
    pub weight: f64,
}

/// Geometry of the time views.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeParams {
    /// Width of one year on the x axis.
    pub year_width: f64,
    /// Distance between stacked nodes.
    pub spacing: f64,
    /// Gap between two timeline rows.
    pub row_gap: f64,
    /// Nodes per column in a timeline stack.
    pub max_stack: usize,
    /// Height of the time-zone view as a share of its width (zones spread their nodes
    /// evenly over the whole height, as CiteSpace does).
    pub zone_aspect: f64,
    /// A timeline wider than tall by more than 1 / this gets its rows spread apart (y
    /// only, so the year axis stays), so that rows have room for their labels.
    pub timeline_aspect: Option<f64>,
}

impl Default for TimeParams {
    fn default() -> Self {
        // World units, as the app and the figures draw them (nodes are 3–20 units
        // across; see `scene::view`).
        TimeParams {
            year_width: 80.0,
            spacing: 14.0,
            row_gap: 35.0,
            max_stack: 8,
            zone_aspect: 0.6,
            timeline_aspect: Some(0.7),
        }
    }
}

/// Timeline positions, one per node.
pub fn timeline(nodes: &[TimedNode], p: &TimeParams) -> Vec<[f64; 2]> {
    let mut pos = vec![[0.0; 2]; nodes.len()];
    let Some(min_year) = nodes.iter().map(|n| n.year).min() else {
        return pos;
    };
    let mut rows: BTreeMap<Option<u32>, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        rows.entry(n.cluster).or_default().push(i);
    }
    let mut order: Vec<(Option<u32>, Vec<usize>)> = rows.into_iter().collect();
    // Largest cluster first; the unclustered row last; ties by cluster id.
    order.sort_by_key(|(c, m)| (c.is_none(), std::cmp::Reverse(m.len()), *c));
    let max_stack = p.max_stack.max(1);
    let mut top = 0.0;
    for (_, members) in order {
        let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for i in members {
            years.entry(nodes[i].year).or_default().push(i);
        }
        let height = years
            .values()
            .map(|v| v.len().min(max_stack))
            .max()
            .unwrap_or(1);
        let centre = top + (height - 1) as f64 * p.spacing / 2.0;
        for (year, group) in years {
            let x = (year - min_year) as f64 * p.year_width;
            place_stack(&mut pos, nodes, group, [x, centre], max_stack, p);
        }
        top += height as f64 * p.spacing + p.row_gap;
    }
    if let Some(aspect) = p.timeline_aspect {
        stretch_rows(&mut pos, aspect);
    }
    pos
}

/// A long span makes the timeline a thin strip; spread the rows apart (y only) until
/// its width is at most `1 / aspect` times its height.
fn stretch_rows(pts: &mut [[f64; 2]], aspect: f64) {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in pts.iter() {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    if !lo[0].is_finite() {
        return;
    }
    let stretch = (hi[0] - lo[0]) / (aspect * (hi[1] - lo[1]).max(1.0));
    if stretch > 1.0 {
        for p in pts {
            p[1] = lo[1] + (p[1] - lo[1]) * stretch;
        }
    }
}

/// Time-zone positions, one per node: zone `year` at `x = (year − first) · year_width`,
/// nodes ordered within the zone by cluster, then weight, spread evenly over a height of
/// `zone_aspect` × the width (centred on `y = 0`).
pub fn timezone(nodes: &[TimedNode], p: &TimeParams) -> Vec<[f64; 2]> {
    let mut pos = vec![[0.0; 2]; nodes.len()];
    let Some(min_year) = nodes.iter().map(|n| n.year).min() else {
        return pos;
    };
    let mut zones: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        zones.entry(n.year).or_default().push(i);
    }
    let max_year = nodes.iter().map(|n| n.year).max().unwrap_or(min_year);
    let width = (max_year - min_year + 1) as f64 * p.year_width;
    let height = (p.zone_aspect * width).max(p.spacing);
    // Nodes per column at the minimum spacing.
    let capacity = ((height / p.spacing).floor() as usize).max(1);
    for (year, mut group) in zones {
        // Cluster order inside a zone keeps a cluster's nodes together.
        group.sort_by(|&a, &b| {
            let (na, nb) = (&nodes[a], &nodes[b]);
            (na.cluster.is_none(), na.cluster)
                .cmp(&(nb.cluster.is_none(), nb.cluster))
                .then(nb.weight.total_cmp(&na.weight))
                .then(a.cmp(&b))
        });
        let x = (year - min_year) as f64 * p.year_width;
        let columns = group.len().div_ceil(capacity);
        let per_column = group.len().div_ceil(columns);
        let col_width = column_width(columns, p);
        for (t, &i) in group.iter().enumerate() {
            let (col, slot) = (t / per_column, t % per_column);
            let in_col = (group.len() - col * per_column).min(per_column);
            let step = height / in_col as f64;
            pos[i] = [
                x + (col as f64 - (columns - 1) as f64 / 2.0) * col_width,
                (slot as f64 + 0.5) * step - height / 2.0,
            ];
        }
    }
    pos
}

fn column_width(columns: usize, p: &TimeParams) -> f64 {
    if columns <= 1 {
        0.0
    } else {
        p.spacing.min(0.9 * p.year_width / (columns - 1) as f64)
    }
}

/// Stacks `group` (one row, one year) around `centre`, heaviest in the middle.
fn place_stack(
    pos: &mut [[f64; 2]],
    nodes: &[TimedNode],
    mut group: Vec<usize>,
    centre: [f64; 2],
    stack: usize,
    p: &TimeParams,
) {
    group.sort_by(|&a, &b| nodes[b].weight.total_cmp(&nodes[a].weight).then(a.cmp(&b)));
    let columns = group.len().div_ceil(stack);
    let col_width = column_width(columns, p);
    for col in 0..columns {
        let members = &group[col * stack..((col + 1) * stack).min(group.len())];
        let m = members.len();
        // Slots by distance from the centre line: 0, then alternately below and above.
        let mut slots: Vec<f64> = (0..m).map(|s| s as f64 - (m - 1) as f64 / 2.0).collect();
        slots.sort_by(|a, b| a.abs().total_cmp(&b.abs()).then(b.total_cmp(a)));
        let x = centre[0] + (col as f64 - (columns - 1) as f64 / 2.0) * col_width;
        for (&i, s) in members.iter().zip(slots) {
            pos[i] = [x, centre[1] + s * p.spacing];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unit geometry for hand-computed positions: a year is 10 wide, nodes 1 apart.
    fn unit() -> TimeParams {
        TimeParams {
            year_width: 10.0,
            spacing: 1.0,
            row_gap: 3.0,
            max_stack: 8,
            zone_aspect: 0.6,
            timeline_aspect: None,
        }
    }

    #[test]
    fn stretched_rows_make_the_timeline_taller_than_wide() {
        // A 100 × 10 strip becomes 100 × 100 / 0.7 = 142.857 tall (rows far enough apart
        // for their labels); x (the year axis) is untouched.
        let mut pts = vec![[0.0, 5.0], [100.0, 15.0], [50.0, 10.0]];
        stretch_rows(&mut pts, 0.7);
        let want = [
            (0.0, 5.0),
            (100.0, 5.0 + 1000.0 / 7.0),
            (50.0, 5.0 + 500.0 / 7.0),
        ];
        for (p, (x, y)) in pts.iter().zip(want) {
            assert!(
                (p[0] - x).abs() < 1e-9 && (p[1] - y).abs() < 1e-9,
                "{pts:?}"
            );
        }
    }

    fn node(cluster: Option<u32>, year: i32, weight: f64) -> TimedNode {
        TimedNode {
            cluster,
            year,
            weight,
        }
    }

    #[test]
    fn timeline_rows_by_cluster_size_and_x_by_year() {
        // Cluster 7 has 3 nodes, cluster 2 has 1: cluster 7 is row 0 (top).
        // Row 0: years 2000 (two nodes, stacked at centre ±0.5) and 2003.
        // Height 2 → centre 0.5, next row starts at 2·1 + 3 = 5.
        let nodes = [
            (2, 2001, 1.0),
            (7, 2000, 5.0),
            (7, 2000, 9.0),
            (7, 2003, 1.0),
        ]
        .map(|(c, y, w)| node(Some(c), y, w));
        let pos = timeline(&nodes, &unit());
        assert_eq!(pos[2], [0.0, 1.0]); // heaviest first → slot +0.5
        assert_eq!(pos[1], [0.0, 0.0]);
        assert_eq!(pos[3], [30.0, 0.5]);
        assert_eq!(pos[0], [10.0, 5.0]);
    }

    #[test]
    fn crowded_years_open_columns_within_the_year() {
        let p = TimeParams {
            max_stack: 2,
            ..unit()
        };
        let nodes: Vec<TimedNode> = (0..5).map(|i| node(None, 2010, i as f64)).collect();
        let pos = timeline(&nodes, &p);
        let xs: Vec<f64> = pos.iter().map(|q| q[0]).collect();
        assert_eq!(xs, vec![1.0, 0.0, 0.0, -1.0, -1.0]);
        for a in 0..5 {
            for b in a + 1..5 {
                let d = ((pos[a][0] - pos[b][0]).powi(2) + (pos[a][1] - pos[b][1]).powi(2)).sqrt();
                assert!(d >= 1.0 - 1e-12, "{pos:?}");
            }
        }
    }

    #[test]
    fn timezone_puts_nodes_in_their_first_year_zone() {
        let nodes = [
            node(Some(1), 1999, 2.0),
            node(Some(0), 1999, 1.0),
            node(None, 2001, 1.0),
        ];
        let pos = timezone(&nodes, &unit());
        // Three years → width 30, height 0.6 · 30 = 18. Zone 1999 holds cluster 0 then
        // cluster 1, each in half of the height: y = ∓4.5.
        assert_eq!(pos[1], [0.0, -4.5]);
        assert_eq!(pos[0], [0.0, 4.5]);
        assert_eq!(pos[2], [20.0, 0.0]);
    }
}
