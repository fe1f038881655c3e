//! Reading requests, in one place: JSON bodies, query strings and headers,
//! and the translation of a check request (JSON, query string or proxied
//! request) into the domain's [`CheckInput`]. Validation itself is the
//! domain's ([`crate::check`]); errors map to [`ApiError`] once.

use std::borrow::Cow;

use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, web};
use futures_util::StreamExt;
use serde::Deserialize;

use crate::check::{CheckInput, InputError};
use crate::filter::FilterInput;
use crate::http::error::ApiError;
use crate::http::state::AppState;
use crate::web::{first_language, header_str};

/// A check request. Only `q` is required. (Fields borrow from the body when
/// they can: a check should not allocate for what it only reads.)
#[derive(Debug, Default, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CheckRequest<'a> {
    /// The search query, as the person typed it (at most `limits.max_query_bytes` bytes).
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub q: Option<Cow<'a, str>>,
    /// The reader's language (BCP 47, e.g. `en-GB`); picks the warning's language.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub locale: Option<Cow<'a, str>>,
    /// The reader's country (ISO 3166-1 alpha-2, e.g. `GB`); picks the helplines.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub country: Option<Cow<'a, str>>,
    /// The operator's session id. Pseudonymised under a daily salt, never stored; keeps the message variant
    /// stable for the day and lets repeat warnings be counted.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub session: Option<Cow<'a, str>>,
    /// Where the query was typed (`search`, `chat`, ...): lowercase letters, digits, `-`, `_`. Counted
    /// under its name when listed in `analytics.surfaces`, otherwise as `other`.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    #[param(value_type = Option<String>)]
    pub surface: Option<Cow<'a, str>>,
}

/// An optional JSON string that borrows from the body when it has no
/// escapes. (`#[serde(borrow)]` borrows a `Cow<str>` field but not an
/// `Option<Cow<str>>`, which serde always copies.)
fn borrowed_text<'de: 'a, 'a, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Cow<'a, str>>, D::Error> {
    #[derive(Deserialize)]
    struct Text<'a>(#[serde(borrow)] Cow<'a, str>);
    Ok(Option::<Text<'a>>::deserialize(deserializer)?.map(|text| text.0))
}

impl<'a> CheckRequest<'a> {
    /// The validated input of this request, checked at `at`.
    pub(crate) fn into_input(self, state: &AppState, at: u64) -> Result<CheckInput<'a>, ApiError> {
        let query = self.q.ok_or(InputError::MissingQuery)?;
        let mut input = CheckInput::new(query, state.config.limits.max_query_bytes, at)?;
        if let Some(locale) = self.locale {
            input.set_locale(locale)?;
        }
        if let Some(country) = self.country {
            input.set_country(country)?;
        }
        if let Some(session) = self.session {
            input.set_session(&session, &state.pseudonyms)?;
        }
        if let Some(surface) = self.surface {
            input.set_surface(surface, &state.config.analytics.surfaces)?;
        }
        Ok(input)
    }

    /// The request sent as query parameters (`GET /v1/check`).
    pub(crate) fn from_query_string(query: &'a str) -> Result<CheckRequest<'a>, ApiError> {
        let mut parsed = CheckRequest::default();
        for_each_query_pair(query, |key, value| {
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
        Ok(parsed)
    }
}

/// A suggestion-filter request (`POST /v1/filter`). Only `items` is required.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FilterRequest<'a> {
    /// The candidates to filter (autocomplete suggestions, result titles): at
    /// most 100, each at most `limits.max_query_bytes` bytes. They are not
    /// counted as searches.
    #[serde(borrow, default)]
    #[schema(value_type = Option<Vec<String>>)]
    pub items: Option<Vec<FilterItem<'a>>>,
    /// The reader's language (BCP 47), for the counts.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    pub locale: Option<Cow<'a, str>>,
    /// The reader's country (ISO 3166-1 alpha-2), for the counts.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    pub country: Option<Cow<'a, str>>,
    /// Where the suggestions are shown, as for `/v1/check`.
    #[serde(borrow, default, deserialize_with = "borrowed_text")]
    #[schema(value_type = Option<String>)]
    pub surface: Option<Cow<'a, str>>,
}

/// One candidate of a [`FilterRequest`], borrowed from the body when it has
/// no escapes.
#[derive(Debug, Deserialize)]
pub struct FilterItem<'a>(#[serde(borrow)] Cow<'a, str>);

impl<'a> FilterRequest<'a> {
    /// The validated input of this request, filtered at `at`.
    pub(crate) fn into_input(self, state: &AppState, at: u64) -> Result<FilterInput<'a>, ApiError> {
        let items = self.items.ok_or(InputError::MissingItems)?.into_iter().map(|item| item.0).collect();
        let mut input = FilterInput::new(items, state.config.limits.max_query_bytes, at)?;
        if let Some(locale) = self.locale {
            input.set_locale(locale)?;
        }
        if let Some(country) = self.country {
            input.set_country(country)?;
        }
        if let Some(surface) = self.surface {
            input.set_surface(surface, &state.config.analytics.surfaces)?;
        }
        Ok(input)
    }
}

