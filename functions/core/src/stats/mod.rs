//! The office's numbers (issue 23): figures over a period of office days, computed
//! from what the office keeps after retention erased the people (services, times,
//! states, fees), so no figure and no export names anyone. Each figure is a `Table`:
//! the back office draws it as a chart beside the table itself and exports it as CSV.
//! Every query is bounded by the period and reads through an index on its time column.

pub mod bookings;
pub mod complaints;
pub mod csv;
pub mod messages;
pub mod orders;
pub mod period;
pub mod table;
pub mod transparency;

pub use period::Period;
pub use table::{Cell, Column, Kind, Table, column};

use crate::kernel::error::Error;
use crate::office::{Office, Setup};
use crate::storage::Database;
use chrono::{DateTime, Utc};

/// What builds one figure; `now` is when the page is viewed (what is overdue now).
type Figure = fn(&dyn Database, &Office, &Setup, &Period, DateTime<Utc>) -> Result<Table, Error>;

/// Every figure, in the order the dashboard shows them.
const FIGURES: &[(&str, Figure)] = &[
    (bookings::PER_DAY, bookings::per_day),
    (bookings::OUTCOMES, bookings::outcomes),
    (bookings::FILL_SPEED, bookings::fill_speed),
    (complaints::DEADLINES, complaints::deadlines),
    (complaints::TICKETS, complaints::tickets),
    (orders::ORDERS, orders::by_document),
    (messages::MESSAGES, messages::by_channel),
];

/// Every figure over the period.
pub fn all(
    db: &dyn Database,
    office: &Office,
    setup: &Setup,
    period: &Period,
    now: DateTime<Utc>,
) -> Result<Vec<Table>, Error> {
    FIGURES
        .iter()
        .map(|(_, f)| f(db, office, setup, period, now))
        .collect()
}

/// One figure by its id; None for an id no figure has.
pub fn by_id(
    db: &dyn Database,
    office: &Office,
    setup: &Setup,
    period: &Period,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Option<Table>, Error> {
    FIGURES
        .iter()
        .find(|(figure, _)| *figure == id)
        .map(|(_, f)| f(db, office, setup, period, now))
        .transpose()
}

#[cfg(test)]
mod tests;
