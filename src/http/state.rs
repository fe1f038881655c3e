//! The state shared by all requests: configuration, the live engine (swapped
//! atomically on reload), token signer, pseudonyms and metrics.

use std::sync::Arc;
use std::time::Instant;

use arc_swap::ArcSwap;
use serde::Serialize;

use super::metrics::Metrics;
use crate::analytics::pseudonym::Pseudonymizer;
use crate::analytics::token::TokenSigner;
use crate::config::Config;
use crate::engine::{Engine, EngineError};

/// Everything a request may need.
pub struct AppState {
    /// The configuration the service started with.
    pub config: Config,
    /// The live lists and content; readers never wait for a reload.
    pub engine: ArcSwap<Engine>,
    /// Signs and verifies event tokens.
    pub tokens: TokenSigner,
    /// Day-scoped session pseudonyms.
    pub pseudonyms: Pseudonymizer,
    /// Prometheus metrics.
    pub metrics: Metrics,
    /// Base URL of links people follow (warning page, tracked helpline links).
    pub public_base: String,
    /// When the service started.
    pub started: Instant,
    reload_lock: tokio::sync::Mutex<()>,
}

/// What a successful reload loaded.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReloadReport {
    /// The new list version.
    pub list_version: String,
    /// The new content version.
    pub content_version: String,
    /// Entries in the new lists.
    pub entries: usize,
    /// The lists loaded.
    pub lists: Vec<LoadedList>,
}

/// One loaded list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LoadedList {
    /// List id.
    pub id: String,
    /// List version.
    pub version: String,
    /// Entries in it.
    pub entries: usize,
}

impl AppState {
    /// State around an engine already loaded.
    pub fn new(config: Config, engine: Engine, tokens: TokenSigner, public_base: String) -> AppState {
        let metrics = Metrics::default();
        metrics.set_lists(engine.matcher.version(), engine.matcher.entries_len());
        AppState {
            config,
            engine: ArcSwap::from_pointee(engine),
            tokens,
            pseudonyms: Pseudonymizer::default(),
            metrics,
            public_base,
            started: Instant::now(),
            reload_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Re-reads and compiles the lists and content off the request path,
    /// then swaps them in atomically. On any problem the old engine keeps
    /// serving and the problems are returned. Reloads run one at a time.
    pub async fn reload(self: &Arc<Self>) -> Result<ReloadReport, EngineError> {
        let _one_at_a_time = self.reload_lock.lock().await;
        let config = self.config.clone();
        let loaded = tokio::task::spawn_blocking(move || Engine::load(&config)).await;
        let engine = match loaded {
            Ok(Ok(engine)) => engine,
            Ok(Err(error)) => {
                self.metrics.reload_failures.inc();
                tracing::warn!(problems = %error, "reload refused; the previous lists and content keep serving");
                return Err(error);
            }
            Err(join) => {
                self.metrics.reload_failures.inc();
                tracing::error!(error = %join, "reload task failed; the previous lists and content keep serving");
                return Err(EngineError::Internal(join.to_string()));
            }
        };
        let report = report_of(&engine);
        self.metrics.set_lists(engine.matcher.version(), engine.matcher.entries_len());
        self.engine.store(Arc::new(engine));
        self.metrics.reloads.inc();
        tracing::info!(list_version = %report.list_version, entries = report.entries, "reloaded lists and content");
        Ok(report)
    }
}

impl AppState {
    /// The analytics sink in use: `none`, `embedded` or `redis`.
    pub fn analytics_sink_name(&self) -> &'static str {
        "none"
    }

    /// Whether the analytics sink accepts writes.
    pub fn analytics_up(&self) -> bool {
        true
    }

    /// Counts a helpline click (only with a valid token's dimensions).
    pub fn record_click(&self, claims: Option<&crate::analytics::token::Claims>, helpline: &str) {
        let _ = (claims, helpline);
    }
}

/// What `engine` holds, for reload answers and `/readyz`.
pub fn report_of(engine: &Engine) -> ReloadReport {
    ReloadReport {
        list_version: engine.matcher.version().to_owned(),
        content_version: engine.content.version().to_owned(),
        entries: engine.matcher.entries_len(),
        lists: engine
            .matcher
            .lists()
            .iter()
            .map(|l| LoadedList { id: l.id.to_string(), version: l.version.clone(), entries: l.entries })
            .collect(),
    }
}
