//! The public transparency page (`/transparenta`): per service, what a citizen needs to
//! judge whether trying again tomorrow at opening time is worth it. Counts only, from
//! the same figures the supervisors see; nothing that could point at a person.

use super::bookings;
use super::period::Period;
use super::table::median;
use crate::booking::availability;
use crate::kernel::error::Error;
use crate::kernel::time::OFFICE_TZ;
use crate::office::{Office, Service, Setup};
use crate::storage::Database;
use chrono::{DateTime, Days, Utc};

/// How far back "recently" reaches: the days that opened in the last two weeks, and
/// the visits of the last 30 days.
const RECENT_OPENINGS: u64 = 14;
const RECENT_VISITS: u64 = 30;

pub struct Outlook<'o> {
    pub service: &'o Service,
    /// Days open for online booking now, and how many still have a free online seat.
    pub open_days: usize,
    pub days_with_seats: usize,
    pub free_seats: u32,
    /// Each open day with its free online seats, in order.
    pub days: Vec<(chrono::NaiveDate, u32)>,
    /// When the next day opens for online booking, office time.
    pub next_opening: DateTime<Utc>,
    pub next_day: chrono::NaiveDate,
    /// Of the days that opened in the last two weeks: how many filled, and the median
    /// minutes they took.
    pub recent_days: usize,
    pub recent_filled: usize,
    pub median_fill_minutes: Option<f64>,
    /// No-shows among the visits of the last 30 days, in percent.
    pub no_show_percent: Option<f64>,
}

pub fn outlook<'o>(
    db: &dyn Database,
    office: &Office,
    setup: &'o Setup,
    now: DateTime<Utc>,
) -> Result<Vec<Outlook<'o>>, Error> {
    let (first, last) = office.booking_window(now);
    let today = now.with_timezone(&OFFICE_TZ).date_naive();
    let next_day = last + Days::new(1);
    let next_opening = office.opens_for_booking(next_day).unwrap_or(now);
    // The days that opened in the last two weeks: their opening lies in that span.
    let opened = Period {
        from: last - Days::new(RECENT_OPENINGS - 1),
        to: last,
    };
    let visits = Period {
        from: today - Days::new(RECENT_VISITS),
        to: today - Days::new(1),
    };
    let fill = bookings::fill_speed(db, office, setup, &opened, now)?;
    let outcomes = bookings::outcomes(db, office, setup, &visits, now)?;
    setup
        .services
        .iter()
        .filter(|service| !service.retired)
        .map(|service| {
            let mut open_days = 0;
            let mut days_with_seats = 0;
            let mut free_seats = 0;
            let mut days = Vec::new();
            for date in first.iter_days().take_while(|d| *d <= last) {
                // A day is open when one location giving the service is.
                let mut open = false;
                let mut free: u32 = 0;
                for desk in setup.desks_of(service) {
                    let day = availability::day(db, office, &desk, date, now)?;
                    open |= day.open;
                    free += day
                        .slots
                        .iter()
                        .filter(|s| s.bookable)
                        .map(|s| s.online_left)
                        .sum::<u32>();
                }
                if !open {
                    continue;
                }
                open_days += 1;
                free_seats += free;
                days_with_seats += usize::from(free > 0);
                days.push((date, free));
            }
            let filled: Vec<Option<f64>> = fill
                .rows
                .iter()
                .filter(|row| row[bookings::SERVICE_COLUMN].text() == service.code)
                .map(|row| row[bookings::FILL_MINUTES_COLUMN].number())
                .collect();
            let mut minutes: Vec<f64> = filled.iter().flatten().copied().collect();
            let no_show_percent = outcomes
                .rows
                .iter()
                .find(|row| row[0].text() == service.code)
                .and_then(|row| row[bookings::NO_SHOW_SHARE_COLUMN].number());
            Ok(Outlook {
                service,
                open_days,
                days_with_seats,
                free_seats,
                days,
                next_opening,
                next_day,
                recent_days: filled.len(),
                recent_filled: minutes.len(),
                median_fill_minutes: median(&mut minutes),
                no_show_percent,
            })
        })
        .collect()
}
