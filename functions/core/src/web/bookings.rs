//! The bookings component's routes: `POST /api/bookings` (R01–R17), the status check
//! `GET /api/bookings/{number}` (R03), its `calendar.ics` and the form's
//! `POST /api/bookings/lookup`, the cancellation link
//! `/cancel/{token}` (R14) and the relocation link `/relocation/{token}` (R18).

use crate::booking::availability;
use crate::booking::cancellation;
use crate::booking::{self, Booking, NewBooking};
use crate::context::Context;
use crate::defence::challenge::Purpose;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::kernel::token::ReservationNumber;
use crate::office::relocation;
use crate::office::Setup;
use crate::web::html;
use crate::web::toolkit::{
    Format, Request, Response, admit, body_fields, format_of, html_response, idempotency_key,
    json_response, lang_of, limit_client, posted_number, query_pairs, refused_page, require_get,
    respond, shows_form_again,
};
use chrono::NaiveDate;
use http::{Method, StatusCode, header};
use serde_json::json;

fn confirmation_json(booked: &booking::Booked, setup: &Setup) -> serde_json::Value {
    let b = &booked.booking;
    let location = setup.location(&b.location).ok();
    let local = b.slot_start.with_timezone(&crate::kernel::time::OFFICE_TZ);
    json!({
        "reservation_number": booked.number.as_ref().map(ToString::to_string),
        "replayed": booked.replayed,
        "booking": {
            "location": b.location,
            "address": location.map(|l| l.address.as_str()),
            "service": b.service,
            "slot_start": local.to_rfc3339(),
            "date": local.format("%Y-%m-%d").to_string(),
            "time": local.format("%H:%M").to_string(),
            "name": b.name,
            "phone": b.phone,
            "email": b.email,
            "vin": b.vin,
            "holder": b.holder,
            "state": b.state,
            "cancel_reason": b.cancel_reason,
        }
    })
}

