//! Disclosure control for counts tied together by additive *lines*: a row of
//! a table and its sum, the buckets and the period total, the metrics of an
//! identity (`hits = warnings_shown + control`). In every line the **last
//! member is the sum of the others**.
//!
//! [`protect`] withholds every count from 1 to k−1, then withholds further
//! counts (complements) until no withheld count can be worked out from the
//! published ones: first by the local rule (no line may hold exactly one
//! withheld count), then by an exact audit that finds what any linear
//! combination of lines would reveal. The local rule alone is not enough: a
//! withheld count that links two groups of withheld counts can be solved
//! for by adding and subtracting several lines.
//!
//! The audit treats the withheld counts as unknowns of the line equations
//! (the published counts are known) and asks, for each, whether every
//! solution gives it the same value. That holds exactly when no vector of
//! the equations' null space moves it, so one random null-space vector
//! (computed modulo a large prime, so without rounding) decides every
//! unknown at once; a wrong answer has probability below 10⁻¹⁵. Equations
//! are solved per connected group of unknowns, within a work budget: a
//! group too large to solve in time leaves the export marked as not fully
//! audited rather than delaying it.
//!
//! Only exact disclosure is prevented: counts are never negative, so the
//! published counts can still narrow a withheld one to a range.

/// The outcome of [`protect`].
#[derive(Debug)]
pub(crate) struct Protection {
    /// `true` for every withheld count.
    pub withheld: Vec<bool>,
    /// Whether the final audit covered every withheld count (false when a
    /// group of linked counts exceeded the work budget).
    pub audited: bool,
}

/// Work units (entries touched by elimination) one audit may spend: about
/// a fifth of a second.
const AUDIT_BUDGET: u64 = 60_000_000;

/// Work units one connected group of withheld counts may spend.
const GROUP_BUDGET: u64 = 30_000_000;

/// Rounds of audit and further withholding before giving up.
const MAX_ROUNDS: usize = 64;

/// Withholds the counts of `values` from 1 to k−1 and the complements that
/// keep them from being worked out through `lines`.
pub(crate) fn protect(values: &[u64], lines: &[Vec<usize>], k: u64) -> Protection {
    protect_known(values, lines, k, &vec![false; values.len()])
}

/// [`protect`], where `fixed` marks zeros that everyone knows are zero
/// (hits in the group of checks that matched nothing): they are never
/// withheld, since withholding them would protect nothing.
pub(crate) fn protect_known(values: &[u64], lines: &[Vec<usize>], k: u64, fixed: &[bool]) -> Protection {
    protect_within(values, lines, k, AUDIT_BUDGET, fixed)
}

fn protect_within(values: &[u64], lines: &[Vec<usize>], k: u64, budget: u64, fixed: &[bool]) -> Protection {
    let mut withheld: Vec<bool> = values.iter().map(|&v| v > 0 && v < k).collect();
    if !withheld.iter().any(|&w| w) {
        return Protection { withheld, audited: true };
    }
    let lines_of = memberships(values.len(), lines);
    for _ in 0..MAX_ROUNDS {
        close_lines(values, lines, &mut withheld, k, fixed);
        let audit = audit(values, lines, &withheld, budget);
        if audit.determined.is_empty() {
            return Protection { withheld, audited: audit.complete };
        }
        let mut touched = vec![false; lines.len()];
        let mut added = false;
        for i in audit.determined {
            // One new complement per line and round: it may cover several
            // of the determined counts at once.
            if lines_of[i].iter().any(|&l| touched[l as usize]) {
                continue;
            }
            if let Some((line, partner)) = best_partner(values, lines, &lines_of[i], &withheld, fixed) {
                withheld[partner] = true;
                touched[line] = true;
                added = true;
            } else if let Some(partner) = wider_partner(values, lines, &lines_of, i, &withheld, fixed) {
                withheld[partner] = true;
                added = true;
            }
        }
        if !added {
            return Protection { withheld, audited: false };
        }
    }
    Protection { withheld, audited: false }
}

/// For every value, the lines it belongs to.
fn memberships(len: usize, lines: &[Vec<usize>]) -> Vec<Vec<u32>> {
    let mut of = vec![Vec::new(); len];
    for (l, line) in lines.iter().enumerate() {
        for &i in line {
            of[i].push(l as u32);
        }
    }
    of
}

