//! Age patterns: a number followed by an age word, in its many written forms
//! (`12yo`, `12 y/o`, `12-year-old`, `12 yrs`, `12 jahre`, `12 ans`,
//! `12 лет`, `12歳`, ...), usable as a group in rules.
//!
//! Numbers are read in the plain view, where digits stay digits, so the
//! digit-for-letter folding never eats them. An age word may be glued to the
//! number (`12yo`) or spread over the following words (`12 year old`).
//! Numbers may also be spelled out, 0 to 20 in English, German, Dutch,
//! French and Spanish and 21 to 99 in English (`twelve year old`,
//! `twenty-one yo`, `zwölfjährige`, `douze ans`, `doce años`).

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

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

/// Numbers written as words, 0 to 20, in the languages of the age words.
const NUMBER_WORDS: &[(&str, u32)] = &[
    // English (the first ten are also the units of the English tens)
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    // German
    ("null", 0),
    ("ein", 1),
    ("eins", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
    ("zwanzig", 20),
    // Dutch
    ("nul", 0),
    ("een", 1),
    ("één", 1),
    ("twee", 2),
    ("drie", 3),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("negen", 9),
    ("tien", 10),
    ("twaalf", 12),
    ("dertien", 13),
    ("veertien", 14),
    ("vijftien", 15),
    ("zestien", 16),
    ("zeventien", 17),
    ("achttien", 18),
    ("negentien", 19),
    ("twintig", 20),
    // French
    ("zéro", 0),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("dix-sept", 17),
    ("dix-huit", 18),
    ("dix-neuf", 19),
    ("vingt", 20),
    // Spanish
    ("cero", 0),
    ("uno", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("once", 11),
    ("doce", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("dieciséis", 16),
    ("diecisiete", 17),
    ("dieciocho", 18),
    ("diecinueve", 19),
    ("veinte", 20),
];

/// English tens, which with a unit make 21 to 99 (`twenty-one`, `twentyone`).
const ENGLISH_TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words that make the number word after them part of a larger number
/// (`thirty five`, `vingt et un`, `treinta y cinco`): tens and hundreds in
/// the five languages. Number words and connectors are added to them.
const LARGER_NUMBER_WORDS: &[&str] = &[
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "dreißig",
    "dreissig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
    "hundert",
    "tausend",
    "dertig",
    "veertig",
    "vijftig",
    "zestig",
    "zeventig",
    "tachtig",
    "negentig",
    "honderd",
    "duizend",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "mille",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
    "cien",
    "ciento",
    "mil",
];

/// Words joining the parts of a number (`thirty and five` is rare, `vingt et
/// un` and `treinta y cinco` are the rule).
const NUMBER_CONNECTORS: &[&str] = &["and", "und", "en", "et", "y"];

/// The compared form of a word or phrase: normalised, word breaks removed.
fn compared(text: &str) -> Vec<u8> {
    canonical(text).replace(' ', "").into_bytes()
}

/// The age words and number words in their compared form.
pub(crate) struct AgeWords {
    forms: Vec<String>,
    longest: usize,
    /// Single-word numbers, sorted: 0–20 in five languages, 20–99 in English (units glued).
    numbers: Vec<(Vec<u8>, u32)>,
    /// Two-word numbers: `twenty one`, `dix sept`.
    pairs: Vec<(Vec<u8>, Vec<u8>, u32)>,
    /// Tens and hundreds after which a number word is part of a larger
    /// number, sorted (number words themselves are found through
    /// `number_starts`).
    larger: Vec<Vec<u8>>,
    connectors: Vec<Vec<u8>>,
    /// The forms of `numbers`, for an anchored search at the start of a
    /// word: this runs for every word of every query, and a DFA turns most
    /// words away after a byte or two.
    number_starts: DFA,
}

impl Default for AgeWords {
    fn default() -> Self {
        let mut forms: Vec<String> = AGE_WORDS.iter().map(|w| canonical(w).replace(' ', "")).collect();
        forms.sort();
        forms.dedup();
        let longest = forms.iter().map(String::len).max().unwrap_or(0);
        let mut numbers: Vec<(Vec<u8>, u32)> = NUMBER_WORDS.iter().map(|(w, n)| (compared(w), *n)).collect();
        let mut pairs = Vec::new();
        for (ten, tens) in ENGLISH_TENS {
            numbers.push((compared(ten), *tens));
            for (unit, units) in NUMBER_WORDS.iter().take(10).skip(1) {
                numbers.push((compared(&format!("{ten}{unit}")), tens + units));
                pairs.push((compared(ten), compared(unit), tens + units));
            }
        }
        for (unit, value) in [("sept", 17), ("huit", 18), ("neuf", 19)] {
            pairs.push((compared("dix"), compared(unit), value));
        }
        numbers.sort();
        numbers.dedup();
        let mut larger: Vec<Vec<u8>> = LARGER_NUMBER_WORDS.iter().map(|w| compared(w)).collect();
        larger.sort();
        larger.dedup();
        let connectors = NUMBER_CONNECTORS.iter().map(|w| compared(w)).collect();
        let number_starts = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(numbers.iter().map(|(form, _)| form))
            .expect("a few hundred short number words always compile");
        AgeWords { forms, longest, numbers, pairs, larger, connectors, number_starts }
    }
}

impl AgeWords {
    fn is_form(&self, text: &[u8]) -> bool {
        self.forms.binary_search_by(|f| f.as_bytes().cmp(text)).is_ok()
    }

    /// Whether `word` is a number (digits, a number word, a ten or hundred).
    fn is_number_like(&self, word: &[u8]) -> bool {
        self.larger.binary_search_by(|f| f.as_slice().cmp(word)).is_ok()
            || self.longest_number_at_start(word).is_some_and(|(end, _)| end == word.len())
            || word.first().is_some_and(u8::is_ascii_digit)
    }

    /// Finds ages in `words` (the plain view's words, in order, each with
    /// whether it continues a number written with a decimal point or comma:
    /// `5` in `21.5`). For each age, calls `f(age, first_word, last_word)`.
    pub(crate) fn scan<'a>(
        &self,
        words: impl Iterator<Item = (&'a [u8], bool)> + Clone,
        mut f: impl FnMut(u32, usize, usize),
    ) {
        let all = words.clone().map(|(word, _)| word);
        let (mut previous, mut before_previous): (&[u8], &[u8]) = (b"", b"");
        for (index, (word, decimal)) in words.enumerate() {
            let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
            if (1..=3).contains(&digits) {
                // Digits after a decimal point (`21.5`) or a spelled-out ten
                // (`thirty-5`) end a larger number: not an age. (Checked
                // only here: this runs for every word of every query.)
                let continues_a_number =
                    decimal || (previous.first().is_some_and(|b| !b.is_ascii_digit()) && self.is_number_like(previous));
                if continues_a_number {
                    (before_previous, previous) = (previous, word);
                    continue;
                }
                if let Ok(age) = std::str::from_utf8(&word[..digits]).unwrap_or("x").parse::<u32>() {
                    if let Some(last) = self.age_word_after(&word[digits..], all.clone().skip(index + 1), index) {
                        f(age, index, last);
                    }
                }
            } else if digits == 0 {
                if let Some((age, last)) = self.spelled_age(word, all.clone().skip(index + 1), index) {
                    if !self.inside_a_number(previous, before_previous) {
                        f(age, index, last);
                    }
                }
            }
            (before_previous, previous) = (previous, word);
        }
    }

    /// Whether a word after `previous` (after `before_previous`) continues a
    /// number: `thirty five`, `vingt et un`, `treinta y cinco`.
    fn inside_a_number(&self, previous: &[u8], before_previous: &[u8]) -> bool {
        self.is_number_like(previous)
            || (self.connectors.iter().any(|c| c.as_slice() == previous) && self.is_number_like(before_previous))
    }

    /// A spelled-out number starting `word`, followed by an age word: the
    /// age and the index of the last word used.
    fn spelled_age<'a>(
        &self,
        word: &[u8],
        next: impl Iterator<Item = &'a [u8]> + Clone,
        index: usize,
    ) -> Option<(u32, usize)> {
        let (end, value) = self.longest_number_at_start(word)?;
        if end == word.len() {
            let mut after_pair = next.clone();
            if let Some(second) = after_pair.next() {
                for (one, two, value) in &self.pairs {
                    if one.as_slice() == word && two.as_slice() == second {
                        if let Some(last) = self.age_word_after(b"", after_pair.clone(), index + 1) {
                            return Some((*value, last));
                        }
                    }
                }
            }
        }
        // The longest number word the word starts with (`eighteen`, not
        // `eight`); what follows it in the word may be a glued age word.
        self.age_word_after(&word[end..], next, index).map(|last| (value, last))
    }

    /// The longest number word that `word` starts with: where it ends, and
    /// its value. Walks the DFA by hand: a search call per word costs more
    /// than the few bytes most words take to reach a dead state.
    fn longest_number_at_start(&self, word: &[u8]) -> Option<(usize, u32)> {
        let dfa = &self.number_starts;
        let mut state = dfa.start_state(Anchored::Yes).ok()?;
        let mut longest = None;
        for (at, &byte) in word.iter().enumerate() {
            state = dfa.next_state(Anchored::Yes, state, byte);
            if dfa.is_special(state) {
                if dfa.is_dead(state) {
                    break;
                }
                if dfa.is_match(state) {
                    longest = Some((at + 1, dfa.match_pattern(state, 0)));
                }
            }
        }
        longest.map(|(end, pattern)| (end, self.numbers[pattern.as_usize()].1))
    }

    /// Whether an age word follows: `glued` (what follows the number in its
    /// own word) and up to three of the `next` words. Returns the index of
    /// the last word of the longest age word (`index` is the number's word).
    fn age_word_after<'a>(
        &self,
        glued: &[u8],
        mut next: impl Iterator<Item = &'a [u8]>,
        index: usize,
    ) -> Option<usize> {
        let mut joined = [0u8; 64];
        let mut len = 0;
        let mut last = index;
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
        longest_match
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
        words.scan(list.iter().map(|w| (*w, false)), |age, a, b| found.push((age, a, b)));
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
            ("twelve year old", &[(12, 0, 2)]),
            ("a Thirteen-Year-Old glorp", &[(13, 1, 3)]),
            ("twelveyo", &[(12, 0, 0)]),
            ("twenty one yo", &[(21, 0, 2)]),
            ("twenty-one years", &[(21, 0, 2)]),
            ("twentyone yrs", &[(21, 0, 1)]),
            ("zwölf Jahre", &[(12, 0, 1)]),
            ("zwölfjährige", &[(12, 0, 0)]),
            ("twaalf jaar oud", &[(12, 0, 2)]),
            ("douze ans", &[(12, 0, 1)]),
            ("dix-sept ans", &[(17, 0, 2)]),
            ("doce años", &[(12, 0, 1)]),
            ("dieciséis años", &[(16, 0, 1)]),
        ];
        for (text, expected) in table {
            assert_eq!(ages(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_number_word_inside_a_larger_number_is_not_read_alone() {
        // Adults' ages must not yield the child's age of their last word.
        for text in [
            "thirty five year old",
            "forty-two years",
            "dix-huit ans",
            "vingt et un ans",
            "treinta y cinco años",
            "dreißig drei Jahre",
            "35 five years",
            "hundred and ten years",
        ] {
            let found = ages(text);
            assert!(found.iter().all(|(age, _, _)| *age > 17), "{text}: {found:?}");
        }
        assert_eq!(ages("thirty five year old"), [(35, 0, 3)], "read whole");
        assert_eq!(ages("dix-huit ans"), [(18, 0, 2)], "read whole");
    }

    #[test]
    fn numbers_without_age_words_are_not_ages() {
        for text in [
            "route 93",
            "12 monkeys",
            "ps5 games",
            "1234 years",
            "year 12",
            "12 yellow",
            "twelve monkeys",
            "one direction",
            "trespass",
            "elf on the shelf",
            "seventeen magazine",
        ] {
            assert_eq!(ages(text), [], "{text}");
        }
    }
}
