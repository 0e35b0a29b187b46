//! The queue of the people who are here (issue 22): one per location and service,
//! made of checked-in bookings (R05) and walk-in tickets (R01). Someone is due at
//! their slot's start, then served by arrival; the office's `call_early_minutes` lets
//! a clerk call them that much earlier. Every step is one guarded statement inside
//! `BEGIN IMMEDIATE`, so two clerks pressing at once never get the same person, and
//! every step is audited.

use super::seat::{Seat, seat_of};
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::office_date;
use crate::kernel::token::LinkToken;
use crate::messaging::{messages, queue as outbox};
use crate::office::{FloorSettings, Setup};
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, Row, StorageError, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// Someone arriving on the floor: a checked-in booking or a walk-in ticket.
pub struct Arrival<'a> {
    pub location: &'a str,
    pub service: &'a str,
    pub booking: Option<i64>,
    pub ticket: Option<i64>,
    /// What the display calls out: a ticket's code; for a booking, made from its
    /// place in the queue (`P-R007`), never from the booking itself.
    pub code: Option<String>,
    /// The slot's start.
    pub due_at: DateTime<Utc>,
    pub lang: Lang,
    /// Where the turn-near message goes, when the citizen asked for one.
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
}

/// A new place in the queue and its live ticket's link (shown once: only its hash is kept).
#[derive(Debug)]
pub struct Joined {
    pub id: i64,
    pub code: String,
    pub link: LinkToken,
}

const JOIN: &str = "INSERT INTO queue_entries
    (day, location, service, booking_id, ticket_id, code, due_at, arrived_at, link_hash,
     phone, email, lang)
    VALUES (:day, :location, :service, :booking, :ticket, :code, :due_at, :now, :link,
            :phone, :email, :lang)
    RETURNING id";
const NAME_BOOKING: &str = "UPDATE queue_entries SET code = ?2 WHERE id = ?1";

/// Puts `arrival` at the end of its queue; the caller's transaction makes it one
/// step with the check-in or the ticket.
pub fn join(db: &dyn Database, arrival: &Arrival, now: DateTime<Utc>) -> Result<Joined, Error> {
    let link = LinkToken::generate();
    let id = db
        .execute_named(
            JOIN,
            &[
                ("day", office_date(now).to_string().into()),
                ("location", arrival.location.into()),
                ("service", arrival.service.into()),
                ("booking", arrival.booking.into()),
                ("ticket", arrival.ticket.into()),
                ("code", arrival.code.clone().unwrap_or_default().into()),
                ("due_at", db_time(arrival.due_at).into()),
                ("now", db_time(now).into()),
                ("link", link.hash().into()),
                ("phone", arrival.phone.into()),
                ("email", arrival.email.into()),
                ("lang", arrival.lang.code().into()),
            ],
        )?
        .read_first(|r| r.int("id"))?
        .ok_or_else(|| StorageError::Other("the queue entry was not written".to_owned()))?;
    let code = match &arrival.code {
        Some(code) => code.clone(),
        None => {
            let code = format!("{}-R{id:03}", service_letter(arrival.service));
            db.execute(NAME_BOOKING, &[id.into(), code.as_str().into()])?;
            code
        }
    };
    Ok(Joined { id, code, link })
}

/// The letter a service's codes start with.
pub fn service_letter(service: &str) -> String {
    service
        .chars()
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().collect())
}

/// One place in a queue.
#[derive(Debug, Clone, Serialize)]
pub struct Queued {
    pub id: i64,
    pub day: String,
    pub location: String,
    pub service: String,
    pub code: String,
    pub due_at: DateTime<Utc>,
    pub arrived_at: DateTime<Utc>,
    /// `waiting`, `called`, `served` or `absent`.
    pub state: String,
    pub window: Option<i64>,
    pub called_at: Option<DateTime<Utc>>,
    pub last_call_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub booking: Option<i64>,
    #[serde(skip)]
    pub lang: Lang,
}

const COLUMNS: &str = "id, day, location, service, code, due_at, arrived_at, state, at_window,
    called_at, last_call_at, finished_at, booking_id, lang";

