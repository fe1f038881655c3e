//! In-process use for Rust platforms that run actix-web themselves:
//! [`SignpostGate`], a middleware that checks the search parameter of chosen
//! routes and answers with the warning itself, without a network hop.
//!
//! ```no_run
//! use actix_web::{App, HttpServer, web};
//! use signpost::actix::SignpostGate;
//! use signpost::config::Config;
//! use signpost::engine::Engine;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let gate = SignpostGate::from_engine(Engine::load(&Config::default())?).route("/search");
//! HttpServer::new(move || {
//!     App::new().wrap(gate.clone()).route("/search", web::get().to(|| async { "results" }))
//! })
//! .bind("127.0.0.1:8081")?
//! .run()
//! .await?;
//! # Ok(())
//! # }
//! ```
//!
//! What it does with a request:
//! - the path (as actix-web's router sees it, so `/%73earch` is `/search`)
//!   is not one of the [`routes`](SignpostGate::route) or under one of the
//!   [prefixes](SignpostGate::route_prefix) → passed through untouched (with
//!   no route or prefix named, every path is checked);
//! - no configured parameter in the query string → passed through;
//! - every value of every configured parameter is decided by the engine
//!   (decoded leniently, as `web::Query` decodes it for the host's handler,
//!   so a stray bad escape cannot slip a listed term past the gate; only the
//!   first `max_query_bytes` bytes of each value are checked);
//! - `allow` (or the experiment's control arm) → passed through untouched;
//! - `warn` → answered by the gate: the warning page (the same look as the
//!   hosted page, stylesheet inline under a strict Content-Security-Policy)
//!   when the client accepts HTML at least as much as JSON, else the JSON of
//!   `/v1/check` (`decision`, `list_version`, `warning`), without
//!   `event_token` since the gate signs no tokens.
//!
//! The gate fails open: if anything inside it goes wrong (even a panic in
//! matching or rendering), the request goes to the host's handler as if the
//! gate were not there. It never logs, stores or exports the query.
//!
//! The engine sits in an [`ArcSwap`], so the host can reload lists by
//! storing a new [`Engine`]; requests never wait for a reload.

use std::borrow::Cow;
use std::future::{Ready, ready};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::sync::Arc;

use crate::analytics::token::now_seconds;
use crate::check::{CheckInput, CheckResponse, Links, WarningPayload, run};
use crate::config::Limits;
use crate::deterrence::{HelplineView, WarningText};
use crate::engine::{Answer, Engine};
use crate::web::{
    DECISION_HEADER, PageLinks, first_language, header_str, inline_style_csp, page_response, render_page,
};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{Error, HttpResponse};
use arc_swap::ArcSwap;
use futures_util::future::{Either, MapOk, TryFutureExt};

/// The parameters checked when none is named: `q`, `query`, `search`.
pub const DEFAULT_PARAMS: [&str; 3] = ["q", "query", "search"];

/// An actix-web middleware that answers searches for listed terms with the
/// warning and lets every other request through untouched.
///
/// Build it once and clone it into the `HttpServer::new` closure; clones
/// share the engine.
#[derive(Clone)]
pub struct SignpostGate {
    engine: Arc<ArcSwap<Engine>>,
    routes: Vec<String>,
    prefixes: Vec<String>,
    params: Vec<String>,
    params_named: bool,
    status: StatusCode,
    locale_from_accept_language: bool,
    country_header: Option<HeaderName>,
    base_url: Option<String>,
    max_query_bytes: usize,
}

impl SignpostGate {
    /// A gate over a live engine; store a new [`Engine`] into `engine` to
    /// reload lists and content.
    pub fn new(engine: Arc<ArcSwap<Engine>>) -> SignpostGate {
        SignpostGate {
            engine,
            routes: Vec::new(),
            prefixes: Vec::new(),
            params: DEFAULT_PARAMS.iter().map(|p| (*p).to_owned()).collect(),
            params_named: false,
            status: StatusCode::OK,
            locale_from_accept_language: true,
            country_header: None,
            base_url: None,
            max_query_bytes: Limits::default().max_query_bytes,
        }
    }

    /// A gate over an engine that is never reloaded.
    pub fn from_engine(engine: Engine) -> SignpostGate {
        SignpostGate::new(Arc::new(ArcSwap::from_pointee(engine)))
    }

