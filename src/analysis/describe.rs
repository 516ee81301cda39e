//! What each cluster is (CiteSpace's "summary of clusters"): its size, silhouette, mean
//! year of the members, most counted members, the records citing its members (the
//! "citing articles" of CiteSpace's cluster explorer, ranked by how many members each
//! cites) and its labels from those records' terms ([`super::labels`]: LLR, TF-IDF or
//! MI). [`citing_records`], [`label_tally`] and [`members_of`] are public so that a
//! report can rank the citing records by coverage and label every cluster by all three
//! methods side by side.

use super::TOP_PER_CLUSTER;
use super::labels::{self, RecordText, Tally};
use super::params::{AnalysisOptions, ClusterInfo};
use crate::model::{Corpus, Record};
use crate::network::{Network, Node};

/// Members of each cluster (node indices in order) for a membership.
pub fn members_of(membership: &[u32]) -> Vec<Vec<u32>> {
    let k = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
    for (i, &c) in membership.iter().enumerate() {
        members[c as usize].push(i as u32);
    }
    members
}

/// For each cluster, its citing records (records behind some member: citing a
/// reference, containing a keyword, ...) with the number of members each one has,
/// sorted by record index. `per_node` holds each node's records
/// ([`crate::network::node_records`]).
pub fn citing_records(members: &[Vec<u32>], per_node: &[Vec<u32>]) -> Vec<Vec<(u32, u32)>> {
    members
        .iter()
        .map(|ms| {
            let mut recs: Vec<u32> = ms
                .iter()
                .flat_map(|&m| per_node[m as usize].iter().copied())
                .collect();
            recs.sort_unstable();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for r in recs {
                match out.last_mut() {
                    Some((last, c)) if *last == r => *c += 1,
                    _ => out.push((r, 1)),
                }
            }
            out
        })
        .collect()
}

/// The label terms of the records citing some cluster (the rest of the corpus does not
/// enter the labels), tallied per cluster ([`labels::Tally::build_parallel`]).
pub fn label_tally(corpus: &Corpus, citing: &[Vec<(u32, u32)>]) -> Tally {
    let mut rows: Vec<u32> = citing.iter().flatten().map(|&(r, _)| r).collect();
    rows.sort_unstable();
    rows.dedup();
    // `clusters_of[i]`: the clusters record `rows[i]` cites.
    let mut clusters_of: Vec<Vec<u32>> = vec![Vec::new(); rows.len()];
    for (c, recs) in citing.iter().enumerate() {
        for &(r, _) in recs {
            if let Ok(i) = rows.binary_search(&r) {
                clusters_of[i].push(c as u32);
            }
        }
    }
    Tally::build_parallel(
        rows.len(),
        citing.len(),
        |i| clusters_of[i].as_slice(),
        |i| record_text(corpus, &corpus.records[rows[i] as usize]),
    )
}

/// Size, silhouette, mean year, top members, top citing records and labels per cluster;
/// `per_node` holds each node's records ([`crate::network::node_records`]), `sil` the
/// mean silhouette per cluster.
pub(super) fn describe_clusters(
    corpus: &Corpus,
    net: &Network,
    per_node: &[Vec<u32>],
    membership: &[u32],
    sil: &[f64],
    opts: &AnalysisOptions,
) -> Vec<ClusterInfo> {
    let members = members_of(membership);
    let citing = citing_records(&members, per_node);
    let tally = label_tally(corpus, &citing);
    let terms = labels::rank_tally(&tally, opts.labels, TOP_PER_CLUSTER);
    (0..members.len())
        .map(|c| {
            let mut top_citing = citing[c].clone();
            top_citing.sort_by_key(|&(r, cnt)| (std::cmp::Reverse(cnt), r));
            let top_citing = top_citing
                .iter()
                .take(TOP_PER_CLUSTER)
                .map(|&(r, _)| r)
                .collect();
            let label = terms[c].first().map(|t| t.0.clone()).unwrap_or_default();
            let silhouette = sil.get(c).copied().unwrap_or(0.0);
            let info = cluster_info(c as u32, &members[c], &net.nodes, silhouette, top_citing);
            ClusterInfo {
                label,
                terms: terms[c].clone(),
                ..info
            }
        })
        .collect()
}

/// What a cluster is apart from its labels: size, silhouette, mean year of the members
/// and the most counted members.
pub(super) fn cluster_info(
    id: u32,
    members: &[u32],
    nodes: &[Node],
    silhouette: f64,
    top_citing: Vec<u32>,
) -> ClusterInfo {
    let years: Vec<f64> = members
        .iter()
        .filter_map(|&m| nodes[m as usize].year)
        .map(f64::from)
        .collect();
    let mut top_members = members.to_vec();
    top_members.sort_by_key(|&m| (std::cmp::Reverse(nodes[m as usize].count), m));
    top_members.truncate(TOP_PER_CLUSTER);
    ClusterInfo {
        id,
        size: members.len(),
        label: String::new(),
        terms: Vec::new(),
        silhouette,
        mean_year: (!years.is_empty()).then(|| years.iter().sum::<f64>() / years.len() as f64),
        top_members,
        top_citing,
    }
}

/// The fields of a record that labels are drawn from.
fn record_text<'a>(corpus: &'a Corpus, r: &'a Record) -> RecordText<'a> {
    RecordText {
        title: &r.title,
        abstract_text: r.abstract_text.as_deref().unwrap_or(""),
        author_keywords: r
            .author_keywords
            .iter()
            .map(|&s| corpus.strings.get(s))
            .collect(),
        keywords_plus: r
            .keywords_plus
            .iter()
            .map(|&s| corpus.strings.get(s))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citing_records_count_members_per_record() {
        // Cluster 0 = nodes {0, 1}, cluster 1 = node {2}; record 5 cites nodes 0 and 1,
        // record 7 cites nodes 1 and 2.
        let members = members_of(&[0, 0, 1]);
        assert_eq!(members, [vec![0, 1], vec![2]]);
        let per_node = vec![vec![5], vec![5, 7], vec![7]];
        assert_eq!(
            citing_records(&members, &per_node),
            [vec![(5, 2), (7, 1)], vec![(7, 1)]]
        );
    }
}
