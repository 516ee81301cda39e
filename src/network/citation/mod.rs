//! The direct citation network of the loaded records (Garfield's historiograph as
//! bibliometrix's `histNetwork`/`histPlot` draw it; CitNetExplorer's citation network,
//! van Eck & Waltman 2014): nodes are records, a link runs from a citing record to a
//! record it cites ([`resolve`] says when a cited reference is a loaded record), and
//! the network is directed ([`Network::directed`]).
//!
//! For every record of the span:
//! - **LCS**, the local citation score: the records of the span citing it; it is the
//!   node's `count` (and `lcs`), and its citations per year of the citing records are
//!   its `per_year` (tree rings, bursts);
//! - **GCS**, the global citation score: its times cited in the database (WoS `TC`).
//!
//! The span is not sliced (a citation has one year: the citing record's, the link's
//! `first_year`). Which records become nodes:
//! 1. with `core: Some(k)`, only the **core publications** of the span: its k-core,
//!    every record having at least k citation links to other core records
//!    ([`explore::k_core`]);
//! 2. then the selection rule, on the LCS: `top:N` keeps the records whose LCS is at
//!    least the N-th largest (ties included, as bibliometrix's `histPlot` keeps them),
//!    `toppct:P` the top ⌈P% · records⌉ the same way, `g:k` the top g for the scaled
//!    g-index of the LCS, `threshold:c,..` the records with LCS ≥ c (the first
//!    triple's c), `all` every record;
//! 3. except with `all`, records left without a link to another selected record are
//!    dropped (bibliometrix's `delete.isolates`).
//!
//! Node order: LCS descending, then id. Node ids are [`resolve::record_id`]: accession
//! number, else DOI. Labels are the record as a short citation (`Vargo SL, 2004, J
//! MARKETING, V68, P1`); figures show `Vargo SL, 2004`. Link strength (1 for each
//! citation), counting and pruning do not apply.

pub mod explore;
pub mod resolve;

pub use explore::{Direction, core_publications, expand, k_core, neighbourhood, subnetwork};
pub use resolve::{CitationIndex, Match, record_id};

use super::build::Built;
use super::items::record_label;
use super::params::{NetworkError, NetworkParams};
use super::select::g_index;
use super::types::SliceInfo;
use super::{Link, Network, Node, NodeKind, Prune, Selection};
use crate::model::Corpus;
use crate::progress::Progress;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::time::Instant;

/// Builds the citation network of `corpus` for `params` (module docs).
pub fn build(
    corpus: &Corpus,
    params: &NetworkParams,
    progress: Progress,
) -> Result<Built, NetworkError> {
    params.validate()?;
    let (ymin, ymax) = corpus.year_range().ok_or(NetworkError::NoYears)?;
    let (from, to) = (params.from.unwrap_or(ymin), params.to.unwrap_or(ymax));
    if from > to {
        return Err(NetworkError::FromAfterTo { from, to });
    }
    let mut timings = BTreeMap::new();
    let t = Instant::now();
    let index = CitationIndex::build(corpus);
    timings.insert("citations".to_string(), ms(t));
    progress("citations", 0.5);
    let t = Instant::now();
    let in_span: Vec<bool> = corpus
        .records
        .iter()
        .map(|r| r.year.is_some_and(|y| (from..=to).contains(&y)))
        .collect();
    let mut records_per_year = BTreeMap::new();
    for y in corpus.records.iter().filter_map(|r| r.year) {
        if (from..=to).contains(&y) {
            *records_per_year.entry(y).or_insert(0) += 1;
        }
    }
    let lcs = index.local_scores(&in_span);
    let links_in_span = span_links(&index, &in_span);
    let mut keep = in_span.clone();
    if let Some(k) = params.core {
        k_core(&mut keep, &links_in_span, k);
    }
    let candidates = keep.iter().filter(|&&k| k).count();
    select_records(&mut keep, &lcs, &links_in_span, &params.select);
    let network = assemble(corpus, &index, &lcs, &in_span, &keep);
    timings.insert("select".to_string(), ms(t));
    let notes = notes(corpus, params, &index, &in_span, &network);
    let records = in_span.iter().filter(|&&x| x).count();
    Ok(Built {
        slices: vec![SliceInfo {
            from,
            to,
            records,
            candidates,
            selected: network.nodes.len(),
            links: network.links.len(),
        }],
        network,
        span: Some((from, to)),
        records_per_year,
        notes,
        timings_ms: timings,
    })
}

