//! Simple English inflections of whole-word entries: plural `-s`/`-es`, the
//! slang plural `-z`, `-ing`, `-er`, with the usual spelling changes (a
//! doubled final consonant, a dropped final `e`, `y` → `ies`).
//!
//! Only for words of at least [`MIN_INFLECTED_CHARS`] letters written in
//! ASCII: on shorter words a suffix too often makes an ordinary word.

/// The fewest letters a word needs before suffixes are allowed on it.
pub(crate) const MIN_INFLECTED_CHARS: usize = 4;

/// How the end of a matched word may continue up to the word boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// The word ends where the entry ends.
    Exact,
    /// The word may carry an inflection; `last` is the entry's last letter.
    Inflected { last: u8 },
    /// Anything may follow (prefix and substring entries, spaceless scripts).
    Free,
    /// The pattern is the entry minus its final `e`: `-ing` must follow.
    DroppedE,
    /// The pattern is the entry minus its final `y`: `-ies` must follow.
    DroppedY,
}

const SUFFIXES: &[&[u8]] = &[b"s", b"z", b"es", b"ing", b"ings", b"er", b"ers"];
/// What follows a stem without its final `e` (`snorgl` + `ing`).
const DROPPED_E_ENDINGS: &[&[u8]] = &[b"ing", b"ings"];
/// What follows a stem without its final `y` (`zorp` + `ies`).
const DROPPED_Y_ENDINGS: &[&[u8]] = &[b"ies", b"ier", b"iers"];

/// The end rule for a whole-word entry whose last word is `word`.
pub(crate) fn end_for(word: &str) -> End {
    let bytes = word.as_bytes();
    if bytes.len() >= MIN_INFLECTED_CHARS && bytes.iter().all(u8::is_ascii_lowercase) {
        End::Inflected { last: bytes[bytes.len() - 1] }
    } else {
        End::Exact
    }
}

/// Stems that need their own pattern: `snorgle` → `snorgl` (+ing),
/// `zorpy` → `zorp` (+ies).
pub(crate) fn extra_stem(word: &str) -> Option<(&str, End)> {
    if !matches!(end_for(word), End::Inflected { .. }) {
        return None;
    }
    if let Some(stem) = word.strip_suffix('e') {
        return Some((stem, End::DroppedE));
    }
    if let Some(stem) = word.strip_suffix('y') {
        return Some((stem, End::DroppedY));
    }
    None
}

/// Whether `rest` (the bytes between the pattern's end and the boundary) is
/// allowed by `end`.
pub(crate) fn allows(end: End, rest: &[u8]) -> bool {
    match end {
        End::Free => true,
        End::Exact => rest.is_empty(),
        End::DroppedE => DROPPED_E_ENDINGS.contains(&rest),
        End::DroppedY => DROPPED_Y_ENDINGS.contains(&rest),
        End::Inflected { last } => {
            if rest.is_empty() || SUFFIXES.contains(&rest) {
                return true;
            }
            if last == b'e' && matches!(rest, b"r" | b"rs") {
                return true;
            }
            // A doubled final consonant: zorvik → zorvikking.
            let vowel = matches!(last, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
            !vowel && rest.len() >= 3 && rest[0] == last && matches!(&rest[1..], b"ing" | b"er" | b"ers")
        }
    }
}

/// Every inflected form of a whole-word entry `word` that the matcher
/// accepts (the same rules as [`allows`]), for `signpost lint`.
pub(crate) fn forms(word: &str) -> Vec<String> {
    let End::Inflected { last } = end_for(word) else { return Vec::new() };
    let doubled: Vec<Vec<u8>> = [&b"ing"[..], b"er", b"ers"].iter().map(|e| [&[last][..], e].concat()).collect();
    let endings = SUFFIXES.iter().copied().chain([&b"r"[..], b"rs"]).chain(doubled.iter().map(Vec::as_slice));
    let mut out: Vec<String> = endings
        .filter(|ending| allows(End::Inflected { last }, ending))
        .map(|ending| format!("{word}{}", String::from_utf8_lossy(ending)))
        .collect();
    if let Some((stem, end)) = extra_stem(word) {
        let endings = if end == End::DroppedE { DROPPED_E_ENDINGS } else { DROPPED_Y_ENDINGS };
        out.extend(endings.iter().map(|ending| format!("{stem}{}", String::from_utf8_lossy(ending))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_what_the_rules_allow() {
        let zorvik = forms("zorvik");
        for form in ["zorviks", "zorvikes", "zorviking", "zorvikker", "zorvikkers"] {
            assert!(zorvik.contains(&form.to_owned()), "{form} in {zorvik:?}");
        }
        assert!(!zorvik.contains(&"zorvikr".to_owned()));
        assert!(
            forms("snorgle").contains(&"snorgling".to_owned()) && forms("snorgle").contains(&"snorgler".to_owned())
        );
        assert!(forms("zorpy").contains(&"zorpies".to_owned()));
        assert!(forms("zor").is_empty(), "short words take no suffix");
    }

    #[test]
    fn inflections_follow_the_table() {
        let table: &[(&str, &str, bool)] = &[
            ("zorvik", "", true),
            ("zorvik", "s", true),
            ("zorvik", "z", true),
            ("zorvik", "es", true),
            ("zorvik", "ing", true),
            ("zorvik", "er", true),
            ("zorvik", "ers", true),
            ("zorvik", "king", true),
            ("zorvik", "ed", false),
            ("zorvik", "ity", false),
            ("zorvik", "x", false),
            ("snorgle", "r", true),
            ("snorgle", "s", true),
            ("blema", "ming", false),
        ];
        for (word, rest, expected) in table {
            assert_eq!(allows(end_for(word), rest.as_bytes()), *expected, "{word} + {rest}");
        }
    }

    #[test]
    fn short_and_non_ascii_words_take_no_suffix() {
        assert_eq!(end_for("zov"), End::Exact);
        assert_eq!(end_for("звирдак"), End::Exact);
        assert!(!allows(end_for("zov"), b"s"));
    }

    #[test]
    fn stems_for_dropped_letters() {
        assert_eq!(extra_stem("snorgle"), Some(("snorgl", End::DroppedE)));
        assert_eq!(extra_stem("zorpy"), Some(("zorp", End::DroppedY)));
        assert_eq!(extra_stem("zorvik"), None);
        assert!(allows(End::DroppedE, b"ing"));
        assert!(!allows(End::DroppedE, b""));
        assert!(allows(End::DroppedY, b"ies"));
    }
}
