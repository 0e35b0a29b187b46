//! Complaints, proposals and technical tickets (C01–C06, T01–T02, R09, R16, R20).
//! A complaint is its intake row and an append-only event log; its state and every
//! deadline are computed from the log on the office's business-day calendar.

use crate::booking::idempotency_key_hash;
use crate::messaging::links::Links;

use crate::identity::cnp::refuse_cnp;
use crate::identity::{Email, Phone};
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::start_of_day;
use crate::kernel::token::{LinkToken, ReservationNumber};
use crate::messaging::messages::{self, Notice, sms_payload};
use crate::office::Office;
use crate::office::calendar::BusinessDays;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, Row, StorageError, db_time, in_transaction};
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// Complaint numbers have the form of reservation numbers: 100 random bits, hashed.
pub type ComplaintNumber = ReservationNumber;

pub const KINDS: [&str; 4] = ["service", "product", "technical", "proposal"];
/// T01 severities and T02 fix times.
const SEVERITIES: [(&str, i64); 4] = [("critical", 24), ("high", 48), ("normal", 72), ("low", 72)];
const CHANNELS: [&str; 4] = ["chat", "email", "phone", "letter"];
/// What a complaint carries, each field its own input on the complaints form; besides
/// these, a submission may only name its `lang`.
pub const INPUTS: &[&str] = &[
    "kind",
    "reservation_number",
    "order_number",
    "serial_number",
    "description",
    "solution_idea",
    "email",
    "phone",
    "severity",
    "channel",
];
const MAX_DESCRIPTION: usize = 4000;
const MAX_SOLUTION: usize = 2000;
const MAX_SHORT: usize = 100;
/// C05: a complaint can go up this many levels above the first.
pub const MAX_LEVEL: u32 = 3;
const RETRY_WINDOW: Duration = Duration::minutes(10);

/// C02, C03, C04 in business days.
const ACKNOWLEDGE_DAYS: u32 = 7;
const PROGRESS_DAYS: u32 = 14;
const RESOLVE_DAYS: u32 = 30;

/// An intake whose every field has been checked.
#[derive(Debug)]
pub struct NewComplaint {
    pub kind: &'static str,
    pub booking_id: Option<i64>,
    /// A digital order the complaint is about (D04), cited by its number.
    pub order_id: Option<i64>,
    pub serial_number: Option<String>,
    pub description: String,
    pub solution_idea: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub severity: Option<&'static str>,
    pub channel: Option<&'static str>,
}

fn text<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn one_of(
    fields: &Fields,
    name: &str,
    allowed: &[&'static str],
) -> Result<Option<&'static str>, Error> {
    match text(fields, name) {
        None => Ok(None),
        Some(v) => allowed
            .iter()
            .find(|a| **a == v.to_ascii_lowercase())
            .copied()
            .map(Some)
            .ok_or_else(|| {
                Error::field(
                    "invalid_choice",
                    name,
                    "Choose one of the values offered.",
                    "Alegeți una dintre valorile oferite.",
                )
            }),
    }
}

