//! The messages' figure: what became of the emails and SMS the office queued in the
//! period (the outbox). Retention empties a message's recipient and text, never its
//! channel, state, attempts or times, so the figure holds after it.

use super::period::Period;
use super::table::{Cell, Kind, Table, column};
use crate::kernel::error::Error;
use crate::office::{Office, Setup};
use crate::storage::{Database, db_time};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

pub const MESSAGES: &str = "messages";

/// The channels every office has, shown even when nothing went out on them.
const CHANNELS: [&str; 2] = ["email", "sms"];

/// The messages queued in the period, per channel (the index on `created_at`). A
/// message claimed for sending right now (`sending`) is still on its way.
const BY_CHANNEL: &str = "SELECT channel,
        COUNT(*) AS queued,
        SUM(state = 'sent') AS sent,
        SUM(state = 'sent' AND attempts > 1) AS retried,
        SUM(state = 'skipped') AS skipped,
        SUM(state = 'failed') AS failed,
        SUM(state IN ('pending', 'sending')) AS waiting
    FROM outbox
    WHERE created_at >= ?1 AND created_at < ?2
    GROUP BY channel";

/// The counts of a row, in the order of `BY_CHANNEL`'s columns after `channel`.
const COUNTS: [&str; 6] = ["queued", "sent", "retried", "skipped", "failed", "waiting"];

/// Per channel, for the messages queued in the period: how many were sent, sent only
/// after a failed try, skipped (no longer needed when their turn came), failed for
/// good, or are still waiting to go.
pub fn by_channel(
    db: &dyn Database,
    _office: &Office,
    _setup: &Setup,
    period: &Period,
    _now: DateTime<Utc>,
) -> Result<Table, Error> {
    let (from, to) = period.instants();
    let mut per_channel: BTreeMap<String, [i64; COUNTS.len()]> = BTreeMap::new();
    for row in db
        .execute(BY_CHANNEL, &[db_time(from).into(), db_time(to).into()])?
        .iter()
    {
        let counts = per_channel.entry(row.text("channel")?).or_default();
        for (count, name) in counts.iter_mut().zip(COUNTS) {
            *count = row.int(name)?;
        }
    }
    let mut channels: Vec<String> = CHANNELS.iter().map(|c| (*c).to_owned()).collect();
    channels.extend(
        per_channel
            .keys()
            .filter(|c| !CHANNELS.contains(&c.as_str()))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let rows = channels
        .into_iter()
        .map(|channel| {
            let counts = per_channel.remove(&channel).unwrap_or_default();
            let (sent, skipped, failed) = (counts[1], counts[3], counts[4]);
            let mut row = vec![Cell::Label(channel)];
            row.extend(counts.iter().map(|n| Cell::count(*n)));
            // Failures among the messages whose fate is settled.
            row.push(Cell::percent(failed, sent + skipped + failed));
            row
        })
        .collect();
    Ok(Table {
        id: MESSAGES,
        title: "stats-messages-title",
        about: "stats-messages-about",
        columns: vec![
            column("stats-column-channel", Kind::Label),
            column("stats-column-queued", Kind::Count),
            column("stats-column-sent", Kind::Count),
            column("stats-column-sent-after-retry", Kind::Count),
            column("stats-column-skipped", Kind::Count),
            column("stats-column-failed", Kind::Count),
            column("stats-column-waiting", Kind::Count),
            column("stats-column-failed-share", Kind::Percent),
        ],
        rows,
        charted: vec![2, 5],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::time::start_of_day;
    use crate::storage::testing::NativeDb;
    use chrono::{DateTime, Duration, NaiveDate, Utc};

    fn period() -> Period {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        Period { from: day, to: day }
    }

    /// `hours` after the office's midnight starting the period.
    fn at(hours: i64) -> DateTime<Utc> {
        start_of_day(period().from) + Duration::hours(hours)
    }

    fn queue(db: &NativeDb, id: i64, channel: &str, state: &str, attempts: i64, hours: i64) {
        db.execute(
            "INSERT INTO outbox (dedupe_key, kind, channel, recipient, state, attempts,
                 next_attempt_at, created_at, sent_at)
             VALUES ('m' || ?1, 'reminder', ?2, '', ?3, ?4, ?5, ?5,
                     CASE WHEN ?3 = 'sent' THEN ?5 END)",
            &[
                id.into(),
                channel.into(),
                state.into(),
                attempts.into(),
                db_time(at(hours)).into(),
            ],
        )
        .unwrap();
    }

    #[test]
    fn stats_messages_count_each_fate_per_channel() {
        let db = NativeDb::fresh();
        for (id, channel, state, attempts, hours) in [
            (1, "sms", "sent", 1, 8),
            (2, "sms", "sent", 3, 9),
            (3, "sms", "sent", 2, 10),
            (4, "sms", "failed", 5, 11),
            (5, "sms", "skipped", 1, 12),
            (6, "sms", "pending", 1, 13),
            (7, "sms", "sending", 2, 23),
            // Queued the evening before, and at the midnight ending the period.
            (8, "sms", "sent", 1, -1),
            (9, "sms", "failed", 5, 24),
            (10, "email", "sent", 1, 0),
        ] {
            queue(&db, id, channel, state, attempts, hours);
        }
        let table = by_channel(
            &db,
            &Office::default(),
            &Setup::default(),
            &period(),
            chrono::Utc::now(),
        );
        let rows: Vec<Vec<String>> = table
            .unwrap()
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        assert_eq!(
            rows,
            [
                ["email", "1", "1", "0", "0", "0", "0", "0"],
                // Seven: three sent (two after a retry), one failed, one skipped, two
                // waiting; one failed of five settled.
                ["sms", "7", "3", "2", "1", "1", "2", "20"],
            ]
        );
    }

    #[test]
    fn stats_messages_show_every_channel_even_when_nothing_was_queued() {
        let db = NativeDb::fresh();
        let table = by_channel(
            &db,
            &Office::default(),
            &Setup::default(),
            &period(),
            chrono::Utc::now(),
        );
        let rows: Vec<Vec<String>> = table
            .unwrap()
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        assert_eq!(
            rows,
            [
                ["email", "0", "0", "0", "0", "0", "0", ""],
                ["sms", "0", "0", "0", "0", "0", "0", ""],
            ]
        );
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
    fn stats_outbox_are_read_through_the_index_on_their_creation() {
        let db = NativeDb::fresh();
        let plan = plan(&db, BY_CHANNEL);
        assert!(plan.contains("USING INDEX outbox_by_creation"), "{plan}");
        assert!(!plan.contains("SCAN"), "{plan}");
    }
}
