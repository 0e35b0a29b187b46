//! The login form: a password checked against its Argon2id hash, then a session.

use super::shell::{cookie_value, set_cookie};
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::token::LinkToken;
use crate::staff::Entry;
use crate::staff::accounts;
use crate::staff::accounts::Attempt;
use crate::staff::audit;
use crate::staff::session;
use crate::web::html::render;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::body_fields;
use crate::web::toolkit::client_address;
use crate::web::toolkit::html_response;
use crate::web::toolkit::see_other;
use crate::web::toolkit::with_error_headers;
use askama::Template;
use http::Method;
use http::StatusCode;

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage<'a> {
    lang: Lang,
    title: String,
    csrf: &'a str,
    name: &'a str,
    problem: Option<&'a str>,
}

/// GET shows the form (and sets its CSRF cookie); POST checks the password, with the
/// same answer for an unknown name and a wrong password.
pub(super) fn login(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let cookies = ctx.staff_cookies();
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        let lang = crate::web::toolkit::lang_of(req, None);
        let token = LinkToken::generate();
        let html = render(LoginPage {
            lang,
            title: lang.tr("staff-login-title"),
            csrf: token.as_str(),
            name: "",
            problem: None,
        });
        let mut response = html_response(StatusCode::OK, html);
        let form_cookie = cookies.set(session::LOGIN_COOKIE, token.as_str(), Some(3600));
        set_cookie(&mut response, &form_cookie);
        return Ok(response);
    }
    if *req.method() != Method::POST {
        return Err(Error::MethodNotAllowed { allow: "GET, POST" });
    }
    let fields = body_fields(req)?;
    let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let lang = Lang::from_code(Some(field("lang")));
    let presented = field("csrf");
    session::check_csrf(
        cookie_value(req, &cookies.name(session::LOGIN_COOKIE)).unwrap_or(""),
        Some(presented),
    )?;
    let client = client_address(req, ctx.office.rate_limits.client_address_header.as_deref());
    let attempt = Attempt {
        name: field("name"),
        password: field("password"),
        client: &client,
    };
    let first_supervisor = ctx.settings.get("first_supervisor");
    let key = ctx.contact_key();
    match accounts::login(ctx.db, &attempt, first_supervisor.as_deref(), &key, ctx.now) {
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
            set_cookie(
                &mut response,
                &cookies.set(session::COOKIE, token.as_str(), None),
            );
            Ok(response)
        }
        Err(e @ (Error::LoginFailed | Error::RateLimited { .. })) => {
            let x = e.explain(lang);
            let html = render(LoginPage {
                lang,
                title: lang.tr("staff-login-title"),
                csrf: presented,
                name: attempt.name,
                problem: Some(&x.message),
            });
            Ok(with_error_headers(html_response(x.status, html), &e))
        }
        Err(e) => Err(e),
    }
}
