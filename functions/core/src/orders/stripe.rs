//! The Stripe adapter (D02): hosted Checkout Sessions created with a form-encoded
//! call, webhooks signed `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`
//! with the endpoint's secret, and refunds against the payment intent.

use super::provider::{
    Checkout, CheckoutRequest, Notification, Payment, PaymentProvider, unavailable,
};
use crate::kernel::error::Error;
use crate::seams::{HttpClient, HttpReply};
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Stripe's API origin; `payment_api_url` points elsewhere (a test double, a proxy).
pub const API_URL: &str = "https://api.stripe.com";

pub struct Stripe {
    pub api_url: String,
    /// The account's secret API key (`sk_…`).
    pub secret_key: String,
    /// The webhook endpoint's signing secret (`whsec_…`).
    pub webhook_secret: String,
    /// How old a signed timestamp may be (Stripe's libraries default to 5 minutes).
    pub tolerance: Duration,
}

#[derive(Deserialize)]
struct Session {
    id: String,
    url: Option<String>,
}

#[derive(Deserialize)]
struct Refund {
    id: String,
    status: Option<String>,
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: serde_json::Value,
}

#[derive(Deserialize)]
struct PaidSession {
    id: String,
    client_reference_id: Option<String>,
    amount_total: Option<i64>,
    currency: Option<String>,
    payment_status: Option<String>,
    payment_intent: Option<String>,
}

#[derive(Deserialize)]
struct StripeError {
    error: StripeErrorBody,
}

#[derive(Deserialize)]
struct StripeErrorBody {
    code: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

impl Stripe {
    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.api_url.trim_end_matches('/'))
    }

    /// The answer's body as `T`, or why the call failed: Stripe's error type and code
    /// only (its messages may repeat what was sent).
    fn read<T: for<'de> Deserialize<'de>>(
        what: &str,
        reply: Result<HttpReply, String>,
    ) -> Result<T, Error> {
        let reply = reply.map_err(|e| unavailable(format!("{what}: {e}")))?;
        if !(200..300).contains(&reply.status) {
            let why = serde_json::from_slice::<StripeError>(&reply.body)
                .map(|e| {
                    format!(
                        "{} {}",
                        e.error.kind.unwrap_or_default(),
                        e.error.code.unwrap_or_default()
                    )
                })
                .unwrap_or_default();
            return Err(unavailable(format!(
                "{what} answered {}: {why}",
                reply.status
            )));
        }
        serde_json::from_slice(&reply.body)
            .map_err(|_| unavailable(format!("{what} answered an unreadable body")))
    }
}

/// The `t` and every `v1` of a `Stripe-Signature` header.
fn signature_parts(header: &str) -> Option<(i64, Vec<Vec<u8>>)> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse().ok(),
            Some(("v1", v)) => signatures.push(hex_decode(v)?),
            _ => {}
        }
    }
    Some((timestamp?, signatures))
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn create_checkout(
        &self,
        http: &dyn HttpClient,
        r: &CheckoutRequest,
    ) -> Result<Checkout, Error> {
        let item = "line_items[0]";
        let form: Vec<(String, String)> = [
            ("mode", "payment".to_owned()),
            (
                &format!("{item}[price_data][currency]"),
                r.currency.to_ascii_lowercase(),
            ),
            (
                &format!("{item}[price_data][unit_amount]"),
                r.amount_bani.to_string(),
            ),
            (
                &format!("{item}[price_data][product_data][name]"),
                r.description.to_owned(),
            ),
            (&format!("{item}[quantity]"), "1".to_owned()),
            ("client_reference_id", r.order_ref.clone()),
            ("metadata[order]", r.order_ref.clone()),
            ("payment_intent_data[metadata][order]", r.order_ref.clone()),
            ("customer_email", r.email.to_owned()),
            ("locale", r.lang.to_owned()),
            ("success_url", r.success_url.clone()),
            ("cancel_url", r.cancel_url.clone()),
            ("expires_at", r.expires_at.timestamp().to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let reply = http.post_form(
            &self.url("v1/checkout/sessions"),
            &self.secret_key,
            &r.idempotency_key,
            &form,
        );
        let session: Session = Stripe::read("checkout", reply)?;
        let url = session
            .url
            .filter(|u| u.starts_with("https://"))
            .ok_or_else(|| unavailable("checkout answered without an https URL"))?;
        Ok(Checkout {
            session: session.id,
            url,
        })
    }

    fn read_webhook(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Notification, Error> {
        let header = headers
            .get("stripe-signature")
            .and_then(|v| v.to_str().ok())
            .ok_or(Error::WebhookRefused("signature_missing"))?;
        let (timestamp, signatures) =
            signature_parts(header).ok_or(Error::WebhookRefused("signature_invalid"))?;
        if (now.timestamp() - timestamp).abs() > self.tolerance.num_seconds() {
            return Err(Error::WebhookRefused("signature_stale"));
        }
        let mut signed = timestamp.to_string().into_bytes();
        signed.push(b'.');
        signed.extend_from_slice(body);
        let genuine = signatures.iter().any(|signature| {
            let mut mac = Hmac::<Sha256>::new_from_slice(self.webhook_secret.as_bytes())
                .expect("HMAC takes any key length");
            mac.update(&signed);
            // Constant-time comparison.
            mac.verify_slice(signature).is_ok()
        });
        if !genuine {
            return Err(Error::WebhookRefused("signature_invalid"));
        }
        let event: Event =
            serde_json::from_slice(body).map_err(|_| Error::WebhookRefused("malformed_event"))?;
        let paid_kind = matches!(
            event.kind.as_str(),
            "checkout.session.completed" | "checkout.session.async_payment_succeeded"
        );
        if !paid_kind {
            return Ok(Notification::Ignored(event.kind));
        }
        let session: PaidSession = serde_json::from_value(event.data.object)
            .map_err(|_| Error::WebhookRefused("malformed_event"))?;
        if session.payment_status.as_deref() != Some("paid") {
            // An asynchronous method still settling: its own event follows.
            return Ok(Notification::Ignored(event.kind));
        }
        match (
            session.client_reference_id,
            session.amount_total,
            session.currency,
            session.payment_intent,
        ) {
            (Some(order_ref), Some(amount_bani), Some(currency), Some(payment_ref)) => {
                Ok(Notification::Paid(Payment {
                    event_id: event.id,
                    session: session.id,
                    order_ref,
                    amount_bani,
                    currency,
                    payment_ref,
                }))
            }
            _ => Err(Error::WebhookRefused("malformed_event")),
        }
    }

    fn refund(
        &self,
        http: &dyn HttpClient,
        payment_ref: &str,
        amount_bani: i64,
        idempotency_key: &str,
    ) -> Result<String, Error> {
        let form = vec![
            ("payment_intent".to_owned(), payment_ref.to_owned()),
            ("amount".to_owned(), amount_bani.to_string()),
        ];
        let reply = http.post_form(
            &self.url("v1/refunds"),
            &self.secret_key,
            idempotency_key,
            &form,
        );
        let refund: Refund = Stripe::read("refund", reply)?;
        match refund.status.as_deref() {
            Some("failed" | "canceled") => Err(unavailable("refund answered failed")),
            _ => Ok(refund.id),
        }
    }
}
