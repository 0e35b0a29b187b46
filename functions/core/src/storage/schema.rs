//! The database schema as embedded migrations (`storage/migrations/`, one file per
//! version), versioned with `PRAGMA user_version` and applied by whichever component
//! opens the database first. `storage/schema.sql` is the schema they produce.

use super::database::{Database, Value, in_transaction};
use super::migrations::MIGRATIONS;
use crate::kernel::error::Error;

/// How long a writing connection waits for another writer (Spin's backend, rusqlite,
/// waits 5 s by default; a rush deserves longer, and a wait is not a failure).
const BUSY_TIMEOUT_MS: i64 = 10_000;

fn user_version(db: &dyn Database) -> Result<i64, Error> {
    let rows = db.execute("PRAGMA user_version", &[])?;
    Ok(rows.read_first(|r| r.int("user_version"))?.unwrap_or(0))
}

/// Readies a freshly opened connection: one statement when the schema is current.
/// WAL is a property of the file, set once by the first migration run; the pragmas
/// a writer needs are set by `ready_for_writes`, only on connections that write.
pub fn prepare(db: &dyn Database) -> Result<(), Error> {
    let latest = MIGRATIONS.len() as i64;
    if user_version(db)? >= latest {
        return Ok(());
    }
    ready_for_writes(db);
    // WAL keeps readers off the writers' backs. Remote databases (libSQL) refuse it: fine.
    let _ = db.execute("PRAGMA journal_mode = WAL", &[]);
    // A migration that rebuilds a table (SQLite can't change a constraint in place)
    // drops the old one, which foreign keys refuse while rows point at it; as SQLite's
    // own procedure for it says, they are off while migrating (the rebuilt table keeps
    // its ids, so nothing is left pointing nowhere) and back as they were after.
    let foreign_keys = db
        .execute("PRAGMA foreign_keys", &[])
        .ok()
        .and_then(|rows| rows.read_first(|r| r.flag("foreign_keys")).ok().flatten());
    if foreign_keys == Some(true) {
        let _ = db.execute("PRAGMA foreign_keys = OFF", &[]);
    }
    let migrated = in_transaction(db, || {
        // Another component may have migrated while we waited for the lock.
        let current = user_version(db)?;
        for migration in MIGRATIONS
            .iter()
            .skip(usize::try_from(current).unwrap_or(0))
        {
            for statement in *migration {
                db.execute(statement, &[])?;
            }
        }
        db.execute(&format!("PRAGMA user_version = {latest}"), &[] as &[Value])?;
        Ok(())
    });
    if foreign_keys == Some(true) {
        let _ = db.execute("PRAGMA foreign_keys = ON", &[]);
    }
    migrated
}

/// The per-connection pragmas of a writer: a longer lock wait, and NORMAL syncs (in
/// WAL, at checkpoints only; still safe against corruption). Both are optional: a
/// backend that refuses them (libSQL) keeps its own behaviour.
pub fn ready_for_writes(db: &dyn Database) {
    let _ = db.execute(&format!("PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"), &[]);
    let _ = db.execute("PRAGMA synchronous = NORMAL", &[]);
}

#[cfg(test)]
mod tests {
    use super::MIGRATIONS;
    use crate::storage::Database;
    use crate::storage::testing::NativeDb;

    #[test]
    fn migrations_apply_once_and_are_idempotent() {
        let db = NativeDb::fresh();
        super::prepare(&db).unwrap();
        assert_eq!(super::user_version(&db).unwrap(), MIGRATIONS.len() as i64);
    }

    /// Where the golden schema lives, for `GHISEU_BLESS_SCHEMA=1` to rewrite it.
    const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/storage/schema.sql");

