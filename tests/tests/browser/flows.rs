//! The citizen's flows, each in a real browser. Test names carry the rule ids.

use crate::harness::{ENTER, JS, NO_JS, PHONE_320, Page, SPACE, Setup, run};
use crate::support::*;
use chrono::{TimeZone, Utc};
use http::Method;
use serde_json::json;

/// An app whose messages reach the captured providers and whose links point to
/// `https://programari.test` (the browser opens their paths on the served app).
pub(crate) fn app() -> TestApp {
    app_with(&[])
}

/// `app()` with more variables set.
pub(crate) fn app_with(more: &[(&str, &str)]) -> TestApp {
    let tokens = staff_tokens();
    let mut variables = vec![
        ("staff_tokens", tokens.as_str()),
        ("public_base_url", "https://programari.test"),
        ("email_api_url", "https://sink.test/email"),
        ("email_api_origin", "https://sink.test"),
        ("sms_api_url", "https://sink.test/sms"),
        ("sms_api_origin", "https://sink.test"),
    ];
    variables.extend_from_slice(more);
    TestApp::spawn_configured(&variables)
}

/// Books through the pages: service → month → day → time and form → confirmation.
/// Returns the reservation number shown.
async fn book_through_the_pages(page: &Page, lang: &str, check: bool) -> String {
    page.open(&format!("/?lang={lang}")).await;
    if check {
        page.in_language(lang).await;
        page.accessible("the home page").await;
    }
    page.find("#service")
        .await
        .select_by_value("registration")
        .await
        .unwrap();
    page.click("#day-form button[type=submit]").await;
    page.landed("/api/availability").await;
    // The month view: days with seats link to their times; closed days say why.
    let holiday = page.text("ol.month li.closed:nth-of-type(30)").await;
    assert!(holiday.contains("Sfântul Andrei"), "30 November: {holiday}");
    assert!(
        page.text("ol.month li.closed:nth-of-type(28)")
            .await
            .contains("Weekend")
    );
    if check {
        page.in_language(lang).await;
        page.accessible("the month view").await;
        // A wide window shows a grid under the weekdays' names: each day by its number,
        // the full date kept for screen readers.
        assert_eq!(page.shown_width("ol.month li.free .full-date").await, 1);
        assert!(page.shown_width("ol.month li.free .day-number").await > 5);
        assert!(page.shown_width(".weekdays").await > 300);
    }
    page.click("ol.month a[href*='date=2026-11-25']").await;
    page.landed("/api/availability").await;
    if check {
        page.accessible("a day's times and the booking form").await;
        // The day is named in words, and the citizen can go back to the month.
        assert!(page.text("main h1").await.contains(" 25 "));
        page.click("main a[href*='month=2026-11']").await;
        page.find("ol.month").await;
        page.click("ol.month a[href*='date=2026-11-25']").await;
    }
    page.click("input[name=slot][value^='2026-11-25T09:10']")
        .await;
    page.fill("#f-name", "ION POPESCU").await;
    page.fill("#f-phone", "0722 123 456").await;
    page.fill("#f-email", "ion@example.ro").await;
    page.fill("#f-vin", "WVWZZZ1JZXW000001").await;
    page.click("input[name=consent]").await;
    page.click("main form button[type=submit]").await;
    page.landed("/api/bookings").await;
    let number = page.text("p.number strong").await;
    assert_eq!(number.len(), 23, "a reservation number: {number}");
    // R08: the stored form of the name.
    assert!(page.text("main").await.contains("Ion Popescu"));
    if check {
        page.accessible("the confirmation").await;
    }
    number
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_r02_book_through_the_day_picker_in_romanian_and_english() {
    for lang in ["ro", "en"] {
        run(&format!("book_{lang}"), app(), JS, move |page| async move {
            let number = book_through_the_pages(&page, lang, true).await;
            // The confirmation offers the appointment for a calendar.
            let ics = page.find("a[href$='/calendar.ics']").await;
            let href = ics.attr("href").await.unwrap().unwrap();
            let file = page.app.get(&href).await;
            assert_eq!(file.status, 200);
            assert!(
                file.headers["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/calendar")
            );
            assert!(
                file.text().contains("DTSTART:20261125T071000Z"),
                "{}",
                file.text()
            );
            assert!(file.text().contains(&number));
            // …and its status check.
            page.click("a[href^='/api/bookings/'][href*='lang=']").await;
            assert!(page.text("main").await.contains("I. P."));
            page.accessible("the status page").await;
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_r02_r03_booking_and_status_work_without_javascript() {
    run("no_js", app(), NO_JS, |page| async move {
        let number = book_through_the_pages(&page, "ro", false).await;
        page.open("/status?lang=ro").await;
        page.fill("#number", &number).await;
        page.click("#status-form button[type=submit]").await;
        // Posted: the number is in no address, history entry or log line.
        page.arrived("/api/bookings/lookup").await;
        let shown = page.text("main").await;
        assert!(
            shown.contains("Înmatriculări") && shown.contains("I. P."),
            "{shown}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn r03_the_status_check_is_answered_on_the_same_page_from_the_keyboard() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    run("status_js", app, JS, move |page| async move {
        page.open("/status?lang=en").await;
        page.accessible("the status form").await;
        // With the keyboard alone.
        page.tab_to("#number").await;
        page.keys(&number).await;
        page.keys(ENTER).await;
        let shown = page.text("#status dl").await;
        // In the page's language, from the texts the page carries: the service by name.
        assert!(
            shown.contains("Active")
                && shown.contains("Vehicle registrations")
                && shown.contains("I. P."),
            "{shown}"
        );
        assert_eq!(page.path().await, "/status?lang=en", "no page load");
        page.accessible("the status answer").await;
        page.fill("#number", "AAAAA-BBBBB-CCCCC-DDDDD").await;
        page.click("#status-form button[type=submit]").await;
        page.find("#status p.error[role=alert]").await;
        page.accessible("the status error").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn r17_a_refused_booking_shows_its_error_by_the_field_and_in_a_summary_that_takes_the_focus()
{
    for (lang, setup) in [("ro", JS), ("en", JS), ("ro", NO_JS)] {
        let name = format!("refused_{lang}_{}", setup.javascript);
        run(&name, app(), setup, move |page| async move {
            page.open(&format!(
                "/api/availability?service=registration&date=2026-11-25&lang={lang}"
            ))
            .await;
            page.click("input[name=slot][value^='2026-11-25T09:30']")
                .await;
            page.fill("#f-name", "Ion Popescu").await;
            page.fill("#f-phone", "0700 000 000").await;
            page.fill("#f-vin", "WVWZZZ1JZXW000001").await;
            page.click("input[name=consent]").await;
            page.click("main form button[type=submit]").await;
            page.landed("/api/bookings").await;
            let summary = page.text("#error-summary").await;
            let by_field = page.text("#f-phone-error").await;
            assert!(
                !by_field.is_empty() && summary.contains(&by_field),
                "{summary}"
            );
            let link = page.find("#error-summary a").await;
            assert_eq!(
                link.attr("href").await.unwrap().as_deref(),
                Some("#f-phone")
            );
            assert_eq!(
                page.value("#f-name").await,
                "Ion Popescu",
                "the input is kept"
            );
            assert_eq!(page.value("#f-vin").await, "WVWZZZ1JZXW000001");
            let chosen = page.find("input[name=slot]:checked").await;
            assert!(
                chosen
                    .attr("value")
                    .await
                    .unwrap()
                    .unwrap()
                    .starts_with("2026-11-25T09:30")
            );
            if setup.javascript {
                assert_eq!(page.focused().await, "error-summary");
            }
            page.accessible("the refused booking form").await;
            // Corrected, it goes through.
            page.fill("#f-phone", "0722 123 456").await;
            page.click("main form button[type=submit]").await;
            page.find("p.number strong").await;
            assert_eq!(page.app.count("SELECT COUNT(*) FROM bookings"), 1);
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_a_booking_can_be_made_with_the_keyboard_alone() {
    run("keyboard", app(), JS, |page| async move {
        page.open("/?lang=en").await;
        page.choose_with_keys("#service", "permit").await;
        page.press("#day-form button", ENTER).await;
        page.landed("/api/availability").await;
        page.press("a[href*='date=2026-11-26']", ENTER).await;
        page.landed("/api/availability").await;
        page.press("input[name=slot]", SPACE).await;
        page.type_into(&[("#f-name", "Maria Ionescu"), ("#f-phone", "0744 555 666")])
            .await;
        page.press("input[name=consent]", SPACE).await;
        page.press("main form button[type=submit]", ENTER).await;
        page.landed("/api/bookings").await;
        assert_eq!(page.text("p.number strong").await.len(), 23);
        assert!(page.text("main").await.contains("Driving licences"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn r14_cancel_through_the_reminder_link_the_page_shows_and_only_the_button_cancels() {
    for (lang, setup) in [("ro", JS), ("en", JS), ("ro", NO_JS)] {
        cancel_through_the_link(lang, setup).await;
    }
}

async fn cancel_through_the_link(lang: &'static str, setup: Setup) {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap());
    app.tick("remind").await;
    app.deliver().await;
    let link = app
        .link_paths("/cancel/")
        .pop()
        .expect("a reminder with its link");
    let name = format!("cancel_{lang}_{}", setup.javascript);
    run(&name, app, setup, move |page| async move {
        page.open(&format!("{link}?lang={lang}")).await;
        page.in_language(lang).await;
        assert!(page.text("main").await.contains("09:10"));
        page.accessible("the cancellation page").await;
        // The language switch keeps the citizen on this page, and back again.
        let other = if lang == "ro" { "en" } else { "ro" };
        page.click("header a[hreflang]").await;
        page.landed(&format!("{link}?lang={other}")).await;
        page.in_language(other).await;
        page.click("header a[hreflang]").await;
        page.landed(&format!("{link}?lang={lang}")).await;
        page.in_language(lang).await;
        let state = |page: &Page| {
            let number = number.clone();
            let app = page.app.clone();
            async move {
                app.get(&format!("/api/bookings/{number}")).await.json()["booking"]["state"].clone()
            }
        };
        assert_eq!(
            state(&page).await,
            "active",
            "opening the link cancels nothing"
        );
        // With the keyboard alone.
        page.press("main form button[type=submit]", ENTER).await;
        page.counted("SELECT COUNT(*) FROM bookings WHERE state = 'cancelled'", 1)
            .await;
        assert_eq!(state(&page).await, "cancelled");
        page.find("main p").await;
        page.accessible("the cancelled page").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn r18_a_relocation_is_confirmed_and_another_declined_from_its_link() {
    for (lang, setup) in [("ro", JS), ("en", JS), ("ro", NO_JS)] {
        relocation_through_the_links(lang, setup).await;
    }
}

const ANSWERED: &str = "SELECT COUNT(*) FROM relocations WHERE answer IS NOT NULL";

async fn relocation_through_the_links(lang: &'static str, setup: Setup) {
    let app = app();
    let first = number_of(&app.book(&registration()).await);
    let second = number_of(
        &app.book(&with(
            registration(),
            json!({"slot": "2026-11-25T09:30", "vin": "WVWZZZ1JZXW000005", "phone": "0744123456", "email": "ana@example.ro"}),
        ))
        .await,
    );
    let closed = app
        .staff(
            Method::POST,
            "/api/staff/closures",
            Some(STAFF_TOKEN),
            Some(json!({"service": "registration", "date": "2026-11-25", "from": "09:00", "to": "10:00", "reason": "Ghișeul 2 defect"})),
        )
        .await;
    assert_eq!(closed.status, 201, "{}", closed.text());
    app.deliver().await;
    let links = app.link_paths("/relocation/");
    assert_eq!(links.len(), 2, "{links:?}");
    run(
        &format!("relocation_{lang}_{}", setup.javascript),
        app,
        setup,
        move |page| async move {
            page.open(&format!("{}?lang={lang}", links[0])).await;
            page.in_language(lang).await;
            page.accessible("the relocation page").await;
            // Confirmed with the keyboard alone.
            page.press("input[value=confirm] + button", ENTER).await;
            page.counted(ANSWERED, 1).await;
            page.find("main p").await;
            page.accessible("the confirmed relocation").await;
            page.open(&format!("{}?lang={lang}", links[1])).await;
            // Declined with the keyboard alone (Space presses a button too).
            page.press("input[value=decline] + button", SPACE).await;
            page.counted(ANSWERED, 2).await;
            page.find("main p").await;
            let states: Vec<String> = [&first, &second]
                .iter()
                .map(|n| format!("/api/bookings/{n}"))
                .collect();
            let mut seen = vec![];
            for path in states {
                seen.push(page.app.get(&path).await.json()["booking"]["state"].clone());
            }
            assert!(
                seen.contains(&json!("active")) && seen.contains(&json!("cancelled")),
                "{seen:?}"
            );
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn c01_r20_a_complaint_citing_a_reservation_is_filed_from_the_page() {
    for (lang, setup) in [("ro", JS), ("en", JS), ("ro", NO_JS)] {
        let app = TestApp::spawn_configured(&[]);
        let number = number_of(&app.book(&registration()).await);
        run(
            &format!("complaint_{lang}_{}", setup.javascript),
            app,
            setup,
            move |page| async move {
                // Found from the home page.
                page.open(&format!("/?lang={lang}")).await;
                page.click("nav a[href^='/complaints']").await;
                page.landed("/complaints").await;
                page.in_language(lang).await;
                page.accessible("the complaints form").await;
                // With the keyboard alone.
                page.choose_with_keys("#f-kind", "service").await;
                page.type_into(&[
                    ("#f-description", "Am așteptat o oră la ghișeu."),
                    ("#f-email", "ion@example.ro"),
                ])
                .await;
                // Without the reservation number a service complaint is refused (R20):
                // the form comes back with the input kept and (by the script) the
                // summary focused.
                page.press("main form button[type=submit]", ENTER).await;
                page.landed("/api/complaints").await;
                assert!(page.text("#error-summary").await.len() > 10);
                if setup.javascript {
                    assert_eq!(page.focused().await, "error-summary");
                }
                assert!(page.exists_now("#f-reservation_number-error").await);
                assert_eq!(
                    page.value("#f-description").await,
                    "Am așteptat o oră la ghișeu."
                );
                assert_eq!(page.value("#f-kind").await, "service");
                page.accessible("the refused complaint").await;
                page.tab_to("#f-reservation_number").await;
                page.keys(&number).await;
                page.press("main form button[type=submit]", ENTER).await;
                page.find("main dd strong").await;
                let filed = page.text("main dd strong").await;
                assert_eq!(filed.len(), 23, "the complaint number: {filed}");
                assert_eq!(
                    page.app
                        .count("SELECT COUNT(*) FROM complaints WHERE booking_id IS NOT NULL"),
                    1
                );
                page.accessible("the complaint received page").await;
                // Its status, from the link on that page and by typing the number into
                // the complaints page's lookup with the keyboard alone.
                page.click("form[action='/complaints'] button").await;
                page.arrived("/complaints").await;
                let title = if lang == "ro" {
                    "Starea sesizării"
                } else {
                    "Complaint status"
                };
                assert_eq!(page.text("main h1").await, title);
                let status = page.text("main").await;
                page.accessible("the complaint's status").await;
                page.open(&format!("/complaints?lang={lang}")).await;
                page.tab_to("#f-complaint-number").await;
                page.keys(&filed).await;
                page.keys(ENTER).await;
                page.arrived("/complaints").await;
                page.find("main dl").await;
                assert_eq!(page.text("main").await, status);
            },
        )
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_citizen_page_works_at_320_px_wide() {
    let app = app();
    let number = number_of(&app.book(&registration()).await);
    run("phone_320", app, PHONE_320, move |page| async move {
        for (path, what) in [
            ("/?lang=ro".to_owned(), "home"),
            (
                "/api/availability?service=passport&lang=ro".to_owned(),
                "month view",
            ),
            (
                "/api/availability?service=passport&date=2026-11-25&lang=en".to_owned(),
                "day form",
            ),
            (format!("/api/bookings/{number}?lang=ro"), "status"),
            ("/status?lang=en".to_owned(), "status form"),
            ("/complaints?lang=ro".to_owned(), "complaints"),
            ("/orders?lang=ro".to_owned(), "digital documents"),
            ("/transparenta?lang=ro".to_owned(), "transparency"),
            ("/staff/login".to_owned(), "staff login"),
            ("/nu-exista?lang=ro".to_owned(), "page not found"),
        ] {
            page.open(&path).await;
            page.fits(what).await;
            page.accessible(what).await;
            if what == "month view" {
                // One day per line, each with its full date shown.
                assert!(page.shown_width("ol.month li.free .full-date").await > 100);
                assert_eq!(page.shown_width(".weekdays").await, 0);
            }
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn abuse_the_proof_of_work_is_solved_showing_progress_and_refused_without_javascript() {
    // Hard enough (200,000 to 400,000 hashes) that the solver is seen at work.
    let challenged = || {
        TestApp::spawn_configured(&[
            ("challenge_secret", "browser-test-secret"),
            ("office", r#"{"proof_of_work": {"difficulty": 400000}}"#),
        ])
    };
    for setup in [JS, NO_JS] {
        let name = format!("proof_of_work_{}", setup.javascript);
        run(&name, challenged(), setup, move |page| async move {
            page.open("/api/availability?service=passport&date=2026-11-25&lang=ro")
                .await;
            if setup.javascript {
                // The check runs as the page opens, in a worker; the button waits for it
                // and the bar, named by the announced status, shows how far it got.
                let mut shown_part_done = false;
                for _ in 0..600 {
                    let state = page
                        .script(
                            r#"const bar = document.querySelector("progress.altcha");
                            const name = bar && document.getElementById(bar.getAttribute("aria-labelledby"));
                            return {
                              part: !!bar && bar.value > 0 && bar.value < bar.max,
                              named: !!name && name.getAttribute("aria-live") === "polite" && name.textContent,
                              waiting: document.querySelector("main form button[type=submit]").disabled,
                            };"#,
                        )
                        .await;
                    if state["part"] == true {
                        assert_eq!(state["named"], "Se face verificarea anti-robot…");
                        if !shown_part_done {
                            page.accessible("the form while the anti-bot check runs").await;
                        }
                        shown_part_done = true;
                    }
                    if state["waiting"] == false {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
                assert!(shown_part_done, "the bar showed part of the work done");
                assert!(
                    !page.exists_now("progress.altcha").await,
                    "the bar goes when the check is done"
                );
                assert_eq!(
                    page.text("p[aria-live]").await,
                    "Verificarea anti-robot s-a încheiat."
                );
            }
            page.fill("#f-name", "Ana Pop").await;
            page.fill("#f-phone", "0722 123 456").await;
            page.click("input[name=consent]").await;
            if setup.javascript {
                page.accessible("the form with the anti-bot check").await;
                page.click("main form button[type=submit]").await;
                page.find("p.number strong").await;
                assert_eq!(page.app.count("SELECT COUNT(*) FROM bookings"), 1);
            } else {
                assert!(
                    page.text("main").await.contains("JavaScript"),
                    "the notice says why"
                );
                page.click("main form button[type=submit]").await;
                page.find("#error-summary").await;
                assert_eq!(page.app.count("SELECT COUNT(*) FROM bookings"), 0);
                assert_eq!(page.value("#f-name").await, "Ana Pop");
            }
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn d01_d04_a_digital_document_is_ordered_and_followed_from_the_pages() {
    for lang in ["ro", "en"] {
        run(
            &format!("orders_{lang}"),
            app(),
            JS,
            move |page| async move {
                page.open(&format!("/orders?lang={lang}")).await;
                page.in_language(lang).await;
                page.accessible("the digital documents").await;
                page.click("a[href*='document=vehicle_history']").await;
                page.find("#f-vin").await;
                page.accessible("the order form").await;
                page.fill("#f-name", "Ion Popescu").await;
                page.fill("#f-email", "ion@example.ro").await;
                page.fill("#f-vin", "WVWZZZ1JZXW00000I").await;
                page.click("#f-consent").await;
                page.click("main form button[type=submit]").await;
                page.find("#error-summary a[href='#f-vin']").await;
                assert_eq!(page.focused().await, "error-summary");
                assert_eq!(
                    page.value("#f-email").await,
                    "ion@example.ro",
                    "the input is kept"
                );
                page.accessible("the refused order form").await;
                page.fill("#f-vin", "WVWZZZ1JZXW000001").await;
                page.click("main form button[type=submit]").await;
                let number = page.text("p.number strong").await;
                page.accessible("the placed order").await;
                page.click("a[href^='/orders/']").await;
                page.landed("/orders/").await;
                let status = page.text("main").await;
                assert!(
                    status.contains("I. P.") && !status.contains("Popescu"),
                    "{status}"
                );
                page.accessible("the order's status").await;
                assert!(number.len() >= 23, "{number}");
            },
        )
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_error_page_says_what_went_wrong_in_its_language_and_is_accessible() {
    for lang in ["ro", "en"] {
        run(
            &format!("errors_{lang}"),
            app(),
            JS,
            move |page| async move {
                page.open(&format!("/nu-exista?lang={lang}")).await;
                page.in_language(lang).await;
                page.find("main h1").await;
                page.accessible("the page-not-found page").await;
                for (path, what) in [
                    (
                        "/api/bookings/AAAAA-BBBBB-CCCCC-DDDDD",
                        "an unknown reservation",
                    ),
                    ("/api/availability?service=nope", "an unknown service"),
                    ("/cancel/not-a-real-link", "a spent cancellation link"),
                    ("/relocation/not-a-real-link", "a spent relocation link"),
                    ("/escalate/not-a-real-link", "a spent escalation link"),
                    ("/orders/info/not-a-real-link", "a spent question link"),
                    ("/orders/AAAAA-BBBBB-CCCCC-DDDDD", "an unknown order"),
                    (
                        "/api/complaints/AAAAA-BBBBB-CCCCC-DDDDD",
                        "an unknown complaint",
                    ),
                ] {
                    let join = if path.contains('?') { '&' } else { '?' };
                    page.open(&format!("{path}{join}lang={lang}")).await;
                    page.in_language(lang).await;
                    // What went wrong, under a heading that names it.
                    assert!(page.text("main h1").await.len() > 5, "{what}");
                    let message = page.text("main p").await;
                    assert!(message.len() > 10, "{what}: {message}");
                    page.accessible(what).await;
                }
            },
        )
        .await;
    }
}
