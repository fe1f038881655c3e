//! Cyrillic entries written in Latin letters, whatever mix of romanisations
//! the writer chose.
//!
//! Writers mix schemes inside one word (`щ` as `sch`, `ч` as `4`, `я` as
//! `ia` and `ш` as `w` in the same word), so spelling an entry out under a
//! fixed number of schemes misses most mixes: a ten-letter entry has
//! thousands. Instead the entries' Cyrillic letters go into a trie, and a
//! Latin query word is parsed against it: at each point every Latin
//! spelling of every Cyrillic letter that continues some entry is tried
//! ([`translit::latin_spellings`]). The trie holds only list entries, so
//! an innocent word dies within a letter or two.

use rustc_hash::FxHashMap;

use crate::normalize::translit;

/// Letters a Cyrillic word needs before any mix of romanisations may spell
/// it: shorter words, mixed freely, spell ordinary words of Latin languages
/// (a five-letter entry read as a Polish word), so they keep the compiled
/// spellings only.
const MIN_MIXED_CHARS: usize = 6;

/// Whether the matcher reads `canonical` (an entry) under any mix of
/// romanisations: a single Cyrillic word of [`MIN_MIXED_CHARS`] letters or
/// more that [`translit::letter_index`] can spell.
pub(crate) fn reads_mixes(canonical: &str) -> bool {
    !canonical.contains(' ')
        && canonical.chars().count() >= MIN_MIXED_CHARS
        && canonical.chars().all(|c| translit::letter_index(c).is_some())
}

/// Parse steps allowed per word: bounds adversarial input (`shshshsh…`).
const MAX_STEPS: u32 = 512;

/// What the parse reads a Latin word with: every Latin spelling by its
/// first byte, and the letters written with no Latin letter (one bit each).
struct Spellings {
    table: &'static translit::LatinSpellings,
    silent: u64,
}

/// Single-word Cyrillic entries, by their letters.
#[derive(Default)]
pub(crate) struct RomanisedIndex {
    /// Each node's child per letter (0: none; node 0 is the root, never a
    /// child). Dense, because the parse looks children up in its inner loop.
    children: Vec<[u32; translit::LETTER_COUNT]>,
    /// Each node's letters with a child, one bit per letter: the parse
    /// tests a spelling's letter here before it reads the node's children.
    letters: Vec<u64>,
    /// Node → the items whose letters end there.
    ends: FxHashMap<u32, Vec<u32>>,
    /// The fewest Latin bytes any entry can be written in.
    min_bytes: usize,
    /// One bit per [`PREFIX_BYTES`]-byte Latin beginning that some entry can
    /// be written with ([`prefix_code`]): most innocent words are refused by
    /// one lookup instead of a parse.
    prefixes: Vec<u64>,
}

/// How many leading bytes of a word [`RomanisedIndex`] tests before parsing.
const PREFIX_BYTES: usize = 5;

/// Bits of the prefix filter (a power of two).
const PREFIX_BITS: usize = 1 << 21;

/// The bit of the prefix filter for `bytes` (the first [`PREFIX_BYTES`] of
/// a word): a multiplicative hash of them.
fn prefix_code(bytes: &[u8]) -> usize {
    let packed = bytes.iter().take(PREFIX_BYTES).fold(0u64, |packed, &b| packed << 8 | u64::from(b));
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PREFIX_BITS.trailing_zeros())) as usize
}

impl RomanisedIndex {
    /// Indexes a single-word Cyrillic `entry` (canonical) for `item`; does
    /// nothing for words [`translit::letter_index`] cannot spell.
    pub(crate) fn insert(&mut self, entry: &str, item: u32) {
        let Some(letters) = entry.chars().map(translit::letter_index).collect::<Option<Vec<u8>>>() else {
            return;
        };
        if letters.is_empty() {
            return;
        }
        let first = self.ends.is_empty();
        if self.children.is_empty() {
            self.children.push([0; translit::LETTER_COUNT]);
            self.letters.push(0);
        }
        let mut node = 0u32;
        for &letter in &letters {
            let child = self.children[node as usize][letter as usize];
            node = if child != 0 {
                child
            } else {
                let next = self.children.len() as u32;
                self.children.push([0; translit::LETTER_COUNT]);
                self.letters.push(0);
                self.children[node as usize][letter as usize] = next;
                self.letters[node as usize] |= 1 << letter;
                next
            };
        }
        let items = self.ends.entry(node).or_default();
        if !items.contains(&item) {
            items.push(item);
        }
        let shortest: usize = letters.iter().map(|&l| translit::shortest_latin(l)).sum();
        self.min_bytes = if first { shortest } else { self.min_bytes.min(shortest) };
    }

