//! The record of what each event token has already counted, so that one
//! token moves each count by at most one: one `displayed`, one
//! `help_requested`, one click per helpline, one choice per chat step, one
//! page view. Without it a single token (or a third-party page embedding a
//! tracked link as an image) could steer the help-seeking and turn-back
//! rates that researchers compare between messages.
//!
//! The record is bounded and expires with the tokens. A fleet shares it in
//! Redis (`SET NX` with the token's remaining life); one instance keeps it
//! in memory. When Redis cannot be reached the instance's own record
//! decides, so an outage degrades the guarantee to "once per instance" and
//! never fails a request. When the memory record is full of live tokens,
//! new events are not counted (an undercount is safer for research than an
//! inflation), and a warning is logged.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
#[cfg(feature = "redis")]
use std::time::{Duration, Instant};

use super::EventKind;
use super::metric::{Counter, Metric};
use super::token::Claims;

/// Most (token, event) pairs the memory record holds.
pub const MAX_REMEMBERED: usize = 1 << 20;

/// What one token may count once: the event kind, with the chat node for a
/// choice and the helpline for a click.
pub fn once_key(kind: &EventKind) -> String {
    match kind {
        EventKind::Check { .. } => "check".to_owned(),
        // Never sent with a token; named for completeness.
        EventKind::Suggestions { .. } => "suggestions".to_owned(),
        EventKind::Displayed => Metric::Displayed.name().to_owned(),
        EventKind::Dismissed => Metric::Dismissed.name().to_owned(),
        EventKind::ChatbotOpened => Metric::ChatbotOpened.name().to_owned(),
        EventKind::ChatbotChoice { node, .. } => format!("{}{node}", Counter::CHATBOT_CHOICE_PREFIX),
        EventKind::HelpRequested => Metric::HelpRequested.name().to_owned(),
        EventKind::PageViewed => Metric::PageViewed.name().to_owned(),
        EventKind::HelplineClick { helpline } => format!("{}{helpline}", Counter::HELPLINE_CLICK_PREFIX),
    }
}

/// The record of (token, event) pairs already counted.
pub struct ReplayGuard {
    local: Mutex<Remembered>,
    #[cfg(feature = "redis")]
    redis: Option<Mutex<SharedRecord>>,
}

impl std::fmt::Debug for ReplayGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplayGuard").finish_non_exhaustive()
    }
}

#[derive(Default)]
struct Remembered {
    /// Pair key → expiry (seconds since the Unix epoch).
    seen: HashMap<u64, u64>,
    full_warned: bool,
}

impl Remembered {
    fn first(&mut self, key: u64, expires: u64, now: u64, capacity: usize) -> bool {
        if let Some(&until) = self.seen.get(&key) {
            if until >= now {
                return false;
            }
        }
        if self.seen.len() >= capacity {
            self.seen.retain(|_, until| *until >= now);
            if self.seen.len() >= capacity {
                if !self.full_warned {
                    tracing::warn!(
                        capacity,
                        "the record of counted event tokens is full of live tokens: new events are not counted until some expire"
                    );
                    self.full_warned = true;
                }
                return false;
            }
            self.full_warned = false;
        }
        self.seen.insert(key, expires);
        true
    }
}

impl ReplayGuard {
    /// A record kept in this process only.
    pub fn local() -> ReplayGuard {
        ReplayGuard {
            local: Mutex::new(Remembered::default()),
            #[cfg(feature = "redis")]
            redis: None,
        }
    }

    /// A record shared through the Redis at `url` (the instance's own
    /// record stands in while Redis is unreachable).
    #[cfg(feature = "redis")]
    pub fn shared(url: &str, timeout: Duration) -> Result<ReplayGuard, redis::RedisError> {
        ReplayGuard::shared_with(url, super::redis::RedisOptions::default(), timeout)
    }

    /// As [`ReplayGuard::shared`], with the TLS CA and sentinel master of
    /// `options`.
    #[cfg(feature = "redis")]
    pub fn shared_with(
        url: &str,
        options: super::redis::RedisOptions<'_>,
        timeout: Duration,
    ) -> Result<ReplayGuard, redis::RedisError> {
        let seeds = super::redis_link::Seeds::new(url, options)?;
        Ok(ReplayGuard {
            local: Mutex::new(Remembered::default()),
            redis: Some(Mutex::new(SharedRecord { seeds, connection: None, timeout, retry_after: None })),
        })
    }

    /// Whether the record is shared through Redis (a call may then wait on
    /// the network: call it off the async threads).
    pub fn is_shared(&self) -> bool {
        #[cfg(feature = "redis")]
        return self.redis.is_some();
        #[cfg(not(feature = "redis"))]
        false
    }

    /// Records that the token of `claims` counts `what` ([`once_key`]) at
    /// `now`; whether this is the first time (then count it).
    pub fn first(&self, claims: &Claims, what: &str, now: u64) -> bool {
        self.first_with_capacity(claims, what, now, MAX_REMEMBERED)
    }

    /// Records, in the record a fleet shares, that the dashboard session
    /// `id` is signed out until `until` (its expiry); nothing without Redis
    /// (each instance's sessions keep their own record of sign-outs).
    pub fn revoke_session(&self, id: u64, until: u64, now: u64) {
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.redis {
            if let Ok(mut record) = shared.lock() {
                record.attempt(|link| {
                    let name = format!("signpost:signed-out:{id:016x}");
                    redis::cmd("SET")
                        .arg(&name)
                        .arg(1)
                        .arg("EX")
                        .arg(until.saturating_sub(now).max(1))
                        .exec(link.like())?;
                    link.replicated(&name)
                });
            }
        }
        #[cfg(not(feature = "redis"))]
        let _ = (id, until, now);
    }

