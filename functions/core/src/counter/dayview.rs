//! The counter's day at one location (R01, R05, R12, R18): each service's slots with
//! the online and walk-in seats taken, and who is expected, checked in or did not come, with
//! names masked as on the status page.

use crate::identity::mask_name;
use crate::kernel::error::Error;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::start_of_day;
use crate::office::{Location, Office, Setup};
use crate::storage::{Database, db_time};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// One booking as the counter sees it.
#[derive(Debug, Serialize)]
pub struct Expected {
    /// The booking's id, for the no-show and fictitious marks.
    pub id: i64,
    pub name: String,
    /// `active` (expected), `attended`, `no_show` or `cancelled`.
    pub state: String,
    pub cancel_reason: Option<String>,
    /// Moved here by a closing (R18) and not confirmed by the booker yet.
    pub relocation_unconfirmed: bool,
}

#[derive(Debug, Serialize)]
pub struct SlotView {
    pub time: String,
    pub start: String,
    /// Inside a window the office closed.
    pub closed: bool,
    /// Ended: no walk-in ticket for it any more.
    pub over: bool,
    pub online_seats: u32,
    pub online_taken: u32,
    pub walk_in_seats: u32,
    pub walk_in_issued: u32,
    pub bookings: Vec<Expected>,
}

#[derive(Debug, Serialize)]
pub struct ServiceDay {
    pub service: String,
    pub name: crate::office::setup::Words,
    pub slots: Vec<SlotView>,
}

#[derive(Debug, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub location: String,
    pub services: Vec<ServiceDay>,
}

/// A seat is held as everywhere else (R01, R14): by a live booking, or a cancelled one held back.
const BOOKINGS_OF_DAY: &str = "SELECT b.id, b.service, b.slot_start, b.name, b.state, b.cancel_reason,
        (b.state != 'cancelled' OR IFNULL(b.seat_free_at > ?3, 0)) AS holds_seat,
        EXISTS (SELECT 1 FROM relocations r WHERE r.booking_id = b.id AND r.answer IS NULL) AS unconfirmed
    FROM bookings b WHERE b.slot_start >= ?1 AND b.slot_start < ?2 AND b.location = ?4
    ORDER BY b.slot_start, b.id";
const TICKETS_OF_DAY: &str = "SELECT service, slot_start, COUNT(*) AS issued FROM walk_in_tickets
    WHERE slot_start >= ?1 AND slot_start < ?2 AND location = ?3 GROUP BY service, slot_start";
const WINDOWS_OF_DAY: &str = "SELECT service, starts_at, ends_at FROM closed_windows
    WHERE starts_at < ?1 AND ends_at > ?2 AND location = ?3";

/// The day view of `date` (office time) at `location` as it stands at `now`.
pub fn day(
    db: &dyn Database,
    office: &Office,
    setup: &Setup,
    location: &Location,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Day, Error> {
    let (from, to) = (
        db_time(start_of_day(date)),
        db_time(start_of_day(date + Days::new(1))),
    );
    let mut bookings: HashMap<(String, DateTime<Utc>), Vec<Expected>> = HashMap::new();
    let mut taken: HashMap<(String, DateTime<Utc>), u32> = HashMap::new();
    for r in db
        .execute(
            BOOKINGS_OF_DAY,
            &[
                from.as_str().into(),
                to.as_str().into(),
                db_time(now).into(),
                location.code.as_str().into(),
            ],
        )?
        .iter()
    {
        let key = (r.text("service")?, r.time("slot_start")?);
        let state = r.text("state")?;
        if r.flag("holds_seat")? {
            *taken.entry(key.clone()).or_default() += 1;
        }
        bookings.entry(key).or_default().push(Expected {
            id: r.int("id")?,
            name: mask_name(&r.text("name")?),
            state,
            cancel_reason: r.opt_text("cancel_reason")?,
            relocation_unconfirmed: r.flag("unconfirmed")?,
        });
    }
    let issued: HashMap<(String, DateTime<Utc>), u32> = db
        .execute(
            TICKETS_OF_DAY,
            &[
                from.as_str().into(),
                to.as_str().into(),
                location.code.as_str().into(),
            ],
        )?
        .read(|r| {
            let key = (r.text("service")?, r.time("slot_start")?);
            Ok((key, u32::try_from(r.int("issued")?).unwrap_or(u32::MAX)))
        })?
        .into_iter()
        .collect();
    let windows: Vec<(String, DateTime<Utc>, DateTime<Utc>)> = db
        .execute(
            WINDOWS_OF_DAY,
            &[
                to.as_str().into(),
                from.as_str().into(),
                location.code.as_str().into(),
            ],
        )?
        .read(|r| Ok((r.text("service")?, r.time("starts_at")?, r.time("ends_at")?)))?;
    let services = setup
        .desks_at(location)
        .map(|desk| {
            let service = desk.service;
            let slots = desk.slots(&office.closures, date).unwrap_or_default();
            let slots = slots
                .iter()
                .map(|slot| {
                    let key = (service.code.clone(), slot.start);
                    let local = slot.start.with_timezone(&OFFICE_TZ);
                    SlotView {
                        time: local.format("%H:%M").to_string(),
                        start: local.to_rfc3339(),
                        closed: windows
                            .iter()
                            .any(|(s, a, b)| *s == service.code && slot.overlaps((*a, *b))),
                        over: slot.end <= now,
                        online_seats: desk.online_seats(),
                        online_taken: taken.get(&key).copied().unwrap_or(0),
                        walk_in_seats: desk.walk_in_seats(),
                        walk_in_issued: issued.get(&key).copied().unwrap_or(0),
                        bookings: bookings.remove(&key).unwrap_or_default(),
                    }
                })
                .collect();
            ServiceDay {
                service: service.code.clone(),
                name: service.name.clone(),
                slots,
            }
        })
        .collect();
    Ok(Day {
        date,
        location: location.code.clone(),
        services,
    })
}
