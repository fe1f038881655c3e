//! What a person reaches by link: the hosted warning page and the tracked
//! helpline redirect.
//!
//! The page is server-rendered HTML that needs no JavaScript, makes no
//! third-party request and is served under a strict Content-Security-Policy.
//! An expired or damaged token never stops a person from seeing help: the
//! page then shows the default warning, and the redirect still goes to the
//! helpline; only the counting is skipped.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;

use crate::analytics::token::Claims;
use crate::deterrence::WarningText;
use crate::http::error::ApiError;
use crate::http::state::AppState;

/// The policy of every page: our own styles only, no scripts, no frames, no
/// third-party anything.
pub const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                            base-uri 'none'; frame-ancestors 'none'";

/// Parameters of the warning page.
#[derive(Debug, Deserialize)]
pub struct PageParams {
    /// The event token from the check.
    pub t: Option<String>,
    /// The reader's language.
    pub locale: Option<String>,
}

/// The hosted warning page.
#[utoipa::path(get, path = "/warning", tag = "pages",
    params(("t" = Option<String>, Query, description = "Event token from the check"), ("locale" = Option<String>, Query, description = "Language")),
    responses((status = 200, description = "The warning page", content_type = "text/html")))]
pub async fn warning_page(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let params: PageParams =
        serde_urlencoded::from_str(request.query_string()).unwrap_or(PageParams { t: None, locale: None });
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
    let token = claims.as_ref().and(params.t.as_deref());
    html_response(render_page(&text, token, &state.public_base, claims.as_ref()))
}

/// A page response with the strict security headers.
pub fn html_response(markup: Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PAGE_CSP)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .insert_header((header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .body(markup.into_string())
}

fn render_page(text: &WarningText, token: Option<&str>, base: &str, _claims: Option<&Claims>) -> Markup {
    let link = |id: &str| match token {
        Some(token) => format!("{base}/v1/go/{id}?t={token}"),
        None => format!("{base}/v1/go/{id}"),
    };
    html! {
        (DOCTYPE)
        html lang=(text.locale) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (text.ui.page_title) }
                link rel="stylesheet" href="/assets/warning.css";
            }
            body {
                main id="main" {
                    h1 { (text.title) }
                    p class="no-results" { (text.ui.no_results) }
                    p class="body" { (text.body) }
                    section aria-labelledby="help-heading" {
                        h2 id="help-heading" { (text.ui.help_heading) }
                        ul class="helplines" {
                            @for h in &text.helplines {
                                li class="helpline" {
                                    h3 { a href=(link(&h.id)) { (h.name) } }
                                    @if let Some(phone) = &h.phone {
                                        p { (text.ui.call) ": " a href={ "tel:" (phone.replace(' ', "")) } { (phone) } }
                                    }
                                    @if let Some(hours) = &h.hours {
                                        p { (text.ui.hours) ": " (hours) }
                                    }
                                    @if h.worldwide {
                                        p { (text.ui.worldwide) }
                                    }
                                    p class="confidentiality" { (text.ui.confidentiality) ": " (h.confidentiality) }
                                }
                            }
                        }
                    }
                    p class="leave" { a href="about:blank" { (text.ui.leave) } }
                }
            }
        }
    }
}

/// The stylesheet of the pages (embedded; contrast checked for WCAG 2.2 AA).
pub async fn warning_css() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")))
        .body(include_str!("../assets/warning.css"))
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
    state.record_click(claims.as_ref(), &helpline.id);
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, helpline.url.as_str()))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .insert_header((header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .finish())
}
