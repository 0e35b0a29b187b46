//! Retention (GDPR): personal data is kept only while the office needs it. The
//! rows stay, so statistics (service, time, state, fee) still add up; what made them
//! personal (names, contacts, VINs and holders, free texts, documents) is erased.
//!
//! | what | erased | setting (`office.retention`) |
//! |---|---|---|
//! | a booking's name, phone, email, VIN/holder | `booking_days` after the appointment (R03's window at least) | `booking_days` |
//! | a used or revoked exemption's VIN/holder and the reason staff wrote | `booking_days` after it was used or revoked | `booking_days` |
//! | an exemption never used nor revoked | lapses (revoked, erased as above) `stale_days` after it was granted | `stale_days` |
//! | a closed window's reason (staff's words, may name people) | `booking_days` after the window ended | `booking_days` |
//! | a ban's contact | a keyed hash from the start; emptied when the ban ends | — |
//! | a complaint's texts and contacts, its log's texts | `complaint_days` after it was resolved | `complaint_days` |
//! | an order's name, contacts, details, log texts (not the provider's references) and document | `order_days` after it closed | `order_days` |
//! | a complaint or an order in any state, as above | `stale_days` after its last event (else its receipt) | `stale_days` |
//! | a message's link or number (`secret`, never in its text; a complaint or order message an earlier version queued holds it in its text until `message_days`) | when it fails for good (see `messaging::outbox`) | — |
//! | a message's recipient, text and last error | `message_days` after it was sent or given up | `message_days` |
//! | a message never delivered | given up `booking_days` after it was queued | `booking_days` |
//! | the phone or email a walk-in (or a booker) gave for the turn-near message (issue 22) | after its day | — |
//!
//! Why `stale_days`: the other windows start when the office closes a case, and a case
//! the office never closes would keep its data for ever. A complaint nobody touched for a
//! year is long past C04's 30 business days, and an order paid, processing or issued but
//! neither delivered nor refused for a year is abandoned: nobody is still waiting on it
//! with the office's help, and its row and state (a `paid` order left undelivered, say)
//! stay for statistics and for whoever audits the office. It is never shorter than the
//! other windows, so a case closed on time always keeps its data for its own window.
//!
//! The audit trail holds staff names and subjects (`booking:17`), never contacts, and
//! is never erased. The cron works in batches of `batch_size`, each its own
//! transaction, and every statement only touches rows not yet erased: a run cut short
//! leaves consistent data, and a repeated or concurrent run erases nothing twice.

pub mod access;

use crate::identity::contact_key::ContactKey;
use crate::kernel::error::Error;
use crate::kernel::time::office_date;
use crate::staff::accounts;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, Value, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// R03: a booking's status can be checked for at least this many days after it.
pub const STATUS_WINDOW_DAYS: u32 = 10;

/// A run stops after this many batches of one kind; the next run goes on.
const MAX_BATCHES_PER_RUN: usize = 20;

/// How long personal data is kept, in days; any part may be left out of the override.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetentionSettings {
    /// After the appointment's end: bookings (and used exemptions, undelivered messages).
    pub booking_days: u32,
    /// After the complaint was resolved (an escalation reopens it and restarts this).
    pub complaint_days: u32,
    /// After the order was delivered, rejected, expired or cancelled.
    pub order_days: u32,
    /// After a message was sent, skipped or given up.
    pub message_days: u32,
    /// After the last event of a complaint or order in any state, and after an unused
    /// exemption was granted: the bound for cases the office never closes.
    pub stale_days: u32,
    /// Rows erased per transaction: small, so a rush never waits long behind the cron.
    pub batch_size: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            booking_days: STATUS_WINDOW_DAYS,
            complaint_days: 365,
            order_days: 90,
            message_days: 7,
            stale_days: 365,
            batch_size: 100,
        }
    }
}

