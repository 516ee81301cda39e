//! Reading bibliographic exports into a [`Corpus`]: one module per format, detected
//! from the content (never the file extension), and a loader that reads many files
//! and folders at once.
//!
//! The loader reads each file in blocks of whole records (a few MB), parses blocks in
//! parallel with rayon, and adds the records to the corpus in file order, so the result
//! does not depend on the number of threads. A file that is not a supported format, is
//! empty, or cannot be read becomes a [`Problem`](crate::model::Problem) and the other
//! files still load.

pub mod bibtex;
pub mod export;
pub mod fields;
mod fs;
pub mod lens;
mod limits;
pub mod medline;
pub mod openalex;
mod openalex_csv;
mod parsed;
pub mod ris;
pub mod scopus;
pub mod sources;
pub mod text;
pub mod wos;
pub mod wos_tab;

pub use fs::write_atomic;
pub use parsed::BlockResult;

use crate::model::{Corpus, SourceFile};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;
use text::Encoding;

/// Supported input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Web of Science plain text (tagged).
    Wos,
    /// Web of Science tab-delimited.
    WosTab,
    /// Scopus CSV.
    Scopus,
    /// RIS (EBSCO, Emerald, ProQuest, ScienceDirect, Zotero, IEEE, ...).
    Ris,
    /// BibTeX (Scopus, WoS, Zotero).
    Bibtex,
    /// PubMed MEDLINE (`PMID- `).
    Medline,
    /// OpenAlex works, JSON or JSON Lines.
    OpenAlex,
    /// OpenAlex CSV export.
    OpenAlexCsv,
    /// Lens.org scholarly works CSV.
    Lens,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Wos => "wos",
            Format::WosTab => "wos-tab",
            Format::Scopus => "scopus",
            Format::Ris => "ris",
            Format::Bibtex => "bibtex",
            Format::Medline => "medline",
            Format::OpenAlex => "openalex",
            Format::OpenAlexCsv => "openalex-csv",
            Format::Lens => "lens",
        }
    }
}

/// Errors that stop a whole load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no input files given")]
    NoInput,
    #[error("nothing could be loaded from {files} file(s):\n{}", format_problems(.problems))]
    NothingLoaded {
        files: usize,
        problems: Vec<crate::model::Problem>,
    },
}

fn format_problems(p: &[crate::model::Problem]) -> String {
    p.iter()
        .take(20)
        .map(|p| format!("  {}:{}: {}", p.file, p.line, p.message))
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
    /// longer values are cut or dropped and reported ([`limits`](self::limits)).
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
    /// Adding records to the corpus (interning).
    pub merge_ms: f64,
    /// Reconciling DOI-less citations.
    pub reconcile_ms: f64,
}

