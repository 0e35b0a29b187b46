//! Backups of the embedded SQLite database while the app runs: `VACUUM INTO` reads
//! one consistent snapshot (a WAL reader, so bookings go on meanwhile) into a new,
//! compact file, which is then checked before it is called a backup.

use anyhow::{Context, Result, bail};
use std::path::Path;

/// Writes a consistent copy of the database at `from` to `to` (which must not exist)
/// and returns how many bookings it holds.
pub fn take(from: &Path, to: &Path) -> Result<i64> {
    if to.exists() {
        bail!("{} exists already; a backup never overwrites", to.display());
    }
    let db =
        rusqlite::Connection::open_with_flags(from, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .with_context(|| format!("opening {}", from.display()))?;
    db.busy_timeout(std::time::Duration::from_secs(30))?;
    let target = to.to_str().context("a UTF-8 backup path")?;
    db.execute("VACUUM INTO ?1", [target])
        .context("VACUUM INTO")?;
    let copy = rusqlite::Connection::open(to)?;
    let integrity: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        bail!("the copy fails its integrity check: {integrity}");
    }
    Ok(copy.query_row("SELECT COUNT(*) FROM bookings", [], |r| r.get(0))?)
}
