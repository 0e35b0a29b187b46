//! The back office under /staff: server-rendered pages for clerks, complaints officers
//! and supervisors, behind a login. Every page checks the session and the role; every
//! form posts with the session's CSRF token and answers with a redirect (POST, then
//! GET), so a reload never repeats an action. The actions themselves are
//! `staff::actions`, shared with the JSON API.

mod counter;
mod desk;
mod login;
mod orders;
mod supervisor;

use crate::booking::Booking;

use crate::complaints::{self, Complaint, Progress};
use crate::context::Context;
use crate::counter::dayview::{self, Day};
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::local_minute;
use crate::kernel::time::start_of_day;
use crate::kernel::token::LinkToken;
use crate::messaging::outbox;
use crate::office::relocation::{self, Closing, Unconfirmed, Window};
use crate::staff::accounts::{self, Account, Attempt};
use crate::staff::session::{self, Session};
use crate::staff::{AuditEntry, AuditFilter, Entry, Role, Task, actions, audit};
use crate::web::html::{render, service_name};
use crate::web::toolkit::{
    Request, Response, body_fields, client_address, html_response, json_response, query_date,
    query_pairs, see_other, with_error_headers,
};
use askama::Template;
use chrono::{Days, Duration};
use http::{Method, StatusCode, header};

/// One entry of the navigation, shown only to roles that may use it.
pub struct NavItem {
    pub href: &'static str,
    pub ro: &'static str,
    pub en: &'static str,
    pub current: bool,
}

const NAV: [(&str, &str, &str, Task); 9] = [
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
    ("/staff/accounts", "Conturi", "Accounts", Task::Supervise),
    (
        "/staff/access",
        "Cereri de acces",
        "Access requests",
        Task::Supervise,
    ),
];

/// What a redirect after an action says it did: fixed texts, nothing from the request.
const DONE: &[(&str, &str, &str)] = &[
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
    fn new(req: &Request, session: &Session) -> Frame {
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

fn cookie_value<'r>(req: &'r Request, name: &str) -> Option<&'r str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(k, v)| (k == name).then_some(v))
}

/// Whether the app is reached on this machine, where cookies can't be `Secure`. Spin
/// names the URL it was asked for in `spin-full-url` (the `Host` header may not reach
/// the component).
fn is_local(req: &Request) -> bool {
    let url = req
        .headers()
        .get("spin-full-url")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let authority = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
    let name = authority
        .rsplit_once(':')
        .map_or(authority, |(name, _)| name);
    matches!(name, "localhost" | "127.0.0.1" | "[::1]")
}

fn id_of(segment: &str) -> Result<i64, Error> {
    segment.parse().map_err(|_| Error::NotFound)
}

/// Routes every /staff path.
pub fn backoffice(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let path = req.uri().path().trim_end_matches('/');
    let rest = path.strip_prefix("/staff").unwrap_or("");
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    if segments == ["login"] {
        return login::login(req, ctx);
    }
    let cookie = cookie_value(req, session::COOKIE);
    let Some(session) = session::find(ctx.db, cookie, ctx.now)? else {
        return Ok(see_other("/staff/login"));
    };
    let answer = route(req, ctx, &session, &segments);
    session::touch(ctx.db, &session, ctx.now)?;
    Ok(answer.unwrap_or_else(|e| error_page(req, &session, &e)))
}

/// A refused action inside the back office: the reason on a page with the
/// navigation, with the status the JSON API would give.
fn error_page(req: &Request, session: &Session, e: &Error) -> Response {
    #[derive(Template)]
    #[template(path = "staff/error.html")]
    struct ErrorPage<'a> {
        lang: Lang,
        title: &'a str,
        frame: Frame,
        message: &'a str,
        back: &'a str,
    }
    let lang = session.lang;
    let x = e.explain();
    // Back to the area the action was in, when the role may open it.
    let back = NAV
        .iter()
        .find(|(href, .., task)| req.uri().path().starts_with(href) && session.role.may(*task))
        .map_or("/staff", |(href, ..)| *href);
    let html = render(ErrorPage {
        lang,
        title: lang.t("Acțiunea nu a fost făcută", "The action was not done"),
        frame: Frame::new(req, session),
        message: lang.t(&x.message_ro, &x.message),
        back,
    });
    with_error_headers(html_response(x.status, html), e)
}

