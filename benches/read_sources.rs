//! Reading the exports of other databases at their per-file maximum: a Scopus CSV of
//! 20,020 rows (../shared/data/metaknowledge-tests/scopus_testing.csv.scopus, 220 rows
//! repeated 91 times with new EIDs, 947,492 references) and a WoS BibTeX file of 10,179
//! entries (../shared/data/bibliometrix-repo/savedrecs.bib repeated 27 times with new
//! UT numbers). Both are made once into target/bench-data.
//! Run: `cargo bench --bench read_sources`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The repeated Scopus CSV, made on first use.
fn scopus_csv() -> Option<PathBuf> {
    let src = root().join("../shared/data/metaknowledge-tests/scopus_testing.csv.scopus");
    let out = root().join("target/bench-data/scopus-20020.csv");
    if out.exists() {
        return Some(out);
    }
    let mut rdr = csv::Reader::from_path(&src)
        .map_err(|e| eprintln!("note: {e}; benchmark skipped"))
        .ok()?;
    let header = rdr.headers().ok()?.clone();
    let eid = header.iter().position(|h| h == "EID")?;
    let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().ok()?;
    std::fs::create_dir_all(out.parent()?).ok()?;
    let mut w = csv::Writer::from_path(&out).ok()?;
    w.write_record(&header).ok()?;
    for k in 0..91 {
        for (i, row) in rows.iter().enumerate() {
            let mut cells: Vec<String> = row.iter().map(String::from).collect();
            cells[eid] = format!("2-s2.0-{k}x{i}");
            w.write_record(&cells).ok()?;
        }
    }
    w.flush().ok()?;
    Some(out)
}

/// The repeated WoS BibTeX file, made on first use.
fn wos_bibtex() -> Option<PathBuf> {
    let src = root().join("../shared/data/bibliometrix-repo/savedrecs.bib");
    let out = root().join("target/bench-data/savedrecs-x27.bib");
    if out.exists() {
        return Some(out);
    }
    let text = std::fs::read_to_string(&src)
        .map_err(|e| eprintln!("note: {e}; benchmark skipped"))
        .ok()?;
    std::fs::create_dir_all(out.parent()?).ok()?;
    let all: String = (0..27)
        .map(|k| text.replace("ISI:000", &format!("ISI:{k:03}")))
        .collect();
    std::fs::write(&out, all).ok()?;
    Some(out)
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_scopus_csv_20k(bencher: divan::Bencher) {
    let Some(path) = scopus_csv() else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(20_020usize))
        .bench(|| cocite::io::load(std::slice::from_ref(&path)).expect("loads"));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_wos_bibtex_10k(bencher: divan::Bencher) {
    let Some(path) = wos_bibtex() else { return };
    bencher
        .counter(divan::counter::ItemsCount::new(10_179usize))
        .bench(|| cocite::io::load(std::slice::from_ref(&path)).expect("loads"));
}
