//! Format detection: which reader a file needs, decided from its first bytes (the
//! byte-order mark, then each format's header), never from the file name.
//!
//! Order: a byte-order mark (UTF-8, UTF-16 LE/BE, or UTF-16 LE without one) sets the
//! encoding; then the WoS plain-text header wins, then the WoS tab-delimited header,
//! then the other databases' formats ([`sources::detect`]). A head with NUL bytes and
//! no recognised header is binary; anything else is reported with its first line.

use super::text::{self, Encoding};
use super::{sources, wos, wos_tab};
use crate::model::ProblemKind;

/// Supported input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Web of Science plain text (tagged).
    Wos,
    /// Web of Science tab-delimited.
    WosTab,
    /// Scopus CSV.
    Scopus,
    /// RIS (EBSCO, Emerald, ProQuest, ScienceDirect, Zotero, IEEE, ...).
    Ris,
    /// BibTeX (Scopus, WoS, Zotero).
    Bibtex,
    /// PubMed MEDLINE (`PMID- `).
    Medline,
    /// OpenAlex works, JSON or JSON Lines.
    OpenAlex,
    /// OpenAlex CSV export.
    OpenAlexCsv,
    /// Lens.org scholarly works CSV.
    Lens,
}

impl Format {
    /// The format's name as `stats` and sessions show it (`wos`, `wos-tab`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Wos => "wos",
            Format::WosTab => "wos-tab",
            Format::Scopus => "scopus",
            Format::Ris => "ris",
            Format::Bibtex => "bibtex",
            Format::Medline => "medline",
            Format::OpenAlex => "openalex",
            Format::OpenAlexCsv => "openalex-csv",
            Format::Lens => "lens",
        }
    }
}

/// What the head of a file says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sniffed {
    pub format: Format,
    pub encoding: Encoding,
    /// Length of the byte-order mark (0 when there is none).
    pub bom: usize,
}

/// Sniffs a file's format from its first bytes.
pub(crate) fn sniff(head: &[u8]) -> Result<Sniffed, ProblemKind> {
    if head.is_empty() {
        return Err(ProblemKind::EmptyFile);
    }
    let (encoding, bom) = text::sniff_bom(head);
    let decoded;
    let body: &[u8] = match encoding {
        Encoding::Utf8 => &head[bom..],
        _ => {
            let even = (head.len() - bom) & !1;
            decoded = text::decode_utf16(&head[bom..bom + even], encoding).0;
            decoded.as_bytes()
        }
    };
    let sniffed = |format| {
        Ok(Sniffed {
            format,
            encoding,
            bom,
        })
    };
    // A recognised header wins: NUL bytes further in are per-record problems.
    if wos::detect(body) {
        return sniffed(Format::Wos);
    }
    if wos_tab::detect(body) {
        return sniffed(Format::WosTab);
    }
    if let Some(f) = sources::detect(body) {
        return sniffed(f);
    }
    if encoding == Encoding::Utf8 && text::looks_binary(body) {
        return Err(ProblemKind::BinaryFile);
    }
    Err(not_supported(body))
}

/// The problem for a file of no supported format: its first non-blank line.
fn not_supported(body: &[u8]) -> ProblemKind {
    let start: String = String::from_utf8_lossy(body)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    ProblemKind::UnknownFormat { start }
}
