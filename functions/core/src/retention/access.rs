//! A citizen's access request (GDPR art. 15): everything the office holds about a
//! phone number or an email address, exported for a supervisor. The export is
//! audited under the contact's keyed hash, so the trail shows that it was answered
//! without holding whom for.

use crate::kernel::fields::optional;

use crate::identity::contact_key::ContactKey;
use crate::identity::{Email, Phone};
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::retention::RetentionSettings;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, Row, StorageError, Value, db_time, in_transaction};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value as Json, json};

/// The contacts a request asks about; at least one.
#[derive(Debug, Clone)]
pub struct AccessRequest {
    pub phone: Option<Phone>,
    pub email: Option<Email>,
}

impl AccessRequest {
    pub fn parse(fields: &Fields) -> Result<AccessRequest, Error> {
        for field in fields.keys() {
            if !["phone", "email", "csrf"].contains(&field.as_str()) {
                return Err(Error::field("unknown_field", field));
            }
        }
        let phone = optional(fields, "phone")
            .map(|p| Phone::parse(p).map_err(|e| e.in_field("phone")))
            .transpose()?;
        let email = optional(fields, "email")
            .map(|e| Email::parse(e).map_err(|e| e.in_field("email")))
            .transpose()?;
        if phone.is_none() && email.is_none() {
            return Err(Error::field("contact_required", "phone"));
        }
        Ok(AccessRequest { phone, email })
    }

    /// What the audit trail names the request by: a keyed hash, never the contact.
    fn subject(&self, key: &ContactKey) -> String {
        let hash = match (&self.phone, &self.email) {
            (Some(p), _) => key.phone(p),
            (None, Some(e)) => key.email(e),
            (None, None) => unreachable!("parse requires a contact"),
        };
        format!("contact:{}", &hash[..16])
    }

    /// The SQL parameters every lookup takes: ?1 the phone, ?2 the email (or a value
    /// no row holds, so a missing contact matches nothing).
    fn params(&self) -> [Value; 2] {
        [
            self.phone
                .as_ref()
                .map(|p| p.as_str())
                .unwrap_or("\u{0}")
                .into(),
            self.email
                .as_ref()
                .map(|e| e.as_str())
                .unwrap_or("\u{0}")
                .into(),
        ]
    }
}

const BOOKINGS: &str =
    "SELECT id, service, slot_start, slot_end, state, cancel_reason, name, phone,
        email, holder, vin, created_at, cancelled_at
    FROM bookings WHERE erased_at IS NULL AND (phone = ?1 OR lower(email) = lower(?2))
    ORDER BY id";
const COMPLAINTS: &str = "SELECT id, kind, received_at, description, solution_idea, serial_number,
        phone, email, channel
    FROM complaints WHERE erased_at IS NULL AND (phone = ?1 OR lower(email) = lower(?2))
    ORDER BY id";
const COMPLAINT_EVENTS: &str =
    "SELECT kind, at, text FROM complaint_events WHERE complaint_id = ?1 ORDER BY id";
const ORDERS: &str = "SELECT id, document, state, fee_bani, currency, name, email, phone, details,
        created_at, paid_at
    FROM orders WHERE erased_at IS NULL AND (phone = ?1 OR lower(email) = lower(?2))
    ORDER BY id";
const ORDER_EVENTS: &str =
    "SELECT kind, at, text FROM order_events WHERE order_id = ?1 ORDER BY id";
const MESSAGES: &str = "SELECT kind, channel, recipient, state, created_at, sent_at
    FROM outbox WHERE recipient = ?1 OR lower(recipient) = lower(?2) ORDER BY id";
/// Issue 22: the floor's queue holds a contact only for its day's turn-near message.
const QUEUE: &str = "SELECT day, location, service, code, state, arrived_at, called_at,
        finished_at, phone, email
    FROM queue_entries WHERE phone = ?1 OR lower(email) = lower(?2) ORDER BY id";
/// Bans are found by the contact's keyed hash; ?3 and ?4 are the phone's and email's.
const BANS: &str = "SELECT reason, starts_at, ends_at FROM bans
    WHERE contact IN (?3, ?4) AND contact != '' ORDER BY id";

/// Reads everything held about the request's contacts and audits that it was read,
/// in one transaction: an export that exists is an export the trail shows.
pub fn export(
    db: &dyn Database,
    request: &AccessRequest,
    key: &ContactKey,
    retention: &RetentionSettings,
    who: &Staff,
    now: DateTime<Utc>,
) -> Result<Json, Error> {
    in_transaction(db, || {
        let [phone, email] = request.params();
        let contacts = [phone.clone(), email.clone()];
        let bookings = rows(db, BOOKINGS, &contacts, |_| Ok(Map::new()))?;
        let complaints = rows(db, COMPLAINTS, &contacts, |r| {
            events(db, COMPLAINT_EVENTS, r.int("id")?)
        })?;
        let orders = rows(db, ORDERS, &contacts, |r| {
            events(db, ORDER_EVENTS, r.int("id")?)
        })?;
        let messages = rows(db, MESSAGES, &contacts, |_| Ok(Map::new()))?;
        let queue = rows(db, QUEUE, &contacts, |_| Ok(Map::new()))?;
        let ban_keys = [
            phone,
            email,
            request.phone.as_ref().map(|p| key.phone(p)).into(),
            request.email.as_ref().map(|e| key.email(e)).into(),
        ];
        let bans = rows(db, BANS, &ban_keys, |_| Ok(Map::new()))?;
        let found = [&bookings, &complaints, &orders, &messages, &bans, &queue].map(Vec::len);
        let entry = Entry::new("access_request", request.subject(key)).detail(format!(
            "bookings {}, complaints {}, orders {}, messages {}, bans {}, queue {}",
            found[0], found[1], found[2], found[3], found[4], found[5]
        ));
        audit(db, who, &entry, now)?;
        Ok(json!({
            "exported_at": db_time(now),
            "exported_by": who.0,
            "contacts": {"phone": request.phone, "email": request.email},
            "bookings": bookings,
            "complaints": complaints,
            "orders": orders,
            "messages": messages,
            "bans": bans,
            "queue": queue,
            "retention": retention,
        }))
    })
}

/// Every row of a query as a JSON object of its columns (row ids left out), with
/// whatever `more` adds to it.
fn rows(
    db: &dyn Database,
    sql: &str,
    params: &[Value],
    more: impl Fn(&Row) -> Result<Map<String, Json>, Error>,
) -> Result<Vec<Json>, Error> {
    let found = db.execute(sql, params)?;
    found
        .iter()
        .map(|row| {
            let mut object = Map::new();
            for column in found.columns.iter().filter(|c| *c != "id") {
                object.insert(column.clone(), cell(&row, column)?);
            }
            object.extend(more(&row)?);
            Ok(Json::Object(object))
        })
        .collect()
}

fn cell(row: &Row, column: &str) -> Result<Json, StorageError> {
    Ok(match row.opt_int(column) {
        Ok(Some(n)) => json!(n),
        _ => json!(row.opt_text(column)?),
    })
}

fn events(db: &dyn Database, sql: &str, id: i64) -> Result<Map<String, Json>, Error> {
    let history = rows(db, sql, &[id.into()], |_| Ok(Map::new()))?;
    Ok(Map::from_iter([(
        "events".to_owned(),
        Json::Array(history),
    )]))
}
