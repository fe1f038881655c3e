//! Benchmarks of the hot path: checking benign queries and hits against
//! fictional lists of 1k, 10k and 100k entries (full normalisation
//! included), compiling those lists, and the memory of the compiled matcher.
//! A plain Aho-Corasick search over the raw query (no normalisation at all)
//! runs in the same process as the reference point.
//!
//! Run: `cargo bench --bench matcher` (one core; criterion reports
//! elements/s, i.e. queries per second). Memory is printed once per list
//! size before the timings.

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use signpost::keywords::{KeywordList, Matcher, demo_lists};
use signpost_corpus::{benign_queries, fictional_list, hit_queries};

const SIZES: &[usize] = &[1_000, 10_000, 100_000];
const QUERIES: usize = 20_000;

fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<usize>().ok()))
        .map_or(0, |pages| pages * 4096)
}

fn compile(list: &str) -> Matcher {
    let parsed = KeywordList::parse("bench.txt", list.as_bytes()).expect("the benchmark list parses");
    Matcher::builder().list(parsed).build().expect("the benchmark list compiles")
}

fn matchers() -> Vec<(usize, String, Matcher)> {
    SIZES
        .iter()
        .map(|&size| {
            let list = fictional_list(7, size);
            let before = resident_bytes();
            let matcher = compile(&list);
            let after = resident_bytes();
            eprintln!(
                "list {size:>6} entries: {:>7} patterns, matcher memory {:>6.1} MB (resident growth {:>6.1} MB)",
                matcher.patterns_len(),
                matcher.memory_usage() as f64 / 1e6,
                after.saturating_sub(before) as f64 / 1e6,
            );
            (size, list, matcher)
        })
        .collect()
}

fn checks(c: &mut Criterion) {
    let benign = benign_queries(11, QUERIES);
    let matchers = matchers();
    let mut group = c.benchmark_group("check_benign");
    group.throughput(Throughput::Elements(benign.len() as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    for (size, _, matcher) in &matchers {
        let hits = benign.iter().filter(|q| matcher.check(q).is_hit()).count();
        eprintln!("list {size:>6}: {hits} of {} benign queries hit", benign.len());
        group.bench_with_input(BenchmarkId::from_parameter(size), matcher, |b, matcher| {
            b.iter(|| benign.iter().filter(|q| matcher.check(black_box(q)).is_hit()).count())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check_hits");
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    for (size, list, matcher) in &matchers {
        let hits = hit_queries(13, list, 5_000);
        group.throughput(Throughput::Elements(hits.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), matcher, |b, matcher| {
            b.iter(|| hits.iter().filter(|q| matcher.check(black_box(q)).is_hit()).count())
        });
    }
    group.finish();

    // The embedded demo lists (what `signpost serve` runs with no
    // arguments): groups, an age pattern and rules, so every benign query
    // also goes through the age scan.
    let mut builder = Matcher::builder();
    for list in demo_lists().expect("the demo lists parse") {
        builder = builder.list(list);
    }
    let demo = builder.build().expect("the demo lists compile");
    let mut group = c.benchmark_group("check_benign_demo_lists");
    group.throughput(Throughput::Elements(benign.len() as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("demo", |b| b.iter(|| benign.iter().filter(|q| demo.check(black_box(q)).is_hit()).count()));
    group.finish();

    // The reference: Aho-Corasick over the raw query bytes, no folding at all.
    let mut group = c.benchmark_group("plain_aho_corasick_reference");
    group.throughput(Throughput::Elements(benign.len() as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    for (size, list, _) in &matchers {
        let terms: Vec<&str> = list
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('@') && !l.is_empty())
            .map(|l| l.trim_end_matches('*'))
            .collect();
        let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(&terms).expect("builds");
        group.bench_with_input(BenchmarkId::from_parameter(size), &automaton, |b, automaton| {
            b.iter(|| benign.iter().filter(|q| automaton.is_match(black_box(q.as_bytes()))).count())
        });
    }
    group.finish();
}

fn compiles(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for &size in SIZES {
        let list = fictional_list(7, size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &list, |b, list| b.iter(|| compile(black_box(list))));
    }
    group.finish();
}

criterion_group!(benches, checks, compiles);
criterion_main!(benches);
