//! Planning the parallel work of a load: each file opened and sniffed, turned into
//! jobs (a WoS plain-text file cut into blocks of whole records, any other file one
//! job), the jobs collected into batches of about two blocks per thread, and each
//! batch parsed with rayon and added to the corpus ([`super::merge`]).

use super::merge::Merger;
use super::{LoadOptions, LoadProgress, ms};
use crate::io::detect::{Format, Sniffed, sniff};
use crate::io::limits;
use crate::io::parsed::BlockResult;
use crate::io::text::Encoding;
use crate::io::{sources, wos, wos_tab};
use crate::model::{Problem, ProblemKind, SourceFile};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

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
type JobOutput = ((u32, Result<BlockResult, ProblemKind>), Option<Vec<u8>>);

/// A parsed batch waiting to be added to the corpus: the files opened since the
/// batch before it, its results, and its size in bytes.
type Parsed = (
    Vec<SourceFile>,
    Vec<(u32, Result<BlockResult, ProblemKind>)>,
    usize,
);

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
        } => ((file, wos_tab::read(&path, encoding, bom)), None),
        Job::Whole { file, path, format } => ((file, sources::read(&path, format)), None),
    }
}

/// An opened input: the reader past the sniffed head, the head, and what it says.
struct Opened {
    reader: BufReader<File>,
    head: Vec<u8>,
    sniffed: Sniffed,
}

/// Opens a file and sniffs its format from its first 64 KiB.
fn open_input(path: &Path, size: u64, opts: &LoadOptions) -> Result<Opened, ProblemKind> {
    if size > opts.max_file_bytes {
        return Err(ProblemKind::FileTooLarge {
            size,
            limit: opts.max_file_bytes,
        });
    }
    let unreadable = |e: std::io::Error| ProblemKind::Unreadable {
        error: e.to_string(),
    };
    let f = File::open(path).map_err(unreadable)?;
    let mut reader = BufReader::with_capacity(1 << 16, f);
    let mut head = Vec::with_capacity(1 << 16);
    (&mut reader)
        .take(1 << 16)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let sniffed = sniff(&head)?;
    Ok(Opened {
        reader,
        head,
        sniffed,
    })
}

/// Turns files into jobs, collects them into batches, parses each batch in parallel
/// and adds it to the corpus. Runs on the calling thread.
pub(super) struct Planner<'a> {
    opts: &'a LoadOptions,
    caps: limits::Caps,
    threads: usize,
    /// A batch is parsed once it holds this many bytes (two blocks per thread).
    batch_bytes: usize,
    batch: Vec<Job>,
    batch_size: usize,
    /// Block buffers given back by parsed blocks, reused for the next blocks, so a
    /// large file does not touch fresh memory for every block.
    pool: Vec<Vec<u8>>,
    /// Files opened, in order; their index is the `file` of their jobs.
    sources: Vec<SourceFile>,
    /// How many of `sources` the corpus has been given.
    files_sent: usize,
    /// Problems of files that could not be opened or read to the end.
    problems: Vec<Problem>,
    prog: LoadProgress,
    parse_ms: f64,
    merger: Merger,
    /// The batch parsed last, added to the corpus while the next one is parsed.
    pending: Option<Parsed>,
    progress: &'a (dyn Fn(LoadProgress) + Sync),
}

impl<'a> Planner<'a> {
    pub(super) fn new(
        opts: &'a LoadOptions,
        prog: LoadProgress,
        progress: &'a (dyn Fn(LoadProgress) + Sync),
    ) -> Self {
        let threads = rayon::current_num_threads().max(1);
        Planner {
            opts,
            caps: limits::Caps {
                max_field_bytes: opts.max_field_bytes,
                max_refs_per_record: opts.max_refs_per_record,
            },
            threads,
            batch_bytes: opts.block_bytes * threads * 2,
            batch: Vec::new(),
            batch_size: 0,
            pool: Vec::new(),
            sources: Vec::new(),
            files_sent: 0,
            problems: Vec::new(),
            prog,
            parse_ms: 0.0,
            merger: Merger::new(opts, prog.bytes_total),
            pending: None,
            progress,
        }
    }

    /// Opens one file and adds its jobs; parses the batch when it is full.
    pub(super) fn add_file(&mut self, path: &Path, size: u64) {
        let shown = path.display().to_string();
        self.prog.files_done += 1;
        let opened = match open_input(path, size, self.opts) {
            Ok(x) => x,
            Err(e) => {
                self.problem(shown, 0, e);
                return;
            }
        };
        let Sniffed {
            format,
            encoding,
            bom,
        } = opened.sniffed;
        let file = self.sources.len() as u32;
        self.sources.push(SourceFile {
            path: shown.clone(),
            format: format.name().into(),
            records: 0,
            bytes: size,
        });
        match (format, encoding) {
            (Format::WosTab, _) => self.push(
                Job::WosTab {
                    file,
                    path: path.to_path_buf(),
                    encoding,
                    bom,
                },
                size as usize,
            ),
            (Format::Wos, Encoding::Utf8) => {
                let mut head = opened.head;
                head.drain(..bom);
                self.add_wos_blocks(file, &shown, opened.reader, head);
            }
            (Format::Wos, _) => self.problem(shown, 0, ProblemKind::Utf16PlainText),
            _ => self.push(
                Job::Whole {
                    file,
                    path: path.to_path_buf(),
                    format,
                },
                size as usize,
            ),
        }
        if self.batch_size >= self.batch_bytes || self.batch.len() >= self.threads * 8 {
            self.parse_batch();
        }
    }

