//! `cargo run -p ghiseu-testhost --bin ghiseu-serve` — the app locally without Spin,
//! its state in `.spin/` like `spin up`. Listens on GHISEU_LISTEN (default 127.0.0.1:3000).

use ghiseu_testhost::{Host, serve::serve};
use std::path::Path;
use std::sync::Arc;

// Spin runs SQLite calls off its executor threads; many workers give the same overlap
// of in-flight requests here, where host calls block the thread they run on.
#[tokio::main(worker_threads = 64)]
async fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let host = Host::builder(root.join("spin.toml"), root.join(".spin")).build()?;
    let addr = std::env::var("GHISEU_LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    serve(Arc::new(host), addr.parse()?).await
}
