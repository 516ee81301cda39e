//! `cocite stats`: what was loaded.

use super::{CliError, Inputs};
use crate::io::{LoadOptions, load_with};
use crate::model::Corpus;
use crate::network::citation::{CitationIndex, Match, record_id};
use crate::network::items::record_label;
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Years {
    min: Option<i32>,
    max: Option<i32>,
}

#[derive(Serialize)]
struct TopCited {
    key: String,
    label: String,
    doi: Option<String>,
    count: u32,
}

/// A loaded record with its local and global citation scores.
#[derive(Serialize)]
struct TopRecord {
    id: String,
    label: String,
    year: Option<i32>,
    doi: Option<String>,
    /// Local citations (LCS): loaded records citing it.
    lcs: u32,
    /// Global citations (GCS): times cited in the database.
    gcs: Option<u32>,
}

#[derive(Serialize)]
struct FileStats {
    path: String,
    format: String,
    records: usize,
}

#[derive(Serialize)]
struct Stats {
    records: usize,
    files: usize,
    file_list: Vec<FileStats>,
    duplicates: usize,
    /// Records read per source format (before removing duplicates).
    records_per_format: BTreeMap<String, usize>,
    /// Records merged into the same record from another database.
    cross_duplicates: usize,
    /// References of cross-database duplicates that got the same key in both versions,
    /// and the number compared.
    refs_matched_across_duplicates: usize,
    refs_compared_across_duplicates: usize,
    /// Cited works cited by records of at least two databases.
    works_cited_across_sources: usize,
    years: Years,
    per_year: BTreeMap<String, usize>,
    records_without_year: usize,
    cited_refs_total: usize,
    cited_refs_unique: usize,
    records_with_refs: usize,
    authors_unique: usize,
    sources_unique: usize,
    keywords_unique: usize,
    top_cited: Vec<TopCited>,
    /// Citations among the loaded records (direct citation links), and how many of
    /// them were resolved by accession number (OpenAlex, Lens ids), by DOI and by
    /// first author, year, volume and page.
    citation_links: usize,
    citation_links_by_id: usize,
    citation_links_by_doi: usize,
    citation_links_by_descriptor: usize,
    /// The records cited most by the loaded records (local citations, LCS), with
    /// their global citations (GCS).
    top_local: Vec<TopRecord>,
    problems: Vec<crate::model::Problem>,
    timings_ms: BTreeMap<String, f64>,
}

fn compute(c: &Corpus) -> Stats {
    let mut per_year = BTreeMap::new();
    let mut authors = FxHashSet::default();
    let mut sources = FxHashSet::default();
    let mut keyword_syms = FxHashSet::default();
    for r in &c.records {
        if let Some(y) = r.year {
            *per_year.entry(y.to_string()).or_insert(0) += 1;
        }
        authors.extend(r.authors.iter().copied());
        sources.extend(r.source);
        keyword_syms.extend(r.author_keywords.iter().chain(&r.keywords_plus).copied());
    }
    // Keywords differing only in case are one keyword.
    let keywords: FxHashSet<String> = keyword_syms
        .iter()
        .map(|k| c.strings.get(*k).to_lowercase())
        .collect();
    let counts = c.citation_counts();
    let unique = counts.iter().filter(|&&n| n > 0).count();
    let top_cited = top_cited(c, &counts, 10);
    let (min, max) = c.year_range().unzip();
    let mut records_per_format = BTreeMap::new();
    for f in &c.files {
        *records_per_format.entry(f.format.clone()).or_insert(0) += f.records;
    }
    let (matched, compared) = c.ref_agreement();
    let index = CitationIndex::build(c);
    let by_id = index.count(Match::Id);
    let by_doi = index.count(Match::Doi);
    let by_descriptor = index.count(Match::Descriptor);
    Stats {
        records: c.records.len(),
        files: c.files.len(),
        file_list: c
            .files
            .iter()
            .map(|f| FileStats {
                path: f.path.clone(),
                format: f.format.clone(),
                records: f.records,
            })
            .collect(),
        duplicates: c.duplicates,
        records_per_format,
        cross_duplicates: c.cross_duplicates,
        refs_matched_across_duplicates: matched,
        refs_compared_across_duplicates: compared,
        works_cited_across_sources: c.works_cited_across_sources(),
        years: Years { min, max },
        per_year,
        records_without_year: c.records.iter().filter(|r| r.year.is_none()).count(),
        cited_refs_total: c.cited_lines,
        cited_refs_unique: unique,
        records_with_refs: c.records.iter().filter(|r| !r.refs.is_empty()).count(),
        authors_unique: authors.len(),
        sources_unique: sources.len(),
        keywords_unique: keywords.len(),
        top_cited,
        citation_links: by_id + by_doi + by_descriptor,
        citation_links_by_id: by_id,
        citation_links_by_doi: by_doi,
        citation_links_by_descriptor: by_descriptor,
        top_local: top_local(c, &index, 10),
        problems: c.problems.clone(),
        timings_ms: BTreeMap::new(),
    }
}

