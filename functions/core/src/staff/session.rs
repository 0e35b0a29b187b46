//! Back-office sessions: a random token in an `HttpOnly`, `SameSite=Strict` cookie,
//! stored only hashed, with an idle and an absolute expiry, ended server-side at
//! logout; and the per-session CSRF token every state-changing form carries.

use super::{Role, Staff};
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::token::LinkToken;
use crate::storage::{Database, db_time};
use chrono::{DateTime, Duration, Utc};
use subtle::ConstantTimeEq;

pub const COOKIE: &str = "ghiseu_staff";
/// The login form's own CSRF token, before there is a session: a cookie the form
/// must echo (double submit).
pub const LOGIN_COOKIE: &str = "ghiseu_login";
/// A session unused this long ends.
pub const IDLE: Duration = Duration::minutes(30);
/// A session ends this long after login, however busy.
pub const ABSOLUTE: Duration = Duration::hours(12);
/// `seen_at` is refreshed at most this often, so reading pages rarely writes.
const SEEN_GRANULARITY: Duration = Duration::minutes(1);

/// A signed-in member of staff.
#[derive(Debug, Clone)]
pub struct Session {
    pub account_id: i64,
    pub staff: Staff,
    pub role: Role,
    /// The one location the account works at; None: every location.
    pub location: Option<String>,
    pub lang: Lang,
    csrf: String,
    token_hash: String,
    seen_at: DateTime<Utc>,
}

impl Session {
    pub fn csrf(&self) -> &str {
        &self.csrf
    }

    /// Ok when a form's `csrf` field is this session's token; else 403, nothing done.
    pub fn check_csrf(&self, presented: Option<&str>) -> Result<(), Error> {
        check_csrf(&self.csrf, presented)
    }
}

/// Ok when a form's `csrf` field is the expected token, compared in constant time; an
/// empty expectation matches nothing.
pub fn check_csrf(expected: &str, presented: Option<&str>) -> Result<(), Error> {
    let presented = presented.unwrap_or("");
    if !expected.is_empty() && bool::from(presented.as_bytes().ct_eq(expected.as_bytes())) {
        Ok(())
    } else {
        Err(Error::CsrfInvalid)
    }
}

const START: &str =
    "INSERT INTO staff_sessions (token_hash, account_id, csrf, lang, started_at, seen_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?5)";

/// Starts a session; the token is for the cookie and exists nowhere else.
pub fn start(
    db: &dyn Database,
    account_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<LinkToken, Error> {
    let token = LinkToken::generate();
    db.execute(
        START,
        &[
            token.hash().into(),
            account_id.into(),
            LinkToken::generate().as_str().into(),
            lang.code().into(),
            db_time(now).into(),
        ],
    )?;
    Ok(token)
}

const FIND: &str = "SELECT s.token_hash, s.account_id, s.csrf, s.lang, s.seen_at, a.name, a.role,
        a.location
    FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
    WHERE s.token_hash = ?1 AND s.ended_at IS NULL AND a.disabled_at IS NULL
      AND s.seen_at > ?2 AND s.started_at > ?3";
const SEEN: &str = "UPDATE staff_sessions SET seen_at = ? WHERE token_hash = ?";

/// The live session this cookie value names, if any.
pub fn find(
    db: &dyn Database,
    cookie: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<Session>, Error> {
    let Some(token) = cookie.and_then(LinkToken::parse) else {
        return Ok(None);
    };
    let session = db
        .execute(
            FIND,
            &[
                token.hash().into(),
                db_time(now - IDLE).into(),
                db_time(now - ABSOLUTE).into(),
            ],
        )?
        .read_first(|r| {
            Ok(Session {
                account_id: r.int("account_id")?,
                staff: Staff(r.text("name")?),
                role: Role::parse(&r.text("role")?).unwrap_or(Role::Counter),
                location: r.opt_text("location")?,
                lang: Lang::from_code(Some(&r.text("lang")?)),
                csrf: r.text("csrf")?,
                token_hash: r.text("token_hash")?,
                seen_at: r.time("seen_at")?,
            })
        })?;
    Ok(session)
}

/// Keeps an active session alive; called after the session was used.
pub fn touch(db: &dyn Database, session: &Session, now: DateTime<Utc>) -> Result<(), Error> {
    if now - session.seen_at >= SEEN_GRANULARITY {
        db.execute(
            SEEN,
            &[db_time(now).into(), session.token_hash.as_str().into()],
        )?;
    }
    Ok(())
}

const END: &str =
    "UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL";

pub fn end(db: &dyn Database, session: &Session, now: DateTime<Utc>) -> Result<(), Error> {
    db.execute(
        END,
        &[db_time(now).into(), session.token_hash.as_str().into()],
    )?;
    Ok(())
}

const LANGUAGE: &str = "UPDATE staff_sessions SET lang = ? WHERE token_hash = ?";

pub fn set_language(db: &dyn Database, session: &Session, lang: Lang) -> Result<(), Error> {
    db.execute(
        LANGUAGE,
        &[lang.code().into(), session.token_hash.as_str().into()],
    )?;
    Ok(())
}

/// How the staff cookies go out. When the office is reached over https (its
/// `public_base_url`), they are `Secure` and named `__Host-…`, so neither a plain-http
/// page nor another host under the same domain can read, set or shadow them; the
/// request's own `Host` has no say, since a proxy may forward anything there. On a
/// plain-http origin (this machine, a test) they are neither, or no browser keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cookies {
    pub secure: bool,
}

impl Cookies {
    /// The cookie's name on the wire.
    pub fn name(self, base: &str) -> String {
        if self.secure {
            format!("__Host-{base}")
        } else {
            base.to_owned()
        }
    }

    /// A `Set-Cookie` value: never readable by scripts, never sent cross-site, for the
    /// whole site (`__Host-` requires `Path=/`). `max_age` 0 deletes the cookie.
    pub fn set(self, base: &str, value: &str, max_age: Option<u32>) -> String {
        let max_age = max_age
            .map(|s| format!("; Max-Age={s}"))
            .unwrap_or_default();
        let secure = if self.secure { "; Secure" } else { "" };
        format!(
            "{}={value}; HttpOnly; SameSite=Strict; Path=/{max_age}{secure}",
            self.name(base)
        )
    }
}
