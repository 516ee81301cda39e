//! Native file dialogs (rfd): which exports or session to open, where to write a
//! figure, data or a session. The commands that need a dialog are dispatched here.

use super::CociteApp;
use super::state::Command;
use crate::export::Format;

/// What an open dialog picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Export files.
    Files,
    /// A folder of export files.
    Folder,
    /// A `.cocite` session.
    Session,
}

impl CociteApp {
    /// Asks for inputs and opens them.
    pub(super) fn pick_inputs(&mut self, what: Pick) {
        let dialog = rfd::FileDialog::new();
        let picked = match what {
            Pick::Files => dialog.set_title("Open exports").pick_files(),
            Pick::Folder => dialog
                .set_title("Open a folder of exports")
                .pick_folder()
                .map(|d| vec![d]),
            Pick::Session => dialog
                .set_title("Open a session")
                .add_filter("cocite session", &["cocite"])
                .pick_file()
                .map(|f| vec![f]),
        };
        if let Some(paths) = picked {
            self.command(Command::Open(paths));
        }
    }

    /// A save dialog offering `formats` (the first one's name suggested), then the
    /// current view written in the format of the extension chosen.
    pub(super) fn export_dialog(&mut self, formats: &[Format]) {
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

    /// Asks for a folder, then writes the themes' figures and tables into it.
    pub(super) fn export_themes_dialog(&mut self) {
        let Some(t) = self.themes.result.clone() else {
            return;
        };
        let Some(dir) = rfd::FileDialog::new()
            .set_title("Export the themes into a folder")
            .pick_folder()
        else {
            return;
        };
        let what = self.themes.params.field.name();
        let opts = crate::scene::themes::FigureOptions::default();
        self.themes.message = match crate::export::themes::write_dir(&dir, &t, what, &opts) {
            Ok(files) => format!("Wrote {} files to {}", files.len(), dir.display()),
            Err(e) => format!("Cannot write the themes: {e}"),
        };
    }

    /// Asks for a folder, then writes the report of the current map into it (the same
    /// call as `cocite report`).
    pub(super) fn export_report_dialog(&mut self) {
        let Some(corpus) = self.corpus.clone() else {
            return;
        };
        let Some(dir) = rfd::FileDialog::new()
            .set_title("Export the report into a folder")
            .pick_folder()
        else {
            return;
        };
        self.view.status = match self.write_report(&dir, &corpus) {
            Ok(n) => format!("Wrote the report ({n} files) to {}", dir.display()),
            Err(e) => format!("Cannot write the report: {e}"),
        };
    }

    /// Writes the report of the current map into `dir`; returns the files written.
    pub fn write_report(
        &self,
        dir: &std::path::Path,
        corpus: &crate::model::Corpus,
    ) -> Result<usize, crate::export::ExportError> {
        let scene = crate::scene::SceneOptions {
            tree_rings: self.settings.rings,
            cluster_min_size: self.settings.cluster_min_size,
            largest_clusters: self.settings.largest_clusters,
            cluster_areas: self.settings.cluster_areas,
            ..Default::default()
        };
        let opts = crate::report::ReportOptions::default();
        crate::export::report::write_dir(dir, corpus, &self.analysis, &opts, &scene)
            .map(|w| w.files.len())
    }

    /// Asks where to save the session, then saves it.
    pub(super) fn save_session_dialog(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("cocite session", &["cocite"])
            .set_file_name("map.cocite")
            .save_file()
        else {
            return;
        };
        self.view.status = match self.save_session(&path) {
            Ok(()) => format!("Saved session {}", path.display()),
            Err(e) => format!("Cannot save the session: {e}"),
        };
    }
}
