//! Direct citation networks: a hand-made citation DAG written as a Web of Science file
//! (every expected number worked out in the comments), the same papers in WoS and
//! Scopus counted once, and the shared WoS sets checked against citations counted
//! here from the raw text with a reader of this file's own.

use cocite::io::load;
use cocite::layout::TimeParams;
use cocite::model::Corpus;
use cocite::network::citation::{self, Direction, neighbourhood};
use cocite::network::{NodeKind, Selection};
use cocite::pipeline::mainpath::{PathSearch, Traversal};
use cocite::pipeline::{self, Analysis, AnalysisParams, ClusterMethod, LayoutMethod};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cocite-citation-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// One WoS plain-text record.
fn wos_record(l: char, year: i32, doi: Option<&str>, tc: u32, refs: &[String]) -> String {
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
fn cite(l: char, year: i32, doi: bool) -> String {
    let page = 10 * (l as u32 - 'A' as u32 + 1);
    let mut s = format!("{l}author {l}, {year}, J TESTS, V1, P{page}");
    if doi {
        s.push_str(&format!(", DOI 10.1000/{}", l.to_ascii_lowercase()));
    }
    s
}

const YEARS: [i32; 8] = [2000, 2000, 2001, 2002, 2001, 2003, 2002, 2004];

/// The DAG of the main-path notes as records A–H (flow arcs cited → citing: A→C A→D
/// B→D B→E C→D D→F E→F E→G F→H), i.e. C cites A; D cites A, B, C; E cites B; F cites
/// D, E; G cites E; H cites F. D has no DOI, so F's reference to it resolves by first
/// author, year, volume and page; D cites B without DOI, but E cites B with it, so
/// the corpus reconciles D's reference into B's DOI. D also cites a paper not loaded,
/// H cites itself. TC (GCS) of the i-th paper: 100 − 10 i.
fn dag_file() -> PathBuf {
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

fn params(select: Selection) -> AnalysisParams {
    let mut p = AnalysisParams::default();
    p.network.kind = NodeKind::Citation;
    p.network.select = select;
    p.analysis.cluster = ClusterMethod::None;
    p.layout.method = LayoutMethod::Historiograph;
    p
}

fn node_ids(a: &Analysis) -> BTreeSet<String> {
    a.network.nodes.iter().map(|n| n.id.clone()).collect()
}

fn set(ids: &str) -> BTreeSet<String> {
    ids.chars().map(|c| format!("WOS:{c}")).collect()
}

#[test]
fn hand_made_dag() {
    let c = load(&[dag_file()]).unwrap();
    assert_eq!(c.records.len(), 8);
    let mut p = params(Selection::All);
    p.analysis.main_path = Some(Traversal::Spc);
    let a = pipeline::run(&c, &p).unwrap();
    let net = &a.network;
    assert!(net.directed);
    assert_eq!(net.nodes.len(), 8);
    // LCS: A by C, D; B by D, E; C by D; D by F; E by F, G; F by H; G, H by none.
    let lcs: BTreeMap<&str, (u32, Option<u32>, Option<u32>)> = net
        .nodes
        .iter()
        .map(|n| (&n.id[4..], (n.count, n.lcs, n.gcs)))
        .collect();
    let want = [2, 2, 1, 1, 2, 1, 0, 0];
    for (i, w) in want.iter().enumerate() {
        let l = ((b'A' + i as u8) as char).to_string();
        let gcs = 100 - 10 * i as u32;
        assert_eq!(lcs[l.as_str()], (*w, Some(*w), Some(gcs)), "{l}");
    }
    // 9 links, each citing → cited; the self-citation of H and the outside paper none.
    let pairs: BTreeSet<(String, String)> = net
        .links
        .iter()
        .map(|l| {
            let id = |i: u32| net.nodes[i as usize].id[4..].to_string();
            (id(l.source), id(l.target))
        })
        .collect();
    let want: BTreeSet<(String, String)> = ["CA", "DA", "DB", "DC", "EB", "FD", "FE", "GE", "HF"]
        .iter()
        .map(|s| (s[..1].to_string(), s[1..].to_string()))
        .collect();
    assert_eq!(pairs, want);
    // D has no DOI: F→D alone resolved by descriptor.
    assert!(
        a.notes
            .iter()
            .any(|n| n.starts_with("9 citation links") && n.contains("8 by DOI, 1 by first author")),
        "{:?}",
        a.notes
    );
    // Main path (SPC, global): A-C-D-F-H, in time order.
    let path: Vec<&str> = a
        .main_path
        .as_ref()
        .unwrap()
        .nodes
        .iter()
        .map(|&i| &net.nodes[i as usize].id[4..])
        .collect();
    assert_eq!(path, ["A", "C", "D", "F", "H"]);
    // Historiograph: x is the year's column.
    let w = TimeParams::default().year_width;
    for n in &net.nodes {
        assert_eq!(n.x, Some((n.year.unwrap() - 2000) as f64 * w), "{}", n.id);
    }
    // The records behind A's count are C and D; A's neighbourhood: C and D cite it.
    let recs = a.node_records(&c);
    let ia = net.nodes.iter().position(|n| n.id == "WOS:A").unwrap();
    let citing: Vec<&str> = recs[ia]
        .iter()
        .map(|&r| c.records[r as usize].uid.as_deref().unwrap())
        .collect();
    assert_eq!(citing, ["WOS:C", "WOS:D"]);
    let around = neighbourhood(net, &[ia as u32], 1, Direction::Citing);
    let around: BTreeSet<String> = around
        .iter()
        .map(|&i| net.nodes[i as usize].id.clone())
        .collect();
    assert_eq!(around, set("ACD"));
}

#[test]
fn selection_rules_on_the_dag() {
    let c = load(&[dag_file()]).unwrap();
    let run = |p: &AnalysisParams| pipeline::run(&c, p).unwrap();
    // LCS: A2 B2 E2 C1 D1 F1 G0 H0. top:2 keeps LCS ≥ 2 (the tie at 2 included):
    // A, B, E; A is then isolated (its citers C, D are out) and dropped.
    assert_eq!(node_ids(&run(&params(Selection::Top { n: 2 }))), set("BE"));
    // top:4: LCS ≥ 1, A–F, all linked.
    assert_eq!(
        node_ids(&run(&params(Selection::Top { n: 4 }))),
        set("ABCDEF")
    );
    // top:20 (more than there are): LCS ≥ 0, every record, none isolated.
    assert_eq!(
        run(&params(Selection::Top { n: 20 })).network.nodes.len(),
        8
    );
    // threshold c = 2: A, B, E; A isolated.
    let t = Selection::Threshold {
        first: [2.0, 0.0, 0.0],
        middle: [2.0, 0.0, 0.0],
        last: [2.0, 0.0, 0.0],
    };
    assert_eq!(node_ids(&run(&params(t))), set("BE"));
    // Core publications, k = 2: links per record A2 B2 C2 D4 E3 F3 G1 H1; G and H go,
    // then E and F have 2 each: A–F. k = 3: A, B, C, G, H go, then D (1), E (1), F.
    let mut p = params(Selection::All);
    p.network.core = Some(2);
    assert_eq!(node_ids(&run(&p)), set("ABCDEF"));
    p.network.core = Some(3);
    assert!(run(&p).network.nodes.is_empty());
    // From 2001 on: A and B are outside the span, C, D, E lose them.
    let mut p = params(Selection::All);
    p.network.from = Some(2001);
    let a = run(&p);
    assert_eq!(node_ids(&a), set("CDEFGH"));
    let e = a.network.nodes.iter().find(|n| n.id == "WOS:E").unwrap();
    assert_eq!(
        (e.lcs, e.per_year.clone()),
        (Some(2), [(2002, 1), (2003, 1)].into_iter().collect())
    );
    // Core publications and main paths are for citation networks only.
    let mut bad = AnalysisParams::default();
    bad.network.core = Some(2);
    assert!(
        pipeline::run(&c, &bad)
            .unwrap_err()
            .to_string()
            .contains("--kind citation")
    );
    let mut bad = AnalysisParams::default();
    bad.analysis.main_path = Some(Traversal::Spc);
    assert!(
        pipeline::run(&c, &bad)
            .unwrap_err()
            .to_string()
            .contains("citation")
    );
}

#[test]
fn wos_and_scopus_versions_count_once() {
    let dir = temp_dir("merge");
    // WoS: P (2010) and Q (2012), Q citing P by DOI.
    let wos = format!(
        "FN Clarivate Analytics Web of Science\nVR 1.0\n{}{}EF\n",
        wos_record('P', 2010, Some("10.2000/p"), 40, &[]),
        wos_record(
            'Q',
            2012,
            Some("10.2000/q"),
            3,
            &[cite('P', 2010, true).replace("1000", "2000")]
        ),
    );
    std::fs::write(dir.join("wos.txt"), wos).unwrap();
    // Scopus: P and Q again (same DOIs; P with more citations), and R (2013). Q and R
    // cite P the Scopus way, without DOI: author, title, year, source, volume, page.
    let mut w = csv::Writer::from_path(dir.join("scopus.csv")).unwrap();
    w.write_record([
        "Authors",
        "Title",
        "Year",
        "Source title",
        "Volume",
        "Page start",
        "Page end",
        "DOI",
        "Cited by",
        "References",
        "Document Type",
        "EID",
    ])
    .unwrap();
    let p_ref_old = "Pauthor, P., Paper P (2010) J TESTS, 1, p. 160";
    let p_ref_new = "Pauthor P., Paper P, J TESTS, 1, p. 160, (2010)";
    for row in [
        [
            "Pauthor P.",
            "Paper P",
            "2010",
            "Journal of Tests",
            "1",
            "160",
            "165",
            "10.2000/p",
            "45",
            "",
            "Article",
            "2-s2.0-1",
        ],
        [
            "Qauthor Q.",
            "Paper Q",
            "2012",
            "Journal of Tests",
            "1",
            "170",
            "175",
            "10.2000/q",
            "4",
            p_ref_old,
            "Article",
            "2-s2.0-2",
        ],
        [
            "Rauthor R.",
            "Paper R",
            "2013",
            "Journal of Tests",
            "1",
            "180",
            "185",
            "10.2000/r",
            "1",
            p_ref_new,
            "Article",
            "2-s2.0-3",
        ],
    ] {
        w.write_record(row).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    let c = load(&[dir.join("wos.txt"), dir.join("scopus.csv")]).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((c.records.len(), c.cross_duplicates), (3, 2));
    let a = pipeline::run(&c, &params(Selection::All)).unwrap();
    let net = &a.network;
    // One node per paper: P keeps its WoS accession number; R is Scopus's.
    assert_eq!(
        node_ids(&a),
        ["2-s2.0-3", "WOS:P", "WOS:Q"].map(String::from).into()
    );
    // P is cited by Q (in both versions: once) and R: LCS 2. GCS is the larger count.
    let p = net.nodes.iter().find(|n| n.id == "WOS:P").unwrap();
    assert_eq!((p.lcs, p.gcs), (Some(2), Some(45)));
    assert_eq!(net.links.len(), 2);
}

// ---------------------------------------------------------------------------------
// The shared WoS sets, against a reader of this file's own.

fn shared(p: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(p);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "note: {} not found (no ../shared); test skipped",
            path.display()
        );
        None
    }
}

/// A record as this test reads it: accession number, DOI, descriptor, references.
struct Raw {
    ut: String,
    doi: Option<String>,
    desc: Option<String>,
    refs: Vec<String>,
}

/// The WoS records of `path` (tags at line start, continuation lines indented by 3),
/// first occurrence of each UT.
fn read_wos(path: &Path, seen: &mut BTreeSet<String>, out: &mut Vec<Raw>) {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
    let mut tag = String::new();
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}');
        if line.starts_with("ER") && line.trim() == "ER" {
            let f = std::mem::take(&mut fields);
            let one = |t: &str| f.get(t).and_then(|v| v.first()).cloned();
            let Some(ut) = one("UT") else { continue };
            if !seen.insert(ut.clone()) {
                continue;
            }
            let page = one("BP").or_else(|| one("AR"));
            let desc = match (one("AU"), one("PY"), one("VL"), page) {
                (Some(au), Some(py), Some(vl), Some(bp)) => Some(format!(
                    "{}|{py}|{}|{}",
                    surname_initial(&au),
                    vl.to_uppercase(),
                    bp.to_uppercase()
                )),
                _ => None,
            };
            out.push(Raw {
                ut,
                doi: one("DI").map(|d| d.trim().to_lowercase()),
                desc,
                refs: f.get("CR").cloned().unwrap_or_default(),
            });
            continue;
        }
        if line.len() >= 2
            && !line.starts_with(' ')
            && line.as_bytes().get(2).is_none_or(|&b| b == b' ')
        {
            tag = line[..2].to_string();
            fields
                .entry(tag.clone())
                .or_default()
                .push(line.get(3..).unwrap_or("").trim().to_string());
        } else if let Some(rest) = line.strip_prefix("   ") {
            fields
                .entry(tag.clone())
                .or_default()
                .push(rest.trim().to_string());
        }
    }
}

