//! The pages work without JavaScript: forms post and navigate, the server renders HTML.

use crate::support::*;

fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish().into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn booking_page_and_status_page_are_served_in_romanian_and_english() {
    let app = TestApp::spawn();
    let ro = app.get_html("/").await;
    assert_eq!(ro.status, 200);
    assert!(ro.text().contains("<html lang=\"ro\">") && ro.text().contains("Programare online"));
    let en = app.get_html("/?lang=en").await;
    assert!(en.text().contains("<html lang=\"en\">") && en.text().contains("Book a visit"));
    assert!(!en.text().contains("{{"), "every marker is replaced");
    let status = app.get_html("/status?lang=en").await;
    assert!(
        status
            .text()
            .contains(r#"method="post" action="/api/bookings/lookup""#),
        "the number goes in the body, never the address"
    );
    let css = app.get("/style.css").await;
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    let icon = app.get("/favicon.svg").await;
    assert_eq!(icon.headers["content-type"], "image/svg+xml");
    assert!(icon.text().starts_with("<svg"));
    assert_eq!(app.get_html("/nope").await.status, 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn r02_form_booking_without_javascript_shows_the_number_and_escapes_input() {
    let app = TestApp::spawn();
    let day = app
        .get_html("/api/availability?service=passport&date=2026-11-25&lang=en")
        .await;
    assert_eq!(day.status, 200);
    assert!(
        day.text().contains("value=\"2026-11-25T09:15:00+02:00\""),
        "slots are radio buttons"
    );
    let reply = app
        .post_raw(
            "/api/bookings",
            "application/x-www-form-urlencoded",
            form(&[
                ("service", "passport"),
                ("slot", "2026-11-25T09:15:00+02:00"),
                ("name", "ANA POP"),
                ("phone", "0722 123 456"),
                ("holder", "Ion O'Neil"),
                ("consent", "true"),
                ("lang", "en"),
            ]),
            None,
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    assert!(
        reply.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = reply.text();
    assert!(page.contains("Your reservation number"));
    assert!(
        page.contains("Ana Pop"),
        "the stored, normalised name is shown"
    );
    assert!(page.contains("Ion O&#39;Neil"), "user input is escaped");
    // The language switch: after a post it leads home (a post is not repeated); on a
    // page fetched with GET it leads to the same page in the other language.
    assert!(page.contains(r#"href="/?lang=ro" hreflang="ro""#), "{page}");
    assert!(day.text().contains(
        r#"href="/api/availability?service=passport&amp;date=2026-11-25&amp;lang=ro" hreflang="ro""#
    ));
    let status = app.get_html("/api/bookings?number=nonsense&lang=en").await;
    assert_eq!(status.status, 404);
    assert!(
        status
            .text()
            .contains(r#"href="/api/bookings?number=nonsense&amp;lang=ro""#),
        "an error page fetched with GET too"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn form_errors_come_back_as_an_html_page_with_the_reason() {
    let app = TestApp::spawn();
    let reply = app
        .post_raw(
            "/api/bookings",
            "application/x-www-form-urlencoded",
            form(&[
                ("service", "registration"),
                ("slot", "2026-11-25T09:10"),
                ("name", "<script>alert(1)</script>"),
                ("phone", "0722123456"),
                ("vin", "WVWZZZ1JZXW000001"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    assert_eq!(reply.status, 422);
    let page = reply.text();
    assert!(page.contains("role=\"alert\"") && page.contains("Introduceți numele exact"));
    assert!(!page.contains("<script>"));
    assert_eq!(app.bookings(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r01_the_day_picker_shows_a_month_and_the_confirmation_offers_the_appointment_as_ics() {
    let app = TestApp::spawn();
    let month = app
        .get_html("/api/availability?service=registration&month=2026-12&lang=en")
        .await;
    assert_eq!(month.status, 200);
    let page = month.text();
    assert!(page.contains("December 2026"), "{page}");
    assert!(
        page.contains("Ziua Națională a României"),
        "1 December is closed"
    );
    assert!(
        page.contains("date=2026-12-02"),
        "a day with seats links to its times"
    );
    // A day's times name the day in words and lead back to its month.
    let day = app
        .get_html("/api/availability?service=registration&date=2026-12-02&lang=en")
        .await
        .text();
    assert!(day.contains("Wednesday 2 December 2026"), "{day}");
    assert!(day.contains("service=registration&amp;month=2026-12&amp;lang=en"));
    let bad = app
        .get_html("/api/availability?service=registration&month=december")
        .await;
    assert_eq!(bad.status, 422);
    let number = number_of(&app.book(&registration()).await);
    let ics = app
        .get(&format!("/api/bookings/{number}/calendar.ics"))
        .await;
    assert_eq!(ics.status, 200);
    assert!(
        ics.text().contains("DTEND:20261125T073000Z"),
        "{}",
        ics.text()
    );
    assert!(
        !ics.text().contains("DTSTAMP:20261125T071000Z"),
        "stamped when made, not at the start: {}",
        ics.text()
    );
    let uid = ics
        .text()
        .lines()
        .find(|l| l.starts_with("UID:"))
        .unwrap()
        .to_owned();
    assert!(
        !uid.contains(&number) && !uid.contains(&number[..5]),
        "{uid}"
    );
    assert!(
        ics.text()
            .contains("SUMMARY;LANGUAGE=ro:Programare: Înmatriculări vehicule"),
        "{}",
        ics.text()
    );
    let unknown = app
        .get("/api/bookings/AAAAA-BBBBB-CCCCC-DDDDD/calendar.ics")
        .await;
    assert_eq!(unknown.status, 404);
}
