//! Starting, steering and stopping a session: what `emograph serve` and the GUI's live panel
//! call. The server runs on a thread of its own with its own tokio runtime, so neither caller
//! needs to be async; [`LiveHandle::stop`] (or dropping the handle) ends it and frees the port.

use std::collections::HashSet;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::Serialize;

use emograph_core::model::{Case, Journey};
use emograph_core::session::{Journal, JournalRecord};

use crate::assets;
use crate::book::{Accepted, Book};
use crate::code::SessionCode;
use crate::limiter::{Limiter, RateLimit};
use crate::public::PublicJourney;
use crate::server::{Shared, router};
use crate::submission::Rules;

/// Whether the session takes curves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Open,
    /// For a moment (the facilitator talks): sends are answered 503, try again.
    Paused,
    /// For good: sends are answered 410.
    Closed,
}

impl SessionStatus {
    pub(crate) fn from_u8(value: u8) -> Self {
        match value {
            0 => Self::Open,
            1 => Self::Paused,
            _ => Self::Closed,
        }
    }

    fn as_u8(self) -> u8 {
        match self {
            Self::Open => 0,
            Self::Paused => 1,
            Self::Closed => 2,
        }
    }
}

/// How a session is started.
#[derive(Clone)]
pub struct LiveConfig {
    /// 0.0.0.0 for the room; 127.0.0.1 for tests and a try-out.
    pub bind: IpAddr,
    /// 0: any free port.
    pub port: u16,
    pub rate: RateLimit,
    /// At most this many participants' curves (a participant's later sends replace theirs).
    pub max_participants: usize,
    /// The segments participants pick from; `None`: those the journey's cases use.
    pub segments: Option<Vec<String>>,
    /// Participants see the room's average after they sent. Off by default: early results
    /// bias later answers.
    pub show_average: bool,
    /// The code of the session to resume (after a crash, from its journal); `None`: a new one.
    pub code: Option<SessionCode>,
    /// Called after each accepted curve (the GUI asks for a repaint).
    pub on_accept: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl Default for LiveConfig {
    fn default() -> Self {
        Self {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: DEFAULT_PORT,
            rate: RateLimit::default(),
            max_participants: DEFAULT_MAX_PARTICIPANTS,
            segments: None,
            show_average: false,
            code: None,
            on_accept: None,
        }
    }
}

/// A fixed default port, so a session restarted after a crash is at the address the phones
/// already have.
pub const DEFAULT_PORT: u16 = 8765;
/// A room of a few hundred, with room to spare; a flood of new tokens stops here.
pub const DEFAULT_MAX_PARTICIPANTS: usize = 2_000;

#[derive(Debug)]
pub enum StartError {
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    Io(std::io::Error),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bind { addr, source } if source.kind() == std::io::ErrorKind::AddrInUse => {
                write!(
                    f,
                    "cannot listen on {addr}: the port is in use (another session?); pick \
                     another with --port, or --port 0 for any free port"
                )
            }
            Self::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            Self::Io(source) => write!(f, "cannot start the session: {source}"),
        }
    }
}

impl std::error::Error for StartError {}

