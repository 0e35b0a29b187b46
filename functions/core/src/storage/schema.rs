//! The database schema as embedded migrations, versioned with `PRAGMA user_version`
//! and applied by whichever component opens the database first.

use crate::kernel::error::Error;
use crate::storage::{Database, Value, in_transaction};

/// Each migration is a list of single statements: Spin's `execute` runs one statement.
const MIGRATIONS: &[&[&str]] = &[&[
    "CREATE TABLE bookings (
        id INTEGER PRIMARY KEY,
        number_hash TEXT NOT NULL UNIQUE,
        service TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        slot_end TEXT NOT NULL,
        name TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT,
        holder TEXT,
        vin TEXT,
        identity_key TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'active',
        cancel_reason TEXT,
        request_hash TEXT NOT NULL,
        idempotency_key_hash TEXT UNIQUE,
        reply_number TEXT,
        reply_until TEXT,
        created_at TEXT NOT NULL,
        cancelled_at TEXT
    )",
    "CREATE INDEX bookings_by_slot ON bookings (service, slot_start, state)",
    "CREATE INDEX bookings_by_identity ON bookings (identity_key, state)",
    "CREATE INDEX bookings_by_request ON bookings (request_hash, created_at)",
    "CREATE INDEX bookings_with_reply ON bookings (reply_until) WHERE reply_until IS NOT NULL",
    // R06/R07 inside the booking's own statement: when the new booking shares its
    // identity key with another upcoming active booking, all of them are cancelled.
    "CREATE TRIGGER bookings_cancel_duplicates AFTER INSERT ON bookings
     WHEN (SELECT COUNT(*) FROM bookings
           WHERE identity_key = NEW.identity_key AND state = 'active'
             AND slot_start > NEW.created_at) > 1
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = CASE WHEN NEW.identity_key LIKE 'vin:%'
                                 THEN 'duplicate_vin' ELSE 'duplicate_holder' END
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at;
     END",
    // The plain reservation number is kept only while a retry may still ask for it.
    "CREATE TRIGGER bookings_forget_replies AFTER INSERT ON bookings
     BEGIN
        UPDATE bookings SET reply_number = NULL, reply_until = NULL
        WHERE reply_until IS NOT NULL AND reply_until <= NEW.created_at;
     END",
    "CREATE TABLE bans (
        id INTEGER PRIMARY KEY,
        contact TEXT NOT NULL,
        reason TEXT NOT NULL,
        booking_id INTEGER REFERENCES bookings (id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL
    )",
    "CREATE INDEX bans_by_contact ON bans (contact, ends_at)",
], &[
    // R14: a seat freed by the booker comes back to availability only at this time.
    "ALTER TABLE bookings ADD COLUMN seat_free_at TEXT",
    "CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        booking_id INTEGER REFERENCES bookings (id),
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        secret TEXT,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        claimed_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    )",
    "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
    // R02/R04: the confirmation is queued in the booking's own statement; the SMS
    // always, the email when one was given. The number rides along until sent.
    "CREATE TRIGGER bookings_confirm AFTER INSERT ON bookings
     BEGIN
        INSERT INTO outbox (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
        VALUES ('confirmation:sms:' || NEW.id, NEW.id, 'confirmation', 'sms', NEW.phone,
                NEW.reply_number, NEW.created_at, NEW.created_at);
        INSERT INTO outbox (dedupe_key, booking_id, kind, channel, recipient, secret, next_attempt_at, created_at)
        SELECT 'confirmation:email:' || NEW.id, NEW.id, 'confirmation', 'email', NEW.email,
               NEW.reply_number, NEW.created_at, NEW.created_at
        WHERE NEW.email IS NOT NULL;
     END",
    // R19: append-only; nothing updates or deletes rows here.
    "CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL
    )",
    "CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
     BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TABLE cancel_tokens (
        booking_id INTEGER PRIMARY KEY REFERENCES bookings (id),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        used_at TEXT
    )",
], &[
    // R01: the walk-in half of each slot, handed out at the office as queue tickets.
    "CREATE TABLE walk_in_tickets (
        id INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        staff TEXT NOT NULL
    )",
    "CREATE INDEX walk_in_by_slot ON walk_in_tickets (service, slot_start)",
], &[
    // R19: what a staff action changed, as separate before and after states.
    "ALTER TABLE audit ADD COLUMN state_before TEXT",
    "ALTER TABLE audit ADD COLUMN state_after TEXT",
    // R16: at most one open exemption per VIN/holder; the next booking uses it up.
    "CREATE TABLE exemptions (
        id INTEGER PRIMARY KEY,
        identity_key TEXT NOT NULL,
        booking_id INTEGER NOT NULL REFERENCES bookings (id),
        reason TEXT NOT NULL,
        granted_by TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        revoked_at TEXT,
        used_by_booking INTEGER REFERENCES bookings (id),
        used_at TEXT
    )",
    "CREATE UNIQUE INDEX exemptions_open ON exemptions (identity_key)
     WHERE used_at IS NULL AND revoked_at IS NULL",
    // R16 in the booking's own statement: an exempted booking stands, and the earlier
    // ones it would have collided with give way to it. The exemption is used up.
    "CREATE TRIGGER bookings_use_exemption AFTER INSERT ON bookings
     WHEN EXISTS (SELECT 1 FROM exemptions WHERE identity_key = NEW.identity_key
                  AND used_at IS NULL AND revoked_at IS NULL)
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = 'superseded'
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at AND id != NEW.id;
        INSERT INTO audit (at, staff, action, subject, detail, state_before, state_after)
        SELECT NEW.created_at, 'system', 'exemption_used', 'exemption:' || id,
               'booking:' || NEW.id, 'granted', 'used'
        FROM exemptions WHERE identity_key = NEW.identity_key
          AND used_at IS NULL AND revoked_at IS NULL;
        UPDATE exemptions SET used_at = NEW.created_at, used_by_booking = NEW.id
        WHERE identity_key = NEW.identity_key AND used_at IS NULL AND revoked_at IS NULL;
     END",
    // R06/R07 as before, unless an exemption covers the new booking (whichever of the
    // two triggers SQLite fires first).
    "DROP TRIGGER bookings_cancel_duplicates",
    "CREATE TRIGGER bookings_cancel_duplicates AFTER INSERT ON bookings
     WHEN NOT EXISTS (SELECT 1 FROM exemptions WHERE identity_key = NEW.identity_key
                      AND ((used_at IS NULL AND revoked_at IS NULL) OR used_by_booking = NEW.id))
      AND (SELECT COUNT(*) FROM bookings
           WHERE identity_key = NEW.identity_key AND state = 'active'
             AND slot_start > NEW.created_at) > 1
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = CASE WHEN NEW.identity_key LIKE 'vin:%'
                                 THEN 'duplicate_vin' ELSE 'duplicate_holder' END
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at;
     END",
    // R18: a time window the office closed; its slots take no bookings.
    "CREATE TABLE closed_windows (
        id INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        staff TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (service, starts_at, ends_at)
    )",
    "CREATE TABLE relocations (
        id INTEGER PRIMARY KEY,
        booking_id INTEGER NOT NULL REFERENCES bookings (id),
        window_id INTEGER NOT NULL REFERENCES closed_windows (id),
        old_start TEXT NOT NULL,
        new_start TEXT,
        token_hash TEXT UNIQUE,
        created_at TEXT NOT NULL,
        answer TEXT,
        answered_at TEXT,
        UNIQUE (booking_id, window_id)
    )",
    "CREATE INDEX relocations_unanswered ON relocations (answer, new_start)",
], &[
    // C01–C06, T01–T02: complaints, proposals and technical tickets. Their state and
    // deadlines are computed from the append-only event log, never stored.
    "CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        number_hash TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        booking_id INTEGER REFERENCES bookings (id),
        serial_number TEXT,
        description TEXT NOT NULL,
        solution_idea TEXT,
        email TEXT,
        phone TEXT,
        severity TEXT,
        channel TEXT,
        received_at TEXT NOT NULL,
        idempotency_key_hash TEXT UNIQUE,
        reply_number TEXT,
        reply_until TEXT,
        escalation_token_hash TEXT UNIQUE
    )",
    "CREATE TRIGGER complaints_forget_replies AFTER INSERT ON complaints
     BEGIN
        UPDATE complaints SET reply_number = NULL, reply_until = NULL
        WHERE reply_until IS NOT NULL AND reply_until <= NEW.received_at;
     END",
    "CREATE TABLE complaint_events (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        staff TEXT,
        text TEXT,
        until TEXT
    )",
    "CREATE INDEX complaint_events_by_complaint ON complaint_events (complaint_id, id)",
    "CREATE TRIGGER complaint_events_append_only_update BEFORE UPDATE ON complaint_events
     BEGIN SELECT RAISE(ABORT, 'the complaint log is append-only'); END",
    "CREATE TRIGGER complaint_events_append_only_delete BEFORE DELETE ON complaint_events
     BEGIN SELECT RAISE(ABORT, 'the complaint log is append-only'); END",
    // One row per complaint and SLA state seen, so each is notified once.
    "CREATE TABLE complaint_sla_flags (
        complaint_id INTEGER NOT NULL REFERENCES complaints (id),
        flag TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (complaint_id, flag)
    )",
    // Messages rendered when queued (complaints) carry their text; cleared once sent.
    "ALTER TABLE outbox ADD COLUMN complaint_id INTEGER REFERENCES complaints (id)",
    "ALTER TABLE outbox ADD COLUMN payload TEXT",
    // C02: the automatic acknowledgement counts once it is actually sent.
    "CREATE TRIGGER outbox_complaint_acknowledged AFTER UPDATE OF state ON outbox
     WHEN NEW.state = 'sent' AND NEW.kind = 'complaint_ack' AND NEW.complaint_id IS NOT NULL
     BEGIN
        INSERT INTO complaint_events (complaint_id, kind, at, staff, text)
        SELECT NEW.complaint_id, 'acknowledged', NEW.sent_at, 'system',
               'automatic acknowledgement sent by ' || NEW.channel
        WHERE NOT EXISTS (
            SELECT 1 FROM complaint_events e
            WHERE e.complaint_id = NEW.complaint_id AND e.kind = 'acknowledged'
              AND e.id > (SELECT MAX(id) FROM complaint_events
                          WHERE complaint_id = NEW.complaint_id AND kind IN ('received', 'escalated')));
     END",
], &[
    // The booking's write does only what the booking needs (the 08:00 rush): the
    // confirmation is no longer queued by a trigger but by the delivery cron, which
    // reads new bookings past a watermark; it also forgets expired retry replies.
    "DROP TRIGGER bookings_confirm",
    "DROP TRIGGER bookings_forget_replies",
    "DROP INDEX bookings_with_reply",
    "CREATE TABLE watermarks (name TEXT PRIMARY KEY, last_id INTEGER NOT NULL)",
    "INSERT INTO watermarks (name, last_id)
     SELECT 'confirmations', IFNULL(MAX(id), 0) FROM bookings
     UNION ALL SELECT 'replies', 0",
    // Retries by identical content and the per-phone limit both look up by phone.
    "DROP INDEX bookings_by_request",
    "CREATE INDEX bookings_by_phone ON bookings (phone, created_at)",
    // R06/R07: the booking's own INSERT decides whether it goes in cancelled as a
    // duplicate; this trigger then cancels the others it collided with.
    "DROP TRIGGER bookings_cancel_duplicates",
    "CREATE TRIGGER bookings_cancel_duplicates AFTER INSERT ON bookings
     WHEN NEW.cancel_reason IN ('duplicate_vin', 'duplicate_holder')
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = NEW.cancel_reason
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at;
     END",
    // Bot defence: a solved proof-of-work challenge is used up by the row it admits.
    "ALTER TABLE bookings ADD COLUMN challenge TEXT",
    "CREATE UNIQUE INDEX bookings_by_challenge ON bookings (challenge) WHERE challenge IS NOT NULL",
    "ALTER TABLE complaints ADD COLUMN challenge TEXT",
    "CREATE UNIQUE INDEX complaints_by_challenge ON complaints (challenge)
     WHERE challenge IS NOT NULL",
], &[
    // The back office: named accounts with a role, their sessions (tokens only hashed),
    // and failed logins per account and per client, for slow-down and lockout.
    "CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('counter', 'complaints', 'orders', 'supervisor')),
        password_hash TEXT NOT NULL,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        password_set_at TEXT NOT NULL
    )",
    "CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
        csrf TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'ro',
        started_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        ended_at TEXT
    )",
    "CREATE INDEX staff_sessions_live ON staff_sessions (account_id) WHERE ended_at IS NULL",
    "CREATE TABLE login_throttle (
        subject TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        locked_until TEXT
    )",
], &[
    // D01–D04: digital orders. The state is stored (a payment must move it atomically);
    // the history is an event log whose `dedupe` column makes a provider's event, or
    // an SLA flag, count once.
    "CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        number_hash TEXT NOT NULL UNIQUE,
        document TEXT NOT NULL,
        fee_bani INTEGER NOT NULL,
        currency TEXT NOT NULL,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        phone TEXT,
        details TEXT NOT NULL,
        lang TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        pay_by TEXT NOT NULL,
        paid_at TEXT,
        due_at TEXT,
        payment_ref TEXT,
        refund TEXT,
        assigned_to TEXT,
        info_token_hash TEXT UNIQUE,
        download_token_hash TEXT UNIQUE,
        download_until TEXT,
        idempotency_key_hash TEXT UNIQUE,
        reply_number TEXT,
        reply_until TEXT
    )",
    "CREATE INDEX orders_by_state ON orders (state, due_at)",
    "CREATE TABLE order_events (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        staff TEXT,
        text TEXT,
        dedupe TEXT UNIQUE
    )",
    "CREATE INDEX order_events_by_order ON order_events (order_id, id)",
    // D03: the issued document, with its SHA-256; replaced if staff issue it again.
    "CREATE TABLE order_documents (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id),
        filename TEXT NOT NULL,
        content BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        uploaded_at TEXT NOT NULL,
        staff TEXT NOT NULL
    )",
    "ALTER TABLE outbox ADD COLUMN order_id INTEGER REFERENCES orders (id)",
    // A complaint may cite an order number as it cites a reservation number.
    "ALTER TABLE complaints ADD COLUMN order_id INTEGER REFERENCES orders (id)",
], &[
    // Retention (GDPR): when a row's personal data was erased (see `retention`).
    "ALTER TABLE bookings ADD COLUMN erased_at TEXT",
    "ALTER TABLE complaints ADD COLUMN erased_at TEXT",
    "ALTER TABLE orders ADD COLUMN erased_at TEXT",
    // The complaint log stays append-only, except that retention may empty a text.
    "DROP TRIGGER complaint_events_append_only_update",
    "CREATE TRIGGER complaint_events_append_only_update BEFORE UPDATE ON complaint_events
     WHEN NOT (NEW.text IS NULL AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id
               AND NEW.kind = OLD.kind AND NEW.at = OLD.at AND NEW.staff IS OLD.staff
               AND NEW.until IS OLD.until)
     BEGIN SELECT RAISE(ABORT, 'the complaint log is append-only'); END",
]];

