//! Bearer tokens for the admin and research routes. A route whose token is
//! not configured answers 403 and says how to enable it; a wrong or missing
//! token answers 401. Tokens are compared in constant time.

use actix_web::HttpRequest;
use actix_web::http::header;
use sha2::{Digest, Sha256};

use super::error::ApiError;
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
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(given) = given else {
        return Err(ApiError::Unauthorized("send the token as `Authorization: Bearer <token>`"));
    };
    // Comparing digests keeps the comparison time independent of where the
    // strings differ and of their lengths.
    let (a, b) = (Sha256::digest(given.as_bytes()), Sha256::digest(expected.as_bytes()));
    let differ = a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    if differ != 0 {
        return Err(ApiError::Unauthorized("the token is not valid"));
    }
    Ok(())
}
