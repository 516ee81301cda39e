//! The records behind each node: for every node of a network, the records of the
//! corpus that contain it (cite the reference, use the keyword, ...), so that every
//! count on screen can be traced to its records.

use super::items::extract;
use super::{Network, NodeKind};
use crate::model::Corpus;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// For each node of `net` (built from `corpus` over `span` with `thesaurus`), the
/// indices of the records in the span that contain it (cite the reference, use the
/// keyword, ...; for coupling, the record itself; for a citation network, the records
/// citing it), sorted. Every count on screen can
/// be traced to these records.
pub fn node_records(
    corpus: &Corpus,
    net: &Network,
    span: Option<(i32, i32)>,
    thesaurus: &[(String, String)],
) -> Vec<Vec<u32>> {
    if net.kind == NodeKind::Reference && thesaurus.is_empty() {
        return reference_node_records(corpus, net, span);
    }
    if net.kind == NodeKind::Citation {
        return super::citation::node_records(corpus, net, span);
    }
    extracted_node_records(corpus, net, span, thesaurus)
}

/// [`node_records`] of any network: the items of every record are extracted again and
/// matched to the nodes by key.
fn extracted_node_records(
    corpus: &Corpus,
    net: &Network,
    span: Option<(i32, i32)>,
    thesaurus: &[(String, String)],
) -> Vec<Vec<u32>> {
    let items = extract(corpus, net.kind, thesaurus);
    let by_key: FxHashMap<&str, u32> = net
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i as u32))
        .collect();
    let node_of: Vec<Option<u32>> = (0..items.len() as u32)
        .map(|i| by_key.get(items.key(corpus, i)).copied())
        .collect();
    let (from, to) = span.unwrap_or((i32::MIN, i32::MAX));
    let mut out = vec![Vec::new(); net.nodes.len()];
    for (ri, r) in corpus.records.iter().enumerate() {
        if !r.year.is_some_and(|y| (from..=to).contains(&y)) {
            continue;
        }
        for &g in &items.per_record[ri] {
            if let Some(n) = node_of[g as usize] {
                out[n as usize].push(ri as u32);
            }
        }
    }
    out
}

/// [`node_records`] of a reference network without thesaurus: a node's id is its cited
/// work's key, so the nodes are found in the table of cited works and each record's
/// reference list is scanned once (in parallel) against a dense table, without
/// extracting the items of the whole corpus again.
fn reference_node_records(
    corpus: &Corpus,
    net: &Network,
    span: Option<(i32, i32)>,
) -> Vec<Vec<u32>> {
    let mut node_of = vec![u32::MAX; corpus.refs.len()];
    for (i, n) in net.nodes.iter().enumerate() {
        if let Some(rid) = corpus.refs.lookup(&n.id) {
            node_of[rid as usize] = i as u32;
        }
    }
    let (from, to) = span.unwrap_or((i32::MIN, i32::MAX));
    let chunk = corpus
        .records
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 8)
        .max(1);
    // (node, record) pairs of each chunk of records, chunks in record order.
    let pairs: Vec<Vec<(u32, u32)>> = corpus
        .records
        .par_chunks(chunk)
        .enumerate()
        .map(|(c, recs)| {
            let mut out = Vec::new();
            for (k, r) in recs.iter().enumerate() {
                if !r.year.is_some_and(|y| (from..=to).contains(&y)) {
                    continue;
                }
                let ri = (c * chunk + k) as u32;
                out.extend(
                    r.refs
                        .iter()
                        .map(|&rid| node_of[rid as usize])
                        .filter(|&n| n != u32::MAX)
                        .map(|n| (n, ri)),
                );
            }
            out
        })
        .collect();
    let mut out = vec![Vec::new(); net.nodes.len()];
    for (n, ri) in pairs.into_iter().flatten() {
        out[n as usize].push(ri);
    }
    out
}

/// The records that contain both nodes (for a link: the records that co-cite both ends).
pub fn shared_records(node_records: &[Vec<u32>], a: usize, b: usize) -> Vec<u32> {
    let (x, y) = (&node_records[a], &node_records[b]);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CitedRef, record::ParsedRecord};
    use crate::network::{NetworkParams, Selection, build};

    #[test]
    fn reference_node_records_match_extracted_items() {
        // 80 records, 2000–2007, each citing 6 of 25 works (chosen by a fixed
        // pseudo-random walk); the span leaves out the first and last year.
        let mut c = Corpus::new();
        let mut x = 7u64;
        for i in 0..80 {
            let refs = (0..6)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let w = (x >> 33) % 25;
                    CitedRef::parse(&format!("Author{w} A, {}, J W{w}, V{w}, P1", 1990 + w))
                })
                .collect();
            c.push(
                ParsedRecord {
                    uid: Some(format!("WOS:{i}")),
                    year: Some(2000 + i % 8),
                    cited_refs: refs,
                    ..Default::default()
                },
                0,
            );
        }
        let params = NetworkParams {
            from: Some(2001),
            to: Some(2006),
            select: Selection::Top { n: 8 },
            ..Default::default()
        };
        let a = build(&c, &params, &crate::progress::silent).expect("network");
        assert!(a.network.nodes.len() >= 8);
        let fast = reference_node_records(&c, &a.network, a.span);
        assert_eq!(fast, extracted_node_records(&c, &a.network, a.span, &[]));
        assert!(fast.iter().all(|r| !r.is_empty()));
        for (n, recs) in a.network.nodes.iter().zip(&fast) {
            assert_eq!(recs.len() as u32, n.count, "{}", n.id);
        }
    }
}
