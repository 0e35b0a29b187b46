//! What a request (or a cron run) works with: the database, the office, the clock and
//! the platform's seams, with the few settings read from them named once.

use crate::defence::challenge::ProofOfWork;
use crate::identity::contact_key::ContactKey;
use crate::kernel::error::Error;
use crate::messaging::links::Links;
use crate::office::Office;
use crate::office::setup::Setup;
use crate::office::setup::store::{self, Versioned};
use crate::seams::{Counters, HttpClient, Settings};
use crate::staff::session::Cookies;
use crate::storage::Database;
use chrono::{DateTime, Duration, Utc};
use std::cell::OnceCell;

/// What a handler needs from its component: storage, configuration and the time.
pub struct Context<'a> {
    pub db: &'a dyn Database,
    pub office: &'a Office,
    pub now: DateTime<Utc>,
    /// The key-value store the optional per-address limit counts in.
    pub counters: &'a dyn Counters,
    /// The component's other settings, read only by the routes that use them.
    pub settings: &'a dyn Settings,
    /// Outbound HTTP, to the payment provider.
    pub http: &'a dyn HttpClient,
    /// The office's setup, read from the database by the first route that asks.
    setup: OnceCell<Versioned>,
}

impl<'a> Context<'a> {
    pub fn new(
        db: &'a dyn Database,
        office: &'a Office,
        now: DateTime<Utc>,
        counters: &'a dyn Counters,
        settings: &'a dyn Settings,
        http: &'a dyn HttpClient,
    ) -> Self {
        Context {
            db,
            office,
            now,
            counters,
            settings,
            http,
            setup: OnceCell::new(),
        }
    }

    /// The setup in force (locations, services, timetables) and its version: one
    /// small read, on the routes that need it, once per request.
    pub fn versioned_setup(&self) -> Result<&Versioned, Error> {
        if let Some(found) = self.setup.get() {
            return Ok(found);
        }
        let loaded = store::load(self.db, &self.office.setup, self.now)?;
        Ok(self.setup.get_or_init(|| loaded))
    }

    pub fn setup(&self) -> Result<&Setup, Error> {
        Ok(&self.versioned_setup()?.setup)
    }

    /// The office's key for contact hashes (bans, access requests): `contact_key`.
    pub fn contact_key(&self) -> ContactKey {
        ContactKey::new(self.settings.get("contact_key").as_deref())
    }

    fn minutes(&self, name: &str, default: i64) -> Duration {
        Duration::minutes(
            self.settings
                .get(name)
                .and_then(|m| m.trim().parse().ok())
                .unwrap_or(default),
        )
    }

    /// How long a seat freed by cancellation stays unavailable (R14).
    pub fn cancel_hold_back(&self) -> Duration {
        self.minutes("cancel_holdback_minutes", 30)
    }

    /// How long before the slot check-in opens (R05).
    pub fn check_in_margin(&self) -> Duration {
        self.minutes("checkin_margin_minutes", 60)
    }

    /// Where links in messages point (`public_base_url`).
    pub fn links(&self) -> Links {
        Links::new(self.settings.get("public_base_url"))
    }

    /// How the staff cookies go out: by the scheme of `public_base_url`.
    pub fn staff_cookies(&self) -> Cookies {
        Cookies {
            secure: self.links().is_https(),
        }
    }

    /// Public writes (booking, complaint, order) at an address the internet reaches
    /// need the office's secrets: without `contact_key` bans are hashed with a public
    /// key, without `challenge_secret` the bot check is off. Such an office answers
    /// 503 naming the setting rather than run unsafe; a local run needs neither, and
    /// an office that means to go without the check says so (`proof_of_work.difficulty`
    /// 0 in `office`).
    pub fn check_public_writes(&self) -> Result<(), Error> {
        if self.links().is_local() {
            return Ok(());
        }
        let unset = |setting: &str| Error::Config {
            setting: setting.to_owned(),
            problem: "unset while public_base_url is not local: public writes refused".to_owned(),
        };
        if self.contact_key().is_development() {
            return Err(unset("contact_key"));
        }
        if self.office.proof_of_work.difficulty > 0 && self.proof_of_work().is_none() {
            return Err(unset("challenge_secret"));
        }
        Ok(())
    }

    /// The bot defence on submissions; None when the office turned it off.
    pub fn proof_of_work(&self) -> Option<ProofOfWork> {
        ProofOfWork::new(
            self.settings.get("challenge_secret"),
            self.office.proof_of_work,
        )
    }
}
