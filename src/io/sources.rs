//! Detection and dispatch for the formats of databases other than Web of Science:
//! each is recognised from the content of the file's first 64 KiB (never the
//! extension) and read whole by its module (these exports are small: Scopus writes at
//! most 20,000 records per CSV, PubMed 10,000 per MEDLINE file).
//!
//! Detection, in this order (the first that matches wins):
//! - OpenAlex JSON / JSON Lines: first character `{` or `[` and `openalex.org/` or
//!   `"publication_year"` in the head;
//! - Lens.org CSV: a `Lens ID` column in the header line;
//! - OpenAlex CSV: header starting with `id,` and naming `publication_year`;
//! - Scopus CSV: header naming `Authors`, `Title` and `Source title`;
//! - MEDLINE: first non-blank line starts with `PMID-`;
//! - RIS: the first tag line (`XX  - `) among the first 20 non-blank lines is `TY  - `;
//! - BibTeX: a line starting with `@type{` or `@type(` (text before it, like Scopus'
//!   `Scopus` / `EXPORT DATE` preamble, is ignored as BibTeX ignores it).

use super::fields::{lines_any, read_text};
use super::parsed::BlockResult;
use super::{Format, bibtex, lens, medline, openalex, ris, scopus};
use crate::model::ProblemKind;
use std::path::Path;

/// The format of a file whose head is `head` (after BOM/UTF-16 decoding), if it is one
/// of these sources.
pub fn detect(head: &[u8]) -> Option<Format> {
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && (trimmed.contains("openalex.org/") || trimmed.contains("\"publication_year\""))
    {
        return Some(Format::OpenAlex);
    }
    let first = trimmed.lines().next().unwrap_or("");
    if lens::detect(first) {
        return Some(Format::Lens);
    }
    if openalex::detect_csv(first) {
        return Some(Format::OpenAlexCsv);
    }
    if scopus::detect(first) {
        return Some(Format::Scopus);
    }
    if first.starts_with("PMID-") {
        return Some(Format::Medline);
    }
    let mut lines = lines_any(&text)
        .map(|(_, l)| l)
        .filter(|l| !l.trim().is_empty())
        .take(20);
    if lines
        .by_ref()
        .find(|l| ris::tag_of(l).is_some())
        .is_some_and(|l| l.starts_with("TY  -"))
    {
        return Some(Format::Ris);
    }
    if lines_any(&text).any(|(_, l)| bibtex::entry_start(l.trim_start()).is_some()) {
        return Some(Format::Bibtex);
    }
    None
}

/// Reads a whole file of one of these formats.
pub fn read(path: &Path, format: Format) -> Result<BlockResult, ProblemKind> {
    let (text, non_utf8) = read_text(path)?;
    let mut r = match format {
        Format::Scopus => scopus::parse(&text),
        Format::Ris => ris::parse(&text),
        Format::Bibtex => bibtex::parse(&text),
        Format::Medline => medline::parse(&text),
        Format::OpenAlex => openalex::parse_json(&text),
        Format::OpenAlexCsv => openalex::parse_csv(&text),
        Format::Lens => lens::parse(&text),
        Format::Wos | Format::WosTab => {
            return Err(ProblemKind::Other(format!(
                "{} is not read whole",
                format.name()
            )));
        }
    };
    r.non_utf8 = non_utf8;
    Ok(r)
}
