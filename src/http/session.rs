//! Dashboard sign-in sessions: what a browser holds after signing in with
//! the research token, instead of the token.
//!
//! A session cookie is `id.expiry.tag`: a random id, an expiry eight hours
//! on, and an HMAC over both and a digest of the research token, under a key
//! derived from `token_secret` (so a fleet sharing the secret shares the
//! sessions, and changing the research token ends every session). Signing
//! out revokes the session on this instance until it would have expired,
//! and on a fleet sharing Redis on every instance (the shared record of
//! `analytics::replay`, asked by `auth::require_research`).
//! Wrong tokens are limited per instance: after [`MAX_FAILURES`] in a
//! minute, sign-ins are refused until the minute is over.

use std::collections::HashMap;
use std::sync::Mutex;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// How long a session lasts, in seconds.
pub const SESSION_SECONDS: u64 = 8 * 3600;
/// Wrong research tokens accepted per minute before sign-ins pause.
pub const MAX_FAILURES: u32 = 10;
/// Most revoked sessions remembered (older ones are dropped once expired).
const MAX_REVOKED: usize = 10_000;

/// Issues, checks and revokes dashboard sessions.
pub struct DashboardSessions {
    key: [u8; 32],
    revoked: Mutex<HashMap<u64, u64>>,
    /// The minute (seconds / 60) of the failures counted, and their number.
    failures: Mutex<(u64, u32)>,
}

impl std::fmt::Debug for DashboardSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DashboardSessions").finish_non_exhaustive()
    }
}

impl DashboardSessions {
    /// Sessions keyed by `key` (derived from the service secret).
    pub fn new(key: [u8; 32]) -> DashboardSessions {
        DashboardSessions { key, revoked: Mutex::new(HashMap::new()), failures: Mutex::new((0, 0)) }
    }

    /// A new session's cookie value for the research token `token` at `now`.
    pub fn issue(&self, token: &str, now: u64) -> String {
        let id: u64 = rand::random();
        let expires = now + SESSION_SECONDS;
        format!("{id:016x}.{expires}.{}", self.tag(id, expires, token))
    }

    /// Whether `cookie` is a live, unrevoked session for `token` at `now`.
    pub fn verify(&self, cookie: &str, token: &str, now: u64) -> bool {
        let Some((id, expires, tag)) = parse(cookie) else { return false };
        if expires < now || expires > now + SESSION_SECONDS {
            return false;
        }
        if !super::auth::same(tag, &self.tag(id, expires, token)) {
            return false;
        }
        self.revoked.lock().is_ok_and(|revoked| !revoked.contains_key(&id))
    }

    /// Ends the session of `cookie` (signing out), whatever its state.
    pub fn revoke(&self, cookie: &str, now: u64) {
        let Some((id, expires, _)) = parse(cookie) else { return };
        if let Ok(mut revoked) = self.revoked.lock() {
            if revoked.len() >= MAX_REVOKED {
                revoked.retain(|_, until| *until >= now);
            }
            if revoked.len() < MAX_REVOKED {
                revoked.insert(id, expires);
            }
        }
    }

    /// The id and expiry of a well-formed session cookie (for the record a
    /// fleet shares of sessions signed out).
    pub fn id_of(cookie: &str) -> Option<(u64, u64)> {
        parse(cookie).map(|(id, expires, _)| (id, expires))
    }

    /// Whether a sign-in may be tried at `now` (fewer than [`MAX_FAILURES`]
    /// wrong tokens this minute).
    pub fn may_try(&self, now: u64) -> bool {
        self.failures.lock().is_ok_and(|f| f.0 != now / 60 || f.1 < MAX_FAILURES)
    }

    /// Counts a wrong token at `now`.
    pub fn failed(&self, now: u64) {
        if let Ok(mut failures) = self.failures.lock() {
            if failures.0 != now / 60 {
                *failures = (now / 60, 0);
            }
            failures.1 = failures.1.saturating_add(1);
        }
    }

    fn tag(&self, id: u64, expires: u64, token: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(format!("signpost dashboard session\0{id:016x}\0{expires}\0").as_bytes());
        mac.update(&Sha256::digest(token.as_bytes()));
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }
}

fn parse(cookie: &str) -> Option<(u64, u64, &str)> {
    let mut parts = cookie.splitn(3, '.');
    let id = u64::from_str_radix(parts.next()?, 16).ok()?;
    let expires = parts.next()?.parse().ok()?;
    Some((id, expires, parts.next()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "research-token-0123456789";

    #[test]
    fn sessions_expire_end_on_sign_out_and_with_the_token() {
        let sessions = DashboardSessions::new([7; 32]);
        let cookie = sessions.issue(TOKEN, 1_000);
        assert!(sessions.verify(&cookie, TOKEN, 1_000));
        assert!(sessions.verify(&cookie, TOKEN, 1_000 + SESSION_SECONDS));
        assert!(!sessions.verify(&cookie, TOKEN, 1_001 + SESSION_SECONDS), "expired");
        assert!(!sessions.verify(&cookie, "a-new-research-token-0123", 1_000), "the token changed");
        assert!(!DashboardSessions::new([8; 32]).verify(&cookie, TOKEN, 1_000), "another key");
        let (id, expires, tag) = parse(&cookie).unwrap();
        let longer = format!("{id:016x}.{}.{tag}", expires + 3600);
        assert!(!sessions.verify(&longer, TOKEN, 1_000), "an expiry cannot be moved");
        let other = sessions.issue(TOKEN, 1_000);
        sessions.revoke(&cookie, 1_000);
        assert!(!sessions.verify(&cookie, TOKEN, 1_000), "signed out");
        assert!(sessions.verify(&other, TOKEN, 1_000), "other sessions go on");
        for bad in ["", "x", "1.2", "zz.1.ab", &cookie.replace('.', "")] {
            assert!(!sessions.verify(bad, TOKEN, 1_000), "{bad}");
        }
    }

    #[test]
    fn wrong_tokens_pause_sign_ins_for_the_rest_of_the_minute() {
        let sessions = DashboardSessions::new([7; 32]);
        for _ in 0..MAX_FAILURES {
            assert!(sessions.may_try(120));
            sessions.failed(120);
        }
        assert!(!sessions.may_try(150), "paused");
        assert!(sessions.may_try(180), "the next minute");
    }
}
