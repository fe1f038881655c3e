//! The independent evaluation: corpora nobody who wrote the matcher wrote.
//!
//! - `tests/blind/data/`: a generator written blind (by a helper that never
//!   read `src/normalize` or `src/keywords`, from a brief listing disguise
//!   classes): a 10k and a 100k list of fictional entries, age rules,
//!   disguised positives per class, generated innocent queries per class.
//! - `tests/blind/realtext/`: real text from named, licensed sources (word
//!   lists of 16 languages with inflected forms, prose, identifiers; see
//!   its `SOURCES.md`), none of it written here.
//!
//! Each test prints its table (`--nocapture`) and asserts a floor per
//! class: the figures measured when the floor was set, rounded down, so a
//! regression fails. The targets (recall ≥ 99.5% per class, masked
//! and transliteration ≥ 95%, false positives ≤ 0.02% per real-text source)
//! are printed beside them; where a floor is below its target, the README
//! says so.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use signpost::keywords::{Dictionary, KeywordList, Matcher, lint_dictionary, lint_lists};

fn dir(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind").join(part)
}

/// A blind list compiled, with the places of its entries that `signpost
/// lint` reports as `dictionary-word` (entries that are themselves ordinary
/// words: they fire on innocent text as written, whatever the matcher does).
struct Blind {
    matcher: Matcher,
    dictionary_words: HashSet<(String, u32)>,
}

fn blind(list: &str) -> Blind {
    let mut lists = Vec::new();
    for file in [list, "rules.txt"] {
        let path = dir("data").join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        lists.push(KeywordList::parse(file, &bytes).unwrap_or_else(|e| panic!("{e}")));
    }
    let mut report = lint_lists(&lists);
    lint_dictionary(&mut report, &lists, &Dictionary::builtin());
    let dictionary_words =
        report.findings.into_iter().filter(|f| f.kind == "dictionary-word").map(|f| (f.at.file, f.at.line)).collect();
    let matcher = Matcher::builder().lists(lists).build().unwrap_or_else(|e| panic!("{e}"));
    Blind { matcher, dictionary_words }
}

static MATCHER_10K: LazyLock<Blind> = LazyLock::new(|| blind("list-10k.txt"));
static MATCHER_100K: LazyLock<Blind> = LazyLock::new(|| blind("list-100k.txt"));

/// One JSON line of the blind corpus.
#[derive(serde::Deserialize)]
struct Case {
    class: String,
    query: String,
}

fn cases(file: &str) -> Vec<Case> {
    let path = dir("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}: {e}: {line}"))).collect()
}

static POSITIVES: LazyLock<Vec<Case>> = LazyLock::new(|| cases("positives.jsonl"));
static INNOCENTS: LazyLock<Vec<Case>> = LazyLock::new(|| cases("innocents.jsonl"));

/// The real-text innocent sets: (file stem, lines).
static REAL_TEXT: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    let mut sets = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir("realtext"))
        .expect("tests/blind/realtext")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_owned();
        sets.push((stem, text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect()));
    }
    sets
});

/// Recall floors per class: (class, floor at 10k, floor at 100k, target).
/// Classes not named here have the floor 99.5% at both sizes. Set from the
/// figures measured in December 2026, rounded down; below the target
/// where the README says so.
const RECALL_FLOORS: &[(&str, f64, f64, f64)] = &[
    ("compat", 0.995, 0.995, 0.995),
    ("masked", 0.995, 0.995, 0.95),
    ("split", 0.985, 0.985, 0.995),
    ("translit-cyr2lat", 0.98, 0.98, 0.95),
    ("translit-lat2cyr", 0.97, 0.97, 0.95),
];

/// The floor of `class` in `floors`, or the default.
fn floor_of(floors: &[(&str, f64, f64, f64)], class: &str, large: bool, default: f64) -> (f64, f64) {
    floors
        .iter()
        .find(|(name, ..)| *name == class)
        .map(|&(_, small, big, target)| (if large { big } else { small }, target))
        .unwrap_or((default, 0.995))
}

fn recall(matcher: &Matcher, large: bool) {
    let mut by_class: BTreeMap<&str, (usize, Vec<&str>)> = BTreeMap::new();
    for case in POSITIVES.iter() {
        let entry = by_class.entry(case.class.as_str()).or_default();
        entry.0 += 1;
        if !matcher.check(&case.query).is_hit() {
            entry.1.push(&case.query);
        }
    }
    let mut table = String::from("| class | recall | missed / total | floor | target |\n|---|---:|---:|---:|---:|\n");
    let mut failures = Vec::new();
    for (class, (total, missed)) in &by_class {
        let rate = 1.0 - missed.len() as f64 / *total as f64;
        let (floor, target) = floor_of(RECALL_FLOORS, class, large, 0.995);
        table.push_str(&format!(
            "| {class} | {:.1}% | {}/{} | {:.1}% | {:.1}% |\n",
            rate * 100.0,
            missed.len(),
            total,
            floor * 100.0,
            target * 100.0
        ));
        if rate < floor {
            let examples: Vec<String> = missed.iter().take(8).map(|q| format!("    {q:?}")).collect();
            failures.push(format!(
                "{class}: {:.2}% < floor {:.1}%\n{}",
                rate * 100.0,
                floor * 100.0,
                examples.join("\n")
            ));
        }
    }
    println!("blind recall ({} list):\n{table}", if large { "100k" } else { "10k" });
    assert!(failures.is_empty(), "{}\n\n{table}", failures.join("\n"));
}

