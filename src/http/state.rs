//! The state shared by all requests: configuration, the live engine (swapped
//! atomically on reload), token signer, pseudonyms and metrics.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use actix_web::web::Bytes;
use arc_swap::ArcSwap;
use serde::Serialize;

use super::metrics::Metrics;
use super::session::DashboardSessions;
use crate::analytics::pseudonym::Pseudonymizer;
use crate::analytics::replay::{ReplayGuard, once_key};
use crate::analytics::sink::Change;
use crate::analytics::token::{Claims, TokenSigner, now_seconds};
use crate::analytics::{Analytics, Counters, Dims, Event, EventKind, Store, Tag};
use crate::check::Shown;
use crate::config::Config;
use crate::engine::{Engine, EngineError};
use crate::keywords::EntryId;

/// Everything a request may need.
pub struct AppState {
    /// The configuration the service started with.
    pub config: Config,
    /// The live lists and content; readers never wait for a reload.
    pub engine: ArcSwap<Live>,
    /// Seals and opens event tokens.
    pub tokens: TokenSigner,
    /// Day-scoped session pseudonyms (salts shared through the store).
    pub pseudonyms: Arc<Pseudonymizer>,
    /// Anonymised counting.
    pub analytics: Analytics,
    /// What each event token has counted already (each event once).
    pub replay: Arc<ReplayGuard>,
    /// Dashboard sign-in sessions.
    pub dashboard_sessions: DashboardSessions,
    /// Prometheus metrics.
    pub metrics: Metrics,
    /// Base URL of links people follow (warning page, tracked helpline links).
    pub public_base: String,
    /// When the service started.
    pub started: Instant,
    reload_lock: tokio::sync::Mutex<()>,
}

/// The engine as served: swapped whole, so an answer never mixes the lists
/// of one load with the precomputed answer of another.
pub struct Live {
    /// Lists, content, experiment.
    pub engine: Engine,
    /// The `allow` answer of `/v1/check` (it is the same for every allowed
    /// query of this list version), serialised once.
    pub allow_json: Bytes,
    /// Warning answers by (variant, locale, country), serialised once, as
    /// the fragments between event tokens.
    warnings: RwLock<HashMap<Shown, Arc<Vec<String>>>>,
}

/// Most cached warning answers kept per load (variants × locales × countries
/// stays far below it).
const MAX_CACHED_WARNINGS: usize = 10_000;

impl Live {
    /// Wraps a freshly loaded engine.
    pub fn new(engine: Engine) -> Live {
        let allow_json =
            Bytes::from(format!("{{\"decision\":\"allow\",\"list_version\":\"{}\"}}", engine.matcher.version()));
        Live { engine, allow_json, warnings: RwLock::new(HashMap::new()) }
    }

    /// The cached fragments of the warning answer `shown` (what its text
    /// depends on: variant, locale, country), built with `build` the first time.
    pub fn warning_template(&self, shown: &Shown, build: impl FnOnce() -> Vec<String>) -> Arc<Vec<String>> {
        if let Some(found) = self.warnings.read().unwrap_or_else(|e| e.into_inner()).get(shown) {
            return Arc::clone(found);
        }
        let built = Arc::new(build());
        let mut cache = self.warnings.write().unwrap_or_else(|e| e.into_inner());
        if cache.len() < MAX_CACHED_WARNINGS {
            cache.insert(shown.clone(), Arc::clone(&built));
        }
        built
    }
}

impl std::ops::Deref for Live {
    type Target = Engine;

