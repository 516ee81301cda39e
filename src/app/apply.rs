//! Applying commands and worker results to the app state, and keeping the derived
//! state (positions, visibility for the slider years) in step with it.

use super::CociteApp;
use super::dialogs::Pick;
use super::state::{Command, SliderMode};
use super::worker::Msg;
use crate::export::Format;
use crate::network::thesaurus;
use crate::scene::view;
use std::path::PathBuf;

impl CociteApp {
    /// First and last year of the analysis (the slider's range).
    pub fn span(&self) -> (i32, i32) {
        if let Some(s) = self.analysis.span {
            return s;
        }
        let years = self.analysis.records_per_year.keys();
        match (years.clone().next(), years.last()) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (2000, 2000),
        }
    }

    pub(super) fn poll_worker(&mut self) {
        for msg in self.worker.poll() {
            match msg {
                Msg::Loaded { corpus, paths, ms } => {
                    self.view.status = format!(
                        "Loaded {} records from {} files in {:.0} ms",
                        corpus.records.len(),
                        corpus.files.len(),
                        ms
                    );
                    self.view.show_problems = !corpus.problems.is_empty();
                    self.settings.remember(&paths);
                    self.paths = paths;
                    self.corpus = Some(corpus);
                    self.imported = None;
                }
                Msg::Analysed {
                    analysis,
                    node_records,
                    ms,
                } => {
                    self.view.status = format!(
                        "{} nodes, {} links ({:.0} ms)",
                        analysis.network.nodes.len(),
                        analysis.network.links.len(),
                        ms
                    );
                    self.last_error = None;
                    self.set_analysis(analysis, node_records);
                    if let Some(view) = self.pending_session.take() {
                        self.apply_session_view(&view);
                        let mut warnings = self.session_warnings.clone();
                        warnings.extend(self.analysis.notes.iter().cloned());
                        if !warnings.is_empty() {
                            self.view.status = format!("Session opened: {}", warnings.join("; "));
                        }
                    }
                }
                Msg::Imported {
                    imported,
                    analysis,
                    paths,
                    ms,
                } => {
                    self.view.status = format!(
                        "{} nodes, {} links from {} ({:.0} ms): {}",
                        analysis.network.nodes.len(),
                        analysis.network.links.len(),
                        describe_paths(&paths),
                        ms,
                        crate::pipeline::NO_RECORDS_NOTE
                    );
                    self.last_error = None;
                    self.corpus = None;
                    self.imported = Some(imported);
                    self.settings.remember(&paths);
                    self.paths = paths;
                    self.set_analysis(analysis, std::sync::Arc::new(Vec::new()));
                }
                Msg::Themes(Ok(t)) => {
                    self.view.status = format!("{} themes", t.map.themes.len());
                    self.themes.set_result(t);
                }
                Msg::Themes(Err(e)) => self.themes.message = e,
                Msg::SessionRead {
                    path,
                    params,
                    view,
                    warnings,
                } => {
                    self.settings.params = *params;
                    self.pending_session = Some(*view);
                    self.session_warnings = warnings;
                    self.view.status = format!("Opening session {}", path.display());
                }
                Msg::Failed(e) => {
                    self.view.status = e.clone();
                    self.last_error = Some(e);
                }
                Msg::Cancelled => self.view.status = "Cancelled".into(),
                Msg::Loading(_) | Msg::Stage(..) => {}
            }
        }
    }

    pub(super) fn set_analysis(
        &mut self,
        analysis: std::sync::Arc<crate::pipeline::Analysis>,
        records: std::sync::Arc<Vec<Vec<u32>>>,
    ) {
        let same_network = self.analysis.network.nodes.len() == analysis.network.nodes.len()
            && self
                .analysis
                .network
                .nodes
                .iter()
                .zip(&analysis.network.nodes)
                .all(|(a, b)| a.id == b.id);
        self.analysis = analysis;
        self.node_records = records;
        self.live = None;
        let n = self.analysis.network.nodes.len();
        if !same_network {
            self.view.selection = Default::default();
            self.view.hidden_clusters.clear();
        }
        self.view.selection.nodes.retain(|&i| (i as usize) < n);
        let (first, last) = self.span();
        self.view.year_to = last;
        self.view.year_from = first;
        self.derived.cluster_pos = view::cluster_positions(&self.analysis.network, &[]);
        self.derived.layout_years = None;
        self.refresh_positions();
        self.refresh_visibility();
        self.view.fit_pending = true;
    }

    pub(super) fn refresh_positions(&mut self) {
        self.derived.generation += 1;
        let net = &self.analysis.network;
        let scale = self.analysis.params.layout.node_scale;
        self.derived.pos = view::positions(net, self.view.view, &self.derived.cluster_pos, scale)
            .into_iter()
            .map(|[x, y]| egui::pos2(x as f32, y as f32))
            .collect();
        self.derived.radius = view::radii(net, self.view.view, scale);
        self.refresh_hulls();
    }

    /// Recomputes what is visible for the slider years: exactly `Network::window`,
    /// minus hidden clusters (and, in the timeline view, the clusters without a row,
    /// as in the figures: `scene::view::timeline_rows`).
    pub(super) fn refresh_visibility(&mut self) {
        let net = &self.analysis.network;
        // A network made elsewhere has no years: everything is shown.
        let window = if net.kind == crate::network::NodeKind::Imported {
            crate::network::WindowView {
                nodes: vec![true; net.nodes.len()],
                links: vec![true; net.links.len()],
                visible_nodes: net.nodes.len(),
                visible_links: net.links.len(),
            }
        } else {
            net.window(self.view.year_from, self.view.year_to)
        };
        let hidden = &self.view.hidden_clusters;
        let mut nodes = window.nodes.clone();
        let mut links = window.links.clone();
        let shown: Vec<bool> = net
            .nodes
            .iter()
            .map(|n| !n.cluster.is_some_and(|c| hidden.contains(&c)))
            .collect();
        view::restrict(net, &mut nodes, &mut links, &shown);
        if self.view.view == super::state::ViewKind::Timeline {
            let rule = self.settings.figure_labels();
            let rows = view::timeline_rows(net, &self.analysis.clusters, &rule);
            view::restrict(net, &mut nodes, &mut links, &rows);
        }
        let mut neighbours = vec![false; net.nodes.len()];
        for l in &net.links {
            let (s, t) = (l.source, l.target);
            if self.view.selection.nodes.contains(&s) {
                neighbours[t as usize] = true;
            }
            if self.view.selection.nodes.contains(&t) {
                neighbours[s as usize] = true;
            }
        }
        if let Some(l) = self.view.selection.link.and_then(|k| net.links.get(k)) {
            neighbours[l.source as usize] = true;
            neighbours[l.target as usize] = true;
        }
        self.derived.generation += 1;
        self.derived.window = window;
        self.derived.nodes_visible = nodes;
        self.derived.links_visible = links;
        self.derived.neighbours = neighbours;
        self.refresh_window_layout();
        self.refresh_hulls();
    }

    /// The shaded cluster areas of the cluster view (`scene::view::cluster_hulls`, as
    /// the figures shade them), in world units.
    pub(super) fn refresh_hulls(&mut self) {
        self.derived.hulls.clear();
        if !self.settings.cluster_areas || self.view.view != super::state::ViewKind::Cluster {
            return;
        }
        let ids = self
            .settings
            .figure_labels()
            .choose(&self.analysis.clusters);
        let pos: Vec<[f64; 2]> = self
            .derived
            .pos
            .iter()
            .map(|p| [p.x as f64, p.y as f64])
            .collect();
        self.derived.hulls = view::cluster_hulls(
            &self.analysis.network,
            &ids,
            &pos,
            &self.derived.radius,
            &self.derived.nodes_visible,
            2.0,
        );
    }

    /// The cluster view shows the slider window's own network, settled from the full
    /// layout (`layout::window_layout`): recomputed when the years change, not while
    /// the live layout animates the whole map.
    fn refresh_window_layout(&mut self) {
        let years = (self.view.year_from, self.view.year_to);
        if self.live.is_some() || self.derived.layout_years == Some(years) {
            return;
        }
        let net = &self.analysis.network;
        let params = &self.analysis.params;
        let settled = crate::layout::window_layout(
            net,
            &self.derived.window,
            &params.layout,
            params.analysis.seed,
        );
        self.derived.cluster_pos = view::cluster_positions(net, &settled);
        self.derived.layout_years = Some(years);
        if self.view.view == super::state::ViewKind::Cluster {
            self.refresh_positions();
        }
    }

    pub(super) fn advance_play(&mut self, dt: f32) {
        self.view.play_clock += dt * self.settings.play_speed;
        if self.view.play_clock < 1.0 {
            return;
        }
        self.view.play_clock = 0.0;
        let (first, last) = self.span();
        let (from, to) = if self.view.year_to >= last {
            let width = self.view.year_to - self.view.year_from;
            match self.view.mode {
                SliderMode::Cumulative => (first, first),
                SliderMode::Window => (first, (first + width).min(last)),
            }
        } else {
            match self.view.mode {
                SliderMode::Cumulative => (first, self.view.year_to + 1),
                SliderMode::Window => (self.view.year_from + 1, self.view.year_to + 1),
            }
        };
        self.commands.push(Command::SetYears(from, to));
    }

    /// Runs the commands pushed this frame, in order.
    pub(super) fn apply_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        let mut visibility = false;
        for c in commands {
            visibility |= self.apply(c);
        }
        if visibility {
            self.refresh_visibility();
        }
    }

    /// Opens exports, a session or a network made elsewhere, on the worker.
    fn open(&mut self, paths: Vec<PathBuf>) {
        if paths.len() == 1 && super::session::is_session(&paths[0]) {
            self.view.status = format!("Opening session {}", paths[0].display());
            self.pending_session = None;
            self.session_warnings.clear();
            self.worker.open_session(paths[0].clone());
        } else if is_network(&paths) {
            self.pending_session = None;
            self.session_warnings.clear();
            self.view.status = format!("Reading the network {}", describe_paths(&paths));
            self.worker
                .open_network(paths, self.settings.params.clone());
        } else if !paths.is_empty() {
            self.pending_session = None;
            self.session_warnings.clear();
            self.view.status = format!("Loading {}", describe_paths(&paths));
            self.worker.load(paths, self.settings.params.clone());
        }
    }

    /// Applies one command; returns true if visibility must be recomputed.
    fn apply(&mut self, command: Command) -> bool {
        match command {
            Command::Open(paths) => self.open(paths),
            Command::PickFiles => self.pick_inputs(Pick::Files),
            Command::PickFolder => self.pick_inputs(Pick::Folder),
            Command::PickSession => self.pick_inputs(Pick::Session),
            Command::Run => match (&self.corpus, &self.imported) {
                (Some(c), _) => self.worker.run(c.clone(), self.settings.params.clone()),
                (None, Some(imp)) => self.worker.rerun_imported(
                    imp,
                    self.settings.params.clone(),
                    self.paths.clone(),
                    true,
                ),
                (None, None) => self.view.status = "Open some files first (File → Open)".into(),
            },
            Command::Cancel => self.worker.cancel(),
            Command::SetYears(from, to) => {
                self.view.year_from = from.min(to);
                self.view.year_to = to.max(from);
                return true;
            }
            Command::SetMode(mode) => {
                self.view.mode = mode;
                if mode == SliderMode::Cumulative {
                    self.view.year_from = self.span().0;
                }
                return true;
            }
            Command::TogglePlay => {
                self.view.playing = !self.view.playing;
                self.view.play_clock = 0.0;
            }
            c @ (Command::SelectNode { .. }
            | Command::SelectLink(_)
            | Command::SelectCluster(_)
            | Command::ToggleClusterHidden(_)
            | Command::ClearSelection) => {
                self.apply_selection(c);
                return true;
            }
            Command::SetView(v) => {
                self.view.view = v;
                self.refresh_positions();
                self.view.fit_pending = true;
                return true;
            }
            Command::SetColouring(c) => self.view.colouring = c,
            Command::Fit => self.view.fit_pending = true,
            Command::Focus(i) => {
                if let Some(p) = self.derived.pos.get(i as usize) {
                    self.view.camera.center = [p.x as f64, p.y as f64];
                    self.view.auto_fit = false;
                    self.view.camera.zoom = self.view.camera.zoom.max(1.5);
                }
            }
            Command::Search => return self.search(),
            Command::Merge => self.merge(),
            Command::ExportPng => self.export_dialog(&[Format::Png]),
            Command::ExportSvg => self.export_dialog(&[Format::Svg]),
            Command::ExportData => self.export_dialog(&[
                Format::GraphMl,
                Format::Gexf,
                Format::Pajek,
                Format::VosViewer,
                Format::VosViewerJson,
                Format::Csv,
                Format::NodeLinkJson,
                Format::AnalysisJson,
                Format::Pdf,
            ]),
            Command::SaveSession => self.save_session_dialog(),
            Command::SetDark(d) => self.settings.dark = d,
            Command::ToggleLiveLayout => self.toggle_live_layout(),
            Command::ShowThemes => self.themes.open = true,
            Command::RunThemes => match (self.themes.run_params(), &self.corpus) {
                (Ok(p), Some(c)) => self.worker.themes(c.clone(), p),
                (Err(e), _) => self.themes.message = e,
                (_, None) => self.themes.message = "Open some records first".into(),
            },
            Command::ExportThemes => self.export_themes_dialog(),
            Command::ExportReport => self.export_report_dialog(),
        }
        false
    }

    /// Selection commands (all change what is highlighted, so visibility is refreshed).
    fn apply_selection(&mut self, command: Command) {
        match command {
            Command::SelectNode { node, add } => {
                self.view.selection.link = None;
                self.view.selection.cluster = None;
                if add {
                    if let Some(k) = self.view.selection.nodes.iter().position(|&n| n == node) {
                        self.view.selection.nodes.remove(k);
                    } else {
                        self.view.selection.nodes.push(node);
                    }
                } else {
                    self.view.selection.nodes = vec![node];
                }
            }
            Command::SelectLink(k) => {
                self.view.selection = super::state::Selection {
                    link: Some(k),
                    ..Default::default()
                };
            }
            Command::SelectCluster(c) => {
                self.view.selection = super::state::Selection {
                    cluster: c,
                    ..Default::default()
                };
            }
            // A hidden cluster is shown again by the removal in the guard; otherwise hide it.
            Command::ToggleClusterHidden(c) if !self.view.hidden_clusters.remove(&c) => {
                self.view.hidden_clusters.insert(c);
            }
            Command::ClearSelection => {
                self.view.selection = Default::default();
            }
            _ => {}
        }
    }

    /// Selects the best match for the search text (case-insensitive substring of the
    /// label; the most cited match wins, visible ones first) and centres on it.
    fn search(&mut self) -> bool {
        let q = self.view.search.trim().to_lowercase();
        if q.is_empty() {
            return false;
        }
        let net = &self.analysis.network;
        let best = (0..net.nodes.len())
            .filter(|&i| net.nodes[i].label.to_lowercase().contains(&q))
            .max_by_key(|&i| {
                (
                    self.derived.nodes_visible.get(i).copied().unwrap_or(false),
                    net.nodes[i].count,
                    std::cmp::Reverse(i),
                )
            });
        match best {
            Some(i) => {
                self.view.status = format!("Found {}", net.nodes[i].label);
                self.commands.push(Command::SelectNode {
                    node: i as u32,
                    add: false,
                });
                self.commands.push(Command::Focus(i as u32));
                self.apply_commands();
                true
            }
            None => {
                self.view.status = format!("No node matches {:?}", self.view.search);
                false
            }
        }
    }

    /// Records the selected nodes as variants of the most cited one in the thesaurus,
    /// saves the thesaurus file and recomputes.
    fn merge(&mut self) {
        let net = &self.analysis.network;
        let sel: Vec<usize> = self
            .view
            .selection
            .nodes
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| i < net.nodes.len())
            .collect();
        if sel.len() < 2 {
            self.view.status = "Select two or more nodes (Shift+click) to merge".into();
            return;
        }
        let nodes: Vec<&crate::network::Node> = sel.iter().map(|&i| &net.nodes[i]).collect();
        let entries = &mut self.settings.params.network.thesaurus;
        let Some(target) = thesaurus::merge(entries, &nodes, net.kind) else {
            return;
        };
        let path = &self.thesaurus_file;
        match thesaurus::save(path, &self.settings.params.network.thesaurus) {
            Ok(()) => {
                self.view.status = format!(
                    "Merged {} nodes into {target}; thesaurus saved to {}",
                    sel.len(),
                    path.display()
                )
            }
            Err(e) => {
                self.view.status = format!(
                    "Merged {} nodes; could not save the thesaurus: {e}",
                    sel.len()
                )
            }
        }
        self.view.selection = Default::default();
        self.commands.push(Command::Run);
        self.apply_commands();
    }
}

/// True when `paths` are network files made elsewhere (the first one decides; a
/// VOSviewer map comes with its network file).
fn is_network(paths: &[PathBuf]) -> bool {
    paths.len() <= 2
        && paths.iter().all(|p| p.is_file())
        && paths
            .first()
            .is_some_and(|p| crate::import::detect_file(p).ok().flatten().is_some())
}

fn describe_paths(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        _ => format!("{} files", paths.len()),
    }
}
