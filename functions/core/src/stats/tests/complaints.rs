//! The complaint figures over a known November: complaints and tickets taken in and
//! answered through the real intake and workflow, each number checked.

use super::{at, row};
use crate::complaints::{self, NewComplaint, Step};
use crate::kernel::fields::Fields;
use crate::kernel::token::ReservationNumber;
use crate::messaging::links::Links;
use crate::office::{Office, Setup};
use crate::staff::Staff;
use crate::stats::{Cell, Period, Table, by_id, complaints as figures};
use crate::storage::testing::NativeDb;
use crate::storage::{Database, db_time};
use chrono::{DateTime, NaiveDate, Utc};

fn links() -> Links {
    Links::new(Some("https://ghiseu.test".into()))
}

/// Monday 2 to Friday 27 November 2026, office days.
fn november() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    }
}

/// When the page is viewed: Monday 4 January 2027, 10:00. C04's 30 business days have
/// run out for what came in on 2 November (mid-December), not for what came in on
/// 25 November (January 2027, past the 6th).
fn now() -> DateTime<Utc> {
    at("2027-01-04 10:00")
}

/// Takes in a complaint at `received` (office time); its id.
fn complain(db: &NativeDb, pairs: &[(&str, &str)], received: &str) -> i64 {
    let mut fields: Fields = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    fields.insert("description".into(), "Ceva nu a mers.".into());
    fields.insert("email".into(), "ion@example.ro".into());
    let new = NewComplaint::parse(&fields, db).unwrap();
    complaints::submit(
        db,
        &Office::default(),
        &new,
        None,
        None,
        &links(),
        at(received),
    )
    .unwrap()
    .complaint
    .id
}

fn product(db: &NativeDb, received: &str) -> i64 {
    complain(db, &[("kind", "product")], received)
}

fn ticket(db: &NativeDb, severity: &str, received: &str) -> i64 {
    complain(
        db,
        &[
            ("kind", "technical"),
            ("severity", severity),
            ("channel", "email"),
        ],
        received,
    )
}

/// A complaint about a booking, which it cites by its reservation number.
fn about_a_booking(db: &NativeDb, received: &str) -> i64 {
    let number = ReservationNumber::generate();
    let slot = db_time(at("2026-11-20 09:00"));
    db.execute(
        "INSERT INTO bookings (number_hash, service, slot_start, slot_end, name, phone,
             identity_key, request_hash, created_at, state)
         VALUES (?1, 'registration', ?2, ?2, '', 'p', 'k', '', ?2, 'attended')",
        &[number.hash().into(), slot.into()],
    )
    .unwrap();
    complain(
        db,
        &[
            ("kind", "service"),
            ("reservation_number", &number.to_string()),
        ],
        received,
    )
}

fn step(db: &NativeDb, id: i64, step: Step, when: &str) {
    let who = Staff("ana.pop".into());
    complaints::take_step(db, &Office::default(), id, &step, &who, &links(), at(when)).unwrap();
}

fn acknowledge(db: &NativeDb, id: i64, when: &str) {
    step(db, id, Step::Acknowledge, when);
}

fn resolve(db: &NativeDb, id: i64, when: &str) {
    let decision = "Am rezolvat.".to_owned();
    step(db, id, Step::Resolve { decision }, when);
}

/// C05: the complainant follows the link their latest decision carried.
fn escalate(db: &NativeDb, id: i64, when: &str) {
    let token = db
        .execute(
            "SELECT secret FROM outbox WHERE complaint_id = ? AND kind = 'complaint_decision'
             ORDER BY id DESC LIMIT 1",
            &[id.into()],
        )
        .unwrap()
        .read_first(|r| r.text("secret"))
        .unwrap()
        .unwrap();
    assert!(complaints::escalate(db, &Office::default(), &token, at(when)).unwrap());
}

/// C02: the automatic acknowledgement, sent then, counts (the outbox trigger logs it).
fn acknowledgement_sent(db: &NativeDb, id: i64, when: &str) {
    db.execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?2
         WHERE complaint_id = ?1 AND kind = 'complaint_ack'",
        &[id.into(), db_time(at(when)).into()],
    )
    .unwrap();
}

/// November's complaints (technical tickets are the other figure's):
/// - product 1: acknowledged the next day, resolved in a week, escalated and resolved
///   again: in time, escalated;
/// - product 2: acknowledged after C02's 7 business days, resolved after C04's 30: late;
/// - product 3: never answered: open, overdue, past C04's deadline;
/// - product 4 (25 Nov.): acknowledged, no progress update within C03's 14 business
///   days: open, overdue, C04 not due yet;
/// - product 5 (25 Nov.): the automatic acknowledgement sent, a progress update: open,
///   nothing overdue;
/// - a service complaint resolved the day it came, never acknowledged;
/// - two product complaints just outside the office days of the period.
fn known_complaints() -> NativeDb {
    let db = NativeDb::fresh();
    let p1 = product(&db, "2026-11-02 10:00");
    acknowledge(&db, p1, "2026-11-03 10:00");
    resolve(&db, p1, "2026-11-10 10:00");
    escalate(&db, p1, "2026-11-20 10:00");
    resolve(&db, p1, "2026-11-25 10:00");

    let p2 = product(&db, "2026-11-02 11:00");
    acknowledge(&db, p2, "2026-11-20 10:00");
    resolve(&db, p2, "2026-12-28 10:00");

    product(&db, "2026-11-02 12:00");

    let p4 = product(&db, "2026-11-25 10:00");
    acknowledge(&db, p4, "2026-11-26 10:00");

    let p5 = product(&db, "2026-11-25 11:00");
    acknowledgement_sent(&db, p5, "2026-11-25 11:05");
    let text = "Verificăm.".to_owned();
    step(&db, p5, Step::ProgressUpdate { text }, "2026-12-10 10:00");

    let s1 = about_a_booking(&db, "2026-11-27 12:00");
    resolve(&db, s1, "2026-11-27 15:00");

    // 1 November 23:59 and 28 November 00:30, office time (the latter still the 27th
    // in UTC).
    product(&db, "2026-11-01 23:59");
    product(&db, "2026-11-28 00:30");
    db
}

