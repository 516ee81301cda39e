//! Node sizes that fit the map, and separating discs that overlap.
//!
//! **Sizes.** A node's disc has an area that grows with its count, as CiteSpace and
//! VOSviewer size nodes, but the largest disc is scaled to the map and to the number of
//! nodes, so that a map of 2,000 nodes is not covered by its most cited few: with `n`
//! nodes in a map [`MAP_SPAN`] across, the typical distance between neighbours is
//! `MAP_SPAN / √n`, and the largest node gets a radius of [`LARGEST_SHARE`] of it
//! (between [`R_MAX_MIN`] and [`R_MAX_MAX`] map units), the smallest
//! [`SMALLEST_SHARE`] of the largest: `r(c) = r_min + (r_max − r_min) · √(c / c_max)`,
//! times the user's node scale.
//!
//! **Separation.** After the force layout's own prevent-overlap phase (which leaves
//! some overlap on dense maps, where attraction holds nodes together), [`separate`]
//! moves every pair of overlapping discs apart along the line between their centres,
//! each by its share of the overlap (the smaller disc moves more), in passes over a
//! grid of cells until no pair overlaps; a crowd that stays jammed is inflated a
//! little around its centroid every few passes. It is deterministic (nodes in index
//! order).

use super::MAP_SPAN;

/// The largest node's radius as a share of the typical neighbour distance.
pub const LARGEST_SHARE: f64 = 0.55;
/// Smallest radius of the largest node (map units).
pub const R_MAX_MIN: f64 = 6.0;
/// Largest radius of the largest node (map units): 4 % of the map.
pub const R_MAX_MAX: f64 = 40.0;
/// The smallest node's radius as a share of the largest's.
pub const SMALLEST_SHARE: f64 = 0.18;
/// Width of a node's betweenness or burst ring as a share of its radius: a node with
/// both rings reaches `1 + 2 · RING_SHARE` times its radius.
pub const RING_SHARE: f64 = 0.22;
/// How far a node's marks may reach, as a multiple of its radius: discs are kept this
/// far apart so that rings never overlap a neighbour either.
pub const MARK_REACH: f64 = 1.0 + 2.0 * RING_SHARE;

/// The radii of the nodes of one map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeSizes {
    /// Radius of a node with the largest count.
    pub r_max: f64,
    /// Radius of a node with count 0.
    pub r_min: f64,
    /// The largest count.
    pub max_count: u32,
}

impl NodeSizes {
    /// Sizes for a map of nodes with `counts`, scaled by `scale` (1 = default).
    pub fn new(counts: impl Iterator<Item = u32> + Clone, scale: f64) -> Self {
        let n = counts.clone().count().max(1) as f64;
        let max_count = counts.max().unwrap_or(0).max(1);
        let spacing = MAP_SPAN as f64 / n.sqrt();
        let r_max = (LARGEST_SHARE * spacing).clamp(R_MAX_MIN, R_MAX_MAX) * scale.max(0.01);
        NodeSizes {
            r_max,
            r_min: (r_max * SMALLEST_SHARE).max(1.0),
            max_count,
        }
    }

    /// Radius (map units) of a node with `count`.
    pub fn radius(&self, count: u32) -> f64 {
        let t = (count.min(self.max_count) as f64 / self.max_count as f64).sqrt();
        self.r_min + (self.r_max - self.r_min) * t
    }
}

/// Radius (map units) of every node with `counts`, at node scale `scale`.
pub fn node_radii(counts: &[u32], scale: f64) -> Vec<f64> {
    let sizes = NodeSizes::new(counts.iter().copied(), scale);
    counts.iter().map(|&c| sizes.radius(c)).collect()
}

/// Radii in layout units of discs `radii` (map units) once `pos` is fitted into
/// [`MAP_SPAN`]: what separation must keep apart.
pub fn in_layout_units(radii: &[f64], pos: &[[f32; 2]]) -> Vec<f32> {
    let (lo, hi) = super::graph::bounding_box(pos);
    let extent = (hi[0] - lo[0]).max(hi[1] - lo[1]);
    let unit = if extent.is_finite() && extent > 0.0 {
        extent / MAP_SPAN
    } else {
        1.0
    };
    radii.iter().map(|&r| r as f32 * unit).collect()
}

/// Moves overlapping discs apart (see the module docs) until none overlaps, leaving a
/// gap of `gap` × the sum of the radii, or `max_passes` passes were made. Returns the
/// overlapping pairs left.
pub fn separate(pos: &mut [[f32; 2]], radii: &[f32], gap: f32, max_passes: u32) -> usize {
    let n = pos.len().min(radii.len());
    if n < 2 {
        return 0;
    }
    let mut left = 0;
    for pass in 1..=max_passes {
        left = separation_pass(&mut pos[..n], &radii[..n], gap);
        if left == 0 {
            break;
        }
        // A jammed crowd cannot spread by local pushes alone (they cancel inside it):
        // every few passes the whole map is inflated a little around its centroid,
        // which keeps its shape and leaves the pushes room to finish.
        if pass % INFLATE_EVERY == 0 {
            inflate(&mut pos[..n], INFLATE_BY);
        }
    }
    left
}

