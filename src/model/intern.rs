//! String interning: every author name, source, keyword, institution and country is
//! stored once and referred to by a 4-byte [`Sym`], so a million records fit in memory.
//! Symbols are numbered in the order the strings were first interned, whether they
//! were added one by one ([`Interner::intern`]) or a batch at a time in parallel
//! ([`Interner::intern_batch`], through the sharded [`KeyIndex`]).

use super::index::{KeyIndex, hash_key, resolve};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// A handle to an interned string; resolve it with [`Interner::get`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Sym(pub u32);

/// A table of unique strings.
#[derive(Default, Debug, Clone)]
pub struct Interner {
    index: KeyIndex,
    strings: Vec<Box<str>>,
}

impl Interner {
    /// Returns the symbol of `s`, adding it if it is new.
    pub fn intern(&mut self, s: &str) -> Sym {
        let h = hash_key(s);
        if let Some(id) = self.index.find(h, |id| &*self.strings[id as usize] == s) {
            return Sym(id);
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.into());
        self.index.insert(h, id);
        Sym(id)
    }

    /// Interns a batch of strings in parallel; returns the symbol of each, numbered
    /// as if they had been interned one by one in order.
    pub fn intern_batch(&mut self, batch: &[&str]) -> Vec<Sym> {
        let hashes: Vec<u64> = batch.par_iter().map(|s| hash_key(s)).collect();
        let strings = &self.strings;
        let r = resolve(
            &mut self.index,
            &hashes,
            strings.len() as u32,
            &|i, j| batch[i] == batch[j],
            &|id, i| &*strings[id as usize] == batch[i],
        );
        self.strings
            .extend(r.new.iter().map(|&i| Box::<str>::from(batch[i as usize])));
        r.ids.into_iter().map(Sym).collect()
    }

    /// Makes room for `additional` more strings without rehashing.
    pub fn reserve(&mut self, additional: usize) {
        self.index.reserve(additional);
        self.strings.reserve(additional);
    }

    /// The symbol of `s` if it was interned.
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.index
            .find(hash_key(s), |id| &*self.strings[id as usize] == s)
            .map(Sym)
    }

    /// The string behind a symbol.
    pub fn get(&self, sym: Sym) -> &str {
        &self.strings[sym.0 as usize]
    }

    /// Number of unique strings.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// True when nothing is interned.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_idempotent() {
        let mut i = Interner::default();
        let a = i.intern("Vargo, SL");
        let b = i.intern("Lusch, RF");
        assert_eq!(i.intern("Vargo, SL"), a);
        assert_ne!(a, b);
        assert_eq!(i.get(b), "Lusch, RF");
        assert_eq!(i.len(), 2);
        assert_eq!(i.lookup("nobody"), None);
    }

    #[test]
    fn a_batch_numbers_strings_as_one_by_one() {
        let words = ["b", "a", "b", "c", "a", "d"];
        let mut one = Interner::default();
        one.intern("a");
        let want: Vec<Sym> = words.iter().map(|w| one.intern(w)).collect();
        let mut batch = Interner::default();
        batch.intern("a");
        assert_eq!(batch.intern_batch(&words), want);
        // "a" was there first, then b, c, d in order of first occurrence.
        assert_eq!(want, [Sym(1), Sym(0), Sym(1), Sym(2), Sym(0), Sym(3)]);
        assert_eq!(batch.lookup("d"), Some(Sym(3)));
    }
}
