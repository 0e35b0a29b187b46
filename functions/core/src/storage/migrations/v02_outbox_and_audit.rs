/// Version 2: the outbox that delivers confirmations reliably (R02/R04), the staff audit
/// trail (R19), cancellation links, and R14's delayed release of a freed seat.
pub(super) const STATEMENTS: &[&str] = &[
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
    // R19: the audit trail refuses updates and deletes.
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
];
