//! The counting pipeline: the bounded channel from the request path, the
//! aggregator thread and the store it flushes to.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;

use super::Event;
use super::aggregate::{Aggregator, Message};
use super::embedded::{self, EmbeddedStore};
use super::pseudonym::Pseudonymizer;
#[cfg(feature = "redis")]
use super::redis::RedisStore;
use super::sink::{Change, Sink, SinkError, StatsSource};

use crate::config::AnalyticsOptions;

/// Counters the pipeline keeps (exported on `/metrics`).
#[derive(Clone, Default)]
pub struct Counters {
    /// Events dropped because the channel was full.
    pub events_dropped: Counter,
    /// Cells dropped because the store was down and the buffer full.
    pub cells_dropped: Counter,
    /// Flushes that failed (and will be retried).
    pub flush_failures: Counter,
    /// 1 while the store accepts writes.
    pub sink_up: Gauge,
}

/// State shared between the handle and the aggregator.
pub struct Shared {
    /// Whether the last write succeeded.
    pub up: AtomicBool,
    /// Changes of lists, content or weights waiting to be written. They are
    /// rare and what tells a list change from an effect, so they never go
    /// through the bounded event channel, where a full channel would drop
    /// them.
    pub changes: Mutex<Vec<Change>>,
}

impl Shared {
    fn new(up: bool) -> Arc<Shared> {
        Arc::new(Shared { up: AtomicBool::new(up), changes: Mutex::new(Vec::new()) })
    }
}

/// Where the counts go.
#[derive(Clone, Debug)]
pub enum Store {
    /// Nothing is counted.
    Off,
    /// The embedded store in this directory.
    Embedded(std::path::PathBuf),
    /// Redis at this URL.
    Redis(RedisTarget),
}

/// A client certificate and its private key (PEM), in that order.
pub type ClientIdentity = (Arc<[u8]>, Arc<[u8]>);

/// Where Redis is, which CA signs its certificates and which certificate
/// this instance shows it.
#[derive(Clone)]
pub struct RedisTarget {
    /// `redis://…` or `rediss://…` (TLS), any one node of a cluster.
    pub url: String,
    /// CA certificates (PEM) to trust for `rediss://` instead of the system's.
    pub ca_pem: Option<Arc<[u8]>>,
    /// The master to ask a Redis Sentinel for, when it monitors several.
    pub sentinel_master: Option<String>,
    /// The password of a Redis Sentinel's master, when it is not the
    /// sentinel's own (the URL's).
    pub master_password: Option<String>,
    /// The client certificate and its private key (PEM), for a TLS Redis
    /// that authenticates clients.
    pub client_identity: Option<ClientIdentity>,
}

impl RedisTarget {
    /// The options of [`crate::analytics::redis::RedisStore::with_options`].
    #[cfg(feature = "redis")]
    pub fn options(&self) -> crate::analytics::redis::RedisOptions<'_> {
        crate::analytics::redis::RedisOptions {
            ca_pem: self.ca_pem.as_deref(),
            sentinel_master: self.sentinel_master.as_deref(),
            master_password: self.master_password.as_deref(),
            client_cert_pem: self.client_identity.as_ref().map(|(cert, _)| &cert[..]),
            client_key_pem: self.client_identity.as_ref().map(|(_, key)| &key[..]),
        }
    }
}

impl std::fmt::Debug for RedisTarget {
    // The URL may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisTarget").field("tls", &self.url.starts_with("rediss:")).finish_non_exhaustive()
    }
}

