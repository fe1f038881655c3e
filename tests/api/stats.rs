//! `GET /v1/stats`: the research export over HTTP — token rules, small-cell
//! suppression, breakdowns, CSV, and what every export names.

use std::time::Duration;

use serde_json::{Value, json};
use signpost::analytics::export::day_to_date;
use signpost::analytics::token::now_seconds;

use crate::helpers::{RESEARCH_TOKEN as TOKEN, TestApp, error_code, research_app, spawn_app, spawn_with};

async fn stats(app: &TestApp, query: &str) -> Value {
    let response = app.client.get(format!("{}/v1/stats?{query}", app.address)).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn send(app: &TestApp, query: &str, country: &str, times: usize) {
    for _ in 0..times {
        let response = app.post_json("/v1/check", &json!({"q": query, "country": country, "surface": "search"})).await;
        assert_eq!(response.status(), 200);
    }
}

fn flush(app: &TestApp) {
    assert!(app.service.analytics().flush(Duration::from_secs(5)));
}

#[tokio::test]
async fn the_research_token_is_required_and_explained() {
    let off = spawn_app().await;
    let response = off.get("/v1/stats").await;
    assert_eq!(response.status(), 403);
    let body: Value = response.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("SIGNPOST_RESEARCH_TOKEN"));
    let app = research_app().await;
    assert_eq!(error_code(app.get("/v1/stats").await, 401).await, "unauthorized");
    let wrong =
        app.client.get(format!("{}/v1/stats", app.address)).bearer_auth("nope-nope-nope-nope").send().await.unwrap();
    assert_eq!(error_code(wrong, 401).await, "unauthorized");
}

#[tokio::test]
async fn totals_and_buckets_count_checks_hits_and_warnings() {
    let app = research_app().await;
    send(&app, "cheap flights", "GB", 40).await;
    send(&app, "zorvik", "GB", 15).await;
    flush(&app);
    let export = stats(&app, "granularity=hour").await;
    let totals = &export["totals"];
    assert_eq!(
        (totals["checks"].as_u64(), totals["hits"].as_u64(), totals["warnings_shown"].as_u64()),
        (Some(55), Some(15), Some(15))
    );
    assert_eq!(totals["hits_per_1000_checks"].as_f64(), Some(272.7273));
    let buckets = export["buckets"].as_array().unwrap();
    assert_eq!(buckets.len(), 1);
    assert_eq!(buckets[0]["checks"], 55);
    assert!(buckets[0]["start"].as_str().unwrap().ends_with(":00:00Z"));
    assert_eq!(export["k"], 10);
    assert!(export["noise"].is_null());
    let version = app.service.list_version();
    assert_eq!(export["list_versions"], json!([version]));
    assert_eq!(export["in_force"]["list_version"], version);
    assert_eq!(export["in_force"]["variant_weights"]["help-to-stop"], 0.25);
    assert_eq!(export["changes"][0]["list_version"], version);
}

#[tokio::test]
async fn small_cells_are_withheld_with_their_complements() {
    let app = research_app().await;
    send(&app, "zorvik", "GB", 30).await;
    send(&app, "zorvik", "NL", 3).await;
    send(&app, "zorvik", "DE", 12).await;
    flush(&app);
    let export = stats(&app, "by=country").await;
    let groups = export["totals"]["groups"].as_array().unwrap();
    let by_country = |c: &str| groups.iter().find(|g| g["group"]["country"] == c).unwrap().clone();
    let nl = by_country("NL");
    assert!(nl["hits"].is_null(), "3 < k is withheld: {nl}");
    assert!(nl["suppressed"].as_array().unwrap().contains(&json!("hits")));
    // With only NL withheld, total − GB − DE would reveal it: one more goes.
    let withheld = ["GB", "NL", "DE"].iter().filter(|c| by_country(c)["hits"].is_null()).count();
    assert!(withheld >= 2, "complementary suppression: {groups:?}");
    assert_eq!(export["totals"]["hits"], 45, "the grand total stays published");
    assert!(nl["hits_per_1000_checks"].is_null(), "rates of withheld counts are withheld");
}

