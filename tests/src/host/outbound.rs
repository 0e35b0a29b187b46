//! Outbound HTTP under Spin's `allowed_outbound_hosts` rules: captured and answered
//! from a script in tests, sent for real in serve mode.

use super::state::Shared;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use std::collections::HashMap;
use std::sync::Arc;
use wasmtime_wasi_http::WasiHttpHooks;

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
pub(super) struct Outbound {
    pub(super) forward: bool,
    pub(super) captured: Vec<Captured>,
    /// Origin → the answers (status, JSON body) to give, in order; 200 `{}` once it
    /// runs out.
    pub(super) script: HashMap<String, std::collections::VecDeque<(u16, Bytes)>>,
}

/// Spin's outbound rules: only the component's `allowed_outbound_hosts`.
pub(super) struct OutboundHooks {
    pub(super) allowed: Vec<String>,
    pub(super) shared: Arc<Shared>,
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
                    .unwrap_or_else(|| (200, crate::sink::answer(parts.uri.path(), &body).into()));
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
