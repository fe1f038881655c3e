//! Anonymised measurement: event tokens now; counters, sinks and exports as
//! they land. This module never sees the raw query: what reaches it is a
//! verdict's ids and categories and the request's coarse dimensions.

pub mod pseudonym;
pub mod token;
