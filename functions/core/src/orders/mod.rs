//! Digital orders (D01–D04, seeds 000 and 003): a citizen orders a document, pays at a
//! card provider's hosted checkout, follows its progress and downloads it; staff
//! process it. The state is stored and moved only by conditional updates; the
//! history is an append-only event log.

pub mod catalog;
pub mod deadlines;
pub mod document;
pub mod intake;
pub mod payment;
pub mod processing;
pub mod provider;
pub mod stripe;

use crate::identity::mask_name;
use crate::kernel::error::Error;
use crate::kernel::text::Lang;
use crate::kernel::time::{OFFICE_TZ, local_minute, start_of_day};
use crate::kernel::token::ReservationNumber;
use crate::messaging::messages::Email;
use crate::messaging::order_messages::About;
use crate::messaging::queue;
use crate::office::Office;
use crate::storage::{Database, Row, StorageError, Value, db_time};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Order numbers have the form of reservation numbers: 100 random bits, stored hashed.
pub type OrderNumber = ReservationNumber;

/// Where an order stands (D04: received, paid, processing, issued, delivered), with
/// the detours real orders take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Placed, waiting for the payment.
    Received,
    Paid,
    Processing,
    /// Staff asked the requester for something and wait for the answer.
    InfoRequested,
    /// The requester reported a problem with the issued document (seed 003 §4.2).
    Reopened,
    Issued,
    /// The delivery email went out.
    Delivered,
    Rejected,
    /// Not paid in time.
    Expired,
    /// Withdrawn by the requester before paying.
    Cancelled,
}

impl State {
    pub const ALL: [State; 10] = [
        State::Received,
        State::Paid,
        State::Processing,
        State::InfoRequested,
        State::Reopened,
        State::Issued,
        State::Delivered,
        State::Rejected,
        State::Expired,
        State::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            State::Received => "received",
            State::Paid => "paid",
            State::Processing => "processing",
            State::InfoRequested => "info_requested",
            State::Reopened => "reopened",
            State::Issued => "issued",
            State::Delivered => "delivered",
            State::Rejected => "rejected",
            State::Expired => "expired",
            State::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The state as the requester reads it.
    pub fn name(self, lang: Lang) -> String {
        lang.tr(match self {
            State::Received => "orders-state-received",
            State::Paid => "orders-state-paid",
            State::Processing => "orders-state-processing",
            State::InfoRequested => "orders-state-info-requested",
            State::Reopened => "orders-state-reopened",
            State::Issued => "orders-state-issued",
            State::Delivered => "orders-state-delivered",
            State::Rejected => "orders-state-rejected",
            State::Expired => "orders-state-expired",
            State::Cancelled => "orders-state-cancelled",
        })
    }

    /// Whether staff owe work on it, so its deadline runs (D04).
    pub fn open(self) -> bool {
        matches!(
            self,
            State::Paid | State::Processing | State::InfoRequested | State::Reopened
        )
    }
}

/// A stored order.
#[derive(Debug, Clone, Serialize)]
pub struct Order {
    pub id: i64,
    pub document: String,
    pub fee_bani: i64,
    pub currency: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    /// The document type's details (VIN, plate, holder), by name.
    pub details: BTreeMap<String, String>,
    pub lang: String,
    pub state: State,
    pub created_at: DateTime<Utc>,
    pub pay_by: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    /// The provider's reference of the payment that paid it.
    #[serde(skip)]
    pub payment_ref: Option<String>,
    /// `due` while a refund is owed, `done` once made.
    pub refund: Option<String>,
    pub assigned_to: Option<String>,
    pub download_until: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, document, fee_bani, currency, name, email, phone, details, lang, state, created_at, pay_by, paid_at, due_at, payment_ref, refund, assigned_to, download_until";

impl Order {
    fn from_row(r: &Row) -> Result<Self, StorageError> {
        let details =
            serde_json::from_str(&r.text("details")?).map_err(|_| StorageError::Column {
                column: "details".to_owned(),
                problem: "is not a JSON object of texts",
            })?;
        let state = read_state(r)?;
        Ok(Order {
            id: r.int("id")?,
            document: r.text("document")?,
            fee_bani: r.int("fee_bani")?,
            currency: r.text("currency")?,
            name: r.text("name")?,
            email: r.text("email")?,
            phone: r.opt_text("phone")?,
            details,
            lang: r.text("lang")?,
            state,
            created_at: r.time("created_at")?,
            pay_by: r.time("pay_by")?,
            paid_at: r.opt_time("paid_at")?,
            due_at: r.opt_time("due_at")?,
            payment_ref: r.opt_text("payment_ref")?,
            refund: r.opt_text("refund")?,
            assigned_to: r.opt_text("assigned_to")?,
            download_until: r.opt_time("download_until")?,
        })
    }

    fn load(db: &dyn Database, column: &str, value: Value) -> Result<Option<Order>, Error> {
        // `column` is one of this module's fixed names, never input.
        let sql = format!("SELECT {COLUMNS} FROM orders WHERE {column} = ?");
        Ok(db
            .execute(&sql, &[value])?
            .read_first(|r| Order::from_row(&r))?)
    }

