//! D02: payment at a card provider's hosted checkout (ghiseu never sees card data),
//! behind a small seam: one adapter per provider (`stripe` today), chosen by the
//! `payment_provider` setting. A verified payment moves the order to `paid` once;
//! replays, reorders and forgeries change nothing; money that arrives for an order
//! that can no longer be paid is flagged for refund, never lost.

use super::catalog::fee_text;
use super::provider::{Checkout, CheckoutRequest, Notification, PaymentProvider};
use super::{Order, State, log_event, office_time, queue_email};
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::messaging::links::Links;
use crate::messaging::order_messages;
use crate::office::Office;
use crate::seams::HttpClient;
use crate::seams::Settings;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// The provider the settings name; an office without one can take orders but not
/// payments (503 naming the setting).
pub fn provider(settings: &dyn Settings) -> Result<Box<dyn PaymentProvider>, Error> {
    let missing = |setting: &str| Error::Config {
        setting: setting.to_owned(),
        problem: "not set: online payment is not configured".to_owned(),
    };
    let name = settings
        .get("payment_provider")
        .ok_or_else(|| missing("payment_provider"))?;
    match name.trim() {
        "stripe" => Ok(Box::new(super::stripe::Stripe {
            api_url: settings
                .get("payment_api_url")
                .unwrap_or_else(|| super::stripe::API_URL.to_owned()),
            secret_key: settings
                .get("payment_secret_key")
                .ok_or_else(|| missing("payment_secret_key"))?,
            webhook_secret: settings
                .get("payment_webhook_secret")
                .ok_or_else(|| missing("payment_webhook_secret"))?,
            tolerance: Duration::seconds(
                settings
                    .get("payment_webhook_tolerance_seconds")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(300),
            ),
        })),
        other => Err(Error::Config {
            setting: "payment_provider".to_owned(),
            problem: format!("{other:?} is not a provider ghiseu has an adapter for (stripe)"),
        }),
    }
}

/// The shortest and longest a hosted checkout may stay open (the provider's limits).
const CHECKOUT_MIN: Duration = Duration::minutes(30);
const CHECKOUT_MAX: Duration = Duration::hours(24);

/// D02: opens a checkout for an order that can still be paid. A second click within
/// the same minute gets the same checkout back (the provider's idempotency).
pub fn start_checkout(
    db: &dyn Database,
    office: &Office,
    provider: &dyn PaymentProvider,
    http: &dyn HttpClient,
    order: &Order,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Checkout, Error> {
    if order.state != State::Received || order.pay_by <= now {
        return Err(Error::conflict(
            "not_payable",
            "state",
            "This order can no longer be paid.",
            "Această comandă nu mai poate fi plătită.",
        ));
    }
    let document = office.orders.document(&order.document)?;
    // The checkout's line names the document in the order's language.
    let description = document.name(Lang::from_code(Some(&order.lang)));
    let expires_at = order.pay_by.clamp(now + CHECKOUT_MIN, now + CHECKOUT_MAX);
    let request = CheckoutRequest {
        order_ref: order.id.to_string(),
        amount_bani: order.fee_bani,
        currency: &order.currency,
        description,
        email: &order.email,
        lang: &order.lang,
        success_url: links.to(&format!("orders/return?lang={}", order.lang)),
        cancel_url: links.to(&format!("orders/return?cancelled=1&lang={}", order.lang)),
        expires_at,
        idempotency_key: format!("checkout:{}:{}", order.id, now.timestamp() / 60),
    };
    let checkout = provider.create_checkout(http, &request)?;
    log_event(
        db,
        order.id,
        "checkout",
        None,
        Some(&checkout.session),
        Some(&format!("checkout:{}", checkout.session)),
        now,
    )?;
    Ok(checkout)
}

/// What a verified notification did.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The order is paid now.
    Paid,
    /// This event, or this payment, was recorded before: nothing changed.
    Duplicate,
    /// The order could no longer take it: recorded, and a refund is owed.
    RefundDue,
    /// No order of ours, or not a checkout the office opened for it: nothing changed.
    UnknownOrder,
    Ignored,
}

const PAY: &str = "UPDATE orders SET state = 'paid', paid_at = ?1, due_at = ?2, payment_ref = ?3
    WHERE id = ?4 AND state = 'received' RETURNING id";
/// The checkout `start_checkout` opened for the order, by its log's dedupe key.
const CHECKOUT_OPENED: &str = "SELECT 1 FROM order_events
    WHERE order_id = ? AND kind = 'checkout' AND dedupe = ?";
const MONEY_SEEN: &str =
    "SELECT 1 FROM order_events WHERE order_id = ? AND kind = 'payment' AND text = ?";
const OWE_REFUND: &str = "UPDATE orders SET refund = 'due' WHERE id = ?";

