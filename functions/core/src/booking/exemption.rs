//! R16: after a proposal citing a reservation number, the office may exempt that
//! booking's VIN/holder from R06/R07 for the next booking. The exemption is used up
//! by that booking inside its own statement (see the `bookings_use_exemption` trigger).

use crate::booking::Booking;
use crate::kernel::error::Error;
use crate::staff::Staff;
use crate::storage::{Database, db_time};
use chrono::{DateTime, Utc};
use serde::Serialize;

const GRANT: &str =
    "INSERT INTO exemptions (identity_key, booking_id, reason, granted_by, granted_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id";
const REVOKE: &str = "UPDATE exemptions SET revoked_at = ?2
    WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id";
const LIST: &str = "SELECT e.id, e.reason, e.granted_by, e.granted_at, e.revoked_at, e.used_at,
        b.service, b.vin, b.holder
    FROM exemptions e JOIN bookings b ON b.id = e.booking_id
    ORDER BY e.id DESC LIMIT 200";

const MAX_REASON_CHARS: usize = 500;

/// Grants the exemption for the VIN/holder of `booking`; one open exemption per key.
pub fn grant(
    db: &dyn Database,
    booking: &Booking,
    reason: &str,
    staff: &Staff,
    now: DateTime<Utc>,
) -> Result<i64, Error> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
        return Err(Error::field("reason_required", "reason"));
    }
    crate::identity::cnp::refuse_cnp("reason", reason)?;
    db.execute(
        GRANT,
        &[
            booking.identity_key.as_str().into(),
            booking.id.into(),
            reason.into(),
            staff.0.as_str().into(),
            db_time(now).into(),
        ],
    )?
    .read_first(|r| r.int("id"))?
    .ok_or_else(|| Error::conflict("exemption_exists", "number"))
}

/// Withdraws an exemption not used yet; false when there is no such open exemption.
pub fn revoke(db: &dyn Database, id: i64, now: DateTime<Utc>) -> Result<bool, Error> {
    Ok(db
        .execute(REVOKE, &[id.into(), db_time(now).into()])?
        .first()
        .is_some())
}

/// An exemption as staff see it.
#[derive(Debug, Serialize)]
pub struct ListedExemption {
    pub id: i64,
    pub service: String,
    pub vin: Option<String>,
    pub holder: Option<String>,
    pub reason: String,
    pub granted_by: String,
    pub granted_at: String,
    /// `open`, `used` or `revoked`.
    pub state: &'static str,
}

/// The latest exemptions, newest first.
pub fn list(db: &dyn Database) -> Result<Vec<ListedExemption>, Error> {
    Ok(db.execute(LIST, &[])?.read(|r| {
        Ok(ListedExemption {
            id: r.int("id")?,
            service: r.text("service")?,
            vin: r.opt_text("vin")?,
            holder: r.opt_text("holder")?,
            reason: r.text("reason")?,
            granted_by: r.text("granted_by")?,
            granted_at: r.text("granted_at")?,
            state: match (r.opt_text("used_at")?, r.opt_text("revoked_at")?) {
                (Some(_), _) => "used",
                (None, Some(_)) => "revoked",
                (None, None) => "open",
            },
        })
    })?)
}
