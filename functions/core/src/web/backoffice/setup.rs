//! Issue 24: the office's setup in the back office (supervisors): its locations with
//! their counters, weekly hours and special days, and its services. Every save is a
//! new version through `staff::actions::change_setup`, shared with the JSON API; a
//! change that would leave bookings outside the hours is shown first, with the
//! choice to move them (R18) or to start the new hours after the last of them.

use super::shell::{Frame, form};
use crate::booking::Booking;
use crate::context::Context;
use crate::identity::mask_name;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::office::setup::{SpecialDay, Timetable, WEEKDAYS, Week, Words};
use crate::office::{Interval, Location, Proof, Service, Setup};
use crate::staff::actions;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::kernel::fields::optional;
use crate::web::toolkit::{Request, Response, html_response, parse_date, see_other};
use askama::Template;
use chrono::{Days, NaiveDate};
use http::StatusCode;
use std::collections::BTreeMap;

pub(super) fn setup_pages(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    match (rest, get) {
        ([], true) => overview(req, ctx, session),
        (["locations"], false) => {
            let fields = form(req, session)?;
            let code = text(&fields, "code");
            let name = Words::new(&text(&fields, "name_ro"), "", "");
            let mut setup = ctx.setup()?.clone();
            setup.locations.push(Location::new(&code, name, today(ctx)));
            save(req, ctx, session, &fields, &setup, &format!("/staff/setup/locations/{code}"))
        }
        (["locations", code], true) => location_page(req, ctx, session, code),
        (["locations", code], false) => {
            let mut fields = form(req, session)?;
            let setup = ctx.setup()?;
            let mut changed = with_location(setup, code, |l| edit_location(l, setup, &fields))?;
            if fields.get("decision").map(String::as_str) == Some("later") {
                fields.remove("decision");
                // The new hours start the day after the last booking they would leave out.
                if let Some(last) = actions::setup_preview(ctx, &changed)?.last() {
                    let day = last.slot_start.with_timezone(&OFFICE_TZ).date_naive();
                    fields.insert("hours_from".into(), (day + Days::new(1)).to_string());
                    changed = with_location(setup, code, |l| edit_location(l, setup, &fields))?;
                }
            }
            save(req, ctx, session, &fields, &changed, &format!("/staff/setup/locations/{code}"))
        }
        (["locations", code, "special-days"], false) => {
            let fields = form(req, session)?;
            let date = parse_date(&fields, "date")?;
            let hours = Interval::list(&text(&fields, "hours"))
                .map_err(|_| Error::field("invalid_hours", "hours"))?;
            let day = SpecialDay {
                date,
                hours,
                reason: text(&fields, "reason"),
            };
            let changed = with_location(ctx.setup()?, code, |l| {
                l.special_days.retain(|s| s.date != date);
                l.special_days.push(day);
                l.special_days.sort_by_key(|s| s.date);
                Ok(())
            })?;
            save(req, ctx, session, &fields, &changed, &format!("/staff/setup/locations/{code}"))
        }
        (["locations", code, "special-days", date, "remove"], false) => {
            let fields = form(req, session)?;
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| Error::NotFound)?;
            let changed = with_location(ctx.setup()?, code, |l| {
                l.special_days.retain(|s| s.date != date);
                Ok(())
            })?;
            save(req, ctx, session, &fields, &changed, &format!("/staff/setup/locations/{code}"))
        }
        (["services"], false) => {
            let fields = form(req, session)?;
            let code = text(&fields, "code");
            let name = Words::new(&text(&fields, "name_ro"), "", "");
            let (proof, slot_minutes) = (proof_field(&fields)?, number(&fields, "slot_minutes")?);
            let mut setup = ctx.setup()?.clone();
            setup
                .services
                .push(Service::new(&code, name, proof, slot_minutes));
            save(req, ctx, session, &fields, &setup, &format!("/staff/setup/services/{code}"))
        }
        (["services", code], true) => service_page(req, ctx, session, code),
        (["services", code], false) => {
            let fields = form(req, session)?;
            let mut setup = ctx.setup()?.clone();
            let service = setup
                .services
                .iter_mut()
                .find(|s| s.code == *code)
                .ok_or(Error::NotFound)?;
            service.name = words(&fields, "name");
            service.proof = proof_field(&fields)?;
            service.slot_minutes = number(&fields, "slot_minutes")?;
            service.online_percent = number(&fields, "online_percent")?;
            service.bring = bring_list(&fields);
            service.retired = fields.contains_key("retired");
            save(req, ctx, session, &fields, &setup, &format!("/staff/setup/services/{code}"))
        }
        _ => Err(Error::NotFound),
    }
}

