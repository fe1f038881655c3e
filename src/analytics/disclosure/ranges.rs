//! The range audit: how narrowly the published counts confine each withheld
//! one, given what everyone knows about counts — they are never negative,
//! the lines add up, and some bounds and inequalities always hold (a listed
//! group has at least one check; a hit is a check; a session warned again
//! saw at least two warnings).
//!
//! An attacker needs no exact solution to learn a withheld count: ten
//! withheld counts of at least 1 that must add up to 10 are all 1. The audit
//! does what such an attacker does, bound propagation: every line and
//! inequality, with the published counts put in, bounds each withheld count
//! by the bounds of the others, over and over until nothing narrows. A
//! withheld non-zero count whose range is narrower than the protection
//! width is reported with the constraint that narrowed it, so that one of
//! that constraint's published counts can be withheld too.
//!
//! Propagation finds every bound that follows from one constraint at a time,
//! chained through the others; a linear programme could find a few more in
//! tables where several lines must be added together first (those
//! combinations that pin a count *exactly* are found by the exact audit).

/// `Σ coefficient × count ≤ bound`: true of the counts, and assumed known
/// to everyone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Inequality {
    /// (count index, coefficient) pairs.
    pub terms: Vec<(usize, i64)>,
    /// The right-hand side.
    pub bound: i64,
}

impl Inequality {
    /// `count ≥ least`.
    pub(crate) fn at_least(count: usize, least: i64) -> Inequality {
        Inequality { terms: vec![(count, -1)], bound: -least }
    }

    /// `Σ parts (with their weights) ≤ whole`.
    pub(crate) fn within(parts: &[(usize, i64)], whole: usize) -> Inequality {
        let mut terms = parts.to_vec();
        terms.push((whole, -1));
        Inequality { terms, bound: 0 }
    }
}

/// Stands for "no upper bound".
const UNBOUNDED: i64 = i64::MAX / 4;

/// Passes over every constraint before propagation stops (bounds that
/// still narrow by then narrow by steps too small to matter).
const MAX_PASSES: usize = 200;

/// Terms visited by one audit before it stops.
const WORK_BUDGET: u64 = 40_000_000;

/// What the range audit found.
#[derive(Debug, Default)]
pub(crate) struct Ranges {
    /// Withheld non-zero counts confined to fewer than the protection width,
    /// each with the indices of the constraint that narrowed it.
    pub narrow: Vec<(usize, Vec<usize>)>,
    /// Whether propagation ran to its end within the budget.
    pub complete: bool,
}

/// One constraint with the published counts moved to the right: only the
/// withheld counts (as unknown numbers) are left on the left.
struct Constraint {
    /// (unknown, coefficient).
    terms: Vec<(u32, i64)>,
    bound: i64,
    /// Every count of the constraint, published or not (partners come from here).
    members: Vec<usize>,
}

