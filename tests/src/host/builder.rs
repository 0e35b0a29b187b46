//! Starting a host: the app's variables and key-value file, and its components
//! compiled (once per process) and linked against the host's interfaces.

use super::outbound::Outbound;
use super::state::{Clock, HostState, Shared};
use super::variables::expand_template;
use super::{Entry, Host, Prepared, bindings, cron_bindings, engine, wt};
use crate::manifest::Manifest;
use anyhow::{Context, Result, bail};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime_wasi_http::p2::bindings::ProxyPre;

/// Compiling a component takes a while; tests in one process share the result.
fn compile(path: &Path) -> Result<Component> {
    static CACHE: std::sync::OnceLock<Mutex<HashMap<PathBuf, (std::time::SystemTime, Component)>>> =
        std::sync::OnceLock::new();
    let modified = std::fs::metadata(path)
        .with_context(|| {
            format!(
                "{} is missing: build the components first (cargo components)",
                path.display()
            )
        })?
        .modified()?;
    let cache = CACHE.get_or_init(Default::default);
    if let Some((m, c)) = cache.lock().unwrap().get(path)
        && *m == modified
    {
        return Ok(c.clone());
    }
    let component = wt(Component::from_file(engine(), path))
        .with_context(|| format!("compiling {}", path.display()))?;
    cache
        .lock()
        .unwrap()
        .insert(path.to_owned(), (modified, component.clone()));
    Ok(component)
}

/// How to start a host.
pub struct HostBuilder {
    pub(super) manifest: PathBuf,
    pub(super) state_dir: PathBuf,
    pub(super) variables: BTreeMap<String, String>,
    pub(super) clock: Clock,
    pub(super) forward_outbound: bool,
}

impl HostBuilder {
    /// A variable's value, as `SPIN_VARIABLE_<NAME>` would give it.
    pub fn variable(mut self, name: &str, value: &str) -> Self {
        self.variables.insert(name.to_owned(), value.to_owned());
        self
    }

    /// Sends outbound HTTP for real (serve mode) instead of capturing it.
    pub fn forward_outbound(mut self) -> Self {
        self.forward_outbound = true;
        self
    }

    pub fn build(self) -> Result<Host> {
        let manifest = Manifest::load(&self.manifest)?;
        std::fs::create_dir_all(&self.state_dir)?;
        let mut variables = BTreeMap::new();
        for (name, v) in &manifest.variables {
            let from_env = std::env::var(format!("SPIN_VARIABLE_{}", name.to_uppercase())).ok();
            match self
                .variables
                .get(name)
                .cloned()
                .or(from_env)
                .or_else(|| v.default.clone())
            {
                Some(value) => {
                    variables.insert(name.clone(), value);
                }
                None if v.required => bail!("required variable {name} has no value"),
                None => {}
            }
        }
        let kv = rusqlite::Connection::open(self.state_dir.join("sqlite_key_value.db"))?;
        kv.execute("CREATE TABLE IF NOT EXISTS spin_key_value (store TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (store, key))", ())?;
        let mut linker: Linker<HostState> = Linker::new(engine());
        wt(wasmtime_wasi::p2::add_to_linker_async(&mut linker))?;
        wt(wasmtime_wasi_http::p2::add_only_http_to_linker_async(
            &mut linker,
        ))?;
        wt(bindings::TestHost::add_to_linker::<_, HasSelf<_>>(
            &mut linker,
            |s| s,
        ))?;
        let mut components = HashMap::new();
        for (id, spec) in &manifest.components {
            let component = compile(&spec.source)?;
            let pre = wt(linker.instantiate_pre(&component))
                .with_context(|| format!("linking component {id}"))?;
            let entry = if manifest.crons.iter().any(|c| c.component == *id) {
                Entry::Cron(wt(cron_bindings::SpinCronPre::new(pre))?)
            } else {
                Entry::Http(wt(ProxyPre::new(pre))?)
            };
            let mut spec = spec.clone();
            spec.allowed_outbound_hosts = spec
                .allowed_outbound_hosts
                .iter()
                .map(|h| expand_template(h, &variables))
                .collect::<Result<_>>()?;
            components.insert(id.clone(), Prepared { spec, entry });
        }
        let outbound = Mutex::new(Outbound {
            forward: self.forward_outbound,
            ..Default::default()
        });
        let shared = Arc::new(Shared {
            manifest,
            outbound,
            state_dir: self.state_dir,
            kv: Mutex::new(kv),
            variables,
            clock: self.clock,
            live_instances: Default::default(),
            instance_limit: std::env::var("SPIN_WASMTIME_INSTANCE_COUNT")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1_000),
        });
        Ok(Host { shared, components })
    }
}
