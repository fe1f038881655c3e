//! An operator's client in Rust: before showing results, ask signpost's
//! `POST /v1/check` with a tight time budget (50 ms by default), and
//! **fail open**: if signpost is slow, down or answers an error, show the
//! results as if it were not there. Only a clear `warn` shows the warning
//! (title, text, helplines) instead of results.
//!
//! Run signpost in one terminal:
//!
//! ```text
//! cargo run --release -- serve
//! ```
//!
//! and the client in another (the arguments are searches to try; the demo
//! lists hold fictional terms such as `zorvik` and `plim plom`):
//!
//! ```text
//! cargo run --example operator_client -- weather zorvik "plim plom"
//! cargo run --example operator_client -- --timeout-ms 5 --url http://127.0.0.1:8080 zorvik
//! OPERATOR_SIGNPOST_URL=http://127.0.0.1:9 cargo run --example operator_client -- zorvik   # down: results
//! ```
//!
//! `OPERATOR_SIGNPOST_URL` and `OPERATOR_SIGNPOST_TIMEOUT_MS` set the defaults of `--url` and
//! `--timeout-ms`. The tests (`cargo test --example operator_client`) check
//! the fail-open rule against a server that never answers, a closed port, a
//! server that answers 503, and the real service.
//!
//! Like signpost itself, the client never prints or logs the query.

use std::time::Duration;

use serde::Deserialize;

/// Where signpost is and how long a search may wait for it.
#[derive(Clone, Debug)]
struct Settings {
    /// Base URL of the signpost service.
    url: String,
    /// The whole budget of one check: connect, send, answer.
    timeout: Duration,
}

/// What the search page shows.
#[derive(Debug)]
enum Outcome {
    /// The results, and why.
    Results(Because),
    /// The warning instead of results.
    Warning(Warning),
}

/// Why results are shown.
#[derive(Debug, PartialEq)]
enum Because {
    /// signpost said `allow`.
    Allowed,
    /// signpost did not answer within the budget.
    TooSlow,
    /// signpost could not be reached, answered an error or something unreadable.
    Failed(String),
}

/// The parts of `/v1/check`'s answer this client uses.
#[derive(Debug, Deserialize)]
struct CheckAnswer {
    decision: String,
    warning: Option<Warning>,
}

/// The warning to show instead of results.
#[derive(Debug, Deserialize)]
struct Warning {
    title: String,
    body: String,
    helplines: Vec<Helpline>,
}

/// One helpline of the warning.
#[derive(Debug, Deserialize)]
struct Helpline {
    name: String,
    phone: Option<String>,
    hours: Option<String>,
    /// Link through signpost that counts the click and redirects to the service.
    tracked_url: String,
}

/// The decision for one search. Everything but a clear `warn` shows results.
async fn decide(client: &reqwest::Client, settings: &Settings, query: &str) -> Outcome {
    match tokio::time::timeout(settings.timeout, ask(client, &settings.url, query)).await {
        Err(_elapsed) => Outcome::Results(Because::TooSlow),
        Ok(Err(error)) => Outcome::Results(Because::Failed(error)),
        Ok(Ok(CheckAnswer { decision, warning })) => match (decision.as_str(), warning) {
            ("warn", Some(warning)) => Outcome::Warning(warning),
            ("allow", _) => Outcome::Results(Because::Allowed),
            (other, _) => Outcome::Results(Because::Failed(format!("unexpected decision `{other}`"))),
        },
    }
}

/// One call to `POST /v1/check`; any error is described without the query.
async fn ask(client: &reqwest::Client, url: &str, query: &str) -> Result<CheckAnswer, String> {
    let response = client
        .post(format!("{}/v1/check", url.trim_end_matches('/')))
        .json(&serde_json::json!({ "q": query, "surface": "search" }))
        .send()
        .await
        .map_err(|e| format!("unreachable ({})", e.without_url()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("answered {status}"));
    }
    response.json::<CheckAnswer>().await.map_err(|e| format!("unreadable answer ({})", e.without_url()))
}

/// What the search page would show, in words.
fn show(number: usize, outcome: &Outcome) {
    match outcome {
        Outcome::Results(because) => {
            let why = match because {
                Because::Allowed => "signpost: allow".to_owned(),
                Because::TooSlow => "signpost too slow: failing open".to_owned(),
                Because::Failed(error) => format!("signpost {error}: failing open"),
            };
            println!("search {number}: RESULTS ({why})");
        }
        Outcome::Warning(warning) => {
            println!("search {number}: WARNING instead of results");
            println!("  {}", warning.title);
            println!("  {}", warning.body);
            for helpline in &warning.helplines {
                let phone = helpline.phone.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
                let hours = helpline.hours.as_deref().map(|h| format!(" ({h})")).unwrap_or_default();
                println!("  - {}{phone}{hours}: {}", helpline.name, helpline.tracked_url);
            }
        }
    }
}

