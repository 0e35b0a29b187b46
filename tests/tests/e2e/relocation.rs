//! R18: the office closes a time window; each booking in it moves to the nearest
//! free slot, its booker confirms or declines through a link, and staff see who
//! has not answered. Never overbooked, each booker notified once.

use crate::support::*;
use chrono::TimeZone;
use http::Method;
use serde_json::{Value, json};
use std::sync::Arc;

const MAIL: &str = "https://mail.test";
const SMS: &str = "https://sms.test";

fn app_with(office: &str) -> TestApp {
    let tokens = staff_tokens();
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("office", office),
        ("email_api_url", "https://mail.test/send"),
        ("email_api_origin", MAIL),
        ("sms_api_url", "https://sms.test/send"),
        ("sms_api_origin", SMS),
        ("public_base_url", "https://programari.test"),
    ])
}

async fn close(app: &TestApp, service: &str, date: &str, from: &str, to: &str) -> Reply {
    app.staff(
        Method::POST,
        "/api/staff/closures",
        Some(STAFF_TOKEN),
        Some(json!({"service": service, "date": date, "from": from, "to": to, "reason": "Ghișeul 2 defect"})),
    )
    .await
}

/// The relocation link paths in the emails sent so far, in order.
fn relocation_paths(app: &TestApp) -> Vec<String> {
    app.link_paths("/relocation/")
}

fn sent_of_kind(app: &TestApp, origin: &str, subject_start: &str) -> usize {
    app.host()
        .outbound()
        .iter()
        .filter(|r| r.url.starts_with(origin))
        .filter(|r| {
            r.json()["subject"]
                .as_str()
                .or(r.json()["text"].as_str())
                .is_some_and(|s| s.starts_with(subject_start))
        })
        .count()
}

/// The booker's answer through the relocation link, as the page's form sends it.
async fn answer(app: &TestApp, path: &str, action: &str) -> Reply {
    app.post_raw(
        path,
        "application/x-www-form-urlencoded",
        format!("action={action}").into_bytes(),
        None,
    )
    .await
}

async fn status(app: &TestApp, number: &str) -> Value {
    app.get(&format!("/api/bookings/{number}")).await.json()["booking"].clone()
}

