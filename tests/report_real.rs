//! Reports on real exports — the demo, the shared BCI set (five WoS files) and
//! bibliometrix's `bibliometric in management.txt` — against counts made by a small
//! Web of Science reader written here (not cocite's): the Main Information table, the
//! category network's counts; the term network; every file of `cocite report`.

#[path = "common/report_folder.rs"]
mod report_folder;
use report_folder::*;

use cocite::network::{NodeKind, Selection};
use cocite::pipeline::{self, AnalysisParams, LayoutMethod};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
#[path = "common/shared.rs"]
mod shared_dir;
use shared_dir::shared_data as shared;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The data sets: name and path.
fn sets() -> Vec<(&'static str, PathBuf)> {
    let mut v = vec![("demo", root().join("assets/demo"))];
    if let Some(p) = shared("citespace-homework-bci") {
        v.push(("bci", p));
    }
    if let Some(p) = shared("bibliometrix-repo/bibliometric in management.txt") {
        v.push(("management", p));
    }
    v
}

/// One record: each tag's lines (a continuation line is one more line of its tag).
type Rec = HashMap<String, Vec<String>>;

/// Reads WoS plain-text files: two-character tags at the start of a line, three-space
/// continuation lines, `ER` ends a record; records with the same `UT` counted once.
fn read_wos(path: &Path) -> Vec<Rec> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("utf-8");
        let mut rec = Rec::new();
        let mut tag = String::new();
        for line in text.lines() {
            let line = line.trim_start_matches('\u{feff}');
            if let Some(cont) = line.strip_prefix("   ") {
                rec.entry(tag.clone())
                    .or_default()
                    .push(cont.trim().to_string());
            } else if line == "ER" {
                let uid = rec.get("UT").map(|u| u[0].clone());
                if uid.is_none_or(|u| seen.insert(u)) {
                    out.push(std::mem::take(&mut rec));
                }
                rec.clear();
            } else if line.len() >= 3 && line.as_bytes()[2] == b' ' {
                tag = line[..2].to_string();
                rec.entry(tag.clone())
                    .or_default()
                    .push(line[3..].trim().to_string());
            }
        }
    }
    out
}

