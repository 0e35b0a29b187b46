//! `fermyon:spin/key-value`: Spin's default store, one SQLite file behind one lock.

use super::bindings::fermyon::spin::key_value;
use super::state::HostState;
use wasmtime::component::Resource;

/// An open key-value store: its label.
pub struct KvStore(String);

fn kv_error(e: impl std::fmt::Display) -> key_value::Error {
    key_value::Error::Other(e.to_string())
}

impl HostState {
    fn store_label(&self, store: &Resource<KvStore>) -> Result<String, key_value::Error> {
        Ok(self.table.get(store).map_err(kv_error)?.0.clone())
    }
}

impl key_value::Host for HostState {}

impl key_value::HostStore for HostState {
    fn open(&mut self, label: String) -> Result<Resource<KvStore>, key_value::Error> {
        if !self.component.key_value_stores.contains(&label) {
            return Err(key_value::Error::AccessDenied);
        }
        if label != "default" {
            return Err(key_value::Error::NoSuchStore);
        }
        self.table
            .push(KvStore(label))
            .map_err(|_| key_value::Error::StoreTableFull)
    }

    fn get(
        &mut self,
        store: Resource<KvStore>,
        key: String,
    ) -> Result<Option<Vec<u8>>, key_value::Error> {
        let label = self.store_label(&store)?;
        let kv = self.shared.kv.lock().unwrap();
        let mut stmt = kv
            .prepare_cached("SELECT value FROM spin_key_value WHERE store = ? AND key = ?")
            .map_err(kv_error)?;
        let mut rows = stmt.query((label, key)).map_err(kv_error)?;
        Ok(match rows.next().map_err(kv_error)? {
            Some(row) => Some(row.get(0).map_err(kv_error)?),
            None => None,
        })
    }

    fn set(
        &mut self,
        store: Resource<KvStore>,
        key: String,
        value: Vec<u8>,
    ) -> Result<(), key_value::Error> {
        let label = self.store_label(&store)?;
        let kv = self.shared.kv.lock().unwrap();
        kv.execute(
            "INSERT INTO spin_key_value (store, key, value) VALUES (?, ?, ?) ON CONFLICT (store, key) DO UPDATE SET value = excluded.value",
            (label, key, value),
        )
        .map_err(kv_error)?;
        Ok(())
    }

    fn delete(&mut self, store: Resource<KvStore>, key: String) -> Result<(), key_value::Error> {
        let label = self.store_label(&store)?;
        let kv = self.shared.kv.lock().unwrap();
        kv.execute(
            "DELETE FROM spin_key_value WHERE store = ? AND key = ?",
            (label, key),
        )
        .map_err(kv_error)?;
        Ok(())
    }

    fn exists(&mut self, store: Resource<KvStore>, key: String) -> Result<bool, key_value::Error> {
        Ok(key_value::HostStore::get(self, store, key)?.is_some())
    }

    fn get_keys(&mut self, store: Resource<KvStore>) -> Result<Vec<String>, key_value::Error> {
        let label = self.store_label(&store)?;
        let kv = self.shared.kv.lock().unwrap();
        let mut stmt = kv
            .prepare_cached("SELECT key FROM spin_key_value WHERE store = ?")
            .map_err(kv_error)?;
        let keys = stmt.query_map([label], |r| r.get(0)).map_err(kv_error)?;
        keys.collect::<Result<Vec<String>, _>>().map_err(kv_error)
    }

    fn drop(&mut self, store: Resource<KvStore>) -> wasmtime::Result<()> {
        self.table.delete(store)?;
        Ok(())
    }
}
