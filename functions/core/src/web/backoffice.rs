//! The back office under /staff: server-rendered pages for clerks, complaints officers
//! and supervisors, behind a login. Every page checks the session and the role; every
//! form posts with the session's CSRF token and answers with a redirect (POST, then
//! GET), so a reload never repeats an action. The actions themselves are
//! `staff::actions`, shared with the JSON API.

use crate::booking::{Booking, Fields};
use crate::complaints::{self, Complaint, Progress};
use crate::counter::dayview::{self, Day};
use crate::error::Error;
use crate::messaging::outbox;
use crate::office::relocation::{self, Closing, Unconfirmed, Window};
use crate::office::{OFFICE_TZ, start_of_day};
use crate::staff::accounts::{self, Account, Attempt};
use crate::staff::session::{self, Session};
use crate::staff::{AuditEntry, AuditFilter, Entry, Role, Task, actions, audit};
use crate::token::LinkToken;
use crate::web::api::{
    Context, Request, Response, body_fields, client_address, query_date, query_pairs,
};
use crate::web::html::{Lang, service_name};
use askama::Template;
use chrono::{Days, Duration};
use http::{Method, StatusCode, header};

/// The login form's own CSRF token, before there is a session: a cookie the form
/// must echo (double submit).
const LOGIN_COOKIE: &str = "ghiseu_login";

/// One entry of the navigation, shown only to roles that may use it.
pub struct NavItem {
    pub href: &'static str,
    pub ro: &'static str,
    pub en: &'static str,
    pub current: bool,
}

const NAV: [(&str, &str, &str, Task); 7] = [
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

fn render(page: impl Template) -> Result<String, Error> {
    page.render().map_err(|e| Error::Config {
        setting: "template".to_owned(),
        problem: e.to_string(),
    })
}

fn page(status: StatusCode, html: String) -> Response {
    crate::web::api::html_response(status, html)
}

fn see_other(location: &str) -> Response {
    http::Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Vec::new())
        .expect("valid redirect")
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
        return login(req, ctx);
    }
    let cookie = cookie_value(req, session::COOKIE);
    let Some(session) = session::find(ctx.db, cookie, ctx.now)? else {
        return Ok(see_other("/staff/login"));
    };
    let answer = route(req, ctx, &session, &segments);
    session::touch(ctx.db, &session, ctx.now)?;
    answer.or_else(|e| error_page(req, &session, &e))
}

/// A refused action inside the back office: the reason on a page with the
/// navigation, with the status the JSON API would give.
fn error_page(req: &Request, session: &Session, e: &Error) -> Result<Response, Error> {
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
    })?;
    let mut response = page(x.status, html);
    if let Some(seconds) = e.retry_after() {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, http::HeaderValue::from(seconds));
    }
    Ok(response)
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
            set_cookie(&mut response, &session::cookie(None, is_local(req)));
            Ok(response)
        }
        (["language"], false) => {
            let fields = form(req, session)?;
            let lang = Lang::from_code(fields.get("lang").map(String::as_str));
            session::set_language(ctx.db, session, lang)?;
            Ok(see_other("/staff"))
        }
        (["counter", ..], _) => counter(req, ctx, session, &segments[1..], get),
        (["complaints", ..], _) => complaints_desk(req, ctx, session, &segments[1..], get),
        (["closures", ..], _) => closures(req, ctx, session, &segments[1..], get),
        (["exemptions"], true) => exemptions(req, ctx, session),
        (["exemptions", id, "revoke"], false) => {
            form(req, session)?;
            actions::revoke_exemption(ctx, who, id_of(id)?)?;
            Ok(see_other("/staff/exemptions?done=revoked"))
        }
        (["messages"], true) => messages(req, ctx, session),
        (["messages", id, "retry"], false) => {
            form(req, session)?;
            actions::retry_message(ctx, who, id_of(id)?)?;
            Ok(see_other("/staff/messages?done=retried"))
        }
        (["audit"], true) => audit_trail(req, ctx, session),
        (["accounts", ..], _) => accounts_page(req, ctx, session, &segments[1..], get),
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
        [
            "closures" | "exemptions" | "messages" | "audit" | "accounts",
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
#[template(path = "staff/login.html")]
struct LoginPage<'a> {
    lang: Lang,
    title: &'a str,
    csrf: &'a str,
    name: &'a str,
    problem: Option<&'a str>,
}

