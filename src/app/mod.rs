//! The eframe application: the workshop editor.
//!
//! One [`Document`] holds the journey; panels and the graph turn user input into [`Edit`]s that
//! name what they change by id, and [`EmographApp::apply`] hands them to the document.
//! Derived data (the Scene) is cached and rebuilt only when the document or the view changes.
//!
//! The modules below import one another in one direction only, so each can be read (and a
//! view tested) without the ones above it: `files` (file operations returning `Result`s) and
//! `bidi` import nothing of the app; `dialogs` (the modal frame, confirm, the typed-path row,
//! the one open `Dialog`) builds on them; `file_problems`, `file_dialogs` (the file
//! dialogs, and the one place that shows what a file operation returned), `export_dialog`,
//! `panels`, `owners_view` and `graph` build on those; `update` (the frame), `keys` (keyboard
//! handling) and `run` (start-up) sit on top.

mod analysis_view;
pub mod bidi;
mod case_entry;
mod critical_panel;
mod critical_view;
mod dialogs;
mod export_dialog;
mod field_id;
mod file_dialogs;
mod file_problems;
mod files;
pub mod graph;
mod import_preview;
mod import_preview_form;
mod key_carry;
mod keys;
#[cfg(feature = "live")]
mod live_panel;
pub(crate) mod look;
mod mirror;
mod opening;
mod owners_view;
mod panels;
mod rtl_wrap;
mod run;
mod scenario_view;
pub(crate) mod shortcuts;
mod update;
mod waves_view;
mod words;

use std::collections::HashSet;
use std::path::PathBuf;

pub use crate::session::Document;
pub use analysis_view::{AnalysisCache, AnalysisResult, AnalysisSettings};
pub use files::RecoveryStore;
pub use mirror::mirror_x;
pub use run::{install_fonts, run, sample_document};

use crate::analysis::Scope;
use crate::chart::{self, CasesShown, ChartOptions, Scene, Theme, ViewSpec};
use crate::model::Journey;
use crate::session::Edit;
use dialogs::Dialog;
use graph::GraphAction;

/// The sample journey opened on first start, built into the binary so it is always there.
pub const SAMPLE_JOURNEY: &str = include_str!("../../journeys/cinema-evening.ron");

/// Which graph fills the centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Individual cases: the workshop editor.
    Cases,
    /// The mean of all cases with its quartile band.
    Overall,
    /// Every typical pattern's mean curve over the overall mean.
    Patterns,
    /// One pattern by its number (from 1, as the CLI's `pattern:N` and every label count) with
    /// its members faded behind it.
    Pattern(usize),
    /// Every segment's mean curve over the overall mean.
    Segments,
    /// One mean curve per survey wave, with each touchpoint's change (`waves_view.rs`).
    Waves,
    /// Owners, metrics and actions: what each process owner opens before a redesign meeting.
    Owners,
}

pub use look::UiTheme;

/// Preferences kept between runs (never the document: that lives in its file).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Light, dark or high contrast (View → Theme).
    pub theme: UiTheme,
    /// The UI zoom (Ctrl + / − / 0), 1.0 for actual size.
    pub zoom: f32,
    pub recent: Vec<PathBuf>,
    pub last_file: Option<PathBuf>,
    /// Each journey's last export (folder and format), by [`export_dialog::journey_key`].
    pub exports: std::collections::BTreeMap<String, export_dialog::LastExport>,
    /// The interface language chosen in View → Language; `None` follows the system.
    pub language: Option<crate::i18n::Lang>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: UiTheme::default(),
            zoom: 1.0,
            recent: Vec::new(),
            last_file: None,
            exports: std::collections::BTreeMap::new(),
            language: None,
        }
    }
}

const PREFS_KEY: &str = "emograph.prefs";
const MAX_RECENT: usize = 10;

/// A message in the status bar.
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What the chart's summary sentence depends on: the document's revision, the revision of the
/// analysis its means come from, the number of critical points once analysed, and the
/// interface language.
type SummaryKey = (u64, Option<u64>, Option<usize>, crate::i18n::Lang);

