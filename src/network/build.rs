//! Time-sliced network building (CiteSpace's procedure, Chen 2006, JASIST 57(3)):
//!
//! 1. The span `[from, to]` is cut into consecutive slices of `slice` years (the last
//!    one may be shorter). Each slice uses only the records published in it.
//! 2. In each slice every record is a *transaction* holding its items (cited references,
//!    keywords, ... see [`super::items`]); an item's slice count is the number of
//!    transactions holding it. For **bibliographic coupling** the roles swap: the nodes
//!    are the slice's records and each cited work is a transaction holding the records
//!    that cite it, so a record's count is its number of references and c_ij is the
//!    number of references two records share.
//! 3. The selection rule keeps the slice's most important items ([`super::select`]).
//! 4. Co-occurrences among the kept items are counted (full or fractional counting),
//!    turned into link strengths ([`super::normalize`]), filtered by the `cc`/`ccv`
//!    thresholds where the rule has them, and optionally pruned per slice.
//! 5. The merged network is the union of the slices' kept items. Node counts and
//!    per-year counts are taken over all records of the span (local counts). A merged
//!    link exists where some slice network had it; its count is the sum of its slice
//!    counts, its strength is recomputed from that sum and the nodes' span counts with
//!    the same measure, and its `first_year` is the start of the first slice that had
//!    it. The merged network may then be pruned.
//!
//! Node order is deterministic: by span count descending, then key ascending (node 0
//! is the most cited). Co-occurrence counting runs in parallel over nodes with a dense
//! accumulator per thread (a sparse matrix product A·Aᵀ row by row), so memory grows
//! with the links kept, not with the pairs seen.

use super::items::{Items, extract};
use super::normalize::strength;
use super::params::{NetworkError, NetworkParams};
use super::slice::{SliceNet, build_slice, prune_links, slices};
use super::types::SliceInfo;
use super::{Counting, Link, Network, Node, NodeKind, Prune};
use crate::model::Corpus;
use crate::progress::Progress;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::time::Instant;

/// Counts co-occurrences among `k` items in transactions of local item ids (each sorted,
/// unique). Returns (i, j, c_ij) with i < j, sorted. Fractional counting gives each pair
/// of a transaction with n items 1/(n − 1).
pub fn cooccurrence(trans: &[Vec<u32>], k: usize, counting: Counting) -> Vec<(u32, u32, f64)> {
    let mut inv: Vec<Vec<u32>> = vec![Vec::new(); k];
    for (t, items) in trans.iter().enumerate() {
        if items.len() >= 2 {
            for &i in items {
                inv[i as usize].push(t as u32);
            }
        }
    }
    let threads = rayon::current_num_threads().max(1);
    let min_len = (k / (threads * 8)).max(1);
    let rows = (0..k)
        .into_par_iter()
        .with_min_len(min_len)
        .map_init(
            || (vec![0f64; k], Vec::<u32>::new()),
            |(acc, touched), i| {
                for &t in &inv[i] {
                    let items = &trans[t as usize];
                    let w = match counting {
                        Counting::Full => 1.0,
                        Counting::Fractional => 1.0 / (items.len() - 1) as f64,
                    };
                    let start = items.partition_point(|&j| j as usize <= i);
                    for &j in &items[start..] {
                        if acc[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        acc[j as usize] += w;
                    }
                }
                touched.sort_unstable();
                touched
                    .drain(..)
                    .map(|j| {
                        let c = std::mem::take(&mut acc[j as usize]);
                        (i as u32, j, c)
                    })
                    .collect::<Vec<_>>()
            },
        )
        .collect::<Vec<Vec<_>>>();
    // One exact-size buffer: growing a vector of millions of links by doubling would
    // touch twice the memory.
    let mut out = Vec::with_capacity(rows.iter().map(Vec::len).sum());
    for r in rows {
        out.extend_from_slice(&r);
    }
    out
}

/// What the records lack when a network has no links.
fn no_link_note(corpus: &Corpus, kind: NodeKind) -> String {
    match kind {
        NodeKind::Reference | NodeKind::Author | NodeKind::Journal | NodeKind::Coupling if corpus.cited_lines == 0 => {
            "The records have no cited references, so there is nothing to co-cite or couple. \
             In Web of Science export \"Full Record and Cited References\" (plain text or tab-delimited); \
             in Scopus include \"References\"."
                .to_string()
        }
        NodeKind::Coauthor | NodeKind::Institution | NodeKind::Country => {
            "No two items occur together: the records have single authors/addresses or no C1 addresses. \
             Export full records with addresses, or choose another node kind."
                .to_string()
        }
        NodeKind::Keyword => "No two keywords occur together: the records lack DE/ID keywords. \
             Export full records (with author keywords and Keywords Plus)."
            .to_string(),
        NodeKind::Category => "No two subject categories occur together: the records lack Web of Science \
             categories (WC) or have one each. Export full records from Web of Science."
            .to_string(),
        NodeKind::Term => "No two terms occur together: the records' titles, abstracts and keywords \
             give no noun phrases of 2–4 words in common."
            .to_string(),
        _ => "The network has no links: no two selected items co-occur in any slice. \
             Try a longer slice, a larger selection (e.g. top:100 or g:25) or a wider time span."
            .to_string(),
    }
}

/// What the network stage produced: the merged network and how it came about.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Built {
    pub network: Network,
    /// The years analysed, `from..=to` after defaults were resolved.
    pub span: Option<(i32, i32)>,
    pub slices: Vec<SliceInfo>,
    /// Records per publication year within the span.
    pub records_per_year: BTreeMap<i32, usize>,
    /// Messages for the user (e.g. "the records have no cited references").
    pub notes: Vec<String>,
    /// Milliseconds per step (`items`, `slices`, `merge`).
    pub timings_ms: BTreeMap<String, f64>,
}

