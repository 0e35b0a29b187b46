//! The back office under /staff: server-rendered pages for clerks, complaints officers
//! and supervisors, behind a login. Every page checks the session and the role; every
//! form posts with the session's CSRF token and answers with a redirect (POST, then
//! GET), so a reload never repeats an action. The actions themselves are
//! `staff::actions`, shared with the JSON API.

mod chart;
mod counter;
pub(crate) use counter::counter_location;
mod desk;
mod floor;
mod login;
mod orders;
mod setup;
mod shell;
mod stats;
mod supervisor;

use self::shell::{Frame, NAV, cookie_value, form, id_of, set_cookie};
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::staff::Entry;
use crate::staff::Task;
use crate::staff::actions;
use crate::staff::audit;
use crate::staff::session;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::html_response;
use crate::web::toolkit::see_other;
use crate::web::toolkit::with_error_headers;
use askama::Template;
use http::Method;

/// The live session the request's cookie names, if any.
fn session_of(req: &Request, ctx: &Context) -> Result<Option<Session>, Error> {
    let cookie = cookie_value(req, &ctx.staff_cookies().name(session::COOKIE));
    session::find(ctx.db, cookie, ctx.now)
}

/// Whether the request comes from a live session; from the head alone, so an upload
/// without one is refused before its body is read.
pub fn signed_in(req: &Request, ctx: &Context) -> Result<(), Error> {
    session_of(req, ctx)?.map(|_| ()).ok_or(Error::Unauthorized)
}

/// Routes every /staff path.
pub fn backoffice(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let path = req.uri().path().trim_end_matches('/');
    let rest = path.strip_prefix("/staff").unwrap_or("");
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    if segments == ["login"] {
        return login::login(req, ctx);
    }
    let Some(session) = session_of(req, ctx)? else {
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
        title: String,
        frame: Frame,
        message: &'a str,
        back: &'a str,
    }
    let lang = session.lang;
    let x = e.explain(lang);
    // Back to the area the action was in, when the role may open it.
    let back = NAV
        .iter()
        .find(|(href, .., task)| req.uri().path().starts_with(href) && session.role.may(*task))
        .map_or("/staff", |(href, ..)| *href);
    let html = render(ErrorPage {
        lang,
        title: lang.tr("staff-error-title"),
        frame: Frame::new(req, session),
        message: &x.message,
        back,
    });
    with_error_headers(html_response(x.status, html), e)
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
            let cleared = ctx.staff_cookies().set(session::COOKIE, "", Some(0));
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
        (["floor", ..], _) => floor::floor_desk(req, ctx, session, &segments[1..], get),
        (["complaints", ..], _) => desk::complaints_desk(req, ctx, session, &segments[1..], get),
        (["orders", ..], _) => orders::orders_desk(req, ctx, session, &segments[1..], get),
        (["closures", ..], _) => supervisor::closures(req, ctx, session, &segments[1..], get),
        (["setup", ..], _) => setup::setup_pages(req, ctx, session, &segments[1..], get),
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
        (["stats"], true) => stats::dashboard(req, ctx, session),
        (["stats", file], true) => stats::export(req, ctx, session, file),
        (["access"], _) => supervisor::access_request(req, ctx, session, get),
        (["accounts", ..], _) => supervisor::accounts_page(req, ctx, session, &segments[1..], get),
        (["logout" | "language"], true) => Err(Error::MethodNotAllowed { allow: "POST" }),
        _ => Err(Error::NotFound),
    }
}

/// The message naming a proof, as the setup's pages show it.
pub(crate) fn proof_label(proof: &crate::office::Proof) -> &'static str {
    match proof {
        crate::office::Proof::Holder => "staff-setup-proof-holder",
        crate::office::Proof::Vin => "staff-setup-proof-vin",
        crate::office::Proof::None => "staff-setup-proof-none",
    }
}

/// Which area of the back office a path belongs to; None for what every role may do.
fn task_of(segments: &[&str]) -> Option<Task> {
    match segments {
        ["counter" | "floor", ..] => Some(Task::Counter),
        ["complaints", _, "exemption"] => Some(Task::Supervise),
        ["complaints", ..] => Some(Task::Complaints),
        ["orders", ..] => Some(Task::Orders),
        [
            "closures" | "exemptions" | "messages" | "audit" | "accounts" | "access" | "stats"
            | "setup",
            ..,
        ] => Some(Task::Supervise),
        _ => None,
    }
}
