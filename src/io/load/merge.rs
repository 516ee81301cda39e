//! Adding each parsed batch to the corpus, in file order, with every step parallel
//! ([`Corpus::push_batch`]); listing each file's problems up to the cap and counting
//! the rest.

use super::{LoadOptions, ms};
use crate::io::parsed::BlockResult;
use crate::model::{Corpus, Problem, ProblemKind, SourceFile};
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::time::Instant;

/// Adds parsed records to the corpus, in order.
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

impl Merger {
    /// An empty corpus for a load of `bytes_total` bytes.
    pub(super) fn new(opts: &LoadOptions, bytes_total: u64) -> Self {
        let mut m = Merger {
            corpus: Corpus::new(),
            paths: Vec::new(),
            non_utf8: FxHashMap::default(),
            problem_counts: FxHashMap::default(),
            max_problems: opts.max_problems_per_file,
            merge_ms: 0.0,
        };
        // Real WoS records run 3–8 kB; generated ones 3.5 kB. Over-reserving a Vec
        // costs only address space; a too-small guess copies the table at the end.
        m.corpus.reserve_records((bytes_total / 2500) as usize);
        // About one new cited work per 300 bytes in a million generated records (3.3
        // GB, 10.7 million works), one per 285 bytes in 200,000; real exports have
        // fewer. Outgrowing the list of works copies it and holds the old and the new
        // list at once.
        m.corpus.refs.reserve((bytes_total / 280) as usize);
        m
    }

    /// Records read so far.
    pub(super) fn records(&self) -> usize {
        self.corpus.records.len()
    }

    /// Adds files opened since the last batch.
    pub(super) fn add_files(&mut self, files: &[SourceFile]) {
        self.paths.extend(files.iter().map(|f| f.path.clone()));
        self.corpus.files.extend_from_slice(files);
    }

    /// Adds a parsed batch: the problems of its blocks, then its records in one
    /// parallel step.
    pub(super) fn merge(&mut self, parsed: Vec<(u32, Result<BlockResult, ProblemKind>)>) {
        let t = Instant::now();
        let mut records = Vec::new();
        for (file, res) in parsed {
            match res {
                Ok(r) => {
                    let n = r.records.len();
                    records.reserve(n);
                    records.extend(r.records.into_iter().map(|p| (file, p)));
                    self.add(file, n, r.problems, r.non_utf8);
                }
                Err(e) => {
                    *self.problem_counts.entry(file).or_insert(0) += 1;
                    self.corpus.problem(&self.paths[file as usize], 0, e);
                }
            }
        }
        self.corpus.push_batch(records);
        self.merge_ms += ms(t);
    }

    /// Counts the `records` of one parsed block and lists its problems up to the cap.
    fn add(
        &mut self,
        file: u32,
        records: usize,
        problems: Vec<(u64, ProblemKind)>,
        non_utf8: Option<(u64, u64)>,
    ) {
        let path = &self.paths[file as usize];
        self.corpus.files[file as usize].records += records;
        let seen = self.problem_counts.entry(file).or_insert(0);
        for (line, kind) in problems {
            *seen += 1;
            if *seen <= self.max_problems {
                self.corpus.problem(path, line, kind);
            }
        }
        if let Some((first, n)) = non_utf8 {
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
