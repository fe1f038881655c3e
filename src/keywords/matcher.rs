//! The compiled matcher and the check: render the query's views, search them
//! once with the automaton, verify each raw hit, then apply allow-list
//! vetoes and co-occurrence rules.
//!
//! The matcher is immutable and `Send + Sync`; share it behind an `Arc` (or
//! swap it atomically with `arc-swap`) and call [`Matcher::check`] from any
//! thread. A check that matches nothing allocates nothing: every buffer lives
//! in a per-thread [`Scratch`] that keeps its capacity.

use std::cell::RefCell;
use std::sync::Arc;

use aho_corasick::AhoCorasick;

use super::age::AgeWords;
use super::bloom::{Bloom, ByteHash};
use super::dictionary::{Dictionary, shorter_than};
use super::inflect::{self, End};
use super::romanised::RomanisedIndex;
use super::typo::TypoIndex;
use super::verdict::{EntryId, Match, MatchKind, Verdict};
use crate::normalize::Views;
use crate::normalize::fold::Kind;
use crate::normalize::views::{BOUNDARY, TokenSpan, VIEW_END, ViewFlags, ViewSpan};

/// The most words an entry split across words is found in (`d• vapf⭐id`
/// is three).
const MAX_SPLIT_TOKENS: usize = 5;

/// Marks a [`Target`] without run lengths (all runs are 1).
pub(crate) const NO_RUNS: u32 = u32::MAX;

/// Raw-hit origin bits beyond the view flags.
pub(crate) const VIA_TYPO: u32 = 1 << 16;
pub(crate) const VIA_REGEX: u32 = 1 << 17;
pub(crate) const VIA_AGE: u32 = 1 << 18;
pub(crate) const VIA_RULE: u32 = 1 << 19;
/// An entry glued to dictionary words inside one word (`bestzorvik`).
pub(crate) const VIA_GLUED: u32 = 1 << 20;
/// An entry with one inner letter masked (`zorv*kan`).
pub(crate) const VIA_MASK: u32 = 1 << 21;
/// A Cyrillic entry written in Latin letters.
pub(crate) const VIA_ROMANISED: u32 = 1 << 22;

/// Entries of at least this many characters are found glued to other
/// words and split in two by a space: shorter ones hide inside too many
/// ordinary words and word pairs.
pub(crate) const GLUE_MIN_CHARS: usize = 5;
/// Entries of at least this many characters are found with one inner
/// letter masked by `*`, `#` or `_`.
pub(crate) const MASK_MIN_CHARS: usize = 7;
/// Two-letter words that searchers glue to terms (`myzorvik`,
/// `zorvikhd`); the dictionary holds no words this short.
const SHORT_GLUE_WORDS: &[&[u8]] = &[b"hd", b"my", b"tv"];
/// English inflections a word list may not carry (`transportations`): a
/// word with one of them is read as its stem.
const ENGLISH_ENDINGS: &[&[u8]] = &[b"s", b"es", b"ed", b"ing", b"er", b"ers", b"ly"];
/// The longest glued word that is segmented.
const GLUE_MAX_BYTES: usize = 64;
/// Bound affixes that word lists carry as words of their own (`ian`,
/// `ology`, `less`, `pre`): an entry with one of them attached is a new
/// word derived from it (`zorvikian`, `prezorvik`), which innocent text
/// coins, not an entry glued to another word. (Free words used as
/// prefixes, `super`, `mega`, `mini`, are words: `superzorvik` is glued.)
/// Sorted.
const AFFIXES: &[&[u8]] = &[
    b"able", b"ably", b"ally", b"ance", b"anti", b"ation", b"ations", b"ative", b"ator", b"counter", b"dom", b"ence",
    b"ery", b"esque", b"ess", b"esses", b"ette", b"ettes", b"ful", b"hood", b"ian", b"ians", b"ible", b"ical", b"ics",
    b"ify", b"inter", b"ise", b"ised", b"ish", b"ism", b"isms", b"ist", b"istic", b"ists", b"ite", b"ites", b"ity",
    b"ive", b"ize", b"ized", b"less", b"let", b"lets", b"like", b"ling", b"lings", b"ment", b"ments", b"multi", b"neo",
    b"ness", b"non", b"oid", b"ologist", b"ology", b"ous", b"pre", b"pseudo", b"semi", b"ship", b"sub", b"trans",
    b"ward", b"wards", b"wise",
];

/// What a compiled item's match does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemRole {
    Block,
    Allow,
    Member(u16),
    /// A word of an `any-order` phrase: a member of a group nobody names.
    HiddenMember(u16),
}

/// One list item as the matcher knows it.
pub(crate) struct CompiledItem {
    pub id: EntryId,
    pub list: u16,
    pub category: u16,
    pub role: ItemRole,
    pub kind: MatchKind,
    /// Characters of the canonical form without spaces: fuzzier readings
    /// are accepted only for longer entries.
    pub fuzz_chars: u16,
    /// The entry (its last word) is itself a dictionary word: the guard
    /// lets its own inflections through.
    pub entry_is_word: bool,
    pub line: u32,
    /// Canonical text (the regex pattern, `min-max` for ages, the rule name).
    pub text: Box<str>,
}

/// What a raw automaton hit on one pattern may mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub item: u32,
    /// The pattern is the entry with repeats collapsed: valid only in
    /// [`ViewFlags::COLLAPSE`] views, with run lengths checked.
    pub collapsed: bool,
    pub end: End,
    /// Offset of the pattern's run lengths in the run pool, or [`NO_RUNS`].
    pub runs: u32,
    /// The pattern has no leading boundary: the hit may lie inside a word
    /// (glued) or across two (split), and is held to boundaries on verify.
    pub unanchored: bool,
    pub translit: Translit,
}

impl Target {
    pub(crate) fn new(item: u32, end: End) -> Target {
        Target { item, collapsed: false, end, runs: NO_RUNS, unanchored: false, translit: Translit::None }
    }
}

