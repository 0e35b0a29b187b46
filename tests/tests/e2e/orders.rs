//! Digital orders (D01–D04, R09): ordering, paying at the provider's checkout (Stripe's
//! wire format, answered by a scripted fake), verified webhooks, staff processing,
//! the issued PDF, delivery and download, expiry, refunds and the SLA check, through
//! the test host with a pinned clock.

use crate::staff_session::*;
use crate::support::*;
use chrono::Duration;
use ghiseu_core::staff::accounts::hash_password;
use http::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

fn completed(event: &str, id: i64, amount: i64) -> String {
    checkout_completed(event, id, amount)
}

fn signature(body: &str, at: chrono::DateTime<chrono::Utc>, secret: &str) -> String {
    stripe_signature(body, at, secret)
}

const STRIPE: &str = "https://stripe.test";
const WEBHOOK_SECRET: &str = "whsec_e2e_secret";
const CNP: &str = "1900101123457";
const BOSS_PASSWORD: &str = "correct horse battery staple";

fn app() -> TestApp {
    let tokens = staff_tokens();
    let first = format!("maria.boss:{}", hash_password(BOSS_PASSWORD).unwrap());
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("first_supervisor", first.as_str()),
        ("public_base_url", "https://programari.test"),
        ("email_api_url", "https://mail.test/send"),
        ("email_api_origin", "https://mail.test"),
        ("payment_provider", "stripe"),
        ("payment_api_url", STRIPE),
        ("payment_secret_key", "sk_test_e2e"),
        ("payment_webhook_secret", WEBHOOK_SECRET),
        ("orders_staff_email", "comenzi@ghiseu.test"),
    ])
}

