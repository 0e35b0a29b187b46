//! A stored complaint and its append-only event log: reading them, appending to the
//! log, and queueing the notices the complainant gets.

use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::token::ReservationNumber;
use crate::messaging::messages::{Notice, sms_payload};
use crate::messaging::queue;
use crate::storage::{Database, Row, StorageError, db_time};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// Complaint numbers have the form of reservation numbers: 100 random bits, hashed.
pub type ComplaintNumber = ReservationNumber;

/// A stored complaint.
#[derive(Debug, Clone, Serialize)]
pub struct Complaint {
    pub id: i64,
    pub kind: String,
    #[serde(skip)]
    pub booking_id: Option<i64>,
    /// The digital order it cites, if any (staff open it by this id).
    pub order_id: Option<i64>,
    pub serial_number: Option<String>,
    pub description: String,
    pub solution_idea: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub severity: Option<String>,
    pub channel: Option<String>,
    pub received_at: DateTime<Utc>,
    /// The language the complainant wrote in: their messages are in it.
    #[serde(skip)]
    pub lang: Lang,
}

const COLUMNS: &str = "id, kind, booking_id, order_id, serial_number, description, solution_idea, email, phone, severity, channel, received_at, lang";

impl Complaint {
    pub(super) fn from_row(r: &Row) -> Result<Self, StorageError> {
        Ok(Complaint {
            id: r.int("id")?,
            kind: r.text("kind")?,
            booking_id: r.opt_int("booking_id")?,
            order_id: r.opt_int("order_id")?,
            serial_number: r.opt_text("serial_number")?,
            description: r.text("description")?,
            solution_idea: r.opt_text("solution_idea")?,
            email: r.opt_text("email")?,
            phone: r.opt_text("phone")?,
            severity: r.opt_text("severity")?,
            channel: r.opt_text("channel")?,
            received_at: r.time("received_at")?,
            lang: Lang::from_code(Some(&r.text("lang")?)),
        })
    }

    fn load(
        db: &dyn Database,
        sql_where: &str,
        params: &[crate::storage::Value],
    ) -> Result<Option<Complaint>, Error> {
        let sql = format!("SELECT {COLUMNS} FROM complaints WHERE {sql_where}");
        Ok(db
            .execute(&sql, params)?
            .read_first(|r| Complaint::from_row(&r))?)
    }

    pub fn by_id(db: &dyn Database, id: i64) -> Result<Option<Complaint>, Error> {
        Complaint::load(db, "id = ?", &[id.into()])
    }

    pub fn by_number(
        db: &dyn Database,
        number: &ComplaintNumber,
    ) -> Result<Option<Complaint>, Error> {
        Complaint::load(db, "number_hash = ?", &[number.hash().into()])
    }
}

/// One line of a complaint's log.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    #[serde(skip)]
    pub id: i64,
    /// `received`, `acknowledged`, `progress`, `resolved`, `new_timeline`, `escalated`.
    pub kind: String,
    pub at: DateTime<Utc>,
    pub staff: Option<String>,
    pub text: Option<String>,
    pub until: Option<NaiveDate>,
}

const EVENTS: &str = "SELECT id, complaint_id, kind, at, staff, text, until FROM complaint_events
    WHERE complaint_id = ? ORDER BY id";

pub(super) fn event_from_row(r: &Row) -> Result<Event, StorageError> {
    Ok(Event {
        id: r.int("id")?,
        kind: r.text("kind")?,
        at: r.time("at")?,
        staff: r.opt_text("staff")?,
        text: r.opt_text("text")?,
        until: r
            .opt_text("until")?
            .and_then(|u| NaiveDate::parse_from_str(&u, "%Y-%m-%d").ok()),
    })
}

pub fn events(db: &dyn Database, id: i64) -> Result<Vec<Event>, Error> {
    Ok(db
        .execute(EVENTS, &[id.into()])?
        .read(|r| event_from_row(&r))?)
}

pub(super) fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&OFFICE_TZ).date_naive()
}

const EVENT: &str = "INSERT INTO complaint_events (complaint_id, kind, at, staff, text, until) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
/// Appends one line to a complaint's log; its id keys the messages it causes.
pub(super) fn log_event(
    db: &dyn Database,
    complaint_id: i64,
    kind: &str,
    staff: Option<&str>,
    text: Option<&str>,
    until: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, Error> {
    let inserted = db.execute(
        EVENT,
        &[
            complaint_id.into(),
            kind.into(),
            db_time(now).into(),
            staff.into(),
            text.into(),
            until.into(),
        ],
    )?;
    Ok(inserted.read_first(|r| r.int("id"))?.unwrap_or_default())
}

/// Queues a notice to the complainant on each contact they gave, once per `key`;
/// `secret` is the number or link token its texts carry, kept out of the stored texts
/// until sent (issue 25).
pub(super) fn queue(
    db: &dyn Database,
    complaint: &Complaint,
    kind: &str,
    key: &str,
    notice: &Notice,
    secret: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let channels = [
        ("email", complaint.email.as_deref(), notice.email.payload()),
        ("sms", complaint.phone.as_deref(), sms_payload(&notice.sms)),
    ];
    for (channel, recipient, payload) in channels {
        let Some(recipient) = recipient else { continue };
        let message = queue::Rendered {
            about: queue::About::Complaint(complaint.id),
            kind,
            channel,
            recipient,
            occasion: Some(key),
            payload: &payload,
            secret,
        };
        queue::rendered(db, &message, now)?;
    }
    Ok(())
}
