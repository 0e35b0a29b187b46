//! Bookings and complaints keep the language their citizen wrote in (issue 26), as
//! orders do: every message about them is written in it, Romanian below. Rows from
//! before kept no language and stay Romanian, the office's own.

pub(super) const STATEMENTS: &[&str] = &[
    "ALTER TABLE bookings ADD COLUMN lang TEXT NOT NULL DEFAULT 'ro'",
    "ALTER TABLE complaints ADD COLUMN lang TEXT NOT NULL DEFAULT 'ro'",
];
