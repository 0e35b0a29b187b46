//! R16: the late-cancel exemption. Granted by staff against the reservation number a
//! proposal cites, it lets the next booking of that VIN/holder stand (the earlier one
//! gives way) instead of R06/R07 cancelling both; used once, audited.

use crate::support::*;
use http::Method;
use serde_json::{Value, json};

fn app() -> TestApp {
    TestApp::spawn_configured(&[("staff_tokens", staff_tokens().as_str())])
}

async fn grant(app: &TestApp, number: &str, token: Option<&str>) -> Reply {
    app.staff(
        Method::POST,
        &format!("/api/staff/bookings/{number}/exemption"),
        token,
        Some(json!({"reason": "Propunerea 2026/114: internat, nu a putut anula"})),
    )
    .await
}

async fn state(app: &TestApp, number: &str) -> (String, Option<String>) {
    let b = app.get(&format!("/api/bookings/{number}")).await.json()["booking"].clone();
    (
        b["state"].as_str().unwrap().to_owned(),
        b["cancel_reason"].as_str().map(str::to_owned),
    )
}

fn on(slot: &str) -> Value {
    with(registration(), json!({"slot": slot}))
}

#[tokio::test(flavor = "multi_thread")]
async fn r16_exemption_lets_the_next_booking_stand_once_and_is_audited() {
    let app = app();
    let first = number_of(&app.book(&registration()).await);
    assert_eq!(grant(&app, &first, None).await.status, 401);
    assert_eq!(grant(&app, &first, Some("wrong")).await.status, 401);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM exemptions"),
        0,
        "refused calls changed nothing"
    );

    let granted = grant(&app, &first, Some(STAFF_TOKEN)).await;
    assert_eq!(granted.status, 201, "{}", granted.text());
    let twice = grant(&app, &first, Some(STAFF_TOKEN)).await;
    assert_eq!(
        (twice.status, twice.error_code()),
        (409, "exemption_exists".to_owned())
    );

    // The exempted next booking stands; the earlier one gives way.
    let second = number_of(&app.book(&on("2026-11-26T09:10")).await);
    assert_eq!(state(&app, &second).await, ("active".to_owned(), None));
    assert_eq!(
        state(&app, &first).await,
        ("cancelled".to_owned(), Some("superseded".to_owned()))
    );

    // Used up: the booking after that meets R06 again, and both go.
    let third = number_of(&app.book(&on("2026-11-27T09:10")).await);
    for n in [&second, &third] {
        assert_eq!(
            state(&app, n).await,
            ("cancelled".to_owned(), Some("duplicate_vin".to_owned()))
        );
    }

    let listed = app
        .staff(
            Method::GET,
            "/api/staff/exemptions",
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    assert_eq!(listed["exemptions"][0]["state"], "used");
    assert_eq!(listed["exemptions"][0]["vin"], "WVWZZZ1JZXW000001");
    let audit = app
        .staff(Method::GET, "/api/staff/audit", Some(STAFF_TOKEN), None)
        .await
        .json();
    let entries: Vec<(String, String, Option<String>)> = audit["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap().to_owned(),
                a["staff"].as_str().unwrap().to_owned(),
                a["after"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        entries,
        vec![
            (
                "exemption_used".to_owned(),
                "system".to_owned(),
                Some("used".to_owned())
            ),
            (
                "exemption_grant".to_owned(),
                "ana.pop".to_owned(),
                Some("granted".to_owned())
            ),
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r16_a_revoked_exemption_is_not_used_and_r06_applies() {
    let app = app();
    let first = number_of(&app.book(&registration()).await);
    let granted = grant(&app, &first, Some(STAFF_TOKEN)).await.json();
    let id = granted["exemption"]["id"].as_i64().unwrap();
    let revoke = format!("/api/staff/exemptions/{id}/revoke");
    assert_eq!(
        app.staff(Method::POST, &revoke, None, None).await.status,
        401
    );
    assert_eq!(
        app.staff(Method::POST, &revoke, Some(STAFF_TOKEN), None)
            .await
            .status,
        200
    );
    assert_eq!(
        app.staff(Method::POST, &revoke, Some(STAFF_TOKEN), None)
            .await
            .status,
        404
    );
    let second = number_of(&app.book(&on("2026-11-26T09:10")).await);
    for n in [&first, &second] {
        assert_eq!(
            state(&app, n).await,
            ("cancelled".to_owned(), Some("duplicate_vin".to_owned()))
        );
    }
    let revoked = app
        .staff(
            Method::GET,
            "/api/staff/audit?subject=exemption:1",
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    assert_eq!(revoked["audit"][0]["action"], "exemption_revoke");
    assert_eq!(
        (
            revoked["audit"][0]["before"].as_str(),
            revoked["audit"][0]["after"].as_str()
        ),
        (Some("granted"), Some("revoked"))
    );
}
