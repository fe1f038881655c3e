//! Live reload: admin token rules, swapping lists, refusing broken lists,
//! SIGHUP, and a reload under load that drops nothing.

use crate::needs::skip_without;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use std::path::PathBuf;

use signpost::config::Config;

use crate::helpers::{ADMIN_TOKEN, TestApp, error_code, spawn_app, spawn_with};

#[tokio::test]
async fn admin_routes_are_off_without_a_token_and_need_the_right_one() {
    let app = spawn_app().await;
    let response = app.client.post(format!("{}/admin/reload", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 403);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("SIGNPOST_ADMIN_TOKEN"));
    let app = spawn_with(|c| c.admin_token = Some(ADMIN_TOKEN.into())).await;
    let none = app.client.post(format!("{}/admin/reload", app.address)).send().await.unwrap();
    assert_eq!(error_code(none, 401).await, "unauthorized");
    let wrong =
        app.client.post(format!("{}/admin/reload", app.address)).bearer_auth("wrong-token").send().await.unwrap();
    assert_eq!(error_code(wrong, 401).await, "unauthorized");
    let right = app.client.post(format!("{}/admin/reload", app.address)).bearer_auth(ADMIN_TOKEN).send().await.unwrap();
    assert_eq!(right.status(), 200);
}

fn write_list(dir: &std::path::Path, text: &str) {
    std::fs::write(dir.join("list.txt"), text).unwrap();
}

/// A service whose keywords are a directory holding `list.txt` = `text`,
/// changed further by `change`; returns it and the directory.
async fn spawn_with_list(text: &str, change: impl FnOnce(&mut Config)) -> (TestApp, PathBuf) {
    let (mut config, dir) = crate::helpers::test_config();
    let lists = dir.join("lists");
    std::fs::create_dir_all(&lists).unwrap();
    write_list(&lists, text);
    config.keywords = vec![lists.clone()];
    change(&mut config);
    (spawn_with(|c| *c = config).await, lists)
}

#[tokio::test]
async fn reload_swaps_lists_and_refuses_broken_ones() {
    let (app, lists) =
        spawn_with_list("@id live\n@version 1\nflurbex\n", |c| c.admin_token = Some(ADMIN_TOKEN.into())).await;
    assert_eq!(app.check("flurbex").await["decision"], "warn");
    assert_eq!(app.check("quimzle").await["decision"], "allow");
    let before = app.check("x").await["list_version"].clone();

    write_list(&lists, "@id live\n@version 2\nflurbex\nquimzle\n");
    let reload = |app: &crate::helpers::TestApp| {
        app.client.post(format!("{}/admin/reload", app.address)).bearer_auth(ADMIN_TOKEN).send()
    };
    let response = reload(&app).await.unwrap();
    assert_eq!(response.status(), 200);
    let report: serde_json::Value = response.json().await.unwrap();
    assert_eq!(report["lists"][0]["version"], "2");
    assert_eq!(app.check("quimzle").await["decision"], "warn");
    let after = app.check("x").await["list_version"].clone();
    assert_ne!(before, after);

    write_list(&lists, "@id live\n@version 3\nquimzle\n@nonsense\n/(/\n");
    let response = reload(&app).await.unwrap();
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("list.txt:4: unknown directive `@nonsense`"), "{message}");
    assert!(message.contains("list.txt:5: bad regular expression"), "{message}");
    assert_eq!(app.check("x").await["list_version"], after, "the old lists keep serving");
    assert_eq!(app.check("flurbex").await["decision"], "warn");
    assert!(app.service.metrics_text().contains("signpost_reload_failures_total 1"));

    // A file caught mid-copy: empty, or shorter than its header says.
    for cut in ["", "@entries 3\n@id live\nflurbex\n"] {
        write_list(&lists, cut);
        assert_eq!(reload(&app).await.unwrap().status(), 422, "{cut:?}");
        assert_eq!(app.check("quimzle").await["decision"], "warn", "the old lists keep serving");
    }
    assert!(app.service.metrics_text().contains("signpost_reload_failures_total 3"));
}

