//! The dashboard's model: what the page shows, computed from exports.
//!
//! - searches over time: checks, and hits per 1,000 checks;
//! - the funnel: warnings shown → displayed → chatbot opened → help
//!   requested → helpline clicks;
//! - the share of warned sessions warned again, by day;
//! - variants side by side: the turn-back rate (sessions warned once of
//!   sessions warned) and the help-seeking rate (helpline clicks per warning
//!   shown), each with a 95% Wilson interval and a two-proportion test
//!   against a reference arm (the control arm if there is one, else the
//!   first variant);
//! - changes of lists, content and weights as markers on the time axis;
//! - the interrupted time series at a chosen date.

use serde::Serialize;

use super::plots::Marker;
use super::stats::{Comparison, Proportion, Z95, two_proportion, wilson};
use super::{Its, interrupted_time_series};
use crate::analytics::cell::HOUR_SECONDS;
use crate::analytics::export::{Count, Export, parse_hour};
use crate::analytics::metric::{Metric, SessionMetric};

/// The steps of the funnel, with their metrics.
pub const FUNNEL: &[(&str, Metric)] = &[
    ("warnings shown", Metric::WarningsShown),
    ("displayed", Metric::Displayed),
    ("chatbot opened", Metric::ChatbotOpened),
    ("help requested", Metric::HelpRequested),
    ("helpline clicks", Metric::HelplineClicks),
];

/// One arm compared.
#[derive(Clone, Debug, Serialize)]
pub struct VariantRow {
    /// Variant id or `control`.
    pub arm: String,
    /// Sessions warned once of sessions warned.
    pub turn_back: Option<Proportion>,
    /// Helpline clicks per warning shown.
    pub help_seeking: Option<Proportion>,
    /// Turn-back rate against the reference arm.
    pub turn_back_test: Option<Comparison>,
    /// Help-seeking rate against the reference arm.
    pub help_seeking_test: Option<Comparison>,
}

/// Everything the page shows.
#[derive(Clone, Debug, Serialize)]
pub struct Dashboard {
    /// Bucket labels of the time series.
    pub labels: Vec<String>,
    /// Checks per bucket.
    pub checks: Vec<Option<f64>>,
    /// Hits per 1,000 checks per bucket.
    pub hits_per_1000: Vec<Option<f64>>,
    /// Funnel steps: label, count, share of warnings shown.
    pub funnel: Vec<(String, Count, Option<f64>)>,
    /// Day labels of the session series.
    pub session_days: Vec<String>,
    /// Share of warned sessions warned again, per day.
    pub warned_again: Vec<Option<f64>>,
    /// The arms compared.
    pub variants: Vec<VariantRow>,
    /// The arm the others are tested against.
    pub reference: Option<String>,
    /// The interrupted time series, when an intervention date is set.
    pub its: Option<Its>,
}

/// Where each change falls on the time axis of `series` (buckets).
pub fn markers(series: &Export) -> Vec<Marker> {
    let starts: Vec<u64> =
        series.buckets.iter().filter_map(|b| parse_hour(&b.start)).map(|h| u64::from(h) * HOUR_SECONDS).collect();
    let mut out = Vec::new();
    for (i, change) in series.changes.iter().enumerate() {
        let Some(first) = starts.first() else { break };
        if change.at < *first {
            continue;
        }
        let position = starts.iter().rposition(|s| *s <= change.at).unwrap_or(0);
        let label = if i == 0 {
            format!("lists {}", change.list_version)
        } else {
            format!("change: lists {}", change.list_version)
        };
        out.push(Marker { x: position as f64 - 0.5, label });
    }
    out
}

fn label_of(start: &str, hourly: bool) -> String {
    // `2026-11-28T13:00:00Z` → `11-28 13h` or `11-28`.
    let date = start.get(5..10).unwrap_or(start);
    if hourly { format!("{date} {}h", start.get(11..13).unwrap_or("")) } else { date.to_owned() }
}

