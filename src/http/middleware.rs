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

/// What a handler decided, attached to its response for the metrics.
#[derive(Clone, Copy, Debug)]
pub struct DecisionTag(pub &'static str);

/// A request id given by the caller, if it is short and plain; else a new one.
fn request_id(req: &ServiceRequest) -> String {
    let given = req.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).filter(|v| {
        !v.is_empty()
            && v.len() <= 64
            && v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    });
    match given {
        Some(id) => id.to_owned(),
        None => format!("{:016x}", rand::random::<u64>()),
    }
}

/// The observing middleware.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, Error> {
    let started = Instant::now();
    let id = request_id(&req);
    req.extensions_mut().insert(RequestId(id.clone()));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let route = req.match_pattern().unwrap_or_else(|| "unmatched".to_owned());
    let method = req.method().clone();
    let path = req.path().to_owned();
    let mut res = next.call(req).await?;
    let status = res.status();
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    let decision = res.response().extensions().get::<DecisionTag>().map_or("none", |d| d.0);
    let elapsed = started.elapsed();
    if let Some(state) = state {
        let class = match status.as_u16() {
            200..=299 => "2xx",
            300..=399 => "3xx",
            400..=499 => "4xx",
            _ => "5xx",
        };
        let labels = RequestLabels { route, decision, status: class };
        state.metrics.requests.get_or_create(&labels).inc();
        state.metrics.latency.get_or_create(&labels).observe(elapsed.as_secs_f64());
    }
    if status.is_server_error() {
        tracing::error!(request_id = %id, %method, %path, status = status.as_u16(), micros = elapsed.as_micros() as u64, "request failed");
    } else {
        tracing::debug!(request_id = %id, %method, %path, status = status.as_u16(), micros = elapsed.as_micros() as u64, "request");
    }
    Ok(res)
}

/// The request id, for handlers that log.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);
