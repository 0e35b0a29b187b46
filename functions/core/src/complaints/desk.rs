//! What the complaints desk sees: recent complaints with their computed state, filtered.

use super::deadlines::Progress;
use super::record::{Complaint, Event, event_from_row};
use super::status::ComplaintStatusView;
use crate::kernel::error::Error;
use crate::office::Office;
use crate::storage::Database;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// A complaint in the staff list.
#[derive(Debug, Serialize)]
pub struct ListedComplaint {
    pub id: i64,
    pub kind: String,
    pub severity: Option<String>,
    #[serde(flatten)]
    pub status: ComplaintStatusView,
    pub flags: Vec<&'static str>,
}

const RECENT: &str = "SELECT id, kind, booking_id, order_id, serial_number, description, solution_idea, email, phone, severity, channel, received_at
    FROM complaints ORDER BY id DESC LIMIT 1000";
const RECENT_EVENTS: &str =
    "SELECT id, complaint_id, kind, at, staff, text, until FROM complaint_events
    WHERE complaint_id IN (SELECT id FROM complaints ORDER BY id DESC LIMIT 1000) ORDER BY id";

/// Complaints with their computed state, newest first.
pub(super) fn recent(
    db: &dyn Database,
    office: &Office,
) -> Result<Vec<(Complaint, Progress)>, Error> {
    let mut by_complaint: HashMap<i64, Vec<Event>> = HashMap::new();
    for r in db.execute(RECENT_EVENTS, &[])?.iter() {
        by_complaint
            .entry(r.int("complaint_id")?)
            .or_default()
            .push(event_from_row(&r)?);
    }
    let days = office.business_days();
    Ok(db.execute(RECENT, &[])?.read(|r| {
        let complaint = Complaint::from_row(&r)?;
        let log = by_complaint.remove(&complaint.id).unwrap_or_default();
        let progress = Progress::compute(&complaint, &log, &days);
        Ok((complaint, progress))
    })?)
}

/// The staff list: `open`, `due_soon`, `overdue`, `escalated` or `all`.
pub fn list(
    db: &dyn Database,
    office: &Office,
    filter: &str,
    warning: Duration,
    now: DateTime<Utc>,
) -> Result<Vec<ListedComplaint>, Error> {
    if !["open", "due_soon", "overdue", "escalated", "all"].contains(&filter) {
        return Err(Error::field(
            "invalid_filter",
            "filter",
            "Filter must be open, due_soon, overdue, escalated or all.",
            "Filtrul trebuie să fie open, due_soon, overdue, escalated sau all.",
        ));
    }
    Ok(recent(db, office)?
        .into_iter()
        .filter_map(|(c, p)| {
            let flags = p.flags(warning, now);
            let keep = match filter {
                "all" => true,
                "open" => p.resolved.is_none(),
                f => flags.contains(&f),
            };
            keep.then(|| ListedComplaint {
                id: c.id,
                kind: c.kind.clone(),
                severity: c.severity.clone(),
                status: ComplaintStatusView::new(&c, &p),
                flags,
            })
        })
        .collect())
}