/// `Vargo, SL` / `Vargo SL` → `vargo s`.
fn surname_initial(a: &str) -> String {
    let words: Vec<String> = a
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [s] => s.clone(),
        [s, i, ..] => format!("{s} {}", i.chars().next().unwrap()),
    }
}

/// A CR line's first DOI (after `DOI `, `DOI DOI `, inside `[..]`), lower case.
fn cr_doi(cr: &str) -> Option<String> {
    let i = cr.find(", DOI ")?;
    let mut d = &cr[i + 6..];
    while let Some(rest) = d.strip_prefix("DOI ").or_else(|| d.strip_prefix('[')) {
        d = rest.trim_start();
    }
    let d = d.split([',', ']', ' ']).next()?;
    let d = d.trim_end_matches(['.', ';']).to_lowercase();
    d.starts_with("10.").then_some(d)
}

/// A CR line's descriptor: author, year, `V<volume>` and `P<page>` parts (one word
/// each, after the source).
fn cr_desc(cr: &str) -> Option<String> {
    let parts: Vec<&str> = cr.split(", ").map(str::trim).collect();
    let year = parts
        .get(1)
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let part = |prefix: char| {
        parts.iter().skip(2).find_map(|p| {
            p.strip_prefix(prefix)
                .filter(|v| !v.is_empty() && !v.contains(' '))
        })
    };
    let (v, p) = (part('V')?, part('P')?);
    Some(format!(
        "{}|{year}|{}|{}",
        surname_initial(parts[0]),
        v.to_uppercase(),
        p.to_uppercase()
    ))
}

