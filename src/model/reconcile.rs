//! Reconciling citations of one work written with and without its DOI
//! ([`Corpus::reconcile_refs`]).
//!
//! Rule: a cited work without DOI is merged into the work with a DOI that has the same
//! **descriptor** — first-author key ([`author_key`]), year, volume and first page
//! (volume and page compared in upper case) — when exactly one work with a DOI has
//! that descriptor. Works lacking any of the four parts are left alone.
//!
//! Implementation: the descriptors of all works are hashed in parallel and the
//! (hash, work) pairs sorted in parallel; works with equal descriptors then sit in one
//! run of equal hashes, where the descriptors themselves are compared. This needs 12
//! bytes per work instead of a hash map keyed by borrowed descriptors (70–80 bytes a
//! bucket, over a gigabyte for ten million works, touched on one thread).

use super::corpus::{CitedWork, Corpus, RefTable};
use super::record::RefId;
use super::ref_key::{author_key, push_author_key};
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::hash::BuildHasher;

/// `s` in upper case, borrowed when it already is (volumes and pages nearly always).
fn upper(s: &str) -> Cow<'_, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_lowercase()) {
        return s.into();
    }
    let u = s.to_uppercase();
    if u == s { s.into() } else { u.into() }
}

/// A work's descriptor: author key, year, volume and page in upper case.
type Desc<'a> = (String, i32, Cow<'a, str>, Cow<'a, str>);

fn desc(w: CitedWork<'_>) -> Option<Desc<'_>> {
    let (year, volume, page) = (w.year?, w.volume()?, w.page()?);
    Some((author_key(w.author()), year, upper(volume), upper(page)))
}

/// The hash of a work's descriptor; `buf` is scratch space for the author key.
fn desc_hash(w: CitedWork<'_>, buf: &mut String) -> Option<u64> {
    let (year, volume, page) = (w.year?, w.volume()?, w.page()?);
    buf.clear();
    push_author_key(buf, w.author());
    Some(FxBuildHasher.hash_one((buf.as_str(), year, upper(volume), upper(page))))
}

/// The merges of one run of works whose descriptors hash alike: within each group of
/// equal descriptors, the works without DOI go to the group's one work with a DOI.
fn run_merges(works: &RefTable, run: &[(u64, RefId)]) -> Vec<(RefId, RefId)> {
    if run.len() < 2 {
        return Vec::new();
    }
    let mut descs: Vec<(Desc, RefId)> = run
        .iter()
        .filter_map(|&(_, id)| Some((desc(works.get(id))?, id)))
        .collect();
    descs.sort_unstable();
    let mut out = Vec::new();
    for group in descs.chunk_by(|a, b| a.0 == b.0) {
        let mut with_doi = group.iter().filter(|(_, id)| works.get(*id).doi.is_some());
        let (Some(&(_, target)), None) = (with_doi.next(), with_doi.next()) else {
            continue;
        };
        out.extend(
            group
                .iter()
                .filter(|(_, id)| works.get(*id).doi.is_none())
                .map(|&(_, id)| (id, target)),
        );
    }
    out
}

impl Corpus {
    /// Merges cited works written without DOI into the work with a DOI when their
    /// author key, year, volume and page match exactly one work that has a DOI
    /// (module docs). Returns the number of DOI-less works merged. Record reference
    /// lists are rewritten (and de-duplicated); unused works stay in the table but are
    /// no longer cited.
    pub fn reconcile_refs(&mut self) -> usize {
        let works = &self.refs;
        // Every work gets a place (an exactly sized, indexed collect: a filtered one
        // gathers pieces and copies them, which took over 1 GB for 10 million works);
        // works without descriptor share the hash u64::MAX, a run that `run_merges`
        // finds empty of descriptors.
        let mut hashed: Vec<(u64, RefId)> = works
            .par_iter()
            .enumerate()
            .map_init(String::new, |buf, (i, w)| {
                (desc_hash(w, buf).unwrap_or(u64::MAX), i as RefId)
            })
            .collect();
        hashed.par_sort_unstable();
        let merges: Vec<(RefId, RefId)> = hashed
            .par_chunk_by(|a, b| a.0 == b.0)
            .flat_map_iter(|run| run_merges(works, run))
            .collect();
        drop(hashed);
        let remap: FxHashMap<RefId, RefId> = merges.into_iter().collect();
        if remap.is_empty() {
            return 0;
        }
        self.merge.remap_pairs(&remap);
        // A dense table: every citation of every record is looked up once.
        let mut dense: Vec<RefId> = (0..works.len() as RefId).collect();
        for (&from, &to) in &remap {
            dense[from as usize] = to;
        }
        self.records.par_iter_mut().for_each(|r| {
            if r.refs.iter().any(|&id| dense[id as usize] != id) {
                let mut seen = FxHashSet::default();
                r.refs = r
                    .refs
                    .iter()
                    .map(|&id| dense[id as usize])
                    .filter(|id| seen.insert(*id))
                    .collect();
            }
        });
        remap.len()
    }
}
