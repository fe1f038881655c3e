//! What is counted and under which dimensions: events from the request path,
//! and the counter cells they become.
//!
//! A cell is one count for one hour, metric and combination of dimensions.
//! Its field name is the metric and the dimensions joined by `|`; every part
//! is a validated identifier (list ids, versions, categories, variant ids,
//! entry ids in hex, language and country codes, surfaces), so `|` never
//! occurs inside one. Nothing a person typed is ever a part.

use std::fmt::Write as _;
use std::sync::Arc;

use super::metric::{Counter, Metric};
use super::pseudonym::SessionKey;
use crate::keywords::EntryId;

/// Seconds in an hour.
pub const HOUR_SECONDS: u64 = 3600;

/// The hour number (since the Unix epoch) of `seconds`.
pub fn hour_of(seconds: u64) -> u32 {
    (seconds / HOUR_SECONDS) as u32
}

/// A short ASCII tag held inline (no allocation on the request path):
/// a locale, a country code, a surface.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag {
    len: u8,
    bytes: [u8; 32],
}

impl Tag {
    /// The tag of `text` if it is 1–32 characters of `A-Z a-z 0-9 - _`;
    /// otherwise the empty tag.
    pub fn new(text: &str) -> Tag {
        let valid = !text.is_empty()
            && text.len() <= 32
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let mut tag = Tag::default();
        if valid {
            tag.bytes[..text.len()].copy_from_slice(text.as_bytes());
            tag.len = text.len() as u8;
        }
        tag
    }

    /// The tag as text (`""` when empty).
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl std::fmt::Debug for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// The dimensions of a count.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Dims {
    /// The list version that decided.
    pub list_version: Arc<str>,
    /// The first matched category (hits and after).
    pub category: Option<Arc<str>>,
    /// The first matched entry id (hits and after); never the term.
    pub entry: Option<EntryId>,
    /// The message variant, or `control` (hits and after).
    pub variant: Option<Arc<str>>,
    /// The language the warning is (or would be) shown in.
    pub locale: Tag,
    /// The reader's country, when the operator gave it.
    pub country: Tag,
    /// The operator's surface, when given.
    pub surface: Tag,
}

/// The names of the dimensions, in field order; `by=` in exports uses them.
pub const DIMENSIONS: &[&str] = &["list_version", "category", "entry", "variant", "locale", "country", "surface"];

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A query was checked.
    Check {
        /// It matched the lists.
        hit: bool,
        /// A warning was shown (a hit not assigned to the control arm).
        warned: bool,
    },
    /// The operator displayed the warning.
    Displayed,
    /// The person dismissed it.
    Dismissed,
    /// The person opened the guided chat.
    ChatbotOpened,
    /// The person pressed `choice` at `node` of the chat.
    ChatbotChoice {
        /// The node id.
        node: Arc<str>,
        /// The choice id.
        choice: Arc<str>,
    },
    /// The person asked for help (a help button outside the chat).
    HelpRequested,
    /// The hosted warning page was viewed.
    PageViewed,
    /// A tracked helpline link was followed.
    HelplineClick {
        /// The helpline id.
        helpline: Arc<str>,
    },
    /// Candidate suggestions were filtered (not searches).
    Suggestions {
        /// How many were filtered.
        checked: u32,
        /// How many of them matched.
        blocked: u32,
    },
}

impl EventKind {
    /// The event names accepted by `POST /v1/events`.
    pub const REPORTABLE: &'static [&'static str] =
        &["displayed", "dismissed", "chatbot_opened", "chatbot_choice", "help_requested"];
}

/// One thing to count, as it leaves the request path.
#[derive(Clone, Debug)]
pub struct Event {
    /// When, in seconds since the Unix epoch.
    pub at: u64,
    /// What.
    pub kind: EventKind,
    /// Under which dimensions.
    pub dims: Dims,
    /// The session's pseudonym for the day, for session outcomes.
    pub session: Option<SessionKey>,
}

