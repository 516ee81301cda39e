//! Real exports of the other databases (../shared/data, see each SOURCE.md) and the
//! small OpenAlex JSON files written for these tests (tests/data/sources): counts and
//! spot-checked fields. Expected numbers come from SOURCE.md (record counts) or were
//! counted independently of cocite with Python's `csv` module / `grep` on the files
//! (noted at each assertion).

use cocite::io::load;
use cocite::model::Corpus;
use std::path::{Path, PathBuf};
#[path = "common/shared.rs"]
mod shared_dir;
use shared_dir::shared_data as shared;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn s(c: &Corpus, sym: cocite::model::Sym) -> &str {
    c.strings.get(sym)
}

fn cites(c: &Corpus, record: usize, key: &str) -> bool {
    let id = c.refs.lookup(key);
    id.is_some_and(|id| c.records[record].refs.contains(&id))
}

#[test]
fn scopus_csv_current_layout() {
    let Some(p) = shared("bibliometrix-repo/fixtures/scopus_sample.csv") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.files[0].format, "scopus");
    assert_eq!(c.records.len(), 8);
    // 381 references: Python, `; `-pieces holding a comma (each ends with "(year)").
    assert_eq!(c.cited_lines, 381);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let r = &c.records[0];
    assert_eq!(r.uid.as_deref(), Some("2-s2.0-105030721984"));
    assert_eq!(r.doi.as_deref(), Some("10.1177/20552076261415846"));
    assert_eq!(s(&c, r.authors[0]), "Liu, F");
    assert_eq!(s(&c, r.authors_full[0]), "Liu, Fengyuan");
    assert_eq!(r.year, Some(2026));
    assert_eq!(s(&c, r.addresses[0].country.unwrap()), "China");
    // "Aria M.; Cuccurullo C., Bibliometrix: ..., Journal of Informetrics, 11, 4, pp. 959-975, (2017)"
    assert!(cites(&c, 3, "aria m|2017|v11|p959"));
}

#[test]
fn scopus_csv_with_extra_funding_cells() {
    let Some(p) = shared("litstudy-tests/scopus.csv") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.records.len(), 58);
    // Rows 3..58 have 46 cells under a 45-column header (an unnamed second funding
    // text); realigned, 48 rows have references, 2,452 `; `-pieces (Python).
    assert_eq!(c.records.iter().filter(|r| !r.refs.is_empty()).count(), 48);
    assert_eq!(c.cited_lines, 2452);
    assert_eq!(c.problems.len(), 1);
    assert!(c.problems[0].message().contains("56 row(s)"));
    let namd = &c.records[0];
    assert_eq!(namd.title.as_ref(), "Scalable molecular dynamics with NAMD");
    assert_eq!(namd.times_cited, Some(13169));
    assert_eq!(s(&c, namd.doc_type.unwrap()), "Review");
    // "Kalé, L., Skeel, R., ..., (1999) J Comp Phys, 151, p. 283"
    assert!(cites(&c, 0, "kalé l|1999|v151|p283"));
    let chapter = &c.records[4];
    assert_eq!(chapter.uid.as_deref(), Some("2-s2.0-85112408172"));
    assert_eq!(s(&c, chapter.doc_type.unwrap()), "Book Chapter");
}

#[test]
fn scopus_csv_old_layout() {
    let Some(p) = shared("metaknowledge-tests/scopus_testing.csv.scopus") else {
        return;
    };
    let c = load(&[p]).unwrap();
    // SOURCE.md: 220 records, 175 with References; 10,412 `; `-pieces (Python).
    assert_eq!(c.records.len(), 220);
    assert_eq!(c.records.iter().filter(|r| !r.refs.is_empty()).count(), 175);
    assert_eq!(c.cited_lines, 10412);
    let r = &c.records[0];
    assert_eq!(s(&c, r.authors[0]), "Yagai, T");
    assert_eq!(r.pages.as_deref(), Some("7433444"));
    // "Barth, C., Electro-mechanical ... (2015) Supercond. Sci. Technol., 28 (4). , Feb"
    assert_eq!(
        c.refs.get(r.refs[0]).label,
        "Barth C., 2015, Supercond. Sci. Technol., V28"
    );
}

