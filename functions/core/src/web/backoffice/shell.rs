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
    pub ro: &'static str,
    pub en: &'static str,
    pub current: bool,
}

pub(super) const NAV: [(&str, &str, &str, Task); 10] = [
    (
        "/staff/counter",
        "La ghișeu azi",
        "Today at the counter",
        Task::Counter,
    ),
    (
        "/staff/complaints",
        "Sesizări",
        "Complaints desk",
        Task::Complaints,
    ),
    (
        "/staff/orders",
        "Comenzi digitale",
        "Digital orders",
        Task::Orders,
    ),
    (
        "/staff/closures",
        "Închideri și mutări",
        "Closures and relocations",
        Task::Supervise,
    ),
    (
        "/staff/exemptions",
        "Scutiri",
        "Exemptions",
        Task::Supervise,
    ),
    (
        "/staff/messages",
        "Mesaje eșuate",
        "Failed messages",
        Task::Supervise,
    ),
    (
        "/staff/audit",
        "Jurnal de audit",
        "Audit trail",
        Task::Supervise,
    ),
    (
        "/staff/stats",
        "Cifrele biroului",
        "The office's numbers",
        Task::Supervise,
    ),
    ("/staff/accounts", "Conturi", "Accounts", Task::Supervise),
    (
        "/staff/access",
        "Cereri de acces",
        "Access requests",
        Task::Supervise,
    ),
];

/// What a redirect after an action says it did: fixed texts, nothing from the request.
pub(super) const DONE: &[(&str, &str, &str)] = &[
    ("checked_in", "Prezentare confirmată.", "Checked in."),
    ("no_show", "Marcat neprezentat.", "Marked as a no-show."),
    (
        "fictitious",
        "Marcat cu date fictive; programările persoanei au fost anulate.",
        "Marked as fictitious; the person's bookings were cancelled.",
    ),
    ("step", "Pas înregistrat.", "Step recorded."),
    ("exemption", "Scutire acordată.", "Exemption granted."),
    ("revoked", "Scutire revocată.", "Exemption revoked."),
    (
        "retried",
        "Mesajul va fi retrimis.",
        "The message will be sent again.",
    ),
    (
        "issued",
        "Document emis; emailul de livrare este în coadă.",
        "Document issued; the delivery email is queued.",
    ),
    ("refunded", "Rambursare făcută.", "Refund made."),
    ("account_created", "Cont creat.", "Account created."),
    ("account_changed", "Cont modificat.", "Account changed."),
    ("password_reset", "Parolă schimbată.", "Password reset."),
];

/// What every back-office page shows around its content.
pub struct Frame {
    pub nav: Vec<NavItem>,
    pub staff: String,
    pub role: &'static str,
    pub csrf: String,
    pub done: Option<(&'static str, &'static str)>,
}

impl Frame {
    pub(super) fn new(req: &Request, session: &Session) -> Frame {
        let path = req.uri().path();
        let done = query_pairs(req).remove("done").and_then(|code| {
            DONE.iter()
                .find(|(c, _, _)| *c == code)
                .map(|(_, ro, en)| (*ro, *en))
        });
        Frame {
            nav: NAV
                .iter()
                .filter(|(.., task)| session.role.may(*task))
                .map(|(href, ro, en, _)| NavItem {
                    href,
                    ro,
                    en,
                    current: path.starts_with(href),
                })
                .collect(),
            staff: session.staff.0.clone(),
            role: session.role.code(),
            csrf: session.csrf().to_owned(),
            done,
        }
    }
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
    pub(super) title: &'a str,
    pub(super) frame: Frame,
    pub(super) question: String,
    pub(super) action: String,
    pub(super) hidden: Vec<(&'a str, String)>,
    pub(super) button: &'a str,
    pub(super) back: &'a str,
}
