//! The embeddable web component (`/embed/signpost.js`) and the demo search
//! page that shows it (`/demo`, served in demo mode: with the embedded demo
//! lists, or when `demo = true`).

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, web};

use crate::http::error::ApiError;
use crate::http::state::AppState;

/// The `<signpost-warning>` custom element: vanilla JavaScript, no build.
pub const COMPONENT_JS: &str = include_str!("../assets/signpost.js");
const DEMO_HTML: &str = include_str!("../../../examples/embed.html");
const DEMO_JS: &str = include_str!("../../../examples/embed/app.js");
const DEMO_CSS: &str = include_str!("../../../examples/embed/app.css");

/// The policy of the demo page: scripts and styles from this origin only.
pub const DEMO_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; \
                            form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The web component.
#[utoipa::path(get, path = "/embed/signpost.js", tag = "pages",
    responses((status = 200, description = "The <signpost-warning> web component", content_type = "text/javascript")))]
pub async fn component() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")))
        .body(COMPONENT_JS)
}

fn demo_enabled(state: &AppState) -> bool {
    state.config.demo || state.config.keywords.is_empty()
}

/// The demo search page of an imaginary platform.
pub async fn demo_page(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    if !demo_enabled(&state) {
        return Err(ApiError::NotFound);
    }
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(DEMO_CSP)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .body(DEMO_HTML))
}

/// The demo page's script.
pub async fn demo_script(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    demo_asset(&state, "text/javascript; charset=utf-8", DEMO_JS)
}

/// The demo page's stylesheet.
pub async fn demo_style(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    demo_asset(&state, "text/css; charset=utf-8", DEMO_CSS)
}

/// A file of the demo page, served only in demo mode.
fn demo_asset(state: &AppState, content_type: &'static str, body: &'static str) -> Result<HttpResponse, ApiError> {
    if !demo_enabled(state) {
        return Err(ApiError::NotFound);
    }
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .body(body))
}
