//! One-typo tolerance for long words (opt-in per entry with `[typo]`).
//!
//! Symmetric deletion: an entry is indexed under the hashes of itself and of
//! every form with one character deleted; a query word is looked up the same
//! way. Two words one edit apart (substitution, insertion, deletion or
//! swap of neighbours) always share such a form; candidates are then checked
//! with a real edit distance, so hash collisions and two-edit pairs are
//! refused.

use rustc_hash::FxHashMap;

use super::bloom::Bloom;
use super::list::MIN_TYPO_CHARS;

/// Words longer than this (in bytes) are neither indexed nor looked up.
const MAX_WORD_BYTES: usize = 64;

/// Entries with one-typo tolerance, indexed by deletion forms.
#[derive(Default)]
pub(crate) struct TypoIndex {
    by_hash: FxHashMap<u64, Vec<u32>>,
    /// The keys of `by_hash`, so that most forms of an innocent word are
    /// refused from a few cache lines instead of a probe of the map.
    forms: Bloom,
    min_chars: usize,
    max_chars: usize,
    /// The ends of the ASCII entries, keyed with their length: the first two
    /// bytes ([`end_key`] `FIRST`) and the last three (`LAST`). A word one
    /// edit from an ASCII entry of [`MIN_TYPO_CHARS`]+ characters keeps one of
    /// them (an edit in the first two characters leaves the last three), so
    /// an ASCII word whose ends meet none is refused without hashing its
    /// forms.
    ends: Vec<u64>,
    ends_filter: Bloom,
    /// Some entry has exactly one non-ASCII character (an ASCII word may be
    /// one substitution from it): the ends filter is not used.
    one_non_ascii: bool,
}

/// The key of a word's first two bytes ([`FIRST`]) or last three ([`LAST`])
/// for an entry length of `len` bytes.
fn end_key(which: u64, len: usize, bytes: &[u8]) -> u64 {
    bytes.iter().fold(which << 8 | len as u64, |key, &b| key << 8 | u64::from(b))
}

const FIRST: u64 = 1;
const LAST: u64 = 2;

/// Base of the polynomial hash (odd, so powers never vanish modulo 2^64).
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// `BASE^k` for every `k` a word can need.
static POWERS: std::sync::LazyLock<[u64; MAX_WORD_BYTES + 1]> = std::sync::LazyLock::new(|| {
    let mut power = [1u64; MAX_WORD_BYTES + 1];
    for k in 1..=MAX_WORD_BYTES {
        power[k] = power[k - 1].wrapping_mul(BASE);
    }
    power
});

/// Calls `f` with the hash of `word` (UTF-8) and of each form with one
/// character deleted, in time linear in the word's length.
///
/// The hash is the polynomial `Σ byte_k · BASE^(n-1-k)` (wrapping), `H` for
/// the whole word. With `p(k)` the hash of the first `k` bytes, cutting the
/// bytes `i..i+len` out leaves `H + (p(i) − p(i+len)) · BASE^(n-i-len)`
/// (exact in wrapping arithmetic): every form comes from two passes over
/// the word and no table.
fn for_each_form(word: &[u8], mut f: impl FnMut(u64)) {
    let n = word.len().min(MAX_WORD_BYTES);
    let word = &word[..n];
    let power = &*POWERS;
    let whole = word.iter().fold(0u64, |hash, &byte| hash.wrapping_mul(BASE).wrapping_add(u64::from(byte)));
    f(whole);
    let mut prefix = 0u64;
    let mut at = 0;
    while at < n {
        let len = utf8_len(word[at]).min(n - at);
        let before = prefix;
        for &byte in &word[at..at + len] {
            prefix = prefix.wrapping_mul(BASE).wrapping_add(u64::from(byte));
        }
        f(whole.wrapping_add(before.wrapping_sub(prefix).wrapping_mul(power[n - at - len])));
        at += len;
    }
}

/// The length of the UTF-8 character that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

