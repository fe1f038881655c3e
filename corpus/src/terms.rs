//! Fictional list terms: pronounceable nonsense in several scripts, and the
//! guard that keeps them clear of the innocent vocabulary.
//!
//! Every term carries a *signature*: a sequence of letters that the language
//! of its script never writes (a consonant, `q` and a vowel other than `u`
//! in Latin; pairs such as `шж` in Cyrillic, `ξθ` in Greek, `ظث` in Arabic).
//! A word with a signature cannot be a word of those languages, however the
//! syllables around it fall. Han and kana terms take uncommon characters
//! that the innocent texts never use, so a spaceless term cannot appear
//! inside them by chance.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::rng::Rng;
use super::vocab;

/// The script a term is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Han,
    Kana,
}

/// How a term is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A plain whole word or phrase.
    Plain,
    /// `word [typo]`.
    Typo,
    /// `two words [any-order]`.
    AnyOrder,
    /// `stem*`.
    Prefix,
}

/// One fictional list entry.
#[derive(Clone, Debug)]
pub(crate) struct Term {
    /// The words as listed, lowercase.
    pub words: Vec<String>,
    pub script: Script,
    pub kind: Kind,
}

impl Term {
    /// The entry's text without options: words joined by single spaces.
    pub(crate) fn text(&self) -> String {
        self.words.join(" ")
    }

    /// Letters of all words together.
    pub(crate) fn letters(&self) -> usize {
        self.words.iter().map(|w| w.chars().count()).sum()
    }

    /// The entry's line in the list format.
    pub(crate) fn line(&self) -> String {
        match self.kind {
            Kind::Plain => self.text(),
            Kind::Typo => format!("{} [typo]", self.text()),
            Kind::AnyOrder => format!("{} [any-order]", self.text()),
            Kind::Prefix => format!("{}*", self.text()),
        }
    }

    /// Reads a list line back into a term (for lists not made here).
    pub(crate) fn from_line(line: &str) -> Option<Term> {
        let line = line.trim();
        if line.is_empty() || line.starts_with(['#', '@', '/', '\\']) || line.starts_with("allow:") {
            return None;
        }
        let (body, kind) = if let Some(body) = line.strip_suffix(" [typo]") {
            (body, Kind::Typo)
        } else if let Some(body) = line.strip_suffix(" [any-order]") {
            (body, Kind::AnyOrder)
        } else if let Some(body) = line.strip_suffix('*') {
            (body, Kind::Prefix)
        } else {
            (line, Kind::Plain)
        };
        if body.contains(['*', '[']) {
            return None;
        }
        let words: Vec<String> = body.split_whitespace().map(str::to_lowercase).collect();
        let first = words.first()?.chars().next()?;
        let script = script_of(first);
        Some(Term { words, script, kind })
    }
}

/// The script of a letter, as far as the corpus cares.
pub(crate) fn script_of(c: char) -> Script {
    match c as u32 {
        0x0400..=0x04FF => Script::Cyrillic,
        0x0370..=0x03FF => Script::Greek,
        0x0600..=0x06FF => Script::Arabic,
        0x3040..=0x30FF => Script::Kana,
        0x4E00..=0x9FFF => Script::Han,
        _ => Script::Latin,
    }
}

const ONSETS: &[&str] = &[
    "b", "bl", "br", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "k", "kl", "kr", "kv", "l", "m", "n", "p", "pl",
    "pr", "r", "s", "sk", "sn", "sp", "st", "str", "t", "tr", "v", "vr", "z", "zv", "zr", "x", "j", "h", "gn", "sv",
    "th", "sh", "w", "wr",
];
const VOWELS: &[&str] =
    &["a", "e", "i", "o", "u", "a", "e", "i", "o", "u", "y", "oo", "ee", "ai", "ou", "ei", "au", "a", "o", "i"];
