//! At the counter (R05, R12, R13): check-in against the three proofs, and the marks
//! that ban a contact from online booking; walk-in tickets (R01). Whoever checks in or
//! takes a ticket joins the floor's queue (issue 22: `queue`, `window`, `measures`,
//! `estimate`, `display`). Every action is audited.

pub mod dayview;
pub mod display;
pub mod estimate;
pub mod measures;
pub mod queue;
pub mod seat;
pub mod window;

use crate::booking::{Booking, ban_contacts};
use crate::identity::contact_key::ContactKey;
use crate::identity::{Email, PersonName, Phone, Vin};
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::time::start_of_day;
use crate::kernel::token::ReservationNumber;
use queue::{Arrival, Joined};
use crate::office::{Desk, Office};
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};

/// R12: a no-show bans online booking this long.
pub const NO_SHOW_BAN: Duration = Duration::days(30);
/// R13: fictitious data bans online booking this long.
pub const FICTITIOUS_BAN: Duration = Duration::days(180);

/// What the clerk typed in at check-in.
pub struct CheckIn<'a> {
    pub number: &'a str,
    pub phone: &'a str,
    pub proof: &'a str,
    /// The counter's location: a booking made for another is refused there.
    pub location: Option<&'a str>,
    /// The citizen wants the turn-near message on the booking's phone (or email).
    pub notify: bool,
}

/// A booking checked in, and its place in the floor's queue.
#[derive(Debug)]
pub struct CheckedIn {
    pub booking: Booking,
    pub place: Joined,
}

const MARK: &str = "UPDATE bookings SET state = ?1 WHERE id = ?2 AND state = 'active' RETURNING id";

