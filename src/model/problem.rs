//! Problems found while reading input files, as typed values: a [`Problem`] is a
//! file, a line and a [`ProblemKind`], the category of what went wrong with the
//! details a reader knows (the tag, the value, the limit ...).
//!
//! A problem prints as `file:line: message`, the message being the kind's `Display`
//! (the exact text the readers have always given: users and tests match on it); in
//! JSON (`cocite stats --json`) it is `{"file", "line", "message"}`. Readers report
//! problems and keep going; only a file that cannot be read at all gives no records.

use serde::{Deserialize, Serialize};

/// A problem found in an input file. `line` is 1-based; 0 means the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "ProblemJson")]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub kind: ProblemKind,
}

impl Problem {
    /// The message, as printed after `file:line: `.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.kind)
    }
}

/// A problem as JSON has it: the kind written out as its message.
#[derive(Serialize, Deserialize)]
struct ProblemJson {
    file: String,
    line: u64,
    message: String,
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ProblemJson {
            file: self.file.clone(),
            line: self.line,
            message: self.message(),
        }
        .serialize(s)
    }
}

/// A problem read back from JSON keeps its message as [`ProblemKind::Other`].
impl From<ProblemJson> for Problem {
    fn from(p: ProblemJson) -> Self {
        Problem {
            file: p.file,
            line: p.line,
            kind: ProblemKind::Other(p.message),
        }
    }
}

