//! Message delivery from the outbox: rows are claimed atomically before sending, so
//! overlapping or crashed runs never send a row twice, and each provider call carries
//! the row's dedupe key as its Idempotency-Key.
//!
//! A booking's message is rendered when sent, from the booking and its `secret`: the
//! reservation number (confirmation), the cancellation link's token (the reminder's
//! email, R14) or the relocation's answer link (R18); links are otherwise kept only
//! hashed. The secret is erased as soon as it is no longer needed: once sent or
//! skipped, and a link once the message fails for good, since the citizen never got
//! it. If staff send a failed message again (`retry_failed`), a link is issued afresh
//! (the old one was never delivered, and a relocation's fresh link also goes to its
//! other channel's notice still waiting). A reservation or complaint number can't be
//! issued afresh (the citizen was shown it) and acts on nothing (it only reads the
//! status), so a failed confirmation or complaint acknowledgement keeps it, for staff
//! to send it again, until retention erases the message (`message_days`). An order's
//! number opens its document, so a failed order confirmation loses it and is not sent
//! again (the citizen was shown it on ordering).
//!
//! Complaint and order messages are rendered when queued (`payload`), but the link or
//! number their texts carry is kept apart in `secret` and put back when sent
//! (`queue::with_secret`), so it goes the same way: a failed one keeps its text (until
//! retention erases it, `message_days`) but no working link. Sent again, a decision's
//! escalation link (C05) and an order's info-request or download link (D03) are issued
//! afresh. Rows queued before the secret was kept apart carry their link in the
//! payload and are sent as they are.

