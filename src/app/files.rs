//! Opening and saving, the file dialogs (native where a desktop portal runs, typed path
//! always), and the recovery copy that survives a crash.

use std::path::{Path, PathBuf};

use super::bidi;
use super::{Document, EmographApp};
use crate::io;
use crate::model::Journey;

/// Seconds of unsaved changes after which the recovery copy is written.
pub const AUTOSAVE_SECONDS: f64 = 3.0;

/// A modal dialog, at most one at a time.
// One dialog value lives at a time, in the app: the recovery variant's size costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Default)]
pub enum Dialog {
    #[default]
    None,
    /// Type (or browse for) a path to open.
    Open { path: String, error: Option<String> },
    /// Type (or browse for) a path to save to.
    SaveAs { path: String, error: Option<String> },
    /// The document has unsaved changes and the window is closing.
    ConfirmClose,
    /// The document has unsaved changes and something would replace it.
    ConfirmDiscard(AfterDiscard),
    /// Deleting a touchpoint that cases scored.
    ConfirmDeleteTouchpoint { index: usize, scored_by: usize },
    /// A recovery copy from an earlier session was found.
    Recover(RecoveryInfo),
    /// Saving would overwrite a file that changed on disk since we read or wrote it.
    ConfirmOverwrite(PathBuf),
    /// A CSV of cases to import, with the options a survey export may need (typed as text).
    ImportCsv(CsvForm),
}

/// The import dialog's fields, as typed.
#[derive(Clone, Debug, Default)]
pub struct CsvForm {
    pub path: String,
    /// `MIN..MAX` of the survey's scale; empty: the scores already are on −5 … +5.
    pub scale: String,
    /// Values meaning "not applicable", comma-separated (empty cells always are).
    pub na: String,
    /// Touchpoint columns: names `A,B,C` or a range of column numbers `10..23`; empty: all.
    pub touchpoints: String,
    /// The column with the case ids; empty: `case`, else `id`, else numbered by row.
    pub case_column: String,
    /// The column with the segments; empty: `segment` if there is one.
    pub segment_column: String,
    pub error: Option<String>,
}

impl CsvForm {
    /// The options the fields say, or what is wrong with them.
    fn options(&self) -> Result<io::CsvOptions, String> {
        let scale = match self.scale.trim() {
            "" => None,
            text => Some(io::parse_scale(text)?),
        };
        let touchpoints = match self.touchpoints.trim() {
            "" => None,
            text => Some(text.parse::<io::TouchpointColumns>()?),
        };
        let na = self
            .na
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect();
        let column = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(io::CsvOptions {
            scale,
            touchpoints,
            na,
            case_column: column(&self.case_column),
            segment_column: column(&self.segment_column),
            ..io::CsvOptions::default()
        })
    }
}

#[derive(Clone, Debug)]
pub enum AfterDiscard {
    New,
    Open(PathBuf),
    Import(PathBuf, io::CsvOptions),
}

impl Dialog {
    pub fn is_open(&self) -> bool {
        !matches!(self, Self::None)
    }

    pub fn open(app: &EmographApp) -> Self {
        Self::Open {
            path: app
                .doc
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(|d| format!("{}/", d.display()))
                .unwrap_or_default(),
            error: None,
        }
    }

    pub fn save_as(app: &EmographApp) -> Self {
        let suggested = app.doc.path.as_ref().map_or_else(
            || format!("{}.ron", slug(&app.journey().title)),
            |p| p.display().to_string(),
        );
        Self::SaveAs {
            path: suggested,
            error: None,
        }
    }
}

fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "journey".to_owned()
    } else {
        s
    }
}

