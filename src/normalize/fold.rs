//! Per-character folding: from raw text to a sequence of [`Cell`]s.
//!
//! Every evasion that works on single characters is undone here, the same way
//! for list entries and queries: case, compatibility forms (fullwidth,
//! mathematical, circled, superscript), diacritics, invisible characters,
//! emoji letters. What a character *could* stand for in context (a digit for
//! a letter, a Cyrillic look-alike for a Latin letter) is recorded in the cell
//! but decided later, per word, by the views.

use std::sync::LazyLock;

use unicode_normalization::char::decompose_compatible;
use unicode_script::{Script, UnicodeScript};

use super::confusables;

/// What role a character plays in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A letter of any script.
    Letter,
    /// A decimal digit, folded to ASCII.
    Digit,
    /// A symbol that is used for a letter inside words (`@`, `$`, `!`, `|`, `+`, `€`).
    Symbol,
    /// Punctuation and every other visible non-letter: separates words.
    Punct,
    /// White space: separates chunks.
    Space,
}

/// Coarse script classes: only what the matcher must tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScriptClass {
    /// Digits, symbols, punctuation.
    Common,
    Latin,
    Cyrillic,
    Greek,
    /// Scripts written without spaces between words (Han, kana, Thai, Lao,
    /// Khmer, Myanmar, Tibetan): matched as substrings.
    Spaceless,
    /// Any other script (Arabic, Hebrew, Hangul, Armenian, ...).
    Other,
}

/// One folded character of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The folded, lowercase character.
    pub ch: char,
    /// For a letter of another script that looks like an ASCII letter, that
    /// letter (lowercase); for an ASCII letter, itself; else 0.
    pub latin: u8,
    pub kind: Kind,
    pub script: ScriptClass,
    /// The character was written as a capital (CamelCase word boundaries).
    pub upper: bool,
}

impl Cell {
    pub(crate) fn is_alnum(&self) -> bool {
        matches!(self.kind, Kind::Letter | Kind::Digit)
    }
}

const fn ascii_cell(b: u8) -> Cell {
    let (ch, kind, script) = match b {
        b'a'..=b'z' => (b as char, Kind::Letter, ScriptClass::Latin),
        b'A'..=b'Z' => ((b + 32) as char, Kind::Letter, ScriptClass::Latin),
        b'0'..=b'9' => (b as char, Kind::Digit, ScriptClass::Common),
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => (' ', Kind::Space, ScriptClass::Common),
        b'@' | b'$' | b'!' | b'|' | b'+' => (b as char, Kind::Symbol, ScriptClass::Common),
        // Kept, so the age scan can tell a decimal point (`21.5`) from a
        // range (`10-12`), and the matcher a masked letter (`zorv*k`).
        b'.' | b',' | b'*' | b'#' | b'_' => (b as char, Kind::Punct, ScriptClass::Common),
        _ => (' ', Kind::Punct, ScriptClass::Common),
    };
    let latin = if matches!(kind, Kind::Letter) { ch as u8 } else { 0 };
    Cell { ch, latin, kind, script, upper: b.is_ascii_uppercase() }
}

static ASCII_CELLS: [Cell; 128] = {
    let mut table = [ascii_cell(0); 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_cell(b as u8);
        b += 1;
    }
    table
};

/// Up to three cells that one character folds to (most fold to one).
#[derive(Clone, Copy)]
struct Folded {
    len: u8,
    cells: [Cell; 3],
}

const EMPTY_CELL: Cell = Cell { ch: ' ', latin: 0, kind: Kind::Punct, script: ScriptClass::Common, upper: false };

