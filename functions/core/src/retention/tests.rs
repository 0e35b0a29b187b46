use super::access::{AccessRequest, export};
use super::*;
use crate::kernel::fields::Fields;
use crate::office::Office;
use crate::storage::testing::NativeDb;
use chrono::TimeZone;

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).unwrap()
}

fn key() -> ContactKey {
    ContactKey::new(Some("office secret"))
}

fn booking(db: &NativeDb, id: i64, slot: DateTime<Utc>, phone: &str) {
    db.execute(
        "INSERT INTO bookings (id, number_hash, service, slot_start, slot_end, name, phone, email,
             vin, identity_key, request_hash, created_at, state)
         VALUES (?1, 'h' || ?1, 'registration', ?2, ?2, 'Ion Popescu', ?3, 'ion@example.ro',
             'WVWZZZ1JZXW000001', 'vin:WVWZZZ1JZXW000001', 'r', ?2, 'attended')",
        &[id.into(), db_time(slot).into(), phone.into()],
    )
    .unwrap();
}

fn text(db: &NativeDb, sql: &str) -> Option<String> {
    db.execute(sql, &[])
        .unwrap()
        .first()
        .and_then(|r| r.opt_text("v").unwrap())
}

fn count(db: &NativeDb, sql: &str) -> i64 {
    db.execute(sql, &[])
        .unwrap()
        .first()
        .unwrap()
        .int("n")
        .unwrap()
}

fn erase(db: &NativeDb, settings: &RetentionSettings, now: DateTime<Utc>) -> Report {
    erase_due(db, settings, &key(), now).unwrap()
}

#[test]
fn retention_a_booking_keeps_its_personal_data_for_the_status_window_then_only_statistics() {
    let db = NativeDb::fresh();
    let settings = RetentionSettings::default();
    booking(&db, 1, day(2), "+40722123456");
    booking(&db, 2, day(12), "+40722123457");

    assert_eq!(erase(&db, &settings, day(11)).bookings, 0, "day 9 after");
    let report = erase(&db, &settings, day(12) + Duration::hours(1));
    assert_eq!(report.bookings, 1);
    let erased = db
        .execute("SELECT * FROM bookings WHERE id = 1", &[])
        .unwrap();
    let row = erased.first().unwrap();
    assert_eq!(row.text("name").unwrap(), "");
    assert_eq!(row.text("phone").unwrap(), "");
    assert_eq!(row.opt_text("email").unwrap(), None);
    assert_eq!(row.opt_text("vin").unwrap(), None);
    assert_eq!(row.text("identity_key").unwrap(), "");
    assert_eq!(
        (row.text("service").unwrap(), row.text("state").unwrap()),
        ("registration".to_owned(), "attended".to_owned()),
        "statistics stay"
    );
    assert_eq!(
        text(&db, "SELECT phone AS v FROM bookings WHERE id = 2").as_deref(),
        Some("+40722123457")
    );
    // Idempotent: the next run finds nothing, and audits nothing.
    assert_eq!(erase(&db, &settings, day(13)).total(), 0);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM audit WHERE action = 'retention_erased'"
        ),
        1
    );
    assert_eq!(
        text(&db, "SELECT detail AS v FROM audit").as_deref(),
        Some("bookings 1")
    );
}

#[test]
fn retention_works_through_a_backlog_in_small_batches() {
    let db = NativeDb::fresh();
    for id in 1..=7 {
        booking(&db, id, day(1), "+40722123456");
    }
    let settings = RetentionSettings {
        batch_size: 2,
        ..RetentionSettings::default()
    };
    assert_eq!(erase(&db, &settings, day(20)).bookings, 7);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM bookings WHERE erased_at IS NULL"
        ),
        0
    );
}

#[test]
fn r12_bans_are_rehashed_from_plain_and_emptied_when_they_end() {
    let db = NativeDb::fresh();
    db.execute(
        "INSERT INTO bans (contact, reason, starts_at, ends_at) VALUES
           ('phone:+40722123456', 'no_show', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
           ('email:ana@example.ro', 'no_show', '2026-10-01T00:00:00Z', '2026-10-31T00:00:00Z')",
        &[],
    )
    .unwrap();
    let report = erase(&db, &RetentionSettings::default(), day(20));
    assert_eq!((report.bans_ended, report.bans_rehashed), (1, 1));
    assert_eq!(
        text(
            &db,
            "SELECT contact AS v FROM bans WHERE reason = 'no_show' AND ends_at > '2026-11-30'"
        ),
        Some(key().hash("phone:+40722123456"))
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM bans WHERE contact LIKE '%@%' OR contact LIKE '%+40%'"
        ),
        0
    );
}

