//! Web of Science tab-delimited export ("Tab delimited file"): a header row of WoS
//! tags (`PT AU BA ... UT`), then one record per row. WoS writes it as UTF-8 with BOM
//! or as UTF-16 LE with BOM ("Win, UTF-16"); both are read. Multi-valued cells are
//! `; `-separated (`AU`, `AF`, `CR`), and `C1` separates addresses with `; ` outside
//! the `[...]` author groups (whose names are `; `-separated too).
//!
//! UTF-8 files stream row by row; UTF-16 files are decoded whole first (WoS writes at
//! most 1,000 records per tab-delimited file, a few MB).

use super::parsed::BlockResult;
use super::text::{self, Encoding};
use super::wos_fields::Builder;
use crate::model::ProblemKind;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// True when the text (after BOM/decoding) starts with a WoS tab-delimited header.
pub fn detect(text: &[u8]) -> bool {
    let first = text.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = first.strip_suffix(b"\r").unwrap_or(first);
    let cols: Vec<&[u8]> = first.split(|&b| b == b'\t').collect();
    cols.len() >= 5 && cols[0] == b"PT" && cols.contains(&&b"AU"[..]) && cols.contains(&&b"TI"[..])
}

/// Splits a C1 cell into addresses: `; ` outside brackets.
fn split_addresses(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in cell.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            ';' if depth == 0 => {
                out.push(cell[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(cell[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Longest row read (WoS rows are a few kB; the cap keeps a file without line breaks
/// from being read into memory whole).
pub const MAX_ROW_BYTES: u64 = 64 << 20;

/// Parses a tab-delimited export from a UTF-8 byte stream (BOM already removed).
/// WoS does not quote cells (tabs and newlines never occur inside them), so rows are
/// lines and cells are split on tabs.
pub fn parse<R: Read>(input: R) -> Result<BlockResult, ProblemKind> {
    let mut rdr = BufReader::with_capacity(1 << 16, input);
    let mut out = BlockResult::default();
    let mut header: Vec<Vec<u8>> = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        match (&mut rdr).take(MAX_ROW_BYTES).read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => line += 1,
            Err(e) => return Err(read_error(line + 1, &e)),
        }
        if buf.len() as u64 == MAX_ROW_BYTES && !buf.ends_with(b"\n") {
            // A row this long is not an export row; skip to its end in bounded reads.
            let mut skipped = buf.len() as u64;
            loop {
                buf.clear();
                match (&mut rdr).take(MAX_ROW_BYTES).read_until(b'\n', &mut buf) {
                    Ok(n) if n > 0 && !buf.ends_with(b"\n") => skipped += n as u64,
                    Ok(n) => break skipped += n as u64,
                    Err(e) => return Err(read_error(line, &e)),
                }
            }
            out.problems.push((
                line,
                ProblemKind::RowTooLong {
                    bytes: skipped,
                    max: MAX_ROW_BYTES,
                },
            ));
            continue;
        }
        let row = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let row = row.strip_suffix(b"\r").unwrap_or(row);
        if header.is_empty() {
            header = row
                .split(|&b| b == b'\t')
                .map(|h| h.trim_ascii().to_vec())
                .collect();
            continue;
        }
        if row.trim_ascii().is_empty() {
            continue;
        }
        let cells: Vec<&[u8]> = row.split(|&b| b == b'\t').collect();
        // WoS ends rows with a tab, giving one empty cell more than the header.
        let extra = cells.len().saturating_sub(header.len());
        if extra > 0
            && cells[header.len()..]
                .iter()
                .any(|c| !c.trim_ascii().is_empty())
        {
            out.problems.push((
                line,
                ProblemKind::CellCount {
                    cells: cells.len(),
                    header: header.len(),
                    effect: "extra cells ignored",
                },
            ));
        }
        if cells.len() < header.len() {
            out.problems.push((
                line,
                ProblemKind::CellCount {
                    cells: cells.len(),
                    header: header.len(),
                    effect: "missing cells left empty (a line break inside a cell?)",
                },
            ));
        }
        let mut b = Builder::new(line);
        for (tag, cell) in header.iter().zip(cells) {
            if memchr::memchr(0, cell).is_some() {
                b = Builder::new(line);
                b.mark_malformed("binary data (NUL byte) in row");
                break;
            }
            let (text, fallback) = text::decode_line(cell);
            if fallback {
                out.note_non_utf8(line);
            }
            let text: &str = &text;
            match tag.as_slice() {
                b"AU" | b"AF" | b"CR" => text.split(';').for_each(|v| b.add_tagged(tag, v)),
                b"C1" => split_addresses(text)
                    .into_iter()
                    .for_each(|v| b.add_tagged(tag, v)),
                _ => b.add_tagged(tag, text),
            }
        }
        if let Some(r) = b.finish(&mut out.problems) {
            out.records.push(r);
        }
    }
    if header.is_empty() {
        return Err(ProblemKind::EmptyFile);
    }
    Ok(out)
}

/// A read error in the middle of the file, at line `line`.
fn read_error(line: u64, e: &std::io::Error) -> ProblemKind {
    ProblemKind::Other(format!("line {line}: read error: {e}"))
}

/// Reads a tab-delimited export file in the encoding its head was sniffed as,
/// skipping the `bom` bytes of its byte-order mark.
pub(crate) fn read(
    path: &Path,
    encoding: Encoding,
    bom: usize,
) -> Result<BlockResult, ProblemKind> {
    // The file was opened once already (to sniff it): an error here is rare.
    let other = |e: std::io::Error| ProblemKind::Other(e.to_string());
    let mut f = File::open(path).map_err(other)?;
    match encoding {
        Encoding::Utf8 => {
            let mut skip = vec![0u8; bom];
            f.read_exact(&mut skip).map_err(other)?;
            parse(BufReader::with_capacity(1 << 20, f))
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).map_err(other)?;
            let (s, lossy) = text::decode_utf16(&bytes[bom..], encoding);
            let mut r = parse(s.as_bytes())?;
            if lossy {
                r.problems.push((0, ProblemKind::InvalidUtf16));
            }
            Ok(r)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows() {
        let text = "PT\tAU\tAF\tTI\tC1\tCR\tPY\tUT\nJ\tVargo, SL; Lusch, RF\tVargo, Stephen\tService logic\t[Vargo, S; Lusch, R] Univ Hawaii, Honolulu, HI USA; [X, Y] Univ Oxford, Oxford, England\tLevitt T, 1960, HARVARD BUS REV, V38, P45; Prahalad CK, 2004, J INTERACT MARK, V18, P5\t2004\tWOS:1\n\nJ\tDoe, J\t\tTwo\t\t\t2005\tWOS:2\n";
        let r = parse(text.as_bytes()).unwrap();
        assert_eq!(r.records.len(), 2);
        let a = &r.records[0];
        assert_eq!(a.authors, vec!["Vargo, SL", "Lusch, RF"]);
        assert_eq!(a.addresses.len(), 2);
        assert_eq!(a.addresses[0].authors.len(), 2);
        assert_eq!(a.addresses[1].country.as_deref(), Some("UK"));
        assert_eq!(a.cited_refs.len(), 2);
        assert_eq!(a.cited_refs[1].key, "prahalad c|2004|v18|p5");
        assert_eq!(r.records[1].line, 4);
        assert!(detect(text.as_bytes()));
        assert!(!detect(b"FN Clarivate"));
    }
}
