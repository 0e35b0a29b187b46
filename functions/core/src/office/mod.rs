//! The office's settings: booking horizon, closures, abuse limits, deadlines,
//! retention. Defaults ship here; the `office` Spin variable may override any part
//! with JSON (see README, "Configuration"). Locations, services and timetables are
//! the office's setup (`setup.rs`), kept in the database.

pub mod calendar;
pub mod day;
pub mod relocation;
pub mod setup;

use crate::kernel::error::Error;
use crate::kernel::limits::Limit;
use crate::kernel::time::{OFFICE_TZ, to_utc};
use crate::messaging::limits::MessageLimits;
use crate::orders::catalog::{OrderSettings, OrdersOverride};
use crate::retention::RetentionSettings;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;

pub use day::{Closed, Closure, Slot};
pub use setup::{Desk, Interval, Location, Proof, Service, Setup};

#[derive(Debug, Clone)]
pub struct Office {
    /// The setup a fresh database starts from (the defaults, or the `office`
    /// variable's `setup`, `services` and `hours`); after that the database's is the truth.
    pub setup: Setup,
    /// Days every location is closed (they also stop the complaint deadlines, C06).
    pub closures: Vec<Closure>,
    /// How many days ahead online booking is open, today included.
    pub booking_horizon_days: u32,
    /// The office time the newest day opens for online booking: before it, the
    /// horizon ends a day earlier, so nobody takes a new day at midnight.
    pub booking_opens_at: NaiveTime,
    /// R12: whether the reminder cron marks yesterday's unattended bookings no-show.
    pub auto_no_show: bool,
    pub rate_limits: RateLimits,
    /// Bot defence on booking and complaint submission.
    pub proof_of_work: ProofOfWorkSettings,
    /// C02–C04, T02: how long before a deadline staff are warned it is due.
    pub sla_warning_hours: u32,
    /// D01–D04: the digital documents catalog and the order process's times.
    pub orders: OrderSettings,
    /// How long personal data is kept (GDPR).
    pub retention: RetentionSettings,
    /// What the delivery refuses to send: foreign SMS, more than a daily number.
    pub messages: MessageLimits,
    /// The counter floor's pace: how early someone is called, how often a call may
    /// be repeated, when the turn-near message goes out.
    pub floor: FloorSettings,
}

/// The counter floor (issue 22). Any part may be left out of the `office` override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FloorSettings {
    /// Someone with a slot may be called this many minutes before it starts.
    pub call_early_minutes: u32,
    /// A call may be repeated on the display no sooner than this after the last.
    pub recall_seconds: u32,
    /// The turn-near message goes out when this many people or fewer are ahead
    /// (0: never).
    pub turn_near_ahead: u32,
    /// How many of the service's latest service times the wait estimate reads.
    pub estimate_sample: u32,
}

impl Default for FloorSettings {
    fn default() -> Self {
        FloorSettings {
            call_early_minutes: 15,
            recall_seconds: 30,
            turn_near_ahead: 3,
            estimate_sample: 20,
        }
    }
}

/// How hard the proof-of-work challenge is: the solver tries on average about
/// half of `difficulty` hashes (0 turns the challenge off), and a
/// challenge must be used within `ttl_seconds` of being issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProofOfWorkSettings {
    pub difficulty: u32,
    pub ttl_seconds: u32,
}

impl Default for ProofOfWorkSettings {
    fn default() -> Self {
        ProofOfWorkSettings {
            difficulty: 50_000,
            ttl_seconds: 600,
        }
    }
}

/// How many bookings a phone number may make in a window, and (an optional layer,
/// off by default) how many booking and status requests one client address may make.
/// Any part may be left out of the `office` override: it keeps its default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimits {
    /// Booking and status requests per client address in `address_window_minutes`
    /// (0: off). Behind a proxy or a carrier's shared address one address is
    /// thousands of citizens, so this is for offices that know their clients' addresses.
    pub per_address: u32,
    pub address_window_minutes: u32,
    /// The header a trusted proxy puts the client's address in (its last entry is
    /// taken, e.g. `x-forwarded-for`); unset: the address Spin saw.
    pub client_address_header: Option<String>,
    /// Bookings per phone number in `phone_window_minutes`, counted from the bookings.
    pub per_phone: u32,
    pub phone_window_minutes: u32,
}

