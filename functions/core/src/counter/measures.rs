//! What the floor measures (issue 22): each call's wait (arrival to call) and each
//! service's time (call to served), per service and window, kept on the queue's rows;
//! the wait estimate read from them, and today's figures for the supervisor.

use super::estimate::{self, Estimate, percentile};
use super::queue::Queued;
use crate::kernel::error::Error;
use crate::kernel::time::office_date;
use crate::office::{FloorSettings, Setup};
use crate::storage::Database;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

const SERVICE_TIMES: &str = "SELECT called_at, finished_at FROM queue_entries
    WHERE location = ?1 AND service = ?2 AND state = 'served'
    ORDER BY finished_at DESC LIMIT ?3";

/// The latest `sample` service times (seconds) of a service at a location.
pub fn service_seconds(
    db: &dyn Database,
    location: &str,
    service: &str,
    sample: u32,
) -> Result<Vec<i64>, Error> {
    let rows = db.execute(
        SERVICE_TIMES,
        &[location.into(), service.into(), i64::from(sample).into()],
    )?;
    Ok(rows.read(|r| Ok((r.time("finished_at")? - r.time("called_at")?).num_seconds()))?)
}

const OPEN_WINDOWS: &str = "SELECT COUNT(*) AS n FROM counter_windows
    WHERE location = ?1 AND day = ?2 AND paused = 0
      AND EXISTS (SELECT 1 FROM json_each(services) WHERE value = ?3)";

/// How many windows calling `service` at `location` are open today.
pub fn open_windows(
    db: &dyn Database,
    location: &str,
    service: &str,
    now: DateTime<Utc>,
) -> Result<u32, Error> {
    let n = db
        .execute(
            OPEN_WINDOWS,
            &[
                location.into(),
                office_date(now).to_string().into(),
                service.into(),
            ],
        )?
        .read_first(|r| r.int("n"))?
        .unwrap_or(0);
    Ok(u32::try_from(n).unwrap_or(0))
}

/// The estimated wait of `entry`, `ahead` people before it; None once it is no
/// longer waiting or while no window is open for its service.
pub fn estimate(
    db: &dyn Database,
    floor: &FloorSettings,
    setup: &Setup,
    entry: &Queued,
    ahead: u32,
    now: DateTime<Utc>,
) -> Result<Option<Estimate>, Error> {
    if entry.state != "waiting" {
        return Ok(None);
    }
    let open = open_windows(db, &entry.location, &entry.service, now)?;
    let measured = service_seconds(db, &entry.location, &entry.service, floor.estimate_sample)?;
    let slot_minutes = setup.service(&entry.service).map_or(15, |s| s.slot_minutes);
    let early = Duration::minutes(i64::from(floor.call_early_minutes));
    Ok(estimate::wait(
        ahead,
        open,
        &measured,
        slot_minutes,
        entry.callable_from(early) - now,
    ))
}

/// Today's figures of one service at a location.
#[derive(Debug, Default, Serialize)]
pub struct ServiceToday {
    pub service: String,
    pub waiting: u32,
    pub served: u32,
    pub absent: u32,
    /// From arrival to call, of everyone called today.
    pub median_wait_minutes: Option<i64>,
    pub longest_wait_minutes: Option<i64>,
    /// From call to served.
    pub median_service_minutes: Option<i64>,
    /// Served per window number.
    pub served_by_window: BTreeMap<i64, u32>,
}

const TODAY: &str = "SELECT service, state, arrived_at, called_at, finished_at, at_window
    FROM queue_entries WHERE location = ?1 AND day = ?2";

/// Today's waits and service times per service at `location`, in the setup's order.
pub fn today(
    db: &dyn Database,
    setup: &Setup,
    location: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ServiceToday>, Error> {
    let rows = db.execute(
        TODAY,
        &[location.into(), office_date(now).to_string().into()],
    )?;
    let mut by_service: BTreeMap<String, (ServiceToday, Vec<i64>, Vec<i64>)> = BTreeMap::new();
    for r in rows.iter() {
        let service = r.text("service")?;
        let (figures, waits, services) = by_service.entry(service.clone()).or_insert_with(|| {
            let figures = ServiceToday {
                service,
                ..ServiceToday::default()
            };
            (figures, Vec::new(), Vec::new())
        });
        let called = r.opt_time("called_at")?;
        if let Some(called) = called {
            waits.push((called - r.time("arrived_at")?).num_seconds());
        }
        match r.text("state")?.as_str() {
            "waiting" => figures.waiting += 1,
            "served" => {
                figures.served += 1;
                if let (Some(called), Some(done)) = (called, r.opt_time("finished_at")?) {
                    services.push((done - called).num_seconds());
                }
                if let Some(window) = r.opt_int("at_window")? {
                    *figures.served_by_window.entry(window).or_default() += 1;
                }
            }
            "absent" => figures.absent += 1,
            _ => {}
        }
    }
    let minutes = |s: Option<i64>| s.map(|s| (s + 30) / 60);
    let mut out: Vec<ServiceToday> = by_service
        .into_values()
        .map(|(mut figures, mut waits, mut services)| {
            waits.sort_unstable();
            services.sort_unstable();
            figures.median_wait_minutes = minutes(percentile(&waits, 50));
            figures.longest_wait_minutes = minutes(waits.last().copied());
            figures.median_service_minutes = minutes(percentile(&services, 50));
            figures
        })
        .collect();
    let order = |code: &str| setup.services.iter().position(|s| s.code == code);
    out.sort_by_key(|f| order(&f.service));
    Ok(out)
}
