//! The outcome of a check as the service answers it: the JSON of
//! [`CheckResponse`] with a freshly sealed event token, shared by
//! `/v1/check` and `/v1/gate`.
//!
//! The two common answers cost no serialisation: `allow` is the same bytes
//! for every query of a list version, and a warning is the same text for
//! every reader of one variant, language and country except for the event
//! token, so it is cached as fragments with the token spliced in.

use std::sync::Arc;

use actix_web::web;

use crate::check::{CheckInput, CheckResponse, Links, run};
use crate::engine::{Answer, Decision, Engine};
use crate::http::state::{AppState, Live};

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

/// Decides `input`, counts it, and builds its answer.
pub(crate) fn respond(state: &AppState, live: &Live, input: &CheckInput<'_>) -> Reply {
    let engine: &Engine = live;
    let outcome = run(engine, input);
    let decision = outcome.answer();
    let explain = state.config.check.explain;
    let list_version = || engine.matcher.version().to_owned();
    let matches =
        |explain: bool| explain.then(|| outcome.decision.verdict().map(|v| v.matches().to_vec()).unwrap_or_default());
    let claims = outcome.claims(engine, input.surface.as_deref());
    let json = match (&outcome.decision, &outcome.shown, claims) {
        (Decision::Allow, _, _) if !explain => live.allow_json.clone(),
        (Decision::Warn { .. }, Some(shown), Some(claims)) => {
            let token = state.tokens.issue(claims);
            let links = Links { base: Some(&state.public_base), token: Some(&token) };
            let page_url = links.page(&shown.locale);
            let json = if explain {
                to_json(&CheckResponse {
                    decision,
                    list_version: list_version(),
                    warning: outcome.warning(engine, &links),
                    matches: matches(true),
                })
            } else {
                splice(&live.warning_template(shown, || template(state, engine, &outcome)), &token)
            };
            let variant = Some(Arc::clone(&shown.variant));
            record(state, outcome);
            return Reply { decision, json, page_url, variant };
        }
        _ => {
            to_json(&CheckResponse { decision, list_version: list_version(), warning: None, matches: matches(explain) })
        }
    };
    record(state, outcome);
    Reply { decision, json, page_url: None, variant: None }
}

/// Counts the check (never the query).
fn record(state: &AppState, outcome: crate::check::Outcome) {
    if state.analytics.store_name() != "none" {
        state.analytics.record(outcome.event);
    }
}

/// The warning answer of `outcome` with [`TOKEN_MARK`] for the token, cut
/// at the marks.
fn template(state: &AppState, engine: &Engine, outcome: &crate::check::Outcome) -> Vec<String> {
    let links = Links { base: Some(&state.public_base), token: Some(TOKEN_MARK) };
    let json = to_json(&CheckResponse {
        decision: Answer::Warn,
        list_version: engine.matcher.version().to_owned(),
        warning: outcome.warning(engine, &links),
        matches: None,
    });
    String::from_utf8(json.to_vec()).unwrap_or_default().split(TOKEN_MARK_JSON).map(str::to_owned).collect()
}

fn splice(fragments: &[String], token: &str) -> web::Bytes {
    let mut json = String::with_capacity(fragments.iter().map(String::len).sum::<usize>() + 8 * token.len());
    for (i, fragment) in fragments.iter().enumerate() {
        if i > 0 {
            json.push_str(token);
        }
        json.push_str(fragment);
    }
    web::Bytes::from(json)
}

fn to_json(response: &CheckResponse) -> web::Bytes {
    // Serialising plain structs of strings cannot fail.
    web::Bytes::from(serde_json::to_vec(response).unwrap_or_default())
}
