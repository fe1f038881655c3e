//! The signpost project's own seeded test corpus (a fixture for its tests,
//! benchmarks and examples, kept out of the product library): a keyword list of FICTIONAL terms,
//! disguised queries for every evasion class, innocent queries in many
//! languages and scripts, and innocent words that contain a listed term.
//!
//! Every list term made here is invented: pronounceable nonsense (or nonsense
//! strings of Cyrillic, Greek, Arabic, Han and kana letters) that means
//! nothing in any language. No real abuse-related term appears anywhere in
//! this module, its vocabularies or its output. Terms are kept clear of the
//! innocent vocabulary the way a curator would with `signpost lint --benign`:
//! no term equals an innocent word, or one with an inflection added or
//! removed, and no `[typo]` term is one edit away from one.
//!
//! Everything is deterministic: a small SplitMix64 generator seeded by a
//! `u64`, so the same seed gives the same corpus on every machine.
//!
//! ```
//! use signpost_corpus::{CorpusConfig, generate};
//!
//! let config = CorpusConfig { terms: 60, positives_per_class: 5, benign_per_class: 5 };
//! let corpus = generate(7, &config);
//! assert!(corpus.list.lines().filter(|l| !l.starts_with('#')).count() >= 60);
//! assert_eq!(generate(7, &config).positives.len(), corpus.positives.len(), "one corpus per seed");
//! ```
//!
//! Used by the corpus tests (recall and false positives per class) and by
//! the benchmarks ([`fictional_list`], [`benign_queries`], [`hit_queries`]).

mod benign;
mod evasion;
pub mod rng;
mod terms;
mod vocab;

use std::collections::HashSet;

pub use rng::Rng;
use terms::{Guard, Kind, Script, SpacelessPools, Term};

/// The ways a listed term is disguised in a positive query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvasionClass {
    /// The term as listed.
    Exact,
    /// Upper case, title case, or mixed case.
    Case,
    /// Fullwidth, mathematical, circled, parenthesized or superscript letters.
    Compatibility,
    /// Accents and combining marks added to letters.
    Diacritics,
    /// Some letters replaced by Cyrillic or Greek look-alikes, or a word
    /// written wholly in Cyrillic look-alikes.
    Homoglyph,
    /// Digits and symbols for one to three letters (`z0rv1k`).
    Leet,
    /// Dots, dashes, spaces, underscores or stars between the letters.
    Separators,
    /// Letters written several times (`zooorvik`).
    Repeats,
    /// Zero-width and other invisible characters between letters.
    Invisible,
    /// Regional-indicator and negative squared or circled letters.
    EmojiLetters,
    /// The words of a phrase written together (`plimPlom`, `plim_plom`).
    JoinedPhrase,
    /// A plural or other simple inflection (`-s -es -z -ing -er -ers`).
    Inflection,
    /// Terms written in Cyrillic, Greek, Arabic, Han or kana.
    NonLatin,
    /// One typo in a `[typo]` entry.
    Typo,
    /// The words of an `[any-order]` phrase swapped or apart.
    AnyOrder,
    /// Two or three disguises at once.
    Combined,
}

impl EvasionClass {
    /// Every evasion class, in report order.
    pub const ALL: [EvasionClass; 16] = [
        EvasionClass::Exact,
        EvasionClass::Case,
        EvasionClass::Compatibility,
        EvasionClass::Diacritics,
        EvasionClass::Homoglyph,
        EvasionClass::Leet,
        EvasionClass::Separators,
        EvasionClass::Repeats,
        EvasionClass::Invisible,
        EvasionClass::EmojiLetters,
        EvasionClass::JoinedPhrase,
        EvasionClass::Inflection,
        EvasionClass::NonLatin,
        EvasionClass::Typo,
        EvasionClass::AnyOrder,
        EvasionClass::Combined,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            EvasionClass::Exact => "exact",
            EvasionClass::Case => "case",
            EvasionClass::Compatibility => "compatibility",
            EvasionClass::Diacritics => "diacritics",
            EvasionClass::Homoglyph => "homoglyph",
            EvasionClass::Leet => "leet",
            EvasionClass::Separators => "separators",
            EvasionClass::Repeats => "repeats",
            EvasionClass::Invisible => "invisible",
            EvasionClass::EmojiLetters => "emoji-letters",
            EvasionClass::JoinedPhrase => "joined-phrase",
            EvasionClass::Inflection => "inflection",
            EvasionClass::NonLatin => "non-latin",
            EvasionClass::Typo => "typo",
            EvasionClass::AnyOrder => "any-order",
            EvasionClass::Combined => "combined",
        }
    }
}

