//! `POST /v1/chat`: the scripted, buttons-only chat. The client sends where
//! it is (flow, node) and the button pressed; the answer is the next step.
//! Nothing is kept on the server between steps. Each step is counted under
//! the event token's dimensions; without a valid token the chat still
//! answers (help is never withheld) but nothing is counted.

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::analytics::EventKind;
use crate::check::{Links, TrackedHelpline};
use crate::deterrence::{ChatError, ChatStep, EndKind};
use crate::http::error::ApiError;
use crate::http::extract::{parse_json, read_json_body};
use crate::http::state::AppState;

/// A chat request: no `node`/`choice` opens the chat at its first step.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChatRequest {
    /// The flow id (from the warning's `chatbot.flow`); default: the flow for the locale.
    pub flow: Option<String>,
    /// The node the person is at.
    pub node: Option<String>,
    /// The button pressed there (its `id`).
    pub choice: Option<String>,
    /// The warning's `event_token`, so the step is counted.
    pub event_token: Option<String>,
    /// The language (default: the token's, else English).
    pub locale: Option<String>,
}

/// The next step, and what an end offers.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ChatResponse {
    /// The step to show.
    pub step: ChatStep,
    /// At a `helplines` end: the services to offer, with tracked links.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub helplines: Vec<TrackedHelpline>,
    /// At a `self-help` end: the self-help programmes, with tracked links.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub self_help: Vec<TrackedHelpline>,
    /// Whether the step was counted: a valid event token was sent, and it
    /// had not counted a step at this node (or opened the chat) before.
    pub counted: bool,
}

/// Answers one chat step.
#[utoipa::path(post, path = "/v1/chat", tag = "chat",
    request_body(content = ChatRequest, content_type = "application/json"),
    responses(
        (status = 200, body = ChatResponse),
        (status = 400, body = crate::http::error::ErrorBody, description = "Bad JSON, unknown flow or node, or a choice not offered there"),
        (status = 413, body = crate::http::error::ErrorBody), (status = 415, body = crate::http::error::ErrorBody),
    ))]
pub async fn chat(
    request: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let body = read_json_body(&request, payload, state.config.limits.max_body_bytes).await?;
    let asked: ChatRequest = parse_json(&body)?;
    let claims = asked.event_token.as_deref().and_then(|t| state.tokens.verify(t).ok());
    let engine = state.engine.load();
    let content = &engine.content;
    let locale =
        content.resolve_locale(asked.locale.as_deref().or(claims.as_ref().map(|c| c.locale.as_str()))).to_owned();
    let flow = match &asked.flow {
        Some(flow) => flow.clone(),
        None => content.flow_for(&locale).unwrap_or_default().to_owned(),
    };
    let (step, event) = match (&asked.node, &asked.choice) {
        (None, None) => {
            let step = content.chat_start(&flow, &locale).ok_or_else(|| chat_error(ChatError::UnknownFlow))?;
            (step, EventKind::ChatbotOpened)
        }
        (Some(node), Some(choice)) => {
            let step = content.chat_step(&flow, &locale, node, choice).map_err(chat_error)?;
            (step, EventKind::ChatbotChoice { node: Arc::from(node.as_str()), choice: Arc::from(choice.as_str()) })
        }
        _ => return Err(ApiError::InvalidParameter("send both `node` and `choice`, or neither to start".into())),
    };
    let counted = match &claims {
        Some(claims) => state.record_event(claims, event, state.clock(&request)).await,
        None => false,
    };
    let country = claims.as_ref().and_then(|c| c.country.as_deref());
    let token = asked.event_token.as_deref().filter(|_| claims.is_some());
    let links = Links { base: Some(&state.public_base), token };
    let tracked = |views| TrackedHelpline::all(views, &links);
    let (helplines, self_help) = match step.end {
        Some(EndKind::Helplines) => (tracked(content.helplines(country, &locale)), Vec::new()),
        Some(EndKind::SelfHelp) => (Vec::new(), tracked(content.self_help(country, &locale))),
        _ => (Vec::new(), Vec::new()),
    };
    Ok(HttpResponse::Ok().json(ChatResponse { step, helplines, self_help, counted }))
}

fn chat_error(error: ChatError) -> ApiError {
    ApiError::InvalidParameter(format!("{error} ({})", error.code()))
}
