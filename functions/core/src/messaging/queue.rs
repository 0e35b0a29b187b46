//! Every write of a new message to the outbox, in one place (R04: queued in the same
//! transaction as the change that causes it; delivered by `outbox`).
//!
//! One dedupe key format, unique in the table, so queuing the same message twice
//! queues it once, and sent as the provider's Idempotency-Key:
//! `{kind}:{channel}:{subject}` or `{kind}:{channel}:{subject}:{occasion}`, where the
//! subject is the id of the booking, relocation, complaint or order the message is
//! about, and the occasion tells apart messages of one kind about one subject (a
//! complaint's step, an SLA flag, an order's event). Statements that queue straight
//! from `bookings` build the same key in SQL.

use crate::kernel::error::Error;
use crate::storage::{Database, db_time};
use chrono::{DateTime, Utc};

/// A message's dedupe key (see the module's doc).
pub fn dedupe_key(kind: &str, channel: &str, subject: i64, occasion: Option<&str>) -> String {
    match occasion {
        Some(occasion) => format!("{kind}:{channel}:{subject}:{occasion}"),
        None => format!("{kind}:{channel}:{subject}"),
    }
}

/// R02/R04: the confirmations of the active bookings with ids in (`:from`, `:up_to`]:
/// the SMS always, the email when one was given; the number rides along until sent.
/// Bookings that went in cancelled as duplicates (R06/R07) get nothing.
const CONFIRMATION_SMS: &str = "INSERT INTO outbox
    (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
    SELECT 'confirmation:sms:' || id, id, 'confirmation', 'sms', phone, reply_number,
           created_at, created_at
    FROM bookings WHERE id > :from AND id <= :up_to AND state = 'active'
    ON CONFLICT (dedupe_key) DO NOTHING";
const CONFIRMATION_EMAIL: &str = "INSERT INTO outbox
    (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
    SELECT 'confirmation:email:' || id, id, 'confirmation', 'email', email, reply_number,
           created_at, created_at
    FROM bookings WHERE id > :from AND id <= :up_to AND state = 'active' AND email IS NOT NULL
    ON CONFLICT (dedupe_key) DO NOTHING";

/// Queues the confirmations of the bookings with ids in (`from`, `up_to`].
pub fn confirmations(db: &dyn Database, from: i64, up_to: i64) -> Result<(), Error> {
    for statement in [CONFIRMATION_SMS, CONFIRMATION_EMAIL] {
        db.execute_named(statement, &[("from", from.into()), ("up_to", up_to.into())])?;
    }
    Ok(())
}

/// R14: the SMS always; the email, which alone carries the cancellation link, when
/// there is an address. The caller makes sure it happens once (the link's token).
const REMINDER_SMS: &str = "INSERT INTO outbox
    (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
    SELECT 'reminder:sms:' || id, id, 'reminder', 'sms', phone, '', :now, :now FROM bookings WHERE id = :booking";
const REMINDER_EMAIL: &str = "INSERT INTO outbox
    (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
    SELECT 'reminder:email:' || id, id, 'reminder', 'email', email, :link, :now, :now FROM bookings
    WHERE id = :booking AND email IS NOT NULL";

/// Queues a booking's reminder with its cancellation link (`link`, the token).
pub fn reminder(
    db: &dyn Database,
    booking: i64,
    link: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let now = db_time(now);
    db.execute_named(
        REMINDER_SMS,
        &[("booking", booking.into()), ("now", now.as_str().into())],
    )?;
    db.execute_named(
        REMINDER_EMAIL,
        &[
            ("booking", booking.into()),
            ("now", now.as_str().into()),
            ("link", link.into()),
        ],
    )?;
    Ok(())
}

/// R18: a relocation's notice to the booker on each contact, keyed by the relocation.
const RELOCATION_NOTICE: &str = "INSERT INTO outbox (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
    SELECT :kind || ':sms:' || :relocation, id, :kind, 'sms', phone, :secret, :now, :now FROM bookings WHERE id = :booking
    UNION ALL
    SELECT :kind || ':email:' || :relocation, id, :kind, 'email', email, :secret, :now, :now FROM bookings
    WHERE id = :booking AND email IS NOT NULL";

/// Queues the notice of relocation `relocation` of `booking` (its `kind` says whether
/// it moved or was cancelled; `secret` is its link's token, or empty).
pub fn relocation_notice(
    db: &dyn Database,
    kind: &str,
    relocation: i64,
    booking: i64,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    db.execute_named(
        RELOCATION_NOTICE,
        &[
            ("kind", kind.into()),
            ("relocation", relocation.into()),
            ("booking", booking.into()),
            ("secret", secret.into()),
            ("now", db_time(now).into()),
        ],
    )?;
    Ok(())
}

/// What a rendered message is about.
#[derive(Debug, Clone, Copy)]
pub enum About {
    Complaint(i64),
    Order(i64),
    /// A place in the floor's queue (issue 22): no column of its own.
    Queue(i64),
}

/// A message rendered when queued (complaints, orders): its text travels as `payload`.
pub struct Rendered<'a> {
    pub about: About,
    pub kind: &'a str,
    pub channel: &'a str,
    pub recipient: &'a str,
    /// Tells apart messages of this kind about the same subject; None for the only one.
    pub occasion: Option<&'a str>,
    /// `{"subject", "text", "html"}` (`messages::Email::payload`) or `{"text"}`.
    pub payload: &'a serde_json::Value,
    /// The link token or number the texts carry, if any: kept out of the payload (see
    /// `PLACEHOLDER`).
    pub secret: Option<&'a str>,
}

/// What stands in a payload's texts for the message's link token or number. The
/// payload names it (`"placeholder"`), and only such a payload is filled when sent:
/// the secret travels in the `secret` column, which is erased once the message is
/// sent, skipped or fails for good, so a message that never arrived keeps no working
/// link in clear (issue 25). Payloads queued before carry their link inside and no
/// placeholder; they are sent as they are and erased after `message_days`. (A staff
/// text that happens to hold the placeholder shows the same link there too, to the
/// same recipient.)
const PLACEHOLDER: &str = "{{secret}}";

/// The payload with `secret` taken out of its texts and the placeholder named.
fn without_secret(payload: &serde_json::Value, secret: &str) -> serde_json::Value {
    let mut payload = payload.clone();
    if let Some(fields) = payload.as_object_mut() {
        for value in fields.values_mut() {
            if let Some(text) = value.as_str() {
                *value = text.replace(secret, PLACEHOLDER).into();
            }
        }
        fields.insert("placeholder".to_owned(), PLACEHOLDER.into());
    }
    payload
}

/// Whether a stored payload left a placeholder for its secret.
pub fn has_placeholder(payload: &serde_json::Value) -> bool {
    payload.get("placeholder").is_some()
}

/// The payload as its recipient reads it, the secret put back in its texts; None when
/// it has a placeholder and no secret is left to fill it.
pub fn with_secret(
    mut payload: serde_json::Value,
    secret: Option<&str>,
) -> Option<serde_json::Value> {
    let Some(fields) = payload.as_object_mut() else {
        return Some(payload);
    };
    let Some(placeholder) = fields.remove("placeholder") else {
        return Some(payload);
    };
    let (placeholder, secret) = (placeholder.as_str()?.to_owned(), secret?);
    for value in fields.values_mut() {
        if let Some(text) = value.as_str() {
            *value = text.replace(&placeholder, secret).into();
        }
    }
    Some(payload)
}

const RENDERED: &str = "INSERT INTO outbox
    (dedupe_key, complaint_id, order_id, kind, channel, recipient, payload, secret,
     next_attempt_at, created_at)
    VALUES (:dedupe_key, :complaint, :order, :kind, :channel, :recipient, :payload, :secret,
            :now, :now)
    ON CONFLICT (dedupe_key) DO NOTHING";

/// Queues a rendered message, once per dedupe key.
pub fn rendered(db: &dyn Database, message: &Rendered, now: DateTime<Utc>) -> Result<(), Error> {
    let (subject, complaint, order) = match message.about {
        About::Complaint(id) => (id, Some(id), None),
        About::Order(id) => (id, None, Some(id)),
        About::Queue(id) => (id, None, None),
    };
    let key = dedupe_key(message.kind, message.channel, subject, message.occasion);
    let secret = message.secret.filter(|s| !s.is_empty());
    let payload = match secret {
        Some(secret) => without_secret(message.payload, secret),
        None => message.payload.clone(),
    };
    db.execute_named(
        RENDERED,
        &[
            ("dedupe_key", key.into()),
            ("complaint", complaint.into()),
            ("order", order.into()),
            ("kind", message.kind.into()),
            ("channel", message.channel.into()),
            ("recipient", message.recipient.into()),
            ("payload", payload.to_string().into()),
            ("secret", secret.into()),
            ("now", db_time(now).into()),
        ],
    )?;
    Ok(())
}