/// The published member to withhold next in one of `candidates` (lines):
/// the smallest non-zero count, a zero only when a line has nothing else.
fn best_partner(
    values: &[u64],
    lines: &[Vec<usize>],
    candidates: &[u32],
    withheld: &[bool],
    fixed: &[bool],
) -> Option<(usize, usize)> {
    candidates
        .iter()
        .flat_map(|&l| lines[l as usize].iter().map(move |&i| (l as usize, i)))
        .filter(|&(_, i)| can_withhold(i, withheld, fixed))
        .min_by_key(|&(_, i)| partner_order(values, i))
}

/// Whether the count `i` may be withheld next: published, and not a zero
/// everyone knows.
fn can_withhold(i: usize, withheld: &[bool], fixed: &[bool]) -> bool {
    !withheld[i] && !fixed[i]
}

/// The order in which partners are preferred: non-zero before zero, then
/// the smallest (it costs researchers the least).
fn partner_order(values: &[u64], i: usize) -> (bool, u64) {
    (values[i] == 0, values[i])
}

/// When every other member of `determined`'s own lines is withheld or a
/// known zero, it can still be worked out through lines further away
/// (total hits = total checks − the checks that matched nothing): the
/// smallest published non-zero count nearest to it through withheld
/// counts, layer by layer.
fn wider_partner(
    values: &[u64],
    lines: &[Vec<usize>],
    lines_of: &[Vec<u32>],
    determined: usize,
    withheld: &[bool],
    fixed: &[bool],
) -> Option<usize> {
    let mut seen = vec![false; values.len()];
    seen[determined] = true;
    let mut layer = vec![determined];
    while !layer.is_empty() {
        let mut next = Vec::new();
        let mut best: Option<usize> = None;
        for &value in &layer {
            for &l in &lines_of[value] {
                for &member in &lines[l as usize] {
                    if seen[member] {
                        continue;
                    }
                    seen[member] = true;
                    if withheld[member] {
                        next.push(member);
                    } else if can_withhold(member, withheld, fixed)
                        && values[member] > 0
                        && best.is_none_or(|b| values[member] < values[b])
                    {
                        best = Some(member);
                    }
                }
            }
        }
        if best.is_some() {
            return best;
        }
        layer = next;
    }
    None
}

