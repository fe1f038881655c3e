//! One typed configuration, from a TOML file (`--config`), `SIGNPOST_*`
//! environment variables and command-line flags, with the precedence
//! flags > environment > file > defaults.
//!
//! Unknown keys are rejected, in the file and in the environment, so a typo
//! never passes silently. Secrets (the admin and research tokens, the token
//! and entry-id keys) come from the file or the environment only, never from
//! a flag that would show in the process list.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Environment variables start with this prefix; nested keys use `__`
/// (`SIGNPOST_GATE__STATUS`).
pub const ENV_PREFIX: &str = "SIGNPOST_";

/// The smallest allowed `analytics.min_cell` with an operator's lists:
/// below it small-cell suppression would be switched off in all but name.
/// (With the embedded demo lists, whose traffic is synthetic, 1 is allowed.)
pub const MIN_CELL_FLOOR: u64 = 5;

/// The shortest `token_secret` or `entry_id_key` accepted, in bytes.
pub const MIN_SECRET_BYTES: usize = 32;

/// Top-level keys whose environment values are strings taken as written.
const VERBATIM_KEYS: &[&str] = &[
    "listen",
    "public_url",
    "content_dir",
    "redis_url",
    "redis_ca_file",
    "redis_sentinel_master",
    "redis_master_password",
    "redis_client_cert_file",
    "redis_client_key_file",
    "data_dir",
    "admin_token",
    "research_token",
    "metrics_token",
    "token_secret",
    "entry_id_key",
    "log_level",
];

/// The whole configuration of `signpost serve`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Address to listen on.
    pub listen: String,
    /// Base URL under which people reach this service (for warning-page and
    /// tracked links); defaults to `http://` + `listen`.
    pub public_url: Option<String>,
    /// Keyword list files or directories; empty means the embedded demo lists.
    pub keywords: Vec<PathBuf>,
    /// Files of the operator's own innocent words (one or more a line),
    /// added to the built-in dictionary guard.
    pub dictionary: Vec<PathBuf>,
    /// A directory overriding the embedded content (messages, helplines, chatbot).
    pub content_dir: Option<PathBuf>,
    /// Redis for counters shared by a fleet; without it the embedded store is used.
    pub redis_url: Option<String>,
    /// CA certificates (PEM) that sign the certificates of a `rediss://`
    /// Redis, when the system's store does not hold them.
    pub redis_ca_file: Option<PathBuf>,
    /// When `redis_url` is a Redis Sentinel that monitors several masters,
    /// the name of the one to use.
    pub redis_sentinel_master: Option<String>,
    /// When `redis_url` is a Redis Sentinel whose master asks for another
    /// password than the sentinel's (the URL's), the master's password
    /// (for its default user). Without it the URL's credentials are used for
    /// both. From the environment or a file only, like the URL's.
    pub redis_master_password: Option<String>,
    /// This instance's certificate (PEM) for a `rediss://` Redis that
    /// authenticates clients (`tls-auth-clients yes`); with `redis_client_key_file`.
    pub redis_client_cert_file: Option<PathBuf>,
    /// The private key (PEM) of `redis_client_cert_file`.
    pub redis_client_key_file: Option<PathBuf>,
    /// Directory of the embedded analytics store.
    pub data_dir: PathBuf,
    /// Bearer token for `/admin/*`; admin routes answer 403 without one.
    pub admin_token: Option<String>,
    /// Bearer token for `/v1/stats` and `/dashboard`; they answer 403 without one.
    pub research_token: Option<String>,
    /// Bearer token for `/metrics`; required when `listen` is beyond
    /// loopback. Without one (on loopback) `/metrics` is open.
    pub metrics_token: Option<String>,
    /// Label request metrics with the decision (`warn`, `allow`) and the
    /// gate's status class. Off by default: such counters move by one with
    /// one person's search.
    pub metrics_decisions: bool,
    /// Operator API keys: when any is set, `/v1/check` and `/v1/gate` answer
    /// only requests with `Authorization: Bearer <key>` (the search backend
    /// or nginx), so nobody else can test guesses against the lists, inflate
    /// the counts or pick the arm. Empty: those routes are open.
    pub api_keys: Vec<String>,
    /// Key that signs event tokens; share it across a fleet. Random per
    /// process when unset (tokens then fail on other instances).
    pub token_secret: Option<String>,
    /// Secret key for entry ids (see the list format); the public default
    /// lets anyone confirm a guessed term's id.
    pub entry_id_key: Option<String>,
    /// HTTP worker threads; defaults to the number of cores.
    pub workers: Option<usize>,
    /// Demo mode: the demo search page at `/demo`, and the back-dated
    /// traffic of `signpost simulate` (always on with the embedded demo
    /// lists; never with real traffic).
    pub demo: bool,
    /// Origins whose pages may call `/v1/check`, `/v1/chat` and `/v1/events`
    /// from the browser (the web component on another site), e.g.
    /// `["https://search.example"]`, or `["*"]` for any. Empty: same origin only.
    pub cors_origins: Vec<String>,
    /// `text` or `json` logs.
    pub log_format: LogFormat,
    /// Log filter (`info`, `debug`, `signpost=trace`, ...). The query text is
    /// never logged at any level.
    pub log_level: String,
    /// Size limits of requests.
    pub limits: Limits,
    /// Options of `/v1/check`.
    pub check: CheckOptions,
    /// Options of the inline gate `/v1/gate`.
    pub gate: GateOptions,
    /// The message experiment: control arm and variant weights.
    pub experiment: ExperimentOptions,
    /// Anonymised measurement.
    pub analytics: AnalyticsOptions,
}

