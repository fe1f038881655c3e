//! The research export as CSV tables, one table per request, for people who
//! work in spreadsheets and R: the time buckets, the session outcomes, the
//! unique sessions, the interrupted time series, and `about` — what a CSV
//! file alone would otherwise lose (k, noise, audit, the lists and weights
//! in force, the changes in the period).
//!
//! Withheld counts are empty fields and are named in the row's `suppressed`
//! column. Text fields are quoted where CSV needs it, and a text field that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed
//! with `'`.

use super::Report;
use crate::analytics::export::{Counts, Export, hour_to_rfc3339};
use crate::analytics::metric::{Metric, SessionMetric};

/// A CSV table of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "server", derive(clap::ValueEnum))]
pub enum CsvTable {
    /// The period total and every time bucket, per group when `by` is given.
    Buckets,
    /// Session outcomes per day and arm, with the share warned again.
    Sessions,
    /// Unique sessions per day (HyperLogLog estimates).
    #[cfg_attr(feature = "server", value(name = "unique_sessions"))]
    UniqueSessions,
    /// The interrupted time series: coefficients, then the daily points
    /// (HTTP only: it needs an intervention day, which the CLI does not take).
    #[cfg_attr(feature = "server", value(skip))]
    Its,
    /// What the export was made under, as `key,value` rows.
    About,
}

impl CsvTable {
    /// Every table's name, as `table=` takes it.
    pub const NAMES: &'static [&'static str] = &["buckets", "sessions", "unique_sessions", "its", "about"];

    /// The table named `name`, if any.
    pub fn parse(name: &str) -> Option<CsvTable> {
        Some(match name {
            "buckets" => CsvTable::Buckets,
            "sessions" => CsvTable::Sessions,
            "unique_sessions" => CsvTable::UniqueSessions,
            "its" => CsvTable::Its,
            "about" => CsvTable::About,
            _ => return None,
        })
    }
}

/// `table` of `report` as CSV text (header row first, `\n` line ends).
pub fn render(report: &Report, table: CsvTable) -> String {
    let export = &report.export;
    match table {
        CsvTable::Buckets => buckets(export),
        CsvTable::Sessions => sessions(export),
        CsvTable::UniqueSessions => unique_sessions(export),
        CsvTable::Its => its(report),
        CsvTable::About => about(report),
    }
}

/// A text field kept from being read as a spreadsheet formula (quoting is
/// the row writer's).
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes one row, each field quoted where CSV needs it (a comma, quote or
/// line break inside), by the `csv` crate; `\n` ends the row.
fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(fields.iter().map(|f| f.as_ref().len() + 1).sum::<usize>() + 8));
    // Writing UTF-8 fields into memory cannot fail, nor make other bytes.
    let _ = writer.write_record(fields.iter().map(|f| f.as_ref().as_bytes()));
    if let Ok(bytes) = writer.into_inner() {
        out.push_str(&String::from_utf8_lossy(&bytes));
    }
}

fn buckets(export: &Export) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = vec!["bucket".into()];
    header.extend(export.by.iter().map(|d| text(d)));
    header.extend(Metric::ALL.map(|m| m.name().to_owned()));
    header.extend(["hits_per_1000_checks".into(), "click_through_rate".into(), "suppressed".into()]);
    push_row(&mut out, &header);
    let mut row = |label: &str, counts: &Counts| {
        let mut fields: Vec<String> = vec![text(label)];
        for dimension in &export.by {
            fields.push(text(counts.group.get(dimension).map(String::as_str).unwrap_or_default()));
        }
        for metric in Metric::ALL {
            fields.push(optional(counts.get(metric)));
        }
        fields.push(optional(counts.hits_per_1000_checks));
        fields.push(optional(counts.click_through_rate));
        fields.push(text(&counts.suppressed.join(" ")));
        push_row(&mut out, &fields);
    };
    let rows = |bucket: &crate::analytics::export::Bucket| -> Vec<Counts> {
        if bucket.groups.is_empty() { vec![bucket.counts.clone()] } else { bucket.groups.clone() }
    };
    for counts in rows(&export.totals) {
        row("total", &counts);
    }
    for bucket in &export.buckets {
        for counts in rows(bucket) {
            row(&bucket.start, &counts);
        }
    }
    out
}

