use super::store::{self, diff};
use super::*;
use crate::office::Office;
use crate::staff::Staff;
use crate::storage::Database;
use crate::storage::testing::NativeDb;
use chrono::{DateTime, TimeZone, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The defaults plus a second location, `north`, giving passports only: two counters,
/// mornings, a timetable change from 2027, a Saturday opening and a closed Friday.
fn two_locations() -> Setup {
    let mut setup = Setup::default();
    let north: Location = serde_json::from_value(serde_json::json!({
        "code": "north",
        "name": {"ro": "Punctul de lucru Nord", "en": "North office"},
        "address": "Str. Nordului 1, Oradea",
        "counters": {"passport": 2},
        "timetables": [
            {"from": "2026-01-01", "week": {"mon": ["08:00-12:00"], "tue": ["08:00-12:00"],
                "wed": ["08:00-12:00"], "thu": ["08:00-12:00"], "fri": ["08:00-12:00"]}},
            {"from": "2027-01-04", "week": {"mon": ["10:00-11:00"]}}
        ],
        "special_days": [
            {"date": "2026-11-28", "hours": ["09:00-10:00"], "reason": "Sâmbătă deschisă"},
            {"date": "2026-12-04", "reason": "Inventar"}
        ]
    }))
    .unwrap();
    setup.locations.push(north);
    setup
}

fn times(desk: &Desk, day: NaiveDate) -> Vec<String> {
    desk.slots(&[], day)
        .unwrap()
        .iter()
        .map(|s| s.local_start().format("%H:%M").to_string())
        .collect()
}

#[test]
fn a_service_at_two_locations_has_a_desk_at_each_with_its_own_counters_and_hours() {
    let setup = two_locations();
    let code = |e: Error| e.code();
    assert_eq!(
        code(setup.desk(None, "passport").unwrap_err()),
        "location_required"
    );
    let north = setup.desk(Some("north"), "passport").unwrap();
    let main = setup.desk(Some("main"), "passport").unwrap();
    assert_eq!((north.online_seats(), north.walk_in_seats()), (1, 1));
    assert_eq!((main.online_seats(), main.walk_in_seats()), (2, 2));
    // Wednesday 25 November 2026: north keeps mornings, the main office the whole day.
    assert_eq!(times(&north, d(2026, 11, 25)).len(), 16);
    assert_eq!(times(&main, d(2026, 11, 25)).len(), 32);
    // Registrations are given at the main office only: no location needed.
    assert_eq!(
        setup.desk(None, "registration").unwrap().location.code,
        "main"
    );
    assert_eq!(
        code(setup.desk(Some("north"), "registration").unwrap_err()),
        "service_not_at_location"
    );
    assert_eq!(
        code(setup.desk(Some("south"), "passport").unwrap_err()),
        "unknown_location"
    );
    let at_north: Vec<&str> = setup
        .desks_at(setup.location("north").unwrap())
        .map(|d| d.service.code.as_str())
        .collect();
    assert_eq!(at_north, ["passport"]);
}

#[test]
fn a_timetable_takes_over_from_its_date_and_a_special_day_wins_over_the_week() {
    let setup = two_locations();
    let north = setup.desk(Some("north"), "passport").unwrap();
    let office = Office::default();
    // Monday 28 December 2026 keeps the old hours; Monday 4 January 2027 the new ones.
    assert_eq!(times(&north, d(2026, 12, 28)).len(), 16);
    assert_eq!(times(&north, d(2027, 1, 4)), ["10:00", "10:15", "10:30", "10:45"]);
    assert_eq!(
        north.closed(&office.closures, d(2027, 1, 5)),
        Some(Closed::NoHours),
        "the new week has no Tuesday"
    );
    // A Saturday opening, and a Friday closed with its reason; the main office keeps both days.
    assert_eq!(times(&north, d(2026, 11, 28)), ["09:00", "09:15", "09:30", "09:45"]);
    assert_eq!(
        north.closed(&office.closures, d(2026, 12, 4)),
        Some(Closed::Closure {
            name: "Inventar".into()
        })
    );
    let main = setup.desk(Some("main"), "passport").unwrap();
    assert_eq!(main.closed(&office.closures, d(2026, 11, 28)), Some(Closed::Weekend));
    assert_eq!(main.closed(&office.closures, d(2026, 12, 4)), None);
}

#[test]
fn a_service_may_keep_its_own_hours_at_a_location() {
    let mut setup = two_locations();
    let own = [(
        "mon".to_owned(),
        Interval::list("09:00-10:00").unwrap(),
    )];
    setup.locations[0].timetables[0]
        .services
        .insert("registration".into(), own.into_iter().collect());
    let registration = setup.desk(None, "registration").unwrap();
    assert_eq!(
        times(&registration, d(2026, 11, 23)),
        ["09:00", "09:20", "09:40"]
    );
    assert_eq!(
        registration.closed(&[], d(2026, 11, 24)),
        Some(Closed::NoHours),
        "a day its own week leaves out is closed for it"
    );
    let passport = setup.desk(Some("main"), "passport").unwrap();
    assert_eq!(times(&passport, d(2026, 11, 24)).len(), 32, "the others keep the location's");
    assert!(setup.check().is_ok());
    setup.locations[0].timetables[0]
        .services
        .insert("visa".into(), BTreeMap::new());
    assert_eq!(
        setup.check().unwrap_err().0,
        "locations[0].timetables[0].services.visa"
    );
}

#[test]
fn r01_the_online_share_is_the_services_rounded_down_and_r06_r07_follow_its_proof() {
    let mut setup = Setup::default();
    setup.services[0].online_percent = 75;
    setup.locations[0].counters.insert("passport".into(), 3);
    let desk = setup.desk(None, "passport").unwrap();
    assert_eq!((desk.online_seats(), desk.walk_in_seats()), (2, 1));
    setup.services[0].retired = true;
    assert_eq!(
        setup.bookable_desk(None, "passport").unwrap_err().code(),
        "service_retired"
    );
    assert!(
        setup.desk(None, "passport").is_ok(),
        "staff still reach its bookings"
    );
}

#[test]
fn a_setup_that_does_not_hold_together_is_refused_naming_the_part() {
    let refused = |change: fn(&mut Setup)| {
        let mut setup = two_locations();
        change(&mut setup);
        setup.check().unwrap_err().0
    };
    assert!(two_locations().check().is_ok());
    assert!(Setup::default().check().is_ok());
    assert_eq!(
        refused(|s| {
            s.locations[1].counters.insert("visa".into(), 1);
        }),
        "locations[1].counters.visa"
    );
    assert_eq!(
        refused(|s| s.services[1].code = "passport".into()),
        "services[1].code"
    );
    assert_eq!(
        refused(|s| s.services[0].code = "Pass port".into()),
        "services[0].code"
    );
    assert_eq!(
        refused(|s| s.services[0].slot_minutes = 1),
        "services[0].slot_minutes"
    );
    assert_eq!(
        refused(|s| s.locations[1].timetables.swap(0, 1)),
        "locations[1].timetables[1].from"
    );
    assert_eq!(
        refused(|s| {
            let t = &mut s.locations[1].timetables[0];
            let mon = t.week.get_mut("mon").unwrap();
            mon.push(Interval::try_from("11:00-13:00".to_owned()).unwrap());
        }),
        "locations[1].timetables[0].week.mon"
    );
    assert_eq!(refused(|s| s.locations.clear()), "locations");
    assert_eq!(
        refused(|s| s.locations[0].name.ro = " ".into()),
        "locations[0].name.ro"
    );
    assert!(Interval::try_from("12:00-08:00".to_owned()).is_err());
    assert!(Interval::try_from("8-12".to_owned()).is_err());
}

fn now() -> DateTime<chrono::Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

#[test]
fn a_fresh_database_starts_from_the_seed_once_and_a_change_is_a_new_audited_version() {
    let db = NativeDb::fresh();
    let first = store::load(&db, &two_locations(), now()).unwrap();
    assert_eq!(first.version, 1);
    // Once seeded, the database is the truth: another seed is not taken.
    let again = store::load(&db, &Setup::default(), now()).unwrap();
    assert_eq!((again.version, again.setup.locations.len()), (1, 2));

    let mut changed = first.setup.clone();
    changed.locations[1].counters.insert("passport".into(), 4);
    changed.locations[1].address = "Str. Nordului 3".into();
    let who = Staff("sefa".into());
    let saved = store::save(&db, &first, &changed, &who, now()).unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(store::load(&db, &Setup::default(), now()).unwrap().setup, changed);
    let audit = db
        .execute(
            "SELECT staff, action, subject, state_before, state_after FROM audit",
            &[],
        )
        .unwrap();
    let row = audit.first().unwrap();
    assert_eq!(row.text("staff").unwrap(), "sefa");
    assert_eq!(row.text("subject").unwrap(), "setup:2");
    assert_eq!(
        row.text("state_before").unwrap(),
        "locations.north.address=Str. Nordului 1, Oradea; locations.north.counters.passport=2"
    );
    assert_eq!(
        row.text("state_after").unwrap(),
        "locations.north.address=Str. Nordului 3; locations.north.counters.passport=4"
    );

    // A change made from version 1 after version 2 landed is refused, and changes nothing.
    let mut stale = first.setup.clone();
    stale.services[0].slot_minutes = 30;
    assert_eq!(
        store::save(&db, &first, &stale, &who, now())
            .unwrap_err()
            .code(),
        "setup_changed_meanwhile"
    );
    let mut broken = changed.clone();
    broken.services[0].slot_minutes = 0;
    assert_eq!(
        store::save(&db, &saved, &broken, &who, now())
            .unwrap_err()
            .code(),
        "invalid_setup"
    );
    assert_eq!(store::load(&db, &Setup::default(), now()).unwrap().version, 2);
    // Saving what is already there is no new version.
    assert_eq!(store::save(&db, &saved, &changed, &who, now()).unwrap().version, 2);
}

#[test]
fn the_difference_names_things_by_their_code_and_tells_what_came_and_went() {
    let old = serde_json::to_value(Setup::default()).unwrap();
    let new = serde_json::to_value(two_locations()).unwrap();
    let changes = diff(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].0, "locations.north");
    assert_eq!(changes[0].1, "-");
    assert!(changes[0].2.contains("Str. Nordului 1"));
    let back = diff(&new, &old);
    assert_eq!((back[0].0.as_str(), back[0].2.as_str()), ("locations.north", "-"));
}

