//! The citizen's side of digital orders (D01–D04): the catalog, ordering, paying at
//! the provider's checkout, the status check with its history and download, and the
//! links in the emails; plus the provider's webhook. Pages work without JavaScript.

use crate::context::Context;
use crate::defence::challenge::Purpose;
use crate::kernel::error::Error;
use crate::kernel::fields::Fields;
use crate::kernel::text::Lang;
use crate::orders::catalog::CURRENCY;
use crate::orders::document::{self, Download};
use crate::orders::intake::{self, NewOrder};
use crate::orders::payment::{self, Outcome};
use crate::orders::processing;
use crate::orders::{self, Order, OrderNumber, OrderStatusView};
use crate::web::html;
use crate::web::toolkit::{
    Format, Request, Response, admit, body_fields, format_of, html_response, idempotency_key,
    json_response, lang_of, limit_client, optional_body_fields, posted_number, query_pairs,
    refused_page, require_get, see_other, shows_form_again,
};
use http::{Method, StatusCode, header};
use serde_json::json;

/// Routes the orders component's paths.
pub fn orders(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let path = req.uri().path().trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let get = matches!(*req.method(), Method::GET | Method::HEAD);
    // The `/api/…` routes' methods are checked against the document before routing
    // (`toolkit::check_method`); the pages' here, so no other method counts as a POST.
    if !get && *req.method() != Method::POST {
        return Err(Error::MethodNotAllowed {
            allow: match segments.as_slice() {
                ["orders"] | ["orders", "info", _] => "GET, HEAD, POST",
                _ => "GET, HEAD",
            },
        });
    }
    match (segments.as_slice(), get) {
        (["api", "documents"], _) => catalog(req, ctx),
        (["api", "payments", "webhook"], false) => webhook(req, ctx),
        (["api", "orders"], false) => place(req, ctx),
        (["api", "orders", number], true) | (["orders", number], true) if *number != "return" => {
            status(req, ctx, number, lang_of(req, None))
        }
        (["api", "orders", number, "document"], true) => {
            let number = OrderNumber::parse(number).map_err(|_| Error::NotFound)?;
            Ok(pdf_response(document::by_number(ctx.db, &number, ctx.now)?))
        }
        (["api", "orders", number, action], false) => order_action(req, ctx, number, action),
        (["orders"], true) => order_pages(req, ctx),
        (["orders"], false) => order_lookup(req, ctx),
        (["orders", "return"], true) => Ok(html_response(
            StatusCode::OK,
            html::order_return_page(
                lang_of(req, None),
                query_pairs(req).contains_key("cancelled"),
            ),
        )),
        (["orders", "info", token], _) => info_link(req, ctx, token),
        (["orders", "download", token], true) => {
            Ok(pdf_response(document::by_token(ctx.db, token, ctx.now)?))
        }
        (["api", "orders"] | ["api", "payments", "webhook"], true) => {
            Err(Error::MethodNotAllowed { allow: "POST" })
        }
        (["api", "orders", _] | ["orders", _], false) => {
            Err(Error::MethodNotAllowed { allow: "GET" })
        }
        _ => Err(Error::NotFound),
    }
}

/// GET /api/documents: the catalog with its fees (D02).
fn catalog(req: &Request, ctx: &Context) -> Result<Response, Error> {
    require_get(req)?;
    let settings = &ctx.office.orders;
    let documents: Vec<_> = settings
        .documents
        .iter()
        .map(|d| {
            json!({
                "code": d.code,
                "name": {"ro": d.name_ro, "en": d.name_en, "hu": d.name(Lang::Hu)},
                "fee_bani": d.fee_bani,
                "currency": CURRENCY,
                "details": d.details,
                "deadline_business_days": d.deadline_business_days,
            })
        })
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "documents": documents,
            "tariff_source": settings.tariff_source,
            "example": settings.example,
            "pay_within_hours": settings.pay_within_hours,
            "download_days": settings.download_days,
        }),
    ))
}

