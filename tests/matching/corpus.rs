//! The seeded corpus (fictional terms only, see `signpost_corpus`): recall
//! per evasion class, false positives per innocent class, innocent words that
//! contain a listed term, determinism, and the list's distance from the
//! innocent vocabulary.
//!
//! Targets (issue 2): recall ≥ 99.5% on every evasion class (one typo ≥ 95%),
//! false positives ≤ 0.05% of innocent queries, no hit at all on innocent
//! words that contain a whole-word entry. Failures list the class, the rate
//! and up to ten example queries (fictional, so safe to print). Run with
//! `--nocapture` to see the tables, and with `CORPUS_SEED=N` to try
//! another seed.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use signpost::keywords::{ItemBody, KeywordList, Matcher, Role, Shape};
use signpost::normalize::canonical;
use signpost_corpus::{self as corpus, BenignClass, Corpus, CorpusConfig, EvasionClass};

/// The corpus seed; `CORPUS_SEED=N` tries another one.
static SEED: LazyLock<u64> =
    LazyLock::new(|| std::env::var("CORPUS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(2026));

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| corpus::generate(*SEED, &CorpusConfig::default()));

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let list = KeywordList::parse("corpus.txt", CORPUS.list.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    Matcher::builder().list(list).build().unwrap_or_else(|e| panic!("{e}"))
});

fn target(class: EvasionClass) -> f64 {
    if class == EvasionClass::Typo { 0.95 } else { 0.995 }
}

/// How the matcher found `query`: the readings of each hit.
fn readings(query: &str) -> String {
    let found: Vec<String> = MATCHER
        .explain(query)
        .iter()
        .filter(|e| !e.vetoed)
        .map(|e| format!("line {} via {}", e.line, e.via.join("+")))
        .collect();
    found.join("; ")
}

#[test]
fn recall_per_evasion_class() {
    let mut by_class: BTreeMap<EvasionClass, (usize, Vec<String>)> = BTreeMap::new();
    for positive in &CORPUS.positives {
        let entry = by_class.entry(positive.class).or_default();
        entry.0 += 1;
        if !MATCHER.check(&positive.query).is_hit() {
            entry.1.push(format!("{:?} (listed: {:?})", positive.query, positive.term));
        }
    }
    let mut table = String::from("class            recall   missed/total\n");
    let mut failures = Vec::new();
    for class in EvasionClass::ALL {
        let Some((total, missed)) = by_class.get(&class) else {
            failures.push(format!("{}: no positives generated", class.name()));
            continue;
        };
        let recall = 1.0 - missed.len() as f64 / *total as f64;
        table.push_str(&format!("{:<16} {:>6.2}%  {}/{}\n", class.name(), recall * 100.0, missed.len(), total));
        if recall < target(class) {
            let examples: Vec<String> = missed.iter().take(10).map(|q| format!("    {q}")).collect();
            failures.push(format!(
                "{}: recall {:.2}% < {:.1}% ({} of {} missed), e.g.\n{}",
                class.name(),
                recall * 100.0,
                target(class) * 100.0,
                missed.len(),
                total,
                examples.join("\n")
            ));
        }
    }
    println!("{table}");
    assert!(failures.is_empty(), "recall below target:\n{}\n\n{table}", failures.join("\n"));
}

#[test]
fn false_positives_stay_below_one_in_two_thousand() {
    let mut by_class: BTreeMap<BenignClass, (usize, Vec<&str>)> = BTreeMap::new();
    for benign in &CORPUS.benign {
        let entry = by_class.entry(benign.class).or_default();
        entry.0 += 1;
        if MATCHER.check(&benign.query).is_hit() {
            entry.1.push(&benign.query);
        }
    }
    let mut table = String::from("class              FP rate  hits/total\n");
    let mut examples = Vec::new();
    for class in BenignClass::ALL {
        let Some((total, hits)) = by_class.get(&class) else { panic!("no benign queries of class {}", class.name()) };
        let rate = hits.len() as f64 / *total as f64;
        table.push_str(&format!("{:<18} {:>6.3}%  {}/{}\n", class.name(), rate * 100.0, hits.len(), total));
        for query in hits.iter().take(10) {
            examples.push(format!("    {}: {query:?} ({})", class.name(), readings(query)));
        }
    }
    let total = CORPUS.benign.len();
    let hits: usize = by_class.values().map(|(_, h)| h.len()).sum();
    let rate = hits as f64 / total as f64;
    table.push_str(&format!("{:<18} {:>6.3}%  {hits}/{total}\n", "all", rate * 100.0));
    println!("{table}");
    assert!(
        rate <= 0.0005,
        "false positives {:.3}% > 0.05% ({hits} of {total}):\n{}\n\n{table}",
        rate * 100.0,
        examples.join("\n")
    );
}

