//! The API's answers: JSON, and for a refusal `{"error": KIND, "message": WORDS}` with the
//! HTTP status that says what kind of refusal it is.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A refused request: nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: StatusCode,
    /// A stable word for scripts and the page ("unknown_touchpoint", "closed" …).
    pub kind: &'static str,
    /// What went wrong, in words a participant understands.
    pub message: String,
}

impl Refusal {
    pub fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            kind,
            message: message.into(),
        }
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "There is no session here. Check the address (or scan the code again).",
        )
    }

    pub fn invalid(kind: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, kind, message)
    }
}

#[derive(Serialize)]
struct RefusalBody<'a> {
    error: &'a str,
    message: &'a str,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = RefusalBody {
            error: self.kind,
            message: &self.message,
        };
        let mut response = (self.status, json_bytes(&body)).into_response();
        set_json(&mut response);
        if self.status == StatusCode::TOO_MANY_REQUESTS
            || self.status == StatusCode::SERVICE_UNAVAILABLE
        {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
        }
        response
    }
}

/// A 200 answer with `value` as JSON, never cached (it changes as the room sends).
pub fn json_ok(value: &impl Serialize) -> Response {
    let mut response = (StatusCode::OK, json_bytes(value)).into_response();
    set_json(&mut response);
    response
}

fn json_bytes(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec())
}

fn set_json(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}
