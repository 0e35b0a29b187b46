//! The complaint figures: how the office kept C02–C05's deadlines for the complaints and
//! proposals received in the period, and T02's for the technical tickets.
//!
//! Each complaint's deadlines come from `complaints::Progress`, the computation the SLA
//! check and the desk use, over its event log. A complaint is judged on its first answer
//! (its log up to its first escalation): an escalation restarts the deadlines, and the
//! answer the complainant first got is the one C02 and C04 are about. What stands now
//! (open, overdue) is read from the whole log.

use super::period::Period;
use super::table::{Cell, Kind, Table, column, median};
use crate::complaints::{Complaint, Event, Kind as ComplaintKind, Progress, Severity, Vocabulary};
use crate::kernel::error::Error;
use crate::office::{Office, Setup};
use crate::storage::{Database, db_time};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

pub const DEADLINES: &str = "complaints";
pub const TICKETS: &str = "technical_tickets";

/// The complaints received in the period (the index on `received_at`), technical
/// (?3 = 1) or not (?3 = 0), each with its log in order (the index on the complaint's
/// events). Only what the deadlines read: no text, no contact.
pub(super) const RECEIVED: &str = "SELECT c.id, c.kind, c.severity, c.received_at,
        e.id AS event_id, e.kind AS event, e.at, e.until
    FROM complaints c LEFT JOIN complaint_events e ON e.complaint_id = c.id
    WHERE c.received_at >= ?1 AND c.received_at < ?2 AND (c.kind = 'technical') = ?3
    ORDER BY c.id, e.id";

/// A complaint received in the period: where its first answer stood, and where it
/// stands now.
struct Judged {
    kind: String,
    severity: Option<String>,
    received_at: DateTime<Utc>,
    /// Its log up to its first escalation.
    first: Progress,
    /// Its whole log.
    now: Progress,
}

fn received(
    db: &dyn Database,
    office: &Office,
    period: &Period,
    technical: bool,
) -> Result<Vec<Judged>, Error> {
    let (from, to) = period.instants();
    let rows = db.execute(
        RECEIVED,
        &[
            db_time(from).into(),
            db_time(to).into(),
            i64::from(technical).into(),
        ],
    )?;
    // In order of complaint, then of event.
    let mut logs: Vec<(Complaint, Vec<Event>)> = Vec::new();
    for r in rows.iter() {
        let id = r.int("id")?;
        if logs.last().is_none_or(|(c, _)| c.id != id) {
            // The deadlines read the kind, severity and receipt; the rest is not read.
            let complaint = Complaint {
                id,
                kind: r.text("kind")?,
                booking_id: None,
                order_id: None,
                serial_number: None,
                description: String::new(),
                solution_idea: None,
                email: None,
                phone: None,
                severity: r.opt_text("severity")?,
                channel: None,
                received_at: r.time("received_at")?,
                lang: crate::kernel::text::Lang::Ro,
            };
            logs.push((complaint, Vec::new()));
        }
        let (_, log) = logs.last_mut().expect("just pushed");
        if let (Some(event_id), Some(kind), Some(at)) = (
            r.opt_int("event_id")?,
            r.opt_text("event")?,
            r.opt_time("at")?,
        ) {
            log.push(Event {
                id: event_id,
                kind,
                at,
                staff: None,
                text: None,
                until: r
                    .opt_text("until")?
                    .and_then(|u| NaiveDate::parse_from_str(&u, "%Y-%m-%d").ok()),
            });
        }
    }
    let days = office.business_days();
    Ok(logs
        .into_iter()
        .map(|(complaint, log)| {
            let escalated = log
                .iter()
                .position(|e| e.kind == "escalated")
                .unwrap_or(log.len());
            Judged {
                first: Progress::compute(&complaint, &log[..escalated], &days),
                now: Progress::compute(&complaint, &log, &days),
                kind: complaint.kind,
                severity: complaint.severity,
                received_at: complaint.received_at,
            }
        })
        .collect())
}

/// What one kind of complaint counts.
#[derive(Default)]
struct Deadlines {
    received: i64,
    acknowledged_in_time: i64,
    resolved_in_time: i64,
    resolved_late: i64,
    overdue_now: i64,
    escalated: i64,
    /// Unresolved past C04's deadline: with the resolved ones, those whose outcome
    /// against C04 is known.
    open_past_resolution: i64,
}

