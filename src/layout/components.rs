//! Packing of disconnected components after a force layout.
//!
//! Repulsion pushes a component with no link to the rest away until gravity holds it,
//! at a distance of about `k_r M / k_g` for a main component of mass `M`: far beyond the
//! main map, so a picture fitted to all nodes shows a dot in the middle and specks at
//! the edges. Like Graphviz's `gvpack` and igraph's merge of component layouts, we
//! keep the largest component where it is and shelve the others (largest first) in
//! rows under it, each keeping its own shape; rows are as wide as the main component
//! (or `√(total area)` if that is wider), with a gap of 5 % of the main component's
//! larger side between boxes.
//!
//! Before packing, [`align_principal_axis`] turns the map so that the largest
//! component's first principal axis is horizontal, as VOSviewer rotates its solutions
//! (van Eck & Waltman 2010, Scientometrics 84(2), "translation, rotation and
//! reflection"): a map is then as wide as a screen or a page rather than tall.

use super::graph::LayoutGraph;

/// Connected components: the component id of every node, ids numbered by first node.
pub fn components(g: &LayoutGraph) -> Vec<u32> {
    let n = g.node_count();
    let mut comp = vec![u32::MAX; n];
    let mut next = 0u32;
    let mut stack = Vec::new();
    for s in 0..n {
        if comp[s] != u32::MAX {
            continue;
        }
        comp[s] = next;
        stack.push(s);
        while let Some(i) = stack.pop() {
            for (j, _) in g.neighbors(i) {
                if comp[j] == u32::MAX {
                    comp[j] = next;
                    stack.push(j);
                }
            }
        }
        next += 1;
    }
    comp
}

#[derive(Debug, Clone, Copy)]
struct Bounds {
    lo: [f32; 2],
    hi: [f32; 2],
    size: usize,
}

/// Moves every component but the largest into rows under it (see the module docs).
pub fn pack_components(pos: &mut [[f32; 2]], g: &LayoutGraph) {
    let comp = components(g);
    let count = comp.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    if count < 2 || pos.len() != comp.len() {
        return;
    }
    let mut b = vec![
        Bounds {
            lo: [f32::INFINITY; 2],
            hi: [f32::NEG_INFINITY; 2],
            size: 0
        };
        count
    ];
    for (p, &c) in pos.iter().zip(&comp) {
        let e = &mut b[c as usize];
        e.size += 1;
        e.lo = [e.lo[0].min(p[0]), e.lo[1].min(p[1])];
        e.hi = [e.hi[0].max(p[0]), e.hi[1].max(p[1])];
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(b[c].size), c));
    let main = b[order[0]];
    let (mw, mh) = (main.hi[0] - main.lo[0], main.hi[1] - main.lo[1]);
    let gap = (0.05 * mw.max(mh)).max(1.0);
    let area: f32 = order[1..]
        .iter()
        .map(|&c| (b[c].hi[0] - b[c].lo[0] + gap) * (b[c].hi[1] - b[c].lo[1] + gap))
        .sum();
    let row_width = mw.max(area.sqrt());
    let mut shift = vec![[0.0f32; 2]; count];
    let (mut x, mut y, mut row_height) = (main.lo[0], main.hi[1] + 2.0 * gap, 0.0f32);
    for &c in &order[1..] {
        let (w, h) = (b[c].hi[0] - b[c].lo[0], b[c].hi[1] - b[c].lo[1]);
        if x > main.lo[0] && x + w > main.lo[0] + row_width {
            x = main.lo[0];
            y += row_height + gap;
            row_height = 0.0;
        }
        shift[c] = [x - b[c].lo[0], y - b[c].lo[1]];
        x += w + gap;
        row_height = row_height.max(h);
    }
    for (p, &c) in pos.iter_mut().zip(&comp) {
        p[0] += shift[c as usize][0];
        p[1] += shift[c as usize][1];
    }
}

/// Rotates all positions about the largest component's centroid so that its first
/// principal axis (of the node positions' covariance) is horizontal. A rigid motion:
/// distances do not change.
pub fn align_principal_axis(pos: &mut [[f32; 2]], g: &LayoutGraph) {
    let comp = components(g);
    if pos.len() != comp.len() || pos.is_empty() {
        return;
    }
    let mut sizes = vec![0usize; comp.iter().map(|&c| c as usize + 1).max().unwrap_or(0)];
    for &c in &comp {
        sizes[c as usize] += 1;
    }
    let main = (0..sizes.len())
        .max_by_key(|&c| (sizes[c], std::cmp::Reverse(c)))
        .unwrap_or(0) as u32;
    let members: Vec<[f64; 2]> = pos
        .iter()
        .zip(&comp)
        .filter(|(_, c)| **c == main)
        .map(|(p, _)| [p[0] as f64, p[1] as f64])
        .collect();
    let n = members.len() as f64;
    if n < 2.0 {
        return;
    }
    let c = members
        .iter()
        .fold([0.0, 0.0], |a, p| [a[0] + p[0] / n, a[1] + p[1] / n]);
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in &members {
        let (dx, dy) = (p[0] - c[0], p[1] - c[1]);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    // Angle of the major axis of the 2×2 covariance matrix.
    let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (sin, cos) = (-theta).sin_cos();
    for p in pos.iter_mut() {
        let (dx, dy) = (p[0] as f64 - c[0], p[1] as f64 - c[1]);
        p[0] = (c[0] + dx * cos - dy * sin) as f32;
        p[1] = (c[1] + dx * sin + dy * cos) as f32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tall_map_is_turned_wide() {
        // Four nodes on the line y = 2x (a path), centroid (1.5, 3): after alignment they
        // lie on the horizontal line y = 3, spaced √5 apart as before.
        let g = LayoutGraph::from_edges(4, vec![(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
        let mut pos = vec![[0.0, 0.0], [1.0, 2.0], [2.0, 4.0], [3.0, 6.0]];
        align_principal_axis(&mut pos, &g);
        for (k, p) in pos.iter().enumerate() {
            assert!((p[1] - 3.0).abs() < 1e-5, "{pos:?}");
            let x = 1.5 + (k as f32 - 1.5) * 5f32.sqrt();
            assert!((p[0] - x).abs() < 1e-5, "{pos:?}");
        }
    }

    #[test]
    fn small_components_go_under_the_main_one() {
        // Main: triangle 0-1-2 spanning 0..100 × 0..100; a pair 3-4 and an isolate 5 far away.
        // Gap = 5. The pair (width 10) goes to x = 0, y = 100 + 10; the isolate next to it
        // at x = 0 + 10 + 5 = 15.
        let g =
            LayoutGraph::from_edges(6, vec![(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0)]);
        assert_eq!(components(&g), vec![0, 0, 0, 1, 1, 2]);
        let mut pos = vec![
            [0.0, 0.0],
            [100.0, 0.0],
            [50.0, 100.0],
            [5000.0, 5000.0],
            [5010.0, 5000.0],
            [-9000.0, 3.0],
        ];
        pack_components(&mut pos, &g);
        assert_eq!(&pos[..3], &[[0.0, 0.0], [100.0, 0.0], [50.0, 100.0]]);
        assert_eq!(&pos[3..], &[[0.0, 110.0], [10.0, 110.0], [15.0, 110.0]]);
    }
}