fn limited(fields: &Fields, name: &str, max: usize) -> Result<Option<String>, Error> {
    match text(fields, name) {
        Some(v) if v.chars().count() > max => Err(Error::field(
            "too_long",
            name,
            "This field is too long.",
            "Câmpul este prea lung.",
        )),
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
                return Err(Error::field(
                    "unknown_field",
                    field,
                    "This field is not part of a complaint.",
                    "Acest câmp nu face parte din sesizare.",
                ));
            }
        }
        let kind = one_of(fields, "kind", &KINDS)?.ok_or_else(|| {
            Error::field(
                "required",
                "kind",
                "This field is required.",
                "Câmpul este obligatoriu.",
            )
        })?;
        let description = limited(fields, "description", MAX_DESCRIPTION)?.ok_or_else(|| {
            Error::field(
                "required",
                "description",
                "This field is required.",
                "Câmpul este obligatoriu.",
            )
        })?;
        let order_id = match text(fields, "order_number") {
            None => None,
            Some(n) => {
                let unknown = || {
                    Error::field(
                        "order_unknown",
                        "order_number",
                        "No order has this number.",
                        "Nicio comandă nu are acest număr.",
                    )
                };
                let number = ReservationNumber::parse(n).map_err(|_| unknown())?;
                let found = db.execute(ORDER_BY_NUMBER, &[number.hash().into()])?;
                Some(found.read_first(|r| r.int("id"))?.ok_or_else(unknown)?)
            }
        };
        let booking_id = match text(fields, "reservation_number") {
            None if order_id.is_some() => None,
            None if matches!(kind, "service" | "proposal") => {
                return Err(Error::field(
                    "reservation_number_required",
                    "reservation_number",
                    "A complaint or proposal about a booking must give its reservation number (or the order number of a digital order).",
                    "O sesizare sau propunere despre o programare trebuie să indice numărul rezervării (sau numărul comenzii digitale).",
                ));
            }
            None => None,
            Some(n) => {
                let unknown = || {
                    Error::field(
                        "reservation_unknown",
                        "reservation_number",
                        "No booking has this reservation number.",
                        "Nicio programare nu are acest număr de rezervare.",
                    )
                };
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
            return Err(Error::field(
                "contact_required",
                "email",
                "Give an email address or a phone number for the answer.",
                "Indicați o adresă de email sau un număr de telefon pentru răspuns.",
            ));
        }
        let severity = one_of(fields, "severity", &SEVERITIES.map(|(s, _)| s))?;
        let channel = one_of(fields, "channel", &CHANNELS)?;
        if kind == "technical" {
            for (value, field) in [(severity, "severity"), (channel, "channel")] {
                if value.is_none() {
                    return Err(Error::field(
                        "required",
                        field,
                        "A technical problem needs a severity and a preferred channel.",
                        "O problemă tehnică are nevoie de gravitate și de canalul preferat.",
                    ));
                }
            }
        } else if let Some(field) = [(severity, "severity"), (channel, "channel")]
            .iter()
            .find_map(|(v, f)| v.map(|_| *f))
        {
            return Err(Error::field(
                "field_not_for_kind",
                field,
                "Only technical problems take a severity and a channel.",
                "Doar problemele tehnice au gravitate și canal.",
            ));
        }
        Ok(NewComplaint {
            kind,
            booking_id,
            order_id,
            serial_number: limited(fields, "serial_number", MAX_SHORT)?,
            description,
            solution_idea: limited(fields, "solution_idea", MAX_SOLUTION)?,
            email,
            phone,
            severity,
            channel,
        })
    }
}

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
}

const COLUMNS: &str = "id, kind, booking_id, order_id, serial_number, description, solution_idea, email, phone, severity, channel, received_at";

impl Complaint {
    fn from_row(r: &Row) -> Result<Self, StorageError> {
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

    fn received_local(&self) -> String {
        office_day(self.received_at)
    }
}

/// A day as citizens read it in messages: `25.11.2026`, office time.
fn office_day(t: DateTime<Utc>) -> String {
    local_date(t).format("%d.%m.%Y").to_string()
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

fn event_from_row(r: &Row) -> Result<Event, StorageError> {
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

fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&OFFICE_TZ).date_naive()
}

/// The end of an office day: a deadline "by day D" runs until D's midnight.
fn end_of(date: NaiveDate) -> DateTime<Utc> {
    start_of_day(date + Days::new(1))
}

/// Where a complaint stands and what is due, computed from its log.
#[derive(Debug, Clone)]
pub struct Progress {
    /// 1, and one more for each escalation (C05).
    pub level: u32,
    /// Receipt, or the latest escalation: the current cycle's deadlines count from it.
    pub started: DateTime<Utc>,
    pub acknowledged: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    pub acknowledge_by: DateTime<Utc>,
    pub progress_by: Option<DateTime<Utc>>,
    /// C04 (30 business days) or T02 (24/48/72 hours by severity).
    pub resolve_by: DateTime<Utc>,
    /// The latest new timeline staff recorded in this cycle: its event and date.
    pub new_timeline: Option<(i64, NaiveDate)>,
}

impl Progress {
    pub fn compute(complaint: &Complaint, events: &[Event], days: &BusinessDays) -> Progress {
        let cycle_start = events
            .iter()
            .rposition(|e| e.kind == "received" || e.kind == "escalated")
            .unwrap_or(0);
        let level = 1 + events.iter().filter(|e| e.kind == "escalated").count() as u32;
        let cycle = &events[cycle_start..];
        let started = cycle.first().map_or(complaint.received_at, |e| e.at);
        let first = |kind: &str| cycle.iter().find(|e| e.kind == kind).map(|e| e.at);
        // C02: the automatic acknowledgement's event is written by the trigger
        // `outbox_complaint_acknowledged` (storage/migrations/v05_complaints.rs) once it is sent.
        let acknowledged = first("acknowledged");
        let updated = acknowledged.and(first("progress"));
        let resolved = first("resolved");
        let start_day = local_date(started);
        let technical_hours = complaint
            .severity
            .as_deref()
            .and_then(|s| SEVERITIES.iter().find(|(name, _)| *name == s))
            .map(|(_, h)| *h);
        let (acknowledge_by, progress_by, resolve_by) = match technical_hours {
            // T02: assessed at once, fixed within hours; the acknowledgement is due
            // by then too, and there is no separate progress deadline.
            Some(hours) => {
                let fix_by = started + Duration::hours(hours);
                (fix_by, None, fix_by)
            }
            None => (
                end_of(days.add_business_days(start_day, ACKNOWLEDGE_DAYS)),
                acknowledged.map(|a| end_of(days.add_business_days(local_date(a), PROGRESS_DAYS))),
                end_of(days.add_business_days(start_day, RESOLVE_DAYS)),
            ),
        };
        let new_timeline = cycle
            .iter()
            .rev()
            .find(|e| e.kind == "new_timeline")
            .and_then(|e| e.until.map(|u| (e.id, u)));
        Progress {
            level,
            started,
            acknowledged,
            updated,
            resolved,
            acknowledge_by,
            progress_by,
            resolve_by,
            new_timeline,
        }
    }

