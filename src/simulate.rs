//! `signpost simulate`: realistic synthetic traffic through a running service
//! in demo mode, so a newcomer sees a populated dashboard within a minute and
//! tests can check that the dashboard recovers the effects that were put in.
//!
//! The traffic spans past days (the service accepts `X-Signpost-Time` in
//! demo mode only): a daily and weekly rhythm of searches, a share of them
//! hitting the fictional demo lists, sessions that turn back after a warning
//! or search again, variants with different true effects on turning back and
//! on seeking help, and an intervention day after which the hit rate drops
//! (a level change) and keeps falling (a slope change). The rates are far
//! higher than in real traffic, so that a minute of simulation gives counts
//! above the disclosure threshold. Every term is fictional.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::analytics::pseudonym::{DAY_SECONDS, utc_day};
use crate::analytics::token::now_seconds;
use signpost_corpus::{Rng, benign_queries};

/// Fictional queries that hit the demo lists, in several disguises.
const HITS: &[&str] =
    &["zorvik", "z0rv1k pics", "blemquat videos", "plim plom", "Z.O.R.V.I.K", "snorgle", "glimfen new", "zoooorvik"];

/// What to simulate.
#[derive(Clone, Debug)]
pub struct Simulation {
    /// The service's base URL (`http://127.0.0.1:8080`).
    pub base_url: String,
    /// Days of traffic, ending today.
    pub days: u32,
    /// Searches on an ordinary weekday.
    pub checks_per_day: u32,
    /// The day (0-based from the first) from which the intervention acts.
    pub intervention_day: u32,
    /// Share of searches that hit before the intervention.
    pub hit_rate_before: f64,
    /// Share of searches that hit on the intervention day.
    pub hit_rate_after: f64,
    /// Change of the hit share per day after the intervention.
    pub slope_after: f64,
    /// Per variant: chance that a warned session does not search again.
    pub turn_back: BTreeMap<String, f64>,
    /// Per variant: chance that a warning leads to a helpline click.
    pub help: BTreeMap<String, f64>,
    /// Seed of the random choices.
    pub seed: u64,
    /// Parallel connections.
    pub connections: usize,
}

impl Default for Simulation {
    fn default() -> Self {
        let variants = ["illegal-and-harmful", "children-are-harmed", "help-to-stop", "legal-consequences"];
        Simulation {
            base_url: "http://127.0.0.1:8080".into(),
            days: 28,
            checks_per_day: 2500,
            intervention_day: 14,
            hit_rate_before: 0.030,
            hit_rate_after: 0.020,
            slope_after: -0.0003,
            turn_back: variants.iter().map(|v| (*v).to_owned()).zip([0.78, 0.85, 0.72, 0.80]).collect(),
            help: variants.iter().map(|v| (*v).to_owned()).zip([0.03, 0.04, 0.09, 0.02]).collect(),
            seed: 1,
            connections: 4,
        }
    }
}

impl Simulation {
    /// The true share of hits on day `d` (0-based).
    pub fn hit_rate(&self, d: u32) -> f64 {
        if d < self.intervention_day {
            self.hit_rate_before
        } else {
            (self.hit_rate_after + self.slope_after * f64::from(d - self.intervention_day)).max(0.002)
        }
    }

    /// The expected number of hits of one seeking session, over the variants
    /// (assigned with equal weights): `1 + q + q²` with `q` the chance of
    /// searching again.
    pub fn hits_per_seeking_session(&self) -> f64 {
        if self.turn_back.is_empty() {
            return 1.0;
        }
        let total: f64 = self
            .turn_back
            .values()
            .map(|tb| {
                let q = 1.0 - tb;
                1.0 + q + q * q
            })
            .sum();
        total / self.turn_back.len() as f64
    }

    /// The first simulated UTC day.
    pub fn first_day(&self) -> u32 {
        utc_day(now_seconds()).saturating_sub(self.days.saturating_sub(1))
    }
}

