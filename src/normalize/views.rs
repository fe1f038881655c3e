//! Views: the folded text rendered several ways into one reusable buffer, so
//! that one automaton pass finds every disguise.
//!
//! The text is first folded into cells ([`super::fold`]), then split into
//! *segments* (runs of letters and digits) and *chunks* (runs without white
//! space). A view is the sequence of words under one reading of the text:
//!
//! | view | words are | undoes |
//! |---|---|---|
//! | plain | segments | (the normal case; phrases are adjacent words) |
//! | [`ViewFlags::JOIN_PUNCT`] | chunks, punctuation dropped | `t.e.r.m`, `word_word`, `word-word` |
//! | [`ViewFlags::JOIN_SINGLES`] | runs of ≥ 3 one-letter segments (or one letter repeated) joined | `t e r m`, `t.e r-m`, `T- OOO- R- M` |
//! | [`ViewFlags::LEET`] / [`ViewFlags::LEET_ALT`] | digits and symbols read as letters, only in words that have letters | `z0rv1k`, `te$t` |
//! | [`ViewFlags::COLLAPSE`] | runs of one letter counted once (run lengths kept) | `zoooorvik` |
//! | [`ViewFlags::SKELETON`] | words wholly in Cyrillic/Greek look-alikes read as Latin | `ѕсаm` written in Cyrillic |
//! | [`ViewFlags::JOIN_ALL`] | all words written together, each still a token | `zor vik` (an entry split by a space) |
//! | [`ViewFlags::TRANSLIT`] | Cyrillic words romanised, reduced to a sound key | `зорвик` (a Latin entry by sound) |
//! | [`ViewFlags::CAMEL`] | words split at their inner capitals | `LiveZorvikWorld`, `#ZorvikHD` |
//!
//! Views are rendered only when the text shows the evidence for them, so a
//! plain query costs one view. The evidence for [`ViewFlags::JOIN_ALL`] is the
//! matcher's (consecutive words that, written together, may spell a long
//! entry: two Bloom filters of the entries' prefixes and wholes): it asks for it with [`Views::render_extras`]. Each view is written as
//! `" word word word " 0x00`: words separated by [`BOUNDARY`], views ended by
//! [`VIEW_END`], so a pattern can never span two views.
//!
//! Words that mix scripts are folded in every view (the UTS #39 idea): to
//! Latin when Latin letters are the majority, to Cyrillic or Greek when those
//! are. Words written in one script keep it, so Cyrillic and Greek list
//! terms stay themselves and do not collide with English words.

use super::fold::{Cell, Kind, ScriptClass, push_cells};
use super::{confusables, leet, translit};

/// Separates words inside a view.
pub(crate) const BOUNDARY: u8 = b' ';
/// Ends a view.
pub(crate) const VIEW_END: u8 = 0;

bitflags::bitflags! {
    /// The readings a view renders the text under (several may combine:
    /// `LEET | COLLAPSE`); the plain view has none.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub(crate) struct ViewFlags: u16 {
        /// Chunks with punctuation inside are joined into one word.
        const JOIN_PUNCT = 1;
        /// Runs of three or more one-character words are joined into one word.
        const JOIN_SINGLES = 2;
        /// Digits and symbols inside words with letters are read as letters.
        const LEET = 4;
        /// As [`LEET`], with the second reading of ambiguous characters (`1` as `l`).
        const LEET_ALT = 8;
        /// Runs of the same character are written once; their lengths are kept.
        const COLLAPSE = 16;
        /// Words made only of Cyrillic or Greek look-alikes are read as Latin.
        const SKELETON = 32;
        /// With [`LEET`]: each word with 2–4 ambiguous characters in every mix of
        /// their readings (`m1l1on`: `1` once as `i`, once as `l`), as lone words.
        const LEET_MIX = 64;
        /// Every word of the text joined into one, without boundaries, so that an
        /// entry split by a space (`zor vik`) is found across the words; each word
        /// is still a token of its own, so a hit can be held to whole words.
        const JOIN_ALL = 128;
        /// Words with Cyrillic letters romanised and every word reduced to its
        /// sound key ([`super::translit`]): Latin entries written in Cyrillic by
        /// sound.
        const TRANSLIT = 256;
        /// Words written in CamelCase are split at their capitals (`LiveZorvikWorld`
        /// is three words, `HDZorvik` two): the capitals are the writer's word
        /// breaks, so an entry between them is a whole word.
        const CAMEL = 512;
    }
}

/// Most ambiguous characters in one word whose readings are mixed.
const MAX_MIXED: u32 = 4;

/// A word in the buffer and the cells it came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokenSpan {
    /// Byte offset of the word's first byte in the buffer.
    pub start: u32,
    /// Byte offset just after the word.
    pub end: u32,
    pub cell_start: u32,
    pub cell_end: u32,
    /// The word is a run of one-character words joined ([`ViewFlags::JOIN_SINGLES`]):
    /// every position inside it is a word boundary.
    pub joined_run: bool,
}