    /// The progress of a stored complaint, from its log as it stands.
    pub fn load(
        db: &dyn Database,
        office: &Office,
        complaint: &Complaint,
    ) -> Result<Progress, Error> {
        let log = events(db, complaint.id)?;
        Ok(Progress::compute(complaint, &log, &office.business_days()))
    }

    pub fn state(&self) -> &'static str {
        match (self.resolved, self.updated, self.acknowledged) {
            (Some(_), _, _) => "resolved",
            (None, Some(_), _) => "in_progress",
            (None, None, Some(_)) => "acknowledged",
            (None, None, None) if self.level > 1 => "escalated",
            _ => "received",
        }
    }

    /// The resolution date that holds now: a recorded new timeline moves it (C04).
    pub fn effective_resolve_by(&self) -> DateTime<Utc> {
        self.new_timeline.map_or(self.resolve_by, |(_, until)| {
            end_of(until).max(self.resolve_by)
        })
    }

    /// The deadlines not met yet in this cycle.
    pub fn pending(&self) -> Vec<(&'static str, DateTime<Utc>)> {
        if self.resolved.is_some() {
            return vec![];
        }
        let mut due = Vec::new();
        if self.acknowledged.is_none() {
            due.push(("acknowledge", self.acknowledge_by));
        }
        if let (Some(by), None) = (self.progress_by, self.updated) {
            due.push(("progress_update", by));
        }
        due.push(("resolution", self.effective_resolve_by()));
        due
    }

    /// `overdue`, `due_soon` (within `warning`) or `escalated`, for staff lists.
    pub fn flags(&self, warning: Duration, now: DateTime<Utc>) -> Vec<&'static str> {
        let pending = self.pending();
        let mut flags = Vec::new();
        if pending.iter().any(|(_, by)| *by <= now) {
            flags.push("overdue");
        } else if pending.iter().any(|(_, by)| *by - now <= warning) {
            flags.push("due_soon");
        }
        if self.level > 1 && self.resolved.is_none() {
            flags.push("escalated");
        }
        flags
    }
}

/// What anyone holding the complaint number may see: nothing personal.
#[derive(Debug, Serialize)]
pub struct StatusView {
    pub kind: String,
    pub state: &'static str,
    pub level: u32,
    pub severity: Option<String>,
    pub received_at: String,
    pub acknowledged_at: Option<String>,
    pub resolved_at: Option<String>,
    pub acknowledge_by: String,
    pub progress_update_by: Option<String>,
    pub resolve_by: String,
    pub new_timeline_until: Option<NaiveDate>,
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&OFFICE_TZ).to_rfc3339()
}

