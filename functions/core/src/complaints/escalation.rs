//! C05: the escalation link a decision carries, and the escalation it makes.

use super::deadlines::Progress;
use super::record::{Complaint, log_event, queue};
use super::vocabulary::MAX_LEVEL;
use crate::kernel::error::Error;
use crate::kernel::token::LinkToken;
use crate::messaging::messages;
use crate::office::Office;
use crate::storage::{Database, in_transaction, reissue_link};
use chrono::{DateTime, Duration, Utc};

const BY_ESCALATION: &str = "SELECT id FROM complaints WHERE escalation_token_hash = ?";
const SPEND_ESCALATION: &str = "UPDATE complaints SET escalation_token_hash = NULL WHERE id = ? AND escalation_token_hash = ? RETURNING id";

const REISSUE: &str = "UPDATE complaints SET escalation_token_hash = ?3
    WHERE id = ?1 AND escalation_token_hash IS NOT NULL
      AND ?2 = (SELECT MAX(id) FROM complaint_events WHERE complaint_id = ?1 AND kind = 'resolved')
    RETURNING id";

/// How long after the decision its escalation link works (C05): long enough to read
/// the decision and think it over, not a key to the complaint for ever.
pub const ESCALATION_DAYS: i64 = 30;

/// The complaint an escalation link may still reopen: resolved less than
/// `ESCALATION_DAYS` ago, below the top level.
pub fn escalation(
    db: &dyn Database,
    office: &Office,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Complaint, Progress)>, Error> {
    let Some(token) = LinkToken::parse(token) else {
        return Ok(None);
    };
    let Some(id) = db
        .execute(BY_ESCALATION, &[token.hash().into()])?
        .read_first(|r| r.int("id"))?
    else {
        return Ok(None);
    };
    let Some(complaint) = Complaint::by_id(db, id)? else {
        return Ok(None);
    };
    let progress = Progress::load(db, office, &complaint)?;
    Ok((progress
        .resolved
        .is_some_and(|at| now < at + Duration::days(ESCALATION_DAYS))
        && progress.level < MAX_LEVEL)
        .then_some((complaint, progress)))
}

/// C05, issue 25: a new escalation link for the decision logged as event `decided`,
/// whose message failed for good (its link never arrived, and only its hash is kept):
/// the old link stops working. None once escalated, or when a later decision was made.
/// The link still works only `ESCALATION_DAYS` after the decision.
pub fn reissue_escalation_link(
    db: &dyn Database,
    complaint_id: i64,
    decided: i64,
) -> Result<Option<LinkToken>, Error> {
    reissue_link(db, REISSUE, &[complaint_id.into(), decided.into()])
}

/// C05: the complainant escalates; the complaint reopens one level up with new
/// deadlines from now, and an acknowledgement of the new level is queued.
pub fn escalate(
    db: &dyn Database,
    office: &Office,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let Some((complaint, _)) = escalation(db, office, token, now)? else {
        return Ok(false);
    };
    let hash = LinkToken::parse(token)
        .map(|t| t.hash())
        .unwrap_or_default();
    in_transaction(db, || {
        if db
            .execute(
                SPEND_ESCALATION,
                &[complaint.id.into(), hash.as_str().into()],
            )?
            .first()
            .is_none()
        {
            return Ok(false);
        }
        log_event(db, complaint.id, "escalated", None, None, None, now)?;
        let progress = Progress::load(db, office, &complaint)?;
        let notice = messages::complaint_escalated(
            complaint.lang,
            complaint.received_at,
            progress.level,
            progress.resolve_by,
        );
        queue(
            db,
            &complaint,
            "complaint_ack",
            &progress.level.to_string(),
            &notice,
            None,
            now,
        )?;
        Ok(true)
    })
}
