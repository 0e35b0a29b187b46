//! The seam itself: values, rows, the `Database` trait, storage's own error, and the
//! transaction every multi-statement write runs in.

use crate::kernel::error::Error;
use crate::kernel::token::LinkToken;
use chrono::{DateTime, Utc};

/// A SQL parameter or column value (SQLite's five storage classes).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
    Null,
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Integer(i)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Self {
        o.map_or(Value::Null, Into::into)
    }
}

/// What a statement returned.
#[derive(Debug, Default)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// One row, read by column name.
pub struct Row<'a> {
    columns: &'a [String],
    values: &'a [Value],
}

impl Rows {
    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|values| Row {
            columns: &self.columns,
            values,
        })
    }

    pub fn first(&self) -> Option<Row<'_>> {
        self.iter().next()
    }

    /// Reads every row with `read`; the first row that can't be read fails them all.
    pub fn read<T>(
        &self,
        read: impl FnMut(Row<'_>) -> Result<T, StorageError>,
    ) -> Result<Vec<T>, StorageError> {
        self.iter().map(read).collect()
    }

    /// Reads the first row, if there is one.
    pub fn read_first<T>(
        &self,
        read: impl FnOnce(Row<'_>) -> Result<T, StorageError>,
    ) -> Result<Option<T>, StorageError> {
        self.first().map(read).transpose()
    }
}

impl Row<'_> {
    fn get(&self, column: &str) -> Result<&Value, StorageError> {
        self.columns
            .iter()
            .position(|c| c == column)
            .and_then(|i| self.values.get(i))
            .ok_or_else(|| StorageError::Column {
                column: column.to_owned(),
                problem: "missing from the query",
            })
    }

    fn wrong(column: &str, problem: &'static str) -> StorageError {
        StorageError::Column {
            column: column.to_owned(),
            problem,
        }
    }

    pub fn int(&self, column: &str) -> Result<i64, StorageError> {
        self.opt_int(column)?
            .ok_or_else(|| Row::wrong(column, "is null"))
    }

    pub fn opt_int(&self, column: &str) -> Result<Option<i64>, StorageError> {
        match self.get(column)? {
            Value::Integer(i) => Ok(Some(*i)),
            Value::Null => Ok(None),
            _ => Err(Row::wrong(column, "is not an integer")),
        }
    }

    /// A 0/1 column; NULL (an SQL comparison with a NULL side) reads as false.
    pub fn flag(&self, column: &str) -> Result<bool, StorageError> {
        Ok(self.opt_int(column)?.unwrap_or(0) != 0)
    }

    pub fn text(&self, column: &str) -> Result<String, StorageError> {
        self.opt_text(column)?
            .ok_or_else(|| Row::wrong(column, "is null"))
    }

    pub fn opt_text(&self, column: &str) -> Result<Option<String>, StorageError> {
        match self.get(column)? {
            Value::Text(s) => Ok(Some(s.clone())),
            Value::Null => Ok(None),
            _ => Err(Row::wrong(column, "is not text")),
        }
    }

    pub fn blob(&self, column: &str) -> Result<Vec<u8>, StorageError> {
        match self.get(column)? {
            Value::Blob(b) => Ok(b.clone()),
            _ => Err(Row::wrong(column, "is not a blob")),
        }
    }

    /// A database time column (UTC, RFC 3339).
    pub fn time(&self, column: &str) -> Result<DateTime<Utc>, StorageError> {
        parse_db_time(&self.text(column)?)
    }

    pub fn opt_time(&self, column: &str) -> Result<Option<DateTime<Utc>>, StorageError> {
        self.opt_text(column)?
            .as_deref()
            .map(parse_db_time)
            .transpose()
    }
}

