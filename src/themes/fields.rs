//! The fields of a record that themes and three-field plots are built from, named by
//! their WoS / bibliometrix tags (`AU`, `DE`, `ID`, `SO`, `CR`, `AU_CO`, `AU_UN`, `TI`,
//! `AB`), and the items each record holds in a field, identified by a normalised key
//! so that spelling variants count as one item.
//!
//! Keys follow the network stage ([`crate::network::items`]), so a keyword counts the
//! same here as in `cocite network --kind keyword`:
//! - keywords (`DE`, `ID`, `KW` = both) and title/abstract terms: [`keyword_key`]
//!   (lower case, hyphens folded, last word singularised). bibliometrix only lower-cases
//!   (`tolower`), so `service` and `services` are one theme word here and two there;
//! - title and abstract terms (`TI`, `AB`): the n-grams of exactly `ngrams` words that
//!   cross no punctuation or stop word ([`crate::analysis::terms`]), as bibliometrix's
//!   `termExtraction(ngrams = n)` (its default n = 1);
//! - authors (`AU`): the short form (`Vargo, SL`), lower case, spaces folded;
//! - sources (`SO`): [`journal_key`]; cited references (`CR`): the cited work's key;
//! - countries and institutions: from the `C1` addresses, lower case.
//!
//! Each item is counted once per record: a count is a number of records.

use crate::analysis::terms;
use crate::model::Corpus;
use crate::network::NodeKind;
use crate::network::items::{journal_key, keyword_key, thesaurus_map};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A record field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// Authors (`AU`).
    Au,
    /// Author keywords (`DE`).
    De,
    /// Keywords Plus (`ID`).
    Id,
    /// Author keywords and Keywords Plus together (cocite's keyword network).
    Kw,
    /// Title terms (`TI`).
    Ti,
    /// Abstract terms (`AB`).
    Ab,
    /// Source titles (`SO`).
    So,
    /// Cited references (`CR`).
    Cr,
    /// Countries of the addresses (`AU_CO`).
    Country,
    /// Institutions of the addresses (`AU_UN`).
    Institution,
}

impl Field {
    /// Every field, in the order of the docs.
    pub const ALL: [Field; 10] = [
        Field::Au,
        Field::De,
        Field::Id,
        Field::Kw,
        Field::Ti,
        Field::Ab,
        Field::So,
        Field::Cr,
        Field::Country,
        Field::Institution,
    ];

    /// The tag on the command line and in CSV files.
    pub fn tag(self) -> &'static str {
        match self {
            Field::Au => "AU",
            Field::De => "DE",
            Field::Id => "ID",
            Field::Kw => "KW",
            Field::Ti => "TI",
            Field::Ab => "AB",
            Field::So => "SO",
            Field::Cr => "CR",
            Field::Country => "country",
            Field::Institution => "institution",
        }
    }

    /// The field in words (figure headings).
    pub fn name(self) -> &'static str {
        match self {
            Field::Au => "Authors",
            Field::De => "Author keywords",
            Field::Id => "Keywords Plus",
            Field::Kw => "Keywords",
            Field::Ti => "Title terms",
            Field::Ab => "Abstract terms",
            Field::So => "Sources",
            Field::Cr => "Cited references",
            Field::Country => "Countries",
            Field::Institution => "Institutions",
        }
    }

    /// Whether the field holds words (themes can be built from it).
    pub fn is_textual(self) -> bool {
        matches!(
            self,
            Field::De | Field::Id | Field::Kw | Field::Ti | Field::Ab
        )
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Field {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let f = match s.trim().to_lowercase().as_str() {
            "au" | "author" | "authors" => Field::Au,
            "de" => Field::De,
            "id" => Field::Id,
            "kw" | "keywords" => Field::Kw,
            "ti" | "title" | "titles" => Field::Ti,
            "ab" | "abstract" | "abstracts" => Field::Ab,
            "so" | "source" | "sources" => Field::So,
            "cr" | "references" => Field::Cr,
            "country" | "countries" | "au_co" => Field::Country,
            "institution" | "institutions" | "au_un" => Field::Institution,
            other => {
                let all: Vec<&str> = Field::ALL.iter().map(|f| f.tag()).collect();
                return Err(format!(
                    "unknown field {other:?} (one of {})",
                    all.join(", ")
                ));
            }
        };
        Ok(f)
    }
}

/// The items of one field in every record, in one id space.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldItems {
    pub field: Option<Field>,
    /// Normalised key of each item id.
    pub keys: Vec<String>,
    /// Display label of each item id (the first spelling seen, or the key).
    pub labels: Vec<String>,
    /// Item ids per record (sorted, unique), indexed like `corpus.records`.
    pub per_record: Vec<Vec<u32>>,
}

impl FieldItems {
    /// Items given directly: each record's labels, which are also the keys (tests,
    /// callers with their own extraction).
    pub fn from_lists<S: AsRef<str>>(records: &[Vec<S>]) -> Self {
        let mut sp = Space::default();
        for r in records {
            let ids = r
                .iter()
                .map(|s| sp.id(s.as_ref().to_string(), s.as_ref()))
                .collect();
            sp.push_record(ids);
        }
        sp.items
    }

    /// Number of records holding each item.
    pub fn counts(&self, records: &[usize]) -> Vec<u32> {
        let mut c = vec![0u32; self.keys.len()];
        for &r in records {
            for &i in &self.per_record[r] {
                c[i as usize] += 1;
            }
        }
        c
    }
}

