//! Sitting at a window (issue 22): a clerk sits at one window of a location for the
//! day, calling from some of its services; a window has one clerk at a time. Pausing
//! and leaving wait for the window's call to be finished.

pub use super::seat::{Seat, seat_of, seats_at};
use crate::kernel::error::Error;
use crate::kernel::time::office_date;
use crate::office::Setup;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Utc};

/// The highest window number an office may have.
pub const MAX_WINDOW: i64 = 99;

const LEAVE: &str = "DELETE FROM counter_windows WHERE staff = ?1";
/// Takes the window unless another clerk sits there today.
const SIT: &str =
    "INSERT INTO counter_windows (location, number, staff, services, paused, day, since)
    VALUES (:location, :number, :staff, :services, 0, :day, :now)
    ON CONFLICT (location, number) DO UPDATE
        SET staff = excluded.staff, services = excluded.services, paused = 0,
            day = excluded.day, since = excluded.since
        WHERE counter_windows.day < excluded.day OR counter_windows.staff = excluded.staff
    RETURNING number";

/// Seats `who` at window `number` of `location`, calling from `services` (every
/// service given there when empty). Refused while they have someone called at their
/// window (`call_in_progress`) or when another clerk sits there today (`window_taken`).
pub fn sit(
    db: &dyn Database,
    setup: &Setup,
    who: &Staff,
    location: &str,
    number: i64,
    services: &[String],
    now: DateTime<Utc>,
) -> Result<Seat, Error> {
    let place = setup.location(location)?;
    if !(1..=MAX_WINDOW).contains(&number) {
        return Err(Error::field("window_invalid", "window"));
    }
    let given: Vec<String> = setup
        .desks_at(place)
        .map(|d| d.service.code.clone())
        .collect();
    let services: Vec<String> = if services.is_empty() {
        given
    } else if services.iter().all(|s| given.contains(s)) {
        services.to_vec()
    } else {
        return Err(Error::field("service_unknown", "services"));
    };
    in_transaction(db, || {
        if let Some(seat) = seat_of(db, who, now)?
            && super::queue::current(db, &seat, now)?.is_some()
        {
            return Err(Error::conflict("call_in_progress", "window"));
        }
        db.execute(LEAVE, &[who.0.as_str().into()])?;
        let taken = db
            .execute_named(
                SIT,
                &[
                    ("location", location.into()),
                    ("number", number.into()),
                    ("staff", who.0.as_str().into()),
                    (
                        "services",
                        serde_json::to_string(&services).unwrap_or_default().into(),
                    ),
                    ("day", office_date(now).to_string().into()),
                    ("now", db_time(now).into()),
                ],
            )?
            .rows
            .is_empty();
        if taken {
            return Err(Error::conflict("window_taken", "window"));
        }
        let entry = Entry::new("floor_sit", format!("window:{location}:{number}"))
            .detail(services.join(","));
        audit(db, who, &entry, now)?;
        Ok(Seat {
            location: location.to_owned(),
            number,
            staff: who.0.clone(),
            services: services.clone(),
            paused: false,
        })
    })
}

const PAUSE: &str =
    "UPDATE counter_windows SET paused = ?2 WHERE staff = ?1 AND day = ?3 RETURNING number";

/// Pauses or resumes `who`'s window: a paused window calls nobody and is not counted open.
pub fn pause(
    db: &dyn Database,
    who: &Staff,
    paused: bool,
    now: DateTime<Utc>,
) -> Result<Seat, Error> {
    in_transaction(db, || {
        let seat = seat_of(db, who, now)?.ok_or_else(|| Error::conflict("no_window", "window"))?;
        if paused && super::queue::current(db, &seat, now)?.is_some() {
            return Err(Error::conflict("call_in_progress", "window"));
        }
        db.execute(
            PAUSE,
            &[
                who.0.as_str().into(),
                i64::from(paused).into(),
                office_date(now).to_string().into(),
            ],
        )?;
        let action = if paused {
            "floor_pause"
        } else {
            "floor_resume"
        };
        let subject = format!("window:{}:{}", seat.location, seat.number);
        audit(db, who, &Entry::new(action, subject), now)?;
        Ok(Seat { paused, ..seat })
    })
}

/// Leaves the window, once its last call is finished.
pub fn leave(db: &dyn Database, who: &Staff, now: DateTime<Utc>) -> Result<(), Error> {
    in_transaction(db, || {
        let Some(seat) = seat_of(db, who, now)? else {
            return Ok(());
        };
        if super::queue::current(db, &seat, now)?.is_some() {
            return Err(Error::conflict("call_in_progress", "window"));
        }
        db.execute(LEAVE, &[who.0.as_str().into()])?;
        let subject = format!("window:{}:{}", seat.location, seat.number);
        audit(db, who, &Entry::new("floor_leave", subject), now)
    })
}