/// What was sent.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Checks sent.
    pub checks: u64,
    /// Checks answered with a warning.
    pub warnings: u64,
    /// Events and clicks sent.
    pub events: u64,
    /// Requests that failed (connection errors, non-2xx).
    pub failures: u64,
    /// Seconds taken.
    pub seconds: f64,
}

/// Why a simulation could not run.
#[derive(Debug, thiserror::Error)]
pub enum SimulateError {
    /// The service does not answer.
    #[error("the service at {0} does not answer: {1}")]
    Unreachable(String, String),
    /// The service runs an operator's lists: simulated traffic would be
    /// counted in its real statistics, so nothing is sent.
    #[error(
        "the service at {0} is not in demo mode, so simulated traffic would be counted in its real statistics; \
         nothing was sent (start a service with the demo lists, `signpost serve`, or with `demo = true`)"
    )]
    NotDemo(String),
}

/// One session's plan for a day.
struct Session {
    id: String,
    at: u64,
    benign: Vec<String>,
    seeking: bool,
}

/// Hour weights of a day: quiet at night, busiest in the evening.
const HOURS: [u32; 24] = [3, 2, 1, 1, 1, 2, 3, 5, 6, 7, 7, 8, 8, 8, 8, 8, 9, 10, 12, 13, 13, 11, 8, 5];

fn hour_of_day(rng: &mut Rng) -> u64 {
    let total: u32 = HOURS.iter().sum();
    let mut roll = (rng.next_u64() % u64::from(total)) as u32;
    for (hour, weight) in HOURS.iter().enumerate() {
        if roll < *weight {
            return hour as u64;
        }
        roll -= weight;
    }
    23
}

