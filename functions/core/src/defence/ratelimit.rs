//! Abuse limits: fixed windows counted in the key-value store, per client address
//! and per phone number. The store has no compare-and-swap, so simultaneous requests
//! may overshoot a limit by a few; it only slows abuse down, the rules hold regardless.

use crate::kernel::error::Error;
use crate::kernel::limits::Limit;
use crate::kernel::token::hex_sha256;
use crate::seams::Counters;
use chrono::{DateTime, Utc};

fn key(limit: &Limit, subject: &str) -> String {
    // Subjects are addresses and phone numbers: only their hash goes into the store.
    let hash = hex_sha256(format!("{}:{subject}", limit.name).as_bytes());
    format!("ratelimit:{}:{}", limit.name, &hash[..32])
}

/// Counts one request of `subject`; refused with the seconds left in the window
/// once the window is full. One key per subject holds `window:count`, so a request
/// costs one read and one write, and an old window needs no cleaning up. A store
/// that fails lets the request through (logged): an outage of the limiter must not
/// take booking down with it.
pub fn hit(
    kv: &dyn Counters,
    limit: &Limit,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if limit.max == 0 {
        return Ok(());
    }
    let seconds = limit.window.num_seconds().max(1);
    let window = now.timestamp().div_euclid(seconds);
    let key = key(limit, subject);
    let count = match kv.get(&key) {
        Ok(value) => value
            .and_then(|v| String::from_utf8(v).ok())
            .and_then(|v| {
                let (w, c) = v.split_once(':')?;
                (w.parse::<i64>().ok()? == window).then(|| c.parse::<u32>().ok())?
            })
            .unwrap_or(0),
        Err(e) => {
            eprintln!("rate limit store unavailable: {e}");
            return Ok(());
        }
    };
    if count >= limit.max {
        let retry_after_secs = u64::try_from((window + 1) * seconds - now.timestamp()).unwrap_or(1);
        return Err(Error::RateLimited { retry_after_secs });
    }
    if let Err(e) = kv.set(&key, format!("{window}:{}", count + 1).as_bytes()) {
        eprintln!("rate limit store unavailable: {e}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use std::cell::RefCell;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Memory(RefCell<HashMap<String, Vec<u8>>>);

    impl Counters for Memory {
        fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
            Ok(self.0.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &[u8]) -> Result<(), String> {
            self.0.borrow_mut().insert(key.to_owned(), value.to_vec());
            Ok(())
        }
    }

    const LIMIT: Limit = Limit {
        name: "address",
        max: 3,
        window: Duration::minutes(10),
    };

    #[test]
    fn window_full_refuses_with_seconds_left_then_opens_again() {
        let kv = Memory::default();
        let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 8, 1, 0).unwrap();
        for _ in 0..3 {
            hit(&kv, &LIMIT, "10.0.0.1", t0).unwrap();
        }
        match hit(&kv, &LIMIT, "10.0.0.1", t0) {
            Err(Error::RateLimited { retry_after_secs }) => assert_eq!(retry_after_secs, 9 * 60),
            other => panic!("{other:?}"),
        }
        // Another subject has its own window.
        hit(&kv, &LIMIT, "10.0.0.2", t0).unwrap();
        // The next window starts empty, in the same key.
        hit(&kv, &LIMIT, "10.0.0.1", t0 + Duration::minutes(9)).unwrap();
        assert_eq!(kv.0.borrow().len(), 2);
        assert!(kv.0.borrow().keys().all(|k| !k.contains("10.0.0")));
    }

    #[test]
    fn zero_turns_the_limit_off() {
        let kv = Memory::default();
        let off = Limit { max: 0, ..LIMIT };
        let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 8, 1, 0).unwrap();
        for _ in 0..10 {
            hit(&kv, &off, "10.0.0.1", t0).unwrap();
        }
        assert!(kv.0.borrow().is_empty());
    }
}