fn figure(db: &NativeDb, id: &str) -> Table {
    by_id(db, &Office::default(), &Setup::default(), &november(), id, now())
        .unwrap()
        .unwrap()
}

fn labels(table: &Table) -> Vec<String> {
    table.rows.iter().map(|r| r[0].text()).collect()
}

#[test]
fn stats_complaints_count_c02_c04_in_time_late_overdue_and_escalated_per_kind() {
    let db = known_complaints();
    let table = figure(&db, figures::DEADLINES);
    assert_eq!(labels(&table), ["service", "proposal", "product"]);
    // Received, acknowledged in time, resolved in time, late, open and overdue now,
    // escalated; 1 in time of the 3 resolved or past C04 (product 3 is; 4 and 5 not yet).
    assert_eq!(
        row(&table, "product"),
        ["product", "5", "3", "1", "1", "2", "1", "33.3"]
    );
    assert_eq!(
        row(&table, "service"),
        ["service", "1", "0", "1", "0", "0", "0", "100"]
    );
    assert_eq!(
        row(&table, "proposal"),
        ["proposal", "0", "0", "0", "0", "0", "0", ""],
        "a kind with nothing"
    );
}

#[test]
fn stats_complaints_past_c04_and_overdue_move_with_the_time_of_viewing() {
    let db = known_complaints();
    // 20 January 2027: C04's deadline has run out for products 4 and 5 too, so 1 in
    // time of 5, and product 5 is overdue as well.
    let later = by_id(
        &db,
        &Office::default(),
        &Setup::default(),
        &november(),
        figures::DEADLINES,
        at("2027-01-20 10:00"),
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        row(&later, "product"),
        ["product", "5", "3", "1", "1", "3", "1", "20"]
    );
}

#[test]
fn stats_technical_tickets_count_t02_per_severity_with_the_median_hours() {
    let db = NativeDb::fresh();
    let t1 = ticket(&db, "critical", "2026-11-03 10:00");
    resolve(&db, t1, "2026-11-03 20:00");
    let t2 = ticket(&db, "critical", "2026-11-04 10:00");
    resolve(&db, t2, "2026-11-06 10:00");
    ticket(&db, "critical", "2026-11-05 10:00");
    let t4 = ticket(&db, "high", "2026-11-10 09:00");
    resolve(&db, t4, "2026-11-11 15:00");
    ticket(&db, "normal", "2026-11-12 08:00");
    let t6 = ticket(&db, "normal", "2026-11-12 08:30");
    resolve(&db, t6, "2026-11-15 08:00");
    ticket(&db, "critical", "2026-11-28 00:30");
    // A complaint is not a ticket.
    product(&db, "2026-11-12 08:00");

    let table = figure(&db, figures::TICKETS);
    assert_eq!(labels(&table), ["critical", "high", "normal", "low"]);
    // Received, resolved, within T02's hours, median hours to resolve, open now.
    // Critical: 10 h (in 24) and 48 h (late), median 29; one open.
    assert_eq!(
        row(&table, "critical"),
        ["critical", "3", "2", "1", "29", "1"]
    );
    assert_eq!(row(&table, "high"), ["high", "1", "1", "1", "30", "0"]);
    // 71.5 h, within 72.
    assert_eq!(
        row(&table, "normal"),
        ["normal", "2", "1", "1", "71.5", "1"]
    );
    assert_eq!(row(&table, "low"), ["low", "0", "0", "0", "", "0"]);
    assert_eq!(row(&table, "low")[4], "", "no median without a resolution");
    assert_eq!(table.rows[3][4], Cell::Number(None));

    // The tickets are not among the complaints.
    let complaints = figure(&db, figures::DEADLINES);
    assert_eq!(row(&complaints, "product")[1], "1");
    assert!(!labels(&complaints).contains(&"technical".to_owned()));
}

#[test]
fn stats_complaint_figures_read_the_period_through_the_receipt_index() {
    let db = NativeDb::fresh();
    let plan = db
        .execute(
            &format!("EXPLAIN QUERY PLAN {}", figures::RECEIVED),
            &["a".into(), "b".into(), 0.into()],
        )
        .unwrap()
        .read(|r| r.text("detail"))
        .unwrap()
        .join("\n");
    assert!(plan.contains("complaints_by_received"), "{plan}");
    assert!(plan.contains("complaint_events_by_complaint"), "{plan}");
}
