//! Tests of the export.

use super::*;
use crate::analytics::sink::DayCells;

/// A store holding given cells and day counts.
#[derive(Default)]
struct Fake {
    cells: Vec<(u32, String, u64)>,
    days: DayCells,
}

impl StatsSource for Fake {
    fn cells(&mut self, from: u32, to: u32) -> Result<Vec<(u32, String, u64)>, SinkError> {
        Ok(self.cells.iter().filter(|(h, _, _)| (from..=to).contains(h)).cloned().collect())
    }

    fn days(&mut self, from: u32, to: u32) -> Result<DayCells, SinkError> {
        Ok(self.days.iter().filter(|(d, _, _)| (from..=to).contains(d)).cloned().collect())
    }

    fn changes(&mut self) -> Result<Vec<Change>, SinkError> {
        Ok(Vec::new())
    }
}

impl Fake {
    /// Adds `n` of `metric` at `hour` for `variant` in `country`.
    fn cell(&mut self, hour: u32, metric: &str, variant: &str, country: &str, n: u64) -> &mut Self {
        let field = format!("{metric}|v1|fictional|00000000000000ff|{variant}|en|{country}|search");
        self.cells.push((hour, field, n));
        self
    }

    /// Adds `n` of the session metric `metric` on `day` in `arm`.
    fn day(&mut self, day: u32, metric: impl std::fmt::Display, arm: &str, n: u64) -> &mut Self {
        self.days.push((day, format!("{metric}|{arm}"), n));
        self
    }
}

/// Monday 2026-11-23, 00:00 UTC.
fn monday() -> u32 {
    parse_hour("2026-11-23").unwrap()
}

fn query(from_hour: u32, to_hour: u32, granularity: Granularity, by: &[&str]) -> StatsQuery {
    let by = by.iter().map(|b| (*b).to_owned()).collect();
    StatsQuery { from_hour, to_hour, granularity, by, k: 10, epsilon: None }
}

fn run(fake: &mut Fake, query: &StatsQuery) -> Export {
    export_with_key(fake, query, InForce::default(), &NoiseKey::new([7; 32])).unwrap()
}

/// Asserts that `line` (a total and its parts) does not hold exactly
/// one withheld count, which subtraction would give away.
fn assert_line(label: &str, line: &[Count]) {
    assert_ne!(line.iter().filter(|v| v.is_none()).count(), 1, "{label} reveals its withheld count: {line:?}");
}

/// Asserts every identity between the metrics of `counts`.
fn assert_identities(counts: &Counts) {
    let v = |m: Metric| counts.values[&m];
    assert_line("hits = warnings_shown + control", &[v(Metric::Hits), v(Metric::WarningsShown), v(Metric::Control)]);
    let helplines: Vec<Count> =
        std::iter::once(v(Metric::HelplineClicks)).chain(counts.helpline_clicks_by_id.values().copied()).collect();
    assert_line("helpline_clicks = Σ helplines", &helplines);
    let chat: Vec<Count> =
        std::iter::once(v(Metric::ChatbotChoices)).chain(counts.chatbot_choices_by_step.values().copied()).collect();
    assert_line("chatbot_choices = Σ steps", &chat);
}

/// Asserts every identity of every bucket, group and total of `export`.
fn assert_export_identities(export: &Export) {
    for bucket in std::iter::once(&export.totals).chain(&export.buckets) {
        std::iter::once(&bucket.counts).chain(&bucket.groups).for_each(assert_identities);
    }
}

/// The session row of `day` and `arm`.
fn session<'a>(export: &'a Export, day: &str, arm: &str) -> &'a SessionRow {
    export.sessions.iter().find(|r| r.day == day && r.arm == arm).unwrap()
}

