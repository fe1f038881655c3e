//! The research export: stored counts aggregated by time bucket and chosen
//! dimensions, with disclosure control, as JSON or CSV.
//!
//! Disclosure control, within one export:
//! - **Small cells**: every count from 1 to k−1 (k = 10 by default) is
//!   withheld (`null`, and named in the row's `suppressed` list). Zeros are
//!   published: that nothing happened is not sensitive.
//! - **Complementary suppression**: a withheld count must not follow by
//!   adding and subtracting published ones. Every *line* — a set of counts
//!   one of which is the sum of the others — that holds exactly one withheld
//!   count gets its smallest other non-zero count withheld too, over all
//!   lines together until none changes; then an exact audit
//!   (`analytics::disclosure`) checks every combination of lines and withholds
//!   more where a withheld count could still be solved for.
//!   The lines are: each row (bucket) and column (group) of a metric's table
//!   with its sum, the bucket sums and the group sums each with the period
//!   total; and the identities between metrics at every bucket, group and
//!   total: `hits = warnings_shown + control`, `helpline_clicks` = the sum of
//!   `helpline_clicks:ID`, `chatbot_choices` = the sum of
//!   `chatbot_choice:NODE:CHOICE`; in the sessions table (days × arms, with
//!   the `all` day and `all` arm as margins) `sessions_warned =
//!   sessions_warned_once + sessions_warned_again`, and, because a warning
//!   arm warns every hit and the control arm none, `sessions_with_hit =
//!   sessions_warned` for a warning arm and, for all arms together,
//!   `sessions_with_hit = sessions_warned + sessions_with_hit` of `control`.
//! - **Whole buckets**: at `day` and `week` granularity the period is widened
//!   to whole buckets, so the period total is always the sum of the published
//!   buckets (whose margin line protects it).
//! - **Noise** (optional, `analytics.epsilon`): Laplace noise of scale 1/ε is
//!   added to every published count, and ε is stated in the export. The noise
//!   of a count is not fresh: it is drawn (inverse CDF) from a keyed hash
//!   ([`NoiseKey`]) of what the count counts — metric, the hours it covers,
//!   its group — and its true value, so asking the same question again gives
//!   the same answer and averaging repeated requests removes nothing (the
//!   "cell key" method of statistical offices). Rates are computed from the
//!   published (noised) counts only, so they are `null` when an input is
//!   withheld and tell nothing the counts do not.
//!
//! What this does not prevent: each export is protected on its own. Counts
//! withheld in one export can be recovered by differencing it with other
//! exports of other periods (`[from, to]` against `[from, to + 1 day]`) or
//! other `by` sets, where a count withheld in one is published in the other;
//! with noise such differences are noisy, but many of them can be averaged.
//! Keep the research token for researchers under a data agreement, and set
//! `epsilon` when tables are published further.
//!
//! Every export names the list versions and changes of lists, content and
//! variant weights in the period, so a change of list can be told apart
//! from an effect. Nothing here ever sees a query or a pseudonym.

use std::collections::{BTreeMap, BTreeSet};

use std::sync::OnceLock;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::cell::{DIMENSIONS, HOUR_SECONDS, metric, parse_field};
use super::disclosure::{protect, protect_known};
use super::sink::{Change, SinkError, StatsSource};
use crate::deterrence::CONTROL_ARM;

/// The hourly metrics exported, in column order.
pub const METRICS: &[&str] = &[
    "checks",
    "hits",
    "warnings_shown",
    "control",
    "displayed",
    "dismissed",
    "chatbot_opened",
    "chatbot_choices",
    "help_requested",
    "page_viewed",
    "helpline_clicks",
];

/// The day-level session metrics exported, per arm.
pub const SESSION_METRICS: &[&str] = &[WITH_HIT, WARNED, WARNED_ONCE, WARNED_AGAIN];

/// Time buckets of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "server", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One bucket per hour.
    Hour,
    /// One bucket per UTC day.
    Day,
    /// One bucket per week (weeks start on Monday, UTC).
    Week,
}

impl Granularity {
    /// `hour`, `day` or `week`, as [`Granularity::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Hour => "hour",
            Granularity::Day => "day",
            Granularity::Week => "week",
        }
    }

    /// Parses `hour`, `day` or `week`.
    pub fn parse(text: &str) -> Option<Granularity> {
        [Granularity::Hour, Granularity::Day, Granularity::Week].into_iter().find(|g| g.name() == text)
    }

    /// The first hour of the bucket that holds `hour`.
    fn bucket_of(self, hour: u32) -> u32 {
        match self {
            Granularity::Hour => hour,
            Granularity::Day => hour - hour % 24,
            // Day 0 (1970-01-01) was a Thursday: Monday-based weeks start 3
            // days later (the days before the first Monday count as a week).
            Granularity::Week => {
                let day = hour / 24;
                let monday = day.saturating_sub((day + 3) % 7);
                monday * 24
            }
        }
    }

    /// The hours in one bucket.
    fn hours(self) -> u32 {
        match self {
            Granularity::Hour => 1,
            Granularity::Day => 24,
            Granularity::Week => 7 * 24,
        }
    }

    /// The hours `from..=to` widened to whole buckets: the first hour of
    /// `from`'s bucket to the last hour of `to`'s, so that a period's totals
    /// are always sums of whole published buckets.
    pub fn snap(self, from_hour: u32, to_hour: u32) -> (u32, u32) {
        // The hour before the next bucket starts (the first, partial week
        // of 1970 is shorter than a week).
        let last = self.bucket_of(to_hour.saturating_add(self.hours())).saturating_sub(1);
        (self.bucket_of(from_hour), last.max(to_hour))
    }
}

/// The metric that sums every `chatbot_choice:NODE:CHOICE` of a bucket and group.
pub const CHATBOT_CHOICES: &str = "chatbot_choices";

/// The key of the noise added to published counts.
///
/// The noise of a count is derived from this key, what the count counts and
/// its value, so the same question always gets the same answer and repeated
/// requests cannot be averaged. Whoever holds the key can compute and remove
/// the noise: keep it as secret as the counts.
#[derive(Clone)]
pub struct NoiseKey([u8; 32]);

impl std::fmt::Debug for NoiseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NoiseKey(..)")
    }
}

impl NoiseKey {
    /// The label that separates this key from other uses of a secret.
    const LABEL: &'static [u8] = b"signpost/export-noise-key/v1\0";

    /// A key of these bytes.
    pub fn new(bytes: [u8; 32]) -> NoiseKey {
        NoiseKey(bytes)
    }

    /// The key derived from a service secret (e.g. `token_secret`, which a
    /// fleet shares, so that every instance gives the same answer), under a
    /// label of its own: the secret itself keys nothing here.
    pub fn derive(secret: &[u8]) -> NoiseKey {
        NoiseKey(Sha256::new().chain_update(Self::LABEL).chain_update(secret).finalize().into())
    }

    /// A random key made once per process: answers are stable while the
    /// process runs, but differ between processes and restarts (and may then
    /// be averaged).
    pub fn per_process() -> NoiseKey {
        static KEY: OnceLock<[u8; 32]> = OnceLock::new();
        NoiseKey(*KEY.get_or_init(rand::random))
    }

    /// The key derived from a configured secret, or [`NoiseKey::per_process`]
    /// when there is none.
    pub fn from_secret(secret: Option<&str>) -> NoiseKey {
        secret.map_or_else(NoiseKey::per_process, |s| NoiseKey::derive(s.as_bytes()))
    }
}

/// What to export.
#[derive(Clone, Debug)]
pub struct StatsQuery {
    /// First hour (since the epoch), inclusive.
    pub from_hour: u32,
    /// Last hour, inclusive.
    pub to_hour: u32,
    /// Bucket size.
    pub granularity: Granularity,
    /// Dimensions to break counts down by (names from [`DIMENSIONS`]).
    pub by: Vec<String>,
    /// Smallest count published.
    pub k: u64,
    /// Laplace noise with this ε, if any.
    pub epsilon: Option<f64>,
}

/// What is in force now, named in the export.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct InForce {
    /// The list version serving now.
    pub list_version: String,
    /// The lists, as `id@version`.
    pub lists: Vec<String>,
    /// The content version.
    pub content_version: String,
    /// Arm weights as probabilities.
    pub variant_weights: BTreeMap<String, f64>,
}

/// One count that may be withheld.
pub type Count = Option<u64>;

/// The counts of one bucket or group: a value per metric (`None` when
/// withheld), the names of withheld ones, and rates.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Counts {
    /// The dimension values of this group (absent for a whole bucket).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub group: BTreeMap<String, String>,
    /// Metric → count (`null` when withheld).
    #[serde(flatten)]
    #[schema(value_type = BTreeMap<String, Option<u64>>)]
    pub values: BTreeMap<&'static str, Count>,
    /// Helpline clicks by helpline id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub helpline_clicks_by_id: BTreeMap<String, Count>,
    /// Chat choices by `node:choice`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub chatbot_choices_by_step: BTreeMap<String, Count>,
    /// Hits per 1,000 checks.
    pub hits_per_1000_checks: Option<f64>,
    /// Helpline clicks per warning shown.
    pub click_through_rate: Option<f64>,
    /// Metrics withheld here (small cells and their complements).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<String>,
}

