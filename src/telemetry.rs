//! Logging setup: human-readable or JSON lines, filtered by level.
//!
//! What is logged is decided where it is logged; this module only routes it.
//! Nothing in signpost ever logs a query, a session id or a token, at any
//! level: request logs carry the method, the route pattern (never the path),
//! the status, the latency and the request id.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::FmtSpan;

use crate::config::LogFormat;

/// Installs the global subscriber. `level` is a filter such as `info` or
/// `signpost=debug`; an unparsable filter falls back to `info`. Calling it
/// twice keeps the first subscriber.
pub fn init(format: LogFormat, level: &str) {
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only on a terminal: a log file or collector gets plain text.
    let colour = std::io::stdout().is_terminal();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::NONE)
        .with_target(true)
        .with_ansi(colour);
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(false).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}