#[test]
fn small_cells_and_their_complements_are_withheld() {
    // Two buckets × two groups: one small cell (3).
    let grid = Grid::new(vec![(Metric::Hits, vec![vec![3, 50], vec![40, 60]])], 2, 2);
    let withheld = protect(&grid.values, &grid.table_lines(), 10).withheld;
    let p = grid.publish(&withheld, &Noiser::new(None, &NoiseKey::new([0; 32])), |_| ((0, 1), Vec::new()));
    let at = |pos| p[grid.index(0, pos)];
    assert_eq!(at(Pos::Cell(0, 0)), None, "the small cell");
    // No line of the table has exactly one withheld value.
    use Pos::*;
    for line in [
        [Cell(0, 0), Cell(0, 1), Row(0)],
        [Cell(1, 0), Cell(1, 1), Row(1)],
        [Cell(0, 0), Cell(1, 0), Column(0)],
        [Cell(0, 1), Cell(1, 1), Column(1)],
        [Row(0), Row(1), Total],
        [Column(0), Column(1), Total],
    ] {
        assert_line("a line of the table", &line.map(at));
    }
}

#[test]
fn zeros_and_large_counts_are_published() {
    let grid = Grid::new(vec![(Metric::Hits, vec![vec![0, 10], vec![25, 0]])], 2, 2);
    let withheld = protect(&grid.values, &grid.table_lines(), 10).withheld;
    assert!(withheld.iter().all(|w| !w));
    let grid = Grid::new(vec![(Metric::Hits, vec![vec![3, 0]]), (Metric::Control, vec![vec![0, 0]])], 1, 2);
    let withheld = protect(&grid.values, &grid.table_lines(), 10).withheld;
    let zeros: Vec<bool> = (0..grid.values.len()).filter(|&i| grid.values[i] == 0).map(|i| withheld[i]).collect();
    assert!(!zeros.is_empty() && zeros.iter().all(|w| !w), "a zero is never withheld, even beside a small cell");
}

#[test]
fn hits_warnings_and_control_are_withheld_together() {
    let hour = monday() + 9;
    let mut fake = Fake::default();
    fake.cell(hour, "checks", "help-to-stop", "GB", 60)
        .cell(hour, "hits", "help-to-stop", "GB", 37)
        .cell(hour, "warnings_shown", "help-to-stop", "GB", 37)
        .cell(hour, "hits", "control", "GB", 3)
        .cell(hour, "control", "control", "GB", 3)
        .cell(hour, "checks", "help-to-stop", "NL", 50)
        .cell(hour, "hits", "help-to-stop", "NL", 30)
        .cell(hour, "warnings_shown", "help-to-stop", "NL", 30);
    let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &["country"]));
    let gb = export.totals.groups.iter().find(|g| g.group["country"] == "GB").unwrap();
    assert_eq!(gb.values[&Metric::Control], None, "3 < k");
    // hits − warnings_shown would give control away: one of them goes too.
    let members = |c: &Counts| {
        [Metric::Hits, Metric::WarningsShown, Metric::Control].iter().filter(|m| c.values[*m].is_none()).count()
    };
    assert!(members(gb) >= 2, "{gb:?}");
    assert!(members(&export.totals.counts) >= 2, "{:?}", export.totals.counts);
    assert_export_identities(&export);
    // Rates of withheld counts are withheld.
    for counts in std::iter::once(gb).chain([&export.totals.counts]) {
        if counts.values[&Metric::Hits].is_none() {
            assert_eq!(counts.hits_per_1000_checks, None);
        }
        if counts.values[&Metric::WarningsShown].is_none() {
            assert_eq!(counts.click_through_rate, None);
        }
    }
}

#[test]
fn helpline_clicks_and_their_helplines_are_withheld_together() {
    let hour = monday() + 9;
    let mut fake = Fake::default();
    fake.cell(hour, "warnings_shown", "help-to-stop", "GB", 400)
        .cell(hour, "helpline_clicks:north-line", "help-to-stop", "GB", 30)
        .cell(hour, "helpline_clicks:south-line", "help-to-stop", "GB", 4);
    let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &[]));
    let totals = &export.totals.counts;
    assert_eq!(totals.helpline_clicks_by_id["south-line"], None, "4 < k");
    let line = [totals.values[&Metric::HelplineClicks], totals.helpline_clicks_by_id["north-line"]];
    assert!(line.iter().any(Option::is_none), "the total or the other helpline goes too: {totals:?}");
    assert_export_identities(&export);
    if totals.values[&Metric::HelplineClicks].is_none() {
        assert_eq!(totals.click_through_rate, None);
    }
}

