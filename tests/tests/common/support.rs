//! `TestApp`: a fresh app (own database, key-value store and clock) per test, running
//! the release `.wasm` components either through our test host (pinned clock, crons
//! fired by hand, outbound HTTP captured) or on real `spin up` (clock started at the
//! same Monday, crons every second, providers answered by a local sink). A scenario
//! written against `TestApp` runs on both.

#![allow(dead_code)] // each test binary uses its own part of the shared support

use bytes::Bytes;
use chrono::{DateTime, TimeZone, Utc};
use ghiseu_testhost::Host;
use ghiseu_testhost::host::Captured;
use ghiseu_testhost::sink::Sink;
use ghiseu_testhost::spin::{SpinOptions, SpinProcess};
use ghiseu_testhost::sqld::Sqld;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::Value;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where a test's app runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    TestHost,
    Spin,
    /// Real Spin with its database on a libSQL server (`sqld`), as a scaled-out office
    /// runs it.
    SpinLibsql,
}

enum Running {
    Host(std::sync::Arc<Host>),
    Spin(Box<OnSpin>),
}

struct OnSpin {
    process: SpinProcess,
    sqld: Option<Sqld>,
    sink: Sink,
    client: Client<HttpConnector, Full<Bytes>>,
}

pub struct TestApp {
    running: Running,
    _dir: tempfile::TempDir,
}

/// In variables given to `TestApp::start`, stands for the provider sink's origin.
pub const SINK: &str = "{sink}";
/// The sink's origin on the test host, which captures outbound HTTP itself.
const HOST_SINK: &str = "https://sink.test";

pub struct Reply {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The machine-readable code of a JSON error reply.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code: {}", self.text()))
            .to_owned()
    }

    pub fn error_field(&self) -> Option<String> {
        self.json()["error"]["field"].as_str().map(str::to_owned)
    }
}

/// The bearer token of the test clerk `ana.pop`.
pub const STAFF_TOKEN: &str = "clerk-ana-7f3b2c9e1d";

