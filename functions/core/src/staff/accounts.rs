//! Named staff accounts: passwords kept only as Argon2id hashes, the first supervisor
//! provisioned from a secret variable, and logins that slow down and lock out after
//! repeated failures, per account and per client, without telling which names exist.

use super::Role;
use crate::identity::contact_key::ContactKey;
use crate::kernel::error::Error;
use crate::storage::{Database, Row, StorageError, db_time, in_transaction};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// A staff account as the back office shows it (never its hash).
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// The one location the account works at; None: every location.
    pub location: Option<String>,
    pub disabled: bool,
    pub created_at: String,
}

const PASSWORD_MIN: usize = 12;
const PASSWORD_MAX: usize = 128;

/// Failed logins on one account from one client address before that pair is locked,
/// for twice as long each further time (15 s, 30 s, … up to `LOCK_MAX_SECS`). Locks
/// are per account *and* address, so an attacker's guesses lock out the attacker's
/// address, not the owner at another one.
const PAIR_FREE_FAILURES: i64 = 3;
/// A client address is shared by a whole office behind NAT: it gets more tries, across
/// every account.
const CLIENT_FREE_FAILURES: i64 = 20;
/// The cap on one account from every address together (a guess from many addresses):
/// past it the account waits for everyone, for at most `ACCOUNT_LOCK_SECS`.
const ACCOUNT_FREE_FAILURES: i64 = 100;
const ACCOUNT_LOCK_SECS: i64 = 60;
const FIRST_LOCK_SECS: i64 = 15;
const LOCK_MAX_SECS: i64 = 15 * 60;
/// Failures older than this are forgotten, and their rows erased (`forget_failures`).
const FAILURE_MEMORY: Duration = Duration::hours(1);

/// A login name: 2 to 40 of a-z, 0-9, `.`, `_`, `-`, compared in lower case.
pub fn normalise_name(name: &str) -> Result<String, Error> {
    let name = name.trim().to_lowercase();
    let valid = (2..=40).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if valid {
        Ok(name)
    } else {
        Err(Error::field("invalid_account_name", "name"))
    }
}

fn check_password(password: &str) -> Result<(), Error> {
    let chars = password.chars().count();
    if (PASSWORD_MIN..=PASSWORD_MAX).contains(&chars) {
        Ok(())
    } else {
        Err(Error::field("weak_password", "password"))
    }
}

/// The Argon2id hash of a password with a fresh random salt, as a PHC string.
pub fn hash_password(password: &str) -> Result<String, Error> {
    check_password(password)?;
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Error::Config {
        setting: "random".to_owned(),
        problem: e.to_string(),
    })?;
    hash_with_salt(password, &salt)
}

fn hash_with_salt(password: &str, salt: &[u8]) -> Result<String, Error> {
    let salt = SaltString::encode_b64(salt).map_err(|e| config_problem(&e))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| config_problem(&e))?
        .to_string())
}

fn config_problem(e: &dyn std::fmt::Display) -> Error {
    Error::Config {
        setting: "password_hash".to_owned(),
        problem: e.to_string(),
    }
}

/// Whether `password` matches `hash`; an unreadable hash matches nothing.
fn verify(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

const BOOTSTRAP: &str =
    "INSERT INTO staff_accounts (name, role, password_hash, created_at, password_set_at)
    SELECT ?1, 'supervisor', ?2, ?3, ?3 WHERE NOT EXISTS (SELECT 1 FROM staff_accounts)";

/// The office's first supervisor, from the secret `first_supervisor` variable
/// (`name:<PHC hash>`): created only while there is no account at all.
fn bootstrap(db: &dyn Database, spec: Option<&str>, now: DateTime<Utc>) -> Result<(), Error> {
    let Some(spec) = spec.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    let problem = |problem: &str| Error::Config {
        setting: "first_supervisor".to_owned(),
        problem: problem.to_owned(),
    };
    let (name, hash) = spec
        .split_once(':')
        .ok_or_else(|| problem("expected name:<password hash>"))?;
    let name = normalise_name(name).map_err(|_| problem("invalid account name"))?;
    PasswordHash::new(hash).map_err(|_| problem("not a PHC password hash"))?;
    db.execute(BOOTSTRAP, &[name.into(), hash.into(), db_time(now).into()])?;
    Ok(())
}

/// What a login form carries, and where it came from.
pub struct Attempt<'a> {
    pub name: &'a str,
    pub password: &'a str,
    pub client: &'a str,
}

