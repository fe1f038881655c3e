//! Suggestion filtering: which of a list of candidate texts (autocomplete
//! suggestions, related searches, result titles) match the lists, decided
//! in one call. The candidates are not searches anyone made, so they are
//! counted apart from checks (`suggestions_checked`, `suggestions_blocked`)
//! and no warning, arm or session is involved.

use std::borrow::Cow;

use crate::analytics::{Dims, Event, EventKind, Tag};
use crate::check::{CheckInput, InputError};
use crate::engine::Engine;
use crate::keywords::Scratch;

/// Most candidates one call may filter.
pub const MAX_ITEMS: usize = 100;

/// A filter request after validation: what [`run`] decides.
#[derive(Clone, Debug)]
pub struct FilterInput<'a> {
    /// The candidates, in the caller's order.
    pub items: Vec<Cow<'a, str>>,
    /// The reader's language tag, as given.
    pub locale: Option<Cow<'a, str>>,
    /// The reader's country, upper case.
    pub country: Option<Cow<'a, str>>,
    /// The surface as counted: a configured name or `other`.
    pub surface: Option<Cow<'a, str>>,
    /// When (seconds since the Unix epoch).
    pub at: u64,
}

impl<'a> FilterInput<'a> {
    /// The input for `items` filtered at `at`, refused when there are more
    /// than [`MAX_ITEMS`] or one is longer than `max_query_bytes` (the limit
    /// of a query); no locale, country or surface yet.
    pub fn new(items: Vec<Cow<'a, str>>, max_query_bytes: usize, at: u64) -> Result<FilterInput<'a>, InputError> {
        if items.len() > MAX_ITEMS {
            return Err(InputError::TooManyItems { len: items.len(), limit: MAX_ITEMS });
        }
        if let Some((index, item)) = items.iter().enumerate().find(|(_, item)| item.len() > max_query_bytes) {
            return Err(InputError::ItemTooLong { index, len: item.len(), limit: max_query_bytes });
        }
        Ok(FilterInput { items, locale: None, country: None, surface: None, at })
    }

    /// Sets the reader's `locale`, if it is a language tag (else nothing changes).
    pub fn set_locale(&mut self, locale: Cow<'a, str>) -> Result<(), InputError> {
        self.locale = Some(crate::check::checked_locale(locale)?);
        Ok(())
    }

    /// Sets the reader's `country` (two letters, any case; else nothing changes).
    pub fn set_country(&mut self, country: Cow<'a, str>) -> Result<(), InputError> {
        self.country = Some(crate::check::checked_country(country)?);
        Ok(())
    }

    /// Sets the `surface`, counted under its name when it is one of
    /// `configured`, else as `other`.
    pub fn set_surface(&mut self, surface: Cow<'a, str>, configured: &[String]) -> Result<(), InputError> {
        // The check's rule, so both routes count surfaces alike.
        let mut probe = CheckInput::truncated("", 0, self.at);
        probe.set_surface(surface, configured)?;
        self.surface = probe.surface;
        Ok(())
    }
}

/// What filtering decided.
#[derive(Clone, Debug)]
pub struct FilterOutcome {
    /// The indices (into [`FilterInput::items`]) of the candidates that
    /// match the lists, ascending.
    pub blocked: Vec<usize>,
    /// What is counted: how many candidates, how many blocked.
    pub event: Event,
}

/// Decides every candidate of `input` on `engine`, with `scratch` reused
/// across them.
pub fn run(engine: &Engine, input: &FilterInput<'_>, scratch: &mut Scratch) -> FilterOutcome {
    let blocked: Vec<usize> = input
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| engine.matcher.check_with(item, scratch).is_hit())
        .map(|(index, _)| index)
        .collect();
    let locale = engine.content.resolve_locale(input.locale.as_deref());
    let dims = Dims {
        list_version: engine.matcher.version_shared(),
        category: None,
        entry: None,
        variant: None,
        locale: Tag::new(locale),
        country: Tag::new(input.country.as_deref().unwrap_or("")),
        surface: Tag::new(input.surface.as_deref().unwrap_or("")),
    };
    let kind = EventKind::Suggestions {
        checked: u32::try_from(input.items.len()).unwrap_or(u32::MAX),
        blocked: u32::try_from(blocked.len()).unwrap_or(u32::MAX),
    };
    FilterOutcome { blocked, event: Event { at: input.at, kind, dims, session: None } }
}
