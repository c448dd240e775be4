//! The routes: the participant page and its two files, the journey as the page needs it, and
//! a participant's curve (send, and read back). Every request passes [`guard`] first: the rate
//! limit per client, then the session code in the path.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::assets;
use crate::book::Book;
use crate::code::SessionCode;
use crate::handle::SessionStatus;
use crate::limiter::Limiter;
use crate::public::PublicJourney;
use crate::reply::{Refusal, json_ok};
use crate::submission::{self, MAX_BODY_BYTES, Rules, SentCurve};

/// Only the page's own files, scripts and requests; nothing inline, nothing from elsewhere, no
/// framing (a hostile page cannot overlay ours), no forms posting elsewhere.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

/// A request that takes longer than this (a client trickling its body) is cut off.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What the handlers share: fixed at the start but for the status, the average switch, the
/// book of participants and the rate limiter.
pub struct Shared {
    pub code: SessionCode,
    pub public: PublicJourney,
    pub rules: Rules,
    pub page: String,
    pub status: AtomicU8,
    pub show_average: AtomicBool,
    pub book: Mutex<Book>,
    pub limiter: Mutex<Limiter>,
    pub on_accept: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl Shared {
    pub fn status(&self) -> SessionStatus {
        SessionStatus::from_u8(self.status.load(Ordering::SeqCst))
    }

    pub fn book(&self) -> MutexGuard<'_, Book> {
        // A panic while holding the lock is a bug; the book itself is still whole.
        self.book
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/j/{code}", get(page))
        .route("/j/{code}/page.js", get(script))
        .route("/j/{code}/page.css", get(style))
        .route("/j/{code}/journey", get(journey))
        .route("/j/{code}/curve", get(sent_curve).post(send_curve))
        .fallback(|| async { Refusal::not_found() })
        .layer(middleware::from_fn_with_state(shared.clone(), guard))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            // The session code is in the URL: it never leaves in a Referer header.
            HeaderValue::from_static("no-referrer"),
        ))
        .with_state(shared)
}

/// The rate limit, then the code: a guesser pays for every wrong code.
async fn guard(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let allowed = shared
        .limiter
        .lock()
        .map(|mut limiter| limiter.allow(peer.ip(), Instant::now()))
        .unwrap_or(true);
    if !allowed {
        return Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests from this device; wait a moment and try again.",
        )
        .into_response();
    }
    let mut segments = request.uri().path().split('/').skip(1);
    let right_code = segments.next() == Some("j")
        && segments
            .next()
            .is_some_and(|code| shared.code.matches(code));
    if !right_code {
        return Refusal::not_found().into_response();
    }
    next.run(request).await
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn page(State(shared): State<Arc<Shared>>) -> Response {
    let mut response = (StatusCode::OK, shared.page.clone()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", assets::SCRIPT)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", assets::STYLE)
}

#[derive(Serialize)]
struct JourneyReply<'a> {
    #[serde(flatten)]
    journey: &'a PublicJourney,
    status: SessionStatus,
}

async fn journey(State(shared): State<Arc<Shared>>) -> Response {
    json_ok(&JourneyReply {
        journey: &shared.public,
        status: shared.status(),
    })
}

#[derive(Deserialize)]
struct ParticipantQuery {
    #[serde(default)]
    participant: String,
}

/// The room's average, when the facilitator shows it.
#[derive(Serialize)]
struct Room {
    average: std::collections::BTreeMap<String, f64>,
    count: usize,
}

fn room(shared: &Shared, book: &Book) -> Option<Room> {
    shared.show_average.load(Ordering::SeqCst).then(|| {
        let (average, count) = book.average();
        Room { average, count }
    })
}

#[derive(Serialize)]
struct SentReply {
    #[serde(flatten)]
    sent: SentCurve,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<Room>,
}

async fn sent_curve(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<ParticipantQuery>,
) -> Response {
    if !submission::valid_token(&query.participant) {
        return Refusal::new(
            StatusCode::BAD_REQUEST,
            "bad_participant",
            "Name the participant: ?participant=TOKEN (16 to 128 letters, digits, - or _).",
        )
        .into_response();
    }
    let book = shared.book();
    match book.sent_by(&query.participant) {
        Some(case) => json_ok(&SentReply {
            sent: SentCurve::of(case),
            room: room(&shared, &book),
        }),
        None => Refusal::new(
            StatusCode::NOT_FOUND,
            "not_sent",
            "Nothing was sent from this device yet.",
        )
        .into_response(),
    }
}

#[derive(Serialize)]
struct SendReply {
    case: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<Room>,
}

async fn send_curve(State(shared): State<Arc<Shared>>, body: Body) -> Response {
    match accept(shared, body).await {
        Ok(reply) => json_ok(&reply),
        Err(refusal) => refusal.into_response(),
    }
}

async fn accept(shared: Arc<Shared>, body: Body) -> Result<SendReply, Refusal> {
    match shared.status() {
        SessionStatus::Open => {}
        SessionStatus::Paused => {
            return Err(Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "paused",
                "The facilitator paused sending for a moment; send again shortly.",
            ));
        }
        SessionStatus::Closed => {
            return Err(Refusal::new(
                StatusCode::GONE,
                "closed",
                "This session is closed: no more curves are taken. Thank you!",
            ));
        }
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("A curve is at most {} KiB.", MAX_BODY_BYTES / 1024),
            )
        })?;
    let submission = submission::parse(&bytes)?;
    let participant = submission.participant.clone();
    let case = submission::to_case(submission, &shared.rules)?;
    // The journal write waits for the disk: off the async workers.
    let task = tokio::task::spawn_blocking(move || {
        let mut book = shared.book();
        let id = book.accept(participant, case)?;
        let room = room(&shared, &book);
        drop(book);
        if let Some(wake) = &shared.on_accept {
            wake();
        }
        Ok(SendReply { case: id, room })
    });
    task.await.unwrap_or_else(|e| {
        Err(Refusal::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "not_saved",
            format!("The curve could not be saved ({e}); please send it again."),
        ))
    })
}
