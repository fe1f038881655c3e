//! Message variants (the arms of a randomised comparison of warnings) and the
//! assignment of each warning to an arm.
//!
//! Assignment sees only a pseudonymous key that the analytics layer derives
//! from the session under a daily salt; it never sees the session id or the
//! query, and keeps nothing.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use rand::Rng;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::check::{ID_RULE, Problems, SourceFile, is_blank, is_id, line_of};
use super::content::Content;
use super::error::ExperimentError;

/// What a message variant stresses first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// That the material is illegal.
    Illegality,
    /// That real children are harmed.
    HarmToVictims,
    /// That help to stop is available.
    HelpSeeking,
    /// The legal consequences, in general terms.
    Consequences,
}

impl Theme {
    /// The theme as written in `variants.toml` (`harm-to-victims`).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Illegality => "illegality",
            Theme::HarmToVictims => "harm-to-victims",
            Theme::HelpSeeking => "help-seeking",
            Theme::Consequences => "consequences",
        }
    }
}

/// One message variant from `variants.toml`: an arm of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    /// Stable id; analytics count by it.
    pub id: Arc<str>,
    /// What the message stresses first.
    pub theme: Theme,
    /// Relative share of assignments (positive, finite).
    pub weight: f64,
    /// One English sentence for researchers.
    pub description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVariantsFile {
    #[serde(default)]
    variant: Vec<RawVariant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    id: Spanned<String>,
    theme: Theme,
    weight: Spanned<f64>,
    description: Spanned<String>,
}

/// Checks `variants.toml` and returns its variants (also when problems were
/// found, so that other files can be checked against it).
pub(super) fn validate(file: &SourceFile, raw: RawVariantsFile, problems: &mut Problems) -> Vec<Variant> {
    if raw.variant.is_empty() {
        problems.file(file, "no [[variant]]: at least one variant is required");
    }
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    let mut variants = Vec::with_capacity(raw.variant.len());
    for v in raw.variant {
        let id = v.id.get_ref();
        let line = line_of(&file.text, v.id.span().start);
        if !is_id(id) {
            problems.at(file, v.id.span(), format!("id `{id}`: {ID_RULE}"));
        } else if let Some(first) = seen.get(id) {
            problems.at(file, v.id.span(), format!("id `{id}` is used twice (first on line {first})"));
        } else {
            seen.insert(id.clone(), line);
        }
        let weight = *v.weight.get_ref();
        if !(weight.is_finite() && weight > 0.0) {
            problems.at(file, v.weight.span(), format!("variant {id}: weight {weight}: must be a positive number"));
        }
        if is_blank(v.description.get_ref()) {
            problems.at(file, v.description.span(), format!("variant {id}: description must not be empty"));
        }
        variants.push(Variant {
            id: Arc::from(id.as_str()),
            theme: v.theme,
            weight,
            description: v.description.into_inner(),
        });
    }
    variants
}

/// The name of the control arm in exports and in [`Experiment::weights`].
pub const CONTROL_ARM: &str = "control";

/// The arm a warning is assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arm {
    /// Show the warning of this variant (its id).
    Variant(Arc<str>),
    /// Show no warning: the control arm of an experiment. Exists only when
    /// configured.
    Control,
}

impl Arm {
    /// The variant id, or `control`.
    pub fn id(&self) -> &str {
        match self {
            Arm::Variant(id) => id,
            Arm::Control => CONTROL_ARM,
        }
    }

    /// Whether this is the control arm (no warning shown).
    pub fn is_control(&self) -> bool {
        matches!(self, Arm::Control)
    }
}

impl Serialize for Arm {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// How warnings are split between variants (and, only if configured, a
/// control arm that shows no warning).
///
/// Weights are relative and on one scale: with four variants of weight 1 and
/// `control_weight = 1`, each arm gets a fifth.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Experiment {
    /// Relative weight of the control arm; 0 (the default) means there is no
    /// control arm.
    pub control_weight: f64,
    /// Overrides of the weights in `variants.toml`, by variant id; a weight of
    /// 0 leaves a variant out.
    pub weights: BTreeMap<String, f64>,
}

