use crate::support::*;
use chrono::{TimeZone, Utc};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn c06_weekend_and_orthodox_easter_monday_2027_are_closed() {
    let app = TestApp::spawn();
    let saturday = app
        .get("/api/availability?service=passport&date=2026-11-28")
        .await
        .json();
    assert_eq!(saturday["day"]["open"], false);
    assert_eq!(saturday["day"]["closed"]["reason"], "weekend");
    assert_eq!(saturday["day"]["slots"].as_array().unwrap().len(), 0);
    // St Andrew and National Day.
    let range = app
        .get("/api/availability?service=passport&from=2026-11-30&to=2026-12-01")
        .await
        .json();
    for day in range["days"].as_array().unwrap() {
        assert_eq!(day["closed"]["reason"], "holiday", "{day}");
    }

    app.set_time(Utc.with_ymd_and_hms(2027, 4, 20, 7, 0, 0).unwrap());
    let easter_monday = app
        .get("/api/availability?service=registration&date=2027-05-03")
        .await
        .json();
    assert_eq!(easter_monday["day"]["closed"]["reason"], "holiday");
    assert_eq!(easter_monday["day"]["closed"]["name"], "A doua zi de Paște");
    let good_friday = app
        .get("/api/availability?service=registration&date=2027-04-30")
        .await
        .json();
    assert_eq!(good_friday["day"]["closed"]["name"], "Vinerea Mare");
    let tuesday = app
        .get("/api/availability?service=registration&date=2027-05-04")
        .await
        .json();
    assert_eq!(tuesday["day"]["open"], true);

    let refused = app
        .book(&with(registration(), json!({"slot": "2027-05-03T09:10"})))
        .await;
    assert_eq!(
        (refused.status, refused.error_code()),
        (422, "day_closed".to_owned())
    );
    assert_eq!(app.bookings(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn c06_office_closure_from_configuration_is_closed_with_its_reason() {
    let app = TestApp::spawn_with_office(
        r#"{"closures":[{"date":"2026-11-26","reason":"Inventar anual"}]}"#,
    );
    let day = app
        .get("/api/availability?service=passport&date=2026-11-26")
        .await
        .json();
    assert_eq!(
        day["day"]["closed"],
        json!({"reason": "closure", "name": "Inventar anual"})
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c06_slots_keep_local_office_time_across_the_dst_change() {
    let app = TestApp::spawn();
    app.set_time(Utc.with_ymd_and_hms(2027, 3, 20, 8, 0, 0).unwrap());
    let friday = app
        .get("/api/availability?service=passport&date=2027-03-26")
        .await
        .json();
    let monday = app
        .get("/api/availability?service=passport&date=2027-03-29")
        .await
        .json();
    assert_eq!(
        friday["day"]["slots"][0]["start"],
        "2027-03-26T08:30:00+02:00"
    );
    assert_eq!(
        monday["day"]["slots"][0]["start"],
        "2027-03-29T08:30:00+03:00"
    );
    // Booked on either side of the change, each shows the same local time.
    let booked = app
        .book(&with(passport(), json!({"slot": "2027-03-29T08:30"})))
        .await;
    assert_eq!(
        booked.json()["booking"]["slot_start"],
        "2027-03-29T08:30:00+03:00"
    );
    let stored: String = app
        .db()
        .query_row("SELECT slot_start FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "2027-03-29T05:30:00Z", "stored in UTC");
}

#[tokio::test(flavor = "multi_thread")]
async fn c06_on_the_dst_days_themselves_the_missing_hour_has_no_slots() {
    // An office open on Sunday nights, to put slots across the change itself.
    let app = TestApp::spawn_with_office(
        r#"{"hours":{"sun":[["01:00","06:00"]]},"services":{"passport":{"slot_minutes":60}}}"#,
    );
    app.set_time(Utc.with_ymd_and_hms(2027, 3, 20, 8, 0, 0).unwrap());
    let starts = app.slot_starts("passport", "2027-03-28").await;
    assert_eq!(
        starts,
        [
            "2027-03-28T01:00:00+02:00",
            "2027-03-28T02:00:00+02:00",
            "2027-03-28T04:00:00+03:00",
            "2027-03-28T05:00:00+03:00"
        ]
    );
    let missing = app
        .book(&with(passport(), json!({"slot": "2027-03-28T03:00"})))
        .await;
    assert_eq!(missing.error_code(), "invalid_slot");

    app.set_time(Utc.with_ymd_and_hms(2026, 10, 20, 8, 0, 0).unwrap());
    let starts = app.slot_starts("passport", "2026-10-25").await;
    assert_eq!(
        starts,
        [
            "2026-10-25T01:00:00+03:00",
            "2026-10-25T02:00:00+03:00",
            "2026-10-25T03:00:00+03:00",
            "2026-10-25T04:00:00+02:00",
            "2026-10-25T05:00:00+02:00"
        ]
    );
}