#[derive(Default)]
struct Space {
    ids: FxHashMap<String, u32>,
    items: FieldItems,
}

impl Space {
    fn id(&mut self, key: String, label: &str) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.items.keys.len() as u32;
        self.items.keys.push(key.clone());
        self.items.labels.push(label.to_string());
        self.ids.insert(key, id);
        id
    }

    fn push_record(&mut self, mut ids: Vec<u32>) {
        ids.sort_unstable();
        ids.dedup();
        self.items.per_record.push(ids);
    }
}

/// Name key: lower case, runs of spaces folded.
fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The n-grams of exactly `n` words of `text` (see the module docs).
fn exact_ngrams(text: &str, n: usize, out: &mut Vec<String>) {
    let mut all = Vec::new();
    terms::ngrams_from(text, n.clamp(1, 3), &mut all);
    out.extend(
        all.into_iter()
            .filter(|t| t.split(' ').count() == n.clamp(1, 3)),
    );
}

/// One record's raw strings for `field` and whether they are words (keyed by
/// [`keyword_key`]).
fn raw_strings(
    corpus: &Corpus,
    r: &crate::model::Record,
    field: Field,
    ngrams: usize,
) -> Vec<String> {
    let s = &corpus.strings;
    let syms = |v: &[crate::model::Sym]| v.iter().map(|&x| s.get(x).to_string()).collect();
    match field {
        Field::Au => syms(&r.authors),
        Field::De => syms(&r.author_keywords),
        Field::Id => syms(&r.keywords_plus),
        Field::Kw => r
            .author_keywords
            .iter()
            .chain(&r.keywords_plus)
            .map(|&x| s.get(x).to_string())
            .collect(),
        Field::Ti | Field::Ab => {
            let text = if field == Field::Ti {
                &*r.title
            } else {
                r.abstract_text.as_deref().unwrap_or("")
            };
            let mut out = Vec::new();
            exact_ngrams(text, ngrams, &mut out);
            out
        }
        Field::So => r.source.iter().map(|&x| s.get(x).to_string()).collect(),
        Field::Country => r
            .addresses
            .iter()
            .filter_map(|a| a.country.map(|x| s.get(x).to_string()))
            .collect(),
        Field::Institution => r
            .addresses
            .iter()
            .filter_map(|a| a.institution.map(|x| s.get(x).to_string()))
            .collect(),
        Field::Cr => Vec::new(),
    }
}

/// The key and label of a raw string of `field`.
fn key_label(field: Field, raw: &str) -> (String, String) {
    match field {
        Field::De | Field::Id | Field::Kw | Field::Ti | Field::Ab => {
            let k = keyword_key(raw);
            (k.clone(), k)
        }
        Field::So => (journal_key(raw), raw.trim().to_string()),
        Field::Au => (name_key(raw), raw.replace(',', "").trim().to_string()),
        _ => (name_key(raw), raw.trim().to_string()),
    }
}

/// Extracts the items of `field` from every record. The thesaurus (VOSviewer format,
/// `label → replace by`) applies to the word fields; `ngrams` to title and abstract
/// terms.
pub fn extract(
    corpus: &Corpus,
    field: Field,
    thesaurus: &[(String, String)],
    ngrams: usize,
) -> FieldItems {
    let th = if field.is_textual() {
        thesaurus_map(NodeKind::Keyword, thesaurus)
    } else {
        FxHashMap::default()
    };
    let mut sp = Space::default();
    for r in &corpus.records {
        let ids: Vec<u32> = if field == Field::Cr {
            r.refs
                .iter()
                .map(|&rid| {
                    let w = corpus.refs.get(rid);
                    sp.id(w.key.to_string(), w.label)
                })
                .collect()
        } else {
            raw_strings(corpus, r, field, ngrams)
                .iter()
                .filter_map(|raw| {
                    let (key, label) = key_label(field, raw);
                    if key.is_empty() {
                        return None;
                    }
                    Some(match th.get(&key) {
                        Some((k, l)) => sp.id(k.clone(), &keyword_key(l)),
                        None => sp.id(key, &label),
                    })
                })
                .collect()
        };
        sp.push_record(ids);
    }
    let mut items = sp.items;
    items.field = Some(field);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_parse() {
        for f in Field::ALL {
            assert_eq!(f.tag().parse::<Field>(), Ok(f));
        }
        assert_eq!("au_co".parse::<Field>(), Ok(Field::Country));
        assert!("XX".parse::<Field>().unwrap_err().contains("unknown field"));
    }

    #[test]
    fn exact_ngrams_only() {
        let mut out = Vec::new();
        exact_ngrams("Value co-creation in service systems", 2, &mut out);
        // Stop word "in" cuts the phrase; 2-grams within each side only.
        assert_eq!(out, vec!["value co-creation", "service systems"]);
        out.clear();
        exact_ngrams("Value co-creation in service systems", 1, &mut out);
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn lists_dedup_per_record() {
        let it = FieldItems::from_lists(&[vec!["a", "b", "a"], vec!["b"]]);
        assert_eq!(it.per_record, vec![vec![0, 1], vec![1]]);
        assert_eq!(it.counts(&[0, 1]), vec![1, 2]);
    }
}
