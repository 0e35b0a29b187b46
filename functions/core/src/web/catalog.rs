//! The catalog component's routes: `GET /api/services`, `GET /api/availability` (JSON,
//! a day's page, or the month's day picker), `GET /api/challenge`, `GET /api/health`,
//! and the public transparency page `GET /transparenta`.

use crate::booking::availability;
use crate::context::Context;
use crate::defence::challenge::Purpose;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::office::Desk;
use crate::office::setup::Words;
use crate::web::html;
use crate::web::toolkit::{
    Format, Request, Response, format_of, html_response, json_response, lang_of, parse_date,
    query_pairs, require_get, shared_for,
};
use chrono::{Datelike, Months, NaiveDate};
use http::StatusCode;
use serde_json::json;

/// The longest date range one availability request may ask for.
const MAX_RANGE_DAYS: i64 = 31;

/// GET /api/services: the services that take bookings and the locations that give
/// them, each name in Romanian, English and Hungarian.
pub fn services(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let office = ctx.office;
    require_get(req)?;
    let setup = ctx.setup()?;
    let services: Vec<_> = setup
        .services
        .iter()
        .filter(|s| !s.retired)
        .map(|s| {
            let locations: Vec<_> = setup
                .desks_of(s)
                .map(|d| json!({"code": d.location.code, "online_seats_per_slot": d.online_seats()}))
                .collect();
            json!({
                "code": s.code,
                "name": words(&s.name),
                "proof": s.proof,
                "slot_minutes": s.slot_minutes,
                "bring": s.bring.iter().map(words).collect::<Vec<_>>(),
                "locations": locations,
            })
        })
        .collect();
    let locations: Vec<_> = setup
        .locations
        .iter()
        .map(|l| {
            json!({
                "code": l.code,
                "name": words(&l.name),
                "address": l.address,
                "directions": l.directions.as_ref().map(words),
                "phone": l.phone,
                "email": l.email,
            })
        })
        .collect();
    let (_, last) = office.booking_window(ctx.now);
    Ok(shared_for(
        json_response(
            StatusCode::OK,
            &json!({
                "services": services,
                "locations": locations,
                "booking_horizon_days": office.booking_horizon_days,
                "last_bookable_date": last,
            }),
        ),
        60,
    ))
}

/// A text of the office in its three languages (a missing one reads in Romanian).
fn words(w: &Words) -> serde_json::Value {
    json!({"ro": w.get(Lang::Ro), "en": w.get(Lang::En), "hu": w.get(Lang::Hu)})
}

/// GET /transparenta: per service, the open days and their free seats, when the next
/// day opens, how fast recent days filled and the last month's no-shows (issue 23).
/// The same for everyone, so a proxy may keep it a minute.
pub fn transparency(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let outlooks = crate::stats::transparency::outlook(ctx.db, ctx.office, ctx.setup()?, ctx.now)?;
    Ok(shared_for(
        html_response(
            StatusCode::OK,
            html::transparency_page(lang_of(req, None), &outlooks),
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
        .ok_or_else(|| Error::field("invalid_purpose", "for"))?;
    let challenge = ctx
        .proof_of_work()
        .map(|pow| pow.issue(purpose, ctx.now))
        .transpose()?;
    Ok(json_response(
        StatusCode::OK,
        &json!({"challenge": challenge}),
    ))
}

/// GET /api/availability?service=…&location=…&date=YYYY-MM-DD, or &from=…&to=… for a
/// range (`location` may be left out when the service is given at one location).
pub fn availability(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let query = query_pairs(req);
    let setup = ctx.setup()?;
    let service = query.get("service").map(String::as_str).unwrap_or("");
    let location = query.get("location").map(String::as_str);
    let desk = match setup.bookable_desk(location, service) {
        Err(Error::Field(f)) if f.code == "location_required" && format_of(req) == Format::Html => {
            let service = setup.service(service)?;
            let window = ctx.office.booking_window(ctx.now);
            let places = setup
                .desks_of(service)
                .map(|desk| {
                    let next = availability::next_free_day(ctx.db, ctx.office, &desk, window, ctx.now)?;
                    Ok((desk, next))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            return Ok(html_response(
                StatusCode::OK,
                html::locations_page(lang_of(req, None), service, &places),
            ));
        }
        other => other?,
    };
    let (first_open, last_open) = ctx.office.booking_window(ctx.now);
    let out_of_window = |field: &str| -> Error {
        FieldError::new("date_out_of_range", field)
            .in_field(field)
            .into()
    };
    if format_of(req) == Format::Html && !query.contains_key("date") {
        return month_picker(req, ctx, &desk, &query);
    }
    let (from, to) = if query.contains_key("date") {
        let d = parse_date(&query, "date")?;
        (d, d)
    } else {
        (parse_date(&query, "from")?, parse_date(&query, "to")?)
    };
    if to < from || (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(FieldError::new("invalid_range", "to").into());
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
        .map(|d| availability::day(ctx.db, ctx.office, &desk, d, ctx.now))
        .collect::<Result<Vec<_>, Error>>()?;
    if format_of(req) == Format::Html {
        let challenged = ctx.proof_of_work().is_some();
        return Ok(html_response(
            StatusCode::OK,
            html::availability_page(
                lang_of(req, None),
                &desk,
                &days[0],
                challenged,
                &html::FormState::default(),
            ),
        ));
    }
    let (service, location) = (&desk.service.code, &desk.location.code);
    let body = if query.contains_key("date") {
        let day = serde_json::to_value(&days[0]).expect("serialisable");
        json!({"service": service, "location": location, "day": day})
    } else {
        json!({"service": service, "location": location, "days": days})
    };
    Ok(shared_for(json_response(StatusCode::OK, &body), 2))
}

/// The day picker (HTML): `month=YYYY-MM`, by default the month of the first bookable day.
fn month_picker(
    req: &Request,
    ctx: &Context,
    desk: &Desk,
    query: &Fields,
) -> Result<Response, Error> {
    let lang = lang_of(req, None);
    let (first_open, last_open) = ctx.office.booking_window(ctx.now);
    let month = match query.get("month").filter(|m| !m.trim().is_empty()) {
        None => first_open.with_day(1).expect("day 1 exists"),
        Some(m) => NaiveDate::parse_from_str(&format!("{}-01", m.trim()), "%Y-%m-%d")
            .map_err(|_| Error::field("invalid_month", "month"))?,
    };
    let next_month = month
        .checked_add_months(Months::new(1))
        .ok_or(Error::NotFound)?;
    let days = month
        .iter_days()
        .take_while(|d| *d < next_month)
        .map(|date| {
            let day = if (first_open..=last_open).contains(&date) {
                Some(availability::day(ctx.db, ctx.office, desk, date, ctx.now)?)
            } else {
                None
            };
            Ok(html::picker_day(lang, desk, date, day.as_ref()))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let link = |m: NaiveDate| {
        format!(
            "/api/availability?service={}&location={}&month={}&lang={}",
            desk.service.code,
            desk.location.code,
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
        html::month_page(lang, desk, month, days, previous, next),
    ))
}