/// Passes between two inflations of a jammed map.
const INFLATE_EVERY: u32 = 10;
/// Factor of one inflation.
const INFLATE_BY: f32 = 1.05;

/// Scales positions around their centroid by `k`.
fn inflate(pos: &mut [[f32; 2]], k: f32) {
    let n = pos.len().max(1) as f32;
    let cx = pos.iter().map(|p| p[0]).sum::<f32>() / n;
    let cy = pos.iter().map(|p| p[1]).sum::<f32>() / n;
    for p in pos {
        p[0] = cx + (p[0] - cx) * k;
        p[1] = cy + (p[1] - cy) * k;
    }
}

/// One pass: every overlapping pair found on a grid is pushed apart. Returns how many
/// pairs overlapped at the start of their push.
fn separation_pass(pos: &mut [[f32; 2]], radii: &[f32], gap: f32) -> usize {
    let r_big = radii.iter().copied().fold(0.0f32, f32::max).max(1e-6);
    let cell = 2.0 * r_big * (1.0 + gap);
    let key = |p: [f32; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, &p) in pos.iter().enumerate() {
        grid.entry(key(p)).or_default().push(i);
    }
    let mut overlapping = 0;
    for i in 0..pos.len() {
        let (cx, cy) = key(pos[i]);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(cell) = grid.get(&(cx + dx, cy + dy)) else {
                    continue;
                };
                for &j in cell.iter().filter(|&&j| j > i) {
                    overlapping += push_apart(pos, radii, i, j, gap) as usize;
                }
            }
        }
    }
    overlapping
}

/// Pushes discs `i` and `j` apart if they overlap; true if they did.
fn push_apart(pos: &mut [[f32; 2]], radii: &[f32], i: usize, j: usize, gap: f32) -> bool {
    let need = (radii[i] + radii[j]) * (1.0 + gap);
    let (dx, dy) = (pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]);
    let d = (dx * dx + dy * dy).sqrt();
    if d >= need {
        return false;
    }
    // Coincident centres part along a direction fixed by the pair's indices.
    let (ux, uy) = if d > 1e-9 {
        (dx / d, dy / d)
    } else {
        let a = (i * 31 + j * 17) as f32;
        (a.cos(), a.sin())
    };
    let push = need - d;
    let total = (radii[i] + radii[j]).max(1e-9);
    // The smaller disc moves more: each moves in proportion to the other's radius.
    let (si, sj) = (radii[j] / total, radii[i] / total);
    pos[i][0] -= ux * push * si;
    pos[i][1] -= uy * push * si;
    pos[j][0] += ux * push * sj;
    pos[j][1] += uy * push * sj;
    true
}

/// Pairs of discs that overlap (centres closer than the sum of the radii).
pub fn overlapping_pairs(pos: &[[f32; 2]], radii: &[f32]) -> usize {
    let mut count = 0;
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            let (dx, dy) = (pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]);
            if (dx * dx + dy * dy).sqrt() < radii[i] + radii[j] {
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_fit_the_map_and_grow_with_the_count() {
        // 100 nodes: neighbours ~ 1000 / 10 = 100 apart, the largest node 0.55 · 100 = 55,
        // capped at 40; the smallest 0.18 · 40 = 7.2. A node with a quarter of the
        // largest count: 7.2 + 32.8 · √0.25 = 23.6.
        let counts: Vec<u32> = (0..100).map(|i| if i == 0 { 400 } else { 100 }).collect();
        let s = NodeSizes::new(counts.iter().copied(), 1.0);
        assert!((s.r_max - 40.0).abs() < 1e-9 && (s.r_min - 7.2).abs() < 1e-9);
        assert!((s.radius(100) - 23.6).abs() < 1e-9);
        // 10,000 nodes: 1000 / 100 · 0.55 = 5.5, raised to the minimum of 6.
        let many = NodeSizes::new(std::iter::repeat_n(1, 10_000), 1.0);
        assert!((many.r_max - 6.0).abs() < 1e-9);
        // Node scale 2 doubles them.
        assert!((NodeSizes::new(counts.iter().copied(), 2.0).r_max - 80.0).abs() < 1e-9);
    }

    #[test]
    fn separation_leaves_no_overlap() {
        // 200 discs of radius 1–3 dropped on a 10 × 10 square (far too close).
        let mut pos: Vec<[f32; 2]> = (0..200)
            .map(|i| {
                let a = i as f32 * 2.399_963;
                let r = (i as f32).sqrt() * 0.7;
                [r * a.cos(), r * a.sin()]
            })
            .collect();
        let radii: Vec<f32> = (0..200).map(|i| 1.0 + (i % 3) as f32).collect();
        assert!(overlapping_pairs(&pos, &radii) > 100);
        let left = separate(&mut pos, &radii, 0.05, 500);
        assert_eq!(left, 0);
        assert_eq!(overlapping_pairs(&pos, &radii), 0);
    }
}