/// What went wrong. Values quoted from a file are cut to their first 40 characters
/// by the reader.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    // The whole file.
    /// The file is empty.
    #[error("empty file")]
    EmptyFile,
    /// NUL bytes and no known header.
    #[error("not a supported format: binary data (NUL bytes)")]
    BinaryFile,
    /// No known header; `start` is the first non-blank line (60 characters at most).
    #[error(
        "not a supported format: starts with {start:?}; expected a Web of Science export \
         (plain text starting \"FN ... Web of Science\", or tab-delimited with a \"PT\tAU\t...\" header), \
         Scopus CSV, RIS, BibTeX, PubMed MEDLINE, OpenAlex JSON/CSV or Lens.org CSV"
    )]
    UnknownFormat { start: String },
    /// Over `LoadOptions::max_file_bytes`; skipped.
    #[error(
        "file is {size} bytes, over the limit of {limit} bytes (LoadOptions::max_file_bytes); skipped"
    )]
    FileTooLarge { size: u64, limit: u64 },
    /// The file cannot be opened or read.
    #[error("cannot read: {error}")]
    Unreadable { error: String },
    /// Reading stopped partway; the records before were kept.
    #[error("read error: {error}; rest of file skipped")]
    ReadError { error: String },
    /// WoS plain text in UTF-16, which WoS never writes.
    #[error("UTF-16 plain-text exports are not supported; export as UTF-8")]
    Utf16PlainText,
    /// `lines` lines (the first at the problem's line) were not UTF-8 and were read as
    /// Windows-1252.
    #[error(
        "{lines} line(s) are not valid UTF-8 (first at this line); read as Windows-1252 (Latin-1)"
    )]
    NotUtf8 { lines: u64 },
    /// Unpaired UTF-16 surrogates.
    #[error("invalid UTF-16 sequences replaced by U+FFFD")]
    InvalidUtf16,
    /// A file of a known format gave no record and no other problem.
    #[error(
        "no records found (a header without records, or line ends that are neither LF nor CRLF?)"
    )]
    NoRecords,
    /// A BibTeX file without a single `@type{` line.
    #[error("no BibTeX entries (@type{{...}})")]
    NoBibtexEntries,
    /// The problems of a file beyond `LoadOptions::max_problems_per_file`, counted.
    #[error("{count} more problem(s) not listed (LoadOptions::max_problems_per_file = {max})")]
    MoreProblems { count: usize, max: usize },

    // Input caps (`LoadOptions`).
    /// A text field longer than `max` bytes, cut to it.
    #[error(
        "{field} is {len} bytes, over the limit of {max} (LoadOptions::max_field_bytes); cut to the limit"
    )]
    FieldCut {
        field: &'static str,
        len: usize,
        max: usize,
    },
    /// `count` list entries (authors, keywords, address parts, cited references) longer
    /// than `max` bytes, dropped.
    #[error("{count} {what}(s) longer than {max} bytes (LoadOptions::max_field_bytes) dropped")]
    EntriesDropped {
        what: &'static str,
        count: usize,
        max: usize,
    },
    /// More cited references than `max` in one record; the first `max` kept.
    #[error(
        "record has {count} cited references, over the limit of {max} (LoadOptions::max_refs_per_record); the first {max} kept"
    )]
    TooManyRefs { count: usize, max: usize },

    // Records of the tagged formats (WoS, RIS, MEDLINE).
    /// A malformed record, not kept.
    #[error("record skipped: {reason}")]
    RecordSkipped { reason: String },
    /// A record still open at the end of the file (truncated), kept.
    #[error("record not closed by ER (truncated file?); kept with the fields read")]
    NotClosed,
    /// A record still open when the next one starts (`start`: `PT`, `TY`), kept.
    #[error("record not closed by ER before the next {start} at line {next_line}; kept")]
    NotClosedBeforeNext { start: &'static str, next_line: u64 },
    /// An `ER` line with no record open.
    #[error("ER without a record")]
    EndWithoutRecord,
    /// A field before any record start (`start`: `PT`, `TY`, `PMID`); reported once per
    /// run of them.
    #[error("field {tag} outside a record (no {start} line); ignored")]
    FieldOutsideRecord { tag: String, start: &'static str },
    /// An indented line before any record.
    #[error("continuation line outside a record")]
    ContinuationOutsideRecord,
    /// Text before any record (RIS, MEDLINE).
    #[error("text outside a record: {text:?}")]
    TextOutsideRecord { text: String },
    /// Text before any record (WoS).
    #[error("unexpected text outside a record: {text:?}")]
    UnexpectedText { text: String },
    /// A NUL byte before any record (WoS).
    #[error("binary data (NUL byte) outside a record")]
    BinaryOutsideRecord,
    /// A line with a NUL byte, ignored (RIS, MEDLINE).
    #[error("binary data (NUL byte); line ignored")]
    BinaryLine,
    /// The cut-off last line of a truncated file, ignored.
    #[error("incomplete last line ignored (truncated file?): {text:?}")]
    IncompleteLastLine { text: String },
    /// A known WoS tag without the space after it (`AUGilles, H`), read as the field.
    #[error("no space after tag {tag}; read as that field")]
    NoSpaceAfterTag { tag: String },
    /// An RIS line that is neither a tag line nor a continuation.
    #[error(
        "not an RIS tag line (`XX  - value`) nor a continuation (indented, or after AB, N1 or N2): {text:?}; ignored"
    )]
    NotRisTagLine { text: String },
    /// A MEDLINE line that is not a field.
    #[error("line is not a MEDLINE field: {text:?}; ignored")]
    NotMedlineField { text: String },
    /// A single-valued RIS tag repeated with another value; the first kept.
    #[error(
        "{tag} repeated in the record: the first value (line {first_line}) {kept:?} kept, this one {ignored:?} ignored"
    )]
    RepeatedTag {
        tag: String,
        first_line: u64,
        kept: String,
        ignored: String,
    },
    /// A BibTeX field repeated in an entry with another value; the first kept.
    #[error(
        "field {name} repeated in the entry: the first value (line {first_line}) {kept:?} kept, this one {ignored:?} ignored"
    )]
    RepeatedField {
        name: String,
        first_line: u64,
        kept: String,
        ignored: String,
    },
    /// A BibTeX entry that does not parse (`error`), kept with the fields read before
    /// the error when it has a title, else skipped.
    #[error("{error}; entry {}", entry_outcome(*.kept))]
    BadEntry { error: String, kept: bool },

    // Values.
    /// A year outside 1000–2100 or not a number, left empty; `value` as the file has
    /// it (quoted text, or a JSON value).
    #[error("{field} is not a plausible year: {value}")]
    ImplausibleYear { field: String, value: String },
    /// A value that is not what the field holds (`expected`: a number, a year, a date),
    /// left empty.
    #[error("{field} is not a {expected}: {value:?}")]
    InvalidValue {
        field: &'static str,
        expected: &'static str,
        value: String,
    },
    /// A WoS `DI` value that is not a DOI, ignored.
    #[error("DI is not a DOI: {value:?}; ignored")]
    NotADoi { value: String },
    /// An OpenAlex field of another JSON type than expected, ignored.
    #[error("field {field} has the wrong type (expected {expected}, found {found}); ignored")]
    WrongType {
        field: &'static str,
        expected: &'static str,
        found: &'static str,
    },

    // Rows (WoS tab-delimited, CSV).
    /// A row longer than `max` bytes (no line breaks), skipped.
    #[error("row is {bytes} bytes, over the limit of {max} bytes; skipped")]
    RowTooLong { bytes: u64, max: u64 },
    /// A row with another number of cells than the header; `effect` says what was done.
    #[error("row has {cells} cells, the header {header}; {effect}")]
    CellCount {
        cells: usize,
        header: usize,
        effect: &'static str,
    },
    /// A CSV row of one cell (an unclosed quote ate the rest), skipped.
    #[error("row has a single cell (unbalanced quotes?); skipped")]
    SingleCellRow,
    /// A CSV row the CSV reader rejected.
    #[error("CSV row skipped: {error}")]
    CsvRowSkipped { error: String },
    /// A CSV header the CSV reader rejected; the file gives no records.
    #[error("cannot read the CSV header: {error}")]
    CsvHeader { error: String },
    /// A CSV separated by `;` (re-saved by a spreadsheet), read so.
    #[error(
        "note: the header's cells are separated by `;`, not `,` (a CSV re-saved by a spreadsheet?); read with `;` as the delimiter"
    )]
    SemicolonDelimiter,
    /// Scopus rows with extra `Funding Text n` cells, realigned.
    #[error(
        "{rows} row(s) have more cells than the header (extra Funding Text columns); the columns after the funding texts were realigned"
    )]
    FundingColumnsRealigned { rows: usize },

    // JSON (OpenAlex).
    /// A JSON document that does not parse, nor as JSON Lines.
    #[error("invalid JSON: {error}")]
    InvalidJson { error: String },
    /// A JSON Lines line that does not parse, skipped.
    #[error("invalid JSON: {error}; line skipped")]
    InvalidJsonLine { error: String },
    /// A JSON document cut off; `at` says where, `kept` works before the cut were read.
    #[error(
        "invalid JSON: {error}: the file is cut off (truncated?) {at}; the {kept} complete work(s) before the cut kept"
    )]
    TruncatedJson {
        error: String,
        at: &'static str,
        kept: usize,
    },
    /// A JSON value that is neither a work, a list of works nor an API page.
    #[error("JSON value is not a work")]
    NotAWork,
    /// A JSON object without an `id` or `title`, skipped.
    #[error("JSON value is not an OpenAlex work (no id or title); skipped")]
    NotAnOpenAlexWork,

    /// Anything else, as a message (rare: an error while reading a file already opened,
    /// a problem read back from JSON).
    #[error("{0}")]
    Other(String),
}

