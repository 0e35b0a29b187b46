//! Orders carry the proof of work too (bot defence): a solved challenge is used up by
//! the order it admits, as by a booking or a complaint.

pub(super) const STATEMENTS: &[&str] = &[
    "ALTER TABLE orders ADD COLUMN challenge TEXT",
    "CREATE UNIQUE INDEX orders_by_challenge ON orders (challenge) WHERE challenge IS NOT NULL",
];
