//! The embedded store (redb): counts in a file of the data directory, for a
//! single instance without Redis. Each flush is one atomic transaction, so a
//! crash loses at most the counts of one flush interval and never applies a
//! batch twice. Pseudonyms and salts are kept only for the current and the
//! previous UTC day.

use std::path::Path;
use std::sync::Arc;

use redb::{Database, ReadOnlyDatabase, ReadableDatabase, ReadableTable, TableDefinition};

use super::cell::HOUR_SECONDS;
use super::hll::HyperLogLog;
use super::metric::SessionMetric;
use super::pseudonym::{DAY_SECONDS, utc_day};
use super::sink::{Batch, Change, DayCells, Sink, SinkError, StatsSource};

const CELLS: TableDefinition<(u32, &str), u64> = TableDefinition::new("cells");
const DAYS: TableDefinition<(u32, &str), u64> = TableDefinition::new("days");
const SESSION_HITS: TableDefinition<(u32, &[u8; 32]), u32> = TableDefinition::new("session_hits");
const SESSION_WARNINGS: TableDefinition<(u32, &[u8; 32]), u32> = TableDefinition::new("session_warnings");
const UNIQUES: TableDefinition<u32, &[u8]> = TableDefinition::new("unique_sessions");
const SALTS: TableDefinition<u32, &[u8; 32]> = TableDefinition::new("salts");
const CHANGES: TableDefinition<&str, &str> = TableDefinition::new("changes");

/// The file name of the store inside the data directory.
pub const FILE_NAME: &str = "signpost-analytics.redb";

fn unavailable(error: impl std::fmt::Display) -> SinkError {
    SinkError::Unavailable(format!("embedded store: {error}"))
}

/// The embedded store, open for writing (one process at a time). Clones
/// share the database: the flusher writes while exports read.
#[derive(Clone)]
pub struct EmbeddedStore {
    db: Arc<Database>,
}

impl EmbeddedStore {
    /// Opens (or creates) the store in `dir`, creating the directory.
    /// The directory is made (or tightened to) 0700 and the file 0600: it
    /// holds day-scoped pseudonyms and their salts.
    pub fn open(dir: &Path) -> Result<EmbeddedStore, SinkError> {
        let path = dir.join(FILE_NAME);
        private_store(dir, &path)?;
        let db = Database::create(&path).map_err(|e| unavailable(format!("cannot open {}: {e}", path.display())))?;
        let store = EmbeddedStore { db: Arc::new(db) };
        store.create_tables()?;
        Ok(store)
    }

    fn create_tables(&self) -> Result<(), SinkError> {
        let txn = self.db.begin_write().map_err(unavailable)?;
        {
            txn.open_table(CELLS).map_err(unavailable)?;
            txn.open_table(DAYS).map_err(unavailable)?;
            txn.open_table(SESSION_HITS).map_err(unavailable)?;
            txn.open_table(SESSION_WARNINGS).map_err(unavailable)?;
            txn.open_table(UNIQUES).map_err(unavailable)?;
            txn.open_table(SALTS).map_err(unavailable)?;
            txn.open_table(CHANGES).map_err(unavailable)?;
        }
        txn.commit().map_err(unavailable)
    }
}