/// Log output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "server", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// Request size limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Longest query accepted, in bytes (413 beyond).
    pub max_query_bytes: usize,
    /// Largest request body accepted, in bytes (413 beyond).
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_query_bytes: 1024, max_body_bytes: 16 * 1024 }
    }
}

/// Options of `/v1/check`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckOptions {
    /// Include matched entry ids and categories in answers (explain mode).
    pub explain: bool,
    /// How long an event token stays valid, in seconds (an hour: long enough
    /// for a person to read the warning and follow the chat, short enough
    /// that a token found in a history or a log is soon worthless).
    pub token_ttl_seconds: u64,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { explain: false, token_ttl_seconds: 3600 }
    }
}

/// Options of the inline gate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GateOptions {
    /// Status answered on a warning (403 suits nginx `auth_request`).
    pub status: u16,
    /// Query-string parameters that may hold the search, tried in order.
    pub params: Vec<String>,
}

impl Default for GateOptions {
    fn default() -> Self {
        GateOptions { status: 403, params: vec!["q".into(), "query".into(), "search".into(), "s".into()] }
    }
}

/// The message experiment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ExperimentOptions {
    /// Relative weight of a control arm that shows no warning. Zero (the
    /// default) means there is no control arm; set it only where the
    /// platform's ethics approval allows.
    pub control_weight: f64,
    /// Overrides of variant weights, by variant id.
    pub weights: std::collections::BTreeMap<String, f64>,
}

/// Anonymised measurement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnalyticsOptions {
    /// Count anything at all.
    pub enabled: bool,
    /// How often counts are written to the sink, in milliseconds.
    pub flush_interval_ms: u64,
    /// Events waiting to be aggregated; beyond it events are dropped (and counted).
    pub channel_capacity: usize,
    /// Distinct counter cells held while the sink is down; beyond it cells are dropped (and counted).
    pub buffer_cells: usize,
    /// Days aggregates are kept.
    pub retention_days: u32,
    /// Cells below this count are suppressed in exports.
    pub min_cell: u64,
    /// Laplace noise with this epsilon in exports; none when unset.
    pub epsilon: Option<f64>,
    /// Timeout of each Redis operation, in milliseconds.
    pub redis_timeout_ms: u64,
    /// Surfaces counted under their own name; any other `surface` a client
    /// sends is counted as `other`, so clients cannot grow the store with
    /// made-up names.
    pub surfaces: Vec<String>,
}