/// C02–C05 per kind of complaint (technical tickets have their own figure): those
/// received in the period, acknowledged by C02's deadline, resolved by C04's or after
/// it, open now with a deadline missed, escalated, and the share resolved in time.
pub fn deadlines(
    db: &dyn Database,
    office: &Office,
    _setup: &Setup,
    period: &Period,
    now: DateTime<Utc>,
) -> Result<Table, Error> {
    let mut per_kind: BTreeMap<String, Deadlines> = BTreeMap::new();
    for c in received(db, office, period, false)? {
        let f = per_kind.entry(c.kind).or_default();
        f.received += 1;
        let first = &c.first;
        if first
            .acknowledged
            .is_some_and(|at| at <= first.acknowledge_by)
        {
            f.acknowledged_in_time += 1;
        }
        // C04's own deadline: a new timeline staff record after missing it is the
        // remedy for a late answer, not a later deadline.
        match first.resolved {
            Some(at) if at <= first.resolve_by => f.resolved_in_time += 1,
            Some(_) => f.resolved_late += 1,
            None if now >= first.resolve_by => f.open_past_resolution += 1,
            None => {}
        }
        // As the desk's list flags it.
        if c.now.flags(Duration::zero(), now).contains(&"overdue") {
            f.overdue_now += 1;
        }
        if c.now.level > 1 {
            f.escalated += 1;
        }
    }
    let rows = ComplaintKind::ALL
        .iter()
        .filter(|k| **k != ComplaintKind::Technical)
        .map(|kind| {
            let f = per_kind.remove(kind.code()).unwrap_or_default();
            vec![
                Cell::Label(kind.code().to_owned()),
                Cell::count(f.received),
                Cell::count(f.acknowledged_in_time),
                Cell::count(f.resolved_in_time),
                Cell::count(f.resolved_late),
                Cell::count(f.overdue_now),
                Cell::count(f.escalated),
                Cell::percent(
                    f.resolved_in_time,
                    f.resolved_in_time + f.resolved_late + f.open_past_resolution,
                ),
            ]
        })
        .collect();
    Ok(Table {
        id: DEADLINES,
        title: "stats-complaints-title",
        about: "stats-complaints-about",
        columns: vec![
            column("stats-column-kind", Kind::Label),
            column("stats-column-received", Kind::Count),
            column("stats-column-acknowledged-in-time", Kind::Count),
            column("stats-column-resolved-in-time-c04", Kind::Count),
            column("stats-column-resolved-late", Kind::Count),
            column("stats-column-overdue-now", Kind::Count),
            column("stats-column-escalated", Kind::Count),
            column("stats-column-resolved-in-time-share", Kind::Percent),
        ],
        rows,
        charted: vec![3, 4],
    })
}

/// T02 per severity: technical tickets received in the period, resolved (their first
/// resolution), resolved within T02's hours, the median hours from receipt to that
/// resolution, and those open now.
pub fn tickets(
    db: &dyn Database,
    office: &Office,
    _setup: &Setup,
    period: &Period,
    _now: DateTime<Utc>,
) -> Result<Table, Error> {
    // Severity → (received, resolved within T02, hours to each resolution, open now).
    let mut per_severity: BTreeMap<String, (i64, i64, Vec<f64>, i64)> = BTreeMap::new();
    for c in received(db, office, period, true)? {
        let f = per_severity
            .entry(c.severity.unwrap_or_default())
            .or_default();
        f.0 += 1;
        if let Some(at) = c.first.resolved {
            if at <= c.first.resolve_by {
                f.1 += 1;
            }
            f.2.push((at - c.received_at).num_seconds() as f64 / 3600.0);
        }
        if c.now.resolved.is_none() {
            f.3 += 1;
        }
    }
    let rows = Severity::ALL
        .iter()
        .map(|severity| {
            let (received, in_time, mut hours, open) =
                per_severity.remove(severity.code()).unwrap_or_default();
            vec![
                Cell::Label(severity.code().to_owned()),
                Cell::count(received),
                Cell::count(hours.len() as i64),
                Cell::count(in_time),
                Cell::Number(median(&mut hours).map(|h| (h * 10.0).round() / 10.0)),
                Cell::count(open),
            ]
        })
        .collect();
    Ok(Table {
        id: TICKETS,
        title: "stats-tickets-title",
        about: "stats-tickets-about",
        columns: vec![
            column("stats-column-severity", Kind::Label),
            column("stats-column-received", Kind::Count),
            column("stats-column-resolved", Kind::Count),
            column("stats-column-resolved-in-time-t02", Kind::Count),
            column("stats-column-median-hours-to-resolve", Kind::Hours),
            column("stats-column-open-now", Kind::Count),
        ],
        rows,
        charted: vec![1, 3],
    })
}