/// Per record (by UT): the records citing it by DOI (a lower bound of its LCS), and
/// the records citing it by DOI or descriptor (an upper bound): a reference without
/// DOI counts when its descriptor is the record's (and no other record's), or when it
/// is the descriptor of some reference that carries the record's DOI (the corpus
/// reconciles such references into the DOI's; this bound takes every DOI a descriptor
/// is seen with, the corpus only a DOI the descriptor singles out).
fn independent_counts(recs: &[Raw]) -> HashMap<String, (u32, u32)> {
    let mut by_doi: HashMap<&str, usize> = HashMap::new();
    let mut by_desc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        if let Some(d) = &r.doi {
            by_doi.entry(d).or_insert(i);
        }
        if let Some(d) = &r.desc {
            by_desc.entry(d).or_default().push(i);
        }
    }
    // Descriptor of every reference with a DOI → the records those DOIs are.
    let mut desc_doi: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for cr in recs.iter().flat_map(|r| &r.refs) {
        if let (Some(k), Some(&j)) = (cr_desc(cr), cr_doi(cr).and_then(|d| by_doi.get(d.as_str())))
        {
            desc_doi.entry(k).or_default().insert(j);
        }
    }
    let mut counts = vec![(0u32, 0u32); recs.len()];
    for (i, r) in recs.iter().enumerate() {
        let (mut doi, mut any) = (BTreeSet::new(), BTreeSet::new());
        for cr in &r.refs {
            if let Some(&j) = cr_doi(cr).and_then(|d| by_doi.get(d.as_str())) {
                doi.insert(j);
                any.insert(j);
            } else if let Some(k) = cr_desc(cr) {
                if let Some([j]) = by_desc.get(k.as_str()).map(Vec::as_slice) {
                    any.insert(*j);
                }
                if cr_doi(cr).is_none() {
                    any.extend(desc_doi.get(&k).into_iter().flatten());
                }
            }
        }
        for j in doi.into_iter().filter(|&j| j != i) {
            counts[j].0 += 1;
        }
        for j in any.into_iter().filter(|&j| j != i) {
            counts[j].1 += 1;
        }
    }
    recs.iter().map(|r| r.ut.clone()).zip(counts).collect()
}

