//! Export of the current view (PNG, SVG through the core scene and writers, so a
//! figure from the app and one from `cocite network --out` are drawn by the same
//! code), and the merge thesaurus file.

use super::CociteApp;
use super::state::{Colouring, ViewKind};
use crate::pipeline::{Analysis, LayoutMethod};
use crate::scene::{NodeColoring, SceneOptions, is_time_view};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Where merges are saved by default: `thesaurus.txt` in the app's data directory.
pub fn default_thesaurus_file() -> PathBuf {
    eframe::storage_dir("cocite")
        .unwrap_or_else(std::env::temp_dir)
        .join("thesaurus.txt")
}

/// Writes the thesaurus in VOSviewer's format (`label<TAB>replace by`) to `path`.
pub fn save_thesaurus(path: &std::path::Path, entries: &[(String, String)]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = String::from("label\treplace by\n");
    for (a, b) in entries {
        let _ = writeln!(text, "{a}\t{b}");
    }
    crate::io::write_atomic(path, text.as_bytes())
}

/// The current view as a figure: the analysis with this view's positions and the
/// slider's years, and the matching scene options. Figures are drawn by the core
/// (`cocite::scene`, `cocite::export`), the same code as `cocite network --out`.
pub fn figure(app: &CociteApp) -> (Analysis, SceneOptions) {
    let mut a = (*app.analysis).clone();
    for (n, p) in a.network.nodes.iter_mut().zip(&app.derived.pos) {
        n.x = Some(p.x as f64);
        n.y = Some(p.y as f64);
    }
    a.params.layout.method = match app.view.view {
        ViewKind::Timeline => LayoutMethod::Timeline,
        ViewKind::TimeZone => LayoutMethod::Timezone,
        ViewKind::Cluster if is_time_view(a.params.layout.method) => LayoutMethod::Fa2,
        ViewKind::Cluster => a.params.layout.method,
    };
    (a, scene_options(app))
}

/// The figure options of the current view: colouring, tree rings, slider years.
pub fn scene_options(app: &CociteApp) -> SceneOptions {
    SceneOptions {
        coloring: match app.view.colouring {
            Colouring::MeanYear => NodeColoring::Year,
            _ => NodeColoring::Cluster,
        },
        tree_rings: app.settings.rings,
        window: Some((app.view.year_from, app.view.year_to)),
        ..Default::default()
    }
}

/// The current view as an SVG document (what File → Export SVG writes).
pub fn svg(app: &CociteApp) -> String {
    let (a, opts) = figure(app);
    crate::export::svg::to_svg(&crate::scene::build(&a, &opts))
}

impl CociteApp {
    /// The current view as SVG (what File → Export SVG writes).
    pub fn svg(&self) -> String {
        svg(self)
    }

    /// The current view as the core scene the figure writers draw.
    pub fn figure_scene(&self) -> crate::scene::Scene {
        let (a, opts) = figure(self);
        crate::scene::build(&a, &opts)
    }

    /// Writes the current view with the core writer chosen by the file's extension.
    pub fn write_figure(&mut self, path: &std::path::Path) {
        let (a, opts) = figure(self);
        self.view.status = match crate::export::write(path, &a, self.corpus.as_deref(), &opts) {
            Ok(_) => format!("Saved {}", path.display()),
            Err(e) => format!("Cannot write {}: {e}", path.display()),
        };
    }

    /// A save dialog offering `formats` (the first one's name suggested), then the
    /// current view written in the format of the extension chosen.
    pub(super) fn export_dialog(&mut self, formats: &[crate::export::Format]) {
        let Some(first) = formats.first() else { return };
        let mut dialog =
            rfd::FileDialog::new().set_file_name(format!("cocite-map.{}", first.extension()));
        for f in formats {
            dialog = dialog.add_filter(f.describe(), &[f.extension()]);
        }
        if let Some(path) = dialog.save_file() {
            self.write_figure(&path);
        }
    }
}