/// One time bucket.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Bucket {
    /// Start of the bucket (RFC 3339, UTC).
    pub start: String,
    /// The bucket's counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// The counts per group, when `by` is given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Counts>,
}

/// Session outcomes of one day and arm.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SessionRow {
    /// The UTC day (`YYYY-MM-DD`), or `all` for the period.
    pub day: String,
    /// The arm (variant id or `control`), or `all` for every arm together.
    pub arm: String,
    /// Metric → count (`null` when withheld).
    #[serde(flatten)]
    #[schema(value_type = BTreeMap<String, Option<u64>>)]
    pub values: BTreeMap<&'static str, Count>,
    /// Share of warned sessions warned again (the reThink "did not search
    /// again" measure is one minus this).
    pub warned_again_share: Option<f64>,
    /// Metrics withheld here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<String>,
}

/// Unique sessions of one day (HyperLogLog estimate).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UniqueRow {
    /// The UTC day.
    pub day: String,
    /// Estimated distinct sessions (`null` when withheld).
    pub unique_sessions: Count,
}

/// Noise applied to published counts: Laplace, fixed per count (drawn from a
/// keyed hash of what the count counts and its value), so a repeated request
/// gets the same answer.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Noise {
    /// Always `laplace`.
    pub mechanism: &'static str,
    /// The privacy parameter ε.
    pub epsilon: f64,
    /// The noise scale, 1/ε.
    pub scale: f64,
}

/// A whole export.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Export {
    /// First bucket (RFC 3339).
    pub from: String,
    /// End of the period (RFC 3339, exclusive).
    pub to: String,
    /// Bucket size.
    pub granularity: Granularity,
    /// Dimensions the groups break down by.
    pub by: Vec<String>,
    /// Smallest count published.
    pub k: u64,
    /// Noise added to published counts, if any.
    pub noise: Option<Noise>,
    /// What serves now.
    pub in_force: InForce,
    /// The list versions that counted in the period.
    pub list_versions: Vec<String>,
    /// Changes of lists, content or weights in the period (and the one in
    /// force at its start).
    pub changes: Vec<Change>,
    /// Counts for the whole period.
    pub totals: Bucket,
    /// Counts per bucket.
    pub buckets: Vec<Bucket>,
    /// Session outcomes per day and arm, per day for all arms, per arm for
    /// the whole period (`day` = `all`), and for everything.
    pub sessions: Vec<SessionRow>,
    /// Unique sessions per day.
    pub unique_sessions: Vec<UniqueRow>,
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A `by` name is not a dimension.
    #[error("unknown dimension `{0}` in `by`; known: {known}", known = DIMENSIONS.join(", "))]
    UnknownDimension(String),
    /// The period is empty or too long.
    #[error("{0}")]
    BadPeriod(String),
    /// The export would hold more counts than can be protected in time.
    #[error(
        "the export would hold {values} counts (at most {MAX_EXPORT_VALUES}): choose a coarser granularity, \
         a shorter period or fewer `by` dimensions"
    )]
    TooLarge {
        /// Counts (metrics × buckets × groups, with the margins) it would hold.
        values: u64,
    },
    /// The protection of the withheld counts could not be proven: they are
    /// linked into a group too large to audit in time, or nothing published
    /// is left to withhold for one that could still be worked out.
    #[error(
        "the withheld counts of this export could not be proven safe (linked too widely to audit in time, or \
         nothing left to withhold): choose a shorter period, a coarser granularity or fewer `by` dimensions"
    )]
    Unaudited,
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] SinkError),
}

/// RFC 3339 of an hour number.
pub fn hour_to_rfc3339(hour: u32) -> String {
    time::OffsetDateTime::from_unix_timestamp(i64::from(hour) * HOUR_SECONDS as i64)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// `YYYY-MM-DD` of a day number.
pub fn day_to_date(day: u32) -> String {
    hour_to_rfc3339(day * 24).chars().take(10).collect()
}

/// Parses `YYYY-MM-DD` (start of that day) or an RFC 3339 time (its hour)
/// into an hour number.
pub fn parse_hour(text: &str) -> Option<u32> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(date) = time::Date::parse(text, &time::macros::format_description!("[year]-[month]-[day]")) {
        let seconds = date.midnight().assume_utc().unix_timestamp();
        return u32::try_from(seconds / HOUR_SECONDS as i64).ok();
    }
    let when = time::OffsetDateTime::parse(text, &Rfc3339).ok()?;
    u32::try_from(when.unix_timestamp() / HOUR_SECONDS as i64).ok()
}

/// The hours `from..=to` of a period given as `YYYY-MM-DD` (a whole day)
/// or RFC 3339 times; `to` defaults to `now_hour`, `from` to 7 days before.
pub fn period(from: Option<&str>, to: Option<&str>, now_hour: u32) -> Result<(u32, u32), ExportError> {
    let bad = |name: &str| ExportError::BadPeriod(format!("`{name}` must be a date `YYYY-MM-DD` or an RFC 3339 time"));
    let to_hour = match to {
        None => now_hour,
        // A date means its whole day.
        Some(text) if text.len() == 10 => parse_hour(text).ok_or_else(|| bad("to"))? + 23,
        Some(text) => parse_hour(text).ok_or_else(|| bad("to"))?,
    };
    let from_hour = match from {
        None => to_hour.saturating_sub(7 * 24 - 1),
        Some(text) => parse_hour(text).ok_or_else(|| bad("from"))?,
    };
    Ok((from_hour, to_hour))
}

/// The most counts (metrics × buckets × groups, with margins) one export
/// holds: disclosure control and its audit need memory and time in
/// proportion.
pub const MAX_EXPORT_VALUES: u64 = 1_000_000;

/// A group key: the values of the `by` dimensions.
type GroupKey = Vec<String>;

/// Raw sums before disclosure control: metric → bucket → group → count.
#[derive(Default)]
struct Table {
    values: BTreeMap<String, BTreeMap<u32, BTreeMap<GroupKey, u64>>>,
}

impl Table {
    /// The counts an export of this table holds, margins included.
    fn size(&self) -> u64 {
        let buckets: BTreeSet<u32> = self.values.values().flat_map(|b| b.keys().copied()).collect();
        let groups: BTreeSet<&GroupKey> =
            self.values.values().flat_map(|b| b.values().flat_map(|g| g.keys())).collect();
        self.values.len() as u64 * (buckets.len() as u64 + 1) * (groups.len().max(1) as u64 + 1)
    }

    fn add(&mut self, metric: &str, bucket: u32, group: &GroupKey, n: u64) {
        let cells = self.values.entry(metric.to_owned()).or_default().entry(bucket).or_default();
        *cells.entry(group.clone()).or_default() += n;
    }
}

/// Builds an export from `source`, its noise (when `query.epsilon` is set)
/// keyed by [`NoiseKey::per_process`]; see [`export_with_key`].
pub fn export(source: &mut dyn StatsSource, query: &StatsQuery, in_force: InForce) -> Result<Export, ExportError> {
    export_with_key(source, query, in_force, &NoiseKey::per_process())
}

/// Builds an export from `source`; the noise of every published count (when
/// `query.epsilon` is set) is derived from `key` and the count.
pub fn export_with_key(
    source: &mut dyn StatsSource,
    query: &StatsQuery,
    in_force: InForce,
    key: &NoiseKey,
) -> Result<Export, ExportError> {
    if query.to_hour < query.from_hour {
        return Err(ExportError::BadPeriod("`to` is before `from`".into()));
    }
    if query.to_hour - query.from_hour > 24 * 800 {
        return Err(ExportError::BadPeriod("the period is longer than 800 days".into()));
    }
    let (from_hour, to_hour) = query.granularity.snap(query.from_hour, query.to_hour);
    let query = &StatsQuery { from_hour, to_hour, ..query.clone() };
    let by_index: Vec<usize> = query
        .by
        .iter()
        .map(|name| {
            DIMENSIONS.iter().position(|d| d == name).ok_or_else(|| ExportError::UnknownDimension(name.clone()))
        })
        .collect::<Result<_, _>>()?;
    let noiser = Noiser::new(query.epsilon, key);
    let (table, list_versions) = read_table(source, query, &by_index)?;
    let values = table.size();
    if values > MAX_EXPORT_VALUES {
        return Err(ExportError::TooLarge { values });
    }
    let (totals, buckets, hourly_audited) = hourly(&table, query, &noiser);
    let (sessions, unique_sessions, sessions_audited) = sessions(source, query, &noiser)?;
    // An export whose withheld counts could not all be audited is never
    // published: its protection would be unproven.
    if !(hourly_audited && sessions_audited) {
        return Err(ExportError::Unaudited);
    }
    let changes = changes_in(source.changes()?, from_hour, to_hour);
    Ok(Export {
        from: hour_to_rfc3339(from_hour),
        to: hour_to_rfc3339(to_hour + 1),
        granularity: query.granularity,
        by: query.by.clone(),
        k: query.k,
        noise: noiser.scale.zip(query.epsilon).map(|(scale, epsilon)| Noise { mechanism: "laplace", epsilon, scale }),
        in_force,
        list_versions: list_versions.into_iter().collect(),
        changes,
        totals,
        buckets,
        sessions,
        unique_sessions,
    })
}

