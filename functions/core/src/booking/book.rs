//! Booking: one read for every refusal, then one statement that takes a seat (R01,
//! R02, R06/R07, R12/R13, R16) and answers retries with the first booking.

use super::record::Booking;
use super::request::NewBooking;
use crate::identity::contact_key::ContactKey;
use crate::identity::{Email, Phone};
use crate::kernel::error::Error;
use crate::kernel::idempotency;
use crate::kernel::limits::Limit;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::token::ReservationNumber;
use crate::storage::{Database, db_time};
use chrono::{DateTime, Duration, Utc};

/// Identical content within this window is a retried submission, not a new booking,
/// and the reply to it (with the reservation number) is kept this long.
const RETRY_WINDOW: Duration = Duration::minutes(10);

/// What a booking request produced.
#[derive(Debug)]
pub struct Booked {
    pub booking: Booking,
    /// None only when a retried submission arrives after its reply was forgotten.
    pub number: Option<ReservationNumber>,
    /// True when this answers a retried submission of an existing booking.
    pub replayed: bool,
}

/// What a booking request must pass besides its fields.
#[derive(Debug, Clone, Copy)]
pub struct Admission<'a> {
    /// The `Idempotency-Key` header, when the client sent one.
    pub idempotency_key: Option<&'a str>,
    /// How many bookings one phone number may make in a window (0: no limit).
    pub per_phone: Limit,
    /// The id of the solved proof-of-work challenge, used up by this booking.
    pub challenge: Option<&'a str>,
    /// What the phone and email are hashed with to meet a ban (R12, R13).
    pub contact_key: &'a ContactKey,
}

impl<'a> Admission<'a> {
    /// A submission with only a retry key: no per-phone limit, no challenge.
    pub fn with_key(idempotency_key: Option<&'a str>) -> Self {
        Admission {
            idempotency_key,
            per_phone: Limit::new("phone", 0, 1),
            challenge: None,
            contact_key: &ContactKey::DEVELOPMENT,
        }
    }
}

/// Everything a booking may be refused for, in one read and without the write lock,
/// so a rush's refusals never queue behind its writers.
const ADMISSION: &str = "SELECT
    (SELECT id FROM bookings WHERE idempotency_key_hash = :key_hash) AS key_id,
    (SELECT request_hash FROM bookings WHERE idempotency_key_hash = :key_hash) AS key_request_hash,
    (SELECT id FROM bookings WHERE phone = :phone AND created_at > :retry_since AND request_hash = :request_hash
        ORDER BY id DESC LIMIT 1) AS content_id,
    (SELECT MAX(ends_at) FROM bans WHERE contact IN (:ban_phone, :ban_email) AND ends_at > :now) AS banned_until,
    EXISTS (SELECT 1 FROM closed_windows WHERE service = :service AND location = :location
        AND starts_at < :slot_end AND ends_at > :slot_start) AS closed,
    (SELECT COUNT(*) FROM bookings WHERE service = :service AND slot_start = :slot_start
        AND location = :location AND (state != 'cancelled' OR seat_free_at > :now)) AS taken,
    (SELECT COUNT(*) FROM bookings WHERE phone = :phone AND created_at > :phone_since) AS phone_bookings,
    (SELECT MIN(created_at) FROM bookings WHERE phone = :phone AND created_at > :phone_since) AS phone_oldest,
    EXISTS (SELECT 1 FROM bookings WHERE challenge = :challenge) AS challenge_used";

