//! Generates the homoglyph fold tables from Unicode's confusables data (UTS #39),
//! as shipped by the `unicode-security` crate, so no table is typed by hand.
//!
//! Output (in `OUT_DIR/confusables.rs`):
//! - `LATIN_LOOKALIKES`: sorted `(char, ascii lowercase letter)` for every
//!   non-ASCII letter whose confusable prototype is a single ASCII letter.
//!   Latin letters drawn from an ASCII letter with a stroke, bar, hook or
//!   tail, and Latin small capitals (`ø ł đ ħ ƶ ɓ ʀ`), are read off their
//!   Unicode names (`unicode_names2`) and fold to that letter too.
//!   The case of the source letter is respected: Cyrillic `Н` looks like `H`,
//!   so it folds to `h`, while Cyrillic `н` has no Latin look-alike.
//! - `CYRILLIC_FOR_LATIN` / `GREEK_FOR_LATIN`: for each ASCII letter, the
//!   lowercase letter of that script that looks like it (or `'\0'`), used to
//!   fold Latin look-alikes inside words that are mostly Cyrillic or Greek.

use std::fmt::Write as _;
use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};

/// Prototypes that are themselves Latin letters drawn as small capitals
/// (the confusables data maps Cyrillic `к` and Greek `κ` to `ĸ`, Cyrillic `т`
/// to `ᴛ`): the ASCII letter each small capital is.
const SMALL_CAPITALS: &[(char, char)] = &[
    ('ĸ', 'k'),
    ('ᴀ', 'a'),
    ('ʙ', 'b'),
    ('ᴄ', 'c'),
    ('ᴅ', 'd'),
    ('ᴇ', 'e'),
    ('ꜰ', 'f'),
    ('ɢ', 'g'),
    ('ʜ', 'h'),
    ('ɪ', 'i'),
    ('ᴊ', 'j'),
    ('ᴋ', 'k'),
    ('ʟ', 'l'),
    ('ᴍ', 'm'),
    ('ɴ', 'n'),
    ('ᴏ', 'o'),
    ('ᴘ', 'p'),
    ('ʀ', 'r'),
    ('ꜱ', 's'),
    ('ᴛ', 't'),
    ('ᴜ', 'u'),
    ('ᴠ', 'v'),
    ('ᴡ', 'w'),
    ('ʏ', 'y'),
    ('ᴢ', 'z'),
];

/// Lowercase letters that look like an ASCII letter in ordinary fonts but
/// whose UTS #39 prototype is another non-ASCII letter (`ω` → `ꞷ`, `χ` →
/// `ꭓ`, `п` → `ᴨ`), so the derivation above never reaches ASCII. These are
/// the substitutions documented in homoglyph-evasion studies (and seen in
/// the independent evaluation corpus): omega for w, chi for x, pe for n, em
/// for m. A capital takes its small letter's reading, as elsewhere.
const VISUAL_LOOKALIKES: &[(char, char)] = &[('ω', 'w'), ('χ', 'x'), ('п', 'n'), ('м', 'm')];

