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

/// Ctrl+C and SIGTERM, caught from the moment this exists (a signal that comes before anyone
/// waits is kept, not fatal): what `emograph serve` runs until.
pub struct ShutdownSignal {
    runtime: tokio::runtime::Runtime,
    #[cfg(unix)]
    signals: [tokio::signal::unix::Signal; 2],
}

impl ShutdownSignal {
    pub fn install() -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let _context = runtime.enter();
            let signals = [
                signal(SignalKind::interrupt())?,
                signal(SignalKind::terminate())?,
            ];
            drop(_context);
            Ok(Self { runtime, signals })
        }
        #[cfg(not(unix))]
        Ok(Self { runtime })
    }

    /// Blocks the calling thread until the signal comes.
    pub fn wait(self) {
        #[cfg(unix)]
        {
            let Self {
                runtime,
                signals: [mut interrupt, mut terminate],
            } = self;
            runtime.block_on(async {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                }
            });
        }
        #[cfg(not(unix))]
        {
            let _ignored = self.runtime.block_on(tokio::signal::ctrl_c());
        }
    }
}
