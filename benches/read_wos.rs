//! Reading Web of Science plain text: 10k and 100k generated records
//! (../shared/tools/gen_wos.py, seed 1, one file each, generated once into
//! target/bench-data). Run: `cargo bench --bench read_wos`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::generated;

fn main() {
    divan::main();
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn read_wos(bencher: divan::Bencher, n: usize) {
    let Some(path) = generated(n) else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| cocite::io::load(std::slice::from_ref(&path)).expect("loads"));
}

/// The cited references (`CR` lines) of the 10k generated records.
fn cited_ref_lines() -> Option<Vec<String>> {
    let text = std::fs::read_to_string(generated(10_000)?).ok()?;
    let mut lines = Vec::new();
    let mut in_cr = false;
    for l in text.lines() {
        if let Some(v) = l.strip_prefix("CR ") {
            in_cr = true;
            lines.push(v.to_string());
        } else if in_cr && l.starts_with("   ") {
            lines.push(l.trim().to_string());
        } else {
            in_cr = false;
        }
    }
    Some(lines)
}

/// Parsing the cited references of 10k generated records into parts and keys (the
/// reader's largest single cost).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_cited_refs(bencher: divan::Bencher) {
    let Some(lines) = cited_ref_lines() else {
        return;
    };
    bencher
        .counter(divan::counter::ItemsCount::new(lines.len()))
        .bench(|| {
            lines
                .iter()
                .map(|l| cocite::model::CitedRef::parse(l))
                .collect::<Vec<_>>()
        });
}

/// The floor under any reader: the file read into memory and its lines scanned once,
/// counting records (`ER`) and cited-reference lines, allocating nothing per line.
/// What is left of a load's time above this is the reader's own work.
#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn floor_read_and_scan(bencher: divan::Bencher, n: usize) {
    let Some(path) = generated(n) else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| {
            let data = std::fs::read(&path).expect("reads");
            let (mut records, mut refs, mut in_cr) = (0usize, 0usize, false);
            for line in data.split(|&b| b == b'\n') {
                if line.len() >= 2 && line[0] != b' ' {
                    in_cr = line.starts_with(b"CR");
                    records += usize::from(line.starts_with(b"ER"));
                }
                refs += usize::from(in_cr);
            }
            assert_eq!(records, n);
            refs
        });
}

/// wosfile's model in Rust, for scale: every record a map from field tag to its lines,
/// each line an owned string (what `peer_parse.py --tools wosfile --touch-cr` builds
/// per record, kept here instead of dropped), no cited reference parsed or interned.
#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn floor_owned_lines(bencher: divan::Bencher, n: usize) {
    let Some(path) = generated(n) else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| {
            let text = std::fs::read_to_string(&path).expect("reads");
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let mut records = Vec::new();
            let mut record: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
            let mut tag = String::new();
            for line in text.lines() {
                let (head, value) = (line.get(..2).unwrap_or(""), line.get(3..).unwrap_or(""));
                if head == "ER" {
                    records.push(std::mem::take(&mut record));
                } else if !head.is_empty() {
                    if head != "  " {
                        tag = head.to_string();
                    }
                    record
                        .entry(tag.clone())
                        .or_default()
                        .push(value.to_string());
                }
            }
            assert_eq!(records.len(), n);
            records
        });
}