impl StatusView {
    /// The next deadline still to meet: the acknowledgement, then the earlier of the
    /// progress update and the resolution; none once resolved.
    pub fn next_deadline(&self) -> Option<&str> {
        if self.resolved_at.is_some() {
            None
        } else if self.acknowledged_at.is_none() {
            Some(&self.acknowledge_by)
        } else {
            Some(
                self.progress_update_by
                    .as_deref()
                    .filter(|p| *p < self.resolve_by.as_str())
                    .unwrap_or(&self.resolve_by),
            )
        }
    }

    pub fn new(complaint: &Complaint, p: &Progress) -> Self {
        StatusView {
            kind: complaint.kind.clone(),
            state: p.state(),
            level: p.level,
            severity: complaint.severity.clone(),
            received_at: local(complaint.received_at),
            acknowledged_at: p.acknowledged.map(local),
            resolved_at: p.resolved.map(local),
            acknowledge_by: local(p.acknowledge_by),
            progress_update_by: p.progress_by.map(local),
            resolve_by: local(p.effective_resolve_by()),
            new_timeline_until: p.new_timeline.map(|(_, u)| u),
        }
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
     order_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING RETURNING id";
const BY_KEY: &str =
    "SELECT id, reply_number, reply_until FROM complaints WHERE idempotency_key_hash = ?";
const EVENT: &str = "INSERT INTO complaint_events (complaint_id, kind, at, staff, text, until) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
/// Appends one line to a complaint's log; its id keys the messages it causes.
fn log_event(
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

const QUEUE: &str = "INSERT INTO outbox
    (dedupe_key, complaint_id, kind, channel, recipient, payload, next_attempt_at, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING";

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
    let key_hash = idempotency_key_hash(idempotency_key)?;
    let number = ComplaintNumber::generate();
    let inserted = in_transaction(db, || {
        let row = db.execute(
            INSERT,
            &[
                number.hash().into(),
                new.kind.into(),
                new.booking_id.into(),
                new.serial_number.as_deref().into(),
                new.description.as_str().into(),
                new.solution_idea.as_deref().into(),
                new.email.as_ref().map(Email::as_str).into(),
                new.phone.as_ref().map(Phone::as_str).into(),
                new.severity.into(),
                new.channel.into(),
                db_time(now).into(),
                key_hash.clone().into(),
                number.to_string().into(),
                db_time(now + RETRY_WINDOW).into(),
                challenge.into(),
                new.order_id.into(),
            ],
        )?;
        let Some(id) = row.read_first(|r| r.int("id"))? else {
            return Ok(None);
        };
        log_event(db, id, "received", None, None, None, now)?;
        let complaint = Complaint::by_id(db, id)?.expect("just inserted");
        let progress = Progress::load(db, office, &complaint)?;
        let notice = messages::complaint_ack(
            &number.to_string(),
            &complaint.received_local(),
            &office_day(progress.resolve_by),
            &links.to(&format!("api/complaints/{number}")),
        );
        queue(db, &complaint, "complaint_ack", "1", &notice, now)?;
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
                    ))
                })?
                // Not a retry: the proof-of-work challenge was used already.
                .ok_or_else(crate::defence::challenge::used)?;
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

/// Queues a notice to the complainant on each contact they gave, once per `key`.
fn queue(
    db: &dyn Database,
    complaint: &Complaint,
    kind: &str,
    key: &str,
    notice: &Notice,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let channels = [
        ("email", complaint.email.as_deref(), notice.email.payload()),
        ("sms", complaint.phone.as_deref(), sms_payload(&notice.sms)),
    ];
    for (channel, recipient, payload) in channels {
        let Some(recipient) = recipient else { continue };
        db.execute(
            QUEUE,
            &[
                format!("{kind}:{channel}:{}:{key}", complaint.id).into(),
                complaint.id.into(),
                kind.into(),
                channel.into(),
                recipient.into(),
                payload.into(),
                db_time(now).into(),
                db_time(now).into(),
            ],
        )?;
    }
    Ok(())
}

/// A staff step in the workflow (C02–C04).
#[derive(Debug)]
pub enum Step {
    Acknowledge,
    ProgressUpdate {
        text: String,
    },
    Resolve {
        decision: String,
    },
    NewTimeline {
        explanation: String,
        until: NaiveDate,
    },
}

impl Step {
    /// The step named in the path, with its fields from the body.
    pub fn parse(name: &str, fields: &Fields) -> Result<Step, Error> {
        // R09 holds for staff texts too: they reach the complainant and the log.
        for (field, value) in fields {
            refuse_cnp(field, value)?;
        }
        let required = |field: &str| -> Result<String, Error> {
            limited(fields, field, MAX_DESCRIPTION)?.ok_or_else(|| {
                Error::field(
                    "required",
                    field,
                    "This field is required.",
                    "Câmpul este obligatoriu.",
                )
            })
        };
        Ok(match name {
            "acknowledge" => Step::Acknowledge,
            "progress" => Step::ProgressUpdate {
                text: required("text")?,
            },
            "resolve" => Step::Resolve {
                decision: required("decision")?,
            },
            "timeline" => Step::NewTimeline {
                explanation: required("explanation")?,
                until: NaiveDate::parse_from_str(&required("until")?, "%Y-%m-%d").map_err(
                    |_| {
                        Error::field(
                            "invalid_date",
                            "until",
                            "Give the date as YYYY-MM-DD.",
                            "Introduceți data în forma AAAA-LL-ZZ.",
                        )
                    },
                )?,
            },
            _ => return Err(Error::NotFound),
        })
    }

    fn event_kind(&self) -> &'static str {
        match self {
            Step::Acknowledge => "acknowledged",
            Step::ProgressUpdate { .. } => "progress",
            Step::Resolve { .. } => "resolved",
            Step::NewTimeline { .. } => "new_timeline",
        }
    }
}

fn refused(code: &'static str, en: &'static str, ro: &'static str) -> Error {
    Error::conflict(code, "state", en, ro)
}

/// One staff step: the event, its message and the audit line commit together.
pub fn take_step(
    db: &dyn Database,
    office: &Office,
    id: i64,
    step: &Step,
    who: &Staff,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Progress, Error> {
    in_transaction(db, || {
        let complaint = Complaint::by_id(db, id)?.ok_or(Error::NotFound)?;
        let before = Progress::load(db, office, &complaint)?;
        if before.resolved.is_some() {
            return Err(refused(
                "already_resolved",
                "This complaint is resolved; only the complainant can reopen it.",
                "Sesizarea este soluționată; doar petentul o poate redeschide.",
            ));
        }
        match step {
            Step::Acknowledge if before.acknowledged.is_some() => {
                return Err(refused(
                    "already_acknowledged",
                    "This complaint is already acknowledged.",
                    "Sesizarea este deja confirmată.",
                ));
            }
            Step::ProgressUpdate { .. } if before.acknowledged.is_none() => {
                return Err(refused(
                    "not_acknowledged",
                    "Acknowledge the complaint before a progress update.",
                    "Confirmați sesizarea înaintea unei actualizări.",
                ));
            }
            Step::NewTimeline { until, .. } if *until <= local_date(now) => {
                return Err(Error::field(
                    "date_not_ahead",
                    "until",
                    "The new timeline must end after today.",
                    "Noul termen trebuie să fie după ziua de azi.",
                ));
            }
            _ => {}
        }
        let (text, until) = match step {
            Step::Acknowledge => (None, None),
            Step::ProgressUpdate { text } => (Some(text.as_str()), None),
            Step::Resolve { decision } => (Some(decision.as_str()), None),
            Step::NewTimeline { explanation, until } => {
                (Some(explanation.as_str()), Some(until.to_string()))
            }
        };
        let event_id = log_event(
            db,
            id,
            step.event_kind(),
            Some(&who.0),
            text,
            until.as_deref(),
            now,
        )?;
        let received = complaint.received_local();
        let key = event_id.to_string();
        match step {
            Step::Acknowledge => {}
            Step::ProgressUpdate { text } => {
                queue(
                    db,
                    &complaint,
                    "complaint_progress",
                    &key,
                    &messages::complaint_progress(&received, text),
                    now,
                )?;
            }
            Step::Resolve { decision } => {
                // C05: the decision carries the only link that escalates it.
                let token = LinkToken::generate();
                db.execute(
                    "UPDATE complaints SET escalation_token_hash = ? WHERE id = ?",
                    &[token.hash().into(), id.into()],
                )?;
                let link = links.to(&format!("escalate/{}", token.as_str()));
                queue(
                    db,
                    &complaint,
                    "complaint_decision",
                    &key,
                    &messages::complaint_decision(&received, decision, &link),
                    now,
                )?;
            }
            Step::NewTimeline { .. } => {
                // Recorded after the deadline was missed: the complainant hears now;
                // before it, the SLA check sends it when the deadline passes.
                if now >= before.resolve_by {
                    notify_missed_resolution(
                        db,
                        &complaint,
                        &before_with_timeline(&before, event_id, step),
                        now,
                    )?;
                }
            }
        }
        let after = Progress::load(db, office, &complaint)?;
        let entry = Entry::new(step_action(step), format!("complaint:{id}"))
            .change(before.state(), after.state())
            .detail(until_detail(step));
        audit(db, who, &entry, now)?;
        Ok(after)
    })
}

fn before_with_timeline(before: &Progress, event_id: i64, step: &Step) -> Progress {
    let mut p = before.clone();
    if let Step::NewTimeline { until, .. } = step {
        p.new_timeline = Some((event_id, *until));
    }
    p
}

fn step_action(step: &Step) -> &'static str {
    match step {
        Step::Acknowledge => "complaint_acknowledge",
        Step::ProgressUpdate { .. } => "complaint_progress",
        Step::Resolve { .. } => "complaint_resolve",
        Step::NewTimeline { .. } => "complaint_new_timeline",
    }
}

fn until_detail(step: &Step) -> String {
    match step {
        Step::NewTimeline { until, .. } => format!("new timeline until {until}"),
        _ => String::new(),
    }
}

const EVENT_TEXT: &str = "SELECT text FROM complaint_events WHERE id = ?";

/// C04 missed: the complainant gets the new timeline staff recorded (once per
/// timeline), or a holding notice (once per level) when there is none yet.
fn notify_missed_resolution(
    db: &dyn Database,
    complaint: &Complaint,
    progress: &Progress,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let received = complaint.received_local();
    match progress.new_timeline {
        Some((event_id, until)) => {
            let explanation = db
                .execute(EVENT_TEXT, &[event_id.into()])?
                .read_first(|r| r.text("text"))?
                .unwrap_or_default();
            let notice = messages::complaint_new_timeline(
                &received,
                &explanation,
                &until.format("%d.%m.%Y").to_string(),
            );
            queue(
                db,
                complaint,
                "complaint_new_timeline",
                &event_id.to_string(),
                &notice,
                now,
            )
        }
        None => queue(
            db,
            complaint,
            "complaint_holding",
            &progress.level.to_string(),
            &messages::complaint_holding(&received),
            now,
        ),
    }
}

const BY_ESCALATION: &str = "SELECT id FROM complaints WHERE escalation_token_hash = ?";
const SPEND_ESCALATION: &str = "UPDATE complaints SET escalation_token_hash = NULL WHERE id = ? AND escalation_token_hash = ? RETURNING id";

/// The complaint an escalation link may still reopen: resolved, below the top level.
pub fn escalation(
    db: &dyn Database,
    office: &Office,
    token: &str,
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
    Ok(
        (progress.resolved.is_some() && progress.level < MAX_LEVEL)
            .then_some((complaint, progress)),
    )
}

/// C05: the complainant escalates; the complaint reopens one level up with new
/// deadlines from now, and an acknowledgement of the new level is queued.
pub fn escalate(
    db: &dyn Database,
    office: &Office,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let Some((complaint, _)) = escalation(db, office, token)? else {
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
            &complaint.received_local(),
            progress.level,
            &office_day(progress.resolve_by),
        );
        queue(
            db,
            &complaint,
            "complaint_ack",
            &progress.level.to_string(),
            &notice,
            now,
        )?;
        Ok(true)
    })
}

