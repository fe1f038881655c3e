//! List hygiene for curators: duplicates, entries that normalise to the same
//! thing, entries too short to be safe, redundant entries, and, given a file
//! of innocent queries, the entries that would fire on them — the
//! false-positive preview to read before shipping a list.
//!
//! Findings name entries by `file:line`, never by their text, so a report can
//! be pasted into a ticket without spreading the list.

use std::collections::HashMap;

use super::dictionary::Dictionary;
use super::inflect;
use super::list::{ItemBody, KeywordList, Role, Shape};
use super::matcher::Matcher;
use super::romanised;
use crate::normalize::translit;

/// Entries shorter than this (characters after normalisation) are flagged.
pub const SHORT_ENTRY_CHARS: usize = 4;

/// Where an entry is written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Place {
    /// The list file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One finding about the list itself.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The entry concerned.
    pub at: Place,
    /// `duplicate`, `same-normalised`, `short`, `redundant`, `inline-comment`,
    /// `dictionary-word`, `dictionary-collision`.
    pub kind: &'static str,
    /// What was found and what to do, without the entry's text.
    pub message: String,
}

/// An entry that fired on innocent text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BenignHit {
    /// The entry (or rule) that fired.
    pub at: Place,
    /// `entry`, `rule` or `group member`.
    pub role: &'static str,
    /// How many innocent lines it fired on.
    pub count: usize,
    /// The readings that made it fire.
    pub via: Vec<&'static str>,
    /// Whether it fired only through fuzzy readings (never as written):
    /// such hits are best fixed with an `allow:` exception.
    pub only_fuzzy: bool,
    /// Up to three of the innocent lines (the curator's own file).
    pub examples: Vec<String>,
}

/// Everything `signpost lint` reports.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct LintReport {
    /// Entries, rules and group members checked.
    pub entries: usize,
    /// Findings about the list itself.
    pub findings: Vec<Finding>,
    /// Innocent lines read (0 without `--benign`).
    pub benign_lines: usize,
    /// Innocent lines on which something fired.
    pub benign_lines_hit: usize,
    /// Entries that fired on innocent lines, most frequent first.
    pub benign_hits: Vec<BenignHit>,
}

impl LintReport {
    /// Whether nothing needs a curator's attention.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.benign_hits.is_empty()
    }
}

/// Checks the lists themselves.
pub fn lint_lists(lists: &[KeywordList]) -> LintReport {
    let mut report = LintReport::default();
    // (role, shape, canonical) -> first place and its raw text
    let mut seen: HashMap<(String, Shape, String), (Place, String)> = HashMap::new();
    let mut words: HashMap<String, Place> = HashMap::new();
    let mut phrases: Vec<(Place, String)> = Vec::new();
    for list in lists {
        for item in &list.items {
            report.entries += 1;
            let at = Place { file: list.source.clone(), line: item.line };
            let ItemBody::Term { text, canonical, shape, .. } = &item.body else { continue };
            let role = match &item.role {
                Role::Block => "block".to_owned(),
                Role::Allow => "allow".to_owned(),
                Role::Member(group) => format!("group {group}"),
            };
            let key = (role.clone(), *shape, canonical.clone());
            if let Some((first, first_text)) = seen.get(&key) {
                let (kind, message) = if first_text == text {
                    ("duplicate", format!("duplicate of {first}"))
                } else {
                    ("same-normalised", format!("written differently from {first}, but normalises to the same entry"))
                };
                report.findings.push(Finding { at: at.clone(), kind, message });
                continue;
            }
            seen.insert(key, (at.clone(), text.clone()));
            // Lists have no end-of-line comments: `term  # note` is the
            // phrase "term note", which the term alone never matches.
            if text.contains(" #") || text.contains("\t#") {
                report.findings.push(Finding {
                    at: at.clone(),
                    kind: "inline-comment",
                    message: "holds ` #`: lists have no end-of-line comments, so the words after it are part of \
                              the entry; put the comment on a line of its own"
                        .into(),
                });
            }
            let chars = canonical.chars().filter(|c| *c != ' ').count();
            // In scripts without spaces one character is often a whole word.
            let spaceless = canonical.chars().any(crate::normalize::fold::is_spaceless_char);
            if item.role != Role::Allow && chars < SHORT_ENTRY_CHARS && !spaceless {
                report.findings.push(Finding {
                    at: at.clone(),
                    kind: "short",
                    message: format!(
                        "only {chars} characters after normalisation: short entries match ordinary words; \
                         prefer a phrase, a rule, or check it with --benign"
                    ),
                });
            }
            if item.role == Role::Block && *shape == Shape::Word {
                if canonical.contains(' ') {
                    phrases.push((at, canonical.clone()));
                } else {
                    words.entry(canonical.clone()).or_insert(at);
                }
            }
        }
    }
    for (at, phrase) in phrases {
        if let Some(word_at) = phrase.split(' ').find_map(|w| words.get(w)) {
            report.findings.push(Finding {
                at,
                kind: "redundant",
                message: format!("this phrase contains the whole-word entry at {word_at}, which already matches it"),
            });
        }
    }
    report.findings.sort_by(|a, b| a.at.cmp(&b.at));
    report
}

