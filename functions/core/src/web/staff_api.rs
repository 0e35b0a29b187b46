//! The staff API (R19): every call authenticated, every action audited. There is
//! deliberately no call that creates a booking or moves one on someone's behalf;
//! closing a window (R18) moves the bookings in it by the office's rule.

use crate::booking::Booking;
use crate::booking::exemption;
use crate::complaints::{self, Complaint, Progress};
use crate::context::Context;
use crate::counter::{self, dayview};
use crate::kernel::error::{Error, FieldError};
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::token::ReservationNumber;
use crate::messaging::outbox;
use crate::office::Setup;
use crate::office::relocation;
use crate::orders;
use crate::staff::{Authenticated, Staff, Task, actions, reaches};
use crate::web::toolkit::{
    Request, Response, body_fields, json_document, json_response, optional_body_fields,
    query_pairs, require_get,
};
use chrono::Duration;
use http::{Method, StatusCode, header};
use serde_json::json;

/// Who the request's bearer token names, their role and location; from the head
/// alone, so an upload is refused before its body is read.
pub fn authenticated(req: &Request, staff_tokens: Option<&str>) -> Result<Authenticated, Error> {
    let tokens = crate::staff::parse_tokens(staff_tokens)?;
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    crate::staff::authenticate(authorization, &tokens)
}