    /// The live engine, to reload it (`gate.engine().store(Arc::new(new_engine))`).
    pub fn engine(&self) -> &Arc<ArcSwap<Engine>> {
        &self.engine
    }

    /// Checks requests to exactly `path` (repeatable). With no route and
    /// no prefix named, every path is checked.
    pub fn route(mut self, path: impl Into<String>) -> SignpostGate {
        self.routes.push(path.into());
        self
    }

    /// Checks requests to every path starting with `prefix` (repeatable).
    pub fn route_prefix(mut self, prefix: impl Into<String>) -> SignpostGate {
        self.prefixes.push(prefix.into());
        self
    }

    /// Checks the query-string parameter `name` (repeatable). The first call
    /// replaces the defaults ([`DEFAULT_PARAMS`]).
    pub fn param(mut self, name: impl Into<String>) -> SignpostGate {
        if !self.params_named {
            self.params.clear();
            self.params_named = true;
        }
        self.params.push(name.into());
        self
    }

    /// The status of a warning answer. Default `200 OK`: here the host *is*
    /// the page people see, and the warning is a normal page, not an error;
    /// an error status would make browsers, CDNs and monitoring treat it as
    /// one (some CDNs replace error bodies with their own page). Choose e.g.
    /// `451` or `403` if crawlers or clients must tell the answers apart by
    /// status (the `X-Signpost-Decision: warn` header also does).
    pub fn status(mut self, status: StatusCode) -> SignpostGate {
        self.status = status;
        self
    }

    /// Whether the warning's language follows the request's
    /// `Accept-Language` (default `true`); otherwise English.
    pub fn locale_from_accept_language(mut self, on: bool) -> SignpostGate {
        self.locale_from_accept_language = on;
        self
    }

    /// A request header holding the reader's country (ISO 3166-1 alpha-2,
    /// e.g. `CF-IPCountry` behind Cloudflare), which picks the helplines.
    /// Without it the warning lists the services that serve everyone.
    pub fn country_header(mut self, name: HeaderName) -> SignpostGate {
        self.country_header = Some(name);
        self
    }

    /// The base URL of a signpost service (e.g. `https://signpost.example`):
    /// helpline links then go through its counting redirect `/v1/go/{id}`
    /// and JSON answers carry its `page_url`. Without it (the default)
    /// helpline links point directly at the services.
    pub fn base_url(mut self, base_url: Option<String>) -> SignpostGate {
        self.base_url = base_url.map(|url| url.trim_end_matches('/').to_owned());
        self
    }

    /// How many bytes of each parameter value are checked (default 1024,
    /// the service's `limits.max_query_bytes`).
    pub fn max_query_bytes(mut self, limit: usize) -> SignpostGate {
        self.max_query_bytes = limit.max(1);
        self
    }
}

impl<S, B> Transform<S, ServiceRequest> for SignpostGate
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = SignpostGateService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(SignpostGateService { service, gate: Rc::new(self.clone()) }))
    }
}

/// The service [`SignpostGate`] wraps around the host's application.
pub struct SignpostGateService<S> {
    service: S,
    gate: Rc<SignpostGate>,
}

type PassThrough<B> = fn(ServiceResponse<B>) -> ServiceResponse<EitherBody<B>>;

impl<S, B> Service<ServiceRequest> for SignpostGateService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = Either<Ready<Result<Self::Response, Error>>, MapOk<S::Future, PassThrough<B>>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        // Fail open: a panic in matching or rendering lets the search through.
        let warning = catch_unwind(AssertUnwindSafe(|| self.gate.warning_for(&request))).ok().flatten();
        match warning {
            Some(response) => Either::Left(ready(Ok(request.into_response(response).map_into_right_body()))),
            None => {
                let pass: PassThrough<B> = ServiceResponse::map_into_left_body;
                Either::Right(self.service.call(request).map_ok(pass))
            }
        }
    }
}

impl SignpostGate {
    fn checks_path(&self, path: &str) -> bool {
        (self.routes.is_empty() && self.prefixes.is_empty())
            || self.routes.iter().any(|route| route == path)
            || self.prefixes.iter().any(|prefix| path.starts_with(prefix.as_str()))
    }