use crate::booking::{Booking, cancellation};
use crate::complaints;
use crate::kernel::error::Error;
use crate::messaging::limits::MessageLimits;
use crate::messaging::{messages, queue};
use crate::office::setup::store;
use crate::office::{Office, Setup, relocation};
use crate::orders::processing;
use crate::seams::{Sent, Transport};
use crate::storage::{Database, Row, StorageError, Value, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::json;

/// A provider endpoint: where to POST and the bearer token to send.
#[derive(Debug, Clone)]
pub struct Provider {
    pub url: String,
    pub token: String,
}

/// The configured providers; a channel with none keeps its messages pending.
#[derive(Debug, Clone)]
pub struct Providers {
    pub email: Option<Provider>,
    pub sms: Option<Provider>,
    /// R21: the address citizens are told to whitelist.
    pub mail_sender: String,
    /// The public origin the app's links start with, e.g. `https://programari.example.ro`.
    pub public_base_url: String,
    pub max_attempts: i64,
}

/// Claim time: a run that dies leaves its rows claimable again after this.
const CLAIM_FOR: Duration = Duration::minutes(5);
const BATCH: i64 = 50;

const CLAIM: &str =
    "UPDATE outbox SET state = 'sending', claimed_until = ?2, attempts = attempts + 1
    WHERE id IN (SELECT id FROM outbox
                 WHERE channel IN (?3, ?4)
                   AND ((state = 'pending' AND next_attempt_at <= ?1)
                        OR (state = 'sending' AND claimed_until <= ?1))
                 ORDER BY id LIMIT ?5)
    RETURNING id, dedupe_key, booking_id, kind, channel, recipient, secret, payload, attempts";

const MARK_SENT: &str = "UPDATE outbox SET state = 'sent', sent_at = ?, secret = NULL, payload = NULL, claimed_until = NULL, last_error = NULL
    WHERE id = ? AND state = 'sending'";
/// A message not sent, with why when there is something to say.
const MARK_SKIPPED: &str = "UPDATE outbox SET state = 'skipped', last_error = IFNULL(?1, last_error), secret = NULL, payload = NULL, claimed_until = NULL
    WHERE id = ?2 AND state = 'sending'";
const SENT_TO_RECIPIENT: &str = "SELECT COUNT(*) AS sent FROM outbox
    WHERE recipient = ? AND channel = ? AND state = 'sent' AND sent_at > ?";
const MARK_RETRY: &str =
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?, claimed_until = NULL
    WHERE id = ? AND state = 'sending'";
/// A link dies with the message; a reservation or complaint number stays, for staff
/// to send it again (see the module's doc).
const MARK_FAILED: &str = "UPDATE outbox SET state = 'failed', last_error = ?,
        secret = CASE WHEN kind IN ('confirmation', 'complaint_ack') THEN secret END,
        claimed_until = NULL
    WHERE id = ? AND state = 'sending'";

struct Claimed {
    id: i64,
    dedupe_key: String,
    booking_id: Option<i64>,
    kind: String,
    channel: String,
    recipient: String,
    secret: Option<String>,
    /// A message rendered when queued: `{"subject", "text", "html"}` or `{"text"}`.
    payload: Option<String>,
    attempts: i64,
}

impl Claimed {
    fn from_row(r: &Row) -> Result<Self, StorageError> {
        Ok(Claimed {
            id: r.int("id")?,
            dedupe_key: r.text("dedupe_key")?,
            booking_id: r.opt_int("booking_id")?,
            kind: r.text("kind")?,
            channel: r.text("channel")?,
            recipient: r.text("recipient")?,
            secret: r.opt_text("secret")?,
            payload: r.opt_text("payload")?,
            attempts: r.int("attempts")?,
        })
    }
}

/// What one delivery run did.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// Wait before the next try after `attempts` failures: 1, 2, 4 … minutes, at most an hour.
pub fn backoff(attempts: i64) -> Duration {
    Duration::minutes(1 << (attempts - 1).clamp(0, 6)).min(Duration::hours(1))
}

const WATERMARK: &str = "SELECT last_id FROM watermarks WHERE name = ?";
const SET_WATERMARK: &str = "UPDATE watermarks SET last_id = ? WHERE name = ?";
const NEW_BOOKINGS_UP_TO: &str = "SELECT MAX(id) AS up_to
    FROM (SELECT id FROM bookings WHERE id > ? ORDER BY id LIMIT 500)";
/// The plain reservation number is kept only while a retry may still ask for it,
/// and never forgotten before its confirmation is queued.
const FORGET_REPLIES: &str = "UPDATE bookings SET reply_number = NULL, reply_until = NULL
    WHERE id > ?1 AND id <= ?2 AND reply_until <= ?3";
const REPLIES_KEPT_FROM: &str = "SELECT IFNULL(MIN(id) - 1, ?2) AS up_to FROM bookings
    WHERE id > ?1 AND id <= ?2 AND reply_until IS NOT NULL";

fn watermark(db: &dyn Database, name: &str) -> Result<i64, Error> {
    Ok(db
        .execute(WATERMARK, &[name.into()])?
        .read_first(|r| r.int("last_id"))?
        .unwrap_or(0))
}

/// Queues the confirmations of the bookings made since the last run and forgets the
/// retry replies that expired, in one transaction: the booking's own write stays a
/// single row, and a crash or an overlapping run queues nothing twice.
pub fn queue_confirmations(db: &dyn Database, now: DateTime<Utc>) -> Result<(), Error> {
    in_transaction(db, || {
        let from = watermark(db, "confirmations")?;
        let up_to = db
            .execute(NEW_BOOKINGS_UP_TO, &[from.into()])?
            .read_first(|r| r.opt_int("up_to"))?
            .flatten();
        let confirmed = match up_to {
            Some(up_to) => {
                queue::confirmations(db, from, up_to)?;
                db.execute(SET_WATERMARK, &[up_to.into(), "confirmations".into()])?;
                up_to
            }
            None => from,
        };
        let replies = watermark(db, "replies")?;
        let range = [replies.into(), confirmed.into(), db_time(now).into()];
        db.execute(FORGET_REPLIES, &range)?;
        let kept_from = db
            .execute(REPLIES_KEPT_FROM, &range[..2])?
            .read_first(|r| r.int("up_to"))?
            .unwrap_or(replies);
        db.execute(SET_WATERMARK, &[kept_from.into(), "replies".into()])?;
        Ok(())
    })
}

/// Sends what is due through the configured providers.
pub fn deliver(
    db: &dyn Database,
    transport: &dyn Transport,
    providers: &Providers,
    office: &Office,
    now: DateTime<Utc>,
) -> Result<Report, Error> {
    let channel = |p: &Option<Provider>, name: &'static str| p.as_ref().map(|_| name).unwrap_or("");
    let (email, sms) = (
        channel(&providers.email, "email"),
        channel(&providers.sms, "sms"),
    );
    let mut report = Report::default();
    // Queued even with no provider: unsent messages stay visible to staff.
    queue_confirmations(db, now)?;
    if email.is_empty() && sms.is_empty() {
        return Ok(report);
    }
    let claimed = db.execute(
        CLAIM,
        &[
            db_time(now).into(),
            db_time(now + CLAIM_FOR).into(),
            email.into(),
            sms.into(),
            BATCH.into(),
        ],
    )?;
    let claimed = claimed.read(|r| Claimed::from_row(&r))?;
    if claimed.is_empty() {
        return Ok(report);
    }
    // Booking messages name the service and the location as the setup has them now.
    let setup = store::load(db, &office.setup, now)?.setup;
    for message in claimed {
        match next_step(db, &message, providers, office, &setup, now)? {
            Next::Send(provider, body) => {
                let outcome = send(transport, provider, &message, &body);
                record(db, &message, outcome, providers, now, &mut report)?;
            }
            Next::Skip(reason) => {
                db.execute(MARK_SKIPPED, &[reason.into(), message.id.into()])?;
                report.skipped += 1;
            }
        }
    }
    Ok(report)
}

/// What becomes of a claimed message.
enum Next<'p> {
    Send(&'p Provider, serde_json::Value),
    /// Not sent, with why when there is something to tell staff.
    Skip(Option<&'static str>),
}

fn next_step<'p>(
    db: &dyn Database,
    message: &Claimed,
    providers: &'p Providers,
    office: &Office,
    setup: &Setup,
    now: DateTime<Utc>,
) -> Result<Next<'p>, Error> {
    if let Some(reason) = held_back(db, message, &office.messages, now)? {
        return Ok(Next::Skip(Some(reason)));
    }
    if let Some(payload) = &message.payload {
        let Ok(payload) = serde_json::from_str(payload) else {
            return Ok(Next::Skip(None));
        };
        let Some(payload) = queue::with_secret(payload, message.secret.as_deref()) else {
            return Ok(Next::Skip(Some(LINK_GONE)));
        };
        return Ok(rendered(message, &payload, providers)
            .map_or(Next::Skip(None), |(p, b)| Next::Send(p, b)));
    }
    let booking = match message.booking_id {
        Some(id) => Booking::by_id(db, id)?,
        None => None,
    };
    // R06/R07: bookings cancelled as duplicates get no message at all; nor does
    // an appointment that has already started. The office's own cancellation
    // (R18) is the one message about a booking no longer active.
    let still_relevant = |b: &Booking| {
        b.slot_start > now
            && (b.state == "active"
                || (message.kind == "office_cancelled"
                    && b.cancel_reason.as_deref() == Some("office_closed")))
    };
    Ok(booking
        .filter(still_relevant)
        .and_then(|booking| render(message, &booking, providers, setup, now))
        .map_or(Next::Skip(None), |(p, b)| Next::Send(p, b)))
}

