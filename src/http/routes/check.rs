//! `/v1/check`: the inline decision for one query, with the warning payload
//! on a match. `POST` takes JSON, `GET` takes query parameters.

use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use crate::analytics::pseudonym::{SessionKey, utc_day};
use crate::analytics::token::{Claims, now_seconds};
use crate::deterrence::{ChatStep, HelplineView, Theme, Ui};
use crate::engine::{Decision, Engine};
use crate::http::error::ApiError;
use crate::http::middleware::DecisionTag;
use crate::http::state::AppState;
use crate::keywords::{Match, Verdict};

/// A check request. Only `q` is required.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CheckRequest {
    /// The search query, as the person typed it (at most `limits.max_query_bytes` bytes).
    pub q: Option<String>,
    /// The reader's language (BCP 47, e.g. `en-GB`); picks the warning's language.
    pub locale: Option<String>,
    /// The reader's country (ISO 3166-1 alpha-2, e.g. `GB`); picks the helplines.
    pub country: Option<String>,
    /// The operator's session id. Pseudonymised under a daily salt, never stored; keeps the message variant
    /// stable for the day and lets repeat warnings be counted.
    pub session: Option<String>,
    /// Where the query was typed (`search`, `chat`, ...): lowercase letters, digits, `-`, `_`.
    pub surface: Option<String>,
}

/// A request after validation.
pub struct CheckInput {
    /// The query.
    pub query: String,
    /// The locale as given.
    pub locale: Option<String>,
    /// Upper-case country code.
    pub country: Option<String>,
    /// The session's pseudonym for today.
    pub session: Option<SessionKey>,
    /// The surface.
    pub surface: Option<String>,
}

/// The answer of a check.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckResponse {
    /// `warn`: show the warning instead of results; `allow`: show results.
    #[schema(example = "warn")]
    pub decision: &'static str,
    /// The version of the lists (and matching engine) that decided.
    pub list_version: String,
    /// What to show, on `warn`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<WarningPayload>,
    /// Matched entry ids and categories, only in explain mode (`check.explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<Match>>,
}

/// Everything shown instead of results.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WarningPayload {
    /// The message variant shown.
    #[schema(value_type = String)]
    pub variant: Arc<str>,
    /// What the variant stresses first.
    pub theme: Theme,
    /// The language of the text.
    pub locale: String,
    /// Heading.
    pub title: String,
    /// Text: no results are shown, the material is illegal and harms children, help is available.
    pub body: String,
    /// Services for the reader's country, then services that serve everyone.
    pub helplines: Vec<TrackedHelpline>,
    /// The guided chat's first step.
    pub chatbot: Option<ChatStep>,
    /// Interface labels in the same language.
    pub ui: Ui,
    /// A hosted warning page showing the same, for operators that redirect.
    pub page_url: String,
    /// Signed, expiring token to send back with events (`POST /v1/events`).
    pub event_token: String,
}

/// A helpline with its tracked link.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TrackedHelpline {
    /// The directory entry.
    #[serde(flatten)]
    pub helpline: HelplineView,
    /// Link through signpost that counts the click and redirects to the service.
    pub tracked_url: String,
}

/// Checks a query sent as JSON.
#[utoipa::path(post, path = "/v1/check", tag = "check",
    request_body(content = CheckRequest, content_type = "application/json"),
    responses(
        (status = 200, body = CheckResponse),
        (status = 400, body = crate::http::error::ErrorBody, description = "Bad JSON, missing `q`, invalid UTF-8 or parameter"),
        (status = 413, body = crate::http::error::ErrorBody, description = "Query or body over the limit"),
        (status = 415, body = crate::http::error::ErrorBody, description = "Body is not application/json"),
    ))]
