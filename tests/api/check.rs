//! `/v1/check`: decisions and the warning payload.

use serde_json::json;

use crate::helpers::{spawn_app, spawn_with};

#[tokio::test]
async fn an_innocent_query_is_allowed_with_a_minimal_answer() {
    let app = spawn_app().await;
    let body = app.check("cheap flights to london").await;
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["decision", "list_version"]);
    assert_eq!(body["decision"], "allow");
    assert_eq!(body["list_version"].as_str().unwrap().len(), 12);
}

#[tokio::test]
async fn a_listed_term_gets_the_full_warning() {
    let app = spawn_app().await;
    let response = app
        .post_json("/v1/check", &json!({"q": "Z.0.R.V.1.K", "locale": "nl-BE", "country": "be", "surface": "search"}))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["decision"], "warn");
    let warning = &body["warning"];
    assert_eq!(warning["locale"], "nl");
    assert!(warning["title"].as_str().unwrap().len() > 5);
    assert!(warning["body"].as_str().unwrap().len() > 50);
    assert!(
        ["illegality", "harm-to-victims", "help-seeking", "consequences"].contains(&warning["theme"].as_str().unwrap())
    );
    let helplines = warning["helplines"].as_array().unwrap();
    assert_eq!(helplines[0]["id"], "stop-it-now-bruxelles", "the country's service comes first");
    assert!(helplines.iter().any(|h| h["worldwide"] == true), "services that serve everyone follow");
    for helpline in helplines {
        for field in ["name", "url", "confidentiality", "tracked_url"] {
            assert!(helpline[field].as_str().is_some_and(|s| !s.is_empty()), "{field} in {helpline}");
        }
        let tracked = helpline["tracked_url"].as_str().unwrap();
        assert!(tracked.starts_with(&format!("{}/v1/go/{}?t=", app.address, helpline["id"].as_str().unwrap())));
    }
    assert_eq!(warning["chatbot"]["flow"], "reach-out");
    assert_eq!(warning["chatbot"]["node"], "start");
    assert!(!warning["chatbot"]["choices"].as_array().unwrap().is_empty());
    assert!(warning["page_url"].as_str().unwrap().starts_with(&format!("{}/warning?t=", app.address)));
    let token = warning["event_token"].as_str().unwrap();
    let claims = app.service.verify_token(token).expect("the event token verifies");
    assert_eq!((claims.locale.as_str(), claims.country.as_deref()), ("nl", Some("BE")));
    assert_eq!(claims.surface.as_deref(), Some("search"));
    assert!(body.get("matches").is_none(), "explain mode is off by default");
}

#[tokio::test]
async fn get_with_query_parameters_decides_the_same() {
    let app = spawn_app().await;
    let response = app.get("/v1/check?q=zoooorvik&locale=de&country=DE").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["decision"], "warn");
    assert_eq!(body["warning"]["locale"], "de");
    let allow: serde_json::Value = app.get("/v1/check?q=weather+tomorrow").await.json().await.unwrap();
    assert_eq!(allow["decision"], "allow");
}

#[tokio::test]
async fn explain_mode_adds_entry_ids_and_categories_only_when_configured() {
    let app = spawn_with(|c| c.check.explain = true).await;
    let body = app.check("plimplom").await;
    let matches = body["matches"].as_array().unwrap();
    assert_eq!(matches[0]["category"], "fictional-terms");
    assert_eq!(matches[0]["list"], "demo");
    assert_eq!(matches[0]["entry"].as_str().unwrap().len(), 16);
    let text = body.to_string();
    assert!(!text.contains("plim"), "the answer never repeats the query or the term");
}

#[tokio::test]
async fn the_variant_is_stable_for_a_session_and_varies_across_sessions() {
    let app = spawn_app().await;
    let variant_of = |session: String| {
        let app = &app;
        async move {
            let body: serde_json::Value =
                app.post_json("/v1/check", &json!({"q": "zorvik", "session": session})).await.json().await.unwrap();
            body["warning"]["variant"].as_str().unwrap().to_owned()
        }
    };
    let first = variant_of("session-1".into()).await;
    for _ in 0..5 {
        assert_eq!(variant_of("session-1".into()).await, first);
    }
    let mut seen = std::collections::HashSet::new();
    for i in 0..60 {
        seen.insert(variant_of(format!("session-{i}")).await);
    }
    assert!(seen.len() >= 3, "60 sessions should see most of the 4 variants, saw {seen:?}");
}

#[tokio::test]
async fn a_control_arm_exists_only_when_configured() {
    let app = spawn_app().await;
    for i in 0..40 {
        let body: serde_json::Value =
            app.post_json("/v1/check", &json!({"q": "zorvik", "session": format!("s{i}")})).await.json().await.unwrap();
        assert_eq!(body["decision"], "warn");
    }
    let app = spawn_with(|c| c.experiment.control_weight = 1000.0).await;
    let body: serde_json::Value = app.post_json("/v1/check", &json!({"q": "zorvik"})).await.json().await.unwrap();
    assert_eq!(body["decision"], "allow", "with an overwhelming control weight the hit is not warned");
}

#[tokio::test]
async fn unknown_locales_and_countries_fall_back() {
    let app = spawn_app().await;
    let body: serde_json::Value = app
        .post_json("/v1/check", &json!({"q": "zorvik", "locale": "xx-YY", "country": "ZZ"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["warning"]["locale"], "en");
    let helplines = body["warning"]["helplines"].as_array().unwrap();
    assert!(helplines.iter().all(|h| h["worldwide"] == true), "an unknown country gets the services for everyone");
    assert!(!helplines.is_empty());
}
