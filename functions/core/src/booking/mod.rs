//! Online booking (R01, R02, R06–R11, R12/R13 refusal, R17) and the status check (R03).

pub mod availability;
pub mod cancellation;
pub mod exemption;

use crate::identity::cnp::refuse_cnp;
use crate::identity::contact_key::ContactKey;
use crate::identity::{Email, PersonName, Phone, Vin, mask_name};
use crate::kernel::error::Error;
use crate::kernel::fields::{Fields, optional, required};
use crate::kernel::limits::Limit;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::to_utc;
use crate::kernel::token::{ReservationNumber, hex_sha256};
use crate::office::{Office, Proof, Service, Slot};
use crate::storage::{Database, Row, StorageError, Value, db_time};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::Serialize;

/// Identical content within this window is a retried submission, not a new booking,
/// and the reply to it (with the reservation number) is kept this long.
const RETRY_WINDOW: Duration = Duration::minutes(10);
const MAX_FIELD_CHARS: usize = 200;
const MAX_IDEMPOTENCY_KEY: usize = 200;
/// What the booker types or ticks, each field its own input on the booking form;
/// besides these, a booking names its `service`, `slot` (a choice of times) and `lang`.
pub const INPUTS: &[&str] = &["name", "phone", "email", "vin", "holder", "consent"];

/// The extra proof a booking carries (R05, R06, R07).
#[derive(Debug, Clone)]
pub enum ProofValue {
    Vin(Vin),
    Holder(PersonName),
}

/// A booking request whose every field has been checked.
#[derive(Debug, Clone)]
pub struct NewBooking<'o> {
    pub service: &'o Service,
    pub slot: Slot,
    pub name: PersonName,
    pub phone: Phone,
    pub email: Option<Email>,
    pub proof: ProofValue,
}

impl<'o> NewBooking<'o> {
    /// Checks every field (R08–R11, R17) and the slot against the office calendar.
    pub fn parse(fields: &Fields, office: &'o Office, now: DateTime<Utc>) -> Result<Self, Error> {
        for (field, value) in fields {
            // R09 first: a CNP is refused wherever it appears, even in an unknown field.
            refuse_cnp(field, value)?;
            if !INPUTS.contains(&field.as_str())
                && !matches!(field.as_str(), "service" | "slot" | "lang")
            {
                return Err(Error::field(
                    "unknown_field",
                    field,
                    "This field is not part of a booking.",
                    "Acest câmp nu face parte din programare.",
                ));
            }
            if value.chars().count() > MAX_FIELD_CHARS {
                return Err(Error::field(
                    "too_long",
                    field,
                    "This field is too long.",
                    "Câmpul este prea lung.",
                ));
            }
        }
        let service = office.service(required(fields, "service")?)?;
        let slot = parse_slot(required(fields, "slot")?, service, office, now)?;
        let name = PersonName::parse(required(fields, "name")?).map_err(|e| e.in_field("name"))?;
        let phone = Phone::parse(required(fields, "phone")?).map_err(|e| e.in_field("phone"))?;
        let email = optional(fields, "email")
            .map(|e| Email::parse(e).map_err(|e| e.in_field("email")))
            .transpose()?;
        let proof = match service.proof {
            Proof::Vin => {
                if optional(fields, "holder").is_some() {
                    return Err(Error::field(
                        "field_not_for_service",
                        "holder",
                        "This service asks for a VIN, not a holder.",
                        "Acest serviciu cere seria de șasiu, nu titularul.",
                    ));
                }
                ProofValue::Vin(
                    Vin::parse(required(fields, "vin")?).map_err(|e| e.in_field("vin"))?,
                )
            }
            Proof::Holder => {
                if optional(fields, "vin").is_some() {
                    return Err(Error::field(
                        "field_not_for_service",
                        "vin",
                        "This service asks for a holder, not a VIN.",
                        "Acest serviciu cere titularul, nu seria de șasiu.",
                    ));
                }
                // The booker is the holder unless they book by mandate for someone else.
                let holder = match optional(fields, "holder") {
                    Some(h) => PersonName::parse(h).map_err(|e| e.in_field("holder"))?,
                    None => name.clone(),
                };
                ProofValue::Holder(holder)
            }
        };
        let consent =
            optional(fields, "consent").is_some_and(|c| matches!(c, "true" | "on" | "yes" | "1"));
        if !consent {
            return Err(Error::field(
                "consent_required",
                "consent",
                "Accept the booking rules to continue.",
                "Acceptați regulile de programare pentru a continua.",
            ));
        }
        Ok(NewBooking {
            service,
            slot,
            name,
            phone,
            email,
            proof,
        })
    }

