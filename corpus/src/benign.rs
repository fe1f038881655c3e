//! Innocent queries: templates of each vocabulary filled with its words, and
//! innocent text made to look odd.

use super::BenignClass;
use super::evasion::{accent, styled_text};
use super::rng::Rng;
use super::vocab;

/// Fills `{}` with words of `words` (glued without spaces when `glue`), `{n}`
/// with a small number, `{y}` with a year and `{a}` with `special`.
fn fill(rng: &mut Rng, template: &str, words: &[&str], special: &str) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        match &rest[open + 1..close] {
            "n" => out.push_str(&rng.range(2, 20).to_string()),
            "y" => out.push_str(&rng.range(1990, 2030).to_string()),
            "a" => out.push_str(special),
            _ => out.push_str(rng.pick_str(words)),
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

fn from(rng: &mut Rng, templates: &[&str], words: &[&str]) -> String {
    let template = *rng.pick(templates);
    fill(rng, template, words, "")
}

/// One innocent query of `class`; `allowed` are the list's allow-list phrases.
pub(crate) fn query(rng: &mut Rng, class: BenignClass, allowed: &[String]) -> String {
    match class {
        BenignClass::English => from(rng, vocab::ENGLISH_TEMPLATES, vocab::ENGLISH),
        BenignClass::German => from(rng, vocab::GERMAN_TEMPLATES, vocab::GERMAN),
        BenignClass::Spanish => from(rng, vocab::SPANISH_TEMPLATES, vocab::SPANISH),
        BenignClass::French => from(rng, vocab::FRENCH_TEMPLATES, vocab::FRENCH),
        BenignClass::Russian => from(rng, vocab::RUSSIAN_TEMPLATES, vocab::RUSSIAN),
        BenignClass::Greek => from(rng, vocab::GREEK_TEMPLATES, vocab::GREEK),
        BenignClass::Arabic => from(rng, vocab::ARABIC_TEMPLATES, vocab::ARABIC),
        BenignClass::ChineseJapanese => {
            if rng.percent(55) {
                from(rng, vocab::CHINESE_TEMPLATES, vocab::CHINESE)
            } else {
                from(rng, vocab::JAPANESE_TEMPLATES, vocab::JAPANESE)
            }
        }
        BenignClass::Brands => {
            let brand = *rng.pick(vocab::BRANDS);
            match rng.below(4) {
                0 => brand.to_owned(),
                1 => format!("{brand} {}", rng.pick(vocab::ENGLISH)),
                _ => {
                    let tail = *rng.pick(vocab::BRAND_TAILS);
                    fill(rng, &format!("{brand} {tail}"), vocab::ENGLISH, "")
                }
            }
        }
        BenignClass::Acronyms => {
            let acronym = *rng.pick(vocab::ACRONYMS);
            let template = *rng.pick(vocab::ACRONYM_TEMPLATES);
            fill(rng, template, vocab::ENGLISH, acronym)
        }
        BenignClass::Codes => {
            let code = *rng.pick(vocab::CODES);
            let template = *rng.pick(vocab::CODE_TEMPLATES);
            fill(rng, template, vocab::ENGLISH, code)
        }
        BenignClass::OddUnicode => odd(rng),
        BenignClass::SpacedLetters => {
            if rng.percent(30) {
                // An innocent word spelled out, as in titles ("s a l e").
                let word = *rng.pick(vocab::ENGLISH);
                let spaced: Vec<String> = word.chars().map(String::from).collect();
                let spaced = if rng.percent(50) { spaced.join(" ") } else { spaced.join(" ").to_uppercase() };
                let template = *rng.pick(vocab::SPACED_TEMPLATES);
                return fill(rng, template, vocab::ENGLISH, &spaced);
            }
            let letters = *rng.pick(vocab::SPACED);
            let template = *rng.pick(vocab::SPACED_TEMPLATES);
            fill(rng, template, vocab::ENGLISH, letters)
        }
        BenignClass::DoubledLetters => {
            let template = *rng.pick(vocab::DOUBLED_TEMPLATES);
            fill(rng, template, vocab::DOUBLED, "")
        }
        BenignClass::Allowed => {
            let Some(phrase) = (!allowed.is_empty()).then(|| rng.pick(allowed).clone()) else {
                return from(rng, vocab::ENGLISH_TEMPLATES, vocab::ENGLISH);
            };
            match rng.below(4) {
                0 => phrase,
                1 => format!("{phrase} {}", rng.pick(vocab::ENGLISH)),
                2 => format!("{} {phrase}", rng.pick(vocab::ENGLISH)),
                _ => format!("{} {phrase} {}", rng.pick(vocab::ENGLISH), rng.pick(vocab::ENGLISH)),
            }
        }
    }
}

/// Innocent text that looks odd: accents, styled letters, emoji, invisible
/// characters.
fn odd(rng: &mut Rng) -> String {
    if rng.percent(25) {
        let odd = *rng.pick(vocab::ODD);
        return if rng.percent(50) { odd.to_owned() } else { format!("{odd} {}", rng.pick(vocab::ENGLISH)) };
    }
    let base = match rng.below(4) {
        0 => from(rng, vocab::GERMAN_TEMPLATES, vocab::GERMAN),
        1 => from(rng, vocab::SPANISH_TEMPLATES, vocab::SPANISH),
        2 => from(rng, vocab::FRENCH_TEMPLATES, vocab::FRENCH),
        _ => from(rng, vocab::ENGLISH_TEMPLATES, vocab::ENGLISH),
    };
    match rng.below(6) {
        0 => styled_text(rng, &base),
        1 => {
            // One word styled.
            let words: Vec<&str> = base.split(' ').collect();
            let at = rng.below(words.len());
            let styled = styled_text(rng, words[at]);
            words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == at { styled.as_str() } else { w })
                .collect::<Vec<_>>()
                .join(" ")
        }
        2 => base.chars().map(|c| if c.is_ascii_lowercase() && rng.percent(20) { accent(rng, c) } else { c }).collect(),
        3 => {
            let emoji = *rng.pick(vocab::EMOJI);
            match rng.below(3) {
                0 => format!("{emoji} {base}"),
                1 => format!("{base} {emoji}"),
                _ => format!("{base}{emoji}{emoji}"),
            }
        }
        4 => {
            // Invisible characters inside words only: between words they would join them.
            let mut out = String::new();
            let mut previous = ' ';
            for c in base.chars() {
                if previous != ' ' && c != ' ' && rng.percent(15) {
                    out.push(*rng.pick(&['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}']));
                }
                out.push(c);
                previous = c;
            }
            out
        }
        _ => base.to_uppercase(),
    }
}
