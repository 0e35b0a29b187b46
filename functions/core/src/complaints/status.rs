//! The public status of a complaint: what anyone holding its number may see.

use super::deadlines::Progress;
use super::record::Complaint;
use crate::kernel::time::OFFICE_TZ;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// What anyone holding the complaint number may see: nothing personal.
#[derive(Debug, Serialize)]
pub struct ComplaintStatusView {
    pub kind: String,
    pub state: &'static str,
    pub level: u32,
    pub severity: Option<String>,
    pub received_at: String,
    pub acknowledged_at: Option<String>,
    pub resolved_at: Option<String>,
    pub acknowledge_by: String,
    pub progress_update_by: Option<String>,
    pub resolve_by: String,
    pub new_timeline_until: Option<NaiveDate>,
}

pub(super) fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&OFFICE_TZ).to_rfc3339()
}

impl ComplaintStatusView {
    /// The next deadline still to meet: the acknowledgement, then the earlier of the
    /// progress update and the resolution; none once resolved.
    pub fn next_deadline(&self) -> Option<&str> {
        if self.resolved_at.is_some() {
            None
        } else if self.acknowledged_at.is_none() {
            Some(&self.acknowledge_by)
        } else {
            Some(
                self.progress_update_by
                    .as_deref()
                    .filter(|p| *p < self.resolve_by.as_str())
                    .unwrap_or(&self.resolve_by),
            )
        }
    }

    pub fn new(complaint: &Complaint, p: &Progress) -> Self {
        ComplaintStatusView {
            kind: complaint.kind.clone(),
            state: p.state(),
            level: p.level,
            severity: complaint.severity.clone(),
            received_at: local(complaint.received_at),
            acknowledged_at: p.acknowledged.map(local),
            resolved_at: p.resolved.map(local),
            acknowledge_by: local(p.acknowledge_by),
            progress_update_by: p.progress_by.map(local),
            resolve_by: local(p.effective_resolve_by()),
            new_timeline_until: p.new_timeline.map(|(_, u)| u),
        }
    }
}
