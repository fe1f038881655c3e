//! The research export: stored counts aggregated by time bucket and chosen
//! dimensions, with disclosure control, as JSON or CSV.
//!
//! Disclosure control:
//! - **Small cells**: every count from 1 to k−1 (k = 10 by default) is
//!   withheld (`null`, and named in the row's `suppressed` list).
//! - **Complementary suppression**: counts form a table (time buckets ×
//!   groups) whose rows, columns and grand total are also published. Where a
//!   row, a column or the margins hold exactly one withheld count, it could
//!   be recovered by subtraction, so the smallest other non-zero count of
//!   that line is withheld too, until no line reveals anything.
//! - **Noise** (optional): Laplace noise of scale 1/ε is added to every
//!   published count, and ε is stated in the export. Rates are computed from
//!   the published counts, so they are `null` when an input is withheld.
//!
//! Every export names the list versions and changes of lists, content and
//! variant weights in the period, so a change of list can be told apart
//! from an effect. Nothing here ever sees a query or a pseudonym.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::cell::{DIMENSIONS, HOUR_SECONDS, parse_field};
use super::pseudonym::DAY_SECONDS;
use super::sink::{Change, SinkError, StatsSource};

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
pub const SESSION_METRICS: &[&str] =
    &["sessions_with_hit", "sessions_warned", "sessions_warned_once", "sessions_warned_again"];