const CODAS: &[&str] = &[
    "", "", "", "", "", "k", "x", "z", "rk", "rn", "nt", "mp", "sk", "ft", "lb", "rv", "zz", "ck", "th", "g", "m", "n",
    "r", "l", "b", "t", "p", "v", "d", "ss", "ll", "nk", "rz", "lk",
];

/// The signature of a Latin nonsense word: a consonant, `q`, and a vowel
/// other than `u` (`kqo`, `mqa`, `zqe`). No word of the English, German,
/// Dutch, French, Spanish, Italian or Portuguese dictionaries (1.9 million
/// word forms) contains such a sequence, so a word that has one is not a
/// word of those languages.
const SIGNATURE_CONSONANTS: &[&str] = &["b", "d", "g", "k", "l", "m", "n", "p", "t", "v", "x", "z"];
const SIGNATURE_VOWELS: &[&str] = &["a", "e", "o"];

/// Whether `word` carries the Latin signature (see [`SIGNATURE_CONSONANTS`]).
pub(crate) fn has_signature(word: &str) -> bool {
    word.as_bytes().windows(3).any(|w| {
        w[1] == b'q'
            && SIGNATURE_CONSONANTS.iter().any(|c| c.as_bytes()[0] == w[0])
            && SIGNATURE_VOWELS.iter().any(|v| v.as_bytes()[0] == w[2])
    })
}

/// A nonsense word of `min..=max` letters: syllables, two of which meet at
/// the signature (`brak` + `qo` + `zel`).
pub(crate) fn latin_word(rng: &mut Rng, min: usize, max: usize) -> String {
    loop {
        let syllables = rng.range(2, 4);
        let join = rng.range(1, syllables - 1);
        let mut word = String::new();
        for i in 0..syllables {
            if i == join {
                word.push('q');
                word.push_str(rng.pick_str(SIGNATURE_VOWELS));
            } else {
                word.push_str(rng.pick_str(ONSETS));
                word.push_str(rng.pick_str(VOWELS));
            }
            if i + 1 == join {
                word.push_str(rng.pick_str(SIGNATURE_CONSONANTS));
            } else if i + 1 == syllables || rng.percent(30) {
                word.push_str(rng.pick_str(CODAS));
            }
        }
        let len = word.len();
        if (min..=max).contains(&len) && has_signature(&word) && !has_triple(&word) {
            return word;
        }
    }
}

/// A three- or four-letter nonsense word around the signature (`zqa`,
/// `okqe`, `bqot`): the kind of short term that gets the least fuzz.
pub(crate) fn short_word(rng: &mut Rng) -> String {
    const OPEN: &[&str] = &["a", "e", "i", "o", "u"];
    const CLOSE: &[&str] = &["b", "d", "k", "l", "m", "n", "p", "t", "v", "x", "z"];
    let core = format!("{}q{}", rng.pick(SIGNATURE_CONSONANTS), rng.pick(SIGNATURE_VOWELS));
    match rng.below(3) {
        0 => core,
        1 => format!("{}{core}", rng.pick(OPEN)),
        _ => format!("{core}{}", rng.pick(CLOSE)),
    }
}

/// A nonsense word that reads like an English word (`blemqat`, `snokqel`):
/// ordinary syllables meeting at the signature.
pub(crate) fn wordlike(rng: &mut Rng) -> String {
    const ON: &[&str] = &[
        "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sl", "sm", "sn", "sp", "st", "tr", "sw",
        "b", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "w",
    ];
    const VO: &[&str] = &["a", "e", "i", "o", "u"];
    const END: &[&str] = &["t", "n", "l", "m", "b", "d", "p", "k", "st", "nt", "ld", "mp", "sk", "x", "rn", "rt"];
    let word = format!(
        "{}{}{}q{}{}",
        rng.pick(ON),
        rng.pick(VO),
        rng.pick(SIGNATURE_CONSONANTS),
        rng.pick(SIGNATURE_VOWELS),
        rng.pick(END)
    );
    if has_triple(&word) { wordlike(rng) } else { word }
}

