//! What each record contributes to a network: its *items* (cited references, cited
//! authors, cited journals, authors, institutions, countries or keywords), each
//! identified by a normalised key so that variants count as one node.
//!
//! Keys per node kind:
//! - **reference**: the cited work's key (see [`crate::model::cited_ref`]);
//! - **author** (cited author): first author of the cited reference, lower case,
//!   punctuation removed, surname and all initials (`Vargo S.L.` → `vargo sl`); labelled
//!   in upper case as CiteSpace does (`VARGO SL`); `[Anonymous]` references have no
//!   author and are left out (otherwise "ANONYMOUS" tops most cited-author maps);
//! - **journal** (cited source): the cited reference's source, upper case, letters and
//!   digits only;
//! - **coauthor**: the full author name (`AF`) where the record has one, else the short
//!   name (`AU`), lower case — so `Chen, Chaomei` and `Chen, C` are not merged by initials;
//! - **institution**, **country**: from the `C1` addresses, lower case; each counted
//!   once per record;
//! - **keyword**: author keywords and Keywords Plus together, lower case, hyphens and
//!   runs of spaces folded to one space, and the last word singularised by simple
//!   English rules (`-ies` → `-y`; a final `s` dropped unless the word ends in `ss`,
//!   `us` or `is`, or is shorter than 4 letters);
//! - **term**: noun phrases of 2–4 words from the title, abstract and keywords
//!   ([`super::phrases`]), keyed like keywords; each counted once per record;
//! - **category**: the record's subject categories (WoS `WC`), lower case; each
//!   counted once per record;
//! - **coupling**: the records themselves; their items are their cited references
//!   (see [`crate::network::build`]);
//! - **citation**: the records themselves (the citation network is built by
//!   [`crate::network::citation`], not from items).
//!
//! A thesaurus (VOSviewer format: `label<TAB>replace by`) maps item keys before
//! counting; its labels are normalised by the same rules as the items of the kind (for
//! references a label is parsed as a WoS cited reference, so `Vargo SL, 2004, J
//! MARKETING, V68, P1` works as written).

use super::NodeKind;
use crate::model::cited_ref::CitedRef;
use crate::model::{Corpus, Record};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The items of every record, in one id space.
///
/// The cited references of a reference network without a thesaurus are the corpus'
/// cited works themselves: their key, label, year and DOI are read from
/// `corpus.refs` when asked for ([`Items::key`] and the others), so extracting ten
/// million works copies no text. Other items carry their own.
#[derive(Debug, Clone, Default)]
pub struct Items {
    /// Item ids per record (sorted, unique), indexed like `corpus.records`.
    pub per_record: Vec<Vec<u32>>,
    /// The cited work (`corpus.refs` id) of each item, when the items are the cited
    /// works; empty otherwise, and then the four lists below hold every item's text.
    works: Vec<u32>,
    /// Key of each item id (becomes `Node::id`).
    keys: Vec<Arc<str>>,
    /// Display label of each item id.
    labels: Vec<Arc<str>>,
    /// Publication year of the item, where it has one (documents).
    years: Vec<Option<i32>>,
    /// DOI of the item, where it has one.
    dois: Vec<Option<Arc<str>>>,
    /// For the co-citation kinds, the item of each cited work (`corpus.refs` id):
    /// item id + 1, or 0 for none. Empty for the other kinds.
    pub of_ref: Vec<u32>,
}

impl Items {
    /// Number of items.
    pub fn len(&self) -> usize {
        self.works.len().max(self.keys.len())
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Key of item `i` (becomes `Node::id`); `corpus` is the one the items came from.
    pub fn key<'a>(&'a self, corpus: &'a Corpus, i: u32) -> &'a str {
        match self.works.get(i as usize) {
            Some(&w) => corpus.refs.get(w).key,
            None => &self.keys[i as usize],
        }
    }

    /// Display label of item `i`.
    pub fn label<'a>(&'a self, corpus: &'a Corpus, i: u32) -> &'a str {
        match self.works.get(i as usize) {
            Some(&w) => corpus.refs.get(w).label,
            None => &self.labels[i as usize],
        }
    }

    /// Publication year of item `i`, where it has one (cited works, documents).
    pub fn year(&self, corpus: &Corpus, i: u32) -> Option<i32> {
        match self.works.get(i as usize) {
            Some(&w) => corpus.refs.get(w).year,
            None => self.years[i as usize],
        }
    }

    /// DOI of item `i`, where it has one.
    pub fn doi<'a>(&'a self, corpus: &'a Corpus, i: u32) -> Option<&'a str> {
        match self.works.get(i as usize) {
            Some(&w) => corpus.refs.get(w).doi,
            None => self.dois[i as usize].as_deref(),
        }
    }

    /// The item cited work `rid` counts for (co-citation kinds only).
    pub fn item_of_ref(&self, rid: u32) -> Option<u32> {
        self.of_ref
            .get(rid as usize)
            .and_then(|&v| v.checked_sub(1))
    }
}

#[derive(Default)]
struct Space {
    ids: FxHashMap<Arc<str>, u32>,
    items: Items,
}

impl Space {
    /// Adds cited work `rid` as an item of its own (no lookup: works have unique
    /// keys). Items are either all works or none.
    fn push_work(&mut self, rid: u32) -> u32 {
        debug_assert!(self.items.keys.is_empty());
        self.items.works.push(rid);
        self.items.works.len() as u32 - 1
    }

