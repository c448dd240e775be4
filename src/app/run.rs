//! Starting the GUI: the native window, the message when there is no display, the fonts and
//! the sample journey a first start opens.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Document, EmographApp, RecoveryStore, SAMPLE_JOURNEY};
use crate::model::Journey;

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
