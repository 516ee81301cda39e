//! Analysis of the merged network, CiteSpace style: clusters (Leiden or Louvain) with
//! modularity Q, silhouette per node and cluster, cluster labels from the citing
//! records (LLR, TF-IDF, MI), betweenness centrality, Kleinberg bursts and sigma; for
//! a citation network also its main path ([`mainpath`]). A directed network is
//! clustered and measured as undirected ([`Network::graph`]), as CitNetExplorer
//! clusters citation networks.
//!
//! The algorithms are free functions on petgraph's `UnGraph<(), f64>` (node i =
//! `NodeIndex::new(i)`, edge weight = link strength) in the submodules; [`run`] applies
//! them to a built network with the [`AnalysisOptions`] and returns its own result,
//! [`Measures`], which the pipeline puts on the nodes. [`run_network`] analyses a
//! network with no records behind it (imported): no bursts, labels from member labels.

pub mod betweenness_sample;
pub mod burst;
pub mod centrality;
pub mod cluster;
mod csr;
pub mod describe;
pub mod labels;
pub mod leiden;
pub mod mainpath;
pub mod network_only;
pub mod params;
pub mod rng;
pub mod silhouette;
mod silhouette_sample;
pub mod terms;

pub use network_only::run_network;
pub use params::{
    AnalysisOptions, ClusterInfo, ClusterMethod, DEFAULT_RESOLUTION, DEFAULT_SEED, LabelMethod,
};

use crate::model::Corpus;
use crate::network::{Built, Burst, Network, node_records};
use crate::progress::Progress;
use describe::describe_clusters;
use std::collections::BTreeMap;

/// Networks with n · 2m up to this get exact betweenness (Brandes' searches visit
/// 2 · n · 2m links: a second or two); larger ones an estimate.
pub const EXACT_BETWEENNESS_WORK: f64 = 5e8;
/// Error bound ε of estimated betweenness ([`betweenness_sample`]).
pub const BETWEENNESS_EPSILON: f64 = 0.02;
/// Confidence parameter δ of the stated betweenness error bound.
pub const BETWEENNESS_DELTA: f64 = 0.05;
/// Members, citing records and label terms kept per cluster.
pub const TOP_PER_CLUSTER: usize = 10;

/// The clusters of a network.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clusters {
    /// Cluster of each node.
    pub membership: Vec<u32>,
    /// Modularity Q at resolution 1.
    pub modularity: f64,
    /// Silhouette of each node (`None` where it was not sampled).
    pub silhouette: Vec<Option<f64>>,
    /// Mean of the computed silhouettes; `None` if cancelled before they were.
    pub mean_silhouette: Option<f64>,
    /// Size, silhouette, labels, ... of each cluster; empty if cancelled before labels.
    pub info: Vec<ClusterInfo>,
}

/// Everything the analysis stage computed; a field is `None` where the stage was
/// cancelled (or not asked) before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Measures {
    pub clusters: Option<Clusters>,
    /// Normalised betweenness of each node (zeros when centrality is off).
    pub betweenness: Option<Vec<f64>>,
    /// Strongest burst of each node.
    pub bursts: Option<Vec<Option<Burst>>>,
    /// Sigma of each node.
    pub sigma: Option<Vec<f64>>,
    /// Main path of a citation network, when asked for.
    pub main_path: Option<mainpath::MainPath>,
    /// Messages for the user (sampling, estimates).
    pub notes: Vec<String>,
}

/// Clusters, silhouettes, labels, betweenness, bursts and sigma of `built`'s network
/// (labels from the records of `corpus`; `thesaurus` is the one the network was built
/// with). Stops between stages when `progress` returns false, keeping what is done.
pub fn run(
    corpus: &Corpus,
    built: &Built,
    thesaurus: &[(String, String)],
    opts: &AnalysisOptions,
    progress: Progress,
) -> Measures {
    let mut out = Measures::default();
    let net = &built.network;
    if let (Some(t), true) = (opts.main_path, net.directed) {
        let m = mainpath::main_path(net, None, t, opts.main_path_search);
        if !m.cycle_links.is_empty() {
            out.notes.push(format!(
                "main path: {} citation link(s) left out to break cycles (records citing each \
                 other; within a cycle the older record, then the more cited, counts as the cited one)",
                m.cycle_links.len()
            ));
        }
        out.main_path = Some(m);
    }
    if net.nodes.is_empty() {
        return out;
    }
    let g = net.graph();
    let Some(sil) = structure(&g, None, opts, progress, &mut out) else {
        return out;
    };
    if !progress("bursts", 0.7) {
        return out;
    }
    let between = out.betweenness.as_deref().unwrap_or_default();
    let (bursts, sigma) = detect_bursts(net, &built.records_per_year, between, opts);
    out.bursts = Some(bursts);
    out.sigma = Some(sigma);

    if let Some(clusters) = &mut out.clusters {
        if !progress("labels", 0.8) {
            return out;
        }
        let per_node = node_records(corpus, net, built.span, thesaurus);
        clusters.info = describe_clusters(corpus, net, &per_node, &clusters.membership, &sil, opts);
    }
    progress("analysis", 1.0);
    out
}