#[test]
fn chat_choices_and_their_steps_are_withheld_together() {
    let hour = monday() + 9;
    let mut fake = Fake::default();
    fake.cell(hour, "chatbot_choice:start:talk", "help-to-stop", "GB", 25).cell(
        hour,
        "chatbot_choice:start:leave",
        "help-to-stop",
        "GB",
        2,
    );
    let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &["country"]));
    for counts in [&export.totals.counts, &export.totals.groups[0], &export.buckets[0].counts] {
        assert_eq!(counts.chatbot_choices_by_step["start:leave"], None, "2 < k");
        let line = [counts.values[&Metric::ChatbotChoices], counts.chatbot_choices_by_step["start:talk"]];
        assert!(line.iter().any(Option::is_none), "{counts:?}");
        assert!(counts.suppressed.contains(&"chatbot_choice:start:leave".to_owned()));
    }
    assert_export_identities(&export);
}

/// Asserts the identities of every row of the sessions table.
fn assert_session_identities(export: &Export) {
    for row in &export.sessions {
        let v = |m: SessionMetric| row.values[&m];
        let label = format!("{} {}", row.day, row.arm);
        assert_line(&label, &[v(SessionMetric::Warned), v(SessionMetric::WarnedOnce), v(SessionMetric::WarnedAgain)]);
        if row.arm != "all" && row.arm != CONTROL_ARM {
            assert_line(&label, &[v(SessionMetric::WithHit), v(SessionMetric::Warned)]);
        }
        if row.arm == "all" {
            let control = export.sessions.iter().find(|r| r.day == row.day && r.arm == CONTROL_ARM);
            let control = control.map_or(Some(0), |r| r.values[&SessionMetric::WithHit]);
            assert_line(&label, &[v(SessionMetric::WithHit), v(SessionMetric::Warned), control]);
        }
        if v(SessionMetric::Warned).is_none() || v(SessionMetric::WarnedAgain).is_none() {
            assert_eq!(row.warned_again_share, None, "{label}");
        }
    }
}

#[test]
fn sessions_warned_once_and_again_are_withheld_together() {
    let day = monday() / 24;
    let mut fake = Fake::default();
    fake.day(day, SessionMetric::WithHit, "help-to-stop", 40).day(day, SessionMetric::Warned, "help-to-stop", 40).day(
        day,
        SessionMetric::WarnedAgain,
        "help-to-stop",
        3,
    );
    let export = run(&mut fake, &query(monday(), monday() + 23, Granularity::Day, &[]));
    for arm in ["help-to-stop", "all"] {
        for date in ["2026-11-23", "all"] {
            let row = session(&export, date, arm);
            assert_eq!(row.values[&SessionMetric::WarnedAgain], None, "3 < k");
            // warned − warned once would give it away: one of them goes too.
            assert!(
                row.values[&SessionMetric::Warned].is_none() || row.values[&SessionMetric::WarnedOnce].is_none(),
                "{row:?}"
            );
            assert_eq!(row.warned_again_share, None);
        }
    }
    assert_session_identities(&export);
}

#[test]
fn a_warning_arms_sessions_with_a_hit_are_withheld_with_its_warned_sessions() {
    let day = monday() / 24;
    // The second arm is small; complementary suppression picks the
    // control arm among sessions with a hit but the first arm among
    // warned sessions, which (equal by design) would give it away.
    let mut fake = Fake::default();
    fake.day(day, SessionMetric::WithHit, "help-to-stop", 50)
        .day(day, SessionMetric::Warned, "help-to-stop", 50)
        .day(day, SessionMetric::WarnedAgain, "help-to-stop", 20)
        .day(day, SessionMetric::WithHit, "talk-first", 3)
        .day(day, SessionMetric::Warned, "talk-first", 3)
        .day(day, SessionMetric::WithHit, CONTROL_ARM, 20);
    let export = run(&mut fake, &query(monday(), monday() + 23, Granularity::Day, &[]));
    let first = session(&export, "2026-11-23", "help-to-stop");
    assert_eq!(
        first.values[&SessionMetric::WithHit].is_none(),
        first.values[&SessionMetric::Warned].is_none(),
        "{first:?}"
    );
    assert_session_identities(&export);
    // A small control arm: all arms' sessions with a hit − warned would give it away.
    let mut fake = Fake::default();
    fake.day(day, SessionMetric::WithHit, "help-to-stop", 50)
        .day(day, SessionMetric::Warned, "help-to-stop", 50)
        .day(day, SessionMetric::WarnedAgain, "help-to-stop", 10)
        .day(day, SessionMetric::WithHit, CONTROL_ARM, 4);
    let export = run(&mut fake, &query(monday(), monday() + 23, Granularity::Day, &[]));
    assert_eq!(session(&export, "2026-11-23", CONTROL_ARM).values[&SessionMetric::WithHit], None);
    let all = session(&export, "2026-11-23", "all");
    assert!(all.values[&SessionMetric::WithHit].is_none() || all.values[&SessionMetric::Warned].is_none(), "{all:?}");
    assert_session_identities(&export);
}

