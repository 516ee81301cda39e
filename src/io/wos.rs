//! Web of Science plain-text ("tagged") export: `FN Clarivate Analytics Web of Science`
//! (or `FN Thomson Reuters Web of Science™`), `VR 1.0`, then records of two-character
//! tags in columns 1–2 and the value from column 4; continuation lines start with three
//! spaces; `ER` ends a record, `EF` the file.
//!
//! Multi-valued fields (`AU`, `AF`, `CR`, `C1`) have one value per line; text fields
//! (`TI`, `AB`, `SO`, `DE`, `ID`, ...) join their lines with a space. `DE` and `ID`
//! are `;`-separated lists.
//!
//! The parser works on blocks of whole records ([`parse_block`]) so that a large file
//! is read in pieces and parsed in parallel: memory grows with the records kept, not
//! with the file. It sorts lines by kind (tag, continuation, other) and hands each
//! field's value to the record builder of `wos_fields.rs`, which the tab-delimited
//! reader shares. Problems are reported with their line and the rest keeps loading:
//! - a line in column 1 that is not a tag → the record is skipped (malformed);
//! - a record not closed by `ER` (truncated file) → kept with the fields read, reported;
//! - fields outside a record (no `PT` line) → reported and ignored;
//! - bytes that are not UTF-8 → decoded as Windows-1252, reported once per block;
//! - implausible years (outside 1000–2100) → year left empty, reported.

// The readers' output type was first defined here; `io::wos::BlockResult` still works.
pub use super::parsed::BlockResult;
use super::text::decode_line;
use super::wos_fields::{Builder, Field, T_EF, T_ER, T_FN, T_PT, T_VR, field_of, truncate};
pub use super::wos_fields::{parse_year, split_keywords};
use crate::model::ProblemKind;
use std::borrow::Cow;

/// True when `bytes` (after any BOM) look like a WoS plain-text export: the first
/// non-blank line is `FN ...Web of Science...`, or a `PT ` tag line.
pub fn detect(bytes: &[u8]) -> bool {
    let first = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .find(|l| !l.iter().all(u8::is_ascii_whitespace));
    match first {
        Some(l) => {
            (l.starts_with(b"FN ") && contains(l, b"Web of Science"))
                || (l.starts_with(b"PT ") && l.len() <= 5)
        }
        None => false,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// Where to cut a buffer so that the first part ends after a complete `ER` line.
/// Returns the length of that part, or `None` if there is no `ER` line.
pub fn split_point(buf: &[u8]) -> Option<usize> {
    let mut end = buf.len();
    while let Some(pos) = memchr::memmem::rfind(&buf[..end], b"\nER") {
        let after = pos + 3;
        let rest = &buf[after..];
        if rest.starts_with(b"\n") {
            return Some(after + 1);
        }
        if rest.starts_with(b"\r\n") {
            return Some(after + 2);
        }
        end = pos;
    }
    None
}

fn is_tag_line(l: &[u8]) -> bool {
    l.len() >= 2
        && (l[0].is_ascii_uppercase() || l[0].is_ascii_digit())
        && (l[1].is_ascii_uppercase() || l[1].is_ascii_digit())
        && (l.len() == 2 || l[2] == b' ')
}

/// Parses a block of whole lines. `first_line` is the 1-based number of its first line.
pub fn parse_block(block: &[u8], first_line: u64) -> BlockResult {
    let mut p = BlockParser {
        block,
        text: std::str::from_utf8(block).ok(),
        first_line: first_line.max(1),
        out: BlockResult::default(),
        cur: None,
        field: Field::Ignored,
        outside_reported: false,
        last_line: None,
    };
    let mut line_no = p.first_line - 1;
    // Lines found with memchr (a byte-by-byte split was a tenth of the parse).
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', block).chain([block.len()]) {
        line_no += 1;
        p.line(&block[start..end], line_no);
        start = end + 1;
    }
    p.finish()
}

/// The state of [`parse_block`] between lines.
struct BlockParser<'a> {
    block: &'a [u8],
    /// The block as text when it is all UTF-8 (nearly always): its lines are then
    /// sliced from it instead of each being checked again.
    text: Option<&'a str>,
    first_line: u64,
    out: BlockResult,
    /// The record being read (from its `PT` line to its `ER` line).
    cur: Option<Builder>,
    /// The field continuation lines add to: the last tag seen.
    field: Field,
    /// Whether text outside a record has been reported since the last record (it is
    /// reported once per run of such lines).
    outside_reported: bool,
    /// The number of the block's last line, counted when first needed.
    last_line: Option<u64>,
}

