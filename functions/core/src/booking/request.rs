//! The booking form, checked: every field (R08–R11, R17) and the slot against the
//! office calendar, before anything is stored.

use crate::identity::cnp::refuse_cnp;
use crate::identity::{Email, PersonName, Phone, Vin};
use crate::kernel::error::Error;
use crate::kernel::fields::{Fields, optional, required};
use crate::kernel::idempotency;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::to_utc;
use crate::kernel::token::LinkToken;
use crate::office::{Desk, Office, Proof, Setup, Slot};
use crate::storage::db_time;
use chrono::{DateTime, NaiveDateTime, Utc};

const MAX_FIELD_CHARS: usize = 200;

/// What the booker types or ticks, each field its own input on the booking form;
/// besides these, a booking names its `service`, `location` (when the service is given
/// at more than one), `slot` (a choice of times) and `lang`.
pub const INPUTS: &[&str] = &["name", "phone", "email", "vin", "holder", "consent"];

/// The extra proof a booking carries (R05, R06, R07).
#[derive(Debug, Clone)]
pub enum ProofValue {
    Vin(Vin),
    Holder(PersonName),
    /// A service that asks for no proof (a certificate pick-up).
    None,
}

/// A booking request whose every field has been checked.
#[derive(Debug, Clone)]
pub struct NewBooking<'o> {
    pub desk: Desk<'o>,
    pub slot: Slot,
    pub name: PersonName,
    pub phone: Phone,
    pub email: Option<Email>,
    pub proof: ProofValue,
    /// The language the booker wrote in (`lang`; Romanian when not given): their
    /// messages are in it.
    pub lang: Lang,
}

impl<'o> NewBooking<'o> {
    /// Checks every field (R08–R11, R17) and the slot against the office calendar.
    pub fn parse(
        fields: &Fields,
        office: &Office,
        setup: &'o Setup,
        now: DateTime<Utc>,
    ) -> Result<Self, Error> {
        for (field, value) in fields {
            // R09 first: a CNP is refused wherever it appears, even in an unknown field.
            refuse_cnp(field, value)?;
            if !INPUTS.contains(&field.as_str())
                && !matches!(field.as_str(), "service" | "location" | "slot" | "lang")
            {
                return Err(Error::field("unknown_field", field));
            }
            if value.chars().count() > MAX_FIELD_CHARS {
                return Err(Error::field("too_long", field));
            }
        }
        let desk = setup.bookable_desk(optional(fields, "location"), required(fields, "service")?)?;
        let slot = parse_slot(required(fields, "slot")?, &desk, office, now)?;
        let name = PersonName::parse(required(fields, "name")?).map_err(|e| e.in_field("name"))?;
        let phone = Phone::parse(required(fields, "phone")?).map_err(|e| e.in_field("phone"))?;
        let email = optional(fields, "email")
            .map(|e| Email::parse(e).map_err(|e| e.in_field("email")))
            .transpose()?;
        let not_asked = |field: &str| {
            if optional(fields, field).is_some() {
                return Err(Error::field("field_not_for_service", field));
            }
            Ok(())
        };
        let proof = match desk.service.proof {
            Proof::Vin => {
                not_asked("holder")?;
                ProofValue::Vin(
                    Vin::parse(required(fields, "vin")?).map_err(|e| e.in_field("vin"))?,
                )
            }
            Proof::Holder => {
                not_asked("vin")?;
                // The booker is the holder unless they book by mandate for someone else.
                let holder = match optional(fields, "holder") {
                    Some(h) => PersonName::parse(h).map_err(|e| e.in_field("holder"))?,
                    None => name.clone(),
                };
                ProofValue::Holder(holder)
            }
            Proof::None => {
                not_asked("vin")?;
                not_asked("holder")?;
                ProofValue::None
            }
        };
        let consent =
            optional(fields, "consent").is_some_and(|c| matches!(c, "true" | "on" | "yes" | "1"));
        if !consent {
            return Err(Error::field("consent_required", "consent"));
        }
        Ok(NewBooking {
            desk,
            slot,
            name,
            phone,
            email,
            proof,
            lang: Lang::from_code(optional(fields, "lang")),
        })
    }

    /// R06/R07: the key under which bookings for the same vehicle or person collide.
    /// A VIN collides across both vehicle services; a holder within one service. A
    /// service without proof has no duplicates: its key is the booking's own.
    pub fn identity_key(&self) -> String {
        match &self.proof {
            ProofValue::Vin(v) => format!("vin:{}", v.as_str()),
            ProofValue::Holder(h) => {
                format!("holder:{}:{}", self.desk.service.code, h.identity_key())
            }
            ProofValue::None => format!("none:{}", LinkToken::generate().hash()),
        }
    }

    /// The same content gives the same hash: a retried submission is recognised by it.
    pub(super) fn request_hash(&self) -> String {
        let (vin, holder) = self.proof_columns();
        let canonical = serde_json::json!([
            self.desk.location.code,
            self.desk.service.code,
            db_time(self.slot.start),
            self.name.as_str(),
            self.phone.as_str(),
            self.email.as_ref().map(Email::as_str),
            vin,
            holder,
        ]);
        idempotency::content_hash(&canonical)
    }

    pub(super) fn proof_columns(&self) -> (Option<&str>, Option<&str>) {
        match &self.proof {
            ProofValue::Vin(v) => (Some(v.as_str()), None),
            ProofValue::Holder(h) => (None, Some(h.as_str())),
            ProofValue::None => (None, None),
        }
    }
}

fn parse_slot(
    input: &str,
    desk: &Desk,
    office: &Office,
    now: DateTime<Utc>,
) -> Result<Slot, Error> {
    let invalid = || Error::field("invalid_slot", "slot");
    let start = match DateTime::parse_from_rfc3339(input) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(input, f).ok())
            .and_then(to_utc)
            .ok_or_else(invalid)?,
    };
    if start <= now {
        return Err(Error::field("slot_in_past", "slot"));
    }
    let date = start.with_timezone(&OFFICE_TZ).date_naive();
    let (_, last) = office.booking_window(now);
    if date > last {
        return Err(Error::field("slot_too_far", "slot"));
    }
    let slots = desk
        .slots(&office.closures, date)
        .map_err(|_| Error::field("day_closed", "slot"))?;
    slots
        .into_iter()
        .find(|s| s.start == start)
        .ok_or_else(invalid)
}
