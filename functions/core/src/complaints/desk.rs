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

const RECENT: &str = "SELECT id, kind, booking_id, order_id, serial_number, description, solution_idea, email, phone, severity, channel, received_at, lang
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

/// A complaint is open while its newest event is not its resolution (retention's
/// "closed" the other way round); pages run by id, so every open complaint is reached
/// however many arrive after it.
const OPEN_PAGE: &str = "SELECT id, kind, booking_id, order_id, serial_number, description, solution_idea, email, phone, severity, channel, received_at, lang
    FROM complaints c
    WHERE c.id > ?1
      AND IFNULL((SELECT kind FROM complaint_events WHERE complaint_id = c.id
                  ORDER BY id DESC LIMIT 1), '') != 'resolved'
    ORDER BY c.id LIMIT ?2";
const EVENTS_OF: &str =
    "SELECT id, complaint_id, kind, at, staff, text, until FROM complaint_events
    WHERE complaint_id IN (SELECT value FROM json_each(?1)) ORDER BY id";
const OPEN_PAGE_SIZE: i64 = 500;

/// One page of open complaints with their computed state, oldest first, after `after`
/// (an id); empty when there are no more.
pub(super) fn open_after(
    db: &dyn Database,
    office: &Office,
    after: i64,
) -> Result<Vec<(Complaint, Progress)>, Error> {
    let complaints = db
        .execute(OPEN_PAGE, &[after.into(), OPEN_PAGE_SIZE.into()])?
        .read(|r| Complaint::from_row(&r))?;
    let ids = serde_json::to_string(&complaints.iter().map(|c| c.id).collect::<Vec<_>>())
        .expect("ids serialise");
    let mut by_complaint: HashMap<i64, Vec<Event>> = HashMap::new();
    for r in db.execute(EVENTS_OF, &[ids.into()])?.iter() {
        by_complaint
            .entry(r.int("complaint_id")?)
            .or_default()
            .push(event_from_row(&r)?);
    }
    let days = office.business_days();
    Ok(complaints
        .into_iter()
        .map(|complaint| {
            let log = by_complaint.remove(&complaint.id).unwrap_or_default();
            let progress = Progress::compute(&complaint, &log, &days);
            (complaint, progress)
        })
        .collect())
}

/// Every open complaint, newest first as the desk lists them.
fn every_open(db: &dyn Database, office: &Office) -> Result<Vec<(Complaint, Progress)>, Error> {
    let mut all = Vec::new();
    loop {
        let after = all.last().map_or(0, |(c, _): &(Complaint, Progress)| c.id);
        let page = open_after(db, office, after)?;
        if page.is_empty() {
            all.reverse();
            return Ok(all);
        }
        all.extend(page);
    }
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
        return Err(Error::field("invalid_filter", "filter"));
    }
    // `all` is the newest thousand; the working filters read every open complaint, a
    // page at a time, so a flood of new ones can't hide an old one from the desk.
    let complaints = if filter == "all" {
        recent(db, office)?
    } else {
        every_open(db, office)?
    };
    Ok(complaints
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