/// A nonsense word whose every letter has a Cyrillic look-alike, so it can
/// be written wholly in Cyrillic (`paxqeso`).
pub(crate) fn lookalike_word(rng: &mut Rng) -> String {
    const CONS: &[&str] = &["p", "c", "x", "j", "s", "h", "d", "sp", "sc", "ph"];
    const VOW: &[&str] = &["a", "e", "o", "y", "i"];
    const SIG: &[&str] = &["d", "p", "x", "l"];
    loop {
        let mut word = String::new();
        word.push_str(rng.pick_str(CONS));
        word.push_str(rng.pick_str(VOW));
        word.push_str(rng.pick_str(SIG));
        word.push('q');
        word.push_str(rng.pick_str(SIGNATURE_VOWELS));
        if rng.percent(60) {
            word.push_str(rng.pick_str(CONS));
            word.push_str(rng.pick_str(VOW));
        }
        if (5..=8).contains(&word.len()) && has_signature(&word) && !has_triple(&word) {
            return word;
        }
    }
}

/// A Cyrillic nonsense word. Its signature is two of `ж ш щ ц ф з` side by
/// side in a pair that Russian never writes (`шж`, `щц`, `фж`, ...).
pub(crate) fn cyrillic_word(rng: &mut Rng) -> String {
    const ON: &[&str] = &[
        "з", "зв", "кр", "ш", "ж", "дв", "бл", "гр", "ф", "ц", "х", "м", "в", "т", "п", "л", "р", "с", "б", "д", "г",
        "к", "н",
    ];
    const VO: &[&str] = &["а", "о", "у", "и", "е", "ы", "ю", "я"];
    const CO: &[&str] = &["", "", "к", "м", "рд", "льт", "нк", "ск", "н", "л"];
    const SIGNATURES: &[(&str, &str)] = &[
        ("ж", "щ"),
        ("ш", "ж"),
        ("ш", "щ"),
        ("щ", "ж"),
        ("щ", "ш"),
        ("щ", "ц"),
        ("щ", "ф"),
        ("щ", "з"),
        ("ц", "ж"),
        ("ц", "щ"),
        ("ц", "ф"),
        ("ф", "ж"),
        ("ф", "ц"),
        ("з", "щ"),
    ];
    signature_word(rng, ON, VO, CO, SIGNATURES)
}

/// A Greek nonsense word. Its signature is two of `ξ ψ ζ θ φ χ` side by
/// side, which Greek never writes.
pub(crate) fn greek_word(rng: &mut Rng) -> String {
    const ON: &[&str] =
        &["κρ", "μπ", "ντ", "γκ", "τρ", "σκ", "λ", "μ", "ν", "π", "ρ", "β", "δ", "γ", "κ", "τ", "ξ", "ζ", "φ", "χ"];
    const VO: &[&str] = &["α", "ε", "ι", "ο", "υ", "ω", "η"];
    const CO: &[&str] = &["", "", "ν", "λ", "ρ", "μ"];
    const SIGNATURES: &[(&str, &str)] =
        &[("ξ", "θ"), ("ξ", "φ"), ("ξ", "χ"), ("ψ", "θ"), ("ψ", "ζ"), ("ψ", "χ"), ("ξ", "ζ"), ("ψ", "φ")];
    signature_word(rng, ON, VO, CO, SIGNATURES)
}

/// Two or three syllables; two of them meet at a signature pair.
fn signature_word(rng: &mut Rng, on: &[&str], vo: &[&str], co: &[&str], signatures: &[(&str, &str)]) -> String {
    loop {
        let syllables = rng.range(2, 3);
        let join = rng.range(1, syllables - 1);
        let (end, start) = *rng.pick(signatures);
        let mut word = String::new();
        for i in 0..syllables {
            word.push_str(if i == join { start } else { rng.pick_str(on) });
            word.push_str(rng.pick_str(vo));
            if i + 1 == join {
                word.push_str(end);
            } else if i + 1 == syllables || rng.percent(25) {
                word.push_str(rng.pick_str(co));
            }
        }
        if (5..=11).contains(&word.chars().count()) && !has_triple(&word) {
            return word;
        }
    }
}