pub async fn check_post(
    request: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let body = read_json_body(&request, payload, state.config.limits.max_body_bytes).await?;
    let text = std::str::from_utf8(&body).map_err(|_| ApiError::InvalidUtf8("the request body"))?;
    let parsed: CheckRequest = serde_json::from_str(text).map_err(|e| ApiError::InvalidJson(json_error(&e)))?;
    answer(&state, validate(parsed, &state)?)
}

/// Checks a query sent as query parameters.
#[utoipa::path(get, path = "/v1/check", tag = "check",
    params(CheckRequest),
    responses(
        (status = 200, body = CheckResponse),
        (status = 400, body = crate::http::error::ErrorBody, description = "Missing `q`, invalid UTF-8 or parameter"),
        (status = 413, body = crate::http::error::ErrorBody, description = "Query over the limit"),
    ))]
pub async fn check_get(request: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut parsed = CheckRequest::default();
    for (key, value) in strict_query_pairs(request.query_string())? {
        let slot = match key.as_str() {
            "q" => &mut parsed.q,
            "locale" => &mut parsed.locale,
            "country" => &mut parsed.country,
            "session" => &mut parsed.session,
            "surface" => &mut parsed.surface,
            _ => {
                return Err(ApiError::InvalidParameter(
                    "unknown query parameter; known: q, locale, country, session, surface".into(),
                ));
            }
        };
        if slot.is_some() {
            return Err(ApiError::InvalidParameter(format!("`{key}` is given twice")));
        }
        *slot = Some(value);
    }
    answer(&state, validate(parsed, &state)?)
}

/// Decodes a query string, refusing percent-escapes that are not UTF-8
/// (lenient decoders would silently turn them into replacement characters).
pub(crate) fn strict_query_pairs(query: &str) -> Result<Vec<(String, String)>, ApiError> {
    let decode = |part: &str| -> Result<String, ApiError> {
        let plus_as_space = part.replace('+', " ");
        let bytes: Vec<u8> = percent_encoding::percent_decode_str(&plus_as_space).collect();
        String::from_utf8(bytes).map_err(|_| ApiError::InvalidUtf8("a query parameter"))
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(key)?, decode(value)?))
        })
        .collect()
}

