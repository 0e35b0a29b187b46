/// Version 5: complaints, proposals and technical tickets (C01–C06, T01–T02) with their
/// append-only event log, from which their state and deadlines are computed.
pub(super) const STATEMENTS: &[&str] = &[
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
    // Idempotent retry replies, as for bookings: the plain complaint number is kept only
    // while a retry may still ask for it.
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
    // C02–C05: the complaint's log, from which its state and deadlines are computed,
    // refuses updates and deletes.
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
];
