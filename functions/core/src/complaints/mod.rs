//! Complaints, proposals and technical tickets (C01–C06, T01–T02, R09, R16, R20).
//! A complaint is its intake row and an append-only event log; its state and every
//! deadline are computed from the log on the office's business-day calendar.

mod deadlines;
mod desk;
mod escalation;
mod intake;
mod record;
mod sla;
mod status;
mod vocabulary;
mod workflow;

#[cfg(test)]
mod tests;

pub use deadlines::Progress;
pub use desk::{ListedComplaint, list};
pub use escalation::{escalate, escalation, reissue_escalation_link};
pub use intake::{INPUTS, NewComplaint, submit};
pub use record::{Complaint, ComplaintNumber, Event, events};
pub use sla::sla_check;
pub use status::ComplaintStatusView;
pub use vocabulary::{
    Channel, Field, Kind, MAX_DESCRIPTION, Severity, TEXTS, Term, TextField, Vocabulary, kind_name,
    state_name,
};
pub use workflow::{Step, take_step};
