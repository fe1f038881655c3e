//! `signpost stats`: the research export, read straight from Redis or the
//! embedded store (same JSON and CSV as `GET /v1/stats`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use signpost::analytics::cell::HOUR_SECONDS;
use signpost::analytics::export::{Granularity, InForce, NoiseKey, StatsQuery, export_with_key, period};
use signpost::analytics::token::now_seconds;
use signpost::analytics::{Store, open_source};
use signpost::config::{Config, FlagOverrides};
use signpost::engine::Engine;
use signpost::research::Report;
use signpost::research::csv::{self, CsvTable};

use super::CliError;

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// A TOML configuration file (for redis_url, data_dir, k and epsilon).
    #[arg(long, env = "SIGNPOST_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read from Redis; a URL without a password (a password goes in the environment or the
    /// configuration file) [env: SIGNPOST_REDIS_URL].
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    /// Read the embedded store in this directory [default: signpost-data].
    #[arg(long, env = "SIGNPOST_DATA_DIR", hide_env_values = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Start: `YYYY-MM-DD` or RFC 3339 (default: 7 days before `--to`).
    #[arg(long)]
    from: Option<String>,
    /// End, inclusive: `YYYY-MM-DD` (the whole day) or RFC 3339 (default: now).
    #[arg(long)]
    to: Option<String>,
    /// hour, day or week.
    #[arg(long, default_value = "day", value_enum)]
    granularity: Granularity,
    /// Comma-separated dimensions: list_version, category, entry, variant, locale, country, surface.
    #[arg(long, default_value = "")]
    by: String,
    /// Print CSV instead of JSON (the `buckets` table unless `--table` says otherwise).
    #[arg(long)]
    csv: bool,
    /// Print this CSV table: buckets, sessions, unique_sessions or about (k, noise, lists and weights in force).
    #[arg(long, value_enum)]
    table: Option<CsvTable>,
}

pub fn run(args: StatsArgs) -> Result<ExitCode, CliError> {
    let flags = FlagOverrides { redis: args.redis, data_dir: args.data_dir, ..FlagOverrides::default() };
    let config = Config::load(args.config.as_deref(), &flags).map_err(|e| CliError::Usage(e.to_string()))?;
    let store = match config.redis_target() {
        Some(target) => Store::Redis(target),
        None => Store::Embedded(config.data_dir.clone()),
    };
    let timeout = Duration::from_millis(config.analytics.redis_timeout_ms.max(1));
    let mut source = open_source(&store, timeout).map_err(|e| CliError::Usage(e.to_string()))?;
    let now_hour = (now_seconds() / HOUR_SECONDS) as u32;
    let (from_hour, to_hour) =
        period(args.from.as_deref(), args.to.as_deref(), now_hour).map_err(|e| CliError::Usage(e.to_string()))?;
    let query = StatsQuery {
        from_hour,
        to_hour,
        granularity: args.granularity,
        by: args.by.split(',').map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned).collect(),
        k: config.analytics.min_cell,
        epsilon: config.analytics.epsilon,
    };
    // What the configured lists and content are now, when they load.
    let in_force = Engine::load(&config).map(|engine| engine.in_force()).unwrap_or_else(|_| InForce::default());
    let key = NoiseKey::from_secret(config.token_secret.as_deref());
    let exported =
        export_with_key(source.as_mut(), &query, in_force, &key).map_err(|e| CliError::Usage(e.to_string()))?;
    let exported = Report::new(exported, None);
    let mut out = std::io::stdout().lock();
    let table = match args.table {
        Some(table) => Some(table),
        None if args.csv => Some(CsvTable::Buckets),
        None => None,
    };
    if let Some(table) = table {
        out.write_all(csv::render(&exported, table).as_bytes())?;
    } else {
        serde_json::to_writer_pretty(&mut out, &exported).map_err(std::io::Error::other)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
