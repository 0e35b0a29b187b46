//! Staff (R19): named accounts with roles and sessions for people, named bearer tokens
//! for machine clients (configured only as SHA-256 hashes in the secret `staff_tokens`
//! variable, compared in constant time), and the audit trail every staff action
//! writes to.

pub mod accounts;
pub mod actions;
pub mod role;
pub mod session;

pub use role::{Role, Task};

use crate::kernel::error::Error;
use crate::kernel::token::hex_sha256;
use crate::storage::{Database, db_time};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use subtle::ConstantTimeEq;

/// A member of staff who proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff(pub String);

/// A machine client's token as configured: its hash, and the role it acts with. The
/// role is required: a token configured without one would otherwise have to get some
/// role by default, and the only safe default is none.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    hash: String,
    role: Role,
    /// The one location the token works at; left out: every location.
    #[serde(default)]
    location: Option<String>,
}

/// Who a request acts as: the name, the role, and the one location they work at
/// (None: every location).
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub staff: Staff,
    pub role: Role,
    pub location: Option<String>,
}

/// Ok when a member of staff tied to `own` (None: every location) may act at
/// `location`; 403 otherwise.
pub fn reaches(own: Option<&str>, location: &str) -> Result<(), Error> {
    match own {
        Some(own) if own != location => Err(Error::Forbidden),
        _ => Ok(()),
    }
}

/// Reads `staff_tokens`: `{"name": {"hash": "<sha256 hex>", "role": "…"}}`. A token
/// given as a bare hash (the format before roles, which meant supervisor) is refused
/// naming the setting, so an old configuration fails closed and says why.
pub fn parse_tokens(json: Option<&str>) -> Result<BTreeMap<String, TokenConfig>, Error> {
    let refused = |problem: String| Error::Config {
        setting: "staff_tokens".to_owned(),
        problem,
    };
    let Some(json) = json.filter(|j| !j.trim().is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let raw: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| refused(e.to_string()))?;
    raw.into_iter()
        .map(|(name, token)| {
            if token.is_string() {
                return Err(refused(format!(
                    "token {name:?} has no role: give {{\"hash\": \"…\", \"role\": \"counter|complaints|orders|supervisor\"}}"
                )));
            }
            let token = serde_json::from_value(token)
                .map_err(|e| refused(format!("token {name:?}: {e}")))?;
            Ok((name, token))
        })
        .collect()
}

/// The staff member whose token this `Authorization` header carries, their role and
/// their location.
pub fn authenticate(
    authorization: Option<&str>,
    tokens: &BTreeMap<String, TokenConfig>,
) -> Result<Authenticated, Error> {
    let presented = authorization
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(|t| hex_sha256(t.trim().as_bytes()))
        .ok_or(Error::Unauthorized)?;
    // Every configured hash is compared, whatever matched, so timing tells nothing.
    let mut found = None;
    for (name, token) in tokens {
        if bool::from(
            token
                .hash
                .to_ascii_lowercase()
                .as_bytes()
                .ct_eq(presented.as_bytes()),
        ) {
            found = Some(Authenticated {
                staff: Staff(name.clone()),
                role: token.role,
                location: token.location.clone(),
            });
        }
    }
    found.ok_or(Error::Unauthorized)
}

const AUDIT: &str =
    "INSERT INTO audit (at, staff, action, subject, detail, state_before, state_after)
    VALUES (:at, :staff, :action, :subject, :detail, :state_before, :state_after)";

/// One staff action as the audit trail records it: what was done to which thing,
/// the state it was in before and after, and anything else worth knowing.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub action: &'static str,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub detail: String,
}

impl Entry {
    pub fn new(action: &'static str, subject: impl Into<String>) -> Self {
        Entry {
            action,
            subject: subject.into(),
            ..Entry::default()
        }
    }

