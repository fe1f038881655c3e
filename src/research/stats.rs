//! The statistics of the dashboard: confidence intervals for proportions,
//! the comparison of two proportions, and the interrupted time series.
//! Plain functions over counts; they never see anything but aggregates.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// The z value of a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A proportion with its 95% Wilson score interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Proportion {
    /// Successes.
    pub successes: u64,
    /// Trials.
    pub trials: u64,
    /// successes / trials.
    pub estimate: f64,
    /// Lower bound of the 95% interval.
    pub low: f64,
    /// Upper bound of the 95% interval.
    pub high: f64,
}

/// The Wilson score interval at `z` for `successes` out of `trials`
/// (`None` without trials). Unlike the normal ("Wald") interval it stays
/// inside 0–1 and behaves for small counts and extreme rates.
pub fn wilson(successes: u64, trials: u64, z: f64) -> Option<Proportion> {
    if trials == 0 || successes > trials {
        return None;
    }
    let n = trials as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some(Proportion { successes, trials, estimate: p, low: (centre - half).max(0.0), high: (centre + half).min(1.0) })
}

/// A two-proportion z-test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Comparison {
    /// p1 − p2.
    pub difference: f64,
    /// The z statistic under the pooled null.
    pub z: f64,
    /// Two-sided p-value.
    pub p_value: f64,
}

/// Tests whether two proportions differ (pooled two-sided z-test).
pub fn two_proportion(x1: u64, n1: u64, x2: u64, n2: u64) -> Option<Comparison> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (p1, p2) = (x1 as f64 / n1 as f64, x2 as f64 / n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1 + n2) as f64;
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    if se == 0.0 {
        return Some(Comparison { difference: p1 - p2, z: 0.0, p_value: 1.0 });
    }
    let z = (p1 - p2) / se;
    let normal = Normal::standard();
    Some(Comparison { difference: p1 - p2, z, p_value: 2.0 * (1.0 - normal.cdf(z.abs())) })
}

/// One coefficient of a regression, with its 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Coefficient {
    /// The estimate.
    pub estimate: f64,
    /// Its standard error.
    pub standard_error: f64,
    /// Lower bound of the 95% interval.
    pub low: f64,
    /// Upper bound of the 95% interval.
    pub high: f64,
}

/// A segmented regression around an intervention at `t0`:
/// `y = b0 + b1·t + b2·after + b3·(t − t0)·after`.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Segmented {
    /// Where the intervention falls on the time axis.
    pub intervention: f64,
    /// Points used.
    pub n: usize,
    /// The level before the intervention, at t = 0 (b0).
    pub baseline_level: Coefficient,
    /// The slope before the intervention, per time unit (b1).
    pub baseline_slope: Coefficient,
    /// The jump at the intervention (b2).
    pub level_change: Coefficient,
    /// The change of slope after it (b3).
    pub slope_change: Coefficient,
    /// Residual standard deviation.
    pub residual_sd: f64,
    /// How the standard errors were computed: `newey-west, at least ols`
    /// (heteroskedasticity- and autocorrelation-consistent, but never below
    /// the ordinary least-squares error, since Newey–West errors run small
    /// in short series).
    pub standard_errors: &'static str,
    /// Lags of the Newey–West estimator: ⌊4·(n/100)^(2/9)⌋.
    pub lags: usize,
    /// The lag-1 autocorrelation of the residuals: near 0 when days are
    /// independent; large values are why plain OLS intervals would be too
    /// narrow.
    pub residual_autocorrelation: f64,
    /// The fitted value at each point, in input order.
    pub fitted: Vec<f64>,
}

/// The Newey–West lag for `n` points (Newey and West 1994's rule of thumb).
pub fn newey_west_lags(n: usize) -> usize {
    (4.0 * (n as f64 / 100.0).powf(2.0 / 9.0)).floor() as usize
}

