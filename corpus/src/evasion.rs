//! Disguises: the ways people write a listed term so that a naive filter
//! misses it. Each works on a term as glyphs (one per letter of the listed
//! form), so several can be combined without undoing each other.

use super::EvasionClass;
use super::rng::Rng;
use super::terms::{Kind, Script, Term};
use super::vocab;

/// One letter of the term and how it is written.
#[derive(Clone, Debug)]
struct Glyph {
    /// The letter of the listed form.
    base: char,
    /// Written as a capital.
    upper: bool,
    /// A replacement (look-alike, digit, styled form); `None` writes `base`.
    out: Option<String>,
    /// How many times it is written.
    run: usize,
}

impl Glyph {
    fn new(base: char) -> Glyph {
        Glyph { base, upper: false, out: None, run: 1 }
    }

    fn text(&self) -> String {
        match &self.out {
            Some(out) => out.clone(),
            None if self.upper => self.base.to_uppercase().collect(),
            None => self.base.to_string(),
        }
    }
}

/// How letters are kept apart.
#[derive(Clone, Copy, Debug)]
enum Separator {
    One(char),
    Mixed,
}

/// A term being disguised.
struct Form {
    words: Vec<Vec<Glyph>>,
    separator: Option<Separator>,
    invisible: bool,
}

impl Form {
    fn new(term: &Term) -> Form {
        Form {
            words: term.words.iter().map(|w| w.chars().map(Glyph::new).collect()).collect(),
            separator: None,
            invisible: false,
        }
    }

    fn letters(&self) -> usize {
        self.words.iter().map(Vec::len).sum()
    }

    /// Positions `(word, glyph)` of untouched letters for which `f` holds.
    fn untouched(&self, f: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (w, word) in self.words.iter().enumerate() {
            for (g, glyph) in word.iter().enumerate() {
                if glyph.out.is_none() && f(glyph.base) {
                    out.push((w, g));
                }
            }
        }
        out
    }

    fn render(&self, rng: &mut Rng, joiner: &str) -> String {
        let words: Vec<String> = self.words.iter().map(|word| self.render_word(rng, word)).collect();
        let mut text = words.join(joiner);
        if self.invisible {
            text = insert_invisible(rng, &text);
        }
        text
    }

    fn render_word(&self, rng: &mut Rng, word: &[Glyph]) -> String {
        let mut out = String::new();
        let mut first = true;
        for glyph in word {
            let text = glyph.text();
            for _ in 0..glyph.run {
                if !first {
                    match self.separator {
                        Some(Separator::One(c)) => out.push(c),
                        Some(Separator::Mixed) => out.push(*rng.pick(&['.', '-', '_', ' ', '*', '/', '~'])),
                        None => {}
                    }
                }
                first = false;
                out.push_str(&text);
            }
        }
        out
    }
}

/// Inserts one to three invisible characters between the characters of
/// `text` (never next to a space, where they would only pad words).
fn insert_invisible(rng: &mut Rng, text: &str) -> String {
    const INVISIBLE: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}'];
    let chars: Vec<char> = text.chars().collect();
    let gaps: Vec<usize> = (1..chars.len()).filter(|&i| chars[i - 1] != ' ' && chars[i] != ' ').collect();
    if gaps.is_empty() {
        return text.to_owned();
    }
    let count = rng.range(1, 3.min(gaps.len()));
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < count {
        let gap = *rng.pick(&gaps);
        if !chosen.contains(&gap) {
            chosen.push(gap);
        }
    }
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if chosen.contains(&i) {
            out.push(*rng.pick(INVISIBLE));
        }
        out.push(*c);
    }
    out
}

/// Picks `count` distinct items of `items`.
fn choose<T: Copy + PartialEq>(rng: &mut Rng, items: &[T], count: usize) -> Vec<T> {
    let mut chosen = Vec::new();
    while chosen.len() < count.min(items.len()) {
        let item = *rng.pick(items);
        if !chosen.contains(&item) {
            chosen.push(item);
        }
    }
    chosen
}

