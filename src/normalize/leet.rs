//! Digits and symbols that stand for letters ("leetspeak").
//!
//! Applied only inside words that also contain letters (`z0rv1k`), never to
//! numbers (`route 93`, `covid-19` keep their digits). Characters with two
//! common readings have a second one, rendered as its own view.

/// The letter `ch` stands for; with `alt`, its second reading where it has one.
pub(crate) fn letter(ch: char, alt: bool) -> Option<char> {
    let letter = match (ch, alt) {
        ('0', _) => 'o',
        ('1', false) | ('|', true) | ('!', _) | ('¡', _) => 'i',
        ('1', true) | ('|', false) => 'l',
        ('2', _) => 'z',
        ('3', _) | ('€', _) => 'e',
        ('4', _) | ('@', _) => 'a',
        ('5', _) | ('$', _) | ('§', _) => 's',
        ('6', false) | ('9', _) => 'g',
        ('6', true) | ('8', _) => 'b',
        ('7', _) | ('+', _) => 't',
        ('¢', _) => 'c',
        ('¥', _) => 'y',
        _ => return None,
    };
    Some(letter)
}

/// Whether `ch` has a second reading (`1` as `i` or `l`).
pub(crate) fn is_ambiguous(ch: char) -> bool {
    matches!(ch, '1' | '|' | '6')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ambiguous_character_has_two_different_readings() {
        for ch in ['1', '|', '6'] {
            assert!(is_ambiguous(ch));
            assert_ne!(letter(ch, false), letter(ch, true), "{ch}");
        }
        assert!(!is_ambiguous('0'));
        assert_eq!(letter('0', true), Some('o'));
        assert_eq!(letter('x', false), None);
    }
}
