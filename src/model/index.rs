//! A hash index from string keys to dense `u32` ids, split into shards by hash so
//! that many threads can look keys up and add new ones at once, and the ids still
//! come out in the order in which the keys first occur — the same ids a single thread
//! adding the keys one by one would give.
//!
//! The index stores no keys: a slot holds 32 bits of the key's hash (its *tag*) and
//! the id; the owner of the keys (the interned strings, the table of cited works)
//! compares a candidate key when the tags agree. That is 8 bytes a slot, 11 bytes a
//! key at the highest load, instead of a hash map keyed by owned strings (24–40 bytes
//! a key plus the key's own allocation). Open addressing with linear probing
//! (Knuth, TAOCP vol. 3, 6.4, algorithm L); the slot position comes from the tag,
//! so growing a shard never rehashes a key.
//!
//! [`resolve`] interns a batch of key occurrences in parallel, deterministically
//! (module docs of `super::batch` give the steps): the occurrences are bucketed by
//! shard in chunks, each shard looks up its occurrences in order and marks new keys
//! with their first occurrence, the new keys get ids by the rank of that first
//! occurrence, and every occurrence reads its id back from its shard.

use rayon::prelude::*;
use std::hash::BuildHasher;

/// The hash of a key: rustc's Fx hash of the bytes, then a finaliser (Murmur3's
/// `fmix64`) so both halves of the hash are well mixed (the low bits choose the
/// shard, the high 32 bits are the tag).
pub(crate) fn hash_key(s: &str) -> u64 {
    let mut h = rustc_hash::FxBuildHasher.hash_one(s);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A slot: tag in the high 32 bits, value in the low 32; all ones is empty.
const EMPTY: u64 = u64::MAX;
/// A value with this bit set is provisional: the batch occurrence that added the key.
pub(crate) const PROVISIONAL: u32 = 1 << 31;
/// Shards of an index (a power of two): enough for 16 threads to share the work.
const SHARDS: usize = 64;

fn tag_of(h: u64) -> u32 {
    (h >> 32) as u32
}

fn shard_of(h: u64) -> usize {
    h as usize & (SHARDS - 1)
}

/// One shard: an open-addressing table of (tag, value) slots.
#[derive(Debug, Clone, Default)]
struct Shard {
    slots: Vec<u64>,
    len: usize,
}

impl Shard {
    fn find(&self, h: u64, eq: impl Fn(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = tag_of(h);
        let mut pos = tag as usize & mask;
        loop {
            let s = self.slots[pos];
            if s == EMPTY {
                return None;
            }
            if (s >> 32) as u32 == tag && eq(s as u32) {
                return Some(s as u32);
            }
            pos = (pos + 1) & mask;
        }
    }

    /// Adds a key known to be absent.
    fn insert(&mut self, h: u64, value: u32) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow((self.len + 1) * 2);
        }
        let mask = self.slots.len() - 1;
        let tag = tag_of(h);
        let mut pos = tag as usize & mask;
        while self.slots[pos] != EMPTY {
            pos = (pos + 1) & mask;
        }
        self.slots[pos] = (u64::from(tag) << 32) | u64::from(value);
        self.len += 1;
    }

    /// Replaces the value `old` of the key hashed `h` by `new`.
    fn replace(&mut self, h: u64, old: u32, new: u32) {
        let mask = self.slots.len() - 1;
        let tag = tag_of(h);
        let want = (u64::from(tag) << 32) | u64::from(old);
        let mut pos = tag as usize & mask;
        while self.slots[pos] != want {
            debug_assert!(self.slots[pos] != EMPTY, "replaced key is in the shard");
            pos = (pos + 1) & mask;
        }
        self.slots[pos] = (u64::from(tag) << 32) | u64::from(new);
    }

    /// Makes room for `keys` keys in all (capacity a power of two, load at most 3/4).
    fn grow(&mut self, keys: usize) {
        let cap = (keys * 4 / 3 + 1).next_power_of_two().max(16);
        if cap <= self.slots.len() {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; cap]);
        let mask = cap - 1;
        for s in old.into_iter().filter(|&s| s != EMPTY) {
            let mut pos = (s >> 32) as usize & mask;
            while self.slots[pos] != EMPTY {
                pos = (pos + 1) & mask;
            }
            self.slots[pos] = s;
        }
    }
}

