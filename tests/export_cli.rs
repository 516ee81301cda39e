//! `cocite network ... --out FILE` (repeatable) picks the writer by extension.

use std::path::{Path, PathBuf};
use std::process::Command;

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn out_writes_every_format_by_extension() {
    let dir = temp_dir("cli-out");
    let outs = [
        "fig.svg",
        "fig.png",
        "net.json",
        "all.analysis.json",
        "net.graphml",
        "net.gexf",
        "net.net",
        "vos.txt",
        "net.csv",
        "map.cocite",
    ];
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cocite"));
    cmd.arg("network")
        .arg(demo())
        .args(["--layout", "fa2", "--iterations", "50"])
        .args(["--width", "400", "--height", "300", "--dpi", "192"]);
    for o in outs {
        cmd.arg("--out").arg(dir.join(o));
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "all.analysis.json",
            "fig.png",
            "fig.svg",
            "map.cocite",
            "net.bursts.csv",
            "net.clusters.csv",
            "net.gexf",
            "net.graphml",
            "net.json",
            "net.links.csv",
            "net.net",
            "net.nodes.csv",
            "vos.network.txt",
            "vos.txt",
        ]
    );
    // 400 × 300 CSS px at 192 dpi.
    let png = std::fs::read(dir.join("fig.png")).expect("png");
    let info = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .expect("decodes")
        .info()
        .clone();
    assert_eq!((info.width, info.height), (800, 600));
    // The node-link JSON and the Pajek file describe the same network.
    let nl: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("net.json")).expect("json"))
            .expect("parses");
    let nodes = nl["nodes"].as_array().expect("nodes").len();
    let links = nl["links"].as_array().expect("links").len();
    let pajek = std::fs::read_to_string(dir.join("net.net")).expect("pajek");
    assert!(pajek.starts_with(&format!("*Vertices {nodes}\n")));
    let edges = pajek.lines().skip_while(|l| *l != "*Edges").count() - 1;
    assert_eq!(edges, links);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unsupported_extension_fails_before_loading() {
    let dir = temp_dir("cli-bad");
    let out = Command::new(env!("CARGO_BIN_EXE_cocite"))
        .arg("network")
        .arg(demo())
        .arg("--out")
        .arg(dir.join("fig.svg"))
        .arg("--out")
        .arg(dir.join("net.docx"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("net.docx") && err.contains(".graphml"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&dir).expect("dir").count(),
        0,
        "nothing written"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