impl Queued {
    fn from_row(r: Row) -> Result<Self, StorageError> {
        Ok(Queued {
            id: r.int("id")?,
            day: r.text("day")?,
            location: r.text("location")?,
            service: r.text("service")?,
            code: r.text("code")?,
            due_at: r.time("due_at")?,
            arrived_at: r.time("arrived_at")?,
            state: r.text("state")?,
            window: r.opt_int("at_window")?,
            called_at: r.opt_time("called_at")?,
            last_call_at: r.opt_time("last_call_at")?,
            finished_at: r.opt_time("finished_at")?,
            booking: r.opt_int("booking_id")?,
            lang: Lang::from_code(Some(&r.text("lang")?)),
        })
    }

    /// When a clerk may call them: `early` before their slot.
    pub fn callable_from(&self, early: Duration) -> DateTime<Utc> {
        self.due_at - early
    }
}

fn read_one(
    db: &dyn Database,
    sql: &str,
    params: &[(&str, crate::storage::Value)],
) -> Result<Option<Queued>, Error> {
    Ok(db
        .execute_named(sql, params)?
        .read_first(Queued::from_row)?)
}

/// The queue order: due time, then arrival.
const ORDER: &str = "ORDER BY due_at, arrived_at, id";

/// A live ticket's place, by its link's hash.
pub fn by_link(db: &dyn Database, link: &LinkToken) -> Result<Option<Queued>, Error> {
    read_one(
        db,
        &format!("SELECT {COLUMNS} FROM queue_entries WHERE link_hash = :link"),
        &[("link", link.hash().into())],
    )
}

/// Today's waiting list of one service at a location, in the order they will be called.
pub fn waiting(
    db: &dyn Database,
    location: &str,
    service: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Queued>, Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM queue_entries
        WHERE location = :location AND day = :day AND state = 'waiting' AND service = :service {ORDER}"
    );
    Ok(db
        .execute_named(
            &sql,
            &[
                ("location", location.into()),
                ("day", office_date(now).to_string().into()),
                ("service", service.into()),
            ],
        )?
        .read(Queued::from_row)?)
}

