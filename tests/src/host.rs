//! Runs the app's components as Spin does: a fresh instance per request, Spin's
//! route matching and `spin-*` headers, and the Spin host interfaces the components
//! import, implemented with Spin's semantics (a new SQLite connection per open, no
//! busy timeout beyond rusqlite's default, key-value in one SQLite file behind a lock).

use crate::manifest::{self, Manifest};
use anyhow::{Context, Result, anyhow, bail};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use http_body_util::{BodyExt, Full};
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wasmtime::component::{Component, HasSelf, Linker, Resource, ResourceTable};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::{HostWallClock, WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::body::HyperOutgoingBody;
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpHooks, WasiHttpView};

mod bindings {
    wasmtime::component::bindgen!({
        path: "../wit/spin.wit",
        world: "fermyon:spin/test-host",
        with: {
            "fermyon:spin/sqlite.connection": super::SqliteConnection,
            "fermyon:spin/key-value.store": super::KvStore,
        },
    });
}

mod cron_bindings {
    wasmtime::component::bindgen!({
        path: "../wit/cron.wit",
        world: "fermyon:spin-cron/spin-cron",
        exports: { default: async },
    });
}

use bindings::fermyon::spin::{key_value, sqlite, variables};
use cron_bindings::fermyon::spin_cron::cron_types::Metadata;

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

/// An open SQLite connection held in a component's resource table.
pub struct SqliteConnection(rusqlite::Connection);

/// An open key-value store: its label.
pub struct KvStore(String);

