//! The digital orders desk (D02–D04): the queue by state and deadline, an order's
//! detail and history, and its steps: take, progress update, ask, reject (refund),
//! issue (PDF upload), refund.

use super::shell::{Frame, form, id_of, local_time};
use crate::context::Context;
use crate::kernel::error::Error;
use crate::kernel::text::{Args, Lang};
use crate::orders::{self, Order, State};
use crate::staff::actions;
use crate::staff::session::Session;
use crate::web::html::render;
use crate::web::toolkit::Request;
use crate::web::toolkit::Response;
use crate::web::toolkit::html_response;
use crate::web::toolkit::query_pairs;
use crate::web::toolkit::see_other;
use crate::web::upload;
use askama::Template;
use http::StatusCode;

const FILTERS: [&str; 9] = [
    "open",
    "received",
    "paid",
    "processing",
    "info_requested",
    "reopened",
    "issued",
    "delivered",
    "rejected",
];

pub(super) fn orders_desk(
    req: &Request,
    ctx: &Context,
    session: &Session,
    rest: &[&str],
    get: bool,
) -> Result<Response, Error> {
    let lang = session.lang;
    let who = &session.staff;
    match (rest, get) {
        ([], true) => {
            #[derive(Template)]
            #[template(path = "staff/orders.html")]
            struct QueuePage<'a> {
                lang: Lang,
                title: String,
                frame: Frame,
                filters: [&'a str; 9],
                filter: String,
                rows: Vec<orders::ListedOrder>,
            }
            let filter = query_pairs(req)
                .remove("state")
                .unwrap_or_else(|| "open".to_owned());
            let rows = orders::list(ctx.db, &filter, ctx.now)?;
            let html = render(QueuePage {
                lang,
                title: lang.tr("staff-nav-orders"),
                frame: Frame::new(req, session),
                filters: FILTERS,
                filter,
                rows,
            });
            Ok(html_response(StatusCode::OK, html))
        }
        ([id], true) => {
            #[derive(Template)]
            #[template(path = "staff/order.html")]
            struct DetailPage {
                lang: Lang,
                title: String,
                frame: Frame,
                id: i64,
                rows: Vec<(String, String)>,
                events: Vec<(String, String, String, String)>,
                state: State,
                refund_due: bool,
            }
            let id = id_of(id)?;
            let order = Order::by_id(ctx.db, id)?.ok_or(Error::NotFound)?;
            let document = orders::document::stored(ctx.db, id)?;
            let optional = |v: &Option<String>| v.clone().unwrap_or_default();
            let local = |t: Option<chrono::DateTime<chrono::Utc>>| {
                t.map(|t| local_time(t, lang)).unwrap_or_default()
            };
            let name = ctx
                .office
                .orders
                .document(&order.document)
                .map(|d| d.name(lang).to_owned())
                .unwrap_or_else(|_| order.document.clone());
            let mut rows = vec![
                (lang.tr("staff-order-document"), name),
                (lang.tr("staff-column-state"), order.state.code().to_owned()),
                (lang.tr("staff-order-due"), local(order.due_at)),
                (
                    lang.tr("staff-order-taken-by"),
                    optional(&order.assigned_to),
                ),
                (lang.tr("staff-order-requester"), order.name.clone()),
                (lang.tr("staff-field-email"), order.email.clone()),
                (lang.tr("staff-field-phone"), optional(&order.phone)),
                (
                    lang.tr("staff-order-fee"),
                    crate::web::html::fee(order.fee_bani, lang),
                ),
                (lang.tr("staff-order-paid"), local(order.paid_at)),
                (lang.tr("staff-order-refund"), optional(&order.refund)),
            ];
            for (detail, value) in &order.details {
                rows.push((detail_label(detail, lang), value.clone()));
            }
            if let Some(d) = &document {
                rows.push((
                    lang.tr("staff-order-issued-document"),
                    lang.tr_args("staff-order-issued-file", &{
                        let mut a = Args::new();
                        a.set("file", d.filename.clone());
                        a.set("bytes", d.content.len());
                        a.set("sha256", d.sha256.clone());
                        a
                    }),
                ));
            }
            let events = orders::events(ctx.db, id)?
                .iter()
                .map(|e| {
                    (
                        local_time(e.at, lang),
                        e.kind.clone(),
                        optional(&e.staff),
                        optional(&e.text),
                    )
                })
                .collect();
            let html = render(DetailPage {
                lang,
                title: lang.tr1("staff-order-title", "id", id.to_string()),
                frame: Frame::new(req, session),
                id,
                rows,
                events,
                state: order.state,
                refund_due: order.refund.as_deref() == Some("due"),
            });
            Ok(html_response(StatusCode::OK, html))
        }
        ([id, step @ ("take" | "progress" | "ask" | "reject")], false) => {
            let fields = form(req, session)?;
            let id = id_of(id)?;
            actions::order_step(ctx, who, id, step, &fields)?;
            Ok(see_other(&format!("/staff/orders/{id}?done=step")))
        }
        ([id, "issue"], false) => {
            let id = id_of(id)?;
            let upload = upload::read(req)?;
            session.check_csrf(upload.fields.get("csrf").map(String::as_str))?;
            actions::issue_order(ctx, who, id, &upload.pdf)?;
            Ok(see_other(&format!("/staff/orders/{id}?done=issued")))
        }
        ([id, "refund"], false) => {
            form(req, session)?;
            let id = id_of(id)?;
            actions::refund_order(ctx, who, id)?;
            Ok(see_other(&format!("/staff/orders/{id}?done=refunded")))
        }
        _ => Err(Error::NotFound),
    }
}

/// An order detail's label, as the order form shows it; nothing for a detail the
/// catalog no longer has.
fn detail_label(code: &str, lang: Lang) -> String {
    use crate::orders::catalog::Detail;
    [Detail::Vin, Detail::Plate, Detail::Holder]
        .into_iter()
        .find(|d| d.code() == code)
        .map_or_else(String::new, |d| d.name(lang))
}
