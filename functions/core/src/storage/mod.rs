//! The storage seam: one narrow trait over SQL execute-with-parameters, implemented
//! on Spin's SQLite in the components and on rusqlite in native tests.
//! - `database`: values, rows, the trait, storage's error, transactions;
//! - `connection`: the lazily opened connection a component uses;
//! - `named`: parameters bound by `:name`;
//! - `schema` and `migrations`: the schema, one named migration per version.

mod connection;
mod database;
mod migrations;
mod named;
pub mod schema;

pub use connection::LazyConnection;
pub use database::{
    Database, Row, Rows, StorageError, Value, db_time, in_transaction, reissue_link,
};

#[cfg(test)]
pub mod testing {
    //! rusqlite behind the seam, for native tests of the rules.

    use super::{Database, Rows, StorageError, Value};
    use rusqlite::types::ValueRef;

    pub struct NativeDb(pub rusqlite::Connection);

    impl NativeDb {
        /// A fresh database with the schema applied.
        pub fn fresh() -> Self {
            let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
            crate::storage::schema::prepare(&db).unwrap();
            db
        }

        /// A database as a release at schema `version` left it (the shipped migrations
        /// are never edited, so their first `version` are that release's schema).
        pub fn at_version(version: usize) -> Self {
            let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
            for statement in super::migrations::MIGRATIONS[..version].iter().copied().flatten() {
                db.execute(statement, &[]).unwrap();
            }
            db.execute(&format!("PRAGMA user_version = {version}"), &[])
                .unwrap();
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