/// Which transliteration a pattern spells its entry in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Translit {
    /// As written.
    None,
    /// A Cyrillic entry in Latin letters: valid in Latin text.
    Romanised,
    /// A Latin entry's sound key: valid only in [`ViewFlags::TRANSLIT`] views.
    Sound,
}

pub(crate) struct CompiledRule {
    pub item: u32,
    pub groups: Box<[u16]>,
}

pub(crate) struct RegexIndex {
    pub set: regex::bytes::RegexSet,
    pub each: Vec<regex::bytes::Regex>,
    pub items: Vec<u32>,
}

/// A loaded list as reported by the matcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListInfo {
    /// The list id.
    pub id: Arc<str>,
    /// The list version.
    pub version: String,
    /// The list language tag.
    pub language: String,
    /// Where it was loaded from.
    pub source: String,
    /// How many entries, rules and groups' members it contributed.
    pub entries: usize,
}

/// Compiled keyword lists: build once with [`Matcher::builder`], check many
/// times from many threads.
pub struct Matcher {
    pub(crate) items: Vec<CompiledItem>,
    pub(crate) automaton: Option<AhoCorasick>,
    /// Single words without boundaries, searched only inside runs of
    /// one-letter words (`a z o r v i k`), where every position is a
    /// boundary; pattern index = position in `run_items`.
    pub(crate) run_automaton: Option<AhoCorasick>,
    pub(crate) run_items: Vec<u32>,
    pub(crate) pattern_targets: Vec<(u32, u32)>,
    /// Sound keys of Latin entries ([`Translit::Sound`]), searched only in
    /// the [`ViewFlags::TRANSLIT`] view (Cyrillic queries); pattern index = position
    /// in `sound_items`.
    pub(crate) sound_automaton: Option<AhoCorasick>,
    pub(crate) sound_items: Vec<Box<[u32]>>,
    pub(crate) targets: Vec<Target>,
    pub(crate) runs: Vec<u8>,
    pub(crate) regex: Option<RegexIndex>,
    pub(crate) typo: TypoIndex,
    /// Single-word Cyrillic entries, for Latin words that spell them under
    /// any mix of romanisations.
    pub(crate) romanised: RomanisedIndex,
    pub(crate) ages: Vec<(u32, u32, u32)>,
    /// For each rule with an age group, the rule's other groups: an age
    /// decides nothing until all of one such set has been seen (an empty set:
    /// a rule of ages alone, always scanned).
    pub(crate) age_companions: Vec<Box<[u16]>>,
    pub(crate) age_words: AgeWords,
    pub(crate) rules: Vec<CompiledRule>,
    pub(crate) groups: usize,
    pub(crate) categories: Vec<Arc<str>>,
    pub(crate) lists: Vec<ListInfo>,
    pub(crate) version: Arc<str>,
    pub(crate) dictionary: Dictionary,
    /// The proper prefixes, and the wholes, of the entries that may be
    /// found split across words: evidence for [`ViewFlags::JOIN_ALL`].
    pub(crate) split_prefixes: Bloom,
    pub(crate) split_wholes: Bloom,
    /// Single-word entries of [`MASK_MIN_CHARS`]+ characters, sorted by text.
    pub(crate) masked: Vec<u32>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("version", &self.version)
            .field("lists", &self.lists.iter().map(|l| &*l.id).collect::<Vec<_>>())
            .field("entries", &self.entries_len())
            .field("patterns", &self.patterns_len())
            .finish()
    }
}

/// A hit before vetoes and rules: which item, over which cells of the
/// folded query, found through which reading.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawHit {
    pub item: u32,
    pub cells: (u32, u32),
    pub via: u32,
    pub vetoed: bool,
}