/// The measures that need only the network, into `out`: clusters (found by
/// `opts.cluster`, or `given` when the clusters are known), their modularity and
/// silhouettes, and betweenness. Returns the mean silhouette per cluster (empty
/// without clusters), or `None` when `progress` cancelled (what was done is in `out`).
fn structure(
    g: &petgraph::graph::UnGraph<(), f64>,
    given: Option<Vec<u32>>,
    opts: &AnalysisOptions,
    progress: Progress,
    out: &mut Measures,
) -> Option<Vec<f64>> {
    let n = g.node_count();
    if !progress("clustering", 0.0) {
        return None;
    }
    let membership = given.or_else(|| match opts.cluster {
        ClusterMethod::Leiden => Some(cluster::leiden(g, opts.resolution, opts.seed)),
        ClusterMethod::Louvain => Some(cluster::louvain(g, opts.resolution, opts.seed)),
        ClusterMethod::None => None,
    });
    let mut sil = Vec::new();
    if let Some(m) = membership {
        let modularity = cluster::modularity(g, &m, 1.0);
        let clusters = out.clusters.insert(Clusters {
            silhouette: vec![None; n],
            membership: m,
            modularity,
            ..Default::default()
        });
        if !progress("silhouette", 0.2) {
            return None;
        }
        sil = silhouettes(g, clusters, opts.seed, &mut out.notes);
    }
    if !progress("betweenness", 0.4) {
        return None;
    }
    out.betweenness = Some(betweenness(g, opts.centrality, opts.seed, &mut out.notes));
    Some(sil)
}

/// Silhouettes of all nodes, or of a sample on large networks (with a note stating
/// its size and precision, [`silhouette::estimate`]): fills `clusters.silhouette` and
/// `mean_silhouette`, returns the mean per cluster.
fn silhouettes(
    g: &petgraph::graph::UnGraph<(), f64>,
    clusters: &mut Clusters,
    seed: u64,
    notes: &mut Vec<String>,
) -> Vec<f64> {
    let n = clusters.membership.len();
    let e = silhouette::estimate(g, &clusters.membership, seed);
    if !e.exact {
        notes.push(format!(
            "silhouette computed for {} of {n} nodes, a random sample of each cluster \
             ({} at least) enlarged until the cluster's mean silhouette is within ±{} at 95% \
             confidence (stratified sampling, normal approximation) or the searches' budget \
             was spent: cluster means within ±{:.3}, network mean {:.3} ± {:.3}",
            e.nodes.len(),
            silhouette::PILOT,
            silhouette::HALF_WIDTH,
            e.cluster_half_width,
            e.mean,
            e.half_width,
        ));
    }
    clusters.mean_silhouette = Some(e.mean);
    for (&v, &s) in e.nodes.iter().zip(&e.values) {
        clusters.silhouette[v as usize] = Some(s);
    }
    e.cluster_means
}

/// Normalised betweenness: exact up to [`EXACT_BETWEENNESS_WORK`], else estimated from
/// random shortest paths within ±[`BETWEENNESS_EPSILON`] (with a note stating the
/// bound), or zeros when `on` is false.
fn betweenness(
    g: &petgraph::graph::UnGraph<(), f64>,
    on: bool,
    seed: u64,
    notes: &mut Vec<String>,
) -> Vec<f64> {
    let n = g.node_count();
    if !on {
        return vec![0.0; n];
    }
    if n as f64 * 2.0 * g.edge_count() as f64 <= EXACT_BETWEENNESS_WORK {
        return centrality::betweenness(g);
    }
    let s = betweenness_sample::estimate(g, BETWEENNESS_EPSILON, BETWEENNESS_DELTA, seed);
    notes.push(format!(
        "betweenness estimated from {} random shortest paths (Riondato & Kornaropoulos \
         2016): every node within ±{} of its exact value with probability {:.0}%",
        s.samples,
        s.epsilon,
        (1.0 - s.delta) * 100.0
    ));
    s.values
}

