//! D04's crons: unpaid orders expire, an issued order whose delivery email went out
//! is `delivered`, and an order past its type's deadline is flagged once per state.

use super::{Order, State, log_event, move_state, office_time, queue_email};
use crate::kernel::error::Error;
use crate::messaging::links::Links;
use crate::messaging::order_messages;
use crate::office::Office;
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Utc};

const UNPAID_PAST: &str =
    "SELECT id FROM orders WHERE state = 'received' AND pay_by <= ? ORDER BY id LIMIT 200";
const FORGET_REPLIES: &str =
    "UPDATE orders SET reply_number = NULL, reply_until = NULL WHERE reply_until <= ?";

/// D02: unpaid orders past their time expire (the requester is told); retry replies
/// past their window are forgotten. Repeated or overlapping runs do nothing twice.
pub fn expire_unpaid(
    db: &dyn Database,
    office: &Office,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    db.execute(FORGET_REPLIES, &[db_time(now).into()])?;
    let ids = db
        .execute(UNPAID_PAST, &[db_time(now).into()])?
        .read(|r| r.int("id"))?;
    let mut expired = 0;
    for id in ids {
        expired += usize::from(in_transaction(db, || {
            let Some(order) = Order::by_id(db, id)? else {
                return Ok(false);
            };
            if order.state != State::Received || !move_state(db, &order, State::Expired)? {
                return Ok(false);
            }
            log_event(db, id, "expired", None, None, None, now)?;
            let email = order_messages::expired(&order.about(office));
            queue_email(db, id, &order.email, "order_expired", "1", &email, now)?;
            Ok(true)
        })?);
    }
    Ok(expired)
}

/// The delivery email's dedupe key is `queue::dedupe_key("order_delivery", "email",
/// order, Some(issued event))`.
const DELIVERED: &str = "SELECT o.id FROM orders o
    JOIN outbox m ON m.dedupe_key = 'order_delivery:email:' || o.id || ':' ||
        (SELECT MAX(e.id) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'issued')
    WHERE o.state = 'issued' AND m.state = 'sent'";
const MARK_DELIVERED: &str =
    "UPDATE orders SET state = 'delivered' WHERE id = ? AND state = 'issued' RETURNING id";

/// D04: an issued order whose delivery email went out is `delivered`.
pub fn mark_delivered(db: &dyn Database, now: DateTime<Utc>) -> Result<usize, Error> {
    let ids = db.execute(DELIVERED, &[])?.read(|r| r.int("id"))?;
    let mut delivered = 0;
    for id in ids {
        delivered += usize::from(in_transaction(db, || {
            if db.execute(MARK_DELIVERED, &[id.into()])?.first().is_none() {
                return Ok(false);
            }
            log_event(db, id, "delivered", None, None, None, now)?;
            Ok(true)
        })?);
    }
    Ok(delivered)
}

const OVERDUE: &str = "SELECT o.id, o.state, o.due_at,
        (SELECT MAX(e.id) FROM order_events e WHERE e.order_id = o.id
         AND e.kind IN ('paid', 'processing', 'info_requested', 'info_received', 'problem_reported')) AS since
    FROM orders o
    WHERE o.state IN ('paid', 'processing', 'info_requested', 'reopened') AND o.due_at <= ?";

/// D04: flags each order not issued by its deadline, once per state it is in (a new
/// state is a new chance to be late), and tells staff.
pub fn sla_check(
    db: &dyn Database,
    staff_email: Option<&str>,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let late = db.execute(OVERDUE, &[db_time(now).into()])?.read(|r| {
        Ok((
            r.int("id")?,
            r.text("state")?,
            r.time("due_at")?,
            r.opt_int("since")?.unwrap_or(0),
        ))
    })?;
    let mut flagged = 0;
    for (id, state, due_at, since) in late {
        let flag = format!("overdue:{id}:{state}:{since}");
        flagged += usize::from(in_transaction(db, || {
            let text = format!("{state}, due {}", office_time(due_at));
            if log_event(
                db,
                id,
                "overdue",
                Some("system"),
                Some(&text),
                Some(&flag),
                now,
            )?
            .is_none()
            {
                return Ok(false);
            }
            if let Some(to) = staff_email {
                let email = order_messages::overdue_staff(
                    id,
                    &state,
                    &office_time(due_at),
                    &links.to(&format!("staff/orders/{id}")),
                );
                queue_email(db, id, to, "order_overdue", &flag, &email, now)?;
            }
            Ok(true)
        })?);
    }
    Ok(flagged)
}