/// R05: the number, the phone used at booking and the VIN or holder must all match;
/// only on the appointment's day, from `margin` before the slot until its end. The
/// booking then joins its service's queue at its location, in the same transaction.
pub fn check_in(
    db: &dyn Database,
    input: &CheckIn,
    margin: Duration,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<CheckedIn, Error> {
    let unknown = || Error::field("number_unknown", "number");
    let number = ReservationNumber::parse(input.number).map_err(|_| unknown())?;
    let booking = Booking::by_number(db, &number)?.ok_or_else(unknown)?;
    let phone_matches = Phone::parse(input.phone).is_ok_and(|p| p.as_str() == booking.phone);
    if !phone_matches {
        return Err(Error::field("phone_mismatch", "phone"));
    }
    let proof_matches = match (&booking.vin, &booking.holder) {
        (Some(vin), _) => Vin::parse(input.proof).is_ok_and(|v| v.as_str() == vin),
        (None, Some(holder)) => PersonName::parse(input.proof).is_ok_and(|h| {
            PersonName::parse(holder).is_ok_and(|stored| stored.identity_key() == h.identity_key())
        }),
        // A service that asks for no proof: the number and the phone are enough.
        (None, None) => true,
    };
    if !proof_matches {
        return Err(Error::field("proof_mismatch", "proof"));
    }
    if booking.state != "active" {
        return Err(Error::field("not_active", "number"));
    }
    if input.location.is_some_and(|l| l != booking.location) {
        return Err(Error::field("other_location", "number"));
    }
    let same_day = booking.slot_start.with_timezone(&OFFICE_TZ).date_naive()
        == now.with_timezone(&OFFICE_TZ).date_naive();
    if !same_day || now < booking.slot_start - margin || now >= booking.slot_end {
        return Err(Error::field("outside_check_in_window", "number"));
    }
    let place = in_transaction(db, || {
        mark(db, &booking, "attended")?;
        let entry =
            Entry::new("check_in", format!("booking:{}", booking.id)).change("active", "attended");
        audit(db, who, &entry, now)?;
        let arrival = Arrival {
            location: &booking.location,
            service: &booking.service,
            booking: Some(booking.id),
            ticket: None,
            code: None,
            due_at: booking.slot_start,
            lang: booking.lang,
            phone: Some(booking.phone.as_str()).filter(|_| input.notify),
            email: booking.email.as_deref().filter(|_| input.notify),
        };
        queue::join(db, &arrival, now)
    })?;
    let mut attended = booking;
    attended.state = "attended".to_owned();
    Ok(CheckedIn {
        booking: attended,
        place,
    })
}

fn mark(db: &dyn Database, booking: &Booking, state: &str) -> Result<(), Error> {
    db.execute(MARK, &[state.into(), booking.id.into()])?
        .first()
        .map(|_| ())
        .ok_or_else(|| Error::field("not_active", "number"))
}

const BAN: &str =
    "INSERT INTO bans (contact, reason, booking_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)";

fn ban(
    db: &dyn Database,
    key: &ContactKey,
    booking: &Booking,
    reason: &str,
    length: Duration,
    now: DateTime<Utc>,
) -> Result<Vec<String>, Error> {
    let phone = Phone::parse(&booking.phone).map_err(Error::from)?;
    let email = booking
        .email
        .as_deref()
        .map(Email::parse)
        .transpose()
        .map_err(Error::from)?;
    let (phone_key, email_key) = ban_contacts(key, &phone, email.as_ref());
    let contacts: Vec<String> = std::iter::once(phone_key).chain(email_key).collect();
    for contact in &contacts {
        db.execute(
            BAN,
            &[
                contact.clone().into(),
                reason.into(),
                booking.id.into(),
                db_time(now).into(),
                db_time(now + length).into(),
            ],
        )?;
    }
    Ok(contacts)
}

/// R12: after the slot's end, an unattended booking is marked no-show and its
/// phone and email are banned from online booking; audited in the same transaction.
pub fn no_show(
    db: &dyn Database,
    booking: &Booking,
    who: &Staff,
    key: &ContactKey,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if now < booking.slot_end {
        return Err(Error::field("slot_not_over", "number"));
    }
    in_transaction(db, || {
        mark(db, booking, "no_show")?;
        ban(db, key, booking, "no_show", NO_SHOW_BAN, now)?;
        let entry = Entry::new("no_show", format!("booking:{}", booking.id))
            .change("active", "no_show")
            .detail("contacts banned 30 days");
        audit(db, who, &entry, now)
    })
}

/// The bookings of earlier days still waiting for their holder.
const UNATTENDED_BEFORE: &str =
    "SELECT id FROM bookings WHERE state = 'active' AND slot_end <= ? ORDER BY slot_end LIMIT 200";

/// R12, when the office enables it: on the next day, the bookings nobody came to
/// are marked no-show by `system`. A booking another run or a clerk marked first
/// is left alone, so repeated and overlapping runs mark each booking once.
pub fn sweep_no_shows(
    db: &dyn Database,
    key: &ContactKey,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let today = now.with_timezone(&OFFICE_TZ).date_naive();
    let start_of_today = start_of_day(today);
    let system = Staff("system".to_owned());
    let mut marked = 0;
    for row in db
        .execute(UNATTENDED_BEFORE, &[db_time(start_of_today).into()])?
        .iter()
    {
        let Some(booking) = Booking::by_id(db, row.int("id")?)? else {
            continue;
        };
        match no_show(db, &booking, &system, key, now) {
            Ok(()) => marked += 1,
            Err(Error::Field(f)) if f.code == "not_active" => {}
            Err(e) => return Err(e),
        }
    }
    Ok(marked)
}

const CANCEL_FOR_CONTACT: &str =
    "UPDATE bookings SET state = 'cancelled', cancel_reason = 'fictitious_data', cancelled_at = ?1
    WHERE state = 'active' AND (phone = ?2 OR (email IS NOT NULL AND lower(email) = lower(?3)))
    RETURNING id";

/// R13: fictitious data bans the phone and email and cancels all their active
/// bookings at once, each cancellation audited; returns how many were cancelled.
pub fn fictitious(
    db: &dyn Database,
    booking: &Booking,
    who: &Staff,
    key: &ContactKey,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    in_transaction(db, || {
        ban(db, key, booking, "fictitious", FICTITIOUS_BAN, now)?;
        let entry = Entry::new("fictitious", format!("booking:{}", booking.id))
            .detail("contacts banned 180 days");
        audit(db, who, &entry, now)?;
        let cancelled = db.execute(
            CANCEL_FOR_CONTACT,
            &[
                db_time(now).into(),
                booking.phone.as_str().into(),
                booking.email.as_deref().into(),
            ],
        )?;
        for row in cancelled.iter() {
            let entry = Entry::new("cancel_fictitious", format!("booking:{}", row.int("id")?))
                .change("active", "cancelled");
            audit(db, who, &entry, now)?;
        }
        Ok(cancelled.rows.len())
    })
}

/// A queue ticket for the walk-in half of a slot.
#[derive(Debug, serde::Serialize)]
pub struct WalkInTicket {
    /// The live ticket's link token (shown once, on the printed ticket).
    #[serde(skip)]
    pub live: crate::kernel::token::LinkToken,
    /// What is printed and called out: the service's letter and the ticket's id.
    pub ticket: String,
    pub location: String,
    pub service: String,
    /// The slot's start in office time.
    pub slot_start: String,
    pub time: String,
}

/// Issued only while the walk-in seats of the slot last (R01), in one statement.
const ISSUE_TICKET: &str = "INSERT INTO walk_in_tickets (location, service, slot_start, issued_at, staff)
    SELECT ?6, ?1, ?2, ?3, ?4
    WHERE (SELECT COUNT(*) FROM walk_in_tickets
           WHERE service = ?1 AND slot_start = ?2 AND location = ?6) < ?5
    RETURNING id";

/// Who takes a walk-in ticket: their language, and where the turn-near message goes
/// when they want one.
#[derive(Debug, Default)]
pub struct Walker {
    pub lang: Lang,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
}

/// R01: a ticket for today's slot starting at `slot` (office time, `HH:MM`; blank:
/// the first slot not over with a walk-in seat left), never more than the slot's
/// walk-in seats; it joins the queue in the same transaction.
pub fn issue_walk_in(
    db: &dyn Database,
    office: &Office,
    desk: &Desk,
    slot: &str,
    walker: &Walker,
    staff: &str,
    now: DateTime<Utc>,
) -> Result<WalkInTicket, Error> {
    let today = now.with_timezone(&OFFICE_TZ).date_naive();
    let invalid = || Error::field("invalid_slot", "slot");
    let slots = desk.slots(&office.closures, today).map_err(|_| invalid())?;
    // A slot named, or (like a ticket printer) the first one today with a seat left.
    let candidates: Vec<_> = slots
        .into_iter()
        .filter(|s| s.end > now)
        .filter(|s| slot.is_empty() || s.local_start().format("%H:%M").to_string() == slot)
        .collect();
    if candidates.is_empty() {
        return Err(invalid());
    }
    let (slot, ticket, place) = in_transaction(db, || {
        for slot in &candidates {
            let issued = db.execute(
                ISSUE_TICKET,
                &[
                    desk.service.code.as_str().into(),
                    db_time(slot.start).into(),
                    db_time(now).into(),
                    staff.into(),
                    i64::from(desk.walk_in_seats()).into(),
                    desk.location.code.as_str().into(),
                ],
            )?;
            let Some(id) = issued.read_first(|r| r.int("id"))? else {
                continue;
            };
            let ticket = format!("{}-{id:04}", queue::service_letter(&desk.service.code));
            let arrival = Arrival {
                location: &desk.location.code,
                service: &desk.service.code,
                booking: None,
                ticket: Some(id),
                code: Some(ticket.clone()),
                due_at: slot.start,
                lang: walker.lang,
                phone: walker.phone.as_ref().map(Phone::as_str),
                email: walker.email.as_ref().map(Email::as_str),
            };
            return Ok((slot, ticket, queue::join(db, &arrival, now)?));
        }
        Err(Error::WalkInFull)
    })?;
    let local = slot.local_start();
    Ok(WalkInTicket {
        live: place.link,
        ticket,
        location: desk.location.code.clone(),
        service: desk.service.code.clone(),
        slot_start: local.to_rfc3339(),
        time: local.format("%H:%M").to_string(),
    })
}