/// A complaint in the staff list.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub id: i64,
    pub kind: String,
    pub severity: Option<String>,
    #[serde(flatten)]
    pub status: StatusView,
    pub flags: Vec<&'static str>,
}

const RECENT: &str = "SELECT id, kind, booking_id, order_id, serial_number, description, solution_idea, email, phone, severity, channel, received_at
    FROM complaints ORDER BY id DESC LIMIT 1000";
const RECENT_EVENTS: &str =
    "SELECT id, complaint_id, kind, at, staff, text, until FROM complaint_events
    WHERE complaint_id IN (SELECT id FROM complaints ORDER BY id DESC LIMIT 1000) ORDER BY id";

/// Complaints with their computed state, newest first.
fn recent(db: &dyn Database, office: &Office) -> Result<Vec<(Complaint, Progress)>, Error> {
    let mut by_complaint: HashMap<i64, Vec<Event>> = HashMap::new();
    for r in db.execute(RECENT_EVENTS, &[])?.iter() {
        by_complaint
            .entry(r.int("complaint_id")?)
            .or_default()
            .push(event_from_row(&r)?);
    }
    let days = office.business_days();
    Ok(db.execute(RECENT, &[])?.read(|r| {
        let complaint = Complaint::from_row(&r)?;
        let log = by_complaint.remove(&complaint.id).unwrap_or_default();
        let progress = Progress::compute(&complaint, &log, &days);
        Ok((complaint, progress))
    })?)
}

