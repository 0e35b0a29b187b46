//! Abuse limits: per client address and per phone, in key-value windows, answered
//! with 429 and Retry-After; and new booking days opening at an office time.

use crate::support::*;
use chrono::{Duration, TimeZone, Utc};
use serde_json::json;

const LIMITS: &str = r#"{"rate_limits": {"per_address": 5, "address_window_minutes": 10, "per_phone": 2, "phone_window_minutes": 60}}"#;

async fn status_from(app: &TestApp, n: usize) -> Reply {
    let req = http::Request::get("/api/bookings/ABCDE-FGHJK-MNPQR-STVWX")
        .header("accept", "application/json")
        .body(vec![])
        .unwrap();
    app.request_from(req, client(n)).await
}

#[tokio::test(flavor = "multi_thread")]
async fn status_checks_per_address_are_limited_with_retry_after() {
    let app = TestApp::spawn_with_office(LIMITS);
    // Monday 10:00:00 sits at the start of a 10-minute window.
    app.set_time(monday_morning() + Duration::minutes(3));
    for _ in 0..5 {
        assert_eq!(status_from(&app, 1).await.status, 404);
    }
    let limited = status_from(&app, 1).await;
    assert_eq!(
        (limited.status, limited.error_code()),
        (429, "rate_limited".to_owned())
    );
    assert_eq!(
        limited.headers["retry-after"], "420",
        "seconds to the window's end"
    );
    assert_eq!(
        status_from(&app, 2).await.status,
        404,
        "another address is not limited"
    );
    let html = app
        .request_from(
            http::Request::get("/api/bookings?number=X")
                .header("accept", "text/html")
                .body(vec![])
                .unwrap(),
            client(1),
        )
        .await;
    assert_eq!(html.status, 429, "the HTML form is limited too");
    assert!(html.text().contains("<html"));
    app.set_time(monday_morning() + Duration::minutes(10));
    assert_eq!(status_from(&app, 1).await.status, 404, "a new window");
}

#[tokio::test(flavor = "multi_thread")]
async fn booking_attempts_per_phone_are_limited_whatever_the_address() {
    let app = TestApp::spawn_with_office(LIMITS);
    for (n, vin) in ["WVWZZZ1JZXW000001", "WVWZZZ1JZXW000002"]
        .iter()
        .enumerate()
    {
        let body = with(
            registration(),
            json!({"vin": vin, "slot": format!("2026-11-25T{}", ["09:10", "09:30"][n])}),
        );
        assert_eq!(app.book_from(client(10 + n), &body).await.status, 201);
    }
    let third = with(
        registration(),
        json!({"vin": "WVWZZZ1JZXW000003", "slot": "2026-11-25T09:50"}),
    );
    let limited = app.book_from(client(20), &third).await;
    assert_eq!(
        (limited.status, limited.error_code()),
        (429, "rate_limited".to_owned())
    );
    assert!(limited.headers.contains_key("retry-after"));
    assert_eq!(app.bookings(), 2, "the refused attempt booked nothing");
    let other_phone = with(third, json!({"phone": "0744123456"}));
    assert_eq!(app.book_from(client(20), &other_phone).await.status, 201);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_booking_day_opens_at_the_office_time_not_midnight() {
    let app = TestApp::spawn_with_office(r#"{"booking_opens_at": "08:00"}"#);
    // Monday 23 November, 07:59 in Bucharest: 22 December is not open yet.
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 23, 5, 59, 0).unwrap());
    let services = app.get("/api/services").await.json();
    assert_eq!(services["last_bookable_date"], "2026-12-21");
    let body = with(registration(), json!({"slot": "2026-12-22T09:10"}));
    let early = app.book(&body).await;
    assert_eq!(
        (early.status, early.error_code()),
        (422, "slot_too_far".to_owned())
    );
    let day = app
        .get("/api/availability?service=registration&date=2026-12-22")
        .await;
    assert_eq!(day.error_code(), "date_out_of_range");
    assert_eq!(app.bookings(), 0);

    app.set_time(Utc.with_ymd_and_hms(2026, 11, 23, 6, 0, 0).unwrap());
    assert_eq!(
        app.get("/api/services").await.json()["last_bookable_date"],
        "2026-12-22"
    );
    assert_eq!(app.book(&body).await.status, 201);
}

