//! ghiseu's test host: runs the built Spin components on wasmtime as Spin does, for
//! end-to-end tests, benchmarks and local serving without the Spin CLI.

pub mod backup;
pub mod host;
pub mod manifest;
pub mod proxy;
pub mod serve;
pub mod sink;
pub mod spin;
pub mod sqld;

pub use host::{Clock, Host, Response};
