/// Version 9: retention (GDPR): each row records when its personal data was erased, and
/// the complaint log lets retention empty a text while staying append-only otherwise.
pub(super) const STATEMENTS: &[&str] = &[
    // Retention (GDPR): when a row's personal data was erased (see `retention`).
    "ALTER TABLE bookings ADD COLUMN erased_at TEXT",
    "ALTER TABLE complaints ADD COLUMN erased_at TEXT",
    "ALTER TABLE orders ADD COLUMN erased_at TEXT",
    // The complaint log (C02–C05) stays append-only, except that retention may empty a
    // text.
    "DROP TRIGGER complaint_events_append_only_update",
    "CREATE TRIGGER complaint_events_append_only_update BEFORE UPDATE ON complaint_events
     WHEN NOT (NEW.text IS NULL AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id
               AND NEW.kind = OLD.kind AND NEW.at = OLD.at AND NEW.staff IS OLD.staff
               AND NEW.until IS OLD.until)
     BEGIN SELECT RAISE(ABORT, 'the complaint log is append-only'); END",
];