/// The `k` most cited works (count descending, then key), without sorting them all.
fn top_cited(c: &Corpus, counts: &[u32], k: usize) -> Vec<TopCited> {
    let mut sorted: Vec<u32> = counts.to_vec();
    let kth = if sorted.len() > k {
        let (_, kth, _) = sorted.select_nth_unstable_by(k - 1, |a, b| b.cmp(a));
        (*kth).max(1)
    } else {
        1
    };
    let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] >= kth).collect();
    order.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| c.refs.get(a as u32).key.cmp(c.refs.get(b as u32).key))
    });
    order
        .iter()
        .take(k)
        .map(|&i| {
            let w = c.refs.get(i as u32);
            TopCited {
                key: w.key.to_string(),
                label: w.label.to_string(),
                doi: w.doi.map(String::from),
                count: counts[i],
            }
        })
        .collect()
}

/// The `k` records with the highest LCS (then GCS, then load order), LCS > 0.
fn top_local(c: &Corpus, index: &CitationIndex, k: usize) -> Vec<TopRecord> {
    let lcs = index.local_scores(&vec![true; c.records.len()]);
    let mut order: Vec<usize> = (0..lcs.len()).filter(|&i| lcs[i] > 0).collect();
    order.sort_by_key(|&i| (Reverse(lcs[i]), Reverse(c.records[i].times_cited), i));
    order
        .into_iter()
        .take(k)
        .map(|i| {
            let r = &c.records[i];
            TopRecord {
                id: record_id(r, i),
                label: record_label(c, r),
                year: r.year,
                doi: r.doi.as_deref().map(String::from),
                lcs: lcs[i],
                gcs: r.times_cited,
            }
        })
        .collect()
}

pub fn run(args: &StatsArgs) -> Result<(), CliError> {
    let t0 = Instant::now();
    let (corpus, lt) = load_with(
        &args.inputs.paths,
        &LoadOptions::default(),
        &super::stderr_progress,
    )
    .map_err(|e| CliError::Failed(e.to_string()))?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let t1 = Instant::now();
    let mut s = compute(&corpus);
    let stats_ms = t1.elapsed().as_secs_f64() * 1000.0;
    s.timings_ms.insert("parse".into(), lt.parse_ms);
    s.timings_ms.insert("merge".into(), lt.merge_ms);
    s.timings_ms.insert("reconcile".into(), lt.reconcile_ms);
    s.timings_ms.insert("load".into(), load_ms);
    s.timings_ms.insert("stats".into(), stats_ms);
    s.timings_ms
        .insert("total".into(), t0.elapsed().as_secs_f64() * 1000.0);
    // The process ends here: freeing millions of strings one by one would only cost time.
    std::mem::forget(corpus);
    super::emit(args.json, &s, print_text)
}

fn print_text(s: &Stats) {
    println!(
        "records:            {} from {} file(s) ({} duplicate(s) skipped)",
        s.records, s.files, s.duplicates
    );
    for f in &s.file_list {
        println!("  {:<8} {:>7}  {}", f.format, f.records, f.path);
    }
    let per: Vec<String> = s
        .records_per_format
        .iter()
        .map(|(f, n)| format!("{f}:{n}"))
        .collect();
    println!("records per source: {}", per.join(" "));
    if s.records_per_format.len() > 1 {
        println!(
            "merged across databases: {} record(s); their references: {} of {} with the same key; \
             {} cited work(s) cited from more than one database",
            s.cross_duplicates,
            s.refs_matched_across_duplicates,
            s.refs_compared_across_duplicates,
            s.works_cited_across_sources
        );
    }
    match (s.years.min, s.years.max) {
        (Some(a), Some(b)) => println!(
            "years:              {a}–{b} ({} record(s) without year)",
            s.records_without_year
        ),
        _ => println!("years:              none"),
    }
    let per_year: Vec<String> = s.per_year.iter().map(|(y, n)| format!("{y}:{n}")).collect();
    println!("records per year:   {}", per_year.join(" "));
    println!(
        "cited references:   {} ({} unique; {} of {} records have references)",
        s.cited_refs_total, s.cited_refs_unique, s.records_with_refs, s.records
    );
    println!("unique authors:     {}", s.authors_unique);
    println!("unique sources:     {}", s.sources_unique);
    println!("unique keywords:    {}", s.keywords_unique);
    println!("top cited references (local citation counts):");
    for t in &s.top_cited {
        println!("  {:>5}  {}", t.count, t.label);
    }
    println!(
        "citations among the records: {} ({} by accession number, {} by DOI, {} by first author, year, volume and page)",
        s.citation_links,
        s.citation_links_by_id,
        s.citation_links_by_doi,
        s.citation_links_by_descriptor
    );
    if !s.top_local.is_empty() {
        println!("top records by local citations (LCS), with global citations (GCS):");
        println!("  {:>5}  {:>6}  record", "LCS", "GCS");
        for t in &s.top_local {
            let gcs = t.gcs.map(|g| g.to_string()).unwrap_or_else(|| "-".into());
            println!("  {:>5}  {:>6}  {}", t.lcs, gcs, t.label);
        }
    }
    println!("problems:           {}", s.problems.len());
    for p in s.problems.iter().take(50) {
        println!("  {}:{}: {}", p.file, p.line, p.message());
    }
    if s.problems.len() > 50 {
        println!("  ... {} more (use --json for all)", s.problems.len() - 50);
    }
    let t: Vec<String> = s
        .timings_ms
        .iter()
        .map(|(k, v)| format!("{k} {v:.1} ms"))
        .collect();
    println!("time:               {}", t.join(", "));
}
