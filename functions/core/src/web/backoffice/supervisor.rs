//! The supervisor's pages: closures and relocations (R18), exemptions (R16), failed
//! messages, the audit trail and the staff accounts.

use super::shell::{ConfirmPage, Frame, form, id_of, location_choices, moment};
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::start_of_day;
use crate::messaging::outbox;
use crate::office::relocation;
use crate::office::relocation::Closing;
use crate::office::relocation::Unconfirmed;
use crate::office::relocation::Window;
use crate::staff::AuditEntry;
use crate::staff::AuditFilter;
use crate::staff::Entry;
use crate::staff::Role;
use crate::staff::accounts;
use crate::staff::accounts::Account;
use crate::staff::actions;
use crate::staff::audit;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::web::html::service_name;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::html_response;
use crate::web::toolkit::json_response;
use crate::web::toolkit::query_date;
use crate::web::toolkit::query_pairs;
use crate::web::toolkit::see_other;
use askama::Template;
use chrono::Days;
use http::StatusCode;
use http::header;

pub(super) fn closures(
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
            struct ClosuresPage {
                lang: Lang,
                title: String,
                frame: Frame,
                locations: Vec<(String, String)>,
                services: Vec<(String, String)>,
                unconfirmed: Vec<Unconfirmed>,
            }
            let setup = ctx.setup()?;
            let html = render(ClosuresPage {
                lang,
                title: lang.tr("staff-nav-closures"),
                frame: Frame::new(req, session),
                locations: location_choices(setup, lang),
                services: setup
                    .services
                    .iter()
                    .map(|s| (s.code.clone(), service_name(s, lang).to_owned()))
                    .collect(),
                unconfirmed: relocation::unconfirmed(ctx.db, ctx.now)?,
            });
            Ok(html_response(StatusCode::OK, html))
        }
        (["preview"], false) => {
            let fields = form(req, session)?;
            let window = Window::parse(&fields, ctx.setup()?)?;
            let moving = relocation::affected(ctx.db, &window, ctx.now)?;
            let hidden = ["location", "service", "date", "from", "to", "reason"]
                .into_iter()
                .map(|name| (name, fields.get(name).cloned().unwrap_or_default()))
                .collect();
            let html = render(ConfirmPage {
                lang,
                title: lang.tr("staff-closures-confirm-title"),
                frame: Frame::new(req, session),
                question: format!(
                    "{}, {} {} {}–{}: {}",
                    window.desk.location.name(lang),
                    service_name(window.desk.service, lang),
                    fields
                        .get("date")
                        .map(|d| moment(d, &lang))
                        .unwrap_or_default(),
                    fields.get("from").map(String::as_str).unwrap_or(""),
                    fields.get("to").map(String::as_str).unwrap_or(""),
                    lang.tr1("staff-closures-confirm-question", "count", moving),
                ),
                action: "/staff/closures".to_owned(),
                hidden,
                button: lang.tr("staff-closures-confirm-button"),
                back: "/staff/closures",
            });
            Ok(html_response(StatusCode::OK, html))
        }
        ([], false) => {
            #[derive(Template)]
            #[template(path = "staff/closure_done.html")]
            struct ClosedPage {
                lang: Lang,
                title: String,
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
                title: lang.tr("staff-closures-done-title"),
                frame: Frame::new(req, session),
                closing,
            });
            Ok(html_response(status, html))
        }
        _ => Err(Error::NotFound),
    }
}

pub(super) fn exemptions(
    req: &Request,
    ctx: &Context,
    session: &Session,
) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/exemptions.html")]
    struct ExemptionsPage {
        lang: Lang,
        title: String,
        frame: Frame,
        exemptions: Vec<crate::booking::exemption::ListedExemption>,
    }
    let lang = session.lang;
    let html = render(ExemptionsPage {
        lang,
        title: lang.tr("staff-nav-exemptions"),
        frame: Frame::new(req, session),
        exemptions: crate::booking::exemption::list(ctx.db)?,
    });
    Ok(html_response(StatusCode::OK, html))
}

