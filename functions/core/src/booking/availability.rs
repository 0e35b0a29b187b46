//! R01: every slot of a day with the online seats it has left.

use crate::kernel::error::Error;
use crate::kernel::time::OFFICE_TZ;
use crate::office::{Closed, Desk, Office};
use crate::storage::{Database, db_time};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// The seats taken per slot of the day and the windows closed in it (R18), in one
/// statement: each is a host call on the busiest route of the rush.
const TAKEN_AND_CLOSED: &str = "SELECT slot_start AS starts_at, NULL AS ends_at, COUNT(*) AS taken
    FROM bookings
    WHERE service = ?1 AND slot_start >= ?2 AND slot_start < ?3 AND location = ?5
      AND (state != 'cancelled' OR seat_free_at > ?4)
    GROUP BY slot_start
    UNION ALL
    SELECT starts_at, ends_at, NULL FROM closed_windows
    WHERE service = ?1 AND location = ?5 AND starts_at < ?3 AND ends_at > ?2";

#[derive(Debug, Serialize)]
pub struct SlotAvailability {
    /// Office time with its UTC offset, e.g. `2026-11-25T09:10:00+02:00`.
    pub start: String,
    pub time: String,
    pub online_seats: u32,
    pub online_left: u32,
    /// False once the slot has started or when no online seat is left.
    pub bookable: bool,
}

#[derive(Debug, Serialize)]
pub struct DayAvailability {
    pub date: NaiveDate,
    pub open: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closed>,
    pub slots: Vec<SlotAvailability>,
}

/// The first day of `days` with an online seat left at the desk (None: none), for the
/// choice of locations. It stops at the first: a free office reads one day.
pub fn next_free_day(
    db: &dyn Database,
    office: &Office,
    desk: &Desk,
    (from, to): (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> Result<Option<NaiveDate>, Error> {
    for date in from.iter_days().take_while(|d| *d <= to) {
        if day(db, office, desk, date, now)?.slots.iter().any(|s| s.bookable) {
            return Ok(Some(date));
        }
    }
    Ok(None)
}

pub fn day(
    db: &dyn Database,
    office: &Office,
    desk: &Desk,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<DayAvailability, Error> {
    let (location, service) = (desk.location.code.as_str(), desk.service.code.as_str());
    let slots = match desk.slots(&office.closures, date) {
        Ok(slots) if !slots.is_empty() => slots,
        Ok(_) => {
            return Ok(DayAvailability {
                date,
                open: false,
                closed: Some(Closed::NoHours),
                slots: vec![],
            });
        }
        Err(closed) => {
            return Ok(DayAvailability {
                date,
                open: false,
                closed: Some(closed),
                slots: vec![],
            });
        }
    };
    let first = slots[0].start;
    let after_last = slots[slots.len() - 1].end;
    let rows = db.execute(
        TAKEN_AND_CLOSED,
        &[
            service.into(),
            db_time(first).into(),
            db_time(after_last).into(),
            db_time(now).into(),
            location.into(),
        ],
    )?;
    let mut taken: HashMap<DateTime<Utc>, i64> = HashMap::new();
    let mut closed: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for r in rows.iter() {
        match r.opt_time("ends_at")? {
            Some(end) => closed.push((r.time("starts_at")?, end)),
            None => {
                taken.insert(r.time("starts_at")?, r.int("taken")?);
            }
        }
    }
    let seats = desk.online_seats();
    let slots = slots
        .iter()
        .map(|slot| {
            let used = taken.get(&slot.start).copied().unwrap_or(0);
            // R18: a slot in a window the office closed offers no seat.
            let is_closed = closed.iter().any(|w| slot.overlaps(*w));
            let left = if is_closed {
                0
            } else {
                u32::try_from(i64::from(seats) - used).unwrap_or(0)
            };
            let local = slot.start.with_timezone(&OFFICE_TZ);
            SlotAvailability {
                start: local.to_rfc3339(),
                time: local.format("%H:%M").to_string(),
                online_seats: seats,
                online_left: left,
                bookable: left > 0 && slot.start > now,
            }
        })
        .collect();
    Ok(DayAvailability {
        date,
        open: true,
        closed: None,
        slots,
    })
}
