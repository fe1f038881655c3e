//! What is counted, typed: the metrics of the hourly table, the counters a
//! store holds (a metric, or one helpline's clicks, one chat choice), and
//! the session measures of the day × arm table, each with the name it is
//! stored and exported under.
//!
//! Maps keyed by these types list them in the order of their names, the
//! order exports have always had.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// A metric of the hourly table, as exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Every check.
    Checks,
    /// Checks that matched.
    Hits,
    /// Checks answered with a warning.
    WarningsShown,
    /// Hits assigned to the control arm (nothing shown).
    Control,
    /// Warnings the operator displayed.
    Displayed,
    /// Warnings dismissed.
    Dismissed,
    /// Chats opened.
    ChatbotOpened,
    /// The sum of every chat choice ([`Counter::ChatbotChoice`]).
    ChatbotChoices,
    /// Help requested.
    HelpRequested,
    /// Hosted page views.
    PageViewed,
    /// The sum of every helpline's clicks ([`Counter::HelplineClick`]).
    HelplineClicks,
    /// Candidate suggestions (or result titles) filtered (`POST /v1/filter`);
    /// not searches, so never among [`Metric::Checks`].
    SuggestionsChecked,
    /// Filtered suggestions that matched and were blocked.
    SuggestionsBlocked,
}

impl Metric {
    /// Every metric, in the column order of exports.
    pub const ALL: [Metric; 13] = [
        Metric::Checks,
        Metric::Hits,
        Metric::WarningsShown,
        Metric::Control,
        Metric::Displayed,
        Metric::Dismissed,
        Metric::ChatbotOpened,
        Metric::ChatbotChoices,
        Metric::HelpRequested,
        Metric::PageViewed,
        Metric::HelplineClicks,
        Metric::SuggestionsChecked,
        Metric::SuggestionsBlocked,
    ];

    /// The metrics events count directly, in a fixed order (the aggregator
    /// counts them by [`Metric::counted_index`]); the other two are sums of
    /// their details.
    pub const COUNTED: [Metric; 11] = [
        Metric::Checks,
        Metric::Hits,
        Metric::WarningsShown,
        Metric::Control,
        Metric::Displayed,
        Metric::Dismissed,
        Metric::ChatbotOpened,
        Metric::HelpRequested,
        Metric::PageViewed,
        Metric::SuggestionsChecked,
        Metric::SuggestionsBlocked,
    ];

    /// The name it is stored and exported under (`warnings_shown`).
    pub const fn name(self) -> &'static str {
        match self {
            Metric::Checks => "checks",
            Metric::Hits => "hits",
            Metric::WarningsShown => "warnings_shown",
            Metric::Control => "control",
            Metric::Displayed => "displayed",
            Metric::Dismissed => "dismissed",
            Metric::ChatbotOpened => "chatbot_opened",
            Metric::ChatbotChoices => "chatbot_choices",
            Metric::HelpRequested => "help_requested",
            Metric::PageViewed => "page_viewed",
            Metric::HelplineClicks => "helpline_clicks",
            Metric::SuggestionsChecked => "suggestions_checked",
            Metric::SuggestionsBlocked => "suggestions_blocked",
        }
    }

    /// The metric called `name`.
    pub fn parse(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Its place in [`Metric::COUNTED`]; `None` for a sum of details.
    pub fn counted_index(self) -> Option<usize> {
        Metric::COUNTED.iter().position(|m| *m == self)
    }
}

/// One counter of the hourly table: a metric, or a detail that rolls up
/// into one. Its stored name is the metric's, or `helpline_clicks:ID` and
/// `chatbot_choice:NODE:CHOICE` for the details.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Counter {
    /// A metric, counted directly or (in an export) summed from its details.
    Total(Metric),
    /// One helpline's clicks, by helpline id.
    HelplineClick(String),
    /// One chat choice, as `NODE:CHOICE`.
    ChatbotChoice(String),
}

impl Counter {
    /// The stored name's prefix of a helpline's clicks.
    pub const HELPLINE_CLICK_PREFIX: &'static str = "helpline_clicks:";
    /// The stored name's prefix of a chat choice.
    pub const CHATBOT_CHOICE_PREFIX: &'static str = "chatbot_choice:";

    /// The counter stored as `name`: a metric events count directly, or a
    /// detail with a non-empty detail; `None` for anything else.
    pub fn parse(name: &str) -> Option<Counter> {
        if let Some(id) = name.strip_prefix(Counter::HELPLINE_CLICK_PREFIX) {
            return (!id.is_empty()).then(|| Counter::HelplineClick(id.to_owned()));
        }
        if let Some(step) = name.strip_prefix(Counter::CHATBOT_CHOICE_PREFIX) {
            return (!step.is_empty()).then(|| Counter::ChatbotChoice(step.to_owned()));
        }
        Metric::parse(name).filter(|m| m.counted_index().is_some()).map(Counter::Total)
    }

    /// The metric a detail rolls up into; `None` for a metric itself.
    pub fn rolls_up_into(&self) -> Option<Metric> {
        match self {
            Counter::Total(_) => None,
            Counter::HelplineClick(_) => Some(Metric::HelplineClicks),
            Counter::ChatbotChoice(_) => Some(Metric::ChatbotChoices),
        }
    }

