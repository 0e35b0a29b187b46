//! `TestApp`: a fresh app (own database, key-value store and pinned clock) per test,
//! running the release `.wasm` components through the test host.

use bytes::Bytes;
use chrono::{DateTime, TimeZone, Utc};
use ghiseu_testhost::Host;
use serde_json::Value;
use std::net::SocketAddr;
use std::path::PathBuf;

pub struct TestApp {
    pub host: Host,
    _dir: tempfile::TempDir,
}

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
    format!(r#"{{"ana.pop": "{}"}}"#, hashed(STAFF_TOKEN))
}

/// Monday 23 November 2026, 10:00 in Bucharest.
pub fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

impl TestApp {
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
        let builder = variables.iter().fold(
            Host::builder(root().join("spin.toml"), dir.path().join(".spin")),
            |b, (k, v)| b.variable(k, v),
        );
        let host = builder
            .build()
            .expect("test host starts (are the components built? `cargo components`)");
        host.clock().set(monday_morning());
        TestApp { host, _dir: dir }
    }

    pub fn set_time(&self, t: DateTime<Utc>) {
        self.host.clock().set(t);
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
        self.host
            .fire_cron("deliver")
            .await
            .expect("cron runs")
            .expect("delivery succeeds");
    }

    pub async fn request(&self, req: http::Request<Vec<u8>>) -> Reply {
        self.request_from(req, client(0)).await
    }

    /// A request as if from this client address (abuse limits count per address).
    pub async fn request_from(&self, req: http::Request<Vec<u8>>, from: SocketAddr) -> Reply {
        let response = self
            .host
            .send_from(req, from)
            .await
            .expect("host serves the request");
        let (parts, body) = response.into_parts();
        Reply {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        }
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

    /// A read-only look at the app's SQLite database.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.host.sqlite_path()).unwrap()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).unwrap()
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

/// The address of the n-th client; `client(0)` is the one every plain request uses.
pub fn client(n: usize) -> SocketAddr {
    let [_, a, b, c] = u32::try_from(n).unwrap().to_be_bytes();
    SocketAddr::from(([10, a, b, c], 50_000))
}
