use crate::support::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn r02_r03_booking_happy_path_then_status_check() {
    let app = TestApp::spawn();
    let reply = app.book(&registration()).await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    let body = reply.json();
    let number = body["reservation_number"].as_str().unwrap().to_owned();
    assert_eq!(number.len(), 23);
    assert_eq!(body["booking"]["state"], "active");
    assert_eq!(body["booking"]["time"], "09:10");
    assert_eq!(body["booking"]["phone"], "+40722123456");

    let status = app.get(&format!("/api/bookings/{number}")).await;
    assert_eq!(status.status, 200);
    let view = &status.json()["booking"];
    assert_eq!(
        (
            view["service"].as_str(),
            view["date"].as_str(),
            view["time"].as_str()
        ),
        (Some("registration"), Some("2026-11-25"), Some("09:10"))
    );
    assert_eq!(view["name"], "I. P.");
    // R03: nothing personal beyond the masked name.
    let text = status.text();
    for personal in [
        "Popescu",
        "722123456",
        "ion@example.ro",
        "WVWZZZ1JZXW000001",
    ] {
        assert!(!text.contains(personal), "status leaks {personal}: {text}");
    }
    // The number is stored only as a hash.
    let stored: String = app
        .db()
        .query_row("SELECT number_hash FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert_ne!(
        stored.to_uppercase().replace('-', ""),
        number.replace('-', "")
    );
    assert!(!stored.contains(&number[..5]));

    // Typed the way people type it.
    let lower = app
        .get(&format!(
            "/api/bookings/{}",
            number.to_lowercase().replace('-', "")
        ))
        .await;
    assert_eq!(lower.status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn r03_unknown_and_malformed_numbers_answer_the_same_404() {
    let app = TestApp::spawn();
    let unknown = app.get("/api/bookings/ABCDE-FGHJK-MNPQR-STVWX").await;
    let malformed = app.get("/api/bookings/%3Cscript%3E").await;
    assert_eq!((unknown.status, malformed.status), (404, 404));
    assert_eq!(unknown.body, malformed.body);
    assert_eq!(unknown.error_code(), "not_found");
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_odd_capacity_gives_the_extra_seat_to_walk_in() {
    // Registration: 3 counters → 1 online seat.
    let app = TestApp::spawn();
    assert_eq!(app.book(&registration()).await.status, 201);
    let second = app
        .book(&with(
            registration(),
            json!({"vin": "WVWZZZ1JZXW000002", "phone": "0744123456"}),
        ))
        .await;
    assert_eq!(second.status, 409);
    assert_eq!(second.error_code(), "slot_full");
    let slot = app.slot("registration", "2026-11-25", "09:10").await;
    assert_eq!(
        (
            slot["online_seats"].as_u64(),
            slot["online_left"].as_u64(),
            slot["bookable"].as_bool()
        ),
        (Some(1), Some(0), Some(false))
    );
    assert_eq!(app.bookings(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_even_capacity_splits_in_half() {
    // 6 counters → 3 online seats, 3 walk-in.
    let app = TestApp::spawn_with_office(r#"{"services":{"passport":{"counters":6}}}"#);
    for n in 0..3 {
        let (name, phone) = booker(n);
        let reply = app
            .book(&with(passport(), json!({"name": name, "phone": phone})))
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text());
    }
    let (name, phone) = booker(3);
    let fourth = app
        .book(&with(passport(), json!({"name": name, "phone": phone})))
        .await;
    assert_eq!(fourth.error_code(), "slot_full");
    assert_eq!(app.bookings(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn r06_second_booking_with_same_vin_by_the_same_booker_cancels_both_without_notice() {
    let app = TestApp::spawn();
    let first = app.book(&registration()).await.json();
    // Another service, another name, another slot, but the same phone: the same booker.
    let second = app
        .book(&with(registration(), json!({"service": "provisional", "slot": "2026-11-26T10:10", "name": "Dan Radu", "email": null})))
        .await;
    assert_eq!(second.status, 201, "{}", second.text());
    let second = second.json();
    assert_eq!(second["booking"]["state"], "cancelled");
    assert_eq!(second["booking"]["cancel_reason"], "duplicate_vin");
    for b in [&first, &second] {
        let status = app
            .get(&format!(
                "/api/bookings/{}",
                b["reservation_number"].as_str().unwrap()
            ))
            .await
            .json();
        assert_eq!(
            (
                status["booking"]["state"].as_str(),
                status["booking"]["cancel_reason"].as_str()
            ),
            (Some("cancelled"), Some("duplicate_vin"))
        );
    }
    // Both seats are free again.
    let slot = app.slot("registration", "2026-11-25", "09:10").await;
    assert_eq!(slot["online_left"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn r06_r07_a_stranger_repeating_a_vin_or_a_namesake_cancels_nothing_and_learns_nothing() {
    let app = TestApp::spawn();
    let first = app.book(&registration()).await.json();
    // Someone who read the VIN through the windscreen, from another phone.
    let stranger = app
        .book(&with(registration(), json!({"service": "provisional", "slot": "2026-11-26T10:10", "name": "Dan Radu", "phone": "0744123456", "email": null})))
        .await;
    assert_eq!(stranger.status, 201, "{}", stranger.text());
    let stranger = stranger.json();
    assert_eq!(stranger["booking"]["state"], "active");
    assert_eq!(stranger["booking"]["cancel_reason"], Value::Null);
    // The answer has the shape of any fresh booking's: nothing tells of the other one.
    let fresh = app
        .book(&with(
            registration(),
            json!({"vin": "WVWZZZ1JZXW000009", "slot": "2026-11-26T10:30", "phone": "0755123456"}),
        ))
        .await
        .json();
    let keys = |v: &Value| {
        v["booking"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&stranger), keys(&fresh));
    let status = app
        .get(&format!(
            "/api/bookings/{}",
            first["reservation_number"].as_str().unwrap()
        ))
        .await
        .json();
    assert_eq!(status["booking"]["state"], "active");
    // Two people called Ion Popescu, each booking a passport for themselves.
    let ion = json!({"name": "Ion Popescu", "email": null});
    let one = app.book(&with(passport(), ion.clone())).await.json();
    let other = app
        .book(&with(passport(), with(ion, json!({"phone": "0766123456"}))))
        .await
        .json();
    assert_eq!(
        (
            one["booking"]["state"].as_str(),
            other["booking"]["state"].as_str()
        ),
        (Some("active"), Some("active"))
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bookings WHERE state = 'active'"),
        5
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r07_same_holder_in_same_service_cancels_all_of_them() {
    let app = TestApp::spawn();
    let first = app
        .book(&with(
            passport(),
            json!({"holder": "ELENA ȘTEFĂNESCU", "email": "elena@example.ro"}),
        ))
        .await
        .json();
    // The same booker again, from another phone but the same email, the holder spelled
    // differently.
    let second = app.book(&with(passport(), json!({"slot": "2026-11-25T10:00", "name": "Dan Radu", "phone": "0744123456", "email": "elena@example.ro", "holder": "elena stefanescu"}))).await.json();
    assert_eq!(second["booking"]["cancel_reason"], "duplicate_holder");
    let first_status = app
        .get(&format!(
            "/api/bookings/{}",
            first["reservation_number"].as_str().unwrap()
        ))
        .await
        .json();
    assert_eq!(first_status["booking"]["state"], "cancelled");
    // The same holder for a permit is a different service: not a duplicate.
    let permit = app
        .book(&with(
            passport(),
            json!({"service": "permit", "holder": "Elena Ștefănescu"}),
        ))
        .await
        .json();
    assert_eq!(permit["booking"]["state"], "active");
}

#[tokio::test(flavor = "multi_thread")]
async fn r06_retried_submission_returns_the_original_booking() {
    let app = TestApp::spawn();
    let body = registration().to_string().into_bytes();
    let first = app
        .post_raw(
            "/api/bookings",
            "application/json",
            body.clone(),
            Some("click-1"),
        )
        .await;
    assert_eq!(first.status, 201);
    // The network lost the reply; the client retries with the same key.
    let retry = app
        .post_raw(
            "/api/bookings",
            "application/json",
            body.clone(),
            Some("click-1"),
        )
        .await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.headers["idempotent-replayed"], "true");
    assert_eq!(
        retry.json()["reservation_number"],
        first.json()["reservation_number"]
    );
    assert_eq!(retry.json()["booking"]["state"], "active");
    // A double click without a key: identical content within 10 minutes.
    let double = app
        .post_raw("/api/bookings", "application/json", body.clone(), None)
        .await;
    assert_eq!(double.status, 200);
    assert_eq!(double.json()["booking"]["state"], "active");
    assert_eq!(app.bookings(), 1);

    // The same key for different content is refused and writes nothing.
    let other = with(
        registration(),
        json!({"vin": "WVWZZZ1JZXW000009", "slot": "2026-11-25T09:30"}),
    );
    let reused = app
        .post_raw(
            "/api/bookings",
            "application/json",
            other.to_string().into_bytes(),
            Some("click-1"),
        )
        .await;
    assert_eq!(reused.error_code(), "idempotency_key_reused");
    assert_eq!(app.bookings(), 1);
}

/// Issue 26: an `Idempotency-Key` is 1 to 200 visible ASCII characters, as the document
/// says; another (not ASCII, not even UTF-8, a tab inside, too long) is refused by its
/// field and books nothing.
#[tokio::test(flavor = "multi_thread")]
async fn an_idempotency_key_other_than_visible_ascii_is_refused_by_its_field() {
    let app = TestApp::spawn();
    let body = registration().to_string().into_bytes();
    for key in ["cheie-ț".as_bytes(), b"\xd7\xf8", b"a\tb", &[b'k'; 201]] {
        let req = http::Request::post("/api/bookings")
            .header("content-type", "application/json")
            .header(
                "idempotency-key",
                http::HeaderValue::from_bytes(key).unwrap(),
            )
            .body(body.clone())
            .unwrap();
        let reply = app.request(req).await;
        assert_eq!(
            (reply.status, reply.error_code(), reply.error_field()),
            (
                422,
                "invalid_idempotency_key".to_owned(),
                Some("Idempotency-Key".to_owned())
            ),
            "{key:?}: {}",
            reply.text()
        );
    }
    assert_eq!(app.bookings(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r07_identical_content_after_the_retry_window_is_a_duplicate() {
    // Passports: two online seats, so the same content fits the slot twice.
    let app = TestApp::spawn();
    assert_eq!(app.book(&passport()).await.status, 201);
    app.set_time(monday_morning() + chrono::Duration::minutes(11));
    let later = app.book(&passport()).await;
    assert_eq!(later.status, 201, "{}", later.text());
    assert_eq!(later.json()["booking"]["cancel_reason"], "duplicate_holder");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bookings WHERE state = 'cancelled'"),
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r08_all_caps_name_is_stored_capitalised_with_comma_below_diacritics() {
    let app = TestApp::spawn();
    let reply = app
        .book(&with(
            passport(),
            json!({"name": "ŞTEFAN-ANDREI ŢĂRANU", "holder": "ION ÎNCEU"}),
        ))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    let booking = &reply.json()["booking"];
    assert_eq!(booking["name"], "Ștefan-Andrei Țăranu");
    assert_eq!(booking["holder"], "Ion Înceu");
    let stored: String = app
        .db()
        .query_row("SELECT name FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "Ștefan-Andrei Țăranu");
}

#[tokio::test(flavor = "multi_thread")]
async fn r12_r13_banned_phone_or_email_is_refused_with_the_ban_end() {
    let app = TestApp::spawn();
    // Make the schema exist, then record the bans (the counter's marks are in counter.rs).
    app.get("/api/availability?service=passport&date=2026-11-25")
        .await;
    app.db()
        .execute_batch(
            "INSERT INTO bans (contact, reason, starts_at, ends_at) VALUES
               ('phone:+40722123456', 'no_show', '2026-11-20T08:00:00Z', '2026-12-20T08:00:00Z'),
               ('email:banned@example.ro', 'fictitious', '2026-11-01T08:00:00Z', '2027-04-30T08:00:00Z'),
               ('phone:+40755123456', 'no_show', '2026-10-01T08:00:00Z', '2026-10-31T08:00:00Z');",
        )
        .unwrap();
    // An earlier version kept the contacts in plain: the retention cron hashes them.
    app.tick("retention").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans WHERE contact LIKE '%:%'"),
        0
    );
    let by_phone = app.book(&registration()).await;
    assert_eq!(
        (by_phone.status, by_phone.error_code()),
        (403, "contact_banned".to_owned())
    );
    // Told in Romanian (no language asked for), the ban's end as a date in words.
    assert!(
        by_phone.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("20 decembrie 2026")
    );
    let by_email = app
        .book(&with(
            registration(),
            json!({"phone": "0744123456", "email": "Banned@Example.ro"}),
        ))
        .await;
    assert_eq!(by_email.error_code(), "contact_banned");
    assert_eq!(app.bookings(), 0);
    // An expired ban no longer applies.
    let expired = app
        .book(&with(registration(), json!({"phone": "0755123456"})))
        .await;
    assert_eq!(expired.status, 201, "{}", expired.text());
}