#[test]
fn retention_a_resolved_complaint_loses_its_texts_and_contacts_an_open_one_keeps_them() {
    let db = NativeDb::fresh();
    for (id, resolved) in [(1, true), (2, false)] {
        db.execute(
            "INSERT INTO complaints (id, number_hash, kind, description, email, phone, received_at)
             VALUES (?1, 'c' || ?1, 'complaint', 'My VIN WVWZZZ1JZXW000001 was refused', 'ana@example.ro',
                     '+40722123456', '2025-01-02T09:00:00Z')",
            &[id.into()],
        )
        .unwrap();
        db.execute(
            "INSERT INTO complaint_events (complaint_id, kind, at, staff, text)
             VALUES (?1, 'received', '2025-01-02T09:00:00Z', NULL, 'Ana called')",
            &[id.into()],
        )
        .unwrap();
        if resolved {
            db.execute(
                "INSERT INTO complaint_events (complaint_id, kind, at, staff, text)
                 VALUES (?1, 'resolved', '2025-01-10T09:00:00Z', 'maria', 'Ana Pop gets a new slot')",
                &[id.into()],
            )
            .unwrap();
        }
    }
    // The resolution's own window; a complaint left open is `stale_days`' (below).
    let settings = RetentionSettings {
        stale_days: 1000,
        ..RetentionSettings::default()
    };
    assert_eq!(
        erase(
            &db,
            &settings,
            Utc.with_ymd_and_hms(2026, 1, 9, 0, 0, 0).unwrap()
        )
        .complaints,
        0
    );
    assert_eq!(erase(&db, &settings, day(1)).complaints, 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM complaints WHERE description LIKE '%VIN%' OR email IS NOT NULL"
        ),
        1,
        "only the open complaint keeps its texts"
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM complaint_events WHERE text IS NOT NULL"
        ),
        1
    );
    // The log is still append-only for anything but erasure.
    assert!(
        db.execute(
            "UPDATE complaint_events SET kind = 'x' WHERE complaint_id = 1",
            &[]
        )
        .is_err()
    );
    assert!(
        db.execute(
            "UPDATE complaint_events SET text = 'y' WHERE complaint_id = 2",
            &[]
        )
        .is_err()
    );
}

#[test]
fn retention_a_closed_order_keeps_the_references_a_refund_still_owed_is_made_with() {
    let db = NativeDb::fresh();
    db.execute(
        "INSERT INTO orders (id, number_hash, document, fee_bani, currency, name, email, details,
             lang, state, created_at, pay_by, refund)
         VALUES (1, 'o1', 'record', 1000, 'RON', 'Ana Pop', 'ana@example.ro', '{}', 'ro',
             'rejected', '2026-07-01T09:00:00Z', '2026-07-02T09:00:00Z', 'due')",
        &[],
    )
    .unwrap();
    for (kind, text) in [
        ("payment", "stripe pi_1"),
        ("refund_due", "pi_1"),
        ("rejected", "Ana Pop: the scan is unreadable"),
    ] {
        db.execute(
            "INSERT INTO order_events (order_id, kind, at, text) VALUES (1, ?1, '2026-07-05T09:00:00Z', ?2)",
            &[kind.into(), text.into()],
        )
        .unwrap();
    }
    assert_eq!(erase(&db, &RetentionSettings::default(), day(1)).orders, 1);
    assert_eq!(
        text(
            &db,
            "SELECT group_concat(kind || ':' || IFNULL(text, '-'), ' ') AS v FROM order_events"
        )
        .as_deref(),
        Some("payment:stripe pi_1 refund_due:pi_1 rejected:-"),
        "the staff's words go, the provider's references stay"
    );
}

