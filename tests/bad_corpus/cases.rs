//! The expected outcome of each file of tests/bad_inputs/, worked out by hand from
//! the file's content (line numbers count the file's lines from 1; line 0 is the file
//! as a whole).

/// What loading one file alone must give.
pub enum Expect {
    /// Loads with this many records kept (after de-duplication by accession number);
    /// each `(line, text)` must be among the file's problems.
    Kept(usize, &'static [(u64, &'static str)]),
    /// Nothing loads; a problem at this line contains this text.
    Rejected(u64, &'static str),
}
use Expect::*;

pub const CASES: &[(&str, Expect)] = &[
    // Not a format at all, or empty.
    ("other_binary.txt", Rejected(0, "binary data")),
    (
        "other_blank_lines.txt",
        Rejected(0, "not a supported format"),
    ),
    ("other_empty.txt", Rejected(0, "empty file")),
    (
        "other_not_a_format.csv",
        Rejected(0, "not a supported format"),
    ),
    (
        "wos_html_error_page.txt",
        Rejected(0, "starts with \"<!DOCTYPE html>\""),
    ),
    ("wos_pdf_with_txt_ext.txt", Rejected(0, "binary data")),
    ("wos_zip_with_txt_ext.txt", Rejected(0, "binary data")),
    ("wos_header_only.txt", Rejected(0, "no records found")),
    ("wos_cr_line_endings.txt", Rejected(0, "no records found")),
    (
        "wos_utf16le.txt",
        Rejected(0, "UTF-16 plain-text exports are not supported"),
    ),
    ("tab_header_only.txt", Rejected(0, "no records found")),
    // WoS plain text.
    (
        "wos_bad_years.txt",
        Kept(
            3,
            &[(3, "PY is not a plausible year: \"0\""), (12, "\"99999\"")],
        ),
    ),
    ("wos_bom_in_middle.txt", Kept(2, &[])),
    (
        "wos_continuation_first.txt",
        Kept(1, &[(3, "continuation line outside a record")]),
    ),
    ("wos_control_chars.txt", Kept(1, &[])),
    ("wos_crlf_bom.txt", Kept(2, &[])),
    (
        "wos_cut_mid_tag.txt",
        Kept(
            2,
            &[
                (11, "not closed by ER"),
                (13, "incomplete last line ignored"),
            ],
        ),
    ),
    (
        "wos_duplicate_tags.txt",
        Kept(1, &[(3, "PY is not a plausible year: \"2010 2011\"")]),
    ),
    ("wos_duplicate_uid.txt", Kept(1, &[])),
    ("wos_empty_record.txt", Kept(2, &[])),
    ("wos_er_at_eof_no_newline.txt", Kept(2, &[])),
    (
        "wos_er_without_record.txt",
        Kept(1, &[(3, "ER without a record")]),
    ),
    (
        "wos_fields_before_pt.txt",
        Kept(1, &[(3, "outside a record")]),
    ),
    (
        "wos_garbage_line.txt",
        Kept(2, &[(12, "record skipped: line 15 is not a field tag")]),
    ),
    ("wos_latin1.txt", Kept(1, &[(4, "not valid UTF-8")])),
    (
        "wos_lowercase_tags.txt",
        Kept(1, &[(3, "unexpected text outside a record: \"pt J\"")]),
    ),
    ("wos_missing_ef.txt", Kept(2, &[])),
    (
        "wos_mixed_encodings.txt",
        Kept(2, &[(5, "2 line(s) are not valid UTF-8")]),
    ),
    ("wos_mixed_line_endings.txt", Kept(2, &[])),
    ("wos_nested_quotes.txt", Kept(1, &[])),
    (
        "wos_no_er_before_pt.txt",
        Kept(2, &[(3, "not closed by ER before the next PT at line 7")]),
    ),
    (
        "wos_nul_in_header.txt",
        Kept(1, &[(2, "binary data (NUL byte) outside a record")]),
    ),
    (
        "wos_nul_in_record.txt",
        Kept(2, &[(12, "binary data (NUL byte) at line 14")]),
    ),
    ("wos_refs_odd.txt", Kept(1, &[])),
    ("wos_refs_without_year.txt", Kept(1, &[])),
    (
        "wos_tag_without_space.txt",
        Kept(1, &[(4, "no space after tag AU")]),
    ),
    (
        "wos_tc_not_number.txt",
        Kept(1, &[(3, "TC is not a number")]),
    ),
    (
        "wos_tc_overflow.txt",
        Kept(1, &[(3, "TC is not a number: \"99999999999\"")]),
    ),
    ("wos_truncated.txt", Kept(2, &[(12, "not closed by ER")])),
    (
        "wos_truncated_utf8.txt",
        Kept(2, &[(11, "not closed by ER"), (12, "not valid UTF-8")]),
    ),
    (
        "wos_weird_dois.txt",
        Kept(2, &[(13, "DI is not a DOI: \"see publisher site\"")]),
    ),
    (
        "wos_year_forms.txt",
        Kept(
            4,
            &[
                (3, "\"2010a\""),
                (9, "\"-44\""),
                (21, "PY is not a plausible year: \"1\""),
            ],
        ),
    ),
    // WoS tab-delimited.
    (
        "tab_bad_years.txt",
        Kept(
            3,
            &[(2, "PY is not a plausible year: \"0\""), (3, "\"99999\"")],
        ),
    ),
    (
        "tab_extra_cells.txt",
        Kept(3, &[(3, "row has 8 cells, the header 6")]),
    ),
    ("tab_latin1.txt", Kept(1, &[(2, "not valid UTF-8")])),
    (
        "tab_nul_row.txt",
        Kept(1, &[(2, "binary data (NUL byte) in row")]),
    ),
    (
        "tab_quoted_cells.txt",
        Kept(2, &[(2, "row has 7 cells, the header 6")]),
    ),
    (
        "tab_short_rows.txt",
        Kept(2, &[(3, "row has 3 cells, the header 6")]),
    ),
    ("tab_utf16_odd.txt", Kept(1, &[(0, "invalid UTF-16")])),
    ("tab_utf16be.txt", Kept(1, &[])),
    // Other databases' formats, in their real syntax.
    ("ris_with_txt_ext.txt", Kept(1, &[])),
    (
        "ris_binary.ris",
        Kept(1, &[(2, "binary data (NUL byte); line ignored")]),
    ),
    (
        "ris_er_without_ty.ris",
        Rejected(0, "not a supported format: starts with \"ER  - \""),
    ),
    ("ris_no_er.ris", Kept(2, &[(11, "record not closed by ER")])),
    (
        "ris_bad_tag_lines.ris",
        Kept(
            2,
            &[
                (13, "not an RIS tag line (`XX  - value`) nor a continuation"),
                (14, "\"XX- broken tag\"; ignored"),
            ],
        ),
    ),
    // `2018///` (line 24) is a valid RIS year-only date: not a problem.
    (
        "ris_bad_years.ris",
        Kept(
            3,
            &[
                (4, "PY is not a plausible year: \"99999\""),
                (14, "PY is not a plausible year: \"0\""),
            ],
        ),
    ),
    (
        "ris_duplicate_tags.ris",
        Kept(
            1,
            &[
                (
                    3,
                    "TI repeated in the record: the first value (line 2) \"First title\" kept, \
                     this one \"Second title\" ignored",
                ),
                (
                    5,
                    "PY repeated in the record: the first value (line 4) \"2018\" kept, \
                     this one \"2019\" ignored",
                ),
            ],
        ),
    ),
    (
        "scopus_bad_years.csv",
        Kept(
            3,
            &[(2, "Year is not a plausible year: \"0\""), (3, "\"99999\"")],
        ),
    ),
    (
        "scopus_missing_title_column.csv",
        Rejected(0, "not a supported format"),
    ),
    ("scopus_nested_quotes.csv", Kept(2, &[])),
    ("scopus_refs_without_year.csv", Kept(1, &[])),
    (
        "scopus_truncated.csv",
        Kept(2, &[(3, "row has 3 cells, the header 17")]),
    ),
    (
        "scopus_unterminated_quote.csv",
        Kept(3, &[(3, "row has 16 cells, the header 17")]),
    ),
    (
        "scopus_semicolon_delimiter.csv",
        Kept(
            1,
            &[(1, "note: the header's cells are separated by `;`, not `,`")],
        ),
    ),
    (
        "scopus_wrong_column_count.csv",
        Kept(
            2,
            &[(
                3,
                "row has 19 cells, the header 17; the cells beyond the header ignored",
            )],
        ),
    ),
    ("bibtex_nested_braces.bib", Kept(2, &[])),
    ("bibtex_no_entries.bib", Rejected(0, "no records found")),
    (
        "bibtex_unterminated_braces.bib",
        Kept(2, &[(13, "unbalanced value of field title; entry skipped")]),
    ),
    (
        "bibtex_unterminated_quote.bib",
        Kept(1, &[(12, "unbalanced value of field title; entry skipped")]),
    ),
    (
        "bibtex_bad_years.bib",
        Kept(
            3,
            &[
                (5, "year is not a plausible year: \"0\""),
                (15, "year is not a plausible year: \"99999\""),
                (25, "year is not a plausible year: \"MMXIX\""),
            ],
        ),
    ),
    (
        "bibtex_duplicate_fields.bib",
        Kept(
            1,
            &[
                (
                    3,
                    "field title repeated in the entry: the first value (line 2) \"One\" kept, \
                     this one \"Two\" ignored",
                ),
                (
                    5,
                    "field year repeated in the entry: the first value (line 4) \"2018\" kept, \
                     this one \"2019\" ignored",
                ),
            ],
        ),
    ),
    (
        "medline_bad_continuation.txt",
        Rejected(0, "not a supported format"),
    ),
    (
        "medline_bad_dates.txt",
        Kept(
            3,
            &[
                (1, "DP is not a date: \"99999\""),
                (11, "\"0000 Jan\""),
                (21, "\"Spring\""),
            ],
        ),
    ),
    ("medline_no_pmid.txt", Rejected(0, "not a supported format")),
    // MEDLINE has no end-of-record mark: a record cut short cannot be told from a short one.
    ("medline_truncated.txt", Kept(2, &[])),
    (
        "openalex_jsonl_mixed.jsonl",
        Kept(2, &[(2, "invalid JSON")]),
    ),
    (
        "openalex_not_an_object.json",
        Rejected(0, "not a supported format"),
    ),
    // A cut JSON document keeps the complete work before the cut. The file is one line
    // of 283 bytes cut inside the second work's title: serde_json's EOF is at column 283.
    (
        "openalex_truncated.json",
        Kept(
            1,
            &[(
                1,
                "invalid JSON: EOF while parsing a string at line 1 column 283: the file is \
                 cut off (truncated?) inside the work starting on this line, which is skipped; \
                 the 1 complete work(s) before the cut kept",
            )],
        ),
    ),
    (
        "openalex_bad_years.json",
        Kept(
            2,
            &[
                (1, "publication_year is not a plausible year: 0"),
                (1, "publication_year is not a plausible year: 99999"),
            ],
        ),
    ),
    // The second work's `authorships` is null, which is no value (nothing is lost).
    (
        "openalex_wrong_types.json",
        Kept(
            2,
            &[
                (
                    1,
                    "field title has the wrong type (expected string, found array); ignored",
                ),
                (
                    1,
                    "field publication_year has the wrong type (expected number, found string)",
                ),
                (
                    1,
                    "field referenced_works has the wrong type (expected array, found object)",
                ),
            ],
        ),
    ),
    (
        "lens_bad_rows.csv",
        Kept(2, &[(3, "row has 2 cells, the header 7")]),
    ),
];