/// What became of a BibTeX entry with an error.
fn entry_outcome(kept: bool) -> &'static str {
    if kept {
        "kept with the fields read"
    } else {
        "skipped"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_serialises_as_message() {
        let p = Problem {
            file: "a.txt".into(),
            line: 3,
            kind: ProblemKind::ImplausibleYear {
                field: "PY".into(),
                value: format!("{:?}", "99999"),
            },
        };
        assert_eq!(
            p.to_string(),
            "a.txt:3: PY is not a plausible year: \"99999\""
        );
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"file":"a.txt","line":3,"message":"PY is not a plausible year: \"99999\""}"#
        );
        let back: Problem = serde_json::from_str(&json).unwrap();
        assert_eq!(back.message(), p.message());
        assert_eq!(
            ProblemKind::BadEntry {
                error: "entry not closed (missing })".into(),
                kept: false
            }
            .to_string(),
            "entry not closed (missing }); entry skipped"
        );
        assert_eq!(
            ProblemKind::NoBibtexEntries.to_string(),
            "no BibTeX entries (@type{...})"
        );
    }

    #[test]
    fn rare_messages_read_as_before() {
        // Expected texts copied from the format strings the readers used before the
        // problems were typed (the common ones are checked by the readers' tests).
        use ProblemKind::*;
        let cases: Vec<(ProblemKind, &str)> = vec![
            (
                FileTooLarge { size: 10, limit: 5 },
                "file is 10 bytes, over the limit of 5 bytes (LoadOptions::max_file_bytes); skipped",
            ),
            (
                Unreadable {
                    error: "denied".into(),
                },
                "cannot read: denied",
            ),
            (
                ReadError {
                    error: "EIO".into(),
                },
                "read error: EIO; rest of file skipped",
            ),
            (
                MoreProblems {
                    count: 4000,
                    max: 1000,
                },
                "4000 more problem(s) not listed (LoadOptions::max_problems_per_file = 1000)",
            ),
            (
                FieldCut {
                    field: "title",
                    len: 12,
                    max: 11,
                },
                "title is 12 bytes, over the limit of 11 (LoadOptions::max_field_bytes); cut to the limit",
            ),
            (
                EntriesDropped {
                    what: "address part",
                    count: 2,
                    max: 9,
                },
                "2 address part(s) longer than 9 bytes (LoadOptions::max_field_bytes) dropped",
            ),
            (
                TooManyRefs { count: 5, max: 3 },
                "record has 5 cited references, over the limit of 3 (LoadOptions::max_refs_per_record); the first 3 kept",
            ),
            (
                RowTooLong { bytes: 70, max: 64 },
                "row is 70 bytes, over the limit of 64 bytes; skipped",
            ),
            (CsvRowSkipped { error: "e".into() }, "CSV row skipped: e"),
            (
                CsvHeader { error: "e".into() },
                "cannot read the CSV header: e",
            ),
            (NotAWork, "JSON value is not a work"),
            (InvalidJson { error: "e".into() }, "invalid JSON: e"),
            (
                InvalidJsonLine { error: "e".into() },
                "invalid JSON: e; line skipped",
            ),
            (
                TruncatedJson {
                    error: "e".into(),
                    at: "after the last complete work",
                    kept: 2,
                },
                "invalid JSON: e: the file is cut off (truncated?) after the last complete work; \
                 the 2 complete work(s) before the cut kept",
            ),
            (
                NotClosedBeforeNext {
                    start: "TY",
                    next_line: 9,
                },
                "record not closed by ER before the next TY at line 9; kept",
            ),
            (
                FieldOutsideRecord {
                    tag: "AU".into(),
                    start: "PMID",
                },
                "field AU outside a record (no PMID line); ignored",
            ),
            (
                UnknownFormat { start: "x".into() },
                "not a supported format: starts with \"x\"; expected a Web of Science export \
                 (plain text starting \"FN ... Web of Science\", or tab-delimited with a \
                 \"PT\tAU\t...\" header), Scopus CSV, RIS, BibTeX, PubMed MEDLINE, OpenAlex \
                 JSON/CSV or Lens.org CSV",
            ),
            (Other("anything".into()), "anything"),
        ];
        for (kind, want) in cases {
            assert_eq!(kind.to_string(), want);
        }
    }
}
