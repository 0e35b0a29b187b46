/// Version 4: staff exemptions from the duplicate rule (R16), office closures with the
/// relocation of the bookings they hit (R18), and before/after states in the audit (R19).
pub(super) const STATEMENTS: &[&str] = &[
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
];
