//! The check, as one use case: a [`CheckInput`] validated once, in; an
//! [`Outcome`] (the decision with its verdict and variant, the analytics
//! event, the warning to show), out. `/v1/check`, `/v1/gate` and the
//! in-process [`crate::actix::SignpostGate`] all go through [`run`]; they
//! only translate their requests into a [`CheckInput`] and the outcome into
//! their answers. No HTTP here.
//!
//! ```
//! use signpost::check::{CheckInput, Links, run};
//! use signpost::config::Config;
//! use signpost::engine::{Answer, Engine};
//!
//! let engine = Engine::load(&Config::default()).unwrap();
//! let mut input = CheckInput::new("zorvik", 1024, 1_765_000_000).unwrap();
//! input.set_country("gb".into()).unwrap();
//! let outcome = run(&engine, &input);
//! assert_eq!(outcome.decision.answer(), Answer::Warn);
//! let warning = outcome.warning(&engine, &Links::default()).unwrap();
//! assert!(!warning.helplines.is_empty());
//! ```

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use crate::analytics::pseudonym::{Pseudonymizer, SessionKey, utc_day};
use crate::analytics::token::Claims;
use crate::analytics::{Dims, Event, EventKind, Tag};
use crate::config::{OTHER_SURFACE, valid_surface};
use crate::deterrence::{CONTROL_ARM, ChatStep, Content, HelplineView, Theme, Ui};
use crate::engine::{Answer, Decision, Engine};
use crate::keywords::Match;

/// Most bytes of an operator's session id.
pub const MAX_SESSION_BYTES: usize = 256;

/// Why a check's input was refused. Messages describe the schema only,
/// never what was sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// No query was given.
    #[error("the request has no query: send {{\"q\": \"...\"}} (or ?q=... with GET)")]
    MissingQuery,
    /// The query is longer than the configured limit.
    #[error("the query is {len} bytes; the limit is {limit}")]
    QueryTooLong {
        /// The query's length.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The locale is not a language tag.
    #[error("`locale` must be a language tag like `en`, `nl-BE` or `pt_BR` (at most 35 characters)")]
    Locale,
    /// The country is not a two-letter code.
    #[error("`country` must be an ISO 3166-1 alpha-2 code like `GB`")]
    Country,
    /// The session id is empty or too long.
    #[error("`session` must be 1 to 256 bytes")]
    Session,
    /// The surface name has characters a surface cannot have.
    #[error("`surface` must be 1 to 32 characters of a-z, 0-9, `-` and `_`")]
    Surface,
    /// A filter request has no `items` list.
    #[error("the request has no items: send {{\"items\": [\"...\", ...]}}")]
    MissingItems,
    /// A filter request has more candidates than one call may filter.
    #[error("{len} items were sent; at most {limit} are filtered in one call")]
    TooManyItems {
        /// How many were sent.
        len: usize,
        /// The most accepted.
        limit: usize,
    },
    /// One candidate is longer than a query may be.
    #[error("item {index} is {len} bytes; the limit is {limit}")]
    ItemTooLong {
        /// Its place in `items`.
        index: usize,
        /// Its length.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
}

/// A check request after validation: what [`run`] decides.
#[derive(Clone, Debug)]
pub struct CheckInput<'a> {
    /// The query.
    pub query: Cow<'a, str>,
    /// The reader's language tag, as given (resolved against the content by [`run`]).
    pub locale: Option<Cow<'a, str>>,
    /// The reader's country, upper case.
    pub country: Option<Cow<'a, str>>,
    /// The session's pseudonym for the day of the check.
    pub session: Option<SessionKey>,
    /// The surface as counted: a configured name or `other`.
    pub surface: Option<Cow<'a, str>>,
    /// When the check happened (seconds since the Unix epoch).
    pub at: u64,
}

