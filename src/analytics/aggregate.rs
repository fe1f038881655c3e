//! The aggregator: one thread that merges events in memory and flushes them
//! to the store every interval. The request path only hands it events
//! through a bounded channel (never waits); everything slow happens here.
//!
//! When the store fails, batches wait in a bounded queue and are retried in
//! order under their own `(instance, seq)`, so a retry never double-counts;
//! what exceeds the bound is dropped and counted.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError};
use std::time::{Duration, Instant};

use rustc_hash::{FxHashMap, FxHashSet};

use super::cell::{Dims, Event, EventKind, field, hour_of, metrics_of};
use super::metric::{Counter, Metric};
use super::pseudonym::{Pseudonymizer, utc_day};
use super::sink::{Batch, Change, SessionDelta, Sink};
use super::token::now_seconds;
use super::{Counters, Shared};
use crate::deterrence::CONTROL_ARM;

/// How often the aggregator looks at the channel between flushes.
const POLL: Duration = Duration::from_millis(5);

/// What the aggregator receives.
pub(crate) enum Message {
    /// Something to count.
    Event(Box<Event>),
    /// Flush now and say so (tests, shutdown).
    Flush(SyncSender<()>),
    /// Flush and end.
    Stop,
}

pub(crate) struct Aggregator {
    pub receiver: Receiver<Message>,
    pub sink: Box<dyn Sink>,
    pub pseudonyms: Arc<Pseudonymizer>,
    pub shared: Arc<Shared>,
    pub counters: Counters,
    pub interval: Duration,
    pub buffer_cells: usize,
    pub retention_days: u32,
}

#[derive(Default)]
struct Pending {
    /// Counts per hour and dimensions, by metric: merged without building a
    /// string per event (field names are written once per cell, at flush).
    cells: FxHashMap<(u32, Dims), MetricCounts>,
    sessions: FxHashMap<(u32, [u8; 32]), (u32, u32, String)>,
    uniques: FxHashMap<u32, FxHashSet<[u8; 32]>>,
}

/// The counts of one cell key: the metrics events count directly, by
/// [`Metric::counted_index`], and the rare details (one helpline's clicks,
/// one chat choice).
#[derive(Default)]
struct MetricCounts {
    plain: [u64; Metric::COUNTED.len()],
    detailed: Vec<(Counter, u64)>,
}

impl Aggregator {
    /// Installs the store's salts before the first check is answered (a
    /// check made under a process-local salt would count its session as
    /// another one); returns the days installed, for [`Aggregator::run`].
    pub(crate) fn install_salts(&mut self) -> HashSet<u32> {
        let mut salted = HashSet::new();
        self.ensure_salts(&mut salted);
        salted
    }

