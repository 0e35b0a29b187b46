//! `fermyon:spin/sqlite` with Spin's semantics: a new connection on every open,
//! and no pragmas of the host's own.

use super::bindings::fermyon::spin::sqlite;
use super::state::HostState;
use std::path::PathBuf;
use wasmtime::component::Resource;

/// An open SQLite connection held in a component's resource table.
pub struct SqliteConnection(rusqlite::Connection);

impl HostState {
    fn sqlite_path(&self, label: &str) -> Result<PathBuf, sqlite::Error> {
        if !self.component.sqlite_databases.iter().any(|l| l == label) {
            return Err(sqlite::Error::AccessDenied);
        }
        match label {
            "default" => Ok(self.shared.state_dir.join("sqlite_db.db")),
            _ => Err(sqlite::Error::NoSuchDatabase),
        }
    }
}

fn to_sql(v: sqlite::Value) -> rusqlite::types::Value {
    match v {
        sqlite::Value::Integer(i) => rusqlite::types::Value::Integer(i),
        sqlite::Value::Real(f) => rusqlite::types::Value::Real(f),
        sqlite::Value::Text(s) => rusqlite::types::Value::Text(s),
        sqlite::Value::Blob(b) => rusqlite::types::Value::Blob(b),
        sqlite::Value::Null => rusqlite::types::Value::Null,
    }
}

fn from_sql(v: rusqlite::types::ValueRef<'_>) -> sqlite::Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Integer(i) => sqlite::Value::Integer(i),
        ValueRef::Real(f) => sqlite::Value::Real(f),
        ValueRef::Text(t) => sqlite::Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => sqlite::Value::Blob(b.to_vec()),
        ValueRef::Null => sqlite::Value::Null,
    }
}

fn io_error(e: rusqlite::Error) -> sqlite::Error {
    sqlite::Error::Io(e.to_string())
}

impl sqlite::Host for HostState {}

impl sqlite::HostConnection for HostState {
    fn open(&mut self, database: String) -> Result<Resource<SqliteConnection>, sqlite::Error> {
        let path = self.sqlite_path(&database)?;
        // Like Spin: a new connection on every open, and no pragmas of the host's own.
        let conn = rusqlite::Connection::open(path).map_err(io_error)?;
        self.table
            .push(SqliteConnection(conn))
            .map_err(|_| sqlite::Error::Io("resource table full".into()))
    }

    fn execute(
        &mut self,
        conn: Resource<SqliteConnection>,
        statement: String,
        parameters: Vec<sqlite::Value>,
    ) -> Result<sqlite::QueryResult, sqlite::Error> {
        let conn = &self
            .table
            .get(&conn)
            .map_err(|_| sqlite::Error::InvalidConnection)?
            .0;
        let mut stmt = conn.prepare_cached(&statement).map_err(io_error)?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let params = rusqlite::params_from_iter(parameters.into_iter().map(to_sql));
        let mut rows = stmt.query(params).map_err(io_error)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(io_error)? {
            let values = (0..columns.len())
                .map(|i| row.get_ref(i).map(from_sql))
                .collect::<Result<Vec<_>, _>>()
                .map_err(io_error)?;
            out.push(sqlite::RowResult { values });
        }
        Ok(sqlite::QueryResult { columns, rows: out })
    }

    fn drop(&mut self, conn: Resource<SqliteConnection>) -> wasmtime::Result<()> {
        self.table.delete(conn)?;
        Ok(())
    }
}