/// Fits the segmented regression by ordinary least squares. Each standard
/// error is the larger of the Newey–West error (Bartlett weights, the
/// small-sample factor n/(n − 4)), so that a daily series whose days are
/// correlated does not get intervals that are too narrow, and the ordinary
/// one, because Newey–West errors are biased low in series as short as a
/// few weeks. The interval uses Student's t with n − 4 degrees of freedom.
/// Points are taken as consecutive in input order. Needs at least two
/// points on each side and six in all.
pub fn segmented(points: &[(f64, f64)], t0: f64) -> Option<Segmented> {
    let before = points.iter().filter(|(t, _)| *t < t0).count();
    let after = points.len() - before;
    if before < 2 || after < 2 || points.len() < 6 {
        return None;
    }
    let rows: Vec<[f64; 4]> = points
        .iter()
        .map(|&(t, _)| {
            let d = if t >= t0 { 1.0 } else { 0.0 };
            [1.0, t, d, (t - t0) * d]
        })
        .collect();
    let mut xtx = [[0.0; 4]; 4];
    let mut xty = [0.0; 4];
    for (row, &(_, y)) in rows.iter().zip(points) {
        for i in 0..4 {
            xty[i] += row[i] * y;
            for j in 0..4 {
                xtx[i][j] += row[i] * row[j];
            }
        }
    }
    let inverse = invert4(xtx)?;
    let beta: Vec<f64> = (0..4).map(|i| (0..4).map(|j| inverse[i][j] * xty[j]).sum()).collect();
    let fitted: Vec<f64> = rows.iter().map(|r| (0..4).map(|i| r[i] * beta[i]).sum()).collect();
    let residuals: Vec<f64> = points.iter().zip(&fitted).map(|(&(_, y), f)| y - f).collect();
    let n = points.len();
    let df = n - 4;
    let sse: f64 = residuals.iter().map(|u| u * u).sum();
    let sigma2 = sse / df as f64;
    let lags = newey_west_lags(n);
    let covariance = newey_west(&rows, &residuals, &inverse, lags);
    let t = StudentsT::new(0.0, 1.0, df as f64).ok()?.inverse_cdf(0.975);
    let coefficient = |i: usize| {
        let se = covariance[i][i].max(sigma2 * inverse[i][i]).max(0.0).sqrt();
        Coefficient { estimate: beta[i], standard_error: se, low: beta[i] - t * se, high: beta[i] + t * se }
    };
    let lag1: f64 = residuals.windows(2).map(|w| w[0] * w[1]).sum();
    Some(Segmented {
        intervention: t0,
        n,
        baseline_level: coefficient(0),
        baseline_slope: coefficient(1),
        level_change: coefficient(2),
        slope_change: coefficient(3),
        residual_sd: sigma2.sqrt(),
        standard_errors: "newey-west, at least ols",
        lags,
        residual_autocorrelation: if sse > 0.0 { lag1 / sse } else { 0.0 },
        fitted,
    })
}

/// The Newey–West covariance of the coefficients: (X'X)⁻¹ S (X'X)⁻¹ ·
/// n/(n − k), where S sums uₜ²xₜxₜ' and, for lags l = 1..=L with weight
/// 1 − l/(L + 1), uₜuₜ₋ₗ(xₜxₜ₋ₗ' + xₜ₋ₗxₜ').
fn newey_west(rows: &[[f64; 4]], residuals: &[f64], inverse: &[[f64; 4]; 4], lags: usize) -> [[f64; 4]; 4] {
    let mut meat = [[0.0; 4]; 4];
    for lag in 0..=lags.min(rows.len().saturating_sub(1)) {
        let weight = 1.0 - lag as f64 / (lags as f64 + 1.0);
        for t in lag..rows.len() {
            let (x, x_lagged) = (&rows[t], &rows[t - lag]);
            let product = residuals[t] * residuals[t - lag] * weight;
            for i in 0..4 {
                for j in 0..4 {
                    meat[i][j] +=
                        product * if lag == 0 { x[i] * x[j] } else { x[i] * x_lagged[j] + x_lagged[i] * x[j] };
                }
            }
        }
    }
    let correction = rows.len() as f64 / (rows.len() as f64 - 4.0);
    let half = multiply(inverse, &meat);
    let mut covariance = multiply(&half, inverse);
    for row in &mut covariance {
        for value in row.iter_mut() {
            *value *= correction;
        }
    }
    covariance
}

