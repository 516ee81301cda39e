//! Analysis algorithms against reference numbers stored in tests/fixtures/analysis
//! (made by make_fixtures.py there with networkx 3 and python-igraph 1.0).

use cocite::analysis::{burst, centrality, cluster, silhouette};
use petgraph::graph::{NodeIndex, UnGraph};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct GraphFixture {
    name: String,
    n: usize,
    edges: Vec<(usize, usize, f64)>,
    membership: Vec<u32>,
    modularity: f64,
    modularity_r2: f64,
    betweenness: Vec<f64>,
    leiden_q: f64,
}

#[derive(Deserialize)]
struct BurstFixture {
    r: Vec<u64>,
    d: Vec<u64>,
    states: Vec<u8>,
    bursts: Vec<BurstRef>,
}

#[derive(Deserialize)]
struct BurstRef {
    begin: usize,
    end: usize,
    strength: f64,
}

fn fixture<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/analysis")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture present in the repository");
    serde_json::from_str(&text).expect("fixture is valid JSON")
}

fn graphs() -> Vec<(GraphFixture, UnGraph<(), f64>)> {
    let fixtures: Vec<GraphFixture> = fixture("graphs.json");
    fixtures
        .into_iter()
        .map(|f| {
            let mut g = UnGraph::with_capacity(f.n, f.edges.len());
            for _ in 0..f.n {
                g.add_node(());
            }
            for &(u, v, w) in &f.edges {
                g.add_edge(NodeIndex::new(u), NodeIndex::new(v), w);
            }
            (f, g)
        })
        .collect()
}

#[test]
fn modularity_equals_networkx() {
    let graphs = graphs();
    assert!(graphs.iter().any(|(f, _)| f.n >= 1000));
    for (f, g) in &graphs {
        let q = cluster::modularity(g, &f.membership, 1.0);
        assert!(
            (q - f.modularity).abs() < 1e-9,
            "{}: {q} vs networkx {}",
            f.name,
            f.modularity
        );
        let q2 = cluster::modularity(g, &f.membership, 2.0);
        assert!(
            (q2 - f.modularity_r2).abs() < 1e-9,
            "{}: {q2} vs networkx {}",
            f.name,
            f.modularity_r2
        );
    }
}

#[test]
fn betweenness_equals_networkx() {
    for (f, g) in &graphs() {
        let b = centrality::betweenness(g);
        for (v, (x, e)) in b.iter().zip(&f.betweenness).enumerate() {
            assert!(
                (x - e).abs() < 1e-9,
                "{} node {v}: {x} vs networkx {e}",
                f.name
            );
        }
    }
}

#[test]
fn sampled_betweenness_within_its_bound() {
    let (f, g) = graphs().pop().expect("three graphs");
    let samples = 400;
    let bound = centrality::sampled_error_bound(f.n, samples, 0.01);
    let b = centrality::betweenness_sampled(&g, samples, 3);
    let worst = b
        .iter()
        .zip(&f.betweenness)
        .map(|(x, e)| (x - e).abs())
        .fold(0.0, f64::max);
    assert!(
        worst <= bound,
        "max error {worst} above the Hoeffding bound {bound}"
    );
    assert!(
        worst > 0.0,
        "sampling 400 of {} sources should not be exact",
        f.n
    );
    assert_eq!(
        centrality::betweenness_sampled(&g, f.n, 3),
        centrality::betweenness(&g)
    );
}

#[test]
fn estimated_betweenness_within_its_bound() {
    // Riondato–Kornaropoulos path sampling against networkx's exact values: every node
    // within ε with probability 1 − δ (here δ = 0.01; the seed is fixed, so the test
    // is deterministic, and fails only if this draw is among the 1 % the bound allows).
    for (f, g) in &graphs() {
        let epsilon = 0.02;
        let s = cocite::analysis::betweenness_sample::estimate(g, epsilon, 0.01, 5);
        let worst = s
            .values
            .iter()
            .zip(&f.betweenness)
            .map(|(x, e)| (x - e).abs())
            .fold(0.0, f64::max);
        assert!(worst <= epsilon, "{}: max error {worst} above ε", f.name);
        assert!(s.samples > 0 && s.vertex_diameter >= 3, "{}", f.name);
    }
}