/// How many are before `entry` in its queue (0 when it is next or no longer waiting).
pub fn ahead_of(db: &dyn Database, entry: &Queued) -> Result<u32, Error> {
    const AHEAD: &str = "SELECT COUNT(*) AS n FROM queue_entries
        WHERE location = :location AND day = :day AND service = :service AND state = 'waiting'
          AND (due_at, arrived_at, id) < (:due_at, :arrived_at, :id)";
    if entry.state != "waiting" {
        return Ok(0);
    }
    let n = db
        .execute_named(
            AHEAD,
            &[
                ("location", entry.location.as_str().into()),
                ("day", entry.day.as_str().into()),
                ("service", entry.service.as_str().into()),
                ("due_at", db_time(entry.due_at).into()),
                ("arrived_at", db_time(entry.arrived_at).into()),
                ("id", entry.id.into()),
            ],
        )?
        .read_first(|r| r.int("n"))?
        .unwrap_or(0);
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The person a window is serving now, if any.
pub fn current(
    db: &dyn Database,
    seat: &Seat,
    now: DateTime<Utc>,
) -> Result<Option<Queued>, Error> {
    read_one(
        db,
        &format!(
            "SELECT {COLUMNS} FROM queue_entries
            WHERE location = :location AND day = :day AND at_window = :window AND state = 'called'"
        ),
        &[
            ("location", seat.location.as_str().into()),
            ("day", office_date(now).to_string().into()),
            ("window", seat.number.into()),
        ],
    )
}

/// The first one due among the window's services, called in the same statement.
fn call_statement() -> String {
    format!(
        "UPDATE queue_entries SET state = 'called', at_window = :window, called_at = :now,
            last_call_at = :now
        WHERE id = (SELECT id FROM queue_entries
            WHERE location = :location AND day = :day AND state = 'waiting'
              AND service IN (SELECT value FROM json_each(:services)) AND due_at <= :callable
            {ORDER} LIMIT 1)
          AND state = 'waiting'
        RETURNING {COLUMNS}"
    )
}
const ANNOUNCE: &str =
    "INSERT INTO floor_calls (entry_id, location, code, at_window, recall, called_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

fn announce(
    db: &dyn Database,
    entry: &Queued,
    recall: bool,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    db.execute(
        ANNOUNCE,
        &[
            entry.id.into(),
            entry.location.as_str().into(),
            entry.code.as_str().into(),
            entry.window.unwrap_or_default().into(),
            i64::from(recall).into(),
            db_time(now).into(),
        ],
    )?;
    Ok(())
}

fn subject(entry: &Queued) -> String {
    format!("queue:{}", entry.id)
}

/// Calls the next person due to `who`'s window: refused without one (`no_window`),
/// while the window has
/// someone called and not finished (`call_in_progress`), while it is paused
/// (`window_paused`), or when nobody is due (`nobody_waiting`). The people the call
/// brings within `turn_near_ahead` get their turn-near message, once.
pub fn call_next(
    db: &dyn Database,
    floor: &FloorSettings,
    setup: &Setup,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Queued, Error> {
    in_transaction(db, || {
        let seat = seat_of(db, who, now)?.ok_or_else(|| Error::conflict("no_window", "window"))?;
        if seat.paused {
            return Err(Error::conflict("window_paused", "window"));
        }
        if current(db, &seat, now)?.is_some() {
            return Err(Error::conflict("call_in_progress", "window"));
        }
        let early = Duration::minutes(i64::from(floor.call_early_minutes));
        let services = serde_json::to_string(&seat.services).unwrap_or_default();
        let called = read_one(
            db,
            &call_statement(),
            &[
                ("window", seat.number.into()),
                ("now", db_time(now).into()),
                ("location", seat.location.as_str().into()),
                ("day", office_date(now).to_string().into()),
                ("services", services.into()),
                ("callable", db_time(now + early).into()),
            ],
        )?
        .ok_or_else(|| Error::conflict("nobody_waiting", "window"))?;
        announce(db, &called, false, now)?;
        let entry = Entry::new("floor_call", subject(&called))
            .change("waiting", "called")
            .detail(format!("window {}", seat.number));
        audit(db, who, &entry, now)?;
        turn_near(db, floor, setup, &called, now)?;
        Ok(called)
    })
}

/// The window's current call, or `no_current_call`.
fn current_or_refuse(
    db: &dyn Database,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<(Seat, Queued), Error> {
    let seat = seat_of(db, who, now)?.ok_or_else(|| Error::conflict("no_window", "window"))?;
    let entry =
        current(db, &seat, now)?.ok_or_else(|| Error::conflict("no_current_call", "window"))?;
    Ok((seat, entry))
}

const RECALL: &str = "UPDATE queue_entries SET last_call_at = :now
    WHERE id = :id AND state = 'called' AND last_call_at <= :earliest RETURNING id";

/// Calls the window's current person again on the display, no sooner than
/// `recall_seconds` after the last call (`recall_too_soon`).
pub fn recall(
    db: &dyn Database,
    floor: &FloorSettings,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Queued, Error> {
    in_transaction(db, || {
        let (_, mut entry) = current_or_refuse(db, who, now)?;
        let earliest = now - Duration::seconds(i64::from(floor.recall_seconds));
        let recalled = db.execute_named(
            RECALL,
            &[
                ("now", db_time(now).into()),
                ("id", entry.id.into()),
                ("earliest", db_time(earliest).into()),
            ],
        )?;
        if recalled.rows.is_empty() {
            return Err(Error::conflict("recall_too_soon", "window"));
        }
        entry.last_call_at = Some(now);
        announce(db, &entry, true, now)?;
        audit(db, who, &Entry::new("floor_recall", subject(&entry)), now)?;
        Ok(entry)
    })
}

const FINISH: &str = "UPDATE queue_entries SET state = ?2, finished_at = ?3
    WHERE id = ?1 AND state = 'called' RETURNING id";
/// A booked person who did not come to the window is expected again: their booking
/// is active once more, so after the slot it goes the R12 way.
const BOOKING_EXPECTED_AGAIN: &str =
    "UPDATE bookings SET state = 'active' WHERE id = ?1 AND state = 'attended'";

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Served: their service time is recorded.
    Served,
    /// Did not come: a walk-in ticket lapses; a booking is expected again (R12 after its slot).
    Absent,
}

impl Outcome {
    fn state(self) -> &'static str {
        match self {
            Outcome::Served => "served",
            Outcome::Absent => "absent",
        }
    }
}

/// Ends the window's current call.
pub fn finish(
    db: &dyn Database,
    who: &Staff,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<Queued, Error> {
    in_transaction(db, || {
        let (_, mut entry) = current_or_refuse(db, who, now)?;
        let state = outcome.state();
        db.execute(
            FINISH,
            &[entry.id.into(), state.into(), db_time(now).into()],
        )?;
        let mut audited = Entry::new(
            if outcome == Outcome::Served {
                "floor_served"
            } else {
                "floor_absent"
            },
            subject(&entry),
        )
        .change("called", state);
        if let (Outcome::Absent, Some(booking)) = (outcome, entry.booking) {
            db.execute(BOOKING_EXPECTED_AGAIN, &[booking.into()])?;
            audited = audited.detail(format!("booking:{booking} expected again"));
        }
        audit(db, who, &audited, now)?;
        entry.state = state.to_owned();
        entry.finished_at = Some(now);
        Ok(entry)
    })
}

const TRANSFER: &str = "UPDATE queue_entries
    SET service = ?2, state = 'waiting', at_window = NULL, called_at = NULL,
        last_call_at = NULL, near_sent_at = NULL
    WHERE id = ?1 AND state = 'called' RETURNING id";

/// Sends the window's current person to `service`'s queue at the same location, in
/// their place by due time and arrival (they keep their code and live ticket).
pub fn transfer(
    db: &dyn Database,
    setup: &Setup,
    service: &str,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Queued, Error> {
    in_transaction(db, || {
        let (seat, mut entry) = current_or_refuse(db, who, now)?;
        setup
            .desk(Some(&seat.location), service)
            .map_err(|_| Error::field("service_unknown", "service"))?;
        if service == entry.service {
            return Err(Error::field("same_service", "service"));
        }
        db.execute(TRANSFER, &[entry.id.into(), service.into()])?;
        let audited =
            Entry::new("floor_transfer", subject(&entry)).change(entry.service.as_str(), service);
        audit(db, who, &audited, now)?;
        entry.service = service.to_owned();
        entry.state = "waiting".to_owned();
        entry.window = None;
        Ok(entry)
    })
}

/// Who, in `called`'s queue, the call brought within `turn_near_ahead` and may be
/// called now, with a contact and no message yet.
const NEAR: &str = "SELECT id, code, lang, phone, email, near_sent_at, due_at FROM queue_entries
    WHERE location = :location AND day = :day AND service = :service AND state = 'waiting'
    ORDER BY due_at, arrived_at, id LIMIT :first";
const MARK_NEAR: &str = "UPDATE queue_entries SET near_sent_at = ?2 WHERE id = ?1 AND near_sent_at IS NULL RETURNING id";

/// Queues the turn-near message for those now `turn_near_ahead` or fewer from the
/// window, once each (the mark, and the outbox's dedupe key behind it).
fn turn_near(
    db: &dyn Database,
    floor: &FloorSettings,
    setup: &Setup,
    called: &Queued,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if floor.turn_near_ahead == 0 {
        return Ok(());
    }
    let callable = now + Duration::minutes(i64::from(floor.call_early_minutes));
    let rows = db.execute_named(
        NEAR,
        &[
            ("location", called.location.as_str().into()),
            ("day", called.day.as_str().into()),
            ("service", called.service.as_str().into()),
            ("first", i64::from(floor.turn_near_ahead + 1).into()),
        ],
    )?;
    for (ahead, row) in rows.iter().enumerate() {
        let (phone, email) = (row.opt_text("phone")?, row.opt_text("email")?);
        if row.opt_text("near_sent_at")?.is_some()
            || (phone.is_none() && email.is_none())
            || row.time("due_at")? > callable
        {
            continue;
        }
        let id = row.int("id")?;
        if db
            .execute(MARK_NEAR, &[id.into(), db_time(now).into()])?
            .rows
            .is_empty()
        {
            continue;
        }
        let lang = Lang::from_code(Some(&row.text("lang")?));
        let notice = messages::turn_near(
            lang,
            &row.text("code")?,
            u32::try_from(ahead).unwrap_or(u32::MAX),
            setup.service_name(&called.service, lang),
            setup
                .location(&called.location)
                .map_or(called.location.as_str(), |l| l.name(lang)),
        );
        let (channel, recipient, payload) = match (&phone, &email) {
            (Some(phone), _) => ("sms", phone, messages::sms_payload(&notice.sms)),
            (None, Some(email)) => ("email", email, notice.email.payload()),
            (None, None) => continue,
        };
        let message = outbox::Rendered {
            about: outbox::About::Queue(id),
            kind: "turn_near",
            channel,
            recipient,
            occasion: None,
            payload: &payload,
            secret: None,
        };
        outbox::rendered(db, &message, now)?;
    }
    Ok(())
}