/// The whole booking is this one statement, so the write lock is held only for it:
/// a seat must be left (R01), no retry of the same submission may already be in, the
/// window must be open (R18) and the challenge unused. A booking whose VIN or holder
/// already has an active booking made with the same phone or email goes in cancelled
/// (R06/R07) unless an exemption covers it (R16); the triggers cancel that booker's
/// others in the same statement. Another booker's booking of the same VIN or holder
/// is neither touched nor revealed. RETURNING gives the row as stored, so nothing is
/// read back. The triggers are in storage/migrations/v11_duplicates_by_the_same_booker.rs:
/// `bookings_cancel_duplicates` and `bookings_use_exemption`.
const INSERT_IF_SEAT_LEFT: &str = "INSERT INTO bookings
    (number_hash, location, service, slot_start, slot_end, name, phone, email, holder, vin,
     identity_key, request_hash, idempotency_key_hash, reply_number, reply_until, created_at,
     challenge, lang, state, cancel_reason, cancelled_at)
    SELECT :number_hash, :location, :service, :slot_start, :slot_end, :name, :phone, :email, :holder, :vin,
           :identity_key, :request_hash, :idempotency_key_hash, :reply_number, :reply_until, :now,
           :challenge, :lang,
           CASE WHEN d.duplicate THEN 'cancelled' ELSE 'active' END,
           CASE WHEN d.duplicate THEN
               CASE WHEN :identity_key LIKE 'vin:%' THEN 'duplicate_vin' ELSE 'duplicate_holder' END END,
           CASE WHEN d.duplicate THEN :now END
    FROM (SELECT NOT EXISTS (SELECT 1 FROM exemptions WHERE identity_key = :identity_key
                             AND used_at IS NULL AND revoked_at IS NULL)
             AND EXISTS (SELECT 1 FROM bookings WHERE identity_key = :identity_key AND state = 'active'
                         AND slot_start > :now AND (phone = :phone OR email = :email))
             AS duplicate) d
    WHERE (SELECT COUNT(*) FROM bookings
           WHERE service = :service AND slot_start = :slot_start AND location = :location
             AND (state != 'cancelled' OR seat_free_at > :now)) < :online_seats
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE phone = :phone AND created_at > :retry_since
                      AND request_hash = :request_hash)
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE idempotency_key_hash = :idempotency_key_hash)
      AND NOT EXISTS (SELECT 1 FROM closed_windows WHERE service = :service
                      AND location = :location AND starts_at < :slot_end AND ends_at > :slot_start)
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE challenge = :challenge)
    RETURNING id, location, service, slot_start, slot_end, name, phone, email, holder, vin, state,
              cancel_reason, identity_key, reply_number, reply_until, lang";

/// The keys bans are recorded under (R12, R13): keyed hashes, never the contacts.
pub fn ban_contacts(
    key: &ContactKey,
    phone: &Phone,
    email: Option<&Email>,
) -> (String, Option<String>) {
    (key.phone(phone), email.map(|e| key.email(e)))
}

