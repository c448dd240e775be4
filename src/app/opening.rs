//! A large journey opened on a thread of its own, with a progress bar, so the window keeps
//! drawing (and can be told to stop waiting) while a survey of a million cases loads.
//!
//! Files under [`BACKGROUND_BYTES`] open as before, within the frame that asked: a workshop's
//! journey is there at once, and nothing about it changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::files::{self, LoadError};
use super::{Document, EmographApp, bidi, dialogs};
use crate::io::progress::{self, LoadProgress};

/// Journey files from this size on open in the background (about 60 000 survey cases).
pub const BACKGROUND_BYTES: u64 = 8 << 20;

/// A journey being opened.
pub struct Opening {
    pub path: PathBuf,
    progress: Arc<LoadProgress>,
    started: Instant,
    result: Receiver<Result<Document, LoadError>>,
    /// Opened as the app started: on failure there is nothing of the user's to keep open.
    pub at_start: bool,
}

impl Opening {
    /// Starts reading `path` on a thread of its own.
    pub fn start(path: &Path) -> Self {
        let progress = LoadProgress::new();
        let (send, result) = std::sync::mpsc::channel();
        let (watched, file) = (Arc::clone(&progress), path.to_path_buf());
        // The file's problems are written where they are found: in the window's language.
        std::thread::spawn(crate::i18n::in_this_language(move || {
            let loaded = progress::reporting(&watched, || files::load(&file));
            // The window may have stopped waiting; then the journey is dropped here.
            let _ = send.send(loaded);
        }));
        Self {
            path: path.to_path_buf(),
            progress,
            started: Instant::now(),
            result,
            at_start: false,
        }
    }
}

/// Whether `path` is big enough to open in the background for `app`.
pub fn in_background(app: &EmographApp, path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= app.open_in_background_from)
}

/// Once a frame: takes the finished journey, or shows how far it has come.
pub fn poll(app: &mut EmographApp, ctx: &egui::Context) {
    let Some(opening) = &app.opening else {
        return;
    };
    match opening.result.try_recv() {
        Ok(loaded) => {
            let opening = app.opening.take();
            let at_start = opening.as_ref().is_some_and(|o| o.at_start);
            let path = opening.map(|o| o.path).unwrap_or_default();
            super::file_dialogs::opened(app, &path, loaded, at_start);
            ctx.request_repaint();
        }
        Err(TryRecvError::Empty) => {
            window(app, ctx);
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        Err(TryRecvError::Disconnected) => app.opening = None,
    }
}

/// The modal window with the bar: the file, how far (reading, then making the cases), the time
/// so far, and a button to stop waiting (the journey already open stays).
fn window(app: &mut EmographApp, ctx: &egui::Context) {
    let Some(opening) = &app.opening else {
        return;
    };
    let name = opening.path.file_name().map_or_else(
        || opening.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let fraction = opening.progress.fraction().unwrap_or(0.0);
    let seconds = opening.started.elapsed().as_secs();
    let mut stop = false;
    dialogs::modal(ctx, "opening", |ui| {
        bidi::label(
            ui,
            egui::RichText::new(crate::tr!("opening-heading", file = name.clone())).heading(),
        );
        let stage = if opening.progress.making_cases() {
            crate::tr!("opening-making-cases")
        } else {
            crate::tr!("opening-reading")
        };
        bidi::label(
            ui,
            crate::tr!("opening-stage", stage = stage, seconds = seconds),
        );
        let percent = (fraction * 100.0).floor() as u32;
        ui.add(
            egui::ProgressBar::new(fraction)
                .text(crate::tr!("opening-percent", percent = percent))
                .animate(true),
        );
        if ui.button(crate::tr!("opening-stop")).clicked() {
            stop = true;
        }
    });
    if stop {
        app.opening = None;
        app.set_status(crate::tr!("status-open-stopped", path = name), false);
    }
}
