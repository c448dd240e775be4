//! The eframe application: the workshop editor.
//!
//! One [`Document`] holds the journey; panels and the graph turn user input into edits on it.
//! Derived data (the Scene) is cached and rebuilt only when the document or the view changes.

mod analysis_view;
pub mod bidi;
mod critical_view;
mod document;
mod export_dialog;
mod files;
pub mod graph;
mod owners_view;
mod panels;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use egui::{Key, Modifiers};

pub use analysis_view::{AnalysisCache, AnalysisResult, AnalysisSettings};
pub use document::Document;
pub use files::RecoveryStore;

use crate::analysis::Scope;
use crate::chart::{self, Scene, Theme};
use crate::model::Journey;
use graph::{EditTarget, GraphAction};

/// The sample journey opened on first start, built into the binary so it is always there.
pub const SAMPLE_JOURNEY: &str = include_str!("../../journeys/cinema-evening.ron");

/// At most this many case curves are drawn at once: beyond that a graph is a hairball, and the
/// frame time must stay small with tens of thousands of cases loaded.
pub const MAX_VISIBLE_CURVES: usize = 200;

/// Runs the GUI. Returns exit code 2 with a helpful message when there is no display.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let no_display = std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
        && cfg!(target_os = "linux");
    if no_display {
        eprintln!(
            "{}",
            no_display_message("no DISPLAY or WAYLAND_DISPLAY is set")
        );
        return ExitCode::from(2);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("emograph")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "emograph",
        options,
        Box::new(move |cc| {
            Ok(Box::new(EmographApp::new(
                cc,
                file,
                RecoveryStore::default_location(),
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", no_display_message(&error.to_string()));
            ExitCode::from(2)
        }
    }
}

fn no_display_message(reason: &str) -> String {
    format!(
        "emograph: cannot open a window ({reason}).\n\
         The headless commands work without a display:\n  \
         emograph check FILE...      validate journey files\n  \
         emograph stats FILE         per-touchpoint statistics\n  \
         emograph patterns FILE      typical patterns\n  \
         emograph critical FILE      turning and critical points\n  \
         emograph export FILE -o OUT.png|.svg\n  \
         emograph report FILE -o OUT.html\n\
         See `emograph --help`."
    )
}

/// Which graph fills the centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Individual cases: the workshop editor.
    Cases,
    /// The mean of all cases with its quartile band.
    Overall,
    /// Every typical pattern's mean curve over the overall mean.
    Patterns,
    /// One pattern (index into the patterns) with its members faded behind it.
    Pattern(usize),
    /// Every segment's mean curve over the overall mean.
    Segments,
    /// Owners, metrics and actions: what each process owner opens before a redesign meeting.
    Owners,
}

/// Preferences kept between runs (never the document: that lives in its file).
#[derive(Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub last_file: Option<PathBuf>,
}

const PREFS_KEY: &str = "emograph.prefs";
const MAX_RECENT: usize = 10;

/// A message in the status bar.
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct EmographApp {
    pub doc: Document,
    pub prefs: Prefs,
    pub selected_case: Option<usize>,
    pub selected_touchpoint: Option<usize>,
    /// Ids of cases hidden from the graph (ids, so hiding survives reordering).
    pub hidden_cases: HiddenCases,
    /// Keyboard cursor on the graph: a touchpoint index.
    pub cursor: Option<usize>,
    /// A score being typed at the cursor.
    pub entry: String,
    pub view: View,
    /// Space touchpoints by their time offsets instead of evenly (when the journey has them).
    pub time_axis: bool,
    pub presenter: bool,
    pub status: Option<Status>,
    pub dialog: files::Dialog,
    /// The Export dialog, while it is open.
    pub export: Option<export_dialog::ExportDialog>,
    pub analysis: AnalysisCache,
    /// The critical point picked in the list, highlighted on the graph.
    pub highlight: Option<(Scope, usize)>,
    pub critical_sort: critical_view::SortBy,
    recovery: RecoveryStore,
    scene_cache: Option<(SceneKey, Scene)>,
    window_title: String,
    /// Set when the user chose to close despite unsaved changes.
    close_confirmed: bool,
}

/// The cases hidden from the graph, and a count of the changes to them: the Scene cache compares
/// the count, not the whole set, every frame.
#[derive(Default)]
pub struct HiddenCases {
    ids: HashSet<String>,
    changes: u64,
}

impl HiddenCases {
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn hide(&mut self, id: &str) {
        if self.ids.insert(id.to_owned()) {
            self.changes += 1;
        }
    }

    pub fn show(&mut self, id: &str) {
        if self.ids.remove(id) {
            self.changes += 1;
        }
    }

    pub fn show_all(&mut self) {
        self.ids.clear();
        self.changes += 1;
    }

    pub fn hide_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        self.ids = ids.into_iter().map(str::to_owned).collect();
        self.changes += 1;
    }
}