/// A sharded index of keys to ids (module docs).
#[derive(Debug, Clone)]
pub(crate) struct KeyIndex {
    shards: Vec<Shard>,
}

impl Default for KeyIndex {
    fn default() -> Self {
        KeyIndex {
            shards: vec![Shard::default(); SHARDS],
        }
    }
}

impl KeyIndex {
    /// The id of the key hashed `h` for which `eq(id)` holds.
    pub(crate) fn find(&self, h: u64, eq: impl Fn(u32) -> bool) -> Option<u32> {
        self.shards[shard_of(h)].find(h, eq)
    }

    /// Adds the key hashed `h` (known to be absent) with `id`.
    pub(crate) fn insert(&mut self, h: u64, id: u32) {
        self.shards[shard_of(h)].insert(h, id);
    }

    /// Makes room for about `keys` more keys, spread over the shards.
    pub(crate) fn reserve(&mut self, keys: usize) {
        let per = keys / SHARDS + 1;
        for s in &mut self.shards {
            s.grow(s.len + per);
        }
    }

    /// Number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shards.iter().map(|s| s.len).sum()
    }
}

/// What [`resolve`] found for a batch of key occurrences.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// The id of each occurrence.
    pub ids: Vec<u32>,
    /// The occurrences that brought a new key, in order: the key of `new[k]` got id
    /// `first_id + k`.
    pub new: Vec<u32>,
}

/// Occurrences per chunk of the bucketing steps (their size does not change results).
const CHUNK: usize = 1 << 14;

/// One chunk's occurrences ordered by shard (stable), with each shard's start.
struct Bucketed {
    order: Vec<u32>,
    starts: Vec<u32>,
}

fn bucket(hashes: &[u64], first: usize) -> Bucketed {
    let mut starts = vec![0u32; SHARDS + 1];
    for &h in hashes {
        starts[shard_of(h) + 1] += 1;
    }
    for s in 0..SHARDS {
        starts[s + 1] += starts[s];
    }
    let mut next = starts.clone();
    let mut order = vec![0u32; hashes.len()];
    for (i, &h) in hashes.iter().enumerate() {
        let s = shard_of(h);
        order[next[s] as usize] = (first + i) as u32;
        next[s] += 1;
    }
    Bucketed { order, starts }
}