    fn deref(&self) -> &Engine {
        &self.engine
    }
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
    /// State around an engine already loaded; starts analytics on the
    /// configured store (a store that cannot open leaves the service
    /// running without counts, reported on `/readyz`).
    pub fn new(config: Config, engine: Engine, tokens: TokenSigner, public_base: String) -> AppState {
        let metrics = Metrics::default();
        metrics.set_lists(engine.matcher.version(), engine.matcher.entries_len());
        let pseudonyms = Arc::new(Pseudonymizer::with_pepper(tokens.derive_key("session pseudonyms")));
        let counters = Counters {
            events_dropped: metrics.events_dropped.clone(),
            cells_dropped: metrics.cells_dropped.clone(),
            flush_failures: metrics.flush_failures.clone(),
            sink_up: metrics.sink_up.clone(),
        };
        let store = if !config.analytics.enabled {
            Store::Off
        } else if let Some(target) = config.redis_target() {
            Store::Redis(target)
        } else {
            Store::Embedded(config.data_dir.clone())
        };
        let analytics =
            match Analytics::start(store.clone(), &config.analytics, Arc::clone(&pseudonyms), counters.clone()) {
                Ok(analytics) => analytics,
                Err(error) => {
                    tracing::error!(%error, "analytics store unavailable; the service runs without counting");
                    Analytics::failed(store.clone(), counters)
                }
            };
        analytics.record_change(change_of(&engine));
        let replay = match &store {
            Store::Redis(target) => {
                let timeout = std::time::Duration::from_millis(config.analytics.redis_timeout_ms.max(1));
                ReplayGuard::shared_with(&target.url, target.options(), timeout).unwrap_or_else(|error| {
                    tracing::error!(%error, "Redis URL refused; event tokens are remembered by this instance alone");
                    ReplayGuard::local()
                })
            }
            _ => ReplayGuard::local(),
        };
        let dashboard_sessions = DashboardSessions::new(tokens.derive_key("dashboard sessions"));
        AppState {
            config,
            engine: ArcSwap::from_pointee(Live::new(engine)),
            tokens,
            pseudonyms,
            analytics,
            replay: Arc::new(replay),
            dashboard_sessions,
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
        self.analytics.record_change(change_of(&engine));
        self.engine.store(Arc::new(Live::new(engine)));
        self.metrics.reloads.inc();
        tracing::info!(list_version = %report.list_version, entries = report.entries, "reloaded lists and content");
        Ok(report)
    }
}

impl AppState {
    /// The analytics store in use: `none`, `embedded` or `redis`.
    pub fn analytics_sink_name(&self) -> &'static str {
        self.analytics.store_name()
    }

    /// Whether the analytics store accepts writes.
    pub fn analytics_up(&self) -> bool {
        self.analytics.is_up()
    }

    /// Counts `kind` at `at` under the dimensions of a verified event token,
    /// unless this token has counted it before; whether it was counted.
    pub async fn record_event(&self, claims: &Claims, kind: EventKind, at: u64) -> bool {
        let what = once_key(&kind);
        let now = now_seconds();
        let first = if self.replay.is_shared() {
            let (replay, claims) = (Arc::clone(&self.replay), claims.clone());
            actix_web::web::block(move || replay.first(&claims, &what, now)).await.unwrap_or(false)
        } else {
            self.replay.first(claims, &what, now)
        };
        if first {
            self.analytics.record(Event { at, kind, dims: dims_of(claims), session: None });
        }
        first && self.analytics.is_counting()
    }

    /// Whether the service runs in demo mode: the embedded demo lists, or
    /// `demo = true`. Only then is simulated traffic accepted.
    pub fn demo_mode(&self) -> bool {
        self.config.demo_mode()
    }

    /// When a request's events happened: now, or in demo mode the time a
    /// simulator names in `X-Signpost-Time` (seconds since the Unix epoch,
    /// not in the future), so `signpost simulate` can fill past weeks.
    pub fn clock(&self, request: &actix_web::HttpRequest) -> u64 {
        let now = now_seconds();
        if !self.demo_mode() {
            return now;
        }
        request
            .headers()
            .get(SIMULATED_TIME)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .filter(|t| *t <= now)
            .unwrap_or(now)
    }
}

/// The header a simulator names the time of its traffic in (demo mode only).
pub const SIMULATED_TIME: &str = "x-signpost-time";

/// The count dimensions carried by an event token.
pub fn dims_of(claims: &Claims) -> Dims {
    Dims {
        list_version: Arc::from(claims.list_version.as_str()),
        category: (!claims.category.is_empty()).then(|| Arc::from(claims.category.as_str())),
        entry: u64::from_str_radix(&claims.entry, 16).ok().map(EntryId),
        variant: Some(Arc::from(claims.variant.as_str())),
        locale: Tag::new(&claims.locale),
        country: Tag::new(claims.country.as_deref().unwrap_or("")),
        surface: Tag::new(claims.surface.as_deref().unwrap_or("")),
    }
}

/// The state in force, for the record of changes.
pub fn change_of(engine: &Engine) -> Change {
    Change {
        at: now_seconds(),
        list_version: engine.matcher.version().to_owned(),
        lists: engine.matcher.lists().iter().map(|l| format!("{}@{}", l.id, l.version)).collect(),
        content_version: engine.content.version().to_owned(),
        weights: engine.experiment.weights(&engine.content).into_iter().collect(),
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