/// Opens a journey file; on failure the current document stays open and the located error is
/// shown. Returns whether it opened.
pub fn open_path(app: &mut EmographApp, path: &Path) -> bool {
    // A CSV of cases is imported with the detected options (Import CSV… offers the others).
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
    {
        if import_csv(app, path, &io::CsvOptions::default()) {
            return true;
        }
        // Most survey exports need an option or two: offer them, with what went wrong.
        app.dialog = Dialog::ImportCsv(CsvForm {
            path: path.display().to_string(),
            error: app.status.as_ref().map(|s| s.text.clone()),
            ..CsvForm::default()
        });
        return false;
    }
    // A Mermaid diagram is imported: the result is a new journey, saved as .ron.
    let mermaid = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("mmd") || e.eq_ignore_ascii_case("mermaid"));
    // Stamped before reading: a write in between then shows as a change, never the reverse.
    let disk_stamp = io::DiskStamp::of(path);
    let loaded = if mermaid {
        io::mermaid::load_mermaid(path)
    } else {
        io::load_journey(path)
    };
    match loaded {
        Ok(journey) => {
            let doc = if mermaid {
                Document::unsaved(journey, None)
            } else {
                let mut doc = Document::new(journey, Some(path.to_path_buf()));
                doc.disk_stamp = disk_stamp;
                doc
            };
            app.replace_document(doc, true);
            app.remember_recent(path);
            app.set_status(format!("Opened {}", path.display()), false);
            true
        }
        Err(error) => {
            app.set_status(error.to_string(), true);
            false
        }
    }
}

/// Imports a CSV of cases as a new, unsaved journey (saved as .ron when the user saves); on
/// failure the current document stays open and the located error is shown.
pub fn import_csv(app: &mut EmographApp, path: &Path, options: &io::CsvOptions) -> bool {
    match io::load_csv(path, options) {
        Ok(dataset) => {
            let journey = io::dataset_to_journey(&dataset, &format!("CSV {}", path.display()));
            let cases = journey.cases.len();
            let touchpoints = journey.touchpoints.len();
            app.replace_document(Document::unsaved(journey, None), true);
            app.set_status(
                format!(
                    "Imported {cases} cases × {touchpoints} touchpoints from {}. Save it as a \
                     journey (.ron) to keep it.",
                    path.display()
                ),
                false,
            );
            true
        }
        Err(error) => {
            app.set_status(in_gui_words(&summary(&error.to_string(), 3)), true);
            false
        }
    }
}

/// The first `lines` lines of a long message and how many more there were.
fn summary(message: &str, lines: usize) -> String {
    let all: Vec<&str> = message.lines().collect();
    if all.len() <= lines {
        return message.to_owned();
    }
    format!(
        "{}\n… and {} more problems like these",
        all[..lines].join("\n"),
        all.len() - lines
    )
}

/// The CSV reader's hints name the command line's options; in the import dialog they are
/// fields.
fn in_gui_words(message: &str) -> String {
    message
        .replace("--scale MIN..MAX", "a Scale (MIN..MAX)")
        .replace("give --na VALUE", "put it under Not applicable")
        .replace(
            "choose them with --touchpoints",
            "choose them under Touchpoints",
        )
}

/// Saves to the document's path, or asks for one. If another window (or person) saved that file
/// since we read it, asks before overwriting their work.
pub fn save(app: &mut EmographApp) -> bool {
    match app.doc.path.clone() {
        Some(path) if io::changed_on_disk(&path, app.doc.disk_stamp) => {
            app.dialog = Dialog::ConfirmOverwrite(path);
            false
        }
        Some(path) => save_to(app, path),
        None => {
            app.dialog = Dialog::save_as(app);
            false
        }
    }
}

/// Saves atomically; a failure keeps the document (and the old file) as they were.
pub fn save_to(app: &mut EmographApp, path: PathBuf) -> bool {
    let path = with_ron_extension(path);
    match io::save_journey(&path, app.doc.journey()) {
        Ok(()) => {
            app.doc.seal();
            app.doc.mark_saved(path.clone());
            app.doc.disk_stamp = io::DiskStamp::of(&path);
            app.recovery.clear();
            app.remember_recent(&path);
            app.set_status(format!("Saved {}", path.display()), false);
            true
        }
        Err(error) => {
            app.set_status(
                format!(
                    "Could not save {}: {error}. Your journey is still open; nothing was lost.",
                    path.display()
                ),
                true,
            );
            false
        }
    }
}

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

/// Where the recovery copy lives. Cloned into each new document so the copy follows the app.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    /// `None` disables the recovery copy (benchmarks).
    files: Option<io::recovery::RecoveryFiles>,
    written_revision: Option<u64>,
    changed_at: Option<(u64, f64)>,
}

