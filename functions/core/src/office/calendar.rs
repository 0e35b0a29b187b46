//! The office calendar (C06): Romanian public holidays for any year, computed,
//! including the Orthodox Easter-based ones, and the business days the complaint
//! deadlines count. Booking availability and the SLAs use this one calendar.

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

/// Business days (C06): Monday to Friday, not a public holiday, not an office closure.
#[derive(Debug, Clone, Default)]
pub struct BusinessDays {
    closures: Vec<NaiveDate>,
}

impl BusinessDays {
    pub fn new(closures: impl IntoIterator<Item = NaiveDate>) -> Self {
        BusinessDays {
            closures: closures.into_iter().collect(),
        }
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !is_weekend(date) && public_holiday(date).is_none() && !self.closures.contains(&date)
    }

    /// The `n`-th business day after `date` (`date` itself never counts, so a
    /// complaint received on a Saturday starts counting on Monday).
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut day = date;
        let mut counted = 0;
        while counted < n {
            day = day + Days::new(1);
            if self.is_business_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// How many business days lie after `from` up to and including `to` (negative
    /// when `to` is earlier): `add_business_days(d, n)` is n business days after d.
    pub fn business_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let count = a
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= b)
            .filter(|d| self.is_business_day(*d))
            .count();
        sign * i64::try_from(count).unwrap_or(i64::MAX)
    }
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

    fn holidays_of(year: i32) -> Vec<NaiveDate> {
        d(year, 1, 1)
            .iter_days()
            .take_while(|x| x.year() == year)
            .filter(|x| public_holiday(*x).is_some())
            .collect()
    }

    fn dates(year: i32, list: &[(u32, u32)]) -> Vec<NaiveDate> {
        list.iter().map(|(m, day)| d(year, *m, *day)).collect()
    }

    /// The fixed days every year has (Codul muncii, art. 139) besides the Easter ones.
    const FIXED_START: [(u32, u32); 5] = [(1, 1), (1, 2), (1, 6), (1, 7), (1, 24)];

    #[test]
    fn c06_official_2025_2027_2028_holiday_lists() {
        let with = |year: i32, easter_ones: &[(u32, u32)]| {
            let mut all: Vec<(u32, u32)> = FIXED_START.to_vec();
            all.extend_from_slice(easter_ones);
            all.extend_from_slice(&[(8, 15), (11, 30), (12, 1), (12, 25), (12, 26)]);
            all.sort();
            all.dedup();
            dates(year, &all)
        };
        // 2025: Easter 20 April, Pentecost 8 June.
        assert_eq!(
            holidays_of(2025),
            with(
                2025,
                &[(4, 18), (4, 20), (4, 21), (5, 1), (6, 1), (6, 8), (6, 9)]
            )
        );
        // 2027: Easter 2 May (Labour Day on Holy Saturday), Pentecost 20 June.
        assert_eq!(
            holidays_of(2027),
            with(
                2027,
                &[(4, 30), (5, 1), (5, 2), (5, 3), (6, 1), (6, 20), (6, 21)]
            )
        );
        // 2028: Easter 16 April, Pentecost 4 June.
        assert_eq!(
            holidays_of(2028),
            with(
                2028,
                &[(4, 14), (4, 16), (4, 17), (5, 1), (6, 1), (6, 4), (6, 5)]
            )
        );
    }

    #[test]
    fn c06_business_days_skip_weekends_holidays_and_closures() {
        let cal = BusinessDays::default();
        // Thursday 9 April 2026: Good Friday and Easter Monday don't count.
        assert_eq!(cal.add_business_days(d(2026, 4, 9), 7), d(2026, 4, 22));
        // Wednesday 28 April 2027: Good Friday 30 April, Easter Monday 3 May.
        assert_eq!(cal.add_business_days(d(2027, 4, 28), 3), d(2027, 5, 5));
        // Tuesday 22 December 2026, over Christmas and New Year (1–2 January 2027),
        // then over 6–7 January (Epiphany, St John).
        assert_eq!(cal.add_business_days(d(2026, 12, 22), 7), d(2027, 1, 4));
        assert_eq!(cal.add_business_days(d(2026, 12, 22), 8), d(2027, 1, 5));
        assert_eq!(cal.add_business_days(d(2026, 12, 22), 9), d(2027, 1, 8));
        // Received on a Saturday: Monday is the first business day.
        assert_eq!(cal.add_business_days(d(2026, 11, 28), 1), d(2026, 12, 2));
        assert_eq!(cal.add_business_days(d(2026, 11, 23), 0), d(2026, 11, 23));
        let closed = BusinessDays::new([d(2026, 11, 24)]);
        assert_eq!(
            closed.add_business_days(d(2026, 11, 23), 1),
            d(2026, 11, 25)
        );
        assert_eq!(cal.business_days_between(d(2026, 12, 22), d(2027, 1, 8)), 9);
        assert_eq!(
            cal.business_days_between(d(2027, 1, 8), d(2026, 12, 22)),
            -9
        );
        assert_eq!(cal.business_days_between(d(2026, 4, 9), d(2026, 4, 9)), 0);
        for n in [1, 7, 14, 30] {
            let from = d(2026, 4, 9);
            assert_eq!(
                cal.business_days_between(from, cal.add_business_days(from, n)),
                i64::from(n)
            );
        }
    }

    #[test]
    fn c06_epiphany_holidays_only_from_2024() {
        assert_eq!(public_holiday(d(2023, 1, 6)), None);
        assert_eq!(public_holiday(d(2025, 1, 6)), Some("Boboteaza"));
    }
}