/// The staff list: `open`, `due_soon`, `overdue`, `escalated` or `all`.
pub fn list(
    db: &dyn Database,
    office: &Office,
    filter: &str,
    warning: Duration,
    now: DateTime<Utc>,
) -> Result<Vec<Listed>, Error> {
    if !["open", "due_soon", "overdue", "escalated", "all"].contains(&filter) {
        return Err(Error::field(
            "invalid_filter",
            "filter",
            "Filter must be open, due_soon, overdue, escalated or all.",
            "Filtrul trebuie să fie open, due_soon, overdue, escalated sau all.",
        ));
    }
    Ok(recent(db, office)?
        .into_iter()
        .filter_map(|(c, p)| {
            let flags = p.flags(warning, now);
            let keep = match filter {
                "all" => true,
                "open" => p.resolved.is_none(),
                f => flags.contains(&f),
            };
            keep.then(|| Listed {
                id: c.id,
                kind: c.kind.clone(),
                severity: c.severity.clone(),
                status: StatusView::new(&c, &p),
                flags,
            })
        })
        .collect())
}

/// What one SLA check did.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct SlaReport {
    pub flagged: usize,
}

const FLAG: &str = "INSERT INTO complaint_sla_flags (complaint_id, flag, at) VALUES (?, ?, ?)
    ON CONFLICT DO NOTHING RETURNING flag";

