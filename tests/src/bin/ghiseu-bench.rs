//! The 08:00 rush on real Spin, measured: `spin up` driven by `wrk` through each
//! scenario, next to a do-nothing component measured in the same run. Prints figures;
//! asserts nothing about speed.
//!
//! `cargo components && cargo ceiling && cargo run -p ghiseu-testhost --bin ghiseu-bench [seconds] [connections] [only] [--libsql]`
//! (`only`: run just the scenarios whose label contains it, besides the do-nothing one;
//! `--libsql`: the app's database on a libSQL server, `sqld`, as a scaled-out office
//! runs it). Where nginx is installed, a day's availability is also read through
//! deploy/nginx.conf's cache. It ends with the database floor: the do-nothing component
//! (WASIp2, and WASIp3 whose instances Spin reuses) reading one row on copies of the
//! app's database. Needs `spin` (4.x) and `wrk` on the PATH.

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use ghiseu_testhost::proxy::Nginx;
use ghiseu_testhost::spin::{SpinOptions, SpinProcess};
use ghiseu_testhost::sqld::Sqld;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The wrk script: each thread cycles through its share of the request lines
/// (`METHOD\tPATH\tBODY`), counts statuses, and the run ends with one JSON line.
const WRK_SCRIPT: &str = r#"
local threads = {}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
-- The request lines (METHOD\tPATH\tBODY) whose index `wanted` accepts.
local function load(wanted)
  local list, n = {}, 0
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    if wanted(n) then
      local method, path, body = line:match("^(%u+)\t([^\t]*)\t(.*)$")
      local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json"}
      if body == "" then body = nil end
      table.insert(list, wrk.format(method, path, headers, body))
    end
    n = n + 1
  end
  return list
end
function init(args)
  i = 0
  s2xx, s409, s4xx, s5xx, other = 0, 0, 0, 0, 0
  local nthreads = tonumber(os.getenv("BENCH_THREADS"))
  requests = load(function(n) return n % nthreads == id end)
  -- Fewer lines than threads (a one-request scenario): every thread sends them all; a
  -- thread with none would leave its connections idle.
  if #requests == 0 then requests = load(function() return true end) end
end
function request()
  i = i % #requests + 1
  return requests[i]