#[test]
fn retention_a_closed_order_loses_its_personal_data_and_its_document() {
    let db = NativeDb::fresh();
    for (id, state) in [(1, "delivered"), (2, "processing")] {
        db.execute(
            "INSERT INTO orders (id, number_hash, document, fee_bani, currency, name, email, phone,
                 details, lang, state, created_at, pay_by)
             VALUES (?1, 'o' || ?1, 'record', 1000, 'RON', 'Ana Pop', 'ana@example.ro', '+40722123456',
                 '{\"vin\":\"WVWZZZ1JZXW000001\"}', 'ro', ?2, '2026-07-01T09:00:00Z', '2026-07-02T09:00:00Z')",
            &[id.into(), state.into()],
        )
        .unwrap();
        db.execute(
            "INSERT INTO order_events (order_id, kind, at, text) VALUES (?1, 'info_answered', '2026-07-05T09:00:00Z', 'Ana Pop, born 1990')",
            &[id.into()],
        )
        .unwrap();
        db.execute(
            "INSERT INTO order_documents (order_id, filename, content, sha256, bytes, uploaded_at, staff)
             VALUES (?1, 'a.pdf', x'255044462d', 'x', 5, '2026-07-06T09:00:00Z', 'maria')",
            &[id.into()],
        )
        .unwrap();
    }
    let report = erase(&db, &RetentionSettings::default(), day(1));
    assert_eq!(report.orders, 1);
    assert_eq!(
        text(
            &db,
            "SELECT name || email || IFNULL(phone, '') || details AS v FROM orders WHERE id = 1"
        )
        .as_deref(),
        Some("{}")
    );
    assert_eq!(count(&db, "SELECT COUNT(*) AS n FROM order_documents"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM order_events WHERE text IS NOT NULL"
        ),
        1
    );
    assert_eq!(
        text(
            &db,
            "SELECT state || fee_bani AS v FROM orders WHERE id = 1"
        )
        .as_deref(),
        Some("delivered1000")
    );
}

#[test]
fn retention_a_complaint_or_order_the_office_never_closes_is_erased_stale_days_after_its_last_event()
 {
    let db = NativeDb::fresh();
    for (id, state) in [(1, "paid"), (2, "processing"), (3, "issued"), (4, "paid")] {
        db.execute(
            "INSERT INTO orders (id, number_hash, document, fee_bani, currency, name, email, phone,
                 details, lang, state, created_at, pay_by, paid_at)
             VALUES (?1, 'o' || ?1, 'record', 1000, 'RON', 'Ana Pop', 'ana@example.ro', '+40722123456',
                 '{\"vin\":\"WVWZZZ1JZXW000001\"}', 'ro', ?2, '2025-06-01T09:00:00Z',
                 '2025-06-02T09:00:00Z', '2025-06-01T10:00:00Z')",
            &[id.into(), state.into()],
        )
        .unwrap();
    }
    // Order 4 is still being worked on: staff wrote to it in the spring.
    db.execute(
        "INSERT INTO order_events (order_id, kind, at, staff, text)
         VALUES (2, 'note', '2025-07-01T09:00:00Z', 'maria', 'Ana Pop called'),
                (4, 'note', '2026-04-01T09:00:00Z', 'maria', 'waiting for the archive')",
        &[],
    )
    .unwrap();
    for (id, received, step) in [
        (1, "2025-06-01T09:00:00Z", "acknowledged"),
        (2, "2026-06-01T09:00:00Z", "acknowledged"),
    ] {
        db.execute(
            "INSERT INTO complaints (id, number_hash, kind, description, email, phone, received_at)
             VALUES (?1, 'c' || ?1, 'complaint', 'Ana Pop was refused', 'ana@example.ro',
                     '+40722123456', ?2)",
            &[id.into(), received.into()],
        )
        .unwrap();
        db.execute(
            "INSERT INTO complaint_events (complaint_id, kind, at, staff, text)
             VALUES (?1, ?2, ?3, 'maria', 'Ana Pop, see the file')",
            &[id.into(), step.into(), received.into()],
        )
        .unwrap();
    }
    let settings = RetentionSettings::default();
    let day_before = Utc.with_ymd_and_hms(2026, 5, 31, 9, 0, 0).unwrap();
    let report = erase(&db, &settings, day_before);
    assert_eq!(
        (report.orders, report.complaints),
        (0, 0),
        "a year less a day"
    );

    let report = erase(&db, &settings, day(1));
    assert_eq!((report.orders, report.complaints), (3, 1));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM orders WHERE erased_at IS NULL AND email != ''"
        ),
        1,
        "only the order worked on within the year keeps its data"
    );
    assert_eq!(
        text(
            &db,
            "SELECT group_concat(state || ':' || name || email || details, ' ') AS v
             FROM orders WHERE id <= 3"
        )
        .as_deref(),
        Some("paid:{} processing:{} issued:{}"),
        "states stay for statistics"
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM order_events WHERE text IS NOT NULL"
        ),
        1
    );
    assert_eq!(
        text(
            &db,
            "SELECT group_concat(id || ':' || description, ' ') AS v FROM complaints"
        )
        .as_deref(),
        Some("1: 2:Ana Pop was refused")
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM complaint_events WHERE text IS NOT NULL"
        ),
        1
    );
    assert_eq!(erase(&db, &settings, day(2)).total(), 0, "nothing twice");
}

