/// Version 3: walk-in tickets (R01): the half of each slot kept for the office, handed
/// out there as queue tickets and recorded per slot.
pub(super) const STATEMENTS: &[&str] = &[
    // R01: the walk-in half of each slot, handed out at the office as queue tickets.
    "CREATE TABLE walk_in_tickets (
        id INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        staff TEXT NOT NULL
    )",
    "CREATE INDEX walk_in_by_slot ON walk_in_tickets (service, slot_start)",
];
