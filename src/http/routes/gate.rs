//! `/v1/gate`: the inline gate for proxies, so an operator can put signpost
//! in front of a search page without changing its code.
//!
//! - **nginx `auth_request`**: nginx sends a subrequest with the original URI
//!   in `X-Original-URI`; 2xx lets the search through, the configured status
//!   (403 by default) stops it, and `X-Signpost-Warning-Url` names the warning
//!   page to show instead.
//! - **Envoy `ext_authz` (HTTP mode)**: Envoy sends the original method and
//!   path under the configured prefix (`/v1/gate/search?q=...`); the answer's
//!   status, headers and JSON body go back to the client on a warning.
//!
//! The query is read from the first configured parameter present (`q`,
//! `query`, `search`, `s`). The gate fails open: a request it cannot read
//! (no query, bad encoding) is let through, and an over-long query is checked
//! on its first `limits.max_query_bytes` bytes. Optional headers:
//! `X-Signpost-Locale` (else `Accept-Language`), `X-Signpost-Country`,
//! `X-Signpost-Session`, `X-Signpost-Surface`. With `api_keys` configured,
//! a request without `Authorization: Bearer <key>` is let through unchecked
//! and uncounted.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

use crate::engine::Answer;
use crate::http::auth::require_api_key;
use crate::http::extract::gate_input;
use crate::http::middleware::{DECISION_HEADER, Decided};
use crate::http::reply::respond;
use crate::http::state::AppState;

/// Header naming the hosted warning page, on a warning.
pub const WARNING_URL_HEADER: HeaderName = HeaderName::from_static("x-signpost-warning-url");
/// Header naming the message variant, on a warning.
pub const VARIANT_HEADER: HeaderName = HeaderName::from_static("x-signpost-variant");

/// Decides the query of a proxied request.
#[utoipa::path(get, path = "/v1/gate", tag = "gate",
    params(("X-Original-URI" = Option<String>, Header, description = "The original request URI (nginx auth_request)")),
    responses(
        (status = 200, description = "Allow: let the search through"),
        (status = 403, body = crate::check::CheckResponse, description = "Warn (status configurable): show the warning; `X-Signpost-Warning-Url` names the hosted page"),
    ))]
pub async fn gate(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    // Without the operator's API key (when keys are configured) the gate
    // decides nothing and counts nothing, and fails open like any request
    // it cannot read: a prober learns nothing, and searches never break.
    if require_api_key(&request, &state).is_err() {
        static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if !WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            tracing::warn!(
                "a /v1/gate request without a valid API key was let through unchecked; give the proxy `Authorization: Bearer <key>`"
            );
        }
        request.extensions_mut().insert(Decided(Answer::Allow));
        return allow();
    }
    let Some(input) = gate_input(&request, &state) else {
        request.extensions_mut().insert(Decided(Answer::Allow));
        return allow();
    };
    let live = state.engine.load();
    let reply = respond(&state, &live, &input);
    request.extensions_mut().insert(Decided(reply.decision));
    if reply.decision != Answer::Warn {
        return allow();
    }
    let status = StatusCode::from_u16(state.config.gate.status).unwrap_or(StatusCode::FORBIDDEN);
    let mut builder = HttpResponse::build(status);
    builder.insert_header((DECISION_HEADER, HeaderValue::from_static("warn")));
    builder.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    if let Some(url) = reply.page_url.as_deref().and_then(|u| HeaderValue::from_str(u).ok()) {
        builder.insert_header((WARNING_URL_HEADER, url));
    }
    if let Some(variant) = reply.variant.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
        builder.insert_header((VARIANT_HEADER, variant));
    }
    builder.content_type("application/json").body(reply.json)
}

fn allow() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((DECISION_HEADER, HeaderValue::from_static("allow")))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .finish()
}