#[test]
fn retention_an_exemption_s_reason_goes_with_its_identity_and_one_never_used_lapses() {
    let db = NativeDb::fresh();
    booking(&db, 1, day(2), "+40722123456");
    booking(&db, 2, day(3), "+40722123457");
    db.execute(
        "INSERT INTO exemptions (id, identity_key, booking_id, reason, granted_by, granted_at, used_at)
         VALUES (1, 'vin:A', 1, 'Ana Pop was in hospital', 'sef', '2025-10-01T09:00:00Z', '2026-11-02T09:00:00Z'),
                (2, 'vin:B', 2, 'Ion Pop lost his phone', 'sef', '2025-11-15T09:00:00Z', NULL),
                (3, '', 2, 'erased by an earlier version, but not this', 'sef', '2025-01-01T09:00:00Z', '2025-01-02T09:00:00Z')",
        &[],
    )
    .unwrap();
    let settings = RetentionSettings::default();
    let report = erase(&db, &settings, day(11));
    assert_eq!((report.exemptions, report.exemptions_lapsed), (1, 0));
    assert_eq!(
        text(&db, "SELECT reason AS v FROM exemptions WHERE id = 3").as_deref(),
        Some("")
    );

    let report = erase(&db, &settings, day(12) + Duration::hours(1));
    assert_eq!((report.exemptions, report.exemptions_lapsed), (1, 0));
    assert_eq!(
        text(
            &db,
            "SELECT identity_key || reason AS v FROM exemptions WHERE id = 1"
        )
        .as_deref(),
        Some(""),
        "used ten days ago: its VIN and the staff's words are gone"
    );
    assert_eq!(
        text(&db, "SELECT reason AS v FROM exemptions WHERE id = 2").as_deref(),
        Some("Ion Pop lost his phone"),
        "still waiting for its booking"
    );

    let report = erase(&db, &settings, day(15) - Duration::seconds(1));
    assert_eq!(report.exemptions_lapsed, 0);
    let report = erase(&db, &settings, day(15));
    assert_eq!(report.exemptions_lapsed, 1, "a year after it was granted");
    let lapsed = db
        .execute("SELECT * FROM exemptions WHERE id = 2", &[])
        .unwrap();
    let row = lapsed.first().unwrap();
    assert_eq!(row.text("identity_key").unwrap(), "");
    assert_eq!(row.text("reason").unwrap(), "");
    assert_eq!(
        row.opt_text("revoked_at").unwrap().as_deref(),
        Some("2026-11-15T09:00:00Z")
    );
    assert_eq!(erase(&db, &settings, day(20)).total(), 0, "nothing twice");
}

#[test]
fn retention_a_closed_window_s_reason_is_erased_after_the_window_and_never_audited() {
    let db = NativeDb::fresh();
    let office = Office::default();
    let fields: Fields = [
        ("service", "registration"),
        ("date", "2026-11-10"),
        ("from", "09:00"),
        ("to", "11:00"),
        ("reason", "Ana Pop, counter 2, on sick leave"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let window = crate::office::relocation::Window::parse(&fields, &office.setup).unwrap();
    crate::office::relocation::close_window(
        &db,
        &office,
        &window,
        &Staff("sef".to_owned()),
        day(2),
    )
    .unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM audit WHERE action = 'close_window' AND detail NOT LIKE '%Ana%'"
        ),
        1,
        "the audit trail is never erased: it never holds the reason"
    );
    let settings = RetentionSettings::default();
    assert_eq!(erase(&db, &settings, day(19)).closure_reasons, 0);
    assert_eq!(
        text(&db, "SELECT reason AS v FROM closed_windows").as_deref(),
        Some("Ana Pop, counter 2, on sick leave")
    );
    assert_eq!(erase(&db, &settings, day(20)).closure_reasons, 1);
    assert_eq!(
        text(
            &db,
            "SELECT service || starts_at || reason AS v FROM closed_windows"
        )
        .as_deref(),
        Some("registration2026-11-10T07:00:00Z"),
        "the window stays, without the words"
    );
    assert_eq!(erase(&db, &settings, day(21)).total(), 0, "nothing twice");
}

