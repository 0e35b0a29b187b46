//! The delivery counts what one recipient was sent in the last day before sending
//! more (`messaging::limits`): an index makes that one small read.

pub(super) const STATEMENTS: &[&str] =
    &["CREATE INDEX outbox_sent_to ON outbox (recipient, channel, sent_at) WHERE state = 'sent'"];
