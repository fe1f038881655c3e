//! A HyperLogLog for unique sessions in the embedded store (Redis has its
//! own, `PFADD`/`PFCOUNT`). 4,096 registers of one byte: a standard error of
//! about 1.6%, and nothing in the registers can be turned back into a
//! pseudonym. The register format is this file's own and stable, because it
//! is stored.

/// Registers: 2^12.
pub const REGISTERS: usize = 4096;
const INDEX_BITS: u32 = 12;

/// A HyperLogLog sketch.
#[derive(Clone, PartialEq, Eq)]
pub struct HyperLogLog {
    registers: Vec<u8>,
}

impl Default for HyperLogLog {
    fn default() -> Self {
        HyperLogLog { registers: vec![0; REGISTERS] }
    }
}

impl HyperLogLog {
    /// A sketch from stored registers (a wrong length gives an empty sketch).
    pub fn from_bytes(bytes: &[u8]) -> Self {
        if bytes.len() == REGISTERS { HyperLogLog { registers: bytes.to_vec() } } else { HyperLogLog::default() }
    }

    /// The registers, for storing.
    pub fn as_bytes(&self) -> &[u8] {
        &self.registers
    }

    /// Adds a uniformly random 32-byte value (a pseudonym is an HMAC output).
    pub fn add(&mut self, value: &[u8; 32]) {
        let mut word = [0u8; 8];
        word.copy_from_slice(&value[..8]);
        let hash = u64::from_le_bytes(word);
        let index = (hash >> (64 - INDEX_BITS)) as usize;
        let rest = hash << INDEX_BITS;
        let rank = (rest.leading_zeros().min(64 - INDEX_BITS) + 1) as u8;
        if rank > self.registers[index] {
            self.registers[index] = rank;
        }
    }

    /// Merges `other` into this sketch (sketches of one day from several
    /// instances merge into the day's estimate; only tests merge in memory).
    #[cfg(test)]
    pub fn merge(&mut self, other: &HyperLogLog) {
        for (mine, theirs) in self.registers.iter_mut().zip(&other.registers) {
            *mine = (*mine).max(*theirs);
        }
    }

    /// The estimated number of distinct values added.
    pub fn count(&self) -> u64 {
        let m = REGISTERS as f64;
        let alpha = 0.7213 / (1.0 + 1.079 / m);
        let sum: f64 = self.registers.iter().map(|&r| 2f64.powi(-i32::from(r))).sum();
        let estimate = alpha * m * m / sum;
        let zeros = self.registers.iter().filter(|&&r| r == 0).count();
        if estimate <= 2.5 * m && zeros > 0 {
            // Small range: linear counting is exact enough and unbiased.
            (m * (m / zeros as f64).ln()).round() as u64
        } else {
            estimate.round() as u64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn value(i: u64) -> [u8; 32] {
        Sha256::digest(i.to_le_bytes()).into()
    }

    #[test]
    fn counts_within_a_few_percent() {
        for n in [0u64, 1, 10, 100, 1_000, 10_000, 100_000] {
            let mut sketch = HyperLogLog::default();
            for i in 0..n {
                sketch.add(&value(i));
                sketch.add(&value(i)); // duplicates do not count
            }
            let estimate = sketch.count() as f64;
            let error = if n == 0 { estimate } else { (estimate - n as f64).abs() / n as f64 };
            assert!(error <= 0.05, "{n}: estimated {estimate}");
        }
    }

    #[test]
    fn merging_is_the_union() {
        let (mut a, mut b) = (HyperLogLog::default(), HyperLogLog::default());
        for i in 0..3000 {
            a.add(&value(i));
        }
        for i in 2000..5000 {
            b.add(&value(i));
        }
        a.merge(&b);
        let estimate = a.count() as f64;
        assert!((estimate - 5000.0).abs() / 5000.0 < 0.05, "{estimate}");
        assert_eq!(HyperLogLog::from_bytes(a.as_bytes()).count(), a.count());
    }
}
