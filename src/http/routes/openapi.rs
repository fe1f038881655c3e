//! `/openapi.json`: the API description, generated from the handlers and
//! types themselves (utoipa), so it cannot drift from the code.

use actix_web::HttpResponse;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(title = "signpost", description = "Deterrence middleware: warns people who search for child sexual abuse material and offers help, and measures the effect anonymously."),
    paths(
        super::check::check_post,
        super::check::check_get,
        super::filter::filter,
        super::gate::gate,
        super::events::events,
        super::chat::chat,
        super::stats::stats,
        super::pages::warning_page,
        super::pages::go,
        super::embed::component,
        super::health::healthz,
        super::health::readyz,
        super::health::metrics,
        super::admin::reload,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "check", description = "The inline decision"),
        (name = "gate", description = "Inline gate for nginx auth_request and Envoy ext_authz"),
        (name = "pages", description = "What a person sees"),
        (name = "chat", description = "The scripted, buttons-only chat"),
        (name = "events", description = "Anonymous counting of what happened after a warning"),
        (name = "research", description = "Aggregated, disclosure-controlled exports"),
        (name = "operations", description = "Health, readiness, metrics"),
        (name = "admin", description = "Live reload"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document.
pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(ApiDoc::openapi().to_json().unwrap_or_default())
}