    /// R06/R07: the key under which bookings for the same vehicle or person collide.
    /// A VIN collides across both vehicle services; a holder within one service.
    pub fn identity_key(&self) -> String {
        match &self.proof {
            ProofValue::Vin(v) => format!("vin:{}", v.as_str()),
            ProofValue::Holder(h) => format!("holder:{}:{}", self.service.code, h.identity_key()),
        }
    }

    /// The same content gives the same hash: a retried submission is recognised by it.
    fn request_hash(&self) -> String {
        let (vin, holder) = self.proof_columns();
        let canonical = serde_json::json!([
            self.service.code,
            db_time(self.slot.start),
            self.name.as_str(),
            self.phone.as_str(),
            self.email.as_ref().map(Email::as_str),
            vin,
            holder,
        ]);
        hex_sha256(canonical.to_string().as_bytes())
    }

    fn proof_columns(&self) -> (Option<&str>, Option<&str>) {
        match &self.proof {
            ProofValue::Vin(v) => (Some(v.as_str()), None),
            ProofValue::Holder(h) => (None, Some(h.as_str())),
        }
    }
}

fn parse_slot(
    input: &str,
    service: &Service,
    office: &Office,
    now: DateTime<Utc>,
) -> Result<Slot, Error> {
    let invalid = || {
        Error::field(
            "invalid_slot",
            "slot",
            "Choose one of the times offered for this service.",
            "Alegeți una dintre orele oferite pentru acest serviciu.",
        )
    };
    let start = match DateTime::parse_from_rfc3339(input) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(input, f).ok())
            .and_then(to_utc)
            .ok_or_else(invalid)?,
    };
    if start <= now {
        return Err(Error::field(
            "slot_in_past",
            "slot",
            "This time has already passed.",
            "Această oră a trecut deja.",
        ));
    }
    let date = start.with_timezone(&OFFICE_TZ).date_naive();
    let (_, last) = office.booking_window(now);
    if date > last {
        return Err(Error::field(
            "slot_too_far",
            "slot",
            "Online booking is not open yet for this date.",
            "Programările online nu sunt încă deschise pentru această dată.",
        ));
    }
    let slots = office.slots(service, date).map_err(|_| {
        Error::field(
            "day_closed",
            "slot",
            "The office is closed on this day.",
            "Instituția este închisă în această zi.",
        )
    })?;
    slots
        .into_iter()
        .find(|s| s.start == start)
        .ok_or_else(invalid)
}

/// A stored booking as read back from the database.
#[derive(Debug, Clone, Serialize)]
pub struct Booking {
    #[serde(skip)]
    pub id: i64,
    pub service: String,
    pub slot_start: DateTime<Utc>,
    pub slot_end: DateTime<Utc>,
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
    pub holder: Option<String>,
    pub vin: Option<String>,
    pub state: String,
    pub cancel_reason: Option<String>,
    /// R06/R07/R16: the VIN or service-and-holder key bookings collide under.
    #[serde(skip)]
    pub identity_key: String,
    #[serde(skip)]
    reply_number: Option<String>,
    #[serde(skip)]
    reply_until: Option<DateTime<Utc>>,
}

const BOOKING_COLUMNS: &str = "id, service, slot_start, slot_end, name, phone, email, holder, vin, state, cancel_reason, identity_key, reply_number, reply_until";

