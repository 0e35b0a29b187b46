//! R18: when the office must close a time window, each booking in it moves to the
//! nearest free slot of the same service (never overbooking), and its booker gets a
//! notice with a link to confirm the new time or decline it, which cancels.

use crate::booking::Booking;

use crate::identity::mask_name;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::to_utc;
use crate::kernel::token::LinkToken;
use crate::messaging::queue;
use crate::office::{Desk, Office, Setup};
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, db_time, in_transaction, reissue_link};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// A relocated booking never lands on a slot starting sooner than this.
const MIN_NOTICE: Duration = Duration::hours(2);
const MAX_REASON_CHARS: usize = 500;

/// A start and an end, UTC.
type Span = (DateTime<Utc>, DateTime<Utc>);

/// A window the office closes for one service at one location.
#[derive(Debug)]
pub struct Window<'o> {
    pub desk: Desk<'o>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub reason: String,
}

impl<'o> Window<'o> {
    /// `service`, `location` (needed when the service is given at more than one),
    /// `date` (YYYY-MM-DD), `from` and `to` (HH:MM office time), `reason`.
    pub fn parse(fields: &Fields, setup: &'o Setup) -> Result<Self, Error> {
        let field = |name: &str| fields.get(name).map(|v| v.trim()).unwrap_or("");
        let desk = setup.desk(Some(field("location")), field("service"))?;
        let date = NaiveDate::parse_from_str(field("date"), "%Y-%m-%d")
            .map_err(|_| Error::field("invalid_date", "date"))?;
        let time = |name: &str| {
            NaiveTime::parse_from_str(field(name), "%H:%M")
                .ok()
                .and_then(|t| to_utc(date.and_time(t)))
                .ok_or_else(|| Error::field("invalid_time", name))
        };
        let (start, end) = (time("from")?, time("to")?);
        if end <= start {
            return Err(Error::field("invalid_range", "to"));
        }
        let reason = field("reason");
        if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
            return Err(Error::field("reason_required", "reason"));
        }
        crate::identity::cnp::refuse_cnp("reason", reason)?;
        Ok(Window {
            desk,
            start,
            end,
            reason: reason.to_owned(),
        })
    }
}

/// One booking the closing touched.
#[derive(Debug, Serialize)]
pub struct Moved {
    pub name: String,
    pub from: String,
    /// The new time; None when no free slot was left and the booking was cancelled.
    pub to: Option<String>,
}

/// What closing a window did. Closing the same window again finishes what an
/// interrupted run left and reports only that.
#[derive(Debug, Serialize)]
pub struct Closing {
    pub window_id: i64,
    pub created: bool,
    pub bookings: Vec<Moved>,
}

const OPEN_WINDOW: &str = "INSERT INTO closed_windows
    (location, service, starts_at, ends_at, reason, staff, created_at)
    VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT (location, service, starts_at, ends_at) DO NOTHING RETURNING id";
const FIND_WINDOW: &str = "SELECT id FROM closed_windows
    WHERE service = ?1 AND starts_at = ?2 AND ends_at = ?3 AND location = ?4";
/// Appointments already started stay where they are: the counter deals with them.
const AFFECTED: &str = "SELECT id FROM bookings
    WHERE service = ?1 AND state = 'active' AND slot_start < ?3 AND slot_end > ?2
      AND slot_start > ?4 AND location = ?5
    ORDER BY slot_start, id";
const WINDOWS_AHEAD: &str = "SELECT starts_at, ends_at FROM closed_windows
    WHERE service = ?1 AND ends_at > ?2 AND location = ?3";
const TAKEN_FROM: &str = "SELECT slot_start, COUNT(*) AS taken FROM bookings
    WHERE service = ?1 AND slot_start >= ?2 AND location = ?3
      AND (state != 'cancelled' OR seat_free_at > ?2)
    GROUP BY slot_start";
/// The move itself re-checks the seat and the windows, so a rush can't overbook it.
const MOVE: &str = "UPDATE bookings SET slot_start = ?2, slot_end = ?3
    WHERE id = ?1 AND state = 'active'
      AND (SELECT COUNT(*) FROM bookings
           WHERE service = ?4 AND slot_start = ?2 AND location = ?7
             AND (state != 'cancelled' OR seat_free_at > ?5)) < ?6
      AND NOT EXISTS (SELECT 1 FROM closed_windows
                      WHERE service = ?4 AND location = ?7 AND starts_at < ?3 AND ends_at > ?2)
    RETURNING id";
const RECORD: &str = "INSERT INTO relocations (booking_id, window_id, old_start, new_start, token_hash, created_at, answer, answered_at)
    VALUES (:booking, :window, :old_start, :new_start, :token_hash, :now, :answer, :answered_at) RETURNING id";
