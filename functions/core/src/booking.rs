//! Online booking (R01, R02, R06–R11, R12/R13 refusal, R17) and the status check (R03).

use crate::cnp::refuse_cnp;
use crate::error::Error;
use crate::identity::{Email, PersonName, Phone, Vin, mask_name};
use crate::office::{OFFICE_TZ, Office, Proof, Service, Slot, to_utc};
use crate::storage::{Database, Row, Value};
use crate::token::{ReservationNumber, hex_sha256};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Identical content within this window is a retried submission, not a new booking,
/// and the reply to it (with the reservation number) is kept this long.
const RETRY_WINDOW: Duration = Duration::minutes(10);
const MAX_FIELD_CHARS: usize = 200;
const MAX_IDEMPOTENCY_KEY: usize = 200;
const FIELDS: &[&str] = &[
    "service", "slot", "name", "phone", "email", "vin", "holder", "consent", "lang",
];

/// Database times: UTC, second precision, sortable as text.
pub fn db_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn parse_db_time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("database times are RFC 3339")
        .with_timezone(&Utc)
}

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

fn required<'a>(fields: &'a BTreeMap<String, String>, field: &str) -> Result<&'a str, Error> {
    fields
        .get(field)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            Error::field(
                "required",
                field,
                "This field is required.",
                "Câmpul este obligatoriu.",
            )
        })
}

fn optional<'a>(fields: &'a BTreeMap<String, String>, field: &str) -> Option<&'a str> {
    fields
        .get(field)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
}

/// The booking form's fields as plain strings, from JSON or an HTML form.
pub type Fields = BTreeMap<String, String>;