#[test]
fn ris_with_mixed_line_endings() {
    let Some(p) = shared("litstudy-tests/example.ris") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.files[0].format, "ris");
    // SOURCE.md: 25 records once CR, LF and CRLF all end lines.
    assert_eq!(c.records.len(), 25);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let r = &c.records[0];
    assert_eq!(
        r.title.as_ref(),
        "The European Approach to the Exascale Challenge"
    );
    // The AU line is written twice; read once.
    assert_eq!(r.authors.len(), 1);
    assert_eq!(s(&c, r.authors[0]), "Kalbe, G");
    assert_eq!(r.year, Some(2019));
    assert_eq!(r.volume.as_deref(), Some("21"));
    assert_eq!(r.pages.as_deref(), Some("42-47"));
    assert_eq!(r.doi.as_deref(), Some("10.1109/mcse.2018.2884139"));
    assert_eq!(r.author_keywords.len(), 6);
    assert_eq!(s(&c, c.records[1].pub_type.unwrap()), "C");
    assert_eq!(c.records[1].authors.len(), 14);
}

#[test]
fn wos_bibtex() {
    let Some(p) = shared("bibliometrix-repo/savedrecs.bib") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.files[0].format, "bibtex");
    assert_eq!(c.records.len(), 377);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    // SOURCE.md: ~365 entries with Cited-References; 7,804 = the sum of the entries'
    // Number-of-Cited-References (grep).
    assert_eq!(c.records.iter().filter(|r| !r.refs.is_empty()).count(), 365);
    assert_eq!(c.cited_lines, 7804);
    let r = &c.records[0];
    assert_eq!(r.uid.as_deref(), Some("WOS:000186671900001"));
    assert_eq!(r.title.as_ref(), "Untitled");
    assert_eq!(s(&c, r.source.unwrap()), "INFORMATION SCIENCES");
    assert_eq!(r.times_cited, Some(3));
    let b = &c.records[1];
    assert_eq!(b.authors.len(), 8);
    assert_eq!(s(&c, b.authors[0]), "Lee, B");
    assert_eq!(s(&c, b.addresses[0].country.unwrap()), "USA");
    assert!(cites(&c, 1, "doi:10.1145/304182.304581"));
}

#[test]
fn scopus_bibtex() {
    let Some(p) = shared("bibliometrix-repo/scopus.bib") else {
        return;
    };
    let c = load(&[p]).unwrap();
    // SOURCE.md: 46 entries, 44 with references; 1,970 `; `-pieces, one empty (grep).
    assert_eq!(c.records.len(), 46);
    assert_eq!(c.records.iter().filter(|r| !r.refs.is_empty()).count(), 44);
    assert_eq!(c.cited_lines, 1969);
    let r = &c.records[0];
    assert_eq!(s(&c, r.authors[0]), "D'Ambrosio, A");
    assert_eq!(r.authors.len(), 4);
    assert_eq!(r.uid.as_deref(), Some("2-s2.0-84993929598"));
    assert_eq!(r.pages.as_deref(), Some("1339-1351"));
    // "Billard, L., Diday, E., From the statistics ... (2003) Journal of the American
    // Statistical Association, 98 (462), pp. 470-487"
    assert!(cites(&c, 0, "billard l|2003|v98|p470"));
}

#[test]
fn medline() {
    let Some(p) = shared("metaknowledge-tests/medline_test.medline") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.files[0].format, "medline");
    assert_eq!(c.records.len(), 175);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let r = &c.records[0];
    assert_eq!(r.uid.as_deref(), Some("PMID:26524502"));
    assert_eq!(r.doi.as_deref(), Some("10.1016/j.gene.2015.10.064"));
    assert_eq!(r.year, Some(2016));
    // grep on the first record: 3 AU, 3 AD, 4 OT lines.
    assert_eq!(r.authors.len(), 3);
    assert_eq!(s(&c, r.authors[0]), "Gadzalski, M");
    assert_eq!(r.addresses.len(), 3);
    assert_eq!(r.author_keywords.len(), 4);
    assert_eq!(s(&c, r.source.unwrap()), "Gene");
    assert_eq!(r.pages.as_deref(), Some("466-75"));
}

#[test]
fn openalex_csv() {
    let Some(p) = shared("bibliometrix-repo/fixtures/openalex_sample.csv") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.files[0].format, "openalex-csv");
    assert_eq!(c.records.len(), 8);
    let r = &c.records[0];
    assert_eq!(r.uid.as_deref(), Some("openalex:W2755950973"));
    assert_eq!(r.doi.as_deref(), Some("10.1016/j.joi.2017.08.007"));
    let authors: Vec<&str> = r.authors.iter().map(|a| s(&c, *a)).collect();
    assert_eq!(authors, ["Aria, M", "Cuccurullo, C"]);
    assert_eq!(r.times_cited, Some(13235));
    assert_eq!(s(&c, r.addresses[0].country.unwrap()), "Italy");
    assert_eq!(s(&c, r.source.unwrap()), "Journal of Informetrics");
}