/// Interns the keys of a batch of occurrences in parallel (module docs): `hashes[i]`
/// is the hash of occurrence i, `occ_eq(i, j)` compares the keys of occurrences i and
/// j, `id_eq(id, i)` the key of an existing id with occurrence i. New keys get ids
/// `first_id..` in the order of their first occurrence.
pub(crate) fn resolve(
    index: &mut KeyIndex,
    hashes: &[u64],
    first_id: u32,
    occ_eq: &(dyn Fn(usize, usize) -> bool + Sync),
    id_eq: &(dyn Fn(u32, usize) -> bool + Sync),
) -> Resolved {
    assert!(hashes.len() < PROVISIONAL as usize, "batch too large");
    let chunks: Vec<Bucketed> = hashes
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, hs)| bucket(hs, c * CHUNK))
        .collect();
    // Each shard looks up its occurrences in occurrence order; a new key's value is
    // its first occurrence, marked provisional.
    let per_shard: Vec<(Vec<u32>, Vec<u32>)> = index
        .shards
        .par_iter_mut()
        .enumerate()
        .map(|(s, shard)| {
            let mut found = Vec::new();
            let mut new = Vec::new();
            for b in &chunks {
                for &i in &b.order[b.starts[s] as usize..b.starts[s + 1] as usize] {
                    let (h, i) = (hashes[i as usize], i as usize);
                    let hit = shard.find(h, |v| {
                        if v & PROVISIONAL != 0 {
                            occ_eq((v & !PROVISIONAL) as usize, i)
                        } else {
                            id_eq(v, i)
                        }
                    });
                    found.push(hit.unwrap_or_else(|| {
                        let v = PROVISIONAL | i as u32;
                        shard.insert(h, v);
                        new.push(i as u32);
                        v
                    }));
                }
            }
            (found, new)
        })
        .collect();
    let mut new: Vec<u32> = per_shard
        .iter()
        .flat_map(|(_, n)| n.iter().copied())
        .collect();
    new.par_sort_unstable();
    let final_id = |v: u32| -> u32 {
        if v & PROVISIONAL == 0 {
            return v;
        }
        let rank = new.binary_search(&(v & !PROVISIONAL)).unwrap_or(0);
        first_id + rank as u32
    };
    index
        .shards
        .par_iter_mut()
        .zip(&per_shard)
        .for_each(|(shard, (_, added))| {
            for &i in added {
                let v = PROVISIONAL | i;
                shard.replace(hashes[i as usize], v, final_id(v));
            }
        });
    // Where each chunk's occurrences of each shard start in that shard's results.
    let mut base = vec![vec![0u32; SHARDS]; chunks.len()];
    #[allow(clippy::needless_range_loop)] // `s` indexes both `base` rows and `starts`
    for s in 0..SHARDS {
        let mut at = 0;
        for (c, b) in chunks.iter().enumerate() {
            base[c][s] = at;
            at += b.starts[s + 1] - b.starts[s];
        }
    }
    let mut ids = vec![0u32; hashes.len()];
    ids.par_chunks_mut(CHUNK)
        .zip(hashes.par_chunks(CHUNK))
        .zip(base.par_iter())
        .for_each(|((out, hs), base)| {
            let mut next = base.clone();
            for (o, &h) in out.iter_mut().zip(hs) {
                let s = shard_of(h);
                *o = final_id(per_shard[s].0[next[s] as usize]);
                next[s] += 1;
            }
        });
    Resolved { ids, new }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_numbers_keys_by_first_occurrence() {
        // Batch 1: a b a c → a=0, b=1, c=2; batch 2: c d b d → d=3.
        let mut index = KeyIndex::default();
        let mut store: Vec<&str> = Vec::new();
        for (batch, want, new) in [
            (vec!["a", "b", "a", "c"], vec![0, 1, 0, 2], vec![0, 1, 3]),
            (vec!["c", "d", "b", "d"], vec![2, 3, 1, 3], vec![1]),
        ] {
            let hashes: Vec<u64> = batch.iter().map(|k| hash_key(k)).collect();
            let r = resolve(
                &mut index,
                &hashes,
                store.len() as u32,
                &|i, j| batch[i] == batch[j],
                &|id, i| store[id as usize] == batch[i],
            );
            assert_eq!(r.ids, want);
            assert_eq!(r.new, new);
            store.extend(r.new.iter().map(|&i| batch[i as usize]));
        }
        assert_eq!(store, ["a", "b", "c", "d"]);
        assert_eq!(index.len(), 4);
    }

    #[test]
    fn shards_grow_and_keep_every_key() {
        // Far more keys than the initial capacity, added one by one and in a batch.
        let keys: Vec<String> = (0..50_000).map(|i| format!("key {i}")).collect();
        let mut one = KeyIndex::default();
        for (id, k) in keys.iter().enumerate() {
            let h = hash_key(k);
            assert_eq!(one.find(h, |v| keys[v as usize] == *k), None);
            one.insert(h, id as u32);
        }
        let hashes: Vec<u64> = keys.iter().map(|k| hash_key(k)).collect();
        let mut batch = KeyIndex::default();
        let r = resolve(
            &mut batch,
            &hashes,
            0,
            &|i, j| keys[i] == keys[j],
            &|_, _| false,
        );
        assert_eq!(r.ids, (0..50_000).collect::<Vec<u32>>());
        for (id, k) in keys.iter().enumerate() {
            let h = hash_key(k);
            assert_eq!(one.find(h, |v| keys[v as usize] == *k), Some(id as u32));
            assert_eq!(batch.find(h, |v| keys[v as usize] == *k), Some(id as u32));
        }
    }
}