/// An Arabic nonsense word of five to seven letters. Its signature is two
/// of `ث ذ ض ظ` side by side, which Arabic roots never combine.
pub(crate) fn arabic_word(rng: &mut Rng) -> String {
    const LETTERS: &[char] = &[
        'ب', 'ت', 'ج', 'ح', 'خ', 'د', 'ر', 'ز', 'س', 'ش', 'ص', 'ط', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و',
        'ي',
    ];
    const SIGNATURE: &[char] = &['ث', 'ذ', 'ض', 'ظ'];
    loop {
        let len = rng.range(3, 5);
        let mut word: Vec<char> = (0..len).map(|_| *rng.pick(LETTERS)).collect();
        let (a, b) = (*rng.pick(SIGNATURE), *rng.pick(SIGNATURE));
        if a == b {
            continue;
        }
        let at = rng.range(1, len - 1);
        word.splice(at..at, [a, b]);
        let word: String = word.into_iter().collect();
        if !has_triple(&word) {
            return word;
        }
    }
}

/// Han characters for terms: uncommon ones, one of each known pair left out
/// so that no two of them form a word.
const HAN_POOL: &str = "霧鳥麺鱗蝶琥翡螺燕鷺蓮藍靴鍵傘琴瑠髭雹霞楓菫蛍鯨鶴狐栗苺桃梨麒鳳亀蛙蟹鰐鷹梟燐硯簾樽臼杵鍬鎌鋸錨鞄鯛鰻蝋蕎茸筍韮蕪柚橘";
/// Kana for terms: rare and archaic ones.
const KANA_POOL: &str = "ぬゑゐぢづぺぽぴぷぱヴヂヅヰヱヌヘヒペポピプ";
const KANA_RARE: &str = "ゑゐぢづヴヂヅヰヱ";

/// Characters of the spaceless pools that no innocent text uses.
pub(crate) struct SpacelessPools {
    han: Vec<char>,
    kana: Vec<char>,
}

impl SpacelessPools {
    pub(crate) fn new() -> SpacelessPools {
        let used: HashSet<char> = vocab::CHINESE
            .iter()
            .chain(vocab::JAPANESE)
            .chain(vocab::CHINESE_TEMPLATES)
            .chain(vocab::JAPANESE_TEMPLATES)
            .chain(vocab::CONTEXT_SPACELESS)
            .flat_map(|w| w.chars())
            .collect();
        SpacelessPools {
            han: HAN_POOL.chars().filter(|c| !used.contains(c)).collect(),
            kana: KANA_POOL.chars().filter(|c| !used.contains(c)).collect(),
        }
    }

    /// Three Han characters.
    pub(crate) fn han(&self, rng: &mut Rng) -> String {
        loop {
            let word: String = (0..3).map(|_| *rng.pick(&self.han)).collect();
            let mut chars: Vec<char> = word.chars().collect();
            chars.dedup();
            if chars.len() == 3 {
                return word;
            }
        }
    }

    /// Four kana, at least one of them rare.
    pub(crate) fn kana(&self, rng: &mut Rng) -> String {
        loop {
            let word: String = (0..4).map(|_| *rng.pick(&self.kana)).collect();
            if word.chars().any(|c| KANA_RARE.contains(c)) && !has_triple(&word) {
                return word;
            }
        }
    }
}

fn has_triple(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2])
}

/// The letters people put after a word that the matcher accepts as an
/// inflection of it (`-s -z -es -ing -ings -er -ers`).
pub(crate) const INFLECTIONS: &[&str] = &["s", "z", "es", "ing", "ings", "er", "ers"];

/// The fold the guard compares words in: compatibility decomposition,
/// accents dropped, lower case, final sigma as sigma.
pub(crate) fn guard_fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !matches!(*c as u32, 0x0300..=0x036F | 0x064B..=0x065F))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}