impl Experiment {
    /// Checks the experiment against `content`: every overridden id is a
    /// variant, weights are finite and not negative, and not all are zero.
    pub fn validate(&self, content: &Content) -> Result<(), ExperimentError> {
        let ids: HashSet<&str> = content.variants().iter().map(|v| &*v.id).collect();
        for (id, &weight) in &self.weights {
            if !ids.contains(id.as_str()) {
                return Err(ExperimentError::UnknownVariant(id.clone()));
            }
            if !(weight.is_finite() && weight >= 0.0) {
                return Err(ExperimentError::InvalidWeight { arm: id.clone(), weight });
            }
        }
        let control = self.control_weight;
        if !(control.is_finite() && control >= 0.0) {
            return Err(ExperimentError::InvalidWeight { arm: CONTROL_ARM.to_owned(), weight: control });
        }
        if control > 0.0 && ids.contains(CONTROL_ARM) {
            return Err(ExperimentError::ControlIdTaken);
        }
        if self.arms(content).iter().all(|(_, w)| *w == 0.0) {
            return Err(ExperimentError::AllZero);
        }
        Ok(())
    }

    /// Every arm with its effective weight, variants in file order, then the
    /// control arm if its weight is positive. Invalid weights count as 0.
    fn arms(&self, content: &Content) -> Vec<(Arm, f64)> {
        let clean = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let mut arms: Vec<(Arm, f64)> = content
            .variants()
            .iter()
            .map(|v| {
                let weight = self.weights.get(&*v.id).copied().unwrap_or(v.weight);
                (Arm::Variant(v.id.clone()), clean(weight))
            })
            .collect();
        let control = clean(self.control_weight);
        if control > 0.0 {
            arms.push((Arm::Control, control));
        }
        arms
    }

    /// Picks an arm. With a `key` (a 32-byte pseudonym of the session for the
    /// day, computed by the caller) the pick is stable: the same key always
    /// gets the same arm. Without one it is random. An experiment that fails
    /// [`Experiment::validate`] gets the first variant.
    pub fn assign(&self, content: &Content, key: Option<&[u8; 32]>) -> Arm {
        let unit = match key {
            Some(key) => unit_from_key(key),
            None => rand::rng().random::<f64>(),
        };
        pick(self.arms(content), unit)
    }

    /// The effective probability of every arm, named by variant id (and
    /// `control` if its weight is positive), in file order; they sum to 1.
    pub fn weights(&self, content: &Content) -> Vec<(String, f64)> {
        let arms = self.arms(content);
        let total: f64 = arms.iter().map(|(_, w)| w).sum();
        let first = arms.first().map(|(arm, _)| arm.clone());
        arms.into_iter()
            .map(|(arm, w)| {
                let p = if total > 0.0 {
                    w / total
                } else if Some(&arm) == first.as_ref() {
                    1.0
                } else {
                    0.0
                };
                (arm.id().to_owned(), p)
            })
            .collect()
    }
}

/// A number uniform in [0, 1) from the first 8 bytes of `key`
/// (little-endian), using its top 53 bits.
fn unit_from_key(key: &[u8; 32]) -> f64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&key[..8]);
    let bits = u64::from_le_bytes(bytes) >> 11;
    bits as f64 / (1u64 << 53) as f64
}