/// True if every cluster induces a connected subgraph.
fn clusters_connected(g: &UnGraph<(), f64>, membership: &[u32]) -> bool {
    let k = membership.iter().max().map_or(0, |&m| m as usize + 1);
    let mut uf: Vec<usize> = (0..g.node_count()).collect();
    fn find(uf: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while uf[r] != r {
            r = uf[r];
        }
        uf[x] = r;
        r
    }
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge exists");
        if membership[a.index()] == membership[b.index()] {
            let (ra, rb) = (find(&mut uf, a.index()), find(&mut uf, b.index()));
            uf[ra] = rb;
        }
    }
    let mut root = vec![usize::MAX; k];
    (0..g.node_count()).all(|v| {
        let r = find(&mut uf, v);
        let c = membership[v] as usize;
        if root[c] == usize::MAX {
            root[c] = r;
        }
        root[c] == r
    })
}

#[test]
fn leiden_reaches_igraph_quality_with_connected_clusters() {
    for (f, g) in &graphs() {
        let m = cluster::leiden(g, 1.0, 42);
        let q = cluster::modularity(g, &m, 1.0);
        // igraph's Leiden (best of 5 runs) as the bar; Leiden is a heuristic, so allow 1%.
        assert!(
            q >= f.leiden_q - 0.01,
            "{}: Q = {q}, igraph Leiden {}",
            f.name,
            f.leiden_q
        );
        assert!(
            clusters_connected(g, &m),
            "{}: a Leiden cluster is disconnected",
            f.name
        );
        assert_eq!(
            m,
            cluster::leiden(g, 1.0, 42),
            "{}: not deterministic",
            f.name
        );
        // Ids by size: cluster 0 is the largest.
        let sizes: Vec<usize> = (0..=*m.iter().max().unwrap_or(&0))
            .map(|c| m.iter().filter(|&&x| x == c).count())
            .collect();
        assert!(
            sizes.windows(2).all(|w| w[0] >= w[1]),
            "{}: {sizes:?}",
            f.name
        );
    }
}

#[test]
fn louvain_reaches_networkx_quality() {
    for (f, g) in &graphs() {
        let m = cluster::louvain(g, 1.0, 7);
        let q = cluster::modularity(g, &m, 1.0);
        assert!(
            q >= f.modularity - 0.01,
            "{}: Q = {q}, networkx Louvain {}",
            f.name,
            f.modularity
        );
        assert_eq!(m, cluster::louvain(g, 1.0, 7));
    }
}

#[test]
fn higher_resolution_gives_more_clusters() {
    let (_, g) = graphs().into_iter().nth(1).expect("les miserables");
    let count = |m: &[u32]| *m.iter().max().unwrap_or(&0) + 1;
    assert!(count(&cluster::leiden(&g, 3.0, 1)) > count(&cluster::leiden(&g, 1.0, 1)));
}

#[test]
fn silhouette_is_within_range_and_positive_for_good_clusters() {
    let (f, g) = graphs().pop().expect("three graphs");
    let m = cluster::leiden(&g, 1.0, 1);
    let s = silhouette::silhouette(&g, &m);
    assert_eq!(s.len(), f.n);
    assert!(s.iter().all(|x| (-1.0..=1.0).contains(x)));
    let mean = s.iter().sum::<f64>() / s.len() as f64;
    // Planted groups recovered by Leiden are well separated on hop distances.
    assert!(mean > 0.1, "mean silhouette {mean}");
    // A random split is not.
    let random: Vec<u32> = (0..f.n as u32)
        .map(|i| i.wrapping_mul(2654435761) % 8)
        .collect();
    let sr = silhouette::silhouette(&g, &random);
    let mean_random = sr.iter().sum::<f64>() / (f.n as f64);
    assert!(
        mean_random < mean - 0.1,
        "random {mean_random} vs leiden {mean}"
    );
}

#[test]
fn bursts_equal_brute_force() {
    let fixtures: Vec<BurstFixture> = fixture("bursts.json");
    let counts: Vec<usize> = fixtures.iter().map(|f| f.bursts.len()).collect();
    assert!(
        counts.contains(&0) && counts.contains(&2),
        "need series with no and with two bursts"
    );
    for f in &fixtures {
        assert_eq!(
            burst::kleinberg(&f.r, &f.d, 2.0, 1.0),
            f.states,
            "r = {:?}",
            f.r
        );
        let years: Vec<i32> = (0..f.r.len() as i32).map(|t| 2000 + t).collect();
        let found = burst::detect(&f.r, &f.d, &years, 2.0, 1.0, 1);
        assert_eq!(found.len(), f.bursts.len());
        for (b, e) in found.iter().zip(&f.bursts) {
            assert_eq!(
                (b.begin, b.end),
                (2000 + e.begin as i32, 2000 + e.end as i32)
            );
            assert!(
                (b.strength - e.strength).abs() < 1e-9,
                "{} vs {}",
                b.strength,
                e.strength
            );
        }
    }
}
