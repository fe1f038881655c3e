//! `/v1/check`: the inline decision for one query, with the warning payload
//! on a match. `POST` takes JSON, `GET` takes query parameters.

use std::borrow::Cow;
use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use crate::analytics::pseudonym::{SessionKey, utc_day};
use crate::analytics::token::Claims;
use crate::analytics::{Dims, Event, EventKind, Tag};
use crate::config::{OTHER_SURFACE, valid_surface};
use crate::deterrence::CONTROL_ARM;
use crate::deterrence::{ChatStep, HelplineView, Theme, Ui};
use crate::engine::{Answer, Decision, Engine};
use crate::http::error::ApiError;
use crate::http::middleware::Decided;
use crate::http::state::{AppState, Live};
use crate::keywords::Match;

/// A check request. Only `q` is required. (Fields borrow from the body when
/// they can: a check should not allocate for what it only reads.)
#[derive(Debug, Default, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CheckRequest<'a> {
    /// The search query, as the person typed it (at most `limits.max_query_bytes` bytes).
    #[serde(borrow)]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub q: Option<Cow<'a, str>>,
    /// The reader's language (BCP 47, e.g. `en-GB`); picks the warning's language.
    #[serde(borrow)]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub locale: Option<Cow<'a, str>>,
    /// The reader's country (ISO 3166-1 alpha-2, e.g. `GB`); picks the helplines.
    #[serde(borrow)]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub country: Option<Cow<'a, str>>,
    /// The operator's session id. Pseudonymised under a daily salt, never stored; keeps the message variant
    /// stable for the day and lets repeat warnings be counted.
    #[serde(borrow)]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub session: Option<Cow<'a, str>>,
    /// Where the query was typed (`search`, `chat`, ...): lowercase letters, digits, `-`, `_`. Counted
    /// under its name when listed in `analytics.surfaces`, otherwise as `other`.
    #[serde(borrow)]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub surface: Option<Cow<'a, str>>,
}

/// A request after validation.
pub struct CheckInput<'a> {
    /// The query.
    pub query: Cow<'a, str>,
    /// The locale as given.
    pub locale: Option<Cow<'a, str>>,
    /// Upper-case country code.
    pub country: Option<Cow<'a, str>>,
    /// The session's pseudonym for today.
    pub session: Option<SessionKey>,
    /// The surface as counted: a configured name or `other`.
    pub surface: Option<Cow<'a, str>>,
    /// When the check happened (seconds since the Unix epoch).
    pub at: u64,
}

/// The answer of a check.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckResponse {
    /// `warn`: show the warning instead of results; `allow`: show results.
    pub decision: Answer,
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
    let parsed: CheckRequest<'_> = parse_json(&body)?;
    answer(&request, &state, validate(parsed, &state, state.clock(&request))?)
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
    for_each_query_pair(request.query_string(), |key, value| {
        let slot = match &*key {
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
        Ok(())
    })?;
    answer(&request, &state, validate(parsed, &state, state.clock(&request))?)
}

/// Decodes a query string pair by pair, refusing percent-escapes that are
/// not UTF-8 (lenient decoders would silently turn them into replacement
/// characters). Parts without escapes are borrowed, not copied.
pub(crate) fn for_each_query_pair<'a>(
    query: &'a str,
    mut f: impl FnMut(Cow<'a, str>, Cow<'a, str>) -> Result<(), ApiError>,
) -> Result<(), ApiError> {
    let bytes = query.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let mut equals = None;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'&' {
            if equals.is_none() && bytes[end] == b'=' {
                equals = Some(end);
            }
            end += 1;
        }
        if end > start {
            // `&` and `=` are ASCII, so these are character boundaries.
            let (key, value) = match equals {
                Some(at) => (&query[start..at], &query[at + 1..end]),
                None => (&query[start..end], ""),
            };
            f(decode_query_part(key)?, decode_query_part(value)?)?;
        }
        start = end + 1;
    }
    Ok(())
}