/// Time buckets of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
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
    /// Parses `hour`, `day` or `week`.
    pub fn parse(text: &str) -> Option<Granularity> {
        match text {
            "hour" => Some(Granularity::Hour),
            "day" => Some(Granularity::Day),
            "week" => Some(Granularity::Week),
            _ => None,
        }
    }

    /// The first hour of the bucket that holds `hour`.
    fn bucket_of(self, hour: u32) -> u32 {
        match self {
            Granularity::Hour => hour,
            Granularity::Day => hour - hour % 24,
            // Day 0 (1970-01-01) was a Thursday: Monday-based weeks start 3 days later.
            Granularity::Week => {
                let day = hour / 24;
                let monday = day - (day + 3) % 7;
                monday * 24
            }
        }
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

/// Noise applied to published counts.
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
    /// The interrupted time series, when an intervention date is asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub its: Option<crate::research::Its>,
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

/// A group key: the values of the `by` dimensions.
type GroupKey = Vec<String>;

/// Raw sums before disclosure control: metric → bucket → group → count.
#[derive(Default)]
struct Table {
    values: BTreeMap<String, BTreeMap<u32, BTreeMap<GroupKey, u64>>>,
}

impl Table {
    fn add(&mut self, metric: &str, bucket: u32, group: &GroupKey, n: u64) {
        let cells = self.values.entry(metric.to_owned()).or_default().entry(bucket).or_default();
        *cells.entry(group.clone()).or_default() += n;
    }
}

/// Builds an export from `source`.
pub fn export(source: &mut dyn StatsSource, query: &StatsQuery, in_force: InForce) -> Result<Export, ExportError> {
    if query.to_hour < query.from_hour {
        return Err(ExportError::BadPeriod("`to` is before `from`".into()));
    }
    if query.to_hour - query.from_hour > 24 * 800 {
        return Err(ExportError::BadPeriod("the period is longer than 800 days".into()));
    }
    let by_index: Vec<usize> = query
        .by
        .iter()
        .map(|name| {
            DIMENSIONS.iter().position(|d| d == name).ok_or_else(|| ExportError::UnknownDimension(name.clone()))
        })
        .collect::<Result<_, _>>()?;

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
            let base = if base == "chatbot_choice" { "chatbot_choices" } else { base };
            table.add(base, bucket, &group, n);
        }
    }
    let mut rng = Noiser::new(query.epsilon);
    let buckets: BTreeSet<u32> = table.values.values().flat_map(|b| b.keys().copied()).collect();
    let groups: BTreeSet<GroupKey> =
        table.values.values().flat_map(|b| b.values().flat_map(|g| g.keys().cloned())).collect();
    let buckets: Vec<u32> = buckets.into_iter().collect();
    let groups: Vec<GroupKey> = if groups.is_empty() { vec![Vec::new()] } else { groups.into_iter().collect() };

    // Disclosure control per metric on the buckets × groups table.
    let mut published: BTreeMap<String, Published> = BTreeMap::new();
    for (metric, by_bucket) in &table.values {
        let matrix: Vec<Vec<u64>> = buckets
            .iter()
            .map(|b| groups.iter().map(|g| by_bucket.get(b).and_then(|c| c.get(g)).copied().unwrap_or(0)).collect())
            .collect();
        published.insert(metric.clone(), Published::protect(&matrix, query.k, &mut rng));
    }

    let group_map =
        |g: &GroupKey| -> BTreeMap<String, String> { query.by.iter().cloned().zip(g.iter().cloned()).collect() };
    let counts_at = |cell: &dyn Fn(&Published) -> Count, group: BTreeMap<String, String>| -> Counts {
        let mut counts = Counts { group, ..Counts::default() };
        for metric in METRICS {
            let value = published.get(*metric).map_or(Some(0), cell);
            counts.values.insert(metric, value);
        }
        for (metric, table) in &published {
            if let Some(id) = metric.strip_prefix("helpline_clicks:") {
                counts.helpline_clicks_by_id.insert(id.to_owned(), cell(table));
            } else if let Some(step) = metric.strip_prefix("chatbot_choice:") {
                counts.chatbot_choices_by_step.insert(step.to_owned(), cell(table));
            }
        }
        finish(&mut counts);
        counts
    };

    let multi = !query.by.is_empty();
    let bucket_rows: Vec<Bucket> = buckets
        .iter()
        .enumerate()
        .map(|(bi, &bucket)| Bucket {
            start: hour_to_rfc3339(bucket),
            counts: counts_at(&|p: &Published| p.rows[bi], BTreeMap::new()),
            groups: if multi {
                groups
                    .iter()
                    .enumerate()
                    .map(|(gi, g)| counts_at(&|p: &Published| p.cells[bi][gi], group_map(g)))
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let totals = Bucket {
        start: hour_to_rfc3339(query.granularity.bucket_of(query.from_hour)),
        counts: counts_at(&|p: &Published| p.total, BTreeMap::new()),
        groups: if multi {
            groups.iter().enumerate().map(|(gi, g)| counts_at(&|p: &Published| p.columns[gi], group_map(g))).collect()
        } else {
            Vec::new()
        },
    };

    let (sessions, unique_sessions) = sessions(source, query, &mut rng)?;
    let mut changes = source.changes()?;
    let start = u64::from(query.from_hour) * HOUR_SECONDS;
    let end = (u64::from(query.to_hour) + 1) * HOUR_SECONDS;
    let before = changes.iter().rposition(|c| c.at < start);
    changes = changes
        .into_iter()
        .enumerate()
        .filter(|(i, c)| (c.at >= start && c.at < end) || Some(*i) == before)
        .map(|(_, c)| c)
        .collect();
    Ok(Export {
        from: hour_to_rfc3339(query.from_hour),
        to: hour_to_rfc3339(query.to_hour + 1),
        granularity: query.granularity,
        by: query.by.clone(),
        k: query.k,
        noise: query.epsilon.map(|epsilon| Noise { mechanism: "laplace", epsilon, scale: 1.0 / epsilon }),
        in_force,
        list_versions: list_versions.into_iter().collect(),
        changes,
        totals,
        buckets: bucket_rows,
        sessions,
        unique_sessions,
        its: None,
    })
}

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

/// A protected table: cells, row sums (buckets), column sums (groups) and
/// the grand total, each withheld (`None`) or published (maybe noised).
struct Published {
    cells: Vec<Vec<Count>>,
    rows: Vec<Count>,
    columns: Vec<Count>,
    total: Count,
}

impl Published {
    /// Small-cell and complementary suppression, then noise.
    fn protect(matrix: &[Vec<u64>], k: u64, noise: &mut Noiser) -> Published {
        let rows_n = matrix.len();
        let cols_n = matrix.first().map_or(0, Vec::len);
        let rows: Vec<u64> = matrix.iter().map(|r| r.iter().sum()).collect();
        let columns: Vec<u64> = (0..cols_n).map(|c| matrix.iter().map(|r| r[c]).sum()).collect();
        let total: u64 = rows.iter().sum();
        // Every value gets an index: cells, then rows, then columns, then total.
        let cell = |r: usize, c: usize| r * cols_n + c;
        let row = |r: usize| rows_n * cols_n + r;
        let column = |c: usize| rows_n * cols_n + rows_n + c;
        let total_index = rows_n * cols_n + rows_n + cols_n;
        let mut values = vec![0u64; total_index + 1];
        for r in 0..rows_n {
            for c in 0..cols_n {
                values[cell(r, c)] = matrix[r][c];
            }
            values[row(r)] = rows[r];
        }
        for c in 0..cols_n {
            values[column(c)] = columns[c];
        }
        values[total_index] = total;
        let mut withheld: Vec<bool> = values.iter().map(|&v| v > 0 && v < k).collect();
        // The lines: each row with its sum, each column with its sum, and
        // both sets of margins with the total.
        let mut lines: Vec<Vec<usize>> = Vec::new();
        for r in 0..rows_n {
            let mut line: Vec<usize> = (0..cols_n).map(|c| cell(r, c)).collect();
            line.push(row(r));
            lines.push(line);
        }
        for c in 0..cols_n {
            let mut line: Vec<usize> = (0..rows_n).map(|r| cell(r, c)).collect();
            line.push(column(c));
            lines.push(line);
        }
        let mut margin_rows: Vec<usize> = (0..rows_n).map(row).collect();
        margin_rows.push(total_index);
        lines.push(margin_rows);
        let mut margin_columns: Vec<usize> = (0..cols_n).map(column).collect();
        margin_columns.push(total_index);
        lines.push(margin_columns);
        loop {
            let mut changed = false;
            for line in &lines {
                if line.iter().filter(|&&i| withheld[i]).count() != 1 {
                    continue;
                }
                let partner = line.iter().filter(|&&i| !withheld[i] && values[i] > 0).min_by_key(|&&i| values[i]);
                if let Some(&i) = partner {
                    withheld[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut publish = |i: usize| if withheld[i] { None } else { Some(noise.apply(values[i])) };
        Published {
            cells: (0..rows_n).map(|r| (0..cols_n).map(|c| publish(cell(r, c))).collect()).collect(),
            rows: (0..rows_n).map(|r| publish(row(r))).collect(),
            columns: (0..cols_n).map(|c| publish(column(c))).collect(),
            total: publish(total_index),
        }
    }
}

/// Laplace noise with scale 1/ε, or none.
struct Noiser {
    scale: Option<f64>,
}

impl Noiser {
    fn new(epsilon: Option<f64>) -> Self {
        Noiser { scale: epsilon.filter(|e| *e > 0.0).map(|e| 1.0 / e) }
    }

    fn apply(&mut self, value: u64) -> u64 {
        let Some(scale) = self.scale else { return value };
        let u: f64 = rand::random::<f64>() - 0.5;
        let noise = -scale * u.signum() * (1.0 - 2.0 * u.abs()).max(f64::MIN_POSITIVE).ln();
        (value as f64 + noise).round().max(0.0) as u64
    }
}

fn sessions(
    source: &mut dyn StatsSource,
    query: &StatsQuery,
    noise: &mut Noiser,
) -> Result<(Vec<SessionRow>, Vec<UniqueRow>), ExportError> {
    let from_day = query.from_hour / 24;
    let to_day = query.to_hour / 24;
    let mut by_day: BTreeMap<u32, BTreeMap<String, BTreeMap<&'static str, u64>>> = BTreeMap::new();
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
    let mut rows = Vec::new();
    let mut per_metric: BTreeMap<&'static str, Published> = BTreeMap::new();
    for metric in SESSION_METRICS {
        let matrix: Vec<Vec<u64>> = days
            .iter()
            .map(|d| {
                arms.iter()
                    .map(|a| {
                        let values = by_day.get(d).and_then(|x| x.get(a));
                        let get = |m: &str| values.and_then(|v| v.get(m)).copied().unwrap_or(0);
                        if *metric == "sessions_warned_once" {
                            get("sessions_warned").saturating_sub(get("sessions_warned_again"))
                        } else {
                            get(metric)
                        }
                    })
                    .collect()
            })
            .collect();
        per_metric.insert(metric, Published::protect(&matrix, query.k, noise));
    }
    let row_of = |day: String, arm: &str, cell: &dyn Fn(&Published) -> Count| {
        let mut values = BTreeMap::new();
        for metric in SESSION_METRICS {
            values.insert(*metric, per_metric.get(metric).and_then(cell));
        }
        let warned_again_share = match (values["sessions_warned_again"], values["sessions_warned"]) {
            (Some(again), Some(warned)) if warned > 0 => Some(round(again as f64 / warned as f64)),
            _ => None,
        };
        let suppressed = values.iter().filter(|(_, v)| v.is_none()).map(|(m, _)| (*m).to_owned()).collect();
        SessionRow { day, arm: arm.to_owned(), values, warned_again_share, suppressed }
    };
    for (di, day) in days.iter().enumerate() {
        for (ai, arm) in arms.iter().enumerate() {
            rows.push(row_of(day_to_date(*day), arm, &|p: &Published| p.cells[di][ai]));
        }
    }
    for (di, day) in days.iter().enumerate() {
        rows.push(row_of(day_to_date(*day), "all", &|p: &Published| p.rows[di]));
    }
    for (ai, arm) in arms.iter().enumerate() {
        rows.push(row_of("all".to_owned(), arm, &|p: &Published| p.columns[ai]));
    }
    if !days.is_empty() {
        rows.push(row_of("all".to_owned(), "all", &|p: &Published| p.total));
    }
    let unique_rows = uniques
        .into_iter()
        .map(|(day, n)| UniqueRow {
            day: day_to_date(day),
            unique_sessions: if n > 0 && n < query.k { None } else { Some(noise.apply(n)) },
        })
        .collect();
    let _ = DAY_SECONDS;
    Ok((rows, unique_rows))
}

/// The export as CSV: one line per bucket and group (the totals first, with
/// `bucket` = `total`), columns `bucket`, the `by` dimensions, every metric
/// and the rates; withheld counts are empty cells, noted in `suppressed`.
pub fn to_csv(export: &Export) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = vec!["bucket".into()];
    header.extend(export.by.iter().cloned());
    header.extend(METRICS.iter().map(|m| (*m).to_owned()));
    header.extend(["hits_per_1000_checks".into(), "click_through_rate".into(), "suppressed".into()]);
    out.push_str(&header.join(","));
    out.push('\n');
    let mut line = |label: &str, counts: &Counts| {
        let mut fields: Vec<String> = vec![label.to_owned()];
        for dimension in &export.by {
            fields.push(counts.group.get(dimension).cloned().unwrap_or_default());
        }
        for metric in METRICS {
            fields.push(counts.values.get(metric).copied().flatten().map(|v| v.to_string()).unwrap_or_default());
        }
        fields.push(counts.hits_per_1000_checks.map(|v| v.to_string()).unwrap_or_default());
        fields.push(counts.click_through_rate.map(|v| v.to_string()).unwrap_or_default());
        fields.push(counts.suppressed.join(" "));
        out.push_str(&fields.join(","));
        out.push('\n');
    };
    fn rows(bucket: &Bucket) -> Vec<&Counts> {
        if bucket.groups.is_empty() { vec![&bucket.counts] } else { bucket.groups.iter().collect() }
    }
    for counts in rows(&export.totals) {
        line("total", counts);
    }
    for bucket in &export.buckets {
        for counts in rows(bucket) {
            line(&bucket.start, counts);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_and_their_complements_are_withheld() {
        // Two buckets × two groups: one small cell (3).
        let matrix = vec![vec![3, 50], vec![40, 60]];
        let p = Published::protect(&matrix, 10, &mut Noiser::new(None));
        assert_eq!(p.cells[0][0], None, "the small cell");
        // Row 0 would reveal it from its sum: another cell of row 0 or the
        // row sum goes too; column 0 likewise.
        let row0_hidden = [p.cells[0][1], p.rows[0]].iter().filter(|v| v.is_none()).count();
        let col0_hidden = [p.cells[1][0], p.columns[0]].iter().filter(|v| v.is_none()).count();
        assert!(row0_hidden >= 1 && col0_hidden >= 1);
        // No line of the table has exactly one withheld value.
        let lines: Vec<Vec<Count>> = vec![
            vec![p.cells[0][0], p.cells[0][1], p.rows[0]],
            vec![p.cells[1][0], p.cells[1][1], p.rows[1]],
            vec![p.cells[0][0], p.cells[1][0], p.columns[0]],
            vec![p.cells[0][1], p.cells[1][1], p.columns[1]],
            vec![p.rows[0], p.rows[1], p.total],
            vec![p.columns[0], p.columns[1], p.total],
        ];
        for line in lines {
            assert_ne!(line.iter().filter(|v| v.is_none()).count(), 1, "{line:?}");
        }
    }

    #[test]
    fn zeros_and_large_counts_are_published() {
        let p = Published::protect(&[vec![0, 10], vec![25, 0]], 10, &mut Noiser::new(None));
        assert_eq!(p.cells, vec![vec![Some(0), Some(10)], vec![Some(25), Some(0)]]);
        assert_eq!(p.total, Some(35));
    }

    #[test]
    fn noise_moves_counts_by_about_the_scale() {
        let mut noise = Noiser::new(Some(1.0));
        let values: Vec<f64> = (0..2000).map(|_| noise.apply(1000) as f64).collect();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let spread = values.iter().map(|v| (v - 1000.0).abs()).sum::<f64>() / values.len() as f64;
        assert!((mean - 1000.0).abs() < 0.3, "mean {mean}");
        assert!((spread - 1.0).abs() < 0.2, "mean absolute deviation {spread}");
        assert_ne!(values.iter().filter(|v| **v != 1000.0).count(), 0);
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
