//! Around every request: a request id, the request metrics, and a log line
//! with the method, the path *without its query string*, the status and the
//! latency. The query string is never logged: it holds the search.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, web};

use super::metrics::RequestLabels;
use super::state::AppState;

/// The header carrying the request id, in and out.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub use crate::web::DECISION_HEADER;

/// What a deciding route decided, left in the request's extensions for the
/// request metrics.
#[derive(Clone, Copy, Debug)]
pub struct Decided(pub crate::engine::Answer);

/// A request id given by the caller, if it is short and plain; else a new one.
fn request_id(req: &ServiceRequest) -> String {
    let given = req.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).filter(|v| {
        !v.is_empty()
            && v.len() <= 64
            && v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    });
    match given {
        Some(id) => id.to_owned(),
        None => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let value: u64 = rand::random();
            (0..16).map(|i| HEX[(value >> (60 - 4 * i) & 0xf) as usize] as char).collect()
        }
    }
}

/// The observing middleware.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, Error> {
    let started = Instant::now();
    let id = request_id(&req);
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let route = route_label(req.match_pattern().as_deref());
    let method = req.method().clone();
    let mut res = next.call(req).await?;
    let status = res.status();
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    let decided = res.request().extensions().get::<Decided>().map(|d| d.0);
    let elapsed = started.elapsed();
    if let Some(state) = state {
        let labels = request_labels(route, decided, status.as_u16(), state.config.metrics_decisions);
        state.metrics.requests.get_or_create(&labels).inc();
        state.metrics.latency.get_or_create(&labels).observe(elapsed.as_secs_f64());
    }
    if status.is_server_error() {
        tracing::error!(request_id = %id, %method, route, status = status.as_u16(), micros = elapsed.as_micros() as u64, "request failed");
    } else {
        tracing::debug!(request_id = %id, %method, route, status = status.as_u16(), micros = elapsed.as_micros() as u64, "request");
    }
    Ok(res)
}

/// The labels of one answered request. Unless the operator asks for
/// `decisions`, a decision is never told apart: not by a label, and not by
/// the status class of the gate (whose warning has a status of its own),
/// since such a counter moves by one with one person's search.
fn request_labels(
    route: &'static str,
    decided: Option<crate::engine::Answer>,
    status: u16,
    decisions: bool,
) -> RequestLabels {
    let class = match status {
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    match decided {
        Some(answer) if decisions => RequestLabels { route, decision: answer.as_str(), status: class },
        Some(_) if status < 500 => RequestLabels { route, decision: "none", status: "decided" },
        _ => RequestLabels { route, decision: "none", status: class },
    }
}

/// The metric label of a route pattern: one of the service's own patterns,
/// so labels never carry a raw path.
fn route_label(pattern: Option<&str>) -> &'static str {
    const ROUTES: &[&str] = &[
        "/v1/check",
        "/v1/gate",
        "/v1/gate/{tail:.*}",
        "/v1/events",
        "/v1/chat",
        "/v1/stats",
        "/v1/go/{helpline_id}",
        "/warning",
        "/assets/warning.css",
        "/embed/signpost.js",
        "/demo",
        "/demo/app.js",
        "/demo/app.css",
        "/dashboard",
        "/dashboard/sign-in",
        "/assets/dashboard.css",
        "/healthz",
        "/readyz",
        "/metrics",
        "/openapi.json",
        "/admin/reload",
    ];
    pattern.and_then(|p| ROUTES.iter().find(|r| **r == p).copied()).unwrap_or("unmatched")
}
