use super::catalog::OrderSettings;
use super::intake::{NewOrder, place};
use super::payment::{Outcome, apply};
use super::processing::{Step, take_step};
use super::provider::{Notification, Payment, PaymentProvider};
use super::stripe::Stripe;
use super::*;
use crate::kernel::fields::Fields;
use crate::messaging::links::Links;
use crate::staff::Staff;
use crate::storage::testing::NativeDb;
use chrono::{Duration, TimeZone};
use hmac::{Hmac, Mac};
use sha2::Sha256;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn stripe() -> Stripe {
    Stripe {
        api_url: "https://stripe.test".to_owned(),
        secret_key: "sk_test".to_owned(),
        webhook_secret: "whsec_test".to_owned(),
        tolerance: Duration::seconds(300),
    }
}

fn signed(body: &str, at: i64, secret: &str) -> http::HeaderMap {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{at}.{body}").as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut headers = http::HeaderMap::new();
    headers.insert(
        "stripe-signature",
        format!("t={at},v1={hex}").parse().unwrap(),
    );
    headers
}

fn completed(event: &str, order: i64, amount: i64) -> String {
    serde_json::json!({
        "id": event, "type": "checkout.session.completed",
        "data": {"object": {"id": "cs_1", "client_reference_id": order.to_string(),
            "amount_total": amount, "currency": "ron", "payment_status": "paid",
            "payment_intent": format!("pi_{event}")}}
    })
    .to_string()
}

#[test]
fn d02_a_genuine_stripe_event_is_read() {
    let body = completed("evt_1", 7, 2500);
    let read = stripe().read_webhook(
        &signed(&body, now().timestamp(), "whsec_test"),
        body.as_bytes(),
        now(),
    );
    assert_eq!(
        read.unwrap(),
        Notification::Paid(Payment {
            event_id: "evt_1".into(),
            session: "cs_1".into(),
            order_ref: "7".into(),
            amount_bani: 2500,
            currency: "ron".into(),
            payment_ref: "pi_evt_1".into(),
        })
    );
}

#[test]
fn d02_forged_stale_or_unsigned_events_are_refused() {
    let body = completed("evt_1", 7, 2500);
    let code = |headers: http::HeaderMap, body: &str| {
        stripe()
            .read_webhook(&headers, body.as_bytes(), now())
            .unwrap_err()
            .code()
    };
    let t = now().timestamp();
    assert_eq!(
        code(signed(&body, t, "whsec_other"), &body),
        "signature_invalid"
    );
    assert_eq!(
        code(signed(&body, t - 301, "whsec_test"), &body),
        "signature_stale"
    );
    assert_eq!(code(http::HeaderMap::new(), &body), "signature_missing");
    let tampered = body.replace("2500", "25");
    assert_eq!(
        code(signed(&body, t, "whsec_test"), &tampered),
        "signature_invalid"
    );
}

#[test]
fn d02_events_that_pay_nothing_are_ignored() {
    let body = serde_json::json!({"id": "evt_2", "type": "payment_intent.created", "data": {"object": {}}}).to_string();
    let read = stripe().read_webhook(
        &signed(&body, now().timestamp(), "whsec_test"),
        body.as_bytes(),
        now(),
    );
    assert!(matches!(read.unwrap(), Notification::Ignored(_)));
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn placed(db: &NativeDb, office: &Office) -> Order {
    let f = fields(&[
        ("document", "vehicle_history"),
        ("name", "Ion Popescu"),
        ("email", "ion@example.ro"),
        ("vin", "WVWZZZ1JZXW000001"),
        ("consent", "true"),
    ]);
    let new = NewOrder::parse(&f, office).unwrap();
    let order = place(db, office, &new, None, None, &Links::new(None), now())
        .unwrap()
        .order;
    opened_checkout(db, &order, &format!("cs_{}", order.id));
    order
}

/// What `start_checkout` records of the session the provider opened for the order.
fn opened_checkout(db: &NativeDb, order: &Order, session: &str) {
    let dedupe = format!("checkout:{session}");
    super::log_event(
        db,
        order.id,
        "checkout",
        None,
        Some(session),
        Some(&dedupe),
        now(),
    )
    .unwrap();
}

fn paid(id: i64, event: &str, amount: i64) -> Notification {
    paid_at(id, &format!("cs_{id}"), event, amount)
}

fn paid_at(id: i64, session: &str, event: &str, amount: i64) -> Notification {
    Notification::Paid(Payment {
        event_id: event.into(),
        session: session.into(),
        order_ref: id.to_string(),
        amount_bani: amount,
        currency: "RON".into(),
        payment_ref: format!("pi_{event}"),
    })
}

#[test]
fn d02_one_payment_pays_once_and_a_second_is_owed_back() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let order = placed(&db, &office);
    assert_eq!(order.fee_bani, 2_500);
    let apply = |n: &Notification| apply(&db, &office, &stripe(), n, now()).unwrap();
    assert_eq!(apply(&paid(order.id, "evt_1", 2_500)), Outcome::Paid);
    assert_eq!(apply(&paid(order.id, "evt_1", 2_500)), Outcome::Duplicate);
    assert_eq!(apply(&paid(order.id, "evt_2", 2_500)), Outcome::RefundDue);
    let order = Order::by_id(&db, order.id).unwrap().unwrap();
    assert_eq!(order.state, State::Paid);
    assert_eq!(order.refund.as_deref(), Some("due"));
    assert_eq!(apply(&paid(999, "evt_3", 2_500)), Outcome::UnknownOrder);
}

