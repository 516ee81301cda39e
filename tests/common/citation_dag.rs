//! A hand-made citation DAG written as a Web of Science file, shared by the citation
//! tests (tests/citation.rs, tests/citation_cli.rs, tests/citation_real.rs).
#![allow(dead_code)]

use cocite::network::{NodeKind, Selection};
use cocite::pipeline::{Analysis, AnalysisParams, ClusterMethod, LayoutMethod};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh folder for one test (tests of a binary run in parallel).
pub fn temp_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("cocite-citation-{name}-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// One WoS plain-text record.
pub fn wos_record(l: char, year: i32, doi: Option<&str>, tc: u32, refs: &[String]) -> String {
    let page = 10 * (l as u32 - 'A' as u32 + 1);
    let mut s = format!(
        "PT J\nAU {l}author, {l}\nTI Paper {l}\nSO JOURNAL OF TESTS\nJ9 J TESTS\nPY {year}\nVL 1\nBP {page}\nEP {}\n",
        page + 5
    );
    if let Some(d) = doi {
        s.push_str(&format!("DI {d}\n"));
    }
    s.push_str(&format!("TC {tc}\nUT WOS:{l}\n"));
    for (i, r) in refs.iter().enumerate() {
        s.push_str(if i == 0 { "CR " } else { "   " });
        s.push_str(r);
        s.push('\n');
    }
    s.push_str("ER\n\n");
    s
}

/// The reference a record makes to paper `l` (with its DOI or without).
pub fn cite(l: char, year: i32, doi: bool) -> String {
    let page = 10 * (l as u32 - 'A' as u32 + 1);
    let mut s = format!("{l}author {l}, {year}, J TESTS, V1, P{page}");
    if doi {
        s.push_str(&format!(", DOI 10.1000/{}", l.to_ascii_lowercase()));
    }
    s
}

pub const YEARS: [i32; 8] = [2000, 2000, 2001, 2002, 2001, 2003, 2002, 2004];

/// The DAG of the main-path notes as records A–H (flow arcs cited → citing: A→C A→D
/// B→D B→E C→D D→F E→F E→G F→H), i.e. C cites A; D cites A, B, C; E cites B; F cites
/// D, E; G cites E; H cites F. D has no DOI, so F's reference to it resolves by first
/// author, year, volume and page; D cites B without DOI, but E cites B with it, so
/// the corpus reconciles D's reference into B's DOI. D also cites a paper not loaded,
/// H cites itself. TC (GCS) of the i-th paper: 100 − 10 i.
pub fn dag_file() -> PathBuf {
    let y = |l: char| YEARS[(l as u8 - b'A') as usize];
    let c = |l: char, doi: bool| cite(l, y(l), doi);
    let refs: [Vec<String>; 8] = [
        vec![],
        vec![],
        vec![c('A', true)],
        vec![
            c('A', true),
            c('B', false),
            c('C', true),
            "Outside O, 1999, J ELSEWHERE, V9, P99".into(),
        ],
        vec![c('B', true)],
        vec![c('D', false), c('E', true)],
        vec![c('E', true).replace("10.1000/e", "10.1000/E")],
        vec![c('F', true), c('H', true)],
    ];
    let mut text = String::from("FN Clarivate Analytics Web of Science\nVR 1.0\n");
    for (i, r) in refs.iter().enumerate() {
        let l = (b'A' + i as u8) as char;
        let doi = (l != 'D').then(|| format!("10.1000/{}", l.to_ascii_lowercase()));
        text.push_str(&wos_record(
            l,
            YEARS[i],
            doi.as_deref(),
            100 - 10 * i as u32,
            r,
        ));
    }
    text.push_str("EF\n");
    let path = temp_dir("dag").join("dag.txt");
    std::fs::write(&path, text).unwrap();
    path
}

pub fn params(select: Selection) -> AnalysisParams {
    let mut p = AnalysisParams::default();
    p.network.kind = NodeKind::Citation;
    p.network.select = select;
    p.analysis.cluster = ClusterMethod::None;
    p.layout.method = LayoutMethod::Historiograph;
    p
}

pub fn node_ids(a: &Analysis) -> BTreeSet<String> {
    a.network.nodes.iter().map(|n| n.id.clone()).collect()
}

pub fn set(ids: &str) -> BTreeSet<String> {
    ids.chars().map(|c| format!("WOS:{c}")).collect()
}