/// One rendered view.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ViewSpan {
    pub flags: ViewFlags,
    /// Offset of the view's leading boundary.
    pub start: u32,
    /// Offset of the view's [`VIEW_END`] byte.
    pub end: u32,
    pub first_token: u32,
    pub end_token: u32,
    /// In [`ViewFlags::COLLAPSE`] views: index in `runs` of the run length of the
    /// view's first byte (runs are kept for collapse views only).
    pub runs_at: u32,
}

#[derive(Clone, Copy, Debug)]
struct Segment {
    cell_start: u32,
    cell_end: u32,
    /// White space lies between this segment and the previous one.
    space_before: bool,
    /// One character, or one letter repeated (`RRRR`): a letter spelled out
    /// on its own, which [`ViewFlags::JOIN_SINGLES`] joins with its neighbours.
    single: bool,
}

/// How a word's letters are folded for script mixing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScriptFold {
    None,
    ToLatin,
    ToCyrillic,
    ToGreek,
    /// Only in [`ViewFlags::SKELETON`] views: the whole word to Latin.
    Skeleton,
}

/// The rendered views of one text, with the buffers reused between texts.
#[derive(Default)]
pub struct Views {
    pub(crate) cells: Vec<Cell>,
    segments: Vec<Segment>,
    leet_segments: Vec<Segment>,
    camel_segments: Vec<Segment>,
    pub(crate) buf: Vec<u8>,
    /// Run length of the character at each byte of the [`ViewFlags::COLLAPSE`] views.
    runs: Vec<u8>,
    /// The text is pure ASCII: no script folding to consider.
    ascii: bool,
    pub(crate) tokens: Vec<TokenSpan>,
    pub(crate) views: Vec<ViewSpan>,
    /// Reused by the [`ViewFlags::TRANSLIT`] view.
    romanised: String,
    sound: String,
}

impl Views {
    /// Folds `text` and renders every view it has evidence for.
    pub(crate) fn render(&mut self, text: &str) {
        self.render_base(text);
        self.render_extras(true);
    }

    /// Folds `text` and renders every view but [`ViewFlags::JOIN_ALL`] and
    /// [`ViewFlags::TRANSLIT`] (see [`Views::render_extras`]).
    pub(crate) fn render_base(&mut self, text: &str) {
        self.cells.clear();
        self.buf.clear();
        self.runs.clear();
        self.tokens.clear();
        self.views.clear();
        self.ascii = text.is_ascii();
        push_cells(text, &mut self.cells);
        if text.contains(['!', '¡']) {
            demote_sentence_marks(&mut self.cells);
        }

        let evidence = segment(&self.cells, false, &mut self.segments);
        let mut bases = [ViewFlags::empty(); 3];
        let mut n_bases = 1;
        if evidence.joined_chunks {
            bases[n_bases] = ViewFlags::JOIN_PUNCT;
            n_bases += 1;
        }
        if evidence.single_runs {
            bases[n_bases] = ViewFlags::JOIN_SINGLES;
            n_bases += 1;
        }
        let mut skeleton_words = false;
        for &base in &bases[..n_bases] {
            let out = self.render_view(base, false);
            skeleton_words |= out.skeleton_words;
            if out.has_runs {
                self.render_view(base | ViewFlags::COLLAPSE, false);
            }
        }
        if camel_split(&self.cells, &self.segments, &mut self.camel_segments) {
            self.render_view(ViewFlags::CAMEL, false);
        }
        if evidence.leet {
            let leet = segment(&self.cells, true, &mut self.leet_segments);
            let mut leet_bases = [ViewFlags::empty(); 3];
            let mut n = 1;
            if leet.joined_chunks {
                leet_bases[n] = ViewFlags::JOIN_PUNCT;
                n += 1;
            }
            if leet.single_runs {
                leet_bases[n] = ViewFlags::JOIN_SINGLES;
                n += 1;
            }
            let readings: &[ViewFlags] = if evidence.leet_ambiguous {
                &[ViewFlags::LEET, ViewFlags::LEET | ViewFlags::LEET_ALT]
            } else {
                &[ViewFlags::LEET]
            };
            for &reading in readings {
                for &base in &leet_bases[..n] {
                    let out = self.render_view(base | reading, true);
                    if out.has_runs {
                        self.render_view(base | reading | ViewFlags::COLLAPSE, true);
                    }
                }
            }
            if evidence.leet_ambiguous {
                self.render_mixed_view();
            }
        }
        if skeleton_words {
            let out = self.render_view(ViewFlags::SKELETON, false);
            if out.has_runs {
                self.render_view(ViewFlags::SKELETON | ViewFlags::COLLAPSE, false);
            }
        }
    }

