//! Background work for the app: loading files and running the pipeline happen on a
//! worker thread so the UI never freezes. Each job gets a generation number and a
//! cancel flag; results of a superseded or cancelled job are dropped. The worker calls
//! `ctx.request_repaint()` whenever it sends something (egui's `http_app.rs` pattern).

use crate::io::{LoadOptions, LoadProgress};
use crate::model::Corpus;
use crate::pipeline::{Analysis, AnalysisParams};
use crate::session::Session;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What the worker reports back.
pub enum Msg {
    /// Loading progress: files and records so far.
    Loading(LoadProgress),
    /// A pipeline stage and its fraction done.
    Stage(String, f32),
    /// Files loaded.
    Loaded {
        corpus: Arc<Corpus>,
        paths: Vec<PathBuf>,
        ms: f64,
    },
    /// Pipeline finished; `node_records` are the records behind each node.
    Analysed {
        analysis: Arc<Analysis>,
        node_records: Arc<Vec<Vec<u32>>>,
        ms: f64,
    },
    /// A network made elsewhere was read and analysed (no records behind it).
    Imported {
        imported: Arc<crate::import::Imported>,
        analysis: Arc<Analysis>,
        paths: Vec<PathBuf>,
        ms: f64,
    },
    /// The themes of the loaded records.
    Themes(Result<Arc<crate::themes::Themes>, String>),
    /// A session file was read; its inputs are loading next. `warnings`: moved or
    /// changed inputs.
    SessionRead {
        path: PathBuf,
        params: Box<AnalysisParams>,
        view: Box<crate::session::ViewState>,
        warnings: Vec<String>,
    },
    /// Something went wrong (shown to the user).
    Failed(String),
    /// The job was cancelled by the user.
    Cancelled,
}

/// Progress of the running job, for the progress bar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobStatus {
    pub what: String,
    pub fraction: f32,
    pub detail: String,
}

/// The worker: at most one job runs at a time; starting a new one cancels the old.
pub struct Worker {
    tx: Sender<(u64, Msg)>,
    rx: Receiver<(u64, Msg)>,
    generation: u64,
    cancel: Arc<AtomicBool>,
    repaint: Arc<Mutex<Option<egui::Context>>>,
    /// Status of the running job; `None` when idle.
    pub status: Option<JobStatus>,
}

impl Default for Worker {
    fn default() -> Self {
        let (tx, rx) = channel();
        Worker {
            tx,
            rx,
            generation: 0,
            cancel: Arc::new(AtomicBool::new(false)),
            repaint: Arc::new(Mutex::new(None)),
            status: None,
        }
    }
}

/// Sends messages of one job and wakes the UI.
#[derive(Clone)]
struct Reporter {
    generation: u64,
    tx: Sender<(u64, Msg)>,
    repaint: Arc<Mutex<Option<egui::Context>>>,
    cancel: Arc<AtomicBool>,
}