    /// Whether the shared record says the dashboard session `id` was signed
    /// out on some instance; `None` without Redis or while it cannot answer.
    pub fn session_revoked(&self, id: u64) -> Option<bool> {
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.redis {
            return shared.lock().ok()?.attempt(|link| {
                redis::cmd("EXISTS").arg(format!("signpost:signed-out:{id:016x}")).query::<bool>(link.like())
            });
        }
        #[cfg(not(feature = "redis"))]
        let _ = id;
        None
    }

    fn first_with_capacity(&self, claims: &Claims, what: &str, now: u64, capacity: usize) -> bool {
        let key = pair_key(claims, what);
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.redis {
            let answer = shared.lock().map_or(None, |mut record| record.first(key, claims.exp, now));
            if let Some(first) = answer {
                // Keep the local record in step, for when Redis goes away.
                if let Ok(mut local) = self.local.lock() {
                    local.first(key, claims.exp, now, capacity);
                }
                return first;
            }
        }
        self.local.lock().is_ok_and(|mut local| local.first(key, claims.exp, now, capacity))
    }
}

/// A 64-bit key of one token and one event: the token's random number and
/// expiry, and the event (SipHash with fixed keys; nothing in it is secret,
/// it only has to differ between tokens).
fn pair_key(claims: &Claims, what: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    (claims.nonce, claims.exp, what).hash(&mut hasher);
    hasher.finish()
}

/// The Redis side of the record: one connection, remade after errors, and
/// left alone for a while after a failure so an outage costs one timeout,
/// not one per event.
#[cfg(feature = "redis")]
struct SharedRecord {
    seeds: super::redis_link::Seeds,
    connection: Option<super::redis_link::Link>,
    timeout: Duration,
    retry_after: Option<Instant>,
}

#[cfg(feature = "redis")]
impl SharedRecord {
    /// How long Redis is left alone after a failure.
    const PAUSE: Duration = Duration::from_secs(5);

    /// `Some(first)` from Redis, `None` when it cannot answer.
    fn first(&mut self, key: u64, expires: u64, now: u64) -> Option<bool> {
        let ttl_seconds = expires.saturating_sub(now).max(1) + 60;
        self.attempt(|link| {
            let name = format!("signpost:once:{key:016x}");
            let set: Option<String> =
                redis::cmd("SET").arg(&name).arg(1).arg("NX").arg("EX").arg(ttl_seconds).query(link.like())?;
            link.replicated(&name)?;
            Ok(set.is_some())
        })
    }

    /// Runs `op` on the link (connecting first when needed); `None` when
    /// Redis cannot answer, and then Redis is left alone for [`Self::PAUSE`].
    fn attempt<T>(&mut self, op: impl FnOnce(&mut super::redis_link::Link) -> redis::RedisResult<T>) -> Option<T> {
        if self.retry_after.is_some_and(|at| Instant::now() < at) {
            return None;
        }
        let answer = match &mut self.connection {
            Some(link) => op(link),
            None => match super::redis_link::Link::open(&mut self.seeds, self.timeout) {
                Ok(link) => op(self.connection.insert(link)),
                Err(error) => Err(error),
            },
        };
        match answer {
            Ok(value) => {
                self.retry_after = None;
                Some(value)
            }
            Err(error) => {
                tracing::warn!(%error, "Redis cannot keep the shared record of tokens and sign-outs; this instance's own record decides meanwhile");
                self.connection = None;
                self.retry_after = Some(Instant::now() + Self::PAUSE);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(nonce: u64) -> Claims {
        Claims {
            exp: 1_000,
            nonce,
            variant: "help-to-stop".into(),
            locale: "en".into(),
            country: None,
            surface: None,
            list_version: "v".into(),
            category: "c".into(),
            entry: "0123456789abcdef".into(),
        }
    }

    #[test]
    fn each_token_counts_each_event_once() {
        let guard = ReplayGuard::local();
        assert!(guard.first(&claims(1), "help_requested", 10));
        assert!(!guard.first(&claims(1), "help_requested", 11));
        assert!(guard.first(&claims(1), "displayed", 11), "another event of the same token");
        assert!(guard.first(&claims(2), "help_requested", 11), "another token");
    }

    #[test]
    fn a_full_record_counts_nothing_new_until_tokens_expire() {
        let guard = ReplayGuard::local();
        assert!(guard.first_with_capacity(&claims(1), "displayed", 10, 2));
        assert!(guard.first_with_capacity(&claims(2), "displayed", 10, 2));
        assert!(!guard.first_with_capacity(&claims(3), "displayed", 10, 2), "full of live tokens");
        assert!(!guard.first_with_capacity(&claims(1), "displayed", 10, 2), "still remembered");
        // Past the tokens' expiry (1,000) the record makes room.
        assert!(guard.first_with_capacity(&claims(3), "displayed", 1_001, 2));
    }

    #[test]
    fn choices_count_once_per_node_and_clicks_once_per_helpline() {
        let choice = |node: &str, choice: &str| EventKind::ChatbotChoice { node: node.into(), choice: choice.into() };
        assert_eq!(once_key(&choice("start", "a")), once_key(&choice("start", "b")));
        assert_ne!(once_key(&choice("start", "a")), once_key(&choice("next", "a")));
        let click = |helpline: &str| EventKind::HelplineClick { helpline: helpline.into() };
        assert_ne!(once_key(&click("one")), once_key(&click("two")));
        assert_eq!(once_key(&EventKind::Displayed), "displayed");
    }
}
