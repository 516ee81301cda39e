//! CiteSpace's cluster summary table and cluster explorer.
//!
//! - **Summary** ([`ClusterRow`]): per cluster its id (#0 the largest), size,
//!   silhouette, mean year of the members, and its labels by all three of CiteSpace's
//!   methods side by side — log-likelihood ratio, TF-IDF and mutual information
//!   ([`crate::analysis::labels`]), each from the titles, keywords and abstracts of the
//!   records citing the cluster's members. CiteSpace's table has a column "LSI"; cocite
//!   has no latent semantic indexing and shows TF-IDF there, as CiteSpace's own
//!   labelling menu offers it.
//! - **Explorer** ([`CitingRow`]): per cluster, the records citing its members ranked
//!   by *coverage*, the share of the cluster's members a record cites (CiteSpace's
//!   "coverage" column), then by global citations, with each record's global (GCS, WoS
//!   `TC`) and local citation count (LCS: the loaded records citing it,
//!   [`crate::network::citation::scores`]). For node kinds that are not cited (keywords,
//!   terms, authors, ...), a "citing" record is one that contains the member.

use crate::analysis::describe::{citing_records, label_tally, members_of};
use crate::analysis::labels::rank_tally;
use crate::model::Corpus;
use crate::network::NodeKind;
use crate::network::items::record_label;
use crate::pipeline::{Analysis, LabelMethod};
use serde::{Deserialize, Serialize};

/// Label terms kept per cluster and method.
pub const LABEL_TERMS: usize = 5;

/// One row of the cluster summary table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterRow {
    pub id: u32,
    pub size: usize,
    pub silhouette: f64,
    pub mean_year: Option<f64>,
    /// Records citing some member.
    pub citing_records: usize,
    /// Label terms with their scores, best first, by log-likelihood ratio.
    pub llr: Vec<(String, f64)>,
    /// By TF-IDF.
    pub tfidf: Vec<(String, f64)>,
    /// By mutual information.
    pub mi: Vec<(String, f64)>,
}

/// A record citing a cluster's members (the cluster explorer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitingRow {
    pub cluster: u32,
    /// 1 = the record covering most of the cluster.
    pub rank: usize,
    /// Share of the cluster's members the record cites, 0–1.
    pub coverage: f64,
    pub members_cited: u32,
    /// The record as a short citation (`Vargo SL, 2004, J MARKETING, V68, P1`).
    pub record: String,
    pub title: String,
    pub year: Option<i32>,
    pub doi: Option<String>,
    /// Global citations (WoS `TC`).
    pub gcs: Option<u32>,
    /// Local citations: loaded records citing it.
    pub lcs: u32,
}

/// The cluster table and every citing record of every cluster, ranked (module docs).
/// Empty for an unclustered network or one without records behind it.
pub fn clusters(corpus: &Corpus, a: &Analysis) -> (Vec<ClusterRow>, Vec<CitingRow>) {
    let membership: Option<Vec<u32>> = a.network.nodes.iter().map(|n| n.cluster).collect();
    let Some(membership) = membership.filter(|m| !m.is_empty()) else {
        return (Vec::new(), Vec::new());
    };
    if a.params.network.kind == NodeKind::Imported {
        return (Vec::new(), Vec::new());
    }
    let members = members_of(&membership);
    let per_node = a.node_records(corpus);
    let citing = citing_records(&members, &per_node);
    let tally = label_tally(corpus, &citing);
    let [llr, tfidf, mi] = [LabelMethod::Llr, LabelMethod::Tfidf, LabelMethod::Mi]
        .map(|m| rank_tally(&tally, m, LABEL_TERMS));
    let rows = a
        .clusters
        .iter()
        .filter(|c| (c.id as usize) < members.len())
        .map(|c| {
            let i = c.id as usize;
            ClusterRow {
                id: c.id,
                size: c.size,
                silhouette: c.silhouette,
                mean_year: c.mean_year,
                citing_records: citing[i].len(),
                llr: llr[i].clone(),
                tfidf: tfidf[i].clone(),
                mi: mi[i].clone(),
            }
        })
        .collect();
    let scores = crate::network::citation::scores(corpus);
    let mut explorer = Vec::new();
    for (c, recs) in citing.iter().enumerate() {
        let size = members[c].len().max(1);
        let mut ranked = recs.clone();
        let gcs = |r: u32| corpus.records[r as usize].times_cited;
        ranked.sort_by_key(|&(r, n)| (std::cmp::Reverse(n), std::cmp::Reverse(gcs(r)), r));
        for (k, (r, n)) in ranked.into_iter().enumerate() {
            let rec = &corpus.records[r as usize];
            explorer.push(CitingRow {
                cluster: c as u32,
                rank: k + 1,
                coverage: f64::from(n) / size as f64,
                members_cited: n,
                record: record_label(corpus, rec),
                title: rec.title.to_string(),
                year: rec.year,
                doi: rec.doi.as_deref().map(String::from),
                gcs: rec.times_cited,
                lcs: scores.get(r as usize).map_or(0, |s| s.0),
            });
        }
    }
    (rows, explorer)
}

/// The first `k` rows of each cluster of a ranked explorer.
pub fn top_per_cluster(rows: &[CitingRow], k: usize) -> Vec<CitingRow> {
    rows.iter().filter(|r| r.rank <= k).cloned().collect()
}