/// Routes the staff API: every call authenticated, then role-checked.
pub fn staff(req: &Request, ctx: &Context, staff_tokens: Option<&str>) -> Result<Response, Error> {
    let Authenticated {
        staff: who,
        role,
        location: own,
    } = authenticated(req, staff_tokens)?;
    let own = own.as_deref();
    let path = req.uri().path().trim_end_matches('/');
    let segments: Vec<&str> = path.trim_start_matches("/api/staff/").split('/').collect();
    role.require(task_of(&segments))?;
    let post = req.method() == Method::POST;
    match (segments.as_slice(), post) {
        (["outbox"], false) => list_outbox(req, ctx),
        (["outbox", id, "retry"], true) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            actions::retry_message(ctx, &who, id)?;
            ok(json!({"id": id, "state": "pending"}))
        }
        (["audit"], false) => {
            require_get(req)?;
            let subject = query_pairs(req).remove("subject");
            let filter = crate::staff::AuditFilter {
                subject: subject.as_deref(),
                ..Default::default()
            };
            ok(json!({"audit": crate::staff::search(ctx.db, &filter)?}))
        }
        (["access-requests"], true) => ok(actions::access_request(ctx, &body_fields(req)?, &who)?),
        (["check-in"], true) => {
            let checked_in = actions::check_in(ctx, &body_fields(req)?, &who, own)?;
            let live = ctx.links().live_ticket(&checked_in.place.link);
            ok(json!({
                "booking": checked_in.booking.status_view(),
                "queue": {"code": checked_in.place.code, "live": live},
            }))
        }
        (["walk-in"], true) => {
            let ticket = actions::walk_in(ctx, &body_fields(req)?, &who, own)?;
            let live = ctx.links().live_ticket(&ticket.live);
            Ok(json_response(
                StatusCode::CREATED,
                &json!({"ticket": ticket, "live": live}),
            ))
        }
        (["floor", rest @ ..], post) => floor(req, ctx, &who, own, rest, post),
        (["bookings", number, "no-show"], true) => {
            no_fields(req)?;
            let booking = booking_by_number(ctx, number)?;
            reaches(own, &booking.location)?;
            counter::no_show(ctx.db, &booking, &who, &ctx.contact_key(), ctx.now)?;
            ok(json!({"state": "no_show"}))
        }
        (["bookings", number, "fictitious"], true) => {
            no_fields(req)?;
            let booking = booking_by_number(ctx, number)?;
            reaches(own, &booking.location)?;
            let cancelled =
                counter::fictitious(ctx.db, &booking, &who, &ctx.contact_key(), ctx.now)?;
            ok(json!({"cancelled": cancelled}))
        }
        (["bookings", number, "exemption"], true) => grant_exemption(req, ctx, &who, number),
        (["exemptions"], false) => {
            require_get(req)?;
            ok(json!({"exemptions": exemption::list(ctx.db)?}))
        }
        (["exemptions", id, "revoke"], true) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            actions::revoke_exemption(ctx, &who, id)?;
            ok(json!({"id": id, "state": "revoked"}))
        }
        (["closures"], true) => {
            let closing = actions::close_window(ctx, &who, &body_fields(req)?)?;
            let status = if closing.created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok(json_response(status, &json!({"closing": closing})))
        }
        (["setup"], false) => {
            require_get(req)?;
            let current = ctx.versioned_setup()?;
            ok(json!({"version": current.version, "setup": current.setup}))
        }
        (["setup"], true) => {
            #[derive(serde::Deserialize)]
            #[serde(deny_unknown_fields)]
            struct Change {
                version: i64,
                setup: Setup,
                #[serde(default)]
                move_bookings: bool,
            }
            let change: Change = json_document(req, "invalid_setup")?;
            ok(json!(actions::change_setup(
                ctx,
                &who,
                change.version,
                &change.setup,
                change.move_bookings
            )?))
        }
        (["relocations"], false) => {
            require_get(req)?;
            ok(json!({"unconfirmed": relocation::unconfirmed(ctx.db, ctx.now)?}))
        }
        (["day"], false) => {
            require_get(req)?;
            let date = crate::web::toolkit::query_date(req, "date")?
                .unwrap_or_else(|| ctx.now.with_timezone(&OFFICE_TZ).date_naive());
            let setup = ctx.setup()?;
            let location = crate::web::backoffice::counter_location(req, setup, own)?;
            ok(json!({"day": dayview::day(ctx.db, ctx.office, setup, location, date, ctx.now)?}))
        }
        (["complaints"], false) => {
            require_get(req)?;
            let filter = query_pairs(req)
                .remove("filter")
                .unwrap_or_else(|| "open".to_owned());
            let warning = Duration::hours(i64::from(ctx.office.sla_warning_hours));
            let listed = complaints::list(ctx.db, ctx.office, &filter, warning, ctx.now)?;
            ok(json!({"filter": filter, "complaints": listed}))
        }
        (["complaints", id], false) => {
            require_get(req)?;
            complaint_detail(ctx, id)
        }
        (["complaints", id, "exemption"], true) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            let fields = optional_body_fields(req)?;
            let granted = actions::grant_for_proposal(
                ctx,
                &who,
                id,
                fields.get("reason").map(String::as_str),
            )?;
            exemption_created(granted)
        }
        (
            [
                "complaints",
                id,
                step @ ("acknowledge" | "progress" | "resolve" | "timeline"),
            ],
            true,
        ) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            let view = actions::complaint_step(ctx, &who, id, step, &optional_body_fields(req)?)?;
            ok(json!({"complaint": view}))
        }
        (["orders"], false) => {
            require_get(req)?;
            let filter = query_pairs(req)
                .remove("state")
                .unwrap_or_else(|| "open".to_owned());
            let listed = orders::list(ctx.db, &filter, ctx.now)?;
            ok(json!({"state": filter, "orders": listed}))
        }
        (["orders", id], false) => {
            require_get(req)?;
            order_detail(ctx, id)
        }
        (
            [
                "orders",
                id,
                step @ ("take" | "progress" | "ask" | "reject"),
            ],
            true,
        ) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            let order = actions::order_step(ctx, &who, id, step, &optional_body_fields(req)?)?;
            ok(json!({"order": order}))
        }
        (["orders", id, "issue"], true) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            let upload = crate::web::upload::read(req)?;
            // The API's form has one part, `document` (the back office's adds its CSRF token).
            if let Some(field) = upload.fields.keys().next() {
                return Err(Error::field("unknown_field", field));
            }
            let order = actions::issue_order(ctx, &who, id, &upload.pdf)?;
            ok(json!({"order": order, "sha256": upload.pdf.sha256()}))
        }
        (["orders", id, "refund"], true) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            no_fields(req)?;
            let refunds = actions::refund_order(ctx, &who, id)?;
            ok(json!({"refunds_made": refunds}))
        }
        (
            ["outbox" | "audit" | "exemptions" | "relocations" | "day" | "complaints" | "orders"],
            true,
        )
        | (["complaints" | "orders", _], true) => Err(Error::MethodNotAllowed { allow: "GET" }),
        (
            ["check-in"]
            | ["walk-in"]
            | ["access-requests"]
            | ["closures"]
            | ["outbox", _, "retry"]
            | ["exemptions", _, "revoke"]
            | [
                "orders",
                _,
                "take" | "progress" | "ask" | "reject" | "issue" | "refund",
            ]
            | ["bookings", _, "no-show" | "fictitious" | "exemption"]
            | [
                "complaints",
                _,
                "exemption" | "acknowledge" | "progress" | "resolve" | "timeline",
            ],
            false,
        ) => Err(Error::MethodNotAllowed { allow: "POST" }),
        _ => Err(Error::NotFound),
    }
}

/// Which area of the back office a route belongs to, for the role check.
fn task_of(segments: &[&str]) -> Task {
    match segments {
        ["check-in" | "walk-in" | "day"]
        | ["bookings", _, "no-show" | "fictitious"]
        | ["floor", ..] => Task::Counter,
        ["complaints", _, "exemption"] => Task::Supervise,
        ["complaints", ..] => Task::Complaints,
        ["orders", ..] => Task::Orders,
        _ => Task::Supervise,
    }
}

