//! Bot defence without key-value writes: a proof-of-work challenge in the ALTCHA v2
//! protocol (the `altcha` crate), signed with a secret variable, short-lived, and used
//! up by the row it admits (a unique column in the booking's or complaint's own INSERT).

use crate::kernel::error::Error;
use crate::office::ProofOfWorkSettings;
use altcha::{Challenge, CreateChallengeOptions, Payload, VerifySolutionOptions};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use serde_json::json;
use std::collections::BTreeMap;

/// Iterated SHA-256 with one round: what a page's WebCrypto solver computes quickly.
const ALGORITHM: &str = "SHA-256";
/// The solver must match this many leading bytes of the key the secret counter gives.
const PREFIX_BYTES: usize = 4;
/// A solved payload is a few hundred bytes of base64; anything longer is not one.
const MAX_PAYLOAD_CHARS: usize = 4096;

/// What a challenge admits, so one issued for a complaint can't book a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Booking,
    Complaint,
    Order,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Booking => "booking",
            Purpose::Complaint => "complaint",
            Purpose::Order => "order",
        }
    }

    /// `?for=booking|complaint|order` on the challenge endpoint.
    pub fn parse(code: &str) -> Option<Purpose> {
        match code {
            "booking" => Some(Purpose::Booking),
            "complaint" => Some(Purpose::Complaint),
            "order" => Some(Purpose::Order),
            _ => None,
        }
    }
}

/// The office's proof of work: on when a secret is set and the difficulty is above 0.
pub struct ProofOfWork {
    secret: String,
    key_secret: String,
    settings: ProofOfWorkSettings,
}

fn refused(code: &'static str) -> Error {
    Error::field(code, "altcha")
}

fn invalid() -> Error {
    refused("challenge_invalid")
}

impl ProofOfWork {
    /// None when the office turned the challenge off (difficulty 0 or no secret).
    pub fn new(secret: Option<String>, settings: ProofOfWorkSettings) -> Option<ProofOfWork> {
        let secret = secret.filter(|s| !s.is_empty() && settings.difficulty > 0)?;
        Some(ProofOfWork {
            key_secret: crate::kernel::token::hex_sha256(format!("altcha-key:{secret}").as_bytes()),
            secret,
            settings,
        })
    }

    /// A fresh challenge: the secret counter is drawn anew each time, so the work
    /// can't be skipped by guessing a fixed value.
    pub fn issue(&self, purpose: Purpose, now: DateTime<Utc>) -> Result<Challenge, Error> {
        // Uniform from 0, as ALTCHA draws it: a floor would be public (this code), and a
        // solver starting at it would skip the work an honest page does below it.
        let counter = random_u32() % (self.settings.difficulty + 1);
        let expires = now.timestamp() + i64::from(self.settings.ttl_seconds);
        let data = BTreeMap::from([
            ("for".to_owned(), json!(purpose.code())),
            ("exp".to_owned(), json!(expires)),
            // For the page's progress bar: no counter is above it. No secret: the range
            // is this function and the office's settings.
            ("max".to_owned(), json!(self.settings.difficulty)),
        ]);
        altcha::create_challenge(CreateChallengeOptions {
            algorithm: ALGORITHM.to_owned(),
            cost: 1,
            counter: Some(counter),
            data: Some(data),
            key_prefix_length: Some(PREFIX_BYTES),
            hmac_signature_secret: Some(self.secret.clone()),
            hmac_key_signature_secret: Some(self.key_secret.clone()),
            ..Default::default()
        })
        .map_err(|e| Error::Config {
            setting: "office.proof_of_work".to_owned(),
            problem: e.to_string(),
        })
    }

