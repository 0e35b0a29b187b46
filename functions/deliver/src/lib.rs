//! Cron: every tick, send what the outbox has due (R04, R21); a digital order whose
//! delivery email went out is then `delivered` (D04).

/// This cron's name in the logs.
const CRON: &str = "deliver";

wit_bindgen::generate!({ world: "spin-cron", path: "../../wit/cron.wit" });

struct Deliver;

impl Guest for Deliver {
    fn handle_cron_event(_metadata: Metadata) -> Result<(), Error> {
        ghiseu_spin::run_cron(CRON, |env| {
            let report = ghiseu_core::messaging::outbox::deliver(
                env.db,
                &ghiseu_spin::SpinTransport,
                &env.providers,
                env.office,
                env.now,
            )?;
            if report != Default::default() {
                eprintln!("delivery: {report:?}");
            }
            let delivered = ghiseu_core::orders::deadlines::mark_delivered(env.db, env.now)?;
            if delivered > 0 {
                eprintln!("orders delivered: {delivered}");
            }
            Ok(())
        })
        .map_err(Error::Other)
    }
}

export!(Deliver);
