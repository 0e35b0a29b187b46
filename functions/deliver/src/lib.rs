//! Cron: every tick, send what the outbox has due (R04, R21).

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
            Ok(())
        })
        .map_err(Error::Other)
    }
}

export!(Deliver);
