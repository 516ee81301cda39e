//! Direct citations on the shared WoS sets, checked against citations counted here from
//! the raw text with a reader of this file's own, and the main paths and historiograph
//! of the BCI set.

#[path = "common/citation_dag.rs"]
mod citation_dag;
use citation_dag::*;

use cocite::io::load;
use cocite::layout::TimeParams;
use cocite::model::Corpus;
use cocite::network::Selection;
use cocite::network::citation;
use cocite::pipeline::mainpath::{PathSearch, Traversal};
use cocite::pipeline::{self, ClusterMethod};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
#[path = "common/shared.rs"]
mod shared_dir;
use shared_dir::shared;

// The shared WoS sets, against a reader of this file's own.

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
