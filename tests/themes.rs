//! Thematic map and evolution on hand-built keyword sets, against values computed by
//! hand from bibliometrix's definitions (see `cocite::themes::map` and
//! `cocite::themes::evolution`), and the CLI writing its folder.

use cocite::model::{Corpus, ParsedRecord};
use cocite::scene::themes::{self as figures, FigureOptions};
use cocite::scene::{Anchor, Scene, Shape};
use cocite::themes::{self, Counting, FieldItems, MapParams, Quadrant, ThemesParams, thematic_map};
use std::process::Command;

/// Period 1 (year 2000): occurrences a 4, d 4, b 3, c 3, e 3 (order a, d, b, c, e);
/// co-occurrences ab 2, ac 1, bc 1, de 3, ad 1, ae 1, cd 1.
const P1: [&[&str]; 8] = [
    &["a", "b"],
    &["a", "b"],
    &["a", "c"],
    &["b", "c"],
    &["d", "e"],
    &["d", "e"],
    &["a", "d", "e"],
    &["c", "d"],
];
/// Period 2 (2001): two triangles, {a, b, f} and {c, e, g}; occurrences a 3, f 3, b 2,
/// c 3, g 3, e 2.
const P2: [&[&str]; 8] = [
    &["a", "f"],
    &["a", "f"],
    &["a", "b"],
    &["b", "f"],
    &["c", "g"],
    &["c", "g"],
    &["c", "e"],
    &["e", "g"],
];
/// Period 3 (2002): {a, b} again, which period 1 also has (not consecutive).
const P3: [&[&str]; 2] = [&["a", "b"], &["a", "b"]];

