//! `/healthz` (the process answers) and `/readyz` (lists and content loaded,
//! and the state of the analytics sink).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use crate::http::auth::require_if_configured;
use crate::http::error::ApiError;
use crate::http::state::AppState;

/// The answer of `/readyz`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Readiness {
    /// `ready`, or `degraded` when analytics cannot write (checks are still answered).
    pub status: &'static str,
    /// The loaded list version.
    pub list_version: String,
    /// Entries in the loaded lists.
    pub entries: usize,
    /// The loaded content version.
    pub content_version: String,
    /// The analytics sink: `none`, `embedded` or `redis`.
    pub analytics_sink: &'static str,
    /// Whether the analytics sink accepts writes.
    pub analytics_up: bool,
    /// Whether the service runs in demo mode (the embedded demo lists, or
    /// `demo = true`): only then does it serve `/demo` and accept the
    /// back-dated traffic of `signpost simulate`.
    pub demo: bool,
    /// Seconds since start.
    pub uptime_seconds: u64,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, description = "The process is alive")))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok\n")
}

/// Readiness: lists and content are loaded; reports the analytics sink.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses((status = 200, body = Readiness)))]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let engine = state.engine.load();
    let (sink, up) = (state.analytics_sink_name(), state.analytics_up());
    HttpResponse::Ok().json(Readiness {
        status: if up { "ready" } else { "degraded" },
        list_version: engine.matcher.version().to_owned(),
        entries: engine.matcher.entries_len(),
        content_version: engine.content.version().to_owned(),
        analytics_sink: sink,
        analytics_up: up,
        demo: state.demo_mode(),
        uptime_seconds: state.started.elapsed().as_secs(),
    })
}

/// Prometheus metrics; behind `metrics_token` when one is configured.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses(
    (status = 200, description = "Prometheus text format", content_type = "text/plain"),
    (status = 401, body = crate::http::error::ErrorBody, description = "`metrics_token` is set and was not sent"),
))]
pub async fn metrics(request: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    require_if_configured(&request, state.config.metrics_token.as_deref())?;
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(state.metrics.render()))
}
