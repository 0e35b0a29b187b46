//! Issue 24: the office as data. A supervisor sets up a second location through the
//! staff API; citizens book at either, each with its own counters and hours; the
//! confirmation, the calendar file and the reminder carry the right address; the
//! counter checks in only its own location's bookings; a retired service takes no
//! booking and keeps its old ones; a service without proof books with none.

use crate::support::*;
use chrono::{TimeZone, Utc};
use http::Method;
use serde_json::{Value, json};

const NORTH_ADDRESS: &str = "Str. Nordului 1, Oradea";

fn app() -> TestApp {
    TestApp::spawn_configured(&[
        ("staff_tokens", staff_tokens().as_str()),
        ("email_api_url", "https://mail.test/send"),
        ("email_api_origin", "https://mail.test"),
        ("public_base_url", "https://programari.test"),
    ])
}

async fn current_setup(app: &TestApp) -> (i64, Value) {
    let reply = app
        .staff(Method::GET, "/api/staff/setup", Some(STAFF_TOKEN), None)
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    (body["version"].as_i64().unwrap(), body["setup"].clone())
}

async fn save_setup(app: &TestApp, version: i64, setup: &Value) -> Reply {
    app.staff(
        Method::POST,
        "/api/staff/setup",
        Some(STAFF_TOKEN),
        Some(json!({"version": version, "setup": setup})),
    )
    .await
}

