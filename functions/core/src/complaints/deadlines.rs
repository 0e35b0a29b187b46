//! C02–C05, T02: where a complaint stands and what is due, computed from its event log
//! on the office's business-day calendar.

use super::record::{Complaint, Event, events, local_date};
use super::vocabulary::{Severity, Vocabulary};
use crate::kernel::error::Error;
use crate::kernel::time::start_of_day;
use crate::office::Office;
use crate::office::calendar::BusinessDays;
use crate::storage::Database;
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

/// C02, C03, C04 in business days.
const ACKNOWLEDGE_DAYS: u32 = 7;
const PROGRESS_DAYS: u32 = 14;
const RESOLVE_DAYS: u32 = 30;

/// The end of an office day: a deadline "by day D" runs until D's midnight.
pub(super) fn end_of(date: NaiveDate) -> DateTime<Utc> {
    start_of_day(date + Days::new(1))
}

/// Where a complaint stands and what is due, computed from its log.
#[derive(Debug, Clone)]
pub struct Progress {
    /// 1, and one more for each escalation (C05).
    pub level: u32,
    /// Receipt, or the latest escalation: the current cycle's deadlines count from it.
    pub started: DateTime<Utc>,
    pub acknowledged: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    pub acknowledge_by: DateTime<Utc>,
    pub progress_by: Option<DateTime<Utc>>,
    /// C04 (30 business days) or T02 (24/48/72 hours by severity).
    pub resolve_by: DateTime<Utc>,
    /// The latest new timeline staff recorded in this cycle: its event and date.
    pub new_timeline: Option<(i64, NaiveDate)>,
}

impl Progress {
    pub fn compute(complaint: &Complaint, events: &[Event], days: &BusinessDays) -> Progress {
        let cycle_start = events
            .iter()
            .rposition(|e| e.kind == "received" || e.kind == "escalated")
            .unwrap_or(0);
        let level = 1 + events.iter().filter(|e| e.kind == "escalated").count() as u32;
        let cycle = &events[cycle_start..];
        let started = cycle.first().map_or(complaint.received_at, |e| e.at);
        let first = |kind: &str| cycle.iter().find(|e| e.kind == kind).map(|e| e.at);
        // C02: the automatic acknowledgement's event is written by the trigger
        // `outbox_complaint_acknowledged` (storage/migrations/v05_complaints.rs) once it is sent.
        let acknowledged = first("acknowledged");
        let updated = acknowledged.and(first("progress"));
        let resolved = first("resolved");
        let start_day = local_date(started);
        let technical_hours = complaint
            .severity
            .as_deref()
            .and_then(Severity::parse)
            .map(Severity::fix_hours);
        let (acknowledge_by, progress_by, resolve_by) = match technical_hours {
            // T02: assessed at once, fixed within hours; the acknowledgement is due
            // by then too, and there is no separate progress deadline.
            Some(hours) => {
                let fix_by = started + Duration::hours(hours);
                (fix_by, None, fix_by)
            }
            None => (
                end_of(days.add_business_days(start_day, ACKNOWLEDGE_DAYS)),
                acknowledged.map(|a| end_of(days.add_business_days(local_date(a), PROGRESS_DAYS))),
                end_of(days.add_business_days(start_day, RESOLVE_DAYS)),
            ),
        };
        let new_timeline = cycle
            .iter()
            .rev()
            .find(|e| e.kind == "new_timeline")
            .and_then(|e| e.until.map(|u| (e.id, u)));
        Progress {
            level,
            started,
            acknowledged,
            updated,
            resolved,
            acknowledge_by,
            progress_by,
            resolve_by,
            new_timeline,
        }
    }

    /// The progress of a stored complaint, from its log as it stands.
    pub fn load(
        db: &dyn Database,
        office: &Office,
        complaint: &Complaint,
    ) -> Result<Progress, Error> {
        let log = events(db, complaint.id)?;
        Ok(Progress::compute(complaint, &log, &office.business_days()))
    }

    pub fn state(&self) -> &'static str {
        match (self.resolved, self.updated, self.acknowledged) {
            (Some(_), _, _) => "resolved",
            (None, Some(_), _) => "in_progress",
            (None, None, Some(_)) => "acknowledged",
            (None, None, None) if self.level > 1 => "escalated",
            _ => "received",
        }
    }

    /// The resolution date that holds now: a recorded new timeline moves it (C04).
    pub fn effective_resolve_by(&self) -> DateTime<Utc> {
        self.new_timeline.map_or(self.resolve_by, |(_, until)| {
            end_of(until).max(self.resolve_by)
        })
    }

    /// The deadlines not met yet in this cycle.
    pub fn pending(&self) -> Vec<(&'static str, DateTime<Utc>)> {
        if self.resolved.is_some() {
            return vec![];
        }
        let mut due = Vec::new();
        if self.acknowledged.is_none() {
            due.push(("acknowledge", self.acknowledge_by));
        }
        if let (Some(by), None) = (self.progress_by, self.updated) {
            due.push(("progress_update", by));
        }
        due.push(("resolution", self.effective_resolve_by()));
        due
    }

    /// `overdue`, `due_soon` (within `warning`) or `escalated`, for staff lists.
    pub fn flags(&self, warning: Duration, now: DateTime<Utc>) -> Vec<&'static str> {
        let pending = self.pending();
        let mut flags = Vec::new();
        if pending.iter().any(|(_, by)| *by <= now) {
            flags.push("overdue");
        } else if pending.iter().any(|(_, by)| *by - now <= warning) {
            flags.push("due_soon");
        }
        if self.level > 1 && self.resolved.is_none() {
            flags.push("escalated");
        }
        flags
    }
}
