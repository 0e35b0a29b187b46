//! Flows that cross the counter window: the back office in a real browser, and the
//! citizen's side of what clerks do (an order's question and download, a complaint's
//! decision and its escalation link). Test names carry the rule ids.

use crate::flows::app_with;
use crate::harness::{ENTER, JS, PHONE_320, Page, SPACE, run};
use crate::support::*;
use chrono::Duration;
use serde_json::json;

pub(crate) const BOSS: &str = "maria.boss";
pub(crate) const PASSWORD: &str = "correct horse battery staple";
const STRIPE: &str = "https://stripe.test";
const WEBHOOK_SECRET: &str = "whsec_browser_secret";

/// `flows::app()` with a supervisor account and a card payment provider (a scripted
/// fake of Stripe's wire format).
fn desk_app() -> TestApp {
    let first = format!(
        "{BOSS}:{}",
        ghiseu_core::staff::accounts::hash_password(PASSWORD).unwrap()
    );
    app_with(&[
        ("first_supervisor", first.as_str()),
        ("payment_provider", "stripe"),
        ("payment_api_url", STRIPE),
        ("payment_secret_key", "sk_test_browser"),
        ("payment_webhook_secret", WEBHOOK_SECRET),
    ])
}

/// Logs the supervisor in through the login page.
pub(crate) async fn log_in(page: &Page) {
    page.open("/staff/login").await;
    page.fill("#f-name", BOSS).await;
    page.fill("#f-password", PASSWORD).await;
    page.click("main form button[type=submit]").await;
    // The supervisor's first page; "/staff/" alone would match the login page itself
    // before the answer arrives, and the next page opened would race the redirect.
    page.arrived("/staff/counter").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_the_back_office_pages_work_in_a_browser() {
    let app = desk_app();
    app.book(&registration()).await;
    run("back_office", app, JS, move |page| async move {
        page.open("/staff/login").await;
        page.accessible("the login page").await;
        page.fill("#f-name", BOSS).await;
        page.fill("#f-password", "wrong password").await;
        page.click("main form button[type=submit]").await;
        page.find("p.error[role=alert]").await;
        page.accessible("a refused login").await;
        // Logged in with the keyboard alone.
        page.tab_to("#f-password").await;
        page.keys(PASSWORD).await;
        page.keys(ENTER).await;
        page.arrived("/staff/counter").await;
        for lang in ["ro", "en"] {
            if lang == "en" {
                // The language switch keeps the clerk's choice for the session.
                page.click("form[action='/staff/language'] button").await;
                page.arrived("/staff/counter").await;
            }
            for (path, what) in [
                ("/staff/counter?date=2026-11-25", "the day at the counter"),
                ("/staff/complaints", "the complaints desk"),
                ("/staff/orders", "the orders desk"),
                ("/staff/closures", "closures"),
                ("/staff/exemptions", "exemptions"),
                ("/staff/messages", "failed messages"),
                ("/staff/audit", "the audit trail"),
                ("/staff/accounts", "accounts"),
                ("/staff/access", "access requests"),
                (
                    "/staff/stats?from=2026-11-23&to=2026-11-27",
                    "the office's numbers",
                ),
            ] {
                page.open(path).await;
                page.find("main h1").await;
                page.in_language(lang).await;
                page.accessible(what).await;
            }
        }
        // The counter's day shows the booking with a masked name only.
        page.open("/staff/counter?date=2026-11-25").await;
        let day = page.text("main").await;
        assert!(day.contains("I. P.") && !day.contains("Popescu"), "{day}");
        // A page for something that isn't there says so, in the back office's frame.
        page.open("/staff/orders/999").await;
        page.find("p.error[role=alert]").await;
        page.accessible("the back office's error page").await;
        page.click("form[action='/staff/logout'] button").await;
        page.landed("/staff/login").await;
        page.open("/staff/audit").await;
        page.landed("/staff/login").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn r05_r12_r13_r18_the_counter_and_a_closure_work_in_a_browser() {
    let app = desk_app();
    // Two bookings today at 11:00, one on Wednesday.
    let (today, absent) = app.two_bookings_this_morning().await;
    let wednesday = app
        .book(&with(
            registration(),
            json!({"vin": "WVWZZZ1JZXW000005", "name": "Ana Pop", "phone": "0744123456", "email": "ana@example.ro"}),
        ))
        .await;
    assert_eq!(wednesday.status, 201, "{}", wednesday.text());
    app.set_time(monday_morning() + Duration::minutes(30)); // 10:30
    let (number, other) = (number_of(&today), number_of(&absent));
    run("counter", app, JS, move |page| async move {
        log_in(&page).await;
        page.open("/staff/counter").await;
        page.accessible("today at the counter").await;
        // R05: a check-in with the keyboard alone.
        page.type_into(&[
            ("#f-number", number.as_str()),
            ("#f-phone", "0722 123 456"),
            ("#f-proof", "WVWZZZ1JZXW000001"),
        ])
        .await;
        page.keys(ENTER).await;
        page.counted("SELECT COUNT(*) FROM audit WHERE action = 'check_in'", 1)
            .await;
        // Issue 22: the receipt to print, with the live ticket's QR code.
        page.find("figure.qr svg").await;
        page.accessible("a check-in receipt").await;
        // A check-in that doesn't match is refused on the page.
        page.click(".ticket + p a").await;
        page.arrived("/staff/counter?location=main").await;
        page.fill("#f-number", &other).await;
        page.fill("#f-phone", "0799 999 999").await;
        page.click("form[action='/staff/counter/check-in'] button")
            .await;
        page.find("p.error[role=alert]").await;
        page.accessible("a refused check-in").await;

        // R12: once the slot is over, the no-show link asks first; only its button marks.
        // The session stays alive while the clerk works (it ends after 30 idle minutes).
        page.app.set_time(monday_morning() + Duration::minutes(55));
        page.open("/staff/counter").await;
        page.app.set_time(monday_morning() + Duration::minutes(80)); // 11:20
        page.open("/staff/counter").await;
        page.click("a[href$='/no-show']").await;
        page.landed("/staff/counter/bookings/").await;
        page.accessible("the no-show confirmation").await;
        let no_shows = "SELECT COUNT(*) FROM bookings WHERE state = 'no_show'";
        assert_eq!(page.app.count(no_shows), 0, "opening it marks nothing");
        page.press("button.danger", ENTER).await;
        page.counted(no_shows, 1).await;

        // R01: a walk-in ticket, printable.
        page.open("/staff/counter").await;
        page.click("form[action='/staff/counter/walk-in'] button")
            .await;
        let ticket = page.text(".ticket .number").await;
        assert!(ticket.contains("-0001"), "{ticket}");
        page.accessible("a walk-in ticket").await;

        // R18: a closure, previewed, then confirmed; its relocations listed.
        page.open("/staff/closures").await;
        page.find("#f-service")
            .await
            .select_by_value("registration")
            .await
            .unwrap();
        // Date and time inputs take their value in the browser's locale format;
        // setting it is what a picker does.
        page.script(
            "document.getElementById('f-date').value = '2026-11-25';
             document.getElementById('f-from').value = '09:00';
             document.getElementById('f-to').value = '09:59';",
        )
        .await;
        page.fill("#f-reason", "Ghișeul 2 defect").await;
        page.click("form[action='/staff/closures/preview'] button")
            .await;
        page.find("button.danger").await;
        page.accessible("the closure preview").await;
        assert_eq!(page.app.count("SELECT COUNT(*) FROM closed_windows"), 0);
        page.click("button.danger").await;
        page.counted("SELECT COUNT(*) FROM closed_windows", 1).await;
        assert!(page.text("main table").await.contains("A. P."));
        page.accessible("the closure done").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn d01_to_d04_an_order_is_paid_asked_about_answered_and_downloaded_through_the_pages() {
    for lang in ["ro", "en"] {
        run(
            &format!("order_lifecycle_{lang}"),
            desk_app(),
            JS,
            move |page| async move {
                order_lifecycle(page, lang).await;
            },
        )
        .await;
    }
}

async fn order_lifecycle(page: Page, lang: &str) {
    // D01: ordered with the keyboard alone.
    page.open(&format!("/orders?lang={lang}")).await;
    page.press("a[href*='document=vehicle_history']", ENTER)
        .await;
    page.find("#f-vin").await;
    page.type_into(&[
        ("#f-name", "Ion Popescu"),
        ("#f-email", "ion@example.ro"),
        ("#f-vin", "WVWZZZ1JZXW000001"),
    ])
    .await;
    page.press("#f-consent", SPACE).await;
    page.press("main form button[type=submit]", ENTER).await;
    let number = page.text("p.number strong").await;
    let id = page.app.count("SELECT MAX(id) FROM orders");

    // D02: the button sends the browser to the provider's checkout (the test host's fake
    // whose page this machine can't reach); the provider sends it back to the
    // success URL the office gave it.
    page.press("form[action$='/pay'] button", ENTER).await;
    page.left_for("checkout.stripe.test").await;
    let opened = page
        .app
        .outbound()
        .into_iter()
        .find(|r| r.url == format!("{STRIPE}/v1/checkout/sessions"))
        .expect("the checkout was opened at the provider");
    let success = form_urlencoded::parse(&opened.body)
        .find(|(k, _)| k == "success_url")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    let back = success
        .strip_prefix("https://programari.test")
        .unwrap_or_else(|| panic!("the office's own page: {success}"));
    page.open(back).await;
    page.in_language(lang).await;
    page.accessible("back from the checkout").await;
    let paid = checkout_completed("evt_browser", id, 2_500);
    let webhook = http::Request::post("/api/payments/webhook")
        .header("content-type", "application/json")
        .header(
            "stripe-signature",
            stripe_signature(&paid, monday_morning(), WEBHOOK_SECRET),
        )
        .body(paid.into_bytes())
        .unwrap();
    assert_eq!(page.app.request(webhook).await.status, 200);

    // D04: the clerk takes it and asks a question.
    log_in(&page).await;
    page.open("/staff/orders").await;
    page.click(&format!("a[href='/staff/orders/{id}']")).await;
    page.accessible("a paid order at the desk").await;
    page.click("form[action$='/take'] button").await;
    page.counted("SELECT COUNT(*) FROM orders WHERE state = 'processing'", 1)
        .await;
    page.fill("#f-question", "Numărul de înmatriculare?").await;
    page.click("form[action$='/ask'] button").await;
    page.counted(
        "SELECT COUNT(*) FROM orders WHERE state = 'info_requested'",
        1,
    )
    .await;
    page.accessible("an order waiting for an answer").await;

    // The requester answers through the emailed link, with the keyboard alone.
    page.app.deliver().await;
    let info = page
        .app
        .link_paths("/orders/info/")
        .pop()
        .expect("the question's email with its link");
    page.open(&format!("{info}?lang={lang}")).await;
    page.in_language(lang).await;
    assert!(page.text("blockquote").await.contains("înmatriculare"));
    page.accessible("the order's question").await;
    page.tab_to("#f-answer").await;
    page.keys("MS 12 ABC").await;
    page.press("main form button[type=submit]", ENTER).await;
    page.counted("SELECT COUNT(*) FROM orders WHERE state = 'processing'", 1)
        .await;
    page.find("main p").await;
    page.accessible("the answer received").await;

    // The clerk issues the PDF through the file input.
    let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("istoric.pdf");
    std::fs::write(&file, pdf).unwrap();
    page.open(&format!("/staff/orders/{id}")).await;
    page.find("#f-document")
        .await
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    page.click("form[action$='/issue'] button").await;
    page.counted("SELECT COUNT(*) FROM orders WHERE state = 'issued'", 1)
        .await;
    page.app.deliver().await;

    // D03: the order's page offers the download.
    page.open(&format!("/orders/{number}?lang={lang}")).await;
    page.in_language(lang).await;
    let download = page.find("a[download]").await;
    let href = download.attr("href").await.unwrap().unwrap();
    page.accessible("the delivered order").await;
    assert_eq!(page.app.get(&href).await.body.to_vec(), pdf.to_vec());
}

#[tokio::test(flavor = "multi_thread")]
async fn c02_to_c05_a_complaint_is_resolved_at_the_desk_and_escalated_from_its_link() {
    for lang in ["ro", "en"] {
        let app = desk_app();
        let number = number_of(&app.book(&registration()).await);
        let filed = app
            .post_json(
                "/api/complaints",
                &json!({
                    "kind": "service",
                    "reservation_number": number,
                    "description": "Am așteptat 40 de minute peste ora programării.",
                    "email": "ion@example.ro",
                    "lang": lang
                }),
            )
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let id = app.count("SELECT MAX(id) FROM complaints");
        run(
            &format!("complaint_desk_{lang}"),
            app,
            JS,
            move |page| async move {
                log_in(&page).await;
                page.open(&format!("/staff/complaints/{id}")).await;
                page.accessible("a complaint at the desk").await;
                page.click("form[action$='/acknowledge'] button").await;
                let events = |kind: &str| {
                    format!("SELECT COUNT(*) FROM complaint_events WHERE kind = '{kind}'")
                };
                page.counted(&events("acknowledged"), 1).await;
                page.fill("#f-decision", "Suplimentăm personalul dimineața.")
                    .await;
                page.click("form[action$='/resolve'] button").await;
                page.counted(&events("resolved"), 1).await;
                page.accessible("a resolved complaint").await;

                // C05: the decision's email carries the only link that escalates it.
                page.app.deliver().await;
                let link = page
                    .app
                    .link_paths("/escalate/")
                    .pop()
                    .expect("the decision's email with its link");
                page.open(&format!("{link}?lang={lang}")).await;
                page.in_language(lang).await;
                page.accessible("the escalation page").await;
                assert_eq!(
                    page.app.count(&events("escalated")),
                    0,
                    "opening the link escalates nothing"
                );
                page.press("main form button[type=submit]", ENTER).await;
                page.counted(&events("escalated"), 1).await;
                page.find("main p").await;
                page.accessible("the escalated complaint").await;
            },
        )
        .await;
    }
}

/// Issue 23: the office's numbers on a phone: every chart and table readable at 320 px
/// (wide tables scroll inside their own box), axe-core clean.
#[tokio::test(flavor = "multi_thread")]
async fn stats_the_office_s_numbers_read_at_320_px() {
    let app = desk_app();
    app.book(&registration()).await;
    run("stats_320", app, PHONE_320, move |page| async move {
        log_in(&page).await;
        page.open("/staff/stats?from=2026-11-23&to=2026-11-27")
            .await;
        page.find("figure.chart svg").await;
        page.fits("the office's numbers").await;
        page.accessible("the office's numbers").await;
        // A period longer than a year is refused on a page that says why.
        page.open("/staff/stats?from=2025-01-01&to=2026-11-27")
            .await;
        page.find("p.error[role=alert]").await;
        page.accessible("a refused period").await;
    })
    .await;
}

/// Issue 24, end to end: a second location, with other services, counters and hours,
/// is set up from the back office without JavaScript; a citizen picks it and books
/// through the pages; the reminder names its address; a special day closing it moves a
/// later booking with notice after a preview; its counter checks in its own bookings only.
#[tokio::test(flavor = "multi_thread")]
async fn issue24_a_location_set_up_in_the_back_office_is_booked_reminded_moved_and_checked_in_there()
 {
    use crate::harness::NO_JS;
    use chrono::{TimeZone, Utc};
    let app = desk_app();
    run("setup", app, NO_JS, move |page| async move {
        log_in(&page).await;
        page.open("/staff/setup").await;
        page.accessible("the office's setup").await;
        page.fill("#f-location-code", "north").await;
        page.fill("#f-location-name", "Punctul de lucru Nord").await;
        page.click("form[action='/staff/setup/locations'] button").await;
        page.arrived("/staff/setup/locations/north?done=setup_saved").await;
        page.accessible("a location's setup").await;
        page.fill("#f-name-en", "North office").await;
        page.fill("#f-address", "Str. Nordului 1, Oradea").await;
        page.fill("#f-counter-passport", "2").await;
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            page.fill(&format!("#f-hours-{day}"), "08:00-12:00").await;
        }
        page.click("form[action='/staff/setup/locations/north'] > button[type=submit]")
            .await;
        page.arrived("/staff/setup/locations/north?done=setup_saved").await;
        page.find("main [role=status]").await;
        page.open("/staff/setup/services/passport").await;
        page.accessible("a service's setup").await;
        page.fill("#f-bring-ro", "Cartea de identitate").await;
        page.fill("#f-bring-en", "Your identity card").await;
        page.click("main form button[type=submit]").await;
        page.arrived("/staff/setup/services/passport?done=setup_saved").await;

        // The citizen: the service, then the location, the day, the time.
        page.open("/?lang=en").await;
        page.find("#service")
            .await
            .select_by_value("passport")
            .await
            .unwrap();
        page.click("#day-form button[type=submit]").await;
        page.landed("/api/availability").await;
        page.accessible("the choice of locations").await;
        let choice = page.text("main").await;
        assert!(choice.contains("Str. Nordului 1, Oradea") && choice.contains("First day with free seats"));
        page.click("ul.locations a[href*='location=north']").await;
        page.find("ol.month").await;
        assert!(page.text("main .place").await.contains("North office"));
        page.click("ol.month a[href*='date=2026-11-25']").await;
        page.find("input[name=slot]").await;
        let first = page.script("return document.querySelector('input[name=slot]').value").await;
        assert!(first.as_str().unwrap().starts_with("2026-11-25T08:00"), "{first}");
        page.click("input[name=slot][value^='2026-11-25T09:15']").await;
        page.fill("#f-name", "Maria Ionescu").await;
        page.fill("#f-phone", "0733 123 456").await;
        page.fill("#f-email", "maria@example.ro").await;
        page.click("input[name=consent]").await;
        page.click("main form button[type=submit]").await;
        page.landed("/api/bookings").await;
        let number = page.text("p.number strong").await;
        let confirmation = page.text("main").await;
        assert!(
            confirmation.contains("North office, Str. Nordului 1, Oradea")
                && confirmation.contains("Your identity card"),
            "{confirmation}"
        );
        page.accessible("the confirmation at a second location").await;
        // A second booking at north, on Thursday, which the special day below moves.
        let thursday = page
            .app
            .book(&with(
                passport(),
                json!({"location": "north", "slot": "2026-11-26T09:15", "name": "Dan Pop",
                       "phone": "0744123456", "email": "dan@example.ro"}),
            ))
            .await;
        assert_eq!(thursday.status, 201, "{}", thursday.text());

        // The day before, at reminder time: the reminder names north's address.
        page.app.set_time(Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap());
        page.app.tick("remind").await;
        page.app.deliver().await;
        let reminders: Vec<String> = page
            .app
            .outbound()
            .iter()
            .filter_map(|c| c.json()["text"].as_str().map(str::to_owned))
            .filter(|t| t.contains("A reminder of your appointment tomorrow"))
            .collect();
        assert!(
            reminders
                .iter()
                .any(|t| t.contains("Where: North office, Str. Nordului 1, Oradea.")),
            "{reminders:?}"
        );

        // The supervisor closes north on Thursday: previewed, then the booking moves.
        log_in(&page).await;
        page.open("/staff/setup/locations/north").await;
        page.script("document.getElementById('f-special-date').value = '2026-11-26';")
            .await;
        page.fill("#f-special-reason", "Inventar").await;
        page.click("form[action='/staff/setup/locations/north/special-days'] button")
            .await;
        page.find("button[value=move]").await;
        page.accessible("the bookings a change would leave out").await;
        assert!(page.text("main table").await.contains("D. P."));
        assert_eq!(page.app.count("SELECT COUNT(*) FROM relocations"), 0);
        page.click("button[value=move]").await;
        page.arrived("/staff/setup/locations/north?done=setup_moved").await;
        page.counted("SELECT COUNT(*) FROM outbox WHERE kind = 'relocation'", 2)
            .await;
        assert_eq!(
            page.app.count(
                "SELECT COUNT(*) FROM bookings WHERE name = 'Dan Pop' AND state = 'active'
                 AND slot_start NOT LIKE '2026-11-26%' AND location = 'north'"
            ),
            1,
            "moved off the closed day, at north"
        );

        // The counter on the day: the main office refuses it, north checks it in.
        page.app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 6, 40, 0).unwrap());
        log_in(&page).await;
        page.open("/staff/counter?location=main").await;
        let check_in = |page: &Page, number: String| {
            let page = page.clone();
            async move {
                page.type_into(&[
                    ("#f-number", number.as_str()),
                    ("#f-phone", "0733123456"),
                    ("#f-proof", "Maria Ionescu"),
                ])
                .await;
                page.click("form[action='/staff/counter/check-in'] button").await;
            }
        };
        check_in(&page, number.clone()).await;
        page.find("p.error[role=alert]").await;
        page.open("/staff/counter?location=north").await;
        page.accessible("the counter at the second location").await;
        check_in(&page, number).await;
        page.find("figure.qr svg").await;
        page.counted(
            "SELECT COUNT(*) FROM bookings WHERE state = 'attended' AND location = 'north'",
            1,
        )
        .await;
    })
    .await;
}
