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
use super::inflect::{self, End};
use super::typo::TypoIndex;
use super::verdict::{EntryId, Match, MatchKind, Verdict};
use crate::normalize::Views;
use crate::normalize::fold::Kind;
use crate::normalize::views::{
    BOUNDARY, COLLAPSE, JOIN_SINGLES, LEET, LEET_ALT, SKELETON, TokenSpan, VIEW_END, ViewSpan,
};

/// Marks a [`Target`] without run lengths (all runs are 1).
pub(crate) const NO_RUNS: u32 = u32::MAX;

/// Raw-hit origin bits beyond the view flags.
pub(crate) const VIA_TYPO: u16 = 1 << 8;
pub(crate) const VIA_REGEX: u16 = 1 << 9;
pub(crate) const VIA_AGE: u16 = 1 << 10;
pub(crate) const VIA_RULE: u16 = 1 << 11;

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
    pub line: u32,
    /// Canonical text (the regex pattern, `min-max` for ages, the rule name).
    pub text: Box<str>,
}

/// What a raw automaton hit on one pattern may mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub item: u32,
    /// The pattern is the entry with repeats collapsed: valid only in
    /// [`COLLAPSE`] views, with run lengths checked.
    pub collapsed: bool,
    pub end: End,
    /// Offset of the pattern's run lengths in the run pool, or [`NO_RUNS`].
    pub runs: u32,
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
    pub(crate) targets: Vec<Target>,
    pub(crate) runs: Vec<u8>,
    pub(crate) regex: Option<RegexIndex>,
    pub(crate) typo: TypoIndex,
    pub(crate) ages: Vec<(u32, u32, u32)>,
    pub(crate) age_words: AgeWords,
    pub(crate) rules: Vec<CompiledRule>,
    pub(crate) groups: usize,
    pub(crate) categories: Vec<Arc<str>>,
    pub(crate) lists: Vec<ListInfo>,
    pub(crate) version: Arc<str>,
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
    pub via: u16,
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
        self.collect(query, scratch);
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
            + regex
            + self.rules.iter().map(|r| 16 + r.groups.len() * 2).sum::<usize>()
    }

    /// Finds every raw hit of `query` into `scratch.hits`.
    pub(crate) fn collect(&self, query: &str, scratch: &mut Scratch) {
        scratch.hits.clear();
        let Scratch { views, hits, words, .. } = scratch;
        views.render(query);
        if let Some(automaton) = &self.automaton {
            let mut view_index = 0;
            for found in automaton.find_overlapping_iter(views.buf.as_slice()) {
                let (start, end) = (found.start(), found.end());
                while views.views[view_index].end < end as u32 {
                    view_index += 1;
                }
                let view = views.views[view_index];
                let (first, count) = self.pattern_targets[found.pattern().as_usize()];
                for target in &self.targets[first as usize..(first + count) as usize] {
                    if let Some(stop) = self.verify(target, views, &view, start, end) {
                        hits.push(RawHit {
                            item: target.item,
                            cells: views.cell_span(&view, start, stop),
                            via: u16::from(view.flags),
                            vetoed: false,
                        });
                    }
                }
            }
        }
        if let Some(run_automaton) = &self.run_automaton {
            for view in views.views.iter().filter(|v| v.flags & JOIN_SINGLES != 0 && v.flags & COLLAPSE == 0) {
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
                        let target = Target { item, collapsed: false, end: End::Free, runs: NO_RUNS };
                        let (start, end) = (at + found.start(), at + found.end());
                        if let Some(stop) = self.verify(&target, views, view, start, end) {
                            hits.push(RawHit {
                                item,
                                cells: views.cell_span(view, start, stop),
                                via: u16::from(view.flags),
                                vetoed: false,
                            });
                        }
                    }
                }
            }
        }
        if let Some(regex) = &self.regex {
            for view in &views.views {
                if view.flags & COLLAPSE != 0 {
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
                            via: VIA_REGEX | u16::from(view.flags),
                            vetoed: false,
                        });
                    }
                }
            }
        }
        if !self.typo.is_empty() {
            for view in &views.views {
                if view.flags & (LEET | LEET_ALT | COLLAPSE | SKELETON) != 0 {
                    continue;
                }
                for token in views.view_tokens(view) {
                    let word = &views.buf[token.start as usize..token.end as usize];
                    self.typo.candidates(
                        word,
                        |item| &self.items[item as usize].text,
                        |item| {
                            hits.push(RawHit {
                                item,
                                cells: (token.cell_start, token.cell_end),
                                via: VIA_TYPO | u16::from(view.flags),
                                vetoed: false,
                            })
                        },
                    );
                }
            }
        }
        if !self.ages.is_empty() {
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

    /// Checks one raw automaton hit against its target; returns where the
    /// matched word ends (after any inflection) if it is accepted.
    fn verify(&self, target: &Target, views: &Views, view: &ViewSpan, start: usize, end: usize) -> Option<usize> {
        let flags = view.flags;
        if target.collapsed && flags & COLLAPSE == 0 {
            return None;
        }
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
            if flags & COLLAPSE != 0 && stop > end && self.ending_reads_ess(views, view, target, start, end, stop) {
                return None;
            }
        }
        if flags & COLLAPSE != 0 {
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
        if flags & (LEET | LEET_ALT) != 0 {
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
            if letters < others {
                return None;
            }
        }
        if flags & SKELETON != 0 && item.fuzz_chars < 4 {
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
        if view.flags & COLLAPSE == 0 || end <= start || rest.len() > 6 {
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
        self.collect(query, &mut scratch);
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
    /// `typo`, `regex`, `age`, `rule`.
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

fn readings(via: u16) -> Vec<&'static str> {
    use crate::normalize::views::JOIN_PUNCT;
    let mut out = Vec::new();
    let named: [(u16, &str); 10] = [
        (u16::from(JOIN_PUNCT), "joined-punctuation"),
        (u16::from(JOIN_SINGLES), "joined-letters"),
        (u16::from(LEET | LEET_ALT), "digits-as-letters"),
        (u16::from(COLLAPSE), "repeats"),
        (u16::from(SKELETON), "lookalikes"),
        (VIA_TYPO, "typo"),
        (VIA_REGEX, "regex"),
        (VIA_AGE, "age"),
        (VIA_RULE, "rule"),
        (0, ""),
    ];
    for (bit, name) in named {
        if bit != 0 && via & bit != 0 {
            out.push(name);
        }
    }
    if via & !(VIA_REGEX | VIA_AGE | VIA_RULE | VIA_TYPO) == 0 && via & (VIA_AGE | VIA_RULE | VIA_TYPO) == 0 {
        out.insert(0, "plain");
    }
    out
}