#[test]
fn suppression_cascades_across_identities_and_tables_to_a_fixed_point() {
    // Only one count is small (the south line in the first hour). Its
    // own margins take the south line's second hour; the identity then
    // takes the north line in both hours.
    let hour = monday() + 9;
    let mut fake = Fake::default();
    fake.cell(hour, "helpline_clicks:north-line", "help-to-stop", "GB", 15)
        .cell(hour, "helpline_clicks:south-line", "help-to-stop", "GB", 3)
        .cell(hour + 1, "helpline_clicks:north-line", "help-to-stop", "GB", 60)
        .cell(hour + 1, "helpline_clicks:south-line", "help-to-stop", "GB", 20);
    let export = run(&mut fake, &query(hour, hour + 1, Granularity::Hour, &[]));
    let second = &export.buckets[1].counts;
    assert_eq!(second.helpline_clicks_by_id["south-line"], None, "20 ≥ k, withheld for the first hour's 3");
    assert_eq!(second.helpline_clicks_by_id["north-line"], None, "60 ≥ k, withheld for the line above");
    assert_export_identities(&export);
    // And every metric's buckets with its period total.
    let ids = ["north-line", "south-line"];
    for id in ids {
        let line: Vec<Count> =
            export.buckets.iter().chain([&export.totals]).map(|b| b.counts.helpline_clicks_by_id[id]).collect();
        assert_line(id, &line);
    }
}

#[test]
fn day_and_week_periods_are_whole_buckets() {
    let mut fake = Fake::default();
    fake.cell(monday() + 2, "checks", "", "GB", 100).cell(monday() + 2 * 24 + 20, "checks", "", "GB", 50);
    // From 05:00 on Monday to 03:00 on Wednesday: whole days.
    let export = run(&mut fake, &query(monday() + 5, monday() + 2 * 24 + 3, Granularity::Day, &[]));
    assert_eq!((export.from.as_str(), export.to.as_str()), ("2026-11-23T00:00:00Z", "2026-11-26T00:00:00Z"));
    assert_eq!(export.totals.counts.values[&Metric::Checks], Some(150));
    let week = run(&mut fake, &query(monday() + 2 * 24 + 3, monday() + 2 * 24 + 4, Granularity::Week, &[]));
    assert_eq!((week.from.as_str(), week.to.as_str()), ("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"));
    let hourly = run(&mut fake, &query(monday() + 5, monday() + 7, Granularity::Hour, &[]));
    assert_eq!(hourly.from, "2026-11-23T05:00:00Z", "hours are whole already");
    // The first hours of the epoch have no Monday before them in range.
    assert_eq!(Granularity::Week.snap(5, 6), (0, 4 * 24 - 1), "1970-01-01 to the first Monday");
    assert_eq!(Granularity::Week.snap(4 * 24, 4 * 24 + 1), (4 * 24, 11 * 24 - 1));
}

#[test]
fn a_withheld_bucket_is_not_revealed_by_the_period_total() {
    let mut fake = Fake::default();
    for (day, n) in [(0, 100), (1, 4), (2, 80)] {
        fake.cell(monday() + day * 24 + 9, "checks", "", "GB", n);
    }
    let export = run(&mut fake, &query(monday(), monday() + 3 * 24 - 1, Granularity::Day, &[]));
    assert_eq!(export.buckets[1].counts.values[&Metric::Checks], None, "4 < k");
    let line: Vec<Count> =
        export.buckets.iter().chain([&export.totals]).map(|b| b.counts.values[&Metric::Checks]).collect();
    assert_line("the buckets and the period total", &line);
}

