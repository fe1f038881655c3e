//! Session outcomes per day and arm: the counts, their grid and rows.

use super::*;

/// Stored session counts: day → arm → metric → count.
pub(super) type SessionCounts = BTreeMap<u32, BTreeMap<String, BTreeMap<SessionMetric, u64>>>;

/// Session outcomes (days × arms, protected) and unique sessions per day.
pub(super) fn sessions(
    source: &mut dyn StatsSource,
    query: &StatsQuery,
    noiser: &Noiser,
) -> Result<(Vec<SessionRow>, Vec<UniqueRow>, bool), ExportError> {
    let from_day = query.from_hour / 24;
    let to_day = query.to_hour / 24;
    let mut by_day: SessionCounts = BTreeMap::new();
    let mut uniques: BTreeMap<u32, u64> = BTreeMap::new();
    for (day, field, n) in source.days(from_day, to_day)? {
        if field == "unique_sessions" {
            uniques.insert(day, n);
            continue;
        }
        let Some((metric, arm)) = field.split_once('|') else { continue };
        let Some(metric) = SessionMetric::parse_stored(metric) else { continue };
        *by_day.entry(day).or_default().entry(arm.to_owned()).or_default().entry(metric).or_default() += n;
    }
    let arms: BTreeSet<String> = by_day.values().flat_map(|a| a.keys().cloned()).collect();
    let arms: Vec<String> = arms.into_iter().collect();
    let days: Vec<u32> = by_day.keys().copied().collect();
    let grid = session_grid(&by_day, &days, &arms);
    let mut lines = grid.table_lines();
    lines.extend(grid.identity_lines(&SessionMetric::Warned, &[SessionMetric::WarnedOnce, SessionMetric::WarnedAgain]));
    lines.extend(arm_lines(&grid, &arms));
    let protection = protect(&grid.values, &lines, query.k);
    let withheld = &protection.withheld;
    // Keyed by the days that hold data (see `hourly`).
    let period = match (days.first(), days.last()) {
        (Some(&first), Some(&last)) => (first * 24, (last + 1) * 24),
        _ => (from_day * 24, (to_day + 1) * 24),
    };
    let arm_pairs: Vec<Vec<(String, String)>> = arms.iter().map(|a| vec![("arm".to_owned(), a.clone())]).collect();
    let published = grid.publish(withheld, noiser, |pos| match pos {
        Pos::Cell(d, a) => ((days[d] * 24, days[d] * 24 + 24), arm_pairs[a].clone()),
        Pos::Row(d) => ((days[d] * 24, days[d] * 24 + 24), Vec::new()),
        Pos::Column(a) => (period, arm_pairs[a].clone()),
        Pos::Total => (period, Vec::new()),
    });
    let row_of = |day: String, arm: &str, pos: Pos| session_row(&grid, &published, day, arm, pos);
    let mut rows = Vec::new();
    for (d, day) in days.iter().enumerate() {
        for (a, arm) in arms.iter().enumerate() {
            rows.push(row_of(day_to_date(*day), arm, Pos::Cell(d, a)));
        }
    }
    for (d, day) in days.iter().enumerate() {
        rows.push(row_of(day_to_date(*day), "all", Pos::Row(d)));
    }
    for (a, arm) in arms.iter().enumerate() {
        rows.push(row_of("all".to_owned(), arm, Pos::Column(a)));
    }
    if !days.is_empty() {
        rows.push(row_of("all".to_owned(), "all", Pos::Total));
    }
    let unique_rows = uniques
        .into_iter()
        .map(|(day, n)| {
            let id = CellId { metric: "unique_sessions", start: day * 24, end: day * 24 + 24, group: &[] };
            UniqueRow {
                day: day_to_date(day),
                unique_sessions: if n > 0 && n < query.k { None } else { Some(noiser.apply(&id, n)) },
            }
        })
        .collect();
    Ok((rows, unique_rows, protection.audited))
}

/// The sessions table: every session metric over days × arms
/// (`sessions_warned_once` = warned − warned again).
pub(super) fn session_grid(by_day: &SessionCounts, days: &[u32], arms: &[String]) -> Grid<SessionMetric> {
    let matrices = SessionMetric::ALL
        .into_iter()
        .map(|metric| {
            let matrix = days
                .iter()
                .map(|d| {
                    arms.iter()
                        .map(|a| {
                            let values = by_day.get(d).and_then(|x| x.get(a));
                            let get = |m: SessionMetric| values.and_then(|v| v.get(&m)).copied().unwrap_or(0);
                            if metric == SessionMetric::WarnedOnce {
                                get(SessionMetric::Warned).saturating_sub(get(SessionMetric::WarnedAgain))
                            } else {
                                get(metric)
                            }
                        })
                        .collect()
                })
                .collect();
            (metric, matrix)
        })
        .collect();
    Grid::new(matrices, days.len(), arms.len())
}

/// The lines that hold by design between sessions with a hit and sessions
/// warned: a warning arm warns every hit and the control arm none, so
/// `sessions_with_hit = sessions_warned` for a warning arm (per day and for
/// the period), and for all arms `sessions_with_hit = sessions_warned +
/// sessions_with_hit` of the control arm.
pub(super) fn arm_lines(grid: &Grid<SessionMetric>, arms: &[String]) -> Vec<Vec<usize>> {
    let (Some(hit), Some(warned)) = (grid.metric(&SessionMetric::WithHit), grid.metric(&SessionMetric::Warned)) else {
        return Vec::new();
    };
    let control = arms.iter().position(|a| a == CONTROL_ARM);
    // The sum (sessions with a hit) goes last.
    let pair = |pos: Pos| vec![grid.index(warned, pos), grid.index(hit, pos)];
    grid.positions()
        .into_iter()
        .filter_map(|pos| match pos {
            Pos::Cell(_, a) | Pos::Column(a) => (Some(a) != control).then(|| pair(pos)),
            Pos::Row(d) => {
                Some(control.map(|c| grid.index(hit, Pos::Cell(d, c))).into_iter().chain(pair(pos)).collect())
            }
            Pos::Total => Some(control.map(|c| grid.index(hit, Pos::Column(c))).into_iter().chain(pair(pos)).collect()),
        })
        .collect()
}

/// One row of the sessions table at `pos`.
pub(super) fn session_row(
    grid: &Grid<SessionMetric>,
    published: &[Count],
    day: String,
    arm: &str,
    pos: Pos,
) -> SessionRow {
    let mut values = BTreeMap::new();
    for metric in SessionMetric::ALL {
        values.insert(metric, grid.metric(&metric).and_then(|m| published[grid.index(m, pos)]));
    }
    let warned_again_share = match (values[&SessionMetric::WarnedAgain], values[&SessionMetric::Warned]) {
        (Some(again), Some(warned)) if warned > 0 => Some(round(again as f64 / warned as f64)),
        _ => None,
    };
    let suppressed = values.iter().filter(|(_, v)| v.is_none()).map(|(m, _)| m.name().to_owned()).collect();
    SessionRow { day, arm: arm.to_owned(), values, warned_again_share, suppressed }
}
