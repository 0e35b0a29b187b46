//! C01 intake: the complaint form's fields checked (T01, R09, R20), then the complaint,
//! its first event and its acknowledgement stored together.

use super::deadlines::Progress;
use super::record::{Complaint, ComplaintNumber, log_event, queue};
use super::vocabulary::{
    Channel, DESCRIPTION, Kind, MAX_SHORT, SOLUTION_IDEA, Severity, Vocabulary,
};
use crate::identity::cnp::refuse_cnp;
use crate::identity::{Email, Phone};
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::idempotency;
use crate::kernel::text::Lang;
use crate::kernel::token::ReservationNumber;
use crate::messaging::links::Links;
use crate::messaging::messages;
use crate::office::Office;
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};

/// What a complaint carries, each field its own input on the complaints form; besides
/// these, a submission may only name its `lang`.
pub const INPUTS: &[&str] = &[
    Kind::FIELD.name,
    "reservation_number",
    "order_number",
    "serial_number",
    DESCRIPTION.name,
    SOLUTION_IDEA.name,
    "email",
    "phone",
    Severity::FIELD.name,
    Channel::FIELD.name,
];
const RETRY_WINDOW: Duration = Duration::minutes(10);

/// An intake whose every field has been checked.
#[derive(Debug)]
pub struct NewComplaint {
    pub kind: Kind,
    pub booking_id: Option<i64>,
    /// A digital order the complaint is about (D04), cited by its number.
    pub order_id: Option<i64>,
    pub serial_number: Option<String>,
    pub description: String,
    pub solution_idea: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub severity: Option<Severity>,
    pub channel: Option<Channel>,
    /// The language the complainant wrote in (`lang`; Romanian when not given): their
    /// messages are in it.
    pub lang: Lang,
}

