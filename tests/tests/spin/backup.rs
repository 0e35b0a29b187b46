//! Backups: taken with `ghiseu-backup` while a rush books, restored into a fresh
//! `spin up` that answers for every booking the backup holds.

use crate::passport_slot;
use crate::support::*;
use ghiseu_core::token::ReservationNumber;
use ghiseu_testhost::spin::{SpinOptions, SpinProcess};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_mid_rush_is_consistent_and_restores_into_a_working_app() {
    let office = r#"{"services":{"passport":{"counters":40}}}"#;
    let app = Arc::new(TestApp::start(Backend::Spin, &[("office", office)]).await);
    assert_eq!(app.get("/api/services").await.status, 200);
    let done = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(tokio::sync::Semaphore::new(50));
    let tasks: Vec<_> = (0..800)
        .map(|n| {
            let (app, done, in_flight) = (app.clone(), done.clone(), in_flight.clone());
            tokio::spawn(async move {
                let _seat = in_flight.acquire_owned().await.unwrap();
                let (name, phone) = booker(n);
                let body = with(
                    passport(),
                    json!({"name": name, "phone": phone, "slot": passport_slot(n)}),
                );
                let reply = app.book_from(client(n + 1), &body).await;
                done.fetch_add(1, Ordering::SeqCst);
                (reply.status == 201).then(|| number_of(&reply))
            })
        })
        .collect();
    while done.load(Ordering::SeqCst) < 200 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup.db");
    let in_backup = ghiseu_testhost::backup::take(&app.sqlite_path(), &backup).unwrap();
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(task.await.unwrap());
    }
    assert_eq!(done.load(Ordering::SeqCst), 800);
    let live = app.count("SELECT COUNT(*) FROM bookings");
    assert!(
        in_backup >= 1 && in_backup < live,
        "the backup ({in_backup}) was taken mid-rush ({live} in the end)"
    );

    // Restore: a fresh instance whose database is the backup.
    let restored_dir = dir.path().join("restored");
    std::fs::create_dir_all(restored_dir.join(".spin")).unwrap();
    std::fs::copy(&backup, restored_dir.join(".spin/sqlite_db.db")).unwrap();
    let restored = SpinProcess::start(&SpinOptions {
        manifest: root().join("spin.toml"),
        dir: restored_dir,
        variables: vec![("office".to_owned(), office.to_owned())],
        cron_schedule: None,
        clock_starts_at: Some(monday_morning().format("%Y-%m-%d %H:%M:%S").to_string()),
        runtime_config: None,
    })
    .await
    .unwrap();
    let copy = rusqlite::Connection::open(&backup).unwrap();
    let held = |number: &str| -> bool {
        let hash = ReservationNumber::parse(number).unwrap().hash();
        copy.query_row(
            "SELECT COUNT(*) FROM bookings WHERE number_hash = ?",
            [hash],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            == 1
    };
    let numbers: Vec<String> = numbers.into_iter().flatten().collect();
    let kept: Vec<&String> = numbers.iter().filter(|n| held(n)).collect();
    assert_eq!(
        kept.len() as i64,
        in_backup,
        "every booking in the backup was answered 201"
    );
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Full<bytes::Bytes>>();
    for number in kept.iter().take(5) {
        let uri: http::Uri = format!("http://{}/api/bookings/{number}", restored.addr)
            .parse()
            .unwrap();
        let status = client.get(uri).await.unwrap().status();
        assert_eq!(status, 200, "the restored app answers for {number}");
    }
}