/// Precomputed folds of the Basic Multilingual Plane above ASCII, so that no
/// common character runs the decomposition, case and script lookups each
/// time (Hangul, Devanagari, Thai and the symbol blocks cost as much as
/// Latin). Characters whose fold depends on the cell before them (kana
/// voicing marks, which join the kana they follow) are marked for the slow
/// path.
static BMP_FOLDS: LazyLock<Vec<Folded>> = LazyLock::new(|| {
    (0x80u32..0x1_0000)
        .map(|code| {
            let mut folded = Folded { len: 0, cells: [EMPTY_CELL; 3] };
            let Some(c) = char::from_u32(code) else { return folded };
            let mut first = None;
            decompose_compatible(c, |d| {
                first.get_or_insert(d);
            });
            if matches!(first, Some('\u{3099}' | '\u{309A}')) {
                folded.len = u8::MAX;
                return folded;
            }
            let mut overflow = Vec::new();
            fold_slow(c, &mut overflow);
            if overflow.len() <= 3 {
                folded.len = overflow.len() as u8;
                folded.cells[..overflow.len()].copy_from_slice(&overflow);
            } else {
                // Ligatures and squared words (`㍿`) fold to more cells.
                folded.len = u8::MAX;
            }
            folded
        })
        .collect()
});

/// Appends the cells of `text` to `cells`.
pub(crate) fn push_cells(text: &str, cells: &mut Vec<Cell>) {
    if text.is_ascii() {
        cells.extend(text.bytes().map(|b| ASCII_CELLS[b as usize]));
        return;
    }
    for c in text.chars() {
        push_char(c, cells);
    }
}

fn push_char(c: char, cells: &mut Vec<Cell>) {
    let code = c as u32;
    if code < 0x80 {
        cells.push(ASCII_CELLS[code as usize]);
    } else if code < 0x1_0000 {
        let folded = &BMP_FOLDS[(code - 0x80) as usize];
        if folded.len == u8::MAX {
            fold_slow(c, cells);
        } else {
            cells.extend_from_slice(&folded.cells[..folded.len as usize]);
        }
    } else {
        fold_slow(c, cells);
    }
}

/// Characters that change nothing visible and are used to split words
/// invisibly: zero-width characters, joiners, bidi controls, variation
/// selectors, tags, fillers, the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5
        | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F
        | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

/// Combining marks that are diacritics (accents, Hebrew points, Arabic
/// harakat): dropped. Marks that are letters' vowels in other scripts (Indic,
/// Thai, kana voicing) are kept, because dropping them merges distinct words.
fn is_droppable_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2
        | 0x05C4 | 0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED
        | 0x0640 /* Arabic tatweel: elongation, not a letter */
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Letters drawn with emoji and enclosed-alphanumeric symbols that have no
/// compatibility decomposition: regional indicators (🇦), negative circled (🅐)
/// and negative squared (🅰) letters.
fn emoji_letter(c: char) -> Option<u8> {
    let code = c as u32;
    let base = match code {
        0x1F1E6..=0x1F1FF => 0x1F1E6,
        0x1F150..=0x1F169 => 0x1F150,
        0x1F170..=0x1F189 => 0x1F170,
        _ => return None,
    };
    Some(b'a' + (code - base) as u8)
}

/// Decimal digits of other scripts, as their ASCII digit.
fn other_digit(c: char) -> Option<char> {
    let code = c as u32;
    let zero = match code {
        0x0660..=0x0669 => 0x0660,
        0x06F0..=0x06F9 => 0x06F0,
        0x0966..=0x096F => 0x0966,
        0x09E6..=0x09EF => 0x09E6,
        0x0E50..=0x0E59 => 0x0E50,
        _ => return None,
    };
    char::from_digit(code - zero, 10)
}

/// Non-ASCII symbols read as letters inside words.
fn symbol_letter(c: char) -> bool {
    matches!(c, '€' | '¡' | '£' | '¢' | '§' | '¥')
}

fn script_class(c: char) -> ScriptClass {
    match c.script() {
        Script::Latin => ScriptClass::Latin,
        Script::Cyrillic => ScriptClass::Cyrillic,
        Script::Greek => ScriptClass::Greek,
        Script::Han
        | Script::Hiragana
        | Script::Katakana
        | Script::Thai
        | Script::Lao
        | Script::Khmer
        | Script::Myanmar
        | Script::Tibetan
        | Script::Yi => ScriptClass::Spaceless,
        Script::Common | Script::Inherited | Script::Unknown => ScriptClass::Common,
        _ => ScriptClass::Other,
    }
}