/// Why a message is not sent at all (a foreign SMS, a recipient past the day's cap);
/// None when it may go.
fn held_back(
    db: &dyn Database,
    message: &Claimed,
    limits: &MessageLimits,
    now: DateTime<Utc>,
) -> Result<Option<&'static str>, Error> {
    if message.channel == "sms"
        && let Some(reason) = limits.refuses_sms_to(&message.recipient)
    {
        return Ok(Some(reason));
    }
    let sent = db
        .execute(
            SENT_TO_RECIPIENT,
            &[
                message.recipient.as_str().into(),
                message.channel.as_str().into(),
                db_time(now - Duration::days(1)).into(),
            ],
        )?
        .read_first(|r| r.int("sent"))?
        .unwrap_or(0);
    Ok((sent >= i64::from(limits.per_recipient_per_day)).then_some(
        "not sent: the recipient had the day's messages (office.messages.per_recipient_per_day)",
    ))
}

/// One provider call: None when accepted, else why not.
fn send(
    transport: &dyn Transport,
    provider: &Provider,
    message: &Claimed,
    body: &serde_json::Value,
) -> Option<String> {
    match transport.post_json(&provider.url, &provider.token, &message.dedupe_key, body) {
        Sent::Status(s) if (200..300).contains(&s) => None,
        Sent::Status(s) => Some(format!("provider answered {s}")),
        Sent::Failed(e) => Some(e),
    }
}

