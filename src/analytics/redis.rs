//! The Redis store, for fleets: every instance adds its counts to the same
//! hashes, so the numbers add up across instances.
//!
//! Layout (all keys of one time bucket share a hash tag, so each bucket
//! lives in one slot and every script touches one slot of a Redis Cluster;
//! a cluster is found from any one of its nodes, see `redis_link`):
//!
//! | key | type | holds | expires |
//! |---|---|---|---|
//! | `signpost:{h:HOUR}:cells` | hash | field → count | retention |
//! | `signpost:{h:HOUR}:flushes` | set | `instance:seq` of applied batches | 48 h (retries come within minutes) |
//! | `signpost:{d:DAY}:days` | hash | session outcome counts by arm | retention |
//! | `signpost:{d:DAY}:hits`, `…:warned` | hash | pseudonym → count | 48 h after the day starts |
//! | `signpost:{d:DAY}:uniques` | HyperLogLog | unique sessions | retention |
//! | `signpost:{d:DAY}:flushes` | set | applied batches | 48 h |
//! | `signpost:salt:DAY` | string | the day's salt (`SET NX`) | 48 h after the day starts |
//! | `signpost:changes` | hash | state identity → change record | never |
//! | `signpost:once:KEY` | string | an event token's event counted (`analytics::replay`) | with the token |
//! | `signpost:signed-out:ID` | string | a dashboard session signed out | with the session |
//!
//! Each bucket is written by one Lua script that first checks the batch's
//! `instance:seq` in the bucket's `flushes` set: a batch retried after a
//! timeout is applied at most once, even if the first attempt had landed.
//! Connections are made lazily with explicit timeouts and remade after any
//! error, so the service starts while Redis is down and reconnects by itself.

use std::collections::BTreeMap;
use std::time::Duration;

use redis::{ConnectionLike, Script};

use super::redis_link::{Link, Seeds};

use super::pseudonym::DAY_SECONDS;
use super::sink::{Batch, Change, DayCells, Sink, SinkError, StatsSource};

const CELLS_SCRIPT: &str = r"
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 0 end
for i = 3, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2], 'NX')
redis.call('EXPIRE', KEYS[2], 172800, 'NX')
return 1
";

// KEYS: days, hits, warned, uniques, flushes
// ARGV: token, retention ttl, pseudonym expiry (unix s), session count, then
//       (pseudonym, hits, warnings, arm) per session, then unique pseudonyms.
// The day fields are the stored names of `SessionMetric` (a test below holds them equal).
const SESSIONS_SCRIPT: &str = r"
if redis.call('SISMEMBER', KEYS[5], ARGV[1]) == 1 then return 0 end
local sessions = tonumber(ARGV[4])
local i = 5
for _ = 1, sessions do
  local p, h, w, arm = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]), ARGV[i + 3]
  if h > 0 then
    local new = redis.call('HINCRBY', KEYS[2], p, h)
    if new == h then redis.call('HINCRBY', KEYS[1], 'sessions_with_hit|' .. arm, 1) end
  end
  if w > 0 then
    local new = redis.call('HINCRBY', KEYS[3], p, w)
    local old = new - w
    if old == 0 then redis.call('HINCRBY', KEYS[1], 'sessions_warned|' .. arm, 1) end
    if old <= 1 and new >= 2 then redis.call('HINCRBY', KEYS[1], 'sessions_warned_again|' .. arm, 1) end
  end
  i = i + 4
