//! The export layer: writers for figures, network data and sessions, one module per
//! format, chosen by the file extension ([`Format::from_path`]). It sits above
//! [`crate::scene`] (figures are drawn from a scene) and [`crate::session`] (`.cocite`
//! files), and below the app and the CLI, which both write through it.
//!
//! | extension | writer | content |
//! |---|---|---|
//! | `.svg` | [`svg`] | the figure ([`crate::scene`]) |
//! | `.png` | [`png`] | the figure rendered by resvg at `SceneOptions::dpi` |
//! | `.pdf` | [`pdf`] | the figure converted by svg2pdf |
//! | `.json` | [`json`] | node-link JSON, networkx/d3 convention (links between node ids) |
//! | `.analysis.json` | [`json`] | the whole [`Analysis`], readable back with serde |
//! | `.graphml` | [`graphml`] | GraphML with every node and link attribute |
//! | `.gexf` | [`gexf`] | GEXF 1.3 with positions, colours and sizes (Gephi) |
//! | `.net` | [`pajek`] | Pajek network with coordinates |
//! | `.txt` | [`vosviewer`] | VOSviewer map file, plus `NAME.network.txt` beside it |
//! | `.vos.json` | [`vosviewer_json`] | VOSviewer JSON (VOSviewer Online, VOSviewer 1.6.16+) |
//! | `.csv` | [`csv`] | `NAME.nodes.csv`, `NAME.links.csv`, `NAME.clusters.csv`, `NAME.bursts.csv` |
//! | `.cocite` | [`crate::session`] | a session (needs the corpus, for the input files) |
//!
//! The conceptual-structure figures and tables (`cocite themes`) are written by
//! [`themes`] into one folder; a report (`cocite report`: main information, burst
//! table, cluster summary and explorer, methods, maps) by [`report`].
//!
//! Every file is written atomically ([`crate::io::write_atomic`]): a temporary file in
//! the same folder, then a rename, so a failed export never leaves half a file.

mod attrs;
pub mod csv;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod pajek;
pub mod pdf;
pub mod png;
pub mod report;
pub mod svg;
pub mod themes;
pub mod vosviewer;
pub mod vosviewer_json;

use crate::model::Corpus;
use crate::pipeline::Analysis;
use crate::scene::SceneOptions;
use std::path::{Path, PathBuf};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Pdf,
    NodeLinkJson,
    AnalysisJson,
    GraphMl,
    Gexf,
    Pajek,
    VosViewer,
    VosViewerJson,
    Csv,
    Session,
}

impl Format {
    /// Every format, in the order of the table above.
    pub const ALL: [Format; 12] = [
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::NodeLinkJson,
        Format::AnalysisJson,
        Format::GraphMl,
        Format::Gexf,
        Format::Pajek,
        Format::VosViewer,
        Format::VosViewerJson,
        Format::Csv,
        Format::Session,
    ];

    /// The extension a file of this format ends with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::NodeLinkJson => "json",
            Format::AnalysisJson => "analysis.json",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Pajek => "net",
            Format::VosViewer => "txt",
            Format::VosViewerJson => "vos.json",
            Format::Csv => "csv",
            Format::Session => "cocite",
        }
    }

    /// A name for menus and messages.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Svg => "SVG figure",
            Format::Png => "PNG image",
            Format::Pdf => "PDF figure",
            Format::NodeLinkJson => "Node-link JSON",
            Format::AnalysisJson => "Full analysis (JSON)",
            Format::GraphMl => "GraphML",
            Format::Gexf => "GEXF 1.3 (Gephi)",
            Format::Pajek => "Pajek network",
            Format::VosViewer => "VOSviewer map and network files",
            Format::VosViewerJson => "VOSviewer JSON (VOSviewer Online)",
            Format::Csv => "CSV tables",
            Format::Session => "cocite session",
        }
    }

    /// The format a path's extension names (case-insensitive); two-part extensions
    /// (`.analysis.json`, `.vos.json`) before one-part ones (`.json`).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_lowercase();
        let two_part = |f: &Format| f.extension().contains('.');
        let (long, short): (Vec<Format>, Vec<Format>) = Format::ALL.into_iter().partition(two_part);
        long.into_iter()
            .chain(short)
            .find(|f| name.ends_with(&format!(".{}", f.extension())))
    }

    /// The list of supported extensions, for messages.
    pub fn supported() -> String {
        let v: Vec<String> = Format::ALL
            .iter()
            .map(|f| format!(".{}", f.extension()))
            .collect();
        v.join(", ")
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{path}: unsupported output format (supported: {})",
        Format::supported()
    )]
    Unsupported { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("rendering failed: {0}")]
    Render(String),
    #[error("a session needs the loaded corpus (its input files)")]
    NeedsCorpus,
    #[error("{0}")]
    Other(String),
}