/// Database times: UTC, second precision, sortable as text.
pub fn db_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A database time read back; anything else is a storage fault, never a panic.
fn parse_db_time(s: &str) -> Result<DateTime<Utc>, StorageError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StorageError::Column {
            column: "time".to_owned(),
            problem: "is not an RFC 3339 time",
        })
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database stayed locked past the busy timeout.
    #[error("database busy: {0}")]
    Busy(String),
    /// A column that is missing, NULL or of the wrong type: the query and the data disagree.
    #[error("column {column} {problem}")]
    Column {
        column: String,
        problem: &'static str,
    },
    #[error("{0}")]
    Other(String),
}

impl StorageError {
    /// Sorts a backend's error text: lock contention, and a libSQL server shedding load
    /// ("Too many concurrent requests") or interrupting a statement it held too long
    /// under load (`SQLITE_INTERRUPT`: the statement is rolled back whole), are
    /// retryable conditions, not faults.
    pub fn from_message(message: String) -> Self {
        let lower = message.to_lowercase();
        if lower.contains("database is locked")
            || lower.contains("busy")
            || lower.contains("too many concurrent requests")
            || lower.contains("sqlite_interrupt")
        {
            StorageError::Busy(message)
        } else {
            StorageError::Other(message)
        }
    }
}

impl From<StorageError> for Error {
    fn from(e: StorageError) -> Self {
        match e {
            // Lock contention past the busy timeout is the client's cue to retry, not a fault.
            StorageError::Busy(_) => Error::Busy,
            other => Error::Storage(Box::new(other)),
        }
    }
}

/// A connection to the app's database (Spin: one per `Connection::open`).
pub trait Database {
    /// Runs one statement with positional `?` parameters and returns its rows.
    fn execute(&self, sql: &str, params: &[Value]) -> Result<Rows, StorageError>;

    /// Runs one statement whose parameters are `:name`s, bound from `(name, value)`
    /// pairs (`storage::named`): the way to write a statement with many parameters.
    fn execute_named(&self, sql: &str, params: &[(&str, Value)]) -> Result<Rows, StorageError> {
        let ordered = super::named::ordered(sql, params).map_err(StorageError::Other)?;
        self.execute(&super::named::numbered(sql).0, &ordered)
    }
}

/// A fresh link whose hash `statement` stores as its last parameter, after `params`;
/// None when the statement returned no row (the link can no longer be issued).
pub fn reissue_link(
    db: &dyn Database,
    statement: &str,
    params: &[Value],
) -> Result<Option<LinkToken>, Error> {
    let token = LinkToken::generate();
    let mut params = params.to_vec();
    params.push(token.hash().into());
    Ok(db.execute(statement, &params)?.first().map(|_| token))
}

/// Runs `work` inside `BEGIN IMMEDIATE … COMMIT`: the write lock is taken up front,
/// so concurrent writers queue on the busy timeout instead of failing mid-way, and
/// any error (or a crash, which drops the connection) rolls everything back.
pub fn in_transaction<T>(
    db: &dyn Database,
    work: impl FnOnce() -> Result<T, Error>,
) -> Result<T, Error> {
    db.execute("BEGIN IMMEDIATE", &[])?;
    let outcome = work().and_then(|value| {
        db.execute("COMMIT", &[])?;
        Ok(value)
    });
    if outcome.is_err() {
        // Nothing to do if ROLLBACK fails: the transaction is gone either way.
        let _ = db.execute("ROLLBACK", &[]);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contention_and_a_libsql_server_shedding_load_or_interrupting_are_busy_not_faults() {
        for message in [
            "database is locked",
            "SQLITE_BUSY",
            r#"Hrana: `api error: `{"error":"Too many concurrent requests"}``"#,
            "Hrana: `cursor error: `error at step 0: (error code: SQLITE_INTERRUPT) `SQLite error: interrupted```",
        ] {
            let e: Error = StorageError::from_message(message.to_owned()).into();
            assert!(matches!(e, Error::Busy), "{message}");
        }
        let e: Error = StorageError::from_message("no such table: x".to_owned()).into();
        assert!(matches!(e, Error::Storage(_)));
    }
}