/// Adds what the dictionary of ordinary words says about each whole-word
/// entry: an entry that is itself an ordinary word (`dictionary-word`: it
/// fires on innocent text as written), and an entry whose fuzzy readings
/// (inflections, repeats, typos, romanisations) are ordinary words
/// (`dictionary-collision`: the dictionary guard keeps those words from
/// matching; the counts say which readings are narrowed for it). Words are
/// counted, never printed: they would spell the entry.
pub fn lint_dictionary(report: &mut LintReport, lists: &[KeywordList], dictionary: &Dictionary) {
    for list in lists {
        for item in &list.items {
            let ItemBody::Term { canonical, shape: Shape::Word, typo, .. } = &item.body else { continue };
            if item.role == Role::Allow || canonical.contains(' ') {
                continue;
            }
            let at = Place { file: list.source.clone(), line: item.line };
            if dictionary.contains(canonical.as_bytes()) {
                report.findings.push(Finding {
                    at,
                    kind: "dictionary-word",
                    message: "is an ordinary word of a language in the dictionary: it fires on innocent text as \
                              written; prefer a phrase or a rule, or check it with --benign"
                        .into(),
                });
                continue;
            }
            let mut counts: Vec<(&str, usize)> = Vec::new();
            let mut count = |name: &'static str, words: Vec<String>| {
                let mut words = words;
                words.sort();
                words.dedup();
                let n = words.iter().filter(|w| *w != canonical && dictionary.contains(w.as_bytes())).count();
                if n > 0 {
                    counts.push((name, n));
                }
            };
            count("inflection", inflect::forms(canonical));
            count("repeats", doubled(canonical));
            if *typo {
                count("typo", one_edit(canonical));
            }
            if romanised::reads_mixes(canonical) {
                // The matcher reads such a word under any mix of schemes:
                // walk the dictionary for every word one mix spells.
                count("transliteration", dictionary.romanised_words(canonical));
            } else {
                count("transliteration", translit::romanisations(canonical));
            }
            if counts.is_empty() {
                continue;
            }
            let total: usize = counts.iter().map(|(_, n)| n).sum();
            let by: Vec<String> = counts.iter().map(|(name, n)| format!("{name} {n}")).collect();
            report.findings.push(Finding {
                at,
                kind: "dictionary-collision",
                message: format!(
                    "{total} ordinary word{} reached through fuzzy readings ({}): the dictionary guard keeps them \
                     from matching, so these readings of the entry are narrowed",
                    if total == 1 { " is" } else { "s are" },
                    by.join(", ")
                ),
            });
        }
    }
}

/// The entry with one of its letters written twice.
fn doubled(entry: &str) -> Vec<String> {
    let chars: Vec<char> = entry.chars().collect();
    (0..chars.len())
        .map(|i| chars[..=i].iter().chain(std::iter::once(&chars[i])).chain(&chars[i + 1..]).collect())
        .collect()
}

/// Every word one substitution, insertion, deletion or swap away (letters a–z).
fn one_edit(entry: &str) -> Vec<String> {
    let chars: Vec<char> = entry.chars().collect();
    let mut out = Vec::new();
    for i in 0..=chars.len() {
        for letter in 'a'..='z' {
            let mut inserted = chars.clone();
            inserted.insert(i, letter);
            out.push(inserted.into_iter().collect());
            if i < chars.len() {
                let mut substituted = chars.clone();
                substituted[i] = letter;
                out.push(substituted.into_iter().collect());
            }
        }
        if i < chars.len() {
            let mut deleted = chars.clone();
            deleted.remove(i);
            out.push(deleted.into_iter().collect());
        }
        if i + 1 < chars.len() {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            out.push(swapped.into_iter().collect());
        }
    }
    out
}