#[test]
fn lens_csv() {
    let Some(p) = shared("bibliometrix-repo/fixtures/lens_sample.csv") else {
        return;
    };
    let c = load(&[p]).unwrap();
    assert_eq!(c.files[0].format, "lens");
    assert_eq!(c.records.len(), 8);
    // 517 `; `-separated Lens ids in References (Python).
    assert_eq!(c.cited_lines, 517);
    let r = &c.records[0];
    assert_eq!(r.uid.as_deref(), Some("lens:000-360-106-493-122"));
    assert_eq!(r.authors.len(), 10);
    assert_eq!(s(&c, r.authors[0]), "Radanliev, P");
    assert_eq!(r.pages.as_deref(), Some("1-12"));
    assert!(cites(&c, 0, "lens:000-928-794-577-264"));
}

#[test]
fn openalex_json_and_jsonl() {
    let c = load(&[repo("tests/data/sources/openalex_works.json")]).unwrap();
    assert_eq!(c.files[0].format, "openalex");
    assert_eq!(c.records.len(), 2);
    let r = &c.records[0];
    assert_eq!(r.uid.as_deref(), Some("openalex:W2755950973"));
    assert_eq!(
        r.title.as_ref(),
        "bibliometrix : An R-tool for comprehensive science mapping analysis"
    );
    assert_eq!(r.pages.as_deref(), Some("959-975"));
    assert_eq!(r.abstract_text.as_deref(), Some("The use of bibliometrics"));
    assert_eq!(s(&c, r.addresses[1].country.unwrap()), "Italy");
    assert_eq!(r.keywords_plus.len(), 3);
    assert_eq!(r.origin.line, 5);
    assert_eq!(s(&c, c.records[1].authors[0]), "van Eck, NJ");
    assert_eq!(s(&c, c.records[1].authors_full[0]), "van Eck, Nees Jan");
    // W2015930340 is cited by both works: one cited work with two citations.
    let w = c.refs.lookup("openalex:W2015930340").unwrap();
    assert_eq!(c.citation_counts()[w as usize], 2);
    let l = load(&[repo("tests/data/sources/openalex_works.jsonl")]).unwrap();
    assert_eq!(l.records.len(), 2);
    assert_eq!(l.records[1].origin.line, 2);
    assert_eq!(
        l.citation_counts()[l.refs.lookup("openalex:W9").unwrap() as usize],
        2
    );
}

#[test]
fn all_formats_in_one_load() {
    let files: Option<Vec<PathBuf>> = [
        "bibliometrix-repo/fixtures/scopus_sample.csv",
        "bibliometrix-repo/fixtures/wos_sample.txt",
        "litstudy-tests/example.ris",
        "bibliometrix-repo/scopus.bib",
        "metaknowledge-tests/medline_test.medline",
        "bibliometrix-repo/fixtures/openalex_sample.csv",
        "bibliometrix-repo/fixtures/lens_sample.csv",
    ]
    .iter()
    .map(|f| shared(f))
    .collect();
    let Some(mut files) = files else { return };
    files.push(repo("tests/data/sources/openalex_works.json"));
    let c = load(&files).unwrap();
    let formats: Vec<&str> = c.files.iter().map(|f| f.format.as_str()).collect();
    assert_eq!(
        formats,
        [
            "scopus",
            "wos",
            "ris",
            "bibtex",
            "medline",
            "openalex-csv",
            "lens",
            "openalex"
        ]
    );
    // 8 + 8 + 25 + 46 + 175 + 8 + 8 + 2 records read.
    assert_eq!(c.files.iter().map(|f| f.records).sum::<usize>(), 280);
    // The OpenAlex JSON work "bibliometrix" (DOI 10.1016/j.joi.2017.08.007) is also in
    // the OpenAlex CSV with the same id: dropped as a repeated accession number.
    assert_eq!(c.duplicates, 1);
    assert_eq!(c.records.len() + c.duplicates + c.cross_duplicates, 280);
}

#[test]
fn records_per_file_survive_later_batches() {
    // Small blocks: the Scopus file fills a batch on its own and later batches carry
    // the file list again; its record count must not be reset.
    let (Some(a), Some(b)) = (
        shared("bibliometrix-repo/fixtures/scopus_sample.csv"),
        shared("bibliometrix-repo/fixtures/wos_sample.txt"),
    ) else {
        return;
    };
    let opts = cocite::io::LoadOptions {
        block_bytes: 1024,
        ..Default::default()
    };
    let (c, _) = cocite::io::load_with(&[a, b], &opts, &|_| {}).unwrap();
    let counts: Vec<usize> = c.files.iter().map(|f| f.records).collect();
    assert_eq!(counts, [8, 8]);
}