pub(super) fn messages(req: &Request, ctx: &Context, session: &Session) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/messages.html")]
    struct MessagesPage {
        lang: Lang,
        title: String,
        frame: Frame,
        messages: Vec<outbox::ListedMessage>,
    }
    let lang = session.lang;
    let html = render(MessagesPage {
        lang,
        title: lang.tr("staff-nav-messages"),
        frame: Frame::new(req, session),
        messages: outbox::list(ctx.db, "failed")?,
    });
    Ok(html_response(StatusCode::OK, html))
}

pub(super) fn audit_trail(
    req: &Request,
    ctx: &Context,
    session: &Session,
) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/audit.html")]
    struct AuditPage {
        lang: Lang,
        title: String,
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
        title: lang.tr("staff-nav-audit"),
        frame: Frame::new(req, session),
        entries: crate::staff::search(ctx.db, &filter)?,
        subject,
        staff,
        date,
    });
    Ok(html_response(StatusCode::OK, html))
}

pub(super) fn accounts_page(
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
            struct AccountsPage {
                lang: Lang,
                title: String,
                frame: Frame,
                accounts: Vec<Account>,
                own_id: i64,
                roles: [Role; 4],
                /// Every location (code, name), for tying an account to one.
                locations: Vec<(String, String)>,
            }
            let html = render(AccountsPage {
                lang,
                title: lang.tr("staff-nav-accounts"),
                frame: Frame::new(req, session),
                accounts: accounts::list(ctx.db)?,
                own_id: session.account_id,
                roles: Role::ALL,
                locations: location_choices(ctx.setup()?, lang),
            });
            Ok(html_response(StatusCode::OK, html))
        }
        ([], false) => {
            let fields = form(req, session)?;
            let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
            let role = Role::parse(field("role"))?;
            let location = account_location(ctx, field("location"))?;
            let account = accounts::create(
                ctx.db,
                field("name"),
                role,
                location,
                field("password"),
                ctx.now,
            )?;
            let entry = Entry::new("account_create", format!("account:{}", account.name))
                .change("none", role.code())
                .detail(location.unwrap_or("every location"));
            audit(ctx.db, who, &entry, ctx.now)?;
            Ok(see_other("/staff/accounts?done=account_created"))
        }
        ([id, change @ ("disable" | "enable")], false) => {
            form(req, session)?;
            let id = id_of(id)?;
            if id == session.account_id {
                return Err(Error::conflict("own_account", "id"));
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
        ([id, "location"], false) => {
            let fields = form(req, session)?;
            let account = accounts::by_id(ctx.db, id_of(id)?)?.ok_or(Error::NotFound)?;
            let field = fields.get("location").map(String::as_str).unwrap_or("");
            let location = account_location(ctx, field)?;
            if accounts::set_location(ctx.db, account.id, location)? {
                let entry = Entry::new("account_location", format!("account:{}", account.name))
                    .change(
                        account.location.as_deref().unwrap_or("every location"),
                        location.unwrap_or("every location"),
                    );
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

/// The location an account is tied to, from a form's choice (blank: every location).
fn account_location<'f>(ctx: &Context, field: &'f str) -> Result<Option<&'f str>, Error> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    ctx.setup()?.location(field)?;
    Ok(Some(field))
}

/// GDPR art. 15: the form, and the export as a JSON download (audited by the action).
pub(super) fn access_request(
    req: &Request,
    ctx: &Context,
    session: &Session,
    get: bool,
) -> Result<Response, Error> {
    if get {
        #[derive(Template)]
        #[template(path = "staff/access.html")]
        struct AccessPage<'a> {
            lang: Lang,
            title: String,
            frame: Frame,
            retention: &'a crate::retention::RetentionSettings,
        }
        let lang = session.lang;
        let html = render(AccessPage {
            lang,
            title: lang.tr("staff-nav-access"),
            frame: Frame::new(req, session),
            retention: &ctx.office.retention,
        });
        return Ok(html_response(StatusCode::OK, html));
    }
    let fields = form(req, session)?;
    let export = actions::access_request(ctx, &fields, &session.staff)?;
    let mut response = json_response(StatusCode::OK, &export);
    let filename = format!(
        "attachment; filename=\"access-request-{}.json\"",
        ctx.now.format("%Y%m%d-%H%M%S")
    );
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        http::HeaderValue::from_str(&filename).expect("ASCII header"),
    );
    Ok(response)
}
