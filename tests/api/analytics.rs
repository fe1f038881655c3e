//! Anonymised measurement end to end: counts under concurrent load, fleets
//! on one Redis, Redis failing in the middle of a load, retried flushes,
//! restarts, session outcomes, reported events, and that no query or
//! session id ever reaches a store.
//!
//! Counts are read straight from the store (`Analytics::source`) after a
//! flush; the export endpoint is tested on its own. Redis tests run a real
//! `redis-server` (see `redis_server`).

use crate::needs::skip_without;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use signpost::analytics::cell::{hour_of, parse_field};
use signpost::analytics::pseudonym::utc_day;
use signpost::analytics::redis::RedisStore;
use signpost::analytics::sink::{Batch, SessionDelta, Sink, StatsSource};
use signpost::analytics::token::{Claims, TokenSigner, now_seconds};
use signpost::config::Config;

use crate::helpers::{TestApp, spawn_with};
use crate::redis_cluster::RedisCluster;
use crate::redis_sentinel::{Passwords, RedisSentinel};
use crate::redis_server::RedisServer;

/// A fictional listed term of the demo list.
const HIT: &str = "zorvik";
/// A query no list matches.
const ALLOW: &str = "cheap flights to london";
/// The category of the demo list's plain terms.
const CATEGORY: &str = "fictional-terms";
/// Signs event tokens in these tests (shared by instances of one test).
const SECRET: &str = "analytics-test-token-secret-0123456789";
/// Longest a pseudonym or salt may live, in seconds.
const FORTY_EIGHT_HOURS: i64 = 48 * 3600;

/// Flushes every 50 ms, short Redis timeouts, a known token key.
fn fast(config: &mut Config) {
    config.analytics.flush_interval_ms = 50;
    config.analytics.redis_timeout_ms = 300;
    config.token_secret = Some(SECRET.into());
}

/// [`fast`] on the Redis at `url`.
fn on_redis(url: String) -> impl FnOnce(&mut Config) {
    move |config| {
        fast(config);
        config.redis_url = Some(url);
    }
}

// ---------------------------------------------------------------- reading counts

/// What a store holds: hourly cells and day-level session outcomes.
struct Stored {
    cells: Vec<(u32, String, u64)>,
    days: Vec<(u32, String, u64)>,
}

impl Stored {
    /// The sum of `metric` over every hour and dimension.
    fn total(&self, metric: &str) -> u64 {
        self.cells.iter().filter(|(_, f, _)| parse_field(f).is_some_and(|f| f.metric == metric)).map(|c| c.2).sum()
    }

    /// The dimension values of every cell of `metric`, with its count.
    fn dims(&self, metric: &str) -> Vec<([String; 7], u64)> {
        self.cells
            .iter()
            .filter_map(|(_, field, n)| {
                let parsed = parse_field(field).unwrap_or_else(|| panic!("unparsable field {field}"));
                (parsed.metric == metric).then(|| (parsed.dims.map(str::to_owned), *n))
            })
            .collect()
    }

