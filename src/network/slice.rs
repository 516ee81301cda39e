//! One time slice's network (CiteSpace's procedure, Chen 2006): the slice's records
//! as transactions, its candidates counted, the selection rule applied, co-occurrences
//! among the kept items counted, thresholded and optionally pruned.

use super::build::cooccurrence;
use super::items::Items;
use super::normalize::strength;
use super::params::NetworkParams;
use super::reduce::{reduce, within_look_back};
use super::select::{interpolate, select};
use super::types::SliceInfo;
use super::{Measure, NodeKind, Prune, Selection, prune};
use crate::model::Corpus;
use rustc_hash::FxHashMap;

/// The slices of a span: `[from, to]` in steps of `slice` years.
pub fn slices(from: i32, to: i32, slice: u32) -> Vec<(i32, i32)> {
    let step = slice.max(1) as i32;
    let mut out = Vec::new();
    let mut a = from;
    while a <= to {
        let b = (a + step - 1).min(to);
        out.push((a, b));
        a = b + 1;
    }
    out
}

/// One slice's network in global item ids.
pub(super) struct SliceNet {
    pub info: SliceInfo,
    pub selected: Vec<u32>,
    /// (global i, global j, c_ij) with i < j.
    pub links: Vec<(u32, u32, f64)>,
}

/// The items of record `r` whose citations lie within `lby` look-back years
/// ([`super::reduce::within_look_back`]), sorted and unique.
fn look_back_items(items: &Items, corpus: &Corpus, r: usize, lby: u32) -> Vec<u32> {
    let rec = &corpus.records[r];
    let mut out: Vec<u32> = rec
        .refs
        .iter()
        .filter(|&&rid| within_look_back(rec.year, corpus.refs.get(rid).year, Some(lby)))
        .filter_map(|&rid| items.item_of_ref(rid))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Coupling transactions of a slice: for each cited work, the slice's records citing it.
fn coupling_transactions(items: &Items, corpus: &Corpus, recs: &[usize]) -> Vec<Vec<u32>> {
    let mut by_ref: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for &r in recs {
        let Some(&node) = items.per_record[r].first() else {
            continue;
        };
        for &rid in &corpus.records[r].refs {
            by_ref.entry(rid).or_default().push(node);
        }
    }
    let mut keys: Vec<u32> = by_ref.keys().copied().collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| {
            let mut v = by_ref.remove(&k).unwrap_or_default();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn build_slice(
    items: &Items,
    corpus: &Corpus,
    params: &NetworkParams,
    recs: &[usize],
    span: (i32, i32),
    index: usize,
    n_slices: usize,
    scratch: &mut [u32],
) -> SliceNet {
    let owned;
    let trans: Vec<&[u32]> = if params.kind == NodeKind::Coupling {
        owned = coupling_transactions(items, corpus, recs);
        owned.iter().map(Vec::as_slice).collect()
    } else if let Some(lby) = params.look_back.filter(|_| params.kind.is_cocitation()) {
        owned = recs
            .iter()
            .map(|&r| look_back_items(items, corpus, r, lby))
            .collect();
        owned.iter().map(Vec::as_slice).collect()
    } else {
        recs.iter()
            .map(|&r| items.per_record[r].as_slice())
            .collect()
    };
    let mut touched = Vec::new();
    for t in &trans {
        for &i in *t {
            if scratch[i as usize] == 0 {
                touched.push(i);
            }
            scratch[i as usize] += 1;
        }
    }
    let mut cands: Vec<(u32, u32)> = touched.iter().map(|&i| (i, scratch[i as usize])).collect();
    let candidates = cands.len();
    let mut selected = select(
        &mut cands,
        &|i| items.key(corpus, i),
        &params.select,
        index,
        n_slices,
    );
    selected.sort_unstable();
    // Local ids: position in `selected`; scratch holds local id + 1 for selected items.
    let counts: Vec<f64> = selected
        .iter()
        .map(|&g| scratch[g as usize] as f64)
        .collect();
    for &i in &touched {
        scratch[i as usize] = 0;
    }
    for (l, &g) in selected.iter().enumerate() {
        scratch[g as usize] = l as u32 + 1;
    }
    let local: Vec<Vec<u32>> = trans
        .iter()
        .map(|t| {
            let mut v: Vec<u32> = t
                .iter()
                .filter_map(|&g| scratch[g as usize].checked_sub(1))
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    for &g in &selected {
        scratch[g as usize] = 0;
    }
    let links = slice_links(&local, &counts, recs.len(), params, index, n_slices);
    let global: Vec<(u32, u32, f64)> = links
        .into_iter()
        .map(|(i, j, c)| (selected[i as usize], selected[j as usize], c))
        .collect();
    SliceNet {
        info: SliceInfo {
            from: span.0,
            to: span.1,
            records: recs.len(),
            candidates,
            selected: selected.len(),
            links: global.len(),
        },
        selected,
        links: global,
    }
}

/// The links among a slice's selected items (local ids, transactions `local`, slice
/// counts `counts` of `records` records): co-occurrences filtered by the `cc`/`ccv`
/// thresholds where the rule has them, reduced by L/N and LRF ([`reduce`]) on the
/// measure's strength, then pruned per slice when asked. Returns (i, j, c_ij).
fn slice_links(
    local: &[Vec<u32>],
    counts: &[f64],
    records: usize,
    params: &NetworkParams,
    index: usize,
    n_slices: usize,
) -> Vec<(u32, u32, f64)> {
    let n = records as f64;
    let (cc, ccv) = match params.select {
        Selection::Threshold {
            first,
            middle,
            last,
        } => {
            let t = interpolate(first, middle, last, index, n_slices);
            (t[1], t[2])
        }
        _ => (0.0, 0.0),
    };
    let links: Vec<(u32, u32, f64)> = cooccurrence(local, counts.len(), params.counting)
        .into_iter()
        .filter(|&(i, j, c)| {
            let (ci, cj) = (counts[i as usize], counts[j as usize]);
            c >= cc && (ccv <= 0.0 || strength(Measure::Cosine, c, ci, cj, n) >= ccv)
        })
        .collect();
    let weighted = |links: &[(u32, u32, f64)]| -> Vec<(u32, u32, f64)> {
        links
            .iter()
            .map(|&(i, j, c)| {
                let (ci, cj) = (counts[i as usize], counts[j as usize]);
                (i, j, strength(params.measure, c, ci, cj, n))
            })
            .collect()
    };
    let mut links: Vec<(u32, u32, f64)> = reduce(
        counts.len(),
        &weighted(&links),
        params.links_per_node,
        params.lrf,
    )
    .into_iter()
    .map(|e| links[e])
    .collect();
    if params.prune_slices && params.prune != Prune::None {
        let keep = prune_links(params.prune, counts.len(), &weighted(&links));
        links = keep.into_iter().map(|e| links[e]).collect();
    }
    links
}

pub(super) fn prune_links(method: Prune, n: usize, links: &[(u32, u32, f64)]) -> Vec<usize> {
    match method {
        Prune::None => (0..links.len()).collect(),
        Prune::Pathfinder => prune::pathfinder(n, links),
        Prune::Mst => prune::mst(n, links),
    }
}