#[test]
fn local_citations_on_shared_wos_sets() {
    let sets: [(&str, &[&str]); 4] = [
        (
            "citespace-homework-bci",
            &[
                "savedrecs (1).txt",
                "savedrecs (2).txt",
                "savedrecs (3).txt",
                "savedrecs (4).txt",
                "savedrecs (5).txt",
            ],
        ),
        (
            "bibliometrix-repo",
            &[
                "valuecreation2_96_records.txt",
                "bibliometric in management.txt",
            ],
        ),
        ("phenomenology-wos", &["citations1.txt"]),
        ("vos-citespace-internal-fixation", &["vos_savedrecs1.txt"]),
    ];
    for (dir, files) in sets {
        let Some(base) = shared(&format!("data/{dir}")) else {
            return;
        };
        let paths: Vec<PathBuf> = files.iter().map(|f| base.join(f)).collect();
        let c: Corpus = load(&paths).unwrap();
        let (mut seen, mut raw) = (BTreeSet::new(), Vec::new());
        for p in &paths {
            read_wos(p, &mut seen, &mut raw);
        }
        assert_eq!(raw.len(), c.records.len(), "{dir}");
        let want = independent_counts(&raw);
        let scores = citation::scores(&c);
        let (mut lcs_sum, mut doi_sum, mut any_sum) = (0, 0, 0);
        for (r, &(lcs, gcs)) in c.records.iter().zip(&scores) {
            let ut = r.uid.as_deref().unwrap();
            let (doi, any) = want[ut];
            assert!(
                lcs >= doi,
                "{dir} {ut}: LCS {lcs} < {doi} records citing its DOI"
            );
            assert!(
                lcs <= any,
                "{dir} {ut}: LCS {lcs} > {any} citing by DOI or descriptor"
            );
            assert_eq!(gcs, r.times_cited);
            (lcs_sum, doi_sum, any_sum) = (lcs_sum + lcs, doi_sum + doi, any_sum + any);
        }
        eprintln!("{dir}: LCS total {lcs_sum}; by DOI {doi_sum}; by DOI or descriptor {any_sum}");
        assert!(doi_sum > 0, "{dir}");
    }
}

