//! The loader gives the same corpus whatever the number of threads and the block size:
//! the same records (with the same cited-work ids and string symbols), the same table
//! of cited works and strings in the same order, the same problems. (That a batch gives
//! the corpus of its records added one by one is tested beside `Corpus::push_batch`.)
//!
//! Inputs: the demo export (always), and from ../shared/data (skipped with a note when
//! absent) WoS plain-text and tab-delimited exports with repeated accession numbers,
//! then a Scopus CSV and a RIS file, so the loader switches from the parallel path of
//! one database to adding records one by one when the second database appears.

use cocite::io::{LoadOptions, load_with};
use cocite::model::{Corpus, Sym};
use std::path::{Path, PathBuf};

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn inputs() -> Vec<PathBuf> {
    let demo = repo("assets/demo/valuecreation2_96_records.txt");
    let mut paths = vec![demo.clone()];
    let shared = repo("../shared/data");
    if !shared.exists() {
        eprintln!("note: ../shared/data not found; only the demo export is loaded");
        return paths;
    }
    for f in [
        "citespace-homework-bci/savedrecs (1).txt",
        "citespace-homework-bci/savedrecs (2).txt",
        "phenomenology-wos/citations1.txt",
        "metaknowledge-tests/ManyAuthors.isi",
        "vos-citespace-internal-fixation/cite_savedrecs3_tabdelimited.txt",
        "vos-citespace-internal-fixation/vos_savedrecs1.txt",
        "litstudy-tests/scopus.csv",
        "litstudy-tests/example.ris",
    ] {
        paths.push(shared.join(f));
    }
    // The demo again: 96 duplicates by accession number, after the switch.
    paths.push(demo);
    paths
}

fn load_on(threads: usize, block_bytes: usize, paths: &[PathBuf]) -> Corpus {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    let opts = LoadOptions {
        block_bytes,
        ..Default::default()
    };
    pool.install(|| load_with(paths, &opts, &|_| {}).expect("loads").0)
}

/// Asserts two corpora are the same, table by table.
fn assert_same(a: &Corpus, b: &Corpus, what: &str) {
    assert_eq!(a.records, b.records, "{what}: records");
    assert_eq!(a.files, b.files, "{what}: files");
    assert_eq!(a.problems, b.problems, "{what}: problems");
    assert_eq!(
        (a.duplicates, a.cross_duplicates, a.cited_lines),
        (b.duplicates, b.cross_duplicates, b.cited_lines),
        "{what}: counts"
    );
    assert_eq!(a.refs.len(), b.refs.len(), "{what}: cited works");
    for id in 0..a.refs.len() as u32 {
        let (x, y) = (a.refs.get(id), b.refs.get(id));
        assert_eq!(x, y, "{what}: cited work {id}");
        assert_eq!(
            (x.author(), x.source(), x.volume(), x.page()),
            (y.author(), y.source(), y.volume(), y.page()),
            "{what}: parts of cited work {id}"
        );
    }
    assert_eq!(a.strings.len(), b.strings.len(), "{what}: strings");
    for i in 0..a.strings.len() as u32 {
        assert_eq!(
            a.strings.get(Sym(i)),
            b.strings.get(Sym(i)),
            "{what}: string {i}"
        );
    }
    assert_eq!(
        a.ref_agreement(),
        b.ref_agreement(),
        "{what}: merged references"
    );
}

#[test]
fn thread_count_does_not_change_the_corpus() {
    let paths = inputs();
    // Small blocks: many blocks per batch, many batches, records of one block parsed
    // and interned on different threads.
    let one = load_on(1, 16 << 10, &paths);
    let four = load_on(4, 16 << 10, &paths);
    assert_same(&one, &four, "1 vs 4 threads");
    let three_big = load_on(3, 64 << 20, &paths);
    assert_same(
        &one,
        &three_big,
        "1 thread, small blocks vs 3 threads, one block",
    );
    // Independent counts: the demo file's 96 records are all repeated at the end.
    assert!(one.duplicates >= 96, "{}", one.duplicates);
    assert!(one.records.len() > 96);
}
