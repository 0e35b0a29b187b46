//! R01 under a rush: hundreds of simultaneous requests, each in its own instance on
//! its own SQLite connection, exactly as Spin runs them.

use crate::support::*;
use serde_json::json;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn r01_rush_of_300_for_10_online_seats_books_exactly_10_and_never_5xx() {
    // 20 counters → 10 online seats in the 09:15 slot.
    let app = Arc::new(TestApp::spawn_with_office(
        r#"{"services":{"passport":{"counters":20}}}"#,
    ));
    // Make the schema exist first, as the first visitor of the day would.
    assert_eq!(app.get("/api/services").await.status, 200);
    let tasks: Vec<_> = (0..300)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move {
                let (name, phone) = booker(n);
                let body = with(passport(), json!({"name": name, "phone": phone}));
                app.book_from(client(n + 1), &body).await
            })
        })
        .collect();
    let mut created = 0;
    let mut full = 0;
    for task in tasks {
        let reply = task.await.unwrap();
        assert!(
            reply.status < 500,
            "5xx under the rush: {} {}",
            reply.status,
            reply.text()
        );
        match reply.status {
            201 => created += 1,
            409 => {
                assert_eq!(reply.error_code(), "slot_full");
                full += 1;
            }
            other => panic!("unexpected {other}: {}", reply.text()),
        }
    }
    assert_eq!((created, full), (10, 290));
    let seated = app.count("SELECT COUNT(*) FROM bookings WHERE service = 'passport' AND slot_start = '2026-11-25T07:15:00Z' AND state = 'active'");
    assert_eq!(seated, 10, "never overbooked");
}
