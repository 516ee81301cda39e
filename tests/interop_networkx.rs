//! Cross-check with an independent reader: networkx (Python) reads cocite's node-link
//! JSON, GraphML and Pajek files of a real network (demo keywords) with the same node
//! and link counts and the same attributes. Before node-link links named node ids,
//! networkx read a 153-node network back as 306 nodes; this fails on that. Skipped with a
//! note where python3 with networkx is not installed.

use cocite::export;
use cocite::network::NodeKind;
use cocite::pipeline::{self, AnalysisParams};
use cocite::scene::SceneOptions;
use std::path::PathBuf;

fn has_networkx() -> bool {
    std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

const SCRIPT: &str = r#"
import json, sys, networkx as nx
d = sys.argv[1]
data = json.load(open(d + '/n.json'))
try:
    g = nx.node_link_graph(data, edges="links")   # networkx >= 3.4
except TypeError:
    g = nx.node_link_graph(data)                  # networkx <= 3.3: "links" is the default
m = nx.read_graphml(d + '/n.graphml')
p = nx.read_pajek(d + '/n.net')
print(g.number_of_nodes(), g.number_of_edges(), m.number_of_nodes(), m.number_of_edges(),
      p.number_of_nodes(), nx.Graph(p).number_of_edges(), int(g.is_directed()), int(g.is_multigraph()))
first = data['nodes'][0]['id']
print(g.nodes[first]['count'], g.nodes[first]['cluster'], m.nodes['n0']['count'], m.nodes['n0']['cluster'],
      type(m.nodes['n0']['count']).__name__, type(m.nodes['n0']['betweenness']).__name__)
s, t = data['links'][0]['source'], data['links'][0]['target']
gs, gt = 'n' + sys.argv[2], 'n' + sys.argv[3]
print(repr(g.edges[s, t]['weight']), repr(m.edges[gs, gt]['weight']))
"#;

#[test]
fn networkx_reads_node_link_graphml_and_pajek() {
    if !has_networkx() {
        eprintln!("skipped: python3 with networkx not available");
        return;
    }
    let corpus = cocite::io::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo")])
        .expect("demo loads");
    let mut params = AnalysisParams::default();
    params.network.kind = NodeKind::Keyword;
    params.layout.iterations = 20;
    let a = pipeline::run(&corpus, &params).expect("runs");
    let (n, l) = (a.network.nodes.len(), a.network.links.len());
    assert!(n > 50, "a real network: {n} nodes");
    let dir = std::env::temp_dir().join(format!("cocite-networkx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for name in ["n.json", "n.graphml", "n.net"] {
        export::write(&dir.join(name), &a, None, &SceneOptions::default()).expect(name);
    }
    let out = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&dir)
        .arg(a.network.links[0].source.to_string())
        .arg(a.network.links[0].target.to_string())
        .output()
        .expect("python runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!("{n} {l} {n} {l} {n} {l} 0 0"),
        "nodes, links of each"
    );
    let top = &a.network.nodes[0];
    let c = top.cluster.expect("clustered");
    // GraphML's typed keys give numbers, not strings.
    assert_eq!(
        lines[1],
        format!("{} {c} {} {c} int float", top.count, top.count)
    );
    // The first link's weight, from the node-link file and from GraphML.
    let w = a.network.links[0].weight;
    let read: Vec<f64> = lines[2]
        .split_whitespace()
        .map(|v| v.parse().expect("a float"))
        .collect();
    assert_eq!(read, [w, w]);
}