/// What a recovery copy holds, to show before the user decides.
#[derive(Clone, Debug)]
pub struct RecoveryInfo {
    pub journey: Journey,
    pub original: Option<PathBuf>,
    pub modified: String,
    /// The copy itself: removed once the user chose, kept if they decide later.
    pub file: PathBuf,
    /// Held while the dialog shows, so another window does not offer the same copy.
    pub lock: io::recovery::CopyLock,
}

impl RecoveryStore {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            files: Some(io::recovery::RecoveryFiles::in_dir(dir)),
            written_revision: None,
            changed_at: None,
        }
    }

    pub fn disabled() -> Self {
        Self {
            files: None,
            written_revision: None,
            changed_at: None,
        }
    }

    /// `$XDG_DATA_HOME/emograph`, else `~/.local/share/emograph`.
    pub fn default_location() -> Self {
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
        match base {
            Some(base) => Self::in_dir(base.join("emograph")),
            None => Self::disabled(),
        }
    }

    /// Writes the recovery copy once the document has had unsaved changes for a few seconds.
    pub fn autosave(&mut self, doc: &Document, now: f64) {
        if !doc.is_dirty() || self.written_revision == Some(doc.revision()) {
            return;
        }
        let changed_at = match self.changed_at {
            Some((revision, at)) if revision == doc.revision() => at,
            _ => {
                self.changed_at = Some((doc.revision(), now));
                now
            }
        };
        if now - changed_at < AUTOSAVE_SECONDS {
            return;
        }
        self.write(doc);
    }

    /// Writes the recovery copy now.
    pub fn write(&mut self, doc: &Document) {
        let Some(files) = &mut self.files else { return };
        if files.write(doc.journey(), doc.path.as_deref()).is_ok() {
            self.written_revision = Some(doc.revision());
        }
    }

    /// Removes this session's recovery copy (after a save, or once the user decided about it).
    /// A copy left by an earlier session that waits for a decision is not touched.
    pub fn clear(&mut self) {
        if let Some(files) = &self.files {
            files.remove_own();
        }
        self.written_revision = None;
        self.changed_at = None;
    }

    /// A dialog offering the newest recovery copy, if one is there. From now on this session
    /// autosaves beside it, so choosing "Decide later" loses nothing.
    pub fn offer(&mut self) -> Dialog {
        let Some(found) = self.files.as_mut().and_then(|files| files.find()) else {
            return Dialog::None;
        };
        let modified = std::fs::metadata(&found.file)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .map_or_else(String::new, |age| {
                format!("{} minutes ago", age.as_secs() / 60)
            });
        Dialog::Recover(RecoveryInfo {
            journey: found.journey,
            original: found.original,
            modified,
            file: found.file,
            lock: found.lock,
        })
    }
}

/// Shows the current dialog, if any.
pub fn dialogs_ui(app: &mut EmographApp, ctx: &egui::Context) {
    let dialog = std::mem::take(&mut app.dialog);
    let next = match dialog {
        Dialog::None => Dialog::None,
        Dialog::Open { path, error } => open_dialog_ui(app, ctx, path, error),
        Dialog::SaveAs { path, error } => save_as_dialog_ui(app, ctx, path, error),
        Dialog::ConfirmClose => confirm_close_ui(app, ctx),
        Dialog::ConfirmDiscard(after) => confirm_discard_ui(app, ctx, after),
        Dialog::ConfirmDeleteTouchpoint { index, scored_by } => {
            confirm_delete_touchpoint_ui(app, ctx, index, scored_by)
        }
        Dialog::Recover(info) => recover_ui(app, ctx, info),
        Dialog::ConfirmOverwrite(path) => confirm_overwrite_ui(app, ctx, path),
        Dialog::ImportCsv(form) => import_csv_ui(app, ctx, form),
    };
    // A dialog opened by this one's buttons (Save → "file changed", Save → Save as) wins.
    if !app.dialog.is_open() {
        app.dialog = next;
    }
}

