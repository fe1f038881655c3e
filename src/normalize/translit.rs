//! Transliteration between Cyrillic and Latin letters, both ways.
//!
//! - A Cyrillic entry written in Latin letters: [`romanisations`] spells an
//!   entry under the common romanisation schemes (ISO 9 / GOST 7.79 B,
//!   BGN/PCGN, the scholarly system with its háčeks folded away, and the
//!   informal spellings of chat: `щ` as `shch`, `sch` or `sh`, `х` as `kh`,
//!   `h` or `x`, `ж` as `zh`, `j` or `z`, `ш` as `sh` or `w`). The matcher
//!   compiles the schemes applied consistently as patterns of their own;
//!   a single word of six letters or more is also read under any mix of
//!   spellings ([`latin_spellings`], parsed against a trie of the entries).
//! - A Latin entry written in Cyrillic letters by sound: the query's
//!   Cyrillic words are romanised ([`romanise`]) and both sides are reduced
//!   to a coarse sound key ([`sound_key`]: `c`/`k`/`q`, `w`/`v`, `ph`/`f`,
//!   `x`/`ks`, `y`/`i`, doubled letters), so `зорвик` meets `zorvik` and
//!   `казор` meets `cazor`.
//!
//! Tables follow the published standards (GOST 7.79-2000 system B,
//! BGN/PCGN 1947 for Russian and Ukrainian, the scholarly system); the
//! informal spellings are the ones those standards' critics list as common.

/// How many schemes [`romanisations`] lists first, each applied to every
/// letter of the entry (the mixes follow).
pub(crate) const CONSISTENT_SCHEMES: usize = 5;

/// Most spellings compiled per Cyrillic entry.
pub(crate) const MAX_ROMANISATIONS: usize = 16;

/// The Latin spellings of one Cyrillic letter. The first five are the
/// schemes, in order: BGN/PCGN, ISO 9 (diacritics folded, as queries are),
/// the scholarly system (folded), informal chat spelling, GOST 7.79 B;
/// more informal spellings follow.
fn spellings(c: char, word_start: bool) -> &'static [&'static str] {
    match c {
        'а' => &["a"],
        'б' => &["b"],
        'в' => &["v", "v", "v", "v", "v", "w"],
        'г' => &["g", "g", "g", "g", "g", "h"],
        'д' => &["d"],
        'е' if word_start => &["ye", "e", "e", "e", "e", "je"],
        'е' | 'э' => &["e"],
        'є' => &["ye", "e", "je", "ye", "ye"],
        'ж' => &["zh", "z", "z", "j", "zh"],
        'з' => &["z"],
        'и' => &["i", "i", "i", "i", "i", "y", "j"],
        'й' => &["y", "j", "j", "y", "j", "i"],
        'ё' => &["yo", "e", "e", "yo", "yo", "jo"],
        'і' => &["i"],
        'к' => &["k"],
        'л' => &["l"],
        'м' => &["m"],
        'н' => &["n"],
        'о' => &["o"],
        'п' => &["p"],
        'р' => &["r"],
        'с' => &["s"],
        'т' => &["t"],
        'у' | 'ў' => &["u"],
        'ф' => &["f"],
        'х' => &["kh", "h", "x", "h", "x", "ch"],
        'ц' => &["ts", "c", "c", "c", "cz", "tz"],
        'ч' => &["ch", "c", "c", "ch", "ch", "tch", "4"],
        'ш' => &["sh", "s", "s", "sh", "sh", "w"],
        'щ' => &["shch", "s", "sc", "sch", "shh", "sh"],
        'ъ' | 'ь' => &[""],
        'ы' => &["y", "y", "y", "i", "y"],
        'ю' => &["yu", "u", "ju", "yu", "yu", "iu"],
        'я' => &["ya", "a", "ja", "ya", "ya", "ia"],
        'ґ' => &["g"],
        _ => &[],
    }
}

/// Whether `word` is written in Cyrillic letters that [`romanisations`]
/// knows, every one of them.
pub(crate) fn is_romanisable(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c == ' ' || !spellings(c, false).is_empty())
}