#[test]
fn a_withheld_count_linking_withheld_groups_cannot_be_solved_for() {
    // days × countries (GB, NL, IE): with the local rule alone IE on day 2
    // (4) was 74 − 59 − (66 − 55), all published.
    let mut fake = Fake::default();
    for (day, counts) in [(0, [55, 10, 1]), (1, [1, 0, 4]), (2, [3, 0, 0])] {
        for (country, n) in ["GB", "NL", "IE"].into_iter().zip(counts) {
            if n > 0 {
                fake.cell(monday() + day * 24 + 9, "checks", "", country, n);
            }
        }
    }
    let export = run(&mut fake, &query(monday(), monday() + 3 * 24 - 1, Granularity::Day, &["country"]));
    let group = |counts: &[Counts], country: &str| {
        counts.iter().find(|c| c.group["country"] == country).and_then(|c| c.values[&Metric::Checks])
    };
    assert_eq!(group(&export.buckets[1].groups, "IE"), None, "4 < k");
    // The route also relies on the zeros of NL on days 2 and 3 and of IE
    // on day 3: withholding any of the seven counts closes it.
    let route = [
        export.totals.counts.values[&Metric::Checks],
        group(&export.totals.groups, "GB"),
        export.buckets[0].counts.values[&Metric::Checks],
        group(&export.buckets[0].groups, "GB"),
        group(&export.buckets[1].groups, "NL"),
        group(&export.buckets[2].groups, "NL"),
        group(&export.buckets[2].groups, "IE"),
    ];
    assert!(route.iter().any(Option::is_none), "74 − 59 − (66 − 55) is not computable: {route:?}");
}

/// A store with enough counts that noise shows.
fn busy() -> Fake {
    let mut fake = Fake::default();
    for hour in 0..48 {
        fake.cell(monday() + hour, "checks", "", "GB", 500 + u64::from(hour))
            .cell(monday() + hour, "hits", "help-to-stop", "GB", 40)
            .cell(monday() + hour, "warnings_shown", "help-to-stop", "GB", 40);
    }
    fake.day(monday() / 24, SessionMetric::WithHit, "help-to-stop", 300).day(monday() / 24, "unique_sessions", "", 900);
    fake
}

#[test]
fn widening_the_period_over_empty_hours_gives_no_fresh_noise() {
    let noisy =
        |from: u32, to: u32| StatsQuery { epsilon: Some(0.5), ..query(from, to, Granularity::Hour, &["country"]) };
    let tight = run(&mut busy(), &noisy(monday(), monday() + 47));
    let plain = run(&mut busy(), &StatsQuery { epsilon: None, ..noisy(monday(), monday() + 47) });
    assert_ne!(tight.totals.counts.values, plain.totals.counts.values, "noise was added");
    for (from, to) in
        [(monday() - 24 * 30, monday() + 47), (monday(), monday() + 24 * 60), (monday() - 5, monday() + 99)]
    {
        let wide = run(&mut busy(), &noisy(from, to));
        assert_eq!(wide.totals.counts.values, tight.totals.counts.values, "{from}..{to}");
        assert_eq!(wide.totals.groups[0].values, tight.totals.groups[0].values);
        let sessions = |e: &Export| e.sessions.iter().map(|r| r.values.clone()).collect::<Vec<_>>();
        assert_eq!(sessions(&wide), sessions(&tight));
    }
}

#[test]
fn repeated_exports_give_the_same_noisy_answers() {
    let query = StatsQuery { epsilon: Some(0.5), ..query(monday(), monday() + 47, Granularity::Hour, &["country"]) };
    let key = NoiseKey::new([1; 32]);
    let answer = |key: &NoiseKey| {
        let exported = export_with_key(&mut busy(), &query, InForce::default(), key).unwrap();
        serde_json::to_value(exported).unwrap()
    };
    let first = answer(&key);
    assert_eq!(first, answer(&key), "the same question, the same answer");
    assert_ne!(first, answer(&NoiseKey::new([2; 32])), "another key, other noise");
    let plain = serde_json::to_value(run(&mut busy(), &StatsQuery { epsilon: None, ..query.clone() })).unwrap();
    assert_ne!(first["buckets"], plain["buckets"], "noise was added");
    // Rates follow the published counts, not the true ones.
    let exported = export_with_key(&mut busy(), &query, InForce::default(), &key).unwrap();
    for bucket in &exported.buckets {
        let (hits, checks) =
            (bucket.counts.values[&Metric::Hits].unwrap(), bucket.counts.values[&Metric::Checks].unwrap());
        assert_eq!(bucket.counts.hits_per_1000_checks, Some(round(hits as f64 * 1000.0 / checks as f64)));
    }
}