/// Passes the counters `kind` counts to `out`, each with how much it adds
/// (a check counts up to three, one each).
pub fn metrics_of(kind: &EventKind, mut out: impl FnMut(Counter, u64)) {
    let mut total = |metric| out(Counter::Total(metric), 1);
    match kind {
        EventKind::Check { hit, warned } => {
            total(Metric::Checks);
            if *hit {
                total(Metric::Hits);
                total(if *warned { Metric::WarningsShown } else { Metric::Control });
            }
        }
        EventKind::Displayed => total(Metric::Displayed),
        EventKind::Dismissed => total(Metric::Dismissed),
        EventKind::ChatbotOpened => total(Metric::ChatbotOpened),
        EventKind::ChatbotChoice { node, choice } => out(Counter::ChatbotChoice(format!("{node}:{choice}")), 1),
        EventKind::HelpRequested => total(Metric::HelpRequested),
        EventKind::PageViewed => total(Metric::PageViewed),
        EventKind::HelplineClick { helpline } => out(Counter::HelplineClick(helpline.to_string()), 1),
        EventKind::Suggestions { checked, blocked } => {
            out(Counter::Total(Metric::SuggestionsChecked), u64::from(*checked));
            if *blocked > 0 {
                out(Counter::Total(Metric::SuggestionsBlocked), u64::from(*blocked));
            }
        }
    }
}

/// The field name of `counter` under `dims`: `metric|v|category|entry|variant|locale|country|surface`.
pub fn field(counter: &Counter, dims: &Dims, out: &mut String) {
    out.clear();
    counter.write_name(out);
    out.push('|');
    out.push_str(&dims.list_version);
    out.push('|');
    out.push_str(dims.category.as_deref().unwrap_or(""));
    out.push('|');
    if let Some(entry) = dims.entry {
        let _ = write!(out, "{entry}");
    }
    out.push('|');
    out.push_str(dims.variant.as_deref().unwrap_or(""));
    for tag in [&dims.locale, &dims.country, &dims.surface] {
        out.push('|');
        out.push_str(tag.as_str());
    }
}

/// A cell field split back into its metric and dimension values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// The metric (with its detail, e.g. `helpline_clicks:ID`).
    pub metric: &'a str,
    /// The dimension values in [`DIMENSIONS`] order (`""` when not set).
    pub dims: [&'a str; 7],
}

/// Parses a field name written by [`field`]; `None` for anything else.
pub fn parse_field(text: &str) -> Option<Field<'_>> {
    let mut parts = text.split('|');
    let metric = parts.next()?;
    let mut dims = [""; 7];
    for slot in &mut dims {
        *slot = parts.next()?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(Field { metric, dims })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip() {
        let dims = Dims {
            list_version: Arc::from("abc123"),
            category: Some(Arc::from("fictional-terms")),
            entry: Some(EntryId(0xff)),
            variant: Some(Arc::from("help-to-stop")),
            locale: Tag::new("nl"),
            country: Tag::new("BE"),
            surface: Tag::new("search"),
        };
        let mut text = String::new();
        field(&Counter::Total(Metric::Hits), &dims, &mut text);
        assert_eq!(text, "hits|abc123|fictional-terms|00000000000000ff|help-to-stop|nl|BE|search");
        let parsed = parse_field(&text).unwrap();
        assert_eq!(parsed.metric, "hits");
        assert_eq!(parsed.dims[3], "help-to-stop");
        assert_eq!(parse_field("hits|a|b"), None);
    }

    #[test]
    fn tags_refuse_anything_but_plain_identifiers() {
        assert_eq!(Tag::new("en-GB").as_str(), "en-GB");
        assert_eq!(Tag::new("a|b").as_str(), "");
        assert_eq!(Tag::new(&"x".repeat(33)).as_str(), "");
        assert_eq!(Tag::new("").as_str(), "");
    }

    #[test]
    fn a_check_counts_checks_hits_and_what_was_shown() {
        let mut seen = Vec::new();
        metrics_of(&EventKind::Check { hit: true, warned: false }, |m, n| seen.push(format!("{m}={n}")));
        assert_eq!(seen, ["checks=1", "hits=1", "control=1"]);
        seen.clear();
        metrics_of(&EventKind::HelplineClick { helpline: Arc::from("x") }, |m, n| seen.push(format!("{m}={n}")));
        assert_eq!(seen, ["helpline_clicks:x=1"]);
        seen.clear();
        metrics_of(&EventKind::Suggestions { checked: 7, blocked: 2 }, |m, n| seen.push(format!("{m}={n}")));
        assert_eq!(seen, ["suggestions_checked=7", "suggestions_blocked=2"], "suggestions are not checks");
    }
}
