mod failed_links;

use super::*;
use crate::booking::{Admission, NewBooking, book};
use crate::kernel::fields::Fields;
use crate::storage::testing::NativeDb;
use chrono::TimeZone;
use std::cell::RefCell;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn providers() -> Providers {
    Providers {
        email: Some(Provider {
            url: "https://mail.test/send".into(),
            token: "m".into(),
        }),
        sms: Some(Provider {
            url: "https://sms.test/send".into(),
            token: "s".into(),
        }),
        mail_sender: "programari@ghiseu.test".into(),
        public_base_url: "https://ghiseu.test".into(),
        max_attempts: 3,
    }
}

/// Answers each call with the next scripted status (200 once the script runs out).
#[derive(Default)]
struct FakeProvider {
    script: RefCell<Vec<u16>>,
    calls: RefCell<Vec<(String, String, serde_json::Value)>>,
}

impl Transport for FakeProvider {
    fn post_json(&self, url: &str, _token: &str, key: &str, body: &serde_json::Value) -> Sent {
        self.calls
            .borrow_mut()
            .push((url.to_owned(), key.to_owned(), body.clone()));
        let mut script = self.script.borrow_mut();
        Sent::Status(if script.is_empty() {
            200
        } else {
            script.remove(0)
        })
    }
}

fn booked(db: &NativeDb, name: &str, vin: &str) {
    let office = Office::default();
    let fields: Fields = [
        ("service", "registration"),
        ("slot", "2026-11-25T09:10"),
        ("name", name),
        ("phone", "0722123456"),
        ("email", "ion@example.ro"),
        ("vin", vin),
        ("consent", "true"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    book(
        db,
        &NewBooking::parse(&fields, &office, &office.setup, now()).unwrap(),
        Admission::with_key(None),
        now(),
    )
    .unwrap();
}

#[test]
fn r04_confirmation_goes_by_sms_and_email_once() {
    let (db, office, fake) = (
        NativeDb::fresh(),
        Office::default(),
        FakeProvider::default(),
    );
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let report = deliver(&db, &fake, &providers(), &office, now()).unwrap();
    assert_eq!(report.sent, 2);
    assert_eq!(
        deliver(&db, &fake, &providers(), &office, now()).unwrap(),
        Report::default()
    );
    let calls = fake.calls.borrow();
    assert_eq!(calls.len(), 2);
    let email = &calls.iter().find(|c| c.0.contains("mail")).unwrap().2;
    assert_eq!(email["from"], "programari@ghiseu.test");
    assert!(
        email["attachments"][0]["content"]
            .as_str()
            .unwrap()
            .contains("DTSTART:20261125T071000Z")
    );
    let secrets: i64 =
        db.0.query_row(
            "SELECT COUNT(*) FROM outbox WHERE secret IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(secrets, 0, "the number leaves the outbox once sent");
}

#[test]
fn provider_error_is_retried_with_backoff_then_sent_once() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let fake = FakeProvider {
        script: RefCell::new(vec![500, 500]),
        ..Default::default()
    };
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let first = deliver(&db, &fake, &providers(), &office, now()).unwrap();
    assert_eq!((first.retried, first.sent), (2, 0));
    // Not due again before the backoff has passed.
    assert_eq!(
        deliver(
            &db,
            &fake,
            &providers(),
            &office,
            now() + Duration::seconds(30)
        )
        .unwrap(),
        Report::default()
    );
    let second = deliver(&db, &fake, &providers(), &office, now() + backoff(1)).unwrap();
    assert_eq!(second.sent, 2);
    assert_eq!(fake.calls.borrow().len(), 4);
}

#[test]
fn provider_down_for_good_ends_failed_after_max_attempts() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let fake = FakeProvider {
        script: RefCell::new(vec![503; 10]),
        ..Default::default()
    };
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let mut t = now();
    for _ in 0..5 {
        deliver(&db, &fake, &providers(), &office, t).unwrap();
        t += Duration::hours(1);
    }
    let failed = list(&db, "failed").unwrap();
    assert_eq!(failed.len(), 2);
    assert_eq!(failed[0].attempts, 3);
    assert_eq!(
        failed[0].last_error.as_deref(),
        Some("provider answered 503")
    );
    assert_eq!(fake.calls.borrow().len(), 6);
    // A failed confirmation keeps its reservation number (it acts on nothing and can't
    // be issued afresh), so staff can send it again; once retention erased it, not.
    assert!(secrets(&db, "confirmation").iter().all(Option::is_some));
    assert!(retry_failed(&db, failed[1].id, t).unwrap());
    assert_eq!(list(&db, "failed").unwrap().len(), 1);
    db.execute(
        "UPDATE outbox SET secret = NULL WHERE id = ?",
        &[failed[0].id.into()],
    )
    .unwrap();
    let refused = retry_failed(&db, failed[0].id, t).unwrap_err();
    assert_eq!(refused.code(), "confirmation_not_resendable");
    assert_eq!(list(&db, "failed").unwrap().len(), 1, "nothing changed");
}

/// The `secret` of each message of `kind`, by id.
fn secrets(db: &NativeDb, kind: &str) -> Vec<Option<String>> {
    db.execute(
        "SELECT secret FROM outbox WHERE kind = ? ORDER BY id",
        &[kind.into()],
    )
    .unwrap()
    .read(|r| r.opt_text("secret"))
    .unwrap()
}

#[test]
fn r14_a_reminder_that_failed_for_good_loses_its_link_and_is_sent_again_with_a_fresh_one() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    deliver(&db, &FakeProvider::default(), &providers(), &office, now()).unwrap();
    // The day before the appointment (25 November 09:10), after the reminder time.
    let mut t = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let ten = chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    assert_eq!(
        crate::messaging::reminder::queue_due(&db, ten, t).unwrap(),
        1
    );
    let queued = secrets(&db, "reminder");
    let old = queued[1].clone().expect("the email carries the link");
    assert!(cancellation::open(&db, &old, t).unwrap().is_some());

    let down = FakeProvider {
        script: RefCell::new(vec![503; 6]),
        ..Default::default()
    };
    for _ in 0..3 {
        deliver(&db, &down, &providers(), &office, t).unwrap();
        t += Duration::minutes(10);
    }
    assert_eq!(list(&db, "failed").unwrap().len(), 2);
    assert_eq!(
        secrets(&db, "reminder"),
        vec![None, None],
        "a link never delivered is not kept in clear"
    );

    let failed = list(&db, "failed").unwrap();
    let (email, sms) = (failed[0].id, failed[1].id);
    assert!(retry_failed(&db, email, t).unwrap());
    assert!(retry_failed(&db, sms, t).unwrap());
    assert!(
        !retry_failed(&db, email, t).unwrap(),
        "only a failed message can be retried"
    );
    let fresh = secrets(&db, "reminder")[1].clone().unwrap();
    assert_ne!(fresh, old);
    assert!(cancellation::open(&db, &old, t).unwrap().is_none());
    assert!(cancellation::open(&db, &fresh, t).unwrap().is_some());

    let up = FakeProvider::default();
    assert_eq!(deliver(&db, &up, &providers(), &office, t).unwrap().sent, 2);
    let calls = up.calls.borrow();
    let link = format!("https://ghiseu.test/cancel/{fresh}");
    assert!(
        calls
            .iter()
            .any(|(_, _, body)| body["text"].as_str().unwrap_or("").contains(&link)),
        "the email carries the fresh link"
    );
    assert!(
        cancellation::confirm(&db, &fresh, Duration::minutes(30), t).unwrap(),
        "and it cancels"
    );
}

