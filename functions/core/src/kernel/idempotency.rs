//! Retries made safe: an `Idempotency-Key` is stored hashed, with a hash of the content
//! it was first sent with, so a retry gets the first answer back and the same key with
//! other content (someone else's guess at a key) gets nothing of it.

use crate::kernel::error::Error;
use crate::kernel::token::hex_sha256;

const MAX_KEY: usize = 200;

/// The stored form of an `Idempotency-Key` header: its hash, once it is checked to be 1 to
/// 200 visible ASCII characters (spaces inside, as the header carries them).
pub fn key_hash(key: Option<&str>) -> Result<Option<String>, Error> {
    key.map(|k| {
        if k.is_empty() || k.len() > MAX_KEY || !k.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return Err(invalid_key());
        }
        Ok(hex_sha256(k.as_bytes()))
    })
    .transpose()
}

/// The key is not 1 to 200 visible ASCII characters (or not text at all).
pub fn invalid_key() -> Error {
    Error::field("invalid_idempotency_key", "Idempotency-Key")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_one_to_two_hundred_visible_ascii_characters() {
        for good in ["0", "order 7 / retry", &"k".repeat(200)] {
            assert!(key_hash(Some(good)).unwrap().is_some(), "{good:?}");
        }
        for bad in ["", &"k".repeat(201), "cheie-ț", "a\tb", "a\u{7f}b", "×"] {
            let Err(Error::Field(f)) = key_hash(Some(bad)) else {
                panic!("{bad:?} is refused as a key");
            };
            assert_eq!(f.code, "invalid_idempotency_key", "{bad:?}");
        }
        assert_eq!(key_hash(None).unwrap(), None);
    }
}
