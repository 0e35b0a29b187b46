-- Generated: the schema the migrations (storage/migrations/) produce on a fresh
-- database. Checked by the test `the_migrated_schema_is_todays`; after a new
-- migration, regenerate it with
--   GHISEU_BLESS_SCHEMA=1 cargo test -p ghiseu-core the_migrated_schema
-- and read the difference before committing it.

-- index bans_by_contact on bans
CREATE INDEX bans_by_contact ON bans (contact, ends_at);

-- index bookings_by_challenge on bookings
CREATE UNIQUE INDEX bookings_by_challenge ON bookings (challenge) WHERE challenge IS NOT NULL;

-- index bookings_by_identity on bookings
CREATE INDEX bookings_by_identity ON bookings (identity_key, state);

-- index bookings_by_phone on bookings
CREATE INDEX bookings_by_phone ON bookings (phone, created_at);

-- index bookings_by_slot on bookings
CREATE INDEX bookings_by_slot ON bookings (service, slot_start, state);

-- index complaint_events_by_complaint on complaint_events
CREATE INDEX complaint_events_by_complaint ON complaint_events (complaint_id, id);

-- index complaints_by_challenge on complaints
CREATE UNIQUE INDEX complaints_by_challenge ON complaints (challenge)
     WHERE challenge IS NOT NULL;

-- index complaints_by_received on complaints
CREATE INDEX complaints_by_received ON complaints (received_at);

-- index exemptions_open on exemptions
CREATE UNIQUE INDEX exemptions_open ON exemptions (identity_key)
     WHERE used_at IS NULL AND revoked_at IS NULL;

-- index floor_calls_at_location on floor_calls
CREATE INDEX floor_calls_at_location ON floor_calls (location, id);

-- index order_events_by_order on order_events
CREATE INDEX order_events_by_order ON order_events (order_id, id);

-- index orders_by_challenge on orders
CREATE UNIQUE INDEX orders_by_challenge ON orders (challenge) WHERE challenge IS NOT NULL;

-- index orders_by_creation on orders
CREATE INDEX orders_by_creation ON orders (created_at);

-- index orders_by_state on orders
CREATE INDEX orders_by_state ON orders (state, due_at);

-- index outbox_by_creation on outbox
CREATE INDEX outbox_by_creation ON outbox (created_at);

-- index outbox_due on outbox
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- index outbox_sent_to on outbox
CREATE INDEX outbox_sent_to ON outbox (recipient, channel, sent_at) WHERE state = 'sent';

-- index queue_entries_ticket on queue_entries
CREATE UNIQUE INDEX queue_entries_ticket ON queue_entries (ticket_id) WHERE ticket_id IS NOT NULL;

-- index queue_entries_waiting on queue_entries
CREATE INDEX queue_entries_waiting ON queue_entries (location, day, state, service, due_at);

-- index relocations_unanswered on relocations
CREATE INDEX relocations_unanswered ON relocations (answer, new_start);

-- index staff_sessions_live on staff_sessions
CREATE INDEX staff_sessions_live ON staff_sessions (account_id) WHERE ended_at IS NULL;

-- index walk_in_by_slot on walk_in_tickets
CREATE INDEX walk_in_by_slot ON walk_in_tickets (service, slot_start);

-- table audit on audit
CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL
    , state_before TEXT, state_after TEXT);

-- table bans on bans
CREATE TABLE bans (
        id INTEGER PRIMARY KEY,
        contact TEXT NOT NULL,
        reason TEXT NOT NULL,
        booking_id INTEGER REFERENCES bookings (id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL
    );

-- table bookings on bookings
CREATE TABLE bookings (
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
    , seat_free_at TEXT, challenge TEXT, erased_at TEXT, lang TEXT NOT NULL DEFAULT 'ro', location TEXT NOT NULL DEFAULT 'main');

-- table cancel_tokens on cancel_tokens
CREATE TABLE cancel_tokens (
        booking_id INTEGER PRIMARY KEY REFERENCES bookings (id),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        used_at TEXT
    );

-- table closed_windows on closed_windows
CREATE TABLE "closed_windows" (
        id INTEGER PRIMARY KEY,
        location TEXT NOT NULL DEFAULT 'main',
        service TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        staff TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (location, service, starts_at, ends_at)
    );

-- table complaint_events on complaint_events
CREATE TABLE complaint_events (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        staff TEXT,
        text TEXT,
        until TEXT
    );

-- table complaint_sla_flags on complaint_sla_flags
CREATE TABLE complaint_sla_flags (
        complaint_id INTEGER NOT NULL REFERENCES complaints (id),
        flag TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (complaint_id, flag)
    );

-- table complaints on complaints
CREATE TABLE complaints (
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
    , challenge TEXT, order_id INTEGER REFERENCES orders (id), erased_at TEXT, request_hash TEXT, lang TEXT NOT NULL DEFAULT 'ro');

-- table counter_windows on counter_windows
CREATE TABLE counter_windows (
        location TEXT NOT NULL,
        number INTEGER NOT NULL,
        staff TEXT NOT NULL UNIQUE,
        services TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        day TEXT NOT NULL,
        since TEXT NOT NULL,
        PRIMARY KEY (location, number)
    );

-- table exemptions on exemptions
CREATE TABLE exemptions (
        id INTEGER PRIMARY KEY,
        identity_key TEXT NOT NULL,
        booking_id INTEGER NOT NULL REFERENCES bookings (id),
        reason TEXT NOT NULL,
        granted_by TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        revoked_at TEXT,
        used_by_booking INTEGER REFERENCES bookings (id),
        used_at TEXT
    );

-- table floor_calls on floor_calls
CREATE TABLE floor_calls (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES queue_entries (id),
        location TEXT NOT NULL,
        code TEXT NOT NULL,
        at_window INTEGER NOT NULL,
        recall INTEGER NOT NULL DEFAULT 0,
        called_at TEXT NOT NULL
    );

-- table login_throttle on login_throttle
CREATE TABLE login_throttle (
        subject TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        locked_until TEXT
    );

-- table office_setup on office_setup
CREATE TABLE office_setup (
        version INTEGER PRIMARY KEY,
        setup TEXT NOT NULL,
        staff TEXT NOT NULL,
        changed_at TEXT NOT NULL
    );

-- table order_documents on order_documents
CREATE TABLE order_documents (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id),
        filename TEXT NOT NULL,
        content BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        uploaded_at TEXT NOT NULL,
        staff TEXT NOT NULL
    );

