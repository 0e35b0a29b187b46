//! The staff API (R19): every call authenticated, every action audited. There is
//! deliberately no call that creates a booking or moves one on someone's behalf;
//! closing a window (R18) moves the bookings in it by the office's rule.

use super::{
    Context, Request, Response, body_fields, json_response, optional_body_fields, query_pairs,
    require_get,
};
use crate::booking::Booking;
use crate::booking::exemption;
use crate::complaints::{self, Complaint, Progress};
use crate::counter;
use crate::counter::dayview;
use crate::error::{Error, FieldError};
use crate::messaging::outbox;
use crate::office::OFFICE_TZ;
use crate::office::relocation;
use crate::staff::{Entry, Staff, audit};
use crate::token::ReservationNumber;
use chrono::{Duration, NaiveDate};
use http::{Method, StatusCode, header};
use serde_json::json;

pub fn staff(req: &Request, ctx: &Context, staff_tokens: Option<&str>) -> Result<Response, Error> {
    let tokens = crate::staff::parse_tokens(staff_tokens)?;
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let who = crate::staff::authenticate(authorization, &tokens)?;
    let path = req.uri().path().trim_end_matches('/');
    let segments: Vec<&str> = path.trim_start_matches("/api/staff/").split('/').collect();
    let post = req.method() == Method::POST;
    match (segments.as_slice(), post) {
        (["outbox"], false) => list_outbox(req, ctx),
        (["outbox", id, "retry"], true) => retry_outbox(id, ctx, &who),
        (["audit"], false) => {
            require_get(req)?;
            let subject = query_pairs(req).remove("subject");
            ok(json!({"audit": crate::staff::trail(ctx.db, subject.as_deref())?}))
        }
        (["check-in"], true) => check_in(req, ctx, &who),
        (["walk-in"], true) => {
            let fields = body_fields(req)?;
            let service = ctx
                .office
                .service(fields.get("service").map(String::as_str).unwrap_or(""))?;
            let slot = fields.get("slot").map(String::as_str).unwrap_or("");
            let ticket =
                counter::issue_walk_in(ctx.db, ctx.office, service, slot, &who.0, ctx.now)?;
            let entry = Entry::new("walk_in_ticket", format!("ticket:{}", ticket.ticket))
                .detail(&ticket.slot_start);
            audit(ctx.db, &who, &entry, ctx.now)?;
            Ok(json_response(
                StatusCode::CREATED,
                &json!({"ticket": ticket}),
            ))
        }
        (["bookings", number, "no-show"], true) => {
            let booking = booking_by_number(ctx, number)?;
            counter::no_show(ctx.db, &booking, &who, ctx.now)?;
            ok(json!({"state": "no_show"}))
        }
        (["bookings", number, "fictitious"], true) => {
            let booking = booking_by_number(ctx, number)?;
            let cancelled = counter::fictitious(ctx.db, &booking, &who, ctx.now)?;
            ok(json!({"cancelled": cancelled}))
        }
        (["bookings", number, "exemption"], true) => grant_exemption(req, ctx, &who, number),
        (["exemptions"], false) => {
            require_get(req)?;
            ok(json!({"exemptions": exemption::list(ctx.db)?}))
        }
        (["exemptions", id, "revoke"], true) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            if !exemption::revoke(ctx.db, id, ctx.now)? {
                return Err(Error::NotFound);
            }
            let entry = Entry::new("exemption_revoke", format!("exemption:{id}"))
                .change("granted", "revoked");
            audit(ctx.db, &who, &entry, ctx.now)?;
            ok(json!({"id": id, "state": "revoked"}))
        }
        (["closures"], true) => {
            let fields = body_fields(req)?;
            let window = relocation::Window::parse(&fields, ctx.office)?;
            let closing = relocation::close_window(ctx.db, ctx.office, &window, &who, ctx.now)?;
            let status = if closing.created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok(json_response(status, &json!({"closing": closing})))
        }
        (["relocations"], false) => {
            require_get(req)?;
            ok(json!({"unconfirmed": relocation::unconfirmed(ctx.db, ctx.now)?}))
        }
        (["day"], false) => {
            require_get(req)?;
            let date = match query_pairs(req).get("date") {
                Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                    Error::field(
                        "invalid_date",
                        "date",
                        "Give the date as YYYY-MM-DD.",
                        "Introduceți data în forma AAAA-LL-ZZ.",
                    )
                })?,
                None => ctx.now.with_timezone(&OFFICE_TZ).date_naive(),
            };
            ok(json!({"day": dayview::day(ctx.db, ctx.office, date, ctx.now)?}))
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
        (["complaints", id, "exemption"], true) => proposal_exemption(req, ctx, &who, id),
        (
            [
                "complaints",
                id,
                step @ ("acknowledge" | "progress" | "resolve" | "timeline"),
            ],
            true,
        ) => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            let fields = optional_body_fields(req)?;
            let step = complaints::Step::parse(step, &fields)?;
            let progress =
                complaints::take_step(ctx.db, ctx.office, id, &step, &who, &ctx.links(), ctx.now)?;
            let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
            ok(json!({"complaint": complaints::StatusView::new(&found, &progress)}))
        }
        (["outbox" | "audit" | "exemptions" | "relocations" | "day" | "complaints"], true)
        | (["complaints", _], true) => Err(Error::MethodNotAllowed { allow: "GET" }),
        (
            ["check-in"]
            | ["walk-in"]
            | ["closures"]
            | ["outbox", _, "retry"]
            | ["exemptions", _, "revoke"]
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
        return Err(FieldError::new(
            "invalid_state",
            "state",
            "State must be pending, sending, sent, failed or skipped.",
            "Starea trebuie să fie pending, sending, sent, failed sau skipped.",
        )
        .into());
    }
    let messages = outbox::list(ctx.db, &state)?;
    ok(json!({"state": state, "messages": messages}))
}

