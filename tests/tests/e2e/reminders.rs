//! R14, R15: the day-before reminder with the only cancellation link; GET shows,
//! POST cancels; the freed seat returns after the hold-back.

use crate::support::*;
use chrono::{Duration, TimeZone, Utc};
use serde_json::json;

const MAIL: &str = "https://mail.test";

fn app() -> TestApp {
    TestApp::spawn_configured(&[
        ("email_api_url", "https://mail.test/send"),
        ("email_api_origin", MAIL),
        ("sms_api_url", "https://sms.test/send"),
        ("sms_api_origin", "https://sms.test"),
        ("public_base_url", "https://programari.test"),
    ])
}

/// Tuesday 24 November 2026, 10:00 in Bucharest: the reminder time for Wednesday's bookings.
fn reminder_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap()
}

impl TestApp {
    async fn remind(&self) {
        self.host()
            .fire_cron("remind")
            .await
            .expect("cron runs")
            .expect("reminders succeed");
    }

    /// At reminder time: the reminders queued and sent, and the link path of the last one.
    async fn cancel_path_after_reminder(&self) -> String {
        self.set_time(reminder_time());
        self.remind().await;
        self.deliver().await;
        self.cancel_path()
    }

    /// The cancellation link path from the last reminder email sent.
    fn cancel_path(&self) -> String {
        self.link_paths("/cancel/")
            .pop()
            .expect("a reminder email with a cancellation link")
    }

