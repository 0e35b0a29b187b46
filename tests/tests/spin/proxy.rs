//! deploy/nginx.conf in front of real `spin up`, as an office runs it: TLS ends at the
//! proxy; what the app marks public is served from the proxy's cache without reaching
//! Spin; bookings and status checks always reach it; the per-address limit sees the
//! address the connection really came from, whatever the client writes in
//! X-Forwarded-For. Only the ports and paths the file marks `# test:` are moved.
//!
//! Needs Debian's `nginx` and `openssl` (CI installs them); without them the test fails
//! saying so.

use crate::support::*;
use ghiseu_testhost::spin::{SpinOptions, SpinProcess, free_port};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// nginx running deploy/nginx.conf, moved to free ports and a temporary directory.
struct Nginx {
    child: Child,
    https: u16,
    http: u16,
}

impl Nginx {
    async fn start(dir: &Path, upstream: std::net::SocketAddr) -> Nginx {
        std::fs::create_dir_all(dir).unwrap();
        let (certificate, key) = (dir.join("cert.pem"), dir.join("key.pem"));
        let made = Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            ])
            .args(["-subj", "/CN=localhost", "-keyout"])
            .arg(&key)
            .arg("-out")
            .arg(&certificate)
            .stderr(Stdio::null())
            .status()
            .expect("OPENSSL IS NOT INSTALLED: install Debian's openssl (CI does)");
        assert!(made.success(), "openssl made no certificate");
        let cache = dir.join("cache");
        std::fs::create_dir_all(&cache).unwrap();
        // nginx's workers run as an unprivileged user: they must reach the cache.
        for p in [dir, cache.as_path()] {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        let (http, https) = (free_port(), free_port());
        let moves: [(&str, &str, String); 8] = [
            ("pid", "/run/ghiseu-nginx.pid", path(&dir.join("nginx.pid"))),
            (
                "error_log",
                "/var/log/nginx/ghiseu-error.log",
                path(&dir.join("error.log")),
            ),
            ("upstream", "127.0.0.1:3000", upstream.to_string()),
            ("cache", "/var/cache/nginx/ghiseu", path(&cache)),
            ("http", "listen 80", format!("listen 127.0.0.1:{http}")),
            ("https", "listen 443", format!("listen 127.0.0.1:{https}")),
            (
                "certificate",
                "/etc/ghiseu/tls/fullchain.pem",
                path(&certificate),
            ),
            ("key", "/etc/ghiseu/tls/privkey.pem", path(&key)),
        ];
        let text = std::fs::read_to_string(root().join("deploy/nginx.conf")).unwrap();
        let mut moved = 0;
        let config: String = text
            .lines()
            .map(|line| {
                let mut line = line.to_owned();
                for (marker, from, to) in &moves {
                    if line.ends_with(&format!("# test: {marker}")) {
                        assert!(line.contains(from), "deploy/nginx.conf: `{from}` moved");
                        line = line.replace(from, to);
                        moved += 1;
                    }
                }
                line + "\n"
            })
            .collect();
        assert_eq!(
            moved,
            moves.len(),
            "every `# test:` line of deploy/nginx.conf found"
        );
        let file = dir.join("nginx.conf");
        std::fs::write(&file, config).unwrap();
        let child = Command::new(nginx_binary())
            .arg("-c")
            .arg(&file)
            .args(["-e", &path(&dir.join("error.log")), "-g", "daemon off;"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("NGINX IS NOT INSTALLED: install Debian's nginx (CI does)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", https))
                .await
                .is_ok()
            {
                return Nginx { child, https, http };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let log = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
        panic!("nginx did not start: {log}");
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nginx_binary() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("nginx"))
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// An answer through the proxy, read with curl (the certificate is self-signed).
struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn cache(&self) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("x-cache-status")
                .then(|| value.trim())
        })
    }
}

fn curl(url: &str, extra: &[&str]) -> Answer {
    let out = Command::new("curl")
        .args(["-sk", "-D", "-", "--max-time", "20"])
        .args(extra)
        .arg(url)
        .output()
        .expect("curl runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        headers: headers.to_owned(),
        body: body.to_owned(),
    }
}

