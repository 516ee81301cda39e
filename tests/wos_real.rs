//! Real Web of Science exports: every WoS file in ../shared/data loads, record counts
//! equal the number of `ER` lines, cited-reference counts equal the `CR` lines counted
//! independently here, and three records per file are spot-checked field by field
//! (expected values read off the files by hand / with a separate script).
//! The files in the repository (assets/demo, tests/data) always run; ../shared ones
//! are skipped with a note when ../shared is absent (a user's fresh clone).

use cocite::io::load;
use cocite::model::{Corpus, Record};
use std::path::{Path, PathBuf};
#[path = "common/shared.rs"]
mod shared_dir;
use shared_dir::shared_data as shared;

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// Independent counts straight from the text: `ER` lines, and lines of `CR` fields
/// (the `CR` line and its indented continuations).
fn count_er_and_cr(path: &Path) -> (usize, usize) {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let mut er = 0;
    let mut cr = 0;
    let mut in_cr = false;
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}');
        if line == "ER" {
            er += 1;
        }
        if line.starts_with("CR ") {
            in_cr = true;
            cr += 1;
        } else if in_cr && line.starts_with("   ") {
            cr += 1;
        } else {
            in_cr = false;
        }
    }
    (er, cr)
}

fn by_uid<'a>(c: &'a Corpus, uid: &str) -> &'a Record {
    c.records
        .iter()
        .find(|r| r.uid.as_deref() == Some(uid))
        .unwrap_or_else(|| panic!("no record {uid}"))
}

struct Spot {
    uid: &'static str,
    year: i32,
    first_author: &'static str,
    title_start: &'static str,
    refs: usize,
    doi: Option<&'static str>,
    times_cited: u32,
    authors: usize,
}

fn check_file(path: &Path, spots: &[Spot]) {
    let c = load(&[path.to_path_buf()]).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (er, cr) = count_er_and_cr(path);
    assert_eq!(
        c.records.len() + c.duplicates,
        er,
        "{}: records vs ER lines",
        path.display()
    );
    assert_eq!(
        c.cited_lines,
        cr,
        "{}: cited references vs CR lines",
        path.display()
    );
    for s in spots {
        let r = by_uid(&c, s.uid);
        assert_eq!(r.year, Some(s.year), "{}", s.uid);
        assert_eq!(c.strings.get(r.authors[0]), s.first_author, "{}", s.uid);
        assert!(
            r.title.starts_with(s.title_start),
            "{}: {:?}",
            s.uid,
            r.title
        );
        // Works cited twice by one record count once in `refs`; none of the
        // spot-checked records repeats a reference, so this equals its CR lines.
        assert_eq!(r.refs.len(), s.refs, "{}: CR lines", s.uid);
        assert_eq!(r.doi.as_deref(), s.doi, "{}", s.uid);
        assert_eq!(r.times_cited, Some(s.times_cited), "{}", s.uid);
        assert_eq!(r.authors.len(), s.authors, "{}", s.uid);
    }
}

macro_rules! spot {
    ($uid:expr, $y:expr, $au:expr, $ti:expr, $refs:expr, $doi:expr, $tc:expr, $n:expr) => {
        Spot {
            uid: $uid,
            year: $y,
            first_author: $au,
            title_start: $ti,
            refs: $refs,
            doi: $doi,
            times_cited: $tc,
            authors: $n,
        }
    };
}

#[test]
fn demo_dataset() {
    check_file(
        &repo("assets/demo/valuecreation2_96_records.txt"),
        &[
            spot!(
                "WOS:000367476700005",
                2015,
                "Prokopovych, B",
                "The Emergence of New Markets for Environmental Ser",
                90,
                Some("10.1177/1086026615609962"),
                0,
                1
            ),
            spot!(
                "WOS:000303259000006",
                2012,
                "Reis, F",
                "Japanese management and salary productivity: the c",
                21,
                Some("10.1080/09585192.2011.605070"),
                0,
                2
            ),
            spot!(
                "WOS:A1992LC20400002",
                1992,
                "GINTER, PM",
                "WHEN MERGER MEANS DEATH - ORGANIZATIONAL EUTHANASI",
                19,
                Some("10.1016/0090-2616(92)90022-f"),
                3,
                4
            ),
        ],
    );
}

