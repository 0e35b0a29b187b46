//! R02: reservation numbers (and, later, link tokens) from a CSPRNG, stored only as hashes.

use crate::kernel::error::FieldError;
use sha2::{Digest, Sha256};
use std::fmt;

/// Crockford base32: no I, L, O, U, so a number read aloud at the counter is unambiguous.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 4;
const GROUP_LEN: usize = 5;
const LEN: usize = GROUPS * GROUP_LEN;

/// 20 Crockford symbols = 100 random bits, shown as `XXXXX-XXXXX-XXXXX-XXXXX`.
#[derive(Clone, PartialEq, Eq)]
pub struct ReservationNumber(String);

/// `n` uniformly random Crockford symbols from the host's CSPRNG.
fn random_symbols(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).expect("the host provides randomness");
    // 256 is a multiple of 32, so taking the low five bits keeps the symbols uniform.
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

impl ReservationNumber {
    pub fn generate() -> Self {
        Self(random_symbols(LEN))
    }

    /// Accepts the number as people type it: any case, with or without dashes
    /// or spaces, O for 0 and I/L for 1.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let invalid = || FieldError::new("invalid_reservation_number", "number");
        if input.len() > 64 {
            return Err(invalid());
        }
        let mut symbols = String::with_capacity(LEN);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(invalid()),
            };
            symbols.push(c);
        }
        if symbols.len() != LEN {
            return Err(invalid());
        }
        Ok(Self(symbols))
    }

    /// The only form stored: the number itself is a bearer credential (R03).
    pub fn hash(&self) -> String {
        hex_sha256(self.0.as_bytes())
    }
}

impl fmt::Display for ReservationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<&str> = (0..GROUPS)
            .map(|g| &self.0[g * GROUP_LEN..(g + 1) * GROUP_LEN])
            .collect();
        f.write_str(&groups.join("-"))
    }
}

impl fmt::Debug for ReservationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print a credential into logs.
        f.write_str("ReservationNumber(…)")
    }
}

/// A link token (R14): 26 symbols = 130 random bits, only ever stored hashed.
#[derive(Clone, PartialEq, Eq)]
pub struct LinkToken(String);

impl LinkToken {
    const LEN: usize = 26;

    pub fn generate() -> Self {
        Self(random_symbols(Self::LEN))
    }

    /// None for anything that can't be a token: it is then as unknown as a wrong one.
    pub fn parse(input: &str) -> Option<Self> {
        let valid = input.len() == Self::LEN && input.bytes().all(|b| ALPHABET.contains(&b));
        valid.then(|| Self(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> String {
        hex_sha256(self.0.as_bytes())
    }
}

impl fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LinkToken(…)")
    }
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn r02_numbers_are_unique_and_round_trip() {
        let numbers: HashSet<String> = (0..2000)
            .map(|_| ReservationNumber::generate().to_string())
            .collect();
        assert_eq!(numbers.len(), 2000);
        let n = numbers.iter().next().unwrap();
        assert_eq!(n.len(), 23);
        assert_eq!(&ReservationNumber::parse(n).unwrap().to_string(), n);
    }

    #[test]
    fn r02_parse_accepts_how_people_type_it() {
        let n = ReservationNumber::parse("abcde-fghjk-mnpqr-stvw0").unwrap();
        assert_eq!(
            ReservationNumber::parse("ABCDE FGHJK MNPQR STVWO").unwrap(),
            n
        );
        assert_eq!(
            n.hash(),
            ReservationNumber::parse("ABCDEFGHJKMNPQRSTVW0")
                .unwrap()
                .hash()
        );
    }

    #[test]
    fn r02_malformed_numbers_are_refused() {
        for bad in [
            "",
            "ABCDE",
            "ABCDE-FGHJK-MNPQR-STVWXY",
            "ABCDE-FGHJK-MNPQR-STVU0",
            "../../etc",
        ] {
            assert!(ReservationNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn r14_link_tokens_are_long_random_and_parse_back() {
        let a = LinkToken::generate();
        assert_ne!(a, LinkToken::generate());
        assert_eq!(LinkToken::parse(a.as_str()), Some(a.clone()));
        assert!(LinkToken::parse(&a.as_str()[1..]).is_none());
        assert!(LinkToken::parse("../../../../etc/passwd/xxxxx").is_none());
    }

    #[test]
    fn r02_debug_does_not_leak_the_number() {
        let n = ReservationNumber::generate();
        assert!(!format!("{n:?}").contains(&n.to_string()[..5]));
    }
}
