//! Hand-made malformed files of each new format (tests/data/sources/bad): no panic,
//! each problem names its file and line, the good records are kept.

use cocite::io::load;
use cocite::model::Corpus;
use std::path::{Path, PathBuf};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/sources/bad")
        .join(name)
}

fn ok(name: &str, format: &str) -> Corpus {
    let c = load(&[bad(name)]).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(c.files[0].format, format);
    assert!(c.problems.iter().all(|p| p.file.ends_with(name)));
    c
}

fn problem(c: &Corpus, line: u64, text: &str) {
    assert!(
        c.problems
            .iter()
            .any(|p| p.line == line && p.message().contains(text)),
        "expected a problem at line {line} containing {text:?}, got {:?}",
        c.problems
    );
}

fn titles(c: &Corpus) -> Vec<&str> {
    c.records.iter().map(|r| r.title.as_ref()).collect()
}

#[test]
fn scopus_bad_cells_and_unclosed_quote() {
    let c = ok("scopus_bad.csv", "scopus");
    assert_eq!(titles(&c), ["Good row", "Bad year"]);
    assert_eq!(c.records[0].refs.len(), 1);
    problem(&c, 3, "Year is not a plausible year");
    problem(&c, 3, "Cited by is not a number");
    // The quote opened on line 4 never closes: the rest of the file is one cell.
    problem(&c, 4, "single cell");
    assert_eq!(c.problems.len(), 3);
}

#[test]
fn ris_orphan_fields_and_unclosed_records() {
    let c = ok("ris_bad.ris", "ris");
    assert_eq!(titles(&c), ["Good", "Not closed", "Cut off at the end"]);
    problem(&c, 5, "outside a record");
    problem(&c, 6, "not closed by ER before the next TY at line 8");
    problem(&c, 8, "truncated file");
    assert_eq!(c.problems.len(), 3);
}

#[test]
fn bibtex_unbalanced_and_keyless_entries() {
    let c = ok("bibtex_bad.bib", "bibtex");
    assert_eq!(titles(&c), ["Good", "Last"]);
    // The brace opened on line 3 never closes before the next entry.
    problem(&c, 3, "unbalanced value of field title; entry skipped");
    problem(&c, 5, "entry without a key");
    assert_eq!(c.problems.len(), 2);
}

#[test]
fn medline_orphans_and_bad_dates() {
    let c = ok("medline_bad.nbib", "medline");
    assert_eq!(titles(&c), ["Good", "Second"]);
    assert_eq!(c.records[1].year, None);
    problem(&c, 6, "DP is not a date");
    problem(&c, 9, "not a MEDLINE field");
    // The AU line between records (line 5) belongs to no record: it is appended to the
    // first one, as MEDLINE has no record end marker; nothing is lost silently.
    assert_eq!(c.records[0].authors.len(), 1);
}

#[test]
fn openalex_bad_json_lines() {
    let c = ok("openalex_bad.jsonl", "openalex");
    assert_eq!(titles(&c), ["Good"]);
    problem(&c, 2, "invalid JSON");
    problem(&c, 3, "not an OpenAlex work");
}

#[test]
fn lens_bad_year_and_short_row() {
    let c = ok("lens_bad.csv", "lens");
    assert_eq!(titles(&c), ["Good", "Bad year", "Open quote,2021"]);
    assert_eq!(c.records[0].refs.len(), 2);
    problem(&c, 3, "Publication Year is not a year");
    problem(&c, 4, "row has 2 cells, the header 5");
}

#[test]
fn whole_folder_loads_the_good_records() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/bad");
    let c = load(&[dir]).unwrap();
    // 2 (BibTeX) + 3 (Lens) + 2 (MEDLINE) + 1 (OpenAlex) + 3 (RIS) + 2 (Scopus).
    assert_eq!(c.records.len(), 13);
    assert_eq!(c.files.len(), 6);
}

/// Cuts and damages real and hand-made files of every format at many places (a seeded
/// generator picks them) and parses the pieces: no panic, whatever the damage.
#[test]
fn damaged_files_never_panic() {
    use cocite::io::{bibtex, lens, medline, openalex, ris, scopus};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).ok();
    type Parser = fn(&str) -> cocite::io::wos::BlockResult;
    let inputs: Vec<(Option<String>, Parser)> = vec![
        (
            read("../shared/data/bibliometrix-repo/fixtures/scopus_sample.csv"),
            scopus::parse,
        ),
        (
            read("../shared/data/litstudy-tests/example.ris"),
            ris::parse,
        ),
        (read("tests/data/sources/ris_databases.ris"), ris::parse),
        (
            read("../shared/data/bibliometrix-repo/scopus.bib"),
            bibtex::parse,
        ),
        (read("tests/data/sources/bad/bibtex_bad.bib"), bibtex::parse),
        (
            read("../shared/data/metaknowledge-tests/medline_test.medline"),
            medline::parse,
        ),
        (
            read("tests/data/sources/openalex_works.json"),
            openalex::parse_json,
        ),
        (
            read("../shared/data/bibliometrix-repo/fixtures/openalex_sample.csv"),
            openalex::parse_csv,
        ),
        (
            read("../shared/data/bibliometrix-repo/fixtures/lens_sample.csv"),
            lens::parse,
        ),
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    };
    let mut parsed = 0;
    for (text, parse) in inputs {
        let Some(text) = text else { continue };
        // At most the first 60 kB, so the debug build stays quick.
        let end = (0..=text.len().min(60_000))
            .rev()
            .find(|&i| text.is_char_boundary(i));
        let text = &text[..end.unwrap_or(0)];
        for _ in 0..25 {
            let mut a = next(text.len());
            let mut b = a + next(text.len() - a + 1);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            // Cut off the end, and cut a piece out of the middle.
            let _ = parse(&text[..b]);
            let damaged = format!("{}{}", &text[..a], &text[b..]);
            let _ = parse(&damaged);
            parsed += 2;
        }
    }
    assert!(parsed >= 50, "{parsed}");
}
