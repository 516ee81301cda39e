//! Sessions: a `.cocite` file that reopens exactly the same map. It is JSON holding a
//! format name and version, the input files with their SHA-256 and size, the
//! [`AnalysisParams`], the layout position of every node (by node id) and the view
//! state (view, camera, overlay, slider). It holds no records: opening a session
//! re-loads the inputs, re-runs the pipeline (deterministic for the same corpus,
//! parameters and seed) and puts every node back where it was saved, so nodes moved by
//! hand or by further layout steps come back too.
//!
//! Input paths are stored relative to the session's folder when the input lies inside
//! it (a teacher can hand out a folder with the data and the session), else absolute.
//! Opening looks for a missing input next to the session file too, and warns when an
//! input's hash differs from the saved one (the map may then differ). Saves are atomic
//! ([`crate::io::write_atomic`]).

use crate::model::Corpus;
use crate::pipeline::{self, Analysis, AnalysisParams};
use crate::scene::{NodeColoring, SceneOptions};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The `format` field of every session file.
pub const FORMAT: &str = "cocite-session";
/// The newest session version this build reads and the one it writes. Version 2 added
/// CiteSpace's link reduction (LRF, L/N, LBY): a version-1 session had none, so it
/// opens with them off and draws the map it was saved with.
pub const VERSION: u32 = 2;

/// An input file of the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFile {
    /// Relative to the session's folder, or absolute.
    pub path: String,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
    pub bytes: u64,
}

pub use crate::scene::view::{Camera, ViewKind};

/// How nodes are coloured on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Colouring {
    /// Cluster palette (or citation tree rings).
    #[default]
    Cluster,
    /// Mean publication year of the citing records.
    MeanYear,
    /// Burst strength.
    Burst,
    /// Density map (VOSviewer): kernel density of the visible nodes.
    Density,
}

impl Colouring {
    pub const ALL: [Colouring; 4] = [
        Colouring::Cluster,
        Colouring::MeanYear,
        Colouring::Burst,
        Colouring::Density,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Colouring::Cluster => "By cluster",
            Colouring::MeanYear => "By mean year",
            Colouring::Burst => "By burst",
            Colouring::Density => "Density",
        }
    }
}

/// How the timeline slider shows years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SliderMode {
    /// Everything from the first year up to the slider's year.
    #[default]
    Cumulative,
    /// Only the window `from..=to`.
    Window,
}

/// The timeline slider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Slider {
    pub mode: SliderMode,
    /// Window start (ignored in cumulative mode); `None` = the span's first year.
    pub from: Option<i32>,
    /// Last year shown; `None` = the span's last year (everything).
    pub to: Option<i32>,
}

/// What the app shows; every field has a default so older files still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub view: ViewKind,
    pub camera: Camera,
    pub overlay: NodeColoring,
    pub tree_rings: bool,
    pub slider: Slider,
    /// Id of the selected node.
    pub selected: Option<String>,
    /// Figure options last used for export.
    pub figure: SceneOptions,
    /// The app's colouring where `overlay` has no counterpart: `"burst"` or `"density"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_colouring: Option<String>,
    /// Clusters hidden in the app's cluster list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden_clusters: Vec<u32>,
}

impl ViewState {
    /// The colouring this view was saved with: `overlay` holds what figures can draw,
    /// `app_colouring` the app's colourings figures have no counterpart for.
    pub fn colouring(&self) -> Colouring {
        match (self.app_colouring.as_deref(), self.overlay) {
            (Some("burst"), _) => Colouring::Burst,
            (Some("density"), _) => Colouring::Density,
            (_, NodeColoring::Year) => Colouring::MeanYear,
            _ => Colouring::Cluster,
        }
    }

    /// Stores `c` as [`ViewState::colouring`] reads it.
    pub fn set_colouring(&mut self, c: Colouring) {
        self.app_colouring = match c {
            Colouring::Burst => Some("burst".into()),
            Colouring::Density => Some("density".into()),
            _ => None,
        };
        self.overlay = if c == Colouring::MeanYear {
            NodeColoring::Year
        } else {
            NodeColoring::Cluster
        };
    }
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            view: ViewKind::default(),
            camera: Camera::default(),
            overlay: NodeColoring::default(),
            tree_rings: true,
            slider: Slider::default(),
            selected: None,
            figure: SceneOptions::default(),
            app_colouring: None,
            hidden_clusters: Vec::new(),
        }
    }
}

/// A saved session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: String,
    pub version: u32,
    pub inputs: Vec<InputFile>,
    pub params: AnalysisParams,
    /// Layout position of each node, by node id.
    pub positions: BTreeMap<String, [f64; 2]>,
    #[serde(default)]
    pub view: ViewState,
}

/// Why a session could not be saved or opened.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a cocite session: {message}")]
    Format { path: String, message: String },
    #[error("{path}: session version {version} is newer than this cocite reads ({VERSION})")]
    TooNew { path: String, version: u32 },
    #[error("input file(s) not found: {}", .0.join(", "))]
    MissingInputs(Vec<String>),
    #[error(transparent)]
    Load(#[from] crate::io::LoadError),
    #[error(transparent)]
    Params(#[from] pipeline::ParamError),
}

fn io_err(path: &Path, source: std::io::Error) -> SessionError {
    SessionError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// SHA-256 and size of a file, read in 1 MiB blocks.
pub fn hash_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf)?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok((hex, n))
}

