//! Prometheus metrics: request counts and latency by route and decision,
//! the loaded lists, reloads, and the analytics pipeline. Rendered in the
//! text exposition format at `/metrics`.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Labels of request metrics.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route pattern (`/v1/check`), never the raw path.
    pub route: &'static str,
    /// `warn` or `allow` when the operator turned `metrics_decisions` on;
    /// otherwise (and for routes that decide nothing) `none`.
    pub decision: &'static str,
    /// Status class: `2xx`, `3xx`, `4xx`, `5xx`; `decided` for an answered
    /// decision without `metrics_decisions` (the gate's warning status would
    /// tell the decision).
    pub status: &'static str,
}

/// Labels naming the loaded list version.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct VersionLabels {
    /// The list version.
    pub version: String,
}

/// Every metric the service exports.
pub struct Metrics {
    registry: Registry,
    /// Requests answered.
    pub requests: Family<RequestLabels, Counter>,
    /// Time from request to response, in seconds.
    pub latency: Family<RequestLabels, Histogram>,
    /// Entries in the loaded lists.
    pub list_entries: Gauge,
    /// 1 for the loaded list version.
    pub list_info: Family<VersionLabels, Gauge>,
    /// Reloads that swapped in new lists and content.
    pub reloads: Counter,
    /// Reloads refused (the old lists kept serving).
    pub reload_failures: Counter,
    /// Analytics events dropped because the channel was full.
    pub events_dropped: Counter,
    /// Counter cells dropped because the sink was down and the buffer full.
    pub cells_dropped: Counter,
    /// Flushes that failed (the counts were kept for the next attempt).
    pub flush_failures: Counter,
    /// 1 while the analytics sink accepts writes.
    pub sink_up: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("signpost");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RequestLabels, Histogram>::new_with_constructor(|| {
            // 10 µs .. ~5 s
            Histogram::new(exponential_buckets(0.000_01, 2.0, 20))
        });
        let metrics = Metrics {
            requests,
            latency,
            list_entries: Gauge::default(),
            list_info: Family::default(),
            reloads: Counter::default(),
            reload_failures: Counter::default(),
            events_dropped: Counter::default(),
            cells_dropped: Counter::default(),
            flush_failures: Counter::default(),
            sink_up: Gauge::default(),
            registry: Registry::default(),
        };
        registry.register("requests", "Requests answered", metrics.requests.clone());
        registry.register("request_duration_seconds", "Time to answer a request", metrics.latency.clone());
        registry.register("list_entries", "Entries in the loaded keyword lists", metrics.list_entries.clone());
        registry.register("list_info", "The loaded list version (value 1)", metrics.list_info.clone());
        registry.register("reloads", "Reloads that swapped in new lists and content", metrics.reloads.clone());
        registry.register(
            "reload_failures",
            "Reloads refused; the old lists kept serving",
            metrics.reload_failures.clone(),
        );
        registry.register(
            "analytics_events_dropped",
            "Events dropped: analytics channel full",
            metrics.events_dropped.clone(),
        );
        registry.register(
            "analytics_cells_dropped",
            "Counter cells dropped: sink down and buffer full",
            metrics.cells_dropped.clone(),
        );
        registry.register(
            "analytics_flush_failures",
            "Flushes that failed and will be retried",
            metrics.flush_failures.clone(),
        );
        registry.register("analytics_sink_up", "1 while the analytics sink accepts writes", metrics.sink_up.clone());
        Metrics { registry, ..metrics }
    }
}

impl Metrics {
    /// Records the loaded list version and size.
    pub fn set_lists(&self, version: &str, entries: usize) {
        self.list_info.clear();
        self.list_info.get_or_create(&VersionLabels { version: version.to_owned() }).set(1);
        self.list_entries.set(entries as i64);
    }

    /// The metrics in Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}