impl RetentionSettings {
    /// The setting that can't stand, as (its path under `retention`, why).
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if self.booking_days < STATUS_WINDOW_DAYS {
            return Err((
                "booking_days",
                format!("at least {STATUS_WINDOW_DAYS}: R03 keeps the status for that long"),
            ));
        }
        for (path, days) in [
            ("complaint_days", self.complaint_days),
            ("order_days", self.order_days),
            ("message_days", self.message_days),
        ] {
            if days == 0 {
                return Err((path, "at least 1 day".to_owned()));
            }
        }
        let longest = self
            .booking_days
            .max(self.complaint_days)
            .max(self.order_days)
            .max(self.message_days);
        if self.stale_days < longest {
            return Err((
                "stale_days",
                format!(
                    "at least {longest}, the longest other window: a case closed on time keeps its data for its own window"
                ),
            ));
        }
        if !(1..=1000).contains(&self.batch_size) {
            return Err(("batch_size", "from 1 to 1000".to_owned()));
        }
        Ok(())
    }

    fn before(&self, days: u32, now: DateTime<Utc>) -> Value {
        db_time(now - Duration::days(i64::from(days))).into()
    }
}

/// What one run erased, by kind; logged and audited (counts only).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub bookings: usize,
    pub exemptions: usize,
    /// Exemptions never used nor revoked within `stale_days`.
    pub exemptions_lapsed: usize,
    /// Closed windows whose reason was erased.
    pub closure_reasons: usize,
    pub bans_ended: usize,
    pub bans_rehashed: usize,
    pub complaints: usize,
    pub orders: usize,
    pub messages: usize,
    pub messages_given_up: usize,
    /// Failed-login rows whose failures are forgotten and whose lock is over.
    pub login_failures: usize,
    /// Places in the floor's queue of earlier days whose turn-near contact was erased.
    pub queue_contacts: usize,
}

impl Report {
    pub fn total(&self) -> usize {
        self.bookings
            + self.exemptions
            + self.exemptions_lapsed
            + self.closure_reasons
            + self.bans_ended
            + self.bans_rehashed
            + self.complaints
            + self.orders
            + self.messages
            + self.messages_given_up
            + self.login_failures
            + self.queue_contacts
    }
}

const ERASE_BOOKINGS: &str = "UPDATE bookings
    SET name = '', phone = '', email = NULL, holder = NULL, vin = NULL, identity_key = '',
        request_hash = '', reply_number = NULL, reply_until = NULL, erased_at = ?1
    WHERE id IN (SELECT id FROM bookings WHERE erased_at IS NULL AND slot_end <= ?2
                 ORDER BY id LIMIT ?3)
    RETURNING id";

/// `reason != ''` also finds the rows an earlier version erased without the reason.
const ERASE_EXEMPTIONS: &str = "UPDATE exemptions SET identity_key = '', reason = ''
    WHERE id IN (SELECT id FROM exemptions WHERE (identity_key != '' OR reason != '')
                 AND IFNULL(used_at, revoked_at) <= ?1 ORDER BY id LIMIT ?2)
    RETURNING id";
/// An exemption is for the next booking (R16); one still waiting after `stale_days`
/// lapses. Revoked, it leaves the open-exemption index and can't match a booking.
const LAPSE_EXEMPTIONS: &str = "UPDATE exemptions
    SET identity_key = '', reason = '', revoked_at = ?1
    WHERE id IN (SELECT id FROM exemptions WHERE used_at IS NULL AND revoked_at IS NULL
                 AND granted_at <= ?2 ORDER BY id LIMIT ?3)
    RETURNING id";

/// R18: the window itself (service, times, who closed it) stays; it blocks bookings.
const ERASE_CLOSURE_REASONS: &str = "UPDATE closed_windows SET reason = ''
    WHERE id IN (SELECT id FROM closed_windows WHERE reason != '' AND ends_at <= ?1
                 ORDER BY id LIMIT ?2)
    RETURNING id";

const END_BANS: &str = "UPDATE bans SET contact = ''
    WHERE id IN (SELECT id FROM bans WHERE contact != '' AND ends_at <= ?1 ORDER BY id LIMIT ?2)
    RETURNING id";

/// Bans an earlier version stored with the plain contact.
const PLAIN_BANS: &str = "SELECT id, contact FROM bans
    WHERE contact LIKE 'phone:%' OR contact LIKE 'email:%' ORDER BY id LIMIT ?1";
const REHASH_BAN: &str = "UPDATE bans SET contact = ?2 WHERE id = ?1 AND contact = ?3";

