//! Every bad request gets a clear JSON error with the right status, and
//! changes nothing.

use serde_json::json;

use crate::helpers::{error_code, spawn_app};

#[tokio::test]
async fn bad_json_is_400() {
    let app = spawn_app().await;
    for body in ["{", "[1,2]", "\"q\"", "{\"q\": 5}", "{\"q\": \"x\", \"colour\": 1}", ""] {
        let response = app
            .client
            .post(format!("{}/v1/check", app.address))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(error_code(response, 400).await, "invalid_json", "{body}");
    }
}

#[tokio::test]
async fn json_errors_never_repeat_what_was_sent() {
    let app = spawn_app().await;
    let marker = "MARKERzq";
    for body in [
        format!("\"{marker}\""),
        format!("{{\"{marker}\": 1}}"),
        // A name that mimics serde's own wording is not echoed either.
        format!("{{\"q\": \"x\", \"a, expected {marker}\": 1}}"),
        format!("{{\"q\": \"x\", \"locale\": [\"{marker}\"]}}"),
        format!("{{\"q\": \"{marker}\", \"session\": 5}}"),
    ] {
        for path in ["/v1/check", "/v1/chat", "/v1/events"] {
            let response = app
                .client
                .post(format!("{}{path}", app.address))
                .header("content-type", "application/json")
                .body(body.clone())
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 400, "{path} {body}");
            let text = response.text().await.unwrap();
            assert!(text.contains("invalid_json") && !text.contains(marker), "{path} {body}: {text}");
        }
    }
}

#[tokio::test]
async fn missing_query_is_400() {
    let app = spawn_app().await;
    assert_eq!(error_code(app.post_json("/v1/check", &json!({"locale": "en"})).await, 400).await, "missing_query");
    assert_eq!(error_code(app.get("/v1/check?locale=en").await, 400).await, "missing_query");
}

#[tokio::test]
async fn invalid_utf8_is_400() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/v1/check", app.address))
        .header("content-type", "application/json")
        .body(b"{\"q\": \"\xff\xfe\"}".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(response, 400).await, "invalid_utf8");
    assert_eq!(error_code(app.get("/v1/check?q=%FF%FE").await, 400).await, "invalid_utf8");
}

#[tokio::test]
async fn bad_parameters_are_400() {
    let app = spawn_app().await;
    for body in [
        json!({"q": "x", "country": "GBR"}),
        json!({"q": "x", "locale": "<script>"}),
        json!({"q": "x", "surface": "Has Spaces"}),
        json!({"q": "x", "session": ""}),
        json!({"q": "x", "session": "s".repeat(300)}),
    ] {
        assert_eq!(error_code(app.post_json("/v1/check", &body).await, 400).await, "invalid_parameter", "{body}");
    }
}

#[tokio::test]
async fn over_the_limits_is_413() {
    let app = spawn_app().await;
    let long = "a".repeat(1025);
    assert_eq!(error_code(app.post_json("/v1/check", &json!({"q": long})).await, 413).await, "query_too_long");
    assert_eq!(error_code(app.get(&format!("/v1/check?q={long}")).await, 413).await, "query_too_long");
    let exactly = "a".repeat(1024);
    assert_eq!(app.post_json("/v1/check", &json!({"q": exactly})).await.status(), 200);
    let huge = json!({"q": "x", "locale": "en", "padding": "p".repeat(20_000)});
    assert_eq!(error_code(app.post_json("/v1/check", &huge).await, 413).await, "body_too_large");
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let app = spawn_app().await;
    for content_type in [None, Some("text/plain"), Some("application/x-www-form-urlencoded")] {
        let mut request = app.client.post(format!("{}/v1/check", app.address)).body("{\"q\":\"x\"}");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        assert_eq!(error_code(request.send().await.unwrap(), 415).await, "unsupported_media_type");
    }
    let ok = app
        .client
        .post(format!("{}/v1/check", app.address))
        .header("content-type", "application/json; charset=utf-8")
        .body("{\"q\":\"x\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
}

#[tokio::test]
async fn unknown_paths_are_404_and_wrong_methods_405() {
    let app = spawn_app().await;
    assert_eq!(error_code(app.get("/v2/nothing").await, 404).await, "not_found");
    let response = app.client.delete(format!("{}/v1/check", app.address)).send().await.unwrap();
    assert_eq!(response.headers()["allow"], "GET, POST");
    assert_eq!(error_code(response, 405).await, "method_not_allowed");
    let response = app.client.post(format!("{}/healthz", app.address)).send().await.unwrap();
    assert_eq!(error_code(response, 405).await, "method_not_allowed");
    let response = app.client.get(format!("{}/admin/reload", app.address)).send().await.unwrap();
    assert_eq!(error_code(response, 405).await, "method_not_allowed");
}

#[tokio::test]
async fn errors_change_nothing() {
    let app = spawn_app().await;
    let before = app.service.metrics_text();
    let list_version = app.check("x").await["list_version"].clone();
    let _ = app.post_json("/v1/check", &json!({"q": "a".repeat(5000)})).await;
    let _ = app.client.post(format!("{}/admin/reload", app.address)).send().await.unwrap();
    assert_eq!(app.check("x").await["list_version"], list_version);
    assert!(before.contains("signpost_reloads_total 0"));
    assert!(app.service.metrics_text().contains("signpost_reloads_total 0"));
}