impl<'a> CheckInput<'a> {
    /// The input for `query` checked at `at` (seconds since the Unix epoch),
    /// refused when it is longer than `max_query_bytes`; no locale, country,
    /// session or surface yet.
    pub fn new(query: impl Into<Cow<'a, str>>, max_query_bytes: usize, at: u64) -> Result<CheckInput<'a>, InputError> {
        let query = query.into();
        if query.len() > max_query_bytes {
            return Err(InputError::QueryTooLong { len: query.len(), limit: max_query_bytes });
        }
        Ok(CheckInput { query, locale: None, country: None, session: None, surface: None, at })
    }

    /// The input for at most the first `max_query_bytes` bytes of `query`
    /// (cut on a character boundary): for gates, which fail open and check
    /// what they can rather than refuse.
    pub fn truncated(query: impl Into<Cow<'a, str>>, max_query_bytes: usize, at: u64) -> CheckInput<'a> {
        let mut query = query.into();
        if query.len() > max_query_bytes {
            let mut cut = max_query_bytes;
            while !query.is_char_boundary(cut) {
                cut -= 1;
            }
            query = match query {
                Cow::Borrowed(text) => Cow::Borrowed(&text[..cut]),
                Cow::Owned(mut text) => {
                    text.truncate(cut);
                    Cow::Owned(text)
                }
            };
        }
        CheckInput { query, locale: None, country: None, session: None, surface: None, at }
    }

    /// Sets the reader's `locale`, if it is a language tag (else nothing changes).
    pub fn set_locale(&mut self, locale: Cow<'a, str>) -> Result<(), InputError> {
        self.locale = Some(checked_locale(locale)?);
        Ok(())
    }

    /// Sets the reader's `country` (two letters, any case; else nothing changes).
    pub fn set_country(&mut self, country: Cow<'a, str>) -> Result<(), InputError> {
        self.country = Some(checked_country(country)?);
        Ok(())
    }

    /// Sets the operator's `session`, pseudonymised for the day of the check.
    pub fn set_session(&mut self, session: &str, pseudonyms: &Pseudonymizer) -> Result<(), InputError> {
        if session.is_empty() || session.len() > MAX_SESSION_BYTES {
            return Err(InputError::Session);
        }
        self.session = Some(pseudonyms.key(session, utc_day(self.at)));
        Ok(())
    }

    /// Sets the `surface` the query was typed on, counted under its name
    /// when it is one of `configured`, else as `other` (so a client cannot
    /// create cells at will).
    pub fn set_surface(&mut self, surface: Cow<'a, str>, configured: &[String]) -> Result<(), InputError> {
        if !valid_surface(&surface) {
            return Err(InputError::Surface);
        }
        let known = configured.iter().any(|name| **name == *surface);
        self.surface = Some(if known { surface } else { Cow::Borrowed(OTHER_SURFACE) });
        Ok(())
    }
}

/// A locale as given, if it is a language tag (letters, digits, `-`, `_`,
/// starting with a letter, at most 35 characters).
pub fn checked_locale(locale: Cow<'_, str>) -> Result<Cow<'_, str>, InputError> {
    let valid = !locale.is_empty()
        && locale.len() <= 35
        && locale.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && locale.as_bytes()[0].is_ascii_alphabetic();
    if valid { Ok(locale) } else { Err(InputError::Locale) }
}

/// A country code in upper case, if it is two letters.
pub fn checked_country(country: Cow<'_, str>) -> Result<Cow<'_, str>, InputError> {
    match country {
        country if country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()) => Ok(country),
        country if country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Cow::Owned(country.to_ascii_uppercase()))
        }
        _ => Err(InputError::Country),
    }
}

/// What one check decided, and everything its callers do with that.
#[derive(Debug)]
pub struct Outcome<'e> {
    /// Allow, control or warn, with the verdict and the variant.
    pub decision: Decision,
    /// The locale the content answers in for this reader.
    pub locale: &'e str,
    /// The event that counts this check (never the query).
    pub event: Event,
    /// Which warning to show, on [`Decision::Warn`].
    pub shown: Option<Shown>,
}

/// Which warning a check shows: what its text depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Shown {
    /// The variant, as the content names it (the first one when the
    /// assigned id is gone after a reload).
    pub variant: Arc<str>,
    /// The resolved locale.
    pub locale: String,
    /// The reader's country.
    pub country: Option<String>,
}

/// Decides `input` on `engine`: match, arm, the warning to show and the
/// analytics event.
pub fn run<'e>(engine: &'e Engine, input: &CheckInput<'_>) -> Outcome<'e> {
    let decision = engine.decide(&input.query, input.session.as_ref().map(|k| &k.0));
    let locale = engine.content.resolve_locale(input.locale.as_deref());
    let shown = match &decision {
        Decision::Warn { variant, .. } => Some(Shown {
            variant: engine.content.variant(variant).map_or_else(|| Arc::clone(variant), |v| Arc::clone(&v.id)),
            locale: locale.to_owned(),
            country: input.country.as_deref().map(str::to_owned),
        }),
        Decision::Allow | Decision::Control { .. } => None,
    };
    let event = check_event(engine, input, &decision, locale);
    Outcome { decision, locale, event, shown }
}

/// Counts the check: checks always, hits and warnings with the first
/// match's category and entry id and the arm.
fn check_event(engine: &Engine, input: &CheckInput<'_>, decision: &Decision, locale: &str) -> Event {
    let first = decision.verdict().and_then(|v| v.matches().first());
    let (hit, warned, variant) = match decision {
        Decision::Allow => (false, false, None),
        Decision::Control { .. } => (true, false, Some(Arc::from(CONTROL_ARM))),
        Decision::Warn { variant, .. } => (true, true, Some(Arc::clone(variant))),
    };
    let dims = Dims {
        list_version: engine.matcher.version_shared(),
        category: first.map(|m| Arc::clone(&m.category)),
        entry: first.map(|m| m.entry),
        variant,
        locale: Tag::new(locale),
        country: Tag::new(input.country.as_deref().unwrap_or("")),
        surface: Tag::new(input.surface.as_deref().unwrap_or("")),
    };
    Event { at: input.at, kind: EventKind::Check { hit, warned }, dims, session: input.session }
}