/// Whether `byte` starts a UTF-8 character.
fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// Reusable buffers of one thread's checks.
#[derive(Default)]
pub struct Scratch {
    views: Views,
    hits: Vec<RawHit>,
    groups_seen: Vec<u64>,
    /// Words of the plain view for the age scan: where they are, and whether
    /// one continues a number written with a decimal point or comma.
    words: Vec<(u32, u32, bool)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Matcher {
    /// Starts building a matcher.
    pub fn builder() -> super::compile::MatcherBuilder {
        super::compile::MatcherBuilder::default()
    }

    /// Decides whether `query` matches the lists.
    pub fn check(&self, query: &str) -> Verdict {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.check_with(query, &mut scratch),
            Err(_) => self.check_with(query, &mut Scratch::default()),
        })
    }

    /// As [`Matcher::check`], with caller-owned buffers.
    pub fn check_with(&self, query: &str, scratch: &mut Scratch) -> Verdict {
        self.collect(query, scratch, false);
        if scratch.hits.is_empty() {
            return Verdict::default();
        }
        self.decide(scratch);
        let mut matches: Vec<Match> = Vec::new();
        let mut reported: Vec<u32> = Vec::new();
        for hit in &scratch.hits {
            let item = &self.items[hit.item as usize];
            if hit.vetoed || item.role != ItemRole::Block || reported.contains(&hit.item) {
                continue;
            }
            reported.push(hit.item);
            matches.push(Match {
                entry: item.id,
                category: Arc::clone(&self.categories[item.category as usize]),
                list: Arc::clone(&self.lists[item.list as usize].id),
                kind: item.kind,
            });
        }
        Verdict::from_matches(matches)
    }

    /// The version of the loaded lists and matching engine together, as
    /// reported with every answer and export.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The same version, shared (for counters keyed by it).
    pub fn version_shared(&self) -> Arc<str> {
        Arc::clone(&self.version)
    }

    /// The loaded lists.
    pub fn lists(&self) -> &[ListInfo] {
        &self.lists
    }

    /// How many entries, rules and group members were compiled.
    pub fn entries_len(&self) -> usize {
        self.lists.iter().map(|l| l.entries).sum()
    }

    /// How many distinct byte patterns the automaton holds.
    pub fn patterns_len(&self) -> usize {
        self.pattern_targets.len()
    }

    /// Approximate heap memory of the compiled matcher, in bytes.
    pub fn memory_usage(&self) -> usize {
        let automaton = self.automaton.as_ref().map_or(0, AhoCorasick::memory_usage)
            + self.sound_automaton.as_ref().map_or(0, AhoCorasick::memory_usage)
            + self.sound_items.iter().map(|items| 16 + items.len() * 4).sum::<usize>()
            + self.run_automaton.as_ref().map_or(0, AhoCorasick::memory_usage)
            + self.run_items.capacity() * 4;
        let items: usize = self.items.iter().map(|i| std::mem::size_of::<CompiledItem>() + i.text.len()).sum();
        let regex = self.regex.as_ref().map_or(0, |r| {
            r.items.len() * 4096 // regex does not report its size; a generous estimate
        });
        automaton
            + items
            + self.targets.capacity() * std::mem::size_of::<Target>()
            + self.pattern_targets.capacity() * 8
            + self.runs.capacity()
            + self.typo.memory_usage()
            + self.romanised.memory_usage()
            + self.masked.capacity() * 4
            + self.split_prefixes.memory_usage()
            + self.split_wholes.memory_usage()
            + self.dictionary.memory_usage()
            + regex
            + self.rules.iter().map(|r| 16 + r.groups.len() * 2).sum::<usize>()
    }

    /// Finds the raw hits of `query` into `scratch.hits`: every one when
    /// `every` (curators' tools), else only those that can decide (ages are
    /// read only once a rule they complete may fire).
    pub(crate) fn collect(&self, query: &str, scratch: &mut Scratch, every: bool) {
        scratch.hits.clear();
        let Scratch { views, hits, words, .. } = scratch;
        views.render_base(query);
        let joined = self.split_evidence(views);
        views.render_extras(joined);
        // The sound view (rendered last, Cyrillic queries only) has its own
        // automaton.
        let sound_view = views.views.last().copied().filter(|v| v.flags.intersects(ViewFlags::TRANSLIT));
        let main_end = sound_view.map_or(views.buf.len(), |v| v.start as usize);
        if let (Some(automaton), Some(view)) = (&self.sound_automaton, sound_view) {
            let at = view.start as usize;
            for found in automaton.find_overlapping_iter(&views.buf[at..=view.end as usize]) {
                let (start, end) = (at + found.start(), at + found.end());
                for &item in self.sound_items[found.pattern().as_usize()].iter() {
                    let target = Target { translit: Translit::Sound, ..Target::new(item, End::Exact) };
                    if let Some((stop, via)) = self.verify(&target, views, &view, start, end) {
                        hits.push(RawHit {
                            item,
                            cells: views.cell_span(&view, start, stop),
                            via: u32::from(view.flags.bits()) | via,
                            vetoed: false,
                        });
                    }
                }
            }
        }
        if let Some(automaton) = self.automaton.as_ref().filter(|a| a.is_match(&views.buf[..main_end])) {
            let mut view_index = 0;
            for found in automaton.find_overlapping_iter(&views.buf[..main_end]) {
                let (start, end) = (found.start(), found.end());
                while views.views[view_index].end < end as u32 {
                    view_index += 1;
                }
                let view = views.views[view_index];
                let (first, count) = self.pattern_targets[found.pattern().as_usize()];
                for target in &self.targets[first as usize..(first + count) as usize] {
                    if let Some((stop, via)) = self.verify(target, views, &view, start, end) {
                        hits.push(RawHit {
                            item: target.item,
                            cells: views.cell_span(&view, start, stop),
                            via: u32::from(view.flags.bits()) | via,
                            vetoed: false,
                        });
                    }
                }
            }
        }
        if let Some(run_automaton) = &self.run_automaton {
            for view in views
                .views
                .iter()
                .filter(|v| v.flags.intersects(ViewFlags::JOIN_SINGLES) && !v.flags.intersects(ViewFlags::COLLAPSE))
            {
                for token in views.view_tokens(view).iter().filter(|t| t.joined_run) {
                    let (at, to) = (token.start as usize, token.end as usize);
                    for found in run_automaton.find_overlapping_iter(&views.buf[at..to]) {
                        let item = self.run_items[found.pattern().as_usize()];
                        // Inside a run of single letters every position is a
                        // word boundary, but a word spelled out letter by
                        // letter is mostly the whole run: allow one stray
                        // letter on each side ("a z o r v i k"), no more, and
                        // only for entries long enough not to hide in words.
                        let stray_before =
                            views.buf[at..at + found.start()].iter().filter(|b| is_char_start(**b)).count();
                        let stray_after = views.buf[at + found.end()..to].iter().filter(|b| is_char_start(**b)).count();
                        if stray_before > 1 || stray_after > 1 || self.items[item as usize].fuzz_chars < 4 {
                            continue;
                        }
                        let target = Target::new(item, End::Free);
                        let (start, end) = (at + found.start(), at + found.end());
                        if let Some((stop, via)) = self.verify(&target, views, view, start, end) {
                            hits.push(RawHit {
                                item,
                                cells: views.cell_span(view, start, stop),
                                via: u32::from(view.flags.bits()) | via,
                                vetoed: false,
                            });
                        }
                    }
                }
            }
        }
        if let Some(regex) = &self.regex {
            for view in &views.views {
                if view.flags.intersects(ViewFlags::COLLAPSE | ViewFlags::JOIN_ALL | ViewFlags::TRANSLIT) {
                    continue;
                }
                let text = &views.buf[view.start as usize..view.end as usize];
                if !regex.set.is_match(text) {
                    continue;
                }
                for index in regex.set.matches(text).iter() {
                    if let Some(found) = regex.each[index].find(text) {
                        let at = view.start as usize;
                        hits.push(RawHit {
                            item: regex.items[index],
                            cells: views.cell_span(view, at + found.start(), at + found.end()),
                            via: VIA_REGEX | u32::from(view.flags.bits()),
                            vetoed: false,
                        });
                    }
                }
            }
        }
        if !self.typo.is_empty() {
            for view in &views.views {
                if view.flags.intersects(
                    ViewFlags::LEET
                        | ViewFlags::LEET_ALT
                        | ViewFlags::COLLAPSE
                        | ViewFlags::SKELETON
                        | ViewFlags::JOIN_ALL
                        | ViewFlags::TRANSLIT,
                ) {
                    continue;
                }
                for token in views.view_tokens(view) {
                    let word = &views.buf[token.start as usize..token.end as usize];
                    let cells = (token.cell_start, token.cell_end);
                    self.typo.candidates(
                        word,
                        |item| &self.items[item as usize].text,
                        |item| {
                            if !self.guarded(views, cells, item, false) {
                                hits.push(RawHit {
                                    item,
                                    cells,
                                    via: VIA_TYPO | u32::from(view.flags.bits()),
                                    vetoed: false,
                                })
                            }
                        },
                    );
                }
            }
        }
        if !self.romanised.is_empty() {
            self.collect_romanised(views, hits);
        }
        if !self.masked.is_empty() && views.cells.iter().any(|c| matches!(c.ch, '*' | '#' | '_')) {
            self.collect_masked(views, hits);
        }
        if !self.ages.is_empty() && (every || self.ages_may_decide(hits)) {
            let plain = views.views[0];
            let tokens = views.view_tokens(&plain);
            words.clear();
            let cells = &views.cells;
            let is_digit = |at: u32| cells.get(at as usize).is_some_and(|c| c.kind == Kind::Digit);
            let mut previous: Option<&TokenSpan> = None;
            for token in tokens {
                // `21.5`, `18,5`: the part after the point is not an age.
                let decimal = previous.is_some_and(|p| {
                    token.cell_start == p.cell_end + 1
                        && p.cell_end > 0
                        && is_digit(p.cell_end - 1)
                        && is_digit(token.cell_start)
                        && cells.get(p.cell_end as usize).is_some_and(|c| matches!(c.ch, '.' | ','))
                });
                words.push((token.start, token.end, decimal));
                previous = Some(token);
            }
            let buf = &views.buf;
            let texts = words.iter().map(|&(s, e, decimal)| (&buf[s as usize..e as usize], decimal));
            self.age_words.scan(texts, |age, first, last| {
                for &(item, min, max) in &self.ages {
                    if (min..=max).contains(&age) {
                        hits.push(RawHit {
                            item,
                            cells: (tokens[first].cell_start, tokens[last].cell_end),
                            via: VIA_AGE,
                            vetoed: false,
                        });
                    }
                }
            });
        }
    }

    /// Whether an age found now could complete a rule: every other group
    /// of some rule with an age group is among `hits`. Most queries have no
    /// hits at all, and so skip the age scan.
    fn ages_may_decide(&self, hits: &[RawHit]) -> bool {
        let seen = |group: u16| {
            hits.iter().any(|hit| {
                matches!(self.items[hit.item as usize].role,
                    ItemRole::Member(g) | ItemRole::HiddenMember(g) if g == group)
            })
        };
        self.age_companions.iter().any(|groups| groups.iter().all(|&g| seen(g)))
    }

    /// Whether the words of the plain view may hold an entry split across
    /// them: two to [`MAX_SPLIT_TOKENS`] consecutive words that, written
    /// together, may be an entry (two Bloom filters, so most queries skip
    /// the [`ViewFlags::JOIN_ALL`] view).
    fn split_evidence(&self, views: &Views) -> bool {
        if self.split_wholes.is_empty() {
            return false;
        }
        let tokens = views.view_tokens(&views.views[0]);
        let word = |token: &TokenSpan| &views.buf[token.start as usize..token.end as usize];
        (0..tokens.len()).any(|first| {
            let mut hash = ByteHash::default().feed(word(&tokens[first]));
            for token in tokens.iter().skip(first + 1).take(MAX_SPLIT_TOKENS - 1) {
                if !self.split_prefixes.may_contain(hash.value()) {
                    return false;
                }
                hash = hash.feed(word(token));
                if self.split_wholes.may_contain(hash.value()) {
                    return true;
                }
            }
            false
        })
    }

    /// Checks one raw automaton hit against its target; returns where the
    /// matched word ends (after any inflection or glued words) and the
    /// reading bits to add, if it is accepted.
    fn verify(
        &self,
        target: &Target,
        views: &Views,
        view: &ViewSpan,
        start: usize,
        end: usize,
    ) -> Option<(usize, u32)> {
        let flags = view.flags;
        if target.collapsed && !flags.intersects(ViewFlags::COLLAPSE) {
            return None;
        }
        if (target.translit == Translit::Sound) != (flags.intersects(ViewFlags::TRANSLIT)) {
            return None;
        }
        if flags.intersects(ViewFlags::JOIN_ALL) {
            return if target.unanchored { self.verify_split(target, views, view, start, end) } else { None };
        }
        let glue_view = !flags.intersects(
            ViewFlags::COLLAPSE
                | ViewFlags::LEET_MIX
                | ViewFlags::SKELETON
                | ViewFlags::JOIN_SINGLES
                | ViewFlags::JOIN_PUNCT,
        );
        if target.unanchored && views.buf[start - 1] != BOUNDARY {
            return if glue_view { self.verify_glued(target, views, view, start, end) } else { None };
        }
        match self.verify_word(target, views, view, start, end) {
            Some(stop) => {
                let via = if target.translit == Translit::Romanised { VIA_ROMANISED } else { 0 };
                let fuzzy = stop > end
                    || flags.intersects(
                        ViewFlags::COLLAPSE
                            | ViewFlags::LEET
                            | ViewFlags::LEET_ALT
                            | ViewFlags::LEET_MIX
                            | ViewFlags::SKELETON
                            | ViewFlags::TRANSLIT,
                    )
                    || target.translit != Translit::None;
                let ending_only = (ViewFlags::JOIN_PUNCT).contains(flags) && target.translit == Translit::None;
                let cells = views.cell_span(view, start, stop);
                if fuzzy
                    && (self.guarded(views, cells, target.item, ending_only)
                        || flags.intersects(ViewFlags::CAMEL)
                            && self.guarded_in(views, view, cells, target.item, ending_only))
                {
                    return None;
                }
                Some((stop, via))
            }
            // `zorvikvideos`: not an inflection, perhaps a glued word.
            None if target.unanchored && glue_view => self.verify_glued(target, views, view, start, end),
            None => None,
        }
    }

    /// Whether the hit over `cells` lies on one word of the plain view that
    /// is an ordinary word: then only exact readings may match it. The
    /// entry's own inflections pass when the entry is itself a word.
    fn guarded(&self, views: &Views, cells: (u32, u32), item: u32, ending_only: bool) -> bool {
        self.guarded_in(views, &views.views[0], cells, item, ending_only)
    }

    /// [`Matcher::guarded`] on the words of `view` (in [`ViewFlags::CAMEL`] views the
    /// words between capitals: `nextSibling` holds the word `sibling`).
    fn guarded_in(&self, views: &Views, view: &ViewSpan, cells: (u32, u32), item: u32, ending_only: bool) -> bool {
        let (a, b) = cells;
        let tokens = views.view_tokens(view);
        let first = tokens.partition_point(|t| t.cell_end <= a);
        let Some(token) = tokens.get(first) else { return false };
        if token.cell_start >= b || tokens.get(first + 1).is_some_and(|next| next.cell_start < b) {
            return false;
        }
        let word = &views.buf[token.start as usize..token.end as usize];
        let item = &self.items[item as usize];
        if !(self.dictionary.contains(word) || self.is_inflected_cyrillic(word)) || *item.text.as_bytes() == *word {
            return false;
        }
        !(ending_only && item.entry_is_word)
    }

    /// Whether `word` is a Cyrillic dictionary word with a case or number
    /// ending the word lists may not carry (`лаврам`: `лавр` + `ам`).
    fn is_inflected_cyrillic(&self, word: &[u8]) -> bool {
        const ENDINGS: &[&str] = &[
            "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ах", "ях", "ам", "ям", "ов", "ев", "ой", "ей",
            "ом", "ем", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "а", "я", "у", "ю", "е", "ы", "и",
            "о",
        ];
        let Ok(text) = std::str::from_utf8(word) else { return false };
        if !text.chars().next().is_some_and(|c| ('\u{400}'..='\u{4FF}').contains(&c)) {
            return false;
        }
        let mut candidate = [0u8; GLUE_MAX_BYTES];
        ENDINGS.iter().any(|ending| {
            text.strip_suffix(ending).is_some_and(|stem| {
                stem.chars().count() >= 3
                    && stem.len() + 2 <= candidate.len()
                    && ["", "а", "ь", "о", "й"].iter().any(|add| {
                        let len = stem.len() + add.len();
                        candidate[..stem.len()].copy_from_slice(stem.as_bytes());
                        candidate[stem.len()..len].copy_from_slice(add.as_bytes());
                        self.dictionary.contains(&candidate[..len])
                    })
            })
        })
    }

    /// An entry inside one word, the rest of which is common words
    /// (`bestzorvik`, `BestZorvikVideos`, `#zorvikfun`), in a word that is
    /// not itself a dictionary word nor one with an inflection.
    fn verify_glued(
        &self,
        target: &Target,
        views: &Views,
        view: &ViewSpan,
        start: usize,
        end: usize,
    ) -> Option<(usize, u32)> {
        if !matches!(target.end, End::Exact | End::Inflected { .. })
            || target.translit != Translit::None
            || !self.items[target.item as usize].text.is_ascii()
        {
            return None;
        }
        let tokens = views.view_tokens(view);
        let token = tokens.get(tokens.partition_point(|t| (t.end as usize) < end))?;
        let (word_start, word_end) = (token.start as usize, token.end as usize);
        if start < word_start || word_end - word_start > GLUE_MAX_BYTES {
            return None;
        }
        let buf = &views.buf;
        let (prefix, suffix) = (&buf[word_start..start], &buf[end..word_end]);
        let word = &buf[word_start..word_end];
        if prefix.is_empty() && suffix.is_empty()
            || self.is_word_or_inflected(word)
            || self.is_compound(word)
            || self.inside_a_word(buf, (word_start, word_end), (start, end))
        {
            return None;
        }
        // In CamelCase the capitals are the word breaks: the entry must
        // start and end on them (`BestZorvikVideos`, not `DigitalHarbor`).
        let cells = &views.cells[token.cell_start as usize..token.cell_end as usize];
        if word.is_ascii()
            && cells.len() == word.len()
            && cells.iter().any(|c| c.upper)
            && !cells.iter().all(|c| c.upper || !c.ch.is_alphabetic())
        {
            let starts_word = |at: usize| at == 0 || at == cells.len() || cells[at].upper;
            if !starts_word(start - word_start) || !starts_word(end - word_start) {
                return None;
            }
        }
        let any = u32::MAX;
        let suffix_languages =
            if suffix.is_empty() || inflect::allows(target.end, suffix) { any } else { self.segments(suffix) };
        let prefix_languages = if prefix.is_empty() { any } else { self.segments(prefix) };
        if suffix_languages & prefix_languages == 0 {
            return None;
        }
        Some((word_end, VIA_GLUED))
    }

    /// Whether `word` is a dictionary word, or one with an English
    /// inflection (`transportations`, which word lists may not carry).
    fn is_word_or_inflected(&self, word: &[u8]) -> bool {
        self.dictionary.contains(word)
            || ENGLISH_ENDINGS
                .iter()
                .any(|ending| word.strip_suffix(*ending).is_some_and(|stem| self.dictionary.contains(stem)))
    }

    /// The languages (bits) in which `word` is a dictionary word, or the
    /// stem of one with an English inflection; `0` if in none.
    fn word_languages(&self, word: &[u8]) -> u32 {
        let present = |word: &[u8]| self.dictionary.languages(word).map_or(0, |l| l.present);
        ENGLISH_ENDINGS
            .iter()
            .filter_map(|ending| word.strip_suffix(*ending))
            .fold(present(word), |languages, stem| languages | present(stem))
    }

    /// An entry split in two by a space (`zor vik`, `d• vapf⭐id`), found in
    /// the [`ViewFlags::JOIN_ALL`] view: the hit covers whole words exactly, with one
    /// white space among them, and the two sides
    /// are not two common words of one language.
    fn verify_split(
        &self,
        target: &Target,
        views: &Views,
        view: &ViewSpan,
        start: usize,
        end: usize,
    ) -> Option<(usize, u32)> {
        if target.collapsed || target.translit != Translit::None {
            return None;
        }
        let tokens = views.view_tokens(view);
        let first = tokens.partition_point(|t| (t.end as usize) <= start);
        let last = tokens.partition_point(|t| (t.end as usize) < end);
        let (left, right) = (tokens.get(first)?, tokens.get(last)?);
        if left.start as usize != start || last == first || last - first >= MAX_SPLIT_TOKENS {
            return None;
        }
        // The joined words are exactly the entry.
        if right.end as usize != end {
            return None;
        }
        let buf = &views.buf;
        let spaced = |a: &TokenSpan, b: &TokenSpan| {
            views.cells[a.cell_end as usize..b.cell_start as usize].iter().any(|c| c.kind == Kind::Space)
        };
        let mut gaps = (first..last).filter(|&k| spaced(&tokens[k], &tokens[k + 1]));
        let (Some(gap), None) = (gaps.next(), gaps.next()) else { return None };
        let left_word = &buf[left.start as usize..tokens[gap].end as usize];
        let right_word = &buf[tokens[gap + 1].start as usize..right.end as usize];
        // Two common words of one language (`do tego`); or one letter beside
        // a common word (`a casa`).
        let one_letter = |w: &[u8]| shorter_than(w, 2);
        if self.dictionary.common_pair(left_word, right_word)
            || (one_letter(left_word) && self.dictionary.is_common(right_word))
            || (one_letter(right_word) && self.dictionary.is_common(left_word))
        {
            return None;
        }
        Some((right.end as usize, 0))
    }

    /// Whether `word` is a compound of dictionary words of four or more
    /// bytes each, all of one language (`godstransporten`,
    /// `skoleproblemer`): compounding languages write new words this way
    /// every day, and an entry that straddles their parts is not glued to
    /// them. Rare words of different languages (`cerv|govi|deos`) are not
    /// a compound, only a word list's long tail.
    fn is_compound(&self, word: &[u8]) -> bool {
        let n = word.len();
        n >= 8 && split_into_languages(word, 4, |part| if part.len() < n { self.word_languages(part) } else { 0 }) != 0
    }

    /// Whether the hit `start..end` lies inside a longer dictionary word
    /// written within the token `word_start..word_end` (`nstru` in
    /// `déconstruirait`, which holds `construirait`): the writer wrote that
    /// word, not the entry.
    fn inside_a_word(&self, buf: &[u8], (word_start, word_end): (usize, usize), (start, end): (usize, usize)) -> bool {
        (word_start..=start).any(|from| {
            (end..=word_end).any(|to| {
                (from, to) != (start, end)
                    && (from, to) != (word_start, word_end)
                    && self.is_word_or_inflected(&buf[from..to])
            })
        })
    }

    /// The languages (a mask, see [`Dictionary`]) in which `text` is one or
    /// more common words written together, `0` if in none: words of four or
    /// more letters common in the language, of three common in English, or
    /// one of [`SHORT_GLUE_WORDS`] (any language). All the words of one
    /// glued word must be of one language.
    fn segments(&self, text: &[u8]) -> u32 {
        split_into_languages(text, 2, |piece| {
            if AFFIXES.binary_search(&piece).is_ok() {
                return 0;
            }
            match piece.len() {
                2 if SHORT_GLUE_WORDS.contains(&piece) => u32::MAX,
                2 => 0,
                3 => self.dictionary.languages(piece).map_or(0, |l| l.common & 1),
                _ => self.dictionary.languages(piece).map_or(0, |l| l.common),
            }
        })
    }

    /// Latin words of the plain, joined and leet views that spell a
    /// Cyrillic entry under any mix of romanisations, with the dictionary
    /// guard (a transliteration is a fuzzy reading).
    fn collect_romanised(&self, views: &Views, hits: &mut Vec<RawHit>) {
        for view in views.views.iter().filter(|v| {
            (ViewFlags::JOIN_PUNCT | ViewFlags::JOIN_SINGLES | ViewFlags::LEET | ViewFlags::LEET_ALT).contains(v.flags)
        }) {
            for token in views.view_tokens(view) {
                let word = &views.buf[token.start as usize..token.end as usize];
                if !word.iter().all(|b| b.is_ascii_alphanumeric()) {
                    continue;
                }
                let cells = (token.cell_start, token.cell_end);
                self.romanised.candidates(word, |item| {
                    if !self.guarded(views, cells, item, false) {
                        hits.push(RawHit {
                            item,
                            cells,
                            via: VIA_ROMANISED | u32::from(view.flags.bits()),
                            vetoed: false,
                        });
                    }
                });
            }
        }
    }

    /// Entries with one inner letter masked: two words of the plain view
    /// with one `*`, `#` or `_` between them (`zorv*kan`), read as every
    /// entry of that length with that beginning and end.
    fn collect_masked(&self, views: &Views, hits: &mut Vec<RawHit>) {
        let plain = views.views[0];
        let tokens = views.view_tokens(&plain);
        for pair in tokens.windows(2) {
            let (left, right) = (pair[0], pair[1]);
            if right.cell_start != left.cell_end + 1
                || !matches!(views.cells[left.cell_end as usize].ch, '*' | '#' | '_')
            {
                continue;
            }
            let prefix = &views.buf[left.start as usize..left.end as usize];
            let suffix = &views.buf[right.start as usize..right.end as usize];
            let from = self.masked.partition_point(|&item| self.items[item as usize].text.as_bytes() < prefix);
            for &item in &self.masked[from..] {
                let text = self.items[item as usize].text.as_bytes();
                if !text.starts_with(prefix) {
                    break;
                }
                if text.len() <= prefix.len() + suffix.len() || !text.ends_with(suffix) {
                    continue;
                }
                let middle = &text[prefix.len()..text.len() - suffix.len()];
                if std::str::from_utf8(middle).is_ok_and(|m| m.chars().count() == 1) {
                    hits.push(RawHit { item, cells: (left.cell_start, right.cell_end), via: VIA_MASK, vetoed: false });
                }
            }
        }
    }

    /// The whole-word checks of a hit at a word start: the ending, run
    /// lengths, and how much of the word is digits.
    fn verify_word(&self, target: &Target, views: &Views, view: &ViewSpan, start: usize, end: usize) -> Option<usize> {
        let flags = view.flags;
        let item = &self.items[target.item as usize];
        let buf = &views.buf;
        let mut stop = end;
        if target.end != End::Free {
            while buf[stop] != BOUNDARY && buf[stop] != VIEW_END {
                stop += 1;
            }
            if !self.ending_allowed(target, views, view, start, end, stop) {
                return None;
            }
            // Collapsing can turn the English endings `-ess`, `-ness`, `-less`
            // (host → hostess) into an allowed `-es` or `-s`: read the
            // ending as written, and refuse it when it ends in `ess`.
            if flags.intersects(ViewFlags::COLLAPSE)
                && stop > end
                && self.ending_reads_ess(views, view, target, start, end, stop)
            {
                return None;
            }
        }
        if flags.intersects(ViewFlags::COLLAPSE) {
            let query_runs = views.runs_of(view, start, end);
            let mut extra = 0u8;
            for (i, &query_run) in query_runs.iter().enumerate() {
                let entry_run = if target.runs == NO_RUNS { 1 } else { self.runs[target.runs as usize + i] };
                if query_run < entry_run {
                    return None;
                }
                extra = extra.max(query_run - entry_run);
            }
            // Repeats in the ending are evidence too (`okqeerrrrrs`).
            if stop > end {
                let ending = views.runs_of(view, end, stop);
                extra = extra.max(ending.iter().map(|r| r.saturating_sub(1)).max().unwrap_or(0));
            }
            // A doubled letter alone turns short words into other words
            // (bet → beet); short entries need a run of three as evidence.
            if extra == 1 && item.fuzz_chars < 5 {
                return None;
            }
        }
        if flags.intersects(ViewFlags::LEET | ViewFlags::LEET_ALT) {
            if item.fuzz_chars < 4 {
                return None;
            }
            let (first, last) = views.cell_span(view, start, stop);
            // Words that are mostly digits are codes and numbers (4x4, h264),
            // not disguised words. A run of one digit counts once (z0000rvik).
            let (mut letters, mut others) = (0, 0);
            let mut previous = None;
            for cell in &views.cells[first as usize..last as usize] {
                match cell.kind {
                    Kind::Letter => letters += 1,
                    Kind::Digit | Kind::Symbol if previous != Some(cell.ch) => others += 1,
                    Kind::Punct | Kind::Space => continue,
                    _ => {}
                }
                previous = Some(cell.ch);
            }
            // Several digits may stand together (`2074v1k`) as long as the
            // word keeps two letters.
            if letters < others && letters < 2 {
                return None;
            }
        }
        if flags.intersects(ViewFlags::SKELETON) && item.fuzz_chars < 4 {
            return None;
        }
        Some(stop)
    }

    /// Whether the bytes `end..stop` after a match may follow the entry. In
    /// a collapse view the entry's last letter may share its run with the
    /// ending's first letter (`…sci` + `ing` written `…sciiing` collapses to
    /// `…scing`), so the ending is also tried with that letter put back.
    fn ending_allowed(
        &self,
        target: &Target,
        views: &Views,
        view: &ViewSpan,
        start: usize,
        end: usize,
        stop: usize,
    ) -> bool {
        let rest = &views.buf[end..stop];
        if inflect::allows(target.end, rest) {
            return true;
        }
        if !view.flags.intersects(ViewFlags::COLLAPSE) || end <= start || rest.len() > 6 {
            return false;
        }
        let runs = views.runs_of(view, start, end);
        let last = end - start - 1;
        let entry_run = if target.runs == NO_RUNS { 1 } else { self.runs[target.runs as usize + last] };
        let last_byte = views.buf[end - 1];
        if runs[last] <= entry_run || !last_byte.is_ascii() {
            return false;
        }
        let mut shared = [0u8; 7];
        shared[0] = last_byte;
        shared[1..=rest.len()].copy_from_slice(rest);
        inflect::allows(target.end, &shared[..=rest.len()])
    }

    /// Whether the ending `end..stop` of a match in a collapse view, written
    /// out with its repeats (and the repeats of the entry's last letter
    /// beyond the entry's own), ends in `ess` (`-ess`, `-ness`, `-less`).
    fn ending_reads_ess(
        &self,
        views: &Views,
        view: &ViewSpan,
        target: &Target,
        start: usize,
        end: usize,
        stop: usize,
    ) -> bool {
        let rest = &views.buf[end..stop];
        if rest.len() > 2 || rest.last() != Some(&b's') {
            return false;
        }
        let runs = views.runs_of(view, start, stop);
        let last = end - start - 1;
        let entry_run = if target.runs == NO_RUNS { 1 } else { self.runs[target.runs as usize + last] };
        let mut written = [0u8; 8];
        let mut len = 0;
        let letters = std::iter::repeat_n(views.buf[end - 1], usize::from(runs[last].saturating_sub(entry_run)))
            .chain(rest.iter().enumerate().flat_map(|(i, &b)| std::iter::repeat_n(b, usize::from(runs[last + 1 + i]))));
        for letter in letters {
            if len == written.len() {
                return false;
            }
            written[len] = letter;
            len += 1;
        }
        written[..len].ends_with(b"ess")
    }

    /// Applies allow-list vetoes and evaluates rules over `scratch.hits`.
    pub(crate) fn decide(&self, scratch: &mut Scratch) {
        let hits = &mut scratch.hits;
        let allow_count = hits.iter().filter(|h| self.items[h.item as usize].role == ItemRole::Allow).count();
        if allow_count > 0 {
            for i in 0..hits.len() {
                if self.items[hits[i].item as usize].role == ItemRole::Allow {
                    continue;
                }
                let (a, b) = hits[i].cells;
                let inside = hits
                    .iter()
                    .any(|h| self.items[h.item as usize].role == ItemRole::Allow && h.cells.0 <= a && b <= h.cells.1);
                hits[i].vetoed = inside;
            }
        }
        if self.rules.is_empty() {
            return;
        }
        let seen = &mut scratch.groups_seen;
        seen.clear();
        seen.resize(self.groups.div_ceil(64), 0);
        let mut any = false;
        for hit in hits.iter().filter(|h| !h.vetoed) {
            if let ItemRole::Member(group) | ItemRole::HiddenMember(group) = self.items[hit.item as usize].role {
                seen[usize::from(group) / 64] |= 1 << (group % 64);
                any = true;
            }
        }
        if !any {
            return;
        }
        for rule in &self.rules {
            if rule.groups.iter().all(|&g| seen[usize::from(g) / 64] & (1 << (g % 64)) != 0) {
                hits.push(RawHit { item: rule.item, cells: (0, 0), via: VIA_RULE, vetoed: false });
            }
        }
    }

    /// Every raw hit of `query` with its reading, for curators' tools
    /// (`signpost check --explain`, `signpost lint --benign`).
    pub fn explain(&self, query: &str) -> Vec<Explained> {
        let mut scratch = Scratch::default();
        self.collect(query, &mut scratch, true);
        self.decide(&mut scratch);
        let mut out: Vec<Explained> = Vec::new();
        for hit in &scratch.hits {
            let item = &self.items[hit.item as usize];
            let list = &self.lists[item.list as usize];
            let role = match item.role {
                ItemRole::Block if item.kind == MatchKind::Rule => "rule",
                ItemRole::Block => "entry",
                ItemRole::Allow => "allow",
                ItemRole::Member(_) | ItemRole::HiddenMember(_) => "group member",
            };
            let via = readings(hit.via);
            if let Some(existing) = out.iter_mut().find(|e| e.entry == item.id && e.list == list.id) {
                existing.vetoed &= hit.vetoed;
                for reading in via {
                    if !existing.via.contains(&reading) {
                        existing.via.push(reading);
                    }
                }
                continue;
            }
            out.push(Explained {
                entry: item.id,
                role,
                list: Arc::clone(&list.id),
                source: list.source.clone(),
                line: item.line,
                category: Arc::clone(&self.categories[item.category as usize]),
                via,
                vetoed: hit.vetoed,
            });
        }
        out
    }
}

