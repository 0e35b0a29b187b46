//! How an office is set up (issue 24): its locations, the services it offers, and
//! each location's counters, timetables and special days. Supervisors edit it in the
//! back office; the database keeps every version (`setup/store.rs`), the newest is
//! the truth. A location and a service meet at a desk: the counters that location
//! gives the service, the seats R01 splits, and the slots its timetable makes.

pub mod store;

use super::calendar;
use super::day::{Closed, Closure, Slot};
use crate::kernel::error::{Error, FieldError};
use crate::kernel::text::Lang;
use crate::kernel::time::{OFFICE_TZ, to_utc};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which extra proof of identity a service asks for (R05–R07); `none` for services
/// such as a certificate pick-up, where the number and the phone are enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Proof {
    Holder,
    Vin,
    None,
}

impl Proof {
    pub const ALL: [Proof; 3] = [Proof::Holder, Proof::Vin, Proof::None];

    /// As the setup's JSON and forms write it.
    pub fn code(self) -> &'static str {
        match self {
            Proof::Holder => "holder",
            Proof::Vin => "vin",
            Proof::None => "none",
        }
    }

    pub fn parse(code: &str) -> Option<Proof> {
        Proof::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A text the office writes in Romanian and, where it has them, English and
/// Hungarian; a missing translation reads in Romanian.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub ro: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hu: String,
}

impl Words {
    pub fn new(ro: &str, en: &str, hu: &str) -> Self {
        Words {
            ro: ro.to_owned(),
            en: en.to_owned(),
            hu: hu.to_owned(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        let text = lang.pick(&self.ro, &self.en, &self.hu);
        if text.trim().is_empty() {
            &self.ro
        } else {
            text
        }
    }
}

/// R01's default: half the counters online.
const HALF: u32 = 50;

fn half() -> u32 {
    HALF
}

fn is_false(b: &bool) -> bool {
    !b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Stable: bookings keep it after a rename.
    pub code: String,
    pub name: Words,
    pub proof: Proof,
    pub slot_minutes: u32,
    /// R01: the share of a slot's counters booked online, in percent, rounded down
    /// (an odd seat goes to walk-in).
    #[serde(default = "half")]
    pub online_percent: u32,
    /// What to bring, shown on the confirmation, the reminder and the `.ics`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bring: Vec<Words>,
    /// A retired service takes no new booking; its bookings stay as they are.
    #[serde(default, skip_serializing_if = "is_false")]
    pub retired: bool,
}

impl Service {
    /// A service taking bookings, with R01's online half and nothing to bring listed.
    pub fn new(code: &str, name: Words, proof: Proof, slot_minutes: u32) -> Self {
        Service {
            code: code.to_owned(),
            name,
            proof,
            slot_minutes,
            online_percent: HALF,
            bring: vec![],
            retired: false,
        }
    }

    /// The service's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
}

/// An opening interval, `"08:30-16:30"` in office time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Interval {
    pub open: NaiveTime,
    pub close: NaiveTime,
}

impl TryFrom<String> for Interval {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("{s:?} is not an interval HH:MM-HH:MM");
        let (a, b) = s.split_once('-').ok_or_else(bad)?;
        let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| bad());
        let (open, close) = (time(a)?, time(b)?);
        if close <= open {
            return Err(format!("{s:?} closes before it opens"));
        }
        Ok(Interval { open, close })
    }
}

impl From<Interval> for String {
    fn from(i: Interval) -> String {
        format!("{}-{}", i.open.format("%H:%M"), i.close.format("%H:%M"))
    }
}

impl Interval {
    pub fn new(open: NaiveTime, close: NaiveTime) -> Self {
        Interval { open, close }
    }

    /// A day's hours as a person writes them: `08:30-12:00, 13:00-16:30` (blank: none).
    pub fn list(text: &str) -> Result<Vec<Interval>, String> {
        text.split([',', ';'])
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(|part| Interval::try_from(part.to_owned()))
            .collect()
    }

