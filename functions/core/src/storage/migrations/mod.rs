//! The schema's migrations, one file per version, named for what it brings.
//!
//! To change the schema, append a new file `vNN_what_it_brings.rs` and its line at the
//! end of `MIGRATIONS`; never edit a shipped migration (databases already past it will
//! not run it again, so an edit would make them differ from fresh ones). Write one
//! statement per entry: Spin's `execute` runs one statement. Where a trigger carries a
//! rule, say the rule id in a comment above it, and point at the trigger from the
//! rule's Rust code. Then regenerate `storage/schema.sql` (see its header) and read
//! the difference.

mod v01_bookings_and_bans;
mod v02_outbox_and_audit;
mod v03_walk_in_tickets;
mod v04_exemptions_and_closures;
mod v05_complaints;
mod v06_lean_booking_write;
mod v07_staff_accounts;
mod v08_orders;
mod v09_retention;
mod v10_one_dedupe_key_format;
mod v11_duplicates_by_the_same_booker;
mod v12_retries_by_content;
mod v13_messages_per_recipient;
mod v14_orders_take_a_challenge;
mod v15_stats_indexes;
mod v16_stats_orders_indexes;
mod v17_bookings_and_complaints_keep_their_language;
mod v18_locations_and_the_setup;
mod v19_the_counter_floor;

/// Every migration in order: version N is `MIGRATIONS[N - 1]`, and `PRAGMA
/// user_version` says how many of them a database has had.
pub(crate) const MIGRATIONS: &[&[&str]] = &[
    v01_bookings_and_bans::STATEMENTS,
    v02_outbox_and_audit::STATEMENTS,
    v03_walk_in_tickets::STATEMENTS,
    v04_exemptions_and_closures::STATEMENTS,
    v05_complaints::STATEMENTS,
    v06_lean_booking_write::STATEMENTS,
    v07_staff_accounts::STATEMENTS,
    v08_orders::STATEMENTS,
    v09_retention::STATEMENTS,
    v10_one_dedupe_key_format::STATEMENTS,
    v11_duplicates_by_the_same_booker::STATEMENTS,
    v12_retries_by_content::STATEMENTS,
    v13_messages_per_recipient::STATEMENTS,
    v14_orders_take_a_challenge::STATEMENTS,
    v15_stats_indexes::STATEMENTS,
    v16_stats_orders_indexes::STATEMENTS,
    v17_bookings_and_complaints_keep_their_language::STATEMENTS,
    v18_locations_and_the_setup::STATEMENTS,
    v19_the_counter_floor::STATEMENTS,
];
