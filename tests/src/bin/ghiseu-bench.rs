//! The booking rush, measured: N concurrent clients booking one day of one service
//! through the test host, then the same load on a do-nothing component as the
//! platform's ceiling. Prints figures; asserts nothing about speed.
//!
//! `cargo components && cargo ceiling && cargo run -p ghiseu-testhost --bin ghiseu-bench [clients] [requests]`

use anyhow::Result;
use chrono::{TimeZone, Utc};
use ghiseu_testhost::Host;
use ghiseu_testhost::manifest::Manifest;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Figures {
    requests: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    statuses: Vec<u16>,
}

impl Figures {
    fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile(&self, p: f64) -> Duration {
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[i]
    }

    fn count(&self, pred: impl Fn(u16) -> bool) -> usize {
        self.statuses.iter().filter(|s| pred(**s)).count()
    }

    fn print(&self, label: &str) {
        println!(
            "{label:<34} {:>8.0} req/s  p50 {:>6.2} ms  p95 {:>6.2} ms  p99 {:>6.2} ms  2xx {:>5}  409 {:>5}  5xx {:>3}",
            self.rate(),
            self.percentile(0.50).as_secs_f64() * 1e3,
            self.percentile(0.95).as_secs_f64() * 1e3,
            self.percentile(0.99).as_secs_f64() * 1e3,
            self.count(|s| (200..300).contains(&s)),
            self.count(|s| s == 409),
            self.count(|s| s >= 500),
        );
    }
}

/// Runs `requests` requests from `clients` concurrent clients; `make` builds the n-th.
async fn load(
    host: Arc<Host>,
    clients: usize,
    requests: usize,
    make: fn(usize) -> http::Request<Vec<u8>>,
) -> Figures {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (host, next) = (host.clone(), next.clone());
            tokio::spawn(async move {
                let mut seen = Vec::new();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= requests {
                        return seen;
                    }
                    let t = Instant::now();
                    let status = host
                        // Each request from its own citizen's address, as in a real rush.
                        .send_from(make(n), client(n))
                        .await
                        .map_or(599, |r| r.status().as_u16());
                    seen.push((t.elapsed(), status));
                }
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(requests);
    let mut statuses = Vec::with_capacity(requests);
    for w in workers {
        for (l, s) in w.await.expect("worker") {
            latencies.push(l);
            statuses.push(s);
        }
    }
    let elapsed = start.elapsed();
    latencies.sort();
    Figures {
        requests,
        elapsed,
        latencies,
        statuses,
    }
}

fn booking(n: usize) -> http::Request<Vec<u8>> {
    // Spread over the day's 32 slots; every booker a distinct person and phone.
    let slot = n % 32;
    let (h, m) = (8 + (30 + slot * 15) / 60, (30 + slot * 15) % 60);
    let letters: String = (0..4)
        .map(|i| (b'a' + ((n / 26usize.pow(i)) % 26) as u8) as char)
        .collect();
    let body = json!({
        "service": "passport",
        "slot": format!("2026-11-25T{h:02}:{m:02}"),
        "name": format!("Ana {letters}escu"),
        "phone": format!("0745{:06}", 100_000 + n),
        "consent": true,
    });
    http::Request::post("/api/bookings")
        .header("content-type", "application/json")
        .body(body.to_string().into_bytes())
        .unwrap()
}

fn rush(n: usize) -> http::Request<Vec<u8>> {
    let mut req = booking(n * 32);
    *req.body_mut() = String::from_utf8(req.body().clone())
        .unwrap()
        .replace("T08:30", "T09:15")
        .into_bytes();
    req
}

fn hello(_: usize) -> http::Request<Vec<u8>> {
    http::Request::get("/").body(vec![]).unwrap()
}

fn app(root: &Path, office: &str, dir: &Path) -> Result<Arc<Host>> {
    let host = Host::builder(root.join("spin.toml"), dir)
        .variable("office", office)
        .build()?;
    host.clock()
        .set(Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap());
    Ok(Arc::new(host))
}

// Spin runs SQLite calls off its executor threads; many workers give the same overlap
// of in-flight requests here, where host calls block the thread they run on.
#[tokio::main(worker_threads = 64)]
async fn main() -> Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let clients = args.first().copied().unwrap_or(50);
    let requests = args.get(1).copied().unwrap_or(3000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let scratch = std::env::temp_dir().join(format!("ghiseu-bench-{}", std::process::id()));
    println!(
        "{clients} concurrent clients, {requests} requests per run, {} cores",
        std::thread::available_parallelism()?
    );

    // 400 counters: 200 online seats in each of the day's 32 slots, so every booking succeeds.
    let roomy = app(
        &root,
        r#"{"services":{"passport":{"counters":400}}}"#,
        &scratch.join("roomy"),
    )?;
    roomy
        .send(http::Request::get("/api/services").body(vec![])?)
        .await?;
    let booked = load(roomy.clone(), clients, requests, booking).await;
    booked.print("booking (every request books)");

    // The same without the abuse limits: what their two key-value writes cost.
    let unlimited = app(
        &root,
        r#"{"services":{"passport":{"counters":400}},
            "rate_limits":{"per_address":0,"address_window_minutes":10,"per_phone":0,"phone_window_minutes":60}}"#,
        &scratch.join("unlimited"),
    )?;
    unlimited
        .send(http::Request::get("/api/services").body(vec![])?)
        .await?;
    load(unlimited, clients, requests, booking)
        .await
        .print("booking, abuse limits off");

    // The rush: everyone wants the same slot with 10 online seats.
    let tight = app(
        &root,
        r#"{"services":{"passport":{"counters":20}}}"#,
        &scratch.join("tight"),
    )?;
    tight
        .send(http::Request::get("/api/services").body(vec![])?)
        .await?;
    let rushed = load(tight.clone(), clients, requests, rush).await;
    rushed.print("rush (one slot, 10 online seats)");
    let db = rusqlite::Connection::open(tight.sqlite_path())?;
    let seated: i64 = db.query_row("SELECT COUNT(*) FROM bookings WHERE state = 'active' AND slot_start = '2026-11-25T07:15:00Z'", [], |r| r.get(0))?;
    println!(
        "rush: bookings created {seated}, overbooked seats {}",
        (seated - 10).max(0)
    );

    let ceiling_host = Arc::new(
        Host::builder(
            root.join("tests/ceiling/spin.toml"),
            scratch.join("ceiling"),
        )
        .build()?,
    );
    let ceiling = load(ceiling_host, clients, requests, hello).await;
    ceiling.print("ceiling (do-nothing component)");
    println!(
        "ratio booking/ceiling {:.2}, rush/ceiling {:.2}",
        booked.rate() / ceiling.rate(),
        rushed.rate() / ceiling.rate()
    );

    for component in Manifest::load(&root.join("spin.toml"))?.components.values() {
        let size = std::fs::metadata(&component.source)?.len() as f64 / 1024.0;
        println!("{}.wasm {size:.0} KiB", component.id);
    }
    std::fs::remove_dir_all(&scratch).ok();
    Ok(())
}

fn client(n: usize) -> std::net::SocketAddr {
    let [_, a, b, c] = u32::try_from(n).unwrap_or(0).to_be_bytes();
    std::net::SocketAddr::from(([10, a, b, c], 50_000))
}
