//! R06/R07 punish the booker who repeats a VIN or holder, and nobody else: a repeat
//! from another phone and email neither cancels the standing booking nor reveals it.

pub(super) const STATEMENTS: &[&str] = &[
    // R06/R07: the booking's own INSERT (booking/book.rs) decides whether it goes in
    // cancelled as a duplicate, which it does only when the same phone or email holds
    // an active booking of the VIN or holder; this trigger then cancels those, and only
    // those: another booker's booking of the same VIN or holder is left standing.
    "DROP TRIGGER bookings_cancel_duplicates",
    "CREATE TRIGGER bookings_cancel_duplicates AFTER INSERT ON bookings
     WHEN NEW.cancel_reason IN ('duplicate_vin', 'duplicate_holder')
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = NEW.cancel_reason
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at
          AND (phone = NEW.phone OR email = NEW.email);
     END",
    // R16: an exempted booking supersedes its booker's earlier bookings of the VIN or
    // holder, never another booker's.
    "DROP TRIGGER bookings_use_exemption",
    "CREATE TRIGGER bookings_use_exemption AFTER INSERT ON bookings
     WHEN EXISTS (SELECT 1 FROM exemptions WHERE identity_key = NEW.identity_key
                  AND used_at IS NULL AND revoked_at IS NULL)
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = 'superseded'
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at AND id != NEW.id
          AND (phone = NEW.phone OR email = NEW.email);
        INSERT INTO audit (at, staff, action, subject, detail, state_before, state_after)
        SELECT NEW.created_at, 'system', 'exemption_used', 'exemption:' || id,
               'booking:' || NEW.id, 'granted', 'used'
        FROM exemptions WHERE identity_key = NEW.identity_key
          AND used_at IS NULL AND revoked_at IS NULL;
        UPDATE exemptions SET used_at = NEW.created_at, used_by_booking = NEW.id
        WHERE identity_key = NEW.identity_key AND used_at IS NULL AND revoked_at IS NULL;
     END",
];
