//! Bad input: each a 4xx with a JSON error code and the field, and nothing written.

use crate::support::*;
use serde_json::json;

/// A valid CNP (the check digit checks out), which must never be stored (R09).
const CNP: &str = "1900101123457";

#[tokio::test(flavor = "multi_thread")]
async fn r09_cnp_in_any_field_is_refused_naming_the_field() {
    let app = TestApp::spawn();
    let cases = [
        ("name", json!(format!("Ion {CNP}"))),
        ("phone", json!(CNP)),
        ("email", json!(format!("{CNP}@example.ro"))),
        ("vin", json!(CNP)),
        ("slot", json!(CNP)),
        ("notes", json!(format!("cnp 1 900101 123457"))),
    ];
    for (field, value) in cases {
        let reply = app
            .book(&with(registration(), json!({ field: value })))
            .await;
        assert_eq!(reply.status, 422, "{field}: {}", reply.text());
        assert_eq!(reply.error_code(), "cnp_forbidden", "{field}");
        assert_eq!(reply.error_field().as_deref(), Some(field));
    }
    let holder = app.book(&with(passport(), json!({"holder": CNP}))).await;
    assert_eq!(holder.error_field().as_deref(), Some("holder"));
    assert_eq!(app.bookings(), 0);
    let anywhere = app.count_with(
        "SELECT COUNT(*) FROM bookings WHERE name || phone || IFNULL(email,'') LIKE ?",
        [format!("%{CNP}%")],
    );
    assert_eq!(anywhere, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r10_r17_fictitious_data_is_refused_with_the_field() {
    let app = TestApp::spawn();
    let cases = [
        (json!({"vin": "WVWZZZ1JZXW00000O"}), "invalid_vin", "vin"),
        (json!({"vin": "SHORTVIN"}), "invalid_vin", "vin"),
        (json!({"vin": null}), "required", "vin"),
        (json!({"phone": "0700000000"}), "invalid_phone", "phone"),
        (json!({"phone": null}), "required", "phone"),
        (json!({"email": "not-an-email"}), "invalid_email", "email"),
        (json!({"name": "R2-D2"}), "invalid_name", "name"),
        (json!({"consent": false}), "consent_required", "consent"),
        (
            json!({"holder": "Ana Pop"}),
            "field_not_for_service",
            "holder",
        ),
        (json!({"service": "visa"}), "unknown_service", "service"),
        (json!({"slot": "2026-11-25T09:11"}), "invalid_slot", "slot"),
        (json!({"slot": "tomorrow"}), "invalid_slot", "slot"),
        (json!({"slot": "2026-11-20T09:10"}), "slot_in_past", "slot"),
        (json!({"slot": "2027-03-01T09:10"}), "slot_too_far", "slot"),
        (json!({"name": "x".repeat(201)}), "too_long", "name"),
        (json!({"vin": ["WVWZZZ1JZXW000001"]}), "invalid_type", "vin"),
        (json!({"phone": 722123456}), "invalid_type", "phone"),
        (json!({"name": true}), "invalid_type", "name"),
        (json!({"consent": 1}), "invalid_type", "consent"),
    ];
    for (change, code, field) in cases {
        let reply = app.book(&with(registration(), change.clone())).await;
        assert_eq!(reply.status, 422, "{change}: {}", reply.text());
        assert_eq!(
            (reply.error_code(), reply.error_field()),
            (code.to_owned(), Some(field.to_owned())),
            "{change}"
        );
        let error = &reply.json()["error"];
        assert!(
            error["message"].as_str().is_some_and(|m| !m.is_empty())
                && error["message_ro"].as_str().is_some_and(|m| !m.is_empty())
        );
    }
    assert_eq!(app.bookings(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_bodies_are_refused_and_write_nothing() {
    let app = TestApp::spawn();
    let malformed = app
        .post_raw(
            "/api/bookings",
            "application/json",
            b"{\"service\": ".to_vec(),
            None,
        )
        .await;
    assert_eq!(
        (malformed.status, malformed.error_code()),
        (400, "malformed_body".to_owned())
    );
    let not_object = app
        .post_raw("/api/bookings", "application/json", b"[1,2]".to_vec(), None)
        .await;
    assert_eq!(not_object.error_code(), "malformed_body");
    let wrong_type = app
        .post_raw(
            "/api/bookings",
            "text/plain",
            registration().to_string().into_bytes(),
            None,
        )
        .await;
    assert_eq!(
        (wrong_type.status, wrong_type.error_code()),
        (415, "unsupported_media_type".to_owned())
    );
    let mut huge = registration();
    huge["name"] = json!("a".repeat(17 * 1024));
    let too_large = app
        .post_raw(
            "/api/bookings",
            "application/json",
            huge.to_string().into_bytes(),
            None,
        )
        .await;
    assert_eq!(
        (too_large.status, too_large.error_code()),
        (413, "payload_too_large".to_owned())
    );
    let not_utf8 = app
        .post_raw(
            "/api/bookings",
            "application/x-www-form-urlencoded",
            vec![0xff, 0xfe, b'='],
            None,
        )
        .await;
    assert_eq!(not_utf8.status, 400);
    assert_eq!(app.bookings(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_methods_and_paths_are_refused() {
    let app = TestApp::spawn();
    let get_create = app
        .request(http::Request::delete("/api/bookings").body(vec![]).unwrap())
        .await;
    assert_eq!(
        (get_create.status, get_create.error_code()),
        (405, "method_not_allowed".to_owned())
    );
    // The document declares GET (`?number=`, as earlier pages asked it) and POST.
    assert_eq!(get_create.headers["allow"], "GET, HEAD, POST");
    let post_services = app.post_json("/api/services", &json!({})).await;
    assert_eq!(post_services.status, 405);
    let nested = app.get("/api/bookings/ABCDE/extra").await;
    assert_eq!(nested.status, 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn availability_refuses_bad_queries() {
    let app = TestApp::spawn();
    let cases = [
        (
            "/api/availability?service=visa&date=2026-11-25",
            "unknown_service",
        ),
        (
            "/api/availability?service=passport&date=25.11.2026",
            "invalid_date",
        ),
        (
            "/api/availability?service=passport&date=2026-11-01",
            "date_out_of_range",
        ),
        (
            "/api/availability?service=passport&date=2027-06-01",
            "date_out_of_range",
        ),
        (
            "/api/availability?service=passport&from=2026-11-25&to=2026-11-24",
            "invalid_range",
        ),
    ];
    for (path, code) in cases {
        let reply = app.get(path).await;
        assert_eq!(
            (reply.status, reply.error_code()),
            (422, code.to_owned()),
            "{path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn services_catalog_is_bilingual() {
    let app = TestApp::spawn();
    let catalog = app.get("/api/services").await.json();
    let services = catalog["services"].as_array().unwrap();
    let codes: Vec<&str> = services
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["passport", "permit", "registration", "provisional"]);
    assert_eq!(services[2]["name"]["ro"], "Înmatriculări vehicule");
    assert_eq!(services[2]["name"]["en"], "Vehicle registrations");
    assert_eq!(services[2]["proof"], "vin");
    assert_eq!(services[0]["proof"], "holder");
}

#[tokio::test(flavor = "multi_thread")]
async fn r11_one_booking_per_request_a_second_person_or_vin_is_refused() {
    let app = TestApp::spawn();
    let two_vins = app
        .book(&with(
            registration(),
            json!({"vin": ["WVWZZZ1JZXW000001", "WVWZZZ1JZXW000002"]}),
        ))
        .await;
    assert_eq!(
        (
            two_vins.status,
            two_vins.error_code(),
            two_vins.error_field()
        ),
        (422, "invalid_type".to_owned(), Some("vin".to_owned()))
    );
    let second_person = app
        .book(&with(passport(), json!({"holder_2": "Dan Radu"})))
        .await;
    assert_eq!(
        (second_person.status, second_person.error_code()),
        (422, "unknown_field".to_owned())
    );
    assert_eq!(app.bookings(), 0, "nothing booked for either");
}

/// A refused booking told in the request's language: `message` in the language the
/// client asks for (`Accept-Language`, or a `lang` in the query or the body, which comes
/// first), `message_ro` in Romanian for clients that read only that, the code and the
/// field unchanged.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_booking_is_told_in_the_request_s_language() {
    const HU: &str =
        "Az alvázszám (VIN) 17 karakterből áll: számjegyek és betűk, az I, O és Q kivételével.";
    const EN: &str = "A VIN has 17 characters: digits and letters except I, O and Q.";
    const RO: &str = "Seria de șasiu are 17 caractere: cifre și litere, fără I, O și Q.";
    let app = TestApp::spawn();
    let refused =
        |path: &'static str, accept_language: Option<&'static str>, body: serde_json::Value| {
            let app = &app;
            async move {
                let mut req = http::Request::post(path).header("content-type", "application/json");
                if let Some(languages) = accept_language {
                    req = req.header("accept-language", languages);
                }
                let reply = app
                    .request(req.body(body.to_string().into_bytes()).unwrap())
                    .await;
                assert_eq!(
                    (reply.status, reply.error_code(), reply.error_field()),
                    (422, "invalid_vin".to_owned(), Some("vin".to_owned())),
                    "{}",
                    reply.text()
                );
                let error = reply.json()["error"].clone();
                (
                    error["message"].as_str().unwrap().to_owned(),
                    error["message_ro"].as_str().unwrap().to_owned(),
                )
            }
        };
    let bad_vin = || with(registration(), json!({"vin": "WVWZZZ1JZXW00000I"}));
    assert_eq!(
        refused("/api/bookings", Some("hu-HU,hu;q=0.9,en;q=0.8"), bad_vin()).await,
        (HU.to_owned(), RO.to_owned())
    );
    assert_eq!(
        refused("/api/bookings?lang=en", None, bad_vin()).await,
        (EN.to_owned(), RO.to_owned())
    );
    // A named language comes before the header; a language the office doesn't speak,
    // or none, is Romanian.
    assert_eq!(
        refused("/api/bookings?lang=en", Some("hu"), bad_vin())
            .await
            .0,
        EN
    );
    let in_body = with(bad_vin(), json!({"lang": "hu"}));
    assert_eq!(refused("/api/bookings", Some("en"), in_body).await.0, HU);
    assert_eq!(
        refused("/api/bookings", Some("de-DE,fr;q=0.5"), bad_vin())
            .await
            .0,
        RO
    );
    assert_eq!(refused("/api/bookings", None, bad_vin()).await.0, RO);
    assert_eq!(app.bookings(), 0);
}