impl TypoIndex {
    /// Indexes `word` (canonical, one word) for item `item`; words longer
    /// than the longest query word looked up are ignored.
    pub(crate) fn insert(&mut self, word: &str, item: u32) {
        if word.len() > MAX_WORD_BYTES {
            return;
        }
        let chars = word.chars().count();
        if self.by_hash.is_empty() {
            self.min_chars = chars;
            self.max_chars = chars;
        }
        self.min_chars = self.min_chars.min(chars);
        self.max_chars = self.max_chars.max(chars);
        let non_ascii = word.chars().filter(|c| !c.is_ascii()).count();
        if non_ascii == 0 && chars >= MIN_TYPO_CHARS {
            let bytes = word.as_bytes();
            self.ends.push(end_key(FIRST, bytes.len(), &bytes[..2]));
            self.ends.push(end_key(LAST, bytes.len(), &bytes[bytes.len() - 3..]));
        } else if non_ascii == 1 || chars < MIN_TYPO_CHARS {
            self.one_non_ascii = true;
        }
        for_each_form(word.as_bytes(), |hash| {
            let items = self.by_hash.entry(hash).or_default();
            if !items.contains(&item) {
                items.push(item);
            }
        });
    }

    /// The index with its filter built: call once every entry is inserted.
    pub(crate) fn finished(mut self) -> TypoIndex {
        let keys: Vec<u64> = self.by_hash.keys().copied().collect();
        self.forms = Bloom::from_keys(&keys);
        self.ends_filter = Bloom::from_keys(&self.ends);
        self.ends = Vec::new();
        self
    }

    /// Whether any entry is indexed.
    pub(crate) fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }

    /// Calls `f` with every item whose word is within one edit of `word`
    /// (UTF-8; some items may be offered twice); `text_of` gives an item's word.
    pub(crate) fn candidates<'a>(&self, word: &[u8], text_of: impl Fn(u32) -> &'a str, mut f: impl FnMut(u32)) {
        if word.len() > MAX_WORD_BYTES || word.len() + 1 < self.min_chars {
            return;
        }
        let chars = word.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        if chars + 1 < self.min_chars || chars > self.max_chars + 1 {
            return;
        }
        if !self.one_non_ascii && word.is_ascii() && !self.ends_meet(word) {
            return;
        }
        for_each_form(word, |hash| {
            if !self.forms.may_contain(hash) {
                return;
            }
            if let Some(items) = self.by_hash.get(&hash) {
                let Ok(word) = std::str::from_utf8(word) else { return };
                for &item in items {
                    if within_one_edit(word, text_of(item)) {
                        f(item);
                    }
                }
            }
        });
    }

    /// Whether an ASCII `word` keeps the first two or the last three bytes
    /// of some ASCII entry one byte shorter, as long, or one byte longer.
    fn ends_meet(&self, word: &[u8]) -> bool {
        let n = word.len();
        if n < 3 {
            return false;
        }
        (n.saturating_sub(1)..=n + 1).any(|len| {
            self.ends_filter.may_contain(end_key(FIRST, len, &word[..2]))
                || self.ends_filter.may_contain(end_key(LAST, len, &word[n - 3..]))
        })
    }

    /// Approximate heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.ends_filter.memory_usage()
            + self.by_hash.capacity() * (std::mem::size_of::<(u64, Vec<u32>)>() + 1)
            + self.by_hash.values().map(|v| v.capacity() * 4).sum::<usize>()
            + self.forms.memory_usage()
    }
}