/// Creates `dir` and the store file `path` readable by this user alone
/// (0700 and 0600), and takes group and other access away from ones that
/// exist.
fn private_store(dir: &Path, path: &Path) -> Result<(), SinkError> {
    let cannot = |what: &Path, e: std::io::Error| unavailable(format!("cannot create {}: {e}", what.display()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(|e| cannot(dir, e))?;
        for (at, mode) in [(dir, 0o700), (path, 0o600)] {
            if at == path {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .mode(0o600)
                    .open(path)
                    .map_err(|e| cannot(path, e))?;
            }
            let current = std::fs::metadata(at).map_err(|e| cannot(at, e))?.permissions().mode();
            if current & 0o077 != 0 {
                std::fs::set_permissions(at, std::fs::Permissions::from_mode(mode)).map_err(|e| cannot(at, e))?;
                tracing::info!(path = %at.display(), "took group and other access away from the analytics store");
            }
        }
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
        let _ = path;
    }
    Ok(())
}

/// The embedded store opened read-only, for `signpost stats` on a store no
/// running instance holds.
pub struct EmbeddedReader {
    db: ReadOnlyDatabase,
}

impl EmbeddedReader {
    /// Opens the store in `dir` for reading.
    pub fn open(dir: &Path) -> Result<EmbeddedReader, SinkError> {
        let path = dir.join(FILE_NAME);
        if !path.is_file() {
            return Err(unavailable(format!("no store at {}", path.display())));
        }
        let db = ReadOnlyDatabase::open(&path).map_err(|e| {
            unavailable(format!(
                "cannot open {} ({e}); if a signpost instance is running on it, ask it: GET /v1/stats",
                path.display()
            ))
        })?;
        Ok(EmbeddedReader { db })
    }
}

fn add(table: &mut redb::Table<(u32, &str), u64>, key: (u32, &str), n: u64) -> Result<(), SinkError> {
    let old = table.get(key).map_err(unavailable)?.map_or(0, |v| v.value());
    table.insert(key, old.saturating_add(n)).map_err(unavailable)?;
    Ok(())
}

impl Sink for EmbeddedStore {
    fn name(&self) -> &'static str {
        "embedded"
    }

    fn write(&mut self, batch: &Batch, _retention_days: u32) -> Result<(), SinkError> {
        let txn = self.db.begin_write().map_err(unavailable)?;
        {
            let mut cells = txn.open_table(CELLS).map_err(unavailable)?;
            for (hour, field, n) in &batch.cells {
                add(&mut cells, (*hour, field.as_str()), *n)?;
            }
            let mut days = txn.open_table(DAYS).map_err(unavailable)?;
            let mut hits = txn.open_table(SESSION_HITS).map_err(unavailable)?;
            let mut warnings = txn.open_table(SESSION_WARNINGS).map_err(unavailable)?;
            for delta in &batch.sessions {
                let key = (delta.day, &delta.pseudonym);
                if delta.hits > 0 {
                    let old = hits.get(key).map_err(unavailable)?.map_or(0, |v| v.value());
                    hits.insert(key, old.saturating_add(delta.hits)).map_err(unavailable)?;
                    if old == 0 {
                        add(&mut days, (delta.day, &format!("{}|{}", SessionMetric::WithHit, delta.arm)), 1)?;
                    }
                }
                if delta.warnings > 0 {
                    let old = warnings.get(key).map_err(unavailable)?.map_or(0, |v| v.value());
                    let new = old.saturating_add(delta.warnings);
                    warnings.insert(key, new).map_err(unavailable)?;
                    if old == 0 {
                        add(&mut days, (delta.day, &format!("{}|{}", SessionMetric::Warned, delta.arm)), 1)?;
                    }
                    if old <= 1 && new >= 2 {
                        add(&mut days, (delta.day, &format!("{}|{}", SessionMetric::WarnedAgain, delta.arm)), 1)?;
                    }
                }
            }
            let mut uniques = txn.open_table(UNIQUES).map_err(unavailable)?;
            for (day, pseudonyms) in &batch.uniques {
                let mut sketch = uniques
                    .get(*day)
                    .map_err(unavailable)?
                    .map_or_else(HyperLogLog::default, |v| HyperLogLog::from_bytes(v.value()));
                for pseudonym in pseudonyms {
                    sketch.add(pseudonym);
                }
                uniques.insert(*day, sketch.as_bytes()).map_err(unavailable)?;
            }
        }
        txn.commit().map_err(unavailable)
    }

    fn salt(&mut self, day: u32) -> Result<[u8; 32], SinkError> {
        let txn = self.db.begin_write().map_err(unavailable)?;
        let salt = {
            let mut salts = txn.open_table(SALTS).map_err(unavailable)?;
            let existing = salts.get(day).map_err(unavailable)?.map(|v| *v.value());
            match existing {
                Some(salt) => salt,
                None => {
                    let fresh: [u8; 32] = rand::random();
                    salts.insert(day, &fresh).map_err(unavailable)?;
                    fresh
                }
            }
        };
        txn.commit().map_err(unavailable)?;
        Ok(salt)
    }

    fn record_change(&mut self, change: &Change) -> Result<(), SinkError> {
        let identity = change.identity();
        let json = serde_json::to_string(change).map_err(unavailable)?;
        let txn = self.db.begin_write().map_err(unavailable)?;
        {
            let mut changes = txn.open_table(CHANGES).map_err(unavailable)?;
            if changes.get(identity.as_str()).map_err(unavailable)?.is_none() {
                changes.insert(identity.as_str(), json.as_str()).map_err(unavailable)?;
            }
        }
        txn.commit().map_err(unavailable)
    }

    fn purge(&mut self, now: u64, retention_days: u32) -> Result<(), SinkError> {
        let today = utc_day(now);
        let oldest_hour = (now.saturating_sub(u64::from(retention_days) * DAY_SECONDS) / HOUR_SECONDS) as u32;
        let oldest_day = today.saturating_sub(retention_days);
        let txn = self.db.begin_write().map_err(unavailable)?;
        {
            let mut cells = txn.open_table(CELLS).map_err(unavailable)?;
            cells.retain(|(hour, _), _| hour >= oldest_hour).map_err(unavailable)?;
            let mut days = txn.open_table(DAYS).map_err(unavailable)?;
            days.retain(|(day, _), _| day >= oldest_day).map_err(unavailable)?;
            let mut uniques = txn.open_table(UNIQUES).map_err(unavailable)?;
            uniques.retain(|day, _| day >= oldest_day).map_err(unavailable)?;
            // Pseudonyms and salts: today and yesterday only (at most 48 h).
            let mut hits = txn.open_table(SESSION_HITS).map_err(unavailable)?;
            hits.retain(|(day, _), _| day + 1 >= today).map_err(unavailable)?;
            let mut warnings = txn.open_table(SESSION_WARNINGS).map_err(unavailable)?;
            warnings.retain(|(day, _), _| day + 1 >= today).map_err(unavailable)?;
            let mut salts = txn.open_table(SALTS).map_err(unavailable)?;
            salts.retain(|day, _| day + 1 >= today).map_err(unavailable)?;
        }
        txn.commit().map_err(unavailable)
    }
}

