//! The office's numbers (issue 23): a known week of bookings, check-ins, a walk-in
//! ticket, a no-show and duplicates, read back from the supervisor's page (each number
//! of the rows it touches) and from its CSV export; only supervisors see them.

use crate::staff_session::{StaffSession, location};
use crate::support::*;
use chrono::{NaiveDate, TimeZone, Utc};
use ghiseu_core::office::Office;
use ghiseu_core::staff::accounts::hash_password;
use http::Method;
use serde_json::json;

/// Every weekday 08:30–09:10: registrations (2 counters) have two slots, 08:30 and
/// 08:50, of one online and one walk-in seat; passports two slots of two and two.
const OFFICE: &str = r#"{"services": {"registration": {"counters": 2}},
    "hours": {"mon": [["08:30", "09:10"]], "tue": [["08:30", "09:10"]],
              "wed": [["08:30", "09:10"]], "thu": [["08:30", "09:10"]],
              "fri": [["08:30", "09:10"]]}}"#;
const PASSWORD: &str = "correct horse battery staple";
const WEEK: &str = "from=2026-11-23&to=2026-11-27";

/// Minutes from the moment `day` opened for online booking to Monday 10:00, when the
/// test books (the test host's clock stands still).
fn minutes_to_monday(day: u32) -> i64 {
    let office = Office::from_override_json(Some(OFFICE)).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    (monday_morning() - office.opens_for_booking(day).unwrap()).num_minutes()
}