/// The cells of the period summed by bucket and group (details also rolled
/// up into their metric), and the list versions seen.
fn read_table(
    source: &mut dyn StatsSource,
    query: &StatsQuery,
    by_index: &[usize],
) -> Result<(Table, BTreeSet<String>), ExportError> {
    let mut table = Table::default();
    let mut list_versions = BTreeSet::new();
    for (hour, field, n) in source.cells(query.from_hour, query.to_hour)? {
        let Some(parsed) = parse_field(&field) else { continue };
        list_versions.insert(parsed.dims[0].to_owned());
        let bucket = query.granularity.bucket_of(hour);
        let group: GroupKey = by_index.iter().map(|&i| parsed.dims[i].to_owned()).collect();
        table.add(parsed.metric, bucket, &group, n);
        // Details roll up into their metric.
        if let Some((base, _)) = parsed.metric.split_once(':') {
            let base = if base == metric::CHATBOT_CHOICE { CHATBOT_CHOICES } else { base };
            table.add(base, bucket, &group, n);
        }
    }
    Ok((table, list_versions))
}

/// The changes in `from..=to` and the one in force at its start.
fn changes_in(changes: Vec<Change>, from_hour: u32, to_hour: u32) -> Vec<Change> {
    let start = u64::from(from_hour) * HOUR_SECONDS;
    let end = (u64::from(to_hour) + 1) * HOUR_SECONDS;
    let before = changes.iter().rposition(|c| c.at < start);
    changes
        .into_iter()
        .enumerate()
        .filter(|(i, c)| (c.at >= start && c.at < end) || Some(*i) == before)
        .map(|(_, c)| c)
        .collect()
}

/// The identities between hourly metrics of one bucket and group: a total
/// and the metrics it is the sum of.
fn hourly_identities(metrics: &[String]) -> Vec<(String, Vec<String>)> {
    let detail = |prefix: &str| -> Vec<String> { metrics.iter().filter(|m| m.starts_with(prefix)).cloned().collect() };
    vec![
        (metric::HITS.to_owned(), vec![metric::WARNINGS_SHOWN.to_owned(), metric::CONTROL.to_owned()]),
        (metric::HELPLINE_CLICKS.to_owned(), detail(&format!("{}:", metric::HELPLINE_CLICKS))),
        (CHATBOT_CHOICES.to_owned(), detail(&format!("{}:", metric::CHATBOT_CHOICE))),
    ]
}

/// The hourly metrics as a grid of buckets × groups, with the buckets and
/// groups in order (one empty group when there is no `by`).
fn hourly_grid(table: &Table) -> (Grid, Vec<u32>, Vec<GroupKey>) {
    let buckets: BTreeSet<u32> = table.values.values().flat_map(|b| b.keys().copied()).collect();
    let groups: BTreeSet<GroupKey> =
        table.values.values().flat_map(|b| b.values().flat_map(|g| g.keys().cloned())).collect();
    let buckets: Vec<u32> = buckets.into_iter().collect();
    let groups: Vec<GroupKey> = if groups.is_empty() { vec![Vec::new()] } else { groups.into_iter().collect() };
    let matrices = table
        .values
        .iter()
        .map(|(metric, by_bucket)| {
            let matrix = buckets
                .iter()
                .map(|b| groups.iter().map(|g| by_bucket.get(b).and_then(|c| c.get(g)).copied().unwrap_or(0)).collect())
                .collect();
            (metric.clone(), matrix)
        })
        .collect();
    (Grid::new(matrices, buckets.len(), groups.len()), buckets, groups)
}

/// The protected totals and buckets of the hourly metrics.
fn hourly(table: &Table, query: &StatsQuery, noiser: &Noiser) -> (Bucket, Vec<Bucket>, bool) {
    let (grid, buckets, groups) = hourly_grid(table);
    let mut lines = grid.table_lines();
    for (total, parts) in hourly_identities(&grid.metrics) {
        lines.extend(grid.identity_lines(&total, &parts));
    }
    lines.extend(hit_only_lines(&grid, &groups, &query.by));
    let fixed = hit_free_zeros(&grid, &groups, &query.by);
    let protection = protect_known(&grid.values, &lines, query.k, &fixed);
    let withheld = &protection.withheld;
    let pairs: Vec<Vec<(String, String)>> = groups.iter().map(|g| group_pairs(&query.by, g)).collect();
    let hours = query.granularity.hours();
    // Totals are keyed for noise by the hours that hold data, so widening
    // the period over empty hours returns the same noisy answer instead of
    // a fresh draw to average.
    let period = match (buckets.first(), buckets.last()) {
        (Some(&first), Some(&last)) => (first, last + hours),
        _ => (query.from_hour, query.to_hour + 1),
    };
    let published = grid.publish(withheld, noiser, |pos| match pos {
        Pos::Cell(r, c) => ((buckets[r], buckets[r] + hours), pairs[c].clone()),
        Pos::Row(r) => ((buckets[r], buckets[r] + hours), Vec::new()),
        Pos::Column(c) => (period, pairs[c].clone()),
        Pos::Total => (period, Vec::new()),
    });
    let group_map =
        |g: &GroupKey| -> BTreeMap<String, String> { query.by.iter().cloned().zip(g.iter().cloned()).collect() };
    let multi = !query.by.is_empty();
    let counts_at = |pos: Pos, group: BTreeMap<String, String>| counts_at(&grid, &published, pos, group);
    let bucket_rows = buckets
        .iter()
        .enumerate()
        .map(|(r, &bucket)| Bucket {
            start: hour_to_rfc3339(bucket),
            counts: counts_at(Pos::Row(r), BTreeMap::new()),
            groups: if multi {
                groups.iter().enumerate().map(|(c, g)| counts_at(Pos::Cell(r, c), group_map(g))).collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let totals = Bucket {
        start: hour_to_rfc3339(query.from_hour),
        counts: counts_at(Pos::Total, BTreeMap::new()),
        groups: if multi {
            groups.iter().enumerate().map(|(c, g)| counts_at(Pos::Column(c), group_map(g))).collect()
        } else {
            Vec::new()
        },
    };
    (totals, bucket_rows, protection.audited)
}

/// Dimensions that only a check that matched carries (a check that did
/// not match is counted with none of them).
const HIT_DIMENSIONS: &[&str] = &["category", "entry", "variant"];

/// A group's values in the [`HIT_DIMENSIONS`] of `by`.
fn hit_values<'a>(by: &'a [String], group: &'a GroupKey) -> impl Iterator<Item = &'a str> {
    by.iter().zip(group).filter(|(dimension, _)| HIT_DIMENSIONS.contains(&dimension.as_str())).map(|(_, v)| v.as_str())
}

/// `checks = hits` at every bucket and the period of a group with a value
/// in a [`HIT_DIMENSIONS`] dimension: every check counted there matched.
/// (The other groups' checks then give the hits of a bucket away too.)
fn hit_only_lines(grid: &Grid, groups: &[GroupKey], by: &[String]) -> Vec<Vec<usize>> {
    let (Some(hits), Some(checks)) = (grid.metric(metric::HITS), grid.metric(metric::CHECKS)) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (c, _) in groups.iter().enumerate().filter(|(_, g)| hit_values(by, g).any(|v| !v.is_empty())) {
        for pos in (0..grid.rows).map(|r| Pos::Cell(r, c)).chain([Pos::Column(c)]) {
            lines.push(vec![grid.index(hits, pos), grid.index(checks, pos)]);
        }
    }
    lines
}

/// The counts that are zero by construction, so known to everyone: every
/// metric but `checks` in a group whose [`HIT_DIMENSIONS`] value is empty
/// (checks that matched nothing; events and hits carry the hit's
/// dimensions). Withholding them would protect nothing.
fn hit_free_zeros(grid: &Grid, groups: &[GroupKey], by: &[String]) -> Vec<bool> {
    let mut fixed = vec![false; grid.values.len()];
    for (c, _) in groups.iter().enumerate().filter(|(_, g)| hit_values(by, g).any(str::is_empty)) {
        for (m, name) in grid.metrics.iter().enumerate() {
            if name == metric::CHECKS {
                continue;
            }
            for pos in (0..grid.rows).map(|r| Pos::Cell(r, c)).chain([Pos::Column(c)]) {
                let i = grid.index(m, pos);
                fixed[i] = grid.values[i] == 0;
            }
        }
    }
    fixed
}

/// The `(dimension, value)` pairs of a group, sorted and without repeats: the
/// same group is the same whatever the order of `by`.
fn group_pairs(by: &[String], group: &GroupKey) -> Vec<(String, String)> {
    let pairs: BTreeSet<(String, String)> = by.iter().cloned().zip(group.iter().cloned()).collect();
    pairs.into_iter().collect()
}

/// The counts of every hourly metric at `pos` of `grid`, with rates.
fn counts_at(grid: &Grid, published: &[Count], pos: Pos, group: BTreeMap<String, String>) -> Counts {
    let value = |m: usize| published[grid.index(m, pos)];
    let mut counts = Counts { group, ..Counts::default() };
    for name in METRICS {
        // A metric never counted is zero everywhere.
        counts.values.insert(name, grid.metric(name).map_or(Some(0), value));
    }
    for (m, name) in grid.metrics.iter().enumerate() {
        if let Some(id) = name.strip_prefix("helpline_clicks:") {
            counts.helpline_clicks_by_id.insert(id.to_owned(), value(m));
        } else if let Some(step) = name.strip_prefix("chatbot_choice:") {
            counts.chatbot_choices_by_step.insert(step.to_owned(), value(m));
        }
    }
    finish(&mut counts);
    counts
}

/// Rates (from the published counts only) and the list of withheld metrics.
fn finish(counts: &mut Counts) {
    let get = |m: &str| counts.values.get(m).copied().flatten();
    counts.hits_per_1000_checks = match (get("hits"), get("checks")) {
        (Some(hits), Some(checks)) if checks > 0 => Some(round(hits as f64 * 1000.0 / checks as f64)),
        _ => None,
    };
    counts.click_through_rate = match (get("helpline_clicks"), get("warnings_shown")) {
        (Some(clicks), Some(shown)) if shown > 0 => Some(round(clicks as f64 / shown as f64)),
        _ => None,
    };
    counts.suppressed = counts
        .values
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(m, _)| (*m).to_owned())
        .chain(
            counts
                .helpline_clicks_by_id
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(id, _)| format!("helpline_clicks:{id}")),
        )
        .chain(
            counts
                .chatbot_choices_by_step
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(s, _)| format!("chatbot_choice:{s}")),
        )
        .collect();
}

fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// Where a value sits in a table of buckets (rows) × groups (columns) with
/// its margins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pos {
    /// One bucket and group.
    Cell(usize, usize),
    /// A bucket, all groups.
    Row(usize),
    /// A group, the whole period.
    Column(usize),
    /// Everything.
    Total,
}

/// Several metrics over one table of rows × columns with its margins; every
/// value has a flat index (per metric: cells, rows, columns, total).
struct Grid {
    metrics: Vec<String>,
    rows: usize,
    columns: usize,
    values: Vec<u64>,
}

impl Grid {
    /// The grid of `matrices` (metric, rows × columns counts); margins are
    /// summed here.
    fn new(matrices: Vec<(String, Vec<Vec<u64>>)>, rows: usize, columns: usize) -> Grid {
        let mut grid = Grid { metrics: Vec::new(), rows, columns, values: Vec::new() };
        for (m, (name, matrix)) in matrices.into_iter().enumerate() {
            grid.metrics.push(name);
            grid.values.resize(grid.block() * (m + 1), 0);
            for (r, row) in matrix.iter().enumerate().take(rows) {
                for (c, &n) in row.iter().enumerate().take(columns) {
                    for pos in [Pos::Cell(r, c), Pos::Row(r), Pos::Column(c), Pos::Total] {
                        let i = grid.index(m, pos);
                        grid.values[i] += n;
                    }
                }
            }
        }
        grid
    }

    /// Values per metric.
    fn block(&self) -> usize {
        self.rows * self.columns + self.rows + self.columns + 1
    }

    /// The flat index of metric `m` at `pos`.
    fn index(&self, m: usize, pos: Pos) -> usize {
        let offset = match pos {
            Pos::Cell(r, c) => r * self.columns + c,
            Pos::Row(r) => self.rows * self.columns + r,
            Pos::Column(c) => self.rows * self.columns + self.rows + c,
            Pos::Total => self.rows * self.columns + self.rows + self.columns,
        };
        m * self.block() + offset
    }

    /// The index of the metric called `name`.
    fn metric(&self, name: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m == name)
    }

    /// Every position, in index order.
    fn positions(&self) -> Vec<Pos> {
        let cells = (0..self.rows).flat_map(|r| (0..self.columns).map(move |c| Pos::Cell(r, c)));
        cells
            .chain((0..self.rows).map(Pos::Row))
            .chain((0..self.columns).map(Pos::Column))
            .chain([Pos::Total])
            .collect()
    }

    /// The lines of each metric's own table: each row with its sum, each
    /// column with its sum, the row sums with the total, the column sums
    /// with the total.
    fn table_lines(&self) -> Vec<Vec<usize>> {
        let mut lines = Vec::new();
        for m in 0..self.metrics.len() {
            let at = |pos| self.index(m, pos);
            for r in 0..self.rows {
                lines.push((0..self.columns).map(|c| at(Pos::Cell(r, c))).chain([at(Pos::Row(r))]).collect());
            }
            for c in 0..self.columns {
                lines.push((0..self.rows).map(|r| at(Pos::Cell(r, c))).chain([at(Pos::Column(c))]).collect());
            }
            lines.push((0..self.rows).map(|r| at(Pos::Row(r))).chain([at(Pos::Total)]).collect());
            lines.push((0..self.columns).map(|c| at(Pos::Column(c))).chain([at(Pos::Total)]).collect());
        }
        lines
    }

    /// The lines of `total = Σ parts` at every position. A metric absent
    /// from the grid is zero everywhere, never withheld, and left out.
    fn identity_lines(&self, total: &str, parts: &[String]) -> Vec<Vec<usize>> {
        // The sum goes last (the convention of `disclosure`); an absent sum
        // is zero, so its parts are too.
        let Some(sum) = self.metric(total) else { return Vec::new() };
        let members: Vec<usize> = parts.iter().filter_map(|n| self.metric(n)).chain(std::iter::once(sum)).collect();
        if members.len() < 2 {
            return Vec::new();
        }
        self.positions().into_iter().map(|pos| members.iter().map(|&m| self.index(m, pos)).collect()).collect()
    }

    /// Every value, `None` where withheld and noised elsewhere; `span_of`
    /// names the hours and group a position counts, for its noise.
    fn publish(
        &self,
        withheld: &[bool],
        noiser: &Noiser,
        span_of: impl Fn(Pos) -> ((u32, u32), Vec<(String, String)>),
    ) -> Vec<Count> {
        let mut published = vec![None; self.values.len()];
        for pos in self.positions() {
            let ((start, end), group) = span_of(pos);
            for (m, name) in self.metrics.iter().enumerate() {
                let i = self.index(m, pos);
                if !withheld[i] {
                    let id = CellId { metric: name, start, end, group: &group };
                    published[i] = Some(noiser.apply(&id, self.values[i]));
                }
            }
        }
        published
    }
}

/// What a published count counts: the metric, the hours `start..end` it
/// covers and its group (sorted `(dimension, value)` pairs; empty for all).
/// The same count gets the same identity in every export that shows it.
struct CellId<'a> {
    metric: &'a str,
    start: u32,
    end: u32,
    group: &'a [(String, String)],
}

/// Laplace noise of scale 1/ε, or none, keyed per count.
struct Noiser {
    scale: Option<f64>,
    mac: Hmac<Sha256>,
}

impl Noiser {
    /// Noise for `epsilon` (none when absent or not positive) under `key`.
    fn new(epsilon: Option<f64>, key: &NoiseKey) -> Self {
        // HMAC takes keys of any length, so this cannot fail.
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        Noiser { scale: epsilon.filter(|e| *e > 0.0 && e.is_finite()).map(|e| 1.0 / e), mac }
    }

    /// `value` as published: rounded, never below zero.
    fn apply(&self, id: &CellId<'_>, value: u64) -> u64 {
        match self.noise(id, value) {
            Some(noise) => (value as f64 + noise).round().max(0.0) as u64,
            None => value,
        }
    }

    /// The noise of the count `id` whose true value is `value`: Laplace by
    /// the inverse CDF of a uniform drawn from a keyed hash of both.
    fn noise(&self, id: &CellId<'_>, value: u64) -> Option<f64> {
        let scale = self.scale?;
        let u = self.uniform(id, value);
        Some(-scale * u.signum() * (1.0 - 2.0 * u.abs()).ln())
    }