fn sessions(export: &Export) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = vec!["day".into(), "arm".into()];
    header.extend(SessionMetric::ALL.map(|m| m.name().to_owned()));
    header.extend(["warned_again_share".into(), "suppressed".into()]);
    push_row(&mut out, &header);
    for row in &export.sessions {
        let mut fields = vec![text(&row.day), text(&row.arm)];
        for metric in SessionMetric::ALL {
            fields.push(optional(row.get(metric)));
        }
        fields.push(optional(row.warned_again_share));
        fields.push(text(&row.suppressed.join(" ")));
        push_row(&mut out, &fields);
    }
    out
}

fn unique_sessions(export: &Export) -> String {
    let mut out = String::from("day,unique_sessions\n");
    for row in &export.unique_sessions {
        push_row(&mut out, &[text(&row.day), optional(row.unique_sessions)]);
    }
    out
}

fn its(report: &Report) -> String {
    let mut out = String::from("term,estimate,standard_error,low,high\n");
    let Some(its) = &report.its else {
        return out;
    };
    for (name, c) in [
        ("baseline_level", its.fit.baseline_level),
        ("baseline_slope", its.fit.baseline_slope),
        ("level_change", its.fit.level_change),
        ("slope_change", its.fit.slope_change),
    ] {
        let fields = [c.estimate, c.standard_error, c.low, c.high].map(|value| value.to_string());
        push_row(&mut out, &[&name.to_string(), &fields[0], &fields[1], &fields[2], &fields[3]]);
    }
    out.push_str("\nday,hits_per_1000_checks,fitted\n");
    for point in &its.points {
        push_row(&mut out, &[text(&point.day), point.hits_per_1000_checks.to_string(), point.fitted.to_string()]);
    }
    out
}

fn about(report: &Report) -> String {
    let export = &report.export;
    let mut out = String::from("key,value\n");
    let mut pair = |key: &str, value: String| push_row(&mut out, &[text(key), text(&value)]);
    pair("from", export.from.clone());
    pair("to", export.to.clone());
    pair("granularity", export.granularity.name().to_owned());
    pair("by", export.by.join(" "));
    pair("k", export.k.to_string());
    pair("noise", export.noise.as_ref().map(|n| format!("{} epsilon={}", n.mechanism, n.epsilon)).unwrap_or_default());
    pair("list_version_in_force", export.in_force.list_version.clone());
    pair("lists_in_force", export.in_force.lists.join(" "));
    pair("content_version_in_force", export.in_force.content_version.clone());
    for (arm, weight) in &export.in_force.variant_weights {
        pair(&format!("weight_in_force:{arm}"), weight.to_string());
    }
    pair("list_versions_counted", export.list_versions.join(" "));
    if let Some(its) = &report.its {
        pair("its_intervention", its.intervention.clone());
        pair("its_standard_errors", format!("{} lags={}", its.fit.standard_errors, its.fit.lags));
        pair("its_residual_autocorrelation", its.fit.residual_autocorrelation.to_string());
    }
    for change in &export.changes {
        let weights: Vec<String> = change.weights.iter().map(|(arm, w)| format!("{arm}={w}")).collect();
        pair(
            &format!("change:{}", hour_to_rfc3339((change.at / crate::analytics::cell::HOUR_SECONDS) as u32)),
            format!(
                "lists {} ({}); content {}; weights {}",
                change.list_version,
                change.lists.join(" "),
                change.content_version,
                weights.join(" ")
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_kept_from_formulas() {
        let row = |field: &str| {
            let mut out = String::new();
            push_row(&mut out, &["x", &text(field), ""]);
            out
        };
        assert_eq!(row("plain"), "x,plain,\n");
        assert_eq!(row("a,b"), "x,\"a,b\",\n");
        assert_eq!(row("say \"hi\""), "x,\"say \"\"hi\"\"\",\n");
        assert_eq!(row("=1+1"), "x,'=1+1,\n");
        assert_eq!(row("-x,y"), "x,\"'-x,y\",\n");
        assert_eq!(row("line\nbreak"), "x,\"line\nbreak\",\n");
        assert_eq!(row("carriage\rreturn"), "x,\"carriage\rreturn\",\n");
        assert_eq!(row(""), "x,,\n", "an empty field is empty, not quoted");
    }

    #[test]
    fn every_table_name_parses() {
        for name in CsvTable::NAMES {
            assert!(CsvTable::parse(name).is_some(), "{name}");
        }
        assert_eq!(CsvTable::parse("Buckets"), None);
    }
}