fn confirm_overwrite_ui(app: &mut EmographApp, ctx: &egui::Context, path: PathBuf) -> Dialog {
    let body = format!(
        "{} changed on disk since you opened it (another emograph window or someone else saved \
         it). Overwriting replaces their version with yours.",
        path.display()
    );
    let keep = Dialog::ConfirmOverwrite(path.clone());
    confirm(
        ctx,
        "confirm_overwrite",
        "The file changed on disk",
        &body,
        keep,
        |ui, next| {
            if ui.button("Overwrite").clicked() {
                *next = Dialog::None;
                save_to(app, path.clone());
            }
            if ui.button("Save as…").clicked() {
                *next = Dialog::save_as(app);
            }
        },
    )
}

/// A modal dialog of the app's width; returns whether the user dismissed it (Esc, a click
/// outside).
pub(super) fn modal(ctx: &egui::Context, id: &str, content: impl FnOnce(&mut egui::Ui)) -> bool {
    egui::Modal::new(egui::Id::unique(id))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            content(ui);
        })
        .should_close()
}

/// A question with a heading, a sentence and answers: `answers` draws the buttons and sets the
/// dialog that follows (a Cancel button is added); until an answer or Esc, `keep` stays open.
fn confirm(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    body: &str,
    keep: Dialog,
    answers: impl FnOnce(&mut egui::Ui, &mut Dialog),
) -> Dialog {
    let mut next = keep;
    let escaped = modal(ctx, id, |ui| {
        ui.label(bidi::text(ui, egui::RichText::new(heading).heading()));
        ui.label(bidi::text(ui, body));
        ui.horizontal(|ui| {
            answers(ui, &mut next);
            if ui.button("Cancel").clicked() {
                next = Dialog::None;
            }
        });
    });
    if escaped { Dialog::None } else { next }
}

/// What "Browse…" beside a typed path asks the system for: a file to open or a place to save,
/// with a filter name and its extensions.
pub enum PathBrowse<'a> {
    Open(&'a str, &'a [&'a str]),
    Save(&'a str, &'a [&'a str]),
}

/// A typed path with "Browse…" beside it. The typed path always works; the native dialog is a
/// convenience that returns nothing where no desktop portal runs. Returns true when the user
/// pressed Enter in the field.
pub fn path_row_ui(
    ui: &mut egui::Ui,
    label: &str,
    path: &mut String,
    browse: PathBrowse<'_>,
) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(bidi::text(ui, label));
        let edit = ui
            .add(egui::TextEdit::singleline(path).desired_width(360.0))
            .labelled_by(label.id);
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Browse…").clicked() {
            let picked = match browse {
                PathBrowse::Open(name, extensions) => rfd::FileDialog::new()
                    .add_filter(name, extensions)
                    .pick_file(),
                PathBrowse::Save(name, extensions) => rfd::FileDialog::new()
                    .add_filter(name, extensions)
                    .save_file(),
            };
            if let Some(picked) = picked {
                *path = picked.display().to_string();
            }
        }
        entered
    })
    .inner
}

fn import_csv_ui(app: &mut EmographApp, ctx: &egui::Context, mut form: CsvForm) -> Dialog {
    let mut import = false;
    let mut cancelled = false;
    let escaped = modal(ctx, "import_csv_dialog", |ui| {
        ui.heading("Import a CSV of cases");
        ui.label("One row per case, one column per touchpoint; a case and a segment column are found by their names.");
        let browse = PathBrowse::Open("CSV of cases", &["csv", "tsv", "txt"]);
        import |= path_row_ui(ui, "File:", &mut form.path, browse);
        egui::Grid::new("import_csv_options")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, value, hint) in [
                    (
                        "Scale:",
                        &mut form.scale,
                        "e.g. 1..5; empty if already −5..5",
                    ),
                    (
                        "Not applicable:",
                        &mut form.na,
                        "e.g. 0 or n/a, comma-separated",
                    ),
                    (
                        "Touchpoints:",
                        &mut form.touchpoints,
                        "names A,B,C or columns 10..23; empty: all",
                    ),
                    (
                        "Case column:",
                        &mut form.case_column,
                        "empty: case, else id, else row numbers",
                    ),
                    (
                        "Segment column:",
                        &mut form.segment_column,
                        "e.g. Class; empty: segment",
                    ),
                ] {
                    let label = ui.label(label);
                    ui.add(
                        egui::TextEdit::singleline(value)
                            .hint_text(hint)
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            if ui.button("Import").clicked() {
                import = true;
            }
            if ui.button("Cancel").clicked() {
                cancelled = true;
            }
        });
    });
    if cancelled || (escaped && !import) {
        return Dialog::None;
    }
    if !import {
        return Dialog::ImportCsv(form);
    }
    let path = PathBuf::from(form.path.trim());
    if path.as_os_str().is_empty() {
        form.error = Some("Type the CSV file's path.".into());
        return Dialog::ImportCsv(form);
    }
    let options = match form.options() {
        Ok(options) => options,
        Err(error) => {
            form.error = Some(error);
            return Dialog::ImportCsv(form);
        }
    };
    if app.doc.is_dirty() {
        return Dialog::ConfirmDiscard(AfterDiscard::Import(path, options));
    }
    if import_csv(app, &path, &options) {
        Dialog::None
    } else {
        form.error = app.status.as_ref().map(|s| s.text.clone());
        Dialog::ImportCsv(form)
    }
}