/// A complaint is closed while its newest event is its resolution; one in any state
/// is stale when its newest event (else its receipt) is older than `stale_days` (?4).
const ERASE_COMPLAINTS: &str = "UPDATE complaints
    SET description = '', solution_idea = NULL, email = NULL, phone = NULL,
        serial_number = NULL, reply_number = NULL, reply_until = NULL,
        escalation_token_hash = NULL, request_hash = NULL, erased_at = ?1
    WHERE id IN (SELECT c.id FROM complaints c
                 LEFT JOIN complaint_events e
                   ON e.id = (SELECT MAX(id) FROM complaint_events WHERE complaint_id = c.id)
                 WHERE c.erased_at IS NULL
                   AND IFNULL(e.at, c.received_at)
                       <= CASE WHEN e.kind = 'resolved' THEN ?2 ELSE ?4 END
                 ORDER BY c.id LIMIT ?3)
    RETURNING id";
const ERASE_COMPLAINT_TEXTS: &str = "UPDATE complaint_events SET text = NULL
    WHERE complaint_id IN (SELECT value FROM json_each(?1)) AND text IS NOT NULL";

/// An order is closed once delivered, rejected, expired or cancelled; one in any state
/// is stale when its newest event (else its creation) is older than `stale_days` (?4).
const ERASE_ORDERS: &str = "UPDATE orders
    SET name = '', email = '', phone = NULL, details = '{}', reply_number = NULL,
        reply_until = NULL, info_token_hash = NULL, download_token_hash = NULL,
        request_hash = NULL, erased_at = ?1
    WHERE id IN (SELECT o.id FROM orders o
                 WHERE o.erased_at IS NULL
                   AND IFNULL((SELECT MAX(at) FROM order_events WHERE order_id = o.id),
                              o.created_at)
                       <= CASE WHEN o.state IN ('delivered', 'rejected', 'expired', 'cancelled')
                               THEN ?2 ELSE ?4 END
                 ORDER BY o.id LIMIT ?3)
    RETURNING id";
/// The provider's references (a checkout, a payment, a refund owed or made) are no
/// one's personal data and are what a refund still owed is made with: they stay.
const ERASE_ORDER_TEXTS: &str = "UPDATE order_events SET text = NULL
    WHERE order_id IN (SELECT value FROM json_each(?1)) AND text IS NOT NULL
      AND kind NOT IN ('checkout', 'payment', 'refund_due', 'refunded')";
const ERASE_ORDER_DOCUMENTS: &str =
    "DELETE FROM order_documents WHERE order_id IN (SELECT value FROM json_each(?1))";

/// Issue 22: a walk-in's phone or email serves only their day's turn-near message.
const ERASE_QUEUE_CONTACTS: &str = "UPDATE queue_entries SET phone = NULL, email = NULL
    WHERE id IN (SELECT id FROM queue_entries
        WHERE day < ?1 AND (phone IS NOT NULL OR email IS NOT NULL) LIMIT ?2)
    RETURNING id";
const ERASE_MESSAGES: &str = "UPDATE outbox
    SET recipient = '', payload = NULL, secret = NULL, last_error = NULL
    WHERE id IN (SELECT id FROM outbox WHERE recipient != ''
                 AND state IN ('sent', 'skipped', 'failed')
                 AND IFNULL(sent_at, created_at) <= ?1 ORDER BY id LIMIT ?2)
    RETURNING id";
/// A message still pending long after its booking's data is gone is given up.
const GIVE_UP_MESSAGES: &str = "UPDATE outbox
    SET state = 'failed', recipient = '', payload = NULL, secret = NULL,
        last_error = 'given up: not delivered within the retention period'
    WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND created_at <= ?1
                 ORDER BY id LIMIT ?2)
    RETURNING id";