#[test]
fn repo_example_with_ris_extension_is_wos() {
    let c = load(&[repo("tests/data/example_wos.ris")]).unwrap();
    assert_eq!(c.records.len(), 2);
    assert_eq!(c.files[0].format, "wos");
    let r = by_uid(&c, "WOS:000221807500020");
    assert_eq!(c.strings.get(r.authors[0]), "Cao, WX");
    assert_eq!(r.authors.len(), 9);
    assert_eq!(r.refs.len(), 86);
    assert_eq!(r.times_cited, Some(31));
}

#[test]
fn bibliometric_in_management() {
    let Some(p) = shared("bibliometrix-repo/bibliometric in management.txt") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:000375145600008",
                2016,
                "Adams, WC",
                "Network Bibliometrics of Public Policy Journals",
                30,
                Some("10.1111/psj.12149"),
                1,
                4
            ),
            spot!(
                "WOS:000286298000007",
                2011,
                "Meredith, JR",
                "Knowledge dissemination in operations management:",
                25,
                Some("10.1016/j.omega.2010.10.003"),
                16,
                3
            ),
            spot!(
                "WOS:A1985AUD6600002",
                1985,
                "MOED, HF",
                "THE USE OF BIBLIOMETRIC DATA FOR THE MEASUREMENT O",
                5,
                Some("10.1016/0048-7333(85)90012-5"),
                222,
                4
            ),
        ],
    );
}

#[test]
fn citespace_homework_bci() {
    let Some(p) = shared("citespace-homework-bci/savedrecs (1).txt") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:000380465700055",
                2015,
                "Ghane, P",
                "Robust Understanding of EEG Patterns in Silent Spe",
                27,
                None,
                6,
                3
            ),
            spot!(
                "WOS:001487688800004",
                2024,
                "Wei, W",
                "A Review of Research Progress on Brain-Computer In",
                62,
                Some("10.11999/jeit230952"),
                1,
                6
            ),
            spot!(
                "WOS:000434713800059",
                2018,
                "Al-Suify, M",
                "Classification of right and left hand movement usi",
                21,
                None,
                1,
                3
            ),
        ],
    );
}

#[test]
fn phenomenology() {
    let Some(p) = shared("phenomenology-wos/citations1.txt") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:A1988R410100001",
                1988,
                "STROKER, E",
                "THE PHENOMENOLOGY OF HUSSERL,EDMUND - PHILOSOPHIA-",
                11,
                Some("10.1007/bf00419043"),
                2,
                1
            ),
            spot!(
                "WOS:A1979KR28000007",
                1979,
                "CAPUTO, JD",
                "THE PRESENCE OF THE OTHER - A PHENOMENOLOGY OF THE",
                4,
                Some("10.5840/acpaproc1979533"),
                1,
                1
            ),
            spot!(
                "WOS:A1956CJZ2300002",
                1956,
                "SPIEGELBERG, H",
                "HUSSERL AND PEIRCE PHENOMENOLOGIES - COINCIDENCE O",
                18,
                Some("10.2307/2104214"),
                23,
                1
            ),
        ],
    );
}

#[test]
fn internal_fixation_plain_text() {
    let Some(p) = shared("vos-citespace-internal-fixation/vos_savedrecs1.txt") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:000345340900006",
                2014,
                "Wu, W",
                "Biomechanical evaluation of maxillary Lefort I fra",
                19,
                Some("10.1111/edt.12120"),
                8,
                6
            ),
            spot!(
                "WOS:000322018400015",
                2013,
                "Gradl, G",
                "Biomechanical Evaluation of Locking Plate Fixation",
                28,
                Some("10.1097/bot.0b013e318278c595"),
                32,
                6
            ),
            spot!(
                "WOS:000349550900006",
                2014,
                "Bel, JC",
                "Unicondylar fractures of the distal femur",
                24,
                Some("10.1016/j.otsr.2014.10.005"),
                21,
                6
            ),
        ],
    );
}

