//! Office time: every time the office shows or reasons about is a Bucharest time
//! (C06); the database keeps UTC.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Bucharest;
use chrono_tz::Tz;

/// All office times are Bucharest times (C06).
pub const OFFICE_TZ: Tz = Bucharest;

/// When an office day starts, in UTC (Bucharest changes clocks at 03:00/04:00,
/// so midnight always exists).
pub fn start_of_day(date: NaiveDate) -> DateTime<Utc> {
    to_utc(date.and_time(NaiveTime::MIN)).expect("midnight exists in Bucharest")
}

/// The office day a moment falls on.
pub fn office_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&OFFICE_TZ).date_naive()
}

/// A moment as staff read it: `2026-11-25 09:10`, office time.
pub fn local_minute(t: DateTime<Utc>) -> String {
    t.with_timezone(&OFFICE_TZ)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A local office time as UTC; None when it doesn't exist (DST gap).
pub fn to_utc(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match OFFICE_TZ.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}
