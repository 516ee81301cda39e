//! The table of unique cited works ([`RefTable`]), indexed by [`RefId`] in the order
//! the works were first cited.
//!
//! Storage: every work's label and key sit in large text chunks, and a work is a
//! 36-byte entry (where its text is, year, the byte ranges of author, source, volume
//! and page in its label). A DOI is not stored when the key already is `doi:` + the
//! DOI (rule 1 of [`super::cited_ref`]); other DOIs go to a small side table. Ten
//! million works take about 110 bytes each this way; as structs of reference-counted
//! strings behind a hash map keyed by them they took about 250.
//!
//! A work's DOI is the DOI of its first citation, or of the first later citation that
//! has one.

use super::cited_ref::CitedRef;
use super::index::{KeyIndex, hash_key, resolve};
use super::record::RefId;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// A unique cited work (all citations with the same key), as stored in a [`RefTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitedWork<'a> {
    /// Normalised key (see [`crate::model::cited_ref`]).
    pub key: &'a str,
    /// The reference as WoS writes it, from its first citation (`Vargo SL, 2004, J MARKETING, V68, P1`).
    pub label: &'a str,
    pub year: Option<i32>,
    pub doi: Option<&'a str>,
    /// First author, source, volume (without `V`) and first page (without `P`) as
    /// byte ranges of `label`, an empty range for a missing part (a volume or page is
    /// never empty).
    parts: [(u32, u32); 4],
}

impl<'a> CitedWork<'a> {
    fn part(&self, i: usize) -> Option<&'a str> {
        let (a, b) = self.parts[i];
        self.label
            .get(a as usize..b as usize)
            .filter(|p| !p.is_empty())
    }

    /// First author as written in the first citation (`Vargo SL`); empty if none.
    pub fn author(&self) -> &'a str {
        self.part(0).unwrap_or("")
    }

    /// Source as written in the first citation (`J MARKETING`); empty if none.
    pub fn source(&self) -> &'a str {
        self.part(1).unwrap_or("")
    }

    /// Volume without the `V` prefix, as written in the first citation.
    pub fn volume(&self) -> Option<&'a str> {
        self.part(2)
    }

    /// First page without the `P` prefix, as written in the first citation.
    pub fn page(&self) -> Option<&'a str> {
        self.part(3)
    }
}

/// Set in `Entry::key_len` when the DOI is the key without its `doi:` prefix.
const DOI_IN_KEY: u32 = 1 << 31;
/// `Entry::year` of a work without year.
const NO_YEAR: i32 = i32::MIN;

/// Where a work's text is, and its parts.
#[derive(Debug, Clone, Copy)]
struct Entry {
    chunk: u32,
    start: u32,
    label_len: u32,
    /// Key length, with [`DOI_IN_KEY`].
    key_len: u32,
    year: i32,
    /// Part ranges of the label as 16-bit offsets (labels up to 64 kB; longer ones
    /// keep theirs in `RefTable::long_parts`).
    parts: [u16; 8],
}

/// The works added by one step: entries, their text, and their side tables.
#[derive(Default)]
struct Added {
    text: String,
    entries: Vec<Entry>,
    dois: Vec<(RefId, Box<str>)>,
    long_parts: Vec<(RefId, [(u32, u32); 4])>,
    odd_doi_keys: Vec<RefId>,
}

impl Added {
    /// Adds work `id` from its first citation `r`, its text in chunk `chunk`.
    fn push(&mut self, id: RefId, chunk: u32, r: &CitedRef) {
        let start = self.text.len() as u32;
        self.text.push_str(&r.label);
        self.text.push_str(&r.key);
        let spans = r.spans();
        let mut parts = [0u16; 8];
        if r.label.len() <= u16::MAX as usize {
            for (k, (a, b)) in spans.iter().enumerate() {
                parts[2 * k] = *a as u16;
                parts[2 * k + 1] = *b as u16;
            }
        } else {
            self.long_parts.push((id, spans));
        }
        let doi_key = r.key.strip_prefix("doi:");
        let mut key_len = r.key.len() as u32;
        match r.doi.as_deref() {
            Some(d) if doi_key == Some(d) => key_len |= DOI_IN_KEY,
            Some(d) => self.dois.push((id, d.into())),
            None if doi_key.is_some() => self.odd_doi_keys.push(id),
            None => {}
        }
        self.entries.push(Entry {
            chunk,
            start,
            label_len: r.label.len() as u32,
            key_len,
            year: r.year.unwrap_or(NO_YEAR),
            parts,
        });
    }
}

/// Works added per text chunk by a batch.
const WORKS_PER_CHUNK: usize = 1 << 16;

/// The table of unique cited works, indexed by [`RefId`] (module docs).
#[derive(Debug, Clone, Default)]
pub struct RefTable {
    index: KeyIndex,
    chunks: Vec<Box<str>>,
    entries: Vec<Entry>,
    /// DOIs other than the key's.
    dois: FxHashMap<RefId, Box<str>>,
    long_parts: FxHashMap<RefId, [(u32, u32); 4]>,
    /// Works keyed `doi:` whose first citation had no DOI (or another): a later
    /// citation may still give them one (never the case for references parsed from
    /// text, whose key is made from their DOI).
    odd_doi_keys: FxHashSet<RefId>,
}

impl RefTable {
    fn key_of(&self, id: RefId) -> &str {
        let e = &self.entries[id as usize];
        let start = (e.start + e.label_len) as usize;
        &self.chunks[e.chunk as usize][start..start + (e.key_len & !DOI_IN_KEY) as usize]
    }