impl Booking {
    fn from_row(r: &Row) -> Result<Self, StorageError> {
        Ok(Booking {
            id: r.int("id")?,
            service: r.text("service")?,
            slot_start: r.time("slot_start")?,
            slot_end: r.time("slot_end")?,
            name: r.text("name")?,
            phone: r.text("phone")?,
            email: r.opt_text("email")?,
            holder: r.opt_text("holder")?,
            vin: r.opt_text("vin")?,
            state: r.text("state")?,
            cancel_reason: r.opt_text("cancel_reason")?,
            identity_key: r.text("identity_key")?,
            reply_number: r.opt_text("reply_number")?,
            reply_until: r.opt_time("reply_until")?,
        })
    }

    fn load_one(
        db: &dyn Database,
        sql_where: &str,
        params: &[Value],
    ) -> Result<Option<Booking>, Error> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE {sql_where}");
        Ok(db
            .execute(&sql, params)?
            .read_first(|r| Booking::from_row(&r))?)
    }

    pub fn by_id(db: &dyn Database, id: i64) -> Result<Option<Booking>, Error> {
        Booking::load_one(db, "id = ?", &[id.into()])
    }

    /// R03: the booking a reservation number refers to.
    pub fn by_number(
        db: &dyn Database,
        number: &ReservationNumber,
    ) -> Result<Option<Booking>, Error> {
        Booking::load_one(db, "number_hash = ?", &[number.hash().into()])
    }
}

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
    EXISTS (SELECT 1 FROM closed_windows WHERE service = :service AND starts_at < :slot_end AND ends_at > :slot_start)
        AS closed,
    (SELECT COUNT(*) FROM bookings WHERE service = :service AND slot_start = :slot_start
        AND (state != 'cancelled' OR seat_free_at > :now)) AS taken,
    (SELECT COUNT(*) FROM bookings WHERE phone = :phone AND created_at > :phone_since) AS phone_bookings,
    (SELECT MIN(created_at) FROM bookings WHERE phone = :phone AND created_at > :phone_since) AS phone_oldest,
    EXISTS (SELECT 1 FROM bookings WHERE challenge = :challenge) AS challenge_used";

/// The whole booking is this one statement, so the write lock is held only for it:
/// a seat must be left (R01), no retry of the same submission may already be in, the
/// window must be open (R18) and the challenge unused. A booking whose VIN or holder
/// already has an active booking goes in cancelled (R06/R07) unless an exemption
/// covers it (R16); the triggers cancel the others in the same statement. RETURNING
/// gives the row as stored, so nothing is read back. The triggers are in storage/migrations/:
/// `bookings_cancel_duplicates` (v06_lean_booking_write.rs) and `bookings_use_exemption`
/// (v04_exemptions_and_closures.rs).
const INSERT_IF_SEAT_LEFT: &str = "INSERT INTO bookings
    (number_hash, service, slot_start, slot_end, name, phone, email, holder, vin,
     identity_key, request_hash, idempotency_key_hash, reply_number, reply_until, created_at,
     challenge, state, cancel_reason, cancelled_at)
    SELECT :number_hash, :service, :slot_start, :slot_end, :name, :phone, :email, :holder, :vin,
           :identity_key, :request_hash, :idempotency_key_hash, :reply_number, :reply_until, :now,
           :challenge,
           CASE WHEN d.duplicate THEN 'cancelled' ELSE 'active' END,
           CASE WHEN d.duplicate THEN
               CASE WHEN :identity_key LIKE 'vin:%' THEN 'duplicate_vin' ELSE 'duplicate_holder' END END,
           CASE WHEN d.duplicate THEN :now END
    FROM (SELECT NOT EXISTS (SELECT 1 FROM exemptions WHERE identity_key = :identity_key
                             AND used_at IS NULL AND revoked_at IS NULL)
             AND EXISTS (SELECT 1 FROM bookings WHERE identity_key = :identity_key AND state = 'active'
                         AND slot_start > :now) AS duplicate) d
    WHERE (SELECT COUNT(*) FROM bookings
           WHERE service = :service AND slot_start = :slot_start
             AND (state != 'cancelled' OR seat_free_at > :now)) < :online_seats
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE phone = :phone AND created_at > :retry_since
                      AND request_hash = :request_hash)
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE idempotency_key_hash = :idempotency_key_hash)
      AND NOT EXISTS (SELECT 1 FROM closed_windows
                      WHERE service = :service AND starts_at < :slot_end AND ends_at > :slot_start)
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE challenge = :challenge)
    RETURNING id, service, slot_start, slot_end, name, phone, email, holder, vin, state,
              cancel_reason, identity_key, reply_number, reply_until";