fn is_ascii_term(term: &Term) -> bool {
    term.script == Script::Latin && term.words.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether the last word takes inflections (ASCII, at least four letters).
fn inflectable(term: &Term) -> bool {
    is_ascii_term(term) && term.words.last().is_some_and(|w| w.len() >= 4)
}

const LEET: &[(char, &[&str])] = &[
    ('o', &["0"]),
    ('i', &["1", "!"]),
    ('l', &["1", "|"]),
    ('e', &["3"]),
    ('a', &["4", "@"]),
    ('s', &["5", "$"]),
    ('t', &["7"]),
    ('b', &["8"]),
];

fn leet_of(c: char) -> Option<&'static [&'static str]> {
    LEET.iter().find(|(l, _)| *l == c).map(|(_, d)| *d)
}

/// Cyrillic and Greek letters that look like Latin ones.
const LOOKALIKES: &[(char, &[char])] = &[
    ('a', &['а', 'α']),
    ('e', &['е']),
    ('o', &['о', 'ο']),
    ('p', &['р', 'ρ']),
    ('c', &['с']),
    ('x', &['х']),
    ('y', &['у']),
    ('i', &['і', 'ι']),
    ('j', &['ј']),
    ('s', &['ѕ']),
    ('v', &['ν']),
    ('k', &['κ']),
];

/// One Cyrillic look-alike for each of these Latin letters: a word made only
/// of them can be written wholly in Cyrillic.
const CYRILLIC_ALL: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('d', 'ԁ'),
    ('e', 'е'),
    ('h', 'һ'),
    ('i', 'і'),
    ('j', 'ј'),
    ('l', 'ӏ'),
    ('o', 'о'),
    ('p', 'р'),
    ('q', 'ԛ'),
    ('s', 'ѕ'),
    ('w', 'ԝ'),
    ('x', 'х'),
    ('y', 'у'),
];

/// Accented forms that decompose to the letter and a mark.
const ACCENTED: &[(char, &str)] = &[
    ('a', "áàâäãåāăą"),
    ('c', "çćčĉċ"),
    ('d', "ď"),
    ('e', "éèêëēĕėęě"),
    ('g', "ğĝġģ"),
    ('h', "ĥ"),
    ('i', "íìîïĩīį"),
    ('j', "ĵ"),
    ('k', "ķ"),
    ('l', "ĺļľ"),
    ('n', "ñńňņ"),
    ('o', "óòôöõōő"),
    ('r', "ŕřŗ"),
    ('s', "śšşŝ"),
    ('t', "ţť"),
    ('u', "úùûüũūůűų"),
    ('w', "ŵ"),
    ('y', "ýÿŷ"),
    ('z', "źžż"),
    ('α', "ά"),
    ('ε', "έ"),
    ('η', "ή"),
    ('ι', "ίϊ"),
    ('ο', "ό"),
    ('υ', "ύϋ"),
    ('ω', "ώ"),
];

const COMBINING: &[char] = &[
    '\u{301}', '\u{300}', '\u{302}', '\u{308}', '\u{303}', '\u{30c}', '\u{327}', '\u{337}', '\u{336}', '\u{332}',
    '\u{304}', '\u{307}',
];

/// Styled letters: (lowercase start, capital start or 0, holes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Fullwidth,
    Bold,
    Italic,
    BoldItalic,
    Script,
    BoldScript,
    Fraktur,
    DoubleStruck,
    Sans,
    SansBold,
    Monospace,
    Circled,
    Parenthesized,
    Superscript,
}

const STYLES: &[Style] = &[
    Style::Fullwidth,
    Style::Bold,
    Style::Italic,
    Style::BoldItalic,
    Style::Script,
    Style::BoldScript,
    Style::Fraktur,
    Style::DoubleStruck,
    Style::Sans,
    Style::SansBold,
    Style::Monospace,
    Style::Circled,
    Style::Parenthesized,
    Style::Superscript,
];

const SUPERSCRIPT: &str = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖ\0ʳˢᵗᵘᵛʷˣʸᶻ";

