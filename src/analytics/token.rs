//! Event tokens: what a check hands the operator so that later events
//! (warning displayed, chatbot opened, helpline clicked) can be counted under
//! the same dimensions, without any identity.
//!
//! A token is `base64url(JSON claims) "." base64url(HMAC-SHA-256 truncated to
//! 128 bits)`. The claims are aggregate dimensions only (variant, locale,
//! country, surface, list version, category, entry id) and an expiry: never
//! the query, never the session or its pseudonym. Tokens are signed, not
//! encrypted: the operator may read them, and nothing in them is secret.

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// Bytes of the HMAC kept in a token.
const TAG_BYTES: usize = 16;
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
    /// The signature does not match: forged, altered, or signed by another key.
    #[error("the event token's signature is not valid")]
    BadSignature,
    /// The token is past its expiry.
    #[error("the event token has expired")]
    Expired,
}

/// Signs and verifies event tokens with one secret key.
#[derive(Clone)]
pub struct TokenSigner {
    key: Vec<u8>,
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
        TokenSigner { key: key.into(), ttl_seconds }
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

    /// Issues a token for `claims` (its `exp` is set from the signer's TTL).
    pub fn issue(&self, mut claims: Claims) -> String {
        claims.exp = now_seconds() + self.ttl_seconds;
        claims.nonce = rand::random();
        let json = serde_json::to_vec(&claims).unwrap_or_default();
        let payload = URL_SAFE_NO_PAD.encode(json);
        let mut mac = self.mac();
        mac.update(payload.as_bytes());
        let tag = mac.finalize().into_bytes();
        format!("{payload}.{}", URL_SAFE_NO_PAD.encode(&tag[..TAG_BYTES]))
    }

    /// Verifies `token` at `now` (seconds) and returns its claims.
    pub fn verify_at(&self, token: &str, now: u64) -> Result<Claims, TokenError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenError::Malformed);
        }
        let (payload, tag) = token.split_once('.').ok_or(TokenError::Malformed)?;
        let tag = URL_SAFE_NO_PAD.decode(tag).map_err(|_| TokenError::Malformed)?;
        if tag.len() != TAG_BYTES {
            return Err(TokenError::Malformed);
        }
        let mut mac = self.mac();
        mac.update(payload.as_bytes());
        mac.verify_truncated_left(&tag).map_err(|_| TokenError::BadSignature)?;
        let json = URL_SAFE_NO_PAD.decode(payload).map_err(|_| TokenError::Malformed)?;
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
        let (payload, tag) = token.split_once('.').unwrap();
        let mut forged = claims();
        forged.variant = "control".into();
        forged.exp = u64::MAX;
        let forged_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).unwrap());
        assert_eq!(signer.verify(&format!("{forged_payload}.{tag}")), Err(TokenError::BadSignature));
        assert_eq!(signer.verify_at(&token, now_seconds() + 120), Err(TokenError::Expired));
        for bad in ["", "abc", "a.b", &format!("{payload}."), &format!("{payload}.{tag}x"), &"x".repeat(2000)] {
            assert!(signer.verify(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tokens_never_hold_a_query_or_session() {
        let json = serde_json::to_value(claims()).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["category", "country", "entry", "exp", "list_version", "locale", "n", "variant"]);
    }
}