/// The keys bans are recorded under (R12, R13): keyed hashes, never the contacts.
pub fn ban_contacts(
    key: &ContactKey,
    phone: &Phone,
    email: Option<&Email>,
) -> (String, Option<String>) {
    (key.phone(phone), email.map(|e| key.email(e)))
}

/// The stored form of an `Idempotency-Key` header: its hash, once its length is checked.
pub fn idempotency_key_hash(key: Option<&str>) -> Result<Option<String>, Error> {
    key.map(|k| {
        if k.is_empty() || k.len() > MAX_IDEMPOTENCY_KEY {
            return Err(Error::field(
                "invalid_idempotency_key",
                "Idempotency-Key",
                "The Idempotency-Key header must be 1 to 200 characters.",
                "Antetul Idempotency-Key trebuie să aibă 1–200 de caractere.",
            ));
        }
        Ok(hex_sha256(k.as_bytes()))
    })
    .transpose()
}

/// Books a seat, or answers a retried submission with the booking it already made:
/// one read that answers every refusal, then one conditional insert.
pub fn book(
    db: &dyn Database,
    new: &NewBooking,
    admission: Admission,
    now: DateTime<Utc>,
) -> Result<Booked, Error> {
    let key_hash = idempotency_key_hash(admission.idempotency_key)?;
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
                ("service", new.service.code.into()),
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
                return Err(Error::field(
                    "idempotency_key_reused",
                    "Idempotency-Key",
                    "This Idempotency-Key was used for a different booking.",
                    "Această cheie Idempotency-Key a fost folosită pentru altă programare.",
                ));
            }
            return Ok(Some(id));
        }
        if let Some(id) = checks.opt_int("content_id")? {
            return Ok(Some(id));
        }
        if let Some(until) = checks.opt_time("banned_until")? {
            return Err(Error::ContactBanned {
                until: until.with_timezone(&OFFICE_TZ).date_naive(),
            });
        }
        if checks.flag("closed")? {
            return Err(Error::conflict(
                "slot_closed",
                "slot",
                "The office closed this time window; choose another time.",
                "Instituția a închis acest interval; alegeți altă oră.",
            ));
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
        if checks.int("taken")? >= i64::from(new.service.online_seats()) {
            return Err(Error::SlotFull);
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
            ("service", new.service.code.into()),
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
            ("online_seats", i64::from(new.service.online_seats()).into()),
            ("retry_since", retry_since.as_str().into()),
            ("challenge", admission.challenge.into()),
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

/// R03: what anyone holding the number may see. No personal data but a masked name.
#[derive(Debug, Serialize)]
pub struct BookingStatusView {
    pub service: String,
    pub date: String,
    pub time: String,
    pub slot_start: String,
    pub state: String,
    pub cancel_reason: Option<String>,
    pub name: String,
}

impl Booking {
    pub fn status_view(&self) -> BookingStatusView {
        let local = self.slot_start.with_timezone(&OFFICE_TZ);
        BookingStatusView {
            service: self.service.clone(),
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            slot_start: local.to_rfc3339(),
            state: self.state.clone(),
            cancel_reason: self.cancel_reason.clone(),
            name: mask_name(&self.name),
        }
    }
}

#[cfg(test)]
mod tests;
