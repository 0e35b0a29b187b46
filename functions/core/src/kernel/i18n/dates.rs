//! Dates the language's way: "miercuri 25 noiembrie", "Wednesday 25 November",
//! "november 25., szerda" (Hungarian writes the year, then the month, then the day).
//! Word order lives in `date.ftl`; numeric forms are here, one pattern a language.

use super::Lang;
use chrono::{Datelike, NaiveDate, NaiveDateTime};

const MONTHS: [&str; 12] = [
    "date-month-january",
    "date-month-february",
    "date-month-march",
    "date-month-april",
    "date-month-may",
    "date-month-june",
    "date-month-july",
    "date-month-august",
    "date-month-september",
    "date-month-october",
    "date-month-november",
    "date-month-december",
];

const WEEKDAYS: [&str; 7] = [
    "date-weekday-monday",
    "date-weekday-tuesday",
    "date-weekday-wednesday",
    "date-weekday-thursday",
    "date-weekday-friday",
    "date-weekday-saturday",
    "date-weekday-sunday",
];

const WEEKDAYS_SHORT: [&str; 7] = [
    "date-weekday-short-monday",
    "date-weekday-short-tuesday",
    "date-weekday-short-wednesday",
    "date-weekday-short-thursday",
    "date-weekday-short-friday",
    "date-weekday-short-saturday",
    "date-weekday-short-sunday",
];

/// The month's name (1 = January).
pub fn month_name(month: u32, lang: Lang) -> String {
    lang.tr(MONTHS[(month as usize).clamp(1, 12) - 1])
}

/// The weekdays' short names, Monday first, for a calendar's column heads.
pub fn weekdays_short(lang: Lang) -> [String; 7] {
    WEEKDAYS_SHORT.map(|id| lang.tr(id))
}

/// A day within the coming weeks, without its year: "miercuri 25 noiembrie".
pub fn day_long(date: NaiveDate, lang: Lang) -> String {
    let weekday = lang.tr(WEEKDAYS[date.weekday().num_days_from_monday() as usize]);
    lang.tr_args("date-day-long", &args(date, lang, Some(weekday)))
}

/// A date with its year, in words: "25 noiembrie 2026".
pub fn date_long(date: NaiveDate, lang: Lang) -> String {
    lang.tr_args("date-long", &args(date, lang, None))
}

/// A month of a year: "noiembrie 2026".
pub fn month_year(year: i32, month: u32, lang: Lang) -> String {
    let mut a = super::Args::new();
    a.set("month", month_name(month, lang));
    a.set("year", year.to_string());
    lang.tr_args("date-month-year", &a)
}

fn args(date: NaiveDate, lang: Lang, weekday: Option<String>) -> super::Args<'static> {
    let mut a = super::Args::new();
    // Day and year as text: numbers would be grouped ("2.026").
    a.set("day", date.day().to_string());
    a.set("month", month_name(date.month(), lang));
    a.set("year", date.year().to_string());
    if let Some(w) = weekday {
        a.set("weekday", w);
    }
    a
}

/// A date in figures: 25.11.2026, 25/11/2026, 2026. 11. 25.
pub fn date_numeric(date: NaiveDate, lang: Lang) -> String {
    date.format(match lang {
        Lang::Ro => "%d.%m.%Y",
        Lang::En => "%d/%m/%Y",
        Lang::Hu => "%Y. %m. %d.",
    })
    .to_string()
}

/// An office-time moment in figures: 25.11.2026 08:30, 25/11/2026 08:30,
/// 2026. 11. 25. 08:30.
pub fn date_time_numeric(at: NaiveDateTime, lang: Lang) -> String {
    format!("{} {}", date_numeric(at.date(), lang), at.format("%H:%M"))
}