/// The folder a session file's relative paths start from.
fn base_dir(session_path: &Path) -> PathBuf {
    let dir = session_path.parent().unwrap_or(Path::new(""));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

impl Session {
    /// A session for `analysis` of `corpus`, to be saved at `session_path` (which
    /// decides how input paths are written). Reads every input to hash it.
    pub fn new(
        session_path: &Path,
        corpus: &Corpus,
        analysis: &Analysis,
        view: ViewState,
    ) -> Result<Session, SessionError> {
        let base = base_dir(session_path);
        let mut inputs = Vec::with_capacity(corpus.files.len());
        for f in &corpus.files {
            let p = Path::new(&f.path);
            let (sha256, bytes) = hash_file(p).map_err(|e| io_err(p, e))?;
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            let path = match abs.strip_prefix(&base) {
                Ok(rel) => rel.to_string_lossy().into_owned(),
                Err(_) => abs.to_string_lossy().into_owned(),
            };
            inputs.push(InputFile {
                path,
                sha256,
                bytes,
            });
        }
        let positions = analysis
            .network
            .nodes
            .iter()
            .filter_map(|n| Some((n.id.clone(), [n.x?, n.y?])))
            .collect();
        Ok(Session {
            format: FORMAT.into(),
            version: VERSION,
            inputs,
            params: analysis.params.clone(),
            positions,
            view,
        })
    }

    /// The inputs as paths to load, and warnings (moved files, changed content).
    /// An input not found where saved is looked for beside the session file.
    pub fn input_paths(
        &self,
        session_path: &Path,
    ) -> Result<(Vec<PathBuf>, Vec<String>), SessionError> {
        let base = base_dir(session_path);
        let (mut paths, mut warnings, mut missing) = (Vec::new(), Vec::new(), Vec::new());
        for input in &self.inputs {
            let saved = base.join(&input.path);
            let beside = Path::new(&input.path).file_name().map(|n| base.join(n));
            let found = if saved.is_file() {
                saved
            } else if let Some(b) = beside.filter(|b| b.is_file()) {
                warnings.push(format!("{} not found; using {}", input.path, b.display()));
                b
            } else {
                missing.push(input.path.clone());
                continue;
            };
            match hash_file(&found) {
                Ok((h, _)) if h == input.sha256 => {}
                Ok(_) => warnings.push(format!(
                    "{} has changed since the session was saved; the map may differ",
                    found.display()
                )),
                Err(e) => return Err(io_err(&found, e)),
            }
            paths.push(found);
        }
        if !missing.is_empty() {
            return Err(SessionError::MissingInputs(missing));
        }
        Ok((paths, warnings))
    }

    /// Puts saved positions back on the nodes; returns how many nodes had none saved.
    pub fn restore_positions(&self, analysis: &mut Analysis) -> usize {
        let mut unplaced = 0;
        for n in &mut analysis.network.nodes {
            match self.positions.get(&n.id) {
                Some(&[x, y]) => {
                    n.x = Some(x);
                    n.y = Some(y);
                }
                None => unplaced += 1,
            }
        }
        unplaced
    }
}

/// Saves a session atomically.
pub fn save(path: &Path, session: &Session) -> Result<(), SessionError> {
    let bytes = serde_json::to_vec_pretty(session).map_err(|e| SessionError::Format {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    crate::io::write_atomic(path, &bytes).map_err(|e| io_err(path, e))
}

/// Reads a session file without loading its inputs.
pub fn read(path: &Path) -> Result<Session, SessionError> {
    let bytes = std::fs::read(path).map_err(|e| io_err(path, e))?;
    let format_err = |message: String| SessionError::Format {
        path: path.display().to_string(),
        message,
    };
    let head: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format_err(e.to_string()))?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(format_err(format!("no \"format\": \"{FORMAT}\" field")));
    }
    let version = head.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > VERSION as u64 {
        return Err(SessionError::TooNew {
            path: path.display().to_string(),
            version: version.min(u32::MAX as u64) as u32,
        });
    }
    let mut session: Session =
        serde_json::from_value(head).map_err(|e| format_err(e.to_string()))?;
    if version < 2 {
        let n = &mut session.params.network;
        (n.lrf, n.links_per_node, n.look_back) = (None, None, None);
    }
    Ok(session)
}

/// A reopened session.
#[derive(Debug)]
pub struct Opened {
    pub session: Session,
    pub corpus: Corpus,
    pub analysis: Analysis,
    /// Moved or changed inputs, nodes without a saved position.
    pub warnings: Vec<String>,
}

/// Opens a session: reads it, re-loads its inputs, re-runs the pipeline and restores
/// the saved positions.
pub fn open(path: &Path) -> Result<Opened, SessionError> {
    let session = read(path)?;
    let (paths, mut warnings) = session.input_paths(path)?;
    let corpus = crate::io::load(&paths)?;
    let mut analysis = pipeline::run(&corpus, &session.params)?;
    let unplaced = session.restore_positions(&mut analysis);
    if unplaced > 0 {
        warnings.push(format!(
            "{unplaced} node(s) have no saved position (the data or parameters changed)"
        ));
    }
    Ok(Opened {
        session,
        corpus,
        analysis,
        warnings,
    })
}