/// Runs every line of `benign` through `matcher` and adds the entries that
/// fire to `report`.
pub fn lint_benign<'a>(report: &mut LintReport, matcher: &Matcher, benign: impl IntoIterator<Item = &'a str>) {
    let mut by_place: HashMap<Place, BenignHit> = HashMap::new();
    for line in benign {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        report.benign_lines += 1;
        let mut any = false;
        for hit in matcher.explain(line) {
            if hit.vetoed || hit.role == "allow" {
                continue;
            }
            any = true;
            let at = Place { file: hit.source.clone(), line: hit.line };
            let only_fuzzy = hit.only_fuzzy();
            let entry = by_place.entry(at.clone()).or_insert_with(|| BenignHit {
                at,
                role: hit.role,
                count: 0,
                via: Vec::new(),
                only_fuzzy: true,
                examples: Vec::new(),
            });
            entry.count += 1;
            entry.only_fuzzy &= only_fuzzy;
            for reading in hit.via {
                if !entry.via.contains(&reading) {
                    entry.via.push(reading);
                }
            }
            if entry.examples.len() < 3 && !entry.examples.iter().any(|e| e == line) {
                entry.examples.push(line.to_owned());
            }
        }
        report.benign_lines_hit += usize::from(any);
    }
    let mut hits: Vec<BenignHit> = by_place.into_values().collect();
    hits.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.at.cmp(&b.at)));
    report.benign_hits = hits;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> KeywordList {
        KeywordList::parse("l.txt", text.as_bytes()).unwrap()
    }

    #[test]
    fn the_dictionary_names_entries_that_are_words_or_reach_words() {
        // `tornado` is a word; `dinn` + `er` and `tomorow` with a doubled
        // letter reach words; `zorvik` reaches none.
        let lists = [list("tornado\ndinn\ntomorow\nzorvik\nplim plom\n")];
        let mut report = LintReport::default();
        lint_dictionary(&mut report, &lists, &Dictionary::builtin());
        let found: Vec<(String, &str)> = report.findings.iter().map(|f| (f.at.to_string(), f.kind)).collect();
        assert_eq!(
            found,
            [
                ("l.txt:1".to_owned(), "dictionary-word"),
                ("l.txt:2".to_owned(), "dictionary-collision"),
                ("l.txt:3".to_owned(), "dictionary-collision"),
            ]
        );
        assert!(report.findings[1].message.contains("inflection"), "{}", report.findings[1].message);
        assert!(report.findings[2].message.contains("repeats"), "{}", report.findings[2].message);
        for finding in &report.findings {
            assert!(!finding.message.contains("dinn") && !finding.message.contains("tomor"), "never the words");
        }
    }

    #[test]
    fn a_cyrillic_entry_names_words_that_a_mix_of_schemes_spells() {
        // `кустомер` reads `customer` only with `к` as `c`, which none of
        // the compiled spellings uses, but the matcher's parse reads.
        // `звордик` reaches nothing.
        let lists = [list("@language ru\nкустомер\nзвордик\n")];
        let mut report = LintReport::default();
        lint_dictionary(&mut report, &lists, &Dictionary::builtin());
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        assert_eq!(report.findings[0].at.to_string(), "l.txt:2");
        assert!(report.findings[0].message.contains("transliteration"), "{}", report.findings[0].message);
        assert!(!translit::romanisations("кустомер").iter().any(|spelled| spelled == "customer"));
    }

    #[test]
    fn findings_name_places_not_terms() {
        let report = lint_lists(&[list("zorvik\nzorvik\nZörvik\nzq\nzorvik valley\nplim plom\n")]);
        let found: Vec<(String, &str)> = report.findings.iter().map(|f| (f.at.to_string(), f.kind)).collect();
        assert_eq!(
            found,
            [
                ("l.txt:2".to_owned(), "duplicate"),
                ("l.txt:3".to_owned(), "same-normalised"),
                ("l.txt:4".to_owned(), "short"),
                ("l.txt:5".to_owned(), "redundant"),
            ]
        );
        assert!(report.findings.iter().all(|f| !f.message.contains("zorvik")));
    }

    #[test]
    fn a_comment_at_the_end_of_an_entry_is_reported() {
        let report = lint_lists(&[list(
            "# a comment line
zorvik    # the demo term
blemquat
",
        )]);
        let found: Vec<(u32, &str)> = report.findings.iter().map(|f| (f.at.line, f.kind)).collect();
        assert_eq!(found, [(2, "inline-comment")]);
    }

    #[test]
    fn benign_preview_counts_entries_that_fire() {
        let lists = vec![list("zorvik\nbet\n")];
        let matcher = Matcher::builder().lists(lists.clone()).build().unwrap();
        let mut report = lint_lists(&lists);
        lint_benign(&mut report, &matcher, ["a bet on it", "beeet", "another bet", "fine text", "zorvik"]);
        assert_eq!(report.benign_lines, 5);
        assert_eq!(report.benign_lines_hit, 4);
        let bet = &report.benign_hits[0];
        assert_eq!((bet.at.line, bet.count), (2, 3));
        assert!(!bet.only_fuzzy, "`bet` fires as written");
        assert_eq!(bet.examples, ["a bet on it", "beeet", "another bet"]);
    }
}
