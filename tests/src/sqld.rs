//! A libSQL server (`sqld`) as a child process: the database Spin's runtime config puts
//! the app on when it runs on more than one instance. For the real-Spin suite's second
//! pass and the benchmark's `--libsql` mode.

use crate::spin::{free_port, installed};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `sqld` without authentication on a loopback port, killed when dropped.
pub struct Sqld {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

impl Sqld {
    /// Starts `sqld` with its data under `dir` and waits until it answers.
    pub async fn start(dir: &Path) -> Result<Sqld> {
        let binary = installed("sqld").context(
            "SQLD IS NOT INSTALLED: run `bash ../shared/tools/sqld/install.sh` \
             (or put sqld 0.24 on the PATH)",
        )?;
        std::fs::create_dir_all(dir)?;
        let port = free_port();
        let child = Command::new(binary)
            .arg("-d")
            .arg(dir.join("data.sqld"))
            .args(["--http-listen-addr", &format!("127.0.0.1:{port}")])
            // As an office should size it (README, "Running at scale"): above what the
            // Spin instances in front may send at once, or sqld sheds load.
            .args(["--max-concurrent-requests", "1024"])
            .args(["--max-concurrent-connections", "1024"])
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(dir.join("sqld.log"))?)
            .stderr(std::fs::File::create(dir.join("sqld.err"))?)
            .spawn()
            .context("starting sqld")?;
        let mut sqld = Sqld {
            child,
            port,
            dir: dir.to_owned(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(status) = sqld.child.try_wait()? {
                bail!("sqld exited with {status}");
            }
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Ok(sqld);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("sqld did not answer within 30 s")
    }

    /// The runtime config's section that puts Spin's `default` database here (sqld
    /// without a key accepts any token; Spin's client requires one).
    pub fn runtime_config(&self) -> String {
        format!(
            "[sqlite_database.default]\ntype = \"libsql\"\nurl = \"http://127.0.0.1:{}\"\ntoken = \"unused\"\n",
            self.port
        )
    }

    /// The SQLite file sqld keeps the default namespace in, for tests to read (only
    /// read: every write goes through sqld).
    pub fn data_file(&self) -> PathBuf {
        self.dir.join("data.sqld/dbs/default/data")
    }
}

impl Drop for Sqld {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
