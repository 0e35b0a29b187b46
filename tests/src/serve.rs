//! Serve mode: the app on 127.0.0.1 over HTTP/1.1, for clicking through locally.

use crate::host::Host;
use anyhow::Result;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Fires each cron component on its schedule (six fields, seconds first, as the
/// cron trigger reads them), each tick in a fresh instance.
pub fn schedule_crons(host: Arc<Host>) -> Result<()> {
    for trigger in host.crons().to_vec() {
        let schedule = cron::Schedule::from_str(&trigger.cron_expression)
            .map_err(|e| anyhow::anyhow!("cron_expression of {}: {e}", trigger.component))?;
        let host = host.clone();
        tokio::spawn(async move {
            for next in schedule.upcoming(chrono::Utc) {
                let wait = (next - chrono::Utc::now()).to_std().unwrap_or_default();
                tokio::time::sleep(wait).await;
                match host.fire_cron(&trigger.component).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => eprintln!("cron {}: {e}", trigger.component),
                    Err(e) => eprintln!("cron {} failed: {e:?}", trigger.component),
                }
            }
        });
    }
    Ok(())
}

/// Accepts connections until the process ends; each request runs in a fresh instance.
pub async fn serve(host: Arc<Host>, addr: SocketAddr) -> Result<()> {
    let listener = TcpListener::bind(addr).await?;
    eprintln!("ghiseu serving on http://{}", listener.local_addr()?);
    serve_on(host, listener).await
}

/// Serves on a listener already bound (a test's free port).
pub async fn serve_on(host: Arc<Host>, listener: TcpListener) -> Result<()> {
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
