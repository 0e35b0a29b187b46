//! Where the links in messages point: the office's public origin.

/// Where the links in complaint messages point, and who hears about SLA states.
#[derive(Debug, Clone)]
pub struct Links {
    pub public_base_url: String,
}

impl Links {
    /// The `public_base_url` setting, or the local address `spin up` serves on.
    pub fn new(public_base_url: Option<String>) -> Links {
        Links {
            public_base_url: public_base_url.unwrap_or_else(|| "http://127.0.0.1:3000".to_owned()),
        }
    }

    /// Whether the office is reached over https: it decides the staff cookies'
    /// `Secure` and the `Strict-Transport-Security` header.
    pub fn is_https(&self) -> bool {
        self.public_base_url
            .trim()
            .to_ascii_lowercase()
            .starts_with("https://")
    }

    pub(crate) fn to(&self, path: &str) -> String {
        format!("{}/{path}", self.public_base_url.trim_end_matches('/'))
    }
}
