//! A hand-built four-node analysis shared by the export tests.

use cocite::network::{Burst, Link, Network, Node, NodeKind};
use cocite::pipeline::{Analysis, ClusterInfo};

fn node(id: &str, label: &str, count: u32, years: &[(i32, u32)]) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        count,
        per_year: years.iter().copied().collect(),
        first_slice: years[0].0,
        year: Some(years[0].0),
        sigma: 1.0,
        ..Node::default()
    }
}

/// Four nodes (one without cluster or position), three links, two clusters, a burst.
pub fn fixture() -> Analysis {
    let mut a = node(
        "smith j 2001",
        "Smith J, 2001, J X, V1, P1",
        10,
        &[(2001, 3), (2002, 7)],
    );
    a.cluster = Some(0);
    a.betweenness = 0.25;
    a.burst = Some(Burst {
        strength: 2.5,
        begin: 2002,
        end: 2003,
    });
    a.sigma = 1.25f64.powf(2.5);
    a.silhouette = Some(0.8);
    a.doi = Some("10.1/a&b".into());
    (a.x, a.y) = (Some(0.0), Some(0.0));
    let mut b = node("obrien k", "O'Brien \"K\" <x> & y, 2002", 4, &[(2002, 4)]);
    b.cluster = Some(0);
    (b.x, b.y) = (Some(3.5), Some(-1.25));
    let mut c = node("lee k", "Lee, K; Park", 2, &[(2003, 2)]);
    c.cluster = Some(1);
    (c.x, c.y) = (Some(10.0), Some(5.0));
    let d = node("lone", "Lone", 1, &[(2003, 1)]);
    let link = |source, target, weight, count, first_year| Link {
        source,
        target,
        weight,
        count,
        first_year,
    };
    let cluster = |id, size, label: &str| ClusterInfo {
        id,
        size,
        label: label.into(),
        terms: vec![(label.into(), 12.5)],
        silhouette: 0.5,
        mean_year: Some(2001.5),
        top_members: vec![0],
        top_citing: vec![],
    };
    Analysis {
        span: Some((2001, 2003)),
        network: Network {
            kind: NodeKind::Reference,
            directed: false,
            nodes: vec![a, b, c, d],
            links: vec![
                link(0, 1, 0.5, 3.0, 2001),
                link(0, 2, 0.25, 1.0, 2002),
                link(1, 2, 1.0, 2.0, 2003),
            ],
        },
        clusters: vec![cluster(0, 2, "alpha"), cluster(1, 1, "beta")],
        ..Analysis::default()
    }
}
