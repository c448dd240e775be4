//! emograph's live workshop: a small HTTP server that lets every participant in the room draw
//! their own remembered case from their phone, while the facilitator's document receives the
//! curves as they arrive.
//!
//! The server never edits a journey. It validates a submission against what the journey
//! allows, writes it to the session's [journal](emograph_core::session::Journal) (synced, before
//! the participant hears "sent"), and hands it as an [`Accepted`] case over a channel to whoever
//! owns the [`Document`](emograph_core::session::Document) — the headless `emograph serve` loop,
//! or the GUI — which applies it as an `Edit::PutCase`, undoable like any edit.
//!
//! Only what the page needs leaves the server ([`PublicJourney`]): the title, phases,
//! touchpoints, scale and segments; never notes, other cases, owners or metrics.

mod address;
mod assets;
mod book;
mod code;
mod handle;
mod limiter;
mod public;
mod qr;
mod reply;
mod server;
mod submission;

pub use address::participant_host;
pub use book::Accepted;
pub use code::SessionCode;
pub use handle::{
    DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT, LiveConfig, LiveHandle, SessionStatus, StartError,
};
pub use limiter::RateLimit;
pub use public::PublicJourney;
pub use qr::{QrMatrix, qr_matrix, qr_terminal};
pub use submission::{MAX_BODY_BYTES, SOURCE};

/// Waits (blocking the calling thread) until the user presses Ctrl+C or the process is asked to
/// terminate (SIGTERM): what `emograph serve` runs until.
pub fn wait_for_shutdown_signal() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
            tokio::select! {
                result = tokio::signal::ctrl_c() => result,
                _ = term.recv() => Ok(()),
            }
        }
        #[cfg(not(unix))]
        {
            tokio::signal::ctrl_c().await
        }
    })
}
