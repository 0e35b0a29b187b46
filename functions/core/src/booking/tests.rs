use super::*;
use crate::identity::contact_key::ContactKey;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::limits::Limit;
use crate::office::Office;
use crate::storage::Database;
use crate::storage::testing::NativeDb;
use chrono::TimeZone;
use chrono::{DateTime, Duration, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    let mut f: Fields = [
        ("service", "registration"),
        ("slot", "2026-11-25T09:10"),
        ("name", "Ion Popescu"),
        ("phone", "0722123456"),
        ("vin", "WVWZZZ1JZXW000001"),
        ("consent", "true"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in pairs {
        if v.is_empty() {
            f.remove(*k);
        } else {
            f.insert(k.to_string(), v.to_string());
        }
    }
    f
}

fn try_book(db: &NativeDb, office: &Office, pairs: &[(&str, &str)]) -> Result<Booked, Error> {
    let new = NewBooking::parse(&fields(pairs), office, &office.setup, now())?;
    book(db, &new, Admission::with_key(None), now())
}

fn code(e: Error) -> &'static str {
    e.code()
}

#[test]
fn r01_registration_slot_takes_one_online_booking_of_three_counters() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    try_book(&db, &office, &[]).unwrap();
    let second = try_book(
        &db,
        &office,
        &[("vin", "WVWZZZ1JZXW000002"), ("phone", "0733123456")],
    );
    assert_eq!(code(second.unwrap_err()), "slot_full");
}

#[test]
fn r02_booking_returns_a_number_whose_hash_finds_it() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let booked = try_book(&db, &office, &[]).unwrap();
    let number = booked.number.unwrap();
    assert_eq!(
        Booking::by_number(&db, &number).unwrap().unwrap().id,
        booked.booking.id
    );
}

#[test]
fn r06_second_booking_with_same_vin_by_the_same_booker_cancels_both() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let first = try_book(&db, &office, &[]).unwrap();
    // Another service and another name, but the same phone: the same booker.
    let second = try_book(
        &db,
        &office,
        &[("service", "provisional"), ("name", "Dan Radu")],
    )
    .unwrap();
    assert_eq!(second.booking.state, "cancelled");
    assert_eq!(
        second.booking.cancel_reason.as_deref(),
        Some("duplicate_vin")
    );
    let first = Booking::by_number(&db, first.number.as_ref().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(first.state, "cancelled");
}

#[test]
fn r06_a_stranger_repeating_a_vin_touches_nothing_and_learns_nothing() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let first = try_book(&db, &office, &[]).unwrap();
    let stranger = try_book(
        &db,
        &office,
        &[("service", "provisional"), ("phone", "0733123456")],
    )
    .unwrap();
    assert_eq!(
        (
            stranger.booking.state.as_str(),
            stranger.booking.cancel_reason
        ),
        ("active", None)
    );
    let first = Booking::by_number(&db, first.number.as_ref().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        (first.state.as_str(), first.cancel_reason),
        ("active", None)
    );
}

#[test]
fn r07_two_people_with_the_same_name_both_keep_their_bookings_but_one_email_is_one_booker() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let passport = |slot, phone, email| {
        [
            ("service", "passport"),
            ("vin", ""),
            ("slot", slot),
            ("phone", phone),
            ("email", email),
        ]
    };
    let first = try_book(
        &db,
        &office,
        &passport("2026-11-25T09:15", "0722123456", ""),
    )
    .unwrap();
    let namesake = try_book(
        &db,
        &office,
        &passport("2026-11-25T09:30", "0733123456", "ion@example.ro"),
    )
    .unwrap();
    assert_eq!(namesake.booking.state, "active");
    assert_eq!(
        Booking::by_number(&db, first.number.as_ref().unwrap())
            .unwrap()
            .unwrap()
            .state,
        "active"
    );
    // The namesake again, from a third phone but the same email: the same booker.
    let again = try_book(
        &db,
        &office,
        &passport("2026-11-25T10:00", "0744123456", "ion@example.ro"),
    )
    .unwrap();
    assert_eq!(
        again.booking.cancel_reason.as_deref(),
        Some("duplicate_holder")
    );
    let states: Vec<String> = db
        .execute("SELECT state FROM bookings ORDER BY id", &[])
        .unwrap()
        .read(|r| r.text("state"))
        .unwrap();
    assert_eq!(states, ["active", "cancelled", "cancelled"]);
}