/// A POST's fields, once its CSRF token is this session's.
fn form(req: &Request, session: &Session) -> Result<Fields, Error> {
    let mut fields = body_fields(req)?;
    session.check_csrf(fields.remove("csrf").as_deref())?;
    Ok(fields)
}

fn route(
    req: &Request,
    ctx: &Context,
    session: &Session,
    segments: &[&str],
) -> Result<Response, Error> {
    let get = matches!(*req.method(), Method::GET | Method::HEAD);
    let role = session.role;
    let who = &session.staff;
    if let Some(task) = task_of(segments) {
        role.require(task)?;
    }
    match (segments, get) {
        ([], true) => {
            let home = NAV
                .iter()
                .find(|(.., task)| role.may(*task))
                .map_or("/staff/login", |(href, ..)| *href);
            Ok(see_other(home))
        }
        (["logout"], false) => {
            form(req, session)?;
            session::end(ctx.db, session, ctx.now)?;
            audit(
                ctx.db,
                who,
                &Entry::new("logout", format!("account:{}", who.0)),
                ctx.now,
            )?;
            let mut response = see_other("/staff/login");
            let cleared = session::cookie(session::COOKIE, "", "/", Some(0), is_local(req));
            set_cookie(&mut response, &cleared);
            Ok(response)
        }
        (["language"], false) => {
            let fields = form(req, session)?;
            let lang = Lang::from_code(fields.get("lang").map(String::as_str));
            session::set_language(ctx.db, session, lang)?;
            Ok(see_other("/staff"))
        }
        (["counter", ..], _) => counter::counter(req, ctx, session, &segments[1..], get),
        (["complaints", ..], _) => desk::complaints_desk(req, ctx, session, &segments[1..], get),
        (["orders", ..], _) => orders::orders_desk(req, ctx, session, &segments[1..], get),
        (["closures", ..], _) => supervisor::closures(req, ctx, session, &segments[1..], get),
        (["exemptions"], true) => supervisor::exemptions(req, ctx, session),
        (["exemptions", id, "revoke"], false) => {
            form(req, session)?;
            actions::revoke_exemption(ctx, who, id_of(id)?)?;
            Ok(see_other("/staff/exemptions?done=revoked"))
        }
        (["messages"], true) => supervisor::messages(req, ctx, session),
        (["messages", id, "retry"], false) => {
            form(req, session)?;
            actions::retry_message(ctx, who, id_of(id)?)?;
            Ok(see_other("/staff/messages?done=retried"))
        }
        (["audit"], true) => supervisor::audit_trail(req, ctx, session),
        (["access"], _) => supervisor::access_request(req, ctx, session, get),
        (["accounts", ..], _) => supervisor::accounts_page(req, ctx, session, &segments[1..], get),
        (["logout" | "language"], true) => Err(Error::MethodNotAllowed { allow: "POST" }),
        _ => Err(Error::NotFound),
    }
}

/// Which area of the back office a path belongs to; None for what every role may do.
fn task_of(segments: &[&str]) -> Option<Task> {
    match segments {
        ["counter", ..] => Some(Task::Counter),
        ["complaints", _, "exemption"] => Some(Task::Supervise),
        ["complaints", ..] => Some(Task::Complaints),
        ["orders", ..] => Some(Task::Orders),
        [
            "closures" | "exemptions" | "messages" | "audit" | "accounts" | "access",
            ..,
        ] => Some(Task::Supervise),
        _ => None,
    }
}

fn set_cookie(response: &mut Response, cookie: &str) {
    response.headers_mut().insert(
        header::SET_COOKIE,
        http::HeaderValue::from_str(cookie).expect("ASCII cookie"),
    );
}

#[derive(Template)]
#[template(path = "staff/confirm.html")]
struct ConfirmPage<'a> {
    lang: Lang,
    title: &'a str,
    frame: Frame,
    question: String,
    action: String,
    hidden: Vec<(&'a str, String)>,
    button: &'a str,
    back: &'a str,
}