    /// Renders the [`ViewFlags::JOIN_ALL`] view when `joined` (the caller has evidence
    /// that two words may be one entry split) and the text has two words
    /// or more, then the [`ViewFlags::TRANSLIT`] view (always last) when a word has
    /// Cyrillic letters.
    pub(crate) fn render_extras(&mut self, joined: bool) {
        let plain = self.views[0];
        if joined && plain.end_token - plain.first_token >= 2 {
            self.render_joined_all();
        }
        // Cyrillic letters left in a word after script folding (UTF-8 lead
        // bytes of U+0400..U+04FF).
        let plain_words = &self.buf[plain.start as usize..plain.end as usize];
        if !self.ascii && plain_words.iter().any(|b| (0xD0..=0xD3).contains(b)) {
            self.render_translit();
        }
    }

    /// Ends the view of `flags` that starts at `start` with token
    /// `first_token` (a view without run lengths).
    fn end_view(&mut self, flags: ViewFlags, start: u32, first_token: u32) {
        self.buf.push(VIEW_END);
        self.views.push(ViewSpan {
            flags,
            start,
            end: self.buf.len() as u32 - 1,
            first_token,
            end_token: self.tokens.len() as u32,
            runs_at: 0,
        });
    }

    /// The [`ViewFlags::JOIN_ALL`] view: the plain view's words written without
    /// boundaries, each still its own token.
    fn render_joined_all(&mut self) {
        let plain = self.views[0];
        let start = self.buf.len() as u32;
        let first_token = self.tokens.len() as u32;
        self.buf.push(BOUNDARY);
        for index in plain.first_token..plain.end_token {
            let token = self.tokens[index as usize];
            let at = self.buf.len() as u32;
            self.buf.extend_from_within(token.start as usize..token.end as usize);
            self.tokens.push(TokenSpan { start: at, end: self.buf.len() as u32, ..token });
        }
        self.buf.push(BOUNDARY);
        self.end_view(ViewFlags::JOIN_ALL, start, first_token);
    }

    /// The [`ViewFlags::TRANSLIT`] view: each word of the plain view that has Cyrillic
    /// letters romanised and reduced to its sound key.
    fn render_translit(&mut self) {
        let plain = self.views[0];
        let start = self.buf.len() as u32;
        let first_token = self.tokens.len() as u32;
        self.buf.push(BOUNDARY);
        let mut romanised = std::mem::take(&mut self.romanised);
        let mut key = std::mem::take(&mut self.sound);
        for index in plain.first_token..plain.end_token {
            let token = self.tokens[index as usize];
            let Ok(word) = std::str::from_utf8(&self.buf[token.start as usize..token.end as usize]) else { continue };
            // Only words with Cyrillic letters: Latin words have their own views.
            if !word.bytes().any(|b| (0xD0..=0xD3).contains(&b)) {
                continue;
            }
            romanised.clear();
            key.clear();
            translit::romanise(word, &mut romanised);
            translit::sound_key(&romanised, &mut key);
            let at = self.buf.len() as u32;
            self.buf.extend_from_slice(key.as_bytes());
            self.tokens.push(TokenSpan { start: at, end: self.buf.len() as u32, ..token });
            self.buf.push(BOUNDARY);
        }
        (self.romanised, self.sound) = (romanised, key);
        self.end_view(ViewFlags::TRANSLIT, start, first_token);
    }

    /// The cells covered by the bytes `start..end` of `view`.
    pub(crate) fn cell_span(&self, view: &ViewSpan, start: usize, end: usize) -> (u32, u32) {
        let tokens = &self.tokens[view.first_token as usize..view.end_token as usize];
        let (start, end) = (start as u32, end as u32);
        let first = tokens.partition_point(|t| t.end <= start);
        let last = tokens.partition_point(|t| t.start < end);
        if first >= last {
            return (0, 0);
        }
        (tokens[first].cell_start, tokens[last - 1].cell_end)
    }

    /// The words of the first (plain) view, as byte ranges of the buffer.
    pub(crate) fn view_tokens(&self, view: &ViewSpan) -> &[TokenSpan] {
        &self.tokens[view.first_token as usize..view.end_token as usize]
    }

    /// The run lengths of the bytes `start..end` of a [`ViewFlags::COLLAPSE`] view.
    pub(crate) fn runs_of(&self, view: &ViewSpan, start: usize, end: usize) -> &[u8] {
        let at = view.runs_at as usize + (start - view.start as usize);
        &self.runs[at..at + (end - start)]
    }