/// What the cached pattern names were matched for: the analysis (by address) and the revision.
type PatternNamesKey = (usize, u64);

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
    /// Why the score being typed is not taken ("7 is outside the scale −5..+5"), shown at the
    /// cursor until the entry changes.
    pub entry_problem: Option<String>,
    /// The new-case prompt, while it is open (Ctrl+Shift+N, or Enter on a case's last touchpoint).
    pub new_case: Option<case_entry::NewCasePrompt>,
    /// Keys typed in the frame that moved the keyboard elsewhere, for the next frame.
    carried: key_carry::CarriedKeys,
    /// The chart's one-sentence summary for a screen reader, for one revision and language.
    summary_cache: Option<(SummaryKey, String)>,
    /// Each touchpoint's mean for that sentence where no analysis of the revision gives them.
    chart_means: graph::chart_means::ChartMeans,
    /// The patterns' names, matched to the analysis once per (analysis, document revision):
    /// matching reads every member case's id, which is O(cases) and too slow for every frame.
    pattern_names_cache: Option<(PatternNamesKey, Vec<Option<String>>)>,
    pub view: View,
    /// Space touchpoints by their time offsets instead of evenly (when the journey has them).
    pub time_axis: bool,
    /// The to-be scenario drawn over the overall and pattern views (`scenario_view.rs`).
    pub scenario_overlay: Option<String>,
    /// The view bar's "Right to left", once the user set it; else the journey's direction says.
    pub mirror: Option<bool>,
    pub presenter: bool,
    pub status: Option<Status>,
    pub dialog: Dialog,
    /// The Export dialog, while it is open.
    pub export: Option<export_dialog::ExportDialog>,
    pub analysis: AnalysisCache,
    /// The critical point picked in the list, highlighted on the graph.
    pub highlight: Option<(Scope, usize)>,
    pub critical_sort: critical_view::SortBy,
    recovery: RecoveryStore,
    /// What was typed into a text field whose edit the document refused (a text too long), by
    /// field: shown instead of the stored text until the field loses focus, so nothing typed
    /// vanishes while the status bar says why it was not taken.
    drafts: std::collections::HashMap<String, String>,
    scene_cache: Option<(SceneKey, Scene)>,
    window_title: String,
    /// Set when the user chose to close despite unsaved changes.
    close_confirmed: bool,
    /// Help → Keyboard shortcuts is open.
    pub show_shortcuts: bool,
    /// The live workshop session, while one runs (`live_panel.rs`).
    #[cfg(feature = "live")]
    pub live: Option<live_panel::LivePanel>,
    /// The theme and zoom last handed to egui, so they are set only when they change.
    applied_look: Option<(UiTheme, f32)>,
    /// The interface language: `--lang`, else the preference, else the system's (English in
    /// an app made by [`Self::with_document`], as the tests make it).
    pub lang: crate::i18n::Lang,
    /// A large journey being opened on a thread of its own (`opening.rs`).
    opening: Option<opening::Opening>,
    /// Journey files from this many bytes on open in the background (tests lower it).
    pub open_in_background_from: u64,
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

    /// The hidden cases as the chart's background read takes them.
    pub fn shown(&self) -> graph::chart_means::Shown<'_> {
        graph::chart_means::Shown {
            hidden: &self.ids,
            changes: self.changes,
        }
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
    /// The shown cases' band, when they are too many to draw one by one (read off the UI
    /// thread: a new one arrives a few frames after an edit).
    band: Option<chart::CaseBand>,
    presenter: bool,
    view: View,
    time_axis: bool,
    scenario: Option<String>,
    right_to_left: bool,
    ui_theme: UiTheme,
    lang: crate::i18n::Lang,
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
        app.lang = crate::i18n::forced_language()
            .or(app.prefs.language)
            .or_else(crate::i18n::Lang::from_environment)
            .unwrap_or_default();
        // What opening the file says in the status bar is already in that language.
        crate::i18n::set_language(app.lang);
        let to_open = file.or_else(|| app.prefs.last_file.clone().filter(|p| p.exists()));
        if let Some(path) = to_open
            && !app.open_path(&path)
        {
            // Nothing was open to keep, and the sample would pass for the user's own file:
            // start on an empty journey, under the dialog that says what went wrong.
            let dialog = std::mem::take(&mut app.dialog);
            let status = app.status.take();
            app.replace_document(Document::new(Journey::default(), None), false);
            app.dialog = match dialog {
                Dialog::OpenFailed(failure) => Dialog::OpenFailed(dialogs::OpenFailure {
                    started_empty: true,
                    ..failure
                }),
                other => other,
            };
            app.status = status;
        }
        if let Some(opening) = app.opening.as_mut() {
            // A large file opens in the background; should it fail, this start is the same.
            opening.at_start = true;
        }
        // A crash's unsaved work comes first; a dialog the file opened (CSV options) can wait.
        if let Some(info) = app.recovery.offer() {
            app.dialog = Dialog::Recover(info);
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
            entry_problem: None,
            new_case: None,
            carried: key_carry::CarriedKeys::default(),
            summary_cache: None,
            chart_means: Default::default(),
            pattern_names_cache: None,
            view: View::Cases,
            time_axis: false,
            scenario_overlay: None,
            mirror: None,
            presenter: false,
            status: None,
            dialog: Dialog::None,
            export: None,
            analysis: AnalysisCache::default(),
            highlight: None,
            critical_sort: critical_view::SortBy::Rank,
            recovery,
            drafts: std::collections::HashMap::new(),
            scene_cache: None,
            window_title: String::new(),
            close_confirmed: false,
            show_shortcuts: false,
            #[cfg(feature = "live")]
            live: None,
            applied_look: None,
            lang: crate::i18n::Lang::English,
            opening: None,
            open_in_background_from: opening::BACKGROUND_BYTES,
        }
    }

    pub fn journey(&self) -> &Journey {
        self.doc.journey()
    }

    /// The chart's look on screen: the presenter's or the normal one, in the UI's theme.
    fn theme(&self) -> Theme {
        let base = if self.presenter {
            Theme::presenter()
        } else {
            Theme::light()
        };
        self.prefs.theme.chart(base)
    }

    /// Hands the theme and zoom to egui when they changed (on start, from the menus, by keys).
    fn apply_look(&mut self, ctx: &egui::Context) {
        let wanted = (self.prefs.theme, self.prefs.zoom);
        if self.applied_look != Some(wanted) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            // Our choice, not the desktop's: the theme egui follows is set with the visuals.
            let theme = if self.prefs.theme == UiTheme::Dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            };
            ctx.set_theme(theme);
            ctx.set_visuals_of(theme, self.prefs.theme.visuals());
            ctx.set_zoom_factor(self.prefs.zoom.clamp(0.5, 3.0));
            self.applied_look = Some(wanted);
        }
    }

    /// Asks to quit: at once when everything is saved, else after the "save changes?" question.
    pub fn request_quit(&mut self, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.dialog = Dialog::ConfirmClose;
        } else {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Indices of the cases the graph shows (those not hidden, and the selected case): drawn
    /// one by one up to [`chart::MAX_CASE_CURVES`], as their band and mean beyond.
    pub fn visible_cases(&self) -> Vec<usize> {
        let journey = self.doc.journey();
        let mut visible: Vec<usize> = journey
            .cases
            .iter()
            .enumerate()
            .filter(|(_, c)| !self.hidden_cases.contains(&c.id))
            .map(|(i, _)| i)
            .collect();
        if let Some(selected) = self.selected_case
            && selected < journey.cases.len()
            && !visible.contains(&selected)
        {
            visible.push(selected);
        }
        visible
    }

    /// The chart on screen as a view and its options: what the graph draws, and what the
    /// Export dialog, "Copy chart" and "Copy as Mermaid" write. An aggregate view whose first
    /// analysis is still computing shows the cases meanwhile; the Owners view has no chart of
    /// its own and exports the cases.
    pub fn chart_view(&self) -> (ViewSpec, ChartOptions) {
        let analysed = self.analysis.current().is_some();
        let spec = match self.view {
            View::Overall if analysed => ViewSpec::Overall,
            View::Patterns if analysed => ViewSpec::Patterns,
            View::Pattern(number) if analysed => ViewSpec::Pattern(number),
            View::Segments if analysed => ViewSpec::Segments,
            View::Waves if analysed => ViewSpec::Waves,
            _ => ViewSpec::Cases,
        };
        let cases = if spec == ViewSpec::Cases {
            CasesShown {
                visible: Some(self.visible_cases()),
                selected: self.selected_case,
                band: self.chart_means.band(),
            }
        } else {
            CasesShown::default()
        };
        let options = ChartOptions {
            time_axis: self.time_axis,
            cases,
            scenario: scenario_view::overlay_for(self, &spec),
            ..ChartOptions::default()
        };
        (spec, options)
    }

    /// The chart on screen in `theme`, built by the same [`chart::view_scene`] as `emograph
    /// export` and the report. A view that cannot be drawn (a pattern gone after a new k)
    /// shows the axes with the reason as its subtitle.
    pub fn build_scene(&self, theme: &Theme) -> Scene {
        let (spec, options) = self.chart_view();
        let journey = self.doc.journey();
        let analysis = self.analysis.current().map(|a| &a.analysis);
        let mut scene = chart::view_scene(journey, analysis, &spec, &options, theme)
            .unwrap_or_else(|error| {
                let mut scene = chart::base_scene(journey, theme);
                scene.subtitle = error.to_string();
                if !options.time_axis {
                    scene.space_evenly();
                }
                scene
            });
        if self.right_to_left() {
            mirror::mirror_x(&mut scene);
        }
        crate::i18n::translate_scene(&mut scene);
        scene
    }

    /// Whether the process runs right to left on the graph: the view bar's choice, else the
    /// journey's own direction (a Hebrew journey reads from the right).
    pub fn right_to_left(&self) -> bool {
        self.mirror.unwrap_or_else(|| self.doc.journey().is_rtl())
    }

    /// The names of the current analysis's patterns, in its order (`None` for an unnamed
    /// pattern); matched again only when the analysis or the document changed.
    pub fn pattern_names(
        &mut self,
        result: &std::sync::Arc<AnalysisResult>,
    ) -> Vec<Option<String>> {
        let key = (std::sync::Arc::as_ptr(result) as usize, self.doc.revision());
        if let Some((cached, names)) = &self.pattern_names_cache
            && *cached == key
        {
            return names.clone();
        }
        let names = result.pattern_names(&self.doc.journey().pattern_names);
        self.pattern_names_cache = Some((key, names.clone()));
        names
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
            band: self.chart_means.band(),
            presenter: self.presenter,
            view: self.view,
            time_axis: self.time_axis,
            scenario: self.scenario_overlay.clone(),
            right_to_left: self.right_to_left(),
            ui_theme: self.prefs.theme,
            lang: self.lang,
        };
        if self.scene_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let scene = self.build_scene(&self.theme());
            self.scene_cache = Some((key, scene));
        }
        match &self.scene_cache {
            Some((_, scene)) => scene,
            None => unreachable!("the cache was filled above"),
        }
    }

    /// The Scene the graph painted last, as it painted it: what the tests compare with the
    /// Scene `emograph export` builds.
    pub fn painted_scene(&self) -> Option<&Scene> {
        self.scene_cache.as_ref().map(|(_, scene)| scene)
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
                GraphAction::SelectPattern(index) => self.view = View::Pattern(index + 1),
                GraphAction::PickCritical(touchpoint) => self.pick_critical(touchpoint),
            }
        }
    }

    /// The critical point at `touchpoint` in the scope on screen (the best ranked, where the
    /// patterns view shows several) becomes the one the panel explains.
    fn pick_critical(&mut self, touchpoint: usize) {
        let Some(result) = self.analysis.current() else {
            return;
        };
        let view = self.view;
        let best = result
            .critical
            .points
            .iter()
            .filter(|p| p.touchpoint == touchpoint)
            .filter(|p| match view {
                View::Overall => p.scope == Scope::Overall,
                View::Pattern(id) => p.scope == Scope::Pattern(id),
                _ => matches!(p.scope, Scope::Pattern(_)),
            })
            .min_by_key(|p| p.rank)
            .map(|p| (p.scope, p.touchpoint));
        if best.is_some() {
            self.highlight = best;
        }
    }

    pub fn select_case(&mut self, case: Option<usize>) {
        self.doc.seal();
        self.entry.clear();
        self.entry_problem = None;
        self.selected_case = case;
    }

    /// Applies `edit` as one undo step; where the document refuses it, the status bar says why
    /// and nothing changed. Returns whether it applied. The step is named in the interface
    /// language (the History list and "Undid …" say it), not in the core's English.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let label = crate::i18n::edit_words::edit_name(&edit, self.doc.journey());
        let result = self.doc.apply_named(None, label, edit);
        self.report(result)
    }

    /// [`Self::apply`] within the gesture `gesture` (a drag, typing into one field), whose
    /// edits merge into one undo step.
    pub fn apply_in_gesture(&mut self, gesture: &str, edit: Edit) -> bool {
        let label = crate::i18n::edit_words::edit_name(&edit, self.doc.journey());
        let result = self.doc.apply_named(Some(gesture), label, edit);
        self.report(result)
    }

    /// [`Self::apply`] (or, with a gesture, [`Self::apply_in_gesture`]) under the history
    /// name `label`.
    pub fn apply_named(&mut self, gesture: Option<&str>, label: String, edit: Edit) -> bool {
        let result = self.doc.apply_named(gesture, label, edit);
        self.report(result)
    }

    /// What the text field `field` shows: the refused text typed into it, else `stored`.
    pub fn typed_or(&self, field: &str, stored: &str) -> String {
        self.drafts
            .get(field)
            .cloned()
            .unwrap_or_else(|| stored.to_owned())
    }

    /// Applies the edit that typing `typed` into the text field `field` made, within the
    /// gesture `gesture`; where it is refused, the field keeps showing `typed`.
    pub fn apply_typed(&mut self, gesture: &str, field: &str, typed: &str, edit: Edit) -> bool {
        let applied = self.apply_in_gesture(gesture, edit);
        if applied {
            self.drafts.remove(field);
        } else {
            self.drafts.insert(field.to_owned(), typed.to_owned());
        }
        applied
    }

    /// A text field lost focus: its typing gesture ends, and any refused text is let go (the
    /// field shows the journey's own text again).
    pub fn end_typing(&mut self) {
        self.doc.seal();
        self.drafts.clear();
    }

    fn report(
        &mut self,
        result: Result<crate::session::Applied, crate::session::EditError>,
    ) -> bool {
        match result {
            Ok(_) => true,
            Err(error) => {
                self.set_status(
                    crate::tr!("status-not-changed", error = error.to_string()),
                    true,
                );
                false
            }
        }
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
        let edit = Edit::SetScore {
            case_id: case.id.clone(),
            touchpoint_id: tp.id.clone(),
            score,
        };
        if gesture {
            let gesture = format!("score:{}:{}", case.id, tp.id);
            self.apply_in_gesture(&gesture, edit);
        } else {
            self.apply(edit);
        }
    }

    pub fn undo(&mut self) {
        if let Some(label) = self.doc.undo() {
            self.after_structural_change();
            self.set_status(crate::tr!("status-undid", label = label), false);
        }
    }

    pub fn redo(&mut self) {
        if let Some(label) = self.doc.redo() {
            self.after_structural_change();
            self.set_status(crate::tr!("status-redid", label = label), false);
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

    /// Opens the new-case prompt over the Cases view, offering the segments already used.
    pub fn open_new_case_prompt(&mut self) {
        let mut segments: Vec<String> = Vec::new();
        for case in &self.doc.journey().cases {
            let segment = case.segment.trim();
            if !segment.is_empty() && !segments.iter().any(|s| s == segment) {
                segments.push(segment.to_owned());
            }
        }
        self.doc.seal();
        self.entry.clear();
        self.entry_problem = None;
        self.view = View::Cases;
        // The last case's "type the score at …" would tell the room to score while the keys
        // now go to the bar, which says what to type itself.
        self.status = None;
        self.new_case = Some(case_entry::NewCasePrompt::new(segments));
    }

    /// Adds the case the prompt asked for, selects it and puts the cursor on touchpoint 1,
    /// ready for the first score (one undo step).
    fn create_prompted_case(&mut self, name: String, segment: String) {
        let journey = self.doc.journey();
        let id = Journey::fresh_id("case", |id| journey.case(id).is_some());
        let label = if name.is_empty() {
            crate::tr!("case-default-name", n = journey.cases.len() + 1)
        } else {
            name
        };
        let mut case = crate::model::Case::new(&id, &label);
        case.segment = segment;
        let first = journey.touchpoints.first().map(|t| t.name.clone());
        if !self.apply(Edit::AddCase { case }) {
            return;
        }
        self.new_case = None;
        let index = self.doc.journey().cases.len().saturating_sub(1);
        self.select_case(Some(index));
        self.cursor = Some(0);
        if let Some(first) = first {
            self.set_status(
                crate::tr!(
                    "status-new-case-ready",
                    case = label.clone(),
                    touchpoint = first
                ),
                false,
            );
        }
    }

    /// Opens a journey (a large one in the background: then true means it has started).
    pub fn open_path(&mut self, path: &std::path::Path) -> bool {
        file_dialogs::open_path(self, path)
    }

    /// Whether a journey is being opened in the background.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    pub fn open_export_dialog(&mut self) {
        self.export = Some(export_dialog::ExportDialog::new(self));
    }

    pub fn copy_chart(&mut self, ctx: &egui::Context) {
        export_dialog::copy_chart(self, ctx);
    }

    pub fn copy_mermaid(&mut self, ctx: &egui::Context) {
        export_dialog::copy_mermaid(self, ctx);
    }

    pub fn save(&mut self) -> bool {
        file_dialogs::save(self)
    }

    /// *Workshop → Start live session*.
    #[cfg(feature = "live")]
    pub fn start_live_session(&mut self, ctx: &egui::Context) {
        live_panel::start(self, ctx);
    }

    /// *Workshop → End live session*: the port is freed and the arrivals saved.
    #[cfg(feature = "live")]
    pub fn end_live_session(&mut self) {
        live_panel::end(self);
    }

    pub fn save_to(&mut self, path: PathBuf) -> bool {
        file_dialogs::save_to(self, path)
    }

    fn request_new(&mut self) {
        if self.doc.is_dirty() {
            self.dialog = Dialog::ConfirmDiscard(dialogs::AfterDiscard::New);
        } else {
            self.new_journey();
        }
    }

    /// Deletes a touchpoint with every score, note and reference to it (one undo step).
    pub fn delete_touchpoint(&mut self, touchpoint_id: &str) {
        let touchpoint_id = touchpoint_id.to_owned();
        if self.apply(Edit::DeleteTouchpoint { touchpoint_id }) {
            self.selected_touchpoint = None;
            self.after_structural_change();
        }
    }

    pub fn new_journey(&mut self) {
        self.replace_document(Document::new(Journey::default(), None), false);
        self.set_status(crate::tr!("status-new-journey"), false);
    }

    /// Starts over on `doc`: views, selection and caches reset; preferences and the recovery
    /// files stay, and presenter mode if `keep_presenter` (opening a file in front of the room).
    fn replace_document(&mut self, doc: Document, keep_presenter: bool) {
        let fresh = Self::with_document(doc, self.recovery.clone());
        let prefs = std::mem::take(&mut self.prefs);
        let presenter = keep_presenter && self.presenter;
        let lang = self.lang;
        let open_in_background_from = self.open_in_background_from;
        *self = Self {
            prefs,
            presenter,
            lang,
            open_in_background_from,
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
