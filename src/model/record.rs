//! Bibliographic records: [`ParsedRecord`] is what a reader produces (owned strings,
//! one per file format's fields), [`Record`] is what the [`Corpus`](super::Corpus)
//! keeps (strings interned, cited references as ids into the corpus' table of cited
//! works).

use super::cited_ref::CitedRef;
use super::intern::Sym;
use serde::{Deserialize, Serialize};

/// Index of a cited work in [`Corpus::refs`](super::Corpus).
pub type RefId = u32;

/// Where a record came from: the file's index in [`Corpus::files`](super::Corpus)
/// and the line on which the record starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    pub file: u32,
    pub line: u32,
}

/// One address line (WoS `C1`): the authors it names and the institution and
/// country parsed from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedAddress {
    /// Authors in the leading `[...]` group, as written.
    pub authors: Vec<String>,
    /// First comma-separated part after the author group (`Univ Massachusetts`).
    pub institution: Option<String>,
    /// Country, normalised: US state + ZIP forms → `USA`, `Peoples R China` → `China`.
    pub country: Option<String>,
}

/// A record as read from a file, before interning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParsedRecord {
    /// Accession number (WoS `UT`, e.g. `WOS:000283946600004`).
    pub uid: Option<String>,
    /// Publication type (WoS `PT`: J journal, B book, S series, P patent, C conference).
    pub pub_type: Option<String>,
    /// Document type (WoS `DT`: Article, Review, ...).
    pub doc_type: Option<String>,
    /// Authors, short form (`AU`: `Vargo, SL`).
    pub authors: Vec<String>,
    /// Authors, full names (`AF`: `Vargo, Stephen L.`), empty where the source has none.
    pub authors_full: Vec<String>,
    pub title: String,
    /// Source title (`SO`).
    pub source: Option<String>,
    /// 29-character source abbreviation (`J9`).
    pub source_abbrev: Option<String>,
    pub year: Option<i32>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    /// `BP-EP`, or the article number.
    pub pages: Option<String>,
    pub doi: Option<String>,
    /// Author keywords (`DE`).
    pub author_keywords: Vec<String>,
    /// Keywords Plus (`ID`).
    pub keywords_plus: Vec<String>,
    /// Subject categories: Web of Science Categories (`WC`), where the source has them.
    pub categories: Vec<String>,
    pub abstract_text: Option<String>,
    pub addresses: Vec<ParsedAddress>,
    /// Times cited in the database's core collection (`TC`), a global count.
    pub times_cited: Option<u32>,
    pub language: Option<String>,
    pub cited_refs: Vec<CitedRef>,
    /// Line where the record starts in its file (1-based).
    pub line: u32,
}

/// An address with interned parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub authors: Vec<Sym>,
    pub institution: Option<Sym>,
    pub country: Option<Sym>,
}

/// A record kept in the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub uid: Option<Box<str>>,
    pub pub_type: Option<Sym>,
    pub doc_type: Option<Sym>,
    pub authors: Vec<Sym>,
    pub authors_full: Vec<Sym>,
    pub title: Box<str>,
    pub source: Option<Sym>,
    pub source_abbrev: Option<Sym>,
    pub year: Option<i32>,
    pub volume: Option<Box<str>>,
    pub issue: Option<Box<str>>,
    pub pages: Option<Box<str>>,
    pub doi: Option<Box<str>>,
    pub author_keywords: Vec<Sym>,
    pub keywords_plus: Vec<Sym>,
    /// Subject categories (WoS `WC`).
    #[serde(default)]
    pub categories: Vec<Sym>,
    pub abstract_text: Option<Box<str>>,
    pub addresses: Vec<Address>,
    pub times_cited: Option<u32>,
    pub language: Option<Sym>,
    /// Cited works, in the order cited, each once.
    pub refs: Vec<RefId>,
    pub origin: Origin,
}

/// Normalises a country as WoS writes it at the end of an address.
pub fn normalize_country(raw: &str) -> Option<String> {
    let c = raw.trim().trim_end_matches('.').trim();
    if c.is_empty() {
        return None;
    }
    // US addresses end in "MA 01003 USA" or "NY USA".
    if c.ends_with(" USA") || c == "USA" {
        return Some("USA".into());
    }
    let lower = c.to_lowercase();
    let mapped = match lower.as_str() {
        "peoples r china" | "people's r china" | "pr china" => "China",
        "england" | "scotland" | "wales" | "north ireland" | "northern ireland" => "UK",
        _ => {
            // Title case, keeping the database's words ("SOUTH KOREA" → "South Korea").
            let words: Vec<String> = lower
                .split_whitespace()
                .map(|w| {
                    let mut cs = w.chars();
                    match cs.next() {
                        Some(f) => f.to_uppercase().chain(cs).collect(),
                        None => String::new(),
                    }
                })
                .collect();
            return Some(words.join(" "));
        }
    };
    Some(mapped.into())
}

/// Parses a WoS `C1` address line: `[Vargo, Stephen L.; Lusch, R] Univ Hawaii, Shidler Coll Business, Honolulu, HI 96822 USA.`
pub fn parse_address(line: &str) -> ParsedAddress {
    let line = line.trim();
    let (authors, rest) = match line.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((names, rest)) => (
            names
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            rest.trim(),
        ),
        None => (Vec::new(), line),
    };
    let parts: Vec<&str> = rest
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let institution = parts.first().map(|s| s.to_string());
    let country = if parts.len() >= 2 {
        parts.last().and_then(|c| normalize_country(c))
    } else {
        None
    };
    ParsedAddress {
        authors,
        institution,
        country,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_parts() {
        let a = parse_address(
            "[Prokopovych, Bogdan] Univ Massachusetts, Isenberg Sch Management, Amherst, MA 01003 USA.",
        );
        assert_eq!(a.authors, vec!["Prokopovych, Bogdan"]);
        assert_eq!(a.institution.as_deref(), Some("Univ Massachusetts"));
        assert_eq!(a.country.as_deref(), Some("USA"));
        let b = parse_address("Tsinghua Univ, Dept Comp Sci, Beijing 100084, Peoples R China.");
        assert!(b.authors.is_empty());
        assert_eq!(b.country.as_deref(), Some("China"));
        let c = parse_address("[A, B; C, D] Univ Oxford, Oxford OX1 2JD, England.");
        assert_eq!(c.authors.len(), 2);
        assert_eq!(c.country.as_deref(), Some("UK"));
        assert_eq!(parse_address("").institution, None);
        assert_eq!(
            normalize_country("SOUTH KOREA").as_deref(),
            Some("South Korea")
        );
    }
}
