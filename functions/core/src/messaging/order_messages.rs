//! D01–D04: the messages of a digital order, rendered when queued, in the requester's
//! language and, when that isn't Romanian, in Romanian below (see `messages`). Only
//! the confirmation carries the order number; only the delivery and a renewed link
//! carry a download link.

use crate::kernel::text::{Args, Lang};
use crate::messaging::messages::{
    Email, STAFF, args, day, email, in_languages, moment, subject, with_link,
};
use crate::orders::catalog::DocumentType;
use chrono::{DateTime, NaiveDate, Utc};

/// What every order message names: the document and when it was ordered, in the
/// requester's language.
pub struct About<'a> {
    pub lang: Lang,
    /// None when the office's catalog no longer has the document.
    pub document: Option<&'a DocumentType>,
    pub ordered: DateTime<Utc>,
}

impl About<'_> {
    /// The document and the time of ordering, in `lang`.
    fn args(&self, lang: Lang) -> Args<'static> {
        args([
            ("document", self.document.map_or("", |d| d.name(lang))),
            ("ordered", &moment(self.ordered, lang)),
        ])
    }

    /// The paragraphs of each language, parted by a dash.
    fn paragraphs(&self, part: impl Fn(Lang, Args<'static>) -> Vec<String>) -> Vec<String> {
        in_languages(self.lang, |l, _| part(l, self.args(l)))
    }

    fn subject(&self, id: &str, about: Option<&str>) -> String {
        subject(self.lang, |l| l.tr(id), about)
    }
}

/// D01 (seed 003 §1.3): the confirmation: summary, fee, terms, how to pay, the number.
pub fn confirmation(
    about: &About,
    number: &str,
    fee_bani: i64,
    pay_by: DateTime<Utc>,
    status_link: &str,
) -> Email {
    email(
        about.subject("message-order-confirmation-subject", Some(number)),
        &about.paragraphs(|l, mut a| {
            a.set("number", number.to_owned());
            a.set("fee", crate::orders::catalog::fee(fee_bani, l));
            a.set("pay_by", moment(pay_by, l));
            vec![
                l.tr_args("message-order-confirmation-received", &a),
                l.tr_args("message-order-confirmation-fee", &a),
                format!(
                    "{}\n{}",
                    with_link(l.tr("message-order-confirmation-page"), status_link),
                    l.tr("message-order-confirmation-keep")
                ),
            ]
        }),
        vec![],
    )
}

/// D02 (seed 003 §2.2): the payment is confirmed and processing will start.
pub fn paid(about: &About, fee_bani: i64, due: NaiveDate) -> Email {
    email(
        about.subject("message-order-paid-subject", None),
        &about.paragraphs(|l, mut a| {
            a.set("fee", crate::orders::catalog::fee(fee_bani, l));
            a.set("due", day(due, l));
            vec![l.tr_args("message-order-paid-text", &a)]
        }),
        vec![],
    )
}

/// D04 (seed 003 §3.2): a progress update staff wrote.
pub fn progress(about: &About, text: &str) -> Email {
    email(
        about.subject("message-order-progress-subject", None),
        &about.paragraphs(|l, a| {
            vec![
                l.tr_args("message-order-progress-intro", &a),
                text.to_owned(),
            ]
        }),
        vec![],
    )
}

/// Staff need something more from the requester; the link is where they answer.
pub fn info_request(about: &About, question: &str, link: &str) -> Email {
    email(
        about.subject("message-order-info-subject", None),
        &about.paragraphs(|l, a| {
            vec![
                l.tr_args("message-order-info-intro", &a),
                question.to_owned(),
                with_link(l.tr("message-order-info-answer"), link),
            ]
        }),
        vec![],
    )
}

/// The order was rejected; the fee is refunded to the card.
pub fn rejected(about: &About, reason: &str) -> Email {
    email(
        about.subject("message-order-rejected-subject", None),
        &about.paragraphs(|l, a| {
            vec![
                l.tr_args("message-order-rejected-intro", &a),
                reason.to_owned(),
                l.tr("message-order-rejected-refund"),
            ]
        }),
        vec![],
    )
}

/// D03: the issued document's download link and until when it works.
pub fn delivery(about: &About, link: &str, until: DateTime<Utc>) -> Email {
    email(
        about.subject("message-order-delivery-subject", None),
        &about.paragraphs(|l, mut a| {
            a.set("until", moment(until, l));
            vec![
                l.tr_args("message-order-delivery-issued", &a),
                format!(
                    "{}\n{}",
                    with_link(l.tr_args("message-order-delivery-download", &a), link),
                    l.tr("message-order-delivery-spam")
                ),
            ]
        }),
        vec![],
    )
}

/// An unpaid order expired.
pub fn expired(about: &About) -> Email {
    email(
        about.subject("message-order-expired-subject", None),
        &about.paragraphs(|l, a| vec![l.tr_args("message-order-expired-text", &a)]),
        vec![],
    )
}

/// D04: staff hear of an order past its deadline (Romanian, English below).
pub fn overdue_staff(id: i64, state: &str, due: &str, link: &str) -> Email {
    let number = format!("#{id}");
    let id = id.to_string();
    let a = args([("id", id.as_str()), ("state", state), ("due", due)]);
    let titles: Vec<String> = STAFF
        .iter()
        .map(|l| l.tr("message-order-overdue-subject"))
        .collect();
    let mut paragraphs = Vec::new();
    for (at, l) in STAFF.iter().enumerate() {
        if at > 0 {
            paragraphs.push("—".to_owned());
        }
        paragraphs.push(with_link(l.tr_args("message-order-overdue-text", &a), link));
    }
    email(
        format!("{} {number}", titles.join(" / ")),
        &paragraphs,
        vec![],
    )
}
