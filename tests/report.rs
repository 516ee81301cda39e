//! Reports on hand-built records: bursts, main information, category and term nodes
//! with every expected number worked out by hand in the comments; the burst figure
//! read back from its SVG; a reopened session's report; the CLI's folder.

#[path = "common/report_folder.rs"]
mod report_folder;
use report_folder::*;

use cocite::io::wos::parse_block;
use cocite::model::Corpus;
use cocite::network::{NodeKind, Selection};
use cocite::pipeline::{self, AnalysisParams, LayoutMethod};
use cocite::report::{self, ReportOptions};
use cocite::scene::SceneOptions;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(text: &str) -> Corpus {
    let r = parse_block(text.as_bytes(), 1);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let mut c = Corpus::new();
    for rec in r.records {
        c.push(rec, 0);
    }
    c
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

const BASE: &str = "Base A, 1990, J BASE, V1, P1";
const RISE: &str = "Rise B, 1999, J RISE, V2, P2";
const LATE: &str = "Late C, 2002, J LATE, V3, P3";

/// 32 records, 8 a year 2000–2003; all cite BASE, records 0–3 of 2001 and 2002 cite
/// RISE too, records 0–3 of 2003 cite LATE.
fn burst_corpus() -> Corpus {
    let mut text = String::new();
    for year in 2000..=2003 {
        for i in 0..8 {
            let mut refs = vec![BASE];
            if i < 4 && (year == 2001 || year == 2002) {
                refs.push(RISE);
            }
            if i < 4 && year == 2003 {
                refs.push(LATE);
            }
            text.push_str(&format!(
                "PT J\nAU Doe, J\nTI Record {year} {i}\nPY {year}\nUT R{year}{i}\nCR {}\nER\n\n",
                refs.join("\n   ")
            ));
        }
    }
    corpus(&text)
}

fn burst_params(gamma: f64, min_years: usize) -> AnalysisParams {
    let mut p = AnalysisParams::default();
    p.network.select = Selection::All;
    p.analysis.burst_gamma = gamma;
    p.analysis.burst_min_years = min_years;
    p.layout.method = LayoutMethod::Fa2;
    p.layout.iterations = 20;
    p
}

#[test]
fn hand_computed_bursts_with_gamma_and_minimum_duration() {
    let c = burst_corpus();
    // RISE: r = [0, 4, 4, 0] of d = [8, 8, 8, 8]: p0 = 8/32 = 1/4, p1 = 1/2, entering
    // the burst state costs γ ln 4 = 1.3863. Base state: an empty year costs
    // −8 ln(3/4) = 2.3015, a year of 4 costs −4 ln(1/4) − 4 ln(3/4) = 6.6959; burst
    // state: 8 ln 2 = 5.5452 either way. 0000 costs 17.9948, 0110 costs
    // 2.3015 + 1.3863 + 5.5452 + 5.5452 + 2.3015 = 17.0797 (the cheapest): a burst
    // 2001–2002 of strength 2 · (6.6959 − 5.5452) = 8 ln(4/3) = 2.3015.
    // BASE is cited at the same rate every year (p0 = 1): no burst.
    // LATE: r = [0, 0, 0, 4]: p0 = 1/8, p1 = 1/4; 0001 costs 3 · 1.0683 + 1.3863 +
    // 6.6959 = 11.2870 < 0000 = 12.0567: a one-year burst in 2003 of strength
    // (−4 ln(1/8) − 4 ln(7/8)) − (−4 ln(1/4) − 4 ln(3/4)) = 4 ln(12/7) = 2.1560, kept
    // only with a minimum duration of 1 year.
    let a = pipeline::run(&c, &burst_params(1.0, 2)).expect("runs");
    let t = report::burst_table(&a, 25);
    assert_eq!(t.rows.len(), 1, "{:?}", t.rows);
    let r = &t.rows[0];
    assert_eq!(
        (r.label.as_str(), r.year, r.begin, r.end),
        (RISE, Some(1999), 2001, 2002)
    );
    assert!(
        (r.strength - 8.0 * (4.0f64 / 3.0).ln()).abs() < 1e-9,
        "{}",
        r.strength
    );
    assert_eq!((t.gamma, t.min_years, t.span), (1.0, 2, Some((2000, 2003))));

    let a = pipeline::run(&c, &burst_params(1.0, 1)).expect("runs");
    let t = report::burst_table(&a, 25);
    let got: Vec<(&str, i32, i32)> = t
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.begin, r.end))
        .collect();
    // Ordered by begin year.
    assert_eq!(got, [(RISE, 2001, 2002), (LATE, 2003, 2003)]);
    assert!((t.rows[1].strength - 4.0 * (12.0f64 / 7.0).ln()).abs() < 1e-9);
    // The top 1 by strength is RISE (2.3015 > 2.1560).
    assert_eq!(report::burst_table(&a, 1).rows[0].label, RISE);

    // γ = 3: entering the burst costs 3 ln 4 = 4.1589 and 0110 costs 19.85 > 17.99.
    let a = pipeline::run(&c, &burst_params(3.0, 2)).expect("runs");
    assert!(report::burst_table(&a, 25).rows.is_empty());
}