/// Books a seat, or answers a retried submission with the booking it already made:
/// one read that answers every refusal, then one conditional insert.
pub fn book(
    db: &dyn Database,
    new: &NewBooking,
    admission: Admission,
    now: DateTime<Utc>,
) -> Result<Booked, Error> {
    let key_hash = idempotency::key_hash(admission.idempotency_key)?;
    let request_hash = new.request_hash();
    let (ban_phone, ban_email) =
        ban_contacts(admission.contact_key, &new.phone, new.email.as_ref());
    let slot_start = db_time(new.slot.start);
    let slot_end = db_time(new.slot.end);
    let retry_since = db_time(now - RETRY_WINDOW);
    // The refusal the database's state calls for, or the earlier booking a retry made
    // (Some), or nothing in the way (None).
    let admit = || -> Result<Option<i64>, Error> {
        let checks = db.execute_named(
            ADMISSION,
            &[
                ("key_hash", key_hash.clone().into()),
                ("phone", new.phone.as_str().into()),
                ("retry_since", retry_since.as_str().into()),
                ("request_hash", request_hash.as_str().into()),
                ("ban_phone", ban_phone.as_str().into()),
                (
                    "ban_email",
                    ban_email
                        .clone()
                        .unwrap_or_else(|| ban_phone.clone())
                        .into(),
                ),
                ("now", db_time(now).into()),
                ("location", new.desk.location.code.as_str().into()),
                ("service", new.desk.service.code.as_str().into()),
                ("slot_start", slot_start.as_str().into()),
                ("slot_end", slot_end.as_str().into()),
                (
                    "phone_since",
                    db_time(now - admission.per_phone.window).into(),
                ),
                ("challenge", admission.challenge.into()),
            ],
        )?;
        let Some(checks) = checks.first() else {
            return Err(Error::Busy);
        };
        if let Some(id) = checks.opt_int("key_id")? {
            if checks.opt_text("key_request_hash")?.as_deref() != Some(request_hash.as_str()) {
                return Err(idempotency::key_reused());
            }
            return Ok(Some(id));
        }
        if let Some(id) = checks.opt_int("content_id")? {
            return Ok(Some(id));
        }
        if checks.flag("closed")? {
            return Err(Error::conflict("slot_closed", "slot"));
        }
        let limit = admission.per_phone;
        if limit.max > 0 && checks.int("phone_bookings")? >= i64::from(limit.max) {
            let oldest = checks.opt_time("phone_oldest")?.unwrap_or(now);
            let wait = (oldest + limit.window - now).num_seconds().max(1);
            return Err(Error::RateLimited {
                retry_after_secs: u64::try_from(wait).unwrap_or(1),
            });
        }
        if checks.flag("challenge_used")? {
            return Err(crate::defence::challenge::used());
        }
        if checks.int("taken")? >= i64::from(new.desk.online_seats()) {
            return Err(Error::SlotFull);
        }
        // R12/R13: the ban is told only to a booking that could otherwise be made, so a
        // stranger aiming at a full or closed slot can't ask whether a phone is banned.
        if let Some(until) = checks.opt_time("banned_until")? {
            return Err(Error::ContactBanned {
                until: until.with_timezone(&OFFICE_TZ).date_naive(),
            });
        }
        Ok(None)
    };
    if let Some(earlier) = admit()? {
        return replay(db, earlier, now);
    }
    let number = ReservationNumber::generate();
    let (vin, holder) = new.proof_columns();
    let inserted = db.execute_named(
        INSERT_IF_SEAT_LEFT,
        &[
            ("number_hash", number.hash().into()),
            ("location", new.desk.location.code.as_str().into()),
            ("service", new.desk.service.code.as_str().into()),
            ("slot_start", slot_start.as_str().into()),
            ("slot_end", slot_end.as_str().into()),
            ("name", new.name.as_str().into()),
            ("phone", new.phone.as_str().into()),
            ("email", new.email.as_ref().map(Email::as_str).into()),
            ("holder", holder.into()),
            ("vin", vin.into()),
            ("identity_key", new.identity_key().into()),
            ("request_hash", request_hash.as_str().into()),
            ("idempotency_key_hash", key_hash.clone().into()),
            ("reply_number", number.to_string().into()),
            ("reply_until", db_time(now + RETRY_WINDOW).into()),
            ("now", db_time(now).into()),
            ("online_seats", i64::from(new.desk.online_seats()).into()),
            ("retry_since", retry_since.as_str().into()),
            ("challenge", admission.challenge.into()),
            ("lang", new.lang.code().into()),
        ],
    )?;
    if let Some(booking) = inserted.read_first(|r| Booking::from_row(&r))? {
        return Ok(Booked {
            booking,
            number: Some(number),
            replayed: false,
        });
    }
    // The insert found a reason the read did not (an identical submission got in
    // first, the challenge was used meanwhile, the last seat went): the same read,
    // run again, names it.
    match admit()? {
        Some(earlier) => replay(db, earlier, now),
        None => Err(Error::SlotFull),
    }
}

/// The earlier booking a retried submission made, with its number while it is kept.
fn replay(db: &dyn Database, id: i64, now: DateTime<Utc>) -> Result<Booked, Error> {
    let booking = Booking::by_id(db, id)?.ok_or(Error::NotFound)?;
    let number = booking
        .reply_until
        .filter(|until| *until > now)
        .and(booking.reply_number.as_deref())
        .and_then(|n| ReservationNumber::parse(n).ok());
    Ok(Booked {
        booking,
        number,
        replayed: true,
    })
}