impl BlockParser<'_> {
    /// Reads one line (without its `\n`).
    fn line(&mut self, raw: &[u8], line_no: u64) {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        // A BOM inside the text: exports joined with `cat`.
        let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            return;
        }
        let (text, fallback) = match self.text {
            // `raw` lies in the block between a line end, a `\r` or a BOM, all whole
            // characters: its bounds are character boundaries of the text.
            Some(all) => {
                let at = raw.as_ptr() as usize - self.block.as_ptr() as usize;
                (Cow::Borrowed(&all[at..at + raw.len()]), false)
            }
            None => decode_line(raw),
        };
        if fallback {
            self.out.note_non_utf8(line_no);
        }
        let line: &str = &text;
        if line.contains('\0') {
            self.binary_line(line_no);
        } else if raw[0] == b' ' || raw[0] == b'\t' {
            self.continuation(line, line_no);
        } else if is_tag_line(raw) {
            self.tag_line(&raw[..2], line, line_no);
        } else {
            self.not_a_tag_line(raw, line, line_no);
        }
    }

    /// A tag line: `PT` starts a record, `ER` ends it, the file's header tags are
    /// passed over, and any other tag starts a field of the record.
    fn tag_line(&mut self, tag: &[u8], line: &str, line_no: u64) {
        let value = if line.len() > 3 { &line[3..] } else { "" };
        match u16::from_be_bytes([tag[0], tag[1]]) {
            T_PT => self.start_record(value, line_no),
            T_ER => self.end_record(line_no),
            T_FN | T_VR | T_EF if self.cur.is_none() => {}
            _ => match self.cur.as_mut() {
                Some(b) => {
                    self.field = field_of(tag);
                    b.add(self.field, value);
                }
                None => self.outside_record(line_no, || ProblemKind::FieldOutsideRecord {
                    tag: String::from_utf8_lossy(tag).into_owned(),
                    start: "PT",
                }),
            },
        }
    }

    /// `PT`: a new record (closing one left open, which is reported and kept).
    fn start_record(&mut self, pub_type: &str, line_no: u64) {
        if let Some(b) = self.cur.take() {
            self.out.problems.push((
                b.line(),
                ProblemKind::NotClosedBeforeNext {
                    start: "PT",
                    next_line: line_no,
                },
            ));
            self.keep(b);
        }
        let mut b = Builder::new(line_no);
        b.add(Field::PubType, pub_type);
        self.cur = Some(b);
        self.field = Field::PubType;
        self.outside_reported = false;
    }

    /// `ER`: the end of the record.
    fn end_record(&mut self, line_no: u64) {
        match self.cur.take() {
            Some(b) => self.keep(b),
            None => self
                .out
                .problems
                .push((line_no, ProblemKind::EndWithoutRecord)),
        }
    }

    /// Converts a finished record and keeps it (unless it was malformed).
    fn keep(&mut self, b: Builder) {
        if let Some(r) = b.finish(&mut self.out.problems) {
            self.out.records.push(r);
        }
    }

    /// An indented line: it continues the current field.
    fn continuation(&mut self, line: &str, line_no: u64) {
        match self.cur.as_mut() {
            Some(b) => b.add(self.field, line),
            None => self.outside_record(line_no, || ProblemKind::ContinuationOutsideRecord),
        }
    }

    /// A line holding a NUL byte: the record is skipped.
    fn binary_line(&mut self, line_no: u64) {
        match self.cur.as_mut() {
            Some(b) => {
                b.mark_malformed_with(|| format!("binary data (NUL byte) at line {line_no}"))
            }
            None => self
                .out
                .problems
                .push((line_no, ProblemKind::BinaryOutsideRecord)),
        }
    }

    /// A line in column 1 that is not `XX value`: a known tag without its space (read
    /// as that field), the cut-off last line of a truncated file (ignored), or text that
    /// spoils its record.
    fn not_a_tag_line(&mut self, raw: &[u8], line: &str, line_no: u64) {
        // "AUGilles, H": a known tag with the space missing (seen in real exports).
        if let Some(b) = self.cur.as_mut()
            && raw.len() > 2
            && field_of(&raw[..2]) != Field::Ignored
            && line.is_char_boundary(2)
        {
            self.out.problems.push((
                line_no,
                ProblemKind::NoSpaceAfterTag {
                    tag: String::from_utf8_lossy(&raw[..2]).into_owned(),
                },
            ));
            self.field = field_of(&raw[..2]);
            b.add(self.field, &line[2..]);
            return;
        }
        // The unfinished last line of a truncated file does not spoil its record.
        let (block, first_line) = (self.block, self.first_line);
        let last = *self
            .last_line
            .get_or_insert_with(|| first_line + memchr::memchr_iter(b'\n', block).count() as u64);
        if self.cur.is_some() && line_no == last && !block.ends_with(b"\n") {
            self.out.problems.push((
                line_no,
                ProblemKind::IncompleteLastLine {
                    text: truncate(line).to_string(),
                },
            ));
            return;
        }
        match self.cur.as_mut() {
            Some(b) => b.mark_malformed_with(|| {
                format!("line {line_no} is not a field tag: {:?}", truncate(line))
            }),
            None => self.out.problems.push((
                line_no,
                ProblemKind::UnexpectedText {
                    text: truncate(line).to_string(),
                },
            )),
        }
    }

    /// Reports a line outside a record, once per run of them.
    fn outside_record(&mut self, line_no: u64, kind: impl FnOnce() -> ProblemKind) {
        if !self.outside_reported {
            self.out.problems.push((line_no, kind()));
            self.outside_reported = true;
        }
    }

    /// The end of the block: a record still open is reported and kept.
    fn finish(mut self) -> BlockResult {
        if let Some(b) = self.cur.take() {
            self.out.problems.push((b.line(), ProblemKind::NotClosed));
            self.keep(b);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Vargo, SL\n   Lusch, RF\nAF Vargo, Stephen L.\n   Lusch, Robert F.\nTI Evolving to a new dominant\n   logic for marketing\nSO JOURNAL OF MARKETING\nDE service; value co-creation;\n   dominant logic\nC1 [Vargo, Stephen L.] Univ Hawaii, Honolulu, HI 96822 USA.\nCR Levitt T, 1960, HARVARD BUS REV, V38, P45\n   Prahalad CK, 2004, J INTERACT MARK, V18, P5, DOI 10.1002/dir.20015\nTC 5000\nPY 2004\nVL 68\nIS 1\nBP 1\nEP 17\nDI 10.1509/jmkg.68.1.1.24036\nUT WOS:000188143800001\nER\n\nPT J\nAU Doe, J\nTI Second\nPY 2005\nUT WOS:2\nER\n\nEF\n";

    #[test]
    fn parses_fields() {
        let r = parse_block(TWO.as_bytes(), 1);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.records.len(), 2);
        let a = &r.records[0];
        assert_eq!(a.authors, vec!["Vargo, SL", "Lusch, RF"]);
        assert_eq!(a.authors_full[1], "Lusch, Robert F.");
        assert_eq!(a.title, "Evolving to a new dominant logic for marketing");
        assert_eq!(
            a.author_keywords,
            vec!["service", "value co-creation", "dominant logic"]
        );
        assert_eq!(a.addresses[0].country.as_deref(), Some("USA"));
        assert_eq!(a.cited_refs.len(), 2);
        assert_eq!(a.cited_refs[1].doi.as_deref(), Some("10.1002/dir.20015"));
        assert_eq!(a.year, Some(2004));
        assert_eq!(a.pages.as_deref(), Some("1-17"));
        assert_eq!(a.times_cited, Some(5000));
        assert_eq!(a.uid.as_deref(), Some("WOS:000188143800001"));
        assert_eq!(a.line, 3);
        assert_eq!(r.records[1].line, 26);
    }

    #[test]
    fn crlf_is_the_same() {
        let crlf = TWO.replace('\n', "\r\n");
        let a = parse_block(TWO.as_bytes(), 1);
        let b = parse_block(crlf.as_bytes(), 1);
        assert_eq!(a.records, b.records);
    }

    #[test]
    fn truncated_and_malformed() {
        let text = "FN Clarivate Analytics Web of Science\nPT J\nTI ok\nER\nPT J\nTI bad\nthis is not a tag\nER\nPT J\nTI cut off\nCR A B, 2000, J, V1";
        let r = parse_block(text.as_bytes(), 1);
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.records[0].title, "ok");
        assert_eq!(r.records[1].title, "cut off");
        assert_eq!(r.problems.len(), 2);
        assert_eq!(r.problems[0].0, 5);
        assert!(
            r.problems[0]
                .1
                .to_string()
                .contains("line 7 is not a field tag")
        );
        assert_eq!(r.problems[1].0, 9);
        assert!(r.problems[1].1.to_string().contains("not closed by ER"));
    }

    #[test]
    fn continuation_pt_is_not_a_record() {
        // As in ../shared/data/citespace-homework-bci: "   PT XXI" inside a field.
        let text = "PT J\nTI A title\n   PT XXI\nER\n";
        let r = parse_block(text.as_bytes(), 1);
        assert_eq!(r.records.len(), 1);
        assert_eq!(r.records[0].title, "A title PT XXI");
    }

    #[test]
    fn bad_years_and_latin1() {
        let text = b"PT J\nAU M\xfcller, K\nPY 99999\nTC x\nER\n";
        let r = parse_block(text, 10);
        assert_eq!(r.records[0].authors[0], "Müller, K");
        assert_eq!(r.records[0].year, None);
        assert_eq!(r.non_utf8, Some((11, 1)));
        assert_eq!(r.problems.len(), 2);
        assert_eq!(r.problems[0].0, 10);
    }

    #[test]
    fn detection_and_split() {
        assert!(detect(
            b"\nFN Thomson Reuters Web of Science\xe2\x84\xa2\nVR 1.0"
        ));
        assert!(detect(b"PT J\nAU x"));
        assert!(!detect(b"PT\tAU\tBA"));
        assert!(!detect(b"TY  - JOUR"));
        let buf = b"PT J\nER\n\nPT J\nER\nPT J\nTI x";
        assert_eq!(split_point(buf), Some(17));
        assert_eq!(split_point(b"PT J\nTI ERx\n"), None);
    }
}