/// The kinds of innocent queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BenignClass {
    /// English queries.
    English,
    /// German queries.
    German,
    /// Spanish queries.
    Spanish,
    /// French queries.
    French,
    /// Russian queries (Cyrillic).
    Russian,
    /// Greek queries.
    Greek,
    /// Arabic queries.
    Arabic,
    /// Chinese and Japanese queries, written without spaces.
    ChineseJapanese,
    /// Real brand and product names.
    Brands,
    /// Abbreviations with dots (`u.s.a.`, `ph.d.`).
    Acronyms,
    /// Codes and numbers (`ps5`, `covid-19`, `route 93`).
    Codes,
    /// Innocent text with accents, styled letters, emoji or invisible characters.
    OddUnicode,
    /// Letters written apart innocently (`a b c`, `s m l xl`).
    SpacedLetters,
    /// Words with doubled letters (`coffee`, `mississippi`).
    DoubledLetters,
    /// Phrases that an `allow:` entry of the list exempts.
    Allowed,
}

impl BenignClass {
    /// Every benign class, in report order.
    pub const ALL: [BenignClass; 15] = [
        BenignClass::English,
        BenignClass::German,
        BenignClass::Spanish,
        BenignClass::French,
        BenignClass::Russian,
        BenignClass::Greek,
        BenignClass::Arabic,
        BenignClass::ChineseJapanese,
        BenignClass::Brands,
        BenignClass::Acronyms,
        BenignClass::Codes,
        BenignClass::OddUnicode,
        BenignClass::SpacedLetters,
        BenignClass::DoubledLetters,
        BenignClass::Allowed,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            BenignClass::English => "english",
            BenignClass::German => "german",
            BenignClass::Spanish => "spanish",
            BenignClass::French => "french",
            BenignClass::Russian => "russian",
            BenignClass::Greek => "greek",
            BenignClass::Arabic => "arabic",
            BenignClass::ChineseJapanese => "chinese-japanese",
            BenignClass::Brands => "brands",
            BenignClass::Acronyms => "acronyms",
            BenignClass::Codes => "codes",
            BenignClass::OddUnicode => "odd-unicode",
            BenignClass::SpacedLetters => "spaced-letters",
            BenignClass::DoubledLetters => "doubled-letters",
            BenignClass::Allowed => "allowed",
        }
    }
}

/// How big a corpus to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusConfig {
    /// Fictional entries in the list (at least 40, so every kind of entry is there).
    pub terms: usize,
    /// Disguised queries per evasion class.
    pub positives_per_class: usize,
    /// Innocent queries per benign class.
    pub benign_per_class: usize,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig { terms: 400, positives_per_class: 600, benign_per_class: 3000 }
    }
}

/// A query that must match: a listed term under one disguise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Positive {
    /// The disguise.
    pub class: EvasionClass,
    /// The query text.
    pub query: String,
    /// The listed entry it disguises, as written in the list (for reports).
    pub term: String,
}

/// A query that must not match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Benign {
    /// What kind of innocent query it is.
    pub class: BenignClass,
    /// The query text.
    pub query: String,
}

/// A generated corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corpus {
    /// The keyword list, in signpost's list format.
    pub list: String,
    /// Disguised listed terms, by evasion class.
    pub positives: Vec<Positive>,
    /// Innocent queries, by benign class.
    pub benign: Vec<Benign>,
    /// Innocent words that contain a listed whole-word term (`un` + term,
    /// term + `ology`), none of which is an inflection the matcher accepts.
    pub containing: Vec<String>,
}

