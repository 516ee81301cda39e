//! CiteSpace's two time-based views (Chen 2006, JASIST 57(3); Chen, Ibekwe-SanJuan &
//! Hou 2010, JASIST 61(7)):
//! - **Timeline**: each cluster is a horizontal row, rows ordered by cluster size
//!   (largest on top), each node at its publication year on the x axis.
//! - **Time zone**: one vertical zone per year (or slice), each node in the zone of
//!   its first appearance; links are drawn across zones by the viewer.
//!
//! Choices: `y` grows downwards (screen and SVG convention). Nodes are discs of their
//! drawn radius ([`TimedNode::radius`], the map's node sizes capped at
//! [`TIME_RADIUS_MAX`] so a disc stays inside its year). Nodes sharing a row and a year
//! are stacked on the row's line as CiteSpace stacks them: the most cited on the line,
//! the others alternately below and above, `gap` apart (each disc counted with its
//! rings, [`super::sizes::MARK_REACH`] times its radius), so no two discs overlap; a
//! row is as tall as its tallest stack and rows are `row_gap` apart, so rows never
//! overlap either. In a time zone the nodes are stacked `gap` apart from the zone's
//! top, by cluster then weight. Nodes without a cluster form one row after the
//! clusters (all of them, when nothing is clustered).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the time views need of a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimedNode {
    pub cluster: Option<u32>,
    /// Publication year (timeline) or first slice (time zone).
    pub year: i32,
    /// Citations or occurrences: the heaviest nodes sit on the row's line.
    pub weight: f64,
    /// Drawn radius (world units).
    pub radius: f64,
}

/// Largest radius of a disc in the time views (world units): 40 % of a year's width,
/// so neighbouring years' discs never touch.
pub const TIME_RADIUS_MAX: f64 = 32.0;

/// Geometry of the time views.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeParams {
    /// Width of one year on the x axis.
    pub year_width: f64,
    /// Gap between stacked discs.
    pub gap: f64,
    /// Gap between two timeline rows.
    pub row_gap: f64,
}

impl Default for TimeParams {
    fn default() -> Self {
        // World units, as the app and the figures draw them (see `scene::view`).
        TimeParams {
            year_width: 80.0,
            gap: 3.0,
            row_gap: 40.0,
        }
    }
}

/// One year of a timeline row: the year, each node's offset from (year, row line),
/// and how far the stack reaches above and below the line.
type YearStack = (i32, Vec<(usize, [f64; 2])>, f64, f64);

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
    let mut top = 0.0;
    for (_, members) in order {
        let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for i in members {
            years.entry(nodes[i].year).or_default().push(i);
        }
        // Each year's stack relative to the row's line, then the row placed under the
        // previous one.
        let stacks: Vec<YearStack> = years
            .into_iter()
            .map(|(y, group)| {
                let mut offsets = Vec::new();
                let (mut above, mut below) = (0.0f64, 0.0f64);
                for (dx, column) in columns(nodes, group, p) {
                    let (col, a, b) = stack(nodes, column, p.gap);
                    offsets.extend(col.into_iter().map(|(i, dy)| (i, [dx, dy])));
                    above = above.max(a);
                    below = below.max(b);
                }
                (y, offsets, above, below)
            })
            .collect();
        let above = stacks.iter().map(|s| s.2).fold(0.0, f64::max);
        let below = stacks.iter().map(|s| s.3).fold(0.0, f64::max);
        let line = top + above;
        for (year, offsets, _, _) in stacks {
            let x = (year - min_year) as f64 * p.year_width;
            for (i, [dx, dy]) in offsets {
                pos[i] = [x + dx, line + dy];
            }
        }
        top = line + below + p.row_gap;
    }
    pos
}

/// Fewest nodes a column holds before a crowded year opens another one.
pub const MIN_PER_COLUMN: usize = 4;