/// The rows of `table` (hours or days × fields) from `from` to `to`.
fn read_range(
    txn: &redb::ReadTransaction,
    table: TableDefinition<(u32, &str), u64>,
    from: u32,
    to: u32,
) -> Result<Vec<(u32, String, u64)>, SinkError> {
    let rows = txn.open_table(table).map_err(unavailable)?;
    let mut out = Vec::new();
    for row in rows.range((from, "")..).map_err(unavailable)? {
        let (key, value) = row.map_err(unavailable)?;
        let (at, field) = key.value();
        if at > to {
            break;
        }
        out.push((at, field.to_owned(), value.value()));
    }
    Ok(out)
}

fn read_cells(db: &impl ReadableDatabase, from: u32, to: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
    read_range(&db.begin_read().map_err(unavailable)?, CELLS, from, to)
}

fn read_days(db: &impl ReadableDatabase, from: u32, to: u32) -> Result<DayCells, SinkError> {
    let txn = db.begin_read().map_err(unavailable)?;
    let mut out = read_range(&txn, DAYS, from, to)?;
    let uniques = txn.open_table(UNIQUES).map_err(unavailable)?;
    for row in uniques.range(from..=to).map_err(unavailable)? {
        let (day, sketch) = row.map_err(unavailable)?;
        out.push((day.value(), "unique_sessions".to_owned(), HyperLogLog::from_bytes(sketch.value()).count()));
    }
    Ok(out)
}

fn read_changes(db: &impl ReadableDatabase) -> Result<Vec<Change>, SinkError> {
    let txn = db.begin_read().map_err(unavailable)?;
    let changes = txn.open_table(CHANGES).map_err(unavailable)?;
    let mut out = Vec::new();
    for row in changes.iter().map_err(unavailable)? {
        let (_, json) = row.map_err(unavailable)?;
        if let Ok(change) = serde_json::from_str::<Change>(json.value()) {
            out.push(change);
        }
    }
    out.sort_by_key(|c| c.at);
    Ok(out)
}

impl StatsSource for EmbeddedStore {
    fn cells(&mut self, from_hour: u32, to_hour: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
        read_cells(&*self.db, from_hour, to_hour)
    }

    fn days(&mut self, from_day: u32, to_day: u32) -> Result<DayCells, SinkError> {
        read_days(&*self.db, from_day, to_day)
    }

    fn changes(&mut self) -> Result<Vec<Change>, SinkError> {
        read_changes(&*self.db)
    }
}

impl StatsSource for EmbeddedReader {
    fn cells(&mut self, from_hour: u32, to_hour: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
        read_cells(&self.db, from_hour, to_hour)
    }

    fn days(&mut self, from_day: u32, to_day: u32) -> Result<DayCells, SinkError> {
        read_days(&self.db, from_day, to_day)
    }

    fn changes(&mut self) -> Result<Vec<Change>, SinkError> {
        read_changes(&self.db)
    }
}