/// Issue 22: the counter floor for machine clients (a clerk's window, the queue's
/// steps, the overview); the back office's pages do the same through `counter`.
fn floor(
    req: &Request,
    ctx: &Context,
    who: &Staff,
    own: Option<&str>,
    rest: &[&str],
    post: bool,
) -> Result<Response, Error> {
    use crate::counter::queue::{self, Outcome};
    use crate::counter::{display, measures, window};
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SitAt {
        location: Option<String>,
        /// A JSON number: `3.0` is the integer 3, as JSON Schema reads it.
        window: serde_json::Number,
        #[serde(default)]
        services: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pause {
        paused: bool,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Transfer {
        service: String,
    }
    let (db, floor, now) = (ctx.db, &ctx.office.floor, ctx.now);
    let called = |entry: queue::Queued| ok(json!({"call": entry}));
    match (rest, post) {
        ([], false) => {
            require_get(req)?;
            let setup = ctx.setup()?;
            let location = crate::web::backoffice::counter_location(req, setup, own)?;
            let code = location.code.as_str();
            let queues = setup
                .desks_at(location)
                .map(|desk| {
                    let waiting = queue::waiting(db, code, &desk.service.code, now)?;
                    Ok(json!({"service": desk.service.code, "waiting": waiting}))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            ok(json!({
                "location": code,
                "windows": window::seats_at(db, code, now)?,
                "queues": queues,
                "today": measures::today(db, setup, code, now)?,
                "calls": display::calls(db, code, now)?,
            }))
        }
        (["window"], true) => {
            let at: SitAt = json_document(req, "invalid_window")?;
            let window = at
                .window
                .as_i64()
                .or_else(|| at.window.as_f64().filter(|w| w.fract() == 0.0).map(|w| w as i64))
                .ok_or_else(|| Error::field("window_invalid", "window"))?;
            let seat = actions::sit(ctx, who, own, at.location.as_deref(), window, &at.services)?;
            ok(json!({"window": seat}))
        }
        (["leave"], true) => {
            no_fields(req)?;
            window::leave(db, who, now)?;
            ok(json!({"window": null}))
        }
        (["pause"], true) => {
            let pause: Pause = json_document(req, "invalid_pause")?;
            ok(json!({"window": window::pause(db, who, pause.paused, now)?}))
        }
        (["call"], true) => {
            no_fields(req)?;
            called(queue::call_next(db, floor, ctx.setup()?, who, now)?)
        }
        (["recall"], true) => {
            no_fields(req)?;
            called(queue::recall(db, floor, who, now)?)
        }
        ([step @ ("served" | "absent")], true) => {
            no_fields(req)?;
            let outcome = if *step == "served" {
                Outcome::Served
            } else {
                Outcome::Absent
            };
            ok(json!({"entry": queue::finish(db, who, outcome, now)?}))
        }
        (["transfer"], true) => {
            let to: Transfer = json_document(req, "invalid_transfer")?;
            ok(json!({"entry": queue::transfer(db, ctx.setup()?, &to.service, who, now)?}))
        }
        _ => Err(Error::NotFound),
    }
}

/// A step that takes no fields reads its body as its siblings do (take, acknowledge):
/// empty or a JSON object (or a form); anything else is refused (400, 413, 415), never
/// ignored while the step acts.
fn no_fields(req: &Request) -> Result<(), Error> {
    optional_body_fields(req).map(drop)
}

fn ok(body: serde_json::Value) -> Result<Response, Error> {
    Ok(json_response(StatusCode::OK, &body))
}

fn booking_by_number(ctx: &Context, number: &str) -> Result<Booking, Error> {
    let number = ReservationNumber::parse(number).map_err(|_| Error::NotFound)?;
    Booking::by_number(ctx.db, &number)?.ok_or(Error::NotFound)
}

fn list_outbox(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let state = query_pairs(req)
        .remove("state")
        .unwrap_or_else(|| "failed".to_owned());
    if !["pending", "sending", "sent", "failed", "skipped"].contains(&state.as_str()) {
        return Err(FieldError::new("invalid_state", "state").into());
    }
    let messages = outbox::list(ctx.db, &state)?;
    ok(json!({"state": state, "messages": messages}))
}

/// R16: the exemption is granted against the reservation number the proposal cites.
fn grant_exemption(
    req: &Request,
    ctx: &Context,
    who: &Staff,
    number: &str,
) -> Result<Response, Error> {
    let fields = body_fields(req)?;
    let booking = booking_by_number(ctx, number)?;
    let reason = fields.get("reason").map(String::as_str).unwrap_or("");
    exemption_created(actions::grant_exemption(ctx, who, &booking, reason)?)
}

fn complaint_detail(ctx: &Context, id: &str) -> Result<Response, Error> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
    let events = complaints::events(ctx.db, id)?;
    let progress = Progress::compute(&found, &events, &ctx.office.business_days());
    let warning = Duration::hours(i64::from(ctx.office.sla_warning_hours));
    ok(json!({
        "complaint": found,
        "status": complaints::ComplaintStatusView::new(&found, &progress),
        "flags": progress.flags(warning, ctx.now),
        "events": events,
    }))
}

fn order_detail(ctx: &Context, id: &str) -> Result<Response, Error> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let order = orders::Order::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
    let document = orders::document::stored(ctx.db, id)?
        .map(|d| json!({"filename": d.filename, "sha256": d.sha256, "bytes": d.content.len()}));
    ok(json!({
        "order": order,
        "events": orders::events(ctx.db, id)?,
        "document": document,
    }))
}

fn exemption_created(id: i64) -> Result<Response, Error> {
    Ok(json_response(
        StatusCode::CREATED,
        &json!({"exemption": {"id": id, "state": "open"}}),
    ))
}
