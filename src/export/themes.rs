//! The conceptual-structure outputs of [`crate::themes`] in one folder: figures
//! (SVG, and PNG rendered from the same SVG) and CSV tables (RFC 4180 via the `csv`
//! crate), each written atomically:
//!
//! | file | content |
//! |---|---|
//! | `thematic_map.svg/.png` | the strategic diagram ([`crate::scene::themes::thematic_map`]) |
//! | `themes.csv` | `label, size, centrality, density, quadrant, members, rank_centrality, rank_density` |
//! | `evolution.svg/.png` | the evolution Sankey (only with cut years) |
//! | `evolution.csv` | `period_a, theme_a, period_b, theme_b, weight, inclusion, weighted_inclusion, stability, shared` |
//! | `evolution_themes.csv` | each period's themes: `period` and the columns of `themes.csv` |
//! | `three_field.svg/.png` | the three-field Sankey |
//! | `three_field.csv` | `field_a, item_a, field_b, item_b, weight` |
//!
//! `members` lists a theme's words with their occurrences (`value creation (12); ...`),
//! most frequent first; `shared` the words two linked themes share.

use super::{ExportError, png, save, svg};
use crate::scene::Scene;
use crate::scene::themes::{self as figures, FigureOptions};
use crate::themes::{Evolution, ThematicMap, Themes, ThreeField};
use std::path::{Path, PathBuf};

use super::csv::{err, finish, table_with as table};

const THEME_COLUMNS: [&str; 8] = [
    "label",
    "size",
    "centrality",
    "density",
    "quadrant",
    "members",
    "rank_centrality",
    "rank_density",
];

fn theme_rows(m: &ThematicMap) -> Vec<[String; 8]> {
    m.themes
        .iter()
        .map(|t| {
            let members: Vec<String> = t
                .words
                .iter()
                .map(|w| format!("{} ({})", w.label, w.occurrences))
                .collect();
            [
                t.label.clone(),
                t.size.to_string(),
                t.centrality.to_string(),
                t.density.to_string(),
                t.quadrant.name().to_string(),
                members.join("; "),
                t.rank_centrality.to_string(),
                t.rank_density.to_string(),
            ]
        })
        .collect()
}

/// `themes.csv`.
pub fn themes_csv(m: &ThematicMap) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&THEME_COLUMNS)?;
    for row in theme_rows(m) {
        w.write_record(&row).map_err(err)?;
    }
    finish(w)
}

/// `evolution_themes.csv`.
pub fn evolution_themes_csv(e: &Evolution) -> Result<Vec<u8>, ExportError> {
    let header: Vec<&str> = std::iter::once("period").chain(THEME_COLUMNS).collect();
    let mut w = table(&header)?;
    for p in &e.periods {
        for row in theme_rows(&p.map) {
            w.write_record(std::iter::once(p.label.clone()).chain(row))
                .map_err(err)?;
        }
    }
    finish(w)
}

/// `evolution.csv`.
pub fn evolution_csv(e: &Evolution) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&[
        "period_a",
        "theme_a",
        "period_b",
        "theme_b",
        "weight",
        "inclusion",
        "weighted_inclusion",
        "stability",
        "shared",
    ])?;
    for l in &e.links {
        let (a, b) = (&e.periods[l.period], &e.periods[l.period + 1]);
        w.write_record([
            a.label.clone(),
            a.map.themes[l.from].label.clone(),
            b.label.clone(),
            b.map.themes[l.to].label.clone(),
            l.weight.to_string(),
            l.inclusion.to_string(),
            l.weighted_inclusion.to_string(),
            l.stability.to_string(),
            l.shared.join("; "),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// `three_field.csv`.
pub fn three_field_csv(t: &ThreeField) -> Result<Vec<u8>, ExportError> {
    let mut w = table(&["field_a", "item_a", "field_b", "item_b", "weight"])?;
    for f in &t.flows {
        let (fa, fb) = (t.fields[f.column], t.fields[f.column + 1]);
        w.write_record([
            fa.tag(),
            &t.items[f.column][f.from].label,
            fb.tag(),
            &t.items[f.column + 1][f.to].label,
            &f.weight.to_string(),
        ])
        .map_err(err)?;
    }
    finish(w)
}

/// Writes `NAME.svg` and `NAME.png` of `scene` in `dir`.
fn figure(dir: &Path, name: &str, scene: &Scene, dpi: f64) -> Result<Vec<PathBuf>, ExportError> {
    let svg_path = dir.join(format!("{name}.svg"));
    save(&svg_path, svg::to_svg(scene).as_bytes())?;
    let png_path = dir.join(format!("{name}.png"));
    save(&png_path, &png::to_png(scene, dpi)?)?;
    Ok(vec![svg_path, png_path])
}

/// Writes every output of `t` into `dir` (created if missing) and returns the files
/// written. `what` names the theme words in figure titles (`Author keywords`).
pub fn write_dir(
    dir: &Path,
    t: &Themes,
    what: &str,
    opts: &FigureOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::io(dir, e))?;
    let mut out = Vec::new();
    let mut csv = |name: &str, bytes: Vec<u8>| -> Result<(), ExportError> {
        let p = dir.join(name);
        save(&p, &bytes)?;
        out.push(p);
        Ok(())
    };
    csv("themes.csv", themes_csv(&t.map)?)?;
    csv("three_field.csv", three_field_csv(&t.three_field)?)?;
    if let Some(e) = &t.evolution {
        csv("evolution.csv", evolution_csv(e)?)?;
        csv("evolution_themes.csv", evolution_themes_csv(e)?)?;
    }
    let map = figures::thematic_map(&t.map, what, opts);
    out.extend(figure(dir, "thematic_map", &map, opts.dpi)?);
    if let Some(e) = &t.evolution {
        let s = figures::evolution(e, what, opts);
        out.extend(figure(dir, "evolution", &s, opts.dpi)?);
    }
    let s = figures::three_field(&t.three_field, opts);
    out.extend(figure(dir, "three_field", &s, opts.dpi)?);
    Ok(out)
}