fn order() -> Value {
    json!({
        "document": "vehicle_history",
        "name": "Ion Popescu",
        "email": "ion@example.ro",
        "phone": "0722123456",
        "vin": "WVWZZZ1JZXW000001",
        "consent": true
    })
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// Places an order and opens its checkout, as a citizen going to pay does; its
/// number and its id.
async fn placed(app: &TestApp) -> (String, i64) {
    let reply = app.post_json("/api/orders", &order()).await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    let number = reply.json()["order_number"].as_str().unwrap().to_owned();
    let checkout = app
        .post_json(&format!("/api/orders/{number}/pay"), &json!({}))
        .await;
    assert_eq!(checkout.status, 201, "{}", checkout.text());
    (number, app.count("SELECT MAX(id) FROM orders"))
}

/// Places an order, pays it and has staff take it: its number and its id.
async fn taken(app: &TestApp) -> (String, i64) {
    let (number, id) = placed(app).await;
    pay(app, id, "evt_1").await;
    step(app, id, "take", None).await;
    (number, id)
}

fn state(app: &TestApp, id: i64) -> String {
    app.db()
        .query_row("SELECT state FROM orders WHERE id = ?", [id], |r| r.get(0))
        .unwrap()
}

async fn webhook_signed(app: &TestApp, body: &str, signature: &str) -> Reply {
    let req = http::Request::post("/api/payments/webhook")
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(body.as_bytes().to_vec())
        .unwrap();
    app.request(req).await
}

async fn webhook(app: &TestApp, body: &str) -> Reply {
    webhook_signed(
        app,
        body,
        &signature(body, monday_morning(), WEBHOOK_SECRET),
    )
    .await
}

async fn pay(app: &TestApp, id: i64, event: &str) {
    let reply = webhook(app, &completed(event, id, 2_500)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["outcome"], "paid");
}

async fn step(app: &TestApp, id: i64, name: &str, body: Option<Value>) -> Reply {
    app.staff(
        Method::POST,
        &format!("/api/staff/orders/{id}/{name}"),
        Some(STAFF_TOKEN),
        body,
    )
    .await
}

async fn issue(app: &TestApp, id: i64, content_type: &str, body: Vec<u8>) -> Reply {
    let req = http::Request::post(format!("/api/staff/orders/{id}/issue"))
        .header("authorization", format!("Bearer {STAFF_TOKEN}"))
        .header("content-type", content_type)
        .header(
            "content-disposition",
            "attachment; filename=\"extras WVW.pdf\"",
        )
        .body(body)
        .unwrap();
    app.request(req).await
}

/// What the order tables and the outbox hold, to prove a request changed nothing.
fn snapshot(app: &TestApp) -> Vec<String> {
    let db = app.db();
    [
        "SELECT id || state || IFNULL(refund, '') || IFNULL(payment_ref, '') || IFNULL(download_token_hash, '') || IFNULL(info_token_hash, '') FROM orders",
        "SELECT id || kind FROM order_events",
        "SELECT id || state FROM outbox",
    ]
    .iter()
    .flat_map(|sql| {
        let mut stmt = db.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<_>>()
    })
    .collect()
}

fn emails_to(app: &TestApp, to: &str) -> Vec<Value> {
    app.outbound()
        .iter()
        .filter(|r| r.url.starts_with("https://mail.test"))
        .map(|r| r.json())
        .filter(|m| m["to"] == to)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn d01_to_d04_an_order_is_placed_paid_processed_issued_delivered_and_downloaded() {
    let app = app();
    let catalog = app.get("/api/documents").await.json();
    assert_eq!(catalog["example"], true);
    assert_eq!(catalog["documents"][0]["code"], "vehicle_history");
    assert_eq!(catalog["documents"][0]["fee_bani"], 2_500);

    // D01: placed, with a retry-safe key; the confirmation is queued with the order.
    let first = app
        .post_raw(
            "/api/orders",
            "application/json",
            order().to_string().into_bytes(),
            Some("k-1"),
        )
        .await;
    assert_eq!(first.status, 201, "{}", first.text());
    let body = first.json();
    let number = body["order_number"].as_str().unwrap().to_owned();
    assert_eq!(
        body["amount_due"],
        json!({"bani": 2_500, "currency": "RON"})
    );
    let again = app
        .post_raw(
            "/api/orders",
            "application/json",
            order().to_string().into_bytes(),
            Some("k-1"),
        )
        .await;
    assert_eq!(
        (again.status, again.json()["order_number"].as_str()),
        (200, Some(number.as_str()))
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM orders"), 1);
    let id = app.count("SELECT MAX(id) FROM orders");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'order_confirmation'"),
        1
    );
    let hash: String = app
        .db()
        .query_row("SELECT number_hash FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_ne!(hash, number, "the number is stored only hashed");

    // D02: the checkout is opened at the provider with the order's fee.
    let checkout = app
        .post_json(&format!("/api/orders/{number}/pay"), &json!({}))
        .await;
    assert_eq!(checkout.status, 201, "{}", checkout.text());
    assert_eq!(
        checkout.json()["checkout_url"],
        format!("https://checkout.stripe.test/c/pay/cs_test_{id}")
    );
    let call = app
        .outbound()
        .into_iter()
        .find(|r| r.url.starts_with(STRIPE))
        .unwrap();
    assert_eq!(call.url, "https://stripe.test/v1/checkout/sessions");
    assert_eq!(call.headers["authorization"], "Bearer sk_test_e2e");
    assert!(call.headers.contains_key("idempotency-key"));
    let form: std::collections::HashMap<String, String> =
        form_urlencoded::parse(&call.body).into_owned().collect();
    assert_eq!(form["line_items[0][price_data][unit_amount]"], "2500");
    assert_eq!(form["line_items[0][price_data][currency]"], "ron");
    assert_eq!(form["client_reference_id"], id.to_string());
    assert_eq!(form["mode"], "payment");

    // The signed notification pays it and queues the payment confirmation.
    pay(&app, id, "evt_paid_1").await;
    assert_eq!(state(&app, id), "paid");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'order_paid'"),
        1
    );

    // D04: staff take it, write a progress update, issue the PDF.
    assert_eq!(
        step(&app, id, "take", None).await.json()["order"]["state"],
        "processing"
    );
    let progress = step(
        &app,
        id,
        "progress",
        Some(json!({"text": "Verificăm arhiva."})),
    )
    .await;
    assert_eq!(progress.status, 200, "{}", progress.text());
    let issued = issue(&app, id, "application/pdf", pdf()).await;
    assert_eq!(issued.status, 200, "{}", issued.text());
    let sha: String = Sha256::digest(pdf())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(issued.json()["sha256"], sha.as_str());
    assert_eq!(
        app.count_with(
            "SELECT COUNT(*) FROM order_documents WHERE sha256 = ?",
            [&sha]
        ),
        1
    );
    assert_eq!(state(&app, id), "issued");

    // D03: the delivery email goes out with the link; then the order is delivered.
    app.deliver().await;
    assert_eq!(state(&app, id), "delivered");
    let mail = emails_to(&app, "ion@example.ro");
    let subjects: Vec<&str> = mail
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects.len(), 4, "{subjects:?}");
    assert!(
        mail[0]["text"].as_str().unwrap().contains(&number),
        "the confirmation carries the number"
    );
    assert!(
        mail[2]["text"]
            .as_str()
            .unwrap()
            .contains("Verificăm arhiva.")
    );
    let links = app.link_paths("/orders/download/");
    assert_eq!(links.len(), 1);
    let download = app.get(&links[0]).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.headers["content-type"], "application/pdf");
    assert_eq!(
        download.headers["content-disposition"],
        "attachment; filename=\"extrasWVW.pdf\""
    );
    assert_eq!(download.body.to_vec(), pdf());
    let by_number = app.get(&format!("/api/orders/{number}/document")).await;
    assert_eq!(by_number.body.to_vec(), pdf());

    // D04: the status shows the history and nothing personal but a masked name.
    let status = app.get(&format!("/api/orders/{number}")).await;
    let view = &status.json()["order"];
    assert_eq!(view["state"], "delivered");
    assert_eq!(view["requester"], "I. P.");
    let kinds: Vec<&str> = view["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "received",
            "paid",
            "processing",
            "progress",
            "issued",
            "delivered"
        ]
    );
    let page = app.get_html(&format!("/orders/{number}")).await;
    for text in [status.text(), page.text()] {
        for personal in [
            "Ion",
            "Popescu",
            "ion@example.ro",
            "0722123456",
            "722123456",
            "WVWZZZ1JZXW000001",
        ] {
            assert!(!text.contains(personal), "{personal} shown: {text}");
        }
    }
    assert!(
        page.text()
            .contains(&format!("/api/orders/{number}/document"))
    );
    for action in ["order_take", "order_progress", "order_issue"] {
        assert_eq!(
            app.count_with(
                "SELECT COUNT(*) FROM audit WHERE action = ? AND staff = 'ana.pop'",
                [action]
            ),
            1,
            "{action}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn r09_d01_a_cnp_in_any_order_field_is_refused_and_nothing_is_stored() {
    let app = app();
    for field in ["name", "email", "phone", "vin", "document", "note"] {
        let reply = app
            .post_json("/api/orders", &with(order(), json!({ field: CNP })))
            .await;
        assert_eq!(reply.status, 422, "{field}: {}", reply.text());
        assert_eq!(reply.error_code(), "cnp_forbidden", "{field}");
        assert_eq!(reply.error_field().as_deref(), Some(field));
    }
    let licence = json!({"document": "licence_record", "name": "Ion Popescu", "email": "ion@example.ro",
        "holder": format!("Ion {CNP}"), "consent": true});
    assert_eq!(
        app.post_json("/api/orders", &licence).await.error_code(),
        "cnp_forbidden"
    );
    let no_email = app
        .post_json("/api/orders", &with(order(), json!({"email": null})))
        .await;
    assert_eq!(
        (no_email.status, no_email.error_field().as_deref()),
        (422, Some("email"))
    );
    let wrong = app
        .post_json("/api/orders", &with(order(), json!({"plate": "MS 12 ABC"})))
        .await;
    assert_eq!(wrong.error_code(), "field_not_for_document");
    assert_eq!(app.count("SELECT COUNT(*) FROM orders"), 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox"), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn d02_forged_stale_mismatched_replayed_or_unknown_webhooks_change_nothing() {
    let app = app();
    let (_, id) = placed(&app).await;
    let genuine = completed("evt_1", id, 2_500);
    let cases = [
        (
            "bad signature",
            genuine.clone(),
            signature(&genuine, monday_morning(), "whsec_forger"),
            400,
            "signature_invalid",
        ),
        (
            "stale",
            genuine.clone(),
            signature(
                &genuine,
                monday_morning() - Duration::minutes(6),
                WEBHOOK_SECRET,
            ),
            400,
            "signature_stale",
        ),
        (
            "wrong amount",
            completed("evt_2", id, 250),
            signature(
                &completed("evt_2", id, 250),
                monday_morning(),
                WEBHOOK_SECRET,
            ),
            422,
            "payment_mismatch",
        ),
        (
            "unsigned",
            genuine.clone(),
            String::new(),
            400,
            "signature_invalid",
        ),
    ];
    let before = snapshot(&app);
    for (what, body, sig, status, code) in cases {
        let reply = webhook_signed(&app, &body, &sig).await;
        assert_eq!(
            (reply.status, reply.error_code().as_str()),
            (status, code),
            "{what}"
        );
        assert_eq!(snapshot(&app), before, "{what} changed something");
    }
    let unknown = webhook(&app, &completed("evt_3", id + 1000, 2_500)).await;
    assert_eq!(
        (unknown.status, unknown.json()["outcome"].as_str()),
        (200, Some("unknown_order"))
    );
    assert_eq!(
        snapshot(&app),
        before,
        "an event for an unknown order changed something"
    );
    // Genuinely signed (the office's account), but paid at a checkout the office
    // never opened for this order: another app's, or one made by hand naming it.
    let elsewhere = completed("evt_4", id, 2_500).replace(&format!("cs_test_{id}"), "cs_elsewhere");
    let reply = webhook(&app, &elsewhere).await;
    assert_eq!(
        (reply.status, reply.json()["outcome"].as_str()),
        (200, Some("unknown_order"))
    );
    assert_eq!(
        snapshot(&app),
        before,
        "money at another checkout changed something"
    );

    pay(&app, id, "evt_1").await;
    let paid = snapshot(&app);
    let replay = webhook(&app, &genuine).await;
    assert_eq!(replay.json()["outcome"], "duplicate");
    assert_eq!(snapshot(&app), paid, "the replay changed something");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'order_paid'"),
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn d02_two_identical_webhooks_at_once_pay_once() {
    let app = app();
    let (_, id) = placed(&app).await;
    let body = completed("evt_twice", id, 2_500);
    let (a, b) = tokio::join!(webhook(&app, &body), webhook(&app, &body));
    let mut outcomes = [a.json()["outcome"].clone(), b.json()["outcome"].clone()];
    outcomes.sort_by_key(|o| o.to_string());
    assert_eq!(outcomes, [json!("duplicate"), json!("paid")]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM order_events WHERE kind = 'paid'"),
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'order_paid'"),
        1
    );
    assert_eq!(state(&app, id), "paid");
}

#[tokio::test(flavor = "multi_thread")]
async fn d02_a_payment_for_an_expired_order_is_flagged_for_refund_and_refunded_once() {
    let app = app();
    let (number, id) = placed(&app).await;
    app.set_time(monday_morning() + Duration::hours(49));
    app.tick("sla").await;
    assert_eq!(state(&app, id), "expired");
    let late_pay = app
        .post_json(&format!("/api/orders/{number}/pay"), &json!({}))
        .await;
    assert_eq!(
        (late_pay.status, late_pay.error_code().as_str()),
        (409, "not_payable")
    );
    let body = completed("evt_late", id, 2_500);
    let reply = webhook_signed(
        &app,
        &body,
        &signature(
            &body,
            monday_morning() + Duration::hours(49),
            WEBHOOK_SECRET,
        ),
    )
    .await;
    assert_eq!(reply.json()["outcome"], "refund_due", "{}", reply.text());
    assert_eq!(state(&app, id), "expired");
    let refund: String = app
        .db()
        .query_row("SELECT refund FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(refund, "due");

    app.host().script_reply(
        STRIPE,
        200,
        br#"{"id": "re_1", "object": "refund", "status": "succeeded"}"#,
    );
    let refunded = step(&app, id, "refund", None).await;
    assert_eq!(refunded.json()["refunds_made"], 1, "{}", refunded.text());
    let calls: Vec<_> = app
        .outbound()
        .into_iter()
        .filter(|r| r.url == "https://stripe.test/v1/refunds")
        .collect();
    assert_eq!(calls.len(), 1);
    let form: std::collections::HashMap<String, String> = form_urlencoded::parse(&calls[0].body)
        .into_owned()
        .collect();
    assert_eq!(
        (form["payment_intent"].as_str(), form["amount"].as_str()),
        ("pi_evt_late", "2500")
    );
    assert_eq!(calls[0].headers["idempotency-key"], "refund:pi_evt_late");
    let again = step(&app, id, "refund", None).await;
    assert_eq!(again.json()["refunds_made"], 0);
    assert_eq!(
        app.outbound()
            .iter()
            .filter(|r| r.url.ends_with("/v1/refunds"))
            .count(),
        1
    );
    let refund: String = app
        .db()
        .query_row("SELECT refund FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(refund, "done");
}

#[tokio::test(flavor = "multi_thread")]
async fn d04_staff_steps_out_of_order_get_409_and_change_nothing() {
    let app = app();
    let (_, id) = placed(&app).await;
    let before = snapshot(&app);
    for (name, body) in [
        ("take", None),
        ("progress", Some(json!({"text": "x"}))),
        ("ask", Some(json!({"question": "x"}))),
    ] {
        let reply = step(&app, id, name, body).await;
        assert_eq!(
            (reply.status, reply.error_code().as_str()),
            (409, "order_step_not_allowed"),
            "{name}"
        );
    }
    assert_eq!(issue(&app, id, "application/pdf", pdf()).await.status, 409);
    assert_eq!(snapshot(&app), before);
    pay(&app, id, "evt_1").await;
    assert_eq!(step(&app, id, "take", None).await.status, 200);
    assert_eq!(
        step(&app, id, "take", None).await.status,
        409,
        "taken twice"
    );
    app.host()
        .script_reply(STRIPE, 200, br#"{"id": "re_1", "status": "succeeded"}"#);
    let rejected = step(
        &app,
        id,
        "reject",
        Some(json!({"reason": "Vehiculul nu este în evidența noastră."})),
    )
    .await;
    assert_eq!(
        rejected.json()["order"]["refund"],
        "done",
        "{}",
        rejected.text()
    );
    assert_eq!(
        issue(&app, id, "application/pdf", pdf()).await.status,
        409,
        "issued after rejection"
    );
    let unknown = step(&app, id + 99, "take", None).await;
    assert_eq!(unknown.status, 404);
    let no_token = app
        .staff(
            Method::POST,
            &format!("/api/staff/orders/{id}/take"),
            None,
            None,
        )
        .await;
    assert_eq!(no_token.status, 401);
}

#[tokio::test(flavor = "multi_thread")]
async fn d03_a_non_pdf_upload_is_refused_and_a_multipart_pdf_is_accepted() {
    let app = app();
    let (_, id) = taken(&app).await;
    let html = issue(
        &app,
        id,
        "application/pdf",
        b"<html><script>x</script></html>".to_vec(),
    )
    .await;
    assert_eq!(
        (html.status, html.error_code().as_str()),
        (422, "not_a_pdf")
    );
    let text = issue(&app, id, "text/plain", pdf()).await;
    assert_eq!(text.status, 415);
    assert_eq!(app.count("SELECT COUNT(*) FROM order_documents"), 0);
    assert_eq!(state(&app, id), "processing");
    let boundary = "----ghiseu-test-boundary";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    body.extend(pdf());
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    let multipart = issue(
        &app,
        id,
        &format!("multipart/form-data; boundary={boundary}"),
        body,
    )
    .await;
    assert_eq!(multipart.status, 200, "{}", multipart.text());
    assert_eq!(state(&app, id), "issued");
}

#[tokio::test(flavor = "multi_thread")]
async fn d03_the_download_link_expires_and_a_new_one_can_be_asked_for() {
    let app = app();
    let (number, id) = taken(&app).await;
    issue(&app, id, "application/pdf", pdf()).await;
    app.deliver().await;
    let link = app.link_paths("/orders/download/").remove(0);
    app.set_time(monday_morning() + Duration::days(30) + Duration::minutes(1));
    let expired = app.get(&link).await;
    assert_eq!(
        (expired.status, expired.error_code().as_str()),
        (410, "download_expired")
    );
    assert_eq!(
        app.get(&format!("/api/orders/{number}/document"))
            .await
            .status,
        410
    );
    let renewed = app
        .post_json(&format!("/api/orders/{number}/link"), &json!({}))
        .await;
    assert_eq!(renewed.status, 200, "{}", renewed.text());
    app.deliver().await;
    let links = app.link_paths("/orders/download/");
    assert_eq!(links.len(), 2);
    assert_eq!(app.get(&links[1]).await.body.to_vec(), pdf());
    assert_eq!(
        app.get(&links[0]).await.status,
        404,
        "the old link is replaced"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn d03_d04_get_on_every_order_link_changes_nothing() {
    let app = app();
    let (number, id) = taken(&app).await;
    step(
        &app,
        id,
        "ask",
        Some(json!({"question": "Numărul de înmatriculare?"})),
    )
    .await;
    app.deliver().await;
    let info = app.link_paths("/orders/info/").remove(0);
    let before = snapshot(&app);
    for path in [
        info.clone(),
        format!("/orders/{number}"),
        format!("/api/orders/{number}"),
        "/orders".to_owned(),
        "/api/documents".to_owned(),
    ] {
        for _ in 0..2 {
            let reply = app.get_html(&path).await;
            assert_eq!(reply.status, 200, "{path}: {}", reply.text());
        }
    }
    assert!(
        app.get_html(&info)
            .await
            .text()
            .contains("Numărul de înmatriculare?")
    );
    assert_eq!(snapshot(&app), before);

    // The answer goes through the link once, and the order is back with staff.
    let answer = app
        .post_raw(
            &info,
            "application/x-www-form-urlencoded",
            b"answer=MS+12+ABC".to_vec(),
            None,
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(state(&app, id), "processing");
    let again = app
        .post_raw(
            &info,
            "application/x-www-form-urlencoded",
            b"answer=again".to_vec(),
            None,
        )
        .await;
    assert_eq!(again.status, 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn d04_the_sla_cron_flags_an_overdue_order_once_per_state() {
    let app = app();
    let (_, id) = placed(&app).await;
    pay(&app, id, "evt_1").await;
    // vehicle_history: 3 business days from Monday: due by the end of Thursday.
    app.set_time(monday_morning() + Duration::days(3) + Duration::hours(6));
    app.tick("sla").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM order_events WHERE kind = 'overdue'"),
        0,
        "not yet"
    );
    app.set_time(monday_morning() + Duration::days(4));
    for _ in 0..3 {
        app.tick("sla").await;
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM order_events WHERE kind = 'overdue'"),
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'order_overdue' AND recipient = 'comenzi@ghiseu.test'"),
        1
    );
    let queue = app
        .staff(Method::GET, "/api/staff/orders", Some(STAFF_TOKEN), None)
        .await;
    assert_eq!(queue.json()["orders"][0]["overdue"], true);
    step(&app, id, "take", None).await;
    app.tick("sla").await;
    app.tick("sla").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM order_events WHERE kind = 'overdue'"),
        2,
        "a new state, one more flag"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn d04_a_problem_report_reopens_the_order_and_a_complaint_may_cite_it() {
    let app = app();
    let (number, id) = taken(&app).await;
    issue(&app, id, "application/pdf", pdf()).await;
    let problem = app
        .post_json(
            &format!("/api/orders/{number}/problem"),
            &json!({"text": "Seria de șasiu din document este greșită."}),
        )
        .await;
    assert_eq!(problem.status, 200, "{}", problem.text());
    assert_eq!(state(&app, id), "reopened");
    assert_eq!(step(&app, id, "take", None).await.status, 200);
    let complaint = app
        .post_json(
            "/api/complaints",
            &json!({"kind": "service", "order_number": number, "description": "Documentul a avut o greșeală.", "email": "ion@example.ro"}),
        )
        .await;
    assert_eq!(complaint.status, 201, "{}", complaint.text());
    assert_eq!(
        app.count_with("SELECT COUNT(*) FROM complaints WHERE order_id = ?", [id]),
        1
    );
    let unknown = app
        .post_json(
            "/api/complaints",
            &json!({"kind": "service", "order_number": "AAAAA-BBBBB-CCCCC-DDDDD", "description": "x", "email": "ion@example.ro"}),
        )
        .await;
    assert_eq!(unknown.error_code(), "order_unknown");
}

/// Issue 26: the catalog, the form, the placed and the status pages in Hungarian: fees
/// as "25,00 lej", times year first.
#[tokio::test(flavor = "multi_thread")]
async fn d01_d04_the_order_pages_read_in_hungarian() {
    let app = app();
    let catalog = app.get_html("/orders?lang=hu").await;
    assert_eq!(catalog.status, 200, "{}", catalog.text());
    let text = catalog.text();
    for shown in [
        "<html lang=\"hu\"",
        "<h1>Elektronikus dokumentumok</h1>",
        "<td>Kivonat a jármű nyilvántartási előzményeiből</td><td>25,00 lej</td><td>3 munkanap</td>",
        "Megrendelési szám",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    let form = app
        .get_html("/orders?document=vehicle_history&lang=hu")
        .await;
    assert!(
        form.text().contains("Alvázszám (VIN)")
            && form.text().contains("<strong>25,00 lej</strong>"),
        "{}",
        form.text()
    );
    let fields = "document=vehicle_history&lang=hu&name=Kov%C3%A1cs+Anna&email=anna%40example.ro&vin=WVWZZZ1JZXW000001&consent=true";
    let (placed, number) = place_by_form(&app, fields).await;
    let text = placed.text();
    for shown in [
        "<h1>Megrendelés rögzítve</h1>",
        "<dt>Díj</dt><dd>25,00 lej</dd>",
        "<dt>Állapot</dt><dd>Beérkezett, fizetésre vár</dd>",
        "<dt>Leadva</dt><dd>2026. 11. 23. 10:00</dd>",
        "Fizetés bankkártyával",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    let status = app.get_html(&format!("/orders/{number}?lang=hu")).await;
    assert_eq!(status.status, 200, "{}", status.text());
    let text = status.text();
    for shown in [
        "<h1>A megrendelés állapota</h1>",
        "<td>2026. 11. 23. 10:00</td><td>Megrendelés beérkezett</td>",
        "A kifizetetlen megrendelés visszavonása",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    // The JSON gives the document's name in the three languages, Romanian first.
    let json = app.get(&format!("/api/orders/{number}")).await;
    assert_eq!(
        json.json()["order"]["document_name"][2],
        "Kivonat a jármű nyilvántartási előzményeiből"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn d01_d04_the_pages_order_pay_and_show_status_without_javascript_and_staff_work_from_theirs()
{
    let app = app();
    let catalog = app.get_html("/orders?lang=en").await;
    assert!(
        catalog
            .text()
            .contains("Vehicle registration history extract"),
        "{}",
        catalog.text()
    );
    let form = app
        .get_html("/orders?document=vehicle_history&lang=en")
        .await;
    assert!(form.text().contains("name=\"vin\""));
    let fields = "document=vehicle_history&lang=en&name=Ion+Popescu&email=ion%40example.ro&vin=WVWZZZ1JZXW000001&consent=true";
    let (placed, number) = place_by_form(&app, fields).await;
    assert!(placed.text().contains("RON 25.00"));
    let id = app.count("SELECT MAX(id) FROM orders");
    let pay_form = app
        .post_raw(
            &format!("/api/orders/{number}/pay"),
            "application/x-www-form-urlencoded",
            b"lang=en".to_vec(),
            None,
        )
        .await;
    assert_eq!(
        (pay_form.status, location(&pay_form)),
        (
            303,
            format!("https://checkout.stripe.test/c/pay/cs_test_{id}")
        )
    );
    pay(&app, id, "evt_page").await;
    // The catalog's status lookup posts the number, so no address carries it.
    let catalog = app.get_html("/orders?lang=en").await;
    assert!(
        catalog
            .text()
            .contains(r#"<form method="post" action="/orders">"#),
        "{}",
        catalog.text()
    );
    let looked_up = app
        .post_raw(
            "/orders",
            "application/x-www-form-urlencoded",
            format!("lang=en&number={number}").into_bytes(),
            None,
        )
        .await;
    assert_eq!(looked_up.status, 200, "{}", looked_up.text());
    assert!(looked_up.text().contains("<html lang=\"en\"") && looked_up.text().contains("Paid"));
    let unknown = app
        .post_raw(
            "/orders",
            "application/x-www-form-urlencoded",
            b"lang=en&number=ABCDE-FGHJK-MNPQR-STVWX".to_vec(),
            None,
        )
        .await;
    assert_eq!(unknown.status, 404);

    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let queue = boss.get("/staff/orders").await;
    assert!(
        queue.text().contains(&format!("/staff/orders/{id}")),
        "{}",
        queue.text()
    );
    let page = format!("/staff/orders/{id}");
    let taken = boss.submit(&page, &format!("{page}/take"), &[]).await;
    assert_eq!(
        (taken.status, location(&taken)),
        (303, format!("{page}?done=step"))
    );
    assert_eq!(state(&app, id), "processing");
    let detail = boss.get(&page).await;
    assert!(detail.text().contains("enctype=\"multipart/form-data\""));
    assert!(
        detail.text().contains("ion@example.ro"),
        "staff see the requester"
    );
    let forged = boss
        .post(
            &format!("{page}/progress"),
            &[("csrf", "forged"), ("text", "x")],
        )
        .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn d01_a_key_replayed_with_other_content_gets_nothing_of_the_first_order() {
    let app = app();
    let post = |body: Value| {
        let app = &app;
        async move {
            app.post_json_keyed("/api/orders", &body, "shared-key-1")
                .await
        }
    };
    let first = post(order()).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let number = first.json()["order_number"].as_str().unwrap().to_owned();
    // Someone else who guessed (or saw) the key, with their own order.
    let other = with(
        order(),
        json!({"name": "Eva Marin", "email": "eva@example.ro"}),
    );
    let guessed = post(other).await;
    assert_eq!(
        (guessed.status, guessed.error_code(), guessed.error_field()),
        (
            422,
            "idempotency_key_reused".to_owned(),
            Some("Idempotency-Key".to_owned())
        )
    );
    assert!(!guessed.text().contains(&number), "{}", guessed.text());
    assert_eq!(app.count("SELECT COUNT(*) FROM orders"), 1);
    // The real retry still gets its number back.
    let retry = post(order()).await;
    assert_eq!(
        (retry.status, retry.json()["order_number"].as_str()),
        (200, Some(number.as_str()))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bot_defence_an_order_needs_a_solved_challenge_which_admits_it_once() {
    use ghiseu_core::defence::challenge;
    let app = TestApp::spawn_configured(&[
        ("challenge_secret", "a-test-secret-of-the-office"),
        ("office", r#"{"proof_of_work":{"difficulty":2000}}"#),
    ]);
    let form = app
        .get_html("/orders?document=vehicle_history&lang=en")
        .await;
    assert!(
        form.text().contains(r#"data-altcha="order""#),
        "{}",
        form.text()
    );
    let refused = app.post_json("/api/orders", &order()).await;
    assert_eq!(
        (refused.status, refused.error_code(), refused.error_field()),
        (
            422,
            "challenge_required".to_owned(),
            Some("altcha".to_owned())
        )
    );
    let solve = |purpose: &'static str| {
        let app = &app;
        async move {
            let reply = app.get(&format!("/api/challenge?for={purpose}")).await;
            let issued = serde_json::from_value(reply.json()["challenge"].clone()).unwrap();
            challenge::solve(&issued).unwrap()
        }
    };
    let solved = solve("order").await;
    let placed = app
        .post_json("/api/orders", &with(order(), json!({"altcha": solved})))
        .await;
    assert_eq!(placed.status, 201, "{}", placed.text());
    let again = with(
        order(),
        json!({"altcha": solved, "email": "eva@example.ro"}),
    );
    assert_eq!(
        app.post_json("/api/orders", &again).await.error_code(),
        "challenge_used"
    );
    // One issued for a booking places no order.
    let for_booking = solve("booking").await;
    let wrong = with(
        order(),
        json!({"altcha": for_booking, "email": "dan@example.ro"}),
    );
    assert_eq!(
        app.post_json("/api/orders", &wrong).await.error_code(),
        "challenge_invalid"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM orders"), 1);
}

/// An order placed from the form (no JavaScript): the page it answers with, and the
/// order number that page shows in bold.
async fn place_by_form(app: &TestApp, fields: &str) -> (Reply, String) {
    let placed = app
        .post_raw(
            "/api/orders",
            "application/x-www-form-urlencoded",
            fields.as_bytes().to_vec(),
            None,
        )
        .await;
    assert_eq!(placed.status, 201, "{}", placed.text());
    let number = placed
        .text()
        .split("<strong>")
        .nth(1)
        .and_then(|s| s.split("</strong>").next())
        .expect("the number in bold")
        .to_owned();
    (placed, number)
}