    pub fn by_id(db: &dyn Database, id: i64) -> Result<Option<Order>, Error> {
        Order::load(db, "id", id.into())
    }

    pub fn by_number(db: &dyn Database, number: &OrderNumber) -> Result<Option<Order>, Error> {
        Order::load(db, "number_hash", number.hash().into())
    }

    /// The number as typed, read, and the order it names; a malformed number is as
    /// unknown as a wrong one.
    pub fn by_typed_number(db: &dyn Database, typed: &str) -> Result<(OrderNumber, Order), Error> {
        let number = OrderNumber::parse(typed).map_err(|_| Error::NotFound)?;
        let order = Order::by_number(db, &number)?.ok_or(Error::NotFound)?;
        Ok((number, order))
    }

    /// What the messages about it name, in its requester's language.
    pub fn about<'a>(&self, office: &'a Office) -> About<'a> {
        About {
            lang: Lang::from_code(Some(&self.lang)),
            document: office.orders.document(&self.document).ok(),
            ordered: self.created_at,
        }
    }
}

fn read_state(r: &Row) -> Result<State, StorageError> {
    State::parse(&r.text("state")?).ok_or_else(|| StorageError::Column {
        column: "state".to_owned(),
        problem: "is not an order state",
    })
}

/// A day or time as people read it in messages, office time.
pub fn office_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&OFFICE_TZ)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}

/// One line of an order's history.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub kind: String,
    pub at: DateTime<Utc>,
    pub staff: Option<String>,
    pub text: Option<String>,
}

/// The history lines the requester sees; the others (checkouts, refunds owed,
/// deadline flags) are the office's.
const PUBLIC_EVENTS: [&str; 13] = [
    "received",
    "paid",
    "processing",
    "progress",
    "info_requested",
    "info_received",
    "problem_reported",
    "issued",
    "delivered",
    "rejected",
    "refunded",
    "expired",
    "cancelled",
];
/// Of those, the ones whose text staff wrote for the requester.
const TEXT_FOR_REQUESTER: [&str; 3] = ["progress", "info_requested", "rejected"];

const EVENTS: &str =
    "SELECT id, kind, at, staff, text FROM order_events WHERE order_id = ? ORDER BY id";

pub fn events(db: &dyn Database, order_id: i64) -> Result<Vec<Event>, Error> {
    Ok(db.execute(EVENTS, &[order_id.into()])?.read(|r| {
        Ok(Event {
            id: r.int("id")?,
            kind: r.text("kind")?,
            at: r.time("at")?,
            staff: r.opt_text("staff")?,
            text: r.opt_text("text")?,
        })
    })?)
}

const EVENT: &str = "INSERT INTO order_events (order_id, kind, at, staff, text, dedupe)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe) DO NOTHING RETURNING id";

/// Appends one line to an order's history; None when its `dedupe` key was seen before.
pub(crate) fn log_event(
    db: &dyn Database,
    order_id: i64,
    kind: &str,
    staff: Option<&str>,
    text: Option<&str>,
    dedupe: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Error> {
    let inserted = db.execute(
        EVENT,
        &[
            order_id.into(),
            kind.into(),
            db_time(now).into(),
            staff.into(),
            text.into(),
            dedupe.into(),
        ],
    )?;
    Ok(inserted.read_first(|r| r.int("id"))?)
}

/// Queues an email about the order to `to`, once per `kind` and `key`.
pub(crate) fn queue_email(
    db: &dyn Database,
    order_id: i64,
    to: &str,
    kind: &str,
    key: &str,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let payload = email.payload();
    let message = order_email(order_id, to, kind, key, &payload, None);
    queue::rendered(db, &message, now)
}

/// Queues an email to the requester whose text carries `secret` (the order's number
/// or a link's token), kept out of its stored text until it is sent (issue 25).
pub(crate) fn queue_email_with_secret(
    db: &dyn Database,
    order: &Order,
    kind: &str,
    key: &str,
    email: &Email,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let payload = email.payload();
    let message = order_email(order.id, &order.email, kind, key, &payload, Some(secret));
    queue::rendered(db, &message, now)
}

fn order_email<'a>(
    order_id: i64,
    to: &'a str,
    kind: &'a str,
    key: &'a str,
    payload: &'a serde_json::Value,
    secret: Option<&'a str>,
) -> queue::Rendered<'a> {
    queue::Rendered {
        about: queue::About::Order(order_id),
        kind,
        channel: "email",
        recipient: to,
        occasion: Some(key),
        payload,
        secret,
    }
}

/// A history line as the requester sees it.
#[derive(Debug, Serialize)]
pub struct PublicEvent {
    pub at: String,
    pub kind: String,
    pub text: Option<String>,
}