/// Audits the ranges of the withheld counts of `values`: `lines` (the last
/// member the sum of the others) and `inequalities` hold, every count is
/// at least zero. A withheld non-zero count must keep a range at least
/// `width` wide (the largest minus the smallest value it could have).
pub(crate) fn audit_ranges(
    values: &[u64],
    lines: &[Vec<usize>],
    inequalities: &[Inequality],
    withheld: &[bool],
    width: u64,
) -> Ranges {
    let mut unknown_of = vec![u32::MAX; values.len()];
    let mut unknowns: Vec<usize> = Vec::new();
    for (i, _) in withheld.iter().enumerate().filter(|(_, w)| **w) {
        unknown_of[i] = unknowns.len() as u32;
        unknowns.push(i);
    }
    if unknowns.is_empty() {
        return Ranges { narrow: Vec::new(), complete: true };
    }
    let value = |i: usize| i64::try_from(values[i]).unwrap_or(UNBOUNDED);
    let mut constraints = Vec::new();
    let mut add = |terms: &mut dyn Iterator<Item = (usize, i64)>, bound: i64, members: Vec<usize>| {
        let mut unknown_terms = Vec::new();
        let mut rest = bound;
        for (i, a) in terms {
            if withheld[i] {
                unknown_terms.push((unknown_of[i], a));
            } else {
                rest -= a * value(i);
            }
        }
        if !unknown_terms.is_empty() {
            constraints.push(Constraint { terms: unknown_terms, bound: rest, members });
        }
    };
    for line in lines {
        let Some((&sum, parts)) = line.split_last() else { continue };
        // Σ parts − sum = 0, as two inequalities.
        let signed = |sign: i64| parts.iter().map(move |&i| (i, sign)).chain([(sum, -sign)]);
        add(&mut signed(1), 0, line.clone());
        add(&mut signed(-1), 0, line.clone());
    }
    for inequality in inequalities {
        let members = inequality.terms.iter().map(|&(i, _)| i).collect();
        add(&mut inequality.terms.iter().copied(), inequality.bound, members);
    }
    let (low, high, why_low, why_high, complete) = propagate(unknowns.len(), &constraints);
    let narrow = unknowns
        .iter()
        .enumerate()
        .filter(|&(u, &i)| values[i] > 0 && high[u] - low[u] < i64::try_from(width).unwrap_or(UNBOUNDED))
        .filter_map(|(u, &i)| {
            // The side that was narrowed last names the constraint to open.
            let why = why_high[u].or(why_low[u])?;
            Some((i, constraints[why as usize].members.clone()))
        })
        .collect();
    Ranges { narrow, complete }
}

/// Lower and upper bounds per unknown with the constraint that set each,
/// and whether propagation ended within its budget.
type Bounds = (Vec<i64>, Vec<i64>, Vec<Option<u32>>, Vec<Option<u32>>, bool);