    pub(crate) fn run(mut self, mut salted: HashSet<u32>) {
        let instance: u64 = rand::random();
        let mut seq = 0u64;
        let mut pending = Pending::default();
        let mut queue: VecDeque<Batch> = VecDeque::new();
        let mut changes: Vec<Change> = Vec::new();
        // Purge once at start (pseudonyms older than 48 h may remain from a
        // long stop), then hourly.
        let mut last_purge = now_seconds();
        let _ = self.sink.purge(last_purge, self.retention_days);
        let mut next_flush = Instant::now() + self.interval;
        loop {
            // Drain what has arrived, then sleep: a receiver blocked on the
            // channel would be woken by every event, and those wake-ups cost
            // the request path more than the counting itself.
            let mut replies = Vec::new();
            let mut stop = false;
            loop {
                match self.receiver.try_recv() {
                    Ok(Message::Event(event)) => aggregate(&mut pending, &event),
                    Ok(Message::Flush(done)) => replies.push(done),
                    Ok(Message::Stop) | Err(TryRecvError::Disconnected) => {
                        stop = true;
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                }
            }
            if replies.is_empty() && !stop && Instant::now() < next_flush {
                std::thread::sleep(POLL.min(next_flush.saturating_duration_since(Instant::now())));
                continue;
            }
            next_flush = Instant::now() + self.interval;
            self.ensure_salts(&mut salted);
            let batch = take_batch(&mut pending, instance, seq);
            if !batch.is_empty() {
                seq += 1;
                queue.push_back(batch);
            }
            self.write_queue(&mut queue);
            // What could not be written waits, within the bound; the newest
            // batches beyond it are dropped (and counted).
            let mut queued: usize = queue.iter().map(Batch::size).sum();
            while queued > self.buffer_cells {
                let Some(dropped) = queue.pop_back() else { break };
                queued -= dropped.size();
                self.counters.cells_dropped.inc_by(dropped.size() as u64);
            }
            changes.append(&mut self.shared.changes.lock().unwrap_or_else(|e| e.into_inner()));
            changes.retain(|change| self.sink.record_change(change).is_err());
            let now = now_seconds();
            if now >= last_purge + 3600 && self.sink.purge(now, self.retention_days).is_ok() {
                last_purge = now;
            }
            for done in replies {
                let _ = done.send(());
            }
            if stop {
                break;
            }
        }
    }

    fn write_queue(&mut self, queue: &mut VecDeque<Batch>) {
        while let Some(batch) = queue.front() {
            match self.sink.write(batch, self.retention_days) {
                Ok(()) => {
                    queue.pop_front();
                    self.set_up(true);
                }
                Err(error) => {
                    self.counters.flush_failures.inc();
                    if self.shared.up.swap(false, std::sync::atomic::Ordering::Relaxed) {
                        tracing::warn!(sink = self.sink.name(), %error, "analytics store unavailable; counts are kept and retried");
                    }
                    self.counters.sink_up.set(0);
                    return;
                }
            }
        }
    }

    fn set_up(&self, up: bool) {
        if up && !self.shared.up.swap(true, std::sync::atomic::Ordering::Relaxed) {
            tracing::info!(sink = self.sink.name(), "analytics store available");
        }
        self.counters.sink_up.set(i64::from(up));
    }

    /// Installs the store's salts for today (and tomorrow near midnight),
    /// so every instance pseudonymises alike.
    fn ensure_salts(&mut self, salted: &mut HashSet<u32>) {
        let now = now_seconds();
        let today = utc_day(now);
        let mut days = vec![today];
        if utc_day(now + 3600) != today {
            days.push(today + 1);
        }
        for day in days {
            if salted.contains(&day) {
                continue;
            }
            if let Ok(salt) = self.sink.salt(day) {
                self.pseudonyms.install(day, salt);
                salted.insert(day);
            }
        }
        salted.retain(|day| day + 1 >= today);
    }
}

fn aggregate(pending: &mut Pending, event: &Event) {
    let key = (hour_of(event.at), event.dims.clone());
    let counts = pending.cells.entry(key).or_default();
    metrics_of(&event.kind, |counter, by| {
        let counted = match &counter {
            Counter::Total(metric) => metric.counted_index(),
            _ => None,
        };
        match counted {
            Some(index) => counts.plain[index] += by,
            None => match counts.detailed.iter_mut().find(|(c, _)| *c == counter) {
                Some((_, n)) => *n += by,
                None => counts.detailed.push((counter, by)),
            },
        }
    });
    let (EventKind::Check { hit, warned }, Some(session)) = (&event.kind, &event.session) else {
        return;
    };
    let day = utc_day(event.at);
    pending.uniques.entry(day).or_default().insert(session.0);
    if *hit {
        let arm = event.dims.variant.as_deref().unwrap_or(CONTROL_ARM);
        let entry = pending.sessions.entry((day, session.0)).or_insert_with(|| (0, 0, arm.to_owned()));
        entry.0 += 1;
        entry.1 += u32::from(*warned);
    }
}

fn take_batch(pending: &mut Pending, instance: u64, seq: u64) -> Batch {
    let mut batch = Batch { instance, seq, ..Batch::default() };
    let mut name = String::with_capacity(128);
    for ((hour, dims), counts) in pending.cells.drain() {
        for (metric, n) in Metric::COUNTED.into_iter().zip(counts.plain) {
            if n > 0 {
                field(&Counter::Total(metric), &dims, &mut name);
                batch.cells.push((hour, name.clone(), n));
            }
        }
        for (counter, n) in counts.detailed {
            field(&counter, &dims, &mut name);
            batch.cells.push((hour, name.clone(), n));
        }
    }
    batch.cells.sort();
    for ((day, pseudonym), (hits, warnings, arm)) in pending.sessions.drain() {
        batch.sessions.push(SessionDelta { day, pseudonym, hits, warnings, arm });
    }
    for (day, pseudonyms) in pending.uniques.drain() {
        batch.uniques.push((day, pseudonyms.into_iter().collect()));
    }
    batch
}