/// Whether `c` belongs to a script written without spaces between words.
pub(crate) fn is_spaceless_char(c: char) -> bool {
    script_class(c) == ScriptClass::Spaceless
}

fn latin_lookalike(c: char) -> u8 {
    confusables::LATIN_LOOKALIKES
        .binary_search_by_key(&c, |&(source, _)| source)
        .map(|i| confusables::LATIN_LOOKALIKES[i].1)
        .unwrap_or(0)
}

/// The full fold of one non-ASCII character.
fn fold_slow(c: char, cells: &mut Vec<Cell>) {
    if is_invisible(c) {
        return;
    }
    if c.is_whitespace() {
        cells.push(ASCII_CELLS[b' ' as usize]);
        return;
    }
    if let Some(letter) = emoji_letter(c) {
        cells.push(ASCII_CELLS[letter as usize]);
        return;
    }
    // A symbol that expands to several letters (™, ℡, ㎏) stands apart from
    // the word it follows: "brand™" must stay "brand".
    let mut letters = 0usize;
    decompose_compatible(c, |d| letters += usize::from(d.is_alphanumeric()));
    let standalone = !c.is_alphanumeric() && letters > 1;
    if standalone {
        cells.push(ASCII_CELLS[b' ' as usize]);
    }
    decompose_compatible(c, |d| push_decomposed(d, cells));
    if standalone {
        cells.push(ASCII_CELLS[b' ' as usize]);
    }
}

fn push_decomposed(d: char, cells: &mut Vec<Cell>) {
    if is_droppable_mark(d) || is_invisible(d) {
        return;
    }
    // Kana voicing marks (half-width `ﾃﾞ`) join their kana again, as the
    // precomposed `デ` of a list entry is read.
    if matches!(d, '\u{3099}' | '\u{309A}') {
        if let Some(last) = cells.last_mut() {
            if let Some(composed) = unicode_normalization::char::compose(last.ch, d) {
                last.ch = composed;
                return;
            }
        }
    }
    if d.is_ascii() {
        cells.push(ASCII_CELLS[d as usize]);
        return;
    }
    match d {
        'ß' | 'ẞ' => {
            cells.extend_from_slice(&[ASCII_CELLS[b's' as usize]; 2]);
            return;
        }
        'ς' => {
            push_letter('σ', latin_lookalike('σ'), false, cells);
            return;
        }
        _ => {}
    }
    // Modifier primes and apostrophes (`ʹ` for a soft sign in romanised
    // Cyrillic, `ʼ`) are punctuation, not letters.
    if matches!(d, '\u{2B9}' | '\u{2BA}' | '\u{2BB}' | '\u{2BC}' | '\u{2BD}' | '\u{2C8}') {
        cells.push(EMPTY_CELL);
        return;
    }
    if let Some(digit) = other_digit(d) {
        cells.push(ASCII_CELLS[digit as usize]);
        return;
    }
    if d.is_whitespace() {
        cells.push(ASCII_CELLS[b' ' as usize]);
        return;
    }
    if symbol_letter(d) {
        cells.push(Cell { ch: d, latin: 0, kind: Kind::Symbol, script: ScriptClass::Common, upper: false });
        return;
    }
    if !d.is_alphanumeric() {
        cells.push(EMPTY_CELL);
        return;
    }
    let latin = latin_lookalike(d);
    let upper = d.is_uppercase();
    for lower in d.to_lowercase() {
        if is_droppable_mark(lower) {
            continue;
        }
        if lower.is_ascii() {
            cells.push(Cell { upper, ..ASCII_CELLS[lower as usize] });
        } else {
            push_letter(lower, latin, upper, cells);
        }
    }
}