    pub fn change(mut self, before: impl Into<String>, after: impl Into<String>) -> Self {
        self.before = Some(before.into());
        self.after = Some(after.into());
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// Appends one staff action to the audit trail.
pub fn audit(
    db: &dyn Database,
    staff: &Staff,
    entry: &Entry,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    db.execute_named(
        AUDIT,
        &[
            ("at", db_time(now).into()),
            ("staff", staff.0.as_str().into()),
            ("action", entry.action.into()),
            ("subject", entry.subject.as_str().into()),
            ("detail", entry.detail.as_str().into()),
            ("state_before", entry.before.as_deref().into()),
            ("state_after", entry.after.as_deref().into()),
        ],
    )?;
    Ok(())
}

/// One line of the audit trail.
#[derive(Debug, serde::Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub staff: String,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub detail: String,
}

const TRAIL: &str = "SELECT at, staff, action, subject, detail, state_before, state_after
    FROM audit WHERE (?1 IS NULL OR subject = ?1) AND (?2 IS NULL OR staff = ?2)
      AND (?3 IS NULL OR (at >= ?3 AND at < ?4))
    ORDER BY id DESC LIMIT 500";

/// What to look for in the audit trail; None matches everything.
#[derive(Debug, Default)]
pub struct AuditFilter<'a> {
    pub subject: Option<&'a str>,
    pub staff: Option<&'a str>,
    pub between: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// The latest staff actions matching `filter`, newest first.
pub fn search(db: &dyn Database, filter: &AuditFilter) -> Result<Vec<AuditEntry>, Error> {
    let (from, to) = filter
        .between
        .map(|(from, to)| (Some(db_time(from)), Some(db_time(to))))
        .unwrap_or_default();
    Ok(db
        .execute(
            TRAIL,
            &[
                filter.subject.into(),
                filter.staff.into(),
                from.as_deref().into(),
                to.as_deref().into(),
            ],
        )?
        .read(|r| {
            Ok(AuditEntry {
                at: r.text("at")?,
                staff: r.text("staff")?,
                action: r.text("action")?,
                subject: r.text("subject")?,
                before: r.opt_text("state_before")?,
                after: r.opt_text("state_after")?,
                detail: r.text("detail")?,
            })
        })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens() -> BTreeMap<String, TokenConfig> {
        parse_tokens(Some(&format!(
            r#"{{"ana": {{"hash": "{}", "role": "supervisor"}}, "kiosk": {{"hash": "{}", "role": "counter", "location": "north"}}}}"#,
            hex_sha256(b"s3cret-token"),
            hex_sha256(b"kiosk-token")
        )))
        .unwrap()
    }

    #[test]
    fn r19_right_token_names_the_staff_member_their_role_and_location() {
        let who = |token: &str| {
            let a = authenticate(Some(token), &tokens()).unwrap();
            (a.staff, a.role, a.location)
        };
        assert_eq!(
            who("Bearer s3cret-token"),
            (Staff("ana".into()), Role::Supervisor, None)
        );
        assert_eq!(
            who("Bearer kiosk-token"),
            (Staff("kiosk".into()), Role::Counter, Some("north".into()))
        );
        assert!(reaches(Some("north"), "north").is_ok());
        assert!(matches!(reaches(Some("north"), "main"), Err(Error::Forbidden)));
        assert!(reaches(None, "main").is_ok());
    }

    #[test]
    fn r19_a_token_without_a_role_fails_closed_naming_the_setting() {
        let bare = format!(r#"{{"ana": "{}"}}"#, hex_sha256(b"s3cret-token"));
        for config in [
            bare.as_str(),
            r#"{"ana": {"hash": "ab"}}"#,
            r#"{"ana": {"hash": "ab", "role": "root"}}"#,
        ] {
            match parse_tokens(Some(config)) {
                Err(Error::Config { setting, .. }) => assert_eq!(setting, "staff_tokens"),
                other => panic!("{config}: {other:?}"),
            }
        }
    }

    #[test]
    fn r19_missing_wrong_or_unconfigured_tokens_are_refused() {
        for header in [
            None,
            Some("Bearer nope"),
            Some("s3cret-token"),
            Some("Basic s3cret-token"),
        ] {
            assert!(
                matches!(authenticate(header, &tokens()), Err(Error::Unauthorized)),
                "{header:?}"
            );
        }
        assert!(matches!(
            authenticate(Some("Bearer s3cret-token"), &BTreeMap::new()),
            Err(Error::Unauthorized)
        ));
    }
}
