//! Schemathesis (issue 26) on real `spin up`: the OpenAPI document is the contract a
//! generated client trusts, so every operation it lists is explored with schema-valid
//! and schema-invalid requests and every check Schemathesis has (`--checks all`) must
//! pass: no 5xx, only documented statuses, content types and headers, responses that
//! match their schemas, valid data accepted, invalid data refused, the declared methods
//! and `Allow`, authentication enforced.
//!
//! Run through `tests/schemathesis.sh`, which installs the pinned Schemathesis into
//! `target/schemathesis-venv` and names it in `SCHEMATHESIS`. This test starts Spin
//! (the built components, the clock at the scenarios' Monday, a staff token, the payment
//! provider and email answered by the local sink, SMS failing), seeds a booking, an
//! exemption, a complaint, an unpaid, a paid and an issued order and a failed message,
//! and hands their numbers and ids to `tests/schemathesis.toml` through the environment,
//! so `{number}` and `{id}` name real objects in the state each operation acts on.
//! With `GHISEU_SCHEMATHESIS_SERVE=1` it seeds, prints what it seeded and keeps Spin up
//! (for exploring by hand) instead of running Schemathesis.

#[path = "common/support.rs"]
mod support;

use serde_json::json;
use std::process::Command;
use std::time::Instant;
use support::*;

/// Every run explores the same cases: a pinned seed and a small number of examples per
/// operation (the coverage phase adds its own, derived from the schemas).
const SEED: &str = "26";
const MAX_EXAMPLES: &str = "10";
const WEBHOOK_SECRET: &str = "whsec_schemathesis";