impl Reporter {
    fn send(&self, msg: Msg) {
        let _ = self.tx.send((self.generation, msg));
        if let Ok(guard) = self.repaint.lock()
            && let Some(ctx) = guard.as_ref()
        {
            ctx.request_repaint();
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Runs the pipeline; with a session, puts its saved positions back on the nodes.
    fn run(&self, corpus: &Corpus, params: &AnalysisParams, session: Option<&Session>) {
        let t = Instant::now();
        let progress = |stage: &str, frac: f32| {
            self.send(Msg::Stage(stage.to_string(), frac));
            !self.cancelled()
        };
        match crate::pipeline::run_with(corpus, params, &progress) {
            _ if self.cancelled() => self.send(Msg::Cancelled),
            Ok(mut analysis) => {
                if let Some(s) = session {
                    let unplaced = s.restore_positions(&mut analysis);
                    if unplaced > 0 {
                        analysis.notes.push(format!(
                            "{unplaced} node(s) have no saved position (the data or parameters changed)"
                        ));
                    }
                }
                let node_records = Arc::new(analysis.node_records(corpus));
                self.send(Msg::Analysed {
                    analysis: Arc::new(analysis),
                    node_records,
                    ms: ms(t),
                });
            }
            Err(e) => self.send(Msg::Failed(format!("cannot run the analysis: {e}"))),
        }
    }
}

impl Reporter {
    fn run_imported(
        &self,
        imported: crate::import::Imported,
        params: &AnalysisParams,
        paths: Vec<PathBuf>,
    ) {
        let t = Instant::now();
        let progress = |stage: &str, frac: f32| {
            self.send(Msg::Stage(stage.to_string(), frac));
            !self.cancelled()
        };
        let kept = Arc::new(imported.clone());
        match crate::pipeline::run_imported(imported, params, &progress) {
            _ if self.cancelled() => self.send(Msg::Cancelled),
            Ok(analysis) => self.send(Msg::Imported {
                imported: kept,
                analysis: Arc::new(analysis),
                paths,
                ms: ms(t),
            }),
            Err(e) => self.send(Msg::Failed(format!("cannot analyse the network: {e}"))),
        }
    }

    fn load_and_run(
        &self,
        paths: Vec<PathBuf>,
        params: &AnalysisParams,
        session: Option<&Session>,
    ) {
        let t = Instant::now();
        let progress = |p: LoadProgress| self.send(Msg::Loading(p));
        match crate::io::load_with(&paths, &LoadOptions::default(), &progress) {
            Ok((corpus, _)) => {
                let corpus = Arc::new(corpus);
                self.send(Msg::Loaded {
                    corpus: corpus.clone(),
                    paths,
                    ms: ms(t),
                });
                if !self.cancelled() {
                    self.run(&corpus, params, session);
                }
            }
            Err(e) => self.send(Msg::Failed(format!("cannot load: {e}"))),
        }
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

impl Worker {
    /// Lets the worker wake the UI when it sends a message.
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if let Ok(mut guard) = self.repaint.lock() {
            *guard = Some(ctx.clone());
        }
    }

    fn start(&mut self, what: &str) -> Reporter {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.generation += 1;
        self.status = Some(JobStatus {
            what: what.to_string(),
            ..Default::default()
        });
        Reporter {
            generation: self.generation,
            tx: self.tx.clone(),
            repaint: self.repaint.clone(),
            cancel: self.cancel.clone(),
        }
    }

    /// Loads `paths`, then runs the pipeline with `params` on the result.
    pub fn load(&mut self, paths: Vec<PathBuf>, params: AnalysisParams) {
        let rep = self.start("Loading");
        std::thread::spawn(move || rep.load_and_run(paths, &params, None));
    }

    /// Opens a `.cocite` session: reads it, loads its inputs, runs its parameters and
    /// restores its positions (the app restores the view on `SessionRead`'s data).
    pub fn open_session(&mut self, path: PathBuf) {
        let rep = self.start("Opening session");
        std::thread::spawn(move || {
            let read = crate::session::read(&path)
                .and_then(|s| s.input_paths(&path).map(|(paths, w)| (s, paths, w)));
            let (session, paths, warnings) = match read {
                Ok(r) => r,
                Err(e) => return rep.send(Msg::Failed(format!("cannot open the session: {e}"))),
            };
            rep.send(Msg::SessionRead {
                path,
                params: Box::new(session.params.clone()),
                view: Box::new(session.view.clone()),
                warnings,
            });
            rep.load_and_run(paths, &session.params, Some(&session));
        });
    }

    /// Reads a network made elsewhere (GraphML, GEXF, Pajek, VOSviewer, node-link
    /// JSON; a VOSviewer map with its network file) and analyses it.
    pub fn open_network(&mut self, paths: Vec<PathBuf>, params: AnalysisParams) {
        let rep = self.start("Reading the network");
        std::thread::spawn(move || match crate::import::read_files(&paths) {
            Ok(imported) => rep.run_imported(imported, &params, paths),
            Err(e) => rep.send(Msg::Failed(format!("cannot read the network: {e}"))),
        });
    }

    /// Analyses an imported network again; `fresh` drops the file's clusters and
    /// positions so that the chosen clustering and layout make new ones.
    pub fn rerun_imported(
        &mut self,
        imported: &crate::import::Imported,
        params: AnalysisParams,
        paths: Vec<PathBuf>,
        fresh: bool,
    ) {
        let mut imported = imported.clone();
        if fresh {
            imported.forget_clusters();
            imported.forget_positions();
        }
        let rep = self.start("Computing");
        std::thread::spawn(move || rep.run_imported(imported, &params, paths));
    }

    /// Computes the themes (thematic map, evolution, three-field plot) of `corpus`.
    pub fn themes(&mut self, corpus: Arc<Corpus>, params: crate::themes::ThemesParams) {
        let rep = self.start("Themes");
        std::thread::spawn(move || {
            let r = crate::themes::run(&corpus, &params)
                .map(Arc::new)
                .map_err(|e| e.to_string());
            rep.send(Msg::Themes(r));
        });
    }

    /// Runs the pipeline on an already loaded corpus.
    pub fn run(&mut self, corpus: Arc<Corpus>, params: AnalysisParams) {
        let rep = self.start("Computing");
        std::thread::spawn(move || rep.run(&corpus, &params, None));
    }

    /// The context the worker wakes, once the app has run a frame.
    pub fn context(&self) -> Option<egui::Context> {
        self.repaint.lock().ok().and_then(|g| g.clone())
    }

    /// Asks the running job to stop.
    pub fn cancel(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True while a job runs.
    pub fn busy(&self) -> bool {
        self.status.is_some()
    }

    /// Messages of the current job that arrived since the last call; updates `status`.
    pub fn poll(&mut self) -> Vec<Msg> {
        let mut out = Vec::new();
        while let Ok((generation, msg)) = self.rx.try_recv() {
            if generation != self.generation {
                continue;
            }
            match &msg {
                Msg::Loading(p) => {
                    let status = self.status.get_or_insert_with(Default::default);
                    status.fraction = if p.bytes_total > 0 {
                        p.bytes_done as f32 / p.bytes_total as f32
                    } else {
                        0.0
                    };
                    status.detail = format!(
                        "{}/{} files, {} records",
                        p.files_done, p.files_total, p.records
                    );
                }
                Msg::Stage(stage, frac) => {
                    let status = self.status.get_or_insert_with(Default::default);
                    status.what = "Computing".into();
                    status.detail = stage.clone();
                    status.fraction = *frac;
                }
                Msg::Loaded { .. } | Msg::SessionRead { .. } => {}
                Msg::Analysed { .. }
                | Msg::Imported { .. }
                | Msg::Themes(_)
                | Msg::Failed(_)
                | Msg::Cancelled => self.status = None,
            }
            out.push(msg);
        }
        out
    }
}
