//! Runs the app's components as Spin does: a fresh instance per request, Spin's
//! route matching and `spin-*` headers, and the Spin host interfaces the components
//! import, implemented with Spin's semantics (a new SQLite connection per open, no
//! busy timeout beyond rusqlite's default, key-value in one SQLite file behind a lock).

use crate::manifest;
use anyhow::{Result, anyhow, bail};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use wasmtime::component::ResourceTable;
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::WasiCtx;
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::body::HyperOutgoingBody;
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

mod builder;
mod key_value;
mod outbound;
mod sqlite;
mod state;
mod variables;

pub use builder::HostBuilder;
pub use key_value::KvStore;
pub use outbound::Captured;
pub use sqlite::SqliteConnection;
pub use state::Clock;

use outbound::OutboundHooks;
use state::{HostState, Shared};

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

use cron_bindings::fermyon::spin_cron::cron_types::Metadata;

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