#[test]
fn r18_a_failed_relocation_notice_sent_again_carries_a_fresh_link_and_so_does_its_sibling() {
    let db = NativeDb::fresh();
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let old = crate::kernel::token::LinkToken::generate();
    db.execute(
        "INSERT INTO closed_windows (id, service, starts_at, ends_at, reason, staff, created_at)
         VALUES (1, 'registration', '2026-11-25T07:00:00Z', '2026-11-25T08:00:00Z', 'x', 'sef', '2026-11-23T08:00:00Z')",
        &[],
    )
    .unwrap();
    db.execute(
        "INSERT INTO relocations (id, booking_id, window_id, old_start, new_start, token_hash, created_at)
         VALUES (7, 1, 1, '2026-11-25T07:10:00Z', '2026-11-25T09:10:00Z', ?, '2026-11-23T08:00:00Z')",
        &[old.hash().into()],
    )
    .unwrap();
    queue::relocation_notice(&db, "relocation", 7, 1, old.as_str(), now()).unwrap();
    // The email failed for good (its link erased); the SMS still waits with the old one.
    db.execute(
        "UPDATE outbox SET state = 'failed', secret = NULL WHERE dedupe_key = 'relocation:email:7'",
        &[],
    )
    .unwrap();
    let email = list(&db, "failed").unwrap()[0].id;
    assert!(retry_failed(&db, email, now()).unwrap());
    let held = secrets(&db, "relocation");
    let fresh = held[0].clone().unwrap();
    assert_ne!(fresh, old.as_str());
    assert_eq!(held, vec![Some(fresh.clone()), Some(fresh.clone())]);
    assert!(
        relocation::open(&db, old.as_str(), now())
            .unwrap()
            .is_none()
    );
    assert!(relocation::open(&db, &fresh, now()).unwrap().is_some());
}

#[test]
fn without_providers_messages_stay_pending() {
    let (db, office, fake) = (
        NativeDb::fresh(),
        Office::default(),
        FakeProvider::default(),
    );
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let none = Providers {
        email: None,
        sms: None,
        ..providers()
    };
    assert_eq!(
        deliver(&db, &fake, &none, &office, now()).unwrap(),
        Report::default()
    );
    assert_eq!(list(&db, "pending").unwrap().len(), 2);
}