#[tokio::test(flavor = "multi_thread")]
async fn schemathesis_finds_nothing_on_real_spin() {
    let serve = std::env::var_os("GHISEU_SCHEMATHESIS_SERVE").is_some();
    let st = std::env::var("SCHEMATHESIS").ok();
    if st.is_none() && !serve {
        panic!(
            "SCHEMATHESIS is not set: run `bash tests/schemathesis.sh`, which installs \
             the pinned Schemathesis and runs this test with it"
        );
    }
    let tokens = staff_tokens();
    let app = TestApp::start(
        Backend::Spin,
        &[
            ("staff_tokens", tokens.as_str()),
            ("payment_provider", "stripe"),
            ("payment_api_url", SINK),
            ("payment_secret_key", "sk_test_schemathesis"),
            ("payment_webhook_secret", WEBHOOK_SECRET),
            // Real Spin's clock runs on from the Monday the seed's payments are signed at.
            ("payment_webhook_tolerance_seconds", "3600"),
            ("email_api_url", "{sink}/email"),
            ("email_api_origin", SINK),
            // Nothing listens on port 1: every SMS fails at its first try, so the outbox
            // always holds a failed message for `retry` to act on.
            ("sms_api_url", "http://127.0.0.1:1/sms"),
            ("sms_api_origin", "http://127.0.0.1:1"),
            ("delivery_max_attempts", "1"),
        ],
    )
    .await;
    let seeded = seed(&app).await;
    let url = app.spin_url();
    if serve {
        println!("Spin at {url}; staff token {STAFF_TOKEN}");
        for (k, v) in &seeded {
            println!("export {k}={v}");
        }
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    }
    let root = root();
    let started = Instant::now();
    let status = Command::new(st.unwrap())
        .current_dir(&root)
        .arg("--config-file")
        .arg(root.join("tests/schemathesis.toml"))
        .arg("run")
        .arg(root.join("static/openapi.json"))
        .args(["--url", &url])
        .args(["--checks", "all"])
        .args(["--seed", SEED])
        .args(["--max-examples", MAX_EXAMPLES])
        .args(["--workers", "1"])
        .args(["--header", &format!("Authorization: Bearer {STAFF_TOKEN}")])
        .envs(seeded)
        .env("NO_COLOR", "1")
        .status()
        .expect("Schemathesis runs");
    println!(
        "Schemathesis ran for {:.0} s (seed {SEED}, at most {MAX_EXAMPLES} examples per operation)",
        started.elapsed().as_secs_f64()
    );
    assert!(
        status.success(),
        "Schemathesis found failures (above) on real Spin: {status}\n{}",
        app.spin_output()
            .lines()
            .filter(|l| l.contains("anic")
                || l.contains("rap")
                || l.contains("rror")
                || l.contains("500"))
            .take(40)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A booking (its confirmation by SMS failed), an exemption granted against it, a
/// complaint citing it, an unpaid order (the citizen's cancel and pay), two issued ones
/// (a document and a new link; a problem) and a paid one (the staff's steps): what
/// `{number}` and `{id}` name in the config.
async fn seed(app: &TestApp) -> Vec<(String, String)> {
    let booked = app.book(&registration()).await;
    assert_eq!(booked.status, 201, "{}", booked.text());
    let booking = number_of(&booked);
    let exemption = app
        .staff(
            http::Method::POST,
            &format!("/api/staff/bookings/{booking}/exemption"),
            Some(STAFF_TOKEN),
            Some(json!({"reason": "Propunere acceptată"})),
        )
        .await;
    assert_eq!(exemption.status, 201, "{}", exemption.text());
    let exemption_id = exemption.json()["exemption"]["id"].as_i64().unwrap();
    let complaint = app
        .post_json(
            "/api/complaints",
            &json!({"kind": "service", "reservation_number": booking,
                    "description": "Coadă lungă.", "email": "ion@example.ro"}),
        )
        .await;
    assert_eq!(complaint.status, 201, "{}", complaint.text());
    let complaint_number = complaint.json()["complaint_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let complaint_id = app.count("SELECT MAX(id) FROM complaints");
    let (unpaid, _) = order(app, "ion@example.ro").await;
    // A problem report reopens its order, whose document is then no longer offered:
    // the report has an issued order of its own.
    let issued = issued_order(app, "eva@example.ro").await;
    let reported = issued_order(app, "ana@example.ro").await;
    let (paid, paid_id) = order(app, "dan@example.ro").await;
    pay(app, &paid, paid_id).await;
    const FAILED: &str = "SELECT IFNULL(MIN(id), 0) FROM outbox WHERE state = 'failed'";
    app.eventually("an SMS failed", |app| app.count(FAILED) > 0)
        .await;
    vec![
        ("GHISEU_BOOKING".to_owned(), booking),
        ("GHISEU_COMPLAINT".to_owned(), complaint_number),
        ("GHISEU_ORDER".to_owned(), unpaid),
        ("GHISEU_ISSUED_ORDER".to_owned(), issued),
        ("GHISEU_REPORTED_ORDER".to_owned(), reported),
        ("GHISEU_COMPLAINT_ID".to_owned(), complaint_id.to_string()),
        ("GHISEU_ORDER_ID".to_owned(), paid_id.to_string()),
        ("GHISEU_OUTBOX_ID".to_owned(), app.count(FAILED).to_string()),
        ("GHISEU_EXEMPTION_ID".to_owned(), exemption_id.to_string()),
    ]
}

/// An order of a vehicle's history by `email` (each order its own email: unpaid orders
/// per email are limited): its number and id.
async fn order(app: &TestApp, email: &str) -> (String, i64) {
    let placed = app
        .post_json(
            "/api/orders",
            &json!({"document": "vehicle_history", "name": "Ion Popescu",
                    "email": email, "vin": "WVWZZZ1JZXW000001", "consent": true}),
        )
        .await;
    assert_eq!(placed.status, 201, "{}", placed.text());
    let number = placed.json()["order_number"].as_str().unwrap().to_owned();
    (number, app.count("SELECT MAX(id) FROM orders"))
}

/// An order paid, taken and issued as a PDF: its number.
async fn issued_order(app: &TestApp, email: &str) -> String {
    let (number, id) = order(app, email).await;
    pay(app, &number, id).await;
    for step in ["take", "issue"] {
        let path = format!("/api/staff/orders/{id}/{step}");
        let mut req =
            http::Request::post(path).header("authorization", format!("Bearer {STAFF_TOKEN}"));
        let mut body = Vec::new();
        if step == "issue" {
            req = req.header("content-type", "application/pdf");
            body = b"%PDF-1.7\n%%EOF\n".to_vec();
        }
        let reply = app.request(req.body(body).unwrap()).await;
        assert_eq!(reply.status, 200, "{step}: {}", reply.text());
    }
    number
}

/// The order paid at the checkout it opened, as the provider's signed webhook says.
async fn pay(app: &TestApp, number: &str, id: i64) {
    let checkout = app
        .post_json(&format!("/api/orders/{number}/pay"), &json!({}))
        .await;
    assert_eq!(checkout.status, 201, "{}", checkout.text());
    let event = checkout_completed(&format!("evt_seed_{id}"), id, 2_500);
    let req = http::Request::post("/api/payments/webhook")
        .header("content-type", "application/json")
        .header(
            "stripe-signature",
            stripe_signature(&event, monday_morning(), WEBHOOK_SECRET),
        )
        .body(event.into_bytes())
        .unwrap();
    let paid = app.request(req).await;
    assert_eq!(paid.json()["outcome"], "paid", "{}", paid.text());
}
