//! Real Spin (`spin up`) as a child process, for the real-Spin end-to-end suite and
//! the benchmark: the built components, a fresh state directory, a free port.

use anyhow::{Context, Result, bail};
use std::net::{SocketAddr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where Debian's `faketime` package puts the library that shifts a process's clock.
const FAKETIME_LIB: &str = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";

/// The `spin` binary: on the PATH, or where `../shared/tools/spin/install.sh` puts it.
pub fn spin_binary() -> Option<PathBuf> {
    installed("spin")
}

/// A tool on the PATH, or in `~/.local/bin` where the `../shared/tools` installers put
/// theirs.
pub(crate) fn installed(name: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| {
        let home = std::env::var_os("HOME")?;
        Some(PathBuf::from(home).join(".local/bin").join(name)).filter(|p| p.is_file())
    })
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// How to start Spin.
pub struct SpinOptions {
    /// The project's `spin.toml`.
    pub manifest: PathBuf,
    /// Holds the derived manifest, the state directory (`.spin`) and `spin.log`.
    pub dir: PathBuf,
    /// `SPIN_VARIABLE_<NAME>` values.
    pub variables: Vec<(String, String)>,
    /// Every cron trigger fires on this schedule instead of the manifest's (tests
    /// can't wait five minutes for a tick); None keeps the manifest's.
    pub cron_schedule: Option<String>,
    /// Starts the clock Spin and its cron plugin see at this UTC time
    /// (`YYYY-MM-DD HH:MM:SS`, through libfaketime; it then runs on normally).
    pub clock_starts_at: Option<String>,
    /// Spin's `--runtime-config-file` (where SQLite and key-value really live).
    pub runtime_config: Option<PathBuf>,
}

/// A running `spin up`, killed when dropped.
pub struct SpinProcess {
    child: Child,
    pub addr: SocketAddr,
    pub state_dir: PathBuf,
    pub log: PathBuf,
}

/// The manifest with absolute component paths (it lives elsewhere) and, when asked,
/// every cron trigger on one schedule. Nothing else changes.
fn derived_manifest(options: &SpinOptions) -> Result<PathBuf> {
    let root = options
        .manifest
        .parent()
        .context("the manifest's folder")?
        .canonicalize()?;
    let text = std::fs::read_to_string(&options.manifest)?;
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = match (line.strip_prefix("source = \""), &options.cron_schedule) {
            (Some(rest), _) => format!("source = \"{}/{rest}", root.display()),
            (None, Some(schedule)) if line.starts_with("cron_expression = ") => {
                format!("cron_expression = \"{schedule}\"")
            }
            _ => line.to_owned(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    let path = options.dir.join("spin.toml");
    std::fs::write(&path, out)?;
    Ok(path)
}

impl SpinProcess {
    /// Starts `spin up` and waits until it answers.
    pub async fn start(options: &SpinOptions) -> Result<SpinProcess> {
        let spin = spin_binary().context(
            "real Spin is not installed: run `bash ../shared/tools/spin/install.sh` \
             (or put `spin` 4.x on the PATH)",
        )?;
        std::fs::create_dir_all(&options.dir)?;
        let manifest = derived_manifest(options)?;
        let state_dir = options.dir.join(".spin");
        let log = options.dir.join("spin.log");
        let port = free_port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let mut command = Command::new(spin);
        command
            .arg("up")
            .arg("-f")
            .arg(&manifest)
            .arg("--listen")
            .arg(addr.to_string())
            .arg("--state-dir")
            .arg(&state_dir)
            .args(
                options
                    .runtime_config
                    .iter()
                    .flat_map(|c| [std::ffi::OsStr::new("--runtime-config-file"), c.as_os_str()]),
            )
            .env("TZ", "UTC")
            // Its own process group: `spin up` runs each trigger as a child process,
            // and a kill must reach them all.
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&log)?)
            .stderr(std::fs::File::create(options.dir.join("spin.err"))?);
        for (name, value) in &options.variables {
            command.env(format!("SPIN_VARIABLE_{}", name.to_uppercase()), value);
        }
        if let Some(start) = &options.clock_starts_at {
            if !Path::new(FAKETIME_LIB).is_file() {
                bail!("{FAKETIME_LIB} is missing: install Debian's `faketime` package");
            }
            command
                .env("LD_PRELOAD", FAKETIME_LIB)
                .env("FAKETIME", format!("@{start}"))
                .env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        }
        let child = command.spawn().context("starting spin up")?;
        let mut process = SpinProcess {
            child,
            addr,
            state_dir,
            log,
        };
        process.wait_until_ready().await?;
        Ok(process)
    }

    async fn wait_until_ready(&mut self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                bail!("spin up exited with {status}: {}", self.output());
            }
            if tokio::net::TcpStream::connect(self.addr).await.is_ok() {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("spin up did not answer within 2 minutes: {}", self.output())
    }

    /// What Spin printed so far (its log and errors).
    pub fn output(&self) -> String {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        format!(
            "{}{}",
            read(&self.log),
            read(&self.log.with_file_name("spin.err"))
        )
    }

    /// Where the `default` SQLite database lives.
    pub fn sqlite_path(&self) -> PathBuf {
        self.state_dir.join("sqlite_db.db")
    }

    /// SIGKILL to `spin up` and its trigger processes: they die where they stand,
    /// as in a power cut.
    pub fn kill_now(&self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .status();
    }
}

impl Drop for SpinProcess {
    fn drop(&mut self) {
        self.kill_now();
        let _ = self.child.wait();
    }
}
