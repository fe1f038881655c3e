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

/// How an age word counts the number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// Years, written anywhere after the number.
    Years,
    /// Years, only glued to the number (`12yrs`): `12 yrs warranty` is a
    /// duration.
    YearsGlued,
    /// Months (`8 month old`): the age is the whole years.
    Months,
}

/// Written forms of "years (old)" in several languages, as typed; they are
/// normalised like everything else and compared with word breaks removed
/// and repeated letters written once (`yeaaar old`). A bare English
/// "years" is a duration (`12 years ago`), never an age: English needs
/// "old" or "of age".
const AGE_WORDS: &[(&str, Unit)] = &[
    ("yo", Unit::Years),
    ("y/o", Unit::Years),
    ("y.o.", Unit::Years),
    ("yos", Unit::Years),
    ("yr", Unit::YearsGlued),
    ("yrs", Unit::YearsGlued),
    ("yr old", Unit::Years),
    ("yrs old", Unit::Years),
    ("year old", Unit::Years),
    ("years old", Unit::Years),
    ("yer old", Unit::Years),
    ("yearold", Unit::Years),
    ("year olds", Unit::Years),
    ("year of age", Unit::Years),
    ("years of age", Unit::Years),
    ("month old", Unit::Months),
    ("months old", Unit::Months),
    ("mo old", Unit::Months),
    ("mos old", Unit::Months),
    ("monat alt", Unit::Months),
    ("monate alt", Unit::Months),
    ("maanden oud", Unit::Months),
    ("mois", Unit::Months),
    ("maand oud", Unit::Months),
    ("mes de edad", Unit::Months),
    ("meses de edad", Unit::Months),
    ("mese", Unit::Months),
    ("mesi", Unit::Months),
    ("miesiąc", Unit::Months),
    ("miesiące", Unit::Months),
    ("miesięcy", Unit::Months),
    ("месяц", Unit::Months),
    ("месяцев", Unit::Months),
    ("месяца", Unit::Months),
    ("jahr", Unit::Years),
    ("jahre", Unit::Years),
    ("jahre alt", Unit::Years),
    ("jährig", Unit::Years),
    ("jährige", Unit::Years),
    ("jährigen", Unit::Years),
    ("jaar", Unit::Years),
    ("jaar oud", Unit::Years),
    ("jarig", Unit::Years),
    ("jarige", Unit::Years),
    ("ans", Unit::Years),
    ("an", Unit::Years),
    ("años", Unit::Years),
    ("anos", Unit::Years),
    ("año", Unit::Years),
    ("anni", Unit::Years),
    ("anno", Unit::Years),
    ("rok", Unit::Years),
    ("lat", Unit::Years),
    ("lata", Unit::Years),
    ("letni", Unit::Years),
    ("letnia", Unit::Years),
    ("letnie", Unit::Years),
    ("let", Unit::Years),
    ("лет", Unit::Years),
    ("года", Unit::Years),
    ("год", Unit::Years),
    ("годика", Unit::Years),
    ("летний", Unit::Years),
    ("летняя", Unit::Years),
    ("летнего", Unit::Years),
    ("летней", Unit::Years),
    ("летнюю", Unit::Years),
    ("летние", Unit::Years),
    ("летних", Unit::Years),
    ("років", Unit::Years),
    ("роки", Unit::Years),
    ("рік", Unit::Years),
    ("ετών", Unit::Years),
    ("χρονών", Unit::Years),
    ("χρονων", Unit::Years),
    ("歳", Unit::Years),
    ("岁", Unit::Years),
    ("歲", Unit::Years),
    ("세", Unit::Years),
    ("살", Unit::Years),
];

/// Words that put an age before its number: `age 14`, `aged 14`, `age: 14`.
const AGE_BEFORE: &[&str] = &["age", "aged", "edad", "età", "wiek", "возраст", "alter", "leeftijd", "idade"];

