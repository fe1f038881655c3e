//! Starting the real service for a test, and talking to it.

use std::path::PathBuf;

use signpost::config::Config;
use signpost::http::{Application, Handle};

/// Admin token used by tests that enable admin routes.
pub const ADMIN_TOKEN: &str = "test-admin-token-0123456789";

/// A running service.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// A client that does not follow redirects.
    pub client: reqwest::Client,
    /// A handle on the running service.
    pub service: Handle,
    /// The test's scratch directory (data directory inside), removed at the end.
    pub dir: PathBuf,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A new, empty directory for one test's server (`kind` names what runs in
/// it), unique across the tests of this process.
pub fn scratch_dir(kind: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("signpost-{kind}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A configuration for tests: a free port, a scratch data directory.
pub fn test_config() -> (Config, PathBuf) {
    let dir = std::env::temp_dir().join(format!("signpost-api-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let config =
        Config { listen: "127.0.0.1:0".into(), data_dir: dir.join("data"), workers: Some(2), ..Config::default() };
    (config, dir)
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Starts the service with the default test configuration.
pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

/// Starts the service after `change` adjusts the test configuration.
/// A research token for tests.
pub const RESEARCH_TOKEN: &str = "research-token-0123456789";

/// A service with [`RESEARCH_TOKEN`] that flushes counts every 50 ms.
pub async fn research_app() -> TestApp {
    spawn_with(|c| {
        c.research_token = Some(RESEARCH_TOKEN.into());
        c.analytics.flush_interval_ms = 50;
    })
    .await
}

pub async fn spawn_with(change: impl FnOnce(&mut Config)) -> TestApp {
    let (mut config, dir) = test_config();
    change(&mut config);
    let app = Application::build(config).await.expect("the service starts");
    let port = app.port();
    let service = app.handle();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp { address: format!("http://127.0.0.1:{port}"), client, service, dir }
}

impl TestApp {
    /// POSTs JSON to `path`.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.address)).json(body).send().await.unwrap()
    }

    /// GETs `path` (with its query string).
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.unwrap()
    }

    /// GETs `path` with `token` as the bearer token.
    pub async fn get_with_token(&self, path: &str, token: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).bearer_auth(token).send().await.unwrap()
    }

    /// POSTs `{"q": query}` to `/v1/check` and returns the JSON answer.
    pub async fn check(&self, query: &str) -> serde_json::Value {
        let response = self.post_json("/v1/check", &serde_json::json!({ "q": query })).await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }
}

/// Asserts the JSON error shape and returns the code.
pub async fn error_code(response: reqwest::Response, status: u16) -> String {
    assert_eq!(response.status(), status);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = response.json().await.unwrap();
    let message = body["error"]["message"].as_str().unwrap();
    assert!(!message.is_empty());
    body["error"]["code"].as_str().unwrap().to_owned()
}