    /// Appends the stored name to `out`.
    pub fn write_name(&self, out: &mut String) {
        let [prefix, detail] = self.parts();
        out.push_str(prefix);
        out.push_str(detail);
    }

    /// The stored name in two parts (prefix, detail), for ordering without
    /// building it.
    fn parts(&self) -> [&str; 2] {
        match self {
            Counter::Total(metric) => [metric.name(), ""],
            Counter::HelplineClick(id) => [Counter::HELPLINE_CLICK_PREFIX, id],
            Counter::ChatbotChoice(step) => [Counter::CHATBOT_CHOICE_PREFIX, step],
        }
    }
}

impl Ord for Counter {
    /// By stored name.
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.parts(), other.parts());
        a.iter().flat_map(|s| s.bytes()).cmp(b.iter().flat_map(|s| s.bytes()))
    }
}

impl PartialOrd for Counter {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Counter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [prefix, detail] = self.parts();
        f.write_str(prefix)?;
        f.write_str(detail)
    }
}

/// A session measure of the day × arm table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SessionMetric {
    /// Sessions with a hit.
    WithHit,
    /// Sessions shown a warning.
    Warned,
    /// Sessions shown a warning once (warned − warned again; not stored).
    WarnedOnce,
    /// Sessions shown a warning more than once.
    WarnedAgain,
}

impl SessionMetric {
    /// Every session measure, in the column order of exports.
    pub const ALL: [SessionMetric; 4] =
        [SessionMetric::WithHit, SessionMetric::Warned, SessionMetric::WarnedOnce, SessionMetric::WarnedAgain];

    /// The name it is stored (with `|ARM`) and exported under.
    pub const fn name(self) -> &'static str {
        match self {
            SessionMetric::WithHit => "sessions_with_hit",
            SessionMetric::Warned => "sessions_warned",
            SessionMetric::WarnedOnce => "sessions_warned_once",
            SessionMetric::WarnedAgain => "sessions_warned_again",
        }
    }

    /// The measure a store holds under `name` (`sessions_warned_once` is
    /// derived, never stored).
    pub fn parse_stored(name: &str) -> Option<SessionMetric> {
        SessionMetric::ALL.into_iter().find(|m| *m != SessionMetric::WarnedOnce && m.name() == name)
    }
}

/// Orders, prints and serialises a type by its `name()`: maps keyed by it
/// list it in the order exports have always had, by name.
macro_rules! by_name {
    ($($kind:ty),+) => {$(
        impl Ord for $kind {
            fn cmp(&self, other: &Self) -> Ordering {
                self.name().cmp(other.name())
            }
        }

        impl PartialOrd for $kind {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl fmt::Display for $kind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl Serialize for $kind {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
    )+};
}

by_name!(Metric, SessionMetric);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_only_counted_metrics_or_details_are_stored_counters() {
        for metric in Metric::ALL {
            assert_eq!(Metric::parse(metric.name()), Some(metric));
        }
        assert_eq!(Counter::parse("hits"), Some(Counter::Total(Metric::Hits)));
        assert_eq!(Counter::parse("helpline_clicks:stop-it-now"), Some(Counter::HelplineClick("stop-it-now".into())));
        assert_eq!(Counter::parse("chatbot_choice:start:talk"), Some(Counter::ChatbotChoice("start:talk".into())));
        // Sums are computed, never read from a store.
        assert_eq!(Counter::parse("helpline_clicks"), None);
        assert_eq!(Counter::parse("chatbot_choices"), None);
        assert_eq!(Counter::parse("helpline_clicks:"), None);
        assert_eq!(Counter::parse("clicks"), None);
        for counter in ["checks", "helpline_clicks:a", "chatbot_choice:n:c"] {
            assert_eq!(Counter::parse(counter).map(|c| c.to_string()).as_deref(), Some(counter));
        }
        assert_eq!(SessionMetric::parse_stored("sessions_warned_again"), Some(SessionMetric::WarnedAgain));
        assert_eq!(SessionMetric::parse_stored("sessions_warned_once"), None);
    }

    #[test]
    fn counters_sort_as_their_stored_names_do() {
        let mut counters: Vec<Counter> = ["helpline_clicks:b", "hits", "chatbot_opened", "help_requested", "checks"]
            .into_iter()
            .filter_map(Counter::parse)
            .chain([Counter::Total(Metric::HelplineClicks), Counter::Total(Metric::ChatbotChoices)])
            .chain([Counter::ChatbotChoice("a:b".into()), Counter::HelplineClick("a".into())])
            .collect();
        let mut names: Vec<String> = counters.iter().map(ToString::to_string).collect();
        counters.sort();
        names.sort();
        assert_eq!(counters.iter().map(ToString::to_string).collect::<Vec<_>>(), names);
        let mut metrics = SessionMetric::ALL;
        metrics.sort();
        assert_eq!(
            metrics.map(SessionMetric::name),
            ["sessions_warned", "sessions_warned_again", "sessions_warned_once", "sessions_with_hit"]
        );
    }
}