/// The largest number read after [`AGE_BEFORE`] or before a month word.
const MAX_AGE_NUMBER: u32 = 999;

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
    // Italian
    ("uno", 1),
    ("una", 1),
    ("due", 2),
    ("tre", 3),
    ("quattro", 4),
    ("cinque", 5),
    ("sei", 6),
    ("sette", 7),
    ("otto", 8),
    ("nove", 9),
    ("dieci", 10),
    ("undici", 11),
    ("dodici", 12),
    ("tredici", 13),
    ("quattordici", 14),
    ("quindici", 15),
    ("sedici", 16),
    ("diciassette", 17),
    ("diciotto", 18),
    ("diciannove", 19),
    ("venti", 20),
    // Portuguese
    ("um", 1),
    ("dois", 2),
    ("duas", 2),
    ("três", 3),
    ("sete", 7),
    ("oito", 8),
    ("dez", 10),
    ("treze", 13),
    ("quatorze", 14),
    ("dezesseis", 16),
    ("dezasseis", 16),
    ("dezessete", 17),
    ("dezassete", 17),
    ("dezoito", 18),
    ("dezenove", 19),
    ("dezanove", 19),
    ("vinte", 20),
    // Polish
    ("jeden", 1),
    ("jedna", 1),
    ("dwa", 2),
    ("dwie", 2),
    ("trzy", 3),
    ("cztery", 4),
    ("pięć", 5),
    ("sześć", 6),
    ("siedem", 7),
    ("osiem", 8),
    ("dziewięć", 9),
    ("dziesięć", 10),
    ("jedenaście", 11),
    ("dwanaście", 12),
    ("trzynaście", 13),
    ("czternaście", 14),
    ("piętnaście", 15),
    ("szesnaście", 16),
    ("siedemnaście", 17),
    ("osiemnaście", 18),
    ("dziewiętnaście", 19),
    ("dwadzieścia", 20),
    // Russian
    ("один", 1),
    ("одна", 1),
    ("два", 2),
    ("две", 2),
    ("три", 3),
    ("четыре", 4),
    ("пять", 5),
    ("шесть", 6),
    ("семь", 7),
    ("восемь", 8),
    ("девять", 9),
    ("десять", 10),
    ("одиннадцать", 11),
    ("двенадцать", 12),
    ("тринадцать", 13),
    ("четырнадцать", 14),
    ("пятнадцать", 15),
    ("шестнадцать", 16),
    ("семнадцать", 17),
    ("восемнадцать", 18),
    ("девятнадцать", 19),
    ("двадцать", 20),
    // Korean native numbers (with 살)
    ("한", 1),
    ("두", 2),
    ("세", 3),
    ("네", 4),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
    ("열", 10),
    ("열한", 11),
    ("열두", 12),
    ("열세", 13),
    ("열네", 14),
    ("열다섯", 15),
    ("열여섯", 16),
    ("열일곱", 17),
    ("열여덟", 18),
    ("열아홉", 19),
    ("스무", 20),
];

/// Han numerals 1–9, with which 1–20 are written (`十六` = 16, `二十` = 20).
const HAN_DIGITS: &[(char, u32)] =
    &[('一', 1), ('二', 2), ('两', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('七', 7), ('八', 8), ('九', 9)];

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
    "trenta",
    "quaranta",
    "cinquanta",
    "cento",
    "trinta",
    "quarenta",
    "cem",
    "trzydzieści",
    "czterdzieści",
    "sto",
    "тридцать",
    "сорок",
    "пятьдесят",
    "сто",
];

/// Words joining the parts of a number (`thirty and five` is rare, `vingt et
/// un` and `treinta y cinco` are the rule).
const NUMBER_CONNECTORS: &[&str] = &["and", "und", "en", "et", "y", "e"];

/// The compared form of a word or phrase: normalised, word breaks removed.
fn compared(text: &str) -> Vec<u8> {
    canonical(text).replace(' ', "").into_bytes()
}

/// An age word's compared form: as [`compared`], repeated characters
/// written once.
fn collapsed(text: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    for &b in text {
        if out.last() != Some(&b) || !b.is_ascii_alphabetic() {
            out.push(b);
        }
    }
    out
}

/// Digits and symbols that stand for letters in a disguised age word
/// (`y3ar 0ld`).
fn age_word_byte(b: u8) -> u8 {
    match b {
        b'0' => b'o',
        b'1' => b'l',
        b'3' => b'e',
        b'4' | b'@' => b'a',
        _ => b,
    }
}

