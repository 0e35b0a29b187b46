//! The office's numbers on a year of data (issue 23), on real Spin: fills the database
//! with a generated year of an office's bookings (about 150,000), walk-in tickets,
//! messages, complaints and orders, then times the supervisor's dashboard for a month
//! and for the whole year, one CSV export and the public transparency page.
//! Prints figures; asserts nothing.
//!
//! `cargo components && cargo run -p ghiseu-testhost --bin ghiseu-stats-bench [runs]`

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use chrono::{Datelike, Days, Duration, NaiveDate, Utc, Weekday};
use ghiseu_testhost::spin::{SpinOptions, SpinProcess};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use std::path::PathBuf;
use std::time::Instant;

type HttpClient = Client<HttpConnector, Full<Bytes>>;

const PASSWORD: &str = "a long bench password of the office";
/// Online bookings a working day: about 150,000 in a year of working days.
const BOOKINGS_A_DAY: usize = 600;
/// Each figure's CSV is timed alone for the year, to show where the time goes.
const FIGURES: [&str; 7] = [
    "bookings",
    "outcomes",
    "fill_speed",
    "complaints",
    "technical_tickets",
    "orders",
    "messages",
];
const SERVICES: [(&str, u32); 3] = [("passport", 15), ("permit", 15), ("registration", 20)];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Database time, as the app stores it.
fn at(t: chrono::DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A year of working days before `today`, generated straight into the database.
fn fill(db: &std::path::Path, today: NaiveDate) -> Result<usize> {
    let mut conn = rusqlite::Connection::open(db)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    let tx = conn.transaction()?;
    let mut n = 0usize;
    let mut day = today - Days::new(365);
    while day < today {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            day = day + Days::new(1);
            continue;
        }
        let opens = day.and_hms_opt(6, 30, 0).unwrap().and_utc();
        for k in 0..BOOKINGS_A_DAY {
            n += 1;
            let (service, minutes) = SERVICES[k % SERVICES.len()];
            let slot = opens + Duration::minutes(i64::from(minutes) * ((k / 3) as i64 % 24));
            let created = opens - Duration::days(29) + Duration::seconds((k * 7) as i64);
            let (state, reason) = match k % 20 {
                0 => ("no_show", None),
                1 => ("cancelled", Some("cancelled_by_booker")),
                2 => ("cancelled", Some("duplicate_vin")),
                _ => ("attended", None),
            };
            tx.execute(
                "INSERT INTO bookings (number_hash, service, slot_start, slot_end, name, phone,
                     identity_key, request_hash, created_at, state, cancel_reason)
                 VALUES (?1, ?2, ?3, ?3, '', ?1, ?1, '', ?4, ?5, ?6)",
                rusqlite::params![
                    format!("h{n}"),
                    service,
                    at(slot),
                    at(created),
                    state,
                    reason
                ],
            )?;
            tx.execute(
                "INSERT INTO outbox (dedupe_key, kind, channel, recipient, state, attempts,
                     next_attempt_at, created_at, sent_at)
                 VALUES (?1, 'confirmation', 'email', '', 'sent', 1, ?2, ?2, ?2)",
                rusqlite::params![format!("confirmation:email:{n}"), at(created)],
            )?;
        }
        for k in 0..100 {
            tx.execute(
                "INSERT INTO walk_in_tickets (service, slot_start, issued_at, staff)
                 VALUES (?1, ?2, ?2, 'bench')",
                rusqlite::params![SERVICES[k % 3].0, at(opens + Duration::minutes(k as i64))],
            )?;
        }
        for k in 0..20 {
            let received = opens + Duration::minutes(k * 13);
            let kind = ["service", "product", "proposal", "technical"][k as usize % 4];
            let severity = (kind == "technical").then_some("high");
            tx.execute(
                "INSERT INTO complaints (number_hash, kind, description, severity, received_at)
                 VALUES (?1, ?2, '', ?3, ?4)",
                rusqlite::params![format!("c{day}-{k}"), kind, severity, at(received)],
            )?;
            let id = tx.last_insert_rowid();
            for (event, after) in [("received", 0), ("acknowledged", 1), ("resolved", 10)] {
                tx.execute(
                    "INSERT INTO complaint_events (complaint_id, kind, at) VALUES (?1, ?2, ?3)",
                    rusqlite::params![id, event, at(received + Duration::days(after))],
                )?;
            }
        }
        for k in 0..10 {
            let created = opens + Duration::minutes(k * 17);
            tx.execute(
                "INSERT INTO orders (number_hash, document, fee_bani, currency, name, email,
                     details, lang, state, created_at, pay_by, paid_at, due_at)
                 VALUES (?1, 'vehicle_history', 2500, 'RON', '', '', '{}', 'ro', 'delivered',
                     ?2, ?3, ?3, ?4)",
                rusqlite::params![
                    format!("o{day}-{k}"),
                    at(created),
                    at(created + Duration::hours(1)),
                    at(created + Duration::days(3)),
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO order_events (order_id, kind, at) VALUES (?1, 'issued', ?2)",
                rusqlite::params![id, at(created + Duration::days(1))],
            )?;
        }
        day = day + Days::new(1);
    }
    tx.commit()?;
    Ok(n)
}

