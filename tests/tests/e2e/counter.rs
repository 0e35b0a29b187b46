//! At the counter: check-in (R05), no-show (R12) and fictitious-data (R13) marks,
//! all authenticated and audited (R19).

use crate::support::*;
use chrono::{Duration, TimeZone, Utc};
use http::Method;
use serde_json::json;

fn app() -> TestApp {
    TestApp::spawn_configured(&[("staff_tokens", staff_tokens().as_str())])
}

/// Wednesday 25 November 2026, 08:30 in Bucharest: 40 minutes before the 09:10 slot.
fn appointment_morning() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 6, 30, 0).unwrap()
}

async fn check_in(app: &TestApp, number: &str, phone: &str, proof: &str) -> Reply {
    app.staff(
        Method::POST,
        "/api/staff/check-in",
        Some(STAFF_TOKEN),
        Some(json!({"number": number, "phone": phone, "proof": proof})),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn r05_check_in_needs_number_phone_and_vin_to_match() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    let too_early = check_in(&app, &number, "0722123456", "WVWZZZ1JZXW000001").await;
    assert_eq!(
        too_early.error_code(),
        "outside_check_in_window",
        "the day before"
    );

    app.set_time(appointment_morning());
    let cases = [
        (
            "ABCDE-FGHJK-MNPQR-STVWX",
            "0722123456",
            "WVWZZZ1JZXW000001",
            "number_unknown",
        ),
        (
            number.as_str(),
            "0733123456",
            "WVWZZZ1JZXW000001",
            "phone_mismatch",
        ),
        (
            number.as_str(),
            "0722123456",
            "WVWZZZ1JZXW000002",
            "proof_mismatch",
        ),
    ];
    for (n, phone, proof, code) in cases {
        let reply = check_in(&app, n, phone, proof).await;
        assert_eq!((reply.status, reply.error_code()), (422, code.to_owned()));
    }
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "active",
        "mismatches change nothing"
    );

    // The phone as the clerk types it, the VIN in lower case: still a match.
    let ok = check_in(&app, &number, "+40 722 123 456", "wvwzzz1jzxw000001").await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "attended"
    );
    assert_eq!(
        check_in(&app, &number, "0722123456", "WVWZZZ1JZXW000001")
            .await
            .error_code(),
        "not_active"
    );

    let audit = app
        .staff(Method::GET, "/api/staff/audit", Some(STAFF_TOKEN), None)
        .await
        .json();
    let actions: Vec<&str> = audit["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions.iter().filter(|a| **a == "check_in").count(), 1);
    assert_eq!(
        actions.iter().filter(|a| **a == "check_in_refused").count(),
        5
    );
    assert!(
        audit["audit"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["staff"] == "ana.pop")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r05_holder_matches_whatever_the_case_or_diacritics() {
    let app = app();
    let number = number_of(
        &app.book(&with(passport(), json!({"holder": "Ștefan Pop"})))
            .await,
    );
    app.set_time(appointment_morning());
    let reply = check_in(&app, &number, "0733123456", "STEFAN POP").await;
    assert_eq!(reply.status, 200, "{}", reply.text());
}

#[tokio::test(flavor = "multi_thread")]
async fn r12_no_show_bans_the_contacts_for_30_days() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    let path = format!("/api/staff/bookings/{number}/no-show");
    app.set_time(appointment_morning());
    let early = app
        .staff(Method::POST, &path, Some(STAFF_TOKEN), None)
        .await;
    assert_eq!(early.error_code(), "slot_not_over");

    let after = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap();
    app.set_time(after);
    assert_eq!(
        app.staff(Method::POST, &path, Some(STAFF_TOKEN), None)
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "no_show"
    );
    let again = app
        .book(&with(
            registration(),
            json!({"slot": "2026-11-27T09:10", "vin": "WVWZZZ1JZXW000005", "email": null}),
        ))
        .await;
    assert_eq!(
        (again.status, again.error_code()),
        (403, "contact_banned".to_owned())
    );
    let by_email = app
        .book(&with(
            registration(),
            json!({"slot": "2026-11-27T09:10", "vin": "WVWZZZ1JZXW000005", "phone": "0744123456"}),
        ))
        .await;
    assert_eq!(
        by_email.error_code(),
        "contact_banned",
        "the email is banned too"
    );

    app.set_time(after + Duration::days(30) + Duration::minutes(1));
    let later = app
        .book(&with(
            registration(),
            json!({"slot": "2026-12-28T09:10", "vin": "WVWZZZ1JZXW000005"}),
        ))
        .await;
    assert_eq!(later.status, 201, "the ban has ended: {}", later.text());
}

#[tokio::test(flavor = "multi_thread")]
async fn r13_fictitious_data_cancels_every_active_booking_of_the_contacts_and_bans_180_days() {
    let app = app();
    let first = number_of(&app.book(&registration()).await);
    let second = number_of(
        &app.book(&with(
            passport(),
            json!({"phone": "0722123456", "slot": "2026-11-26T10:00"}),
        ))
        .await,
    );
    let unrelated = number_of(
        &app.book(&with(
            passport(),
            json!({"name": "Dan Radu", "phone": "0744123456", "slot": "2026-11-26T10:00"}),
        ))
        .await,
    );
    let reply = app
        .staff(
            Method::POST,
            &format!("/api/staff/bookings/{first}/fictitious"),
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["cancelled"], 2);
    for n in [&first, &second] {
        let b = app.get(&format!("/api/bookings/{n}")).await.json();
        assert_eq!(
            (
                b["booking"]["state"].as_str(),
                b["booking"]["cancel_reason"].as_str()
            ),
            (Some("cancelled"), Some("fictitious_data"))
        );
    }
    assert_eq!(
        app.get(&format!("/api/bookings/{unrelated}")).await.json()["booking"]["state"],
        "active"
    );
    let until: String = app
        .db()
        .query_row(
            "SELECT MAX(ends_at) FROM bans WHERE reason = 'fictitious'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(until, "2027-05-22T08:00:00Z", "180 days");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE action = 'cancel_fictitious'"),
        2,
        "each cancellation recorded"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_counter_calls_without_a_valid_token_are_refused_and_change_nothing() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap());
    let check_in = json!({"number": number, "phone": "0722123456", "proof": "WVWZZZ1JZXW000001"});
    let calls = [
        (
            Method::POST,
            "/api/staff/check-in".to_owned(),
            Some(check_in),
        ),
        (
            Method::POST,
            format!("/api/staff/bookings/{number}/no-show"),
            None,
        ),
        (
            Method::POST,
            format!("/api/staff/bookings/{number}/fictitious"),
            None,
        ),
        (Method::GET, "/api/staff/audit".to_owned(), None),
    ];
    for token in [None, Some("not-the-token")] {
        for (method, path, body) in &calls {
            let reply = app.staff(method.clone(), path, token, body.clone()).await;
            assert_eq!(reply.status, 401, "{method} {path}");
        }
    }
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "active"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans") + app.count("SELECT COUNT(*) FROM audit"),
        0
    );
    // And no staff call creates or moves a booking (R19).
    let create = app
        .staff(
            Method::POST,
            "/api/staff/bookings",
            Some(STAFF_TOKEN),
            Some(registration()),
        )
        .await;
    assert_eq!(create.status, 404);
}

