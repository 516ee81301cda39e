//! Reading bibliographic exports into a [`Corpus`]: one module per format, detected
//! from the content (never the file extension), and a loader that reads many files
//! and folders at once.
//!
//! The loader reads each file in blocks of whole records (a few MB), parses blocks in
//! parallel with rayon, and adds the records to the corpus in file order, so the result
//! does not depend on the number of threads. A file that is not a supported format, is
//! empty, or cannot be read becomes a [`Problem`](crate::model::Problem) and the other
//! files still load.

pub mod text;
pub mod wos;
pub mod wos_tab;

use crate::model::{Corpus, SourceFile};
use rayon::prelude::*;
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
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Wos => "wos",
            Format::WosTab => "wos-tab",
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
}

/// Default cap on one input file: 8 GiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 8 << 30;
/// Default block size: 4 MiB.
pub const DEFAULT_BLOCK_BYTES: usize = 4 << 20;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            block_bytes: DEFAULT_BLOCK_BYTES,
            reconcile_refs: true,
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
}

fn run_job(job: Job) -> (u32, Result<wos::BlockResult, String>) {
    match job {
        Job::WosBlock {
            file,
            bytes,
            first_line,
        } => (file, Ok(wos::parse_block(&bytes, first_line))),
        Job::WosTab {
            file,
            path,
            encoding,
            bom,
        } => (file, read_tab(&path, encoding, bom)),
    }
}

fn read_tab(path: &Path, encoding: Encoding, bom: usize) -> Result<wos::BlockResult, String> {
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
         (plain text starting \"FN ... Web of Science\", or tab-delimited with a \"PT\tAU\t...\" header)"
    ))
}

