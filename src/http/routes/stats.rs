//! `GET /v1/stats`: the research export (JSON, or CSV with `Accept:
//! text/csv` or `format=csv`), behind the research token. See
//! [`crate::analytics::export`] for what is counted and how small cells are
//! withheld.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::analytics::cell::HOUR_SECONDS;
use crate::analytics::export::{Granularity, NoiseKey, StatsQuery, export_with_key, parse_hour, period};
use crate::analytics::token::now_seconds;
use crate::http::auth::require_research;
use crate::http::error::ApiError;
use crate::http::extract::for_each_query_pair;
use crate::http::state::AppState;
use crate::research::Report;
use crate::research::csv::{self, CsvTable};

/// The export for the query string's period and breakdown.
#[utoipa::path(get, path = "/v1/stats", tag = "research",
    security(("bearer" = [])),
    params(
        ("from" = Option<String>, Query, description = "Start: `YYYY-MM-DD` or RFC 3339 (default: 7 days before `to`)"),
        ("to" = Option<String>, Query, description = "End, inclusive: `YYYY-MM-DD` (the whole day) or RFC 3339 (default: now)"),
        ("granularity" = Option<String>, Query, description = "`hour`, `day` (default) or `week`"),
        ("by" = Option<String>, Query, description = "Comma-separated dimensions: list_version, category, entry, variant, locale, country, surface"),
        ("format" = Option<String>, Query, description = "`json` (default) or `csv`; or send `Accept: text/csv`"),
        ("intervention" = Option<String>, Query, description = "`YYYY-MM-DD`: adds the interrupted time series of the daily hit rate around that day (`its`), fitted to this export's day buckets (needs `granularity=day`)"),
        ("table" = Option<String>, Query, description = "With CSV, which table: `buckets` (default), `sessions`, `unique_sessions`, `its` (the time series' coefficients and points; needs `intervention`) or `about` (k, noise, audit, lists and weights in force, changes)"),
    ),
    responses(
        (status = 200, body = Report, description = "Aggregates only; cells below k withheld"),
        (status = 400, body = crate::http::error::ErrorBody),
        (status = 401, body = crate::http::error::ErrorBody),
        (status = 403, body = crate::http::error::ErrorBody, description = "No research token configured"),
        (status = 503, body = crate::http::error::ErrorBody, description = "Analytics off or the store unreachable"),
    ))]
pub async fn stats(request: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    require_research(&request, &state).await?;
    let (query, csv_table, intervention) = parse_query(&request, &state)?;
    let engine = state.engine.load();
    let in_force = engine.in_force();
    let Some(source) = state.analytics.source() else {
        return Err(ApiError::Unavailable(
            "analytics are off (`analytics.enabled = false`): nothing is counted".into(),
        ));
    };
    let mut source = source.map_err(|e| ApiError::Unavailable(e.to_string()))?;
    // The fleet's shared secret keys the noise: every instance, every time,
    // gives the same answer to the same question.
    let key = NoiseKey::from_secret(state.config.token_secret.as_deref());
    let exported = web::block(move || {
        let exported = export_with_key(source.as_mut(), &query, in_force, &key)?;
        Ok::<_, crate::analytics::export::ExportError>(Report::new(exported, intervention))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let mut response = HttpResponse::Ok();
    response.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    Ok(match csv_table {
        Some(table) => response.content_type("text/csv; charset=utf-8").body(csv::render(&exported, table)),
        None => response.json(exported),
    })
}

/// The period, buckets and intervention day of a research request.
pub(crate) struct ResearchPeriod {
    /// First hour, inclusive.
    pub from_hour: u32,
    /// Last hour, inclusive.
    pub to_hour: u32,
    /// Bucket size.
    pub granularity: Granularity,
    /// The intervention day, if asked for.
    pub intervention: Option<u32>,
}

/// Reads `from`, `to`, `granularity` (default `day`) and `intervention`
/// (a day) as `/v1/stats` and `/dashboard` take them.
pub(crate) fn research_period(
    from: Option<&str>,
    to: Option<&str>,
    granularity: Option<&str>,
    intervention: Option<&str>,
) -> Result<ResearchPeriod, ApiError> {
    let now_hour = (now_seconds() / HOUR_SECONDS) as u32;
    let (from_hour, to_hour) = period(from, to, now_hour).map_err(|e| ApiError::InvalidParameter(e.to_string()))?;
    let granularity = match granularity {
        None => Granularity::Day,
        Some(text) => Granularity::parse(text)
            .ok_or_else(|| ApiError::InvalidParameter("`granularity` must be hour, day or week".into()))?,
    };
    let intervention = match intervention {
        None => None,
        Some(text) => Some(
            parse_hour(text)
                .ok_or_else(|| ApiError::InvalidParameter("`intervention` must be a date `YYYY-MM-DD`".into()))?
                / 24,
        ),
    };
    Ok(ResearchPeriod { from_hour, to_hour, granularity, intervention })
}

/// The query, the CSV table asked for (`None` for JSON) and the intervention day.
type Parsed = (StatsQuery, Option<CsvTable>, Option<u32>);

fn parse_query(request: &HttpRequest, state: &AppState) -> Result<Parsed, ApiError> {
    let (mut from, mut to, mut granularity, mut by, mut format) = (None, None, None, None, None);
    let (mut intervention, mut table) = (None, None);
    for_each_query_pair(request.query_string(), |key, value| {
        let slot = match &*key {
            "from" => &mut from,
            "to" => &mut to,
            "granularity" => &mut granularity,
            "by" => &mut by,
            "format" => &mut format,
            "intervention" => &mut intervention,
            "table" => &mut table,
            _ => {
                return Err(ApiError::InvalidParameter(
                    "unknown parameter; known: from, to, granularity, by, format, intervention, table".into(),
                ));
            }
        };
        *slot = Some(value.into_owned());
        Ok(())
    })?;
    let ResearchPeriod { from_hour, to_hour, granularity, intervention } =
        research_period(from.as_deref(), to.as_deref(), granularity.as_deref(), intervention.as_deref())?;
    let by: Vec<String> = by
        .as_deref()
        .map(|list| list.split(',').map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    let accept_csv =
        request.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/csv"));
    let csv = match format.as_deref() {
        Some("csv") => true,
        Some("json") => false,
        Some(_) => return Err(ApiError::InvalidParameter("`format` must be json or csv".into())),
        None => accept_csv,
    };
    let csv_table = match (csv, table.as_deref()) {
        (false, None) => None,
        (false, Some(_)) => return Err(ApiError::InvalidParameter("`table` is for CSV: add `format=csv`".into())),
        (true, None) => Some(CsvTable::Buckets),
        (true, Some(name)) => Some(CsvTable::parse(name).ok_or_else(|| {
            ApiError::InvalidParameter(format!("`table` must be one of {}", CsvTable::NAMES.join(", ")))
        })?),
    };
    if csv_table == Some(CsvTable::Its) && intervention.is_none() {
        return Err(ApiError::InvalidParameter("`table=its` needs `intervention=YYYY-MM-DD`".into()));
    }
    if intervention.is_some() && granularity != Granularity::Day {
        return Err(ApiError::InvalidParameter(
            "`intervention` needs `granularity=day`: the time series is fitted to the export's own daily counts".into(),
        ));
    }
    let options = &state.config.analytics;
    let query = StatsQuery { from_hour, to_hour, granularity, by, k: options.min_cell, epsilon: options.epsilon };
    Ok((query, csv_table, intervention))
}
