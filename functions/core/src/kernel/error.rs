//! The one error type at the shared crate's boundary: each variant maps to one HTTP
//! status and one stable machine-readable code.

use super::i18n::dates;
use super::text::Lang;
use chrono::NaiveDate;
use http::StatusCode;

/// Why a field was refused: a stable code and the field at fault. What the citizen is
/// told is the message `error-{code}` of the message files (`error.ftl`), in the
/// request's language (`Error::explain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Stable machine-readable code, e.g. `invalid_vin`.
    pub code: &'static str,
    /// The request field at fault.
    pub field: String,
}

impl FieldError {
    pub fn new(code: &'static str, field: impl Into<String>) -> Self {
        Self {
            code,
            field: field.into(),
        }
    }

    /// The field with this error, renamed (parsers don't know which field they parse).
    pub fn in_field(mut self, field: &str) -> Self {
        self.field = field.to_owned();
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid field {}: {}", .0.field, .0.code)]
    Field(FieldError),
    #[error("malformed request body")]
    MalformedBody,
    #[error("unsupported content type")]
    UnsupportedMediaType,
    #[error("request body too large")]
    PayloadTooLarge,
    /// The route refused the method; `allow` is what it accepts, for the `Allow` header.
    #[error("method not allowed")]
    MethodNotAllowed { allow: &'static str },
    #[error("not found")]
    NotFound,
    #[error("staff authentication required")]
    Unauthorized,
    /// Authenticated, but the role may not do this.
    #[error("forbidden for this role")]
    Forbidden,
    /// A staff form without this session's CSRF token.
    #[error("missing or wrong CSRF token")]
    CsrfInvalid,
    /// A wrong name or password, told apart from nothing else.
    #[error("login failed")]
    LoginFailed,
    #[error("no online seat left in the slot")]
    SlotFull,
    #[error("no walk-in seat left in the slot")]
    WalkInFull,
    #[error("contact banned from online booking until {until}")]
    ContactBanned { until: NaiveDate },
    /// The request clashes with the current state (a field names what clashes).
    #[error("conflict in {}: {}", .0.field, .0.code)]
    Conflict(FieldError),
    #[error("rate limit reached; retry after {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("database busy")]
    Busy,
    /// The database failed (storage's own error, converted where storage is: the
    /// kernel knows that storage can fail, not how).
    #[error("storage: {0}")]
    Storage(Box<dyn std::error::Error + Send + Sync>),
    /// A service the request needs (the payment provider) refused or did not answer.
    #[error("{service} unavailable: {problem}")]
    Upstream {
        service: &'static str,
        problem: String,
    },
    /// A link or download past its validity.
    #[error("expired: {0}")]
    Gone(&'static str),
    /// A provider's notification that can't be trusted or doesn't fit (400).
    #[error("webhook refused: {0}")]
    WebhookRefused(&'static str),
    /// A setting the operator gave can't be used: the app answers 503 naming it.
    #[error("configuration: {setting}: {problem}")]
    Config { setting: String, problem: String },
}

impl Error {
    /// A refused field, with its code (the message `error-{code}` tells why).
    pub fn field(code: &'static str, field: &str) -> Self {
        FieldError::new(code, field).into()
    }

    /// A request that clashes with the current state: 409 with its code.
    pub fn conflict(code: &'static str, field: &str) -> Self {
        Error::Conflict(FieldError::new(code, field))
    }

    /// How many seconds a client should wait, for the `Retry-After` header.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Error::Busy => Some(1),
            Error::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }
}

impl From<FieldError> for Error {
    fn from(e: FieldError) -> Self {
        Error::Field(e)
    }
}

/// What a citizen is told about an error: never internals.
pub struct Explanation {
    pub status: StatusCode,
    pub code: &'static str,
    /// In the language asked for.
    pub message: String,
    /// In Romanian, whatever was asked for (for clients that read only this).
    pub message_ro: String,
    pub field: Option<String>,
}

impl Error {
    /// The stable machine-readable code; its message is `error-{code}` in `error.ftl`.
    /// (The message files' test reads the codes this function names.)
    pub fn code(&self) -> &'static str {
        match self {
            Error::Field(f) | Error::Conflict(f) => f.code,
            Error::Gone(code) | Error::WebhookRefused(code) => code,
            Error::RateLimited { .. } => "rate_limited",
            Error::MalformedBody => "malformed_body",
            Error::UnsupportedMediaType => "unsupported_media_type",
            Error::PayloadTooLarge => "payload_too_large",
            Error::MethodNotAllowed { .. } => "method_not_allowed",
            Error::NotFound => "not_found",
            Error::WalkInFull => "walk_in_full",
            Error::Unauthorized => "unauthorized",
            Error::Forbidden => "forbidden",
            Error::CsrfInvalid => "csrf_invalid",
            Error::LoginFailed => "login_failed",
            Error::SlotFull => "slot_full",
            Error::ContactBanned { .. } => "contact_banned",
            Error::Busy => "busy",
            Error::Config { setting, .. } if setting.starts_with("office") => {
                "office_config_invalid"
            }
            Error::Config { .. } => "config_invalid",
            Error::Upstream { .. } => "payment_provider_unavailable",
            Error::Storage(_) => "internal",
        }
    }

    /// The HTTP status the error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Error::Field(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::Conflict(_) | Error::WalkInFull | Error::SlotFull => StatusCode::CONFLICT,
            Error::RateLimited { .. } | Error::Busy => StatusCode::TOO_MANY_REQUESTS,
            Error::MalformedBody | Error::WebhookRefused(_) => StatusCode::BAD_REQUEST,
            Error::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Error::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::Unauthorized | Error::LoginFailed => StatusCode::UNAUTHORIZED,
            Error::Forbidden | Error::CsrfInvalid | Error::ContactBanned { .. } => {
                StatusCode::FORBIDDEN
            }
            Error::Config { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Error::Upstream { .. } => StatusCode::BAD_GATEWAY,
            Error::Gone(_) => StatusCode::GONE,
            Error::Storage(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The field at fault, when there is one.
    fn field_at_fault(&self) -> Option<String> {
        match self {
            Error::Field(f) | Error::Conflict(f) => Some(f.field.clone()),
            Error::WalkInFull | Error::SlotFull => Some("slot".to_owned()),
            Error::ContactBanned { .. } => Some("phone".to_owned()),
            // The setting is named (the operator's cue, also in the request log with the
            // problem); what is wrong with it is not told to the public.
            Error::Config { setting, .. } => Some(setting.clone()),
            _ => None,
        }
    }

    /// What the citizen is told, in `lang`: the message `error-{code}`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::RateLimited { retry_after_secs } => {
                lang.tr1("error-rate_limited", "count", *retry_after_secs)
            }
            Error::ContactBanned { until } => lang.tr1(
                "error-contact_banned",
                "until",
                dates::date_long(*until, lang),
            ),
            _ => lang.tr(&format!("error-{}", self.code())),
        }
    }

    /// The error as answered: its status, code and field, and its message in `lang`
    /// (and in Romanian).
    pub fn explain(&self, lang: Lang) -> Explanation {
        let message = self.message(lang);
        let message_ro = if lang == Lang::Ro {
            message.clone()
        } else {
            self.message(Lang::Ro)
        };
        Explanation {
            status: self.status(),
            code: self.code(),
            message,
            message_ro,
            field: self.field_at_fault(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_error_is_told_in_the_language_asked_and_in_romanian() {
        let e = Error::field("invalid_vin", "vin");
        let told = |lang| e.explain(lang);
        assert_eq!(
            told(Lang::Ro).message,
            "Seria de șasiu are 17 caractere: cifre și litere, fără I, O și Q."
        );
        assert_eq!(
            told(Lang::En).message,
            "A VIN has 17 characters: digits and letters except I, O and Q."
        );
        assert_eq!(
            told(Lang::Hu).message,
            "Az alvázszám (VIN) 17 karakterből áll: számjegyek és betűk, az I, O és Q kivételével."
        );
        for lang in Lang::ALL {
            let x = told(lang);
            assert_eq!(x.message_ro, told(Lang::Ro).message, "{lang:?}");
            assert_eq!(
                (x.status, x.code, x.field.as_deref()),
                (StatusCode::UNPROCESSABLE_ENTITY, "invalid_vin", Some("vin"))
            );
        }
        let conflict = Error::conflict("slot_closed", "slot").explain(Lang::En);
        assert_eq!(
            (conflict.status, conflict.message.as_str()),
            (
                StatusCode::CONFLICT,
                "The office closed this time window; choose another time."
            )
        );
    }

    #[test]
    fn errors_without_a_field_error_are_told_in_every_language() {
        let gone = Error::Gone("download_expired");
        assert_eq!(
            gone.explain(Lang::En).message,
            "This link has expired. On the order's page you can ask for a new one."
        );
        assert_eq!(gone.explain(Lang::Hu).status, StatusCode::GONE);
        assert_eq!(
            Error::SlotFull.explain(Lang::Hu).message,
            "Ebben az idősávban nincs több online hely; kérjük, válasszon másik időpontot."
        );
        assert_eq!(
            Error::MalformedBody.explain(Lang::Ro).message,
            "Conținutul cererii nu poate fi citit."
        );
    }

    #[test]
    fn the_seconds_to_wait_take_each_languages_plural() {
        let wait = |secs, lang| {
            Error::RateLimited {
                retry_after_secs: secs,
            }
            .explain(lang)
        };
        assert_eq!(
            wait(1, Lang::Ro).message,
            "Prea multe cereri; reîncercați peste 1 secundă."
        );
        assert_eq!(
            wait(20, Lang::Ro).message,
            "Prea multe cereri; reîncercați peste 20 de secunde."
        );
        assert_eq!(
            wait(1, Lang::En).message,
            "Too many requests; try again in 1 second."
        );
        assert_eq!(
            wait(60, Lang::Hu).message,
            "Túl sok kérés; kérjük, próbálja újra 60 másodperc múlva."
        );
        assert_eq!(
            wait(5, Lang::En).message_ro,
            "Prea multe cereri; reîncercați peste 5 secunde."
        );
    }

    #[test]
    fn a_ban_s_end_is_written_the_languages_way() {
        let until = NaiveDate::from_ymd_opt(2026, 12, 20).expect("a date");
        let banned = Error::ContactBanned { until };
        assert_eq!(
            banned.explain(Lang::Ro).message,
            "Acest contact nu poate face programări online până la 20 decembrie 2026."
        );
        assert_eq!(
            banned.explain(Lang::En).message,
            "This contact may not book online until 20 December 2026."
        );
        let hu = banned.explain(Lang::Hu);
        assert!(hu.message.ends_with("2026. december 20."), "{}", hu.message);
        assert_eq!(
            hu.message_ro,
            banned.explain(Lang::Ro).message,
            "Romanian beside it"
        );
        assert_eq!(hu.field.as_deref(), Some("phone"));
    }
}