#[tokio::test]
async fn sighup_reloads_the_running_binary() {
    let (_, dir) = crate::helpers::test_config();
    write_list(&dir, "@version 1\nflurbex\n");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--keywords", dir.join("list.txt").to_str().unwrap()])
        .env("SIGNPOST_DATA_DIR", dir.join("data"))
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/v1/check");
    let decide = |q: &'static str| {
        let (client, url) = (&client, &url);
        async move {
            let body: serde_json::Value =
                client.post(url).json(&serde_json::json!({"q": q})).send().await.ok()?.json().await.ok()?;
            body["decision"].as_str().map(str::to_owned)
        }
    };
    let mut up = false;
    for _ in 0..200 {
        if decide("x").await.is_some() {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(up, "the service started");
    assert_eq!(decide("quimzle").await.as_deref(), Some("allow"));
    write_list(&dir, "@version 2\nflurbex\nquimzle\n");
    let pid = child.id().unwrap().to_string();
    assert!(std::process::Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    let mut reloaded = false;
    for _ in 0..100 {
        if decide("quimzle").await.as_deref() == Some("warn") {
            reloaded = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(reloaded, "SIGHUP reloaded the lists");
    child.kill().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reload_under_load_drops_nothing() {
    let (app, lists) = spawn_with_list("@version 1\nflurbex\n", |c| c.admin_token = Some(ADMIN_TOKEN.into())).await;
    let app = Arc::new(app);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (answered, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut workers = Vec::new();
    for _ in 0..8 {
        let (app, stop, answered, failed) = (app.clone(), stop.clone(), answered.clone(), failed.clone());
        workers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let response = app.post_json("/v1/check", &serde_json::json!({"q": "flurbex"})).await;
                let ok = response.status() == 200
                    && response.json::<serde_json::Value>().await.map(|b| b["decision"] == "warn").unwrap_or(false);
                if ok {
                    answered.fetch_add(1, Ordering::Relaxed)
                } else {
                    failed.fetch_add(1, Ordering::Relaxed)
                };
            }
        }));
    }
    for version in 2..22 {
        write_list(&lists, &format!("@version {version}\nflurbex\nword{version}x\n"));
        let response =
            app.client.post(format!("{}/admin/reload", app.address)).bearer_auth(ADMIN_TOKEN).send().await.unwrap();
        assert_eq!(response.status(), 200);
    }
    stop.store(true, Ordering::Relaxed);
    for worker in workers {
        worker.await.unwrap();
    }
    assert_eq!(failed.load(Ordering::Relaxed), 0, "a check failed or decided wrongly during reloads");
    assert!(answered.load(Ordering::Relaxed) > 100);
    assert!(app.service.metrics_text().contains("signpost_reloads_total 20"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_is_recorded_even_while_the_event_channel_is_full() {
    skip_without!(RedisServer);
    use signpost::analytics::{Dims, Event, EventKind, Tag};
    let redis = crate::redis_server::RedisServer::start().await;
    let (app, lists) = spawn_with_list("@id live\n@version 1\nflurbex\n", |c| {
        c.redis_url = Some(redis.url());
        c.analytics.channel_capacity = 1;
        c.analytics.flush_interval_ms = 50;
        c.analytics.redis_timeout_ms = 500;
    })
    .await;
    assert!(app.service.analytics().flush(std::time::Duration::from_secs(5)));
    let event = || Event {
        at: signpost::analytics::token::now_seconds(),
        kind: EventKind::Check { hit: false, warned: false },
        dims: Dims {
            list_version: "stall".into(),
            category: None,
            entry: None,
            variant: None,
            locale: Tag::default(),
            country: Tag::default(),
            surface: Tag::default(),
        },
        session: None,
    };
    // A stalled Redis holds the aggregator in a write, so the one-slot
    // channel fills and further events are dropped.
    redis.pause();
    app.service.analytics().record(event());
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    for _ in 0..3 {
        app.service.analytics().record(event());
    }
    write_list(&lists, "@id live\n@version 2\nflurbex\nquimzle\n");
    app.service.reload().await.expect("the reload succeeds");
    redis.resume();
    let dropped: u64 = app
        .service
        .metrics_text()
        .lines()
        .find_map(|line| line.strip_prefix("signpost_analytics_events_dropped_total "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(dropped > 0, "the channel was full: {dropped} events dropped");
    assert!(app.service.analytics().flush(std::time::Duration::from_secs(10)));
    let changes = app.service.analytics().source().expect("analytics on").expect("readable").changes().unwrap();
    assert!(
        changes.iter().any(|change| change.lists == ["live@2"]),
        "the change to version 2 is recorded: {changes:?}"
    );
}
