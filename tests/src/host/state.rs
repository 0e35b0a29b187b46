//! The wall clock the components see, and the state a request's store holds:
//! its own WASI and HTTP contexts, and what every request of the app shares.

use super::outbound::{Outbound, OutboundHooks};
use crate::manifest::{self, Manifest};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{HostWallClock, WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

/// The wall clock the components see: real time, or a time a test pinned.
#[derive(Clone, Default)]
pub struct Clock(Arc<Mutex<Option<DateTime<Utc>>>>);

impl Clock {
    pub fn set(&self, t: DateTime<Utc>) {
        *self.0.lock().unwrap() = Some(t);
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.0.lock().unwrap().unwrap_or_else(Utc::now)
    }
}

impl HostWallClock for Clock {
    fn resolution(&self) -> Duration {
        Duration::from_nanos(1)
    }

    fn now(&self) -> Duration {
        let t = Clock::now(self);
        Duration::new(t.timestamp() as u64, t.timestamp_subsec_nanos())
    }
}

/// What every request of one app shares.
pub(super) struct Shared {
    pub(super) manifest: Manifest,
    pub(super) outbound: Mutex<Outbound>,
    pub(super) state_dir: PathBuf,
    /// Spin's default key-value store: one SQLite file behind one lock.
    pub(super) kv: Mutex<rusqlite::Connection>,
    pub(super) variables: BTreeMap<String, String>,
    pub(super) clock: Clock,
    /// Component instances alive now, and how many Spin's pooling allocator allows
    /// at once (`SPIN_WASMTIME_INSTANCE_COUNT`, default 1,000): past it, Spin answers 500.
    pub(super) live_instances: std::sync::atomic::AtomicUsize,
    pub(super) instance_limit: usize,
}

pub(super) struct HostState {
    pub(super) table: ResourceTable,
    pub(super) wasi: WasiCtx,
    pub(super) http: WasiHttpCtx,
    pub(super) hooks: OutboundHooks,
    pub(super) shared: Arc<Shared>,
    pub(super) component: manifest::Component,
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for HostState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.hooks,
        }
    }
}
