//! `/dashboard`: the research dashboard — server-rendered HTML with SVG
//! charts, no JavaScript, behind the research token. A browser signs in once
//! with the token (a form that sets a session cookie, see `http::session`;
//! **Sign out** ends it); tools can send
//! `Authorization: Bearer` instead. Small cells stay withheld exactly as in
//! the export (the page is built from exports).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;

use super::stats::{ResearchPeriod, research_period};
use crate::analytics::cell::HOUR_SECONDS;
use crate::analytics::export::{Export, Granularity, NoiseKey, StatsQuery, export_with_key};
use crate::analytics::token::now_seconds;
use crate::http::auth::{DASHBOARD_COOKIE, require_research, same};
use crate::http::error::ApiError;
use crate::http::extract::for_each_query_pair;
use crate::http::session::{DashboardSessions, SESSION_SECONDS};
use crate::http::state::AppState;
use crate::research::dashboard::{Dashboard, build, markers};
use crate::research::plots::{Marker, Series, bars, intervals, lines};

/// The policy of the dashboard: our stylesheet, inline SVG, forms to itself.
pub const DASHBOARD_CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const DASHBOARD_CSS: &str = include_str!("../assets/dashboard.css");

fn page(status: StatusCode, markup: Markup) -> HttpResponse {
    crate::web::page_response(status, DASHBOARD_CSP, markup)
}

fn shell(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · signpost" }
                link rel="stylesheet" href="/assets/dashboard.css";
            }
            body { main id="main" { (body) } }
        }
    }
}

/// The dashboard's stylesheet.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok().content_type("text/css; charset=utf-8").body(DASHBOARD_CSS)
}

/// The sign-in form's field.
#[derive(Debug, Deserialize)]
pub struct SignIn {
    /// The research token.
    pub token: String,
}