fn corpus() -> Corpus {
    let mut c = Corpus::new();
    let periods: [(i32, &[&[&str]]); 3] = [(2000, &P1), (2001, &P2), (2002, &P3)];
    let mut n = 0;
    for (year, records) in periods {
        for kws in records {
            n += 1;
            c.push(
                ParsedRecord {
                    title: format!("record {n}"),
                    year: Some(year),
                    author_keywords: kws.iter().map(|s| s.to_string()).collect(),
                    authors: vec![format!("Author{}, A", n % 3)],
                    ..Default::default()
                },
                0,
            );
        }
    }
    c
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn words(t: &themes::Theme) -> Vec<&str> {
    t.words.iter().map(|w| w.key.as_str()).collect()
}

/// Period 1 alone. Louvain on the raw counts: {a,b,c} | {d,e} has modularity
/// 4/10 − (11/20)² + 3/10 − (9/20)² = 0.195, the best split.
/// Association strengths e_ij = c_ij / (c_i c_j): ab 1/6, ac 1/12, bc 1/9, de 1/4,
/// ad 1/16, ae 1/12, cd 1/12; self terms 1/c_i: a 1/4, b 1/3, c 1/3, d 1/4, e 1/3.
#[test]
fn centrality_and_density_by_hand() {
    let lists: Vec<Vec<&str>> = P1.iter().map(|r| r.to_vec()).collect();
    let items = FieldItems::from_lists(&lists);
    let all: Vec<usize> = (0..lists.len()).collect();
    let m = thematic_map(&items, &all, &MapParams::default());
    assert_eq!(m.min_occurrences, 2); // max(2, ⌊5 · 8 / 1000⌋)
    assert_eq!(m.network_words, 5);
    assert_eq!(m.themes.len(), 2);
    let (abc, de) = (&m.themes[0], &m.themes[1]);
    assert_eq!(words(abc), vec!["a", "b", "c"]);
    assert_eq!(words(de), vec!["d", "e"]);
    assert_eq!((abc.label.as_str(), abc.size), ("a", 10));
    assert_eq!((de.label.as_str(), de.size), ("d", 7));
    // Upper triangle in occurrence order a, d, b, c, e: ad and ae belong to row a
    // (theme abc), cd to row d (theme de).
    assert!(
        close(abc.centrality, 1.0 / 16.0 + 1.0 / 12.0),
        "{}",
        abc.centrality
    );
    assert!(close(de.centrality, 1.0 / 12.0));
    // 100 · (1/4 + 1/3 + 1/3 + 1/6 + 1/12 + 1/9) / 3 = 100 · 23/54.
    assert!(close(abc.density, 100.0 * 23.0 / 54.0), "{}", abc.density);
    // 100 · (1/4 + 1/3 + 1/4) / 2 = 100 · 5/12.
    assert!(close(de.density, 100.0 * 5.0 / 12.0));
    // Ranks 2 and 1 on both axes, split at 1.5.
    assert_eq!((abc.rank_centrality, abc.rank_density), (2.0, 2.0));
    assert_eq!(abc.quadrant, Quadrant::Motor);
    assert_eq!(de.quadrant, Quadrant::EmergingOrDeclining);

    // Symmetric counting: every external link (ad, ae, cd) counts for both themes,
    // internal pairs twice.
    let p = MapParams {
        counting: Counting::Symmetric,
        ..MapParams::default()
    };
    let s = thematic_map(&items, &all, &p);
    let (abc, de) = (&s.themes[0], &s.themes[1]);
    assert!(close(abc.centrality, 11.0 / 48.0) && close(de.centrality, 11.0 / 48.0));
    // 100 · (1/4 + 1/3 + 1/3 + 2 (1/6 + 1/12 + 1/9)) / 3 = 100 · 59/108.
    assert!(close(abc.density, 100.0 * 59.0 / 108.0));
    // 100 · (1/4 + 1/3 + 2 · 1/4) / 2 = 100 · 13/24.
    assert!(close(de.density, 100.0 * 13.0 / 24.0));
    // Tied centrality: both rank 1.5, on the split, so low; density decides.
    assert_eq!(abc.rank_centrality, 1.5);
    assert_eq!(abc.quadrant, Quadrant::Niche);
    assert_eq!(de.quadrant, Quadrant::EmergingOrDeclining);
}

#[test]
fn occurrence_threshold_drops_words_and_themes() {
    // At least 4 occurrences: only a and d (4 each) take part; b, c and e (3) are
    // dropped after clustering, so the themes keep one word each.
    let lists: Vec<Vec<&str>> = P1.iter().map(|r| r.to_vec()).collect();
    let items = FieldItems::from_lists(&lists);
    let all: Vec<usize> = (0..lists.len()).collect();
    let p = MapParams {
        min_freq: 500.0, // ⌊500 · 8 / 1000⌋ = 4
        ..MapParams::default()
    };
    let m = thematic_map(&items, &all, &p);
    assert_eq!(m.min_occurrences, 4);
    let got: Vec<Vec<&str>> = m.themes.iter().map(words).collect();
    assert_eq!(got, vec![vec!["a"], vec!["d"]]);
    // Theme a: e_ad = 1/16 is external (row a); density 100 · (1/4) / 1.
    assert!(close(m.themes[0].centrality, 1.0 / 16.0));
    assert!(close(m.themes[0].density, 25.0));
    assert!(close(m.themes[1].centrality, 0.0));
}

/// Periods cut at 2000 and 2001: (1999, 2000], (2000, 2001], (2001, 2002].
/// Themes: P1 {a,b,c} (size 10), {d,e} (7); P2 {a,b,f} (a 3, f 3, b 2; size 8),
/// {c,e,g} (8); P3 {a,b}.
#[test]
fn inclusion_index_by_hand() {
    let params = ThemesParams {
        cuts: vec![2001, 2000],
        ..ThemesParams::default()
    };
    let t = themes::run(&corpus(), &params).expect("runs");
    let e = t.evolution.expect("evolution");
    let labels: Vec<&str> = e.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, vec!["2000", "2001", "2002"]);
    let themes: Vec<Vec<Vec<&str>>> = e
        .periods
        .iter()
        .map(|p| p.map.themes.iter().map(words).collect())
        .collect();
    assert_eq!(
        themes,
        vec![
            vec![vec!["a", "b", "c"], vec!["d", "e"]],
            vec![vec!["a", "f", "b"], vec!["c", "g", "e"]],
            vec![vec!["a", "b"]],
        ]
    );
    let got: Vec<(usize, usize, usize, &[String])> = e
        .links
        .iter()
        .map(|l| (l.period, l.from, l.to, l.shared.as_slice()))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (ab, c, e_, ab2) = (s(&["a", "b"]), s(&["c"]), s(&["e"]), s(&["a", "b"]));
    // {a,b,c}–{a,b,f}, {a,b,c}–{c,e,g}, {d,e}–{c,e,g}; then {a,b,f}–{a,b}. No link
    // from period 1 to period 3 although both have {a, b}.
    assert_eq!(
        got,
        vec![
            (0, 0, 0, ab.as_slice()),
            (0, 0, 1, c.as_slice()),
            (0, 1, 1, e_.as_slice()),
            (1, 0, 0, ab2.as_slice()),
        ]
    );
    let l = &e.links;
    // Inclusion |A∩B| / min(|A|, |B|).
    assert!(close(l[0].inclusion, 2.0 / 3.0));
    assert!(close(l[1].inclusion, 1.0 / 3.0));
    assert!(close(l[2].inclusion, 1.0 / 2.0));
    assert!(close(l[3].inclusion, 1.0));
    // Weighted: Σ min occurrences / min(sizes): (min(4,3) + min(3,2)) / min(10, 8),
    // min(3,3) / 8, min(3,2) / min(7, 8), (min(3,2) + min(2,2)) / min(8, 4).
    assert!(close(l[0].weighted_inclusion, 5.0 / 8.0));
    assert!(close(l[1].weighted_inclusion, 3.0 / 8.0));
    assert!(close(l[2].weighted_inclusion, 2.0 / 7.0));
    assert!(close(l[3].weighted_inclusion, 4.0 / 4.0));
    // Stability (Jaccard): 2/4, 1/5, 1/4, 2/3.
    assert!(close(l[0].stability, 0.5) && close(l[1].stability, 0.2));
    assert!(close(l[2].stability, 0.25) && close(l[3].stability, 2.0 / 3.0));
    assert!(l.iter().all(|x| x.weight == x.inclusion));

    let weighted = ThemesParams {
        inclusion: themes::Inclusion::Weighted,
        ..params
    };
    let t = themes::run(&corpus(), &weighted).expect("runs");
    let e = t.evolution.expect("evolution");
    assert!(close(e.links[0].weight, 5.0 / 8.0));
}

