//! Keyword lists and the matcher: parsing the list format, compiling lists
//! into one automaton, and deciding for each query whether it matches.
//!
//! Build a [`Matcher`] once (it fails with every `file:line` problem, and a
//! list is never half-loaded), then call [`Matcher::check`] from any thread:
//!
//! ```
//! use signpost::keywords::{KeywordList, Matcher};
//!
//! let list = KeywordList::parse("fiction.txt", b"zorvik\nplim plom\n").unwrap();
//! let matcher = Matcher::builder().list(list).build().unwrap();
//! assert!(matcher.check("Z.0.R.V.I.K").is_hit());
//! assert!(matcher.check("plimplom").is_hit());
//! assert!(!matcher.check("zorvikian history").is_hit());
//! ```
//!
//! This module never sees HTTP and never logs: a query goes in, a
//! [`Verdict`] of entry ids and categories comes out.

mod age;
mod bloom;
mod compile;
pub mod dictionary;
mod error;
mod inflect;
mod lint;
mod list;
mod load;
mod matcher;
mod romanised;
mod typo;
mod verdict;

pub use compile::{DEFAULT_ENTRY_ID_KEY, ENGINE_VERSION, MatcherBuilder};
pub use dictionary::{Dictionary, load_dictionary};
pub use error::{LoadError, Problem};
pub use lint::{BenignHit, Finding, LintReport, Place, SHORT_ENTRY_CHARS, lint_benign, lint_dictionary, lint_lists};
pub use list::{
    DEFAULT_AGE_RANGE, Item, ItemBody, KeywordList, ListMeta, MAX_ENTRY_BYTES, MIN_FRAGMENT_CHARS, MIN_TYPO_CHARS,
    MIN_WORD_CHARS, Role, Shape,
};
pub use load::{DEMO_LISTS, demo_lists, load_paths};
pub use matcher::{Explained, ListInfo, Matcher, Scratch};
pub use verdict::{EntryId, Match, MatchKind, Verdict};