/// How many requests to `route` (Spin's route pattern) with `method` `component`
/// logged (one JSON line each).
fn reached(spin: &SpinProcess, component: &str, route: &str, method: &str) -> usize {
    let log = spin.state_dir.join(format!("logs/{component}_stderr.txt"));
    std::fs::read_to_string(&log)
        .unwrap_or_else(|e| panic!("{}: {e}", log.display()))
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|l| l["route"] == route && l["method"] == method)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_proxy_caches_public_reads_passes_personal_ones_and_gives_the_real_client_address() {
    let dir = tempfile::tempdir().unwrap();
    // Four public requests per address in ten minutes, by the header the proxy sets.
    let office = r#"{"rate_limits":{"per_address":4,"client_address_header":"x-forwarded-for"}}"#;
    let spin = SpinProcess::start(&SpinOptions {
        manifest: root().join("spin.toml"),
        dir: dir.path().join("spin"),
        variables: vec![("office".to_owned(), office.to_owned())],
        cron_schedule: None,
        clock_starts_at: Some(monday_morning().format("%Y-%m-%d %H:%M:%S").to_string()),
        runtime_config: None,
    })
    .await
    .expect("spin up starts");
    let proxy = Nginx::start(&dir.path().join("nginx"), spin.addr).await;
    let site = format!("https://127.0.0.1:{}", proxy.https);

    // Plain HTTP is sent to HTTPS.
    let plain = curl(&format!("http://127.0.0.1:{}/", proxy.http), &[]);
    assert_eq!(plain.status, 301, "{}", plain.headers);
    assert!(plain.headers.to_lowercase().contains("location: https://"));

    // A day's availability: the first read reaches Spin, the next are the cache's.
    let day = format!("{site}/api/availability?service=passport&date=2026-11-25");
    let json = ["-H", "accept: application/json"];
    let first = curl(&day, &json);
    assert_eq!(
        (first.status, first.cache()),
        (200, Some("MISS")),
        "{}",
        first.headers
    );
    for _ in 0..5 {
        let again = curl(&day, &json);
        assert_eq!(
            (again.status, again.cache()),
            (200, Some("HIT")),
            "{}",
            again.headers
        );
        assert_eq!(again.body, first.body);
    }
    // The page for a browser at the same address is kept apart from the JSON.
    let page = curl(&day, &["-H", "accept: text/html"]);
    assert_eq!((page.status, page.cache()), (200, Some("MISS")));
    assert!(page.body.contains("<html"), "{}", page.body);
    assert_eq!(reached(&spin, "catalog", "/api/availability", "GET"), 2);
    // Static files too.
    for expected in ["MISS", "HIT"] {
        assert_eq!(
            curl(&format!("{site}/style.css"), &[]).cache(),
            Some(expected)
        );
    }

    // Bookings and status checks pass, each one, and are never stored. The proxy sets
    // X-Forwarded-For to the connection's address, so a client writing its own gains
    // nothing: after four public requests from one address the fifth is refused.
    let book = |n: usize| {
        let (name, phone) = booker(n);
        let body = with(
            passport(),
            json!({"name": name, "phone": phone, "slot": crate::passport_slot(n)}),
        );
        let forged = format!("x-forwarded-for: 203.0.113.{n}");
        curl(
            &format!("{site}/api/bookings"),
            &[
                "-H",
                "content-type: application/json",
                "-H",
                &forged,
                "--data",
                &body.to_string(),
            ],
        )
    };
    let booked = book(0);
    assert_eq!(booked.status, 201, "{}", booked.body);
    let reply: serde_json::Value = serde_json::from_str(&booked.body).unwrap();
    let status = format!(
        "{site}/api/bookings/{}",
        reply["reservation_number"].as_str().unwrap()
    );
    for _ in 0..2 {
        let answer = curl(&status, &json);
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_ne!(answer.cache(), Some("HIT"), "{}", answer.headers);
        assert!(
            answer
                .headers
                .to_lowercase()
                .contains("cache-control: no-store")
        );
    }
    assert_eq!(book(1).status, 201);
    let refused = book(2);
    assert_eq!(
        refused.status, 429,
        "the limit saw one address: {}",
        refused.body
    );
    assert_eq!(reached(&spin, "bookings", "/api/bookings", "POST"), 3);
    assert_eq!(reached(&spin, "bookings", "/api/bookings/...", "GET"), 2);
}
