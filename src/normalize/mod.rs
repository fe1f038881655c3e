//! Text normalisation: the folding of evasions, applied identically to list
//! entries and to queries (symmetric normalisation), so that matching is an
//! exact comparison of folded words.
//!
//! Two layers: `fold` turns characters into cells (case, compatibility
//! forms, diacritics, invisible characters, emoji letters, script look-alikes
//! recorded), and `views` renders the cells into words under each reading
//! the text has evidence for (joined letters, digits as letters, collapsed
//! repeats). Pure functions over reusable buffers: nothing here logs,
//! stores or allocates per call once the buffers are warm.

mod confusables;
pub(crate) mod fold;
mod leet;
pub(crate) mod translit;
pub(crate) mod views;

pub use views::Views;

/// The canonical form of `text`: folded words separated by single spaces.
///
/// This is the form list entries are compared in, and the text regular
/// expression entries run on. It is idempotent:
/// `canonical(&canonical(t)) == canonical(t)`.
pub fn canonical(text: &str) -> String {
    let mut views = Views::default();
    views.render(text);
    let plain = &views.views[0];
    let body = &views.buf[plain.start as usize + 1..plain.end as usize];
    let body = body.strip_suffix(b" ").unwrap_or(body);
    String::from_utf8_lossy(body).into_owned()
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn every_single_character_folds_idempotently() {
        // Each capital and small letter must land where its other case
        // lands, and a fold's output must fold to itself (`Ɖ` once folded
        // to `ɖ`, which folds on to `d`).
        for code in 0u32..0x2_0000 {
            let Some(c) = char::from_u32(code) else { continue };
            let once = canonical(&c.to_string());
            assert_eq!(canonical(&once), once, "U+{code:04X}");
        }
    }

    #[test]
    fn canonical_form_is_words_separated_by_single_spaces() {
        assert_eq!(canonical("  Zörvik,   PLIM-plom!! "), "zorvik plim plom");
        assert_eq!(canonical(""), "");
        assert_eq!(canonical("¿?"), "");
    }
}