/// A refused order form, shown again with what was typed and the error by its field
/// and in the summary; None when the submission names no document to show.
fn refused_order_form(
    req: &Request,
    ctx: &Context,
    submitted: Fields,
    error: &Error,
) -> Option<Response> {
    let document = ctx
        .office
        .orders
        .document(submitted.get("document")?)
        .ok()?;
    let lang = lang_of(req, Some(&submitted));
    let form = html::FormState::refused(submitted, error, lang, intake::INPUTS);
    let page = html::order_form_page(lang, document, ctx.proof_of_work().is_some(), form);
    Some(refused_page(error, page))
}

/// POST /api/orders (D01): 201 with the order number and the amount due.
fn place(req: &Request, ctx: &Context) -> Result<Response, Error> {
    limit_client(req, ctx)?;
    let mut fields = body_fields(req)?;
    let submitted = fields.clone();
    let outcome = admit(&mut fields, Purpose::Order, ctx).and_then(|challenge| {
        let new = NewOrder::parse(&fields, ctx.office)?;
        let placed = intake::place(
            ctx.db,
            ctx.office,
            &new,
            idempotency_key(req)?,
            challenge.as_deref(),
            &ctx.links(),
            ctx.now,
        )?;
        Ok((new, placed))
    });
    let (new, placed) = match outcome {
        Err(e) if shows_form_again(req, &e) => {
            return refused_order_form(req, ctx, submitted, &e).ok_or(e);
        }
        other => other?,
    };
    let status = if placed.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let number = placed.number.as_ref().map(ToString::to_string);
    let view = OrderStatusView::new(&placed.order, &[], ctx.office, ctx.now);
    let mut response = match format_of(req) {
        Format::Html => html_response(
            status,
            html::order_placed_page(new.lang, number.as_deref(), &view),
        ),
        Format::Json => json_response(
            status,
            &json!({
                "order_number": number,
                "replayed": placed.replayed,
                "amount_due": {"bani": placed.order.fee_bani, "currency": placed.order.currency},
                "pay_by": view.pay_by,
                "order": view,
            }),
        ),
    };
    if placed.replayed {
        response.headers_mut().insert(
            "idempotent-replayed",
            http::HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// GET /api/orders/{number} and /orders/{number} (D04): the status and history; no
/// personal data beyond a masked name. Unknown and malformed numbers are one 404.
fn status(req: &Request, ctx: &Context, typed: &str, lang: Lang) -> Result<Response, Error> {
    let (number, order) = Order::by_typed_number(ctx.db, typed)?;
    let events = orders::events(ctx.db, order.id)?;
    let view = OrderStatusView::new(&order, &events, ctx.office, ctx.now);
    let page = req.uri().path().starts_with("/orders");
    Ok(match (format_of(req), page) {
        (Format::Html, _) | (_, true) => {
            let done = query_pairs(req).remove("done");
            html_response(
                StatusCode::OK,
                html::order_status_page(lang, &number.to_string(), &view, done.as_deref()),
            )
        }
        (Format::Json, false) => json_response(StatusCode::OK, &json!({"order": view})),
    })
}

/// POST /api/orders/{number}/{pay|cancel|problem|link}: the requester's actions.
fn order_action(
    req: &Request,
    ctx: &Context,
    typed: &str,
    action: &str,
) -> Result<Response, Error> {
    let (number, order) = Order::by_typed_number(ctx.db, typed)?;
    let fields = optional_body_fields(req)?;
    let lang = lang_of(req, Some(&fields));
    let back = |done: &str| {
        see_other(&format!(
            "/orders/{number}?lang={}&done={done}",
            lang.code()
        ))
    };
    let html = format_of(req) == Format::Html;
    match action {
        "pay" => {
            let provider = payment::provider(ctx.settings)?;
            let checkout = payment::start_checkout(
                ctx.db,
                ctx.office,
                provider.as_ref(),
                ctx.http,
                &order,
                &ctx.links(),
                ctx.now,
            )?;
            Ok(if html {
                see_other(&checkout.url)
            } else {
                json_response(
                    StatusCode::CREATED,
                    &json!({"checkout_url": checkout.url, "provider": provider.name()}),
                )
            })
        }
        "cancel" => {
            processing::cancel(ctx.db, &order, ctx.now)?;
            Ok(if html {
                back("cancelled")
            } else {
                state_json(ctx, &order)?
            })
        }
        "problem" => {
            processing::report_problem(ctx.db, ctx.office, &order, &fields, ctx.now)?;
            Ok(if html {
                back("problem")
            } else {
                state_json(ctx, &order)?
            })
        }
        "link" => {
            processing::renew_link(ctx.db, ctx.office, &order, &ctx.links(), ctx.now)?;
            Ok(if html {
                back("link")
            } else {
                state_json(ctx, &order)?
            })
        }
        _ => Err(Error::NotFound),
    }
}

fn state_json(ctx: &Context, before: &Order) -> Result<Response, Error> {
    let order = Order::by_id(ctx.db, before.id)?.ok_or(Error::NotFound)?;
    let events = orders::events(ctx.db, order.id)?;
    Ok(json_response(
        StatusCode::OK,
        &json!({"order": OrderStatusView::new(&order, &events, ctx.office, ctx.now)}),
    ))
}

/// The document, as a download (never shown inline, never cached).
fn pdf_response(download: Download) -> Response {
    let mut response = html_response(StatusCode::OK, String::new());
    *response.body_mut() = download.content;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/pdf"),
    );
    // The name was reduced to safe ASCII when it was uploaded.
    if let Ok(value) =
        http::HeaderValue::from_str(&format!("attachment; filename=\"{}\"", download.filename))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    if let Ok(value) = http::HeaderValue::from_str(&format!("sha-256={}", download.sha256)) {
        headers.insert("repr-digest", value);
    }
    response
}

/// GET /orders: the catalog with a link per document, and the status lookup (its
/// form posts to `/orders`); `?document=…` the order form; `?number=…` the status,
/// as earlier pages asked it.
fn order_pages(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let query = query_pairs(req);
    let lang = lang_of(req, None);
    if let Some(number) = query.get("number") {
        return status(req, ctx, number, lang);
    }
    let page = match query.get("document") {
        Some(code) => html::order_form_page(
            lang,
            ctx.office.orders.document(code)?,
            ctx.proof_of_work().is_some(),
            html::FormState::default(),
        ),
        None => html::order_catalog_page(lang, &ctx.office.orders),
    };
    Ok(html_response(StatusCode::OK, page))
}

/// POST /orders: the catalog's status form.
fn order_lookup(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let (number, lang) = posted_number(req)?;
    status(req, ctx, &number, lang)
}

/// GET shows the staff's question and the answer form; POST answers (once).
fn info_link(req: &Request, ctx: &Context, token: &str) -> Result<Response, Error> {
    let lang = lang_of(req, None);
    let invalid = || html_response(StatusCode::NOT_FOUND, html::link_invalid_page(lang));
    match *req.method() {
        Method::GET | Method::HEAD => Ok(match processing::open_question(ctx.db, token)? {
            Some((_, question)) => {
                html_response(StatusCode::OK, html::order_info_page(lang, &question))
            }
            None => invalid(),
        }),
        Method::POST => {
            let fields = body_fields(req)?;
            let lang = lang_of(req, Some(&fields));
            Ok(match processing::answer(ctx.db, token, &fields, ctx.now)? {
                true => html_response(StatusCode::OK, html::order_answered_page(lang)),
                false => invalid(),
            })
        }
        _ => Err(Error::MethodNotAllowed { allow: "GET, POST" }),
    }
}

/// POST /api/payments/webhook (D02): verified, then applied once.
fn webhook(req: &Request, ctx: &Context) -> Result<Response, Error> {
    let provider = payment::provider(ctx.settings)?;
    let notification = provider.read_webhook(req.headers(), req.body(), ctx.now)?;
    let outcome = payment::apply(
        ctx.db,
        ctx.office,
        provider.as_ref(),
        &notification,
        ctx.now,
    )?;
    Ok(json_response(
        StatusCode::OK,
        &json!({"received": true, "outcome": outcome, "paid": outcome == Outcome::Paid}),
    ))
}
