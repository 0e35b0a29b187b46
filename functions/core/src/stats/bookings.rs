//! The booking figures: how full each day was against R01's capacity, what became
//! of the bookings, and how fast each newly opened day filled.
//!
//! A slot's office day is the date of its stored UTC start: the office's hours lie
//! between 03:00 and 24:00 Bucharest time, so the two dates agree.

use super::period::Period;
use super::table::{Cell, Kind, Table, column};
use crate::kernel::error::Error;
use crate::kernel::time::{OFFICE_TZ, start_of_day};
use crate::office::{Office, Service, Setup};
use crate::storage::{Database, Value, db_time};
use chrono::{DateTime, Days, NaiveDate, Utc};
use std::collections::BTreeMap;

pub const PER_DAY: &str = "bookings";
pub const OUTCOMES: &str = "outcomes";
pub const FILL_SPEED: &str = "fill_speed";

/// Where the transparency page reads its figures: the service of a fill-speed row,
/// its minutes, and an outcome row's no-show share.
pub const SERVICE_COLUMN: usize = 1;
pub const FILL_MINUTES_COLUMN: usize = 3;
pub const NO_SHOW_SHARE_COLUMN: usize = 8;

/// Bookings not cancelled, per service and day (the index on service and slot).
const BOOKED: &str = "SELECT service, substr(slot_start, 1, 10) AS day, COUNT(*) AS n
    FROM bookings
    WHERE service IN (SELECT value FROM json_each(?1)) AND slot_start >= ?2 AND slot_start < ?3
      AND state != 'cancelled'
    GROUP BY service, day";
const WALK_INS: &str = "SELECT service, substr(slot_start, 1, 10) AS day, COUNT(*) AS n
    FROM walk_in_tickets
    WHERE service IN (SELECT value FROM json_each(?1)) AND slot_start >= ?2 AND slot_start < ?3
    GROUP BY service, day";

/// (service, day) → a count.
type PerDay = BTreeMap<(String, String), i64>;

fn services_json(setup: &Setup) -> Value {
    let codes: Vec<&str> = setup.services.iter().map(|s| s.code.as_str()).collect();
    serde_json::to_string(&codes)
        .expect("codes serialise")
        .into()
}

fn per_service_and_day(
    db: &dyn Database,
    sql: &str,
    setup: &Setup,
    period: &Period,
) -> Result<PerDay, Error> {
    let (from, to) = period.instants();
    let rows = db.execute(
        sql,
        &[
            services_json(setup),
            db_time(from).into(),
            db_time(to).into(),
        ],
    )?;
    Ok(rows
        .read(|r| Ok(((r.text("service")?, r.text("day")?), r.int("n")?)))?
        .into_iter()
        .collect())
}

/// A service's seats on a day over every location that gives it, online and walk-in
/// (0 on a closed day).
fn seats(office: &Office, setup: &Setup, service: &Service, day: NaiveDate) -> (i64, i64) {
    setup.desks_of(service).fold((0, 0), |(online, walk_in), desk| {
        let slots = desk.slots(&office.closures, day).map_or(0, |s| s.len() as i64);
        (
            online + slots * i64::from(desk.online_seats()),
            walk_in + slots * i64::from(desk.walk_in_seats()),
        )
    })
}

/// R01 per day and service: online bookings against the online seats, walk-in
/// tickets against the walk-in seats. Days the office is closed and nobody booked
/// are left out.
pub fn per_day(
    db: &dyn Database,
    office: &Office,
    setup: &Setup,
    period: &Period,
    _now: DateTime<Utc>,
) -> Result<Table, Error> {
    let booked = per_service_and_day(db, BOOKED, setup, period)?;
    let walk_ins = per_service_and_day(db, WALK_INS, setup, period)?;
    let mut rows = Vec::new();
    for day in period.days() {
        for service in &setup.services {
            let key = (service.code.clone(), day.to_string());
            let (online_seats, walk_in_seats) = seats(office, setup, service, day);
            let (online, walk_in) = (
                booked.get(&key).copied().unwrap_or(0),
                walk_ins.get(&key).copied().unwrap_or(0),
            );
            if online_seats + walk_in_seats == 0 && online == 0 && walk_in == 0 {
                continue;
            }
            rows.push(vec![
                Cell::Day(day),
                Cell::Label(service.code.clone()),
                Cell::count(online),
                Cell::count(online_seats),
                Cell::percent(online, online_seats),
                Cell::count(walk_in),
                Cell::count(walk_in_seats),
                Cell::percent(walk_in, walk_in_seats),
            ]);
        }
    }
    Ok(Table {
        id: PER_DAY,
        title: "stats-bookings-title",
        about: "stats-bookings-about",
        columns: vec![
            column("stats-column-day", Kind::Label),
            column("stats-column-service", Kind::Label),
            column("stats-column-online-bookings", Kind::Count),
            column("stats-column-online-seats", Kind::Count),
            column("stats-column-online-utilisation", Kind::Percent),
            column("stats-column-walk-in-tickets", Kind::Count),
            column("stats-column-walk-in-seats", Kind::Count),
            column("stats-column-walk-in-utilisation", Kind::Percent),
        ],
        rows,
        charted: vec![4, 7],
    })
}

const BY_STATE: &str = "SELECT service, state, IFNULL(cancel_reason, '') AS reason, COUNT(*) AS n
    FROM bookings
    WHERE service IN (SELECT value FROM json_each(?1)) AND slot_start >= ?2 AND slot_start < ?3
    GROUP BY service, state, reason";
