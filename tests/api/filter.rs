//! `POST /v1/filter`: candidate suggestions filtered in one call — the
//! indices of those that match, counted as suggestions and never as
//! searches, with every refusal clear and changing nothing.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{RESEARCH_TOKEN, TestApp, error_code, research_app, spawn_app, spawn_with};

fn flush(app: &TestApp) {
    assert!(app.service.analytics().flush(Duration::from_secs(5)));
}

async fn totals(app: &TestApp) -> Value {
    let response =
        app.client.get(format!("{}/v1/stats", app.address)).bearer_auth(RESEARCH_TOKEN).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["totals"].clone()
}

#[tokio::test]
async fn the_indices_of_the_items_that_match_are_blocked() {
    let app = spawn_app().await;
    let items = json!(["cheap flights", "zorvik", "weather tomorrow", "Z0RV1K pics", "zor vik", "flamboyant chef"]);
    let response = app.post_json("/v1/filter", &json!({"items": items, "locale": "en", "country": "GB"})).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["blocked"], json!([1, 3, 4]));
    assert_eq!(body["list_version"], app.service.list_version());
    // Each item decides as a check of it would.
    for (index, item) in items.as_array().unwrap().iter().enumerate() {
        let check: Value = app.post_json("/v1/check", &json!({"q": item})).await.json().await.unwrap();
        let blocked = body["blocked"].as_array().unwrap().contains(&json!(index));
        assert_eq!(check["decision"] != "allow", blocked, "{item}");
    }
    let empty: Value = app.post_json("/v1/filter", &json!({"items": []})).await.json().await.unwrap();
    assert_eq!(empty["blocked"], json!([]));
}

#[tokio::test]
async fn suggestions_are_counted_apart_from_searches() {
    let app = research_app().await;
    for _ in 0..5 {
        let items = json!(["zorvik", "cheap flights", "z0rvik", "weather"]);
        let response = app.post_json("/v1/filter", &json!({"items": items, "surface": "search"})).await;
        assert_eq!(response.status(), 200);
    }
    flush(&app);
    let totals = totals(&app).await;
    assert_eq!(totals["suggestions_checked"], 20, "{totals}");
    assert_eq!(totals["suggestions_blocked"], 10, "{totals}");
    assert_eq!(totals["checks"], 0, "suggestions are not searches: {totals}");
    assert_eq!(totals["hits"], 0, "{totals}");
    assert_eq!(totals["warnings_shown"], 0, "{totals}");
}

#[tokio::test]
async fn every_bad_request_is_refused_clearly_and_counts_nothing() {
    let app = research_app().await;
    let limit = signpost::config::Config::default().limits.max_query_bytes;
    let many: Vec<String> = (0..101).map(|n| format!("item {n}")).collect();
    let secret = "zorvik-".repeat(limit / 7 + 1);
    let cases = [
        (json!({}), 400, "missing_items"),
        (json!({"items": many}), 413, "too_many_items"),
        (json!({"items": ["fine", secret]}), 413, "item_too_long"),
        (json!({"items": ["fine", 4]}), 400, "invalid_json"),
        (json!({"items": "zorvik"}), 400, "invalid_json"),
        (json!({"items": ["zorvik"], "q": "zorvik"}), 400, "invalid_json"),
        (json!({"items": ["zorvik"], "country": "Britain"}), 400, "invalid_parameter"),
        (json!({"items": ["zorvik"], "surface": "Not A Surface"}), 400, "invalid_parameter"),
    ];
    for (body, status, code) in cases {
        let response = app.post_json("/v1/filter", &body).await;
        let text = response.text().await.unwrap();
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["error"]["code"], code, "{body}: {text}");
        assert!(!text.contains("zorvik"), "errors describe the schema, never what was sent: {text}");
        let again = app.post_json("/v1/filter", &body).await;
        assert_eq!(again.status(), status, "{body}");
    }
    let form = app
        .client
        .post(format!("{}/v1/filter", app.address))
        .header("content-type", "text/plain")
        .body("zorvik")
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(form, 415).await, "unsupported_media_type");
    assert_eq!(app.get("/v1/filter?items=zorvik").await.status(), 405);
    // 100 items of the query limit fit (the body limit makes room for them).
    let full: Vec<String> = (0..100).map(|_| "a".repeat(limit)).collect();
    assert_eq!(app.post_json("/v1/filter", &json!({"items": full})).await.status(), 200);
    flush(&app);
    let totals = totals(&app).await;
    assert_eq!(totals["suggestions_checked"], 100, "only the accepted call counted: {totals}");
}

#[tokio::test]
async fn operator_api_keys_are_required_when_configured() {
    let key = "operator-key-0123456789abcdef";
    let app = spawn_with(|config| config.api_keys = vec![key.into()]).await;
    let body = json!({"items": ["zorvik"]});
    assert_eq!(error_code(app.post_json("/v1/filter", &body).await, 401).await, "unauthorized");
    let response =
        app.client.post(format!("{}/v1/filter", app.address)).bearer_auth(key).json(&body).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap()["blocked"], json!([0]));
}
