use super::*;
use crate::kernel::text::Lang;
use crate::kernel::time::to_utc;
use crate::storage::db_time;
use crate::storage::testing::NativeDb;
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

mod complaints;

/// Registrations with one online and one walk-in seat a slot, and on Wednesdays two
/// slots (08:30, 08:50): two online seats that day.
const OFFICE: &str = r#"{"services": {"registration": {"counters": 2}},
    "hours": {"wed": [["08:30", "09:10"]]}}"#;

fn wednesday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn office() -> Office {
    Office::from_override_json(Some(OFFICE)).unwrap()
}

fn at(local: &str) -> DateTime<Utc> {
    to_utc(chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap()).unwrap()
}

/// When the booking figures are viewed: the day after (they don't depend on it).
fn thursday() -> DateTime<Utc> {
    at("2026-11-26 12:00")
}

fn booking(db: &NativeDb, id: i64, created: DateTime<Utc>, state: &str, reason: Option<&str>) {
    let slot = at("2026-11-25 08:30");
    db.execute(
        "INSERT INTO bookings (id, number_hash, service, slot_start, slot_end, name, phone,
             identity_key, request_hash, created_at, state, cancel_reason)
         VALUES (?1, 'h' || ?1, 'registration', ?2, ?2, '', 'p' || ?1, 'k' || ?1, '', ?3, ?4, ?5)",
        &[
            id.into(),
            db_time(slot).into(),
            db_time(created).into(),
            state.into(),
            reason.into(),
        ],
    )
    .unwrap();
}

/// The day opened 29 days before, at the office's opening time for new days.
fn opened(office: &Office) -> DateTime<Utc> {
    office.opens_for_booking(wednesday()).unwrap()
}

/// A known Wednesday: six registrations (two still active, one attended, one no-show,
/// one a duplicate, one cancelled by its booker), two walk-in tickets, one ban.
fn known_day() -> (NativeDb, Office) {
    let (db, office) = (NativeDb::fresh(), office());
    let open = opened(&office);
    for (id, minutes, state, reason) in [
        (1, 10, "active", None),
        (2, 25, "cancelled", Some("duplicate_vin")),
        (3, 40, "active", None),
        (4, 90, "attended", None),
        (5, 95, "no_show", None),
        (6, 99, "cancelled", Some("cancelled_by_booker")),
    ] {
        booking(&db, id, open + Duration::minutes(minutes), state, reason);
    }
    for _ in 0..2 {
        db.execute(
            "INSERT INTO walk_in_tickets (service, slot_start, issued_at, staff)
             VALUES ('registration', ?1, ?1, 'ana')",
            &[db_time(at("2026-11-25 08:50")).into()],
        )
        .unwrap();
    }
    db.execute(
        "INSERT INTO bans (contact, reason, booking_id, starts_at, ends_at)
         VALUES ('x', 'no_show', 5, ?1, ?1)",
        &[db_time(at("2026-11-25 18:00")).into()],
    )
    .unwrap();
    (db, office)
}

fn wednesday_only() -> Period {
    Period {
        from: wednesday(),
        to: wednesday(),
    }
}

fn row(table: &Table, service: &str) -> Vec<String> {
    table
        .rows
        .iter()
        .find(|r| r.iter().any(|c| *c == Cell::Label(service.to_owned())))
        .unwrap_or_else(|| panic!("a row for {service}: {table:?}"))
        .iter()
        .map(Cell::text)
        .collect()
}

#[test]
fn stats_a_day_s_bookings_and_walk_ins_against_r01_s_seats() {
    let (db, office) = known_day();
    let table = bookings::per_day(&db, &office, &office.setup, &wednesday_only(), thursday()).unwrap();
    // Five not cancelled of two online seats; two tickets of two walk-in seats.
    assert_eq!(
        row(&table, "registration"),
        [
            "2026-11-25",
            "registration",
            "4",
            "2",
            "200",
            "2",
            "2",
            "100"
        ]
    );
    // Passports: 08:30–09:10 in 15 minutes, two slots of two online seats, nobody.
    assert_eq!(
        row(&table, "passport"),
        ["2026-11-25", "passport", "0", "4", "0", "0", "4", "0"]
    );
}

#[test]
fn stats_outcomes_count_each_state_reason_and_ban() {
    let (db, office) = known_day();
    let table = bookings::outcomes(&db, &office, &office.setup, &wednesday_only(), thursday()).unwrap();
    assert_eq!(
        row(&table, "registration"),
        ["registration", "6", "1", "1", "1", "1", "0", "0", "50", "1"]
    );
    assert_eq!(
        row(&table, "passport"),
        ["passport", "0", "0", "0", "0", "0", "0", "0", "", "0"]
    );
}

