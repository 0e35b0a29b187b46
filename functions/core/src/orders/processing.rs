//! D03/D04 (seed 003 §3–4): staff take an order, post progress updates the requester
//! receives, ask for missing information, reject (with a refund) or issue it; the
//! requester answers, reports a problem, cancels (the crons' part is `deadlines`). Every move is a conditional update on the
//! state it starts from, so a step out of order, or a race, is a 409 that changes nothing.

use super::document::Pdf;
use super::payment;
use super::{Order, State, log_event, move_state, queue_email, queue_email_with_secret};
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::fields::required;
use crate::kernel::token::LinkToken;
use crate::messaging::links::Links;
use crate::messaging::order_messages;
use crate::office::Office;
use crate::staff::{Entry, Staff, audit};
use crate::storage::{Database, db_time, in_transaction, reissue_link};
use chrono::{DateTime, Duration, Utc};

const MAX_TEXT: usize = 4000;

/// A staff step on an order.
#[derive(Debug)]
pub enum Step {
    /// Start working on it.
    Take,
    /// A progress update sent to the requester (seed 003 §3.2).
    Progress { text: String },
    /// Ask the requester for missing information.
    Ask { question: String },
    /// Refuse it, with the reason; the fee is refunded.
    Reject { reason: String },
}

fn text_field(fields: &Fields, name: &str) -> Result<String, Error> {
    let text = required(fields, name)?;
    if text.chars().count() > MAX_TEXT {
        return Err(Error::field("too_long", name));
    }
    crate::identity::cnp::refuse_cnp(name, text)?;
    Ok(text.to_owned())
}

impl Step {
    pub fn parse(name: &str, fields: &Fields) -> Result<Step, Error> {
        Ok(match name {
            "take" => Step::Take,
            "progress" => Step::Progress {
                text: text_field(fields, "text")?,
            },
            "ask" => Step::Ask {
                question: text_field(fields, "question")?,
            },
            "reject" => Step::Reject {
                reason: text_field(fields, "reason")?,
            },
            _ => return Err(Error::NotFound),
        })
    }

    /// The audit trail's name for the step.
    fn action(&self) -> &'static str {
        match self {
            Step::Take => "order_take",
            Step::Progress { .. } => "order_progress",
            Step::Ask { .. } => "order_ask",
            Step::Reject { .. } => "order_reject",
        }
    }

    /// The states the step may start from, and the state it leaves (None: unchanged).
    fn moves(&self) -> (&'static [State], Option<State>) {
        match self {
            Step::Take => (&[State::Paid, State::Reopened], Some(State::Processing)),
            Step::Progress { .. } => (
                &[State::Processing, State::InfoRequested, State::Reopened],
                None,
            ),
            Step::Ask { .. } => (
                &[State::Processing, State::Reopened],
                Some(State::InfoRequested),
            ),
            Step::Reject { .. } => (
                &[
                    State::Paid,
                    State::Processing,
                    State::InfoRequested,
                    State::Reopened,
                ],
                Some(State::Rejected),
            ),
        }
    }
}

fn not_now() -> Error {
    Error::conflict("order_step_not_allowed", "state")
}

const ASSIGN: &str = "UPDATE orders SET assigned_to = ? WHERE id = ?";
const SET_INFO_TOKEN: &str = "UPDATE orders SET info_token_hash = ? WHERE id = ?";

