//! Retention (GDPR): the retention cron erases personal data past its time in
//! batches, bans hold only a keyed hash, and a supervisor answers a citizen's access
//! request with an audited export.

use crate::support::*;
use chrono::{Duration, TimeZone, Utc};
use http::Method;
use serde_json::json;

const CONTACT_KEY: &str = "office-contact-key-2026";

fn app_with(office: &str) -> TestApp {
    let tokens = format!(
        r#"{{"ana.pop": {{"hash": "{}", "role": "supervisor"}}, "kiosk": {{"hash": "{}", "role": "counter"}}}}"#,
        hashed(STAFF_TOKEN),
        hashed("kiosk-token-0000")
    );
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("contact_key", CONTACT_KEY),
        ("office", office),
        ("email_api_url", "https://sink.test/email"),
        ("email_api_origin", "https://sink.test"),
        ("sms_api_url", "https://sink.test/sms"),
        ("sms_api_origin", "https://sink.test"),
    ])
}

fn app() -> TestApp {
    app_with("")
}

/// The registration's slot, Wednesday 25 November 09:10–09:30 in Bucharest, ends at
/// 07:30 UTC; R03's ten days after it end here.
fn status_window_end() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 7, 30, 0).unwrap()
}

/// Everything personal a booking row and its messages can hold, concatenated.
const PERSONAL: &str = "SELECT COUNT(*) FROM bookings
    WHERE name || phone || IFNULL(email, '') || IFNULL(vin, '') || IFNULL(holder, '')
          || identity_key != ''";

#[tokio::test(flavor = "multi_thread")]
async fn retention_a_booking_is_erased_after_the_status_window_and_its_status_still_answers() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    app.deliver().await;
    assert!(app.count("SELECT COUNT(*) FROM outbox WHERE state = 'sent'") >= 1);

    app.set_time(status_window_end() - Duration::minutes(1));
    app.tick("retention").await;
    assert_eq!(app.count(PERSONAL), 1, "still inside R03's window");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE recipient != ''"),
        0,
        "the confirmation's recipient goes 7 days after it was sent"
    );

    app.set_time(status_window_end());
    app.tick("retention").await;
    assert_eq!(app.count(PERSONAL), 0);
    let status = app.get(&format!("/api/bookings/{number}")).await;
    assert_eq!(status.status, 200, "{}", status.text());
    let booking = &status.json()["booking"];
    assert_eq!(
        (booking["service"].as_str(), booking["state"].as_str()),
        (Some("registration"), Some("active")),
        "{booking}"
    );
    assert!(!status.text().contains("Popescu"));
    // A repeated run erases nothing more and audits nothing more.
    let audited = app.count("SELECT COUNT(*) FROM audit WHERE action = 'retention_erased'");
    assert_eq!(audited, 2, "one entry per run that erased something");
    app.tick("retention").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE action = 'retention_erased'"),
        audited
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE detail || subject LIKE '%722123456%'"),
        0
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn retention_concurrent_runs_on_several_replicas_erase_each_row_once() {
    let app = app_with(r#"{"retention": {"batch_size": 3}}"#);
    let days = ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"];
    for (i, date) in days.iter().enumerate() {
        for (j, time) in ["09:10", "09:30", "09:50"].iter().enumerate() {
            let reply = app
                .book(&with(
                    registration(),
                    json!({
                        "slot": format!("{date}T{time}"),
                        "vin": format!("WVWZZZ1JZXW00{i}{j}01"),
                        "phone": format!("07221234{i}{j}"),
                    }),
                ))
                .await;
            assert_eq!(reply.status, 201, "{}", reply.text());
        }
    }
    app.set_time(Utc.with_ymd_and_hms(2026, 12, 20, 0, 0, 0).unwrap());
    let app = std::sync::Arc::new(app);
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { app.tick("retention").await })
        })
        .collect();
    for run in runs {
        run.await.unwrap();
    }
    assert_eq!(app.count(PERSONAL), 0);
    let erased: i64 = app
        .db()
        .query_row(
            "SELECT SUM(CAST(substr(detail, instr(detail, 'bookings ') + 9) AS INTEGER))
             FROM audit WHERE action = 'retention_erased'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        erased, 12,
        "the runs' audited counts add up to the bookings, once each"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r12_a_ban_holds_a_keyed_hash_never_the_contact_and_ends_empty() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    let after = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap();
    app.set_time(after);
    let path = format!("/api/staff/bookings/{number}/no-show");
    let marked = app
        .staff(Method::POST, &path, Some(STAFF_TOKEN), None)
        .await;
    assert_eq!(marked.status, 200, "{}", marked.text());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans WHERE length(contact) = 64"),
        2
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans WHERE contact LIKE '%722%' OR contact LIKE '%@%'"),
        0
    );
    let again = app
        .book(&with(
            registration(),
            json!({"slot": "2026-11-27T09:10", "vin": "WVWZZZ1JZXW000005"}),
        ))
        .await;
    assert_eq!(again.error_code(), "contact_banned");

    app.set_time(after + Duration::days(31));
    app.tick("retention").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans WHERE contact != ''"),
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bans WHERE reason = 'no_show'"),
        2,
        "the ban stays counted"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn retention_an_access_request_is_exported_for_a_supervisor_and_audited_without_the_contact()
{
    let app = app();
    app.book(&registration()).await;
    app.book(&with(
        registration(),
        json!({"slot": "2026-11-26T09:10", "vin": "WVWZZZ1JZXW000005", "phone": "0744123456", "email": null}),
    ))
    .await;
    let asked = json!({"phone": "+40 722 123 456"});
    let refused = app
        .staff(
            Method::POST,
            "/api/staff/access-requests",
            Some("kiosk-token-0000"),
            Some(asked.clone()),
        )
        .await;
    assert_eq!(refused.status, 403, "a counter clerk may not export");

    let invalid = app
        .staff(
            Method::POST,
            "/api/staff/access-requests",
            Some(STAFF_TOKEN),
            Some(json!({"phone": "12"})),
        )
        .await;
    assert_eq!(
        (invalid.status, invalid.error_code()),
        (422, "invalid_phone".to_owned())
    );
    assert_eq!(invalid.json()["error"]["field"], "phone");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE action = 'access_request'"),
        0,
        "a refused request changes nothing"
    );

    let export = app
        .staff(
            Method::POST,
            "/api/staff/access-requests",
            Some(STAFF_TOKEN),
            Some(asked),
        )
        .await;
    assert_eq!(export.status, 200, "{}", export.text());
    let body = export.json();
    let bookings = body["bookings"].as_array().unwrap();
    assert_eq!(bookings.len(), 1, "only this phone's booking: {body}");
    assert_eq!(bookings[0]["vin"], "WVWZZZ1JZXW000001");
    assert_eq!(bookings[0]["email"], registration()["email"]);
    assert_eq!(body["retention"]["booking_days"], 10);
    let trail = app.db().query_row(
        "SELECT staff || ' ' || subject || ' ' || detail FROM audit WHERE action = 'access_request'",
        [],
        |r| r.get::<_, String>(0),
    );
    let trail = trail.unwrap();
    assert!(trail.starts_with("ana.pop contact:"), "{trail}");
    assert!(trail.contains("bookings 1"), "{trail}");
    assert!(!trail.contains("722"), "{trail}");
}
