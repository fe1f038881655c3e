//! Research views of the aggregates: confidence intervals, variant
//! comparisons, the interrupted time series, and the charts of the
//! dashboard. Everything here works on exports, which are already
//! aggregated and disclosure-controlled: small cells stay withheld.

pub mod csv;
pub mod dashboard;
pub mod plots;
pub mod stats;

use serde::Serialize;

use crate::analytics::export::{Export, day_to_date};
use crate::analytics::metric::Metric;
use stats::Segmented;

/// An export with the analyses asked of it: what `/v1/stats` and `signpost
/// stats` answer.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// The protected aggregates.
    #[serde(flatten)]
    pub export: Export,
    /// The interrupted time series, when an intervention date is asked for
    /// (fitted on this export's own daily buckets: rates from a second,
    /// separately protected export could give its withheld counts away).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub its: Option<Its>,
}

impl Report {
    /// `export`, with the interrupted time series around `intervention_day` when given.
    pub fn new(export: Export, intervention_day: Option<u32>) -> Report {
        let its = intervention_day.and_then(|day| interrupted_time_series(&export, day));
        Report { export, its }
    }
}

/// An interrupted time series of the daily hit rate around an intervention.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Its {
    /// The intervention day (`YYYY-MM-DD`): a list or message change, the start of a deployment.
    pub intervention: String,
    /// What is modelled.
    pub outcome: &'static str,
    /// The time unit of slopes.
    pub time_unit: &'static str,
    /// The segmented regression: level and slope before, their changes at the intervention.
    pub fit: Segmented,
    /// The daily points used (days with a withheld count are left out).
    pub points: Vec<ItsPoint>,
}

/// One day of the series.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ItsPoint {
    /// The day.
    pub day: String,
    /// Hits per 1,000 checks that day.
    pub hits_per_1000_checks: f64,
    /// The fitted value.
    pub fitted: f64,
}

/// Fits the segmented regression of hits per 1,000 checks on the days of
/// `daily` (an export at day granularity) around `intervention_day`.
pub fn interrupted_time_series(daily: &Export, intervention_day: u32) -> Option<Its> {
    let mut days: Vec<(u32, f64)> = Vec::new();
    for bucket in &daily.buckets {
        let hour = crate::analytics::export::parse_hour(&bucket.start)?;
        let checks = bucket.counts.get(Metric::Checks);
        let hits = bucket.counts.get(Metric::Hits);
        if let (Some(checks), Some(hits)) = (checks, hits) {
            if checks > 0 {
                days.push((hour / 24, hits as f64 * 1000.0 / checks as f64));
            }
        }
    }
    let first = days.first()?.0;
    let points: Vec<(f64, f64)> = days.iter().map(|&(d, y)| (f64::from(d - first), y)).collect();
    let t0 = f64::from(intervention_day.checked_sub(first)?);
    let fit = stats::segmented(&points, t0)?;
    let points = days
        .iter()
        .zip(&fit.fitted)
        .map(|(&(day, y), &fitted)| ItsPoint { day: day_to_date(day), hits_per_1000_checks: y, fitted })
        .collect();
    Some(Its {
        intervention: day_to_date(intervention_day),
        outcome: "hits per 1,000 checks",
        time_unit: "day",
        fit,
        points,
    })
}