impl RateLimits {
    pub fn per_address(&self) -> Limit {
        Limit::new("address", self.per_address, self.address_window_minutes)
    }

    pub fn per_phone(&self) -> Limit {
        Limit::new("phone", self.per_phone, self.phone_window_minutes)
    }
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_address: 0,
            address_window_minutes: 10,
            client_address_header: None,
            per_phone: 10,
            phone_window_minutes: 24 * 60,
        }
    }
}

/// What the `office` variable may say; every part is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeOverride {
    setup: Option<Setup>,
    #[serde(default)]
    services: BTreeMap<String, ServiceOverride>,
    #[serde(default)]
    hours: BTreeMap<String, Vec<[String; 2]>>,
    #[serde(default)]
    closures: Vec<Closure>,
    booking_horizon_days: Option<u32>,
    booking_opens_at: Option<String>,
    auto_no_show: Option<bool>,
    rate_limits: Option<RateLimits>,
    proof_of_work: Option<ProofOfWorkSettings>,
    sla_warning_hours: Option<u32>,
    orders: Option<OrdersOverride>,
    retention: Option<RetentionSettings>,
    messages: Option<MessageLimits>,
    floor: Option<FloorSettings>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceOverride {
    counters: Option<u32>,
    slot_minutes: Option<u32>,
}

impl Default for Office {
    fn default() -> Self {
        Office {
            setup: Setup::default(),
            closures: vec![],
            booking_horizon_days: 30,
            booking_opens_at: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
            auto_no_show: false,
            rate_limits: RateLimits::default(),
            proof_of_work: ProofOfWorkSettings::default(),
            messages: MessageLimits::default(),
            sla_warning_hours: 48,
            orders: OrderSettings::default(),
            retention: RetentionSettings::default(),
            floor: FloorSettings::default(),
        }
    }
}

/// The longest booking horizon an office may set: a year ahead.
const MAX_HORIZON_DAYS: u32 = 366;

/// A refused `office` setting, named by its path (`office.rate_limits.per_phone`).
fn config_error(path: &str, what: impl std::fmt::Display) -> Error {
    Error::Config {
        setting: if path.is_empty() || path.starts_with('[') {
            format!("office{path}")
        } else {
            format!("office.{path}")
        },
        problem: what.to_string(),
    }
}

fn parse_time(path: &str, value: &str) -> Result<NaiveTime, Error> {
    NaiveTime::parse_from_str(value, "%H:%M")
        .map_err(|_| config_error(path, format!("{value:?} is not a time HH:MM")))
}