    /// The hours as `list` reads them.
    pub fn show(hours: &[Interval]) -> String {
        hours
            .iter()
            .map(|i| String::from(*i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Hours per weekday: `mon` … `sun`; a day left out is closed.
pub type Week = BTreeMap<String, Vec<Interval>>;

/// A location's weekly hours from a date on (until the next timetable's date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timetable {
    pub from: NaiveDate,
    pub week: Week,
    /// The services that keep other hours here, each with its own week.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub services: BTreeMap<String, Week>,
}

impl Timetable {
    /// A service's hours on `date`: its own week, else the location's.
    fn hours(&self, service: &str, date: NaiveDate) -> &[Interval] {
        let day = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
        let week = self.services.get(service).unwrap_or(&self.week);
        week.get(day).map_or(&[], Vec::as_slice)
    }
}

/// A day that keeps other hours: a Saturday opening, a shorter day, or (no hours) a
/// closure. It wins over the weekly hours and over a public holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialDay {
    pub date: NaiveDate,
    #[serde(default)]
    pub hours: Vec<Interval>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub code: String,
    pub name: Words,
    /// The street address, as the `.ics` and the messages print it.
    #[serde(default)]
    pub address: String,
    /// How to get there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directions: Option<Words>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The counters each service has here; a service left out is not offered here.
    pub counters: BTreeMap<String, u32>,
    /// Ordered by `from`; the first one's date is when the location opened.
    pub timetables: Vec<Timetable>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_days: Vec<SpecialDay>,
}

impl Location {
    /// A location opened on `from`, with no counters and closed every day until its
    /// hours are set.
    pub fn new(code: &str, name: Words, from: NaiveDate) -> Self {
        Location {
            code: code.to_owned(),
            name,
            address: String::new(),
            directions: None,
            phone: None,
            email: None,
            counters: BTreeMap::new(),
            timetables: vec![Timetable {
                from,
                week: Week::new(),
                services: BTreeMap::new(),
            }],
            special_days: vec![],
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }

    /// A service's hours on `date` here and, on a special day (the same for every
    /// service), the day.
    fn hours(&self, service: &str, date: NaiveDate) -> (Option<&SpecialDay>, &[Interval]) {
        if let Some(special) = self.special_days.iter().find(|s| s.date == date) {
            return (Some(special), &special.hours);
        }
        (None, self.week_on(date).map_or(&[], |t| t.hours(service, date)))
    }

    /// The weekly hours in force on `date`.
    pub fn week_on(&self, date: NaiveDate) -> Option<&Timetable> {
        self.timetables.iter().rev().find(|t| t.from <= date)
    }

    /// A new timetable from its `from` on: it replaces any starting that day or
    /// later, and the earlier ones keep their days.
    pub fn set_timetable(&mut self, timetable: Timetable) {
        self.timetables.retain(|t| t.from < timetable.from);
        self.timetables.push(timetable);
    }

    /// The name and the address on one line, for messages and calendars.
    pub fn where_(&self, lang: Lang) -> String {
        if self.address.trim().is_empty() {
            self.name(lang).to_owned()
        } else {
            format!("{}, {}", self.name(lang), self.address)
        }
    }
}

/// The whole setup: what the database keeps, one version at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
}

/// Where a service is given: a location's counters for it.
#[derive(Debug, Clone, Copy)]
pub struct Desk<'s> {
    pub location: &'s Location,
    pub service: &'s Service,
    pub counters: u32,
}

impl Desk<'_> {
    /// R01: the online share of a slot's counters, rounded down.
    pub fn online_seats(&self) -> u32 {
        self.counters * self.service.online_percent / 100
    }

    pub fn walk_in_seats(&self) -> u32 {
        self.counters - self.online_seats()
    }

