//! The hosted warning page and the tracked helpline redirect, as a client
//! sees them (the browser tests look at them as a person does).

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_warning_page_renders_the_payload_under_a_strict_policy() {
    let app = spawn_app().await;
    let body: serde_json::Value = app
        .post_json("/v1/check", &serde_json::json!({"q": "zorvik", "locale": "fr", "country": "BE"}))
        .await
        .json()
        .await
        .unwrap();
    let page_url = body["warning"]["page_url"].as_str().unwrap();
    let page = app.client.get(page_url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe"), "{csp}");
    let html = page.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\""));
    assert!(html.contains(body["warning"]["title"].as_str().unwrap()));
    assert!(html.contains("stop-it-now-bruxelles"));
    assert!(!html.contains("<script"), "the page works without JavaScript");
}

#[tokio::test]
async fn a_bad_token_still_shows_help() {
    let app = spawn_app().await;
    let page = app.get("/warning?t=forged.token&locale=nl").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<html lang=\"nl\""));
    assert!(html.contains("/v1/go/"));
}

#[tokio::test]
async fn tracked_links_redirect_to_the_service() {
    let app = spawn_app().await;
    let body: serde_json::Value =
        app.post_json("/v1/check", &serde_json::json!({"q": "zorvik", "country": "GB"})).await.json().await.unwrap();
    let first = &body["warning"]["helplines"][0];
    let response = app.client.get(first["tracked_url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], first["url"].as_str().unwrap());
    assert_eq!(response.headers()["referrer-policy"], "no-referrer");
    let expired = app.get("/v1/go/stop-it-now-uk-ie?t=bogus").await;
    assert_eq!(expired.status(), 302, "a person always reaches the helpline");
    assert_eq!(crate::helpers::error_code(app.get("/v1/go/no-such-helpline").await, 404).await, "not_found");
}

#[tokio::test]
async fn the_demo_page_and_component_are_served_under_a_strict_policy() {
    let app = crate::helpers::spawn_app().await;
    let page = app.get("/demo").await;
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.starts_with("default-src 'none'; script-src 'self'") && !csp.contains('\\') && !csp.contains("unsafe"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("/embed/signpost.js") && !html.contains("<script>"), "scripts only from files");
    for asset in ["/demo/app.js", "/demo/app.css", "/embed/signpost.js"] {
        assert_eq!(app.get(asset).await.status(), 200, "{asset}");
    }
    let component = app.get("/embed/signpost.js").await.text().await.unwrap();
    assert!(
        component.len() < 20 * 1024 && component.contains("customElements.define('signpost-warning'")
            || component.contains("customElements.define(\"signpost-warning\"")
    );
    let operator = crate::helpers::spawn_with(|c| c.keywords = vec![std::path::PathBuf::from("keywords")]).await;
    assert_eq!(operator.get("/demo").await.status(), 404, "no demo page with an operator's lists");
}

#[tokio::test]
async fn cross_origin_calls_only_from_configured_origins() {
    // A browser's preflight for a JSON POST from another site.
    async fn preflight(app: &crate::helpers::TestApp) -> reqwest::Response {
        app.client
            .request(reqwest::Method::OPTIONS, format!("{}/v1/check", app.address))
            .header("origin", "https://search.example")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
            .await
            .unwrap()
    }
    let closed = crate::helpers::spawn_app().await;
    assert!(preflight(&closed).await.headers().get("access-control-allow-origin").is_none());
    let open = crate::helpers::spawn_with(|c| c.cors_origins = vec!["https://search.example".into()]).await;
    let preflight = preflight(&open).await;
    assert_eq!(preflight.status(), 200);
    assert_eq!(preflight.headers()["access-control-allow-origin"], "https://search.example");
    let answer = open
        .client
        .post(format!("{}/v1/check", open.address))
        .header("origin", "https://search.example")
        .json(&serde_json::json!({"q": "zorvik"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.headers()["access-control-allow-origin"], "https://search.example");
    let other = open
        .client
        .get(format!("{}/v1/check?q=x", open.address))
        .header("origin", "https://elsewhere.example")
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // The browser APIs only: exact counts, readiness, exports and admin
    // never answer another origin, not even a configured one.
    for path in ["/v1/chat", "/v1/events"] {
        let preflight = open
            .client
            .request(reqwest::Method::OPTIONS, format!("{}{path}", open.address))
            .header("origin", "https://search.example")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
            .await
            .unwrap();
        assert_eq!(preflight.headers()["access-control-allow-origin"], "https://search.example", "{path}");
    }
    for path in ["/metrics", "/readyz", "/healthz", "/v1/stats", "/openapi.json", "/dashboard"] {
        let answer = open
            .client
            .get(format!("{}{path}", open.address))
            .header("origin", "https://search.example")
            .send()
            .await
            .unwrap();
        assert!(answer.headers().get("access-control-allow-origin").is_none(), "{path} answers no other origin");
    }
    let admin = open
        .client
        .request(reqwest::Method::OPTIONS, format!("{}/admin/reload", open.address))
        .header("origin", "https://search.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert!(admin.headers().get("access-control-allow-origin").is_none(), "no preflight for admin");
}
