//! Scale-out: two `spin up` processes sharing one database (Spin's runtime config) and
//! one Redis for key-value, as two replicas behind a load balancer. A rush across both
//! books exactly the seats, and every confirmation goes out once although both
//! instances' crons fire every second. Once on a shared SQLite file, once on a libSQL
//! server (sqld).

use crate::support::*;
use bytes::Bytes;
use ghiseu_testhost::sink::Sink;
use ghiseu_testhost::spin::{SpinOptions, SpinProcess, free_port};
use ghiseu_testhost::sqld::Sqld;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use serde_json::json;
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A `redis-server` on a free port, without persistence; killed when dropped.
struct Redis {
    child: Child,
    port: u16,
}

impl Redis {
    async fn start() -> Redis {
        let port = free_port();
        let mut child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("REDIS IS NOT INSTALLED: install Debian's redis-server (CI does)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Redis { child, port };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("redis-server did not answer on port {port}");
    }

    /// How many keys match `pattern`.
    fn keys(&self, pattern: &str) -> usize {
        let out = Command::new("redis-cli")
            .args(["-p", &self.port.to_string(), "--scan", "--pattern", pattern])
            .output()
            .expect("redis-cli runs");
        String::from_utf8_lossy(&out.stdout).lines().count()
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_and_redis_never_overbook_and_send_each_message_once() {
    two_instances(false).await
}

/// The same on a libSQL server (sqld): the database an office's replicas share.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn libsql_two_instances_on_one_sqld_and_redis_never_overbook_and_send_each_message_once() {
    two_instances(true).await
}

async fn two_instances(libsql: bool) {
    let dir = tempfile::tempdir().unwrap();
    let redis = Redis::start().await;
    let sink = Sink::start().await.unwrap();
    let sqld = if libsql {
        Some(
            Sqld::start(&dir.path().join("sqld"))
                .await
                .unwrap_or_else(|e| panic!("{e:#}")),
        )
    } else {
        None
    };
    let database = match &sqld {
        Some(sqld) => sqld.runtime_config(),
        None => format!(
            "[sqlite_database.default]\ntype = \"spin\"\npath = \"{}\"\n",
            dir.path().join("ghiseu.db").display()
        ),
    };
    let config = dir.path().join("runtime-config.toml");
    std::fs::write(
        &config,
        format!(
            "{database}\n[key_value_store.default]\ntype = \"redis\"\nurl = \"redis://127.0.0.1:{}\"\n",
            redis.port
        ),
    )
    .unwrap();
    // 10 online seats in the 09:15 slot; the per-address limit on, so the key-value
    // store (Redis) is really used.
    let office = r#"{"services":{"passport":{"counters":20}},
        "rate_limits":{"per_address":1000,"client_address_header":"x-forwarded-for"}}"#;
    let variables: Vec<(String, String)> = [
        ("office", office.to_owned()),
        ("sms_api_url", format!("{}/sms", sink.origin())),
        ("sms_api_origin", sink.origin()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let mut instances = Vec::new();
    for name in ["a", "b"] {
        let options = SpinOptions {
            manifest: root().join("spin.toml"),
            dir: dir.path().join(name),
            variables: variables.clone(),
            cron_schedule: Some("* * * * * *".to_owned()),
            clock_starts_at: Some(monday_morning().format("%Y-%m-%d %H:%M:%S").to_string()),
            runtime_config: Some(config.clone()),
        };
        instances.push(SpinProcess::start(&options).await.expect("spin up starts"));
    }
    let addrs: Vec<_> = instances.iter().map(|i| i.addr).collect();
    let http = Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
    let tasks: Vec<_> = (0..300)
        .map(|n| {
            let (http, addr) = (http.clone(), addrs[n % 2]);
            tokio::spawn(async move {
                let (name, phone) = booker(n);
                let body = with(passport(), json!({"name": name, "phone": phone}));
                // As a client does: `429 busy` (sqld interrupting or shedding a statement
                // under the rush; nothing was written) is tried again after Retry-After.
                for tries in 0.. {
                    let req = http::Request::post(format!("http://{addr}/api/bookings"))
                        .header("content-type", "application/json")
                        .header("x-forwarded-for", client(n).ip().to_string())
                        .body(Full::new(Bytes::from(body.to_string())))
                        .unwrap();
                    let response = http.request(req).await.expect("an answer");
                    let status = response.status().as_u16();
                    let body = response.into_body().collect().await.unwrap().to_bytes();
                    let text = String::from_utf8_lossy(&body).into_owned();
                    if status == 429 && text.contains(r#""code":"busy""#) && tries < 10 {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                    return (status, text);
                }
                unreachable!("the loop returns")
            })
        })
        .collect();
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert!(status < 500, "{status} {body}");
        *statuses.entry(status).or_default() += 1;
    }
    assert_eq!(statuses.get(&201), Some(&10), "{statuses:?}");
    assert_eq!(statuses.get(&409), Some(&290), "{statuses:?}");
    let db = match &sqld {
        Some(sqld) => rusqlite::Connection::open_with_flags(
            sqld.data_file(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        ),
        None => rusqlite::Connection::open(dir.path().join("ghiseu.db")),
    }
    .unwrap();
    db.busy_timeout(Duration::from_secs(10)).unwrap();
    let seated: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM bookings WHERE state = 'active'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(seated, 10, "never overbooked");
    assert!(redis.keys("ratelimit:*") > 0, "the limit counted in Redis");
    // Both instances' delivery crons fire every second: give them several ticks.
    for _ in 0..100 {
        if sink.received().len() >= 10 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut keys: Vec<String> = sink
        .received()
        .iter()
        .map(|r| r.headers["idempotency-key"].to_str().unwrap().to_owned())
        .collect();
    let sent = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!((sent, keys.len()), (10, 10), "each confirmation sent once");
}