/// GET shows the form (and sets its CSRF cookie); POST checks the password, with the
/// same answer for an unknown name and a wrong password.
fn login(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let local = is_local(req);
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        let lang = crate::web::api::lang_of(req, None);
        let token = LinkToken::generate();
        let html = render(LoginPage {
            lang,
            title: lang.t("Intrare personal", "Staff login"),
            csrf: token.as_str(),
            name: "",
            problem: None,
        })?;
        let mut response = page(StatusCode::OK, html);
        set_cookie(&mut response, &login_cookie(token.as_str(), local));
        return Ok(response);
    }
    if *req.method() != Method::POST {
        return Err(Error::MethodNotAllowed { allow: "GET, POST" });
    }
    let fields = body_fields(req)?;
    let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let lang = Lang::from_code(Some(field("lang")));
    let expected = cookie_value(req, LOGIN_COOKIE).unwrap_or("");
    let presented = field("csrf");
    if expected.is_empty()
        || !bool::from(subtle::ConstantTimeEq::ct_eq(
            expected.as_bytes(),
            presented.as_bytes(),
        ))
    {
        return Err(Error::CsrfInvalid);
    }
    let client = client_address(req, ctx.office.rate_limits.client_address_header.as_deref());
    let attempt = Attempt {
        name: field("name"),
        password: field("password"),
        client: &client,
    };
    let first_supervisor = ctx.settings.get("first_supervisor");
    match accounts::login(ctx.db, &attempt, first_supervisor.as_deref(), ctx.now) {
        Ok(account) => {
            let token = session::start(ctx.db, account.id, lang, ctx.now)?;
            let who = crate::staff::Staff(account.name.clone());
            audit(
                ctx.db,
                &who,
                &Entry::new("login", format!("account:{}", account.name)),
                ctx.now,
            )?;
            // One Set-Cookie per response: Spin's SDK keeps one value per header name.
            // The login form's cookie expires by itself.
            let mut response = see_other("/staff");
            set_cookie(&mut response, &session::cookie(Some(&token), local));
            Ok(response)
        }
        Err(e @ (Error::LoginFailed | Error::RateLimited { .. })) => {
            let x = e.explain();
            let html = render(LoginPage {
                lang,
                title: lang.t("Intrare personal", "Staff login"),
                csrf: presented,
                name: attempt.name,
                problem: Some(lang.t(&x.message_ro, &x.message)),
            })?;
            let mut response = page(x.status, html);
            if let Some(seconds) = e.retry_after() {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, http::HeaderValue::from(seconds));
            }
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

fn login_cookie(value: &str, local: bool) -> String {
    let secure = if local { "" } else { "; Secure" };
    format!(
        "{LOGIN_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/staff/login; Max-Age=3600{secure}"
    )
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

fn counter(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let lang = session.lang;
    let who = &session.staff;
    match (rest, get) {
        ([], true) => {
            #[derive(Template)]
            #[template(path = "staff/counter.html")]
            struct CounterPage<'a> {
                lang: Lang,
                title: &'a str,
                frame: Frame,
                day: Day,
                is_today: bool,
            }
            let today = ctx.now.with_timezone(&OFFICE_TZ).date_naive();
            let date = query_date(req, "date")?.unwrap_or(today);
            let html = render(CounterPage {
                lang,
                title: lang.t("La ghișeu", "At the counter"),
                frame: Frame::new(req, session),
                day: dayview::day(ctx.db, ctx.office, date, ctx.now)?,
                is_today: date == today,
            })?;
            Ok(page(StatusCode::OK, html))
        }
        (["check-in"], false) => {
            let fields = form(req, session)?;
            actions::check_in(ctx, &fields, who)?;
            Ok(see_other("/staff/counter?done=checked_in"))
        }
        (["walk-in"], false) => {
            #[derive(Template)]
            #[template(path = "staff/ticket.html")]
            struct TicketPage<'a> {
                lang: Lang,
                title: &'a str,
                frame: Frame,
                ticket: crate::counter::WalkInTicket,
                service: &'a str,
            }
            let fields = form(req, session)?;
            let ticket = actions::walk_in(ctx, &fields, who)?;
            let service = ctx.office.service(ticket.service)?;
            let html = render(TicketPage {
                lang,
                title: lang.t("Bon de ordine", "Queue ticket"),
                frame: Frame::new(req, session),
                service: service_name(service, lang),
                ticket,
            })?;
            Ok(page(StatusCode::CREATED, html))
        }
        (["bookings", id, mark @ ("no-show" | "fictitious")], _) => {
            let booking = Booking::by_id(ctx.db, id_of(id)?)?.ok_or(Error::NotFound)?;
            if get {
                let (title, question, button) = if *mark == "no-show" {
                    (
                        lang.t("Neprezentat?", "No-show?"),
                        lang.t(
                            "Programarea se marchează neprezentată, iar telefonul și emailul nu mai pot programa online 30 de zile.",
                            "The booking is marked as a no-show, and its phone and email may not book online for 30 days.",
                        ),
                        lang.t("Marchează neprezentat", "Mark as no-show"),
                    )
                } else {
                    (
                        lang.t("Date fictive?", "Fictitious data?"),
                        lang.t(
                            "Programarea se marchează cu date fictive: toate programările active ale persoanei se anulează, iar telefonul și emailul nu mai pot programa online 180 de zile.",
                            "The booking is marked as fictitious: all the person's active bookings are cancelled, and its phone and email may not book online for 180 days.",
                        ),
                        lang.t("Marchează date fictive", "Mark as fictitious"),
                    )
                };
                let view = booking.status_view();
                let html = render(ConfirmPage {
                    lang,
                    title,
                    frame: Frame::new(req, session),
                    question: format!("{} {} {} — {question}", view.name, view.date, view.time),
                    action: format!("/staff/counter/bookings/{id}/{mark}"),
                    hidden: Vec::new(),
                    button,
                    back: "/staff/counter",
                })?;
                return Ok(page(StatusCode::OK, html));
            }
            form(req, session)?;
            if *mark == "no-show" {
                actions::no_show(ctx, &booking, who)?;
                Ok(see_other("/staff/counter?done=no_show"))
            } else {
                actions::fictitious(ctx, &booking, who)?;
                Ok(see_other("/staff/counter?done=fictitious"))
            }
        }
        _ => Err(Error::NotFound),
    }
}

