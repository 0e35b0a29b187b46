//! Serve mode: the app on 127.0.0.1 over HTTP/1.1, for clicking through locally.

use crate::host::Host;
use anyhow::Result;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Accepts connections until the process ends; each request runs in a fresh instance.
pub async fn serve(host: Arc<Host>, addr: SocketAddr) -> Result<()> {
    let listener = TcpListener::bind(addr).await?;
    eprintln!("ghiseu serving on http://{}", listener.local_addr()?);
    loop {
        let (stream, client) = listener.accept().await?;
        let host = host.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let host = host.clone();
                async move { host.handle_streaming(req, client).await }
            });
            if let Err(e) = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                eprintln!("connection from {client}: {e}");
            }
        });
    }
}
