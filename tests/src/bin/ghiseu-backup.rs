//! Operator command: a consistent backup of the app's SQLite database while it runs.
//!
//! `cargo run -p ghiseu-testhost --bin ghiseu-backup -- .spin/sqlite_db.db backups/ghiseu-2026-11-23.db`
//!
//! Restore: stop every instance, replace the database file with the backup (and remove
//! its `-wal` and `-shm` files), start again. See README, "Backups".

use anyhow::{Context, Result};
use std::path::PathBuf;

fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let from = args
        .next()
        .context("usage: ghiseu-backup <database> <backup file>")?;
    let to = args
        .next()
        .context("usage: ghiseu-backup <database> <backup file>")?;
    let bookings = ghiseu_testhost::backup::take(&from, &to)?;
    println!(
        "backup {} written and checked: {bookings} bookings",
        to.display()
    );
    Ok(())
}