/// C02–C04, T02: flags each open complaint's deadlines that are near (within
/// `warning`) or missed, tells staff once per complaint and state, and on a missed
/// resolution tells the complainant. Repeated and overlapping runs do nothing twice:
/// every flag and message has its unique key.
pub fn sla_check(
    db: &dyn Database,
    office: &Office,
    warning: Duration,
    staff_email: Option<&str>,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<SlaReport, Error> {
    let mut report = SlaReport::default();
    for (complaint, progress) in recent(db, office)? {
        if progress.resolved.is_some() {
            continue;
        }
        for (which, by) in progress.pending() {
            let status = if by <= now {
                "overdue"
            } else if by - now <= warning {
                "due_soon"
            } else {
                continue;
            };
            let flag = format!("{status}:{which}:{}:{}", progress.level, db_time(by));
            let fresh = in_transaction(db, || {
                let inserted = db.execute(
                    FLAG,
                    &[
                        complaint.id.into(),
                        flag.as_str().into(),
                        db_time(now).into(),
                    ],
                )?;
                if inserted.first().is_none() {
                    return Ok(false);
                }
                if let Some(to) = staff_email {
                    let email = messages::complaint_sla_staff(
                        complaint.id,
                        &complaint.kind,
                        &format!("{status} {which}"),
                        &local(by),
                        &links.to(&format!("api/staff/complaints/{}", complaint.id)),
                    );
                    db.execute(
                        QUEUE,
                        &[
                            format!("sla:{}:{flag}", complaint.id).into(),
                            complaint.id.into(),
                            "sla_staff".into(),
                            "email".into(),
                            to.into(),
                            email.payload().into(),
                            db_time(now).into(),
                            db_time(now).into(),
                        ],
                    )?;
                }
                Ok(true)
            })?;
            report.flagged += usize::from(fresh);
        }
        if now >= progress.resolve_by {
            notify_missed_resolution(db, &complaint, &progress, now)?;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn complaint(severity: Option<&str>) -> Complaint {
        Complaint {
            id: 1,
            kind: if severity.is_some() {
                "technical"
            } else {
                "service"
            }
            .to_owned(),
            booking_id: None,
            order_id: None,
            serial_number: None,
            description: "x".to_owned(),
            solution_idea: None,
            email: None,
            phone: Some("+40722123456".to_owned()),
            severity: severity.map(str::to_owned),
            channel: None,
            received_at: monday(),
        }
    }

    /// Monday 23 November 2026, 10:00 in Bucharest.
    fn monday() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
    }

    fn event(id: i64, kind: &str, at: DateTime<Utc>, until: Option<NaiveDate>) -> Event {
        Event {
            id,
            kind: kind.to_owned(),
            at,
            staff: None,
            text: None,
            until,
        }
    }

    fn local_midnight(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        end_of(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn c02_c03_c04_deadlines_follow_the_log() {
        let days = BusinessDays::default();
        let received = [event(1, "received", monday(), None)];
        let p = Progress::compute(&complaint(None), &received, &days);
        assert_eq!(p.state(), "received");
        assert_eq!(p.acknowledge_by, local_midnight(2026, 12, 4));
        assert_eq!(p.progress_by, None, "counted from the acknowledgement");
        assert_eq!(p.resolve_by, local_midnight(2027, 1, 12));
        assert_eq!(p.pending().len(), 2);

        let acknowledged = [
            received[0].clone(),
            event(2, "acknowledged", monday() + Duration::days(1), None),
        ];
        let p = Progress::compute(&complaint(None), &acknowledged, &days);
        assert_eq!(p.state(), "acknowledged");
        assert_eq!(p.progress_by, Some(local_midnight(2026, 12, 16)));

        let until = NaiveDate::from_ymd_opt(2027, 2, 15).unwrap();
        let late = [
            acknowledged[0].clone(),
            acknowledged[1].clone(),
            event(
                3,
                "new_timeline",
                monday() + Duration::days(60),
                Some(until),
            ),
        ];
        let p = Progress::compute(&complaint(None), &late, &days);
        assert_eq!(
            p.resolve_by,
            local_midnight(2027, 1, 12),
            "the legal date stays"
        );
        assert_eq!(p.effective_resolve_by(), end_of(until));
    }

    #[test]
    fn c05_escalation_starts_a_new_cycle_one_level_up() {
        let days = BusinessDays::default();
        let wednesday = monday() + Duration::days(2);
        let log = [
            event(1, "received", monday(), None),
            event(2, "acknowledged", monday(), None),
            event(3, "resolved", monday() + Duration::days(1), None),
            event(4, "escalated", wednesday, None),
        ];
        let p = Progress::compute(&complaint(None), &log, &days);
        assert_eq!((p.level, p.state()), (2, "escalated"));
        assert_eq!(
            p.acknowledged, None,
            "the first level's acknowledgement doesn't count"
        );
        assert_eq!(p.acknowledge_by, local_midnight(2026, 12, 8));
        assert!(
            p.flags(Duration::hours(48), wednesday)
                .contains(&"escalated")
        );
    }

    #[test]
    fn t02_technical_tickets_are_due_in_clock_hours_by_severity() {
        let days = BusinessDays::default();
        let log = [event(1, "received", monday(), None)];
        for (severity, hours) in [("critical", 24), ("high", 48), ("normal", 72), ("low", 72)] {
            let p = Progress::compute(&complaint(Some(severity)), &log, &days);
            assert_eq!(
                p.resolve_by,
                monday() + Duration::hours(hours),
                "{severity}"
            );
            assert_eq!(p.progress_by, None);
        }
        let p = Progress::compute(&complaint(Some("critical")), &log, &days);
        assert_eq!(
            p.flags(Duration::hours(2), monday() + Duration::hours(23)),
            vec!["due_soon"]
        );
        assert_eq!(
            p.flags(Duration::hours(2), monday() + Duration::hours(24)),
            vec!["overdue"]
        );
    }
}