#[test]
fn innocent_words_containing_a_term_never_match() {
    assert!(CORPUS.containing.len() >= 200, "only {} containing words", CORPUS.containing.len());
    let hits: Vec<String> = CORPUS
        .containing
        .iter()
        .filter(|w| MATCHER.check(w).is_hit())
        .map(|w| format!("    {w:?} ({})", readings(w)))
        .collect();
    assert!(
        hits.is_empty(),
        "{} of {} innocent words containing a term match, e.g.\n{}",
        hits.len(),
        CORPUS.containing.len(),
        hits.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
    let small = CorpusConfig { terms: 80, positives_per_class: 20, benign_per_class: 30 };
    let a = corpus::generate(7, &small);
    assert_eq!(a, corpus::generate(7, &small));
    let b = corpus::generate(8, &small);
    assert_ne!(a.list, b.list);
    assert_ne!(a.positives, b.positives);
    assert_ne!(a.benign, b.benign);
    assert_eq!(corpus::fictional_list(3, 500), corpus::fictional_list(3, 500));
    assert_ne!(corpus::fictional_list(3, 500), corpus::fictional_list(4, 500));
    assert_eq!(corpus::benign_queries(3, 200), corpus::benign_queries(3, 200));
    assert_eq!(corpus::hit_queries(3, &a.list, 50), corpus::hit_queries(3, &a.list, 50));
}

#[test]
fn the_list_has_every_kind_of_entry() {
    let list = KeywordList::parse("corpus.txt", CORPUS.list.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let terms: Vec<(&str, bool, bool, Shape)> = list
        .items
        .iter()
        .filter_map(|i| match &i.body {
            ItemBody::Term { canonical, typo, any_order, shape, .. } => {
                Some((canonical.as_str(), *typo, *any_order, *shape))
            }
            _ => None,
        })
        .collect();
    assert!(terms.iter().any(|t| t.3 == Shape::Prefix), "prefix entries");
    assert!(terms.iter().filter(|t| t.1).count() >= 10, "typo entries");
    assert!(terms.iter().filter(|t| t.2).count() >= 10, "any-order entries");
    assert!(list.items.iter().any(|i| i.role == Role::Allow), "allow entries");
    assert!(terms.iter().any(|t| t.0.chars().count() == 3), "short terms");
    for script in [0x0400..0x0500, 0x0370..0x0400, 0x0600..0x0700, 0x4E00..0xA000, 0x3040..0x3100] {
        assert!(terms.iter().any(|t| t.0.chars().any(|c| script.contains(&(c as u32)))), "script {script:?}");
    }
}

#[test]
fn no_listed_term_collides_with_the_benign_vocabulary() {
    const SUFFIXES: &[&str] = &["s", "z", "es", "ing", "ings", "er", "ers"];
    let benign: HashSet<String> = corpus::benign_words()
        .iter()
        .flat_map(|w| canonical(w).split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let list = KeywordList::parse("corpus.txt", CORPUS.list.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let mut collisions = Vec::new();
    for item in list.items.iter().filter(|i| i.role != Role::Allow) {
        let ItemBody::Term { canonical: entry, typo, .. } = &item.body else { continue };
        for word in entry.split(' ') {
            let inflected = SUFFIXES.iter().any(|s| benign.contains(&format!("{word}{s}")))
                || SUFFIXES.iter().any(|s| word.strip_suffix(s).is_some_and(|stem| benign.contains(stem)));
            if benign.contains(word) || inflected {
                collisions.push(format!("line {}: {word:?}", item.line));
            }
            if *typo {
                if let Some(near) = benign.iter().find(|b| one_edit(word, b)) {
                    collisions.push(format!("line {}: {word:?} is one edit from {near:?}", item.line));
                }
            }
        }
    }
    assert!(collisions.is_empty(), "terms that collide with innocent words:\n{}", collisions.join("\n"));
}

/// Whether `a` and `b` are at most one substitution, insertion, deletion or
/// swap of neighbours apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    match (a.len() - prefix - suffix, b.len() - prefix - suffix) {
        (0, 0) | (1, 1) | (1, 0) | (0, 1) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    }
}