impl ExportError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        ExportError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Writes `bytes` to `path` atomically.
pub(crate) fn save(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::io::write_atomic(path, bytes).map_err(|e| ExportError::io(path, e))
}

/// `dir/stem.suffix` for a path `dir/stem.ext` (e.g. `net.csv` → `net.nodes.csv`).
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.{suffix}"))
}

/// Writes `analysis` to `path` in the format its extension names and returns the
/// files written (CSV and VOSviewer write several). The corpus is needed only for a
/// session (`.cocite`); figures use `scene`.
///
/// ```no_run
/// use cocite::{export, io, pipeline, scene::SceneOptions};
/// let corpus = io::load(&["assets/demo".into()]).expect("loads");
/// let a = pipeline::run(&corpus, &pipeline::AnalysisParams::default()).expect("runs");
/// export::write("map.svg".as_ref(), &a, Some(&corpus), &SceneOptions::default()).expect("writes");
/// ```
pub fn write(
    path: &Path,
    analysis: &Analysis,
    corpus: Option<&Corpus>,
    scene: &SceneOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let format = Format::from_path(path).ok_or_else(|| ExportError::Unsupported {
        path: path.display().to_string(),
    })?;
    write_as(format, path, analysis, corpus, scene)
}

/// Writes a figure already drawn (`scene`) as SVG, PNG (at `dpi`) or PDF; other
/// formats are not figures and give [`ExportError::Unsupported`].
pub fn write_scene(
    format: Format,
    path: &Path,
    scene: &crate::scene::Scene,
    dpi: f64,
) -> Result<(), ExportError> {
    match format {
        Format::Svg => save(path, svg::to_svg(scene).as_bytes()),
        Format::Png => save(path, &png::to_png(scene, dpi)?),
        Format::Pdf => save(path, &pdf::to_pdf(scene)?),
        _ => Err(ExportError::Unsupported {
            path: path.display().to_string(),
        }),
    }
}

/// As [`write`], with the format given.
pub fn write_as(
    format: Format,
    path: &Path,
    a: &Analysis,
    corpus: Option<&Corpus>,
    scene: &SceneOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let one = |bytes: Vec<u8>| save(path, &bytes).map(|()| vec![path.to_path_buf()]);
    match format {
        Format::Svg => one(svg::to_svg(&crate::scene::build(a, scene)).into_bytes()),
        Format::Png => one(png::to_png(&crate::scene::build(a, scene), scene.dpi)?),
        Format::Pdf => one(pdf::to_pdf(&crate::scene::build(a, scene))?),
        Format::NodeLinkJson => one(json::node_link(a)?),
        Format::AnalysisJson => one(json::analysis(a)?),
        Format::GraphMl => one(graphml::to_graphml(a).into_bytes()),
        Format::Gexf => one(gexf::to_gexf(a).into_bytes()),
        Format::Pajek => one(pajek::to_pajek(a).into_bytes()),
        Format::VosViewer => vosviewer::write(path, a),
        Format::VosViewerJson => one(vosviewer_json::to_vos_json(a)?),
        Format::Csv => csv::write(path, a),
        Format::Session => {
            let corpus = corpus.ok_or(ExportError::NeedsCorpus)?;
            // The session opens in the view the layout made (`--layout timeline` →
            // the timeline view).
            let view = crate::session::ViewState {
                view: scene
                    .view
                    .unwrap_or(crate::scene::ViewKind::of_layout(a.params.layout.method)),
                figure: scene.clone(),
                ..Default::default()
            };
            let other = |e: crate::session::SessionError| ExportError::Other(e.to_string());
            let s = crate::session::Session::new(path, corpus, a, view).map_err(other)?;
            crate::session::save(path, &s).map_err(other)?;
            Ok(vec![path.to_path_buf()])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        let f = |s: &str| Format::from_path(Path::new(s));
        assert_eq!(f("a/b.SVG"), Some(Format::Svg));
        assert_eq!(f("x.analysis.json"), Some(Format::AnalysisJson));
        assert_eq!(f("x.json"), Some(Format::NodeLinkJson));
        assert_eq!(f("x.VOS.json"), Some(Format::VosViewerJson));
        assert_eq!(
            f("vos.json"),
            Some(Format::NodeLinkJson),
            "a name, not an extension"
        );
        assert_eq!(f("map.txt"), Some(Format::VosViewer));
        assert_eq!(f("s.cocite"), Some(Format::Session));
        assert_eq!(f("x.docx"), None);
        assert_eq!(f("noext"), None);
        assert_eq!(
            sibling(Path::new("out/net.csv"), "nodes.csv"),
            Path::new("out/net.nodes.csv")
        );
    }
}
