//! Window layout: menu bar and search on top, parameters on the left, clusters and
//! details on the right, the timeline slider along the bottom, the map in the middle.

use super::CociteApp;
use super::canvas::{self, CanvasInput};
use super::panels::details::{self, DetailsInput};
use super::panels::{clusters, explain, legend, params, problems, timeline};
use super::state::{Colouring, Command, ViewKind};
use egui::{CentralPanel, Panel};

impl CociteApp {
    pub(super) fn draw(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        ui.ctx().set_theme(if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        let span = self.span();
        Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(2.0);
            let mut speed = self.settings.play_speed;
            timeline::timeline_ui(
                ui,
                &self.view,
                span,
                &self.analysis.records_per_year,
                &mut speed,
                &mut commands,
            );
            self.settings.play_speed = speed;
            legend::legend_ui(ui, span);
            ui.horizontal(|ui| {
                ui.label(format!(
                    "Showing {} of {} nodes, {} of {} links ({}–{})",
                    self.visible_nodes(),
                    self.analysis.network.nodes.len(),
                    self.derived.links_visible.iter().filter(|&&v| v).count(),
                    self.analysis.network.links.len(),
                    self.view.year_from,
                    self.view.year_to
                ));
                ui.separator();
                ui.weak(&self.view.status);
            });
        });
        if self.settings.show_parameters {
            let years = self.corpus.as_ref().and_then(|c| c.year_range());
            Panel::left("parameters")
                .resizable(true)
                .default_size(250.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        params::params_ui(
                            ui,
                            &mut self.settings.params,
                            years,
                            self.worker.status.as_ref(),
                            &mut commands,
                        );
                    });
                });
        }
        Panel::right("details")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if self.settings.show_clusters {
                        clusters::cluster_list_ui(ui, &self.analysis, &self.view, &mut commands);
                        ui.separator();
                    }
                    if self.settings.show_explain {
                        explain::explain_ui(ui, &self.analysis);
                        ui.separator();
                    }
                    let input = DetailsInput {
                        analysis: &self.analysis,
                        corpus: self.corpus.as_deref(),
                        node_records: &self.node_records,
                        selection: &self.view.selection,
                    };
                    details::details_ui(ui, &input, &mut commands);
                });
            });
        self.problems_window(ui.ctx());
        let loaded = self.corpus.is_some();
        super::panels::themes::themes_window(ui.ctx(), &mut self.themes, loaded, &mut commands);
        CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.canvas(ui, &mut commands));
        self.commands.extend(commands);
    }

    fn canvas(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let rect = ui.available_rect_before_wrap();
        if rect != self.canvas_rect && self.view.auto_fit {
            self.view.fit_pending = true;
        }
        self.canvas_rect = rect;
        if self.view.fit_pending && !self.derived.pos.is_empty() {
            // The timeline view keeps room on the right for the rows' cluster labels.
            // (~8.5 points per character of the 17-point labels, at most 40 % of the canvas).
            let room = if self.view.view.has_rows() {
                let font = canvas::labels::NODE_FONT * crate::scene::labels::CLUSTER_FONT_SCALE;
                let widest = self
                    .settings
                    .figure_labels()
                    .choose(&self.analysis.clusters)
                    .iter()
                    .filter_map(|&id| self.analysis.clusters.iter().find(|c| c.id == id))
                    .map(|c| {
                        crate::scene::labels::box_width(
                            &crate::scene::labels::cluster_text(c),
                            font,
                        )
                    })
                    .fold(0.0, f64::max);
                ((widest + 24.0) as f32).min(0.4 * rect.width())
            } else {
                0.0
            };
            let inner =
                egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x - room, rect.max.y));
            let mut camera = canvas::fit_camera(
                &self.derived.pos,
                &self.derived.nodes_visible,
                inner,
                self.view.view != ViewKind::Cluster,
            );
            camera.center[0] += 0.5 * room as f64 / camera.zoom_x();
            self.view.camera = camera;
            self.view.fit_pending = false;
            self.view.auto_fit = true;
        }
        let fitted = self.view.camera;
        let input = CanvasInput {
            net: &self.analysis.network,
            pos: &self.derived.pos,
            radius: &self.derived.radius,
            hulls: &self.derived.hulls,
            main_path: self
                .analysis
                .main_path
                .as_ref()
                .filter(|_| self.settings.main_path)
                .map(|m| m.links.as_slice()),
            nodes_visible: &self.derived.nodes_visible,
            links_visible: &self.derived.links_visible,
            selection: &self.view.selection,
            neighbours: &self.derived.neighbours,
            hover: self.view.hover,
            rings: self.settings.rings,
            colouring: self.view.colouring,
            span: self.span(),
            year_to: self.view.year_to,
            dark: self.settings.dark,
            clusters: &self.analysis.clusters,
            cluster_rule: self.settings.figure_labels(),
            year_axis: crate::scene::view::year_axis(&self.analysis.network, self.view.view),
            rows: self.view.view.has_rows(),
            generation: self.derived.generation,
        };
        let mut camera = self.view.camera;
        let mut hover = self.view.hover;
        let (more, placed) =
            canvas::canvas_ui(ui, &input, &mut camera, &mut hover, &mut self.mesh_cache);
        commands.extend(more);
        self.labels = placed;
        if camera != fitted {
            self.view.auto_fit = false;
        }
        self.view.camera = camera;
        self.view.hover = hover;
        if let Some(s) = &self.worker.status {
            let r = egui::Rect::from_min_size(
                rect.min + egui::vec2(10.0, 10.0),
                egui::vec2(320.0, 20.0),
            );
            ui.put(
                r,
                egui::ProgressBar::new(s.fraction).text(format!("{}: {}", s.what, s.detail)),
            );
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu(ui, commands));
            ui.menu_button("View", |ui| self.view_menu(ui, commands));
            ui.separator();
            for v in self.views() {
                if ui.selectable_label(self.view.view == v, v.name()).clicked()
                    && self.view.view != v
                {
                    commands.push(Command::SetView(v));
                }
            }
            ui.separator();
            egui::ComboBox::from_label("Colour")
                .selected_text(self.view.colouring.name())
                .show_ui(ui, |ui| {
                    for c in Colouring::ALL {
                        if ui
                            .selectable_label(self.view.colouring == c, c.name())
                            .clicked()
                        {
                            commands.push(Command::SetColouring(c));
                        }
                    }
                });
            ui.toggle_value(&mut self.settings.show_explain, "? What am I looking at");
            ui.separator();
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.view.search)
                    .hint_text("Search (Ctrl+F)")
                    .desired_width(180.0),
            );
            if self.view.focus_search {
                search.request_focus();
                self.view.focus_search = false;
            }
            if (search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                || ui.button("Find").clicked()
            {
                commands.push(Command::Search);
            }
        });
    }

    fn file_menu(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if ui.button("Open files…  (Ctrl+O)").clicked() {
            commands.push(Command::PickFiles);
        }
        if ui.button("Open folder…").clicked() {
            commands.push(Command::PickFolder);
        }
        if ui.button("Open session…").clicked() {
            commands.push(Command::PickSession);
        }
        ui.menu_button("Recent", |ui| {
            if self.settings.recent.is_empty() {
                ui.weak("none");
            }
            for paths in &self.settings.recent {
                let name: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                if ui.button(name.join(", ")).clicked() {
                    commands.push(Command::Open(paths.clone()));
                }
            }
        });
        ui.separator();
        if ui.button("Export PNG…").clicked() {
            commands.push(Command::ExportPng);
        }
        if ui.button("Export SVG…").clicked() {
            commands.push(Command::ExportSvg);
        }
        if ui
            .button("Export data…")
            .on_hover_text(
                "GraphML, GEXF (Gephi), Pajek, VOSviewer, CSV tables, JSON or a PDF figure",
            )
            .clicked()
        {
            commands.push(Command::ExportData);
        }
        if ui
            .add_enabled(self.corpus.is_some(), egui::Button::new("Export report…"))
            .on_hover_text("A folder with index.html: main information, the map, the timeline, the strongest citation bursts, the clusters with their citing articles and a methods paragraph (as `cocite report`)")
            .clicked()
        {
            commands.push(Command::ExportReport);
        }
        ui.separator();
        if ui
            .button("Save session…")
            .on_hover_text("A .cocite file that reopens exactly this map: files, parameters, layout, view and years")
            .clicked()
        {
            commands.push(Command::SaveSession);
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn view_menu(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        for v in self.views() {
            if ui.radio(self.view.view == v, v.name()).clicked() {
                commands.push(Command::SetView(v));
            }
        }
        ui.separator();
        for c in Colouring::ALL {
            if ui.radio(self.view.colouring == c, c.name()).clicked() {
                commands.push(Command::SetColouring(c));
            }
        }
        ui.separator();
        ui.checkbox(&mut self.settings.rings, "Citation tree rings");
        if ui
            .checkbox(&mut self.settings.cluster_areas, "Cluster areas")
            .on_hover_text(
                "Shade each labelled cluster's area in the cluster view, as CiteSpace does.",
            )
            .changed()
        {
            self.refresh_hulls();
        }
        if self.analysis.main_path.is_some() {
            ui.checkbox(&mut self.settings.main_path, "Main path");
        }
        if cluster_label_rule_ui(ui, &mut self.settings) {
            commands.push(Command::SetView(self.view.view));
        }
        ui.checkbox(&mut self.settings.show_parameters, "Parameters panel");
        ui.checkbox(&mut self.settings.show_clusters, "Cluster list");
        ui.checkbox(&mut self.settings.show_explain, "What am I looking at?");
        if ui
            .button("Themes (thematic map, evolution, three-field)…")
            .clicked()
        {
            commands.push(Command::ShowThemes);
        }
        let live = if self.live.is_some() {
            "Stop live layout"
        } else {
            "Live layout (ForceAtlas2)"
        };
        if ui.button(live).clicked() {
            commands.push(Command::ToggleLiveLayout);
        }
        if ui.button("Fit to view  (F)").clicked() {
            commands.push(Command::Fit);
        }
        let mut dark = self.settings.dark;
        if ui.checkbox(&mut dark, "Dark theme").changed() {
            commands.push(Command::SetDark(dark));
        }
    }

    fn problems_window(&mut self, ctx: &egui::Context) {
        let Some(corpus) = &self.corpus else { return };
        if corpus.problems.is_empty() {
            return;
        }
        let mut open = self.view.show_problems;
        egui::Window::new(format!("Problems in the files ({})", corpus.problems.len()))
            .open(&mut open)
            .default_width(500.0)
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-340.0, -120.0))
            .show(ctx, |ui| problems::problems_ui(ui, &corpus.problems));
        self.view.show_problems = open;
    }
}

/// Which clusters get a label (and a timeline row): those of at least N members, or
/// the largest K (CiteSpace's "show the largest K clusters"). True if it changed.
fn cluster_label_rule_ui(ui: &mut egui::Ui, s: &mut super::state::Settings) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut largest = s.largest_clusters.is_some();
        changed |= ui
            .checkbox(&mut largest, "Largest K clusters")
            .on_hover_text("Label (and give a timeline row to) the K largest clusters only.")
            .changed();
        if largest {
            let mut k = s.largest_clusters.unwrap_or(10);
            changed |= ui
                .add(egui::DragValue::new(&mut k).range(1..=200))
                .changed();
            s.largest_clusters = Some(k);
        } else {
            s.largest_clusters = None;
            ui.label("or at least");
            changed |= ui
                .add(egui::DragValue::new(&mut s.cluster_min_size).range(2..=1000))
                .on_hover_text("Label clusters with at least this many members.")
                .changed();
            ui.label("members");
        }
    });
    changed
}