#[test]
fn stats_a_day_filled_when_its_last_online_seat_was_first_taken() {
    let (db, office) = known_day();
    let table = bookings::fill_speed(&db, &office, &office.setup, &wednesday_only(), thursday()).unwrap();
    let opened = opened(&office).with_timezone(&crate::kernel::time::OFFICE_TZ);
    // Two online seats: the second booking made, 25 minutes after the day opened
    // (the duplicate, cancelled since, still took the seat then).
    assert_eq!(
        row(&table, "registration"),
        [
            "2026-11-25".to_owned(),
            "registration".to_owned(),
            opened.format("%Y-%m-%d %H:%M").to_string(),
            "25".to_owned()
        ]
    );
    assert_eq!(row(&table, "passport")[3], "", "never filled");
}

#[test]
fn stats_the_period_is_whole_days_at_most_a_year() {
    let today = wednesday();
    let default = Period::parse(None, Some(""), today).unwrap();
    assert_eq!((default.from, default.to), (today - Days::new(29), today));
    let code = |from: &str, to: &str| {
        Period::parse(Some(from), Some(to), today)
            .unwrap_err()
            .code()
    };
    assert_eq!(code("2026-11-26", "2026-11-25"), "invalid_range");
    assert_eq!(code("2025-11-24", "2026-11-25"), "period_too_long");
    assert_eq!(code("25.11.2026", ""), "invalid_date");
    let year = Period::parse(Some("2025-11-25"), Some("2026-11-25"), today).unwrap();
    assert_eq!(year.days().count(), 366);
}

#[test]
fn stats_csv_is_rfc_4180_keeps_diacritics_and_runs_no_formula() {
    let table = Table {
        id: "t",
        title: "stats-bookings-title",
        about: "stats-bookings-about",
        columns: vec![
            column("stats-column-service", Kind::Label),
            column("stats-column-bookings", Kind::Count),
        ],
        rows: vec![
            vec![Cell::Label("=HYPERLINK(\"x\")".into()), Cell::count(-3)],
            vec![
                Cell::Label("Înmatriculări, \"noi\"".into()),
                Cell::percent(1, 3),
            ],
        ],
        charted: vec![1],
    };
    let csv = csv::write(&table, Lang::Ro);
    assert_eq!(
        csv,
        "\u{feff}\"Serviciul\",\"Programări\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"-3\"\r\n\"Înmatriculări, \"\"noi\"\"\",\"33.3\"\r\n"
    );
}

#[test]
fn stats_every_figure_is_found_by_its_id() {
    let (db, office) = known_day();
    let period = wednesday_only();
    let all = all(&db, &office, &office.setup, &period, thursday()).unwrap();
    for table in &all {
        assert_eq!(
            by_id(&db, &office, &office.setup, &period, table.id, thursday())
                .unwrap()
                .as_ref(),
            Some(table)
        );
        assert!(
            table
                .charted
                .iter()
                .all(|c| table.columns[*c].kind != Kind::Label)
        );
    }
    assert!(
        by_id(&db, &office, &office.setup, &period, "nope", thursday())
            .unwrap()
            .is_none()
    );
}

#[test]
fn stats_every_text_is_a_message_in_every_language_and_romanian_writes_the_comma_below() {
    let (db, office) = known_day();
    for table in all(&db, &office, &office.setup, &wednesday_only(), thursday()).unwrap() {
        let ids = [table.title, table.about]
            .into_iter()
            .chain(table.columns.iter().map(|c| c.name));
        for id in ids {
            assert!(id.starts_with("stats-"), "{}: {id}", table.id);
            for lang in Lang::ALL {
                let text = crate::kernel::i18n::renders_cleanly(lang, id, None)
                    .unwrap_or_else(|e| panic!("{}: {e}", table.id));
                assert!(!text.is_empty(), "{}: {id} in {}", table.id, lang.code());
            }
            let ro = Lang::Ro.tr(id);
            assert!(
                !ro.contains(['ş', 'ţ', 'Ş', 'Ţ']),
                "{}: {ro} has a cedilla",
                table.id
            );
        }
    }
}

#[test]
fn stats_the_page_shows_days_and_numbers_the_language_s_way_and_the_csv_does_not() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let cells = [
        Cell::Day(day),
        Cell::Moment(day.and_hms_opt(8, 30, 0).unwrap()),
        Cell::count(12_345),
        Cell::percent(1, 3),
        Cell::money(123_456),
        Cell::Number(None),
    ];
    let shown = |lang: Lang| cells.iter().map(|c| c.shown(lang)).collect::<Vec<_>>();
    assert_eq!(
        shown(Lang::Ro),
        [
            "25.11.2026",
            "25.11.2026 08:30",
            "12.345",
            "33,3",
            "1.234,56",
            ""
        ]
    );
    assert_eq!(
        shown(Lang::En),
        [
            "25/11/2026",
            "25/11/2026 08:30",
            "12,345",
            "33.3",
            "1,234.56",
            ""
        ]
    );
    assert_eq!(
        shown(Lang::Hu),
        [
            "2026. 11. 25.",
            "2026. 11. 25. 08:30",
            "12\u{a0}345",
            "33,3",
            "1234,56",
            ""
        ]
    );
    let written: Vec<String> = cells.iter().map(Cell::text).collect();
    assert_eq!(
        written,
        [
            "2026-11-25",
            "2026-11-25 08:30",
            "12345",
            "33.3",
            "1234.56",
            ""
        ]
    );
}
