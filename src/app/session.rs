//! Sessions in the app. File → Save session writes the core `.cocite` file
//! ([`crate::session`]: inputs with their hashes, parameters, every node's layout
//! position, the view and the slider); opening one (File → Open, drag and drop,
//! `cocite open map.cocite`) re-loads its inputs and re-runs the pipeline on the
//! worker, puts the saved positions back and restores the view, so a teacher's
//! session opens on exactly the same map.

use super::CociteApp;
use super::state::SliderMode;
use crate::session::{self, Session};
use std::path::Path;

/// True for a path the app opens as a session rather than as an export file.
pub fn is_session(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("cocite"))
}

impl CociteApp {
    /// The view as a session stores it.
    pub fn session_view(&self) -> session::ViewState {
        let v = &self.view;
        let figure = super::export::scene_options(self);
        let mut saved = session::ViewState {
            view: v.view,
            camera: v.camera,
            tree_rings: figure.tree_rings,
            slider: session::Slider {
                mode: v.mode,
                from: Some(v.year_from),
                to: Some(v.year_to),
            },
            selected: v
                .selection
                .nodes
                .first()
                .and_then(|&i| self.analysis.network.nodes.get(i as usize))
                .map(|n| n.id.clone()),
            figure,
            hidden_clusters: v.hidden_clusters.iter().copied().collect(),
            ..Default::default()
        };
        saved.set_colouring(v.colouring);
        saved
    }

    /// Saves the current map as a session at `path` (atomically).
    pub fn save_session(&mut self, path: &Path) -> Result<(), String> {
        let Some(corpus) = self.corpus.clone() else {
            return Err(if self.imported.is_some() {
                "a network made elsewhere has no records to reopen: export it instead (File → Export data)".into()
            } else {
                "nothing loaded to save".into()
            });
        };
        let s = Session::new(path, &corpus, &self.analysis, self.session_view())
            .map_err(|e| e.to_string())?;
        session::save(path, &s).map_err(|e| e.to_string())
    }

    /// Restores a session's view on the map just computed (positions are already on
    /// the nodes). Years outside the map's span are clamped to it.
    pub(super) fn apply_session_view(&mut self, s: &session::ViewState) {
        let (first, last) = self.span();
        let v = &mut self.view;
        v.view = s.view;
        v.colouring = s.colouring();
        self.settings.rings = s.tree_rings;
        v.mode = s.slider.mode;
        let clamp = |y: i32| y.clamp(first, last);
        v.year_to = s.slider.to.map_or(last, clamp);
        v.year_from = match v.mode {
            SliderMode::Cumulative => first,
            SliderMode::Window => s.slider.from.map_or(first, clamp).min(v.year_to),
        };
        v.hidden_clusters = s.hidden_clusters.iter().copied().collect();
        v.selection = Default::default();
        if let Some(id) = &s.selected
            && let Some(i) = self.analysis.network.nodes.iter().position(|n| &n.id == id)
        {
            v.selection.nodes.push(i as u32);
        }
        let camera = s.camera;
        if camera.zoom.is_finite() && camera.zoom > 0.0 && camera != Default::default() {
            v.camera = camera;
            v.fit_pending = false;
            v.auto_fit = false;
        }
        self.refresh_positions();
        self.refresh_visibility();
    }
}