impl Outcome<'_> {
    /// What the caller is told to do.
    pub fn answer(&self) -> Answer {
        self.decision.answer()
    }

    /// The claims of the event token for a warning (expiry left to the
    /// signer), or `None` when nothing is shown.
    pub fn claims(&self, engine: &Engine, surface: Option<&str>) -> Option<Claims> {
        let shown = self.shown.as_ref()?;
        let first = self.decision.verdict().and_then(|v| v.matches().first());
        Some(Claims {
            exp: 0,
            nonce: 0,
            variant: shown.variant.to_string(),
            locale: shown.locale.clone(),
            country: shown.country.clone(),
            surface: surface.map(str::to_owned),
            list_version: engine.matcher.version().to_owned(),
            category: first.map(|m| m.category.to_string()).unwrap_or_default(),
            entry: first.map(|m| m.entry.to_string()).unwrap_or_default(),
        })
    }

    /// The warning to show, with `links`, on a warning.
    pub fn warning(&self, engine: &Engine, links: &Links<'_>) -> Option<WarningPayload> {
        self.shown.as_ref().map(|shown| WarningPayload::build(&engine.content, shown, links))
    }
}

/// Where a warning's links point: through a signpost service (`base`),
/// which counts helpline clicks and hosts the warning page, carrying the
/// check's event `token` when there is one; without a base, helpline links
/// are the services' own addresses and there is no page.
#[derive(Clone, Copy, Debug, Default)]
pub struct Links<'a> {
    /// Base URL of the signpost service (no trailing `/`).
    pub base: Option<&'a str>,
    /// The check's sealed event token.
    pub token: Option<&'a str>,
}

impl Links<'_> {
    /// The link a person follows to `helpline`.
    pub fn helpline(&self, helpline: &HelplineView) -> String {
        match (self.base, self.token) {
            (Some(base), Some(token)) => format!("{base}/v1/go/{}?t={token}", helpline.id),
            (Some(base), None) => format!("{base}/v1/go/{}", helpline.id),
            (None, _) => helpline.url.clone(),
        }
    }

    /// The hosted warning page in `locale`, when there is a service.
    pub fn page(&self, locale: &str) -> Option<String> {
        let base = self.base?;
        Some(match self.token {
            Some(token) => format!("{base}/warning?t={token}&locale={locale}"),
            None => format!("{base}/warning?locale={locale}"),
        })
    }
}

/// The answer of a check, as every JSON caller receives it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckResponse {
    /// `warn`: show the warning instead of results; `allow`: show results.
    pub decision: Answer,
    /// The version of the lists (and matching engine) that decided.
    pub list_version: String,
    /// What to show, on `warn`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<WarningPayload>,
    /// Matched entry ids and categories, only in explain mode (`check.explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<Match>>,
}

/// Everything shown instead of results.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WarningPayload {
    /// The message variant shown.
    #[schema(value_type = String)]
    pub variant: Arc<str>,
    /// What the variant stresses first.
    pub theme: Theme,
    /// The language of the text.
    pub locale: String,
    /// Heading.
    pub title: String,
    /// Text: no results are shown, the material is illegal and harms children, help is available.
    pub body: String,
    /// Services for the reader's country, then services that serve everyone.
    pub helplines: Vec<TrackedHelpline>,
    /// The guided chat's first step.
    pub chatbot: Option<ChatStep>,
    /// Interface labels in the same language.
    pub ui: Ui,
    /// A hosted warning page showing the same, for operators that redirect
    /// (always given by the service; by the in-process gate only with a base URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_url: Option<String>,
    /// Signed, expiring token to send back with events (`POST /v1/events`);
    /// the in-process gate signs none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_token: Option<String>,
}

/// A helpline with its tracked link.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TrackedHelpline {
    /// The directory entry.
    #[serde(flatten)]
    pub helpline: HelplineView,
    /// Link through signpost that counts the click and redirects to the
    /// service (the service's own address when there is no signpost service).
    pub tracked_url: String,
}

impl TrackedHelpline {
    /// Each of `helplines` with its link under `links`.
    pub fn all(helplines: Vec<HelplineView>, links: &Links<'_>) -> Vec<TrackedHelpline> {
        helplines
            .into_iter()
            .map(|helpline| TrackedHelpline { tracked_url: links.helpline(&helpline), helpline })
            .collect()
    }
}