/// Words that `allow:` entries pair with a listed term; none occurs in a
/// positive's context.
pub(crate) const ALLOW_WORDS: &[&str] = &["valley", "river", "museum", "bakery", "street"];

/// Affixes glued to a term to make an innocent-looking longer word: bound
/// morphemes only (a free word glued to a term, `superzorvik`, is the
/// glued-entry disguise, not an innocent derivation).
const PREFIXES: &[&str] = &["un", "re", "pre", "anti", "non", "ex", "sub", "semi"];
const SUFFIXES: &[&str] =
    &["ology", "ian", "ish", "ity", "ed", "ful", "less", "ness", "ess", "ist", "dom", "ward", "ism", "ly", "ette"];
const CYRILLIC_AFFIXES: (&[&str], &[&str]) = (&["пере", "недо", "пре"], &["ный", "ский", "ов", "ик", "ость"]);
const GREEK_AFFIXES: (&[&str], &[&str]) = (&["προ", "αντι", "υπερ"], &["ικος", "ακι", "ισμος"]);

/// Makes the corpus of `seed` at the size of `config`.
pub fn generate(seed: u64, config: &CorpusConfig) -> Corpus {
    let mut rng = Rng::new(seed);
    let guard = Guard::new();
    let terms = corpus_terms(&mut rng.fork(1), &guard, config.terms.max(40));

    let mut allow_rng = rng.fork(2);
    let allowed: Vec<String> = terms
        .iter()
        .filter(|t| t.kind == Kind::Plain && t.script == Script::Latin && t.words.len() == 1 && t.letters() >= 5)
        .take(3)
        .map(|t| format!("{} {}", t.text(), allow_rng.pick(ALLOW_WORDS)))
        .collect();

    let mut list = format!(
        "# signpost corpus list, seed {seed}: FICTIONAL nonsense terms only, made by signpost::corpus.\n\
         @id corpus\n@version seed-{seed}\n@category fictional\n"
    );
    for term in &terms {
        list.push_str(&term.line());
        list.push('\n');
    }
    for phrase in &allowed {
        list.push_str(&format!("allow: {phrase}\n"));
    }

    let mut positives = Vec::new();
    for class in EvasionClass::ALL {
        let mut rng = rng.fork(100 + class as u64);
        let fitting: Vec<&Term> = terms.iter().filter(|t| evasion::fits(class, t)).collect();
        if fitting.is_empty() {
            continue;
        }
        for _ in 0..config.positives_per_class {
            let term = *rng.pick(&fitting);
            let disguised = evasion::disguise(&mut rng, term, class);
            let spaceless = matches!(term.script, Script::Han | Script::Kana);
            let force = class == EvasionClass::NonLatin && spaceless && rng.percent(80);
            let query = evasion::embed(&mut rng, term, &disguised, force);
            positives.push(Positive { class, query, term: term.line() });
        }
    }

    let mut benign = Vec::new();
    for class in BenignClass::ALL {
        let mut rng = rng.fork(200 + class as u64);
        let mut seen = HashSet::new();
        let mut attempts = 0;
        while seen.len() < config.benign_per_class && attempts < config.benign_per_class * 20 {
            attempts += 1;
            let query = benign::query(&mut rng, class, &allowed);
            if seen.insert(query.clone()) {
                benign.push(Benign { class, query });
            }
        }
    }

    let containing = containing_words(&mut rng.fork(3), &terms);
    Corpus { list, positives, benign, containing }
}