fn field(r: &Rec, tag: &str) -> Option<String> {
    r.get(tag).map(|v| v.join(" "))
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn year(r: &Rec) -> Option<i32> {
    field(r, "PY")
        .and_then(|y| y.trim().parse().ok())
        .or_else(|| field(r, "EY").and_then(|y| y.trim().parse().ok()))
}

/// An author's key: upper case, `.` and `,` as spaces, spaces folded.
fn author_key(a: &str) -> String {
    fold(&a.to_uppercase().replace(['.', ','], " "))
}

#[test]
fn main_information_equals_an_independent_count() {
    for (name, path) in sets() {
        let recs = read_wos(&path);
        let corpus = cocite::io::load(std::slice::from_ref(&path)).expect("loads");
        let m = cocite::report::main_information(&corpus);
        assert_eq!(m.documents, recs.len(), "{name}: documents");
        let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
        for y in recs.iter().filter_map(year) {
            *per_year.entry(y).or_default() += 1;
        }
        let (y0, n0) = per_year
            .iter()
            .next()
            .map(|(a, b)| (*a, *b))
            .expect("years");
        let (y1, n1) = per_year
            .iter()
            .last()
            .map(|(a, b)| (*a, *b))
            .expect("years");
        assert_eq!(m.timespan, Some((y0, y1)), "{name}: timespan");
        let growth = ((n1 as f64 / n0 as f64).powf(1.0 / f64::from(y1 - y0)) - 1.0) * 100.0;
        assert!(
            (m.annual_growth_rate_pct - growth).abs() < 1e-9,
            "{name}: growth"
        );
        let sources: BTreeSet<String> = recs
            .iter()
            .filter_map(|r| field(r, "SO"))
            .map(|s| fold(&s.to_uppercase().replace(',', "")))
            .collect();
        assert_eq!(m.sources, sources.len(), "{name}: sources");
        let tc: Vec<f64> = recs
            .iter()
            .filter_map(|r| field(r, "TC")?.trim().parse::<f64>().ok())
            .collect();
        let mean = tc.iter().sum::<f64>() / tc.len() as f64;
        let got = m.average_citations_per_document.expect("citations");
        assert!((got - mean).abs() < 1e-9, "{name}: average citations");
        let authors: Vec<Vec<String>> = recs
            .iter()
            .map(|r| {
                r.get("AU")
                    .map(|a| a.iter().map(|x| author_key(x)).collect())
                    .unwrap_or_default()
            })
            .collect();
        let distinct: BTreeSet<&String> = authors.iter().flatten().collect();
        assert_eq!(m.authors, distinct.len(), "{name}: authors");
        let n_au: Vec<usize> = authors.iter().map(|a| a.len().max(1)).collect();
        let per_doc = n_au.iter().sum::<usize>() as f64 / recs.len() as f64;
        assert!(
            (m.co_authors_per_document - per_doc).abs() < 1e-9,
            "{name}: co-authors"
        );
        let single = n_au.iter().filter(|&&n| n == 1).count();
        assert_eq!(
            m.single_authored_documents, single,
            "{name}: single-authored"
        );
        eprintln!(
            "{name}: {} documents, {y0}–{y1}, {} sources, growth {growth:.2} %, {mean:.2} \
             citations, {} authors, {per_doc:.2} per document, {single} single-authored",
            recs.len(),
            sources.len(),
            distinct.len()
        );
    }
}

fn run_kind(path: &Path, kind: NodeKind, select: Selection) -> pipeline::Analysis {
    let corpus = cocite::io::load(&[path.to_path_buf()]).expect("loads");
    let mut p = AnalysisParams::default();
    p.network.kind = kind;
    p.network.select = select;
    p.layout.method = LayoutMethod::None;
    p.analysis.centrality = false;
    pipeline::run(&corpus, &p).expect("runs")
}

#[test]
fn category_counts_equal_an_independent_count() {
    for (name, path) in sets() {
        let mut want: BTreeMap<String, u32> = BTreeMap::new();
        for r in read_wos(&path).iter().filter(|r| year(r).is_some()) {
            let cats: BTreeSet<String> = field(r, "WC")
                .unwrap_or_default()
                .split(';')
                .map(|c| fold(c).to_lowercase())
                .filter(|c| !c.is_empty())
                .collect();
            for c in cats {
                *want.entry(c).or_default() += 1;
            }
        }
        let a = run_kind(&path, NodeKind::Category, Selection::All);
        let got: BTreeMap<String, u32> = a
            .network
            .nodes
            .iter()
            .map(|n| (n.id.clone(), n.count))
            .collect();
        assert!(want.len() > 5, "{name}: {want:?}");
        assert_eq!(got, want, "{name}: categories");
    }
}

#[test]
fn term_networks_of_multi_word_terms() {
    for (name, path) in sets() {
        // CiteSpace's default selection (g-index, k = 25) per yearly slice.
        let a = run_kind(&path, NodeKind::Term, Selection::default());
        let n = &a.network;
        assert!(
            n.nodes.len() > 20 && n.links.len() > 20,
            "{name}: {} nodes",
            n.nodes.len()
        );
        for node in &n.nodes {
            let words = node.id.split(' ').count();
            assert!((2..=4).contains(&words), "{name}: {:?}", node.id);
        }
        let top: Vec<&str> = n.nodes.iter().take(5).map(|n| n.id.as_str()).collect();
        eprintln!(
            "{name}: {} terms, {} links; most frequent {top:?}",
            n.nodes.len(),
            n.links.len()
        );
        if name == "bci" {
            assert!(top.contains(&"brain computer interface"), "{top:?}");
        }
    }
}

#[test]
fn cli_report_writes_every_file_on_real_data() {
    for (name, path) in sets() {
        let dir =
            std::env::temp_dir().join(format!("cocite-report-real-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = Command::new(env!("CARGO_BIN_EXE_cocite"))
            .args([
                "report",
                path.to_str().expect("path"),
                "--out",
                dir.to_str().expect("path"),
            ])
            .args([
                "--iterations",
                "40",
                "--width",
                "900",
                "--height",
                "650",
                "--dpi",
                "48",
            ])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        check_folder(&dir);
        let rows = check_burst_figure(&dir);
        eprintln!("{name}: {rows} bursts in the figure");
        if name == "bci" {
            assert_eq!(rows, 25, "the top 25 of hundreds");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