#[test]
fn different_counts_get_different_noise() {
    let noiser = Noiser::new(Some(1.0), &NoiseKey::new([3; 32]));
    let gb = [("country".to_owned(), "GB".to_owned())];
    let nl = [("country".to_owned(), "NL".to_owned())];
    let base = CellId { metric: "hits", start: 10, end: 11, group: &gb };
    let noise = |id: &CellId<'_>, value| noiser.noise(id, value).unwrap();
    let others = [
        noise(&CellId { metric: "checks", ..base }, 100),
        noise(&CellId { start: 11, end: 12, ..base }, 100),
        noise(&CellId { end: 12, ..base }, 100),
        noise(&CellId { group: &nl, ..base }, 100),
        noise(&CellId { group: &[], ..base }, 100),
        noise(&base, 101),
    ];
    for other in others {
        assert_ne!(noise(&base, 100), other);
    }
    assert_eq!(noise(&base, 100), noise(&CellId { group: &gb.clone(), ..base }, 100), "the same count");
}

#[test]
fn noise_spread_is_about_the_scale() {
    let noiser = Noiser::new(Some(0.5), &NoiseKey::new([4; 32]));
    let values: Vec<f64> = (0..4000)
        .map(|hour| {
            let id = CellId { metric: "checks", start: hour, end: hour + 1, group: &[] };
            noiser.apply(&id, 1000) as f64 - 1000.0
        })
        .collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let spread = values.iter().map(|v| v.abs()).sum::<f64>() / values.len() as f64;
    assert!(mean.abs() < 0.2, "mean {mean}");
    assert!((spread - 2.0).abs() < 0.2, "mean absolute deviation {spread}, scale 2");
}

#[test]
fn checks_of_a_group_of_hits_do_not_give_its_withheld_hits_away() {
    // Checks that did not match carry no variant; in a variant's group
    // every check is a hit. Total hits 43 − help-to-stop's 40 checks
    // would give control's 3 hits.
    let hour = monday() + 9;
    let mut fake = Fake::default();
    fake.cells.push((hour, "checks|v1||||en|GB|search".into(), 20));
    fake.cell(hour, "checks", "help-to-stop", "GB", 40)
        .cell(hour, "hits", "help-to-stop", "GB", 40)
        .cell(hour, "warnings_shown", "help-to-stop", "GB", 40)
        .cell(hour, "checks", "control", "GB", 3)
        .cell(hour, "hits", "control", "GB", 3)
        .cell(hour, "control", "control", "GB", 3);
    let export = run(&mut fake, &query(hour, hour, Granularity::Hour, &["variant"]));
    for group in &export.totals.groups {
        let (hits, checks) = (group.values[&Metric::Hits], group.values[&Metric::Checks]);
        if group.group["variant"].is_empty() {
            continue;
        }
        assert_eq!(hits.is_none(), checks.is_none(), "checks = hits in {:?}", group.group);
    }
    let control = export.totals.groups.iter().find(|g| g.group["variant"] == "control").unwrap();
    assert_eq!(control.values[&Metric::Hits], None);
    let hits = export.totals.counts.values[&Metric::Hits];
    let others: Option<u64> = export
        .totals
        .groups
        .iter()
        .filter(|g| g.group["variant"] != "control")
        .map(|g| if g.group["variant"].is_empty() { Some(0) } else { g.values[&Metric::Checks] })
        .sum();
    assert!(hits.is_none() || others.is_none(), "total hits minus the other groups' checks");
}

fn group<'a>(bucket: &'a Bucket, dimension: &str, value: &str) -> &'a Counts {
    bucket.groups.iter().find(|g| g.group.get(dimension).map(String::as_str) == Some(value)).unwrap()
}

