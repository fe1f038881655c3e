//! Shared pieces of content validation: the source files, the problem
//! collector (spans to line numbers) and the small text rules used by every
//! content file.

use std::ops::Range;

use serde::de::DeserializeOwned;

use super::error::Problem;

/// One content file as it takes part in a load: embedded or from the
/// operator's directory.
#[derive(Clone, Debug)]
pub(super) struct SourceFile {
    /// Path relative to the content directory, with `/` separators
    /// (`messages/en.toml`).
    pub rel: String,
    /// How problems name the file: `embedded:messages/en.toml` or the path on disk.
    pub label: String,
    /// The file's text.
    pub text: String,
}

/// Every problem found while loading, in the order found.
#[derive(Debug, Default)]
pub(super) struct Problems(pub Vec<Problem>);

impl Problems {
    /// A problem at the position `span` (byte offsets) of `file`.
    pub fn at(&mut self, file: &SourceFile, span: Range<usize>, reason: impl Into<String>) {
        let line = line_of(&file.text, span.start);
        self.at_line(file, line, reason);
    }

    /// A problem at a known 1-based line of `file`.
    pub fn at_line(&mut self, file: &SourceFile, line: u32, reason: impl Into<String>) {
        self.0.push(Problem { file: file.label.clone(), line: Some(line), reason: reason.into() });
    }

    /// A problem of `file` as a whole (no position).
    pub fn file(&mut self, file: &SourceFile, reason: impl Into<String>) {
        self.0.push(Problem { file: file.label.clone(), line: None, reason: reason.into() });
    }

    /// A problem named by a label only (a directory that cannot be read).
    pub fn label(&mut self, label: &str, reason: impl Into<String>) {
        self.0.push(Problem { file: label.to_owned(), line: None, reason: reason.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses `file` as TOML into `T`; a syntax or shape error becomes a
    /// problem (with its line where toml gives a span) and `None`.
    pub fn parse<T: DeserializeOwned>(&mut self, file: &SourceFile) -> Option<T> {
        match toml::from_str::<T>(&file.text) {
            Ok(value) => Some(value),
            Err(error) => {
                let reason = error.message().trim().replace('\n', "; ");
                match error.span() {
                    Some(span) => self.at(file, span, reason),
                    None => self.file(file, reason),
                }
                None
            }
        }
    }
}

/// The 1-based line of byte offset `offset` in `text`.
pub(super) fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines).unwrap_or(u32::MAX - 1).saturating_add(1)
}

/// An id: lowercase ASCII letters, digits and `-`, non-empty.
pub(super) fn is_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Why `s` is not an id, for problem texts.
pub(super) const ID_RULE: &str = "an id is lowercase a-z, 0-9 and `-`";

/// A BCP 47 language tag in the simple shape content uses: a 2–3 letter
/// lowercase language, then subtags of 1–8 ASCII letters or digits (`nl`,
/// `pt-BR`, `zh-Hant`).
pub(super) fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Empty or only whitespace.
pub(super) fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Number of characters (Unicode scalar values).
pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// An `http://` or `https://` address with a host and no whitespace.
pub(super) fn is_web_address(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            !rest.is_empty()
                && !rest.starts_with('/')
                && !rest.starts_with('.')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// A calendar date written `YYYY-MM-DD`.
pub(super) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Why a text meant as plain text is not, or `None` if it is: no HTML and no
/// markdown emphasis, code or links.
pub(super) fn not_plain_text(s: &str) -> Option<&'static str> {
    if s.contains(['<', '>']) {
        Some("plain text only, no `<` or `>` (HTML)")
    } else if s.contains("**") || s.contains("__") || s.contains('`') || s.contains("](") {
        Some("plain text only, no markdown (`**`, `__`, backticks or `](`)")
    } else {
        None
    }
}

/// Whether `requested` and `available` name the same tag, ignoring ASCII
/// case and treating `_` as `-`.
fn tag_eq(requested: &str, available: &str) -> bool {
    requested.len() == available.len()
        && requested.bytes().zip(available.bytes()).all(|(a, b)| {
            let a = if a == b'_' { b'-' } else { a.to_ascii_lowercase() };
            a == b.to_ascii_lowercase()
        })
}

/// The longest request sensibly a language tag; longer ones match nothing.
const MAX_TAG_LEN: usize = 64;

/// The entry of `available` that best matches the language tag `requested`:
/// the whole tag, then the tag with its last subtag removed, and so on
/// (`nl-BE` → `nl`), case-insensitive, `_` read as `-`.
pub(super) fn match_tag<'a>(requested: &str, available: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    let mut tag = requested.trim();
    if tag.len() > MAX_TAG_LEN {
        return None;
    }
    while !tag.is_empty() {
        if let Some(found) = available.clone().find(|a| tag_eq(tag, a)) {
            return Some(found);
        }
        match tag.rfind(['-', '_']) {
            Some(i) => tag = &tag[..i],
            None => return None,
        }
    }
    None
}

/// The primary language subtag of a tag, lowercase (`pt-BR` → `pt`).
pub(super) fn primary_language(tag: &str) -> &str {
    let tag = tag.trim();
    tag.split(['-', '_']).next().unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_dates() {
        for good in ["2026-11-28", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in ["2026-13-01", "2026-02-29", "1900-02-29", "2026-1-01", "26-11-28", "2026/11/28", "2026-11-28x", ""]
        {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses_need_a_scheme_and_host() {
        assert!(is_web_address("https://example.org/help"));
        assert!(is_web_address("http://example.org"));
        for bad in ["example.org", "https://", "https:///x", "javascript:alert(1)", "https://exa mple.org", "ftp://x"] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags_have_a_simple_shape() {
        for good in ["en", "nl", "pt-BR", "zh-Hant", "es-419", "mr"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "EN", "e", "english", "pt_BR", "nl-", "nl-toolongsubtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn lines_count_from_one() {
        let text = "a\nb\nc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 4), 3);
        assert_eq!(line_of(text, 99), 3);
    }
}