/// Builds the merged network for `params`.
pub fn build(
    corpus: &Corpus,
    params: &NetworkParams,
    progress: Progress,
) -> Result<Built, NetworkError> {
    if params.kind == NodeKind::Citation {
        return super::citation::build(corpus, params, progress);
    }
    params.validate()?;
    let mut timings = BTreeMap::new();
    let t = Instant::now();
    let items = extract(corpus, params.kind, &params.thesaurus);
    timings.insert("items".to_string(), ms(t));

    let (ymin, ymax) = corpus.year_range().ok_or(NetworkError::NoYears)?;
    let from = params.from.unwrap_or(ymin);
    let to = params.to.unwrap_or(ymax);
    if from > to {
        return Err(NetworkError::FromAfterTo { from, to });
    }
    let spans = slices(from, to, params.slice);
    let mut by_slice: Vec<Vec<usize>> = vec![Vec::new(); spans.len()];
    let mut records_per_year = BTreeMap::new();
    let step = params.slice.max(1) as i32;
    for (ri, r) in corpus.records.iter().enumerate() {
        if let Some(y) = r.year.filter(|y| (from..=to).contains(y)) {
            by_slice[((y - from) / step) as usize].push(ri);
            *records_per_year.entry(y).or_insert(0) += 1;
        }
    }

    let t = Instant::now();
    let mut scratch = vec![0u32; items.len()];
    let mut nets = Vec::with_capacity(spans.len());
    for (i, (span, recs)) in spans.iter().zip(&by_slice).enumerate() {
        nets.push(build_slice(
            &items,
            corpus,
            params,
            recs,
            *span,
            i,
            spans.len(),
            &mut scratch,
        ));
        if !progress("slices", (i + 1) as f32 / spans.len() as f32) {
            break;
        }
    }
    timings.insert("slices".to_string(), ms(t));

    let t = Instant::now();
    let mut network = merge(corpus, params, &items, &nets, &by_slice);
    timings.insert("merge slices".to_string(), ms(t));

    if params.kind == NodeKind::Coupling {
        super::citation::annotate_documents(corpus, &mut network, (from, to), |i| {
            super::items::record_key(&corpus.records[i], i)
        });
    }
    let mut notes = Vec::new();
    if network.links.is_empty() {
        notes.push(no_link_note(corpus, params.kind));
    }
    Ok(Built {
        network,
        span: Some((from, to)),
        slices: nets.into_iter().map(|n| n.info).collect(),
        records_per_year,
        notes,
        timings_ms: timings,
    })
}

/// The merged network: the union of the slices' kept items (node order: count
/// descending, then key), their span counts, and the slices' links summed.
fn merge(
    corpus: &Corpus,
    params: &NetworkParams,
    items: &Items,
    nets: &[SliceNet],
    by_slice: &[Vec<usize>],
) -> Network {
    // Union of selected items with the first slice that kept them.
    let mut first_slice: FxHashMap<u32, i32> = FxHashMap::default();
    for n in nets {
        for &g in &n.selected {
            first_slice.entry(g).or_insert(n.info.from);
        }
    }
    let mut nodes = merged_nodes(corpus, params, items, &first_slice, by_slice);
    nodes.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut index = vec![u32::MAX; items.len()];
    for (i, (g, _)) in nodes.iter().enumerate() {
        index[*g as usize] = i as u32;
    }
    let nodes: Vec<Node> = nodes.into_iter().map(|(_, n)| n).collect();
    let total_records: usize = by_slice.iter().map(Vec::len).sum();
    let links = merged_links(params, nets, &index, &nodes, total_records as f64);
    Network {
        kind: params.kind,
        directed: false,
        nodes,
        links,
    }
}