/// The citation links `(citing, cited)` among records with `within` true.
fn span_links(index: &CitationIndex, within: &[bool]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (s, cited) in index.cites.iter().enumerate() {
        if within[s] {
            out.extend(
                cited
                    .iter()
                    .filter(|(c, _)| within[*c as usize])
                    .map(|&(c, _)| (s as u32, c)),
            );
        }
    }
    out
}

/// Applies the selection rule to the records with `keep` true (module docs, 2–3).
fn select_records(keep: &mut [bool], lcs: &[u32], links: &[(u32, u32)], rule: &Selection) {
    let mut scores: Vec<u32> = (0..keep.len())
        .filter(|&i| keep[i])
        .map(|i| lcs[i])
        .collect();
    scores.sort_unstable_by(|a, b| b.cmp(a));
    let top = |n: usize| -> u32 {
        match n {
            0 => u32::MAX,
            n => scores.get(n - 1).or(scores.last()).copied().unwrap_or(0),
        }
    };
    let min = match *rule {
        Selection::All => return,
        Selection::Top { n } => top(n),
        Selection::TopPct { pct } => top((pct / 100.0 * scores.len() as f64).ceil() as usize),
        Selection::GIndex { k } => top(g_index(&scores, k)),
        Selection::Threshold { first, .. } => first[0].max(0.0).ceil() as u32,
    };
    for (k, &c) in keep.iter_mut().zip(lcs) {
        *k = *k && c >= min;
    }
    let mut linked = vec![false; keep.len()];
    for &(s, c) in links {
        if keep[s as usize] && keep[c as usize] {
            linked[s as usize] = true;
            linked[c as usize] = true;
        }
    }
    for (k, l) in keep.iter_mut().zip(linked) {
        *k = *k && l;
    }
}

/// The network of the kept records.
fn assemble(
    corpus: &Corpus,
    index: &CitationIndex,
    lcs: &[u32],
    in_span: &[bool],
    keep: &[bool],
) -> Network {
    let cited_by = index.cited_by();
    let mut nodes: Vec<(u32, Node)> = (0..keep.len())
        .filter(|&i| keep[i])
        .map(|i| {
            let r = &corpus.records[i];
            let mut per_year = BTreeMap::new();
            for &c in cited_by[i].iter().filter(|&&c| in_span[c as usize]) {
                if let Some(y) = corpus.records[c as usize].year {
                    *per_year.entry(y).or_insert(0u32) += 1;
                }
            }
            let node = Node {
                id: record_id(r, i),
                label: record_label(corpus, r),
                count: lcs[i],
                per_year,
                first_slice: r.year.unwrap_or(0),
                year: r.year,
                doi: r.doi.as_deref().map(String::from),
                lcs: Some(lcs[i]),
                gcs: r.times_cited,
                sigma: 1.0,
                ..Default::default()
            };
            (i as u32, node)
        })
        .collect();
    nodes.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut node_of = vec![u32::MAX; keep.len()];
    for (n, (rec, _)) in nodes.iter().enumerate() {
        node_of[*rec as usize] = n as u32;
    }
    let mut links: Vec<Link> = Vec::new();
    for (rec, _) in &nodes {
        let year = corpus.records[*rec as usize].year.unwrap_or(0);
        for &(c, _) in &index.cites[*rec as usize] {
            let target = node_of[c as usize];
            if target != u32::MAX {
                links.push(Link {
                    source: node_of[*rec as usize],
                    target,
                    weight: 1.0,
                    count: 1.0,
                    first_year: year,
                });
            }
        }
    }
    links.sort_by_key(|l| (l.source, l.target));
    Network {
        kind: NodeKind::Citation,
        directed: true,
        nodes: nodes.into_iter().map(|(_, n)| n).collect(),
        links,
    }
}

