//! The desktop app (eframe/egui, glow renderer): opens files, runs the shared
//! pipeline on a worker thread and shows the map with a timeline slider.
//!
//! Structure (egui demo-app style): [`CociteApp`] holds the core's `Corpus` and
//! `Analysis` plus plain view state ([`state`]; the saved view types are the core's,
//! `crate::session`); [`panels`] are free `*_ui` functions, one per file, that read
//! state by `&` and push [`state::Command`]s, which `apply` dispatches after drawing
//! (file dialogs in `dialogs`). The [`canvas`] draws the map as batched meshes with the
//! core's view geometry and label engine (`crate::scene`). `logic` polls the [`worker`],
//! plays the timeline and handles shortcuts; `ui` only draws.

mod apply;
pub mod canvas;
pub mod colours;
mod dialogs;
mod export;
pub mod live;
pub mod panels;
pub mod scene_paint;
pub mod session;
pub mod state;
mod ui;
pub mod worker;

use crate::model::Corpus;
use crate::network::WindowView;
use crate::pipeline::Analysis;
use egui::Pos2;
use state::{Command, Settings, ViewState};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Key of the saved settings in eframe's storage.
const SETTINGS_KEY: &str = "cocite-settings";

/// The bundled demo dataset (96 WoS records), opened when no file is given: the
/// export files of `assets/demo/` (its `SOURCE.md` is not data).
pub fn demo_paths() -> Vec<PathBuf> {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    // An installed binary looks next to itself.
    let dir = if dev.exists() {
        dev
    } else {
        std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join("assets/demo")))
            .unwrap_or(dev)
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"));
    files.sort();
    if files.is_empty() { vec![dir] } else { files }
}

/// What is derived from the analysis and the view, recomputed only when they change.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Positions of the force-layout view (world units).
    pub cluster_pos: Vec<[f64; 2]>,
    /// Positions of the current view.
    pub pos: Vec<Pos2>,
    /// World radius of each node in the current view (`scene::view::radii`).
    pub radius: Vec<f64>,
    /// The labelled clusters' areas in world units (cluster view, when shown).
    pub hulls: Vec<(u32, Vec<[f64; 2]>)>,
    /// The pipeline's window for the slider years.
    pub window: WindowView,
    /// Window minus hidden clusters: what is drawn.
    pub nodes_visible: Vec<bool>,
    pub links_visible: Vec<bool>,
    /// Neighbours of the selected nodes.
    pub neighbours: Vec<bool>,
    /// Bumped whenever positions or visibility change.
    pub generation: u64,
    /// The slider years `cluster_pos` was settled for (`layout::window_layout`);
    /// `None` after a new analysis or layout.
    pub layout_years: Option<(i32, i32)>,
}

/// The app.
pub struct CociteApp {
    pub settings: Settings,
    pub view: ViewState,
    pub corpus: Option<Arc<Corpus>>,
    /// The files of the current corpus.
    pub paths: Vec<PathBuf>,
    pub analysis: Arc<Analysis>,
    /// Records behind each node (`network::node_records`).
    pub node_records: Arc<Vec<Vec<u32>>>,
    pub derived: Derived,
    pub worker: worker::Worker,
    commands: Vec<Command>,
    /// Canvas rectangle of the last frame (for fit and PNG export).
    canvas_rect: egui::Rect,
    last_error: Option<String>,
    /// The themes window (thematic map, evolution, three-field plot).
    pub themes: panels::themes::ThemesState,
    /// The network made elsewhere on screen, if it is one (no corpus then).
    pub imported: Option<Arc<crate::import::Imported>>,
    /// Where "Merge" saves the thesaurus (VOSviewer format).
    pub thesaurus_file: PathBuf,
    /// With `COCITE_TIMING` set: process start, to report the first frame with a network.
    timing: Option<std::time::Instant>,
    mesh_cache: canvas::MeshCache,
    /// Running ForceAtlas2 animation, if any.
    pub live: Option<live::LiveLayout>,
    /// The labels the canvas drew in the last frame (the shared label engine's).
    pub labels: Vec<crate::scene::labels::Label>,
    /// The view of a session being opened, applied when its map arrives.
    pending_session: Option<crate::session::ViewState>,
    /// Moved or changed inputs of the last opened session (shown with the problems).
    pub session_warnings: Vec<String>,
}

