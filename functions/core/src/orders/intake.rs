//! D01: placing an order. The same parsers and the same CNP refusal as bookings; the
//! order, its first history line and its confirmation go in one transaction, and an
//! `Idempotency-Key` makes a retried submission answer the order it already made.

use super::catalog::{CURRENCY, Detail, DocumentType};
use super::{Order, OrderNumber, log_event, queue_email_with_secret};
use crate::identity::cnp::refuse_cnp;
use crate::identity::{Email, PersonName, Phone, Plate, Vin};
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::fields::optional as value;
use crate::kernel::fields::required;
use crate::kernel::idempotency;
use crate::kernel::text::Lang;
use crate::messaging::links::Links;
use crate::messaging::order_messages;
use crate::office::Office;
use crate::storage::{Database, db_time, in_transaction};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// What the requester fills in, each field its own input on the order form; besides
/// these, a submission names its `document` and `lang`.
pub const INPUTS: &[&str] = &[
    "name", "email", "phone", "vin", "plate", "holder", "consent",
];
const MAX_FIELD_CHARS: usize = 200;
/// A retry within this window gets the order number again.
const RETRY_WINDOW: Duration = Duration::minutes(10);
/// Unpaid orders one email address may have at once: the confirmation goes to any
/// address typed, so this caps what a stranger can send to someone else's inbox.
const MAX_UNPAID_PER_EMAIL: i64 = 5;

/// An order whose every field has been checked.
#[derive(Debug)]
pub struct NewOrder<'o> {
    pub document: &'o DocumentType,
    pub name: PersonName,
    pub email: Email,
    pub phone: Option<Phone>,
    pub details: BTreeMap<String, String>,
    pub lang: Lang,
}

impl<'o> NewOrder<'o> {
    /// R08–R10, R17 as for bookings; a CNP anywhere is refused (R09); the document's
    /// details are required and no other.
    pub fn parse(fields: &Fields, office: &'o Office) -> Result<Self, Error> {
        for (field, text) in fields {
            refuse_cnp(field, text)?;
            if !INPUTS.contains(&field.as_str()) && !matches!(field.as_str(), "document" | "lang") {
                return Err(Error::field("unknown_field", field));
            }
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(Error::field("too_long", field));
            }
        }
        let document = office.orders.document(required(fields, "document")?)?;
        let name = PersonName::parse(required(fields, "name")?).map_err(|e| e.in_field("name"))?;
        let email = Email::parse(required(fields, "email")?).map_err(|e| e.in_field("email"))?;
        let phone = value(fields, "phone")
            .map(|p| Phone::parse(p).map_err(|e| e.in_field("phone")))
            .transpose()?;
        let mut details = BTreeMap::new();
        for detail in [Detail::Vin, Detail::Plate, Detail::Holder] {
            let field = detail.code();
            let wanted = document.details.contains(&detail);
            let parsed = match (value(fields, field), wanted) {
                (None, false) => continue,
                (Some(_), false) => {
                    return Err(Error::field("field_not_for_document", field));
                }
                (None, true) => return Err(required(fields, field).unwrap_err()),
                (Some(v), true) => match detail {
                    Detail::Vin => Vin::parse(v).map(|v| v.as_str().to_owned()),
                    Detail::Plate => Plate::parse(v).map(|p| p.as_str().to_owned()),
                    Detail::Holder => PersonName::parse(v).map(|h| h.as_str().to_owned()),
                }
                .map_err(|e| e.in_field(field))?,
            };
            details.insert(field.to_owned(), parsed);
        }
        let consent =
            value(fields, "consent").is_some_and(|c| matches!(c, "true" | "on" | "yes" | "1"));
        if !consent {
            return Err(Error::field("consent_required", "consent"));
        }
        Ok(NewOrder {
            document,
            name,
            email,
            phone,
            details,
            lang: Lang::from_code(value(fields, "lang")),
        })
    }

    /// What a retry must repeat for its key to answer this order again.
    fn request_hash(&self) -> String {
        idempotency::content_hash(&serde_json::json!([
            self.document.code,
            self.name.as_str(),
            self.email.as_str(),
            self.phone.as_ref().map(Phone::as_str),
            self.details,
            self.lang.code(),
        ]))
    }
}

/// What placing produced.
#[derive(Debug)]
pub struct Placed {
    pub order: Order,
    /// None only for a retry after its reply was forgotten.
    pub number: Option<OrderNumber>,
    pub replayed: bool,
}

const UNPAID_FOR_EMAIL: &str =
    "SELECT COUNT(*) AS unpaid FROM orders WHERE email = ? AND state = 'received'";
