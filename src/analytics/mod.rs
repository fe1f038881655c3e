//! Anonymised measurement: what is counted, how it leaves the request path,
//! where it is stored, and what researchers get back.
//!
//! The request path calls [`Analytics::record`], which hands an [`Event`]
//! to a bounded channel and never waits: when the channel is full the event
//! is dropped and counted. One aggregator thread merges events into hourly
//! counter cells and per-day session outcomes and flushes them every
//! interval to the store: the embedded store (redb, in the data directory)
//! or Redis (shared by a fleet).
//!
//! This module never sees the raw query. What reaches it is a verdict's ids
//! and categories, coarse dimensions (language, country, surface), and for
//! sessions a day-scoped pseudonym; pseudonyms are kept at most 48 hours and
//! never exported.

#[cfg(feature = "server")]
pub(crate) mod aggregate;
pub mod cell;
mod disclosure;
#[cfg(feature = "server")]
pub(crate) mod embedded;
pub mod export;
#[cfg(feature = "server")]
pub(crate) mod hll;
pub mod metric;
#[cfg(feature = "server")]
mod pipeline;
pub mod pseudonym;
#[cfg(feature = "redis")]
pub mod redis;
#[cfg(feature = "redis")]
mod redis_link;
pub mod replay;
pub mod sink;
pub mod token;

pub use cell::{Dims, Event, EventKind, Tag};
pub use metric::{Counter, Metric, SessionMetric};
#[cfg(feature = "server")]
pub use pipeline::{Analytics, AnalyticsError, Counters, RedisTarget, Shared, Store, open_source};