/// One `application/x-www-form-urlencoded` part: `+` is a space, `%XY` a
/// byte (`percent-encoding`; a `%` not followed by two hex digits is kept).
fn decode_query_part(part: &str) -> Result<Cow<'_, str>, ApiError> {
    let invalid = |_| ApiError::InvalidUtf8("a query parameter");
    if !part.contains('+') {
        return percent_encoding::percent_decode_str(part).decode_utf8().map_err(invalid);
    }
    let spaced = part.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .map(|text| Cow::Owned(text.into_owned()))
        .map_err(invalid)
}

/// Reads a JSON body up to `limit` bytes (a body that arrives in one chunk,
/// the usual case, is not copied).
pub(crate) async fn read_json_body(
    request: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<web::Bytes, ApiError> {
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
    let read_error =
        |e: actix_web::error::PayloadError| ApiError::InvalidJson(format!("the body could not be read: {e}"));
    let Some(first) = payload.next().await.transpose().map_err(read_error)? else {
        return Ok(web::Bytes::new());
    };
    if first.len() > limit {
        return Err(ApiError::BodyTooLarge { limit });
    }
    let Some(second) = payload.next().await.transpose().map_err(read_error)? else {
        return Ok(first);
    };
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(first.len() + second.len()).min(limit));
    body.extend_from_slice(&first);
    body.extend_from_slice(&second);
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(read_error)?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::BodyTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    if body.len() > limit {
        return Err(ApiError::BodyTooLarge { limit });
    }
    Ok(body.freeze())
}

/// Parses a JSON body read by [`read_json_body`], borrowing strings from it
/// where the type allows.
pub(crate) fn parse_json<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, ApiError> {
    let text = std::str::from_utf8(body).map_err(|_| ApiError::InvalidUtf8("the request body"))?;
    serde_json::from_str(text).map_err(|e| ApiError::InvalidJson(crate::json_errors::describe(&e)))
}

fn validate<'a>(parsed: CheckRequest<'a>, state: &AppState, at: u64) -> Result<CheckInput<'a>, ApiError> {
    let query = parsed.q.ok_or(ApiError::MissingQuery)?;
    let limit = state.config.limits.max_query_bytes;
    if query.len() > limit {
        return Err(ApiError::QueryTooLong { len: query.len(), limit });
    }
    Ok(CheckInput {
        query,
        locale: parsed.locale.map(checked_locale).transpose()?,
        country: parsed.country.map(checked_country).transpose()?,
        session: parsed.session.map(|session| session_key(&session, state, at)).transpose()?,
        surface: parsed.surface.map(|surface| counted_surface(surface, state)).transpose()?,
        at,
    })
}

/// A locale as given, if it is a language tag.
pub(crate) fn checked_locale(locale: Cow<'_, str>) -> Result<Cow<'_, str>, ApiError> {
    if valid_locale(&locale) {
        Ok(locale)
    } else {
        Err(ApiError::InvalidParameter(
            "`locale` must be a language tag like `en`, `nl-BE` or `pt_BR` (at most 35 characters)".into(),
        ))
    }
}

/// A country code in upper case, if it is two letters.
pub(crate) fn checked_country(country: Cow<'_, str>) -> Result<Cow<'_, str>, ApiError> {
    match country {
        country if country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()) => Ok(country),
        country if country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Cow::Owned(country.to_ascii_uppercase()))
        }
        _ => Err(ApiError::InvalidParameter("`country` must be an ISO 3166-1 alpha-2 code like `GB`".into())),
    }
}

/// The session's pseudonym for the day of `at`.
pub(crate) fn session_key(session: &str, state: &AppState, at: u64) -> Result<SessionKey, ApiError> {
    if session.is_empty() || session.len() > 256 {
        return Err(ApiError::InvalidParameter("`session` must be 1 to 256 bytes".into()));
    }
    Ok(state.pseudonyms.key(session, utc_day(at)))
}

