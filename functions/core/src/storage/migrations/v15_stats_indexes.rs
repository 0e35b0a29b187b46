//! Version 15: the office's numbers (issue 23) read each figure's rows by their time
//! column, so a page view reads the period, not the whole table.

pub(super) const STATEMENTS: &[&str] = &[
    // The complaint figures: complaints received in the period (`stats/complaints.rs`).
    "CREATE INDEX complaints_by_received ON complaints (received_at)",
];
