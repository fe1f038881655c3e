//! Bearer tokens for the admin and research routes (and `/metrics` when
//! its optional token is set). A route whose token is
//! not configured answers 403 and says how to enable it; a wrong or missing
//! token answers 401. Tokens are compared in constant time.

use actix_web::http::header;
use actix_web::{HttpRequest, web};
use sha2::{Digest, Sha256};

use super::error::ApiError;
use super::session::DashboardSessions;
use super::state::AppState;

/// Which token a route needs.
#[derive(Clone, Copy, Debug)]
pub enum Access {
    /// `admin_token` (`SIGNPOST_ADMIN_TOKEN`).
    Admin,
    /// `research_token` (`SIGNPOST_RESEARCH_TOKEN`).
    Research,
}

/// Passes when the request carries the configured bearer token for `access`.
pub fn require(request: &HttpRequest, state: &AppState, access: Access) -> Result<(), ApiError> {
    let (expected, variable, what) = match access {
        Access::Admin => (&state.config.admin_token, "SIGNPOST_ADMIN_TOKEN", "admin routes"),
        Access::Research => (&state.config.research_token, "SIGNPOST_RESEARCH_TOKEN", "research routes"),
    };
    let Some(expected) = expected else {
        return Err(ApiError::Forbidden(format!(
            "{what} are switched off: set {variable} (or `{}` in the config file) to a secret of 16+ characters to enable them",
            variable.trim_start_matches("SIGNPOST_").to_lowercase()
        )));
    };
    let given = bearer(request);
    // A browser on the dashboard carries a cookie derived from the token instead.
    if given.is_none() && matches!(access, Access::Research) {
        if let Some(cookie) = request.cookie(DASHBOARD_COOKIE) {
            if state.dashboard_sessions.verify(cookie.value(), expected, crate::analytics::token::now_seconds()) {
                return Ok(());
            }
        }
    }
    let Some(given) = given else {
        return Err(ApiError::Unauthorized("send the token as `Authorization: Bearer <token>`"));
    };
    if !same(given, expected) {
        return Err(ApiError::Unauthorized("the token is not valid"));
    }
    Ok(())
}

/// [`require`] for [`Access::Research`], and, when a dashboard cookie
/// rather than the token let the request in and a fleet shares Redis, also
/// that no instance signed the session out. While Redis cannot answer, this
/// instance's own record of sign-outs decides.
pub async fn require_research(request: &HttpRequest, state: &web::Data<AppState>) -> Result<(), ApiError> {
    require(request, state, Access::Research)?;
    if bearer(request).is_some() || !state.replay.is_shared() {
        return Ok(());
    }
    let Some((id, _)) = request.cookie(DASHBOARD_COOKIE).and_then(|c| DashboardSessions::id_of(c.value())) else {
        return Ok(());
    };
    let replay = std::sync::Arc::clone(&state.replay);
    let revoked = web::block(move || replay.session_revoked(id)).await.ok().flatten();
    if revoked == Some(true) {
        return Err(ApiError::Unauthorized("this dashboard session was signed out"));
    }
    Ok(())
}

/// Passes when no operator API key is configured (`api_keys`), or when the
/// request carries one of them: the check routes (`/v1/check`, `/v1/gate`).
/// Every key is compared, in constant time, whatever the first comparisons
/// gave.
pub fn require_api_key(request: &HttpRequest, state: &AppState) -> Result<(), ApiError> {
    let keys = &state.config.api_keys;
    if keys.is_empty() {
        return Ok(());
    }
    let Some(given) = bearer(request) else {
        return Err(ApiError::Unauthorized(
            "this service requires an operator API key: send it as `Authorization: Bearer <key>` from your backend",
        ));
    };
    if !keys.iter().fold(false, |found, key| same(given, key) | found) {
        return Err(ApiError::Unauthorized("the API key is not valid"));
    }
    Ok(())
}

/// Passes when no token is configured for an optional route (`/metrics`),
/// or when the request carries it.
pub fn require_if_configured(request: &HttpRequest, expected: Option<&str>) -> Result<(), ApiError> {
    let Some(expected) = expected else { return Ok(()) };
    match bearer(request) {
        None => Err(ApiError::Unauthorized("send the token as `Authorization: Bearer <token>`")),
        Some(given) if !same(given, expected) => Err(ApiError::Unauthorized("the token is not valid")),
        Some(_) => Ok(()),
    }
}

/// The bearer token of `request`, if any.
fn bearer(request: &HttpRequest) -> Option<&str> {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The cookie of a browser signed in to the dashboard.
pub const DASHBOARD_COOKIE: &str = "signpost_research";

/// Compares secrets in time independent of where they differ and of their
/// lengths (their digests are compared).
pub fn same(given: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    let (a, b) = (Sha256::digest(given.as_bytes()), Sha256::digest(expected.as_bytes()));
    a.as_slice().ct_eq(b.as_slice()).into()
}
