//! Complaints, proposals and technical tickets (C01–C06, T01–T02, R09, R16, R20):
//! intake, deadlines on the business-day calendar, the staff workflow, escalation
//! and the SLA cron, all through the test host with a pinned clock.

use crate::support::*;
use chrono::{DateTime, Duration, TimeZone, Utc};
use http::Method;
use serde_json::{Value, json};

const MAIL: &str = "https://mail.test";
const CNP: &str = "1900101123457";

fn app() -> TestApp {
    let tokens = staff_tokens();
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("public_base_url", "https://programari.test"),
        ("complaints_staff_email", "sla@ghiseu.test"),
    ])
}

/// With providers, so acknowledgements and decisions are actually sent.
fn app_sending() -> TestApp {
    let tokens = staff_tokens();
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("public_base_url", "https://programari.test"),
        ("email_api_url", "https://mail.test/send"),
        ("email_api_origin", MAIL),
        ("sms_api_url", "https://sms.test/send"),
        ("sms_api_origin", "https://sms.test"),
    ])
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

async fn reservation(app: &TestApp) -> String {
    let reply = app.book(&registration()).await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    reply.json()["reservation_number"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn service_complaint(number: &str) -> Value {
    json!({
        "kind": "service",
        "reservation_number": number,
        "description": "Am așteptat 40 de minute peste ora programării.",
        "solution_idea": "Mai mulți funcționari dimineața.",
        "email": "ion@example.ro",
        "phone": "0722123456"
    })
}

async fn file(app: &TestApp, body: &Value) -> Reply {
    app.post_json("/api/complaints", body).await
}

/// Files a complaint and returns (its number, its staff id).
async fn filed(app: &TestApp, body: &Value) -> (String, i64) {
    let reply = file(app, body).await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    let number = reply.json()["complaint_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = app.count("SELECT MAX(id) FROM complaints");
    (number, id)
}

async fn status(app: &TestApp, number: &str) -> Value {
    let reply = app.get(&format!("/api/complaints/{number}")).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["complaint"].clone()
}

async fn step(app: &TestApp, id: i64, name: &str, body: Option<Value>) -> Reply {
    app.staff(
        Method::POST,
        &format!("/api/staff/complaints/{id}/{name}"),
        Some(STAFF_TOKEN),
        body,
    )
    .await
}

async fn sla(app: &TestApp) {
    app.host()
        .fire_cron("sla")
        .await
        .expect("cron runs")
        .expect("the SLA check succeeds");
}

#[tokio::test(flavor = "multi_thread")]
async fn c01_intake_of_each_kind_returns_a_number_and_the_status_shows_nothing_personal() {
    let app = app();
    let number = reservation(&app).await;
    let kinds = [
        service_complaint(&number),
        json!({"kind": "proposal", "reservation_number": number, "description": "Vă rog scutiți-mă de R06.", "email": "ion@example.ro"}),
        json!({"kind": "product", "serial_number": "RO-PASS-0042", "description": "Pașaportul are o literă greșită.", "phone": "0733123456"}),
        json!({"kind": "technical", "severity": "critical", "channel": "email", "description": "Pagina de programare nu se încarcă.", "email": "ana@example.ro"}),
    ];
    for body in &kinds {
        let reply = file(&app, body).await;
        assert_eq!(reply.status, 201, "{}", reply.text());
        let complaint_number = reply.json()["complaint_number"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(complaint_number.len(), 23, "XXXXX-XXXXX-XXXXX-XXXXX");
        let seen = app
            .get(&format!("/api/complaints/{complaint_number}"))
            .await;
        assert_eq!(seen.json()["complaint"]["kind"], body["kind"]);
        assert_eq!(seen.json()["complaint"]["state"], "received");
        for personal in [
            "ion@example.ro",
            "0733123456",
            "Pașaportul",
            "Pagina",
            "+40",
        ] {
            assert!(
                !seen.text().contains(personal),
                "{personal} in {}",
                seen.text()
            );
        }
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM complaints"), 4);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM complaints WHERE number_hash LIKE '%-%'"),
        0,
        "numbers stored hashed"
    );
    // C02: an acknowledgement per contact given, queued at once.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'complaint_ack'"),
        5
    );
    assert_eq!(
        app.get("/api/complaints/ABCDE-FGHJK-MNPQR-STVWX")
            .await
            .status,
        404
    );

    // The HTML form works without JavaScript.
    let form = app
        .post_raw(
            "/api/complaints",
            "application/x-www-form-urlencoded",
            b"kind=product&description=Lipsa+unei+pagini&email=dan%40example.ro&severity=&channel=&reservation_number=&lang=en".to_vec(),
            None,
        )
        .await;
    assert_eq!(form.status, 201, "{}", form.text());
    assert!(form.text().contains("Complaint number"));
    assert_eq!(app.get_html("/complaints").await.status, 200);
}

/// Issue 26: the complaints form and what it shows after in Hungarian, dates year first.
#[tokio::test(flavor = "multi_thread")]
async fn c01_the_complaints_pages_read_in_hungarian() {
    let app = app();
    let page = app.get_html("/complaints?lang=hu").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    for shown in [
        "<html lang=\"hu\"",
        "<h1>Panaszok, javaslatok és műszaki problémák</h1>",
        "Szolgáltatás (időpontfoglalással kapcsolatban)",
        "Kritikus (24 óra)",
        "A panasz elküldése",
        "A panasz száma",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    let received = app
        .post_raw(
            "/api/complaints",
            "application/x-www-form-urlencoded",
            "kind=product&description=Hi%C3%A1nyzik+egy+oldal&email=dan%40example.ro&lang=hu"
                .as_bytes()
                .to_vec(),
            None,
        )
        .await;
    assert_eq!(received.status, 201, "{}", received.text());
    let text = received.text();
    for shown in [
        "<h1>A panasz beérkezett</h1>",
        "<dt>Típus</dt><dd>Dokumentum vagy termék</dd>",
        "<dt>Állapot</dt><dd>Beérkezett</dd>",
        "<dt>Beérkezett</dt><dd>2026. 11. 23.</dd>",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn c01_the_complaints_page_looks_a_complaint_up_by_its_number() {
    let app = app();
    let page = app.get_html("/complaints?lang=en").await;
    assert!(
        page.text()
            .contains(r#"<form method="post" action="/complaints">"#),
        "the number goes in the body, never the address: {}",
        page.text()
    );
    let (number, _) = filed(&app, &service_complaint(&reservation(&app).await)).await;
    let lookup = |number: &str| {
        app.post_raw(
            "/complaints",
            "application/x-www-form-urlencoded",
            format!("lang=en&number={number}").into_bytes(),
            None,
        )
    };
    let found = lookup(&number).await;
    assert_eq!(found.status, 200, "{}", found.text());
    let bookmarked = app
        .get_html(&format!("/complaints?number={number}&lang=en"))
        .await;
    assert_eq!(
        bookmarked.status, 200,
        "an earlier page's address still answers"
    );
    assert!(
        found.text().contains("Complaint status") && found.text().contains("Received"),
        "{}",
        found.text()
    );
    assert!(!found.text().contains("ion@example.ro"), "nothing personal");
    // A GET never changes anything, and an unknown number is a plain 404.
    for unknown in ["ABCDE-FGHJK-MNPQR-STVWX", "not-a-number", ""] {
        let reply = app
            .get_html(&format!("/complaints?number={unknown}&lang=en"))
            .await;
        assert_eq!(reply.status, 404, "{unknown}: {}", reply.text());
        assert_eq!(lookup(unknown).await.status, 404, "{unknown}");
    }
    // The page shown at intake links to the status.
    let received = app
        .post_raw(
            "/api/complaints",
            "application/x-www-form-urlencoded",
            b"kind=product&description=Lipsa+unei+pagini&email=dan%40example.ro&lang=en".to_vec(),
            None,
        )
        .await;
    assert_eq!(received.status, 201, "{}", received.text());
    assert!(
        received
            .text()
            .contains(r#"<form method="post" action="/complaints">"#)
            && !received.text().contains("/complaints?number="),
        "the status button posts the number: {}",
        received.text()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r20_r09_t01_refused_intakes_store_nothing() {
    let app = app();
    let number = reservation(&app).await;
    let cases = [
        (
            json!({"kind": "service", "description": "x", "email": "ion@example.ro"}),
            "reservation_number_required",
            "reservation_number",
        ),
        (
            json!({"kind": "proposal", "reservation_number": "ABCDE-FGHJK-MNPQR-STVWX", "description": "x", "email": "ion@example.ro"}),
            "reservation_unknown",
            "reservation_number",
        ),
        (
            with(
                service_complaint(&number),
                json!({"description": format!("CNP-ul meu este {CNP}.")}),
            ),
            "cnp_forbidden",
            "description",
        ),
        (
            with(
                service_complaint(&number),
                json!({"email": null, "phone": null}),
            ),
            "contact_required",
            "email",
        ),
        (
            json!({"kind": "technical", "description": "x", "email": "ion@example.ro", "channel": "chat"}),
            "required",
            "severity",
        ),
        (
            with(service_complaint(&number), json!({"severity": "high"})),
            "field_not_for_kind",
            "severity",
        ),
        (
            with(service_complaint(&number), json!({"kind": "praise"})),
            "invalid_choice",
            "kind",
        ),
        (
            with(
                service_complaint(&number),
                json!({"description": "x".repeat(4001)}),
            ),
            "too_long",
            "description",
        ),
    ];
    for (body, code, field) in cases {
        let reply = file(&app, &body).await;
        assert_eq!(
            (reply.status, reply.error_code(), reply.error_field()),
            (422, code.to_owned(), Some(field.to_owned())),
            "{body}"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM complaints")
            + app.count("SELECT COUNT(*) FROM outbox WHERE complaint_id IS NOT NULL"),
        0
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c02_c04_c06_deadlines_skip_orthodox_easter_and_christmas() {
    let app = app();
    let number = reservation(&app).await;
    let body = service_complaint(&number);
    // Thursday 9 April 2026, 10:00: Good Friday (10th) and Easter Monday (13th) don't count,
    // nor May Day, on the way to 30 business days.
    app.set_time(at(2026, 4, 9, 7));
    let (n1, _) = filed(&app, &body).await;
    let s = status(&app, &n1).await;
    assert_eq!(
        s["acknowledge_by"], "2026-04-23T00:00:00+03:00",
        "end of 22 April"
    );
    assert_eq!(
        s["resolve_by"], "2026-05-27T00:00:00+03:00",
        "end of 26 May"
    );
    // Wednesday 28 April 2027: Good Friday 30 April, Easter Monday 3 May.
    app.set_time(at(2027, 4, 28, 7));
    let (n2, _) = filed(&app, &body).await;
    assert_eq!(
        status(&app, &n2).await["acknowledge_by"],
        "2027-05-12T00:00:00+03:00"
    );
    // Tuesday 22 December 2026: Christmas and 1–2 January.
    app.set_time(at(2026, 12, 22, 8));
    let (n3, _) = filed(&app, &body).await;
    assert_eq!(
        status(&app, &n3).await["acknowledge_by"],
        "2027-01-05T00:00:00+02:00",
        "end of 4 January"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c02_to_c05_acknowledge_progress_resolve_then_escalate_reopens_one_level_up() {
    let app = app_sending();
    let number = reservation(&app).await;
    let (complaint, id) = filed(&app, &service_complaint(&number)).await;
    // C02: the automatic acknowledgement counts once actually sent.
    app.deliver().await;
    let ack = status(&app, &complaint).await;
    assert_eq!(ack["state"], "acknowledged");
    assert_eq!(
        ack["progress_update_by"], "2026-12-16T00:00:00+02:00",
        "the end of the 14th business day after 23 November (30 Nov, 1 Dec off): 15 December"
    );
    let mail = app
        .host()
        .outbound()
        .into_iter()
        .find(|r| {
            r.url.starts_with(MAIL)
                && r.json()["subject"]
                    .as_str()
                    .unwrap()
                    .starts_with("Confirmare sesizare")
        })
        .unwrap();
    assert!(
        mail.json()["text"].as_str().unwrap().contains(&complaint),
        "the acknowledgement carries the number"
    );
    assert_eq!(
        step(&app, id, "acknowledge", None).await.error_code(),
        "already_acknowledged"
    );

    let empty = step(&app, id, "progress", Some(json!({}))).await;
    assert_eq!(
        (empty.status, empty.error_field()),
        (422, Some("text".to_owned()))
    );
    // A field the API reads as text must be a JSON string: `false` or `7` is not the
    // text "false" or "7", and nothing is recorded.
    for not_text in [json!(false), json!(7), json!(["x"])] {
        for name in ["progress", "resolve"] {
            let refused = step(&app, id, name, Some(json!({ "text": not_text }))).await;
            assert_eq!(
                (refused.status, refused.error_code(), refused.error_field()),
                (422, "invalid_type".to_owned(), Some("text".to_owned())),
                "{name} {not_text}"
            );
        }
    }
    assert_eq!(status(&app, &complaint).await["state"], "acknowledged");
    let progress = step(
        &app,
        id,
        "progress",
        Some(json!({"text": "Am discutat cu <b>ghișeul 3</b>."})),
    )
    .await;
    assert_eq!(progress.status, 200, "{}", progress.text());
    assert_eq!(progress.json()["complaint"]["state"], "in_progress");
    let resolve = step(
        &app,
        id,
        "resolve",
        Some(json!({"decision": "Am suplimentat personalul dimineața."})),
    )
    .await;
    assert_eq!(resolve.json()["complaint"]["state"], "resolved");
    assert_eq!(
        step(&app, id, "progress", Some(json!({"text": "x"})))
            .await
            .error_code(),
        "already_resolved"
    );
    app.deliver().await;
    let sent: Vec<Value> = app
        .host()
        .outbound()
        .iter()
        .filter(|r| r.url.starts_with(MAIL))
        .map(|r| r.json())
        .collect();
    let progress_mail = sent
        .iter()
        .find(|m| m["subject"].as_str().unwrap().starts_with("Stadiul"))
        .unwrap();
    assert!(
        progress_mail["html"]
            .as_str()
            .unwrap()
            .contains("&lt;b&gt;ghișeul 3&lt;/b&gt;"),
        "staff text escaped"
    );
    let decision = sent
        .iter()
        .find(|m| m["subject"].as_str().unwrap().starts_with("Soluționarea"))
        .unwrap();
    let text = decision["text"].as_str().unwrap();
    let start = text
        .find("https://programari.test/escalate/")
        .expect("an escalation link");
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let path = link
        .trim_start_matches("https://programari.test")
        .to_owned();

    // C05: GET shows, POST escalates; the complaint reopens with new deadlines.
    assert_eq!(app.get_html(&path).await.status, 200);
    assert_eq!(
        status(&app, &complaint).await["state"],
        "resolved",
        "GET changed nothing"
    );
    app.set_time(monday_morning() + Duration::days(2));
    let escalated = app
        .request(http::Request::post(&path).body(vec![]).unwrap())
        .await;
    assert_eq!(escalated.status, 200, "{}", escalated.text());
    let reopened = status(&app, &complaint).await;
    assert_eq!(
        (reopened["state"].as_str(), reopened["level"].as_i64()),
        (Some("escalated"), Some(2))
    );
    assert_eq!(
        reopened["acknowledge_by"], "2026-12-09T00:00:00+02:00",
        "7 business days from Wednesday 25 November"
    );
    let again = app
        .request(http::Request::post(&path).body(vec![]).unwrap())
        .await;
    assert_eq!(again.status, 404, "the link is spent");
    app.deliver().await;
    assert_eq!(
        status(&app, &complaint).await["state"],
        "acknowledged",
        "the new level acknowledged when its message went"
    );

    let audit = app
        .staff(
            Method::GET,
            &format!("/api/staff/audit?subject=complaint:{id}"),
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    let steps: Vec<(String, String, String)> = audit["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap().to_owned(),
                a["before"].as_str().unwrap().to_owned(),
                a["after"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            (
                "complaint_resolve".to_owned(),
                "in_progress".to_owned(),
                "resolved".to_owned()
            ),
            (
                "complaint_progress".to_owned(),
                "acknowledged".to_owned(),
                "in_progress".to_owned()
            ),
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c04_sla_cron_fired_repeatedly_notifies_once_per_state_and_tells_the_complainant() {
    let app = app();
    let number = reservation(&app).await;
    // No provider: the acknowledgement stays pending, so nothing is acknowledged.
    let (complaint, id) = filed(&app, &service_complaint(&number)).await;
    let staff_notes = || app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'sla_staff'");
    sla(&app).await;
    assert_eq!(staff_notes(), 0, "nothing due yet");

    // Acknowledgement due by the end of 4 December (30 Nov and 1 Dec are holidays): within 48 hours on the 3rd.
    app.set_time(at(2026, 12, 3, 10));
    for _ in 0..3 {
        sla(&app).await;
    }
    assert_eq!(staff_notes(), 1);
    let listed = app
        .staff(
            Method::GET,
            "/api/staff/complaints?filter=due_soon",
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    assert_eq!(listed["complaints"].as_array().unwrap().len(), 1);
    app.set_time(at(2026, 12, 5, 10));
    tokio::join!(sla(&app), sla(&app));
    sla(&app).await;
    assert_eq!(
        staff_notes(),
        2,
        "overdue: once more, overlapping runs included"
    );
    let overdue = app
        .staff(
            Method::GET,
            "/api/staff/complaints?filter=overdue",
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    assert_eq!(overdue["complaints"][0]["id"], id);

    // Resolution missed (30 business days: end of 12 January 2027): a holding notice, once.
    assert_eq!(
        status(&app, &complaint).await["resolve_by"],
        "2027-01-13T00:00:00+02:00"
    );
    app.set_time(at(2027, 1, 13, 10));
    for _ in 0..2 {
        sla(&app).await;
    }
    let holding = || app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'complaint_holding'");
    assert_eq!(holding(), 2, "email and SMS, once");
    // Staff record the new timeline: the explanation goes out at once, once.
    let timeline = step(
        &app,
        id,
        "timeline",
        Some(json!({"explanation": "Așteptăm răspunsul poliției.", "until": "2027-02-15"})),
    )
    .await;
    assert_eq!(timeline.status, 200, "{}", timeline.text());
    for _ in 0..2 {
        sla(&app).await;
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'complaint_new_timeline'"),
        2
    );
    assert_eq!(holding(), 2);
    assert_eq!(
        status(&app, &complaint).await["resolve_by"],
        "2027-02-16T00:00:00+02:00"
    );
    let messages_before = app.count("SELECT COUNT(*) FROM outbox");
    sla(&app).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox"),
        messages_before,
        "idempotent"
    );
}

async fn flagged(app: &TestApp, id: i64, flag: &str) -> bool {
    app.staff(
        Method::GET,
        &format!("/api/staff/complaints?filter={flag}"),
        Some(STAFF_TOKEN),
        None,
    )
    .await
    .json()["complaints"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == id)
}

#[tokio::test(flavor = "multi_thread")]
async fn t02_a_critical_technical_ticket_is_overdue_after_24_hours() {
    let app = app();
    let body = json!({"kind": "technical", "severity": "critical", "channel": "phone", "description": "Nu merge plata.", "phone": "0744123456"});
    let (number, id) = filed(&app, &body).await;
    assert_eq!(
        status(&app, &number).await["resolve_by"],
        "2026-11-24T10:00:00+02:00"
    );
    app.set_time(monday_morning() + Duration::hours(23));
    sla(&app).await;
    assert!(flagged(&app, id, "due_soon").await && !flagged(&app, id, "overdue").await);
    app.set_time(monday_morning() + Duration::hours(24) + Duration::minutes(1));
    sla(&app).await;
    assert!(flagged(&app, id, "overdue").await);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM complaint_sla_flags WHERE flag LIKE 'overdue:resolution:1:%'"
        ),
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r16_a_proposal_citing_a_booking_grants_the_exemption() {
    let app = app();
    let number = reservation(&app).await;
    let (_, proposal) = filed(&app, &json!({"kind": "proposal", "reservation_number": number, "description": "Nu am putut anula la timp.", "email": "ion@example.ro"})).await;
    let (_, service) = filed(&app, &service_complaint(&number)).await;
    let refused = step(&app, service, "exemption", None).await;
    assert_eq!(
        (refused.status, refused.error_code()),
        (409, "not_a_booking_proposal".to_owned())
    );
    let granted = step(&app, proposal, "exemption", None).await;
    assert_eq!(granted.status, 201, "{}", granted.text());
    let next = app
        .book(&with(registration(), json!({"slot": "2026-11-26T09:10"})))
        .await;
    assert_eq!(
        next.json()["booking"]["state"],
        "active",
        "the exempted booking stands"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c04_staff_complaint_calls_without_a_valid_token_are_refused_and_change_nothing() {
    let app = app();
    let number = reservation(&app).await;
    let (complaint, id) = filed(&app, &service_complaint(&number)).await;
    for token in [None, Some("wrong")] {
        for (method, path) in [
            (Method::GET, "/api/staff/complaints".to_owned()),
            (Method::GET, format!("/api/staff/complaints/{id}")),
            (
                Method::POST,
                format!("/api/staff/complaints/{id}/acknowledge"),
            ),
            (Method::POST, format!("/api/staff/complaints/{id}/resolve")),
            (
                Method::POST,
                format!("/api/staff/complaints/{id}/exemption"),
            ),
        ] {
            let body = json!({"decision": "x"});
            assert_eq!(
                app.staff(method.clone(), &path, token, Some(body))
                    .await
                    .status,
                401,
                "{method} {path}"
            );
        }
    }
    assert_eq!(status(&app, &complaint).await["state"], "received");
    assert_eq!(app.count("SELECT COUNT(*) FROM complaint_events"), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit"), 0);
    // With the token, staff see the whole complaint, contact included.
    let detail = app
        .staff(
            Method::GET,
            &format!("/api/staff/complaints/{id}"),
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    assert_eq!(detail["complaint"]["email"], "ion@example.ro");
    assert_eq!(detail["events"][0]["kind"], "received");
}

#[tokio::test(flavor = "multi_thread")]
async fn r09_a_cnp_split_over_lines_by_underscores_or_in_full_width_digits_is_refused() {
    let app = app();
    let number = reservation(&app).await;
    let full_width: String = CNP
        .chars()
        .map(|c| char::from_u32(0xFF10 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let disguised = [
        format!("CNP:\n{}\n{}\n{}", &CNP[..1], &CNP[1..7], &CNP[7..]),
        format!("{}\t{}", &CNP[..7], &CNP[7..]),
        format!("{}_{}_{}", &CNP[..1], &CNP[1..7], &CNP[7..]),
        format!("{},{}", &CNP[..6], &CNP[6..]),
        format!("codul {full_width}"),
    ];
    for description in disguised {
        let body = with(
            service_complaint(&number),
            json!({ "description": description }),
        );
        let reply = file(&app, &body).await;
        assert_eq!(
            (reply.status, reply.error_code(), reply.error_field()),
            (
                422,
                "cnp_forbidden".to_owned(),
                Some("description".to_owned())
            ),
            "{description:?}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM complaints"), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn c01_a_key_replayed_with_other_content_gets_nothing_of_the_first_complaint() {
    let app = app();
    let number = reservation(&app).await;
    let post = |body: Value| {
        let app = &app;
        async move {
            app.post_json_keyed("/api/complaints", &body, "shared-key-1")
                .await
        }
    };
    let first = post(service_complaint(&number)).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let complaint = first.json()["complaint_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let other = with(
        service_complaint(&number),
        json!({"description": "Altceva, de la altcineva.", "email": "eva@example.ro"}),
    );
    let guessed = post(other).await;
    assert_eq!(
        (guessed.status, guessed.error_code(), guessed.error_field()),
        (
            422,
            "idempotency_key_reused".to_owned(),
            Some("Idempotency-Key".to_owned())
        )
    );
    assert!(!guessed.text().contains(&complaint), "{}", guessed.text());
    assert_eq!(app.count("SELECT COUNT(*) FROM complaints"), 1);
    let retry = post(service_complaint(&number)).await;
    assert_eq!(
        (retry.status, retry.json()["complaint_number"].as_str()),
        (200, Some(complaint.as_str()))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c05_an_escalation_link_dies_thirty_days_after_the_decision() {
    let app = app_sending();
    let number = reservation(&app).await;
    let (complaint, id) = filed(&app, &service_complaint(&number)).await;
    let resolve = step(&app, id, "resolve", Some(json!({"decision": "Rezolvat."}))).await;
    assert_eq!(resolve.status, 200, "{}", resolve.text());
    app.deliver().await;
    let link = app
        .host()
        .outbound()
        .into_iter()
        .filter(|r| r.url.starts_with(MAIL))
        .filter_map(|r| {
            let text = r.json()["text"].as_str()?.to_owned();
            let start = text.find("https://programari.test/escalate/")?;
            Some(
                text[start..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect::<String>(),
            )
        })
        .next()
        .expect("the decision carries an escalation link");
    let path = link
        .trim_start_matches("https://programari.test")
        .to_owned();
    assert_eq!(
        app.get_html(&path).await.status,
        200,
        "alive the day of the decision"
    );
    app.set_time(monday_morning() + Duration::days(31));
    assert_eq!(app.get_html(&path).await.status, 404);
    let late = app
        .request(http::Request::post(&path).body(vec![]).unwrap())
        .await;
    assert_eq!(late.status, 404, "{}", late.text());
    assert_eq!(
        status(&app, &complaint).await["state"],
        "resolved",
        "nothing reopened"
    );
}

/// Issue 25: a decision email that fails for good keeps no escalation link in its row;
/// staff send it again with a fresh link, and the one that never arrived opens nothing.
#[tokio::test(flavor = "multi_thread")]
async fn c05_a_failed_decision_keeps_no_link_and_is_sent_again_with_a_fresh_one() {
    let tokens = staff_tokens();
    let app = TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("public_base_url", "https://programari.test"),
        ("email_api_url", "https://mail.test/send"),
        ("email_api_origin", MAIL),
        ("delivery_max_attempts", "1"),
    ]);
    let (_, id) = filed(&app, &service_complaint(&reservation(&app).await)).await;
    app.deliver().await;
    let resolve = step(
        &app,
        id,
        "resolve",
        Some(json!({"decision": "Am suplimentat personalul dimineața."})),
    )
    .await;
    assert_eq!(resolve.status, 200, "{}", resolve.text());
    app.host().script_outbound(MAIL, &[500]);
    app.deliver().await;
    let failed = "SELECT COUNT(*) FROM outbox WHERE kind = 'complaint_decision' AND channel = 'email' AND state = 'failed'";
    assert_eq!(app.count(failed), 1);
    let never_arrived = app.link_paths("/escalate/").pop().expect("the failed try");
    let token = never_arrived.trim_start_matches("/escalate/");
    assert_eq!(
        app.count_with(
            "SELECT COUNT(*) FROM outbox WHERE state = 'failed'
             AND (instr(IFNULL(secret, ''), ?1) > 0 OR instr(IFNULL(payload, ''), ?1) > 0)",
            [token]
        ),
        0,
        "the failed message's row holds no link"
    );
    let message = app.count(&failed.replace("COUNT(*)", "id"));
    let retry = app
        .staff(
            Method::POST,
            &format!("/api/staff/outbox/{message}/retry"),
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    assert_eq!(retry.status, 200, "{}", retry.text());
    app.deliver().await;
    let fresh = app.link_paths("/escalate/").pop().unwrap();
    assert_ne!(fresh, never_arrived);
    assert_eq!(app.get_html(&never_arrived).await.status, 404);
    let opened = app.get_html(&fresh).await;
    assert_eq!(opened.status, 200, "{}", opened.text());
}
