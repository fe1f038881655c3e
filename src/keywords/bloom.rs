//! A small Bloom filter over 64-bit keys: the matcher's evidence tables.
//!
//! Costly readings (an entry split across words, a typo) are tried only
//! when the query holds a piece that some entry could be made of. A filter
//! answers "certainly not" for almost every innocent query in one or two
//! cache lines, and "maybe" for the rest, which the reading then checks
//! exactly.

/// Bits per key: two probes at 16 bits a key answer "maybe" for about 1.4%
/// of keys that were never inserted.
const BITS_PER_KEY: usize = 16;

/// A set of 64-bit keys that may answer "maybe" for keys it does not hold,
/// never "no" for keys it does.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bloom {
    words: Vec<u64>,
    /// `words.len() * 64 - 1`; the bit count is a power of two.
    mask: u64,
}

impl Bloom {
    /// A filter holding `keys`; empty (answering "no" to all) when there are none.
    pub(crate) fn from_keys(keys: &[u64]) -> Bloom {
        if keys.is_empty() {
            return Bloom::default();
        }
        let bits = (keys.len() * BITS_PER_KEY).next_power_of_two().max(64);
        let mut bloom = Bloom { words: vec![0; bits / 64], mask: bits as u64 - 1 };
        for &key in keys {
            for bit in bloom.probes(key) {
                bloom.words[(bit / 64) as usize] |= 1 << (bit % 64);
            }
        }
        bloom
    }

    /// Whether the filter may hold `key`.
    pub(crate) fn may_contain(&self, key: u64) -> bool {
        !self.words.is_empty()
            && self.probes(key).into_iter().all(|bit| self.words[(bit / 64) as usize] >> (bit % 64) & 1 == 1)
    }

    /// Whether the filter holds nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.words.capacity() * 8
    }

    fn probes(&self, key: u64) -> [u64; 2] {
        // Spread the key (keys may be weak hashes), then take two probes
        // from its halves.
        let mixed = mix(key);
        [mixed & self.mask, mixed.rotate_left(32).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 7 & self.mask]
    }
}

/// A 64-bit hash of bytes, fed one piece at a time: `ByteHash::default()`,
/// then [`ByteHash::feed`] each piece; equal byte sequences hash equally
/// however they are cut into pieces.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ByteHash(u64);

impl Default for ByteHash {
    fn default() -> Self {
        ByteHash(0xCBF2_9CE4_8422_2325)
    }
}

impl ByteHash {
    /// The hash after `bytes` more.
    pub(crate) fn feed(self, bytes: &[u8]) -> ByteHash {
        let mut hash = self.0;
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        ByteHash(hash)
    }

    /// The hash value.
    pub(crate) fn value(self) -> u64 {
        self.0
    }
}

/// The finaliser of SplitMix64: every bit of the key moves every bit out.
fn mix(mut key: u64) -> u64 {
    key ^= key >> 30;
    key = key.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    key ^= key >> 27;
    key = key.wrapping_mul(0x94D0_49BB_1331_11EB);
    key ^ key >> 31
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_key_inserted_and_few_others() {
        let keys: Vec<u64> = (0..10_000u64).map(|k| ByteHash::default().feed(&k.to_le_bytes()).value()).collect();
        let bloom = Bloom::from_keys(&keys);
        assert!(keys.iter().all(|&k| bloom.may_contain(k)));
        let others = (10_000..110_000u64)
            .filter(|k| bloom.may_contain(ByteHash::default().feed(&k.to_le_bytes()).value()))
            .count();
        assert!(others < 3_000, "{others} of 100,000 keys never inserted answered maybe");
    }

    #[test]
    fn an_empty_filter_holds_nothing() {
        let bloom = Bloom::from_keys(&[]);
        assert!(bloom.is_empty());
        assert!(!bloom.may_contain(0));
        assert!(!bloom.may_contain(42));
    }

    #[test]
    fn pieces_hash_like_the_whole() {
        let whole = ByteHash::default().feed(b"zorvik").value();
        assert_eq!(ByteHash::default().feed(b"zor").feed(b"vik").value(), whole);
        assert_ne!(ByteHash::default().feed(b"zorvi").value(), whole);
    }
}