/// The ASCII letter a Latin letter is drawn from, read off its Unicode name:
/// `LATIN SMALL LETTER O WITH STROKE` (ø), `LATIN SMALL LETTER B WITH HOOK`
/// (ɓ), `LATIN LETTER SMALL CAPITAL R` (ʀ), `LATIN SMALL LETTER OPEN E` (ɛ),
/// `LATIN SMALL LETTER DOTLESS J` (ȷ). Strokes, bars, hooks, tails and
/// descenders fold like diacritics; letters that are letters of their own
/// (æ, ð, þ, ə, ŋ, turned and reversed forms) have other names and stay.
fn latin_base(c: char) -> Option<char> {
    let name = unicode_names2::name(c)?.to_string();
    let rest = name
        .strip_prefix("LATIN SMALL LETTER ")
        .or_else(|| name.strip_prefix("LATIN CAPITAL LETTER "))
        .or_else(|| name.strip_prefix("LATIN LETTER SMALL CAPITAL "))?;
    let rest = ["OPEN ", "DOTLESS ", "SCRIPT ", "BARRED ", "SMALL CAPITAL "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let (letter, with) = match rest.split_once(' ') {
        Some((letter, with)) => (letter, Some(with)),
        None => (rest, None),
    };
    // `LATIN SMALL LETTER U BAR` (ʉ) is a u with a bar, as `... WITH STROKE` is.
    if letter.len() != 1 || !with.is_none_or(|w| w.starts_with("WITH ") || w == "BAR") {
        return None;
    }
    let letter = letter.chars().next()?;
    letter.is_ascii_uppercase().then(|| letter.to_ascii_lowercase())
}

fn prototype(c: char) -> Option<char> {
    let skeleton: String = unicode_security::skeleton(&c.to_string()).collect();
    let mut chars = skeleton.chars();
    match (chars.next(), chars.next()) {
        (Some(p), None) if p.is_ascii_alphabetic() => Some(p.to_ascii_lowercase()),
        (Some(p), None) => SMALL_CAPITALS.iter().find(|(small, _)| *small == p).map(|(_, ascii)| *ascii),
        _ => None,
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut table: Vec<(char, char)> = Vec::new();
    for code in 0x80u32..0x11_0000 {
        let Some(c) = char::from_u32(code) else { continue };
        if !c.is_alphabetic() {
            continue;
        }
        // Prefer the look-alike of the lowercase form: capital `І` (Cyrillic)
        // has the prototype `l` (because `I` and `l` are confusable), but it
        // is the capital of `і`, which looks like `i`.
        let mut lower = c.to_lowercase();
        let lower_proto = match (lower.next(), lower.next()) {
            (Some(l), None) if l != c => prototype(l),
            _ => None,
        };
        // A Latin letter is the letter its name says (`ʋ` is a v with a
        // hook, though the confusables data files it under `u`).
        // A capital takes its small letter's base when its own name has
        // none (`Ɖ` is AFRICAN D, its small letter `ɖ` a d with a tail), so
        // folding stays idempotent.
        let small = {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => latin_base(l),
                _ => None,
            }
        };
        let latin = (c.script() == Script::Latin && !c.is_ascii()).then(|| latin_base(c).or(small)).flatten();
        let visual = {
            let mut lower = c.to_lowercase();
            let small = match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            VISUAL_LOOKALIKES.iter().find(|(v, _)| *v == small).map(|(_, ascii)| *ascii)
        };
        if let Some(p) = latin.or(visual).or(lower_proto).or_else(|| prototype(c)) {
            table.push((c, p));
        }
    }
    table.sort();

    let mut cyrillic = ['\0'; 26];
    let mut greek = ['\0'; 26];
    for &(c, p) in &table {
        // Only letters that normalisation leaves alone, so folding stays
        // idempotent (lunate sigma `ϲ` looks like `c` but decomposes to `σ`).
        if !c.is_lowercase() || c.to_string().nfkd().collect::<String>() != c.to_string() {
            continue;
        }
        let slot = (p as u8 - b'a') as usize;
        let target = match c.script() {
            Script::Cyrillic => &mut cyrillic[slot],
            Script::Greek => &mut greek[slot],
            _ => continue,
        };
        if *target == '\0' {
            *target = c;
        }
    }

    let mut out = String::new();
    out.push_str("/// Non-ASCII letters and the ASCII letter each looks like (UTS #39 confusables).\n");
    out.push_str("pub(crate) static LATIN_LOOKALIKES: &[(char, u8)] = &[\n");
    for (c, p) in &table {
        writeln!(out, "    ('\\u{{{:x}}}', b'{}'),", *c as u32, p).unwrap();
    }
    out.push_str("];\n");
    for (name, row) in [("CYRILLIC_FOR_LATIN", cyrillic), ("GREEK_FOR_LATIN", greek)] {
        writeln!(out, "/// For `a`..=`z`, a lowercase letter of this script that looks like it, or NUL.").unwrap();
        write!(out, "pub(crate) static {name}: [char; 26] = [").unwrap();
        for c in row {
            write!(out, "'\\u{{{:x}}}', ", c as u32).unwrap();
        }
        out.push_str("];\n");
    }
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("confusables.rs");
    std::fs::write(path, out).unwrap();
}