/// `c` (an ASCII lowercase letter) in `style`, as a capital if `upper` and
/// the style has capitals without holes.
fn styled(c: char, upper: bool, style: Style) -> Option<char> {
    let i = c as u32 - 'a' as u32;
    let (lower, capital) = match style {
        Style::Fullwidth => (0xFF41, 0xFF21),
        Style::Bold => (0x1D41A, 0x1D400),
        Style::Italic => (0x1D44E, 0x1D434),
        Style::BoldItalic => (0x1D482, 0x1D468),
        Style::Script => (0x1D4B6, 0),
        Style::BoldScript => (0x1D4EA, 0x1D4D0),
        Style::Fraktur => (0x1D51E, 0),
        Style::DoubleStruck => (0x1D552, 0),
        Style::Sans => (0x1D5BA, 0x1D5A0),
        Style::SansBold => (0x1D5EE, 0x1D5D4),
        Style::Monospace => (0x1D68A, 0x1D670),
        Style::Circled => (0x24D0, 0x24B6),
        Style::Parenthesized => (0x249C, 0),
        Style::Superscript => {
            return SUPERSCRIPT.chars().nth(i as usize).filter(|c| *c != '\0');
        }
    };
    if upper && capital != 0 {
        return char::from_u32(capital + i);
    }
    // The letters that Unicode encoded before the mathematical alphabets.
    let hole = match (style, c) {
        (Style::Italic, 'h') => Some('\u{210e}'),
        (Style::Script, 'e') => Some('\u{212f}'),
        (Style::Script, 'g') => Some('\u{210a}'),
        (Style::Script, 'o') => Some('\u{2134}'),
        _ => None,
    };
    hole.or_else(|| char::from_u32(lower + i))
}

/// An accented form of `c`, or `c` if it has none.
pub(crate) fn accent(rng: &mut Rng, c: char) -> char {
    match ACCENTED.iter().find(|(l, _)| *l == c) {
        Some((_, forms)) => {
            let forms: Vec<char> = forms.chars().collect();
            *rng.pick(&forms)
        }
        None => c,
    }
}

