//! R14, R15: cancelling through the reminder's link. Opening the link changes nothing;
//! only the confirming POST cancels, irrevocably, and the freed seat returns to
//! availability after a hold-back so it can't be handed over on the spot.

use crate::booking::Booking;
use crate::kernel::error::Error;
use crate::kernel::token::LinkToken;
use crate::storage::{Database, db_time, in_transaction, reissue_link};
use chrono::{DateTime, Duration, Utc};

const BOOKING_OF_TOKEN: &str =
    "SELECT booking_id FROM cancel_tokens WHERE token_hash = ? AND used_at IS NULL";
const USE_TOKEN: &str = "UPDATE cancel_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL RETURNING booking_id";
/// A fresh link replaces one never delivered: the old one stops working.
const REISSUE: &str = "UPDATE cancel_tokens SET token_hash = ?2
    WHERE booking_id = ?1 AND used_at IS NULL RETURNING booking_id";
const CANCEL: &str =
    "UPDATE bookings SET state = 'cancelled', cancel_reason = 'cancelled_by_booker',
        cancelled_at = ?1, seat_free_at = ?2
    WHERE id = ?3 AND state = 'active' AND slot_start > ?1 RETURNING id";

/// The booking a link may still cancel. Unknown, used and expired links are all
/// `None`: the page must not tell which.
pub fn open(db: &dyn Database, token: &str, now: DateTime<Utc>) -> Result<Option<Booking>, Error> {
    let Some(token) = LinkToken::parse(token) else {
        return Ok(None);
    };
    let Some(row) = db
        .execute(BOOKING_OF_TOKEN, &[token.hash().into()])?
        .read_first(|r| r.int("booking_id"))?
    else {
        return Ok(None);
    };
    Ok(Booking::by_id(db, row)?.filter(|b| b.state == "active" && b.slot_start > now))
}

/// R14: a new cancellation link for a booking whose reminder failed for good (its
/// link was never delivered, and only its hash is kept); None once the link was used.
pub fn reissue(db: &dyn Database, booking_id: i64) -> Result<Option<LinkToken>, Error> {
    reissue_link(db, REISSUE, &[booking_id.into()])
}

/// Cancels the link's booking; false when the link can no longer cancel anything.
pub fn confirm(
    db: &dyn Database,
    token: &str,
    hold_back: Duration,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let Some(token) = LinkToken::parse(token) else {
        return Ok(false);
    };
    in_transaction(db, || {
        let used = db.execute(USE_TOKEN, &[db_time(now).into(), token.hash().into()])?;
        let Some(booking_id) = used.read_first(|r| r.int("booking_id"))? else {
            return Ok(false);
        };
        let cancelled = db.execute(
            CANCEL,
            &[
                db_time(now).into(),
                db_time(now + hold_back).into(),
                booking_id.into(),
            ],
        )?;
        if cancelled.first().is_none() {
            // The appointment has started or the booking is gone: the link stays unused.
            return Err(Error::NotFound);
        }
        Ok(true)
    })
    .or_else(|e| match e {
        Error::NotFound => Ok(false),
        other => Err(other),
    })
}
