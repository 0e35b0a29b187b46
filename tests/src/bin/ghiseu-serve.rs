//! `cargo run -p ghiseu-testhost --bin ghiseu-serve` — the app locally without Spin,
//! its state in `.spin/` like `spin up`. Listens on GHISEU_LISTEN (default 127.0.0.1:3000).

use ghiseu_testhost::Host;
use ghiseu_testhost::serve::{schedule_crons, serve};
use std::path::Path;
use std::sync::Arc;

// Spin runs SQLite calls off its executor threads; many workers give the same overlap
// of in-flight requests here, where host calls block the thread they run on.
#[tokio::main(worker_threads = 64)]
async fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let host = Arc::new(
        Host::builder(root.join("spin.toml"), root.join(".spin"))
            .forward_outbound()
            .build()?,
    );
    let addr = std::env::var("GHISEU_LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    schedule_crons(host.clone())?;
    serve(host, addr.parse()?).await
}
