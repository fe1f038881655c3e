//! Shared fixtures: the demo matcher and table runners.

use std::sync::LazyLock;

use signpost::keywords::{KeywordList, Matcher, demo_lists};

/// The matcher over the embedded demo lists (fictional terms).
pub static DEMO: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::builder().lists(demo_lists().expect("demo lists load")).build().expect("demo lists compile")
});

/// A matcher over one list given as text.
pub fn matcher(list: &str) -> Matcher {
    let list = KeywordList::parse("test.txt", list.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    Matcher::builder().list(list).build().unwrap_or_else(|e| panic!("{e}"))
}

/// Asserts that every query of `table` is (or is not) a hit on `matcher`.
#[track_caller]
pub fn assert_table(matcher: &Matcher, table: &[(&str, bool)]) {
    let wrong: Vec<String> = table
        .iter()
        .filter(|(query, expected)| matcher.check(query).is_hit() != *expected)
        .map(|(query, expected)| format!("{query:?} should {}match", if *expected { "" } else { "not " }))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