/// Splits a crowded year's nodes into side-by-side columns inside the year (at most
/// 90 % of its width; a column is as wide as its widest disc with its rings), so that
/// a crowded year does not make its row tall: heaviest first, dealt round-robin, as
/// many columns as fit (and at least [`MIN_PER_COLUMN`] nodes each). Returns each
/// column's x offset from the year and its nodes.
fn columns(nodes: &[TimedNode], mut group: Vec<usize>, p: &TimeParams) -> Vec<(f64, Vec<usize>)> {
    group.sort_by(|&a, &b| nodes[b].weight.total_cmp(&nodes[a].weight).then(a.cmp(&b)));
    let reach = |i: usize| nodes[i].radius * super::sizes::MARK_REACH;
    let most = group.len().div_ceil(MIN_PER_COLUMN).max(1);
    for k in (1..=most).rev() {
        let cols: Vec<Vec<usize>> = (0..k)
            .map(|c| group.iter().skip(c).step_by(k).copied().collect())
            .collect();
        let widths: Vec<f64> = cols
            .iter()
            .map(|c| 2.0 * c.iter().map(|&i| reach(i)).fold(0.0, f64::max))
            .collect();
        let total = widths.iter().sum::<f64>() + p.gap * (k - 1) as f64;
        if k > 1 && total > 0.9 * p.year_width {
            continue;
        }
        let mut left = -total / 2.0;
        return cols
            .into_iter()
            .zip(widths)
            .map(|(c, w)| {
                let dx = left + w / 2.0;
                left += w + p.gap;
                (dx, c)
            })
            .collect();
    }
    vec![(0.0, group)]
}

/// Stacks one row-year group: the heaviest on the line, then alternately below and
/// above, `gap` apart. Returns each node's offset from the line and how far the stack
/// reaches above and below it.
fn stack(nodes: &[TimedNode], mut group: Vec<usize>, gap: f64) -> (Vec<(usize, f64)>, f64, f64) {
    group.sort_by(|&a, &b| nodes[b].weight.total_cmp(&nodes[a].weight).then(a.cmp(&b)));
    let mut out = Vec::with_capacity(group.len());
    let (mut above, mut below) = (0.0f64, 0.0f64);
    for (k, &i) in group.iter().enumerate() {
        let r = nodes[i].radius * super::sizes::MARK_REACH;
        let dy = if k == 0 {
            above = r;
            below = r;
            0.0
        } else if k % 2 == 1 {
            let y = below + gap + r;
            below = y + r;
            y
        } else {
            let y = -(above + gap + r);
            above = -y + r;
            y
        };
        out.push((i, dy));
    }
    (out, above, below)
}