fn today(ctx: &Context) -> NaiveDate {
    ctx.now.with_timezone(&OFFICE_TZ).date_naive()
}

fn text(fields: &Fields, name: &str) -> String {
    fields.get(name).map(|v| v.trim().to_owned()).unwrap_or_default()
}

fn number(fields: &Fields, name: &str) -> Result<u32, Error> {
    let value = text(fields, name);
    if value.is_empty() {
        return Ok(0);
    }
    value
        .parse()
        .map_err(|_| Error::field("invalid_number", name))
}

fn proof_field(fields: &Fields) -> Result<Proof, Error> {
    Proof::parse(&text(fields, "proof")).ok_or_else(|| Error::field("invalid_proof", "proof"))
}

/// `{prefix}_ro`, `{prefix}_en`, `{prefix}_hu`.
fn words(fields: &Fields, prefix: &str) -> Words {
    let part = |lang: &str| text(fields, &format!("{prefix}_{lang}"));
    Words {
        ro: part("ro"),
        en: part("en"),
        hu: part("hu"),
    }
}

/// What to bring, one item a line in each language; the lines pair up by position.
fn bring_list(fields: &Fields) -> Vec<Words> {
    let lines = |lang: &str| -> Vec<String> {
        text(fields, &format!("bring_{lang}"))
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (en, hu) = (lines("en"), lines("hu"));
    lines("ro")
        .into_iter()
        .enumerate()
        .map(|(i, ro)| Words {
            ro,
            en: en.get(i).cloned().unwrap_or_default(),
            hu: hu.get(i).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The setup with one location changed by `change`.
fn with_location(
    setup: &Setup,
    code: &str,
    change: impl FnOnce(&mut Location) -> Result<(), Error>,
) -> Result<Setup, Error> {
    let mut changed = setup.clone();
    let location = changed
        .locations
        .iter_mut()
        .find(|l| l.code == code)
        .ok_or(Error::NotFound)?;
    change(location)?;
    Ok(changed)
}

/// The location form applied: names, address and contacts, the counters of each
/// service (0 or blank: not given here), and the weekly hours from `hours_from` on.
fn edit_location(location: &mut Location, setup: &Setup, fields: &Fields) -> Result<(), Error> {
    location.name = words(fields, "name");
    location.address = text(fields, "address");
    let directions = words(fields, "directions");
    location.directions = (!directions.ro.is_empty()).then_some(directions);
    location.phone = optional(fields, "phone").map(str::to_owned);
    location.email = optional(fields, "email").map(str::to_owned);
    for service in &setup.services {
        let field = format!("counter-{}", service.code);
        match number(fields, &field)? {
            0 => location.counters.remove(&service.code),
            n => location.counters.insert(service.code.clone(), n),
        };
    }
    let from = parse_date(fields, "hours_from")?;
    let mut week = BTreeMap::new();
    for day in WEEKDAYS {
        let field = format!("hours-{day}");
        let hours = Interval::list(&text(fields, &field))
            .map_err(|_| Error::field("invalid_hours", &field))?;
        if !hours.is_empty() {
            week.insert(day.to_owned(), hours);
        }
    }
    let mut services = BTreeMap::new();
    for service in &setup.services {
        let field = format!("own-hours-{}", service.code);
        let own = text(fields, &field);
        if !own.is_empty() {
            let own = own_week(&own).map_err(|_| Error::field("invalid_hours", &field))?;
            services.insert(service.code.clone(), own);
        }
    }
    let timetable = Timetable {
        from,
        week,
        services,
    };
    let in_force = location.week_on(from);
    if in_force.map(|t| (&t.week, &t.services)) != Some((&timetable.week, &timetable.services)) {
        location.set_timetable(timetable);
    }
    Ok(())
}

/// A service's own week as the form writes it: `mon 08:30-12:00; fri 08:30-11:00,
/// 12:00-13:00` (a day left out is closed for it).
fn own_week(text: &str) -> Result<Week, String> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (day, hours) = part.split_once(' ').ok_or_else(|| part.to_owned())?;
            if !WEEKDAYS.contains(&day) {
                return Err(day.to_owned());
            }
            Ok((day.to_owned(), Interval::list(hours)?))
        })
        .collect()
}

/// A service's own week as the form shows it (see `own_week`).
fn show_week(week: &Week) -> String {
    WEEKDAYS
        .iter()
        .filter_map(|d| week.get(*d).map(|h| format!("{d} {}", Interval::show(h))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Saves `setup` from the form's `version`; bookings it would leave outside the hours
/// are shown first, and moved only when the supervisor chose so (`decision=move`).
fn save(
    req: &Request,
    ctx: &Context,
    session: &Session,
    fields: &Fields,
    setup: &Setup,
    back: &str,
) -> Result<Response, Error> {
    let version = text(fields, "version")
        .parse()
        .map_err(|_| Error::field("invalid_version", "version"))?;
    let moving = fields.get("decision").map(String::as_str) == Some("move");
    if !moving {
        let outside = actions::setup_preview(ctx, setup)?;
        if !outside.is_empty() {
            return Ok(preview_page(req, session, fields, &outside));
        }
    }
    let change = actions::change_setup(ctx, &session.staff, version, setup, moving)?;
    let done = if change.moved.is_empty() {
        "setup_saved"
    } else {
        "setup_moved"
    };
    Ok(see_other(&format!("{back}?done={done}")))
}

/// The bookings a change would leave outside the hours, and the choice.
fn preview_page(req: &Request, session: &Session, fields: &Fields, outside: &[Booking]) -> Response {
    #[derive(Template)]
    #[template(path = "staff/setup_preview.html")]
    struct PreviewPage {
        lang: Lang,
        title: String,
        frame: Frame,
        action: String,
        hidden: Vec<(String, String)>,
        bookings: Vec<(String, String)>,
        /// Whether the form changes weekly hours, which may start later instead.
        can_wait: bool,
    }
    let lang = session.lang;
    let html = render(PreviewPage {
        lang,
        title: lang.tr("staff-setup-preview-title"),
        frame: Frame::new(req, session),
        action: req.uri().path().to_owned(),
        hidden: fields
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "csrf" | "decision"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        bookings: outside
            .iter()
            .map(|b| {
                (
                    mask_name(&b.name),
                    super::shell::local_time(b.slot_start, lang),
                )
            })
            .collect(),
        can_wait: fields.contains_key("hours_from"),
    });
    html_response(StatusCode::OK, html)
}

/// One location as the overview lists it.
struct LocationRow {
    code: String,
    name: String,
    address: String,
    /// Each service given here with its counters.
    services: String,
}

fn overview(req: &Request, ctx: &Context, session: &Session) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/setup.html")]
    struct OverviewPage<'a> {
        lang: Lang,
        title: String,
        frame: Frame,
        version: i64,
        locations: Vec<LocationRow>,
        services: &'a [Service],
    }
    let lang = session.lang;
    let current = ctx.versioned_setup()?;
    let setup = &current.setup;
    let locations = setup
        .locations
        .iter()
        .map(|l| LocationRow {
            code: l.code.clone(),
            name: l.name(lang).to_owned(),
            address: l.address.clone(),
            services: setup
                .desks_at(l)
                .map(|d| format!("{} ({})", d.service.name(lang), d.counters))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let html = render(OverviewPage {
        lang,
        title: lang.tr("staff-nav-setup"),
        frame: Frame::new(req, session),
        version: current.version,
        locations,
        services: &setup.services,
    });
    Ok(html_response(StatusCode::OK, html))
}

fn location_page(
    req: &Request,
    ctx: &Context,
    session: &Session,
    code: &str,
) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/setup_location.html")]
    struct LocationPage<'a> {
        lang: Lang,
        title: String,
        frame: Frame,
        version: i64,
        location: &'a Location,
        directions: Words,
        /// Each service: its code, name, the counters it has here (0: not given) and
        /// its own hours here, when it keeps other hours than the location.
        counters: Vec<(String, String, u32, String)>,
        hours_from: NaiveDate,
        /// Each weekday: its name and its hours as the form writes them.
        week: Vec<(&'static str, String, String)>,
        /// The timetables starting after today: when, and their week in words.
        upcoming: Vec<(NaiveDate, String)>,
    }
    let lang = session.lang;
    let current = ctx.versioned_setup()?;
    let location = current.setup.location(code).map_err(|_| Error::NotFound)?;
    let today = today(ctx);
    let in_force = location.week_on(today);
    let names = crate::kernel::i18n::dates::weekdays_short(lang);
    let hours_of = |t: Option<&Timetable>, day: &str| {
        t.and_then(|t| t.week.get(day))
            .map(|h| Interval::show(h))
            .unwrap_or_default()
    };
    let html = render(LocationPage {
        lang,
        title: lang.tr1("staff-setup-location-title", "name", location.name(lang)),
        frame: Frame::new(req, session),
        version: current.version,
        location,
        directions: location.directions.clone().unwrap_or_default(),
        counters: current
            .setup
            .services
            .iter()
            .map(|s| {
                let n = location.counters.get(&s.code).copied().unwrap_or(0);
                let own = in_force
                    .and_then(|t| t.services.get(&s.code))
                    .map(show_week)
                    .unwrap_or_default();
                (s.code.clone(), s.name(lang).to_owned(), n, own)
            })
            .collect(),
        hours_from: today,
        week: WEEKDAYS
            .iter()
            .zip(names)
            .map(|(day, name)| (*day, name, hours_of(in_force, day)))
            .collect(),
        upcoming: location
            .timetables
            .iter()
            .filter(|t| t.from > today)
            .map(|t| (t.from, show_week(&t.week)))
            .collect(),
    });
    Ok(html_response(StatusCode::OK, html))
}

fn service_page(
    req: &Request,
    ctx: &Context,
    session: &Session,
    code: &str,
) -> Result<Response, Error> {
    #[derive(Template)]
    #[template(path = "staff/setup_service.html")]
    struct ServicePage<'a> {
        lang: Lang,
        title: String,
        frame: Frame,
        version: i64,
        service: &'a Service,
        /// The bring list one item a line, per language.
        bring: [String; 3],
    }
    let lang = session.lang;
    let current = ctx.versioned_setup()?;
    let service = current.setup.service(code).map_err(|_| Error::NotFound)?;
    let lines = |pick: fn(&Words) -> &str| {
        service
            .bring
            .iter()
            .map(pick)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let html = render(ServicePage {
        lang,
        title: lang.tr1("staff-setup-service-title", "name", service.name(lang)),
        frame: Frame::new(req, session),
        version: current.version,
        service,
        bring: [lines(|w| &w.ro), lines(|w| &w.en), lines(|w| &w.hu)],
    });
    Ok(html_response(StatusCode::OK, html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_services_own_week_reads_as_written_and_shows_as_read() {
        let week = own_week("mon 08:30-12:00; fri 08:30-11:00, 12:00-13:00").unwrap();
        assert_eq!(week.len(), 2);
        assert_eq!(show_week(&week), "mon 08:30-12:00; fri 08:30-11:00, 12:00-13:00");
        assert!(own_week("monday 08:30-12:00").is_err());
        assert!(own_week("mon 12:00-08:00").is_err());
        assert!(own_week("mon").is_err());
    }
}
