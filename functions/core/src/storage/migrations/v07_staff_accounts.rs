/// Version 7: the back office's named staff accounts with roles, their sessions, and the
/// login throttle, so access is per person and password guessing is slowed down.
pub(super) const STATEMENTS: &[&str] = &[
    // The back office: named accounts with a role, their sessions (tokens only hashed),
    // and failed logins per account and per client, for slow-down and lockout.
    "CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('counter', 'complaints', 'orders', 'supervisor')),
        password_hash TEXT NOT NULL,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        password_set_at TEXT NOT NULL
    )",
    "CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
        csrf TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'ro',
        started_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        ended_at TEXT
    )",
    "CREATE INDEX staff_sessions_live ON staff_sessions (account_id) WHERE ended_at IS NULL",
    "CREATE TABLE login_throttle (
        subject TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        locked_until TEXT
    )",
];