impl WarningPayload {
    /// The warning `shown`, from `content`, with `links`.
    pub fn build(content: &Content, shown: &Shown, links: &Links<'_>) -> WarningPayload {
        let text = content.warning(&shown.variant, &shown.locale, shown.country.as_deref());
        WarningPayload {
            page_url: links.page(&text.locale),
            variant: text.variant,
            theme: text.theme,
            locale: text.locale,
            title: text.title,
            body: text.body,
            helplines: TrackedHelpline::all(text.helplines, links),
            chatbot: text.chatbot,
            ui: text.ui,
            event_token: links.token.map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn engine() -> Engine {
        Engine::load(&Config::default()).expect("the demo engine loads")
    }

    #[test]
    fn inputs_are_validated_once_with_schema_only_messages() {
        for ok in ["en", "en-GB", "pt_BR", "zh-Hant-TW"] {
            assert!(checked_locale(ok.into()).is_ok(), "{ok}");
        }
        for bad in ["", "-en", "en GB", "<script>", &"a".repeat(36)] {
            assert_eq!(checked_locale(bad.into()), Err(InputError::Locale), "{bad}");
        }
        assert_eq!(checked_country("gb".into()).as_deref(), Ok("GB"));
        assert_eq!(checked_country("GBR".into()), Err(InputError::Country));
        assert_eq!(
            CheckInput::new("zorvik zorvik", 6, 0).map(|_| ()),
            Err(InputError::QueryTooLong { len: 13, limit: 6 })
        );
        assert_eq!(CheckInput::truncated("zörvik", 2, 0).query, "z");
        let surfaces = vec!["search".to_owned()];
        let mut input = CheckInput::new("x", 10, 86_400).expect("short");
        input.set_surface("search".into(), &surfaces).expect("ok");
        assert_eq!(input.surface.as_deref(), Some("search"));
        input.set_surface("chat".into(), &surfaces).expect("ok");
        assert_eq!(input.surface.as_deref(), Some("other"));
        assert_eq!(input.set_surface("Chat!".into(), &surfaces), Err(InputError::Surface));
        assert_eq!(input.surface.as_deref(), Some("other"), "a refused value changes nothing");
        assert_eq!(input.set_locale("<b>".into()), Err(InputError::Locale));
        assert_eq!(input.locale, None);
        let pseudonyms = Pseudonymizer::with_pepper([1; 32]);
        assert_eq!(input.set_session("", &pseudonyms), Err(InputError::Session));
        let session_at = |at: u64| {
            let mut input = CheckInput::new("x", 10, at).expect("short");
            input.set_session("s-1", &pseudonyms).expect("ok");
            input.session
        };
        let (once, again, next_day) = (session_at(86_400), session_at(86_400 + 60), session_at(2 * 86_400));
        assert_eq!(once, again, "one pseudonym per day");
        assert_ne!(once, next_day, "a new pseudonym each day");
    }

    #[test]
    fn one_outcome_decides_counts_and_shows() {
        let engine = engine();
        let allowed = run(&engine, &CheckInput::new("weather tomorrow", 100, 0).expect("short"));
        assert_eq!(allowed.answer(), Answer::Allow);
        assert!(allowed.shown.is_none() && allowed.claims(&engine, None).is_none());
        assert!(matches!(allowed.event.kind, EventKind::Check { hit: false, warned: false }));

        let mut input = CheckInput::new("zorvik", 100, 0).expect("short");
        input.set_locale("nl-BE".into()).expect("a language tag");
        input.set_country("be".into()).expect("a country");
        let warned = run(&engine, &input);
        assert_eq!(warned.answer(), Answer::Warn);
        assert!(matches!(warned.event.kind, EventKind::Check { hit: true, warned: true }));
        assert_eq!(warned.locale, "nl");
        assert_eq!(warned.event.dims.country.as_str(), "BE");
        let claims = warned.claims(&engine, Some("search")).expect("a warning has claims");
        assert_eq!((claims.locale.as_str(), claims.country.as_deref()), ("nl", Some("BE")));
        assert!(!claims.entry.is_empty(), "the entry id is named");

        let direct = warned.warning(&engine, &Links::default()).expect("a warning");
        assert!(direct.page_url.is_none() && direct.event_token.is_none());
        assert_eq!(direct.helplines[0].tracked_url, direct.helplines[0].helpline.url, "no service: direct links");
        let served =
            warned.warning(&engine, &Links { base: Some("https://s.example"), token: Some("T") }).expect("a warning");
        assert_eq!(served.page_url.as_deref(), Some("https://s.example/warning?t=T&locale=nl"));
        assert_eq!(
            served.helplines[0].tracked_url,
            format!("https://s.example/v1/go/{}?t=T", served.helplines[0].helpline.id)
        );
        assert_eq!(served.event_token.as_deref(), Some("T"));
    }
}
