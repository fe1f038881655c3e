//! Benchmark of the research export with disclosure control: stored cells
//! for a period, broken down by country at day granularity, aggregated,
//! protected (small cells, complements and the exact audit) and noised.
//! The cells are synthetic: a few large countries and many small ones, ten
//! metrics, so many cells fall under k and the audit has work to do.
//!
//! Run: `cargo bench --bench export`. Each case prints, once, how many
//! counts were withheld, or that the export was refused because its
//! withheld counts were linked too widely to audit in time.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use signpost::analytics::export::{
    Export, ExportError, Granularity, InForce, NoiseKey, StatsQuery, export_with_key, parse_hour,
};
use signpost::analytics::sink::{Change, DayCells, SinkError, StatsSource};

const METRICS: &[(&str, f64)] = &[
    ("checks", 1.0),
    ("hits", 0.05),
    ("warnings_shown", 0.04),
    ("control", 0.01),
    ("displayed", 0.03),
    ("chatbot_opened", 0.01),
    ("helpline_clicks:a", 0.003),
    ("helpline_clicks:b", 0.002),
    ("chatbot_choice:start:why", 0.005),
    ("chatbot_choice:start:help", 0.004),
];

/// Stored cells held in memory.
struct Cells(Vec<(u32, String, u64)>);

impl StatsSource for Cells {
    fn cells(&mut self, _: u32, _: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
        Ok(self.0.clone())
    }
    fn days(&mut self, _: u32, _: u32) -> Result<DayCells, SinkError> {
        Ok(Vec::new())
    }
    fn changes(&mut self) -> Result<Vec<Change>, SinkError> {
        Ok(Vec::new())
    }
}

fn cells(start: u32, days: u32, countries: u32) -> Vec<(u32, String, u64)> {
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut cells = Vec::new();
    for day in 0..days {
        for country in 0..countries {
            let size = 1 + (next() % 200) * if country < 5 { 50 } else { 1 };
            for (metric, share) in METRICS {
                let count = (size as f64 * share * (0.5 + (next() % 100) as f64 / 100.0)) as u64;
                if count > 0 {
                    let field = format!("{metric}|v1|fictional|00000000000000ff|help-to-stop|en|C{country}|search");
                    cells.push((start + day * 24 + 9, field, count));
                }
            }
        }
    }
    cells
}

fn export(source: &mut Cells, start: u32, days: u32) -> Result<Export, ExportError> {
    let query = StatsQuery {
        from_hour: start,
        to_hour: start + days * 24 - 1,
        granularity: Granularity::Day,
        by: vec!["country".into()],
        k: 10,
        epsilon: Some(1.0),
    };
    export_with_key(source, &query, InForce::default(), &NoiseKey::new([1; 32]))
}

fn bench_export(c: &mut Criterion) {
    let start = parse_hour("2026-01-01").expect("a valid date");
    let mut group = c.benchmark_group("export_by_country_daily");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (days, countries) in [(90, 40), (365, 40), (365, 200)] {
        let mut source = Cells(cells(start, days, countries));
        match export(&mut source, start, days) {
            Ok(sample) => {
                let withheld: usize = sample.buckets.iter().flat_map(|b| &b.groups).map(|g| g.suppressed.len()).sum();
                println!("{days} days × {countries} countries: {withheld} counts withheld");
            }
            Err(refused) => println!("{days} days × {countries} countries: refused ({refused})"),
        }
        group.bench_with_input(BenchmarkId::from_parameter(format!("{days}d_{countries}c")), &days, |b, &days| {
            b.iter(|| black_box(export(&mut source, start, days)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