/// One line of the complaints queue.
struct QueueRow {
    id: i64,
    kind: String,
    severity: Option<String>,
    state: &'static str,
    level: u32,
    deadline: String,
    flags: Vec<&'static str>,
}

const FILTERS: [(&str, &str, &str); 5] = [
    ("open", "Deschise", "Open"),
    ("due_soon", "Termen apropiat", "Due soon"),
    ("overdue", "Depășite", "Overdue"),
    ("escalated", "Escaladate", "Escalated"),
    ("all", "Toate", "All"),
];

fn complaints_desk(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let lang = session.lang;
    let who = &session.staff;
    let warning = Duration::hours(i64::from(ctx.office.sla_warning_hours));
    match (rest, get) {
        ([], true) => {
            #[derive(Template)]
            #[template(path = "staff/complaints.html")]
            struct QueuePage<'a> {
                lang: Lang,
                title: &'a str,
                frame: Frame,
                filters: [(&'a str, &'a str, &'a str); 5],
                filter: String,
                rows: Vec<QueueRow>,
            }
            let filter = query_pairs(req)
                .remove("filter")
                .unwrap_or_else(|| "open".to_owned());
            let listed = complaints::list(ctx.db, ctx.office, &filter, warning, ctx.now)?;
            let mut rows: Vec<QueueRow> = listed
                .into_iter()
                .map(|c| {
                    let s = &c.status;
                    // The next deadline still to meet: acknowledgement, then the
                    // progress update and the resolution; none once resolved.
                    let deadline = if s.resolved_at.is_some() {
                        String::new()
                    } else if s.acknowledged_at.is_none() {
                        s.acknowledge_by.clone()
                    } else {
                        s.progress_update_by
                            .clone()
                            .filter(|p| *p < s.resolve_by)
                            .unwrap_or_else(|| s.resolve_by.clone())
                    };
                    QueueRow {
                        id: c.id,
                        kind: c.kind,
                        severity: c.severity,
                        state: s.state,
                        level: s.level,
                        deadline,
                        flags: c.flags,
                    }
                })
                .collect();
            // Nearest deadline first; resolved complaints (no deadline) last.
            rows.sort_by(|a, b| {
                (a.deadline.is_empty(), &a.deadline).cmp(&(b.deadline.is_empty(), &b.deadline))
            });
            let html = render(QueuePage {
                lang,
                title: lang.t("Sesizări", "Complaints desk"),
                frame: Frame::new(req, session),
                filters: FILTERS,
                filter,
                rows,
            })?;
            Ok(page(StatusCode::OK, html))
        }
        ([id], true) => {
            #[derive(Template)]
            #[template(path = "staff/complaint.html")]
            struct DetailPage<'a> {
                lang: Lang,
                title: String,
                frame: Frame,
                id: i64,
                rows: Vec<(&'a str, String)>,
                events: Vec<(String, String, String, String)>,
                open: bool,
                acknowledged: bool,
                can_exempt: bool,
            }
            let id = id_of(id)?;
            let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
            let events = complaints::events(ctx.db, id)?;
            let progress = Progress::compute(&found, &events, &ctx.office.business_days());
            let status = complaints::StatusView::new(&found, &progress);
            let flags = progress.flags(warning, ctx.now).join(", ");
            let optional = |v: &Option<String>| v.clone().unwrap_or_default();
            let rows = vec![
                (lang.t("Tip", "Kind"), found.kind.clone()),
                (lang.t("Stare", "State"), status.state.to_owned()),
                (lang.t("Nivel", "Level"), status.level.to_string()),
                (lang.t("Semnale", "Flags"), flags),
                (lang.t("Primită", "Received"), status.received_at.clone()),
                (
                    lang.t("Confirmare până la", "Acknowledge by"),
                    status.acknowledge_by.clone(),
                ),
                (
                    lang.t("Actualizare până la", "Progress update by"),
                    optional(&status.progress_update_by),
                ),
                (
                    lang.t("Soluționare până la", "Resolve by"),
                    status.resolve_by.clone(),
                ),
                (
                    lang.t("Descriere", "Description"),
                    found.description.clone(),
                ),
                (
                    lang.t("Idee de soluție", "Suggested solution"),
                    optional(&found.solution_idea),
                ),
                ("Email", optional(&found.email)),
                (lang.t("Telefon", "Phone"), optional(&found.phone)),
            ];
            let events = events
                .iter()
                .map(|e| {
                    let what = match e.until {
                        Some(until) => format!("{} → {until}", e.kind),
                        None => e.kind.clone(),
                    };
                    (
                        e.at.with_timezone(&OFFICE_TZ)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                        what,
                        optional(&e.staff),
                        optional(&e.text),
                    )
                })
                .collect();
            let html = render(DetailPage {
                lang,
                title: format!("{} #{id}", lang.t("Sesizarea", "Complaint")),
                frame: Frame::new(req, session),
                id,
                rows,
                events,
                open: status.resolved_at.is_none(),
                acknowledged: status.acknowledged_at.is_some(),
                can_exempt: session.role.may(Task::Supervise)
                    && found.kind == "proposal"
                    && found.booking_id.is_some(),
            })?;
            Ok(page(StatusCode::OK, html))
        }
        ([id, "exemption"], false) => {
            let fields = form(req, session)?;
            let id = id_of(id)?;
            actions::grant_for_proposal(ctx, who, id, fields.get("reason").map(String::as_str))?;
            Ok(see_other(&format!("/staff/complaints/{id}?done=exemption")))
        }
        (
            [
                id,
                step @ ("acknowledge" | "progress" | "resolve" | "timeline"),
            ],
            false,
        ) => {
            let fields = form(req, session)?;
            let id = id_of(id)?;
            actions::complaint_step(ctx, who, id, step, &fields)?;
            Ok(see_other(&format!("/staff/complaints/{id}?done=step")))
        }
        _ => Err(Error::NotFound),
    }
}

fn closures(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let lang = session.lang;
    match (rest, get) {
        ([], true) => {
            #[derive(Template)]
            #[template(path = "staff/closures.html")]
            struct ClosuresPage<'a> {
                lang: Lang,
                title: &'a str,
                frame: Frame,
                services: Vec<(&'static str, &'static str)>,
                unconfirmed: Vec<Unconfirmed>,
            }
            let html = render(ClosuresPage {
                lang,
                title: lang.t("Închideri și mutări", "Closures and relocations"),
                frame: Frame::new(req, session),
                services: ctx
                    .office
                    .services
                    .iter()
                    .map(|s| (s.code, service_name(s, lang)))
                    .collect(),
                unconfirmed: relocation::unconfirmed(ctx.db, ctx.now)?,
            })?;
            Ok(page(StatusCode::OK, html))
        }
        (["preview"], false) => {
            let fields = form(req, session)?;
            let window = Window::parse(&fields, ctx.office)?;
            let moving = relocation::affected(ctx.db, &window, ctx.now)?;
            let hidden = ["service", "date", "from", "to", "reason"]
                .into_iter()
                .map(|name| (name, fields.get(name).cloned().unwrap_or_default()))
                .collect();
            let html = render(ConfirmPage {
                lang,
                title: lang.t("Închideți intervalul?", "Close this window?"),
                frame: Frame::new(req, session),
                question: format!(
                    "{} {} {}–{}: {moving} {}",
                    service_name(window.service, lang),
                    fields.get("date").map(String::as_str).unwrap_or(""),
                    fields.get("from").map(String::as_str).unwrap_or(""),
                    fields.get("to").map(String::as_str).unwrap_or(""),
                    lang.t(
                        "programări vor fi mutate la cea mai apropiată oră liberă, iar solicitanții anunțați.",
                        "bookings will move to the nearest free time, and their bookers be told."
                    ),
                ),
                action: "/staff/closures".to_owned(),
                hidden,
                button: lang.t("Închide intervalul", "Close the window"),
                back: "/staff/closures",
            })?;
            Ok(page(StatusCode::OK, html))
        }
        ([], false) => {
            #[derive(Template)]
            #[template(path = "staff/closure_done.html")]
            struct ClosedPage<'a> {
                lang: Lang,
                title: &'a str,
                frame: Frame,
                closing: Closing,
            }
            let fields = form(req, session)?;
            let closing = actions::close_window(ctx, &session.staff, &fields)?;
            let status = if closing.created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let html = render(ClosedPage {
                lang,
                title: lang.t("Interval închis", "Window closed"),
                frame: Frame::new(req, session),
                closing,
            })?;
            Ok(page(status, html))
        }
        _ => Err(Error::NotFound),
    }
}

