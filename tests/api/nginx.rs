//! A real nginx in front of a stub search page, configured from
//! `examples/nginx/signpost.conf` (only its addresses substituted), so the
//! example is what gets tested: an innocent query gets results, a listed
//! fictional term gets signpost's warning page, and with signpost down or
//! slow the search still works (fail open).
//!
//! nginx is installed by `scripts/test`; without it these tests fail.

use crate::needs::skip_without;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use actix_web::{App, HttpResponse, HttpServer, web};

use crate::helpers::{TestApp, spawn_with};

use crate::needs::NGINX;
/// The placeholders of the example that the tests replace.
const SIGNPOST_PLACEHOLDER: &str = "server 127.0.0.1:8080;";
const SEARCH_PLACEHOLDER: &str = "server 127.0.0.1:3000;";
const LISTEN_PLACEHOLDER: &str = "listen 80;";

fn example() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/nginx/signpost.conf");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Replaces the one occurrence of `from` (the example must keep it).
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "the example must contain `{from}` exactly once");
    text.replacen(from, to, 1)
}

/// The example with its addresses replaced.
fn configure(example: &str, signpost: SocketAddr, search: SocketAddr, port: u16) -> String {
    let text = replace_once(example, SIGNPOST_PLACEHOLDER, &format!("server {signpost};"));
    let text = replace_once(&text, SEARCH_PLACEHOLDER, &format!("server {search};"));
    replace_once(&text, LISTEN_PLACEHOLDER, &format!("listen 127.0.0.1:{port};"))
}

