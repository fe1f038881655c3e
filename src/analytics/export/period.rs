//! The period of an export: hours, days and their text forms.

use super::*;

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