/// The seed plus `north`, giving passports (two counters, mornings) and certificate
/// pick-ups (a service without proof); the main office keeps its four services.
async fn set_up_two_locations(app: &TestApp) -> i64 {
    let (version, mut setup) = current_setup(app).await;
    assert_eq!(version, 1, "a fresh database starts from the seed");
    setup["locations"][0]["address"] = json!("Parcul Traian 5, Oradea");
    setup["services"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "code": "certificate",
            "name": {"ro": "Ridicare certificate", "en": "Certificate pick-up"},
            "proof": "none",
            "slot_minutes": 10,
            "bring": [{"ro": "Buletinul", "en": "Your identity card"}]
        }));
    setup["locations"].as_array_mut().unwrap().push(json!({
        "code": "north",
        "name": {"ro": "Punctul de lucru Nord", "en": "North office"},
        "address": NORTH_ADDRESS,
        "counters": {"passport": 2, "certificate": 2},
        "timetables": [{"from": "2026-01-01", "week": {
            "mon": ["08:00-12:00"], "tue": ["08:00-12:00"], "wed": ["08:00-12:00"],
            "thu": ["08:00-12:00"], "fri": ["08:00-12:00"]}}]
    }));
    let saved = save_setup(app, version, &setup).await;
    assert_eq!(saved.status, 200, "{}", saved.text());
    saved.json()["version"].as_i64().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_locations_book_check_in_and_remind_each_at_its_own_address() {
    let app = app();
    set_up_two_locations(&app).await;

    let services = app.get("/api/services").await.json();
    let passport = services["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "passport")
        .unwrap()
        .clone();
    assert_eq!(
        passport["locations"],
        json!([{"code": "main", "online_seats_per_slot": 2},
               {"code": "north", "online_seats_per_slot": 1}])
    );
    assert_eq!(services["locations"][1]["address"], NORTH_ADDRESS);

    // A service given at two locations needs one named; each has its own hours.
    let unnamed = app
        .get("/api/availability?service=passport&date=2026-11-25")
        .await;
    assert_eq!(
        (
            unnamed.status,
            unnamed.error_code(),
            unnamed.error_field().as_deref()
        ),
        (422, "location_required".to_owned(), Some("location"))
    );
    let day = |location: &'static str| {
        let app = &app;
        async move {
            app.get(&format!(
                "/api/availability?service=passport&location={location}&date=2026-11-25"
            ))
            .await
            .json()
        }
    };
    let north = day("north").await;
    assert_eq!(north["location"], "north");
    assert_eq!(north["day"]["slots"].as_array().unwrap().len(), 16);
    assert_eq!(north["day"]["slots"][0]["time"], "08:00");
    assert_eq!(north["day"]["slots"][0]["online_seats"], 1);
    assert_eq!(day("main").await["day"]["slots"][0]["time"], "08:30");

    // North's one online seat at 09:15 goes to the first booker; the main office's
    // two seats at the same time are untouched by it.
    let at_north = with(passport_booking(), json!({"location": "north"}));
    let booked = app.book(&at_north).await;
    let number = number_of(&booked);
    let confirmation = booked.json();
    assert_eq!(confirmation["booking"]["location"], "north");
    assert_eq!(confirmation["booking"]["address"], NORTH_ADDRESS);
    let second = app
        .book(&with(
            at_north.clone(),
            json!({"name": "Dan Pop", "phone": "0744123456"}),
        ))
        .await;
    assert_eq!(second.error_code(), "slot_full", "north has one online seat");
    let at_main = app
        .book(&with(
            at_north,
            json!({"name": "Dan Pop", "phone": "0744123456", "location": "main"}),
        ))
        .await;
    assert_eq!(at_main.status, 201, "{}", at_main.text());

    let ics = app
        .get(&format!("/api/bookings/{number}/calendar.ics"))
        .await
        .text();
    assert!(
        ics.contains("LOCATION;LANGUAGE=ro:Punctul de lucru Nord\\, Str. Nordului 1\\, Oradea"),
        "{ics}"
    );

    // The reminder the day before names the north office's address.
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap());
    app.host()
        .fire_cron("remind")
        .await
        .expect("cron runs")
        .expect("reminders succeed");
    app.deliver().await;
    let reminders: Vec<Value> = app
        .outbound()
        .iter()
        .map(|c| c.json())
        .filter(|m| {
            m["subject"]
                .as_str()
                .is_some_and(|s| s.starts_with("Reamintire"))
        })
        .collect();
    assert_eq!(reminders.len(), 2, "one per booking with an email");
    let text_of = |name: &str| {
        reminders
            .iter()
            .find(|m| m["text"].as_str().unwrap().contains(name))
            .map(|m| m["text"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert!(text_of("Maria Ionescu").contains(&format!("Locul: Punctul de lucru Nord, {NORTH_ADDRESS}.")));
    assert!(text_of("Dan Pop").contains("Locul: Sediul principal, Parcul Traian 5, Oradea."));

    // At the counter: the main office does not check in north's booking.
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 6, 30, 0).unwrap());
    let check_in = |location: &'static str| {
        let (app, number) = (&app, number.clone());
        async move {
            app.staff(
                Method::POST,
                "/api/staff/check-in",
                Some(STAFF_TOKEN),
                Some(json!({"number": number, "phone": "0733123456",
                            "proof": "Maria Ionescu", "location": location})),
            )
            .await
        }
    };
    let refused = check_in("main").await;
    assert_eq!(
        (refused.status, refused.error_code()),
        (422, "other_location".to_owned())
    );
    assert_eq!(check_in("north").await.status, 200);
    let north_day = app
        .staff(
            Method::GET,
            "/api/staff/day?date=2026-11-25&location=north",
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    let services: Vec<&str> = north_day["day"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["service"].as_str().unwrap())
        .collect();
    assert_eq!(services, ["passport", "certificate"]);
    assert_eq!(
        north_day["day"]["services"][0]["slots"][5]["bookings"][0]["state"],
        "attended"
    );
}