    /// The index with its prefix filter built: call once every entry is
    /// inserted.
    pub(crate) fn finished(mut self) -> RomanisedIndex {
        let mut prefixes = vec![0u64; PREFIX_BITS / 64];
        if !self.children.is_empty() {
            let silent = translit::silent_letters().iter().fold(0u64, |mask, &letter| mask | 1 << letter);
            self.mark_prefixes(0, &mut [0; PREFIX_BYTES], 0, silent, &mut prefixes);
        }
        self.prefixes = prefixes;
        self
    }

    /// Sets the bit of every [`PREFIX_BYTES`]-byte beginning that the
    /// entries under `node` write after the `len` bytes of `prefix`.
    fn mark_prefixes(&self, node: u32, prefix: &mut [u8; PREFIX_BYTES], len: usize, silent: u64, out: &mut [u64]) {
        if len == PREFIX_BYTES {
            let code = prefix_code(prefix);
            out[code / 64] |= 1 << (code % 64);
            return;
        }
        let mut letters = self.letters[node as usize];
        while letters != 0 {
            let letter = letters.trailing_zeros() as u8;
            letters &= letters - 1;
            let child = self.children[node as usize][letter as usize];
            if silent >> letter & 1 != 0 {
                self.mark_prefixes(child, prefix, len, silent, out);
            }
            for spelling in translit::spellings_of(letter) {
                let mut next = *prefix;
                let mut at = len;
                for &b in spelling.as_bytes().iter().take(PREFIX_BYTES - len) {
                    next[at] = b;
                    at += 1;
                }
                self.mark_prefixes(child, &mut next, at, silent, out);
            }
        }
    }

    /// Whether no entry is indexed.
    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Calls `f` with every item that `word` (lowercase ASCII letters and
    /// digits) spells in Latin letters, the whole word (an item may come
    /// more than once).
    pub(crate) fn candidates(&self, word: &[u8], mut f: impl FnMut(u32)) {
        if word.len() < self.min_bytes.max(1) {
            return;
        }
        // (Before `finished`, no filter.)
        if word.len() >= PREFIX_BYTES && !self.prefixes.is_empty() {
            let code = prefix_code(word);
            if self.prefixes[code / 64] >> (code % 64) & 1 == 0 {
                return;
            }
        }
        let mut steps = MAX_STEPS;
        let silent = translit::silent_letters().iter().fold(0u64, |mask, &letter| mask | 1 << letter);
        let spellings = Spellings { table: translit::latin_spellings(), silent };
        self.parse(&spellings, word, 0, 0, &mut steps, &mut f);
    }

    fn parse(
        &self,
        spellings: &Spellings,
        word: &[u8],
        at: usize,
        node: u32,
        steps: &mut u32,
        f: &mut impl FnMut(u32),
    ) {
        if *steps == 0 {
            return;
        }
        *steps -= 1;
        if at == word.len() {
            if let Some(items) = self.ends.get(&node) {
                items.iter().for_each(|&item| f(item));
            }
        }
        let letters = self.letters[node as usize];
        let children = &self.children[node as usize];
        let mut silent_here = letters & spellings.silent;
        while silent_here != 0 {
            let letter = silent_here.trailing_zeros();
            silent_here &= silent_here - 1;
            self.parse(spellings, word, at, children[letter as usize], steps, f);
        }
        let Some(&byte) = word.get(at) else { return };
        let next = translit::next_four(word, at);
        for spelling in spellings.table.get(byte as usize).map_or(&[][..], Vec::as_slice) {
            if letters >> spelling.letter & 1 != 0 && spelling.starts(next) {
                self.parse(spellings, word, at + spelling.len as usize, children[spelling.letter as usize], steps, f);
            }
        }
    }

    /// Approximate heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.children.capacity() * std::mem::size_of::<[u32; translit::LETTER_COUNT]>()
            + self.letters.capacity() * 8
            + self.prefixes.capacity() * 8
            + self.ends.capacity() * 29
            + self.ends.values().map(|v| v.capacity() * 4).sum::<usize>()
    }
}

/// Appends to `out` each word of `fst` that spells `entry` (Cyrillic,
/// canonical) under some mix of the Latin spellings the parse accepts: the
/// same readings, walked from the entry's side, for `signpost lint`.
pub(crate) fn words_spelling<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>, entry: &str, out: &mut Vec<String>) {
    let Some(letters) = entry.chars().map(translit::letter_index).collect::<Option<Vec<u8>>>() else { return };
    let mut word = String::new();
    let mut steps = MAX_LINT_STEPS;
    walk(fst, &letters, fst.root(), &mut word, &mut steps, out);
}