/// The age words and number words in their compared form.
pub(crate) struct AgeWords {
    forms: Vec<(Vec<u8>, Unit)>,
    before: Vec<Vec<u8>>,
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
        let mut forms: Vec<(Vec<u8>, Unit)> =
            AGE_WORDS.iter().map(|(w, unit)| (collapsed(&compared(w)), *unit)).collect();
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        forms.dedup_by(|a, b| a.0 == b.0);
        let longest = forms.iter().map(|f| f.0.len()).max().unwrap_or(0);
        let before = AGE_BEFORE.iter().map(|w| compared(w)).collect();
        let mut numbers: Vec<(Vec<u8>, u32)> = NUMBER_WORDS.iter().map(|(w, n)| (compared(w), *n)).collect();
        for &(digit, value) in HAN_DIGITS {
            numbers.push((digit.to_string().into_bytes(), value));
            numbers.push((format!("十{digit}").into_bytes(), 10 + value));
        }
        numbers.push(("十".to_string().into_bytes(), 10));
        numbers.push(("二十".to_string().into_bytes(), 20));
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
        AgeWords { forms, before, longest, numbers, pairs, larger, connectors, number_starts }
    }
}

impl AgeWords {
    fn form(&self, text: &[u8]) -> Option<Unit> {
        self.forms.binary_search_by(|f| f.0.as_slice().cmp(text)).ok().map(|i| self.forms[i].1)
    }

    /// Whether some age word begins with `prefix`.
    fn some_form_starts_with(&self, prefix: &[u8]) -> bool {
        let at = self.forms.partition_point(|f| f.0.as_slice() < prefix);
        self.forms.get(at).is_some_and(|f| f.0.starts_with(prefix))
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
                if let Ok(number) = std::str::from_utf8(&word[..digits]).unwrap_or("x").parse::<u32>() {
                    if let Some((last, unit)) = self.age_word_after(&word[digits..], all.clone().skip(index + 1), index)
                    {
                        f(in_years(number, unit), index, last);
                    }
                }
            } else if digits == 0 {
                if let Some((age, last)) = self.spelled_age(word, all.clone().skip(index + 1), index) {
                    let value = self.longest_number_at_start(word).map_or(0, |(_, value)| value);
                    if !self.inside_a_number(previous, before_previous, value) {
                        f(age, index, last);
                    }
                } else if self.before.iter().any(|b| b.as_slice() == word) {
                    // `age 14`, `aged fourteen`.
                    if let Some(number) = all.clone().nth(index + 1).and_then(|next| self.whole_number(next)) {
                        f(number, index, index + 1);
                    }
                }
            }
            (before_previous, previous) = (previous, word);
        }
    }

    /// The value of a word that is a whole number: digits (up to
    /// [`MAX_AGE_NUMBER`]) or one number word.
    fn whole_number(&self, word: &[u8]) -> Option<u32> {
        if !word.is_empty() && word.iter().all(u8::is_ascii_digit) {
            return std::str::from_utf8(word).ok()?.parse().ok().filter(|n| *n <= MAX_AGE_NUMBER);
        }
        self.longest_number_at_start(word).filter(|(end, _)| *end == word.len()).map(|(_, value)| value)
    }

    /// Whether a spelled-out number after `previous` (after
    /// `before_previous`) continues a number: `thirty five`, `vingt et un`,
    /// `treinta y cinco`, and a round ten in digits before a unit (`30
    /// five`). Other digits before it are a number of their own (`2024
    /// fourteen year old`, `4k eleven-year-old`).
    fn inside_a_number(&self, previous: &[u8], before_previous: &[u8], value: u32) -> bool {
        let spelled = |word: &[u8]| !word.first().is_some_and(u8::is_ascii_digit) && self.is_number_like(word);
        let round_ten =
            |word: &[u8]| word.len() == 2 && word[0] != b'0' && word[1] == b'0' && word.iter().all(u8::is_ascii_digit);
        spelled(previous)
            || (round_ten(previous) && value < 10)
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
                        if let Some((last, unit)) = self.age_word_after(b"", after_pair.clone(), index + 1) {
                            return Some((in_years(*value, unit), last));
                        }
                    }
                }
            }
        }
        // The longest number word the word starts with (`eighteen`, not
        // `eight`); what follows it in the word may be a glued age word.
        self.age_word_after(&word[end..], next, index).map(|(last, unit)| (in_years(value, unit), last))
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
    /// own word) and up to eight of the `next` words (`y e a r o l d`),
    /// read with repeated letters once and digits as letters (`y3aaar`).
    /// Returns the index of the last word of the longest age word (`index`
    /// is the number's word) and its unit.
    fn age_word_after<'a>(
        &self,
        glued: &[u8],
        mut next: impl Iterator<Item = &'a [u8]>,
        index: usize,
    ) -> Option<(usize, Unit)> {
        let mut joined = [0u8; 64];
        let mut len = 0;
        let mut last = index;
        let mut piece = glued;
        let mut longest_match = None;
        loop {
            for &byte in piece {
                let byte = age_word_byte(byte);
                if len > 0 && joined[len - 1] == byte && byte.is_ascii_alphabetic() {
                    continue;
                }
                if len == joined.len() || len == self.longest {
                    return longest_match;
                }
                joined[len] = byte;
                len += 1;
            }
            if let Some(unit) = (len > 0).then(|| self.form(&joined[..len])).flatten() {
                if unit != Unit::YearsGlued || last == index {
                    longest_match = Some((last, unit));
                }
            }
            // No age word begins this way: the next words cannot make one.
            if !self.some_form_starts_with(&joined[..len]) {
                return longest_match;
            }
            match next.next() {
                Some(word) if last - index < 8 => {
                    piece = word;
                    last += 1;
                }
                _ => break,
            }
        }
        longest_match
    }
}

