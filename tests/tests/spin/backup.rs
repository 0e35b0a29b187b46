//! Backups: taken with `ghiseu-backup` while a rush books, restored into a fresh
//! `spin up` that answers for every booking the backup holds.

use crate::support::*;
use crate::{ROOMY_PASSPORTS, answered, rush};
use ghiseu_core::kernel::token::ReservationNumber;
use ghiseu_testhost::spin::{SpinOptions, SpinProcess};
use std::sync::Arc;
use std::sync::atomic::Ordering;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_mid_rush_is_consistent_and_restores_into_a_working_app() {
    let app = Arc::new(TestApp::start(Backend::Spin, &[("office", ROOMY_PASSPORTS)]).await);
    assert_eq!(app.get("/api/services").await.status, 200);
    let (done, tasks) = rush(&app, 800, 50);
    answered(&done, 200).await;
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup.db");
    let in_backup = ghiseu_testhost::backup::take(&app.sqlite_path(), &backup).unwrap();
    let mut numbers = Vec::new();
    for task in tasks {
        let reply = task.await.unwrap().expect("Spin answers every booker");
        numbers.push((reply.status == 201).then(|| number_of(&reply)));
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
        variables: vec![("office".to_owned(), ROOMY_PASSPORTS.to_owned())],
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
