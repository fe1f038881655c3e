//! `signpost serve`: the inline service.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use signpost::config::{Config, FlagOverrides, LogFormat};
use signpost::http::Application;

use super::CliError;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// A TOML configuration file (see examples/signpost.toml).
    #[arg(long, env = "SIGNPOST_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "SIGNPOST_LISTEN", hide_env_values = true, value_name = "ADDR")]
    listen: Option<String>,
    /// A keyword list file or directory; repeatable [env: SIGNPOST_KEYWORDS, paths separated by `:`].
    /// Without it, the embedded demo lists (fictional terms).
    #[arg(long = "keywords", value_name = "PATH")]
    keywords: Vec<PathBuf>,
    /// A file of your own innocent words (one or more a line) added to the built-in dictionary guard;
    /// repeatable [env: SIGNPOST_DICTIONARY, paths separated by `:`].
    #[arg(long = "dictionary", value_name = "FILE")]
    dictionary: Vec<PathBuf>,
    /// Redis URL for counters shared by a fleet, without a password (a password goes in the
    /// environment or the configuration file, never on the command line) [env: SIGNPOST_REDIS_URL].
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    /// Directory of the embedded analytics store [default: signpost-data].
    #[arg(long, env = "SIGNPOST_DATA_DIR", hide_env_values = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Directory overriding the embedded content.
    #[arg(long, env = "SIGNPOST_CONTENT_DIR", hide_env_values = true, value_name = "DIR")]
    content_dir: Option<PathBuf>,
    /// Base URL people reach this service under.
    #[arg(long, env = "SIGNPOST_PUBLIC_URL", hide_env_values = true, value_name = "URL")]
    public_url: Option<String>,
    /// Log format: text or json.
    #[arg(long, env = "SIGNPOST_LOG_FORMAT", hide_env_values = true, value_name = "FORMAT", value_enum)]
    log_format: Option<LogFormat>,
}

pub fn run(args: ServeArgs) -> Result<ExitCode, CliError> {
    let flags = FlagOverrides {
        listen: args.listen,
        keywords: (!args.keywords.is_empty()).then_some(args.keywords),
        dictionary: (!args.dictionary.is_empty()).then_some(args.dictionary),
        redis: args.redis,
        data_dir: args.data_dir,
        content_dir: args.content_dir,
        public_url: args.public_url,
        log_format: args.log_format,
    };
    let config = Config::load(args.config.as_deref(), &flags).map_err(|e| CliError::Usage(e.to_string()))?;
    signpost::telemetry::init(config.log_format, &config.log_level);
    let system = actix_web::rt::System::new();
    system.block_on(async move {
        let app = Application::build(config).await.map_err(|e| CliError::Usage(e.to_string()))?;
        app.run_until_stopped().await?;
        tracing::info!("signpost stopped");
        Ok(ExitCode::SUCCESS)
    })
}