fn open_dialog_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    mut path: String,
    mut error: Option<String>,
) -> Dialog {
    let mut result = None;
    let escaped = modal(ctx, "open_dialog", |ui| {
        ui.heading("Open journey");
        let browse = PathBrowse::Open(
            "Journey, Mermaid diagram or CSV of cases",
            &["ron", "mmd", "csv", "tsv"],
        );
        if path_row_ui(ui, "Path:", &mut path, browse) {
            result = Some(PathBuf::from(path.trim()));
        }
        if !app.prefs.recent.is_empty() {
            ui.label("Recent:");
            for recent in app.prefs.recent.clone() {
                if ui
                    .link(bidi::text(ui, recent.display().to_string()))
                    .clicked()
                {
                    result = Some(recent);
                }
            }
        }
        if let Some(error) = &error {
            ui.label(bidi::text(
                ui,
                egui::RichText::new(error).color(ui.visuals().error_fg_color),
            ));
        }
        ui.horizontal(|ui| {
            if ui.button("Open").clicked() {
                result = Some(PathBuf::from(path.trim()));
            }
            if ui.button("Cancel").clicked() {
                result = Some(PathBuf::new());
            }
        });
    });
    match result {
        Some(p) if p.as_os_str().is_empty() => Dialog::None,
        Some(p) if app.doc.is_dirty() => Dialog::ConfirmDiscard(AfterDiscard::Open(p)),
        Some(p) => {
            if open_path(app, &p) {
                Dialog::None
            } else {
                error = app.status.as_ref().map(|s| s.text.clone());
                Dialog::Open { path, error }
            }
        }
        None if escaped => Dialog::None,
        None => Dialog::Open { path, error },
    }
}

fn save_as_dialog_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    mut path: String,
    mut error: Option<String>,
) -> Dialog {
    let mut chosen = None;
    let mut cancelled = false;
    let escaped = modal(ctx, "save_as_dialog", |ui| {
        ui.heading("Save journey as");
        if path_row_ui(
            ui,
            "Path:",
            &mut path,
            PathBrowse::Save("Journey", &["ron"]),
        ) {
            chosen = Some(PathBuf::from(path.trim()));
        }
        if let Some(error) = &error {
            ui.label(bidi::text(
                ui,
                egui::RichText::new(error).color(ui.visuals().error_fg_color),
            ));
        }
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                chosen = Some(PathBuf::from(path.trim()));
            }
            if ui.button("Cancel").clicked() {
                cancelled = true;
            }
        });
    });
    if cancelled || (escaped && chosen.is_none()) {
        return Dialog::None;
    }
    match chosen {
        Some(p) if p.as_os_str().is_empty() => Dialog::SaveAs {
            path,
            error: Some("Type a file path.".into()),
        },
        Some(p) => {
            if save_to(app, p) {
                Dialog::None
            } else {
                error = app.status.as_ref().map(|s| s.text.clone());
                Dialog::SaveAs { path, error }
            }
        }
        None => Dialog::SaveAs { path, error },
    }
}

fn confirm_close_ui(app: &mut EmographApp, ctx: &egui::Context) -> Dialog {
    let body = "This journey has changes that are not saved.";
    let keep = Dialog::ConfirmClose;
    confirm(
        ctx,
        "confirm_close",
        "Save changes before closing?",
        body,
        keep,
        |ui, next| {
            if ui.button("Save and close").clicked() && app.save() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                *next = Dialog::None;
            }
            if ui.button("Close without saving").clicked() {
                app.close_confirmed = true;
                app.recovery.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                *next = Dialog::None;
            }
        },
    )
}

