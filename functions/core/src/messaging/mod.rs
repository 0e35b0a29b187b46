//! Messages to citizens and staff: the outbox every message goes through, the texts,
//! and the day-before reminders.

pub mod limits;
pub mod links;
pub mod messages;
pub mod order_messages;
pub mod outbox;
pub mod queue;
pub mod reminder;
