//! The facilitator's side of a live workshop session (*Workshop → Start live session*): the
//! participants' QR code, short URL and code large enough to read from the back of the room,
//! a counter and the list of arrivals, and pause / close / end. The server runs on its own
//! thread (`emograph_live::LiveHandle`); accepted curves arrive over a channel and are applied
//! here as `Edit::PutCase`, so each is an undoable edit like any other and the views update
//! from the document as they always do.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use emograph_live::{Accepted, LiveConfig, LiveHandle, QrMatrix, SessionCode, SessionStatus};

use crate::app::{EmographApp, bidi};
use crate::session::{Edit, Journal, journal_path_for, read_journal};

/// A running session and what the panel shows of it.
pub struct LivePanel {
    handle: Option<LiveHandle>,
    arrivals: Receiver<Accepted>,
    qr: Option<QrMatrix>,
    journal_path: PathBuf,
    /// Newest first: "Couple, Friday (gold)".
    arrived: Vec<String>,
}

/// Where the session listens: the room's network on the fixed port, unless
/// `EMOGRAPH_LIVE_ADDR` says otherwise (`127.0.0.1:0` for a try-out on this machine alone).
fn listen_addr() -> SocketAddr {
    std::env::var("EMOGRAPH_LIVE_ADDR")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(SocketAddr::new(
            IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            emograph_live::DEFAULT_PORT,
        ))
}

/// Starts a session on the open journey. Its journal lives beside the journey file, so the
/// journey must have been saved once; a journal left by a session that did not end cleanly is
/// replayed first (as `emograph serve` does) and the session goes on with the same code.
pub fn start(app: &mut EmographApp, ctx: &egui::Context) {
    if app.live.is_some() {
        return;
    }
    let Some(file) = app.doc.path.clone() else {
        app.set_status(
            "Save the journey first: a live session keeps its journal of arriving curves next to \
             the journey file.",
            true,
        );
        return;
    };
    if app.doc.journey().touchpoints.is_empty() {
        app.set_status(crate::tr!("live-add-touchpoints-first"), true);
        return;
    }
    let journal_path = journal_path_for(&file);
    let replay = match read_journal(&journal_path) {
        Ok(replay) => replay,
        Err(e) => {
            app.set_status(
                crate::tr!(
                    "live-cannot-read-journal",
                    path = journal_path.display().to_string(),
                    error = e.to_string()
                ),
                true,
            );
            return;
        }
    };
    let mut replayed = 0;
    for (_, case) in &replay.submissions {
        if app.apply(Edit::PutCase { case: case.clone() }) {
            replayed += 1;
        }
    }
    let journal = match Journal::open(&journal_path, &replay) {
        Ok(journal) => journal,
        Err(e) => {
            app.set_status(
                crate::tr!(
                    "live-cannot-open-journal",
                    path = journal_path.display().to_string(),
                    error = e.to_string()
                ),
                true,
            );
            return;
        }
    };
    let (sink, arrivals) = mpsc::channel();
    let repaint = ctx.clone();
    let addr = listen_addr();
    let config = LiveConfig {
        bind: addr.ip(),
        port: addr.port(),
        code: replay.code.as_deref().and_then(SessionCode::parse),
        on_accept: Some(Arc::new(move || repaint.request_repaint())),
        ..LiveConfig::default()
    };
    match LiveHandle::start(app.doc.journey(), config, journal, replay.submissions, sink) {
        Ok(handle) => {
            let qr = emograph_live::qr_matrix(handle.url());
            if replayed > 0 {
                app.set_status(
                    format!(
                        "Replayed {replayed} curves from a session that did not end cleanly; the \
                     session goes on with the same code."
                    ),
                    false,
                );
            }
            app.live = Some(LivePanel {
                handle: Some(handle),
                arrivals,
                qr,
                journal_path,
                arrived: Vec::new(),
            });
        }
        Err(e) => app.set_status(crate::tr!("live-cannot-start", error = e.to_string()), true),
    }
}

/// Applies the curves that arrived since the last frame.
pub fn receive(app: &mut EmographApp) {
    let Some(live) = app.live.as_mut() else {
        return;
    };
    let arrived: Vec<Accepted> = live.arrivals.try_iter().collect();
    for accepted in arrived {
        let case = accepted.case;
        let mut who = if case.label.is_empty() {
            case.id.clone()
        } else {
            case.label.clone()
        };
        if !case.segment.is_empty() {
            who = format!("{who} ({})", case.segment);
        }
        if app.apply(Edit::PutCase { case })
            && let Some(live) = app.live.as_mut()
        {
            live.arrived.insert(0, who);
        }
    }
}

