//! Age patterns: a number followed by an age word, in its many written forms
//! (`12yo`, `12 y/o`, `12-year-old`, `12 yrs`, `12 jahre`, `12 ans`,
//! `12 лет`, `12歳`, ...), usable as a group in rules.
//!
//! Numbers are read in the plain view, where digits stay digits, so the
//! digit-for-letter folding never eats them. An age word may be glued to the
//! number (`12yo`) or spread over the following words (`12 year old`).

use crate::normalize::canonical;

/// Written forms of "years (old)" in several languages, as typed; they are
/// normalised like everything else and compared with word breaks removed.
const AGE_WORDS: &[&str] = &[
    "yo",
    "y/o",
    "y.o.",
    "yos",
    "yr",
    "yrs",
    "yr old",
    "yrs old",
    "year old",
    "years old",
    "year-old",
    "years-old",
    "yearold",
    "year olds",
    "years",
    "jahre",
    "jahre alt",
    "jährig",
    "jährige",
    "jährigen",
    "jaar",
    "jaar oud",
    "jarig",
    "jarige",
    "ans",
    "an",
    "años",
    "anos",
    "año",
    "anni",
    "anno",
    "lat",
    "лет",
    "года",
    "год",
    "годика",
    "ετών",
    "χρονών",
    "χρονων",
    "歳",
    "岁",
    "세",
    "살",
];

/// The age words in their compared form.
pub(crate) struct AgeWords {
    forms: Vec<String>,
    longest: usize,
}

impl Default for AgeWords {
    fn default() -> Self {
        let mut forms: Vec<String> = AGE_WORDS.iter().map(|w| canonical(w).replace(' ', "")).collect();
        forms.sort();
        forms.dedup();
        let longest = forms.iter().map(String::len).max().unwrap_or(0);
        AgeWords { forms, longest }
    }
}

impl AgeWords {
    fn is_form(&self, text: &[u8]) -> bool {
        self.forms.binary_search_by(|f| f.as_bytes().cmp(text)).is_ok()
    }

    /// Finds ages in `words` (the plain view's words, in order). For each
    /// age, calls `f(age, first_word, last_word)`.
    pub(crate) fn scan<'a>(&self, words: impl Iterator<Item = &'a [u8]> + Clone, mut f: impl FnMut(u32, usize, usize)) {
        let all = words.clone();
        for (index, word) in words.enumerate() {
            let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || digits > 3 {
                continue;
            }
            let Ok(age) = std::str::from_utf8(&word[..digits]).unwrap_or("x").parse::<u32>() else { continue };
            let mut joined = [0u8; 64];
            let mut len = 0;
            let glued = &word[digits..];
            let mut last = index;
            let mut next = all.clone().skip(index + 1);
            let mut piece = glued;
            let mut longest_match = None;
            loop {
                if len + piece.len() > self.longest.min(joined.len()) {
                    break;
                }
                joined[len..len + piece.len()].copy_from_slice(piece);
                len += piece.len();
                if len > 0 && self.is_form(&joined[..len]) {
                    longest_match = Some(last);
                }
                match next.next() {
                    Some(word) if last - index < 3 => {
                        piece = word;
                        last += 1;
                    }
                    _ => break,
                }
            }
            if let Some(last) = longest_match {
                f(age, index, last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(text: &str) -> Vec<(u32, usize, usize)> {
        let words = AgeWords::default();
        let text = canonical(text);
        let list: Vec<&[u8]> = text.split(' ').map(str::as_bytes).collect();
        let mut found = Vec::new();
        words.scan(list.iter().copied(), |age, a, b| found.push((age, a, b)));
        found
    }

    #[test]
    fn written_forms_of_an_age() {
        type Found = (u32, usize, usize);
        let table: &[(&str, &[Found])] = &[
            ("12yo", &[(12, 0, 0)]),
            ("12 yo", &[(12, 0, 1)]),
            ("12 y/o", &[(12, 0, 2)]),
            ("12y.o.", &[(12, 0, 1)]),
            ("12-year-old", &[(12, 0, 2)]),
            ("a 12 years old glorp", &[(12, 1, 3)]),
            ("12yrs", &[(12, 0, 0)]),
            ("１２ Jahre", &[(12, 0, 1)]),
            ("12 ans", &[(12, 0, 1)]),
            ("12 años", &[(12, 0, 1)]),
            ("12 лет", &[(12, 0, 1)]),
            ("12歳", &[(12, 0, 0)]),
        ];
        for (text, expected) in table {
            assert_eq!(ages(text), *expected, "{text}");
        }
    }

    #[test]
    fn numbers_without_age_words_are_not_ages() {
        for text in ["route 93", "12 monkeys", "ps5 games", "1234 years", "year 12", "12 yellow"] {
            assert_eq!(ages(text), [], "{text}");
        }
    }
}