    /// Every metric present.
    fn metrics(&self) -> Vec<String> {
        let mut out: Vec<String> =
            self.cells.iter().filter_map(|(_, f, _)| parse_field(f).map(|f| f.metric.to_owned())).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The day-level count of `field` (`sessions_warned|ARM`, `unique_sessions`), summed over days.
    fn day(&self, field: &str) -> u64 {
        self.days.iter().filter(|(_, f, _)| f == field).map(|d| d.2).sum()
    }

    /// The day-level count of an outcome summed over every arm.
    fn all_arms(&self, outcome: &str) -> u64 {
        let prefix = format!("{outcome}|");
        self.days.iter().filter(|(_, f, _)| f.starts_with(&prefix)).map(|d| d.2).sum()
    }
}

/// Flushes `app`'s counts and waits until the flush is done.
async fn flush(app: &TestApp) {
    let service = app.service.clone();
    let flushed = tokio::task::spawn_blocking(move || service.analytics().flush(Duration::from_secs(5))).await.unwrap();
    assert!(flushed, "the flush finished within 5 s");
}

/// Flushes `app` and reads what its store holds around now.
async fn stored(app: &TestApp) -> Stored {
    flush(app).await;
    let service = app.service.clone();
    tokio::task::spawn_blocking(move || {
        let mut source = service.analytics().source().expect("analytics are on").expect("the store opens");
        let (hour, day) = (hour_of(now_seconds()), utc_day(now_seconds()));
        Stored { cells: source.cells(hour - 2, hour + 1).unwrap(), days: source.days(day - 1, day + 1).unwrap() }
    })
    .await
    .unwrap()
}

/// The value of the metric `name` on `/metrics`.
async fn metric(app: &TestApp, name: &str) -> f64 {
    let text = app.get("/metrics").await.text().await.unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .map(|value| value.trim().parse().unwrap())
        .unwrap_or_else(|| panic!("{name} is not on /metrics:\n{text}"))
}

/// `analytics_up` of `/readyz`.
async fn analytics_up(app: &TestApp) -> bool {
    let ready: Value = app.get("/readyz").await.json().await.unwrap();
    ready["analytics_up"].as_bool().unwrap()
}

/// Waits (at most `limit`) until `/readyz` shows `analytics_up == up`.
async fn wait_for_analytics_up(app: &TestApp, up: bool, limit: Duration) {
    let deadline = Instant::now() + limit;
    while analytics_up(app).await != up {
        assert!(Instant::now() < deadline, "/readyz did not show analytics_up: {up} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn list_version(app: &TestApp) -> String {
    app.service.list_version()
}

// ---------------------------------------------------------------- sending checks

/// POSTs a check and returns its answer (which must be 200).
async fn check(app: &TestApp, body: Value) -> Value {
    let response = app.post_json("/v1/check", &body).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// A check of the fixed mix: every third is a hit.
fn mixed(n: usize) -> (bool, Value) {
    let hit = n % 3 == 0;
    (hit, json!({"q": if hit { HIT } else { ALLOW }, "locale": "nl", "country": "BE", "surface": "search"}))
}

/// One check against `address`; `Err` describes anything but a 200 with the right decision.
async fn send_mixed(client: &reqwest::Client, address: &str, n: usize) -> Result<bool, String> {
    let (hit, body) = mixed(n);
    let response = client
        .post(format!("{address}/v1/check"))
        .timeout(Duration::from_secs(3))
        .json(&body)
        .send()
        .await
        .map_err(|e| format!("request failed: {e}"))?;
    if response.status() != 200 {
        return Err(format!("status {}", response.status()));
    }
    let answer: Value = response.json().await.map_err(|e| format!("bad body: {e}"))?;
    let expected = if hit { "warn" } else { "allow" };
    if answer["decision"] != expected {
        return Err(format!("decision {} instead of {expected}", answer["decision"]));
    }
    Ok(hit)
}

/// `tasks` concurrent tasks of `per_task` checks each, spread over `apps`;
/// returns how many of them were hits.
async fn concurrent_checks(apps: &[&TestApp], tasks: usize, per_task: usize) -> u64 {
    let mut handles = Vec::new();
    for task in 0..tasks {
        let app = apps[task % apps.len()];
        let (client, address) = (app.client.clone(), app.address.clone());
        handles.push(tokio::spawn(async move {
            let mut hits = 0;
            for i in 0..per_task {
                hits += u64::from(send_mixed(&client, &address, task * per_task + i).await.unwrap());
            }
            hits
        }));
    }
    let mut hits = 0;
    for handle in handles {
        hits += handle.await.unwrap();
    }
    hits
}

/// Four workers sending mixed checks to `apps` in turn until [`Load::finish`].
struct Load {
    stop: Arc<AtomicBool>,
    sent: Arc<AtomicU64>,
    hits: Arc<AtomicU64>,
    workers: Vec<tokio::task::JoinHandle<Vec<String>>>,
}

impl Load {
    fn start(apps: &[&TestApp]) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let (sent, hits) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let mut workers = Vec::new();
        for worker in 0..4 {
            let app = apps[worker % apps.len()];
            let (client, address) = (app.client.clone(), app.address.clone());
            let (stop, sent, hits) = (Arc::clone(&stop), Arc::clone(&sent), Arc::clone(&hits));
            workers.push(tokio::spawn(async move {
                let mut failures = Vec::new();
                let mut n = worker;
                while !stop.load(Ordering::Relaxed) {
                    match send_mixed(&client, &address, n).await {
                        Ok(hit) => {
                            sent.fetch_add(1, Ordering::Relaxed);
                            hits.fetch_add(u64::from(hit), Ordering::Relaxed);
                        }
                        Err(failure) => failures.push(failure),
                    }
                    n += 4;
                }
                failures
            }));
        }
        Load { stop, sent, hits, workers }
    }

    /// Checks answered so far.
    fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Stops the workers, asserts that no check failed; the checks answered
    /// and the hits among them.
    async fn finish(self) -> (u64, u64) {
        self.stop.store(true, Ordering::Relaxed);
        for worker in self.workers {
            let failures = worker.await.unwrap();
            assert!(failures.is_empty(), "{} failed checks, e.g. {}", failures.len(), failures[0]);
        }
        (self.sent.load(Ordering::Relaxed), self.hits.load(Ordering::Relaxed))
    }
}

/// Counts exact and under the dimensions sent, after a concurrent load.
/// Two instances sharing one store: exact counts under load through both,
/// and both read the same totals back.
async fn assert_fleet_adds_up(first: &TestApp, second: &TestApp) {
    assert_exact_under_load(&[first, second]).await;
    let (a, b) = (stored(first).await, stored(second).await);
    assert_eq!(a.total("checks"), b.total("checks"), "both instances read the same shared counts");
}

async fn assert_exact_under_load(apps: &[&TestApp]) {
    let (tasks, per_task) = (8, 60);
    let hits = concurrent_checks(apps, tasks, per_task).await;
    assert_eq!(hits, (0..tasks * per_task).filter(|n| n % 3 == 0).count() as u64);
    for app in &apps[1..] {
        flush(app).await;
    }
    let stored = stored(apps[0]).await;
    assert_eq!(stored.total("checks"), (tasks * per_task) as u64, "every check counted once");
    assert_eq!(stored.total("hits"), hits);
    assert_eq!(stored.total("warnings_shown"), hits);
    assert_eq!(stored.total("control"), 0, "no control arm is configured");
    let version = list_version(apps[0]);
    for metric in ["hits", "warnings_shown"] {
        for (dims, _) in stored.dims(metric) {
            let [v, category, entry, variant, locale, country, surface] = &dims;
            assert_eq!((v, category.as_str()), (&version, CATEGORY), "{metric} {dims:?}");
            assert_eq!(entry.len(), 16, "an entry id, never the term: {dims:?}");
            assert!(!variant.is_empty(), "{dims:?}");
            assert_eq!([locale, country, surface], ["nl", "BE", "search"], "{metric} {dims:?}");
        }
    }
    for (dims, _) in stored.dims("checks") {
        assert_eq!([&dims[0], &dims[4], &dims[5], &dims[6]], [&version, "nl", "BE", "search"]);
    }
    let allowed: u64 = stored.dims("checks").iter().filter(|(d, _)| d[1].is_empty()).map(|(_, n)| n).sum();
    assert_eq!(allowed, (tasks * per_task) as u64 - hits, "allowed checks carry no category");
}

// ---------------------------------------------------------------- exact counts, fleets

#[tokio::test(flavor = "multi_thread")]
async fn counts_are_exact_under_concurrent_load_in_the_embedded_store() {
    let app = spawn_with(fast).await;
    assert_eq!(app.service.analytics().store_name(), "embedded");
    assert_exact_under_load(&[&app]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn counts_are_exact_under_concurrent_load_on_redis() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let app = spawn_with(on_redis(redis.url())).await;
    assert_eq!(app.service.analytics().store_name(), "redis");
    assert_exact_under_load(&[&app]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_on_one_redis_add_up() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let first = spawn_with(on_redis(redis.url())).await;
    let second = spawn_with(on_redis(redis.url())).await;
    assert_fleet_adds_up(&first, &second).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_redis_down_events_are_still_answered_and_each_token_counts_once_on_the_instance() {
    skip_without!(RedisServer);
    let mut redis = RedisServer::start().await;
    let app = spawn_with(on_redis(redis.url())).await;
    let warning = warning(&app).await;
    let token = warning["event_token"].as_str().unwrap().to_owned();
    redis.kill().await;
    let started = Instant::now();
    for expected in [1, 0, 0] {
        let response = app.post_json("/v1/events", &json!({"event_token": token, "event": "help_requested"})).await;
        assert_eq!(response.status(), 202, "an outage never fails an event");
        assert_eq!(response.json::<Value>().await.unwrap()["counted"], expected, "the instance's record decides");
    }
    assert!(started.elapsed() < Duration::from_secs(3), "one Redis timeout at most, not one per event");
    wait_for_analytics_up(&app, false, Duration::from_secs(3)).await;
    redis.restart().await;
    wait_for_analytics_up(&app, true, Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stored = stored(&app).await;
    assert_eq!(stored.total("help_requested"), 1, "counted once, written when Redis came back: {:?}", stored.cells);
}

// ---------------------------------------------------------------- operator API keys

#[tokio::test]
async fn with_api_keys_only_the_operator_can_check_and_nothing_else_is_counted() {
    const KEY: &str = "operator-backend-key-0123456789-abcdef";
    let app = spawn_with(|config| {
        fast(config);
        config.api_keys = vec!["another-operator-key-0123456789-abcdef".into(), KEY.into()];
    })
    .await;
    let post = |key: Option<&'static str>| {
        let mut request = app.client.post(format!("{}/v1/check", app.address)).json(&json!({"q": HIT}));
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        request.send()
    };
    let refused = post(None).await.unwrap();
    assert_eq!(refused.status(), 401);
    assert_eq!(refused.headers()["www-authenticate"], "Bearer");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthorized", "{body}");
    assert!(!body.to_string().contains("warning"), "no decision leaks: {body}");
    assert_eq!(post(Some("operator-backend-key-0123456789-abcdeX")).await.unwrap().status(), 401);
    let get = app.get(&format!("/v1/check?q={HIT}")).await;
    assert_eq!(get.status(), 401, "GET too");
    let answered = post(Some(KEY)).await.unwrap();
    assert_eq!(answered.status(), 200);
    assert_eq!(answered.json::<Value>().await.unwrap()["decision"], "warn");

    // The gate fails open without the key: it lets the request through
    // unchecked, so a prober learns nothing; with the key it decides.
    let gate = |key: Option<&'static str>| {
        let mut request =
            app.client.get(format!("{}/v1/gate", app.address)).header("x-original-uri", format!("/search?q={HIT}"));
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        request.send()
    };
    assert_eq!(gate(None).await.unwrap().status(), 200);
    assert_eq!(gate(Some("not-the-key")).await.unwrap().status(), 200);
    assert_eq!(gate(Some(KEY)).await.unwrap().status(), 403);

    let stored = stored(&app).await;
    assert_eq!(stored.total("checks"), 2, "only the operator's check and gate call were counted");
    assert_eq!(stored.total("hits"), 2);
}

// ---------------------------------------------------------------- Redis Cluster

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_on_a_redis_cluster_add_up_each_given_a_different_node() {
    skip_without!(RedisServer);
    let cluster = RedisCluster::start().await;
    let first = spawn_with(on_redis(cluster.node_url(0))).await;
    let second = spawn_with(on_redis(cluster.node_url(4))).await;
    assert_fleet_adds_up(&first, &second).await;
    // Session outcomes, the day's salt and the replay record live in the
    // cluster too: a session warned through one instance and then the other
    // is one session warned again.
    let session = "cluster-session";
    for app in [&first, &second] {
        assert_eq!(check(app, json!({"q": HIT, "session": session})).await["decision"], "warn");
    }
    flush(&first).await;
    let stored = stored(&second).await;
    assert_eq!(stored.all_arms("sessions_warned_again"), 1, "one pseudonym across the fleet: {:?}", stored.days);
    let (token, _) = replay_one_token(&first).await;
    let again = second.post_json("/v1/events", &json!({"event_token": token, "event": "help_requested"})).await;
    assert_eq!(again.json::<Value>().await.unwrap()["counted"], 0, "the replay record is shared");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_master_failing_over_under_load_fails_no_check_and_every_count_arrives_once() {
    skip_without!(RedisServer);
    let mut cluster = RedisCluster::start().await;
    let hour_key = format!("{}:cells", signpost::analytics::redis::hour_tag(hour_of(now_seconds())));
    let victim = cluster.master_of(&hour_key);
    // Each instance is given a node that survives; the reader too.
    let alive: Vec<usize> = (0..6).filter(|&i| cluster.port(i) != victim).collect();
    let first = spawn_with(on_redis(cluster.node_url(alive[0]))).await;
    let second = spawn_with(on_redis(cluster.node_url(alive[1]))).await;
    let load = Load::start(&[&first, &second]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    cluster.kill(victim);
    let before = load.sent();
    cluster.wait_for_failover(&hour_key, victim, Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (sent, hits) = load.finish().await;
    assert!(sent > before, "the load went on through the failover");
    wait_for_analytics_up(&first, true, Duration::from_secs(10)).await;
    wait_for_analytics_up(&second, true, Duration::from_secs(10)).await;
    flush(&second).await;
    let stored = stored(&first).await;
    assert_eq!(stored.total("checks"), sent, "every check counted exactly once");
    assert_eq!(stored.total("hits"), hits);
    assert_eq!(stored.total("warnings_shown"), hits);
    assert_eq!(metric(&first, "signpost_analytics_events_dropped_total").await, 0.0);
    assert_eq!(metric(&second, "signpost_analytics_cells_dropped_total").await, 0.0);
    let failed = metric(&first, "signpost_analytics_flush_failures_total").await
        + metric(&second, "signpost_analytics_flush_failures_total").await;
    assert!(failed > 0.0, "the failover was felt: flushes failed and were retried");
}

// ---------------------------------------------------------------- Redis failing

#[tokio::test(flavor = "multi_thread")]
async fn with_redis_killed_during_a_load_every_check_is_answered_and_no_count_is_lost_or_doubled() {
    skip_without!(RedisServer);
    let mut redis = RedisServer::start().await;
    let app = spawn_with(on_redis(redis.url())).await;
    let load = Load::start(&[&app]);

    tokio::time::sleep(Duration::from_millis(300)).await;
    redis.kill().await;
    let killed = Instant::now();
    let sent_before_kill = load.sent();
    wait_for_analytics_up(&app, false, Duration::from_secs(2)).await;
    let ready: Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["status"], "degraded");
    tokio::time::sleep(Duration::from_secs(2).saturating_sub(killed.elapsed())).await;
    assert!(metric(&app, "signpost_analytics_flush_failures_total").await > 0.0);
    let sent_while_down = load.sent() - sent_before_kill;
    assert!(sent_while_down > 50, "the load went on while Redis was down ({sent_while_down} checks)");

    redis.restart().await;
    wait_for_analytics_up(&app, true, Duration::from_secs(3)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (sent, hits) = load.finish().await;
    let stored = stored(&app).await;
    assert_eq!(stored.total("checks"), sent, "every check counted exactly once");
    assert_eq!(stored.total("hits"), hits);
    assert_eq!(stored.total("warnings_shown"), hits);
    assert!(analytics_up(&app).await);
    assert_eq!(metric(&app, "signpost_analytics_cells_dropped_total").await, 0.0);
    assert_eq!(metric(&app, "signpost_analytics_events_dropped_total").await, 0.0);
    assert_eq!(metric(&app, "signpost_analytics_sink_up").await, 1.0);
}

#[tokio::test]
async fn with_redis_down_and_a_full_buffer_checks_are_answered_and_dropped_cells_are_counted() {
    let nothing_listens = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = spawn_with(|config| {
        on_redis(format!("redis://127.0.0.1:{nothing_listens}"))(config);
        config.analytics.buffer_cells = 3;
    })
    .await;
    for (i, country) in ["AT", "BE", "CH", "DE", "ES", "FR", "GB", "IE", "IT", "NL"].iter().enumerate() {
        let q = if i % 2 == 0 { HIT } else { ALLOW };
        let answer = check(&app, json!({"q": q, "country": country})).await;
        assert_eq!(answer["decision"], if i % 2 == 0 { "warn" } else { "allow" });
    }
    flush(&app).await;
    assert!(metric(&app, "signpost_analytics_cells_dropped_total").await > 0.0);
    assert!(metric(&app, "signpost_analytics_flush_failures_total").await > 0.0);
    assert_eq!(metric(&app, "signpost_analytics_sink_up").await, 0.0);
    assert!(!analytics_up(&app).await);
    let answer = check(&app, json!({"q": HIT})).await;
    assert_eq!(answer["decision"], "warn", "checks are answered whatever the store does");
}

#[tokio::test]
async fn the_buffer_bound_limits_only_what_waits_for_a_store_that_is_down() {
    let app = spawn_with(|config| {
        fast(config);
        config.analytics.buffer_cells = 1;
    })
    .await;
    let countries = ["AT", "BE", "CH", "DE", "ES", "FR", "GB", "IE", "IT", "NL"];
    for country in countries {
        check(&app, json!({"q": HIT, "country": country})).await;
    }
    let stored = stored(&app).await;
    assert_eq!(stored.total("checks"), countries.len() as u64, "a flush of many cells is written whole");
    assert_eq!(metric(&app, "signpost_analytics_cells_dropped_total").await, 0.0);
    assert!(analytics_up(&app).await);
}

#[tokio::test]
async fn a_retried_flush_is_counted_once_on_redis() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let url = redis.url();
    let (hour, day) = (hour_of(now_seconds()), utc_day(now_seconds()));
    let stored = tokio::task::spawn_blocking(move || {
        let mut store = RedisStore::new(&url, Duration::from_secs(2)).unwrap();
        let checks = "checks|v1||||en||search".to_owned();
        let hits = format!("hits|v1|{CATEGORY}|00000000000000ab|help-to-stop|en||search");
        let batch = Batch {
            instance: 0xfeed,
            seq: 7,
            cells: vec![(hour, checks.clone(), 5), (hour + 1, hits.clone(), 2)],
            sessions: vec![SessionDelta { day, pseudonym: [1; 32], hits: 2, warnings: 2, arm: "help-to-stop".into() }],
            uniques: vec![(day, vec![[1; 32], [2; 32]])],
        };
        // A first attempt cut short after its first bucket had landed...
        let first_bucket =
            Batch { cells: batch.cells[..1].to_vec(), sessions: vec![], uniques: vec![], ..batch.clone() };
        store.write(&first_bucket, 400).unwrap();
        // ... then retried whole, twice (as after a timeout whose write had landed).
        store.write(&batch, 400).unwrap();
        store.write(&batch, 400).unwrap();
        let once = (store.cells(hour, hour + 1).unwrap(), store.days(day, day).unwrap());
        // The next batch of the same instance, and the same seq of another instance, do add.
        store.write(&Batch { seq: 8, ..batch.clone() }, 400).unwrap();
        store.write(&Batch { instance: 0xbeef, ..batch.clone() }, 400).unwrap();
        (once, store.cells(hour, hour + 1).unwrap())
    })
    .await
    .unwrap();
    let ((cells, days), later) = stored;
    let mut cells: Vec<(u32, String, u64)> = cells;
    cells.sort();
    assert_eq!(cells.iter().map(|c| c.2).collect::<Vec<_>>(), [5, 2], "{cells:?}");
    let day_counts: BTreeMap<&str, u64> = days.iter().map(|(_, f, n)| (f.as_str(), *n)).collect();
    assert_eq!(day_counts["sessions_with_hit|help-to-stop"], 1);
    assert_eq!(day_counts["sessions_warned|help-to-stop"], 1);
    assert_eq!(day_counts["sessions_warned_again|help-to-stop"], 1);
    assert_eq!(day_counts["unique_sessions"], 2);
    let mut later = later;
    later.sort();
    assert_eq!(later.iter().map(|c| c.2).collect::<Vec<_>>(), [15, 6], "{later:?}");
    let mut connection = redis.connection();
    let hits_held: u64 = redis::cmd("HGET")
        .arg(format!("signpost:{{d:{day}}}:hits"))
        .arg("01".repeat(32))
        .query(&mut connection)
        .unwrap();
    assert_eq!(hits_held, 6, "the session's hits: 2 per distinct batch, the retries not added");
}

// ---------------------------------------------------------------- restart

#[tokio::test]
async fn a_restarted_instance_keeps_the_counts_of_its_embedded_store() {
    let data = std::env::temp_dir().join(format!("signpost-restart-{}-{}", std::process::id(), now_seconds()));
    let keep = |config: &mut Config| {
        fast(config);
        config.data_dir = data.clone();
    };
    let first = spawn_with(keep).await;
    for i in 0..12 {
        check(&first, json!({"q": if i < 5 { HIT } else { ALLOW }})).await;
    }
    // A graceful stop writes what is pending (no explicit flush).
    let service = first.service.clone();
    tokio::task::spawn_blocking(move || service.analytics().shutdown()).await.unwrap();

    let second = spawn_with(keep).await;
    assert!(analytics_up(&second).await, "the second instance opened the store");
    for _ in 0..3 {
        check(&second, json!({"q": HIT})).await;
    }
    let stored = stored(&second).await;
    assert_eq!(stored.total("checks"), 15);
    assert_eq!(stored.total("hits"), 8);
    assert_eq!(stored.total("warnings_shown"), 8);
    drop((first, second));
    let _ = std::fs::remove_dir_all(&data);
}

#[cfg(unix)]
#[tokio::test]
async fn the_embedded_store_is_readable_by_its_user_alone() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let fresh = std::env::temp_dir().join(format!("signpost-private-{}-{}", std::process::id(), now_seconds()));
    let data = fresh.join("nested").join("data");
    let app = spawn_with(|config| {
        fast(config);
        config.data_dir = data.clone();
    })
    .await;
    check(&app, json!({"q": HIT, "session": "s1"})).await;
    flush(&app).await;
    assert_eq!(mode(&data), 0o700, "a new data directory");
    assert_eq!(mode(&data.join("signpost-analytics.redb")), 0o600, "a new store file");
    let service = app.service.clone();
    tokio::task::spawn_blocking(move || service.analytics().shutdown()).await.unwrap();
    // A directory and file that others could read are tightened on open.
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(data.join("signpost-analytics.redb"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let again = spawn_with(|config| {
        fast(config);
        config.data_dir = data.clone();
    })
    .await;
    assert!(analytics_up(&again).await, "the store opens");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("signpost-analytics.redb")), 0o600);
    drop(again);
    let _ = std::fs::remove_dir_all(&fresh);
}

// ---------------------------------------------------------------- sessions

/// A hit in `session`; returns the arm shown.
async fn hit_in(app: &TestApp, session: &str) -> String {
    let answer = check(app, json!({"q": HIT, "session": session})).await;
    assert_eq!(answer["decision"], "warn");
    answer["warning"]["variant"].as_str().unwrap().to_owned()
}

/// Four sessions: warned once; warned three times over several flushes;
/// two hits in one flush; browsing without a hit.
async fn assert_session_outcomes(app: &TestApp) {
    let mut expected: BTreeMap<String, [u64; 3]> = BTreeMap::new();
    let once = hit_in(app, "session-once").await;
    expected.entry(once).or_default()[..2].iter_mut().for_each(|n| *n += 1);
    let again = hit_in(app, "session-again").await;
    check(app, json!({"q": ALLOW, "session": "session-again"})).await;
    flush(app).await;
    assert_eq!(hit_in(app, "session-again").await, again, "the arm is stable for a session's day");
    flush(app).await;
    assert_eq!(hit_in(app, "session-again").await, again);
    expected.entry(again).or_default().iter_mut().for_each(|n| *n += 1);
    let twice = hit_in(app, "session-twice").await;
    assert_eq!(hit_in(app, "session-twice").await, twice);
    expected.entry(twice).or_default().iter_mut().for_each(|n| *n += 1);
    for _ in 0..2 {
        check(app, json!({"q": ALLOW, "session": "session-browsing"})).await;
    }
    check(app, json!({"q": HIT})).await; // no session: no outcome

    let stored = stored(app).await;
    for (arm, [with_hit, warned, again]) in &expected {
        assert_eq!(stored.day(&format!("sessions_with_hit|{arm}")), *with_hit, "{arm}: {:?}", stored.days);
        assert_eq!(stored.day(&format!("sessions_warned|{arm}")), *warned, "{arm}: {:?}", stored.days);
        assert_eq!(stored.day(&format!("sessions_warned_again|{arm}")), *again, "{arm}: {:?}", stored.days);
    }
    assert_eq!(stored.all_arms("sessions_with_hit"), 3);
    assert_eq!(stored.all_arms("sessions_warned"), 3);
    assert_eq!(stored.all_arms("sessions_warned_again"), 2);
    let unique = stored.day("unique_sessions");
    assert!((3..=5).contains(&unique), "about 4 unique sessions, estimated: {unique}");
}

#[tokio::test]
async fn session_outcomes_are_counted_per_arm_in_the_embedded_store() {
    let app = spawn_with(fast).await;
    assert_session_outcomes(&app).await;
}

#[tokio::test]
async fn session_outcomes_are_counted_per_arm_on_redis() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let app = spawn_with(on_redis(redis.url())).await;
    assert_session_outcomes(&app).await;
}

#[tokio::test]
async fn instances_on_one_redis_give_a_session_the_same_pseudonym() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let first = spawn_with(on_redis(redis.url())).await;
    let second = spawn_with(on_redis(redis.url())).await;
    let arm = hit_in(&first, "session-shared").await;
    assert_eq!(hit_in(&second, "session-shared").await, arm, "the same arm on every instance");
    flush(&first).await;
    let stored = stored(&second).await;
    assert_eq!(stored.all_arms("sessions_with_hit"), 1, "one session, not two: {:?}", stored.days);
    assert_eq!(stored.day(&format!("sessions_warned|{arm}")), 1);
    assert_eq!(stored.day(&format!("sessions_warned_again|{arm}")), 1, "warned again on the other instance");
    assert_eq!(stored.day("unique_sessions"), 1);
    let day = utc_day(now_seconds());
    let salt = redis.dump().into_iter().find(|k| k.name == format!("signpost:salt:{day}")).expect("the shared salt");
    assert_salt_dies_48_hours_after_its_day_starts(&salt.name, salt.ttl);
}

#[tokio::test]
async fn the_salt_in_redis_alone_does_not_give_the_pseudonym() {
    skip_without!(RedisServer);
    // The pepper comes from token_secret, which never reaches Redis: an
    // instance (or a reader of a Redis dump) without it cannot link sessions.
    let redis = RedisServer::start().await;
    let first = spawn_with(on_redis(redis.url())).await;
    let outsider = spawn_with(|c| {
        on_redis(redis.url())(c);
        c.token_secret = Some("another-secret-0123456789-0123456789".into());
    })
    .await;
    hit_in(&first, "session-shared").await;
    hit_in(&outsider, "session-shared").await;
    flush(&first).await;
    flush(&outsider).await;
    let stored = stored(&first).await;
    assert_eq!(stored.all_arms("sessions_with_hit"), 2, "not linked without the secret: {:?}", stored.days);
    assert_eq!(stored.all_arms("sessions_warned_again"), 0);
    let dump = format!("{:?}", redis.dump());
    assert!(!dump.contains(SECRET) && !dump.contains("another-secret"), "no secret in Redis");
}

// ---------------------------------------------------------------- events

/// A warning's answer for `q` with fixed dimensions.
async fn warning(app: &TestApp) -> Value {
    let answer = check(app, json!({"q": HIT, "locale": "en", "country": "GB", "surface": "search"})).await;
    assert_eq!(answer["decision"], "warn");
    answer["warning"].clone()
}

/// POSTs `body` to `/v1/events`; returns the status.
async fn report(app: &TestApp, body: Value) -> u16 {
    app.post_json("/v1/events", &body).await.status().as_u16()
}

#[tokio::test]
async fn events_with_a_valid_token_are_counted_under_its_dimensions() {
    let app = spawn_with(fast).await;
    let warning = warning(&app).await;
    let token = warning["event_token"].as_str().unwrap();
    assert_eq!(report(&app, json!({"event_token": token, "event": "displayed"})).await, 202);
    let events = json!([
        {"event": "dismissed"},
        {"event": "chatbot_opened"},
        {"event": "chatbot_choice", "node": "start", "choice": "why"},
        {"event": "help_requested"},
    ]);
    let response = app.post_json("/v1/events", &json!({"event_token": token, "events": events})).await;
    assert_eq!(response.status(), 202);
    assert_eq!(response.json::<Value>().await.unwrap()["counted"], 4);
    let helpline = warning["helplines"][0]["id"].as_str().unwrap();
    let tracked = warning["helplines"][0]["tracked_url"].as_str().unwrap();
    let click = app.client.get(tracked).send().await.unwrap();
    assert_eq!(click.status(), 302);
    let page = app.client.get(warning["page_url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(page.status(), 200);

    let stored = stored(&app).await;
    let hit = stored.dims("hits");
    assert_eq!(hit.len(), 1);
    let (hit_dims, _) = &hit[0];
    assert_eq!(hit_dims[3], warning["variant"].as_str().unwrap());
    let click_metric = format!("helpline_clicks:{helpline}");
    for metric in
        ["displayed", "dismissed", "chatbot_opened", "chatbot_choice:start:why", "help_requested", "page_viewed"]
            .into_iter()
            .chain([click_metric.as_str()])
    {
        let cells = stored.dims(metric);
        assert_eq!(cells.len(), 1, "{metric}: {:?}", stored.cells);
        assert_eq!(&cells[0], &(hit_dims.clone(), 1), "{metric} counted once under the token's dimensions");
    }
    assert_eq!(&hit_dims[4..], ["en", "GB", "search"]);
}

/// Replays one token the way the attack on outcome counts did: 20 reports
/// of 32 `help_requested`, 15 follows of a tracked link (an `<img src>` on
/// any page can do that), page views, chat steps; returns the token.
async fn replay_one_token(app: &TestApp) -> (String, String) {
    let warning = warning(app).await;
    let token = warning["event_token"].as_str().unwrap().to_owned();
    let many: Vec<Value> = (0..32).map(|_| json!({"event": "help_requested"})).collect();
    for attempt in 0..20 {
        let response = app.post_json("/v1/events", &json!({"event_token": token, "events": many})).await;
        assert_eq!(response.status(), 202);
        let counted = response.json::<Value>().await.unwrap()["counted"].clone();
        assert_eq!(counted, if attempt == 0 { 1 } else { 0 }, "report {attempt}");
    }
    let tracked = warning["helplines"][0]["tracked_url"].as_str().unwrap();
    for _ in 0..15 {
        assert_eq!(app.client.get(tracked).send().await.unwrap().status(), 302, "the redirect always works");
    }
    for _ in 0..5 {
        assert_eq!(app.client.get(warning["page_url"].as_str().unwrap()).send().await.unwrap().status(), 200);
    }
    let chat = |body: Value| async move { app.post_json("/v1/chat", &body).await.json::<Value>().await.unwrap() };
    assert_eq!(chat(json!({"event_token": token})).await["counted"], true, "the chat opened");
    assert_eq!(chat(json!({"event_token": token})).await["counted"], false, "opened again");
    let opened_again = report(app, json!({"event_token": token, "event": "chatbot_opened"})).await;
    assert_eq!(opened_again, 202);
    for choice in ["why", "why", "help"] {
        chat(json!({"event_token": token, "node": "start", "choice": choice})).await;
    }
    (token, warning["helplines"][0]["id"].as_str().unwrap().to_owned())
}

/// The outcome counts after [`replay_one_token`] on `tokens` tokens.
fn assert_counted_once_per_token(stored: &Stored, helpline: &str, tokens: u64) {
    assert_eq!(stored.total("help_requested"), tokens, "help requests");
    assert_eq!(stored.total(&format!("helpline_clicks:{helpline}")), tokens, "helpline clicks");
    assert_eq!(stored.total("page_viewed"), tokens, "page views");
    assert_eq!(stored.total("chatbot_opened"), tokens, "chat openings");
    let choices: u64 =
        stored.metrics().iter().filter(|m| m.starts_with("chatbot_choice:start:")).map(|m| stored.total(m)).sum();
    assert_eq!(choices, tokens, "one choice at the start node per token");
}

#[tokio::test]
async fn one_event_token_moves_each_outcome_count_by_at_most_one() {
    let app = spawn_with(fast).await;
    let (_, helpline) = replay_one_token(&app).await;
    assert_counted_once_per_token(&stored(&app).await, &helpline, 1);
    // Each check's token counts for itself.
    replay_one_token(&app).await;
    assert_counted_once_per_token(&stored(&app).await, &helpline, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fleet_on_one_redis_counts_each_token_once_across_its_instances() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let first = spawn_with(on_redis(redis.url())).await;
    let second = spawn_with(on_redis(redis.url())).await;
    let (token, helpline) = replay_one_token(&first).await;
    // The same token replayed on the other instance counts nothing more.
    let again = second.post_json("/v1/events", &json!({"event_token": token, "event": "help_requested"})).await;
    assert_eq!(again.json::<Value>().await.unwrap()["counted"], 0);
    let shown = second.post_json("/v1/events", &json!({"event_token": token, "event": "displayed"})).await;
    assert_eq!(shown.json::<Value>().await.unwrap()["counted"], 1, "an event this token had not counted");
    let repeat = first.post_json("/v1/events", &json!({"event_token": token, "event": "displayed"})).await;
    assert_eq!(repeat.json::<Value>().await.unwrap()["counted"], 0, "…and only once, on either instance");
    flush(&second).await;
    assert_counted_once_per_token(&stored(&first).await, &helpline, 1);
    assert_eq!(stored(&first).await.total("displayed"), 1);
}

#[tokio::test]
async fn with_analytics_off_events_are_accepted_but_not_said_to_be_counted() {
    let app = spawn_with(|c| {
        fast(c);
        c.analytics.enabled = false;
    })
    .await;
    let warning = warning(&app).await;
    let token = warning["event_token"].as_str().unwrap();
    let response = app.post_json("/v1/events", &json!({"event_token": token, "event": "displayed"})).await;
    assert_eq!(response.status(), 202);
    assert_eq!(response.json::<Value>().await.unwrap()["counted"], 0);
}

/// A token sealed with [`SECRET`] for `claims`, expiry as given, written
/// here from the documented format (not with the service's code):
/// `base64url(nonce ‖ XChaCha20-Poly1305(JSON))` under
/// `HMAC-SHA-256(secret, "signpost derived key\0event tokens")`.
fn sealed(claims: &Claims, nonce: &[u8; 24]) -> String {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(b"signpost derived key\0event tokens");
    let key: [u8; 32] = mac.finalize().into_bytes().into();
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(&key.into());
    let json = serde_json::to_vec(claims).unwrap();
    let body = cipher.encrypt(nonce.into(), Payload { msg: &json, aad: b"signpost event token v2" }).unwrap();
    URL_SAFE_NO_PAD.encode([nonce.as_slice(), &body].concat())
}

#[tokio::test]
async fn forged_expired_or_malformed_tokens_and_unknown_events_are_refused_and_not_counted() {
    let app = spawn_with(fast).await;
    let warning = warning(&app).await;
    let token = warning["event_token"].as_str().unwrap();
    let claims = app.service.verify_token(token).unwrap();
    let bytes = URL_SAFE_NO_PAD.decode(token).unwrap();
    let nonce: [u8; 24] = bytes[..24].try_into().unwrap();
    assert_eq!(sealed(&claims, &nonce), token, "the test seals as the service does");
    // Each claim is sought with its JSON quotes in the decoded bytes: a quoted string of three or
    // more bytes cannot turn up in ciphertext by chance, as a bare "GB" in base64 text can.
    for readable in [claims.entry.as_str(), claims.category.as_str(), "GB", claims.variant.as_str()] {
        let quoted = format!("\"{readable}\"");
        assert!(
            !bytes.windows(quoted.len()).any(|w| w == quoted.as_bytes()),
            "the token shows nothing readable: {readable}"
        );
    }
    assert!(!token.starts_with("eyJ"), "the token is not base64 of plain JSON");

    let mut flipped = bytes.clone();
    flipped[30] ^= 1;
    let altered = URL_SAFE_NO_PAD.encode(&flipped);
    // Claims the service never issued, sealed with another key.
    let forged = TokenSigner::new(b"some-other-key-0123456789-0123456789".to_vec(), 3600)
        .seal(&Claims { variant: "control".into(), ..claims.clone() });
    let expired = sealed(&Claims { exp: now_seconds() - 10, ..claims.clone() }, &nonce);
    let truncated = &token[..token.len() - 2];
    for bad in [altered.as_str(), &forged, &expired, truncated, "abc", "", "a.b", &format!("{token}x")] {
        assert_eq!(report(&app, json!({"event_token": bad, "event": "displayed"})).await, 400, "{bad}");
        let go = app.get(&format!("/v1/go/{}?t={bad}", warning["helplines"][0]["id"].as_str().unwrap())).await;
        assert_eq!(go.status(), 302, "the helpline is reached, just not counted");
        assert_eq!(app.get(&format!("/warning?t={bad}")).await.status(), 200, "the page shows, just not counted");
    }
    for refused in [
        json!({"event_token": token, "event": "clicked"}),
        json!({"event_token": token, "event": "chatbot_choice", "node": "start", "choice": "law"}),
        json!({"event_token": token, "event": "chatbot_choice", "node": "nowhere", "choice": "why"}),
        json!({"event_token": token, "event": "chatbot_choice", "node": "start"}),
        json!({"event_token": token}),
        json!({"event_token": token, "events": [{"event": "displayed"}, {"event": "shared"}]}),
        json!({"event_token": token, "event": "displayed", "query": HIT}),
        json!({"event": "displayed"}),
    ] {
        assert_eq!(report(&app, refused.clone()).await, 400, "{refused}");
    }
    let stored = stored(&app).await;
    assert_eq!(stored.metrics(), ["checks", "hits", "warnings_shown"], "nothing refused was counted");
}

// ---------------------------------------------------------------- privacy

/// A marker that must never reach a store.
const MARKER: &str = "markerqzx7719";

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Checks with the marker in queries and session ids, events under their token.
async fn send_marked(app: &TestApp) {
    let session = format!("session-{MARKER}");
    let query = format!("{HIT} {MARKER}");
    let first = check(app, json!({"q": query, "session": session, "locale": "en", "surface": "search"})).await;
    assert_eq!(first["decision"], "warn");
    let allowed = check(app, json!({"q": format!("cheap {MARKER} flights"), "session": session})).await;
    assert_eq!(allowed["decision"], "allow");
    flush(app).await;
    let again = app.get(&format!("/v1/check?q={HIT}%20{MARKER}&session={session}")).await;
    assert_eq!(again.status(), 200);
    let token = first["warning"]["event_token"].as_str().unwrap();
    assert_eq!(report(app, json!({"event_token": token, "event": "displayed"})).await, 202);
    let stored = stored(app).await;
    assert_eq!(stored.all_arms("sessions_warned_again"), 1, "the marked session was counted");
}

#[tokio::test]
async fn no_query_or_session_id_reaches_redis_and_pseudonyms_expire_within_48_hours() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let app = spawn_with(on_redis(redis.url())).await;
    send_marked(&app).await;
    let keys = redis.dump();
    assert!(keys.iter().any(|k| k.name.ends_with(":hits")), "pseudonyms were stored: {keys:?}");
    for key in &keys {
        for needle in [MARKER, HIT] {
            assert!(!holds(key.name.as_bytes(), needle), "{needle} in the key name {}", key.name);
            for value in &key.values {
                assert!(!holds(value, needle), "{needle} in the {} {}", key.kind, key.name);
            }
        }
        if key.name.ends_with(":hits") || key.name.ends_with(":warned") {
            assert!(key.ttl > 0 && key.ttl <= FORTY_EIGHT_HOURS, "{} lives {} s", key.name, key.ttl);
        }
        if key.name.starts_with("signpost:salt:") {
            assert_salt_dies_48_hours_after_its_day_starts(&key.name, key.ttl);
        }
    }
}

/// A day's salt is destroyed 48 hours after its UTC day starts. Near
/// midnight the next day's salt is made in advance, so its time to live may
/// exceed 48 h by up to an hour; what the README promises is the deadline.
fn assert_salt_dies_48_hours_after_its_day_starts(name: &str, ttl: i64) {
    let day: u64 = name.trim_start_matches("signpost:salt:").parse().expect("a day number in the salt key");
    let deadline = (day + 2) * 86_400;
    let dies_at = now_seconds() + u64::try_from(ttl).expect("the salt has an expiry");
    assert!(
        ttl > 0 && dies_at <= deadline + 1,
        "{name} dies {} s after its deadline",
        dies_at.saturating_sub(deadline)
    );
    assert!(ttl <= FORTY_EIGHT_HOURS + 3600, "{name} lives {ttl} s");
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(files(&path)) } else { out.push(path) }
    }
    out
}

#[tokio::test]
async fn no_query_or_session_id_reaches_the_embedded_store() {
    let app = spawn_with(fast).await;
    send_marked(&app).await;
    let files = files(&app.dir);
    assert!(files.iter().any(|f| f.ends_with("signpost-analytics.redb")), "{files:?}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for needle in [MARKER, HIT] {
            assert!(!holds(&bytes, needle), "{needle} in {}", file.display());
        }
    }
}

// ---------------------------------------------------------------- signpost stats

/// `signpost stats --redis URL` run as a real process with the fleet's
/// settings in its environment.
fn stats_cli(redis: &RedisServer, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("stats")
        .args(["--redis", &redis.url()])
        .args(args)
        .env_clear()
        .env("SIGNPOST_TOKEN_SECRET", SECRET)
        .env("SIGNPOST_ANALYTICS__EPSILON", "0.5")
        .output()
        .unwrap();
    assert!(out.status.success(), "signpost stats {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn signpost_stats_prints_what_the_service_exports() {
    skip_without!(RedisServer);
    let redis = RedisServer::start().await;
    let app = spawn_with(|c| {
        on_redis(redis.url())(c);
        c.research_token = Some(crate::helpers::RESEARCH_TOKEN.into());
        c.analytics.epsilon = Some(0.5);
    })
    .await;
    for n in 0..40 {
        let body = json!({"q": if n % 4 == 0 { "zorvik" } else { "cheap flights" }, "session": format!("s-{n}")});
        assert_eq!(app.post_json("/v1/check", &body).await.status(), 200);
    }
    flush(&app).await;
    let served: Value =
        app.get_with_token("/v1/stats?granularity=hour", crate::helpers::RESEARCH_TOKEN).await.json().await.unwrap();
    assert!(served["noise"]["epsilon"] == 0.5, "{served}");
    let printed: Value = serde_json::from_str(&stats_cli(&redis, &["--granularity", "hour"])).unwrap();
    // The same counts, noise included (one key from token_secret), and the
    // same protection; only `in_force` may differ (the CLI loads the lists
    // itself).
    for field in ["totals", "buckets", "sessions", "unique_sessions", "k", "noise", "list_versions"] {
        assert_eq!(printed[field], served[field], "{field}");
    }
    let checks = printed["totals"]["checks"].as_u64().expect("forty checks are published");
    assert!(checks.abs_diff(40) <= 30, "forty checks, with noise of scale 2: {checks}");

    let csv = stats_cli(&redis, &["--granularity", "hour", "--csv"]);
    assert!(csv.starts_with("bucket,checks,hits,"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().starts_with(&format!("total,{checks},")), "{csv}");
    let about = stats_cli(&redis, &["--table", "about"]);
    assert!(about.lines().any(|l| l == "noise,laplace epsilon=0.5"), "{about}");
    assert!(about.lines().any(|l| l == "k,10"), "{about}");
}

// ---------------------------------------------------------------- Sentinel

#[tokio::test(flavor = "multi_thread")]
async fn given_a_sentinel_counts_go_to_its_master_and_follow_a_failover_with_none_lost() {
    skip_without!(RedisServer);
    let mut setup = RedisSentinel::start().await;
    let app = spawn_with(on_redis(setup.sentinel_url())).await;
    wait_for_analytics_up(&app, true, Duration::from_secs(5)).await;
    assert_exact_under_load(&[&app]).await;
    let on_first: Vec<String> = setup.keys(setup.first_master());
    assert!(on_first.iter().any(|k| k.starts_with("signpost:")), "written to the master: {on_first:?}");
    // The master named: the right one is used, an unknown one is not.
    for (name, up) in [(crate::redis_sentinel::MASTER_NAME, true), ("no-such-master", false)] {
        let url = setup.sentinel_url();
        let named = spawn_with(move |config| {
            on_redis(url)(config);
            config.redis_sentinel_master = Some(name.into());
        })
        .await;
        check(&named, json!({"q": HIT})).await;
        wait_for_analytics_up(&named, up, Duration::from_secs(5)).await;
        // Several flushes later it still says the same (the first state
        // shown is not taken for an answer).
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(analytics_up(&named).await, up, "master {name}");
    }
    let before = stored(&app).await.total("checks");
    setup.fail_over().await;
    for n in 0..30 {
        let decision = check(&app, json!({"q": if n % 3 == 0 { HIT } else { ALLOW }})).await["decision"].clone();
        assert!(decision == "warn" || decision == "allow", "a failover fails no check: {decision}");
    }
    // The writes before the failover waited for the replica (WAIT 1), so
    // the promoted replica has them; the ones after reach it through the
    // sentinel.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let total = stored(&app).await.total("checks");
        if total == before + 30 {
            break;
        }
        assert!(total <= before + 30, "counted twice: {total} > {}", before + 30);
        assert!(Instant::now() < deadline, "{total} checks stored after the failover, {} expected", before + 30);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let on_new: Vec<String> = setup.keys(setup.replica());
    assert!(on_new.iter().any(|k| k.starts_with("signpost:")), "the promoted replica holds the counts");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sentinel_and_its_master_with_passwords_of_their_own_are_each_given_theirs() {
    skip_without!(RedisServer);
    let passwords = Passwords { sentinel: "sentinel-pass-0123456789", master: "master-pass-9876543210" };
    let setup = RedisSentinel::start_with_passwords(passwords).await;
    assert!(setup.sentinel_url().contains(passwords.sentinel));
    // The sentinel's password alone does not open the master: checks go on,
    // nothing is written.
    let url = setup.sentinel_url();
    let sentinel_only = spawn_with(on_redis(url.clone())).await;
    for _ in 0..5 {
        let response = sentinel_only.post_json("/v1/check", &json!({"q": HIT})).await;
        assert_eq!(response.status(), 200, "a check never waits on Redis");
    }
    wait_for_analytics_up(&sentinel_only, false, Duration::from_secs(5)).await;
    assert!(
        !setup.keys(setup.first_master()).iter().any(|k| k.starts_with("signpost:")),
        "nothing written without the master's password"
    );
    drop(sentinel_only);
    // Given the master's own password, every count arrives.
    let app = spawn_with(move |config| {
        on_redis(url)(config);
        config.redis_master_password = Some(passwords.master.into());
    })
    .await;
    wait_for_analytics_up(&app, true, Duration::from_secs(5)).await;
    assert_exact_under_load(&[&app]).await;
    assert!(setup.keys(setup.first_master()).iter().any(|k| k.starts_with("signpost:")), "written to the master");
}

// ---------------------------------------------------------------- TLS

#[tokio::test(flavor = "multi_thread")]
async fn counts_reach_a_redis_over_tls_that_the_operators_ca_vouches_for() {
    skip_without!(RedisServer);
    skip_without!(OpenSsl);
    let redis = RedisServer::start_tls().await;
    assert!(redis.url().starts_with("rediss://"));
    let ca = redis.ca_file();
    let app = spawn_with(|config| {
        on_redis(redis.url())(config);
        config.redis_ca_file = Some(ca);
    })
    .await;
    wait_for_analytics_up(&app, true, Duration::from_secs(5)).await;
    assert_exact_under_load(&[&app]).await;
    let names: Vec<String> = redis.dump().into_iter().map(|key| key.name).collect();
    assert!(names.iter().any(|name| name.starts_with("signpost:")), "the counts are in the TLS Redis: {names:?}");
    // One event token counts once through the shared replay record over TLS too.
    let warning = warning(&app).await;
    let token = warning["event_token"].as_str().unwrap();
    for expected in [1, 0] {
        let response = app.post_json("/v1/events", &json!({"event_token": token, "event": "displayed"})).await;
        assert_eq!(response.json::<Value>().await.unwrap()["counted"], expected);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_redis_that_authenticates_clients_takes_counts_only_from_an_instance_with_its_certificate() {
    skip_without!(RedisServer);
    skip_without!(OpenSsl);
    let redis = RedisServer::start_mutual_tls().await;
    let on_mutual_tls = |identity: Option<(PathBuf, PathBuf)>| {
        let (url, ca) = (redis.url(), redis.ca_file());
        move |config: &mut Config| {
            on_redis(url)(config);
            config.redis_ca_file = Some(ca);
            if let Some((cert, key)) = identity {
                config.redis_client_cert_file = Some(cert);
                config.redis_client_key_file = Some(key);
            }
        }
    };
    // Without a client certificate the server refuses the connection:
    // checks go on, nothing is written.
    let anonymous = spawn_with(on_mutual_tls(None)).await;
    for _ in 0..5 {
        let response = anonymous.post_json("/v1/check", &json!({"q": HIT})).await;
        assert_eq!(response.status(), 200, "a check never waits on Redis");
    }
    wait_for_analytics_up(&anonymous, false, Duration::from_secs(5)).await;
    assert!(redis.dump().is_empty(), "nothing was written without a client certificate");
    drop(anonymous);
    let app = spawn_with(on_mutual_tls(Some(redis.client_identity_files()))).await;
    wait_for_analytics_up(&app, true, Duration::from_secs(5)).await;
    assert_exact_under_load(&[&app]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_on_a_tls_redis_cluster_add_up_each_given_a_different_node() {
    skip_without!(RedisServer);
    skip_without!(OpenSsl);
    let cluster = RedisCluster::start_tls().await;
    let on_tls_node = |index: usize| {
        let (url, ca) = (cluster.node_url(index), cluster.ca_file());
        assert!(url.starts_with("rediss://"));
        move |config: &mut Config| {
            on_redis(url)(config);
            config.redis_ca_file = Some(ca);
        }
    };
    let first = spawn_with(on_tls_node(0)).await;
    let second = spawn_with(on_tls_node(4)).await;
    assert_fleet_adds_up(&first, &second).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tls_redis_whose_certificate_nothing_vouches_for_is_not_used_and_checks_go_on() {
    skip_without!(RedisServer);
    skip_without!(OpenSsl);
    let redis = RedisServer::start_tls().await;
    // The system's certificates do not hold the test CA.
    let app = spawn_with(on_redis(redis.url())).await;
    for _ in 0..5 {
        let response = app.post_json("/v1/check", &json!({"q": HIT})).await;
        assert_eq!(response.status(), 200, "a check never waits on Redis");
    }
    wait_for_analytics_up(&app, false, Duration::from_secs(5)).await;
    assert!(redis.dump().is_empty(), "nothing was written through an unverified connection");
}
