//! Retries made safe: an `Idempotency-Key` is stored hashed, with a hash of the content
//! it was first sent with, so a retry gets the first answer back and the same key with
//! other content (someone else's guess at a key) gets nothing of it.

use crate::kernel::error::Error;
use crate::kernel::token::hex_sha256;

const MAX_KEY: usize = 200;

/// The stored form of an `Idempotency-Key` header: its hash, once its length is checked.
pub fn key_hash(key: Option<&str>) -> Result<Option<String>, Error> {
    key.map(|k| {
        if k.is_empty() || k.len() > MAX_KEY {
            return Err(Error::field("invalid_idempotency_key", "Idempotency-Key"));
        }
        Ok(hex_sha256(k.as_bytes()))
    })
    .transpose()
}

/// The hash of a submission's content, from its checked values in a fixed order.
pub fn content_hash(canonical: &serde_json::Value) -> String {
    hex_sha256(canonical.to_string().as_bytes())
}

/// The key came with other content the first time: refused, and nothing of the first
/// submission is told.
pub fn key_reused() -> Error {
    Error::field("idempotency_key_reused", "Idempotency-Key")
}