#[test]
fn metaknowledge_many_authors() {
    let Some(p) = shared("metaknowledge-tests/ManyAuthors.isi") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:000238878800002",
                2006,
                "Roach, M",
                "Defining biochemical failure following radiotherap",
                37,
                Some("10.1016/j.ijrobp.2006.04.029"),
                758,
                7
            ),
            spot!(
                "WOS:000175456300008",
                2002,
                "Wessel, I",
                "Autobiographical memory specificity, intrusive mem",
                35,
                Some("10.1023/a:1015207428675"),
                48,
                3
            ),
            spot!(
                "WOS:000242795100023",
                2006,
                "Lee, HM",
                "High-intensity focused ultrasound therapy for clin",
                23,
                Some("10.1038/sj.pcan.4500901"),
                28,
                3
            ),
        ],
    );
}

#[test]
fn metaknowledge_test_file_with_missing_tag_space() {
    // Its record "AUGilles, H" lacks the space after the tag: read as AU, reported.
    let Some(p) = shared("metaknowledge-tests/testFile.isi") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:A1979GV55600001",
                1979,
                "BREVIK, I",
                "EXPERIMENTS IN PHENOMENOLOGICAL ELECTRODYNAMICS AN",
                1,
                Some("10.1016/0370-1573(79)90074-7"),
                244,
                1
            ),
            spot!(
                "WOS:A1975AY09200004",
                1975,
                "IMBERT, C",
                "DISPLACEMENT OF A TOTALLY REFLECTED LIGHT-BEAM - F",
                30,
                Some("10.1088/0335-7368/6/5/305"),
                7,
                1
            ),
            spot!(
                "WOS:A1974S801100007",
                1974,
                "BEAUREGA.OC",
                "INTERNAL PHOTON IMPULSE OF DIELECTRIC AND ON COUPL",
                7,
                None,
                0,
                3
            ),
        ],
    );
    let c = load(&[p]).unwrap();
    assert_eq!(c.problems.len(), 1);
    assert_eq!(c.problems[0].line, 416);
    assert!(c.problems[0].message().contains("no space after tag AU"));
    let gilles = c
        .records
        .iter()
        .find(|r| r.authors.first().map(|a| c.strings.get(*a)) == Some("Gilles, H"))
        .unwrap();
    assert_eq!(gilles.authors.len(), 3);
}

#[test]
fn bibliometrix_wos_sample() {
    let Some(p) = shared("bibliometrix-repo/fixtures/wos_sample.txt") else {
        return;
    };
    check_file(
        &p,
        &[
            spot!(
                "WOS:001702577900001",
                2026,
                "Toh, ML",
                "Mapping the application of Geographic Information",
                53,
                Some("10.1080/00396265.2026.2635057"),
                0,
                1
            ),
            spot!(
                "WOS:001338261400001",
                2024,
                "Zhao, ZQ",
                "Comment on \"Knowledge mapping of B cell and athero",
                1,
                Some("10.1080/21645515.2024.2372912"),
                0,
                5
            ),
            spot!(
                "WOS:001492673800001",
                2025,
                "Souza, LRD",
                "PubMedMetaTool: Automated metadata extraction from",
                15,
                Some("10.1016/j.simpa.2025.100766"),
                0,
                8
            ),
        ],
    );
}

