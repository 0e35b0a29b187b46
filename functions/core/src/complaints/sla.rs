//! The SLA check (C02–C04, T02): near and missed deadlines flagged once, staff told,
//! the complainant told of a missed resolution.

use super::desk::open_after;
use super::status::local;
use super::workflow::notify_missed_resolution;
use crate::kernel::error::Error;
use crate::messaging::links::Links;
use crate::messaging::{messages, queue};
use crate::office::Office;
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// What one SLA check did.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct SlaReport {
    pub flagged: usize,
}

const FLAG: &str = "INSERT INTO complaint_sla_flags (complaint_id, flag, at) VALUES (?, ?, ?)
    ON CONFLICT DO NOTHING RETURNING flag";

/// C02–C04, T02: flags each open complaint's deadlines that are near (within
/// `warning`) or missed, tells staff once per complaint and state, and on a missed
/// resolution tells the complainant. Repeated and overlapping runs do nothing twice:
/// every flag and message has its unique key.
pub fn sla_check(
    db: &dyn Database,
    office: &Office,
    warning: Duration,
    staff_email: Option<&str>,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<SlaReport, Error> {
    let mut report = SlaReport::default();
    // Every open complaint, a page at a time by id: junk arriving later can't push a
    // real complaint out of sight.
    let mut after = 0;
    loop {
        let page = open_after(db, office, after)?;
        let Some((last, _)) = page.last() else {
            return Ok(report);
        };
        after = last.id;
        for (complaint, progress) in page {
            if progress.resolved.is_some() {
                continue;
            }
            for (which, by) in progress.pending() {
                let status = if by <= now {
                    "overdue"
                } else if by - now <= warning {
                    "due_soon"
                } else {
                    continue;
                };
                let flag = format!("{status}:{which}:{}:{}", progress.level, db_time(by));
                let fresh = in_transaction(db, || {
                    let inserted = db.execute(
                        FLAG,
                        &[
                            complaint.id.into(),
                            flag.as_str().into(),
                            db_time(now).into(),
                        ],
                    )?;
                    if inserted.first().is_none() {
                        return Ok(false);
                    }
                    if let Some(to) = staff_email {
                        let email = messages::complaint_sla_staff(
                            complaint.id,
                            &complaint.kind,
                            &format!("{status} {which}"),
                            &local(by),
                            &links.to(&format!("api/staff/complaints/{}", complaint.id)),
                        );
                        let message = queue::Rendered {
                            about: queue::About::Complaint(complaint.id),
                            kind: "sla_staff",
                            channel: "email",
                            recipient: to,
                            occasion: Some(&flag),
                            payload: &email.payload(),
                            secret: None,
                        };
                        queue::rendered(db, &message, now)?;
                    }
                    Ok(true)
                })?;
                report.flagged += usize::from(fresh);
            }
            if now >= progress.resolve_by {
                notify_missed_resolution(db, &complaint, &progress, now)?;
            }
        }
    }
}
