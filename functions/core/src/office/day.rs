//! What a day of a desk is made of: its slots, or why it has none, and the office's
//! closures (days every location is closed).

use crate::kernel::time::OFFICE_TZ;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Closure {
    pub date: NaiveDate,
    pub reason: String,
}

/// Why a day has no slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Closed {
    Weekend,
    Holiday { name: String },
    Closure { name: String },
    NoHours,
}

/// One appointment time of one service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Slot {
    pub fn local_start(&self) -> DateTime<Tz> {
        self.start.with_timezone(&OFFICE_TZ)
    }

    /// R18: whether the slot runs into the window `[from, to)`.
    pub fn overlaps(&self, (from, to): (DateTime<Utc>, DateTime<Utc>)) -> bool {
        from < self.end && to > self.start
    }
}