const ACCOUNT_BY_NAME: &str = "SELECT id, name, role, location, password_hash, disabled_at, created_at
    FROM staff_accounts WHERE name = ?";
/// Counts one attempt for a subject, before its password is checked, unless the
/// subject is locked (then it returns nothing). One statement, so parallel guesses
/// are counted one by one and never all pass a check made before any was counted.
const COUNT_ATTEMPT: &str = "INSERT INTO login_throttle (subject, failures, last_failure_at)
    VALUES (:subject, 1, :now)
    ON CONFLICT (subject) DO UPDATE SET
        failures = CASE WHEN last_failure_at < :forget_before THEN 1 ELSE failures + 1 END,
        last_failure_at = :now
    WHERE locked_until IS NULL OR locked_until <= :now
    RETURNING failures";
const LOCKED_UNTIL: &str = "SELECT locked_until FROM login_throttle WHERE subject = ?";
const LOCK: &str = "UPDATE login_throttle SET locked_until = ? WHERE subject = ?";
const SUCCEEDED: &str = "DELETE FROM login_throttle WHERE subject IN (?, ?)";
const FORGET: &str = "DELETE FROM login_throttle WHERE subject IN (
        SELECT subject FROM login_throttle
        WHERE last_failure_at <= ?1 AND (locked_until IS NULL OR locked_until <= ?2)
        LIMIT ?3)
    RETURNING subject";

/// How long a subject is locked once this attempt made `failures` of them, if at all:
/// the attempt that uses up the free ones locks the next, each later one twice as long.
fn lock_for(failures: i64, free: i64) -> Option<Duration> {
    let over = failures - free;
    (over >= 0).then(|| {
        let secs = FIRST_LOCK_SECS.saturating_mul(1 << over.min(16));
        Duration::seconds(secs.min(LOCK_MAX_SECS))
    })
}

/// The throttle's subjects for an attempt: keyed hashes (`contact_key`), so the table
/// never holds what was typed as a name, which is sometimes a password, nor an address.
struct Subjects {
    pair: String,
    client: String,
    account: String,
}

impl Subjects {
    fn of(attempt: &Attempt, key: &ContactKey) -> Subjects {
        let name = attempt.name.trim().to_lowercase();
        Subjects {
            pair: format!(
                "pair:{}",
                key.hash(&format!("login:{name}\n{}", attempt.client))
            ),
            client: format!(
                "client:{}",
                key.hash(&format!("login-client:{}", attempt.client))
            ),
            account: format!("account:{}", key.hash(&format!("login-account:{name}"))),
        }
    }
}

/// A locked subject's refusal, with the seconds to wait.
fn refuse_if_locked(db: &dyn Database, subject: &str, now: DateTime<Utc>) -> Result<(), Error> {
    let until = db
        .execute(LOCKED_UNTIL, &[subject.into()])?
        .read_first(|r| r.opt_time("locked_until"))?
        .flatten();
    match until {
        Some(until) if until > now => Err(Error::RateLimited {
            retry_after_secs: u64::try_from((until - now).num_seconds().max(1)).unwrap_or(1),
        }),
        _ => Ok(()),
    }
}

/// Counts one attempt against `subject`, locking it when the attempt uses up its
/// `free` failures; refused with the wait when it is already locked.
fn count(
    db: &dyn Database,
    subject: &str,
    (free, lock_cap): (i64, i64),
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let failures = db
        .execute_named(
            COUNT_ATTEMPT,
            &[
                ("subject", subject.into()),
                ("now", db_time(now).into()),
                ("forget_before", db_time(now - FAILURE_MEMORY).into()),
            ],
        )?
        .read_first(|r| r.int("failures"))?;
    let Some(failures) = failures else {
        return refuse_if_locked(db, subject, now);
    };
    if let Some(lock) = lock_for(failures, free) {
        let lock = lock.min(Duration::seconds(lock_cap));
        db.execute(LOCK, &[db_time(now + lock).into(), subject.into()])?;
    }
    Ok(())
}

