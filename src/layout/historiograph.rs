//! The historiograph (Garfield, Pudovkin & Istomin 2003, JASIST 54(5); bibliometrix's
//! `histPlot`): a citation network drawn with time on the x axis, one column per
//! publication year, so that every citation runs from right (citing) to left (cited).
//!
//! Choices:
//! - x = (year − first year) · `year_width`, the same axis as the timeline views, so a
//!   node's x grows with its year, always;
//! - clusters are horizontal bands (largest on top, unclustered last, as the timeline
//!   rows), so that a cluster stays together; a band is as tall as its most populated
//!   year, and each year's nodes of the band are centred in it, `spacing` apart;
//! - within a band and year the nodes are ordered to reduce link crossings by the
//!   barycentre heuristic of layered drawing (Sugiyama, Tagawa & Toda 1981, IEEE SMC
//!   11(2)): [`SWEEPS`] sweeps over the years, alternately forwards and backwards, each
//!   sorting a year's nodes by the mean y of their neighbours (any year, either link
//!   direction; a node without neighbours keeps its place), ties by node index. The
//!   first order is by count (most cited in the middle would scatter chains; most
//!   cited first keeps the start deterministic and simple).

use super::TimeParams;
use crate::network::Network;
use std::collections::BTreeMap;

/// Barycentre sweeps (each a pass over all years).
pub const SWEEPS: usize = 12;

/// A (band, year) group: its nodes in order and the y of its first slot.
struct Group {
    members: Vec<usize>,
    top: f64,
}

/// Historiograph positions of every node of `net` (module docs), from each node's
/// year (`years[i]`), its cluster and the network's links.
pub fn historiograph(net: &Network, years: &[i32], p: &TimeParams) -> Vec<[f64; 2]> {
    let n = net.nodes.len();
    let mut pos = vec![[0.0; 2]; n];
    let Some(&y0) = years.iter().min() else {
        return pos;
    };
    // Slots far enough apart for the largest disc with its rings.
    let reach = super::time_radii(net, 1.0).into_iter().fold(0.0, f64::max);
    let spacing = 2.0 * reach * super::sizes::MARK_REACH + p.gap;
    let mut bands: BTreeMap<Option<u32>, Vec<usize>> = BTreeMap::new();
    for (i, node) in net.nodes.iter().enumerate() {
        bands.entry(node.cluster).or_default().push(i);
    }
    let mut bands: Vec<(Option<u32>, Vec<usize>)> = bands.into_iter().collect();
    bands.sort_by_key(|(c, m)| (c.is_none(), std::cmp::Reverse(m.len()), *c));
    let mut groups: Vec<(i32, Group)> = Vec::new();
    let mut top = 0.0;
    for (_, members) in bands {
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for i in members {
            by_year.entry(years[i]).or_default().push(i);
        }
        let height = by_year.values().map(Vec::len).max().unwrap_or(1);
        for (year, mut m) in by_year {
            m.sort_by_key(|&i| (std::cmp::Reverse(net.nodes[i].count), i));
            let offset = (height - m.len()) as f64 / 2.0 * spacing;
            groups.push((
                year,
                Group {
                    members: m,
                    top: top + offset,
                },
            ));
        }
        top += height as f64 * spacing + p.row_gap;
    }
    // Groups in year order (stable: bands keep their order within a year).
    groups.sort_by_key(|g| g.0);
    let place = |g: &Group, pos: &mut [[f64; 2]]| {
        for (j, &i) in g.members.iter().enumerate() {
            pos[i] = [
                (years[i] - y0) as f64 * p.year_width,
                g.top + j as f64 * spacing,
            ];
        }
    };
    for (_, g) in &groups {
        place(g, &mut pos);
    }
    let adj = net.adjacency();
    for sweep in 0..SWEEPS {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (0..groups.len()).collect()
        } else {
            (0..groups.len()).rev().collect()
        };
        for gi in order {
            let g = &mut groups[gi].1;
            let key = |i: usize| -> f64 {
                let nb = &adj[i];
                if nb.is_empty() {
                    pos[i][1]
                } else {
                    nb.iter().map(|&(j, _)| pos[j as usize][1]).sum::<f64>() / nb.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = g.members.iter().map(|&i| (key(i), i)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            g.members = keyed.into_iter().map(|(_, i)| i).collect();
            place(g, &mut pos);
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Link, Node, NodeKind};

    /// Crossings among links between consecutive years.
    fn crossings(net: &Network, pos: &[[f64; 2]]) -> usize {
        let seg: Vec<([f64; 2], [f64; 2])> = net
            .links
            .iter()
            .map(|l| {
                let (a, b) = (pos[l.source as usize], pos[l.target as usize]);
                if a[0] <= b[0] { (a, b) } else { (b, a) }
            })
            .collect();
        let mut c = 0;
        for i in 0..seg.len() {
            for j in i + 1..seg.len() {
                let (p, q) = (seg[i], seg[j]);
                if p.0[0] == q.0[0] && p.1[0] == q.1[0] {
                    let d0 = p.0[1] - q.0[1];
                    let d1 = p.1[1] - q.1[1];
                    if d0 * d1 < 0.0 {
                        c += 1;
                    }
                }
            }
        }
        c
    }

    #[test]
    fn chains_untangle_and_x_is_the_year() {
        // Two citation chains over 2000–2002, a0←a1←a2 and b0←b1←b2. By count the
        // first order puts a0 above b0 in 2000 but b1 above a1 in 2001 (b1 is cited
        // more): one crossing, which the barycentre sweeps remove.
        let counts = [
            (2000, 1),
            (2001, 1),
            (2002, 0),
            (2000, 1),
            (2001, 2),
            (2002, 0),
        ];
        let nodes: Vec<Node> = counts
            .iter()
            .enumerate()
            .map(|(i, &(y, c))| Node {
                id: format!("n{i}"),
                count: c,
                year: Some(y),
                ..Default::default()
            })
            .collect();
        let link = |s, t| Link {
            source: s,
            target: t,
            weight: 1.0,
            count: 1.0,
            first_year: 2000,
        };
        let net = Network {
            kind: NodeKind::Citation,
            directed: true,
            nodes,
            links: vec![link(1, 0), link(2, 1), link(4, 3), link(5, 4)],
        };
        let years: Vec<i32> = counts.iter().map(|c| c.0).collect();
        let p = TimeParams::default();
        let pos = historiograph(&net, &years, &p);
        for (i, y) in years.iter().enumerate() {
            assert_eq!(pos[i][0], (y - 2000) as f64 * p.year_width);
        }
        assert_eq!(crossings(&net, &pos), 0);
        // Each year has two nodes one slot apart: the largest disc's diameter with its
        // rings, plus the gap.
        let reach = crate::layout::time_radii(&net, 1.0)
            .into_iter()
            .fold(0.0, f64::max);
        let spacing = 2.0 * reach * crate::layout::sizes::MARK_REACH + p.gap;
        assert!(((pos[0][1] - pos[3][1]).abs() - spacing).abs() < 1e-9);
    }
}