/// The local rules, to a fixed point. A line holding exactly one withheld
/// count gets its smallest other non-zero count withheld too (a zero when
/// it has no other). A line whose sum is published and whose withheld
/// parts add up to 1..k−1 would publish that small total (two withheld ones
/// next to a published total are both 1 when the total minus the rest is
/// 2): it gets its smallest published non-zero part withheld too.
fn close_lines(values: &[u64], lines: &[Vec<usize>], withheld: &mut [bool], k: u64, fixed: &[bool]) {
    loop {
        let mut changed = false;
        for line in lines {
            let held = line.iter().filter(|&&i| withheld[i]).count();
            if held == 0 {
                continue;
            }
            let smallest_published = |parts: &[usize], withheld: &[bool]| {
                parts
                    .iter()
                    .copied()
                    .filter(|&i| can_withhold(i, withheld, fixed))
                    .min_by_key(|&i| partner_order(values, i))
            };
            let partner = if held == 1 {
                smallest_published(line, withheld)
            } else {
                let Some((&sum, parts)) = line.split_last() else { continue };
                let hidden: u64 = parts.iter().filter(|&&i| withheld[i]).map(|&i| values[i]).sum();
                if withheld[sum] || hidden == 0 || hidden >= k {
                    continue;
                }
                smallest_published(parts, withheld).filter(|&i| values[i] > 0)
            };
            if let Some(i) = partner {
                withheld[i] = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// What an audit found.
struct Audit {
    /// Withheld counts that the published ones determine exactly.
    determined: Vec<usize>,
    /// Whether every group of linked withheld counts was solved.
    complete: bool,
}

/// Finds the withheld counts that the published counts and `lines`
/// determine exactly (see the module documentation).
fn audit(values: &[u64], lines: &[Vec<usize>], withheld: &[bool], budget: u64) -> Audit {
    // Counts are never negative: the withheld parts of a line whose sum is
    // known and whose published parts already make it up are all zero, and
    // so known. They are constants here, not unknowns.
    let mut withheld = withheld.to_vec();
    loop {
        let mut changed = false;
        for line in lines {
            let Some((&sum, parts)) = line.split_last() else { continue };
            if withheld[sum] {
                continue;
            }
            let hidden: Vec<usize> = parts.iter().copied().filter(|&i| withheld[i]).collect();
            if !hidden.is_empty() && hidden.iter().all(|&i| values[i] == 0) {
                for i in hidden {
                    withheld[i] = false;
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let withheld = &withheld;
    let mut unknown_of = std::collections::HashMap::new();
    let mut unknowns: Vec<usize> = Vec::new();
    let mut equations: Vec<Equation> = Vec::new();
    for line in lines {
        let Some((&sum, parts)) = line.split_last() else { continue };
        let mut equation: Vec<(u32, u64)> = Vec::new();
        let members = parts.iter().map(|&i| (i, 1)).chain([(sum, modular::P - 1)]);
        for (i, coefficient) in members.filter(|&(i, _)| withheld[i]) {
            let id = *unknown_of.entry(i).or_insert_with(|| {
                unknowns.push(i);
                (unknowns.len() - 1) as u32
            });
            equation.push((id, coefficient));
        }
        if !equation.is_empty() {
            equations.push(equation);
        }
    }
    let mut groups = connected_groups(unknowns.len(), &equations);
    // Smallest groups first, each within its own share of the budget: one
    // group too large to solve must not leave the others unaudited.
    groups.sort_by_key(|(columns, group_equations)| columns.len() + group_equations.len());
    let mut determined = Vec::new();
    let mut complete = true;
    let mut spent = 0u64;
    for (columns, group_equations) in groups {
        let allowed = budget.saturating_sub(spent).min(GROUP_BUDGET);
        match null_vector(&columns, group_equations, allowed) {
            Some((vector, work)) => {
                spent += work;
                determined
                    .extend(columns.iter().zip(&vector).filter(|(_, x)| **x == 0).map(|(&u, _)| unknowns[u as usize]));
            }
            None => {
                complete = false;
                spent += allowed;
            }
        }
    }
    determined.sort_unstable();
    Audit { determined, complete }
}

/// One equation: (unknown, coefficient) pairs.
type Equation = Vec<(u32, u64)>;

/// A connected group of unknowns (sorted) with its equations.
type Group<'a> = (Vec<u32>, Vec<&'a Equation>);

/// The equations split by connected groups of unknowns.
fn connected_groups(unknowns: usize, equations: &[Equation]) -> Vec<Group<'_>> {
    let mut parent: Vec<u32> = (0..unknowns as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for equation in equations {
        let first = root(&mut parent, equation[0].0);
        for &(u, _) in &equation[1..] {
            let other = root(&mut parent, u);
            parent[other as usize] = first;
        }
    }
    let mut by_root: std::collections::BTreeMap<u32, Group<'_>> = Default::default();
    for u in 0..unknowns as u32 {
        let r = root(&mut parent, u);
        by_root.entry(r).or_default().0.push(u);
    }
    for equation in equations {
        let r = root(&mut parent, equation[0].0);
        by_root.entry(r).or_default().1.push(equation);
    }
    by_root.into_values().collect()
}

/// A random vector of the null space of `equations` over the unknowns
/// `columns` (in that order), and the work spent; `None` past `budget`.
/// Its entry is zero (up to chance below 10⁻¹⁵) exactly for the unknowns
/// that every solution fixes.
fn null_vector(columns: &[u32], mut equations: Vec<&Equation>, budget: u64) -> Option<(Vec<u64>, u64)> {
    use modular::{P, inverse, mul, sub};
    let local: std::collections::HashMap<u32, u32> = columns.iter().enumerate().map(|(i, &u)| (u, i as u32)).collect();
    // Short equations first keep the rows sparse.
    equations.sort_by_key(|e| e.len());
    let mut pivot_row: Vec<Option<u32>> = vec![None; columns.len()];
    let mut rows: Vec<Vec<(u32, u64)>> = Vec::new();
    let mut work = 0u64;
    for equation in equations {
        let mut row: Vec<(u32, u64)> = equation.iter().map(|&(u, a)| (local[&u], a)).collect();
        row.sort_unstable_by_key(|&(c, _)| c);
        row = merge_duplicates(row);
        while let Some(&(lead, coefficient)) = row.first() {
            match pivot_row[lead as usize] {
                None => {
                    let scale = inverse(coefficient);
                    for entry in &mut row {
                        entry.1 = mul(entry.1, scale);
                    }
                    pivot_row[lead as usize] = Some(rows.len() as u32);
                    rows.push(row);
                    break;
                }
                Some(r) => {
                    let pivot = &rows[r as usize];
                    work += (row.len() + pivot.len()) as u64;
                    if work > budget {
                        return None;
                    }
                    row = subtract_scaled(&row, pivot, coefficient);
                }
            }
        }
    }
    // Free unknowns take random non-zero values; the pivots follow, from
    // the last column back (a pivot row holds only columns at or after its
    // own).
    let mut seed = 0x0005_EED0_FD15_C705_u64 ^ columns.len() as u64;
    let mut x: Vec<u64> = (0..columns.len())
        .map(|c| if pivot_row[c].is_none() { 1 + splitmix(&mut seed) % (P - 1) } else { 0 })
        .collect();
    for c in (0..columns.len()).rev() {
        if let Some(r) = pivot_row[c] {
            let row = &rows[r as usize];
            let rest = row[1..].iter().fold(0u64, |sum, &(j, a)| modular::add(sum, mul(a, x[j as usize])));
            x[c] = sub(0, rest);
        }
    }
    Some((x, work))
}

/// `row − factor · pivot` (both sorted by column; the result drops zeros).
fn subtract_scaled(row: &[(u32, u64)], pivot: &[(u32, u64)], factor: u64) -> Vec<(u32, u64)> {
    use modular::{mul, sub};
    let mut out = Vec::with_capacity(row.len() + pivot.len());
    let (mut i, mut j) = (0, 0);
    while i < row.len() || j < pivot.len() {
        let take_row = j >= pivot.len() || (i < row.len() && row[i].0 < pivot[j].0);
        let take_pivot = i >= row.len() || (j < pivot.len() && pivot[j].0 < row[i].0);
        let (column, value) = if take_row {
            i += 1;
            (row[i - 1].0, row[i - 1].1)
        } else if take_pivot {
            j += 1;
            (pivot[j - 1].0, sub(0, mul(factor, pivot[j - 1].1)))
        } else {
            i += 1;
            j += 1;
            (row[i - 1].0, sub(row[i - 1].1, mul(factor, pivot[j - 1].1)))
        };
        if value != 0 {
            out.push((column, value));
        }
    }
    out
}

/// Adds up entries of the same column (a count can sit in a line twice
/// only by mistake, but the algebra must not break if it does).
fn merge_duplicates(row: Vec<(u32, u64)>) -> Vec<(u32, u64)> {
    let mut out: Vec<(u32, u64)> = Vec::with_capacity(row.len());
    for (c, a) in row {
        match out.last_mut() {
            Some(last) if last.0 == c => last.1 = modular::add(last.1, a),
            _ => out.push((c, a)),
        }
    }
    out.retain(|&(_, a)| a != 0);
    out
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Arithmetic modulo the prime 2⁶¹ − 1.
mod modular {
    /// The modulus.
    pub const P: u64 = (1 << 61) - 1;

    pub fn add(a: u64, b: u64) -> u64 {
        let s = a + b;
        if s >= P { s - P } else { s }
    }

    pub fn sub(a: u64, b: u64) -> u64 {
        if a >= b { a - b } else { a + P - b }
    }

    pub fn mul(a: u64, b: u64) -> u64 {
        (u128::from(a) * u128::from(b) % u128::from(P)) as u64
    }

    /// The inverse of a non-zero `a` (Fermat).
    pub fn inverse(a: u64) -> u64 {
        let (mut base, mut exponent, mut result) = (a, P - 2, 1u64);
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = mul(result, base);
            }
            base = mul(base, base);
            exponent >>= 1;
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rows × columns table with its margins as values and lines (each
    /// row and column with its sum, the row sums and the column sums with
    /// the total). Index of cell (r, c) = r·C + c; row sums, column sums and
    /// the total follow.
    fn table(cells: &[&[u64]]) -> (Vec<u64>, Vec<Vec<usize>>) {
        let (rows, columns) = (cells.len(), cells[0].len());
        let cell = |r: usize, c: usize| r * columns + c;
        let row_sum = |r: usize| rows * columns + r;
        let column_sum = |c: usize| rows * columns + rows + c;
        let total = rows * columns + rows + columns;
        let mut values = vec![0; total + 1];
        for (r, line) in cells.iter().enumerate() {
            for (c, &n) in line.iter().enumerate() {
                values[cell(r, c)] = n;
                values[row_sum(r)] += n;
                values[column_sum(c)] += n;
                values[total] += n;
            }
        }
        let mut lines: Vec<Vec<usize>> = Vec::new();
        for r in 0..rows {
            lines.push((0..columns).map(|c| cell(r, c)).chain([row_sum(r)]).collect());
        }
        for c in 0..columns {
            lines.push((0..rows).map(|r| cell(r, c)).chain([column_sum(c)]).collect());
        }
        lines.push((0..rows).map(row_sum).chain([total]).collect());
        lines.push((0..columns).map(column_sum).chain([total]).collect());
        (values, lines)
    }

    /// The withheld values that the published ones determine, by plain
    /// floating-point rank: x_i is determined exactly when its column is not
    /// in the span of the other unknowns' columns.
    fn determined_by_rank(values: &[u64], lines: &[Vec<usize>], withheld: &[bool]) -> Vec<usize> {
        let unknowns: Vec<usize> = (0..values.len()).filter(|&i| withheld[i]).collect();
        let matrix: Vec<Vec<f64>> = lines
            .iter()
            .map(|line| {
                let (sum, parts) = line.split_last().unwrap();
                unknowns
                    .iter()
                    .map(|u| {
                        if u == sum {
                            -1.0
                        } else if parts.contains(u) {
                            1.0
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        let rank = |skip: Option<usize>| {
            let mut m: Vec<Vec<f64>> = matrix
                .iter()
                .map(|row| row.iter().enumerate().filter(|(j, _)| Some(*j) != skip).map(|(_, v)| *v).collect())
                .collect();
            let columns = m.first().map_or(0, Vec::len);
            let mut rank = 0;
            for c in 0..columns {
                let Some(p) = (rank..m.len()).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs())) else { break };
                if m[p][c].abs() < 1e-9 {
                    continue;
                }
                m.swap(rank, p);
                let pivot = m[rank].clone();
                for (r, row) in m.iter_mut().enumerate() {
                    if r != rank {
                        let f = row[c] / pivot[c];
                        for (value, p) in row.iter_mut().zip(&pivot) {
                            *value -= f * p;
                        }
                    }
                }
                rank += 1;
            }
            rank
        };
        let full = rank(None);
        (0..unknowns.len()).filter(|&j| rank(Some(j)) < full).map(|j| unknowns[j]).collect()
    }

    #[test]
    fn a_value_linking_two_groups_of_withheld_values_is_withheld_further() {
        // The local rule alone left IE on day 2 (4) computable as
        // 74 − 59 − (66 − 55) from published counts.
        let (values, lines) = table(&[&[55, 10, 1], &[1, 0, 4], &[3, 0, 0]]);
        let mut local: Vec<bool> = values.iter().map(|&v| v > 0 && v < 10).collect();
        // k = 1: only the one-withheld-count rule (no small totals to guard).
        close_lines(&values, &lines, &mut local, 1, &vec![false; values.len()]);
        assert!(!determined_by_rank(&values, &lines, &local).is_empty(), "the local rule alone leaks");
        let protection = protect(&values, &lines, 10);
        assert!(protection.audited);
        assert_eq!(determined_by_rank(&values, &lines, &protection.withheld), Vec::<usize>::new());
        for (i, &v) in values.iter().enumerate() {
            if v > 0 && v < 10 {
                assert!(protection.withheld[i], "small value {v} at {i}");
            }
        }
    }

    #[test]
    fn the_audit_agrees_with_a_rank_computation() {
        let mut seed = 42u64;
        for _ in 0..300 {
            let rows = 2 + (splitmix(&mut seed) % 3) as usize;
            let columns = 2 + (splitmix(&mut seed) % 3) as usize;
            let cells: Vec<Vec<u64>> = (0..rows)
                .map(|_| {
                    (0..columns)
                        .map(|_| match splitmix(&mut seed) % 4 {
                            0 => 0,
                            1 => 1 + splitmix(&mut seed) % 9,
                            _ => 10 + splitmix(&mut seed) % 60,
                        })
                        .collect()
                })
                .collect();
            let refs: Vec<&[u64]> = cells.iter().map(Vec::as_slice).collect();
            let (values, lines) = table(&refs);
            let withheld: Vec<bool> = values.iter().map(|&v| splitmix(&mut seed) % 3 == 0 && v > 0).collect();
            let audit = audit(&values, &lines, &withheld, u64::MAX);
            assert!(audit.complete);
            assert_eq!(audit.determined, determined_by_rank(&values, &lines, &withheld), "{cells:?} {withheld:?}");
            let protection = protect(&values, &lines, 10);
            assert!(protection.audited);
            assert_eq!(determined_by_rank(&values, &lines, &protection.withheld), Vec::<usize>::new(), "{cells:?}");
        }
    }

    #[test]
    fn identities_across_tables_are_audited_too() {
        // hits = warnings + control at every position of two 2 × 2 tables.
        let (warnings, warning_lines) = table(&[&[40, 30], &[25, 50]]);
        let (control, control_lines) = table(&[&[3, 12], &[11, 14]]);
        let n = warnings.len();
        let values: Vec<u64> =
            warnings.iter().chain(&control).copied().chain((0..n).map(|i| warnings[i] + control[i])).collect();
        let mut lines = warning_lines.clone();
        lines.extend(control_lines.iter().map(|l| l.iter().map(|i| i + n).collect::<Vec<_>>()));
        lines.extend(warning_lines.iter().map(|l| l.iter().map(|i| i + 2 * n).collect::<Vec<_>>()));
        lines.extend((0..n).map(|i| vec![i, i + n, i + 2 * n]));
        let protection = protect(&values, &lines, 10);
        assert!(protection.withheld[n], "the small control count");
        assert!(protection.audited);
        assert_eq!(determined_by_rank(&values, &lines, &protection.withheld), Vec::<usize>::new());
    }

    #[test]
    fn a_group_over_the_budget_is_reported_not_audited() {
        let (values, lines) = table(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9]]);
        let protection = protect_within(&values, &lines, 10, 1, &vec![false; values.len()]);
        assert!(!protection.audited);
        assert!(values.iter().zip(&protection.withheld).all(|(&v, &w)| w || v == 0 || v >= 10));
    }

    #[test]
    fn a_small_total_of_withheld_parts_next_to_a_published_sum_gets_another_part() {
        // GB = NL = 1 withheld, IE = 50, total 52: GB + NL = 2, and counts
        // known to be at least 1 would both be 1.
        let values = vec![1, 1, 50, 52];
        let lines = vec![vec![0, 1, 2, 3]];
        let protection = protect(&values, &lines, 10);
        assert_eq!(protection.withheld, [true, true, true, false], "IE goes too: the three hide 52");
        // Withheld parts that already hide k or more need nothing further.
        let values = vec![4, 7, 50, 61];
        assert_eq!(protect(&values, &lines, 10).withheld, [true, true, false, false]);
    }

    #[test]
    fn a_group_over_its_budget_does_not_leave_smaller_groups_unaudited() {
        // A large table whose withheld counts form one big group, and a
        // small table that both local rules leave leaking (its cell (1, 2)).
        let big: Vec<Vec<u64>> =
            (0..40).map(|r| (0..40).map(|c| 1 + ((r * 7 + c * 3) % 12) as u64).collect()).collect();
        let big_rows: Vec<&[u64]> = big.iter().map(Vec::as_slice).collect();
        let (mut values, mut lines) = table(&big_rows);
        let (small, small_lines) = table(&[&[0, 0, 12], &[3, 55, 3], &[0, 0, 55]]);
        let mut local: Vec<bool> = small.iter().map(|&v| v > 0 && v < 10).collect();
        close_lines(&small, &small_lines, &mut local, 10, &vec![false; small.len()]);
        assert_eq!(determined_by_rank(&small, &small_lines, &local), [5], "only the audit finds it");
        let offset = values.len();
        values.extend(&small);
        lines.extend(small_lines.iter().map(|l| l.iter().map(|i| i + offset).collect::<Vec<_>>()));
        let protection = protect_within(&values, &lines, 10, 2_000, &vec![false; values.len()]);
        assert!(!protection.audited, "the big group is over the budget");
        let small_withheld = &protection.withheld[offset..];
        assert_eq!(determined_by_rank(&small, &small_lines, small_withheld), Vec::<usize>::new());
    }

    #[test]
    fn nothing_small_means_nothing_withheld() {
        let (values, lines) = table(&[&[0, 20], &[30, 0]]);
        let protection = protect(&values, &lines, 10);
        assert!(protection.withheld.iter().all(|w| !w) && protection.audited);
    }

    #[test]
    fn modular_inverse() {
        for a in [1, 2, 3, modular::P - 1, 123_456_789] {
            assert_eq!(modular::mul(a, modular::inverse(a)), 1);
        }
    }
}