/// The surfaces counted by name unless the configuration says otherwise.
pub const DEFAULT_SURFACES: &[&str] = &["search", "suggest", "images", "videos", "chat"];

/// What an unconfigured surface is counted as.
pub const OTHER_SURFACE: &str = "other";

/// Most surfaces that may be named in `analytics.surfaces`.
pub const MAX_SURFACES: usize = 64;

/// Whether `surface` is 1 to 32 characters of `a-z`, `0-9`, `-` and `_`.
pub fn valid_surface(surface: &str) -> bool {
    (1..=32).contains(&surface.len())
        && surface.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Default for AnalyticsOptions {
    fn default() -> Self {
        AnalyticsOptions {
            enabled: true,
            flush_interval_ms: 1000,
            channel_capacity: 262_144,
            buffer_cells: 1_000_000,
            retention_days: 400,
            min_cell: 10,
            epsilon: None,
            redis_timeout_ms: 500,
            surfaces: DEFAULT_SURFACES.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".into(),
            public_url: None,
            keywords: Vec::new(),
            dictionary: Vec::new(),
            content_dir: None,
            redis_url: None,
            redis_ca_file: None,
            redis_sentinel_master: None,
            redis_master_password: None,
            redis_client_cert_file: None,
            redis_client_key_file: None,
            data_dir: PathBuf::from("signpost-data"),
            admin_token: None,
            research_token: None,
            metrics_token: None,
            metrics_decisions: false,
            api_keys: Vec::new(),
            token_secret: None,
            entry_id_key: None,
            workers: None,
            demo: false,
            cors_origins: Vec::new(),
            log_format: LogFormat::Text,
            log_level: "info".into(),
            limits: Limits::default(),
            check: CheckOptions::default(),
            gate: GateOptions::default(),
            experiment: ExperimentOptions::default(),
            analytics: AnalyticsOptions::default(),
        }
    }
}

/// Values given as command-line flags; `None` means "not given".
#[derive(Clone, Debug, Default, Serialize)]
pub struct FlagOverrides {
    /// `--listen`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<String>,
    /// `--keywords` (repeatable)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keywords: Option<Vec<PathBuf>>,
    /// `--dictionary` (repeatable)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dictionary: Option<Vec<PathBuf>>,
    /// `--redis`
    #[serde(skip_serializing_if = "Option::is_none", rename = "redis_url")]
    pub redis: Option<String>,
    /// `--data-dir`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// `--content-dir`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_dir: Option<PathBuf>,
    /// `--public-url`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// `--log-format`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_format: Option<LogFormat>,
}

/// Whether a Redis URL carries a password (`redis://:secret@host`,
/// `rediss://user:secret@host`).
fn has_password(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority
        .rsplit_once('@')
        .is_some_and(|(user_info, _)| user_info.split_once(':').is_some_and(|(_, p)| !p.is_empty()))
}

/// Why the configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file, an environment variable or a flag holds something unusable.
    #[error("configuration: {0}")]
    Invalid(String),
    /// The configuration file does not exist.
    #[error("configuration file {0} not found")]
    MissingFile(PathBuf),
}

impl From<figment::Error> for ConfigError {
    fn from(error: figment::Error) -> Self {
        let all: Vec<String> = error.into_iter().map(|e| e.to_string()).collect();
        ConfigError::Invalid(all.join("; "))
    }
}