pub fn hashed(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `staff_tokens` variable naming the test clerk.
pub fn staff_tokens() -> String {
    format!(
        r#"{{"ana.pop": {{"hash": "{}", "role": "supervisor"}}}}"#,
        hashed(STAFF_TOKEN)
    )
}

/// Monday 23 November 2026, 10:00 in Bucharest.
pub fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The secrets an office facing the internet must set (public writes at a non-local
/// `public_base_url` are refused without them), filled in where a test sets none: a
/// contact key, and, unless the test gives a `challenge_secret`, the office's explicit
/// opt-out of the bot check (`proof_of_work.difficulty` 0 in `office`). A test that
/// gives either as "" meets the production default.
pub fn with_office_secrets(variables: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut filled: Vec<(String, String)> = variables
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let given = |name: &str| variables.iter().any(|(k, _)| *k == name);
    if !given("contact_key") {
        filled.push(("contact_key".to_owned(), "e2e-contact-key".to_owned()));
    }
    if !given("challenge_secret") {
        let office = filled.iter_mut().find(|(k, _)| k == "office");
        // A test of a broken `office` keeps it as it wrote it.
        let json = match &office {
            Some((_, v)) if !v.trim().is_empty() => serde_json::from_str::<Value>(v).ok(),
            _ => Some(serde_json::json!({})),
        };
        if let Some(mut json) = json.filter(Value::is_object) {
            let pow = &mut json["proof_of_work"];
            if pow.get("difficulty").is_none() && (pow.is_null() || pow.is_object()) {
                pow["difficulty"] = 0.into();
            }
            match office {
                Some((_, v)) => *v = json.to_string(),
                None => filled.push(("office".to_owned(), json.to_string())),
            }
        }
    }
    filled
}

impl TestApp {
    /// A fresh app on `backend` with these variables (`{sink}` in a value becomes the
    /// provider sink's origin), the office's secrets filled in (`with_office_secrets`).
    pub async fn start(backend: Backend, variables: &[(&str, &str)]) -> TestApp {
        match backend {
            Backend::TestHost => {
                let variables: Vec<(String, String)> = variables
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.replace(SINK, HOST_SINK)))
                    .collect();
                let refs: Vec<(&str, &str)> = variables
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                TestApp::spawn_configured(&refs)
            }
            Backend::Spin => TestApp::start_spin(variables, false).await,
            Backend::SpinLibsql => TestApp::start_spin(variables, true).await,
        }
    }

    async fn start_spin(variables: &[(&str, &str)], libsql: bool) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let sink = Sink::start().await.expect("the provider sink starts");
        let sqld = if libsql {
            let sqld = Sqld::start(&dir.path().join("sqld"))
                .await
                .unwrap_or_else(|e| panic!("{e:#}"));
            std::fs::write(
                dir.path().join("runtime-config.toml"),
                sqld.runtime_config(),
            )
            .unwrap();
            Some(sqld)
        } else {
            None
        };
        let options = SpinOptions {
            manifest: root().join("spin.toml"),
            dir: dir.path().to_owned(),
            variables: with_office_secrets(variables)
                .into_iter()
                .map(|(k, v)| (k, v.replace(SINK, &sink.origin())))
                .collect(),
            cron_schedule: Some("* * * * * *".to_owned()),
            // The same Monday the test host pins, so scenarios share their dates.
            clock_starts_at: Some(monday_morning().format("%Y-%m-%d %H:%M:%S").to_string()),
            runtime_config: sqld
                .as_ref()
                .map(|_| dir.path().join("runtime-config.toml")),
        };
        let process = SpinProcess::start(&options)
            .await
            .unwrap_or_else(|e| panic!("REAL SPIN DID NOT START: {e:#}"));
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = Client::builder(hyper_util::rt::TokioExecutor::new()).build(connector);
        let app = TestApp {
            running: Running::Spin(Box::new(OnSpin {
                process,
                sqld,
                sink,
                client,
            })),
            _dir: dir,
        };
        // The first component to open a fresh database migrates it, one transaction of a
        // hundred-odd statements; on sqld each is a round trip, and the crons (every
        // second here) and the scenario's first requests meet that lock as `429 busy`,
        // which a client retries. Scenarios start once the schema stands, as an office's
        // traffic does after its first deploy.
        for _ in 0..60 {
            if app.get("/api/services").await.status != 429 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        app
    }

    pub fn backend(&self) -> Backend {
        match &self.running {
            Running::Host(_) => Backend::TestHost,
            Running::Spin(spin) if spin.sqld.is_some() => Backend::SpinLibsql,
            Running::Spin(_) => Backend::Spin,
        }
    }

    /// The test host, for what only it can do (pin the clock, fire a cron by hand,
    /// script the providers' answers).
    pub fn host(&self) -> &Host {
        match &self.running {
            Running::Host(host) => host,
            Running::Spin(_) => panic!("this step needs the test host, not real Spin"),
        }
    }

    /// What real Spin printed, for a failing test's message.
    pub fn spin_output(&self) -> String {
        match &self.running {
            Running::Spin(spin) => spin.process.output(),
            Running::Host(_) => String::new(),
        }
    }

    /// What a component wrote to its stderr on real Spin (Spin keeps it in the state
    /// directory's `logs/`).
    /// The storage or configuration faults real Spin's components logged (their
    /// `fault` field), for a failing test's message; nothing on the test host.
    pub fn faults(&self) -> String {
        let Running::Spin(spin) = &self.running else {
            return String::new();
        };
        let logs = std::fs::read_dir(spin.process.state_dir.join("logs"))
            .into_iter()
            .flatten()
            .flatten();
        logs.flat_map(|entry| {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            text.lines()
                .filter(|l| !l.contains(r#""fault":null"#) && l.contains(r#""fault""#))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("\n")
    }

    pub fn component_log(&self, component: &str) -> String {
        match &self.running {
            Running::Spin(spin) => std::fs::read_to_string(
                spin.process
                    .state_dir
                    .join("logs")
                    .join(format!("{component}_stderr.txt")),
            )
            .unwrap_or_default(),
            Running::Host(_) => panic!("the test host's components write to the test's stderr"),
        }
    }

    /// SIGKILL to real Spin, in the middle of whatever it is doing.
    pub fn kill_spin(&self) {
        match &self.running {
            Running::Spin(spin) => spin.process.kill_now(),
            Running::Host(_) => panic!("this step needs real Spin"),
        }
    }

    /// Every request the app made to the providers so far.
    pub fn outbound(&self) -> Vec<Captured> {
        match &self.running {
            Running::Host(host) => host.outbound(),
            Running::Spin(spin) => spin.sink.received(),
        }
    }

    /// The paths of the links to `https://programari.test{prefix}…` in the emails sent
    /// so far, in order (the tests set `public_base_url` to that origin).
    pub fn link_paths(&self, prefix: &str) -> Vec<String> {
        let origin = "https://programari.test";
        self.outbound()
            .iter()
            .filter(|r| r.json()["subject"].is_string())
            .filter_map(|r| {
                let text = r.json()["text"].as_str()?.to_owned();
                let start = text.find(&format!("{origin}{prefix}"))?;
                let link: String = text[start + origin.len()..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect();
                Some(link)
            })
            .collect()
    }

    /// Lets a cron component run: fired once by hand on the test host; on Spin, where
    /// every cron fires each second, waits for two ticks.
    pub async fn tick(&self, component: &str) {
        match &self.running {
            Running::Host(host) => host
                .fire_cron(component)
                .await
                .expect("cron runs")
                .expect("the cron run succeeds"),
            Running::Spin(_) => tokio::time::sleep(Duration::from_millis(2200)).await,
        }
    }

    /// Waits (up to 20 s on Spin, where crons run on their own) until `done` holds.
    pub async fn eventually(&self, what: &str, done: impl Fn(&TestApp) -> bool) {
        for _ in 0..200 {
            if done(self) {
                return;
            }
            if self.backend() == Backend::TestHost {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(done(self), "never happened: {what}");
    }

    pub fn spawn() -> TestApp {
        TestApp::spawn_with_office("")
    }

    /// An app whose `office` variable holds this JSON.
    pub fn spawn_with_office(office: &str) -> TestApp {
        TestApp::spawn_configured(&[("office", office)])
    }

    /// An app with these variables set, as `SPIN_VARIABLE_*` would set them.
    pub fn spawn_configured(variables: &[(&str, &str)]) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let builder = with_office_secrets(variables).iter().fold(
            Host::builder(root().join("spin.toml"), dir.path().join(".spin")),
            |b, (k, v)| b.variable(k, v),
        );
        let host = builder
            .build()
            .expect("test host starts (are the components built? `cargo components`)");
        host.clock().set(monday_morning());
        TestApp {
            running: Running::Host(std::sync::Arc::new(host)),
            _dir: dir,
        }
    }

    /// Serves the test host over HTTP on a free local port (for a real browser); the
    /// clock stays pinned and the state is this app's own.
    pub async fn listen(&self) -> SocketAddr {
        let Running::Host(host) = &self.running else {
            panic!("only the test host is served this way");
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(ghiseu_testhost::serve::serve_on(host.clone(), listener));
        addr
    }

    /// Where real Spin listens (`http://127.0.0.1:port`), for a client outside the test.
    pub fn spin_url(&self) -> String {
        let Running::Spin(spin) = &self.running else {
            panic!("only real Spin listens on its own port");
        };
        format!("http://{}", spin.process.addr)
    }

    pub fn set_time(&self, t: DateTime<Utc>) {
        self.host().clock().set(t);
    }

    /// A staff API call, with a bearer token when given, and a JSON body when given.
    pub async fn staff(
        &self,
        method: http::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut req = http::Request::builder()
            .method(method)
            .uri(path)
            .header("accept", "application/json");
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        if body.is_some() {
            req = req.header("content-type", "application/json");
        }
        let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        self.request(req.body(body).unwrap()).await
    }

    /// One tick of the delivery cron; it must succeed.
    pub async fn deliver(&self) {
        self.tick("deliver").await;
    }

    pub async fn request(&self, req: http::Request<Vec<u8>>) -> Reply {
        self.request_from(req, client(0)).await
    }

    /// A request as if from this client address: Spin's own view of the peer on the
    /// test host, and on both the `x-forwarded-for` a trusted proxy would add.
    pub async fn request_from(&self, req: http::Request<Vec<u8>>, from: SocketAddr) -> Reply {
        self.try_request_from(req, from)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like `request_from`, with a failed connection (a killed Spin) as an error.
    pub async fn try_request_from(
        &self,
        mut req: http::Request<Vec<u8>>,
        from: SocketAddr,
    ) -> Result<Reply, String> {
        req.headers_mut().insert(
            "x-forwarded-for",
            from.ip()
                .to_string()
                .parse()
                .expect("an address is a header value"),
        );
        let (parts, body) = match &self.running {
            Running::Host(host) => host
                .send_from(req, from)
                .await
                .expect("host serves the request")
                .into_parts(),
            Running::Spin(spin) => {
                let (process, client) = (&spin.process, &spin.client);
                let (mut parts, body) = req.into_parts();
                parts.uri = format!("http://{}{}", process.addr, parts.uri)
                    .parse()
                    .expect("a URI");
                let req = http::Request::from_parts(parts, Full::new(Bytes::from(body)));
                let response = client
                    .request(req)
                    .await
                    .map_err(|e| format!("spin answers: {e:?}\n{}", process.output()))?;
                let (parts, body) = response.into_parts();
                let body = body
                    .collect()
                    .await
                    .map_err(|e| format!("a whole body: {e:?}"))?
                    .to_bytes();
                (parts, body)
            }
        };
        Ok(Reply {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.request(
            http::Request::get(path)
                .header("accept", "application/json")
                .body(vec![])
                .unwrap(),
        )
        .await
    }

    pub async fn get_html(&self, path: &str) -> Reply {
        self.request(
            http::Request::get(path)
                .header("accept", "text/html,application/xhtml+xml")
                .body(vec![])
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Reply {
        self.post_raw(
            path,
            "application/json",
            body.to_string().into_bytes(),
            None,
        )
        .await
    }

    /// A JSON POST with an `Idempotency-Key`.
    pub async fn post_json_keyed(&self, path: &str, body: &Value, key: &str) -> Reply {
        let bytes = body.to_string().into_bytes();
        self.post_raw(path, "application/json", bytes, Some(key))
            .await
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        idempotency_key: Option<&str>,
    ) -> Reply {
        let mut req = http::Request::post(path).header("content-type", content_type);
        if let Some(k) = idempotency_key {
            req = req.header("idempotency-key", k);
        }
        self.request(req.body(body).unwrap()).await
    }

    pub async fn book(&self, body: &Value) -> Reply {
        self.post_json("/api/bookings", body).await
    }

    /// A booking from the n-th of many citizens' own addresses.
    pub async fn book_from(&self, from: SocketAddr, body: &Value) -> Reply {
        let req = http::Request::post("/api/bookings")
            .header("content-type", "application/json")
            .body(body.to_string().into_bytes())
            .unwrap();
        self.request_from(req, from).await
    }

    /// The slots of one day's availability.
    pub async fn slots(&self, service: &str, date: &str) -> Vec<Value> {
        let day = self
            .get(&format!("/api/availability?service={service}&date={date}"))
            .await
            .json();
        day["day"]["slots"].as_array().unwrap().clone()
    }

    /// One slot of a day's availability, found by its office time.
    pub async fn slot(&self, service: &str, date: &str, time: &str) -> Value {
        self.slots(service, date)
            .await
            .into_iter()
            .find(|s| s["time"] == time)
            .expect("the slot exists")
    }

    /// The slot start times of a day, as the API gives them.
    pub async fn slot_starts(&self, service: &str, date: &str) -> Vec<String> {
        self.slots(service, date)
            .await
            .iter()
            .map(|s| s["start"].as_str().unwrap().to_owned())
            .collect()
    }

    /// Where the app's SQLite database lives.
    pub fn sqlite_path(&self) -> PathBuf {
        match &self.running {
            Running::Host(host) => host.sqlite_path(),
            Running::Spin(spin) => match &spin.sqld {
                Some(sqld) => sqld.data_file(),
                None => spin.process.sqlite_path(),
            },
        }
    }

    /// A look at the app's SQLite database.
    pub fn db(&self) -> rusqlite::Connection {
        // On sqld the file is only read: every write goes through the server.
        let flags = if self.backend() == Backend::SpinLibsql {
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            rusqlite::OpenFlags::default()
        };
        let db = rusqlite::Connection::open_with_flags(self.sqlite_path(), flags).unwrap();
        db.busy_timeout(Duration::from_secs(10)).unwrap();
        db
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.count_with(sql, [])
    }

    /// A COUNT(*) with parameters. The database is created by the first route that
    /// needs data: a table that does not exist yet holds nothing.
    pub fn count_with(&self, sql: &str, params: impl rusqlite::Params) -> i64 {
        match self.db().query_row(sql, params, |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(_, Some(m))) if m.starts_with("no such table") => 0,
            other => other.unwrap(),
        }
    }

    pub fn bookings(&self) -> i64 {
        // The table exists once any component has opened the database.
        self.db()
            .query_row("SELECT COUNT(*) FROM bookings", [], |r| r.get(0))
            .unwrap_or(0)
    }
}

/// The reservation number of a booking just created.
pub fn number_of(reply: &Reply) -> String {
    assert_eq!(reply.status, 201, "{}", reply.text());
    reply.json()["reservation_number"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A valid registration booking for Wednesday 25 November 2026, 09:10.
pub fn registration() -> Value {
    serde_json::json!({
        "service": "registration",
        "slot": "2026-11-25T09:10",
        "name": "Ion Popescu",
        "phone": "0722123456",
        "email": "ion@example.ro",
        "vin": "WVWZZZ1JZXW000001",
        "consent": true
    })
}

/// A valid passport booking for Wednesday 25 November 2026, 09:15.
pub fn passport() -> Value {
    serde_json::json!({
        "service": "passport",
        "slot": "2026-11-25T09:15",
        "name": "Maria Ionescu",
        "phone": "0733123456",
        "consent": true
    })
}

/// The same JSON with some fields replaced (`null` removes one).
pub fn with(mut base: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        if v.is_null() {
            base.as_object_mut().unwrap().remove(k);
        } else {
            base[k] = v.clone();
        }
    }
    base
}

/// The n-th of many distinct bookers: a real phone number and a letters-only name.
pub fn booker(n: usize) -> (String, String) {
    let letters = |mut x: usize| {
        let mut s = String::new();
        for _ in 0..3 {
            s.push((b'a' + (x % 26) as u8) as char);
            x /= 26;
        }
        s
    };
    (
        format!("Ana {}escu", letters(n)),
        format!("0745{:06}", 100_000 + n),
    )
}

impl TestApp {
    /// The counter's morning: two bookings for today around 11:00, made the evening
    /// before (Ion Popescu's registration at 11:10, Elena Ionescu's passport at 11:00).
    /// The clock is left on that evening.
    pub async fn two_bookings_this_morning(&self) -> (Reply, Reply) {
        self.set_time(monday_morning() - chrono::Duration::hours(14));
        let registration = self
            .book(&with(
                registration(),
                serde_json::json!({"slot": "2026-11-23T11:10"}),
            ))
            .await;
        assert_eq!(registration.status, 201, "{}", registration.text());
        let passport = self
            .book(&with(
                passport(),
                serde_json::json!({"slot": "2026-11-23T11:00", "name": "Elena Ionescu", "phone": "0733111222"}),
            ))
            .await;
        assert_eq!(passport.status, 201, "{}", passport.text());
        (registration, passport)
    }
}

/// The address of the n-th client; `client(0)` is the one every plain request uses.
pub fn client(n: usize) -> SocketAddr {
    let [_, a, b, c] = u32::try_from(n).unwrap().to_be_bytes();
    SocketAddr::from(([10, a, b, c], 50_000))
}

/// Stripe's `checkout.session.completed` event for order `id`, paid with `amount` bani
/// at the checkout `cs_test_{id}` (the fake provider's answer to opening it).
pub fn checkout_completed(event: &str, id: i64, amount: i64) -> String {
    serde_json::json!({
        "id": event,
        "object": "event",
        "type": "checkout.session.completed",
        "data": {"object": {
            "id": format!("cs_test_{id}"), "object": "checkout.session",
            "client_reference_id": id.to_string(), "metadata": {"order": id.to_string()},
            "amount_total": amount, "currency": "ron", "payment_status": "paid",
            "payment_intent": format!("pi_{event}")
        }}
    })
    .to_string()
}

/// A `Stripe-Signature` header for `body` signed at `at` with `secret`.
pub fn stripe_signature(body: &str, at: DateTime<Utc>, secret: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{}.{body}", at.timestamp()).as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("t={},v1={hex}", at.timestamp())
}