/// Why analytics could not start.
#[derive(Debug, thiserror::Error)]
pub enum AnalyticsError {
    /// The store could not be opened or the URL is unusable.
    #[error("{0}")]
    Store(#[from] SinkError),
}

/// The handle the service holds.
pub struct Analytics {
    sender: Option<SyncSender<Message>>,
    shared: Arc<Shared>,
    counters: Counters,
    store: Store,
    /// The embedded store, shared with exports; released on shutdown so the
    /// file can be opened again (redb allows one open handle at a time).
    embedded: Mutex<Option<EmbeddedStore>>,
    timeout: Duration,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Analytics {
    /// Analytics that count nothing.
    pub fn off(counters: Counters) -> Analytics {
        Analytics {
            sender: None,
            shared: Shared::new(true),
            counters,
            store: Store::Off,
            embedded: Mutex::new(None),
            timeout: Duration::from_millis(500),
            thread: Mutex::new(None),
        }
    }

    /// Analytics for `store` that could not start: nothing is counted, and
    /// the store shows as down.
    pub fn failed(store: Store, counters: Counters) -> Analytics {
        counters.sink_up.set(0);
        Analytics {
            sender: None,
            shared: Shared::new(false),
            counters,
            store,
            embedded: Mutex::new(None),
            timeout: Duration::from_millis(500),
            thread: Mutex::new(None),
        }
    }

    /// Starts the aggregator for `store`. Redis may be down: the store is
    /// used as soon as it answers. The embedded store must open. The day's
    /// salt is read from the store first (one attempt, within the Redis
    /// timeout), so sessions are pseudonymised alike from the first check.
    pub fn start(
        store: Store,
        options: &AnalyticsOptions,
        pseudonyms: Arc<Pseudonymizer>,
        counters: Counters,
    ) -> Result<Analytics, AnalyticsError> {
        let timeout = Duration::from_millis(options.redis_timeout_ms.max(1));
        let (sink, embedded): (Box<dyn Sink>, Option<EmbeddedStore>) = match &store {
            Store::Off => return Ok(Analytics::off(counters)),
            Store::Embedded(dir) => {
                let opened = EmbeddedStore::open(dir)?;
                (Box::new(opened.clone()), Some(opened))
            }
            Store::Redis(url) => (redis_sink(url, timeout)?, None),
        };
        Analytics::run_on(store, sink, embedded, options, pseudonyms, counters)
    }

    /// Starts the aggregator thread writing to `sink`.
    fn run_on(
        store: Store,
        sink: Box<dyn Sink>,
        embedded: Option<EmbeddedStore>,
        options: &AnalyticsOptions,
        pseudonyms: Arc<Pseudonymizer>,
        counters: Counters,
    ) -> Result<Analytics, AnalyticsError> {
        let (sender, receiver) = sync_channel(options.channel_capacity.max(1));
        let shared = Shared::new(true);
        counters.sink_up.set(1);
        let mut aggregator = Aggregator {
            receiver,
            sink,
            pseudonyms,
            shared: Arc::clone(&shared),
            counters: counters.clone(),
            interval: Duration::from_millis(options.flush_interval_ms.max(1)),
            buffer_cells: options.buffer_cells,
            retention_days: options.retention_days,
        };
        let salted = aggregator.install_salts();
        let thread = std::thread::Builder::new()
            .name("signpost-analytics".into())
            .spawn(move || aggregator.run(salted))
            .map_err(|e| SinkError::Unavailable(format!("cannot start the analytics thread: {e}")))?;
        Ok(Analytics {
            sender: Some(sender),
            shared,
            counters,
            store,
            embedded: Mutex::new(embedded),
            timeout: Duration::from_millis(options.redis_timeout_ms.max(1)),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Counts `event` later; never blocks. A full channel drops the event
    /// (counted on `/metrics`).
    pub fn record(&self, event: Event) {
        let Some(sender) = &self.sender else { return };
        match sender.try_send(Message::Event(Box::new(event))) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                self.counters.events_dropped.inc();
            }
            // The aggregator has stopped (shutdown, or a bug): the event is lost.
            Err(TrySendError::Disconnected(_)) => {
                self.counters.events_dropped.inc();
            }
        }
    }

    /// Records a change of lists, content or weights (at start and reload);
    /// never blocks and is never dropped. Written with the next flush.
    pub fn record_change(&self, change: Change) {
        if self.sender.is_some() {
            self.shared.changes.lock().unwrap_or_else(|e| e.into_inner()).push(change);
        }
    }

    /// Flushes now and waits for it (at most `wait`).
    pub fn flush(&self, wait: Duration) -> bool {
        let Some(sender) = &self.sender else { return true };
        let (done, finished) = sync_channel(1);
        if sender.send(Message::Flush(done)).is_err() {
            return false;
        }
        finished.recv_timeout(wait).is_ok()
    }

    /// Flushes and stops the aggregator, and closes the embedded store (on
    /// shutdown); nothing is counted afterwards.
    pub fn shutdown(&self) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(Message::Stop);
        }
        let thread = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(thread) = thread {
            let _ = thread.join();
        }
        self.embedded.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    /// Whether events are counted at all (analytics on and started).
    pub fn is_counting(&self) -> bool {
        self.sender.is_some()
    }

    /// `none`, `embedded` or `redis`.
    pub fn store_name(&self) -> &'static str {
        match self.store {
            Store::Off => "none",
            Store::Embedded(_) => "embedded",
            Store::Redis(_) => "redis",
        }
    }

    /// Whether counts are being written: the store accepted the last write
    /// and the aggregator is running.
    pub fn is_up(&self) -> bool {
        if self.sender.is_some() && !self.aggregator_running() {
            self.counters.sink_up.set(0);
            return false;
        }
        self.shared.up.load(Ordering::Relaxed)
    }