const CANCEL_CLOSED: &str =
    "UPDATE bookings SET state = 'cancelled', cancel_reason = 'office_closed', cancelled_at = ?2
    WHERE id = ?1 AND state = 'active' RETURNING id";
/// An earlier relocation the booker has not answered is overtaken by this one.
const SUPERSEDE: &str = "UPDATE relocations SET answer = 'superseded', answered_at = ?2
    WHERE booking_id = ?1 AND answer IS NULL";
/// The preview before closing: how many bookings the window would move.
pub fn affected(db: &dyn Database, window: &Window, now: DateTime<Utc>) -> Result<usize, Error> {
    Ok(db
        .execute(
            AFFECTED,
            &[
                window.desk.service.code.as_str().into(),
                db_time(window.start).into(),
                db_time(window.end).into(),
                db_time(now).into(),
                window.desk.location.code.as_str().into(),
            ],
        )?
        .rows
        .len())
}

/// Closes the window and relocates every active booking in it.
pub fn close_window(
    db: &dyn Database,
    office: &Office,
    window: &Window,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Closing, Error> {
    let desk = &window.desk;
    let (location, service) = (desk.location.code.as_str(), desk.service.code.as_str());
    let (start, end) = (db_time(window.start), db_time(window.end));
    let (window_id, created) = in_transaction(db, || {
        let opened = db.execute(
            OPEN_WINDOW,
            &[
                service.into(),
                start.as_str().into(),
                end.as_str().into(),
                window.reason.as_str().into(),
                who.0.as_str().into(),
                db_time(now).into(),
                location.into(),
            ],
        )?;
        if let Some(row) = opened.first() {
            let id = row.int("id")?;
            // Not the reason: staff's words may name people, and the audit trail is
            // never erased, while the window's reason is (retention).
            let entry = Entry::new("close_window", format!("window:{id}"))
                .change("open", "closed")
                .detail(format!("{location} {service} {start}–{end}"));
            audit(db, who, &entry, now)?;
            return Ok((id, true));
        }
        let found = db.execute(
            FIND_WINDOW,
            &[
                service.into(),
                start.as_str().into(),
                end.as_str().into(),
                location.into(),
            ],
        )?;
        Ok((
            found.read_first(|r| r.int("id"))?.ok_or(Error::NotFound)?,
            false,
        ))
    })?;
    let affected = db.execute(
        AFFECTED,
        &[
            service.into(),
            start.as_str().into(),
            end.as_str().into(),
            db_time(now).into(),
            location.into(),
        ],
    )?;
    let mut candidates = free_slots(db, office, desk, now)?;
    let mut bookings = Vec::new();
    for row in affected.iter() {
        let Some(booking) = Booking::by_id(db, row.int("id")?)? else {
            continue;
        };
        let old = booking.slot_start;
        candidates
            // Nearest first; of two equally near, the later, which the booker can still reach.
            .sort_by_key(|(slot_start, _)| {
                (
                    (*slot_start - old).num_seconds().abs(),
                    std::cmp::Reverse(*slot_start),
                )
            });
        let mut moved_to = None;
        for (slot_start, slot_end) in &candidates {
            if relocate(
                db,
                desk,
                &booking,
                window_id,
                (*slot_start, *slot_end),
                who,
                now,
            )? {
                moved_to = Some(*slot_start);
                break;
            }
        }
        if moved_to.is_none() && !cancel_for_closing(db, &booking, window_id, who, now)? {
            continue;
        }
        let local = |t: DateTime<Utc>| t.with_timezone(&OFFICE_TZ).to_rfc3339();
        bookings.push(Moved {
            name: mask_name(&booking.name),
            from: local(old),
            to: moved_to.map(local),
        });
    }
    Ok(Closing {
        window_id,
        created,
        bookings,
    })
}

/// Issue 24: the active bookings ahead whose time falls outside the hours `after`
/// keeps at their location (its hours changed, a day closed; a new slot length
/// alone moves no one). A booking whose service or location
/// the setup no longer gives at all is refused (409): it has nowhere to move to.
pub fn outside_hours(
    db: &dyn Database,
    office: &Office,
    before: &Setup,
    after: &Setup,
    now: DateTime<Utc>,
) -> Result<Vec<Booking>, Error> {
    let mut outside = Vec::new();
    for location in &before.locations {
        for booking in Booking::active_ahead_at(db, &location.code, now)? {
            let Ok(desk) = after.desk(Some(&location.code), &booking.service) else {
                let field = format!("locations.{}.counters.{}", location.code, booking.service);
                return Err(Error::conflict("service_has_bookings", &field));
            };
            if !desk.open_during(&office.closures, booking.slot_start, booking.slot_end) {
                outside.push(booking);
            }
        }
    }
    Ok(outside)
}

/// Issue 24: each booking a setup change left outside the hours moves as R18 moves
/// it (its time closed, the nearest free slot of the new hours, a notice to confirm
/// or decline); a booking with no free slot left is cancelled by the office, told so.
pub fn move_outside_hours(
    db: &dyn Database,
    office: &Office,
    setup: &Setup,
    bookings: &[Booking],
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Vec<Moved>, Error> {
    let mut moved = Vec::new();
    for booking in bookings {
        let window = Window {
            desk: setup.desk(Some(&booking.location), &booking.service)?,
            start: booking.slot_start,
            end: booking.slot_end,
            reason: TIMETABLE_CHANGED.to_owned(),
        };
        moved.extend(close_window(db, office, &window, who, now)?.bookings);
    }
    Ok(moved)
}

/// The closed window's reason when a timetable change moves a booking.
const TIMETABLE_CHANGED: &str = "Programul sediului s-a schimbat";

/// The slots a booking could move to: bookable days, enough notice, outside every
/// closed window, with an online seat left when looked at (the move re-checks).
fn free_slots(
    db: &dyn Database,
    office: &Office,
    desk: &Desk,
    now: DateTime<Utc>,
) -> Result<Vec<Span>, Error> {
    let at = [
        desk.service.code.as_str().into(),
        db_time(now).into(),
        desk.location.code.as_str().into(),
    ];
    let closed: Vec<Span> = db
        .execute(WINDOWS_AHEAD, &at)?
        .read(|r| Ok((r.time("starts_at")?, r.time("ends_at")?)))?;
    let taken: HashMap<DateTime<Utc>, i64> = db
        .execute(TAKEN_FROM, &at)?
        .read(|r| Ok((r.time("slot_start")?, r.int("taken")?)))?
        .into_iter()
        .collect();
    let (first, last) = office.booking_window(now);
    let seats = i64::from(desk.online_seats());
    Ok(first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter_map(|d| desk.slots(&office.closures, d).ok())
        .flatten()
        .filter(|s| s.start >= now + MIN_NOTICE)
        .filter(|s| !closed.iter().any(|w| s.overlaps(*w)))
        .filter(|s| taken.get(&s.start).copied().unwrap_or(0) < seats)
        .map(|s| (s.start, s.end))
        .collect())
}

/// Moves one booking if the slot still has a seat: the move, its record, the
/// notices and the audit line commit together or not at all.
fn relocate(
    db: &dyn Database,
    desk: &Desk,
    booking: &Booking,
    window_id: i64,
    (to_start, to_end): Span,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let token = LinkToken::generate();
    in_transaction(db, || {
        let moved = db.execute(
            MOVE,
            &[
                booking.id.into(),
                db_time(to_start).into(),
                db_time(to_end).into(),
                desk.service.code.as_str().into(),
                db_time(now).into(),
                i64::from(desk.online_seats()).into(),
                desk.location.code.as_str().into(),
            ],
        )?;
        if moved.first().is_none() {
            return Ok(false);
        }
        record(db, booking, window_id, Some((to_start, &token)), now)?;
        let entry = Entry::new("relocate", format!("booking:{}", booking.id))
            .change(db_time(booking.slot_start), db_time(to_start))
            .detail(format!("window:{window_id}"));
        audit(db, who, &entry, now)?;
        Ok(true)
    })
}

/// No free slot is left: the booking is cancelled by the office and its booker told.
fn cancel_for_closing(
    db: &dyn Database,
    booking: &Booking,
    window_id: i64,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    in_transaction(db, || {
        if db
            .execute(CANCEL_CLOSED, &[booking.id.into(), db_time(now).into()])?
            .first()
            .is_none()
        {
            return Ok(false);
        }
        record(db, booking, window_id, None, now)?;
        let entry = Entry::new("cancel_office_closed", format!("booking:{}", booking.id))
            .change("active", "cancelled")
            .detail(format!("window:{window_id}; no free slot"));
        audit(db, who, &entry, now)?;
        Ok(true)
    })
}

/// Records what became of a booking in the window and queues its booker's notice:
/// the new time with its answer link, or the office's cancellation.
fn record(
    db: &dyn Database,
    booking: &Booking,
    window_id: i64,
    moved: Option<(DateTime<Utc>, &LinkToken)>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    db.execute(SUPERSEDE, &[booking.id.into(), db_time(now).into()])?;
    let answered = moved.is_none().then(|| db_time(now));
    let inserted = db.execute_named(
        RECORD,
        &[
            ("booking", booking.id.into()),
            ("window", window_id.into()),
            ("old_start", db_time(booking.slot_start).into()),
            ("new_start", moved.map(|(to, _)| db_time(to)).into()),
            ("token_hash", moved.map(|(_, token)| token.hash()).into()),
            ("now", db_time(now).into()),
            ("answer", answered.as_ref().map(|_| "cancelled").into()),
            ("answered_at", answered.into()),
        ],
    )?;
    let relocation_id = inserted.read_first(|r| r.int("id"))?.unwrap_or_default();
    let (kind, secret) = match moved {
        Some((_, token)) => ("relocation", token.as_str()),
        None => ("office_cancelled", ""),
    };
    queue::relocation_notice(db, kind, relocation_id, booking.id, secret, now)
}

/// A relocation as its link shows it.
#[derive(Debug)]
pub struct Pending {
    pub booking: Booking,
    pub old_start: DateTime<Utc>,
}

const BY_TOKEN: &str = "SELECT id, booking_id, old_start FROM relocations
    WHERE token_hash = ? AND answer IS NULL";
const ANSWER: &str = "UPDATE relocations SET answer = ?2, answered_at = ?3
    WHERE id = ?1 AND answer IS NULL RETURNING id";
const REISSUE: &str = "UPDATE relocations SET token_hash = ?2
    WHERE id = ?1 AND answer IS NULL AND token_hash IS NOT NULL RETURNING id";
const CANCEL_DECLINED: &str = "UPDATE bookings SET state = 'cancelled', cancel_reason = 'relocation_declined', cancelled_at = ?2
    WHERE id = ?1 AND state = 'active' AND slot_start > ?2 RETURNING id";

/// R18: a new answer link for a relocation whose notice failed for good (only its
/// hash is kept); the link the other channel's notice carried stops working. None
/// once answered.
pub fn reissue(db: &dyn Database, relocation_id: i64) -> Result<Option<LinkToken>, Error> {
    reissue_link(db, REISSUE, &[relocation_id.into()])
}

/// The relocation a link may still answer: unknown, answered and expired links are
/// all `None`, and the page must not tell which.
pub fn open(db: &dyn Database, token: &str, now: DateTime<Utc>) -> Result<Option<Pending>, Error> {
    Ok(find(db, token, now)?.map(|(_, pending)| pending))
}

fn find(
    db: &dyn Database,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(i64, Pending)>, Error> {
    let Some(token) = LinkToken::parse(token) else {
        return Ok(None);
    };
    let Some((id, booking_id, old_start)) = db
        .execute(BY_TOKEN, &[token.hash().into()])?
        .read_first(|r| Ok((r.int("id")?, r.int("booking_id")?, r.time("old_start")?)))?
    else {
        return Ok(None);
    };
    Ok(Booking::by_id(db, booking_id)?
        .filter(|b| b.state == "active" && b.slot_start > now)
        .map(|booking| (id, Pending { booking, old_start })))
}

/// The booker's answer: confirm keeps the new time, decline cancels the booking and
/// frees the seat at once (the office moved it). False when the link can't answer.
pub fn answer(
    db: &dyn Database,
    token: &str,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let Some((id, pending)) = find(db, token, now)? else {
        return Ok(false);
    };
    let answer = if confirm { "confirmed" } else { "declined" };
    in_transaction(db, || {
        if db
            .execute(ANSWER, &[id.into(), answer.into(), db_time(now).into()])?
            .first()
            .is_none()
        {
            return Ok(false);
        }
        if !confirm
            && db
                .execute(
                    CANCEL_DECLINED,
                    &[pending.booking.id.into(), db_time(now).into()],
                )?
                .first()
                .is_none()
        {
            // The appointment started meanwhile: roll the answer back too.
            return Err(Error::NotFound);
        }
        Ok(true)
    })
    .or_else(|e| match e {
        Error::NotFound => Ok(false),
        other => Err(other),
    })
}

/// A relocation waiting for its booker, as staff see it.
#[derive(Debug, Serialize)]
pub struct Unconfirmed {
    pub id: i64,
    pub service: String,
    pub name: String,
    pub from: String,
    pub to: String,
    pub notified_at: String,
}

const UNCONFIRMED: &str = "SELECT r.id, b.service, b.name, r.old_start, r.new_start, r.created_at
    FROM relocations r JOIN bookings b ON b.id = r.booking_id
    WHERE r.answer IS NULL AND b.state = 'active' AND b.slot_start > ?
    ORDER BY r.new_start LIMIT 500";

/// R18: the relocations nobody has confirmed or declined yet, soonest first.
pub fn unconfirmed(db: &dyn Database, now: DateTime<Utc>) -> Result<Vec<Unconfirmed>, Error> {
    let local = |t: DateTime<Utc>| t.with_timezone(&OFFICE_TZ).to_rfc3339();
    Ok(db.execute(UNCONFIRMED, &[db_time(now).into()])?.read(|r| {
        Ok(Unconfirmed {
            id: r.int("id")?,
            service: r.text("service")?,
            name: mask_name(&r.text("name")?),
            from: local(r.time("old_start")?),
            to: local(r.time("new_start")?),
            notified_at: r.text("created_at")?,
        })
    })?)
}
