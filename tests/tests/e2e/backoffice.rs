//! The back office under /staff (R19): named accounts with roles, sessions in cookies,
//! CSRF on every form, lockout after failed logins, and every staff task as a page,
//! driven as a browser would (form posts, cookies, redirects) through the test host.

use crate::staff_session::*;
use crate::support::*;
use chrono::Duration;
use ghiseu_core::staff::accounts::hash_password;
use serde_json::json;

const BOSS_PASSWORD: &str = "correct horse battery staple";
const PASSWORD: &str = "a long enough password";

fn app() -> TestApp {
    let first = format!("maria.boss:{}", hash_password(BOSS_PASSWORD).unwrap());
    let tokens = format!(
        r#"{{"ana.pop": {{"hash": "{}", "role": "supervisor"}}, "kiosk": {{"hash": "{}", "role": "counter"}}}}"#,
        hashed(STAFF_TOKEN),
        hashed("kiosk-token-0000")
    );
    TestApp::spawn_configured(&[
        ("first_supervisor", first.as_str()),
        ("staff_tokens", tokens.as_str()),
        ("public_base_url", "https://programari.test"),
    ])
}

/// The supervisor creates an account with this role through the accounts page.
async fn with_account(app: &TestApp, name: &str, role: &str) {
    let mut boss = StaffSession::logged_in(app, "maria.boss", BOSS_PASSWORD).await;
    let reply = boss
        .submit(
            "/staff/accounts",
            "/staff/accounts",
            &[("name", name), ("role", role), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        (reply.status, location(&reply)),
        (303, "/staff/accounts?done=account_created".to_owned()),
        "{}",
        reply.text()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_login_sets_a_strict_session_cookie_and_logout_ends_it_server_side() {
    let app = app();
    let mut browser = StaffSession::new(&app);
    // Without a session, every page sends the browser to the login form.
    for page in ["/staff", "/staff/counter", "/staff/accounts"] {
        let reply = browser.get(page).await;
        assert_eq!(
            (reply.status, location(&reply)),
            (303, "/staff/login".to_owned())
        );
    }
    let reply = browser.login("maria.boss", BOSS_PASSWORD).await;
    assert_eq!((reply.status, location(&reply)), (303, "/staff".to_owned()));
    let cookie = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("__Host-ghiseu_staff="))
        .unwrap();
    // The office is reached over https (`public_base_url`), though this request came
    // to 127.0.0.1 through a proxy: the cookie is Secure and can't be shadowed.
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "; Secure"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    assert_eq!(
        reply.headers["strict-transport-security"],
        "max-age=31536000"
    );
    let token = cookie["__Host-ghiseu_staff=".len()..cookie.find(';').unwrap()].to_owned();
    assert_eq!(
        app.count_with(
            "SELECT COUNT(*) FROM staff_sessions WHERE token_hash = ?",
            [hashed(&token)]
        ),
        1,
        "the session is stored by its hash only"
    );
    assert_eq!(
        app.count_with(
            "SELECT COUNT(*) FROM staff_sessions WHERE token_hash = ?",
            [token.clone()]
        ),
        0
    );
    // The first supervisor was provisioned from the variable, with a slow hash.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM staff_accounts WHERE name = 'maria.boss' AND role = 'supervisor' AND password_hash LIKE '$argon2id$%'"),
        1
    );
    let home = browser.get("/staff").await;
    assert_eq!(
        (home.status, location(&home)),
        (303, "/staff/counter".to_owned())
    );
    let page = browser.get("/staff/counter").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("maria.boss"), "{}", page.text());

    let out = browser.submit("/staff/counter", "/staff/logout", &[]).await;
    assert_eq!(
        (out.status, location(&out)),
        (303, "/staff/login".to_owned())
    );
    // The old cookie, replayed, no longer opens anything.
    let mut replay = StaffSession::new(&app);
    replay.cookies.push(("__Host-ghiseu_staff".into(), token));
    assert_eq!(replay.get("/staff/counter").await.status, 303);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE staff = 'maria.boss' AND action IN ('login', 'logout')"),
        2
    );

    // A live session's token under the plain name is not the session: a cookie set by
    // a plain-http page or a sibling host can't stand in for it.
    let mut again = StaffSession::new(&app);
    again.login("maria.boss", BOSS_PASSWORD).await;
    assert_eq!(again.get("/staff/counter").await.status, 200);
    let live = again.cookies.clone();
    let mut shadow = StaffSession::new(&app);
    shadow.cookies = live
        .into_iter()
        .map(|(name, value)| (name.trim_start_matches("__Host-").to_owned(), value))
        .collect();
    assert_eq!(shadow.get("/staff/counter").await.status, 303);
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_sessions_expire_when_idle_and_after_twelve_hours() {
    let app = app();
    let mut browser = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let start = monday_morning();
    // Used every 25 minutes, the session lives on…
    for step in 1..=4 {
        app.set_time(start + Duration::minutes(25 * step));
        assert_eq!(browser.get("/staff/audit").await.status, 200, "step {step}");
    }
    // …but 31 idle minutes end it.
    app.set_time(start + Duration::minutes(100 + 31));
    assert_eq!(browser.get("/staff/audit").await.status, 303);

    let mut busy = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let login_at = start + Duration::minutes(131);
    let mut t = login_at;
    while t < login_at + Duration::hours(12) - Duration::minutes(20) {
        t += Duration::minutes(20);
        app.set_time(t);
        assert_eq!(busy.get("/staff/audit").await.status, 200);
    }
    app.set_time(login_at + Duration::hours(12) + Duration::minutes(1));
    assert_eq!(
        busy.get("/staff/audit").await.status,
        303,
        "the absolute expiry holds however busy"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_forms_without_the_sessions_csrf_token_are_refused_and_change_nothing() {
    let app = app();
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let accounts = app.count("SELECT COUNT(*) FROM staff_accounts");
    for csrf in [None, Some("WRONGWRONGWRONGWRONGWRONG0")] {
        let mut fields = vec![
            ("name", "eve.x"),
            ("role", "supervisor"),
            ("password", PASSWORD),
        ];
        if let Some(c) = csrf {
            fields.push(("csrf", c));
        }
        let reply = boss.post("/staff/accounts", &fields).await;
        assert_eq!(reply.status, 403, "{csrf:?}: {}", reply.text());
        assert!(reply.text().contains("expired") || reply.text().contains("expirat"));
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_accounts"), accounts);
    // Another session's token is no better.
    let mut other = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let theirs = csrf_of(&other.get("/staff/accounts").await);
    let reply = boss
        .post(
            "/staff/accounts",
            &[
                ("csrf", &theirs),
                ("name", "eve.x"),
                ("role", "counter"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(reply.status, 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_accounts"), accounts);
    // A login form needs its own token too.
    let mut fresh = StaffSession::new(&app);
    let reply = fresh
        .post(
            "/staff/login",
            &[("name", "maria.boss"), ("password", BOSS_PASSWORD)],
        )
        .await;
    assert_eq!(reply.status, 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_sessions"), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_each_role_is_refused_outside_its_tasks_and_the_refusal_changes_nothing() {
    let app = app();
    for (name, role) in [
        ("ion.ghiseu", "counter"),
        ("ioana.sesizari", "complaints"),
        ("dan.comenzi", "orders"),
    ] {
        with_account(&app, name, role).await;
    }
    let pages = [
        ("/staff/counter", "counter"),
        ("/staff/complaints", "complaints"),
        ("/staff/closures", "supervisor"),
        ("/staff/exemptions", "supervisor"),
        ("/staff/messages", "supervisor"),
        ("/staff/audit", "supervisor"),
        ("/staff/accounts", "supervisor"),
        ("/staff/access", "supervisor"),
    ];
    for (name, role) in [
        ("ion.ghiseu", "counter"),
        ("ioana.sesizari", "complaints"),
        ("dan.comenzi", "orders"),
        ("maria.boss", "supervisor"),
    ] {
        let password = if role == "supervisor" {
            BOSS_PASSWORD
        } else {
            PASSWORD
        };
        let mut browser = StaffSession::logged_in(&app, name, password).await;
        let nav = browser.get("/staff/audit").await.text();
        for (page, owner) in pages {
            let allowed = owner == role || role == "supervisor";
            let reply = browser.get(page).await;
            assert_eq!(
                reply.status,
                if allowed { 200 } else { 403 },
                "{name} on {page}: {}",
                reply.text()
            );
            // The navigation offers only what the role may open.
            if !allowed {
                assert!(
                    !reply.text().contains(&format!(r#"href="{page}""#)),
                    "{name}: {page}"
                );
            }
            let _ = &nav;
        }
    }
    // A refused POST changes nothing, even with a valid CSRF token.
    let mut clerk = StaffSession::logged_in(&app, "ion.ghiseu", PASSWORD).await;
    let accounts = app.count("SELECT COUNT(*) FROM staff_accounts");
    let reply = clerk
        .submit(
            "/staff/counter",
            "/staff/accounts",
            &[
                ("name", "sneaky"),
                ("role", "supervisor"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(reply.status, 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_accounts"), accounts);
    let windows = app.count("SELECT COUNT(*) FROM closed_windows");
    let reply = clerk
        .submit(
            "/staff/counter",
            "/staff/closures",
            &[
                ("service", "registration"),
                ("date", "2026-11-24"),
                ("from", "09:00"),
                ("to", "10:00"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(reply.status, 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM closed_windows"), windows);

    // Machine tokens carry roles too: the counter kiosk can't read the audit trail.
    let kiosk = app
        .staff(
            http::Method::GET,
            "/api/staff/audit",
            Some("kiosk-token-0000"),
            None,
        )
        .await;
    assert_eq!(
        (kiosk.status, kiosk.error_code()),
        (403, "forbidden".to_owned())
    );
    let day = app
        .staff(
            http::Method::GET,
            "/api/staff/day",
            Some("kiosk-token-0000"),
            None,
        )
        .await;
    assert_eq!(day.status, 200);
    // A token configured as a bare hash stays a supervisor.
    let old = app
        .staff(
            http::Method::GET,
            "/api/staff/audit",
            Some(STAFF_TOKEN),
            None,
        )
        .await;
    assert_eq!(old.status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_failed_logins_lock_out_per_account_without_telling_which_names_exist() {
    let app = app();
    let mut browser = StaffSession::new(&app);
    let unknown = browser.login("nobody.here", "whatever password").await;
    let wrong = browser.login("maria.boss", "not the password!").await;
    assert_eq!((unknown.status, wrong.status), (401, 401));
    let message = |r: &Reply| {
        let t = r.text();
        let at = t.find(r#"role="alert">"#).unwrap();
        t[at..at + t[at..].find('<').unwrap()].to_owned()
    };
    assert_eq!(
        message(&unknown),
        message(&wrong),
        "the same answer for both"
    );
    // Three failures lock the account: even the right password waits.
    browser.login("maria.boss", "not the password!").await;
    browser.login("maria.boss", "not the password!").await;
    let locked = browser.login("maria.boss", BOSS_PASSWORD).await;
    assert_eq!(locked.status, 429, "{}", locked.text());
    let wait: i64 = locked.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15).contains(&wait), "{wait}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM staff_sessions"),
        0,
        "a locked account opens no session"
    );
    // Each further failure doubles the wait.
    app.set_time(monday_morning() + Duration::seconds(16));
    browser.login("maria.boss", "not the password!").await;
    let longer = browser.login("maria.boss", BOSS_PASSWORD).await;
    assert_eq!(longer.status, 429);
    let wait: i64 = longer.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((16..=30).contains(&wait), "{wait}");
    // Once the wait is over, the right password works and the count starts again.
    app.set_time(monday_morning() + Duration::seconds(50));
    assert_eq!(browser.login("maria.boss", BOSS_PASSWORD).await.status, 303);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM login_throttle WHERE subject LIKE 'pair:%'"),
        1,
        "a success clears its account-and-address count; the unknown name's stays"
    );
    // A disabled account answers like a wrong password.
    with_account(&app, "ion.ghiseu", "counter").await;
    let id = app.count("SELECT id FROM staff_accounts WHERE name = 'ion.ghiseu'");
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let reply = boss
        .submit(
            "/staff/accounts",
            &format!("/staff/accounts/{id}/disable"),
            &[],
        )
        .await;
    assert_eq!(reply.status, 303);
    assert_eq!(
        StaffSession::new(&app)
            .login("ion.ghiseu", PASSWORD)
            .await
            .status,
        401
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_supervisor_manages_accounts_and_every_action_is_audited_by_name() {
    let app = app();
    with_account(&app, "ion.ghiseu", "counter").await;
    let id = app.count("SELECT id FROM staff_accounts WHERE name = 'ion.ghiseu'");
    let mut clerk = StaffSession::logged_in(&app, "ion.ghiseu", PASSWORD).await;
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    // A weak password and a taken name are refused with the field named.
    let weak = boss
        .submit(
            "/staff/accounts",
            "/staff/accounts",
            &[("name", "x.y"), ("role", "counter"), ("password", "short")],
        )
        .await;
    assert_eq!(weak.status, 422);
    let taken = boss
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
    assert_eq!(taken.status, 409);
    // A reset ends the account's sessions and only the new password works.
    let reset = boss
        .submit(
            "/staff/accounts",
            &format!("/staff/accounts/{id}/password"),
            &[("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(reset.status, 303, "{}", reset.text());
    assert_eq!(clerk.get("/staff/counter").await.status, 303);
    assert_eq!(
        StaffSession::new(&app)
            .login("ion.ghiseu", PASSWORD)
            .await
            .status,
        401
    );
    StaffSession::logged_in(&app, "ion.ghiseu", "a brand new passphrase").await;
    // A supervisor can't disable their own account.
    let own = app.count("SELECT id FROM staff_accounts WHERE name = 'maria.boss'");
    let refused = boss
        .submit(
            "/staff/accounts",
            &format!("/staff/accounts/{own}/disable"),
            &[],
        )
        .await;
    assert_eq!(refused.status, 409);
    let audit = boss.get("/staff/audit?staff=maria.boss").await.text();
    for action in ["account_create", "password_reset", "login"] {
        assert!(audit.contains(action), "{action}: {audit}");
    }
    let by_subject = boss
        .get("/staff/audit?subject=account:ion.ghiseu")
        .await
        .text();
    assert!(by_subject.contains("password_reset") && !by_subject.contains("account:maria.boss"));
    let no_hash = app.count("SELECT COUNT(*) FROM audit WHERE detail LIKE '%argon2%'");
    assert_eq!(no_hash, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn r05_r12_r01_the_counter_page_checks_in_marks_no_shows_and_prints_tickets() {
    let app = app();
    let (first, second) = app.two_bookings_this_morning().await;
    app.set_time(monday_morning() + Duration::minutes(30)); // 10:30
    with_account(&app, "ion.ghiseu", "counter").await;
    let mut clerk = StaffSession::logged_in(&app, "ion.ghiseu", PASSWORD).await;
    let page = clerk.get("/staff/counter").await;
    assert!(
        page.text().contains("I. P."),
        "masked names only: {}",
        page.text()
    );
    assert!(
        !page.text().contains("0722"),
        "no phone numbers on the day view"
    );

    let number = number_of(&first);
    let checked = clerk
        .submit(
            "/staff/counter",
            "/staff/counter/check-in",
            &[
                ("number", &number),
                ("phone", "0722 123 456"),
                ("proof", "WVWZZZ1JZXW000001"),
            ],
        )
        .await;
    // Issue 22: the receipt to print, with the live ticket's link and its QR code.
    assert_eq!(checked.status, 201, "{}", checked.text());
    let receipt = checked.text();
    assert!(
        receipt.contains("<svg role=\"img\"") && receipt.contains("/t/"),
        "{receipt}"
    );
    let wrong = clerk
        .submit(
            "/staff/counter",
            "/staff/counter/check-in",
            &[
                ("number", &number_of(&second)),
                ("phone", "0799999999"),
                ("proof", ""),
            ],
        )
        .await;
    assert!(
        wrong.status >= 400 && wrong.status < 500,
        "{}",
        wrong.status
    );
    assert!(wrong.text().contains("role=\"alert\""));

    // No-show, once the slot is over: the link shows a confirmation first; only its
    // POST marks.
    app.set_time(monday_morning() + Duration::minutes(55));
    assert_eq!(clerk.get("/staff/counter").await.status, 200);
    app.set_time(monday_morning() + Duration::minutes(80)); // 11:20
    let day = clerk.get("/staff/counter").await.text();
    assert!(
        !day.contains(r#"name="slot" value="10:00""#)
            && day.contains(r#"name="slot" value="11:30""#),
        "tickets are offered only for slots that have not ended: {day}"
    );
    let id = app.count("SELECT id FROM bookings WHERE name = 'Elena Ionescu'");
    let confirm = clerk
        .get(&format!("/staff/counter/bookings/{id}/no-show"))
        .await;
    assert_eq!(confirm.status, 200);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bookings WHERE state = 'no_show'"),
        0,
        "GET changes nothing"
    );
    let csrf = csrf_of(&confirm);
    let marked = clerk
        .post(
            &format!("/staff/counter/bookings/{id}/no-show"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(marked.status, 303, "{}", marked.text());
    assert_eq!(
        app.count_with(
            "SELECT COUNT(*) FROM bookings WHERE id = ? AND state = 'no_show'",
            [id]
        ),
        1
    );

    let ticket = clerk
        .submit(
            "/staff/counter",
            "/staff/counter/walk-in",
            &[("service", "passport"), ("slot", "11:30")],
        )
        .await;
    assert_eq!(ticket.status, 201, "{}", ticket.text());
    assert!(ticket.text().contains("P-0001"), "{}", ticket.text());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit WHERE staff = 'ion.ghiseu' AND action IN ('check_in', 'no_show', 'walk_in_ticket', 'check_in_refused')"),
        4
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn c02_to_c05_the_complaints_desk_works_through_its_pages() {
    let app = app();
    let booked = app.book(&registration()).await;
    let filed = app
        .post_json(
            "/api/complaints",
            &json!({
                "kind": "service",
                "reservation_number": number_of(&booked),
                "description": "Am așteptat 40 de minute <b>peste</b> ora programării.",
                "email": "ion@example.ro"
            }),
        )
        .await;
    assert_eq!(filed.status, 201, "{}", filed.text());
    let id = app.count("SELECT MAX(id) FROM complaints");
    with_account(&app, "ioana.sesizari", "complaints").await;
    let mut officer = StaffSession::logged_in(&app, "ioana.sesizari", PASSWORD).await;
    let home = officer.get("/staff").await;
    assert_eq!(location(&home), "/staff/complaints");
    let queue = officer.get("/staff/complaints").await;
    assert!(
        queue.text().contains(&format!("/staff/complaints/{id}")),
        "{}",
        queue.text()
    );
    let detail = officer.get(&format!("/staff/complaints/{id}")).await;
    assert!(
        detail.text().contains("&#60;b&#62;peste") && !detail.text().contains("<b>peste"),
        "the complainant's text is escaped: {}",
        detail.text()
    );
    assert!(
        !detail.text().contains("Acordă scutirea"),
        "exemptions are the supervisor's"
    );
    let page = format!("/staff/complaints/{id}");
    for (step, fields) in [
        ("acknowledge", vec![]),
        (
            "progress",
            vec![("text", "Am verificat programul de dimineață.")],
        ),
        (
            "resolve",
            vec![("decision", "Suplimentăm personalul dimineața.")],
        ),
    ] {
        let reply = officer
            .submit(&page, &format!("/staff/complaints/{id}/{step}"), &fields)
            .await;
        assert_eq!(
            (reply.status, location(&reply)),
            (303, format!("/staff/complaints/{id}?done=step")),
            "{step}: {}",
            reply.text()
        );
    }
    let done = officer
        .get(&format!("/staff/complaints/{id}?done=step"))
        .await
        .text();
    assert!(
        done.contains("resolved") && done.contains("ioana.sesizari"),
        "{done}"
    );
    assert_eq!(
        app.count_with(
            "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = ? AND staff = 'ioana.sesizari'",
            [id]
        ),
        3
    );
    // A step out of order is refused on the page as in the API.
    let again = officer
        .submit(&page, &format!("/staff/complaints/{id}/acknowledge"), &[])
        .await;
    assert_eq!(again.status, 409, "{}", again.text());
    let resolved = officer.get("/staff/complaints?filter=all").await.text();
    assert!(resolved.contains(&format!(">{id}</a>")));
}

#[tokio::test(flavor = "multi_thread")]
async fn r18_the_supervisor_previews_a_closure_then_closes_it_from_the_page() {
    let app = app();
    let booked = app.book(&registration()).await;
    assert_eq!(booked.status, 201);
    let start = booked.json()["booking"]["slot_start"]
        .as_str()
        .unwrap()
        .to_owned();
    let date = &start[..10];
    let time = &start[11..16];
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let to = format!("{:02}:59", time[..2].parse::<u32>().unwrap());
    let window = [
        ("service", "registration"),
        ("date", date),
        ("from", time),
        ("to", to.as_str()),
        ("reason", "Defecțiune sistem"),
    ];
    let preview = boss
        .submit("/staff/closures", "/staff/closures/preview", &window)
        .await;
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(preview.text().contains(": 1 "), "{}", preview.text());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM closed_windows"),
        0,
        "a preview changes nothing"
    );
    let csrf = csrf_of(&preview);
    let mut fields = vec![("csrf", csrf.as_str())];
    fields.extend_from_slice(&window);
    let closed = boss.post("/staff/closures", &fields).await;
    assert_eq!(closed.status, 201, "{}", closed.text());
    assert_eq!(app.count("SELECT COUNT(*) FROM closed_windows"), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM relocations"), 1);
    let listed = boss.get("/staff/closures").await.text();
    assert!(
        listed.contains("I. P."),
        "the unconfirmed relocation is listed: {listed}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn r19_every_back_office_page_renders_in_every_language() {
    let app = app();
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let pages = [
        (
            "/staff/counter",
            ["La ghișeu", "At the counter", "Az ablaknál"],
        ),
        (
            "/staff/complaints",
            ["Sesizări", "Complaints desk", "Panaszok"],
        ),
        (
            "/staff/closures",
            [
                "Închideri și mutări",
                "Closures and relocations",
                "Lezárások és áthelyezések",
            ],
        ),
        (
            "/staff/exemptions",
            ["Scutiri", "Exemptions", "Mentességek"],
        ),
        (
            "/staff/messages",
            ["Mesaje eșuate", "Failed messages", "Sikertelen üzenetek"],
        ),
        (
            "/staff/audit",
            ["Jurnal de audit", "Audit trail", "Ellenőrzési napló"],
        ),
        ("/staff/accounts", ["Conturi", "Accounts", "Fiókok"]),
        (
            "/staff/access",
            ["Cereri de acces", "Access requests", "Hozzáférési kérelmek"],
        ),
    ];
    for (at, lang) in ["ro", "en", "hu"].into_iter().enumerate() {
        if lang != "ro" {
            let switched = boss
                .submit("/staff/counter", "/staff/language", &[("lang", lang)])
                .await;
            assert_eq!(switched.status, 303);
        }
        for (page, titles) in pages {
            let reply = boss.get(page).await;
            assert_eq!(reply.status, 200, "{page}");
            let text = reply.text();
            assert!(
                text.contains(&format!("<h1>{}</h1>", titles[at])),
                "{page}: {text}"
            );
            assert!(text.contains(&format!(r#"<html lang="{lang}">"#)));
            assert!(text.contains(r#"<meta name="description" content='"#));
            assert!(text.contains(r#"<meta name="robots" content="noindex">"#));
        }
    }
    let login = StaffSession::new(&app).get("/staff/login?lang=en").await;
    assert!(login.text().contains("Staff login"));
    let login = StaffSession::new(&app).get("/staff/login?lang=hu").await;
    assert!(login.text().contains("Bejelentkezés a személyzet részére"));
}

/// Hungarian is a language of the office (Bihor): a clerk who picks Magyar in the
/// switch sees the counter in it, for the rest of the session.
#[tokio::test(flavor = "multi_thread")]
async fn r19_a_clerk_who_switches_to_magyar_sees_the_counter_in_hungarian() {
    let app = app();
    app.book(&registration()).await;
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let counter = boss.get("/staff/counter").await.text();
    assert!(
        counter
            .contains(r#"<button type="submit" name="lang" value="hu" lang="hu">Magyar</button>"#),
        "{counter}"
    );
    let switched = boss
        .submit("/staff/counter", "/staff/language", &[("lang", "hu")])
        .await;
    assert_eq!(
        (switched.status, location(&switched)),
        (303, "/staff".to_owned())
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM staff_sessions WHERE lang = 'hu'"),
        1,
        "kept with the session"
    );
    let page = boss.get("/staff/counter?date=2026-11-25").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for hungarian in [
        r#"<html lang="hu">"#,
        "<h1>Az ablaknál</h1>",
        ">Ma az ablaknál</a>",
        "Megjelenés az ablaknál",
        "Foglalási szám",
        "Megjelenés rögzítése",
        "Kijelentkezés",
        // The booking on Wednesday, with its marks.
        "I. P.",
        ">Nem jelent meg</a>",
    ] {
        assert!(text.contains(hungarian), "{hungarian} in {text}");
    }
    for romanian in ["Numărul rezervării", "Confirmă prezentarea", "Ieșire"] {
        assert!(!text.contains(romanian), "{romanian} in {text}");
    }
    // The switch now offers the other two languages.
    assert!(text.contains(r#"lang="ro">Română</button>"#), "{text}");
    assert!(text.contains(r#"lang="en">English</button>"#), "{text}");
    let audit = boss.get("/staff/audit").await.text();
    assert!(audit.contains("<h1>Ellenőrzési napló</h1>"), "{audit}");
}

#[tokio::test(flavor = "multi_thread")]
async fn retention_a_supervisor_downloads_an_access_request_export_from_the_page() {
    let app = app();
    app.book(&registration()).await;
    let mut boss = StaffSession::logged_in(&app, "maria.boss", BOSS_PASSWORD).await;
    let page = boss.get("/staff/access").await;
    assert!(
        page.text().contains("10"),
        "the page states the retention times"
    );
    let export = boss
        .submit(
            "/staff/access",
            "/staff/access",
            &[("email", "ION@example.ro")],
        )
        .await;
    assert_eq!(export.status, 200, "{}", export.text());
    assert!(
        export.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"access-request-"),
        "a download"
    );
    assert_eq!(export.json()["bookings"][0]["name"], "Ion Popescu");
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit WHERE action = 'access_request' AND staff = 'maria.boss'"
        ),
        1
    );
    let empty = boss.submit("/staff/access", "/staff/access", &[]).await;
    assert_eq!(empty.status, 422);
    assert!(
        empty
            .text()
            .contains("Indicați un număr de telefon sau o adresă de email."),
        "{}",
        empty.text()
    );
}
