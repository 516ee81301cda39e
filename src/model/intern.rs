//! String interning: every author name, source, keyword, institution and country is
//! stored once and referred to by a 4-byte [`Sym`], so a million records fit in memory.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A handle to an interned string; resolve it with [`Interner::get`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Sym(pub u32);

/// A table of unique strings.
#[derive(Default, Debug, Clone)]
pub struct Interner {
    map: FxHashMap<Arc<str>, Sym>,
    strings: Vec<Arc<str>>,
}

impl Interner {
    /// Returns the symbol of `s`, adding it if it is new.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.map.get(s) {
            return sym;
        }
        let sym = Sym(self.strings.len() as u32);
        let arc: Arc<str> = Arc::from(s);
        self.strings.push(arc.clone());
        self.map.insert(arc, sym);
        sym
    }

    /// Makes room for `additional` more strings without rehashing.
    pub fn reserve(&mut self, additional: usize) {
        self.map.reserve(additional);
        self.strings.reserve(additional);
    }

    /// The symbol of `s` if it was interned.
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
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
}