/// One item that matched a query, with how it was found.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Explained {
    /// The item's id.
    pub entry: EntryId,
    /// `entry`, `rule`, `allow` or `group member`.
    pub role: &'static str,
    /// The list id.
    pub list: Arc<str>,
    /// The list's file.
    pub source: String,
    /// The item's line in its file.
    pub line: u32,
    /// The item's category.
    pub category: Arc<str>,
    /// The readings that found it: `plain`, `joined-punctuation`,
    /// `joined-letters`, `digits-as-letters`, `repeats`, `lookalikes`,
    /// `split`, `glued`, `masked`, `transliteration`, `typo`, `regex`,
    /// `age`, `rule`.
    pub via: Vec<&'static str>,
    /// Whether an allow-list entry vetoed it.
    pub vetoed: bool,
}

impl Explained {
    /// Whether it was found only through a fuzzy reading (not as written).
    pub fn only_fuzzy(&self) -> bool {
        !self.via.iter().any(|v| matches!(*v, "plain" | "regex" | "age" | "rule"))
    }
}

fn readings(via: u32) -> Vec<&'static str> {
    let named: [(u32, &str); 16] = [
        (u32::from(ViewFlags::CAMEL.bits()), "camelcase"),
        (u32::from(ViewFlags::JOIN_PUNCT.bits()), "joined-punctuation"),
        (u32::from(ViewFlags::JOIN_SINGLES.bits()), "joined-letters"),
        (u32::from((ViewFlags::LEET | ViewFlags::LEET_ALT).bits()), "digits-as-letters"),
        (u32::from(ViewFlags::COLLAPSE.bits()), "repeats"),
        (u32::from(ViewFlags::SKELETON.bits()), "lookalikes"),
        (u32::from(ViewFlags::JOIN_ALL.bits()), "split"),
        (u32::from(ViewFlags::TRANSLIT.bits()), "transliteration"),
        (VIA_ROMANISED, "transliteration"),
        (VIA_GLUED, "glued"),
        (VIA_MASK, "masked"),
        (VIA_TYPO, "typo"),
        (VIA_REGEX, "regex"),
        (VIA_AGE, "age"),
        (VIA_RULE, "rule"),
        (0, ""),
    ];
    let mut out: Vec<&'static str> = Vec::new();
    for (bit, name) in named {
        if bit != 0 && via & bit != 0 && !out.contains(&name) {
            out.push(name);
        }
    }
    if via & !VIA_REGEX == 0 {
        out.insert(0, "plain");
    }
    out
}

/// The languages (bits) in which `text` splits into pieces of at least
/// `min_piece` bytes, each piece in the languages `languages` gives it;
/// `0` when it does not split. Texts longer than [`GLUE_MAX_BYTES`] never do.
fn split_into_languages(text: &[u8], min_piece: usize, languages: impl Fn(&[u8]) -> u32) -> u32 {
    let n = text.len();
    if n < min_piece || n > GLUE_MAX_BYTES {
        return 0;
    }
    let mut reachable = [0u32; GLUE_MAX_BYTES + 1];
    reachable[0] = u32::MAX;
    for from in 0..n {
        if reachable[from] == 0 {
            continue;
        }
        for to in from + min_piece..=n {
            reachable[to] |= reachable[from] & languages(&text[from..to]);
        }
    }
    reachable[n]
}

#[cfg(test)]
mod tests {
    use super::AFFIXES;

    #[test]
    fn affixes_are_sorted_for_binary_search() {
        assert!(AFFIXES.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
