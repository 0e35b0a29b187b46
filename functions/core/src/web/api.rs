//! The HTTP face of the rules: handlers take a parsed request and return a response,
//! JSON for programs and HTML for browsers (forms work without JavaScript).

mod complaints;
mod orders;
mod staff;

pub use complaints::complaints;
pub use orders::orders;
pub use staff::staff;

use crate::booking::availability;
use crate::booking::cancellation;
use crate::booking::{self, Booking, NewBooking};
use crate::context::Context;
use crate::defence::challenge::Purpose;
use crate::defence::ratelimit;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::kernel::token::ReservationNumber;
use crate::office::relocation;
use crate::web::html;
use chrono::{Datelike, Months, NaiveDate};
use http::{Method, StatusCode, header};
use serde_json::json;

pub type Request = http::Request<Vec<u8>>;
pub type Response = http::Response<Vec<u8>>;

/// Request bodies above this are refused (413) before any parsing.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// A payment provider's notification may be larger than a form.
const MAX_WEBHOOK_BYTES: usize = 256 * 1024;

/// The largest body a path takes: a document upload, a provider's webhook, or a form.
pub fn body_limit(path: &str) -> usize {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        ["api", "staff", "orders", _, "issue"] | ["staff", "orders", _, "issue"] => {
            crate::web::upload::MAX_UPLOAD_BYTES
        }
        ["api", "payments", "webhook"] => MAX_WEBHOOK_BYTES,
        _ => MAX_BODY_BYTES,
    }
}
/// The longest date range one availability request may ask for.
const MAX_RANGE_DAYS: i64 = 31;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Html,
}

/// Browsers submitting forms or navigating get HTML; everything else gets JSON.
pub(crate) fn format_of(req: &Request) -> Format {
    let header_str = |name| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let is_form = header_str(header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded");
    let wants_html = header_str(header::ACCEPT).starts_with("text/html");
    if is_form || wants_html {
        Format::Html
    } else {
        Format::Json
    }
}

pub(crate) fn query_pairs(req: &Request) -> Fields {
    form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

pub(crate) fn lang_of(req: &Request, fields: Option<&Fields>) -> Lang {
    let query = query_pairs(req);
    Lang::from_code(
        fields
            .and_then(|f| f.get("lang"))
            .or(query.get("lang"))
            .map(String::as_str),
    )
}

fn respond(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response {
    http::Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        // Booking pages carry personal data and credentials: never cached, never referred.
        .header(header::CACHE_CONTROL, "no-store")
        .header("referrer-policy", "no-referrer")
        .header("x-content-type-options", "nosniff")
        .header(
            "content-security-policy",
            "default-src 'self'; frame-ancestors 'none'",
        )
        .body(body)
        .expect("valid response")
}

pub fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    respond(status, "application/json", value.to_string().into_bytes())
}

pub(crate) fn html_response(status: StatusCode, page: String) -> Response {
    respond(status, "text/html; charset=utf-8", page.into_bytes())
}

/// The last touch on every answer: an HTML page fetched with GET gets its language
/// switch pointed at itself (`html::switch_to_same_page`).
pub fn finish(req: &Request, response: Response) -> Response {
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_page || req.method() != Method::GET {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match String::from_utf8(body) {
        Ok(page) => html::switch_to_same_page(
            &page,
            req.uri().path(),
            req.uri().query().unwrap_or_default(),
        )
        .unwrap_or(page)
        .into_bytes(),
        Err(e) => e.into_bytes(),
    };
    Response::from_parts(parts, body)
}

/// The answer to a form post: the browser goes on to `location` with a GET, so a
/// reload never repeats the action.
pub(crate) fn see_other(location: &str) -> Response {
    http::Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Vec::new())
        .expect("valid redirect")
}

/// Public data that is the same for everyone: a front proxy may serve it for a
/// moment, so a rush's availability reads don't all reach the database.
fn shared_for(mut response: Response, seconds: u32) -> Response {
    if response.status().is_success() {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            http::HeaderValue::from_str(&format!("public, max-age={seconds}"))
                .expect("ASCII header"),
        );
    }
    response
}

/// `{"error": {"code", "message", "message_ro", "field"}}` or an HTML error page.
pub fn error_response(req: &Request, e: &Error) -> Response {
    let x = e.explain();
    let response = match format_of(req) {
        Format::Html => html_response(x.status, html::error_page(lang_of(req, None), &x)),
        Format::Json => json_response(
            x.status,
            &json!({"error": {"code": x.code, "message": x.message, "message_ro": x.message_ro, "field": x.field}}),
        ),
    };
    with_error_headers(response, e)
}

/// The headers a refusal calls for: `Allow`, `WWW-Authenticate`, `Retry-After`.
pub(crate) fn with_error_headers(mut response: Response, e: &Error) -> Response {
    if let Error::MethodNotAllowed { allow } = e {
        response
            .headers_mut()
            .insert(header::ALLOW, http::HeaderValue::from_static(allow));
    }
    if let Error::Unauthorized = e {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            http::HeaderValue::from_static("Bearer"),
        );
    }
    if let Some(seconds) = e.retry_after() {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, http::HeaderValue::from(seconds));
    }
    response
}

