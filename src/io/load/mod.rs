//! The loader: reads many files and folders into one [`Corpus`], in parallel, with
//! the same result whatever the number of threads.
//!
//! Steps, one function each:
//! 1. [`expand_paths`]: folders into their files;
//! 2. `plan.rs`: open each file and sniff its format (`open_input`, with
//!    [`Format`](super::Format)); turn it into jobs — WoS plain text cut into blocks of
//!    whole records (`WosBlocks`), other formats one job per file — collected into
//!    batches of about two blocks per thread (`Planner`); parse each batch in parallel
//!    with rayon and apply the input caps (`Planner::parse_batch`);
//! 3. `merge.rs`: add each parsed batch to the corpus in file order, in parallel and
//!    while the next batch is parsed ([`Corpus::push_batch`]: accession numbers, cited
//!    works and strings interned in shards, ids by first occurrence, records built in
//!    parallel);
//! 4. `Merger::into_corpus`: report what only the whole load can tell (non-UTF-8
//!    lines per file, problems beyond the cap, files without records) and sort the
//!    problems by file and line;
//! 5. `finish`: reconcile DOI-less citations; fail when no file gave a record.

mod merge;
mod plan;

use crate::model::{Corpus, Problem};
use plan::Planner;
use std::path::PathBuf;
use std::time::Instant;

/// Errors that stop a whole load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no input files given")]
    NoInput,
    #[error("nothing could be loaded from {files} file(s):\n{}", format_problems(.problems))]
    NothingLoaded {
        files: usize,
        problems: Vec<Problem>,
    },
}

fn format_problems(p: &[Problem]) -> String {
    p.iter()
        .take(20)
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Options of a load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a problem (protects memory).
    pub max_file_bytes: u64,
    /// Size of the blocks a large file is parsed in.
    pub block_bytes: usize,
    /// Merge citations written without DOI into the DOI'd work they match
    /// ([`Corpus::reconcile_refs`]).
    pub reconcile_refs: bool,
    /// Longest value of one field (title, abstract, author, cited reference ...);
    /// longer values are cut or dropped and reported (`io/limits.rs`).
    pub max_field_bytes: usize,
    /// Most cited references kept per record; the rest are dropped and reported.
    pub max_refs_per_record: usize,
    /// Most problems listed per file; the rest are counted in one closing problem.
    pub max_problems_per_file: usize,
}

/// Default cap on one input file: 8 GiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 8 << 30;
/// Default block size: 4 MiB.
pub const DEFAULT_BLOCK_BYTES: usize = 4 << 20;
/// Default cap on one field value: 1 MiB (real titles and abstracts are under 100 kB).
pub const DEFAULT_MAX_FIELD_BYTES: usize = 1 << 20;
/// Default cap on cited references per record (real maxima are a few thousand).
pub const DEFAULT_MAX_REFS_PER_RECORD: usize = 100_000;
/// Default cap on problems listed per file.
pub const DEFAULT_MAX_PROBLEMS_PER_FILE: usize = 1_000;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            block_bytes: DEFAULT_BLOCK_BYTES,
            reconcile_refs: true,
            max_field_bytes: DEFAULT_MAX_FIELD_BYTES,
            max_refs_per_record: DEFAULT_MAX_REFS_PER_RECORD,
            max_problems_per_file: DEFAULT_MAX_PROBLEMS_PER_FILE,
        }
    }
}

/// Progress of a load, reported after each batch of blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadProgress {
    pub files_total: usize,
    pub files_done: usize,
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub records: usize,
}

/// Time spent per stage, in milliseconds.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LoadTimings {
    /// Reading and parsing (parallel).
    pub parse_ms: f64,
    /// Adding records to the corpus (interning, in parallel). Each batch is added
    /// while the next one is parsed, so `parse_ms + merge_ms` exceeds the load's
    /// wall time by the overlap.
    pub merge_ms: f64,
    /// Reconciling DOI-less citations.
    pub reconcile_ms: f64,
}

/// Files a folder of exports often holds beside them that are never exports (a
/// README, a PDF of the search strategy, a screenshot): skipped when a folder is
/// expanded, still read (and reported) when named on their own.
const NOT_EXPORTS: [&str; 9] = [
    "md", "pdf", "png", "jpg", "jpeg", "gif", "docx", "xlsx", "html",
];

fn is_documentation(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| NOT_EXPORTS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expands folders into their files (recursively, sorted, hidden files and
/// documentation such as `README.md` skipped).
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&dir) else {
                    found.push(dir);
                    continue;
                };
                for e in rd.flatten() {
                    let path = e.path();
                    if e.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    if path.is_dir() {
                        stack.push(path);
                    } else if !is_documentation(&path) {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Reads files and folders with default options.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    load_with(paths, &LoadOptions::default(), &|_| {}).map(|(c, _)| c)
}

/// Reads files and folders. `progress` is called after each batch of blocks.
///
/// The calling thread reads and cuts files into blocks; rayon parses each batch of
/// blocks in parallel, then adds its records to the corpus, in file order, in
/// parallel too. The corpus is the same whatever the number of threads.
pub fn load_with(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(LoadProgress) + Sync),
) -> Result<(Corpus, LoadTimings), LoadError> {
    let files = expand_paths(paths);
    if files.is_empty() {
        return Err(LoadError::NoInput);
    }
    let sizes: Vec<u64> = files
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .collect();
    let bytes_total: u64 = sizes.iter().sum();
    let start = LoadProgress {
        files_total: files.len(),
        bytes_total,
        ..Default::default()
    };
    let mut planner = Planner::new(opts, start, progress);
    progress(start);
    for (path, &size) in files.iter().zip(&sizes) {
        planner.add_file(path, size);
    }
    let (merger, parse_ms, problems) = planner.finish();
    let timings = LoadTimings {
        parse_ms,
        merge_ms: merger.merge_ms,
        ..Default::default()
    };
    let corpus = merger.into_corpus(problems, &files, opts.max_problems_per_file);
    progress(LoadProgress {
        files_total: files.len(),
        files_done: files.len(),
        bytes_total,
        bytes_done: bytes_total,
        records: corpus.records.len(),
    });
    finish(corpus, timings, files.len(), opts)
}

/// The last step: reconciling citations, and the error when no file gave a record.
fn finish(
    mut corpus: Corpus,
    mut timings: LoadTimings,
    files: usize,
    opts: &LoadOptions,
) -> Result<(Corpus, LoadTimings), LoadError> {
    if opts.reconcile_refs {
        let t = Instant::now();
        corpus.reconcile_refs();
        timings.reconcile_ms = ms(t);
    }
    if corpus.records.is_empty() {
        return Err(LoadError::NothingLoaded {
            files,
            problems: corpus.problems,
        });
    }
    Ok((corpus, timings))
}

/// Milliseconds since `t`.
fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_skips_its_readme_but_a_named_readme_is_read() {
        let dir = std::env::temp_dir().join(format!("cocite-expand-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).expect("dir");
        for f in ["a.txt", "README.md", "search.PDF", "sub/b.ris", ".hidden"] {
            std::fs::write(dir.join(f), "x").expect("file");
        }
        let found = expand_paths(std::slice::from_ref(&dir));
        let names: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "sub/b.ris"]);
        let named = expand_paths(&[dir.join("README.md")]);
        assert_eq!(named, [dir.join("README.md")]);
        std::fs::remove_dir_all(&dir).ok();
    }
}