    fn render_view(&mut self, flags: ViewFlags, leet_mode: bool) -> RenderOutcome {
        let start = self.buf.len() as u32;
        let first_token = self.tokens.len() as u32;
        let runs_at = self.runs.len() as u32;
        let collapse = flags.intersects(ViewFlags::COLLAPSE);
        self.buf.push(BOUNDARY);
        if collapse {
            self.runs.push(1);
        }
        let segments = if leet_mode {
            std::mem::take(&mut self.leet_segments)
        } else if flags.intersects(ViewFlags::CAMEL) {
            std::mem::take(&mut self.camel_segments)
        } else {
            std::mem::take(&mut self.segments)
        };
        let mut outcome = RenderOutcome::default();
        if flags.is_empty() && self.ascii {
            self.render_ascii_words(&segments, &mut outcome);
        }
        let mut i = if flags.is_empty() && self.ascii { segments.len() } else { 0 };
        while i < segments.len() {
            let last = group_end(&segments, i, flags);
            let cell_start = segments[i].cell_start as usize;
            let cell_end = segments[last].cell_end as usize;
            let joined_run = flags.intersects(ViewFlags::JOIN_SINGLES) && last > i;
            self.render_token(cell_start, cell_end, flags, joined_run, None, &mut outcome);
            i = last + 1;
        }
        if leet_mode {
            self.leet_segments = segments;
        } else if flags.intersects(ViewFlags::CAMEL) {
            self.camel_segments = segments;
        } else {
            self.segments = segments;
        }
        self.buf.push(VIEW_END);
        if collapse {
            self.runs.push(1);
        }
        self.views.push(ViewSpan {
            flags,
            start,
            end: self.buf.len() as u32 - 1,
            first_token,
            end_token: self.tokens.len() as u32,
            runs_at,
        });
        outcome
    }

    /// The plain view's words of an ASCII text: each segment is a word, and
    /// its cells are ASCII letters and digits as they are written (the case of
    /// almost every query, so without the general renderer's per-word work).
    fn render_ascii_words(&mut self, segments: &[Segment], outcome: &mut RenderOutcome) {
        self.buf.reserve(self.cells.len() + segments.len() + 1);
        for segment in segments {
            let (cell_start, cell_end) = (segment.cell_start, segment.cell_end);
            let start = self.buf.len() as u32;
            let mut previous = 0u8;
            for cell in &self.cells[cell_start as usize..cell_end as usize] {
                let byte = cell.ch as u8;
                outcome.has_runs |= byte == previous;
                previous = byte;
                self.buf.push(byte);
            }
            self.tokens.push(TokenSpan { start, end: self.buf.len() as u32, cell_start, cell_end, joined_run: false });
            self.buf.push(BOUNDARY);
        }
    }

    /// The [`ViewFlags::LEET_MIX`] views: for each word (segment or run of single
    /// letters) with 2–4 ambiguous characters, and each mix of their
    /// readings that the all-first and all-second views do not already
    /// show, one view of the whole text with that word in that mix and the
    /// other words in their first reading (so a phrase that holds the word,
    /// `wixtr4 wy1km1`, is found too).
    fn render_mixed_view(&mut self) {
        let segments = std::mem::take(&mut self.leet_segments);
        let mut outcome = RenderOutcome::default();
        for base in [ViewFlags::empty(), ViewFlags::JOIN_SINGLES] {
            let mut i = 0;
            while i < segments.len() {
                let last = group_end(&segments, i, base);
                let joined_run = base == ViewFlags::JOIN_SINGLES && last > i;
                if base.is_empty() || joined_run {
                    let (from, to) = (segments[i].cell_start as usize, segments[last].cell_end as usize);
                    let cells = &self.cells[from..to];
                    let ambiguous = cells
                        .iter()
                        .filter(|c| matches!(c.kind, Kind::Digit | Kind::Symbol) && leet::is_ambiguous(c.ch))
                        .count() as u32;
                    if (2..=MAX_MIXED).contains(&ambiguous) && cells.iter().any(|c| c.kind == Kind::Letter) {
                        for mask in 1..(1u32 << ambiguous) - 1 {
                            self.render_mix(&segments, base, from, mask, &mut outcome);
                        }
                    }
                }
                i = last + 1;
            }
        }
        self.leet_segments = segments;
    }

    /// One [`ViewFlags::LEET_MIX`] view: the words of `segments` grouped as in the
    /// view of `base`, the word that starts at cell `mixed` read in the mix
    /// `mask`.
    fn render_mix(
        &mut self,
        segments: &[Segment],
        base: ViewFlags,
        mixed: usize,
        mask: u32,
        outcome: &mut RenderOutcome,
    ) {
        let start = self.buf.len() as u32;
        let first_token = self.tokens.len() as u32;
        self.buf.push(BOUNDARY);
        let mut i = 0;
        while i < segments.len() {
            let last = group_end(segments, i, base);
            let (from, to) = (segments[i].cell_start as usize, segments[last].cell_end as usize);
            let joined_run = base == ViewFlags::JOIN_SINGLES && last > i;
            let mix = (from == mixed).then_some(mask);
            self.render_token(from, to, ViewFlags::LEET | ViewFlags::LEET_MIX, joined_run, mix, outcome);
            i = last + 1;
        }
        self.end_view(ViewFlags::LEET | ViewFlags::LEET_MIX, start, first_token);
    }