    /// Why the location is closed on `date`, if it is: the office's `closures` (days
    /// every location is closed), then the location's special days, then public
    /// holidays, then its weekly hours.
    pub fn closed(&self, closures: &[Closure], date: NaiveDate) -> Option<Closed> {
        if let Some(c) = closures.iter().find(|c| c.date == date) {
            return Some(Closed::Closure {
                name: c.reason.clone(),
            });
        }
        let (special, hours) = self.location.hours(&self.service.code, date);
        match special {
            Some(s) if hours.is_empty() => {
                return Some(Closed::Closure {
                    name: s.reason.clone(),
                });
            }
            Some(_) => return None,
            None => {}
        }
        if let Some(name) = calendar::public_holiday(date) {
            return Some(Closed::Holiday {
                name: name.to_owned(),
            });
        }
        match (hours.is_empty(), calendar::is_weekend(date)) {
            (true, true) => Some(Closed::Weekend),
            (true, false) => Some(Closed::NoHours),
            (false, _) => None,
        }
    }

    /// Whether the desk is open all through `[start, end)` (office closures, special
    /// days and holidays counted): a booking made before a change stays where it is
    /// while this holds, on the slot grid or not (a new slot length shifts no one).
    pub fn open_during(
        &self,
        closures: &[Closure],
        start: chrono::DateTime<chrono::Utc>,
        end: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        let local = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&OFFICE_TZ).naive_local();
        let (from, to) = (local(start), local(end));
        let date = from.date();
        self.closed(closures, date).is_none()
            && self.location.hours(&self.service.code, date).1.iter().any(|i| {
                from >= NaiveDateTime::new(date, i.open) && to <= NaiveDateTime::new(date, i.close)
            })
    }

    /// The slots of one day, in time order. Local times that don't exist (the
    /// spring-forward hour) are skipped; a repeated hour in autumn is served once.
    pub fn slots(&self, closures: &[Closure], date: NaiveDate) -> Result<Vec<Slot>, Closed> {
        if let Some(closed) = self.closed(closures, date) {
            return Err(closed);
        }
        let step = Duration::minutes(i64::from(self.service.slot_minutes));
        let mut slots = Vec::new();
        for interval in self.location.hours(&self.service.code, date).1 {
            let mut local = NaiveDateTime::new(date, interval.open);
            let close = NaiveDateTime::new(date, interval.close);
            while local + step <= close {
                if let Some(start) = to_utc(local) {
                    slots.push(Slot {
                        start,
                        end: start + step,
                    });
                }
                local += step;
            }
        }
        Ok(slots)
    }
}

impl Setup {
    pub fn service(&self, code: &str) -> Result<&Service, FieldError> {
        self.services
            .iter()
            .find(|s| s.code == code)
            .ok_or_else(|| FieldError::new("unknown_service", "service"))
    }

