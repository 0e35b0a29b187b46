//! The real-Spin suite: the shared scenarios on `spin up` (Spin 4.x, the built
//! components, a fresh state directory and a free port per test), and what only
//! real processes can show: a `kill -9` in the middle of a rush, and two instances
//! sharing one database and one Redis.
//!
//! Needs `spin` (`bash ../shared/tools/spin/install.sh`, or Spin 4.x on the PATH),
//! Debian's `faketime` (the app's clock starts at the scenarios' Monday) and
//! `redis-server` (the two-instance test); without them the tests fail saying so.
//! `tests/run-all.sh` runs this suite when they are installed and says loudly when
//! they are not; CI always runs it.

mod backup;
mod proxy;
mod scale_out;
#[path = "../common/scenarios.rs"]
mod scenarios;
#[path = "../common/staff_session.rs"]
mod staff_session;
#[path = "../common/support.rs"]
mod support;

use ghiseu_core::kernel::token::ReservationNumber;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use support::*;

include!("../common/on_backend.rs");

scenarios_on!(Backend::Spin);

/// The passport slots of Wednesday 25 November: 08:30 … 16:15, every 15 minutes.
fn passport_slot(k: usize) -> String {
    let minutes = 8 * 60 + 30 + 15 * (k % 32);
    format!("2026-11-25T{:02}:{:02}", minutes / 60, minutes % 60)
}

/// 20 online seats in each of the day's 32 passport slots.
const ROOMY_PASSPORTS: &str = r#"{"services":{"passport":{"counters":40}}}"#;

/// A rush in the background: `count` distinct bookers spread over the passport slots,
/// at most `in_flight` at a time. Returns how many have their answer so far and each
/// booker's reply (None when the connection failed).
type Rush = (
    Arc<AtomicUsize>,
    Vec<tokio::task::JoinHandle<Option<Reply>>>,
);

pub(crate) fn rush(app: &Arc<TestApp>, count: usize, in_flight: usize) -> Rush {
    let done = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(tokio::sync::Semaphore::new(in_flight));
    let tasks = (0..count)
        .map(|n| {
            let (app, done, in_flight) = (app.clone(), done.clone(), in_flight.clone());
            tokio::spawn(async move {
                let _seat = in_flight.acquire_owned().await.unwrap();
                let (name, phone) = booker(n);
                let body = with(
                    passport(),
                    json!({"name": name, "phone": phone, "slot": passport_slot(n)}),
                );
                let req = http::Request::post("/api/bookings")
                    .header("content-type", "application/json")
                    .body(body.to_string().into_bytes())
                    .unwrap();
                let reply = app.try_request_from(req, client(n + 1)).await.ok();
                done.fetch_add(1, Ordering::SeqCst);
                reply
            })
        })
        .collect();
    (done, tasks)
}

/// Waits until `at_least` of a rush have their answer.
pub(crate) async fn answered(done: &AtomicUsize, at_least: usize) {
    while done.load(Ordering::SeqCst) < at_least {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// R01 and "nothing is ever lost": Spin killed with SIGKILL while a rush books loses no
/// booking whose 201 went out, overbooks no slot, and leaves a sound database.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_mid_rush_loses_no_answered_booking_and_overbooks_nothing() {
    let app = Arc::new(TestApp::start(Backend::Spin, &[("office", ROOMY_PASSPORTS)]).await);
    assert_eq!(app.get("/api/services").await.status, 200);
    // Spin answers 500 past 1,000 instances at once (SPIN_WASMTIME_INSTANCE_COUNT,
    // see the README); 400 in flight is a rush that stays under it.
    let (done, tasks) = rush(&app, 3000, 400);
    // Mid-rush: once a few hundred have their answer, thousands are still in flight.
    answered(&done, 300).await;
    app.kill_spin();
    let mut answered = Vec::new();
    let mut unanswered = 0;
    for task in tasks {
        match task.await.unwrap() {
            Some(reply) => {
                assert!(
                    reply.status < 500,
                    "{} {}\n{}",
                    reply.status,
                    reply.text(),
                    app.spin_output()
                );
                if reply.status == 201 {
                    answered.push(number_of(&reply));
                }
            }
            None => unanswered += 1,
        }
    }
    assert!(!answered.is_empty(), "the kill came before any booking");
    assert!(
        unanswered > 0,
        "the kill came after the rush: nothing was cut off"
    );
    let db = app.db();
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    for number in &answered {
        let hash = ReservationNumber::parse(number).unwrap().hash();
        let found: i64 = db
            .query_row(
                "SELECT COUNT(*) FROM bookings WHERE number_hash = ?",
                [hash],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "booking {number} was answered 201 and then lost");
    }
    let overbooked: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM (SELECT 1 FROM bookings WHERE state = 'active'
             GROUP BY service, slot_start HAVING COUNT(*) > 20)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(overbooked, 0, "a slot holds more than its 20 online seats");
    eprintln!(
        "kill -9 mid-rush: {} answered 201, {unanswered} cut off, all kept",
        answered.len()
    );
}

/// Observability: one JSON line per request and cron run in Spin's component logs,
/// with the route pattern and the outcome, and nothing personal.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_request_and_cron_run_logs_one_json_line_without_personal_data() {
    let app = TestApp::start(Backend::Spin, &[]).await;
    let number = number_of(&app.book(&registration()).await);
    assert_eq!(
        app.get(&format!("/api/bookings/{number}")).await.status,
        200
    );
    let refused = app
        .book(&with(registration(), json!({"vin": "NOT-A-VIN"})))
        .await;
    assert_eq!(refused.status, 422);
    app.deliver().await;
    let log = app.component_log("bookings");
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not one JSON line: {l}")))
        .collect();
    let seen: Vec<(&str, u64, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["route"].as_str().unwrap(),
                l["status"].as_u64().unwrap(),
                l["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("/api/bookings", 201, "ok"),
            ("/api/bookings/...", 200, "ok"),
            ("/api/bookings", 422, "invalid_vin"),
        ]
    );
    assert!(lines.iter().all(|l| l["duration_ms"].as_f64().is_some()));
    for personal in [number.as_str(), "Popescu", "0722", "ion@", "WVWZZZ"] {
        assert!(!log.contains(personal), "{personal} in the log: {log}");
    }
    let cron = app.component_log("deliver");
    let first: serde_json::Value =
        serde_json::from_str(cron.lines().next().expect("a cron line")).unwrap();
    assert_eq!(
        (first["kind"].as_str(), first["cron"].as_str()),
        (Some("cron"), Some("deliver"))
    );
    assert_eq!(first["outcome"], "ok");
}
