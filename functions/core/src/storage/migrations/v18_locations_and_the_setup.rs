/// Version 18: the office's setup as data (issue 24). Every version of the setup is a
/// row (the newest is the truth; the rows are its history), and bookings, walk-in
/// tickets and closed windows belong to a location. Everything before this version
/// was at the one location a setup seeded from the defaults calls `main`.
pub(super) const STATEMENTS: &[&str] = &[
    "CREATE TABLE office_setup (
        version INTEGER PRIMARY KEY,
        setup TEXT NOT NULL,
        staff TEXT NOT NULL,
        changed_at TEXT NOT NULL
    )",
    "ALTER TABLE bookings ADD COLUMN location TEXT NOT NULL DEFAULT 'main'",
    "ALTER TABLE walk_in_tickets ADD COLUMN location TEXT NOT NULL DEFAULT 'main'",
    // A staff account may work at one location only (NULL: every location).
    "ALTER TABLE staff_accounts ADD COLUMN location TEXT",
    // A window is closed per location: the table is rebuilt for its new unique key
    // (SQLite can't change a constraint in place); relocations keep their window ids.
    "CREATE TABLE closed_windows_by_location (
        id INTEGER PRIMARY KEY,
        location TEXT NOT NULL DEFAULT 'main',
        service TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        staff TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (location, service, starts_at, ends_at)
    )",
    "INSERT INTO closed_windows_by_location
        (id, location, service, starts_at, ends_at, reason, staff, created_at)
     SELECT id, 'main', service, starts_at, ends_at, reason, staff, created_at FROM closed_windows",
    "DROP TABLE closed_windows",
    "ALTER TABLE closed_windows_by_location RENAME TO closed_windows",
];
