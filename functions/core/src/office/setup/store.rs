//! The setup's versions in the database: the newest is read with one small statement
//! on the routes that need it; a fresh database starts from the `office` variable's
//! setup; a change is a new version, refused when someone else saved in between, and
//! audited with what it changed (old → new).

use super::Setup;
use crate::kernel::error::Error;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, StorageError, db_time, in_transaction};
use chrono::{DateTime, Utc};
use serde_json::Value;

const NEWEST: &str = "SELECT version, setup FROM office_setup ORDER BY version DESC LIMIT 1";
/// Two components starting on a fresh database may both seed: the first one wins.
const SEED: &str = "INSERT INTO office_setup (version, setup, staff, changed_at)
    VALUES (1, ?1, 'office variable', ?2) ON CONFLICT (version) DO NOTHING";
/// A change lands only on the version it was made from.
const SAVE: &str = "INSERT INTO office_setup (version, setup, staff, changed_at)
    SELECT ?1 + 1, ?2, ?3, ?4 WHERE (SELECT MAX(version) FROM office_setup) = ?1
    ON CONFLICT (version) DO NOTHING RETURNING version";

/// A setup and the version it is.
#[derive(Debug, Clone)]
pub struct Versioned {
    pub version: i64,
    pub setup: Setup,
}

fn newest(db: &dyn Database) -> Result<Option<Versioned>, Error> {
    let row = db.execute(NEWEST, &[])?.read_first(|r| {
        Ok((r.int("version")?, r.text("setup")?))
    })?;
    row.map(|(version, json)| {
        let setup = serde_json::from_str(&json).map_err(|e| {
            StorageError::Other(format!("office_setup version {version} unreadable: {e}"))
        })?;
        Ok(Versioned { version, setup })
    })
    .transpose()
}

/// The setup in force; a database without one starts from `seed`.
pub fn load(db: &dyn Database, seed: &Setup, now: DateTime<Utc>) -> Result<Versioned, Error> {
    if let Some(found) = newest(db)? {
        return Ok(found);
    }
    let json = serde_json::to_string(seed).expect("a setup serialises");
    db.execute(SEED, &[json.into(), db_time(now).into()])?;
    newest(db)?.ok_or_else(|| StorageError::Other("office_setup seeded but empty".into()).into())
}

/// Saves `setup` as the version after `from`: refused (`setup_changed_meanwhile`) when
/// another change came first, and audited with what it changes.
pub fn save(
    db: &dyn Database,
    from: &Versioned,
    setup: &Setup,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Versioned, Error> {
    setup
        .check()
        .map_err(|(path, _)| Error::field("invalid_setup", &path))?;
    let old = serde_json::to_value(&from.setup).expect("a setup serialises");
    let new = serde_json::to_value(setup).expect("a setup serialises");
    let changes = diff(&old, &new);
    if changes.is_empty() {
        return Ok(from.clone());
    }
    in_transaction(db, || {
        let saved = db
            .execute(
                SAVE,
                &[
                    from.version.into(),
                    new.to_string().into(),
                    who.0.as_str().into(),
                    db_time(now).into(),
                ],
            )?
            .read_first(|r| r.int("version"))?
            .ok_or_else(|| Error::conflict("setup_changed_meanwhile", "version"))?;
        let (before, after): (Vec<String>, Vec<String>) = changes
            .iter()
            .map(|(path, old, new)| (format!("{path}={old}"), format!("{path}={new}")))
            .unzip();
        let entry = Entry::new("setup_change", format!("setup:{saved}"))
            .change(before.join("; "), after.join("; "))
            .detail(format!("from:{}", from.version));
        audit(db, who, &entry, now)?;
        Ok(Versioned {
            version: saved,
            setup: setup.clone(),
        })
    })
}

/// What changed between two setups, as `(path, old, new)`: lists of things with a
/// `code` are matched by code (`locations.north.counters.passport`), other lists by
/// position; a missing side reads `-`.
pub fn diff(old: &Value, new: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    walk("", old, new, &mut out);
    out
}

fn keyed(list: &[Value]) -> Option<Vec<(String, &Value)>> {
    list.iter()
        .map(|v| Some((v.get("code")?.as_str()?.to_owned(), v)))
        .collect()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "-".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn walk(path: &str, old: &Value, new: &Value, out: &mut Vec<(String, String, String)>) {
    if old == new {
        return;
    }
    let pairs: Vec<(String, Option<&Value>, Option<&Value>)> = match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter()
                .map(|k| (join(path, k), a.get(k), b.get(k)))
                .collect()
        }
        (Value::Array(a), Value::Array(b)) => match (keyed(a), keyed(b)) {
            (Some(a), Some(b)) => {
                // Every code once, the old order first, then the codes that came.
                let mut codes: Vec<&String> = Vec::new();
                for (code, _) in a.iter().chain(b.iter()) {
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
                codes
                    .into_iter()
                    .map(|c| {
                        let old = a.iter().find(|(k, _)| k == c).map(|(_, v)| *v);
                        let new = b.iter().find(|(k, _)| k == c).map(|(_, v)| *v);
                        (join(path, c), old, new)
                    })
                    .collect()
            }
            _ => (0..a.len().max(b.len()))
                .map(|i| (format!("{path}[{i}]"), a.get(i), b.get(i)))
                .collect(),
        },
        _ => {
            out.push((path.to_owned(), shown(Some(old)), shown(Some(new))));
            return;
        }
    };
    for (path, a, b) in pairs {
        match (a, b) {
            (Some(a), Some(b)) => walk(&path, a, b, out),
            (a, b) => out.push((path, shown(a), shown(b))),
        }
    }
}
