//! D02's seam: what ghiseu asks of a card-payment provider, whichever it is. One
//! adapter per provider implements it (`stripe`); `payment` picks one by setting.

use crate::kernel::error::Error;
use crate::seams::HttpClient;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What a checkout is opened for.
pub struct CheckoutRequest<'a> {
    /// How the provider's events name the order back to us.
    pub order_ref: String,
    pub amount_bani: i64,
    pub currency: &'a str,
    pub description: &'a str,
    pub email: &'a str,
    pub lang: &'a str,
    pub success_url: String,
    pub cancel_url: String,
    pub expires_at: DateTime<Utc>,
    pub idempotency_key: String,
}

/// An opened checkout: where to send the payer.
#[derive(Debug, Serialize)]
pub struct Checkout {
    pub session: String,
    pub url: String,
}

/// A payment the provider says succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// The provider's event id: the same event delivered twice is one payment.
    pub event_id: String,
    /// The checkout the money was paid at: one the office opened for the order.
    pub session: String,
    pub order_ref: String,
    pub amount_bani: i64,
    pub currency: String,
    /// The provider's reference of the money, for a refund.
    pub payment_ref: String,
}

/// A verified notification from the provider.
#[derive(Debug, PartialEq, Eq)]
pub enum Notification {
    Paid(Payment),
    /// A genuine event this app does not act on.
    Ignored(String),
}

/// One card-payment provider's wire format.
pub trait PaymentProvider {
    /// The provider's name, for the history and the logs.
    fn name(&self) -> &'static str;
    /// Opens a hosted checkout for the order.
    fn create_checkout(
        &self,
        http: &dyn HttpClient,
        request: &CheckoutRequest,
    ) -> Result<Checkout, Error>;
    /// Verifies a webhook (signature, timestamp) and reads what it says.
    fn read_webhook(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Notification, Error>;
    /// Refunds a payment, once per idempotency key; the provider's refund id.
    fn refund(
        &self,
        http: &dyn HttpClient,
        payment_ref: &str,
        amount_bani: i64,
        idempotency_key: &str,
    ) -> Result<String, Error>;
}

/// The provider refused or could not be reached: nothing was charged or refunded.
pub fn unavailable(problem: impl Into<String>) -> Error {
    Error::Upstream {
        service: "payment provider",
        problem: problem.into(),
    }
}
