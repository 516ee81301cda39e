//! The shape of the crate, checked on its source: top-level modules depend one way,
//! bottom to top (`../shared/STYLE.md`), and files stay small enough to read.
//!
//! Layers, lowest first; a module may use only modules of lower layers:
//! progress → model → io → network → analysis, layout, import → pipeline, themes → scene →
//! session, report → export → app, cli. A `crate::X` path in code (comments aside) is a use of `X`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module and its layer; equal layers may not use each other.
const LAYERS: [(&str, u32); 16] = [
    ("progress", 0),
    ("model", 1),
    ("io", 2),
    ("network", 3),
    ("analysis", 4),
    ("layout", 4),
    ("import", 4),
    ("pipeline", 5),
    ("themes", 5),
    ("scene", 6),
    ("session", 7),
    ("report", 7),
    ("export", 8),
    ("app", 9),
    ("cli", 9),
    ("main", 10),
];

/// Longest source file, in lines.
const MAX_LINES: usize = 600;

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules a file's code names as `crate::X`.
fn uses(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let name: String = rest[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
            rest = &rest[i + 7..];
        }
    }
    out
}

#[test]
fn modules_depend_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|s| s.trim_end_matches(".rs").to_string())
            .expect("a name");
        if top == "lib" {
            continue;
        }
        let me = layer(&top).unwrap_or_else(|| panic!("{top}: add it to LAYERS"));
        let code = std::fs::read_to_string(f).expect("readable");
        for used in uses(&code) {
            if used == top {
                continue;
            }
            match layer(&used) {
                Some(l) if l < me => {}
                _ => wrong.push(format!("{} ({top}) uses {used}", rel.display())),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "uses against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn source_files_stay_small() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f)
                .expect("readable")
                .lines()
                .count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_check_sees_a_wrong_use() {
    // A lower layer naming a higher one is found; comments are not code.
    let found = uses(
        "use crate::scene::Scene;\n// crate::app in a comment\nlet x = crate::model::Corpus::new();",
    );
    assert_eq!(
        found,
        BTreeSet::from(["scene".to_string(), "model".to_string()])
    );
    assert!(layer("scene") > layer("network"));
}
