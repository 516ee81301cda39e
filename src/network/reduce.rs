//! CiteSpace's link reduction, applied to each slice's network before the slices are
//! merged (CiteSpace's project properties; Chen, "Optimizing the layout of a visualized
//! network in CiteSpace", citespace.podia.com, 2025; citespace101 §6.8):
//!
//! - **L/N, maximum links per node** (CiteSpace: "retain up to [L/N] the strongest
//!   links between a given node and other nodes"; −1 turns it off): a link survives if
//!   it is among the `L/N` strongest links of *either* of its ends (the usual k-nearest-
//!   neighbour graph; CiteSpace does not say which, so cocite states this choice). Ties
//!   at the k-th strength are broken by the other end's index, ascending.
//! - **LRF, link retaining factor** ("retains the most important links and discards
//!   the rest … when LRF approaches 1.0, the resultant network has the same number of
//!   links as a minimum spanning tree"; −1 keeps all): after L/N, the slice keeps its
//!   ⌈LRF · (N − 1)⌉ strongest links, N the slice's selected nodes, so LRF = 1 leaves as
//!   many links as a spanning tree has. Ties by (source, target), ascending.
//! - **LBY, look-back years** ("citation instances that cite references published
//!   over LBY years prior to the publication of the source article will be ignored";
//!   the span counts both years, 2015 − 1978 + 1 = 38; −1 = no limit): a record's
//!   citation of a work published more than LBY years before the record, i.e. with
//!   `citing year − cited year + 1 > LBY`, is left out of the slice's counts and links.
//!   It applies to the co-citation kinds; [`super::slice`] applies it.
//!
//! "Strongest" means the link strength of the chosen measure (cosine by default). The
//! reductions make CiteSpace's maps sparse and readable; cocite uses CiteSpace 6's
//! documented defaults (see [`super::params`]).

/// The links that survive L/N and LRF, as indices into `links` (ascending).
/// `links` are `(i, j, strength)` among `n` nodes; `None` turns a rule off.
pub fn reduce(
    n: usize,
    links: &[(u32, u32, f64)],
    per_node: Option<usize>,
    lrf: Option<f64>,
) -> Vec<usize> {
    let mut keep: Vec<usize> = match per_node {
        Some(k) => strongest_per_node(n, links, k),
        None => (0..links.len()).collect(),
    };
    if let Some(f) = lrf {
        let budget = (f * n.saturating_sub(1) as f64).ceil().max(0.0) as usize;
        if keep.len() > budget {
            keep.sort_by(|&a, &b| {
                let (x, y) = (&links[a], &links[b]);
                y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1)))
            });
            keep.truncate(budget);
        }
    }
    keep.sort_unstable();
    keep
}

/// Links among the `k` strongest of either end (k-nearest-neighbour graph).
fn strongest_per_node(n: usize, links: &[(u32, u32, f64)], k: usize) -> Vec<usize> {
    let mut by_node: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(i, j, _)) in links.iter().enumerate() {
        by_node[i as usize].push(e);
        by_node[j as usize].push(e);
    }
    let mut keep = vec![false; links.len()];
    for (v, edges) in by_node.iter_mut().enumerate() {
        let other = |e: usize| {
            let (i, j, _) = links[e];
            if i as usize == v { j } else { i }
        };
        edges.sort_by(|&a, &b| {
            links[b]
                .2
                .total_cmp(&links[a].2)
                .then(other(a).cmp(&other(b)))
        });
        for &e in edges.iter().take(k) {
            keep[e] = true;
        }
    }
    (0..links.len()).filter(|&e| keep[e]).collect()
}

/// True if a citation from a record of `citing` to a work of `cited` falls within the
/// look-back window: `citing − cited + 1 ≤ lby` (`None` or an unknown year: always).
pub fn within_look_back(citing: Option<i32>, cited: Option<i32>, lby: Option<u32>) -> bool {
    match (citing, cited, lby) {
        (Some(a), Some(b), Some(l)) => a - b < l as i32,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A star around node 0 (strengths 5, 4, 3, 2 to nodes 1–4) and a weak ring
    /// 1–2 (1.0), 2–3 (0.5), 3–4 (0.25).
    fn star() -> Vec<(u32, u32, f64)> {
        vec![
            (0, 1, 5.0),
            (0, 2, 4.0),
            (0, 3, 3.0),
            (0, 4, 2.0),
            (1, 2, 1.0),
            (2, 3, 0.5),
            (3, 4, 0.25),
        ]
    }

    #[test]
    fn links_per_node_keeps_the_strongest_of_either_end() {
        // k = 1: node 0 keeps 0–1; nodes 1–4 keep their strongest, which are all links
        // to node 0. So 0–1, 0–2, 0–3, 0–4 survive and the ring goes.
        assert_eq!(reduce(5, &star(), Some(1), None), vec![0, 1, 2, 3]);
        // k = 2: node 0 keeps 0–1, 0–2; node 1: 0–1, 1–2; node 2: 0–2, 1–2; node 3: 0–3,
        // 2–3; node 4: 0–4, 3–4. Every link is someone's top 2.
        assert_eq!(reduce(5, &star(), Some(2), None).len(), 7);
    }

    #[test]
    fn lrf_keeps_lrf_times_a_spanning_tree() {
        // N = 5: LRF 1 keeps ⌈1 · 4⌉ = 4 links, the strongest: the star.
        assert_eq!(reduce(5, &star(), None, Some(1.0)), vec![0, 1, 2, 3]);
        // LRF 1.2 keeps ⌈4.8⌉ = 5: the star and the strongest ring link 1–2.
        assert_eq!(reduce(5, &star(), None, Some(1.2)), vec![0, 1, 2, 3, 4]);
        // LRF 3 would keep 12: all 7.
        assert_eq!(reduce(5, &star(), None, Some(3.0)).len(), 7);
        // Both rules: L/N = 2 keeps all 7, then LRF 1 the star.
        assert_eq!(reduce(5, &star(), Some(2), Some(1.0)), vec![0, 1, 2, 3]);
    }

    #[test]
    fn look_back_counts_both_years() {
        // citespace101's example: 2015 citing 1978 spans 38 years.
        assert!(within_look_back(Some(2015), Some(1978), Some(38)));
        assert!(!within_look_back(Some(2015), Some(1978), Some(37)));
        assert!(within_look_back(Some(2015), Some(2011), Some(5)));
        assert!(!within_look_back(Some(2015), Some(2010), Some(5)));
        assert!(within_look_back(Some(2015), None, Some(5)));
        assert!(within_look_back(Some(2015), Some(1900), None));
    }
}
