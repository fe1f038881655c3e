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

mod grid;
mod noise;
mod period;
mod sessions;
#[cfg(test)]
mod tests;

use grid::*;
pub use noise::NoiseKey;
use noise::Noiser;
pub use period::{day_to_date, hour_to_rfc3339, parse_hour, period};
use sessions::*;

use std::collections::{BTreeMap, BTreeSet};

use std::sync::OnceLock;

use serde::Serialize;

use crate::analytics::cell::{DIMENSIONS, HOUR_SECONDS, parse_field};
use crate::analytics::disclosure::{protect, protect_known};
use crate::analytics::metric::{Counter, Metric, SessionMetric};
use crate::analytics::sink::{Change, SinkError, StatsSource};
use crate::deterrence::CONTROL_ARM;

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
    pub values: BTreeMap<Metric, Count>,
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

impl Counts {
    /// The count of `metric` (`None` when withheld).
    pub fn get(&self, metric: Metric) -> Count {
        self.values.get(&metric).copied().flatten()
    }
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
    pub values: BTreeMap<SessionMetric, Count>,
    /// Share of warned sessions warned again (the reThink "did not search
    /// again" measure is one minus this).
    pub warned_again_share: Option<f64>,
    /// Metrics withheld here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<String>,
}

impl SessionRow {
    /// The count of `metric` (`None` when withheld).
    pub fn get(&self, metric: SessionMetric) -> Count {
        self.values.get(&metric).copied().flatten()
    }
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

/// The most counts (metrics × buckets × groups, with margins) one export
/// holds: disclosure control and its audit need memory and time in
/// proportion.
pub const MAX_EXPORT_VALUES: u64 = 1_000_000;

/// A group key: the values of the `by` dimensions.
type GroupKey = Vec<String>;

/// Raw sums before disclosure control: counter → bucket → group → count.
#[derive(Default)]
struct Table {
    values: BTreeMap<Counter, BTreeMap<u32, BTreeMap<GroupKey, u64>>>,
}

impl Table {
    /// The counts an export of this table holds, margins included.
    fn size(&self) -> u64 {
        let buckets: BTreeSet<u32> = self.values.values().flat_map(|b| b.keys().copied()).collect();
        let groups: BTreeSet<&GroupKey> =
            self.values.values().flat_map(|b| b.values().flat_map(|g| g.keys())).collect();
        self.values.len() as u64 * (buckets.len() as u64 + 1) * (groups.len().max(1) as u64 + 1)
    }

    fn add(&mut self, counter: &Counter, bucket: u32, group: &GroupKey, n: u64) {
        let cells = self.values.entry(counter.clone()).or_default().entry(bucket).or_default();
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
        let Some(counter) = Counter::parse(parsed.metric) else { continue };
        list_versions.insert(parsed.dims[0].to_owned());
        let bucket = query.granularity.bucket_of(hour);
        let group: GroupKey = by_index.iter().map(|&i| parsed.dims[i].to_owned()).collect();
        table.add(&counter, bucket, &group, n);
        // Details roll up into their metric.
        if let Some(total) = counter.rolls_up_into() {
            table.add(&Counter::Total(total), bucket, &group, n);
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
fn hourly_identities(counters: &[Counter]) -> Vec<(Counter, Vec<Counter>)> {
    let details_of = |total: Metric| -> Vec<Counter> {
        counters.iter().filter(|c| c.rolls_up_into() == Some(total)).cloned().collect()
    };
    vec![
        (Counter::Total(Metric::Hits), vec![Counter::Total(Metric::WarningsShown), Counter::Total(Metric::Control)]),
        (Counter::Total(Metric::HelplineClicks), details_of(Metric::HelplineClicks)),
        (Counter::Total(Metric::ChatbotChoices), details_of(Metric::ChatbotChoices)),
    ]
}

/// The hourly metrics as a grid of buckets × groups, with the buckets and
/// groups in order (one empty group when there is no `by`).
fn hourly_grid(table: &Table) -> (Grid<Counter>, Vec<u32>, Vec<GroupKey>) {
    let buckets: BTreeSet<u32> = table.values.values().flat_map(|b| b.keys().copied()).collect();
    let groups: BTreeSet<GroupKey> =
        table.values.values().flat_map(|b| b.values().flat_map(|g| g.keys().cloned())).collect();
    let buckets: Vec<u32> = buckets.into_iter().collect();
    let groups: Vec<GroupKey> = if groups.is_empty() { vec![Vec::new()] } else { groups.into_iter().collect() };
    let matrices = table
        .values
        .iter()
        .map(|(counter, by_bucket)| {
            let matrix = buckets
                .iter()
                .map(|b| groups.iter().map(|g| by_bucket.get(b).and_then(|c| c.get(g)).copied().unwrap_or(0)).collect())
                .collect();
            (counter.clone(), matrix)
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
fn hit_only_lines(grid: &Grid<Counter>, groups: &[GroupKey], by: &[String]) -> Vec<Vec<usize>> {
    let (Some(hits), Some(checks)) =
        (grid.metric(&Counter::Total(Metric::Hits)), grid.metric(&Counter::Total(Metric::Checks)))
    else {
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
fn hit_free_zeros(grid: &Grid<Counter>, groups: &[GroupKey], by: &[String]) -> Vec<bool> {
    let mut fixed = vec![false; grid.values.len()];
    for (c, _) in groups.iter().enumerate().filter(|(_, g)| hit_values(by, g).any(str::is_empty)) {
        for (m, name) in grid.metrics.iter().enumerate() {
            if *name == Counter::Total(Metric::Checks) {
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
fn counts_at(grid: &Grid<Counter>, published: &[Count], pos: Pos, group: BTreeMap<String, String>) -> Counts {
    let value = |m: usize| published[grid.index(m, pos)];
    let mut counts = Counts { group, ..Counts::default() };
    for metric in Metric::ALL {
        // A metric never counted is zero everywhere.
        counts.values.insert(metric, grid.metric(&Counter::Total(metric)).map_or(Some(0), value));
    }
    for (m, counter) in grid.metrics.iter().enumerate() {
        match counter {
            Counter::Total(_) => {}
            Counter::HelplineClick(id) => {
                counts.helpline_clicks_by_id.insert(id.clone(), value(m));
            }
            Counter::ChatbotChoice(step) => {
                counts.chatbot_choices_by_step.insert(step.clone(), value(m));
            }
        }
    }
    finish(&mut counts);
    counts
}

/// Rates (from the published counts only) and the list of withheld metrics.
fn finish(counts: &mut Counts) {
    counts.hits_per_1000_checks = match (counts.get(Metric::Hits), counts.get(Metric::Checks)) {
        (Some(hits), Some(checks)) if checks > 0 => Some(round(hits as f64 * 1000.0 / checks as f64)),
        _ => None,
    };
    counts.click_through_rate = match (counts.get(Metric::HelplineClicks), counts.get(Metric::WarningsShown)) {
        (Some(clicks), Some(shown)) if shown > 0 => Some(round(clicks as f64 / shown as f64)),
        _ => None,
    };
    counts.suppressed = counts
        .values
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(m, _)| m.name().to_owned())
        .chain(
            counts
                .helpline_clicks_by_id
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(id, _)| Counter::HelplineClick(id.clone()).to_string()),
        )
        .chain(
            counts
                .chatbot_choices_by_step
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(s, _)| Counter::ChatbotChoice(s.clone()).to_string()),
        )
        .collect();
}

fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
