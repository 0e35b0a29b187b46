//! Who sits at which window today (issue 22), as the queue's steps and the pages
//! read it. Open (not paused) windows are what the wait estimate divides by.

use crate::kernel::error::Error;
use crate::kernel::time::office_date;
use crate::staff::Staff;
use crate::storage::{Database, Row, StorageError};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A clerk at a window.
#[derive(Debug, Clone, Serialize)]
pub struct Seat {
    pub location: String,
    pub number: i64,
    pub staff: String,
    /// The services whose queues this window calls from.
    pub services: Vec<String>,
    pub paused: bool,
}

const COLUMNS: &str = "location, number, staff, services, paused";

impl Seat {
    fn from_row(r: Row) -> Result<Self, StorageError> {
        let services = r.text("services")?;
        Ok(Seat {
            location: r.text("location")?,
            number: r.int("number")?,
            staff: r.text("staff")?,
            services: serde_json::from_str(&services)
                .map_err(|e| StorageError::Other(format!("a window's services: {e}")))?,
            paused: r.flag("paused")?,
        })
    }
}

/// Where `who` sits today, if anywhere.
pub fn seat_of(db: &dyn Database, who: &Staff, now: DateTime<Utc>) -> Result<Option<Seat>, Error> {
    let sql = format!("SELECT {COLUMNS} FROM counter_windows WHERE staff = ?1 AND day = ?2");
    Ok(db
        .execute(
            &sql,
            &[who.0.as_str().into(), office_date(now).to_string().into()],
        )?
        .read_first(Seat::from_row)?)
}

/// Today's windows at a location, by number.
pub fn seats_at(db: &dyn Database, location: &str, now: DateTime<Utc>) -> Result<Vec<Seat>, Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM counter_windows WHERE location = ?1 AND day = ?2 ORDER BY number"
    );
    Ok(db
        .execute(
            &sql,
            &[location.into(), office_date(now).to_string().into()],
        )?
        .read(Seat::from_row)?)
}