pub(crate) fn require_get(req: &Request) -> Result<(), Error> {
    match *req.method() {
        Method::GET | Method::HEAD => Ok(()),
        _ => Err(Error::MethodNotAllowed { allow: "GET" }),
    }
}

/// GET /api/services: the catalog in Romanian and English.
pub fn services(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let office = ctx.office;
    require_get(req)?;
    let services: Vec<_> = office
        .services
        .iter()
        .map(|s| {
            json!({
                "code": s.code,
                "name": {"ro": s.name_ro, "en": s.name_en},
                "proof": s.proof,
                "slot_minutes": s.slot_minutes,
                "online_seats_per_slot": s.online_seats(),
            })
        })
        .collect();
    let (_, last) = office.booking_window(ctx.now);
    Ok(shared_for(
        json_response(
            StatusCode::OK,
            &json!({"services": services, "booking_horizon_days": office.booking_horizon_days, "last_bookable_date": last}),
        ),
        60,
    ))
}

/// GET /api/health, for probes: 200 when the database answers, else 503.
pub fn health(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let database = ctx.db.execute("SELECT 1 AS up", &[]).is_ok();
    let (status, word) = if database {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    };
    Ok(json_response(
        status,
        &json!({"status": word, "database": word}),
    ))
}

/// GET /api/challenge?for=booking|complaint: a proof-of-work challenge to solve
/// before submitting; `{"challenge": null}` when the office turned it off.
pub fn challenge(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let purpose = query_pairs(req)
        .get("for")
        .and_then(|p| Purpose::parse(p))
        .ok_or_else(|| {
            Error::field(
                "invalid_purpose",
                "for",
                "Ask for a challenge for a booking or a complaint.",
                "Cereți o verificare pentru o programare sau o sesizare.",
            )
        })?;
    let challenge = ctx
        .proof_of_work()
        .map(|pow| pow.issue(purpose, ctx.now))
        .transpose()?;
    Ok(json_response(
        StatusCode::OK,
        &json!({"challenge": challenge}),
    ))
}

/// The solved challenge a submission carries in its `altcha` field, checked and
/// taken out of the fields; None when the office turned the defence off.
pub(crate) fn admit(
    fields: &mut Fields,
    purpose: Purpose,
    ctx: &Context,
) -> Result<Option<String>, Error> {
    let payload = fields.remove("altcha");
    ctx.proof_of_work()
        .map(|pow| pow.verify(payload.as_deref(), purpose, ctx.now))
        .transpose()
}

fn parse_date(fields: &Fields, field: &str) -> Result<NaiveDate, Error> {
    let value = fields.get(field).map(String::as_str).unwrap_or("");
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            "invalid_date",
            field,
            "Give the date as YYYY-MM-DD.",
            "Introduceți data în forma AAAA-LL-ZZ.",
        )
        .into()
    })
}

/// An optional `YYYY-MM-DD` in the query string; blank counts as absent.
pub(crate) fn query_date(req: &Request, field: &str) -> Result<Option<NaiveDate>, Error> {
    let query = query_pairs(req);
    match query.get(field).filter(|d| !d.trim().is_empty()) {
        None => Ok(None),
        Some(_) => parse_date(&query, field).map(Some),
    }
}

