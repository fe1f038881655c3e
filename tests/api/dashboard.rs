//! The research dashboard and `signpost simulate`: the token is enforced, a
//! browser signs in with a cookie, and the dashboard's statistics recover
//! the effects the simulator put into the traffic.

use std::time::Duration;

use signpost::analytics::export::day_to_date;
use signpost::simulate::{Simulation, run};

use crate::helpers::{RESEARCH_TOKEN as TOKEN, research_app, spawn_app, spawn_with};

#[tokio::test]
async fn the_dashboard_needs_the_research_token() {
    let off = spawn_app().await;
    let page = off.get("/dashboard").await;
    assert_eq!(page.status(), 403);
    assert!(page.text().await.unwrap().contains("SIGNPOST_RESEARCH_TOKEN"));
    let app = research_app().await;
    let page = app.get("/dashboard").await;
    assert_eq!(page.status(), 401);
    assert!(page.text().await.unwrap().contains("name=\"token\""), "a sign-in form");
    let wrong = app
        .client
        .post(format!("{}/dashboard/sign-in", app.address))
        .form(&[("token", "wrong-wrong-wrong")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert!(wrong.headers().get("set-cookie").is_none());
    let right =
        app.client.post(format!("{}/dashboard/sign-in", app.address)).form(&[("token", TOKEN)]).send().await.unwrap();
    assert_eq!(right.status(), 303);
    let cookie = right.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains(TOKEN), "the cookie holds a session, not the token");
    assert!(cookie.contains("Max-Age=28800"), "a session expires: {cookie}");
    let pair = cookie.split(';').next().unwrap().to_owned();
    let page = app.client.get(format!("{}/dashboard", app.address)).header("cookie", pair).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "{csp}");
    let bearer = app.client.get(format!("{}/dashboard", app.address)).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(bearer.status(), 200);
}

/// Signs in with `token`; the response.
async fn sign_in(app: &crate::helpers::TestApp, token: &str, proto: Option<&str>) -> reqwest::Response {
    let mut request = app.client.post(format!("{}/dashboard/sign-in", app.address)).form(&[("token", token)]);
    if let Some(proto) = proto {
        request = request.header("x-forwarded-proto", proto);
    }
    request.send().await.unwrap()
}