    fn reminders_sent(&self) -> usize {
        self.host()
            .outbound()
            .iter()
            .filter(|r| {
                r.json()["subject"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Reamintire"))
                    || r.json()["text"]
                        .as_str()
                        .is_some_and(|t| t.starts_with("Reamintire"))
            })
            .count()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_reminder_goes_once_the_day_before_at_ten_even_if_the_cron_fires_thrice() {
    let app = app();
    app.book(&registration()).await;
    app.set_time(reminder_time() - Duration::minutes(1));
    app.remind().await;
    app.deliver().await;
    assert_eq!(app.reminders_sent(), 0, "not before 10:00 the day before");
    app.set_time(reminder_time());
    for _ in 0..3 {
        app.remind().await;
        app.deliver().await;
    }
    assert_eq!(app.reminders_sent(), 2, "one email and one SMS");
    assert_eq!(app.count("SELECT COUNT(*) FROM cancel_tokens"), 1);
    let stored: String = app
        .db()
        .query_row("SELECT token_hash FROM cancel_tokens", [], |r| r.get(0))
        .unwrap();
    assert!(
        !app.cancel_path().contains(&stored),
        "only the hash is stored"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_overlapping_reminder_runs_queue_one_reminder() {
    let app = std::sync::Arc::new(app());
    app.book(&registration()).await;
    app.set_time(reminder_time());
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { app.remind().await })
        })
        .collect();
    for run in runs {
        run.await.unwrap();
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'reminder'"),
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_missed_reminder_is_caught_up_but_never_for_a_past_appointment() {
    let app = app();
    app.book(&registration()).await;
    app.book(&with(
        passport(),
        json!({"slot": "2026-11-25T15:00", "email": "maria@example.ro"}),
    ))
    .await;
    // The cron was down all Tuesday; it comes back Wednesday at 12:00.
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap());
    app.remind().await;
    app.deliver().await;
    let recipients: Vec<String> = app
        .host()
        .outbound()
        .iter()
        .filter(|r| r.url.starts_with(MAIL))
        .map(|r| r.json()["to"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        recipients.contains(&"maria@example.ro".to_owned()),
        "the 15:00 appointment still gets its reminder"
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'reminder' AND recipient = 'ion@example.ro'"
        ),
        0,
        "09:10 has passed: no reminder"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_cancelled_booking_gets_no_reminder() {
    let app = app();
    app.book(&registration()).await;
    // R06: a second booking with the same VIN cancels both.
    app.book(&with(
        registration(),
        json!({"service": "provisional", "slot": "2026-11-25T10:10", "phone": "0744123456"}),
    ))
    .await;
    app.set_time(reminder_time());
    app.remind().await;
    app.deliver().await;
    assert_eq!(app.reminders_sent(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_opening_the_link_cancels_nothing_confirming_cancels_and_the_seat_returns_after_the_hold_back()
 {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    let path = app.cancel_path_after_reminder().await;

    for _ in 0..2 {
        let page = app.get_html(&path).await;
        assert_eq!(page.status, 200);
        assert!(
            page.text().contains("method=\"post\"")
                && page.text().contains("09:10")
                && page.text().contains("I. P.")
        );
    }
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "active",
        "GET changed nothing"
    );

    let put = app
        .request(http::Request::put(&path).body(vec![]).unwrap())
        .await;
    assert_eq!(put.status, 405);

    let done = app
        .request(http::Request::post(&path).body(vec![]).unwrap())
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    let status = app.get(&format!("/api/bookings/{number}")).await.json();
    assert_eq!(
        (
            status["booking"]["state"].as_str(),
            status["booking"]["cancel_reason"].as_str()
        ),
        (Some("cancelled"), Some("cancelled_by_booker"))
    );

    let seat_left =
        || async { app.slot("registration", "2026-11-25", "09:10").await["online_left"].clone() };
    assert_eq!(seat_left().await, 0, "held back");
    app.set_time(reminder_time() + Duration::minutes(31));
    assert_eq!(seat_left().await, 1, "back after 30 minutes");

    // Irrevocable: the link is spent, and says so no differently than an unknown one.
    let again = app
        .request(http::Request::post(&path).body(vec![]).unwrap())
        .await;
    let unknown = app.get_html("/cancel/AAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    let reopened = app.get_html(&path).await;
    assert_eq!(
        (again.status, unknown.status, reopened.status),
        (404, 404, 404)
    );
    // The same page, but for the language switch, which points at the address asked.
    let said = |reply: &Reply| {
        let page = reply.text();
        page[page.find("<main").unwrap()..].to_owned()
    };
    assert_eq!(said(&again), said(&unknown));
    assert_eq!(said(&reopened), said(&unknown));
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_the_link_dies_when_the_appointment_starts() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    let path = app.cancel_path_after_reminder().await;
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 7, 10, 0).unwrap());
    assert_eq!(app.get_html(&path).await.status, 404);
    assert_eq!(
        app.request(http::Request::post(&path).body(vec![]).unwrap())
            .await
            .status,
        404
    );
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"],
        "active"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_dst_boundary_appointment_is_reminded_at_ten_local() {
    let app = app();
    app.set_time(Utc.with_ymd_and_hms(2027, 3, 25, 8, 0, 0).unwrap());
    app.book(&with(registration(), json!({"slot": "2027-03-29T08:30"})))
        .await;
    // Sunday 28 March 2027 is the spring-forward day: 10:00 local is 07:00 UTC.
    app.set_time(Utc.with_ymd_and_hms(2027, 3, 28, 6, 59, 0).unwrap());
    app.remind().await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'reminder'"),
        0
    );
    app.set_time(Utc.with_ymd_and_hms(2027, 3, 28, 7, 0, 0).unwrap());
    app.remind().await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'reminder'"),
        2
    );
}

/// Issue 26: a booking made in Hungarian gets its confirmation and its reminder in
/// Hungarian, the Romanian the office stands behind below; the calendar file too.
#[tokio::test(flavor = "multi_thread")]
async fn a_booking_made_in_hungarian_is_confirmed_and_reminded_in_hungarian_with_the_romanian_below()
 {
    let app = app();
    let number = number_of(&app.book(&with(registration(), json!({"lang": "hu"}))).await);
    app.deliver().await;
    let sent = |channel: &str, starts: &str| -> Vec<serde_json::Value> {
        app.host()
            .outbound()
            .into_iter()
            .filter(|r| r.url.starts_with(channel))
            .map(|r| r.json())
            .filter(|m| {
                m["subject"]
                    .as_str()
                    .or(m["text"].as_str())
                    .is_some_and(|s| s.starts_with(starts))
            })
            .collect()
    };
    let confirmation = sent(
        MAIL,
        "Időpontfoglalás visszaigazolása / Confirmare programare",
    );
    assert_eq!(confirmation.len(), 1);
    let text = confirmation[0]["text"].as_str().unwrap();
    let (hungarian, romanian) = text
        .split_once("\n\n—\n\n")
        .expect("Hungarian, then Romanian");
    assert!(hungarian.starts_with("Tisztelt Ügyfelünk!"), "{text}");
    assert!(hungarian.contains("2026. 11. 25. 09:10") && hungarian.contains(&number));
    assert!(romanian.starts_with("Bună ziua,") && romanian.contains("25.11.2026 09:10"));
    let ics = confirmation[0]["attachments"][0]["content"]
        .as_str()
        .unwrap();
    assert!(ics.contains("SUMMARY;LANGUAGE=hu:Időpont: "), "{ics}");
    let sms = sent("https://sms.test", "Időpontfoglalás:");
    assert_eq!(sms.len(), 1);
    assert!(
        sms[0]["text"].as_str().unwrap().contains(" / Programare "),
        "{}",
        sms[0]["text"]
    );

    let path = app.cancel_path_after_reminder().await;
    let reminder = sent(MAIL, "Emlékeztető az időpontjáról / Reamintire programare");
    assert_eq!(reminder.len(), 1);
    let text = reminder[0]["text"].as_str().unwrap();
    let (hungarian, romanian) = text
        .split_once("\n\n—\n\n")
        .expect("Hungarian, then Romanian");
    assert!(
        hungarian.contains("Emlékeztetjük holnapi időpontjára"),
        "{text}"
    );
    assert!(
        romanian.contains("Vă reamintim programarea de mâine"),
        "{text}"
    );
    assert!(hungarian.contains(&path) && romanian.contains(&path));
    let sms = sent("https://sms.test", "Emlékeztető:");
    assert_eq!(sms.len(), 1);
    assert!(sms[0]["text"].as_str().unwrap().contains(" / Reamintire: "));
    assert_eq!(app.reminders_sent(), 0, "nothing starts with the Romanian");
}
