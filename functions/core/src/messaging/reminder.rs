//! R14: the day before each appointment, at a set office time, one reminder with the
//! only cancellation link. A tick missed by downtime is caught up on the next one, as
//! long as the appointment has not started.

use crate::kernel::error::Error;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::to_utc;
use crate::kernel::token::LinkToken;
use crate::messaging::queue;
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Days, Duration, NaiveTime, Utc};

/// Active upcoming bookings that have no reminder yet (by `queue::reminder`'s dedupe
/// key). Reminders are due at most a day and a few hours ahead, so only the next two
/// days are looked at.
const WITHOUT_REMINDER: &str = "SELECT id, slot_start FROM bookings b
    WHERE state = 'active' AND slot_start > ? AND slot_start <= ?
      AND NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = 'reminder:sms:' || b.id)";

const INSERT_TOKEN: &str = "INSERT INTO cancel_tokens (booking_id, token_hash, created_at)
    SELECT id, ?2, ?3 FROM bookings WHERE id = ?1 AND state = 'active'
    ON CONFLICT (booking_id) DO NOTHING RETURNING booking_id";

/// When the reminder of an appointment starting at `slot_start` is due.
pub fn due_at(slot_start: DateTime<Utc>, reminder_time: NaiveTime) -> DateTime<Utc> {
    let day_before = slot_start.with_timezone(&OFFICE_TZ).date_naive() - Days::new(1);
    // A reminder time that doesn't exist that day (DST gap) moves on by an hour.
    to_utc(day_before.and_time(reminder_time))
        .or_else(|| to_utc(day_before.and_time(reminder_time) + Duration::hours(1)))
        .expect("a valid local time")
}

/// Queues the reminders that are due: a token and the messages, in one transaction
/// per booking, so a crash leaves either all of it or nothing.
pub fn queue_due(
    db: &dyn Database,
    reminder_time: NaiveTime,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let candidates = db.execute(
        WITHOUT_REMINDER,
        &[db_time(now).into(), db_time(now + Duration::days(2)).into()],
    )?;
    let mut queued = 0;
    for row in candidates.iter() {
        let id = row.int("id")?;
        if due_at(row.time("slot_start")?, reminder_time) > now {
            continue;
        }
        let token = LinkToken::generate();
        let created = in_transaction(db, || {
            // Another run may have got here first; the token's key says so.
            if db
                .execute(
                    INSERT_TOKEN,
                    &[id.into(), token.hash().into(), db_time(now).into()],
                )?
                .first()
                .is_none()
            {
                return Ok(false);
            }
            queue::reminder(db, id, token.as_str(), now)?;
            Ok(true)
        })?;
        queued += usize::from(created);
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn r14_reminder_is_due_the_day_before_at_office_time_across_dst() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        // Monday 29 March 2027 08:30 (UTC+3) → Sunday 28 March 10:00, already UTC+3.
        let monday = Utc.with_ymd_and_hms(2027, 3, 29, 5, 30, 0).unwrap();
        assert_eq!(
            due_at(monday, ten),
            Utc.with_ymd_and_hms(2027, 3, 28, 7, 0, 0).unwrap()
        );
        // Monday 26 October 2026 08:30 (UTC+2) → Sunday 25 October 10:00, already UTC+2.
        let autumn = Utc.with_ymd_and_hms(2026, 10, 26, 6, 30, 0).unwrap();
        assert_eq!(
            due_at(autumn, ten),
            Utc.with_ymd_and_hms(2026, 10, 25, 8, 0, 0).unwrap()
        );
    }
}