#[test]
fn bci_main_path_and_historiograph() {
    let Some(dir) = shared("data/citespace-homework-bci") else {
        return;
    };
    let c = load(&[dir]).unwrap();
    for (select, search) in [
        (Selection::Top { n: 20 }, PathSearch::Global),
        (Selection::All, PathSearch::Global),
        (Selection::All, PathSearch::Local),
        (Selection::All, PathSearch::KeyRoute { k: 5 }),
    ] {
        let mut p = params(select);
        p.analysis.main_path = Some(Traversal::Spc);
        p.analysis.main_path_search = search;
        p.analysis.cluster = ClusterMethod::Leiden;
        p.analysis.centrality = false;
        let a = pipeline::run(&c, &p).unwrap();
        let net = &a.network;
        let m = a.main_path.as_ref().unwrap();
        assert!(m.links.len() >= 2, "{select} {search}");
        // Chains of citation links from a source to a sink: every path link joins two
        // path nodes; a path node citing no path node cites nothing in the network
        // (a source, links left out for cycles aside), one cited by no path node is
        // cited by nothing (a sink).
        let on: BTreeSet<u32> = m.nodes.iter().copied().collect();
        let kept: Vec<usize> = (0..net.links.len())
            .filter(|l| !m.cycle_links.contains(&(*l as u32)))
            .collect();
        let (mut cites_in_path, mut cited_in_path) = (BTreeSet::new(), BTreeSet::new());
        for &l in &m.links {
            let link = &net.links[l as usize];
            assert!(on.contains(&link.source) && on.contains(&link.target));
            cites_in_path.insert(link.source);
            cited_in_path.insert(link.target);
            let (ys, yt) = (
                net.nodes[link.source as usize].year,
                net.nodes[link.target as usize].year,
            );
            assert!(yt <= ys, "a main-path link from {ys:?} cites {yt:?}");
        }
        for &v in &on {
            let cites_any = kept.iter().any(|&l| net.links[l].source == v);
            let cited_any = kept.iter().any(|&l| net.links[l].target == v);
            assert!(
                cites_in_path.contains(&v) || !cites_any,
                "node {v} is not a source but starts the path"
            );
            assert!(
                cited_in_path.contains(&v) || !cited_any,
                "node {v} is not a sink but ends the path"
            );
        }
        // Ordered in time.
        let years: Vec<i32> = m
            .nodes
            .iter()
            .map(|&v| net.nodes[v as usize].year.unwrap())
            .collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
        // Historiograph: x grows with the year, always.
        let mut by_x: Vec<(f64, i32)> = net
            .nodes
            .iter()
            .map(|n| (n.x.unwrap(), n.year.unwrap()))
            .collect();
        by_x.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(by_x.windows(2).all(|w| w[0].1 <= w[1].1));
        let first = by_x[0].1;
        assert!(
            net.nodes.iter().all(|n| n.x.unwrap()
                == (n.year.unwrap() - first) as f64 * TimeParams::default().year_width)
        );
        eprintln!(
            "{select} {search}: {} nodes, main path {} nodes {years:?}, {} cycle links",
            net.nodes.len(),
            m.nodes.len(),
            m.cycle_links.len()
        );
    }
}

