//! Event tokens: what a check hands the operator so that later events
//! (warning displayed, chatbot opened, helpline clicked) can be counted under
//! the same dimensions, without any identity.
//!
//! A token is `base64url(nonce ‖ XChaCha20-Poly1305(JSON claims))`, sealed
//! under a key derived from the service secret. The claims are aggregate
//! dimensions only (variant, locale, country, surface, list version,
//! category, entry id), a random number and an expiry: never the query, never
//! the session or its pseudonym. Tokens are opaque: they travel in URLs that
//! land in browser histories and proxy logs, so nothing in them can be read
//! without the key, and any change to one is refused.

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// Bytes of the random nonce that starts a token.
const NONCE_BYTES: usize = 24;
/// Bytes of the authentication tag that ends the sealed claims.
const TAG_BYTES: usize = 16;
/// Bound to every token: a token of another format or purpose never opens.
const ASSOCIATED_DATA: &[u8] = b"signpost event token v2";
/// Longest token accepted for verification, in bytes.
pub const MAX_TOKEN_BYTES: usize = 1024;

/// The dimensions a token carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Expiry, seconds since the Unix epoch.
    pub exp: u64,
    /// A random number drawn for each token issued, so that two checks
    /// with the same dimensions in the same second still get tokens the
    /// replay record tells apart ([`super::replay`]); not an identity.
    #[serde(default, rename = "n")]
    pub nonce: u64,
    /// The message variant shown (or `control`).
    pub variant: String,
    /// The locale the warning was shown in.
    pub locale: String,
    /// ISO country code, when the operator gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The operator's surface (`search`, `chat`, ...), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<String>,
    /// The list version that matched.
    pub list_version: String,
    /// The first matched category.
    pub category: String,
    /// The first matched entry id (an id, never the term).
    pub entry: String,
}

/// Why a token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not a token at all (wrong shape, bad encoding, bad JSON).
    #[error("the event token is malformed")]
    Malformed,
    /// The token does not open: forged, altered, or sealed with another key.
    #[error("the event token is not valid")]
    BadSignature,
    /// The token is past its expiry.
    #[error("the event token has expired")]
    Expired,
}

/// Seals and opens event tokens with one secret key (the type keeps its
/// name: it is part of the library's API).
#[derive(Clone)]
pub struct TokenSigner {
    key: Vec<u8>,
    /// The sealing key, derived from `key` once (every warning seals a token).
    sealing: [u8; 32],
    ttl_seconds: u64,
}

impl std::fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSigner").field("ttl_seconds", &self.ttl_seconds).finish_non_exhaustive()
    }
}