    /// A number in the open interval (−½, ½) from the keyed hash of `id` and
    /// `value` (the value is hashed too, so a count that grows gets new noise
    /// and a difference of two answers is not exact).
    fn uniform(&self, id: &CellId<'_>, value: u64) -> f64 {
        let mut mac = self.mac.clone();
        let mut text = |bytes: &[u8]| {
            mac.update(&(bytes.len() as u64).to_be_bytes());
            mac.update(bytes);
        };
        text(id.metric.as_bytes());
        text(&id.start.to_be_bytes());
        text(&id.end.to_be_bytes());
        for (dimension, group) in id.group {
            text(dimension.as_bytes());
            text(group.as_bytes());
        }
        text(&value.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        // The top 52 bits, centred in their step: (bits + ½) / 2⁵² is exact
        // in an f64, so the result is never −½ or ½ (where the Laplace
        // inverse would be infinite).
        let bits = u64::from_be_bytes(first) >> 12;
        (bits as f64 + 0.5) / (1u64 << 52) as f64 - 0.5
    }
}

/// Sessions with a hit (per day and arm).
const WITH_HIT: &str = "sessions_with_hit";
/// Sessions shown a warning.
const WARNED: &str = "sessions_warned";
/// Sessions shown a warning once (warned − warned again).
const WARNED_ONCE: &str = "sessions_warned_once";
/// Sessions shown a warning more than once.
const WARNED_AGAIN: &str = "sessions_warned_again";

/// Stored session counts: day → arm → metric → count.
type SessionCounts = BTreeMap<u32, BTreeMap<String, BTreeMap<&'static str, u64>>>;

/// Session outcomes (days × arms, protected) and unique sessions per day.
fn sessions(
    source: &mut dyn StatsSource,
    query: &StatsQuery,
    noiser: &Noiser,
) -> Result<(Vec<SessionRow>, Vec<UniqueRow>, bool), ExportError> {
    let from_day = query.from_hour / 24;
    let to_day = query.to_hour / 24;
    let mut by_day: SessionCounts = BTreeMap::new();
    let mut uniques: BTreeMap<u32, u64> = BTreeMap::new();
    for (day, field, n) in source.days(from_day, to_day)? {
        if field == "unique_sessions" {
            uniques.insert(day, n);
            continue;
        }
        let Some((metric, arm)) = field.split_once('|') else { continue };
        let Some(&metric) = SESSION_METRICS.iter().find(|m| **m == metric) else { continue };
        *by_day.entry(day).or_default().entry(arm.to_owned()).or_default().entry(metric).or_default() += n;
    }
    let arms: BTreeSet<String> = by_day.values().flat_map(|a| a.keys().cloned()).collect();
    let arms: Vec<String> = arms.into_iter().collect();
    let days: Vec<u32> = by_day.keys().copied().collect();
    let grid = session_grid(&by_day, &days, &arms);
    let mut lines = grid.table_lines();
    lines.extend(grid.identity_lines(WARNED, &[WARNED_ONCE.to_owned(), WARNED_AGAIN.to_owned()]));
    lines.extend(arm_lines(&grid, &arms));
    let protection = protect(&grid.values, &lines, query.k);
    let withheld = &protection.withheld;
    // Keyed by the days that hold data (see `hourly`).
    let period = match (days.first(), days.last()) {
        (Some(&first), Some(&last)) => (first * 24, (last + 1) * 24),
        _ => (from_day * 24, (to_day + 1) * 24),
    };
    let arm_pairs: Vec<Vec<(String, String)>> = arms.iter().map(|a| vec![("arm".to_owned(), a.clone())]).collect();
    let published = grid.publish(withheld, noiser, |pos| match pos {
        Pos::Cell(d, a) => ((days[d] * 24, days[d] * 24 + 24), arm_pairs[a].clone()),
        Pos::Row(d) => ((days[d] * 24, days[d] * 24 + 24), Vec::new()),
        Pos::Column(a) => (period, arm_pairs[a].clone()),
        Pos::Total => (period, Vec::new()),
    });
    let row_of = |day: String, arm: &str, pos: Pos| session_row(&grid, &published, day, arm, pos);
    let mut rows = Vec::new();
    for (d, day) in days.iter().enumerate() {
        for (a, arm) in arms.iter().enumerate() {
            rows.push(row_of(day_to_date(*day), arm, Pos::Cell(d, a)));
        }
    }
    for (d, day) in days.iter().enumerate() {
        rows.push(row_of(day_to_date(*day), "all", Pos::Row(d)));
    }
    for (a, arm) in arms.iter().enumerate() {
        rows.push(row_of("all".to_owned(), arm, Pos::Column(a)));
    }
    if !days.is_empty() {
        rows.push(row_of("all".to_owned(), "all", Pos::Total));
    }
    let unique_rows = uniques
        .into_iter()
        .map(|(day, n)| {
            let id = CellId { metric: "unique_sessions", start: day * 24, end: day * 24 + 24, group: &[] };
            UniqueRow {
                day: day_to_date(day),
                unique_sessions: if n > 0 && n < query.k { None } else { Some(noiser.apply(&id, n)) },
            }
        })
        .collect();
    Ok((rows, unique_rows, protection.audited))
}

/// The sessions table: every session metric over days × arms
/// (`sessions_warned_once` = warned − warned again).
fn session_grid(by_day: &SessionCounts, days: &[u32], arms: &[String]) -> Grid {
    let matrices = SESSION_METRICS
        .iter()
        .map(|metric| {
            let matrix = days
                .iter()
                .map(|d| {
                    arms.iter()
                        .map(|a| {
                            let values = by_day.get(d).and_then(|x| x.get(a));
                            let get = |m: &str| values.and_then(|v| v.get(m)).copied().unwrap_or(0);
                            if *metric == WARNED_ONCE {
                                get(WARNED).saturating_sub(get(WARNED_AGAIN))
                            } else {
                                get(metric)
                            }
                        })
                        .collect()
                })
                .collect();
            ((*metric).to_owned(), matrix)
        })
        .collect();
    Grid::new(matrices, days.len(), arms.len())
}

/// The lines that hold by design between sessions with a hit and sessions
/// warned: a warning arm warns every hit and the control arm none, so
/// `sessions_with_hit = sessions_warned` for a warning arm (per day and for
/// the period), and for all arms `sessions_with_hit = sessions_warned +
/// sessions_with_hit` of the control arm.
fn arm_lines(grid: &Grid, arms: &[String]) -> Vec<Vec<usize>> {
    let (Some(hit), Some(warned)) = (grid.metric(WITH_HIT), grid.metric(WARNED)) else { return Vec::new() };
    let control = arms.iter().position(|a| a == CONTROL_ARM);
    // The sum (sessions with a hit) goes last.
    let pair = |pos: Pos| vec![grid.index(warned, pos), grid.index(hit, pos)];
    grid.positions()
        .into_iter()
        .filter_map(|pos| match pos {
            Pos::Cell(_, a) | Pos::Column(a) => (Some(a) != control).then(|| pair(pos)),
            Pos::Row(d) => {
                Some(control.map(|c| grid.index(hit, Pos::Cell(d, c))).into_iter().chain(pair(pos)).collect())
            }
            Pos::Total => Some(control.map(|c| grid.index(hit, Pos::Column(c))).into_iter().chain(pair(pos)).collect()),
        })
        .collect()
}

/// One row of the sessions table at `pos`.
fn session_row(grid: &Grid, published: &[Count], day: String, arm: &str, pos: Pos) -> SessionRow {
    let mut values = BTreeMap::new();
    for metric in SESSION_METRICS {
        values.insert(*metric, grid.metric(metric).and_then(|m| published[grid.index(m, pos)]));
    }
    let warned_again_share = match (values[WARNED_AGAIN], values[WARNED]) {
        (Some(again), Some(warned)) if warned > 0 => Some(round(again as f64 / warned as f64)),
        _ => None,
    };
    let suppressed = values.iter().filter(|(_, v)| v.is_none()).map(|(m, _)| (*m).to_owned()).collect();
    SessionRow { day, arm: arm.to_owned(), values, warned_again_share, suppressed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::sink::DayCells;

    /// A store holding given cells and day counts.
    #[derive(Default)]
    struct Fake {
        cells: Vec<(u32, String, u64)>,
        days: DayCells,
    }

    impl StatsSource for Fake {
        fn cells(&mut self, from: u32, to: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
            Ok(self.cells.iter().filter(|(h, _, _)| (from..=to).contains(h)).cloned().collect())
        }

        fn days(&mut self, from: u32, to: u32) -> Result<DayCells, SinkError> {
            Ok(self.days.iter().filter(|(d, _, _)| (from..=to).contains(d)).cloned().collect())
        }

        fn changes(&mut self) -> Result<Vec<Change>, SinkError> {
            Ok(Vec::new())
        }
    }

    impl Fake {
        /// Adds `n` of `metric` at `hour` for `variant` in `country`.
        fn cell(&mut self, hour: u32, metric: &str, variant: &str, country: &str, n: u64) -> &mut Self {
            let field = format!("{metric}|v1|fictional|00000000000000ff|{variant}|en|{country}|search");
            self.cells.push((hour, field, n));
            self
        }

        /// Adds `n` of the session metric `metric` on `day` in `arm`.
        fn day(&mut self, day: u32, metric: &str, arm: &str, n: u64) -> &mut Self {
            self.days.push((day, format!("{metric}|{arm}"), n));
            self
        }
    }

    /// Monday 2026-11-23, 00:00 UTC.
    fn monday() -> u32 {
        parse_hour("2026-11-23").unwrap()
    }

    fn query(from_hour: u32, to_hour: u32, granularity: Granularity, by: &[&str]) -> StatsQuery {
        let by = by.iter().map(|b| (*b).to_owned()).collect();
        StatsQuery { from_hour, to_hour, granularity, by, k: 10, epsilon: None }
    }

    fn run(fake: &mut Fake, query: &StatsQuery) -> Export {
        export_with_key(fake, query, InForce::default(), &NoiseKey::new([7; 32])).unwrap()
    }

    /// Asserts that `line` (a total and its parts) does not hold exactly
    /// one withheld count, which subtraction would give away.
    fn assert_line(label: &str, line: &[Count]) {
        assert_ne!(line.iter().filter(|v| v.is_none()).count(), 1, "{label} reveals its withheld count: {line:?}");
    }

    /// Asserts every identity between the metrics of `counts`.
    fn assert_identities(counts: &Counts) {
        let v = |m: &str| counts.values[m];
        assert_line("hits = warnings_shown + control", &[v("hits"), v("warnings_shown"), v("control")]);
        let helplines: Vec<Count> =
            std::iter::once(v("helpline_clicks")).chain(counts.helpline_clicks_by_id.values().copied()).collect();
        assert_line("helpline_clicks = Σ helplines", &helplines);
        let chat: Vec<Count> =
            std::iter::once(v("chatbot_choices")).chain(counts.chatbot_choices_by_step.values().copied()).collect();
        assert_line("chatbot_choices = Σ steps", &chat);
    }

    /// Asserts every identity of every bucket, group and total of `export`.
    fn assert_export_identities(export: &Export) {
        for bucket in std::iter::once(&export.totals).chain(&export.buckets) {
            std::iter::once(&bucket.counts).chain(&bucket.groups).for_each(assert_identities);
        }
    }

    /// The session row of `day` and `arm`.
    fn session<'a>(export: &'a Export, day: &str, arm: &str) -> &'a SessionRow {
        export.sessions.iter().find(|r| r.day == day && r.arm == arm).unwrap()
    }