fn retry_outbox(id: &str, ctx: &Context, who: &Staff) -> Result<Response, Error> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    if !outbox::retry_failed(ctx.db, id, ctx.now)? {
        return Err(Error::NotFound);
    }
    let entry = Entry::new("outbox_retry", format!("outbox:{id}")).change("failed", "pending");
    audit(ctx.db, who, &entry, ctx.now)?;
    ok(json!({"id": id, "state": "pending"}))
}

fn check_in(req: &Request, ctx: &Context, who: &Staff) -> Result<Response, Error> {
    let fields = body_fields(req)?;
    let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or("");
    let input = counter::CheckIn {
        number: field("number"),
        phone: field("phone"),
        proof: field("proof"),
    };
    match counter::check_in(ctx.db, &input, ctx.check_in_margin(), who, ctx.now) {
        Ok(booking) => ok(json!({"booking": booking.status_view()})),
        Err(e) => {
            // A refused check-in is recorded too: repeated mismatches are a signal.
            let entry = Entry::new("check_in_refused", "booking:?").detail(e.explain().code);
            audit(ctx.db, who, &entry, ctx.now)?;
            Err(e)
        }
    }
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
    grant(ctx, who, &booking, reason)
}

fn grant(ctx: &Context, who: &Staff, booking: &Booking, reason: &str) -> Result<Response, Error> {
    let id = crate::storage::in_transaction(ctx.db, || {
        let id = exemption::grant(ctx.db, booking, reason, who, ctx.now)?;
        let entry = Entry::new("exemption_grant", format!("exemption:{id}"))
            .change("none", "granted")
            .detail(format!("booking:{}", booking.id));
        audit(ctx.db, who, &entry, ctx.now)?;
        Ok(id)
    })?;
    Ok(json_response(
        StatusCode::CREATED,
        &json!({"exemption": {"id": id, "state": "open"}}),
    ))
}

fn complaint_detail(ctx: &Context, id: &str) -> Result<Response, Error> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
    let events = complaints::events(ctx.db, id)?;
    let progress = Progress::compute(&found, &events, &ctx.office.business_days());
    let warning = Duration::hours(i64::from(ctx.office.sla_warning_hours));
    ok(json!({
        "complaint": found,
        "status": complaints::StatusView::new(&found, &progress),
        "flags": progress.flags(warning, ctx.now),
        "events": events,
    }))
}

/// R16 through C01: a proposal citing a booking lets staff grant the exemption.
fn proposal_exemption(
    req: &Request,
    ctx: &Context,
    who: &Staff,
    id: &str,
) -> Result<Response, Error> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let found = Complaint::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
    let booking_id = found
        .booking_id
        .filter(|_| found.kind == "proposal")
        .ok_or_else(|| {
            Error::conflict(
                "not_a_booking_proposal",
                "kind",
                "Only a proposal citing a booking can grant the late-cancel exemption.",
                "Doar o propunere care citează o programare poate acorda scutirea.",
            )
        })?;
    let booking = Booking::by_id(ctx.db, booking_id)?.ok_or(Error::NotFound)?;
    let fields = optional_body_fields(req)?;
    let reason = fields
        .get("reason")
        .cloned()
        .unwrap_or_else(|| format!("proposal complaint:{id}"));
    grant(ctx, who, &booking, &reason)
}