/// The fictional terms of a corpus list, by kind.
fn corpus_terms(rng: &mut Rng, guard: &Guard, count: usize) -> Vec<Term> {
    let pools = SpacelessPools::new();
    let mut terms = Vec::with_capacity(count);
    let mut seen: HashSet<String> = HashSet::new();
    for (share, make) in Make::SHARES {
        let wanted = (count * share).div_ceil(100);
        let (mut made, mut attempts) = (0, 0);
        // Short terms are few: a very large corpus runs out of them.
        while made < wanted && attempts < wanted * 200 {
            attempts += 1;
            let term = make.term(rng, &pools);
            if acceptable(&term, guard, &seen) {
                for word in &term.words {
                    seen.insert(word.clone());
                }
                seen.insert(term.text());
                terms.push(term);
                made += 1;
            }
        }
    }
    terms
}

/// The kinds of corpus terms and how each is made.
#[derive(Clone, Copy)]
enum Make {
    /// Three or four letters.
    Short,
    /// Ordinary English syllables.
    Wordlike,
    /// Letters that all have a Cyrillic look-alike.
    Lookalike,
    /// Nonsense words of 4–12 letters.
    Nonsense,
    /// Two nonsense words.
    Phrase,
    /// A long word with `[typo]`.
    Typo,
    /// Two words with `[any-order]`.
    AnyOrder,
    /// A `stem*` entry.
    Prefix,
    Cyrillic,
    Greek,
    Arabic,
    Han,
    Kana,
}

impl Make {
    /// Per hundred entries of a corpus list.
    const SHARES: [(usize, Make); 13] = [
        (8, Make::Short),
        (10, Make::Wordlike),
        (6, Make::Lookalike),
        (28, Make::Nonsense),
        (10, Make::Phrase),
        (8, Make::Typo),
        (5, Make::AnyOrder),
        (2, Make::Prefix),
        (7, Make::Cyrillic),
        (6, Make::Greek),
        (4, Make::Arabic),
        (3, Make::Han),
        (3, Make::Kana),
    ];

    fn term(self, rng: &mut Rng, pools: &SpacelessPools) -> Term {
        let latin = |word: String, kind: Kind| single(word, Script::Latin, kind);
        match self {
            Make::Short => latin(terms::short_word(rng), Kind::Plain),
            Make::Wordlike => latin(terms::wordlike(rng), Kind::Plain),
            Make::Lookalike => latin(terms::lookalike_word(rng), Kind::Plain),
            Make::Nonsense => latin(terms::latin_word(rng, 4, 12), Kind::Plain),
            Make::Phrase | Make::AnyOrder => Term {
                words: vec![terms::latin_word(rng, 4, 8), terms::latin_word(rng, 4, 8)],
                script: Script::Latin,
                kind: if matches!(self, Make::Phrase) { Kind::Plain } else { Kind::AnyOrder },
            },
            Make::Typo => latin(terms::latin_word(rng, 8, 12), Kind::Typo),
            Make::Prefix => latin(terms::latin_word(rng, 5, 7), Kind::Prefix),
            Make::Cyrillic => single(terms::cyrillic_word(rng), Script::Cyrillic, Kind::Plain),
            Make::Greek => single(terms::greek_word(rng), Script::Greek, Kind::Plain),
            Make::Arabic => single(terms::arabic_word(rng), Script::Arabic, Kind::Plain),
            Make::Han => single(pools.han(rng), Script::Han, Kind::Plain),
            Make::Kana => single(pools.kana(rng), Script::Kana, Kind::Plain),
        }
    }
}

fn single(word: String, script: Script, kind: Kind) -> Term {
    Term { words: vec![word], script, kind }
}

/// The curator's checks: distinct from every other term and its words, and
/// clear of the innocent vocabulary.
fn acceptable(term: &Term, guard: &Guard, seen: &HashSet<String>) -> bool {
    if seen.contains(&term.text()) || term.words.iter().any(|w| seen.contains(w)) {
        return false;
    }
    if term.words.len() > 1 && term.words[0] == term.words[1] {
        return false;
    }
    if term.words.iter().any(|w| guard.collides(w)) || guard.collides(&term.words.concat()) {
        return false;
    }
    match term.kind {
        Kind::Typo => !guard.near(&term.words[0]),
        Kind::Prefix => !guard.starts_any(&term.words[0]),
        _ => true,
    }
}

