//! Deadlines computed from the event log (C02–C05, T02).

use super::deadlines::{Progress, end_of};
use super::record::{Complaint, Event};
use crate::office::calendar::BusinessDays;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

fn complaint(severity: Option<&str>) -> Complaint {
    Complaint {
        id: 1,
        kind: if severity.is_some() {
            "technical"
        } else {
            "service"
        }
        .to_owned(),
        booking_id: None,
        order_id: None,
        serial_number: None,
        description: "x".to_owned(),
        solution_idea: None,
        email: None,
        phone: Some("+40722123456".to_owned()),
        severity: severity.map(str::to_owned),
        channel: None,
        received_at: monday(),
        lang: crate::kernel::text::Lang::Ro,
    }
}

/// Monday 23 November 2026, 10:00 in Bucharest.
fn monday() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn event(id: i64, kind: &str, at: DateTime<Utc>, until: Option<NaiveDate>) -> Event {
    Event {
        id,
        kind: kind.to_owned(),
        at,
        staff: None,
        text: None,
        until,
    }
}

fn local_midnight(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    end_of(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn c02_c03_c04_deadlines_follow_the_log() {
    let days = BusinessDays::default();
    let received = [event(1, "received", monday(), None)];
    let p = Progress::compute(&complaint(None), &received, &days);
    assert_eq!(p.state(), "received");
    assert_eq!(p.acknowledge_by, local_midnight(2026, 12, 4));
    assert_eq!(p.progress_by, None, "counted from the acknowledgement");
    assert_eq!(p.resolve_by, local_midnight(2027, 1, 12));
    assert_eq!(p.pending().len(), 2);

    let acknowledged = [
        received[0].clone(),
        event(2, "acknowledged", monday() + Duration::days(1), None),
    ];
    let p = Progress::compute(&complaint(None), &acknowledged, &days);
    assert_eq!(p.state(), "acknowledged");
    assert_eq!(p.progress_by, Some(local_midnight(2026, 12, 16)));

    let until = NaiveDate::from_ymd_opt(2027, 2, 15).unwrap();
    let late = [
        acknowledged[0].clone(),
        acknowledged[1].clone(),
        event(
            3,
            "new_timeline",
            monday() + Duration::days(60),
            Some(until),
        ),
    ];
    let p = Progress::compute(&complaint(None), &late, &days);
    assert_eq!(
        p.resolve_by,
        local_midnight(2027, 1, 12),
        "the legal date stays"
    );
    assert_eq!(p.effective_resolve_by(), end_of(until));
}

#[test]
fn c05_escalation_starts_a_new_cycle_one_level_up() {
    let days = BusinessDays::default();
    let wednesday = monday() + Duration::days(2);
    let log = [
        event(1, "received", monday(), None),
        event(2, "acknowledged", monday(), None),
        event(3, "resolved", monday() + Duration::days(1), None),
        event(4, "escalated", wednesday, None),
    ];
    let p = Progress::compute(&complaint(None), &log, &days);
    assert_eq!((p.level, p.state()), (2, "escalated"));
    assert_eq!(
        p.acknowledged, None,
        "the first level's acknowledgement doesn't count"
    );
    assert_eq!(p.acknowledge_by, local_midnight(2026, 12, 8));
    assert!(
        p.flags(Duration::hours(48), wednesday)
            .contains(&"escalated")
    );
}

#[test]
fn t02_technical_tickets_are_due_in_clock_hours_by_severity() {
    let days = BusinessDays::default();
    let log = [event(1, "received", monday(), None)];
    for (severity, hours) in [("critical", 24), ("high", 48), ("normal", 72), ("low", 72)] {
        let p = Progress::compute(&complaint(Some(severity)), &log, &days);
        assert_eq!(
            p.resolve_by,
            monday() + Duration::hours(hours),
            "{severity}"
        );
        assert_eq!(p.progress_by, None);
    }
    let p = Progress::compute(&complaint(Some("critical")), &log, &days);
    assert_eq!(
        p.flags(Duration::hours(2), monday() + Duration::hours(23)),
        vec!["due_soon"]
    );
    assert_eq!(
        p.flags(Duration::hours(2), monday() + Duration::hours(24)),
        vec!["overdue"]
    );
}

#[test]
fn c04_the_sla_check_sees_an_old_open_complaint_behind_a_thousand_newer_ones() {
    use crate::messaging::links::Links;
    use crate::office::Office;
    use crate::storage::testing::NativeDb;
    use crate::storage::{Database, db_time};
    let db = NativeDb::fresh();
    let now = monday() + Duration::days(60);
    let received = |id: i64, at: DateTime<Utc>| {
        db.execute(
            "INSERT INTO complaints (id, number_hash, kind, description, phone, received_at)
             VALUES (?, ?, 'service', 'x', '+40722123456', ?)",
            &[id.into(), format!("h{id}").into(), db_time(at).into()],
        )
        .unwrap();
        db.execute(
            "INSERT INTO complaint_events (complaint_id, kind, at) VALUES (?, 'received', ?)",
            &[id.into(), db_time(at).into()],
        )
        .unwrap();
    };
    // The real complaint, sixty days old; then 1,200 junk ones from the last hour.
    received(1, monday());
    for id in 2..=1_201 {
        received(id, now - Duration::hours(1));
    }
    let report = super::sla_check(
        &db,
        &Office::default(),
        Duration::hours(48),
        None,
        &Links::new(None),
        now,
    )
    .unwrap();
    assert!(report.flagged >= 1, "{report:?}");
    let flags = db
        .execute(
            "SELECT COUNT(*) AS n FROM complaint_sla_flags WHERE complaint_id = 1 AND flag LIKE 'overdue:%'",
            &[],
        )
        .unwrap()
        .read_first(|r| r.int("n"))
        .unwrap();
    assert!(flags >= Some(1), "{flags:?}");
}
