//! A stored booking, read back, and what its number shows anyone who holds it (R03).

use crate::identity::mask_name;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::OFFICE_TZ;
use crate::kernel::token::ReservationNumber;
use crate::storage::{Database, Row, StorageError, Value};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A stored booking as read back from the database.
#[derive(Debug, Clone, Serialize)]
pub struct Booking {
    #[serde(skip)]
    pub id: i64,
    pub location: String,
    pub service: String,
    pub slot_start: DateTime<Utc>,
    pub slot_end: DateTime<Utc>,
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
    pub holder: Option<String>,
    pub vin: Option<String>,
    pub state: String,
    pub cancel_reason: Option<String>,
    /// R06/R07/R16: the VIN or service-and-holder key bookings collide under.
    #[serde(skip)]
    pub identity_key: String,
    #[serde(skip)]
    pub(super) reply_number: Option<String>,
    #[serde(skip)]
    pub(super) reply_until: Option<DateTime<Utc>>,
    /// The language the booker wrote in: their messages are in it.
    #[serde(skip)]
    pub lang: Lang,
}

const BOOKING_COLUMNS: &str = "id, location, service, slot_start, slot_end, name, phone, email, holder, vin, state, cancel_reason, identity_key, reply_number, reply_until, lang";

impl Booking {
    pub(super) fn from_row(r: &Row) -> Result<Self, StorageError> {
        Ok(Booking {
            id: r.int("id")?,
            location: r.text("location")?,
            service: r.text("service")?,
            slot_start: r.time("slot_start")?,
            slot_end: r.time("slot_end")?,
            name: r.text("name")?,
            phone: r.text("phone")?,
            email: r.opt_text("email")?,
            holder: r.opt_text("holder")?,
            vin: r.opt_text("vin")?,
            state: r.text("state")?,
            cancel_reason: r.opt_text("cancel_reason")?,
            identity_key: r.text("identity_key")?,
            reply_number: r.opt_text("reply_number")?,
            reply_until: r.opt_time("reply_until")?,
            lang: Lang::from_code(Some(&r.text("lang")?)),
        })
    }

    fn load_one(
        db: &dyn Database,
        sql_where: &str,
        params: &[Value],
    ) -> Result<Option<Booking>, Error> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE {sql_where}");
        Ok(db
            .execute(&sql, params)?
            .read_first(|r| Booking::from_row(&r))?)
    }

    pub fn by_id(db: &dyn Database, id: i64) -> Result<Option<Booking>, Error> {
        Booking::load_one(db, "id = ?", &[id.into()])
    }

    /// The active bookings at `location` whose slot starts after `now`, soonest first.
    pub fn active_ahead_at(
        db: &dyn Database,
        location: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Booking>, Error> {
        let sql = format!(
            "SELECT {BOOKING_COLUMNS} FROM bookings
             WHERE location = ?1 AND state = 'active' AND slot_start > ?2 ORDER BY slot_start, id"
        );
        Ok(db
            .execute(&sql, &[location.into(), crate::storage::db_time(now).into()])?
            .read(|r| Booking::from_row(&r))?)
    }

    /// R03: the booking a reservation number refers to.
    pub fn by_number(
        db: &dyn Database,
        number: &ReservationNumber,
    ) -> Result<Option<Booking>, Error> {
        Booking::load_one(db, "number_hash = ?", &[number.hash().into()])
    }
}

/// R03: what anyone holding the number may see. No personal data but a masked name.
#[derive(Debug, Serialize)]
pub struct BookingStatusView {
    pub location: String,
    pub service: String,
    pub date: String,
    pub time: String,
    pub slot_start: String,
    pub state: String,
    pub cancel_reason: Option<String>,
    pub name: String,
}

impl Booking {
    pub fn status_view(&self) -> BookingStatusView {
        let local = self.slot_start.with_timezone(&OFFICE_TZ);
        BookingStatusView {
            location: self.location.clone(),
            service: self.service.clone(),
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            slot_start: local.to_rfc3339(),
            state: self.state.clone(),
            cancel_reason: self.cancel_reason.clone(),
            name: mask_name(&self.name),
        }
    }
}