/// The most bytes a filter request's body may have: room for
/// [`crate::filter::MAX_ITEMS`] items of the query limit, escaped, beside
/// the usual body limit.
pub(crate) fn filter_body_limit(limits: &crate::config::Limits) -> usize {
    crate::filter::MAX_ITEMS * limits.max_query_bytes * 2 + limits.max_body_bytes
}

/// The check input of a request proxied to the gate (`/v1/gate`), or `None`
/// when it has no query. The gate fails open, never refuses: an over-long
/// query is checked on its first `limits.max_query_bytes` bytes, and a
/// header that does not pass the checks of `/v1/check` is left out.
pub(crate) fn gate_input(request: &HttpRequest, state: &AppState) -> Option<CheckInput<'static>> {
    let query_string = match header_str(request.headers(), "x-original-uri") {
        Some(uri) => uri.split_once('?').map_or("", |(_, query)| query.split('#').next().unwrap_or(query)),
        None => request.query_string(),
    };
    let params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes()).into_owned().collect();
    let query = state
        .config
        .gate
        .params
        .iter()
        .find_map(|name| params.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone()))?;
    let mut input = CheckInput::truncated(query, state.config.limits.max_query_bytes, state.clock(request));
    let headers = request.headers();
    let locale = header_str(headers, "x-signpost-locale").or_else(|| first_language(headers));
    // A header that does not pass is left out (`set_*` change nothing on a refusal).
    let _ = locale.map(|tag| input.set_locale(Cow::Owned(tag.to_owned())));
    let _ = header_str(headers, "x-signpost-country").map(|c| input.set_country(Cow::Owned(c.to_owned())));
    let _ = header_str(headers, "x-signpost-session").map(|s| input.set_session(s, &state.pseudonyms));
    let _ = header_str(headers, "x-signpost-surface")
        .map(|s| input.set_surface(Cow::Owned(s.to_owned()), &state.config.analytics.surfaces));
    Some(input)
}

/// Decodes a query string pair by pair, refusing percent-escapes that are
/// not UTF-8 (lenient decoders would silently turn them into replacement
/// characters). Parts without escapes are borrowed, not copied.
pub(crate) fn for_each_query_pair<'a>(
    query: &'a str,
    mut f: impl FnMut(Cow<'a, str>, Cow<'a, str>) -> Result<(), ApiError>,
) -> Result<(), ApiError> {
    // A byte loop: `str::split` costs more than this on short query strings.
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
    let invalid = || ApiError::InvalidUtf8("a query parameter");
    // Most parts (every key, most values) have nothing to decode, and a part
    // of a `&str` without escapes is already UTF-8: neither is decoded or
    // validated again, on the path of every GET check. One pass finds out.
    let (mut escaped, mut spaced) = (false, false);
    for byte in part.bytes() {
        escaped |= byte == b'%';
        spaced |= byte == b'+';
    }
    match (escaped, spaced) {
        (false, false) => Ok(Cow::Borrowed(part)),
        (false, true) => Ok(Cow::Owned(part.replace('+', " "))),
        (true, false) => percent_encoding::percent_decode_str(part).decode_utf8().map_err(|_| invalid()),
        (true, true) => {
            // `+` is a space before decoding (`%2B` decodes to a plus).
            let mut bytes = part.as_bytes().to_vec();
            bytes.iter_mut().filter(|b| **b == b'+').for_each(|b| *b = b' ');
            let decoded = Cow::from(percent_encoding::percent_decode(&bytes)).into_owned();
            String::from_utf8(decoded).map(Cow::Owned).map_err(|_| invalid())
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(decoded("coupon+with+rice").as_deref(), Some("coupon with rice"));
        assert_eq!(decoded("1%2B1+is+2").as_deref(), Some("1+1 is 2"), "an escaped plus stays a plus");
        assert_eq!(decoded("caf%C3+%FF"), None, "not UTF-8, with spaces");
        assert_eq!(decoded("").as_deref(), Some(""));
        assert!(matches!(decode_query_part("zorvik"), Ok(Cow::Borrowed("zorvik"))), "nothing to decode is borrowed");
    }

    #[test]
    fn json_strings_are_borrowed_unless_escaped() {
        let body = br#"{"q":"zorvik pics","locale":"en","country":null,"surface":"se\u0061rch"}"#;
        let request: CheckRequest<'_> = serde_json::from_slice(body).unwrap();
        assert!(matches!(request.q, Some(Cow::Borrowed("zorvik pics"))));
        assert!(matches!(request.locale, Some(Cow::Borrowed("en"))));
        assert_eq!(request.country, None);
        assert_eq!(request.session, None);
        assert!(matches!(&request.surface, Some(Cow::Owned(s)) if s == "search"));
        let wrong = serde_json::from_slice::<CheckRequest<'_>>(br#"{"q":5}"#).unwrap_err().to_string();
        assert!(wrong.contains("expected a string"), "{wrong}");
    }
}
