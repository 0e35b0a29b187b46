//! The storage seam: one narrow trait over SQL execute-with-parameters, implemented
//! on Spin's SQLite in the components and on rusqlite in native tests.

mod migrations;
pub mod schema;

use crate::kernel::error::Error;
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
    /// Sorts a backend's error text: lock contention is a retryable condition, not a fault.
    pub fn from_message(message: String) -> Self {
        let lower = message.to_lowercase();
        if lower.contains("database is locked") || lower.contains("busy") {
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
}

/// A connection opened on its first statement and readied for what it is used for:
/// a route that needs no data never opens the database, a read pays for no pragma,
/// and a connection sets its write pragmas just before its first write.
pub struct LazyConnection<D: Database> {
    open: Box<dyn Fn() -> Result<D, Error>>,
    conn: std::cell::OnceCell<D>,
    writing: std::cell::Cell<bool>,
}

impl<D: Database> LazyConnection<D> {
    /// `open` connects and brings the schema up to date (see `schema::prepare`).
    pub fn new(open: impl Fn() -> Result<D, Error> + 'static) -> Self {
        LazyConnection {
            open: Box::new(open),
            conn: std::cell::OnceCell::new(),
            writing: std::cell::Cell::new(false),
        }
    }

    fn conn(&self) -> Result<&D, StorageError> {
        if let Some(conn) = self.conn.get() {
            return Ok(conn);
        }
        let conn = (self.open)().map_err(|e| match e {
            Error::Storage(e) => StorageError::Other(e.to_string()),
            Error::Busy => StorageError::Busy("opening the database".to_owned()),
            other => StorageError::Other(other.to_string()),
        })?;
        Ok(self.conn.get_or_init(|| conn))
    }
}

/// Whether a statement may write (and so needs the write pragmas first).
fn writes(sql: &str) -> bool {
    let head = sql.trim_start().get(..6).unwrap_or("").to_ascii_uppercase();
    ["INSERT", "UPDATE", "DELETE", "BEGIN "].contains(&head.as_str())
}

impl<D: Database> Database for LazyConnection<D> {
    fn execute(&self, sql: &str, params: &[Value]) -> Result<Rows, StorageError> {
        let conn = self.conn()?;
        if !self.writing.get() && writes(sql) {
            crate::storage::schema::ready_for_writes(conn);
            self.writing.set(true);
        }
        conn.execute(sql, params)
    }
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
pub mod testing {
    //! rusqlite behind the seam, for native tests of the rules.

    use super::*;
    use rusqlite::types::ValueRef;

    pub struct NativeDb(pub rusqlite::Connection);

    impl NativeDb {
        /// A fresh database with the schema applied.
        pub fn fresh() -> Self {
            let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
            crate::storage::schema::prepare(&db).unwrap();
            db
        }
    }

    impl Database for NativeDb {
        fn execute(&self, sql: &str, params: &[Value]) -> Result<Rows, StorageError> {
            let to_sql: Vec<rusqlite::types::Value> = params
                .iter()
                .map(|p| match p {
                    Value::Integer(i) => rusqlite::types::Value::Integer(*i),
                    Value::Real(f) => rusqlite::types::Value::Real(*f),
                    Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
                    Value::Blob(b) => rusqlite::types::Value::Blob(b.clone()),
                    Value::Null => rusqlite::types::Value::Null,
                })
                .collect();
            let err = |e: rusqlite::Error| StorageError::from_message(e.to_string());
            let mut stmt = self.0.prepare(sql).map_err(err)?;
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let mut rows = stmt
                .query(rusqlite::params_from_iter(to_sql))
                .map_err(err)?;
            let mut out = Vec::new();
            while let Some(row) = rows.next().map_err(err)? {
                out.push(
                    (0..columns.len())
                        .map(|i| match row.get_ref(i).unwrap() {
                            ValueRef::Integer(i) => Value::Integer(i),
                            ValueRef::Real(f) => Value::Real(f),
                            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into()),
                            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                            ValueRef::Null => Value::Null,
                        })
                        .collect(),
                );
            }
            Ok(Rows { columns, rows: out })
        }
    }
}
