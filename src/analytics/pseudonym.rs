//! Pseudonyms for operator session ids: a keyed hash under a random salt
//! that rotates every UTC day. The salt of a day is kept while that day and
//! the next run (so counts of a session that spans midnight can close), then
//! dropped; a pseudonym can never be recomputed afterwards, and the session
//! id itself is never stored.
//!
//! The salt of a day is stored with the day's counts (in the embedded store
//! or, shared by every instance, in Redis: the first one creates it with
//! `SET NX` and a TTL), so pseudonyms survive a restart. The keyed hash also
//! takes a *pepper*, derived from the service's `token_secret` and never
//! stored: whoever can read the store alone (a Redis dump, a copy of the
//! data file) cannot test guessed session ids against it. Without a
//! configured `token_secret` the pepper is random per process, and a
//! restart starts new pseudonyms.

use std::sync::RwLock;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Seconds in a UTC day.
pub const DAY_SECONDS: u64 = 86_400;

/// The UTC day number of `seconds` since the Unix epoch.
pub fn utc_day(seconds: u64) -> u32 {
    (seconds / DAY_SECONDS) as u32
}

/// The pseudonym of one session on one day: 32 bytes, never exported.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionKey(pub [u8; 32]);

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(..)")
    }
}

#[derive(Clone, Copy)]
struct DaySalt {
    day: u32,
    salt: [u8; 32],
}

/// Turns session ids into day-scoped pseudonyms.
pub struct Pseudonymizer {
    salts: RwLock<Vec<DaySalt>>,
    pepper: [u8; 32],
}

impl Default for Pseudonymizer {
    /// A pseudonymizer with a random pepper (pseudonyms of this process only).
    fn default() -> Self {
        Pseudonymizer::with_pepper(rand::random())
    }
}

impl std::fmt::Debug for Pseudonymizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymizer { .. }")
    }
}

impl Pseudonymizer {
    /// A pseudonymizer whose keyed hash also takes `pepper`, a secret kept
    /// out of every store (see the module documentation).
    pub fn with_pepper(pepper: [u8; 32]) -> Self {
        Pseudonymizer { salts: RwLock::new(Vec::new()), pepper }
    }

    /// Uses `salt` for `day` (a salt shared by the fleet through Redis).
    /// Salts of days before `day - 1` are dropped.
    pub fn install(&self, day: u32, salt: [u8; 32]) {
        let mut salts = self.salts.write().unwrap_or_else(|e| e.into_inner());
        salts.retain(|s| s.day != day && s.day + 1 >= day);
        salts.push(DaySalt { day, salt });
    }

    /// Whether a salt for `day` is present.
    pub fn has_day(&self, day: u32) -> bool {
        self.salts.read().unwrap_or_else(|e| e.into_inner()).iter().any(|s| s.day == day)
    }

    /// The pseudonym of `session` on `day`. A day without a salt gets a
    /// fresh random one (kept in this process only).
    pub fn key(&self, session: &str, day: u32) -> SessionKey {
        let salt = {
            let salts = self.salts.read().unwrap_or_else(|e| e.into_inner());
            salts.iter().find(|s| s.day == day).map(|s| s.salt)
        };
        let salt = match salt {
            Some(salt) => salt,
            None => {
                let fresh: [u8; 32] = rand::random();
                let mut salts = self.salts.write().unwrap_or_else(|e| e.into_inner());
                // Another thread may have drawn one meanwhile: keep the first.
                match salts.iter().find(|s| s.day == day) {
                    Some(existing) => existing.salt,
                    None => {
                        salts.retain(|s| s.day + 1 >= day);
                        salts.push(DaySalt { day, salt: fresh });
                        fresh
                    }
                }
            }
        };
        let mut key = [0u8; 64];
        key[..32].copy_from_slice(&salt);
        key[32..].copy_from_slice(&self.pepper);
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(session.as_bytes());
        SessionKey(mac.finalize().into_bytes().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_session_same_day_same_key_and_never_across_days() {
        let p = Pseudonymizer::default();
        assert_eq!(p.key("session-a", 100), p.key("session-a", 100));
        assert_ne!(p.key("session-a", 100), p.key("session-b", 100));
        assert_ne!(p.key("session-a", 100), p.key("session-a", 101));
    }

    #[test]
    fn old_salts_are_dropped_so_old_keys_cannot_be_recomputed() {
        let p = Pseudonymizer::default();
        let first = p.key("s", 10);
        p.key("s", 11);
        assert!(p.has_day(10), "yesterday's salt stays for one more day");
        p.key("s", 12);
        assert!(!p.has_day(10));
        assert_ne!(p.key("s", 10), first, "a dropped day gets a new salt");
    }

    #[test]
    fn installed_salts_are_shared_by_instances_with_the_same_secret() {
        let (a, b) = (Pseudonymizer::with_pepper([1; 32]), Pseudonymizer::with_pepper([1; 32]));
        a.install(5, [7; 32]);
        b.install(5, [7; 32]);
        assert_eq!(a.key("s", 5), b.key("s", 5));
        assert!(!format!("{:?}", a.key("s", 5)).contains('7'));
    }

    #[test]
    fn the_stored_salt_alone_does_not_recompute_a_pseudonym() {
        let (service, reader_of_the_store) = (Pseudonymizer::with_pepper([1; 32]), Pseudonymizer::with_pepper([2; 32]));
        service.install(5, [7; 32]);
        reader_of_the_store.install(5, [7; 32]);
        assert_ne!(service.key("guessed-session", 5), reader_of_the_store.key("guessed-session", 5));
    }
}
