//! The storage seam: one narrow trait over SQL execute-with-parameters, implemented
//! on Spin's SQLite in the components and on rusqlite in native tests.

use crate::error::Error;

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
}

impl Row<'_> {
    fn get(&self, column: &str) -> &Value {
        let i = self
            .columns
            .iter()
            .position(|c| c == column)
            .unwrap_or_else(|| panic!("query has no column {column}"));
        &self.values[i]
    }

    pub fn int(&self, column: &str) -> i64 {
        match self.get(column) {
            Value::Integer(i) => *i,
            other => panic!("column {column} is not an integer: {other:?}"),
        }
    }

    pub fn opt_int(&self, column: &str) -> Option<i64> {
        match self.get(column) {
            Value::Integer(i) => Some(*i),
            Value::Null => None,
            other => panic!("column {column} is not an integer: {other:?}"),
        }
    }

    pub fn text(&self, column: &str) -> String {
        self.opt_text(column)
            .unwrap_or_else(|| panic!("column {column} is null"))
    }

    pub fn opt_text(&self, column: &str) -> Option<String> {
        match self.get(column) {
            Value::Text(s) => Some(s.clone()),
            Value::Null => None,
            other => panic!("column {column} is not text: {other:?}"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database stayed locked past the busy timeout.
    #[error("database busy: {0}")]
    Busy(String),
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

/// A connection to the app's database (Spin: one per `Connection::open`).
pub trait Database {
    /// Runs one statement with positional `?` parameters and returns its rows.
    fn execute(&self, sql: &str, params: &[Value]) -> Result<Rows, StorageError>;
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
            crate::schema::prepare(&db).unwrap();
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
