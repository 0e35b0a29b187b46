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

/// What a printed ticket or check-in receipt says: the code called on the display,
/// the service, the slot, and the live ticket's link (also as a QR code).
struct Printed<'a> {
    code: &'a str,
    service: &'a str,
    time: String,
    live: String,
}

fn ticket_page(
    req: &Request,
    session: &Session,
    title: String,
    printed: Printed,
    location: &str,
) -> String {
    #[derive(Template)]
    #[template(path = "staff/ticket.html")]
    struct TicketPage<'a> {
        lang: Lang,
        title: String,
        frame: Frame,
        printed: Printed<'a>,
        qr: String,
        location: &'a str,
    }
    let lang = session.lang;
    let qr = crate::web::html::qr_svg(&printed.live, &lang.tr("staff-ticket-qr"));
    render(TicketPage {
        lang,
        title,
        frame: Frame::new(req, session),
        printed,
        qr,
        location,
    })
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
            let checked_in = actions::check_in(ctx, &fields, who, session.location.as_deref())?;
            let setup = ctx.setup()?;
            let booking = &checked_in.booking;
            let html = ticket_page(
                req,
                session,
                lang.tr("staff-receipt-title"),
                Printed {
                    code: &checked_in.place.code,
                    service: setup.service_name(&booking.service, lang),
                    time: booking
                        .slot_start
                        .with_timezone(&OFFICE_TZ)
                        .format("%H:%M")
                        .to_string(),
                    live: ctx.links().live_ticket(&checked_in.place.link),
                },
                &booking.location,
            );
            Ok(html_response(StatusCode::CREATED, html))
        }
        (["walk-in"], false) => {
            let fields = form(req, session)?;
            let ticket = actions::walk_in(ctx, &fields, who, session.location.as_deref())?;
            let setup = ctx.setup()?;
            let html = ticket_page(
                req,
                session,
                lang.tr("staff-ticket-title"),
                Printed {
                    code: &ticket.ticket,
                    service: setup.service_name(&ticket.service, lang),
                    time: ticket.time.clone(),
                    live: ctx.links().live_ticket(&ticket.live),
                },
                &ticket.location,
            );
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