end
if i <= #ARGV then
  redis.call('PFADD', KEYS[4], unpack(ARGV, i, #ARGV))
end
redis.call('SADD', KEYS[5], ARGV[1])
for _, key in ipairs({KEYS[1], KEYS[4]}) do redis.call('EXPIRE', key, ARGV[2], 'NX') end
redis.call('EXPIRE', KEYS[5], 172800, 'NX')
for _, key in ipairs({KEYS[2], KEYS[3]}) do
  if redis.call('EXISTS', key) == 1 then redis.call('EXPIREAT', key, ARGV[3], 'NX') end
end
return 1
";

/// The hash tag of an hour bucket.
pub fn hour_tag(hour: u32) -> String {
    format!("signpost:{{h:{hour}}}")
}

/// The hash tag of a day bucket.
pub fn day_tag(day: u32) -> String {
    format!("signpost:{{d:{day}}}")
}

/// How to reach Redis besides its URL.
#[derive(Clone, Copy, Debug, Default)]
pub struct RedisOptions<'a> {
    /// CA certificates (PEM) to trust for `rediss://` instead of the system's.
    pub ca_pem: Option<&'a [u8]>,
    /// The master to ask a Redis Sentinel for when it monitors several.
    pub sentinel_master: Option<&'a str>,
    /// The password of a Redis Sentinel's master (its default user) when it
    /// is not the sentinel's own, which the URL carries.
    pub master_password: Option<&'a str>,
    /// The client's certificate (PEM), for a TLS Redis that authenticates
    /// clients (`tls-auth-clients yes`); with [`RedisOptions::client_key_pem`].
    pub client_cert_pem: Option<&'a [u8]>,
    /// The private key (PEM) of [`RedisOptions::client_cert_pem`].
    pub client_key_pem: Option<&'a [u8]>,
}

/// The Redis store.
pub struct RedisStore {
    seeds: Seeds,
    connection: Option<Link>,
    timeout: Duration,
    cells: Script,
    sessions: Script,
}

fn unavailable(error: impl std::fmt::Display) -> SinkError {
    SinkError::Unavailable(format!("redis: {error}"))
}

/// Hex of a pseudonym (pseudonyms are stored in Redis only as keyed hashes).
fn hex(bytes: &[u8; 32]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl RedisStore {
    /// A store for `url` (`redis://host:port/db`, or any one node of a
    /// Redis Cluster); nothing is connected yet.
    pub fn new(url: &str, timeout: Duration) -> Result<RedisStore, SinkError> {
        RedisStore::with_options(url, RedisOptions::default(), timeout)
    }

    /// As [`RedisStore::new`], with the TLS certificates and sentinel
    /// master of `options`.
    pub fn with_options(url: &str, options: RedisOptions<'_>, timeout: Duration) -> Result<RedisStore, SinkError> {
        let seeds = Seeds::new(url, options).map_err(|e| unavailable(format!("bad URL: {e}")))?;
        Ok(RedisStore {
            seeds,
            connection: None,
            timeout,
            cells: Script::new(CELLS_SCRIPT),
            sessions: Script::new(SESSIONS_SCRIPT),
        })
    }

    fn connection(&mut self) -> Result<&mut Link, SinkError> {
        if self.connection.is_none() {
            self.connection = Some(Link::open(&mut self.seeds, self.timeout).map_err(unavailable)?);
        }
        self.connection.as_mut().ok_or_else(|| unavailable("no connection"))
    }

    /// Runs `op` on a connection; any error drops the connection so the
    /// next call reconnects.
    fn with<T>(
        &mut self,
        op: impl FnOnce(&mut Link, &Script, &Script) -> redis::RedisResult<T>,
    ) -> Result<T, SinkError> {
        let (cells, sessions) = (self.cells.clone(), self.sessions.clone());
        let connection = self.connection()?;
        match op(connection, &cells, &sessions) {
            Ok(value) => Ok(value),
            Err(error) => {
                self.connection = None;
                Err(unavailable(error))
            }
        }
    }
}

/// A command's answer on `link`.
fn query<T: redis::FromRedisValue>(command: &redis::Cmd, link: &mut Link) -> redis::RedisResult<T> {
    command.query(link.like() as &mut dyn ConnectionLike)
}

impl Sink for RedisStore {
    fn name(&self) -> &'static str {
        "redis"
    }

    fn write(&mut self, batch: &Batch, retention_days: u32) -> Result<(), SinkError> {
        let token = batch.token();
        let ttl = u64::from(retention_days.max(1)) * DAY_SECONDS;
        let mut hours: BTreeMap<u32, Vec<(&str, u64)>> = BTreeMap::new();
        for (hour, field, n) in &batch.cells {
            hours.entry(*hour).or_default().push((field, *n));
        }
        let mut days: BTreeMap<u32, (Vec<&super::sink::SessionDelta>, Vec<&[u8; 32]>)> = BTreeMap::new();
        for delta in &batch.sessions {
            days.entry(delta.day).or_default().0.push(delta);
        }
        for (day, pseudonyms) in &batch.uniques {
            days.entry(*day).or_default().1.extend(pseudonyms.iter());
        }
        self.with(|connection, cells, sessions| {
            // One script per bucket: each is atomic and guarded, so a batch
            // cut short by an error is completed, not repeated, on retry.
            for (hour, fields) in &hours {
                let tag = hour_tag(*hour);
                let mut invocation = cells.key(format!("{tag}:cells"));
                invocation.key(format!("{tag}:flushes")).arg(&token).arg(ttl);
                for (field, n) in fields {
                    invocation.arg(*field).arg(*n);
                }
                invocation.invoke::<i64>(connection.like())?;
                connection.replicated(&format!("{tag}:cells"))?;
            }
            for (day, (deltas, uniques)) in &days {
                let tag = day_tag(*day);
                // 48 h after the day starts; a past day's pseudonyms (replayed
                // or simulated traffic) still live two hours, never longer.
                let expire_at = ((u64::from(*day) + 2) * DAY_SECONDS).max(super::token::now_seconds() + 7200);
                let mut invocation = sessions.key(format!("{tag}:days"));
                invocation
                    .key(format!("{tag}:hits"))
                    .key(format!("{tag}:warned"))
                    .key(format!("{tag}:uniques"))
                    .key(format!("{tag}:flushes"))
                    .arg(&token)
                    .arg(ttl)
                    .arg(expire_at)
                    .arg(deltas.len());
                for delta in deltas {
                    invocation.arg(hex(&delta.pseudonym)).arg(delta.hits).arg(delta.warnings).arg(&delta.arm);
                }
                for pseudonym in uniques {
                    invocation.arg(hex(pseudonym));
                }
                invocation.invoke::<i64>(connection.like())?;
                connection.replicated(&format!("{tag}:days"))?;
            }
            Ok(())
        })
    }

    fn salt(&mut self, day: u32) -> Result<[u8; 32], SinkError> {
        let key = format!("signpost:salt:{day}");
        let expire_at = (u64::from(day) + 2) * DAY_SECONDS;
        let fresh: [u8; 32] = rand::random();
        let stored: String = self.with(|connection, _, _| {
            let _: Option<String> =
                query(redis::cmd("SET").arg(&key).arg(hex(&fresh)).arg("NX").arg("EXAT").arg(expire_at), connection)?;
            connection.replicated(&key)?;
            query(redis::cmd("GET").arg(&key), connection)
        })?;
        let mut salt = [0u8; 32];
        if stored.len() != 64 {
            return Err(unavailable("stored salt has the wrong length"));
        }
        for (i, byte) in salt.iter_mut().enumerate() {
            *byte =
                u8::from_str_radix(&stored[2 * i..2 * i + 2], 16).map_err(|_| unavailable("stored salt is not hex"))?;
        }
        Ok(salt)
    }

    fn record_change(&mut self, change: &Change) -> Result<(), SinkError> {
        let json = serde_json::to_string(change).map_err(unavailable)?;
        let identity = change.identity();
        self.with(|connection, _, _| {
            query(redis::cmd("HSETNX").arg("signpost:changes").arg(identity).arg(json), connection)
        })
    }

    fn purge(&mut self, _now: u64, _retention_days: u32) -> Result<(), SinkError> {
        // Every key carries its own expiry.
        Ok(())
    }
}

impl StatsSource for RedisStore {
    fn cells(&mut self, from_hour: u32, to_hour: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
        let hours: Vec<u32> = (from_hour..=to_hour).collect();
        let mut out = Vec::new();
        for chunk in hours.chunks(256) {
            let rows: Vec<Vec<(String, u64)>> = self.with(|connection, _, _| {
                if connection.is_cluster() {
                    // The hours live in different slots.
                    return chunk
                        .iter()
                        .map(|hour| query(redis::cmd("HGETALL").arg(format!("{}:cells", hour_tag(*hour))), connection))
                        .collect();
                }
                let mut pipe = redis::pipe();
                for hour in chunk {
                    pipe.cmd("HGETALL").arg(format!("{}:cells", hour_tag(*hour)));
                }
                pipe.query(connection.like())
            })?;
            for (hour, fields) in chunk.iter().zip(rows) {
                out.extend(fields.into_iter().map(|(field, n)| (*hour, field, n)));
            }
        }
        Ok(out)
    }

    fn days(&mut self, from_day: u32, to_day: u32) -> Result<DayCells, SinkError> {
        let mut out = Vec::new();
        for day in from_day..=to_day {
            let tag = day_tag(day);
            let (fields, uniques): (Vec<(String, u64)>, u64) = self.with(|connection, _, _| {
                // (Two commands, not a pipeline: a cluster connection takes
                // none, and these are a few per export.)
                let fields = query(redis::cmd("HGETALL").arg(format!("{tag}:days")), connection)?;
                Ok((fields, query(redis::cmd("PFCOUNT").arg(format!("{tag}:uniques")), connection)?))
            })?;
            out.extend(fields.into_iter().map(|(field, n)| (day, field, n)));
            if uniques > 0 {
                out.push((day, "unique_sessions".to_owned(), uniques));
            }
        }
        Ok(out)
    }

    fn changes(&mut self) -> Result<Vec<Change>, SinkError> {
        let records: Vec<String> =
            self.with(|connection, _, _| query(redis::cmd("HVALS").arg("signpost:changes"), connection))?;
        let mut out: Vec<Change> = records.iter().filter_map(|r| serde_json::from_str(r).ok()).collect();
        out.sort_by_key(|c| c.at);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::metric::SessionMetric;

    #[test]
    fn the_sessions_script_writes_the_stored_names_of_the_session_measures() {
        for metric in SessionMetric::ALL {
            let written = SESSIONS_SCRIPT.contains(&format!("'{}|'", metric.name()));
            assert_eq!(written, SessionMetric::parse_stored(metric.name()).is_some(), "{metric}");
        }
    }
}
