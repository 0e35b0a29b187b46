//! ghiseu's shared library: every office rule, the storage seam and the HTTP
//! handlers, with no Spin dependency so all of it is tested natively.
//!
//! Layers, each importing only those below it (`tests/architecture.rs` checks):
//! - `kernel`: errors, language and escaping, office time, tokens, form fields, limits;
//! - `storage`: the database seam, the migrations and the schema; `seams`: the
//!   platform's other traits (settings, counters, outbound HTTP);
//! - one folder per area of the office:
//!   - `booking`: slots, availability, booking and cancelling (R01–R16);
//!   - `identity`: the citizen's name, phone, email, VIN/holder parsers and the CNP refusal;
//!   - `counter`: the day at the counter, check-in, walk-ins, no-shows (R05, R11–R13);
//!   - `complaints`: intake, deadlines, workflow, escalation (C01–C05, T01–T02);
//!   - `messaging`: the outbox and its one writer, message texts, reminders (R04, R14, R21);
//!   - `office`: the office's configuration, calendar, closures and relocations (R18);
//!   - `orders`: digital documents: catalog, ordering, payment, processing, delivery (D01–D04);
//!   - `retention`: erasing personal data when it is no longer needed, access requests (GDPR);
//!   - `staff`: who staff are, the audit trail and the audited actions (R19);
//!   - `defence`: the bot defence and the rate limits on public forms;
//! - `context`: what a request or a cron run works with;
//! - `web`: the HTTP toolkit, one handler module per component, pages, logs.

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
pub mod stats;
pub mod storage;
pub mod web;

pub use kernel::error::Error;
