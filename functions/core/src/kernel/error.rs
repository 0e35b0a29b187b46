//! The one error type at the shared crate's boundary: each variant maps to one HTTP
//! status and one stable machine-readable code.

use chrono::NaiveDate;
use http::StatusCode;

/// Why a field was refused, with the texts shown to the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Stable machine-readable code, e.g. `invalid_vin`.
    pub code: &'static str,
    /// The request field at fault.
    pub field: String,
    /// English text.
    pub message: &'static str,
    /// Romanian text.
    pub message_ro: &'static str,
}

impl FieldError {
    pub fn new(
        code: &'static str,
        field: impl Into<String>,
        message: &'static str,
        message_ro: &'static str,
    ) -> Self {
        Self {
            code,
            field: field.into(),
            message,
            message_ro,
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
    /// A refused field, with its code and the texts shown to the citizen.
    pub fn field(code: &'static str, field: &str, en: &'static str, ro: &'static str) -> Self {
        FieldError::new(code, field, en, ro).into()
    }

    /// A request that clashes with the current state: 409 with its code and texts.
    pub fn conflict(code: &'static str, field: &str, en: &'static str, ro: &'static str) -> Self {
        Error::Conflict(FieldError::new(code, field, en, ro))
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
    pub message: String,
    pub message_ro: String,
    pub field: Option<String>,
}

impl Error {
    pub fn explain(&self) -> Explanation {
        let plain = |status, code, message: &str, message_ro: &str| Explanation {
            status,
            code,
            message: message.to_owned(),
            message_ro: message_ro.to_owned(),
            field: None,
        };
        match self {
            Error::Field(f) => Explanation {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: f.code,
                message: f.message.to_owned(),
                message_ro: f.message_ro.to_owned(),
                field: Some(f.field.clone()),
            },
            Error::Conflict(f) => Explanation {
                status: StatusCode::CONFLICT,
                ..Error::Field(f.clone()).explain()
            },
            Error::RateLimited { retry_after_secs } => plain(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                &format!("Too many requests; try again in {retry_after_secs} seconds."),
                &format!("Prea multe cereri; reîncercați peste {retry_after_secs} secunde."),
            ),
            Error::MalformedBody => plain(
                StatusCode::BAD_REQUEST,
                "malformed_body",
                "The request body could not be read.",
                "Conținutul cererii nu poate fi citit.",
            ),
            Error::UnsupportedMediaType => plain(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Send application/json or an HTML form.",
                "Trimiteți application/json sau un formular HTML.",
            ),
            Error::PayloadTooLarge => plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "The request is too large.",
                "Cererea este prea mare.",
            ),
            Error::MethodNotAllowed { .. } => plain(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "This method is not allowed here.",
                "Metoda nu este permisă aici.",
            ),
            Error::NotFound => plain(
                StatusCode::NOT_FOUND,
                "not_found",
                "Nothing was found.",
                "Nu s-a găsit nimic.",
            ),
            Error::WalkInFull => Explanation {
                field: Some("slot".to_owned()),
                ..plain(
                    StatusCode::CONFLICT,
                    "walk_in_full",
                    "Every walk-in seat of this slot has a ticket.",
                    "Toate locurile fără programare din acest interval au bon.",
                )
            },
            Error::Unauthorized => plain(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "A valid staff token is required.",
                "Este necesar un token valid de angajat.",
            ),
            Error::Forbidden => plain(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Your role may not do this.",
                "Rolul dumneavoastră nu permite această acțiune.",
            ),
            Error::CsrfInvalid => plain(
                StatusCode::FORBIDDEN,
                "csrf_invalid",
                "This form has expired; reload the page and try again.",
                "Formularul a expirat; reîncărcați pagina și încercați din nou.",
            ),
            Error::LoginFailed => plain(
                StatusCode::UNAUTHORIZED,
                "login_failed",
                "Wrong account name or password.",
                "Nume de cont sau parolă greșite.",
            ),
            Error::SlotFull => Explanation {
                field: Some("slot".to_owned()),
                ..plain(
                    StatusCode::CONFLICT,
                    "slot_full",
                    "No online seat is left in this slot; choose another time.",
                    "Nu mai sunt locuri online în acest interval; alegeți altă oră.",
                )
            },
            Error::ContactBanned { until } => Explanation {
                field: Some("phone".to_owned()),
                ..plain(
                    StatusCode::FORBIDDEN,
                    "contact_banned",
                    &format!("This contact may not book online until {until}."),
                    &format!("Acest contact nu poate face programări online până la {until}."),
                )
            },
            Error::Busy => plain(
                StatusCode::TOO_MANY_REQUESTS,
                "busy",
                "Too many requests at once; please try again in a moment.",
                "Prea multe cereri simultan; vă rugăm reîncercați peste câteva momente.",
            ),
            // The setting is named (the operator's cue, also in the request log with the
            // problem); what is wrong with it is not told to the public.
            Error::Config { setting, .. } => Explanation {
                field: Some(setting.clone()),
                ..plain(
                    StatusCode::SERVICE_UNAVAILABLE,
                    if setting.starts_with("office") {
                        "office_config_invalid"
                    } else {
                        "config_invalid"
                    },
                    "The service is not configured correctly; please try again later.",
                    "Serviciul nu este configurat corect; vă rugăm reveniți mai târziu.",
                )
            },
            Error::Upstream { .. } => plain(
                StatusCode::BAD_GATEWAY,
                "payment_provider_unavailable",
                "The payment provider could not be reached; nothing was charged. Please try again.",
                "Procesatorul de plăți nu a putut fi contactat; nu s-a încasat nimic. Vă rugăm încercați din nou.",
            ),
            Error::Gone(code) => plain(
                StatusCode::GONE,
                code,
                "This link has expired. On the order's page you can ask for a new one.",
                "Acest link a expirat. Pe pagina comenzii puteți cere unul nou.",
            ),
            Error::WebhookRefused(code) => plain(
                StatusCode::BAD_REQUEST,
                code,
                "The notification was refused.",
                "Notificarea a fost refuzată.",
            ),
            Error::Storage(_) => plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side; please try again.",
                "A apărut o eroare la noi; vă rugăm încercați din nou.",
            ),
        }
    }
}