#[test]
fn r07_same_holder_same_service_cancels_both_other_service_does_not() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let passport = [
        ("service", "passport"),
        ("vin", ""),
        ("slot", "2026-11-25T09:15"),
    ];
    try_book(&db, &office, &passport).unwrap();
    let permit = try_book(
        &db,
        &office,
        &[
            ("service", "permit"),
            ("vin", ""),
            ("slot", "2026-11-25T09:15"),
        ],
    )
    .unwrap();
    assert_eq!(permit.booking.state, "active");
    let again = try_book(
        &db,
        &office,
        &[
            ("service", "passport"),
            ("vin", ""),
            ("slot", "2026-11-25T10:00"),
            ("name", "ION POPESCU"),
        ],
    )
    .unwrap();
    assert_eq!(
        again.booking.cancel_reason.as_deref(),
        Some("duplicate_holder")
    );
}

#[test]
fn r06_retried_identical_submission_is_not_a_duplicate() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let first = try_book(&db, &office, &[]).unwrap();
    let retry = try_book(&db, &office, &[]).unwrap();
    assert!(retry.replayed);
    assert_eq!(retry.booking.state, "active");
    assert_eq!(retry.number.unwrap(), first.number.unwrap());
}

#[test]
fn idempotency_key_reused_for_other_content_is_refused() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let a = NewBooking::parse(&fields(&[]), &office, &office.setup, now()).unwrap();
    book(&db, &a, Admission::with_key(Some("k1")), now()).unwrap();
    let b = NewBooking::parse(
        &fields(&[("vin", "WVWZZZ1JZXW000009"), ("slot", "2026-11-25T09:30")]),
        &office,
        &office.setup,
        now(),
    )
    .unwrap();
    assert_eq!(
        code(book(&db, &b, Admission::with_key(Some("k1")), now()).unwrap_err()),
        "idempotency_key_reused"
    );
}

#[test]
fn r12_banned_phone_is_refused_with_the_end_date() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let contact = ContactKey::DEVELOPMENT.hash("phone:+40722123456");
    db.execute(
        "INSERT INTO bans (contact, reason, starts_at, ends_at) VALUES (?, 'no_show', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')",
        &[contact.into()],
    )
    .unwrap();
    match try_book(&db, &office, &[]).unwrap_err() {
        Error::ContactBanned { until } => assert_eq!(until.to_string(), "2026-12-01"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn r17_field_errors_name_their_field() {
    let office = Office::default();
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (&[("vin", "WVWZZZ1JZXW00000I")], "invalid_vin", "vin"),
        (&[("phone", "0700000000")], "invalid_phone", "phone"),
        (&[("consent", "")], "consent_required", "consent"),
        (&[("service", "visa")], "unknown_service", "service"),
        (&[("location", "north")], "unknown_location", "location"),
        (&[("slot", "2026-11-20T09:10")], "slot_in_past", "slot"),
        (&[("slot", "2027-02-01T09:10")], "slot_too_far", "slot"),
        (&[("slot", "2026-11-28T09:10")], "day_closed", "slot"),
        (&[("slot", "2026-11-25T09:11")], "invalid_slot", "slot"),
        (&[("holder", "Ana Pop")], "field_not_for_service", "holder"),
        (&[("colour", "red")], "unknown_field", "colour"),
        (&[("name", "Ion 1900101123457")], "cnp_forbidden", "name"),
    ];
    for (pairs, expected_code, expected_field) in cases {
        let err = NewBooking::parse(&fields(pairs), &office, &office.setup, now())
            .unwrap_err()
            .explain(crate::kernel::text::Lang::Ro);
        assert_eq!(
            (err.code, err.field.as_deref()),
            (*expected_code, Some(*expected_field)),
            "{pairs:?}"
        );
    }
}

#[test]
fn r03_status_view_masks_the_name_and_shows_office_time() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let booked = try_book(&db, &office, &[]).unwrap();
    let view = booked.booking.status_view();
    assert_eq!(
        (view.date.as_str(), view.time.as_str(), view.name.as_str()),
        ("2026-11-25", "09:10", "I. P.")
    );
}

