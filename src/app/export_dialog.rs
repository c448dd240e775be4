//! Export from the GUI: the chart on screen as PNG or SVG, the HTML report, the journey as a
//! Mermaid diagram; and copying the chart or the Mermaid text to the clipboard.
//!
//! The chart exported is the Scene on screen (in the normal, not the presenter, look): what you
//! see is what you export.

use std::path::PathBuf;

use super::EmographApp;
use super::bidi;
use super::dialogs;
use crate::analysis::{Analysis, Dataset};
use crate::export::{self, ExportSize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Png,
    Svg,
    Report,
    Mermaid,
}

impl Format {
    const ALL: [Self; 4] = [Self::Png, Self::Svg, Self::Report, Self::Mermaid];

    /// The format's name in the interface language.
    fn display_name(self) -> String {
        match self {
            Self::Png => crate::tr!("export-format-png"),
            Self::Svg => crate::tr!("export-format-svg"),
            Self::Report => crate::tr!("export-format-report"),
            Self::Mermaid => crate::tr!("export-format-mermaid"),
        }
    }

    /// The format a file name asks for by its extension, if it names one of ours.
    fn of_path(path: &str) -> Option<Self> {
        let extension = std::path::Path::new(path.trim())
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            "html" | "htm" => Some(Self::Report),
            "mmd" | "mermaid" => Some(Self::Mermaid),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Report => "html",
            Self::Mermaid => "mmd",
        }
    }
}

/// The Export dialog's state.
#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    pub path: String,
    pub error: Option<String>,
}

/// What the Export dialog remembers of one journey's last export: the folder and the format.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LastExport {
    pub folder: PathBuf,
    pub format: Format,
}

/// The key a journey's last export is remembered under: its file, else its title.
pub fn journey_key(app: &EmographApp) -> String {
    app.doc.path.as_ref().map_or_else(
        || format!("unsaved:{}", app.journey().title),
        |p| p.display().to_string(),
    )
}

/// A file name for the export that says what it holds: `cinema-evening-patterns.png`, from the
/// journey's file name (else its title) and the view on screen (the report covers them all).
fn default_name(app: &EmographApp, format: Format) -> String {
    let journey = app
        .doc
        .path
        .as_ref()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| slug(&app.journey().title));
    let journey = if journey.is_empty() {
        "journey".to_owned()
    } else {
        journey
    };
    let what = match format {
        Format::Report => "report".to_owned(),
        _ => slug(&app.chart_view().0.to_string()),
    };
    format!("{journey}-{what}.{}", format.extension())
}

/// Lower-case words joined by hyphens; letters of any script stay (a Hebrew title too).
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

impl ExportDialog {
    /// Opens on the journey's last export (its folder and format), else a PNG beside the
    /// journey's file; the name carries the view on screen.
    pub fn new(app: &EmographApp) -> Self {
        let last = app.prefs.exports.get(&journey_key(app));
        let format = last.map_or(Format::Png, |l| l.format);
        let folder = last.map(|l| l.folder.clone()).or_else(|| {
            app.doc
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(std::path::Path::to_path_buf)
        });
        let name = default_name(app, format);
        let path = folder.map_or_else(|| PathBuf::from(&name), |f| f.join(&name));
        Self {
            format,
            width: 1600,
            height: 900,
            scale: 1.0,
            path: path.display().to_string(),
            error: None,
        }
    }

    /// Puts the format's extension on the typed path, in place of one of ours (or none).
    fn path_follows_format(&mut self) {
        let typed = PathBuf::from(self.path.trim());
        let stem = if Format::of_path(&self.path).is_some() || typed.extension().is_none() {
            typed.with_extension("")
        } else {
            typed
        };
        self.path = format!("{}.{}", stem.display(), self.format.extension());
    }
}

/// The chart on screen, rebuilt in the export look (never the presenter's).
fn chart_scene(app: &EmographApp) -> crate::chart::Scene {
    app.build_scene(&crate::chart::Theme::light())
}

/// The view on screen as a Mermaid diagram, by the same [`export::view_mermaid`] as
/// `emograph export --view V -o x.mmd`: the mean on the overall view, a pattern's mean on its
/// view, the cases drawn on the cases view.
pub fn mermaid_text(app: &EmographApp) -> Result<String, String> {
    let (spec, options) = app.chart_view();
    let analysis = app.analysis.current().map(|a| &a.analysis);
    export::view_mermaid(app.journey(), analysis, &spec, &options).map_err(|e| e.to_string())
}