-- table order_events on order_events
CREATE TABLE order_events (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        staff TEXT,
        text TEXT,
        dedupe TEXT UNIQUE
    );

-- table orders on orders
CREATE TABLE orders (
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
    , erased_at TEXT, request_hash TEXT, challenge TEXT);

-- table outbox on outbox
CREATE TABLE outbox (
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
    , complaint_id INTEGER REFERENCES complaints (id), payload TEXT, order_id INTEGER REFERENCES orders (id));

-- table queue_entries on queue_entries
CREATE TABLE queue_entries (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        location TEXT NOT NULL,
        service TEXT NOT NULL,
        booking_id INTEGER REFERENCES bookings (id),
        ticket_id INTEGER REFERENCES walk_in_tickets (id),
        code TEXT NOT NULL,
        due_at TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'waiting',
        at_window INTEGER,
        called_at TEXT,
        last_call_at TEXT,
        finished_at TEXT,
        link_hash TEXT NOT NULL UNIQUE,
        phone TEXT,
        email TEXT,
        lang TEXT NOT NULL DEFAULT 'ro',
        near_sent_at TEXT
    );

-- table relocations on relocations
CREATE TABLE relocations (
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
    );

-- table staff_accounts on staff_accounts
CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('counter', 'complaints', 'orders', 'supervisor')),
        password_hash TEXT NOT NULL,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        password_set_at TEXT NOT NULL
    , location TEXT);

-- table staff_sessions on staff_sessions
CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
        csrf TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'ro',
        started_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        ended_at TEXT
    );

-- table walk_in_tickets on walk_in_tickets
CREATE TABLE walk_in_tickets (
        id INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        staff TEXT NOT NULL
    , location TEXT NOT NULL DEFAULT 'main');

-- table watermarks on watermarks
CREATE TABLE watermarks (name TEXT PRIMARY KEY, last_id INTEGER NOT NULL);

-- trigger audit_is_append_only_delete on audit
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- trigger audit_is_append_only_update on audit
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
     BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- trigger bookings_cancel_duplicates on bookings
CREATE TRIGGER bookings_cancel_duplicates AFTER INSERT ON bookings
     WHEN NEW.cancel_reason IN ('duplicate_vin', 'duplicate_holder')
     BEGIN
        UPDATE bookings SET state = 'cancelled', cancelled_at = NEW.created_at,
            cancel_reason = NEW.cancel_reason
        WHERE identity_key = NEW.identity_key AND state = 'active'
          AND slot_start > NEW.created_at
          AND (phone = NEW.phone OR email = NEW.email);
     END;

-- trigger bookings_use_exemption on bookings
CREATE TRIGGER bookings_use_exemption AFTER INSERT ON bookings
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
     END;

-- trigger complaint_events_append_only_delete on complaint_events
CREATE TRIGGER complaint_events_append_only_delete BEFORE DELETE ON complaint_events
     BEGIN SELECT RAISE(ABORT, 'the complaint log is append-only'); END;

-- trigger complaint_events_append_only_update on complaint_events
CREATE TRIGGER complaint_events_append_only_update BEFORE UPDATE ON complaint_events
     WHEN NOT (NEW.text IS NULL AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id
               AND NEW.kind = OLD.kind AND NEW.at = OLD.at AND NEW.staff IS OLD.staff
               AND NEW.until IS OLD.until)
     BEGIN SELECT RAISE(ABORT, 'the complaint log is append-only'); END;

-- trigger complaints_forget_replies on complaints
CREATE TRIGGER complaints_forget_replies AFTER INSERT ON complaints
     BEGIN
        UPDATE complaints SET reply_number = NULL, reply_until = NULL
        WHERE reply_until IS NOT NULL AND reply_until <= NEW.received_at;
     END;

-- trigger outbox_complaint_acknowledged on outbox
CREATE TRIGGER outbox_complaint_acknowledged AFTER UPDATE OF state ON outbox
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
     END;

PRAGMA user_version = 19;