#[tokio::test]
async fn csv_on_request() {
    let app = research_app().await;
    send(&app, "zorvik", "GB", 12).await;
    flush(&app);
    let response = app
        .client
        .get(format!("{}/v1/stats?by=variant", app.address))
        .bearer_auth(TOKEN)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let text = response.text().await.unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("bucket,variant,checks,hits,warnings_shown,"));
    assert!(lines.all(|l| l.starts_with("total,") || l.contains("T00:00:00Z,")));
    let same = app.client.get(format!("{}/v1/stats?format=csv", app.address)).bearer_auth(TOKEN).send().await.unwrap();
    assert!(same.text().await.unwrap().starts_with("bucket,checks,"));
}

async fn csv_table(app: &TestApp, query: &str) -> String {
    let response = app.get_with_token(&format!("/v1/stats?{query}"), TOKEN).await;
    assert_eq!(response.status(), 200, "{query}");
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    response.text().await.unwrap()
}

#[tokio::test]
async fn csv_tables_carry_sessions_and_what_the_export_was_made_under() {
    let app = research_app().await;
    // Twelve sessions warned once, three of them warned a second time.
    for n in 0..12 {
        for _ in 0..if n < 3 { 2 } else { 1 } {
            let body = json!({"q": "zorvik", "session": format!("session-{n}"), "country": "GB"});
            assert_eq!(app.post_json("/v1/check", &body).await.status(), 200);
        }
    }
    flush(&app);

    let sessions = csv_table(&app, "format=csv&table=sessions").await;
    let mut lines = sessions.lines();
    assert_eq!(
        lines.next().unwrap(),
        "day,arm,sessions_with_hit,sessions_warned,sessions_warned_once,sessions_warned_again,warned_again_share,suppressed"
    );
    let all = lines.find(|l| l.starts_with("all,all,")).expect("a row for the whole period");
    let fields: Vec<&str> = all.split(',').collect();
    assert_eq!(fields[2..4], ["12", "12"], "{all}");
    // Three warned again is under k: withheld, and named.
    assert_eq!(fields[5], "", "{all}");
    assert!(fields[7].contains("sessions_warned_again"), "{all}");

    let unique = csv_table(&app, "format=csv&table=unique_sessions").await;
    let today = day_to_date((now_seconds() / 86_400) as u32);
    assert!(unique.starts_with("day,unique_sessions\n"), "{unique}");
    let estimate: u64 = unique
        .lines()
        .find(|l| l.starts_with(&today))
        .and_then(|l| l.split(',').nth(1))
        .and_then(|n| n.parse().ok())
        .expect("today's unique sessions are published");
    assert!((11..=13).contains(&estimate), "HyperLogLog estimate of 12: {estimate}");

    let about = csv_table(&app, "format=csv&table=about").await;
    let value = |key: &str| {
        about.lines().find_map(|l| l.strip_prefix(&format!("{key},")).map(str::to_owned)).unwrap_or_default()
    };
    assert_eq!(value("k"), "10");
    assert_eq!(value("noise"), "");
    let version = app.get("/readyz").await.json::<Value>().await.unwrap()["list_version"].as_str().unwrap().to_owned();
    assert_eq!(value("list_version_in_force"), version);
    assert!(value("list_versions_counted").contains(&version), "{about}");
    assert!(about.lines().any(|l| l.starts_with("weight_in_force:")), "{about}");
    assert!(about.lines().any(|l| l.starts_with("change:")), "the lists in force at the start: {about}");

    for (query, why) in [
        ("format=csv&table=nope", "one of buckets"),
        ("table=sessions", "for CSV"),
        ("format=csv&table=its", "needs `intervention"),
    ] {
        let response =
            app.client.get(format!("{}/v1/stats?{query}", app.address)).bearer_auth(TOKEN).send().await.unwrap();
        assert_eq!(response.status(), 400, "{query}");
        let body: Value = response.json().await.unwrap();
        assert!(body["error"]["message"].as_str().unwrap().contains(why), "{query}: {body}");
    }
}