/// Seconds since the Unix epoch, now.
pub fn now_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl TokenSigner {
    /// A signer with `key`; tokens live `ttl_seconds`.
    pub fn new(key: impl Into<Vec<u8>>, ttl_seconds: u64) -> Self {
        let mut signer = TokenSigner { key: key.into(), sealing: [0; 32], ttl_seconds };
        signer.sealing = signer.derive_key("event tokens");
        signer
    }

    /// A signer with a random key (tokens then verify only in this process).
    pub fn random(ttl_seconds: u64) -> Self {
        let key: [u8; 32] = rand::random();
        TokenSigner::new(key.to_vec(), ttl_seconds)
    }

    /// A key for another purpose derived from the signing secret (HMAC of
    /// the purpose's name), so one configured secret serves several uses
    /// without any of them revealing another.
    pub fn derive_key(&self, purpose: &str) -> [u8; 32] {
        let mut mac = self.mac();
        mac.update(b"signpost derived key\0");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes keys of any length, so this cannot fail.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }

    /// Issues a token for `claims` (its `exp` is set from the signer's TTL,
    /// its random number drawn here).
    pub fn issue(&self, mut claims: Claims) -> String {
        claims.exp = now_seconds() + self.ttl_seconds;
        claims.nonce = rand::random();
        self.seal(&claims)
    }

    /// The token of `claims` exactly as given (expiry included): for tools
    /// and tests that need a token of a past or chosen time.
    pub fn seal(&self, claims: &Claims) -> String {
        let json = serde_json::to_vec(claims).unwrap_or_default();
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Sealing fails only for messages of gigabytes; claims are a few
        // hundred bytes.
        let sealed = self.cipher().encrypt(&nonce, Payload { msg: &json, aad: ASSOCIATED_DATA }).unwrap_or_default();
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.sealing.into())
    }

    /// Verifies `token` at `now` (seconds) and returns its claims.
    pub fn verify_at(&self, token: &str, now: u64) -> Result<Claims, TokenError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenError::Malformed);
        }
        let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| TokenError::Malformed)?;
        if bytes.len() < NONCE_BYTES + TAG_BYTES {
            return Err(TokenError::Malformed);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let json = self
            .cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: ASSOCIATED_DATA })
            .map_err(|_| TokenError::BadSignature)?;
        let claims: Claims = serde_json::from_slice(&json).map_err(|_| TokenError::Malformed)?;
        if claims.exp < now {
            return Err(TokenError::Expired);
        }
        Ok(claims)
    }

    /// Verifies `token` now.
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        self.verify_at(token, now_seconds())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            exp: 0,
            nonce: 0,
            variant: "help-to-stop".into(),
            locale: "en".into(),
            country: Some("GB".into()),
            surface: None,
            list_version: "abc".into(),
            category: "fictional-terms".into(),
            entry: "0123456789abcdef".into(),
        }
    }

    #[test]
    fn issued_tokens_verify_and_carry_their_claims() {
        let signer = TokenSigner::new(b"k".to_vec(), 60);
        let token = signer.issue(claims());
        let back = signer.verify(&token).unwrap();
        assert_eq!(back.variant, "help-to-stop");
        assert!(back.exp >= now_seconds() + 59);
    }

    #[test]
    fn forged_altered_expired_and_malformed_tokens_are_refused() {
        let signer = TokenSigner::new(b"k".to_vec(), 60);
        let token = signer.issue(claims());
        let other = TokenSigner::new(b"other".to_vec(), 60);
        assert_eq!(other.verify(&token), Err(TokenError::BadSignature));
        let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        for at in [0, NONCE_BYTES, bytes.len() - 1] {
            bytes[at] ^= 1;
            assert_eq!(signer.verify(&URL_SAFE_NO_PAD.encode(&bytes)), Err(TokenError::BadSignature), "byte {at}");
            bytes[at] ^= 1;
        }
        assert_eq!(signer.verify_at(&token, now_seconds() + 120), Err(TokenError::Expired));
        let expired = signer.seal(&Claims { exp: now_seconds() - 1, ..claims() });
        assert_eq!(signer.verify(&expired), Err(TokenError::Expired));
        for bad in ["", "abc", "a.b", &token[..token.len() - 2], &format!("{token}x"), &"x".repeat(2000)] {
            assert!(signer.verify(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tokens_are_opaque_and_never_repeat() {
        let signer = TokenSigner::new(b"k".to_vec(), 60);
        let (first, second) = (signer.issue(claims()), signer.issue(claims()));
        assert_ne!(first, second, "a fresh nonce and random number each time");
        let bytes = URL_SAFE_NO_PAD.decode(&first).unwrap();
        // Short claims are sought with their JSON quotes, so that random bytes cannot match them by chance.
        for readable in ["0123456789abcdef", "fictional-terms", "\"GB\"", "help-to-stop", "variant"] {
            assert!(!first.contains(readable), "{readable}");
            assert!(!bytes.windows(readable.len()).any(|w| w == readable.as_bytes()), "{readable} in the bytes");
        }
    }

    #[test]
    fn tokens_never_hold_a_query_or_session() {
        let json = serde_json::to_value(claims()).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["category", "country", "entry", "exp", "list_version", "locale", "n", "variant"]);
    }
}