/// A running session.
pub struct LiveHandle {
    shared: Arc<Shared>,
    local_addr: SocketAddr,
    url: String,
    shutdown: Option<tokio::sync::watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

/// After the stop is asked for, open connections get this long to finish.
const GRACE: Duration = Duration::from_secs(2);

impl LiveHandle {
    /// Starts serving `journey`'s session. `journal` is where accepted curves go first;
    /// `previous` are the curves its earlier run accepted (read back from it), so those
    /// participants replace rather than add when they send again. Accepted curves go to `sink`.
    pub fn start(
        journey: &Journey,
        config: LiveConfig,
        mut journal: Journal,
        previous: Vec<(String, Case)>,
        sink: Sender<Accepted>,
    ) -> Result<Self, StartError> {
        let addr = SocketAddr::new(config.bind, config.port);
        let listener =
            TcpListener::bind(addr).map_err(|source| StartError::Bind { addr, source })?;
        listener.set_nonblocking(true).map_err(StartError::Io)?;
        let local_addr = listener.local_addr().map_err(StartError::Io)?;
        let code = match config.code {
            Some(code) => code,
            None => SessionCode::random().map_err(StartError::Io)?,
        };
        journal
            .append(&JournalRecord::Session {
                code: code.to_string(),
            })
            .map_err(StartError::Io)?;
        let public = PublicJourney::of(journey, config.segments.as_deref());
        let rules = Rules::of(journey, &public.segments);
        let case_ids: HashSet<String> = journey.cases.iter().map(|c| c.id.clone()).collect();
        let page = assets::page(code.as_str(), public.direction, public.language);
        let shared = Arc::new(Shared {
            code,
            public,
            rules,
            page,
            status: AtomicU8::new(SessionStatus::Open.as_u8()),
            show_average: AtomicBool::new(config.show_average),
            book: Mutex::new(Book::new(
                journal,
                sink,
                case_ids,
                previous,
                config.max_participants,
            )),
            limiter: Mutex::new(Limiter::new(config.rate)),
            on_accept: config.on_accept,
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("emograph-live")
            .enable_all()
            .build()
            .map_err(StartError::Io)?;
        let (shutdown, mut stopping) = tokio::sync::watch::channel(false);
        let mut grace = stopping.clone();
        let app = router(shared.clone());
        let thread = std::thread::Builder::new()
            .name("emograph-live-server".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    let server = axum::serve(
                        listener,
                        app.into_make_service_with_connect_info::<SocketAddr>(),
                    )
                    .with_graceful_shutdown(async move {
                        let _ignored = stopping.wait_for(|stop| *stop).await;
                    });
                    tokio::select! {
                        _ = server.into_future() => {}
                        _ = async {
                            let _ignored = grace.wait_for(|stop| *stop).await;
                            tokio::time::sleep(GRACE).await;
                        } => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_millis(500));
            })
            .map_err(StartError::Io)?;
        let host = crate::address::participant_host(local_addr.ip());
        let url = format!(
            "http://{}/j/{}",
            SocketAddr::new(host, local_addr.port()),
            shared.code
        );
        Ok(Self {
            shared,
            local_addr,
            url,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    pub fn code(&self) -> &SessionCode {
        &self.shared.code
    }

    /// The address the server listens on (with the port it got, for `--port 0`).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The participants' address: what the QR code holds.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn status(&self) -> SessionStatus {
        self.shared.status()
    }

    fn set_status(&self, status: SessionStatus) {
        self.shared.status.store(status.as_u8(), Ordering::SeqCst);
    }

    /// Stops taking curves for a moment (sends are answered 503).
    pub fn pause(&self) {
        self.set_status(SessionStatus::Paused);
    }

    pub fn resume(&self) {
        self.set_status(SessionStatus::Open);
    }

    /// Stops taking curves for good (sends are answered 410); the page still shows what each
    /// participant sent.
    pub fn close(&self) {
        self.set_status(SessionStatus::Closed);
    }

    pub fn set_show_average(&self, show: bool) {
        self.shared.show_average.store(show, Ordering::SeqCst);
    }

    pub fn show_average(&self) -> bool {
        self.shared.show_average.load(Ordering::SeqCst)
    }

    /// How many participants have sent a curve.
    pub fn count(&self) -> usize {
        self.shared.book().count()
    }

    /// Ends the session: the port is free when this returns. Gives back the journal, which
    /// the owner finishes once the journey holding every curve is saved.
    pub fn stop(self) -> Option<Journal> {
        let shared = Arc::clone(&self.shared);
        drop(self);
        Arc::into_inner(shared)
            .and_then(|s| s.book.into_inner().ok())
            .map(Book::into_journal)
    }

    fn halt(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ignored = shutdown.send(true);
        }
        if let Some(thread) = self.thread.take() {
            let _ignored = thread.join();
        }
    }
}

impl Drop for LiveHandle {
    fn drop(&mut self) {
        self.halt();
    }
}
