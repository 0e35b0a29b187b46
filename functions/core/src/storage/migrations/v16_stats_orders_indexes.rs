//! The office's numbers (issue 23) count the orders placed and the messages queued in
//! a period: each reads its table through an index on the time that bounds it, rather
//! than the whole table on every page view.

pub(super) const STATEMENTS: &[&str] = &[
    "CREATE INDEX orders_by_creation ON orders (created_at)",
    "CREATE INDEX outbox_by_creation ON outbox (created_at)",
];
