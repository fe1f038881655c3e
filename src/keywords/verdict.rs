//! The result of a check: which entries and rules matched, by id and category
//! only, never by their text.

use std::fmt;
use std::sync::Arc;

/// Stable identifier of a list entry or rule: a keyed hash of its normalised
/// form (not its line number), so counts per entry survive list edits and
/// never reveal the term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub u64);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl serde::Serialize for EntryId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Whether a match came from one entry or from a co-occurrence rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// A term, phrase or regular expression.
    Entry,
    /// An `@rule` (or an `any-order` phrase): all its groups matched.
    Rule,
}

/// One matched entry or rule.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Match {
    /// The entry's stable id (16 hex digits).
    #[schema(value_type = String, example = "82f6fd92adeaa5f1")]
    pub entry: EntryId,
    /// The entry's category.
    #[schema(value_type = String)]
    pub category: Arc<str>,
    /// The id of the list the entry belongs to.
    #[schema(value_type = String)]
    pub list: Arc<str>,
    /// Entry or rule.
    pub kind: MatchKind,
}

/// What the matcher decided for one query. Allocates only on a hit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    matches: Vec<Match>,
}

impl Verdict {
    pub(crate) fn from_matches(matches: Vec<Match>) -> Self {
        Verdict { matches }
    }

    /// Whether anything matched (the query gets the warning).
    pub fn is_hit(&self) -> bool {
        !self.matches.is_empty()
    }

    /// The matched entries and rules, each once, in list order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// The distinct categories matched, in first-seen order.
    pub fn categories(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in &self.matches {
            if !out.contains(&&*m.category) {
                out.push(&m.category);
            }
        }
        out
    }
}