/// Reads files and folders. `progress` is called after each batch of blocks.
pub fn load_with(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(LoadProgress) + Sync),
) -> Result<(Corpus, LoadTimings), LoadError> {
    let files = expand_paths(paths);
    if files.is_empty() {
        return Err(LoadError::NoInput);
    }
    let mut corpus = Corpus::new();
    let mut timings = LoadTimings::default();
    let sizes: Vec<u64> = files
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .collect();
    let mut prog = LoadProgress {
        files_total: files.len(),
        bytes_total: sizes.iter().sum(),
        ..Default::default()
    };
    progress(prog);
    let threads = rayon::current_num_threads().max(1);
    let batch_bytes = opts.block_bytes * threads * 2;
    let mut batch: Vec<Job> = Vec::new();
    let mut batch_size = 0usize;
    let mut per_file_non_utf8: Vec<Option<(u64, u64)>> = Vec::new();

    let flush = |batch: &mut Vec<Job>,
                 corpus: &mut Corpus,
                 timings: &mut LoadTimings,
                 non_utf8: &mut Vec<Option<(u64, u64)>>| {
        let t = Instant::now();
        let results: Vec<_> = std::mem::take(batch).into_par_iter().map(run_job).collect();
        timings.parse_ms += ms(t);
        let t = Instant::now();
        for (file, res) in results {
            let path = corpus.files[file as usize].path.clone();
            match res {
                Ok(r) => {
                    corpus.files[file as usize].records += r.records.len();
                    for rec in r.records {
                        corpus.push(rec, file);
                    }
                    for (line, msg) in r.problems {
                        corpus.problem(&path, line, msg);
                    }
                    if let Some((first, n)) = r.non_utf8 {
                        let slot = &mut non_utf8[file as usize];
                        *slot = Some(match *slot {
                            Some((f, m)) => (f.min(first), m + n),
                            None => (first, n),
                        });
                    }
                }
                Err(e) => corpus.problem(&path, 0, e),
            }
        }
        timings.merge_ms += ms(t);
    };

    for (path, &size) in files.iter().zip(&sizes) {
        let shown = path.display().to_string();
        let file_idx = corpus.files.len() as u32;
        let opened = File::open(path).map_err(|e| format!("cannot read: {e}"));
        let opened = opened.and_then(|f| {
            if size > opts.max_file_bytes {
                Err(format!(
                    "file is {size} bytes, over the limit of {} bytes (LoadOptions::max_file_bytes); skipped",
                    opts.max_file_bytes
                ))
            } else {
                Ok(f)
            }
        });
        let mut reader = match opened {
            Ok(f) => BufReader::with_capacity(1 << 16, f),
            Err(e) => {
                corpus.problem(&shown, 0, e);
                prog.files_done += 1;
                continue;
            }
        };
        let mut head = Vec::with_capacity(1 << 16);
        if let Err(e) = (&mut reader).take(1 << 16).read_to_end(&mut head) {
            corpus.problem(&shown, 0, format!("cannot read: {e}"));
            prog.files_done += 1;
            continue;
        }
        let (format, encoding, bom) = match sniff(&head) {
            Ok(x) => x,
            Err(e) => {
                corpus.problem(&shown, 0, e);
                prog.files_done += 1;
                continue;
            }
        };
        corpus.files.push(SourceFile {
            path: shown.clone(),
            format: format.name().into(),
            records: 0,
            bytes: size,
        });
        per_file_non_utf8.push(None);
        match format {
            Format::WosTab => {
                batch.push(Job::WosTab {
                    file: file_idx,
                    path: path.clone(),
                    encoding,
                    bom,
                });
                batch_size += size as usize;
            }
            Format::Wos if encoding != Encoding::Utf8 => {
                corpus.problem(
                    &shown,
                    0,
                    "UTF-16 plain-text exports are not supported; export as UTF-8",
                );
            }
            Format::Wos => {
                let mut buf = head;
                buf.drain(..bom);
                let mut line = 1u64;
                let mut eof = false;
                let mut target = opts.block_bytes;
                loop {
                    if !eof && buf.len() < target {
                        match fill(&mut reader, &mut buf, target) {
                            Ok(e) => eof = e,
                            Err(e) => {
                                corpus.problem(
                                    &shown,
                                    line,
                                    format!("read error: {e}; rest of file skipped"),
                                );
                                eof = true;
                            }
                        }
                    }
                    if buf.is_empty() {
                        break;
                    }
                    // Cut after the last complete record; a block with no ER yet grows
                    // until the file ends or it reaches 16 blocks (one huge record).
                    let cut = match (eof, wos::split_point(&buf)) {
                        (true, _) => buf.len(),
                        (false, Some(c)) => c,
                        (false, None) if target < opts.block_bytes * 16 => {
                            target += opts.block_bytes;
                            continue;
                        }
                        (false, None) => buf.len(),
                    };
                    target = opts.block_bytes;
                    let rest = buf.split_off(cut);
                    let block = std::mem::replace(&mut buf, rest);
                    let lines = memchr::memchr_iter(b'\n', &block).count() as u64;
                    batch_size += block.len();
                    batch.push(Job::WosBlock {
                        file: file_idx,
                        bytes: block,
                        first_line: line,
                    });
                    line += lines;
                    if batch_size >= batch_bytes {
                        flush(
                            &mut batch,
                            &mut corpus,
                            &mut timings,
                            &mut per_file_non_utf8,
                        );
                        prog.bytes_done += batch_size as u64;
                        prog.records = corpus.records.len();
                        progress(prog);
                        batch_size = 0;
                    }
                }
            }
        }
        prog.files_done += 1;
        if batch_size >= batch_bytes || batch.len() >= threads * 8 {
            flush(
                &mut batch,
                &mut corpus,
                &mut timings,
                &mut per_file_non_utf8,
            );
            prog.bytes_done += batch_size as u64;
            prog.records = corpus.records.len();
            progress(prog);
            batch_size = 0;
        }
    }
    flush(
        &mut batch,
        &mut corpus,
        &mut timings,
        &mut per_file_non_utf8,
    );
    prog.bytes_done = prog.bytes_total;
    prog.records = corpus.records.len();
    progress(prog);

    for (i, n) in per_file_non_utf8.iter().enumerate() {
        if let Some((first, count)) = n {
            let path = corpus.files[i].path.clone();
            corpus.problem(
                &path,
                *first,
                format!("{count} line(s) are not valid UTF-8 (first at this line); read as Windows-1252 (Latin-1)"),
            );
        }
    }
    // Problems in file order, then line order, whatever the batch order was.
    let order: rustc_hash::FxHashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, p)| (p.display().to_string(), i))
        .collect();
    corpus
        .problems
        .sort_by_key(|p| (order.get(&p.file).copied().unwrap_or(usize::MAX), p.line));

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

/// Writes a file atomically: a temporary file in the same folder, flushed, then renamed
/// over the target, so a crash never leaves a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