#[tokio::test]
async fn surfaces_that_are_not_configured_are_counted_as_other() {
    let app = research_app().await;
    for surface in ["search", "made-up-1", "made-up-2"] {
        for _ in 0..10 {
            let body = json!({"q": "zorvik", "surface": surface});
            let answer: Value = app.post_json("/v1/check", &body).await.json().await.unwrap();
            assert_eq!(answer["decision"], "warn");
        }
    }
    // The gate reads the surface from a header, with the same rule.
    for surface in ["made-up-3", "search"] {
        for _ in 0..10 {
            let answer = app
                .client
                .get(format!("{}/v1/gate", app.address))
                .header("x-original-uri", "/search?q=zorvik")
                .header("x-signpost-surface", surface)
                .send()
                .await
                .unwrap();
            assert_eq!(answer.headers()["x-signpost-decision"], "warn");
        }
    }
    flush(&app);
    let export = stats(&app, "by=surface").await;
    let groups = export["totals"]["groups"].as_array().unwrap();
    let surfaces: Vec<(&str, u64)> =
        groups.iter().map(|g| (g["group"]["surface"].as_str().unwrap(), g["checks"].as_u64().unwrap())).collect();
    assert_eq!(surfaces, [("other", 30), ("search", 20)], "{groups:?}");
}

#[tokio::test]
async fn bad_parameters_are_refused() {
    let app = research_app().await;
    for query in [
        "from=yesterday",
        "granularity=month",
        "by=colour",
        "format=xml",
        "to=2020-01-01&from=2021-01-01",
        "nope=1",
        "granularity=hour&intervention=2026-11-20",
    ] {
        let response =
            app.client.get(format!("{}/v1/stats?{query}", app.address)).bearer_auth(TOKEN).send().await.unwrap();
        assert_eq!(error_code(response, 400).await, "invalid_parameter", "{query}");
    }
}

#[tokio::test]
async fn noise_is_stated_when_configured() {
    let app = spawn_with(|c| {
        c.research_token = Some(TOKEN.into());
        c.analytics.flush_interval_ms = 50;
        c.analytics.epsilon = Some(0.5);
    })
    .await;
    send(&app, "cheap flights", "GB", 20).await;
    flush(&app);
    let export = stats(&app, "").await;
    assert_eq!(export["noise"], json!({"mechanism": "laplace", "epsilon": 0.5, "scale": 2.0}));
    assert!(export["totals"]["checks"].as_u64().is_some());
}

/// Today (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    day_to_date((now_seconds() / 86_400) as u32)
}

#[tokio::test]
async fn repeated_requests_get_the_same_noisy_answer() {
    let app = spawn_with(|c| {
        c.research_token = Some(TOKEN.into());
        c.analytics.flush_interval_ms = 50;
        c.analytics.epsilon = Some(0.5);
    })
    .await;
    send(&app, "cheap flights", "GB", 30).await;
    send(&app, "zorvik", "GB", 20).await;
    flush(&app);
    let query = format!("from={0}&to={0}&granularity=hour&by=country", today());
    let first = stats(&app, &query).await;
    assert!(first["totals"]["checks"].as_u64().is_some());
    for _ in 0..3 {
        assert_eq!(stats(&app, &query).await, first, "the noise is fixed per count: averaging removes nothing");
    }
}

#[tokio::test]
async fn day_periods_are_whole_days() {
    let app = research_app().await;
    send(&app, "zorvik", "GB", 12).await;
    flush(&app);
    let today = today();
    let export = stats(&app, &format!("from={today}T05:00:00Z&to={today}T06:00:00Z")).await;
    assert_eq!(export["from"], format!("{today}T00:00:00Z"));
    assert!(export["to"].as_str().unwrap().ends_with("T00:00:00Z"), "{}", export["to"]);
    assert_eq!(export["totals"]["checks"], 12, "the whole day's counts");
    let hourly = stats(&app, &format!("from={today}T05:00:00Z&to={today}T06:00:00Z&granularity=hour")).await;
    assert_eq!(hourly["from"], format!("{today}T05:00:00Z"), "hours are whole already");
}
