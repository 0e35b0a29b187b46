//! Today at the counter (R01, R05, R12, R13): the day view, check-in, walk-in
//! tickets, and the no-show and fictitious marks behind a confirmation page.

use super::shell::{ConfirmPage, Frame, form, id_of, location_choices};
use crate::booking::Booking;
use crate::context::Context;
use crate::counter::dayview;
use crate::counter::dayview::Day;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::staff::actions;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::web::html::service_name;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::html_response;
use crate::office::{Location, Setup};
use crate::web::toolkit::query_date;
use crate::web::toolkit::query_pairs;
use crate::web::toolkit::see_other;
use askama::Template;
use http::StatusCode;

/// The location the counter's day shows: `?location=`, else the staff member's own
/// (asking for another is refused, 403), else the first.
pub(crate) fn counter_location<'s>(
    req: &Request,
    setup: &'s Setup,
    own: Option<&str>,
) -> Result<&'s Location, Error> {
    let asked = query_pairs(req).remove("location").filter(|l| !l.is_empty());
    if let Some(asked) = &asked {
        crate::staff::reaches(own, asked)?;
    }
    match asked.as_deref().or(own) {
        Some(code) => Ok(setup.location(code)?),
        None => Ok(&setup.locations[0]),
    }
}

pub(super) fn counter(
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
            struct CounterPage {
                lang: Lang,
                title: String,
                frame: Frame,
                day: Day,
                is_today: bool,
                /// Every location, to switch the view to another.
                locations: Vec<(String, String)>,
            }
            let today = ctx.now.with_timezone(&OFFICE_TZ).date_naive();
            let date = query_date(req, "date")?.unwrap_or(today);
            let setup = ctx.setup()?;
            let own = session.location.as_deref();
            let location = counter_location(req, setup, own)?;
            let html = render(CounterPage {
                lang,
                title: lang.tr("staff-counter-title"),
                frame: Frame::new(req, session),
                day: dayview::day(ctx.db, ctx.office, setup, location, date, ctx.now)?,
                is_today: date == today,
                // A clerk tied to a location has only it to choose.
                locations: location_choices(setup, lang)
                    .into_iter()
                    .filter(|(code, _)| own.is_none_or(|own| own == code))
                    .collect(),
            });
            Ok(html_response(StatusCode::OK, html))
        }
        (["check-in"], false) => {
            let fields = form(req, session)?;
            actions::check_in(ctx, &fields, who, session.location.as_deref())?;
            // Back to the day of the location checked in at (its code is checked).
            Ok(see_other(&match fields.get("location").filter(|l| !l.is_empty()) {
                Some(location) => format!("/staff/counter?done=checked_in&location={location}"),
                None => "/staff/counter?done=checked_in".to_owned(),
            }))
        }
        (["walk-in"], false) => {
            #[derive(Template)]
            #[template(path = "staff/ticket.html")]
            struct TicketPage<'a> {
                lang: Lang,
                title: String,
                frame: Frame,
                ticket: crate::counter::WalkInTicket,
                service: &'a str,
            }
            let fields = form(req, session)?;
            let ticket = actions::walk_in(ctx, &fields, who, session.location.as_deref())?;
            let service = ctx.setup()?.service(&ticket.service)?;
            let html = render(TicketPage {
                lang,
                title: lang.tr("staff-ticket-title"),
                frame: Frame::new(req, session),
                service: service_name(service, lang),
                ticket,
            });
            Ok(html_response(StatusCode::CREATED, html))
        }
        (["bookings", id, mark @ ("no-show" | "fictitious")], _) => {
            let booking = Booking::by_id(ctx.db, id_of(id)?)?.ok_or(Error::NotFound)?;
            crate::staff::reaches(session.location.as_deref(), &booking.location)?;
            if get {
                let (title, question, button) = if *mark == "no-show" {
                    (
                        lang.tr("staff-no-show-title"),
                        lang.tr("staff-no-show-question"),
                        lang.tr("staff-no-show-button"),
                    )
                } else {
                    (
                        lang.tr("staff-fictitious-title"),
                        lang.tr("staff-fictitious-question"),
                        lang.tr("staff-fictitious-button"),
                    )
                };
                let view = booking.status_view();
                let html = render(ConfirmPage {
                    lang,
                    title,
                    frame: Frame::new(req, session),
                    question: format!(
                        "{} {} — {question}",
                        view.name,
                        super::shell::local_time(booking.slot_start, lang)
                    ),
                    action: format!("/staff/counter/bookings/{id}/{mark}"),
                    hidden: Vec::new(),
                    button,
                    back: "/staff/counter",
                });
                return Ok(html_response(StatusCode::OK, html));
            }
            form(req, session)?;
            if *mark == "no-show" {
                crate::counter::no_show(ctx.db, &booking, who, &ctx.contact_key(), ctx.now)?;
                Ok(see_other("/staff/counter?done=no_show"))
            } else {
                crate::counter::fictitious(ctx.db, &booking, who, &ctx.contact_key(), ctx.now)?;
                Ok(see_other("/staff/counter?done=fictitious"))
            }
        }
        _ => Err(Error::NotFound),
    }
}