    fn render_token(
        &mut self,
        cell_start: usize,
        cell_end: usize,
        flags: ViewFlags,
        joined_run: bool,
        mix: Option<u32>,
        outcome: &mut RenderOutcome,
    ) {
        let cells = &self.cells[cell_start..cell_end];
        // A word whose folded letters are all ASCII (`café`, `Ｚｏｒｖｉｋ` and
        // plain words of a text in another script) is Latin throughout: script
        // folding leaves it as it is.
        let ascii = self.ascii || cells.iter().all(|c| c.ch.is_ascii());
        if ascii && !flags.intersects(ViewFlags::LEET | ViewFlags::COLLAPSE) {
            // The common case: ASCII text read as written.
            let token_start = self.buf.len();
            self.buf.extend(cells.iter().filter(|c| c.is_alnum()).map(|c| c.ch as u8));
            if self.buf.len() == token_start {
                return;
            }
            outcome.has_runs |= self.buf[token_start..].windows(2).any(|pair| pair[0] == pair[1]);
            self.end_token(token_start, (cell_start, cell_end), joined_run, false);
            return;
        }
        if ascii && !flags.intersects(ViewFlags::LEET) {
            // ASCII text with its runs collapsed.
            let token_start = self.buf.len();
            let mut previous = 0u8;
            for cell in cells.iter().filter(|c| c.is_alnum()) {
                let byte = cell.ch as u8;
                if byte == previous {
                    outcome.has_runs = true;
                    if let Some(run) = self.runs.last_mut() {
                        *run = run.saturating_add(1);
                    }
                    continue;
                }
                previous = byte;
                self.buf.push(byte);
                self.runs.push(1);
            }
            if self.buf.len() > token_start {
                self.end_token(token_start, (cell_start, cell_end), joined_run, true);
            }
            return;
        }
        let fold = if self.ascii { ScriptFold::None } else { script_fold(cells, flags) };
        if !self.ascii && !flags.intersects(ViewFlags::SKELETON) && is_skeleton_candidate(cells) {
            outcome.skeleton_words = true;
        }
        let leet = flags.intersects(ViewFlags::LEET) && cells.iter().any(|c| c.kind == Kind::Letter);
        let alt = flags.intersects(ViewFlags::LEET_ALT);
        let collapse = flags.intersects(ViewFlags::COLLAPSE);
        let token_start = self.buf.len();
        let mut previous = '\0';
        let mut previous_at = 0usize;
        let mut ambiguous_seen = 0u32;
        for cell in cells {
            let alt = match mix {
                Some(mask) if matches!(cell.kind, Kind::Digit | Kind::Symbol) && leet::is_ambiguous(cell.ch) => {
                    ambiguous_seen += 1;
                    mask >> (ambiguous_seen - 1) & 1 == 1
                }
                _ => alt,
            };
            let ch = match cell.kind {
                Kind::Letter => fold_letter(cell, fold),
                Kind::Digit if leet => leet::letter(cell.ch, alt).unwrap_or(cell.ch),
                Kind::Digit => cell.ch,
                Kind::Symbol if leet => match leet::letter(cell.ch, alt) {
                    Some(letter) => letter,
                    None => continue,
                },
                _ => continue,
            };
            if ch == previous {
                outcome.has_runs = true;
                if collapse {
                    for run in &mut self.runs[previous_at..] {
                        *run = run.saturating_add(1);
                    }
                    continue;
                }
            }
            previous = ch;
            previous_at = self.runs.len();
            if ch.is_ascii() {
                self.buf.push(ch as u8);
                if collapse {
                    self.runs.push(1);
                }
            } else {
                let mut utf8 = [0u8; 4];
                let bytes = ch.encode_utf8(&mut utf8).as_bytes();
                self.buf.extend_from_slice(bytes);
                if collapse {
                    self.runs.extend(std::iter::repeat_n(1, bytes.len()));
                }
            }
        }
        if self.buf.len() > token_start {
            self.end_token(token_start, (cell_start, cell_end), joined_run, collapse);
        }
    }

    /// Records the word written from `token_start` (from the cells `cells`)
    /// and ends it with a boundary (with its run length in collapse views).
    fn end_token(&mut self, token_start: usize, cells: (usize, usize), joined_run: bool, collapse: bool) {
        self.tokens.push(TokenSpan {
            start: token_start as u32,
            end: self.buf.len() as u32,
            cell_start: cells.0 as u32,
            cell_end: cells.1 as u32,
            joined_run,
        });
        self.buf.push(BOUNDARY);
        if collapse {
            self.runs.push(1);
        }
    }
}

/// Sentence punctuation is punctuation: `!` at the end of a word
/// (`HELP!`, `wow!!!`) and `¡` at its start are not letters.
fn demote_sentence_marks(cells: &mut [Cell]) {
    let separates = |c: &Cell| matches!(c.kind, Kind::Space | Kind::Punct);
    // A run of `!` that ends a chunk after a letter or digit (a lone `!`
    // between spaces may be a letter spelled out: `g l ! m f`).
    let mut i = cells.len();
    while i > 0 {
        i -= 1;
        if cells[i].ch != '!' || !cells.get(i + 1).is_none_or(separates) {
            continue;
        }
        let mut first = i;
        while first > 0 && cells[first - 1].ch == '!' {
            first -= 1;
        }
        if first > 0 && cells[first - 1].is_alnum() {
            for cell in &mut cells[first..=i] {
                cell.kind = Kind::Punct;
            }
        }
        i = first;
    }
    for i in 0..cells.len() {
        let starts_chunk = i == 0 || separates(&cells[i - 1]);
        if cells[i].ch == '¡' && starts_chunk && cells.get(i + 1).is_some_and(Cell::is_alnum) {
            cells[i].kind = Kind::Punct;
        }
    }
}

