//! Bot defence and abuse limits on the public forms: a proof-of-work challenge a
//! submission carries (`challenge`), and windows counted in the key-value store
//! (`ratelimit`). Neither is an office rule; both only slow abuse down.

pub mod challenge;
pub mod ratelimit;