/// Bursts of every node's per-year counts against the records per year of the span,
/// with the rate ratio s = 2 and `opts`' γ and minimum duration: each node's strongest
/// burst and its sigma.
fn detect_bursts(
    net: &Network,
    records_per_year: &BTreeMap<i32, usize>,
    betweenness: &[f64],
    opts: &AnalysisOptions,
) -> (Vec<Option<Burst>>, Vec<f64>) {
    let (Some(&first), Some(&last)) = (
        records_per_year.keys().next(),
        records_per_year.keys().last(),
    ) else {
        return (vec![None; net.nodes.len()], vec![1.0; net.nodes.len()]);
    };
    let years: Vec<i32> = (first..=last).collect();
    let d: Vec<u64> = years
        .iter()
        .map(|y| records_per_year.get(y).map_or(0, |&x| x as u64))
        .collect();
    net.nodes
        .iter()
        .zip(betweenness)
        .map(|(node, &b)| {
            let r: Vec<u64> = years
                .iter()
                .map(|y| node.per_year.get(y).map_or(0, |&x| x as u64))
                .collect();
            let bursts = burst::detect(
                &r,
                &d,
                &years,
                burst::DEFAULT_S,
                opts.burst_gamma,
                opts.burst_min_years,
            );
            let strongest = burst::strongest(&bursts);
            (strongest, burst::sigma(b, strongest.as_ref()))
        })
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Link, Node};
    use crate::progress::silent;

    /// Two triangles joined by the link 2–3; node 0 is cited in 2001 only.
    fn built() -> Built {
        let per_year = |y: &[(i32, u32)]| y.iter().copied().collect::<BTreeMap<i32, u32>>();
        let mut nodes: Vec<Node> = (0..6)
            .map(|i| Node {
                id: format!("n{i}"),
                count: 2,
                per_year: per_year(&[(2000, 1), (2002, 1)]),
                ..Default::default()
            })
            .collect();
        nodes[0].per_year = per_year(&[(2001, 4)]);
        let links = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]
            .map(|(s, t)| Link {
                source: s,
                target: t,
                weight: 1.0,
                count: 1.0,
                first_year: 2000,
            })
            .to_vec();
        Built {
            network: Network {
                nodes,
                links,
                ..Default::default()
            },
            records_per_year: [(2000, 4), (2001, 4), (2002, 4)].into_iter().collect(),
            ..Default::default()
        }
    }

    fn options(cluster: ClusterMethod) -> AnalysisOptions {
        AnalysisOptions {
            cluster,
            ..Default::default()
        }
    }

    #[test]
    fn run_fills_every_measure() {
        let m = run(
            &Corpus::new(),
            &built(),
            &[],
            &options(ClusterMethod::Leiden),
            &silent,
        );
        let c = m.clusters.expect("clustered");
        assert_eq!(c.membership, [0, 0, 0, 1, 1, 1]);
        // Two triangles with 7 equal links: Q = 2 · (3/7 − (7/14)²) = 5/14.
        assert!((c.modularity - 5.0 / 14.0).abs() < 1e-12);
        assert_eq!(c.info.len(), 2);
        assert_eq!(c.info[0].size, 3);
        // Silhouettes as in silhouette.rs: 0.625 at the tips, 0.4 at the bridge ends.
        assert!(
            (c.mean_silhouette.expect("silhouettes") - (4.0 * 0.625 + 2.0 * 0.4) / 6.0).abs()
                < 1e-12
        );
        // Node 2 lies on the one shortest path of each of the 6 pairs between {0,1} and
        // {3,4,5}: 6 / (5 · 4 / 2) = 0.6.
        assert!((m.betweenness.expect("betweenness")[2] - 0.6).abs() < 1e-12);
        // Node 0: r = [0, 4, 0], d = [4, 4, 4] is the hand-computed burst of burst.rs,
        // but it lasts one year, below the default minimum duration of 2.
        assert_eq!(m.bursts.expect("bursts")[0], None);
        assert_eq!(m.sigma.expect("sigma")[0], 1.0);
    }

    #[test]
    fn no_clustering_and_cancel() {
        let m = run(
            &Corpus::new(),
            &built(),
            &[],
            &options(ClusterMethod::None),
            &silent,
        );
        assert!(m.clusters.is_none());
        assert!(m.betweenness.expect("betweenness")[2] > 0.0);
        let m = run(
            &Corpus::new(),
            &built(),
            &[],
            &options(ClusterMethod::Leiden),
            &|stage, _| stage != "betweenness",
        );
        assert!(m.clusters.is_some() && m.betweenness.is_none() && m.bursts.is_none());
    }
}