    /// A booking's service by name (its code, should the setup no longer have it).
    pub fn service_name<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        self.service(code).map_or(code, |s| s.name(lang))
    }

    /// What a booking's service asks the citizen to bring, in `lang`.
    pub fn what_to_bring(&self, service: &str, lang: Lang) -> Vec<&str> {
        self.service(service)
            .map(|s| s.bring.iter().map(|b| b.get(lang)).collect())
            .unwrap_or_default()
    }

    /// Where a booking's location is: its name and address (its code, should the
    /// setup no longer have it).
    pub fn place(&self, location: &str, lang: Lang) -> String {
        self.location(location)
            .map_or_else(|_| location.to_owned(), |l| l.where_(lang))
    }

    pub fn location(&self, code: &str) -> Result<&Location, FieldError> {
        self.locations
            .iter()
            .find(|l| l.code == code)
            .ok_or_else(|| FieldError::new("unknown_location", "location"))
    }

    /// Every desk of a location, in the services' order.
    pub fn desks_at<'s>(&'s self, location: &'s Location) -> impl Iterator<Item = Desk<'s>> {
        self.services.iter().filter_map(move |service| {
            location.counters.get(&service.code).map(|&counters| Desk {
                location,
                service,
                counters,
            })
        })
    }

    /// The desks of a service, one per location that offers it.
    pub fn desks_of<'s>(&'s self, service: &'s Service) -> impl Iterator<Item = Desk<'s>> {
        self.locations.iter().filter_map(move |location| {
            location.counters.get(&service.code).map(|&counters| Desk {
                location,
                service,
                counters,
            })
        })
    }

    /// The desk of `service` at `location`, or, when the service is given at one
    /// location only, there.
    pub fn desk(&self, location: Option<&str>, service: &str) -> Result<Desk<'_>, Error> {
        let service = self.service(service)?;
        match location.map(str::trim).filter(|l| !l.is_empty()) {
            Some(code) => {
                let location = self.location(code)?;
                self.desks_at(location)
                    .find(|d| d.service.code == service.code)
                    .ok_or_else(|| Error::field("service_not_at_location", "location"))
            }
            None => {
                let mut desks = self.desks_of(service);
                match (desks.next(), desks.next()) {
                    (Some(only), None) => Ok(only),
                    (None, _) => Err(Error::field("service_not_at_location", "location")),
                    (Some(_), Some(_)) => Err(Error::field("location_required", "location")),
                }
            }
        }
    }

    /// The desk a citizen books at: as `desk`, but a retired service takes no new
    /// booking.
    pub fn bookable_desk(
        &self,
        location: Option<&str>,
        service: &str,
    ) -> Result<Desk<'_>, Error> {
        let desk = self.desk(location, service)?;
        if desk.service.retired {
            return Err(Error::field("service_retired", "service"));
        }
        Ok(desk)
    }

    /// Whether the setup holds together; Err names the part (`locations[1].counters.visa`)
    /// and the problem.
    pub fn check(&self) -> Result<(), (String, String)> {
        let fail = |path: String, problem: &str| Err((path, problem.to_owned()));
        if self.locations.is_empty() {
            return fail("locations".into(), "an office needs a location");
        }
        if self.services.is_empty() {
            return fail("services".into(), "an office needs a service");
        }
        for (i, s) in self.services.iter().enumerate() {
            let path = format!("services[{i}]");
            check_code(&format!("{path}.code"), &s.code)?;
            if self.services[..i].iter().any(|o| o.code == s.code) {
                return fail(format!("{path}.code"), "used twice");
            }
            check_words(&format!("{path}.name"), &s.name, 100)?;
            if !(5..=240).contains(&s.slot_minutes) {
                return fail(format!("{path}.slot_minutes"), "from 5 to 240 minutes");
            }
            if s.online_percent > 100 {
                return fail(format!("{path}.online_percent"), "at most 100");
            }
            if s.bring.len() > 10 {
                return fail(format!("{path}.bring"), "at most 10 items");
            }
            for (j, item) in s.bring.iter().enumerate() {
                check_words(&format!("{path}.bring[{j}]"), item, 200)?;
            }
        }
        for (i, l) in self.locations.iter().enumerate() {
            let path = format!("locations[{i}]");
            check_code(&format!("{path}.code"), &l.code)?;
            if self.locations[..i].iter().any(|o| o.code == l.code) {
                return fail(format!("{path}.code"), "used twice");
            }
            check_words(&format!("{path}.name"), &l.name, 100)?;
            if let Some(d) = &l.directions {
                check_words(&format!("{path}.directions"), d, 1000)?;
            }
            for (field, value, max) in [
                ("address", Some(&l.address), 300),
                ("phone", l.phone.as_ref(), 40),
                ("email", l.email.as_ref(), 200),
            ] {
                if value.is_some_and(|v| v.chars().count() > max) {
                    return fail(format!("{path}.{field}"), "too long");
                }
            }
            for (code, counters) in &l.counters {
                if self.service(code).is_err() {
                    return fail(format!("{path}.counters.{code}"), "not a service");
                }
                if !(1..=100).contains(counters) {
                    return fail(format!("{path}.counters.{code}"), "from 1 to 100");
                }
            }
            if l.timetables.is_empty() {
                return fail(format!("{path}.timetables"), "a location needs hours");
            }
            for (j, t) in l.timetables.iter().enumerate() {
                let path = format!("{path}.timetables[{j}]");
                if j > 0 && l.timetables[j - 1].from >= t.from {
                    return fail(format!("{path}.from"), "after the timetable before it");
                }
                check_week(&format!("{path}.week"), &t.week)?;
                for (code, week) in &t.services {
                    if self.service(code).is_err() {
                        return fail(format!("{path}.services.{code}"), "not a service");
                    }
                    check_week(&format!("{path}.services.{code}"), week)?;
                }
            }
            for (j, s) in l.special_days.iter().enumerate() {
                let path = format!("{path}.special_days[{j}]");
                if l.special_days[..j].iter().any(|o| o.date == s.date) {
                    return fail(format!("{path}.date"), "used twice");
                }
                if s.reason.trim().is_empty() || s.reason.chars().count() > 200 {
                    return fail(format!("{path}.reason"), "from 1 to 200 characters");
                }
                check_hours(&format!("{path}.hours"), &s.hours)?;
            }
        }
        Ok(())
    }
}