/// Time-zone positions, one per node: zone `year` at `x = (year − first) · year_width`,
/// its nodes stacked `gap` apart downwards from `y = 0`, ordered by cluster, then
/// weight (so a cluster's nodes stay together).
pub fn timezone(nodes: &[TimedNode], p: &TimeParams) -> Vec<[f64; 2]> {
    let mut pos = vec![[0.0; 2]; nodes.len()];
    let Some(min_year) = nodes.iter().map(|n| n.year).min() else {
        return pos;
    };
    let mut zones: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        zones.entry(n.year).or_default().push(i);
    }
    for (year, mut group) in zones {
        group.sort_by(|&a, &b| {
            let (na, nb) = (&nodes[a], &nodes[b]);
            (na.cluster.is_none(), na.cluster)
                .cmp(&(nb.cluster.is_none(), nb.cluster))
                .then(nb.weight.total_cmp(&na.weight))
                .then(a.cmp(&b))
        });
        let x = (year - min_year) as f64 * p.year_width;
        let mut y = 0.0;
        for i in group {
            let r = nodes[i].radius * super::sizes::MARK_REACH;
            pos[i] = [x, y + r];
            y += 2.0 * r + p.gap;
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(cluster: Option<u32>, year: i32, weight: f64, radius: f64) -> TimedNode {
        TimedNode {
            cluster,
            year,
            weight,
            radius,
        }
    }

    /// Unit geometry for hand-computed positions: a year is 10 wide, gaps of 1.
    fn unit() -> TimeParams {
        TimeParams {
            year_width: 10.0,
            gap: 1.0,
            row_gap: 3.0,
        }
    }

    fn close(a: [f64; 2], b: [f64; 2]) -> bool {
        (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9
    }

    #[test]
    fn timeline_rows_by_cluster_size_and_x_by_year() {
        // Discs count with their rings: radius r takes m·r, m = MARK_REACH = 1.44.
        // Cluster 7 has 3 nodes, cluster 2 has 1: cluster 7 is row 0 (top). Row 0's
        // year 2000 stacks node 2 (weight 9, radius 2) on the line and node 1 (radius 1)
        // below it, at 2m + 1 + m. The stack reaches 2m above the line, so the line is at
        // y = 2m; node 3 (2003) sits on it. Row 0 reaches 2m + 1 + 2m below the line, so
        // row 1 starts at 2m + 4m + 1 + 3 and its line (radius 1) is m lower.
        let m = crate::layout::sizes::MARK_REACH;
        let nodes = [
            node(Some(2), 2001, 1.0, 1.0),
            node(Some(7), 2000, 5.0, 1.0),
            node(Some(7), 2000, 9.0, 2.0),
            node(Some(7), 2003, 1.0, 1.0),
        ];
        let pos = timeline(&nodes, &unit());
        assert!(close(pos[2], [0.0, 2.0 * m]), "{pos:?}");
        assert!(close(pos[1], [0.0, 2.0 * m + 2.0 * m + 1.0 + m]), "{pos:?}");
        assert!(close(pos[3], [30.0, 2.0 * m]), "{pos:?}");
        assert!(close(pos[0], [10.0, 6.0 * m + 4.0 + m]), "{pos:?}");
    }

    #[test]
    fn stacked_discs_never_overlap() {
        // Nine discs of one row and year, radii 1–3: alternately below and above.
        let nodes: Vec<TimedNode> = (0..9)
            .map(|i| node(Some(0), 2010, 10.0 - i as f64, 1.0 + (i % 3) as f64))
            .collect();
        let pos = timeline(&nodes, &unit());
        for a in 0..9 {
            for b in a + 1..9 {
                let d = (pos[a][1] - pos[b][1]).abs();
                let m = crate::layout::sizes::MARK_REACH;
                assert!(
                    d >= m * (nodes[a].radius + nodes[b].radius) + 1.0 - 1e-9,
                    "{pos:?}"
                );
            }
        }
        assert!(pos.iter().all(|p| p[0] == 0.0));
    }

    #[test]
    fn crowded_years_open_columns_within_the_year() {
        // Twelve discs of radius 1 (2.88 wide with rings) in one year 10 wide: at most
        // ⌈12 / 4⌉ = 3 columns, 3 · 2.88 + 2 · 1 = 10.64 > 9 does not fit, 2 columns
        // (6.76) do: x = ∓(2.88 + 1) / 2, six discs each.
        let nodes: Vec<TimedNode> = (0..12)
            .map(|i| node(Some(0), 2010, i as f64, 1.0))
            .collect();
        let pos = timeline(&nodes, &unit());
        let half = (2.0 * crate::layout::sizes::MARK_REACH + 1.0) / 2.0;
        let left = pos.iter().filter(|p| (p[0] + half).abs() < 1e-9).count();
        let right = pos.iter().filter(|p| (p[0] - half).abs() < 1e-9).count();
        assert_eq!((left, right), (6, 6), "{pos:?}");
    }

    #[test]
    fn timezone_stacks_each_zone_from_the_top() {
        // Zone 1999 holds cluster 0 then cluster 1 (radii 1 and 2, taking m and 2m):
        // y = m, then 2m + 1 + 2m. Zone 2001 (x = 20) holds the unclustered node at m.
        let m = crate::layout::sizes::MARK_REACH;
        let nodes = [
            node(Some(1), 1999, 2.0, 2.0),
            node(Some(0), 1999, 1.0, 1.0),
            node(None, 2001, 1.0, 1.0),
        ];
        let pos = timezone(&nodes, &unit());
        assert!(close(pos[1], [0.0, m]));
        assert!(close(pos[0], [0.0, 4.0 * m + 1.0]));
        assert!(close(pos[2], [20.0, m]));
    }
}