/// Whether `a` and `b` differ by at most one substitution, insertion,
/// deletion, or swap of two neighbouring characters.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let mut a_chars = [char::default(); MAX_WORD_BYTES];
    let mut b_chars = [char::default(); MAX_WORD_BYTES];
    let (mut n, mut m) = (0, 0);
    for c in a.chars().take(MAX_WORD_BYTES) {
        a_chars[n] = c;
        n += 1;
    }
    for c in b.chars().take(MAX_WORD_BYTES) {
        b_chars[m] = c;
        m += 1;
    }
    let (a, b) = (&a_chars[..n], &b_chars[..m]);
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == n && prefix == m {
        return true;
    }
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (rest_a, rest_b) = (n - prefix - suffix, m - prefix - suffix);
    match (rest_a, rest_b) {
        (1, 1) | (1, 0) | (0, 1) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_forms_hash_like_the_shorter_words() {
        let hash = |word: &str| {
            let mut first = None;
            for_each_form(word.as_bytes(), |h| {
                first.get_or_insert(h);
            });
            first.unwrap()
        };
        let mut forms = Vec::new();
        for_each_form("zörvik".as_bytes(), |h| forms.push(h));
        let expected: Vec<u64> =
            ["zörvik", "örvik", "zrvik", "zövik", "zörik", "zörvk", "zörvi"].iter().map(|w| hash(w)).collect();
        assert_eq!(forms, expected);
    }

    #[test]
    fn one_edit_table() {
        let table: &[(&str, &str, bool)] = &[
            ("snorgleplex", "snorgleplex", true),
            ("snorgleplex", "snorgleplax", true),
            ("snorgleplex", "snorglepex", true),
            ("snorgleplex", "snorgleplexx", true),
            ("snorgleplex", "snrogleplex", true),
            ("snorgleplex", "snorgleplxe", true),
            ("snorgleplex", "xnorgleplex", true),
            ("snorgleplex", "snorgleple", true),
            ("snorgleplex", "snrogleplax", false),
            ("snorgleplex", "snorgle", false),
            ("snorgleplex", "abcdefghijk", false),
            ("звирдаковый", "звирдаковий", true),
        ];
        for (a, b, expected) in table {
            assert_eq!(within_one_edit(a, b), *expected, "{a} / {b}");
            assert_eq!(within_one_edit(b, a), *expected, "{b} / {a}");
        }
    }

    #[test]
    fn index_offers_every_one_edit_neighbour_and_nothing_further() {
        let mut index = TypoIndex::default();
        index.insert("snorgleplex", 7);
        let index = index.finished();
        let words = ["snorgleplex"];
        let found = |word: &str| {
            let mut items = Vec::new();
            index.candidates(word.as_bytes(), |i| words[(i - 7) as usize], |i| items.push(i));
            !items.is_empty()
        };
        for word in ["snorgleplax", "snorglepex", "snorgleplexs", "snrogleplex", "snorgleplxe"] {
            assert!(found(word), "{word}");
        }
        for word in ["snrogleplax", "snorgle", "plex"] {
            assert!(!found(word), "{word}");
        }
    }

    #[test]
    fn the_ends_filter_keeps_every_one_edit_neighbour_of_short_and_long_entries() {
        for entry in ["zorvik", "snorgleplex"] {
            let mut index = TypoIndex::default();
            index.insert(entry, 0);
            let index = index.finished();
            let found = |word: &str| {
                let mut hit = false;
                index.candidates(word.as_bytes(), |_| entry, |_| hit = true);
                hit
            };
            let bytes = entry.as_bytes();
            let mut neighbours = Vec::new();
            for at in 0..=bytes.len() {
                for letter in b'a'..=b'z' {
                    let mut inserted = bytes.to_vec();
                    inserted.insert(at, letter);
                    neighbours.push(inserted);
                    if at < bytes.len() {
                        let mut substituted = bytes.to_vec();
                        substituted[at] = letter;
                        neighbours.push(substituted);
                    }
                }
                if at < bytes.len() {
                    let mut deleted = bytes.to_vec();
                    deleted.remove(at);
                    neighbours.push(deleted);
                }
                if at + 1 < bytes.len() {
                    let mut swapped = bytes.to_vec();
                    swapped.swap(at, at + 1);
                    neighbours.push(swapped);
                }
            }
            for word in &neighbours {
                let word = std::str::from_utf8(word).unwrap();
                assert!(found(word), "{entry}: {word}");
            }
            assert!(!found("qqqqqqqq"), "{entry}: an unrelated word");
        }
    }
}