/// Checks a login. Unknown names, wrong passwords and disabled accounts get the same
/// answer after the same work; a locked account-and-address, address or account gets
/// 429 with a wait. The attempt counts against its account-and-address and its account
/// before the password is checked, in one transaction, so parallel guesses get no more
/// checks than the free failures; a success clears both. The address's own count (an
/// office behind one NAT logs in all day) takes failures only.
pub fn login(
    db: &dyn Database,
    attempt: &Attempt,
    first_supervisor: Option<&str>,
    key: &ContactKey,
    now: DateTime<Utc>,
) -> Result<Account, Error> {
    bootstrap(db, first_supervisor, now)?;
    let name = attempt.name.trim().to_lowercase();
    let subjects = Subjects::of(attempt, key);
    refuse_if_locked(db, &subjects.client, now)?;
    in_transaction(db, || {
        count(db, &subjects.pair, (PAIR_FREE_FAILURES, LOCK_MAX_SECS), now)?;
        count(
            db,
            &subjects.account,
            (ACCOUNT_FREE_FAILURES, ACCOUNT_LOCK_SECS),
            now,
        )
    })?;
    let found = db
        .execute(ACCOUNT_BY_NAME, &[name.as_str().into()])?
        .read_first(|r| Ok((account_of(&r)?, r.text("password_hash")?)))?;
    let matches = match &found {
        Some((_, hash)) => verify(hash, attempt.password),
        None => {
            // The same work as a real check, so time tells no names.
            let _ = hash_with_salt(attempt.password, b"no-such-account!");
            false
        }
    };
    match found {
        Some((account, _)) if matches && !account.disabled => {
            db.execute(SUCCEEDED, &[subjects.pair.into(), subjects.account.into()])?;
            Ok(account)
        }
        _ => {
            in_transaction(db, || {
                count(
                    db,
                    &subjects.client,
                    (CLIENT_FREE_FAILURES, LOCK_MAX_SECS),
                    now,
                )
            })?;
            Err(Error::LoginFailed)
        }
    }
}

/// Erases throttle rows whose failures are forgotten and whose lock is over (at most
/// `batch`); the retention cron runs it.
pub fn forget_failures(db: &dyn Database, batch: i64, now: DateTime<Utc>) -> Result<usize, Error> {
    Ok(db
        .execute(
            FORGET,
            &[
                db_time(now - FAILURE_MEMORY).into(),
                db_time(now).into(),
                batch.into(),
            ],
        )?
        .rows
        .len())
}

fn account_of(r: &Row) -> Result<Account, StorageError> {
    Ok(Account {
        id: r.int("id")?,
        name: r.text("name")?,
        // The column's CHECK admits only the four roles.
        role: Role::parse(&r.text("role")?).unwrap_or(Role::Counter),
        location: r.opt_text("location")?,
        disabled: r.opt_text("disabled_at")?.is_some(),
        created_at: r.text("created_at")?,
    })
}

const LIST: &str = "SELECT id, name, role, location, disabled_at, created_at
    FROM staff_accounts ORDER BY name";

pub fn list(db: &dyn Database) -> Result<Vec<Account>, Error> {
    Ok(db.execute(LIST, &[])?.read(|r| account_of(&r))?)
}

const BY_ID: &str = "SELECT id, name, role, location, disabled_at, created_at
    FROM staff_accounts WHERE id = ?";

pub fn by_id(db: &dyn Database, id: i64) -> Result<Option<Account>, Error> {
    Ok(db
        .execute(BY_ID, &[id.into()])?
        .read_first(|r| account_of(&r))?)
}

const CREATE: &str = "INSERT INTO staff_accounts
    (name, role, password_hash, created_at, password_set_at, location)
    VALUES (?1, ?2, ?3, ?4, ?4, ?5) ON CONFLICT (name) DO NOTHING RETURNING id";

