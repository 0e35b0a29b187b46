//! deploy/nginx.conf run as it is in front of `spin up`, moved only to free ports and a
//! temporary directory (the lines the file marks `# test:`): for the real-Spin suite's
//! proxy test and the benchmark's reads through the proxy.
//!
//! Needs Debian's `nginx` and `openssl`.

use crate::spin::free_port;
use anyhow::{Context, Result, bail, ensure};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// nginx running deploy/nginx.conf, moved to free ports and a temporary directory.
pub struct Nginx {
    child: Child,
    /// The TLS port (a self-signed certificate for `localhost`).
    pub https: u16,
    /// The plain-HTTP port, which redirects to HTTPS.
    pub http: u16,
}

impl Nginx {
    pub async fn start(dir: &Path, upstream: std::net::SocketAddr) -> Result<Nginx> {
        std::fs::create_dir_all(dir)?;
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
            .context("OPENSSL IS NOT INSTALLED: install Debian's openssl (CI does)")?;
        ensure!(made.success(), "openssl made no certificate");
        let cache = dir.join("cache");
        std::fs::create_dir_all(&cache)?;
        // nginx's workers run as an unprivileged user: they must reach the cache.
        for p in [dir, cache.as_path()] {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777))?;
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
        let deployed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/nginx.conf");
        let text = std::fs::read_to_string(&deployed)?;
        let mut moved = 0;
        let config: String = text
            .lines()
            .map(|line| {
                let mut line = line.to_owned();
                for (marker, from, to) in &moves {
                    if line.ends_with(&format!("# test: {marker}")) && line.contains(from) {
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
        std::fs::write(&file, config)?;
        let child = Command::new(nginx_binary())
            .arg("-c")
            .arg(&file)
            .args(["-e", &path(&dir.join("error.log")), "-g", "daemon off;"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("NGINX IS NOT INSTALLED: install Debian's nginx (CI does)")?;
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", https))
                .await
                .is_ok()
            {
                return Ok(Nginx { child, https, http });
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let log = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
        bail!("nginx did not start: {log}");
    }
}

impl Drop for Nginx {
    /// A fast shutdown (SIGTERM): the master stops its workers before it exits. A
    /// SIGKILL would leave them running, orphaned, on the ports.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
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
