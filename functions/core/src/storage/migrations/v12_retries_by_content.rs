//! A retried complaint or order answers the first one only when it repeats the first
//! one's content, as a retried booking does: the same `Idempotency-Key` with other
//! content is refused and told nothing (`kernel::idempotency`).

pub(super) const STATEMENTS: &[&str] = &[
    "ALTER TABLE complaints ADD COLUMN request_hash TEXT",
    "ALTER TABLE orders ADD COLUMN request_hash TEXT",
];