/// Nodes one entry's walk through the dictionary may visit.
const MAX_LINT_STEPS: u32 = 1_000_000;

fn walk<D: AsRef<[u8]>>(
    fst: &fst::raw::Fst<D>,
    letters: &[u8],
    node: fst::raw::Node<'_>,
    word: &mut String,
    steps: &mut u32,
    out: &mut Vec<String>,
) {
    if *steps == 0 {
        return;
    }
    *steps -= 1;
    let Some((&letter, rest)) = letters.split_first() else {
        if node.is_final() {
            out.push(word.clone());
        }
        return;
    };
    if translit::silent_letters().contains(&letter) {
        walk(fst, rest, node, word, steps, out);
    }
    'spellings: for spelling in translit::spellings_of(letter) {
        let mut at = node;
        for &byte in spelling.as_bytes() {
            match at.find_input(byte) {
                Some(index) => at = fst.node(at.transition(index).addr),
                None => continue 'spellings,
            }
        }
        let len = word.len();
        word.push_str(spelling);
        walk(fst, rest, at, word, steps, out);
        word.truncate(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(index: &RomanisedIndex, word: &str) -> Vec<u32> {
        let mut items = Vec::new();
        index.candidates(word.as_bytes(), |item| items.push(item));
        items.sort_unstable();
        items.dedup();
        items
    }

    #[test]
    fn mixed_romanisations_of_one_word_are_all_read() {
        let mut index = RomanisedIndex::default();
        index.insert("щелнягвош", 1);
        index.insert("стюсчацсэм", 2);
        index.insert("тружцаньзоц", 3);
        let index = index.finished();
        for word in ["shchelnyagvosh", "schelniagvow", "shelnjagvosz"] {
            assert_eq!(found(&index, word), [1], "{word}");
        }
        assert!(found(&index, "sxelnyagvosh").is_empty(), "`x` is never `щ`");
        for word in ["styus4atzsem", "stjuschacsem", "styuschatssem", "stiuschatssem"] {
            assert_eq!(found(&index, word), [2], "{word}");
        }
        // The soft sign may be written or left out.
        assert_eq!(found(&index, "truzcanzotz"), [3]);
        assert_eq!(found(&index, "truzhtsanzots"), [3]);
    }

    #[test]
    fn only_whole_words_match() {
        let mut index = RomanisedIndex::default();
        index.insert("хайзостяк", 7);
        let index = index.finished();
        assert_eq!(found(&index, "khayzostyak"), [7]);
        assert_eq!(found(&index, "hajzostak"), [7]);
        assert!(found(&index, "khayzostya").is_empty());
        assert!(found(&index, "khayzostyaks").is_empty());
        assert!(found(&index, "hayzostyakhayzostyak").is_empty());
        assert!(found(&index, "coffee").is_empty());
    }

    #[test]
    fn ambiguous_words_stop_at_the_step_bound() {
        // `s` spells `с`, `ш`, `щ` and `з`: eight of them read every one of
        // the 4^8 entries below, unless the parse stops.
        let letters = ['с', 'ш', 'щ', 'з'];
        let mut index = RomanisedIndex::default();
        for n in 0..4usize.pow(8) {
            let entry: String = (0..8).map(|digit| letters[n / 4usize.pow(digit) % 4]).collect();
            index.insert(&entry, n as u32);
        }
        let index = index.finished();
        let mut calls = 0;
        index.candidates(b"ssssssss", |_| calls += 1);
        assert!(calls > 0, "the first parses are read");
        assert!(calls < MAX_STEPS as usize, "{calls} items offered: the parse did not stop");
    }

    #[test]
    fn the_lint_walk_finds_the_words_the_parse_reads() {
        let set = fst::Set::from_iter(["hajzostak", "khayzostyak", "plimplom", "shchelnyagvosh"]).unwrap();
        let mut words = Vec::new();
        words_spelling(set.as_fst(), "хайзостяк", &mut words);
        words.sort();
        assert_eq!(words, ["hajzostak", "khayzostyak"]);
        let mut index = RomanisedIndex::default();
        index.insert("хайзостяк", 1);
        let index = index.finished();
        for word in &words {
            assert_eq!(found(&index, word), [1]);
        }
        words.clear();
        words_spelling(set.as_fst(), "щелнягвош", &mut words);
        assert_eq!(words, ["shchelnyagvosh"]);
    }

    #[test]
    fn words_it_cannot_spell_are_not_indexed() {
        let mut index = RomanisedIndex::default();
        index.insert("zorvik", 1);
        index.insert("", 2);
        let index = index.finished();
        assert!(index.is_empty());
    }
}