/// Marks the row sent, due again after the backoff, or failed for good.
fn record(
    db: &dyn Database,
    message: &Claimed,
    error: Option<String>,
    providers: &Providers,
    now: DateTime<Utc>,
    report: &mut Report,
) -> Result<(), Error> {
    match error {
        None => {
            db.execute(MARK_SENT, &[db_time(now).into(), message.id.into()])?;
            report.sent += 1;
        }
        Some(e) if message.attempts >= providers.max_attempts => {
            db.execute(MARK_FAILED, &[e.into(), message.id.into()])?;
            report.failed += 1;
        }
        Some(e) => {
            let next = now + backoff(message.attempts);
            db.execute(
                MARK_RETRY,
                &[db_time(next).into(), e.into(), message.id.into()],
            )?;
            report.retried += 1;
        }
    }
    Ok(())
}

/// Why a rendered message sent again went nowhere: staff asked for it once its link
/// could no longer be issued afresh (see `retry_failed`).
const LINK_GONE: &str =
    "not sent: its link was used or replaced, or the case moved on, since it failed";

/// A message rendered when it was queued, its secret put back, addressed for its
/// provider.
fn rendered<'p>(
    message: &Claimed,
    payload: &serde_json::Value,
    providers: &'p Providers,
) -> Option<(&'p Provider, serde_json::Value)> {
    match message.channel.as_str() {
        "sms" => Some((
            providers.sms.as_ref()?,
            json!({"to": message.recipient, "text": payload["text"]}),
        )),
        "email" => Some((
            providers.email.as_ref()?,
            json!({
                "from": providers.mail_sender,
                "to": message.recipient,
                "subject": payload["subject"],
                "text": payload["text"],
                "html": payload["html"],
                "attachments": [],
            }),
        )),
        _ => None,
    }
}

fn render<'p>(
    message: &Claimed,
    booking: &Booking,
    providers: &'p Providers,
    setup: &Setup,
    now: DateTime<Utc>,
) -> Option<(&'p Provider, serde_json::Value)> {
    let secret = message.secret.as_deref()?;
    let link = |path: &str| {
        format!(
            "{}/{path}/{secret}",
            providers.public_base_url.trim_end_matches('/')
        )
    };
    match (message.channel.as_str(), message.kind.as_str()) {
        ("sms", kind) => {
            let text = match kind {
                "confirmation" => messages::confirmation_sms(booking, setup, secret),
                "reminder" => messages::reminder_sms(booking, setup),
                "relocation" => messages::relocation_sms(booking, setup, &link("relocation")),
                "office_cancelled" => messages::office_cancelled_sms(booking, setup),
                _ => return None,
            };
            Some((
                providers.sms.as_ref()?,
                json!({"to": message.recipient, "text": text}),
            ))
        }
        ("email", kind) => {
            let email = match kind {
                "confirmation" => messages::confirmation_email(booking, setup, secret, now),
                "reminder" => messages::reminder_email(booking, setup, &link("cancel")),
                "relocation" => messages::relocation_email(booking, setup, &link("relocation")),
                "office_cancelled" => messages::office_cancelled_email(booking, setup),
                _ => return None,
            };
            let attachments: Vec<_> = email
                .attachments
                .iter()
                .map(|a| json!({"filename": a.filename, "content_type": a.content_type, "content": a.content}))
                .collect();
            let body = json!({
                "from": providers.mail_sender,
                "to": message.recipient,
                "subject": email.subject,
                "text": email.text,
                "html": email.html,
                "attachments": attachments,
            });
            Some((providers.email.as_ref()?, body))
        }
        _ => None,
    }
}