/// A whole number as a Romanian page writes it: 38.999 (the CSV writes 38999).
fn romanian(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && digits.len() >= 4 && (digits.len() - at).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// The table row whose cells are these, on a page.
fn has_row(page: &str, cells: &[&str]) -> bool {
    let row: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
    page.contains(&format!("<tr>{row}</tr>"))
}

#[tokio::test(flavor = "multi_thread")]
async fn stats_a_known_week_reads_back_on_the_page_and_in_the_csv() {
    let first = format!("maria.boss:{}", hash_password(PASSWORD).unwrap());
    let app = TestApp::spawn_configured(&[
        ("office", OFFICE),
        ("staff_tokens", staff_tokens().as_str()),
        ("first_supervisor", first.as_str()),
    ]);
    // Wednesday's two registration seats, one passport; Thursday a double booking
    // (R06: both cancelled).
    let ana = with(
        registration(),
        json!({"slot": "2026-11-25T08:30", "name": "Ana Pop",
        "phone": "0744000001", "email": null, "vin": "WVWZZZ1JZXW000011"}),
    );
    let dan = with(
        registration(),
        json!({"slot": "2026-11-25T08:50", "name": "Dan Pop",
        "phone": "0744000002", "email": null, "vin": "WVWZZZ1JZXW000012"}),
    );
    let passport = with(passport(), json!({"slot": "2026-11-25T08:30"}));
    let twice = with(
        registration(),
        json!({"slot": "2026-11-26T08:30", "name": "Ion Pop",
        "phone": "0744000003", "email": null, "vin": "WVWZZZ1JZXW000013"}),
    );
    let mut numbers = Vec::new();
    for body in [&ana, &dan, &passport, &twice] {
        let reply = app.book(body).await;
        assert_eq!(reply.status, 201, "{}", reply.text());
        numbers.push(number_of(&reply));
    }
    let again = app
        .book(&with(twice.clone(), json!({"slot": "2026-11-26T08:50"})))
        .await;
    assert_eq!(again.status, 201, "{}", again.text());
    // Wednesday morning: Ana comes, a walk-in ticket is printed, Dan never comes.
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 6, 0, 0).unwrap());
    let checked = app
        .staff(
            Method::POST,
            "/api/staff/check-in",
            Some(STAFF_TOKEN),
            Some(
                json!({"number": numbers[0], "phone": "0744000001", "proof": "WVWZZZ1JZXW000011"}),
            ),
        )
        .await;
    assert_eq!(checked.status, 200, "{}", checked.text());
    let ticket = app
        .staff(
            Method::POST,
            "/api/staff/walk-in",
            Some(STAFF_TOKEN),
            Some(json!({"service": "registration", "slot": "08:50"})),
        )
        .await;
    assert_eq!(ticket.status, 201, "{}", ticket.text());
    app.set_time(Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap());
    let no_show = app
        .staff(
            Method::POST,
            &format!("/api/staff/bookings/{}/no-show", numbers[1]),
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    assert_eq!(no_show.status, 200, "{}", no_show.text());

    let mut boss = StaffSession::logged_in(&app, "maria.boss", PASSWORD).await;
    let page = boss.get(&format!("/staff/stats?{WEEK}")).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let page = page.text();
    // Per day: Wednesday's registrations full online, one of two walk-in seats taken;
    // one passport of four; Thursday's double booking counts for nothing.
    // Days in figures the session's language's way (Romanian: 25.11.2026).
    for row in [
        [
            "25.11.2026",
            "registration",
            "2",
            "2",
            "100",
            "1",
            "2",
            "50",
        ],
        ["25.11.2026", "passport", "1", "4", "25", "0", "4", "0"],
        ["26.11.2026", "registration", "0", "2", "0", "0", "2", "0"],
    ] {
        assert!(has_row(&page, &row), "{row:?} in {page}");
    }
    // Outcomes: four registrations (one came, one didn't, two duplicates), one banned.
    assert!(
        has_row(
            &page,
            &["registration", "4", "1", "1", "0", "2", "0", "0", "50", "1"]
        ),
        "{page}"
    );
    // Fill speed: Wednesday filled when its second seat was booked (Monday 10:00);
    // Thursday too, by the duplicate cancelled since; passports never filled. The
    // page writes the minutes the session's language's way.
    let (wed, thu) = (
        romanian(minutes_to_monday(25)),
        romanian(minutes_to_monday(26)),
    );
    assert!(
        page.contains(&format!(
            "<td>registration</td><td>27.10.2026 08:00</td><td>{wed}</td>"
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "<td>registration</td><td>28.10.2026 08:00</td><td>{thu}</td>"
        )),
        "{page}"
    );
    assert!(
        page.contains("<td>25.11.2026</td><td>passport</td><td>27.10.2026 08:00</td><td></td>")
    );
    // A chart per figure, its table beside it, and nothing personal anywhere.
    assert!(page.matches("<svg").count() >= 3);
    for personal in ["Ana", "Dan", "0744000001", "WVWZZZ1JZXW000011", &numbers[0]] {
        assert!(!page.contains(personal), "{personal} on the page");
    }

    // The CSV of the per-day figure, parsed back, holds the same rows.
    let csv = boss.get(&format!("/staff/stats/bookings.csv?{WEEK}")).await;
    assert_eq!(csv.status, 200, "{}", csv.text());
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("bookings-2026-11-23-2026-11-27.csv")
    );
    let text = csv.text();
    let rows: Vec<Vec<String>> = text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split(',')
                .map(|f| f.trim_matches('"').to_owned())
                .collect()
        })
        .collect();
    assert_eq!(rows[0][0], "Ziua", "the header in the session's language");
    assert!(
        rows.contains(
            &[
                "2026-11-25",
                "registration",
                "2",
                "2",
                "100",
                "1",
                "2",
                "50"
            ]
            .map(str::to_owned)
            .to_vec()
        )
    );
    assert_eq!(
        boss.get(&format!("/staff/stats/nope.csv?{WEEK}"))
            .await
            .status,
        404
    );
    let bad = boss.get("/staff/stats?from=2026-11-27&to=2026-11-23").await;
    assert_eq!(bad.status, 422, "{}", bad.text());

    // In Hungarian: the headings, and days written year first; the CSV's values stay
    // as they are, whoever downloads it.
    let switched = boss
        .submit("/staff/stats", "/staff/language", &[("lang", "hu")])
        .await;
    assert_eq!(switched.status, 303);
    let page = boss.get(&format!("/staff/stats?{WEEK}")).await.text();
    assert!(page.contains(r#"<html lang="hu">"#), "{page}");
    assert!(
        page.contains("Foglalások naponta és szolgáltatásonként"),
        "{page}"
    );
    assert!(
        has_row(
            &page,
            &["2026. 11. 25.", "passport", "1", "4", "25", "0", "4", "0"]
        ),
        "{page}"
    );
    let csv = boss.get(&format!("/staff/stats/bookings.csv?{WEEK}")).await;
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("bookings-2026-11-23-2026-11-27.csv"),
        "the file's name is the same in every language"
    );
    let text = csv.text();
    assert!(
        text.trim_start_matches('\u{feff}')
            .starts_with("\"Nap\",\"Szolgáltatás\","),
        "{text}"
    );
    assert!(text.contains("\"2026-11-25\",\"passport\""), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn stats_only_supervisors_see_the_numbers() {
    let first = format!("maria.boss:{}", hash_password(PASSWORD).unwrap());
    let app = TestApp::spawn_configured(&[("first_supervisor", first.as_str())]);
    let mut stranger = StaffSession::new(&app);
    let page = stranger.get("/staff/stats").await;
    assert_eq!(location(&page), "/staff/login");
    let mut boss = StaffSession::logged_in(&app, "maria.boss", PASSWORD).await;
    let created = boss
        .submit(
            "/staff/accounts",
            "/staff/accounts",
            &[
                ("name", "ion.ghiseu"),
                ("role", "counter"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.text());
    let mut clerk = StaffSession::logged_in(&app, "ion.ghiseu", PASSWORD).await;
    assert_eq!(clerk.get("/staff/stats").await.status, 403);
    assert_eq!(clerk.get("/staff/stats/bookings.csv").await.status, 403);
    let counter = clerk.get("/staff/counter").await;
    assert!(
        !counter.text().contains("/staff/stats"),
        "not in a clerk's menu"
    );
}

/// The public transparency page: per service, the open days and their free seats,
/// when the next day opens, how fast recent days filled; the same for everyone.
#[tokio::test(flavor = "multi_thread")]
async fn stats_the_transparency_page_tells_whether_trying_tomorrow_is_worth_it() {
    let app = TestApp::spawn_configured(&[("office", OFFICE)]);
    // Tuesday 22 December, the newest open day, filled at once (two seats).
    for (n, slot) in ["2026-12-22T08:30", "2026-12-22T08:50"].iter().enumerate() {
        let (name, phone) = booker(n);
        let body = with(
            registration(),
            json!({"slot": slot, "name": name, "phone": phone,
            "email": null, "vin": format!("WVWZZZ1JZXW00002{n}")}),
        );
        let reply = app.book(&body).await;
        assert_eq!(reply.status, 201, "{}", reply.text());
    }
    let page = app.get_html("/transparenta?lang=en").await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert_eq!(page.headers["cache-control"], "public, max-age=60");
    let text = page.text();
    let registration = text
        .split("id=\"s-registration\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a section per service");
    // Open now: every weekday from today (its slots are over at 10:00) to 22
    // December but the holidays; two online seats each, two of them taken.
    let office = Office::from_override_json(Some(OFFICE)).unwrap();
    let desk = office.setup.desk(None, "registration").unwrap();
    let open: Vec<NaiveDate> = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .iter_days()
        .take_while(|d| *d <= NaiveDate::from_ymd_opt(2026, 12, 22).unwrap())
        .filter(|d| desk.slots(&office.closures, *d).is_ok_and(|s| !s.is_empty()))
        .collect();
    let fact = |dt: &str, dd: &str| format!("<dt>{dt}</dt><dd>{dd}</dd>");
    for expected in [
        fact("Days open for booking now", &open.len().to_string()),
        fact("Days with free seats", &(open.len() - 2).to_string()),
        fact("Free online seats", &(2 * (open.len() - 1) - 2).to_string()),
        fact(
            "The next day to open",
            "23/12/2026, opening at 24/11/2026 08:00",
        ),
        fact("Days opened in the last two weeks", "10, fully booked: 1"),
        // Opened on Monday at 08:00, full at 10:00.
        fact("How long they took to fill (median)", "2.0 h"),
        fact("No-shows in the last 30 days", "—"),
    ] {
        assert!(
            registration.contains(&expected),
            "{expected} in {registration}"
        );
    }
    assert!(
        !text.contains("0744") && !text.contains("WVWZZZ"),
        "nothing personal"
    );
    let ro = app.get_html("/transparenta").await;
    assert!(ro.text().contains("Locuri online libere"));
    assert!(
        ro.text()
            .contains("23.12.2026, deschisă la 24.11.2026 08:00")
    );
    assert!(
        ro.text()
            .contains(&fact("Cât a durat ocuparea (mediană)", "2,0 h"))
    );
    // Issue 26: in Hungarian, dates are written year first, decimals with a comma.
    let hu = app.get_html("/transparenta?lang=hu").await;
    assert_eq!(hu.status, 200, "{}", hu.text());
    let hu = hu.text();
    for expected in [
        "<html lang=\"hu\"".to_owned(),
        "Átláthatóság: az időpontfoglalások számokban".to_owned(),
        fact(
            "A következő megnyíló nap",
            "2026. 12. 23., megnyílik: 2026. 11. 24. 08:00",
        ),
        fact(
            "Az elmúlt két hétben megnyitott napok",
            "10, ebből teljesen betelt: 1",
        ),
        fact("Mennyi idő alatt teltek be (medián)", "2,0 óra"),
        "<td>2026. 12. 22.</td>".to_owned(),
    ] {
        assert!(hu.contains(&expected), "{expected} in {hu}");
    }
    let post = app.post_json("/transparenta", &json!({})).await;
    assert_eq!(post.status, 405);
}