async fn walk_in(app: &TestApp, service: &str, slot: &str, token: Option<&str>) -> Reply {
    app.staff(
        Method::POST,
        "/api/staff/walk-in",
        token,
        Some(json!({"service": service, "slot": slot})),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_walk_in_tickets_never_exceed_the_walk_in_half() {
    let app = app();
    app.set_time(appointment_morning());
    // Registration: 3 counters → 2 walk-in seats, 1 online.
    let first = walk_in(&app, "registration", "09:10", Some(STAFF_TOKEN)).await;
    assert_eq!(first.status, 201, "{}", first.text());
    assert_eq!(first.json()["ticket"]["time"], "09:10");
    assert!(
        first.json()["ticket"]["ticket"]
            .as_str()
            .unwrap()
            .starts_with("R-")
    );
    assert_eq!(
        walk_in(&app, "registration", "09:10", Some(STAFF_TOKEN))
            .await
            .status,
        201
    );
    let third = walk_in(&app, "registration", "09:10", Some(STAFF_TOKEN)).await;
    assert_eq!(
        (third.status, third.error_code()),
        (409, "walk_in_full".to_owned())
    );
    // The online half is untouched by the tickets.
    let online = app
        .book(&with(registration(), json!({"slot": "2026-11-25T09:10"})))
        .await;
    assert_eq!(online.status, 201, "{}", online.text());
    assert_eq!(app.count("SELECT COUNT(*) FROM walk_in_tickets"), 2);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE action = 'walk_in_ticket'"),
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_walk_in_tickets_only_for_todays_slots_and_only_for_staff() {
    let app = app();
    app.set_time(appointment_morning());
    assert_eq!(
        walk_in(&app, "registration", "08:10", Some(STAFF_TOKEN))
            .await
            .error_code(),
        "invalid_slot"
    );
    assert_eq!(
        walk_in(&app, "registration", "25:00", Some(STAFF_TOKEN))
            .await
            .error_code(),
        "invalid_slot"
    );
    assert_eq!(
        walk_in(&app, "visa", "09:10", Some(STAFF_TOKEN))
            .await
            .error_code(),
        "unknown_service"
    );
    assert_eq!(
        walk_in(&app, "registration", "09:10", None).await.status,
        401
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM walk_in_tickets"), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r12_the_office_can_let_the_cron_mark_yesterdays_no_shows() {
    let office = r#"{"auto_no_show": true}"#;
    let tokens = staff_tokens();
    let app = TestApp::spawn_configured(&[("staff_tokens", tokens.as_str()), ("office", office)]);
    let absent = number_of(&app.book(&registration()).await);
    let present = number_of(&app.book(&passport()).await);
    app.set_time(appointment_morning());
    assert_eq!(
        check_in(&app, &present, "0733123456", "Maria Ionescu")
            .await
            .status,
        200
    );
    // Later the same day the clerk may still mark it: the sweep waits for the next day.
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap());
    app.host().fire_cron("remind").await.unwrap().unwrap();
    assert_eq!(
        app.get(&format!("/api/bookings/{absent}")).await.json()["booking"]["state"],
        "active"
    );

    app.set_time(Utc.with_ymd_and_hms(2026, 11, 26, 6, 0, 0).unwrap());
    for _ in 0..3 {
        app.host().fire_cron("remind").await.unwrap().unwrap();
    }
    assert_eq!(
        app.get(&format!("/api/bookings/{absent}")).await.json()["booking"]["state"],
        "no_show"
    );
    assert_eq!(
        app.get(&format!("/api/bookings/{present}")).await.json()["booking"]["state"],
        "attended"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans WHERE reason = 'no_show'"),
        2,
        "phone and email, once"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE action = 'no_show' AND staff = 'system' AND state_after = 'no_show'"),
        1
    );
    let banned = app
        .book(&with(
            registration(),
            json!({"slot": "2026-12-02T09:10", "vin": "WVWZZZ1JZXW000005"}),
        ))
        .await;
    assert_eq!(banned.error_code(), "contact_banned");
}

#[tokio::test(flavor = "multi_thread")]
async fn r12_without_the_office_setting_the_cron_marks_no_one() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 26, 6, 0, 0).unwrap());
    app.host().fire_cron("remind").await.unwrap().unwrap();
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "active"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM bans"), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_the_day_view_shows_seats_taken_who_is_expected_and_tickets_issued() {
    let app = app();
    let first = number_of(&app.book(&passport()).await);
    number_of(
        &app.book(&with(
            passport(),
            json!({"name": "Dan Radu", "phone": "0744123456"}),
        ))
        .await,
    );
    app.set_time(appointment_morning());
    assert_eq!(
        check_in(&app, &first, "0733123456", "Maria Ionescu")
            .await
            .status,
        200
    );
    assert_eq!(
        walk_in(&app, "passport", "09:15", Some(STAFF_TOKEN))
            .await
            .status,
        201
    );

    for token in [None, Some("wrong")] {
        assert_eq!(
            app.staff(Method::GET, "/api/staff/day", token, None)
                .await
                .status,
            401
        );
    }
    let day = app
        .staff(Method::GET, "/api/staff/day", Some(STAFF_TOKEN), None)
        .await
        .json()["day"]
        .clone();
    assert_eq!(day["date"], "2026-11-25", "today by default");
    let passports = day["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service"] == "passport")
        .unwrap()
        .clone();
    let slot = passports["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["time"] == "09:15")
        .unwrap()
        .clone();
    assert_eq!(
        (
            &slot["online_taken"],
            &slot["online_seats"],
            &slot["walk_in_issued"],
            &slot["walk_in_seats"]
        ),
        (&json!(2), &json!(2), &json!(1), &json!(2))
    );
    let people: Vec<(&str, &str)> = slot["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["name"].as_str().unwrap(), b["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        people,
        vec![("M. I.", "attended"), ("D. R.", "active")],
        "names masked"
    );
    assert!(
        !app.staff(Method::GET, "/api/staff/day", Some(STAFF_TOKEN), None)
            .await
            .text()
            .contains("0733123456"),
        "no phone numbers in the day view"
    );
    let other = app
        .staff(
            Method::GET,
            "/api/staff/day?date=2026-11-28",
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    assert!(
        other["day"]["services"][0]["slots"]
            .as_array()
            .unwrap()
            .is_empty(),
        "Saturday"
    );
    let bad = app
        .staff(
            Method::GET,
            "/api/staff/day?date=tomorrow",
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    assert_eq!(
        (bad.status, bad.error_field()),
        (422, Some("date".to_owned()))
    );

    // The old static counter page now lives in the back office, behind its login.
    let moved = app.get("/counter").await;
    assert_eq!(moved.status, 308);
    assert_eq!(moved.headers["location"], "/staff/counter");
    assert_eq!(app.get("/counter.js").await.status, 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_every_new_staff_call_needs_a_valid_token_and_changes_nothing_without() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    let calls = [
        (
            Method::POST,
            format!("/api/staff/bookings/{number}/exemption"),
        ),
        (Method::POST, "/api/staff/exemptions/1/revoke".to_owned()),
        (Method::GET, "/api/staff/exemptions".to_owned()),
        (Method::POST, "/api/staff/closures".to_owned()),
        (Method::GET, "/api/staff/relocations".to_owned()),
        (Method::GET, "/api/staff/day".to_owned()),
    ];
    let body = json!({"reason": "x", "service": "registration", "date": "2026-11-25", "from": "08:00", "to": "17:00"});
    for token in [None, Some("not-the-token")] {
        for (method, path) in &calls {
            let reply = app
                .staff(method.clone(), path, token, Some(body.clone()))
                .await;
            assert_eq!(reply.status, 401, "{method} {path}");
        }
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM exemptions")
            + app.count("SELECT COUNT(*) FROM closed_windows")
            + app.count("SELECT COUNT(*) FROM audit"),
        0
    );
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["time"],
        "09:10"
    );
}