/// The arm whose cumulative weight interval contains `unit` (in [0, 1)).
/// With no positive weight at all, the first arm.
fn pick(arms: Vec<(Arm, f64)>, unit: f64) -> Arm {
    let total: f64 = arms.iter().map(|(_, w)| w).sum();
    let first = arms.first().map(|(arm, _)| arm.clone());
    if total > 0.0 {
        let target = unit * total;
        let mut cumulative = 0.0;
        let mut last = None;
        for (arm, weight) in arms {
            if weight > 0.0 {
                cumulative += weight;
                if target < cumulative {
                    return arm;
                }
                last = Some(arm);
            }
        }
        // Rounding at the top of the range: the last arm with a weight.
        if let Some(arm) = last {
            return arm;
        }
    }
    first.unwrap_or(Arm::Control)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        match Content::embedded() {
            Ok(content) => content,
            Err(error) => panic!("embedded content: {error}"),
        }
    }

    fn random_key(rng: &mut impl Rng) -> [u8; 32] {
        let mut key = [0u8; 32];
        rng.fill(&mut key);
        key
    }

    /// Assigns `n` random keys and returns the share of each arm id.
    fn shares(experiment: &Experiment, content: &Content, n: usize) -> BTreeMap<String, f64> {
        let mut rng = rand::rng();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for _ in 0..n {
            let arm = experiment.assign(content, Some(&random_key(&mut rng)));
            *counts.entry(arm.id().to_owned()).or_default() += 1;
        }
        counts.into_iter().map(|(id, c)| (id, c as f64 / n as f64)).collect()
    }

    /// Pearson's chi-square of the observed shares against the expected
    /// probabilities, over `n` draws.
    fn chi_square(observed: &BTreeMap<String, f64>, expected: &[(String, f64)], n: usize) -> f64 {
        expected
            .iter()
            .filter(|(_, p)| *p > 0.0)
            .map(|(id, p)| {
                let o = observed.get(id).copied().unwrap_or(0.0) * n as f64;
                let e = p * n as f64;
                (o - e).powi(2) / e
            })
            .sum()
    }

    #[test]
    fn the_same_key_gets_the_same_arm() {
        let content = content();
        let experiment = Experiment { control_weight: 1.0, ..Experiment::default() };
        let mut rng = rand::rng();
        for _ in 0..200 {
            let key = random_key(&mut rng);
            let first = experiment.assign(&content, Some(&key));
            for _ in 0..5 {
                assert_eq!(experiment.assign(&content, Some(&key)), first);
            }
        }
    }

    #[test]
    fn default_weights_are_equal_and_have_no_control() {
        let content = content();
        let weights = Experiment::default().weights(&content);
        let ids: Vec<&str> = weights.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["illegal-and-harmful", "children-are-harmed", "help-to-stop", "legal-consequences"]);
        for (_, p) in &weights {
            assert!((p - 0.25).abs() < 1e-12);
        }
    }

    #[test]
    fn keyed_assignment_follows_the_weights() {
        let content = content();
        let experiment = Experiment {
            control_weight: 0.0,
            weights: BTreeMap::from([("illegal-and-harmful".to_owned(), 3.0), ("legal-consequences".to_owned(), 0.0)]),
        };
        assert_eq!(experiment.validate(&content), Ok(()));
        let expected = experiment.weights(&content);
        let probability = |id: &str| expected.iter().find(|(i, _)| i == id).map(|(_, p)| *p);
        assert_eq!(probability("illegal-and-harmful"), Some(0.6));
        assert_eq!(probability("legal-consequences"), Some(0.0));
        let n = 40_000;
        let observed = shares(&experiment, &content, n);
        assert!(!observed.contains_key("legal-consequences"), "a zero weight is never picked");
        assert!(!observed.contains_key(CONTROL_ARM));
        // 2 degrees of freedom: P(chi² > 25) < 4e-6.
        let chi = chi_square(&observed, &expected, n);
        assert!(chi < 25.0, "chi-square {chi}: {observed:?} vs {expected:?}");
    }

    #[test]
    fn control_is_never_chosen_without_a_control_weight() {
        let content = content();
        let experiment = Experiment::default();
        let observed = shares(&experiment, &content, 20_000);
        assert!(!observed.contains_key(CONTROL_ARM));
        for _ in 0..2_000 {
            assert!(!experiment.assign(&content, None).is_control());
        }
        // 3 degrees of freedom: P(chi² > 27) < 1e-5.
        let chi = chi_square(&observed, &experiment.weights(&content), 20_000);
        assert!(chi < 27.0, "chi-square {chi}: {observed:?}");
    }

    #[test]
    fn control_is_chosen_at_its_configured_share() {
        let content = content();
        // Four variants of weight 1 and control 1: a fifth each.
        let experiment = Experiment { control_weight: 1.0, ..Experiment::default() };
        let weights = experiment.weights(&content);
        assert_eq!(weights.last(), Some(&(CONTROL_ARM.to_owned(), 0.2)));
        let n = 40_000;
        let keyed = shares(&experiment, &content, n);
        let share = keyed.get(CONTROL_ARM).copied().unwrap_or(0.0);
        // Standard deviation of the share is 0.002; allow 5 of them.
        assert!((share - 0.2).abs() < 0.01, "control share {share}");
        let chi = chi_square(&keyed, &weights, n);
        assert!(chi < 30.0, "chi-square {chi}: {keyed:?}");

        let random = (0..n).filter(|_| experiment.assign(&content, None).is_control()).count() as f64 / n as f64;
        assert!((random - 0.2).abs() < 0.01, "random control share {random}");
    }

    #[test]
    fn extreme_keys_stay_in_range() {
        let content = content();
        let experiment = Experiment { control_weight: 1.0, ..Experiment::default() };
        assert_eq!(experiment.assign(&content, Some(&[0u8; 32])).id(), "illegal-and-harmful");
        assert_eq!(experiment.assign(&content, Some(&[0xff; 32])), Arm::Control);
    }

    #[test]
    fn invalid_experiments_are_refused() {
        let content = content();
        let with = |id: &str, w: f64| Experiment { control_weight: 0.0, weights: BTreeMap::from([(id.to_owned(), w)]) };
        assert_eq!(
            with("no-such-variant", 1.0).validate(&content),
            Err(ExperimentError::UnknownVariant("no-such-variant".into()))
        );
        assert!(matches!(
            with("help-to-stop", -1.0).validate(&content),
            Err(ExperimentError::InvalidWeight { ref arm, .. }) if arm == "help-to-stop"
        ));
        assert!(matches!(
            with("help-to-stop", f64::NAN).validate(&content),
            Err(ExperimentError::InvalidWeight { .. })
        ));
        let control = Experiment { control_weight: f64::INFINITY, ..Experiment::default() };
        assert!(
            matches!(control.validate(&content), Err(ExperimentError::InvalidWeight { ref arm, .. }) if arm == "control")
        );
        let all_zero = Experiment {
            control_weight: 0.0,
            weights: content.variants().iter().map(|v| (v.id.to_string(), 0.0)).collect(),
        };
        assert_eq!(all_zero.validate(&content), Err(ExperimentError::AllZero));
        // An invalid experiment still assigns something, and never panics.
        assert_eq!(all_zero.assign(&content, None).id(), "illegal-and-harmful");
        assert_eq!(all_zero.weights(&content)[0], ("illegal-and-harmful".to_owned(), 1.0));
        // Only control is a valid experiment too (an A/A check of the page).
        let only_control = Experiment { control_weight: 1.0, ..all_zero };
        assert_eq!(only_control.validate(&content), Ok(()));
        assert_eq!(only_control.assign(&content, None), Arm::Control);
    }

    #[test]
    fn experiments_deserialize_with_defaults() {
        let experiment: Experiment = match toml::from_str("control_weight = 0.5\n[weights]\nhelp-to-stop = 2\n") {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(experiment.control_weight, 0.5);
        assert_eq!(experiment.weights.get("help-to-stop"), Some(&2.0));
        assert!(toml::from_str::<Experiment>("control = 1").is_err());
        assert_eq!(toml::from_str::<Experiment>("").ok(), Some(Experiment::default()));
    }
}
