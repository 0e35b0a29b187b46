/// Version 8: digital document orders (D01–D04): the order with its stored state, its
/// event log, the issued document, and the links from the outbox and complaints.
pub(super) const STATEMENTS: &[&str] = &[
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
];