/// Whether cookies must be `Secure`: the public URL is https, or a
/// TLS-terminating proxy says the request came over https.
fn over_tls(request: &HttpRequest, state: &AppState) -> bool {
    state.public_base.starts_with("https://")
        || request
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

/// Signs a browser in with the research token: sets a session cookie (eight
/// hours, revocable), never the token. Wrong tokens are limited per minute.
pub async fn sign_in(request: HttpRequest, state: web::Data<AppState>, form: web::Form<SignIn>) -> HttpResponse {
    let Some(expected) = &state.config.research_token else {
        return page(StatusCode::FORBIDDEN, switched_off());
    };
    let now = now_seconds();
    let sessions = &state.dashboard_sessions;
    if !sessions.may_try(now) {
        let problem = "Too many wrong tokens were tried: sign-in is paused until the end of this minute.";
        return page(StatusCode::TOO_MANY_REQUESTS, sign_in_form(Some(problem)));
    }
    if !same(form.token.trim(), expected) {
        sessions.failed(now);
        return page(StatusCode::UNAUTHORIZED, sign_in_form(Some("That token is not valid.")));
    }
    let cookie = Cookie::build(DASHBOARD_COOKIE, sessions.issue(expected, now))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(over_tls(&request, &state))
        .max_age(actix_web::cookie::time::Duration::seconds(SESSION_SECONDS as i64))
        .finish();
    HttpResponse::SeeOther().cookie(cookie).insert_header((header::LOCATION, "/dashboard")).finish()
}

/// Signs a browser out: ends its session and clears the cookie.
pub async fn sign_out(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    if let Some(cookie) = request.cookie(DASHBOARD_COOKIE) {
        let now = now_seconds();
        state.dashboard_sessions.revoke(cookie.value(), now);
        if let Some((id, expires)) = DashboardSessions::id_of(cookie.value()) {
            let replay = std::sync::Arc::clone(&state.replay);
            let _ = web::block(move || replay.revoke_session(id, expires, now)).await;
        }
    }
    let mut cleared = Cookie::build(DASHBOARD_COOKIE, "")
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(over_tls(&request, &state))
        .finish();
    cleared.make_removal();
    HttpResponse::SeeOther().cookie(cleared).insert_header((header::LOCATION, "/dashboard")).finish()
}

fn switched_off() -> Markup {
    shell(
        "Dashboard",
        html! {
            h1 { "The research dashboard is switched off" }
            p { "Set " code { "SIGNPOST_RESEARCH_TOKEN" } " (or " code { "research_token" } " in the configuration file) to a secret of 16 or more characters to enable it." }
        },
    )
}

fn sign_in_form(problem: Option<&str>) -> Markup {
    shell(
        "Sign in",
        html! {
            h1 { "Research dashboard" }
            @if let Some(problem) = problem { p class="problem" role="alert" { (problem) } }
            form method="post" action="/dashboard/sign-in" {
                label for="token" { "Research token" }
                input id="token" name="token" type="password" autocomplete="current-password" required;
                button type="submit" { "Sign in" }
            }
        },
    )
}

/// The dashboard page.
pub async fn dashboard(request: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match require_research(&request, &state).await {
        Ok(()) => {}
        Err(ApiError::Forbidden(_)) => return Ok(page(StatusCode::FORBIDDEN, switched_off())),
        Err(_) => return Ok(page(StatusCode::UNAUTHORIZED, sign_in_form(None))),
    }
    let (mut from, mut to, mut granularity, mut intervention) = (None, None, None, None);
    for_each_query_pair(request.query_string(), |key, value| {
        let slot = match &*key {
            "from" => &mut from,
            "to" => &mut to,
            "granularity" => &mut granularity,
            "intervention" => &mut intervention,
            _ => {
                return Err(ApiError::InvalidParameter("known parameters: from, to, granularity, intervention".into()));
            }
        };
        *slot = Some(value.into_owned()).filter(|v: &String| !v.is_empty());
        Ok(())
    })?;
    let ResearchPeriod { from_hour, to_hour, granularity, intervention: intervention_day } =
        research_period(from.as_deref(), to.as_deref(), granularity.as_deref(), intervention.as_deref())?;
    let Some(source) = state.analytics.source() else {
        return Err(ApiError::Unavailable("analytics are off: nothing is counted".into()));
    };
    let mut source = source.map_err(|e| ApiError::Unavailable(e.to_string()))?;
    let engine = state.engine.load();
    let force = engine.in_force();
    let options = state.config.analytics.clone();
    let query = |granularity: Granularity, by: &[&str]| StatsQuery {
        from_hour,
        to_hour,
        granularity,
        by: by.iter().map(|b| (*b).to_owned()).collect(),
        k: options.min_cell,
        epsilon: options.epsilon,
    };
    let export_query = query(granularity, &["variant"]);
    // The same key as `/v1/stats`: the page shows the same answers.
    let key = NoiseKey::from_secret(state.config.token_secret.as_deref());
    let built = web::block(move || -> Result<(Export, Dashboard), crate::analytics::export::ExportError> {
        let export = export_with_key(source.as_mut(), &export_query, force, &key)?;
        let model = build(&export, intervention_day);
        Ok((export, model))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let (series, model) = built;
    let form = (from.unwrap_or_default(), to.unwrap_or_default(), intervention.unwrap_or_default());
    Ok(page(StatusCode::OK, render(&series, &model, granularity, &form, intervention_day)))
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "withheld".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn count(value: Option<u64>) -> String {
    value.map_or_else(|| "withheld".to_owned(), |v| v.to_string())
}

fn render(
    series: &Export,
    model: &Dashboard,
    granularity: Granularity,
    form: &(String, String, String),
    intervention_day: Option<u32>,
) -> Markup {
    let mut time_markers = markers(series);
    if let Some(its) = &model.its {
        if let Some(position) = series.buckets.iter().position(|b| b.start.starts_with(&its.intervention)) {
            time_markers.push(Marker { x: position as f64 - 0.5, label: format!("intervention {}", its.intervention) });
        }
    }
    let checks_chart = lines(
        "Checks",
        "checks",
        &model.labels,
        &[Series { name: "checks", values: model.checks.clone() }],
        &time_markers,
        None,
    );
    let hits_chart = lines(
        "Hits per 1,000 checks",
        "hits per 1,000",
        &model.labels,
        &[Series { name: "hits per 1,000 checks", values: model.hits_per_1000.clone() }],
        &time_markers,
        None,
    );
    let funnel_chart = bars(
        "Funnel",
        "count",
        &model.funnel.iter().map(|(l, c, _)| (l.clone(), c.map(|v| v as f64))).collect::<Vec<_>>(),
    );
    let again_chart = lines(
        "Share of warned sessions warned again, by day",
        "share",
        &model.session_days,
        &[Series { name: "warned again", values: model.warned_again.clone() }],
        &[],
        None,
    );
    let turn_back: Vec<(String, f64, f64, f64)> =
        model.variants.iter().filter_map(|v| v.turn_back.map(|p| (v.arm.clone(), p.estimate, p.low, p.high))).collect();
    let help: Vec<(String, f64, f64, f64)> = model
        .variants
        .iter()
        .filter_map(|v| v.help_seeking.map(|p| (v.arm.clone(), p.estimate, p.low, p.high)))
        .collect();
    let its_chart = model.its.as_ref().map(|its| {
        let labels: Vec<String> = its.points.iter().map(|p| p.day.get(5..).unwrap_or(&p.day).to_owned()).collect();
        let position = its.points.iter().position(|p| p.day >= its.intervention).unwrap_or(0);
        lines(
            "Interrupted time series: hits per 1,000 checks, by day",
            "hits per 1,000",
            &labels,
            &[Series { name: "observed", values: its.points.iter().map(|p| Some(p.hits_per_1000_checks)).collect() }],
            &[Marker { x: position as f64 - 0.5, label: format!("intervention {}", its.intervention) }],
            Some(&its.points.iter().map(|p| Some(p.fitted)).collect::<Vec<_>>()),
        )
    });
    let granularity_name = granularity.name();
    shell(
        "Research dashboard",
        html! {
            h1 { "Research dashboard" }
            form method="post" action="/dashboard/sign-out" class="sign-out" {
                button type="submit" { "Sign out" }
            }
            p class="meta" {
                "Period " (series.from) " to " (series.to) " · by " (granularity_name)
                " · counts below " (series.k) " are withheld"
                @if let Some(noise) = &series.noise { " · Laplace noise, ε = " (noise.epsilon) }
                " · lists " (series.in_force.list_version) " · content " (series.in_force.content_version)
            }
            form method="get" action="/dashboard" class="controls" {
                label { "From " input type="date" name="from" value=(form.0); }
                label { "To " input type="date" name="to" value=(form.1); }
                label { "Buckets "
                    select name="granularity" {
                        @for g in ["hour", "day", "week"] {
                            option value=(g) selected[g == granularity_name] { (g) }
                        }
                    }
                }
                label { "Intervention " input type="date" name="intervention" value=(form.2); }
                button type="submit" { "Show" }
            }
            section aria-labelledby="searches" {
                h2 id="searches" { "Searches over time" }
                figure { (PreEscaped(checks_chart)) }
                figure { (PreEscaped(hits_chart)) }
                @if !series.changes.is_empty() {
                    details {
                        summary { "Changes of lists, content and weights" }
                        ul { @for c in &series.changes { li { (crate::analytics::export::hour_to_rfc3339((c.at / HOUR_SECONDS) as u32)) ": lists " (c.lists.join(", ")) ", content " (c.content_version) } } }
                    }
                }
            }
            section aria-labelledby="funnel" {
                h2 id="funnel" { "From warning to help" }
                figure { (PreEscaped(funnel_chart)) }
                table {
                    caption { "Totals for the period, and as a share of warnings shown" }
                    thead { tr { th scope="col" { "step" } th scope="col" { "count" } th scope="col" { "of warnings shown" } } }
                    tbody { @for (label, value, share) in &model.funnel { tr { th scope="row" { (label) } td { (count(*value)) } td { (percent(*share)) } } } }
                }
            }
            section aria-labelledby="sessions" {
                h2 id="sessions" { "Warned again" }
                p { "Share of sessions warned on a day that were warned again that day. reThink's \"did not search again\" is one minus this." }
                figure { (PreEscaped(again_chart)) }
            }
            section aria-labelledby="variants" {
                h2 id="variants" { "Message variants" }
                @if let Some(reference) = &model.reference { p { "Tests compare each arm with " strong { (reference) } " (two-proportion z-test, two-sided). Intervals are 95% Wilson intervals." } }
                @if !turn_back.is_empty() { figure { (PreEscaped(intervals("Turn-back rate (warned once of warned sessions)", "share", &turn_back))) } }
                @if !help.is_empty() { figure { (PreEscaped(intervals("Help-seeking rate (helpline clicks per warning shown)", "share", &help))) } }
                table {
                    caption { "Turn-back and help-seeking by arm" }
                    thead { tr {
                        th scope="col" { "arm" } th scope="col" { "turn-back" } th scope="col" { "95% interval" } th scope="col" { "p vs reference" }
                        th scope="col" { "help-seeking" } th scope="col" { "95% interval" } th scope="col" { "p vs reference" }
                    } }
                    tbody { @for v in &model.variants { tr {
                        th scope="row" { (v.arm) }
                        td { (percent(v.turn_back.map(|p| p.estimate))) }
                        td { (v.turn_back.map_or_else(|| "–".to_owned(), |p| format!("{:.1}–{:.1}%", p.low * 100.0, p.high * 100.0))) }
                        td { (v.turn_back_test.map_or_else(|| "–".to_owned(), |c| format!("{:.4}", c.p_value))) }
                        td { (percent(v.help_seeking.map(|p| p.estimate))) }
                        td { (v.help_seeking.map_or_else(|| "–".to_owned(), |p| format!("{:.2}–{:.2}%", p.low * 100.0, p.high * 100.0))) }
                        td { (v.help_seeking_test.map_or_else(|| "–".to_owned(), |c| format!("{:.4}", c.p_value))) }
                    } } }
                }
            }
            section aria-labelledby="its" {
                h2 id="its" { "Interrupted time series" }
                @match (&model.its, intervention_day) {
                    (Some(its), _) => {
                        @if let Some(chart) = &its_chart { figure { (PreEscaped(chart.clone())) } }
                        table {
                            caption { "Segmented regression of hits per 1,000 checks per day (least squares; 95% intervals with Newey–West standard errors, Student's t)" }
                            thead { tr { th scope="col" { "term" } th scope="col" { "estimate" } th scope="col" { "95% interval" } } }
                            tbody {
                                @for (name, c) in [("level before", its.fit.baseline_level), ("slope before (per day)", its.fit.baseline_slope), ("level change at the intervention", its.fit.level_change), ("slope change (per day)", its.fit.slope_change)] {
                                    tr { th scope="row" { (name) } td { (format!("{:.3}", c.estimate)) } td { (format!("{:.3} to {:.3}", c.low, c.high)) } }
                                }
                            }
                        }
                        p class="note" { "Days with a withheld count are left out. The standard errors allow for correlation between neighbouring days (Newey–West, " (its.fit.lags) " lags, never below the least-squares error); the residuals' lag-1 autocorrelation is " (format!("{:.2}", its.fit.residual_autocorrelation)) "." }
                    }
                    (None, Some(_)) if granularity != Granularity::Day => { p { "The interrupted time series is fitted to daily rates: choose the Day granularity." } }
                    (None, Some(_)) => { p { "Not enough days on both sides of the intervention (at least two each, six in all): widen the period with an earlier “from” date." } }
                    (None, None) => { p { "Choose an intervention date above (a list or message change, the start of a deployment)." } }
                }
            }
        },
    )
}