/// Erases what is due, kind by kind, in batches; audits the counts once per run
/// that erased anything.
pub fn erase_due(
    db: &dyn Database,
    settings: &RetentionSettings,
    key: &ContactKey,
    now: DateTime<Utc>,
) -> Result<Report, Error> {
    let at: Value = db_time(now).into();
    let batch = i64::from(settings.batch_size);
    let bookings_before = settings.before(settings.booking_days, now);
    let stale_before = settings.before(settings.stale_days, now);
    let batches = |sql: &str, params: &[Value]| {
        in_batches(db, settings, || Ok(db.execute(sql, params)?.rows.len()))
    };
    let report = Report {
        bookings: batches(
            ERASE_BOOKINGS,
            &[at.clone(), bookings_before.clone(), batch.into()],
        )?,
        exemptions: batches(ERASE_EXEMPTIONS, &[bookings_before.clone(), batch.into()])?,
        exemptions_lapsed: batches(
            LAPSE_EXEMPTIONS,
            &[at.clone(), stale_before.clone(), batch.into()],
        )?,
        closure_reasons: batches(
            ERASE_CLOSURE_REASONS,
            &[bookings_before.clone(), batch.into()],
        )?,
        bans_ended: batches(END_BANS, &[at.clone(), batch.into()])?,
        bans_rehashed: in_batches(db, settings, || rehash_plain_bans(db, key, batch))?,
        complaints: in_batches(db, settings, || {
            erase_with_texts(
                db,
                ERASE_COMPLAINTS,
                &[
                    at.clone(),
                    settings.before(settings.complaint_days, now),
                    batch.into(),
                    stale_before.clone(),
                ],
                &[ERASE_COMPLAINT_TEXTS],
            )
        })?,
        orders: in_batches(db, settings, || {
            erase_with_texts(
                db,
                ERASE_ORDERS,
                &[
                    at.clone(),
                    settings.before(settings.order_days, now),
                    batch.into(),
                    stale_before.clone(),
                ],
                &[ERASE_ORDER_TEXTS, ERASE_ORDER_DOCUMENTS],
            )
        })?,
        messages: batches(
            ERASE_MESSAGES,
            &[settings.before(settings.message_days, now), batch.into()],
        )?,
        messages_given_up: batches(GIVE_UP_MESSAGES, &[bookings_before, batch.into()])?,
        login_failures: in_batches(db, settings, || accounts::forget_failures(db, batch, now))?,
        queue_contacts: batches(
            ERASE_QUEUE_CONTACTS,
            &[office_date(now).to_string().into(), batch.into()],
        )?,
    };
    if report.total() > 0 {
        let entry = Entry::new("retention_erased", "retention").detail(summary(&report));
        audit(db, &Staff("system".to_owned()), &entry, now)?;
    }
    Ok(report)
}

/// Runs `step` (one batch, in its own transaction) until a batch comes back short.
fn in_batches(
    db: &dyn Database,
    settings: &RetentionSettings,
    step: impl Fn() -> Result<usize, Error>,
) -> Result<usize, Error> {
    let mut total = 0;
    for _ in 0..MAX_BATCHES_PER_RUN {
        let done = in_transaction(db, &step)?;
        total += done;
        if done < settings.batch_size as usize {
            break;
        }
    }
    Ok(total)
}

/// Erases a batch of parent rows, then their children's texts, in one transaction.
fn erase_with_texts(
    db: &dyn Database,
    parents: &str,
    params: &[Value],
    children: &[&str],
) -> Result<usize, Error> {
    let ids = db
        .execute(parents, params)?
        .iter()
        .map(|r| r.int("id"))
        .collect::<Result<Vec<_>, _>>()?;
    if !ids.is_empty() {
        let ids: Value = serde_json::to_string(&ids).expect("ids serialise").into();
        for child in children {
            db.execute(child, std::slice::from_ref(&ids))?;
        }
    }
    Ok(ids.len())
}

fn rehash_plain_bans(db: &dyn Database, key: &ContactKey, batch: i64) -> Result<usize, Error> {
    let plain = db.execute(PLAIN_BANS, &[batch.into()])?;
    for row in plain.iter() {
        let contact = row.text("contact")?;
        db.execute(
            REHASH_BAN,
            &[
                row.int("id")?.into(),
                key.hash(&contact).into(),
                contact.into(),
            ],
        )?;
    }
    Ok(plain.rows.len())
}

fn summary(report: &Report) -> String {
    serde_json::to_value(report)
        .expect("a report serialises")
        .as_object()
        .expect("a report is an object")
        .iter()
        .filter(|(_, n)| n.as_u64() != Some(0))
        .map(|(kind, n)| format!("{kind} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
