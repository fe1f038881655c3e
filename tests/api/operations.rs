//! Health, readiness, metrics, the OpenAPI document, request ids, logs and
//! shutdown.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::{error_code, spawn_app, spawn_with};

#[tokio::test]
async fn healthz_and_readyz() {
    let app = spawn_app().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok\n");
    let ready: serde_json::Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["list_version"].as_str().unwrap().len(), 12);
    assert!(ready["entries"].as_u64().unwrap() > 20);
    assert_eq!(ready["content_version"].as_str().unwrap().len(), 12);
    assert!(ready["analytics_sink"].is_string());
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_by_decision_only_when_asked() {
    let asked = spawn_with(|c| c.metrics_decisions = true).await;
    let unasked = spawn_app().await;
    for app in [&asked, &unasked] {
        app.check("zorvik").await;
        app.check("zorvik").await;
        app.check("hello").await;
        for (uri, status) in [("/search?q=zorvik", 403), ("/search?q=hello", 200)] {
            let gate = app.client.get(format!("{}/v1/gate", app.address)).header("x-original-uri", uri);
            assert_eq!(gate.send().await.unwrap().status(), status);
        }
    }
    let text = asked.get("/metrics").await.text().await.unwrap();
    assert!(text.contains(r#"signpost_requests_total{route="/v1/check",decision="warn",status="2xx"} 2"#), "{text}");
    assert!(text.contains(r#"signpost_requests_total{route="/v1/check",decision="allow",status="2xx"} 1"#), "{text}");
    assert!(text.contains(r#"signpost_requests_total{route="/v1/gate",decision="warn",status="4xx"} 1"#), "{text}");
    // Without `metrics_decisions` one search moves no counter that tells its decision.
    let text = unasked.get("/metrics").await.text().await.unwrap();
    assert!(!text.contains("warn") && !text.contains("allow"), "{text}");
    assert!(
        text.contains(r#"signpost_requests_total{route="/v1/check",decision="none",status="decided"} 3"#),
        "{text}"
    );
    assert!(text.contains(r#"signpost_requests_total{route="/v1/gate",decision="none",status="decided"} 2"#), "{text}");
    let app = unasked;
    let _ = app.get("/nowhere?q=zorvik").await;
    let text = app.get("/metrics").await.text().await.unwrap();
    assert!(text.contains(r#"signpost_requests_total{route="unmatched",decision="none",status="4xx"} 1"#), "{text}");
    assert!(
        text.contains(r#"signpost_request_duration_seconds_bucket{le="0.00001","#)
            || text.contains("signpost_request_duration_seconds_bucket")
    );
    assert!(text.contains("signpost_list_entries "));
    assert!(text.contains("signpost_list_info{version=\""));
    assert!(text.contains("signpost_reload_failures_total 0"));
    assert!(!text.contains("zorvik") && !text.contains("nowhere"), "metrics never carry queries or raw paths");
}

#[tokio::test]
async fn metrics_ask_for_their_token_when_one_is_configured() {
    const METRICS_TOKEN: &str = "metrics-token-0123456789";
    let app = spawn_with(|c| c.metrics_token = Some(METRICS_TOKEN.into())).await;
    assert_eq!(error_code(app.get("/metrics").await, 401).await, "unauthorized");
    assert_eq!(error_code(app.get_with_token("/metrics", "wrong-token-0123456789").await, 401).await, "unauthorized");
    let scraped = app.get_with_token("/metrics", METRICS_TOKEN).await;
    assert_eq!(scraped.status(), 200);
    assert!(scraped.text().await.unwrap().contains("signpost_list_entries "));
    // Liveness and readiness stay open for the load balancer.
    assert_eq!(app.get("/readyz").await.status(), 200);
}

#[tokio::test]
async fn openapi_document_describes_the_routes() {
    let app = spawn_app().await;
    let doc: serde_json::Value = app.get("/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/v1/check",
        "/v1/gate",
        "/warning",
        "/v1/go/{helpline_id}",
        "/healthz",
        "/readyz",
        "/metrics",
        "/admin/reload",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is missing");
    }
    let schemas = &doc["components"]["schemas"];
    for schema in ["CheckRequest", "CheckResponse", "WarningPayload", "ErrorBody", "HelplineView", "ChatStep"] {
        assert!(schemas.get(schema).is_some(), "{schema} is missing");
    }
}

#[tokio::test]
async fn request_ids_are_echoed_or_made() {
    let app = spawn_app().await;
    let given =
        app.client.get(format!("{}/healthz", app.address)).header("x-request-id", "abc-123").send().await.unwrap();
    assert_eq!(given.headers()["x-request-id"], "abc-123");
    let made = app.get("/healthz").await;
    let id = made.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 16);
    let odd =
        app.client.get(format!("{}/healthz", app.address)).header("x-request-id", "bad id <>").send().await.unwrap();
    assert_ne!(odd.headers()["x-request-id"], "bad id <>");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_until_up(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the service did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn json_logs_at_trace_level_never_contain_the_query_and_sigterm_stops_gracefully() {
    let port = free_port();
    let dir = std::env::temp_dir().join(format!("signpost-logs-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--log-format", "json"])
        .env("SIGNPOST_LOG_LEVEL", "trace")
        .env("SIGNPOST_DATA_DIR", &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until_up(port);
    let marker = "zorvik markerqzx7719";
    let client = reqwest::blocking::Client::new();
    let body = serde_json::json!({"q": marker, "session": "session-markerqzx7719"});
    let answer: serde_json::Value =
        client.post(format!("http://127.0.0.1:{port}/v1/check")).json(&body).send().unwrap().json().unwrap();
    assert_eq!(answer["decision"], "warn");
    let _ = client.get(format!("http://127.0.0.1:{port}/v1/check?q=markerqzx7719")).send().unwrap();
    let _ = client
        .get(format!("http://127.0.0.1:{port}/v1/gate"))
        .header("x-original-uri", "/search?q=markerqzx7719")
        .send()
        .unwrap();
    // Envoy's prefix form carries the search in the path; so may a 404.
    let _ = client.get(format!("http://127.0.0.1:{port}/v1/gate/search/markerqzx7719")).send().unwrap();
    let _ = client.get(format!("http://127.0.0.1:{port}/search/markerqzx7719")).send().unwrap();
    let started = Instant::now();
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let status = child.wait().unwrap();
    assert!(status.success(), "SIGTERM ends the service cleanly: {status:?}");
    assert!(started.elapsed() < Duration::from_secs(12));
    let mut logs = String::new();
    child.stdout.take().unwrap().read_to_string(&mut logs).unwrap();
    child.stderr.take().unwrap().read_to_string(&mut logs).unwrap();
    assert!(logs.lines().count() > 3, "trace logging produced lines: {logs}");
    for line in logs.lines().filter(|l| !l.trim().is_empty()) {
        serde_json::from_str::<serde_json::Value>(line).unwrap_or_else(|_| panic!("not a JSON log line: {line}"));
    }
    assert!(!logs.contains("markerqzx7719"), "a log line carries the query or session");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_redis_password_on_the_command_line_is_refused_before_anything_starts() {
    for command in ["serve", "stats"] {
        let output = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args([command, "--redis", "redis://:hunter2-secret@127.0.0.1:1"])
            .env_remove("SIGNPOST_REDIS_URL")
            .output()
            .unwrap();
        assert!(!output.status.success(), "{command} refused it");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("SIGNPOST_REDIS_URL"), "{command} says where the password goes: {said}");
        assert!(!said.contains("hunter2"), "{command} never repeats it: {said}");
    }
}

#[test]
fn help_names_the_environment_variables_but_never_their_values() {
    let output = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--help"])
        .env("SIGNPOST_REDIS_URL", "redis://:hunter2-secret@127.0.0.1:1")
        .env("SIGNPOST_PUBLIC_URL", "https://private.example")
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for variable in
        ["SIGNPOST_LISTEN", "SIGNPOST_REDIS_URL", "SIGNPOST_DATA_DIR", "SIGNPOST_PUBLIC_URL", "SIGNPOST_LOG_FORMAT"]
    {
        assert!(help.contains(&format!("[env: {variable}]")), "{variable} is named: {help}");
    }
    assert!(!help.contains("hunter2") && !help.contains("private.example"), "values are hidden: {help}");
}