impl Config {
    /// Loads the configuration: defaults, then `file`, then the process
    /// environment (`SIGNPOST_*`), then `flags`.
    pub fn load(file: Option<&Path>, flags: &FlagOverrides) -> Result<Config, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(file) = file {
            if !file.is_file() {
                return Err(ConfigError::MissingFile(file.to_path_buf()));
            }
            figment = figment.merge(Toml::file_exact(file));
        }
        let mut ignored = vec!["keywords", "dictionary", "config"];
        ignored.extend_from_slice(VERBATIM_KEYS);
        figment = figment.merge(Env::prefixed(ENV_PREFIX).split("__").ignore(&ignored));
        // Secrets and paths are taken verbatim: a token of digits must not
        // become a number and lose its leading zeros.
        for (key, value) in Env::prefixed(ENV_PREFIX).only(VERBATIM_KEYS).iter() {
            figment = figment.merge(Serialized::default(key.as_str(), value));
        }
        // Lists are separated by `:` in the environment, like PATH.
        if let Ok(keywords) = std::env::var("SIGNPOST_KEYWORDS") {
            let paths: Vec<PathBuf> = keywords.split(':').filter(|p| !p.is_empty()).map(PathBuf::from).collect();
            figment = figment.merge(Serialized::default("keywords", paths));
        }
        if let Ok(dictionary) = std::env::var("SIGNPOST_DICTIONARY") {
            let paths: Vec<PathBuf> = dictionary.split(':').filter(|p| !p.is_empty()).map(PathBuf::from).collect();
            figment = figment.merge(Serialized::default("dictionary", paths));
        }
        if flags.redis.as_deref().is_some_and(has_password) {
            return Err(ConfigError::Invalid(
                "--redis: a password on the command line can be read by every user of the machine (`ps`); \
                 give the URL in SIGNPOST_REDIS_URL or as redis_url in the configuration file"
                    .into(),
            ));
        }
        figment = figment.merge(Serialized::defaults(flags));
        let config: Config = figment.extract()?;
        config.validate()?;
        Ok(config)
    }

    /// Where Redis is, with the CA of `redis_ca_file` and the client
    /// certificate and key read (a file that cannot be read now leaves it
    /// out, and a TLS Redis then fails to connect: counting degrades,
    /// checks go on).
    #[cfg(feature = "server")]
    pub fn redis_target(&self) -> Option<crate::analytics::RedisTarget> {
        let url = self.redis_url.clone()?;
        let read = |name: &str, path: &Option<PathBuf>| -> Option<std::sync::Arc<[u8]>> {
            match std::fs::read(path.as_ref()?) {
                Ok(pem) => Some(std::sync::Arc::from(pem)),
                Err(error) => {
                    tracing::error!(%error, "{name} cannot be read; it is left out");
                    None
                }
            }
        };
        let ca_pem = read("redis_ca_file", &self.redis_ca_file);
        let client_identity = read("redis_client_cert_file", &self.redis_client_cert_file)
            .zip(read("redis_client_key_file", &self.redis_client_key_file));
        Some(crate::analytics::RedisTarget {
            url,
            ca_pem,
            sentinel_master: self.redis_sentinel_master.clone(),
            master_password: self.redis_master_password.clone(),
            client_identity,
        })
    }

    /// Checks values that parse but cannot work.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |message: String| Err(ConfigError::Invalid(message));
        if self.listen_addr().is_none() {
            return bad(format!("listen: `{}` is not an address like 127.0.0.1:8080", self.listen));
        }
        if self.metrics_token.is_none() && self.listen_addr().is_some_and(|a| !a.ip().is_loopback()) {
            return bad(format!(
                "metrics_token: `listen` {} is beyond loopback, so `/metrics` needs a bearer token: set \
                 SIGNPOST_METRICS_TOKEN (or `metrics_token` in the config file) to a secret of 16+ characters",
                self.listen
            ));
        }
        if self.limits.max_query_bytes == 0 || self.limits.max_query_bytes > self.limits.max_body_bytes {
            return bad("limits: max_query_bytes must be between 1 and max_body_bytes".into());
        }
        if !(100..=599).contains(&self.gate.status) || (200..300).contains(&self.gate.status) {
            return bad(format!("gate.status: {} must be a 3xx, 4xx or 5xx status", self.gate.status));
        }
        if self.gate.params.is_empty() {
            return bad("gate.params: name at least one query parameter".into());
        }
        if !self.experiment.control_weight.is_finite() || self.experiment.control_weight < 0.0 {
            return bad("experiment.control_weight must be a number ≥ 0".into());
        }
        if self.check.token_ttl_seconds == 0 {
            return bad("check.token_ttl_seconds must be positive".into());
        }
        if self.analytics.flush_interval_ms == 0 || self.analytics.channel_capacity == 0 {
            return bad("analytics: flush_interval_ms and channel_capacity must be positive".into());
        }
        // Only the embedded fictional lists with synthetic traffic may show
        // single counts (the browser tests read them back).
        let floor = if self.keywords.is_empty() { 1 } else { MIN_CELL_FLOOR };
        if self.analytics.min_cell < floor {
            return bad(format!(
                "analytics.min_cell must be at least {floor}: smaller counts identify people (default 10)"
            ));
        }
        if let Some(epsilon) = self.analytics.epsilon {
            if !epsilon.is_finite() || epsilon <= 0.0 {
                return bad("analytics.epsilon must be a positive number".into());
            }
        }
        if self.analytics.surfaces.len() > MAX_SURFACES {
            return bad(format!("analytics.surfaces: at most {MAX_SURFACES} names"));
        }
        if let Some(bad_name) = self.analytics.surfaces.iter().find(|s| !valid_surface(s)) {
            return bad(format!(
                "analytics.surfaces: `{bad_name}` must be 1 to 32 characters of a-z, 0-9, `-` and `_`"
            ));
        }
        // TLS files: each needs a rediss:// URL and must hold its PEM block.
        let tls_url = self.redis_url.as_deref().is_some_and(|url| url.starts_with("rediss://"));
        let pem_file = |name: &str, what: &str, path: &Path, label: &[u8]| -> Result<(), ConfigError> {
            if !tls_url {
                return bad(format!("{name}: {what} is for TLS, so redis_url must be a rediss:// URL"));
            }
            let pem = std::fs::read(path)
                .map_err(|e| ConfigError::Invalid(format!("{name}: cannot read {}: {e}", path.display())))?;
            if !pem.windows(label.len()).any(|w| w == label) {
                return bad(format!("{name}: {} holds no PEM {}", path.display(), what.trim_start_matches("a ")));
            }
            Ok(())
        };
        if let Some(path) = &self.redis_ca_file {
            pem_file("redis_ca_file", "a certificate", path, b"-----BEGIN CERTIFICATE-----")?;
        }
        match (&self.redis_client_cert_file, &self.redis_client_key_file) {
            (None, None) => {}
            (Some(cert), Some(key)) => {
                pem_file("redis_client_cert_file", "a certificate", cert, b"-----BEGIN CERTIFICATE-----")?;
                pem_file("redis_client_key_file", "a private key", key, b"PRIVATE KEY-----")?;
            }
            _ => {
                return bad("redis_client_cert_file and redis_client_key_file go together: give both or neither".into());
            }
        }
        if let Some(password) = &self.redis_master_password {
            if self.redis_url.is_none() {
                return bad(
                    "redis_master_password is for the master of a Redis Sentinel: set redis_url to the sentinel".into(),
                );
            }
            if password.is_empty() {
                return bad("redis_master_password is empty: leave it out to use the URL's credentials".into());
            }
        }
        for (name, token) in [
            ("admin_token", &self.admin_token),
            ("research_token", &self.research_token),
            ("metrics_token", &self.metrics_token),
        ] {
            if token.as_ref().is_some_and(|t| t.len() < 16) {
                return bad(format!("{name} must be at least 16 characters"));
            }
        }
        // These keys sign tokens, pepper session pseudonyms, key the export
        // noise and entry ids: a short one can be guessed offline.
        for (name, secret) in [("token_secret", &self.token_secret), ("entry_id_key", &self.entry_id_key)] {
            if secret.as_ref().is_some_and(|s| s.len() < MIN_SECRET_BYTES) {
                return bad(format!("{name} must be at least {MIN_SECRET_BYTES} bytes (e.g. `openssl rand -hex 32`)"));
            }
        }
        if self.api_keys.iter().any(|key| key.len() < MIN_SECRET_BYTES || key.contains(char::is_whitespace)) {
            return bad(format!("api_keys: each key must be at least {MIN_SECRET_BYTES} bytes, without spaces"));
        }
        for origin in &self.cors_origins {
            if origin != "*" && !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return bad(format!("cors_origins: `{origin}` must be `*` or an origin like https://search.example"));
            }
        }
        if let Some(url) = &self.public_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return bad(format!("public_url: `{url}` must start with http:// or https://"));
            }
        }
        Ok(())
    }

    /// The listen address, parsed.
    pub fn listen_addr(&self) -> Option<SocketAddr> {
        self.listen.parse().ok()
    }

    /// Whether the service runs in demo mode: the embedded demo lists (no
    /// `keywords`), or `demo = true`.
    pub fn demo_mode(&self) -> bool {
        self.demo || self.keywords.is_empty()
    }

    /// The base URL for links people follow, without a trailing slash.
    pub fn public_base(&self, bound: SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{bound}"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment's Jail closures return its (large) error type
mod tests {
    use figment::Jail;

    use super::*;

    fn load(jail: &Jail, file_text: Option<&str>, flags: &FlagOverrides) -> Result<Config, ConfigError> {
        let path = file_text.map(|text| {
            jail.create_file("signpost.toml", text).unwrap();
            jail.directory().join("signpost.toml")
        });
        Config::load(path.as_deref(), flags)
    }

    #[test]
    fn defaults_without_anything() {
        Jail::expect_with(|jail| {
            let config = load(jail, None, &FlagOverrides::default()).unwrap();
            assert_eq!(config, Config::default());
            assert_eq!(config.listen, "127.0.0.1:8080");
            Ok(())
        });
    }

    #[test]
    fn precedence_is_flags_then_env_then_file() {
        Jail::expect_with(|jail| {
            jail.set_env("SIGNPOST_LISTEN", "127.0.0.1:2000");
            jail.set_env("SIGNPOST_REDIS_URL", "redis://env");
            let flags = FlagOverrides { listen: Some("127.0.0.1:3000".into()), ..Default::default() };
            let text = "listen = \"127.0.0.1:1000\"\nredis_url = \"redis://file\"\ndata_dir = \"/file\"\n[gate]\nstatus = 451\n";
            let config = load(jail, Some(text), &flags).unwrap();
            assert_eq!(config.listen, "127.0.0.1:3000");
            assert_eq!(config.redis_url.as_deref(), Some("redis://env"));
            assert_eq!(config.data_dir, PathBuf::from("/file"));
            assert_eq!(config.gate.status, 451);
            Ok(())
        });
    }

    #[test]
    fn nested_keys_lists_and_secrets_from_the_environment() {
        Jail::expect_with(|jail| {
            jail.set_env("SIGNPOST_KEYWORDS", "/a.txt:/lists");
            jail.set_env("SIGNPOST_GATE__STATUS", "451");
            jail.set_env("SIGNPOST_ADMIN_TOKEN", "0123456789abcdef0");
            jail.set_env("SIGNPOST_RESEARCH_TOKEN", "0234567890123456");
            jail.set_env("SIGNPOST_CHECK__EXPLAIN", "true");
            let config = load(jail, None, &FlagOverrides::default()).unwrap();
            assert_eq!(config.keywords, [PathBuf::from("/a.txt"), PathBuf::from("/lists")]);
            assert_eq!(config.gate.status, 451);
            assert!(config.check.explain);
            assert_eq!(config.admin_token.as_deref(), Some("0123456789abcdef0"));
            assert_eq!(config.research_token.as_deref(), Some("0234567890123456"));
            Ok(())
        });
    }

    #[test]
    fn small_cells_show_only_with_the_fictional_demo_lists() {
        Jail::expect_with(|jail| {
            jail.set_env("SIGNPOST_ANALYTICS__MIN_CELL", "1");
            assert_eq!(load(jail, None, &FlagOverrides::default()).unwrap().analytics.min_cell, 1);
            jail.set_env("SIGNPOST_KEYWORDS", "/lists");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("analytics.min_cell must be at least 5"), "{error}");
            jail.set_env("SIGNPOST_ANALYTICS__MIN_CELL", "5");
            assert!(load(jail, None, &FlagOverrides::default()).is_ok());
            Ok(())
        });
    }

    #[test]
    #[cfg(feature = "server")]
    fn a_redis_ca_file_needs_a_tls_url_and_a_readable_pem_certificate() {
        Jail::expect_with(|jail| {
            jail.create_file("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")?;
            jail.create_file("not-a-cert.txt", "hello")?;
            jail.set_env("SIGNPOST_REDIS_CA_FILE", "ca.pem");
            jail.set_env("SIGNPOST_REDIS_URL", "redis://127.0.0.1:6379");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("redis_url must be a rediss:// URL"), "{error}");
            jail.set_env("SIGNPOST_REDIS_URL", "rediss://127.0.0.1:6379");
            let config = load(jail, None, &FlagOverrides::default()).unwrap();
            assert_eq!(config.redis_ca_file.as_deref(), Some(Path::new("ca.pem")));
            let target = config.redis_target().unwrap();
            assert!(target.ca_pem.is_some_and(|pem| pem.starts_with(b"-----BEGIN CERTIFICATE-----")));
            jail.set_env("SIGNPOST_REDIS_CA_FILE", "not-a-cert.txt");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("holds no PEM certificate"), "{error}");
            jail.set_env("SIGNPOST_REDIS_CA_FILE", "missing.pem");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("redis_ca_file: cannot read missing.pem"), "{error}");
            Ok(())
        });
    }

    #[test]
    #[cfg(feature = "server")]
    fn a_redis_client_certificate_needs_its_key_a_tls_url_and_pem_files() {
        Jail::expect_with(|jail| {
            jail.create_file("client.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")?;
            jail.create_file("client.key", "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n")?;
            jail.set_env("SIGNPOST_REDIS_URL", "rediss://127.0.0.1:6379");
            jail.set_env("SIGNPOST_REDIS_CLIENT_CERT_FILE", "client.crt");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("go together"), "{error}");
            jail.set_env("SIGNPOST_REDIS_CLIENT_KEY_FILE", "client.key");
            let config = load(jail, None, &FlagOverrides::default()).unwrap();
            let (cert, key) = config.redis_target().unwrap().client_identity.unwrap();
            assert!(
                cert.starts_with(b"-----BEGIN CERTIFICATE-----") && key.starts_with(b"-----BEGIN PRIVATE KEY-----")
            );
            jail.set_env("SIGNPOST_REDIS_CLIENT_KEY_FILE", "client.crt");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("holds no PEM private key"), "{error}");
            jail.set_env("SIGNPOST_REDIS_CLIENT_KEY_FILE", "client.key");
            jail.set_env("SIGNPOST_REDIS_URL", "redis://127.0.0.1:6379");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("must be a rediss:// URL"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn a_redis_password_is_refused_on_the_command_line_but_taken_from_the_environment() {
        assert!(has_password("redis://:secret@127.0.0.1:6379/0"));
        assert!(has_password("rediss://user:secret@host"));
        assert!(!has_password("redis://127.0.0.1:6379"));
        assert!(!has_password("redis://user@host/0"));
        Jail::expect_with(|jail| {
            let flags =
                FlagOverrides { redis: Some("redis://:hunter2@127.0.0.1:1".into()), ..FlagOverrides::default() };
            let error = load(jail, None, &flags).unwrap_err().to_string();
            assert!(error.contains("SIGNPOST_REDIS_URL") && !error.contains("hunter2"), "{error}");
            jail.set_env("SIGNPOST_REDIS_URL", "redis://:hunter2@127.0.0.1:1");
            let config = load(jail, None, &FlagOverrides::default()).unwrap();
            assert_eq!(config.redis_url.as_deref(), Some("redis://:hunter2@127.0.0.1:1"));
            Ok(())
        });
    }

    #[test]
    fn a_sentinels_master_password_comes_from_the_environment_and_needs_a_redis_url() {
        Jail::expect_with(|jail| {
            jail.set_env("SIGNPOST_REDIS_MASTER_PASSWORD", "0123");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("redis_master_password") && error.contains("redis_url"), "{error}");
            assert!(!error.contains("0123"), "the password is not echoed: {error}");
            jail.set_env("SIGNPOST_REDIS_URL", "redis://:sentinel-pass@127.0.0.1:1");
            let config = load(jail, None, &FlagOverrides::default()).unwrap();
            assert_eq!(config.redis_master_password.as_deref(), Some("0123"), "taken as written, not as a number");
            let target = config.redis_target().unwrap();
            assert_eq!(target.options().master_password, Some("0123"));
            assert!(!format!("{target:?}").contains("0123"), "not in the target's debug form");
            jail.set_env("SIGNPOST_REDIS_MASTER_PASSWORD", "");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("redis_master_password is empty"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_refused_everywhere() {
        Jail::expect_with(|jail| {
            let error = load(jail, Some("listen = \"127.0.0.1:1\"\nlisten_port = 4\n"), &FlagOverrides::default())
                .unwrap_err()
                .to_string();
            assert!(error.contains("unknown field") && error.contains("listen_port"), "{error}");
            jail.set_env("SIGNPOST_LISTN", "x");
            let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
            assert!(error.contains("unknown field") && error.contains("listn"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn surfaces_come_from_the_environment_as_a_list() {
        Jail::expect_with(|jail| {
            assert_eq!(load(jail, None, &FlagOverrides::default()).unwrap().analytics.surfaces, DEFAULT_SURFACES);
            jail.set_env("SIGNPOST_ANALYTICS__SURFACES", r#"["search", "help-centre"]"#);
            assert_eq!(
                load(jail, None, &FlagOverrides::default()).unwrap().analytics.surfaces,
                ["search", "help-centre"]
            );
            Ok(())
        });
    }

    #[test]
    fn unusable_values_are_refused() {
        for (name, value, expected) in [
            ("SIGNPOST_LISTEN", "nowhere", "listen"),
            ("SIGNPOST_LISTEN", "0.0.0.0:8080", "beyond loopback, so `/metrics` needs a bearer token"),
            ("SIGNPOST_LISTEN", "[::]:8080", "SIGNPOST_METRICS_TOKEN"),
            ("SIGNPOST_GATE__STATUS", "200", "gate.status"),
            ("SIGNPOST_ADMIN_TOKEN", "short", "admin_token"),
            ("SIGNPOST_TOKEN_SECRET", "a", "token_secret must be at least 32 bytes"),
            ("SIGNPOST_API_KEYS", r#"["short"]"#, "api_keys: each key must be at least 32 bytes"),
            ("SIGNPOST_ENTRY_ID_KEY", "0123456789abcdef0123456789abcde", "entry_id_key must be at least 32 bytes"),
            ("SIGNPOST_LIMITS__MAX_QUERY_BYTES", "0", "max_query_bytes"),
            ("SIGNPOST_PUBLIC_URL", "ftp://x", "public_url"),
            ("SIGNPOST_EXPERIMENT__CONTROL_WEIGHT", "-1", "control_weight"),
            ("SIGNPOST_ANALYTICS__MIN_CELL", "0", "min_cell must be at least 1"),
            ("SIGNPOST_ANALYTICS__SURFACES", r#"["search", "Web Search"]"#, "`Web Search` must be 1 to 32"),
        ] {
            Jail::expect_with(|jail| {
                jail.set_env(name, value);
                let error = load(jail, None, &FlagOverrides::default()).unwrap_err().to_string();
                assert!(error.contains(expected), "{error}");
                Ok(())
            });
        }
        Jail::expect_with(|jail| {
            jail.set_env("SIGNPOST_LISTEN", "0.0.0.0:8080");
            jail.set_env("SIGNPOST_METRICS_TOKEN", "metrics-token-0123456789");
            jail.set_env("SIGNPOST_METRICS_DECISIONS", "true");
            let config = load(jail, None, &FlagOverrides::default()).expect("a token opens any address");
            assert!(config.metrics_decisions);
            Ok(())
        });
        let missing = Config::load(Some(Path::new("/nonexistent/signpost.toml")), &FlagOverrides::default());
        assert!(matches!(missing, Err(ConfigError::MissingFile(_))));
    }
}