/// An outbound HTTP request a component made.
#[derive(Debug, Clone)]
pub struct Captured {
    pub method: String,
    pub url: String,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Captured {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// What happens to outbound HTTP: tests capture it and answer from a script;
/// serve mode sends it for real.
#[derive(Default)]
struct Outbound {
    forward: bool,
    captured: Vec<Captured>,
    /// Origin → the answers (status, JSON body) to give, in order; 200 `{}` once it
    /// runs out.
    script: HashMap<String, std::collections::VecDeque<(u16, Bytes)>>,
}

/// What every request of one app shares.
struct Shared {
    manifest: Manifest,
    outbound: Mutex<Outbound>,
    state_dir: PathBuf,
    /// Spin's default key-value store: one SQLite file behind one lock.
    kv: Mutex<rusqlite::Connection>,
    variables: BTreeMap<String, String>,
    clock: Clock,
    /// Component instances alive now, and how many Spin's pooling allocator allows
    /// at once (`SPIN_WASMTIME_INSTANCE_COUNT`, default 1,000): past it, Spin answers 500.
    live_instances: std::sync::atomic::AtomicUsize,
    instance_limit: usize,
}

struct HostState {
    table: ResourceTable,
    wasi: WasiCtx,
    http: WasiHttpCtx,
    hooks: OutboundHooks,
    shared: Arc<Shared>,
    component: manifest::Component,
}

/// Spin's outbound rules: only the component's `allowed_outbound_hosts`.
struct OutboundHooks {
    allowed: Vec<String>,
    shared: Arc<Shared>,
}

/// Whether `url` is covered by an allowed-hosts entry like `https://mail.example:443`
/// (a missing port means the scheme's default; `*` matches anything).
fn allowed(entry: &str, url: &http::Uri) -> bool {
    let Some((scheme, rest)) = entry.split_once("://") else {
        return false;
    };
    let (host, port) = rest
        .trim_end_matches('/')
        .rsplit_once(':')
        .map_or((rest.trim_end_matches('/'), None), |(h, p)| (h, Some(p)));
    let url_scheme = url.scheme_str().unwrap_or("https");
    let default_port = if url_scheme == "http" { 80 } else { 443 };
    let url_port = url.port_u16().unwrap_or(default_port);
    let port_ok = match port {
        Some("*") => true,
        Some(p) => p.parse() == Ok(url_port),
        None => url_port == if scheme == "http" { 80 } else { 443 },
    };
    (scheme == "*" || scheme == url_scheme) && (host == "*" || Some(host) == url.host()) && port_ok
}

fn origin(url: &http::Uri) -> String {
    format!(
        "{}://{}",
        url.scheme_str().unwrap_or("https"),
        url.authority().map_or("", |a| a.as_str())
    )
}

impl WasiHttpHooks for OutboundHooks {
    fn send_request(
        &mut self,
        request: http::Request<wasmtime_wasi_http::WasiBody>,
        options: Option<wasmtime_wasi_http::RequestOptions>,
        _fut: Box<dyn Future<Output = Result<(), wasmtime_wasi_http::Error>> + Send>,
    ) -> Box<
        dyn Future<
                Output = Result<
                    (
                        http::Response<wasmtime_wasi_http::WasiBody>,
                        Box<dyn Future<Output = Result<(), wasmtime_wasi_http::Error>> + Send>,
                    ),
                    wasmtime_wasi_http::Error,
                >,
            > + Send,
    > {
        let permitted = self.allowed.iter().any(|a| allowed(a, request.uri()));
        let shared = self.shared.clone();
        Box::new(async move {
            if !permitted {
                return Err(wasmtime_wasi_http::Error::HttpRequestDenied);
            }
            if shared.outbound.lock().unwrap().forward {
                let (response, io) =
                    wasmtime_wasi_http::default_send_request(request, options).await?;
                return Ok((
                    response.map(BodyExt::boxed_unsync),
                    Box::new(io) as Box<dyn Future<Output = _> + Send>,
                ));
            }
            let (parts, body) = request.into_parts();
            let body = body.collect().await?.to_bytes();
            let (status, reply) = {
                let mut outbound = shared.outbound.lock().unwrap();
                let answer = outbound
                    .script
                    .get_mut(&origin(&parts.uri))
                    .and_then(|s| s.pop_front())
                    .unwrap_or((200, Bytes::from_static(b"{}")));
                outbound.captured.push(Captured {
                    method: parts.method.to_string(),
                    url: parts.uri.to_string(),
                    headers: parts.headers,
                    body,
                });
                answer
            };
            let response = http::Response::builder()
                .status(status)
                .header("content-type", "application/json")
                .body(
                    Full::new(reply)
                        .map_err(|never| match never {})
                        .boxed_unsync(),
                )
                .expect("valid response");
            Ok((
                response,
                Box::new(async { Ok(()) }) as Box<dyn Future<Output = _> + Send>,
            ))
        })
    }
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

impl variables::Host for HostState {
    fn get(&mut self, name: String) -> Result<String, variables::Error> {
        let template = self
            .component
            .variables
            .get(&name)
            .ok_or_else(|| variables::Error::Undefined(name.clone()))?;
        expand_template(template, &self.shared.variables)
            .map_err(|e| variables::Error::Provider(e.to_string()))
    }
}

/// Expands a component variable's `{{ app_variable }}` references, as Spin does.
fn expand_template(template: &str, values: &BTreeMap<String, String>) -> Result<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let end = rest[start..]
            .find("}}")
            .ok_or_else(|| anyhow!("unclosed template in {template}"))?
            + start;
        out.push_str(&rest[..start]);
        let name = rest[start + 2..end].trim();
        out.push_str(
            values
                .get(name)
                .ok_or_else(|| anyhow!("variable {name} has no value"))?,
        );
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// wasmtime has its own error type; the host speaks anyhow.
fn wt<T>(result: wasmtime::Result<T>) -> Result<T> {
    result.map_err(|e| anyhow!("{e:?}"))
}

/// How a compiled component is entered.
enum Entry {
    Http(ProxyPre<HostState>),
    Cron(cron_bindings::SpinCronPre<HostState>),
}

/// One compiled component, ready to instantiate per request or tick.
struct Prepared {
    spec: manifest::Component,
    entry: Entry,
}

/// The app: manifest, compiled components and the state they share.
pub struct Host {
    shared: Arc<Shared>,
    components: HashMap<String, Prepared>,
}

/// A response, its body read whole.
pub type Response = http::Response<Bytes>;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&Config::new()).expect("wasmtime engine"))
}

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
    manifest: PathBuf,
    state_dir: PathBuf,
    variables: BTreeMap<String, String>,
    clock: Clock,
    forward_outbound: bool,
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