fn exemptions(req: &Request, ctx: &Context, session: &Session) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/exemptions.html")]
    struct ExemptionsPage<'a> {
        lang: Lang,
        title: &'a str,
        frame: Frame,
        exemptions: Vec<crate::booking::exemption::Listed>,
    }
    let lang = session.lang;
    let html = render(ExemptionsPage {
        lang,
        title: lang.t("Scutiri", "Exemptions"),
        frame: Frame::new(req, session),
        exemptions: crate::booking::exemption::list(ctx.db)?,
    })?;
    Ok(page(StatusCode::OK, html))
}

fn messages(req: &Request, ctx: &Context, session: &Session) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/messages.html")]
    struct MessagesPage<'a> {
        lang: Lang,
        title: &'a str,
        frame: Frame,
        messages: Vec<outbox::Listed>,
    }
    let lang = session.lang;
    let html = render(MessagesPage {
        lang,
        title: lang.t("Mesaje eșuate", "Failed messages"),
        frame: Frame::new(req, session),
        messages: outbox::list(ctx.db, "failed")?,
    })?;
    Ok(page(StatusCode::OK, html))
}

fn audit_trail(req: &Request, ctx: &Context, session: &Session) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/audit.html")]
    struct AuditPage<'a> {
        lang: Lang,
        title: &'a str,
        frame: Frame,
        subject: String,
        staff: String,
        date: String,
        entries: Vec<AuditEntry>,
    }
    let lang = session.lang;
    let query = query_pairs(req);
    let text = |name: &str| {
        query
            .get(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let (subject, staff, date) = (text("subject"), text("staff"), text("date"));
    let day = query_date(req, "date")?;
    let filter = AuditFilter {
        subject: Some(subject.as_str()).filter(|s| !s.is_empty()),
        staff: Some(staff.as_str()).filter(|s| !s.is_empty()),
        between: day.map(|d| (start_of_day(d), start_of_day(d + Days::new(1)))),
    };
    let html = render(AuditPage {
        lang,
        title: lang.t("Jurnal de audit", "Audit trail"),
        frame: Frame::new(req, session),
        entries: crate::staff::search(ctx.db, &filter)?,
        subject,
        staff,
        date,
    })?;
    Ok(page(StatusCode::OK, html))
}

fn accounts_page(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let lang = session.lang;
    let who = &session.staff;
    match (rest, get) {
        ([], true) => {
            #[derive(Template)]
            #[template(path = "staff/accounts.html")]
            struct AccountsPage<'a> {
                lang: Lang,
                title: &'a str,
                frame: Frame,
                accounts: Vec<Account>,
                own_id: i64,
                roles: [Role; 4],
            }
            let html = render(AccountsPage {
                lang,
                title: lang.t("Conturi", "Accounts"),
                frame: Frame::new(req, session),
                accounts: accounts::list(ctx.db)?,
                own_id: session.account_id,
                roles: Role::ALL,
            })?;
            Ok(page(StatusCode::OK, html))
        }
        ([], false) => {
            let fields = form(req, session)?;
            let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
            let role = Role::parse(field("role"))?;
            let account =
                accounts::create(ctx.db, field("name"), role, field("password"), ctx.now)?;
            let entry = Entry::new("account_create", format!("account:{}", account.name))
                .change("none", role.code());
            audit(ctx.db, who, &entry, ctx.now)?;
            Ok(see_other("/staff/accounts?done=account_created"))
        }
        ([id, change @ ("disable" | "enable")], false) => {
            form(req, session)?;
            let id = id_of(id)?;
            if id == session.account_id {
                return Err(Error::conflict(
                    "own_account",
                    "id",
                    "You can't disable your own account.",
                    "Nu vă puteți dezactiva propriul cont.",
                ));
            }
            let account = accounts::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
            let disable = *change == "disable";
            if accounts::set_disabled(ctx.db, id, disable, ctx.now)? {
                let (before, after) = if disable {
                    ("active", "disabled")
                } else {
                    ("disabled", "active")
                };
                let entry = Entry::new("account_state", format!("account:{}", account.name))
                    .change(before, after);
                audit(ctx.db, who, &entry, ctx.now)?;
            }
            Ok(see_other("/staff/accounts?done=account_changed"))
        }
        ([id, "password"], false) => {
            let fields = form(req, session)?;
            let account = accounts::by_id(ctx.db, id_of(id)?)?.ok_or(Error::NotFound)?;
            let password = fields.get("password").map(String::as_str).unwrap_or("");
            accounts::reset_password(ctx.db, account.id, password, ctx.now)?;
            let entry = Entry::new("password_reset", format!("account:{}", account.name));
            audit(ctx.db, who, &entry, ctx.now)?;
            Ok(see_other("/staff/accounts?done=password_reset"))
        }
        _ => Err(Error::NotFound),
    }
}