#[test]
fn cut_outside_the_years_is_an_error() {
    let params = ThemesParams {
        cuts: vec![2002],
        ..ThemesParams::default()
    };
    let err = themes::run(&corpus(), &params).unwrap_err().to_string();
    assert!(
        err.contains("cut year 2002 leaves a period without records"),
        "{err}"
    );
    let params = ThemesParams {
        field: themes::Field::Au,
        ..ThemesParams::default()
    };
    assert!(themes::run(&corpus(), &params).is_err());
    let params = ThemesParams {
        ngrams: 4,
        ..ThemesParams::default()
    };
    let err = themes::run(&corpus(), &params).unwrap_err().to_string();
    assert!(err.contains("ngrams must be 1, 2 or 3"), "{err}");
}

#[test]
fn cli_writes_the_folder() {
    let dir = std::env::temp_dir().join(format!("cocite-themes-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_cocite"))
        .args([
            "themes",
            "assets/demo",
            "--cuts",
            "2010",
            "--dpi",
            "48",
            "--out",
        ])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "thematic_map.svg",
        "thematic_map.png",
        "evolution.svg",
        "evolution.png",
        "three_field.svg",
        "three_field.png",
    ] {
        let len = std::fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 1000, "{f}: {len} bytes");
    }
    let head = |f: &str| {
        let text = std::fs::read_to_string(dir.join(f)).expect(f);
        text.lines().next().unwrap_or_default().to_string()
    };
    assert!(head("themes.csv").starts_with("label,size,centrality,density,quadrant,members"));
    assert!(head("evolution.csv").starts_with("period_a,theme_a,period_b,theme_b,weight"));
    assert_eq!(
        head("three_field.csv"),
        "field_a,item_a,field_b,item_b,weight"
    );
    // A cut after the last year is a usage error (exit 2) naming the period.
    let bad = Command::new(env!("CARGO_BIN_EXE_cocite"))
        .args(["themes", "assets/demo", "--cuts", "2030", "--out"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--cuts"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The box of a text shape, as the label engine measures it (font advance widths,
/// height 1.15 × size, glyphs centred on the baseline point's ascent middle).
fn text_box(s: &Shape) -> Option<[f64; 4]> {
    let Shape::Text {
        pos,
        text,
        size,
        anchor,
        ..
    } = s
    else {
        return None;
    };
    let w = cocite::scene::text::text_width(text, *size);
    let h = size * 1.15;
    let left = match anchor {
        Anchor::Start => pos[0],
        Anchor::Middle => pos[0] - w / 2.0,
        Anchor::End => pos[0] - w,
    };
    let top = pos[1] - cocite::scene::text::ascent(*size) / 2.0 - h / 2.0;
    Some([left, top, left + w, top + h])
}

/// Texts of the layers that hold labels, quadrant names and headers.
fn boxes(s: &Scene) -> Vec<[f64; 4]> {
    ["labels", "axes", "headers"]
        .iter()
        .filter_map(|n| s.layer(n))
        .flat_map(|l| l.shapes.iter().filter_map(text_box))
        .collect()
}

fn count(s: &Scene, layer: &str, f: fn(&Shape) -> bool) -> usize {
    s.layer(layer)
        .map_or(0, |l| l.shapes.iter().filter(|x| f(x)).count())
}

#[test]
fn figures_have_no_label_collisions() {
    let corpus = cocite::io::load(&["assets/demo".into()]).expect("loads");
    let params = ThemesParams {
        cuts: vec![2010],
        ..ThemesParams::default()
    };
    let t = themes::run(&corpus, &params).expect("runs");
    let opts = FigureOptions::default();
    let e = t.evolution.as_ref().expect("evolution");
    let map = figures::thematic_map(&t.map, "Author keywords", &opts);
    let evo = figures::evolution(e, "Author keywords", &opts);
    let tf = figures::three_field(&t.three_field, &opts);
    for (name, s) in [("map", &map), ("evolution", &evo), ("three-field", &tf)] {
        let b = boxes(s);
        for i in 0..b.len() {
            for j in i + 1..b.len() {
                let (p, q) = (b[i], b[j]);
                let overlap = p[0] < q[2] - 1e-9
                    && q[0] < p[2] - 1e-9
                    && p[1] < q[3] - 1e-9
                    && q[1] < p[3] - 1e-9;
                assert!(!overlap, "{name}: texts {i} and {j} overlap: {p:?} {q:?}");
            }
        }
    }
    // Every theme has a bubble and a label on the map.
    let is_text: fn(&Shape) -> bool = |s| matches!(s, Shape::Text { .. });
    let is_circle: fn(&Shape) -> bool = |s| matches!(s, Shape::Circle { .. });
    let is_rect: fn(&Shape) -> bool = |s| matches!(s, Shape::Rect { .. });
    assert_eq!(count(&map, "themes", is_circle), t.map.themes.len());
    assert_eq!(count(&map, "labels", is_text), t.map.themes.len());
    // Sankeys: a node per shown item and per linked theme, a ribbon per flow or link.
    let items: usize = t.three_field.items.iter().map(Vec::len).sum();
    assert_eq!(count(&tf, "nodes", is_rect), items);
    assert_eq!(
        tf.layer("ribbons").map(|l| l.shapes.len()),
        Some(t.three_field.flows.len())
    );
    assert!(
        count(&tf, "labels", is_text) * 10 >= items * 8,
        "most nodes labelled"
    );
    assert_eq!(
        evo.layer("ribbons").map(|l| l.shapes.len()),
        Some(e.links.len())
    );
}