/// A message as staff see it: no secret, no body.
#[derive(Debug, Serialize)]
pub struct ListedMessage {
    pub id: i64,
    pub kind: String,
    pub channel: String,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub next_attempt_at: String,
    pub sent_at: Option<String>,
}

const LIST: &str = "SELECT id, kind, channel, state, attempts, last_error, next_attempt_at, sent_at
    FROM outbox WHERE state = ? ORDER BY id DESC LIMIT 200";
const FAILED: &str =
    "SELECT booking_id, complaint_id, order_id, kind, channel, dedupe_key, secret, payload
    FROM outbox WHERE id = ? AND state = 'failed'";
const RETRY_FAILED: &str = "UPDATE outbox
    SET state = 'pending', attempts = 0, next_attempt_at = ?1, last_error = NULL, secret = ?3
    WHERE id = ?2 AND state = 'failed' RETURNING id";
/// The notice on the other channel, not sent yet, carries the same link: it gets the
/// fresh one too.
const SIBLING_SECRET: &str = "UPDATE outbox SET secret = ?2 WHERE dedupe_key = ?1 AND state = 'pending' AND secret IS NOT NULL";

/// A failed message, as `retry_failed` reads it.
struct Failed {
    booking: Option<i64>,
    complaint: Option<i64>,
    order: Option<i64>,
    kind: String,
    channel: String,
    dedupe_key: String,
    secret: Option<String>,
    payload: Option<String>,
}

impl Failed {
    fn from_row(r: &Row) -> Result<Self, StorageError> {
        Ok(Failed {
            booking: r.opt_int("booking_id")?,
            complaint: r.opt_int("complaint_id")?,
            order: r.opt_int("order_id")?,
            kind: r.text("kind")?,
            channel: r.text("channel")?,
            dedupe_key: r.text("dedupe_key")?,
            secret: r.opt_text("secret")?,
            payload: r.opt_text("payload")?,
        })
    }

    /// Whether it was rendered with its secret kept apart (see `queue::PLACEHOLDER`).
    fn has_placeholder(&self) -> bool {
        self.payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .is_some_and(|p| queue::has_placeholder(&p))
    }

    /// The event id a complaint's or order's message key ends with
    /// (`{kind}:{channel}:{subject}:{occasion}`).
    fn occasion(&self) -> Option<i64> {
        self.dedupe_key.splitn(4, ':').nth(3)?.parse().ok()
    }
}

/// The outbox by state, for staff.
pub fn list(db: &dyn Database, state: &str) -> Result<Vec<ListedMessage>, Error> {
    Ok(db.execute(LIST, &[state.into()])?.read(|r| {
        Ok(ListedMessage {
            id: r.int("id")?,
            kind: r.text("kind")?,
            channel: r.text("channel")?,
            state: r.text("state")?,
            attempts: r.int("attempts")?,
            last_error: r.opt_text("last_error")?,
            next_attempt_at: r.text("next_attempt_at")?,
            sent_at: r.opt_text("sent_at")?,
        })
    })?)
}