#[test]
fn d02_money_at_a_checkout_the_office_did_not_open_for_the_order_pays_nothing() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let order = placed(&db, &office);
    let other = placed(&db, &office);
    let apply = |n: &Notification| apply(&db, &office, &stripe(), n, now()).unwrap();
    assert_eq!(
        apply(&paid_at(order.id, "cs_made_by_hand", "evt_1", 2_500)),
        Outcome::UnknownOrder
    );
    let others_session = format!("cs_{}", other.id);
    assert_eq!(
        apply(&paid_at(order.id, &others_session, "evt_2", 2_500)),
        Outcome::UnknownOrder,
        "another order's checkout"
    );
    assert_eq!(
        Order::by_id(&db, order.id).unwrap().unwrap().state,
        State::Received
    );
    assert_eq!(apply(&paid(order.id, "evt_3", 2_500)), Outcome::Paid);
}

#[test]
fn d02_a_wrong_amount_changes_nothing() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let order = placed(&db, &office);
    let refused = apply(&db, &office, &stripe(), &paid(order.id, "evt_1", 25), now());
    assert_eq!(refused.unwrap_err().code(), "payment_mismatch");
    assert_eq!(
        Order::by_id(&db, order.id).unwrap().unwrap().state,
        State::Received
    );
}

#[test]
fn d04_steps_follow_the_order_of_the_work() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let order = placed(&db, &office);
    let who = Staff("ana.pop".into());
    let step = |s: &Step| take_step(&db, &office, order.id, s, &who, &Links::new(None), now());
    let code = |r: Result<Order, crate::Error>| r.unwrap_err().code();
    assert_eq!(
        code(step(&Step::Take)),
        "order_step_not_allowed",
        "not paid yet"
    );
    apply(
        &db,
        &office,
        &stripe(),
        &paid(order.id, "evt_1", 2_500),
        now(),
    )
    .unwrap();
    assert_eq!(step(&Step::Take).unwrap().state, State::Processing);
    assert_eq!(
        code(step(&Step::Take)),
        "order_step_not_allowed",
        "taken already"
    );
    let asked = step(&Step::Ask {
        question: "The plate?".into(),
    })
    .unwrap();
    assert_eq!(asked.state, State::InfoRequested);
    let rejected = step(&Step::Reject {
        reason: "Not ours".into(),
    })
    .unwrap();
    assert_eq!(rejected.state, State::Rejected);
    assert_eq!(rejected.refund.as_deref(), Some("due"));
}

#[test]
fn d01_an_order_needs_its_documents_details_and_no_others() {
    let office = Office::default();
    let base = [
        ("document", "licence_record"),
        ("name", "Ion Popescu"),
        ("email", "ion@example.ro"),
        ("consent", "true"),
    ];
    let code = |extra: &[(&str, &str)]| {
        let f = fields(&[&base[..], extra].concat());
        NewOrder::parse(&f, &office).unwrap_err().code()
    };
    assert_eq!(code(&[]), "required");
    assert_eq!(
        code(&[("holder", "Ion Popescu"), ("vin", "WVWZZZ1JZXW000001")]),
        "field_not_for_document"
    );
    let f = fields(&[&base[..], &[("holder", "ION POPESCU")]].concat());
    assert_eq!(
        NewOrder::parse(&f, &office).unwrap().details["holder"],
        "Ion Popescu"
    );
    assert_eq!(OrderSettings::default().documents.len(), 3);
}
