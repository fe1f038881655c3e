//! `POST /v1/events`: what happened after a warning, reported by the
//! operator's page or the embedded component with the check's event token.
//! Forged, expired or malformed tokens are refused with 400 and not counted;
//! a token counts each event kind once ([`crate::analytics::replay`]).

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::analytics::EventKind;
use crate::http::error::ApiError;
use crate::http::extract::{parse_json, read_json_body};
use crate::http::state::AppState;

/// Most events accepted in one request.
pub const MAX_EVENTS: usize = 32;

/// One reported event.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventReport {
    /// `displayed`, `dismissed`, `chatbot_opened`, `chatbot_choice` or `help_requested`.
    pub event: String,
    /// For `chatbot_choice`: the node where the choice was made.
    pub node: Option<String>,
    /// For `chatbot_choice`: the choice id.
    pub choice: Option<String>,
}

/// A report of one or more events under one token.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsRequest {
    /// The `event_token` of the check's warning.
    pub event_token: String,
    /// One event (or use `events`).
    pub event: Option<String>,
    /// For a single `chatbot_choice`: the node.
    pub node: Option<String>,
    /// For a single `chatbot_choice`: the choice.
    pub choice: Option<String>,
    /// Several events at once (at most 32).
    pub events: Option<Vec<EventReport>>,
}

/// The answer: how many events were counted.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventsResponse {
    /// Events accepted for counting: 0 when analytics are off, and each
    /// event kind counts once per token (a repeat, or a second choice at
    /// the same chat node, is not counted).
    pub counted: usize,
}

/// Counts events reported with an event token.
#[utoipa::path(post, path = "/v1/events", tag = "events",
    request_body(content = EventsRequest, content_type = "application/json"),
    responses(
        (status = 202, body = EventsResponse, description = "Counted"),
        (status = 400, body = crate::http::error::ErrorBody, description = "Bad JSON, unknown event, or a forged, expired or malformed token (nothing is counted)"),
        (status = 413, body = crate::http::error::ErrorBody), (status = 415, body = crate::http::error::ErrorBody),
    ))]
pub async fn events(
    request: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let body = read_json_body(&request, payload, state.config.limits.max_body_bytes).await?;
    let report: EventsRequest = parse_json(&body)?;
    let claims = state.tokens.verify(&report.event_token).map_err(|e| ApiError::InvalidToken(e.to_string()))?;
    let mut reports = report.events.unwrap_or_default();
    if let Some(event) = report.event {
        reports.push(EventReport { event, node: report.node, choice: report.choice });
    }
    if reports.is_empty() {
        return Err(ApiError::InvalidParameter("send `event` (or `events`): nothing to count".into()));
    }
    if reports.len() > MAX_EVENTS {
        return Err(ApiError::InvalidParameter(format!("at most {MAX_EVENTS} events per request")));
    }
    // Validate everything first: a bad event refuses the whole report.
    let engine = state.engine.load();
    let mut kinds = Vec::with_capacity(reports.len());
    for report in &reports {
        let kind = match report.event.as_str() {
            "displayed" => EventKind::Displayed,
            "dismissed" => EventKind::Dismissed,
            "chatbot_opened" => EventKind::ChatbotOpened,
            "help_requested" => EventKind::HelpRequested,
            "chatbot_choice" => {
                let (Some(node), Some(choice)) = (&report.node, &report.choice) else {
                    return Err(ApiError::InvalidParameter("`chatbot_choice` needs `node` and `choice`".into()));
                };
                let offered = engine
                    .content
                    .flow_ids()
                    .iter()
                    .any(|flow| engine.content.chat_step(flow, &claims.locale, node, choice).is_ok());
                if !offered {
                    return Err(ApiError::InvalidParameter("that choice is not offered at that chat node".into()));
                }
                EventKind::ChatbotChoice { node: Arc::from(node.as_str()), choice: Arc::from(choice.as_str()) }
            }
            _ => {
                return Err(ApiError::InvalidParameter(format!(
                    "unknown event; known: {}",
                    crate::analytics::EventKind::REPORTABLE.join(", ")
                )));
            }
        };
        kinds.push(kind);
    }
    let at = state.clock(&request);
    let mut counted = 0;
    for kind in kinds {
        counted += usize::from(state.record_event(&claims, kind, at).await);
    }
    Ok(HttpResponse::Accepted().json(EventsResponse { counted }))
}