/// A new account (working at `location`, or everywhere); 409 when the name is taken.
pub fn create(
    db: &dyn Database,
    name: &str,
    role: Role,
    location: Option<&str>,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Account, Error> {
    let name = normalise_name(name)?;
    let hash = hash_password(password)?;
    let id = db
        .execute(
            CREATE,
            &[
                name.as_str().into(),
                role.code().into(),
                hash.into(),
                db_time(now).into(),
                location.into(),
            ],
        )?
        .read_first(|r| r.int("id"))?
        .ok_or_else(|| Error::conflict("account_exists", "name"))?;
    by_id(db, id)?.ok_or(Error::NotFound)
}

const SET_LOCATION: &str = "UPDATE staff_accounts SET location = ?2 WHERE id = ?1
    AND location IS NOT ?2 RETURNING id";

/// Ties the account to one location (or, None, frees it); false when it already was.
pub fn set_location(db: &dyn Database, id: i64, location: Option<&str>) -> Result<bool, Error> {
    Ok(db
        .execute(SET_LOCATION, &[id.into(), location.into()])?
        .first()
        .is_some())
}

const SET_DISABLED: &str = "UPDATE staff_accounts SET disabled_at = ?2 WHERE id = ?1
    AND (disabled_at IS NULL) = (?2 IS NOT NULL) RETURNING id";
const SET_PASSWORD: &str =
    "UPDATE staff_accounts SET password_hash = ?2, password_set_at = ?3 WHERE id = ?1";
const END_SESSIONS: &str =
    "UPDATE staff_sessions SET ended_at = ?2 WHERE account_id = ?1 AND ended_at IS NULL";

/// Disables or enables an account; disabling ends its sessions. False when it already was.
pub fn set_disabled(
    db: &dyn Database,
    id: i64,
    disabled: bool,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let at = db_time(now);
    in_transaction(db, || {
        let changed = db
            .execute(
                SET_DISABLED,
                &[id.into(), disabled.then_some(at.as_str()).into()],
            )?
            .first()
            .is_some();
        db.execute(END_SESSIONS, &[id.into(), at.as_str().into()])?;
        Ok(changed)
    })
}

/// Sets a new password (a supervisor's reset); the account's sessions end.
pub fn reset_password(
    db: &dyn Database,
    id: i64,
    password: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let hash = hash_password(password)?;
    let at = db_time(now);
    in_transaction(db, || {
        db.execute(SET_PASSWORD, &[id.into(), hash.into(), at.as_str().into()])?;
        db.execute(END_SESSIONS, &[id.into(), at.as_str().into()])?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::NativeDb;
    use chrono::TimeZone;

    #[test]
    fn retention_failed_logins_are_forgotten_once_old_and_unlocked() {
        let db = NativeDb::fresh();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        let rows = [
            ("pair:old", now - Duration::hours(2), None),
            (
                "pair:old-but-locked",
                now - Duration::hours(2),
                Some(now + Duration::minutes(5)),
            ),
            ("pair:recent", now - Duration::minutes(5), None),
        ];
        for (subject, at, until) in rows {
            db.execute(
                "INSERT INTO login_throttle (subject, failures, last_failure_at, locked_until)
                 VALUES (?, 3, ?, ?)",
                &[
                    subject.into(),
                    db_time(at).into(),
                    until.map(db_time).into(),
                ],
            )
            .unwrap();
        }
        assert_eq!(forget_failures(&db, 10, now).unwrap(), 1);
        let left = db
            .execute("SELECT subject FROM login_throttle ORDER BY subject", &[])
            .unwrap()
            .read(|r| r.text("subject"))
            .unwrap();
        assert_eq!(left, ["pair:old-but-locked", "pair:recent"]);
    }

    #[test]
    fn a_password_hash_verifies_only_its_password_and_never_holds_it() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("correct horse"));
        assert!(verify(&hash, "correct horse battery"));
        assert!(!verify(&hash, "correct horse batterY"));
        assert!(!verify("not a hash", "correct horse battery"));
        assert!(hash_password("too short").is_err());
    }

    #[test]
    fn failures_slow_down_then_lock_out_for_at_most_fifteen_minutes() {
        assert_eq!(lock_for(2, 3), None);
        assert_eq!(lock_for(3, 3), Some(Duration::seconds(15)));
        assert_eq!(lock_for(4, 3), Some(Duration::seconds(30)));
        assert_eq!(lock_for(50, 3), Some(Duration::minutes(15)));
    }

    #[test]
    fn account_names_are_plain_lower_case_words() {
        assert_eq!(normalise_name(" Ana.Pop ").unwrap(), "ana.pop");
        for bad in ["a", "ana pop", "<b>", "ană"] {
            assert!(normalise_name(bad).is_err(), "{bad}");
        }
    }
}
