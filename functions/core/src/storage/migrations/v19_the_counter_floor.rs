//! The counter floor (issue 22): the queue of the people who are here (checked-in
//! bookings and walk-in tickets), the windows clerks sit at, and every call the
//! waiting-room display shows. The queue is data, so it survives restarts.

pub(super) const STATEMENTS: &[&str] = &[
    // One row per arrival: a check-in (`booking_id`) or a walk-in ticket (`ticket_id`).
    // `day` is the office date it belongs to; `due_at` its slot's start; the live
    // ticket's link is kept only as its hash; `phone`/`email` only for a walk-in who
    // asked for the turn-near message (erased by retention after the day).
    "CREATE TABLE queue_entries (
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
    )",
    "CREATE INDEX queue_entries_waiting ON queue_entries (location, day, state, service, due_at)",
    "CREATE UNIQUE INDEX queue_entries_ticket ON queue_entries (ticket_id) WHERE ticket_id IS NOT NULL",
    // A clerk sits at one window at a time; a window has one clerk a day.
    "CREATE TABLE counter_windows (
        location TEXT NOT NULL,
        number INTEGER NOT NULL,
        staff TEXT NOT NULL UNIQUE,
        services TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        day TEXT NOT NULL,
        since TEXT NOT NULL,
        PRIMARY KEY (location, number)
    )",
    // Every call and recall, in order: what the display shows and chimes for.
    "CREATE TABLE floor_calls (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES queue_entries (id),
        location TEXT NOT NULL,
        code TEXT NOT NULL,
        at_window INTEGER NOT NULL,
        recall INTEGER NOT NULL DEFAULT 0,
        called_at TEXT NOT NULL
    )",
    "CREATE INDEX floor_calls_at_location ON floor_calls (location, id)",
];