    fn id(&mut self, key: String, label: impl FnOnce() -> String) -> u32 {
        if let Some(&id) = self.ids.get(key.as_str()) {
            return id;
        }
        let id = self.items.keys.len() as u32;
        let key: Arc<str> = key.into();
        self.items.labels.push(label().into());
        self.items.keys.push(key.clone());
        self.items.years.push(None);
        self.items.dois.push(None);
        self.ids.insert(key, id);
        id
    }
}

/// Cited-author key: surname and initials, lower case, no punctuation.
pub fn cited_author_key(author: &str) -> String {
    let cleaned: String = author
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words = cleaned.split_whitespace();
    let Some(surname) = words.next() else {
        return String::new();
    };
    // "SL" is a run of initials; "Stephen" is a given name (its first letter counts).
    let initials: String = words
        .flat_map(|w| {
            let all_caps = w.chars().all(|c| c.is_uppercase()) && w.chars().count() <= 3;
            let take = if all_caps { w.chars().count() } else { 1 };
            w.chars().take(take).collect::<Vec<_>>()
        })
        .flat_map(char::to_lowercase)
        .collect();
    let surname = surname.to_lowercase();
    if initials.is_empty() {
        surname
    } else {
        format!("{surname} {initials}")
    }
}

/// Cited-source key: upper case letters and digits, single spaces.
pub fn journal_key(source: &str) -> String {
    // Upper-case first: some letters upper-case to a letter plus combining marks
    // ("ΐ" → "Ϊ́"), which must become spaces like other marks, or the key of the
    // upper-case spelling would differ (found by fuzzing).
    let cleaned: String = source
        .chars()
        .flat_map(char::to_uppercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keyword key: lower case, hyphens folded, last word singularised.
pub fn keyword_key(kw: &str) -> String {
    let cleaned: String = kw
        .chars()
        .map(|c| {
            if c == '-' || c == '_' || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    let Some(last) = words.pop() else {
        return String::new();
    };
    let singular = singularize(last);
    words.push(&singular);
    words.join(" ")
}

fn singularize(w: &str) -> String {
    let n = w.chars().count();
    if n < 4 {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Lower-cased, whitespace-folded key for names.
fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The key a thesaurus label maps to for this kind.
pub fn thesaurus_key(kind: NodeKind, label: &str) -> String {
    match kind {
        NodeKind::Reference => CitedRef::parse(label).key,
        NodeKind::Author => cited_author_key(label),
        NodeKind::Journal => journal_key(label),
        NodeKind::Keyword | NodeKind::Term => keyword_key(label),
        NodeKind::Category
        | NodeKind::Coauthor
        | NodeKind::Institution
        | NodeKind::Country
        | NodeKind::Coupling
        | NodeKind::Imported
        | NodeKind::Citation => name_key(label),
    }
}

/// A thesaurus: item key → replacement key, for one node kind.
pub fn thesaurus_map(
    kind: NodeKind,
    entries: &[(String, String)],
) -> FxHashMap<String, (String, String)> {
    entries
        .iter()
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        .map(|(a, b)| {
            (
                thesaurus_key(kind, a),
                (thesaurus_key(kind, b), b.trim().to_string()),
            )
        })
        .collect()
}

/// Item ids cached per source id (a cited work's id, or an interned string's), so
/// each distinct work or string is normalised once, not once per occurrence.
struct Memo(Vec<u32>);

impl Memo {
    const UNKNOWN: u32 = 0;
    const NONE: u32 = u32::MAX;

    fn new(n: usize) -> Self {
        Memo(vec![Self::UNKNOWN; n])
    }

    /// Item id + 1 per source, 0 where there is none (or the source never occurred).
    fn item_ids(self) -> Vec<u32> {
        self.0
            .into_iter()
            .map(|v| if v == Self::NONE { 0 } else { v })
            .collect()
    }

    fn get(&mut self, src: u32, resolve: impl FnOnce() -> Option<u32>) -> Option<u32> {
        let slot = &mut self.0[src as usize];
        match *slot {
            Self::UNKNOWN => {
                let id = resolve();
                *slot = id.map_or(Self::NONE, |i| i + 1);
                id
            }
            Self::NONE => None,
            v => Some(v - 1),
        }
    }
}

/// The item id of `key` after the thesaurus; `None` for an empty key.
fn resolve(
    sp: &mut Space,
    th: &FxHashMap<String, (String, String)>,
    key: String,
    label: impl FnOnce() -> String,
) -> Option<u32> {
    if key.is_empty() {
        return None;
    }
    Some(match th.get(&key) {
        Some((k, l)) => sp.id(k.clone(), || l.clone()),
        None => sp.id(key, label),
    })
}

/// Extracts the items of every record for `kind`, applying the thesaurus.
pub fn extract(corpus: &Corpus, kind: NodeKind, thesaurus: &[(String, String)]) -> Items {
    let mut x = Extractor {
        corpus,
        kind,
        th: thesaurus_map(kind, thesaurus),
        sp: Space::default(),
        by_ref: Memo::new(if kind.is_cocitation() {
            corpus.refs.len()
        } else {
            0
        }),
        by_sym: Memo::new(
            if kind.is_cocitation()
                || matches!(
                    kind,
                    NodeKind::Coupling | NodeKind::Citation | NodeKind::Term
                )
            {
                0
            } else {
                corpus.strings.len()
            },
        ),
    };
    let per_record: Vec<Vec<u32>> = corpus
        .records
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let mut ids = match kind {
                NodeKind::Reference => x.references(r),
                NodeKind::Author => x.cited_authors(r),
                NodeKind::Journal => x.cited_journals(r),
                NodeKind::Coupling | NodeKind::Citation => x.record_itself(r, ri),
                NodeKind::Term => x.terms(r),
                _ => x.record_strings(r),
            };
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    let mut items = x.sp.items;
    items.per_record = per_record;
    if kind.is_cocitation() {
        items.of_ref = x.by_ref.item_ids();
    }
    items
}

/// The state of one extraction: the item space and the per-source memos.
struct Extractor<'a> {
    corpus: &'a Corpus,
    kind: NodeKind,
    th: FxHashMap<String, (String, String)>,
    sp: Space,
    by_ref: Memo,
    by_sym: Memo,
}

impl Extractor<'_> {
    /// Cited references: one item per cited work (its key), with year and DOI.
    fn references(&mut self, r: &Record) -> Vec<u32> {
        let refs = &self.corpus.refs;
        let (sp, th) = (&mut self.sp, &self.th);
        r.refs
            .iter()
            .filter_map(|&rid| {
                self.by_ref.get(rid, || {
                    // Cited works have unique keys: without a thesaurus each is its
                    // own item, no lookup needed.
                    if th.is_empty() {
                        return Some(sp.push_work(rid));
                    }
                    let w = refs.get(rid);
                    let id = resolve(sp, th, w.key.to_string(), || w.label.to_string())?;
                    let i = id as usize;
                    sp.items.years[i] = sp.items.years[i].or(w.year);
                    if sp.items.dois[i].is_none() {
                        sp.items.dois[i] = w.doi.map(Arc::from);
                    }
                    Some(id)
                })
            })
            .collect()
    }

    /// First authors of the cited references (anonymous ones left out).
    fn cited_authors(&mut self, r: &Record) -> Vec<u32> {
        self.cited_parts(r, |w| {
            let key = cited_author_key(w.author());
            (key != "anonymous").then(|| (key.to_uppercase(), key))
        })
    }

    /// Sources of the cited references.
    fn cited_journals(&mut self, r: &Record) -> Vec<u32> {
        self.cited_parts(r, |w| {
            let key = journal_key(w.source());
            Some((key.clone(), key))
        })
    }

    /// One item per cited reference from `part` (its label and key), memoised per
    /// cited work.
    fn cited_parts(
        &mut self,
        r: &Record,
        part: impl Fn(&crate::model::CitedWork) -> Option<(String, String)>,
    ) -> Vec<u32> {
        let refs = &self.corpus.refs;
        let (sp, th) = (&mut self.sp, &self.th);
        r.refs
            .iter()
            .filter_map(|&rid| {
                self.by_ref.get(rid, || {
                    let (label, key) = part(&refs.get(rid))?;
                    resolve(sp, th, key, || label)
                })
            })
            .collect()
    }

    /// The record itself (bibliographic coupling), with its year and DOI.
    fn record_itself(&mut self, r: &Record, ri: usize) -> Vec<u32> {
        let corpus = self.corpus;
        let id = resolve(&mut self.sp, &self.th, record_key(r, ri), || {
            record_label(corpus, r)
        });
        if let Some(id) = id {
            self.sp.items.years[id as usize] = r.year;
            self.sp.items.dois[id as usize] = r.doi.as_deref().map(Arc::from);
        }
        id.into_iter().collect()
    }

    /// The noun-phrase terms of the record ([`super::phrases`]).
    fn terms(&mut self, r: &Record) -> Vec<u32> {
        let (sp, th) = (&mut self.sp, &self.th);
        super::phrases::record_terms(self.corpus, r)
            .into_iter()
            .filter_map(|t| resolve(sp, th, t.clone(), move || t))
            .collect()
    }

    /// Authors, institutions, countries, categories or keywords of the record.
    fn record_strings(&mut self, r: &Record) -> Vec<u32> {
        let kind = self.kind;
        let syms: Vec<crate::model::Sym> = match kind {
            NodeKind::Coauthor
                if r.authors_full.len() == r.authors.len() && !r.authors_full.is_empty() =>
            {
                r.authors_full.clone()
            }
            NodeKind::Coauthor => r.authors.clone(),
            NodeKind::Institution => r.addresses.iter().filter_map(|a| a.institution).collect(),
            NodeKind::Country => r.addresses.iter().filter_map(|a| a.country).collect(),
            NodeKind::Category => r.categories.clone(),
            _ => r
                .author_keywords
                .iter()
                .chain(&r.keywords_plus)
                .copied()
                .collect(),
        };
        let strings = &self.corpus.strings;
        let (sp, th) = (&mut self.sp, &self.th);
        syms.into_iter()
            .filter_map(|sym| {
                self.by_sym.get(sym.0, || {
                    let s = strings.get(sym);
                    match kind {
                        NodeKind::Keyword => {
                            let key = keyword_key(s);
                            let label = key.clone();
                            resolve(sp, th, key, || label)
                        }
                        _ => resolve(sp, th, name_key(s), || s.to_string()),
                    }
                })
            })
            .collect()
    }
}

/// The node id of a record (coupling): its accession number, else its index.
pub fn record_key(r: &Record, index: usize) -> String {
    match &r.uid {
        Some(u) => u.to_string(),
        None => format!("record:{index}"),
    }
}

/// A record as a short citation: `Vargo SL, 2004, J MARKETING, V68, P1`.
pub fn record_label(corpus: &Corpus, r: &Record) -> String {
    let author = r
        .authors
        .first()
        .map(|a| corpus.strings.get(*a).replace(',', ""))
        .unwrap_or_else(|| "[Anonymous]".into());
    let mut parts = vec![author];
    if let Some(y) = r.year {
        parts.push(y.to_string());
    }
    if let Some(s) = r.source_abbrev.or(r.source) {
        parts.push(corpus.strings.get(s).to_string());
    }
    if let Some(v) = &r.volume {
        parts.push(format!("V{v}"));
    }
    if let Some(p) = &r.pages {
        parts.push(format!("P{}", p.split('-').next().unwrap_or(p)));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(cited_author_key("Vargo S.L."), "vargo sl");
        assert_eq!(cited_author_key("VARGO SL"), "vargo sl");
        assert_eq!(cited_author_key("[Anonymous]"), "anonymous");
        assert_eq!(cited_author_key("Vargo Stephen L."), "vargo sl");
        assert_eq!(cited_author_key("Brumbaugh R. D."), "brumbaugh rd");
        assert_eq!(journal_key("J. Marketing"), "J MARKETING");
        assert_eq!(keyword_key("Value Co-Creation"), "value co creation");
        assert_eq!(keyword_key("co-creation"), "co creation");
        assert_eq!(
            keyword_key("service-dominant logics"),
            "service dominant logic"
        );
        assert_eq!(keyword_key("Industries"), "industry");
        assert_eq!(keyword_key("business"), "business");
        assert_eq!(keyword_key("analysis"), "analysis");
        assert_eq!(keyword_key("bus"), "bus");
        assert_eq!(keyword_key("  "), "");
    }

    #[test]
    fn thesaurus_maps_variants_to_keys() {
        let m = thesaurus_map(
            NodeKind::Reference,
            &[(
                "Vargo SL, 2004, J MARKETING, V68, P1".into(),
                "Vargo SL, 2004, J MARKETING, V68, P1, DOI 10.1509/x".into(),
            )],
        );
        assert_eq!(
            m.get("vargo s|2004|v68|p1").map(|x| x.0.as_str()),
            Some("doi:10.1509/x")
        );
    }
}
