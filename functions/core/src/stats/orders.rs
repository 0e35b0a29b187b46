//! The digital orders' figures (D01–D04): what became of the orders placed in the
//! period, per document type, the fees they brought and how fast they were issued.
//!
//! Everything here survives retention: the document type, state, refund flag, fee and
//! times stay on the order, and the kind and time of each event stay in its log.

use super::period::Period;
use super::table::{Cell, Kind, Table, column, median};
use crate::kernel::error::Error;
use crate::office::{Office, Setup};
use crate::storage::{Database, Value, db_time};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

pub const ORDERS: &str = "orders";

/// The orders placed in the period, per document type (the index on `created_at`).
/// A paid order is one whose payment moved it to `paid` (`paid_at`); a payment that
/// came too late paid nothing and is only owed back (`refund`).
const BY_DOCUMENT: &str = "SELECT document,
        COUNT(*) AS placed,
        COUNT(paid_at) AS paid,
        SUM(state IN ('issued', 'delivered')) AS issued,
        SUM(state = 'delivered') AS delivered,
        SUM(state = 'rejected') AS rejected,
        SUM(state = 'expired') AS expired,
        SUM(state = 'cancelled') AS cancelled,
        COUNT(CASE WHEN refund = 'due' THEN 1 END) AS refunds_due,
        COUNT(CASE WHEN refund = 'done' THEN 1 END) AS refunds_done,
        IFNULL(SUM(CASE WHEN paid_at IS NOT NULL THEN fee_bani END), 0) AS fees_bani
    FROM orders
    WHERE created_at >= ?1 AND created_at < ?2
    GROUP BY document";

