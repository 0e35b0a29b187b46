//! The staff workflow (C02–C04): acknowledge, progress update, resolve, new timeline;
//! and the complainant's notice when the resolution date is missed (C04).

use super::deadlines::Progress;
use super::intake::limited;
use super::record::{Complaint, local_date, log_event, queue};
use super::vocabulary::MAX_DESCRIPTION;
use crate::identity::cnp::refuse_cnp;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::token::LinkToken;
use crate::messaging::links::Links;
use crate::messaging::messages;
use crate::office::Office;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, in_transaction};
use chrono::{DateTime, NaiveDate, Utc};

/// A staff step in the workflow (C02–C04).
#[derive(Debug)]
pub enum Step {
    Acknowledge,
    ProgressUpdate {
        text: String,
    },
    Resolve {
        decision: String,
    },
    NewTimeline {
        explanation: String,
        until: NaiveDate,
    },
}

impl Step {
    /// The step named in the path, with its fields from the body.
    pub fn parse(name: &str, fields: &Fields) -> Result<Step, Error> {
        // R09 holds for staff texts too: they reach the complainant and the log.
        for (field, value) in fields {
            refuse_cnp(field, value)?;
        }
        let required = |field: &str| -> Result<String, Error> {
            limited(fields, field, MAX_DESCRIPTION)?.ok_or_else(|| Error::field("required", field))
        };
        Ok(match name {
            "acknowledge" => Step::Acknowledge,
            "progress" => Step::ProgressUpdate {
                text: required("text")?,
            },
            "resolve" => Step::Resolve {
                decision: required("decision")?,
            },
            "timeline" => Step::NewTimeline {
                explanation: required("explanation")?,
                until: NaiveDate::parse_from_str(&required("until")?, "%Y-%m-%d")
                    .map_err(|_| Error::field("invalid_date", "until"))?,
            },
            _ => return Err(Error::NotFound),
        })
    }

    fn event_kind(&self) -> &'static str {
        match self {
            Step::Acknowledge => "acknowledged",
            Step::ProgressUpdate { .. } => "progress",
            Step::Resolve { .. } => "resolved",
            Step::NewTimeline { .. } => "new_timeline",
        }
    }
}

fn refused(code: &'static str) -> Error {
    Error::conflict(code, "state")
}

/// One staff step: the event, its message and the audit line commit together.
pub fn take_step(
    db: &dyn Database,
    office: &Office,
    id: i64,
    step: &Step,
    who: &Staff,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Progress, Error> {
    in_transaction(db, || {
        let complaint = Complaint::by_id(db, id)?.ok_or(Error::NotFound)?;
        let before = Progress::load(db, office, &complaint)?;
        if before.resolved.is_some() {
            return Err(refused("already_resolved"));
        }
        match step {
            Step::Acknowledge if before.acknowledged.is_some() => {
                return Err(refused("already_acknowledged"));
            }
            Step::ProgressUpdate { .. } if before.acknowledged.is_none() => {
                return Err(refused("not_acknowledged"));
            }
            Step::NewTimeline { until, .. } if *until <= local_date(now) => {
                return Err(Error::field("date_not_ahead", "until"));
            }
            _ => {}
        }
        let (text, until) = match step {
            Step::Acknowledge => (None, None),
            Step::ProgressUpdate { text } => (Some(text.as_str()), None),
            Step::Resolve { decision } => (Some(decision.as_str()), None),
            Step::NewTimeline { explanation, until } => {
                (Some(explanation.as_str()), Some(until.to_string()))
            }
        };
        let event_id = log_event(
            db,
            id,
            step.event_kind(),
            Some(&who.0),
            text,
            until.as_deref(),
            now,
        )?;
        let (lang, received) = (complaint.lang, complaint.received_at);
        let key = event_id.to_string();
        match step {
            Step::Acknowledge => {}
            Step::ProgressUpdate { text } => {
                queue(
                    db,
                    &complaint,
                    "complaint_progress",
                    &key,
                    &messages::complaint_progress(lang, received, text),
                    None,
                    now,
                )?;
            }
            Step::Resolve { decision } => {
                // C05: the decision carries the only link that escalates it.
                let token = LinkToken::generate();
                db.execute(
                    "UPDATE complaints SET escalation_token_hash = ? WHERE id = ?",
                    &[token.hash().into(), id.into()],
                )?;
                let link = links.to(&format!("escalate/{}", token.as_str()));
                queue(
                    db,
                    &complaint,
                    "complaint_decision",
                    &key,
                    &messages::complaint_decision(lang, received, decision, &link),
                    Some(token.as_str()),
                    now,
                )?;
            }
            Step::NewTimeline { .. } => {
                // Recorded after the deadline was missed: the complainant hears now;
                // before it, the SLA check sends it when the deadline passes.
                if now >= before.resolve_by {
                    notify_missed_resolution(
                        db,
                        &complaint,
                        &before_with_timeline(&before, event_id, step),
                        now,
                    )?;
                }
            }
        }
        let after = Progress::load(db, office, &complaint)?;
        let entry = Entry::new(step_action(step), format!("complaint:{id}"))
            .change(before.state(), after.state())
            .detail(until_detail(step));
        audit(db, who, &entry, now)?;
        Ok(after)
    })
}

fn before_with_timeline(before: &Progress, event_id: i64, step: &Step) -> Progress {
    let mut p = before.clone();
    if let Step::NewTimeline { until, .. } = step {
        p.new_timeline = Some((event_id, *until));
    }
    p
}

fn step_action(step: &Step) -> &'static str {
    match step {
        Step::Acknowledge => "complaint_acknowledge",
        Step::ProgressUpdate { .. } => "complaint_progress",
        Step::Resolve { .. } => "complaint_resolve",
        Step::NewTimeline { .. } => "complaint_new_timeline",
    }
}

fn until_detail(step: &Step) -> String {
    match step {
        Step::NewTimeline { until, .. } => format!("new timeline until {until}"),
        _ => String::new(),
    }
}

const EVENT_TEXT: &str = "SELECT text FROM complaint_events WHERE id = ?";

/// C04 missed: the complainant gets the new timeline staff recorded (once per
/// timeline), or a holding notice (once per level) when there is none yet.
pub(super) fn notify_missed_resolution(
    db: &dyn Database,
    complaint: &Complaint,
    progress: &Progress,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let (lang, received) = (complaint.lang, complaint.received_at);
    match progress.new_timeline {
        Some((event_id, until)) => {
            let explanation = db
                .execute(EVENT_TEXT, &[event_id.into()])?
                .read_first(|r| r.text("text"))?
                .unwrap_or_default();
            let notice = messages::complaint_new_timeline(lang, received, &explanation, until);
            queue(
                db,
                complaint,
                "complaint_new_timeline",
                &event_id.to_string(),
                &notice,
                None,
                now,
            )
        }
        None => queue(
            db,
            complaint,
            "complaint_holding",
            &progress.level.to_string(),
            &messages::complaint_holding(lang, received),
            None,
            now,
        ),
    }
}