/// Copies the view on screen as Mermaid text, and says which view it was.
pub fn copy_mermaid(app: &mut EmographApp, ctx: &egui::Context) {
    match mermaid_text(app) {
        Ok(text) => {
            ctx.copy_text(text);
            let (spec, _) = app.chart_view();
            app.set_status(
                crate::tr!("export-copied-mermaid", view = spec.to_string()),
                false,
            );
        }
        Err(error) => app.set_status(
            crate::tr!("export-copy-mermaid-failed", error = error.to_string()),
            true,
        ),
    }
}

/// Puts the chart on the clipboard as an image, where the platform allows it.
pub fn copy_chart(app: &mut EmographApp, ctx: &egui::Context) {
    let scene = chart_scene(app);
    let size = ExportSize {
        width: 1600,
        height: 900,
        scale: 1.0,
    };
    let image = export::render_png(&scene, &size)
        .map_err(|e| e.to_string())
        .and_then(|png| image::load_from_memory(&png).map_err(|e| e.to_string()));
    match image {
        Ok(image) => {
            let rgba = image.to_rgba8();
            let size = [rgba.width() as usize, rgba.height() as usize];
            ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                size,
                rgba.as_raw(),
            ));
            app.set_status(crate::tr!("export-copied-chart"), false);
        }
        Err(error) => app.set_status(
            crate::tr!("export-copy-chart-failed", error = error.to_string()),
            true,
        ),
    }
}

/// Writes the export; a failure leaves any existing file as it was (all writes are atomic).
fn export(app: &mut EmographApp, dialog: &ExportDialog) -> Result<String, String> {
    let mut path = PathBuf::from(dialog.path.trim());
    if path.as_os_str().is_empty() {
        return Err(crate::tr!("export-type-path"));
    }
    // What is written is what the name says: `report.html` gets HTML whatever was picked, and
    // a name without an extension gets the format's.
    let format = match Format::of_path(&dialog.path) {
        Some(format) => format,
        None if path.extension().is_none() => {
            path.set_extension(dialog.format.extension());
            dialog.format
        }
        None => {
            return Err(crate::tr!(
                "export-wrong-extension",
                path = path.display().to_string(),
                format = dialog.format.display_name(),
                extension = dialog.format.extension()
            ));
        }
    };
    let dialog = &ExportDialog {
        format,
        ..dialog.clone()
    };
    match dialog.format {
        Format::Png | Format::Svg => {
            let scene = chart_scene(app);
            let size = ExportSize {
                width: dialog.width.max(16),
                height: dialog.height.max(16),
                scale: dialog.scale.clamp(0.25, 8.0),
            };
            let result = match dialog.format {
                Format::Png => export::render_png(&scene, &size)
                    .map(|png| crate::io::write_atomic_bytes(&path, &png)),
                _ => export::render_svg(&scene, &size)
                    .map(|svg| crate::io::write_atomic_bytes(&path, svg.as_bytes())),
            };
            match result {
                Ok(Ok(())) => Ok(crate::tr!(
                    "export-exported-chart",
                    path = path.display().to_string()
                )),
                Ok(Err(e)) => Err(could_not_write(&path, &e)),
                Err(e) => Err(crate::tr!("export-could-not-draw", error = e.to_string())),
            }
        }
        Format::Report => {
            // The analysis on screen when it is up to date, else the same computation now.
            let computed;
            let analysis = match app.analysis.fresh(app.doc.revision()) {
                Some(result) => &result.analysis,
                None => {
                    let whole = Dataset::from_journey(app.journey().clone());
                    computed = Analysis::compute(whole, &app.analysis.settings);
                    &computed
                }
            };
            let html = export::report::render_report(analysis)
                .map_err(|e| crate::tr!("export-could-not-write-report", error = e.to_string()))?;
            crate::io::write_atomic_bytes(&path, html.as_bytes())
                .map_err(|e| could_not_write(&path, &e))?;
            Ok(crate::tr!(
                "export-wrote-report",
                path = path.display().to_string()
            ))
        }
        Format::Mermaid => {
            let text = mermaid_text(app)?;
            crate::io::write_atomic_bytes(&path, text.as_bytes())
                .map_err(|e| could_not_write(&path, &e))?;
            Ok(crate::tr!(
                "export-wrote-mermaid",
                path = path.display().to_string()
            ))
        }
    }
}