#[tokio::test(flavor = "multi_thread")]
async fn availability_a_proxy_may_cache_is_kept_apart_per_format() {
    let app = TestApp::spawn();
    let path = "/api/availability?service=registration&date=2026-11-25";
    let json = app.get(path).await;
    assert_eq!(json.status, 200, "{}", json.text());
    assert_eq!(json.headers["cache-control"], "public, max-age=2");
    assert_eq!(json.headers["vary"], "Accept, Content-Type");
    // The same address asked by a browser is a page, and a page is never shared.
    let page = app.get_html(path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(page.headers["cache-control"], "no-store");
}

fn sending(office: &str) -> TestApp {
    TestApp::spawn_configured(&[
        ("email_api_url", "https://mail.test/v1/send"),
        ("email_api_origin", "https://mail.test"),
        ("sms_api_url", "https://sms.test/v1/sms"),
        ("sms_api_origin", "https://sms.test"),
        ("office", office),
    ])
}

#[tokio::test(flavor = "multi_thread")]
async fn sms_pumping_no_sms_to_foreign_numbers_unless_the_office_allows_them() {
    let foreign = json!({"phone": "+44 7700 900123"});
    let app = sending("{}");
    assert_eq!(
        app.book(&with(registration(), foreign.clone()))
            .await
            .status,
        201
    );
    app.deliver().await;
    let sent = app.outbound();
    assert!(
        sent.iter().all(|r| !r.url.starts_with("https://sms.test")),
        "no SMS abroad"
    );
    assert!(
        sent.iter().any(|r| r.url.starts_with("https://mail.test")),
        "the email goes"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND state = 'skipped' AND last_error LIKE '%foreign_sms%' AND secret IS NULL"),
        1
    );
    let open = sending(r#"{"messages": {"foreign_sms": true}}"#);
    open.book(&with(registration(), foreign)).await;
    open.deliver().await;
    assert!(
        open.outbound()
            .iter()
            .any(|r| r.url.starts_with("https://sms.test"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn message_flooding_one_recipient_gets_at_most_the_day_s_cap() {
    let app = sending(r#"{"messages": {"per_recipient_per_day": 2}}"#);
    // Three bookers type the same victim's address into the form.
    for n in 0..3 {
        let (name, phone) = booker(n);
        let vin = format!("WVWZZZ1JZXW00000{}", n + 2);
        let body = with(
            registration(),
            json!({"name": name, "phone": phone, "vin": vin, "slot": format!("2026-11-2{}T09:10", 5 + n), "email": "victim@example.ro"}),
        );
        assert_eq!(app.book(&body).await.status, 201);
    }
    app.deliver().await;
    let to_victim = app
        .outbound()
        .iter()
        .filter(|r| r.url.starts_with("https://mail.test") && r.json()["to"] == "victim@example.ro")
        .count();
    assert_eq!(to_victim, 2);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE recipient = 'victim@example.ro' AND state = 'skipped' AND last_error LIKE '%per_recipient_per_day%'"),
        1
    );
    // A day later the address may be written to again.
    app.set_time(monday_morning() + Duration::days(1) + Duration::minutes(1));
    let (name, phone) = booker(9);
    let body = with(
        registration(),
        json!({"name": name, "phone": phone, "vin": "WVWZZZ1JZXW000009", "slot": "2026-11-27T09:30", "email": "victim@example.ro"}),
    );
    assert_eq!(app.book(&body).await.status, 201);
    app.deliver().await;
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM outbox WHERE recipient = 'victim@example.ro' AND state = 'sent'"
        ),
        3
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_upload_from_a_stranger_is_refused_before_its_body_is_read() {
    let tokens = staff_tokens();
    let app = TestApp::spawn_configured(&[("staff_tokens", tokens.as_str())]);
    // Over the upload limit: if it were read first, the answer would be 413.
    let huge = vec![b'%'; 11 * 1024 * 1024];
    let upload = |path: &str, token: Option<&str>| {
        let mut req =
            http::Request::post(path).header("content-type", "multipart/form-data; boundary=x");
        if let Some(token) = token {
            req = req.header("authorization", format!("Bearer {token}"));
        }
        req.body(huge.clone()).unwrap()
    };
    let api = app.request(upload("/api/staff/orders/1/issue", None)).await;
    assert_eq!(api.status, 401, "{}", api.text());
    let page = app.request(upload("/staff/orders/1/issue", None)).await;
    assert_eq!(page.status, 401, "{}", page.text());
    // With a token the head passes, and then the body is too large.
    let staff = app
        .request(upload("/api/staff/orders/1/issue", Some(STAFF_TOKEN)))
        .await;
    assert_eq!(staff.status, 413, "{}", staff.text());
}

#[tokio::test(flavor = "multi_thread")]
async fn ban_oracle_a_full_slot_answers_the_same_for_a_banned_and_a_free_phone() {
    let app = TestApp::spawn();
    // Registration slots have one online seat: this one is taken.
    assert_eq!(app.book(&registration()).await.status, 201);
    app.db()
        .execute_batch(
            "INSERT INTO bans (contact, reason, starts_at, ends_at) VALUES
               ('phone:+40744123456', 'fictitious', '2026-11-01T08:00:00Z', '2027-04-30T08:00:00Z');",
        )
        .unwrap();
    app.tick("retention").await;
    let probe = |phone: &'static str| {
        let app = &app;
        async move {
            let body = with(
                registration(),
                json!({"phone": phone, "email": null, "vin": "WVWZZZ1JZXW000007"}),
            );
            let reply = app.book(&body).await;
            (
                reply.status,
                reply.error_code(),
                reply.json()["error"]["message"].clone(),
            )
        }
    };
    assert_eq!(probe("0744123456").await, probe("0766123456").await);
    assert_eq!(probe("0744123456").await.1, "slot_full");
    // Where a seat is free, the banned booker is told, with the ban's end.
    let free = app
        .book(&with(
            registration(),
            json!({"phone": "0744123456", "email": null, "vin": "WVWZZZ1JZXW000007", "slot": "2026-11-25T09:30"}),
        ))
        .await;
    assert_eq!(
        (free.status, free.error_code()),
        (403, "contact_banned".to_owned())
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn per_address_limit_on_orders_and_complaints_counts_the_address_the_proxy_reports() {
    let office = r#"{"rate_limits":{"per_address":2,"client_address_header":"x-forwarded-for"}}"#;
    let app = TestApp::spawn_with_office(office);
    // The trusted proxy writes the address it saw (`request_from`), over whatever the
    // client put in the header.
    let post = |path: &'static str, body: serde_json::Value, from: usize, spoofed: String| {
        let app = &app;
        async move {
            let req = http::Request::post(path)
                .header("content-type", "application/json")
                .header("x-forwarded-for", spoofed)
                .body(body.to_string().into_bytes())
                .unwrap();
            app.request_from(req, client(from)).await
        }
    };
    let order = |n: usize| {
        json!({"document": "vehicle_history", "name": "Ion Popescu", "email": format!("ion{n}@example.ro"),
               "vin": "WVWZZZ1JZXW000001", "consent": true})
    };
    for n in 1..=2 {
        let placed = post("/api/orders", order(n), 1, format!("198.51.100.{n}")).await;
        assert_eq!(placed.status, 201, "{}", placed.text());
    }
    let limited = post("/api/orders", order(3), 1, "198.51.100.3".to_owned()).await;
    assert_eq!(
        (limited.status, limited.error_code()),
        (429, "rate_limited".to_owned())
    );
    let other = post("/api/orders", order(4), 2, "198.51.100.3".to_owned()).await;
    assert_eq!(other.status, 201, "{}", other.text());
    let complaint = json!({"kind": "technical", "description": "Pagina nu se încarcă.",
                           "email": "ion@example.ro", "severity": "high", "channel": "email"});
    for expected in [201, 201, 429] {
        let reply = post(
            "/api/complaints",
            complaint.clone(),
            3,
            "198.51.100.9".to_owned(),
        )
        .await;
        assert_eq!(reply.status, expected, "{}", reply.text());
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM orders"), 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM complaints"), 2);
}

/// Safe by default: at an address the internet reaches, an office without its secrets
/// refuses every public write with a 503 naming the missing setting, and stores
/// nothing; on this machine, or once set (or the check explicitly turned off), it books.
#[tokio::test(flavor = "multi_thread")]
async fn public_writes_at_a_public_address_need_the_office_s_secrets() {
    let order = json!({"document": "vehicle_history", "name": "Ion Popescu",
                       "email": "ion@example.ro", "vin": "WVWZZZ1JZXW000001", "consent": true});
    let complaint = json!({"kind": "technical", "description": "Pagina nu se încarcă.",
                           "email": "ion@example.ro", "severity": "high", "channel": "email"});
    let writes = [
        ("/api/bookings", registration()),
        ("/api/complaints", complaint),
        ("/api/orders", order),
    ];
    let public = ("public_base_url", "https://programari.test");
    for (secrets, missing) in [
        (
            [("contact_key", ""), ("challenge_secret", "")],
            "contact_key",
        ),
        (
            [("contact_key", "k"), ("challenge_secret", "")],
            "challenge_secret",
        ),
        (
            [("contact_key", ""), ("challenge_secret", "s")],
            "contact_key",
        ),
    ] {
        let app = TestApp::spawn_configured(&[public, secrets[0], secrets[1]]);
        for (path, body) in &writes {
            let refused = app.post_json(path, body).await;
            assert_eq!(
                (refused.status, refused.error_code(), refused.error_field()),
                (503, "config_invalid".to_owned(), Some(missing.to_owned())),
                "{path} with {secrets:?}: {}",
                refused.text()
            );
        }
        let form = app
            .post_raw(
                "/api/bookings",
                "application/x-www-form-urlencoded",
                b"service=registration&slot=2026-11-25T09%3A10&name=Ion+Popescu&phone=0722123456&vin=WVWZZZ1JZXW000001&consent=on".to_vec(),
                None,
            )
            .await;
        assert_eq!(form.status, 503, "the HTML form too");
        assert!(form.text().contains("<html"));
        for table in ["bookings", "complaints", "orders", "outbox"] {
            assert_eq!(app.count(&format!("SELECT COUNT(*) FROM {table}")), 0);
        }
    }
    let local = TestApp::spawn_configured(&[("contact_key", ""), ("challenge_secret", "")]);
    let booked = local.post_json("/api/bookings", &registration()).await;
    assert_eq!(booked.status, 201, "a local run: {}", booked.text());
    let opted_out = TestApp::spawn_configured(&[
        public,
        ("contact_key", "k"),
        ("challenge_secret", ""),
        ("office", r#"{"proof_of_work":{"difficulty":0}}"#),
    ]);
    let booked = opted_out.post_json("/api/bookings", &registration()).await;
    assert_eq!(
        booked.status,
        201,
        "the check turned off on purpose: {}",
        booked.text()
    );
}