/// Innocent words made by gluing an affix to a listed single-word term, so
/// that the term sits inside a longer word.
fn containing_words(rng: &mut Rng, terms: &[Term]) -> Vec<String> {
    let listed: Vec<&Term> = terms.iter().filter(|t| t.kind != Kind::Prefix).collect();
    let prefixes: Vec<&str> = terms.iter().filter(|t| t.kind == Kind::Prefix).map(|t| t.words[0].as_str()).collect();
    let typos: Vec<&str> = terms.iter().filter(|t| t.kind == Kind::Typo).map(|t| t.words[0].as_str()).collect();
    // Would the matcher rightly match `word` through some entry?
    let matches_legitimately = |word: &str| {
        prefixes.iter().any(|p| word.starts_with(p))
            || typos.iter().any(|t| terms::within_one_edit(word, t))
            || listed.iter().flat_map(|t| t.words.iter()).any(|w| {
                word == w
                    || word
                        .strip_prefix(w.as_str())
                        .is_some_and(|rest| terms::INFLECTIONS.contains(&rest) || rest.len() <= 1)
            })
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for term in terms.iter().filter(|t| t.words.len() == 1 && matches!(t.kind, Kind::Plain | Kind::Typo)) {
        let (prefixes, suffixes): (&[&str], &[&str]) = match term.script {
            Script::Latin => (PREFIXES, SUFFIXES),
            Script::Cyrillic => CYRILLIC_AFFIXES,
            Script::Greek => GREEK_AFFIXES,
            _ => continue,
        };
        let word = &term.words[0];
        for _ in 0..2 {
            let candidate = if rng.percent(50) {
                format!("{}{word}", rng.pick(prefixes))
            } else {
                format!("{word}{}", rng.pick(suffixes))
            };
            if !matches_legitimately(&candidate) && seen.insert(candidate.clone()) {
                out.push(candidate);
            }
        }
    }
    out
}

/// A large fictional list for benchmarks: `entries` distinct entries, mostly
/// single nonsense words of 4–12 letters, about 10% two-word phrases, 2%
/// `prefix*` entries, 1% codes of letters and digits and 3% Cyrillic or
/// Greek nonsense. All fictional, and clear of the innocent vocabulary.
pub fn fictional_list(seed: u64, entries: usize) -> String {
    let mut rng = Rng::new(seed ^ 0x00f1_c710);
    let guard = Guard::new();
    let mut out = format!(
        "# signpost benchmark list, seed {seed}: {entries} FICTIONAL nonsense entries, made by signpost::corpus.\n\
         @id fictional\n@version seed-{seed}\n@category fictional\n"
    );
    let mut seen: HashSet<String> = HashSet::with_capacity(entries * 2);
    let mut made = 0;
    while made < entries {
        let roll = rng.below(100);
        let (line, words): (String, Vec<String>) = match roll {
            0..=9 => {
                let words = vec![terms::latin_word(&mut rng, 4, 8), terms::latin_word(&mut rng, 4, 8)];
                (words.join(" "), words)
            }
            10..=11 => {
                let stem = terms::latin_word(&mut rng, 5, 8);
                if guard.starts_any(&stem) {
                    continue;
                }
                (format!("{stem}*"), vec![stem])
            }
            12 => {
                let code = code(&mut rng);
                (code.clone(), vec![code])
            }
            13..=14 => {
                let word = terms::cyrillic_word(&mut rng);
                (word.clone(), vec![word])
            }
            15 => {
                let word = terms::greek_word(&mut rng);
                (word.clone(), vec![word])
            }
            16..=25 => {
                let word = terms::wordlike(&mut rng);
                (word.clone(), vec![word])
            }
            _ => {
                let word = terms::latin_word(&mut rng, 4, 12);
                (word.clone(), vec![word])
            }
        };
        let key = line.trim_end_matches('*').to_owned();
        if seen.contains(&key) || words.iter().any(|w| guard.collides(w)) {
            continue;
        }
        seen.insert(key);
        out.push_str(&line);
        out.push('\n');
        made += 1;
    }
    out
}

/// A code of letters and digits, such as lists hold for series names.
fn code(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"bcdfghjkmnpqrstvwxz";
    loop {
        let len = rng.range(4, 6);
        let digits = rng.range(1, 2);
        let mut chars: Vec<u8> = (0..len).map(|_| *rng.pick(LETTERS)).collect();
        for _ in 0..digits {
            let at = rng.below(len);
            chars[at] = b'0' + rng.below(10) as u8;
        }
        let code = String::from_utf8(chars).expect("ASCII");
        if code.chars().filter(char::is_ascii_alphabetic).count() >= 2 && code.contains(['z', 'x', 'q', 'v', 'k']) {
            return code;
        }
    }
}

/// `n` innocent queries in the mix a search engine sees (mostly English,
/// then other languages, brands, codes and odd-looking text), for benchmarks.
pub fn benign_queries(seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0xbe_4191);
    const MIX: &[(BenignClass, usize)] = &[
        (BenignClass::English, 40),
        (BenignClass::German, 5),
        (BenignClass::Spanish, 5),
        (BenignClass::French, 5),
        (BenignClass::Russian, 3),
        (BenignClass::Greek, 2),
        (BenignClass::Arabic, 3),
        (BenignClass::ChineseJapanese, 4),
        (BenignClass::Brands, 8),
        (BenignClass::Acronyms, 3),
        (BenignClass::Codes, 6),
        (BenignClass::OddUnicode, 6),
        (BenignClass::SpacedLetters, 2),
        (BenignClass::DoubledLetters, 8),
    ];
    let total: usize = MIX.iter().map(|(_, w)| w).sum();
    let mut seen = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    let mut attempts = 0;
    while out.len() < n {
        attempts += 1;
        let mut roll = rng.below(total);
        let class = MIX
            .iter()
            .find(|(_, w)| {
                let hit = roll < *w;
                roll = roll.saturating_sub(*w);
                hit
            })
            .map_or(BenignClass::English, |(c, _)| *c);
        let query = benign::query(&mut rng, class, &[]);
        // Prefer distinct queries; accept repeats once the templates run dry.
        if seen.insert(query.clone()) || attempts > n * 20 {
            out.push(query);
        }
    }
    out
}