#[derive(Default)]
struct RenderOutcome {
    has_runs: bool,
    skeleton_words: bool,
}

struct Evidence {
    /// Some chunk holds two or more segments (punctuation inside a chunk).
    joined_chunks: bool,
    /// Three or more one-character segments follow each other.
    single_runs: bool,
    /// Some chunk has letters together with digits or symbols.
    leet: bool,
    /// ... and one of them has two readings.
    leet_ambiguous: bool,
}

/// Splits the cells into segments: runs of letters and digits (and, in leet
/// mode, symbols), and reports which joined views the text calls for.
///
/// Runs once or twice per query over every cell, so it reads each chunk
/// (cells between spaces) once for its segments and tallies the chunk only
/// from the bits of the kinds it saw.
fn segment(cells: &[Cell], leet_mode: bool, out: &mut Vec<Segment>) -> Evidence {
    out.clear();
    let mut evidence = Evidence { joined_chunks: false, single_runs: false, leet: false, leet_ambiguous: false };
    let word_kinds =
        kind_bit(Kind::Letter) | kind_bit(Kind::Digit) | if leet_mode { kind_bit(Kind::Symbol) } else { 0 };
    // One-character chunks in a row (`h 4 f r`): digits there are letters
    // spelled out one by one.
    let mut run = ChunkTally::default();
    let mut singles = 0u32;
    let n = cells.len();
    let mut i = 0;
    while i < n {
        if cells[i].kind == Kind::Space {
            i += 1;
            continue;
        }
        let chunk_start = i;
        let mut kinds = 0u8;
        let mut space_before = true;
        while i < n {
            let bit = kind_bit(cells[i].kind);
            if bit == kind_bit(Kind::Space) {
                break;
            }
            kinds |= bit;
            if bit & word_kinds == 0 {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < n {
                let bit = kind_bit(cells[i].kind);
                if bit & word_kinds == 0 {
                    break;
                }
                kinds |= bit;
                i += 1;
            }
            if !space_before {
                evidence.joined_chunks = true;
            }
            let single =
                i - start == 1 || cells[start..i].iter().all(|c| c.kind == Kind::Letter && c.ch == cells[start].ch);
            if single {
                singles += 1;
                if singles >= 3 {
                    evidence.single_runs = true;
                }
            } else {
                singles = 0;
            }
            out.push(Segment { cell_start: start as u32, cell_end: i as u32, space_before, single });
            space_before = false;
        }
        let chunk = ChunkTally::of(&cells[chunk_start..i], kinds);
        if chunk.one_character {
            run.absorb(&chunk);
            run.cells += 1;
        } else if chunk.cells > 0 {
            run = ChunkTally::default();
        }
        let chunk_mixes = chunk.letter && chunk.other;
        let run_mixes = run.cells >= 3 && run.letter && run.other;
        if chunk_mixes || run_mixes {
            evidence.leet = true;
            evidence.leet_ambiguous |= (chunk_mixes && chunk.ambiguous) || (run_mixes && run.ambiguous);
        }
    }
    evidence
}

/// One bit per [`Kind`], to tally a chunk's kinds with an OR.
const fn kind_bit(kind: Kind) -> u8 {
    1 << kind as u8
}

/// What a chunk (or a run of one-character chunks) holds.
#[derive(Default)]
struct ChunkTally {
    /// Letters, digits and symbols in the chunk (for a chunk, only whether
    /// there are none, one or more).
    cells: u32,
    /// They are all one character (`R`, `RRRR`, `$`).
    one_character: bool,
    letter: bool,
    other: bool,
    ambiguous: bool,
}

impl ChunkTally {
    /// The tally of one chunk whose cells have the kinds of `kinds` (bits).
    fn of(cells: &[Cell], kinds: u8) -> ChunkTally {
        let letter = kinds & kind_bit(Kind::Letter) != 0;
        let other = kinds & (kind_bit(Kind::Digit) | kind_bit(Kind::Symbol)) != 0;
        if !letter && !other {
            return ChunkTally::default();
        }
        let counted = |c: &&Cell| matches!(c.kind, Kind::Letter | Kind::Digit | Kind::Symbol);
        let mut members = cells.iter().filter(counted);
        let first = members.next().copied();
        let second = members.next();
        let one_character = match (first, second) {
            (_, None) => true,
            (Some(first), Some(_)) => {
                first.kind == Kind::Letter
                    && cells.iter().filter(counted).all(|c| c.kind == Kind::Letter && c.ch == first.ch)
            }
            (None, Some(_)) => false,
        };
        let ambiguous =
            other && cells.iter().any(|c| matches!(c.kind, Kind::Digit | Kind::Symbol) && leet::is_ambiguous(c.ch));
        ChunkTally { cells: if second.is_some() { 2 } else { 1 }, one_character, letter, other, ambiguous }
    }

    fn absorb(&mut self, other: &ChunkTally) {
        self.letter |= other.letter;
        self.other |= other.other;
        self.ambiguous |= other.ambiguous;
    }
}

/// Splits the segments at their inner capitals into `out`: before a
/// capital that follows a small letter (`live|Zorvik`), and before the last
/// capital of a run that a small letter follows (`HD|Zorvik`). Whether any
/// segment was split (text in one case has no [`ViewFlags::CAMEL`] view).
fn camel_split(cells: &[Cell], segments: &[Segment], out: &mut Vec<Segment>) -> bool {
    out.clear();
    let is_small = |c: &Cell| c.kind == Kind::Letter && !c.upper && c.ch.is_alphabetic();
    let is_capital = |c: &Cell| c.kind == Kind::Letter && c.upper;
    // Most queries have no capital after their first letter: no copy then.
    if !cells.iter().skip(1).any(is_capital) {
        return false;
    }
    let mut split = false;
    for segment in segments {
        let (first, end) = (segment.cell_start as usize, segment.cell_end as usize);
        let mut from = first;
        for at in first + 1..end {
            let (before, here) = (&cells[at - 1], &cells[at]);
            let breaks = is_capital(here)
                && (is_small(before) || (is_capital(before) && at + 1 < end && is_small(&cells[at + 1])));
            if breaks {
                out.push(Segment {
                    cell_start: from as u32,
                    cell_end: at as u32,
                    space_before: from == first && segment.space_before,
                    single: at - from == 1,
                });
                from = at;
                split = true;
            }
        }
        out.push(Segment {
            cell_start: from as u32,
            cell_end: end as u32,
            space_before: from == first && segment.space_before,
            single: end - from == 1,
        });
    }
    split
}

/// The last segment of the word that starts at segment `i` in a view.
fn group_end(segments: &[Segment], i: usize, flags: ViewFlags) -> usize {
    let single = |s: &Segment| s.single;
    if flags.intersects(ViewFlags::JOIN_PUNCT) {
        let mut last = i;
        while last + 1 < segments.len() && !segments[last + 1].space_before {
            last += 1;
        }
        return last;
    }
    if flags.intersects(ViewFlags::JOIN_SINGLES) && single(&segments[i]) {
        let mut last = i;
        while last + 1 < segments.len() && single(&segments[last + 1]) {
            last += 1;
        }
        if last - i + 1 >= 3 {
            return last;
        }
    }
    i
}

fn script_fold(cells: &[Cell], flags: ViewFlags) -> ScriptFold {
    let mut latin = 0u32;
    let mut cyrillic = 0u32;
    let mut greek = 0u32;
    let mut other = 0u32;
    let mut all_lookalikes = true;
    for cell in cells {
        if cell.kind != Kind::Letter {
            continue;
        }
        match cell.script {
            ScriptClass::Latin => latin += 1,
            ScriptClass::Cyrillic => cyrillic += 1,
            ScriptClass::Greek => greek += 1,
            ScriptClass::Common => {}
            ScriptClass::Spaceless | ScriptClass::Other => other += 1,
        }
        if cell.script != ScriptClass::Latin && cell.latin == 0 {
            all_lookalikes = false;
        }
    }
    let non_latin = cyrillic + greek + other;
    if non_latin == 0 {
        return ScriptFold::None;
    }
    if latin == 0 {
        if flags.intersects(ViewFlags::SKELETON) && is_skeleton_candidate(cells) {
            return ScriptFold::Skeleton;
        }
        let scripts = u32::from(cyrillic > 0) + u32::from(greek > 0) + u32::from(other > 0);
        // Look-alikes of several scripts mixed with each other read as Latin.
        return if scripts > 1 && all_lookalikes { ScriptFold::ToLatin } else { ScriptFold::None };
    }
    // Latin mixed with letters that all look Latin: a disguised Latin word,
    // however few of its letters are really Latin.
    if all_lookalikes || latin >= non_latin {
        ScriptFold::ToLatin
    } else if cyrillic >= greek.max(other) {
        ScriptFold::ToCyrillic
    } else if greek >= other {
        ScriptFold::ToGreek
    } else {
        ScriptFold::None
    }
}

/// A word of three or more letters, all of one script other than Latin
/// (Cyrillic, Greek, Lisu, Cherokee, ...), each of which looks like a Latin
/// letter.
fn is_skeleton_candidate(cells: &[Cell]) -> bool {
    let mut script = None;
    let mut letters = 0;
    for cell in cells.iter().filter(|c| c.kind == Kind::Letter) {
        if matches!(cell.script, ScriptClass::Latin | ScriptClass::Spaceless) || cell.latin == 0 {
            return false;
        }
        if *script.get_or_insert(cell.script) != cell.script {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

fn fold_letter(cell: &Cell, fold: ScriptFold) -> char {
    match fold {
        ScriptFold::None => cell.ch,
        ScriptFold::ToLatin | ScriptFold::Skeleton => {
            if cell.latin != 0 {
                cell.latin as char
            } else {
                cell.ch
            }
        }
        ScriptFold::ToCyrillic | ScriptFold::ToGreek => {
            if cell.script != ScriptClass::Latin || !cell.ch.is_ascii_lowercase() {
                return cell.ch;
            }
            let table = if fold == ScriptFold::ToCyrillic {
                &confusables::CYRILLIC_FOR_LATIN
            } else {
                &confusables::GREEK_FOR_LATIN
            };
            match table[(cell.ch as u8 - b'a') as usize] {
                '\0' => cell.ch,
                other => other,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The views of `text` as readable strings, `flags:words`.
    fn rendered(text: &str) -> Vec<String> {
        let mut views = Views::default();
        views.render(text);
        views
            .views
            .iter()
            .map(|v| {
                let body = std::str::from_utf8(&views.buf[v.start as usize..v.end as usize]).unwrap();
                format!("{}:{}", v.flags.bits(), body.trim())
            })
            .collect()
    }

    #[test]
    fn plain_text_has_the_plain_view_and_the_words_joined() {
        assert_eq!(rendered("Cheap flights to London"), ["0:cheap flights to london", "128:cheapflightstolondon"]);
        assert_eq!(rendered("zorvik"), ["0:zorvik"]);
    }

    #[test]
    fn cyrillic_words_get_a_sound_view() {
        assert_eq!(rendered("купить зорвик"), ["0:купить зорвик", "128:купитьзорвик", "256:kvpit zorvik"]);
        assert_eq!(rendered("зорвик lekvi"), ["0:зорвик lekvi", "128:зорвикlekvi", "256:zorvik"]);
    }

    #[test]
    fn sentence_punctuation_is_not_a_letter() {
        assert_eq!(rendered("HELP!"), ["0:help"]);
        assert_eq!(rendered("wow!!! ¡hola"), ["0:wow hola", "128:wowhola"]);
        assert_eq!(rendered("zorv!k"), ["0:zorv k", "1:zorvk", "4:zorvik", "128:zorvk"]);
    }

    #[test]
    fn views_appear_only_with_evidence() {
        let table: &[(&str, &[&str])] = &[
            ("t.e.r.m now", &["0:t e r m now", "1:term now", "2:term now", "128:termnow"]),
            ("word_word", &["0:word word", "1:wordword", "128:wordword"]),
            ("z0rv1k", &["0:z0rv1k", "4:zorvik", "12:zorvlk"]),
            ("te$t", &["0:te t", "1:tet", "4:test", "128:tet"]),
            ("zoooorvik", &["0:zoooorvik", "16:zorvik"]),
            ("route 93", &["0:route 93", "128:route93"]),
            ("4x4 tyres", &["0:4x4 tyres", "4:axa tyres", "128:4x4tyres"]),
        ];
        for (text, expected) in table {
            assert_eq!(rendered(text), *expected, "{text}");
        }
    }

    #[test]
    fn collapse_keeps_run_lengths() {
        let mut views = Views::default();
        views.render("zooorvik");
        let view = views.views[1];
        assert_eq!(view.flags, ViewFlags::COLLAPSE);
        let body = &views.buf[view.start as usize..view.end as usize];
        let runs = views.runs_of(&view, view.start as usize, view.end as usize);
        assert_eq!(body, b" zorvik ");
        assert_eq!(runs, [1, 1, 3, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn mixed_script_words_fold_to_the_majority_script() {
        // Latin word with Cyrillic о and е.
        assert_eq!(rendered("zоrvеk"), ["0:zorvek"]);
        // Cyrillic word with a Latin o.
        assert_eq!(rendered("звoрдак"), ["0:звордак", "256:zvordak"]);
        // A Russian word stays Russian.
        assert_eq!(rendered("привет мир"), ["0:привет мир", "128:приветмир", "256:privet mir"]);
    }

    #[test]
    fn whole_script_lookalikes_get_a_skeleton_view() {
        // "ѕсаm"-like word written only with Cyrillic letters that look Latin.
        assert_eq!(rendered("сосо"), ["0:сосо", "32:coco", "256:soso"]);
    }

    #[test]
    fn cell_spans_map_back_to_the_text() {
        let mut views = Views::default();
        views.render("ab t.e.r.m cd");
        let view = views.views[1]; // ViewFlags::JOIN_PUNCT
        let body = std::str::from_utf8(&views.buf[view.start as usize..view.end as usize]).unwrap();
        let at = view.start as usize + body.find("term").unwrap();
        assert_eq!(views.cell_span(&view, at, at + 4), (3, 10));
    }
}