/// Settings from `OPERATOR_SIGNPOST_URL`/`OPERATOR_SIGNPOST_TIMEOUT_MS` and `--url`/`--timeout-ms`;
/// the other arguments are the searches.
fn settings_and_queries() -> Result<(Settings, Vec<String>), String> {
    let mut url = std::env::var("OPERATOR_SIGNPOST_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".to_owned());
    let mut timeout_ms = std::env::var("OPERATOR_SIGNPOST_TIMEOUT_MS").unwrap_or_else(|_| "50".to_owned());
    let mut queries = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--url" => url = args.next().ok_or("--url needs a value")?,
            "--timeout-ms" => timeout_ms = args.next().ok_or("--timeout-ms needs a value")?,
            _ => queries.push(arg),
        }
    }
    let timeout_ms: u64 = timeout_ms.parse().map_err(|_| format!("timeout `{timeout_ms}` is not milliseconds"))?;
    if queries.is_empty() {
        queries = vec!["weather tomorrow".to_owned(), "zorvik".to_owned()];
    }
    Ok((Settings { url, timeout: Duration::from_millis(timeout_ms) }, queries))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (settings, queries) = match settings_and_queries() {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("operator_client: {error}");
            std::process::exit(2);
        }
    };
    println!("asking {} with a {} ms budget", settings.url, settings.timeout.as_millis());
    let client = reqwest::Client::new();
    for (index, query) in queries.iter().enumerate() {
        show(index + 1, &decide(&client, &settings, query).await);
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::time::Instant;

    use super::*;

    const TIGHT: Duration = Duration::from_millis(50);

    fn settings(url: String, timeout: Duration) -> Settings {
        Settings { url, timeout }
    }

    #[tokio::test]
    async fn a_server_that_never_answers_shows_results_in_time() {
        // Bound but never accepting: the connection opens, no answer comes.
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", silent.local_addr().unwrap());
        let started = Instant::now();
        let outcome = decide(&reqwest::Client::new(), &settings(url, TIGHT), "zorvik").await;
        assert!(matches!(outcome, Outcome::Results(Because::TooSlow)), "{outcome:?}");
        assert!(started.elapsed() < Duration::from_millis(500), "took {:?}", started.elapsed());
    }

    #[tokio::test]
    async fn a_closed_port_shows_results() {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let url = format!("http://127.0.0.1:{port}");
        let outcome = decide(&reqwest::Client::new(), &settings(url, TIGHT), "zorvik").await;
        assert!(matches!(outcome, Outcome::Results(Because::Failed(_))), "{outcome:?}");
    }

    #[tokio::test]
    async fn an_error_answer_shows_results() {
        let failing = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", failing.local_addr().unwrap());
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = failing.accept() {
                let _ = stream.read(&mut [0; 4096]);
                let _ = stream.write_all(b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n");
            }
        });
        let outcome = decide(&reqwest::Client::new(), &settings(url, Duration::from_secs(5)), "zorvik").await;
        match outcome {
            Outcome::Results(Because::Failed(error)) => assert!(error.contains("503"), "{error}"),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn the_real_service_warns_and_allows() {
        let dir = std::env::temp_dir().join(format!("signpost-operator-client-{}", std::process::id()));
        let config = signpost::config::Config {
            listen: "127.0.0.1:0".into(),
            data_dir: dir.join("data"),
            workers: Some(1),
            ..Default::default()
        };
        let app = signpost::http::Application::build(config).await.expect("the service starts");
        let url = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        // A generous budget: this is about the answers, not the speed of a debug build.
        let settings = settings(url, Duration::from_secs(5));
        let client = reqwest::Client::new();
        match decide(&client, &settings, "zorvik").await {
            Outcome::Warning(warning) => {
                assert!(!warning.title.is_empty() && !warning.body.is_empty());
                assert!(!warning.helplines.is_empty());
                assert!(warning.helplines.iter().all(|h| h.tracked_url.contains("/v1/go/")));
            }
            other => panic!("{other:?}"),
        }
        let outcome = decide(&client, &settings, "weather").await;
        assert!(matches!(outcome, Outcome::Results(Because::Allowed)), "{outcome:?}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