fn check_code(path: &str, code: &str) -> Result<(), (String, String)> {
    let fine = (1..=32).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if fine {
        Ok(())
    } else {
        Err((
            path.to_owned(),
            "1 to 32 of a-z, 0-9 and '-'".to_owned(),
        ))
    }
}

fn check_words(path: &str, words: &Words, max: usize) -> Result<(), (String, String)> {
    if words.ro.trim().is_empty() {
        return Err((format!("{path}.ro"), "the Romanian text is required".into()));
    }
    for (lang, text) in [("ro", &words.ro), ("en", &words.en), ("hu", &words.hu)] {
        if text.chars().count() > max {
            return Err((format!("{path}.{lang}"), format!("at most {max} characters")));
        }
    }
    Ok(())
}

fn check_week(path: &str, week: &Week) -> Result<(), (String, String)> {
    for (day, hours) in week {
        if !WEEKDAYS.contains(&day.as_str()) {
            return Err((format!("{path}.{day}"), "not a weekday (mon … sun)".into()));
        }
        check_hours(&format!("{path}.{day}"), hours)?;
    }
    Ok(())
}

/// Intervals in time order, none overlapping the one before.
fn check_hours(path: &str, hours: &[Interval]) -> Result<(), (String, String)> {
    if hours.windows(2).any(|w| w[1].open < w[0].close) {
        return Err((path.to_owned(), "intervals overlap or are out of order".into()));
    }
    Ok(())
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

impl Default for Setup {
    /// The seed documents' office: one location, four services.
    fn default() -> Self {
        let service = |code, [ro, en, hu]: [&str; 3], proof, slot_minutes| {
            Service::new(code, Words::new(ro, en, hu), proof, slot_minutes)
        };
        let workday = vec![Interval::new(t(8, 30), t(16, 30))];
        let week = WEEKDAYS[..5]
            .iter()
            .map(|day| {
                let hours = if *day == "fri" {
                    vec![Interval::new(t(8, 30), t(14, 0))]
                } else {
                    workday.clone()
                };
                ((*day).to_owned(), hours)
            })
            .collect();
        let counters = [
            ("passport", 4),
            ("permit", 4),
            ("registration", 3),
            ("provisional", 2),
        ];
        let opened = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
        let mut main = Location::new(
            MAIN_LOCATION,
            Words::new("Sediul principal", "Main office", "Székhely"),
            opened,
        );
        main.counters = counters
            .iter()
            .map(|(code, n)| ((*code).to_owned(), *n))
            .collect();
        main.timetables[0].week = week;
        Setup {
            locations: vec![main],
            services: vec![
                service(
                    "passport",
                    ["Pașapoarte", "Passports", "Útlevelek"],
                    Proof::Holder,
                    15,
                ),
                service(
                    "permit",
                    [
                        "Permise de conducere",
                        "Driving licences",
                        "Vezetői engedélyek",
                    ],
                    Proof::Holder,
                    15,
                ),
                service(
                    "registration",
                    [
                        "Înmatriculări vehicule",
                        "Vehicle registrations",
                        "Járműnyilvántartásba vétel",
                    ],
                    Proof::Vin,
                    20,
                ),
                service(
                    "provisional",
                    [
                        "Autorizații provizorii",
                        "Provisional vehicle authorisations",
                        "Ideiglenes forgalmi engedélyek",
                    ],
                    Proof::Vin,
                    20,
                ),
            ],
        }
    }
}

/// The location every booking made before locations existed is at (migration v18).
pub const MAIN_LOCATION: &str = "main";

#[cfg(test)]
mod tests;
