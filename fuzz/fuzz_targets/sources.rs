//! The readers of other databases' exports (RIS, BibTeX, MEDLINE, Scopus CSV, OpenAlex
//! JSON and CSV, Lens CSV), one target for all: the first byte picks the reader, the
//! rest is the file's text (invalid UTF-8 replaced, as `fields::decode_text` would
//! decode it). Every problem's line must lie inside the text.
#![no_main]

use cocite::io::{bibtex, lens, medline, openalex, ris, scopus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let r = match pick % 7 {
        0 => ris::parse(&text),
        1 => bibtex::parse(&text),
        2 => medline::parse(&text),
        3 => scopus::parse(&text),
        4 => openalex::parse_json(&text),
        5 => openalex::parse_csv(&text),
        _ => lens::parse(&text),
    };
    let lines = text.bytes().filter(|&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    for (line, msg) in &r.problems {
        assert!(!msg.to_string().is_empty());
        assert!(
            *line <= lines,
            "problem at line {line} of a {lines}-line text"
        );
    }
    for rec in &r.records {
        assert!(
            u64::from(rec.line) <= lines,
            "record at line {} of {lines}",
            rec.line
        );
    }
});