/// Builds the dashboard from one export of the period by variant, at the
/// chosen granularity: the time series from its buckets, the funnel from
/// its totals, the arms from its groups, the sessions from its session
/// table, and the interrupted time series (day buckets only) from its
/// buckets. One export, so every number shown passed one disclosure
/// control: figures from separately protected exports could be combined to
/// work out a count one of them withholds.
pub fn build(export: &Export, intervention_day: Option<u32>) -> Dashboard {
    let hourly = matches!(export.granularity, crate::analytics::export::Granularity::Hour);
    let labels = export.buckets.iter().map(|b| label_of(&b.start, hourly)).collect();
    let checks = export.buckets.iter().map(|b| b.counts.get(Metric::Checks).map(|v| v as f64)).collect();
    let hits_per_1000 = export.buckets.iter().map(|b| b.counts.hits_per_1000_checks).collect();
    let shown = export.totals.counts.get(Metric::WarningsShown);
    let funnel = FUNNEL
        .iter()
        .map(|(label, metric)| {
            let count = export.totals.counts.get(*metric);
            let share = match (count, shown) {
                (Some(c), Some(s)) if s > 0 => Some(c as f64 / s as f64),
                _ => None,
            };
            ((*label).to_owned(), count, share)
        })
        .collect();
    let per_day: Vec<_> = export.sessions.iter().filter(|r| r.arm == "all" && r.day != "all").collect();
    let session_days = per_day.iter().map(|r| r.day.get(5..).unwrap_or(&r.day).to_owned()).collect();
    let warned_again = per_day.iter().map(|r| r.warned_again_share).collect();

    let arm_rows: Vec<_> = export.sessions.iter().filter(|r| r.day == "all" && r.arm != "all").collect();
    let mut arms: Vec<String> = arm_rows.iter().map(|r| r.arm.clone()).collect();
    for group in &export.totals.groups {
        if let Some(arm) = group.group.get("variant") {
            if !arm.is_empty() && !arms.contains(arm) {
                arms.push(arm.clone());
            }
        }
    }
    arms.sort();
    let turn_back_of = |arm: &str| -> Option<(u64, u64)> {
        let row = arm_rows.iter().find(|r| r.arm == arm)?;
        Some((row.get(SessionMetric::WarnedOnce)?, row.get(SessionMetric::Warned)?))
    };
    let help_of = |arm: &str| -> Option<(u64, u64)> {
        let group = export.totals.groups.iter().find(|g| g.group.get("variant").map(String::as_str) == Some(arm))?;
        Some((group.get(Metric::HelplineClicks)?, group.get(Metric::WarningsShown)?))
    };
    let reference =
        if arms.iter().any(|a| a == "control") { Some("control".to_owned()) } else { arms.first().cloned() };
    let variants = arms
        .iter()
        .map(|arm| {
            let turn_back = turn_back_of(arm).and_then(|(x, n)| wilson(x, n, Z95));
            let help_seeking = help_of(arm).and_then(|(x, n)| wilson(x, n, Z95));
            let versus = |get: &dyn Fn(&str) -> Option<(u64, u64)>| -> Option<Comparison> {
                let reference = reference.as_deref().filter(|r| *r != arm)?;
                let ((x1, n1), (x2, n2)) = (get(arm)?, get(reference)?);
                two_proportion(x1, n1, x2, n2)
            };
            VariantRow {
                arm: arm.clone(),
                turn_back,
                help_seeking,
                turn_back_test: versus(&turn_back_of),
                help_seeking_test: versus(&help_of),
            }
        })
        .collect();
    let daily_buckets = matches!(export.granularity, crate::analytics::export::Granularity::Day);
    let its = intervention_day.filter(|_| daily_buckets).and_then(|day| interrupted_time_series(export, day));
    Dashboard { labels, checks, hits_per_1000, funnel, session_days, warned_again, variants, reference, its }
}
