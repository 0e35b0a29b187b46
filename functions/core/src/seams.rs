//! The seams between the rules and the platform: each is one small trait, implemented
//! on Spin in `ghiseu-spin` and by fakes in native tests. (The database's seam is
//! `storage::Database`; the request context that carries them all is `context`.)

/// The platform's settings (Spin variables): each read is a host call, so a route
/// reads only what it uses.
pub trait Settings {
    /// The setting's value; None when unset or blank.
    fn get(&self, name: &str) -> Option<String>;
}

/// The key-value seam: Spin's key-value store in the components.
pub trait Counters {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String>;
    fn set(&self, key: &str, value: &[u8]) -> Result<(), String>;
}

/// What an outbound call answered.
pub struct HttpReply {
    pub status: u16,
    pub body: Vec<u8>,
}

/// The outbound HTTP a provider adapter calls with (Spin's in the components).
pub trait HttpClient {
    /// POSTs a form with a bearer token and an Idempotency-Key; Err when no answer came.
    fn post_form(
        &self,
        url: &str,
        bearer: &str,
        idempotency_key: &str,
        form: &[(String, String)],
    ) -> Result<HttpReply, String>;
}

/// How a provider call went.
pub enum Sent {
    /// The provider answered with this status.
    Status(u16),
    /// The call did not complete (connection refused, timeout, …).
    Failed(String),
}

/// The HTTP client the delivery uses: Spin's outbound HTTP in the component.
pub trait Transport {
    /// POSTs a JSON body with a bearer token and an Idempotency-Key.
    fn post_json(
        &self,
        url: &str,
        token: &str,
        idempotency_key: &str,
        body: &serde_json::Value,
    ) -> Sent;
}