/// A number of `unit`s as an age in years.
fn in_years(number: u32, unit: Unit) -> u32 {
    match unit {
        Unit::Years | Unit::YearsGlued => number,
        Unit::Months => number / 12,
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
            ("twenty-one years old", &[(21, 0, 3)]),
            ("twentyone yrs old", &[(21, 0, 2)]),
            ("zwölf Jahre", &[(12, 0, 1)]),
            ("zwölfjährige", &[(12, 0, 0)]),
            ("twaalf jaar oud", &[(12, 0, 2)]),
            ("douze ans", &[(12, 0, 1)]),
            ("dix-sept ans", &[(17, 0, 2)]),
            ("doce años", &[(12, 0, 1)]),
            ("dieciséis años", &[(16, 0, 1)]),
            ("age 14", &[(14, 0, 1)]),
            ("aged fourteen", &[(14, 0, 1)]),
            ("age: 9", &[(9, 0, 1)]),
            ("14 years of age", &[(14, 0, 3)]),
            ("8-month-old", &[(0, 0, 2)]),
            ("18 months old", &[(1, 0, 2)]),
            ("30 mo old", &[(2, 0, 2)]),
            ("8 meses de edad", &[(0, 0, 3)]),
            ("12 yoo", &[(12, 0, 1)]),
            ("12 yeaaar old", &[(12, 0, 2)]),
            ("12 y.e.a.r o.l.d", &[(12, 0, 7)]),
            ("12 y3ar 0ld", &[(12, 0, 2)]),
            ("otto anni", &[(8, 0, 1)]),
            ("dziesięć lat", &[(10, 0, 1)]),
            ("十六歳", &[(16, 0, 0)]),
            ("八岁", &[(8, 0, 0)]),
            ("열다섯 살", &[(15, 0, 1)]),
            ("1 Jahr", &[(1, 0, 1)]),
            ("2 lata", &[(2, 0, 1)]),
            ("1 rok", &[(1, 0, 1)]),
            ("6-летняя", &[(6, 0, 1)]),
            ("12歲", &[(12, 0, 0)]),
            ("1 mes de edad", &[(0, 0, 3)]),
            ("1 miesiąc", &[(0, 0, 1)]),
            ("2024 fourteen year old", &[(14, 1, 3)]),
            ("4k eleven-year-old", &[(11, 1, 3)]),
            ("2024 十四岁", &[(14, 1, 1)]),
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
            "forty-two years old",
            "dix-huit ans",
            "vingt et un ans",
            "treinta y cinco años",
            "dreißig drei Jahre",
            "30 five years",
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
            "12 years ago",
            "12 years of experience",
            "12 years warranty",
            "in 14 years",
            "12 yrs warranty",
            "14 months warranty",
        ] {
            assert_eq!(ages(text), [], "{text}");
        }
    }
}
