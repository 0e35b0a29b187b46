//! Cron: retention (GDPR). Personal data past the office's retention times is
//! erased in small batches, each its own transaction; see `ghiseu_core::retention`.

use ghiseu_core::retention;

/// This cron's name in the logs.
const CRON: &str = "retention";

wit_bindgen::generate!({ world: "spin-cron", path: "../../wit/cron.wit" });

struct Retention;

impl Guest for Retention {
    fn handle_cron_event(_metadata: Metadata) -> Result<(), Error> {
        ghiseu_spin::run_cron(CRON, |env| {
            let report = retention::erase_due(
                env.db,
                &env.office.retention,
                &ghiseu_spin::contact_key(),
                env.now,
            )?;
            if report.total() > 0 {
                eprintln!(
                    "{}",
                    serde_json::json!({"kind": "retention", "erased": report})
                );
            }
            Ok(())
        })
        .map_err(Error::Other)
    }
}

export!(Retention);
