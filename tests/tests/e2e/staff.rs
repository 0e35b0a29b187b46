//! The staff view of the outbox: authenticated, audited (R19).

use crate::support::*;
use sha2::{Digest, Sha256};

const TOKEN: &str = "clerk-ana-7f3b2c9e1d";

fn hashed(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn app() -> TestApp {
    let tokens = format!(
        r#"{{"ana.pop": {{"hash": "{}", "role": "supervisor"}}}}"#,
        hashed(TOKEN)
    );
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("sms_api_url", "https://sms.test/send"),
        ("sms_api_origin", "https://sms.test"),
        ("delivery_max_attempts", "1"),
    ])
}

async fn staff(app: &TestApp, method: http::Method, path: &str, token: Option<&str>) -> Reply {
    app.staff(method, path, token, None).await
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_failed_messages_are_visible_to_staff_and_can_be_retried_once_audited() {
    let app = app();
    app.host().script_outbound("https://sms.test", &[500]);
    app.book(&registration()).await;
    app.deliver().await;

    let failed = staff(
        &app,
        http::Method::GET,
        "/api/staff/outbox?state=failed",
        Some(TOKEN),
    )
    .await;
    assert_eq!(failed.status, 200, "{}", failed.text());
    let messages = failed.json()["messages"].as_array().unwrap().clone();
    assert_eq!(messages.len(), 1);
    assert_eq!(
        (
            messages[0]["channel"].as_str(),
            messages[0]["last_error"].as_str()
        ),
        (Some("sms"), Some("provider answered 500"))
    );
    assert!(
        !failed.text().contains("+40722123456") && !failed.text().contains("secret"),
        "no personal data or secrets listed"
    );

    let id = messages[0]["id"].as_i64().unwrap();
    let retry = staff(
        &app,
        http::Method::POST,
        &format!("/api/staff/outbox/{id}/retry"),
        Some(TOKEN),
    )
    .await;
    assert_eq!(retry.status, 200, "{}", retry.text());
    assert_eq!(
        staff(
            &app,
            http::Method::POST,
            &format!("/api/staff/outbox/{id}/retry"),
            Some(TOKEN)
        )
        .await
        .status,
        404
    );
    app.deliver().await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND channel = 'sms'"),
        1
    );
    let audit: (String, String, String) = app
        .db()
        .query_row("SELECT staff, action, subject FROM audit", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        audit,
        (
            "ana.pop".to_owned(),
            "outbox_retry".to_owned(),
            format!("outbox:{id}")
        )
    );
    assert!(
        app.db().execute("DELETE FROM audit", []).is_err(),
        "the audit trail is append-only"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_staff_calls_without_or_with_a_wrong_token_are_refused_and_change_nothing() {
    let app = app();
    app.host().script_outbound("https://sms.test", &[500]);
    app.book(&registration()).await;
    app.deliver().await;
    for token in [None, Some("wrong"), Some(hashed(TOKEN).as_str())] {
        let list = staff(&app, http::Method::GET, "/api/staff/outbox", token).await;
        assert_eq!(
            (list.status, list.error_code()),
            (401, "unauthorized".to_owned()),
            "{token:?}"
        );
        assert_eq!(list.headers["www-authenticate"], "Bearer");
        let retry = staff(&app, http::Method::POST, "/api/staff/outbox/1/retry", token).await;
        assert_eq!(retry.status, 401);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"),
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit"), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn health_answers_503_when_the_database_is_unavailable() {
    let app = TestApp::spawn();
    // A directory where the database file should be: SQLite can't open it.
    std::fs::create_dir_all(app.sqlite_path()).unwrap();
    let health = app.get("/api/health").await;
    assert_eq!(health.status, 503, "{}", health.text());
    assert_eq!(health.json()["database"], "unavailable");
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_a_token_configured_without_a_role_opens_nothing_and_names_the_setting() {
    // The format before roles: a bare hash, which meant supervisor.
    let bare = format!(r#"{{"ana.pop": "{}"}}"#, hashed(TOKEN));
    let app = TestApp::spawn_configured(&[("staff_tokens", bare.as_str())]);
    let reply = staff(&app, http::Method::GET, "/api/staff/outbox", Some(TOKEN)).await;
    assert_eq!(
        (reply.status, reply.error_code(), reply.error_field()),
        (
            503,
            "config_invalid".to_owned(),
            Some("staff_tokens".to_owned())
        ),
        "{}",
        reply.text()
    );
    // The citizens' side is not held hostage by the staff setting.
    assert_eq!(app.book(&registration()).await.status, 201);
}