/// GET /api/availability?service=…&date=YYYY-MM-DD, or &from=…&to=… for a range.
pub fn availability(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let query = query_pairs(req);
    let service = ctx
        .office
        .service(query.get("service").map(String::as_str).unwrap_or(""))?;
    let (first_open, last_open) = ctx.office.booking_window(ctx.now);
    let out_of_window = |field: &str| -> Error {
        FieldError::new(
            "date_out_of_range",
            field,
            "Online booking is open only from today to the last bookable date.",
            "Programările online sunt deschise doar de azi până la ultima dată disponibilă.",
        )
        .in_field(field)
        .into()
    };
    if format_of(req) == Format::Html && !query.contains_key("date") {
        return month_picker(req, ctx, service, &query);
    }
    let (from, to) = if query.contains_key("date") {
        let d = parse_date(&query, "date")?;
        (d, d)
    } else {
        (parse_date(&query, "from")?, parse_date(&query, "to")?)
    };
    if to < from || (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(FieldError::new(
            "invalid_range",
            "to",
            "The range must run forward and span at most 31 days.",
            "Intervalul trebuie să fie crescător și de cel mult 31 de zile.",
        )
        .into());
    }
    if from < first_open {
        return Err(out_of_window(if query.contains_key("date") {
            "date"
        } else {
            "from"
        }));
    }
    if to > last_open {
        return Err(out_of_window(if query.contains_key("date") {
            "date"
        } else {
            "to"
        }));
    }
    let days = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(|d| availability::day(ctx.db, ctx.office, service, d, ctx.now))
        .collect::<Result<Vec<_>, Error>>()?;
    if format_of(req) == Format::Html {
        let challenged = ctx.proof_of_work().is_some();
        return Ok(html_response(
            StatusCode::OK,
            html::availability_page(
                lang_of(req, None),
                service,
                &days[0],
                challenged,
                &html::FormState::default(),
            ),
        ));
    }
    let body = if query.contains_key("date") {
        let day = serde_json::to_value(&days[0]).expect("serialisable");
        json!({"service": service.code, "day": day})
    } else {
        json!({"service": service.code, "days": days})
    };
    Ok(shared_for(json_response(StatusCode::OK, &body), 2))
}