const INSERT: &str = "INSERT INTO orders
    (number_hash, document, fee_bani, currency, name, email, phone, details, lang, state,
     created_at, pay_by, idempotency_key_hash, reply_number, reply_until, request_hash,
     challenge)
    VALUES (:number_hash, :document, :fee_bani, :currency, :name, :email, :phone, :details, :lang,
            'received', :now, :pay_by, :idempotency_key_hash, :reply_number, :reply_until,
            :request_hash, :challenge)
    ON CONFLICT DO NOTHING RETURNING id";
const BY_KEY: &str = "SELECT id, reply_number, reply_until, request_hash FROM orders
    WHERE idempotency_key_hash = ?";

/// D01: stores the order, its `received` line and the confirmation (summary, fee,
/// terms, how to pay, the number) in one transaction.
pub fn place(
    db: &dyn Database,
    office: &Office,
    new: &NewOrder,
    idempotency_key: Option<&str>,
    challenge: Option<&str>,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Placed, Error> {
    let key_hash = idempotency::key_hash(idempotency_key)?;
    let request_hash = new.request_hash();
    if let Some(replay) = replayed(db, key_hash.as_deref(), &request_hash, now)? {
        return Ok(replay);
    }
    let number = OrderNumber::generate();
    let pay_by = now + Duration::hours(i64::from(office.orders.pay_within_hours));
    let inserted = in_transaction(db, || {
        let unpaid = db
            .execute(UNPAID_FOR_EMAIL, &[new.email.as_str().into()])?
            .read_first(|r| r.int("unpaid"))?
            .unwrap_or(0);
        if unpaid >= MAX_UNPAID_PER_EMAIL {
            return Err(Error::conflict("too_many_unpaid_orders", "email"));
        }
        let row = db.execute_named(
            INSERT,
            &[
                ("number_hash", number.hash().into()),
                ("document", new.document.code.as_str().into()),
                ("fee_bani", i64::from(new.document.fee_bani).into()),
                ("currency", CURRENCY.into()),
                ("name", new.name.as_str().into()),
                ("email", new.email.as_str().into()),
                ("phone", new.phone.as_ref().map(Phone::as_str).into()),
                (
                    "details",
                    serde_json::to_string(&new.details).expect("texts").into(),
                ),
                ("lang", new.lang.code().into()),
                ("now", db_time(now).into()),
                ("pay_by", db_time(pay_by).into()),
                ("idempotency_key_hash", key_hash.clone().into()),
                ("reply_number", number.to_string().into()),
                ("reply_until", db_time(now + RETRY_WINDOW).into()),
                ("request_hash", request_hash.as_str().into()),
                ("challenge", challenge.into()),
            ],
        )?;
        let Some(id) = row.read_first(|r| r.int("id"))? else {
            return Ok(None);
        };
        log_event(db, id, "received", None, None, None, now)?;
        let order = Order::by_id(db, id)?.ok_or(Error::NotFound)?;
        let shown = number.to_string();
        let email = order_messages::confirmation(
            &order.about(office),
            &shown,
            order.fee_bani,
            pay_by,
            &links.to(&format!("orders/{shown}")),
        );
        queue_email_with_secret(db, &order, "order_confirmation", "1", &email, &shown, now)?;
        Ok(Some(order))
    })?;
    match inserted {
        Some(order) => Ok(Placed {
            order,
            number: Some(number),
            replayed: false,
        }),
        // Another request with the same key won the race, or the challenge was used.
        None => replayed(db, key_hash.as_deref(), &request_hash, now)?
            .ok_or_else(crate::defence::challenge::used),
    }
}

/// The order an earlier submission with the same key and content made, if any; the
/// same key with other content is refused and told nothing of that order.
fn replayed(
    db: &dyn Database,
    key_hash: Option<&str>,
    request_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<Placed>, Error> {
    let Some(key_hash) = key_hash else {
        return Ok(None);
    };
    let Some((id, reply, until, first)) =
        db.execute(BY_KEY, &[key_hash.into()])?.read_first(|r| {
            Ok((
                r.int("id")?,
                r.opt_text("reply_number")?,
                r.opt_time("reply_until")?,
                r.opt_text("request_hash")?,
            ))
        })?
    else {
        return Ok(None);
    };
    if first.as_deref() != Some(request_hash) {
        return Err(idempotency::key_reused());
    }
    let order = Order::by_id(db, id)?.ok_or(Error::NotFound)?;
    let number = until
        .filter(|u| *u > now)
        .and(reply)
        .and_then(|n| OrderNumber::parse(&n).ok());
    Ok(Some(Placed {
        order,
        number,
        replayed: true,
    }))
}
