/// Version 6: the booking's write does only what the booking needs (the 08:00 rush); the
/// rest moves to the delivery cron. Also the bot defence's single-use challenges.
pub(super) const STATEMENTS: &[&str] = &[
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
];