#[test]
fn citation_exports_are_directed_and_carry_lcs_gcs() {
    let c = load(&[dag_file()]).unwrap();
    let mut p = params(Selection::All);
    p.analysis.main_path = Some(Traversal::Spc);
    let a = pipeline::run(&c, &p).unwrap();
    let dir = temp_dir("exports");
    let fig = cocite::scene::SceneOptions::default();
    let write = |name: &str| {
        let path = dir.join(name);
        cocite::export::write(&path, &a, Some(&c), &fig).unwrap();
        std::fs::read_to_string(&path).unwrap()
    };
    let graphml = write("n.graphml");
    assert!(graphml.contains(r#"edgedefault="directed""#));
    assert!(graphml.contains(r#"attr.name="lcs" attr.type="int""#));
    // Links run citing → cited: H (node of the 2004 paper) → F.
    let idx = |id: &str| a.network.nodes.iter().position(|n| n.id == id).unwrap();
    let (h, f) = (idx("WOS:H"), idx("WOS:F"));
    assert!(graphml.contains(&format!(r#"source="n{h}" target="n{f}""#)));
    let gexf = write("n.gexf");
    assert!(gexf.contains(r#"defaultedgetype="directed""#));
    assert!(gexf.contains(r#"title="local citations (LCS)""#));
    let pajek = write("n.net");
    assert!(pajek.contains("*Arcs\n"));
    assert!(pajek.contains(&format!("\n{} {} 1\n", h + 1, f + 1)));
    let vos = write("n.txt");
    let header = vos.lines().next().unwrap();
    assert!(header.contains("weight<Local citations (LCS)>\tweight<Global citations (GCS)>"));
    let svg = write("n.svg");
    assert!(svg.contains(r#"id="main_path""#));
    let j: serde_json::Value = serde_json::from_str(&write("n.json")).unwrap();
    assert_eq!(j["directed"], true);
    let node_a = &j["nodes"][idx("WOS:A")];
    assert_eq!(
        (node_a["lcs"].as_u64(), node_a["gcs"].as_u64()),
        (Some(2), Some(100))
    );
    assert_eq!(j["main_path"]["nodes"].as_array().unwrap().len(), 5);
    cocite::export::write(&dir.join("n.csv"), &a, None, &fig).unwrap();
    let mut r = csv::Reader::from_path(dir.join("n.nodes.csv")).unwrap();
    let head = r.headers().unwrap().clone();
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let row_a = rows.iter().find(|x| &x[col("key")] == "WOS:A").unwrap();
    assert_eq!((&row_a[col("lcs")], &row_a[col("gcs")]), ("2", "100"));
    // The whole analysis reads back equal, direction and main path included.
    let back: Analysis = serde_json::from_str(&write("n.analysis.json")).unwrap();
    assert_eq!(back, a);
    std::fs::remove_dir_all(&dir).ok();
}

fn cocite_cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cocite"))
        .args(args)
        .output()
        .expect("runs");
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        s(&out.stdout),
        s(&out.stderr),
    )
}

#[test]
fn cli_citation_network_and_stats() {
    let file = dag_file();
    let f = file.to_str().unwrap();
    let (code, out, err) = cocite_cli(&[
        "network",
        f,
        "--kind",
        "citation",
        "--select",
        "all",
        "--main-path",
        "spc",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        j["main_path"],
        serde_json::json!(["WOS:A", "WOS:C", "WOS:D", "WOS:F", "WOS:H"])
    );
    assert_eq!(j["edges"], 9);
    // Top node: A (LCS 2, tied with B and E, first by id; GCS 100).
    assert_eq!(
        (
            j["top_nodes"][0]["lcs"].as_u64(),
            j["top_nodes"][0]["gcs"].as_u64()
        ),
        (Some(2), Some(100))
    );
    // The default selection of a citation network is top:20 (here: all 8 records).
    let (code, out, _) = cocite_cli(&[
        "network",
        f,
        "--kind",
        "citation",
        "--layout",
        "historiograph",
        "--main-path",
        "splc",
        "--main-path-search",
        "key-route:2",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("selection top:20 by local citations (LCS)"),
        "{out}"
    );
    assert!(out.contains("main path (SPLC, key-route:2): WOS:"), "{out}");
    let (code, out, _) = cocite_cli(&["stats", f, "--json"]);
    assert_eq!(code, 0);
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            s["citation_links"].as_u64(),
            s["citation_links_by_doi"].as_u64(),
            s["citation_links_by_descriptor"].as_u64()
        ),
        (Some(9), Some(8), Some(1))
    );
    // LCS 2: A (GCS 100), B (90), E (60), by GCS.
    let top: Vec<&str> = s["top_local"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(top, ["WOS:A", "WOS:B", "WOS:E"]);
    let (_, text, _) = cocite_cli(&["stats", f]);
    assert!(text.contains("top records by local citations (LCS), with global citations (GCS):"));
    // Wrong combinations are usage errors.
    let (code, _, err) = cocite_cli(&["network", f, "--core", "2"]);
    assert_eq!(code, 2);
    assert!(err.contains("--kind citation"), "{err}");
    let (code, _, err) = cocite_cli(&["network", f, "--main-path", "spc"]);
    assert_eq!(code, 2);
    assert!(err.contains("citation network"), "{err}");
    let (code, _, err) = cocite_cli(&[
        "network",
        f,
        "--kind",
        "citation",
        "--main-path-search",
        "key-route:0",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("k ≥ 1"), "{err}");
}

#[test]
fn directed_networks_are_clustered_as_undirected_and_shown_by_publication_year() {
    use cocite::network::{Link, Network, Node};
    let link = |s, t, y| Link {
        source: s,
        target: t,
        weight: 1.0,
        count: 1.0,
        first_year: y,
    };
    let node = |y: i32, cited: &[(i32, u32)]| Node {
        year: Some(y),
        per_year: cited.iter().copied().collect(),
        ..Default::default()
    };
    // 0 (2000) and 1 (2001) cite each other (an early-access pair); 2 (2003) cites 1;
    // 3 (2002) is not cited and cites nothing.
    let net = Network {
        kind: NodeKind::Citation,
        directed: true,
        nodes: vec![
            node(2000, &[(2001, 1)]),
            node(2001, &[(2000, 1), (2003, 1)]),
            node(2003, &[]),
            node(2002, &[]),
        ],
        links: vec![link(0, 1, 2000), link(1, 0, 2001), link(2, 1, 2003)],
    };
    // One undirected edge per linked pair: {0,1} once, {1,2}.
    assert_eq!(net.undirected_links(), [(0, 1, 1.0), (1, 2, 1.0)]);
    assert_eq!(net.graph().edge_count(), 2);
    assert_eq!(net.adjacency()[1].len(), 2);
    // The window shows records published in it (3 is never cited, still shown from
    // 2002), and the links among them.
    let w = net.window(2000, 2002);
    assert_eq!(w.nodes, [true, true, false, true]);
    assert_eq!(w.links, [true, true, false]);
    assert_eq!(net.window(2000, 2000).visible_nodes, 1);
    // An undirected network keeps the node-count rule.
    let mut undirected = net.clone();
    undirected.kind = NodeKind::Reference;
    assert_eq!(
        undirected.window(2002, 2002).nodes,
        [false, false, false, false]
    );
}
