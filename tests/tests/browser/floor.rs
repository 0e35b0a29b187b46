//! Issue 22 in a real browser: a morning on the counter floor at one location.

use crate::desk::{BOSS, PASSWORD, log_in};
use crate::harness::{JS, PHONE_320, Page, run};
use crate::support::*;
use chrono::{DateTime, TimeZone, Utc};
use http::Method;
use serde_json::json;
use std::time::{Duration, Instant};

/// A second clerk, at the counter through the API (a kiosk or another browser).
const EVA: &str = "clerk-eva-c83f20";

fn floor_app() -> TestApp {
    let tokens = format!(
        r#"{{"ana.pop": {{"hash": "{}", "role": "supervisor"}}, "eva.pal": {{"hash": "{}", "role": "counter"}}}}"#,
        hashed(STAFF_TOKEN),
        hashed(EVA)
    );
    let first = format!(
        "{BOSS}:{}",
        ghiseu_core::staff::accounts::hash_password(PASSWORD).unwrap()
    );
    TestApp::spawn_configured(&[
        ("staff_tokens", tokens.as_str()),
        ("first_supervisor", first.as_str()),
        ("public_base_url", "https://programari.test"),
        ("sms_api_url", "https://sink.test/sms"),
        ("sms_api_origin", "https://sink.test"),
    ])
}

/// Monday 23 November 2026 at `h:m` in Bucharest.
fn monday(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h - 2, m, 0).unwrap()
}

async fn eva(page: &Page, step: &str, body: serde_json::Value) -> Reply {
    page.app
        .staff(
            Method::POST,
            &format!("/api/staff/floor/{step}"),
            Some(EVA),
            Some(body),
        )
        .await
}

/// The live ticket's path, from the printed ticket's link.
async fn live_path(page: &Page) -> String {
    let href = page
        .find("figure.qr figcaption a")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    href.strip_prefix("https://programari.test")
        .unwrap()
        .to_owned()
}