async fn unconfirmed(app: &TestApp) -> Vec<Value> {
    app.staff(
        Method::GET,
        "/api/staff/relocations",
        Some(STAFF_TOKEN),
        None,
    )
    .await
    .json()["unconfirmed"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn r18_closing_a_window_moves_to_the_nearest_free_slot_notifies_once_and_confirm_keeps_it() {
    let app = app_with("");
    // Registration: one online seat per 20-minute slot. 09:10 moves; 09:30 is taken.
    let moved = number_of(&app.book(&registration()).await);
    let neighbour = with(
        registration(),
        json!({"slot": "2026-11-25T09:30", "vin": "WVWZZZ1JZXW000002", "phone": "0744123456", "email": null}),
    );
    number_of(&app.book(&neighbour).await);

    let closing = close(&app, "registration", "2026-11-25", "09:00", "09:30").await;
    assert_eq!(closing.status, 201, "{}", closing.text());
    let bookings = closing.json()["closing"]["bookings"].clone();
    assert_eq!(
        bookings,
        json!([{"name": "I. P.", "from": "2026-11-25T09:10:00+02:00", "to": "2026-11-25T09:50:00+02:00"}]),
        "08:30 and 09:50 are equally near; the later one wins, 09:30 is full"
    );
    assert_eq!(status(&app, &moved).await["time"], "09:50");

    // The closed slots take no bookings and show no seat.
    for time in ["08:50", "09:10"] {
        let slot = app.slot("registration", "2026-11-25", time).await;
        assert_eq!(
            (slot["online_left"].clone(), slot["bookable"].clone()),
            (json!(0), json!(false))
        );
    }
    let refused = app
        .book(&with(
            registration(),
            json!({"vin": "WVWZZZ1JZXW000003", "phone": "0755123456"}),
        ))
        .await;
    assert_eq!(
        (refused.status, refused.error_code()),
        (409, "slot_closed".to_owned())
    );

    // Closing the same window again (a retried request) moves and notifies nobody twice.
    let again = close(&app, "registration", "2026-11-25", "09:00", "09:30").await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["closing"]["bookings"], json!([]));
    for _ in 0..3 {
        app.deliver().await;
    }
    assert_eq!(sent_of_kind(&app, MAIL, "Programare mutată"), 1);
    assert_eq!(sent_of_kind(&app, SMS, "Programarea"), 1);
    let sms = app
        .host()
        .outbound()
        .into_iter()
        .find(|r| r.url.starts_with(SMS) && r.json()["text"].as_str().unwrap().contains("mutată"))
        .unwrap();
    assert!(
        sms.json()["text"]
            .as_str()
            .unwrap()
            .contains("https://programari.test/relocation/")
    );

    let waiting = unconfirmed(&app).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0]["name"].as_str(), waiting[0]["to"].as_str()),
        (Some("I. P."), Some("2026-11-25T09:50:00+02:00"))
    );

    // GET shows both times and changes nothing; POST confirm answers.
    let path = relocation_paths(&app).pop().expect("a relocation link");
    let page = app.get_html(&path).await;
    assert_eq!(page.status, 200);
    // The original time in figures the page's language's way (Romanian: day first).
    assert!(page.text().contains("09:50") && page.text().contains("25.11.2026 09:10"));
    assert_eq!(unconfirmed(&app).await.len(), 1, "GET answered nothing");
    let confirm = answer(&app, &path, "confirm").await;
    assert_eq!(confirm.status, 200, "{}", confirm.text());
    assert!(unconfirmed(&app).await.is_empty());
    assert_eq!(status(&app, &moved).await["state"], "active");
    let twice = answer(&app, &path, "decline").await;
    assert_eq!(twice.status, 404, "the link is spent");
    assert_eq!(status(&app, &moved).await["state"], "active");

    // The audit trail has the closing and the move with its before and after times.
    let audit = app
        .staff(Method::GET, "/api/staff/audit", Some(STAFF_TOKEN), None)
        .await
        .json();
    let relocate = audit["audit"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["action"] == "relocate")
        .unwrap()
        .clone();
    assert_eq!(
        (
            relocate["before"].as_str(),
            relocate["after"].as_str(),
            relocate["staff"].as_str()
        ),
        (
            Some("2026-11-25T07:10:00Z"),
            Some("2026-11-25T07:50:00Z"),
            Some("ana.pop")
        )
    );
    assert!(
        audit["audit"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["action"] == "close_window")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r18_declining_cancels_and_frees_the_seat_and_with_no_free_slot_the_office_cancels() {
    // Three bookable days: Monday (today), Tuesday and Wednesday.
    let app = app_with(r#"{"booking_horizon_days": 3}"#);
    let number = number_of(&app.book(&registration()).await);
    close(&app, "registration", "2026-11-25", "09:10", "09:30").await;
    app.deliver().await;
    let path = relocation_paths(&app).pop().unwrap();
    let new_time = status(&app, &number).await["time"]
        .as_str()
        .unwrap()
        .to_owned();
    let slot_left =
        || async { app.slot("registration", "2026-11-25", &new_time).await["online_left"].clone() };
    assert_eq!(slot_left().await, 0);
    let decline = answer(&app, &path, "decline").await;
    assert_eq!(decline.status, 200);
    let declined = status(&app, &number).await;
    assert_eq!(
        (
            declined["state"].as_str(),
            declined["cancel_reason"].as_str()
        ),
        (Some("cancelled"), Some("relocation_declined"))
    );
    assert_eq!(slot_left().await, 1, "freed at once: the office moved it");

    // A second booking, and every remaining day closed: nowhere to move it.
    let other = number_of(
        &app.book(&with(
            registration(),
            json!({"vin": "WVWZZZ1JZXW000009", "slot": "2026-11-25T11:10"}),
        ))
        .await,
    );
    for (date, from, to) in [
        ("2026-11-23", "08:00", "17:00"),
        ("2026-11-24", "08:00", "17:00"),
        ("2026-11-25", "08:00", "11:00"),
    ] {
        assert_eq!(
            close(&app, "registration", date, from, to).await.status,
            201
        );
    }
    let last = close(&app, "registration", "2026-11-25", "11:00", "17:00").await;
    assert_eq!(last.json()["closing"]["bookings"][0]["to"], Value::Null);
    let cancelled = status(&app, &other).await;
    assert_eq!(
        (
            cancelled["state"].as_str(),
            cancelled["cancel_reason"].as_str()
        ),
        (Some("cancelled"), Some("office_closed"))
    );
    app.deliver().await;
    assert_eq!(
        sent_of_kind(&app, MAIL, "Programare anulată de instituție"),
        1
    );
    assert!(unconfirmed(&app).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn r18_relocation_under_a_rush_never_overbooks_and_notifies_each_booker_once() {
    // Passports: two online seats per 15-minute slot.
    let app = Arc::new(app_with(""));
    let mut in_window = Vec::new();
    for (n, time) in ["09:00", "09:00", "09:15", "09:15"].iter().enumerate() {
        let (name, phone) = booker(1000 + n);
        let body = with(
            passport(),
            json!({"name": name, "phone": phone, "slot": format!("2026-11-25T{time}")}),
        );
        in_window.push(number_of(&app.book_from(client(1000 + n), &body).await));
    }
    let rush: Vec<_> = (0..120)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move {
                let (name, phone) = booker(n);
                let time = ["08:45", "09:30", "08:30", "09:45"][n % 4];
                let body = with(
                    passport(),
                    json!({"name": name, "phone": phone, "slot": format!("2026-11-25T{time}")}),
                );
                app.book_from(client(n + 1), &body).await.status
            })
        })
        .collect();
    let closing = {
        let app = app.clone();
        tokio::spawn(async move { close(&app, "passport", "2026-11-25", "09:00", "09:30").await })
    };
    for task in rush {
        let status = task.await.unwrap();
        assert!(matches!(status, 201 | 409), "rush answered {status}");
    }
    let closing = closing.await.unwrap();
    assert_eq!(closing.status, 201, "{}", closing.text());

    let overbooked = app.count(
        "SELECT COUNT(*) FROM (SELECT slot_start FROM bookings WHERE service = 'passport' AND state != 'cancelled'
         GROUP BY slot_start HAVING COUNT(*) > 2)",
    );
    assert_eq!(overbooked, 0, "no slot has more than its two online seats");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bookings WHERE state = 'active' AND slot_start >= '2026-11-25T07:00:00Z' AND slot_start < '2026-11-25T07:30:00Z'"),
        0,
        "nothing left in the closed window"
    );
    for number in &in_window {
        let b = status(&app, number).await;
        assert_eq!(b["state"], "active", "every booking found a new slot");
    }
    // One SMS notice per relocated booking (these bookers gave no email).
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'relocation'"),
        4
    );
    assert_eq!(
        app.count("SELECT COUNT(DISTINCT booking_id) FROM outbox WHERE kind = 'relocation'"),
        4
    );
    app.deliver().await;
    app.deliver().await;
    assert_eq!(
        sent_of_kind(&app, SMS, "Programarea Pașapoarte a fost mutată"),
        4
    );
    assert_eq!(unconfirmed(&app).await.len(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn r18_closing_needs_a_valid_window_and_a_staff_token() {
    let app = app_with("");
    app.book(&registration()).await;
    let no_token = app
        .staff(
            Method::POST,
            "/api/staff/closures",
            None,
            Some(json!({"service": "registration", "date": "2026-11-25", "from": "09:00", "to": "10:00", "reason": "x"})),
        )
        .await;
    assert_eq!(no_token.status, 401);
    for (body, field) in [
        (
            json!({"service": "registration", "date": "25.11.2026", "from": "09:00", "to": "10:00", "reason": "x"}),
            "date",
        ),
        (
            json!({"service": "registration", "date": "2026-11-25", "from": "10:00", "to": "09:00", "reason": "x"}),
            "to",
        ),
        (
            json!({"service": "registration", "date": "2026-11-25", "from": "09:00", "to": "10:00"}),
            "reason",
        ),
    ] {
        let reply = app
            .staff(
                Method::POST,
                "/api/staff/closures",
                Some(STAFF_TOKEN),
                Some(body),
            )
            .await;
        assert_eq!(
            (reply.status, reply.error_field()),
            (422, Some(field.to_owned()))
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM closed_windows"), 0);
    let in_place = "SELECT COUNT(*) FROM bookings WHERE slot_start = '2026-11-25T07:10:00Z' AND state = 'active'";
    assert_eq!(app.count(in_place), 1);

    // Once the appointment has started, closing its window moves it nowhere.
    app.set_time(
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 25, 7, 15, 0)
            .unwrap(),
    );
    let late = close(&app, "registration", "2026-11-25", "09:00", "10:00").await;
    assert_eq!(late.status, 201);
    assert_eq!(late.json()["closing"]["bookings"], json!([]));
    assert_eq!(app.count(in_place), 1);
}
