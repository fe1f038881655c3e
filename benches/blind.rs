//! The matcher on the independent evaluation data (`tests/blind/`): the
//! blind 10k and 100k lists of fictional entries with their age rules,
//! checking the blind corpus's generated innocent queries (~20 languages,
//! codes, URLs, ages) and, separately, the real-text lines (word lists of
//! 19 languages, prose, identifiers), and compiling the lists. A plain
//! Aho-Corasick search over the raw query bytes, no normalisation, runs on
//! the same lines as the reference point.
//!
//! Run: `cargo bench --bench blind` (one core; criterion reports elements/s,
//! i.e. queries per second). Memory is printed before the timings.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use signpost::keywords::{KeywordList, Matcher};

fn read(part: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind").join(part);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lists(name: &str) -> Vec<KeywordList> {
    [name, "rules.txt"]
        .iter()
        .map(|file| KeywordList::parse(file, read(&format!("data/{file}")).as_bytes()).expect("the blind list parses"))
        .collect()
}

/// The blind corpus's generated innocent queries (search queries in ~20
/// languages, codes, URLs, hashtags, ages).
fn innocent_queries() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Case {
        query: String,
    }
    read("data/innocents.jsonl")
        .lines()
        .map(|line| serde_json::from_str::<Case>(line).expect("a JSON line").query)
        .collect()
}

/// The real-text lines: words of 19 languages, prose, identifiers.
fn real_text() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind/realtext");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("realtext").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let mut lines = Vec::new();
    for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        lines.extend(std::fs::read_to_string(file).expect("text").lines().map(str::to_owned));
    }
    lines
}

fn checks(c: &mut Criterion) {
    let matchers: Vec<(&str, Matcher)> = ["list-10k.txt", "list-100k.txt"]
        .into_iter()
        .map(|name| {
            let matcher = Matcher::builder().lists(lists(name)).build().expect("the blind list compiles");
            eprintln!(
                "{name}: {} patterns, matcher memory {:.1} MB",
                matcher.patterns_len(),
                matcher.memory_usage() as f64 / 1e6
            );
            (name, matcher)
        })
        .collect();
    let terms: Vec<String> = read("data/list-10k.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with('@') && !l.trim().is_empty())
        .map(|l| l.split(" [").next().unwrap_or(l).to_owned())
        .collect();
    let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(&terms).expect("builds");
    for (group_name, mix) in [("blind_innocent_queries", innocent_queries()), ("real_text_lines", real_text())] {
        eprintln!(
            "{group_name}: {} lines, {:.0}% not pure ASCII, {:.1} bytes on average",
            mix.len(),
            mix.iter().filter(|q| !q.is_ascii()).count() as f64 * 100.0 / mix.len() as f64,
            mix.iter().map(String::len).sum::<usize>() as f64 / mix.len() as f64
        );
        let mut group = c.benchmark_group(group_name);
        group.throughput(Throughput::Elements(mix.len() as u64));
        group.sample_size(10).measurement_time(Duration::from_secs(8));
        for (name, matcher) in &matchers {
            group.bench_with_input(BenchmarkId::from_parameter(name), matcher, |b, matcher| {
                b.iter(|| mix.iter().filter(|q| matcher.check(black_box(q)).is_hit()).count())
            });
        }
        group.bench_function("plain_aho_corasick_10k", |b| {
            b.iter(|| mix.iter().filter(|q| automaton.is_match(black_box(q.as_bytes()))).count())
        });
        group.finish();
    }
}

fn compiles(c: &mut Criterion) {
    let mut group = c.benchmark_group("blind_compile");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    let big = lists("list-100k.txt");
    group.bench_function("list-100k.txt", |b| b.iter(|| Matcher::builder().lists(black_box(big.clone())).build()));
    group.finish();
}

criterion_group!(benches, checks, compiles);
criterion_main!(benches);