/// POST /api/bookings: JSON or an HTML form; an `Idempotency-Key` makes retries safe.
pub fn create_booking(req: &Request, ctx: &Context) -> Result<Response, Error> {
    if req.method() != Method::POST {
        return Err(Error::MethodNotAllowed { allow: "POST" });
    }
    let mut fields = body_fields(req)?;
    let submitted = fields.clone();
    let booked = (|| {
        let challenge = admit(&mut fields, Purpose::Booking, ctx)?;
        let new = NewBooking::parse(&fields, ctx.office, ctx.setup()?, ctx.now)?;
        let admission = booking::Admission {
            idempotency_key: idempotency_key(req)?,
            per_phone: ctx.office.rate_limits.per_phone(),
            challenge: challenge.as_deref(),
            contact_key: &ctx.contact_key(),
        };
        booking::book(ctx.db, &new, admission, ctx.now)
    })();
    let booked = match booked {
        Err(e) if shows_form_again(req, &e) => {
            return refused_booking_form(req, ctx, submitted, &e).ok_or(e);
        }
        other => other?,
    };
    let status = if booked.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let mut response = match format_of(req) {
        Format::Html => {
            let number = booked.number.as_ref().map(ToString::to_string);
            let page = html::confirmation_page(
                lang_of(req, Some(&fields)),
                ctx.setup()?,
                &booked.booking,
                number.as_deref(),
            );
            html_response(status, page)
        }
        Format::Json => json_response(status, &confirmation_json(&booked, ctx.setup()?)),
    };
    if booked.replayed {
        response.headers_mut().insert(
            "idempotent-replayed",
            http::HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// GET /api/bookings/{number}/calendar.ics: the appointment for a calendar, as the
/// confirmation email attaches it. Unknown and malformed numbers answer 404.
fn calendar_file(req: &Request, number: &str, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let parsed = ReservationNumber::parse(number).map_err(|_| Error::NotFound)?;
    let booking = Booking::by_number(ctx.db, &parsed)?.ok_or(Error::NotFound)?;
    let ics = crate::messaging::messages::ics(&booking, ctx.setup()?, &parsed.to_string(), ctx.now);
    let mut response = respond(
        StatusCode::OK,
        "text/calendar; charset=utf-8",
        ics.into_bytes(),
    );
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        http::HeaderValue::from_static("attachment; filename=\"programare.ics\""),
    );
    Ok(response)
}

/// A refused booking form, shown again with what was typed, the error next to its field
/// and in a summary at the top (the refusal's own status). None when the submission
/// names no day of a service to show the form for: the plain error page answers then.
fn refused_booking_form(
    req: &Request,
    ctx: &Context,
    submitted: Fields,
    error: &Error,
) -> Option<Response> {
    let setup = ctx.setup().ok()?;
    let desk = setup
        .desk(
            submitted.get("location").map(String::as_str),
            submitted.get("service")?,
        )
        .ok()?;
    let date = NaiveDate::parse_from_str(submitted.get("slot")?.get(..10)?, "%Y-%m-%d").ok()?;
    let day = availability::day(ctx.db, ctx.office, &desk, date, ctx.now).ok()?;
    let lang = lang_of(req, Some(&submitted));
    let form = html::FormState::refused(submitted, error, lang, booking::INPUTS);
    let page = html::availability_page(lang, &desk, &day, ctx.proof_of_work().is_some(), &form);
    Some(refused_page(error, page))
}

/// GET /api/bookings/{number} (R03), and `?number=…` as earlier pages asked it.
pub fn booking_status(req: &Request, number: &str, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    status_answer(req, number, lang_of(req, None), ctx)
}

/// POST /api/bookings/lookup: the status page's form without JavaScript.
fn booking_lookup(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let (number, lang) = posted_number(req)?;
    status_answer(req, &number, lang, ctx)
}

/// The status of a booking: unknown and malformed numbers answer the same 404.
fn status_answer(
    req: &Request,
    number: &str,
    lang: Lang,
    ctx: &Context,
) -> Result<Response, Error> {
    let number = ReservationNumber::parse(number).map_err(|_| Error::NotFound)?;
    let booking = Booking::by_number(ctx.db, &number)?.ok_or(Error::NotFound)?;
    let view = booking.status_view();
    Ok(match format_of(req) {
        Format::Html => html_response(StatusCode::OK, html::status_page(lang, ctx.setup()?, &view)),
        Format::Json => json_response(StatusCode::OK, &json!({"booking": view})),
    })
}

/// GET /cancel/{token} shows the booking and a confirm button; POST cancels (R14).
pub fn cancel_link(req: &Request, token: &str, ctx: &Context) -> Result<Response, Error> {
    let lang = lang_of(req, None);
    let invalid = || html_response(StatusCode::NOT_FOUND, html::link_invalid_page(lang));
    match *req.method() {
        Method::GET | Method::HEAD => Ok(match cancellation::open(ctx.db, token, ctx.now)? {
            Some(booking) => html_response(
                StatusCode::OK,
                html::cancel_confirm_page(lang, ctx.setup()?, &booking.status_view()),
            ),
            None => invalid(),
        }),
        Method::POST => Ok(
            match cancellation::confirm(ctx.db, token, ctx.cancel_hold_back(), ctx.now)? {
                true => html_response(StatusCode::OK, html::cancelled_page(lang)),
                false => invalid(),
            },
        ),
        _ => Err(Error::MethodNotAllowed { allow: "GET, POST" }),
    }
}

/// GET /relocation/{token} shows the new time; POST `action=confirm|decline` answers (R18).
pub fn relocation_link(req: &Request, token: &str, ctx: &Context) -> Result<Response, Error> {
    let lang = lang_of(req, None);
    let invalid = || html_response(StatusCode::NOT_FOUND, html::link_invalid_page(lang));
    match *req.method() {
        Method::GET | Method::HEAD => Ok(match relocation::open(ctx.db, token, ctx.now)? {
            Some(pending) => html_response(
                StatusCode::OK,
                html::relocation_page(
                    lang,
                    ctx.setup()?,
                    &pending.booking.status_view(),
                    pending.old_start,
                ),
            ),
            None => invalid(),
        }),
        Method::POST => {
            let fields = body_fields(req)?;
            let confirm = match fields.get("action").map(String::as_str) {
                Some("confirm") => true,
                Some("decline") => false,
                _ => {
                    return Err(FieldError::new("invalid_action", "action").into());
                }
            };
            Ok(match relocation::answer(ctx.db, token, confirm, ctx.now)? {
                true => html_response(
                    StatusCode::OK,
                    html::relocation_answered_page(lang, confirm),
                ),
                false => invalid(),
            })
        }
        _ => Err(Error::MethodNotAllowed { allow: "GET, POST" }),
    }
}

/// Routes the bookings component's paths.
pub fn bookings(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let path = req.uri().path().trim_end_matches('/');
    if let Some(token) = path.strip_prefix("/cancel/") {
        return cancel_link(req, token, ctx);
    }
    if let Some(token) = path.strip_prefix("/relocation/") {
        return relocation_link(req, token, ctx);
    }
    limit_client(req, ctx)?;
    match path.strip_prefix("/api/bookings") {
        Some("") if req.method() == Method::GET => {
            let number = query_pairs(req).remove("number").unwrap_or_default();
            booking_status(req, &number, ctx)
        }
        Some("") => create_booking(req, ctx),
        Some(rest) if rest.ends_with("/calendar.ics") => {
            let number = rest[1..].trim_end_matches("/calendar.ics");
            calendar_file(req, number, ctx)
        }
        Some("/lookup") if req.method() == Method::POST => booking_lookup(req, ctx),
        Some(rest) if rest.starts_with('/') && !rest[1..].contains('/') => {
            booking_status(req, &rest[1..], ctx)
        }
        _ => Err(Error::NotFound),
    }
}