/// Most false positives allowed per generated innocent class and per real
/// text source: (class, ceiling at 10k, ceiling at 100k). Others: 0.05% per
/// generated class, 0.02% per real-text source (the targets). Set from the
/// hits measured in December 2026 (one hit in 3,000 words is 0.033%).
const FP_CEILINGS: &[(&str, f64, f64)] = &[
    ("identifiers", 0.0002, 0.0004),
    ("words-bg", 0.0002, 0.0004),
    ("words-en", 0.0002, 0.0004),
    ("words-fr", 0.0002, 0.0004),
    ("words-nl", 0.0002, 0.0007),
    ("words-nn", 0.0002, 0.0007),
    ("words-pl", 0.0002, 0.0004),
];

/// Counts the hits on innocent sets. A hit made only by entries that
/// `signpost lint` reports as `dictionary-word`, each found as written
/// (`plain`), is the list's (the entry is an ordinary word, written as such
/// in the text) and is counted apart; the ceilings hold for the others, the
/// matcher's own.
fn false_positives<'a>(
    blind: &Blind,
    large: bool,
    title: &str,
    sets: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
    default_ceiling: f64,
) {
    let matcher = &blind.matcher;
    let mut table = String::from(
        "| source | false positives | hits / total | of them by entries that are words (lint) | ceiling |\n\
         |---|---:|---:|---:|---:|\n",
    );
    let mut failures = Vec::new();
    let (mut all_hits, mut all_words, mut all_total) = (0usize, 0usize, 0usize);
    for (name, queries) in sets {
        let (mut hits, mut by_words) = (Vec::new(), 0usize);
        for query in queries.iter().copied().filter(|q| matcher.check(q).is_hit()) {
            let explained = matcher.explain(query);
            // Only an entry found as written (`plain`) is the list's: a
            // fuzzy reading of it reaching an ordinary word is the matcher's.
            let only_words = explained
                .iter()
                .filter(|e| !e.vetoed)
                .all(|e| e.via.contains(&"plain") && blind.dictionary_words.contains(&(e.source.clone(), e.line)));
            if only_words {
                by_words += 1;
            } else {
                let via: Vec<String> = explained.iter().filter(|e| !e.vetoed).map(|e| e.via.join("+")).collect();
                hits.push(format!("    {query:?} via {}", via.join(", ")));
            }
        }
        let rate = hits.len() as f64 / queries.len().max(1) as f64;
        let ceiling = FP_CEILINGS
            .iter()
            .find(|(class, ..)| *class == name)
            .map_or(default_ceiling, |&(_, small, big)| if large { big } else { small });
        all_hits += hits.len();
        all_words += by_words;
        all_total += queries.len();
        table.push_str(&format!(
            "| {name} | {:.3}% | {}/{} | {by_words} | {:.3}% |\n",
            rate * 100.0,
            hits.len(),
            queries.len(),
            ceiling * 100.0
        ));
        if rate > ceiling {
            failures.push(format!(
                "{name}: {:.3}% > {:.3}%\n{}",
                rate * 100.0,
                ceiling * 100.0,
                hits.iter().take(8).cloned().collect::<Vec<_>>().join("\n")
            ));
        }
    }
    table.push_str(&format!(
        "| all | {:.3}% | {all_hits}/{all_total} | {all_words} | |\n",
        all_hits as f64 / all_total.max(1) as f64 * 100.0
    ));
    println!("{title} ({} list):\n{table}", if large { "100k" } else { "10k" });
    assert!(failures.is_empty(), "{}\n\n{table}", failures.join("\n"));
}

fn generated_innocents(blind: &Blind, large: bool) {
    let mut by_class: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for case in INNOCENTS.iter() {
        by_class.entry(case.class.as_str()).or_default().push(&case.query);
    }
    false_positives(blind, large, "blind generated innocents", by_class, 0.0005);
}

fn real_text(blind: &Blind, large: bool) {
    let sets = REAL_TEXT.iter().map(|(name, lines)| (name.as_str(), lines.iter().map(String::as_str).collect()));
    false_positives(blind, large, "real text", sets, 0.0002);
}

#[test]
fn blind_recall_per_class_10k() {
    recall(&MATCHER_10K.matcher, false);
}

#[test]
fn blind_recall_per_class_100k() {
    recall(&MATCHER_100K.matcher, true);
}

#[test]
fn blind_innocents_10k() {
    generated_innocents(&MATCHER_10K, false);
}

#[test]
fn blind_innocents_100k() {
    generated_innocents(&MATCHER_100K, true);
}

#[test]
fn real_text_innocents_10k() {
    real_text(&MATCHER_10K, false);
}

#[test]
fn real_text_innocents_100k() {
    real_text(&MATCHER_100K, true);
}

#[test]
fn the_blind_corpus_is_all_there() {
    assert!(POSITIVES.len() >= 5_000, "{} positives", POSITIVES.len());
    assert!(INNOCENTS.len() >= 20_000, "{} innocents", INNOCENTS.len());
    let words = REAL_TEXT.iter().filter(|(name, _)| name.starts_with("words-")).count();
    assert!(words >= 12, "{words} word lists");
    assert!(REAL_TEXT.iter().any(|(name, _)| name == "prose-en"), "English prose");
}
