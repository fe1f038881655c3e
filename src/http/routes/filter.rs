//! `/v1/filter`: which of a list of candidate suggestions (or result
//! titles) match the lists, in one call. The deciding is the domain's
//! ([`crate::filter`]); the candidates are counted as suggestions, never as
//! searches, and nothing about them but the two counts leaves the request.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use crate::http::auth::require_api_key;
use crate::http::error::ApiError;
use crate::http::extract::{FilterRequest, filter_body_limit, parse_json, read_json_body};
use crate::http::state::AppState;
use crate::keywords::Scratch;

/// The answer of `/v1/filter`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FilterResponse {
    /// The version of the lists that decided.
    pub list_version: String,
    /// The indices (from 0, ascending) of the items that match: leave them out.
    pub blocked: Vec<usize>,
}

/// Filters candidate suggestions sent as JSON.
#[utoipa::path(post, path = "/v1/filter", tag = "check",
    request_body(content = FilterRequest, content_type = "application/json"),
    responses(
        (status = 200, body = FilterResponse),
        (status = 400, body = crate::http::error::ErrorBody, description = "Bad JSON, missing `items`, an item that is not a string, invalid UTF-8 or parameter"),
        (status = 401, body = crate::http::error::ErrorBody, description = "`api_keys` are configured and no valid `Authorization: Bearer <key>` was sent (nothing is filtered or counted)"),
        (status = 413, body = crate::http::error::ErrorBody, description = "More than 100 items, an item over the query limit, or a body over the limit"),
        (status = 415, body = crate::http::error::ErrorBody, description = "Body is not application/json"),
    ))]
pub async fn filter(
    request: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    require_api_key(&request, &state)?;
    let body = read_json_body(&request, payload, filter_body_limit(&state.config.limits)).await?;
    let parsed: FilterRequest<'_> = parse_json(&body)?;
    let input = parsed.into_input(&state, state.clock(&request))?;
    let engine = state.engine.load();
    let outcome = crate::filter::run(&engine, &input, &mut Scratch::default());
    if state.analytics.store_name() != "none" {
        state.analytics.record(outcome.event);
    }
    let response = FilterResponse { list_version: engine.matcher.version().to_owned(), blocked: outcome.blocked };
    let json = serde_json::to_vec(&response).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .insert_header((header::CONTENT_TYPE, HeaderValue::from_static("application/json")))
        .body(json))
}