    /// The schema of `db` as readable text: a header, then each object's SQL (in
    /// `sqlite_master`, ordered by type and name) and the schema version.
    fn dump(db: &dyn Database) -> String {
        let rows = db
            .execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master \
                 WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
                &[],
            )
            .unwrap();
        let mut out = String::from(
            "-- Generated: the schema the migrations (storage/migrations/) produce on a fresh\n\
             -- database. Checked by the test `the_migrated_schema_is_todays`; after a new\n\
             -- migration, regenerate it with\n\
             --   GHISEU_BLESS_SCHEMA=1 cargo test -p ghiseu-core the_migrated_schema\n\
             -- and read the difference before committing it.\n\n",
        );
        for row in rows.iter() {
            let kind = row.text("type").unwrap();
            let name = row.text("name").unwrap();
            let table = row.text("tbl_name").unwrap();
            let sql = row.opt_text("sql").unwrap().unwrap_or_default();
            out.push_str(&format!("-- {kind} {name} on {table}\n{sql};\n\n"));
        }
        let version = super::user_version(db).unwrap();
        out.push_str(&format!("PRAGMA user_version = {version};\n"));
        out
    }

    /// Compares a dump with the golden one, naming the first object that differs.
    fn assert_same_schema(expected: &str, actual: &str, what: &str) {
        if expected == actual {
            return;
        }
        let expected_objects: Vec<&str> = expected.split("\n\n").collect();
        let actual_objects: Vec<&str> = actual.split("\n\n").collect();
        let at = (0..expected_objects.len().max(actual_objects.len()))
            .find(|&i| expected_objects.get(i) != actual_objects.get(i))
            .unwrap_or(0);
        panic!(
            "{what}: the schema differs from storage/schema.sql, first at:\n\
             --- expected ---\n{}\n--- actual ---\n{}\n\
             (after an intended schema change: GHISEU_BLESS_SCHEMA=1 cargo test -p ghiseu-core the_migrated_schema)",
            expected_objects.get(at).unwrap_or(&"(nothing)"),
            actual_objects.get(at).unwrap_or(&"(nothing)"),
        );
    }

    #[test]
    fn the_migrated_schema_is_todays() {
        let actual = dump(&NativeDb::fresh());
        if std::env::var_os("GHISEU_BLESS_SCHEMA").is_some() {
            std::fs::write(SCHEMA_FILE, &actual).unwrap();
            return;
        }
        assert_same_schema(include_str!("schema.sql"), &actual, "a fresh database");
    }

    #[test]
    fn upgrades_from_every_version_end_at_todays_schema() {
        let fresh = dump(&NativeDb::fresh());
        for version in 1..MIGRATIONS.len() {
            let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
            for statement in MIGRATIONS[..version].iter().copied().flatten() {
                db.execute(statement, &[]).unwrap();
            }
            db.execute(&format!("PRAGMA user_version = {version}"), &[])
                .unwrap();
            super::prepare(&db).unwrap();
            assert_same_schema(
                &fresh,
                &dump(&db),
                &format!("upgraded from version {version}"),
            );
        }
    }

    #[test]
    fn version_10_rewrites_the_old_dedupe_keys_and_nothing_else() {
        let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
        for statement in MIGRATIONS[..9].iter().copied().flatten() {
            db.execute(statement, &[]).unwrap();
        }
        db.execute("PRAGMA user_version = 9", &[]).unwrap();
        // The rows stand alone: no booking, complaint or order behind them.
        db.execute("PRAGMA foreign_keys = OFF", &[]).unwrap();
        let rows = [
            ("order_paid:7:1", "order_paid", "email", None, Some(7)),
            (
                "order_delivery:7:12",
                "order_delivery",
                "email",
                None,
                Some(7),
            ),
            ("sla:3:overdue", "sla_staff", "email", Some(3), None),
            (
                "complaint_ack:sms:3:received",
                "complaint_ack",
                "sms",
                Some(3),
                None,
            ),
            ("confirmation:sms:5", "confirmation", "sms", None, None),
        ];
        for (key, kind, channel, complaint, order) in rows {
            db.execute(
                "INSERT INTO outbox (dedupe_key, kind, channel, recipient, next_attempt_at, created_at, complaint_id, order_id)
                 VALUES (?, ?, ?, 'x', 't', 't', ?, ?)",
                &[key.into(), kind.into(), channel.into(), complaint.into(), order.into()],
            )
            .unwrap();
        }
        super::prepare(&db).unwrap();
        let keys = db
            .execute("SELECT dedupe_key FROM outbox ORDER BY id", &[])
            .unwrap()
            .read(|r| r.text("dedupe_key"))
            .unwrap();
        assert_eq!(
            keys,
            [
                "order_paid:email:7:1",
                "order_delivery:email:7:12",
                "sla_staff:email:3:overdue",
                "complaint_ack:sms:3:received",
                "confirmation:sms:5",
            ]
        );
    }
}