/// `n` queries that hit entries of `list` (text in the list format): the
/// list's terms under a random disguise, half of them inside a context.
pub fn hit_queries(seed: u64, list: &str, n: usize) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0x417);
    let terms: Vec<Term> = list.lines().filter_map(Term::from_line).collect();
    if terms.is_empty() {
        return Vec::new();
    }
    const EASY: &[EvasionClass] = &[
        EvasionClass::Exact,
        EvasionClass::Case,
        EvasionClass::Compatibility,
        EvasionClass::Diacritics,
        EvasionClass::Homoglyph,
        EvasionClass::Leet,
        EvasionClass::Separators,
        EvasionClass::Repeats,
        EvasionClass::Invisible,
        EvasionClass::EmojiLetters,
        EvasionClass::JoinedPhrase,
        EvasionClass::Inflection,
    ];
    (0..n)
        .map(|_| {
            let term = rng.pick(&terms);
            let class = match term.kind {
                Kind::Typo if rng.percent(50) => EvasionClass::Typo,
                Kind::AnyOrder if rng.percent(50) => EvasionClass::AnyOrder,
                _ => loop {
                    let class = *rng.pick(EASY);
                    if evasion::fits(class, term) {
                        break class;
                    }
                },
            };
            let disguised = evasion::disguise(&mut rng, term, class);
            evasion::embed(&mut rng, term, &disguised, false)
        })
        .collect()
}

/// Every word of the innocent vocabularies, folded (lower case, accents
/// dropped), including punctuation-joined chunks and runs of single letters:
/// what a curator checks a list against.
pub fn benign_words() -> Vec<String> {
    let mut words = Guard::new().words();
    words.sort();
    words
}
