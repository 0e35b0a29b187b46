use super::*;
use chrono::TimeZone;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The desk of `service` at the office's one location.
fn desk<'o>(office: &'o Office, service: &str) -> Desk<'o> {
    office.setup.desk(None, service).unwrap()
}

#[test]
fn r01_online_half_odd_seat_to_walk_in() {
    let office = Office::default();
    let reg = desk(&office, "registration");
    assert_eq!((reg.online_seats(), reg.walk_in_seats()), (1, 2));
    let pass = desk(&office, "passport");
    assert_eq!((pass.online_seats(), pass.walk_in_seats()), (2, 2));
}

#[test]
fn c06_weekend_holiday_and_closure_are_closed_with_reason() {
    let json = r#"{"closures":[{"date":"2026-12-23","reason":"Inventar"}]}"#;
    let office = Office::from_override_json(Some(json)).unwrap();
    let pass = desk(&office, "passport");
    assert_eq!(pass.closed(&office.closures, d(2026, 11, 28)), Some(Closed::Weekend));
    assert!(matches!(
        pass.closed(&office.closures, d(2027, 5, 3)),
        Some(Closed::Holiday { .. })
    ));
    assert_eq!(
        pass.closed(&office.closures, d(2026, 12, 23)),
        Some(Closed::Closure {
            name: "Inventar".into()
        })
    );
    assert_eq!(pass.closed(&office.closures, d(2026, 12, 22)), None);
}

#[test]
fn c06_slots_follow_local_time_across_dst() {
    let office = Office::default();
    let pass = desk(&office, "passport");
    // Friday before spring-forward (UTC+2) and Monday after (UTC+3): both 08:30 local.
    let before = pass.slots(&office.closures, d(2027, 3, 26)).unwrap();
    let after = pass.slots(&office.closures, d(2027, 3, 29)).unwrap();
    assert_eq!(before[0].start.to_rfc3339(), "2027-03-26T06:30:00+00:00");
    assert_eq!(after[0].start.to_rfc3339(), "2027-03-29T05:30:00+00:00");
    assert_eq!(before.len(), (14 * 60 - 8 * 60 - 30) / 15);
    assert_eq!(after.len(), 8 * 4);
}

#[test]
fn c06_dst_day_skips_the_missing_hour_and_serves_the_repeated_once() {
    let json = r#"{"hours":{"sun":[["01:00","06:00"]]}}"#;
    let office = Office::from_override_json(Some(json)).unwrap();
    let pass = desk(&office, "passport");
    let spring: Vec<String> = pass
        .slots(&office.closures, d(2027, 3, 28))
        .unwrap()
        .iter()
        .map(|s| s.local_start().format("%H:%M").to_string())
        .collect();
    assert!(
        !spring.iter().any(|s| s.starts_with("03:")),
        "03:xx doesn't exist: {spring:?}"
    );
    assert_eq!(spring.len(), 5 * 4 - 4);
    let autumn = pass.slots(&office.closures, d(2026, 10, 25)).unwrap();
    assert_eq!(autumn.len(), 5 * 4);
    assert!(autumn.windows(2).all(|w| w[0].start < w[1].start));
}

#[test]
fn config_override_rejects_unknown_parts() {
    assert!(Office::from_override_json(Some(r#"{"services":{"visa":{"counters":2}}}"#)).is_err());
    assert!(Office::from_override_json(Some(r#"{"colour":"red"}"#)).is_err());
    let o = Office::from_override_json(Some(
        r#"{"services":{"passport":{"counters":7}},"booking_horizon_days":5}"#,
    ))
    .unwrap();
    assert_eq!(desk(&o, "passport").counters, 7);
    assert_eq!(o.booking_horizon_days, 5);
}

#[test]
fn config_override_merges_key_by_key_and_names_a_bad_setting() {
    let o = Office::from_override_json(Some(r#"{"rate_limits":{"per_address":5}}"#)).unwrap();
    assert_eq!(o.rate_limits.per_address, 5);
    assert_eq!(o.rate_limits.per_phone, RateLimits::default().per_phone);
    let o = Office::from_override_json(Some(r#"{"proof_of_work":{"difficulty":0}}"#)).unwrap();
    assert_eq!(o.proof_of_work.ttl_seconds, 600);
    let setting = |json: &str| match Office::from_override_json(Some(json)) {
        Err(Error::Config { setting, .. }) => setting,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        setting(r#"{"rate_limits":{"per_phone":"ten"}}"#),
        "office.rate_limits.per_phone"
    );
    assert_eq!(
        setting(r#"{"hours":{"mon":[["8","16:30"]]}}"#),
        "office.hours.mon[0]"
    );
    assert_eq!(
        setting(r#"{"booking_horizon_days":100000}"#),
        "office.booking_horizon_days"
    );
    assert!(setting("[1,2]").starts_with("office"));
    assert_eq!(setting("{"), "office");
}

#[test]
fn new_booking_day_opens_at_office_time_not_midnight() {
    let office = Office::from_override_json(Some(
        r#"{"booking_opens_at":"08:00","booking_horizon_days":30}"#,
    ))
    .unwrap();
    // 23 November 2026 is UTC+2: 07:59 local is 05:59 UTC.
    let before = Utc.with_ymd_and_hms(2026, 11, 23, 5, 59, 0).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 6, 0, 0).unwrap();
    assert_eq!(
        office.booking_window(before),
        (d(2026, 11, 23), d(2026, 12, 21))
    );
    assert_eq!(
        office.booking_window(at),
        (d(2026, 11, 23), d(2026, 12, 22))
    );
    assert!(Office::from_override_json(Some(r#"{"booking_opens_at":"8am"}"#)).is_err());
}