/// `text` with its ASCII letters (and, in fullwidth, digits) in one style.
pub(crate) fn styled_text(rng: &mut Rng, text: &str) -> String {
    let style = *rng.pick(&STYLES[..STYLES.len() - 1]); // not superscript: it has no q
    text.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                styled(c.to_ascii_lowercase(), c.is_ascii_uppercase(), style).unwrap_or(c)
            } else if c.is_ascii_digit() && style == Style::Fullwidth {
                char::from_u32(0xFF10 + (c as u32 - '0' as u32)).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

fn case(rng: &mut Rng, form: &mut Form) -> bool {
    let cased: Vec<(usize, usize)> = form
        .words
        .iter()
        .enumerate()
        .flat_map(|(w, word)| word.iter().enumerate().map(move |(g, glyph)| (w, g, glyph.base)))
        .filter(|(_, _, c)| c.is_lowercase())
        .map(|(w, g, _)| (w, g))
        .collect();
    if cased.is_empty() {
        return false;
    }
    match rng.below(3) {
        0 => cased.iter().for_each(|&(w, g)| form.words[w][g].upper = true),
        1 => form.words.iter_mut().for_each(|word| word[0].upper = true),
        _ => {
            let count = rng.range(1, cased.len());
            for (w, g) in choose(rng, &cased, count) {
                form.words[w][g].upper = true;
            }
        }
    }
    true
}

fn compatibility(rng: &mut Rng, form: &mut Form) -> bool {
    let positions = form.untouched(|c| c.is_ascii_lowercase());
    if positions.is_empty() {
        return false;
    }
    let style = loop {
        let style = *rng.pick(STYLES);
        if positions.iter().all(|&(w, g)| styled(form.words[w][g].base, false, style).is_some()) {
            break style;
        }
    };
    for (w, g) in positions {
        let glyph = &mut form.words[w][g];
        glyph.out = styled(glyph.base, glyph.upper, style).map(String::from);
    }
    true
}

fn emoji(rng: &mut Rng, form: &mut Form) -> bool {
    let positions = form.untouched(|c| c.is_ascii_lowercase());
    if positions.is_empty() {
        return false;
    }
    let base = *rng.pick(&[0x1F1E6u32, 0x1F170, 0x1F150]);
    let chosen = if rng.percent(70) {
        positions
    } else {
        let count = rng.range(positions.len().div_ceil(2), positions.len());
        choose(rng, &positions, count)
    };
    for (w, g) in chosen {
        let glyph = &mut form.words[w][g];
        glyph.out = char::from_u32(base + (glyph.base as u32 - 'a' as u32)).map(String::from);
    }
    true
}

fn diacritics(rng: &mut Rng, form: &mut Form) -> bool {
    let positions = form.untouched(char::is_alphabetic);
    if positions.is_empty() {
        return false;
    }
    let count = rng.range(1, positions.len().div_ceil(2).max(1));
    for (w, g) in choose(rng, &positions, count) {
        let glyph = &mut form.words[w][g];
        let accented = ACCENTED.iter().find(|(c, _)| *c == glyph.base).map(|(_, forms)| *forms);
        let out = match accented {
            Some(forms) if rng.percent(65) => {
                let forms: Vec<char> = forms.chars().collect();
                let c = *rng.pick(&forms);
                if glyph.upper { c.to_uppercase().collect() } else { c.to_string() }
            }
            _ => {
                let mut out = glyph.text();
                for _ in 0..rng.range(1, 2) {
                    out.push(*rng.pick(COMBINING));
                }
                out
            }
        };
        glyph.out = Some(out);
    }
    true
}

fn homoglyph(rng: &mut Rng, form: &mut Form) -> bool {
    let positions = form.untouched(|c| LOOKALIKES.iter().any(|(l, _)| *l == c));
    if positions.is_empty() {
        return false;
    }
    let count = rng.range(1, positions.len().min(3));
    let mut chosen = choose(rng, &positions, count);
    // Keep at least one Latin letter in each word: a word wholly in
    // look-alikes is the other variant.
    for w in 0..form.words.len() {
        let in_word: Vec<(usize, usize)> = chosen.iter().copied().filter(|(cw, _)| *cw == w).collect();
        if !in_word.is_empty() && in_word.len() == form.words[w].len() {
            chosen.retain(|p| *p != in_word[0]);
        }
    }
    if chosen.is_empty() {
        return false;
    }
    for (w, g) in chosen {
        let glyph = &mut form.words[w][g];
        let options = LOOKALIKES.iter().find(|(l, _)| *l == glyph.base).map(|(_, o)| *o).unwrap_or(&[]);
        let c = *rng.pick(options);
        glyph.out = Some(if glyph.upper { c.to_uppercase().collect() } else { c.to_string() });
    }
    true
}

/// Whether every letter of `term` has a Cyrillic look-alike.
pub(crate) fn all_lookalike(term: &Term) -> bool {
    term.script == Script::Latin
        && term.words.iter().all(|w| w.chars().all(|c| CYRILLIC_ALL.iter().any(|(l, _)| *l == c)))
}

fn homoglyph_all(form: &mut Form) -> bool {
    for word in &mut form.words {
        for glyph in word.iter_mut() {
            let Some((_, c)) = CYRILLIC_ALL.iter().find(|(l, _)| *l == glyph.base) else { return false };
            glyph.out = Some(if glyph.upper { c.to_uppercase().collect() } else { c.to_string() });
        }
    }
    true
}

fn leet(rng: &mut Rng, form: &mut Form) -> bool {
    let positions = form.untouched(|c| leet_of(c).is_some());
    if positions.is_empty() || form.letters() < 4 {
        return false;
    }
    let count = rng.range(1, 3.min(positions.len()));
    let mut replaced = vec![0usize; form.words.len()];
    for (w, g) in choose(rng, &positions, count) {
        // Keep each word at least half letters.
        if (replaced[w] + 1) * 2 > form.words[w].len() {
            continue;
        }
        replaced[w] += 1;
        let glyph = &mut form.words[w][g];
        let digits = leet_of(glyph.base).unwrap_or(&[]);
        glyph.out = Some((*rng.pick(digits)).to_owned());
    }
    replaced.iter().any(|r| *r > 0)
}

/// Repeats one or two letters. Terms of five letters or more take any run
/// of two to five; shorter ones a run of at least three (or two more than
/// the listed run): a doubled letter in a short word is an ordinary word.
fn repeats(rng: &mut Rng, form: &mut Form, term_letters: usize) -> bool {
    let positions = form.untouched(char::is_alphabetic);
    if positions.is_empty() {
        return false;
    }
    let count = rng.range(1, 2.min(positions.len()));
    for (w, g) in choose(rng, &positions, count) {
        let word = &form.words[w];
        let base = word[g].base;
        let listed_run = 1
            + word[..g].iter().rev().take_while(|x| x.base == base).count()
            + word[g + 1..].iter().take_while(|x| x.base == base).count();
        let (lo, hi) = if term_letters >= 5 {
            (listed_run + 1, (listed_run + 1).max(5))
        } else {
            ((listed_run + 2).max(3), (listed_run + 2).max(5))
        };
        let total = rng.range(lo, hi);
        form.words[w][g].run = total - listed_run + 1;
    }
    true
}

/// Adds an inflection to the last word, with the usual spelling changes.
fn inflection(rng: &mut Rng, form: &mut Form, term: &Term) -> bool {
    if !inflectable(term) {
        return false;
    }
    let word = form.words.last_mut().expect("a term has words");
    let last = word.last().expect("a word has letters").base;
    let vowel = matches!(last, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let suffix: &str = match (last, rng.below(4)) {
        ('e', 0) => {
            word.pop();
            rng.pick_str(&["ing", "ings"])
        }
        ('e', 1) => rng.pick_str(&["r", "rs", "s"]),
        ('y', 0) => {
            word.pop();
            "ies"
        }
        (_, 0) if !vowel => {
            word.push(Glyph::new(last));
            rng.pick_str(&["ing", "er", "ers"])
        }
        _ => rng.pick_str(&["s", "es", "z", "ing", "er", "ers"]),
    };
    word.extend(suffix.chars().map(Glyph::new));
    true
}

/// Applies one single-character disguise; `false` if it does not fit.
fn apply(rng: &mut Rng, form: &mut Form, term: &Term, class: EvasionClass) -> bool {
    match class {
        EvasionClass::Case => case(rng, form),
        EvasionClass::Compatibility => is_ascii_term(term) && compatibility(rng, form),
        EvasionClass::Diacritics => matches!(term.script, Script::Latin | Script::Greek) && diacritics(rng, form),
        EvasionClass::Homoglyph => is_ascii_term(term) && homoglyph(rng, form),
        EvasionClass::Leet => is_ascii_term(term) && leet(rng, form),
        EvasionClass::Separators => {
            form.separator = Some(match rng.below(6) {
                0 => Separator::One('.'),
                1 => Separator::One('-'),
                2 => Separator::One(' '),
                3 => Separator::One('_'),
                4 => Separator::One('*'),
                _ => Separator::Mixed,
            });
            true
        }
        EvasionClass::Repeats => repeats(rng, form, term.letters()),
        EvasionClass::Invisible => {
            form.invisible = true;
            true
        }
        EvasionClass::EmojiLetters => is_ascii_term(term) && emoji(rng, form),
        EvasionClass::Inflection => inflection(rng, form, term),
        _ => false,
    }
}

/// Whether `class` can disguise `term` at all.
pub(crate) fn fits(class: EvasionClass, term: &Term) -> bool {
    let letters_scripts = matches!(term.script, Script::Latin | Script::Cyrillic | Script::Greek);
    let plainish = matches!(term.kind, Kind::Plain | Kind::Typo);
    match class {
        EvasionClass::Exact => true,
        EvasionClass::Case => letters_scripts && term.kind != Kind::Prefix,
        EvasionClass::Compatibility | EvasionClass::EmojiLetters => is_ascii_term(term) && plainish,
        EvasionClass::Diacritics => (is_ascii_term(term) || term.script == Script::Greek) && plainish,
        EvasionClass::Homoglyph => {
            is_ascii_term(term)
                && plainish
                && term.words.iter().any(|w| w.chars().any(|c| LOOKALIKES.iter().any(|(l, _)| *l == c)))
        }
        EvasionClass::Leet => {
            is_ascii_term(term)
                && plainish
                && term.letters() >= 4
                && term.words.iter().any(|w| w.len() >= 2)
                && term.words.iter().any(|w| w.chars().any(|c| leet_of(c).is_some()))
        }
        EvasionClass::Separators | EvasionClass::Repeats => letters_scripts && plainish,
        EvasionClass::Invisible => term.kind != Kind::Prefix,
        EvasionClass::JoinedPhrase => is_ascii_term(term) && term.words.len() == 2 && term.kind != Kind::Prefix,
        EvasionClass::Inflection => inflectable(term) && term.kind == Kind::Plain,
        EvasionClass::NonLatin => term.script != Script::Latin && term.kind != Kind::Prefix,
        EvasionClass::Typo => term.kind == Kind::Typo,
        EvasionClass::AnyOrder => term.kind == Kind::AnyOrder,
        EvasionClass::Combined => is_ascii_term(term) && term.kind == Kind::Plain,
    }
}

/// The single-character disguises that `combined` draws from.
const COMBINABLE: &[EvasionClass] = &[
    EvasionClass::Case,
    EvasionClass::Compatibility,
    EvasionClass::Diacritics,
    EvasionClass::Homoglyph,
    EvasionClass::Leet,
    EvasionClass::Separators,
    EvasionClass::Repeats,
    EvasionClass::Invisible,
    EvasionClass::EmojiLetters,
    EvasionClass::Inflection,
];

/// Writes `term` disguised by `class` (not yet embedded in a context).
pub(crate) fn disguise(rng: &mut Rng, term: &Term, class: EvasionClass) -> String {
    let mut form = Form::new(term);
    match class {
        EvasionClass::Exact | EvasionClass::NonLatin => {
            let mut text = term.text();
            if term.kind == Kind::Prefix {
                text.push_str(rng.pick_str(&["", "ik", "ola", "zen", "ith", "ux"]));
            }
            text
        }
        // Wholly in look-alikes only from four letters on: a shorter word in
        // one script is as likely an ordinary word of that script.
        EvasionClass::Homoglyph if all_lookalike(term) && term.letters() >= 4 && rng.percent(40) => {
            homoglyph_all(&mut form);
            form.render(rng, " ")
        }
        EvasionClass::JoinedPhrase => {
            let (a, b) = (&term.words[0], &term.words[1]);
            let capital = |w: &str| -> String {
                let mut chars = w.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            };
            match rng.below(6) {
                0 => format!("{a}{}", capital(b)),
                1 => format!("{}{}", capital(a), capital(b)),
                2 => format!("{a}_{b}"),
                3 => format!("{a}-{b}"),
                4 => format!("{a}.{b}"),
                _ => format!("{a}{b}"),
            }
        }
        EvasionClass::Typo => typo(rng, &term.words[0]),
        EvasionClass::AnyOrder => {
            let (a, b) = (&term.words[0], &term.words[1]);
            match rng.below(4) {
                0 => format!("{b} {a}"),
                1 => format!("{a} {} {b}", rng.pick(vocab::FILLERS)),
                2 => format!("{b} {} {a}", rng.pick(vocab::FILLERS)),
                _ => format!("{b} {} {} {a}", rng.pick(vocab::FILLERS), rng.pick(vocab::FILLERS)),
            }
        }
        EvasionClass::Combined => {
            let count = rng.range(2, 3);
            let mut used: Vec<EvasionClass> = Vec::new();
            let mut tries = 0;
            while used.len() < count && tries < 50 {
                tries += 1;
                let next = *rng.pick(COMBINABLE);
                if used.contains(&next) || !fits(next, term) {
                    continue;
                }
                // Styled letters and emoji letters are two ways of the same thing.
                let styles = [EvasionClass::Compatibility, EvasionClass::EmojiLetters];
                if styles.contains(&next) && used.iter().any(|u| styles.contains(u)) {
                    continue;
                }
                used.push(next);
            }
            // Word shape first, then letters, then what goes between them.
            used.sort_by_key(|c| COMBINED_ORDER.iter().position(|o| o == c));
            for class in used {
                apply(rng, &mut form, term, class);
            }
            form.render(rng, " ")
        }
        _ => {
            if !apply(rng, &mut form, term, class) {
                return term.text();
            }
            form.render(rng, " ")
        }
    }
}

const COMBINED_ORDER: &[EvasionClass] = &[
    EvasionClass::Inflection,
    EvasionClass::Repeats,
    EvasionClass::Case,
    EvasionClass::Leet,
    EvasionClass::Homoglyph,
    EvasionClass::EmojiLetters,
    EvasionClass::Compatibility,
    EvasionClass::Diacritics,
    EvasionClass::Separators,
    EvasionClass::Invisible,
];

/// One typo: a substituted, inserted or deleted letter, or two neighbours swapped.
fn typo(rng: &mut Rng, word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    loop {
        let mut out = chars.clone();
        let at = rng.below(chars.len());
        let letter = (b'a' + rng.below(26) as u8) as char;
        match rng.below(4) {
            0 => out[at] = letter,
            1 => out.insert(at, letter),
            2 => {
                out.remove(at);
            }
            _ if at + 1 < out.len() => out.swap(at, at + 1),
            _ => continue,
        }
        if out != chars {
            return out.into_iter().collect();
        }
    }
}

/// Puts a disguised term into a query of the term's language (or English),
/// or leaves it alone.
pub(crate) fn embed(rng: &mut Rng, term: &Term, disguised: &str, force: bool) -> String {
    let spaceless = matches!(term.script, Script::Han | Script::Kana);
    if !force && !rng.percent(50) {
        return disguised.to_owned();
    }
    let template = if spaceless {
        *rng.pick(vocab::CONTEXT_SPACELESS)
    } else {
        let own: &[&str] = match term.script {
            Script::Cyrillic => vocab::CONTEXT_RUSSIAN,
            Script::Greek => vocab::CONTEXT_GREEK,
            Script::Arabic => vocab::CONTEXT_ARABIC,
            _ => vocab::CONTEXT_OTHER,
        };
        if rng.percent(50) { *rng.pick(vocab::CONTEXT_ENGLISH) } else { *rng.pick(own) }
    };
    template.replacen("{}", disguised, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str) -> Term {
        Term::from_line(text).unwrap()
    }

    #[test]
    fn styled_letters_cover_the_alphabet_except_superscript_q() {
        for style in STYLES {
            for c in 'a'..='z' {
                let found = styled(c, false, *style);
                assert_eq!(found.is_none(), *style == Style::Superscript && c == 'q', "{style:?} {c}");
            }
        }
        assert_eq!(styled('h', false, Style::Italic), Some('ℎ'));
        assert_eq!(styled('z', true, Style::Fullwidth), Some('Ｚ'));
    }

    #[test]
    fn disguises_change_the_text() {
        let mut rng = Rng::new(3);
        let zorvik = term("zorvik");
        for class in COMBINABLE.iter().chain(&[EvasionClass::Combined]) {
            for _ in 0..20 {
                let text = disguise(&mut rng, &zorvik, *class);
                assert_ne!(text, "zorvik", "{class:?}");
            }
        }
    }

    #[test]
    fn repeats_follow_the_length_rule() {
        let mut rng = Rng::new(5);
        let short = term("zov");
        for _ in 0..50 {
            let text = disguise(&mut rng, &short, EvasionClass::Repeats);
            let longest = text.chars().fold((0, '\0', 0), |(best, prev, run), c| {
                let run = if c == prev { run + 1 } else { 1 };
                (best.max(run), c, run)
            });
            assert!(longest.0 >= 3, "{text}");
        }
    }

    #[test]
    fn typo_is_one_edit() {
        let mut rng = Rng::new(9);
        for _ in 0..100 {
            let text = typo(&mut rng, "snorgleplex");
            assert!(super::super::terms::within_one_edit(&text, "snorgleplex"), "{text}");
            assert_ne!(text, "snorgleplex");
        }
    }
}