/// The day picker (HTML): `month=YYYY-MM`, by default the month of the first bookable day.
fn month_picker(
    req: &Request,
    ctx: &Context,
    service: &crate::office::Service,
    query: &Fields,
) -> Result<Response, Error> {
    let lang = lang_of(req, None);
    let (first_open, last_open) = ctx.office.booking_window(ctx.now);
    let month = match query.get("month").filter(|m| !m.trim().is_empty()) {
        None => first_open.with_day(1).expect("day 1 exists"),
        Some(m) => {
            NaiveDate::parse_from_str(&format!("{}-01", m.trim()), "%Y-%m-%d").map_err(|_| {
                Error::field(
                    "invalid_month",
                    "month",
                    "Give the month as YYYY-MM.",
                    "Introduceți luna în forma AAAA-LL.",
                )
            })?
        }
    };
    let next_month = month
        .checked_add_months(Months::new(1))
        .ok_or(Error::NotFound)?;
    let days = month
        .iter_days()
        .take_while(|d| *d < next_month)
        .map(|date| {
            let day = if (first_open..=last_open).contains(&date) {
                Some(availability::day(
                    ctx.db, ctx.office, service, date, ctx.now,
                )?)
            } else {
                None
            };
            Ok(html::picker_day(lang, service, date, day.as_ref()))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let link = |m: NaiveDate| {
        format!(
            "/api/availability?service={}&month={}&lang={}",
            service.code,
            m.format("%Y-%m"),
            lang.code()
        )
    };
    let previous = (month > first_open)
        .then(|| month.checked_sub_months(Months::new(1)))
        .flatten()
        .map(link);
    let next = (next_month <= last_open).then(|| link(next_month));
    Ok(html_response(
        StatusCode::OK,
        html::month_page(lang, service, month, days, previous, next),
    ))
}

/// The body's fields; a step that may carry none takes an empty body as no fields.
pub(crate) fn optional_body_fields(req: &Request) -> Result<Fields, Error> {
    if req.body().is_empty() {
        return Ok(Fields::new());
    }
    body_fields(req)
}

pub(crate) fn body_fields(req: &Request) -> Result<Fields, Error> {
    if req.body().len() > MAX_BODY_BYTES {
        return Err(Error::PayloadTooLarge);
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match media_type.as_str() {
        "application/json" => {
            let value: serde_json::Value =
                serde_json::from_slice(req.body()).map_err(|_| Error::MalformedBody)?;
            let serde_json::Value::Object(map) = value else {
                return Err(Error::MalformedBody);
            };
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => Ok((k, s)),
                    serde_json::Value::Bool(b) => Ok((k, b.to_string())),
                    serde_json::Value::Number(n) => Ok((k, n.to_string())),
                    _ => Err(FieldError::new(
                        "invalid_type",
                        k,
                        "Give this field as text.",
                        "Completați acest câmp ca text.",
                    )
                    .into()),
                })
                .collect()
        }
        "application/x-www-form-urlencoded" => {
            let text = std::str::from_utf8(req.body()).map_err(|_| Error::MalformedBody)?;
            Ok(form_urlencoded::parse(text.as_bytes())
                .into_owned()
                .collect())
        }
        _ => Err(Error::UnsupportedMediaType),
    }
}

fn confirmation_json(booked: &booking::Booked) -> serde_json::Value {
    let b = &booked.booking;
    let local = b.slot_start.with_timezone(&crate::kernel::time::OFFICE_TZ);
    json!({
        "reservation_number": booked.number.as_ref().map(ToString::to_string),
        "replayed": booked.replayed,
        "booking": {
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
        let new = NewBooking::parse(&fields, ctx.office, ctx.now)?;
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
                ctx.office,
                &booked.booking,
                number.as_deref(),
            );
            html_response(status, page)
        }
        Format::Json => json_response(status, &confirmation_json(&booked)),
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
    let ics = crate::messaging::messages::ics(&booking, ctx.office, &parsed.to_string());
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
    let service = ctx.office.service(submitted.get("service")?).ok()?;
    let date = NaiveDate::parse_from_str(submitted.get("slot")?.get(..10)?, "%Y-%m-%d").ok()?;
    let day = availability::day(ctx.db, ctx.office, service, date, ctx.now).ok()?;
    let lang = lang_of(req, Some(&submitted));
    let form = html::FormState::refused(submitted, error, lang, booking::INPUTS);
    let page = html::availability_page(lang, service, &day, ctx.proof_of_work().is_some(), &form);
    Some(refused_page(error, page))
}

/// Whether a refusal is answered by the form shown again: an HTML submission the
/// citizen can correct (a 4xx).
pub(crate) fn shows_form_again(req: &Request, error: &Error) -> bool {
    format_of(req) == Format::Html && error.explain().status.is_client_error()
}

/// A form page shown again after a refusal, with the refusal's status and headers.
pub(crate) fn refused_page(error: &Error, page: String) -> Response {
    with_error_headers(html_response(error.explain().status, page), error)
}

/// GET /api/bookings/{number}, or /api/bookings?number=… for the HTML form (R03).
/// Unknown and malformed numbers answer the same 404.
pub fn booking_status(req: &Request, number: &str, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let number = ReservationNumber::parse(number).map_err(|_| Error::NotFound)?;
    let booking = Booking::by_number(ctx.db, &number)?.ok_or(Error::NotFound)?;
    let view = booking.status_view();
    Ok(match format_of(req) {
        Format::Html => html_response(
            StatusCode::OK,
            html::status_page(lang_of(req, None), ctx.office, &view),
        ),
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
                html::cancel_confirm_page(lang, ctx.office, &booking.status_view()),
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
            Some(pending) => {
                let old = crate::kernel::time::local_minute(pending.old_start);
                html_response(
                    StatusCode::OK,
                    html::relocation_page(lang, ctx.office, &pending.booking.status_view(), &old),
                )
            }
            None => invalid(),
        }),
        Method::POST => {
            let fields = body_fields(req)?;
            let confirm = match fields.get("action").map(String::as_str) {
                Some("confirm") => true,
                Some("decline") => false,
                _ => {
                    return Err(FieldError::new(
                        "invalid_action",
                        "action",
                        "Choose confirm or decline.",
                        "Alegeți confirmare sau renunțare.",
                    )
                    .into());
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

/// Counts the request against its client address's window, when the office turned
/// that limit on: the key-value store is touched only then.
pub(crate) fn limit_client(req: &Request, ctx: &Context) -> Result<(), Error> {
    let limits = &ctx.office.rate_limits;
    let per_address = limits.per_address();
    if per_address.max == 0 {
        return Ok(());
    }
    let address = client_address(req, limits.client_address_header.as_deref());
    ratelimit::hit(ctx.counters, &per_address, &address, ctx.now)
}

/// The `Idempotency-Key` header, when sent.
pub(crate) fn idempotency_key(req: &Request) -> Result<Option<&str>, Error> {
    req.headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map_err(|_| Error::MalformedBody))
        .transpose()
}

/// The client's address: the last entry a trusted proxy wrote in its header when the
/// office names one, else the address Spin saw, without the port.
pub(crate) fn client_address(req: &Request, proxy_header: Option<&str>) -> String {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let raw = match proxy_header {
        Some(name) => header(name)
            .and_then(|v| v.rsplit(',').next().map(|a| a.trim().to_owned()))
            .filter(|a| !a.is_empty()),
        None => header("spin-client-addr"),
    }
    .unwrap_or_else(|| "unknown".to_owned());
    raw.parse::<std::net::SocketAddr>()
        .map_or_else(|_| raw.clone(), |a| a.ip().to_string())
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
        Some(rest) if rest.starts_with('/') && !rest[1..].contains('/') => {
            booking_status(req, &rest[1..], ctx)
        }
        _ => Err(Error::NotFound),
    }
}
