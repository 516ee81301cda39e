//! Analysis of a network with no records behind it (one made elsewhere,
//! [`crate::import`]): the measures that need only the network (clusters or the
//! file's clusters, modularity, silhouettes, betweenness) as for a built network, but
//! no bursts (there are no citations per year against records per year) and cluster
//! labels from the members' own labels, since there are no citing records.
//!
//! Labels: each member's label is one "document" of its cluster, cut into the 1–3-word
//! title n-grams of [`super::terms`] and ranked with the chosen method (LLR by
//! default), as citing records' titles are. The best term labels the cluster when at
//! least two members share it; otherwise (e.g. labels that are names or numbers) the
//! label of the cluster's most counted member does. The ranked terms are kept either
//! way.

use super::describe::{cluster_info, members_of};
use super::labels::{self, RecordText};
use super::{AnalysisOptions, ClusterInfo, Measures, TOP_PER_CLUSTER, structure};
use crate::network::Network;
use crate::progress::Progress;
use rustc_hash::FxHashMap;

/// Clusters (found, or `given`: the file's, ids 0..k), silhouettes, betweenness and
/// member-label cluster labels of `net`. Stops between stages when `progress` returns
/// false, keeping what is done. Bursts and sigma are left out (`None`).
pub fn run_network(
    net: &Network,
    given: Option<Vec<u32>>,
    opts: &AnalysisOptions,
    progress: Progress,
) -> Measures {
    let mut out = Measures::default();
    if net.nodes.is_empty() {
        return out;
    }
    let given = given.filter(|m| m.len() == net.nodes.len());
    let g = net.graph();
    let Some(sil) = structure(&g, given, opts, progress, &mut out) else {
        return out;
    };
    if let Some(clusters) = &mut out.clusters {
        if !progress("labels", 0.8) {
            return out;
        }
        clusters.info = describe_by_members(net, &clusters.membership, &sil, opts);
    }
    progress("analysis", 1.0);
    out
}

/// Size, silhouette, mean year, top members and labels (from member labels) per cluster.
pub fn describe_by_members(
    net: &Network,
    membership: &[u32],
    sil: &[f64],
    opts: &AnalysisOptions,
) -> Vec<ClusterInfo> {
    let nodes = &net.nodes;
    let members = members_of(membership);
    let k = members.len();
    let tally = labels::Tally::build_parallel(
        nodes.len(),
        k,
        |i| std::slice::from_ref(&membership[i]),
        |i| RecordText {
            title: &nodes[i].label,
            abstract_text: "",
            author_keywords: Vec::new(),
            keywords_plus: Vec::new(),
        },
    );
    let terms = labels::rank_tally(&tally, opts.labels, TOP_PER_CLUSTER);
    let term_id: FxHashMap<&str, u32> = tally
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u32))
        .collect();
    (0..k)
        .map(|c| {
            let silhouette = sil.get(c).copied().unwrap_or(0.0);
            let info = cluster_info(c as u32, &members[c], nodes, silhouette, Vec::new());
            let shared = terms[c].first().filter(|(t, _)| {
                term_id
                    .get(t.as_str())
                    .and_then(|id| tally.count[c].get(id))
                    .is_some_and(|&n| n >= 2)
            });
            let label = match (shared, info.top_members.first()) {
                (Some((t, _)), _) => t.clone(),
                (None, Some(&m)) => nodes[m as usize].label.clone(),
                (None, None) => String::new(),
            };
            ClusterInfo {
                label,
                terms: terms[c].clone(),
                ..info
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Link, Node};
    use crate::progress::silent;

    /// Two triangles joined by 2–3: keywords sharing "citation" on the left, labels
    /// sharing no word on the right.
    fn net() -> Network {
        let labels = [
            "citation analysis",
            "citation network",
            "science maps",
            "peer review",
            "8",
            "9",
        ];
        let nodes = labels
            .iter()
            .enumerate()
            .map(|(i, l)| Node {
                id: format!("n{i}"),
                label: l.to_string(),
                count: if i == 4 { 5 } else { 1 },
                year: Some(2000 + i as i32),
                ..Default::default()
            })
            .collect();
        let links = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]
            .map(|(source, target)| Link {
                source,
                target,
                weight: 1.0,
                count: 1.0,
                first_year: 0,
            })
            .to_vec();
        Network {
            nodes,
            links,
            ..Default::default()
        }
    }

    #[test]
    fn labels_from_members_or_the_top_member() {
        let m = run_network(&net(), None, &AnalysisOptions::default(), &silent);
        let c = m.clusters.expect("clustered");
        assert_eq!(c.membership, [0, 0, 0, 1, 1, 1]);
        // "citation" is in two of cluster 0's three labels (LLR: 2 of the 9 title
        // n-grams of cluster 0 against 2 of all 12, over-represented); cluster 1's
        // labels share no word, so its most counted member (node 4, count 5) names it.
        assert_eq!(c.info[0].label, "citation");
        assert_eq!(c.info[1].label, "8");
        assert_eq!(c.info[0].mean_year, Some(2001.0));
        assert!(c.info[0].top_citing.is_empty());
        assert!(m.bursts.is_none() && m.betweenness.is_some());
    }

    #[test]
    fn given_clusters_are_kept() {
        let given = vec![0, 1, 0, 1, 0, 1];
        let m = run_network(
            &net(),
            Some(given.clone()),
            &AnalysisOptions::default(),
            &silent,
        );
        let c = m.clusters.expect("kept");
        assert_eq!(c.membership, given);
        assert!(
            c.modularity < 0.0,
            "a bad partition has Q < 0: {}",
            c.modularity
        );
    }
}