/// What the status check shows (D03, D04): no personal data beyond a masked name.
#[derive(Debug, Serialize)]
pub struct OrderStatusView {
    pub document: String,
    /// The document's name in Romanian, English and Hungarian (JSON: an array of the
    /// three, in that order; Romanian where the catalog has no Hungarian).
    pub document_name: [String; 3],
    pub state: State,
    pub requester: String,
    pub fee_bani: i64,
    pub currency: String,
    pub ordered_at: String,
    /// While unpaid: until when it can be paid.
    pub pay_by: Option<String>,
    /// While staff work on it: the day it is due.
    pub due_by: Option<String>,
    pub history: Vec<PublicEvent>,
    /// Once issued: until when the document can be downloaded.
    pub download_until: Option<String>,
    pub download_available: bool,
    pub can_pay: bool,
    pub can_cancel: bool,
    pub can_report_problem: bool,
}

impl OrderStatusView {
    pub fn new(order: &Order, events: &[Event], office: &Office, now: DateTime<Utc>) -> Self {
        let local = |t: DateTime<Utc>| t.with_timezone(&OFFICE_TZ).to_rfc3339();
        let document_name = office
            .orders
            .document(&order.document)
            .map(|d| Lang::ALL.map(|l| d.name(l).to_owned()))
            .unwrap_or_else(|_| Lang::ALL.map(|_| order.document.clone()));
        let payable = order.state == State::Received && order.pay_by > now;
        let issued = matches!(order.state, State::Issued | State::Delivered);
        OrderStatusView {
            document: order.document.clone(),
            document_name,
            state: order.state,
            requester: mask_name(&order.name),
            fee_bani: order.fee_bani,
            currency: order.currency.clone(),
            ordered_at: local(order.created_at),
            pay_by: (order.state == State::Received).then(|| local(order.pay_by)),
            due_by: order.due_at.filter(|_| order.state.open()).map(local),
            history: events
                .iter()
                .filter(|e| PUBLIC_EVENTS.contains(&e.kind.as_str()))
                .map(|e| PublicEvent {
                    at: local(e.at),
                    kind: e.kind.clone(),
                    text: e
                        .text
                        .clone()
                        .filter(|_| TEXT_FOR_REQUESTER.contains(&e.kind.as_str())),
                })
                .collect(),
            download_until: order.download_until.filter(|_| issued).map(local),
            download_available: issued && order.download_until.is_some_and(|u| u > now),
            can_pay: payable,
            can_cancel: order.state == State::Received,
            can_report_problem: issued,
        }
    }
}

/// An order in the staff queue.
#[derive(Debug, Serialize)]
pub struct ListedOrder {
    pub id: i64,
    pub document: String,
    pub state: State,
    pub created_at: String,
    pub due_at: Option<String>,
    pub overdue: bool,
    pub assigned_to: Option<String>,
    pub refund: Option<String>,
}

const LIST_BY_STATE: &str = "SELECT id, document, state, created_at, due_at, assigned_to, refund
    FROM orders WHERE state = ? ORDER BY due_at IS NULL, due_at, id LIMIT 500";
const LIST_OPEN: &str = "SELECT id, document, state, created_at, due_at, assigned_to, refund
    FROM orders WHERE state IN ('paid', 'processing', 'info_requested', 'reopened')
       OR refund = 'due'
    ORDER BY due_at IS NULL, due_at, id LIMIT 500";

/// The staff queue: one state, or (`open`) every order that needs work, the nearest
/// deadline first.
pub fn list(
    db: &dyn Database,
    filter: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ListedOrder>, Error> {
    let rows = if filter == "open" {
        db.execute(LIST_OPEN, &[])?
    } else {
        let state = State::parse(filter).ok_or_else(|| Error::field("invalid_state", "state"))?;
        db.execute(LIST_BY_STATE, &[state.code().into()])?
    };
    Ok(rows.read(|r| {
        let state = read_state(&r)?;
        let due_at = r.opt_time("due_at")?;
        Ok(ListedOrder {
            id: r.int("id")?,
            document: r.text("document")?,
            state,
            created_at: local_minute(r.time("created_at")?),
            due_at: due_at.map(local_minute),
            overdue: state.open() && due_at.is_some_and(|d| d <= now),
            assigned_to: r.opt_text("assigned_to")?,
            refund: r.opt_text("refund")?,
        })
    })?)
}

const MOVE: &str = "UPDATE orders SET state = ?1 WHERE id = ?2 AND state = ?3 RETURNING id";
/// Moves the order from the state it was read in; false when it moved meanwhile.
fn move_state(db: &dyn Database, order: &Order, to: State) -> Result<bool, Error> {
    Ok(db
        .execute(
            MOVE,
            &[to.code().into(), order.id.into(), order.state.code().into()],
        )?
        .first()
        .is_some())
}

/// D04: the day a document is due, its type's business days after `now`, and the
/// moment that day ends.
fn due_after(office: &Office, document: &str, now: DateTime<Utc>) -> (NaiveDate, DateTime<Utc>) {
    let days = office
        .orders
        .document(document)
        .map_or(5, |d| d.deadline_business_days);
    let today = now.with_timezone(&OFFICE_TZ).date_naive();
    let day = office.business_days().add_business_days(today, days);
    (day, start_of_day(day + Days::new(1)))
}

#[cfg(test)]
mod tests;