impl Office {
    /// The defaults with the `office` variable's JSON applied over them.
    pub fn from_override_json(json: Option<&str>) -> Result<Office, Error> {
        let mut office = Office::default();
        let Some(json) = json.filter(|j| !j.trim().is_empty()) else {
            return Ok(office);
        };
        let deserializer = &mut serde_json::Deserializer::from_str(json);
        let o: OfficeOverride = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let path = e.path().to_string();
            config_error(
                if matches!(path.as_str(), "." | "?") {
                    ""
                } else {
                    &path
                },
                e.inner(),
            )
        })?;
        office.setup = seed_setup(o.setup, &o.services, &o.hours)?;
        office.closures.extend(o.closures);
        if let Some(h) = o.booking_horizon_days {
            if h > MAX_HORIZON_DAYS {
                return Err(config_error(
                    "booking_horizon_days",
                    format!("at most {MAX_HORIZON_DAYS} days"),
                ));
            }
            office.booking_horizon_days = h;
        }
        if let Some(at) = o.booking_opens_at {
            office.booking_opens_at = parse_time("booking_opens_at", &at)?;
        }
        if let Some(auto) = o.auto_no_show {
            office.auto_no_show = auto;
        }
        if let Some(limits) = o.rate_limits {
            office.rate_limits = limits;
        }
        if let Some(messages) = o.messages {
            office.messages = messages;
        }
        if let Some(pow) = o.proof_of_work {
            office.proof_of_work = pow;
        }
        if let Some(floor) = o.floor {
            if !(1..=200).contains(&floor.estimate_sample) {
                return Err(config_error("floor.estimate_sample", "from 1 to 200"));
            }
            office.floor = floor;
        }
        if let Some(hours) = o.sla_warning_hours {
            office.sla_warning_hours = hours;
        }
        if let Some(orders) = o.orders {
            office.orders = office.orders.with(orders);
            office
                .orders
                .check()
                .map_err(|(path, problem)| config_error(&format!("orders.{path}"), problem))?;
        }
        if let Some(retention) = o.retention {
            retention
                .check()
                .map_err(|(path, problem)| config_error(&format!("retention.{path}"), problem))?;
            office.retention = retention;
        }
        Ok(office)
    }

    /// The business days complaint deadlines count (C06), with this office's closures.
    pub fn business_days(&self) -> calendar::BusinessDays {
        calendar::BusinessDays::new(self.closures.iter().map(|c| c.date))
    }

    /// When a day opens for online booking: `booking_opens_at`, as many days before
    /// it as the horizon reaches (the moment `booking_window` first includes it).
    pub fn opens_for_booking(&self, day: NaiveDate) -> Option<DateTime<Utc>> {
        let ahead = u64::from(self.booking_horizon_days.saturating_sub(1));
        to_utc(
            day.checked_sub_days(chrono::Days::new(ahead))?
                .and_time(self.booking_opens_at),
        )
    }

    /// The first and last day online booking is open on, as seen at `now`.
    pub fn booking_window(&self, now: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
        let local = now.with_timezone(&OFFICE_TZ);
        let today = local.date_naive();
        let opened = u32::from(local.time() >= self.booking_opens_at);
        let ahead = (self.booking_horizon_days + opened).saturating_sub(2);
        (today, today + chrono::Days::new(u64::from(ahead)))
    }
}

/// The first setup: the variable's `setup` as it is, or the defaults with its
/// `services` (counters, slot length) and `hours` (the weekly hours) applied to them.
fn seed_setup(
    setup: Option<Setup>,
    services: &BTreeMap<String, ServiceOverride>,
    hours: &BTreeMap<String, Vec<[String; 2]>>,
) -> Result<Setup, Error> {
    if let Some(setup) = setup {
        if !services.is_empty() || !hours.is_empty() {
            return Err(config_error(
                "setup",
                "give the services and hours inside it, not beside it",
            ));
        }
        setup
            .check()
            .map_err(|(path, problem)| config_error(&format!("setup.{path}"), problem))?;
        return Ok(setup);
    }
    let mut setup = Setup::default();
    let location = &mut setup.locations[0];
    for (code, s) in services {
        let path = format!("services.{code}");
        let service = setup
            .services
            .iter_mut()
            .find(|x| x.code == *code)
            .ok_or_else(|| config_error(&path, "not one of the office's services"))?;
        if let Some(c) = s.counters {
            location.counters.insert(code.clone(), c);
        }
        if let Some(m) = s.slot_minutes.filter(|m| (5..=240).contains(m)) {
            service.slot_minutes = m;
        }
    }
    location.counters.retain(|_, c| *c > 0);
    let week = &mut location.timetables[0].week;
    for (day, intervals) in hours {
        let path = format!("hours.{day}");
        if !setup::WEEKDAYS.contains(&day.as_str()) {
            return Err(config_error(&path, "not a weekday (mon … sun)"));
        }
        let parsed = intervals
            .iter()
            .enumerate()
            .map(|(i, [a, b])| {
                let path = format!("{path}[{i}]");
                Ok((parse_time(&path, a)?, parse_time(&path, b)?))
            })
            .collect::<Result<Vec<_>, Error>>()?
            .into_iter()
            // An interval closing before it opens never made a slot; it still makes none.
            .filter(|(open, close)| open < close)
            .map(|(open, close)| Interval::new(open, close))
            .collect();
        week.insert(day.clone(), parsed);
    }
    Ok(setup)
}

#[cfg(test)]
mod tests;