/// What the user should know about the network built.
fn notes(
    corpus: &Corpus,
    params: &NetworkParams,
    index: &CitationIndex,
    in_span: &[bool],
    net: &Network,
) -> Vec<String> {
    let mut notes = Vec::new();
    let mut by = [0usize; 3];
    for (s, cited) in index.cites.iter().enumerate() {
        if in_span[s] {
            for &(_, how) in cited.iter().filter(|(c, _)| in_span[*c as usize]) {
                by[how as usize] += 1;
            }
        }
    }
    let [by_id, by_doi, by_descriptor] = by;
    let ids = if by_id > 0 {
        format!("{by_id} by accession number, ")
    } else {
        String::new()
    };
    notes.push(format!(
        "{} citation links among the records of the span: {ids}{by_doi} by DOI, {by_descriptor} by first author, year, volume and first page",
        by_id + by_doi + by_descriptor
    ));
    if params.prune != Prune::None {
        notes.push("pruning does not apply to a citation network: every citation is a link".into());
    }
    if by.iter().sum::<usize>() == 0 {
        notes.push(if corpus.cited_lines == 0 {
            "The records have no cited references, so none can cite another. In Web of Science export \
             \"Full Record and Cited References\"; in Scopus include \"References\"."
                .to_string()
        } else {
            "No loaded record cites another loaded record: the records are not about one topic, \
             or their references carry neither DOIs nor volume and page."
                .to_string()
        });
    } else if net.links.is_empty() {
        notes.push("No two selected records are linked by a citation: select more records (e.g. top:100 or all).".into());
    }
    notes
}

/// For each node of a citation network built from `corpus` over `span`, the records
/// of the span citing it (its LCS), sorted.
pub fn node_records(corpus: &Corpus, net: &Network, span: Option<(i32, i32)>) -> Vec<Vec<u32>> {
    let index = CitationIndex::build(corpus);
    let cited_by = index.cited_by();
    let (from, to) = span.unwrap_or((i32::MIN, i32::MAX));
    let in_span = |r: u32| {
        corpus.records[r as usize]
            .year
            .is_some_and(|y| (from..=to).contains(&y))
    };
    node_record(corpus, net)
        .into_iter()
        .map(|rec| match rec {
            Some(r) => cited_by[r as usize]
                .iter()
                .copied()
                .filter(|&c| in_span(c))
                .collect(),
            None => Vec::new(),
        })
        .collect()
}

/// The record each node of a citation network stands for (by node id).
pub fn node_record(corpus: &Corpus, net: &Network) -> Vec<Option<u32>> {
    let ids: FxHashMap<String, u32> = corpus
        .records
        .iter()
        .enumerate()
        .map(|(i, r)| (record_id(r, i), i as u32))
        .collect();
    net.nodes.iter().map(|n| ids.get(&n.id).copied()).collect()
}

/// Local and global citation scores of every record of `corpus`: (LCS among all
/// loaded records, GCS from the database).
pub fn scores(corpus: &Corpus) -> Vec<(u32, Option<u32>)> {
    let index = CitationIndex::build(corpus);
    let lcs = index.local_scores(&vec![true; corpus.records.len()]);
    lcs.into_iter()
        .zip(corpus.records.iter().map(|r| r.times_cited))
        .collect()
}

/// Puts LCS (citing records of `span`) and GCS on the nodes of a network whose nodes
/// are records with ids `record_key` gives (bibliographic coupling).
pub fn annotate_documents(
    corpus: &Corpus,
    net: &mut Network,
    span: (i32, i32),
    record_key: impl Fn(usize) -> String,
) {
    let in_span: Vec<bool> = corpus
        .records
        .iter()
        .map(|r| r.year.is_some_and(|y| (span.0..=span.1).contains(&y)))
        .collect();
    let lcs = CitationIndex::build(corpus).local_scores(&in_span);
    let node_of: FxHashMap<String, usize> = net
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i))
        .collect();
    for (i, r) in corpus.records.iter().enumerate() {
        if in_span[i]
            && let Some(&n) = node_of.get(&record_key(i))
        {
            net.nodes[n].lcs = Some(lcs[i]);
            net.nodes[n].gcs = r.times_cited;
        }
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