#[test]
fn tab_delimited_export() {
    let Some(p) = shared("vos-citespace-internal-fixation/cite_savedrecs3_tabdelimited.txt") else {
        return;
    };
    let c = load(std::slice::from_ref(&p)).unwrap();
    // 345 lines: a header and 344 records; the CR column is empty in this export.
    assert_eq!(c.records.len(), 344);
    assert_eq!(c.files[0].format, "wos-tab");
    assert_eq!(c.cited_lines, 0);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let first = by_uid(&c, "WOS:001038745500013");
    assert_eq!(first.year, Some(2023));
    assert!(
        first
            .title
            .starts_with("Choice of treatments of the coronal shear fractures")
    );
    assert_eq!(first.doi.as_deref(), Some("10.1016/j.injury.2022.11.015"));
    assert_eq!(c.strings.get(first.authors[0]), "Vicenti, G");
    assert_eq!(first.authors.len(), 17);
    // C1: five addresses; the first names 12 authors in its bracket.
    assert_eq!(first.addresses.len(), 5);
    assert_eq!(first.addresses[0].authors.len(), 12);
    assert_eq!(
        first.addresses[0].country.map(|s| c.strings.get(s)),
        Some("Italy")
    );
    let last = by_uid(&c, "WOS:000509666800029");
    assert_eq!(last.year, Some(2019));
    assert_eq!(last.authors.len(), 5);
    assert_eq!(last.doi.as_deref(), Some("10.1097/corr.0000000000000742"));
    // Same records written as UTF-16 LE with BOM (WoS's "Win, UTF-16" option) read the same.
    let text = std::fs::read_to_string(&p).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        text.trim_start_matches('\u{feff}')
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    let dir = std::env::temp_dir().join(format!("cocite-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("savedrecs-utf16.txt");
    std::fs::write(&f, utf16).unwrap();
    let c16 = load(&[f]).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(c16.records.len(), 344);
    assert_eq!(c16.records, c.records);
}

#[test]
fn folder_load_counts_duplicates_once() {
    // The same file twice (as a user loading overlapping exports): each UT once.
    let demo = repo("assets/demo/valuecreation2_96_records.txt");
    let c = load(&[demo.clone(), demo]).unwrap();
    assert_eq!(c.records.len(), 96);
    assert_eq!(c.duplicates, 96);
    assert_eq!(c.files.len(), 2);
}

#[test]
fn all_shared_wos_files_load_together() {
    let Some(dir) = shared("") else { return };
    let files = [
        "bibliometrix-repo/bibliometric in management.txt",
        "bibliometrix-repo/valuecreation2_96_records.txt",
        "citespace-homework-bci/savedrecs (1).txt",
        "phenomenology-wos/citations1.txt",
        "vos-citespace-internal-fixation/vos_savedrecs1.txt",
        "vos-citespace-internal-fixation/cite_savedrecs3_tabdelimited.txt",
        "metaknowledge-tests/ManyAuthors.isi",
        "metaknowledge-tests/testFile.isi",
        "rispy-tests/example_wos.ris",
        "bibliometrix-repo/fixtures/wos_sample.txt",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(f)).collect();
    let c = load(&paths).unwrap();
    // 241 + 96 + 500 + 369 + 500 + 344 + 500 + 34 + 2 + 8 records, no UT repeated.
    assert_eq!(c.records.len() + c.duplicates, 2594);
    assert_eq!(c.files.len(), 10);
}

#[test]
fn block_size_does_not_change_the_corpus() {
    // Small blocks cut every file into many blocks, parsed in many batches, with the
    // block buffers reused: records, problems and counts must be those of one block.
    let mut paths = vec![repo("assets/demo/valuecreation2_96_records.txt")];
    if let Some(dir) = shared("") {
        for f in [
            "citespace-homework-bci/savedrecs (1).txt",
            "metaknowledge-tests/ManyAuthors.isi",
            "metaknowledge-tests/testFile.isi",
            "phenomenology-wos/citations1.txt",
        ] {
            paths.push(dir.join(f));
        }
    }
    let load_blocks = |block_bytes| {
        let opts = cocite::io::LoadOptions {
            block_bytes,
            ..Default::default()
        };
        cocite::io::load_with(&paths, &opts, &|_| {}).unwrap().0
    };
    let (a, b) = (load_blocks(8 << 10), load_blocks(64 << 20));
    assert_eq!(a.records, b.records);
    assert_eq!(a.problems, b.problems);
    assert_eq!(a.files, b.files);
    assert_eq!(a.refs.len(), b.refs.len());
    assert_eq!(a.cited_lines, b.cited_lines);
}