/// Sends the simulated traffic; calls `progress(day, days)` after each day.
pub fn run(simulation: &Simulation, mut progress: impl FnMut(u32, u32)) -> Result<Report, SimulateError> {
    let started = Instant::now();
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .new_agent();
    let base = simulation.base_url.trim_end_matches('/').to_owned();
    let unreachable = |e: ureq::Error| SimulateError::Unreachable(base.clone(), e.to_string());
    let readiness: serde_json::Value =
        agent.get(format!("{base}/readyz")).call().map_err(unreachable)?.body_mut().read_json().map_err(unreachable)?;
    if readiness["demo"] != serde_json::Value::Bool(true) {
        return Err(SimulateError::NotDemo(base));
    }
    let benign = benign_queries(simulation.seed, 5000);
    let mut rng = Rng::new(simulation.seed);
    let first = simulation.first_day();
    let now = now_seconds();
    let counters = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];
    for d in 0..simulation.days {
        let day = first + d;
        let weekend = matches!((day + 3) % 7, 5 | 6); // day 0 was a Thursday
        let checks = (f64::from(simulation.checks_per_day) * if weekend { 1.25 } else { 1.0 }) as u64;
        // A seeking session hits once, and again each time it does not turn
        // back (at most three times): size their number so that the share of
        // hits among all checks is the day's hit rate.
        let hits_per_seeker = simulation.hits_per_seeking_session();
        let seekers = (checks as f64 * simulation.hit_rate(d) / hits_per_seeker).round() as u64;
        let mut sessions: Vec<Session> = Vec::new();
        let mut planned = seekers as f64 * hits_per_seeker;
        let mut n = 0u64;
        let time =
            |rng: &mut Rng| (u64::from(day) * DAY_SECONDS + hour_of_day(rng) * 3600 + rng.next_u64() % 3600).min(now);
        for _ in 0..seekers {
            n += 1;
            let at = time(&mut rng);
            sessions.push(Session {
                id: format!("sim-{}-{day}-{n}", simulation.seed),
                at,
                benign: Vec::new(),
                seeking: true,
            });
        }
        while planned < checks as f64 {
            n += 1;
            let at = time(&mut rng);
            let queries = 1 + rng.below(3);
            let benign_queries: Vec<String> = (0..queries).map(|_| benign[rng.below(benign.len())].clone()).collect();
            planned += queries as f64;
            sessions.push(Session {
                id: format!("sim-{}-{day}-{n}", simulation.seed),
                at,
                benign: benign_queries,
                seeking: false,
            });
        }
        sessions.sort_by_key(|s| s.at);
        let seeds: Vec<u64> = (0..sessions.len()).map(|_| rng.next_u64()).collect();
        let connections = simulation.connections.max(1);
        std::thread::scope(|scope| {
            for worker in 0..connections {
                let (agent, base, sessions, seeds, counters) = (&agent, &base, &sessions, &seeds, &counters);
                scope.spawn(move || {
                    for (i, session) in sessions.iter().enumerate().skip(worker).step_by(connections) {
                        run_session(agent, base, simulation, session, &mut Rng::new(seeds[i]), counters);
                    }
                });
            }
        });
        progress(d + 1, simulation.days);
    }
    Ok(Report {
        checks: counters[0].load(Ordering::Relaxed),
        warnings: counters[1].load(Ordering::Relaxed),
        events: counters[2].load(Ordering::Relaxed),
        failures: counters[3].load(Ordering::Relaxed),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Plays one session: its innocent searches, and for a seeking session a
/// hit, the reactions to the warning, and perhaps searching again.
fn run_session(
    agent: &ureq::Agent,
    base: &str,
    simulation: &Simulation,
    session: &Session,
    rng: &mut Rng,
    counters: &[AtomicU64; 4],
) {
    let [checks, warnings, events, failures] = counters;
    let now = now_seconds();
    let mut at = session.at;
    let check = |query: &str, at: u64| -> Option<serde_json::Value> {
        checks.fetch_add(1, Ordering::Relaxed);
        let body = serde_json::json!({"q": query, "session": session.id, "country": "GB", "locale": "en", "surface": "search"});
        match agent.post(format!("{base}/v1/check")).header("x-signpost-time", at.to_string()).send_json(&body) {
            Ok(mut response) if response.status().is_success() => response.body_mut().read_json().ok(),
            _ => {
                failures.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    };
    for query in &session.benign {
        check(query, at);
        at = (at + 20 + rng.next_u64() % 60).min(now);
    }
    if !session.seeking {
        return;
    }
    // A warned session searches again unless it turns back; at most three hits.
    for _ in 0..3 {
        let Some(answer) = check(HITS[rng.below(HITS.len())], at) else { return };
        let Some(warning) = answer.get("warning") else { return };
        warnings.fetch_add(1, Ordering::Relaxed);
        let token = warning["event_token"].as_str().unwrap_or_default().to_owned();
        let variant = warning["variant"].as_str().unwrap_or_default().to_owned();
        let send = |path: String, body: Option<serde_json::Value>| {
            events.fetch_add(1, Ordering::Relaxed);
            let result = match body {
                Some(body) => {
                    agent.post(format!("{base}{path}")).header("x-signpost-time", at.to_string()).send_json(&body)
                }
                None => agent.get(format!("{base}{path}")).header("x-signpost-time", at.to_string()).call(),
            };
            if !result.is_ok_and(|r| r.status().is_success() || r.status().is_redirection()) {
                failures.fetch_add(1, Ordering::Relaxed);
            }
        };
        if rng.chance(0.95) {
            send("/v1/events".into(), Some(serde_json::json!({"event_token": token, "event": "displayed"})));
        }
        if rng.chance(0.12) {
            send("/v1/chat".into(), Some(serde_json::json!({"event_token": token})));
            if rng.chance(0.6) {
                send(
                    "/v1/chat".into(),
                    Some(serde_json::json!({"event_token": token, "node": "start", "choice": "why"})),
                );
            }
        }
        if rng.chance(*simulation.help.get(&variant).unwrap_or(&0.03)) {
            if let Some(first) = warning["helplines"].get(0).and_then(|h| h["id"].as_str()) {
                send(format!("/v1/go/{first}?t={token}"), None);
            }
        }
        if rng.chance(*simulation.turn_back.get(&variant).unwrap_or(&0.8)) {
            if rng.chance(0.3) {
                send("/v1/events".into(), Some(serde_json::json!({"event_token": token, "event": "dismissed"})));
            }
            return;
        }
        at = (at + 60 + rng.next_u64() % 600).min(now);
    }
}