fn passport_booking() -> Value {
    with(
        passport(),
        json!({"email": "maria@example.ro"}),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_without_proof_books_with_none_and_a_retired_one_keeps_its_bookings() {
    let app = app();
    let version = set_up_two_locations(&app).await;
    let certificate = json!({
        "service": "certificate", "slot": "2026-11-25T09:10", "name": "Ion Popescu",
        "phone": "0722123456", "consent": true
    });
    let with_vin = app
        .book(&with(certificate.clone(), json!({"vin": "WVWZZZ1JZXW000001"})))
        .await;
    assert_eq!(
        (with_vin.error_code(), with_vin.error_field().as_deref()),
        ("field_not_for_service".to_owned(), Some("vin"))
    );
    let first = number_of(&app.book(&certificate).await);
    // Two pick-ups by the same booker are not duplicates: no proof, no R06/R07.
    let second = app
        .book(&with(certificate, json!({"slot": "2026-11-25T09:20"})))
        .await;
    assert_eq!(second.status, 201, "{}", second.text());
    assert_eq!(
        app.get(&format!("/api/bookings/{first}")).await.json()["booking"]["state"],
        "active"
    );

    // Retiring passports: no new booking, the standing ones stay as they are.
    let passport_number = number_of(&app.book(&with(passport(), json!({"location": "main"}))).await);
    let (_, mut setup) = current_setup(&app).await;
    setup["services"][0]["retired"] = json!(true);
    let saved = save_setup(&app, version, &setup).await;
    assert_eq!(saved.status, 200, "{}", saved.text());
    let refused = app
        .book(&with(
            passport(),
            json!({"slot": "2026-11-25T10:15", "location": "main"}),
        ))
        .await;
    assert_eq!(
        (refused.status, refused.error_code()),
        (422, "service_retired".to_owned())
    );
    let standing = app.get(&format!("/api/bookings/{passport_number}")).await;
    assert_eq!(standing.json()["booking"]["state"], "active");
    let listed: Vec<Value> = app.get("/api/services").await.json()["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].clone())
        .collect();
    assert!(!listed.contains(&json!("passport")), "{listed:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_setup_change_is_audited_refused_when_stale_or_broken_and_for_supervisors_only() {
    let app = app();
    let version = set_up_two_locations(&app).await;
    let (_, mut setup) = current_setup(&app).await;
    setup["locations"][1]["counters"]["passport"] = json!(4);

    let stale = save_setup(&app, version - 1, &setup).await;
    assert_eq!(
        (stale.status, stale.error_code()),
        (409, "setup_changed_meanwhile".to_owned())
    );
    let mut broken = setup.clone();
    broken["locations"][1]["counters"]["visa"] = json!(1);
    let refused = save_setup(&app, version, &broken).await;
    assert_eq!(
        (refused.status, refused.error_code(), refused.error_field()),
        (
            422,
            "invalid_setup".to_owned(),
            Some("locations[1].counters.visa".to_owned())
        )
    );
    let mistyped = save_setup(&app, version, &json!({"locations": "north"})).await;
    assert_eq!(
        (mistyped.status, mistyped.error_code()),
        (422, "invalid_setup".to_owned())
    );
    assert_eq!(current_setup(&app).await.0, version, "nothing saved");

    let saved = save_setup(&app, version, &setup).await;
    assert_eq!(saved.json()["version"], version + 1);
    let again = save_setup(&app, version, &setup).await;
    assert_eq!(
        (again.status, again.json()["version"].clone()),
        (200, json!(version + 1)),
        "the same change sent again saves nothing twice"
    );
    let audit = app
        .staff(
            Method::GET,
            &format!("/api/staff/audit?subject=setup:{}", version + 1),
            Some(STAFF_TOKEN),
            None,
        )
        .await
        .json();
    let entry = &audit["audit"][0];
    assert_eq!(entry["staff"], "ana.pop");
    assert_eq!(entry["before"], "locations.north.counters.passport=2");
    assert_eq!(entry["after"], "locations.north.counters.passport=4");
    assert_eq!(
        app.get("/api/availability?service=passport&location=north&date=2026-11-25")
            .await
            .json()["day"]["slots"][0]["online_seats"],
        2,
        "in force at once"
    );

    let clerk = TestApp::spawn_configured(&[(
        "staff_tokens",
        format!(
            r#"{{"ion.pop": {{"hash": "{}", "role": "counter"}}}}"#,
            hashed(STAFF_TOKEN)
        )
        .as_str(),
    )]);
    let forbidden = clerk
        .staff(Method::GET, "/api/staff/setup", Some(STAFF_TOKEN), None)
        .await;
    assert_eq!(forbidden.status, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_booking_pages_ask_for_the_location_when_a_service_has_two() {
    let app = app();
    set_up_two_locations(&app).await;
    let page = app
        .get_html("/api/availability?service=passport&lang=en")
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<h1>Passports — choose a location</h1>"), "{html}");
    assert!(
        html.contains(r#"href="/api/availability?service=passport&#38;location=north&#38;lang=en""#),
        "{html}"
    );
    assert!(html.contains(NORTH_ADDRESS));
    assert!(
        html.contains("First day with free seats: Monday 23 November"),
        "each location with its next free day: {html}"
    );
    let month = app
        .get_html("/api/availability?service=passport&location=north&lang=en")
        .await
        .text();
    assert!(month.contains(&format!("North office, {NORTH_ADDRESS}")), "{month}");
    let home = app.get_html("/?lang=en").await.text();
    assert!(
        home.contains(r#"<option value="certificate">Certificate pick-up</option>"#),
        "the home page lists the setup's services: {home}"
    );
    // Or the other way round: the location first, on the home page's form.
    assert!(
        home.contains(r#"<option value="">Any location giving the service</option><option value="main">Main office</option><option value="north">North office</option>"#),
        "{home}"
    );
    let any = app
        .get_html("/api/availability?service=passport&location=&lang=en")
        .await;
    assert!(any.text().contains("choose a location"), "left to the next page");
}

const BOSS_PASSWORD: &str = "correct horse battery staple";

/// The `version` field of a setup page's forms.
fn version_of(page: &Reply) -> String {
    let text = page.text();
    let at = text
        .find(r#"name="version" value=""#)
        .unwrap_or_else(|| panic!("no version field: {text}"));
    let rest = &text[at + r#"name="version" value=""#.len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// A supervisor's form post on a setup page: the page's CSRF token and version.
async fn post_setup(
    boss: &mut crate::staff_session::StaffSession<'_>,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Reply {
    let shown = boss.get(page).await;
    assert_eq!(shown.status, 200, "{page}: {}", shown.text());
    let (csrf, version) = (crate::staff_session::csrf_of(&shown), version_of(&shown));
    let mut all = vec![("csrf", csrf.as_str()), ("version", version.as_str())];
    all.extend_from_slice(fields);
    boss.post(action, &all).await
}

/// North's form: its names, address, two passport counters, and the weekdays' hours
/// from `from` on.
fn north_form<'a>(from: &'a str, weekday_hours: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name_ro", "Punctul de lucru Nord"),
        ("name_en", "North office"),
        ("address", NORTH_ADDRESS),
        ("counter-passport", "2"),
        ("hours_from", from),
        ("hours-mon", weekday_hours),
        ("hours-tue", weekday_hours),
        ("hours-wed", weekday_hours),
        ("hours-thu", weekday_hours),
        ("hours-fri", weekday_hours),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_supervisor_sets_up_a_location_in_the_back_office_and_an_hours_change_moves_its_bookings_with_notice()
 {
    use crate::staff_session::{StaffSession, location};
    let first = format!(
        "maria.boss:{}",
        ghiseu_core::staff::accounts::hash_password(BOSS_PASSWORD).unwrap()
    );
    let app = TestApp::spawn_configured(&[
        ("first_supervisor", first.as_str()),
        ("public_base_url", "https://programari.test"),
    ]);
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let added = post_setup(
        &mut boss,
        "/staff/setup",
        "/staff/setup/locations",
        &[("code", "north"), ("name_ro", "Nord")],
    )
    .await;
    assert_eq!(
        location(&added),
        "/staff/setup/locations/north?done=setup_saved",
        "{}",
        added.text()
    );
    let saved = post_setup(
        &mut boss,
        "/staff/setup/locations/north",
        "/staff/setup/locations/north",
        &north_form("2026-11-23", "08:00-12:00"),
    )
    .await;
    assert_eq!(
        location(&saved),
        "/staff/setup/locations/north?done=setup_saved"
    );
    let page = boss.get("/staff/setup/locations/north").await.text();
    assert!(page.contains(r#"name="hours-wed" maxlength="200" value="08:00-12:00""#), "{page}");
    assert!(page.contains(NORTH_ADDRESS));

    let number = number_of(&app.book(&with(passport(), json!({"location": "north"}))).await);
    // Afternoons from now on: the 09:15 booking would be left outside. Shown first.
    let change = north_form("2026-11-23", "13:00-16:00");
    let preview = post_setup(
        &mut boss,
        "/staff/setup/locations/north",
        "/staff/setup/locations/north",
        &change,
    )
    .await;
    assert_eq!(preview.status, 200, "{}", preview.text());
    let shown = preview.text();
    assert!(shown.contains("1 programare ar rămâne") || shown.contains("O programare ar rămâne"), "{shown}");
    assert!(shown.contains("<td>M. I.</td><td>25.11.2026 09:15</td>"), "masked: {shown}");
    assert!(
        app.get("/api/availability?service=passport&location=north&date=2026-11-25")
            .await
            .json()["day"]["slots"][0]["time"]
            == "08:00",
        "nothing changed by the preview"
    );

    // "Later": the afternoons start the day after the booking; it stays where it is.
    let mut later = change.clone();
    later.push(("decision", "later"));
    let waited = post_setup(
        &mut boss,
        "/staff/setup/locations/north",
        "/staff/setup/locations/north",
        &later,
    )
    .await;
    assert_eq!(location(&waited), "/staff/setup/locations/north?done=setup_saved");
    let first_slot = |date: &'static str| {
        let app = &app;
        async move {
            app.get(&format!(
                "/api/availability?service=passport&location=north&date={date}"
            ))
            .await
            .json()["day"]["slots"][0]["time"]
                .clone()
        }
    };
    assert_eq!(first_slot("2026-11-25").await, "08:00");
    assert_eq!(first_slot("2026-11-26").await, "13:00");

    // A closed Wednesday: nothing to wait for; the booking moves, its booker told (R18).
    let closed = post_setup(
        &mut boss,
        "/staff/setup/locations/north",
        "/staff/setup/locations/north/special-days",
        &[("date", "2026-11-25"), ("reason", "Inventar")],
    )
    .await;
    assert_eq!(closed.status, 200, "previewed first: {}", closed.text());
    assert!(!closed.text().contains(r#"value="later""#), "no hours to start later");
    let moved = post_setup(
        &mut boss,
        "/staff/setup/locations/north",
        "/staff/setup/locations/north/special-days",
        &[("date", "2026-11-25"), ("reason", "Inventar"), ("decision", "move")],
    )
    .await;
    assert_eq!(
        location(&moved),
        "/staff/setup/locations/north?done=setup_moved",
        "{}",
        moved.text()
    );
    let status = app.get(&format!("/api/bookings/{number}")).await.json();
    assert_eq!(status["booking"]["state"], "active");
    assert_eq!(status["booking"]["location"], "north");
    assert_ne!(status["booking"]["date"], "2026-11-25", "moved off the closed day");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE kind = 'relocation'"),
        1,
        "the booker gets the notice with the link to confirm or decline"
    );
    let audit = boss.get("/staff/audit").await.text();
    assert!(audit.contains("setup:5") && audit.contains("relocate"), "{audit}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_tied_to_a_location_works_at_its_counter_only_and_supervisors_everywhere() {
    use crate::staff_session::{StaffSession, location};
    const KIOSK: &str = "north-kiosk-5a1c";
    let first = format!(
        "maria.boss:{}",
        ghiseu_core::staff::accounts::hash_password(BOSS_PASSWORD).unwrap()
    );
    let tokens = format!(
        r#"{{"ana.pop": {{"hash": "{}", "role": "supervisor"}}, "kiosk": {{"hash": "{}", "role": "counter", "location": "north"}}}}"#,
        hashed(STAFF_TOKEN),
        hashed(KIOSK)
    );
    let app = TestApp::spawn_configured(&[
        ("first_supervisor", first.as_str()),
        ("staff_tokens", tokens.as_str()),
        ("public_base_url", "https://programari.test"),
    ]);
    set_up_two_locations(&app).await;
    let at_main = number_of(&app.book(&with(passport(), json!({"location": "main"}))).await);
    let at_north = number_of(
        &app.book(&with(
            passport(),
            json!({"location": "north", "name": "Dan Pop", "phone": "0744123456"}),
        ))
        .await,
    );

    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let created = boss
        .submit(
            "/staff/accounts",
            "/staff/accounts",
            &[
                ("name", "ion.nord"),
                ("role", "counter"),
                ("location", "north"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(location(&created), "/staff/accounts?done=account_created");
    let elsewhere = boss
        .submit(
            "/staff/accounts",
            "/staff/accounts",
            &[
                ("name", "ion.sud"),
                ("role", "counter"),
                ("location", "south"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(elsewhere.status, 422, "no such location");

    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 6, 40, 0).unwrap());
    let mut clerk = StaffSession::logged_in(&app, "ion.nord", "a long enough password").await;
    let day = clerk.get("/staff/counter").await.text();
    assert!(day.contains(r#"<input type="hidden" name="location" value="north">"#), "{day}");
    assert!(!day.contains(r#"value="main""#), "main is not the clerk's to choose: {day}");
    assert_eq!(clerk.get("/staff/counter?location=main").await.status, 403);
    let maria = ("0733123456", "Maria Ionescu");
    assert_eq!(
        check_in(&mut clerk, &at_main, maria, "main").await.status,
        403
    );
    assert_eq!(
        check_in(&mut clerk, &at_main, maria, "north").await.status,
        422,
        "other_location"
    );
    let done = check_in(&mut clerk, &at_north, ("0744123456", "Dan Pop"), "north").await;
    assert_eq!(done.status, 201, "the receipt: {}", done.text());
    assert!(
        done.text().contains(r#"href="/staff/counter?location=north""#),
        "back to the north counter: {}",
        done.text()
    );
    // Issue 22: the clerk sits at a north window only.
    let main_window = clerk
        .submit("/staff/floor", "/staff/floor/sit", &[("window", "1"), ("location", "main")])
        .await;
    assert_eq!(main_window.status, 403);
    let north_window = clerk
        .submit("/staff/floor", "/staff/floor/sit", &[("window", "1"), ("location", "north")])
        .await;
    assert_eq!(location(&north_window), "/staff/floor?done=seated");

    // A token tied to north: the same limits through the API.
    let kiosk = |method: Method, path: &'static str, body: Option<Value>| {
        let app = &app;
        async move { app.staff(method, path, Some(KIOSK), body).await }
    };
    assert_eq!(
        kiosk(Method::GET, "/api/staff/day?location=main", None).await.status,
        403
    );
    let north_day = kiosk(Method::GET, "/api/staff/day", None).await.json();
    assert_eq!(north_day["day"]["location"], "north");
    let refused = kiosk(
        Method::POST,
        "/api/staff/walk-in",
        Some(json!({"service": "passport", "slot": "10:00", "location": "main"})),
    )
    .await;
    assert_eq!(refused.status, 403);
    let ticket = kiosk(
        Method::POST,
        "/api/staff/walk-in",
        Some(json!({"service": "passport", "slot": "10:00"})),
    )
    .await;
    assert_eq!(ticket.status, 201, "{}", ticket.text());
    assert_eq!(ticket.json()["ticket"]["location"], "north");
    // The supervisor's token reaches every location.
    let main_day = app
        .staff(
            Method::GET,
            "/api/staff/day?location=main",
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    assert_eq!(main_day.status, 200);
}

/// A check-in through the counter page's form.
async fn check_in(
    clerk: &mut crate::staff_session::StaffSession<'_>,
    number: &str,
    (phone, proof): (&str, &str),
    location: &str,
) -> Reply {
    clerk
        .submit(
            "/staff/counter",
            "/staff/counter/check-in",
            &[
                ("number", number),
                ("phone", phone),
                ("proof", proof),
                ("location", location),
            ],
        )
        .await
}
