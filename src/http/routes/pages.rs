//! What a person reaches by link: the hosted warning page and the tracked
//! helpline redirect.
//!
//! The page is server-rendered HTML that needs no JavaScript, makes no
//! third-party request and is served under a strict Content-Security-Policy.
//! An expired or damaged token never stops a person from seeing help: the
//! page then shows the default warning, and the redirect still goes to the
//! helpline; only the counting is skipped.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use maud::Markup;
use serde::Deserialize;

use std::sync::Arc;

use crate::analytics::EventKind;
use crate::deterrence::HelplineView;
use crate::http::error::ApiError;
use crate::http::state::AppState;
use crate::web::{ChatForm, PAGE_CSP, PageLinks, WARNING_CSS, page_response, render_page};

/// Parameters of the warning page.
#[derive(Debug, Default, Deserialize)]
pub struct PageParams {
    /// The event token from the check.
    pub t: Option<String>,
    /// The reader's language.
    pub locale: Option<String>,
    /// The chat node the person is at.
    pub node: Option<String>,
    /// The choice pressed there.
    pub choice: Option<String>,
}

/// The hosted warning page.
#[utoipa::path(get, path = "/warning", tag = "pages",
    params(("t" = Option<String>, Query, description = "Event token from the check"), ("locale" = Option<String>, Query, description = "Language")),
    responses((status = 200, description = "The warning page", content_type = "text/html")))]
pub async fn warning_page(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let params: PageParams = serde_urlencoded::from_str(request.query_string()).unwrap_or_default();
    let claims = params.t.as_deref().and_then(|t| state.tokens.verify(t).ok());
    let engine = state.engine.load();
    let content = &engine.content;
    let variant = claims.as_ref().map_or_else(
        || content.variants().first().map(|v| v.id.to_string()).unwrap_or_default(),
        |c| c.variant.clone(),
    );
    let locale = params.locale.as_deref().or(claims.as_ref().map(|c| c.locale.as_str())).unwrap_or("en");
    let country = claims.as_ref().and_then(|c| c.country.clone());
    let text = content.warning(&variant, locale, country.as_deref());
    // The chat: the step after the choice made, or the first step.
    let flow = content.flow_for(&text.locale).unwrap_or_default().to_owned();
    let chosen = match (&params.node, &params.choice) {
        (Some(node), Some(choice)) => {
            content.chat_step(&flow, &text.locale, node, choice).ok().map(|step| (node, choice, step))
        }
        _ => None,
    };
    let step = match chosen {
        Some((node, choice, step)) => {
            if let Some(claims) = &claims {
                let choice =
                    EventKind::ChatbotChoice { node: Arc::from(node.as_str()), choice: Arc::from(choice.as_str()) };
                state.record_event(claims, choice, state.clock(&request)).await;
            }
            Some(step)
        }
        None => {
            if let Some(claims) = &claims {
                state.record_event(claims, EventKind::PageViewed, state.clock(&request)).await;
            }
            content.chat_start(&flow, &text.locale)
        }
    };
    let token = claims.as_ref().and(params.t.as_deref());
    let base = &state.public_base;
    let href = |h: &HelplineView| match token {
        Some(token) => format!("{base}/v1/go/{}?t={token}", h.id),
        None => format!("{base}/v1/go/{}", h.id),
    };
    let action = format!("{base}/warning");
    let restart = match token {
        Some(token) => format!("{action}?t={token}&locale={}#chat", text.locale),
        None => format!("{action}?locale={}#chat", text.locale),
    };
    let self_help = content.self_help(country.as_deref(), &text.locale);
    let mut hidden = vec![("locale", text.locale.as_str())];
    if let Some(token) = token {
        hidden.push(("t", token));
    }
    let chat =
        step.as_ref().map(|step| ChatForm { step, action: &action, hidden, restart: &restart, self_help: &self_help });
    html_response(render_page(&text, &PageLinks { helpline_href: &href, inline_style: false, base, chat }))
}

/// A page response with the strict security headers.
pub fn html_response(markup: Markup) -> HttpResponse {
    page_response(StatusCode::OK, PAGE_CSP, markup)
}

/// The stylesheet of the pages (embedded; contrast checked for WCAG 2.2 AA).
pub async fn warning_css() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")))
        .body(WARNING_CSS)
}

/// Parameters of the tracked redirect.
#[derive(Debug, Deserialize)]
pub struct GoParams {
    /// The event token from the check.
    pub t: Option<String>,
}

/// Counts a helpline click and redirects to the service.
#[utoipa::path(get, path = "/v1/go/{helpline_id}", tag = "events",
    params(("helpline_id" = String, Path, description = "Helpline id"), ("t" = Option<String>, Query, description = "Event token")),
    responses(
        (status = 302, description = "Redirect to the service (always, even with an expired token; only valid tokens are counted)"),
        (status = 404, body = crate::http::error::ErrorBody, description = "No such helpline"),
    ))]
pub async fn go(
    request: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let engine = state.engine.load();
    let Some(helpline) = engine.content.helpline(&path) else {
        return Err(ApiError::NotFound);
    };
    let params: GoParams = serde_urlencoded::from_str(request.query_string()).unwrap_or(GoParams { t: None });
    let claims = params.t.as_deref().and_then(|t| state.tokens.verify(t).ok());
    if let Some(claims) = &claims {
        let click = EventKind::HelplineClick { helpline: Arc::from(helpline.id.as_str()) };
        state.record_event(claims, click, state.clock(&request)).await;
    }
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, helpline.url.as_str()))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .insert_header((header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .finish())
}
