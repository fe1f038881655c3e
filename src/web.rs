//! What the service and the in-process gate ([`crate::actix`]) both send:
//! the warning page as HTML (server-rendered with maud: no scripts, no
//! third-party requests) with its stylesheet and security policy, and the
//! header that names the decision.

use std::sync::LazyLock;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, AsHeaderName, HeaderMap, HeaderName, HeaderValue};
use base64::Engine as _;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};

use crate::deterrence::{ChatStep, EndKind, HelplineView, WarningText};

/// A header's value, trimmed, when it is text and not empty.
pub fn header_str(headers: &HeaderMap, name: impl AsHeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty())
}

/// The first language tag of `Accept-Language`, unchecked (the check's
/// locale rule, [`crate::check::checked_locale`], decides if it is one).
pub fn first_language(headers: &HeaderMap) -> Option<&str> {
    header_str(headers, header::ACCEPT_LANGUAGE)
        .and_then(|value| value.split([',', ';']).next())
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
}

/// Names the decision (`allow`/`warn`) on the answers of the check, the
/// gate and the in-process gate.
pub const DECISION_HEADER: HeaderName = HeaderName::from_static("x-signpost-decision");

/// The policy of every page: our own styles only, no scripts, no frames, no
/// third-party anything.
pub const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                            base-uri 'none'; frame-ancestors 'none'";

/// The stylesheet of the pages (embedded; contrast checked for WCAG 2.2 AA).
pub(crate) const WARNING_CSS: &str = include_str!("http/assets/warning.css");

/// The policy of a page that carries its stylesheet inline (served by another
/// application, such as the in-process gate [`crate::actix`]): as strict as
/// [`PAGE_CSP`], with the one inline stylesheet allowed by its hash.
pub(crate) fn inline_style_csp() -> &'static str {
    static CSP: LazyLock<String> = LazyLock::new(|| {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(WARNING_CSS.as_bytes()));
        format!(
            "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self'; form-action 'self'; base-uri 'none'; \
             frame-ancestors 'none'"
        )
    });
    &CSP
}

/// How a rendered warning page links its helplines and gets its styles.
pub(crate) struct PageLinks<'a> {
    /// The address behind each helpline's name.
    pub helpline_href: &'a dyn Fn(&HelplineView) -> String,
    /// `false`: link `{base}/assets/warning.css` (the hosted page); `true`:
    /// embed the stylesheet, for pages served by an application that does
    /// not serve our assets (pair with [`inline_style_csp`]).
    pub inline_style: bool,
    /// The service's public base URL (for the stylesheet link).
    pub base: &'a str,
    /// The guided chat as plain forms (the hosted page), or none.
    pub chat: Option<ChatForm<'a>>,
}

/// The guided chat of a page without JavaScript: the current step, and the
/// form that posts a choice back to the page.
pub(crate) struct ChatForm<'a> {
    /// The step to show.
    pub step: &'a ChatStep,
    /// Where the form goes (the page itself).
    pub action: &'a str,
    /// Hidden fields carried from step to step (token, locale).
    pub hidden: Vec<(&'static str, &'a str)>,
    /// The link that starts the chat again.
    pub restart: &'a str,
    /// Self-help services, shown at the `self-help` end.
    pub self_help: &'a [HelplineView],
}

/// A page response with `status`, the policy `csp` and the other strict
/// security headers.
pub(crate) fn page_response(status: StatusCode, csp: &'static str, markup: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .insert_header((header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .body(markup.into_string())
}

/// The warning page for `text`: server-rendered, no scripts, no third-party
/// requests. Shared by the hosted page and the in-process gate.
pub(crate) fn render_page(text: &WarningText, links: &PageLinks<'_>) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(text.locale) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (text.ui.page_title) }
                @if links.inline_style {
                    style { (PreEscaped(WARNING_CSS)) }
                } @else {
                    link rel="stylesheet" href={ (links.base) "/assets/warning.css" };
                }
            }
            body {
                a class="skip" href="#help-heading" { (text.ui.help_heading) }
                main id="main" {
                    h1 { (text.title) }
                    // The line that no results are shown, unless the text already starts with it.
                    @if !text.body.starts_with(text.ui.no_results.trim_end_matches('.')) {
                        p class="no-results" { (text.ui.no_results) }
                    }
                    p class="body" { (text.body) }
                    @if let Some(chat) = &links.chat {
                        (render_chat(text, chat, links))
                    }
                    section aria-labelledby="help-heading" {
                        h2 id="help-heading" { (text.ui.help_heading) }
                        (render_helplines(text, &text.helplines, links))
                    }
                    p class="leave" { a href="about:blank" { (text.ui.leave) } }
                }
            }
        }
    }
}

fn render_helplines(text: &WarningText, helplines: &[HelplineView], links: &PageLinks<'_>) -> Markup {
    html! {
        ul class="helplines" {
            @for h in helplines {
                li class="helpline" {
                    h3 { a href=((links.helpline_href)(h)) { (h.name) } }
                    @if let Some(phone) = &h.phone {
                        p { (text.ui.call) ": " a href={ "tel:" (phone.replace(' ', "")) } { (phone) } }
                    }
                    @if let Some(hours) = &h.hours {
                        p { (text.ui.hours) ": " (hours) }
                    }
                    @if h.worldwide {
                        p { (text.ui.worldwide) }
                    }
                    p class="confidentiality" { (text.ui.confidentiality) ": " (h.confidentiality) }
                }
            }
        }
    }
}

/// The guided chat as a form: the bot's messages, then one button per
/// choice (buttons only: no free text), or the end it leads to.
fn render_chat(text: &WarningText, chat: &ChatForm<'_>, links: &PageLinks<'_>) -> Markup {
    let step = chat.step;
    html! {
        section class="chat" id="chat" aria-labelledby="chat-heading" {
            h2 id="chat-heading" { (text.ui.chatbot_heading) }
            div class="say" {
                @for line in &step.say {
                    p { (line) }
                }
            }
            @if step.choices.is_empty() {
                @match step.end {
                    Some(EndKind::Helplines) => {
                        p { a href="#help-heading" { (text.ui.help_heading) } }
                    }
                    Some(EndKind::SelfHelp) => {
                        h3 { (text.ui.self_help_heading) }
                        (render_helplines(text, chat.self_help, links))
                    }
                    Some(EndKind::Leave) => {
                        p { a href="about:blank" { (text.ui.leave) } }
                    }
                    None => {}
                }
                p { a href=(chat.restart) { (text.ui.back) } }
            } @else {
                form method="get" action={ (chat.action) "#chat" } {
                    @for (name, value) in &chat.hidden {
                        input type="hidden" name=(name) value=(value);
                    }
                    input type="hidden" name="node" value=(step.node);
                    @for choice in &step.choices {
                        button type="submit" name="choice" value=(choice.id) { (choice.label) }
                    }
                }
            }
        }
    }
}
