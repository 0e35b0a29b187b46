//! ghiseu's shared library: every office rule, the storage seam and the HTTP
//! handlers, with no Spin dependency so all of it is tested natively.
//!
//! One folder per area of the office:
//! - `booking`: slots, availability, booking and cancelling (R01–R16);
//! - `identity`: the citizen's name, phone, email, VIN/holder parsers and the CNP refusal;
//! - `counter`: the day at the counter, check-in, walk-ins, no-shows (R05, R11–R13);
//! - `complaints`: intake, deadlines, workflow, escalation (C01–C05, T01–T02);
//! - `messaging`: the outbox, message texts and reminders (R04, R14, R21);
//! - `office`: the office's configuration, calendar, closures and relocations (R18);
//! - `orders`: digital documents: catalog, ordering, payment, processing, delivery (D01–D04);
//! - `retention`: erasing personal data when it is no longer needed, access requests (GDPR);
//! - `staff`: who staff are and the audit trail (R19);
//! - `web`: HTTP routing, pages, logs, bot defence and rate limits;
//! - `storage`: the database seam and the schema.

pub mod booking;
pub mod complaints;
pub mod context;
pub mod counter;
pub mod defence;
pub mod identity;
pub mod kernel;
pub mod messaging;
pub mod office;
pub mod orders;
pub mod retention;
pub mod seams;
pub mod staff;
pub mod storage;
pub mod web;

pub use kernel::error::Error;