#[derive(Clone, PartialEq)]
struct SceneKey {
    revision: u64,
    /// Identity of the analysis result an aggregate view was built from.
    analysis: usize,
    selected: Option<usize>,
    hidden: u64,
    presenter: bool,
    view: View,
    time_axis: bool,
}

impl EmographApp {
    /// Sets up fonts and visuals, loads `file` (else the last file, else the sample journey),
    /// and looks for a recovery copy left by a crash.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        recovery: RecoveryStore,
    ) -> Self {
        install_fonts(&cc.egui_ctx);
        cc.egui_ctx.set_theme(egui::Theme::Light);
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let mut app = Self::with_document(sample_document(), recovery);
        app.prefs = prefs;
        let to_open = file.or_else(|| app.prefs.last_file.clone().filter(|p| p.exists()));
        if let Some(path) = to_open {
            app.open_path(&path);
        }
        // A crash's unsaved work comes first; a dialog the file opened (CSV options) can wait.
        let offer = app.recovery.offer();
        if offer.is_open() {
            app.dialog = offer;
        }
        app
    }

    /// An app on `doc` with no storage: what tests and benchmarks drive.
    pub fn with_document(doc: Document, recovery: RecoveryStore) -> Self {
        let selected_case = (!doc.journey().cases.is_empty()).then_some(0);
        Self {
            doc,
            prefs: Prefs::default(),
            selected_case,
            selected_touchpoint: None,
            hidden_cases: HiddenCases::default(),
            cursor: None,
            entry: String::new(),
            view: View::Cases,
            time_axis: false,
            presenter: false,
            status: None,
            dialog: files::Dialog::None,
            export: None,
            analysis: AnalysisCache::default(),
            highlight: None,
            critical_sort: critical_view::SortBy::Rank,
            recovery,
            scene_cache: None,
            window_title: String::new(),
            close_confirmed: false,
        }
    }

    pub fn journey(&self) -> &Journey {
        self.doc.journey()
    }

    fn theme(&self) -> Theme {
        if self.presenter {
            Theme::presenter()
        } else {
            Theme::light()
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Indices of the cases drawn on the graph: visible ones, at most [`MAX_VISIBLE_CURVES`],
    /// always including the selected case.
    pub fn visible_cases(&self) -> Vec<usize> {
        let journey = self.doc.journey();
        let mut visible: Vec<usize> = journey
            .cases
            .iter()
            .enumerate()
            .filter(|(_, c)| !self.hidden_cases.contains(&c.id))
            .map(|(i, _)| i)
            .take(MAX_VISIBLE_CURVES)
            .collect();
        if let Some(selected) = self.selected_case
            && selected < journey.cases.len()
            && !visible.contains(&selected)
        {
            visible.push(selected);
        }
        visible
    }

    /// The graph's Scene, rebuilt only when something it shows changed.
    pub fn scene(&mut self) -> &Scene {
        let analysis = self
            .analysis
            .current()
            .map_or(0, |a| std::sync::Arc::as_ptr(a) as usize);
        let key = SceneKey {
            analysis: if self.view == View::Cases {
                0
            } else {
                analysis
            },
            revision: self.doc.revision(),
            selected: self.selected_case,
            hidden: self.hidden_cases.changes,
            presenter: self.presenter,
            view: self.view,
            time_axis: self.time_axis,
        };
        if self.scene_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let theme = self.theme();
            let journey = self.doc.journey();
            let mut scene = match (self.view, self.analysis.current()) {
                (View::Cases | View::Owners, _) | (_, None) => {
                    let visible = self.visible_cases();
                    chart::cases_scene(journey, &visible, self.selected_case, &theme)
                }
                (View::Overall, Some(a)) => {
                    let mut scene = chart::overall_scene(journey, &a.stats, &theme);
                    let markers =
                        chart::critical_markers(journey, &a.critical, Scope::Overall, 6, true);
                    chart::add_markers(&mut scene, markers, &theme);
                    let mean: Vec<f64> =
                        a.stats.iter().map(|s| s.mean.unwrap_or(f64::NAN)).collect();
                    critical_view::add_turning_markers(&mut scene, journey, &mean, &theme);
                    critical_view::add_flag_markers(&mut scene, journey, &a.stats, &theme);
                    scene
                }
                (View::Patterns, Some(a)) => {
                    let mut scene = chart::patterns_scene(journey, &a.stats, &a.patterns, &theme);
                    // Two per pattern keeps the overlay readable; a pattern's own view shows all.
                    for pattern in &a.patterns.patterns {
                        let markers = chart::critical_markers(
                            journey,
                            &a.critical,
                            Scope::Pattern(pattern.id),
                            2,
                            false,
                        );
                        chart::add_markers(&mut scene, markers, &theme);
                    }
                    scene
                }
                (View::Segments, Some(a)) => {
                    chart::segments_scene(journey, &a.all_stats, &a.segments, &theme)
                }
                (View::Pattern(i), Some(a)) => {
                    let mut scene =
                        chart::pattern_scene(journey, &a.dataset, &a.patterns, i, &theme);
                    if let Some(pattern) = a.patterns.patterns.get(i) {
                        let markers = chart::critical_markers(
                            journey,
                            &a.critical,
                            Scope::Pattern(pattern.id),
                            6,
                            true,
                        );
                        chart::add_markers(&mut scene, markers, &theme);
                        critical_view::add_turning_markers(
                            &mut scene,
                            journey,
                            &pattern.mean,
                            &theme,
                        );
                    }
                    scene
                }
            };
            if !self.time_axis {
                scene.space_evenly();
            }
            self.scene_cache = Some((key, scene));
        }
        match &self.scene_cache {
            Some((_, scene)) => scene,
            None => unreachable!("the cache was filled above"),
        }
    }

    /// Applies the graph's actions to the document.
    fn apply_graph_actions(&mut self, actions: Vec<GraphAction>) {
        for action in actions {
            match action {
                GraphAction::SetScore { touchpoint, score } => {
                    self.set_score(touchpoint, Some(score), true)
                }
                GraphAction::EndGesture => self.doc.seal(),
                GraphAction::MoveCursor(i) => {
                    self.cursor = Some(i);
                    self.entry.clear();
                }
                GraphAction::SelectCase(i) => self.select_case(Some(i)),
                GraphAction::SelectPattern(i) => self.view = View::Pattern(i),
            }
        }
    }

    pub fn select_case(&mut self, case: Option<usize>) {
        self.doc.seal();
        self.entry.clear();
        self.selected_case = case;
    }

    /// Sets (or clears) the selected case's score at a touchpoint, clamped to the scale.
    /// `gesture` merges consecutive changes of the same point into one undo step.
    pub fn set_score(&mut self, touchpoint: usize, score: Option<f64>, gesture: bool) {
        let Some(case_index) = self.selected_case else {
            return;
        };
        let journey = self.doc.journey();
        let (Some(case), Some(tp)) = (
            journey.cases.get(case_index),
            journey.touchpoints.get(touchpoint),
        ) else {
            return;
        };
        let score = score.map(|s| journey.scale.clamp(s));
        if case.scores.get(&tp.id).copied() == score {
            return;
        }
        let tp_id = tp.id.clone();
        let label = match score {
            Some(s) => format!(
                "Score {} at {}: {}",
                case.display_name(),
                tp.name,
                graph::format_score(s)
            ),
            None => format!("Clear score of {} at {}", case.display_name(), tp.name),
        };
        let change = move |case: &mut crate::model::Case| match score {
            Some(s) => {
                case.scores.insert(tp_id, s);
            }
            None => {
                case.scores.remove(&tp_id);
            }
        };
        if gesture {
            let gesture = format!("score:{case_index}:{touchpoint}");
            self.doc
                .edit_case_in_gesture(&gesture, label, case_index, change);
        } else {
            self.doc.edit_case(label, case_index, change);
        }
    }

    /// Global shortcuts; they work in every mode, including presenter mode.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let command = Modifiers::COMMAND;
        let command_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // Longest combinations first: consume_key matches a subset of the held modifiers.
        if ctx.input_mut(|i| i.consume_key(command_shift, Key::Z))
            || ctx.input_mut(|i| i.consume_key(command, Key::Y))
        {
            self.redo();
        }
        if ctx.input_mut(|i| i.consume_key(command, Key::Z)) {
            self.undo();
        }
        if ctx.input_mut(|i| i.consume_key(command_shift, Key::S)) {
            self.dialog = files::Dialog::save_as(self);
        }
        if ctx.input_mut(|i| i.consume_key(command, Key::S)) {
            self.save();
        }
        if ctx.input_mut(|i| i.consume_key(command, Key::O)) {
            self.dialog = files::Dialog::open(self);
        }
        if ctx.input_mut(|i| i.consume_key(command, Key::N)) {
            self.request_new();
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F5)) {
            self.presenter = !self.presenter;
        }
        if self.presenter
            && !self.entry_active()
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.presenter = false;
        }
    }

    fn entry_active(&self) -> bool {
        !self.entry.is_empty()
    }

    pub fn undo(&mut self) {
        if let Some(label) = self.doc.undo() {
            self.after_structural_change();
            self.set_status(format!("Undid: {label}"), false);
        }
    }

    pub fn redo(&mut self) {
        if let Some(label) = self.doc.redo() {
            self.after_structural_change();
            self.set_status(format!("Redid: {label}"), false);
        }
    }

    /// Keeps selections pointing at things that still exist.
    fn after_structural_change(&mut self) {
        let journey = self.doc.journey();
        if self.selected_case.is_some_and(|i| i >= journey.cases.len()) {
            self.selected_case = journey.cases.len().checked_sub(1);
        }
        if self
            .selected_touchpoint
            .is_some_and(|i| i >= journey.touchpoints.len())
        {
            self.selected_touchpoint = None;
        }
        if self.cursor.is_some_and(|i| i >= journey.touchpoints.len()) {
            self.cursor = journey.touchpoints.len().checked_sub(1);
        }
    }

    /// Keyboard-first scoring on the graph: ←/→ move, ↑/↓ change by 0.5 (Shift: 1), typing a
    /// number sets it, Enter moves on, Delete clears. Only while no text field has focus.
    fn graph_keys(&mut self, ctx: &egui::Context) {
        // Only where the selected case is on screen: the Cases view.
        let editing = self.view == View::Cases && self.selected_case.is_some();
        if ctx.egui_wants_keyboard_input()
            || !editing
            || self.dialog.is_open()
            || self.export.is_some()
        {
            return;
        }
        let n = self.doc.journey().touchpoints.len();
        if n == 0 {
            return;
        }
        let events = ctx.input(|i| i.events.clone());
        for event in events {
            match event {
                egui::Event::Text(text) => {
                    for c in text.chars() {
                        if c.is_ascii_digit() || matches!(c, '-' | '.' | ',' | '+') {
                            if self.cursor.is_none() {
                                self.cursor = Some(0);
                            }
                            self.entry.push(if c == ',' { '.' } else { c });
                            self.apply_entry();
                        }
                    }
                }
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => {
                    let cursor = self.cursor.unwrap_or(0).min(n - 1);
                    let step = if modifiers.shift { 1.0 } else { 0.5 };
                    match key {
                        Key::ArrowRight | Key::Tab if !modifiers.command => {
                            self.move_cursor(cursor + 1)
                        }
                        Key::ArrowLeft if !modifiers.command => {
                            self.move_cursor(cursor.saturating_sub(1))
                        }
                        Key::ArrowUp | Key::ArrowDown if !modifiers.command => {
                            let delta = if key == Key::ArrowUp { step } else { -step };
                            // An unscored touchpoint counts as neutral, so ↓ gives −0.5.
                            let current = self.current_score(cursor).unwrap_or(0.0);
                            self.cursor = Some(cursor);
                            self.set_score(cursor, Some(graph::snap(current + delta)), true);
                        }
                        Key::Enter => {
                            self.doc.seal();
                            self.entry.clear();
                            self.move_cursor(cursor + 1);
                        }
                        Key::Backspace if !self.entry.is_empty() => {
                            self.entry.pop();
                            self.apply_entry();
                        }
                        Key::Delete | Key::Backspace => {
                            self.cursor = Some(cursor);
                            self.set_score(cursor, None, false);
                        }
                        Key::Escape if !self.entry.is_empty() => {
                            self.entry.clear();
                            self.doc.seal();
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    fn move_cursor(&mut self, to: usize) {
        let n = self.doc.journey().touchpoints.len();
        self.doc.seal();
        self.entry.clear();
        self.cursor = Some(to.min(n.saturating_sub(1)));
    }

    fn current_score(&self, touchpoint: usize) -> Option<f64> {
        let journey = self.doc.journey();
        let case = journey.cases.get(self.selected_case?)?;
        case.scores
            .get(&journey.touchpoints.get(touchpoint)?.id)
            .copied()
    }

    /// Sets the score typed so far, once it reads as a number (`-`, `.` alone wait for more).
    fn apply_entry(&mut self) {
        let Some(cursor) = self.cursor else { return };
        if let Ok(value) = self.entry.parse::<f64>()
            && value.is_finite()
        {
            self.set_score(cursor, Some(value), true);
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "unsaved journey".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{name} — {} — emograph", self.doc.journey().title);
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_dirty()
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = files::Dialog::ConfirmClose;
        }
    }

    /// The whole UI; `App::ui` calls this, and so do the tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.shortcuts(&ctx);
        self.graph_keys(&ctx);
        self.update_window_title(&ctx);
        self.recovery.autosave(&self.doc, ctx.input(|i| i.time));
        if self.doc.is_dirty() {
            // Wake up later to write the recovery copy even if the user stops moving.
            ctx.request_repaint_after(std::time::Duration::from_secs(
                files::AUTOSAVE_SECONDS as u64 + 1,
            ));
        }

        let view_before = self.view;
        if !self.presenter {
            panels::top_bar_ui(self, ui);
            panels::status_bar_ui(self, ui);
            panels::view_bar_ui(self, ui);
        }
        // After the view bar, so a switch to an aggregate view shows its result in this frame.
        if self.view != View::Cases {
            self.analysis
                .request(self.doc.journey(), self.doc.revision(), &ctx);
        }
        if self.view != view_before {
            ctx.request_repaint();
        }
        if !self.presenter {
            panels::journey_panel_ui(self, ui);
            match self.view {
                View::Cases => panels::cases_panel_ui(self, ui),
                View::Owners => {}
                View::Segments => panels::segments_panel_ui(self, ui),
                View::Overall | View::Patterns | View::Pattern(_) => {
                    panels::patterns_panel_ui(self, ui);
                }
            }
        } else {
            egui::Panel::top("presenter_bar").show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui.button("Leave presenter mode (F5)").clicked() {
                        self.presenter = false;
                    }
                    // Typed scores reach the selected case only where it is drawn.
                    if let Some(case) = self
                        .selected_case
                        .filter(|_| self.view == View::Cases)
                        .and_then(|i| self.doc.journey().cases.get(i))
                    {
                        ui.label(bidi::text(
                            ui,
                            egui::RichText::new(format!("Editing: {}", case.display_name()))
                                .size(20.0)
                                .strong(),
                        ));
                    }
                });
            });
        }
        if self.view == View::Owners {
            egui::CentralPanel::default().show(ui, |ui| owners_view::owners_ui(self, ui));
        } else {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(graph::color(self.theme().background)))
                .show(ui, |ui| self.graph_panel_ui(ui));
        }

        files::dialogs_ui(self, &ctx);
        if let Some(dialog) = self.export.take() {
            self.export = export_dialog::export_dialog_ui(self, &ctx, dialog);
        }
    }

    fn graph_panel_ui(&mut self, ui: &mut egui::Ui) {
        let theme = self.theme();
        if self.doc.journey().touchpoints.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                ui.heading("This journey has no touchpoints yet.");
                ui.label(
                    "Add the first one in the Journey panel on the left (\"Add touchpoint\").",
                );
            });
            return;
        }
        let journey_names: Vec<String>;
        let case_name: String;
        let scores: Vec<Option<f64>>;
        let xs = chart::touchpoint_xs(self.doc.journey());
        let editing = if self.view == View::Cases {
            self.selected_case
        } else {
            None
        };
        let edit_target =
            match editing.and_then(|i| self.doc.journey().cases.get(i).map(|c| (i, c))) {
                Some((case_index, case)) => {
                    let journey = self.doc.journey();
                    journey_names = journey.touchpoints.iter().map(|t| t.name.clone()).collect();
                    case_name = case.display_name().to_owned();
                    scores = journey
                        .touchpoints
                        .iter()
                        .map(|t| case.scores.get(&t.id).copied())
                        .collect();
                    Some((case_index, ()))
                }
                None => {
                    journey_names = Vec::new();
                    case_name = String::new();
                    scores = Vec::new();
                    None
                }
            };
        let cursor = self.cursor;
        let entry = self.entry.clone();
        // Borrow the cached scene for this frame instead of copying it.
        self.scene();
        let Some((scene_key, scene)) = self.scene_cache.take() else {
            return;
        };
        let target = edit_target.map(|(case_index, ())| EditTarget {
            case_index,
            case_name: &case_name,
            touchpoint_names: journey_names.iter().map(String::as_str).collect(),
            touchpoint_xs: xs.clone(),
            scores: scores.clone(),
            cursor,
            entry: &entry,
        });
        let highlight = self.highlight_point(&scene);
        let actions = graph::graph_ui(ui, &scene, &theme, target.as_ref(), highlight);
        self.scene_cache = Some((scene_key, scene));
        self.apply_graph_actions(actions);
    }

    /// Where the highlighted critical point sits in the current scene, if it is shown.
    fn highlight_point(&self, scene: &Scene) -> Option<[f64; 2]> {
        let (_, touchpoint) = self.highlight?;
        if self.view == View::Cases {
            return None;
        }
        scene
            .markers
            .iter()
            .find(|m| {
                m.touchpoint == touchpoint && matches!(m.kind, chart::MarkerKind::Critical { .. })
            })
            .map(|m| [m.x, m.y])
    }

    // ----- files -----

    pub fn open_path(&mut self, path: &std::path::Path) -> bool {
        files::open_path(self, path)
    }

    pub fn open_export_dialog(&mut self) {
        self.export = Some(export_dialog::ExportDialog::new(self));
    }

    pub fn copy_chart(&mut self, ctx: &egui::Context) {
        export_dialog::copy_chart(self, ctx);
    }

    pub fn copy_mermaid(&mut self, ctx: &egui::Context) {
        ctx.copy_text(export_dialog::mermaid_text(self));
        self.set_status("Copied the journey as a Mermaid diagram", false);
    }

    pub fn save(&mut self) -> bool {
        files::save(self)
    }

    pub fn save_to(&mut self, path: PathBuf) -> bool {
        files::save_to(self, path)
    }

    fn request_new(&mut self) {
        if self.doc.is_dirty() {
            self.dialog = files::Dialog::ConfirmDiscard(files::AfterDiscard::New);
        } else {
            self.new_journey();
        }
    }

    pub fn new_journey(&mut self) {
        self.replace_document(Document::new(Journey::default(), None), false);
        self.set_status("New journey", false);
    }

    /// Starts over on `doc`: views, selection and caches reset; preferences and the recovery
    /// files stay, and presenter mode if `keep_presenter` (opening a file in front of the room).
    fn replace_document(&mut self, doc: Document, keep_presenter: bool) {
        let fresh = Self::with_document(doc, self.recovery.clone());
        let prefs = std::mem::take(&mut self.prefs);
        let presenter = keep_presenter && self.presenter;
        *self = Self {
            prefs,
            presenter,
            ..fresh
        };
    }

    fn remember_recent(&mut self, path: &std::path::Path) {
        let path = path.to_path_buf();
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path.clone());
        self.prefs.recent.truncate(MAX_RECENT);
        self.prefs.last_file = Some(path);
    }
}

impl eframe::App for EmographApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// The bundled sample journey (the cinema evening), opened as a new, unsaved document.
pub fn sample_document() -> Document {
    match crate::io::from_ron_str(SAMPLE_JOURNEY) {
        Ok(journey) => Document::new(journey, None),
        Err(_) => Document::new(Journey::default(), None),
    }
}

/// Liberation Sans first (Latin and Hebrew), egui's own fonts as fallback for symbols.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "liberation-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(crate::assets::SANS_REGULAR)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        let at = if family == egui::FontFamily::Proportional {
            0
        } else {
            list.len()
        };
        list.insert(at, "liberation-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}