/// The `name=value` of a response's cookie.
fn cookie_pair(response: &reqwest::Response) -> String {
    response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_dashboard_session_ends_on_sign_out_and_wrong_tokens_are_limited() {
    let app = research_app().await;
    let page = |cookie: String| {
        let client = app.client.clone();
        let url = format!("{}/dashboard", app.address);
        async move { client.get(url).header("cookie", cookie).send().await.unwrap().status().as_u16() }
    };
    let signed_in = sign_in(&app, TOKEN, None).await;
    assert!(!signed_in.headers()["set-cookie"].to_str().unwrap().contains("Secure"), "plain http");
    let (first, second) = (cookie_pair(&signed_in), cookie_pair(&sign_in(&app, TOKEN, None).await));
    assert_ne!(first, second, "each sign-in is its own session");
    assert_eq!(page(first.clone()).await, 200);
    let out = app
        .client
        .post(format!("{}/dashboard/sign-out", app.address))
        .header("cookie", first.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let cleared = out.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cleared.contains("Max-Age=0"), "the cookie is cleared: {cleared}");
    assert_eq!(page(first.clone()).await, 401, "the signed-out session no longer opens the dashboard");
    assert_eq!(page(second.clone()).await, 200, "another session goes on");
    let forged = format!("{}9", first);
    assert_eq!(page(forged).await, 401);

    // Behind a TLS-terminating proxy the cookie is Secure.
    let behind_tls = sign_in(&app, TOKEN, Some("https")).await;
    assert!(behind_tls.headers()["set-cookie"].to_str().unwrap().contains("Secure"));

    // Ten wrong tokens in a minute pause sign-ins, the right token included.
    let mut statuses = Vec::new();
    for _ in 0..10 {
        statuses.push(sign_in(&app, "wrong-wrong-wrong", None).await.status().as_u16());
    }
    assert!(statuses.iter().all(|s| *s == 401 || *s == 429), "{statuses:?}");
    let paused = sign_in(&app, TOKEN, None).await;
    assert_eq!(paused.status(), 429, "sign-in paused after ten wrong tokens");
    assert!(paused.headers().get("set-cookie").is_none());
    assert_eq!(page(second).await, 200, "sessions already open are not affected");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_out_on_one_instance_ends_the_session_on_every_instance_of_a_fleet() {
    crate::needs::skip_without!(RedisServer);
    let redis = crate::redis_server::RedisServer::start().await;
    let fleet_member = || {
        let url = redis.url();
        move |c: &mut signpost::config::Config| {
            c.research_token = Some(TOKEN.into());
            c.token_secret = Some("a-fleet-secret-0123456789-0123456789-abcdef".into());
            c.redis_url = Some(url);
        }
    };
    let (first, second) = (spawn_with(fleet_member()).await, spawn_with(fleet_member()).await);
    let page = |app: &crate::helpers::TestApp, cookie: String| {
        let (client, url) = (app.client.clone(), format!("{}/dashboard", app.address));
        async move { client.get(url).header("cookie", cookie).send().await.unwrap().status().as_u16() }
    };
    let stats = |app: &crate::helpers::TestApp, cookie: String| {
        let (client, url) = (app.client.clone(), format!("{}/v1/stats", app.address));
        async move { client.get(url).header("cookie", cookie).send().await.unwrap().status().as_u16() }
    };
    let (session, other) =
        (cookie_pair(&sign_in(&first, TOKEN, None).await), cookie_pair(&sign_in(&first, TOKEN, None).await));
    assert_eq!(page(&second, session.clone()).await, 200, "a fleet sharing the secret shares the sessions");
    let out = first
        .client
        .post(format!("{}/dashboard/sign-out", first.address))
        .header("cookie", session.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(page(&second, session.clone()).await, 401, "signed out on the other instance too");
    assert_eq!(stats(&second, session.clone()).await, 401, "the export as well");
    assert_eq!(page(&first, session).await, 401);
    assert_eq!(page(&second, other.clone()).await, 200, "another session goes on");
    assert_eq!(stats(&second, other).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_dashboard_recovers_the_simulated_effects() {
    let app = research_app().await;
    let simulation = Simulation {
        base_url: app.address.clone(),
        days: 21,
        checks_per_day: 1200,
        intervention_day: 10,
        ..Simulation::default()
    };
    let sim = simulation.clone();
    let report = tokio::task::spawn_blocking(move || run(&sim, |_, _| {})).await.unwrap().unwrap();
    assert_eq!(report.failures, 0);
    assert!(report.checks > 20_000, "{report:?}");
    assert!(app.service.analytics().flush(Duration::from_secs(10)));
    let intervention = day_to_date(simulation.first_day() + simulation.intervention_day);
    let from = day_to_date(simulation.first_day());
    let export: serde_json::Value = app
        .get_with_token(&format!("/v1/stats?from={from}&intervention={intervention}&by=variant"), TOKEN)
        .await
        .json()
        .await
        .unwrap();
    // The hit rate fell by 10 per 1,000 at the intervention and by 0.3 per
    // day after it; the regression finds both (within three standard errors).
    let fit = &export["its"]["fit"];
    let within = |term: &str, truth: f64| {
        let estimate = fit[term]["estimate"].as_f64().unwrap();
        let se = fit[term]["standard_error"].as_f64().unwrap();
        assert!((estimate - truth).abs() <= 3.0 * se + 0.05 * truth.abs(), "{term}: {estimate} ± {se}, truth {truth}");
    };
    within("baseline_level", simulation.hit_rate_before * 1000.0);
    within("level_change", (simulation.hit_rate_after - simulation.hit_rate_before) * 1000.0);
    within("slope_change", simulation.slope_after * 1000.0);
    // Turn-back per arm is the share of warned sessions warned only once.
    for row in export["sessions"].as_array().unwrap().iter().filter(|r| r["day"] == "all" && r["arm"] != "all") {
        let arm = row["arm"].as_str().unwrap();
        let (warned, once) = (row["sessions_warned"].as_f64().unwrap(), row["sessions_warned_once"].as_f64().unwrap());
        let truth = simulation.turn_back[arm];
        let se = (truth * (1.0 - truth) / warned).sqrt();
        assert!((once / warned - truth).abs() <= 3.5 * se, "{arm}: {once}/{warned}, truth {truth}");
    }
    // The page draws the series and the regression.
    let page = app
        .client
        .get(format!("{}/dashboard?from={from}&intervention={intervention}", app.address))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for expected in
        ["Hits per 1,000 checks", "Funnel", "Turn-back rate", "level change at the intervention", "<svg role=\"img\""]
    {
        assert!(page.contains(expected), "{expected}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simulate_refuses_a_service_with_an_operators_lists() {
    let operator = spawn_with(|c| c.keywords = vec![std::path::PathBuf::from("keywords")]).await;
    let ready: serde_json::Value = operator.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["demo"], false);
    let simulation =
        Simulation { base_url: operator.address.clone(), days: 2, checks_per_day: 50, ..Simulation::default() };
    let refused = tokio::task::spawn_blocking(move || run(&simulation, |_, _| {})).await.unwrap();
    let message = refused.expect_err("no simulated traffic into real statistics").to_string();
    assert!(message.contains("not in demo mode") && message.contains("nothing was sent"), "{message}");
    let metrics = operator.get("/metrics").await.text().await.unwrap();
    assert!(!metrics.contains("/v1/check"), "no check was sent:\n{metrics}");

    let demo = spawn_app().await;
    let ready: serde_json::Value = demo.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["demo"], true);
}
