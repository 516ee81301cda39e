//! Export of the current view (PNG, SVG through the core scene and writers, so a
//! figure from the app and one from `cocite network --out` are drawn by the same
//! code), and where the merge thesaurus file goes.

use super::CociteApp;
use super::state::Colouring;
use crate::export::Format;
use crate::scene::{NodeColoring, SceneOptions};
use std::path::PathBuf;

/// Where merges are saved by default: `thesaurus.txt` in the app's data directory.
pub fn default_thesaurus_file() -> PathBuf {
    eframe::storage_dir("cocite")
        .unwrap_or_else(std::env::temp_dir)
        .join("thesaurus.txt")
}

/// The figure options of the current view: its view kind, colouring, tree rings,
/// slider years and cluster labels.
pub fn scene_options(app: &CociteApp) -> SceneOptions {
    SceneOptions {
        coloring: match app.view.colouring {
            Colouring::MeanYear => NodeColoring::Year,
            _ => NodeColoring::Cluster,
        },
        tree_rings: app.settings.rings,
        window: Some((app.view.year_from, app.view.year_to)),
        view: Some(app.view.view),
        cluster_min_size: app.settings.cluster_min_size,
        largest_clusters: app.settings.largest_clusters,
        ..Default::default()
    }
}

/// The figure options that draw exactly what the canvas shows: its size, camera,
/// view, slider years and label sizes, without title or legend.
pub fn as_shown(app: &CociteApp) -> SceneOptions {
    let rect = app.canvas_rect();
    SceneOptions {
        width: rect.width() as f64,
        height: rect.height() as f64,
        legend: false,
        show_title: false,
        camera: Some(app.view.camera),
        font_size: Some(super::canvas::labels::NODE_FONT),
        node_labels: super::canvas::MAX_LABELS,
        ..scene_options(app)
    }
}

/// The current view's world positions, as drawn on the canvas.
fn world_positions(app: &CociteApp) -> Vec<[f64; 2]> {
    app.derived
        .pos
        .iter()
        .map(|p| [p.x as f64, p.y as f64])
        .collect()
}

impl CociteApp {
    /// The current view as SVG (what File → Export SVG writes).
    pub fn svg(&self) -> String {
        crate::export::svg::to_svg(&self.figure_scene())
    }

    /// The current view as the core scene the figure writers draw.
    pub fn figure_scene(&self) -> crate::scene::Scene {
        crate::scene::build_at(&self.analysis, &scene_options(self), &world_positions(self))
    }

    /// The canvas exactly as shown (camera, size, labels) as a core scene.
    pub fn shown_scene(&self) -> crate::scene::Scene {
        crate::scene::build_at(&self.analysis, &as_shown(self), &world_positions(self))
    }

    /// Writes the current view (a figure) or the map's data, in the format chosen by
    /// the file's extension, with the core writers.
    pub fn write_figure(&mut self, path: &std::path::Path) {
        let opts = scene_options(self);
        let result = match Format::from_path(path) {
            Some(f @ (Format::Svg | Format::Png | Format::Pdf)) => {
                crate::export::write_scene(f, path, &self.figure_scene(), opts.dpi)
            }
            _ => crate::export::write(path, &self.analysis, self.corpus.as_deref(), &opts)
                .map(|_| ()),
        };
        self.view.status = match result {
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Cannot write {}: {e}", path.display()),
        };
    }
}