end
function response(status, headers, body)
  if status >= 200 and status < 300 then s2xx = s2xx + 1
  elseif status == 409 then s409 = s409 + 1
  elseif status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local t = {s2xx = 0, s409 = 0, s4xx = 0, s5xx = 0, other = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  local e = summary.errors
  io.write(string.format(
    '\n{"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"s2xx":%d,"s409":%d,"s4xx":%d,"s5xx":%d,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    t.s2xx, t.s409, t.s4xx, t.s5xx, e.connect + e.read + e.write + e.timeout))
end
"#;

const THREADS: usize = 2;

struct Run {
    label: String,
    figures: Value,
    created: Option<i64>,
    overbooked: Option<i64>,
}

impl Run {
    fn rate(&self) -> f64 {
        self.figures["requests"].as_f64().unwrap_or(0.0)
            / (self.figures["duration_us"].as_f64().unwrap_or(1.0) / 1e6)
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One wrk run over these request lines, against `site` (`http://…` or `https://…`).
fn wrk(work: &Path, site: &str, lines: &[String], seconds: u32, connections: u32) -> Result<Value> {
    let requests = work.join("requests.tsv");
    std::fs::write(&requests, lines.join("\n") + "\n")?;
    let script = work.join("bench.lua");
    std::fs::write(&script, WRK_SCRIPT)?;
    let output = Command::new("wrk")
        .args([
            &format!("-t{THREADS}"),
            &format!("-c{connections}"),
            &format!("-d{seconds}s"),
            "--timeout",
            "10s",
            "-s",
        ])
        .arg(&script)
        .arg(site)
        .env("BENCH_REQUESTS", &requests)
        .env("BENCH_THREADS", THREADS.to_string())
        .output()
        .context("running wrk (Debian: apt-get install wrk)")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .with_context(|| {
            format!(
                "no figures from wrk: {stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
    Ok(serde_json::from_str(line)?)
}

type HttpClient = Client<HttpConnector, Full<Bytes>>;

async fn get_json(client: &HttpClient, addr: std::net::SocketAddr, path: &str) -> Result<Value> {
    let uri: http::Uri = format!("http://{addr}{path}").parse()?;
    let response = client.get(uri).await?;
    let body = response.into_body().collect().await?.to_bytes();
    Ok(serde_json::from_slice(&body)?)
}

/// Every bookable slot start of `service` over the next month, from the API.
async fn slot_starts(
    client: &HttpClient,
    addr: std::net::SocketAddr,
    service: &str,
) -> Result<Vec<String>> {
    let last = get_json(client, addr, "/api/services").await?["last_bookable_date"]
        .as_str()
        .context("last bookable date")?
        .to_owned();
    // The office's today, not UTC's: from 22:00 UTC Bucharest is already tomorrow.
    let today = chrono::Utc::now()
        .with_timezone(&ghiseu_core::kernel::time::OFFICE_TZ)
        .date_naive();
    let path = format!("/api/availability?service={service}&from={today}&to={last}");
    let days = get_json(client, addr, &path).await?;
    Ok(days["days"]
        .as_array()
        .context("days")?
        .iter()
        .flat_map(|d| d["slots"].as_array().cloned().unwrap_or_default())
        .filter(|s| s["bookable"] == true)
        .filter_map(|s| s["start"].as_str().map(str::to_owned))
        .collect())
}

/// Solved challenges, fetched from the app and solved here, as a page would.
async fn solved_challenges(
    client: &HttpClient,
    addr: std::net::SocketAddr,
    count: usize,
) -> Result<Vec<String>> {
    let mut challenges = Vec::with_capacity(count);
    let mut fetching = tokio::task::JoinSet::new();
    for n in 0..count {
        let client = client.clone();
        fetching.spawn(async move {
            let c = get_json(&client, addr, "/api/challenge?for=booking").await?;
            anyhow::Ok(serde_json::from_value::<altcha::Challenge>(
                c["challenge"].clone(),
            )?)
        });
        if n % 32 == 31 || n + 1 == count {
            while let Some(fetched) = fetching.join_next().await {
                challenges.push(fetched??);
            }
        }
    }
    let per_thread = count.div_ceil(4);
    let solved: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = challenges
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|c| ghiseu_core::defence::challenge::solve(c).expect("solvable"))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    Ok(solved)
}

/// The n-th distinct booker: a letters-only name and a phone of their own.
fn booker(n: usize) -> (String, String) {
    let mut name = String::new();
    let mut x = n;
    for _ in 0..4 {
        name.push((b'a' + (x % 26) as u8) as char);
        x /= 26;
    }
    (
        format!("Ana {name}escu"),
        format!("0745{:06}", n % 1_000_000),
    )
}

fn booking_line(service: &str, slot: &str, n: usize, proof: &str) -> String {
    let (name, phone) = booker(n);
    let mut body = json!({"service": service, "slot": slot, "name": name, "phone": phone, "consent": true, "altcha": proof});
    if service == "registration" {
        body["vin"] = json!(format!("WVWZZZ1JZ{:08}", n));
    }
    format!("POST\t/api/bookings\t{body}")
}

/// A count from the app's database file (only read: on sqld every write goes
/// through the server).
fn count(db: &Path, sql: &str) -> Result<i64> {
    let db = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    db.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(db.query_row(sql, [], |r| r.get(0))?)
}

const OVERBOOKED: &str = "SELECT COUNT(*) FROM (SELECT service, slot_start, COUNT(*) AS n
    FROM bookings WHERE state = 'active' GROUP BY service, slot_start)
    WHERE n > CASE service WHEN 'registration' THEN 10 ELSE 200 END";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
    let libsql = std::env::args().any(|a| a == "--libsql");
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    let seconds: u32 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let connections: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let only = args.get(3).cloned().unwrap_or_default();
    let wanted = |label: &str| label.contains(only.as_str());
    if ghiseu_testhost::spin::spin_binary().is_none() {
        bail!("real Spin is not installed: run `bash ../shared/tools/spin/install.sh`");
    }
    let work = tempfile::tempdir()?;
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    let client: HttpClient = Client::builder(hyper_util::rt::TokioExecutor::new()).build(connector);
    let mut runs = Vec::new();

    runs.extend(
        on_ceiling(
            work.path(),
            "ceiling",
            None,
            &[("do-nothing component".to_owned(), "/")],
            seconds,
            connections,
        )
        .await?,
    );

    // Bot defence on: every booking carries a challenge solved here. The server's
    // check costs the same at any difficulty; a low one keeps the solving quick.
    let office = json!({
        "services": {"passport": {"counters": 400}, "permit": {"counters": 400},
                     "registration": {"counters": 20}},
        "proof_of_work": {"difficulty": 1000}
    });
    let sqld = if libsql {
        let sqld = Sqld::start(&work.path().join("sqld")).await?;
        std::fs::write(
            work.path().join("runtime-config.toml"),
            sqld.runtime_config(),
        )?;
        Some(sqld)
    } else {
        None
    };
    let app = SpinProcess::start(&SpinOptions {
        manifest: root().join("spin.toml"),
        dir: work.path().join("ghiseu"),
        variables: vec![
            ("office".into(), office.to_string()),
            (
                "challenge_secret".into(),
                "bench-secret-of-the-office".into(),
            ),
        ],
        cron_schedule: None,
        clock_starts_at: None,
        runtime_config: sqld
            .as_ref()
            .map(|_| work.path().join("runtime-config.toml")),
    })
    .await?;
    let db = match &sqld {
        Some(sqld) => sqld.data_file(),
        None => app.sqlite_path(),
    };
    let site = format!("http://{}", app.addr);
    let mut slots: Vec<(String, String)> = Vec::new();
    for service in ["passport", "permit"] {
        for s in slot_starts(&client, app.addr, service).await? {
            slots.push((service.to_owned(), s));
        }
    }
    let rush_slot = slot_starts(&client, app.addr, "registration")
        .await?
        .into_iter()
        .nth(40)
        .context("a registration slot for the rush")?;
    let booking_count = (seconds as usize) * 3000;
    let (rush_count, mixed_count) = (5_000, 5_000);
    eprintln!(
        "solving {} challenges…",
        booking_count + rush_count + mixed_count
    );
    let proofs =
        solved_challenges(&client, app.addr, booking_count + rush_count + mixed_count).await?;
    let booking_lines: Vec<String> = (0..booking_count)
        .map(|n| {
            let (service, slot) = &slots[n % slots.len()];
            booking_line(service, slot, n, &proofs[n])
        })
        .collect();
    let rush_lines: Vec<String> = (0..rush_count)
        .map(|n| {
            booking_line(
                "registration",
                &rush_slot,
                100_000 + n,
                &proofs[booking_count + n],
            )
        })
        .collect();
    let date = &slots[0].1[..10];
    let reads = [
        ("GET /style.css (no data)", "GET\t/style.css\t".to_owned()),
        (
            "OPTIONS /api/bookings (ghiseu's component, no data)",
            "OPTIONS\t/api/bookings\t".to_owned(),
        ),
        (
            "GET /api/services (the setup)",
            "GET\t/api/services\t".to_owned(),
        ),
        (
            "GET /api/availability one day",
            format!("GET\t/api/availability?service=passport&date={date}\t"),
        ),
        (
            "GET /api/bookings/{unknown}",
            "GET\t/api/bookings/ABCDE-FGHJK-MNPQR-STVWX\t".to_owned(),
        ),
        (
            "GET /api/display/main (every screen, every second)",
            "GET\t/api/display/main\t".to_owned(),
        ),
    ];
    for (label, line) in reads {
        if !wanted(label) {
            continue;
        }
        runs.push(Run {
            label: label.into(),
            figures: wrk(work.path(), &site, &[line], seconds, connections)?,
            created: None,
            overbooked: None,
        });
    }
    // The same day through the office's proxy: its micro-cache answers (TLS included).
    let through_proxy = "GET /api/availability one day, through nginx's cache";
    if wanted(through_proxy) {
        match Nginx::start(&work.path().join("nginx"), app.addr).await {
            Ok(proxy) => {
                let line = format!("GET\t/api/availability?service=passport&date={date}\t");
                let https = format!("https://127.0.0.1:{}", proxy.https);
                runs.push(Run {
                    label: through_proxy.into(),
                    figures: wrk(work.path(), &https, &[line], seconds, connections)?,
                    created: None,
                    overbooked: None,
                });
            }
            Err(e) => eprintln!("NOT MEASURED THROUGH THE PROXY: {e:#}"),
        }
    }
    // Requests wrk cut off at the end may still finish: let them, then count.
    let booked = |db: &Path| {
        std::thread::sleep(std::time::Duration::from_secs(2));
        count(db, "SELECT COUNT(*) FROM bookings").unwrap_or(0)
    };
    let mut writes = vec![
        ("POST /api/bookings, each books", booking_lines),
        ("rush: one slot, 10 seats", rush_lines),
    ];

    // The mixed rush: availability looks, status checks and bookings, 7:2:1.
    let mixed: Vec<String> = (0..mixed_count)
        .map(|n| match n % 10 {
            0 => {
                let (service, slot) = &slots[(n * 7) % slots.len()];
                booking_line(
                    service,
                    slot,
                    200_000 + n,
                    &proofs[booking_count + rush_count + n],
                )
            }
            1 | 2 => "GET\t/api/bookings/ABCDE-FGHJK-MNPQR-STVWX\t".to_owned(),
            _ => format!(
                "GET\t/api/availability?service={}&date={}\t",
                ["passport", "permit"][n % 2],
                &slots[n % slots.len()].1[..10]
            ),
        })
        .collect();
    writes.push(("mixed rush (7 look, 2 check, 1 book)", mixed));
    for (label, lines) in writes {
        if !wanted(label) {
            continue;
        }
        let before = booked(&db);
        let figures = wrk(work.path(), &site, &lines, seconds, connections)?;
        runs.push(Run {
            label: label.into(),
            figures,
            created: Some(booked(&db) - before),
            overbooked: Some(count(&db, OVERBOOKED)?),
        });
    }
    let faults = logged_faults(&app.state_dir.join("logs"));
    drop(app);
    let files = schema_files(work.path(), &db)?;
    for (schema, file) in &files {
        let label = format!("database floor: do-nothing + one row read, {schema}");
        if wanted(&label) {
            runs.extend(
                on_ceiling(
                    work.path(),
                    "ceiling",
                    Some(file),
                    &[(label, "/row")],
                    seconds,
                    connections,
                )
                .await?,
            );
        }
    }
    // Spin 4 reuses a WASIp3 instance for many requests: what that gives a read, on the
    // schema as it stands.
    let (schema, file) = &files[0];
    let wasip3: Vec<(String, &str)> = [
        (
            "WASIp3 do-nothing component (Spin reuses its instances)".to_owned(),
            "/",
        ),
        (
            format!("WASIp3 database floor: one row read, a connection per request, {schema}"),
            "/row",
        ),
        (
            format!(
                "WASIp3 database floor: one row read on the instance's kept connection, {schema}"
            ),
            "/kept",
        ),
    ]
    .into_iter()
    .filter(|(label, _)| wanted(label))
    .collect();
    if !wasip3.is_empty() {
        runs.extend(
            on_ceiling(
                work.path(),
                "ceiling-wasip3",
                Some(file),
                &wasip3,
                seconds,
                connections,
            )
            .await?,
        );
    }

    let ceiling_rate = runs[0].rate();
    println!(
        "\nreal Spin ({}), wrk -t{THREADS} -c{connections} -d{seconds}s, bot defence on, database: {}\n",
        String::from_utf8_lossy(&Command::new("spin").arg("--version").output()?.stdout).trim(),
        if libsql {
            "libSQL server (sqld)"
        } else {
            "embedded SQLite"
        }
    );
    println!(
        "| scenario | req/s | × do-nothing | p50 ms | p99 ms | 2xx | 409 | other 4xx | 5xx | errors | created | overbooked |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for run in &runs {
        let f = &run.figures;
        let ms = |k: &str| f[k].as_f64().unwrap_or(0.0) / 1e3;
        let opt = |v: Option<i64>| v.map_or("—".to_owned(), |v| v.to_string());
        println!(
            "| {} | {:.0} | {:.2} | {:.1} | {:.1} | {} | {} | {} | {} | {} | {} | {} |",
            run.label,
            run.rate(),
            run.rate() / ceiling_rate,
            ms("p50_us"),
            ms("p99_us"),
            f["s2xx"],
            f["s409"],
            f["s4xx"],
            f["s5xx"],
            f["errors"],
            opt(run.created),
            opt(run.overbooked),
        );
    }
    if !faults.is_empty() {
        println!("\nfaults the components logged (a 5xx each), by kind:");
        for (fault, n) in &faults {
            println!("- {n} × {fault}");
        }
    }
    Ok(())
}

/// The tables a booking's connection would parse once the rush's tables have a database
/// of their own (issue 21): what the rush reads and writes, and the office's setup.
const HOT_TABLES: [&str; 5] = [
    "bookings",
    "bans",
    "closed_windows",
    "exemptions",
    "office_setup",
];

/// Copies of the app's database after the run, each with a label naming its schema: as it
/// stands, and holding only the hot tables. Spin opens a connection per request and its
/// first statement parses the file's whole schema, so the two tell what that costs.
fn schema_files(work: &Path, db: &Path) -> Result<Vec<(String, PathBuf)>> {
    let source =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.busy_timeout(std::time::Duration::from_secs(10))?;
    let variants: [(&str, &str, Option<&[&str]>); 2] = [
        ("schema-as-it-stands", "ghiseu's schema", None),
        ("hot-tables-only", "the hot tables only", Some(&HOT_TABLES)),
    ];
    let mut files = Vec::new();
    for (name, tables, keep_only) in variants {
        let file = work.join(format!("{name}.db"));
        source.execute("VACUUM INTO ?1", [file.to_string_lossy()])?;
        let copy = rusqlite::Connection::open(&file)?;
        if let Some(keep) = keep_only {
            copy.execute_batch("PRAGMA foreign_keys = OFF")?;
            let others: Vec<String> = copy
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?
                .into_iter()
                .filter(|t| !keep.contains(&t.as_str()))
                .collect();
            for table in others {
                copy.execute_batch(&format!("DROP TABLE \"{table}\""))?;
            }
            copy.execute_batch("VACUUM")?;
        }
        let objects: i64 =
            copy.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))?;
        files.push((format!("{tables} ({objects} schema objects)"), file));
    }
    Ok(files)
}

/// wrk over each labelled path of a do-nothing component (`tests/{ceiling}`), whose
/// database, if it has one, is `file` on embedded SQLite: the floor of a request, before
/// ghiseu's work.
async fn on_ceiling(
    work: &Path,
    ceiling: &str,
    file: Option<&Path>,
    paths: &[(String, &str)],
    seconds: u32,
    connections: u32,
) -> Result<Vec<Run>> {
    let stem = match file {
        Some(file) => file
            .file_stem()
            .context("a file name")?
            .to_string_lossy()
            .into_owned(),
        None => "no-database".to_owned(),
    };
    let runtime_config = match file {
        Some(file) => {
            let config = work.join(format!("{ceiling}-{stem}.toml"));
            std::fs::write(
                &config,
                format!(
                    "[sqlite_database.default]\ntype = \"spin\"\npath = {:?}\n",
                    file.to_string_lossy()
                ),
            )?;
            Some(config)
        }
        None => None,
    };
    let spin = SpinProcess::start(&SpinOptions {
        manifest: root().join(format!("tests/{ceiling}/spin.toml")),
        dir: work.join(format!("{ceiling}-{stem}")),
        variables: vec![],
        cron_schedule: None,
        clock_starts_at: None,
        runtime_config,
    })
    .await?;
    let site = format!("http://{}", spin.addr);
    let mut runs = Vec::new();
    for (label, path) in paths {
        runs.push(Run {
            label: label.clone(),
            figures: wrk(
                work,
                &site,
                &[format!("GET\t{path}\t")],
                seconds,
                connections,
            )?,
            created: None,
            overbooked: None,
        });
    }
    Ok(runs)
}

/// The `fault` of every request or cron run the components logged one, counted by text.
fn logged_faults(logs: &Path) -> std::collections::BTreeMap<String, usize> {
    let mut faults = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(logs).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            if let Ok(v) = serde_json::from_str::<Value>(line)
                && let Some(fault) = v["fault"].as_str()
            {
                *faults.entry(fault.to_owned()).or_default() += 1;
            }
        }
    }
    faults
}