fn push_letter(lower: char, latin: u8, upper: bool, cells: &mut Vec<Cell>) {
    let script = script_class(lower);
    if script == ScriptClass::Latin && latin != 0 {
        // A Latin letter that only looks like an ASCII one (ɑ, ı, ᴄ) is that
        // letter: there is no script mixing to weigh.
        cells.push(Cell { upper, ..ASCII_CELLS[latin as usize] });
        return;
    }
    let kind = if lower.is_alphabetic() || lower.is_numeric() { Kind::Letter } else { Kind::Punct };
    cells.push(Cell { ch: lower, latin, kind, script, upper });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        let mut cells = Vec::new();
        push_cells(text, &mut cells);
        cells
            .iter()
            .map(|c| match c.kind {
                Kind::Letter | Kind::Digit | Kind::Symbol => c.ch,
                Kind::Punct => '.',
                Kind::Space => ' ',
            })
            .collect()
    }

    #[test]
    fn plane_table_agrees_with_slow_path() {
        for code in 0x80u32..0x1_0000 {
            let Some(c) = char::from_u32(code) else { continue };
            let mut fast = Vec::new();
            push_char(c, &mut fast);
            let mut slow = Vec::new();
            fold_slow(c, &mut slow);
            assert_eq!(fast, slow, "U+{code:04X}");
        }
    }

    #[test]
    fn folds_single_characters() {
        let table: &[(&str, &str, &str)] = &[
            ("case", "ZoRvIk", "zorvik"),
            ("fullwidth", "ｚｏｒｖｉｋ", "zorvik"),
            ("math bold", "𝐳𝐨𝐫𝐯𝐢𝐤", "zorvik"),
            ("math script capitals", "𝒵𝒪ℛ𝒱ℐ𝒦", "zorvik"),
            ("circled", "ⓩⓞⓡⓥⓘⓚ", "zorvik"),
            ("superscript", "ᶻᵒʳᵛⁱᵏ", "zorvik"),
            ("diacritics", "žörvìķ", "zorvik"),
            ("zero width", "zo\u{200b}rv\u{200d}ik\u{feff}", "zorvik"),
            ("soft hyphen and bidi", "zor\u{ad}v\u{202e}ik", "zorvik"),
            ("regional indicators", "🇿🇴🇷🇻🇮🇰", "zorvik"),
            ("negative squared", "🅉🄾🅁🅅🄸🄺", "zorvik"),
            ("negative squared emoji", "🆉🅾🆁🆅🅸🅺", "zorvik"),
            ("sharp s", "straße", "strasse"),
            ("final sigma", "λόγος", "λογοσ"),
            ("cyrillic yo", "ёлка", "елка"),
            ("arabic harakat and tatweel", "كِتـــاب", "كتاب"),
            ("fullwidth digits", "１２３", "123"),
            ("arabic-indic digits", "١٢", "12"),
            ("symbol expansion stands apart", "brand™", "brand tm "),
            ("emoji is punctuation", "zorvik🔥", "zorvik."),
            ("leet symbols kept", "z@rv!k", "z@rv!k"),
            ("non-breaking space", "a\u{a0}b", "a b"),
            ("half-width kana with voicing marks", "ﾀﾃﾞﾊｹﾞ", "タデハゲ"),
        ];
        for (name, input, expected) in table {
            assert_eq!(folded(input), *expected, "{name}");
        }
    }

    #[test]
    fn records_latin_lookalikes_by_original_case() {
        let mut cells = Vec::new();
        // Cyrillic capital І looks like I, which the confusables data files
        // under `l`; as a capital of і it is read as `i`.
        push_cells("Іжн", &mut cells);
        assert_eq!(cells[0].ch, 'і');
        assert_eq!(cells[0].latin, b'i');
        assert_eq!(cells[1].latin, 0, "ж looks like no Latin letter");
        assert_eq!(cells[2].latin, b'h', "н is drawn like a small capital H");
        cells.clear();
        push_cells("аеорсху", &mut cells);
        let latin: String = cells.iter().map(|c| c.latin as char).collect();
        assert_eq!(latin, "aeopcxy");
    }
}