impl Host {
    pub fn builder(manifest: impl Into<PathBuf>, state_dir: impl Into<PathBuf>) -> HostBuilder {
        HostBuilder {
            manifest: manifest.into(),
            state_dir: state_dir.into(),
            variables: BTreeMap::new(),
            clock: Clock::default(),
            forward_outbound: false,
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.shared.clock
    }

    /// Where the `default` SQLite database lives (Spin: `.spin/sqlite_db.db`).
    pub fn sqlite_path(&self) -> PathBuf {
        self.shared.state_dir.join("sqlite_db.db")
    }

    /// Serves one request in a fresh instance, as Spin would; the response body is read whole.
    pub async fn handle<B>(&self, req: http::Request<B>, client: SocketAddr) -> Result<Response>
    where
        B: http_body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<wasmtime_wasi_http::Error>,
    {
        let response = self.handle_streaming(req, client).await?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|e| anyhow!("reading response body: {e:?}"))?
            .to_bytes();
        Ok(http::Response::from_parts(parts, body))
    }

    /// Like `handle`, leaving the response body to stream.
    pub async fn handle_streaming<B>(
        &self,
        req: http::Request<B>,
        client: SocketAddr,
    ) -> Result<http::Response<HyperOutgoingBody>>
    where
        B: http_body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<wasmtime_wasi_http::Error>,
    {
        let path = req.uri().path().to_owned();
        let Some(route) = self.shared.manifest.route(&path).cloned() else {
            return Ok(plain(http::StatusCode::NOT_FOUND, "Not Found"));
        };
        let prepared = &self.components[&route.component];
        let Entry::Http(pre) = &prepared.entry else {
            bail!(
                "route {} names cron component {}",
                route.raw,
                route.component
            );
        };
        let (mut parts, body) = req.into_parts();
        let authority = parts
            .headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1:3000")
            .to_owned();
        let full_url = format!(
            "http://{authority}{}",
            parts.uri.path_and_query().map_or("/", |p| p.as_str())
        );
        let spin_headers = [
            ("spin-full-url", full_url.clone()),
            ("spin-path-info", route.path_info(&path)),
            ("spin-matched-route", route.raw.clone()),
            ("spin-raw-component-route", route.raw.clone()),
            ("spin-component-route", route.component_route().to_owned()),
            ("spin-base-path", "/".to_owned()),
            ("spin-client-addr", client.to_string()),
        ];
        for (name, value) in spin_headers {
            parts.headers.insert(name, value.parse()?);
        }
        parts
            .headers
            .entry(http::header::HOST)
            .or_insert(authority.parse()?);
        parts.uri = full_url.parse()?;
        let req = http::Request::from_parts(parts, body);

        use std::sync::atomic::Ordering;
        let shared = self.shared.clone();
        if shared.live_instances.fetch_add(1, Ordering::SeqCst) >= shared.instance_limit {
            shared.live_instances.fetch_sub(1, Ordering::SeqCst);
            eprintln!(
                "maximum concurrent limit of {} for component instances reached",
                shared.instance_limit
            );
            return Ok(plain(http::StatusCode::INTERNAL_SERVER_ERROR, ""));
        }
        let mut store = self.store(prepared);
        let (sender, receiver) = tokio::sync::oneshot::channel();
        let incoming = wt(store
            .data_mut()
            .http()
            .new_incoming_request(Scheme::Http, req))?;
        let out = wt(store.data_mut().http().new_response_outparam(sender))?;
        let pre = pre.clone();
        let task = tokio::task::spawn(async move {
            let handled = async {
                let proxy = wt(pre.instantiate_async(&mut store).await)?;
                wt(proxy
                    .wasi_http_incoming_handler()
                    .call_handle(&mut store, incoming, out)
                    .await)
            }
            .await;
            shared.live_instances.fetch_sub(1, Ordering::SeqCst);
            handled
        });
        match receiver.await {
            Ok(Ok(response)) => Ok(response),
            Ok(Err(code)) => Ok(plain(
                http::StatusCode::INTERNAL_SERVER_ERROR,
                &format!("component error: {code:?}"),
            )),
            Err(_) => {
                let why = match task.await {
                    Ok(Ok(())) => anyhow!("component never set a response"),
                    Ok(Err(e)) => e,
                    Err(e) => e.into(),
                };
                // Spin answers a trapped component with a bare 500.
                eprintln!("component {} failed: {why:?}", route.component);
                Ok(plain(
                    http::StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal Server Error",
                ))
            }
        }
    }