/// People banned in the period (a ban covers a phone and an email: one booking earned
/// it), by the service of that booking.
const BANS: &str = "SELECT b.service, COUNT(DISTINCT bans.booking_id) AS n FROM bans
    JOIN bookings b ON b.id = bans.booking_id
    WHERE bans.starts_at >= ?1 AND bans.starts_at < ?2
    GROUP BY b.service";

/// Where each cancellation reason is counted.
fn cancelled_column(reason: &str) -> usize {
    match reason {
        "cancelled_by_booker" => 4,
        "duplicate_vin" | "duplicate_holder" | "superseded" => 5,
        "office_closed" | "relocation_declined" => 6,
        _ => 7,
    }
}

/// What became of the bookings whose slot fell in the period, per service, and the
/// bans (R12, R13) issued in it.
pub fn outcomes(
    db: &dyn Database,
    _office: &Office,
    setup: &Setup,
    period: &Period,
    _now: DateTime<Utc>,
) -> Result<Table, Error> {
    let (from, to) = period.instants();
    let (from, to): (Value, Value) = (db_time(from).into(), db_time(to).into());
    let counts = db.execute(BY_STATE, &[services_json(setup), from.clone(), to.clone()])?;
    let bans: BTreeMap<String, i64> = db
        .execute(BANS, &[from, to])?
        .read(|r| Ok((r.text("service")?, r.int("n")?)))?
        .into_iter()
        .collect();
    let mut per_service: BTreeMap<String, [i64; 9]> = BTreeMap::new();
    for row in counts.iter() {
        let (service, state, reason, n) = (
            row.text("service")?,
            row.text("state")?,
            row.text("reason")?,
            row.int("n")?,
        );
        let figures = per_service.entry(service).or_default();
        figures[1] += n;
        match state.as_str() {
            "attended" => figures[2] += n,
            "no_show" => figures[3] += n,
            "cancelled" => figures[cancelled_column(&reason)] += n,
            _ => {}
        }
    }
    let rows = setup
        .services
        .iter()
        .map(|service| {
            let f = per_service.get(&service.code).copied().unwrap_or_default();
            let mut row = vec![Cell::Label(service.code.clone())];
            row.extend(f[1..8].iter().map(|n| Cell::count(*n)));
            // No-shows among the bookings whose visit was decided (came or not).
            row.push(Cell::percent(f[3], f[2] + f[3]));
            row.push(Cell::count(bans.get(&service.code).copied().unwrap_or(0)));
            row
        })
        .collect();
    Ok(Table {
        id: OUTCOMES,
        title: "stats-outcomes-title",
        about: "stats-outcomes-about",
        columns: vec![
            column("stats-column-service", Kind::Label),
            column("stats-column-bookings", Kind::Count),
            column("stats-column-attended", Kind::Count),
            column("stats-column-no-shows", Kind::Count),
            column("stats-column-cancelled-by-booker", Kind::Count),
            column("stats-column-cancelled-as-duplicates", Kind::Count),
            column("stats-column-cancelled-by-office", Kind::Count),
            column("stats-column-cancelled-fictitious", Kind::Count),
            column("stats-column-no-show-share", Kind::Percent),
            column("stats-column-people-banned", Kind::Count),
        ],
        rows,
        charted: vec![2, 3],
    })
}

/// When a day's k-th booking was made (k: its online seats): through the index on
/// service and slot, a day's few hundred rows sorted. One lookup per day and service
/// costs less than numbering a year's bookings in one statement (measured on a
/// year of 150,000: about a fifth of the time).
const KTH_BOOKING: &str = "SELECT created_at FROM bookings
    WHERE service = ?1 AND slot_start >= ?2 AND slot_start < ?3
    ORDER BY created_at, id LIMIT 1 OFFSET ?4";

/// How fast each day filled: minutes from the moment it opened for online booking to
/// the booking that took its last online seat (counting bookings cancelled later, so
/// it is when the day was first full). Empty for a day that never filled.
pub fn fill_speed(
    db: &dyn Database,
    office: &Office,
    setup: &Setup,
    period: &Period,
    _now: DateTime<Utc>,
) -> Result<Table, Error> {
    let mut rows = Vec::new();
    for day in period.days() {
        for service in &setup.services {
            let seats = seats(office, setup, service, day).0;
            let Some(opened) = office.opens_for_booking(day).filter(|_| seats > 0) else {
                continue;
            };
            let full = db
                .execute(
                    KTH_BOOKING,
                    &[
                        service.code.as_str().into(),
                        db_time(start_of_day(day)).into(),
                        db_time(start_of_day(day + Days::new(1))).into(),
                        (seats - 1).into(),
                    ],
                )?
                .read_first(|r| r.time("created_at"))?;
            let minutes = full.map(|at| (at - opened).num_minutes().max(0) as f64);
            rows.push(vec![
                Cell::Day(day),
                Cell::Label(service.code.clone()),
                Cell::Moment(opened.with_timezone(&OFFICE_TZ).naive_local()),
                Cell::Number(minutes),
            ]);
        }
    }
    Ok(Table {
        id: FILL_SPEED,
        title: "stats-fill-speed-title",
        about: "stats-fill-speed-about",
        columns: vec![
            column("stats-column-day", Kind::Label),
            column("stats-column-service", Kind::Label),
            column("stats-column-opened-at", Kind::Label),
            column("stats-column-minutes-to-full", Kind::Minutes),
        ],
        rows,
        charted: vec![3],
    })
}
