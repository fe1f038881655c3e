//! `/v1/check`: the inline decision for one query, with the warning payload
//! on a match. `POST` takes JSON, `GET` takes query parameters. The check
//! itself is the domain's ([`crate::check`]); this route reads the request
//! (`http::extract`) and sends the answer (`http::reply`).

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

use crate::check::CheckInput;
use crate::http::auth::require_api_key;
use crate::http::error::ApiError;
use crate::http::extract::{CheckRequest, parse_json, read_json_body};
use crate::http::middleware::Decided;
use crate::http::reply::respond;
use crate::http::state::AppState;

/// Checks a query sent as JSON.
#[utoipa::path(post, path = "/v1/check", tag = "check",
    request_body(content = CheckRequest, content_type = "application/json"),
    responses(
        (status = 200, body = crate::check::CheckResponse),
        (status = 400, body = crate::http::error::ErrorBody, description = "Bad JSON, missing `q`, invalid UTF-8 or parameter"),
        (status = 401, body = crate::http::error::ErrorBody, description = "`api_keys` are configured and no valid `Authorization: Bearer <key>` was sent (nothing is checked or counted)"),
        (status = 413, body = crate::http::error::ErrorBody, description = "Query or body over the limit"),
        (status = 415, body = crate::http::error::ErrorBody, description = "Body is not application/json"),
    ))]
pub async fn check_post(
    request: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    require_api_key(&request, &state)?;
    let body = read_json_body(&request, payload, state.config.limits.max_body_bytes).await?;
    let parsed: CheckRequest<'_> = parse_json(&body)?;
    let input = parsed.into_input(&state, state.clock(&request))?;
    Ok(answer(&request, &state, &input))
}

/// Checks a query sent as query parameters.
#[utoipa::path(get, path = "/v1/check", tag = "check",
    params(CheckRequest),
    responses(
        (status = 200, body = crate::check::CheckResponse),
        (status = 400, body = crate::http::error::ErrorBody, description = "Missing `q`, invalid UTF-8 or parameter"),
        (status = 413, body = crate::http::error::ErrorBody, description = "Query over the limit"),
    ))]
pub async fn check_get(request: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    require_api_key(&request, &state)?;
    let parsed = CheckRequest::from_query_string(request.query_string())?;
    let input = parsed.into_input(&state, state.clock(&request))?;
    Ok(answer(&request, &state, &input))
}

/// Decides `input` and sends its answer.
fn answer(request: &HttpRequest, state: &AppState, input: &CheckInput<'_>) -> HttpResponse {
    let reply = respond(state, &state.engine.load(), input);
    request.extensions_mut().insert(Decided(reply.decision));
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .insert_header((header::CONTENT_TYPE, HeaderValue::from_static("application/json")))
        .body(reply.json)
}