impl CociteApp {
    /// An app with `settings` that starts loading `paths` (nothing if empty).
    pub fn new(paths: Vec<PathBuf>, settings: Settings) -> Self {
        let mut app = CociteApp {
            settings,
            view: ViewState::default(),
            corpus: None,
            paths: Vec::new(),
            analysis: Arc::new(Analysis::default()),
            node_records: Arc::new(Vec::new()),
            derived: Derived::default(),
            worker: worker::Worker::default(),
            commands: Vec::new(),
            canvas_rect: egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0)),
            last_error: None,
            thesaurus_file: export::default_thesaurus_file(),
            imported: None,
            themes: Default::default(),
            timing: None,
            mesh_cache: Default::default(),
            live: None,
            labels: Vec::new(),
            pending_session: None,
            session_warnings: Vec::new(),
        };
        if !paths.is_empty() {
            app.commands.push(Command::Open(paths));
            app.apply_commands();
        }
        app
    }

    /// An app showing an already computed `analysis` (benchmarks, tests, embedding).
    pub fn with_analysis(
        analysis: Analysis,
        corpus: Option<Arc<Corpus>>,
        settings: Settings,
    ) -> Self {
        let mut app = CociteApp::new(Vec::new(), settings);
        let records = match &corpus {
            Some(c) => analysis.node_records(c),
            None => Vec::new(),
        };
        app.corpus = corpus;
        app.set_analysis(Arc::new(analysis), Arc::new(records));
        app
    }

    /// Builds the app inside eframe: restores settings, wires the worker to the context.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(if settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let mut app = CociteApp::new(Vec::new(), settings);
        app.worker.set_context(&cc.egui_ctx);
        app.commands.push(Command::Open(paths));
        app.apply_commands();
        app
    }

    /// Applies one command now, as if a widget had pushed it.
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
        self.apply_commands();
    }

    /// Where node `i` was drawn in the last frame (screen points), if visible.
    pub fn node_screen_pos(&self, i: u32) -> Option<Pos2> {
        let i = i as usize;
        let visible = *self.derived.nodes_visible.get(i)?;
        let t = canvas::Transform {
            rect: self.canvas_rect,
            camera: self.view.camera,
        };
        visible.then(|| t.to_screen(self.derived.pos[i]))
    }

    /// Where the canvas was drawn in the last frame (screen points).
    pub fn canvas_rect(&self) -> egui::Rect {
        self.canvas_rect
    }

    /// The views this map can be shown in: the historiograph for citation networks.
    pub fn views(&self) -> Vec<state::ViewKind> {
        let mut v = state::ViewKind::ALL.to_vec();
        if self.analysis.network.kind == crate::network::NodeKind::Citation {
            v.push(state::ViewKind::Historiograph);
        }
        v
    }

    /// Nodes drawn now (window minus hidden clusters).
    pub fn visible_nodes(&self) -> usize {
        self.derived.nodes_visible.iter().filter(|&&v| v).count()
    }

    /// True while loading or computing.
    pub fn busy(&self) -> bool {
        self.worker.busy()
    }

    /// The last error shown to the user, if any.
    pub fn last_error(&self) -> Option<&str> {
        self.last_error.as_deref()
    }

    /// Blocks until the worker is idle (for tests and measurement), polling its messages.
    pub fn wait_idle(&mut self, timeout: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        while self.busy() && start.elapsed() < timeout {
            self.poll_worker();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        !self.busy()
    }

    /// Everything that is not drawing: worker messages, playback, shortcuts, dropped files.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.worker.set_context(ctx);
        self.poll_worker();
        self.shortcuts(ctx);
        if self.step_live_layout() {
            ctx.request_repaint();
        }
        if self.view.playing {
            let dt = ctx.input(|i| i.stable_dt).min(0.1);
            self.advance_play(dt);
            ctx.request_repaint();
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::Open(dropped));
        }
        self.apply_commands();
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::COMMAND, Key::O) {
                self.commands.push(Command::PickFiles);
            }
            if i.consume_key(Modifiers::COMMAND, Key::F) {
                self.view.focus_search = true;
            }
            if !typing {
                if i.consume_key(Modifiers::NONE, Key::Space) {
                    self.commands.push(Command::TogglePlay);
                }
                if i.consume_key(Modifiers::NONE, Key::F) {
                    self.commands.push(Command::Fit);
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                self.commands.push(Command::ClearSelection);
            }
        });
    }

    /// Draws the whole window and applies the commands the widgets pushed.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.draw(ui);
        self.apply_commands();
        if let Some(start) = self.timing
            && !self.analysis.network.nodes.is_empty()
        {
            eprintln!(
                "cocite: first frame with the network ({} nodes) {:.0} ms after launch",
                self.analysis.network.nodes.len(),
                start.elapsed().as_secs_f64() * 1000.0
            );
            self.timing = None;
        }
    }
}

impl eframe::App for CociteApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        CociteApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Opens the app window on `paths` (the demo dataset when empty).
pub fn run(paths: Vec<PathBuf>) -> std::process::ExitCode {
    let start = std::time::Instant::now();
    let paths = if paths.is_empty() {
        demo_paths()
    } else {
        paths
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("cocite")
            .with_inner_size([1280.0, 800.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "cocite",
        options,
        Box::new(move |cc| {
            let mut app = CociteApp::from_creation(cc, paths);
            app.timing = std::env::var_os("COCITE_TIMING").map(|_| start);
            // For screenshots and teaching material: open in another view.
            match std::env::var("COCITE_VIEW").as_deref() {
                Ok("timeline") => app.command(Command::SetView(state::ViewKind::Timeline)),
                Ok("timezone") => app.command(Command::SetView(state::ViewKind::TimeZone)),
                Ok("density") => app.command(Command::SetColouring(state::Colouring::Density)),
                _ => {}
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cocite: cannot open the window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
