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

#[cfg(test)]
mod tests {
    use super::*;

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