/// Digits and symbols read as letters, the way people write them (both
/// readings of the ambiguous ones).
fn leet_readings(chunk: &str) -> [String; 2] {
    let read = |alt: bool| -> String {
        chunk
            .chars()
            .filter_map(|c| match c {
                '0' => Some('o'),
                '1' => Some(if alt { 'l' } else { 'i' }),
                '2' => Some('z'),
                '3' => Some('e'),
                '4' | '@' => Some('a'),
                '5' | '$' => Some('s'),
                '6' | '9' => Some('g'),
                '7' | '+' => Some('t'),
                '8' => Some('b'),
                '!' => Some('i'),
                '|' => Some(if alt { 'i' } else { 'l' }),
                c if c.is_alphanumeric() => Some(c),
                _ => None,
            })
            .collect()
    };
    [read(false), read(true)]
}

/// The innocent vocabulary as a curator's lint would see it: every word,
/// every punctuation-joined chunk and run of single letters, the letter
/// readings of codes, and the stems that an inflection would reach.
pub(crate) struct Guard {
    words: HashSet<String>,
    stems: HashSet<String>,
    by_len: Vec<Vec<String>>,
}

impl Guard {
    /// The guard over every vocabulary and template in [`vocab`].
    pub(crate) fn new() -> Guard {
        let mut guard = Guard { words: HashSet::new(), stems: HashSet::new(), by_len: Vec::new() };
        let lists: &[&[&str]] = &[
            vocab::ENGLISH,
            vocab::ENGLISH_TEMPLATES,
            vocab::GERMAN,
            vocab::GERMAN_TEMPLATES,
            vocab::SPANISH,
            vocab::SPANISH_TEMPLATES,
            vocab::FRENCH,
            vocab::FRENCH_TEMPLATES,
            vocab::RUSSIAN,
            vocab::RUSSIAN_TEMPLATES,
            vocab::GREEK,
            vocab::GREEK_TEMPLATES,
            vocab::ARABIC,
            vocab::ARABIC_TEMPLATES,
            vocab::BRANDS,
            vocab::BRAND_TAILS,
            vocab::ACRONYMS,
            vocab::ACRONYM_TEMPLATES,
            vocab::CODES,
            vocab::CODE_TEMPLATES,
            vocab::DOUBLED,
            vocab::DOUBLED_TEMPLATES,
            vocab::SPACED,
            vocab::SPACED_TEMPLATES,
            vocab::ODD,
            vocab::CONTEXT_ENGLISH,
            vocab::CONTEXT_OTHER,
            vocab::CONTEXT_RUSSIAN,
            vocab::CONTEXT_GREEK,
            vocab::CONTEXT_ARABIC,
            vocab::FILLERS,
            super::ALLOW_WORDS,
        ];
        for list in lists {
            for text in *list {
                guard.add_text(text);
            }
        }
        guard
    }

