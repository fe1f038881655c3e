//! The in-process gate (`signpost::actix::SignpostGate`) wrapped around a
//! host's own actix-web app, over real HTTP.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::{App, HttpServer, web};
use arc_swap::ArcSwap;
use base64::Engine as _;
use sha2::Digest;
use signpost::actix::SignpostGate;
use signpost::config::Config;
use signpost::engine::Engine;

/// A host's search site on a free port: `/search` answers "RESULTS",
/// `/other` answers "OTHER"; only `/search` is gated.
struct Host {
    address: String,
    engine: Arc<ArcSwap<Engine>>,
    client: reqwest::Client,
}

async fn spawn_host() -> Host {
    let engine = Arc::new(ArcSwap::from_pointee(Engine::load(&Config::default()).expect("demo engine")));
    let gate = SignpostGate::new(Arc::clone(&engine)).route("/search");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        App::new()
            .wrap(gate.clone())
            .route("/search", web::get().to(|| async { "RESULTS" }))
            .route("/other", web::get().to(|| async { "OTHER" }))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    Host { address: format!("http://127.0.0.1:{port}"), engine, client: reqwest::Client::new() }
}

impl Host {
    async fn get(&self, path_and_query: &str) -> reqwest::Response {
        self.client.get(format!("{}{path_and_query}", self.address)).send().await.unwrap()
    }

    async fn get_json(&self, path_and_query: &str) -> reqwest::Response {
        let url = format!("{}{path_and_query}", self.address);
        self.client.get(url).header("accept", "application/json").send().await.unwrap()
    }
}

#[tokio::test]
async fn an_innocent_search_reaches_the_host() {
    let host = spawn_host().await;
    let response = host.get("/search?q=weather+tomorrow").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("x-signpost-decision").is_none());
    assert_eq!(response.text().await.unwrap(), "RESULTS");
    assert_eq!(host.get("/search").await.text().await.unwrap(), "RESULTS", "no query, nothing to check");
}

#[tokio::test]
async fn a_listed_term_gets_the_warning_page() {
    let host = spawn_host().await;
    let response = host.get("/search?q=z0rv1k&page=2").await;
    assert_eq!(response.status(), 200, "the host is the page: 200 by default");
    assert_eq!(response.headers()["x-signpost-decision"], "warn");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'none'") && csp.contains("style-src 'sha256-") && !csp.contains("unsafe"));
    let html = response.text().await.unwrap();
    let engine = host.engine.load();
    let titles: Vec<String> =
        engine.content.variants().iter().map(|v| engine.content.warning(&v.id, "en", None).title).collect();
    assert!(titles.iter().any(|title| html.contains(&maud::html! { (title) }.into_string())), "a title");
    let text = engine.content.warning("", "en", None);
    let first = &text.helplines[0];
    assert!(html.contains(&first.name) && html.contains(&first.url), "a helpline, linked directly");
    assert!(!html.contains("/assets/warning.css"), "styles come with the page");
    let style = html.split_once("<style>").and_then(|(_, rest)| rest.split_once("</style>")).unwrap().0;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()));
    assert!(csp.contains(&format!("style-src 'sha256-{hash}'")), "the policy allows exactly this stylesheet");
    assert!(!html.contains("<script") && !html.contains("RESULTS"));
    assert!(!html.contains("z0rv1k"), "the query is not echoed");
}

#[tokio::test]
async fn json_clients_get_the_check_answer() {
    let host = spawn_host().await;
    let response = host.get_json("/search?query=plim%20plom").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["decision"], "warn");
    assert_eq!(body["list_version"], host.engine.load().matcher.version());
    let warning = &body["warning"];
    assert!(!warning["title"].as_str().unwrap().is_empty());
    let first = &warning["helplines"][0];
    assert_eq!(first["tracked_url"], first["url"], "without a base URL links go straight to the service");
    assert!(warning.get("event_token").is_none() && warning.get("page_url").is_none());
}

#[tokio::test]
async fn other_routes_are_untouched() {
    let host = spawn_host().await;
    let response = host.get("/other?q=zorvik").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "OTHER");
    assert_eq!(host.get("/search?unrelated=zorvik").await.text().await.unwrap(), "RESULTS", "only named params");
}

#[tokio::test]
async fn the_gate_sees_the_path_the_router_sees() {
    let host = spawn_host().await;
    let response = host.get("/%73earch?q=zorvik").await;
    assert_eq!(response.headers()["x-signpost-decision"], "warn");
}

#[tokio::test]
async fn a_reload_changes_the_decision() {
    let host = spawn_host().await;
    assert_eq!(host.get("/search?q=zorvik").await.headers()["x-signpost-decision"], "warn");
    let dir = std::env::temp_dir().join(format!("signpost-middleware-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("other.txt");
    std::fs::write(&list, "@id other\n@version 1\n@language en\n@category fictional-terms\nblorptang\n").unwrap();
    let config = Config { keywords: vec![list], ..Config::default() };
    host.engine.store(Arc::new(Engine::load(&config).expect("the new list loads")));
    assert_eq!(host.get("/search?q=zorvik").await.text().await.unwrap(), "RESULTS");
    assert_eq!(host.get("/search?q=blorptang").await.headers()["x-signpost-decision"], "warn");
    let _ = std::fs::remove_dir_all(dir);
}