/// Puts a failed message back in the queue, with a fresh link where it had one (see
/// the module's doc); false when it is not a failed message.
pub fn retry_failed(db: &dyn Database, id: i64, now: DateTime<Utc>) -> Result<bool, Error> {
    in_transaction(db, || {
        let Some(failed) = db
            .execute(FAILED, &[id.into()])?
            .read_first(|r| Failed::from_row(&r))?
        else {
            return Ok(false);
        };
        let secret = match (
            failed.booking,
            failed.kind.as_str(),
            failed.channel.as_str(),
        ) {
            (Some(booking), "reminder", "email") => {
                cancellation::reissue(db, booking)?.map(|t| t.as_str().to_owned())
            }
            (Some(_), "reminder" | "office_cancelled", _) => Some(String::new()),
            (Some(_), "relocation", _) => match subject(&failed.dedupe_key) {
                Some(relocation) => fresh_relocation_link(db, relocation, &failed.channel)?,
                None => None,
            },
            // The number can't be issued again: once retention erased it, the
            // confirmation can't go (the booker saw the number; the reminder comes).
            (Some(_), "confirmation", _) if failed.secret.is_none() => {
                return Err(Error::conflict("confirmation_not_resendable", "id"));
            }
            (None, ..) if failed.has_placeholder() => fresh_rendered_secret(db, &failed)?,
            _ => failed.secret,
        };
        Ok(db
            .execute(
                RETRY_FAILED,
                &[Value::from(db_time(now)), id.into(), secret.into()],
            )?
            .first()
            .is_some())
    })
}

/// R18: a relocation's fresh answer link, also for its notice on the other channel if
/// that one is still waiting; None once the relocation was answered.
fn fresh_relocation_link(
    db: &dyn Database,
    relocation: i64,
    channel: &str,
) -> Result<Option<String>, Error> {
    let Some(token) = relocation::reissue(db, relocation)? else {
        return Ok(None);
    };
    give_sibling(db, "relocation", channel, relocation, None, token.as_str())?;
    Ok(Some(token.as_str().to_owned()))
}

/// Issue 25: a complaint's or order's message rendered with its secret kept apart gets
/// its link issued afresh: a decision's escalation link (C05, also for its notice on
/// the other channel if that one is still waiting), an order's info-request or
/// download link (D03). None once that link can no longer be (used, replaced by a
/// newer one, the case moved on): the message is then skipped. A number can't be
/// issued again: a complaint acknowledgement goes with the number it kept, an order
/// confirmation (whose number was erased on failure) is not sent again.
fn fresh_rendered_secret(db: &dyn Database, failed: &Failed) -> Result<Option<String>, Error> {
    let token = match (
        failed.kind.as_str(),
        failed.complaint,
        failed.order,
        failed.occasion(),
    ) {
        ("complaint_decision", Some(complaint), _, Some(decided)) => {
            let token = complaints::reissue_escalation_link(db, complaint, decided)?;
            if let Some(token) = &token {
                let occasion = decided.to_string();
                let (kind, channel) = (failed.kind.as_str(), failed.channel.as_str());
                give_sibling(
                    db,
                    kind,
                    channel,
                    complaint,
                    Some(&occasion),
                    token.as_str(),
                )?;
            }
            token
        }
        ("order_info", _, Some(order), Some(asked)) => {
            processing::reissue_info_link(db, order, asked)?
        }
        ("order_delivery" | "order_link", _, Some(order), Some(sent)) => {
            processing::reissue_download_link(db, order, sent)?
        }
        ("complaint_ack" | "order_confirmation", ..) if failed.secret.is_none() => {
            return Err(Error::conflict("confirmation_not_resendable", "id"));
        }
        _ => return Ok(failed.secret.clone()),
    };
    Ok(token.map(|t| t.as_str().to_owned()))
}

/// Gives a fresh link to the message of the same kind and subject on the other
/// channel, if it still waits with the old one.
fn give_sibling(
    db: &dyn Database,
    kind: &str,
    channel: &str,
    subject: i64,
    occasion: Option<&str>,
    token: &str,
) -> Result<(), Error> {
    let other = if channel == "sms" { "email" } else { "sms" };
    let sibling = queue::dedupe_key(kind, other, subject, occasion);
    db.execute(SIBLING_SECRET, &[sibling.into(), token.into()])?;
    Ok(())
}

/// The subject id a dedupe key ends with (`{kind}:{channel}:{subject}`).
fn subject(dedupe_key: &str) -> Option<i64> {
    dedupe_key.rsplit(':').next()?.parse().ok()
}

#[cfg(test)]
mod tests;
