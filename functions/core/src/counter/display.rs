//! What the floor shows the public (issue 22): the waiting-room display's calls (a
//! code and a window, never a name) and a citizen's live ticket (their place and the
//! estimated wait). Reads only.

use super::estimate::Estimate;
use super::{measures, queue};
use crate::kernel::error::Error;
use crate::kernel::time::{OFFICE_TZ, office_date, start_of_day};
use crate::kernel::token::LinkToken;
use crate::office::{FloorSettings, Setup};
use crate::storage::{Database, db_time};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One call or recall on the display.
#[derive(Debug, Clone, Serialize)]
pub struct Call {
    /// Increases with every call: the display chimes for ids it has not seen.
    pub id: i64,
    pub code: String,
    pub window: i64,
    pub recall: bool,
    /// Office time, `HH:MM:SS`.
    pub time: String,
}

/// How many of today's latest calls the display shows.
pub const SHOWN: i64 = 8;

const CALLS: &str = "SELECT id, code, at_window, recall, called_at FROM floor_calls
    WHERE location = ?1 AND called_at >= ?2 ORDER BY id DESC LIMIT ?3";

/// Today's latest calls at `location`, newest first.
pub fn calls(db: &dyn Database, location: &str, now: DateTime<Utc>) -> Result<Vec<Call>, Error> {
    let since = db_time(start_of_day(office_date(now)));
    let rows = db.execute(CALLS, &[location.into(), since.into(), SHOWN.into()])?;
    Ok(rows.read(|r| {
        Ok(Call {
            id: r.int("id")?,
            code: r.text("code")?,
            window: r.int("at_window")?,
            recall: r.flag("recall")?,
            time: r
                .time("called_at")?
                .with_timezone(&OFFICE_TZ)
                .format("%H:%M:%S")
                .to_string(),
        })
    })?)
}

/// A citizen's place on the floor, as their live ticket shows it.
#[derive(Debug, Serialize)]
pub struct LiveTicket {
    pub code: String,
    pub location: String,
    pub service: String,
    /// `waiting`, `called`, `served` or `absent`; yesterday's tickets read `over`.
    pub state: String,
    /// The window they are called to.
    pub window: Option<i64>,
    /// How many are before them.
    pub ahead: u32,
    pub estimate: Option<Estimate>,
    /// Their slot, office time `HH:MM`.
    pub slot: String,
}

/// The live ticket its link names; None for a link that names none.
pub fn live(
    db: &dyn Database,
    floor: &FloorSettings,
    setup: &Setup,
    link: &LinkToken,
    now: DateTime<Utc>,
) -> Result<Option<LiveTicket>, Error> {
    let Some(entry) = queue::by_link(db, link)? else {
        return Ok(None);
    };
    let today = entry.day == office_date(now).to_string();
    let ahead = if today {
        queue::ahead_of(db, &entry)?
    } else {
        0
    };
    let estimate = if today {
        measures::estimate(db, floor, setup, &entry, ahead, now)?
    } else {
        None
    };
    Ok(Some(LiveTicket {
        state: if today || !matches!(entry.state.as_str(), "waiting" | "called") {
            entry.state.clone()
        } else {
            "over".to_owned()
        },
        window: entry.window.filter(|_| entry.state == "called"),
        ahead,
        estimate,
        slot: entry
            .due_at
            .with_timezone(&OFFICE_TZ)
            .format("%H:%M")
            .to_string(),
        code: entry.code,
        location: entry.location,
        service: entry.service,
    }))
}