/// The Latin spellings of a Cyrillic `entry` (lowercase, folded), at most
/// [`MAX_ROMANISATIONS`]: first each scheme applied consistently (every
/// letter's first spelling, then every letter's second, ...), then mixes.
pub(crate) fn romanisations(entry: &str) -> Vec<String> {
    if !is_romanisable(entry) {
        return Vec::new();
    }
    let mut schemes: Vec<&'static [&'static str]> = Vec::new();
    let mut previous = ' ';
    for c in entry.chars() {
        schemes.push(if c == ' ' { &[" "] } else { spellings(c, previous == ' ') });
        previous = c;
    }
    let options = schemes.clone();
    let options: Vec<Vec<&'static str>> = options
        .into_iter()
        .map(|o| {
            let mut distinct: Vec<&'static str> = Vec::new();
            for spelling in o {
                if !distinct.contains(spelling) {
                    distinct.push(spelling);
                }
            }
            distinct
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for scheme in 0..CONSISTENT_SCHEMES {
        let spelled: String = schemes.iter().map(|o| o[scheme.min(o.len() - 1)]).collect();
        if !out.contains(&spelled) {
            out.push(spelled);
        }
    }
    let push = |out: &mut Vec<String>, choice: &dyn Fn(usize, usize) -> usize| {
        let spelled: String = options.iter().enumerate().map(|(i, o)| o[choice(i, o.len())]).collect();
        if !out.contains(&spelled) {
            out.push(spelled);
        }
    };
    // Mixed-radix counting over the letters with several spellings.
    let total: usize =
        options.iter().map(|o| o.len()).try_fold(1usize, |acc, n| acc.checked_mul(n)).unwrap_or(usize::MAX);
    let mut n = 0usize;
    while out.len() < MAX_ROMANISATIONS && n < total.min(4096) {
        let mut rest = n;
        let digits: Vec<usize> = options
            .iter()
            .map(|o| {
                let digit = rest % o.len();
                rest /= o.len();
                digit
            })
            .collect();
        push(&mut out, &|i, _| digits[i]);
        n += 1;
    }
    out.truncate(MAX_ROMANISATIONS);
    out
}

/// Appends the romanisation of `word` (by sound, one spelling) to `out`;
/// characters that are not Cyrillic letters are copied.
pub(crate) fn romanise(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            'ё' => out.push('e'),
            'й' | 'ы' | 'ї' => out.push('i'),
            'щ' => out.push_str("sh"),
            'х' => out.push('h'),
            'г' => out.push('g'),
            _ => match spellings(c, false).first() {
                Some(spelled) => out.push_str(spelled),
                None => out.push(c),
            },
        }
    }
}

/// A coarse sound key of a Latin word, the same for the spellings a
/// Cyrillic writer and a Latin writer would choose for one sound: `w` is
/// written `в` or `у`, so `v`, `w` and `u` are one; `h` is written `х` or
/// `г`; `j` is `дж` or `й`, and `y` is `й`, `и` or `ы`; `c` is `к` or `с`.
/// Coarse on purpose: it is compared only for Cyrillic query words, and
/// only entries of five letters or more, with the dictionary guard.
pub(crate) fn sound_key(word: &str, out: &mut String) {
    let bytes = word.as_bytes();
    let start = out.len();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let (sound, used): (&str, usize) = if rest.starts_with(b"shch") {
            ("sh", 4)
        } else if rest.starts_with(b"sch") || rest.starts_with(b"shh") {
            ("sh", 3)
        } else if rest.starts_with(b"dzh") || rest.starts_with(b"tch") {
            (if rest[0] == b'd' { "i" } else { "ch" }, 3)
        } else {
            match (rest[0], next) {
                (b'p', b'h') => ("f", 2),
                (b't', b'h') => ("t", 2),
                (b'c', b'k') => ("k", 2),
                (b'c', b'h') => ("ch", 2),
                (b's', b'h') => ("sh", 2),
                (b'z', b'h') => ("z", 2),
                (b'q', b'u') => ("kv", 2),
                (b'k', b'h') => ("g", 2),
                (b'd', b'j') => ("i", 2),
                (b't', b'z' | b's') => ("c", 2),
                (b'e', b'e') => ("i", 2),
                (b'o', b'o') => ("v", 2),
                (b'c', b'e' | b'i' | b'y') => ("s", 1),
                (b'c' | b'q', _) => ("k", 1),
                (b'x', _) => ("ks", 1),
                (b'w' | b'u' | b'v', _) => ("v", 1),
                (b'y' | b'j', _) => ("i", 1),
                (b'h', _) => ("g", 1),
                (b, _) => {
                    let len = utf8_len(b);
                    (std::str::from_utf8(&bytes[i..(i + len).min(bytes.len())]).unwrap_or(""), len)
                }
            }
        };
        for ch in sound.chars() {
            // Doubled letters are written once.
            if out[start..].ends_with(ch) && ch.is_ascii_alphabetic() {
                continue;
            }
            out.push(ch);
        }
        i += used;
    }
}