/// How long a writing connection waits for another writer (Spin's backend, rusqlite,
/// waits 5 s by default; a rush deserves longer, and a wait is not a failure).
const BUSY_TIMEOUT_MS: i64 = 10_000;

fn user_version(db: &dyn Database) -> Result<i64, Error> {
    let rows = db.execute("PRAGMA user_version", &[])?;
    Ok(rows.read_first(|r| r.int("user_version"))?.unwrap_or(0))
}

/// Readies a freshly opened connection: one statement when the schema is current.
/// WAL is a property of the file, set once by the first migration run; the pragmas
/// a writer needs are set by `ready_for_writes`, only on connections that write.
pub fn prepare(db: &dyn Database) -> Result<(), Error> {
    let latest = MIGRATIONS.len() as i64;
    if user_version(db)? >= latest {
        return Ok(());
    }
    ready_for_writes(db);
    // WAL keeps readers off the writers' backs. Remote databases (libSQL) refuse it: fine.
    let _ = db.execute("PRAGMA journal_mode = WAL", &[]);
    in_transaction(db, || {
        // Another component may have migrated while we waited for the lock.
        let current = user_version(db)?;
        for migration in MIGRATIONS
            .iter()
            .skip(usize::try_from(current).unwrap_or(0))
        {
            for statement in *migration {
                db.execute(statement, &[])?;
            }
        }
        db.execute(&format!("PRAGMA user_version = {latest}"), &[] as &[Value])?;
        Ok(())
    })
}

/// The per-connection pragmas of a writer: a longer lock wait, and NORMAL syncs (in
/// WAL, at checkpoints only; still safe against corruption). Both are optional: a
/// backend that refuses them (libSQL) keeps its own behaviour.
pub fn ready_for_writes(db: &dyn Database) {
    let _ = db.execute(&format!("PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"), &[]);
    let _ = db.execute("PRAGMA synchronous = NORMAL", &[]);
}

#[cfg(test)]
mod tests {
    use crate::storage::testing::NativeDb;

    #[test]
    fn migrations_apply_once_and_are_idempotent() {
        let db = NativeDb::fresh();
        super::prepare(&db).unwrap();
        assert_eq!(
            super::user_version(&db).unwrap(),
            super::MIGRATIONS.len() as i64
        );
    }
}