    /// The warning answer for `request`, or `None` to pass it through.
    fn warning_for(&self, request: &ServiceRequest) -> Option<HttpResponse> {
        let query_string = request.query_string();
        if query_string.is_empty() || !self.checks_path(request.match_info().as_str()) {
            return None;
        }
        let engine = self.engine.load();
        let headers = request.headers();
        let at = now_seconds();
        let shown = form_urlencoded::parse(query_string.as_bytes())
            .filter(|(key, _)| self.params.iter().any(|name| name == key))
            .find_map(|(_, value)| {
                let mut input = CheckInput::truncated(value, self.max_query_bytes, at);
                // A header that does not pass is left out: the gate never refuses.
                if let Some(tag) = first_language(headers).filter(|_| self.locale_from_accept_language) {
                    let _ = input.set_locale(Cow::Borrowed(tag));
                }
                if let Some(country) = self.country_header.as_ref().and_then(|name| header_str(headers, name)) {
                    let _ = input.set_country(Cow::Borrowed(country));
                }
                run(&engine, &input).shown
            })?;
        let links = Links { base: self.base_url.as_deref(), token: None };
        Some(if prefers_html(request) {
            self.html(&engine.content.warning(&shown.variant, &shown.locale, shown.country.as_deref()), &links)
        } else {
            self.json(WarningPayload::build(&engine.content, &shown, &links), engine.matcher.version())
        })
    }

    fn html(&self, text: &WarningText, links: &Links<'_>) -> HttpResponse {
        let href = |h: &HelplineView| links.helpline(h);
        let markup = render_page(text, &PageLinks { helpline_href: &href, inline_style: true, base: "", chat: None });
        let mut response = page_response(self.status, inline_style_csp(), markup);
        mark_warning(&mut response);
        response
    }

    fn json(&self, warning: WarningPayload, list_version: &str) -> HttpResponse {
        let answer = CheckResponse {
            decision: Answer::Warn,
            list_version: list_version.to_owned(),
            warning: Some(warning),
            matches: None,
        };
        let mut response = HttpResponse::build(self.status)
            .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
            .json(answer);
        mark_warning(&mut response);
        response
    }
}

fn mark_warning(response: &mut HttpResponse) {
    let headers = response.headers_mut();
    headers.insert(DECISION_HEADER, HeaderValue::from_static("warn"));
    headers.insert(header::VARY, HeaderValue::from_static("Accept, Accept-Language"));
}

/// Whether the client takes HTML at least as much as JSON (by `Accept`
/// q-values; no `Accept` means anything).
fn prefers_html(request: &ServiceRequest) -> bool {
    let Some(accept) = header_str(request.headers(), header::ACCEPT) else {
        return true;
    };
    let (mut html, mut json) = (0.0_f32, 0.0_f32);
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
            .next()
            .unwrap_or(1.0);
        match media.as_str() {
            "*/*" => {
                html = html.max(q);
                json = json.max(q);
            }
            "text/html" | "text/*" | "application/xhtml+xml" => html = html.max(q),
            "application/json" | "application/*" => json = json.max(q),
            other if other.ends_with("+json") => json = json.max(q),
            _ => {}
        }
    }
    html >= json
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn accepts(value: &str) -> bool {
        prefers_html(&TestRequest::default().insert_header((header::ACCEPT, value)).to_srv_request())
    }

    #[test]
    fn html_unless_json_is_preferred() {
        assert!(prefers_html(&TestRequest::default().to_srv_request()));
        assert!(accepts("*/*"));
        assert!(accepts("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assert!(!accepts("application/json"));
        assert!(!accepts("application/json, */*;q=0.1"));
        assert!(!accepts("application/problem+json"));
        assert!(accepts("application/json;q=0.5, text/html"));
    }

    #[test]
    fn paths_checked() {
        let engine = Arc::new(ArcSwap::from_pointee(
            Engine::load(&crate::config::Config::default()).expect("the demo engine loads"),
        ));
        let all = SignpostGate::new(Arc::clone(&engine));
        assert!(all.checks_path("/anything"));
        let some = SignpostGate::new(engine).route("/search").route_prefix("/find/");
        assert!(some.checks_path("/search") && some.checks_path("/find/images"));
        assert!(!some.checks_path("/search/") && !some.checks_path("/other") && !some.checks_path("/find"));
    }
}