    #[test]
    fn small_cells_and_their_complements_are_withheld() {
        // Two buckets × two groups: one small cell (3).
        let grid = Grid::new(vec![("hits".into(), vec![vec![3, 50], vec![40, 60]])], 2, 2);
        let withheld = protect(&grid.values, &grid.table_lines(), 10).withheld;
        let p = grid.publish(&withheld, &Noiser::new(None, &NoiseKey::new([0; 32])), |_| ((0, 1), Vec::new()));
        let at = |pos| p[grid.index(0, pos)];
        assert_eq!(at(Pos::Cell(0, 0)), None, "the small cell");
        // No line of the table has exactly one withheld value.
        use Pos::*;
        for line in [
            [Cell(0, 0), Cell(0, 1), Row(0)],
            [Cell(1, 0), Cell(1, 1), Row(1)],
            [Cell(0, 0), Cell(1, 0), Column(0)],
            [Cell(0, 1), Cell(1, 1), Column(1)],
            [Row(0), Row(1), Total],
            [Column(0), Column(1), Total],
        ] {
            assert_line("a line of the table", &line.map(at));
        }
    }

    #[test]
    fn zeros_and_large_counts_are_published() {
        let grid = Grid::new(vec![("hits".into(), vec![vec![0, 10], vec![25, 0]])], 2, 2);
        let withheld = protect(&grid.values, &grid.table_lines(), 10).withheld;
        assert!(withheld.iter().all(|w| !w));
        let grid = Grid::new(vec![("hits".into(), vec![vec![3, 0]]), ("control".into(), vec![vec![0, 0]])], 1, 2);
        let withheld = protect(&grid.values, &grid.table_lines(), 10).withheld;
        let zeros: Vec<bool> = (0..grid.values.len()).filter(|&i| grid.values[i] == 0).map(|i| withheld[i]).collect();
        assert!(!zeros.is_empty() && zeros.iter().all(|w| !w), "a zero is never withheld, even beside a small cell");
    }

