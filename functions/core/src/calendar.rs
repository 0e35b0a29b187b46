//! The office calendar (C06): Romanian public holidays for any year, computed,
//! including the Orthodox Easter-based ones. Booking availability and (later) the
//! complaint SLAs use this one calendar.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Orthodox Easter Sunday (Gregorian date), by Meeus' Julian algorithm.
pub fn orthodox_easter(year: i32) -> NaiveDate {
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian =
        NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("valid Easter date");
    // The Julian calendar runs 13 days behind between 1900 and 2099.
    let drift = (year / 100 - year / 400 - 2) as u64;
    julian + Days::new(drift)
}

/// The Romanian legal holiday falling on `date`, if any (Codul muncii, art. 139).
pub fn public_holiday(date: NaiveDate) -> Option<&'static str> {
    let year = date.year();
    let fixed: &[(u32, u32, &str, i32)] = &[
        (1, 1, "Anul Nou", 0),
        (1, 2, "Anul Nou", 0),
        (1, 6, "Boboteaza", 2024),
        (1, 7, "Sfântul Ioan Botezătorul", 2024),
        (1, 24, "Ziua Unirii Principatelor Române", 0),
        (5, 1, "Ziua Muncii", 0),
        (6, 1, "Ziua Copilului", 2017),
        (8, 15, "Adormirea Maicii Domnului", 0),
        (11, 30, "Sfântul Andrei", 0),
        (12, 1, "Ziua Națională a României", 0),
        (12, 25, "Crăciunul", 0),
        (12, 26, "Crăciunul", 0),
    ];
    if let Some((_, _, name, _)) = fixed
        .iter()
        .find(|(m, d, _, since)| date.month() == *m && date.day() == *d && year >= *since)
    {
        return Some(name);
    }
    let easter = orthodox_easter(year);
    let offset = (date - easter).num_days();
    match offset {
        -2 if year >= 2018 => Some("Vinerea Mare"),
        0 => Some("Paștele"),
        1 => Some("A doua zi de Paște"),
        49 => Some("Rusaliile"),
        50 => Some("A doua zi de Rusalii"),
        _ => None,
    }
}

pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn c06_orthodox_easter_matches_the_church_calendar() {
        assert_eq!(orthodox_easter(2024), d(2024, 5, 5));
        assert_eq!(orthodox_easter(2025), d(2025, 4, 20));
        assert_eq!(orthodox_easter(2026), d(2026, 4, 12));
        assert_eq!(orthodox_easter(2027), d(2027, 5, 2));
        assert_eq!(orthodox_easter(2028), d(2028, 4, 16));
    }

    #[test]
    fn c06_easter_based_holidays_2027() {
        assert_eq!(public_holiday(d(2027, 4, 30)), Some("Vinerea Mare"));
        assert_eq!(public_holiday(d(2027, 5, 3)), Some("A doua zi de Paște"));
        assert_eq!(public_holiday(d(2027, 6, 21)), Some("A doua zi de Rusalii"));
        assert_eq!(public_holiday(d(2027, 5, 4)), None);
    }

    #[test]
    fn c06_official_2026_holiday_list() {
        // Romania's legal holidays of 2026 as published.
        let official = [
            d(2026, 1, 1),
            d(2026, 1, 2),
            d(2026, 1, 6),
            d(2026, 1, 7),
            d(2026, 1, 24),
            d(2026, 4, 10),
            d(2026, 4, 12),
            d(2026, 4, 13),
            d(2026, 5, 1),
            d(2026, 5, 31),
            d(2026, 6, 1),
            d(2026, 8, 15),
            d(2026, 11, 30),
            d(2026, 12, 1),
            d(2026, 12, 25),
            d(2026, 12, 26),
        ];
        let computed: Vec<NaiveDate> = d(2026, 1, 1)
            .iter_days()
            .take_while(|x| x.year() == 2026)
            .filter(|x| public_holiday(*x).is_some())
            .collect();
        assert_eq!(computed, official);
    }

    #[test]
    fn c06_epiphany_holidays_only_from_2024() {
        assert_eq!(public_holiday(d(2023, 1, 6)), None);
        assert_eq!(public_holiday(d(2025, 1, 6)), Some("Boboteaza"));
    }
}