/// Of those, the ones issued (or delivered) now: when they were paid, their standing
/// deadline (D04's `due_at`: set at payment, set afresh when a problem reopened the
/// order) and their first and latest issue (each order's log, by its index). The `+`
/// keeps SQLite from reading every issued order ever through `orders_by_state`: the
/// period bounds the read, not the state.
const ISSUED: &str = "SELECT o.document, o.paid_at, o.due_at,
        (SELECT MIN(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'issued')
            AS first_issued,
        (SELECT MAX(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'issued')
            AS last_issued
    FROM orders o
    WHERE o.created_at >= ?1 AND o.created_at < ?2 AND +o.state IN ('issued', 'delivered')";

/// A document type's counts, in the order of `BY_DOCUMENT`'s columns after `document`.
const COUNTS: [&str; 9] = [
    "placed",
    "paid",
    "issued",
    "delivered",
    "rejected",
    "expired",
    "cancelled",
    "refunds_due",
    "refunds_done",
];

#[derive(Default)]
struct Figures {
    counts: [i64; COUNTS.len()],
    fees_bani: i64,
    /// Seconds from payment to the first issue, one per issued order.
    to_issue: Vec<i64>,
    on_time: i64,
}

/// Per document type, for the orders placed in the period: how many were paid,
/// issued, delivered, rejected, left to expire unpaid or cancelled; the refunds owed
/// and made; the fees paid; the median time from payment to issue; and how many were
/// issued by their deadline (D04). One row per type of the catalog, then any type
/// the catalog no longer lists but an order in the period has.
pub fn by_document(
    db: &dyn Database,
    office: &Office,
    _setup: &Setup,
    period: &Period,
    _now: DateTime<Utc>,
) -> Result<Table, Error> {
    let (from, to) = period.instants();
    let (from, to): (Value, Value) = (db_time(from).into(), db_time(to).into());
    let mut per_document: BTreeMap<String, Figures> = BTreeMap::new();
    for row in db.execute(BY_DOCUMENT, &[from.clone(), to.clone()])?.iter() {
        let figures = per_document.entry(row.text("document")?).or_default();
        for (count, name) in figures.counts.iter_mut().zip(COUNTS) {
            *count = row.int(name)?;
        }
        figures.fees_bani = row.int("fees_bani")?;
    }
    for row in db.execute(ISSUED, &[from, to])?.iter() {
        let figures = per_document.entry(row.text("document")?).or_default();
        let (paid, due) = (row.opt_time("paid_at")?, row.opt_time("due_at")?);
        let (first, last) = (row.opt_time("first_issued")?, row.opt_time("last_issued")?);
        if let (Some(paid), Some(first)) = (paid, first) {
            figures.to_issue.push((first - paid).num_seconds().max(0));
        }
        // D04's deadline is the end of its last business day: issued before it.
        if let (Some(due), Some(last)) = (due, last)
            && last < due
        {
            figures.on_time += 1;
        }
    }
    let mut codes: Vec<String> = office
        .orders
        .documents
        .iter()
        .map(|d| d.code.clone())
        .collect();
    codes.extend(
        per_document
            .keys()
            .filter(|code| !codes.contains(code))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let rows = codes
        .into_iter()
        .map(|code| {
            let figures = per_document.remove(&code).unwrap_or_default();
            let issued = figures.counts[2];
            let mut row = vec![Cell::Label(code)];
            row.extend(figures.counts.iter().map(|n| Cell::count(*n)));
            row.push(Cell::money(figures.fees_bani));
            row.push(Cell::hours(median(
                &mut figures
                    .to_issue
                    .iter()
                    .map(|s| *s as f64)
                    .collect::<Vec<_>>(),
            )));
            row.push(Cell::count(figures.on_time));
            row.push(Cell::percent(figures.on_time, issued));
            row
        })
        .collect();
    Ok(Table {
        id: ORDERS,
        title: "stats-orders-title",
        about: "stats-orders-about",
        columns: vec![
            column("stats-column-document", Kind::Label),
            column("stats-column-placed", Kind::Count),
            column("stats-column-paid", Kind::Count),
            column("stats-column-issued", Kind::Count),
            column("stats-column-delivered", Kind::Count),
            column("stats-column-rejected", Kind::Count),
            column("stats-column-expired-unpaid", Kind::Count),
            column("stats-column-cancelled", Kind::Count),
            column("stats-column-refunds-owed", Kind::Count),
            column("stats-column-refunds-made", Kind::Count),
            column("stats-column-fees-collected", Kind::Money),
            column("stats-column-hours-to-issue", Kind::Hours),
            column("stats-column-issued-on-time", Kind::Count),
            column("stats-column-issued-on-time-share", Kind::Percent),
        ],
        rows,
        charted: vec![1, 3],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::NativeDb;
    use chrono::{DateTime, Duration, NaiveDate, Utc};

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn period() -> Period {
        Period {
            from: monday(),
            to: monday() + chrono::Days::new(1),
        }
    }

    /// `hours` after 10:00 (office time) on the period's first day.
    fn at(hours: i64) -> DateTime<Utc> {
        crate::kernel::time::start_of_day(monday()) + Duration::hours(10 + hours)
    }

    struct Placed {
        document: &'static str,
        fee: i64,
        state: &'static str,
        /// Hours as `at` counts them.
        created: i64,
        paid: Option<DateTime<Utc>>,
        due: Option<DateTime<Utc>>,
        refund: Option<&'static str>,
        /// When it was issued, each time.
        issued: &'static [i64],
    }

    const PLAIN: Placed = Placed {
        document: "vehicle_history",
        fee: 2_500,
        state: "received",
        created: 0,
        paid: None,
        due: None,
        refund: None,
        issued: &[],
    };

    fn place(db: &NativeDb, id: i64, order: Placed) {
        let created = at(order.created);
        db.execute(
            "INSERT INTO orders (id, number_hash, document, fee_bani, currency, name, email,
                 details, lang, state, created_at, pay_by, paid_at, due_at, refund)
             VALUES (?1, 'n' || ?1, ?2, ?3, 'RON', '', '', '{}', 'ro', ?4, ?5, ?5, ?6, ?7, ?8)",
            &[
                id.into(),
                order.document.into(),
                order.fee.into(),
                order.state.into(),
                db_time(created).into(),
                order.paid.map(db_time).into(),
                order.due.map(db_time).into(),
                order.refund.into(),
            ],
        )
        .unwrap();
        for hours in order.issued {
            db.execute(
                "INSERT INTO order_events (order_id, kind, at) VALUES (?1, 'issued', ?2)",
                &[id.into(), db_time(at(*hours)).into()],
            )
            .unwrap();
        }
    }

    /// Vehicle histories placed on Monday 10:00, paid an hour later, due 3 days on:
    /// issued after 5 h (delivered), after 10 h, after 100 h (late; delivered), one
    /// issued after 3 h then reopened and issued again within its new deadline, one
    /// still processing, one rejected with its refund owed, one refunded after a
    /// rejection, one expired (then paid late: a refund owed), one cancelled, one
    /// waiting for its payment; a licence record placed and issued within the day; and
    /// orders placed outside the period, which count nowhere.
    fn known_orders() -> NativeDb {
        let db = NativeDb::fresh();
        let paid = Some(at(1));
        let due = Some(at(72));
        let issued = |state, issued| Placed {
            state,
            paid,
            due,
            issued,
            ..PLAIN
        };
        place(&db, 1, issued("delivered", &[6]));
        place(&db, 2, issued("issued", &[11]));
        place(&db, 3, issued("delivered", &[101]));
        place(
            &db,
            4,
            Placed {
                due: Some(at(200)),
                ..issued("issued", &[4, 150])
            },
        );
        place(&db, 5, issued("processing", &[]));
        place(
            &db,
            6,
            Placed {
                refund: Some("due"),
                ..issued("rejected", &[])
            },
        );
        place(
            &db,
            7,
            Placed {
                refund: Some("done"),
                ..issued("rejected", &[])
            },
        );
        place(
            &db,
            8,
            Placed {
                state: "expired",
                refund: Some("due"),
                ..PLAIN
            },
        );
        place(
            &db,
            9,
            Placed {
                state: "cancelled",
                ..PLAIN
            },
        );
        place(&db, 10, PLAIN);
        place(
            &db,
            11,
            Placed {
                document: "licence_record",
                fee: 3_000,
                state: "delivered",
                paid: Some(at(2)),
                due: Some(at(120)),
                issued: &[5],
                ..PLAIN
            },
        );
        // The day before the period, and the day after it.
        for (id, created) in [(12, -11), (13, 38)] {
            place(
                &db,
                id,
                Placed {
                    created,
                    state: "delivered",
                    paid: Some(at(created)),
                    due: Some(at(created + 72)),
                    issued: &[1],
                    ..PLAIN
                },
            );
        }
        db
    }

    fn rows(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn stats_orders_count_each_outcome_fee_and_deadline_per_document() {
        let db = known_orders();
        let office = Office::from_override_json(None).unwrap();
        let table = by_document(&db, &office, &office.setup, &period(), chrono::Utc::now()).unwrap();
        assert_eq!(table.id, ORDERS);
        assert_eq!(
            rows(&table),
            [
                // Ten placed; seven paid (175 lei, the two rejected ones included);
                // four issued, two of them delivered; two rejected, one expired, one
                // cancelled; two refunds owed (a rejection, a late payment), one
                // made. From payment to the first issue: 3, 5, 10 and 100 hours, a
                // median of 7.5; on time: all but the one issued after 100 hours.
                [
                    "vehicle_history",
                    "10",
                    "7",
                    "4",
                    "2",
                    "2",
                    "1",
                    "1",
                    "2",
                    "1",
                    "175.00",
                    "7.5",
                    "3",
                    "75"
                ],
                [
                    "provisional_extension",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0.00",
                    "",
                    "0",
                    ""
                ],
                [
                    "licence_record",
                    "1",
                    "1",
                    "1",
                    "1",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "30.00",
                    "3",
                    "1",
                    "100"
                ],
            ]
        );
        assert_eq!(table.rows[0][10].number(), Some(175.0));
    }

    #[test]
    fn stats_orders_keep_a_document_the_catalog_no_longer_lists() {
        let db = NativeDb::fresh();
        place(
            &db,
            1,
            Placed {
                document: "old_certificate",
                fee: 1_999,
                state: "paid",
                paid: Some(at(1)),
                due: Some(at(72)),
                ..PLAIN
            },
        );
        let office = Office::from_override_json(None).unwrap();
        let table = by_document(&db, &office, &office.setup, &period(), chrono::Utc::now()).unwrap();
        assert_eq!(table.rows.len(), 4);
        assert_eq!(
            rows(&table)[3],
            [
                "old_certificate",
                "1",
                "1",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "19.99",
                "",
                "0",
                ""
            ]
        );
    }

    #[test]
    fn stats_orders_median_is_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0, 2.0]), Some(3.5));
    }

    /// What SQLite plans for `sql`, one step a line.
    fn plan(db: &NativeDb, sql: &str) -> String {
        let bound = db_time(at(0));
        db.execute(
            &format!("EXPLAIN QUERY PLAN {sql}"),
            &[bound.as_str().into(), bound.as_str().into()],
        )
        .unwrap()
        .read(|r| r.text("detail"))
        .unwrap()
        .join("\n")
    }

    #[test]
    fn stats_orders_are_read_through_the_index_on_their_creation() {
        let db = NativeDb::fresh();
        for sql in [BY_DOCUMENT, ISSUED] {
            let plan = plan(&db, sql);
            assert!(plan.contains("USING INDEX orders_by_creation"), "{plan}");
            assert!(!plan.contains("SCAN"), "{plan}");
        }
    }
}
