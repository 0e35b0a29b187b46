//! What every back-office page shares: the frame around it (navigation, language,
//! the CSRF token), reading a form, the session cookie.

use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::staff::Task;
use crate::staff::session::Session;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::body_fields;
use crate::web::toolkit::query_pairs;
use askama::Template;
use http::header;

/// One entry of the navigation, shown only to roles that may use it.
pub struct NavItem {
    pub href: &'static str,
    /// The message naming it.
    pub label: &'static str,
    pub current: bool,
}

/// The navigation: where, the message naming it, and who may go there.
pub(super) const NAV: [(&str, &str, Task); 12] = [
    ("/staff/counter", "staff-nav-counter", Task::Counter),
    ("/staff/floor", "staff-nav-floor", Task::Counter),
    (
        "/staff/complaints",
        "staff-nav-complaints",
        Task::Complaints,
    ),
    ("/staff/orders", "staff-nav-orders", Task::Orders),
    ("/staff/closures", "staff-nav-closures", Task::Supervise),
    ("/staff/setup", "staff-nav-setup", Task::Supervise),
    ("/staff/exemptions", "staff-nav-exemptions", Task::Supervise),
    ("/staff/messages", "staff-nav-messages", Task::Supervise),
    ("/staff/audit", "staff-nav-audit", Task::Supervise),
    ("/staff/stats", "staff-nav-stats", Task::Supervise),
    ("/staff/accounts", "staff-nav-accounts", Task::Supervise),
    ("/staff/access", "staff-nav-access", Task::Supervise),
];

/// What a redirect after an action says it did: fixed messages, nothing from the
/// request.
pub(super) const DONE: &[(&str, &str)] = &[
    ("no_show", "staff-done-no-show"),
    ("fictitious", "staff-done-fictitious"),
    ("step", "staff-done-step"),
    ("exemption", "staff-done-exemption"),
    ("revoked", "staff-done-revoked"),
    ("retried", "staff-done-retried"),
    ("issued", "staff-done-issued"),
    ("refunded", "staff-done-refunded"),
    ("account_created", "staff-done-account-created"),
    ("account_changed", "staff-done-account-changed"),
    ("password_reset", "staff-done-password-reset"),
    ("setup_saved", "staff-done-setup-saved"),
    ("setup_moved", "staff-done-setup-moved"),
    ("seated", "staff-done-seated"),
    ("call", "staff-done-called"),
    ("recall", "staff-done-recalled"),
    ("served", "staff-done-served"),
    ("absent", "staff-done-absent"),
    ("transfer", "staff-done-transferred"),
    ("pause", "staff-done-paused"),
    ("resume", "staff-done-resumed"),
    ("leave", "staff-done-left"),
];

/// What every back-office page shows around its content.
pub struct Frame {
    pub nav: Vec<NavItem>,
    pub staff: String,
    /// The role's name in the session's language.
    pub role: String,
    pub csrf: String,
    /// The message saying what the last action did.
    pub done: Option<&'static str>,
}

impl Frame {
    pub(super) fn new(req: &Request, session: &Session) -> Frame {
        let path = req.uri().path();
        let done = query_pairs(req).remove("done").and_then(|code| {
            DONE.iter()
                .find(|(c, _)| *c == code)
                .map(|(_, message)| *message)
        });
        Frame {
            nav: NAV
                .iter()
                .filter(|(.., task)| session.role.may(*task))
                .map(|(href, label, _)| NavItem {
                    href,
                    label,
                    current: path.starts_with(href),
                })
                .collect(),
            staff: session.staff.0.clone(),
            role: session.lang.tr(session.role.name_id()),
            csrf: session.csrf().to_owned(),
            done,
        }
    }
}

/// The locations as a form's choice: each code and its name in `lang`.
pub(super) fn location_choices(setup: &crate::office::Setup, lang: Lang) -> Vec<(String, String)> {
    setup
        .locations
        .iter()
        .map(|l| (l.code.clone(), l.name(lang).to_owned()))
        .collect()
}

/// A time another part of the office wrote as text, in figures the language's way
/// (`25.11.2026 08:30`, `2026. 11. 25. 08:30`), office time: a stored UTC time
/// (`2026-11-25T06:30:00Z`), an RFC 3339 time with its offset, an office-time minute
/// (`2026-11-25 08:30`) or a day (`2026-11-25`). Anything else is shown as it is.
/// (`lang` by reference: templates pass their fields so.)
pub fn moment(text: &str, lang: &Lang) -> String {
    let lang = *lang;
    use crate::kernel::i18n::dates::{date_numeric, date_time_numeric};
    use crate::kernel::time::OFFICE_TZ;
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return date_time_numeric(at.with_timezone(&OFFICE_TZ).naive_local(), lang);
    }
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        return date_time_numeric(at, lang);
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return date_numeric(day, lang);
    }
    text.to_owned()
}

/// A stored time in figures the language's way, office time.
pub fn local_time(at: chrono::DateTime<chrono::Utc>, lang: Lang) -> String {
    let local = at
        .with_timezone(&crate::kernel::time::OFFICE_TZ)
        .naive_local();
    crate::kernel::i18n::dates::date_time_numeric(local, lang)
}

pub(super) fn cookie_value<'r>(req: &'r Request, name: &str) -> Option<&'r str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(k, v)| (k == name).then_some(v))
}

pub(super) fn id_of(segment: &str) -> Result<i64, Error> {
    segment.parse().map_err(|_| Error::NotFound)
}

/// A POST's fields, once its CSRF token is this session's.
pub(super) fn form(req: &Request, session: &Session) -> Result<Fields, Error> {
    let mut fields = body_fields(req)?;
    session.check_csrf(fields.remove("csrf").as_deref())?;
    Ok(fields)
}

pub(super) fn set_cookie(response: &mut Response, cookie: &str) {
    response.headers_mut().insert(
        header::SET_COOKIE,
        http::HeaderValue::from_str(cookie).expect("ASCII cookie"),
    );
}

#[derive(Template)]
#[template(path = "staff/confirm.html")]
pub(super) struct ConfirmPage<'a> {
    pub(super) lang: Lang,
    pub(super) title: String,
    pub(super) frame: Frame,
    pub(super) question: String,
    pub(super) action: String,
    pub(super) hidden: Vec<(&'a str, String)>,
    pub(super) button: String,
    pub(super) back: &'a str,
}