/// The example's alternative: the warning page proxied instead of redirected
/// to (the commented lines of `@signpost_warning` switched on).
fn proxy_alternative(example: &str) -> String {
    let mut inside = false;
    let mut switched = 0;
    let mut lines = Vec::new();
    for line in example.lines() {
        if line.contains("location @signpost_warning") {
            inside = true;
        } else if line.starts_with("    }") {
            inside = false;
        }
        if inside && line.trim() == "return 302 $signpost_warning_url;" {
            lines.push(String::new());
        } else if inside && line.trim_start().starts_with("# proxy_") {
            lines.push(line.replacen("# proxy_", "proxy_", 1));
            switched += 1;
        } else {
            lines.push(line.to_owned());
        }
    }
    assert!(switched >= 2, "the example keeps the proxy alternative in @signpost_warning");
    lines.join("\n")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running nginx, killed (with everything it started) when dropped.
struct Nginx {
    child: Child,
    dir: PathBuf,
    /// `http://127.0.0.1:PORT`
    address: String,
}

impl Nginx {
    /// Starts nginx on `port` with `site` (an `http {}`-level config) inside
    /// a minimal main config whose every path is in a scratch directory.
    async fn start(site: &str, port: u16) -> Nginx {
        assert!(
            std::path::Path::new(NGINX).exists(),
            "{NGINX} is missing: run scripts/test, which installs nginx (apt package nginx-light)"
        );
        let dir = crate::helpers::scratch_dir("nginx");
        let d = dir.display();
        std::fs::write(dir.join("site.conf"), site).unwrap();
        let main = format!(
            "error_log {d}/error.log info;\n\
             events {{ worker_connections 256; }}\n\
             http {{\n\
             access_log {d}/access.log;\n\
             client_body_temp_path {d}/client_body;\n\
             proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fastcgi;\n\
             uwsgi_temp_path {d}/uwsgi;\n\
             scgi_temp_path {d}/scgi;\n\
             include {d}/site.conf;\n\
             }}\n"
        );
        std::fs::write(dir.join("nginx.conf"), main).unwrap();
        // One process (`master_process off`), so killing it leaves no worker behind.
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(&dir)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .arg("-g")
            .arg(format!("daemon off; master_process off; pid {d}/nginx.pid;"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.join("stderr.log")).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {NGINX}: {e}"));
        let mut nginx = Nginx { child, dir, address: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = nginx.child.try_wait().unwrap() {
                panic!("nginx exited ({status}) at start:\n{}", nginx.logs());
            }
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return nginx;
            }
            assert!(Instant::now() < deadline, "nginx did not listen on {port} within 10 s:\n{}", nginx.logs());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn logs(&self) -> String {
        let read = |name: &str| std::fs::read_to_string(self.dir.join(name)).unwrap_or_default();
        format!("stderr:\n{}\nerror.log:\n{}", read("stderr.log"), read("error.log"))
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The stub search application: `/search?q=...` answers a results page;
/// `hits` counts the searches that reached it.
async fn stub_search() -> (SocketAddr, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = web::Data::from(Arc::clone(&hits));
    let server = HttpServer::new(move || {
        App::new().app_data(counter.clone()).route(
            "/search",
            web::get().to(|hits: web::Data<AtomicUsize>| async move {
                hits.fetch_add(1, Ordering::SeqCst);
                HttpResponse::Ok()
                    .content_type("text/html; charset=utf-8")
                    .body("<!DOCTYPE html><html><body><h1>RESULTS</h1><p>10 results</p></body></html>")
            }),
        )
    })
    .workers(1)
    .disable_signals()
    .bind(("127.0.0.1", 0))
    .unwrap();
    let address = server.addrs()[0];
    tokio::spawn(server.run());
    (address, hits)
}

/// signpost, the stub search page and nginx in front of both.
struct Stack {
    nginx: Nginx,
    _signpost: TestApp,
    hits: Arc<AtomicUsize>,
    /// Follows redirects, as a browser does.
    browser: reqwest::Client,
}

async fn stack(site: impl FnOnce(&str) -> String) -> Stack {
    let port = free_port();
    let signpost = spawn_with(|c| c.public_url = Some(format!("http://127.0.0.1:{port}"))).await;
    let signpost_address: SocketAddr = signpost.address.trim_start_matches("http://").parse().unwrap();
    let (search, hits) = stub_search().await;
    let nginx = Nginx::start(&configure(&site(&example()), signpost_address, search, port), port).await;
    let browser = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    Stack { nginx, _signpost: signpost, hits, browser }
}

impl Stack {
    async fn search(&self, query: &str, language: &str) -> reqwest::Response {
        self.browser
            .get(format!("{}/search", self.nginx.address))
            .query(&[("q", query)])
            .header("accept-language", language)
            .send()
            .await
            .unwrap()
    }
}

/// The English warning titles (one per message variant).
fn english_titles() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/messages/en.toml");
    let messages: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let titles: Vec<String> = messages["variants"]
        .as_table()
        .unwrap()
        .values()
        .map(|variant| variant["title"].as_str().unwrap().to_owned())
        .collect();
    assert!(!titles.is_empty());
    titles
}

fn assert_warning_page(html: &str, nginx: &str) {
    assert!(
        english_titles().iter().any(|title| html.contains(&format!("<h1>{title}</h1>"))),
        "the warning title is shown:\n{html}"
    );
    assert!(html.contains(&format!("href=\"{nginx}/v1/go/")), "helpline links go through nginx:\n{html}");
    assert!(!html.contains("RESULTS"), "no results are shown:\n{html}");
}

#[tokio::test]
async fn an_innocent_query_through_nginx_gets_results() {
    skip_without!(Nginx);
    let stack = stack(str::to_owned).await;
    let response = stack.search("cheap flights to lisbon", "en").await;
    assert_eq!(response.status(), 200, "{}", stack.nginx.logs());
    assert!(response.url().path().starts_with("/search"));
    assert!(response.text().await.unwrap().contains("RESULTS"));
    assert_eq!(stack.hits.load(Ordering::SeqCst), 1);
    let no_query = stack.browser.get(format!("{}/search", stack.nginx.address)).send().await.unwrap();
    assert_eq!(no_query.status(), 200);
    assert!(no_query.text().await.unwrap().contains("RESULTS"));
}

#[tokio::test]
async fn a_listed_term_through_nginx_gets_the_warning_page() {
    skip_without!(Nginx);
    let stack = stack(str::to_owned).await;
    let nginx = &stack.nginx.address;
    let response = stack.search("z0rv1k pics", "en-GB,en;q=0.8").await;
    assert_eq!(response.status(), 200, "{}", stack.nginx.logs());
    assert!(
        response.url().as_str().starts_with(&format!("{nginx}/warning?t=")),
        "redirected to the warning page on the site: {}",
        response.url()
    );
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(response.headers().contains_key("content-security-policy"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert_warning_page(&html, nginx);
    assert_eq!(stack.hits.load(Ordering::SeqCst), 0, "the search never reached the search application");

    // The redirect itself: not cached, no referrer.
    let direct = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let redirect = direct.get(format!("{nginx}/search?q=zorvik")).send().await.unwrap();
    assert_eq!(redirect.status(), 302);
    assert_eq!(redirect.headers()["cache-control"], "no-store");
    assert_eq!(redirect.headers()["referrer-policy"], "no-referrer");

    // The page's stylesheet and helpline links work through nginx.
    let css = stack.browser.get(format!("{nginx}/assets/warning.css")).send().await.unwrap();
    assert_eq!(css.status(), 200);
    assert!(css.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
    let link_start = html.find(&format!("{nginx}/v1/go/")).unwrap();
    let link = html[link_start..].split('"').next().unwrap().replace("&amp;", "&");
    let go = direct.get(&link).send().await.unwrap();
    assert_eq!(go.status(), 302, "{link}");
    assert!(go.headers()["location"].to_str().unwrap().starts_with("https://"));

    // The reader's language reaches the gate.
    let german = stack.search("zorvik", "de-DE,de;q=0.9").await;
    assert_eq!(german.status(), 200);
    assert!(german.text().await.unwrap().contains("<html lang=\"de\""));
    assert_eq!(stack.hits.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_proxied_alternative_shows_the_warning_at_the_search_url() {
    skip_without!(Nginx);
    let stack = stack(proxy_alternative).await;
    let nginx = &stack.nginx.address;
    let response = stack.search("z0rv1k", "en").await;
    assert_eq!(response.status(), 200, "{}", stack.nginx.logs());
    assert!(response.url().as_str().starts_with(&format!("{nginx}/search?")), "no redirect: {}", response.url());
    assert_warning_page(&response.text().await.unwrap(), nginx);
    assert_eq!(stack.hits.load(Ordering::SeqCst), 0);
    let innocent = stack.search("weather", "en").await;
    assert!(innocent.text().await.unwrap().contains("RESULTS"));
}

#[tokio::test]
async fn with_signpost_down_or_slow_the_search_still_works() {
    skip_without!(Nginx);
    let (search, hits) = stub_search().await;
    // Down: nothing listens on the port.
    let closed: SocketAddr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    // Slow: connections are accepted by the kernel but never answered.
    let black_hole = TcpListener::bind("127.0.0.1:0").unwrap();
    let browser = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    for (case, signpost) in [("down", closed), ("slow", black_hole.local_addr().unwrap())] {
        let port = free_port();
        let nginx = Nginx::start(&configure(&example(), signpost, search, port), port).await;
        for query in ["zorvik", "cheap flights"] {
            let before = hits.load(Ordering::SeqCst);
            let started = Instant::now();
            let response =
                browser.get(format!("{}/search", nginx.address)).query(&[("q", query)]).send().await.unwrap();
            let elapsed = started.elapsed();
            assert_eq!(response.status(), 200, "signpost {case}, {query}: {}", nginx.logs());
            assert!(response.url().path().starts_with("/search"));
            assert!(response.text().await.unwrap().contains("RESULTS"), "signpost {case}: fail open");
            assert_eq!(hits.load(Ordering::SeqCst), before + 1);
            assert!(elapsed < Duration::from_secs(2), "signpost {case}: the gate gave up quickly ({elapsed:?})");
        }
    }
    drop(black_hole);
}
