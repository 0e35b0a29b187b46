//! The clerk's window (issue 22): sit at a window, call the next person, recall,
//! served, absent, transfer, pause, leave; the queue of each service and today's
//! waits. Every step is a form that posts and redirects, usable from the keyboard
//! without a script; `floor.js` adds one-key shortcuts.

use super::counter::counter_location;
use super::shell::{Frame, form, location_choices};
use crate::context::Context;
use crate::counter::measures::{self, ServiceToday};
use crate::counter::queue::{self, Outcome, Queued};
use crate::counter::window::{self, Seat};
use crate::kernel::error::Error;
use crate::kernel::fields::optional;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::staff::actions;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::web::toolkit::{Request, Response, html_response, see_other};
use askama::Template;
use chrono::{DateTime, Utc};
use http::StatusCode;

/// One service's waiting list as the page shows it.
struct Line {
    name: String,
    waiting: Vec<Queued>,
}

#[derive(Template)]
#[template(path = "staff/floor.html")]
struct FloorPage {
    lang: Lang,
    title: String,
    frame: Frame,
    location: String,
    place: String,
    /// The locations this clerk may sit at.
    locations: Vec<(String, String)>,
    /// The services given at the location: (code, name).
    services: Vec<(String, String)>,
    seat: Option<Seat>,
    current: Option<Queued>,
    lines: Vec<Line>,
    today: Vec<ServiceToday>,
}

impl FloorPage {
    fn time(&self, at: &DateTime<Utc>) -> String {
        at.with_timezone(&OFFICE_TZ).format("%H:%M").to_string()
    }

    fn service_name(&self, code: &str) -> String {
        self.services
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_owned(), |(_, name)| name.clone())
    }

    fn minutes(&self, m: &Option<i64>) -> String {
        m.map_or_else(|| "—".to_owned(), |m| m.to_string())
    }
}

pub(super) fn floor_desk(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let who = &session.staff;
    let (db, now) = (ctx.db, ctx.now);
    let done = |what: &str| Ok(see_other(&format!("/staff/floor?done={what}")));
    match (rest, get) {
        ([], true) => page(req, ctx, session),
        (["sit"], false) => {
            let fields = form(req, session)?;
            let number = optional(&fields, "window")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| Error::field("window_invalid", "window"))?;
            // Checkboxes named `service-{code}`: a form field has one value.
            let services: Vec<String> = fields
                .keys()
                .filter_map(|k| k.strip_prefix("service-"))
                .map(str::to_owned)
                .collect();
            let own = session.location.as_deref();
            actions::sit(
                ctx,
                who,
                own,
                optional(&fields, "location"),
                number,
                &services,
            )?;
            done("seated")
        }
        ([step], false) => {
            let fields = form(req, session)?;
            let floor = &ctx.office.floor;
            match *step {
                "call" => queue::call_next(db, floor, ctx.setup()?, who, now).map(drop)?,
                "recall" => queue::recall(db, floor, who, now).map(drop)?,
                "served" => queue::finish(db, who, Outcome::Served, now).map(drop)?,
                "absent" => queue::finish(db, who, Outcome::Absent, now).map(drop)?,
                "transfer" => {
                    let to = optional(&fields, "service").unwrap_or("");
                    queue::transfer(db, ctx.setup()?, to, who, now).map(drop)?;
                }
                "pause" | "resume" => window::pause(db, who, *step == "pause", now).map(drop)?,
                "leave" => window::leave(db, who, now)?,
                _ => return Err(Error::NotFound),
            }
            done(step)
        }
        _ => Err(Error::NotFound),
    }
}

fn page(req: &Request, ctx: &Context, session: &Session) -> Result<Response, Error> {
    let lang = session.lang;
    let (db, now) = (ctx.db, ctx.now);
    let setup = ctx.setup()?;
    let seat = window::seat_of(db, &session.staff, now)?;
    let own = session.location.as_deref();
    // Seated: the window's location; else the one asked for (or the clerk's own).
    let location = match &seat {
        Some(seat) => setup.location(&seat.location)?,
        None => counter_location(req, setup, own)?,
    };
    let code = location.code.as_str();
    let services: Vec<(String, String)> = setup
        .desks_at(location)
        .map(|d| (d.service.code.clone(), d.service.name(lang).to_owned()))
        .collect();
    let current = match &seat {
        Some(seat) => queue::current(db, seat, now)?,
        None => None,
    };
    let lines = services
        .iter()
        .map(|(service, name)| {
            Ok(Line {
                name: name.clone(),
                waiting: queue::waiting(db, code, service, now)?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let html = render(FloorPage {
        lang,
        title: match &seat {
            Some(seat) => lang.tr1("staff-floor-at-window", "window", seat.number),
            None => lang.tr("staff-floor-title"),
        },
        frame: Frame::new(req, session),
        location: code.to_owned(),
        place: location.name(lang).to_owned(),
        locations: location_choices(setup, lang)
            .into_iter()
            .filter(|(c, _)| own.is_none_or(|own| own == c))
            .collect(),
        services,
        seat,
        current,
        lines,
        today: measures::today(db, setup, code, now)?,
    });
    Ok(html_response(StatusCode::OK, html))
}