/// Issue 24's upgrade: a database of the last release without locations (schema 17),
/// filled with a booking of every kind, a ticket, a closed window and its relocation,
/// a ban, a complaint and an order, upgrades in place: every row stays, each at the
/// first location, and the setup starts from what the `office` variable said.
#[test]
fn an_office_upgraded_from_before_locations_keeps_every_row_at_its_first_location() {
    let db = NativeDb::at_version(17);
    let statements = [
        "INSERT INTO bookings (id, number_hash, service, slot_start, slot_end, name, phone, vin,
            identity_key, request_hash, created_at, state, lang)
         VALUES (1, 'h1', 'registration', '2026-11-25T07:10:00Z', '2026-11-25T07:30:00Z',
            'Ion Pop', '+40722123456', 'WVWZZZ1JZXW000001', 'vin:WVWZZZ1JZXW000001', 'r1',
            '2026-11-20T08:00:00Z', 'active', 'hu')",
        "INSERT INTO bookings (id, number_hash, service, slot_start, slot_end, name, phone, holder,
            identity_key, request_hash, created_at, state, cancel_reason)
         VALUES (2, 'h2', 'passport', '2026-11-25T07:00:00Z', '2026-11-25T07:15:00Z',
            'Ana Pop', '+40733123456', 'Ana Pop', 'holder:passport:ana pop', 'r2',
            '2026-11-20T08:00:00Z', 'cancelled', 'office_closed')",
        "INSERT INTO walk_in_tickets (service, slot_start, issued_at, staff)
         VALUES ('passport', '2026-11-25T07:00:00Z', '2026-11-25T06:50:00Z', 'ghiseu1')",
        "INSERT INTO closed_windows (id, service, starts_at, ends_at, reason, staff, created_at)
         VALUES (7, 'passport', '2026-11-25T07:00:00Z', '2026-11-25T08:00:00Z', 'Pană', 'sef',
            '2026-11-21T08:00:00Z')",
        "INSERT INTO relocations (booking_id, window_id, old_start, created_at, answer)
         VALUES (2, 7, '2026-11-25T07:00:00Z', '2026-11-21T08:00:00Z', 'cancelled')",
        "INSERT INTO bans (contact, reason, booking_id, starts_at, ends_at)
         VALUES ('phone:x', 'no_show', 1, '2026-11-25T08:00:00Z', '2026-12-25T08:00:00Z')",
        "INSERT INTO complaints (number_hash, kind, description, received_at)
         VALUES ('c1', 'complaint', 'Am așteptat mult.', '2026-11-22T08:00:00Z')",
        "INSERT INTO orders (number_hash, document, fee_bani, currency, name, email, details, lang,
            state, created_at, pay_by)
         VALUES ('o1', 'certificate', 2500, 'RON', 'Ion Pop', 'ion@example.ro', '{}', 'ro',
            'awaiting_payment', '2026-11-22T08:00:00Z', '2026-11-25T08:00:00Z')",
    ];
    for sql in statements {
        db.execute(sql, &[]).unwrap();
    }
    let count = |table: &str| {
        db.execute(&format!("SELECT COUNT(*) AS n FROM {table}"), &[])
            .unwrap()
            .first()
            .unwrap()
            .int("n")
            .unwrap()
    };
    let tables = [
        "bookings",
        "walk_in_tickets",
        "closed_windows",
        "relocations",
        "bans",
        "complaints",
        "orders",
    ];
    let before: Vec<i64> = tables.iter().map(|t| count(t)).collect();

    crate::storage::schema::prepare(&db).unwrap();
    let office = Office::from_override_json(Some(
        r#"{"services": {"registration": {"counters": 5}}, "hours": {"sat": [["09:00", "12:00"]]}}"#,
    ))
    .unwrap();
    let setup = store::load(&db, &office.setup, now()).unwrap().setup;

    let after: Vec<i64> = tables.iter().map(|t| count(t)).collect();
    assert_eq!(before, after, "every row kept: {tables:?}");
    let first = &setup.locations[0].code;
    for table in ["bookings", "walk_in_tickets", "closed_windows"] {
        let elsewhere = db
            .execute(
                &format!("SELECT COUNT(*) AS n FROM {table} WHERE location != ?"),
                &[first.as_str().into()],
            )
            .unwrap()
            .first()
            .unwrap()
            .int("n")
            .unwrap();
        assert_eq!(elsewhere, 0, "{table} at the first location");
    }
    let window = db
        .execute(
            "SELECT id, reason, location FROM closed_windows",
            &[],
        )
        .unwrap();
    let window = window.first().unwrap();
    assert_eq!(
        (window.int("id").unwrap(), window.text("reason").unwrap().as_str()),
        (7, "Pană"),
        "the relocation still points at its window"
    );
    let booking = crate::booking::Booking::by_id(&db, 1).unwrap().unwrap();
    assert_eq!(
        (booking.lang, booking.vin.as_deref()),
        (Lang::Hu, Some("WVWZZZ1JZXW000001"))
    );
    // The office variable's counters and hours became the first location's.
    let registration = setup.desk(None, "registration").unwrap();
    assert_eq!(registration.counters, 5);
    assert_eq!(
        times(&registration, d(2026, 11, 28)),
        ["09:00", "09:20", "09:40", "10:00", "10:20", "10:40", "11:00", "11:20", "11:40"]
    );
}

