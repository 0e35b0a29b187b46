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
//! provider answered by the local sink), seeds a booking, an exemption, a complaint, an
//! order and their outbox rows, and hands their numbers and ids to `tests/schemathesis.toml`
//! through the environment, so `{number}` and `{id}` name real objects.
//! With `GHISEU_SCHEMATHESIS_SERVE=1` it seeds, prints what it seeded and keeps Spin up
//! (for exploring by hand) instead of running Schemathesis.

#[path = "common/support.rs"]
mod support;

use serde_json::json;
use std::process::Command;
use support::*;

/// Every run explores the same cases: a pinned seed and a small number of examples per
/// operation (the coverage phase adds its own, derived from the schemas).
const SEED: &str = "26";
const MAX_EXAMPLES: &str = "10";

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
            ("payment_webhook_secret", "whsec_schemathesis"),
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
    assert!(
        status.success(),
        "Schemathesis found failures (above) on real Spin: {status}\n{}",
        app.spin_output()
            .lines()
            .filter(|l| l.contains("anic") || l.contains("rap") || l.contains("rror") || l.contains("500"))
            .take(40)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A booking (with its confirmation in the outbox), an exemption granted against it, a
/// complaint citing it and an order: what `{number}` and `{id}` name in the config.
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
    let order = app
        .post_json(
            "/api/orders",
            &json!({"document": "vehicle_history", "name": "Ion Popescu",
                    "email": "ion@example.ro", "vin": "WVWZZZ1JZXW000001", "consent": true}),
        )
        .await;
    assert_eq!(order.status, 201, "{}", order.text());
    let order_number = order.json()["order_number"].as_str().unwrap().to_owned();
    let id_of = |table: &str| app.count(&format!("SELECT MAX(id) FROM {table}"));
    let (complaint_id, order_id, outbox_id) =
        (id_of("complaints"), id_of("orders"), id_of("outbox"));
    assert!(outbox_id > 0, "the booking's confirmation is in the outbox");
    vec![
        ("GHISEU_BOOKING".to_owned(), booking),
        ("GHISEU_COMPLAINT".to_owned(), complaint_number),
        ("GHISEU_ORDER".to_owned(), order_number),
        ("GHISEU_COMPLAINT_ID".to_owned(), complaint_id.to_string()),
        ("GHISEU_ORDER_ID".to_owned(), order_id.to_string()),
        ("GHISEU_OUTBOX_ID".to_owned(), outbox_id.to_string()),
        ("GHISEU_EXEMPTION_ID".to_owned(), exemption_id.to_string()),
    ]
}