    fn add_text(&mut self, text: &str) {
        let folded = guard_fold(&text.replace(['{', '}'], " "));
        let mut singles = String::new();
        for chunk in folded.split_whitespace() {
            let mut parts = 0;
            for word in chunk.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                self.add_word(word);
                parts += 1;
            }
            let joined: String = chunk.chars().filter(|c| c.is_alphanumeric()).collect();
            if parts > 1 {
                self.add_word(&joined);
            }
            if chunk.chars().any(char::is_alphabetic) && chunk.chars().any(|c| !c.is_alphabetic()) {
                for reading in leet_readings(chunk) {
                    self.add_word(&reading);
                }
            }
            if joined.chars().count() == 1 {
                singles.push_str(&joined);
            } else {
                self.add_singles(&mut singles);
            }
        }
        self.add_singles(&mut singles);
    }

    fn add_singles(&mut self, singles: &mut String) {
        if singles.chars().count() >= 3 {
            let run = std::mem::take(singles);
            self.add_word(&run);
        }
        singles.clear();
    }

    fn add_word(&mut self, word: &str) {
        if word.is_empty() || !self.words.insert(word.to_owned()) {
            return;
        }
        let len = word.chars().count();
        if self.by_len.len() <= len {
            self.by_len.resize(len + 1, Vec::new());
        }
        self.by_len[len].push(word.to_owned());
        for suffix in INFLECTIONS {
            if let Some(stem) = word.strip_suffix(suffix) {
                self.stems.insert(stem.to_owned());
                // A doubled final consonant: zorvikking → zorvik.
                let bytes = stem.as_bytes();
                if bytes.len() >= 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
                    self.stems.insert(stem[..stem.len() - 1].to_owned());
                }
                // A dropped final e: snorgling → snorgle.
                if suffix.starts_with('i') {
                    self.stems.insert(format!("{stem}e"));
                }
            }
        }
        if let Some(stem) = word.strip_suffix("ies") {
            self.stems.insert(format!("{stem}y"));
        }
        for suffix in ["r", "rs"] {
            if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.ends_with('e')) {
                self.stems.insert(stem.to_owned());
            }
        }
    }

    /// Every innocent word the guard knows.
    pub(crate) fn words(&self) -> Vec<String> {
        self.words.iter().cloned().collect()
    }

    /// Whether `word` (folded) equals an innocent word, or one with an
    /// inflection added or removed.
    pub(crate) fn collides(&self, word: &str) -> bool {
        let word = guard_fold(word);
        if self.words.contains(&word) || self.stems.contains(&word) {
            return true;
        }
        INFLECTIONS.iter().any(|suffix| {
            let stem = word.strip_suffix(suffix).unwrap_or("");
            !stem.is_empty() && self.words.contains(stem)
        })
    }

    /// Whether `word` is within one edit of an innocent word (for entries
    /// that tolerate a typo).
    pub(crate) fn near(&self, word: &str) -> bool {
        let word = guard_fold(word);
        let len = word.chars().count();
        (len.saturating_sub(1)..=len + 1)
            .filter_map(|l| self.by_len.get(l))
            .any(|words| words.iter().any(|w| within_one_edit(&word, w)))
    }

    /// Whether an innocent word starts with `stem` (for prefix entries).
    pub(crate) fn starts_any(&self, stem: &str) -> bool {
        let stem = guard_fold(stem);
        self.words.iter().any(|w| w.starts_with(&stem))
    }
}

/// Whether `a` and `b` differ by at most one substitution, insertion,
/// deletion or swap of neighbours.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    match (a.len() - prefix - suffix, b.len() - prefix - suffix) {
        (1, 1) | (1, 0) | (0, 1) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_sees_words_joins_singles_codes_and_stems() {
        let guard = Guard::new();
        for word in ["pizza", "usa", "phd", "abc", "qwerty", "weschools", "cocacola", "book", "cafe"] {
            assert!(guard.collides(word), "{word}");
        }
        for word in ["pizzas", "pizzaing", "hotel", "hotelz"] {
            assert!(guard.collides(word), "{word}");
        }
        assert!(!guard.collides("zorvik"));
        assert!(guard.near("weathex"));
        assert!(guard.starts_any("weath"));
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("snorgleplex", "snorgleplax"));
        assert!(within_one_edit("snorgleplex", "snrogleplex"));
        assert!(within_one_edit("snorgleplex", "snorgleple"));
        assert!(!within_one_edit("snorgleplex", "snrogleplax"));
    }

    #[test]
    fn list_lines_read_back() {
        let term = Term::from_line("plim plom [any-order]").unwrap();
        assert_eq!((term.words.len(), term.kind, term.script), (2, Kind::AnyOrder, Script::Latin));
        assert_eq!(Term::from_line("klorb*").unwrap().kind, Kind::Prefix);
        assert_eq!(Term::from_line("звирдак").unwrap().script, Script::Cyrillic);
        assert!(Term::from_line("allow: zorvik valley").is_none());
        assert!(Term::from_line("# comment").is_none());
    }
}