/// Ends the session: the port is freed, the last arrivals applied, the journey saved, and only
/// then the journal removed (a failed save keeps it, to be replayed by the next session).
pub fn end(app: &mut EmographApp) {
    let Some(mut live) = app.live.take() else {
        return;
    };
    let journal = live.handle.take().and_then(LiveHandle::stop);
    let rest: Vec<Accepted> = live.arrivals.try_iter().collect();
    for accepted in rest {
        app.apply(Edit::PutCase {
            case: accepted.case,
        });
    }
    let saved = !app.doc.is_dirty() || app.save();
    match journal {
        Some(journal) if saved => {
            if let Err(e) = journal.finish() {
                app.set_status(
                    crate::tr!(
                        "live-ended-journal-kept",
                        path = live.journal_path.display().to_string(),
                        error = e.to_string()
                    ),
                    true,
                );
                return;
            }
            app.set_status(crate::tr!("live-ended", n = live.arrived.len()), false);
        }
        _ => app.set_status(
            format!(
                "Live session ended, but the journey is not saved: every curve is still in {}, and \
             the next live session on this journey replays it.",
                live.journal_path.display()
            ),
            true,
        ),
    }
}

/// The panel at the right, while a session runs.
pub fn live_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    if app.live.is_none() {
        return;
    }
    let mut end_now = false;
    super::panels::side::end("live_panel")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| {
            let Some(live) = app.live.as_mut() else {
                return;
            };
            let Some(handle) = live.handle.as_ref() else {
                return;
            };
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("live-heading")).heading(),
            );
            crate::app::bidi::label(ui, crate::tr!("live-scan"));
            if let Some(qr) = &live.qr {
                paint_qr(ui, qr);
            }
            ui.label(egui::RichText::new(handle.url()).monospace().size(16.0));
            ui.label(
                egui::RichText::new(crate::tr!("live-code", code = handle.code().to_string()))
                    .size(32.0)
                    .strong(),
            );
            let status = handle.status();
            let words = match status {
                SessionStatus::Open => crate::tr!("live-status-open"),
                SessionStatus::Paused => crate::tr!("live-status-paused"),
                SessionStatus::Closed => crate::tr!("live-status-closed"),
            };
            bidi::label(
                ui,
                crate::tr!("live-arrived", n = live.arrived.len(), status = words),
            );
            ui.horizontal_wrapped(|ui| {
                match status {
                    SessionStatus::Open => {
                        if ui.button(crate::tr!("live-pause")).clicked() {
                            handle.pause();
                        }
                    }
                    SessionStatus::Paused => {
                        if ui.button(crate::tr!("live-resume")).clicked() {
                            handle.resume();
                        }
                    }
                    SessionStatus::Closed => {}
                }
                if status != SessionStatus::Closed && ui.button(crate::tr!("live-close")).clicked()
                {
                    handle.close();
                }
                if ui.button(crate::tr!("menu-end-live")).clicked() {
                    end_now = true;
                }
            });
            let mut average = handle.show_average();
            if bidi::checkbox(ui, &mut average, crate::tr!("live-show-average")).changed() {
                handle.set_show_average(average);
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("live_arrivals")
                .show(ui, |ui| {
                    for who in &live.arrived {
                        bidi::label(ui, crate::tr!("live-arrived-one", who = who.as_str()));
                    }
                });
        });
    if end_now {
        end(app);
    }
}

/// The QR code, as large as the panel allows, dark on a white quiet zone.
fn paint_qr(ui: &mut egui::Ui, qr: &QrMatrix) {
    let quiet = 2;
    let modules = qr.width + 2 * quiet;
    let side = ui.available_width().min(320.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let step = side / modules as f32;
    for y in 0..qr.width {
        for x in 0..qr.width {
            if qr.is_dark(x, y) {
                let min =
                    rect.min + egui::vec2((x + quiet) as f32 * step, (y + quiet) as f32 * step);
                painter.rect_filled(
                    egui::Rect::from_min_size(min, egui::vec2(step, step)),
                    0.0,
                    egui::Color32::BLACK,
                );
            }
        }
    }
}