impl<'o> NewBooking<'o> {
    /// Checks every field (R08–R11, R17) and the slot against the office calendar.
    pub fn parse(fields: &Fields, office: &'o Office, now: DateTime<Utc>) -> Result<Self, Error> {
        for (field, value) in fields {
            // R09 first: a CNP is refused wherever it appears, even in an unknown field.
            refuse_cnp(field, value)?;
            if !FIELDS.contains(&field.as_str()) {
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
    request_hash: String,
    #[serde(skip)]
    reply_number: Option<String>,
    #[serde(skip)]
    reply_until: Option<DateTime<Utc>>,
}

const BOOKING_COLUMNS: &str = "id, service, slot_start, slot_end, name, phone, email, holder, vin, state, cancel_reason, identity_key, request_hash, reply_number, reply_until";

impl Booking {
    fn from_row(r: &Row) -> Self {
        Booking {
            id: r.int("id"),
            service: r.text("service"),
            slot_start: parse_db_time(&r.text("slot_start")),
            slot_end: parse_db_time(&r.text("slot_end")),
            name: r.text("name"),
            phone: r.text("phone"),
            email: r.opt_text("email"),
            holder: r.opt_text("holder"),
            vin: r.opt_text("vin"),
            state: r.text("state"),
            cancel_reason: r.opt_text("cancel_reason"),
            identity_key: r.text("identity_key"),
            request_hash: r.text("request_hash"),
            reply_number: r.opt_text("reply_number"),
            reply_until: r.opt_text("reply_until").as_deref().map(parse_db_time),
        }
    }

    fn load_one(
        db: &dyn Database,
        sql_where: &str,
        params: &[Value],
    ) -> Result<Option<Booking>, Error> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE {sql_where}");
        Ok(db
            .execute(&sql, params)?
            .first()
            .map(|r| Booking::from_row(&r)))
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

/// The whole booking is this one statement, so the write lock is held only for it:
/// a seat must be left (R01) and no retry of the same submission may already be in.
/// The triggers cancel duplicates (R06/R07) and forget expired replies atomically with it.
const INSERT_IF_SEAT_LEFT: &str = "INSERT INTO bookings
    (number_hash, service, slot_start, slot_end, name, phone, email, holder, vin,
     identity_key, request_hash, idempotency_key_hash, reply_number, reply_until, created_at)
    SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
    WHERE (SELECT COUNT(*) FROM bookings
           WHERE service = ?2 AND slot_start = ?3
             AND (state != 'cancelled' OR seat_free_at > ?15)) < ?16
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE request_hash = ?11 AND created_at > ?17)
      AND NOT EXISTS (SELECT 1 FROM bookings WHERE idempotency_key_hash = ?12)
      AND NOT EXISTS (SELECT 1 FROM closed_windows
                      WHERE service = ?2 AND starts_at < ?4 AND ends_at > ?3)
    RETURNING id";

/// R18: slots inside a window the office closed take no bookings.
const SLOT_CLOSED: &str = "SELECT 1 AS closed FROM closed_windows
    WHERE service = ? AND starts_at < ? AND ends_at > ? LIMIT 1";

/// A seat is taken by a live booking, or by a cancelled one still held back (R14).
const SEATS_TAKEN: &str = "SELECT COUNT(*) AS taken FROM bookings
    WHERE service = ? AND slot_start = ? AND (state != 'cancelled' OR seat_free_at > ?)";

const ACTIVE_BAN: &str =
    "SELECT MAX(ends_at) AS until FROM bans WHERE contact IN (?, ?) AND ends_at > ?";

/// The keys bans are recorded under (R12, R13).
pub fn ban_contacts(phone: &Phone, email: Option<&Email>) -> (String, Option<String>) {
    (
        format!("phone:{}", phone.as_str()),
        email.map(|e| format!("email:{}", e.as_str().to_lowercase())),
    )
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

/// Books a seat, or answers a retried submission with the booking it already made.
pub fn book(
    db: &dyn Database,
    new: &NewBooking,
    idempotency_key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Booked, Error> {
    let key_hash = idempotency_key_hash(idempotency_key)?;
    let request_hash = new.request_hash();
    // Reads first, without the write lock: retries, bans and full slots are answered
    // without queueing behind the writers in a rush.
    if let Some(replay) = find_replay(db, key_hash.as_deref(), &request_hash, now)? {
        return Ok(replay);
    }
    refuse_banned(db, new, now)?;
    let slot_start = db_time(new.slot.start);
    let closed = db.execute(
        SLOT_CLOSED,
        &[
            new.service.code.into(),
            db_time(new.slot.end).into(),
            slot_start.as_str().into(),
        ],
    )?;
    if closed.first().is_some() {
        return Err(Error::conflict(
            "slot_closed",
            "slot",
            "The office closed this time window; choose another time.",
            "Instituția a închis acest interval; alegeți altă oră.",
        ));
    }
    if seats_taken(db, new.service, &slot_start, now)? >= i64::from(new.service.online_seats()) {
        return Err(Error::SlotFull);
    }
    let number = ReservationNumber::generate();
    let (vin, holder) = new.proof_columns();
    let inserted = db.execute(
        INSERT_IF_SEAT_LEFT,
        &[
            number.hash().into(),
            new.service.code.into(),
            slot_start.into(),
            db_time(new.slot.end).into(),
            new.name.as_str().into(),
            new.phone.as_str().into(),
            new.email.as_ref().map(Email::as_str).into(),
            holder.into(),
            vin.into(),
            new.identity_key().into(),
            request_hash.clone().into(),
            key_hash.clone().into(),
            number.to_string().into(),
            db_time(now + RETRY_WINDOW).into(),
            db_time(now).into(),
            i64::from(new.service.online_seats()).into(),
            db_time(now - RETRY_WINDOW).into(),
        ],
    )?;
    match inserted.first() {
        Some(row) => {
            let booking =
                Booking::load_one(db, "id = ?", &[row.int("id").into()])?.expect("just inserted");
            Ok(Booked {
                booking,
                number: Some(number),
                replayed: false,
            })
        }
        // Either the last seat went, or an identical submission got in first.
        None => find_replay(db, key_hash.as_deref(), &request_hash, now)?.ok_or(Error::SlotFull),
    }
}

fn seats_taken(
    db: &dyn Database,
    service: &Service,
    slot_start: &str,
    now: DateTime<Utc>,
) -> Result<i64, Error> {
    let rows = db.execute(
        SEATS_TAKEN,
        &[service.code.into(), slot_start.into(), db_time(now).into()],
    )?;
    Ok(rows.first().map_or(0, |r| r.int("taken")))
}

fn refuse_banned(db: &dyn Database, new: &NewBooking, now: DateTime<Utc>) -> Result<(), Error> {
    let (phone, email) = ban_contacts(&new.phone, new.email.as_ref());
    let rows = db.execute(
        ACTIVE_BAN,
        &[
            phone.clone().into(),
            email.unwrap_or(phone).into(),
            db_time(now).into(),
        ],
    )?;
    match rows.first().and_then(|r| r.opt_text("until")) {
        Some(until) => Err(Error::ContactBanned {
            until: parse_db_time(&until).with_timezone(&OFFICE_TZ).date_naive(),
        }),
        None => Ok(()),
    }
}

fn find_replay(
    db: &dyn Database,
    key_hash: Option<&str>,
    request_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<Booked>, Error> {
    let earlier = match key_hash {
        Some(k) => {
            let found = Booking::load_one(db, "idempotency_key_hash = ?", &[k.into()])?;
            if found
                .as_ref()
                .is_some_and(|b| b.request_hash != request_hash)
            {
                return Err(Error::field(
                    "idempotency_key_reused",
                    "Idempotency-Key",
                    "This Idempotency-Key was used for a different booking.",
                    "Această cheie Idempotency-Key a fost folosită pentru altă programare.",
                ));
            }
            found
        }
        None => None,
    };
    let earlier = match earlier {
        Some(b) => Some(b),
        None => Booking::load_one(
            db,
            "request_hash = ? AND created_at > ? ORDER BY id DESC LIMIT 1",
            &[request_hash.into(), db_time(now - RETRY_WINDOW).into()],
        )?,
    };
    Ok(earlier.map(|booking| {
        let number = booking
            .reply_until
            .filter(|until| *until > now)
            .and(booking.reply_number.as_deref())
            .and_then(|n| ReservationNumber::parse(n).ok());
        Booked {
            booking,
            number,
            replayed: true,
        }
    }))
}

/// R03: what anyone holding the number may see. No personal data but a masked name.
#[derive(Debug, Serialize)]
pub struct StatusView {
    pub service: String,
    pub date: String,
    pub time: String,
    pub slot_start: String,
    pub state: String,
    pub cancel_reason: Option<String>,
    pub name: String,
}

impl Booking {
    pub fn status_view(&self) -> StatusView {
        let local = self.slot_start.with_timezone(&OFFICE_TZ);
        StatusView {
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
