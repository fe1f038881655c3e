//! Properties that must hold for every input, checked with proptest.

use proptest::prelude::*;
use signpost::keywords::EntryId;
use signpost::normalize::canonical;

use crate::helpers::DEMO;

const TERMS: &[&str] =
    &["zorvik", "blemquat", "snorgle", "glimfen", "quorzel", "drabnitz", "vexolith", "frumpkle", "wuzzlefeg"];
const CONTEXT: &[&str] = &[
    "where", "to", "find", "cheap", "flights", "london", "videos", "free", "best", "2024", "new", "pics", "the", "of",
    "and", "download", "watch", "online", "hd", "full", "weather", "recipe",
];
const INVISIBLE: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}'];
const SEPARATORS: &[&str] = &[".", "-", " ", "_", "*", "/", ". ", " - "];

fn entries(query: &str) -> Vec<EntryId> {
    let mut ids: Vec<EntryId> = DEMO.check(query).matches().iter().map(|m| m.entry).collect();
    ids.sort();
    ids
}

/// Queries of context words, sometimes with a listed term among them.
fn query() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(CONTEXT), 0..5),
        prop::option::of(prop::sample::select(TERMS)),
        any::<usize>(),
    )
        .prop_map(|(mut words, term, at)| {
            if let Some(term) = term {
                let at = if words.is_empty() { 0 } else { at % (words.len() + 1) };
                words.insert(at, term);
            }
            words.join(" ")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalisation_is_idempotent(text in "\\PC{0,40}") {
        let once = canonical(&text);
        prop_assert_eq!(canonical(&once), once);
    }

    #[test]
    fn normalisation_of_mixed_odd_text_is_idempotent(text in "[a-zA-Z0-9 .\\-_@$!|аеорсхуіΑΒΕοι\u{200b}\u{301}ßǆ🇦🇧🅰]{0,30}") {
        let once = canonical(&text);
        prop_assert_eq!(canonical(&once), once);
    }

    #[test]
    fn verdict_ignores_case(query in query(), flips in prop::collection::vec(any::<bool>(), 64)) {
        let flipped: String = query
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect();
        prop_assert_eq!(entries(&query), entries(&flipped));
    }

    #[test]
    fn verdict_ignores_invisible_characters(
        query in query(),
        inserts in prop::collection::vec((any::<usize>(), prop::sample::select(INVISIBLE)), 1..6),
    ) {
        let mut chars: Vec<char> = query.chars().collect();
        for (at, ch) in inserts {
            let at = if chars.is_empty() { 0 } else { at % (chars.len() + 1) };
            chars.insert(at, ch);
        }
        let disguised: String = chars.into_iter().collect();
        prop_assert_eq!(entries(&query), entries(&disguised));
    }

    #[test]
    fn separators_between_the_letters_of_a_term_keep_the_match(
        term in prop::sample::select(TERMS),
        separators in prop::collection::vec(prop::sample::select(SEPARATORS), 16),
        before in prop::option::of(prop::sample::select(CONTEXT)),
        after in prop::option::of(prop::sample::select(CONTEXT)),
    ) {
        let mut spelled = String::new();
        for (i, c) in term.chars().enumerate() {
            if i > 0 {
                spelled.push_str(separators[i % separators.len()]);
            }
            spelled.push(c);
        }
        let query = [before.unwrap_or(""), &spelled, after.unwrap_or("")].join(" ");
        let expected = entries(term);
        prop_assert!(!expected.is_empty());
        let found = entries(&query);
        prop_assert!(expected.iter().all(|id| found.contains(id)), "{query:?} lost the match");
    }
}
