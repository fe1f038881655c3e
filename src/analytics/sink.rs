//! Where aggregated counts go: the interface both stores implement, the
//! batch they write, and what they give back to exports.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One flush's worth of counts from one instance. A batch is written whole
/// or retried whole under the same `(instance, seq)`, which the stores use to
/// refuse a second application: a retried flush never double-counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Random id of this process.
    pub instance: u64,
    /// Increases by one per batch of this process.
    pub seq: u64,
    /// `(hour, field, count)`.
    pub cells: Vec<(u32, String, u64)>,
    /// Per day and pseudonym: hits and warnings in this batch, and the arm.
    pub sessions: Vec<SessionDelta>,
    /// Per day: the pseudonyms seen in this batch (for unique sessions).
    pub uniques: Vec<(u32, Vec<[u8; 32]>)>,
}

/// What one session did during one batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionDelta {
    /// The UTC day.
    pub day: u32,
    /// The session's pseudonym for that day.
    pub pseudonym: [u8; 32],
    /// Checks that matched.
    pub hits: u32,
    /// Warnings shown.
    pub warnings: u32,
    /// The arm assigned (variant id or `control`).
    pub arm: String,
}

impl Batch {
    /// How many entries the batch holds (its weight against the buffer bound).
    pub fn size(&self) -> usize {
        self.cells.len() + self.sessions.len() + self.uniques.iter().map(|(_, p)| p.len()).sum::<usize>()
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.size() == 0
    }

    /// The guard token stores record for this batch.
    pub fn token(&self) -> String {
        format!("{:016x}:{}", self.instance, self.seq)
    }
}

/// A change of what was in force: lists, content or experiment weights.
/// Exports list them so researchers can tell list changes from effects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Change {
    /// When it was first seen, seconds since the Unix epoch.
    pub at: u64,
    /// The list version.
    pub list_version: String,
    /// The lists, as `id@version`.
    pub lists: Vec<String>,
    /// The content version.
    pub content_version: String,
    /// Arm weights as probabilities (`control` included when configured).
    pub weights: BTreeMap<String, f64>,
}

impl Change {
    /// What identifies the state (two records of the same state are one).
    pub fn identity(&self) -> String {
        let weights: Vec<String> = self.weights.iter().map(|(arm, w)| format!("{arm}={w:.6}")).collect();
        format!("{}|{}|{}", self.list_version, self.content_version, weights.join(","))
    }
}

/// Day-level session counts, as stored: `(day, field, count)` where field is
/// `sessions_with_hit|ARM`, `sessions_warned|ARM`, `sessions_warned_again|ARM`
/// or `unique_sessions`.
pub type DayCells = Vec<(u32, String, u64)>;

/// Why a store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The store is unreachable or refused the operation.
    #[error("{0}")]
    Unavailable(String),
}

/// A store of counts.
pub trait Sink: Send {
    /// `embedded` or `redis`.
    fn name(&self) -> &'static str;
    /// Adds a batch, at most once per `(instance, seq)`.
    fn write(&mut self, batch: &Batch, retention_days: u32) -> Result<(), SinkError>;
    /// The salt of `day`: created once (shared by every instance of a
    /// fleet) and destroyed after the next day.
    fn salt(&mut self, day: u32) -> Result<[u8; 32], SinkError>;
    /// Records `change` unless the same state is already recorded.
    fn record_change(&mut self, change: &Change) -> Result<(), SinkError>;
    /// Removes what is past retention (counts) or past 48 hours (pseudonyms, salts).
    fn purge(&mut self, now: u64, retention_days: u32) -> Result<(), SinkError>;
}

/// Reading counts back, for exports.
pub trait StatsSource {
    /// Cells of the hours `from..=to`.
    fn cells(&mut self, from_hour: u32, to_hour: u32) -> Result<Vec<(u32, String, u64)>, SinkError>;
    /// Day-level session counts of the days `from..=to`, `unique_sessions` estimated.
    fn days(&mut self, from_day: u32, to_day: u32) -> Result<DayCells, SinkError>;
    /// Every recorded change, oldest first.
    fn changes(&mut self) -> Result<Vec<Change>, SinkError>;
}