/// D02: applies a verified notification. The amount and currency must be the order's
/// fee; the event id is recorded in the same transaction that pays the order, so two
/// deliveries of one event (even at once) pay once.
pub fn apply(
    db: &dyn Database,
    office: &Office,
    provider: &dyn PaymentProvider,
    notification: &Notification,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let Notification::Paid(payment) = notification else {
        return Ok(Outcome::Ignored);
    };
    let Some(order) = payment
        .order_ref
        .parse()
        .ok()
        .map(|id| Order::by_id(db, id))
        .transpose()?
        .flatten()
    else {
        return Ok(Outcome::UnknownOrder);
    };
    // Money paid at a checkout someone else opened on the office's account (another
    // app, a hand-made session naming our order) is not this order's payment.
    let opened = format!("checkout:{}", payment.session);
    if db
        .execute(CHECKOUT_OPENED, &[order.id.into(), opened.as_str().into()])?
        .first()
        .is_none()
    {
        return Ok(Outcome::UnknownOrder);
    }
    if payment.amount_bani != order.fee_bani
        || !payment.currency.eq_ignore_ascii_case(&order.currency)
    {
        return Err(Error::field(
            "payment_mismatch",
            "amount",
            "The payment's amount or currency is not the order's fee.",
            "Suma sau moneda plății nu este tariful comenzii.",
        ));
    }
    in_transaction(db, || {
        let money = format!("{} {}", provider.name(), payment.payment_ref);
        // The same money told again by another event (another type, a resend).
        if db
            .execute(MONEY_SEEN, &[order.id.into(), money.as_str().into()])?
            .first()
            .is_some()
        {
            return Ok(Outcome::Duplicate);
        }
        let dedupe = format!("{}:{}", provider.name(), payment.event_id);
        if log_event(
            db,
            order.id,
            "payment",
            None,
            Some(&money),
            Some(&dedupe),
            now,
        )?
        .is_none()
        {
            return Ok(Outcome::Duplicate);
        }
        let (due_day, due_at) = super::due_after(office, &order.document, now);
        let paid = db
            .execute(
                PAY,
                &[
                    db_time(now).into(),
                    db_time(due_at).into(),
                    payment.payment_ref.as_str().into(),
                    order.id.into(),
                ],
            )?
            .first()
            .is_some();
        if !paid {
            // Expired, cancelled, or paid already by another checkout: D02's late
            // payment is owed back, not lost.
            owe_refund(db, order.id, &payment.payment_ref, now)?;
            return Ok(Outcome::RefundDue);
        }
        log_event(db, order.id, "paid", None, None, None, now)?;
        let ordered = office_time(order.created_at);
        let email = order_messages::paid(
            &order.about(office, &ordered),
            &fee_text(order.fee_bani),
            &due_day.format("%d.%m.%Y").to_string(),
        );
        queue_email(db, order.id, &order.email, "order_paid", "1", &email, now)?;
        Ok(Outcome::Paid)
    })
}

/// Records that the payment `payment_ref` is owed back (a rejection, a late or second
/// payment); `refund_owed` makes it.
pub(crate) fn owe_refund(
    db: &dyn Database,
    order_id: i64,
    payment_ref: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    log_event(
        db,
        order_id,
        "refund_due",
        None,
        Some(payment_ref),
        None,
        now,
    )?;
    db.execute(OWE_REFUND, &[order_id.into()])?;
    Ok(())
}

const REFUNDS_OWED: &str = "SELECT d.text AS payment_ref FROM order_events d
    WHERE d.order_id = ?1 AND d.kind = 'refund_due'
      AND NOT EXISTS (SELECT 1 FROM order_events r WHERE r.order_id = ?1 AND r.kind = 'refunded'
                      AND r.dedupe = 'refund:' || d.text)";
const REFUND_STATE: &str = "UPDATE orders SET refund = ? WHERE id = ?";

/// Makes every refund the order is owed through the provider. Each call carries the
/// payment's own idempotency key and is recorded once; a provider failure leaves the
/// refund owed (and says so), to be tried again.
pub fn refund_owed(
    db: &dyn Database,
    provider: &dyn PaymentProvider,
    http: &dyn HttpClient,
    order: &Order,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let owed = db
        .execute(REFUNDS_OWED, &[order.id.into()])?
        .read(|r| r.text("payment_ref"))?;
    let mut made = 0;
    for payment_ref in owed {
        let key = format!("refund:{payment_ref}");
        let refund_id = provider.refund(http, &payment_ref, order.fee_bani, &key)?;
        in_transaction(db, || {
            let text = format!("{} {refund_id}", provider.name());
            if log_event(
                db,
                order.id,
                "refunded",
                Some(&who.0),
                Some(&text),
                Some(&key),
                now,
            )?
            .is_some()
            {
                let entry = Entry::new("order_refund", format!("order:{}", order.id))
                    .change("due", "refunded")
                    .detail(&refund_id);
                audit(db, who, &entry, now)?;
            }
            Ok(())
        })?;
        made += 1;
    }
    let left = db.execute(REFUNDS_OWED, &[order.id.into()])?.rows.len();
    let state = if left == 0 { "done" } else { "due" };
    if order.refund.is_some() || made > 0 {
        db.execute(REFUND_STATE, &[state.into(), order.id.into()])?;
    }
    Ok(made)
}
