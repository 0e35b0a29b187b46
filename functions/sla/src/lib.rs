//! Cron: the deadlines. Complaints (C02–C04, T02): deadlines due within the office's
//! warning window or missed are flagged and staff told once per complaint and state;
//! a missed resolution sends the complainant the new timeline or a holding notice.
//! Digital orders (D02, D04): unpaid orders past their time expire, and orders not
//! issued by their deadline are flagged once per state.

use ghiseu_core::complaints;

use ghiseu_core::messaging::links::Links;
use ghiseu_core::orders::deadlines;

/// This cron's name in the logs.
const CRON: &str = "sla";

wit_bindgen::generate!({ world: "spin-cron", path: "../../wit/cron.wit" });

struct Sla;

impl Guest for Sla {
    fn handle_cron_event(_metadata: Metadata) -> Result<(), Error> {
        ghiseu_spin::run_cron(CRON, |env| {
            let warning = chrono::Duration::hours(i64::from(env.office.sla_warning_hours));
            let staff_email = ghiseu_spin::variable("complaints_staff_email");
            let links = Links {
                public_base_url: env.providers.public_base_url.clone(),
            };
            let report = complaints::sla_check(
                env.db,
                env.office,
                warning,
                staff_email.as_deref(),
                &links,
                env.now,
            )?;
            if report.flagged > 0 {
                eprintln!("complaint deadlines flagged: {}", report.flagged);
            }
            let expired = deadlines::expire_unpaid(env.db, env.office, env.now)?;
            let orders_email = ghiseu_spin::variable("orders_staff_email");
            let overdue = deadlines::sla_check(env.db, orders_email.as_deref(), &links, env.now)?;
            if expired + overdue > 0 {
                eprintln!("orders expired: {expired}, flagged overdue: {overdue}");
            }
            Ok(())
        })
        .map_err(Error::Other)
    }
}

export!(Sla);