/// Span counts per year of each item in `first_slice`.
fn span_counts(
    corpus: &Corpus,
    params: &NetworkParams,
    items: &Items,
    first_slice: &FxHashMap<u32, i32>,
    by_slice: &[Vec<usize>],
) -> FxHashMap<u32, BTreeMap<i32, u32>> {
    let mut per_year: FxHashMap<u32, BTreeMap<i32, u32>> = FxHashMap::default();
    for &r in by_slice.iter().flatten() {
        let rec = &corpus.records[r];
        let Some(y) = rec.year else { continue };
        if params.kind == NodeKind::Coupling {
            if let Some(&g) = items.per_record[r].first()
                && first_slice.contains_key(&g)
            {
                *per_year.entry(g).or_default().entry(y).or_insert(0) += rec.refs.len() as u32;
            }
            continue;
        }
        for &g in &items.per_record[r] {
            if first_slice.contains_key(&g) {
                *per_year.entry(g).or_default().entry(y).or_insert(0) += 1;
            }
        }
    }
    per_year
}

/// The merged nodes (item id, node), unordered.
fn merged_nodes(
    corpus: &Corpus,
    params: &NetworkParams,
    items: &Items,
    first_slice: &FxHashMap<u32, i32>,
    by_slice: &[Vec<usize>],
) -> Vec<(u32, Node)> {
    let mut per_year = span_counts(corpus, params, items, first_slice, by_slice);
    // Coupling nodes are records: their global "times cited" is shown beside the local count.
    let record_of: FxHashMap<u32, usize> = if params.kind == NodeKind::Coupling {
        by_slice
            .iter()
            .flatten()
            .filter_map(|&r| items.per_record[r].first().map(|&g| (g, r)))
            .collect()
    } else {
        FxHashMap::default()
    };
    first_slice
        .iter()
        .map(|(&g, &fs)| {
            let py = per_year.remove(&g).unwrap_or_default();
            let count = py.values().sum();
            let year = items.year(corpus, g).or_else(|| py.keys().next().copied());
            let times_cited = record_of
                .get(&g)
                .and_then(|&r| corpus.records[r].times_cited);
            let node = Node {
                id: items.key(corpus, g).to_string(),
                label: items.label(corpus, g).to_string(),
                count,
                per_year: py,
                first_slice: fs,
                year,
                doi: items.doi(corpus, g).map(String::from),
                times_cited,
                sigma: 1.0,
                ..Default::default()
            };
            (g, node)
        })
        .collect()
}

/// The merged links: every slice's links in node indices (`index` of item ids), one
/// link's counts summed, its first year the earliest slice's, its strength recomputed
/// from the span counts; then pruned when asked.
fn merged_links(
    params: &NetworkParams,
    nets: &[SliceNet],
    index: &[u32],
    nodes: &[Node],
    n_rec: f64,
) -> Vec<Link> {
    // All slice links as (a, b, count, first year), sorted so that one link's slices
    // are adjacent (slices come in time order, so the first of a run is the earliest).
    let mut all: Vec<(u32, u32, f64, i32)> =
        Vec::with_capacity(nets.iter().map(|n| n.links.len()).sum());
    for n in nets {
        all.extend(n.links.iter().map(|&(gi, gj, c)| {
            let (a, b) = (index[gi as usize], index[gj as usize]);
            (a.min(b), a.max(b), c, n.info.from)
        }));
    }
    all.par_sort_by_key(|&(a, b, _, y)| (a, b, y));
    let mut links: Vec<Link> = Vec::with_capacity(all.len());
    for (a, b, c, y) in all {
        match links.last_mut() {
            Some(l) if (l.source, l.target) == (a, b) => l.count += c,
            _ => links.push(Link {
                source: a,
                target: b,
                weight: 0.0,
                count: c,
                first_year: y,
            }),
        }
    }
    for l in &mut links {
        let (ca, cb) = (
            nodes[l.source as usize].count as f64,
            nodes[l.target as usize].count as f64,
        );
        l.weight = strength(params.measure, l.count, ca, cb, n_rec);
    }
    if params.prune_merged && params.prune != Prune::None {
        let triples: Vec<(u32, u32, f64)> = links
            .iter()
            .map(|l| (l.source, l.target, l.weight))
            .collect();
        let keep = prune_links(params.prune, nodes.len(), &triples);
        links = keep.into_iter().map(|e| links[e].clone()).collect();
    }
    links
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