fn text<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The term a field names, in any letter case, from its vocabulary's `parse`.
fn one_of<T>(
    fields: &Fields,
    name: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, Error> {
    match text(fields, name) {
        None => Ok(None),
        Some(v) => parse(&v.to_ascii_lowercase())
            .map(Some)
            .ok_or_else(|| Error::field("invalid_choice", name)),
    }
}

pub(super) fn limited(fields: &Fields, name: &str, max: usize) -> Result<Option<String>, Error> {
    match text(fields, name) {
        Some(v) if v.chars().count() > max => Err(Error::field("too_long", name)),
        v => Ok(v.map(str::to_owned)),
    }
}

const BOOKING_BY_NUMBER: &str = "SELECT id FROM bookings WHERE number_hash = ?";
const ORDER_BY_NUMBER: &str = "SELECT id FROM orders WHERE number_hash = ?";

impl NewComplaint {
    /// C01, T01, R09 (a CNP anywhere is refused), R20 (the booking cited must exist).
    pub fn parse(fields: &Fields, db: &dyn Database) -> Result<Self, Error> {
        for (field, value) in fields {
            refuse_cnp(field, value)?;
            if !INPUTS.contains(&field.as_str()) && field != "lang" {
                return Err(Error::field("unknown_field", field));
            }
        }
        let kind = one_of(fields, Kind::FIELD.name, Kind::parse)?
            .ok_or_else(|| Error::field("required", Kind::FIELD.name))?;
        let description = limited(fields, DESCRIPTION.name, DESCRIPTION.max_chars)?
            .ok_or_else(|| Error::field("required", DESCRIPTION.name))?;
        let order_id = match text(fields, "order_number") {
            None => None,
            Some(n) => {
                let unknown = || Error::field("order_unknown", "order_number");
                let number = ReservationNumber::parse(n).map_err(|_| unknown())?;
                let found = db.execute(ORDER_BY_NUMBER, &[number.hash().into()])?;
                Some(found.read_first(|r| r.int("id"))?.ok_or_else(unknown)?)
            }
        };
        let booking_id = match text(fields, "reservation_number") {
            None if order_id.is_some() => None,
            None if matches!(kind, Kind::Service | Kind::Proposal) => {
                return Err(Error::field(
                    "reservation_number_required",
                    "reservation_number",
                ));
            }
            None => None,
            Some(n) => {
                let unknown = || Error::field("reservation_unknown", "reservation_number");
                let number = ReservationNumber::parse(n).map_err(|_| unknown())?;
                let found = db.execute(BOOKING_BY_NUMBER, &[number.hash().into()])?;
                Some(found.read_first(|r| r.int("id"))?.ok_or_else(unknown)?)
            }
        };
        let email = text(fields, "email")
            .map(|e| Email::parse(e).map_err(|e| e.in_field("email")))
            .transpose()?;
        let phone = text(fields, "phone")
            .map(|p| Phone::parse(p).map_err(|e| e.in_field("phone")))
            .transpose()?;
        if email.is_none() && phone.is_none() {
            return Err(Error::field("contact_required", "email"));
        }
        let severity = one_of(fields, Severity::FIELD.name, Severity::parse)?;
        let channel = one_of(fields, Channel::FIELD.name, Channel::parse)?;
        let given = [
            (severity.is_some(), Severity::FIELD.name),
            (channel.is_some(), Channel::FIELD.name),
        ];
        if kind == Kind::Technical {
            for (given, field) in given {
                if !given {
                    return Err(Error::field("required", field));
                }
            }
        } else if let Some(field) = given.iter().find_map(|(g, f)| g.then_some(*f)) {
            return Err(Error::field("field_not_for_kind", field));
        }
        Ok(NewComplaint {
            kind,
            booking_id,
            order_id,
            serial_number: limited(fields, "serial_number", MAX_SHORT)?,
            description,
            solution_idea: limited(fields, SOLUTION_IDEA.name, SOLUTION_IDEA.max_chars)?,
            email,
            phone,
            severity,
            channel,
            lang: Lang::from_code(text(fields, "lang")),
        })
    }

    /// What a retry must repeat for its key to answer this complaint again.
    fn request_hash(&self) -> String {
        idempotency::content_hash(&serde_json::json!([
            self.kind.code(),
            self.booking_id,
            self.order_id,
            self.serial_number,
            self.description,
            self.solution_idea,
            self.email.as_ref().map(Email::as_str),
            self.phone.as_ref().map(Phone::as_str),
            self.severity.map(Severity::code),
            self.channel.map(Channel::code),
        ]))
    }
}

/// What an intake produced.
#[derive(Debug)]
pub struct Submitted {
    pub complaint: Complaint,
    pub progress: Progress,
    /// None only for a retry after its reply was forgotten.
    pub number: Option<ComplaintNumber>,
    pub replayed: bool,
}

const INSERT: &str = "INSERT INTO complaints
    (number_hash, kind, booking_id, serial_number, description, solution_idea, email, phone,
     severity, channel, received_at, idempotency_key_hash, reply_number, reply_until, challenge,
     order_id, request_hash, lang)
    VALUES (:number_hash, :kind, :booking, :serial_number, :description, :solution_idea, :email,
            :phone, :severity, :channel, :now, :idempotency_key_hash, :reply_number, :reply_until,
            :challenge, :order, :request_hash, :lang)
    ON CONFLICT DO NOTHING RETURNING id";
const BY_KEY: &str = "SELECT id, reply_number, reply_until, request_hash FROM complaints
    WHERE idempotency_key_hash = ?";

/// C01/C02: stores the complaint, its first event and the acknowledgement in one
/// transaction; an `Idempotency-Key` makes a retried intake answer the first one.
pub fn submit(
    db: &dyn Database,
    office: &Office,
    new: &NewComplaint,
    idempotency_key: Option<&str>,
    challenge: Option<&str>,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Submitted, Error> {
    let key_hash = idempotency::key_hash(idempotency_key)?;
    let request_hash = new.request_hash();
    let number = ComplaintNumber::generate();
    let inserted = in_transaction(db, || {
        let row = db.execute_named(
            INSERT,
            &[
                ("number_hash", number.hash().into()),
                ("kind", new.kind.code().into()),
                ("booking", new.booking_id.into()),
                ("serial_number", new.serial_number.as_deref().into()),
                ("description", new.description.as_str().into()),
                ("solution_idea", new.solution_idea.as_deref().into()),
                ("email", new.email.as_ref().map(Email::as_str).into()),
                ("phone", new.phone.as_ref().map(Phone::as_str).into()),
                ("severity", new.severity.map(Severity::code).into()),
                ("channel", new.channel.map(Channel::code).into()),
                ("now", db_time(now).into()),
                ("idempotency_key_hash", key_hash.clone().into()),
                ("reply_number", number.to_string().into()),
                ("reply_until", db_time(now + RETRY_WINDOW).into()),
                ("challenge", challenge.into()),
                ("order", new.order_id.into()),
                ("request_hash", request_hash.as_str().into()),
                ("lang", new.lang.code().into()),
            ],
        )?;
        let Some(id) = row.read_first(|r| r.int("id"))? else {
            return Ok(None);
        };
        log_event(db, id, "received", None, None, None, now)?;
        let complaint = Complaint::by_id(db, id)?.expect("just inserted");
        let progress = Progress::load(db, office, &complaint)?;
        let shown = number.to_string();
        let notice = messages::complaint_ack(
            complaint.lang,
            &shown,
            complaint.received_at,
            progress.resolve_by,
            &links.to(&format!("api/complaints/{shown}")),
        );
        queue(
            db,
            &complaint,
            "complaint_ack",
            "1",
            &notice,
            Some(&shown),
            now,
        )?;
        Ok(Some((complaint, progress)))
    })?;
    match inserted {
        Some((complaint, progress)) => Ok(Submitted {
            complaint,
            progress,
            number: Some(number),
            replayed: false,
        }),
        None => {
            let row = db
                .execute(BY_KEY, &[key_hash.clone().into()])?
                .read_first(|r| {
                    Ok((
                        r.int("id")?,
                        r.opt_text("reply_number")?,
                        r.opt_time("reply_until")?,
                        r.opt_text("request_hash")?,
                    ))
                })?
                // Not a retry: the proof-of-work challenge was used already.
                .ok_or_else(crate::defence::challenge::used)?;
            if row.3.as_deref() != Some(request_hash.as_str()) {
                return Err(idempotency::key_reused());
            }
            let complaint = Complaint::by_id(db, row.0)?.ok_or(Error::NotFound)?;
            let progress = Progress::load(db, office, &complaint)?;
            let number = row
                .2
                .filter(|until| *until > now)
                .and(row.1)
                .and_then(|n| ComplaintNumber::parse(&n).ok());
            Ok(Submitted {
                complaint,
                progress,
                number,
                replayed: true,
            })
        }
    }
}