    /// The id of the work with this key.
    pub fn lookup(&self, key: &str) -> Option<RefId> {
        self.index.find(hash_key(key), |id| self.key_of(id) == key)
    }

    /// The work with id `id`.
    pub fn get(&self, id: RefId) -> CitedWork<'_> {
        let e = &self.entries[id as usize];
        let chunk = &self.chunks[e.chunk as usize];
        let start = e.start as usize;
        let label = &chunk[start..start + e.label_len as usize];
        let key_len = (e.key_len & !DOI_IN_KEY) as usize;
        let key = &chunk[start + label.len()..start + label.len() + key_len];
        let doi = if e.key_len & DOI_IN_KEY != 0 {
            key.strip_prefix("doi:")
        } else if self.dois.is_empty() {
            None
        } else {
            self.dois.get(&id).map(|d| &**d)
        };
        let parts = if label.len() <= u16::MAX as usize {
            let p = e.parts.map(u32::from);
            [(p[0], p[1]), (p[2], p[3]), (p[4], p[5]), (p[6], p[7])]
        } else {
            self.long_parts.get(&id).copied().unwrap_or_default()
        };
        CitedWork {
            key,
            label,
            year: (e.year != NO_YEAR).then_some(e.year),
            doi,
            parts,
        }
    }

    /// Every work, in id order, in parallel.
    pub fn par_iter(&self) -> impl IndexedParallelIterator<Item = CitedWork<'_>> {
        (0..self.entries.len() as RefId)
            .into_par_iter()
            .map(|id| self.get(id))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reserves room for `additional` more works, so that a large load neither copies
    /// the table on every doubling nor holds the old and the new table at once.
    /// Untouched reserved memory is only address space, not resident.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
        self.index.reserve(additional);
    }

    fn has_doi(&self, id: RefId) -> bool {
        self.entries[id as usize].key_len & DOI_IN_KEY != 0 || self.dois.contains_key(&id)
    }

    fn append(&mut self, added: Added) {
        self.chunks.push(added.text.into_boxed_str());
        self.entries.extend(added.entries);
        self.dois.extend(added.dois);
        self.long_parts.extend(added.long_parts);
        self.odd_doi_keys.extend(added.odd_doi_keys);
    }

    /// A later citation `r` of work `id`: fills in a DOI the work lacks.
    fn fill_doi(&mut self, id: RefId, r: &CitedRef) {
        if let Some(d) = &r.doi
            && !self.has_doi(id)
        {
            self.dois.insert(id, d.as_str().into());
        }
    }

    /// The id of the work cited by `r`, added if it is new.
    pub(crate) fn intern(&mut self, r: &CitedRef) -> RefId {
        let h = hash_key(&r.key);
        if let Some(id) = self.index.find(h, |id| self.key_of(id) == r.key) {
            self.fill_doi(id, r);
            return id;
        }
        let id = self.entries.len() as RefId;
        // One small chunk per work here (adding records one by one is for small loads
        // and cross-database merging; batches share chunks).
        let mut added = Added::default();
        added.push(id, self.chunks.len() as u32, r);
        self.append(added);
        self.index.insert(h, id);
        id
    }

    /// The ids of the works cited by `refs` (in order), new works added in the order
    /// of their first citation: the ids [`RefTable::intern`] would give one by one.
    pub(crate) fn intern_batch(&mut self, refs: &[&CitedRef]) -> Vec<RefId> {
        let hashes: Vec<u64> = refs.par_iter().map(|r| hash_key(&r.key)).collect();
        let first_id = self.entries.len() as RefId;
        let RefTable {
            index,
            chunks,
            entries,
            ..
        } = self;
        let key_of = |id: u32| {
            let e = &entries[id as usize];
            let start = (e.start + e.label_len) as usize;
            &chunks[e.chunk as usize][start..start + (e.key_len & !DOI_IN_KEY) as usize]
        };
        let r = resolve(
            index,
            &hashes,
            first_id,
            &|i, j| refs[i].key == refs[j].key,
            &|id, i| key_of(id) == refs[i].key,
        );
        let chunk0 = self.chunks.len() as u32;
        let parts: Vec<Added> = r
            .new
            .par_chunks(WORKS_PER_CHUNK)
            .enumerate()
            .map(|(c, occ)| {
                let mut added = Added::default();
                let bytes = occ.iter().map(|&i| {
                    let r = refs[i as usize];
                    r.label.len() + r.key.len()
                });
                added.text.reserve_exact(bytes.sum());
                added.entries.reserve_exact(occ.len());
                for (k, &i) in occ.iter().enumerate() {
                    let id = first_id + (c * WORKS_PER_CHUNK + k) as RefId;
                    added.push(id, chunk0 + c as u32, refs[i as usize]);
                }
                added
            })
            .collect();
        for added in parts {
            self.append(added);
        }
        // Later citations with a DOI their work lacks (none for WoS references, whose
        // key is their DOI's): found in parallel, applied in order.
        let odd = &self.odd_doi_keys;
        let fill: Vec<usize> = (0..refs.len())
            .into_par_iter()
            .filter(|&i| {
                let d = refs[i].doi.as_deref();
                d.is_some()
                    && (refs[i].key.strip_prefix("doi:") != d
                        || (!odd.is_empty() && odd.contains(&r.ids[i])))
            })
            .collect();
        for i in fill {
            self.fill_doi(r.ids[i], refs[i]);
        }
        r.ids
    }
}
