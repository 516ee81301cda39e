//! The themes window: biblioshiny's conceptual structure (thematic map, thematic
//! evolution, three-field plot) of the loaded records, computed on the worker by the
//! same core as `cocite themes` (`crate::themes::run`) and drawn from the same figures
//! (`crate::scene::themes`); Export writes the same folder as the command.

use super::super::state::Command;
use crate::scene::Scene;
use crate::scene::themes::{FigureOptions, evolution, thematic_map, three_field};
use crate::themes::{Field, Themes, ThemesParams};
use std::sync::Arc;

/// Which figure the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Map,
    Evolution,
    ThreeField,
}

/// The window's state: its parameters, the last result and its figures.
#[derive(Debug, Default)]
pub struct ThemesState {
    pub open: bool,
    pub params: ThemesParams,
    /// Cut years as typed (`2010, 2015`).
    pub cuts: String,
    pub result: Option<Arc<Themes>>,
    /// The figures of `result`, drawn once.
    figures: Vec<(Tab, Scene)>,
    pub tab: Tab,
    pub message: String,
}

impl ThemesState {
    /// Takes a new result and draws its figures.
    pub fn set_result(&mut self, t: Arc<Themes>) {
        let opts = FigureOptions::default();
        let what = self.params.field.name();
        self.figures = vec![(Tab::Map, thematic_map(&t.map, what, &opts))];
        if let Some(e) = &t.evolution {
            self.figures
                .push((Tab::Evolution, evolution(e, what, &opts)));
        }
        self.figures
            .push((Tab::ThreeField, three_field(&t.three_field, &opts)));
        self.result = Some(t);
        self.message.clear();
    }

    /// The parameters with the typed cut years; an error names a bad one.
    pub fn run_params(&self) -> Result<ThemesParams, String> {
        let mut p = self.params.clone();
        p.cuts = self
            .cuts
            .split([',', ' ', ';'])
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                s.trim()
                    .parse::<i32>()
                    .map_err(|_| format!("{s:?} is not a year"))
            })
            .collect::<Result<_, _>>()?;
        p.validate().map_err(|e| e.to_string())?;
        Ok(p)
    }
}

/// The themes window.
pub fn themes_window(
    ctx: &egui::Context,
    s: &mut ThemesState,
    loaded: bool,
    commands: &mut Vec<Command>,
) {
    let mut open = s.open;
    egui::Window::new("Themes (conceptual structure)")
        .open(&mut open)
        .default_size([900.0, 700.0])
        .show(ctx, |ui| {
            controls_ui(ui, s, loaded, commands);
            ui.separator();
            ui.horizontal(|ui| {
                for (tab, name) in [
                    (Tab::Map, "Thematic map"),
                    (Tab::Evolution, "Thematic evolution"),
                    (Tab::ThreeField, "Three-field plot"),
                ] {
                    let has = s.figures.iter().any(|(t, _)| *t == tab);
                    if ui
                        .add_enabled(has, egui::Button::selectable(s.tab == tab, name))
                        .clicked()
                    {
                        s.tab = tab;
                    }
                }
            });
            match s.figures.iter().find(|(t, _)| *t == s.tab) {
                Some((_, scene)) => {
                    let (rect, _) =
                        ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
                    super::super::scene_paint::paint(&ui.painter_at(rect), rect, scene);
                }
                None => {
                    ui.label("Run to compute the themes of the loaded records.");
                }
            }
        });
    s.open = open;
}

fn controls_ui(ui: &mut egui::Ui, s: &mut ThemesState, loaded: bool, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        egui::ComboBox::from_label("Words")
            .selected_text(s.params.field.name())
            .show_ui(ui, |ui| {
                for f in Field::ALL.into_iter().filter(|f| f.is_textual()) {
                    ui.selectable_value(&mut s.params.field, f, f.name());
                }
            })
            .response
            .on_hover_text("The words themes are made of (bibliometrix: author keywords).");
        ui.label("Cut years");
        ui.add(
            egui::TextEdit::singleline(&mut s.cuts)
                .desired_width(90.0)
                .hint_text("2010, 2015"),
        )
        .on_hover_text("Periods for the thematic evolution; a cut year ends its period.");
    });
    ui.horizontal(|ui| {
        ui.label("Three fields");
        for (i, id) in ["left", "middle", "right"].into_iter().enumerate() {
            egui::ComboBox::from_id_salt(id)
                .selected_text(s.params.three_fields[i].tag())
                .show_ui(ui, |ui| {
                    for f in Field::ALL {
                        ui.selectable_value(&mut s.params.three_fields[i], f, f.name());
                    }
                });
            ui.add(egui::DragValue::new(&mut s.params.three_items[i]).range(1..=100));
        }
    });
    ui.horizontal(|ui| {
        if ui.add_enabled(loaded, egui::Button::new("Run")).clicked() {
            commands.push(Command::RunThemes);
        }
        if ui
            .add_enabled(s.result.is_some(), egui::Button::new("Export…"))
            .on_hover_text("Write the figures (SVG, PNG) and tables (CSV) into a folder, as `cocite themes` does.")
            .clicked()
        {
            commands.push(Command::ExportThemes);
        }
        if !s.message.is_empty() {
            ui.label(&s.message);
        }
    });
}