#[test]
fn a_withheld_zero_beside_a_published_zero_sum_protects_nothing() {
    // A reviewer's case: y at 03:00 in the group without a variant was
    // withheld as a zero complement while its line's sum was published
    // as 0, so it was known, and y at 02:00 (2 clicks) followed.
    let m = monday();
    let mut fake = Fake::default();
    fake.cell(m, "helpline_clicks:x", "a", "GB", 7).cell(m, "helpline_clicks:y", "a", "GB", 7);
    fake.cell(m + 2, "checks", "", "GB", 25);
    fake.cell(m + 2, "helpline_clicks:y", "a", "GB", 2).cell(m + 2, "helpline_clicks:z", "a", "GB", 5);
    fake.cell(m + 3, "helpline_clicks:z", "a", "GB", 5);
    let export = run(&mut fake, &query(m, m + 3, Granularity::Hour, &["variant"]));
    let id = |c: &Counts, h: &str| c.helpline_clicks_by_id[h];
    let clicks = |c: &Counts| c.values[&Metric::HelplineClicks];
    let (total, b0, b2, b3) = (&export.totals, &export.buckets[0], &export.buckets[1], &export.buckets[2]);
    assert_eq!(id(&b2.counts, "y"), None, "2 clicks are withheld");
    let recovered = (|| {
        let y3 = id(group(b3, "variant", "a"), "y")?;
        Some(
            (clicks(&total.counts)? - id(&total.counts, "z")?)
                - (clicks(&b0.counts)? - id(&b0.counts, "z")?)
                - id(&b2.counts, "x")?
                - id(&b3.counts, "x")?
                - y3,
        )
    })();
    assert_eq!(recovered, None, "the path to y at 02:00 is cut");
}

#[test]
fn hits_in_the_group_of_checks_that_matched_nothing_are_known_zeros() {
    // A reviewer's case: every hits count was withheld, those of the
    // group without a variant (zero by construction) too, and day 3's
    // 8 hits followed from published checks.
    let m = monday();
    let mut fake = Fake::default();
    for (day, variant, n) in [(0, "a", 31), (0, "b", 2), (2, "b", 8)] {
        let hour = m + 24 * day + 1;
        fake.cell(hour, "checks", variant, "GB", n).cell(hour, "hits", variant, "GB", n).cell(
            hour,
            "warnings_shown",
            variant,
            "GB",
            n,
        );
    }
    fake.cell(m + 25, "checks", "", "GB", 6).cell(m + 49, "checks", "", "GB", 17);
    // Published, not refused: a partner further away protects the 8.
    let export = run(&mut fake, &query(m, m + 71, Granularity::Day, &["variant"]));
    let v = |c: &Counts, k: Metric| c.values[&k];
    let (total, d1, d2, d3) = (&export.totals, &export.buckets[0], &export.buckets[1], &export.buckets[2]);
    for bucket in [d1, d2, d3] {
        assert_eq!(v(group(bucket, "variant", ""), Metric::Hits), Some(0), "a known zero is published");
    }
    assert_eq!(v(&d3.counts, Metric::Hits), None);
    let recovered = (|| {
        let hits_total = v(&total.counts, Metric::Checks)? - v(group(total, "variant", ""), Metric::Checks)?;
        let hits_d1 = v(&d1.counts, Metric::Checks)? - v(group(d1, "variant", ""), Metric::Checks)?;
        let hits_d2 = v(group(d2, "variant", "a"), Metric::Hits)? + v(group(d2, "variant", "b"), Metric::Hits)?;
        Some(hits_total - hits_d1 - hits_d2)
    })();
    assert_ne!(recovered, Some(8), "day 3's hits stay withheld");
}

#[test]
fn weeks_start_on_monday() {
    // 2026-11-26 is a Thursday; its week starts on Monday 2026-11-23.
    let thursday = parse_hour("2026-11-26").unwrap() + 5;
    assert_eq!(hour_to_rfc3339(Granularity::Week.bucket_of(thursday)), "2026-11-23T00:00:00Z");
    assert_eq!(hour_to_rfc3339(Granularity::Day.bucket_of(thursday)), "2026-11-26T00:00:00Z");
    assert_eq!(day_to_date(parse_hour("2026-11-26T13:10:00Z").unwrap() / 24), "2026-11-26");
    assert_eq!(parse_hour("26/11/2026"), None);
}
