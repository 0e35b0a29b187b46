//! Cron: queue the reminders that are due, each with its cancellation link (R14),
//! and, when the office enables it, mark earlier days' no-shows (R12).
//! The delivery cron sends the messages.

/// This cron's name in the logs.
const CRON: &str = "remind";

wit_bindgen::generate!({ world: "spin-cron", path: "../../wit/cron.wit" });

struct Remind;

impl Guest for Remind {
    fn handle_cron_event(_metadata: Metadata) -> Result<(), Error> {
        ghiseu_spin::run_cron(CRON, |env| {
            let queued = ghiseu_core::messaging::reminder::queue_due(
                env.db,
                ghiseu_spin::reminder_time(),
                env.now,
            )?;
            if queued > 0 {
                eprintln!("reminders queued: {queued}");
            }
            if env.office.auto_no_show {
                let marked = ghiseu_core::counter::sweep_no_shows(
                    env.db,
                    &ghiseu_spin::contact_key(),
                    env.now,
                )?;
                if marked > 0 {
                    eprintln!("earlier days' no-shows marked: {marked}");
                }
            }
            Ok(())
        })
        .map_err(Error::Other)
    }
}

export!(Remind);