/// One staff step, audited; the order as it stands after.
pub fn take_step(
    db: &dyn Database,
    office: &Office,
    id: i64,
    step: &Step,
    who: &Staff,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Order, Error> {
    in_transaction(db, || {
        let order = Order::by_id(db, id)?.ok_or(Error::NotFound)?;
        let (from, to) = step.moves();
        if !from.contains(&order.state) {
            return Err(not_now());
        }
        if let Some(to) = to
            && !move_state(db, &order, to)?
        {
            return Err(not_now());
        }
        let about = order.about(office);
        let event = |kind, text: Option<&str>| {
            log_event(db, id, kind, Some(&who.0), text, None, now).map(Option::unwrap_or_default)
        };
        match step {
            Step::Take => {
                event("processing", None)?;
                db.execute(ASSIGN, &[who.0.as_str().into(), id.into()])?;
            }
            Step::Progress { text } => {
                let key = event("progress", Some(text))?;
                let email = order_messages::progress(&about, text);
                queue_email(
                    db,
                    id,
                    &order.email,
                    "order_progress",
                    &key.to_string(),
                    &email,
                    now,
                )?;
            }
            Step::Ask { question } => {
                let token = LinkToken::generate();
                db.execute(SET_INFO_TOKEN, &[token.hash().into(), id.into()])?;
                let key = event("info_requested", Some(question))?;
                let link = links.to(&format!("orders/info/{}", token.as_str()));
                let email = order_messages::info_request(&about, question, &link);
                queue_email_with_secret(
                    db,
                    &order,
                    "order_info",
                    &key.to_string(),
                    &email,
                    token.as_str(),
                    now,
                )?;
            }
            Step::Reject { reason } => {
                let key = event("rejected", Some(reason))?;
                if let Some(payment_ref) = &order.payment_ref {
                    payment::owe_refund(db, id, payment_ref, now)?;
                }
                let email = order_messages::rejected(&about, reason);
                queue_email(
                    db,
                    id,
                    &order.email,
                    "order_rejected",
                    &key.to_string(),
                    &email,
                    now,
                )?;
            }
        }
        let after = to.unwrap_or(order.state);
        let entry = Entry::new(step.action(), format!("order:{id}"))
            .change(order.state.code(), after.code());
        audit(db, who, &entry, now)?;
        Order::by_id(db, id)?.ok_or(Error::NotFound)
    })
}

const STORE_DOCUMENT: &str = "INSERT INTO order_documents
    (order_id, filename, content, sha256, bytes, uploaded_at, staff) VALUES (:order, :filename, :content, :sha256, :bytes, :uploaded_at, :staff)
    ON CONFLICT (order_id) DO UPDATE SET filename = excluded.filename, content = excluded.content,
        sha256 = excluded.sha256, bytes = excluded.bytes, uploaded_at = excluded.uploaded_at,
        staff = excluded.staff";
const SET_DOWNLOAD: &str =
    "UPDATE orders SET download_token_hash = ?, download_until = ? WHERE id = ?";

/// D03: stores the issued document with its SHA-256, and queues the delivery email
/// with a fresh download link; the order is `issued` until that email is sent.
pub fn issue(
    db: &dyn Database,
    office: &Office,
    id: i64,
    pdf: &Pdf,
    who: &Staff,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Order, Error> {
    let sha256 = pdf.sha256();
    in_transaction(db, || {
        let order = Order::by_id(db, id)?.ok_or(Error::NotFound)?;
        if !matches!(order.state, State::Processing | State::Reopened)
            || !move_state(db, &order, State::Issued)?
        {
            return Err(not_now());
        }
        db.execute_named(
            STORE_DOCUMENT,
            &[
                ("order", id.into()),
                ("filename", pdf.filename.as_str().into()),
                ("content", crate::storage::Value::Blob(pdf.content.clone())),
                ("sha256", sha256.as_str().into()),
                (
                    "bytes",
                    i64::try_from(pdf.content.len()).unwrap_or(i64::MAX).into(),
                ),
                ("uploaded_at", db_time(now).into()),
                ("staff", who.0.as_str().into()),
            ],
        )?;
        let key = log_event(db, id, "issued", Some(&who.0), Some(&sha256), None, now)?
            .unwrap_or_default();
        send_download_link(db, office, &order, "order_delivery", key, links, now)?;
        let entry = Entry::new("order_issue", format!("order:{id}"))
            .change(order.state.code(), State::Issued.code())
            .detail(format!("sha256:{sha256}"));
        audit(db, who, &entry, now)?;
        Order::by_id(db, id)?.ok_or(Error::NotFound)
    })
}

/// A fresh download token, valid for the office's download days, emailed.
fn send_download_link(
    db: &dyn Database,
    office: &Office,
    order: &Order,
    kind: &str,
    key: i64,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let token = LinkToken::generate();
    let until = now + Duration::days(i64::from(office.orders.download_days));
    db.execute(
        SET_DOWNLOAD,
        &[token.hash().into(), db_time(until).into(), order.id.into()],
    )?;
    let email = order_messages::delivery(
        &order.about(office),
        &links.to(&format!("orders/download/{}", token.as_str())),
        until,
    );
    queue_email_with_secret(
        db,
        order,
        kind,
        &key.to_string(),
        &email,
        token.as_str(),
        now,
    )
}

/// A fresh info-request link for the question asked at event `asked`, while it is the
/// order's latest question and still unanswered; None otherwise.
const REISSUE_INFO: &str = "UPDATE orders SET info_token_hash = ?3
    WHERE id = ?1 AND state = 'info_requested' AND info_token_hash IS NOT NULL
      AND ?2 = (SELECT MAX(id) FROM order_events WHERE order_id = ?1 AND kind = 'info_requested')
    RETURNING id";
/// A fresh download link for the one sent at event `sent` (issued or renewed), while it
/// is the order's latest link and the order is still issued or delivered; None
/// otherwise. It keeps `download_until`, the day the email names.
const REISSUE_DOWNLOAD: &str = "UPDATE orders SET download_token_hash = ?3
    WHERE id = ?1 AND state IN ('issued', 'delivered') AND download_token_hash IS NOT NULL
      AND ?2 = (SELECT MAX(id) FROM order_events
                WHERE order_id = ?1 AND kind IN ('issued', 'link_renewed'))
    RETURNING id";

/// Issue 25: a new info-request link for a question whose email failed for good (its
/// link never arrived, and only its hash is kept): the old one stops working. None
/// once answered, or when a later question was asked.
pub fn reissue_info_link(
    db: &dyn Database,
    order_id: i64,
    asked: i64,
) -> Result<Option<LinkToken>, Error> {
    reissue_link(db, REISSUE_INFO, &[order_id.into(), asked.into()])
}

/// Issue 25: a new download link for a delivery or renewed-link email that failed for
/// good; it works until the same day the email names. None once a newer link was sent
/// or the order was reopened.
pub fn reissue_download_link(
    db: &dyn Database,
    order_id: i64,
    sent: i64,
) -> Result<Option<LinkToken>, Error> {
    reissue_link(db, REISSUE_DOWNLOAD, &[order_id.into(), sent.into()])
}

/// D03: a new download link for an issued order whose link expired or got lost.
pub fn renew_link(
    db: &dyn Database,
    office: &Office,
    order: &Order,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if !matches!(order.state, State::Issued | State::Delivered) {
        return Err(not_now());
    }
    in_transaction(db, || {
        let key =
            log_event(db, order.id, "link_renewed", None, None, None, now)?.unwrap_or_default();
        send_download_link(db, office, order, "order_link", key, links, now)
    })
}

const BY_INFO_TOKEN: &str =
    "SELECT id FROM orders WHERE info_token_hash = ? AND state = 'info_requested'";
const LAST_QUESTION: &str = "SELECT text FROM order_events WHERE order_id = ? AND kind = 'info_requested' ORDER BY id DESC LIMIT 1";
const ANSWERED: &str = "UPDATE orders SET state = 'processing', info_token_hash = NULL
    WHERE id = ? AND state = 'info_requested' AND info_token_hash = ? RETURNING id";

/// The order waiting for an answer behind an information link, and the question.
pub fn open_question(db: &dyn Database, token: &str) -> Result<Option<(Order, String)>, Error> {
    let Some(token) = LinkToken::parse(token) else {
        return Ok(None);
    };
    let Some(id) = db
        .execute(BY_INFO_TOKEN, &[token.hash().into()])?
        .read_first(|r| r.int("id"))?
    else {
        return Ok(None);
    };
    let order = Order::by_id(db, id)?.ok_or(Error::NotFound)?;
    let question = db
        .execute(LAST_QUESTION, &[id.into()])?
        .read_first(|r| r.text("text"))?
        .unwrap_or_default();
    Ok(Some((order, question)))
}

/// The requester's answer through the link: the order goes back to staff, the link
/// is spent. False when the link is unknown or already used.
pub fn answer(
    db: &dyn Database,
    token: &str,
    fields: &Fields,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let answer = text_field(fields, "answer")?;
    let Some(token) = LinkToken::parse(token) else {
        return Ok(false);
    };
    in_transaction(db, || {
        let Some(id) = db
            .execute(BY_INFO_TOKEN, &[token.hash().into()])?
            .read_first(|r| r.int("id"))?
        else {
            return Ok(false);
        };
        if db
            .execute(ANSWERED, &[id.into(), token.hash().into()])?
            .first()
            .is_none()
        {
            return Ok(false);
        }
        log_event(db, id, "info_received", None, Some(&answer), None, now)?;
        Ok(true)
    })
}

const REOPEN_DUE: &str = "UPDATE orders SET due_at = ? WHERE id = ?";

/// Seed 003 §4.2: the requester reports a problem with the issued document; it goes
/// back to staff with a fresh deadline.
pub fn report_problem(
    db: &dyn Database,
    office: &Office,
    order: &Order,
    fields: &Fields,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let text = text_field(fields, "text")?;
    in_transaction(db, || {
        if !matches!(order.state, State::Issued | State::Delivered)
            || !move_state(db, order, State::Reopened)?
        {
            return Err(not_now());
        }
        db.execute(
            REOPEN_DUE,
            &[
                db_time(super::due_after(office, &order.document, now).1).into(),
                order.id.into(),
            ],
        )?;
        log_event(
            db,
            order.id,
            "problem_reported",
            None,
            Some(&text),
            None,
            now,
        )?;
        Ok(())
    })
}

/// The requester withdraws an order not yet paid.
pub fn cancel(db: &dyn Database, order: &Order, now: DateTime<Utc>) -> Result<(), Error> {
    in_transaction(db, || {
        if order.state != State::Received || !move_state(db, order, State::Cancelled)? {
            return Err(not_now());
        }
        log_event(db, order.id, "cancelled", None, None, None, now)?;
        Ok(())
    })
}