#[test]
fn burst_settings_are_saved_only_when_set() {
    let default = serde_json::to_value(AnalysisParams::default()).expect("json");
    assert!(
        default.get("burst_gamma").is_none(),
        "older files read the same"
    );
    let p = burst_params(0.5, 3);
    let v = serde_json::to_value(&p).expect("json");
    assert_eq!(v["burst_gamma"], 0.5);
    assert_eq!(v["burst_min_years"], 3);
    let back: AnalysisParams = serde_json::from_value(v).expect("reads back");
    assert_eq!(back, p);
    let mut bad = p.clone();
    bad.analysis.burst_min_years = 0;
    assert!(bad.validate().is_err());
    bad.analysis.burst_min_years = 1;
    bad.analysis.burst_gamma = f64::NAN;
    assert!(bad.validate().is_err());
}

#[test]
fn burst_figure_shows_the_table() {
    let c = burst_corpus();
    let a = pipeline::run(&c, &burst_params(1.0, 1)).expect("runs");
    let dir = temp_dir("bursts");
    let opts = SceneOptions {
        width: 600.0,
        height: 400.0,
        ..Default::default()
    };
    cocite::export::report::write_dir(&dir, &c, &a, &ReportOptions::default(), &opts)
        .expect("writes");
    assert_eq!(check_burst_figure(&dir), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Four records with every field of the Main Information table.
const MAIN: &str = "PT J
AU Smith, J
   Lee, K
TI Brain-computer interfaces for motor imagery
SO J ALPHA
PY 2000
TC 10
DT Article
DE a; b
WC Management; Business
C1 [Smith, J] Univ A, Boston, MA 02115 USA.
   [Lee, K] Univ B, Seoul, South Korea.
UT W1
ER

PT J
AU Smith, J
TI Motor imagery and the P300 speller
SO J ALPHA
PY 2000
TC 4
DT Review
DE A; c
WC Management
C1 Univ A, Boston, MA 02115 USA.
UT W2
ER

PT J
AU Brown, P
   Smith, J.
   Lee, K
TI Deep learning for brain-computer interfaces
SO J Beta
PY 2002
DT Article
WC Business; Economics
C1 [Brown, P] Univ C, Austin, TX 78712 USA.
   [Smith, J.] Univ A, Boston, MA 02115 USA.
UT W3
ER

PT J
AU Doe, J
TI Motor imagery
SO J, BETA
PY 2003
TC 0
DT Article
WC Economics
UT W4
ER
";

#[test]
fn main_information_by_hand() {
    let m = report::main_information(&corpus(MAIN));
    assert_eq!(m.documents, 4);
    assert_eq!(m.timespan, Some((2000, 2003)));
    // "J Beta" and "J, BETA" are one source once upper-cased without commas.
    assert_eq!(m.sources, 2);
    // 2 documents in 2000, 1 in 2003: ((1/2)^(1/3) − 1) · 100 = −20.6299 %.
    assert!((m.annual_growth_rate_pct - (0.5f64.powf(1.0 / 3.0) - 1.0) * 100.0).abs() < 1e-9);
    // (10 + 4 + 0) / 3: W3 has no TC.
    assert!((m.average_citations_per_document.expect("some") - 14.0 / 3.0).abs() < 1e-9);
    // SMITH J (also written "Smith, J."), LEE K, BROWN P, DOE J.
    assert_eq!(m.authors, 4);
    assert!((m.co_authors_per_document - 7.0 / 4.0).abs() < 1e-12);
    assert_eq!(m.single_authored_documents, 2);
    assert_eq!(m.authors_of_single_authored_documents, 2);
    // W1 has USA and South Korea; W3 only USA.
    assert!((m.international_co_authorship_pct - 25.0).abs() < 1e-12);
    // a, b, c ("A" is "a" upper-cased).
    assert_eq!(m.author_keywords, 3);
    let types: Vec<(&str, usize)> = m
        .document_types
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(types, [("article", 3), ("review", 1)]);
    let docs: Vec<(i32, usize)> = m
        .annual_production
        .iter()
        .map(|r| (r.year, r.documents))
        .collect();
    assert_eq!(docs, [(2000, 2), (2001, 0), (2002, 1), (2003, 1)]);
    assert_eq!(m.annual_production[0].mean_citations, Some(7.0));
    assert_eq!(m.annual_production[2].mean_citations, None);
}

fn node_counts(c: &Corpus, kind: NodeKind) -> Vec<(String, u32)> {
    let mut p = AnalysisParams::default();
    p.network.kind = kind;
    p.network.select = Selection::All;
    p.layout.method = LayoutMethod::None;
    let a = pipeline::run(c, &p).expect("runs");
    let mut v: Vec<(String, u32)> = a
        .network
        .nodes
        .iter()
        .map(|n| (n.id.clone(), n.count))
        .collect();
    v.sort();
    v
}

#[test]
fn category_and_term_nodes_by_hand() {
    let c = corpus(MAIN);
    // WC: W1 Management, Business; W2 Management; W3 Business, Economics; W4 Economics.
    assert_eq!(
        node_counts(&c, NodeKind::Category),
        [
            ("business".into(), 2),
            ("economics".into(), 2),
            ("management".into(), 2)
        ]
    );
    // Titles: W1 [brain computer interfaces] [motor imagery]; W2 [motor imagery],
    // [p300 speller] ("and the" cut); W3 [deep learning], [brain computer interfaces];
    // W4 [motor imagery]. Keywords a, b, c are single words: no terms.
    assert_eq!(
        node_counts(&c, NodeKind::Term),
        [
            ("brain computer interface".into(), 2),
            ("deep learning".into(), 1),
            ("motor imagery".into(), 3),
            ("p300 speller".into(), 1)
        ]
    );
}

#[test]
fn a_reopened_session_reports_the_same() {
    let dir = temp_dir("session");
    let data = dir.join("demo.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/valuecreation2_96_records.txt"),
        &data,
    )
    .expect("copy");
    let c = cocite::io::load(std::slice::from_ref(&data)).expect("loads");
    let mut p = AnalysisParams::default();
    p.layout.iterations = 40;
    p.analysis.burst_min_years = 1;
    let a = pipeline::run(&c, &p).expect("runs");
    let path = dir.join("map.cocite");
    let s = cocite::session::Session::new(&path, &c, &a, Default::default()).expect("session");
    cocite::session::save(&path, &s).expect("saves");
    let o = cocite::session::open(&path).expect("opens");
    let opts = ReportOptions::default();
    let (r1, c1) = report::build_with_citing(&c, &a, &opts);
    let (r2, c2) = report::build_with_citing(&o.corpus, &o.analysis, &opts);
    assert!(!r1.bursts.rows.is_empty() && !r1.clusters.is_empty() && !c1.is_empty());
    assert_eq!(r1, r2);
    assert_eq!(c1, c2);
    let fig = SceneOptions {
        width: 700.0,
        height: 500.0,
        ..Default::default()
    };
    let f1 = cocite::export::report::figures(&a, &r1, &fig);
    let f2 = cocite::export::report::figures(&o.analysis, &r2, &fig);
    for ((n1, s1), (n2, s2)) in f1.iter().zip(&f2) {
        assert_eq!(n1, n2);
        assert_eq!(
            cocite::export::svg::to_svg(s1),
            cocite::export::svg::to_svg(s2),
            "{n1}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_writes_the_folder_from_files_or_a_session() {
    let dir = temp_dir("cli");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_cocite"))
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let out = dir.join("terms");
    let text = run(&[
        "report",
        demo.to_str().expect("path"),
        "--kind",
        "term",
        "--iterations",
        "30",
        "--width",
        "700",
        "--height",
        "500",
        "--burst-min-years",
        "1",
        "--out",
        out.to_str().expect("path"),
    ]);
    assert!(text.contains("wrote 15 files"), "{text}");
    check_folder(&out);
    assert!(check_burst_figure(&out) > 0);
    let r: report::Report =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("json"))
            .expect("reads");
    assert_eq!(r.network.kind, "term");
    assert!(r.methods.contains("noun phrases of 2–4 words") && r.methods.contains("γ = 1"));
    assert!(
        r.methods.contains("minimum duration 1 year)"),
        "{}",
        r.methods
    );

    // A session reports with its own parameters.
    let session = dir.join("map.cocite");
    run(&[
        "network",
        demo.to_str().expect("path"),
        "--kind",
        "keyword",
        "--iterations",
        "30",
        "--out",
        session.to_str().expect("path"),
    ]);
    let out2 = dir.join("session");
    run(&[
        "report",
        session.to_str().expect("path"),
        "--width",
        "700",
        "--height",
        "500",
        "--out",
        out2.to_str().expect("path"),
    ]);
    check_folder(&out2);
    let r: report::Report =
        serde_json::from_slice(&std::fs::read(out2.join("report.json")).expect("json"))
            .expect("reads");
    assert_eq!(r.network.kind, "keyword");
    let _ = std::fs::remove_dir_all(&dir);
}
