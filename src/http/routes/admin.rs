//! `/admin/reload`: re-read and compile lists and content, then swap them in.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::auth::{Access, require};
use crate::http::error::ApiError;
use crate::http::state::{AppState, ReloadReport};

/// Reloads lists and content. A broken list is refused with its
/// `file:line` reasons and the old one keeps serving.
#[utoipa::path(post, path = "/admin/reload", tag = "admin",
    security(("bearer" = [])),
    responses(
        (status = 200, body = ReloadReport, description = "Swapped in"),
        (status = 401, body = crate::http::error::ErrorBody, description = "Missing or wrong token"),
        (status = 403, body = crate::http::error::ErrorBody, description = "No admin token configured"),
        (status = 422, body = crate::http::error::ErrorBody, description = "Refused; the old lists keep serving"),
    ))]
pub async fn reload(request: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    require(&request, &state, Access::Admin)?;
    let state = state.into_inner();
    match state.reload().await {
        Ok(report) => Ok(HttpResponse::Ok().json(report)),
        Err(error) => Err(ApiError::ReloadRefused(error.to_string())),
    }
}