    /// A fresh store for one request or tick of a component.
    fn store(&self, prepared: &Prepared) -> Store<HostState> {
        let mut wasi = WasiCtx::builder();
        wasi.inherit_stdout()
            .inherit_stderr()
            .wall_clock(self.shared.clock.clone());
        let hooks = OutboundHooks {
            allowed: prepared.spec.allowed_outbound_hosts.clone(),
            shared: self.shared.clone(),
        };
        let state = HostState {
            table: ResourceTable::new(),
            wasi: wasi.build(),
            http: WasiHttpCtx::new(),
            hooks,
            shared: self.shared.clone(),
            component: prepared.spec.clone(),
        };
        Store::new(engine(), state)
    }

    /// Fires one tick of a cron component, as the cron trigger does; the inner
    /// result is the component's own answer.
    pub async fn fire_cron(&self, component: &str) -> Result<Result<(), String>> {
        let prepared = self
            .components
            .get(component)
            .ok_or_else(|| anyhow!("no component {component}"))?;
        let Entry::Cron(pre) = &prepared.entry else {
            bail!("{component} is not a cron component");
        };
        let mut store = self.store(prepared);
        let metadata = Metadata {
            timestamp: self.shared.clock.now().timestamp() as u64,
        };
        let cron = wt(pre.instantiate_async(&mut store).await)?;
        let outcome = wt(cron.call_handle_cron_event(&mut store, metadata).await)?;
        Ok(outcome.map_err(|cron_bindings::fermyon::spin_cron::cron_types::Error::Other(e)| e))
    }

    /// The cron triggers of the manifest.
    pub fn crons(&self) -> &[manifest::CronTrigger] {
        &self.shared.manifest.crons
    }

    /// Every outbound request captured so far.
    pub fn outbound(&self) -> Vec<Captured> {
        self.shared.outbound.lock().unwrap().captured.clone()
    }

    /// The next answers of the fake provider at `origin` (e.g. `https://mail.test`).
    pub fn script_outbound(&self, origin: &str, statuses: &[u16]) {
        for status in statuses {
            self.script_reply(origin, *status, b"{}");
        }
    }

    /// The next answer of the fake provider at `origin`, with its JSON body.
    pub fn script_reply(&self, origin: &str, status: u16, body: &[u8]) {
        self.shared
            .outbound
            .lock()
            .unwrap()
            .script
            .entry(origin.to_owned())
            .or_default()
            .push_back((status, Bytes::copy_from_slice(body)));
    }

    /// Serves a whole request body given as bytes (tests and benchmarks).
    pub async fn send(&self, req: http::Request<Vec<u8>>) -> Result<Response> {
        self.send_from(req, SocketAddr::from(([127, 0, 0, 1], 40000)))
            .await
    }

    /// Like `send`, as if the request came from this client address.
    pub async fn send_from(
        &self,
        req: http::Request<Vec<u8>>,
        client: SocketAddr,
    ) -> Result<Response> {
        let (parts, body) = req.into_parts();
        let req = http::Request::from_parts(parts, Full::new(Bytes::from(body)));
        self.handle(req, client).await
    }
}

fn plain(status: http::StatusCode, text: &str) -> http::Response<HyperOutgoingBody> {
    let body = Full::new(Bytes::from(text.to_owned()))
        .map_err(|never| match never {})
        .boxed_unsync();
    http::Response::builder()
        .status(status)
        .header("content-type", "text/plain")
        .body(body)
        .expect("valid response")
}