/// `name=value` of the first cookie an answer sets.
fn first_cookie(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get("set-cookie")?
        .to_str()
        .ok()?
        .split(';')
        .next()
        .map(str::to_owned)
}

async fn send(
    client: &HttpClient,
    req: http::Request<Full<Bytes>>,
) -> Result<(http::StatusCode, http::HeaderMap, usize)> {
    let response = client.request(req).await?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok((parts.status, parts.headers, body.len()))
}

/// The median of `runs` timed GETs, in milliseconds, with the last answer's size.
async fn timed(
    client: &HttpClient,
    addr: std::net::SocketAddr,
    path: &str,
    cookie: &str,
    runs: usize,
) -> Result<(f64, usize)> {
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let req = http::Request::get(format!("http://{addr}{path}"))
            .header("cookie", cookie)
            .body(Full::new(Bytes::new()))?;
        let started = Instant::now();
        let (status, _, bytes) = send(client, req).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        if !status.is_success() {
            bail!("{path} answered {status}");
        }
        size = bytes;
    }
    times.sort_by(f64::total_cmp);
    Ok((times[times.len() / 2], size))
}

#[tokio::main]
async fn main() -> Result<()> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    if ghiseu_testhost::spin::spin_binary().is_none() {
        bail!("real Spin is not installed: run `bash ../shared/tools/spin/install.sh`");
    }
    let work = tempfile::tempdir()?;
    let first = format!(
        "bench.boss:{}",
        ghiseu_core::staff::accounts::hash_password(PASSWORD)?
    );
    let office = r#"{"services": {"passport": {"counters": 20}, "permit": {"counters": 20},
        "registration": {"counters": 12}}}"#;
    let app = SpinProcess::start(&SpinOptions {
        manifest: root().join("spin.toml"),
        dir: work.path().join("ghiseu"),
        variables: vec![
            ("office".into(), office.into()),
            ("first_supervisor".into(), first),
        ],
        cron_schedule: None,
        clock_starts_at: None,
        runtime_config: None,
    })
    .await?;
    let client: HttpClient =
        Client::builder(hyper_util::rt::TokioExecutor::new()).build(HttpConnector::new());
    let addr = app.addr;
    // The first request migrates the database; then a year goes in beside Spin.
    let (status, ..) = send(
        &client,
        http::Request::get(format!("http://{addr}/api/health")).body(Full::new(Bytes::new()))?,
    )
    .await?;
    if !status.is_success() {
        bail!("health answered {status}");
    }
    let today = Utc::now().date_naive();
    let started = Instant::now();
    let bookings = fill(&app.sqlite_path(), today)?;
    println!(
        "generated a year: {bookings} bookings (and as many messages), walk-in tickets, complaints, orders in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The login form's CSRF token comes with its cookie, as a browser gets them.
    let form = client
        .request(
            http::Request::get(format!("http://{addr}/staff/login"))
                .body(Full::new(Bytes::new()))?,
        )
        .await?;
    let form_cookie = first_cookie(form.headers()).context("the login form set no cookie")?;
    let page = String::from_utf8(form.into_body().collect().await?.to_bytes().to_vec())?;
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .context("the login form has no CSRF token")?;
    let login = http::Request::post(format!("http://{addr}/staff/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", form_cookie)
        .body(Full::new(Bytes::from(format!(
            "csrf={csrf}&name=bench.boss&password={}",
            PASSWORD.replace(' ', "+")
        ))))?;
    let (status, headers, _) = send(&client, login).await?;
    let cookie = first_cookie(&headers).context(format!("the login set no cookie ({status})"))?;
    let year = format!(
        "from={}&to={}",
        today - Days::new(365),
        today - Days::new(1)
    );
    let month = format!("from={}&to={}", today - Days::new(30), today - Days::new(1));
    println!("\n| page | median of {runs} (ms) | size (bytes) |\n|---|---|---|");
    for (label, path) in [
        ("dashboard, last 30 days", format!("/staff/stats?{month}")),
        ("dashboard, the whole year", format!("/staff/stats?{year}")),
        ("transparency page", "/transparenta".to_owned()),
    ]
    .into_iter()
    .chain(
        FIGURES
            .iter()
            .map(|figure| (*figure, format!("/staff/stats/{figure}.csv?{year}"))),
    ) {
        let (ms, size) = timed(&client, addr, &path, &cookie, runs).await?;
        println!("| {label} | {ms:.0} | {size} |");
    }
    Ok(())
}
