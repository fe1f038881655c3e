//! The noise of an export: the key it is drawn under and Laplace noise of
//! scale 1/ε, fixed per count.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::*;

/// The key of the noise added to published counts.
///
/// The noise of a count is derived from this key, what the count counts and
/// its value, so the same question always gets the same answer and repeated
/// requests cannot be averaged. Whoever holds the key can compute and remove
/// the noise: keep it as secret as the counts.
#[derive(Clone)]
pub struct NoiseKey([u8; 32]);

impl std::fmt::Debug for NoiseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NoiseKey(..)")
    }
}

impl NoiseKey {
    /// The label that separates this key from other uses of a secret.
    const LABEL: &'static [u8] = b"signpost/export-noise-key/v1\0";

    /// A key of these bytes.
    pub fn new(bytes: [u8; 32]) -> NoiseKey {
        NoiseKey(bytes)
    }

    /// The key derived from a service secret (e.g. `token_secret`, which a
    /// fleet shares, so that every instance gives the same answer), under a
    /// label of its own: the secret itself keys nothing here.
    pub fn derive(secret: &[u8]) -> NoiseKey {
        NoiseKey(Sha256::new().chain_update(Self::LABEL).chain_update(secret).finalize().into())
    }

    /// A random key made once per process: answers are stable while the
    /// process runs, but differ between processes and restarts (and may then
    /// be averaged).
    pub fn per_process() -> NoiseKey {
        static KEY: OnceLock<[u8; 32]> = OnceLock::new();
        NoiseKey(*KEY.get_or_init(rand::random))
    }

    /// The key derived from a configured secret, or [`NoiseKey::per_process`]
    /// when there is none.
    pub fn from_secret(secret: Option<&str>) -> NoiseKey {
        secret.map_or_else(NoiseKey::per_process, |s| NoiseKey::derive(s.as_bytes()))
    }
}

/// Laplace noise of scale 1/ε, or none, keyed per count.
pub(super) struct Noiser {
    pub(super) scale: Option<f64>,
    pub(super) mac: Hmac<Sha256>,
}

impl Noiser {
    /// Noise for `epsilon` (none when absent or not positive) under `key`.
    pub(super) fn new(epsilon: Option<f64>, key: &NoiseKey) -> Self {
        // HMAC takes keys of any length, so this cannot fail.
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        Noiser { scale: epsilon.filter(|e| *e > 0.0 && e.is_finite()).map(|e| 1.0 / e), mac }
    }

    /// `value` as published: rounded, never below zero.
    pub(super) fn apply(&self, id: &CellId<'_>, value: u64) -> u64 {
        match self.noise(id, value) {
            Some(noise) => (value as f64 + noise).round().max(0.0) as u64,
            None => value,
        }
    }

    /// The noise of the count `id` whose true value is `value`: Laplace by
    /// the inverse CDF of a uniform drawn from a keyed hash of both.
    pub(super) fn noise(&self, id: &CellId<'_>, value: u64) -> Option<f64> {
        let scale = self.scale?;
        let u = self.uniform(id, value);
        Some(-scale * u.signum() * (1.0 - 2.0 * u.abs()).ln())
    }

    /// A number in the open interval (−½, ½) from the keyed hash of `id` and
    /// `value` (the value is hashed too, so a count that grows gets new noise
    /// and a difference of two answers is not exact).
    pub(super) fn uniform(&self, id: &CellId<'_>, value: u64) -> f64 {
        let mut mac = self.mac.clone();
        let mut text = |bytes: &[u8]| {
            mac.update(&(bytes.len() as u64).to_be_bytes());
            mac.update(bytes);
        };
        text(id.metric.as_bytes());
        text(&id.start.to_be_bytes());
        text(&id.end.to_be_bytes());
        for (dimension, group) in id.group {
            text(dimension.as_bytes());
            text(group.as_bytes());
        }
        text(&value.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        // The top 52 bits, centred in their step: (bits + ½) / 2⁵² is exact
        // in an f64, so the result is never −½ or ½ (where the Laplace
        // inverse would be infinite).
        let bits = u64::from_be_bytes(first) >> 12;
        (bits as f64 + 0.5) / (1u64 << 52) as f64 - 0.5
    }
}