/// Bound propagation to a fixed point (or the pass and work limits).
fn propagate(unknowns: usize, constraints: &[Constraint]) -> Bounds {
    let mut low = vec![0i64; unknowns];
    let mut high = vec![UNBOUNDED; unknowns];
    let (mut why_low, mut why_high) = (vec![None; unknowns], vec![None; unknowns]);
    let mut work = 0u64;
    for _ in 0..MAX_PASSES {
        let mut changed = false;
        for (c, constraint) in constraints.iter().enumerate() {
            work += constraint.terms.len() as u64;
            if work > WORK_BUDGET {
                return (low, high, why_low, why_high, false);
            }
            // The smallest each term can be; unbounded ones are counted apart.
            let (mut finite, mut unbounded) = (0i64, 0usize);
            for &(u, a) in &constraint.terms {
                match least(&low, &high, u, a) {
                    Some(m) => finite += m,
                    None => unbounded += 1,
                }
            }
            if unbounded > 1 {
                continue;
            }
            for &(u, a) in &constraint.terms {
                let others = match least(&low, &high, u, a) {
                    Some(own) if unbounded == 0 => finite - own,
                    None => finite,
                    Some(_) => continue,
                };
                // a·x ≤ bound − (the least the others can be).
                let room = constraint.bound - others;
                let x = u as usize;
                if a > 0 {
                    let bound = room.div_euclid(a);
                    if bound < high[x] {
                        high[x] = bound;
                        why_high[x] = Some(c as u32);
                        changed = true;
                    }
                } else {
                    let bound = ceil_div(room, a);
                    if bound > low[x] {
                        low[x] = bound;
                        why_low[x] = Some(c as u32);
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            return (low, high, why_low, why_high, true);
        }
    }
    (low, high, why_low, why_high, false)
}

/// The smallest `a × x` can be for the unknown `u` in its bounds; `None`
/// when it has no lower end.
fn least(low: &[i64], high: &[i64], u: u32, a: i64) -> Option<i64> {
    let u = u as usize;
    if a > 0 {
        Some(a * low[u])
    } else if high[u] >= UNBOUNDED {
        None
    } else {
        Some(a * high[u])
    }
}

/// `⌈n / d⌉` for a non-zero `d`.
fn ceil_div(n: i64, d: i64) -> i64 {
    let q = n / d;
    if n % d != 0 && ((n < 0) == (d < 0)) { q + 1 } else { q }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten withheld counts of at least 1 under a total that leaves them 10.
    fn singletons(others: u64) -> (Vec<u64>, Vec<Vec<usize>>, Vec<Inequality>) {
        // 0..10 the small counts, 10 a published large one, 11 the total.
        let mut values = vec![1; 10];
        values.push(others);
        values.push(10 + others);
        let lines = vec![(0..12).collect()];
        let floors = (0..11).map(|i| Inequality::at_least(i, 1)).collect();
        (values, lines, floors)
    }

    #[test]
    fn counts_that_must_each_be_one_are_found() {
        let (values, lines, floors) = singletons(150);
        let mut withheld = vec![true; 10];
        withheld.extend([false, false]);
        let found = audit_ranges(&values, &lines, &floors, &withheld, 5);
        assert!(found.complete);
        assert_eq!(found.narrow.iter().map(|(i, _)| *i).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
        assert!(found.narrow.iter().all(|(_, members)| members.contains(&10)), "the total's line is to open");
        // Withholding the large count too leaves each a range up to 151.
        withheld[10] = true;
        assert!(audit_ranges(&values, &lines, &floors, &withheld, 5).narrow.is_empty());
    }

    #[test]
    fn without_the_floor_zero_is_possible_and_the_ranges_are_wide_enough() {
        let (values, lines, _) = singletons(150);
        let mut withheld = vec![true; 10];
        withheld.extend([false, false]);
        // Each of the ten is then 0..=10.
        assert!(audit_ranges(&values, &lines, &[], &withheld, 5).narrow.is_empty());
        assert_eq!(audit_ranges(&values, &lines, &[], &withheld, 11).narrow.len(), 10);
    }

    #[test]
    fn an_inequality_between_tables_narrows_through_a_sum() {
        // 0: warned once (5), 1: warned again (6) — withheld; 2: warnings
        // shown (17), published; once + 2·again ≤ shown; 3: warned = once +
        // again = 11, published.
        let values = vec![5, 6, 17, 11];
        let lines = vec![vec![0, 1, 3]];
        let inequalities = vec![Inequality::within(&[(0, 1), (1, 2)], 2)];
        let withheld = [true, true, false, false];
        // again ≤ 17 − 11 = 6 and once ≥ 5: both ranges shrink from 0..=11 to 7 values.
        let found = audit_ranges(&values, &lines, &inequalities, &withheld, 7);
        assert_eq!(found.narrow.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1]);
        assert!(audit_ranges(&values, &lines, &[], &withheld, 7).narrow.is_empty(), "the sum alone leaves 0..=11");
    }

    #[test]
    fn bounds_chain_through_several_lines() {
        // x0 + x1 = 4 (published sum 2), x1 + x2 = 3 (sum 3), x2 ≥ 2, all withheld:
        // x2 ∈ [2, 3] → x1 ∈ [0, 1] → x0 ∈ [3, 4].
        let values = vec![3, 1, 2, 4, 3];
        let lines = vec![vec![0, 1, 3], vec![1, 2, 4]];
        let withheld = [true, true, true, false, false];
        let found = audit_ranges(&values, &lines, &[Inequality::at_least(2, 2)], &withheld, 2);
        assert_eq!(found.narrow.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn zeros_may_be_pinned_since_zeros_are_published_anyway() {
        let values = vec![0, 7, 7];
        let lines = vec![vec![0, 1, 2]];
        let found = audit_ranges(&values, &lines, &[], &[true, false, false], 5);
        assert!(found.narrow.is_empty());
    }

    #[test]
    fn ceil_division_rounds_up_for_every_sign() {
        for (n, d, expected) in [(7, 2, 4), (-7, 2, -3), (7, -2, -3), (-7, -2, 4), (6, 3, 2), (-1, -1, 1), (0, -3, 0)] {
            assert_eq!(ceil_div(n, d), expected, "{n}/{d}");
        }
    }
}