    #[test]
    fn hits_warnings_and_control_are_withheld_together() {
        let hour = monday() + 9;
        let mut fake = Fake::default();
        fake.cell(hour, "checks", "help-to-stop", "GB", 60)
            .cell(hour, "hits", "help-to-stop", "GB", 37)
            .cell(hour, "warnings_shown", "help-to-stop", "GB", 37)
            .cell(hour, "hits", "control", "GB", 3)
            .cell(hour, "control", "control", "GB", 3)
            .cell(hour, "checks", "help-to-stop", "NL", 50)
            .cell(hour, "hits", "help-to-stop", "NL", 30)
            .cell(hour, "warnings_shown", "help-to-stop", "NL", 30);
        let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &["country"]));
        let gb = export.totals.groups.iter().find(|g| g.group["country"] == "GB").unwrap();
        assert_eq!(gb.values["control"], None, "3 < k");
        // hits − warnings_shown would give control away: one of them goes too.
        let members =
            |c: &Counts| ["hits", "warnings_shown", "control"].iter().filter(|m| c.values[**m].is_none()).count();
        assert!(members(gb) >= 2, "{gb:?}");
        assert!(members(&export.totals.counts) >= 2, "{:?}", export.totals.counts);
        assert_export_identities(&export);
        // Rates of withheld counts are withheld.
        for counts in std::iter::once(gb).chain([&export.totals.counts]) {
            if counts.values["hits"].is_none() {
                assert_eq!(counts.hits_per_1000_checks, None);
            }
            if counts.values["warnings_shown"].is_none() {
                assert_eq!(counts.click_through_rate, None);
            }
        }
    }

    #[test]
    fn helpline_clicks_and_their_helplines_are_withheld_together() {
        let hour = monday() + 9;
        let mut fake = Fake::default();
        fake.cell(hour, "warnings_shown", "help-to-stop", "GB", 400)
            .cell(hour, "helpline_clicks:north-line", "help-to-stop", "GB", 30)
            .cell(hour, "helpline_clicks:south-line", "help-to-stop", "GB", 4);
        let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &[]));
        let totals = &export.totals.counts;
        assert_eq!(totals.helpline_clicks_by_id["south-line"], None, "4 < k");
        let line = [totals.values["helpline_clicks"], totals.helpline_clicks_by_id["north-line"]];
        assert!(line.iter().any(Option::is_none), "the total or the other helpline goes too: {totals:?}");
        assert_export_identities(&export);
        if totals.values["helpline_clicks"].is_none() {
            assert_eq!(totals.click_through_rate, None);
        }
    }

    #[test]
    fn chat_choices_and_their_steps_are_withheld_together() {
        let hour = monday() + 9;
        let mut fake = Fake::default();
        fake.cell(hour, "chatbot_choice:start:talk", "help-to-stop", "GB", 25).cell(
            hour,
            "chatbot_choice:start:leave",
            "help-to-stop",
            "GB",
            2,
        );
        let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &["country"]));
        for counts in [&export.totals.counts, &export.totals.groups[0], &export.buckets[0].counts] {
            assert_eq!(counts.chatbot_choices_by_step["start:leave"], None, "2 < k");
            let line = [counts.values["chatbot_choices"], counts.chatbot_choices_by_step["start:talk"]];
            assert!(line.iter().any(Option::is_none), "{counts:?}");
            assert!(counts.suppressed.contains(&"chatbot_choice:start:leave".to_owned()));
        }
        assert_export_identities(&export);
    }

    /// Asserts the identities of every row of the sessions table.
    fn assert_session_identities(export: &Export) {
        for row in &export.sessions {
            let v = |m: &str| row.values[m];
            let label = format!("{} {}", row.day, row.arm);
            assert_line(&label, &[v(WARNED), v(WARNED_ONCE), v(WARNED_AGAIN)]);
            if row.arm != "all" && row.arm != CONTROL_ARM {
                assert_line(&label, &[v(WITH_HIT), v(WARNED)]);
            }
            if row.arm == "all" {
                let control = export.sessions.iter().find(|r| r.day == row.day && r.arm == CONTROL_ARM);
                let control = control.map_or(Some(0), |r| r.values[WITH_HIT]);
                assert_line(&label, &[v(WITH_HIT), v(WARNED), control]);
            }
            if v(WARNED).is_none() || v(WARNED_AGAIN).is_none() {
                assert_eq!(row.warned_again_share, None, "{label}");
            }
        }
    }

    #[test]
    fn sessions_warned_once_and_again_are_withheld_together() {
        let day = monday() / 24;
        let mut fake = Fake::default();
        fake.day(day, WITH_HIT, "help-to-stop", 40).day(day, WARNED, "help-to-stop", 40).day(
            day,
            WARNED_AGAIN,
            "help-to-stop",
            3,
        );
        let export = run(&mut fake, &query(monday(), monday() + 23, Granularity::Day, &[]));
        for arm in ["help-to-stop", "all"] {
            for date in ["2026-11-23", "all"] {
                let row = session(&export, date, arm);
                assert_eq!(row.values[WARNED_AGAIN], None, "3 < k");
                // warned − warned once would give it away: one of them goes too.
                assert!(row.values[WARNED].is_none() || row.values[WARNED_ONCE].is_none(), "{row:?}");
                assert_eq!(row.warned_again_share, None);
            }
        }
        assert_session_identities(&export);
    }

    #[test]
    fn a_warning_arms_sessions_with_a_hit_are_withheld_with_its_warned_sessions() {
        let day = monday() / 24;
        // The second arm is small; complementary suppression picks the
        // control arm among sessions with a hit but the first arm among
        // warned sessions, which (equal by design) would give it away.
        let mut fake = Fake::default();
        fake.day(day, WITH_HIT, "help-to-stop", 50)
            .day(day, WARNED, "help-to-stop", 50)
            .day(day, WARNED_AGAIN, "help-to-stop", 20)
            .day(day, WITH_HIT, "talk-first", 3)
            .day(day, WARNED, "talk-first", 3)
            .day(day, WITH_HIT, CONTROL_ARM, 20);
        let export = run(&mut fake, &query(monday(), monday() + 23, Granularity::Day, &[]));
        let first = session(&export, "2026-11-23", "help-to-stop");
        assert_eq!(first.values[WITH_HIT].is_none(), first.values[WARNED].is_none(), "{first:?}");
        assert_session_identities(&export);
        // A small control arm: all arms' sessions with a hit − warned would give it away.
        let mut fake = Fake::default();
        fake.day(day, WITH_HIT, "help-to-stop", 50)
            .day(day, WARNED, "help-to-stop", 50)
            .day(day, WARNED_AGAIN, "help-to-stop", 10)
            .day(day, WITH_HIT, CONTROL_ARM, 4);
        let export = run(&mut fake, &query(monday(), monday() + 23, Granularity::Day, &[]));
        assert_eq!(session(&export, "2026-11-23", CONTROL_ARM).values[WITH_HIT], None);
        let all = session(&export, "2026-11-23", "all");
        assert!(all.values[WITH_HIT].is_none() || all.values[WARNED].is_none(), "{all:?}");
        assert_session_identities(&export);
    }

    #[test]
    fn suppression_cascades_across_identities_and_tables_to_a_fixed_point() {
        // Only one count is small (the south line in the first hour). Its
        // own margins take the south line's second hour; the identity then
        // takes the north line in both hours.
        let hour = monday() + 9;
        let mut fake = Fake::default();
        fake.cell(hour, "helpline_clicks:north-line", "help-to-stop", "GB", 15)
            .cell(hour, "helpline_clicks:south-line", "help-to-stop", "GB", 3)
            .cell(hour + 1, "helpline_clicks:north-line", "help-to-stop", "GB", 60)
            .cell(hour + 1, "helpline_clicks:south-line", "help-to-stop", "GB", 20);
        let export = run(&mut fake, &query(hour, hour + 1, Granularity::Hour, &[]));
        let second = &export.buckets[1].counts;
        assert_eq!(second.helpline_clicks_by_id["south-line"], None, "20 ≥ k, withheld for the first hour's 3");
        assert_eq!(second.helpline_clicks_by_id["north-line"], None, "60 ≥ k, withheld for the line above");
        assert_export_identities(&export);
        // And every metric's buckets with its period total.
        let ids = ["north-line", "south-line"];
        for id in ids {
            let line: Vec<Count> =
                export.buckets.iter().chain([&export.totals]).map(|b| b.counts.helpline_clicks_by_id[id]).collect();
            assert_line(id, &line);
        }
    }

    #[test]
    fn day_and_week_periods_are_whole_buckets() {
        let mut fake = Fake::default();
        fake.cell(monday() + 2, "checks", "", "GB", 100).cell(monday() + 2 * 24 + 20, "checks", "", "GB", 50);
        // From 05:00 on Monday to 03:00 on Wednesday: whole days.
        let export = run(&mut fake, &query(monday() + 5, monday() + 2 * 24 + 3, Granularity::Day, &[]));
        assert_eq!((export.from.as_str(), export.to.as_str()), ("2026-11-23T00:00:00Z", "2026-11-26T00:00:00Z"));
        assert_eq!(export.totals.counts.values["checks"], Some(150));
        let week = run(&mut fake, &query(monday() + 2 * 24 + 3, monday() + 2 * 24 + 4, Granularity::Week, &[]));
        assert_eq!((week.from.as_str(), week.to.as_str()), ("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"));
        let hourly = run(&mut fake, &query(monday() + 5, monday() + 7, Granularity::Hour, &[]));
        assert_eq!(hourly.from, "2026-11-23T05:00:00Z", "hours are whole already");
        // The first hours of the epoch have no Monday before them in range.
        assert_eq!(Granularity::Week.snap(5, 6), (0, 4 * 24 - 1), "1970-01-01 to the first Monday");
        assert_eq!(Granularity::Week.snap(4 * 24, 4 * 24 + 1), (4 * 24, 11 * 24 - 1));
    }

    #[test]
    fn a_withheld_bucket_is_not_revealed_by_the_period_total() {
        let mut fake = Fake::default();
        for (day, n) in [(0, 100), (1, 4), (2, 80)] {
            fake.cell(monday() + day * 24 + 9, "checks", "", "GB", n);
        }
        let export = run(&mut fake, &query(monday(), monday() + 3 * 24 - 1, Granularity::Day, &[]));
        assert_eq!(export.buckets[1].counts.values["checks"], None, "4 < k");
        let line: Vec<Count> =
            export.buckets.iter().chain([&export.totals]).map(|b| b.counts.values["checks"]).collect();
        assert_line("the buckets and the period total", &line);
    }

    #[test]
    fn a_withheld_count_linking_withheld_groups_cannot_be_solved_for() {
        // days × countries (GB, NL, IE): with the local rule alone IE on day 2
        // (4) was 74 − 59 − (66 − 55), all published.
        let mut fake = Fake::default();
        for (day, counts) in [(0, [55, 10, 1]), (1, [1, 0, 4]), (2, [3, 0, 0])] {
            for (country, n) in ["GB", "NL", "IE"].into_iter().zip(counts) {
                if n > 0 {
                    fake.cell(monday() + day * 24 + 9, "checks", "", country, n);
                }
            }
        }
        let export = run(&mut fake, &query(monday(), monday() + 3 * 24 - 1, Granularity::Day, &["country"]));
        let group = |counts: &[Counts], country: &str| {
            counts.iter().find(|c| c.group["country"] == country).and_then(|c| c.values["checks"])
        };
        assert_eq!(group(&export.buckets[1].groups, "IE"), None, "4 < k");
        // The route also relies on the zeros of NL on days 2 and 3 and of IE
        // on day 3: withholding any of the seven counts closes it.
        let route = [
            export.totals.counts.values["checks"],
            group(&export.totals.groups, "GB"),
            export.buckets[0].counts.values["checks"],
            group(&export.buckets[0].groups, "GB"),
            group(&export.buckets[1].groups, "NL"),
            group(&export.buckets[2].groups, "NL"),
            group(&export.buckets[2].groups, "IE"),
        ];
        assert!(route.iter().any(Option::is_none), "74 − 59 − (66 − 55) is not computable: {route:?}");
    }

    /// A store with enough counts that noise shows.
    fn busy() -> Fake {
        let mut fake = Fake::default();
        for hour in 0..48 {
            fake.cell(monday() + hour, "checks", "", "GB", 500 + u64::from(hour))
                .cell(monday() + hour, "hits", "help-to-stop", "GB", 40)
                .cell(monday() + hour, "warnings_shown", "help-to-stop", "GB", 40);
        }
        fake.day(monday() / 24, WITH_HIT, "help-to-stop", 300).day(monday() / 24, "unique_sessions", "", 900);
        fake
    }

    #[test]
    fn widening_the_period_over_empty_hours_gives_no_fresh_noise() {
        let noisy =
            |from: u32, to: u32| StatsQuery { epsilon: Some(0.5), ..query(from, to, Granularity::Hour, &["country"]) };
        let tight = run(&mut busy(), &noisy(monday(), monday() + 47));
        let plain = run(&mut busy(), &StatsQuery { epsilon: None, ..noisy(monday(), monday() + 47) });
        assert_ne!(tight.totals.counts.values, plain.totals.counts.values, "noise was added");
        for (from, to) in
            [(monday() - 24 * 30, monday() + 47), (monday(), monday() + 24 * 60), (monday() - 5, monday() + 99)]
        {
            let wide = run(&mut busy(), &noisy(from, to));
            assert_eq!(wide.totals.counts.values, tight.totals.counts.values, "{from}..{to}");
            assert_eq!(wide.totals.groups[0].values, tight.totals.groups[0].values);
            let sessions = |e: &Export| e.sessions.iter().map(|r| r.values.clone()).collect::<Vec<_>>();
            assert_eq!(sessions(&wide), sessions(&tight));
        }
    }

    #[test]
    fn repeated_exports_give_the_same_noisy_answers() {
        let query =
            StatsQuery { epsilon: Some(0.5), ..query(monday(), monday() + 47, Granularity::Hour, &["country"]) };
        let key = NoiseKey::new([1; 32]);
        let answer = |key: &NoiseKey| {
            let exported = export_with_key(&mut busy(), &query, InForce::default(), key).unwrap();
            serde_json::to_value(exported).unwrap()
        };
        let first = answer(&key);
        assert_eq!(first, answer(&key), "the same question, the same answer");
        assert_ne!(first, answer(&NoiseKey::new([2; 32])), "another key, other noise");
        let plain = serde_json::to_value(run(&mut busy(), &StatsQuery { epsilon: None, ..query.clone() })).unwrap();
        assert_ne!(first["buckets"], plain["buckets"], "noise was added");
        // Rates follow the published counts, not the true ones.
        let exported = export_with_key(&mut busy(), &query, InForce::default(), &key).unwrap();
        for bucket in &exported.buckets {
            let (hits, checks) = (bucket.counts.values["hits"].unwrap(), bucket.counts.values["checks"].unwrap());
            assert_eq!(bucket.counts.hits_per_1000_checks, Some(round(hits as f64 * 1000.0 / checks as f64)));
        }
    }

    #[test]
    fn different_counts_get_different_noise() {
        let noiser = Noiser::new(Some(1.0), &NoiseKey::new([3; 32]));
        let gb = [("country".to_owned(), "GB".to_owned())];
        let nl = [("country".to_owned(), "NL".to_owned())];
        let base = CellId { metric: "hits", start: 10, end: 11, group: &gb };
        let noise = |id: &CellId<'_>, value| noiser.noise(id, value).unwrap();
        let others = [
            noise(&CellId { metric: "checks", ..base }, 100),
            noise(&CellId { start: 11, end: 12, ..base }, 100),
            noise(&CellId { end: 12, ..base }, 100),
            noise(&CellId { group: &nl, ..base }, 100),
            noise(&CellId { group: &[], ..base }, 100),
            noise(&base, 101),
        ];
        for other in others {
            assert_ne!(noise(&base, 100), other);
        }
        assert_eq!(noise(&base, 100), noise(&CellId { group: &gb.clone(), ..base }, 100), "the same count");
    }

    #[test]
    fn noise_spread_is_about_the_scale() {
        let noiser = Noiser::new(Some(0.5), &NoiseKey::new([4; 32]));
        let values: Vec<f64> = (0..4000)
            .map(|hour| {
                let id = CellId { metric: "checks", start: hour, end: hour + 1, group: &[] };
                noiser.apply(&id, 1000) as f64 - 1000.0
            })
            .collect();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let spread = values.iter().map(|v| v.abs()).sum::<f64>() / values.len() as f64;
        assert!(mean.abs() < 0.2, "mean {mean}");
        assert!((spread - 2.0).abs() < 0.2, "mean absolute deviation {spread}, scale 2");
    }

    #[test]
    fn checks_of_a_group_of_hits_do_not_give_its_withheld_hits_away() {
        // Checks that did not match carry no variant; in a variant's group
        // every check is a hit. Total hits 43 − help-to-stop's 40 checks
        // would give control's 3 hits.
        let hour = monday() + 9;
        let mut fake = Fake::default();
        fake.cells.push((hour, "checks|v1||||en|GB|search".into(), 20));
        fake.cell(hour, "checks", "help-to-stop", "GB", 40)
            .cell(hour, "hits", "help-to-stop", "GB", 40)
            .cell(hour, "warnings_shown", "help-to-stop", "GB", 40)
            .cell(hour, "checks", "control", "GB", 3)
            .cell(hour, "hits", "control", "GB", 3)
            .cell(hour, "control", "control", "GB", 3);
        let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &["variant"]));
        for group in &export.totals.groups {
            let (hits, checks) = (group.values["hits"], group.values["checks"]);
            if group.group["variant"].is_empty() {
                continue;
            }
            assert_eq!(hits.is_none(), checks.is_none(), "checks = hits in {:?}", group.group);
        }
        let control = export.totals.groups.iter().find(|g| g.group["variant"] == "control").unwrap();
        assert_eq!(control.values["hits"], None);
        let hits = export.totals.counts.values["hits"];
        let others: Option<u64> = export
            .totals
            .groups
            .iter()
            .filter(|g| g.group["variant"] != "control")
            .map(|g| if g.group["variant"].is_empty() { Some(0) } else { g.values["checks"] })
            .sum();
        assert!(hits.is_none() || others.is_none(), "total hits minus the other groups' checks");
    }

    fn group<'a>(bucket: &'a Bucket, dimension: &str, value: &str) -> &'a Counts {
        bucket.groups.iter().find(|g| g.group.get(dimension).map(String::as_str) == Some(value)).unwrap()
    }

    #[test]
    fn a_withheld_zero_beside_a_published_zero_sum_protects_nothing() {
        // A reviewer's case: y at 03:00 in the group without a variant was
        // withheld as a zero complement while its line's sum was published
        // as 0, so it was known, and y at 02:00 (2 clicks) followed.
        let m = monday();
        let mut fake = Fake::default();
        fake.cell(m, "helpline_clicks:x", "a", "GB", 7).cell(m, "helpline_clicks:y", "a", "GB", 7);
        fake.cell(m + 2, "checks", "", "GB", 25);
        fake.cell(m + 2, "helpline_clicks:y", "a", "GB", 2).cell(m + 2, "helpline_clicks:z", "a", "GB", 5);
        fake.cell(m + 3, "helpline_clicks:z", "a", "GB", 5);
        let export = run(&mut fake, &query(m, m + 3, Granularity::Hour, &["variant"]));
        let id = |c: &Counts, h: &str| c.helpline_clicks_by_id[h];
        let clicks = |c: &Counts| c.values["helpline_clicks"];
        let (total, b0, b2, b3) = (&export.totals, &export.buckets[0], &export.buckets[1], &export.buckets[2]);
        assert_eq!(id(&b2.counts, "y"), None, "2 clicks are withheld");
        let recovered = (|| {
            let y3 = id(group(b3, "variant", "a"), "y")?;
            Some(
                (clicks(&total.counts)? - id(&total.counts, "z")?)
                    - (clicks(&b0.counts)? - id(&b0.counts, "z")?)
                    - id(&b2.counts, "x")?
                    - id(&b3.counts, "x")?
                    - y3,
            )
        })();
        assert_eq!(recovered, None, "the path to y at 02:00 is cut");
    }

    #[test]
    fn hits_in_the_group_of_checks_that_matched_nothing_are_known_zeros() {
        // A reviewer's case: every hits count was withheld, those of the
        // group without a variant (zero by construction) too, and day 3's
        // 8 hits followed from published checks.
        let m = monday();
        let mut fake = Fake::default();
        for (day, variant, n) in [(0, "a", 31), (0, "b", 2), (2, "b", 8)] {
            let hour = m + 24 * day + 1;
            fake.cell(hour, "checks", variant, "GB", n).cell(hour, "hits", variant, "GB", n).cell(
                hour,
                "warnings_shown",
                variant,
                "GB",
                n,
            );
        }
        fake.cell(m + 25, "checks", "", "GB", 6).cell(m + 49, "checks", "", "GB", 17);
        // Published, not refused: a partner further away protects the 8.
        let export = run(&mut fake, &query(m, m + 71, Granularity::Day, &["variant"]));
        let v = |c: &Counts, k: &str| c.values[k];
        let (total, d1, d2, d3) = (&export.totals, &export.buckets[0], &export.buckets[1], &export.buckets[2]);
        for bucket in [d1, d2, d3] {
            assert_eq!(v(group(bucket, "variant", ""), "hits"), Some(0), "a known zero is published");
        }
        assert_eq!(v(&d3.counts, "hits"), None);
        let recovered = (|| {
            let hits_total = v(&total.counts, "checks")? - v(group(total, "variant", ""), "checks")?;
            let hits_d1 = v(&d1.counts, "checks")? - v(group(d1, "variant", ""), "checks")?;
            let hits_d2 = v(group(d2, "variant", "a"), "hits")? + v(group(d2, "variant", "b"), "hits")?;
            Some(hits_total - hits_d1 - hits_d2)
        })();
        assert_ne!(recovered, Some(8), "day 3's hits stay withheld");
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-26 is a Thursday; its week starts on Monday 2026-11-23.
        let thursday = parse_hour("2026-11-26").unwrap() + 5;
        assert_eq!(hour_to_rfc3339(Granularity::Week.bucket_of(thursday)), "2026-11-23T00:00:00Z");
        assert_eq!(hour_to_rfc3339(Granularity::Day.bucket_of(thursday)), "2026-11-26T00:00:00Z");
        assert_eq!(day_to_date(parse_hour("2026-11-26T13:10:00Z").unwrap() / 24), "2026-11-26");
        assert_eq!(parse_hour("26/11/2026"), None);
    }
}
