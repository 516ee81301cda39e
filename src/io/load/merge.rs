//! The merging thread of a load: adds each parsed batch to the corpus, in file order,
//! while the planner ([`super::plan`]) parses the next batch; lists each file's
//! problems up to the cap and counts the rest.

use super::{LoadOptions, ms};
use crate::io::parsed::BlockResult;
use crate::model::{Corpus, Problem, ProblemKind, SourceFile};
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Instant;

/// Parsed blocks on their way to the merging thread, with the files opened since the
/// previous batch (sending the whole list every batch was quadratic in the number of
/// files).
pub(super) struct Batch {
    pub(super) parsed: Vec<(u32, Result<BlockResult, ProblemKind>)>,
    pub(super) new_files: Vec<SourceFile>,
}

/// Adds parsed records to the corpus, in order, on its own thread while the next
/// batch is parsed.
pub(super) struct Merger {
    corpus: Corpus,
    /// Paths of the files received so far, as shown in problems.
    paths: Vec<String>,
    /// Lines not valid UTF-8 per file: (first line, count).
    non_utf8: FxHashMap<u32, (u64, u64)>,
    /// Problems per file so far (listed up to `max_problems`, then only counted).
    problem_counts: FxHashMap<u32, usize>,
    max_problems: usize,
    pub(super) merge_ms: f64,
}

/// The merging thread: adds every batch received to a new corpus.
pub(super) fn merge_batches(
    rx: Receiver<Batch>,
    opts: &LoadOptions,
    bytes_total: u64,
    records_done: &AtomicUsize,
) -> Merger {
    let mut m = Merger {
        corpus: Corpus::new(),
        paths: Vec::new(),
        non_utf8: FxHashMap::default(),
        problem_counts: FxHashMap::default(),
        max_problems: opts.max_problems_per_file,
        merge_ms: 0.0,
    };
    // Real WoS records run 3–8 kB; generated ones 3.5 kB. Over-reserving a Vec costs
    // only address space; a too-small guess copies the table at the end.
    m.corpus.reserve_records((bytes_total / 2500) as usize);
    // About one new cited work per 300 bytes in a million generated records (3.3 GB,
    // 10.7 million works), one per 285 bytes in 200,000; real exports have fewer.
    // Outgrowing the list of works copies it and holds the old and the new list at
    // once; reserving far more than is used costs resident memory too (measured: 16.5
    // million places for 10.7 million works added 0.5 GB to the peak).
    m.corpus.refs.reserve((bytes_total / 280) as usize);
    for batch in rx {
        m.paths
            .extend(batch.new_files.iter().map(|f| f.path.clone()));
        m.corpus.files.extend(batch.new_files);
        m.merge(batch.parsed);
        records_done.store(m.corpus.records.len(), Ordering::Relaxed);
    }
    m
}

impl Merger {
    fn merge(&mut self, parsed: Vec<(u32, Result<BlockResult, ProblemKind>)>) {
        let t = Instant::now();
        for (file, res) in parsed {
            match res {
                Ok(r) => self.add(file, r),
                Err(e) => {
                    *self.problem_counts.entry(file).or_insert(0) += 1;
                    self.corpus.problem(&self.paths[file as usize], 0, e);
                }
            }
        }
        self.merge_ms += ms(t);
    }

    /// Adds the records of one parsed block and lists its problems up to the cap.
    fn add(&mut self, file: u32, r: BlockResult) {
        let path = &self.paths[file as usize];
        self.corpus.files[file as usize].records += r.records.len();
        for rec in r.records {
            self.corpus.push(rec, file);
        }
        let seen = self.problem_counts.entry(file).or_insert(0);
        for (line, kind) in r.problems {
            *seen += 1;
            if *seen <= self.max_problems {
                self.corpus.problem(path, line, kind);
            }
        }
        if let Some((first, n)) = r.non_utf8 {
            let e = self.non_utf8.entry(file).or_insert((first, 0));
            e.0 = e.0.min(first);
            e.1 += n;
        }
    }

    /// The corpus, with the problems only the whole load can tell (non-UTF-8 lines per
    /// file, problems beyond the cap, files without records) and `problems` (of files
    /// not opened or not read to the end) added, all in file order, then line order.
    pub(super) fn into_corpus(
        self,
        problems: Vec<Problem>,
        files: &[PathBuf],
        max: usize,
    ) -> Corpus {
        // The merger holds the complete file list (the last batch carried all of it).
        let mut corpus = self.corpus;
        report_non_utf8(&mut corpus, self.non_utf8);
        report_quiet_files(&mut corpus, &self.problem_counts, max);
        corpus.problems.extend(problems);
        sort_problems(&mut corpus, files);
        corpus
    }
}

/// One problem per file with lines read as Windows-1252, at the first such line.
fn report_non_utf8(corpus: &mut Corpus, non_utf8: FxHashMap<u32, (u64, u64)>) {
    for (file, (first, lines)) in non_utf8 {
        let path = corpus.files[file as usize].path.clone();
        corpus.problem(&path, first, ProblemKind::NotUtf8 { lines });
    }
}

/// Reports, per file, the problems beyond the cap that were only counted, and files
/// that gave no record and no problem (a header alone, or line ends that are neither
/// LF nor CRLF), so that no file is dropped without a word.
fn report_quiet_files(corpus: &mut Corpus, counts: &FxHashMap<u32, usize>, max: usize) {
    for i in 0..corpus.files.len() {
        let n = counts.get(&(i as u32)).copied().unwrap_or(0);
        let path = corpus.files[i].path.clone();
        if n > max {
            corpus.problem(
                &path,
                0,
                ProblemKind::MoreProblems {
                    count: n - max,
                    max,
                },
            );
        } else if n == 0 && corpus.files[i].records == 0 {
            corpus.problem(&path, 0, ProblemKind::NoRecords);
        }
    }
}

/// Problems in file order, then line order, whatever the batch order was.
fn sort_problems(corpus: &mut Corpus, files: &[PathBuf]) {
    let order: FxHashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, p)| (p.display().to_string(), i))
        .collect();
    corpus
        .problems
        .sort_by_key(|p| (order.get(&p.file).copied().unwrap_or(usize::MAX), p.line));
}
