//! The HTTP service (actix-web): routes, errors, auth, the inline gate and
//! the hosted pages. A thin layer: it maps requests to engine calls and
//! domain errors to JSON answers, and never logs a query.
//!
//! [`Application::build`] binds first (port 0 works in tests), then
//! [`Application::run_until_stopped`] serves until SIGTERM/SIGINT (graceful)
//! and reloads on SIGHUP.

pub(crate) mod auth;
pub(crate) mod error;
pub(crate) mod extract;
pub(crate) mod metrics;
pub(crate) mod middleware;
pub(crate) mod reply;
pub(crate) mod routes;
pub(crate) mod session;
pub(crate) mod state;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{Condition, from_fn};
use actix_web::{App, HttpServer, web};

use crate::analytics::Analytics;
use crate::analytics::token::{Claims, TokenError, TokenSigner};
use crate::config::Config;
use crate::engine::{Engine, EngineError};
use error::{method_not_allowed, not_found};
use state::AppState;
pub use state::{LoadedList, ReloadReport};

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Lists, content or experiment were refused.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// The address.
        address: String,
        /// Why.
        source: std::io::Error,
    },
}

/// A bound, ready-to-run service.
pub struct Application {
    port: u16,
    server: Server,
    state: Arc<AppState>,
}

impl Application {
    /// Loads the engine, binds the listener and prepares the server.
    pub async fn build(config: Config) -> Result<Application, StartError> {
        let engine = {
            let config = config.clone();
            tokio::task::spawn_blocking(move || Engine::load(&config))
                .await
                .unwrap_or_else(|join| Err(EngineError::Internal(join.to_string())))?
        };
        let listener = TcpListener::bind(&config.listen)
            .map_err(|source| StartError::Bind { address: config.listen.clone(), source })?;
        let address =
            listener.local_addr().map_err(|source| StartError::Bind { address: config.listen.clone(), source })?;
        let tokens = match &config.token_secret {
            Some(secret) => TokenSigner::new(secret.as_bytes().to_vec(), config.check.token_ttl_seconds),
            None => {
                tracing::warn!(
                    "no token_secret configured: event tokens are sealed with a random key and fail on other instances and after a restart"
                );
                TokenSigner::random(config.check.token_ttl_seconds)
            }
        };
        if !config.demo_mode() && config.entry_id_key.is_none() {
            tracing::warn!(
                "no entry_id_key configured: entry ids in event tokens and exports use the public default key, so anyone can confirm a guessed term from them; set entry_id_key for licensed lists"
            );
        }
        let public_base = config.public_base(address);
        let state = Arc::new(AppState::new(config, engine, tokens, public_base));
        let server = serve(listener, Arc::clone(&state))?;
        tracing::info!(%address, list_version = %state.engine.load().matcher.version(), "signpost listening");
        Ok(Application { port: address.port(), server, state })
    }

    /// The port bound.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle on the running service (for operations tooling and tests).
    pub fn handle(&self) -> Handle {
        Handle { state: Arc::clone(&self.state) }
    }

    /// Serves until stopped; reloads on SIGHUP.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let state = Arc::clone(&self.state);
        let reloader = tokio::spawn(async move { reload_on_sighup(state).await });
        let result = self.server.await;
        reloader.abort();
        // The last counts go out before the process ends.
        let state = Arc::clone(&self.state);
        let _ = tokio::task::spawn_blocking(move || state.analytics.shutdown()).await;
        result
    }
}

/// A cheap, cloneable handle on a running service: what an embedding
/// program (or a test) may do with it besides HTTP. The service's state
/// itself stays private.
#[derive(Clone)]
pub struct Handle {
    state: Arc<AppState>,
}

impl Handle {
    /// The analytics pipeline: flush now, the store's name, read what it holds.
    pub fn analytics(&self) -> &Analytics {
        &self.state.analytics
    }

    /// The version of the lists serving now.
    pub fn list_version(&self) -> String {
        self.state.engine.load().matcher.version().to_owned()
    }

    /// The Prometheus text `/metrics` answers with.
    pub fn metrics_text(&self) -> String {
        self.state.metrics.render()
    }

    /// The claims of an event token this service issued.
    pub fn verify_token(&self, token: &str) -> Result<Claims, TokenError> {
        self.state.tokens.verify(token)
    }

    /// Reloads lists and content, as SIGHUP and `POST /admin/reload` do;
    /// on an error the loaded ones keep serving.
    pub async fn reload(&self) -> Result<ReloadReport, EngineError> {
        self.state.reload().await
    }
}

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handle").finish_non_exhaustive()
    }
}