/// Expands folders into their files (recursively, sorted, hidden files skipped).
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
                    } else {
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

/// A unit of parallel work.
enum Job {
    WosBlock {
        file: u32,
        bytes: Vec<u8>,
        first_line: u64,
    },
    WosTab {
        file: u32,
        path: PathBuf,
        encoding: Encoding,
        bom: usize,
    },
    /// A file of another database's format, read whole ([`sources::read`]).
    Whole {
        file: u32,
        path: PathBuf,
        format: Format,
    },
}

/// A job's result, and the block buffer it gives back for reuse.
type JobOutput = ((u32, Result<BlockResult, String>), Option<Vec<u8>>);

/// Runs a job, then applies the input caps to its records.
fn run_job(job: Job, caps: limits::Caps) -> JobOutput {
    let ((file, mut res), buffer) = run_parser(job);
    if let Ok(block) = res.as_mut() {
        limits::apply(block, caps);
    }
    ((file, res), buffer)
}

fn run_parser(job: Job) -> JobOutput {
    match job {
        Job::WosBlock {
            file,
            bytes,
            first_line,
        } => {
            let parsed = wos::parse_block(&bytes, first_line);
            ((file, Ok(parsed)), Some(bytes))
        }
        Job::WosTab {
            file,
            path,
            encoding,
            bom,
        } => ((file, read_tab(&path, encoding, bom)), None),
        Job::Whole { file, path, format } => ((file, sources::read(&path, format)), None),
    }
}

fn read_tab(path: &Path, encoding: Encoding, bom: usize) -> Result<BlockResult, String> {
    let mut f = File::open(path).map_err(|e| e.to_string())?;
    match encoding {
        Encoding::Utf8 => {
            let mut skip = vec![0u8; bom];
            f.read_exact(&mut skip).map_err(|e| e.to_string())?;
            wos_tab::parse(BufReader::with_capacity(1 << 20, f))
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
            let (s, lossy) = text::decode_utf16(&bytes[bom..], encoding);
            let mut r = wos_tab::parse(s.as_bytes())?;
            if lossy {
                r.problems
                    .push((0, "invalid UTF-16 sequences replaced by U+FFFD".into()));
            }
            Ok(r)
        }
    }
}

/// Sniffs a file's format from its first bytes.
fn sniff(head: &[u8]) -> Result<(Format, Encoding, usize), String> {
    if head.is_empty() {
        return Err("empty file".into());
    }
    let (enc, bom) = text::sniff_bom(head);
    let decoded;
    let body: &[u8] = match enc {
        Encoding::Utf8 => &head[bom..],
        _ => {
            let even = (head.len() - bom) & !1;
            decoded = text::decode_utf16(&head[bom..bom + even], enc).0;
            decoded.as_bytes()
        }
    };
    // A recognised header wins: NUL bytes further in are per-record problems.
    if wos::detect(body) {
        return Ok((Format::Wos, enc, bom));
    }
    if wos_tab::detect(body) {
        return Ok((Format::WosTab, enc, bom));
    }
    if let Some(f) = sources::detect(body) {
        return Ok((f, enc, bom));
    }
    if enc == Encoding::Utf8 && text::looks_binary(body) {
        return Err("not a supported format: binary data (NUL bytes)".into());
    }
    let first: String = String::from_utf8_lossy(body)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    Err(format!(
        "not a supported format: starts with {first:?}; expected a Web of Science export \
         (plain text starting \"FN ... Web of Science\", or tab-delimited with a \"PT\tAU\t...\" header), \
         Scopus CSV, RIS, BibTeX, PubMed MEDLINE, OpenAlex JSON/CSV or Lens.org CSV"
    ))
}

/// Parsed blocks on their way to the merging thread: (file index, result).
type Parsed = Vec<(u32, Result<BlockResult, String>)>;

/// Adds parsed records to the corpus, in order, on its own thread while the next
/// batch is parsed.
struct Merger {
    corpus: Corpus,
    /// Lines not valid UTF-8 per file: (first line, count).
    non_utf8: FxHashMap<u32, (u64, u64)>,
    /// Problems per file so far (listed up to `max_problems`, then only counted).
    problem_counts: FxHashMap<u32, usize>,
    max_problems: usize,
    merge_ms: f64,
}

impl Merger {
    fn merge(&mut self, batch: Parsed, paths: &[String]) {
        let t = Instant::now();
        for (file, res) in batch {
            let path = &paths[file as usize];
            match res {
                Ok(r) => {
                    self.corpus.files[file as usize].records += r.records.len();
                    for rec in r.records {
                        self.corpus.push(rec, file);
                    }
                    let seen = self.problem_counts.entry(file).or_insert(0);
                    for (line, msg) in r.problems {
                        *seen += 1;
                        if *seen <= self.max_problems {
                            self.corpus.problem(path, line, msg);
                        }
                    }
                    if let Some((first, n)) = r.non_utf8 {
                        let e = self.non_utf8.entry(file).or_insert((first, 0));
                        e.0 = e.0.min(first);
                        e.1 += n;
                    }
                }
                Err(e) => {
                    *self.problem_counts.entry(file).or_insert(0) += 1;
                    self.corpus.problem(path, 0, e);
                }
            }
        }
        self.merge_ms += ms(t);
    }
}

/// Opens and sniffs one file; on success returns the reader (past the sniffed head),
/// the head bytes, and the format.
/// An opened input: reader past the sniffed head, the head, format, encoding, BOM length.
type Opened = (BufReader<File>, Vec<u8>, Format, Encoding, usize);

fn open_input(path: &Path, size: u64, opts: &LoadOptions) -> Result<Opened, String> {
    if size > opts.max_file_bytes {
        return Err(format!(
            "file is {size} bytes, over the limit of {} bytes (LoadOptions::max_file_bytes); skipped",
            opts.max_file_bytes
        ));
    }
    let f = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut reader = BufReader::with_capacity(1 << 16, f);
    let mut head = Vec::with_capacity(1 << 16);
    (&mut reader)
        .take(1 << 16)
        .read_to_end(&mut head)
        .map_err(|e| format!("cannot read: {e}"))?;
    let (format, encoding, bom) = sniff(&head)?;
    Ok((reader, head, format, encoding, bom))
}

/// Cuts a WoS plain-text file into blocks of whole records and hands each to `emit`
/// with its first line number. Returns a read error, if any, with its line.
/// Block buffers are taken from `pool` (parsed blocks come back to it), so a large
/// file does not touch fresh memory for every block.
fn wos_blocks(
    mut reader: BufReader<File>,
    mut buf: Vec<u8>,
    block_bytes: usize,
    pool: &std::cell::RefCell<Vec<Vec<u8>>>,
    emit: &mut dyn FnMut(Vec<u8>, u64),
) -> Option<(u64, String)> {
    let mut line = 1u64;
    let mut eof = false;
    let mut target = block_bytes;
    let mut error = None;
    loop {
        if !eof && buf.len() < target {
            match fill(&mut reader, &mut buf, target) {
                Ok(e) => eof = e,
                Err(e) => {
                    error = Some((line, format!("read error: {e}; rest of file skipped")));
                    eof = true;
                }
            }
        }
        if buf.is_empty() {
            break;
        }
        // Cut after the last complete record; a block with no ER yet grows until the
        // file ends or it reaches 16 blocks (one huge record).
        let cut = match (eof, wos::split_point(&buf)) {
            (true, _) => buf.len(),
            (false, Some(c)) => c,
            (false, None) if target < block_bytes * 16 => {
                target += block_bytes;
                continue;
            }
            (false, None) => buf.len(),
        };
        target = block_bytes;
        let mut rest = pool.borrow_mut().pop().unwrap_or_default();
        rest.clear();
        rest.extend_from_slice(&buf[cut..]);
        buf.truncate(cut);
        let block = std::mem::replace(&mut buf, rest);
        let lines = memchr::memchr_iter(b'\n', &block).count() as u64;
        emit(block, line);
        line += lines;
    }
    error
}

/// Reads files and folders. `progress` is called after each batch of blocks.
///
/// The calling thread reads and cuts files into blocks, rayon parses each batch of
/// blocks in parallel, and a merging thread adds the records of the previous batch to
/// the corpus meanwhile, in file order.
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
    let threads = rayon::current_num_threads().max(1);
    let batch_bytes = opts.block_bytes * threads * 2;
    let records_done = std::sync::atomic::AtomicUsize::new(0);
    let caps = limits::Caps {
        max_field_bytes: opts.max_field_bytes,
        max_refs_per_record: opts.max_refs_per_record,
    };
    let mut timings = LoadTimings::default();
    let mut problems: Vec<crate::model::Problem> = Vec::new();
    let mut sources: Vec<SourceFile> = Vec::new();
    let mut shown_paths: Vec<String> = Vec::new();
    let mut files_sent = 0usize;

    let (tx, rx) = std::sync::mpsc::sync_channel::<(Parsed, Vec<String>, Vec<SourceFile>)>(1);
    let mut merger = std::thread::scope(|scope| {
        let merging = scope.spawn(|| {
            let mut m = Merger {
                corpus: Corpus::new(),
                non_utf8: FxHashMap::default(),
                problem_counts: FxHashMap::default(),
                max_problems: opts.max_problems_per_file,
                merge_ms: 0.0,
            };
            // Real WoS records run 3–8 kB; generated ones 3.5 kB. Over-reserving a Vec
            // costs only address space; a too-small guess copies the table at the end.
            m.corpus.reserve_records((bytes_total / 2500) as usize);
            // About one new cited work per 300 bytes in a million generated records
            // (3.3 GB, 10.7 million works), one per 285 bytes in 200,000; real exports
            // have fewer. Outgrowing the list of works copies it and holds the old and
            // the new list at once; reserving far more than is used costs resident
            // memory too (measured: 16.5 million places for 10.7 million works added
            // 0.5 GB to the peak).
            m.corpus.refs.reserve((bytes_total / 280) as usize);
            // Each batch brings the files opened since the previous one (sending the
            // whole list every batch was quadratic in the number of files).
            let mut paths: Vec<String> = Vec::new();
            for (batch, new_paths, new_files) in rx {
                paths.extend(new_paths);
                m.corpus.files.extend(new_files);
                m.merge(batch, &paths);
                records_done.store(m.corpus.records.len(), std::sync::atomic::Ordering::Relaxed);
            }
            m
        });

        let mut prog = LoadProgress {
            files_total: files.len(),
            bytes_total,
            ..Default::default()
        };
        progress(prog);
        let mut batch: Vec<Job> = Vec::new();
        let mut batch_size = 0usize;
        let pool = std::cell::RefCell::new(Vec::new());
        let mut send = |batch: &mut Vec<Job>,
                        batch_size: &mut usize,
                        prog: &mut LoadProgress,
                        sources: &[SourceFile],
                        shown: &[String]| {
            let t = Instant::now();
            let (parsed, buffers): (Parsed, Vec<Option<Vec<u8>>>) = std::mem::take(batch)
                .into_par_iter()
                .map(|job| run_job(job, caps))
                .collect::<Vec<_>>()
                .into_iter()
                .unzip();
            pool.borrow_mut().extend(buffers.into_iter().flatten());
            timings.parse_ms += ms(t);
            // The merger only fails to receive if it panicked; join reports that.
            let _ = tx.send((
                parsed,
                shown[files_sent..].to_vec(),
                sources[files_sent..].to_vec(),
            ));
            files_sent = sources.len();
            prog.bytes_done += *batch_size as u64;
            prog.records = records_done.load(std::sync::atomic::Ordering::Relaxed);
            progress(*prog);
            *batch_size = 0;
        };
        for (path, &size) in files.iter().zip(&sizes) {
            let shown = path.display().to_string();
            prog.files_done += 1;
            let (reader, mut head, format, encoding, bom) = match open_input(path, size, opts) {
                Ok(x) => x,
                Err(e) => {
                    problems.push(crate::model::Problem {
                        file: shown,
                        line: 0,
                        message: e,
                    });
                    continue;
                }
            };
            let file = sources.len() as u32;
            sources.push(SourceFile {
                path: shown.clone(),
                format: format.name().into(),
                records: 0,
                bytes: size,
            });
            shown_paths.push(shown.clone());
            match (format, encoding) {
                (Format::WosTab, _) => {
                    batch.push(Job::WosTab {
                        file,
                        path: path.clone(),
                        encoding,
                        bom,
                    });
                    batch_size += size as usize;
                }
                (Format::Wos, Encoding::Utf8) => {
                    head.drain(..bom);
                    // Blocks of a huge file are sent in batches as they are read, so
                    // memory is bounded by a few batches, not the file.
                    let err = wos_blocks(
                        reader,
                        head,
                        opts.block_bytes,
                        &pool,
                        &mut |bytes, first_line| {
                            batch_size += bytes.len();
                            batch.push(Job::WosBlock {
                                file,
                                bytes,
                                first_line,
                            });
                            if batch_size >= batch_bytes {
                                send(
                                    &mut batch,
                                    &mut batch_size,
                                    &mut prog,
                                    &sources,
                                    &shown_paths,
                                );
                            }
                        },
                    );
                    if let Some((line, msg)) = err {
                        problems.push(crate::model::Problem {
                            file: shown,
                            line,
                            message: msg,
                        });
                    }
                }
                (Format::Wos, _) => problems.push(crate::model::Problem {
                    file: shown,
                    line: 0,
                    message: "UTF-16 plain-text exports are not supported; export as UTF-8".into(),
                }),
                _ => {
                    batch.push(Job::Whole {
                        file,
                        path: path.clone(),
                        format,
                    });
                    batch_size += size as usize;
                }
            }
            if batch_size >= batch_bytes || batch.len() >= threads * 8 {
                send(
                    &mut batch,
                    &mut batch_size,
                    &mut prog,
                    &sources,
                    &shown_paths,
                );
            }
        }
        send(
            &mut batch,
            &mut batch_size,
            &mut prog,
            &sources,
            &shown_paths,
        );
        drop(tx);
        merging.join()
    })
    .unwrap_or_else(|p| std::panic::resume_unwind(p));

    timings.merge_ms = merger.merge_ms;
    // The merger holds the complete file list (the last batch carried all of it).
    let mut corpus = std::mem::take(&mut merger.corpus);
    for (file, (first, count)) in merger.non_utf8 {
        let path = corpus.files[file as usize].path.clone();
        corpus.problem(
            &path,
            first,
            format!("{count} line(s) are not valid UTF-8 (first at this line); read as Windows-1252 (Latin-1)"),
        );
    }
    report_quiet_files(
        &mut corpus,
        &merger.problem_counts,
        opts.max_problems_per_file,
    );
    corpus.problems.extend(problems);
    // Problems in file order, then line order, whatever the batch order was.
    let order: FxHashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, p)| (p.display().to_string(), i))
        .collect();
    corpus
        .problems
        .sort_by_key(|p| (order.get(&p.file).copied().unwrap_or(usize::MAX), p.line));
    let done = LoadProgress {
        files_total: files.len(),
        files_done: files.len(),
        bytes_total,
        bytes_done: bytes_total,
        records: corpus.records.len(),
    };
    progress(done);

    if opts.reconcile_refs {
        let t = Instant::now();
        corpus.reconcile_refs();
        timings.reconcile_ms = ms(t);
    }
    if corpus.records.is_empty() {
        return Err(LoadError::NothingLoaded {
            files: files.len(),
            problems: corpus.problems,
        });
    }
    Ok((corpus, timings))
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
                format!(
                    "{} more problem(s) not listed (LoadOptions::max_problems_per_file = {max})",
                    n - max
                ),
            );
        } else if n == 0 && corpus.files[i].records == 0 {
            corpus.problem(
                &path,
                0,
                "no records found (a header without records, or line ends that are neither LF nor CRLF?)",
            );
        }
    }
}

/// Reads until `buf` holds `target` bytes or the input ends; returns true at the end.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, target: usize) -> std::io::Result<bool> {
    while buf.len() < target {
        let want = (target - buf.len()) as u64;
        if reader.take(want).read_to_end(buf)? == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
