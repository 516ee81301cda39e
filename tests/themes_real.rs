//! Themes on the shared Web of Science files, checked against a small WoS reader and
//! counter written here, independent of cocite's reader and counting (plain line
//! scanning, BTreeMaps):
//! - three-field flows between authors (`AU`) and author keywords (`DE`) equal the
//!   number of records holding both, and the items shown are the top 20 of each field;
//! - thematic evolution links only themes of consecutive periods, exactly those pairs
//!   that share words, with the inclusion index of their word lists;
//! - every theme's quadrant follows the rank rule.
//!
//! Skipped with a note when ../shared is missing.

use cocite::io::load;
use cocite::model::Corpus;
use cocite::network::items::keyword_key;
use cocite::themes::{self, Field, Quadrant, ThemesParams, ThreeField};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
#[path = "common/shared.rs"]
mod shared_dir;
use shared_dir::shared;

/// One record as the test reads it: accession number, author keys, keyword keys.
struct Rec {
    uid: String,
    authors: BTreeSet<String>,
    keywords: BTreeSet<String>,
}

/// Reads AU, DE and UT of every record of a WoS plain-text file: a field starts with a
/// two-letter tag at the line start, continues on lines starting with three spaces,
/// and a record ends at `ER`. Each AU line is an author; DE lines are joined with a
/// space and split at `;`.
fn read_wos(path: &PathBuf) -> Vec<Rec> {
    let text = std::fs::read_to_string(path).expect("readable");
    let mut out = Vec::new();
    let (mut uid, mut au, mut de) = (String::new(), Vec::<String>::new(), String::new());
    let mut tag = String::new();
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}');
        if line.starts_with("ER") && line.trim() == "ER" {
            out.push(Rec {
                uid: std::mem::take(&mut uid),
                authors: au
                    .drain(..)
                    .map(|a| {
                        a.split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase()
                    })
                    .filter(|a| !a.is_empty())
                    .collect(),
                keywords: std::mem::take(&mut de)
                    .split(';')
                    .map(keyword_key)
                    .filter(|k| !k.is_empty())
                    .collect(),
            });
            tag.clear();
            continue;
        }
        let (t, value) = if let Some(rest) = line.strip_prefix("   ") {
            (tag.clone(), rest)
        } else if line.len() >= 2 && line.is_char_boundary(2) {
            tag = line[..2].to_string();
            (tag.clone(), line.get(3..).unwrap_or(""))
        } else {
            continue;
        };
        match t.as_str() {
            "AU" => au.push(value.trim().to_string()),
            "DE" => {
                de.push(' ');
                de.push_str(value);
            }
            "UT" => uid = value.trim().to_string(),
            _ => {}
        }
    }
    out
}

/// The records of `files`, each accession number once (the first file wins).
fn read_all(files: &[PathBuf]) -> Vec<Rec> {
    let mut seen = BTreeSet::new();
    files
        .iter()
        .flat_map(read_wos)
        .filter(|r| r.uid.is_empty() || seen.insert(r.uid.clone()))
        .collect()
}

/// The top `n` keys by records holding them (ties by key).
fn top(sets: &[&BTreeSet<String>], n: usize) -> Vec<String> {
    let mut c: BTreeMap<&str, u32> = BTreeMap::new();
    for s in sets {
        for k in *s {
            *c.entry(k).or_default() += 1;
        }
    }
    let mut v: Vec<(&str, u32)> = c.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().take(n).map(|(k, _)| k.to_string()).collect()
}