    /// Checks a solved payload (`altcha`: base64 of `{"challenge", "solution"}`) and
    /// returns the challenge's id, which the admitted row then uses up.
    pub fn verify(
        &self,
        payload: Option<&str>,
        purpose: Purpose,
        now: DateTime<Utc>,
    ) -> Result<String, Error> {
        let Some(payload) = payload.map(str::trim).filter(|p| !p.is_empty()) else {
            return Err(refused("challenge_required"));
        };
        if payload.len() > MAX_PAYLOAD_CHARS {
            return Err(invalid());
        }
        let bytes = STANDARD.decode(payload).map_err(|_| invalid())?;
        let payload: Payload = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
        let parameters = &payload.challenge.parameters;
        let data = parameters.data.as_ref().ok_or_else(invalid)?;
        if data.get("for").and_then(|v| v.as_str()) != Some(purpose.code()) {
            return Err(invalid());
        }
        let expires = data
            .get("exp")
            .and_then(serde_json::Value::as_i64)
            .ok_or_else(invalid)?;
        let options = VerifySolutionOptions {
            hmac_key_signature_secret: Some(self.key_secret.clone()),
            ..VerifySolutionOptions::new(&payload.challenge, &payload.solution, &self.secret)
        };
        // The signature covers `data`, so `exp` and `for` are checked before it is.
        let verified = altcha::verify_solution(options).map_err(|_| invalid())?;
        if !verified.verified {
            return Err(invalid());
        }
        if expires <= now.timestamp() {
            return Err(refused("challenge_expired"));
        }
        Ok(parameters.nonce.clone())
    }
}

/// A challenge that already admitted a booking or complaint (single use).
pub fn used() -> Error {
    refused("challenge_used")
}

fn random_u32() -> u32 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the platform's CSPRNG");
    u32::from_le_bytes(bytes)
}

/// The solved payload a client sends back: what a page's solver does, for API
/// clients and tests written in Rust.
pub fn solve(challenge: &Challenge) -> Option<String> {
    let solution =
        altcha::solve_challenge(altcha::SolveChallengeOptions::new(challenge)).ok()??;
    let payload = Payload {
        challenge: challenge.clone(),
        solution,
    };
    Some(STANDARD.encode(serde_json::to_vec(&payload).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn pow(difficulty: u32) -> ProofOfWork {
        ProofOfWork::new(
            Some("test-secret".into()),
            ProofOfWorkSettings {
                difficulty,
                ttl_seconds: 300,
            },
        )
        .unwrap()
    }

    #[test]
    fn solved_challenge_verifies_once_per_purpose_and_expires() {
        let pow = pow(200);
        let now = Utc::now();
        let challenge = pow.issue(Purpose::Booking, now).unwrap();
        assert_eq!(challenge.parameters.data.as_ref().unwrap()["max"], 200);
        let payload = solve(&challenge).unwrap();
        let id = pow.verify(Some(&payload), Purpose::Booking, now).unwrap();
        assert_eq!(id, challenge.parameters.nonce);
        let code = |r: Result<String, Error>| match r {
            Err(Error::Field(f)) => f.code,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            code(pow.verify(Some(&payload), Purpose::Complaint, now)),
            "challenge_invalid"
        );
        assert_eq!(
            code(pow.verify(
                Some(&payload),
                Purpose::Booking,
                now + Duration::seconds(301)
            )),
            "challenge_expired"
        );
        assert_eq!(
            code(pow.verify(None, Purpose::Booking, now)),
            "challenge_required"
        );
        // Signed with another secret: refused.
        let other = ProofOfWork::new(Some("other".into()), pow.settings).unwrap();
        assert_eq!(
            code(other.verify(Some(&payload), Purpose::Booking, now)),
            "challenge_invalid"
        );
    }

    #[test]
    fn tampered_solution_is_refused() {
        let pow = pow(200);
        let now = Utc::now();
        let challenge = pow.issue(Purpose::Booking, now).unwrap();
        let mut payload: Payload =
            serde_json::from_slice(&STANDARD.decode(solve(&challenge).unwrap()).unwrap()).unwrap();
        payload.solution.counter += 1;
        payload.solution.derived_key = "00".repeat(32);
        let forged = STANDARD.encode(serde_json::to_vec(&payload).unwrap());
        assert!(pow.verify(Some(&forged), Purpose::Booking, now).is_err());
        assert!(
            pow.verify(Some("not base64!"), Purpose::Booking, now)
                .is_err()
        );
    }

    #[test]
    fn zero_difficulty_or_no_secret_turns_it_off() {
        let settings = ProofOfWorkSettings {
            difficulty: 0,
            ttl_seconds: 300,
        };
        assert!(ProofOfWork::new(Some("s".into()), settings).is_none());
        assert!(ProofOfWork::new(None, ProofOfWorkSettings::default()).is_none());
    }
}
