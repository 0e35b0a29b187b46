//! The period the figures cover: whole office days, `from` to `to` included.

use crate::kernel::error::{Error, FieldError};
use crate::kernel::time::start_of_day;
use chrono::{DateTime, Days, NaiveDate, Utc};

/// The longest period one page or export covers: a year, so every query stays bounded.
pub const MAX_DAYS: u64 = 366;
/// Without a choice: the last 30 days, today included.
const DEFAULT_DAYS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// From the `from` and `to` fields (`YYYY-MM-DD`, either may be blank).
    pub fn parse(from: Option<&str>, to: Option<&str>, today: NaiveDate) -> Result<Period, Error> {
        let date = |value: Option<&str>, field: &str| {
            value
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| crate::kernel::fields::date(v, field))
                .transpose()
        };
        let to = date(to, "to")?.unwrap_or(today);
        let from = date(from, "from")?.unwrap_or(to - Days::new(DEFAULT_DAYS - 1));
        if from > to {
            return Err(FieldError::new("invalid_range", "from").into());
        }
        if (to - from).num_days() >= MAX_DAYS as i64 {
            return Err(FieldError::new("period_too_long", "from").into());
        }
        Ok(Period { from, to })
    }

    /// Every day of the period, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let to = self.to;
        self.from.iter_days().take_while(move |d| *d <= to)
    }

    /// The first instant of `from` and of the day after `to`, as stored times.
    pub fn instants(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            start_of_day(self.from),
            start_of_day(self.to + Days::new(1)),
        )
    }
}