/// Reads a JSON body up to `limit` bytes.
pub(crate) async fn read_json_body(
    request: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<web::BytesMut, ApiError> {
    let is_json = request.mime_type().ok().flatten().is_some_and(|mime| {
        mime.type_() == "application" && (mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
    });
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return Err(ApiError::BodyTooLarge { limit });
    }
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(256).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::InvalidJson(format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::BodyTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A serde_json error in words that do not echo the body.
pub(crate) fn json_error(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Data => {
            let message = error.to_string();
            // Data errors name fields and types, never the values sent.
            let message = message.split(" at line").next().unwrap_or(&message).to_owned();
            format!("the JSON does not have the expected shape: {message}")
        }
        Category::Syntax | Category::Eof => {
            format!("the body is not valid JSON (line {}, column {})", error.line(), error.column())
        }
        Category::Io => "the body could not be read".to_owned(),
    }
}

fn validate(parsed: CheckRequest, state: &AppState) -> Result<CheckInput, ApiError> {
    let query = parsed.q.ok_or(ApiError::MissingQuery)?;
    let limit = state.config.limits.max_query_bytes;
    if query.len() > limit {
        return Err(ApiError::QueryTooLong { len: query.len(), limit });
    }
    let locale = match parsed.locale {
        Some(locale) if !valid_locale(&locale) => {
            return Err(ApiError::InvalidParameter(
                "`locale` must be a language tag like `en`, `nl-BE` or `pt_BR` (at most 35 characters)".into(),
            ));
        }
        other => other,
    };
    let country = match parsed.country {
        Some(country) if country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(country.to_ascii_uppercase())
        }
        Some(_) => {
            return Err(ApiError::InvalidParameter("`country` must be an ISO 3166-1 alpha-2 code like `GB`".into()));
        }
        None => None,
    };
    let session = match parsed.session {
        Some(session) if session.is_empty() || session.len() > 256 => {
            return Err(ApiError::InvalidParameter("`session` must be 1 to 256 bytes".into()));
        }
        Some(session) => Some(state.pseudonyms.key(&session, utc_day(now_seconds()))),
        None => None,
    };
    let surface = match parsed.surface {
        Some(surface) if !valid_surface(&surface) => {
            return Err(ApiError::InvalidParameter(
                "`surface` must be 1 to 32 characters of a-z, 0-9, `-` and `_`".into(),
            ));
        }
        other => other,
    };
    Ok(CheckInput { query, locale, country, session, surface })
}

fn valid_locale(locale: &str) -> bool {
    !locale.is_empty()
        && locale.len() <= 35
        && locale.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && locale.as_bytes()[0].is_ascii_alphabetic()
}

fn valid_surface(surface: &str) -> bool {
    (1..=32).contains(&surface.len())
        && surface.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Decides `input` and builds the answer.
pub(crate) fn answer(state: &AppState, input: CheckInput) -> Result<HttpResponse, ApiError> {
    let engine = state.engine.load();
    let response = respond(state, &engine, &input);
    let tag = if response.decision == "warn" { "warn" } else { "allow" };
    let mut http = HttpResponse::Ok();
    http.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    let mut http = http.json(response);
    http.extensions_mut().insert(DecisionTag(tag));
    Ok(http)
}

/// The decision and payload for `input` on `engine`.
pub(crate) fn respond(state: &AppState, engine: &Engine, input: &CheckInput) -> CheckResponse {
    let decision = engine.decide(&input.query, input.session.as_ref().map(|k| &k.0));
    let list_version = engine.matcher.version().to_owned();
    let matches = if state.config.check.explain { decision.verdict().map(|v| v.matches().to_vec()) } else { None };
    match decision {
        Decision::Allow | Decision::Control { .. } => {
            CheckResponse { decision: "allow", list_version, warning: None, matches }
        }
        Decision::Warn { verdict, variant } => {
            let warning = warning_payload(state, engine, input, &verdict, &variant);
            CheckResponse { decision: "warn", list_version, warning: Some(warning), matches }
        }
    }
}

fn warning_payload(
    state: &AppState,
    engine: &Engine,
    input: &CheckInput,
    verdict: &Verdict,
    variant: &str,
) -> WarningPayload {
    let text = engine.content.warning(variant, input.locale.as_deref().unwrap_or("en"), input.country.as_deref());
    let first = verdict.matches().first();
    let token = state.tokens.issue(Claims {
        exp: 0,
        variant: text.variant.to_string(),
        locale: text.locale.clone(),
        country: input.country.clone(),
        surface: input.surface.clone(),
        list_version: engine.matcher.version().to_owned(),
        category: first.map(|m| m.category.to_string()).unwrap_or_default(),
        entry: first.map(|m| m.entry.to_string()).unwrap_or_default(),
    });
    let base = &state.public_base;
    let helplines = text
        .helplines
        .into_iter()
        .map(|helpline| {
            let tracked_url = format!("{base}/v1/go/{}?t={token}", helpline.id);
            TrackedHelpline { helpline, tracked_url }
        })
        .collect();
    WarningPayload {
        page_url: format!("{base}/warning?t={token}&locale={}", text.locale),
        variant: text.variant,
        theme: text.theme,
        locale: text.locale,
        title: text.title,
        body: text.body,
        helplines,
        chatbot: text.chatbot,
        ui: text.ui,
        event_token: token,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_and_surfaces() {
        for ok in ["en", "en-GB", "pt_BR", "zh-Hant-TW"] {
            assert!(valid_locale(ok), "{ok}");
        }
        for bad in ["", "-en", "en GB", "<script>", &"a".repeat(36)] {
            assert!(!valid_locale(bad), "{bad}");
        }
        assert!(valid_surface("search"));
        assert!(!valid_surface("Search"));
        assert!(!valid_surface(""));
    }
}