    /// Cuts a WoS plain-text file into blocks, parsing each batch as soon as it is
    /// full, so memory is bounded by a few batches, not the file.
    fn add_wos_blocks(&mut self, file: u32, shown: &str, reader: BufReader<File>, head: Vec<u8>) {
        let mut blocks = WosBlocks::new(reader, head, self.opts.block_bytes);
        while let Some((bytes, first_line)) = blocks.next(&mut self.pool) {
            let len = bytes.len();
            self.push(
                Job::WosBlock {
                    file,
                    bytes,
                    first_line,
                },
                len,
            );
            if self.batch_size >= self.batch_bytes {
                self.parse_batch();
            }
        }
        if let Some((line, kind)) = blocks.error {
            self.problem(shown.to_string(), line, kind);
        }
    }

    /// Parses what is left. Returns the corpus so far, the time spent parsing and the
    /// problems of files not opened or read.
    pub(super) fn finish(mut self) -> (Merger, f64, Vec<Problem>) {
        self.parse_batch();
        self.parse_batch();
        (self.merger, self.parse_ms, self.problems)
    }

    fn push(&mut self, job: Job, bytes: usize) {
        self.batch.push(job);
        self.batch_size += bytes;
    }

    fn problem(&mut self, file: String, line: u64, kind: ProblemKind) {
        self.problems.push(Problem { file, line, kind });
    }

    /// Parses the batch in parallel while the batch parsed before it is added to the
    /// corpus (so that the merge's serial steps overlap parsing), then reports
    /// progress. Batches are still added in order, each with the files opened before
    /// it; [`Planner::finish`] calls this twice to add the last one.
    fn parse_batch(&mut self) {
        let caps = self.caps;
        let jobs = std::mem::take(&mut self.batch);
        let pending = self.pending.take();
        let merger = &mut self.merger;
        let (merged, (outputs, parse_ms)) = rayon::join(
            || {
                let (files, parsed, bytes) = pending?;
                merger.add_files(&files);
                merger.merge(parsed);
                Some(bytes)
            },
            || {
                let t = Instant::now();
                let out = jobs
                    .into_par_iter()
                    .map(|job| run_job(job, caps))
                    .collect::<Vec<_>>();
                (out, ms(t))
            },
        );
        let (parsed, buffers): (Vec<_>, Vec<Option<Vec<u8>>>) = outputs.into_iter().unzip();
        self.pool.extend(buffers.into_iter().flatten());
        self.parse_ms += parse_ms;
        if !parsed.is_empty() || self.files_sent < self.sources.len() {
            self.pending = Some((
                self.sources[self.files_sent..].to_vec(),
                parsed,
                self.batch_size,
            ));
            self.files_sent = self.sources.len();
        }
        self.batch_size = 0;
        if let Some(bytes) = merged {
            self.prog.bytes_done += bytes as u64;
            self.prog.records = self.merger.records();
            (self.progress)(self.prog);
        }
    }
}

/// Cuts a WoS plain-text file into blocks of whole records, each with its first line
/// number. A read error ends the file; it is kept in `error` with its line.
struct WosBlocks {
    reader: BufReader<File>,
    buf: Vec<u8>,
    block_bytes: usize,
    /// Bytes to read before cutting: one block, more while no record end is found.
    target: usize,
    eof: bool,
    line: u64,
    error: Option<(u64, ProblemKind)>,
}

impl WosBlocks {
    fn new(reader: BufReader<File>, head: Vec<u8>, block_bytes: usize) -> Self {
        WosBlocks {
            reader,
            buf: head,
            block_bytes,
            target: block_bytes,
            eof: false,
            line: 1,
            error: None,
        }
    }

    /// The next block and its first line; the bytes after it go to a buffer taken from
    /// `pool`.
    fn next(&mut self, pool: &mut Vec<Vec<u8>>) -> Option<(Vec<u8>, u64)> {
        loop {
            if !self.eof && self.buf.len() < self.target {
                match fill(&mut self.reader, &mut self.buf, self.target) {
                    Ok(e) => self.eof = e,
                    Err(e) => {
                        self.error = Some((
                            self.line,
                            ProblemKind::ReadError {
                                error: e.to_string(),
                            },
                        ));
                        self.eof = true;
                    }
                }
            }
            if self.buf.is_empty() {
                return None;
            }
            // Cut after the last complete record; a block with no ER yet grows until
            // the file ends or it reaches 16 blocks (one huge record).
            let cut = match (self.eof, wos::split_point(&self.buf)) {
                (true, _) => self.buf.len(),
                (false, Some(c)) => c,
                (false, None) if self.target < self.block_bytes * 16 => {
                    self.target += self.block_bytes;
                    continue;
                }
                (false, None) => self.buf.len(),
            };
            self.target = self.block_bytes;
            let mut rest = pool.pop().unwrap_or_default();
            rest.clear();
            rest.extend_from_slice(&self.buf[cut..]);
            self.buf.truncate(cut);
            let block = std::mem::replace(&mut self.buf, rest);
            let first_line = self.line;
            self.line += memchr::memchr_iter(b'\n', &block).count() as u64;
            return Some((block, first_line));
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
