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
    assert!(day.contains("service=registration&amp;location=main&amp;month=2026-12&amp;lang=en"));
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

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_speak_hungarian_and_write_its_dates_year_first() {
    let app = TestApp::spawn();
    let home = app.get_html("/?lang=hu").await;
    assert_eq!(home.status, 200);
    let home = home.text();
    assert!(
        home.contains(r#"<html lang="hu">"#) && home.contains("Időpontfoglalás az ügyfélablakhoz"),
        "{home}"
    );
    assert!(home.contains(r#"<option value="passport">Útlevelek</option>"#));
    // The switch offers the two other languages, each link saying its own.
    assert!(home.contains(r#"<a href="/?lang=ro" hreflang="ro" lang="ro">Română</a>"#));
    assert!(home.contains(r#"<a href="/?lang=en" hreflang="en" lang="en">English</a>"#));
    assert!(
        !home.contains("{{") && !home.contains("__"),
        "every marker is filled"
    );
    let month = app
        .get_html("/api/availability?service=registration&month=2026-12&lang=hu")
        .await;
    assert_eq!(month.status, 200);
    let month = month.text();
    assert!(month.contains("<h2>2026. december</h2>"), "{month}");
    assert!(month.contains("Járműnyilvántartásba vétel — válasszon napot"));
    assert!(month.contains("Munkaszüneti nap: Ziua Națională a României"));
    assert!(month.contains("december 2., szerda") && month.contains("szabad hely"));
    assert!(month.contains("date=2026-12-02&#38;lang=hu"), "{month}");
    let day = app
        .get_html("/api/availability?service=registration&date=2026-12-02&lang=hu")
        .await
        .text();
    assert!(day.contains("2026. december 2., szerda"), "{day}");
    assert!(day.contains("Alvázszám (VIN, 17 karakter)") && day.contains("Foglalás</button>"));
    assert!(day.contains(r#"<input type="hidden" name="lang" value="hu">"#));
    // The head names the page in every language.
    assert!(day.contains(
        r#"<link rel="alternate" hreflang="ro" href="/api/availability?service=registration&amp;date=2026-12-02&amp;lang=ro">"#
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn hungarian_survives_the_booking_forms_round_trip() {
    let app = TestApp::spawn();
    let post = |name: &'static str| {
        let app = &app;
        async move {
            app.post_raw(
                "/api/bookings",
                "application/x-www-form-urlencoded",
                form(&[
                    ("service", "registration"),
                    ("slot", "2026-11-25T09:10"),
                    ("name", name),
                    ("phone", "0722123456"),
                    ("vin", "WVWZZZ1JZXW000001"),
                    ("consent", "true"),
                    ("lang", "hu"),
                ]),
                None,
            )
            .await
        }
    };
    // Refused: the form comes back in Hungarian, still asking in Hungarian.
    let refused = post("<script>alert(1)</script>").await;
    assert_eq!(refused.status, 422);
    let page = refused.text();
    assert!(page.contains(r#"<html lang="hu">"#), "{page}");
    assert!(page.contains("Kérjük, ellenőrizze az űrlapot"));
    assert!(page.contains(r#"<input type="hidden" name="lang" value="hu">"#));
    assert!(
        page.contains(r#"value="WVWZZZ1JZXW000001""#),
        "what was typed stays"
    );
    // Accepted: the confirmation is Hungarian, its time year first.
    let booked = post("Ana Pop").await;
    assert_eq!(booked.status, 201, "{}", booked.text());
    let page = booked.text();
    assert!(page.contains(r#"<html lang="hu">"#) && page.contains("Foglalás rögzítve"));
    assert!(page.contains("Az Ön foglalási száma:"));
    assert!(page.contains("<dd>2026. 11. 25. 09:10</dd>"), "{page}");
    assert!(page.contains("<dd>Aktív</dd>"));
    let number = page
        .split(r#"<p class="number"><strong>"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the number is shown");
    assert!(page.contains(&format!("/api/bookings/{number}?lang=hu")));
    let status = app
        .get_html(&format!("/api/bookings/{number}?lang=hu"))
        .await
        .text();
    assert!(status.contains("<h1>A foglalás állapota</h1>"), "{status}");
    assert!(status.contains("<dd>2026. 11. 25.</dd>"));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_citizen_page_has_a_title_and_a_description_in_its_language() {
    let app = TestApp::spawn();
    let number = number_of(&app.book(&registration()).await);
    let status = format!("/api/bookings/{number}");
    let paths = [
        "/",
        "/status",
        "/nope",
        "/api/availability?service=passport&month=2026-11",
        "/api/availability?service=passport&date=2026-11-25",
        status.as_str(),
        "/api/bookings?number=nonsense",
        "/orders",
        "/complaints",
        "/transparenta",
    ];
    for path in paths {
        let mut seen = Vec::new();
        for lang in ["ro", "en", "hu"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            let page = app
                .get_html(&format!("{path}{sep}lang={lang}"))
                .await
                .text();
            let between = |open: &str, close: char| {
                page.split(open)
                    .nth(1)
                    .and_then(|rest| rest.split(close).next())
                    .unwrap_or_default()
                    .to_owned()
            };
            assert!(
                page.contains(&format!(r#"<html lang="{lang}">"#)),
                "{path} in {lang}: {page}"
            );
            let title = between("<title>", '<');
            assert!(
                title.ends_with(" · ghiseu") && title.len() > 12,
                "{path}: {title}"
            );
            let description = between(r#"<meta name="description" content=""#, '"');
            assert!(description.len() > 20, "{path} in {lang}: no description");
            seen.push(description);
        }
        assert!(
            seen[0] != seen[1] && seen[0] != seen[2] && seen[1] != seen[2],
            "{path}: the description in each language: {seen:?}"
        );
    }
}
