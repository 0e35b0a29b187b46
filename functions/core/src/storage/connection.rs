//! The connection a component opens: lazily, and readied for what it is used for.

use super::database::{Database, Rows, StorageError, Value};
use super::schema;
use crate::kernel::error::Error;

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
            schema::ready_for_writes(conn);
            self.writing.set(true);
        }
        conn.execute(sql, params)
    }
}