/// The text of `css` once it contains `wanted`, and how long that took.
async fn shows(page: &Page, css: &str, wanted: &str) -> Duration {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(6) {
        if page.text(css).await.contains(wanted) {
            return started.elapsed();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never showed {wanted}: {}", page.text(css).await);
}

/// Issue 22, end to end: a booking checked in (asking for the turn-near message) and
/// walk-in tickets printed with their QR codes; two clerks calling at once (one from
/// the keyboard in the browser, one through the API) get two different people; the
/// waiting-room display shows, announces and chimes a new call within seconds; the
/// live ticket follows; each turn-near message is delivered once.
#[tokio::test(flavor = "multi_thread")]
async fn issue22_a_morning_on_the_counter_floor() {
    let app = floor_app();
    let (_, passport) = app.two_bookings_this_morning().await;
    let elena = number_of(&passport);
    app.set_time(monday(10, 40));
    run("floor", app, JS, move |page| async move {
        log_in(&page).await;
        page.open("/staff/counter").await;
        // Two walk-ins for the 10:30 slot, one for 10:45 who wants the message.
        let mut tickets = Vec::new();
        for phone in ["", "", "0744 000 111"] {
            page.find("#f-service")
                .await
                .select_by_value("passport")
                .await
                .unwrap();
            page.fill("#f-walk-phone", phone).await;
            page.click("form[action='/staff/counter/walk-in'] button")
                .await;
            page.find("figure.qr svg").await;
            tickets.push((page.text(".ticket .number").await, live_path(&page).await));
            page.open("/staff/counter").await;
        }
        page.accessible("the counter with the walk-in form").await;
        page.type_into(&[
            ("#f-number", elena.as_str()),
            ("#f-phone", "0733 111 222"),
            ("#f-proof", "Elena Ionescu"),
        ])
        .await;
        page.click("input[name=notify]").await;
        page.click("form[action='/staff/counter/check-in'] button")
            .await;
        page.find("figure.qr svg").await;
        page.accessible("a check-in receipt").await;
        let booked = page.text(".ticket .number").await;
        let elena_live = live_path(&page).await;

        // The clerk's window, from the keyboard.
        page.open("/staff/floor").await;
        page.accessible("choosing a window").await;
        page.keys("1").await; // the window number has the focus
        page.keys(crate::harness::ENTER).await;
        page.arrived("/staff/floor?done=seated").await;
        page.accessible("the clerk's window").await;
        assert_eq!(eva(&page, "window", json!({"window": 2})).await.status, 200);
        // Both call at the same moment: N in the browser, Eva through the API.
        let (_, eva_call) = tokio::join!(page.keys("n"), eva(&page, "call", json!({})));
        page.arrived("/staff/floor?done=call").await;
        assert_eq!(eva_call.status, 200, "{}", eva_call.text());
        let mine = page.text(".calling .code").await;
        let hers = eva_call.json()["call"]["code"].as_str().unwrap().to_owned();
        let first_two = [tickets[0].0.clone(), tickets[1].0.clone()];
        assert_ne!(mine, hers, "never the same person");
        assert!(
            first_two.contains(&mine) && first_two.contains(&hers),
            "{mine} {hers}"
        );
        page.accessible("a call in progress").await;

        // The waiting-room display shows both, and the next call within seconds.
        page.open("/display/main").await;
        assert!(page.text("#calls").await.contains(&mine));
        page.accessible("the waiting-room display").await;
        page.app.set_time(monday(10, 50));
        assert_eq!(eva(&page, "served", json!({})).await.status, 200);
        let next = eva(&page, "call", json!({})).await;
        assert_eq!(next.json()["call"]["code"].as_str().unwrap(), tickets[2].0);
        let took = shows(&page, "#announce", &tickets[2].0).await;
        eprintln!("FLOOR DISPLAY: a new call announced after {took:?}");
        assert!(page.text("#calls tr.latest").await.contains(&tickets[2].0));
        assert_eq!(
            page.script("return document.body.dataset.chimed").await,
            "1"
        );

        // Elena's live ticket: next in line, with an estimate; then called.
        page.open(&format!("{elena_live}?lang=en")).await;
        assert!(page.text("#live").await.contains(&booked));
        assert!(
            page.text("#live").await.contains("You are next."),
            "{}",
            page.text("#live").await
        );
        page.accessible("a live ticket").await;
        page.open("/staff/floor").await;
        page.keys("s").await; // served, from the keyboard
        page.arrived("/staff/floor?done=served").await;
        page.keys("n").await;
        page.arrived("/staff/floor?done=call").await;
        assert_eq!(page.text(".calling .code").await, booked);
        page.open(&format!("{elena_live}?lang=en")).await;
        assert!(page.text("#live").await.contains("Please go to window 1."));

        // Each turn-near message went once: the 10:45 walk-in and Elena.
        for _ in 0..3 {
            page.app.deliver().await;
        }
        let mut to: Vec<String> = page
            .app
            .outbound()
            .iter()
            .filter(|r| r.url.starts_with("https://sink.test/sms"))
            .filter(|r| r.json()["text"].as_str().unwrap_or("").contains("rândul"))
            .map(|r| r.json()["to"].as_str().unwrap().to_owned())
            .collect();
        to.sort();
        assert_eq!(to, vec!["+40733111222", "+40744000111"]);
    })
    .await;
}

/// The live ticket on a 320-pixel phone: it fits, and reads well.
#[tokio::test(flavor = "multi_thread")]
async fn issue22_the_live_ticket_at_320_pixels() {
    let app = floor_app();
    app.set_time(monday(9, 0));
    let ticket = app
        .staff(
            Method::POST,
            "/api/staff/walk-in",
            Some(STAFF_TOKEN),
            Some(json!({"service": "registration"})),
        )
        .await;
    assert_eq!(ticket.status, 201, "{}", ticket.text());
    let live = ticket.json()["live"].as_str().unwrap().to_owned();
    let path = live
        .strip_prefix("https://programari.test")
        .unwrap()
        .to_owned();
    run("live_ticket", app, PHONE_320, move |page| async move {
        for lang in ["ro", "en", "hu"] {
            page.open(&format!("{path}?lang={lang}")).await;
            page.in_language(lang).await;
            page.fits("the live ticket").await;
            page.accessible("the live ticket").await;
        }
        assert!(page.text("#live").await.contains("R-0001"));
    })
    .await;
}
