//! The bottom layer: what every area and the web share, importing nothing else of
//! the crate (the architecture test holds it to that).
//! - `error`: the one error type at the crate's boundary;
//! - `text`: the citizen's language and HTML escaping;
//! - `i18n`: the texts of every language, from the message files, and their dates and numbers;
//! - `time`: office time (Europe/Bucharest, C06);
//! - `token`: reservation numbers and link tokens, stored only hashed (R02);
//! - `fields`: a submitted form's fields and their readers;
//! - `idempotency`: retries answered once, by key and content;
//! - `limits`: the shape of an abuse limit.

pub mod error;
pub mod fields;
pub mod i18n;
pub mod idempotency;
pub mod limits;
pub mod text;
pub mod time;
pub mod token;