#[cfg(unix)]
async fn reload_on_sighup(state: Arc<AppState>) {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut hangups) = signal(SignalKind::hangup()) else {
        tracing::warn!("cannot listen for SIGHUP; use POST /admin/reload");
        return;
    };
    while hangups.recv().await.is_some() {
        tracing::info!("SIGHUP: reloading lists and content");
        let _ = state.reload().await;
    }
}

#[cfg(not(unix))]
async fn reload_on_sighup(_state: Arc<AppState>) {}

fn serve(listener: TcpListener, state: Arc<AppState>) -> Result<Server, StartError> {
    let workers = state.config.workers;
    let data = web::Data::from(state);
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .configure(|config| routes_with_cors(config, &data.config.cors_origins))
            .wrap(from_fn(middleware::observe))
    })
    .shutdown_timeout(10);
    if let Some(workers) = workers {
        server = server.workers(workers.max(1));
    }
    let server =
        server.listen(listener).map_err(|source| StartError::Bind { address: "listener".into(), source })?.run();
    Ok(server)
}

/// Cross-origin access for the browser APIs, for the configured origins only
/// (none by default, and then the middleware is not installed at all):
/// `GET`/`POST` with a JSON body, no credentials. Installed on the routes the
/// web component calls and nowhere else: `/metrics`, `/readyz`, the stats
/// and admin routes never answer another origin.
fn cors(origins: &[String]) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "POST"])
        .allowed_headers([actix_web::http::header::CONTENT_TYPE])
        .max_age(3600);
    for origin in origins {
        cors = if origin == "*" { cors.allow_any_origin() } else { cors.allowed_origin(origin) };
    }
    cors
}

/// Every route of the service, the browser APIs (`/v1/check`, `/v1/chat`,
/// `/v1/events`) open to the pages of `origins` ([`cors`]).
pub(crate) fn routes_with_cors(config: &mut web::ServiceConfig, origins: &[String]) {
    use routes::*;
    fn get(path: &str) -> actix_web::Resource {
        web::resource(path).default_service(web::to(method_not_allowed("GET")))
    }
    let browser = || Condition::new(!origins.is_empty(), cors(origins));
    config
        .service(
            web::resource("/v1/check")
                .route(web::post().to(check::check_post))
                .route(web::get().to(check::check_get))
                .default_service(web::to(method_not_allowed("GET, POST")))
                .wrap(browser()),
        )
        .service(
            web::resource("/v1/filter")
                .route(web::post().to(filter::filter))
                .default_service(web::to(method_not_allowed("POST")))
                .wrap(browser()),
        )
        .service(
            web::resource("/v1/chat")
                .route(web::post().to(chat::chat))
                .default_service(web::to(method_not_allowed("POST")))
                .wrap(browser()),
        )
        .service(
            web::resource("/v1/events")
                .route(web::post().to(events::events))
                .default_service(web::to(method_not_allowed("POST")))
                .wrap(browser()),
        )
        .service(web::resource("/v1/gate").to(gate::gate))
        .service(web::resource("/v1/gate/{tail:.*}").to(gate::gate))
        .service(get("/healthz").route(web::get().to(health::healthz)))
        .service(get("/readyz").route(web::get().to(health::readyz)))
        .service(get("/metrics").route(web::get().to(health::metrics)))
        .service(get("/openapi.json").route(web::get().to(openapi::openapi)))
        .service(
            web::resource("/admin/reload")
                .route(web::post().to(admin::reload))
                .default_service(web::to(method_not_allowed("POST"))),
        )
        .service(get("/v1/stats").route(web::get().to(stats::stats)))
        .service(get("/dashboard").route(web::get().to(dashboard::dashboard)))
        .service(
            web::resource("/dashboard/sign-in")
                .route(web::post().to(dashboard::sign_in))
                .default_service(web::to(method_not_allowed("POST"))),
        )
        .service(
            web::resource("/dashboard/sign-out")
                .route(web::post().to(dashboard::sign_out))
                .default_service(web::to(method_not_allowed("POST"))),
        )
        .service(get("/assets/dashboard.css").route(web::get().to(dashboard::stylesheet)))
        .service(get("/warning").route(web::get().to(pages::warning_page)))
        .service(get("/assets/warning.css").route(web::get().to(pages::warning_css)))
        .service(get("/v1/go/{helpline_id}").route(web::get().to(pages::go)))
        .service(get("/embed/signpost.js").route(web::get().to(embed::component)))
        .service(get("/demo").route(web::get().to(embed::demo_page)))
        .service(get("/demo/app.js").route(web::get().to(embed::demo_script)))
        .service(get("/demo/app.css").route(web::get().to(embed::demo_style)))
        .default_service(web::to(not_found));
}