/// The sound keys of a Latin entry: [`sound_key`], and the keys of the
/// spellings by look rather than sound that Cyrillic writers also use for
/// the letters Cyrillic lacks (`x` as `х`, `j` as `ж`, `c` as `ц`), each
/// choice made for the whole word. At most eight.
pub(crate) fn sound_keys(word: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let has = |b: u8| word.as_bytes().contains(&b);
    for mask in 0u8..8 {
        let x = mask & 1 != 0;
        let j = mask & 2 != 0;
        let c = mask & 4 != 0;
        if (x && !has(b'x')) || (j && !has(b'j')) || (c && !has(b'c')) {
            continue;
        }
        let spelled: String = word
            .chars()
            .map(|ch| match ch {
                'x' if x => 'h',
                'j' if j => 'z',
                'c' if c => 'ц',
                other => other,
            })
            .collect();
        let mut key = String::new();
        sound_key(&spelled.replace('ц', "ts"), &mut key);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

fn utf8_len(first: u8) -> usize {
    match first {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// How many Cyrillic letters [`letter_index`] numbers.
pub(crate) const LETTER_COUNT: usize = 38;
// The romanised trie keeps a node's letters in one `u64`.
const _: () = assert!(LETTER_COUNT <= 64);

/// The Cyrillic letters [`letter_index`] numbers, in order.
const LETTERS: [char; LETTER_COUNT] = [
    'а', 'б', 'в', 'г', 'д', 'е', 'ё', 'є', 'ж', 'з', 'и', 'й', 'і', 'ї', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т',
    'у', 'ў', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'ъ', 'ы', 'ь', 'э', 'ю', 'я', 'ґ',
];

/// Latin spellings of a letter beyond the schemes of [`spellings`]: the
/// passport spellings of ICAO 9303 (`ie`, `io`), Polish and German spellings
/// (`sz`, `cz`, `szcz`, `tsch`, `z` for `ц`, `s` for `з`), and the chat
/// spellings (`4`, `q`, `ph`, `ou`). Read only in a Latin word parsed
/// against the entries' letters ([`latin_spellings`]), never compiled.
fn other_spellings(c: char) -> &'static [&'static str] {
    match c {
        'г' => &["gh"],
        'е' | 'є' => &["ye", "je", "ie"],
        'ё' => &["io"],
        'ж' => &["zs", "g"],
        'з' => &["s"],
        'і' => &["y"],
        'ї' => &["i", "yi", "ji"],
        'к' => &["c", "q"],
        'у' => &["ou"],
        'ў' => &["w"],
        'ф' => &["ph"],
        'ц' => &["tc", "z"],
        'ч' => &["cz", "tsch"],
        'ш' => &["sz", "sch"],
        'щ' => &["szcz", "sht", "w"],
        'ы' => &["yi"],
        _ => &[],
    }
}

/// Every Latin spelling of each letter of [`LETTERS`], in any position: the
/// schemes of [`spellings`] (ISO 9 and the scholarly system with their
/// diacritics folded, as queries are: `č` is `c`, `â` is `a`) and
/// [`other_spellings`]. Empty for the soft and hard signs, which are
/// written with no letter.
fn every_spelling() -> &'static [Vec<&'static str>; LETTER_COUNT] {
    static TABLE: std::sync::LazyLock<[Vec<&'static str>; LETTER_COUNT]> = std::sync::LazyLock::new(|| {
        LETTERS.map(|c| {
            let mut all: Vec<&'static str> = Vec::new();
            let schemes = spellings(c, true).iter().chain(spellings(c, false)).chain(other_spellings(c));
            for &spelling in schemes {
                if !spelling.is_empty() && !all.contains(&spelling) {
                    all.push(spelling);
                }
            }
            all
        })
    });
    &TABLE
}

/// The letters written with no Latin letter at all (`ъ`, `ь`), as indices.
pub(crate) fn silent_letters() -> &'static [u8] {
    static SILENT: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        (0..LETTER_COUNT as u8).filter(|&i| spellings(LETTERS[i as usize], false) == [""]).collect()
    });
    &SILENT
}

/// The index of a lowercase Cyrillic letter in [`LETTERS`].
pub(crate) fn letter_index(c: char) -> Option<u8> {
    LETTERS.iter().position(|&l| l == c).map(|i| i as u8)
}

/// The Latin spellings of the letter of `index` (none for the signs that
/// are left out).
pub(crate) fn spellings_of(index: u8) -> &'static [&'static str] {
    &every_spelling()[index as usize]
}