    fn aggregator_running(&self) -> bool {
        self.thread.lock().unwrap_or_else(|e| e.into_inner()).as_ref().is_some_and(|t| !t.is_finished())
    }

    /// A reader of the stored counts, for exports; `None` when off.
    pub fn source(&self) -> Option<Result<Box<dyn StatsSource + Send>, SinkError>> {
        match &self.store {
            Store::Off => None,
            Store::Embedded(_) => Some(
                self.embedded
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone()
                    .map(|s| Box::new(s) as Box<dyn StatsSource + Send>)
                    .ok_or_else(|| SinkError::Unavailable("the embedded store is closed or did not open".into())),
            ),
            Store::Redis(url) => Some(redis_source(url, self.timeout)),
        }
    }
}

impl Drop for Analytics {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Opens a store for reading from outside a running service (`signpost stats`).
pub fn open_source(store: &Store, timeout: Duration) -> Result<Box<dyn StatsSource>, SinkError> {
    match store {
        Store::Off => Err(SinkError::Unavailable("no store: give --redis URL or --data-dir DIR".into())),
        Store::Embedded(dir) => Ok(Box::new(embedded::EmbeddedReader::open(Path::new(dir))?)),
        Store::Redis(url) => Ok(redis_source(url, timeout)?),
    }
}

#[cfg(feature = "redis")]
fn redis_sink(target: &RedisTarget, timeout: Duration) -> Result<Box<dyn Sink>, SinkError> {
    Ok(Box::new(RedisStore::with_options(&target.url, target.options(), timeout)?))
}

#[cfg(feature = "redis")]
fn redis_source(target: &RedisTarget, timeout: Duration) -> Result<Box<dyn StatsSource + Send>, SinkError> {
    Ok(Box::new(RedisStore::with_options(&target.url, target.options(), timeout)?))
}

#[cfg(not(feature = "redis"))]
const NO_REDIS: &str = "this build of signpost has no Redis support (build it with the `redis` feature)";

#[cfg(not(feature = "redis"))]
fn redis_sink(_target: &RedisTarget, _timeout: Duration) -> Result<Box<dyn Sink>, SinkError> {
    Err(SinkError::Unavailable(NO_REDIS.into()))
}

#[cfg(not(feature = "redis"))]
fn redis_source(_target: &RedisTarget, _timeout: Duration) -> Result<Box<dyn StatsSource + Send>, SinkError> {
    Err(SinkError::Unavailable(NO_REDIS.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::sink::Batch;
    use crate::analytics::{Dims, EventKind, Tag, token};

    /// A store whose writes hit a bug: the aggregator thread panics.
    struct PanickingSink;

    impl Sink for PanickingSink {
        fn name(&self) -> &'static str {
            "panicking"
        }
        fn write(&mut self, _: &Batch, _: u32) -> Result<(), SinkError> {
            panic!("a bug in a store");
        }
        fn salt(&mut self, _: u32) -> Result<[u8; 32], SinkError> {
            Ok([7; 32])
        }
        fn record_change(&mut self, _: &Change) -> Result<(), SinkError> {
            Ok(())
        }
        fn purge(&mut self, _: u64, _: u32) -> Result<(), SinkError> {
            Ok(())
        }
    }

    fn check_event() -> Event {
        Event {
            at: token::now_seconds(),
            kind: EventKind::Check { hit: false, warned: false },
            dims: Dims {
                list_version: Arc::from("v1"),
                category: None,
                entry: None,
                variant: None,
                locale: Tag::new("en"),
                country: Tag::default(),
                surface: Tag::default(),
            },
            session: None,
        }
    }

    #[test]
    fn a_dead_aggregator_shows_as_down_and_its_events_as_dropped() {
        let counters = Counters::default();
        let options = AnalyticsOptions { flush_interval_ms: 10, ..AnalyticsOptions::default() };
        let pseudonyms = Arc::new(Pseudonymizer::with_pepper([1; 32]));
        let analytics =
            Analytics::run_on(Store::Off, Box::new(PanickingSink), None, &options, pseudonyms, counters.clone())
                .unwrap();
        assert!(analytics.is_up(), "up while the aggregator runs");
        analytics.record(check_event());
        assert!(!analytics.flush(Duration::from_secs(2)), "the flush never finishes: the thread died");
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while analytics.aggregator_running() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(!analytics.is_up(), "readiness reports the dead aggregator");
        assert_eq!(counters.sink_up.get(), 0, "and so does /metrics");
        let dropped = counters.events_dropped.get();
        analytics.record(check_event());
        assert_eq!(counters.events_dropped.get(), dropped + 1, "events after its death are counted as dropped");
    }
}