/// A run that starts while another is still sending finds nothing of the first's to send.
struct Overlapping<'a> {
    db: &'a NativeDb,
    inner: FakeProvider,
}

impl Transport for Overlapping<'_> {
    fn post_json(&self, url: &str, token: &str, key: &str, body: &serde_json::Value) -> Sent {
        if self.inner.calls.borrow().is_empty() {
            let nested = deliver(
                self.db,
                &self.inner,
                &providers(),
                &Office::default(),
                now(),
            )
            .unwrap();
            assert_eq!(
                nested.sent, 0,
                "rows claimed by the running delivery are not sent again"
            );
        }
        self.inner.post_json(url, token, key, body)
    }
}

#[test]
fn overlapping_runs_send_nothing_twice() {
    let db = NativeDb::fresh();
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let overlapping = Overlapping {
        db: &db,
        inner: FakeProvider::default(),
    };
    deliver(&db, &overlapping, &providers(), &Office::default(), now()).unwrap();
    assert_eq!(overlapping.inner.calls.borrow().len(), 2);
}

#[test]
fn r06_duplicate_cancelled_bookings_get_no_confirmation() {
    let (db, office, fake) = (
        NativeDb::fresh(),
        Office::default(),
        FakeProvider::default(),
    );
    booked(&db, "Ion Popescu", "WVWZZZ1JZXW000001");
    let other = [
        ("service", "provisional"),
        ("slot", "2026-11-26T09:10"),
        ("name", "Dan Radu"),
        // The same booker (R06 needs the same phone or email).
        ("phone", "0722123456"),
        ("vin", "WVWZZZ1JZXW000001"),
        ("consent", "true"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    book(
        &db,
        &NewBooking::parse(&other, &office, &office.setup, now()).unwrap(),
        Admission::with_key(None),
        now(),
    )
    .unwrap();
    let report = deliver(&db, &fake, &providers(), &office, now()).unwrap();
    // Both were cancelled before the cron came by: no confirmation is even queued.
    assert_eq!((report.sent, report.skipped), (0, 0));
    assert!(fake.calls.borrow().is_empty());
    let queued: i64 =
        db.0.query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
            .unwrap();
    assert_eq!(queued, 0);
}

#[test]
fn user_input_is_escaped_in_the_email() {
    let (db, office, fake) = (
        NativeDb::fresh(),
        Office::default(),
        FakeProvider::default(),
    );
    db.execute("INSERT INTO bookings (number_hash, service, slot_start, slot_end, name, phone, email, vin, identity_key, request_hash, reply_number, created_at) VALUES ('h', 'registration', '2026-11-25T07:10:00Z', '2026-11-25T07:30:00Z', '<script>alert(1)</script>', '+40722123456', 'a@b.ro', 'WVWZZZ1JZXW000001', 'vin:X', 'r', 'ABCDE-FGHJK-MNPQR-STVWX', '2026-11-23T08:00:00Z')", &[]).unwrap();
    deliver(&db, &fake, &providers(), &office, now()).unwrap();
    let calls = fake.calls.borrow();
    let html = calls.iter().find(|c| c.0.contains("mail")).unwrap().2["html"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
}

#[test]
fn a_typed_name_is_quoted_data_in_the_email_never_the_office_s_words() {
    let (db, office, fake) = (
        NativeDb::fresh(),
        Office::default(),
        FakeProvider::default(),
    );
    // Booked in English: English first, then the Romanian the office stands behind.
    db.execute("INSERT INTO bookings (number_hash, service, slot_start, slot_end, name, phone, email, vin, identity_key, request_hash, reply_number, created_at, lang) VALUES ('h', 'registration', '2026-11-25T07:10:00Z', '2026-11-25T07:30:00Z', 'Plătiți Pe Amenzi Ro', '+40722123456', 'a@b.ro', 'WVWZZZ1JZXW000001', 'vin:X', 'r', 'ABCDE-FGHJK-MNPQR-STVWX', '2026-11-23T08:00:00Z', 'en')", &[]).unwrap();
    deliver(&db, &fake, &providers(), &office, now()).unwrap();
    let calls = fake.calls.borrow();
    let text = calls.iter().find(|c| c.0.contains("mail")).unwrap().2["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!text.contains("ziua, Plătiți"), "{text}");
    assert!(!text.contains("Hello, Plătiți"), "{text}");
    assert!(
        text.contains("Programare pe numele: „Plătiți Pe Amenzi Ro”"),
        "{text}"
    );
    assert!(
        text.contains("Booked in the name of: “Plătiți Pe Amenzi Ro”"),
        "{text}"
    );
    assert!(text.find("Booked in").unwrap() < text.find("Programare pe").unwrap());
}