fn confirm_discard_ui(app: &mut EmographApp, ctx: &egui::Context, after: AfterDiscard) -> Dialog {
    let body = "The open journey has changes that are not saved.";
    let keep = Dialog::ConfirmDiscard(after.clone());
    confirm(
        ctx,
        "confirm_discard",
        "Discard unsaved changes?",
        body,
        keep,
        |ui, next| {
            if !ui.button("Discard changes").clicked() {
                return;
            }
            app.recovery.clear();
            *next = Dialog::None;
            match &after {
                AfterDiscard::New => app.new_journey(),
                AfterDiscard::Open(path) => {
                    if !open_path(app, path) {
                        *next = Dialog::Open {
                            path: path.display().to_string(),
                            error: app.status.as_ref().map(|s| s.text.clone()),
                        };
                    }
                }
                AfterDiscard::Import(path, options) => {
                    if !import_csv(app, path, options) {
                        *next = Dialog::ImportCsv(CsvForm {
                            path: path.display().to_string(),
                            error: app.status.as_ref().map(|s| s.text.clone()),
                            ..CsvForm::default()
                        });
                    }
                }
            }
        },
    )
}

fn confirm_delete_touchpoint_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    index: usize,
    scored_by: usize,
) -> Dialog {
    let Some(name) = app.journey().touchpoints.get(index).map(|t| t.name.clone()) else {
        return Dialog::None;
    };
    let heading = format!("Delete touchpoint “{name}”?");
    let body = format!(
        "{scored_by} case(s) scored it; their scores and notes there will be removed with it. \
         You can undo this."
    );
    let keep = Dialog::ConfirmDeleteTouchpoint { index, scored_by };
    confirm(
        ctx,
        "confirm_delete_touchpoint",
        &heading,
        &body,
        keep,
        |ui, next| {
            if ui.button("Delete it and its scores").clicked() {
                super::panels::delete_touchpoint(app, index);
                *next = Dialog::None;
            }
        },
    )
}

fn recover_ui(app: &mut EmographApp, ctx: &egui::Context, info: RecoveryInfo) -> Dialog {
    let mut next = None;
    modal(ctx, "recover", |ui| {
        ui.heading("Recover unsaved work?");
        ui.label(
            "emograph found a recovery copy of a journey that was not saved when it last closed.",
        );
        egui::Grid::new("recovery_grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Journey:");
                ui.label(bidi::text(
                    ui,
                    egui::RichText::new(&info.journey.title).strong(),
                ));
                ui.end_row();
                ui.label("Holds:");
                ui.label(bidi::text(
                    ui,
                    format!(
                        "{} touchpoints, {} cases, {} flags",
                        info.journey.touchpoints.len(),
                        info.journey.cases.len(),
                        info.journey.flags.len()
                    ),
                ));
                ui.end_row();
                ui.label("Original file:");
                ui.label(bidi::text(
                    ui,
                    info.original
                        .as_ref()
                        .map_or_else(|| "never saved".to_owned(), |p| p.display().to_string()),
                ));
                ui.end_row();
                if !info.modified.is_empty() {
                    ui.label("Written:");
                    ui.label(bidi::text(ui, &info.modified));
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                // The restored journey is unsaved work: it stays dirty and remembers its file.
                let doc = Document::unsaved(info.journey.clone(), info.original.clone());
                app.replace_document(doc, false);
                // The restored work goes into this session's own copy before the old one is
                // removed: a crash in the next seconds loses nothing.
                app.recovery.write(&app.doc);
                io::recovery::RecoveryFiles::remove(&info.file);
                app.set_status("Restored the recovery copy. Save it to keep it.", false);
                next = Some(Dialog::None);
            }
            if ui.button("Discard recovery copy").clicked() {
                io::recovery::RecoveryFiles::remove(&info.file);
                next = Some(Dialog::None);
            }
            if ui.button("Decide later").clicked() {
                next = Some(Dialog::None);
            }
        });
    });
    next.unwrap_or(Dialog::Recover(info))
}
