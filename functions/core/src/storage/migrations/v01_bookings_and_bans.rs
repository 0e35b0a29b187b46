/// Version 1: the online bookings and the bans (R12/R13) a booker may earn; the rule that
/// must hold within the booking's own INSERT (duplicates, R06/R07) is a trigger.
pub(super) const STATEMENTS: &[&str] = &[
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
    // Idempotent retry replies: the plain reservation number is kept only while a retry
    // may still ask for it.
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
];