#[test]
fn r02_retry_after_the_window_gets_the_booking_but_not_the_number() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let new = NewBooking::parse(&fields(&[]), &office, &office.setup, now()).unwrap();
    book(&db, &new, Admission::with_key(Some("k")), now()).unwrap();
    let later = now() + Duration::minutes(11);
    let other = NewBooking::parse(
        &fields(&[("vin", "WVWZZZ1JZXW000002"), ("slot", "2026-11-25T09:30")]),
        &office,
        &office.setup,
        later,
    )
    .unwrap();
    book(&db, &other, Admission::with_key(None), later).unwrap();
    // The delivery cron forgets replies whose window has passed, once confirmed.
    crate::messaging::outbox::queue_confirmations(&db, later).unwrap();
    let retry = book(&db, &new, Admission::with_key(Some("k")), later).unwrap();
    assert!(retry.replayed && retry.number.is_none());
    let kept: i64 =
        db.0.query_row(
            "SELECT COUNT(*) FROM bookings WHERE reply_number IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1, "only the recent booking still keeps its number");
}

#[test]
fn per_phone_limit_counts_the_phones_bookings_and_says_when_to_retry() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let limited = Admission {
        per_phone: Limit::new("phone", 2, 60),
        ..Admission::with_key(None)
    };
    for (vin, slot) in [
        ("WVWZZZ1JZXW000001", "2026-11-25T09:10"),
        ("WVWZZZ1JZXW000002", "2026-11-25T09:30"),
    ] {
        let new = NewBooking::parse(
            &fields(&[("vin", vin), ("slot", slot)]),
            &office,
            &office.setup,
            now(),
        );
        book(&db, &new.unwrap(), limited, now()).unwrap();
    }
    let third = NewBooking::parse(
        &fields(&[("vin", "WVWZZZ1JZXW000003"), ("slot", "2026-11-25T09:50")]),
        &office,
        &office.setup,
        now(),
    )
    .unwrap();
    let later = now() + Duration::minutes(20);
    match book(&db, &third, limited, later).unwrap_err() {
        Error::RateLimited { retry_after_secs } => assert_eq!(retry_after_secs, 40 * 60),
        other => panic!("{other:?}"),
    }
    // The window slides: an hour after the first two, the phone may book again.
    book(&db, &third, limited, now() + Duration::minutes(61)).unwrap();
}

#[test]
fn a_challenge_admits_one_booking_only() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    let with_challenge = Admission {
        challenge: Some("nonce-1"),
        ..Admission::with_key(None)
    };
    let new = NewBooking::parse(&fields(&[]), &office, &office.setup, now()).unwrap();
    book(&db, &new, with_challenge, now()).unwrap();
    let other = NewBooking::parse(
        &fields(&[("vin", "WVWZZZ1JZXW000002"), ("slot", "2026-11-25T09:30")]),
        &office,
        &office.setup,
        now(),
    )
    .unwrap();
    assert_eq!(
        code(book(&db, &other, with_challenge, now()).unwrap_err()),
        "challenge_used"
    );
    // A retry of the first submission is still answered with its booking.
    assert!(book(&db, &new, with_challenge, now()).unwrap().replayed);
}

#[test]
fn r06_reply_shows_the_new_booking_cancelled_without_reading_it_back() {
    let (db, office) = (NativeDb::fresh(), Office::default());
    try_book(&db, &office, &[]).unwrap();
    let second = try_book(
        &db,
        &office,
        &[("slot", "2026-11-25T09:30"), ("name", "Dan Radu")],
    )
    .unwrap();
    assert_eq!(second.booking.state, "cancelled");
    assert_eq!(
        second.booking.cancel_reason.as_deref(),
        Some("duplicate_vin")
    );
}