/// The surface as counted: its name when configured, else `other`.
/// Surfaces are an analytics dimension only: unconfigured names are counted
/// together, so a client cannot create cells at will.
pub(crate) fn counted_surface<'a>(surface: Cow<'a, str>, state: &AppState) -> Result<Cow<'a, str>, ApiError> {
    if !valid_surface(&surface) {
        return Err(ApiError::InvalidParameter("`surface` must be 1 to 32 characters of a-z, 0-9, `-` and `_`".into()));
    }
    if state.config.analytics.surfaces.iter().any(|known| **known == *surface) {
        Ok(surface)
    } else {
        Ok(Cow::Borrowed(OTHER_SURFACE))
    }
}

fn valid_locale(locale: &str) -> bool {
    !locale.is_empty()
        && locale.len() <= 35
        && locale.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && locale.as_bytes()[0].is_ascii_alphabetic()
}

/// Decides `input` and builds the answer.
pub(crate) fn answer(request: &HttpRequest, state: &AppState, input: CheckInput<'_>) -> Result<HttpResponse, ApiError> {
    let live = state.engine.load();
    let reply = respond(state, &live, &input);
    request.extensions_mut().insert(Decided(reply.decision));
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .content_type("application/json")
        .body(reply.json))
}

/// A decided check, serialised.
pub(crate) struct Reply {
    /// What the caller is told to do.
    pub decision: Answer,
    /// The JSON answer ([`CheckResponse`]).
    pub json: web::Bytes,
    /// The hosted warning page, on `warn`.
    pub page_url: Option<String>,
    /// The variant shown, on `warn`.
    pub variant: Option<Arc<str>>,
}

/// Marks where the event token goes in a cached warning answer; it survives
/// JSON escaping as `\u0001` and can never occur in content or tokens.
const TOKEN_MARK: &str = "\u{1}signpost-token\u{1}";
const TOKEN_MARK_JSON: &str = "\\u0001signpost-token\\u0001";

/// The decision and its JSON answer for `input`.
///
/// The two common answers cost no serialisation: `allow` is the same bytes
/// for every query of a list version, and a warning is the same text for
/// every reader of one variant, language and country except for the event
/// token, so it is cached as fragments with the token spliced in.
pub(crate) fn respond(state: &AppState, live: &Live, input: &CheckInput<'_>) -> Reply {
    let engine: &Engine = live;
    let decision = engine.decide(&input.query, input.session.as_ref().map(|k| &k.0));
    let locale = engine.content.resolve_locale(input.locale.as_deref());
    record_check(state, engine, input, &decision, locale);
    let explain = state.config.check.explain;
    let (verdict, variant) = match decision {
        Decision::Allow if !explain => {
            return Reply { decision: Answer::Allow, json: live.allow_json.clone(), page_url: None, variant: None };
        }
        Decision::Allow => {
            let response = CheckResponse {
                decision: Answer::Allow,
                list_version: engine.matcher.version().to_owned(),
                warning: None,
                matches: Some(Vec::new()),
            };
            return Reply { decision: Answer::Allow, json: to_json(&response), page_url: None, variant: None };
        }
        Decision::Control { verdict } => {
            let response = CheckResponse {
                decision: Answer::Allow,
                list_version: engine.matcher.version().to_owned(),
                warning: None,
                matches: explain.then(|| verdict.matches().to_vec()),
            };
            return Reply { decision: Answer::Allow, json: to_json(&response), page_url: None, variant: None };
        }
        Decision::Warn { verdict, variant } => (verdict, variant),
    };
    let locale = locale.to_owned();
    let country = input.country.as_deref();
    let first = verdict.matches().first();
    let shown = engine.content.variant(&variant).map_or(variant, |v| Arc::clone(&v.id));
    let token = state.tokens.issue(Claims {
        exp: 0,
        variant: shown.to_string(),
        locale: locale.clone(),
        country: country.map(str::to_owned),
        surface: input.surface.as_deref().map(str::to_owned),
        list_version: engine.matcher.version().to_owned(),
        category: first.map(|m| m.category.to_string()).unwrap_or_default(),
        entry: first.map(|m| m.entry.to_string()).unwrap_or_default(),
    });
    let page_url = warning_page_url(state, &token, &locale);
    let json = if explain {
        let warning = warning_payload(state, engine, &shown, &locale, country, &token);
        to_json(&CheckResponse {
            decision: Answer::Warn,
            list_version: engine.matcher.version().to_owned(),
            warning: Some(warning),
            matches: Some(verdict.matches().to_vec()),
        })
    } else {
        let fragments = live.warning_template(&shown, &locale, country, || {
            let warning = warning_payload(state, engine, &shown, &locale, country, TOKEN_MARK);
            let json = String::from_utf8(
                to_json(&CheckResponse {
                    decision: Answer::Warn,
                    list_version: engine.matcher.version().to_owned(),
                    warning: Some(warning),
                    matches: None,
                })
                .to_vec(),
            )
            .unwrap_or_default();
            json.split(TOKEN_MARK_JSON).map(str::to_owned).collect()
        });
        let mut json = String::with_capacity(fragments.iter().map(String::len).sum::<usize>() + 8 * token.len());
        for (i, fragment) in fragments.iter().enumerate() {
            if i > 0 {
                json.push_str(&token);
            }
            json.push_str(fragment);
        }
        web::Bytes::from(json)
    };
    Reply { decision: Answer::Warn, json, page_url: Some(page_url), variant: Some(shown) }
}

