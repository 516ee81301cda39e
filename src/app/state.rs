//! Plain state of the app: saved settings (eframe persistence), the view (camera,
//! selection, slider years) and the commands widgets push to change them. Widgets
//! read state by `&` and push [`Command`]s; `CociteApp::apply` runs them after drawing.

use crate::pipeline::AnalysisParams;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// How many recent files the File menu remembers.
pub const MAX_RECENT: usize = 10;

/// Settings that survive a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub dark: bool,
    /// Most recent first; each entry is one "open" (files or a folder).
    pub recent: Vec<Vec<PathBuf>>,
    pub params: AnalysisParams,
    pub rings: bool,
    pub show_parameters: bool,
    pub show_clusters: bool,
    pub show_explain: bool,
    /// Years per second when playing the timeline.
    pub play_speed: f32,
    /// Clusters with at least this many members are labelled.
    pub cluster_min_size: usize,
    /// Label the largest K clusters instead.
    pub largest_clusters: Option<usize>,
    /// Shade the labelled clusters' areas in the cluster view.
    pub cluster_areas: bool,
    /// Draw a citation network's main path.
    pub main_path: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dark: false,
            recent: Vec::new(),
            params: AnalysisParams::default(),
            rings: false,
            show_parameters: true,
            show_clusters: true,
            show_explain: false,
            play_speed: 2.0,
            cluster_min_size: crate::scene::labels::DEFAULT_MIN_CLUSTER_SIZE,
            largest_clusters: None,
            cluster_areas: true,
            main_path: true,
        }
    }
}

impl Settings {
    /// Which clusters the canvas and the exported figures label.
    pub fn figure_labels(&self) -> crate::scene::ClusterLabels {
        crate::scene::ClusterLabels {
            show: true,
            min_size: self.cluster_min_size,
            largest: self.largest_clusters,
        }
    }

    /// Puts `paths` first in the recent list.
    pub fn remember(&mut self, paths: &[PathBuf]) {
        self.recent.retain(|r| r.as_slice() != paths);
        self.recent.insert(0, paths.to_vec());
        self.recent.truncate(MAX_RECENT);
    }
}

pub use crate::session::{Camera, Colouring, SliderMode, ViewKind};

/// What is selected; kept when the view changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub nodes: Vec<u32>,
    pub link: Option<usize>,
    pub cluster: Option<u32>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.link.is_none() && self.cluster.is_none()
    }
}

/// Runtime view state (not saved).
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    pub camera: Camera,
    /// Set when the camera should fit the network on the next frame.
    pub fit_pending: bool,
    /// The camera shows the fitted map and the user has not moved it: refit when the
    /// canvas changes size (panels settle in the first frames, the window is resized).
    pub auto_fit: bool,
    pub selection: Selection,
    pub hover: Option<u32>,
    pub hidden_clusters: BTreeSet<u32>,
    pub year_from: i32,
    pub year_to: i32,
    pub mode: SliderMode,
    pub playing: bool,
    /// Fractional year accumulated while playing.
    pub play_clock: f32,
    pub view: ViewKind,
    pub colouring: Colouring,
    pub search: String,
    pub focus_search: bool,
    pub show_problems: bool,
    /// Message shown in the status bar.
    pub status: String,
}

/// A change requested by a widget, applied after drawing.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open(Vec<PathBuf>),
    PickFiles,
    PickFolder,
    /// Open a `.cocite` session (native dialog).
    PickSession,
    Run,
    Cancel,
    SetYears(i32, i32),
    SetMode(SliderMode),
    TogglePlay,
    SelectNode {
        node: u32,
        add: bool,
    },
    SelectLink(usize),
    SelectCluster(Option<u32>),
    ToggleClusterHidden(u32),
    ClearSelection,
    SetView(ViewKind),
    SetColouring(Colouring),
    Fit,
    /// Centre the camera on a node.
    Focus(u32),
    /// Select the best match of the search text and centre on it.
    Search,
    /// Record the selected nodes as variants of one item and recompute.
    Merge,
    ExportPng,
    ExportSvg,
    /// Network data for other tools (GraphML, GEXF, Pajek, VOSviewer, CSV, JSON, PDF).
    ExportData,
    /// Save the map as a `.cocite` session.
    SaveSession,
    SetDark(bool),
    /// Start or stop the live ForceAtlas2 animation.
    ToggleLiveLayout,
    /// Write the study's report (`cocite report`) into a folder.
    ExportReport,
    /// Open the themes window.
    ShowThemes,
    /// Compute the themes of the loaded records (themes window).
    RunThemes,
    /// Write the themes' figures and tables into a folder.
    ExportThemes,
}
