//! A submitted form's fields: plain strings, from JSON or an HTML form, and the two
//! readers every form's parser uses.

use crate::kernel::error::{Error, FieldError};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A form's fields as plain strings, from JSON or an HTML form.
pub type Fields = BTreeMap<String, String>;

/// A field's trimmed text; blank is missing (422 `required`).
pub fn required<'a>(fields: &'a Fields, field: &str) -> Result<&'a str, Error> {
    fields
        .get(field)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| Error::field("required", field))
}

/// A field's trimmed text; None when blank or absent.
pub fn optional<'a>(fields: &'a Fields, field: &str) -> Option<&'a str> {
    fields
        .get(field)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
}

/// A `YYYY-MM-DD` date given in `field` (422 `invalid_date` naming it otherwise).
pub fn date(value: &str, field: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| FieldError::new("invalid_date", field).into())
}
