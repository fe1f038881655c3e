//! The inline gate as nginx (`auth_request`) and Envoy (`ext_authz`, HTTP
//! mode) call it. (A real nginx in front of a stub search page is tested in
//! `nginx.rs`.)

use crate::helpers::{spawn_app, spawn_with};

#[tokio::test]
async fn nginx_style_subrequests() {
    let app = spawn_app().await;
    let gate = |uri: &'static str| {
        let app = &app;
        async move { app.client.get(format!("{}/v1/gate", app.address)).header("x-original-uri", uri).send().await.unwrap() }
    };
    let allow = gate("/search?q=cheap+flights").await;
    assert_eq!(allow.status(), 200);
    assert_eq!(allow.headers()["x-signpost-decision"], "allow");
    let warn = gate("/search?page=2&q=z0rv1k+pics").await;
    assert_eq!(warn.status(), 403);
    assert_eq!(warn.headers()["x-signpost-decision"], "warn");
    let page = warn.headers()["x-signpost-warning-url"].to_str().unwrap().to_owned();
    assert!(page.starts_with(&format!("{}/warning?t=", app.address)));
    let body: serde_json::Value = warn.json().await.unwrap();
    assert_eq!(body["decision"], "warn");
    for uri in ["/search?query=zorvik", "/search?search=zorvik", "/?s=zorvik"] {
        assert_eq!(gate(uri).await.status(), 403, "{uri}");
    }
    for uri in ["/search", "/search?other=zorvik", "/", "/search?q=%FF%FE"] {
        assert_eq!(gate(uri).await.status(), 200, "the gate fails open on {uri}");
    }
}

#[tokio::test]
async fn envoy_style_requests_keep_method_and_path() {
    let app = spawn_app().await;
    let warn = app.client.post(format!("{}/v1/gate/search?q=zorvik", app.address)).send().await.unwrap();
    assert_eq!(warn.status(), 403);
    let allow = app.client.put(format!("{}/v1/gate/search/deep/path?q=weather", app.address)).send().await.unwrap();
    assert_eq!(allow.status(), 200);
}

#[tokio::test]
async fn status_parameters_and_headers_are_configurable() {
    let app = spawn_with(|c| {
        c.gate.status = 451;
        c.gate.params = vec!["term".into()];
    })
    .await;
    let warn = app
        .client
        .get(format!("{}/v1/gate", app.address))
        .header("x-original-uri", "/find?term=zorvik")
        .header("accept-language", "de-DE,de;q=0.9,en;q=0.5")
        .header("x-signpost-country", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(warn.status(), 451);
    let body: serde_json::Value = warn.json().await.unwrap();
    assert_eq!(body["warning"]["locale"], "de");
    assert_eq!(body["warning"]["helplines"][0]["id"], "kein-taeter-werden");
    let ignored = app
        .client
        .get(format!("{}/v1/gate", app.address))
        .header("x-original-uri", "/find?q=zorvik")
        .send()
        .await
        .unwrap();
    assert_eq!(ignored.status(), 200, "only the configured parameter is read");
}

#[tokio::test]
async fn an_over_long_query_is_checked_on_its_first_kilobyte() {
    let app = spawn_app().await;
    let long = format!("/search?q=zorvik+{}", "a".repeat(3000));
    let response =
        app.client.get(format!("{}/v1/gate", app.address)).header("x-original-uri", long).send().await.unwrap();
    assert_eq!(response.status(), 403);
}