/// The fewest Latin bytes the letter of `index` can be written in.
pub(crate) fn shortest_latin(index: u8) -> usize {
    spellings_of(index).iter().map(|s| s.len()).min().unwrap_or(0)
}

/// One Latin spelling of a letter, packed for a comparison without a call:
/// its bytes (at most four) in a little-endian word with zeros after them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PackedSpelling {
    /// The spelling's bytes, the first in the lowest byte.
    pub bytes: u32,
    /// Ones over the spelling's bytes.
    pub mask: u32,
    /// How many bytes the spelling has.
    pub len: u8,
    /// The index of the letter it writes.
    pub letter: u8,
}

impl PackedSpelling {
    /// Whether `next` (the next four bytes of a word, zeros past its end,
    /// as [`next_four`] reads them) starts with this spelling.
    pub fn starts(&self, next: u32) -> bool {
        next & self.mask == self.bytes
    }
}

/// The next four bytes of `word` from `at`, little-endian, zeros past its
/// end (spellings are ASCII letters and digits, never zero).
pub(crate) fn next_four(word: &[u8], at: usize) -> u32 {
    if let Some(four) = word.get(at..at + 4) {
        return u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
    }
    let mut four = [0u8; 4];
    let rest = &word[at.min(word.len())..];
    let n = rest.len().min(4);
    four[..n].copy_from_slice(&rest[..n]);
    u32::from_le_bytes(four)
}

/// For each ASCII byte, the Latin spellings that start with it and the
/// letter (index) each writes.
pub(crate) type LatinSpellings = Vec<Vec<PackedSpelling>>;

/// The table of every Latin spelling by its first byte.
pub(crate) fn latin_spellings() -> &'static LatinSpellings {
    static BY_FIRST_BYTE: std::sync::LazyLock<LatinSpellings> = std::sync::LazyLock::new(|| {
        let mut table = vec![Vec::new(); 128];
        for (letter, spellings) in every_spelling().iter().enumerate() {
            for spelling in spellings {
                let bytes = spelling.as_bytes();
                assert!(bytes.len() <= 4 && bytes.iter().all(|b| *b != 0), "a Latin spelling fits in four bytes");
                let mut four = [0u8; 4];
                four[..bytes.len()].copy_from_slice(bytes);
                let mask = if bytes.len() == 4 { u32::MAX } else { (1u32 << (8 * bytes.len())) - 1 };
                table[bytes[0] as usize].push(PackedSpelling {
                    bytes: u32::from_le_bytes(four),
                    mask,
                    len: bytes.len() as u8,
                    letter: letter as u8,
                });
            }
        }
        table
    });
    &BY_FIRST_BYTE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> String {
        let mut out = String::new();
        sound_key(word, &mut out);
        out
    }

    fn sounded(cyrillic: &str) -> String {
        let mut latin = String::new();
        romanise(cyrillic, &mut latin);
        key(&latin)
    }

    #[test]
    fn cyrillic_entries_are_spelled_under_several_schemes() {
        let spelled = romanisations("щахю");
        for expected in ["shchakhyu", "sahu", "scaxju", "schahyu", "shhaxyu", "schakhyu"] {
            assert!(spelled.contains(&expected.to_owned()), "{expected} in {spelled:?}");
        }
        assert!(spelled.len() <= MAX_ROMANISATIONS);
        assert_eq!(romanisations("зорвик")[0], "zorvik");
        assert!(romanisations("плечше").contains(&"plecse".to_owned()), "ISO 9 with háčeks folded");
        assert!(romanisations("zorvik").is_empty());
        assert!(romanisations("зорвик плом").contains(&"zorvik plom".to_owned()));
    }

    #[test]
    fn latin_words_written_by_sound_meet_their_entry() {
        for (latin, cyrillic) in [
            ("zorvik", "зорвик"),
            ("cazor", "казор"),
            ("wexly", "вексли"),
            ("phlonjy", "флонджи"),
            ("quattor", "кваттор"),
        ] {
            assert_eq!(key(latin), sounded(cyrillic), "{latin} / {cyrillic}");
        }
        assert_ne!(key("zorvik"), sounded("борвик"));
        // Letters Cyrillic lacks, written by look: x as х, j as ж, c as ц.
        for (latin, cyrillic) in [("maxswi", "махсви"), ("jeszlo", "жесзло"), ("cendve", "цендве")] {
            assert!(sound_keys(latin).contains(&sounded(cyrillic)), "{latin} / {cyrillic}: {:?}", sound_keys(latin));
        }
    }
}