#[test]
fn retention_sent_messages_lose_their_recipient_and_stale_pending_ones_are_given_up() {
    let db = NativeDb::fresh();
    db.execute(
        "INSERT INTO outbox (dedupe_key, kind, channel, recipient, state, next_attempt_at, created_at, sent_at, payload)
         VALUES ('a', 'reminder', 'sms', '+40722123456', 'sent', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', '2026-11-01T09:01:00Z', NULL),
                ('b', 'reminder', 'sms', '+40722123457', 'sent', '2026-11-19T09:00:00Z', '2026-11-19T09:00:00Z', '2026-11-19T09:01:00Z', NULL),
                ('c', 'confirmation', 'email', 'ana@example.ro', 'pending', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', NULL, 'text')",
        &[],
    )
    .unwrap();
    let report = erase(&db, &RetentionSettings::default(), day(20));
    assert_eq!((report.messages, report.messages_given_up), (1, 1));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) AS n FROM outbox WHERE recipient != ''"
        ),
        1,
        "the message sent yesterday keeps its recipient"
    );
    assert_eq!(
        text(&db, "SELECT state AS v FROM outbox WHERE dedupe_key = 'c'").as_deref(),
        Some("failed")
    );
}

#[test]
fn retention_settings_below_the_status_window_are_refused_naming_the_setting() {
    let refused =
        Office::from_override_json(Some(r#"{"retention": {"booking_days": 5}}"#)).unwrap_err();
    match refused {
        Error::Config { setting, .. } => assert_eq!(setting, "office.retention.booking_days"),
        other => panic!("{other:?}"),
    }
    let refused = Office::from_override_json(Some(
        r#"{"retention": {"complaint_days": 730, "stale_days": 400}}"#,
    ))
    .unwrap_err();
    match refused {
        Error::Config { setting, .. } => assert_eq!(setting, "office.retention.stale_days"),
        other => panic!("{other:?}"),
    }
    let office = Office::from_override_json(Some(r#"{"retention": {"order_days": 30}}"#)).unwrap();
    assert_eq!(
        (office.retention.order_days, office.retention.booking_days),
        (30, 10)
    );
}

#[test]
fn retention_an_access_request_exports_what_is_held_and_audits_without_the_contact() {
    let db = NativeDb::fresh();
    booking(&db, 1, day(20), "+40722123456");
    booking(&db, 2, day(21), "+40722999999");
    let ban = key().hash("phone:+40722123456");
    db.execute(
        "INSERT INTO bans (contact, reason, starts_at, ends_at) VALUES (?, 'no_show', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')",
        &[ban.into()],
    )
    .unwrap();
    let fields = [("phone".to_owned(), "0722 123 456".to_owned())].into();
    let request = AccessRequest::parse(&fields).unwrap();
    let exported = export(
        &db,
        &request,
        &key(),
        &RetentionSettings::default(),
        &Staff("sef".to_owned()),
        day(23),
    )
    .unwrap();
    assert_eq!(exported["bookings"].as_array().unwrap().len(), 1);
    assert_eq!(exported["bookings"][0]["vin"], "WVWZZZ1JZXW000001");
    assert_eq!(exported["bans"][0]["ends_at"], "2026-12-01T00:00:00Z");
    let audit = db
        .execute(
            "SELECT staff, subject, detail FROM audit WHERE action = 'access_request'",
            &[],
        )
        .unwrap();
    let row = audit.first().unwrap();
    assert_eq!(row.text("staff").unwrap(), "sef");
    let trail = format!(
        "{} {}",
        row.text("subject").unwrap(),
        row.text("detail").unwrap()
    );
    assert!(!trail.contains("722"), "{trail}");
    assert!(
        trail.contains("bookings 1") && trail.contains("bans 1"),
        "{trail}"
    );

    let nothing: Fields = Fields::new();
    assert_eq!(
        AccessRequest::parse(&nothing).unwrap_err().code(),
        "contact_required"
    );
}