/// Shows the dialog; returns it while it stays open.
pub fn export_dialog_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    mut dialog: ExportDialog,
) -> Option<ExportDialog> {
    let mut close = false;
    let mut run = false;
    let escaped = dialogs::modal(ctx, "export_dialog", |ui| {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("export-heading")).heading(),
        );
        crate::app::bidi::label(ui, crate::tr!("export-intro"));
        // The formats are a row of buttons, not a ComboBox: in egui 0.37 a ComboBox's popup
        // and a `Modal` are both `Order::Foreground` areas, ordered among themselves by which
        // last asked to be on top (`Areas::move_to_top` on a press or on first showing), so the
        // press that opened the list could leave it under the dialog. Four buttons are all on
        // screen at once, reachable by Tab, and nothing can hide them.
        crate::app::panels::side::wrapped_line(ui, |ui| {
            crate::app::bidi::label(ui, crate::tr!("export-format"));
            let before = dialog.format;
            for format in Format::ALL {
                ui.selectable_value(
                    &mut dialog.format,
                    format,
                    bidi::text(ui, format.display_name()),
                );
            }
            if dialog.format != before {
                dialog.path_follows_format();
            }
        });
        if matches!(dialog.format, Format::Png | Format::Svg) {
            crate::app::panels::side::line(ui, |ui| {
                let label = crate::app::bidi::label(ui, crate::tr!("export-width"));
                ui.add(
                    egui::DragValue::new(&mut dialog.width)
                        .range(200..=8000)
                        .suffix(" px"),
                )
                .labelled_by(label.id);
                let label = crate::app::bidi::label(ui, crate::tr!("export-height"));
                ui.add(
                    egui::DragValue::new(&mut dialog.height)
                        .range(150..=8000)
                        .suffix(" px"),
                )
                .labelled_by(label.id);
                if dialog.format == Format::Png {
                    let label = crate::app::bidi::label(ui, crate::tr!("export-scale"));
                    ui.add(
                        egui::DragValue::new(&mut dialog.scale)
                            .range(0.5..=4.0)
                            .speed(0.1)
                            .suffix("×"),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(crate::tr!("export-scale-tip"));
                }
            });
        }
        let extensions = [dialog.format.extension()];
        let filter = dialog.format.display_name();
        let browse = dialogs::PathBrowse::Save(&filter, &extensions);
        let typed_before = dialog.path.clone();
        if dialogs::path_row_ui(ui, &crate::tr!("export-file"), &mut dialog.path, browse) {
            run = true;
        }
        // The other way round: a file name typed with one of our extensions picks its format.
        if dialog.path != typed_before
            && let Some(format) = Format::of_path(&dialog.path)
        {
            dialog.format = format;
        }
        if let Some(error) = &dialog.error {
            bidi::label(
                ui,
                egui::RichText::new(error).color(ui.visuals().error_fg_color),
            );
        }
        crate::app::panels::side::line(ui, |ui| {
            if ui.button(crate::tr!("export-export")).clicked() {
                run = true;
            }
            if ui.button(crate::tr!("dialog-cancel")).clicked() {
                close = true;
            }
        });
    });
    if run {
        match export(app, &dialog) {
            Ok(message) => {
                app.set_status(message, false);
                remember(app, &dialog);
                return None;
            }
            Err(error) => dialog.error = Some(error),
        }
    }
    if close || escaped { None } else { Some(dialog) }
}

/// Remembers this journey's export folder and format for the next Export dialog.
fn remember(app: &mut EmographApp, dialog: &ExportDialog) {
    let path = PathBuf::from(dialog.path.trim());
    let folder = path
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let format = Format::of_path(&dialog.path).unwrap_or(dialog.format);
    app.prefs
        .exports
        .insert(journey_key(app), LastExport { folder, format });
}

/// "Could not write PATH: why", in the interface language.
fn could_not_write(path: &std::path::Path, error: &impl std::fmt::Display) -> String {
    crate::tr!(
        "export-could-not-write",
        path = path.display().to_string(),
        error = error.to_string()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_their_format_and_slugs_keep_words() {
        assert_eq!(Format::of_path("a/report.HTML"), Some(Format::Report));
        assert_eq!(Format::of_path("chart.svg"), Some(Format::Svg));
        assert_eq!(Format::of_path("notes.txt"), None);
        assert_eq!(slug("A cinema evening!"), "a-cinema-evening");
        assert_eq!(slug("pattern:2"), "pattern-2");
        assert_eq!(slug("ערב בקולנוע"), "ערב-בקולנוע");
    }
}