/// Counts the check: checks always, hits and warnings with the first
/// match's category and entry id and the arm. Never the query.
fn record_check(state: &AppState, engine: &Engine, input: &CheckInput<'_>, decision: &Decision, locale: &str) {
    if state.analytics.store_name() == "none" {
        return;
    }
    let first = decision.verdict().and_then(|v| v.matches().first());
    let (hit, warned, variant) = match decision {
        Decision::Allow => (false, false, None),
        Decision::Control { .. } => (true, false, Some(Arc::from(CONTROL_ARM))),
        Decision::Warn { variant, .. } => (true, true, Some(Arc::clone(variant))),
    };
    let dims = Dims {
        list_version: engine.matcher.version_shared(),
        category: first.map(|m| Arc::clone(&m.category)),
        entry: first.map(|m| m.entry),
        variant,
        locale: Tag::new(locale),
        country: Tag::new(input.country.as_deref().unwrap_or("")),
        surface: Tag::new(input.surface.as_deref().unwrap_or("")),
    };
    state.analytics.record(Event {
        at: input.at,
        kind: EventKind::Check { hit, warned },
        dims,
        session: input.session,
    });
}

/// The hosted warning page for the event token `token`, in `locale`.
fn warning_page_url(state: &AppState, token: &str, locale: &str) -> String {
    format!("{}/warning?t={token}&locale={locale}", state.public_base)
}

fn to_json(response: &CheckResponse) -> web::Bytes {
    // Serialising plain structs of strings cannot fail.
    web::Bytes::from(serde_json::to_vec(response).unwrap_or_default())
}

fn warning_payload(
    state: &AppState,
    engine: &Engine,
    variant: &str,
    locale: &str,
    country: Option<&str>,
    token: &str,
) -> WarningPayload {
    let text = engine.content.warning(variant, locale, country);
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
        page_url: warning_page_url(state, token, &text.locale),
        variant: text.variant,
        theme: text.theme,
        locale: text.locale,
        title: text.title,
        body: text.body,
        helplines,
        chatbot: text.chatbot,
        ui: text.ui,
        event_token: token.to_owned(),
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

    #[test]
    fn query_parts_are_form_decoded() {
        let decoded = |part: &str| decode_query_part(part).map(Cow::into_owned).ok();
        assert_eq!(decoded("z0rv1k").as_deref(), Some("z0rv1k"));
        assert_eq!(decoded("%7A0rv%31k+pics").as_deref(), Some("z0rv1k pics"));
        assert_eq!(decoded("50%25+off").as_deref(), Some("50% off"));
        assert_eq!(decoded("100%").as_deref(), Some("100%"), "a lone % is kept");
        assert_eq!(decoded("%zz").as_deref(), Some("%zz"));
        assert_eq!(decoded("caf%C3%A9").as_deref(), Some("café"));
        assert_eq!(decoded("%FF%FE"), None, "not UTF-8");
    }
}