fn multiply(a: &[[f64; 4]; 4], b: &[[f64; 4]; 4]) -> [[f64; 4]; 4] {
    let mut product = [[0.0; 4]; 4];
    for i in 0..4 {
        for j in 0..4 {
            product[i][j] = (0..4).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    product
}

/// The inverse of a 4×4 matrix by Gauss–Jordan elimination with partial
/// pivoting; `None` when it is singular.
fn invert4(mut a: [[f64; 4]; 4]) -> Option<[[f64; 4]; 4]> {
    let mut inverse = [[0.0; 4]; 4];
    for (i, row) in inverse.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for column in 0..4 {
        let pivot = (column..4).max_by(|&x, &y| a[x][column].abs().total_cmp(&a[y][column].abs()))?;
        if a[pivot][column].abs() < 1e-12 {
            return None;
        }
        a.swap(column, pivot);
        inverse.swap(column, pivot);
        let scale = a[column][column];
        for j in 0..4 {
            a[column][j] /= scale;
            inverse[column][j] /= scale;
        }
        for row in 0..4 {
            if row != column {
                let factor = a[row][column];
                for j in 0..4 {
                    a[row][j] -= factor * a[column][j];
                    inverse[row][j] -= factor * inverse[column][j];
                }
            }
        }
    }
    Some(inverse)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn wilson_matches_textbook_values() {
        // Newcombe (1998), Table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611.
        let table =
            [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718)];
        for (x, n, low, high) in table {
            let p = wilson(x, n, Z95).unwrap();
            assert!(close(p.low, low, 5e-4) && close(p.high, high, 5e-4), "{x}/{n}: {p:?}");
        }
        assert_eq!(wilson(1, 0, Z95), None);
    }

    #[test]
    fn two_proportion_test_matches_a_worked_example() {
        // 45/100 vs 30/100: pooled p = 0.375, z = 2.1909, p = 0.0285.
        let c = two_proportion(45, 100, 30, 100).unwrap();
        assert!(close(c.difference, 0.15, 1e-12));
        assert!(close(c.z, 2.1909, 1e-4), "{c:?}");
        assert!(close(c.p_value, 0.0285, 1e-4), "{c:?}");
        assert_eq!(two_proportion(0, 10, 0, 10).unwrap().p_value, 1.0);
    }

    #[test]
    fn segmented_regression_recovers_a_known_level_and_slope_change() {
        // y = 10 + 0.5 t, then from t = 20 a drop of 4 and a slope change of −0.3, plus small noise.
        let noise = [0.1, -0.2, 0.05, 0.15, -0.1, 0.0, -0.05, 0.2, -0.15, 0.1];
        let points: Vec<(f64, f64)> = (0..40)
            .map(|t| {
                let t = f64::from(t);
                let after = if t >= 20.0 { -4.0 - 0.3 * (t - 20.0) } else { 0.0 };
                (t, 10.0 + 0.5 * t + after + noise[t as usize % noise.len()])
            })
            .collect();
        let fit = segmented(&points, 20.0).unwrap();
        assert!(close(fit.baseline_level.estimate, 10.0, 0.15), "{fit:?}");
        assert!(close(fit.baseline_slope.estimate, 0.5, 0.02), "{fit:?}");
        assert!(close(fit.level_change.estimate, -4.0, 0.2), "{fit:?}");
        assert!(close(fit.slope_change.estimate, -0.3, 0.02), "{fit:?}");
        for c in [fit.baseline_level, fit.baseline_slope, fit.level_change, fit.slope_change] {
            assert!(c.low < c.estimate && c.estimate < c.high);
        }
        assert!(fit.level_change.low < -4.0 && -4.0 < fit.level_change.high);
        assert!(fit.slope_change.low < -0.3 && -0.3 < fit.slope_change.high);
        assert_eq!(fit.fitted.len(), 40);
    }

    #[test]
    fn newey_west_errors_match_statsmodels() {
        // AR(1) noise (ρ = 0.6) on a known level and slope change. Reference:
        // statsmodels 0.15, `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 3,
        // "use_correction": True}, use_t=True)` on the same series.
        let mut noise = 0.0;
        let points: Vec<(f64, f64)> = (0..40)
            .map(|i| {
                let t = f64::from(i);
                noise = 0.6 * noise + (0.9 * t * t + 0.3).sin() * 0.8;
                let after = if t >= 20.0 { -4.0 - 0.3 * (t - 20.0) } else { 0.0 };
                (t, 10.0 + 0.5 * t + after + noise)
            })
            .collect();
        let fit = segmented(&points, 20.0).unwrap();
        assert_eq!((fit.standard_errors, fit.lags), ("newey-west, at least ols", 3));
        // (estimate, Newey–West error, OLS error), from statsmodels.
        let expected = [
            (fit.baseline_level, 10.683247450797264, 0.17443862909998764, 0.22526778279481136),
            (fit.baseline_slope, 0.4839049464030941, 0.02054367010347773, 0.020270553415023946),
            (fit.level_change, -3.9855327322823237, 0.4402664105438585, 0.331223571995725),
            (fit.slope_change, -0.35379290642974914, 0.027777002018293473, 0.0286668915563351),
        ];
        let rows: Vec<[f64; 4]> = points
            .iter()
            .map(|&(t, _)| {
                let d = if t >= 20.0 { 1.0 } else { 0.0 };
                [1.0, t, d, (t - 20.0) * d]
            })
            .collect();
        let residuals: Vec<f64> = points.iter().zip(&fit.fitted).map(|(&(_, y), f)| y - f).collect();
        let mut xtx = [[0.0; 4]; 4];
        for row in &rows {
            for i in 0..4 {
                for j in 0..4 {
                    xtx[i][j] += row[i] * row[j];
                }
            }
        }
        let hac = newey_west(&rows, &residuals, &invert4(xtx).unwrap(), 3);
        for (i, (coefficient, estimate, newey_west_error, ols_error)) in expected.into_iter().enumerate() {
            assert!(close(coefficient.estimate, estimate, 1e-9), "{coefficient:?}");
            assert!(close(hac[i][i].sqrt(), newey_west_error, 1e-9), "{i}: {}", hac[i][i].sqrt());
            assert!(close(coefficient.standard_error, newey_west_error.max(ols_error), 1e-9), "{coefficient:?}");
        }
        assert!(close(fit.residual_autocorrelation, 0.11168761316188422, 1e-9), "{fit:?}");
        assert_eq!((newey_west_lags(28), newey_west_lags(100), newey_west_lags(365)), (3, 4, 5));
    }

    #[test]
    fn an_exact_line_has_zero_error() {
        let points: Vec<(f64, f64)> = (0..10).map(|t| (f64::from(t), 3.0 + 2.0 * f64::from(t))).collect();
        let fit = segmented(&points, 5.0).unwrap();
        assert!(close(fit.level_change.estimate, 0.0, 1e-9));
        assert!(close(fit.slope_change.estimate, 0.0, 1e-9));
        assert!(fit.residual_sd < 1e-9);
        assert_eq!(segmented(&points[..5], 5.0), None, "no points after the intervention");
    }
}