fn check_three_field(recs: &[Rec], t: &ThreeField, n: usize) {
    let au_top = top(&recs.iter().map(|r| &r.authors).collect::<Vec<_>>(), n);
    let de_top = top(&recs.iter().map(|r| &r.keywords).collect::<Vec<_>>(), n);
    let mut expected: BTreeMap<(String, String), u32> = BTreeMap::new();
    for r in recs {
        for a in r.authors.iter().filter(|a| au_top.contains(a)) {
            for k in r.keywords.iter().filter(|k| de_top.contains(k)) {
                *expected.entry((a.clone(), k.clone())).or_default() += 1;
            }
        }
    }
    let got: BTreeMap<(String, String), u32> = t
        .flows
        .iter()
        .filter(|f| f.column == 0)
        .map(|f| {
            let a = t.items[0][f.from].key.clone();
            let k = t.items[1][f.to].key.clone();
            ((a, k), f.weight)
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    // Shown authors: the top n that have a flow.
    let shown: BTreeSet<&str> = t.items[0].iter().map(|i| i.key.as_str()).collect();
    let linked: BTreeSet<&str> = expected.keys().map(|(a, _)| a.as_str()).collect();
    assert_eq!(shown, linked);
}

fn check_evolution(e: &themes::Evolution) {
    assert!(e.periods.len() >= 2);
    let words = |p: usize, t: usize| -> BTreeSet<&str> {
        e.periods[p].map.themes[t]
            .words
            .iter()
            .map(|w| w.key.as_str())
            .collect()
    };
    let got: BTreeSet<(usize, usize, usize)> =
        e.links.iter().map(|l| (l.period, l.from, l.to)).collect();
    assert_eq!(got.len(), e.links.len(), "one link per pair");
    // Every pair of themes of consecutive periods sharing a word, and no other.
    let mut expected = BTreeSet::new();
    for p in 0..e.periods.len() - 1 {
        for a in 0..e.periods[p].map.themes.len() {
            for b in 0..e.periods[p + 1].map.themes.len() {
                if !words(p, a).is_disjoint(&words(p + 1, b)) {
                    expected.insert((p, a, b));
                }
            }
        }
    }
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    for l in &e.links {
        let (a, b) = (words(l.period, l.from), words(l.period + 1, l.to));
        let shared: Vec<&str> = a.intersection(&b).copied().collect();
        assert_eq!(l.shared, shared);
        let inc = shared.len() as f64 / a.len().min(b.len()) as f64;
        assert!((l.inclusion - inc).abs() < 1e-12);
    }
}

fn check_quadrants(m: &themes::ThematicMap) {
    let k = m.themes.len();
    assert!(k >= 2);
    let mean = (k as f64 + 1.0) / 2.0;
    // Rank by counting: 1 + (number below) + (number equal − 1) / 2.
    let rank = |v: f64, all: &[f64]| {
        let below = all.iter().filter(|&&x| x < v).count() as f64;
        let equal = all.iter().filter(|&&x| x == v).count() as f64;
        below + (equal + 1.0) / 2.0
    };
    let c: Vec<f64> = m.themes.iter().map(|t| t.centrality).collect();
    let d: Vec<f64> = m.themes.iter().map(|t| t.density).collect();
    for t in &m.themes {
        let (rc, rd) = (rank(t.centrality, &c), rank(t.density, &d));
        assert_eq!((t.rank_centrality, t.rank_density), (rc, rd));
        let q = match (rc > mean, rd > mean) {
            (true, true) => Quadrant::Motor,
            (false, true) => Quadrant::Niche,
            (true, false) => Quadrant::Basic,
            (false, false) => Quadrant::EmergingOrDeclining,
        };
        assert_eq!(t.quadrant, q, "{}", t.label);
    }
}

fn run_on(files: &[PathBuf], cuts: Vec<i32>) -> (Corpus, themes::Themes) {
    let corpus = load(files).expect("loads");
    let params = ThemesParams {
        cuts,
        three_fields: [Field::Au, Field::De, Field::So],
        ..ThemesParams::default()
    };
    let t = themes::run(&corpus, &params).expect("runs");
    (corpus, t)
}

#[test]
fn bibliometrix_files() {
    for (name, cuts) in [
        ("valuecreation2_96_records.txt", vec![2010]),
        ("bibliometric in management.txt", vec![2005, 2012]),
    ] {
        let Some(p) = shared(&format!("data/bibliometrix-repo/{name}")) else {
            return;
        };
        let (corpus, t) = run_on(std::slice::from_ref(&p), cuts);
        let recs = read_all(&[p]);
        assert_eq!(recs.len(), corpus.records.len(), "{name}");
        check_three_field(&recs, &t.three_field, 20);
        check_evolution(t.evolution.as_ref().expect("cuts given"));
        check_quadrants(&t.map);
    }
}

#[test]
fn citespace_homework_files() {
    let Some(dir) = shared("data/citespace-homework-bci") else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("lists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (corpus, t) = run_on(&files, vec![2021, 2023]);
    let recs = read_all(&files);
    assert_eq!(recs.len(), corpus.records.len());
    check_three_field(&recs, &t.three_field, 20);
    check_evolution(t.evolution.as_ref().expect("cuts given"));
    check_quadrants(&t.map);
    // Every evolution period has themes, and some link crosses each boundary.
    let e = t.evolution.as_ref().expect("cuts given");
    assert!(e.periods.iter().all(|p| !p.map.themes.is_empty()));
    for p in 0..e.periods.len() - 1 {
        assert!(e.links.iter().any(|l| l.period == p));
    }
}
